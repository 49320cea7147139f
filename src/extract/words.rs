//! Words as runs of letters and digits: the plain word split that near-duplicate hashing
//! (`copies`) and the polarity scorer (`eval::polnear`) share, and the word-boundary tests
//! the actor finder and its title reader share, the title-case test that claims and
//! the article context share, and the possessive's owner ([`strip_possessive`]).
//!
//! Claims, time expressions and thread keywords tokenize differently on purpose (inner dots
//! and apostrophes, quote marks, spacing flags); see their own `tokenize`/`tokens`.

use crate::model::Span;

/// Byte spans of the maximal runs of alphanumeric chars in `text`, in order:
/// "U.S.-backed talks" -> "U", "S", "backed", "talks".
pub fn word_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some(Span::new(start, end))
    })
}

/// The bytes `i..i + len` of `text` are a whole word: no letter or digit (of any script) on
/// either side ("since" in "ever since then", not in "sinced").
pub fn whole_word(text: &str, i: usize, len: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !alnum(text[..i].chars().next_back()) && !alnum(text[i + len..].chars().next())
}

/// An ASCII letter or digit, or any byte of a non-ASCII char.
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`is_word_byte`] as a table: one load per byte in the gazetteer's word skips.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b >= 0x80;
        i += 1;
    }
    t
};

/// The owner of a possessive written with a straight or a curly apostrophe: "group's" ->
/// "group", "Moscow’s" -> "Moscow"; none for any other word.
pub fn strip_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// True when `[s, e)` in `text` starts and ends on word boundaries.
pub fn on_boundaries(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let first = b[s];
    let last = b[e - 1];
    let left_ok = s == 0 || !is_word_byte(first) || !is_word_byte(b[s - 1]);
    // A curly apostrophe is punctuation, not a letter: "Moscow’s foreign ministry".
    let right_ok =
        e == b.len() || !is_word_byte(last) || !is_word_byte(b[e]) || text[e..].starts_with('’');
    // "U.S" inside "U.S.A." style runs: a dotted alias must not be followed by a letter-dot.
    left_ok && right_ok
}

/// The word ending at `pos` (after skipping spaces): (start, word).
pub fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = &text[..pos];
    let trimmed = head.trim_end_matches([' ', '\t']);
    if trimmed.len() == head.len() && pos != 0 {
        // no space between: not a separate word
        return None;
    }
    let end = trimmed.len();
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    if start == end {
        return None;
    }
    Some((start, &text[start..end]))
}

/// Whether a line ends as a sentence does (closing quotes and brackets aside): a headline does
/// not ("Minister denies role in leak").
pub fn stopped(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ',', ':', ';', '…'])
}

/// Whether a line is in title case ("EU Leaders Blame Russia For Nerve Attack"): at least
/// three words of four letters or more, four in five of them capitalised (short function words
/// keep lower case in title case). Such a line's capitals name no one and carry no titles.
pub fn title_case(line: &str) -> bool {
    let (mut long, mut capitalised) = (0usize, 0usize);
    for w in line.split_whitespace() {
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            continue;
        };
        if letters.take(3).count() == 3 {
            long += 1;
            capitalised += usize::from(first.is_uppercase());
        }
    }
    long >= 3 && capitalised * 5 >= long * 4
}

/// The first index at or after `from` in `b` whose byte is in `set`, or None. Eight bytes are
/// tested at a time (a block with none of them is skipped whole), then the block holding the
/// first one is read byte by byte: the same answer as a plain byte scan, for the scans of long
/// texts for a few rare bytes (quote marks).
#[inline]
pub fn position_of_any(b: &[u8], from: usize, set: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Non-zero exactly when some byte of `v` is zero.
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let mut i = from;
    while let Some(eight) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        if set
            .iter()
            .fold(0, |acc, &c| acc | zero(x ^ (LO * u64::from(c))))
            != 0
        {
            break;
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|x| set.contains(x))
        .map(|k| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let words: Vec<&str> = word_spans(text).map(|s| &text[s.start..s.end]).collect();
        assert_eq!(words, expect);
    }

    #[test]
    fn words_are_alphanumeric_runs() {
        check("U.S.-backed talks", &["U", "S", "backed", "talks"]);
        check("  Zürich, 2016 — ok", &["Zürich", "2016", "ok"]);
        check("", &[]);
        check("--", &[]);
        check("end", &["end"]);
    }

    #[test]
    fn word_bytes_are_ascii_alphanumerics_and_non_ascii() {
        for b in 0..=255u8 {
            assert_eq!(
                is_word_byte(b),
                b.is_ascii_alphanumeric() || b >= 0x80,
                "{b}"
            );
        }
    }

    #[test]
    fn position_of_any_is_a_byte_scan() {
        let texts = [
            "",
            "a\"",
            "no marks in this rather long sentence at all, none",
            "he said \"it's “fine” and ''ok''\" then left.",
            "0123456\"89abcdef\u{e2}",
        ];
        let set = b"\"'\xE2";
        for t in texts {
            let b = t.as_bytes();
            for from in 0..=b.len() + 1 {
                let want = b
                    .get(from..)
                    .and_then(|r| r.iter().position(|x| set.contains(x)))
                    .map(|k| from + k);
                assert_eq!(position_of_any(b, from, set), want, "{t:?} from {from}");
            }
        }
    }
}
