//! Finding mentions: the gazetteer pass (case, word-boundary and qualifier checks, then
//! leftmost-longest), titles applied on top, and the public entries that list mentions.

use aho_corasick::automaton::Automaton;
use aho_corasick::Anchored;
use chrono::NaiveDate;

use super::load::QUALIFIER_SUFFIXES;
use super::titles::apply_titles;
use super::{Gazetteer, Hit, Matcher, Source};
use crate::extract::words::{is_word_byte, on_boundaries, strip_possessive, word_before};
use crate::model::{ActorKind, ActorMention, GazetteerEntry, Span};

/// Every alias occurrence `(start, end, pattern)` in `b` that can start on a word boundary: at
/// the text's start, on a non-word byte, or after one. The same matches an unanchored
/// overlapping search gives that pass the left half of [`on_boundaries`], found by walking the
/// trie anchored from each such place (a match state also lists the aliases that are suffixes
/// of its own, which are kept only from their own start).
pub(super) fn alias_matches(m: &Matcher, b: &[u8]) -> Vec<(usize, usize, usize)> {
    let ac = &m.ac;
    let mut out = Vec::new();
    let mut next = 0;
    while next < b.len() {
        let s = next;
        // The places after `s` inside its word (a word byte after a word byte) are no word
        // starts: skip them at once.
        next += 1;
        if is_word_byte(b[s]) {
            while next < b.len() && is_word_byte(b[next]) {
                next += 1;
            }
        }
        let Some(mut sid) = m.first[usize::from(b[s])] else {
            continue;
        };
        let mut e = s + 1;
        loop {
            if ac.is_special(sid) {
                if ac.is_dead(sid) {
                    break;
                }
                if ac.is_match(sid) {
                    for k in 0..ac.match_len(sid) {
                        let pid = ac.match_pattern(sid, k);
                        if ac.pattern_len(pid) == e - s {
                            out.push((s, e, pid.as_usize()));
                        }
                    }
                }
            }
            if e == b.len() {
                break;
            }
            sid = ac.next_state(Anchored::Yes, sid, b[e]);
            e += 1;
        }
    }
    out
}

