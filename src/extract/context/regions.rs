//! Regions ("Montana") and party words ("Republican Sen.") place an office in its state.
//!
//! The data are `regions.tsv` (first-level regions and their states) and `party_words.tsv`.

use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;

use super::roles::title_words;
use super::{appositive_of, Article, Found};
use crate::extract::claims::{legislator_title, local_office};

/// Region names (one automaton, longest first: "West Virginia" over "Virginia") and their states.
static REGIONS: Lazy<(AhoCorasick, Vec<&'static str>)> = Lazy::new(|| {
    let (names, states): (Vec<&'static str>, Vec<&'static str>) =
        crate::data::REGIONS.pairs().into_iter().unzip();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(names)
        .expect("region names");
    (ac, states)
});

/// Party word → actor code, from `party_words.tsv`.
static PARTY_WORDS: Lazy<Vec<(&'static str, &'static str)>> =
    Lazy::new(|| crate::data::PARTY_WORDS.pairs());

/// The regions written in `text` as whole words, as (start, end, state): "Arkansas" is no
/// "Kansas", "Indianapolis" no "Indiana", "New York-based RJR" places a firm.
fn regions(text: &str) -> impl Iterator<Item = (usize, usize, &'static str)> + '_ {
    let bytes = text.as_bytes();
    REGIONS.0.find_iter(text).filter_map(move |m| {
        let before = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
        let after = bytes
            .get(m.end())
            .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-');
        (before && after).then(|| (m.start(), m.end(), REGIONS.1[m.pattern().as_usize()]))
    })
}

/// The state of a region written as an office's place: after "of", "from" or "in" ("Gov.
/// Jane Doe of Montana", "a Democrat from Ohio", "officials in Texas"), or before a
/// possessive, a title or a party word ("Nevada's governor", "Ohio Rep. Ann Lowe", "the
/// Florida senator", "Ohio Republican Sen."). A region inside a name is none ("Mayor
/// Virginia Raggi").
pub(super) fn office_region(text: &str) -> Option<&'static str> {
    regions(text)
        .find(|&(start, end, _)| {
            let before = text[..start].trim_end();
            let placed = ["of", "from", "in"].iter().any(|p| {
                before
                    .strip_suffix(p)
                    .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace))
            });
            let after = &text[end..];
            let possessive = after.starts_with("'s") || after.starts_with("\u{2019}s");
            let next = after
                .split_whitespace()
                .next()
                .map(|w| w.trim_end_matches(['.', ',']).to_lowercase())
                .unwrap_or_default();
            let titled = legislator_title(&next)
                || local_office(&next)
                || PARTY_WORDS
                    .iter()
                    .any(|(w, _)| w.eq_ignore_ascii_case(&next));
            placed || possessive || titled
        })
        .map(|(_, _, state)| state)
}

/// A member of a legislature, from the words written with the name (`words`: its title, its
/// own words and its appositive): a legislator's title (`legislator` words of
/// `claim_words.tsv`) with a party word right before it ("Republican Sen. Jane Doe") takes
/// the party's code; else a region written as the office's place ([`office_region`]: "Sen.
/// John Roe of Florida", "Ohio Rep. Ann Lowe", "…, a Democrat from Ohio") places the member in
/// that region's state (LEG).
pub(super) fn legislator(words: &str) -> Option<Found> {
    let tokens: Vec<&str> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let at = tokens
        .iter()
        .position(|w| legislator_title(&w.to_lowercase()))?;
    // A capitalised word before the party word makes it another party's name ("a Social
    // Democratic lawmaker", "Liberal Democratic").
    let party = at
        .checked_sub(1)
        .filter(|&p| p == 0 || !tokens[p - 1].starts_with(char::is_uppercase))
        .and_then(|p| PARTY_WORDS.iter().find(|(w, _)| *w == tokens[p]));
    if let Some((_, code)) = party {
        return Some(Found {
            code: code.to_string(),
            country: code.get(..3).map(str::to_string),
        });
    }
    let state = office_region(words)?;
    Some(Found::of_country(state.to_string(), "LEG"))
}

/// A governor or mayor of a region ("Montana Gov. Jane Doe", "Gov. Jane Doe of Montana"):
/// a local office (`local-office` words of `claim_words.tsv`) in the words and a region
/// written as its place ([`office_region`]) place the office in the region's state (GOV).
fn local_officer(words: &str) -> Option<Found> {
    let office = words
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| local_office(&w.to_lowercase()));
    let state = office_region(words).filter(|_| office)?;
    Some(Found::of_country(state.to_string(), "GOV"))
}

