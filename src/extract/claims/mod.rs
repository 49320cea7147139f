//! Attribution: direct, indirect and mixed quotes with their speaker, cue, content, date and stance.
//!
//! Cue verbs and phrases are data (`src/data/cues.tsv`), role nouns used for speaker phrases and
//! coreference too (`src/data/attrib_roles.tsv`). For every sentence we find the cues outside
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
//!
//! Code map, in the order a sentence meets it: `lexicon` (the data: cues, roles and the word
//! lists of `src/data/claim_words.tsv`), `tokens`, `quotes`, `sentence` (cue matching and
//! overlap rules) dispatching to one module per cue family (`verb_cue`, `according_to`,
//! `quoted_as`, `noun_cue`, `generic`, `colon`), with `phrase` reading speaker phrases and
//! `coref` resolving them; then `continuations` and `finish`.

mod according_to;
mod colon;
mod continuations;
mod coref;
mod finish;
mod generic;
mod lexicon;
mod noun_cue;
mod objects;
mod opens;
mod phrase;
mod quoted_as;
mod quotes;
mod rejected;
mod sentence;
mod tokens;
mod verb_cue;

#[cfg(test)]
mod tests;

use crate::extract::actors::{Gazetteer, Resolved};
use crate::model::{
    ActorKind, ActorMention, Claim, ClaimKind, DateValue, DiagCode, Diagnostic, Span, Timex,
};
use continuations::{add_block_quotes, add_continuations, add_turns};
use coref::{Ctx, Entity, Speaker};
use finish::{finish, same_occasion_dates};
use lexicon::{role_of, CueKind, CueRow, Gender};
pub(crate) use phrase::is_name_particle;
use quotes::{find_quotes, Quote};
use sentence::find_in_sentence;
use tokens::{is_cap, tokenize, Tok};

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

/// One cue in its sentence: what a cue family reads.
struct CueSite<'s> {
    /// The article's quotations.
    pub quotes: &'s [Quote],
    /// The sentence.
    pub sent: Span,
    /// The sentence's tokens.
    pub toks: &'s [Tok],
    /// The cue's bytes (channel phrases merged in: "said in a statement").
    pub cue: Span,
    pub row: &'s CueRow,
    /// Claims already found in this sentence (a participle takes the last one's speaker).
    pub earlier: &'s [Draft],
}

/// Whether `word` is a role noun of one person ("diplomat", "spokeswoman", "minister").
pub fn person_role(word: &str) -> bool {
    role_of(word).is_some_and(|r| !r.org && !r.plural)
}

/// Whether `word` is a role noun of a person or a body, one or many ("leader", "commanders",
/// "group").
pub fn role_noun(word: &str) -> bool {
    role_of(word).is_some()
}

/// Whether `word` names one organisation ("group", "observatory", "body").
pub fn org_role(word: &str) -> bool {
    role_of(word).is_some_and(|r| r.org && !r.plural)
}

/// Whether `word` is a pronoun, a determiner or a capitalised word that is never a speaker's
/// name ("They", "This", "However").
pub fn is_pronoun_or_function(word: &str) -> bool {
    lexicon::in_list(lexicon::PRONOUNS, word)
        || lexicon::in_list(lexicon::DETERMINERS, word)
        || lexicon::in_list(&lexicon::CAP_STOP, word)
}

/// An accusation cue used as a passive participle: followed straight by "of" or "for", with
/// no accused named between ("accused of backtracking", not "accused Moscow of").
fn passive_accusation(text: &str, cue: Span) -> bool {
    let after = text.get(cue.end..).unwrap_or("").trim_start();
    let participle = text
        .get(cue.start..cue.end)
        .is_some_and(|c| c.ends_with("ed"));
    participle && (after.starts_with("of ") || after.starts_with("for "))
}

/// Whether `word` ends an organisation's name, never a person's (`body-head` words of
/// `claim_words.tsv`): "Naturalization Service".
pub fn body_head(word: &str) -> bool {
    lexicon::in_list(&lexicon::BODY_HEADS, word)
}

/// Whether `word` makes a place's name before it a newspaper's title (`press-title` words of
/// `claim_words.tsv`): "Post" in "The Washington Post".
pub fn press_title(word: &str) -> bool {
    lexicon::in_list(&lexicon::PRESS_TITLES, word)
}

/// Whether `word` announces a body's reply right after it (`response` words of
/// `claim_words.tsv`): "hit back", "gave a different account".
pub fn response_verb(word: &str) -> bool {
    lexicon::in_list(&lexicon::RESPONSES, word)
}

