//! Which of the found pairs are reported: inside an article each assertion matched with its nearest reply, across articles the mutual best pair.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::{gap, Found, Item, Rule};
use crate::model::{ContradictionKind, Stance};

/// Keep the pairs an analyst would want, from everything the rules found (a function of the
/// whole set, so the result does not depend on the order claims were compared in):
///
/// - inside one article a reply answers one assertion and an assertion gets one reply per
///   answering body, the nearest in the text first ([`keep_local`]);
/// - a stance pair across articles is kept only when it is the strongest cross-article pair
///   of its kind for both its claims, one per (proposition, pair of sides, day), and neither
///   claim is already set against another inside its own article ([`answered_here`]);
/// - figure pairs (numeric) are kept as found.
pub(super) fn select(found: Vec<Found>, items: &[Item]) -> Vec<Found> {
    let stance = |c: &Found| c.rule.kind != ContradictionKind::Numeric;
    let same_article = |c: &Found| items[c.x].same_article(&items[c.y]);
    let mut keep = vec![false; found.len()];
    // Inside one article: one reply per answering statement.
    let local: Vec<(usize, LocalPair)> = found
        .iter()
        .enumerate()
        .filter(|(_, c)| stance(c) && same_article(c))
        .map(|(n, c)| {
            (
                n,
                LocalPair::new(
                    c.rule,
                    (&items[c.x], c.x),
                    (&items[c.y], c.y),
                    c.fit,
                    c.score,
                ),
            )
        })
        .collect();
    let local_pairs: Vec<LocalPair> = local.iter().map(|(_, l)| *l).collect();
    let local_keep = keep_local(&local_pairs);
    let here = answered_here(&local_pairs, &local_keep);
    for ((n, _), k) in local.iter().zip(local_keep) {
        keep[*n] = k;
    }
    // Across articles: the choice the stream makes too ([`keep_cross`]). `found` is sorted by
    // (a, b, kind), as `keep_cross` wants.
    let meta: Vec<Meta> = items.iter().map(Meta::of).collect();
    let cross: Vec<(usize, Cross)> = found
        .iter()
        .enumerate()
        .filter(|(_, c)| stance(c) && !same_article(c))
        .map(|(n, c)| (n, Cross::new(c.rule.kind, c.score, c.x, c.y)))
        .collect();
    let cross_keep = keep_cross(&cross.iter().map(|(_, c)| *c).collect::<Vec<_>>(), &meta);
    for ((n, c), k) in cross.iter().zip(cross_keep) {
        keep[*n] = k && !c.touches(&here);
    }
    // Figure pairs are kept as found.
    for (n, c) in found.iter().enumerate() {
        if !stance(c) {
            keep[n] = true;
        }
    }
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// A stance pair across articles, as [`keep_cross`] reads it, in 16 bytes (a dense thread
/// streamed has millions); the rest is in its claims' [`Meta`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Cross {
    pub(super) kind: ContradictionKind,
    pub(super) score: f32,
    /// Pool indices of claims `a` and `b` (`a` < `b` by claim id).
    pub(super) x: u32,
    pub(super) y: u32,
}

impl Cross {
    /// One of its claims is in `claims` (pool indices).
    pub(super) fn touches(&self, claims: &HashSet<usize>) -> bool {
        claims.contains(&(self.x as usize)) || claims.contains(&(self.y as usize))
    }

    /// The pair of pool indices `x` and `y` (claim `a` first).
    pub(super) fn new(kind: ContradictionKind, score: f32, x: usize, y: usize) -> Cross {
        Cross {
            kind,
            score,
            x: small(x),
            y: small(y),
        }
    }
}

/// What [`keep_cross`] reads of a claim: its id, keys ([`NONE`] when missing) and dates.
#[derive(Debug, Clone)]
pub(super) struct Meta {
    pub(super) id: i64,
    frame: u32,
    agent: u32,
    side: u32,
    /// First day, and how many days after it the date can also denote (a week: 6).
    day: i32,
    span: u8,
}

impl Meta {
    pub(super) fn of(it: &Item) -> Meta {
        Meta {
            id: it.id,
            frame: it.ids.frame,
            agent: it.ids.agent.unwrap_or(NONE),
            side: it.ids.side.unwrap_or(NONE),
            day: it.days.0 as i32,
            span: u8::try_from(it.days.1 - it.days.0).unwrap_or(u8::MAX),
        }
    }

    fn days(&self) -> (i64, i64) {
        let day = i64::from(self.day);
        (day, day + i64::from(self.span))
    }
}

/// An interned key that is missing (interned keys are small numbers).
pub(super) const NONE: u32 = u32::MAX;

/// A pool index or pair count as a `u32` (a thread of four billion claims is out of reach:
/// SQLite would not hold it).
pub(super) fn small(n: usize) -> u32 {
    debug_assert!(n < NONE as usize);
    n as u32
}

