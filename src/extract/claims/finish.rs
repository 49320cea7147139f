//! Turning a draft into a claim: its texts, its date (a time expression next to the cue), its
//! stance from `frames`, and the denial flip.

use super::lexicon::{in_list, CueKind, BACKGROUND, SKIP_BEFORE_CUE, STANDING, TRAILER_WORDS};
use super::Draft;
use crate::extract::frames;
use crate::model::{Claim, DateValue, Precision, Span, Timex};
use once_cell::sync::Lazy;

/// Turn a draft into a claim: texts, date, stance, denial flip. The flag says whether the
/// date came from a time expression at the cue (rather than the publication date).
pub(super) fn finish(
    text: &str,
    d: Draft,
    timexes: &[Timex],
    published: DateValue,
) -> (Claim, bool) {
    let content = d.content.slice(text).to_string();
    // The stance classifier lives in another stage; a bug there must not take claims down.
    let reading = std::panic::catch_unwind(|| frames::classify(&content, d.content.start))
        .unwrap_or_default();
    let denial = d.cue_kind == CueKind::Denial;
    let mut polarity = reading.polarity;
    if denial {
        polarity = -polarity;
    }
    let mut target = reading.target.clone();
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
    let hi = [d.cue.end + LISTENER_BYTES, d.cue.start, d.content.start]
        .into_iter()
        .max()
        .unwrap_or(usize::MAX);
    let first = timexes.partition_point(|t| t.span.end < lo);
    let last = timexes.partition_point(|t| t.span.start <= hi).max(first);
    let date = timexes[first..last]
        .iter()
        .filter(|t| speech_day(t, published))
        .filter(|t| at_cue(text, &d, t))
        .map(|t| t.resolved)
        .next();
    let date = date
        .or_else(|| opening_timex(text, &d, timexes, published))
        .or_else(|| clause_opening_timex(text, &d, timexes, published))
        .or_else(|| occasion_in_content(text, &d, timexes, published))
        .or_else(|| day_closing_object(text, &d, timexes, published))
        .or_else(|| day_before_charge(text, &d, timexes, published))
        .or_else(|| release_day(text, &d, timexes, published));
    // An undated claim in the perfect ("has denied"), after "earlier" or as a standing
    // position ("Moscow denies") was made before the report's day: its date is unknown, and
    // no later claim of the speaker's lends it one.
    let background = date.is_none()
        && background(text, &d, timexes, published)
        && !recent_span(text, &d, timexes, published);
    let cued = date.is_some() || background;
    let date = match date {
        Some(date) => date,
        None if background => DateValue::unknown(),
        None => published,
    };
    let claim = Claim {
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
        frame: reading.frame,
        polarity,
        hedge: reading.hedge,
        target,
        figures: reading.figures,
        denial,
        confidence: d.confidence.clamp(0.0, 1.0),
    };
    (claim, cued)
}

/// Whether time expression `t` is the day of the cue: right after it ("said Monday", "said
/// on Monday", "said late Tuesday"), right before it, between the speaker and the cue, in the
/// trailer before the content, inside the cue, or after a trailing attribution's audience;
/// never inside the content or naming an event.
fn at_cue(text: &str, d: &Draft, t: &Timex) -> bool {
    // "said Monday", "said on Monday", "said late Tuesday".
    let between = text.get(d.cue.end..t.span.start).unwrap_or("").trim();
    let near_after = t.span.start >= d.cue.end
        && (t.span.start <= d.cue.end + 4
            || ["late", "early", "late on", "early on"]
                .iter()
                .any(|w| between.eq_ignore_ascii_case(w)))
        && d.sentence.contains(t.span);
    let near_before =
        t.span.end <= d.cue.start && t.span.end + 2 >= d.cue.start && d.sentence.contains(t.span);
    let after_speaker = d
        .speaker
        .span
        .map(|s| t.span.start >= s.end && t.span.end <= d.cue.start)
        .unwrap_or(false)
        // "X, an activist in Daraa — where the uprising began in 2011 — said": a
        // year in an appositive is background, not the day of speaking.
        && t.resolved.precision != Precision::Year;
    let deed = deed_time(text, d, t);
    let in_trailer =
        t.span.start >= d.cue.end && t.span.end <= d.content.start && d.sentence.contains(t.span);
    // "quoted Lavrov on Tuesday as saying": a day inside a cue of several words.
    let within_cue = t.span.start >= d.cue.start && t.span.end <= d.cue.end;
    // "…, its mayor told AFP Saturday", "…, he told reporters in Kyiv on Monday": the
    // day after the audience of a trailing attribution.
    let after_listener = t.span.start >= d.cue.end
        && t.span.start <= d.cue.end + LISTENER_BYTES
        && d.content.end <= d.cue.start
        && d.sentence.contains(t.span)
        && listener(between);
    (near_after || near_before || after_speaker || in_trailer || within_cue || after_listener)
        && !deed
        && !d.content.overlaps(t.span)
        && !names_an_event(text, t)
}

/// Time expression `t` stands between the speaker and the cue inside a relative clause
/// telling another deed of the speaker's ([`other_deed`]): it dates that deed, not the speaking.
fn deed_time(text: &str, d: &Draft, t: &Timex) -> bool {
    d.speaker.span.is_some_and(|s| {
        t.span.start >= s.end
            && t.span.end <= d.cue.start
            && other_deed(text.get(s.end..t.span.start).unwrap_or(""))
    })
}

/// "Blinken, who postponed a trip to Beijing last week, told CNN": the words between the
/// speaker and a time expression open a relative clause whose verb tells another deed of the
/// speaker's, so its time is that deed's, not the speaking's ("Lavrov, who addressed
/// reporters on Monday, said" keeps it: its verb is an `occasion-verb` of `occasions.tsv`, and
/// a verb not in "-ed", "spoke", "met", "was", is never read as another deed).
fn other_deed(between: &str) -> bool {
    let Some(rest) = between
        .trim_start()
        .strip_prefix(',')
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix("who ").or_else(|| r.strip_prefix("which ")))
    else {
        return false;
    };
    let verb = rest.split_whitespace().next().unwrap_or("");
    verb.len() > 3 && verb.ends_with("ed") && !in_list(&OCCASION_VERBS, verb)
}

/// Past verbs in "-ed" of the speaking's own occasion (`occasion-verb`): "who addressed
/// reporters on Monday".
static OCCASION_VERBS: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("occasion-verb"));

/// How far after a cue the day of a trailing attribution may stand, past its audience ("told
/// the Associated Press in Kyiv on").
const LISTENER_BYTES: usize = 48;

