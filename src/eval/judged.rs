//! `eval judged FILE`: precision of the demo's reported contradictions from hand judgements kept as data.
//!
//! The file is a TSV: `#` lines are comments, the first other line is the header, then one pair
//! per line: `thread`, `kind`, `a`, `b`, `judgement`, `reason`. `a` and `b` name the two claims
//! as `origin@start-end` (the article's origin without `demo/`, the byte span of the claim's
//! content in the cleaned body), in sorted order, so a key survives re-ingest and does not
//! depend on which claim the detector put first. `judgement` is `correct`, `wrong` or `unsure`.
//!
//! Scoring ingests the bundled demo corpus into an in-memory database (as `eval demo` does),
//! keys every reported contradiction the same way and counts, over the judged pairs that are
//! still reported, precision = correct / (correct + wrong), overall and per kind; `unsure`
//! pairs are counted apart. Judged pairs no longer reported, and reported pairs not judged,
//! are counted too.
//!
//! `--sample N --seed S` draws N of the unjudged reported pairs (sorted by key, then a partial
//! Fisher–Yates shuffle driven by splitmix64 seeded with S), appends them as `unsure` with an
//! empty reason under a comment naming the seed, and prints both sentences of each for the
//! person who fills them in.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::demo;
use crate::model::{Stance, StoredClaim, StoredContradiction};
use crate::store::Store;
use crate::talk::Talk;

/// Column names of the judgement file.
pub const HEADER: &str = "thread\tkind\ta\tb\tjudgement\treason";

/// A reported pair, independent of database ids and of claim order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct PairKey {
    pub thread: String,
    pub kind: String,
    pub a: String,
    pub b: String,
}

impl PairKey {
    /// Key of two claims given as `origin@start-end`; the order of `x` and `y` does not matter.
    pub fn new(thread: &str, kind: &str, x: String, y: String) -> PairKey {
        let (a, b) = if x <= y { (x, y) } else { (y, x) };
        PairKey {
            thread: thread.to_string(),
            kind: kind.to_string(),
            a,
            b,
        }
    }
}

impl fmt::Display for PairKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\t{}\t{}\t{}", self.thread, self.kind, self.a, self.b)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Correct,
    Wrong,
    Unsure,
}

impl Verdict {
    fn parse(s: &str) -> Option<Verdict> {
        match s {
            "correct" => Some(Verdict::Correct),
            "wrong" => Some(Verdict::Wrong),
            "unsure" => Some(Verdict::Unsure),
            _ => None,
        }
    }
}

/// One line of the judgement file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Judgement {
    pub key: PairKey,
    pub verdict: Verdict,
    pub reason: String,
}

/// The text of a judgement file; a file that does not exist yet is empty when rows are
/// about to be drawn into it.
pub fn read_judgements(path: &Path, drawing: bool) -> Result<String> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && drawing => Ok(String::new()),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Append drawn rows to a judgement file whose text is `existing`: a new file opens with the
/// comment `title` and the header, and a last line without its newline gets one first.
pub fn append_rows(
    path: &Path,
    existing: &str,
    title: &str,
    header: &str,
    rows: &str,
) -> Result<()> {
    let mut add = String::new();
    if existing.is_empty() {
        let _ = writeln!(add, "# {title}\n{header}");
    } else if !existing.ends_with('\n') {
        add.push('\n');
    }
    add.push_str(rows);
    let rows = add;
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    std::io::Write::write_all(&mut f, rows.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The rows of a hand-judgement TSV with their 0-based line numbers: blank lines and `#`
/// comments skipped, the first other line checked against `header` and left out, each row split
/// into at most six tab-separated columns.
pub fn judgement_rows<'a>(tsv: &'a str, header: &str) -> Result<Vec<(usize, Vec<&'a str>)>> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (n, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !seen_header {
            if line.trim_end() != header {
                bail!("line {}: expected the header {header:?}", n + 1);
            }
            seen_header = true;
            continue;
        }
        rows.push((n, line.splitn(6, '\t').collect()));
    }
    Ok(rows)
}

