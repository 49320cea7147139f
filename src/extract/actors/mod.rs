//! Actor recognition: gazetteer matching of countries, capitals, institutions, groups, people and anonymous sources to CAMEO-style codes.
//!
//! Two kinds of data drive it: the gazetteer tables in `schema/gazetteer/` (names and aliases)
//! and `src/data/titles.tsv` (roles such as "official", "defense minister", "spokeswoman"). A title
//! takes its side from a cue next to it: "a U.S. official" -> USAGOV, "Russia's defense minister"
//! -> RUSGOV, "State Department spokeswoman" -> USAGOV, "Russian military sources" -> RUSMIL.
//! A title next to a name becomes that person: a known one keeps the gazetteer entry, an unknown
//! one ("rebel commander Ahmed al-Hamdo") gets the title's code. Anonymous sources whose side is
//! not stated get the code `UNKNWN` and no country.
//!
//! Matching is one aho-corasick pass (built once per gazetteer) plus one over titles.
//! Here: the [`Gazetteer`] type, speaker resolution and the mention type; `load` reads the
//! embedded tables, `find` matches the gazetteer and finds mentions, `titles` combines titles
//! with side cues and names.

mod code;
mod find;
mod load;
mod titles;

pub use code::{ActorCode, ARMED_CAMP_ROLES};
pub use find::{drop_redefined_acronyms, find, find_all, find_on, find_with_places};
pub use titles::{
    non_state, portfolio_word, state_body, state_title_default, state_title_role, title_modifier,
};

use find::all_hits;

use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::MatchKind;
use chrono::NaiveDate;
use once_cell::sync::Lazy;

use crate::model::{ActorKind, ActorMention, GazetteerEntry, Span};

/// Code for an anonymous source whose side the text does not state.
pub const UNKNOWN_CODE: &str = "UNKNWN";

/// The actor gazetteer: the seed tables in schema/gazetteer/ plus analysts' additions.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<GazetteerEntry>,
    /// ISO alpha-3 side of each entry (parallel to `entries`).
    countries: Vec<Option<String>>,
    /// The distinct sides of `countries`, sorted: the states a code's prefix is looked up in.
    states: Vec<String>,
    matcher: Option<Matcher>,
}

/// Aho-corasick over every distinct alias, with the alias -> entries map and per-alias case rule.
#[derive(Debug, Clone)]
struct Matcher {
    /// Anchored only: walked from each word start (see `find::gazetteer_hits`).
    ac: NFA,
    /// For each pattern: (alias, entries carrying it in file order, alias must match with exact case).
    patterns: Vec<(String, Vec<usize>, bool)>,
    /// The state after each first byte from the anchored start, `None` where no alias can
    /// start with that byte (spaces, punctuation ...): most walks end at this look-up.
    first: Vec<Option<aho_corasick::automaton::StateID>>,
}

impl Matcher {
    fn new(ac: NFA, patterns: Vec<(String, Vec<usize>, bool)>) -> Option<Matcher> {
        use aho_corasick::automaton::Automaton;
        let start = ac.start_state(aho_corasick::Anchored::Yes).ok()?;
        let first = (0..=255u8)
            .map(|b| Some(ac.next_state(aho_corasick::Anchored::Yes, start, b)))
            .map(|sid| sid.filter(|&sid| !ac.is_dead(sid)))
            .collect();
        Some(Matcher {
            ac,
            patterns,
            first,
        })
    }
}

static BUILTIN: Lazy<Gazetteer> = Lazy::new(|| {
    let (entries, countries) = load::seed();
    Gazetteer::build(entries, countries)
});

impl Gazetteer {
    /// The built-in gazetteer (parsed and compiled once; cloning is cheap).
    pub fn builtin() -> Gazetteer {
        BUILTIN.clone()
    }

    /// The seed plus extra entries (aliases analysts added or imported). An extra entry's side is
    /// the first three letters of its code when those are a country code the seed knows.
    pub fn with_extra(extra: &[GazetteerEntry]) -> Gazetteer {
        let g = Gazetteer::builtin();
        let mut entries = g.entries;
        let mut countries = g.countries;
        for e in extra {
            countries.push(country_of_code(&e.code, &countries));
            entries.push(e.clone());
        }
        Gazetteer::build(entries, countries)
    }

    /// The side (ISO alpha-3) of an actor code: RUSGOV -> RUS, IGOUNO -> None, UNKNWN -> None.
    pub fn country_of(&self, code: &str) -> Option<String> {
        self.state(ActorCode::new(code).prefix()?)
            .map(str::to_string)
    }

