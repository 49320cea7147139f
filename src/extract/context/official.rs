//! Named officials the text codes only through whom they speak for or through: a spokesman for a titled leader, a titled official quoted by a country's state media.

use super::{apposition_len, clause_tail, dateline_country, title_words_head, Article, Found};
use crate::extract::actors;
use crate::extract::words::strip_possessive;
use crate::model::{ActorMention, Claim, Span};
use once_cell::sync::Lazy;
use regex::Regex;

/// "OTTAWA (AP) — … said Marc Tremblay, a spokesman for Prime Minister Julie Fortin": a name
/// that nothing else codes, set off by an appositive naming one person's role "for" or "to" a
/// leader written with a state title alone ([`actors::state_title_role`]: "Prime Minister",
/// "President") and a name, speaks for the dateline's country in the title's role, as the
/// leader would ([`super::titled_by_dateline`]). A title with an origin of its own ("a
/// spokesman for Peruvian President X") is read by the rules that read that word.
pub(super) fn for_titled_leader(
    article: &Article,
    speaker: &str,
    named_by: usize,
    home: impl FnOnce(&str) -> Option<String>,
) -> Option<Found> {
    let body = article.body;
    let speaker = speaker.trim();
    let first = body.find(speaker).filter(|&f| f <= named_by)?;
    let rest = body[first + speaker.len()..].strip_prefix(", ")?;
    let apposition = &rest[..apposition_len(rest)];
    let words: Vec<&str> = apposition.split_whitespace().collect();
    let link = words.iter().position(|w| matches!(*w, "for" | "to"))?;
    // "a spokesman", "an adviser", "the chief spokeswoman": lower-case words ending in a role.
    let role_words = &words[..link];
    let lower = |w: &&str| w.chars().all(|ch| ch.is_lowercase() || ch == '-');
    if role_words.is_empty() || role_words.len() > 4 || !role_words.iter().all(lower) {
        return None;
    }
    if !crate::extract::claims::person_role(role_words.last()?) {
        return None;
    }
    let titled = &words[link + 1..];
    let capital =
        |w: &&str| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic);
    if titled.len() < 2 || !titled.iter().all(capital) {
        return None;
    }
    // The title is all but the last one to three words (the leader's name).
    let role = (1..titled.len())
        .rev()
        .filter(|&k| titled.len() - k <= 3)
        .find_map(|k| actors::state_title_role(&titled[..k]))?;
    Some(Found::of_country(home(role)?, role))
}

/// "A senior defense official told Pentagon reporters that …", "an official told reporters at
/// the State Department": a state institution named in the attribution's trailer, between the
/// cue and the content, is where an unnamed official speaks, whatever the dateline.
pub(super) fn at_institution(article: &Article, c: &crate::model::Claim) -> Option<Found> {
    let cue = c.cue_span?;
    let state = |m: &&ActorMention| {
        m.kind == crate::model::ActorKind::Organisation
            && m.country.as_deref().is_some_and(|k| k.len() == 3)
            && super::state_role(&m.code)
    };
    article
        .actors
        .iter()
        .filter(|m| m.span.start >= cue.start && m.span.end <= c.span.start)
        .find(state)
        .map(Found::from)
}

/// "judiciary spokesman Ali Bahrami said, according to the official IRNA news agency": a name
/// that nothing else codes, written after a title, in a sentence whose channel is a country's
/// own state media (a gazetteer organisation coded `…MED` with a country: "IRNA", "Xinhua",
/// "SANA"), speaks for that country's government. State media quote their own officials; a
/// foreign official they quote is written with his country, which codes him first.
pub(super) fn via_state_media(
    article: &Article,
    sentence: Span,
    speaker: Option<Span>,
) -> Option<Found> {
    let speaker = speaker?;
    let body = article.body;
    // The title is inside the speaker's words ("judiciary spokesman Ali Bahrami") or just
    // before them.
    let role = |w: &str| crate::extract::claims::person_role(&w.to_lowercase());
    let titled = body[speaker.start..speaker.end]
        .split_whitespace()
        .any(role)
        || title_words_head(body, speaker.start).is_some_and(|h| {
            h.chars().all(char::is_alphabetic)
                && clause_tail(&body[..speaker.start])
                    .split_whitespace()
                    .any(role)
        });
    if !titled {
        return None;
    }
    // "separatist leader Denis Pushilin was quoted by Interfax": a title of the camp against a
    // state is that camp's, never the government of the country whose media quote it; it
    // fights where the article places the fighting ([`place_of_conflict`]), else it is unknown.
    let camp = body[speaker.start..speaker.end]
        .split_whitespace()
        .chain(clause_tail(&body[..speaker.start]).split_whitespace())
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            crate::extract::claims::dateline_role(&w) == Some("REB")
        });
    if camp {
        return place_of_conflict(article).map(|c| Found::of_country(c, "REB"));
    }
    let inside = |m: &&ActorMention| {
        m.span.start >= sentence.start && m.span.end <= sentence.end && !m.span.overlaps(speaker)
    };
    let mut countries = article
        .actors
        .iter()
        .filter(inside)
        .filter(|m| m.code.ends_with("MED"))
        .filter_map(|m| m.country.as_deref().filter(|c| c.len() == 3));
    let country = countries.next()?;
    // Two countries' media in one sentence: which one carried the words is not clear.
    if countries.any(|c| c != country) {
        return None;
    }
    Some(Found::of_country(country.to_string(), "GOV"))
}