/// Which stance pairs across articles to keep (the one place this is decided, for
/// [`select`] and for the stream): a pair is kept when it is the strongest cross-article pair
/// of its kind for both its claims (a change of mind does not compete with a quarrel with the
/// other side), and only one per (proposition, doer, pair of sides, day), strongest first.
/// `cross` must be sorted by (claim a, claim b, kind), each pair once; `meta` is indexed by
/// pool index.
pub(super) fn keep_cross(cross: &[Cross], meta: &[Meta]) -> Vec<bool> {
    let best = Best::of(cross, meta);
    let mut order: Vec<u32> = (0..small(cross.len())).collect();
    order.sort_by(|&p, &q| {
        rank(meta, &cross[q as usize])
            .partial_cmp(&rank(meta, &cross[p as usize]))
            .unwrap_or(Ordering::Equal)
    });
    // One per (proposition, doer, pair of sides, day).
    let key = |c: &Cross| -> [u32; 5] {
        let (a, b) = (&meta[c.x as usize], &meta[c.y as usize]);
        let agent = if a.agent != NONE { a.agent } else { b.agent };
        [
            // Equal for every pair but one tied by the claims' own words, whose denied clause
            // has the smaller key.
            a.frame.min(b.frame),
            agent,
            a.side.min(b.side),
            a.side.max(b.side),
            a.day.max(b.day) as u32,
        ]
    };
    let mut seen = HashSet::new();
    let mut keep = vec![false; cross.len()];
    for n in order {
        let c = &cross[n as usize];
        if best.mutual(c, n) && seen.insert(key(c)) {
            keep[n as usize] = true;
        }
    }
    keep
}

/// How pairs across articles rank: score, closer dates, then the earlier pair in the pool.
fn rank(meta: &[Meta], c: &Cross) -> (f32, i64, u32, u32) {
    let days = |g: u32| meta[g as usize].days();
    (
        c.score,
        -gap(days(c.x), days(c.y)),
        u32::MAX - c.x.min(c.y),
        u32::MAX - c.x.max(c.y),
    )
}

/// Per claim (pool index) and kind, the index of its best pair across articles.
pub(super) struct Best(HashMap<(u32, ContradictionKind), u32>);

impl Best {
    pub(super) fn of(cross: &[Cross], meta: &[Meta]) -> Best {
        let mut best: HashMap<(u32, ContradictionKind), u32> = HashMap::new();
        for (n, c) in cross.iter().enumerate() {
            for g in [c.x, c.y] {
                let slot = best.entry((g, c.kind)).or_insert(small(n));
                let beats = rank(meta, c).partial_cmp(&rank(meta, &cross[*slot as usize]));
                if beats == Some(Ordering::Greater) {
                    *slot = small(n);
                }
            }
        }
        Best(best)
    }

    /// Pair `n` is the best of its kind for one of its claims at least.
    pub(super) fn of_either(&self, c: &Cross, n: u32) -> bool {
        [c.x, c.y]
            .iter()
            .any(|&g| self.0.get(&(g, c.kind)) == Some(&n))
    }

    /// Pair `n` is the best of its kind for both its claims.
    fn mutual(&self, c: &Cross, n: u32) -> bool {
        [c.x, c.y]
            .iter()
            .all(|&g| self.0.get(&(g, c.kind)) == Some(&n))
    }
}

/// A stance pair inside one article, as [`keep_local`] reads it.
#[derive(Debug, Clone, Copy)]
pub(super) struct LocalPair {
    pub(super) kind: ContradictionKind,
    /// The statement that answers the other claim ([`LocalPair::new`]).
    answer: u64,
    /// The statement answered, with the answering body ([`reply_key`]).
    answered: u64,
    /// Where the statement answered starts in the article.
    answered_at: usize,
    /// Where the answering statement starts in the article.
    answer_at: usize,
    /// How far apart the two claims are in the article's text, in bytes (0 when they touch).
    apart: usize,
    fit: u16,
    /// Both claims name one act (or one names none): a reply on the very act is taken before
    /// one joined by an inference ([`super::one_act`]).
    one_act: bool,
    pub(super) score: f32,
    /// Pool indices of both claims, smaller first.
    pub(super) lo: usize,
    pub(super) hi: usize,
    /// The pair is inferred from two accusations (rule `blame`), not a claim and its answer:
    /// taken only for claims no other pair of the article uses ([`keep_local`]).
    inferred: bool,
}

impl LocalPair {
    /// The answering statement comes after the one it answers in the text. A reporter states
    /// a charge and then the reply to it ("officials suspect X …; X, though, rejected …"); a
    /// reply written before the charge is the lede's summary of the row, or a reply to an
    /// earlier charge. So between two replies about as near to one assertion, the one after
    /// it is taken; between two assertions about as near to one reply, the one before it.
    fn follows(&self) -> bool {
        self.answer_at > self.answered_at
    }

