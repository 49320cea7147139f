//! Rule `numeric`: two sources give materially different figures for the same event.
//!
//! ## What it detects
//!
//! Two claims (whatever their frame: a toll is a toll whether the sentence also blames
//! someone) that both state a figure of the same quantity
//! (`killed`, `violations`, `fighters` ...) whose values differ by at least 25 % of the
//! larger one and by at least 2, said close enough together to be about one thing (and, when
//! both sentences name a weekday, naming the same one):
//! within `Options::event_days` (3) for event counts (killed, wounded, violations ...;
//! quantity + close dates + a word naming the incident in both sentences is our stand-in
//! for "the same event"), within
//! `Options::stock_days` (30) for slowly changing stocks (a force's strength). When
//! both sentences name what caused the harm and the causes differ (air strikes vs
//! shelling vs a bomb), they are two events and do not pair; each claim's own words are read
//! for its cause before its sentence's, since one sentence often holds two tolls.
//! Two counts are of one quantity only when they cover one window of time ("in the first 24
//! hours" pairs only with the same window), one scope (a count "across the country" only with
//! another wide one) and, for counted acts (violations, strikes), one doer: two parties'
//! counts are two quantities, and a party's count disagrees with all sides' count only when
//! the part exceeds the whole. Counts of events other than truce violations (tolls, trucks,
//! convoys) also need a word naming the incident in both sentences.
//! The two claims must be of two sides: two figures of one side (a navy command's "two
//! wounded", its commander's "six wounded" that evening) are its count as it grows or is
//! corrected, not a dispute; claims of no known side, or of neutral bodies (each counts on its
//! own), pair across speakers. A claim with a denial cue
//! ("denied that 20 were killed") does not assert its figures and never pairs here.
//! Polarity does not matter: "40 violations" backs "the truce is not holding" (-1), and
//! a plain count ("20 people were killed") often has no stance at all.
//!
//! Counts need not be figures (`counts.tsv`, [`counts`]): a count of none ("no one has died",
//! "had not recorded a single civilian death", "the truce was fully observed") disagrees with
//! any count above zero, stated or not ("one guard was killed", "killed some civilians"); a
//! zero that names no place of its own speaks of everywhere, so it needs no shared incident
//! word or scope. A figure with a floor or a ceiling ("at least 14", "no more than 12") is a
//! range, and two counts disagree only when their ranges miss each other by a material gap.
//!
//! ## Why it matters
//!
//! Casualty counts and violation tallies are where parties quietly disagree: Russian
//! monitors count nine violations, the opposition counts dozens.
//!
//! ## Example
//!
//! ```text
//! Russian military (RUSMIL, 2016-09-13): rebels violated the truce 9 times    violations 9
//! Syrian opposition (SYRREB, 2016-09-13): government forces violated it 40 times  violations 40
//! => numeric: Russian military (RUSMIL, 2016-09-13) reports 9 violations; Syrian
//!    opposition (SYRREB, 2016-09-13) reports 40 violations (ceasefire)
//! ```
//!
//! Known gap: a cumulative toll ("300 since March") and a single incident ("20 on
//! Monday") of the same quantity look alike. Score: confidences (hedges weaken) times
//! 0.5 + half the relative difference, times date closeness.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::extract::actors;
use crate::extract::timex::calendar::{MONTHS, WEEKDAYS};
use crate::extract::timex::small_number;

use super::{closeness, pair_weight, shared_words, Block, Class, Group, Item, Options, Pair, Rule};
use crate::model::{Claim, ContradictionKind, Figure};

pub const RULE: Rule = Rule {
    name: "numeric",
    kind: ContradictionKind::Numeric,
    group: Group::Figures,
    block: Block::Frame,
    partners,
    check,
    explain,
};

/// Smallest relative difference (of the larger value) that counts as material.
const MIN_RELATIVE: f64 = 0.25;
/// Smallest absolute difference that counts as material.
const MIN_ABSOLUTE: f64 = 2.0;

/// Largest ratio between two figures of a stock (a force's strength) that can still be two
/// estimates of one thing; a larger gap counts two different groups.
const MAX_STOCK_RATIO: f64 = 10.0;

/// Stocks whose estimates are bound to one order of magnitude ([`MAX_STOCK_RATIO`]).
const ORDER_BOUND_QUANTITIES: &[&str] = &["fighters", "mass"];