    /// `iso` as one of the gazetteer's states ("RUS" -> "RUS", "IGO" -> none).
    pub fn state(&self, iso: &str) -> Option<&str> {
        let i = self.states.binary_search_by(|s| s.as_str().cmp(iso)).ok()?;
        Some(self.states[i].as_str())
    }

    fn build(entries: Vec<GazetteerEntry>, countries: Vec<Option<String>>) -> Gazetteer {
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut patterns: Vec<(String, Vec<usize>, bool)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let forms = e
                .aliases
                .iter()
                .map(String::as_str)
                .chain([e.name.as_str()]);
            for a in forms {
                let a = a.trim();
                if a.is_empty() {
                    continue;
                }
                match index.get(a) {
                    Some(&p) => {
                        if !patterns[p].1.contains(&i) {
                            patterns[p].1.push(i);
                        }
                    }
                    None => {
                        index.insert(a.to_string(), patterns.len());
                        let exact = a.chars().any(|c| c.is_uppercase());
                        patterns.push((a.to_string(), vec![i], exact));
                    }
                }
            }
        }
        // Every article walks this trie from each place a name can start (a word start or a
        // non-word byte), anchored, instead of an unanchored overlapping search over every
        // byte: no failure transitions, and the walk mostly stays in the trie's first levels,
        // which stay in the CPU caches. The contiguous NFA is small and quick to build.
        let ac = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(patterns.iter().map(|p| p.0.as_str()))
            .ok();
        let mut states: Vec<String> = countries.iter().flatten().cloned().collect();
        states.sort_unstable();
        states.dedup();
        Gazetteer {
            entries,
            countries,
            states,
            matcher: ac.and_then(|ac| Matcher::new(ac, patterns)),
        }
    }

    /// The entry an alias stands for on `date`: the first one whose dates hold, else (every row
    /// out of date) the nearest one, re-coded as a former official of its country (`<ISO>ELI`).
    fn pick(&self, candidates: &[usize], date: Option<NaiveDate>) -> (usize, Option<String>) {
        let Some(d) = date else {
            // No date: the most recent role (open-ended first), file order among equals.
            let key = |i: usize| self.entries[i].until.unwrap_or(NaiveDate::MAX);
            let mut best = candidates[0];
            for &i in &candidates[1..] {
                if key(i) > key(best) {
                    best = i;
                }
            }
            return (best, None);
        };
        if let Some(&i) = candidates.iter().find(|&&i| self.entries[i].holds_on(date)) {
            return (i, None);
        }
        let distance = |i: usize| {
            let e = &self.entries[i];
            let before = e.from.map(|f| (f - d).num_days().max(0)).unwrap_or(0);
            let after = e.until.map(|u| (d - u).num_days().max(0)).unwrap_or(0);
            before + after
        };
        let i = candidates
            .iter()
            .copied()
            .min_by_key(|&i| distance(i))
            .unwrap_or(candidates[0]);
        let code = self.countries[i].as_ref().map(|c| format!("{c}ELI"));
        (i, code)
    }
}

/// The code's prefix when it is one of the `known` states ("IGOUNO" starts with no state).
fn country_of_code(code: &str, known: &[Option<String>]) -> Option<String> {
    state_in(known, ActorCode::new(code).prefix()?).map(str::to_string)
}

fn state_in<'a>(known: &'a [Option<String>], iso: &str) -> Option<&'a str> {
    known
        .iter()
        .flatten()
        .find(|c| c.as_str() == iso)
        .map(String::as_str)
}

/// The seed gazetteer without cloning (for stages that have no gazetteer parameter).
pub fn builtin_ref() -> &'static Gazetteer {
    &BUILTIN
}

/// The name of a state from its ISO alpha-3 code ("FRA" -> "France"), from the world gazetteer.
pub fn country_name(iso: &str) -> Option<String> {
    let code = format!("{iso}GOV");
    BUILTIN
        .entries
        .iter()
        .find(|e| e.kind == ActorKind::Country && e.code == code)
        .map(|e| e.name.clone())
}

/// A speaker or name resolved to the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub name: String,
    pub code: String,
    pub country: Option<String>,
    pub kind: ActorKind,
}

/// Where a mention came from; decides which one names a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    /// A person entry of the gazetteer.
    KnownPerson,
    /// An unknown name next to a title: "rebel commander Ahmed al-Hamdo".
    NamedByTitle,
    /// A title with a side: "a U.S. official".
    Title,
    /// Any other gazetteer entry.
    Entry,
}

#[derive(Debug, Clone)]
struct Hit {
    span: Span,
    name: String,
    code: String,
    country: Option<String>,
    kind: ActorKind,
    source: Source,
}