/// Gazetteer matches: all overlapping alias hits that pass the case and boundary checks,
/// then leftmost-longest selection.
fn gazetteer_hits(text: &str, g: &Gazetteer, date: Option<NaiveDate>) -> Vec<Hit> {
    let Some(m) = &g.matcher else {
        return Vec::new();
    };
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    let b = text.as_bytes();
    for (s, e, entry) in alias_matches(m, b) {
        let (alias, _, exact) = &m.patterns[entry];
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) || !on_boundaries(text, s, e) {
            continue;
        }
        if *exact && alias != &text[s..e] {
            continue;
        }
        // "Britain-based monitor", "Russian-backed forces", "rebel-held districts": the name
        // only qualifies the noun that follows.
        let after = &text[e..];
        if QUALIFIER_SUFFIXES.iter().any(|suf| after.starts_with(suf)) {
            continue;
        }
        if name_goes_on(text, e, g, &m.patterns[entry]) {
            continue;
        }
        cands.push((s, e, entry));
    }
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    // A country's name starts at `at` ("the Ministry of Defence of Azerbaijan" is
    // Azerbaijan's ministry, whatever state the gazetteer files a body of that name under);
    // `cands` is sorted by start. Asked only of a body name followed by "of".
    let country_at = |at: usize| {
        let from = cands.partition_point(|c| c.0 < at);
        cands[from..].iter().take_while(|c| c.0 == at).any(|c| {
            m.patterns[c.2]
                .1
                .iter()
                .any(|&i| g.entries[i].kind == ActorKind::Country)
        })
    };
    // A people's plural name starts at `at` ("Americans", "Cubans").
    let people_at = |at: usize| {
        let from = cands.partition_point(|c| c.0 < at);
        cands[from..].iter().take_while(|c| c.0 == at).any(|c| {
            plural_people(
                &text[c.0..c.1],
                &g.entries[g.pick(&m.patterns[c.2].1, date).0],
            )
        })
    };
    let mut out = Vec::new();
    let mut last_end = 0;
    // End of the last state name dropped as the origin of a people's plural name after it.
    let mut origin_end = None;
    for &(s, e, entry) in &cands {
        if s < last_end {
            continue;
        }
        let (entry, former) = g.pick(&m.patterns[entry].1, date);
        let en = &g.entries[entry];
        // A state that no longer existed on the day ("Soviet laboratories" in 2018 copy) is
        // history, no actor.
        if en.kind == ActorKind::Country && !en.holds_on(date) {
            continue;
        }
        // "Cuban Americans", "Russian Ukrainians": the first name says where the people's
        // families came from; the people are the second, a people's civil society (so are
        // "Cuban-Americans", whose first name `QUALIFIER_SUFFIXES` drops).
        if en.kind == ActorKind::Country && text[e..].starts_with(' ') && people_at(e + 1) {
            origin_end = Some(e);
            continue;
        }
        if lives_in_state_before(text, s, e, en, &g.countries[entry], out.last()) {
            continue;
        }
        if en.kind == ActorKind::Organisation
            && text[s..e].contains(" of ")
            && of_a_country(text, e, country_at)
        {
            continue;
        }
        last_end = e;
        // "the group's Central Command", "the rebels' Supreme Council": a body written after a
        // common noun's possessive is that owner's unit, not the body the gazetteer files
        // under the same words ("Russia's Defence Ministry", with a name's possessive, stays).
        if en.kind == ActorKind::Organisation && owned_by_common_noun(&text[..s]) {
            continue;
        }
        if let Some(paper) = newspaper(text, s, e, en) {
            last_end = paper.span.end;
            out.push(paper);
            continue;
        }
        let mut code = former.unwrap_or_else(|| en.code.clone());
        if plural_people(&text[s..e], en)
            && (origin_end.is_some_and(|o| o + 1 == s)
                || text[..s].ends_with('-')
                || public_before(text, s))
        {
            if let Some(iso) = &g.countries[entry] {
                code = format!("{iso}NGO");
            }
        }
        out.push(Hit {
            span: Span::new(s, e),
            name: en.name.clone(),
            code,
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

/// `plural` is `singular` and an "s" ("Americans", "American").
fn plural_of(plural: &str, singular: &str) -> bool {
    plural.len() == singular.len() + 1 && plural.ends_with('s') && plural.starts_with(singular)
}

/// `name` is a people's plural name: an alias of a state ending in "s" whose singular is an
/// alias too ("Americans" beside "American", "Cubans" beside "Cuban").
fn plural_people(name: &str, en: &GazetteerEntry) -> bool {
    en.kind == ActorKind::Country && name.len() > 2 && en.aliases.iter().any(|a| plural_of(name, a))
}

/// "Bosnian Serb leader", "Kosovo Serb villagers": a people's singular noun (at `s`..`e`, of
/// state `country`) right after another state's name (`last`, the hit before it) is a people
/// living in that state; the state speaks, so this hit is dropped.
fn lives_in_state_before(
    text: &str,
    s: usize,
    e: usize,
    en: &GazetteerEntry,
    country: &Option<String>,
    last: Option<&Hit>,
) -> bool {
    en.kind == ActorKind::Country
        && singular_people(&text[s..e], en)
        && last.is_some_and(|h| {
            h.kind == ActorKind::Country
                && h.span.end + 1 == s
                && text[h.span.end..s] == *" "
                && h.country != *country
        })
}

/// `name` is a people's noun in the singular: an alias of a state whose plural ("Serbs",
/// "Russians") is an alias too.
fn singular_people(name: &str, en: &GazetteerEntry) -> bool {
    en.kind == ActorKind::Country && en.aliases.iter().any(|a| plural_of(a, name))
}

/// Words of `claim_words.tsv` kind `public`: "many", "ordinary", "millions".
static PUBLIC: once_cell::sync::Lazy<Vec<&'static str>> =
    once_cell::sync::Lazy::new(|| crate::data::CLAIM_WORDS.list("public"));

/// A public word stands straight before `pos` ("many Russians", "millions of Americans"): the
/// people named there are the public, their civil society, not their state.
fn public_before(text: &str, pos: usize) -> bool {
    let Some((at, w)) = word_before(text, pos) else {
        return false;
    };
    let w = w.to_lowercase();
    if w == "of" {
        return word_before(text, at)
            .is_some_and(|(_, w)| PUBLIC.contains(&w.to_lowercase().as_str()));
    }
    PUBLIC.contains(&w.as_str())
}

/// A body's name at `end` is followed by "of" and a country's name ("the Ministry of
/// Defence of Azerbaijan"): the body is that country's, read through the titles, not the
/// gazetteer's body of the same name. Only for a name that is itself "X of Y" (a ministry's
/// generic name): "the Islamic State of Iraq" stays the group.
fn of_a_country(text: &str, end: usize, country_at: impl Fn(usize) -> bool) -> bool {
    let rest = &text[end..];
    let skip = [" of the ", " of "]
        .iter()
        .find(|p| rest.starts_with(**p))
        .map(|p| p.len());
    skip.is_some_and(|n| country_at(end + n))
}

/// Code of a privately owned newspaper: no state's voice ([`newspaper`]).
pub const PRIVATE_PRESS_CODE: &str = "NGOMED";

/// "The Washington Post said", "the Moscow Times reported": a country's or capital's name
/// (bytes `s..e`) followed by a newspaper's title noun (`press-title` words) is the paper, a
/// private outlet that speaks for no state. State media are gazetteer rows of their own and,
/// as longer matches at the same place, never reach here ("China Daily").
fn newspaper(text: &str, s: usize, e: usize, entry: &GazetteerEntry) -> Option<Hit> {
    if entry.kind != ActorKind::Country {
        return None;
    }
    let word = next_name_word(text, e)?;
    // "The Washington Post's reporters": the possessive is not the title's.
    let word = strip_possessive(word).unwrap_or(word);
    if !crate::extract::claims::press_title(&word.to_lowercase()) {
        return None;
    }
    // "Canada Post", "Israel Post": a country's own name before "Post" is its postal service.
    if word == "Post" && text[s..e] == entry.name {
        return None;
    }
    let end = e + 1 + word.len();
    Some(Hit {
        span: Span::new(s, end),
        name: text[s..end].to_string(),
        code: PRIVATE_PRESS_CODE.to_string(),
        country: None,
        kind: ActorKind::Organisation,
        source: Source::Entry,
    })
}

/// A speaker no entry names whose last word is a press title after a capitalised word or
/// "the" ("The New York Times", "the Times", "Los Angeles Times'"): a newspaper, private
/// press unless a state's name made it the state's ([`newspaper`]).
pub(super) fn press_by_name(speaker: &str) -> Option<super::Resolved> {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let (last, before) = words.split_last()?;
    let last = strip_possessive(last)
        .or_else(|| last.strip_suffix(['\'', '\u{2019}']))
        .unwrap_or(last);
    let named = before.last().is_some_and(|w| {
        w.eq_ignore_ascii_case("the") || w.starts_with(|c: char| c.is_uppercase())
    });
    let capitalised = last.starts_with(|c: char| c.is_uppercase());
    (named && capitalised && crate::extract::claims::press_title(&last.to_lowercase())).then(|| {
        super::Resolved {
            name: speaker.trim().to_string(),
            code: PRIVATE_PRESS_CODE.to_string(),
            country: None,
            kind: ActorKind::Organisation,
        }
    })
}

/// Whether `before` (the text up to a name) ends in a lowercase noun's possessive: "the
/// group's ", "the rebels' ".
fn owned_by_common_noun(before: &str) -> bool {
    let Some(w) = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next()) else {
        return false;
    };
    let owner = strip_possessive(w)
        .or_else(|| w.strip_suffix("s'"))
        .or_else(|| w.strip_suffix("s’"));
    owner.is_some_and(|o| o.len() > 2 && o.chars().all(|c| c.is_lowercase()))
}

/// "Abbas Karimi said": a one-word alias of a person ("Abbas") followed by another
/// capitalised word is the first part of someone else's name, not that person. A day or month
/// after it ("Kerry Monday said", "Obama March 3") does not continue a name.
fn name_goes_on(
    text: &str,
    end: usize,
    g: &Gazetteer,
    pattern: &(String, Vec<usize>, bool),
) -> bool {
    let (alias, entries, _) = pattern;
    let person = entries
        .iter()
        .all(|&i| g.entries[i].kind == ActorKind::Person);
    if alias.contains(' ') || !person {
        return false;
    }
    let Some(word) = next_name_word(text, end) else {
        return false;
    };
    // A title-case headline ("Kerry Meets Lavrov In Geneva") capitalises its verbs: a name
    // goes on only when the words after the next one (up to three, on its line) are not all
    // capitalised too ("Abbas Ali Karimi as saying" is a name of three words).
    let rest = text[end + 1 + word.len()..].lines().next().unwrap_or("");
    let mut after = rest
        .split_whitespace()
        .take(3)
        .filter(|w| w.starts_with(char::is_alphabetic))
        .peekable();
    let headline = after.peek().is_some() && after.all(|w| w.starts_with(char::is_uppercase));
    !headline
}

/// The word after a space at `end` when it can go on a name: capitalised, with a lower-case
/// letter after its first ("Karimi", "O'Neill"; not "US"), and no day or month ("Monday").
pub(super) fn next_name_word(text: &str, end: usize) -> Option<&str> {
    let next = text[end..].strip_prefix(' ')?;
    let len = next
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .unwrap_or(next.len());
    let word = &next[..len];
    let capital = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    let lower = word.to_lowercase();
    let calendar = crate::extract::timex::calendar::month_of(&lower).is_some()
        || crate::extract::timex::calendar::weekday_of(&lower).is_some();
    (capital && !calendar).then_some(word)
}

/// Gazetteer hits with titles applied: every mention before places are dropped.
pub(super) fn all_hits(text: &str, gazetteer: &Gazetteer, date: Option<NaiveDate>) -> Vec<Hit> {
    let mut hits = gazetteer_hits(text, gazetteer, date);
    apply_titles(text, &mut hits);
    // "The Philippine Coast Guard (PCG) said …": an acronym the article defines after a body it
    // codes names that body wherever it stands, "PCG spokesperson X" included, so the titles
    // are read again with its mentions.
    let defined = defined_acronyms(text, &hits);
    if defined.is_empty() {
        return hits;
    }
    // Rare (an article that defines an acronym for a body it codes): the gazetteer pass runs
    // again rather than every article keeping a copy of its hits from before the titles.
    let mut hits = gazetteer_hits(text, gazetteer, date);
    hits.retain(|h| {
        !defined
            .iter()
            .any(|d| d.span.start <= h.span.start && h.span.end <= d.span.end)
    });
    hits.extend(defined);
    hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    apply_titles(text, &mut hits);
    hits
}

/// Longest acronym an article may define, in letters.
const ACRONYM_MAX: usize = 6;

/// Two to [`ACRONYM_MAX`] ASCII capitals: a word an article may define in brackets ("PCG").
fn is_acronym(t: &str) -> bool {
    (2..=ACRONYM_MAX).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_uppercase())
}

/// Hits for every use of an acronym the article defines in brackets right after a body (not a
/// country: "ALEPPO, Syria (AP)" is a dateline) it codes ("the Philippine Coast Guard (PCG)", "the Mekong River Commission (MRC)",
/// when the gazetteer knows the commission): the defining body's code, from the definition
/// on. Acronyms the gazetteer already reads, and words inside other hits, are left alone.
fn defined_acronyms(text: &str, hits: &[Hit]) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let Some(close) = text[open + 1..].find(')').map(|i| open + 1 + i) else {
            break;
        };
        let acr = &text[open + 1..close];
        if !is_acronym(acr) || out.iter().any(|h| h.span.slice(text) == acr) {
            continue;
        }
        let name_end = text[..open].trim_end().len();
        // The body's hit must start the name: in "the Friends of the Israel Defense Forces
        // (FIDF)" the known body ends a longer name, which is another body.
        let starts_name = |h: &Hit| {
            let before = text[..h.span.start].trim_end();
            let w = before.rsplit(char::is_whitespace).next().unwrap_or("");
            !(w.starts_with(char::is_uppercase) || matches!(w, "of" | "for" | "and"))
        };
        let known = hits
            .iter()
            .find(|h| {
                h.span.end == name_end
                    && h.kind == ActorKind::Organisation
                    && h.span.slice(text) != acr
                    && starts_name(h)
            })
            .cloned();
        let def = match known {
            Some(def) => def,
            None => {
                // A state office the gazetteer does not know is a mention of its own.
                let Some(office) = state_office(text, hits, name_end) else {
                    continue;
                };
                out.push(office.clone());
                office
            }
        };
        // The article's own definition wins over another party the gazetteer files under the
        // same letters ("the Kenyan Ports Authority (KPA)" is not the Korean People's Army).
        let taken = |s: usize, e: usize| {
            hits.iter()
                .any(|h| h.span.start < e && s < h.span.end && h.span.slice(text) != acr)
        };
        for (at, _) in text[open..].match_indices(acr).map(|(i, m)| (open + i, m)) {
            let end = at + acr.len();
            let whole = !text[..at].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            if whole && !taken(at, end) {
                out.push(Hit {
                    span: Span::new(at, end),
                    name: def.name.clone(),
                    code: def.code.clone(),
                    country: def.country.clone(),
                    kind: ActorKind::Organisation,
                    source: Source::Entry,
                });
            }
        }
    }
    out
}

