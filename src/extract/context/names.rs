//! Names: whether a speaker is a person's name, and which coded speaker, described person or full name written earlier in the article a name (or a surname alone) refers to.

use super::{Claim, Found, UNKNOWN_CODE};

/// The same name coded earlier in the article; for a surname alone ("Chikore said") or a full
/// name, the last coded speaker's phrase that ends in it ("Opposition leader Tatenda Chikore").
///
/// ```text
/// "Peruvian Ambassador to the UN Ana Ruiz said …. Ruiz told the council …"  -> Ruiz is PERGOV
/// ```
pub(super) fn same_speaker(coded: &[(usize, String, Found)], lower: &str) -> Option<Found> {
    // A surname, or a full name, at the end of a coded speaker's phrase ("British ambassador
    // to the UN Jonathan Allen" … "Allen told the council").
    let surname = (lower.len() > 2).then(|| format!(" {lower}"));
    coded
        .iter()
        .rev()
        .find(|(_, speaker, _)| speaker == lower)
        .or_else(|| {
            let tail = surname?;
            coded
                .iter()
                .rev()
                .find(|(_, speaker, _)| speaker.ends_with(&tail))
        })
        .map(|(_, _, f)| f.clone())
}

/// "But its use does not mean Russia was to blame, a former Kremlin adviser told Sky News.
/// Alexander Nekrasoff said …": a name the gazetteer does not know, in the sentence right
/// after a claim by an indefinite description, is that description's person. So is a name
/// first written there after a described person ("Algeria's foreign minister on Wednesday
/// dismissed … ¶ "…," Rachid Ouali told a press conference": a role noun's head, no name).
pub(super) fn introduced(
    body: &str,
    before: Option<&Claim>,
    sentence: usize,
    name: &str,
) -> Option<Found> {
    let b = before?;
    let lower = b.speaker.trim().to_lowercase();
    let indefinite = lower.starts_with("a ") || lower.starts_with("an ");
    // The name is first written here: a person the article named before ("spokeswoman
    // Selin Kaya said …" then, after "a Greek official said …", "Kaya said") is that person,
    // not the description just before.
    let first = body.find(name.trim());
    let first_here = first.is_some_and(|f| f >= sentence);
    let described = !is_name(&b.speaker)
        && lower
            .rsplit(' ')
            .next()
            .is_some_and(crate::extract::claims::person_role)
        && first.is_some_and(|f| f >= sentence && bare(body, f, name.trim()))
        && !name
            .split_whitespace()
            .last()
            .is_some_and(|w| crate::extract::claims::body_head(&w.to_lowercase()));
    let code = b.actor_code.clone().filter(|x| x != UNKNOWN_CODE)?;
    let between = body.get(b.sentence_span.end..sentence)?;
    (((indefinite && first_here) || described) && between.trim().is_empty()).then(|| Found {
        code,
        country: b.country.clone(),
    })
}

/// "Peter Susko", "Mr Nekrasoff": capitalised words only, at least two, no article.
pub(super) fn is_name(speaker: &str) -> bool {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // After the first word a name may hold particles: "Jeroen van Dalen", "Bashar al-Assad".
    let particle = |w: &&str| {
        crate::extract::claims::is_name_particle(w)
            || ["al-", "el-", "ad-", "as-", "ash-", "bin-"]
                .iter()
                .any(|p| {
                    w.strip_prefix(p)
                        .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
                })
    };
    words.len() >= 2
        && capital(&words[0])
        && words[1..].iter().all(|w| capital(w) || particle(w))
        && !words.last().is_some_and(|w| crate::extract::claims::is_name_particle(w))
        // A determiner or possessive opens a description ("The Kremlin", "Our Standards").
        && !matches!(
            words[0],
            "The" | "A" | "An" | "Our" | "Their" | "His" | "Her" | "Its" | "My" | "Your"
        )
}

/// A single capitalised word that is no pronoun or function word ("Al-Masdar", "Interfax").
pub(super) fn one_word_name(speaker: &str) -> bool {
    let w = speaker.trim();
    !w.contains(char::is_whitespace)
        && w.len() > 2
        && w.starts_with(char::is_uppercase)
        && w.chars().skip(1).any(char::is_lowercase)
        && !crate::extract::claims::is_pronoun_or_function(w)
}

/// "Opposition candidate Tatenda Chikore of the NDA took 39 percent … \"…,\" Chikore said": the
/// full name a surname alone refers to, where it is first written before `at` (a capitalised
/// first name right before the surname, no title word), with the end of that mention, so the
/// rules that read a name's title and appositive read them where the name was introduced.
pub(super) fn full_name_before(body: &str, surname: &str, at: usize) -> Option<(String, usize)> {
    let surname = surname.trim();
    if !one_word_name(surname) {
        return None;
    }
    let head = body.get(..at)?;
    head.match_indices(surname)
        .find_map(|(i, _)| {
            let end = i + surname.len();
            let before = head[..i].strip_suffix(' ')?;
            let whole = !head[end..].starts_with(|c: char| c.is_alphanumeric());
            let first = before.rsplit(char::is_whitespace).next()?;
            let name_like = first.len() > 1
                && first.starts_with(char::is_uppercase)
                && first.chars().all(char::is_alphabetic)
                && first.chars().skip(1).any(char::is_lowercase)
                && !crate::extract::claims::person_role(&first.to_lowercase())
                && crate::extract::actors::state_title_role(&[first]).is_none();
            (whole && name_like).then(|| (format!("{first} {surname}"), end))
        })
        .or_else(|| given_name_before(head, surname))
}

