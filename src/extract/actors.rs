//! Actor recognition: gazetteer matching of countries, capitals, institutions, groups, people and anonymous sources to CAMEO-style codes.
//!
//! Two data files drive it: the seed gazetteer `schema/gazetteer.tsv` (names and aliases) and
//! `lexicon/titles.tsv` (roles such as "official", "defense minister", "spokeswoman"). A title
//! takes its side from a cue next to it: "a U.S. official" -> USAGOV, "Russia's defense minister"
//! -> RUSGOV, "State Department spokeswoman" -> USAGOV, "Russian military sources" -> RUSMIL.
//! A title next to a name becomes that person: a known one keeps the gazetteer entry, an unknown
//! one ("rebel commander Ahmed al-Hamdo") gets the title's code. Anonymous sources whose side is
//! not stated get the code `UNKNWN` and no country.
//!
//! Matching is one aho-corasick pass (built once per gazetteer) plus one over titles.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{ActorKind, ActorMention, GazetteerEntry, Span};

/// Code for an anonymous source whose side the text does not state.
pub const UNKNOWN_CODE: &str = "UNKNWN";

/// The seed first (story-specific rows win), then the world gazetteer.
const SEED: &[&str] = &[
    crate::data::GAZETTEER_SEED.text,
    crate::data::GAZETTEER_COUNTRIES.text,
    crate::data::GAZETTEER_INSTITUTIONS.text,
    crate::data::GAZETTEER_PEOPLE.text,
];
const TITLES: &str = crate::data::TITLES.text;

/// The actor gazetteer: the seed in schema/gazetteer.tsv and src/extract/world/ plus analysts' additions.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<GazetteerEntry>,
    /// ISO alpha-3 side of each entry (parallel to `entries`).
    countries: Vec<Option<String>>,
    matcher: Option<Matcher>,
}

/// Aho-corasick over every distinct alias, with the alias -> entries map and per-alias case rule.
#[derive(Debug, Clone)]
struct Matcher {
    ac: AhoCorasick,
    /// For each pattern: (alias, entries carrying it in file order, alias must match with exact case).
    patterns: Vec<(String, Vec<usize>, bool)>,
}