/// Quantities counted per event; any other quantity is a slowly changing stock.
const EVENT_QUANTITIES: &[&str] = &[
    "killed",
    "dead",
    "deaths",
    "wounded",
    "injured",
    "casualties",
    "violations",
    "strikes",
    "attacks",
    "airstrikes",
    "missing",
    "aid_trucks",
    "convoys",
    "projectiles",
];

/// How many days apart two figures of `quantity` may be said and still be about one thing.
pub(super) fn figure_days(quantity: &str, opts: &Options) -> i64 {
    if EVENT_QUANTITIES.contains(&quantity) {
        opts.event_days
    } else {
        opts.stock_days
    }
}

fn partners(it: &Item, opts: &Options) -> Vec<(Class, i64)> {
    if it.claim.denial {
        return vec![];
    }
    quantity_partners(it, opts)
}

/// Each of the claim's quantities, with how many days around it a figure of it may be said.
pub(super) fn quantity_partners(it: &Item, opts: &Options) -> Vec<(Class, i64)> {
    it.counts
        .iter()
        .zip(&it.quantities)
        .map(|(c, &q)| (Class::Quantity(q), figure_days(&c.quantity, opts)))
        .collect()
}

fn check(p: &Pair, opts: &Options) -> Option<f32> {
    let (x, y) = (p.x, p.y);
    if x.quantities.is_empty() || y.quantities.is_empty() {
        return None;
    }
    // Figures are compared for a day; a background claim has none of its own.
    if x.claim.date.date.is_none() || y.claim.date.date.is_none() {
        return None;
    }
    if x.claim.denial || y.claim.denial {
        return None;
    }
    let (f, g, rel) = most_different(p, opts)?;
    // Two figures of one side are that side's count as it grows or is corrected (a navy
    // command's "two wounded", its commander's "six wounded" that evening), not a dispute:
    // the dispute is between sides. Claims of no known side pair only across speakers.
    // Neutral bodies (a UN agency, a rights group) are no one side: each counts on its own.
    let party = || x.side().is_some_and(|s| s.key != "neutral");
    if x.same_side(y) && (x.ids.speaker == y.ids.speaker || party()) {
        return None;
    }
    if !same_cause(x, y) || !same_weekday(x, y) {
        return None;
    }
    // Two counts of one quantity are of one thing only when they cover the same window of
    // time, the same scope and the same doers (the qualifiers below).
    if !same_window(x, y) || !same_doers(x, y, f, g) {
        return None;
    }
    // A count of none that names no place of its own ("no one has died over the past day")
    // speaks of everywhere: any count of the window, wide or local, belies it. Otherwise the
    // two counts need one scope and, for events, one incident.
    let zero = match (f.amount.is_zero(), g.amount.is_zero()) {
        (true, false) => Some(x),
        (false, true) => Some(y),
        _ => None,
    };
    if zero.is_none_or(names_place) {
        if wide_scope(x) != wide_scope(y) {
            return None;
        }
        // Two counts of events are of one incident only when the sentences name something
        // in common (the convoy, Tartus, a hospital); counts of violations of a truce and
        // stocks (a force's fighters) are compared as they are.
        if f.quantity != "violations"
            && EVENT_QUANTITIES.contains(&f.quantity.as_str())
            && !same_incident(x, y)
        {
            return None;
        }
    }
    // Two estimates of one force's strength or one stock of material are of one order: a
    // patrol of "about a dozen" soldiers that crossed a border is not the 4,000 troops massed
    // behind it. Counts of people held or displaced differ by more in real disputes (12
    // detained by the police's count, 300 by a rights group's), so they are left out.
    if ORDER_BOUND_QUANTITIES.contains(&f.quantity.as_str()) {
        let (lo, hi) = (
            f.amount.level().min(g.amount.level()),
            f.amount.level().max(g.amount.level()),
        );
        if lo > 0.0 && hi > lo * MAX_STOCK_RATIO {
            return None;
        }
    }
    // A running total against one incident's toll counts two different things.
    let cumulative = |it: &Item| {
        *it.features
            .cumulative
            .get_or_init(|| super::cumulative(&it.claim.sentence))
    };
    if cumulative(x) != cumulative(y) {
        return None;
    }
    // One source raising its own count on a later day is an update, not a dispute
    // (a toll that goes down is still flagged).
    if x.ids.code.is_some() && x.ids.code == y.ids.code && p.gap > 0 {
        let (fx, fy) = (f.amount.level(), g.amount.level());
        let (earlier, later) = if (x.days.0, x.id) <= (y.days.0, y.id) {
            (fx, fy)
        } else {
            (fy, fx)
        };
        if later >= earlier {
            return None;
        }
    }
    let window = figure_days(&f.quantity, opts);
    Some(pair_weight(p) * (0.5 + 0.5 * rel.min(1.0) as f32) * closeness(p.gap, window))
}

