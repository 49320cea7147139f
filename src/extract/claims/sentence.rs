//! One sentence: find its cues outside quotations, run them strong first then weak, dispatch each
//! to its cue family, and settle overlaps between the claims found.

use super::according_to::according_to;
use super::colon::colon_claims;
use super::coref::Ctx;
use super::generic::{generic_quote_first, generic_that};
use super::lexicon::{in_list, CueKind, CueRow, CONTENT_OPENERS, CUES};
use super::noun_cue::noun_cue;
use super::quoted_as::quoted_as;
use super::quotes::{clean_content, inside_quote, Quote};
use super::tokens::{is_cap, tok_at, word, Tok, TokKind};
use super::verb_cue::verb_cue;
use super::CueSite;
use super::Draft;
use crate::model::{ClaimKind, Span};

/// Try every cue of one sentence, then the fallbacks for verbs outside the lexicon and colons.
pub(super) fn find_in_sentence(
    ctx: &mut Ctx,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
    drafts: &mut Vec<Draft>,
) {
    let text = ctx.text;
    let cues = merge_channels(text, cue_matches(text, quotes, sent, toks));
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
            // Weak cues never nest inside an existing claim, but for a press report's, which
            // only relays the claim ("X called the act a crime, AP reported").
            if !strong_pass
                && mine
                    .iter()
                    .any(|d| d.content.overlaps(cue) && !super::according_to::press_report(text, d))
            {
                continue;
            }
            let site = CueSite {
                quotes,
                sent,
                toks,
                cue,
                row,
                earlier: &drafts[first_new..],
            };
            let Some(d) = dispatch(ctx, &site) else {
                continue;
            };
            settle(text, sent, drafts, first_new, d, strong_pass);
        }
    }
    generic_that(ctx, quotes, sent, toks, drafts, first_new);
    generic_quote_first(ctx, quotes, sent, toks, drafts, first_new);
    colon_claims(ctx, quotes, sent, toks, drafts, first_new);
}

/// `X said that "A" and that B`: the byte where " and that" starts and the content span of B.
pub(super) fn split_and_that(text: &str, sent: Span, d: &Draft) -> Option<(usize, Span)> {
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

/// Cue matches of the lexicon in the sentence, outside quotations, as whole words and
/// lowercase (or opening the sentence, or in a title-case headline).
fn cue_matches(
    text: &str,
    quotes: &[Quote],
    sent: Span,
    toks: &[Tok],
) -> Vec<(usize, usize, CueRow)> {
    let s_text = &text[sent.start..sent.end];
    let lex = &*CUES;
    // Headlines in title case ("Trump's Son Says The Battle Will Be Unprecedented") keep
    // capitalized cues; counted only when a capitalised cue needs it.
    let mut title_case: Option<bool> = None;
    let mut is_title_case = || {
        *title_case.get_or_insert_with(|| {
            let (caps, words) = toks
                .iter()
                .filter(|t| t.k == TokKind::Word)
                .fold((0, 0), |(c, w), t| {
                    (c + usize::from(is_cap(word(text, t))), w + 1)
                });
            words >= 4 && caps * 10 >= words * 7
        })
    };
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
        if !ok_before || !ok_after {
            continue;
        }
        let lower_or_initial = text[ms..]
            .chars()
            .next()
            .map(|c| c.is_lowercase() || !c.is_alphabetic())
            .unwrap_or(false)
            || (text[sent.start..ms]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty()
                && lex.rows[m.pattern().as_usize()].kind == CueKind::SourcePhrase)
            || (!text[sent.start..ms].trim().is_empty() && is_title_case());
        if !lower_or_initial || inside_quote(quotes, ms, me) {
            continue;
        }
        matches.push((ms, me, lex.rows[m.pattern().as_usize()].clone()));
    }
    matches
}

/// Merge channel phrases into the cue before them ("said in a statement"); a channel phrase
/// alone is no cue.
fn merge_channels(text: &str, matches: Vec<(usize, usize, CueRow)>) -> Vec<(Span, CueRow)> {
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
    cues
}

