//! Frame-rule heads (and hedges) found from their literal prefixes: one aho-corasick pass
//! over a claim tells where any of them can start, and each is tried anchored only there.
//!
//! Every match of a head opens with one of its prefix literals (`regex-syntax`'s extractor
//! gives that set when it is finite), so the leftmost-first matches of the head are found by
//! taking those places in order and trying the head anchored at each one not inside an
//! earlier match: the same spans `find_iter` gives, without a `RegexSet` pass over every
//! claim nor a scan of the whole claim per head.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{meta, util::syntax, Anchored, Input};
use regex_syntax::hir::literal::Extractor;

use crate::model::Span;

/// The heads of the frame rules, as anchored searchers with their prefix literals.
#[derive(Debug)]
pub(super) struct Heads {
    /// Each head compiled without Unicode for anchored searches in ASCII texts (the same
    /// matches there; see `frames::ascii_twin`). Non-ASCII texts (a sixth of the claims)
    /// search on from each place with the head's own regex instead: a Unicode searcher for
    /// anchored searches cost millions of instructions to compile per head.
    anchored_ascii: Vec<Option<meta::Regex>>,
    /// Every head's prefix literals in one automaton (overlapping matches).
    literals: AhoCorasick,
    /// For each literal of `literals`, the heads it opens.
    heads_of: Vec<Vec<usize>>,
    /// Heads without a finite set of non-empty prefixes (or that can match empty): searched
    /// whole on every text.
    pub(super) always: Vec<bool>,
}

/// `pattern` compiled for anchored searches, with or without Unicode, and the lazy-DFA
/// cache the frame rules use (`frames::ci_rule`); only the implicit capture group (only the end is read).
fn anchored(pattern: &str, unicode: bool) -> Option<meta::Regex> {
    meta::Regex::builder()
        .syntax(syntax::Config::new().unicode(unicode).utf8(unicode))
        .configure(
            meta::Config::new()
                .utf8_empty(unicode)
                .which_captures(WhichCaptures::Implicit)
                .hybrid_cache_capacity(32 << 20),
        )
        .build(pattern)
        .ok()
}

/// The prefix literals every match of `pattern` opens with; `None` when that set is not
/// finite, holds the empty string, or the pattern can match empty.
fn prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::parse(pattern).ok()?;
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    let seq = Extractor::new().extract(&hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

impl Heads {
    pub(super) fn new(heads: &[Regex]) -> Heads {
        let mut lits: Vec<Vec<u8>> = Vec::new();
        let mut heads_of: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (h, re) in heads.iter().enumerate() {
            let Some(ps) = prefixes(re.as_str()) else {
                always.push(true);
                continue;
            };
            always.push(false);
            for p in ps {
                match lits.iter().position(|l| *l == p) {
                    Some(i) => heads_of[i].push(h),
                    None => {
                        lits.push(p);
                        heads_of.push(vec![h]);
                    }
                }
            }
        }
        let literals = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            // Heads open with common words: a prefilter stops at nearly every word and costs
            // more than the DFA alone (same matches).
            .prefilter(false)
            .build(&lits)
            .expect("frame heads' literals build");
        Heads {
            anchored_ascii: heads
                .iter()
                .map(|re| anchored(re.as_str(), false))
                .collect(),
            literals,
            heads_of,
            always,
        }
    }

    /// For each head, the sorted places in `lc` where one of its literals starts (empty for
    /// the heads in `always`, which are not prefiltered).
    pub(super) fn candidates(&self, lc: &str) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); self.always.len()];
        for m in self.literals.find_overlapping_iter(lc.as_bytes()) {
            for &h in &self.heads_of[m.pattern().as_usize()] {
                out[h].push(m.start());
            }
        }
        for starts in out.iter_mut().filter(|s| s.len() > 1) {
            starts.sort_unstable();
            starts.dedup();
        }
        out
    }

    /// The leftmost-first, non-overlapping matches of head `h` (the regex `re`) in `lc`,
    /// given its candidate places (from [`Heads::candidates`]); `ascii` when `lc` is all
    /// ASCII. A head in `always` is searched in the whole text.
    pub(super) fn matches(
        &self,
        h: usize,
        re: &Regex,
        lc: &str,
        ascii: bool,
        starts: &[usize],
    ) -> Vec<Span> {
        let mut out = Vec::new();
        if self.always[h] {
            out.extend(re.find_iter(lc).map(|m| Span::new(m.start(), m.end())));
            return out;
        }
        let mut from = 0;
        match &self.anchored_ascii[h] {
            Some(twin) if ascii => {
                for &p in starts {
                    if p < from {
                        continue;
                    }
                    let input = Input::new(lc.as_bytes()).range(p..).anchored(Anchored::Yes);
                    if let Some(m) = twin.search_half(&input) {
                        out.push(Span::new(p, m.offset()));
                        from = m.offset();
                    }
                }
            }
            // No match starts between `from` and the next candidate (no literal does), so
            // the leftmost match from that candidate on is the leftmost from `from` on.
            _ => {
                while let Some(&p) = starts.iter().find(|&&p| p >= from) {
                    let Some(m) = re.find_at(lc, p) else {
                        break;
                    };
                    out.push(Span::new(m.start(), m.end()));
                    from = m.end();
                }
            }
        }
        out
    }
}