/// Craft nouns and their class (`crafts.tsv`), added to a text's incident words.
static CRAFTS: Lazy<std::collections::HashMap<&'static str, &'static str>> =
    Lazy::new(|| crate::data::CRAFTS.pairs().into_iter().collect());

/// Words too common in casualty reports to tell two incidents apart (`toll_words.tsv`;
/// weekday names are read from the calendar, actors from the gazetteer).
static TOLL_WORDS: Lazy<std::collections::HashSet<&'static str>> = Lazy::new(|| {
    crate::data::TOLL_WORDS
        .rows()
        .iter()
        .map(|r| r.col(0))
        .collect()
});

/// Numbers in words name a count, not the incident ("four children", "dozens of people"):
/// the numbers time expressions read ([`small_number`]), and these counting words.
const COUNT_WORDS: &[&str] = &[
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "several",
    "scores",
];

/// A number or counting word, for [`find_incident_words`].
fn number_word(w: &str) -> bool {
    small_number(w).is_some() || COUNT_WORDS.contains(&w)
}

/// The claim's [`find_incident_words`], found at most once per claim.
fn incident_words<'a>(it: &'a Item) -> &'a [String] {
    it.features.incident.get_or_init(|| find_incident_words(it))
}

/// The incident words of the claim's own content ([`words_of`] on its text, not its
/// sentence), found at most once per claim.
pub(super) fn own_words<'a>(it: &'a Item) -> &'a [String] {
    it.features.own.get_or_init(|| words_of(it, &it.claim.text))
}

/// The incident words of the claim's article headline (see [`words_of`]).
pub(super) fn title_words(it: &Item) -> Vec<String> {
    words_of(it, &it.stored.article_title)
}

fn find_incident_words(it: &Item) -> Vec<String> {
    words_of(it, sentence(it))
}

/// The claim's sentence, or its own words when it has none.
fn sentence<'a>(it: &'a Item) -> &'a str {
    if it.claim.sentence.is_empty() {
        &it.claim.text
    } else {
        &it.claim.sentence
    }
}

/// The words of `text` that may name an incident, sorted (see [`find_incident_words`]).
fn words_of(it: &Item, text: &str) -> Vec<String> {
    // A party's name (a country, a demonym, a monitor) says who, not which incident: words
    // inside an actor mention are left out.
    let mentions = actors::find_all(text, actors::builtin_ref(), it.claim.date.date);
    let named = |at: usize| {
        mentions
            .iter()
            .any(|m| m.span.start <= at && at < m.span.end)
    };
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= 4 && w.chars().all(|c| c.is_alphabetic() || c == '-'))
        .filter(|w| !named(w.as_ptr() as usize - text.as_ptr() as usize))
        .map(|w| w.to_lowercase())
        .filter(|w| !TOLL_WORDS.contains(w.as_str()))
        .filter(|w| !WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w)))
        .filter(|w| !number_word(w))
        .collect();
    // "the jet" and "the warplane" are one craft: each craft noun adds its class.
    words.extend(craft_classes(text).map(str::to_string));
    words.sort();
    words.dedup();
    words
}

/// The class of each craft noun of `text` (`crafts.tsv`): "the tug boat" and "the vessels"
/// both name a "vessel".
pub(super) fn craft_classes(text: &str) -> impl Iterator<Item = &'static str> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter_map(|w| CRAFTS.get(w.to_ascii_lowercase().as_str()).copied())
}

