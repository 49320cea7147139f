//! Attribution: direct, indirect and mixed quotes with their speaker, cue, content, date and stance.
//!
//! Cue verbs and phrases are data (`lexicon/cues.tsv`), role nouns used for speaker phrases and
//! coreference too (`lexicon/attrib_roles.tsv`). For every sentence we find the cues outside
//! quotation marks with one Aho-Corasick pass, then try, per cue:
//!
//! - speaker before the cue ("Lavrov said", "Sergei Lavrov, Russia's foreign minister, said",
//!   "a U.S. official, speaking on condition of anonymity, said"), or after it in quote-first
//!   inversion ("...," said Lavrov, Russia's foreign minister.);
//! - content: the adjacent quotation (direct), the `that`/`:` clause after the cue (indirect;
//!   mixed when it opens with a quotation), or the clause before ", X said" (indirect);
//! - "according to X", "X quoted Y as saying".
//!
//! Cues run in two passes: strong speech cues first, then weak ones (nouns that are also verbs,
//! belief and stance verbs: "claims", "believes", "supports"), which need a plain subject and
//! never nest inside an existing claim. A later attribution inside an earlier claim's content
//! ends that content ("46 percent said yes, compared with 23 percent who said ..."). Lower
//! confidence fallbacks: "Moscow's claim that ..." (possessive + noun cue), "X boasted that"
//! and `"...," X quipped` (verbs outside the lexicon), "Pence: ..." (colon attributions).
//!
//! Quotations nobody claimed that continue an attributed one (later sentences of the same
//! paragraph, or a following paragraph that opens with a quotation) become continuation claims
//! of the same speaker with no `speaker_span`. Pronouns ("he added"), surnames ("Shoigu said")
//! and role nouns ("the minister said", "the official said") resolve to earlier speakers and
//! titled person names; the antecedent's actor is carried.
//!
//! Confidence: named speaker with a strong cue 0.9, coreferent 0.75-0.85, participle or
//! sentence-subject 0.7, continuation <= 0.7, weak cue 0.6, belief 0.5, fallbacks 0.45-0.5.

use crate::extract::actors::{self, Gazetteer, Resolved};
use crate::extract::frames;
use crate::model::{ActorKind, ActorMention, Claim, ClaimKind, DateValue, Diagnostic, Span, Timex};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------------
// Lexicons

/// What a cue row detects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
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
struct CueRow {
    kind: CueKind,
    weak: bool,
}

struct CueLexicon {
    rows: Vec<CueRow>,
    ac: AhoCorasick,
}

static CUES: Lazy<CueLexicon> = Lazy::new(|| {
    let mut pats = Vec::new();
    let mut rows = Vec::new();
    for line in crate::data::CUES.text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let kind = match cols.get(1).copied().unwrap_or("") {
            "speech" => CueKind::Speech,
            "denial" => CueKind::Denial,
            "accusation" => CueKind::Accusation,
            "belief" => CueKind::Belief,
            "source-phrase" => CueKind::SourcePhrase,
            "quoted-as" => CueKind::QuotedAs,
            "channel" => CueKind::Channel,
            "noun" => CueKind::Noun,
            _ => continue,
        };
        pats.push(cols[0].to_string());
        rows.push(CueRow {
            kind,
            weak: cols.get(4) == Some(&"weak"),
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
enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone, Copy)]
struct Role {
    gender: Gender,
    plural: bool,
    org: bool,
}

static ROLES: Lazy<HashMap<String, Role>> = Lazy::new(|| {
    let mut m = HashMap::new();
    for line in crate::data::ATTRIB_ROLES.text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 4 {
            continue;
        }
        let gender = match c[1] {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        };
        m.insert(
            c[0].to_string(),
            Role {
                gender,
                plural: c[2] == "p",
                org: c[3] == "org",
            },
        );
    }
    m
});

fn role_of(word: &str) -> Option<Role> {
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

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "another", "one", "two", "three", "four", "several", "some", "many", "most",
    "both", "other", "all", "few", "no", "these", "those", "this", "that", "his", "her", "their",
    "its", "our", "my", "each", "any",
];

/// Lowercase words allowed inside a speaker phrase before its head.
const MODIFIERS: &[&str] = &[
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
const SKIP_BEFORE_CUE: &[&str] = &[
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
const CAP_STOP: &[&str] = &[
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
const TITLE_ABBREVS: &[&str] = &[
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "no", "mr", "mrs", "ms", "dr", "gen",
    "sen", "rep", "gov", "lt", "col", "sgt", "capt", "adm", "maj", "st", "jr", "sr", "prof", "rev",
    "amb", "cmdr", "brig", "pres", "supt",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "who", "you"];

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

// ---------------------------------------------------------------------------------------------
// Tokens and quotations

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Punct,
    /// A double quotation mark (straight, curly or two apostrophes).
    Quote,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: TokKind,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenize `text[start..end]` into words (with inner `.`, `'`, `’`, `-`), quotes and punctuation.
fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let s = &text[start..end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let pos = start + i;
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut e = pos + c.len_utf8();
            let mut dotted = false;
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    e = start + j + d.len_utf8();
                    it.next();
                    continue;
                }
                if matches!(d, '.' | '\'' | '’' | '-' | '&') {
                    let nxt = s[j + d.len_utf8()..].chars().next();
                    if nxt.map(is_word_char).unwrap_or(false) {
                        if d == '.' {
                            dotted = true;
                        }
                        e = start + j + d.len_utf8();
                        it.next();
                        continue;
                    }
                    // An initial: "Donald J. Trump".
                    if d == '.'
                        && j - i == 1
                        && c.is_uppercase()
                        && s[j + 1..].starts_with(' ')
                        && s[j + 2..].chars().next().is_some_and(|x| x.is_uppercase())
                    {
                        e = start + j + 1;
                        it.next();
                        break;
                    }
                    // Plural possessive: "the rebels' northern division".
                    if (d == '\'' || d == '’') && s[i..j].ends_with('s') {
                        e = start + j + d.len_utf8();
                        it.next();
                        break;
                    }
                    // Trailing dot of an acronym ("U.S.", "p.m.") or a title ("Ms.", "Gen.").
                    if d == '.'
                        && (dotted
                            || TITLE_ABBREVS.contains(&s[i..j].to_ascii_lowercase().as_str()))
                    {
                        e = start + j + 1;
                        it.next();
                    }
                }
                break;
            }
            out.push(Tok {
                s: pos,
                e,
                k: TokKind::Word,
            });
        } else if c == '"' || c == '“' || c == '”' {
            out.push(Tok {
                s: pos,
                e: pos + c.len_utf8(),
                k: TokKind::Quote,
            });
        } else if c == '\'' && it.peek().map(|&(_, d)| d == '\'').unwrap_or(false) {
            it.next();
            out.push(Tok {
                s: pos,
                e: pos + 2,
                k: TokKind::Quote,
            });
        } else {
            out.push(Tok {
                s: pos,
                e: pos + c.len_utf8(),
                k: TokKind::Punct,
            });
        }
    }
    out
}

/// A quotation: interior bytes `[start, end)`, marks at `open` and (when closed) ending `close_end`.
#[derive(Debug, Clone, Copy)]
struct Quote {
    open: usize,
    start: usize,
    end: usize,
    close_end: usize,
    closed: bool,
    /// Byte where its paragraph starts.
    para_start: usize,
}

/// Pair quotation marks per paragraph; an unclosed quotation runs to the paragraph end.
fn find_quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut para_start = 0;
    let mut open: Option<(usize, usize)> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        // Blank line: paragraph boundary.
        if c == '\n' {
            let mut j = i + 1;
            let mut blank = false;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\r' || b[j] == b'\n') {
                if b[j] == b'\n' {
                    blank = true;
                }
                j += 1;
            }
            if blank {
                if let Some((o, s)) = open.take() {
                    let end = text[..i].trim_end().len().max(s);
                    out.push(Quote {
                        open: o,
                        start: s,
                        end,
                        close_end: end,
                        closed: false,
                        para_start,
                    });
                }
                para_start = j;
            }
            continue;
        }
        let (mark_len, kind) = match c {
            '“' => (3, 1),
            '”' => (3, 2),
            '"' => (1, 0),
            '\'' if it.peek().map(|&(_, d)| d == '\'').unwrap_or(false) => (2, 0),
            _ => continue,
        };
        if mark_len == 2 {
            it.next();
        }
        let opening = match kind {
            1 => true,
            2 => false,
            _ => open.is_none(),
        };
        if opening {
            if open.is_none() {
                open = Some((i, i + mark_len));
            }
        } else if let Some((o, s)) = open.take() {
            out.push(Quote {
                open: o,
                start: s,
                end: i,
                close_end: i + mark_len,
                closed: true,
                para_start,
            });
        }
    }
    if let Some((o, s)) = open {
        let end = text.trim_end().len().max(s);
        out.push(Quote {
            open: o,
            start: s,
            end,
            close_end: end,
            closed: false,
            para_start,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Entities for coreference

#[derive(Debug, Clone)]
struct Entity {
    /// Canonical name: "Sergei Shoigu", "a U.S. official".
    name: String,
    /// The full phrase with titles and appositives, lowercased, for role matching.
    full_lower: String,
    gender: Gender,
    plural: bool,
    org: bool,
    named: bool,
    /// A person (a name, a person role or a person actor): only persons are "he" or "she".
    person: bool,
    actor: Option<Resolved>,
    pos: usize,
    /// Where it was last the speaker of a cue (its `pos` then), for pronoun preference.
    spoke: Option<usize>,
}

struct Ctx<'a> {
    text: &'a str,
    /// Quotations of the article: a person named only inside one is no antecedent for the
    /// pronoun that attributes a quotation ("'... Putin's decision ...,' he said").
    quotes: &'a [Quote],
    /// Sentences of the article, for the subject preference of pronouns.
    sentences: &'a [Span],
    gazetteer: &'a Gazetteer,
    /// The article's reference date: dated roles in the gazetteer apply only around it.
    date: Option<chrono::NaiveDate>,
    actors: &'a [ActorMention],
    entities: Vec<Entity>,
}

/// A resolved speaker.
#[derive(Debug, Clone)]
struct Speaker {
    span: Option<Span>,
    name: String,
    actor: Option<Resolved>,
    /// 0.9 named, 0.75 coreferent, lower for weak guesses.
    confidence: f32,
}

// ---------------------------------------------------------------------------------------------
// Speaker phrases

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.s..t.e]
}

fn is_cap(w: &str) -> bool {
    let first_upper = |x: &str| x.chars().next().map(|c| c.is_uppercase()).unwrap_or(false);
    // "al-Bayoush", "de-Mistura": a lowercase particle before a capitalized name.
    first_upper(w)
        || w.split_once('-')
            .map(|(a, b)| a.len() <= 3 && first_upper(b))
            .unwrap_or(false)
}

fn is_punct(text: &str, t: &Tok, p: &str) -> bool {
    t.k == TokKind::Punct && &text[t.s..t.e] == p
}

