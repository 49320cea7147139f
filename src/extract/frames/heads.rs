//! Frame-rule heads (and hedges) found from their literal prefixes: one aho-corasick pass
//! over a claim tells where any of them can start, and each is tried anchored only there.
//!
//! Every match of a head opens with one of its prefix literals (`regex-syntax`'s extractor
//! gives that set when it is finite), so the leftmost-first matches of the head are found by
//! taking those places in order and trying the head anchored at each one not inside an
//! earlier match: the same spans `find_iter` gives, without a `RegexSet` pass over every
//! claim nor a scan of the whole claim per head.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use once_cell::sync::OnceCell;
use regex::Regex;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{meta, util::syntax, Anchored, Input};
use regex_syntax::hir::literal::Extractor;

use crate::model::Span;

/// The heads of the frame rules, as anchored searchers with their prefix literals.
#[derive(Debug)]
pub(super) struct Heads {
    /// Each head's pattern, compiled for anchored searches when a non-ASCII text first
    /// needs it (most claims are ASCII), and its twin without Unicode for ASCII texts (the
    /// same matches there; see `frames::ascii_twin`).
    patterns: Vec<String>,
    anchored: Vec<OnceCell<meta::Regex>>,
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
            .build(&lits)
            .expect("frame heads' literals build");
        Heads {
            patterns: heads.iter().map(|re| re.as_str().to_string()).collect(),
            anchored: heads.iter().map(|_| OnceCell::new()).collect(),
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

    /// The leftmost-first, non-overlapping matches of head `h` (the regex `re`) in `lc`:
    /// [`Heads::spans`], or a search of the whole text for a head in `always`.
    pub(super) fn matches(
        &self,
        h: usize,
        re: &Regex,
        lc: &str,
        ascii: bool,
        starts: &[usize],
    ) -> Vec<Span> {
        if self.always[h] {
            return (re.find_iter(lc))
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
        }
        if starts.is_empty() {
            return Vec::new();
        }
        self.spans(h, lc, ascii, starts)
    }

    /// The leftmost-first, non-overlapping matches of head `h` in `lc`, given its candidate
    /// places (from [`Heads::candidates`]); `ascii` when `lc` is all ASCII.
    pub(super) fn spans(&self, h: usize, lc: &str, ascii: bool, starts: &[usize]) -> Vec<Span> {
        let re = match &self.anchored_ascii[h] {
            Some(re) if ascii => re,
            _ => self.anchored[h]
                .get_or_init(|| anchored(&self.patterns[h], true).expect("it built as a Regex")),
        };
        let mut out = Vec::new();
        let mut from = 0;
        for &p in starts {
            if p < from {
                continue;
            }
            let input = Input::new(lc.as_bytes()).range(p..).anchored(Anchored::Yes);
            if let Some(m) = re.search_half(&input) {
                out.push(Span::new(p, m.offset()));
                from = m.offset();
            }
        }
        out
    }
}