static BUILTIN: Lazy<Gazetteer> = Lazy::new(|| {
    let mut entries = Vec::new();
    let mut countries = Vec::new();
    for file in SEED {
        let (e, c) = parse_seed(file);
        entries.extend(e);
        countries.extend(c);
    }
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
        country_of_code(code, &self.countries)
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
        // A DFA is fastest but grows with the patterns: an imported dictionary (tens of
        // thousands of names) lets aho-corasick choose.
        let kind = (patterns.len() <= 20_000).then_some(AhoCorasickKind::DFA);
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(kind)
            .build(patterns.iter().map(|p| p.0.as_str()))
            .ok();
        Gazetteer {
            entries,
            countries,
            matcher: ac.map(|ac| Matcher { ac, patterns }),
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

fn country_of_code(code: &str, known: &[Option<String>]) -> Option<String> {
    let iso = code.get(..3)?;
    known.iter().flatten().find(|c| c.as_str() == iso).cloned()
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Parse a gazetteer TSV: `code kind name country aliases [from until]`; `#` lines are comments.
fn parse_seed(tsv: &str) -> (Vec<GazetteerEntry>, Vec<Option<String>>) {
    let mut entries = Vec::new();
    let mut countries = Vec::new();
    for line in tsv.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            continue;
        }
        let Some(kind) = ActorKind::parse(cols[1].trim()) else {
            continue;
        };
        let country = match cols[3].trim() {
            "-" | "" => None,
            c => Some(c.to_string()),
        };
        let aliases = cols
            .get(4)
            .map(|a| {
                a.split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        entries.push(GazetteerEntry {
            name: cols[2].trim().to_string(),
            code: cols[0].trim().to_string(),
            kind,
            aliases,
            from: cols.get(5).and_then(|s| parse_day(s)),
            until: cols.get(6).and_then(|s| parse_day(s)),
        });
        countries.push(country);
    }
    (entries, countries)
}

/// One row of titles.tsv.
#[derive(Debug)]
struct Title {
    role: String,
    kind: ActorKind,
    default: Option<String>,
}

struct Titles {
    ac: AhoCorasick,
    /// Pattern index -> title row.
    rows: Vec<usize>,
    titles: Vec<Title>,
}

static TITLE_TABLE: Lazy<Titles> = Lazy::new(|| {
    let mut phrases: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut titles = Vec::new();
    for line in TITLES.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            continue;
        }
        let idx = titles.len();
        titles.push(Title {
            role: cols[1].trim().to_string(),
            kind: ActorKind::parse(cols[2].trim()).unwrap_or(ActorKind::Anonymous),
            default: match cols[3].trim() {
                "-" | "" => None,
                c => Some(c.to_string()),
            },
        });
        let t = cols[0].trim().to_lowercase();
        let plural = if t.ends_with('s') {
            None
        } else if let Some(stem) = t.strip_suffix("man") {
            Some(format!("{stem}men"))
        } else if t.ends_with("person") {
            None
        } else {
            Some(format!("{t}s"))
        };
        for form in std::iter::once(t).chain(plural) {
            if !phrases.contains(&form) {
                phrases.push(form);
                rows.push(idx);
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&phrases)
        .expect("titles.tsv builds");
    Titles { ac, rows, titles }
});

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

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// True when `[s, e)` in `text` starts and ends on word boundaries.
fn on_boundaries(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let first = b[s];
    let last = b[e - 1];
    let left_ok = s == 0 || !is_word_byte(first) || !is_word_byte(b[s - 1]);
    // A curly apostrophe is punctuation, not a letter: "Moscow’s foreign ministry".
    let right_ok =
        e == b.len() || !is_word_byte(last) || !is_word_byte(b[e]) || text[e..].starts_with('’');
    // "U.S" inside "U.S.A." style runs: a dotted alias must not be followed by a letter-dot.
    left_ok && right_ok
}

/// Gazetteer matches: all overlapping alias hits that pass the case and boundary checks,
/// then leftmost-longest selection.
fn gazetteer_hits(text: &str, g: &Gazetteer, date: Option<NaiveDate>) -> Vec<Hit> {
    let Some(m) = &g.matcher else {
        return Vec::new();
    };
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for hit in m.ac.find_overlapping_iter(text) {
        let (s, e) = (hit.start(), hit.end());
        let (alias, _, exact) = &m.patterns[hit.pattern().as_usize()];
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) || !on_boundaries(text, s, e) {
            continue;
        }
        if *exact && alias != &text[s..e] {
            continue;
        }
        // The pattern index; the entry is picked by date once the span is chosen.
        let entry = hit.pattern().as_usize();
        // "Britain-based monitor", "Russian-backed forces", "rebel-held districts": the name
        // only qualifies the noun that follows.
        let after = &text[e..];
        if [
            "-based",
            "-backed",
            "-born",
            "-brokered",
            "-supported",
            "-sponsored",
            "-allied",
            "-trained",
            "-armed",
            "-made",
            "-built",
            "-held",
            "-controlled",
            "-run",
            "-led",
            "-linked",
            "-affiliated",
            "-dominated",
            "-friendly",
            "-aligned",
        ]
        .iter()
        .any(|suf| after.starts_with(suf))
        {
            continue;
        }
        cands.push((s, e, entry));
    }
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out = Vec::new();
    let mut last_end = 0;
    for (s, e, entry) in cands {
        if s < last_end {
            continue;
        }
        last_end = e;
        let (entry, former) = g.pick(&m.patterns[entry].1, date);
        let en = &g.entries[entry];
        out.push(Hit {
            span: Span::new(s, e),
            name: en.name.clone(),
            code: former.unwrap_or_else(|| en.code.clone()),
            country: g.countries[entry].clone(),
            kind: en.kind,
            source: if en.kind == ActorKind::Person {
                Source::KnownPerson
            } else {
                Source::Entry
            },
        });
    }
    out
}

/// Words that may sit between a determiner, a side cue and a title: "a senior U.S. official".
const MODIFIERS: &[&str] = &[
    "a",
    "an",
    "the",
    "one",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "another",
    "senior",
    "top",
    "high-ranking",
    "high-level",
    "senior-level",
    "unnamed",
    "anonymous",
    "former",
    "deputy",
    "chief",
    "acting",
    "leading",
    "local",
    "regional",
    "his",
    "her",
    "their",
    "its",
    "country's",
    "political",
    "britain-based",
    "british-based",
    "war",
    "foreign",
    "western",
    "arab",
    "european",
    "international",
    "independent",
    "gulf",
];

/// The word ending at `pos` (after skipping spaces): (start, word).
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = &text[..pos];
    let trimmed = head.trim_end_matches([' ', '\t']);
    if trimmed.len() == head.len() && pos != 0 {
        // no space between: not a separate word
        return None;
    }
    let end = trimmed.len();
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    if start == end {
        return None;
    }
    Some((start, &text[start..end]))
}

/// Walk left from `pos` over modifier words; returns the new start.
fn skip_modifiers_left(text: &str, mut pos: usize) -> usize {
    while let Some((s, w)) = word_before(text, pos) {
        if MODIFIERS.contains(&w.to_lowercase().as_str()) {
            pos = s;
        } else {
            break;
        }
    }
    pos
}

static NAME_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^,?[ \t]+(?:(?:Maj|Lt|Col|Gen|Brig|Adm|Capt|Sgt|Dr|Mr|Mrs|Ms)\.?[ \t]+)*([A-Z][a-z'’]+(?:[- ](?:al-|el-|bin |ibn |abu |Abu |de la |de |van |von |del )?[A-Z][\w'’]*(?:-[A-Z]?\w+)?){1,3})",
    )
    .expect("name regex")
});

static NAME_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"([A-Z][a-z'’]+(?:[- ](?:al-|el-|bin |ibn |abu |Abu |de la |de |van |von |del )?[A-Z][\w'’]*(?:-[A-Z]?\w+)?){1,3})[ \t]*,[ \t]*$",
    )
    .expect("name regex")
});

/// Capitalized words that are not names.
const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "The",
    "On",
    "In",
    "But",
    "And",
    "He",
    "She",
    "They",
    "It",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn plausible_name(name: &str) -> bool {
    let first = name.split([' ', '-']).next().unwrap_or("");
    !NOT_NAMES.contains(&first)
}

/// Combine titles with side cues and names.
/// Indices of the hits reaching into bytes `lo..=hi` (`end >= lo`, `start <= hi`). Gazetteer
/// hits come sorted and never overlap, so both ends are sorted and a binary search replaces a
/// scan of every hit per title (issue 15, item 8: that made long articles quadratic). Callers
/// filter the window exactly as they filtered all hits.
fn near(hits: &[Hit], lo: usize, hi: usize) -> std::ops::Range<usize> {
    let i = hits.partition_point(|h| h.span.end < lo);
    let j = hits.partition_point(|h| h.span.start <= hi).max(i);
    i..j
}

