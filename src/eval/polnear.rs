//! PolNeAR attribution scoring: source-span and content-overlap F1 of claims against brat standoff gold.
//!
//! For every `attributions/*.ann` file the article `text/<name>.txt` (the ann name without its
//! trailing `_xxxx` annotator hash) is split and run through [`claims::find`] with no actor
//! mentions, no time expressions, the builtin gazetteer and an unknown date. Articles that
//! several annotators labelled are scored once per annotation file ([`score_dir_with`] with
//! [`PolnearOptions::one_per_text`] scores them once; env `POLNEAR_ONE_PER_TEXT=1` in the
//! ignored `score_corpus` test, which also reads `POLNEAR_SOURCE_MISSES` and `POLNEAR_HIST`).
//!
//! Measures (brat offsets are in characters; they are converted to bytes):
//!
//! - **source**: a predicted claim's `speaker_span` against gold Source spans, one-to-one,
//!   greedy by largest overlap. Overlap-match (any shared byte) is the headline; exact-match
//!   (same span after trimming) is reported too. Claims without a speaker span (continuations)
//!   are not predictions of a source.
//! - **content** (soft, PARC3 style): every prediction is paired with the gold attribution whose
//!   content it overlaps most (a continuation claim may pair with the same gold as its head
//!   claim). Precision sums, over predictions, overlapping word tokens / predicted tokens;
//!   recall sums, over gold attributions, tokens covered by their paired predictions / gold
//!   tokens; unpaired items count zero. Tokens are alphanumeric runs (quote marks and
//!   punctuation do not count). Attributions without a Source still count here.
//! - **cue**: predicted `cue_span` against gold Cue spans, one-to-one overlap.

use crate::eval::Prf;
use crate::extract::{actors::Gazetteer, claims, sentences};
use crate::model::{Claim, DateValue, Span};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// Scores over a directory of PolNeAR articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PolnearScores {
    pub articles: usize,
    pub gold_attributions: usize,
    pub gold_with_source: usize,
    pub predicted_claims: usize,
    /// Source span, overlap match, one-to-one (headline).
    pub source_overlap: Prf,
    /// Source span, exact match.
    pub source_exact: Prf,
    /// Cue span, overlap match, one-to-one.
    pub cue_overlap: Prf,
    /// Soft token-level content precision and recall.
    pub content_soft: SoftPrf,
    /// A sample of missed and spurious attributions, for error analysis.
    #[serde(skip)]
    pub misses: Vec<String>,
}

impl fmt::Display for PolnearScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PolNeAR: {} articles, {} gold attributions ({} with a source), {} predicted claims",
            self.articles, self.gold_attributions, self.gold_with_source, self.predicted_claims
        )?;
        writeln!(
            f,
            "{:<34} {:>9} {:>9} {:>9}",
            "measure", "precision", "recall", "F1"
        )?;
        let c = &self.content_soft;
        for (name, p, r, f1) in [
            (
                "source (overlap, 1:1) [headline]",
                self.source_overlap.precision(),
                self.source_overlap.recall(),
                self.source_overlap.f1(),
            ),
            (
                "source (exact)",
                self.source_exact.precision(),
                self.source_exact.recall(),
                self.source_exact.f1(),
            ),
            (
                "cue (overlap, 1:1)",
                self.cue_overlap.precision(),
                self.cue_overlap.recall(),
                self.cue_overlap.f1(),
            ),
            (
                "content (soft token overlap)",
                c.precision(),
                c.recall(),
                c.f1(),
            ),
        ] {
            writeln!(f, "{name:<34} {p:>9.3} {r:>9.3} {f1:>9.3}")?;
        }
        Ok(())
    }
}

/// Soft precision/recall: sums of per-item fractions over item counts.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct SoftPrf {
    /// Sum over predictions of overlapping tokens / predicted tokens.
    pub p_sum: f64,
    /// Number of predictions.
    pub p_n: f64,
    /// Sum over gold items of covered tokens / gold tokens.
    pub r_sum: f64,
    /// Number of gold items.
    pub r_n: f64,
}

