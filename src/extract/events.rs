//! Events: dated happenings that are not speech (strikes, truces starting, talks suspended), typed by CAMEO root code.
//!
//! Triggers are data (`src/data/events.tsv`: pattern, CAMEO root code, an `unless` guard and an
//! example), compiled into one alternation where earlier rows win at the same position. A
//! trigger counts only outside claim content and outside quotation marks (both are
//! speech), and not after a modal, a negation or "if" ("would suspend talks", "did not meet").
//! One event per sentence and CAMEO code; its date is the nearest dated time expression in the
//! sentence, else the publication date; its actors are the actor codes named in the sentence.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::extract::{actors, frames};
use crate::model::{ActorMention, Claim, DateValue, Event, Span, Timex, TimexType};

struct Trigger {
    cameo: String,
    unless: Option<Regex>,
}

struct Triggers {
    /// All patterns as one alternation, one capture group per row (earlier rows win at a position).
    re: Regex,
    rows: Vec<Trigger>,
}

fn compile(p: &str) -> Regex {
    Regex::new(&format!("(?i){}", p.replace(r"\b", r"(?-u:\b)")))
        .unwrap_or_else(|e| panic!("bad events.tsv pattern {p:?}: {e}"))
}

static TRIGGERS: Lazy<Triggers> = Lazy::new(|| {
    let mut alts = Vec::new();
    let mut rows = Vec::new();
    for row in crate::data::EVENTS.rows() {
        alts.push(format!("({})", row.col(0).trim()));
        rows.push(Trigger {
            cameo: row.col(1).trim().to_string(),
            unless: match row.col(2).trim() {
                "-" | "" => None,
                p => Some(compile(p)),
            },
        });
    }
    Triggers {
        re: compile(&format!(r"\b(?:{})\b", alts.join("|"))),
        rows,
    }
});

/// Words that, just before a trigger, make it unreal: "would suspend", "did not meet", "plans to sign".
const UNREAL: &[&str] = &[
    "would", "will", "could", "may", "might", "should", "can", "cannot", "not", "never", "to",
    "won't", "wouldn't", "didn't", "don't", "doesn't", "if", "unless", "must", "shall", "whether",
];

/// Find events in `text`.
pub fn find(
    text: &str,
    sentences: &[Span],
    actors: &[ActorMention],
    timexes: &[Timex],
    claims: &[Claim],
    published: DateValue,
) -> Vec<Event> {
    let fallback;
    let sentences = if sentences.is_empty() && !text.trim().is_empty() {
        fallback = vec![Span::new(0, text.len())];
        &fallback[..]
    } else {
        sentences
    };
    // (sentence index, trigger start, trigger end, row)
    let mut taken: Vec<(usize, usize, usize, usize)> = Vec::new();
    let triggers = &*TRIGGERS;
    for caps in triggers.re.captures_iter(text) {
        let Some(row) = (1..caps.len())
            .find(|&i| caps.get(i).is_some())
            .map(|i| i - 1)
        else {
            continue;
        };
        let m = caps.get(0).unwrap();
        let t = &triggers.rows[row];
        let span = Span::new(m.start(), m.end());
        if claims.iter().any(|c| c.span.overlaps(span)) {
            continue;
        }
        // `unless` patterns are anchored with ^, so this only looks at what follows.
        if t.unless
            .as_ref()
            .is_some_and(|u| u.is_match(&text[m.end()..]))
        {
            continue;
        }
        let si = sentences.partition_point(|s| s.end <= span.start);
        if si >= sentences.len() || !sentences[si].contains(span) {
            continue;
        }
        let sent = sentences[si];
        if inside_quotes(&text[sent.start..m.start()]) || unreal(text, sent.start, m.start()) {
            continue;
        }
        taken.push((si, m.start(), m.end(), row));
    }

    let mut events: Vec<Event> = Vec::new();
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for (si, start, end, row) in taken {
        let cameo = triggers.rows[row].cameo.as_str();
        // "-": a happening with no CAMEO root ("renamed itself").
        if seen.contains(&(si, cameo)) {
            continue;
        }
        seen.push((si, cameo));
        let sent = sentences[si];
        let clause = clause_around(text, sent, start, end);
        let mut codes: Vec<String> = Vec::new();
        // Sources of unknown side ("officials") say nothing about who took part.
        for a in actors
            .iter()
            .filter(|a| sent.contains(a.span) && a.code != actors::UNKNOWN_CODE)
        {
            if !codes.contains(&a.code) {
                codes.push(a.code.clone());
            }
        }
        let date = timexes
            .iter()
            .filter(|t| {
                sent.contains(t.span)
                    && matches!(t.kind, TimexType::Date | TimexType::Time)
                    && t.resolved.date.is_some()
            })
            .min_by_key(|t| t.span.start.abs_diff(start).min(t.span.end.abs_diff(end)))
            .map(|t| t.resolved)
            .unwrap_or(published);
        let sentence = sent.slice(text);
        events.push(Event {
            text: clause.slice(text).to_string(),
            span: clause,
            sentence: sentence.to_string(),
            sentence_span: sent,
            date,
            actors: codes,
            event_type: Some(cameo.to_string()).filter(|c| c != "-"),
            trigger: text[start..end].to_string(),
            figures: frames::figures(sentence, sent.start),
        });
    }
    events
}