/// "TEHRAN (AP) — … Foreign Ministry spokesman Kamran Nouri told …": a name written right
/// after a description of an office and a person's role in it (`words`, the title words before
/// the name) speaks for the dateline's country, as an unnamed "ministry spokesman" would
/// ([`by_dateline`]): the last word is one person's role, a word before it is an office
/// of state or its military ("ministry", "army") or the camp against it ("rebel spokesman
/// Ali Musa": the dateline country's rebels; a photo credit's bracket, colon or slash before
/// the description ends it), and every word before the role is
/// capitalised or lower-case alike (no origin: "Hamas spokesman", "Peruvian army spokesman"
/// are read by the rules that read that word, which come first).
pub(super) fn described_title(
    words: &[&str],
    home: impl FnOnce(&str) -> Option<String>,
) -> Option<Found> {
    let (role, before) = words.split_last()?;
    // A bracket, a colon or a slash ends the description ("(Photo: AGENCY/Jo Roe) Rebel
    // commander Ali Musa": "Rebel"); every word of it must be plain.
    let cut = before
        .iter()
        .rposition(|w| w.contains(['(', ')', ':', '/']))
        .map_or(0, |k| k + 1);
    let office = &before[cut..];
    if office.is_empty() || office.len() > 3 {
        return None;
    }
    if !crate::extract::claims::person_role(&role.to_lowercase()) {
        return None;
    }
    let plain = |w: &&str| w.chars().all(|ch| ch.is_alphabetic() || ch == '-');
    if !office.iter().all(plain) {
        return None;
    }
    let side = office
        .iter()
        .find_map(|w| crate::extract::claims::dateline_role(&w.to_lowercase()))?;
    Some(Found::of_country(home(side)?, side))
}

/// The country an official written without one speaks for ([`by_dateline`] and the
/// titled rules), in `role`: the dateline's, unless the article never names that country as a
/// party and the sentence before the claim's (which starts at `sentence`) opens with another
/// state; then that state. A reporter filing from a hub ("MUSCAT", "GENEVA") about other
/// states' quarrel does not make the hub's country a speaker: "Iran rejected the accusation.
/// \"…,\" Foreign Ministry spokesman Hamid Rostami said" quotes the state just named. With no
/// dateline, the state just named too. The camp against a state (role `REB`) with neither is
/// the camp of the country the article places the fighting in ([`place_of_conflict`]): "a
/// rebel commander said" in copy about "rebels in eastern Ukraine".
pub(super) fn home_country(article: &Article, sentence: usize, role: &str) -> Option<String> {
    let home = match dateline_country(article) {
        Some(c) if named_as_party(article, &c) => Some(c),
        dateline => lead_in_state(article, sentence).or(dateline),
    };

    home.or_else(|| {
        (role == "REB")
            .then(|| place_of_conflict(article))
            .flatten()
    })
}

/// "…," Foreign Ministry spokeswoman Mao Lin told a regular briefing in Beijing": where the
/// claim's sentence, outside the claim's own words, places the speaking (a speech event or a
/// cue, then "in" and a place the gazetteer ties to a state: a capital, a country). A title
/// that names no state speaks for that state, over the dateline's ("WASHINGTON (AP) — …").
/// "The drone flew over sites in Beijing, the ministry said" places the drone, not the speaking.
pub(super) fn spoken_in(article: &Article, claim: &Claim) -> Option<String> {
    static SPOKEN_IN: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"\b(?:briefing|conference|statement|speech|interview|remarks|reporters|journalists|said|says|told|stated|announced|added|declared)\s+(?:on \w+ )?in\s+((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)?)")
            .expect("valid regex")
    });
    let body = article.body;
    let (sentence, content) = (claim.sentence_span, claim.span);
    let outside = [
        body.get(sentence.start..content.start.max(sentence.start))?,
        body.get(content.end.min(sentence.end)..sentence.end)?,
    ];
    outside.iter().find_map(|part| {
        let caps = SPOKEN_IN.captures(part)?;
        super::place_state(article, caps.get(1)?.as_str())?.country
    })
}

