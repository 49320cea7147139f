//! `eval gold DIR`: score claims (side, date) and contradictions against a folder of real pages with a hand-made `gold.json`.
//!
//! The folder holds page excerpts (`NN-slug.txt`: line 1 the URL, line 2 a title added by the
//! corpus builders, the page text from line 3), an `index.tsv` (num, slug, date, …) and a
//! `gold.json` (see GOLD.md beside it). Every page is ingested into one in-memory thread with its
//! date from `index.tsv` (the URL line as its address, the title line as its title), then:
//!
//! - **claims**: a gold claim is *found* by a stored claim of the same file whose text or
//!   sentence contains its `needle` (whitespace, quotes and case normalised); it is *right* when
//!   that claim also has the gold side and the gold date. Matching is one-to-one (a stored claim
//!   answers one gold claim; its own text is preferred over its sentence). Precision counts
//!   every stored claim of a gold file; recall every gold claim.
//! - **sides** follow the gold's convention (GOLD.md): ISO alpha-3 for a state (an actor code's
//!   first three letters, state media included), `UNO` for international bodies (IGO…) and for
//!   sources whose side is not stated (UNKNWN: "diplomats"), `NGO` for monitors, NGOs, private
//!   people and businesses (…NGO, NGO…, …BUS: the gold's shipping companies are NGO), `REB`
//!   for rebels (…REB, …NSA, …INS) and for an opposition that `sides.tsv` makes one party with
//!   its state's rebels (SYROPP); another opposition speaks for its state (GBROPP -> GBR). A
//!   gold side written with a camp's state ("YEMREB") is read as `REB`.
//! - **dates**: the claim's date when it is day-precise, else none; gold `null` matches none.
//! - **contradictions**: a reported pair is right when one claim contains one gold needle and the
//!   other the other (either order); scored overall (kind ignored) and per kind (kind equal).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Prf;
use crate::extract::actors::ActorCode;
use crate::ingest::{Format, ReadOptions};
use crate::model::{Precision, Stance, StoredClaim, StoredContradiction};
use crate::pipeline::{self, IngestConfig, Input, ThreadMode};
use crate::store::Store;
use crate::talk::Talk;

#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub claims: Vec<GoldClaim>,
    #[serde(default)]
    pub contradictions: Vec<GoldPair>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    pub file: String,
    #[serde(default)]
    pub speaker: String,
    pub country: Option<String>,
    pub date: Option<String>,
    pub needle: String,
    #[serde(default)]
    pub polarity: Stance,
    #[serde(default)]
    pub frame: Option<String>,
    #[serde(default)]
    pub about: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldPair {
    pub kind: String,
    pub a: GoldRef,
    pub b: GoldRef,
    #[serde(default)]
    pub about: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRef {
    pub file: String,
    pub needle: String,
}

/// Scores of one folder.
#[derive(Debug, Clone, Serialize)]
pub struct GoldScores {
    pub dir: String,
    pub files: usize,
    pub gold_claims: usize,
    pub stored_claims: usize,
    /// Gold claims whose needle a stored claim contains (any side, any date).
    pub found: usize,
    /// Found claims with the right side.
    pub right_side: usize,
    /// Found claims with the right date.
    pub right_date: usize,
    /// Gold claims whose speaker is named (not "a … official", "sources", …).
    pub named_speakers: usize,
    /// Of those, found with an actor code.
    pub named_with_code: usize,
    /// Needle only.
    pub claims_needle: Prf,
    /// Needle, side and date.
    pub claims: Prf,
    pub gold_contradictions: usize,
    pub reported_contradictions: usize,
    /// Kind ignored.
    pub contradictions: Prf,
    pub per_kind: BTreeMap<String, Prf>,
    /// With `--misses`: one line per missed gold pair and per false reported pair.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub misses: Vec<String>,
    /// With `--misses`: one line per found gold claim whose speaker got the wrong side, one per
    /// found gold claim with the wrong date, one per gold claim not found and one per stored
    /// claim that holds no gold needle.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claim_misses: Vec<String>,
}

/// Normalise text for needle matching: lower case, straight quotes and dashes, single spaces.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        let ch = match ch {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{a0}' => ' ',
            c => c,
        };
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(ch.to_lowercase());
    }
    out
}

