//! Demo-corpus scoring: threads (purity, completeness) and contradictions against the team's hand-labelled lists.
//!
//! The demo corpus (src/data/demo) ships three ground-truth files: `threads.tsv` (file ->
//! story), `contradictions.tsv` (kind, file and quote of both claims) and `near_misses.tsv`
//! (pairs that must not be flagged). This runs the real pipeline into an in-memory database and
//! compares.

use std::collections::HashMap;
use std::fmt;

use crate::demo;
use crate::model::{ContradictionKind, StoredArticle, StoredClaim, StoredContradiction};
use crate::store::Store;
use crate::talk::Talk;
use crate::thread;

use super::Prf;

/// One labelled pair: kind (or near-miss class), and (file, quote) of both claims.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Label {
    pub kind: String,
    pub a: (String, String),
    pub b: (String, String),
    pub note: String,
}

/// What the demo evaluation found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DemoScores {
    pub articles: usize,
    pub threads: usize,
    pub purity: f64,
    pub completeness: f64,
    /// Contradictions stored, per kind.
    pub found: HashMap<String, usize>,
    /// Labelled pairs found with the right kind (recall) and found at all (any kind).
    pub recall_kind: Prf,
    pub recall_any: Prf,
    /// Strict: the reported pair's own two claims hold the labelled quotes, with the right kind
    /// (the lenient figures also accept the same party's same stance elsewhere in the article).
    pub recall_strict: Prf,
    /// Per kind: (labelled, found with that kind).
    pub per_kind: Vec<(String, usize, usize)>,
    /// Stored contradictions whose two claims match a labelled pair (precision against the
    /// labelled list, which is a lower bound: the list is not exhaustive).
    pub precision_vs_labels: f64,
    /// Near-miss pairs that were flagged anyway (should be 0).
    pub near_misses_flagged: Vec<Label>,
    pub near_misses: usize,
    /// Labelled pairs not found, for reading.
    pub missed: Vec<Label>,
    /// Same-side contradictions of kind opposing or denial (should be 0).
    pub same_side_stance: usize,
}

/// Parse a ground-truth TSV (header line first, comment lines start with #).
pub fn parse_labels(tsv: &str) -> Vec<Label> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() >= 5).then(|| Label {
                kind: c[0].trim().to_string(),
                a: (c[1].trim().to_string(), c[2].trim().to_string()),
                b: (c[3].trim().to_string(), c[4].trim().to_string()),
                note: c.get(5).map(|s| s.trim().to_string()).unwrap_or_default(),
            })
        })
        .collect()
}

fn corpus_file(name: &str) -> &'static str {
    demo::CORPUS
        .get_file(name)
        .and_then(|f| f.contents_utf8())
        .unwrap_or("")
}

/// Does this stored claim come from `file` and contain `quote`?
fn claim_matches(c: &StoredClaim, origins: &HashMap<i64, String>, file: &str, quote: &str) -> bool {
    let Some(origin) = origins.get(&c.article_id) else {
        return false;
    };
    let origin = origin.strip_prefix("demo/").unwrap_or(origin);
    origin == file && (c.claim.text.contains(quote) || c.claim.sentence.contains(quote))
}

/// The labelled claim, or the same stance by the same party on the same proposition in the
/// same article (the detector reports one pair per counterpart, and an article often states
/// a stance twice: "said Monday that a deal was near ... 'we are nearing an arrangement'").
fn equivalent(c: &StoredClaim, refs: &[&StoredClaim]) -> bool {
    refs.iter().any(|r| {
        r.id == c.id
            || (r.article_id == c.article_id
                && r.claim.actor_code.is_some()
                && r.claim.actor_code == c.claim.actor_code
                && r.claim.frame.is_some()
                && r.claim.frame == c.claim.frame
                && r.claim.polarity == c.claim.polarity)
    })
}

/// Strict: the pair's own claims hold the two labelled quotes (either order).
fn pair_matches_strict(x: &StoredContradiction, origins: &HashMap<i64, String>, l: &Label) -> bool {
    let holds = |c: &StoredClaim, (f, q): &(String, String)| claim_matches(c, origins, f, q);
    (holds(&x.a, &l.a) && holds(&x.b, &l.b)) || (holds(&x.a, &l.b) && holds(&x.b, &l.a))
}

fn pair_matches(
    x: &StoredContradiction,
    claims: &[StoredClaim],
    origins: &HashMap<i64, String>,
    l: &Label,
) -> bool {
    let refs = |(f, q): &(String, String)| -> Vec<&StoredClaim> {
        claims
            .iter()
            .filter(|c| claim_matches(c, origins, f, q))
            .collect()
    };
    let (ra, rb) = (refs(&l.a), refs(&l.b));
    (equivalent(&x.a, &ra) && equivalent(&x.b, &rb))
        || (equivalent(&x.a, &rb) && equivalent(&x.b, &ra))
}