/// Parse a judgement file. Errors name the line; a pair judged twice is an error.
pub fn parse(tsv: &str) -> Result<Vec<Judgement>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (n, c) in judgement_rows(tsv, HEADER)? {
        if c.len() < 5 {
            bail!("line {}: expected 6 tab-separated columns", n + 1);
        }
        let Some(verdict) = Verdict::parse(c[4].trim()) else {
            bail!(
                "line {}: judgement {:?} is not correct, wrong or unsure",
                n + 1,
                c[4]
            );
        };
        let key = PairKey::new(
            c[0].trim(),
            c[1].trim(),
            c[2].trim().to_string(),
            c[3].trim().to_string(),
        );
        if !seen.insert(key.clone()) {
            bail!("line {}: pair judged twice: {key}", n + 1);
        }
        out.push(Judgement {
            key,
            verdict,
            reason: c.get(5).map(|s| s.trim().to_string()).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Counts of judgements among pairs still reported.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Tally {
    pub correct: usize,
    pub wrong: usize,
    pub unsure: usize,
}

impl Tally {
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Correct => self.correct += 1,
            Verdict::Wrong => self.wrong += 1,
            Verdict::Unsure => self.unsure += 1,
        }
    }
    /// correct / (correct + wrong); `None` when nothing is decided.
    pub fn precision(&self) -> Option<f64> {
        let n = self.correct + self.wrong;
        (n > 0).then(|| self.correct as f64 / n as f64)
    }
}

/// What the judgements say about the current detector.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct JudgedScores {
    /// Lines in the file.
    pub judged: usize,
    /// Contradictions the detector reports now.
    pub reported: usize,
    /// Judged pairs that are still reported (the only ones counted below).
    pub still_reported: usize,
    /// Judged pairs no longer reported (the detector dropped them, or changed their kind).
    pub gone: Vec<PairKey>,
    /// Reported pairs no line judges.
    pub unjudged: usize,
    pub overall: Tally,
    pub per_kind: BTreeMap<String, Tally>,
}

/// Score judgements against the keys of the pairs reported now (pure).
pub fn score(judgements: &[Judgement], reported: &[PairKey]) -> JudgedScores {
    let now: HashSet<&PairKey> = reported.iter().collect();
    let judged: HashSet<&PairKey> = judgements.iter().map(|j| &j.key).collect();
    let mut s = JudgedScores {
        judged: judgements.len(),
        reported: now.len(),
        unjudged: now.iter().filter(|k| !judged.contains(*k)).count(),
        ..JudgedScores::default()
    };
    for j in judgements {
        if !now.contains(&j.key) {
            s.gone.push(j.key.clone());
            continue;
        }
        s.still_reported += 1;
        s.overall.add(j.verdict);
        s.per_kind
            .entry(j.key.kind.clone())
            .or_default()
            .add(j.verdict);
    }
    s
}

fn pct(p: Option<f64>) -> String {
    p.map_or_else(|| "-".to_string(), |p| format!("{p:.3}"))
}

impl fmt::Display for JudgedScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "judged pairs: {} ({} still reported, {} no longer reported)",
            self.judged,
            self.still_reported,
            self.gone.len()
        )?;
        writeln!(
            f,
            "reported pairs: {} ({} unjudged)",
            self.reported, self.unjudged
        )?;
        writeln!(
            f,
            "{:<9} {:>7} {:>5} {:>6} {:>9}",
            "kind", "correct", "wrong", "unsure", "precision"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, k: &str, t: &Tally| {
            writeln!(
                f,
                "{k:<9} {:>7} {:>5} {:>6} {:>9}",
                t.correct,
                t.wrong,
                t.unsure,
                pct(t.precision())
            )
        };
        for (k, t) in &self.per_kind {
            row(f, k, t)?;
        }
        row(f, "all", &self.overall)?;
        for k in &self.gone {
            writeln!(f, "  no longer reported: {k}")?;
        }
        Ok(())
    }
}

/// splitmix64 (Steele, Lea, Flood 2014): a tiny deterministic generator, enough for sampling.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (rejection sampling, no modulo bias); `n` > 0.
    pub fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n;
            }
        }
    }
}

/// Draw `n` of `pool` (sorted first, so the draw depends only on the set and the seed); pairs
/// here, claims in [`super::sides`].
pub fn draw<K: Ord + Clone>(pool: &[K], n: usize, seed: u64) -> Vec<K> {
    let mut v: Vec<K> = pool.to_vec();
    v.sort();
    v.dedup();
    let n = n.min(v.len());
    let mut rng = SplitMix64::new(seed);
    for i in 0..n {
        let j = i + rng.below((v.len() - i) as u64) as usize;
        v.swap(i, j);
    }
    v.truncate(n);
    v
}