/// Whether the words between a cue and a day are the cue's audience and setting ("AFP",
/// "reporters in Kyiv", "the BBC on", "state television late"): at most four words, no clause
/// mark, each capitalised (a name) or a `trailer` word of `claim_words.tsv`.
fn listener(between: &str) -> bool {
    let words = between
        .trim_end()
        .trim_end_matches(" on")
        .trim_end_matches(" late")
        .trim_end_matches(" early")
        .split_whitespace()
        .collect::<Vec<_>>();
    !words.is_empty()
        && words.len() <= 4
        && !between.contains([',', ';', ':', '"', '\u{201C}', '\u{201D}', '(', '—'])
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(*w, "in" | "at" | "on")
                || TRAILER_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// "Lee called the March 26 sinking a provocation", "condemned Tuesday's strike": a day
/// after a determiner, or with a possessive, dates the thing it qualifies, not the speaking;
/// so does a day after "that" ("said that last night the plant was hit": the content's time).
fn names_an_event(text: &str, t: &Timex) -> bool {
    let before = text.get(..t.span.start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let is_determiner = |w: &str| {
        matches!(
            w,
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "that"
        )
    };
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let last = words.next().unwrap_or("");
    let second = words.next().unwrap_or("").to_ascii_lowercase();
    let third = words.next().unwrap_or("").to_ascii_lowercase();
    // "the deadly 15 June clash": a determiner and one lowercase adjective before the day, and
    // a noun after it ("in a statement Monday that …" is the speaking's day).
    let rest = text.get(t.span.end..).unwrap_or("");
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let noun_after = rest.starts_with(' ')
        && !next.is_empty()
        && next.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            next,
            "that"
                | "to"
                | "the"
                | "a"
                | "an"
                | "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "by"
                | "with"
                | "as"
                | "after"
                | "before"
                | "when"
                | "while"
                | "from"
                | "for"
                | "of"
        );
    let adjective =
        last.bytes().all(|b| b.is_ascii_lowercase()) && is_determiner(&second) && noun_after;
    // "the incident that took place on June 15": the day of what happened.
    let happened = word == "on"
        && (matches!(second.as_str(), "happened" | "occurred")
            || (second == "place" && third == "took"));
    let possessive = rest.starts_with("'s ") || rest.starts_with("\u{2019}s ");
    // "told Xi in a Friday video call that …", "in its Monday statement": the day of the
    // occasion the speaker spoke at (a `trailer` or `remarks` noun after the day).
    let occasion = word != "that"
        && (TRAILER_WORDS.contains(&next) || REMARKS.contains(&next))
        && next.len() > 2;
    (is_determiner(&word) && !occasion) || adjective || happened || possessive
}

/// Perfect auxiliaries: closed-class grammar, in `background` of `claim_words.tsv` too.
const PERFECT: &[&str] = &["has", "have", "had"];

/// A background word that is no perfect auxiliary: "earlier", "previously", "formerly".
fn earlier_word(w: &str) -> bool {
    in_list(&BACKGROUND, w) && !in_list(PERFECT, w)
}

/// The phrases of one kind of `occasions.tsv`.
fn occasions(kind: &str) -> Vec<&'static str> {
    crate::data::OCCASIONS
        .rows()
        .into_iter()
        .filter(|r| r.col(1) == kind)
        .map(|r| r.col(0))
        .collect()
}

/// Sentence openings (lower case) that set a claim on an earlier occasion without a day: "At
/// the time the sanctions were announced, an official said".
static EARLIER_OCCASION: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("earlier-occasion"));

/// Sentence openings (lower case) that set a claim earlier or later on the day the report
/// tells of: "Earlier in the day, the coast guard said".
static SAME_DAY: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("same-day"));

/// Sentence openings that set the scene of a claim ("In an interview on German TV on 20 March,
/// when asked …, the minister said", "During a visit to Cairo on Monday the envoy said"): a
/// day-precise time expression after "on" inside such an opening dates the claim.
static SETTING_OPENERS: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("setting-opener"));

/// What a speaker phrase may follow to be dated a day before its anchor ("He was speaking the
/// day after Theresa May said").
static DAY_AFTER: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("day-after"));

/// Adverbs right before a cue that make it a same-day reply ("immediately denied").
static IMMEDIATE: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("immediate"));

/// Participles of issuing after a source's noun ("a report published on Saturday").
static RELEASE: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("release"));

/// "according to a report published on Saturday", "a statement released Sunday said": a
/// day-precise time expression right after a participle of issuing ([`RELEASE`]) that follows
/// the speaker's words (up to 48 bytes on, in the claim's sentence, outside its content)
/// dates the claim: the source was issued then.
fn release_day(
    text: &str,
    d: &Draft,
    timexes: &[Timex],
    published: DateValue,
) -> Option<DateValue> {
    let sp = d.speaker.span?;
    // "Officials blamed the radar, according to a report published on Saturday": a source
    // phrase closing the sentence sources the claim before it.
    let tail = text.get(d.content.end..d.sentence.end).unwrap_or("");
    let sourced = tail
        .trim_start_matches([',', ' ', '"', '”'])
        .to_lowercase()
        .starts_with("according to ");
    // "The Courier reported on Thursday that …, according to officials": the report that
    // relays a source phrase's claim opens the sentence.
    let relayed = d.cue_kind == CueKind::SourcePhrase && d.content.start > d.sentence.start;
    let regions = [
        Some((sp.start, (sp.end + 48).min(d.sentence.end))),
        sourced.then_some((d.content.end, d.sentence.end)),
        relayed.then_some((d.sentence.start, d.content.start)),
    ];
    regions
        .into_iter()
        .flatten()
        .find_map(|region| release_day_in(text, d, timexes, published, region))
}

/// [`release_day`] in the bytes `lo..hi` of the text.
fn release_day_in(
    text: &str,
    d: &Draft,
    timexes: &[Timex],
    published: DateValue,
    (lo, hi): (usize, usize),
) -> Option<DateValue> {
    // Time expressions come in text order: look only at those starting in lo..hi.
    let first = timexes.partition_point(|t| t.span.start < lo);
    let last = timexes.partition_point(|t| t.span.start < hi).max(first);
    timexes[first..last]
        .iter()
        .filter(|t| d.sentence.contains(t.span) && !d.content.overlaps(t.span))
        .filter(|t| speech_day(t, published))
        .find(|t| {
            let before = text[lo..t.span.start].trim_end().to_lowercase();
            let before = [
                "late on",
                "early on",
                "earlier on",
                "on",
                "late",
                "early",
                "earlier",
            ]
            .iter()
            .find_map(|w| before.strip_suffix(w).filter(|b| b.ends_with(' ')))
            .unwrap_or(&before)
            .trim_end();
            RELEASE
                .iter()
                .any(|r| before.strip_suffix(r).is_some_and(|b| b.ends_with(' ')))
        })
        .map(|t| t.resolved)
}