/// Hand one cue to its family: a noun cue after a possessive, "according to", "quoted as
/// saying", or a reporting verb.
fn dispatch(ctx: &mut Ctx, site: &CueSite) -> Option<Draft> {
    let text = ctx.text;
    let CueSite { toks, cue, row, .. } = *site;
    let ci = tok_at(toks, cue.start);
    let possessive = ci > 0 && toks[ci - 1].k == TokKind::Word && {
        let w = word(text, &toks[ci - 1]);
        w.ends_with("'s") || w.ends_with("’s") || in_list(&["his", "her", "their", "its"], w)
    };
    match row.kind {
        _ if possessive && row.kind != CueKind::SourcePhrase => noun_cue(ctx, site),
        CueKind::Noun => None,
        CueKind::SourcePhrase => according_to(ctx, site),
        CueKind::QuotedAs => quoted_as(ctx, site),
        // "Media reported U.S. officials on Tuesday as saying that …": a verb of reporting
        // with "as saying" after its object reports the object's words, as "quoted" does.
        CueKind::Speech if reports_as_saying(text, toks, ci) => {
            quoted_as(ctx, site).or_else(|| verb_cue(ctx, site))
        }
        _ => verb_cue(ctx, site),
    }
}

/// "reported X as saying", "described X as saying": the cue word is "reported", "reports" or
/// "described" and "as saying" follows within the few words of an object, with no comma,
/// quotation mark or "that" between.
fn reports_as_saying(text: &str, toks: &[super::tokens::Tok], ci: usize) -> bool {
    let Some(cue) = toks.get(ci) else {
        return false;
    };
    if !matches!(
        word(text, cue).to_ascii_lowercase().as_str(),
        "reported" | "reports" | "described"
    ) {
        return false;
    }
    // The object runs to "as saying" with no clause between: "reported that the minister
    // was quoted as saying" is a report of a report, not of the minister's words.
    for k in ci + 1..toks.len().min(ci + 14) {
        let w = word(text, &toks[k]);
        if toks[k].k == TokKind::Quote || w == "," || w.eq_ignore_ascii_case("that") {
            return false;
        }
        if w.eq_ignore_ascii_case("as")
            && toks
                .get(k + 1)
                .is_some_and(|n| word(text, n).eq_ignore_ascii_case("saying"))
        {
            return true;
        }
    }
    false
}

/// "Putin called the downing \"a stab in the back\" and said the plane posed no threat": one
/// speaker, two cues joined by "and". The second verb's claim is found first (it is the strong
/// cue); the first one's content ends where the second verb's coordination starts, so both
/// stand instead of the first overlapping the second.
fn end_before_next_verb(text: &str, earlier: &[Draft], d: &mut Draft) {
    let Some(speaker) = d.speaker.span else {
        return;
    };
    let next = earlier
        .iter()
        .filter(|o| o.speaker.span == Some(speaker))
        .map(|o| o.cue.start)
        .filter(|&at| d.content.start < at && at < d.content.end)
        .min();
    let Some(at) = next else {
        return;
    };
    let head = text[d.content.start..at].trim_end();
    let Some(head) = head
        .strip_suffix(", and")
        .or_else(|| head.strip_suffix(" and"))
    else {
        return;
    };
    if let Some(c) = clean_content(text, d.content.start, d.content.start + head.len()) {
        d.content = Span::new(c.0, c.1);
    }
}

/// Where content cut before a later attribution at `at` ends once a conjunction left
/// hanging before it is dropped: "the plane veered off course after | an army statement
/// said …" ends at "course", not at "after".
fn without_hanging_word(text: &str, at: usize) -> usize {
    const HANGING: &[&str] = &[
        "after", "before", "because", "as", "when", "while", "since", "until", "and", "but",
        "although", "though", "whereas",
    ];
    let mut at = at;
    // "even though", "even as": the adverb before the conjunction goes with it.
    for list in [HANGING, &["even"]] {
        let before = text[..at].trim_end();
        let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &before[word_start..];
        if list.iter().any(|h| h.eq_ignore_ascii_case(word)) {
            at = word_start;
        } else {
            break;
        }
    }
    at
}