/// `origin@start-end` of a stored claim.
fn claim_ref(c: &StoredClaim, origins: &HashMap<i64, String>) -> String {
    let origin = origins.get(&c.article_id).map_or("?", |o| o.as_str());
    let origin = origin.strip_prefix("demo/").unwrap_or(origin);
    format!("{origin}@{}-{}", c.claim.span.start, c.claim.span.end)
}

/// Key of a reported contradiction.
pub fn key_of(x: &StoredContradiction, origins: &HashMap<i64, String>) -> PairKey {
    PairKey::new(
        &x.contradiction.thread,
        x.contradiction.kind.as_str(),
        claim_ref(&x.a, origins),
        claim_ref(&x.b, origins),
    )
}

/// The demo's reported contradictions, keyed (ingest errors go to `talk`).
pub fn demo_pairs(talk: &Talk) -> Result<Vec<(PairKey, StoredContradiction)>> {
    let mut store = Store::open_in_memory()?;
    demo::ingest_corpus(&mut store, talk.clone())?;
    let origins: HashMap<i64, String> = store
        .articles(None)?
        .into_iter()
        .map(|a| (a.id, a.article.origin))
        .collect();
    let mut out: Vec<(PairKey, StoredContradiction)> = store
        .contradictions(None, None)?
        .into_iter()
        .map(|x| (key_of(&x, &origins), x))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Both claims of a pair in the order of its key, for a person to judge.
pub fn describe(key: &PairKey, x: &StoredContradiction) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{key}");
    let _ = writeln!(
        s,
        "  proposition: {}  (score {:.2})",
        x.contradiction.proposition, x.contradiction.score
    );
    let _ = writeln!(s, "  {}", x.contradiction.explanation);
    for c in [&x.a, &x.b] {
        let date = c
            .claim
            .date
            .date
            .map_or_else(|| "-".to_string(), |d| d.to_string());
        let _ = writeln!(
            s,
            "  - @{}-{} {} ({}) {} [{}{}]: {}\n      content: {}",
            c.claim.span.start,
            c.claim.span.end,
            c.claim.speaker,
            c.claim.actor_code.as_deref().unwrap_or("-"),
            date,
            c.claim.frame.as_deref().unwrap_or("-"),
            match c.claim.polarity {
                Stance::Asserts => "+",
                Stance::Denies => "-",
                Stance::Neutral => "0",
            },
            c.claim.sentence.replace('\n', " "),
            c.claim.text.replace('\n', " ")
        );
    }
    s
}