/// The gold's side for an actor code (or a bare country): see the module doc.
pub fn gold_side(code: Option<&str>, country: Option<&str>) -> Option<String> {
    let Some(code) = code.filter(|c| !c.is_empty()) else {
        return country.map(str::to_string);
    };
    let typed = ActorCode::new(code);
    if typed.is_unknown() || code.starts_with("IGO") {
        return Some("UNO".into());
    }
    // A private business (NGOBUS, JPNBUS) is private, as the gold's NGO is.
    if code.starts_with("NGO") || code.ends_with("NGO") || code.ends_with("BUS") {
        return Some("NGO".into());
    }
    if code.len() >= 3
        && crate::extract::actors::ARMED_CAMP_ROLES
            .iter()
            .any(|r| code.ends_with(r))
    {
        return Some("REB".into());
    }
    // The opposition is a camp of its own only where the sides table makes it one party with
    // the state's rebels (SYROPP and SYRREB: an armed conflict); elsewhere a leader of the
    // opposition speaks for the state ("Labour leader" -> GBR).
    if let Some(state) = code.strip_suffix("OPP").filter(|s| s.len() == 3) {
        let camp = typed.side().map(|s| s.key);
        if camp.is_some() && camp == ActorCode::new(format!("{state}REB")).side().map(|s| s.key) {
            return Some("REB".into());
        }
    }
    if code.starts_with("IMG") {
        return Some("IMG".into());
    }
    typed.prefix().map(str::to_string)
}

/// A gold side written with the state of a camp ("YEMREB": the state's alpha-3 and the armed
/// camp's role) is the camp's side, `REB`, as the convention writes it: the side a camp takes
/// is its own, whatever country it fights in.
fn normalise_sides(mut gold: Gold) -> Gold {
    for c in &mut gold.claims {
        let camp = c.country.as_deref().is_some_and(|k| {
            k.len() == 6
                && crate::extract::actors::ARMED_CAMP_ROLES
                    .iter()
                    .any(|r| k.ends_with(r))
        });
        if camp {
            c.country = Some("REB".into());
        }
    }
    gold
}

/// Whether the gold speaker is a name rather than a description ("a US official", "sources").
fn named(speaker: &str) -> bool {
    let first = speaker.split_whitespace().next().unwrap_or("");
    let lower = speaker.to_lowercase();
    !speaker.is_empty()
        && first.chars().next().is_some_and(char::is_uppercase)
        && ![
            "A", "An", "The", "One", "Two", "Some", "Several", "Many", "Other",
        ]
        .contains(&first)
        && !lower.contains("official")
        && !lower.contains("source")
        && !lower.contains("diplomat")
}

fn claim_date(c: &StoredClaim) -> Option<String> {
    (c.claim.date.precision == Precision::Day)
        .then(|| c.claim.date.date.map(|d| d.format("%Y-%m-%d").to_string()))
        .flatten()
}

/// Dates by file name from index.tsv (`num`, `slug`, `date`, …); a date that does not start
/// with YYYY-MM-DD ("undated; …") gives none.
fn read_index(dir: &Path) -> HashMap<String, Option<NaiveDate>> {
    let Ok(text) = std::fs::read_to_string(dir.join("index.tsv")) else {
        return HashMap::new();
    };
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let (num, slug, date) = (cols.first()?, cols.get(1)?, cols.get(2)?);
            let date = date
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            Some((format!("{num}-{slug}.txt"), date))
        })
        .collect()
}

/// Ingest the folder's pages into `store` (one thread, "gold"); returns file name by article origin.
pub fn ingest_dir(store: &mut Store, dir: &Path, talk: &Talk) -> Result<Vec<String>> {
    let dates = read_index(dir);
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    for name in &files {
        let raw = std::fs::read_to_string(dir.join(name))
            .with_context(|| format!("cannot read {}", dir.join(name).display()))?;
        // Line 1 is the URL, line 2 a title the corpus builders wrote (the page's headline
        // with its outlet and day). The URL line is kept as a page's own bare URL line is: the
        // reader drops it and keeps it as the article's address (whose domain can name the
        // publisher's country). The title line is kept as a saved page's headline is: the
        // reader takes it as the article's title, never as text claims are read from.
        let mut lines = raw.split_inclusive('\n');
        let first = lines.next().unwrap_or("");
        let url = if first.starts_with("http") { first } else { "" };
        let body: String = std::iter::once(url).chain(lines).collect();
        let cfg = IngestConfig {
            read: ReadOptions {
                format: Format::Text,
                date: dates.get(name).copied().flatten(),
                follow_symlinks: false,
            },
            thread: ThreadMode::Fixed("gold".into()),
            window_days: pipeline::DEFAULT_WINDOW_DAYS,
            quiet: true,
            talk: talk.clone(),
        };
        pipeline::ingest(
            store,
            &[Input::Memory(name.clone(), body.into_bytes())],
            &cfg,
        )?;
    }
    Ok(files)
}

