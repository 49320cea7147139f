//! Regexes cut down to the chars a text holds: twins of a Unicode regex for ASCII, plain and Latin texts, which match there exactly as it does from far smaller automata.
//!
//! A Unicode class such as `\p{L}` or a case-folded `\w` holds thousands of chars; repeated
//! ("`[\p{L} .'-]{2,40}`") it costs more to compile than a page costs to read, and its lazy
//! DFA is large. News pages are nearly all ASCII, with curly quotes, dashes and a few Latin
//! letters: a regex's classes cut to those chars give the same matches on such texts.

use once_cell::sync::{Lazy, OnceCell};
use regex::Regex;
use regex_syntax::hir::Hir;

/// The chars outside ASCII that a plain line may hold: the Latin-1 punctuation and signs
/// (U+0080–U+00BF, × and ÷), General Punctuation (U+2000–U+206F: curly quotes, dashes,
/// bullets, ellipses) and currency signs (U+20A0–U+20CF), less every char Unicode `\w`
/// holds (ª, µ, º, the zero-width joiners, the undertie). News pages' non-ASCII lines are
/// mostly ones whose only non-ASCII chars are curly quotes and dashes.
pub(crate) static PLAIN_EXTRA: Lazy<regex_syntax::hir::ClassUnicode> = Lazy::new(|| {
    use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, HirKind};
    let mut extra = ClassUnicode::new([
        ClassUnicodeRange::new('\u{80}', '\u{BF}'),
        ClassUnicodeRange::new('×', '×'),
        ClassUnicodeRange::new('÷', '÷'),
        ClassUnicodeRange::new('\u{2000}', '\u{206F}'),
        ClassUnicodeRange::new('\u{20A0}', '\u{20CF}'),
    ]);
    let word = regex_syntax::parse(r"\w").expect("\\w parses");
    let HirKind::Class(Class::Unicode(word)) = word.kind() else {
        unreachable!("\\w is a Unicode class")
    };
    extra.difference(word);
    extra
});

/// Which chars a line holds, for choosing a regex's twin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// ASCII only.
    Ascii = 0,
    /// ASCII and [`PLAIN_EXTRA`] only, some of the latter: no char outside ASCII is a word
    /// char, which is what lets [`narrowed`] make word boundaries ASCII.
    Plain = 1,
    /// Chars in [`LATIN`] only, some of them letters outside ASCII ("Åsa Lindqvist").
    Latin = 2,
    /// Anything else (other scripts).
    Other = 3,
}

/// The chars a Latin line may hold: up to the end of Latin Extended-B (U+024F: the letters
/// of most European languages written in Latin script), General Punctuation and currency
/// signs, word chars or not.
pub(crate) static LATIN: Lazy<regex_syntax::hir::ClassUnicode> = Lazy::new(|| {
    use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
    ClassUnicode::new([
        ClassUnicodeRange::new('\0', '\u{24F}'),
        ClassUnicodeRange::new('\u{2000}', '\u{206F}'),
        ClassUnicodeRange::new('\u{20A0}', '\u{20CF}'),
    ])
});

/// The [`Reach`] of `line`.
pub(crate) fn reach(line: &str) -> Reach {
    if line.is_ascii() {
        return Reach::Ascii;
    }
    if line
        .chars()
        .all(|c| c.is_ascii() || class_has(&PLAIN_EXTRA, c))
    {
        Reach::Plain
    } else if line.chars().all(|c| class_has(&LATIN, c)) {
        Reach::Latin
    } else {
        Reach::Other
    }
}

/// Whether `class` holds `c`.
fn class_has(class: &regex_syntax::hir::ClassUnicode, c: char) -> bool {
    class
        .ranges()
        .binary_search_by(|r| {
            if r.end() < c {
                std::cmp::Ordering::Less
            } else if r.start() > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `hir` for the lines of one [`Reach`] short of `Other`: each Unicode class cut to the
/// chars such a line can hold (ASCII; ASCII and [`PLAIN_EXTRA`]; [`LATIN`]), and for ASCII
/// and plain lines each Unicode word boundary made an ASCII one. On such a line it matches
/// exactly where `hir` does: every char of the line is in a class iff it is in the class's
/// cut; and on ASCII and plain lines, where no char outside ASCII is a word char, Unicode
/// and ASCII word boundaries fall at the same places (ASCII `\w` holds the same ASCII chars
/// as Unicode `\w`, and takes every byte outside ASCII for a non-word byte). Its automaton
/// leaves out the thousands of letters that `\p{L}` or a case-folded `\w` repeated forty
/// times drag into a lazy DFA. ASCII lines get a cut of their own because a class with
/// chars outside ASCII, repeated ("`[^.]{0,80}`"), costs many states.
pub(crate) fn narrowed(hir: &Hir, reach: Reach) -> Hir {
    use regex_syntax::hir::Repetition;
    use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, HirKind, Look};
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            let mut keep = ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]);
            match reach {
                Reach::Ascii => {}
                Reach::Plain => keep.union(&PLAIN_EXTRA),
                Reach::Latin | Reach::Other => keep = LATIN.clone(),
            }
            let mut c = c.clone();
            c.intersect(&keep);
            Hir::class(Class::Unicode(c))
        }
        HirKind::Look(look) if reach == Reach::Latin || reach == Reach::Other => Hir::look(*look),
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(narrowed(&r.sub, reach)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(narrowed(&c.sub, reach)),
            ..c.clone()
        }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(|p| narrowed(p, reach)).collect()),
        HirKind::Alternation(parts) => {
            Hir::alternation(parts.iter().map(|p| narrowed(p, reach)).collect())
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
    }
}

