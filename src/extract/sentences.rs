//! Sentence splitting for wire copy: abbreviations (U.S., Gen., Sept., a.m.), quotes spanning sentences, one-sentence paragraphs.
//!
//! One pass over the bytes. A sentence ends at `.`, `!` or `?` (plus any closing quotes and
//! brackets, which belong to the sentence they end) when whitespace and a plausible sentence
//! start follow, unless the word before the period is an abbreviation, an initial, or a dotted
//! acronym followed by a word that does not open sentences ("the U.S. State Department", "at
//! 7 p.m. Monday"). Blank lines are hard boundaries; a single newline is one too unless the
//! line is hard-wrapped mid-sentence: the next line starts lowercase, or the text reads as
//! hard-wrapped prose and the line is full (see `paragraphs`). Spans always point into the
//! original text, newlines included. A period inside a quotation
//! that is closed later in the paragraph by `,"` or a lowercase continuation ("A. B," he said.)
//! does not end the sentence: the quote stays whole with its attribution.

use crate::extract::words::position_of_any;
use crate::model::Span;
use once_cell::sync::Lazy;

/// Abbreviations that never end a sentence when followed by a capitalized word.
static ABBREVIATIONS: Lazy<Vec<&'static str>> = Lazy::new(|| sentence_words("abbreviation"));

/// Capitalized words that usually open a sentence; after "U.S." or "p.m." they signal a break.
static SENTENCE_STARTERS: Lazy<Vec<&'static str>> = Lazy::new(|| sentence_words("starter"));

/// Words a clock time ("7 p.m.") runs on into: days, months, time zones.
static TIME_RUN_ON: Lazy<Vec<&'static str>> = Lazy::new(|| sentence_words("time-run-on"));

/// The words of list `list` in `sentence_words.tsv`.
fn sentence_words(list: &str) -> Vec<&'static str> {
    crate::data::SENTENCE_WORDS
        .rows()
        .into_iter()
        .filter(|r| r.col(1) == list)
        .map(|r| r.col(0))
        .collect()
}

fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\r' || b == b'\n'
}

/// Length in bytes of a quote or bracket that can close a sentence at `i`, or 0.
fn closer_len(t: &[u8], i: usize) -> usize {
    match t.get(i) {
        Some(b'"') | Some(b'\'') | Some(b')') | Some(b']') => 1,
        // ” (E2 80 9D) and ’ (E2 80 99)
        Some(0xE2) if t.get(i + 1) == Some(&0x80) && matches!(t.get(i + 2), Some(0x9D | 0x99)) => 3,
        _ => 0,
    }
}

/// Is the char starting at byte `i` a plausible sentence opener?
fn opens_sentence(text: &str, i: usize) -> bool {
    let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
        return false;
    };
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-')
}

/// The word (letters and inner dots) that ends just before the period at byte `dot`.
fn word_before(text: &str, dot: usize) -> &str {
    let t = text.as_bytes();
    let mut s = dot;
    while s > 0 && (t[s - 1].is_ascii_alphanumeric() || t[s - 1] == b'.') {
        s -= 1;
    }
    &text[s..dot]
}