/// Score one folder; ingest errors go to `talk`. With `keep`, the scored database is also
/// written to that file (which must not exist yet).
pub fn score_dir(dir: &Path, misses: bool, keep: Option<&Path>, talk: &Talk) -> Result<GoldScores> {
    if let Some(path) = keep {
        anyhow::ensure!(
            !path.exists(),
            "{}: already exists; --keep writes a new database",
            path.display()
        );
    }
    let gold_path = dir.join("gold.json");
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(&gold_path)
            .with_context(|| format!("cannot read {}", gold_path.display()))?,
    )
    .with_context(|| format!("{}: not a gold file", gold_path.display()))?;
    let gold = normalise_sides(gold);
    let mut store = Store::open_in_memory()?;
    let files = ingest_dir(&mut store, dir, talk)?;
    let articles = store.articles(None)?;
    let origin: HashMap<i64, String> = articles
        .iter()
        .map(|a| (a.id, a.article.origin.clone()))
        .collect();
    let claims = store.claims(&Default::default())?;
    let found = store.contradictions(None, None)?;
    if let Some(path) = keep {
        store
            .save_copy(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(score(
        &dir.display().to_string(),
        files.len(),
        &gold,
        &claims,
        &found,
        &origin,
        misses,
    ))
}

/// Which stored claims contain a needle: (claim index, in its own text).
fn holders(needle: &str, file: &str, claims: &Normed) -> Vec<(usize, bool)> {
    let n = norm(needle);
    claims
        .iter()
        .enumerate()
        .filter(|(_, (f, _, _))| f == file)
        .filter_map(|(i, (_, text, sentence))| {
            if text.contains(&n) {
                Some((i, true))
            } else if sentence.contains(&n) {
                Some((i, false))
            } else {
                None
            }
        })
        .collect()
}

/// Stored claims normalised for needle matching: (file, text, sentence) per claim.
type Normed = [(String, String, String)];

/// Score stored claims and contradictions against gold (pure; see the module doc).
pub fn score(
    dir: &str,
    files: usize,
    gold: &Gold,
    claims: &[StoredClaim],
    found: &[StoredContradiction],
    origin: &HashMap<i64, String>,
    with_misses: bool,
) -> GoldScores {
    let gold_files: HashSet<&str> = gold.claims.iter().map(|c| c.file.as_str()).collect();
    let normed: Vec<(String, String, String)> = claims
        .iter()
        .map(|c| {
            (
                origin.get(&c.article_id).cloned().unwrap_or_default(),
                norm(&c.claim.text),
                norm(&c.claim.sentence),
            )
        })
        .collect();
    let stored_claims = normed
        .iter()
        .filter(|(f, _, _)| gold_files.contains(f.as_str()))
        .count();
    let answers = answer_claims(gold, claims, &normed);
    let mut s = GoldScores {
        dir: dir.to_string(),
        files,
        gold_claims: gold.claims.len(),
        stored_claims,
        found: 0,
        right_side: 0,
        right_date: 0,
        named_speakers: 0,
        named_with_code: 0,
        claims_needle: Prf::default(),
        claims: Prf::default(),
        gold_contradictions: gold.contradictions.len(),
        reported_contradictions: found.len(),
        contradictions: Prf::default(),
        per_kind: BTreeMap::new(),
        misses: Vec::new(),
        claim_misses: Vec::new(),
    };
    score_claims(&mut s, gold, claims, &answers, with_misses);
    if with_misses {
        unmatched_claims(&mut s, gold, claims, &normed, &answers, &gold_files);
    }
    let pairs = PairMatcher {
        normed: &normed,
        index_of: claims.iter().enumerate().map(|(i, c)| (c.id, i)).collect(),
    };
    let gold_hit = score_contradictions(&mut s, gold, found, origin, &pairs, with_misses);
    if with_misses {
        missed_pairs(&mut s, gold, claims, &answers.answer, &gold_hit);
    }
    s
}

/// Which stored claims answer the gold claims.
struct Answers {
    /// Per gold claim, the best stored claim of its file that holds its needle.
    answer: Vec<Option<usize>>,
    /// Stored claims that hold some gold needle of their file.
    useful: HashSet<usize>,
    /// ... and have the side and date of a gold claim they hold.
    useful_right: HashSet<usize>,
}

/// A gold claim is answered by the stored claims of its file that hold its needle; the best of
/// them (right side and date, then its own text over its sentence) is its answer. Precision: a
/// stored claim is right when it holds some gold needle of its file (and, for the
/// side-and-date figure, when a gold claim it holds has its side and date).
fn answer_claims(gold: &Gold, claims: &[StoredClaim], normed: &Normed) -> Answers {
    let mut answer: Vec<Option<usize>> = vec![None; gold.claims.len()];
    let mut useful: HashSet<usize> = HashSet::new();
    let mut useful_right: HashSet<usize> = HashSet::new();
    let fits = |i: usize, gc: &GoldClaim| {
        let c = &claims[i].claim;
        let side_ok = gold_side(c.actor_code.as_deref(), c.country.as_deref()) == gc.country;
        (side_ok, claim_date(&claims[i]) == gc.date)
    };
    for (g, gc) in gold.claims.iter().enumerate() {
        let cands = holders(&gc.needle, &gc.file, normed);
        for &(i, _) in &cands {
            useful.insert(i);
            if fits(i, gc) == (true, true) {
                useful_right.insert(i);
            }
        }
        answer[g] = cands
            .iter()
            .max_by_key(|&&(i, own)| {
                let (side_ok, date_ok) = fits(i, gc);
                (
                    side_ok && date_ok,
                    side_ok,
                    date_ok,
                    own,
                    std::cmp::Reverse(i),
                )
            })
            .map(|(i, _)| *i);
    }
    Answers {
        answer,
        useful,
        useful_right,
    }
}

/// The claim figures: found, right side, right date, named speakers, and both claim P/R/F1s
/// (with `with_misses`, a line per found claim with the wrong side).
fn score_claims(
    s: &mut GoldScores,
    gold: &Gold,
    claims: &[StoredClaim],
    answers: &Answers,
    with_misses: bool,
) {
    let mut right = 0;
    for (g, gc) in gold.claims.iter().enumerate() {
        let is_named = named(&gc.speaker);
        s.named_speakers += usize::from(is_named);
        let Some(i) = answers.answer[g] else { continue };
        let c = &claims[i].claim;
        s.found += 1;
        let side_ok = gold_side(c.actor_code.as_deref(), c.country.as_deref()) == gc.country;
        let date_ok = claim_date(&claims[i]) == gc.date;
        s.right_side += usize::from(side_ok);
        s.right_date += usize::from(date_ok);
        s.named_with_code += usize::from(is_named && c.actor_code.is_some());
        right += usize::from(side_ok && date_ok);
        if with_misses && !side_ok {
            s.claim_misses.push(format!(
                "wrong side: [{}] gold {} ({}) got {:?} ({}) \"{}\"",
                &gc.file[..gc.file.len().min(2)],
                gc.speaker,
                gc.country.as_deref().unwrap_or("-"),
                c.speaker,
                c.actor_code.as_deref().unwrap_or("-"),
                short(&c.text)
            ));
        }
        if with_misses && !date_ok {
            s.claim_misses.push(format!(
                "wrong date: [{}] gold {} got {} \"{}\"",
                &gc.file[..gc.file.len().min(2)],
                gc.date.as_deref().unwrap_or("-"),
                claim_date(&claims[i]).as_deref().unwrap_or("-"),
                short(&c.sentence)
            ));
        }
    }
    s.claims_needle = Prf {
        tp: s.found as f64,
        fp: s.stored_claims.saturating_sub(answers.useful.len()) as f64,
        fn_: (gold.claims.len() - s.found) as f64,
    };
    s.claims = Prf {
        tp: right as f64,
        fp: s.stored_claims.saturating_sub(answers.useful_right.len()) as f64,
        fn_: (gold.claims.len() - right) as f64,
    };
}

/// With `--misses`: a line per gold claim no stored claim holds (`missed claim`) and per stored
/// claim of a gold file that holds no needle of its file (`extra claim`: a claim the gold does
/// not count, which costs precision).
fn unmatched_claims(
    s: &mut GoldScores,
    gold: &Gold,
    claims: &[StoredClaim],
    normed: &Normed,
    answers: &Answers,
    gold_files: &HashSet<&str>,
) {
    for (gc, answer) in gold.claims.iter().zip(&answers.answer) {
        if answer.is_none() {
            s.claim_misses.push(format!(
                "missed claim: [{}] {} ({}) \"{}\"",
                &gc.file[..gc.file.len().min(2)],
                gc.speaker,
                gc.country.as_deref().unwrap_or("-"),
                short(&gc.needle)
            ));
        }
    }
    for (i, (file, _, _)) in normed.iter().enumerate() {
        if gold_files.contains(file.as_str()) && !answers.useful.contains(&i) {
            let c = &claims[i].claim;
            s.claim_misses.push(format!(
                "extra claim: [{}] {:?} ({}) \"{}\"",
                &file[..file.len().min(2)],
                c.speaker,
                c.actor_code.as_deref().unwrap_or("-"),
                short(&c.text)
            ));
        }
    }
}

/// Contradictions: a reported pair answers a gold pair when its claims hold the two needles.
struct PairMatcher<'a> {
    normed: &'a Normed,
    /// Stored claim id -> index into the claims.
    index_of: HashMap<i64, usize>,
}