/// Whether `word` alone is a strong cue of speech or denial (`cues.tsv`: "said", "stated",
/// "insisted", "denied"), as the verb right after a body that opens a sentence.
pub fn speech_verb(word: &str) -> bool {
    let cues = &*lexicon::CUES;
    cues.ac.find(word).is_some_and(|m| {
        let row = &cues.rows[m.pattern().as_usize()];
        m.start() == 0
            && m.end() == word.len()
            && !row.weak
            && matches!(
                row.kind,
                lexicon::CueKind::Speech | lexicon::CueKind::Denial
            )
    })
}

/// Whether `word` refers back to an armed camp after "the" ("the group": `camp-reference`
/// words of `claim_words.tsv`).
pub fn camp_reference(word: &str) -> bool {
    lexicon::in_list(&lexicon::CAMP_REFERENCES, word)
}

/// Whether `word` is a title that speaks for a body ("spokesperson": `voice` words of
/// `claim_words.tsv`).
pub fn voice_title(word: &str) -> bool {
    lexicon::in_list(&lexicon::VOICE, word)
}

/// Whether lower-case `word` is a local office on its own ("mayor", "governor"): the
/// `local-office` words of `claim_words.tsv`.
pub fn local_office(word: &str) -> bool {
    lexicon::in_list(&lexicon::LOCAL_OFFICE, word)
}

/// Whether lower-case `word` is a legislator's title ("senator", "sen", "congressman"): the
/// `legislator` words of `claim_words.tsv`.
pub fn legislator_title(word: &str) -> bool {
    lexicon::in_list(&lexicon::LEGISLATOR, word)
}

/// Whether lower-case `word` names the two parties of a quarrel together after "both" or "the
/// two" ("sides", "countries"): the `both-parties` words of `claim_words.tsv`.
pub fn both_parties_head(word: &str) -> bool {
    lexicon::in_list(&lexicon::BOTH_PARTIES, word)
}

/// Whether lower-case `word` is a government body or holder a local word or a place makes local
/// ("administration", "officials"): the `local-body` words of `claim_words.tsv`.
pub fn local_body(word: &str) -> bool {
    lexicon::in_list(&lexicon::LOCAL_BODY, word)
}

/// Whether lower-case `word` makes a government body local ("local", "regional"): the
/// `local-modifier` words of `claim_words.tsv`.
pub fn local_modifier(word: &str) -> bool {
    lexicon::in_list(&lexicon::LOCAL_MODIFIER, word)
}

/// The role an unnamed speaker with this head noun takes from the dateline's country
/// ("officials" → GOV, "army" → MIL, "rebels" → REB), from `claim_words.tsv`.
pub fn dateline_role(head: &str) -> Option<&'static str> {
    if lexicon::in_list(&lexicon::DATELINE_REB, head) {
        Some("REB")
    } else if lexicon::in_list(&lexicon::DATELINE_GOV, head) {
        Some("GOV")
    } else if lexicon::in_list(&lexicon::DATELINE_MIL, head) {
        Some("MIL")
    } else if lexicon::in_list(&lexicon::DATELINE_OPP, head) {
        Some("OPP")
    } else {
        None
    }
}

/// Whether lower-case `word` stands before a role noun without qualifying it ("the", "its",
/// "senior"): "the ministry" refers back to any ministry, "the foreign ministry" only to a
/// foreign one.
pub fn role_determiner(word: &str) -> bool {
    const ROLE_DETERMINERS: &[&str] = &[
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "same",
        "country's",
        "nation's",
        "senior",
        "top",
        "chief",
        "deputy",
    ];
    ROLE_DETERMINERS.contains(&word)
}

/// Whether `word` is a channel noun ("statement", "report", "tweet").
pub fn channel_noun(word: &str) -> bool {
    lexicon::CHANNEL_NOUNS.contains(&word.to_lowercase().as_str())
}

/// An attribution that names `noun` (a channel noun) as the speaker's channel, after the
/// speaker: "said in a statement", "issued a joint statement", "in its report". Compiled once
/// per noun of the list, on its first use (none for a word that is no channel noun).
pub fn issued_channel(noun: &str) -> Option<&'static regex::Regex> {
    channel_patterns(noun).map(|(_, after)| after)
}

/// The two patterns of a channel noun: (opening the speaker's clause, after the speaker).
pub(crate) type ChannelPatterns = (regex::Regex, regex::Regex);