/// Settle claim `d` against the claims found before it in the sentence (from `first_new`):
/// cut or drop the ones it ends, and keep it unless it overlaps one that stands.
fn settle(
    text: &str,
    sent: Span,
    drafts: &mut Vec<Draft>,
    first_new: usize,
    mut d: Draft,
    strong_pass: bool,
) {
    end_before_next_verb(text, &drafts[first_new..], &mut d);
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
    // "According to the daily, the deputy speaker, Ana Ruiz, said that …": a source phrase
    // whose content opens with an attribution of its own is only the channel; the claim is
    // the speaker's.
    let mut i = first_new;
    while i < drafts.len() {
        let o = &drafts[i];
        let channel = o.cue_kind == CueKind::SourcePhrase
            && o.content.contains(d.cue)
            && o.content.start <= attr.start
            && o.cue.end <= o.content.start;
        // "CNN reported that X, according to officials": the officials' claim replaces the
        // outlet's report of it.
        let relayed = d.cue_kind == CueKind::SourcePhrase
            && d.content.start == o.content.start
            && super::according_to::press_report(text, o);
        if strong_pass && (channel || relayed) {
            drafts.remove(i);
        } else {
            i += 1;
        }
    }
    if !settle_relays(text, drafts, first_new, &mut d, attr) {
        return;
    }
    let mut ok = true;
    for o in drafts[first_new..].iter_mut() {
        if hull.contains(o.cue) && o.cue != d.cue {
            // the relative clause kept above
        } else if o.content.contains(attr) && strong_pass {
            // "said that on Monday the rebels denied …": a circumstance, then the nested
            // attribution, is all that was said; the earlier claim stands whole, as it does
            // when the attribution opens its content.
            // Only an attribution whose own content follows its cue nests so: a closing one
            // ("…, the agency reported") ends the earlier content as before.
            if d.content.start >= d.cue.end
                && opening_circumstance(text.get(o.content.start..attr.start).unwrap_or(""))
            {
                ok = false;
                continue;
            }
            match clean_content(
                text,
                o.content.start,
                without_hanging_word(text, attr.start),
            ) {
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

/// "X called the act a violation of law, AP reported": a press report whose content holds
/// another attribution (its speaker and cue) only relays it; the claim is that speaker's, cut
/// before the report's words. False when `d` is such a report (it is dropped).
fn settle_relays(
    text: &str,
    drafts: &mut Vec<Draft>,
    first_new: usize,
    d: &mut Draft,
    attr: Span,
) -> bool {
    let relays = |r: &Draft, o: &Draft| {
        super::according_to::press_report(text, r)
            && r.content.contains(o.cue)
            && o.speaker.span.is_some_and(|s| r.content.contains(s))
    };
    if drafts[first_new..].iter().any(|o| relays(d, o)) {
        // The relayed claim ends before the report's attribution.
        for o in drafts[first_new..].iter_mut() {
            if o.content.contains(attr) {
                end_before(text, o, attr.start);
            }
        }
        return false;
    }
    let mut i = first_new;
    while i < drafts.len() {
        if relays(&drafts[i], d) {
            let r = drafts.remove(i);
            let r_attr = r
                .speaker
                .span
                .map_or(r.cue.start, |s| s.start.min(r.cue.start));
            if d.content.contains(Span::new(r_attr, r.cue.end)) {
                end_before(text, d, r_attr);
            }
        } else {
            i += 1;
        }
    }
    true
}

/// Cut `d`'s content before the attribution starting at `at` (kept whole when nothing is left).
fn end_before(text: &str, d: &mut Draft, at: usize) {
    let end = without_hanging_word(text, at);
    if let Some(c) = clean_content(text, d.content.start, end) {
        d.content = Span::new(c.0, c.1);
    }
}

/// The words of a content before an attribution nested in it are only a circumstance: at most
/// five words, opening with a time or place word (`content-opener` in claim_words.tsv) or a
/// weekday, with no comma inside ("on Monday", "in one case", "last week,").
pub(super) fn opening_circumstance(before: &str) -> bool {
    let before = before.trim().trim_end_matches(',').trim_end();
    let words: Vec<&str> = before.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    (1..=5).contains(&words.len())
        && !before.contains([',', ';', '"', '“', '”'])
        && (in_list(&CONTENT_OPENERS, first) || super::phrase::is_day(first))
}