/// The word that starts at byte `i` (letters only), lowercased.
fn word_at(text: &str, i: usize) -> String {
    let rest = text.get(i..).unwrap_or("");
    let rest = rest.trim_start_matches(['"', '“', '‘', '\'', '(']);
    rest.chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// Decide whether the period at `dot` is an abbreviation's (no break), given the next word start.
fn abbreviation_blocks(text: &str, dot: usize, next: usize) -> bool {
    let w = word_before(text, dot);
    if w.is_empty() {
        return false;
    }
    // Read only where a rule below needs it (most periods end a sentence on a plain word).
    let starter = || SENTENCE_STARTERS.contains(&word_at(text, next).as_str());
    // A clock time runs on into its day, month or time zone ("7 p.m. Monday", "6 a.m. GMT",
    // "9 p.m. Moscow time"); before any other capitalised word the sentence ended ("shortly
    // after 6 p.m. The agency said ...", "after 6 p.m. SANA said ...").
    if w.eq_ignore_ascii_case("a.m") || w.eq_ignore_ascii_case("p.m") {
        let first = word_at(text, next);
        let after_first = text
            .get(next..)
            .and_then(|r| r.find(' '))
            .map(|sp| word_at(text, next + sp + 1));
        return !text[next..].starts_with(|c: char| c.is_uppercase())
            || TIME_RUN_ON.contains(&first.as_str())
            || after_first.as_deref() == Some("time");
    }
    // Dotted acronyms: "U.S.", "U.N." — break only before a sentence opener.
    if w.contains('.') {
        return !starter();
    }
    // Single-letter initials: "John F. Kennedy", "J. Smith".
    if w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase() {
        return !starter();
    }
    // `w` is ASCII (letters, digits and dots) and the lists are lowercase: compared ASCII
    // case-insensitively, no lowercase copy.
    let is = |x: &str| w.eq_ignore_ascii_case(x);
    if is("am") || is("pm") {
        return false;
    }
    if ABBREVIATIONS.iter().any(|a| is(a)) {
        // "No. 2" but "said no." at the end of a sentence: only block before digits or names.
        if is("no") || is("co") || is("inc") || is("corp") || is("ltd") {
            let c = text[next..].chars().next().unwrap_or(' ');
            return c.is_ascii_digit() || (!is("no") && !starter());
        }
        return true;
    }
    false
}

/// Quotation pairs within one paragraph that must stay whole: closed by `,"` or followed by a
/// lowercase word (quote-first attribution), as byte ranges of the quote interior.
fn protected_quotes(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let b = &text.as_bytes()[..end];
    // Only `"`, `“` and `”` act (the last two open with 0xE2): skip to the next such byte.
    let mut next = start;
    while let Some(pos) = position_of_any(b, next, b"\"\xE2") {
        let c = text[pos..].chars().next().expect("a char starts here");
        next = pos + c.len_utf8();
        let (is_open, is_close) = match c {
            '“' => (true, false),
            '”' => (false, true),
            '"' => (open.is_none(), open.is_some()),
            _ => (false, false),
        };
        if is_open && open.is_none() {
            open = Some(pos + c.len_utf8());
        } else if is_close {
            if let Some(o) = open.take() {
                let before = text[..pos].trim_end();
                let after = text[pos + c.len_utf8()..end].trim_start();
                let comma_close = before.ends_with(',') || before.ends_with('—');
                let lower_after = after
                    .chars()
                    .next()
                    .map(|c| c.is_lowercase())
                    .unwrap_or(false);
                if comma_close || lower_after {
                    out.push((o, pos));
                }
            }
        }
    }
    out
}

/// Split `text` into sentence spans (byte offsets, trimmed of surrounding whitespace).
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (ps, pe) in paragraphs(text) {
        split_paragraph(text, ps, pe, &mut out);
    }
    out
}

/// The trimmed content of each line of `text` as a byte range, `None` for a blank line.
fn line_spans(text: &str) -> Vec<Option<(usize, usize)>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in text.split_inclusive('\n') {
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        out.push((!trimmed.is_empty()).then(|| (pos + lead, pos + lead + trimmed.len())));
        pos += piece.len();
    }
    out
}

/// Does a line going on after `before` continue its sentence whatever the width: `before`
/// stops without sentence-final punctuation and `after` opens in lowercase.
fn lowercase_continuation(before: &str, after: &str) -> bool {
    !before.ends_with(['.', '!', '?', ':', '"', '”'])
        && after.chars().next().is_some_and(char::is_lowercase)
}

/// Hard-wrapped text has its lines filled to a width in this range (characters); wider
/// lines are paragraphs of their own, narrower "widths" are lists of short lines.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=110;

/// The width `text` is hard-wrapped to, when it reads as hard-wrapped prose: at least four
/// lines, of which at least two (and a fifth of all line breaks) go on in lowercase after a
/// line without sentence-final punctuation ([`lowercase_continuation`]: surely wrapped lines).
/// The width is the lower median of those wrapped lines, so one headline running on into a
/// lowercase line does not widen it; it must lie in [`WRAP_WIDTHS`].
fn wrap_width(text: &str, lines: &[Option<(usize, usize)>]) -> Option<usize> {
    if lines.iter().flatten().count() < 4 {
        return None;
    }
    let pairs: Vec<(&str, &str)> = lines
        .windows(2)
        .filter_map(|w| match (w[0], w[1]) {
            (Some((a, b)), Some((c, d))) => Some((&text[a..b], &text[c..d])),
            _ => None,
        })
        .collect();
    let mut wrapped: Vec<usize> = pairs
        .iter()
        .filter(|(a, b)| lowercase_continuation(a, b))
        .map(|(a, _)| a.chars().count())
        .collect();
    if wrapped.len() < 2 || wrapped.len() * 5 < pairs.len() {
        return None;
    }
    wrapped.sort_unstable();
    let width = wrapped[(wrapped.len() - 1) / 2];
    WRAP_WIDTHS.contains(&width).then_some(width)
}