impl SoftPrf {
    pub fn precision(&self) -> f64 {
        if self.p_n == 0.0 {
            0.0
        } else {
            self.p_sum / self.p_n
        }
    }
    pub fn recall(&self) -> f64 {
        if self.r_n == 0.0 {
            0.0
        } else {
            self.r_sum / self.r_n
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// One gold attribution: byte segments per role.
#[derive(Debug, Clone, Default)]
struct Gold {
    source: Vec<Span>,
    cue: Vec<Span>,
    content: Vec<Span>,
}

/// Character offset -> byte offset table for `text`.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Parse a brat .ann file into attributions (T lines with offsets, E lines linking them).
fn parse_ann(ann: &str, text: &str) -> Vec<Gold> {
    let c2b = char_to_byte(text);
    let conv = |c: usize| c2b.get(c).copied().unwrap_or(text.len());
    let mut spans: HashMap<&str, (&str, Vec<Span>)> = HashMap::new();
    let mut out = Vec::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(mid)) = (cols.next(), cols.next()) else {
            continue;
        };
        let is_id = |p: char| {
            id.starts_with(p) && id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit())
        };
        if is_id('T') {
            let Some((label, rest)) = mid.split_once(' ') else {
                continue;
            };
            let mut segs = Vec::new();
            for part in rest.split(';') {
                let mut it = part
                    .split_whitespace()
                    .filter_map(|x| x.parse::<usize>().ok());
                if let (Some(a), Some(b)) = (it.next(), it.next()) {
                    segs.push(Span::new(conv(a), conv(b)));
                }
            }
            spans.insert(id, (label, segs));
        } else if is_id('E') {
            events.push(mid);
        }
    }
    for ev in events {
        let mut g = Gold::default();
        for part in ev.split_whitespace() {
            let Some((role, tid)) = part.split_once(':') else {
                continue;
            };
            let Some((_, segs)) = spans.get(tid) else {
                continue;
            };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            match role {
                "Source" => g.source.extend(segs),
                "Cue" => g.cue.extend(segs),
                "Content" => g.content.extend(segs),
                _ => {}
            }
        }
        if !g.content.is_empty() || !g.source.is_empty() {
            out.push(g);
        }
    }
    out
}

fn overlap(a: &[Span], b: &[Span]) -> usize {
    let mut n = 0;
    for x in a {
        for y in b {
            let s = x.start.max(y.start);
            let e = x.end.min(y.end);
            if e > s {
                n += e - s;
            }
        }
    }
    n
}

/// Word tokens (alphanumeric runs) of `text`.
fn word_starts(text: &str) -> Vec<Span> {
    crate::extract::words::word_spans(text).collect()
}

/// Indices of tokens inside any of `segs`.
fn tokens_in(tokens: &[Span], segs: &[Span]) -> Vec<usize> {
    let mut v = Vec::new();
    for s in segs {
        let a = tokens.partition_point(|t| t.end <= s.start);
        let mut i = a;
        while i < tokens.len() && tokens[i].start < s.end {
            v.push(i);
            i += 1;
        }
    }
    v.sort_unstable();
    v.dedup();
    v
}

fn trim_span(text: &str, s: Span) -> Span {
    let piece = s.slice(text);
    let lead = piece.len() - piece.trim_start().len();
    Span::new(s.start + lead, s.start + lead + piece.trim().len())
}

/// Greedy one-to-one matching by overlap; returns (pairs, overlap_tp, exact_tp).
fn match_spans(
    text: &str,
    pred: &[(usize, Span)],
    gold: &[(usize, Vec<Span>)],
) -> (Vec<(usize, usize)>, usize) {
    let mut cands = Vec::new();
    for (pi, p) in pred {
        for (gi, g) in gold {
            let o = overlap(&[*p], g);
            if o > 0 {
                cands.push((o, *pi, *gi));
            }
        }
    }
    cands.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mut used_p = std::collections::HashSet::new();
    let mut used_g = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    let mut exact = 0;
    for (_, pi, gi) in cands {
        if used_p.contains(&pi) || used_g.contains(&gi) {
            continue;
        }
        used_p.insert(pi);
        used_g.insert(gi);
        pairs.push((pi, gi));
        let p = pred
            .iter()
            .find(|x| x.0 == pi)
            .map(|x| x.1)
            .unwrap_or_default();
        let g = &gold
            .iter()
            .find(|x| x.0 == gi)
            .map(|x| &x.1)
            .cloned()
            .unwrap_or_default();
        if g.len() == 1 && trim_span(text, g[0]) == trim_span(text, p) {
            exact += 1;
        }
    }
    (pairs, exact)
}

/// Switches for error analysis; the defaults are what `eval polnear` scores with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PolnearOptions {
    /// Score articles that several annotators labelled once, against the first annotation
    /// file in name order (by default, once per annotation file).
    pub one_per_text: bool,
    /// Add a `misses` line per missed or spurious source span.
    pub source_misses: bool,
    /// Add a `misses` line per gold attribution with its content-recall bucket.
    pub histogram: bool,
}