    /// The pair of claims `x` and `y` of one article, each with its pool index. The answering
    /// claim is the one that denies; when both or neither do (rival doers, a change of mind),
    /// the later one in the pool. A statement the article repeats (headline, standfirst,
    /// lede: one side, one proposition, one position) answers once, and is answered once
    /// per answering body: the answer is the statement, not the claim. `rule` found the pair:
    /// its kind, and whether the pair is inferred from two accusations ([`super::blame`]).
    pub(super) fn new(
        rule: &Rule,
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
        let (s, t) = (&x.claim.span, &y.claim.span);
        LocalPair {
            kind: rule.kind,
            answer: statement(answer),
            answered: reply_key(answered, answer),
            answered_at: answered.claim.span.start,
            answer_at: answer.claim.span.start,
            apart: s.start.max(t.start).saturating_sub(s.end.min(t.end)),
            fit,
            one_act: super::one_act(x, y),
            score,
            lo: px.min(py),
            hi: px.max(py),
            inferred: rule.name == super::blame::RULE.name,
        }
    }

    /// A claim and its answer before a pair inferred from two accusations ([`Self::inferred`]),
    /// then a reply on the very act before one joined by an inference ([`super::one_act`]), then
    /// nearer in the text, in steps of [`NEAR_STEP`] (a reporter sets a reply beside
    /// the assertion it answers), then a reply written after its assertion ([`Self::follows`]),
    /// then more shared content words, then nearer still, then the assertion the article
    /// reports first (its lede or first mention, not a later recap), then the higher score,
    /// then the earlier pair in the pool.
    fn rank(&self, other: &LocalPair) -> Ordering {
        other
            .inferred
            .cmp(&self.inferred)
            .then(self.one_act.cmp(&other.one_act))
            .then((other.apart / NEAR_STEP).cmp(&(self.apart / NEAR_STEP)))
            .then(self.follows().cmp(&other.follows()))
            .then(self.fit.cmp(&other.fit))
            .then(other.apart.cmp(&self.apart))
            .then(other.answered_at.cmp(&self.answered_at))
            .then(self.score.total_cmp(&other.score))
            .then(other.lo.cmp(&self.lo))
            .then(other.hi.cmp(&self.hi))
            .then(other.kind.cmp(&self.kind))
    }
}

/// How far apart in the text (bytes, about two sentences) two replies may be and still count
/// as equally near an assertion; between those, the one repeating more of its words is taken.
const NEAR_STEP: usize = 400;

/// The statement a reply answers ([`statement`]), with the body (actor code, else speaker)
/// that replies: an assertion is answered once per body (a ministry and a member of
/// parliament of one country are two replies; a spokesman's three sentences are one).
fn reply_key(answered: &Item, answer: &Item) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        statement(answered),
        answer.ids.code.unwrap_or(answer.ids.speaker),
        answer.ids.code.is_some(),
    )
        .hash(&mut h);
    h.finish()
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
/// assertion it answers, and the copy keeps one reply per assertion and answering body
/// (real pages' gold counts so: a denial repeated in the lede, a quote and a dismissal
/// answers one accusation once, and a second accusation nearer to one of them takes it). So
/// the pairs are matched, best first ([`LocalPair::rank`]: nearest in the text, about two
/// sentences at a time, then a reply after its assertion, then most shared content words,
/// then the first reported, then the
/// strongest): a pair is kept when,
/// for its kind, its answering statement answers nothing yet and its assertion has no reply
/// from that body yet. A function of the whole set: the order of `pairs` does not matter.
pub(super) fn keep_local(pairs: &[LocalPair]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&p, &q| pairs[q].rank(&pairs[p]));
    let mut answers = HashSet::new();
    let mut replied = HashSet::new();
    // Claims (pool indices) some kept pair uses; an inferred pair ranks after every other and
    // takes only claims none uses.
    let mut used = HashSet::new();
    let mut keep = vec![false; pairs.len()];
    for n in order {
        let p = &pairs[n];
        if p.inferred && (used.contains(&p.lo) || used.contains(&p.hi)) {
            continue;
        }
        if !answers.contains(&(p.answer, p.kind)) && !replied.contains(&(p.answered, p.kind)) {
            answers.insert((p.answer, p.kind));
            replied.insert((p.answered, p.kind));
            used.insert(p.lo);
            used.insert(p.hi);
            keep[n] = true;
        }
    }
    keep
}

/// The claims (pool indices) of the stance pairs kept inside their articles. Such a claim is
/// already set against the statement it answers (or that answers it) where the reporter put
/// the two side by side; pairing it again with claims of other articles repeats that
/// disagreement with whatever else was said that week, so its pairs across articles are not
/// reported.
pub(super) fn answered_here(pairs: &[LocalPair], keep: &[bool]) -> HashSet<usize> {
    // A pair inferred from two accusations answers nothing: it leaves its claims free to meet
    // a direct answer in another article.
    pairs
        .iter()
        .zip(keep)
        .filter(|(p, k)| **k && !p.inferred)
        .flat_map(|(p, _)| [p.lo, p.hi])
        .collect()
}

/// How many content words two claims share: words of four letters or more, stopwords left
/// out, compared on their first five letters ("Russian" meets "Russia", "involved" meets
/// "involvement"). Two replies to one accusation are told apart by what they repeat of it.
pub(super) fn fit(x: &Item, y: &Item) -> u16 {
    let (a, b) = (x.features.stems(x.claim), y.features.stems(y.claim));
    let shared = super::shared_words(a, b);
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