impl PairMatcher<'_> {
    fn holds(&self, claim: usize, r: &GoldRef) -> bool {
        let (f, text, sentence) = &self.normed[claim];
        let n = norm(&r.needle);
        *f == r.file && (text.contains(&n) || sentence.contains(&n))
    }
    fn matches(&self, x: &StoredContradiction, gp: &GoldPair) -> bool {
        let (Some(&a), Some(&b)) = (self.index_of.get(&x.a.id), self.index_of.get(&x.b.id)) else {
            return false;
        };
        (self.holds(a, &gp.a) && self.holds(b, &gp.b))
            || (self.holds(a, &gp.b) && self.holds(b, &gp.a))
    }
}

/// The contradiction figures, overall and per kind (with `with_misses`, a line per false
/// reported pair); returns which gold pairs some reported pair answers.
fn score_contradictions(
    s: &mut GoldScores,
    gold: &Gold,
    found: &[StoredContradiction],
    origin: &HashMap<i64, String>,
    pairs: &PairMatcher,
    with_misses: bool,
) -> Vec<bool> {
    let mut kinds: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new(); // (tp, reported, gold)
    for gp in &gold.contradictions {
        kinds.entry(gp.kind.clone()).or_default().2 += 1;
    }
    for x in found {
        kinds
            .entry(x.contradiction.kind.as_str().to_string())
            .or_default()
            .1 += 1;
    }
    let mut gold_hit = vec![false; gold.contradictions.len()];
    let mut right_pairs = 0;
    let mut kind_tp_pred: HashMap<String, usize> = HashMap::new();
    for x in found {
        let mut any = false;
        for (g, gp) in gold.contradictions.iter().enumerate() {
            if pairs.matches(x, gp) {
                any = true;
                gold_hit[g] = true;
                if gp.kind == x.contradiction.kind.as_str() {
                    *kind_tp_pred.entry(gp.kind.clone()).or_default() += 1;
                }
            }
        }
        right_pairs += usize::from(any);
        if with_misses && !any {
            s.misses.push(false_pair(x, origin));
        }
    }
    // Precision counts reported pairs that answer some gold pair; recall counts gold pairs.
    let hit = gold_hit.iter().filter(|h| **h).count();
    s.contradictions = Prf {
        tp: hit as f64,
        fp: (found.len() - right_pairs) as f64,
        fn_: (gold.contradictions.len() - hit) as f64,
    };
    for (kind, (_, reported, gold_n)) in kinds {
        let recalled = gold
            .contradictions
            .iter()
            .enumerate()
            .filter(|(g, gp)| {
                gp.kind == kind
                    && found.iter().any(|x| {
                        x.contradiction.kind.as_str() == kind
                            && pairs.matches(x, &gold.contradictions[*g])
                    })
            })
            .count();
        let tp_pred = kind_tp_pred.get(&kind).copied().unwrap_or(0);
        s.per_kind.insert(
            kind,
            Prf {
                tp: recalled as f64,
                fp: reported.saturating_sub(tp_pred) as f64,
                fn_: (gold_n - recalled) as f64,
            },
        );
    }
    gold_hit
}