/// [`home_country`], else the country of the press that published the page when the page
/// names it as a party: where a name after a bare state title speaks from ("Defense Minister
/// Kim said" in a Seoul paper with no dateline). Only a titled name reads the publisher: "the
/// government" or "officials" in foreign copy are as often the story's country as the paper's.
pub(super) fn titled_home(article: &Article, sentence: usize, role: &str) -> Option<String> {
    home_country(article, sentence, role).or_else(|| {
        article
            .publisher
            .filter(|c| named_as_party(article, c))
            .map(str::to_string)
    })
}

/// Compass words that may stand between "in" and a country named as a place ("in eastern
/// Ukraine"): [`place_of_conflict`], and the place patterns of `local.rs`.
pub(super) const COMPASS: &[&str] = &[
    "eastern",
    "western",
    "northern",
    "southern",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "central",
];

/// The first country the article names as a place, by its own name after "in" and at most a
/// compass word ("in Mali", "in eastern Ukraine"; not a capital: talks "in Moscow" are no
/// place of fighting): where a camp that fights a state, named with no country, fights.
/// With no such place, a camp the article calls "<X>-backed" fights the state other than X
/// that the article names most ([`backed_against`]).
pub(super) fn place_of_conflict(article: &Article) -> Option<String> {
    place_named_in(article).or_else(|| backed_against(article))
}

/// "Russian-backed separatist leader X said …" in copy that names Russia and Ukraine but
/// places nothing "in" a country: a camp backed by one state fights another, the state other
/// than the backer that the article names most as an actor (the earliest on a tie). None
/// when the article names no "-backed" party, or no other state.
fn backed_against(article: &Article) -> Option<String> {
    let body = article.body;
    // The backer's word is no mention of its own ("Russian-backed" is one compound): the
    // gazetteer reads the word before the first "-backed".
    let at = body.find("-backed ")?;
    let word_start = body[..at]
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| i + 1);
    let found = actors::find_all(&body[word_start..at], actors::builtin_ref(), None);
    let backer = found.first()?.country.clone().filter(|c| c.len() == 3)?;
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for m in article.actors {
        let Some(c) = m
            .country
            .as_deref()
            .filter(|c| c.len() == 3 && *c != backer.as_str())
        else {
            continue;
        };
        if !(m.code.ends_with("GOV") || m.code.ends_with("MIL")) {
            continue;
        }
        match counts.iter_mut().find(|(k, _, _)| *k == c) {
            Some(e) => e.1 += 1,
            None => counts.push((c, 1, m.span.start)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first)))
        .map(|(c, _, _)| c.to_string())
}

/// [`place_of_conflict`]'s first reading: the first country named after "in".
fn place_named_in(article: &Article) -> Option<String> {
    let at_place = |m: &&ActorMention| {
        if m.text != m.name || m.country.as_deref().is_none_or(|c| c.len() != 3) {
            return false;
        }
        let mut before = article.body[..m.span.start].split_whitespace().rev();
        let mut word = before.next().unwrap_or("");
        if COMPASS.iter().any(|c| word.eq_ignore_ascii_case(c)) {
            word = before.next().unwrap_or("");
        }
        word == "in"
    };
    article
        .places
        .iter()
        .chain(article.actors)
        .filter(at_place)
        .min_by_key(|m| m.span.start)
        .and_then(|m| m.country.clone())
}

/// Whether the article names `country` as an actor, not only as a place: "the Gulf of Oman",
/// "the Sea of Japan" (a capitalised place word and "of" before the name) do not count.
pub(super) fn named_as_party(article: &Article, country: &str) -> bool {
    article.actors.iter().any(|m| {
        let before = article.body[..m.span.start].trim_end_matches(' ');
        let place = before.strip_suffix(" of").is_some_and(|b| {
            b.rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        });
        m.country.as_deref() == Some(country) && !place
    })
}