/// True when `head` (sentence start up to the trigger) leaves a quotation open.
fn inside_quotes(head: &str) -> bool {
    let straight = head.matches('"').count();
    let open = head.matches('“').count();
    let close = head.matches('”').count();
    straight % 2 == 1 || open > close
}

/// True when one of the four words before `pos` (within the sentence) makes the trigger unreal.
fn unreal(text: &str, sent_start: usize, pos: usize) -> bool {
    let head = &text[sent_start..pos];
    let clause = head
        .rfind([',', ';', ':'])
        .map(|i| &head[i + 1..])
        .unwrap_or(head);
    let words: Vec<String> = clause
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .collect();
    words.iter().any(|w| UNREAL.contains(&w.as_str()))
        || clause
            .split_whitespace()
            .any(|w| matches!(w.to_lowercase().as_str(), "if" | "unless"))
}

/// The clause around a trigger: from the previous clause break in the sentence to the next one,
/// trimmed; long clauses are cut to about 80 bytes on either side of the trigger.
fn clause_around(text: &str, sent: Span, start: usize, end: usize) -> Span {
    let is_break = |b: &[u8], i: usize| -> bool {
        match b[i] {
            b';' | b':' | b'(' | b')' => true,
            // A comma between digits is a thousands separator.
            b',' => {
                !(i > 0
                    && i + 1 < b.len()
                    && b[i - 1].is_ascii_digit()
                    && b[i + 1].is_ascii_digit())
            }
            _ => false,
        }
    };
    let b = text.as_bytes();
    let mut s = start;
    while s > sent.start && !is_break(b, s - 1) {
        s -= 1;
    }
    let mut e = end;
    while e < sent.end && !is_break(b, e) {
        e += 1;
    }
    // A long clause is cut to 80 bytes either side of the trigger, at a word's edge
    // ("… to verify the ceasefire and collect …", never "efire and collect …").
    if start - s > 80 {
        s = start - 80;
        while s < start && b[s - 1] != b' ' {
            s += 1;
        }
    }
    if e - end > 80 {
        e = end + 80;
        while e > end && b[e] != b' ' {
            e -= 1;
        }
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    // Trim spaces, quotes and end punctuation.
    let slice = &text[s..e];
    let lead = slice.len()
        - slice
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '“' | '”' | '\'' | '—' | '–' | '-')
            })
            .len();
    let trail = slice.len()
        - slice
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '“' | '”' | '.' | '!' | '?' | ',')
            })
            .len();
    Span::new(s + lead, e - trail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{actors, sentences};
    use crate::model::{ClaimKind, Stance};
    use chrono::NaiveDate;

    fn published() -> DateValue {
        DateValue::day(NaiveDate::from_ymd_opt(2016, 9, 12).unwrap())
    }

    /// Events rendered as "CAMEO trigger [ACTORS] DATE {figures}", joined by " | ".
    fn render(text: &str, events: &[Event]) -> String {
        events
            .iter()
            .map(|e| {
                assert_eq!(e.span.slice(text), e.text, "clause span round trip");
                assert_eq!(
                    e.sentence_span.slice(text),
                    e.sentence,
                    "sentence span round trip"
                );
                let mut s = format!(
                    "{} {} [{}] {}",
                    e.event_type.as_deref().unwrap_or("-"),
                    e.trigger,
                    e.actors.join(","),
                    e.date.date.map(|d| d.to_string()).unwrap_or_default()
                );
                for f in &e.figures {
                    s.push_str(&format!(" {}={}", f.quantity, f.value));
                }
                s
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn check(text: &str, expect: &str) -> Option<String> {
        let g = actors::builtin_ref();
        let sents = sentences::split(text);
        let mentions = actors::find(text, g);
        let events = find(text, &sents, &mentions, &[], &[], published());
        let got = render(text, &events);
        (got != expect).then(|| format!("{text:?}:\n   got {got:?}\n  want {expect:?}"))
    }

    /// A clause longer than the window is cut at word edges, never inside a word.
    #[test]
    fn long_clauses_are_cut_at_word_edges() {
        let text = "A monitoring mission led by a retired harbour master from Valparaiso is to verify the truce and collect the fishing fleet's flares within ninety days of the final accord being signed by both port authorities and their unions.";
        let sents = sentences::split(text);
        let mentions = actors::find(text, actors::builtin_ref());
        let events = find(text, &sents, &mentions, &[], &[], published());
        assert!(!events.is_empty());
        for e in &events {
            let (s, t) = (e.span.start, e.span.end);
            assert!(
                s == 0 || text.as_bytes()[s - 1] == b' ',
                "{:?}",
                &text[s..t]
            );
            assert!(
                t == text.len() || !text.as_bytes()[t].is_ascii_alphanumeric(),
                "{:?}",
                &text[s..t]
            );
        }
    }

    #[test]
    fn events() {
        let cases = [
            ("Russian jets struck the aid convoy near Urm al-Kubra, killing 12 people.", "19 struck [RUSMIL] 2016-09-12 killed=12"),
            ("Government forces shelled the Ramouseh district.", "19 shelled [SYRMIL] 2016-09-12"),
            ("At least 20 people were killed in air strikes on Aleppo.", "19 killed [] 2016-09-12 killed=20"),
            ("Kerry met Lavrov in Geneva.", "04 met [USAGOV,RUSGOV] 2016-09-12"),
            ("Kerry and Lavrov reached a deal in Geneva after 14 hours of talks.", "05 reached a deal [USAGOV,RUSGOV] 2016-09-12"),
            ("The two powers struck a deal late on Friday.", "05 struck a deal [] 2016-09-12"),
            ("The truce took effect at sunset.", "08 truce took effect [] 2016-09-12"),
            ("Washington suspended talks with Moscow.", "16 suspended [USAGOV,RUSGOV] 2016-09-12"),
            ("The Nusra Front renamed itself Jabhat Fateh al-Sham and announced a split from al-Qaeda.", "- renamed itself [SYRNSA,IMGALQ] 2016-09-12 | 16 announced a split [SYRNSA,IMGALQ] 2016-09-12"),
            ("Rebels withdrew from the Castello road.", "08 withdrew [SYRREB] 2016-09-12"),
            ("The Red Crescent delivered food and medicine to Madaya.", "07 delivered [SYRNGO] 2016-09-12"),
            ("Washington condemned the strike on the convoy.", "11 condemned [USAGOV] 2016-09-12"),
            ("Colombian voters rejected the peace deal with the FARC.", "12 rejected [COLNGO,COLREB] 2016-09-12"),
            ("Washington threatened to suspend talks with Moscow.", "13 threatened [USAGOV,RUSGOV] 2016-09-12"),
            ("The Security Council demanded access to eastern Aleppo.", "10 demanded [IGOUNO] 2016-09-12"),
            ("Santos and Londono signed the accord in Cartagena.", "05 signed [COLGOV,COLREB] 2016-09-12"),
            ("Russian monitors recorded nine violations, the Defense Ministry said.", ""),
            ("Lavrov said the talks were useful.", ""),
            ("\"We struck the convoy by mistake,\" the official said.", ""),
            ("Washington would suspend talks if the bombing continued.", ""),
            ("Kerry did not meet Lavrov.", ""),
            ("If the truce holds, the two powers are to carry out coordinated air strikes.", ""),
            ("The two ministers spoke to reporters after the meeting.", ""),
            ("Damascus allowed aid into Daraya.", "08 allowed aid [SYRGOV] 2016-09-12"),
            ("U.S. and Russian jets began joint strikes on Nusra positions.", "06 joint strikes [USAGOV,RUSMIL,SYRNSA] 2016-09-12"),
            ("Russia deployed bombers to Hamadan.", "15 deployed [RUSGOV] 2016-09-12"),
            ("A car bomb killed 48 people in Tartus.", "18 car bomb [] 2016-09-12 killed=48 | 19 killed [] 2016-09-12 killed=48"),
            ("Hundreds protested in Bogota.", "14 protested [] 2016-09-12"),
            ("ALEPPO, Syria (AP) — Government forces shelled the Ramouseh district.", "19 shelled [SYRMIL] 2016-09-12"),
            ("The Syrian army declared the truce over.", "16 declared the truce over [SYRMIL] 2016-09-12"),
            ("A poll released on Monday put the yes vote at 62 percent.", ""),
            ("The rebels released 12 prisoners.", "08 released 12 prisoners [SYRREB] 2016-09-12 prisoners=12"),
        ];
        let failures: Vec<String> = cases.iter().filter_map(|(t, e)| check(t, e)).collect();
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn never_panics_on_unicode() {
        let text = "Les avions ont frappé — «struck» — the convoy… Russian jets struck the convoy near Urm’s market, killing twelve. \
                    “We met,” he said. Kerry met Lavrov in Genève ﻿ on Friday; the truce took effect.";
        let g = actors::builtin_ref();
        for (i, _) in text.char_indices() {
            let t = &text[i..];
            let sents = sentences::split(t);
            let mentions = actors::find(t, g);
            for e in find(t, &sents, &mentions, &[], &[], published()) {
                assert_eq!(e.span.slice(t), e.text);
            }
        }
    }

    #[test]
    fn claims_and_timexes() {
        let text = "The truce took effect on Monday, officials said. Russia said rebels shelled Aleppo on Sunday.";
        let sents = sentences::split(text);
        let monday = text.find("Monday").unwrap();
        let timex = Timex {
            text: "Monday".into(),
            span: Span::new(monday, monday + 6),
            kind: TimexType::Date,
            value: "2016-09-12".into(),
            resolved: DateValue::day(NaiveDate::from_ymd_opt(2016, 9, 12).unwrap()),
        };
        let content_start = text.find("rebels").unwrap();
        let content_end = text.rfind('.').unwrap();
        let claim = Claim {
            speaker: "Russia".into(),
            speaker_span: None,
            actor: None,
            actor_code: Some("RUSGOV".into()),
            country: Some("RUS".into()),
            cue: "said".into(),
            cue_span: None,
            kind: ClaimKind::Indirect,
            text: text[content_start..content_end].into(),
            span: Span::new(content_start, content_end),
            sentence: String::new(),
            sentence_span: Span::default(),
            date: DateValue::unknown(),
            frame: None,
            polarity: Stance::Neutral,
            hedge: None,
            target: None,
            figures: vec![],
            denial: false,
            confidence: 1.0,
        };
        let published = DateValue::day(NaiveDate::from_ymd_opt(2016, 9, 14).unwrap());
        let mentions = actors::find(text, actors::builtin_ref());
        let events = find(text, &sents, &mentions, &[timex], &[claim], published);
        assert_eq!(render(text, &events), "08 truce took effect [] 2016-09-12");
        assert_eq!(events[0].text, "The truce took effect on Monday");
    }
}