/// Run the demo corpus and score it; ingest errors go to `talk` (the corpus has none).
pub fn score(talk: &Talk) -> anyhow::Result<DemoScores> {
    let mut store = Store::open_in_memory()?;
    // Ingest failures are counted in the summary; the demo corpus has none.
    demo::ingest_corpus(&mut store, talk.clone())?;

    let articles = store.articles(None)?;
    let origins: HashMap<i64, String> = articles
        .iter()
        .map(|a| (a.id, a.article.origin.clone()))
        .collect();
    let (purity, completeness) = thread_scores(&articles);

    let found = store.contradictions(None, None)?;
    let claims = store.claims(&Default::default())?;
    let labels = parse_labels(corpus_file("contradictions.tsv"));
    let near = parse_labels(corpus_file("near_misses.tsv"));

    let mut recall = label_recall(&found, &claims, &origins, &labels);
    let matched = found
        .iter()
        .filter(|x| labels.iter().any(|l| pair_matches(x, &claims, &origins, l)))
        .count();
    recall.kind.fp = (found.len() - matched) as f64;
    recall.any.fp = recall.kind.fp;
    let near_misses_flagged: Vec<Label> = near
        .iter()
        .filter(|l| found.iter().any(|x| pair_matches(x, &claims, &origins, l)))
        .cloned()
        .collect();

    let mut by_kind: HashMap<String, usize> = HashMap::new();
    for x in &found {
        *by_kind
            .entry(x.contradiction.kind.as_str().to_string())
            .or_default() += 1;
    }
    let threads = store.threads()?.len();
    Ok(DemoScores {
        articles: articles.len(),
        threads,
        purity,
        completeness,
        found: by_kind,
        recall_kind: recall.kind,
        recall_any: recall.any,
        recall_strict: recall.strict,
        per_kind: recall.per_kind,
        precision_vs_labels: if found.is_empty() {
            0.0
        } else {
            matched as f64 / found.len() as f64
        },
        near_misses: near.len(),
        near_misses_flagged,
        missed: recall.missed,
        same_side_stance: same_side_stance(&found),
    })
}

/// Threads against threads.tsv: purity and completeness of (gold story, assigned first thread).
fn thread_scores(articles: &[StoredArticle]) -> (f64, f64) {
    let gold: HashMap<String, String> = corpus_file("threads.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(f, s)| (f.trim().to_string(), s.trim().to_string()))
        })
        .collect();
    let assigned: Vec<(String, String)> = articles
        .iter()
        .filter_map(|a| {
            let o = a
                .article
                .origin
                .strip_prefix("demo/")
                .unwrap_or(&a.article.origin);
            let story = gold.get(o)?;
            Some((
                story.clone(),
                a.threads.first().cloned().unwrap_or_default(),
            ))
        })
        .collect();
    thread::purity_completeness(&assigned)
}

/// Recall of the labelled pairs (false positives are left for the caller to fill in).
struct Recall {
    kind: Prf,
    any: Prf,
    strict: Prf,
    per_kind: Vec<(String, usize, usize)>,
    missed: Vec<Label>,
}

/// Which labelled pairs were found: with the right kind, at all, and strictly.
fn label_recall(
    found: &[StoredContradiction],
    claims: &[StoredClaim],
    origins: &HashMap<i64, String>,
    labels: &[Label],
) -> Recall {
    let mut r = Recall {
        kind: Prf::default(),
        any: Prf::default(),
        strict: Prf::default(),
        per_kind: Vec::new(),
        missed: Vec::new(),
    };
    for l in labels {
        let any = found.iter().any(|x| pair_matches(x, claims, origins, l));
        let right = found.iter().any(|x| {
            x.contradiction.kind.as_str() == l.kind && pair_matches(x, claims, origins, l)
        });
        if right {
            r.kind.tp += 1.0;
        } else {
            r.kind.fn_ += 1.0;
            r.missed.push(l.clone());
        }
        let strict = found
            .iter()
            .any(|x| x.contradiction.kind.as_str() == l.kind && pair_matches_strict(x, origins, l));
        if strict {
            r.strict.tp += 1.0;
        } else {
            r.strict.fn_ += 1.0;
        }
        if any {
            r.any.tp += 1.0;
        } else {
            r.any.fn_ += 1.0;
        }
        match r.per_kind.iter_mut().find(|(k, _, _)| k == &l.kind) {
            Some(e) => {
                e.1 += 1;
                e.2 += right as usize;
            }
            None => r.per_kind.push((l.kind.clone(), 1, right as usize)),
        }
    }
    r
}

/// Same-side contradictions of kind opposing or denial (should be none).
fn same_side_stance(found: &[StoredContradiction]) -> usize {
    found
        .iter()
        .filter(|x| {
            matches!(
                x.contradiction.kind,
                ContradictionKind::Opposing | ContradictionKind::Denial
            )
        })
        .filter(|x| {
            let side = |c: &StoredClaim| {
                c.claim
                    .actor_code
                    .as_deref()
                    .and_then(crate::contradict::sides::side_of)
            };
            matches!((side(&x.a), side(&x.b)), (Some(a), Some(b)) if a.key == b.key)
        })
        .count()
}