/// False when both sentences name the day of the week their figure is for and the days differ:
/// "58 were killed on Saturday" and "11 were killed on Monday morning" count two days.
fn same_weekday(x: &Item, y: &Item) -> bool {
    let days = |it: &Item| -> u8 {
        let text = if it.claim.sentence.is_empty() {
            &it.claim.text
        } else {
            &it.claim.sentence
        };
        text.split(|c: char| !c.is_alphabetic())
            .filter_map(|w| WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(w)))
            .fold(0, |m, i| m | (1 << i))
    };
    let (a, b) = (days(x), days(y));
    a == 0 || b == 0 || a & b != 0
}

/// The two tolls' sentences share a word that names the incident (a place, a target), or they
/// come from one article and one of them names nothing ("they counted 21 bodies at the
/// site"). A toll whose sentence names nothing is not matched across articles.
fn same_incident(x: &Item, y: &Item) -> bool {
    // Two claims of one sentence ("14 died in the east, while state media said four died in
    // the west") are told apart by their own words.
    if !x.claim.sentence.is_empty() && x.claim.sentence == y.claim.sentence {
        let (a, b) = (own_words(x), own_words(y));
        return a.is_empty() || b.is_empty() || shared_words(a, b) > 0;
    }
    let (a, b) = (incident_words(x), incident_words(y));
    let shared = shared_words(a, b);
    let same_article = x.same_article(y);
    // Across articles a day or more apart one shared word is often a coincidence
    // ("rebel-held", "market"): tolls of one incident told days apart name it twice (the place
    // and the target). The next day's count is the first reply to the day's ("six sailors were
    // wounded" / "three sailors were wounded" the day after): one shared word will do.
    // Within one article a sentence naming nothing refers back to the incident at hand; two
    // sentences naming different things are two incidents.
    if same_article {
        shared > 0 || a.is_empty() || b.is_empty()
    } else if day_apart(x, y) {
        shared > 0
    } else {
        shared >= 2
    }
}

/// Two claims each of one day (not a week), the same day or the next.
fn day_apart(x: &Item, y: &Item) -> bool {
    let one_day = |it: &Item| it.days.0 == it.days.1;
    one_day(x) && one_day(y) && (x.days.0 - y.days.0).abs() <= 1
}

/// What killed or hurt people, when the sentence says: air, ground fire or a bomb.
static CAUSES: Lazy<[Regex; 3]> = Lazy::new(|| {
    [
        r"(?i)\b(air ?strikes?|air raids?|warplanes?|jets?|aircraft|helicopters?|barrel bombs?|bombers?)\b",
        r"(?i)\b(shelling|shells?|mortars?|rockets?|artillery|sniper)\b",
        r"(?i)\b(car bombs?|suicide|explosions?|blasts?|ied)\b",
    ]
    .map(|r| Regex::new(r).expect("valid regex"))
});

fn causes(it: &Item) -> u8 {
    *it.cache.get_or_init(|| find_causes(it))
}

/// The causes the claim's own words name, or else its sentence's: one sentence often holds
/// two tolls of two causes ("14 were killed in air strikes on the east, while state media said
/// rebel shells killed four in the west").
fn find_causes(it: &Item) -> u8 {
    let of = |text: &str| {
        CAUSES
            .iter()
            .enumerate()
            .filter(|(_, re)| re.is_match(text))
            .fold(0, |m, (i, _)| m | (1 << i))
    };
    match of(&it.claim.text) {
        0 => of(&it.claim.sentence),
        own => own,
    }
}

/// False when both sentences name a cause and the causes differ: "air strikes on the
/// east killed 20" and "rebel shelling of the west killed 12" are two events.
fn same_cause(x: &Item, y: &Item) -> bool {
    let (a, b) = (causes(x), causes(y));
    a == 0 || b == 0 || a & b != 0
}

/// A window of time a count covers, when the sentence bounds one ("in the first 24 hours",
/// "over the past two days", "overnight"): the number (empty when none) and the unit.
static WINDOW: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:first|past|last|previous|preceding|initial|next)\s+(?:(\d+|[a-z]+)\s+)?(hour|day|week|month)s?\b|\b(overnight)\b",
    )
    .expect("valid regex")
});

