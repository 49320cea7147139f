//! Which of the found pairs are reported: one reply per assertion inside an article, the mutual best pair across articles.

use std::collections::{HashMap, HashSet};

use super::{gap, Found, Item};
use crate::model::{ContradictionKind, Stance};

/// Keep the pairs an analyst would want, from everything the rules found (a function of the
/// whole set, so the result does not depend on the order claims were compared in):
///
/// - inside one article a reply answers one assertion: per answering claim and kind only its
///   best stance pair is kept ([`keep_local`]);
/// - a stance pair across articles is kept only when it is the strongest cross-article pair
///   of its kind for both its claims, one per (proposition, pair of sides, day) (a claim
///   answered inside its own article may still meet a claim of another article);
/// - figure pairs (numeric) are kept as found.
pub(super) fn select(found: Vec<Found>, items: &[Item]) -> Vec<Found> {
    let stance = |c: &Found| c.rule.kind != ContradictionKind::Numeric;
    let same_article = |c: &Found| items[c.x].same_article(&items[c.y]);
    // Best cross-article pair per claim: (score, -gap, canonical pool index of the partner).
    let rank = |c: &Found| -> (f32, i64, usize, usize) {
        let (ia, ib) = (c.x, c.y);
        (
            c.score,
            -gap(items[ia].days, items[ib].days),
            usize::MAX - ia.min(ib),
            usize::MAX - ia.max(ib),
        )
    };
    let better =
        |x: &Found, y: &Found| rank(x).partial_cmp(&rank(y)) == Some(std::cmp::Ordering::Greater);
    // Best cross-article pair per (claim, kind): a change of mind does not compete with a
    // quarrel with the other side.
    let kind_of = |c: &Found| c.rule.kind;
    let mut best: HashMap<(i64, ContradictionKind), usize> = HashMap::new();
    for (n, c) in found.iter().enumerate() {
        if !stance(c) || same_article(c) {
            continue;
        }
        for id in [c.a, c.b] {
            let key = (id, kind_of(c));
            match best.get(&key) {
                Some(&m) if !better(c, &found[m]) => {}
                _ => {
                    best.insert(key, n);
                }
            }
        }
    }
    type SeenKey = (u32, Option<u32>, Option<u32>, Option<u32>, i64);
    let mut seen: HashSet<SeenKey> = HashSet::new();
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&x, &y| {
        rank(&found[y])
            .partial_cmp(&rank(&found[x]))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let local: Vec<(usize, LocalPair)> = found
        .iter()
        .enumerate()
        .filter(|(_, c)| stance(c) && same_article(c))
        .map(|(n, c)| {
            (
                n,
                LocalPair::new(
                    c.rule.kind,
                    (&items[c.x], c.x),
                    (&items[c.y], c.y),
                    c.fit,
                    c.score,
                ),
            )
        })
        .collect();
    let local_keep = keep_local(&local.iter().map(|(_, l)| *l).collect::<Vec<_>>());
    let mut keep = vec![false; found.len()];
    for ((n, _), k) in local.iter().zip(local_keep) {
        keep[*n] = k;
    }
    for n in order {
        let c = &found[n];
        if !stance(c) {
            keep[n] = true;
            continue;
        }
        if same_article(c) {
            continue;
        }
        // Mutual: the strongest cross-article pair of its kind for both its claims.
        if best.get(&(c.a, kind_of(c))) != Some(&n) || best.get(&(c.b, kind_of(c))) != Some(&n) {
            continue;
        }
        let (a, b) = (&items[c.x], &items[c.y]);
        let (s1, s2) = if a.ids.side <= b.ids.side {
            (a.ids.side, b.ids.side)
        } else {
            (b.ids.side, a.ids.side)
        };
        let day = a.days.0.max(b.days.0);
        if seen.insert((a.ids.frame, a.ids.agent.or(b.ids.agent), s1, s2, day)) {
            keep[n] = true;
        }
    }
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// A stance pair inside one article, as [`keep_local`] reads it.
#[derive(Debug, Clone, Copy)]
pub(super) struct LocalPair {
    pub(super) kind: ContradictionKind,
    /// The statement that answers the other claim ([`LocalPair::new`]).
    answer: u64,
    /// Where the other claim (the one answered) starts in the article.
    answered_at: usize,
    fit: u16,
    pub(super) score: f32,
    /// Pool indices of both claims, smaller first.
    pub(super) lo: usize,
    pub(super) hi: usize,
}

impl LocalPair {
    /// The pair of claims `x` and `y` of one article, each with its pool index. The answering
    /// claim is the one that denies; when both or neither do (rival doers, a change of mind),
    /// the later one in the pool. A statement the article repeats (headline, standfirst,
    /// lede: one side, one proposition, one position) answers once: the answer is the
    /// statement, not the claim.
    pub(super) fn new(
        kind: ContradictionKind,
        (x, px): (&Item, usize),
        (y, py): (&Item, usize),
        fit: u16,
        score: f32,
    ) -> LocalPair {
        let x_answers = match (x.stance == Stance::Denies, y.stance == Stance::Denies) {
            (true, false) => true,
            (false, true) => false,
            _ => px > py,
        };
        let (answer, answered) = if x_answers { (x, y) } else { (y, x) };
        LocalPair {
            kind,
            answer: statement(answer),
            answered_at: answered.claim.span.start,
            fit,
            score,
            lo: px.min(py),
            hi: px.max(py),
        }
    }

    /// More shared content words first, then the assertion the article reports first (its
    /// lede or first mention, not a later recap), then the higher score, then the earlier
    /// pair in the pool.
    fn rank(&self) -> (u16, usize, f32, usize, usize) {
        (
            self.fit,
            usize::MAX - self.answered_at,
            self.score,
            usize::MAX - self.lo,
            usize::MAX - self.hi,
        )
    }
}

/// A claim's statement inside its article: its article, side (else speaker), position and
/// content words ([`content_stems`]), hashed. An article that repeats a statement in its
/// headline, standfirst and body gives claims with one statement.
fn statement(it: &Item) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        it.stored.article_id,
        it.ids.side.unwrap_or(it.ids.speaker),
        it.ids.side.is_some(),
        it.stance.as_i8(),
        it.features.stems(it.claim),
    )
        .hash(&mut h);
    h.finish()
}