/// A Unicode regex with its twins for ASCII, plain and Latin texts, each compiled the first
/// time a text of that [`Reach`] needs it: the regex to use on one text, with the same
/// matches and captures (group indices and names) as the Unicode one.
#[derive(Debug)]
pub(crate) struct Narrowed {
    pattern: String,
    case_insensitive: bool,
    hir: Hir,
    twins: [OnceCell<Regex>; 3],
    full: OnceCell<Regex>,
}

impl Narrowed {
    /// `pattern`, as `RegexBuilder` with `case_insensitive` would read it.
    pub(crate) fn new(pattern: &str, case_insensitive: bool) -> Narrowed {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(case_insensitive)
            .build()
            .parse(pattern)
            .unwrap_or_else(|e| panic!("bad pattern {pattern:?}: {e}"));
        Narrowed {
            pattern: pattern.to_string(),
            case_insensitive,
            hir,
            twins: Default::default(),
            full: OnceCell::new(),
        }
    }

    /// The Unicode regex.
    pub(crate) fn full(&self) -> &Regex {
        self.full.get_or_init(|| {
            regex::RegexBuilder::new(&self.pattern)
                .case_insensitive(self.case_insensitive)
                .build()
                .expect("the pattern parsed")
        })
    }

    /// The regex to run on `text`: its twin for the text's [`Reach`], or the Unicode one.
    /// A twin is the cut [`narrowed`] pattern written out by `regex-syntax` and read again,
    /// its classes spelled out char by char, so its groups keep their order and names.
    pub(crate) fn for_text(&self, text: &str) -> &Regex {
        let r = reach(text);
        if r == Reach::Other {
            return self.full();
        }
        self.twins[r as usize].get_or_init(|| {
            Regex::new(&narrowed(&self.hir, r).to_string()).expect("a cut pattern reads back")
        })
    }
}

/// Checks that `n`'s regex for `text` finds the same matches and captures as the Unicode
/// one, every group by index and by name; returns whether it matched.
#[cfg(test)]
pub(crate) fn check_same_captures(n: &Narrowed, text: &str) -> bool {
    let (full, twin) = (n.full(), n.for_text(text));
    let names: Vec<_> = full.capture_names().collect();
    assert_eq!(
        twin.capture_names().collect::<Vec<_>>(),
        names,
        "{}",
        n.pattern
    );
    let spans = |re: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(text)
            .map(|c| {
                (0..c.len())
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect()
    };
    let got = spans(twin);
    assert_eq!(got, spans(full), "{:?} twin on {text:?}", reach(text));
    !got.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which lines are plain: ASCII plus punctuation and signs that are no word chars, and
    /// some of the latter.
    #[test]
    fn plain_lines() {
        for (line, plain) in [
            ("The council met on Tuesday.", false),
            ("“We will not back down,” the envoy said — twice.", true),
            ("© 2031 Harbour Gazette • all rights reserved", true),
            ("Weather: 21 °C, wind 10 km/h …", true),
            ("Tickets cost €40 or £35 × 2", true),
            ("‘Quoted’ « guillemets » ¿qué?", false),
            ("Ministry of the Interior – Bürgerbüro", false),
            ("the 1ª division", false),
            ("5 µg of the compound", false),
            ("joined\u{200D}word", false),
            ("tie‿word", false),
            ("Пресс-служба сообщила", false),
        ] {
            assert_eq!(reach(line) == Reach::Plain, plain, "{line:?}");
            let latin = !line.is_ascii() && !plain && !line.contains('П');
            assert_eq!(reach(line) == Reach::Latin, latin, "{line:?}");
        }
    }

    /// A rule's plain and Latin twins match a plain or Latin line exactly when the rule's
    /// Unicode regex does: every rule's example and crafted lines, each with curly quotes,
    /// dashes, bullets and signs put next to words (where a word boundary falls) and in
    /// place of ASCII ones, and lines with letters outside ASCII.
    /// Twins of a pattern with every kind of class, word boundaries and named groups match
    /// and capture as the Unicode regex on texts of each reach.
    #[test]
    fn twins_capture_as_the_unicode_regex() {
        let n = Narrowed::new(
            r"\b(?P<first>\p{Lu}[\p{L}'’-]+)\s+(?P<rest>[\w .]{2,20}?)\b(?:\s*[—–-]\s*(?P<tail>\S+))?",
            true,
        );
        let mut matched = 0;
        for text in [
            "Harbour officials met — twice",
            "“Harbour officials” met – twice.",
            "the port’s Élodie Brandt spoke",
            "Zoë Łukasz and Ørjan Sæther — later",
            "Ivan Petrov — Пресс-служба",
            "ª µ º joined\u{200D}word",
            "no capital here",
        ] {
            matched += usize::from(check_same_captures(&n, text));
        }
        assert!(matched >= 5, "{matched}");
    }
}