impl Hit {
    fn into_mention(self, text: &str) -> ActorMention {
        ActorMention {
            text: self.span.slice(text).to_string(),
            span: self.span,
            name: self.name,
            code: self.code,
            country: self.country,
            kind: self.kind,
        }
    }
}

/// Resolve a speaker phrase ("Russia's defense minister Sergei Shoigu", "a U.S. official",
/// "the State Department", "Moscow") to an actor, or None when nothing in it is known.
///
/// A named known person wins, then a named person whose side comes from a title, then a titled
/// anonymous source, then an institution, then a country.
pub fn resolve_speaker(speaker: &str, gazetteer: &Gazetteer) -> Option<Resolved> {
    resolve_speaker_on(speaker, gazetteer, None)
}

/// Suffixes that make the party before them the owner of the body after them ("the
/// Hamas-run ministry"), in a speaker phrase.
const RUN_BY: [&str; 4] = ["-run ", "-controlled ", "-led ", "-dominated "];

/// Prepositions that put a party-run compound in a place, not on the speaker's body.
const PLACE_WORDS: [&str; 8] = ["in", "from", "of", "near", "at", "into", "across", "inside"];

/// `speaker` as an outlet or body that speaks for the party the gazetteer reads in `party`
/// (the word of a "pro-" or a "-run" compound), when it reads one.
fn speaking_for(
    speaker: &str,
    party: &str,
    gazetteer: &Gazetteer,
    date: Option<NaiveDate>,
) -> Option<Resolved> {
    let r = all_hits(party, gazetteer, date).into_iter().next()?;
    Some(Resolved {
        name: speaker.trim().to_string(),
        code: r.code,
        country: r.country,
        kind: ActorKind::Organisation,
    })
}

/// [`resolve_speaker`] for a claim made on `date`: dated roles apply only inside their dates.
pub fn resolve_speaker_on(
    speaker: &str,
    gazetteer: &Gazetteer,
    date: Option<NaiveDate>,
) -> Option<Resolved> {
    // "a pro-regime website", "pro-Kremlin media", "the pro-opposition media center": the
    // outlet speaks for the side it is "pro"; its own name does not say more.
    if let Some(i) = speaker
        .find("pro-")
        .filter(|&i| i == 0 || !speaker[..i].ends_with(|c: char| c.is_alphanumeric()))
    {
        let rest = &speaker[i + 4..];
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let sided = rest[..word_end].replace('-', " ");
        if let Some(r) = speaking_for(speaker, &sided, gazetteer, date) {
            return Some(r);
        }
    }
    // "the Hamas-run health ministry", "Houthi-controlled media", "the Saudi-led coalition": a
    // body a party runs speaks for that party ("-backed", "-based": a sponsor or a seat is no
    // owner, and stays out).
    for suffix in RUN_BY {
        let Some(i) = speaker.find(suffix) else {
            continue;
        };
        let head = &speaker[..i];
        let start = head.rfind(char::is_whitespace).map_or(0, |k| k + 1);
        // The compound names the speaker's own body unless a preposition puts it in a place
        // ("an official in Houthi-controlled Sanaa", "people from government-held areas").
        let placed = head[..start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| PLACE_WORDS.contains(&w.to_lowercase().as_str()));
        if placed {
            continue;
        }
        let party = head[start..].replace('-', " ");
        if let Some(r) = speaking_for(speaker, &party, gazetteer, date) {
            return Some(r);
        }
    }
    // A speaker phrase is a name, never a headline: a known person's one-word alias followed
    // by another capitalised word ("Abbas Ali Karimi") is the first name of someone else.
    let hits: Vec<Hit> = all_hits(speaker, gazetteer, date)
        .into_iter()
        .filter(|h| !first_name_of_another(speaker, h))
        .collect();
    // A title with no side of its own ("The White Helmets, a volunteer rescue group": a
    // sideless default) describes the body named beside it; it does not outrank it.
    let rank = |h: &Hit| match (h.source, h.kind) {
        (Source::KnownPerson, _) => 0,
        (Source::NamedByTitle, _) => 1,
        (Source::Title, _) if h.country.is_some() => 2,
        (Source::Entry, ActorKind::Organisation) => 3,
        (Source::Title, _) => 4,
        (Source::Entry, ActorKind::Anonymous) => 5,
        (Source::Entry, _) => 6,
    };
    let Some(best) = hits.iter().min_by_key(|h| (rank(h), h.span.start)) else {
        return find::press_by_name(speaker).or_else(|| city_office(speaker, gazetteer, date));
    };
    let best = owned_by_modifier(speaker, &hits, best.clone());
    Some(Resolved {
        name: best.name,
        code: best.code,
        country: best.country,
        kind: best.kind,
    })
}