/// Government offices a definite description ("the minister") may refer back to when no earlier
/// mention carried the title: the latest government person is meant.
const GOV_OFFICES: &[&str] = &[
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
const NP_STOP: &[&str] = &[
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

/// `NP who VERB ... <st>`: a relative clause between the subject and the phrase starting at
/// `st`. Returns the subject's first token and the index of "who". Only plain words between
/// "who" and `st`, and the subject must open the clause.
fn relative_subject(text: &str, toks: &[Tok], st: usize) -> Option<(usize, usize)> {
    let mut w = st;
    while w > 0 && st - w < 12 {
        w -= 1;
        let t = &toks[w];
        if t.k != TokKind::Word {
            return None;
        }
        if word(text, t).eq_ignore_ascii_case("who") {
            break;
        }
    }
    if w == 0 || !word(text, &toks[w]).eq_ignore_ascii_case("who") {
        return None;
    }
    let s2 = np_back(text, toks, w - 1, true)?;
    let opens = s2 == 0
        || toks[s2 - 1].k != TokKind::Word
        || in_list(&["and", "but"], word(text, &toks[s2 - 1]));
    opens.then_some((s2, w))
}

/// Quantifiers that stand alone as a subject ("Several said they would vote no").
const QUANTIFIERS: &[&str] = &[
    "several", "many", "most", "some", "others", "both", "few", "all", "another",
];

/// Scan a speaker noun phrase ending at token `j` (inclusive), backwards. Returns the first
/// token. `loose` accepts any content word as the head (strong cues: "Former prosecutors
/// said"); otherwise the head must be a name, a pronoun, a role noun or follow a determiner.
fn np_back(text: &str, toks: &[Tok], j: usize, loose: bool) -> Option<usize> {
    let t = toks.get(j)?;
    if is_punct(text, t, ")") && j > 1 {
        let o = (j.saturating_sub(10)..j)
            .rev()
            .find(|&o| is_punct(text, &toks[o], "("))?;
        return if o > 0 {
            np_back(text, toks, o - 1, loose)
        } else {
            None
        };
    }
    if t.k != TokKind::Word {
        return None;
    }
    let w = word(text, t);
    let lw = w.to_lowercase();
    if PRONOUNS.contains(&lw.as_str()) {
        return Some(j);
    }
    // "Several said ...", "Most say ...": a bare quantifier opening the clause.
    if in_list(QUANTIFIERS, w) && (j == 0 || toks[j - 1].k != TokKind::Word) {
        return Some(j);
    }
    let after_det = j > 0
        && toks[j - 1].k == TokKind::Word
        && (in_list(DETERMINERS, word(text, &toks[j - 1]))
            || word(text, &toks[j - 1]).bytes().all(|b| b.is_ascii_digit()));
    let head_ok = (is_cap(w) && !in_list(CAP_STOP, w) && !in_list(DETERMINERS, w))
        || role_of(w).is_some()
        || (after_det && !in_list(SKIP_BEFORE_CUE, w) && !in_list(DETERMINERS, w))
        || (loose
            && !lw.bytes().all(|b| b.is_ascii_digit())
            && !NP_STOP.contains(&lw.as_str())
            && !in_list(SKIP_BEFORE_CUE, w)
            && !in_list(DETERMINERS, w)
            && !lw.ends_with("ly"));
    if !head_ok {
        return None;
    }
    let mut start = j;
    let mut i = j;
    let mut loose_words = 0;
    while i > 0 {
        let p = &toks[i - 1];
        let pw = word(text, p);
        if p.k != TokKind::Word {
            // "Sen. Rand Paul (R-Ky.) said": step over a short parenthesis.
            if is_punct(text, p, ")") {
                if let Some(o) = (i.saturating_sub(10)..i - 1)
                    .rev()
                    .find(|&o| is_punct(text, &toks[o], "("))
                {
                    if o > 0 && toks[o - 1].k == TokKind::Word && is_cap(word(text, &toks[o - 1])) {
                        i = o;
                        start = o;
                        continue;
                    }
                }
            }
            break;
        }
        if pw == "that" || pw == "which" {
            break;
        }
        if in_list(DETERMINERS, pw) && !is_cap(pw) || matches!(pw, "The" | "A" | "An") {
            start = i - 1;
            // "diplomats familiar with the talks", "sources close to the negotiations".
            if i >= 4
                && matches!(
                    word(text, &toks[i - 2]).to_lowercase().as_str(),
                    "with" | "to"
                )
                && matches!(
                    word(text, &toks[i - 3]).to_lowercase().as_str(),
                    "familiar" | "close"
                )
                && toks[i - 4].k == TokKind::Word
            {
                i -= 3;
                start = i;
                continue;
            }
            // "a spokesman for the Kremlin": continue through for/of after a role noun.
            if i >= 3
                && matches!(
                    word(text, &toks[i - 2]).to_lowercase().as_str(),
                    "for" | "of" | "at"
                )
                && role_of(word(text, &toks[i - 3])).is_some()
            {
                i -= 3;
                start = i;
                continue;
            }
            break;
        }
        let lp = pw.to_lowercase();
        if matches!(lp.as_str(), "for" | "of" | "at")
            && i >= 2
            && role_of(word(text, &toks[i - 2])).is_some()
            && toks[i - 2].k == TokKind::Word
        {
            i -= 2;
            start = i;
            continue;
        }
        let strict_ok = (is_cap(pw) && !in_list(CAP_STOP, pw))
            || role_of(pw).is_some()
            || MODIFIERS.contains(&lp.as_str())
            || pw.bytes().all(|b| b.is_ascii_digit());
        let loose_ok = loose
            && loose_words < 3
            && !NP_STOP.contains(&lp.as_str())
            && !in_list(SKIP_BEFORE_CUE, pw)
            && !lp.ends_with("ly")
            && !lp.ends_with("ed");
        if !strict_ok && !loose_ok {
            break;
        }
        if !strict_ok {
            loose_words += 1;
        }
        i -= 1;
        start = i;
    }
    Some(start)
}

/// Scan a speaker noun phrase forward from token `i` (quote-first inversion: "said Lavrov").
fn np_fwd(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    np_fwd_mode(text, toks, i, false)
}

/// As [`np_fwd`]; `loose` also accepts plain lowercase words after a determiner
/// ("said a former senior law enforcement official", "said the 46-year-old").
fn np_fwd_mode(text: &str, toks: &[Tok], i: usize, loose: bool) -> Option<usize> {
    let t = toks.get(i)?;
    if t.k != TokKind::Word {
        return None;
    }
    let w = word(text, t);
    let first_ok = (is_cap(w) && !in_list(CAP_STOP, w))
        || in_list(DETERMINERS, w)
        || in_list(PRONOUNS, w)
        || role_of(w).is_some()
        || MODIFIERS.contains(&w.to_lowercase().as_str());
    if !first_ok || in_list(&["that", "this", "it"], w) {
        return None;
    }
    if in_list(PRONOUNS, w) {
        return Some(i);
    }
    let mut end = i;
    let mut saw_head = false;
    let mut k = i;
    while k < toks.len() {
        let tk = &toks[k];
        if tk.k != TokKind::Word {
            break;
        }
        let tw = word(text, tk);
        let lw = tw.to_lowercase();
        let loose_ok = loose
            && k > i
            && k < i + 6
            && !NP_STOP.contains(&lw.as_str())
            && !in_list(SKIP_BEFORE_CUE, tw)
            && !in_list(TRAILER_WORDS, tw)
            && !lw.ends_with("ly")
            && !lw.ends_with("ing");
        let ok = (is_cap(tw) && !in_list(CAP_STOP, tw))
            || (k == i && in_list(DETERMINERS, tw))
            || (k <= i + 2 && tw.bytes().all(|b| b.is_ascii_digit()))
            || loose_ok
            || role_of(tw).is_some()
            || MODIFIERS.contains(&lw.as_str())
            || (saw_head
                && matches!(lw.as_str(), "of" | "for" | "the")
                && toks
                    .get(k + 1)
                    .map(|n| n.k == TokKind::Word)
                    .unwrap_or(false));
        if !ok {
            break;
        }
        if is_cap(tw) || role_of(tw).is_some() || (loose_ok && !lw.ends_with("ed")) {
            saw_head = true;
        }
        end = k;
        k += 1;
    }
    if !saw_head {
        return None;
    }
    // Trailing "of"/"for"/"the" is not part of the phrase.
    while end > i && in_list(&["of", "for", "the"], word(text, &toks[end])) {
        end -= 1;
    }
    Some(end)
}

/// Canonical speaker name from a phrase: the trailing capitalized run after the last title word
/// ("Russia's defense minister Sergei Shoigu" -> "Sergei Shoigu"), else the whole phrase.
fn canonical_name(text: &str, toks: &[Tok]) -> (String, bool) {
    let words: Vec<&str> = toks.iter().map(|t| word(text, t)).collect();
    let mut k = words.len();
    while k > 0
        && (is_cap(words[k - 1])
            || (k < words.len()
                && k >= 2
                && matches!(
                    words[k - 1],
                    "de" | "al"
                        | "van"
                        | "von"
                        | "bin"
                        | "ibn"
                        | "el"
                        | "da"
                        | "di"
                        | "du"
                        | "la"
                        | "le"
                        | "der"
                )))
        && role_of(words[k - 1]).is_none()
    {
        let lw = words[k - 1].to_lowercase();
        if lw.ends_with("'s") || lw.ends_with("’s") {
            break;
        }
        k -= 1;
    }
    let run = &words[k..];
    let preceded_by_title = k > 0 && role_of(words[k - 1]).is_some();
    let at_start = k == 0 || (k == 1 && in_list(DETERMINERS, words[0]));
    if !run.is_empty() && (preceded_by_title || at_start) && k < words.len() {
        // A lone country/organisation ("Russia") stays a name too.
        let named = run.len() >= 2 || preceded_by_title || at_start;
        let s = toks[k].s;
        let e = toks[toks.len() - 1].e;
        return (text[s..e].to_string(), named);
    }
    if toks.is_empty() {
        return (String::new(), false);
    }
    (text[toks[0].s..toks[toks.len() - 1].e].to_string(), false)
}

fn gender_of_phrase(lower: &str) -> Gender {
    for w in lower.split(|c: char| !c.is_alphanumeric() && c != '.') {
        if let Some(r) = ROLES.get(w) {
            if r.gender != Gender::Unknown {
                return r.gender;
            }
        }
    }
    Gender::Unknown
}

impl<'a> Ctx<'a> {
    fn resolve_actor(&self, phrase: &str, span: Span) -> Option<Resolved> {
        if let Some(r) = actors::resolve_speaker_on(phrase, self.gazetteer, self.date) {
            return Some(r);
        }
        self.actors
            .iter()
            .find(|a| a.span.overlaps(span))
            .map(|a| Resolved {
                name: a.name.clone(),
                code: a.code.clone(),
                country: a.country.clone(),
                kind: a.kind,
            })
    }

    /// Build a speaker from the phrase tokens `toks` (the whole phrase with appositives).
    fn speaker_from_phrase(&mut self, toks: &[Tok], head_toks: &[Tok]) -> Speaker {
        let text = self.text;
        let span = Span::new(toks[0].s, toks[toks.len() - 1].e);
        let phrase = &text[span.start..span.end];
        let head_words: Vec<&str> = head_toks.iter().map(|t| word(text, t)).collect();
        let first = head_words.first().copied().unwrap_or("");
        let lfirst = first.to_lowercase();
        // Pronouns.
        if head_words.len() == 1 && PRONOUNS.contains(&lfirst.as_str()) {
            return self.resolve_pronoun(&lfirst, span);
        }
        // Definite role noun: "the minister", "the official", "the ministry".
        if lfirst == "the" && head_words.len() <= 3 {
            let last = head_words.last().copied().unwrap_or("");
            if !is_cap(last) {
                if let Some(sp) = self.resolve_role(last, span) {
                    return sp;
                }
            }
        }
        let (name, named) = canonical_name(text, head_toks);
        // A surname or partial name seen before: "Shoigu" -> "Sergei Shoigu".
        if head_words.len() <= 2 {
            let last = head_words.last().copied().unwrap_or("");
            if is_cap(last) {
                if let Some(e) =
                    self.entities.iter().rev().find(|e| {
                        e.named && e.name != name && e.name.ends_with(&format!(" {last}"))
                    })
                {
                    let e = e.clone();
                    self.touch(&e.name, span.start);
                    return Speaker {
                        span: Some(span),
                        name: e.name.clone(),
                        actor: e.actor.clone(),
                        confidence: 0.85,
                    };
                }
            }
        }
        let actor = self.resolve_actor(phrase, span).or_else(|| {
            // "May claimed ...", "Ms May said": a lone capitalised word in the speaker slot,
            // alone or after honorifics and titles, is a surname.
            let words: Vec<&str> = toks.iter().map(|t| word(text, t)).collect();
            let (last, titles) = words.split_last()?;
            let honorific =
                |w: &&str| role_of(w).is_some() || in_list(TITLE_ABBREVS, w.trim_end_matches('.'));
            (is_cap(last) && titles.iter().all(honorific))
                .then(|| actors::resolve_surname_on(last, self.gazetteer, self.date))
                .flatten()
        });
        let lower = phrase.to_lowercase();
        let last_role = head_words.iter().rev().find_map(|w| role_of(w));
        let org = actor
            .as_ref()
            .map(|a| matches!(a.kind, ActorKind::Country | ActorKind::Organisation))
            .unwrap_or(false)
            || (!named && last_role.map(|r| r.org).unwrap_or(false));
        let last_word = head_words.last().copied().unwrap_or("");
        let plural = last_role.map(|r| r.plural).unwrap_or(false)
            || (!is_cap(last_word) && last_word.ends_with('s') && !last_word.ends_with("ss"));
        let mut gender = gender_of_phrase(&lower);
        if let Some(prev) = self.entities.iter().find(|e| e.name == name) {
            if gender == Gender::Unknown {
                gender = prev.gender;
            }
        }
        let person = !org
            && !plural
            && (named
                || last_role.is_some_and(|r| !r.org)
                || actor
                    .as_ref()
                    .is_some_and(|a| matches!(a.kind, ActorKind::Person | ActorKind::Anonymous)));
        self.entities.retain(|e| e.name != name);
        self.entities.push(Entity {
            name: name.clone(),
            full_lower: lower,
            gender,
            plural,
            org,
            named,
            person,
            actor: actor.clone(),
            pos: span.start,
            spoke: Some(span.start),
        });
        Speaker {
            span: Some(span),
            name,
            actor,
            confidence: 0.9,
        }
    }

    fn touch(&mut self, name: &str, pos: usize) {
        if let Some(e) = self.entities.iter_mut().find(|e| e.name == name) {
            e.pos = pos;
            e.spoke = Some(pos);
        }
    }

    fn resolve_pronoun(&mut self, p: &str, span: Span) -> Speaker {
        let want_plural = matches!(p, "they" | "we");
        let want_org = p == "it";
        let gender = match p {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => Gender::Unknown,
        };
        let quoted = |pos: usize| self.quotes.iter().any(|q| q.start <= pos && pos < q.end);
        let ok: Vec<usize> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.pos <= span.start && !quoted(e.pos))
            .filter(|(_, e)| {
                if want_org {
                    e.org && !e.plural
                } else if want_plural {
                    e.plural || e.org
                } else if p == "who" || p == "i" || p == "you" {
                    !e.org
                } else {
                    e.person && (e.gender == gender || e.gender == Gender::Unknown)
                }
            })
            .map(|(i, _)| i)
            .collect();
        // The latest sentence with a candidate holds the antecedent: its latest speaker, else
        // its first candidate (the subject, "Zakharova dubbed May's comments ... 'X,' she
        // said" is Zakharova), so an object named after the subject does not take the quote.
        let latest = ok.iter().map(|&i| self.entities[i].pos).max();
        let sent_of = |pos: usize| {
            self.sentences
                .iter()
                .find(|s| s.start <= pos && pos < s.end.max(s.start + 1))
                .copied()
        };
        let best = latest.and_then(|l| {
            let Some(sent) = sent_of(l) else {
                return ok.iter().copied().find(|&i| self.entities[i].pos == l);
            };
            let in_sent: Vec<usize> = ok
                .iter()
                .copied()
                .filter(|&i| sent.contains(Span::new(self.entities[i].pos, self.entities[i].pos)))
                .collect();
            in_sent
                .iter()
                .copied()
                .filter(|&i| self.entities[i].spoke == Some(self.entities[i].pos))
                .max_by_key(|&i| self.entities[i].pos)
                .or_else(|| {
                    in_sent
                        .iter()
                        .copied()
                        .min_by_key(|&i| self.entities[i].pos)
                })
        });
        match best {
            Some(i) => {
                if gender != Gender::Unknown && self.entities[i].gender == Gender::Unknown {
                    self.entities[i].gender = gender;
                }
                self.entities[i].pos = span.start;
                self.entities[i].spoke = Some(span.start);
                let e = &self.entities[i];
                Speaker {
                    span: Some(span),
                    name: e.name.clone(),
                    actor: e.actor.clone(),
                    confidence: 0.75,
                }
            }
            None => Speaker {
                span: Some(span),
                name: self.text[span.start..span.end].to_string(),
                actor: None,
                confidence: 0.5,
            },
        }
    }

    fn resolve_role(&mut self, role: &str, span: Span) -> Option<Speaker> {
        let lr = role.to_lowercase();
        let singular = lr.strip_suffix('s').unwrap_or(&lr).to_string();
        let i = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.pos <= span.start)
            .filter(|(_, e)| e.full_lower.contains(&lr) || e.full_lower.contains(&singular))
            .max_by_key(|(_, e)| e.pos)
            .map(|(i, _)| i)
            .or_else(|| {
                // "the prime minister" after a gazetteer person named without the title
                // ("Theresa May said ... The prime minister added"): the latest named person
                // of a government (GOV code), when the role is a government office.
                if !GOV_OFFICES.contains(&singular.as_str()) {
                    return None;
                }
                self.entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.pos <= span.start && e.named && !e.org && !e.plural)
                    .filter(|(_, e)| {
                        e.actor.as_ref().is_some_and(|a| {
                            a.kind == ActorKind::Person && a.code.get(3..) == Some("GOV")
                        })
                    })
                    .max_by_key(|(_, e)| e.pos)
                    .map(|(i, _)| i)
            })?;
        self.entities[i].pos = span.start;
        self.entities[i].spoke = Some(span.start);
        let e = &self.entities[i];
        Some(Speaker {
            span: Some(span),
            name: e.name.clone(),
            actor: e.actor.clone(),
            confidence: 0.8,
        })
    }

    /// Remember person names mentioned outside attributions ("Shoigu met ..."), for pronouns.
    fn note_names(&mut self, toks: &[Tok]) {
        let text = self.text;
        let mut i = 0;
        while i < toks.len() {
            let w = word(text, &toks[i]);
            let title = matches!(w, "Mr." | "Mrs." | "Ms." | "Dr." | "Gen." | "Sen." | "Rep.")
                || (role_of(w).is_some() && !role_of(w).map(|r| r.org).unwrap_or(true));
            if title && toks[i].k == TokKind::Word {
                let mut j = i + 1;
                while j < toks.len()
                    && toks[j].k == TokKind::Word
                    && is_cap(word(text, &toks[j]))
                    && role_of(word(text, &toks[j])).is_none()
                    && !in_list(CAP_STOP, word(text, &toks[j]))
                {
                    j += 1;
                }
                if j > i + 1 {
                    let name = text[toks[i + 1].s..toks[j - 1].e].to_string();
                    let name = name
                        .trim_end_matches("'s")
                        .trim_end_matches("’s")
                        .to_string();
                    if !self.entities.iter().any(|e| e.name == name) {
                        let gender = match w {
                            "Mr." => Gender::Male,
                            "Mrs." | "Ms." => Gender::Female,
                            _ => gender_of_phrase(&w.to_lowercase()),
                        };
                        let span = Span::new(toks[i].s, toks[j - 1].e);
                        let actor = self.resolve_actor(&text[span.start..span.end], span);
                        self.entities.push(Entity {
                            name,
                            full_lower: text[span.start..span.end].to_lowercase(),
                            gender,
                            plural: false,
                            org: false,
                            named: true,
                            person: true,
                            actor,
                            pos: span.start,
                            spoke: None,
                        });
                    }
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Finding claims

/// A claim in the making (spans only; texts are filled in at the end).
#[derive(Debug, Clone)]
struct Draft {
    speaker: Speaker,
    cue: Span,
    cue_kind: CueKind,
    kind: ClaimKind,
    content: Span,
    sentence: Span,
    confidence: f32,
}

/// Trim whitespace, quote marks, trailing commas/periods and a leading "that" from a content span.
fn clean_content(text: &str, mut s: usize, mut e: usize) -> Option<(usize, usize, bool)> {
    let mut quoted = false;
    for _ in 0..6 {
        let before = (s, e);
        let piece = text.get(s..e)?;
        let lead = piece.len() - piece.trim_start().len();
        s += lead;
        let piece = &text[s..e];
        e = s + piece.trim_end().len();
        let piece = &text[s..e];
        // Quote marks at the edges go only when unbalanced inside: `said "it was "too early"`
        // keeps the pair around "too early".
        let marks = piece.matches(['"', '“', '”']).count() + piece.matches("''").count();
        for q in ["\"", "“", "”", "''"] {
            if piece.starts_with(q)
                && (!marks.is_multiple_of(2) || piece.len() > q.len() && edge_pair(piece))
            {
                s += q.len();
                quoted = true;
                break;
            }
        }
        let piece = &text[s..e];
        let marks = piece.matches(['"', '“', '”']).count() + piece.matches("''").count();
        for q in ["\"", "“", "”", "''", ",", ";", ":", "—", "-"] {
            let is_quote = q.contains('"') || q.contains('”') || q == "''";
            if is_quote && marks.is_multiple_of(2) {
                continue;
            }
            if piece.ends_with(q) {
                e -= q.len();
                if q.contains('"') || q.contains('”') || q == "''" {
                    quoted = true;
                }
                break;
            }
        }
        let piece = &text[s..e];
        if piece.ends_with('.') {
            // Keep dots of abbreviations ("U.S.") when the content ends with one.
            let w = piece.rsplit(' ').next().unwrap_or("");
            if w.matches('.').count() == 1 {
                e -= 1;
            }
        }
        let piece = &text[s..e];
        for conj in [" and", " but", " or"] {
            if piece.len() > conj.len() && piece.to_ascii_lowercase().ends_with(conj) {
                e -= conj.len();
                break;
            }
        }
        let piece = &text[s..e];
        let lp = piece.get(..5).unwrap_or("").to_ascii_lowercase();
        if lp == "that " {
            s += 5;
        }
        if (s, e) == before {
            break;
        }
    }
    if e <= s
        || text
            .get(s..e)
            .map(|p| !p.chars().any(|c| c.is_alphanumeric()))
            .unwrap_or(true)
    {
        return None;
    }
    Some((s, e, quoted))
}

/// True when `piece` opens with a quote mark whose partner is its last char (a fully quoted piece).
fn edge_pair(piece: &str) -> bool {
    let inner = piece
        .trim_start_matches(['"', '“'])
        .trim_start_matches("''");
    let inner_marks = inner.matches(['"', '“', '”']).count();
    inner_marks == 1 && inner.trim_end_matches(['.', ',']).ends_with(['"', '”'])
}

/// The quotations that reach into bytes `lo..=hi` (`close_end >= lo`, `open <= hi`), in order.
/// `find_quotes` finds them left to right and they never overlap, so every field is sorted and
/// a binary search replaces a scan of the whole article per cue (issue 15, item 8: extraction
/// was quadratic in the number of quotations). Callers filter the window exactly as before.
fn quotes_near(quotes: &[Quote], lo: usize, hi: usize) -> &[Quote] {
    let i = quotes.partition_point(|q| q.close_end < lo);
    let j = quotes.partition_point(|q| q.open <= hi).max(i);
    &quotes[i..j]
}

/// The quotation whose interior contains byte `pos`.
fn quote_at(quotes: &[Quote], pos: usize) -> Option<&Quote> {
    quotes_near(quotes, pos, pos)
        .iter()
        .find(|q| q.start <= pos && pos < q.end.max(q.start + 1))
}

fn inside_quote(quotes: &[Quote], s: usize, e: usize) -> bool {
    quotes_near(quotes, s, s)
        .iter()
        .any(|q| q.start <= s && e <= q.end)
}

/// Index of the token starting at or after byte `pos`.
fn tok_at(toks: &[Tok], pos: usize) -> usize {
    toks.partition_point(|t| t.s < pos)
}

/// Find claims in `text` given its sentences, actor mentions and time expressions.
#[allow(clippy::too_many_arguments)]
pub fn find(
    text: &str,
    sentences: &[Span],
    actors: &[ActorMention],
    timexes: &[Timex],
    published: DateValue,
    gazetteer: &Gazetteer,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Claim> {
    let quotes = find_quotes(text);
    let mut ctx = Ctx {
        text,
        quotes: &quotes,
        sentences,
        gazetteer,
        date: published.date,
        actors,
        entities: Vec::new(),
    };
    for a in actors.iter().filter(|a| a.kind == ActorKind::Person) {
        ctx.entities.push(Entity {
            name: a.name.clone(),
            full_lower: a.text.to_lowercase(),
            gender: Gender::Unknown,
            plural: false,
            org: false,
            named: true,
            person: true,
            actor: Some(Resolved {
                name: a.name.clone(),
                code: a.code.clone(),
                country: a.country.clone(),
                kind: a.kind,
            }),
            pos: a.span.start,
            spoke: None,
        });
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for &sent in sentences {
        if sent.end > text.len()
            || !text.is_char_boundary(sent.start)
            || !text.is_char_boundary(sent.end)
            || sent.is_empty()
        {
            continue;
        }
        let toks = tokenize(text, sent.start, sent.end);
        let before = drafts.len();
        find_in_sentence(&mut ctx, &quotes, sent, &toks, &mut drafts);
        if drafts.len() == before {
            ctx.note_names(&toks);
        }
    }
    add_continuations(text, &quotes, sentences, &mut drafts);
    // One-word paraphrases ("posted online", "told by phone") are not claims.
    drafts.retain(|d| {
        d.kind != ClaimKind::Indirect
            || text[d.content.start..d.content.end]
                .split_whitespace()
                .count()
                >= 2
    });
    drafts.sort_by_key(|d| (d.content.start, d.content.end));
    drafts.dedup_by(|a, b| a.content.overlaps(b.content) && a.speaker.span == b.speaker.span);
    let mut out = Vec::with_capacity(drafts.len());
    for d in drafts {
        out.push(finish(text, d, timexes, published));
    }
    name_title_leads(&mut out);
    if out.is_empty() && !quotes.is_empty() {
        diagnostics.push(Diagnostic {
            message: format!("{} quotations but no attributed claim", quotes.len()),
            span: None,
        });
    }
    out
}

/// Wire ledes introduce a speaker by title and name them a paragraph later: "Russia's defense
/// minister said Monday ..." then "Defense Minister Sergei Shoigu ... said". A titled speaker
/// that resolved to no person takes the name of the first later named speaker of the same
/// actor whose sentence carries the same role word.
fn name_title_leads(claims: &mut [Claim]) {
    for i in 0..claims.len() {
        let c = &claims[i];
        let unresolved = c.actor.as_deref() == Some(c.speaker.as_str()) || c.actor.is_none();
        let lower = c.speaker.to_lowercase();
        let indefinite = lower.starts_with("a ") || lower.starts_with("an ");
        if !unresolved || indefinite || c.actor_code.is_none() {
            continue;
        }
        let Some(role) = lower
            .split(|ch: char| !ch.is_alphabetic())
            .rfind(|w| role_of(w).is_some_and(|r| !r.org && !r.plural))
            .map(str::to_string)
        else {
            continue;
        };
        let named = claims[i + 1..].iter().find(|d| {
            d.actor_code == c.actor_code
                && d.actor.as_deref() == Some(d.speaker.as_str())
                && d.speaker.split_whitespace().filter(|w| is_cap(w)).count() >= 2
                && !d.speaker.to_lowercase().contains(&role)
                && d.sentence.to_lowercase().contains(&role)
        });
        if let Some(d) = named {
            let name = d.speaker.clone();
            claims[i].actor = Some(name.clone());
            claims[i].speaker = name;
        }
    }
}

/// Try every cue of one sentence.
fn find_in_sentence(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    drafts: &mut Vec<Draft>,
) {
    let text = ctx.text;
    let s_text = &text[sent.start..sent.end];
    let lex = &*CUES;
    // Headlines in title case ("Trump's Son Says The Battle Will Be Unprecedented") keep
    // capitalized cues.
    let (caps, words) = toks
        .iter()
        .filter(|t| t.k == TokKind::Word)
        .fold((0, 0), |(c, w), t| {
            (c + usize::from(is_cap(word(text, t))), w + 1)
        });
    let title_case = words >= 4 && caps * 10 >= words * 7;
    let mut matches: Vec<(usize, usize, CueRow)> = Vec::new();
    for m in lex.ac.find_iter(s_text) {
        let (ms, me) = (sent.start + m.start(), sent.start + m.end());
        let ok_before = text[..ms]
            .chars()
            .next_back()
            .map(|c| !c.is_alphanumeric() && !matches!(c, '-' | '<' | '/' | '@' | '#'))
            .unwrap_or(true);
        let ok_after = text[me..]
            .chars()
            .next()
            .map(|c| !c.is_alphanumeric())
            .unwrap_or(true);
        let lower_or_initial = text[ms..]
            .chars()
            .next()
            .map(|c| c.is_lowercase() || !c.is_alphabetic())
            .unwrap_or(false)
            || (text[sent.start..ms]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty()
                && text[ms..me].eq_ignore_ascii_case("according to"))
            || (title_case && !text[sent.start..ms].trim().is_empty());
        if !ok_before || !ok_after || !lower_or_initial || inside_quote(quotes, ms, me) {
            continue;
        }
        matches.push((ms, me, lex.rows[m.pattern().as_usize()].clone()));
    }
    // Merge channel phrases into the cue before them ("said in a statement").
    let mut cues: Vec<(Span, CueRow)> = Vec::new();
    let mut i = 0;
    while i < matches.len() {
        let (ms, mut me, row) = matches[i].clone();
        i += 1;
        if row.kind == CueKind::Channel {
            continue;
        }
        if let Some(&(ns, ne, ref nr)) = matches.get(i) {
            if nr.kind == CueKind::Channel && text[me..ns].trim().is_empty() {
                me = ne;
                i += 1;
            }
        }
        cues.push((Span::new(ms, me), row));
    }
    let first_new = drafts.len();
    // Strong cues first; weak and belief cues only where strong ones left room.
    for strong_pass in [true, false] {
        for (cue, row) in &cues {
            let strong = !row.weak && row.kind != CueKind::Belief;
            if strong != strong_pass {
                continue;
            }
            let cue = *cue;
            let mine = &drafts[first_new..];
            if mine.iter().any(|d| {
                d.cue.overlaps(cue) || d.speaker.span.map(|s| s.overlaps(cue)).unwrap_or(false)
            }) {
                continue;
            }
            // Weak cues never nest inside an existing claim.
            if !strong_pass && mine.iter().any(|d| d.content.overlaps(cue)) {
                continue;
            }
            let ci = tok_at(toks, cue.start);
            let possessive = ci > 0 && toks[ci - 1].k == TokKind::Word && {
                let w = word(text, &toks[ci - 1]);
                w.ends_with("'s")
                    || w.ends_with("’s")
                    || in_list(&["his", "her", "their", "its"], w)
            };
            let draft = match row.kind {
                _ if possessive && row.kind != CueKind::SourcePhrase => {
                    noun_cue(ctx, quotes, sent, toks, cue, row)
                }
                CueKind::Noun => None,
                CueKind::SourcePhrase => according_to(ctx, quotes, sent, toks, cue),
                CueKind::QuotedAs => quoted_as(ctx, sent, toks, cue),
                _ => verb_cue(ctx, quotes, sent, toks, cue, row, &drafts[first_new..]),
            };
            let Some(d) = draft else { continue };
            let shared = drafts[first_new..]
                .iter()
                .any(|o| o.speaker.span.is_some() && o.speaker.span == d.speaker.span);
            let attr_start = d
                .speaker
                .span
                .filter(|_| !shared)
                .map(|s| s.start.min(d.cue.start))
                .unwrap_or(d.cue.start);
            let attr = Span::new(attr_start, d.cue.end);
            // A later attribution inside an earlier claim's content ends that content:
            // "46 percent said yes, compared with 23 percent who said ...".
            // An earlier claim whose cue sits inside this attribution ("A White House official,
            // who requested anonymity, said ...") gives way to it.
            let hull = attr;
            let mut k = first_new;
            // A relative clause with its own speech cue ("Barker, who said he votes Democratic,
            // said ...") keeps its claim, cut before the main cue.
            while k < drafts.len() {
                if hull.contains(drafts[k].cue) && drafts[k].cue != d.cue {
                    let o = &drafts[k];
                    let relative = o.cue_kind != CueKind::Belief
                        && o.speaker
                            .span
                            .is_some_and(|s| s.slice(text).eq_ignore_ascii_case("who"))
                        && o.content.start > o.cue.end
                        && o.content.start < d.cue.start;
                    let cut = relative
                        .then(|| clean_content(text, o.content.start, d.cue.start))
                        .flatten();
                    if let Some(c) = cut {
                        drafts[k].content = Span::new(c.0, c.1);
                        k += 1;
                    } else {
                        drafts.remove(k);
                    }
                } else {
                    k += 1;
                }
            }
            let mut ok = true;
            for o in drafts[first_new..].iter_mut() {
                if hull.contains(o.cue) && o.cue != d.cue {
                    // the relative clause kept above
                } else if o.content.contains(attr) && strong_pass {
                    match clean_content(text, o.content.start, attr.start) {
                        Some(c) => o.content = Span::new(c.0, c.1),
                        None => ok = false,
                    }
                } else if d.content.contains(o.content) && d.content.start < attr.start {
                    // "The group dismissed the deal, according to a statement": both stand.
                } else if o.content.overlaps(d.content) || o.content.overlaps(attr) {
                    ok = false;
                }
            }
            if ok {
                // "said that X and that Y": two claims by the same speaker.
                let second = split_and_that(text, sent, &d);
                drafts.push(d);
                if let Some(d2) = second {
                    let last = drafts.len() - 1;
                    let mut extra = drafts[last].clone();
                    extra.content = d2.1;
                    extra.kind = ClaimKind::Indirect;
                    extra.confidence *= 0.9;
                    drafts.push(extra);
                }
            }
        }
    }
    generic_that(ctx, quotes, sent, toks, drafts, first_new);
    generic_quote_first(ctx, quotes, sent, toks, drafts, first_new);
    colon_claims(ctx, quotes, sent, toks, drafts, first_new);
}

/// `"...," Trump boasted.` / `"...," quipped the senator.`: a quotation ending in a comma (or
/// ? !) followed by a subject and any verb outside the lexicon. Low confidence.
fn generic_quote_first(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    drafts: &mut Vec<Draft>,
    first_new: usize,
) {
    let text = ctx.text;
    for q in quotes_near(quotes, sent.start, sent.end)
        .iter()
        .filter(|q| q.closed && q.close_end > sent.start && q.close_end < sent.end)
    {
        let interior = text[q.start..q.end].trim_end();
        if !interior.ends_with([',', '?', '!']) {
            continue;
        }
        let qs = Span::new(q.start, q.end);
        if drafts.iter().any(|d| d.content.overlaps(qs)) {
            continue;
        }
        let t0 = tok_at(toks, q.close_end);
        let is_verb = |t: &Tok| {
            let w = word(text, t);
            t.k == TokKind::Word
                && !is_cap(w)
                && (w.ends_with("ed") || w.ends_with('s'))
                && !NP_STOP.contains(&w.to_lowercase().as_str())
        };
        let (spk, cue) =
            if let Some(e) = np_fwd(text, toks, t0).filter(|&e| e + 1 < toks.len() && e < t0 + 6) {
                if !is_verb(&toks[e + 1]) {
                    continue;
                }
                ((t0, e), e + 1)
            } else if t0 + 1 < toks.len() && is_verb(&toks[t0]) {
                match np_fwd_mode(text, toks, t0 + 1, true) {
                    Some(e) => ((t0 + 1, e), t0),
                    None => continue,
                }
            } else {
                continue;
            };
        let Some(c) = clean_content(text, q.start, q.end) else {
            continue;
        };
        let mut speaker = ctx.speaker_from_phrase(&toks[spk.0..=spk.1], &toks[spk.0..=spk.1]);
        speaker.confidence = speaker.confidence.min(0.5);
        drafts.push(Draft {
            confidence: speaker.confidence,
            speaker,
            cue: Span::new(toks[cue].s, toks[cue].e),
            cue_kind: CueKind::Speech,
            kind: ClaimKind::Direct,
            content: Span::new(c.0, c.1),
            sentence: sent,
        });
    }
    let _ = first_new;
}

/// "Trump boasted that ...": a verb outside the lexicon, right before "that", after a plain
/// subject phrase (name, pronoun, role noun). Low confidence.
fn generic_that(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    drafts: &mut Vec<Draft>,
    first_new: usize,
) {
    let text = ctx.text;
    for t in 2..toks.len().saturating_sub(1) {
        if !word(text, &toks[t]).eq_ignore_ascii_case("that") || toks[t - 1].k != TokKind::Word {
            continue;
        }
        let v = word(text, &toks[t - 1]);
        let lv = v.to_lowercase();
        if is_cap(v)
            || !(lv.ends_with("ed") || lv.ends_with('s'))
            || lv.ends_with("ss")
            || NP_STOP.contains(&lv.as_str())
            || in_list(SKIP_BEFORE_CUE, v)
            || role_of(v).is_some()
            || matches!(
                lv.as_str(),
                "so" | "such"
                    | "is"
                    | "was"
                    | "has"
                    | "does"
                    | "means"
                    | "ensured"
                    | "ensures"
                    | "needed"
                    | "needs"
                    | "seems"
                    | "appears"
                    | "proved"
                    | "happened"
            )
        {
            continue;
        }
        let cue = Span::new(toks[t - 1].s, toks[t - 1].e);
        if inside_quote(quotes, cue.start, cue.end)
            || drafts[first_new..]
                .iter()
                .any(|d| d.content.overlaps(cue) || d.cue.overlaps(cue))
        {
            continue;
        }
        let j = skip_back(text, toks, t - 1);
        if j == 0 || toks[j - 1].k != TokKind::Word {
            continue;
        }
        let Some(st) = np_back(text, toks, j - 1, false) else {
            continue;
        };
        // A bare name or pronoun, or a determiner phrase headed by a role or a name
        // ("the senator", "a Clinton aide").
        let person = |x: &Tok| {
            let w = word(text, x);
            is_cap(w) || in_list(PRONOUNS, w) || role_of(w).is_some()
        };
        let bare = (toks[st..j].iter().all(person) && !in_list(DETERMINERS, word(text, &toks[st])))
            || (j - st >= 2
                && in_list(&["the", "a", "an"], word(text, &toks[st]))
                && role_of(word(text, &toks[j - 1])).is_some());
        let opens = st == 0
            || toks[st - 1].k != TokKind::Word
            || in_list(
                &["and", "but", "as", "because", "while"],
                word(text, &toks[st - 1]),
            );
        if !bare || !opens {
            continue;
        }
        let Some(c) = clean_content(text, toks[t + 1].s, sent.end) else {
            continue;
        };
        if drafts[first_new..]
            .iter()
            .any(|d| d.content.overlaps(Span::new(c.0, c.1)))
        {
            continue;
        }
        let mut speaker = ctx.speaker_from_phrase(&toks[st..j], &toks[st..j]);
        speaker.confidence = speaker.confidence.min(0.45);
        drafts.push(Draft {
            confidence: speaker.confidence,
            speaker,
            cue,
            cue_kind: CueKind::Speech,
            kind: ClaimKind::Indirect,
            content: Span::new(c.0, c.1),
            sentence: sent,
        });
    }
}

/// `X said that "A" and that B`: the byte where " and that" starts and the content span of B.
fn split_and_that(text: &str, sent: Span, d: &Draft) -> Option<(usize, Span)> {
    if d.kind == ClaimKind::Direct {
        return None;
    }
    let from = d.content.start;
    let hay = text.get(from..sent.end)?;
    let lower = hay.to_ascii_lowercase();
    let rel = lower.find(" and that ")?;
    let at = from + rel;
    // Only the tail after a quotation-led claim: an indirect "A and that B" stays one claim
    // (PolNeAR annotates it as one attribution).
    if at < d.content.end
        || text[d.content.end..at]
            .trim()
            .trim_matches(['"', '”', '\''])
            .len()
            > 2
    {
        return None;
    }
    let c = clean_content(text, at + " and that ".len(), sent.end)?;
    if c.1 - c.0 < 8 {
        return None;
    }
    Some((at, Span::new(c.0, c.1)))
}

/// "Moscow's claim that its jets ...", "Lavrov's criticism of the plan", "his support for the
/// truce": the possessive is the speaker, the noun the cue.
fn noun_cue(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    cue: Span,
    row: &CueRow,
) -> Option<Draft> {
    let text = ctx.text;
    let ci = tok_at(toks, cue.start);
    let ce = tok_at(toks, cue.end);
    let p = ci.checked_sub(1)?;
    let pw = word(text, &toks[p]);
    let (st, head_end) = if in_list(&["his", "her", "their", "its"], pw) {
        (p, p)
    } else {
        (np_back(text, toks, p, false).unwrap_or(p), p)
    };
    let nxt = toks.get(ce)?;
    let nw = word(text, nxt).to_lowercase();
    let (cs, end) = match nw.as_str() {
        "that" => (toks.get(ce + 1)?.s, sent.end),
        "of" | "for" | "to" | "on" | "about" | "with" => {
            // A short object: up to the next punctuation or clause word.
            let mut k = ce + 1;
            while k < toks.len()
                && k < ce + 9
                && toks[k].k == TokKind::Word
                && !in_list(
                    &[
                        "that", "which", "who", "is", "was", "has", "had", "and", "but",
                    ],
                    word(text, &toks[k]),
                )
            {
                k += 1;
            }
            if k == ce + 1 {
                return None;
            }
            (toks[ce + 1].s, toks[k - 1].e)
        }
        _ => return None,
    };
    let c = clean_content(text, cs, end)?;
    let mut speaker = ctx.speaker_from_phrase(&toks[st..=head_end], &toks[st..=head_end]);
    speaker.confidence = speaker.confidence.min(0.5);
    let has_quote = quotes_near(quotes, c.0, c.1)
        .iter()
        .any(|q| q.open >= c.0 && q.open < c.1);
    Some(Draft {
        confidence: speaker.confidence,
        speaker,
        cue,
        cue_kind: if row.kind == CueKind::Noun {
            CueKind::Speech
        } else {
            row.kind
        },
        kind: if has_quote {
            ClaimKind::Mixed
        } else {
            ClaimKind::Indirect
        },
        content: Span::new(c.0, c.1),
        sentence: sent,
    })
}

/// "Pence: ..." headlines, transcripts ("WALLACE: ...") and "pollster Daron Shaw: “...”".
fn colon_claims(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    drafts: &mut Vec<Draft>,
    first_new: usize,
) {
    let text = ctx.text;
    for c in 1..toks.len().saturating_sub(1) {
        if !is_punct(text, &toks[c], ":") || toks[c - 1].k != TokKind::Word {
            continue;
        }
        let colon = Span::new(toks[c].s, toks[c].e);
        if inside_quote(quotes, colon.start, colon.end)
            || drafts[first_new..].iter().any(|d| {
                d.content.overlaps(colon)
                    || d.cue.end + 1 >= colon.start && d.cue.end <= colon.start
            })
        {
            continue;
        }
        let prev = word(text, &toks[c - 1]);
        if !is_cap(prev) && role_of(prev).is_none() {
            continue;
        }
        let Some(st) = np_back(text, toks, c - 1, false) else {
            continue;
        };
        let first_word = toks.iter().position(|t| t.k == TokKind::Word).unwrap_or(0);
        let quote_next = toks[c + 1].k == TokKind::Quote;
        let after_prep = st > 0
            && toks[st - 1].k == TokKind::Word
            && NP_STOP.contains(&word(text, &toks[st - 1]).to_lowercase().as_str());
        if !(st == first_word || quote_next) || c - st > 6 || after_prep {
            continue;
        }
        let speaker = ctx.speaker_from_phrase(&toks[st..c], &toks[st..c]);
        let cs = toks[c + 1].s;
        let content = match quotes_near(quotes, cs, cs).iter().find(|q| q.open == cs) {
            Some(q) => clean_content(text, q.start, q.end),
            None => clean_content(text, cs, sent.end),
        };
        let Some(cn) = content else { continue };
        if text[cn.0..cn.1].split_whitespace().count() < 3 {
            continue;
        }
        drafts.push(Draft {
            confidence: speaker.confidence.min(0.6),
            speaker,
            cue: colon,
            cue_kind: CueKind::Speech,
            kind: if quote_next {
                ClaimKind::Direct
            } else {
                ClaimKind::Indirect
            },
            content: Span::new(cn.0, cn.1),
            sentence: sent,
        });
        return;
    }
}

fn according_to(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    cue: Span,
) -> Option<Draft> {
    let text = ctx.text;
    let ci = tok_at(toks, cue.end);
    if ci >= toks.len() || toks[ci].k != TokKind::Word {
        return None;
    }
    let end = np_fwd(text, toks, ci).unwrap_or(ci);
    // The source phrase runs to the next comma or the sentence end (appositives included).
    let mut k = end;
    while k + 1 < toks.len()
        && !is_punct(text, &toks[k + 1], ",")
        && !is_punct(text, &toks[k + 1], ".")
        && toks[k + 1].k != TokKind::Quote
    {
        k += 1;
        if k - end > 12 {
            break;
        }
    }
    let spk_toks = &toks[ci..=k];
    let speaker = ctx.speaker_from_phrase(spk_toks, &toks[ci..=end]);
    let lead = text[sent.start..cue.start].trim();
    let lead_words = lead.split_whitespace().count();
    let (cs, ce) = if lead_words <= 1 {
        // "According to X, content." — content after the comma that closes the source.
        let after = toks.get(k + 1)?;
        (after.e, sent.end)
    } else {
        (sent.start, cue.start)
    };
    let (cs, ce, quoted) = clean_content(text, cs, ce)?;
    let kind = if quoted && inside_quote(quotes, cs, ce) {
        ClaimKind::Direct
    } else {
        ClaimKind::Indirect
    };
    Some(Draft {
        confidence: speaker.confidence.min(0.85),
        speaker,
        cue,
        cue_kind: CueKind::SourcePhrase,
        kind,
        content: Span::new(cs, ce),
        sentence: sent,
    })
}

fn quoted_as(ctx: &mut Ctx, sent: Span, toks: &[Tok], cue: Span) -> Option<Draft> {
    let text = ctx.text;
    let ci = tok_at(toks, cue.end);
    // Find "as saying" within a few tokens.
    let mut k = ci;
    while k + 1 < toks.len() && k < ci + 14 {
        if word(text, &toks[k]).eq_ignore_ascii_case("as")
            && word(text, &toks[k + 1]).eq_ignore_ascii_case("saying")
        {
            break;
        }
        k += 1;
    }
    if k + 1 >= toks.len() || k == ci || !word(text, &toks[k + 1]).eq_ignore_ascii_case("saying") {
        return None;
    }
    let mut e = k - 1;
    while e > ci && toks[e].k == TokKind::Punct {
        e -= 1;
    }
    let head_end = np_fwd(text, toks, ci).unwrap_or(e).min(e);
    let speaker = ctx.speaker_from_phrase(&toks[ci..=e], &toks[ci..=head_end]);
    let cue = Span::new(cue.start, toks[k + 1].e);
    let (cs, ce, quoted) = clean_content(text, cue.end, sent.end)?;
    Some(Draft {
        confidence: 0.85,
        speaker,
        cue,
        cue_kind: CueKind::Speech,
        kind: if quoted {
            ClaimKind::Direct
        } else {
            ClaimKind::Indirect
        },
        content: Span::new(cs, ce),
        sentence: sent,
    })
}

/// The subject phrase that opens a sentence, skipping a leading adverbial clause ("In an
/// interview Thursday, the senator criticized ... and said ...").
fn sentence_subject(text: &str, toks: &[Tok]) -> Option<(usize, usize)> {
    let mut k0 = toks.iter().position(|t| t.k == TokKind::Word)?;
    if in_list(CAP_STOP, word(text, &toks[k0])) {
        let comma = (k0..toks.len().min(k0 + 16)).find(|&k| is_punct(text, &toks[k], ","));
        if let Some(c) = comma {
            k0 = c + 1;
        }
    }
    while k0 < toks.len()
        && (toks[k0].k != TokKind::Word || in_list(CAP_STOP, word(text, &toks[k0])))
        && k0 < 20
    {
        k0 += 1;
    }
    let end = np_fwd(text, toks, k0)?;
    Some((k0, end))
}

/// Words of [`SKIP_BEFORE_CUE`] that are also surnames or given names: capitalised before a
/// cue they are the speaker, not an auxiliary.
const NAME_LIKE_SKIPS: &[&str] = &["may", "will", "long"];

/// Skip adverbs, auxiliaries and time words between a speaker and its cue, backwards from token `j`.
fn skip_back(text: &str, toks: &[Tok], mut j: usize) -> usize {
    while j > 0 {
        let t = &toks[j - 1];
        let w = word(text, t);
        // A capitalised modal that is also a surname ("May said", "Theresa May told") is the
        // speaker: before a cue a modal is never capitalised, a name always is.
        if is_cap(w) && in_list(NAME_LIKE_SKIPS, w) {
            break;
        }
        if t.k == TokKind::Word && in_list(SKIP_BEFORE_CUE, w) {
            j -= 1;
        } else {
            break;
        }
    }
    j
}

/// Words of a trailer after a cue: "told reporters in Washington", "said in remarks carried by
/// state TV", "said on Monday", "said, however,".
const TRAILER_WORDS: &[&str] = &[
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

/// Skip a trailer after the cue; returns the first token of what follows it.
fn skip_trailer(text: &str, toks: &[Tok], mut k: usize, told: bool, in_pp: bool) -> usize {
    let start = k;
    let mut in_pp = in_pp;
    while k < toks.len() && k < start + 14 {
        let t = &toks[k];
        let w = word(text, t);
        let lw = w.to_lowercase();
        if is_punct(text, t, ",") {
            k += 1;
            // "on Aug. 29, 2016 that": the year continues the date.
            let year_next = toks
                .get(k)
                .map(|n| {
                    word(text, n).len() == 4 && word(text, n).bytes().all(|b| b.is_ascii_digit())
                })
                .unwrap_or(false);
            in_pp = in_pp && year_next;
            continue;
        }
        if t.k != TokKind::Word {
            break;
        }
        if matches!(
            lw.as_str(),
            "in" | "at" | "to" | "on" | "with" | "during" | "from"
        ) {
            in_pp = true;
            k += 1;
            continue;
        }
        if in_list(SKIP_BEFORE_CUE, w)
            || (in_pp
                && (is_cap(w)
                    || TRAILER_WORDS.contains(&lw.as_str())
                    || lw.bytes().all(|b| b.is_ascii_digit())))
            || (told
                && k < start + 3
                && (is_cap(w)
                    || matches!(
                        lw.as_str(),
                        "him" | "her" | "them" | "us" | "me" | "reporters" | "journalists"
                    )))
            || matches!(lw.as_str(), "however" | "reporters" | "journalists")
        {
            k += 1;
            continue;
        }
        break;
    }
    k
}

#[allow(clippy::too_many_arguments)]
fn verb_cue(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    cue: Span,
    row: &CueRow,
    earlier: &[Draft],
) -> Option<Draft> {
    let text = ctx.text;
    let ci = tok_at(toks, cue.start);
    let ce = tok_at(toks, cue.end);
    let cue_word = text[cue.start..cue.end].to_lowercase();
    let told = matches!(cue_word.as_str(), "told" | "tells" | "tell" | "telling");
    // Passive ("was asked", "is expected", "is said to"): the subject is not the speaker.
    let mut passive_agent: Option<(Speaker, usize)> = None;
    let be_forms = [
        "was", "is", "were", "are", "be", "been", "being", "get", "got", "gets",
    ];
    let j_skip = skip_back(text, toks, ci);
    let passive_aux = (j_skip..ci).any(|k| in_list(&be_forms, word(text, &toks[k])))
        || (ci > 0 && in_list(&be_forms, word(text, &toks[ci - 1])));
    if passive_aux
        && (cue_word.ends_with("ed")
            || matches!(
                cue_word.as_str(),
                "said"
                    | "told"
                    | "known"
                    | "seen"
                    | "thought"
                    | "shown"
                    | "found"
                    | "called"
                    | "cited"
                    | "quoted"
            ))
    {
        // "was asked by host John Dickerson whether ...": the agent is the speaker.
        let by = toks
            .get(ce)
            .map(|t| word(text, t).eq_ignore_ascii_case("by"))
            .unwrap_or(false);
        let agent = if by {
            np_fwd_mode(text, toks, ce + 1, true)
        } else {
            None
        };
        let end = agent?;
        let mut sp = ctx.speaker_from_phrase(&toks[ce + 1..=end], &toks[ce + 1..=end]);
        sp.confidence = sp.confidence.min(0.6);
        passive_agent = Some((sp, end + 1));
    }
    // --- speaker before the cue
    let j = skip_back(text, toks, ci);
    let mut speaker: Option<Speaker> = None;
    let mut speaker_first_tok: Option<usize> = None;
    if let Some((sp, _)) = &passive_agent {
        speaker = Some(sp.clone());
    } else if j > 0 {
        let p = &toks[j - 1];
        if p.k == TokKind::Word || is_punct(text, p, ")") {
            if let Some(st) = np_back(text, toks, j - 1, !row.weak) {
                // "who said": the relative pronoun refers to the phrase before ", who".
                let w = word(text, &toks[st]).to_lowercase();
                if w == "who" {
                    let comma = usize::from(st >= 2 && is_punct(text, &toks[st - 1], ","));
                    if st > comma {
                        if let Some(s2) = np_back(text, toks, st - 1 - comma, true) {
                            let e2 = st - 1 - comma;
                            let sp = ctx.speaker_from_phrase(&toks[s2..=e2], &toks[s2..=e2]);
                            speaker = Some(Speaker {
                                span: Some(Span::new(toks[st].s, toks[st].e)),
                                ..sp
                            });
                            speaker_first_tok = Some(st);
                        }
                    }
                } else if let Some((s2, w)) = relative_subject(text, toks, st) {
                    // "Officials who spoke with the newspaper said ...": the speaker is the
                    // phrase before "who", not the end of the relative clause.
                    let sp = ctx.speaker_from_phrase(&toks[s2..w], &toks[s2..w]);
                    speaker = Some(sp);
                    speaker_first_tok = Some(s2);
                } else {
                    let sp = ctx.speaker_from_phrase(&toks[st..j], &toks[st..j]);
                    speaker = Some(sp);
                    speaker_first_tok = Some(st);
                }
            }
        } else if (is_punct(text, p, ",") || is_punct(text, p, "—"))
            && j >= 2
            && toks[j - 2].k == TokKind::Word
            // ", saying ..." hangs on the clause's subject, never on the phrase before the
            // comma ("Haley called it a moment for Russia, a council member, saying ...").
            && !cue_word.ends_with("ing")
        {
            // Appositive: "Sergei Lavrov, Russia's foreign minister, said" /
            // "a U.S. official, speaking on condition of anonymity, said".
            let delim = &text[p.s..p.e];
            let mut k = j - 2;
            let mut commas = Vec::new();
            while k > 0 && j - 2 - k < 40 {
                let t = &toks[k];
                if is_punct(text, t, delim) {
                    commas.push(k);
                    if delim != "," {
                        break;
                    }
                } else if t.k != TokKind::Word
                    && !is_punct(text, t, "(")
                    && !is_punct(text, t, ")")
                    && !is_punct(text, t, ",")
                {
                    break;
                }
                k -= 1;
            }
            // The earliest comma whose phrase before it opens a clause ("Clinton, during a
            // town hall meeting in Columbus, Ohio, said"), else the nearest one.
            let first_word = toks.iter().position(|t| t.k == TokKind::Word).unwrap_or(0);
            let opens_clause = |c: usize| {
                c > 0
                    && toks[c - 1].k == TokKind::Word
                    && np_back(text, toks, c - 1, false)
                        .map(|st| {
                            st == first_word
                                || (st > 0
                                    && (toks[st - 1].k == TokKind::Quote
                                        || is_punct(text, &toks[st - 1], ",")
                                        || is_punct(text, &toks[st - 1], "—")))
                        })
                        .unwrap_or(false)
            };
            let found = commas
                .iter()
                .rev()
                .copied()
                .find(|&c| opens_clause(c))
                .or_else(|| commas.first().copied());
            if let Some(c1) = found {
                if c1 > 0 && toks[c1 - 1].k == TokKind::Word {
                    let apposition = np_back(text, toks, j - 2, false)
                        .map(|a| a == c1 + 1)
                        .unwrap_or(false);
                    // "One Republican hopeful, Carly Fiorina, says": a loose phrase before a name.
                    let st = np_back(text, toks, c1 - 1, false).or_else(|| {
                        if apposition {
                            np_back(text, toks, c1 - 1, true)
                        } else {
                            None
                        }
                    });
                    if let Some(st) = st {
                        let phrase_end = if apposition { j - 2 } else { c1 - 1 };
                        // "Syria's U.N. ambassador, Bashar Jaafari, said": the name is the head.
                        let app_is_name = apposition
                            && toks[c1 + 1..j - 1].iter().all(|t| is_cap(word(text, t)))
                            && toks[st..c1].iter().any(|t| {
                                let w = word(text, t);
                                !is_cap(w) && role_of(w).is_some_and(|r| !r.org)
                            });
                        let head = if app_is_name {
                            &toks[c1 + 1..j - 1]
                        } else {
                            &toks[st..c1]
                        };
                        let sp = ctx.speaker_from_phrase(&toks[st..=phrase_end], head);
                        speaker = Some(sp);
                        speaker_first_tok = Some(st);
                    }
                }
            }
        }
    }
    // Participle cues with no subject ("He dismissed the report, saying ...") take the
    // sentence's speaker, or the subject that opens the sentence.
    let channel_noun = j > 0
        && toks[j - 1].k == TokKind::Word
        && matches!(
            word(text, &toks[j - 1]).to_lowercase().as_str(),
            "statement"
                | "release"
                | "letter"
                | "tweet"
                | "post"
                | "email"
                | "memo"
                | "video"
                | "ad"
                | "note"
                | "message"
                | "interview"
        );
    if channel_noun && cue_word.ends_with("ing") {
        speaker = None;
        speaker_first_tok = None;
    }
    let coordinated = speaker.is_none()
        && j > 0
        && toks[j - 1].k == TokKind::Word
        && matches!(
            word(text, &toks[j - 1]).to_lowercase().as_str(),
            "and" | "but"
        );
    let comma_before = j > 0
        && (is_punct(text, &toks[j - 1], ",")
            || (j > 1 && toks[j - 1].k == TokKind::Quote && is_punct(text, &toks[j - 2], ",")));
    let participle = cue_word.ends_with("ing") && (comma_before || channel_noun);
    if speaker.is_none() && (participle || coordinated) {
        if let Some(prev) = earlier.last() {
            // Same speaker, named earlier in this sentence ("he said, adding that ...").
            speaker = Some(prev.speaker.clone());
        } else if let Some((k0, end)) = sentence_subject(text, toks).filter(|&(_, e)| e < ci) {
            let mut sp = ctx.speaker_from_phrase(&toks[k0..=end], &toks[k0..=end]);
            sp.confidence = sp.confidence.min(0.7);
            speaker = Some(sp);
            speaker_first_tok = Some(k0);
        }
    }
    // --- inverted speaker after the cue ("...," said Lavrov)
    let mut after = passive_agent.as_ref().map(|p| p.1).unwrap_or(ce);
    let mut inverted = passive_agent.is_some();
    let left_open = j == 0
        || toks[j - 1].k == TokKind::Quote
        || is_punct(text, &toks[j - 1], ",")
        || is_punct(text, &toks[j - 1], "—");
    if speaker.is_none() && !row.weak && left_open && !told {
        let mut k = ce;
        while k < toks.len()
            && toks[k].k == TokKind::Word
            && in_list(SKIP_BEFORE_CUE, word(text, &toks[k]))
        {
            k += 1;
        }
        let loose =
            j > 0 && toks[j - 1].k == TokKind::Quote || (j > 1 && toks[j - 2].k == TokKind::Quote);
        if let Some(end) = np_fwd_mode(text, toks, k, loose) {
            let mut phrase_end = end;
            // Appositive to the end of the sentence: ", Russia's foreign minister."
            if end + 2 < toks.len() && is_punct(text, &toks[end + 1], ",") {
                let mut m = end + 2;
                while m < toks.len() && toks[m].k == TokKind::Word {
                    m += 1;
                }
                if m >= toks.len() || is_punct(text, &toks[m], ".") {
                    phrase_end = m - 1;
                }
            }
            let sp = ctx.speaker_from_phrase(&toks[k..=phrase_end], &toks[k..=end]);
            speaker = Some(sp);
            after = phrase_end + 1;
            inverted = true;
        }
    }
    let mut speaker = speaker?;
    if row.weak {
        // Weak cues (nouns too: "claims", "reports") need a plain subject right before them.
        speaker_first_tok?;
        // "his amorphous support", "That longtime support": a modifier, not a subject.
        if j > 0 && toks[j - 1].k == TokKind::Word {
            let head = word(text, &toks[j - 1]);
            if !is_cap(head)
                && role_of(head).is_none()
                && !in_list(PRONOUNS, head)
                && (!head.ends_with('s') || head.ends_with("ss"))
            {
                return None;
            }
        }
        speaker.confidence = speaker.confidence.min(0.6);
    }
    if row.kind == CueKind::Belief {
        speaker.confidence = speaker.confidence.min(0.5);
    }
    let attribution_start = if inverted {
        ci
    } else {
        speaker_first_tok.unwrap_or(ci)
    };
    let attribution_start_byte = toks
        .get(attribution_start)
        .map(|t| t.s)
        .unwrap_or(cue.start);
    let base_conf = speaker.confidence;
    let make = |c: (usize, usize, bool), kind: ClaimKind, speaker: Speaker, conf: f32| Draft {
        confidence: conf,
        speaker,
        cue,
        cue_kind: row.kind,
        kind,
        content: Span::new(c.0, c.1),
        sentence: sent,
    };
    // --- content: an adjacent quotation before the attribution ("...," Lavrov said)
    // Only commas and spaces may lie between it and the attribution: look no further back.
    let gap_lo = attribution_start_byte
        - text[..attribution_start_byte]
            .chars()
            .rev()
            .take_while(|&c| c == ',' || (c.is_whitespace() && c != '\n'))
            .map(char::len_utf8)
            .sum::<usize>();
    let quote_before = quotes_near(quotes, gap_lo, attribution_start_byte)
        .iter()
        .filter(|q| q.closed && q.close_end <= attribution_start_byte)
        .filter(|q| {
            let between = &text[q.close_end..attribution_start_byte];
            let gap_ok =
                between.trim().trim_matches(',').trim().is_empty() && !between.contains('\n');
            let interior = text[q.start..q.end]
                .trim_end()
                .trim_end_matches(['’', '\'', '"', '”']);
            gap_ok
                && (between.contains(',')
                    || interior.ends_with([',', '?', '!', '—', '-'])
                    || (inverted && q.close_end >= sent.start)
                    || q.close_end >= sent.start && q.open < sent.start)
        })
        .max_by_key(|q| q.close_end);
    if let Some(q) = quote_before {
        if let Some(c) = clean_content(text, q.start, q.end) {
            return Some(make(c, ClaimKind::Direct, speaker, base_conf));
        }
    }
    // --- content before ", X said." when nothing but a trailer follows the cue.
    let cue_ends_pp = [" by", " with", " to", " on", " in"]
        .iter()
        .any(|p| cue_word.ends_with(p));
    let rest = skip_trailer(text, toks, after, told, cue_ends_pp);
    let ends_here = rest >= toks.len()
        || (is_punct(text, &toks[rest], ".") && rest + 1 >= toks.len())
        || is_punct(text, &toks[rest], ",")
        || (toks[rest].k == TokKind::Punct && rest + 1 >= toks.len())
        || (after < toks.len()
            && toks[after].k == TokKind::Word
            && in_list(
                &["in", "during", "while", "adding", "citing", "referring"],
                word(text, &toks[after]),
            )
            && !toks[after..]
                .iter()
                .any(|t| word(text, t).eq_ignore_ascii_case("that")));
    let before = text[sent.start..attribution_start_byte].trim_end();
    if before.ends_with(',') && ends_here && before.len() > 1 {
        if let Some(c) = clean_content(text, sent.start, sent.start + before.len() - 1) {
            let opened_here = quotes_near(quotes, c.0, c.1)
                .iter()
                .any(|q| q.open >= c.0 && q.open < c.1);
            let kind = if quote_at(quotes, c.0).is_some() && !opened_here {
                ClaimKind::Direct
            } else if opened_here {
                ClaimKind::Mixed
            } else {
                ClaimKind::Indirect
            };
            return Some(make(c, kind, speaker, base_conf));
        }
    }
    if rest >= toks.len() {
        return None;
    }
    // --- content after the cue: "that" clause, colon, quotation, or bare clause.
    let t = &toks[rest];
    let (start_tok, via_that) =
        if t.k == TokKind::Word && word(text, t).eq_ignore_ascii_case("that") {
            (rest + 1, true)
        } else if is_punct(text, t, ":") {
            (rest + 1, false)
        } else {
            (rest, false)
        };
    let cs = toks.get(start_tok)?.s;
    // "continued" / "went on" speak only before a quotation, a colon or "that".
    if matches!(cue_word.as_str(), "continued" | "went on")
        && !via_that
        && start_tok == rest
        && toks[rest].k != TokKind::Quote
    {
        return None;
    }
    // Direct or mixed: the content opens with a quotation.
    if let Some(q) = quotes_near(quotes, cs, cs).iter().find(|q| q.open == cs) {
        let kind = if via_that {
            ClaimKind::Mixed
        } else {
            ClaimKind::Direct
        };
        if let Some(c) = clean_content(text, q.start, q.end) {
            // '"no agreement is close" and that Kerry ...' — the tail is not part of the quote.
            return Some(make(c, kind, speaker, base_conf));
        }
    }
    let mut end = sent.end;
    // A quotation opened in the content and running past the sentence keeps its own end.
    if let Some(q) = quotes_near(quotes, cs, sent.end)
        .iter()
        .find(|q| q.open >= cs && q.open < sent.end && q.end > sent.end)
    {
        end = q.end;
    }
    let c = clean_content(text, cs, end)?;
    let has_quote = quotes_near(quotes, c.0, c.1)
        .iter()
        .any(|q| q.open >= c.0 && q.open < c.1);
    let kind = if has_quote {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    };
    let conf = if via_that { base_conf } else { base_conf * 0.9 };
    Some(make(c, kind, speaker, conf))
}

/// Quotations nobody claimed that continue an attributed quotation of the same or the previous paragraph.
fn add_continuations(text: &str, quotes: &[Quote], sentences: &[Span], drafts: &mut Vec<Draft>) {
    let mut extra = Vec::new();
    for q in quotes {
        if q.end <= q.start {
            continue;
        }
        let claimed = drafts
            .iter()
            .chain(extra.iter())
            .any(|d: &Draft| d.content.overlaps(Span::new(q.start, q.end)));
        if claimed {
            continue;
        }
        // Any cue-bearing draft whose sentence overlaps this quotation's sentence claims it.
        let Some(prev) = drafts
            .iter()
            .chain(extra.iter())
            .filter(|d| d.content.end <= q.open)
            .max_by_key(|d| d.content.end)
        else {
            continue;
        };
        let prev = prev.clone();
        let between = &text[prev.content.end..q.open];
        let same_para = q.para_start <= prev.content.start;
        let starts_para = text[q.para_start..q.open].trim().is_empty();
        let prev_para_is_last = !between.contains("\n\n") || {
            // Only one paragraph break between the attributed claim and this quotation.
            between.matches("\n\n").count() == 1 || between.trim().len() < 4
        };
        let sentence_gap = sentences
            .iter()
            .filter(|s| s.start >= prev.sentence.end && s.end <= q.open)
            .count();
        let ok = (same_para
            && (sentence_gap == 0 || prev.kind != ClaimKind::Indirect)
            && sentence_gap <= 1)
            || (starts_para && prev_para_is_last && sentence_gap <= 1);
        if !ok {
            continue;
        }
        let Some(c) = clean_content(text, q.start, q.end) else {
            continue;
        };
        let sentence = sentences
            .iter()
            .find(|s| s.start <= q.start && q.start < s.end.max(s.start + 1))
            .copied()
            .unwrap_or(Span::new(q.open, q.close_end));
        let mut speaker = prev.speaker.clone();
        speaker.span = None;
        extra.push(Draft {
            confidence: (prev.confidence * 0.8).min(0.7),
            speaker,
            cue: prev.cue,
            cue_kind: prev.cue_kind,
            kind: ClaimKind::Direct,
            content: Span::new(c.0, c.1),
            sentence,
        });
    }
    drafts.extend(extra);
}

/// Turn a draft into a claim: texts, date, stance, denial flip.
fn finish(text: &str, d: Draft, timexes: &[Timex], published: DateValue) -> Claim {
    let content = d.content.slice(text).to_string();
    // The stance classifier lives in another stage; a bug there must not take claims down.
    let stance = std::panic::catch_unwind(|| frames::classify(&content, d.content.start))
        .unwrap_or_default();
    let denial = d.cue_kind == CueKind::Denial;
    let mut polarity = stance.polarity;
    if denial {
        polarity = -polarity;
    }
    let mut target = stance.target.clone();
    if target.is_none() && (d.cue_kind == CueKind::Denial || d.cue_kind == CueKind::Accusation) {
        let lc = content.to_lowercase();
        if lc.starts_with("its ")
            || lc.contains(" its ")
            || lc.starts_with("it ")
            || lc.starts_with("we ")
            || lc.starts_with("our ")
        {
            target = d.speaker.actor.as_ref().map(|a| a.code.clone());
        }
    }
    // Date: a time expression next to the cue ("said Monday", "on Monday said"). Every test
    // below keeps to bytes lo..=hi, and the tagger returns time expressions in text order
    // without overlaps: look only there (issue 15, item 8).
    let lo = [
        d.cue.start.saturating_sub(2),
        d.cue.end,
        d.speaker.span.map_or(usize::MAX, |s| s.end),
    ]
    .into_iter()
    .min()
    .unwrap_or(0);
    let hi = [d.cue.end + 4, d.cue.start, d.content.start]
        .into_iter()
        .max()
        .unwrap_or(usize::MAX);
    let first = timexes.partition_point(|t| t.span.end < lo);
    let last = timexes.partition_point(|t| t.span.start <= hi).max(first);
    let date = timexes[first..last]
        .iter()
        .filter(|t| t.resolved.date.is_some())
        .filter(|t| {
            let near_after = t.span.start >= d.cue.end
                && t.span.start <= d.cue.end + 4
                && d.sentence.contains(t.span);
            let near_before = t.span.end <= d.cue.start
                && t.span.end + 2 >= d.cue.start
                && d.sentence.contains(t.span);
            let after_speaker = d
                .speaker
                .span
                .map(|s| t.span.start >= s.end && t.span.end <= d.cue.start)
                .unwrap_or(false);
            let in_trailer = t.span.start >= d.cue.end
                && t.span.end <= d.content.start
                && d.sentence.contains(t.span);
            (near_after || near_before || after_speaker || in_trailer)
                && !d.content.overlaps(t.span)
        })
        .map(|t| t.resolved)
        .next()
        .unwrap_or(published);
    Claim {
        speaker: d.speaker.name.clone(),
        speaker_span: d.speaker.span,
        actor: d.speaker.actor.as_ref().map(|a| a.name.clone()),
        actor_code: d.speaker.actor.as_ref().map(|a| a.code.clone()),
        country: d.speaker.actor.as_ref().and_then(|a| a.country.clone()),
        cue: d.cue.slice(text).to_string(),
        cue_span: Some(d.cue),
        kind: d.kind,
        text: content,
        span: d.content,
        sentence: d.sentence.slice(text).to_string(),
        sentence_span: d.sentence,
        date,
        frame: stance.frame,
        polarity,
        hedge: stance.hedge,
        target,
        figures: stance.figures,
        denial,
        confidence: d.confidence.clamp(0.0, 1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences;
    use crate::model::GazetteerEntry;

    fn run(text: &str) -> Vec<Claim> {
        let sents = sentences::split(text);
        let mut d = Vec::new();
        find(
            text,
            &sents,
            &[],
            &[],
            DateValue::unknown(),
            &Gazetteer::builtin(),
            &mut d,
        )
    }

    /// One line per claim: "speaker | cue | kind | content".
    fn render(c: &Claim) -> String {
        format!(
            "{} | {} | {} | {}",
            c.speaker,
            c.cue,
            c.kind.as_str(),
            c.text
        )
    }

    /// Run attribution on `input` and compare every claim, in text order, with `expect`.
    fn check(input: &str, expect: &[&str]) {
        let got: Vec<String> = run(input).iter().map(render).collect();
        assert_eq!(got, expect, "input: {input}");
    }

    #[test]
    fn attribution_table() {
        let cases: &[(&str, &[&str])] = &[
            // a lede names the speaker by title; the next paragraph names him
            (
                "Russia's defense minister said Monday that a deal was near.\n\nDefense Minister Sergei Shoigu said: \"We are nearing an arrangement.\"",
                &[
                    "Sergei Shoigu | said | indirect | a deal was near",
                    "Sergei Shoigu | said | direct | We are nearing an arrangement",
                ],
            ),
            // quote-first
            (
                "\"We are close to an agreement,\" Lavrov said.",
                &["Lavrov | said | direct | We are close to an agreement"],
            ),
            (
                "“We are close to an agreement,” said Lavrov, Russia's foreign minister.",
                &["Lavrov | said | direct | We are close to an agreement"],
            ),
            (
                "\"The ball is in Washington's court,\" Sergei Lavrov, Russia's foreign minister, told reporters.",
                &["Sergei Lavrov | told reporters | direct | The ball is in Washington's court"],
            ),
            (
                "\"Is this a ceasefire or a pause?\" asked the Syrian envoy.",
                &["the Syrian envoy | asked | direct | Is this a ceasefire or a pause?"],
            ),
            (
                "\"No decision has been taken,\" the Kremlin said on Monday.",
                &["the Kremlin | said | direct | No decision has been taken"],
            ),
            // speaker-first
            (
                "Lavrov said: \"The United States must separate the moderates from the terrorists.\"",
                &["Lavrov | said | direct | The United States must separate the moderates from the terrorists"],
            ),
            (
                "Kerry said that the two sides had narrowed their differences.",
                &["Kerry | said | indirect | the two sides had narrowed their differences"],
            ),
            (
                "Kerry said the two sides had narrowed their differences.",
                &["Kerry | said | indirect | the two sides had narrowed their differences"],
            ),
            (
                "Lavrov said, however, that Moscow would not abandon Assad.",
                &["Lavrov | said | indirect | Moscow would not abandon Assad"],
            ),
            (
                "Russian Foreign Minister Sergei Lavrov said Monday that talks would resume in Geneva.",
                &["Sergei Lavrov | said | indirect | talks would resume in Geneva"],
            ),
            (
                "Churkin told the Security Council that the convoy had not been hit from the air.",
                &["Churkin | told the Security Council | indirect | the convoy had not been hit from the air"],
            ),
            // mixed
            (
                "A U.S. official said that \"no agreement is close.\"",
                &["A U.S. official | said | mixed | no agreement is close"],
            ),
            (
                "Kerry said the truce was \"the last chance\" to save Aleppo.",
                &["Kerry | said | mixed | the truce was \"the last chance\" to save Aleppo"],
            ),
            // content before the attribution
            (
                "The talks will resume next week, Lavrov said.",
                &["Lavrov | said | indirect | The talks will resume next week"],
            ),
            (
                "The convoy was struck by aircraft, U.S. officials said Tuesday.",
                &["U.S. officials | said | indirect | The convoy was struck by aircraft"],
            ),
            // he added / coreference
            (
                "Defense Minister Sergei Shoigu said the talks were going well. He added that experts met daily.",
                &[
                    "Sergei Shoigu | said | indirect | the talks were going well",
                    "Sergei Shoigu | added | indirect | experts met daily",
                ],
            ),
            (
                "State Department spokeswoman Elizabeth Trudeau said no deal was ready. She added that talks continued.",
                &[
                    "Elizabeth Trudeau | said | indirect | no deal was ready",
                    "Elizabeth Trudeau | added | indirect | talks continued",
                ],
            ),
            (
                "Sergei Lavrov, Russia's foreign minister, said Moscow was ready. The minister said a deal was possible.",
                &[
                    "Sergei Lavrov | said | indirect | Moscow was ready",
                    "Sergei Lavrov | said | indirect | a deal was possible",
                ],
            ),
            (
                "A U.S. official said gaps remained. The official said the monitoring issue was unresolved.",
                &[
                    "A U.S. official | said | indirect | gaps remained",
                    "A U.S. official | said | indirect | the monitoring issue was unresolved",
                ],
            ),
            (
                "State Department spokeswoman Elizabeth Trudeau spoke after Kerry left. The spokeswoman said nothing was agreed.",
                &["Elizabeth Trudeau | said | indirect | nothing was agreed"],
            ),
            (
                "Kerry met Lavrov in Geneva. Lavrov said Russia was ready. Kerry said the United States was not. He said more work was needed.",
                &[
                    "Lavrov | said | indirect | Russia was ready",
                    "Kerry | said | indirect | the United States was not",
                    "Kerry | said | indirect | more work was needed",
                ],
            ),
            (
                "Mr. Lavrov spoke first. \"We will not be lectured,\" he said.",
                &["Lavrov | said | direct | We will not be lectured"],
            ),
            (
                "Ms. Zakharova rejected the report. \"It is a fabrication,\" she said.",
                &[
                    "Zakharova | rejected | indirect | the report",
                    "Zakharova | said | direct | It is a fabrication",
                ],
            ),
            (
                "Russian officials said the strike hit a weapons depot. They said no civilians were hurt.",
                &[
                    "Russian officials | said | indirect | the strike hit a weapons depot",
                    "Russian officials | said | indirect | no civilians were hurt",
                ],
            ),
            (
                "The Foreign Ministry said the accusations were baseless. It said Moscow would respond.",
                &[
                    "The Foreign Ministry | said | indirect | the accusations were baseless",
                    "The Foreign Ministry | said | indirect | Moscow would respond",
                ],
            ),
            (
                "Shoigu did not say when a deal could be announced.",
                &["Shoigu | say | indirect | when a deal could be announced"],
            ),
            // anonymous officials
            (
                "A U.S. official, speaking on condition of anonymity, said the plan was dead.",
                &["A U.S. official | said | indirect | the plan was dead"],
            ),
            (
                "A senior administration official, who was not authorized to speak publicly, said Russia had not delivered.",
                &["A senior administration official | said | indirect | Russia had not delivered"],
            ),
            (
                "Diplomats familiar with the talks said the text was almost final.",
                &["Diplomats familiar with the talks | said | indirect | the text was almost final"],
            ),
            (
                "Western diplomats said the vote would be delayed.",
                &["Western diplomats | said | indirect | the vote would be delayed"],
            ),
            // titles and appositives
            (
                "Russia's defense minister Sergei Shoigu said the joint center would open soon.",
                &["Sergei Shoigu | said | indirect | the joint center would open soon"],
            ),
            (
                "U.N. envoy Staffan de Mistura said aid trucks were waiting at the border.",
                &["Staffan de Mistura | said | indirect | aid trucks were waiting at the border"],
            ),
            (
                "Maj. Gen. Igor Konashenkov, the ministry spokesman, said the drones saw no trucks.",
                &["Igor Konashenkov | said | indirect | the drones saw no trucks"],
            ),
            (
                "Syria's U.N. ambassador, Bashar Jaafari, told reporters the government welcomed the truce.",
                &["Bashar Jaafari | told reporters | indirect | the government welcomed the truce"],
            ),
            (
                "A spokesman for the Kremlin said Putin had no plans to meet Obama.",
                &["A spokesman for the Kremlin | said | indirect | Putin had no plans to meet Obama"],
            ),
            // according to
            (
                "At least 20 people were killed, according to the Syrian Observatory for Human Rights.",
                &["the Syrian Observatory for Human Rights | according to | indirect | At least 20 people were killed"],
            ),
            (
                "According to Russian officials, the rebels violated the truce 60 times.",
                &["Russian officials | According to | indirect | the rebels violated the truce 60 times"],
            ),
            (
                "The meeting lasted five hours according to a Turkish diplomat.",
                &["a Turkish diplomat | according to | indirect | The meeting lasted five hours"],
            ),
            // in a statement, in remarks carried by
            (
                "The ministry said in a statement that the convoy had been shelled.",
                &["The ministry | said in a statement | indirect | the convoy had been shelled"],
            ),
            (
                "Lavrov said in remarks carried by state television that the U.S. was stalling.",
                &["Lavrov | said in remarks carried by | indirect | the U.S. was stalling"],
            ),
            (
                "In a statement, the State Department said it was reviewing the proposal.",
                &["the State Department | said | indirect | it was reviewing the proposal"],
            ),
            (
                "Interfax quoted Lavrov as saying the talks would continue.",
                &["Lavrov | quoted Lavrov as saying | indirect | the talks would continue"],
            ),
            (
                "RIA Novosti cited a diplomatic source as saying that the draft was ready.",
                &["a diplomatic source | cited a diplomatic source as saying | indirect | the draft was ready"],
            ),
            // denials and accusations
            (
                "Russia denied that its warplanes struck the convoy.",
                &["Russia | denied | indirect | its warplanes struck the convoy"],
            ),
            (
                "The Kremlin dismissed the accusations as groundless.",
                &["The Kremlin | dismissed | indirect | the accusations as groundless"],
            ),
            (
                "Moscow rejected claims that it had bombed hospitals.",
                &["Moscow | rejected | indirect | claims that it had bombed hospitals"],
            ),
            (
                "Washington accused Moscow of violating the truce.",
                &["Washington | accused | indirect | Moscow of violating the truce"],
            ),
            (
                "Turkey's foreign minister warned that the offensive could trigger a new refugee wave.",
                &["Turkey's foreign minister | warned | indirect | the offensive could trigger a new refugee wave"],
            ),
            (
                "Kerry insisted the deal was not built on trust.",
                &["Kerry | insisted | indirect | the deal was not built on trust"],
            ),
            // multi-sentence quotes and quote paragraphs
            (
                "\"We are ready,\" Lavrov said. \"The Americans must now deliver.\"",
                &[
                    "Lavrov | said | direct | We are ready",
                    "Lavrov | said | direct | The Americans must now deliver",
                ],
            ),
            (
                "Lavrov said: \"We are ready. The Americans must now deliver.\"",
                &["Lavrov | said | direct | We are ready. The Americans must now deliver"],
            ),
            (
                "Kerry said the deal was fragile.\n\n\"It could fall apart at any moment.\"",
                &[
                    "Kerry | said | indirect | the deal was fragile",
                    "Kerry | said | direct | It could fall apart at any moment",
                ],
            ),
            (
                "Churkin told reporters: \"We did everything we could.\n\n\"Now it is up to them.\"",
                &[
                    "Churkin | told reporters | direct | We did everything we could",
                    "Churkin | told reporters | direct | Now it is up to them",
                ],
            ),
            (
                "\"The truce is holding,\" the official said, \"but it is very fragile.\"",
                &[
                    "the official | said | direct | The truce is holding",
                    "the official | said | direct | but it is very fragile",
                ],
            ),
            // told reporters, other cues
            (
                "Kerry told reporters in Washington that the proposal was still on the table.",
                &["Kerry | told reporters | indirect | the proposal was still on the table"],
            ),
            (
                "Lavrov told reporters the Americans were dragging their feet.",
                &["Lavrov | told reporters | indirect | the Americans were dragging their feet"],
            ),
            (
                "Mogherini stressed that only a political solution could end the war.",
                &["Mogherini | stressed | indirect | only a political solution could end the war"],
            ),
            (
                "Jaafari noted that the government had opened two corridors.",
                &["Jaafari | noted | indirect | the government had opened two corridors"],
            ),
            (
                "Erdogan claimed the Kurdish militia was a terrorist group.",
                &["Erdogan | claimed | indirect | the Kurdish militia was a terrorist group"],
            ),
            (
                "Lavrov believes that the Americans cannot control the rebels.",
                &["Lavrov | believes | indirect | the Americans cannot control the rebels"],
            ),
            (
                "Putin's spokesman Dmitry Peskov says the Kremlin has no comment.",
                &["Dmitry Peskov | says | indirect | the Kremlin has no comment"],
            ),
            (
                "The Pentagon, however, said it had seen no evidence of a pullout.",
                &["The Pentagon | said | indirect | it had seen no evidence of a pullout"],
            ),
            (
                "Asked about the convoy, Lavrov said the investigation should be impartial.",
                &["Lavrov | said | indirect | the investigation should be impartial"],
            ),
            (
                "Kerry praised the deal and said it could save lives.",
                &[
                    "Kerry | praised | indirect | the deal",
                    "Kerry | said | indirect | it could save lives",
                ],
            ),
            (
                "Lavrov dismissed the criticism, saying Washington had failed to rein in the rebels.",
                &[
                    "Lavrov | dismissed | indirect | the criticism",
                    "Lavrov | saying | indirect | Washington had failed to rein in the rebels",
                ],
            ),
            (
                "A spokesman for the rebels' northern division, Fares al-Bayoush, told AFP the rebels had not seen the text.",
                &["Fares al-Bayoush | told | indirect | the rebels had not seen the text"],
            ),
            (
                "Kirby said it was \"too early\" to judge the truce.",
                &["Kirby | said | mixed | it was \"too early\" to judge the truce"],
            ),
            (
                "Tehran hoped the deal would be \"comprehensive.\"",
                &["Tehran | hoped | mixed | the deal would be \"comprehensive.\""],
            ),
            (
                "The group dismissed the deal as a conspiracy, according to a statement posted online.",
                &[
                    "a statement | according to | indirect | The group dismissed the deal as a conspiracy",
                    "The group | dismissed | indirect | the deal as a conspiracy",
                ],
            ),
            (
                "Lavrov was asked by a Turkish reporter whether the convoy was hit.",
                &["a Turkish reporter | asked | indirect | whether the convoy was hit"],
            ),
            (
                "John F. Kerry said the plan could work.",
                &["John F. Kerry | said | indirect | the plan could work"],
            ),
            // no attribution
            ("Lavrov was asked about the convoy.", &[]),
            ("Lavrov is now considered the architect of the deal.", &[]),
            ("The truce is expected to hold.", &[]),
            ("The convoy was hit near Aleppo on Monday.", &[]),
            ("The United States and Russia agreed on a truce.", &[]),
            // PolNeAR stance and appearance cues
            (
                "The minister appeared to rule out new talks.",
                &["The minister | appeared | indirect | rule out new talks"],
            ),
            (
                "The senator raised concerns that the bill was rushed.",
                &["The senator | raised concerns | indirect | the bill was rushed"],
            ),
            // a relative clause with its own cue keeps its claim
            (
                "Barker, who said he usually votes for Democrats, said the governor had earned a second term.",
                &[
                    "Barker | said | indirect | he usually votes for Democrats",
                    "Barker | said | indirect | the governor had earned a second term",
                ],
            ),
            // the speaker is the subject before "who", not the end of the relative clause
            (
                "Officials who spoke with the newspaper said the agency had become a shell.",
                &["Officials | said | indirect | the agency had become a shell"],
            ),
            (
                "The mayor bemoaned that the state had cut school funds.",
                &["The mayor | bemoaned | indirect | the state had cut school funds"],
            ),
            (
                "The senator took aim at the governor's budget on Tuesday.",
                &["The senator | took aim at | indirect | the governor's budget on Tuesday"],
            ),
            // a bare quantifier as subject
            (
                "Several said they would vote for the measure.",
                &["Several | said | indirect | they would vote for the measure"],
            ),
        ];
        assert!(cases.len() >= 60, "{} cases", cases.len());
        let mut failed = Vec::new();
        for (input, expect) in cases {
            if std::panic::catch_unwind(|| check(input, expect)).is_err() {
                failed.push(*input);
            }
        }
        assert!(
            failed.is_empty(),
            "{} failing cases: {failed:#?}",
            failed.len()
        );
    }

    /// The claim date comes from a time expression attached to the cue, else the publication date.
    /// Speaker and actor code per claim: "speaker | code | content". The people are invented:
    /// Ingrid Will (a surname that is also a modal) leads Norway's government.
    #[test]
    fn speaker_side_table() {
        let extra = [GazetteerEntry {
            name: "Ingrid Will".into(),
            code: "NORGOV".into(),
            kind: ActorKind::Person,
            aliases: vec!["Ingrid Will".into()],
            from: None,
            until: None,
        }];
        let g = Gazetteer::with_extra(&extra);
        let cases: &[(&str, &[&str])] = &[
            // A capitalised modal before the cue is a surname, not an auxiliary.
            (
                "Ingrid Will said the fleet would stay in port.",
                &["Ingrid Will | NORGOV | the fleet would stay in port"],
            ),
            // The cue's subject speaks, not the object or the first actor of the content.
            (
                "Will claimed Sweden was \"reckless\" in the strait.",
                &["Will | NORGOV | Sweden was \"reckless\" in the strait"],
            ),
            // ", saying" hangs on the clause's subject, not on an appositive before the comma.
            (
                "Ingrid Will called the vote a turning point for Sweden, a close neighbour, saying the border must stay open.",
                &["Ingrid Will | NORGOV | the border must stay open"],
            ),
            // A pronoun takes the subject of the previous sentence, not a person named after it.
            (
                "Sergei Lavrov met Ingrid Will at the border. \"It is theatre,\" he said.",
                &["Sergei Lavrov | RUSGOV | It is theatre"],
            ),
            // A person named only inside the quotation is no antecedent for its pronoun.
            (
                "Ingrid Will spoke on Monday. \"Our dispute is with Sergei Lavrov and his ministry,\" she said.",
                &["Ingrid Will | NORGOV | Our dispute is with Sergei Lavrov and his ministry"],
            ),
            // "he" is a person, never a thing named before it.
            (
                "The agreement was signed in Oslo. \"It will hold,\" he said.",
                &["he | - | It will hold"],
            ),
        ];
        for (input, expect) in cases {
            let sents = sentences::split(input);
            let actors = actors::find_on(input, &g, None);
            let mut d = Vec::new();
            let got: Vec<String> = find(
                input,
                &sents,
                &actors,
                &[],
                DateValue::unknown(),
                &g,
                &mut d,
            )
            .iter()
            .map(|c| {
                format!(
                    "{} | {} | {}",
                    c.speaker,
                    c.actor_code.as_deref().unwrap_or("-"),
                    c.text
                )
            })
            .collect();
            assert_eq!(&got, expect, "input: {input}");
        }
    }

    #[test]
    fn claim_dates_from_cue_timexes() {
        use crate::model::{Timex, TimexType};
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let cases: &[(&str, &str, Option<chrono::NaiveDate>)] = &[
            (
                "Kerry told reporters on Sept. 9 that the deal was final.",
                "Sept. 9",
                Some(day(2016, 9, 9)),
            ),
            (
                "Shoigu said Monday that talks were close.",
                "Monday",
                Some(day(2016, 8, 29)),
            ),
            (
                "\"It is holding,\" Churkin said on Sunday.",
                "Sunday",
                Some(day(2016, 9, 11)),
            ),
            (
                "Lavrov on Friday said the text was ready.",
                "Friday",
                Some(day(2016, 9, 9)),
            ),
            // A date inside the content is when it happened, not when it was said.
            (
                "Lavrov said the convoy was hit on Monday.",
                "Monday",
                Some(day(2016, 9, 12)),
            ),
        ];
        let published = DateValue::day(day(2016, 9, 12));
        for (text, tx, want) in cases {
            let start = text.find(tx).unwrap();
            let resolved = if *tx == "Monday" && text.contains("convoy") {
                DateValue::day(day(2016, 9, 5))
            } else {
                DateValue::day(want.unwrap())
            };
            let timexes = vec![Timex {
                text: tx.to_string(),
                span: Span::new(start, start + tx.len()),
                kind: TimexType::Date,
                value: String::new(),
                resolved,
            }];
            let sents = sentences::split(text);
            let mut d = Vec::new();
            let claims = find(
                text,
                &sents,
                &[],
                &timexes,
                published,
                &Gazetteer::builtin(),
                &mut d,
            );
            assert_eq!(claims.len(), 1, "{text}");
            assert_eq!(claims[0].date.date, *want, "{text}");
        }
        // No time expression: the publication date.
        let text = "Lavrov said the truce held.";
        let mut d = Vec::new();
        let c = find(
            text,
            &sentences::split(text),
            &[],
            &[],
            published,
            &Gazetteer::builtin(),
            &mut d,
        );
        assert_eq!(c[0].date, published);
    }

    /// Denial cues set `denial`, flip the classified polarity and blame the speaker for "its".
    #[test]
    fn denial_flips_polarity_and_targets_the_speaker() {
        let text = "Russia denied that its warplanes struck the convoy.";
        let c = &run(text)[0];
        assert!(c.denial);
        assert_eq!(c.text, "its warplanes struck the convoy");
        let stance = frames::classify(&c.text, c.span.start);
        assert_eq!(c.polarity, -stance.polarity);
        let expected_target = stance.target.or_else(|| c.actor_code.clone());
        assert_eq!(c.target, expected_target);
        let c = &run("Kerry said the convoy was struck.")[0];
        assert!(!c.denial);
    }

    #[test]
    fn design_worked_example() {
        let text = "MOSCOW (AP) — Russia's defense minister said Monday that Moscow and Washington were closing in on an agreement to coordinate military action around Aleppo, but U.S. officials cast doubt on that assessment within hours.\n\n\
Defense Minister Sergei Shoigu, speaking at a meeting of military officers outside Moscow, said: \"Step by step, we are nearing an arrangement.\" He added that Russian and American experts had been meeting \"practically every day\" to work out the details.\n\n\
A U.S. official, speaking on condition of anonymity because he was not authorized to discuss the negotiations publicly, said, however, that \"no agreement is close.\" The official said serious gaps remained.\n\n\
State Department spokeswoman Elizabeth Trudeau told reporters in Washington that \"we have nothing to announce\" and that talks continued.";
        let claims = run(text);
        let find = |content: &str| {
            claims
                .iter()
                .find(|c| c.text.contains(content))
                .unwrap_or_else(|| panic!("no claim with {content:?}: {claims:#?}"))
        };
        let c = find("we are nearing an arrangement");
        assert_eq!(c.speaker, "Sergei Shoigu");
        assert_eq!(c.kind, ClaimKind::Direct);
        assert_eq!(c.text, "Step by step, we are nearing an arrangement");
        let c = find("experts had been meeting");
        assert_eq!(c.speaker, "Sergei Shoigu");
        assert_eq!(c.speaker_span.map(|s| s.slice(text)), Some("He"));
        assert_eq!(c.cue, "added");
        let c = find("no agreement is close");
        assert_eq!(c.speaker, "A U.S. official");
        assert_eq!(c.kind, ClaimKind::Mixed);
        assert_eq!(c.text, "no agreement is close");
        let c = find("serious gaps remained");
        assert_eq!(c.speaker, "A U.S. official");
        let c = find("we have nothing to announce");
        assert_eq!(c.speaker, "Elizabeth Trudeau");
        assert_eq!(c.cue, "told reporters");
        assert_eq!(c.text, "we have nothing to announce");
        let c = find("talks continued");
        assert_eq!(c.speaker, "Elizabeth Trudeau");
        assert_eq!(c.text, "talks continued");
        for c in &claims {
            assert_eq!(c.span.slice(text), c.text);
            assert_eq!(c.sentence_span.slice(text), c.sentence);
        }
    }

    #[test]
    fn odd_inputs_never_panic_and_spans_are_aligned() {
        let inputs = [
            "",
            "said",
            "\"",
            "“”",
            "\"\" he said.",
            "said: \"",
            ", said Lavrov",
            "according to",
            "According to",
            "quoted as saying",
            "He added that",
            "“é,” said É.",
            "Лавров said: «Мы готовы».",
            "日本 said that 中国.",
            "\"A,\" he said, \"",
            "''x,'' Mr. said.",
            "( said )",
            "— said —",
            ": : :",
            "X: \"",
            "The official said,",
            "who said",
            "\n\n\"Quote paragraph\"\n\n\"another\"",
            "a.m. p.m. U.S. said U.N.",
            "He said he said he said that that that.",
            "“Unclosed quote, Lavrov said.\n\nNext",
        ];
        for s in inputs {
            for c in run(s) {
                for sp in [
                    Some(c.span),
                    Some(c.sentence_span),
                    c.speaker_span,
                    c.cue_span,
                ]
                .into_iter()
                .flatten()
                {
                    assert!(sp.start <= sp.end && sp.end <= s.len(), "{s:?}: {sp:?}");
                    assert!(
                        s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end),
                        "{s:?}: {sp:?}"
                    );
                }
                assert_eq!(c.span.slice(s), c.text);
                assert!((0.0..=1.0).contains(&c.confidence));
            }
        }
        // Sentences that are not char-aligned or out of range are skipped, not a panic.
        let text = "“é,” said Lavrov.";
        let mut d = Vec::new();
        let bad = [Span::new(1, 2), Span::new(0, 999), Span::new(5, 3)];
        let _ = find(
            text,
            &bad,
            &[],
            &[],
            DateValue::unknown(),
            &Gazetteer::builtin(),
            &mut d,
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Random wire-like text built from attribution pieces never panics and stays aligned.
        #[test]
        fn random_pieces_never_panic(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Lavrov", "he", "She", "the minister", "a U.S. official", "said", "told reporters",
                    "added", "according to", "denied", "\"", "“", "”", "''", ",", ".", ":", "—",
                    "that", "\n\n", " ", "é", "日本", "(", ")", "who", "quoted", "as saying",
                    "Gen.", "U.S.", "p.m.", "'s", "’", "-", "saying", "in a statement",
                ]),
                0..40,
            )
        ) {
            let text: String = pieces.join(" ");
            for c in run(&text) {
                for sp in [Some(c.span), Some(c.sentence_span), c.speaker_span, c.cue_span]
                    .into_iter()
                    .flatten()
                {
                    proptest::prop_assert!(sp.start <= sp.end && sp.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
                }
                proptest::prop_assert_eq!(c.span.slice(&text), c.text.as_str());
            }
        }

        /// Arbitrary unicode strings never panic.
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = run(&text);
        }
    }

    /// Full extraction of $CLAIMS_DEBUG with $CLAIMS_DATE (YYYY-MM-DD): claims with dates and actors.
    #[test]
    #[ignore]
    fn debug_full() {
        let arg = std::env::var("CLAIMS_DEBUG").unwrap_or_default();
        let text = std::fs::read_to_string(&arg).unwrap_or(arg);
        let date = std::env::var("CLAIMS_DATE")
            .ok()
            .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .map(DateValue::day)
            .unwrap_or_default();
        let (ex, _) = crate::extract::extract(&text, date, &Gazetteer::builtin());
        for c in ex.claims {
            println!(
                "{} [{:?}] {} ({}) {:?} | {} | frame={:?} pol={} denial={}",
                c.date.date.map(|d| d.to_string()).unwrap_or_default(),
                c.actor_code,
                c.speaker,
                c.cue,
                c.kind,
                c.text,
                c.frame,
                c.polarity,
                c.denial
            );
        }
    }

    /// Print the claims of $CLAIMS_DEBUG (a file path or text).
    #[test]
    #[ignore]
    fn debug() {
        let arg = std::env::var("CLAIMS_DEBUG").unwrap_or_default();
        let text = std::fs::read_to_string(&arg).unwrap_or(arg);
        for s in sentences::split(&text) {
            println!("SENT {:?}", s.slice(&text));
        }
        for c in run(&text) {
            println!(
                "{:?} speaker={:?} span={:?} cue={:?} content={:?} conf={} actor={:?} date={:?}",
                c.kind,
                c.speaker,
                c.speaker_span.map(|s| s.slice(&text)),
                c.cue,
                c.text,
                c.confidence,
                c.actor_code,
                c.date.date
            );
        }
    }
}