/// [`legislator`] or [`local_officer`] for a speaker: the title words before the name where
/// it is first written and the speaker's own words, else the opening of the name's
/// appositive ("…, a Republican senator from Ohio,"). A title later in the appositive is
/// someone else's ("…, a past backer of Kentucky Sen. Rand Paul,").
pub(super) fn named_member(
    article: &Article,
    speaker: &str,
    name: &str,
    named_by: usize,
) -> Option<Found> {
    let body = article.body;
    // The words right before the name as written: an abbreviated title's dot ends no clause
    // here ("Peru protested. Republican Sen. Jane Doe said").
    let before = body
        .find(name.trim())
        .filter(|&f| f <= named_by)
        .map(|f| {
            let mut words: Vec<&str> = Vec::new();
            for w in body[..f].split_whitespace().rev().take(TITLE_WORDS) {
                // a sentence's or a clause's end stops the words ("… angered the governor.
                // Farmer John Roe said", "After meeting Gov. Doe, farmer Roe said"); an
                // abbreviated title's dot does not ("Sen.", "Gov.")
                let abbreviation = w.len() <= 4 && w.ends_with('.');
                if w.ends_with([',', ';', ':', '!', '?']) || (w.ends_with('.') && !abbreviation) {
                    break;
                }
                words.push(w);
            }
            words.reverse();
            words.join(" ")
        })
        .unwrap_or_default();
    let own = format!("{before} {} {speaker}", title_words(body, name, named_by));
    legislator(&own)
        .or_else(|| local_officer(&own))
        .or_else(|| {
            let (s, e) = appositive_of(body, name, named_by)?.1?;
            // The appositive's head: its words up to one that opens another's phrase ("a backer
            // of Kentucky Sen. John Roe"); "from" keeps the member's region ("a Republican
            // senator from Ohio").
            let opening: Vec<&str> = body[s..e]
                .split_whitespace()
                .take(APPOSITIVE_WORDS)
                .take_while(|w| !matches!(*w, "of" | "to" | "for" | "with" | "who" | "and"))
                .collect();
            legislator(&opening.join(" "))
        })
}

/// How many words right before a name may hold the member's title, party and region ("New
/// Hampshire Republican Sen.").
const TITLE_WORDS: usize = 4;

/// How many opening words of an appositive may hold the member's title and region.
const APPOSITIVE_WORDS: usize = 6;

#[cfg(test)]
mod tests {
    use super::{legislator, office_region, regions};

    #[test]
    fn regions_table() {
        let cases = [
            ("Gov. Jane Doe of Montana", Some("USA")),
            ("West Virginia Gov. Jane Doe", Some("USA")),
            ("an Ontario legislator", Some("CAN")),
            ("officials in Arkansas", Some("USA")),
            ("Indianapolis police", None),
            ("New York-based RJR", None),
            ("officials in Washington", None),
            ("Sichuan provincial officials", Some("CHN")),
        ];
        for (text, want) in cases {
            let first = regions(text).next().map(|(_, _, state)| state);
            assert_eq!(first, want, "{text}");
        }
    }

    /// A region written as an office's place, not inside a name.
    #[test]
    fn office_regions_table() {
        let cases = [
            ("Gov. Jane Doe of Montana", Some("USA")),
            ("a Democrat from Ohio", Some("USA")),
            ("Nevada's governor", Some("USA")),
            ("the Florida senator", Some("USA")),
            ("Ohio Republican Sen. Ann Lowe", Some("USA")),
            ("Mayor Virginia Raggi", None),
            ("Montana rancher Jane Doe", None),
        ];
        for (text, want) in cases {
            assert_eq!(office_region(text), want, "{text}");
        }
    }

    #[test]
    fn legislators_table() {
        let cases = [
            ("Republican Sen. Jane Doe", Some("USALEG")),
            ("GOP Rep. John Roe", Some("USALEG")),
            ("Sen. John Roe of Florida", Some("USALEG")),
            ("Ohio Rep. Ann Lowe", Some("USALEG")),
            ("John Roe a Democrat from Ohio congressman", Some("USALEG")),
            ("an Ontario legislator", Some("CANLEG")),
            // a party word not before a member's title names nothing
            ("the Democratic Republic of Congo's envoy", None),
            ("Republican Guard commander", None),
            // a member with neither names no state; a region inside a name is no place, and
            // a capitalised word before the party word names another party
            ("Sen. John Roe", None),
            ("Sen. Virginia Roe", None),
            ("a Social Democratic lawmaker", None),
            ("the Florida senator", Some("USALEG")),
            // a region with no member's title is no legislator
            ("Gov. Jane Doe of Montana", None),
        ];
        for (words, want) in cases {
            assert_eq!(
                legislator(words).map(|f| f.code),
                want.map(str::to_string),
                "{words}"
            );
        }
    }
}
