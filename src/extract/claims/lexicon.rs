//! The attribution lexicons: cue verbs and phrases (`cues.tsv`), role nouns (`attrib_roles.tsv`)
//! and the word lists that bound speaker phrases, each read once from `crate::data`.

use crate::extract::fxhash::FxHashMap;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;

/// What a cue row detects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
    Speech,
    Denial,
    Accusation,
    Belief,
    /// "according to": the source follows the phrase.
    SourcePhrase,
    /// "quoted"/"cited": only with "as saying" after the quoted person.
    QuotedAs,
    /// "in a statement", "told reporters"-like modifiers: extend an adjacent cue, never trigger.
    Channel,
    /// "Moscow's claim that ...": a noun cue after a possessive speaker.
    Noun,
}

#[derive(Debug, Clone)]
pub(super) struct CueRow {
    pub(super) kind: CueKind,
    pub(super) weak: bool,
}

pub(super) struct CueLexicon {
    pub(super) rows: Vec<CueRow>,
    pub(super) ac: AhoCorasick,
}

pub(super) static CUES: Lazy<CueLexicon> = Lazy::new(|| {
    let mut pats = Vec::new();
    let mut rows = Vec::new();
    for row in crate::data::CUES.rows() {
        let kind = match row.col(1) {
            "speech" => CueKind::Speech,
            "denial" => CueKind::Denial,
            "accusation" => CueKind::Accusation,
            "belief" => CueKind::Belief,
            "source-phrase" => CueKind::SourcePhrase,
            "quoted-as" => CueKind::QuotedAs,
            "channel" => CueKind::Channel,
            "noun" => CueKind::Noun,
            other => panic!(
                "{}:{}: unknown cue kind {other:?}",
                crate::data::CUES.file,
                row.line
            ),
        };
        pats.push(row.col(0).to_string());
        rows.push(CueRow {
            kind,
            weak: row.col(4) == "weak",
        });
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        // A DFA: every sentence is scanned, and the default for ~600 patterns (an NFA with
        // failure transitions) cost several times more per byte.
        .kind(Some(AhoCorasickKind::DFA))
        .build(&pats)
        .expect("cue lexicon builds");
    CueLexicon { rows, ac }
});

/// The grammatical gender a role noun implies ("spokeswoman").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Role {
    pub(super) gender: Gender,
    pub(super) plural: bool,
    pub(super) org: bool,
}

pub(super) static ROLES: Lazy<FxHashMap<String, Role>> = Lazy::new(|| {
    let mut m = FxHashMap::default();
    for row in crate::data::ATTRIB_ROLES.rows() {
        let gender = match row.col(1) {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        };
        m.insert(
            row.col(0).to_string(),
            Role {
                gender,
                plural: row.col(2) == "p",
                org: row.col(3) == "org",
            },
        );
    }
    m
});

/// The longest role noun in [`ROLES`], in bytes.
static ROLE_MAX_LEN: Lazy<usize> = Lazy::new(|| ROLES.keys().map(String::len).max().unwrap_or(0));

pub(super) fn role_of(word: &str) -> Option<Role> {
    // An ASCII word (nearly every one) is lowercased on the stack, and one longer than any
    // role's plural is none; the same answer as the lowercase copy below.
    const BUF: usize = 48;
    if word.is_ascii() && *ROLE_MAX_LEN < BUF {
        if word.len() > *ROLE_MAX_LEN + 1 {
            return None;
        }
        let mut buf = [0u8; BUF];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        return role_of_lower(std::str::from_utf8(buf).expect("ascii"));
    }
    role_of_lower(&word.to_lowercase())
}

/// [`role_of`] a lowercase word.
fn role_of_lower(lw: &str) -> Option<Role> {
    if let Some(r) = ROLES.get(lw) {
        return Some(*r);
    }
    // Plural of a known singular person role ("ministers").
    lw.strip_suffix('s')
        .and_then(|s| ROLES.get(s))
        .filter(|r| !r.org)
        .map(|r| Role { plural: true, ..*r })
}

// Open-class word lists: data in `src/data/claim_words.tsv`, one list per `list` column.

/// The words of list `list` in `claim_words.tsv`, in file order.
fn claim_words(list: &str) -> Vec<&'static str> {
    crate::data::CLAIM_WORDS.list(list)
}

/// Lowercase words allowed inside a speaker phrase before its head.
pub(super) static MODIFIERS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("modifier"));

/// Words between a speaker and its cue that do not break the link ("Lavrov also said").
pub(super) static SKIP_BEFORE_CUE: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("skip-before-cue"));