/// The state that opens the sentence before `sentence` ("Iran rejected the accusation."), as
/// its first words (after "But", "The" or "And"): a country, capital or government mention
/// coded with a country.
fn lead_in_state(article: &Article, sentence: usize) -> Option<String> {
    let m = lead_in(article, sentence)?;
    let state = m.code.ends_with("GOV") || m.code.ends_with("MIL");
    m.country.clone().filter(|c| c.len() == 3 && state)
}

/// The actor mention that opens the sentence before `sentence`, after "But", "The" or "And".
fn lead_in<'a>(article: &Article<'a>, sentence: usize) -> Option<&'a ActorMention> {
    let body = article.body;
    let before = body[..sentence].trim_end();
    // A sentence may close on a quotation's mark ("… expressed \"strong dissatisfaction.\"").
    let mut open = before
        .trim_end_matches(['.', '!', '?', '"', '\u{201D}', '\u{2019}', '\''])
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    open += body[open..].len() - body[open..].trim_start().len();
    for lead in ["But ", "And ", "The "] {
        if body[open..].starts_with(lead) {
            open += lead.len();
        }
    }
    article
        .actors
        .iter()
        .find(|m| m.span.start == open && m.span.end <= before.len())
}

/// "China's coast guard gave a starkly different account. In a statement, spokesperson Zhao
/// Ming said …": a name under a voice title alone (`voice` words of `claim_words.tsv`, only
/// `title_modifiers.tsv` words before it: no body, camp or origin written with it; or a state
/// title whose state is left out, "Foreign Ministry spokeswoman") speaks for the body or state that opens the sentence
/// before and replies or speaks there (`response` words, or a strong speech cue), as its
/// spokesperson.
pub(super) fn voice_of_lead(
    article: &Article,
    speaker: &str,
    named_by: usize,
    sentence: usize,
) -> Option<Found> {
    let title = super::roles::title_words(article.body, speaker, named_by);
    let words: Vec<&str> = title.split_whitespace().collect();
    let (last, rest) = words.split_last()?;
    // A ministry's voice whose state the title leaves out ("Foreign Ministry spokeswoman Lin
    // Hua") is a state title too: the state that just spoke is the one it leaves out.
    let modifier = |w: &&str| actors::title_modifier(w);
    let office =
        |w: &&str| actors::title_modifier(w) || actors::portfolio_word(w) || actors::state_body(w);
    let bare = rest.iter().all(modifier);
    let ministry = rest.iter().any(|w| actors::state_body(w)) && rest.iter().all(office);
    if !crate::extract::claims::voice_title(&last.to_lowercase()) || !(bare || ministry) {
        return None;
    }
    let m = lead_in(article, sentence)?;
    // The body replies in that sentence ("gave a starkly different account", "hit back"):
    // a sentence opening with the other party's act ("Chinese ships fired water cannon …")
    // lends the spokesperson nothing.
    let mut rest = article.body[m.span.end..].split_whitespace();
    let mut next = rest.next().unwrap_or("");
    if matches!(next, "in" | "at") {
        next = rest
            .find(|w| !w.starts_with(char::is_uppercase))
            .unwrap_or("");
    }
    // Or it speaks ("Turkey's foreign ministry said the craft was a research drone. "…,"
    // spokeswoman Selin Kaya said"): the spokesperson quoted next is the body's.
    // "Chile protested.": the verb may close the sentence.
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    let replies = crate::extract::claims::response_verb(next);
    if !replies && !crate::extract::claims::speech_verb(next) {
        return None;
    }
    if m.kind == crate::model::ActorKind::Person || m.code == actors::UNKNOWN_CODE {
        return None;
    }
    if bare {
        return Some(Found {
            code: m.code.clone(),
            country: m.country.clone(),
        });
    }
    // A ministry's voice is that state's ministry ("Peru's Defence Ministry said … Foreign
    // Ministry spokeswoman Rosa Quispe said": Peru's foreign ministry), read as the title
    // written with the state's name. Over a dateline whose state the article names, only a
    // state that replies lends its ministry ("WASHINGTON — Beijing protested. Foreign Ministry
    // spokeswoman …"): after a plain "said" ("BEIJING — The U.S. said the balloon spied.
    // Foreign Ministry spokeswoman Mao Ning said …") the title is the dateline state's.
    let home = dateline_country(article).filter(|c| named_as_party(article, c));
    if home.is_some() && !replies {
        return None;
    }
    let country = m.country.clone().filter(|c| c.len() == 3)?;
    let phrase = format!("{} {}", actors::country_name(&country)?, title.trim());
    let r = actors::resolve_speaker_on(&phrase, article.gazetteer, article.date)?;
    (r.country.as_deref() == Some(country.as_str())).then_some(Found {
        code: r.code,
        country: r.country,
    })
}