/// The windows of time the claim's sentence bounds its counts to, as (number, unit).
fn windows(it: &Item) -> Vec<(String, &'static str)> {
    WINDOW
        .captures_iter(sentence(it))
        .map(|c| {
            if c.get(3).is_some() {
                return (String::new(), "hour");
            }
            let n = c.get(1).map_or(String::new(), |m| {
                let w = m.as_str().to_lowercase();
                small_number(&w).map_or(w, |v| v.to_string())
            });
            let unit = match c[2].to_lowercase().as_str() {
                "hour" => "hour",
                "day" => "day",
                "week" => "week",
                _ => "month",
            };
            (n, unit)
        })
        .collect()
}

/// False when one count is bounded to a window of time the other does not name: "31 in the
/// first 24 hours" and "14 since the truce began" (or "over the same period", told elsewhere)
/// count two periods. Windows of one unit agree unless both give differing numbers.
fn same_window(x: &Item, y: &Item) -> bool {
    let (a, b) = (windows(x), windows(y));
    if a.is_empty() && b.is_empty() {
        return true;
    }
    a.iter().any(|(n, u)| {
        b.iter()
            .any(|(m, v)| u == v && (n == m || n.is_empty() || m.is_empty()))
    })
}

/// A count over a whole country or region ("across Syria", "nationwide", "throughout the
/// province"), which a count of one place or incident is part of, not a rival to.
fn wide_scope(it: &Item) -> bool {
    static WIDE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)\b(across|nationwide|countrywide|throughout|all over|whole country|entire country)\b")
            .expect("valid regex")
    });
    WIDE.is_match(sentence(it))
}

/// Whose acts a count counts, when the sentence says.
#[derive(Debug, PartialEq)]
enum Doer {
    /// "by all sides", "by both parties": the whole, of which each party's count is a part.
    All,
    /// One party: its gazetteer code, or the word naming it.
    Party(String),
}

/// Quantities that count acts someone commits, so a count names its doers.
const ACT_QUANTITIES: &[&str] = &["violations", "strikes", "attacks", "airstrikes"];

/// The doer of the counted acts: "violations by all sides" (all), "40 violations by the
/// regime", "opposition groups had violated the truce 31 times" (one party).
fn doer(it: &Item) -> Option<Doer> {
    static ALL: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)\b(?:all|both|the two|the warring) (?:sides|parties)\b")
            .expect("valid regex")
    });
    static BY: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r#"(?i)\b(?:violations?|breach(?:es)?|strikes|attacks|raids)"?\s+(?:by|from)\s+((?:the |its |their )?[\w-]+)"#)
            .expect("valid regex")
    });
    static SUBJECT: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)\b([\w-]+)(?: (?:forces|groups|fighters|militias|units|troops))? (?:had |have |has )?(?:repeatedly )?(?:violated|breached)\b")
            .expect("valid regex")
    });
    let text = sentence(it);
    if ALL.is_match(text) {
        return Some(Doer::All);
    }
    let phrase = BY
        .captures(text)
        .or_else(|| SUBJECT.captures(text))?
        .get(1)?
        .as_str();
    let party = actors::find_all(phrase, actors::builtin_ref(), it.claim.date.date)
        .into_iter()
        .next()
        .map(|m| m.code)
        .unwrap_or_else(|| {
            let w = phrase.rsplit(' ').next().unwrap_or(phrase);
            w.to_lowercase()
        });
    Some(Doer::Party(party))
}

/// False when the two counts count different doers' acts: "violations by the rebels" and
/// "violations by the government" are two quantities. A party's count and a count of all
/// sides disagree only when the part exceeds the whole.
fn same_doers(x: &Item, y: &Item, f: &Count, g: &Count) -> bool {
    if !ACT_QUANTITIES.contains(&f.quantity.as_str()) {
        return true;
    }
    match (doer(x), doer(y)) {
        (Some(Doer::Party(a)), Some(Doer::Party(b))) => a == b,
        (Some(Doer::All), Some(Doer::Party(_))) => g.amount.level() > f.amount.range().1,
        (Some(Doer::Party(_)), Some(Doer::All)) => f.amount.level() > g.amount.range().1,
        _ => true,
    }
}

fn explain(p: &Pair) -> String {
    let Some((fx, fy, _)) = most_different(p, &Options::default()) else {
        return String::new();
    };
    format!(
        "{} reports {} {}; {} reports {} {} ({})",
        p.x.who(),
        number(fx.amount),
        fx.quantity,
        p.y.who(),
        number(fy.amount),
        fy.quantity,
        [p.x.frame, p.y.frame]
            .into_iter()
            .find(|f| !f.is_empty())
            .unwrap_or("figures")
    )
}