/// The first word of a time or place phrase that may open a reported clause before an
/// attribution nested in it ("said that on Monday the rebels denied …").
pub(super) static CONTENT_OPENERS: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("content-opener"));

/// Focusing adverbs that open the content after a cue ("said only Ecuadorean jets were …").
pub(super) static FOCUS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("focus"));

/// The determiners and relative pronouns around a [`REPORTED_THINGS`] noun in an apposition:
/// "…, a charge Lima has denied", "…, the claim which …".
pub(super) const REPORTED_THING_DETERMINERS: [&str; 5] = ["a", "an", "the", "this", "that"];
pub(super) const REPORTED_THING_RELATIVES: [&str; 2] = ["that", "which"];

/// Nouns of what another party said, in "…, a charge Lima has denied": not the speaker.
pub(super) static REPORTED_THINGS: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("reported-thing"));

/// Participles after a comma that set the claim against another's: the content ends there.
pub(super) static RELATION_PARTICIPLES: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("relation-participle"));

/// Cues of verbal attack that also name a physical one ("attacked"): see [`ARMED_FORCES`].
pub(super) static PHYSICAL_CUES: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("physical-cue"));

/// Nouns that make a cue with them as its first object a verb of a death toll ("the blast
/// claimed 20 lives"): see [`super::objects`].
pub(super) static TOLL_OBJECTS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("toll-object"));

/// One word that is the whole object of a denial and still says what is denied ("Moscow
/// denied involvement", "Iran denied it"): `denied-word` rows.
pub(super) static DENIED_WORDS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("denied-word"));

/// Head nouns of armed forces, weapons and craft: before a [`PHYSICAL_CUES`] verb they fight,
/// they do not speak ("the rebels attacked the convoy").
pub(super) static ARMED_FORCES: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("armed-force"));

/// Discourse adverbs set off by commas between a speaker and its cue ("Lavrov, however,
/// rejected ...", "The minister on Monday, though, said ...").
pub(super) static ASIDES: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("aside"));

/// Lowercase nouns ending in "-ly" that are no manner adverbs before a cue ("the daily said",
/// "an ally said").
pub(super) static LY_NOUNS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("ly-noun"));

/// Words before "say" that make it a noun ("the final say", "no say"): no cue.
pub(super) static SAY_NOUN: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("say-noun"));

/// Cues of seeking that are attempts before "to" ("sought to use the incident"), no claim.
pub(super) static ATTEMPTS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("attempt"));

/// Event nouns that, as the object of "called", make it convening ("called a meeting"), no claim.
pub(super) static CONVENED: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("convened"));
/// Head nouns of events, which speak for no one (`event-head`).
pub(super) static EVENT_HEADS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("event-head"));
/// Cues that report a claim only with "that", a quotation or a colon (`clause-only`).
pub(super) static CLAUSE_ONLY: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("clause-only"));

/// Verbs of appearing, no claim before a preposition of place or occasion (`appearance`).
pub(super) static APPEARANCES: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("appearance"));

/// Cues that, before a reflexive pronoun, name the speaker ("identified himself as"), no claim.
pub(super) static SELF_LABELS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("self-label"));

/// Past participles of perception which, passive before a speech participle, make their
/// subject the speaker ("is shown saying", "was heard saying").
pub(super) static PERCEIVED: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("perceived"));

/// Reflexive pronouns, after which a [`SELF_LABELS`] cue is no claim.
pub(super) const REFLEXIVES: &[&str] = &[
    "himself",
    "herself",
    "themselves",
    "itself",
    "myself",
    "ourselves",
];

/// Heads of a picture or a record that shows but speaks for no one ("footage showed …").
pub(super) static EXHIBITS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("exhibit"));

/// The formulas of an anonymous source and of no comment (`anonymity`, `no-comment`): what
/// follows such a cue is no claim.
pub(super) static ANONYMITY: Lazy<Vec<&'static str>> = Lazy::new(|| {
    let mut v = claim_words("anonymity");
    v.extend(claim_words("no-comment"));
    v
});

/// The longest phrase of [`ANONYMITY`], in bytes.
pub(super) static ANONYMITY_MAX_LEN: Lazy<usize> =
    Lazy::new(|| ANONYMITY.iter().map(|p| p.len()).max().unwrap_or(0));

/// Capitalized words that cannot be part of a speaker phrase.
pub(super) static CAP_STOP: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("cap-stop"));

/// Lowercase words that end a speaker phrase scanned backwards.
pub(super) static NP_STOP: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("np-stop"));

/// Words of a trailer after a cue: "told reporters in Washington", "said in remarks carried by
/// state TV", "said on Monday", "said, however,".
pub(super) static TRAILER_WORDS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("trailer"));