/// The `--misses` line of a reported pair that answers no gold pair.
fn false_pair(x: &StoredContradiction, origin: &HashMap<i64, String>) -> String {
    format!(
        "false {}: [{}] {} ({}) \"{}\" <> [{}] {} ({}) \"{}\"",
        x.contradiction.kind.as_str(),
        origin
            .get(&x.a.article_id)
            .map_or("?", |o| &o[..2.min(o.len())]),
        x.a.claim.speaker,
        x.a.claim.actor_code.as_deref().unwrap_or("-"),
        short(&x.a.claim.text),
        origin
            .get(&x.b.article_id)
            .map_or("?", |o| &o[..2.min(o.len())]),
        x.b.claim.speaker,
        x.b.claim.actor_code.as_deref().unwrap_or("-"),
        short(&x.b.claim.text),
    )
}

/// `--misses`: a line per gold pair no reported pair answers, with what each of its claims got.
fn missed_pairs(
    s: &mut GoldScores,
    gold: &Gold,
    claims: &[StoredClaim],
    answer: &[Option<usize>],
    gold_hit: &[bool],
) {
    for (g, gp) in gold.contradictions.iter().enumerate() {
        if gold_hit[g] {
            continue;
        }
        // The stored claim answering each side's gold claim, if any.
        let stored = |r: &GoldRef| {
            gold.claims
                .iter()
                .position(|c| c.file == r.file && c.needle == r.needle)
                .and_then(|g| answer[g])
        };
        let describe = |r: &GoldRef, i: Option<usize>| -> String {
            match i {
                Some(i) => describe_answer(r, &claims[i]),
                None => format!(
                    "[{}] NOT FOUND \"{}\"",
                    &r.file[..2.min(r.file.len())],
                    r.needle
                ),
            }
        };
        let (a, b) = (stored(&gp.a), stored(&gp.b));
        let why = match (a, b) {
            (Some(i), Some(j)) if i != j => format!(
                "\n    why: {}",
                crate::contradict::diagnose(&claims[i], &claims[j], &Default::default())
            ),
            _ => String::new(),
        };
        s.misses.push(format!(
            "missed {} ({}):\n    a: {}\n    b: {}{why}",
            gp.kind,
            gp.about,
            describe(&gp.a, a),
            describe(&gp.b, b)
        ));
    }
}

