//! The attribution lexicons: cue verbs and phrases (`cues.tsv`), role nouns (`attrib_roles.tsv`)
//! and the word lists that bound speaker phrases, each read once from `crate::data`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use std::collections::HashMap;

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
        .build(&pats)
        .expect("cue lexicon builds");
    CueLexicon { rows, ac }
});

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

pub(super) static ROLES: Lazy<HashMap<String, Role>> = Lazy::new(|| {
    let mut m = HashMap::new();
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

pub(super) fn role_of(word: &str) -> Option<Role> {
    let lw = word.to_lowercase();
    if let Some(r) = ROLES.get(&lw) {
        return Some(*r);
    }
    // Plural of a known singular person role ("ministers").
    lw.strip_suffix('s')
        .and_then(|s| ROLES.get(s))
        .filter(|r| !r.org)
        .map(|r| Role { plural: true, ..*r })
}

pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "another", "one", "two", "three", "four", "several", "some", "many", "most",
    "both", "other", "all", "few", "no", "these", "those", "this", "that", "his", "her", "their",
    "its", "our", "my", "each", "any",
];

/// Lowercase words allowed inside a speaker phrase before its head.
pub(super) const MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "former",
    "chief",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "interior",
    "prime",
    "state",
    "military",
    "government",
    "opposition",
    "rebel",
    "western",
    "regional",
    "local",
    "unnamed",
    "anonymous",
    "independent",
    "vice",
    "assistant",
    "press",
    "presidential",
    "campaign",
    "administration",
    "white",
    "house",
    "security",
    "intelligence",
    "russian",
    "american",
    "syrian",
    "u.s.",
    "high-ranking",
    "ranking",
    "other",
    "two",
    "three",
    "four",
    "several",
    "many",
    "some",
    "most",
    "both",
    "first",
    "second",
    "new",
    "acting",
    "general",
    "united",
    "nations",
    "human",
    "rights",
    "rescue",
    "volunteer",
    "aid",
    "humanitarian",
    "diplomatic",
    "political",
    "party",
    "republican",
    "democratic",
    "national",
    "federal",
    "civil",
    "defense",
    "news",
    "agency",
    "spokesman",
    "spokeswoman",
];

/// Words between a speaker and its cue that do not break the link ("Lavrov also said").
pub(super) const SKIP_BEFORE_CUE: &[&str] = &[
    "year",
    "month",
    "weeks",
    "months",
    "years",
    "ago",
    "first",
    "finally",
    "eventually",
    "initially",
    "originally",
    "subsequently",
    "afterward",
    "afterwards",
    "soon",
    "shortly",
    "briefly",
    "also",
    "has",
    "have",
    "had",
    "would",
    "will",
    "may",
    "might",
    "could",
    "did",
    "does",
    "do",
    "not",
    "never",
    "repeatedly",
    "later",
    "earlier",
    "previously",
    "reportedly",
    "again",
    "publicly",
    "privately",
    "then",
    "recently",
    "once",
    "further",
    "simply",
    "flatly",
    "firmly",
    "strongly",
    "sharply",
    "angrily",
    "quickly",
    "explicitly",
    "separately",
    "now",
    "had",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "night",
    "morning",
    "afternoon",
    "evening",
    "last",
    "week",
    "widely",
    "long",
    "always",
    "often",
    "still",
    "even",
    "only",
    "just",
    "already",
    "categorically",
    "vehemently",
    "immediately",
    "personally",
    "openly",
    "privately",
    "being",
    "been",
    "is",
    "was",
    "are",
    "were",
];