/// "Prince Khalid bin Salman, the ambassador, said … Prince Khalid said": a one-word name that
/// was first written before a name particle and a capitalised name ("Khalid bin Salman") is
/// that person's given name; the full name, and the end of that mention.
fn given_name_before(head: &str, given: &str) -> Option<(String, usize)> {
    head.match_indices(given).find_map(|(i, _)| {
        let end = i + given.len();
        let opens = i == 0 || !head[..i].ends_with(|c: char| c.is_alphanumeric());
        let rest = head[end..].strip_prefix(' ')?;
        let mut words = rest.split(' ');
        let particle = words.next()?;
        let family = words
            .next()?
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let named = crate::extract::claims::is_name_particle(particle)
            && family.len() > 1
            && family.starts_with(char::is_uppercase)
            && family.chars().all(|c| c.is_alphabetic() || c == '-');
        (opens && named).then(|| {
            let full = format!("{given} {particle} {family}");
            (full.clone(), i + full.len())
        })
    })
}

/// The name at `at` stands bare: no appositive after it ("Jay Soto, a coast guard
/// spokesman"), no capitalised title word before it.
fn bare(body: &str, at: usize, name: &str) -> bool {
    let after = &body[at + name.len()..];
    let before = body[..at].trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    !after.starts_with(',') && !word.starts_with(char::is_uppercase)
}

/// "The National Cyber Security Centre (NKSC) said … NKSC said": the long name an acronym
/// speaker stands for, where the article first defines it in brackets before `at` (the
/// capitalised words right before the bracket, after "the" or a sentence's start).
pub(super) fn acronym_defined(body: &str, acronym: &str, at: usize) -> Option<String> {
    let acronym = acronym.trim();
    let letters = acronym.chars().count();
    if !(2..=8).contains(&letters) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let open = body.find(&format!(" ({acronym})")).filter(|&o| o < at)?;
    let words: Vec<&str> = body[..open]
        .rsplit(char::is_whitespace)
        .take_while(|w| w.starts_with(char::is_uppercase) && !w.ends_with(['.', ',', ':', ';']))
        .collect();
    (words.len() >= 2).then(|| words.into_iter().rev().collect::<Vec<_>>().join(" "))
}

/// "Naftogaz, Ukraine's state energy company, said": a one-word name set off by an appositive
/// that names a party is that party's: the first coded mention inside the appositive after the
/// name's first occurrence before `at` (only the appositive: a one-word name has no title).
pub(super) fn one_word_appositive(
    body: &str,
    actors: &[crate::model::ActorMention],
    speaker: &str,
    at: usize,
) -> Option<Found> {
    if !one_word_name(speaker) {
        return None;
    }
    let (s, e) = super::appositive_of(body, speaker.trim(), at)?.1?;
    actors
        .iter()
        .filter(|m| super::usable(m) && m.span.start >= s && m.span.end <= e)
        .min_by_key(|m| m.span.start)
        .map(Found::from)
}

#[cfg(test)]
mod tests {
    use super::full_name_before;

    /// A surname alone finds the full name where it was first written: a capitalised first
    /// name right before it, not a title word; a name written only after it is not found.
    #[test]
    fn a_surname_finds_its_full_name() {
        let body = "Opposition candidate Rosa Quispe of the Andean Front took 39 percent. Minister Quispe said so. \"No,\" Quispe said.";
        let at = body.rfind("Quispe said").unwrap();
        let cases: &[(&str, usize, Option<&str>)] = &[
            ("Quispe", at, Some("Rosa Quispe")),
            // only "Minister Quispe" before: a title is no first name
            (
                "Quispe",
                body.find("Minister").unwrap() + 20,
                Some("Rosa Quispe"),
            ),
            ("Quispe", body.find("Rosa").unwrap(), None),
            ("Andean", at, None),
        ];
        for (surname, at, want) in cases {
            let got = full_name_before(body, surname, *at).map(|(n, _)| n);
            assert_eq!(got.as_deref(), *want, "{surname} before {at}");
        }
        let body = "Minister Ana Soto spoke. Minister Soto said no.";
        let at = body.rfind("Soto").unwrap() + 1;
        assert_eq!(
            full_name_before(body, "Soto", at)
                .map(|(n, _)| n)
                .as_deref(),
            Some("Ana Soto")
        );
        let body = "Minister Soto said no. \"No,\" Soto said.";
        assert_eq!(full_name_before(body, "Soto", body.len()), None);
        // a given name first written before a name particle and a family name
        let body = "Prince Faisal bin Turki, the ambassador, spoke. Prince Faisal said no.";
        assert_eq!(
            full_name_before(body, "Faisal", body.len())
                .map(|(n, _)| n)
                .as_deref(),
            Some("Faisal bin Turki")
        );
        let body = "Faisal and the minister spoke. Faisal said no.";
        assert_eq!(full_name_before(body, "Faisal", body.len()), None);
    }
}