fn apply_titles(text: &str, hits: &mut Vec<Hit>) {
    debug_assert!(hits
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.start && w[0].span.start <= w[1].span.start));
    let table = &*TITLE_TABLE;
    let mut titles: Vec<(Span, usize)> = Vec::new();
    for m in table.ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) || !on_boundaries(text, s, e) {
            continue;
        }
        titles.push((Span::new(s, e), table.rows[m.pattern().as_usize()]));
    }
    let mut new_hits: Vec<Hit> = Vec::new();
    let mut absorbed: Vec<usize> = Vec::new();
    // In text order (the automaton finds them left to right), so searched by start.
    let title_spans: Vec<Span> = titles.iter().map(|t| t.0).collect();
    debug_assert!(title_spans.windows(2).all(|w| w[0].start <= w[1].start));
    for (tspan, row) in titles {
        let title = &table.titles[row];
        // A gazetteer hit that covers the title wins ("Russian military" over "military").
        if hits[near(hits, tspan.start, tspan.end)]
            .iter()
            .any(|h| h.span.contains(tspan) && h.span != tspan)
        {
            continue;
        }
        // Hits inside the title are absorbed ("rebel" in "rebel commander").
        let inner: Vec<usize> = near(hits, tspan.start, tspan.end)
            .filter(|&i| tspan.contains(hits[i].span) || hits[i].span.overlaps(tspan))
            .collect();
        // A hit running into the title is its cue: "Russian military" + "sources".
        let mut cue: Option<usize> = near(hits, tspan.start, tspan.start)
            .find(|&i| hits[i].span.start < tspan.start && hits[i].span.end > tspan.start);
        let inner: Vec<usize> = inner.into_iter().filter(|&i| Some(i) != cue).collect();
        // Side cue on the left: [a senior] CUE['s] [deputy] TITLE.
        let mut pos = skip_modifiers_left(text, tspan.start);
        let possessive = |p: usize| -> usize {
            let head = &text[..p];
            if let Some(h) = head.strip_suffix("'s").or_else(|| head.strip_suffix("’s")) {
                h.len()
            } else if let Some(h) = head.strip_suffix('\'') {
                h.len()
            } else {
                p
            }
        };
        let gap_end = {
            let head = &text[..pos];
            head.trim_end_matches([' ', '\t']).len()
        };
        for cand in [gap_end, possessive(gap_end)] {
            if cue.is_some() {
                break;
            }
            if let Some(i) =
                near(hits, cand, cand).find(|&i| hits[i].span.end == cand && !inner.contains(&i))
            {
                cue = Some(i);
                break;
            }
        }
        // An institution before a country cue owns the title: "the U.N. Syria envoy".
        if let Some(i) = cue {
            let before = text[..hits[i].span.start]
                .trim_end_matches([' ', '\t'])
                .len();
            if let Some(j) = near(hits, before, before).find(|&j| {
                hits[j].span.end == before && hits[j].kind != ActorKind::Country && j != i
            }) {
                absorbed.push(i);
                cue = Some(j);
            }
        }
        // A state before an international body owns the title: "Russia's UN envoy" speaks for
        // Russia, not for the UN.
        if let Some(i) = cue {
            if hits[i].code.starts_with("IGO") {
                let head = text[..hits[i].span.start].trim_end_matches([' ', '\t']);
                let head_end = head
                    .strip_suffix("'s")
                    .or_else(|| head.strip_suffix("’s"))
                    .unwrap_or(head)
                    .len();
                if let Some(j) = (0..hits.len()).find(|&j| {
                    j != i && hits[j].kind == ActorKind::Country && hits[j].span.end == head_end
                }) {
                    absorbed.push(i);
                    cue = Some(j);
                }
            }
        }
        // A country before an institution cue is part of the phrase: "US state department officials".
        let mut cue_start = cue.map(|i| hits[i].span.start);
        if let Some(i) = cue {
            let before = text[..hits[i].span.start]
                .trim_end_matches([' ', '\t'])
                .len();
            if let Some(j) = near(hits, before, before).find(|&j| {
                j != i
                    && hits[i].kind != ActorKind::Country
                    && hits[j].kind == ActorKind::Country
                    && hits[j].span.end == before
                    && hits[j].country == hits[i].country
            }) {
                absorbed.push(j);
                cue_start = Some(hits[j].span.start);
            }
        }
        let mut start = tspan.start;
        if let Some(cs) = cue_start {
            pos = skip_modifiers_left(text, cs);
            start = pos;
        } else {
            // Determiners before an uncued title still belong to it: "a rebel commander".
            start = start.min(pos);
        }
        let mut end = tspan.end;
        // Side cue on the right: "an official with the State Department", "spokesman for the Kremlin".
        if cue.is_none() {
            static RIGHT: Lazy<Regex> = Lazy::new(|| {
                Regex::new(r"^[ \t]+(?:of|from|for|at|with|in)[ \t]+(?:the[ \t]+)?").unwrap()
            });
            if let Some(m) = RIGHT.find(&text[tspan.end..]) {
                let at = tspan.end + m.end();
                // The cue may follow a few capitalized words: "with the Liwa al-Mutasem rebel group".
                let reach = text[at..]
                    .find([',', '.', ';', ':', '"', '“', '”'])
                    .map(|i| at + i.min(40))
                    .unwrap_or((at + 40).min(text.len()));
                let capitalized_gap = |h: &Hit| {
                    h.span.start == at
                        || (h.span.start > at
                            && h.span.start <= reach
                            && text[at..h.span.start].split_whitespace().all(|w| {
                                w.starts_with(|c: char| c.is_uppercase()) || w.starts_with("al-")
                            }))
                };
                if let Some(i) = near(hits, at, reach).find(|&i| capitalized_gap(&hits[i])) {
                    cue = Some(i);
                    end = hits[i].span.end;
                }
            }
        }
        // An uncued title that modifies what follows is an adjective: "the official news
        // agency SANA", "the official SANA agency".
        if cue.is_none() {
            let rest = &text[tspan.end..];
            let next = tspan.end + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
            if next > tspan.end
                && (hits[near(hits, next, next)]
                    .iter()
                    .any(|h| h.span.start == next)
                    || title_spans.binary_search_by_key(&next, |t| t.start).is_ok())
            {
                continue;
            }
        }
        let (code, country) = match cue {
            Some(i) => {
                let h = &hits[i];
                match (h.kind, &h.country) {
                    (ActorKind::Country, Some(c)) => {
                        (format!("{c}{}", title.role), Some(c.clone()))
                    }
                    _ => (h.code.clone(), h.country.clone()),
                }
            }
            None => {
                // Uncued titles that absorbed a gazetteer hit take its code ("rebel commander"
                // takes what the gazetteer says "rebel" is), else the title's default.
                let absorbed_hit = inner
                    .iter()
                    .map(|&i| &hits[i])
                    .find(|h| h.kind != ActorKind::Country);
                match (absorbed_hit, &title.default) {
                    (Some(h), _) => (h.code.clone(), h.country.clone()),
                    (None, Some(d)) => (d.clone(), BUILTIN.country_of(d)),
                    (None, None) => continue,
                }
            }
        };
        let mut gone: Vec<usize> = inner.clone();
        if let Some(i) = cue {
            gone.push(i);
        }
        let span = Span::new(start, end);
        // A name right after the title, or in apposition before it.
        // Cheap checks first: a name after needs a capital next, one before needs a comma.
        let next_is_upper = text[end..]
            .trim_start_matches([',', ' ', '\t'])
            .starts_with(|c: char| c.is_uppercase());
        let after = if next_is_upper {
            NAME_AFTER.captures(&text[end..])
        } else {
            None
        };
        let comma_before = text[..start].trim_end_matches([' ', '\t']).ends_with(',');
        // The distance test comes before the text test: slicing up to every later hit made
        // this quadratic in the article's length (issue 15, item 8).
        let known_after = hits[near(hits, end, end + 24)].iter().position(|h| {
            h.source == Source::KnownPerson
                && h.span.start >= end
                && h.span.start - end <= 24
                && text[end..h.span.start]
                    .trim_matches(|c: char| c == ',' || c.is_whitespace())
                    .split_whitespace()
                    .all(|w| {
                        matches!(
                            w.trim_end_matches('.'),
                            "Maj"
                                | "Lt"
                                | "Col"
                                | "Gen"
                                | "Brig"
                                | "Adm"
                                | "Capt"
                                | "Dr"
                                | "Mr"
                                | "Mrs"
                                | "Ms"
                        )
                    })
        });
        if known_after.is_some() {
            absorbed.extend(gone);
            continue;
        }
        let before_slice_start = {
            let mut s = start.saturating_sub(60);
            while !text.is_char_boundary(s) {
                s += 1;
            }
            s
        };
        // `text[h.end..start].trim() == ","` holds exactly when `h` ends between the comma
        // before `start` and the spaces before that comma: compare offsets, not slices.
        let comma_gap = text[..start].trim_end().strip_suffix(',').map(|h| {
            let at = h.len();
            (text[..at].trim_end().len(), at)
        });
        let (lo, at) = comma_gap.unwrap_or((start, start));
        let known_before = hits[near(hits, lo, at)].iter().position(|h| {
            h.source == Source::KnownPerson
                && h.span.end <= start
                && comma_gap.is_some_and(|(lo, at)| h.span.end >= lo && h.span.end <= at)
        });
        if known_before.is_some() {
            absorbed.extend(gone);
            continue;
        }
        let kind = if title.kind == ActorKind::Organisation {
            ActorKind::Organisation
        } else {
            ActorKind::Anonymous
        };
        if title.kind != ActorKind::Organisation {
            if let Some(c) = after.as_ref().and_then(|c| c.get(1)) {
                let name = c.as_str();
                let s = end + c.start();
                let e = end + c.end();
                let overlaps_hit = hits[near(hits, s, e)]
                    .iter()
                    .any(|h| h.span.overlaps(Span::new(s, e)));
                if plausible_name(name) && !overlaps_hit {
                    absorbed.extend(gone);
                    new_hits.push(Hit {
                        span: Span::new(s, e),
                        name: name.to_string(),
                        code,
                        country,
                        kind: ActorKind::Person,
                        source: Source::NamedByTitle,
                    });
                    continue;
                }
            }
            if let Some(c) = comma_before
                .then(|| NAME_BEFORE.captures(&text[before_slice_start..start]))
                .flatten()
            {
                let m = c.get(1).unwrap();
                let s = before_slice_start + m.start();
                let e = before_slice_start + m.end();
                let overlaps_hit = hits[near(hits, s, e)]
                    .iter()
                    .any(|h| h.span.overlaps(Span::new(s, e)));
                if plausible_name(m.as_str()) && !overlaps_hit {
                    absorbed.extend(gone);
                    new_hits.push(Hit {
                        span: Span::new(s, e),
                        name: m.as_str().to_string(),
                        code,
                        country,
                        kind: ActorKind::Person,
                        source: Source::NamedByTitle,
                    });
                    continue;
                }
            }
        }
        absorbed.extend(gone);
        new_hits.push(Hit {
            span,
            name: span.slice(text).to_string(),
            code,
            country,
            kind,
            source: Source::Title,
        });
    }
    // A set, not `absorbed.contains` per hit (quadratic on long articles, issue 15 item 8).
    let absorbed: std::collections::HashSet<usize> = absorbed.into_iter().collect();
    let mut kept: Vec<Hit> = hits
        .drain(..)
        .enumerate()
        .filter(|(i, _)| !absorbed.contains(i))
        .map(|(_, h)| h)
        .collect();
    kept.extend(new_hits);
    kept.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    // Drop anything overlapping an earlier, longer hit.
    let mut out: Vec<Hit> = Vec::with_capacity(kept.len());
    for h in kept {
        if out.last().is_some_and(|l: &Hit| l.span.overlaps(h.span)) {
            continue;
        }
        out.push(h);
    }
    *hits = out;
}