/// Score one article; adds into `sc`.
fn score_article(text: &str, gold: &[Gold], sc: &mut PolnearScores, opts: &PolnearOptions) {
    let gaz = Gazetteer::builtin();
    let sents = sentences::split(text);
    let mut diags = Vec::new();
    let claims: Vec<Claim> = claims::find(
        text,
        &sents,
        &[],
        &[],
        DateValue::unknown(),
        &gaz,
        &mut diags,
    );
    score_claims(text, gold, &claims, sc, opts);
}

/// Score predicted claims of one article against its gold attributions; adds into `sc`.
fn score_claims(
    text: &str,
    gold: &[Gold],
    claims: &[Claim],
    sc: &mut PolnearScores,
    opts: &PolnearOptions,
) {
    sc.articles += 1;
    sc.gold_attributions += gold.len();
    sc.predicted_claims += claims.len();
    score_sources(text, gold, claims, sc, opts);
    score_cues(text, gold, claims, sc);
    score_content(text, gold, claims, sc, opts);
}

/// Source: predicted speaker spans against gold Source spans, overlap and exact.
fn score_sources(
    text: &str,
    gold: &[Gold],
    claims: &[Claim],
    sc: &mut PolnearScores,
    opts: &PolnearOptions,
) {
    let pred_src: Vec<(usize, Span)> = claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.speaker_span.map(|s| (i, s)))
        .collect();
    let gold_src: Vec<(usize, Vec<Span>)> = gold
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.source.is_empty())
        .map(|(i, g)| (i, g.source.clone()))
        .collect();
    sc.gold_with_source += gold_src.len();
    let (pairs, exact) = match_spans(text, &pred_src, &gold_src);
    if opts.source_misses {
        source_misses(text, gold, claims, &pred_src, &gold_src, &pairs, sc);
    }
    let tp = pairs.len() as f64;
    sc.source_overlap.tp += tp;
    sc.source_overlap.fp += pred_src.len() as f64 - tp;
    sc.source_overlap.fn_ += gold_src.len() as f64 - tp;
    sc.source_exact.tp += exact as f64;
    sc.source_exact.fp += (pred_src.len() - exact) as f64;
    sc.source_exact.fn_ += (gold_src.len() - exact) as f64;
}

/// `source_misses`: a line per gold source no prediction took and per unpaired prediction.
fn source_misses(
    text: &str,
    gold: &[Gold],
    claims: &[Claim],
    pred_src: &[(usize, Span)],
    gold_src: &[(usize, Vec<Span>)],
    pairs: &[(usize, usize)],
    sc: &mut PolnearScores,
) {
    for (gi, g) in gold_src {
        if !pairs.iter().any(|p| p.1 == *gi) {
            let cue = gold[*gi].cue.first().map(|s| s.slice(text)).unwrap_or("-");
            let src = g.first().map(|s| s.slice(text)).unwrap_or("-");
            let line_start = text[..g[0].start]
                .rfind(['.', '\n'])
                .map(|i| i + 1)
                .unwrap_or(0);
            let ctx_end = (g[0].end + 80).min(text.len());
            let ctx_end = (ctx_end..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len());
            // "dup": a prediction overlaps this source but was paired with another gold.
            let dup = pred_src.iter().any(|(_, p)| overlap(&[*p], g) > 0);
            let tag = if dup { "SRC-MISS-DUP" } else { "SRC-MISS" };
            sc.misses.push(format!(
                "{tag} [{src}] {cue} || {}",
                text[line_start..ctx_end].replace('\n', " ")
            ));
        }
    }
    for (pi, p) in pred_src {
        if !pairs.iter().any(|x| x.0 == *pi) {
            let c = &claims[*pi];
            sc.misses.push(format!(
                "SRC-FP [{}] {} || {}",
                p.slice(text),
                c.cue,
                c.sentence.replace('\n', " ")
            ));
        }
    }
}

