//! Words as runs of letters and digits: the plain word split that near-duplicate hashing
//! (`copies`) and the polarity scorer (`eval::polnear`) share.
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
}