/// Abbreviated titles that keep their period as part of the word.
pub(super) static TITLE_ABBREVS: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("title-abbrev"));

/// Government offices a definite description ("the minister") may refer back to when no earlier
/// mention carried the title: the latest government person is meant.
pub(super) static GOV_OFFICES: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("gov-office"));

/// Nouns of a channel a participle cue can follow: "a statement saying ...".
pub(super) static CHANNEL_NOUNS: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("channel-noun"));

/// Definite references to a news agency ("the agency", "the wire service").
pub(super) static WIRE_REFS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("wire-ref"));

/// Words that make an undated claim background ("has denied", "Earlier, May said").
pub(super) static BACKGROUND: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("background"));

/// Present-tense cues of a standing position ("Moscow denies involvement").
pub(super) static STANDING: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("standing"));

/// Words of a local office, whose holder speaks for the country its place is in.
pub(super) static LOCAL_OFFICE: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("local-office"));
pub(super) static LEGISLATOR: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("legislator"));

/// Bodies and holders of a government office a local modifier or a place makes local
/// ("administration", "officials").
pub(super) static LOCAL_BODY: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("local-body"));

/// Heads that name the two parties of a quarrel together ("both sides", "the two countries").
pub(super) static BOTH_PARTIES: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("both-parties"));

/// Words that make a government body local ("local", "regional", "city").
pub(super) static LOCAL_MODIFIER: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("local-modifier"));

/// Head nouns of unnamed government speakers who speak for the dateline's country.
pub(super) static DATELINE_GOV: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("dateline-gov"));

/// Head nouns of unnamed military speakers who speak for the dateline's country.
pub(super) static DATELINE_MIL: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("dateline-mil"));
pub(super) static DATELINE_OPP: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("dateline-opp"));

/// Words naming an armed camp against the state: an unnamed speaker they head or qualify is
/// the dateline country's rebels.
pub(super) static DATELINE_REB: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("dateline-reb"));
pub(super) static VOICE: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("voice"));
pub(super) static CAMP_REFERENCES: Lazy<Vec<&'static str>> =
    Lazy::new(|| claim_words("camp-reference"));
pub(super) static RESPONSES: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("response"));
pub(super) static BODY_HEADS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("body-head"));
/// Words of a time phrase between a cue and its "that", and the words that make one a time.
pub(super) static TIME_PHRASE: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("time-phrase"));
pub(super) static TIME_HEADS: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("time-head"));
/// Nouns that make a place's name before them a newspaper's title ("The Washington Post").
pub(super) static PRESS_TITLES: Lazy<Vec<&'static str>> = Lazy::new(|| claim_words("press-title"));

// Closed-class grammar sets (small and fixed by English grammar) and exceptions tied to the
// code: they stay in code.

/// Finite auxiliaries (closed class, lowercase as written): after a noun phrase they make it
/// a clause's subject.
pub(super) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "must", "might", "may", "did", "does", "do",
];

/// Determiners and numerals that open a noun phrase.
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "another", "one", "two", "three", "four", "several", "some", "many", "most",
    "both", "other", "all", "few", "no", "these", "those", "this", "that", "his", "her", "their",
    "its", "our", "my", "each", "any",
];

/// Personal and relative pronouns that can be a speaker.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "you"];

/// Quantifiers that stand alone as a subject ("Several said they would vote no").
pub(super) const QUANTIFIERS: &[&str] = &[
    "several", "many", "most", "some", "others", "both", "few", "all", "another",
];

/// "Both charges carry a penalty", "several reports say": a cue word in "-s" (a noun too)
/// straight after a plural quantifier or a number is the noun; a verb in "-s" cannot follow one.
pub(super) fn noun_after_plural(cue_word: &str, before: &str) -> bool {
    !cue_word.contains(' ')
        && cue_word.ends_with('s')
        && !cue_word.ends_with("ss")
        && ((in_list(QUANTIFIERS, before) && !in_list(&["another", "others"], before))
            || crate::extract::timex::small_number(&before.to_ascii_lowercase())
                .is_some_and(|n| (2..=10).contains(&n))
            || in_list(&["dozens", "hundreds"], before)
            || (!before.is_empty() && before.bytes().all(|b| b.is_ascii_digit())))
}

/// Words of [`SKIP_BEFORE_CUE`] that are also surnames or given names: capitalised before a
/// cue they are the speaker, not an auxiliary.
pub(super) const NAME_LIKE_SKIPS: &[&str] = &["may", "will", "long"];