/// `dateline_cities.tsv` as (city, country), read once.
pub(crate) static CITIES: once_cell::sync::Lazy<Vec<(&'static str, &'static str)>> =
    once_cell::sync::Lazy::new(|| crate::data::DATELINE_CITIES.pairs());

/// "Istanbul's chief prosecutor", "the governor of Istanbul", "Istanbul police": an office
/// named by a city that is no capital (`dateline_cities.tsv`) as its owner (a possessive, the
/// word straight before a lower-case role, or "of" before it at the end) is an organ of the
/// city's state, read as the same phrase with the state's name. A city in any other place ("an
/// official in Istanbul") owns nothing.
fn city_office(speaker: &str, gazetteer: &Gazetteer, date: Option<NaiveDate>) -> Option<Resolved> {
    let (city, iso) = CITIES
        .iter()
        .copied()
        .find(|(city, _)| speaker.contains(city) && owns_office(speaker, city))?;
    let state = country_name(iso)?;
    let r = resolve_speaker_on(&speaker.replacen(city, &state, 1), gazetteer, date)?;
    (r.country.as_deref() == Some(iso)).then(|| Resolved {
        name: speaker.trim().to_string(),
        ..r
    })
}

/// Whether `city` stands as the owner of the office in `speaker` (see [`city_office`]).
fn owns_office(speaker: &str, city: &str) -> bool {
    speaker.match_indices(city).any(|(i, _)| {
        let before = &speaker[..i];
        let after = &speaker[i + city.len()..];
        let word_start = before.is_empty() || before.ends_with(' ');
        let possessive = after.starts_with("'s ") || after.starts_with("\u{2019}s ");
        let before_role = after
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
        let of_city = before.ends_with(" of ") && after.trim().is_empty();
        word_start && (possessive || before_role || of_city)
    })
}

/// A known person's one-word alias that another name word follows inside the speaker phrase
/// ("Abbas Ali Karimi"; not a day: "Abbas Monday"), as [`find::next_name_word`] reads it.
fn first_name_of_another(speaker: &str, h: &Hit) -> bool {
    h.source == Source::KnownPerson
        && !speaker[h.span.start..h.span.end].contains(' ')
        && find::next_name_word(speaker, h.span.end).is_some()
}

/// "Seoul's Joint Chiefs of Staff", "the South Korean Joint Chiefs of Staff": a body the
/// gazetteer files under one state, named with another state's possessive or demonym right
/// before it, is that state's body of the same kind (KORMIL, not USAMIL). Only a country
/// mention that ends at most a possessive and spaces before the body counts.
fn owned_by_modifier(speaker: &str, hits: &[Hit], best: Hit) -> Hit {
    if best.source != Source::Entry || best.kind != ActorKind::Organisation {
        return best;
    }
    // "Russia's Security Council", "Britain's UN mission": an international body's name
    // after a state's possessive is that state's own body or delegation (its government).
    let own = match best.country.as_deref() {
        Some(own) => own,
        None if best.code.starts_with("IGO") => "",
        None => return best,
    };
    let modifier = hits.iter().find(|h| {
        h.kind == ActorKind::Country && h.span.end <= best.span.start && {
            let gap = speaker[h.span.end..best.span.start].trim();
            let gap = gap
                .strip_prefix("'s")
                .or_else(|| gap.strip_prefix("\u{2019}s"))
                .unwrap_or(gap);
            gap.trim().is_empty()
        }
    });
    let Some(state) = modifier.and_then(|m| m.country.as_deref()) else {
        return best;
    };
    let code = ActorCode::new(&best.code);
    let (_, role) = code.split();
    let role = if own.is_empty() { "GOV" } else { role };
    if state == own || role.is_empty() {
        return best;
    }
    let code = format!("{state}{role}");
    Hit {
        code,
        country: Some(state.to_string()),
        ..best
    }
}

/// A bare capitalised surname that is the subject of a speech cue ("May said", "Haley
/// warned"): the one known person on `date` whose name ends in it, or None when none or
/// several do. Surnames are not gazetteer aliases (many are words or months); only a speaker
/// slot makes one a name.
pub fn resolve_surname_on(
    surname: &str,
    gazetteer: &Gazetteer,
    date: Option<NaiveDate>,
) -> Option<Resolved> {
    let tail = format!(" {surname}");
    let mut found = gazetteer.entries.iter().enumerate().filter(|(_, e)| {
        e.kind == ActorKind::Person && e.holds_on(date) && e.name.ends_with(&tail)
    });
    let (i, e) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(Resolved {
        name: e.name.clone(),
        code: e.code.clone(),
        country: gazetteer.countries.get(i).cloned().flatten(),
        kind: e.kind,
    })
}

#[cfg(test)]
mod tests;