/// Cue: predicted cue spans (of claims with a speaker) against gold Cue spans.
fn score_cues(text: &str, gold: &[Gold], claims: &[Claim], sc: &mut PolnearScores) {
    let pred_cue: Vec<(usize, Span)> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.speaker_span.is_some())
        .filter_map(|(i, c)| c.cue_span.map(|s| (i, s)))
        .collect();
    let gold_cue: Vec<(usize, Vec<Span>)> = gold
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.cue.is_empty())
        .map(|(i, g)| (i, g.cue.clone()))
        .collect();
    let (cpairs, _) = match_spans(text, &pred_cue, &gold_cue);
    sc.cue_overlap.tp += cpairs.len() as f64;
    sc.cue_overlap.fp += (pred_cue.len() - cpairs.len()) as f64;
    sc.cue_overlap.fn_ += (gold_cue.len() - cpairs.len()) as f64;
}

/// Content (soft): token overlap of each prediction with its best gold attribution.
fn score_content(
    text: &str,
    gold: &[Gold],
    claims: &[Claim],
    sc: &mut PolnearScores,
    opts: &PolnearOptions,
) {
    let toks = word_starts(text);
    let gold_toks: Vec<Vec<usize>> = gold.iter().map(|g| tokens_in(&toks, &g.content)).collect();
    let mut covered: Vec<Vec<usize>> = vec![Vec::new(); gold.len()];
    let mut matched_gold = vec![false; gold.len()];
    for c in claims {
        let pt = tokens_in(&toks, &[c.span]);
        if pt.is_empty() {
            continue;
        }
        let best = gold_toks
            .iter()
            .enumerate()
            .map(|(gi, gt)| {
                (
                    pt.iter().filter(|t| gt.binary_search(t).is_ok()).count(),
                    gi,
                )
            })
            .max();
        match best {
            Some((o, gi)) if o > 0 => {
                sc.content_soft.p_sum += o as f64 / pt.len() as f64;
                sc.content_soft.p_n += 1.0;
                covered[gi].extend(pt.iter().filter(|t| gold_toks[gi].binary_search(t).is_ok()));
                matched_gold[gi] = true;
            }
            _ => {
                sc.content_soft.p_n += 1.0;
                if sc.misses.len() < 100_000 {
                    sc.misses.push(format!(
                        "SPURIOUS [{}] {} | {}",
                        c.speaker,
                        c.cue,
                        c.text.chars().take(90).collect::<String>()
                    ));
                }
            }
        }
    }
    for (gi, gt) in gold_toks.iter().enumerate() {
        if gt.is_empty() {
            continue;
        }
        let mut cv = covered[gi].clone();
        cv.sort_unstable();
        cv.dedup();
        sc.content_soft.r_sum += cv.len() as f64 / gt.len() as f64;
        if opts.histogram {
            let r = cv.len() as f64 / gt.len() as f64;
            sc.misses.push(histogram_line(text, &gold[gi], r));
        }
        sc.content_soft.r_n += 1.0;
        if !matched_gold[gi] && sc.misses.len() < 400 {
            let g = &gold[gi];
            let src = g.source.first().map(|s| s.slice(text)).unwrap_or("-");
            let cue = g.cue.first().map(|s| s.slice(text)).unwrap_or("-");
            let content: String = g
                .content
                .first()
                .map(|s| s.slice(text))
                .unwrap_or("")
                .chars()
                .take(90)
                .collect();
            sc.misses.push(format!("MISSED [{src}] {cue} | {content}"));
        }
    }
}

/// `histogram`: the content-recall bucket `r` of one gold attribution, with its cue and content.
fn histogram_line(text: &str, g: &Gold, r: f64) -> String {
    let b = if r == 0.0 {
        "r0"
    } else if r < 0.5 {
        "r<.5"
    } else if r < 1.0 {
        "r<1"
    } else {
        "r1"
    };
    let content: String = g
        .content
        .first()
        .map(|s| s.slice(text))
        .unwrap_or("")
        .chars()
        .take(100)
        .collect();
    let cue = g.cue.first().map(|s| s.slice(text)).unwrap_or("-");
    format!("HIST {b} {cue} | {content}")
}

/// Score every article of a PolNeAR compartment (`dir` holds `text/` and `attributions/`).
pub fn score_dir(dir: &Path) -> std::io::Result<PolnearScores> {
    score_dir_with(dir, &PolnearOptions::default())
}