/// Articles and possessives: a cue word right after one is a noun ("the subsequent tweet" has
/// an adjective between; "their states" none).
pub(super) const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "his", "its", "their", "our", "my", "your", "every",
];

/// Endings of adjectives, never of a noun that can speak: "outrageous", "baseless",
/// "shameful", "unacceptable", "credible" (not "-ive": "the executive").
pub(super) const ADJECTIVE_ENDINGS: &[&str] = &["ous", "less", "ful", "able", "ible"];

/// Prepositions (closed class) after which a participle is an adjective: "under repeated fire".
pub(super) const ADJECTIVE_PREPOSITIONS: &[&str] = &[
    "under", "amid", "despite", "with", "without", "of", "after", "against", "over", "among",
];

/// Subordinating words a participle cue may follow and still take the sentence's subject:
/// "after denying", "by insisting", "while warning", "other than reiterating".
pub(super) const PARTICIPLE_SUBORDINATORS: [&str; 6] =
    ["after", "before", "by", "while", "when", "than"];

/// A lower-case word of five letters or more in "-ed" ("responded", "reacted"): a verb of the
/// clause in the past tense, not a noun that could be a speaker.
pub(super) fn past_verb(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// `w` is in `list`, ASCII case folded.
pub(super) fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `role_of`'s stack lowercasing answers as the lowercase copy does, on every word of the
    /// demo corpus and on each role in upper case and plural.
    /// `verb_cue` lowercases only a prefix of the words after a cue as long as the longest
    /// anonymity phrase: that holds for ASCII phrases.
    #[test]
    fn anonymity_phrases_are_ascii() {
        assert!(!ANONYMITY.is_empty());
        assert!(ANONYMITY.iter().all(|p| p.is_ascii()), "{:?}", *ANONYMITY);
    }

    #[test]
    fn role_of_matches_the_lowercase_copy() {
        let same = |w: &str| {
            let want = role_of_lower(&w.to_lowercase()).map(|r| (r.gender, r.plural, r.org));
            assert_eq!(
                role_of(w).map(|r| (r.gender, r.plural, r.org)),
                want,
                "{w:?}"
            );
            want.is_some()
        };
        let mut found = 0;
        for role in ROLES.keys() {
            found += usize::from(same(&role.to_uppercase()));
            same(&format!("{role}s"));
            same(&format!("{role}ss"));
        }
        assert_eq!(found, ROLES.len());
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/demo/aleppo");
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            for w in text.split(|c: char| !c.is_alphanumeric()) {
                found += usize::from(same(w));
            }
        }
        assert!(found > ROLES.len(), "the demo corpus has role nouns");
        same("Spokeswoman’s");
        same("MİNİSTER");
    }

    /// Every row of `claim_words.tsv` belongs to a list the code reads, and every list has words.
    #[test]
    fn claim_word_lists_are_known_and_filled() {
        let known = [
            "modifier",
            "both-parties",
            "skip-before-cue",
            "cap-stop",
            "np-stop",
            "trailer",
            "title-abbrev",
            "gov-office",
            "channel-noun",
            "attempt",
            "background",
            "standing",
            "dateline-gov",
            "local-office",
            "legislator",
            "local-body",
            "local-modifier",
            "dateline-mil",
            "dateline-reb",
            "dateline-opp",
            "voice",
            "body-head",
            "state-body",
            "state-owner",
            "non-state",
            "response",
            "aside",
            "ly-noun",
            "anonymity",
            "exhibit",
            "say-noun",
            "wire-ref",
            "reported-thing",
            "relation-participle",
            "physical-cue",
            "armed-force",
            "toll-object",
            "denied-word",
            "press-title",
            "time-phrase",
            "time-head",
            "camp-reference",
            "content-opener",
            "focus",
            "portfolio",
            "self-label",
            "perceived",
            "convened",
            "clause-only",
            "no-comment",
            "event-head",
            "public",
            "appearance",
        ];
        for row in crate::data::CLAIM_WORDS.rows() {
            assert!(
                known.contains(&row.col(1)),
                "line {}: {:?}",
                row.line,
                row.col(1)
            );
        }
        for list in known {
            assert!(!claim_words(list).is_empty(), "{list} is empty");
        }
        assert!(in_list(&SKIP_BEFORE_CUE, "Also") && in_list(&GOV_OFFICES, "prime minister"));
        // `tokens::tokenize` compares title abbreviations ASCII case-insensitively.
        assert!(TITLE_ABBREVS.iter().all(|a| a.to_ascii_lowercase() == *a));
        assert!(NAME_LIKE_SKIPS.iter().all(|w| in_list(&SKIP_BEFORE_CUE, w)));
    }
}