/// Occasion phrases inside a noun object's content ("in a call", "in an interview").
static OCCASION: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("occasion"));

/// "Trump voiced support for the country in a call with May on Tuesday": a cue whose content
/// opens on a noun (no pronoun, no determiner: the object of "voiced", "expressed") and holds
/// an occasion phrase in its first words, then "on <day>" with no clause break between, was
/// made that day. Content that opens on its own subject ("the skipper was warned in a call on
/// Tuesday") is what happened, not when it was said.
fn occasion_in_content(
    text: &str,
    d: &Draft,
    timexes: &[Timex],
    published: DateValue,
) -> Option<DateValue> {
    let content = d.content.slice(text);
    let first = content.split_whitespace().next()?;
    let noun = first.chars().all(|c| c.is_ascii_lowercase())
        && !in_list(super::lexicon::PRONOUNS, first)
        && !in_list(super::lexicon::DETERMINERS, first);
    if !noun {
        return None;
    }
    let lower = content.to_lowercase();
    let at = OCCASION
        .iter()
        .filter_map(|o| lower.find(&format!(" {o} ")))
        .min()?;
    if lower[..at].split_whitespace().count() > 6 {
        return None;
    }
    let from = d.content.start + at;
    let t = timexes
        .iter()
        .find(|t| t.span.start > from && d.content.contains(t.span))?;
    let between = text.get(from..t.span.start)?;
    let on = between.ends_with(" on ")
        || text
            .get(t.span.start..t.span.end)
            .is_some_and(|x| x.starts_with("on "));
    (on && !between.contains([',', ';', '"', '\u{201C}', '\u{201D}'])
        && between.len() <= 60
        && before_speech(t, published))
    .then_some(t.resolved)
}

/// "The captain disputed the US assertion on Friday", "Tehran denied involvement in the
/// attacks on Friday": a day that closes a noun object (no clause in it: no "that", no
/// pronoun subject, no finite auxiliary, no past tense after a noun) belongs to the cue
/// verb, the only verb of the sentence. Content that is a clause ("Lavrov said the convoy was
/// hit on Monday") keeps its day to itself.
fn day_closing_object(
    text: &str,
    d: &Draft,
    timexes: &[Timex],
    published: DateValue,
) -> Option<DateValue> {
    let t = timexes.iter().find(|t| d.content.contains(t.span))?;
    let written = text.get(t.span.start..t.span.end)?;
    let rest = text.get(t.span.end..d.content.end)?;
    let on = written.starts_with("on ") || text.get(..t.span.start)?.ends_with(" on ");
    if !on
        || !rest
            .chars()
            .all(|c| c.is_ascii_punctuation() || c.is_whitespace())
    {
        return None;
    }
    let object = text.get(d.content.start..t.span.start)?;
    let words: Vec<&str> = object.split_whitespace().collect();
    let first = words.first()?;
    let clause = words.iter().enumerate().any(|(i, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let after_noun = i > 0 && !in_list(super::lexicon::DETERMINERS, words[i - 1]);
        in_list(super::lexicon::AUXILIARIES, w)
            || w.eq_ignore_ascii_case("that")
            || (after_noun && w.len() > 4 && w.ends_with("ed"))
    });
    let noun_object = !in_list(super::lexicon::PRONOUNS, first)
        && first.chars().next().is_some_and(char::is_lowercase)
        && words.len() <= 10
        && !object.contains([',', ';', '"', '\u{201C}', '\u{201D}']);
    (noun_object && !clause && before_speech(t, published)).then_some(t.resolved)
}

/// "Peru accused Ecuador on Thursday of shelling the post", "the two sides accused each other
/// Friday of breaking the truce", "blamed Russia Monday for the attack": an accusation's day,
/// written between the accused (at most [`ACCUSED_WORDS`] words, no comma) and the "of" or
/// "for" of its charge, belongs to the cue, not to the act charged.
fn day_before_charge(
    text: &str,
    d: &Draft,
    timexes: &[Timex],
    published: DateValue,
) -> Option<DateValue> {
    if d.cue_kind != CueKind::Accusation {
        return None;
    }
    let t = timexes.iter().find(|t| d.content.contains(t.span))?;
    let accused = text.get(d.content.start..t.span.start)?;
    let accused = accused
        .trim_end()
        .strip_suffix(" on")
        .unwrap_or(accused.trim_end());
    let words = accused.split_whitespace().count();
    // "accused 12 men detained on Tuesday of …", "blamed Ukrainian shelling on Monday for …":
    // a participle or an act noun right before the day is the day's own ("the armed forces
    // Monday" is a party).
    let verbal = accused.split_whitespace().last().is_some_and(|w| {
        let w = w.to_lowercase();
        w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
    });
    if verbal {
        return None;
    }
    let charge = text.get(t.span.end..d.content.end)?.trim_start();
    let opens_charge = charge.starts_with("of ") || charge.starts_with("for ");
    (opens_charge
        && (1..=ACCUSED_WORDS).contains(&words)
        && !accused.contains([',', ';', '"', '\u{201C}', '\u{201D}'])
        && before_speech(t, published))
    .then_some(t.resolved)
}

/// Most words of the accused before an accusation's day ("the Ukrainian armed forces").
const ACCUSED_WORDS: usize = 6;

/// A day-precise time expression on or before the report's day.
fn before_speech(t: &Timex, published: DateValue) -> bool {
    speech_day(t, published) && t.resolved.precision == Precision::Day
}

/// Days before the report's day that a span opened by "since" may start and still make a
/// perfect claim the day's news.
const RECENT_SPAN_DAYS: i64 = 2;