/// Which stance pairs inside one article to keep: a reporter sets a reply beside the one
/// assertion it answers, so each answering statement keeps, per kind, only its best pair (the
/// one sharing most content words with it, then the first reported, then the strongest). An
/// assertion may be answered by several replies. A function of the whole set: the order of
/// `pairs` does not matter.
pub(super) fn keep_local(pairs: &[LocalPair]) -> Vec<bool> {
    let mut best: HashMap<(u64, ContradictionKind), usize> = HashMap::new();
    for (n, p) in pairs.iter().enumerate() {
        let slot = best.entry((p.answer, p.kind)).or_insert(n);
        if pairs[*slot].rank().partial_cmp(&p.rank()) == Some(std::cmp::Ordering::Less) {
            *slot = n;
        }
    }
    let mut keep = vec![false; pairs.len()];
    for n in best.into_values() {
        keep[n] = true;
    }
    keep
}

/// How many content words two claims share: words of four letters or more, stopwords left
/// out, compared on their first five letters ("Russian" meets "Russia", "involved" meets
/// "involvement"). Two replies to one accusation are told apart by what they repeat of it.
pub(super) fn fit(x: &Item, y: &Item) -> u16 {
    let (a, b) = (x.features.stems(x.claim), y.features.stems(y.claim));
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    u16::try_from(shared).unwrap_or(u16::MAX)
}

/// The sorted content stems of a text, for [`fit`].
pub(super) fn content_stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !crate::thread::is_stopword(w))
        .map(|w| w.chars().take(5).collect())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