/// "WASHINGTON — … a senior official said", "MOSCOW (Reuters) - The military said": an
/// unnamed official, ministry or military whose words name no country speaks for the country
/// of the dateline's city (a capital or a city the gazetteer places).
pub(super) fn by_dateline(
    speaker: &str,
    home: impl FnOnce(&str) -> Option<String>,
) -> Option<Found> {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    // "the opposition National Democratic Alliance": a camp word before a body's name.
    if let [det, camp, name @ ..] = words.as_slice() {
        let role = crate::extract::claims::dateline_role(&camp.to_lowercase());
        if det.eq_ignore_ascii_case("the")
            && matches!(role, Some("OPP" | "REB"))
            && !name.is_empty()
            && name.iter().all(|w| w.starts_with(char::is_uppercase))
        {
            return Some(Found::of_country(home(role?)?, role?));
        }
    }
    let head = words.last()?.to_lowercase();
    let role = crate::extract::claims::dateline_role(&head);
    // "an Aleppo official", "a Hezbollah spokesman": a capitalised word names another origin
    // ("The Government", "The Ministry": the head itself may be capitalised), unless the
    // words name a state office ("The Foreign Ministry spokesman", "the Klaipeda State
    // Seaport Authority"), which needs no head of the dateline's lists.
    let modifiers = words.get(1..words.len().saturating_sub(1)).unwrap_or(&[]);
    let capitalised = modifiers.iter().any(|w| w.starts_with(char::is_uppercase));
    let office = (role.is_none() || capitalised) && state_office_name(&words);
    // "a rebel spokesman", "separatist officials", "a separatist leader": the camp against
    // the state speaks, under any role of a person or a body ("leader", "commander").
    let camp = words[..words.len() - 1]
        .iter()
        .any(|w| crate::extract::claims::dateline_role(&w.to_lowercase()) == Some("REB"))
        && (role.is_some() || crate::extract::claims::role_noun(&head));
    let role = if camp {
        "REB"
    } else {
        role.or_else(|| office.then_some("GOV"))?
    };
    // A capitalised word names another origin, but a camp against a state is that camp
    // whoever writes its origin ("a Ukranian rebel leader", misspelt: the rebels).
    if capitalised && !office && !camp {
        return None;
    }
    Some(Found::of_country(home(role)?, role))
}

/// "the Klaipeda State Seaport Authority said": a state office's own name
/// ([`state_office_name`]) speaks for the dateline's country, as [`by_dateline`] reads it.
pub(super) fn office_at_home(
    name: &str,
    home: impl FnOnce(&str) -> Option<String>,
) -> Option<Found> {
    if !state_office_name(&name.split_whitespace().collect::<Vec<_>>()) {
        return None;
    }
    by_dateline(name, home)
}

/// Whether capitalised words name a state office: a `state-body` word written with a capital
/// ("Foreign Ministry", "State Seaport Authority"), after nothing but capitalised words and a
/// determiner; an office other than a ministry only with a word that makes it public
/// ("National Cyber Security Centre", not "Aleppo Media Center", which may be anyone's).
fn state_office_name(words: &[&str]) -> bool {
    let Some(k) = words.iter().rposition(|w| {
        w.starts_with(char::is_uppercase)
            && actors::state_body(&w.to_lowercase())
            && !crate::extract::claims::person_role(&w.to_lowercase())
    }) else {
        return false;
    };
    let lower = |w: &&str| w.to_lowercase();
    let before: Vec<String> = words[..k].iter().map(lower).collect();
    let public = before.iter().any(|w| {
        matches!(
            w.as_str(),
            "national" | "state" | "federal" | "government" | "public"
        )
    });
    // A ministry is the state's by itself; any other office ("Andean Water Service", "Port
    // Authority") may be a company's or a region's unless a word makes it public.
    let state_by_itself = matches!(
        words[k].to_lowercase().as_str(),
        "ministry" | "cabinet" | "presidency" | "government"
    );
    let plain = words[..k]
        .iter()
        .enumerate()
        .all(|(i, w)| w.starts_with(char::is_uppercase) || (i == 0 && matches!(*w, "the" | "The")));
    // "The Gaza Health Ministry", "the Houthi-run Defence Ministry", "the Tigray Regional
    // Government": a place, a compound or a region's word makes it another authority's.
    let other = words
        .iter()
        .any(|w| w.contains('-') || actors::non_state(w))
        || !crate::extract::actors::find_all(&words[..k].join(" "), actors::builtin_ref(), None)
            .is_empty();
    plain && !other && (state_by_itself || public)
}