/// A claim in the perfect that reports on a span reaching up to the report's day is that
/// day's news, not background: "Activists have reported sporadic violence since the truce
/// came into force on Monday" (a day after "since" at most two days back), "the envoy has
/// applauded the drop in violence in the 24 hours since the truce began" (a span of hours).
fn recent_span(text: &str, d: &Draft, timexes: &[Timex], published: DateValue) -> bool {
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // "previously", "earlier" anywhere in the sentence keep it background.
    let sentence = text.get(d.sentence.start..d.sentence.end).unwrap_or("");
    if sentence
        .split_whitespace()
        .map(word)
        .any(|w| earlier_word(&w))
    {
        return false;
    }
    let after = text.get(d.cue.end..d.sentence.end).unwrap_or("");
    let words: Vec<String> = after.split_whitespace().map(word).collect();
    // A span of hours that ends now: "in the past 24 hours", "the 48 hours since"; not a
    // deadline ("within 48 hours").
    let hours = words.windows(3).any(|w| {
        let number = !w[1].is_empty() && w[1].bytes().all(|b| b.is_ascii_digit());
        number && w[2] == "hours" && matches!(w[0].as_str(), "past" | "last" | "the" | "previous")
    });
    if hours {
        return true;
    }
    let Some(since) = find_word(after, "since").map(|i| d.cue.end + i) else {
        return false;
    };
    let Some(now) = published.date else {
        return false;
    };
    // The day "since" governs: the first time expression after it, a few words on ("since
    // the truce came into force on Tuesday"), not a later one ("…, a spokesman repeated on
    // Monday").
    let first = timexes.partition_point(|t| t.span.start <= since);
    timexes[first..]
        .first()
        .filter(|t| t.span.end <= d.sentence.end && t.span.start <= since + SINCE_REACH)
        .is_some_and(|t| {
            t.resolved.precision == Precision::Day
                && t.resolved
                    .date
                    .is_some_and(|x| (0..=RECENT_SPAN_DAYS).contains(&(now - x).num_days()))
        })
}

/// Bytes after "since" within which the day it governs starts ("since the truce came into
/// force on Tuesday").
const SINCE_REACH: usize = 48;

/// Byte offset of `word` in `text` as a whole word, lower case.
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word)
        .map(|(i, _)| i)
        .find(|&i| crate::extract::words::whole_word(text, i, word.len()))
}

/// Whether `text` opens with `phrase` as whole words ("at the time," but not "at the timer").
fn opens_with(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// Whether a claim's cue marks it as background rather than the day's news: the cue is in the
/// perfect ("has denied", "had repeatedly said"), follows or opens with "earlier" or
/// "previously" ("Earlier, May said", "Lavrov said previously"), or reports a standing
/// position in the present ("Russia denies involvement").
///
/// The lede is the exception: its perfect or present is the day's news ("Putin has rejected
/// the accusations", the first sentence after the headline), and so is a sentence that places
/// itself in time before the cue ("Earlier today the minister claimed").
fn background(text: &str, d: &Draft, timexes: &[Timex], published: DateValue) -> bool {
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_string()
    };
    let before = text.get(d.sentence.start..d.cue.start).unwrap_or("");
    // Time expressions come in text order: look only at those of the sentence before the cue.
    let first = timexes.partition_point(|t| t.span.start < d.sentence.start);
    let placed = timexes[first..]
        .iter()
        .take_while(|t| t.span.start < d.cue.start)
        .filter(|t| t.span.end <= d.cue.start);
    // "Earlier this month, the ministry said", "Last week, X said": a week, a month or a year
    // before the cue places the claim in a period, on no day: background when the sentence
    // opens with an earlier word or the period ended before the report's day. A day dates it.
    let mut period = None;
    for t in placed {
        if t.resolved.precision == Precision::Day {
            return false;
        }
        period = period.or(Some(t));
    }
    if let Some(t) = period {
        // Only a period opening the sentence ("Last week,", "Earlier this month,", "In
        // January,"): one inside a quotation or a clause before the cue ("what happened in
        // 2014") is the clause's, and one in a relative clause of another deed is the deed's.
        let lead = text
            .get(d.sentence.start..t.span.start)
            .unwrap_or("")
            .trim();
        let opens = lead.is_empty() || earlier_word(&word(lead)) || SETTING_OPENERS.contains(&lead);
        // "Earlier this month": the earlier word may be the time expression's own.
        let written = text.get(t.span.start..t.span.end).unwrap_or("");
        let earlier = [lead, written].iter().any(|p| {
            p.split_whitespace()
                .next()
                .is_some_and(|w| earlier_word(&word(w)))
        });
        return opens && !deed_time(text, d, t) && (earlier || ended_before(t, published));
    }
    // "At the time the sanctions were announced, an official said": an earlier occasion the
    // text does not date.
    let opening = before.trim_start().to_lowercase();
    if EARLIER_OCCASION.iter().any(|o| opens_with(&opening, o)) {
        return true;
    }
    if SAME_DAY.iter().any(|o| opens_with(&opening, o)) {
        return false;
    }
    // "The U.S. … previously issued a statement blaming Russia", "Russia denies involvement
    // and says …": between the speaker and the cue, "earlier"/"previously" or a standing
    // position in the present marks the cue's clause as background too.
    if let Some(between) = d
        .speaker
        .span
        .filter(|s| s.end <= d.cue.start && s.start >= d.sentence.start)
        .and_then(|s| text.get(s.end..d.cue.start))
    {
        let present = text
            .get(d.cue.start..d.cue.end)
            .is_some_and(|c| c.split_whitespace().count() == 1 && c.ends_with('s'));
        let marked = between
            .split_whitespace()
            .map(word)
            .any(|w| earlier_word(&w) || (present && in_list(&STANDING, &w)));
        if marked {
            return true;
        }
    }
    let after = text.get(d.cue.end..d.sentence.end).unwrap_or("");
    let next = after
        .split_whitespace()
        .next()
        .map(word)
        .unwrap_or_default();
    let opener = before
        .split_whitespace()
        .next()
        .map(word)
        .unwrap_or_default();
    let earlier = [next, opener].iter().any(|w| earlier_word(w));
    if earlier {
        return true;
    }
    if is_lede(text, d.sentence.start) {
        return false;
    }
    let cue = text.get(d.cue.start..d.cue.end).unwrap_or("");
    let mut cue_words = cue.split_whitespace().map(word);
    let first = cue_words.next().unwrap_or_default();
    if in_list(&BACKGROUND, &first) || (cue_words.next().is_none() && in_list(&STANDING, &first)) {
        return true;
    }
    // A floating quantifier stands between the auxiliary and the participle too ("Sweden and
    // Poland have all rejected the claim").
    for w in before.split_whitespace().rev().take(4).map(word) {
        if in_list(&BACKGROUND, &w) {
            return true;
        }
        if !in_list(&SKIP_BEFORE_CUE, &w) && !in_list(&["all", "both"], &w) {
            break;
        }
    }
    false
}