/// The pair of same-quantity counts, said close enough together for their quantity, with
/// the largest material relative difference. Figures differ materially by [`MIN_RELATIVE`]
/// and [`MIN_ABSOLUTE`]; a count of none differs from any count above zero, stated or not
/// ("no one has died" against "one person was killed" or "killed some civilians"); an
/// unstated count differs from nothing else.
fn most_different<'a>(p: &Pair<'a>, opts: &Options) -> Option<(&'a Count, &'a Count, f64)> {
    let (xs, ys) = (&p.x.counts, &p.y.counts);
    let mut best: Option<(&Count, &Count, f64)> = None;
    for fx in xs
        .iter()
        .filter(|f| p.gap <= figure_days(&f.quantity, opts))
    {
        for fy in ys.iter().filter(|fy| fy.quantity == fx.quantity) {
            let Some(rel) = difference(fx.amount, fy.amount) else {
                continue;
            };
            if best.is_none_or(|b| rel > b.2) {
                best = Some((fx, fy, rel));
            }
        }
    }
    best
}

/// The relative difference of two amounts when it is material (see [`most_different`]): the
/// numbers each allows do not meet ("at least 14" and 23 do), and the gap between them is
/// material, or one of them is none and the other above zero.
fn difference(a: Amount, b: Amount) -> Option<f64> {
    let ((alo, ahi), (blo, bhi)) = (a.range(), b.range());
    let (hi, lo) = if ahi < blo {
        (ahi, blo)
    } else if bhi < alo {
        (bhi, alo)
    } else {
        return None;
    };
    let diff = lo - hi;
    if !diff.is_finite() || lo == 0.0 {
        return None;
    }
    let rel = diff / lo;
    (hi == 0.0 && (a.is_zero() || b.is_zero()) || rel >= MIN_RELATIVE && diff >= MIN_ABSOLUTE)
        .then_some(rel)
}

pub(super) fn number(a: Amount) -> String {
    let (prefix, v) = match a {
        Amount::Exact(v) => ("", v),
        Amount::AtLeast(v) => ("at least ", v),
        Amount::AtMost(v) => ("at most ", v),
        Amount::Some => return "some".to_string(),
    };
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{prefix}{}", v as i64)
    } else {
        format!("{prefix}{v}")
    }
}

/// How many of a counted thing a claim states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// A number: a figure ("20 were killed"), or zero ("no one has died").
    Exact(f64),
    /// A figure that is a floor ("at least 14 violations").
    AtLeast(f64),
    /// A figure that is a ceiling ("up to 30 trucks").
    AtMost(f64),
    /// An unstated number above zero ("killed some civilians", "several violations").
    Some,
}

impl Amount {
    /// The number the claim states, floor or ceiling alike ("at least 46" states 46); none
    /// for an unstated count.
    pub fn stated(self) -> Option<f64> {
        match self {
            Amount::Exact(v) | Amount::AtLeast(v) | Amount::AtMost(v) => Some(v),
            Amount::Some => None,
        }
    }

    /// The smallest and largest number the amount allows.
    fn range(self) -> (f64, f64) {
        match self {
            Amount::Exact(v) => (v, v),
            Amount::AtLeast(v) => (v, f64::INFINITY),
            Amount::AtMost(v) => (0.0, v),
            Amount::Some => (1.0, f64::INFINITY),
        }
    }

    /// The smallest number the amount allows, for ordering two counts.
    fn level(self) -> f64 {
        self.range().0
    }

    fn is_zero(self) -> bool {
        self == Amount::Exact(0.0)
    }
}

/// A count a claim states: a quantity of `figures.tsv` and how many.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub quantity: String,
    pub amount: Amount,
}