/// For each channel noun, the pattern of an attribution naming it as its channel while opening
/// the speaker's clause ("In a statement on Monday, …") and after the speaker
/// ([`issued_channel`]), compiled on the noun's first use: resolving references runs them for
/// every "the statement" of every article, and compiling there cost a third of extraction.
pub(crate) fn channel_patterns(noun: &str) -> Option<&'static ChannelPatterns> {
    use once_cell::sync::OnceCell;
    static PATTERNS: once_cell::sync::Lazy<Vec<OnceCell<Option<ChannelPatterns>>>> =
        once_cell::sync::Lazy::new(|| {
            (0..lexicon::CHANNEL_NOUNS.len())
                .map(|_| OnceCell::new())
                .collect()
        });
    let i = lexicon::CHANNEL_NOUNS.iter().position(|n| *n == noun)?;
    PATTERNS[i]
        .get_or_init(|| {
            let noun = regex::escape(noun);
            let opening = regex::Regex::new(&format!(
                r"(?i)\bin\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+)?{noun}\b[^.;,]*,\s*$"
            ))
            .ok()?;
            let after = regex::Regex::new(&format!(
                r"(?i)\b(?:in|issued|released|published|put out)\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+)?{noun}\b"
            ))
            .ok()?;
            Some((opening, after))
        })
        .as_ref()
}

/// Whether `speaker` is a definite reference to a news agency ("the agency", "The wire
/// service"): the speaker a relayed claim names when it names no agency.
pub fn wire_reference(speaker: &str) -> bool {
    let lower = speaker.trim().to_lowercase();
    lower
        .strip_prefix("the ")
        .is_some_and(|rest| lexicon::WIRE_REFS.contains(&rest.trim()))
}

/// Find claims in `text` given its sentences, actor mentions and time expressions.
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
        let headline = headline(text, sent);
        if headline.is_none() {
            ctx.note_relative_subject(&toks);
            find_in_sentence(&mut ctx, &quotes, sent, &toks, &mut drafts);
        }
        // In a title-case headline every word is capitalised: "EU Leaders Blame Russia"
        // names no one called "Blame Russia".
        if drafts.len() == before && headline != Some(Headline::TitleCase) {
            ctx.note_names(&toks);
            if headline.is_none() {
                ctx.note_subject(&toks);
                ctx.note_person_subject(&toks);
            }
        }
    }
    add_continuations(text, &quotes, sentences, &mut drafts);
    add_block_quotes(text, sentences, &mut drafts);
    add_turns(text, sentences, &mut drafts);
    // One-word paraphrases ("posted online", "told by phone") are not claims; a denial of
    // one word that names the charge ("denied involvement", "denied it") is.
    drafts.retain(|d| {
        let content = &text[d.content.start..d.content.end];
        d.kind != ClaimKind::Indirect
            || content.split_whitespace().count() >= 2
            || (d.cue_kind == CueKind::Denial
                && lexicon::in_list(&lexicon::DENIED_WORDS, content.trim())
                && (!is_pronoun_or_function(content.trim()) || deny_verb(d.cue.slice(text)))
                && !participle_follows(&text[d.content.end..]))
    });
    // A page excerpt cut mid-sentence leaves a claim with a few words of content running
    // into the cut ("the minister said the two Sy"): a fragment, not a claim. A text of one
    // sentence is no excerpt.
    if cut_text(text) {
        drafts.retain(|d| {
            text[..d.sentence.start].trim().is_empty()
                || !text[d.content.end..]
                    .trim_start_matches(|c: char| c.is_whitespace() || "\"”’'),".contains(c))
                    .is_empty()
                || text[d.content.start..d.content.end]
                    .split_whitespace()
                    .count()
                    >= MIN_CUT_WORDS
        });
    }
    // "with Moscow accused of backtracking", "Russia, blamed for the attack, …": an accusation
    // verb straight before "of"/"for" is a passive participle; the phrase before it is the
    // accused, and nobody is said to accuse.
    drafts.retain(|d| !(d.cue_kind == CueKind::Accusation && passive_accusation(text, d.cue)));
    tidy_speakers(text, sentences, &mut drafts);
    drafts.sort_by_key(|d| (d.content.start, d.content.end));
    drafts.dedup_by(|a, b| a.content.overlaps(b.content) && a.speaker.span == b.speaker.span);
    let mut out = Vec::with_capacity(drafts.len());
    let mut cued = Vec::with_capacity(drafts.len());
    for d in drafts {
        let (claim, dated) = finish(text, d, timexes, published);
        out.push(claim);
        cued.push(dated);
    }
    same_occasion_dates(text, timexes, &mut out, &mut cued, published);
    name_title_leads(&mut out);
    named_after_description(&mut out);
    if out.is_empty() && !quotes.is_empty() {
        diagnostics.push(Diagnostic {
            code: DiagCode::QuotesWithoutClaim,
            message: format!("{} quotations but no attributed claim", quotes.len()),
            span: None,
        });
    }
    out
}

