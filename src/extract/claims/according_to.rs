//! Source phrases: "according to X" and "as per X", with the content before it or after the comma that closes
//! the source; "That's according to X" and "This was stated by X" source the sentence before.

use super::coref::Ctx;
use super::lexicon::{in_list, CueKind, CHANNEL_NOUNS};
use super::phrase::{np_fwd, np_fwd_mode};
use super::quotes::{clean_content, inside_quote};
use super::tokens::{is_punct, tok_at, word, Tok, TokKind};
use super::{sentence_before, CueSite, Draft};
use crate::model::{ClaimKind, Span};

pub(super) fn according_to(ctx: &mut Ctx, site: &CueSite) -> Option<Draft> {
    let CueSite {
        quotes,
        sent,
        toks,
        cue,
        ..
    } = *site;
    let text = ctx.text;
    let ci = tok_at(toks, cue.end);
    if ci >= toks.len() || toks[ci].k != TokKind::Word {
        return None;
    }
    let np = np_fwd(text, toks, ci);
    let end = np.unwrap_or(ci);
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
    let lead = text[sent.start..cue.start].trim();
    let lead_words = lead.split_whitespace().count();
    // "This was stated by X": a passive source phrase only points back.
    let passive = text[cue.start..cue.end].to_lowercase().ends_with(" by");
    if passive && !anaphoric_subject(lead) {
        return None;
    }
    // "…, the minister told his counterpart, according to a statement from his ministry": the
    // phrase sources the attribution before it, which is the claim.
    let before = site
        .earlier
        .iter()
        .find(|d| d.cue.start >= sent.start && d.cue.end <= cue.start);
    // "CNN reported that the US believes X, according to multiple US officials": a press
    // report names its own source; the claim is that source's.
    let relayed = before.filter(|d| lead_words > 1 && press_report(text, d));
    if lead_words > 1 && before.is_some() && relayed.is_none() {
        return None;
    }
    // "according to a statement from the ministry": the body that issued it speaks.
    // A phrase the noun-phrase reader does not take ("the coast guard", "the navy") is the
    // source up to the comma, not its determiner alone.
    let (first, end) = issuer(text, toks, end).unwrap_or((ci, if np.is_some() { end } else { k }));
    let spk_toks = &toks[first..=k.max(end)];
    let speaker = ctx.speaker_from_phrase(spk_toks, &toks[first..=end]);
    // "as per the ministry's statement" sources; "as per bilateral agreements" is a manner:
    // "as per" needs a party or a channel ("statement", "report") for its source.
    let as_per = text[cue.start..cue.end].eq_ignore_ascii_case("as per");
    let channel = in_list(&CHANNEL_NOUNS, word(text, &toks[end]));
    if as_per && speaker.actor.is_none() && !channel {
        return None;
    }
    let mut sentence = sent;
    let back = (anaphoric_lead(lead) || passive)
        .then(|| sentence_before(ctx.sentences, sent.start))
        .flatten();
    if passive && back.is_none() {
        return None;
    }
    let (cs, ce) = if let Some(o) = relayed {
        (o.content.start, cue.start)
    } else if let Some(prev) = back {
        // "Obama and Putin agreed to keep talking. That's according to a senior official."
        sentence = Span::new(prev.start, sent.end);
        (prev.start, prev.end)
    } else if lead_words <= 1 {
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
        sentence,
    })
}

/// Whether `d` is a press outlet's report ("CNN reported", "the Journal reports"): a report cue
/// whose speaker is a news agency, a medium (role MED) or an outlet's name no entry codes.
pub(super) fn press_report(text: &str, d: &Draft) -> bool {
    let cue = d.cue.slice(text).to_ascii_lowercase();
    let outlet = d
        .speaker
        .actor
        .as_ref()
        .is_some_and(|a| a.code.ends_with("MED"))
        || crate::extract::agencies::agency(d.speaker.name.trim()).is_some()
        // "the BBC reported", "the Courier reported": an acronym, or "the" and a capitalised
        // name, that no entry codes is an outlet too ("Captain Ruiz reported" is a person).
        || d.speaker.actor.is_none() && d.speaker.span.is_some_and(|sp| outlet_name(sp.slice(text)));
    matches!(cue.as_str(), "reported" | "reports" | "has reported") && outlet
}

/// An outlet's name as written: an acronym ("BBC", "the NHK") or "the" and capitalised words
/// ("the Courier", "the Daily Herald").
fn outlet_name(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    match words.as_slice() {
        [one] | ["the" | "The", one]
            if one.len() >= 2 && one.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            true
        }
        ["the" | "The", rest @ ..] => {
            !rest.is_empty() && rest.iter().all(|w| super::tokens::is_cap(w))
        }
        _ => false,
    }
}

/// "a statement from the ministry", "a transcript released by the Kremlin": the first and last
/// tokens of the issuer's phrase after a channel noun ending the source phrase at token `end`.
fn issuer(text: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let head = word(text, toks.get(end)?);
    if !in_list(&CHANNEL_NOUNS, head) && !in_list(&["transcript", "readout"], head) {
        return None;
    }
    let mut k = end + 1;
    if toks.get(k).is_some_and(|t| {
        in_list(
            &["issued", "released", "published", "posted"],
            word(text, t),
        )
    }) {
        k += 1;
    }
    let prep = word(text, toks.get(k)?);
    if !in_list(&["from", "by", "of"], prep) || k + 1 >= toks.len() {
        return None;
    }
    let last = np_fwd_mode(text, toks, k + 1, true)?;
    (last > k).then_some((k + 1, last))
}

/// "That's", "That is", "This is": a lead that points back at the sentence before.
fn anaphoric_lead(lead: &str) -> bool {
    let l = lead.to_lowercase().replace('’', "'");
    matches!(l.as_str(), "that's" | "that is" | "this is" | "that was")
}

/// "This", "That", "This information": the subject of a passive source phrase that
/// points back at the sentence before ("This was stated by the minister").
fn anaphoric_subject(lead: &str) -> bool {
    let l = lead.to_lowercase();
    matches!(
        l.as_str(),
        "this" | "that" | "this information" | "this statement" | "the statement"
    )
}