/// Whether the period `t` names (a week, a month, a year) ended before the report's day
/// ("last week", "in January" read in March); "this month" has not.
fn ended_before(t: &Timex, published: DateValue) -> bool {
    let (Some(start), Some(now)) = (t.resolved.date, published.date) else {
        return false;
    };
    let end = match t.resolved.precision {
        Precision::Week => start + chrono::Duration::days(7),
        Precision::Month => start
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(start),
        Precision::Year => start
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(start),
        _ => return false,
    };
    end <= now
}

/// Whether the sentence at `start` is the article's lede: no line before it holds a full
/// sentence (12 words or more, ended by a full stop, "!" or "?"); headlines, standfirsts
/// without a stop, datelines, menus and short furniture lines may come first.
fn is_lede(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    !before.lines().any(|l| {
        let l = l
            .trim_end()
            .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}']);
        l.ends_with(['.', '!', '?']) && l.split_whitespace().count() >= 12
    })
}

/// "On Wednesday, May announced the expulsion …", "Later on Monday, the ministry said …": a
/// time expression that opens the sentence, set off by a comma, dates its attributions.
fn opening_timex(
    text: &str,
    d: &Draft,
    timexes: &[Timex],
    published: DateValue,
) -> Option<DateValue> {
    let first = timexes.partition_point(|t| t.span.start < d.sentence.start);
    let t = timexes.get(first)?;
    let prefix = text.get(d.sentence.start..t.span.start)?.trim();
    // "Also on Wednesday, the spokesman said", "But on Monday X said": a linking word before
    // the opener is the sentence's, not the day's.
    let prefix = ["Also ", "And ", "But ", "Meanwhile, ", "Meanwhile "]
        .iter()
        .find_map(|w| prefix.strip_prefix(w))
        .unwrap_or(prefix);
    if let Some(date) = setting_timex(text, d, t, prefix, published) {
        return Some(date);
    }
    // "On Wednesday, X said"; after an opening preposition or adverb the comma may go
    // ("Earlier on Tuesday the minister said", "Earlier today Johnson claimed").
    let opener = [
        "On",
        "Late on",
        "Early on",
        "Later on",
        "Earlier on",
        "Earlier",
        "Later",
    ]
    .iter()
    .any(|o| o.eq_ignore_ascii_case(prefix));
    let participle = opening_participle_on(prefix) && text[t.span.end..].starts_with(',');
    (((prefix.is_empty() && text[t.span.end..].starts_with(',')) || opener || participle)
        && before_attribution(t, d, published))
    .then_some(t.resolved)
}

/// "Addressing supporters on Saturday, Erdogan said", "Speaking at a rally in Lima on
/// Monday, the minister said": an opening participle clause that ends with the day it was
/// spoken on ("… on"); the clause is the speaker's own act, so its day is the claim's.
fn opening_participle_on(prefix: &str) -> bool {
    let Some(head) = prefix.strip_suffix(" on") else {
        return false;
    };
    let mut words = head.split_whitespace();
    let first = words.next().unwrap_or("");
    let mut chars = first.chars();
    first.len() > 4
        && first.ends_with("ing")
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_ascii_lowercase())
        && words.clone().count() <= OPENING_PARTICIPLE_WORDS
        && !head.contains([',', ';', '.', '"', '\u{201C}'])
}

/// The most words an opening participle clause holds after its participle, before "on" and
/// its day: "Speaking to reporters at a rally in Lima" is seven.
const OPENING_PARTICIPLE_WORDS: usize = 8;

/// "Tensions rose, and late Sunday the president said …": a day that opens the speaker's
/// clause after "and", "but", "while" or a semicolon dates the claim as a day opening the
/// sentence does ([`opening_timex`]); only a comma may stand between the day and the speaker.
fn clause_opening_timex(
    text: &str,
    d: &Draft,
    timexes: &[Timex],
    published: DateValue,
) -> Option<DateValue> {
    let speaker = d.speaker.span?;
    if speaker.start <= d.sentence.start || speaker.end > d.cue.start {
        return None;
    }
    let t = timexes
        .iter()
        .rev()
        .find(|t| t.span.start > d.sentence.start && t.span.end <= speaker.start)?;
    let gap = text.get(t.span.end..speaker.start)?;
    if !gap.chars().all(|c| c.is_whitespace() || c == ',') {
        return None;
    }
    let before = text.get(d.sentence.start..t.span.start)?.trim_end();
    let lower = before.to_lowercase();
    let lower = ["late on", "early on", "later on", "earlier on", "on"]
        .iter()
        .find_map(|o| lower.strip_suffix(o).filter(|r| r.ends_with(' ')))
        .unwrap_or(&lower)
        .trim_end();
    let boundary = [", and", ", but", ", while", ";"]
        .iter()
        .any(|b| lower.ends_with(b));
    (boundary && before_attribution(t, d, published)).then_some(t.resolved)
}

/// "In an interview on German TV on 20 March, when he was asked …, Mr Johnson said": the
/// sentence's first time expression, day-precise and after "on", inside a scene-setting
/// opening ([`SETTING_OPENERS`]) that ends before the speaker and the cue.
fn setting_timex(
    text: &str,
    d: &Draft,
    t: &Timex,
    prefix: &str,
    published: DateValue,
) -> Option<DateValue> {
    let opener = prefix.split_whitespace().next()?;
    // "At a news conference on Tuesday", or a day named with no "on" ("During a press
    // conference held in Riyadh yesterday").
    let written = text.get(t.span.start..t.span.end).unwrap_or("");
    // "In an interview aired Sunday": a participle of issuing before the day stands for "on".
    let issued = prefix
        .rsplit(' ')
        .next()
        .is_some_and(|w| RELEASE.contains(&w));
    let on = prefix.ends_with(" on")
        || issued
        || written.starts_with("on ")
        || written.starts_with("On ")
        || ["yesterday", "today", "tonight"].contains(&written.to_ascii_lowercase().as_str());
    let before_speaker = d.speaker.span.is_none_or(|s| t.span.end <= s.start);
    let quoted = prefix.contains(['"', '\u{201C}', '\u{201D}']);
    // "In the first interview since Riyadh admitted on Saturday that …": the day is the
    // "since" clause's own verb's, an earlier time than the scene.
    let since = prefix
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("since") || w.eq_ignore_ascii_case("until"));
    (SETTING_OPENERS.contains(&opener)
        && !since
        && on
        && !quoted
        && before_speaker
        && before_attribution(t, d, published))
    .then_some(t.resolved)
}