/// Run `eval judged`: score the file; with `sample`, first append `n` drawn pairs as `unsure`.
/// Returns the scores and the text to print (drawn pairs with their sentences, or with `show`
/// every judged pair still reported). Ingest errors go to `talk`.
pub fn run(
    path: &Path,
    sample: Option<(usize, u64)>,
    show: bool,
    talk: &Talk,
) -> Result<(JudgedScores, String)> {
    let existing = read_judgements(path, sample.is_some())?;
    let mut judgements =
        parse(&existing).with_context(|| format!("{}: not a judgement file", path.display()))?;
    let pairs = demo_pairs(talk)?;
    let keys: Vec<PairKey> = pairs.iter().map(|(k, _)| k.clone()).collect();
    let by_key: HashMap<&PairKey, &StoredContradiction> =
        pairs.iter().map(|(k, x)| (k, x)).collect();
    let mut text = String::new();

    if let Some((n, seed)) = sample {
        let judged: HashSet<&PairKey> = judgements.iter().map(|j| &j.key).collect();
        let pool: Vec<PairKey> = keys
            .iter()
            .filter(|k| !judged.contains(k))
            .cloned()
            .collect();
        let drawn = draw(&pool, n, seed);
        let mut add = String::new();
        let _ = writeln!(
            add,
            "# sample: {} of {} unjudged reported pairs, seed {seed}, drawn {} (splitmix64, keys sorted)",
            drawn.len(),
            pool.len(),
            chrono::Local::now().date_naive()
        );
        for k in &drawn {
            let _ = writeln!(add, "{k}\tunsure\t");
            if let Some(x) = by_key.get(k) {
                text.push_str(&describe(k, x));
            }
            judgements.push(Judgement {
                key: k.clone(),
                verdict: Verdict::Unsure,
                reason: String::new(),
            });
        }
        append_rows(
            path,
            &existing,
            "Hand judgements of the demo's reported contradictions (storyline eval judged).",
            HEADER,
            &add,
        )?;
    } else if show {
        for j in &judgements {
            if let Some(x) = by_key.get(&j.key) {
                text.push_str(&describe(&j.key, x));
                let _ = writeln!(
                    text,
                    "  judged {}: {}",
                    match j.verdict {
                        Verdict::Correct => "correct",
                        Verdict::Wrong => "wrong",
                        Verdict::Unsure => "unsure",
                    },
                    j.reason
                );
            }
        }
    }
    Ok((score(&judgements, &keys), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(kind: &str, a: &str, b: &str) -> PairKey {
        PairKey::new("t", kind, a.to_string(), b.to_string())
    }

    fn line(k: &PairKey, v: &str, why: &str) -> String {
        format!("{k}\t{v}\t{why}\n")
    }

    #[test]
    fn keys_ignore_claim_order() {
        assert_eq!(
            key("opposing", "x.txt@1-5", "a.txt@9-12"),
            key("opposing", "a.txt@9-12", "x.txt@1-5")
        );
        assert_ne!(
            key("opposing", "a.txt@1-5", "b.txt@9-12"),
            key("denial", "a.txt@1-5", "b.txt@9-12")
        );
    }

    /// Known counts: a judged pair no longer reported, a reported pair with another kind,
    /// unsure pairs and unjudged pairs each land where they should.
    #[test]
    fn precision_counts_only_pairs_still_reported() {
        let k1 = key("opposing", "a.txt@0-10", "b.txt@0-10");
        let k2 = key("opposing", "a.txt@20-30", "b.txt@20-30");
        let k3 = key("denial", "a.txt@40-50", "c.txt@0-10");
        let k4 = key("numeric", "a.txt@60-70", "c.txt@20-30");
        let gone = key("numeric", "a.txt@80-90", "c.txt@40-50");
        // Judged as denial, reported now as opposing: not the same pair.
        let rekinded = key("denial", "a.txt@20-30", "b.txt@20-30");
        let unj = key("reversal", "d.txt@0-5", "d.txt@9-15");
        let mut tsv = format!("# comment\n{HEADER}\n");
        // Claims given in the other order still match.
        tsv.push_str("t\topposing\tb.txt@0-10\ta.txt@0-10\tcorrect\tsame proposition\n");
        tsv.push_str(&line(&k2, "wrong", "different proposals"));
        tsv.push_str(&line(&k3, "correct", "denies the accusation"));
        tsv.push_str(&line(&k4, "unsure", ""));
        tsv.push_str(&line(&gone, "correct", "was right"));
        tsv.push_str(&line(&rekinded, "wrong", "kind"));
        let j = parse(&tsv).unwrap();
        assert_eq!(j.len(), 6);
        let reported = vec![k1, k2, k3, k4, unj];
        let s = score(&j, &reported);
        assert_eq!(s.judged, 6);
        assert_eq!(s.reported, 5);
        assert_eq!(s.still_reported, 4);
        assert_eq!(s.gone, vec![gone, rekinded]);
        assert_eq!(s.unjudged, 1);
        assert_eq!(
            s.overall,
            Tally {
                correct: 2,
                wrong: 1,
                unsure: 1
            }
        );
        assert_eq!(s.overall.precision(), Some(2.0 / 3.0));
        assert_eq!(s.per_kind["opposing"].precision(), Some(0.5));
        assert_eq!(s.per_kind["denial"].precision(), Some(1.0));
        assert_eq!(s.per_kind["numeric"].precision(), None);
        assert!(!s.per_kind.contains_key("reversal"));
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(parse("kind\tjudgement\n").is_err());
        let k = key("opposing", "a@0-1", "b@0-1");
        let twice = format!(
            "{HEADER}\n{}{}",
            line(&k, "correct", ""),
            line(&k, "wrong", "")
        );
        assert!(parse(&twice).is_err());
        assert!(parse(&format!("{HEADER}\n{}", line(&k, "maybe", ""))).is_err());
    }

    #[test]
    fn draws_are_seeded_and_without_repeats() {
        let pool: Vec<PairKey> = (0..50)
            .map(|i| key("opposing", &format!("a@{i}-{}", i + 1), "b@0-1"))
            .collect();
        let mut shuffled = pool.clone();
        shuffled.reverse();
        let d = draw(&pool, 10, 17);
        assert_eq!(d.len(), 10);
        // The same set in another order gives the same draw; another seed another draw.
        assert_eq!(d, draw(&shuffled, 10, 17));
        assert_ne!(d, draw(&pool, 10, 18));
        let uniq: HashSet<&PairKey> = d.iter().collect();
        assert_eq!(uniq.len(), 10);
        assert_eq!(draw(&pool, 80, 1).len(), 50);
        // splitmix64's published first output for seed 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    /// The committed sample (src/data/demo/judgements.tsv) is complete, names its seed,
    /// and every pair it judges is still reported, so the README's figures are today's.
    #[test]
    fn committed_judgements_are_complete_and_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data/demo/judgements.tsv");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("seed 17"), "the file names its seed");
        let j = parse(&text).unwrap();
        assert!(j
            .iter()
            .all(|j| j.verdict != Verdict::Unsure && !j.reason.is_empty()));
        let (s, _) = run(&path, None, false, &Talk::silent()).unwrap();
        // The first sample (seed 17) was drawn before later detector and extraction changes:
        // 17 of its pairs are no longer reported. The second (seed 18, 2026-11-30) judged every
        // other pair reported that day; then numeric pairs across articles needed two shared
        // incident words (5 more gone, all judged wrong) and one new pair was judged (seed 19):
        // all 67 reported pairs are judged. Sixth round (2026-11-30): the issue-12 rules (passives,
        // location, dismissed steps, agencies as reporters, litotes, tolls of two named weekdays)
        // dropped five pairs (one correct) and brought three, judged with seed 7 (one correct);
        // the claims round dropped two denial pairs judged wrong and brought two (seed 20 wrong,
        // seed 21 correct, replacing a correct pair that went): 64 reported, all judged. A
        // joint statement recorded once per party added one reversal (seed 22, wrong): 65.
        // Issue 12 pairs round: a claim set against another inside its own article no longer
        // pairs across articles: 13 pairs gone (5 correct, 8 wrong, six of them reversals), none
        // new: 52 reported, all judged. Second pairs round: inside an article an assertion gets
        // one reply per answering body, the nearest: 5 pairs gone (4 correct, most of them the
        // same quarrel still reported with another copy of the claim; 1 wrong), 3 judged pairs
        // back (2 correct, 1 wrong) and 1 new (seed 23, wrong; a second row of that draw is no
        // longer reported): 51 reported, all judged. Third pairs round: rival doers oppose only
        // as a counter-accusation (one side names the other, neither names itself): 5 opposing
        // pairs gone (all wrong), 1 new (seed 31, wrong): 47 reported, all judged. Numeric
        // round: two counts are of one quantity only over one window of time, one scope, one
        // doer (a party's part above all sides' whole), one cause in each claim's own words, and
        // truck counts of one convoy: 7 numeric pairs gone (all wrong), none new: 40 reported,
        // all judged. Opposing/reversal precision round (issue 12): a claim that concedes ("but")
        // takes no side, rival doers need one incident in their own words and a past act (no
        // bare modal), a frame-only claim pairs across articles only when the two claims' own
        // words share what they speak of, a reversal needs a position in the claim's own
        // reading: 10 pairs gone (all wrong: 8 opposing, 2 reversals), 1 judged correct pair back, 1
        // new (seed 41, wrong): 32 reported, all judged. Stance-mode round (issue 12): a
        // request to another party, a party's own readiness or work, an objection to terms or an
        // appraisal meets only a claim of its own mode, and a reversal is not read across a
        // month outside the two claims' own: 6 pairs gone (all wrong: 5 opposing, 1 reversal),
        // the US official's "no agreement is close" pairs with Shoigu's labelled "nearing an
        // arrangement" again (judged correct) instead of his "experts meet daily"; 1 new pair
        // drawn with seed 51 (wrong) went again with the appraisal cue: 27 reported, all
        // Denial precision round (issue 12): a short rejection of a bare thing that is neither a
        // charge nor an act ("rejected the rebranding", "dismissed the announcement as
        // propaganda") takes no position: 2 denial pairs gone (both wrong), none new: 25 reported,
        // all judged correct (in-sample). Eleventh round (issue 12): an apposition after the
        // attribution's trailer ("…, a monitor said Monday, a higher toll than …") no longer
        // stands for the claim, and title-case datelines ("Beirut (AFP) - ") leave the body
        // (judged spans of those articles re-keyed, 15-17 bytes earlier): 1 numeric pair new
        // (seed 61, correct): 26 reported, all judged correct. Thirteenth round (issue 12): a
        // quoted fragment inside an act's phrase ("had \"nothing to do\" with") reads as the
        // phrase: the White House/Kremlin convoy denial is new, and the General Staff's count
        // of violations now pairs with Kerry's "holding" of its own day and article instead of
        // Toner's of the next (both judged correct, seed 71): 27 reported, all judged correct.
        // Sixteenth round (issue 12): a bare blame ("activists blamed Russian or Syrian
        // aircraft") states responsibility, and rival doers set it against the Observatory's
        // report that rebels still held an academy they seized: 1 new opposing pair (seed 17,
        // wrong): 28 reported, 27 judged correct. Twenty-second round (issue 12): generic
        // craft nouns share a class in a claim's own words ("jet"/"warplane") and leaving a
        // party's airspace is the opposite of being inside it: the sixteenth round's wrong
        // pair is gone (77 no longer reported), and 2 of the 18 unjudged pairs drawn with
        // seed 23 were both wrong (older pairs, not new): 29 judged reported, 27 correct.
        // Twenty-seventh round (issue 12): 13 pairs reported since the twenty-sixth round had
        // gone unjudged (the counts below do not see unjudged pairs); a harm act ("were
        // killed" vs "no casualties") meets only a harm of one article or day, which drops the
        // wrong 13/20 September toll pair (78 no longer reported); a ballot's "no" and a
        // contrast (", not for war", "but not this peace") negate nothing, which drops 5 of the
        // 13; the other 8, drawn with seed 91, were all wrong (words-only opposing pairs): 36
        // judged reported, 27 correct. The test now also fails on any unjudged pair. The
        // review's mends (a harm's words meet only one day's too) drop the Red Crescent pair
        // and bring back an older words-only pair (seed 92, wrong): 36 reported, 27 correct.
        // Twenty-eighth round (issue 12): what a verbal negator denies is the verb after it,
        // not the subject before it ("the evacuation should not become a model" no longer
        // meets "the evacuation of Daraya"); a negated clause of one content word ("not
        // guaranteed", "does not help anyone") meets nothing; a quoted contrast ("only words,
        // not actions") negates nothing: 7 of the 9 wrong words-only pairs gone, no correct
        // pair lost (86 no longer reported): 29 reported, 27 correct.
        // Thirty-fifth round (issue 12): a one-word denial ("The State Department rejected
        // that.") is a claim; it meets Lavrov's later charge that the US sabotaged the deal
        // (seed 93, correct): 30 reported, 28 correct. Tolls a day apart that share one
        // incident word meet: the Russian military's 62 soldiers killed near Deir Ezzor
        // against the monitor's 83 of the next day (seed 94, correct): 31 reported, 29 correct.
        // The review's mends keep a pronoun only after "deny" ("rejected that" may reject a
        // proposal): the seed-93 pair is gone (87 no longer reported): 30 reported, 28 correct.
        // Thirty-ninth round (issue 12): a bare "dismissed the claim" answers the statement in
        // the sentence right before it; for a while the Pentagon's dismissal answered
        // Konashenkov's drone quote (judged correct), until the statement answered had to name
        // the denier's side: the lede's pair is back and the quote's pair is no longer
        // reported (88 no longer reported): 30 reported, 28 correct.
        // If these counts move, the detector changed again: judge the new pairs
        // (eval judged FILE --sample N --seed S) and update the README.
        assert_eq!(s.unjudged, 0, "every reported pair is judged: {s}");
        assert_eq!(s.gone.len(), 88, "{s}");
        assert_eq!(s.still_reported, 30, "{s}");
        assert_eq!((s.overall.correct, s.overall.wrong), (28, 2), "{s}");
    }
}