/// As [`score_dir`], with the analysis switches of `opts`.
pub fn score_dir_with(dir: &Path, opts: &PolnearOptions) -> std::io::Result<PolnearScores> {
    let mut seen = std::collections::HashSet::new();
    let mut sc = PolnearScores::default();
    let mut anns: Vec<_> = std::fs::read_dir(dir.join("attributions"))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().map(|x| x == "ann").unwrap_or(false))
        .collect();
    anns.sort();
    for ann_path in anns {
        let stem = ann_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let base = match stem.rsplit_once('_') {
            Some((b, _)) => b.to_string(),
            None => stem.clone(),
        };
        if opts.one_per_text && !seen.insert(base.clone()) {
            continue;
        }
        let text_path = dir.join("text").join(format!("{base}.txt"));
        let Ok(text) = std::fs::read_to_string(&text_path) else {
            continue;
        };
        let ann = std::fs::read_to_string(&ann_path)?;
        let gold = parse_ann(&ann, &text);
        score_article(&text, &gold, &mut sc, opts);
    }
    Ok(sc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brat_and_scores_a_toy_article() {
        let text = "“We are close,” Lavrov said. The official denied it.";
        let ann = "T1\tContent 1 13\tWe are close\nT2\tSource 16 22\tLavrov\nT3\tCue 23 27\tsaid\nE1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n";
        let gold = parse_ann(ann, text);
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].source[0].slice(text), "Lavrov");
        assert_eq!(gold[0].content[0].slice(text), "We are close");
        let mut sc = PolnearScores::default();
        score_article(text, &gold, &mut sc, &PolnearOptions::default());
        assert_eq!(sc.source_overlap.tp, 1.0);
        assert_eq!(sc.source_exact.tp, 1.0);
    }

    /// Byte span of the `nth` occurrence (0-based) of `needle` in `text`.
    fn at(text: &str, needle: &str, nth: usize) -> Span {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"))
            .0;
        Span::new(start, start + needle.len())
    }

    fn gold(text: &str, source: &str, cue: (&str, usize), content: &str) -> Gold {
        Gold {
            source: vec![at(text, source, 0)],
            cue: vec![at(text, cue.0, cue.1)],
            content: vec![at(text, content, 0)],
        }
    }

    /// A prediction with the given source, cue and content spans.
    fn pred(text: &str, source: Option<Span>, cue: Option<Span>, content: Span) -> Claim {
        Claim {
            speaker: source.map_or_else(String::new, |s| s.slice(text).to_string()),
            speaker_span: source,
            actor: None,
            actor_code: None,
            country: None,
            cue: cue.map_or_else(String::new, |s| s.slice(text).to_string()),
            cue_span: cue,
            kind: crate::model::ClaimKind::Indirect,
            text: content.slice(text).to_string(),
            span: content,
            sentence: String::new(),
            sentence_span: Span::new(0, text.len()),
            date: DateValue::unknown(),
            frame: None,
            polarity: crate::model::Stance::Neutral,
            hedge: None,
            target: None,
            figures: vec![],
            denial: false,
            confidence: 0.5,
        }
    }

    /// Known right and wrong predictions, one per row the README reports: each count moves if
    /// a match rule changes (any overlap taken as exact, a wrong source or cue counted, content
    /// precision forced to 1, a spurious claim not counted).
    #[test]
    fn scorer_counts_right_and_wrong_predictions() {
        let text = "“We are close to a deal,” Lavrov said on Monday. \
                    The ministry denied the report, officials told reporters. \
                    Ukraine's foreign minister said talks would resume.";
        let g = vec![
            gold(text, "Lavrov", ("said", 0), "We are close to a deal"),
            gold(
                text,
                "officials",
                ("told reporters", 0),
                "The ministry denied the report",
            ),
            gold(
                text,
                "Ukraine's foreign minister",
                ("said", 1),
                "talks would resume",
            ),
        ];
        let claims = vec![
            // All right: exact source, cue and content.
            pred(
                text,
                Some(at(text, "Lavrov", 0)),
                Some(at(text, "said", 0)),
                at(text, "We are close to a deal", 0),
            ),
            // Wrong source span (the ministry, not the officials), wrong cue (denied, not told
            // reporters), content partial: 3 of its 4 words are gold, 3 of 5 gold words covered.
            pred(
                text,
                Some(at(text, "The ministry", 0)),
                Some(at(text, "denied", 0)),
                at(text, "denied the report, officials", 0),
            ),
            // Source overlaps the gold source but is not exact; cue and content exact.
            pred(
                text,
                Some(at(text, "foreign minister", 0)),
                Some(at(text, "said", 1)),
                at(text, "talks would resume", 0),
            ),
            // A continuation with no source whose content matches no gold content.
            pred(text, None, None, at(text, "on Monday", 0)),
        ];
        let mut sc = PolnearScores::default();
        score_claims(text, &g, &claims, &mut sc, &PolnearOptions::default());
        let prf = |p: Prf| (p.tp, p.fp, p.fn_);
        assert_eq!((sc.gold_attributions, sc.predicted_claims), (3, 4));
        assert_eq!(prf(sc.source_overlap), (2.0, 1.0, 1.0));
        assert_eq!(prf(sc.source_exact), (1.0, 2.0, 2.0));
        assert_eq!(prf(sc.cue_overlap), (2.0, 1.0, 1.0));
        let c = sc.content_soft;
        assert_eq!((c.p_n, c.r_n), (4.0, 3.0));
        assert!((c.p_sum - 2.75).abs() < 1e-9, "{c:?}");
        assert!((c.r_sum - 2.6).abs() < 1e-9, "{c:?}");
        assert!((c.precision() - 0.6875).abs() < 1e-9);
        assert!((c.recall() - 2.6 / 3.0).abs() < 1e-9);
    }

    /// One-to-one: a prediction that overlaps two gold sources answers only one of them, and
    /// only a same-span match counts as exact.
    #[test]
    fn source_matching_is_one_to_one() {
        let text = "Lavrov and Kerry said talks would resume.";
        let g = vec![
            gold(text, "Lavrov", ("said", 0), "talks would resume"),
            gold(text, "Kerry", ("said", 0), "talks would resume"),
        ];
        let content = at(text, "talks would resume", 0);
        let both = pred(text, Some(at(text, "Lavrov and Kerry", 0)), None, content);
        let again = pred(text, Some(at(text, "Kerry", 0)), None, content);
        let mut sc = PolnearScores::default();
        score_claims(
            text,
            &g,
            &[both.clone(), again],
            &mut sc,
            &PolnearOptions::default(),
        );
        // Greedy by overlap: "Lavrov and Kerry" takes Lavrov (6 bytes), "Kerry" takes Kerry.
        assert_eq!(
            (
                sc.source_overlap.tp,
                sc.source_overlap.fp,
                sc.source_overlap.fn_
            ),
            (2.0, 0.0, 0.0)
        );
        assert_eq!(sc.source_exact.tp, 1.0);
        let mut sc = PolnearScores::default();
        score_claims(text, &g, &[both], &mut sc, &PolnearOptions::default());
        assert_eq!(
            (
                sc.source_overlap.tp,
                sc.source_overlap.fp,
                sc.source_overlap.fn_
            ),
            (1.0, 0.0, 1.0)
        );
        assert_eq!(sc.source_exact.tp, 0.0);
    }

    /// Throughput of sentence splitting + attribution on the corpus texts (no scoring).
    /// `cargo test --release --lib eval::polnear::tests::throughput -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn throughput() {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/polnear/train/text");
        let Ok(rd) = std::fs::read_dir(&dir) else {
            eprintln!("skipping: {} not found", dir.display());
            return;
        };
        let texts: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        let gaz = Gazetteer::builtin();
        let t = std::time::Instant::now();
        let mut n = 0;
        for text in &texts {
            let s = sentences::split(text);
            let mut d = Vec::new();
            n += claims::find(text, &s, &[], &[], DateValue::unknown(), &gaz, &mut d).len();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{} articles, {} claims, {:.3}s, {:.0} articles/s",
            texts.len(),
            n,
            secs,
            texts.len() as f64 / secs
        );
    }

    /// `cargo test --release --lib eval::polnear::tests::score_corpus -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn score_corpus() {
        let split = std::env::var("POLNEAR_SPLIT").unwrap_or_else(|_| "dev".into());
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpora/polnear")
            .join(&split);
        if !dir.exists() {
            eprintln!("skipping: {} not found", dir.display());
            return;
        }
        let t = std::time::Instant::now();
        // The analysis switches come from the environment here only: this is a tool run by hand.
        let opts = PolnearOptions {
            one_per_text: std::env::var("POLNEAR_ONE_PER_TEXT").is_ok(),
            source_misses: std::env::var("POLNEAR_SOURCE_MISSES").is_ok(),
            histogram: std::env::var("POLNEAR_HIST").is_ok(),
        };
        let sc = score_dir_with(&dir, &opts).expect("scoring runs");
        println!("split: {split} ({:.2}s)", t.elapsed().as_secs_f64());
        println!("{sc}");
        let n: usize = std::env::var("POLNEAR_MISSES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(40);
        for m in sc.misses.iter().take(n) {
            println!("  {m}");
        }
        println!("{}", serde_json::to_string(&sc).unwrap_or_default());
    }
}
