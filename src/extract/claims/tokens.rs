//! Tokens of a sentence (words with inner dots and apostrophes, quote marks, punctuation) and
//! the small word tests every phase uses.

use super::lexicon::TITLE_ABBREVS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    Punct,
    /// A double quotation mark (straight, curly or two apostrophes).
    Quote,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) k: TokKind,
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenize `text[start..end]` into words (with inner `.`, `'`, `’`, `-`), quotes and punctuation.
pub(super) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut out = Vec::with_capacity((end - start) / 4 + 4);
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
                    // Trailing dot of an acronym ("U.S.", "p.m.") or a title ("Ms.", "Gen."),
                    // or of a legislator's party-and-state tag a comma or a closing bracket
                    // follows at once ("Sen. Jane Doe, D-Ore., said", "(R-Fla.)").
                    let abbreviation = d == '.'
                        && matches!(s[j + d.len_utf8()..].chars().next(), Some(',' | ')'))
                        && party_tag(&s[i..j]);
                    if d == '.'
                        && (dotted
                            || abbreviation
                            || TITLE_ABBREVS
                                .iter()
                                .any(|a| a.eq_ignore_ascii_case(&s[i..j])))
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

pub(super) fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.s..t.e]
}

pub(super) fn is_cap(w: &str) -> bool {
    let first_upper = |x: &str| x.chars().next().map(|c| c.is_uppercase()).unwrap_or(false);
    // "al-Bayoush", "de-Mistura": a lowercase particle before a capitalized name.
    first_upper(w)
        || w.split_once('-')
            .map(|(a, b)| a.len() <= 3 && first_upper(b))
            .unwrap_or(false)
}

pub(super) fn is_punct(text: &str, t: &Tok, p: &str) -> bool {
    t.k == TokKind::Punct && &text[t.s..t.e] == p
}

/// Index of the token starting at or after byte `pos`.
pub(super) fn tok_at(toks: &[Tok], pos: usize) -> usize {
    toks.partition_point(|t| t.s < pos)
}

/// A party letter, a hyphen and a capitalised state abbreviation: "D-Ore", "R-Fla".
fn party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_uppercase()
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().all(u8::is_ascii_lowercase)
}