/// Is a line of `len` characters wider than text wrapped to `width` (by more than a fifth)?
fn wider(len: usize, width: usize) -> bool {
    len * 10 > width * 12
}

/// Does `line` open a list item: a bullet ("•", "*", "-") or a number ("1.", "2)") and a space.
fn list_item(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = rest.len() < line.len() && line.len() - rest.len() <= 3;
    let rest = if numbered {
        match rest.strip_prefix(['.', ')']) {
            Some(r) => r,
            None => return false,
        }
    } else {
        match rest.strip_prefix(['•', '*', '-', '–', '·', '▪', '◦']) {
            Some(r) => r,
            None => return false,
        }
    };
    rest.starts_with(' ')
}

/// In text hard-wrapped to `width`, is the break between `before` and `after` only the wrap?
/// `before` must be full: not [`wider`] than the text, and with no room left for the first
/// word of `after` (within a tenth of the width: wrappers and lines differ); `after` must not
/// open a list item or be page furniture. Short lines (headlines, datelines, bylines, a
/// paragraph's last line) and lines wider than the text keep their break.
fn wrapped_break(before: &str, after: &str, width: usize) -> bool {
    let len = before.chars().count();
    let word = after
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    !wider(len, width)
        && (len + 1 + word) * 10 > width * 9
        && !list_item(after)
        && crate::clean::furniture(after).is_none()
}

/// Hard blocks: blank-line separated paragraphs, and lines that do not continue a sentence. A
/// single newline is a space when the next line goes on in lowercase ([`lowercase_continuation`])
/// or, in hard-wrapped prose ([`wrap_width`]), when the line before is full ([`wrapped_break`]);
/// in hard-wrapped prose a line wider than the text (a headline above it) always ends a block.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let lines = line_spans(text);
    let width = wrap_width(text, &lines);
    let mut out = Vec::new();
    // The paragraph being built and its last line.
    let mut current: Option<(usize, (usize, usize))> = None;
    for line in lines {
        let Some((s, e)) = line else {
            out.extend(current.take().map(|(ps, (_, pe))| (ps, pe)));
            continue;
        };
        current = match current {
            Some((ps, (ls, pe))) => {
                let (before, after) = (&text[ls..pe], &text[s..e]);
                let soft = match width {
                    Some(w) if wider(before.chars().count(), w) => false,
                    Some(w) => {
                        lowercase_continuation(before, after) || wrapped_break(before, after, w)
                    }
                    None => lowercase_continuation(before, after),
                };
                if !soft {
                    out.push((ps, pe));
                }
                Some((if soft { ps } else { s }, (s, e)))
            }
            None => Some((s, (s, e))),
        };
    }
    out.extend(current.map(|(ps, (_, pe))| (ps, pe)));
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(s + lead, s + lead + trimmed.len()));
    }
}