/// The counts a claim states: its figures, and the counts its own words give without a number
/// (`counts.tsv`): none ("not a single civilian death") or some ("killed some civilians"). A
/// quantity the claim gives a figure for keeps only the figure ("no civilians were killed, but
/// three soldiers died" counts three).
pub fn counts(claim: &Claim) -> Vec<Count> {
    let mut out: Vec<Count> = claim
        .figures
        .iter()
        .filter(|f| !figure_head(claim, f).is_some_and(|h| COUNT_WORDS_TSV.earlier.is_match(h)))
        .map(|f| Count {
            quantity: f.quantity.clone(),
            amount: bounded(claim, f),
        })
        .collect();
    let figured = out.len();
    for c in unnumbered(&claim.text) {
        if !out[..figured].iter().any(|f| f.quantity == c.quantity) && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The figure's amount: a floor or a ceiling when the words just before its number say so
/// ("at least 14", "up to 30"; `counts.tsv`), else exact. The number is found in the claim's
/// own words, else in its sentence, by its span.
fn bounded(claim: &Claim, f: &Figure) -> Amount {
    let Some(head) = figure_head(claim, f) else {
        return Amount::Exact(f.value);
    };
    let w = &*COUNT_WORDS_TSV;
    // The longer word wins: "no more than" is a ceiling though "more than" is a floor.
    let start = |re: &Regex| re.find(head).map_or(usize::MAX, |m| m.start());
    let (floor, ceiling) = (start(&w.floor), start(&w.ceiling));
    if floor < ceiling {
        Amount::AtLeast(f.value)
    } else if ceiling < floor {
        Amount::AtMost(f.value)
    } else {
        Amount::Exact(f.value)
    }
}

/// The claim's words before the figure's number (in its own words, else in its sentence).
fn figure_head<'c>(claim: &'c Claim, f: &Figure) -> Option<&'c str> {
    [
        (&claim.text, claim.span),
        (&claim.sentence, claim.sentence_span),
    ]
    .into_iter()
    .find_map(|(text, span)| {
        let at = f.span.start.checked_sub(span.start)?;
        let figure = text.get(at..f.span.end.checked_sub(span.start)?)?;
        // The figure's span may hold its qualifier ("at least 14"): the head ends at the
        // number itself.
        let number = figure.split_whitespace().find(|w| {
            w.starts_with(|c: char| c.is_ascii_digit()) || small_number(&w.to_lowercase()).is_some()
        })?;
        let q = number.as_ptr() as usize - figure.as_ptr() as usize;
        Some(text[..at + q].trim_end())
    })
}

