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
//! Any two sides qualify, and so do two speakers of one side; the same speaker of one
//! side restating a figure is an update, not a contradiction. A claim with a denial cue
//! ("denied that 20 were killed") does not assert its figures and never pairs here.
//! Polarity does not matter: "40 violations" backs "the truce is not holding" (-1), and
//! a plain count ("20 people were killed") often has no stance at all.
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
use crate::extract::timex::calendar::WEEKDAYS;
use crate::extract::timex::small_number;

use super::{closeness, pair_weight, shared_words, Block, Class, Group, Item, Options, Pair, Rule};
use crate::model::{ContradictionKind, Figure};

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
fn figure_days(quantity: &str, opts: &Options) -> i64 {
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
    it.claim
        .figures
        .iter()
        .zip(&it.quantities)
        .map(|(f, &q)| (Class::Quantity(q), figure_days(&f.quantity, opts)))
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
    if x.same_side(y) && x.ids.speaker == y.ids.speaker {
        return None;
    }
    if !same_cause(x, y) || !same_weekday(x, y) {
        return None;
    }
    // Two counts of one quantity are of one thing only when they cover the same window of
    // time, the same scope and the same doers (the qualifiers below).
    if !same_window(x, y) || wide_scope(x) != wide_scope(y) || !same_doers(x, y, f, g) {
        return None;
    }
    // Two counts of events are of one incident only when the sentences name something in
    // common (the convoy, Tartus, a hospital); counts of violations of a truce and stocks (a
    // force's fighters) are compared as they are.
    if f.quantity != "violations"
        && EVENT_QUANTITIES.contains(&f.quantity.as_str())
        && !same_incident(x, y)
    {
        return None;
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
        let (fx, fy) = (f.value, g.value);
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
    words.sort();
    words.dedup();
    words
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
    // Across articles and days one shared word is often a coincidence ("rebel-held", "market"):
    // tolls of one incident told on different days name it twice (the place and the target).
    // Within one article a sentence naming nothing refers back to the incident at hand; two
    // sentences naming different things are two incidents.
    if same_article {
        shared > 0 || a.is_empty() || b.is_empty()
    } else if x.days == y.days {
        shared > 0
    } else {
        shared >= 2
    }
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
fn same_doers(x: &Item, y: &Item, f: &Figure, g: &Figure) -> bool {
    if !ACT_QUANTITIES.contains(&f.quantity.as_str()) {
        return true;
    }
    match (doer(x), doer(y)) {
        (Some(Doer::Party(a)), Some(Doer::Party(b))) => a == b,
        (Some(Doer::All), Some(Doer::Party(_))) => g.value > f.value,
        (Some(Doer::Party(_)), Some(Doer::All)) => f.value > g.value,
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
        number(fx.value),
        fx.quantity,
        p.y.who(),
        number(fy.value),
        fy.quantity,
        [p.x.frame, p.y.frame]
            .into_iter()
            .find(|f| !f.is_empty())
            .unwrap_or("figures")
    )
}

/// The pair of same-quantity figures, said close enough together for their quantity,
/// with the largest material relative difference.
fn most_different<'a>(p: &Pair<'a>, opts: &Options) -> Option<(&'a Figure, &'a Figure, f64)> {
    let (xs, ys) = (&p.x.claim.figures, &p.y.claim.figures);
    let mut best: Option<(&Figure, &Figure, f64)> = None;
    for fx in xs
        .iter()
        .filter(|f| p.gap <= figure_days(&f.quantity, opts))
    {
        for fy in ys.iter().filter(|fy| fy.quantity == fx.quantity) {
            let diff = (fx.value - fy.value).abs();
            let larger = fx.value.abs().max(fy.value.abs());
            if !diff.is_finite() || larger == 0.0 {
                continue;
            }
            let rel = diff / larger;
            if rel >= MIN_RELATIVE && diff >= MIN_ABSOLUTE && best.is_none_or(|b| rel > b.2) {
                best = Some((fx, fy, rel));
            }
        }
    }
    best
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