fn split_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let t = text.as_bytes();
    let protected = protected_quotes(text, start, end);
    let mut sent_start = start;
    let mut i = start;
    // Only terminal punctuation acts below: skip to the next one.
    while let Some(p) = position_of_any(&t[..end], i, b".!?") {
        i = p;
        let b = t[i];
        // Run of terminal punctuation ("?!", "...").
        let mut j = i + 1;
        while j < end && matches!(t[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        // Closing quotes and brackets belong to this sentence.
        loop {
            let n = closer_len(t, j);
            if n == 0 || j + n > end {
                break;
            }
            j += n;
        }
        // Must be followed by whitespace (not "3.5", "U.S.-Russian", "example.com"), unless
        // the page lost the space between two paragraphs ("the statement added.On Friday").
        if j < end && !is_space(t[j]) {
            if b == b'.' && j == i + 1 && glued_paragraphs(text, i) {
                push_trimmed(text, sent_start, j, out);
                sent_start = j;
            }
            i = j.max(i + 1);
            continue;
        }
        let mut k = j;
        while k < end && is_space(t[k]) {
            k += 1;
        }
        if k >= end {
            break;
        }
        let inside_protected = protected.iter().any(|&(o, c)| o <= i && i < c);
        let blocked = inside_protected
            || !opens_sentence(text, k)
            || (b == b'.' && j == i + 1 && abbreviation_blocks(text, i, k));
        if !blocked {
            push_trimmed(text, sent_start, j, out);
            sent_start = k;
        }
        i = k;
    }
    push_trimmed(text, sent_start, end, out);
}

/// "the statement added.On Friday, Lavrov said": a period glued to the next sentence, as pages
/// that drop the break between paragraphs write it. The word before is lowercase (three
/// letters at least: not an initial, "e.g." or a domain's "www"), the word after is
/// capitalised and goes on in lowercase ("On", "Russian"; not "U.S.", not "www.Reuters.com").
fn glued_paragraphs(text: &str, dot: usize) -> bool {
    let before = word_before(text, dot);
    let after = text[dot + 1..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let mut chars = after.chars();
    before.len() >= 3
        && before != "www"
        && before.bytes().all(|b| b.is_ascii_lowercase())
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && after.len() >= 2
        && chars.all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of `sentence_words.tsv` belongs to a list the code reads, and each has words.
    #[test]
    fn sentence_word_lists_are_known_and_filled() {
        for row in crate::data::SENTENCE_WORDS.rows() {
            assert!(
                matches!(row.col(1), "abbreviation" | "starter" | "time-run-on"),
                "line {}: {:?}",
                row.line,
                row.col(1)
            );
        }
        assert!(ABBREVIATIONS.contains(&"gen") && SENTENCE_STARTERS.contains(&"the"));
        assert!(TIME_RUN_ON.contains(&"monday") && TIME_RUN_ON.contains(&"gmt"));
        // `abbreviation_blocks` compares abbreviations ASCII case-insensitively.
        assert!(ABBREVIATIONS.iter().all(|a| a.to_ascii_lowercase() == *a));
    }

    /// Split `input` and compare the sentence texts with `expect`.
    fn check(input: &str, expect: &[&str]) {
        let got: Vec<&str> = split(input).iter().map(|s| s.slice(input)).collect();
        assert_eq!(got, expect, "input: {input:?}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            // paragraphs the page glued together; domains, initials and acronyms stay whole
            (
                "The port will reopen, the statement added.On Friday, the envoy said more.",
                &[
                    "The port will reopen, the statement added.",
                    "On Friday, the envoy said more.",
                ],
            ),
            (
                "See news.example.com or the U.S.Navy site, e.g.The page.",
                &["See news.example.com or the U.S.Navy site, e.g.The page."],
            ),
            (
                "The U.S. State Department said so. Russia disagreed.",
                &["The U.S. State Department said so.", "Russia disagreed."],
            ),
            (
                "The plan was backed by the U.S. The Russians balked.",
                &["The plan was backed by the U.S.", "The Russians balked."],
            ),
            (
                "The U.N. envoy arrived. He met Lavrov.",
                &["The U.N. envoy arrived.", "He met Lavrov."],
            ),
            (
                "Gen. Igor Konashenkov said the truce held. Sen. John McCain disagreed.",
                &[
                    "Gen. Igor Konashenkov said the truce held.",
                    "Sen. John McCain disagreed.",
                ],
            ),
            (
                "The truce begins at 7 p.m. Monday, officials said. It may not hold.",
                &[
                    "The truce begins at 7 p.m. Monday, officials said.",
                    "It may not hold.",
                ],
            ),
            (
                "Rockets hit the district shortly after 6 p.m. The agency said 12 died.",
                &[
                    "Rockets hit the district shortly after 6 p.m.",
                    "The agency said 12 died.",
                ],
            ),
            (
                "Rockets hit the port after 9 p.m. Harbourwatch said 12 died.",
                &[
                    "Rockets hit the port after 9 p.m.",
                    "Harbourwatch said 12 died.",
                ],
            ),
            (
                "The truce begins at 9 p.m. Moscow time and at 6 a.m. GMT Tuesday.",
                &["The truce begins at 9 p.m. Moscow time and at 6 a.m. GMT Tuesday."],
            ),
            (
                "The truce began at 7 p.m. The guns fell silent.",
                &["The truce began at 7 p.m.", "The guns fell silent."],
            ),
            (
                "Talks resumed Sept. 9 in Geneva. Kerry attended.",
                &["Talks resumed Sept. 9 in Geneva.", "Kerry attended."],
            ),
            (
                "They met on Aug. 26 and again on Sept. 9.",
                &["They met on Aug. 26 and again on Sept. 9."],
            ),
            (
                "John F. Kennedy spoke. He left.",
                &["John F. Kennedy spoke.", "He left."],
            ),
            (
                "Prices rose 3.5 percent. Oil fell 2.1 percent.",
                &["Prices rose 3.5 percent.", "Oil fell 2.1 percent."],
            ),
            (
                "\"We are close,\" he said. \"Step by step, we are nearing an arrangement.\"",
                &[
                    "\"We are close,\" he said.",
                    "\"Step by step, we are nearing an arrangement.\"",
                ],
            ),
            (
                "“We are close. We will sign soon,” Lavrov said. Kerry declined to comment.",
                &[
                    "“We are close. We will sign soon,” Lavrov said.",
                    "Kerry declined to comment.",
                ],
            ),
            (
                "He said: “Nothing is agreed.” The talks continue.",
                &["He said: “Nothing is agreed.”", "The talks continue."],
            ),
            (
                "First paragraph without stop\n\nSecond paragraph.",
                &["First paragraph without stop", "Second paragraph."],
            ),
            (
                "Save Story\nShare this: Facebook Twitter\nMOSCOW (AP) — Russia said.",
                &[
                    "Save Story",
                    "Share this: Facebook Twitter",
                    "MOSCOW (AP) — Russia said.",
                ],
            ),
            (
                "A line that is hard\nwrapped in the middle. Next.",
                &["A line that is hard\nwrapped in the middle.", "Next."],
            ),
            ("Really? Yes!", &["Really?", "Yes!"]),
            (
                "Is it over?\" he asked. Nobody knew.",
                &["Is it over?\" he asked.", "Nobody knew."],
            ),
            (
                "The ceasefire (which began Monday.) held. Good.",
                &["The ceasefire (which began Monday.) held.", "Good."],
            ),
            (
                "Mr. Lavrov and Ms. Trudeau spoke.",
                &["Mr. Lavrov and Ms. Trudeau spoke."],
            ),
            (
                "It was signed by U.S. Secretary of State John Kerry.",
                &["It was signed by U.S. Secretary of State John Kerry."],
            ),
            (
                "Fighting continued... Then it stopped.",
                &["Fighting continued...", "Then it stopped."],
            ),
            ("  padded sentence.   ", &["padded sentence."]),
            ("", &[]),
            (
                "See example.com for details. Done.",
                &["See example.com for details.", "Done."],
            ),
            (
                "He visited Washington, D.C. on Monday.",
                &["He visited Washington, D.C. on Monday."],
            ),
            (
                "The No. 2 diplomat spoke. Others did not.",
                &["The No. 2 diplomat spoke.", "Others did not."],
            ),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    /// Hard-wrapped prose (a newline every ~60 characters inside a paragraph): a wrap is a
    /// space, so quotes and attributions split over lines stay whole; headlines, datelines,
    /// bylines, list items and a paragraph's short last line keep their breaks.
    #[test]
    fn hard_wrapped_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                // A quote wrapped before a capitalized word, and an attribution wrapped
                // before the speaker's title.
                "Harbour officials and the ferry company are close to reopening\n\
                 the northern crossing, the local radio station on Friday quoted\n\
                 Port Director Elena Varga as saying.\n\
                 \"We are in the final stage of talks with our partners at the\n\
                 Coastal Authority,\" Varga was quoted as saying, adding that\n\
                 the crossing could open next week.",
                &[
                    "Harbour officials and the ferry company are close to reopening\n\
                     the northern crossing, the local radio station on Friday quoted\n\
                     Port Director Elena Varga as saying.",
                    "\"We are in the final stage of talks with our partners at the\n\
                     Coastal Authority,\" Varga was quoted as saying, adding that\n\
                     the crossing could open next week.",
                ],
            ),
            (
                // Headline and dateline lines above wrapped body text keep their breaks, and
                // so does a paragraph's short last line before the next paragraph.
                "Ferry talks near a deal\n\
                 PORTVILLE, May 4\n\
                 The two ferry operators said on Monday they were close to an\n\
                 agreement on shared timetables for the winter, while unions\n\
                 warned that crews had not been consulted.\n\
                 Union leader Maria Holm said the talks had been held behind\n\
                 Closed doors and that the crews would vote on a strike.",
                &[
                    "Ferry talks near a deal",
                    "PORTVILLE, May 4",
                    "The two ferry operators said on Monday they were close to an\n\
                     agreement on shared timetables for the winter, while unions\n\
                     warned that crews had not been consulted.",
                    "Union leader Maria Holm said the talks had been held behind\n\
                     Closed doors and that the crews would vote on a strike.",
                ],
            ),
            (
                // A headline wider than the text stays apart even before a lowercase line.
                "Ferry operators and unions edge towards a deal on the winter timetables for the northern route\n\
                 according to the port office, the talks will go on all week\n\
                 and a vote of the crews is expected before the end of the\n\
                 month, when the new timetables are due to be published.",
                &[
                    "Ferry operators and unions edge towards a deal on the winter timetables for the northern route",
                    "according to the port office, the talks will go on all week\n\
                     and a vote of the crews is expected before the end of the\n\
                     month, when the new timetables are due to be published.",
                ],
            ),
            (
                // Bylines: short lines keep their breaks.
                "By Anna Berg\n\
                 Staff Reporter\n\
                 Harbour Desk\n\
                 The ferry operators said on Monday that a deal was close but\n\
                 that several questions about crew rotas were still open and\n\
                 would be settled by the end of the week.",
                &[
                    "By Anna Berg",
                    "Staff Reporter",
                    "Harbour Desk",
                    "The ferry operators said on Monday that a deal was close but\n\
                     that several questions about crew rotas were still open and\n\
                     would be settled by the end of the week.",
                ],
            ),
            (
                // A bullet list after a full line: every item is its own block.
                "The port office said the draft agreement between the operators\n\
                 and the unions, which was seen by reporters and will be signed\n\
                 next week, sets out these points for the coming winter season\n\
                 - Winter crossings every two hours from the northern pier\n\
                 - Crew rotas agreed with the unions each month in advance\n\
                 2) A review of the agreement by the port office in the spring",
                &[
                    "The port office said the draft agreement between the operators\n\
                     and the unions, which was seen by reporters and will be signed\n\
                     next week, sets out these points for the coming winter season",
                    "- Winter crossings every two hours from the northern pier",
                    "- Crew rotas agreed with the unions each month in advance",
                    "2) A review of the agreement by the port office in the spring",
                ],
            ),
            (
                // Not hard-wrapped (no line goes on in lowercase): lines of similar length
                // without final stops, a list of headlines, stay apart.
                "Ferry operators close to a deal on the winter timetables\n\
                 Unions warn that the crews have not yet been consulted\n\
                 Port office publishes the draft agreement for comment\n\
                 Northern pier to reopen for crossings after the repairs",
                &[
                    "Ferry operators close to a deal on the winter timetables",
                    "Unions warn that the crews have not yet been consulted",
                    "Port office publishes the draft agreement for comment",
                    "Northern pier to reopen for crossings after the repairs",
                ],
            ),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    /// The wrap width is read from the lines and ignores a wider headline; text whose lines
    /// are whole paragraphs, or too few lines, is not hard-wrapped.
    #[test]
    fn wrap_width_of_texts() {
        let width = |t: &str| wrap_width(t, &line_spans(t));
        let wrapped = "A much longer headline line standing above the wrapped story text, wider than any of it\n\
                       The operators said on Monday they were close to an\n\
                       agreement on timetables for the winter, while the unions\n\
                       warned that the crews had not been consulted at all and\n\
                       would vote on a strike.";
        assert_eq!(width(wrapped), Some(55));
        let long = "The operators said on Monday that they were close to an agreement on the \
                    timetables for the winter crossings, while the unions warned that the \
                    crews had not been consulted.\n";
        assert_eq!(width(&long.repeat(5)), None);
        assert_eq!(width("one line\nand another\nand a third"), None);
        assert!(list_item("- item") && list_item("12) item") && list_item("• item"));
        assert!(!list_item("2016 was") && !list_item("-3 degrees") && !list_item("1.5 percent"));
    }

    proptest::proptest! {
        /// Any text: spans are ordered, non-overlapping, trimmed and char-aligned.
        #[test]
        fn spans_are_sane(text in "(\\PC|[ .?!\"”“\n])*") {
            let mut last = 0;
            for sp in split(&text) {
                proptest::prop_assert!(sp.start >= last && sp.start < sp.end && sp.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
                proptest::prop_assert_eq!(sp.slice(&text).trim(), sp.slice(&text));
                last = sp.end;
            }
        }
    }

    #[test]
    fn odd_inputs_are_char_aligned() {
        let inputs = [
            "“",
            "”.",
            ".\u{201d} x",
            "é. É. ü",
            "\n\n\n",
            "a.\n\nb.",
            "\"\"\"",
            "Gen.",
            "U.S.",
            "x ’.’ y",
            "…. ‘A’. B",
            "日本. 中国。 test",
        ];
        for s in inputs {
            for sp in split(s) {
                assert!(sp.end <= s.len() && sp.start <= sp.end, "{s:?}");
                assert!(
                    s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end),
                    "{s:?}"
                );
            }
        }
    }
}