fn all_hits(text: &str, gazetteer: &Gazetteer, date: Option<NaiveDate>) -> Vec<Hit> {
    let mut hits = gazetteer_hits(text, gazetteer, date);
    apply_titles(text, &mut hits);
    hits
}

/// Resolve a speaker phrase ("Russia's defense minister Sergei Shoigu", "a U.S. official",
/// "the State Department", "Moscow") to an actor, or None when nothing in it is known.
///
/// A named known person wins, then a named person whose side comes from a title, then a titled
/// anonymous source, then an institution, then a country.
pub fn resolve_speaker(speaker: &str, gazetteer: &Gazetteer) -> Option<Resolved> {
    resolve_speaker_on(speaker, gazetteer, None)
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
        if let Some(r) = all_hits(&sided, gazetteer, date).into_iter().next() {
            return Some(Resolved {
                name: speaker.trim().to_string(),
                code: r.code,
                country: r.country,
                kind: ActorKind::Organisation,
            });
        }
    }
    let hits = all_hits(speaker, gazetteer, date);
    let rank = |h: &Hit| match (h.source, h.kind) {
        (Source::KnownPerson, _) => 0,
        (Source::NamedByTitle, _) => 1,
        (Source::Title, _) => 2,
        (Source::Entry, ActorKind::Organisation) => 3,
        (Source::Entry, ActorKind::Anonymous) => 4,
        (Source::Entry, _) => 5,
    };
    let best = hits.into_iter().min_by_key(|h| (rank(h), h.span.start))?;
    Some(Resolved {
        name: best.name,
        code: best.code,
        country: best.country,
        kind: best.kind,
    })
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