/// Whether `t`, written before the cue and the content (and outside the content), is a day on
/// which the claim can have been said: the test every opening time expression meets
/// ([`opening_timex`], [`setting_timex`], [`clause_opening_timex`]).
fn before_attribution(t: &Timex, d: &Draft, published: DateValue) -> bool {
    t.span.end <= d.cue.start.min(d.content.start)
        && !d.content.overlaps(t.span)
        && before_speech(t, published)
}

/// Whether a time expression can date a claim of a report published on `published`: it has a
/// date, and a claim is not made after its report ("Uribe, who leads the campaign for the
/// Oct. 2 referendum, said" in a report of Sept. 13).
fn speech_day(t: &Timex, published: DateValue) -> bool {
    t.resolved
        .date
        .is_some_and(|d| published.date.is_none_or(|p| d <= p))
}

/// The occasions the text gives a claim's speaker (`text` and its `timexes`: a remarks noun or
/// a conversation with a day, [`remarks_occasions`]), then:
///
/// "Lavrov said on Thursday Moscow would expel 60 diplomats. … Lavrov added that …": a
/// claim with no time expression at its cue was made on the same occasion as the same
/// speaker's last earlier claim that has one, so it takes that claim's date. Speakers are
/// the same when they resolved to the same actor name, or read the same when they did not.
pub(super) fn same_occasion_dates(
    text: &str,
    timexes: &[Timex],
    claims: &mut [Claim],
    cued: &mut [bool],
    published: DateValue,
) {
    relative_occasions(claims, cued, published);
    remarks_occasions(text, timexes, claims, cued, published);
    // Who speaks, once per claim.
    let who: Vec<String> = claims
        .iter()
        .map(|c| {
            c.actor
                .clone()
                .unwrap_or_else(|| c.speaker.trim().to_lowercase())
        })
        .collect();
    for i in 0..claims.len() {
        if cued[i] || who[i].is_empty() {
            continue;
        }
        // Only a day dates an occasion ("this year" does not).
        let day = |j: usize| claims[j].date.precision == Precision::Day;
        if let Some(j) = (0..i)
            .rev()
            .find(|&j| cued[j] && day(j) && who[j] == who[i])
        {
            claims[i].date = claims[j].date;
            cued[i] = true;
        } else if i > 0 && cued[i - 1] && who[i - 1] == who[i] && earlier_undated(&claims[i - 1]) {
            // "Earlier, Poroshenko told reporters … ¶ '…,' Poroshenko told journalists": the
            // same speaker's very next claim continues that undated occasion.
            claims[i].date = claims[i - 1].date;
            cued[i] = true;
        }
    }
    report_occasion(claims, cued, published);
}

/// A claim left undated by "earlier" opening its sentence or right before its cue, with no
/// day ("Earlier, Poroshenko told reporters …", "Poroshenko earlier said …").
fn earlier_undated(c: &Claim) -> bool {
    if c.date.date.is_some() {
        return false;
    }
    let sentence = c.sentence.to_ascii_lowercase();
    let attribution = match sentence.find(&c.cue.to_ascii_lowercase()) {
        Some(at) => &sentence[..at],
        None => sentence.as_str(),
    };
    // Opening the sentence or right before the cue: "a short time earlier, the president
    // had said" is the same day.
    let words: Vec<&str> = attribution
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.first() == Some(&"earlier") || words.last() == Some(&"earlier")
}

/// Nouns of what a speaker said, after a possessive name and before a day.
static REMARKS: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("remarks"));

/// "Erdogan's comments on Monday came after Putin accused Turkey …": the text dates a
/// speaker's remarks without a cue of its own (a possessive name, a `remarks` noun, "on" and
/// a day), so that speaker's claims with no date of their own (not background) were made that
/// day, before the sentence or after it. The name is matched to a claim's speaker or actor by
/// its last word.
fn remarks_occasions(
    text: &str,
    timexes: &[Timex],
    claims: &mut [Claim],
    cued: &mut [bool],
    published: DateValue,
) {
    for t in timexes {
        if !before_speech(t, published) {
            continue;
        }
        let before = text.get(..t.span.start).unwrap_or("");
        let after = text.get(t.span.end..).unwrap_or("");
        let Some(name) = remarks_before(before)
            .or_else(|| spoke_before(before))
            .or_else(|| spoke_after(before, after))
        else {
            continue;
        };
        for (c, cued) in claims.iter_mut().zip(cued.iter_mut()) {
            let speaks = [Some(c.speaker.as_str()), c.actor.as_deref()]
                .into_iter()
                .flatten()
                .any(|s| s.split_whitespace().next_back() == Some(name));
            if !*cued && speaks {
                c.date = t.resolved;
                *cued = true;
            }
        }
    }
}

/// Verbs of a conversation (`spoke` in `occasions.tsv`).
static SPOKE: Lazy<Vec<&'static str>> = Lazy::new(|| occasions("spoke"));

/// The capitalised name before a conversation verb whose clause `before` ends with, at "on"
/// ("Wang Yi spoke to Doval on the phone on"): no comma or sentence end after the verb, and
/// at most [`SPOKE_WORDS`] words.
fn spoke_before(before: &str) -> Option<&str> {
    let rest = before.trim_end().strip_suffix(" on")?;
    let clause = rest.rsplit(['.', ',', ';', '\n']).next()?;
    // "Ortega spoke on Monday": the verb may end the clause before "on".
    let clause_sp = format!("{clause} ");
    let (at, verb) = SPOKE
        .iter()
        .filter_map(|v| clause_sp.rfind(&format!(" {v} ")).map(|i| (i, *v)))
        .max()?;
    let after = clause_sp.get(at + verb.len() + 2..).unwrap_or("");
    if after.split_whitespace().count() > SPOKE_WORDS {
        return None;
    }
    proper_name(clause[..at].rsplit(' ').next()?)
}

/// The capitalised name of a sentence whose day, after "on", comes before its conversation
/// verb ("Jaishankar on Friday spoke about the standoff", "the minister, who is visiting
/// Lima, on Sunday (May 16) held talks with …"): `before` ends with "on", `after` opens with
/// the verb (after a bracketed date), and the name is the last word before the first comma
/// of the sentence, or before "on" when there is none.
fn spoke_after<'t>(before: &'t str, after: &str) -> Option<&'t str> {
    let rest = before.trim_end().strip_suffix(" on")?;
    let mut after = after.trim_start();
    if let Some(inner) = after.strip_prefix('(') {
        after = inner.split_once(')')?.1.trim_start();
    }
    if !SPOKE
        .iter()
        .any(|v| after.strip_prefix(v).is_some_and(|r| r.starts_with(' ')))
    {
        return None;
    }
    let sentence = rest.rsplit(['.', '!', '?', ';', '\n']).next()?;
    let subject = sentence.split(',').next()?.trim_end();
    proper_name(subject.rsplit(' ').next()?)
}