/// What the stored claim answering one side of a missed gold pair got.
fn describe_answer(r: &GoldRef, stored: &StoredClaim) -> String {
    let c = &stored.claim;
    let prop = crate::contradict::proposition::of_claim(c).map_or_else(
        || "-".to_string(),
        |p| {
            format!(
                "{}({}){:+}{}",
                p.act,
                p.agent.as_deref().unwrap_or("?"),
                p.position.as_i8(),
                if p.denial { " denial" } else { "" }
            )
        },
    );
    format!(
        "[{}] {} ({}) {} frame={} prop={} hedge={} \"{}\"",
        &r.file[..2.min(r.file.len())],
        c.speaker,
        c.actor_code.as_deref().unwrap_or("-"),
        claim_date(stored).unwrap_or_else(|| "-".into()),
        c.frame.as_deref().unwrap_or("-"),
        prop,
        c.hedge.as_deref().unwrap_or("-"),
        short(&c.text)
    )
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(90).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

impl fmt::Display for GoldScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        writeln!(f, "{}: {} files", self.dir, self.files)?;
        writeln!(
            f,
            "claims: {} gold, {} stored; found {} (needle P {:.3} R {:.3} F1 {:.3})",
            self.gold_claims,
            self.stored_claims,
            self.found,
            self.claims_needle.precision(),
            self.claims_needle.recall(),
            self.claims_needle.f1()
        )?;
        writeln!(
            f,
            "  right side {}/{} ({:.3}), right date {}/{} ({:.3}); named speakers with a code {}/{}",
            self.right_side,
            self.found,
            pct(self.right_side, self.found),
            self.right_date,
            self.found,
            pct(self.right_date, self.found),
            self.named_with_code,
            self.named_speakers
        )?;
        writeln!(
            f,
            "  with side and date: P {:.3} R {:.3} F1 {:.3}",
            self.claims.precision(),
            self.claims.recall(),
            self.claims.f1()
        )?;
        writeln!(
            f,
            "contradictions: {} gold, {} reported; found {}: P {:.3} R {:.3} F1 {:.3}",
            self.gold_contradictions,
            self.reported_contradictions,
            self.contradictions.tp,
            self.contradictions.precision(),
            self.contradictions.recall(),
            self.contradictions.f1()
        )?;
        for (kind, p) in &self.per_kind {
            writeln!(
                f,
                "  {kind:<9} gold {:>3}  found {:>3}  reported-wrong {:>4}  P {:.3} R {:.3}",
                p.tp + p.fn_,
                p.tp,
                p.fp,
                p.precision(),
                p.recall()
            )?;
        }
        for m in self.claim_misses.iter().chain(&self.misses) {
            writeln!(f, "{m}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{
        Claim, ClaimKind, Contradiction, ContradictionKind, DateValue, Span, StoredClaim,
        StoredContradiction,
    };

    fn stored(id: i64, article: i64, code: &str, date: &str, text: &str) -> StoredClaim {
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        StoredClaim {
            id,
            article_id: article,
            threads: vec!["gold".into()],
            article_title: String::new(),
            article_source: None,
            article_published: None,
            claim: Claim {
                speaker: "someone".into(),
                speaker_span: None,
                actor: None,
                actor_code: Some(code.into()),
                country: None,
                cue: "said".into(),
                cue_span: None,
                kind: ClaimKind::Indirect,
                text: text.into(),
                span: Span::new(0, text.len()),
                sentence: format!("Someone said {text}."),
                sentence_span: Span::new(0, text.len() + 14),
                date: d.map_or_else(DateValue::unknown, DateValue::day),
                frame: None,
                polarity: Stance::Asserts,
                hedge: None,
                target: None,
                figures: vec![],
                denial: false,
                confidence: 0.9,
            },
        }
    }

    fn gold_claim(file: &str, country: &str, date: Option<&str>, needle: &str) -> GoldClaim {
        GoldClaim {
            file: file.into(),
            speaker: "X".into(),
            country: Some(country.into()),
            date: date.map(str::to_string),
            needle: needle.into(),
            polarity: Stance::Asserts,
            frame: None,
            about: String::new(),
        }
    }

    fn pair(kind: ContradictionKind, a: &StoredClaim, b: &StoredClaim) -> StoredContradiction {
        StoredContradiction {
            id: 1,
            contradiction: Contradiction {
                thread: "gold".into(),
                kind,
                score: 0.5,
                explanation: String::new(),
                proposition: String::new(),
                a: a.id,
                b: b.id,
            },
            a: a.clone(),
            b: b.clone(),
        }
    }

    /// Known right and wrong predictions: each count below moves if a match rule changes
    /// (needle containment, file, side, date, pair order, kind).
    #[test]
    fn scorer_counts_right_and_wrong_predictions() {
        let gold = Gold {
            claims: vec![
                gold_claim(
                    "a.txt",
                    "RUS",
                    Some("2018-03-12"),
                    "Russia was behind the attack",
                ),
                gold_claim("a.txt", "GBR", Some("2018-03-12"), "no evidence at all"),
                gold_claim("b.txt", "USA", None, "the talks will resume"),
                gold_claim("b.txt", "UNO", Some("2018-03-13"), "aid is blocked"),
            ],
            contradictions: vec![
                GoldPair {
                    kind: "denial".into(),
                    a: GoldRef {
                        file: "a.txt".into(),
                        needle: "Russia was behind the attack".into(),
                    },
                    b: GoldRef {
                        file: "a.txt".into(),
                        needle: "no evidence at all".into(),
                    },
                    about: String::new(),
                },
                GoldPair {
                    kind: "opposing".into(),
                    a: GoldRef {
                        file: "b.txt".into(),
                        needle: "the talks will resume".into(),
                    },
                    b: GoldRef {
                        file: "b.txt".into(),
                        needle: "aid is blocked".into(),
                    },
                    about: String::new(),
                },
            ],
        };
        let claims = vec![
            // right side and date; needle differs in case and quotes
            stored(
                1,
                10,
                "RUSGOV",
                "2018-03-12",
                "“RUSSIA was behind the attack”, he said",
            ),
            // needle found, wrong side
            stored(2, 10, "RUSGOV", "2018-03-12", "there is no evidence at all"),
            // needle found, right side, wrong date (gold has none)
            stored(3, 20, "USAGOV", "2018-03-13", "the talks will resume soon"),
            // needle found, right side and date (UNKNWN counts as UNO)
            stored(
                4,
                20,
                "UNKNWN",
                "2018-03-13",
                "aid is blocked at the border",
            ),
            // no needle: a false claim
            stored(5, 20, "CHNGOV", "2018-03-13", "something else entirely"),
            // a.txt's needle, but in b.txt: not the gold claim, and no gold pair's claim
            stored(
                6,
                20,
                "GBRGOV",
                "2018-03-12",
                "Russia was behind the attack, officials said",
            ),
        ];
        let origin: HashMap<i64, String> =
            [(10, "a.txt".to_string()), (20, "b.txt".to_string())].into();
        let found = vec![
            pair(ContradictionKind::Denial, &claims[1], &claims[0]), // right, reversed order
            pair(ContradictionKind::Denial, &claims[2], &claims[3]), // right pair, wrong kind
            pair(ContradictionKind::Opposing, &claims[0], &claims[4]), // wrong pair
            pair(ContradictionKind::Denial, &claims[5], &claims[1]), // needle in the wrong file
        ];
        let s = score("t", 2, &gold, &claims, &found, &origin, true);
        assert_eq!(s.found, 4);
        assert_eq!(s.right_side, 3);
        assert_eq!(s.right_date, 3);
        assert_eq!(
            (s.claims_needle.tp, s.claims_needle.fp, s.claims_needle.fn_),
            (4.0, 2.0, 0.0)
        );
        assert_eq!((s.claims.tp, s.claims.fp, s.claims.fn_), (2.0, 4.0, 2.0));
        assert_eq!(s.gold_contradictions, 2);
        assert_eq!(
            (
                s.contradictions.tp,
                s.contradictions.fp,
                s.contradictions.fn_
            ),
            (2.0, 2.0, 0.0)
        );
        let denial = s.per_kind["denial"];
        assert_eq!((denial.tp, denial.fp, denial.fn_), (1.0, 2.0, 0.0));
        let opposing = s.per_kind["opposing"];
        assert_eq!((opposing.tp, opposing.fp, opposing.fn_), (0.0, 1.0, 1.0));
        assert_eq!(s.misses.len(), 2, "{:?}", s.misses);
        // Every gold claim is found; the two stored claims that hold no needle of their own
        // file are listed as extra, whatever else is wrong with them.
        let extra: Vec<&String> = s
            .claim_misses
            .iter()
            .filter(|l| l.starts_with("extra claim"))
            .collect();
        assert_eq!(extra.len(), 2, "{:?}", s.claim_misses);
        assert!(extra[0].contains("something else entirely"), "{extra:?}");
        assert!(
            extra[1].contains("Russia was behind the attack"),
            "{extra:?}"
        );
        assert!(!s.claim_misses.iter().any(|l| l.starts_with("missed claim")));
        let one = Gold {
            claims: vec![gold_claim("a.txt", "GBR", None, "the border stays shut")],
            contradictions: vec![],
        };
        let s = score("t", 2, &one, &claims, &[], &origin, true);
        assert!(
            s.claim_misses.iter().any(
                |l| l.starts_with("missed claim: [a.] ") && l.contains("the border stays shut")
            ),
            "{:?}",
            s.claim_misses
        );
    }

    /// A gold side written with a camp's state is the camp's side; states, bodies and
    /// private people keep theirs.
    #[test]
    fn gold_camps_written_with_their_state_are_rebels() {
        let claim = |country: &str| GoldClaim {
            file: "01-a.txt".into(),
            speaker: String::new(),
            country: Some(country.into()),
            date: None,
            needle: "x".into(),
            polarity: Stance::Asserts,
            frame: None,
            about: String::new(),
        };
        let gold = Gold {
            claims: ["YEMREB", "UKRINS", "REB", "RUS", "UNO", "NGO", "GBRGOV"]
                .into_iter()
                .map(claim)
                .collect(),
            contradictions: Vec::new(),
        };
        let got: Vec<String> = normalise_sides(gold)
            .claims
            .into_iter()
            .filter_map(|c| c.country)
            .collect();
        assert_eq!(got, ["REB", "REB", "REB", "RUS", "UNO", "NGO", "GBRGOV"]);
    }

    #[test]
    fn sides_follow_the_gold_convention() {
        let cases = [
            (Some("RUSGOV"), None, Some("RUS")),
            (Some("RUSMED"), None, Some("RUS")),
            (Some("USAMIL"), None, Some("USA")),
            (Some("IGOUNO"), None, Some("UNO")),
            (Some("IGOEUR"), None, Some("UNO")),
            (Some("UNKNWN"), None, Some("UNO")),
            (Some("SYRNGO"), None, Some("NGO")),
            (Some("NGOHRW"), None, Some("NGO")),
            (Some("NGOBUS"), None, Some("NGO")),
            (Some("JPNBUS"), None, Some("NGO")),
            (Some("SYRREB"), None, Some("REB")),
            (Some("SYROPP"), None, Some("REB")),
            (Some("GBROPP"), None, Some("GBR")),
            (Some("COLOPP"), None, Some("COL")),
            (None, Some("GBR"), Some("GBR")),
            (None, None, None),
        ];
        for (code, country, expect) in cases {
            assert_eq!(gold_side(code, country).as_deref(), expect, "{code:?}");
        }
    }

    #[test]
    fn needles_match_across_quotes_case_and_spacing() {
        assert_eq!(
            norm("  “No  deal”\u{a0}IS close — he said "),
            "\"no deal\" is close - he said"
        );
        assert!(norm("We’re nearing an arrangement").contains(&norm("we're NEARING")));
    }

    #[test]
    fn named_speakers_exclude_descriptions() {
        for (s, expect) in [
            ("Sergei Lavrov", true),
            ("Boris Johnson", true),
            ("a US official", false),
            ("The Kremlin", false),
            ("diplomatic sources", false),
            ("Russian Foreign Ministry official", false),
        ] {
            assert_eq!(named(s), expect, "{s}");
        }
    }
}