/// "the Ethiopian Media Authority (EMA)": a state office named by its country's word (or a
/// body of that country the gazetteer reads inside the name: "Ethiopian Media") and
/// capitalised words ending in a `state-body` noun ([`super::state_body`]) ending at
/// `name_end` is that country's government (its military when a word of the name is "Defence",
/// "Defense" or "Armed").
fn state_office(text: &str, hits: &[Hit], name_end: usize) -> Option<Hit> {
    let country = hits.iter().find(|h| {
        let before = text[..h.span.start].trim_end();
        let lead = before.rsplit(char::is_whitespace).next().unwrap_or("");
        matches!(h.kind, ActorKind::Country | ActorKind::Organisation)
            && h.country.as_deref().is_some_and(|c| c.len() == 3)
            && h.span.end < name_end
            && !((lead.starts_with(char::is_uppercase) && !matches!(lead, "The" | "A" | "An"))
                || matches!(lead, "of" | "for" | "and"))
            && {
                let rest = &text[h.span.end..name_end];
                let words: Vec<&str> = rest.split_whitespace().collect();
                !words.is_empty()
                    && words.len() <= 5
                    && words.iter().all(|w| w.starts_with(char::is_uppercase))
                    && words.last().is_some_and(|w| super::state_body(w))
            }
    })?;
    let c = country.country.clone()?;
    let name = &text[country.span.start..name_end];
    let military = ["Defence", "Defense", "Armed"]
        .iter()
        .any(|w| name.split_whitespace().any(|n| n == *w));
    Some(Hit {
        span: Span::new(country.span.start, name_end),
        name: name.to_string(),
        code: format!("{c}{}", if military { "MIL" } else { "GOV" }),
        country: Some(c),
        kind: ActorKind::Organisation,
        source: Source::Entry,
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
    find_with_places(text, gazetteer, date).0
}

/// One gazetteer pass: the actor mentions ([`find_on`]) and, apart, the countries and
/// capitals used as places ("in Moscow"), which say where a story is set.
pub fn find_with_places(
    text: &str,
    gazetteer: &Gazetteer,
    date: Option<NaiveDate>,
) -> (Vec<ActorMention>, Vec<ActorMention>) {
    let (places, actors): (Vec<Hit>, Vec<Hit>) = all_hits(text, gazetteer, date)
        .into_iter()
        .partition(|h| h.kind == ActorKind::Country && is_place(text, h.span.start));
    let mention = |h: Hit| h.into_mention(text);
    (
        actors.into_iter().map(mention).collect(),
        places.into_iter().map(mention).collect(),
    )
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

/// "the Front for the Sovereignty of Azawad (FSA)": an acronym the article defines, in
/// brackets after a name that the gazetteer does not give the acronym's code, is the article's
/// own: its mentions are dropped, not read as the party the gazetteer files under it (another
/// story's "FSA"). A definition after the gazetteer's own name ("the Syrian Democratic Forces
/// (SDF)") keeps them.
/// Returns the acronyms dropped, so the speakers written with them lose their codes too.
pub fn drop_redefined_acronyms(body: &str, mentions: &mut Vec<ActorMention>) -> Vec<String> {
    let mut redefined: Vec<String> = Vec::new();
    for m in mentions.iter().filter(|m| is_acronym(&m.text)) {
        let defined = body.get(..m.span.start).is_some_and(|b| b.ends_with('('))
            && body.get(m.span.end..).is_some_and(|a| a.starts_with(')'));
        if !defined || redefined.contains(&m.text) {
            continue;
        }
        let name_end = body[..m.span.start - 1].trim_end().len();
        let named = mentions
            .iter()
            .any(|n| n.span.end == name_end && n.code == m.code);
        if !named {
            redefined.push(m.text.clone());
        }
    }
    if !redefined.is_empty() {
        mentions.retain(|m| !redefined.contains(&m.text));
    }
    redefined
}