/// `word` when it is written as a surname: a capital, then at least one letter, all lower case
/// ("Ortega", "Çavuşoğlu"; not "UN", "A" or "McKay").
fn proper_name(word: &str) -> Option<&str> {
    let mut chars = word.chars();
    (chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(char::is_lowercase))
    .then_some(word)
}

/// The most words between a conversation verb and the "on" of its day: "to the visiting
/// foreign minister of Ruritania by phone" is eight.
const SPOKE_WORDS: usize = 10;

/// The capitalised name before "'s <remarks noun> [late|early] on" that ends `before`.
fn remarks_before(before: &str) -> Option<&str> {
    let rest = before.trim_end().strip_suffix(" on")?.trim_end();
    let rest = ["late", "early"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .map_or(rest, str::trim_end);
    let (head, noun) = rest.rsplit_once(' ')?;
    if !REMARKS.contains(&noun) {
        return None;
    }
    let owner = head
        .strip_suffix("'s")
        .or_else(|| head.strip_suffix("\u{2019}s"))?;
    let name = owner
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()?;
    (name.len() > 1 && name.starts_with(|c: char| c.is_uppercase())).then_some(name)
}

/// A report's occasion is the day before the report at most (a wire story filed overnight, a
/// paper dated the next morning); further back its undated claims are the report's own day
/// (a reply made since: "The union denied the charge" after "said on Tuesday").
const OCCASION_DAYS: i64 = 1;

/// "China said on Thursday that it rejected the request. … Tan said the U.S. had asked for a
/// call": when the report's first claim is dated at its cue to a day before the report's, that
/// day is the occasion the report tells of, and its claims with no date of their own (not
/// background) were made then.
fn report_occasion(claims: &mut [Claim], cued: &[bool], published: DateValue) {
    let (Some(first), Some(report)) = (claims.first(), published.date) else {
        return;
    };
    let dated = cued.first() == Some(&true) && first.date.precision == Precision::Day;
    let Some(day) = first.date.date.filter(|_| dated) else {
        return;
    };
    let back = (report - day).num_days();
    if !(1..=OCCASION_DAYS).contains(&back) {
        return;
    }
    let occasion = first.date;
    for (c, _) in claims.iter_mut().zip(cued).filter(|(_, &cued)| !cued) {
        c.date = occasion;
    }
}

/// The words of a claim's sentence before `at` (its speaker, its cue), lower case (none without
/// the span).
fn words_before(c: &Claim, at: Option<Span>) -> String {
    let at = at.map_or(0, |s| s.start.saturating_sub(c.sentence_span.start));
    c.sentence.get(..at).unwrap_or("").to_lowercase()
}

/// Claims dated by another occasion of the text rather than by a time expression:
///
/// - "He was speaking the day after the prime minister said …": the day before the report's
///   day, or before the last earlier claim's day when that was dated at its cue;
/// - "The minister immediately denied the accusation": the reply is the day of the last
///   earlier claim dated at its cue (the accusation it answers).
fn relative_occasions(claims: &mut [Claim], cued: &mut [bool], published: DateValue) {
    for i in 0..claims.len() {
        if cued[i] {
            continue;
        }
        let last_cued = (0..i)
            .rev()
            .find(|&j| cued[j] && claims[j].date.precision == Precision::Day);
        // The words before the speaker (or the cue): "the day after X said, the minister …".
        let at = claims[i].speaker_span.or(claims[i].cue_span);
        let lead = words_before(&claims[i], at);
        let lead = lead.trim_end().trim_end_matches(',');
        if DAY_AFTER.iter().any(|p| lead.ends_with(p)) {
            let anchor = last_cued.map_or(published, |j| claims[j].date);
            if let Some(day) = anchor.date.and_then(|d| d.pred_opt()) {
                claims[i].date = DateValue::day(day);
                cued[i] = true;
            }
            continue;
        }
        let before_cue = words_before(&claims[i], claims[i].cue_span);
        let reply = before_cue
            .split_whitespace()
            .next_back()
            .is_some_and(|w| IMMEDIATE.contains(&w));
        if let (true, Some(j)) = (reply, last_cued) {
            if claims[j].speaker != claims[i].speaker {
                claims[i].date = claims[j].date;
                cued[i] = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::dates_of;
    use crate::model::DateValue;
    use chrono::NaiveDate;

    /// Claims dated by the occasion the text sets for them: a scene-setting opening with its
    /// day, "the day after", a same-day reply, and earlier occasions with no day (none).
    #[test]
    fn occasion_dates_table() {
        let day = |d| NaiveDate::from_ymd_opt(2021, 5, d);
        let published = DateValue::day(day(20).unwrap());
        let lede = "Fishing boats from both countries stayed in port on Thursday as the quota row went on.\n\n";
        let cases: &[(&str, &[Option<NaiveDate>])] = &[
            // a day before the occasion of speaking, not before another noun
            (
                "European leaders told the premier in a Monday video call that the quota was unfair.",
                &[day(17)],
            ),
            (
                "The ministry said in its Monday statement that the port would stay shut.",
                &[day(17)],
            ),
            (
                "The ministry said the Monday raid had shut the port.",
                &[day(20)],
            ),
            // a trailing attribution's day after its audience, not after a clause
            (
                "Almost 300 people were buried in the town, its mayor told AFP Monday after the army retook it.",
                &[day(17)],
            ),
            (
                "\"The port will stay shut,\" the minister told reporters in Oslo on Monday.",
                &[day(17)],
            ),
            (
                "The port will stay shut, the minister told reporters, who on Monday saw the boats.",
                &[day(20)],
            ),
            // a setting with its day, before the speaker
            (
                "In an interview with a Danish paper on 14 May, when asked about the quota, the fisheries minister said the talks had failed.",
                &[day(14)],
            ),
            (
                "During a visit to the harbour on Monday the envoy said the boats would be released.",
                &[day(17)],
            ),
            // a day in the content is when it happened, not when it was said
            (
                "In a statement, the ministry said the boats were seized on 14 May.",
                &[day(20)],
            ),
            // the day after the claim it is set against
            (
                "She was speaking the day after the fisheries minister said the quota was final.",
                &[day(19)],
            ),
            (
                "The coast guard said on Tuesday the trawler had crossed the line. The skipper's union immediately denied the charge.",
                &[day(18), day(18)],
            ),
            // a plain reply keeps the report's day
            (
                "The coast guard said on Tuesday the trawler had crossed the line. The skipper's union denied the charge.",
                &[day(18), day(20)],
            ),
            // an occasion phrase in a noun object's content, with its day
            (
                "The premier voiced support for the fishermen in a call with the mayor on Tuesday, with both agreeing the quota was unfair.",
                &[day(18)],
            ),
            // content with its own subject: when it happened, not when it was said
            (
                "The coast guard said the skipper was warned in a call on Tuesday.",
                &[day(20)],
            ),
            // a day closing a noun object is the cue's: the sentence has no other verb
            (
                "The trawler's owner disputed the coast guard's account on Tuesday.",
                &[day(18)],
            ),
            (
                "Oslo denied involvement in the seizure on Tuesday.",
                &[day(18)],
            ),
            (
                "The union said boats returned on Tuesday.",
                &[day(20)],
            ),
            // a day inside a "since" clause in the setting belongs to that clause's verb
            (
                "In the first interview since the ministry admitted on Tuesday that the boat was seized, the envoy said the crew was safe.",
                &[day(18), day(20)],
            ),
            // an earlier occasion the text does not date
            (
                "At the time the quota was set, a senior ministry official said it would be reviewed.",
                &[None],
            ),
            (
                "The union, with two other groups, previously issued a statement calling the quota unfair.",
                &[None],
            ),
            // "since then": the time between an earlier event and the report, no one day
            (
                "The talks collapsed in March, the mediator said on Wednesday. Since then the union said the quota was unfair.",
                &[day(19), None],
            ),
            (
                "The ministry rejects the charge and says the boats were in its waters.",
                &[None, None],
            ),
            // a possessive name, a remarks noun and a day date that speaker's claims with no
            // day of their own, before the sentence and after it, not another speaker's
            (
                "Ortega said the port would stay shut. Ortega's comments on Monday came after the coast guard said the trawler had fled. \"We will not yield,\" Ortega said.",
                &[day(17), day(20), day(17)],
            ),
            (
                "Ortega said the port would stay shut. The comments on Monday came after the raid.",
                &[day(20)],
            ),
            // a conversation the text dates: the talker's undated claims were made then
            (
                "Daniel Ortega spoke to the admiral by phone on Monday evening, the ministry said on Wednesday. Ortega said the port would stay shut.",
                &[day(19), day(17)],
            ),
            (
                "Daniel Ortega spoke, and on Monday the admiral met the crew. Ortega said the port would stay shut.",
                &[day(20)],
            ),
            (
                "Daniel Ortega spoke on Monday. Ortega said the port would stay shut.",
                &[day(17)],
            ),
            // the day before the conversation verb, after the name and its relative clause
            (
                "Daniel Ortega, who is visiting Lima, on Monday (May 17) spoke about the dispute. Ortega said the port would stay shut.",
                &[day(17)],
            ),
            (
                "Ortega on Monday held talks with the admiral. Ortega said the port would stay shut.",
                &[day(17)],
            ),
            // a day before another verb dates no conversation
            (
                "Ortega on Monday visited the port. Ortega said the port would stay shut.",
                &[day(20)],
            ),
            // a name that opens with a letter of two bytes
            (
                "Mevlüt Çavuşoğlu talked with the admiral on Monday. Çavuşoğlu said the port would stay shut.",
                &[day(17), day(17)],
            ),
            (
                "Écoutant the admiral on Monday, Ortega said the port would stay shut.",
                &[day(20)],
            ),
        ];
        for (body, want) in cases {
            let text = format!("{lede}{body}");
            assert_eq!(&dates_of(&text, published)[..], *want, "{body}");
        }
    }

    /// The report's occasion: when its first claim is dated at its cue to a day before the
    /// report's (the day before), the claims with no date of their own were made that day, and
    /// "earlier in the day" is that day's news; a first claim of the report's own day, or one
    /// dated further back, sets no occasion; background stays undated.
    #[test]
    fn report_occasion_table() {
        let day = |d| NaiveDate::from_ymd_opt(2021, 5, d);
        let published = DateValue::day(day(20).unwrap());
        let cases: &[(&str, &[Option<NaiveDate>])] = &[
            (
                "Norway said on Wednesday that it had seized the trawler. The boat was in Norwegian waters, a coast guard spokesman said. Earlier in the day, the ministry said the crew was safe. The ministry has previously said the zone is closed.",
                &[day(19), day(19), day(19), None],
            ),
            (
                "Norway said on Wednesday that it had seized the trawler. Earlier the same day, the ministry said the crew was safe. Later that day the navy said a tug had been rammed.",
                &[day(19), day(19), day(19)],
            ),
            (
                "Norway said on Thursday that it had seized the trawler. The boat was in Norwegian waters, a coast guard spokesman said.",
                &[day(20), day(20)],
            ),
            (
                "Norway said on Tuesday that it had seized the trawler. The boat was in Norwegian waters, a coast guard spokesman said.",
                &[day(18), day(20)],
            ),
            (
                "The boat was in Norwegian waters, a coast guard spokesman said. Norway said on Wednesday that it had seized the trawler.",
                &[day(20), day(19)],
            ),
        ];
        for (body, want) in cases {
            assert_eq!(&dates_of(body, published)[..], *want, "{body}");
        }
    }

    /// `occasions.tsv` holds every kind the dates read, and its phrases match as whole words.
    #[test]
    fn occasion_rows_table() {
        for kind in [
            "earlier-occasion",
            "setting-opener",
            "day-after",
            "immediate",
            "same-day",
            "occasion-verb",
        ] {
            assert!(!super::occasions(kind).is_empty(), "no {kind} rows");
        }
        // a relative clause's "-ed" verb is another deed unless it is an occasion verb
        for (between, want) in [
            (", who postponed a trip ", true),
            (", who addressed reporters ", false),
            (", who spoke to reporters ", false),
            (", which announced the talks ", true),
            (" on ", false),
        ] {
            assert_eq!(super::other_deed(between), want, "{between:?}");
        }
        let cases = [
            ("at the time, an official said", "at the time", true),
            ("at the time the port shut", "at the time", true),
            ("at the timeline's end", "at the time", false),
            ("back then", "back then", true),
        ];
        for (text, phrase, want) in cases {
            assert_eq!(
                super::opens_with(text, phrase),
                want,
                "{text:?} / {phrase:?}"
            );
        }
    }
}