/// The `counts.tsv` vocabulary, compiled.
struct CountWords {
    zero: Regex,
    some: Regex,
    /// A floor or a ceiling word ending the text before a figure.
    floor: Regex,
    ceiling: Regex,
    /// A word of an earlier reading ending the text before a figure ("up from").
    earlier: Regex,
    stops: std::collections::HashSet<&'static str>,
    phrases: Vec<(Regex, &'static str)>,
    /// `figures.tsv`: a quantity word, its quantity, and whether it is weak.
    quantities: Vec<(Regex, &'static str, bool)>,
}

static COUNT_WORDS_TSV: Lazy<CountWords> = Lazy::new(|| {
    let rows = crate::data::COUNTS.rows();
    let alts = |kind: &str| {
        let mut alts: Vec<&str> = rows
            .iter()
            .filter(|r| r.col(0) == kind)
            .map(|r| r.col(1))
            .collect();
        // Longest first, so "no one" wins over "no".
        alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
        alts.join("|")
    };
    let of = |kind: &str| {
        Regex::new(&format!(r"(?i)(?:{})\b", alts(kind))).expect("valid counts.tsv regex")
    };
    let at_end = |kind: &str| {
        Regex::new(&format!(r"(?i)\b(?:{})$", alts(kind))).expect("valid counts.tsv regex")
    };
    CountWords {
        zero: of("zero"),
        some: of("some"),
        floor: at_end("floor"),
        ceiling: at_end("ceiling"),
        earlier: at_end("earlier"),
        stops: rows
            .iter()
            .filter(|r| r.col(0) == "stop")
            .map(|r| r.col(1))
            .collect(),
        phrases: rows
            .iter()
            .filter(|r| r.col(0) == "none")
            .map(|r| {
                let re = Regex::new(&format!(r"(?i)\b(?:{})\b", r.col(1)));
                (re.expect("valid counts.tsv regex"), r.col(2))
            })
            .collect(),
        quantities: crate::data::FIGURES
            .rows()
            .iter()
            .map(|r| {
                let re = Regex::new(&format!(r"(?i)\b(?:{})\b", r.col(0).trim()));
                (
                    re.expect("valid figures.tsv regex"),
                    r.col(1).trim(),
                    r.col(2).trim() == "weak",
                )
            })
            .collect(),
    }
});

/// Counts `text` states without a number: see [`counts`].
fn unnumbered(text: &str) -> Vec<Count> {
    let w = &*COUNT_WORDS_TSV;
    let mut out = Vec::new();
    let mut push = |quantity: &str, amount: Amount| {
        let c = Count {
            quantity: quantity.to_string(),
            amount,
        };
        if !out.contains(&c) {
            out.push(c);
        }
    };
    for (re, quantity) in &w.phrases {
        if re.is_match(text) {
            push(quantity, Amount::Exact(0.0));
        }
    }
    for m in w.zero.find_iter(text) {
        if !word_start(text, m.start()) {
            continue;
        }
        let reach = format!("{} {}", m.as_str(), reach_after(text, m.end(), w));
        if let Some(q) = quantity_in(&reach, w) {
            push(q, Amount::Exact(0.0));
        }
    }
    for m in w.some.find_iter(text) {
        if !word_start(text, m.start()) {
            continue;
        }
        let after = reach_after(text, m.end(), w);
        // "some 20 people": the number is the count.
        if text[m.end()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        if let Some(q) =
            quantity_in(&after, w).or_else(|| quantity_in(&reach_before(text, m.start(), w), w))
        {
            push(q, Amount::Some);
        }
    }
    out
}

/// Whether a match at `at` starts a word ("n't" starts one inside "didn't").
fn word_start(text: &str, at: usize) -> bool {
    text[at..].starts_with("n't")
        || !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '\'')
}

/// The words a count word reaches: up to four, until punctuation, a number or a stop word.
fn reach_after(text: &str, from: usize, w: &CountWords) -> String {
    let rest = &text[from..];
    let end = rest
        .find(['.', ',', ';', ':', '!', '?', '(', ')', '"'])
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end]
        .split_whitespace()
        .take(4)
        .take_while(|x| reachable(x, w))
        .collect();
    words.join(" ")
}

/// The up to three words before a some word, back to punctuation, a number or a stop word.
fn reach_before(text: &str, to: usize, w: &CountWords) -> String {
    let head = &text[..to];
    let start = head
        .rfind(['.', ',', ';', ':', '!', '?', '(', ')', '"'])
        .map_or(0, |i| i + 1);
    let mut words: Vec<&str> = head[start..]
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|x| reachable(x, w))
        .collect();
    words.reverse();
    words.join(" ")
}

fn reachable(word: &str, w: &CountWords) -> bool {
    let lc = word.to_lowercase();
    !w.stops.contains(lc.as_str())
        && !word.chars().any(|c| c.is_ascii_digit())
        && small_number(&lc).is_none()
}

/// The first quantity word of `figures.tsv` in `text`, a strong one before a weak one.
fn quantity_in(text: &str, w: &CountWords) -> Option<&'static str> {
    let first = |weak: bool| {
        w.quantities
            .iter()
            .filter(|(_, _, wk)| *wk == weak)
            .filter_map(|(re, q, _)| re.find(text).map(|m| (m.start(), *q)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, q)| q)
    };
    first(false).or_else(|| first(true))
}

/// The zero count's claim names a place or party of its own (a capitalised word past its first
/// that is no weekday, month or actor): "no one was hurt in Port Avra" speaks of one place,
/// "no one has died over the past day" of everywhere.
fn names_place(it: &Item) -> bool {
    let text = &it.claim.text;
    let mentions = actors::find_all(text, actors::builtin_ref(), it.claim.date.date);
    let mut first = true;
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        if word.is_empty() {
            continue;
        }
        let was_first = std::mem::replace(&mut first, false);
        let capital = word.chars().next().is_some_and(|c| c.is_uppercase());
        if was_first || !capital || word.chars().count() < 3 {
            continue;
        }
        let calendar = WEEKDAYS
            .iter()
            .chain(MONTHS.iter())
            .any(|d| d.eq_ignore_ascii_case(word));
        let named = mentions
            .iter()
            .any(|m| m.span.start <= start && start < m.span.end);
        if !calendar && !named {
            return true;
        }
    }
    false
}