/// The text after a one-word denial goes on with a comma and a participle ("denied it,
/// saying the claim was absurd"): the participle's clause says what the denial is. A
/// preposition in "-ing" ("according to") is no participle.
fn participle_follows(after: &str) -> bool {
    after.strip_prefix(", ").is_some_and(|r| {
        verb_cue::participle(r.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
    })
}

/// A cue of "deny" ("denied", "has denied", "denies"): its object is a charge or a fact. A
/// pronoun after "rejected" or "dismissed" may stand for a proposal ("Lima proposed talks;
/// Quito rejected it"), so only a denial of this verb keeps a pronoun for its content.
pub(super) fn deny_verb(cue: &str) -> bool {
    cue.split_whitespace()
        .any(|w| w.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("den")))
}

/// Speakers that say nothing go ([`headless_speaker`]), and "said this" claims point back at
/// the sentence before ([`point_back`]); a sentence already claimed is not claimed again.
fn tidy_speakers(text: &str, sentences: &[Span], drafts: &mut Vec<Draft>) {
    // "could be heard repeating", "territorial": one lower-case word that is no person,
    // body, role or pronoun speaks for no one.
    drafts.retain(|d| !headless_speaker(&d.speaker));
    // A sentence already claimed is not claimed again by "said this": that draft goes (the
    // drafts pointed back before it count as claiming their sentences).
    let pointed: Vec<Option<Draft>> = drafts
        .iter()
        .map(|d| point_back(text, sentences, d))
        .collect();
    let mut gone = vec![false; drafts.len()];
    for (i, p) in pointed.into_iter().enumerate() {
        if let Some(p) = p {
            gone[i] = drafts.iter().any(|o| o.content.overlaps(p.content));
            drafts[i] = p;
        }
    }
    let mut gone = gone.into_iter();
    drafts.retain(|_| !gone.next().unwrap_or(false));
}

/// "Zelensky said this during the press conference", "the minister announced this on
/// Wednesday in his Twitter account": content that is only "this" (or "that"), with at most a
/// phrase of occasion after it, points back at the sentence before, which is what was said.
fn point_back(text: &str, sentences: &[Span], d: &Draft) -> Option<Draft> {
    let content = d.content.slice(text).trim();
    let rest = ["this", "that"]
        .iter()
        .find_map(|w| {
            let head = content.get(..w.len())?;
            head.eq_ignore_ascii_case(w).then(|| &content[w.len()..])
        })
        .filter(|r| r.is_empty() || r.starts_with(' '))?;
    let occasion = rest.split_whitespace().next().is_none_or(|w| {
        lexicon::in_list(
            &[
                "during",
                "on",
                "in",
                "at",
                "after",
                "while",
                "when",
                "to",
                "via",
                "through",
                "earlier",
                "today",
                "yesterday",
            ],
            w,
        )
    });
    // "Moscow denied that": the denial answers what was reported before; its content stays
    // the pronoun, which names the charge (the sentence before has its own speaker).
    if !occasion || d.kind != ClaimKind::Indirect || d.cue_kind == CueKind::Denial {
        return None;
    }
    let prev = sentence_before(sentences, d.sentence.start)?;
    Some(Draft {
        content: prev,
        sentence: Span::new(prev.start, d.sentence.end),
        ..d.clone()
    })
}

/// The last non-empty sentence of the article that ends by byte `at`: the sentence a
/// pointing-back source ("That's according to X", "This was stated by X", "said this")
/// sources.
fn sentence_before(sentences: &[Span], at: usize) -> Option<Span> {
    sentences
        .iter()
        .rev()
        .find(|s| s.end <= at && !s.is_empty())
        .copied()
}