/// Capitalized words that cannot be part of a speaker phrase.
pub(super) const CAP_STOP: &[&str] = &[
    "besides",
    "publicly",
    "privately",
    "clearly",
    "reportedly",
    "apparently",
    "ultimately",
    "meanwhile",
    "similarly",
    "separately",
    "notably",
    "importantly",
    "beyond",
    "despite",
    "amid",
    "among",
    "under",
    "without",
    "within",
    "through",
    "throughout",
    "following",
    "given",
    "unlike",
    "like",
    "according",
    "against",
    "toward",
    "towards",
    "across",
    "along",
    "around",
    "behind",
    "besides",
    "between",
    "inside",
    "outside",
    "near",
    "via",
    "once",
    "until",
    "unless",
    "whereas",
    "even",
    "perhaps",
    "only",
    "just",
    "latest",
    "remember",
    "q",
    "update",
    "breaking",
    "exclusive",
    "busted",
    "photos",
    "watch",
    "listen",
    "contributing",
    "related",
    "share",
    "editing",
    "reporting",
    "writing",
    "additional",
    "photo",
    "image",
    "video",
    "watch",
    "read",
    "click",
    "follow",
    "updated",
    "posted",
    "copyright",
    "weather",
    "topics",
    "tags",
    "comments",
    "note",
    "editor's",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "then",
    "when",
    "while",
    "if",
    "as",
    "after",
    "before",
    "because",
    "although",
    "though",
    "meanwhile",
    "however",
    "on",
    "in",
    "at",
    "for",
    "with",
    "asked",
    "speaking",
    "later",
    "earlier",
    "still",
    "also",
    "since",
    "during",
    "by",
    "from",
    "to",
    "of",
    "that",
    "what",
    "why",
    "how",
    "where",
    "which",
    "instead",
    "now",
    "here",
    "there",
    "thus",
    "indeed",
    "moreover",
    "separately",
    "advertisement",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "not",
    "it's",
];

/// Abbreviated titles that keep their period as part of the word.
pub(super) const TITLE_ABBREVS: &[&str] = &[
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "no", "mr", "mrs", "ms", "dr", "gen",
    "sen", "rep", "gov", "lt", "col", "sgt", "capt", "adm", "maj", "st", "jr", "sr", "prof", "rev",
    "amb", "cmdr", "brig", "pres", "supt",
];

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "you"];

pub(super) fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Government offices a definite description ("the minister") may refer back to when no earlier
/// mention carried the title: the latest government person is meant.
pub(super) const GOV_OFFICES: &[&str] = &[
    "minister",
    "prime minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "foreign secretary",
    "foreign minister",
    "defence secretary",
    "defense secretary",
    "defence minister",
    "defense minister",
];

/// Lowercase words that end a speaker phrase scanned backwards.
pub(super) const NP_STOP: &[&str] = &[
    "in", "on", "at", "by", "for", "with", "from", "to", "of", "into", "about", "over", "and",
    "or", "but", "nor", "that", "which", "when", "while", "as", "if", "because", "after", "before",
    "since", "than", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had",
    "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "not",
    "also", "so", "then", "there", "here", "it", "this", "what", "where", "how", "why", "whether",
    "said", "says", "say", "told", "where", "though", "although", "unless", "until", "once",
    "whom", "whose", "whereas", "against", "during", "without", "like", "too", "very", "just",
    "only", "even", "still", "now", "yet", "ago", "later", "him", "her", "them", "us", "me", "you",
    "i", "he", "she", "they", "we", "who", "it's", "let", "get", "got", "make", "made", "take",
    "took", "went", "go", "come", "came", "saying",
];

/// Quantifiers that stand alone as a subject ("Several said they would vote no").
pub(super) const QUANTIFIERS: &[&str] = &[
    "several", "many", "most", "some", "others", "both", "few", "all", "another",
];

/// Words of [`SKIP_BEFORE_CUE`] that are also surnames or given names: capitalised before a
/// cue they are the speaker, not an auxiliary.
pub(super) const NAME_LIKE_SKIPS: &[&str] = &["may", "will", "long"];

/// Words of a trailer after a cue: "told reporters in Washington", "said in remarks carried by
/// state TV", "said on Monday", "said, however,".
pub(super) const TRAILER_WORDS: &[&str] = &[
    "however",
    "reporters",
    "journalists",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "remarks",
    "carried",
    "by",
    "news",
    "conference",
    "briefing",
    "television",
    "tv",
    "state",
    "media",
    "agency",
    "press",
    "telephone",
    "phone",
    "call",
    "radio",
    "written",
    "joint",
    "meeting",
    "speech",
    "visit",
    "trip",
    "told",
    "it",
    "him",
    "her",
    "them",
    "us",
    "me",
    "also",
    "separately",
    "sunday",
    "broadcast",
    "address",
    "session",
    "forum",
    "summit",
    "late",
    "early",
    "local",
    "time",
    "officials",
    "lawmakers",
    "website",
    "twitter",
    "facebook",
    "post",
    "posted",
    "in",
    "at",
    "to",
    "on",
    "with",
    "during",
    "from",
    "after",
    "before",
    "outside",
    "while",
    "its",
    "his",
    "their",
    "official",
    "daily",
    "weekly",
    "regular",
    "parliament",
    "council",
    "members",
    "ministry",
];
