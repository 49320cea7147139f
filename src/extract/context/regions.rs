//! First-level regions ("Montana", "Ontario") and party words ("Republican Sen.") place a local office or a member of a legislature in its state (`regions.tsv`, `party_words.tsv`).

use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;

use super::roles::title_words;
use super::{appositive_of, Article, Found};
use crate::extract::claims::{legislator_title, local_office};

/// Region names (one automaton, longest first: "West Virginia" over "Virginia") and their states.
static REGIONS: Lazy<(AhoCorasick, Vec<&'static str>)> = Lazy::new(|| {
    let rows = crate::data::REGIONS.rows();
    let names: Vec<&'static str> = rows.iter().map(|r| r.col(0).trim()).collect();
    let states = rows.iter().map(|r| r.col(1).trim()).collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(names)
        .expect("region names");
    (ac, states)
});

/// Party word → actor code, from `party_words.tsv`.
static PARTY_WORDS: Lazy<Vec<(&'static str, &'static str)>> = Lazy::new(|| {
    crate::data::PARTY_WORDS
        .rows()
        .into_iter()
        .map(|r| (r.col(0).trim(), r.col(1).trim()))
        .collect()
});

/// The state of the first region written in `text` as whole words: "Gov. Jane Doe of
/// Montana" → USA; "Arkansas" is no "Kansas", "Indianapolis" no "Indiana".
pub(super) fn region_state(text: &str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    REGIONS
        .0
        .find_iter(text)
        .find(|m| {
            let before = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
            // "New York-based RJR" places a firm, not an office.
            let after = bytes
                .get(m.end())
                .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-');
            before && after
        })
        .map(|m| REGIONS.1[m.pattern().as_usize()])
}

/// A member of a legislature, from the words written with the name (`words`: its title, its
/// own words and its appositive): a legislator's title (`legislator` words of
/// `claim_words.tsv`) with a party word right before it ("Republican Sen. Jane Doe") takes
/// the party's code; else a region anywhere in the words ("Sen. John Roe of Florida", "Ohio
/// Rep. Ann Lowe", "…, a Democrat from Ohio") places the member in that region's state (LEG).
pub(super) fn legislator(words: &str) -> Option<Found> {
    let tokens: Vec<&str> = words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let at = tokens
        .iter()
        .position(|w| legislator_title(&w.to_lowercase()))?;
    let party = at
        .checked_sub(1)
        .and_then(|p| PARTY_WORDS.iter().find(|(w, _)| *w == tokens[p]));
    if let Some((_, code)) = party {
        return Some(Found {
            code: code.to_string(),
            country: code.get(..3).map(str::to_string),
        });
    }
    let state = region_state(words)?;
    Some(Found::of_country(state.to_string(), "LEG"))
}

/// A governor or mayor of a region ("Montana Gov. Jane Doe", "Gov. Jane Doe of Montana"):
/// a local office (`local-office` words of `claim_words.tsv`) in the words and a region
/// places the office in the region's state (GOV).
fn local_officer(words: &str) -> Option<Found> {
    let office = words
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| local_office(&w.to_lowercase()));
    let state = region_state(words).filter(|_| office)?;
    Some(Found::of_country(state.to_string(), "GOV"))
}

/// [`legislator`] or [`local_officer`] for a speaker: the title words before the name where it is first written
/// and the speaker's own words, else the opening of the name's appositive ("…, a Republican
/// senator from Ohio,"). A title later in the appositive is someone else's ("…, a past backer
/// of Kentucky Sen. Rand Paul,").
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
                // a sentence's end stops the words, a title's dot does not
                let bare = w.trim_end_matches('.').to_lowercase();
                let title = legislator_title(&bare) || local_office(&bare);
                if w.ends_with(['.', '!', '?']) && !title {
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
    use super::{legislator, region_state};

    #[test]
    fn regions_table() {
        let cases = [
            ("Gov. Jane Doe of Montana", Some("USA")),
            ("West Virginia Gov. Jane Doe", Some("USA")),
            ("an Ontario legislator", Some("CAN")),
            ("officials in Arkansas", Some("USA")),
            ("Indianapolis police", None),
            ("New York-based RJR", None),
            ("the Georgian foreign ministry", None),
            ("Sichuan provincial officials", Some("CHN")),
        ];
        for (text, want) in cases {
            assert_eq!(region_state(text), want, "{text}");
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
            // a member with neither names no state
            ("Sen. John Roe", None),
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