/// "Almaz Bek, a spokesman for the border service, said", "Ivo Ek, deputy minister of energy,
/// said", "said Ana Paz, the centre's director": an appositive that gives one person's role in
/// a state office (`state-body` words) and names no party (the rules before found no actor in
/// it) speaks for the dateline's country, as an unnamed official does: GOV, MIL when a word of
/// it is military ("the army's press office"), REB when one names a camp against the state.
/// An office of another kind ("a spokesman for the hospital", "director of the Centre for
/// Eastern Studies": an organisation's word, or "for" after the office but before a portfolio,
/// as in "the Minister for Information") lends nothing.
pub(super) fn appositive_at_home(
    appositive: &str,
    home: impl FnOnce(&str) -> Option<String>,
) -> Option<Found> {
    // Each word lowercased, without its possessive ending, and whether it had one.
    let read: Vec<(String, bool)> = appositive
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            match strip_possessive(w) {
                Some(owner) => (owner.to_lowercase(), true),
                None => (w.to_lowercase(), false),
            }
        })
        .collect();
    // "the hospital's casualty department", "the company's press office": an office of a
    // body that is no state office is that body's.
    let foreign_owner = read.iter().any(|(o, owns)| {
        *owns && !actors::state_body(o) && crate::extract::claims::dateline_role(o).is_none()
    });
    if foreign_owner {
        return None;
    }
    let words: Vec<String> = read.into_iter().map(|(w, _)| w).collect();
    if words.is_empty()
        || words.len() > 10
        || words
            .iter()
            .any(|w| actors::non_state(w) || w.contains('-'))
    {
        return None;
    }
    let office = words.iter().position(|w| actors::state_body(w))?;
    let person = words.iter().any(|w| crate::extract::claims::person_role(w));
    // "for" after the office names another body ("director of the Centre for Eastern
    // Studies"), unless only a portfolio follows it ("the Minister for Information").
    let after_for = words[office + 1..]
        .iter()
        .position(|w| w == "for")
        .map(|k| &words[office + 2 + k..]);
    let portfolio_only = |rest: &[String]| {
        !rest.is_empty() && rest.iter().all(|w| w == "and" || actors::portfolio_word(w))
    };
    if !person || after_for.is_some_and(|rest| !portfolio_only(rest)) {
        return None;
    }
    let other_body = words.iter().any(|w| {
        (crate::extract::claims::body_head(w) || crate::extract::claims::org_role(w))
            && !actors::state_body(w)
            && crate::extract::claims::dateline_role(w).is_none()
    });
    if other_body {
        return None;
    }
    let roles: Vec<&str> = words
        .iter()
        .filter_map(|w| crate::extract::claims::dateline_role(w))
        .collect();
    let role = if roles.contains(&"REB") {
        "REB"
    } else if roles.contains(&"MIL") {
        "MIL"
    } else {
        "GOV"
    };
    Some(Found::of_country(home(role)?, role))
}

/// "MANILA, Philippines — … Defense Secretary Antonio Lacson said": a state title written
/// alone before a name, which `titles.tsv` gives the United States by a convention of English
/// copy ("defense secretary", "secretary of state"), names the officer of the dateline's
/// country when that country is a party of the article and another than the convention's,
/// and the article names no United States party (a visiting secretary stays American).
/// A written origin ("U.S. Defense Secretary") is no title alone and keeps its reading.
pub(super) fn convention_title_at_home(
    article: &Article,
    claim: &crate::model::Claim,
) -> Option<Found> {
    let code = claim.actor_code.as_deref()?;
    let named_by = claim.speaker_span?.end;
    let words = super::roles::title_through_ranks(article.body, &claim.speaker, named_by);
    let run = super::roles::capitalised_run(&words);
    if run == 0 || run < words.len() && words[words.len() - run - 1].starts_with(char::is_uppercase)
    {
        return None;
    }
    let title = &words[words.len() - run..];
    if actors::state_title_default(title)? != code {
        return None;
    }
    // The words are read within a clause, and "U.S." ends one: look at the word before the
    // title in the text itself.
    let first = article.body.find(claim.speaker.trim())?;
    let before = article.body[..first].trim_end();
    let at_title = before.rfind(title[0])?;
    let origin = article.body[..at_title]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| {
            // "U.S." is an origin; "Chile." ends the sentence before.
            let end_of_sentence = w.ends_with('.') && !w[..w.len() - 1].contains('.');
            w.starts_with(char::is_uppercase) && !end_of_sentence
        });
    if origin {
        return None;
    }
    // An American official in copy filed abroad is still American: only an article that names
    // no United States party reads the title as the dateline country's.
    // The title's own hit (its default code) is no mention of the United States.
    let own = |m: &&ActorMention| m.span.start >= at_title && m.span.start < named_by;
    if article
        .actors
        .iter()
        .any(|m| m.country.as_deref() == Some("USA") && !own(&m))
    {
        return None;
    }
    let home = dateline_country(article).filter(|c| named_as_party(article, c))?;
    let role = actors::state_title_role(title)?;
    (!code.starts_with(home.as_str())).then(|| Found::of_country(home, role))
}