impl fmt::Display for DemoScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "demo corpus: {} articles, {} threads",
            self.articles, self.threads
        )?;
        writeln!(
            f,
            "threads: purity {:.3}, completeness {:.3}",
            self.purity, self.completeness
        )?;
        let mut kinds: Vec<_> = self.found.iter().collect();
        kinds.sort();
        let total: usize = self.found.values().sum();
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(f, "contradictions stored: {total} ({})", list.join(", "))?;
        writeln!(
            f,
            "labelled pairs found with the right kind: {}/{} (recall {:.3}); found at all: {}/{} (recall {:.3})",
            self.recall_kind.tp,
            self.recall_kind.tp + self.recall_kind.fn_,
            self.recall_kind.recall(),
            self.recall_any.tp,
            self.recall_any.tp + self.recall_any.fn_,
            self.recall_any.recall()
        )?;
        writeln!(
            f,
            "strict (the pair's own claims hold the labelled quotes, right kind): {}/{} (recall {:.3})",
            self.recall_strict.tp,
            self.recall_strict.tp + self.recall_strict.fn_,
            self.recall_strict.recall()
        )?;
        for (k, n, ok) in &self.per_kind {
            writeln!(f, "  {k:<9} {ok}/{n}")?;
        }
        writeln!(
            f,
            "precision against the labelled list (lower bound; the list is not exhaustive): {:.3}",
            self.precision_vs_labels
        )?;
        writeln!(
            f,
            "near misses flagged: {}/{}",
            self.near_misses_flagged.len(),
            self.near_misses
        )?;
        writeln!(
            f,
            "same-side opposing/denial pairs: {}",
            self.same_side_stance
        )?;
        for l in &self.missed {
            writeln!(
                f,
                "  missed {} {}:{:?} / {}:{:?}",
                l.kind, l.a.0, l.a.1, l.b.0, l.b.1
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse() {
        let l = parse_labels("kind\tfile_a\tquote_a\tfile_b\tquote_b\tnote\nopposing\ta.txt\tnear\tb.txt\tnot close\twhy\n");
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].a, ("a.txt".to_string(), "near".to_string()));
        assert_eq!(l[0].note, "why");
    }

    // See: issue 4, "Done when": the demo yields each kind, separates its two stories, and
    // never reports two claims of the same side as opposing or denying each other.
    #[test]
    fn issue_4_demo_corpus() {
        let s = score(&Talk::silent()).unwrap();
        println!("{s}");
        for kind in ["opposing", "denial", "numeric", "reversal"] {
            assert!(
                s.found.get(kind).copied().unwrap_or(0) > 0,
                "no {kind} contradiction: {s}"
            );
        }
        assert_eq!(s.threads, 2, "{s}");
        assert!(s.purity >= 0.95 && s.completeness >= 0.95, "{s}");
        assert_eq!(s.same_side_stance, 0, "{s}");
        assert!(s.near_misses_flagged.is_empty(), "{s}");
        // Every labelled kind is found at least once with the right kind.
        for (k, _, ok) in &s.per_kind {
            assert!(*ok > 0, "no labelled {k} pair found: {s}");
        }
        // Today's figures as a floor (issue 17): 9 of 28 labelled pairs with the right kind,
        // 12 found at all, 6 strict, 0.16 precision against the labels. (Strict was 7 until a
        // reply inside an article kept only the assertion it answers best: "no agreement is
        // close" now pairs with the lede that repeats its words, not the labelled quote of the
        // same minister.) Since a claim set against another inside its own article no longer
        // pairs across articles (issue 12), 8, 11 and 5, precision 0.21: the labelled Santos
        // "no impunity" / Uribe "gives impunity" pair went, as Uribe's claim is answered by
        // Santos in its own article. Strict 6 again since a party's own work ("experts meet
        // daily") no longer opposes a claim of fact, so the US official's "no agreement is
        // close" pairs with the labelled quote. A scorer that counts a wrong pair as found, or a detector
        // that gets worse, fails here.
        assert_eq!(s.recall_kind.tp + s.recall_kind.fn_, 28.0, "{s}");
        assert!(s.recall_kind.tp >= 8.0, "{s}");
        assert!(s.recall_any.tp >= 11.0, "{s}");
        assert!(s.recall_strict.tp >= 6.0, "{s}");
        assert!(
            s.recall_strict.tp <= s.recall_kind.tp,
            "strict never exceeds lenient: {s}"
        );
        assert!(s.precision_vs_labels >= 0.2, "{s}");
        assert!(
            s.precision_vs_labels < 1.0,
            "not every reported pair is labelled: {s}"
        );
    }
}
