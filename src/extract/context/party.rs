//! Party-and-state tags after a legislator's name ("Rep. Jane Doe (D-Ore.)", "Sen. John Roe, R-Ky.,") give the legislature's state (`party_tags.tsv`).

use once_cell::sync::Lazy;
use regex::Regex;

use super::Found;
use crate::model::Span;

/// Party letter → actor code, from `party_tags.tsv`.
static PARTIES: Lazy<Vec<(&'static str, &'static str)>> =
    Lazy::new(|| crate::data::PARTY_TAGS.pairs());

/// A tag right after a word: an opening bracket or a comma, the party letter, a hyphen, a
/// state abbreviation or name of at most two words ("Calif.", "S.C.", "N.Y.", "Texas", "New
/// York", "CA"), and a closing bracket or comma, or the sentence's end after a state abbreviated
/// with a dot ("…, said Sen. John Roe, R-Ky."; group 3 marks it, and "D-Day veteran" is no
/// tag). Group 1 is the party letter.
static TAG: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^\s?[(,]\s?([A-Z])-([A-Z][A-Za-z.]{0,12}(?: [A-Z][A-Za-z.]{0,12})?)(?:[),]|(\s|$))",
    )
    .expect("valid party tag pattern")
});

/// The code a tag at the start of `text` gives ("(D-Calif.) said" → USALEG).
fn tag_at(text: &str) -> Option<Found> {
    let caps = TAG.captures(text)?;
    if caps.get(3).is_some() && !caps.get(2)?.as_str().ends_with('.') {
        return None;
    }
    let party = caps.get(1)?.as_str();
    let code = PARTIES.iter().find(|(p, _)| *p == party)?.1;
    Some(Found {
        code: code.to_string(),
        country: code.get(..3).map(str::to_string),
    })
}

/// "Rep. Jane Doe (D-Ore.) said", "Sen. John Roe, R-Ky., said": a tag written inside the
/// speaker's words, after its last capitalised word, or right after them.
pub(super) fn tagged_speaker(body: &str, speaker: Span) -> Option<Found> {
    let words = body.get(speaker.start..speaker.end)?;
    // The tag follows a word of the name: the first bracket or comma after a letter or a dot.
    let inside = words
        .char_indices()
        .filter(|&(i, c)| (c == '(' || c == ',') && i > 0)
        .find_map(|(i, _)| {
            let before = words[..i].trim_end();
            // The tag may close after the speaker's words ("Sen. John Roe, R-Ky.": the comma
            // after the state is outside them).
            before
                .ends_with(|c: char| c.is_alphabetic() || c == '.')
                .then(|| tag_at(body.get(speaker.start + before.len()..)?))
                .flatten()
        });
    inside.or_else(|| tag_at(body.get(speaker.end..)?))
}

/// "Doe said" after "Jane Doe (D-Ore.), who chairs …": the tag after the name where the article
/// wrote it in full (`end`: the end of that mention), else after any earlier mention of `name`
/// before `at`.
pub(super) fn tag_after(body: &str, name: &str, end: usize, at: usize) -> Option<Found> {
    tag_at(body.get(end..)?).or_else(|| {
        let name = name.trim();
        body.get(..at)?
            .match_indices(name)
            .find_map(|(i, _)| tag_at(body.get(i + name.len()..)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence, speaker words, code the tag gives or "-").
    const CASES: &[(&str, &str, &str)] = &[
        (
            "Rep. Jane Doe (D-Ore.) said the sale was a mistake.",
            "Rep. Jane Doe (D-Ore.)",
            "USALEG",
        ),
        (
            "Rep. Jane Doe (D-Ore.) said the sale was a mistake.",
            "Rep. Jane Doe",
            "USALEG",
        ),
        (
            "Sen. John Roe, R-Ky., said the strike was lawful.",
            "Sen. John Roe",
            "USALEG",
        ),
        (
            "Sen. John Roe, R-Ky., said the strike was lawful.",
            "Sen. John Roe, R-Ky.",
            "USALEG",
        ),
        ("Sen. Ann Poe (I-Vt.) said it.", "Sen. Ann Poe", "USALEG"),
        ("Rep. Al Moe (R-N.Y.) said it.", "Rep. Al Moe", "USALEG"),
        ("Rep. Al Moe (D-New York) said it.", "Rep. Al Moe", "USALEG"),
        ("Rep. Al Moe (R-TX) said it.", "Rep. Al Moe", "USALEG"),
        ("Rep. Al Moe (R-W.Va.) said it.", "Rep. Al Moe", "USALEG"),
        // no tag: a bracketed acronym, a bracketed year, an appositive
        ("The agency (IAEA) said it.", "The agency", "-"),
        ("Jane Doe (2019) said it.", "Jane Doe", "-"),
        ("Jane Doe, a senator, said it.", "Jane Doe", "-"),
        // a letter the table does not know
        ("Jane Doe (X-Calif.) said it.", "Jane Doe", "-"),
        // a hyphenated name in brackets is no tag: it must close after the state
        ("Jane Doe (U-boat commander) said it.", "Jane Doe", "-"),
        // at the sentence's end, after a state abbreviated with a dot
        (
            "It was lawful, said Sen. John Roe, R-Ky.",
            "Sen. John Roe",
            "USALEG",
        ),
        (
            "It was lawful, said John Roe, D-Day veteran.",
            "John Roe",
            "-",
        ),
    ];

    #[test]
    fn tags_after_a_name() {
        for (sentence, speaker, want) in CASES {
            let start = sentence.find(speaker).expect("speaker in sentence");
            let span = Span::new(start, start + speaker.len());
            let got = tagged_speaker(sentence, span).map_or("-".to_string(), |f| f.code);
            assert_eq!(got, *want, "{sentence:?} / {speaker:?}");
        }
    }

    #[test]
    fn a_surname_reads_the_tag_where_the_name_was_written() {
        let body = "Rep. Jane Doe (D-Ore.), who chairs the panel, wrote to the envoy. Doe said";
        let end = body.find(" (D-").unwrap();
        let at = body.rfind("Doe").unwrap();
        let code = |name: &str, end: usize| tag_after(body, name, end, at).map(|f| f.code);
        assert_eq!(code("Doe", end).as_deref(), Some("USALEG"));
        // the coreferred full name, read from the later mention
        assert_eq!(code("Jane Doe", at + 3).as_deref(), Some("USALEG"));
        assert_eq!(code("John Roe", at + 3), None);
    }
}