/// Whether a speaker is one lower-case word with no actor, no role, no pronoun, no plural
/// and no body's collective noun: "heard", "territorial", "to".
fn headless_speaker(sp: &Speaker) -> bool {
    let name = sp.name.trim();
    let Some(last) = name
        .rsplit(' ')
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    else {
        return false;
    };
    let shape = !name.contains(' ');
    sp.actor.is_none()
        && shape
        && !name.chars().any(char::is_uppercase)
        && role_of(last).is_none()
        && !lexicon::in_list(lexicon::PRONOUNS, last)
        && !last.ends_with('s')
        && !lexicon::in_list(
            &[
                "police",
                "media",
                "press",
                "military",
                "army",
                "navy",
                "government",
                "staff",
                "leadership",
                "management",
            ],
            last,
        )
}

/// A line of its own in title case that does not end a sentence ("U.S. and Russia Announce
/// Plan for Peace in Syria (Transcript)") is a headline or page furniture: the reporter's
/// summary, no one's claim. So is a short sentence-case line without a final stop that is
/// not the text's last ("Minister denies role in leak; inquiry opens", a repeated headline,
/// a standfirst, a related link): headlines run to about fifteen words, while longer
/// unstopped lines are standfirsts and excerpts cut mid-sentence, which stay. Hard-wrapped
/// sentences (a line break inside) and list items ("- The embassy said ...") stay too.
fn headline(text: &str, sent: Span) -> Option<Headline> {
    let before = text[..sent.start].trim_end_matches([' ', '\t']);
    let after = text[sent.end..].trim_start_matches([' ', '\t']);
    let own_line = (before.is_empty() || before.ends_with('\n'))
        && (after.is_empty() || after.starts_with(['\n', '\r']));
    if !own_line {
        return None;
    }
    let line = text[sent.start..sent.end].trim_end();
    if crate::extract::words::stopped(line) {
        return None;
    }
    if crate::extract::words::title_case(line) {
        return Some(Headline::TitleCase);
    }
    let last = text[sent.end..].trim().is_empty();
    let list_item = line.starts_with(['-', '•', '*', '–', '—']);
    let short = !line.contains('\n')
        && !last
        && !list_item
        && line.split_whitespace().nth(MAX_HEADLINE_WORDS).is_none();
    short.then_some(Headline::Short)
}

/// What kind of headline line a sentence is (see [`headline`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Headline {
    /// Title case: capitalisation says nothing about names.
    TitleCase,
    /// A short sentence-case line without a final stop.
    Short,
}

/// Whether `text` stops mid-sentence (an excerpt cut short): its last character closes no
/// sentence.
fn cut_text(text: &str) -> bool {
    let end = text
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    !end.is_empty() && !end.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// The fewest words of content a claim cut off by the end of an excerpt keeps.
const MIN_CUT_WORDS: usize = 6;

/// The longest sentence-case line (in words) read as a headline when it has no final stop.
const MAX_HEADLINE_WORDS: usize = 15;

/// The last word of a lower-case speaker phrase that names one person's role ("the danish
/// special envoy for the arctic" -> "envoy"), if any.
fn last_person_role(lower: &str) -> Option<&str> {
    lower
        .split(|ch: char| !ch.is_alphabetic())
        .rfind(|w| person_role(w))
}

/// "The Danish special envoy for the Arctic says the talks will go on. / Jane Roe told
/// reporters …": wire copy introduces a person by office first and by name in the next
/// sentence. A full name no rule gave a side, speaking in the sentence right after a claim
/// of a definite description of one person with a side ("the Danish special envoy"), takes that
/// side, and so do its later claims under the same name.
fn named_after_description(claims: &mut [Claim]) {
    for i in 1..claims.len() {
        let (prev, c) = (&claims[i - 1], &claims[i]);
        let full_name = c.speaker.split_whitespace().filter(|w| is_cap(w)).count() >= 2
            && c.speaker.split_whitespace().all(is_cap);
        let next_sentence = c.sentence_span.start > prev.sentence_span.end
            && c.sentence_span.start <= prev.sentence_span.end + 2;
        if c.actor_code.is_some() || !full_name || !next_sentence {
            continue;
        }
        let lower = prev.speaker.to_lowercase();
        if !lower.starts_with("the ")
            || last_person_role(&lower).is_none()
            || prev.country.is_none()
        {
            continue;
        }
        let (code, country, name) = (
            prev.actor_code.clone(),
            prev.country.clone(),
            c.speaker.clone(),
        );
        for d in claims[i..]
            .iter_mut()
            .filter(|d| d.speaker == name && d.actor_code.is_none())
        {
            d.actor_code = code.clone();
            d.country = country.clone();
        }
    }
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
        let Some(role) = last_person_role(&lower).map(str::to_string) else {
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