/// Every actor the gazetteer names in `text` on `date`, places included ("produced in
/// Russia"): the doers and origins propositions are about.
pub fn find_all(text: &str, gazetteer: &Gazetteer, date: Option<NaiveDate>) -> Vec<ActorMention> {
    all_hits(text, gazetteer, date)
        .into_iter()
        .map(|h| h.into_mention(text))
        .collect()
}

/// Every actor mention in `text`. Countries and capitals used as places ("in Moscow") are skipped.
pub fn find(text: &str, gazetteer: &Gazetteer) -> Vec<ActorMention> {
    find_on(text, gazetteer, None)
}

/// [`find`] in an article dated `date`: dated roles apply only inside their dates.
pub fn find_on(text: &str, gazetteer: &Gazetteer, date: Option<NaiveDate>) -> Vec<ActorMention> {
    all_hits(text, gazetteer, date)
        .into_iter()
        .filter(|h| !(h.kind == ActorKind::Country && is_place(text, h.span.start)))
        .map(|h| h.into_mention(text))
        .collect()
}

/// True when the word before `pos` makes the country a place: "in Moscow", "near Damascus",
/// or a dateline puts it after a city in capitals: "ALEPPO, Syria".
fn is_place(text: &str, pos: usize) -> bool {
    if let Some(head) = text[..pos].trim_end().strip_suffix(',') {
        let city = head
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        if city.len() >= 3 && city.chars().all(|c| c.is_ascii_uppercase() || c == '-') {
            return true;
        }
    }
    matches!(
        word_before(text, pos)
            .map(|(_, w)| w.to_lowercase())
            .as_deref(),
        Some("in" | "at" | "near" | "across" | "inside" | "outside" | "into")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `expect` is "CODE kind name" or "-" for no resolution.
    fn check(speaker: &str, expect: &str) -> Option<String> {
        let g = Gazetteer::builtin();
        let got = match resolve_speaker(speaker, &g) {
            Some(r) => format!("{} {} {}", r.code, r.kind.as_str(), r.name),
            None => "-".to_string(),
        };
        (got != expect).then(|| format!("{speaker:?}: got {got:?}, want {expect:?}"))
    }

    /// `expect` lists mentions as "text=CODE" separated by "; ".
    fn check_find(text: &str, expect: &str) -> Option<String> {
        let g = Gazetteer::builtin();
        let got: Vec<String> = find(text, &g)
            .iter()
            .map(|m| {
                assert_eq!(m.span.slice(text), m.text, "span round trip");
                format!("{}={}", m.text, m.code)
            })
            .collect();
        let got = got.join("; ");
        (got != expect).then(|| format!("{text:?}: got {got:?}, want {expect:?}"))
    }

    #[test]
    fn speakers() {
        let cases = [
            (
                "Russia's defense minister Sergei Shoigu",
                "RUSGOV person Sergei Shoigu",
            ),
            (
                "Sergei Lavrov, Russia's foreign minister",
                "RUSGOV person Sergei Lavrov",
            ),
            (
                "State Department spokeswoman Elizabeth Trudeau",
                "USAGOV person Elizabeth Trudeau",
            ),
            ("a U.S. official", "USAGOV anonymous a U.S. official"),
            ("Moscow", "RUSGOV country Russia"),
            ("the Kremlin", "RUSGOV organisation Kremlin"),
            (
                "Russian military sources",
                "RUSMIL anonymous Russian military sources",
            ),
            ("rebels", "SYRREB organisation Syrian rebels"),
            (
                "Ahmed al-Hamdo, a rebel commander",
                "SYRREB person Ahmed al-Hamdo",
            ),
            ("Ahmed Jumaa", "-"),
            ("he", "-"),
            (
                "a senior State Department official",
                "USAGOV anonymous a senior State Department official",
            ),
            ("American officials", "USAGOV anonymous American officials"),
            ("Syrian state media", "SYRGOV country Syria"),
            ("rebel commanders", "SYRREB anonymous rebel commanders"),
            ("diplomatic sources", "UNKNWN anonymous diplomatic sources"),
            (
                "Russian Foreign Minister Sergei Lavrov",
                "RUSGOV person Sergei Lavrov",
            ),
            (
                "Russian Foreign Minister",
                "RUSGOV anonymous Russian Foreign Minister",
            ),
            ("Lavrov", "RUSGOV person Sergei Lavrov"),
            (
                "U.S. Secretary of State John Kerry",
                "USAGOV person John Kerry",
            ),
            ("Kerry", "USAGOV person John Kerry"),
            ("Pentagon spokesman Peter Cook", "USAMIL person Peter Cook"),
            (
                "a Pentagon spokesman",
                "USAMIL anonymous a Pentagon spokesman",
            ),
            (
                "Defense Ministry spokesman Maj. Gen. Igor Konashenkov",
                "RUSMIL person Igor Konashenkov",
            ),
            (
                "the Russian Defense Ministry",
                "RUSMIL organisation Russian Defense Ministry",
            ),
            (
                "Russia's Foreign Ministry",
                "RUSGOV organisation Russian Foreign Ministry",
            ),
            (
                "Kremlin spokesman Dmitry Peskov",
                "RUSGOV person Dmitry Peskov",
            ),
            ("Washington", "USAGOV country United States"),
            ("Damascus", "SYRGOV country Syria"),
            ("Ankara", "TURGOV country Turkey"),
            ("Tehran", "IRNGOV country Iran"),
            (
                "U.N. envoy Staffan de Mistura",
                "IGOUNO person Staffan de Mistura",
            ),
            (
                "the U.N. Syria envoy",
                "IGOUNO anonymous the U.N. Syria envoy",
            ),
            (
                "Syrian President Bashar Assad",
                "SYRGOV person Bashar al-Assad",
            ),
            (
                "Turkish President Recep Tayyip Erdogan",
                "TURGOV person Recep Tayyip Erdogan",
            ),
            ("the Syrian army", "SYRMIL organisation Syrian army"),
            (
                "the Syrian Observatory for Human Rights",
                "SYRNGO organisation Syrian Observatory for Human Rights",
            ),
            ("the White Helmets", "SYRNGO organisation White Helmets"),
            (
                "the Nusra Front",
                "SYRNSA organisation Jabhat Fateh al-Sham",
            ),
            (
                "Jabhat Fateh al-Sham",
                "SYRNSA organisation Jabhat Fateh al-Sham",
            ),
            (
                "Colombian President Juan Manuel Santos",
                "COLGOV person Juan Manuel Santos",
            ),
            (
                "FARC leader Rodrigo Londono",
                "COLREB person Rodrigo Londono",
            ),
            ("Timochenko", "COLREB person Rodrigo Londono"),
            (
                "former President Alvaro Uribe",
                "COLOPP person Alvaro Uribe",
            ),
            ("the FARC", "COLREB organisation FARC"),
            (
                "an official with the State Department",
                "USAGOV anonymous an official with the State Department",
            ),
            ("a Western diplomat", "UNKNWN anonymous a Western diplomat"),
            (
                "Russian General Staff official Sergei Rudskoi",
                "RUSMIL person Sergei Rudskoi",
            ),
            (
                "White House spokesman Josh Earnest",
                "USAGOV person Josh Earnest",
            ),
            (
                "Iranian Foreign Minister Mohammad Javad Zarif",
                "IRNGOV person Mohammad Javad Zarif",
            ),
            ("Turkish officials", "TURGOV anonymous Turkish officials"),
            ("SANA", "SYRGOV organisation SANA"),
            (
                "the Red Cross",
                "NGOICR organisation International Committee of the Red Cross",
            ),
            ("RIA Novosti", "RUSMED organisation RIA Novosti"),
            (
                "Abu Omar, a spokesman for the rebel group Ahrar al-Sham",
                "SYRREB person Abu Omar",
            ),
            (
                "Syrian opposition negotiator Mohammed Alloush",
                "SYROPP person Mohammed Alloush",
            ),
            (
                "a senior Russian diplomat",
                "RUSGOV anonymous a senior Russian diplomat",
            ),
            ("Russian jets", "RUSMIL organisation Russian military"),
            ("us", "-"),
            ("The official news agency SANA", "SYRGOV organisation SANA"),
            ("The official SANA agency", "SYRGOV organisation SANA"),
            (
                "Mustafa Sejari, a political official with the Liwa al-Mutasem rebel group",
                "SYRREB person Mustafa Sejari",
            ),
            (
                "The Britain-based monitor",
                "NGOMON anonymous The Britain-based monitor",
            ),
            ("a monitor", "NGOMON anonymous a monitor"),
            ("Russian monitors", "RUSGOV anonymous Russian monitors"),
            (
                "Defence Minister Luis Carlos Villegas",
                "COLGOV person Luis Carlos Villegas",
            ),
            (
                "Rebel commander Carlos Antonio Lozada",
                "COLREB person Carlos Antonio Lozada",
            ),
            (
                "a spokesman for the Fastaqim Union",
                "SYRREB anonymous a spokesman for the Fastaqim Union",
            ),
            (
                "Ibrahim Abu al-Laith, a civil defence official",
                "SYRNGO person Ibrahim Abu al-Laith",
            ),
            (
                "foreign ministry spokesman Bahram Ghasemi",
                "IRNGOV person Bahram Ghasemi",
            ),
            (
                "Australia's defence ministry",
                "AUSMIL organisation Australia's defence ministry",
            ),
            ("state media", "UNKNWN organisation state media"),
            (
                "Russian state media",
                "RUSMED organisation Russian state media",
            ),
            (
                "the Interfax news agency",
                "RUSMED organisation the Interfax news agency",
            ),
            ("the army", "SYRMIL organisation Syrian army"),
            (
                "US state department officials",
                "USAGOV anonymous US state department officials",
            ),
            (
                "the Syrian army's General Command",
                "SYRMIL organisation the Syrian army's General Command",
            ),
            (
                "the SOHR's Rami Abdulrahman",
                "SYRNGO organisation Syrian Observatory for Human Rights",
            ),
        ];
        let failures: Vec<String> = cases.iter().filter_map(|(s, e)| check(s, e)).collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Coverage of the built-in gazetteer against the Phoenix country dictionary (read from
    /// `../shared`, never copied into the project): of the people whose dated code is current on
    /// the date, whose country is a G20 state or a party to a major dispute, and whose
    /// dictionary aliases name one of the roles the world gazetteer promises (head of state or
    /// government, foreign or defence minister, UN ambassador), the share the built-in gazetteer
    /// resolves to the same country on that date. Prints the misses.
    #[test]
    fn phoenix_coverage() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/dictionaries/phoenix/Phoenix.Countries.actors.txt"
        );
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("skipped: {path} is absent");
            return;
        };
        const STATES: &str = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF \
            TUR GBR USA IRN ISR ARE QAT SYR UKR VEN PRK PAK EGY";
        const ROLES: &[&str] = &[
            "president",
            "prime minister",
            "premier",
            "chancellor",
            "king",
            "emir",
            "supreme leader",
            "foreign minister",
            "foreign secretary",
            "secretary of state",
            "defense minister",
            "defence minister",
            "defense secretary",
            "defence secretary",
            "secretary of defense",
            "ambassador",
        ];
        let text = String::from_utf8_lossy(&bytes);
        let (entries, _) = crate::extract::cameo::parse(&text);
        let g = Gazetteer::builtin();
        for day in ["2014-07-17", "2019-06-20"] {
            let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
            let mut asked: Vec<(String, String)> = Vec::new();
            for e in &entries {
                let iso = e.code.get(..3).unwrap_or("");
                let role = e.code.get(3..).unwrap_or("");
                let dated = e.from.is_some() || e.until.is_some();
                let holds = dated && e.holds_on(date);
                let named_role = e
                    .aliases
                    .iter()
                    .any(|a| ROLES.iter().any(|r| a.to_lowercase().contains(r)));
                if holds
                    && named_role
                    && STATES.split_whitespace().any(|s| s == iso)
                    && matches!(role, "GOV" | "GOVMIL" | "MIL")
                    && !asked.iter().any(|(n, _)| n == &e.name)
                {
                    asked.push((e.name.clone(), iso.to_string()));
                }
            }
            let misses: Vec<String> = asked
                .iter()
                .filter(|(name, iso)| {
                    resolve_speaker_on(name, &g, date)
                        .and_then(|r| r.country)
                        .as_deref()
                        != Some(iso.as_str())
                })
                .map(|(name, iso)| format!("{name} ({iso})"))
                .collect();
            let hit = asked.len() - misses.len();
            eprintln!(
                "phoenix coverage on {day}: {hit}/{} resolved; misses: {}",
                asked.len(),
                misses.join(", ")
            );
            assert!(!asked.is_empty());
            assert!(hit * 10 >= asked.len() * 9, "coverage below 90% on {day}");
        }
    }

    /// Roles without a known name: "<country or demonym> <role>", "<role> of <country>",
    /// institutions as cues, and names introduced by their role. `expect` as in `check`.
    #[test]
    fn role_forms() {
        let cases = [
            (
                "Egypt's Republican Guard",
                "EGYMIL organisation Egyptian military",
            ),
            ("Turkish state TV", "TURMED organisation Turkish state TV"),
            ("Russia's UN envoy", "RUSGOV anonymous Russia's UN envoy"),
            (
                "the Russian U.N. ambassador",
                "RUSGOV anonymous the Russian U.N. ambassador",
            ),
            (
                "U.S. European Command",
                "USAMIL organisation U.S. combatant commands",
            ),
            (
                "a senior European diplomat",
                "UNKNWN anonymous a senior European diplomat",
            ),
            (
                "the Kremlin spokesman",
                "RUSGOV anonymous the Kremlin spokesman",
            ),
            (
                "Iran's deputy foreign minister",
                "IRNGOV anonymous Iran's deputy foreign minister",
            ),
            (
                "the foreign minister of Iran",
                "IRNGOV anonymous the foreign minister of Iran",
            ),
            (
                "a spokesman for the Pentagon",
                "USAMIL anonymous a spokesman for the Pentagon",
            ),
            (
                "Japan's foreign minister Taro Kono",
                "JPNGOV person Taro Kono",
            ),
            (
                "Pakistani Foreign Minister Ahmed Khan",
                "PAKGOV person Ahmed Khan",
            ),
            ("Saudi state media", "SAUMED organisation Saudi state media"),
            (
                "Chinese military officials",
                "CHNMIL anonymous Chinese military officials",
            ),
            ("a Navy official", "UNKNWN anonymous official"),
            ("a rebel commander", "SYRREB anonymous a rebel commander"),
            ("an official", "UNKNWN anonymous an official"),
            (
                "Iranian state television",
                "IRNMED organisation Iranian state television",
            ),
            ("the Indian army", "INDMIL organisation Indian military"),
            (
                "Venezuela's defense minister",
                "VENGOV anonymous Venezuela's defense minister",
            ),
            ("the Kremlin", "RUSGOV organisation Kremlin"),
            ("Downing Street", "GBRGOV organisation Downing Street"),
            ("the Elysee", "FRAGOV organisation Elysee"),
            ("the Foreign Office", "GBRGOV organisation Downing Street"),
            ("Xinhua", "CHNMED organisation Xinhua"),
            ("the IAEA", "IGOUNOIAE organisation IAEA"),
            ("the OPCW", "IGOOPC organisation OPCW"),
        ];
        let failures: Vec<String> = cases.iter().filter_map(|(s, e)| check(s, e)).collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A dated role applies only inside its dates; outside them the person keeps the country.
    #[test]
    fn dated_roles() {
        let g = Gazetteer::builtin();
        let at = |who: &str, day: &str| {
            let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
            resolve_speaker_on(who, &g, d)
                .map(|r| r.code)
                .unwrap_or("-".into())
        };
        assert_eq!(at("Barack Obama", "2016-08-29"), "USAGOV");
        assert_eq!(at("Barack Obama", "2007-06-01"), "USALEG");
        assert_eq!(at("Barack Obama", "2019-06-20"), "USAELI");
        assert_eq!(at("John Kerry", "2010-01-01"), "USALEG");
        assert_eq!(at("John Kerry", "2016-01-01"), "USAGOV");
        assert_eq!(at("Ursula von der Leyen", "2016-01-01"), "DEUGOV");
        assert_eq!(at("Ursula von der Leyen", "2022-01-01"), "IGOEUR");
        assert_eq!(at("Theresa May", "2018-03-12"), "GBRGOV");
    }

    /// "pro-X" outlets and groups speak for X's side, whatever their own name.
    #[test]
    fn pro_side_speakers() {
        let g = Gazetteer::builtin();
        let code = |who: &str| resolve_speaker_on(who, &g, None).map(|r| r.code);
        assert_eq!(code("a pro-Kremlin website").as_deref(), Some("RUSGOV"));
        assert_eq!(
            code("the pro-Russian separatists").as_deref(),
            Some("RUSGOV")
        );
        assert_eq!(code("pro-Iranian media").as_deref(), Some("IRNGOV"));
        assert_eq!(code("a professor of history"), None);
    }

    #[test]
    fn seed_parses_and_extends() {
        let g = Gazetteer::builtin();
        assert!(g.entries.len() >= 150, "{} rows", g.entries.len());
        for e in &g.entries {
            assert!(
                e.code.len() >= 6 && e.code.chars().all(|c| c.is_ascii_uppercase()),
                "{e:?}"
            );
        }
        assert_eq!(g.country_of("RUSMIL").as_deref(), Some("RUS"));
        assert_eq!(g.country_of("IGOUNO"), None);
        let extra = GazetteerEntry {
            name: "Ahmed al-Hamdo".into(),
            code: "SYRREB".into(),
            kind: ActorKind::Person,
            aliases: vec!["al-Hamdo".into()],
            from: None,
            until: None,
        };
        let g = Gazetteer::with_extra(&[extra]);
        let r = resolve_speaker("al-Hamdo", &g).expect("extra alias resolves");
        assert_eq!(
            (r.code.as_str(), r.country.as_deref()),
            ("SYRREB", Some("SYR"))
        );
        assert_eq!(resolve_speaker("al-Hamdo", &Gazetteer::builtin()), None);
    }

    #[test]
    fn mentions() {
        let cases = [
            (
                "Russia's defense minister Sergei Shoigu said on Monday.",
                "Sergei Shoigu=RUSGOV",
            ),
            (
                "A U.S. official said no agreement is close, and a State Department spokeswoman said there was nothing to announce.",
                "A U.S. official=USAGOV; a State Department spokeswoman=USAGOV",
            ),
            ("Talks in Geneva and in Moscow stalled.", ""),
            ("Moscow and Washington traded blame.", "Moscow=RUSGOV; Washington=USAGOV"),
            ("ALEPPO, Syria (AP) — Rebels fired.", "Rebels=SYRREB"),
            ("He told us that the US would wait.", "US=USAGOV"),
            ("The ban on flights is in force.", ""),
            ("IS fighters held the town, but it is quiet.", "IS=IMGISL"),
            (
                "An airstrike hit a rebel-held district, Russian-backed forces said.",
                "",
            ),
            (
                "The Britain-based Syrian Observatory for Human Rights said U.S.-backed rebels fired.",
                "Syrian Observatory for Human Rights=SYRNGO; U.S.-backed rebels=SYRREB",
            ),
        ];
        let failures: Vec<String> = cases.iter().filter_map(|(t, e)| check_find(t, e)).collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