/// Most words of a description written before a name ([`description_before_name`]).
const DESCRIPTION_WORDS: usize = 10;

/// Capitalised words that open a clause before a name, not a description of the person.
const DESCRIPTION_NON_OPENERS: &[&str] = &[
    "after",
    "before",
    "asked",
    "speaking",
    "in",
    "on",
    "at",
    "during",
    "following",
    "despite",
    "with",
    "for",
    "when",
    "while",
    "as",
    "since",
    "unlike",
    "like",
    "earlier",
    "later",
];

/// Words that mark a state no one recognises when a state-like noun follows them.
const SELF_PROCLAIMED: &[&str] = &["self-proclaimed", "self-declared", "breakaway"];

/// State-like nouns a [`SELF_PROCLAIMED`] word may qualify.
const STATE_LIKE: &[&str] = &[
    "republic",
    "republics",
    "region",
    "state",
    "government",
    "authorities",
    "entity",
    "territory",
];

/// "Earlier, the OSCE's permanent council chairman, Thomas Gruber, told Reuters …", "The prime
/// minister of the self-proclaimed Northern Republic, Ivan Petrenko, said …": a description
/// written before a name and a comma, where the name is first written, names whom the person
/// speaks for: the body or state whose possessive opens a person's role ("the OSCE's …
/// chairman"), or, with a camp word ("self-proclaimed", "separatist"), the camp against the
/// state ([`home_country`] in role REB). `at` is the end of the claim's own mention of the
/// name: only mentions up to it are read.
pub(super) fn description_before_name(
    article: &Article,
    name: &str,
    at: usize,
    home: impl FnOnce(&str) -> Option<String>,
) -> Option<Found> {
    let body = article.body;
    // The name's first mention between commas, up to the claim's own (spaces as written:
    // "(DPR),  Ivan Petrov,").
    let p = body
        .match_indices(name)
        .take_while(|&(i, _)| i < at)
        .find_map(|(i, _)| {
            let before = body[..i].trim_end();
            let closed = body[i + name.len()..].starts_with(',');
            (before.len() < i && before.ends_with(',') && closed).then(|| before.len() - 1)
        })?;
    let desc = clause_tail(&body[..p]);
    let start = p - desc.len();
    let words: Vec<&str> = desc.split_whitespace().collect();
    if words.is_empty() || words.len() > DESCRIPTION_WORDS {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // A description opens on a determiner or a capitalised title ("the OSCE's …", "Prime
    // minister of …"), not on a preposition or a participle ("After meeting Jordan's king,",
    // "Asked about the separatist leader,").
    let first = lower[0].as_str();
    let opens = matches!(first, "the" | "a" | "an")
        || (words[0].starts_with(char::is_uppercase)
            && !DESCRIPTION_NON_OPENERS.contains(&first)
            && !first.ends_with("ing")
            && !first.ends_with("ed"));
    if !opens {
        return None;
    }
    let person = |w: &String| crate::extract::claims::person_role(w);
    if lower.last().is_some_and(person) {
        let owner = article.actors.iter().find(|m| {
            m.span.start >= start
                && m.span.end <= p
                && m.kind != crate::model::ActorKind::Person
                && !m.code.is_empty()
                && m.code != actors::UNKNOWN_CODE
                && (body[m.span.end..].starts_with("'s") || body[m.span.end..].starts_with("’s"))
        });
        if let Some(m) = owner {
            return Some(Found::from(m));
        }
    }
    // "The prime minister, Jane Roe, said": a state title alone after "the" is the home
    // country's, as a title written right before the name is (`titled_by_dateline`).
    if first == "the" && words.len() > 1 {
        if let Some(role) = actors::state_title_role(&words[1..]) {
            return Some(Found::of_country(home(role)?, role));
        }
    }
    // A rebel word, or a self-proclaimed state ("the self-declared … Republic"): a
    // self-proclaimed person ("the self-proclaimed interim president") is no camp.
    let rebel = lower
        .iter()
        .any(|w| crate::extract::claims::dateline_role(w) == Some("REB"));
    let unrecognised = lower.iter().enumerate().any(|(k, w)| {
        SELF_PROCLAIMED.contains(&w.as_str())
            && lower[k + 1..]
                .iter()
                .take(4)
                .any(|n| STATE_LIKE.contains(&n.trim_matches(|c: char| !c.is_alphabetic())))
    });
    if (rebel || unrecognised) && lower.iter().any(person) {
        return Some(Found::of_country(home("REB")?, "REB"));
    }
    None
}
/// "Rashid Omar, the military spokesman for the group, said": an appositive that ends in a
/// role, "for" or "of", "the" and a word referring back to an armed camp (`camp-reference`:
/// group, movement, militia) speaks for the nearest armed camp (REB, INS, NSA) the article
/// named before the name; "a critic of the group" holds no office in it.
pub(super) fn camp_referent<'a>(
    body: &str,
    actors: &'a [ActorMention],
    (s, e): (usize, usize),
    first: usize,
) -> Option<&'a ActorMention> {
    let words: Vec<&str> = body
        .get(s..e)?
        .split_whitespace()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let [.., role, of, the, noun] = words.as_slice() else {
        return None;
    };
    // A voice or an office in the camp, not a person who only has views on it ("a critic").
    let voice = crate::extract::claims::voice_title(role)
        || matches!(
            role.to_lowercase().as_str(),
            "leader" | "commander" | "chief" | "head" | "member" | "official" | "negotiator"
        );
    if !voice
        || !matches!(of.to_ascii_lowercase().as_str(), "for" | "of")
        || !the.eq_ignore_ascii_case("the")
        || !crate::extract::claims::camp_reference(noun)
    {
        return None;
    }
    let camp = |m: &&ActorMention| {
        crate::extract::actors::ARMED_CAMP_ROLES
            .iter()
            .any(|r| m.code.len() == 6 && m.code.ends_with(r))
    };
    actors
        .iter()
        .filter(|m| super::usable(m) && m.span.end <= first && camp(m))
        .max_by_key(|m| m.span.start)
}
/// "A pro-regime website", "pro-government media": an outlet "pro" the regime or government
/// the article speaks of speaks for that government: the country of the first coded mention
/// written before "regime" ("the Assad regime", "Syrian regime forces").
pub(super) fn by_regime(article: &Article, speaker: &str) -> Option<Found> {
    let lower = speaker.to_lowercase();
    if !(lower.contains("pro-regime") || lower.contains("pro-government")) {
        return None;
    }
    let body = article.body;
    let m = article.actors.iter().find(|m| {
        let followed = body.get(m.span.end..).is_some_and(|rest| {
            rest.trim_start_matches(['\'', '’', 's', ' '])
                .starts_with("regime")
        });
        super::usable(m)
            && m.country.as_deref().is_some_and(|c| c.len() == 3)
            && (m.text.to_lowercase().ends_with("regime") || followed)
    })?;
    Some(Found::of_country(m.country.clone()?, "GOV"))
}

/// "The North quickly responded", "the South's navy said": in copy that names a state called
/// "North …" or "South …" (North Korea, South Sudan), the compass word alone, capitalised, is
/// that state, the short name reporters use after the first mention. Copy naming no such
/// state reads nothing here ("the South" of a country is a region).
pub(super) fn compass_state(article: &Article, speaker: &str) -> Option<Found> {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let word = match words.as_slice() {
        [the, w] if the.eq_ignore_ascii_case("the") => *w,
        [w] => *w,
        _ => return None,
    };
    let word = strip_possessive(word).unwrap_or(word);
    if !matches!(word, "North" | "South") {
        return None;
    }
    let prefix = format!("{word} ");
    let m = article
        .actors
        .iter()
        .find(|m| super::usable(m) && m.name.starts_with(&prefix) && m.code.ends_with("GOV"))?;
    Some(Found::from(m))
}
