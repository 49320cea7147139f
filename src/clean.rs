//! Clean a saved page: drop page furniture (share bars, copyright, weather widgets ...), keep story paragraphs, and keep a map back to raw byte offsets.
//!
//! The furniture rules are data (`src/data/furniture.tsv`), one regex per line. Each kept line is
//! trimmed; NBSP and tabs become spaces and zero-width characters are removed, everything else is
//! copied verbatim, so every body byte outside a `map` segment is inserted whitespace.
//!
//! Invariant (tested): for every `(body, raw, len)` in `CleanDoc::map`,
//! `body_text[body..body + len] == raw_text[raw..raw + len]`.

use once_cell::sync::{Lazy, OnceCell};
use regex::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_syntax::hir::Hir;

use crate::narrow::{narrowed, reach, Reach};

/// What a furniture rule drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The line.
    Line,
    /// The line and the lines after it up to the next blank line (a "Related stories" box).
    Block,
    /// Everything from this line to the end of the page ("Most recent World stories").
    Tail,
    /// Only the start of the line the rule matches, when a sentence follows it: a date stamp
    /// glued to a paragraph ("date 2019-06-23 On Friday the minister said …").
    Prefix,
}

/// One furniture rule from `src/data/furniture.tsv`.
#[derive(Debug)]
pub struct Rule {
    pub name: &'static str,
    pub action: Action,
    /// The case-insensitive regular expression, as written in the data.
    pub pattern: &'static str,
    pub detects: &'static str,
    pub example: &'static str,
    /// Cheap tests a line must pass before the regex runs.
    gate: Gate,
    /// The parsed pattern (checked when the rules load).
    hir: Hir,
    /// The regex, compiled the first time a line passes the gate: most rules never run on a
    /// page, and their Unicode classes cost more to compile than a page costs to clean.
    regex: OnceCell<Regex>,
    /// The same rule for ASCII lines, other plain lines and Latin lines (see [`Reach`] and
    /// [`narrowed`]), each compiled on first use.
    twins: [OnceCell<Option<meta::Regex>>; 3],
}

impl Rule {
    /// The rule's regex.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            RegexBuilder::new(self.pattern)
                .case_insensitive(true)
                .build()
                .unwrap_or_else(|e| panic!("furniture.tsv: rule {}: {e}", self.name))
        })
    }

    /// Whether the rule matches `line`, which [`Reach`] says what chars it holds: on an
    /// ASCII or plain line the rule's twin for that reach gives the same answer from a far
    /// smaller automaton (and the rule's Unicode regex, which costs more to compile than a
    /// page costs to clean, is not needed).
    fn is_match(&self, line: &str, reach: Reach) -> bool {
        if reach != Reach::Other {
            let twin = self.twins[reach as usize].get_or_init(|| {
                meta::Regex::builder()
                    .build_from_hir(&narrowed(&self.hir, reach))
                    .ok()
            });
            if let Some(twin) = twin {
                return twin.is_match(line);
            }
        }
        self.regex().is_match(line)
    }
}

/// What a line needs for a furniture rule to match at all, read from the rule's pattern: a
/// `^...$` rule cannot match a line longer than its longest match, a `^...` rule only
/// matches lines that open with a byte its matches can open with, and a `...$` rule only
/// lines that close with a byte its matches can close with, and any rule only lines with a
/// byte that each of its matches has ("/" or "(" for a photo credit). Story paragraphs fail
/// these, so most of the 29 regexes never run on them.
#[derive(Debug, Default)]
struct Gate {
    max_len: Option<usize>,
    first: Option<Box<[bool; 256]>>,
    /// The first two bytes a `^...` rule's matches open with (a story paragraph opening
    /// "The" or "Syria" passes a first-byte test of many rules, and few of these).
    opening: Option<Opening>,
    last: Option<Box<[bool; 256]>>,
    needs: Option<Box<[bool; 256]>>,
}

/// How the matches of a `^...` rule open: with one of `pairs` (two bytes, sorted), or with
/// a byte in `short` followed by anything (a match can end there, or what follows it is too
/// varied to list).
#[derive(Debug)]
struct Opening {
    pairs: Vec<[u8; 2]>,
    short: Box<[bool; 256]>,
}

impl Opening {
    /// From the pattern's prefix literals cut to two bytes; `None` when they are not a
    /// known set (or one is empty: a match can be empty).
    fn of(hir: &regex_syntax::hir::Hir) -> Option<Opening> {
        let seq = regex_syntax::hir::literal::Extractor::new()
            .kind(regex_syntax::hir::literal::ExtractKind::Prefix)
            .limit_literal_len(2)
            .limit_class(1_000)
            .limit_total(10_000)
            .extract(hir);
        let mut opening = Opening {
            pairs: Vec::new(),
            short: Box::new([false; 256]),
        };
        for l in seq.literals()? {
            match *l.as_bytes() {
                [a, b, ..] => opening.pairs.push([a, b]),
                [a] => opening.short[a as usize] = true,
                [] => return None,
            }
        }
        opening.pairs.sort_unstable();
        opening.pairs.dedup();
        Some(opening)
    }

    fn admits(&self, line: &[u8]) -> bool {
        match *line {
            [a, b, ..] => self.short[a as usize] || self.pairs.binary_search(&[a, b]).is_ok(),
            [a] => self.short[a as usize],
            [] => false,
        }
    }
}

impl Gate {
    /// The gate of a case-insensitive pattern, from its parse.
    fn of(hir: &Hir) -> Gate {
        use regex_syntax::hir::literal::ExtractKind;
        use regex_syntax::hir::Look;
        let props = hir.properties();
        let (starts, ends) = (
            props.look_set_prefix().contains(Look::Start),
            props.look_set_suffix().contains(Look::End),
        );
        Gate {
            max_len: props.maximum_len().filter(|_| starts && ends),
            first: edge_bytes(hir, ExtractKind::Prefix).filter(|_| starts),
            opening: Opening::of(hir).filter(|_| starts),
            last: edge_bytes(hir, ExtractKind::Suffix).filter(|_| ends),
            needs: needed_bytes(hir).map(Box::new),
        }
    }

    /// False when the rule cannot match `line`.
    fn admits(&self, line: &str) -> bool {
        let edge = |set: &Option<Box<[bool; 256]>>, b: Option<&u8>| {
            set.as_ref()
                .is_none_or(|set| b.is_some_and(|&b| set[b as usize]))
        };
        self.max_len.is_none_or(|n| line.len() <= n)
            && edge(&self.first, line.as_bytes().first())
            && (self.opening.as_ref()).is_none_or(|o| o.admits(line.as_bytes()))
            && edge(&self.last, line.as_bytes().last())
            && (self.needs.as_ref()).is_none_or(|set| line.bytes().any(|b| set[b as usize]))
    }
}

/// The bytes every match of `hir` opens with (`Prefix`) or closes with (`Suffix`), when
/// they are a known set: each match starts (ends) with one of the extracted literals.
fn edge_bytes(
    hir: &regex_syntax::hir::Hir,
    kind: regex_syntax::hir::literal::ExtractKind,
) -> Option<Box<[bool; 256]>> {
    let suffix = matches!(kind, regex_syntax::hir::literal::ExtractKind::Suffix);
    let seq = regex_syntax::hir::literal::Extractor::new()
        .kind(kind)
        .limit_literal_len(1)
        .limit_class(1_000)
        .limit_total(10_000)
        .extract(hir);
    let lits = seq.literals()?;
    let mut set = Box::new([false; 256]);
    for l in lits {
        let b = l.as_bytes();
        let edge = if suffix { b.last() } else { b.first() };
        set[*edge? as usize] = true;
    }
    Some(set)
}

/// A set of bytes at least one of which is in every match of `hir`, when there is a
/// small one: a literal's first byte, a small class's first bytes, the smallest set of a
/// sequence's parts, the union of an alternation's branches.
fn needed_bytes(hir: &regex_syntax::hir::Hir) -> Option<[bool; 256]> {
    use regex_syntax::hir::{Class, HirKind};
    let count = |set: &[bool; 256]| set.iter().filter(|&&b| b).count();
    let mut set = [false; 256];
    match hir.kind() {
        HirKind::Literal(lit) => set[*lit.0.first()? as usize] = true,
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.ranges() {
                (r.start()..=r.end()).for_each(|b| set[b as usize] = true);
            }
        }
        HirKind::Class(Class::Unicode(c)) => {
            let chars = c.ranges().iter().map(|r| r.len()).sum::<usize>();
            if chars > 64 {
                return None;
            }
            let mut buf = [0u8; 4];
            for ch in c.ranges().iter().flat_map(|r| r.start()..=r.end()) {
                set[ch.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
            }
        }
        HirKind::Repetition(r) if r.min > 0 => return needed_bytes(&r.sub),
        HirKind::Capture(c) => return needed_bytes(&c.sub),
        HirKind::Concat(parts) => {
            return parts.iter().filter_map(needed_bytes).min_by_key(count);
        }
        HirKind::Alternation(branches) => {
            for b in branches {
                let sub = needed_bytes(b)?;
                (0..256).for_each(|i| set[i] |= sub[i]);
            }
        }
        _ => return None,
    }
    Some(set)
}

/// The furniture rules, compiled once.
pub static RULES: Lazy<Vec<Rule>> = Lazy::new(|| {
    crate::data::FURNITURE
        .rows()
        .into_iter()
        .map(|row| Rule {
            name: row.col(0),
            action: match row.col(1) {
                "drop" => Action::Line,
                "block" => Action::Block,
                "tail" => Action::Tail,
                "prefix" => Action::Prefix,
                other => panic!("furniture.tsv:{}: bad action {other:?}", row.line),
            },
            pattern: row.col(2),
            detects: row.col(3),
            example: row.col(4),
            gate: Gate::default(),
            hir: regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(row.col(2))
                .unwrap_or_else(|e| panic!("furniture.tsv:{}: rule {}: {e}", row.line, row.col(0))),
            regex: OnceCell::new(),
            twins: [OnceCell::new(), OnceCell::new(), OnceCell::new()],
        })
        .map(|rule| Rule {
            gate: Gate::of(&rule.hir),
            ..rule
        })
        .collect()
});

/// A line that always forms its own paragraph: a byline ("By MATTHEW LEE") or an agency line.
static STANDALONE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(By\s+\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:and|\p{Lu}[\p{L}.'’-]*)){0,8}(?:,\s*\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,3})?|(The )?Associated Press|AP|Reuters|AFP|Agence France-Presse)$",
    )
    .unwrap()
});

/// The first furniture rule that drops a trimmed line (prefix rules cut, see [`furniture_prefix`]).
pub fn furniture(line: &str) -> Option<&'static Rule> {
    // One regex at a time: measured faster than a RegexSet of these Unicode patterns.
    let reach = reach(line);
    RULES
        .iter()
        .find(|r| r.action != Action::Prefix && r.gate.admits(line) && r.is_match(line, reach))
}

/// A prefix rule's match at the start of a trimmed line followed by a sentence (a capital or an
/// opening quote): the rule and where the sentence starts.
fn furniture_prefix(line: &str) -> Option<(&'static Rule, usize)> {
    RULES
        .iter()
        .filter(|r| r.action == Action::Prefix && r.gate.admits(line))
        .find_map(|r| {
            let m = r.regex().find(line).filter(|m| m.start() == 0)?;
            let rest = &line[m.end()..];
            rest.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || "\"“‘'".contains(c))
                .then_some((r, m.end()))
        })
}

/// A kept paragraph: its text and where each verbatim run came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    /// Trimmed lines joined with '\n'.
    pub text: String,
    /// `(offset in text, offset in raw, len)` for each run copied verbatim.
    pub segs: Vec<(usize, usize, usize)>,
}

impl Block {
    /// A block made from text with no raw origin (titles, synthesized text).
    pub fn detached(text: &str) -> Block {
        Block {
            text: text.to_string(),
            segs: Vec::new(),
        }
    }

    /// The block without its first `n` bytes (n must be a char boundary), segments shifted.
    pub fn skip(&self, n: usize) -> Block {
        let segs = self
            .segs
            .iter()
            .filter_map(|&(t, r, len)| {
                if t + len <= n {
                    None
                } else if t >= n {
                    Some((t - n, r, len))
                } else {
                    let cut = n - t;
                    Some((0, r + cut, len - cut))
                }
            })
            .collect();
        Block {
            text: self.text[n..].to_string(),
            segs,
        }
    }
}

/// A line that was dropped, and by which rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    pub rule: &'static str,
    pub text: String,
    pub raw_start: usize,
}

/// The cleaned page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CleanDoc {
    /// Kept paragraphs in order. The first kept line is always a paragraph of its own (the headline candidate).
    pub paragraphs: Vec<Block>,
    pub dropped: Vec<Dropped>,
    /// Paragraphs joined with blank lines.
    pub body: String,
    /// `(body offset, raw offset, len)` runs of verbatim bytes.
    pub map: Vec<(usize, usize, usize)>,
}

impl CleanDoc {
    /// Raw offset of a body offset, when that byte was copied verbatim.
    pub fn raw_offset(&self, body_offset: usize) -> Option<usize> {
        self.map
            .iter()
            .find(|&&(b, _, len)| b <= body_offset && body_offset < b + len)
            .map(|&(b, r, _)| r + body_offset - b)
    }
}

/// Join paragraphs with blank lines; returns the body and its map to raw offsets.
pub fn join(paragraphs: &[Block]) -> (String, Vec<(usize, usize, usize)>) {
    let mut body = String::new();
    let mut map = Vec::new();
    for p in paragraphs {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let base = body.len();
        body.push_str(&p.text);
        map.extend(p.segs.iter().map(|&(t, r, len)| (base + t, r, len)));
    }
    (body, map)
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Append one trimmed line (at raw offset `raw`) to a block, normalizing odd whitespace.
fn push_line(block: &mut Block, line: &str, raw: usize) {
    if !block.text.is_empty() {
        block.text.push('\n');
    }
    let odd = |c: char| is_zero_width(c) || (c != ' ' && c.is_whitespace());
    // Printable ASCII (space to DEL) holds no odd char: those are controls or non-ASCII.
    let printable = line.bytes().all(|b| (0x20..0x80).contains(&b));
    if printable || !line.contains(odd) {
        block.segs.push((block.text.len(), raw, line.len()));
        block.text.push_str(line);
        return;
    }
    let mut run_start: Option<(usize, usize)> = None; // (text offset, raw offset)
    for (i, c) in line.char_indices() {
        let replace = if is_zero_width(c) {
            Some("")
        } else if c != ' ' && c.is_whitespace() {
            Some(" ")
        } else {
            None
        };
        match replace {
            None => {
                if run_start.is_none() {
                    run_start = Some((block.text.len(), raw + i));
                }
                block.text.push(c);
            }
            Some(rep) => {
                if let Some((t, r)) = run_start.take() {
                    block.segs.push((t, r, block.text.len() - t));
                }
                block.text.push_str(rep);
            }
        }
    }
    if let Some((t, r)) = run_start {
        block.segs.push((t, r, block.text.len() - t));
    }
}

/// Lines of one run without blank lines between them: one hard-wrapped paragraph (all lines but
/// the last at most `WRAP` bytes), or else one paragraph per line (pages saved without blank lines).
const WRAP: usize = 100;

fn flush(doc: &mut CleanDoc, lines: &mut Vec<(&str, usize)>) {
    if lines.is_empty() {
        return;
    }
    let wrapped = lines[..lines.len() - 1]
        .iter()
        .all(|(l, _)| l.len() <= WRAP);
    let groups: Vec<&[(&str, usize)]> = if wrapped {
        vec![&lines[..]]
    } else {
        lines.chunks(1).collect()
    };
    for group in groups {
        let mut block = Block::default();
        for (line, raw) in group {
            push_line(&mut block, line, *raw);
        }
        // A paragraph repeated right after itself (image alt text and caption, say) is kept once.
        if doc.paragraphs.last().is_some_and(|p| p.text == block.text) {
            let raw_start = group[0].1;
            doc.dropped.push(Dropped {
                rule: "repeated",
                text: block.text,
                raw_start,
            });
        } else {
            doc.paragraphs.push(block);
        }
    }
    lines.clear();
}

/// Clean a saved page: drop furniture lines, keep story paragraphs (blank-line separated in
/// `raw`). The first kept line is the headline candidate and always a paragraph of its own.
pub fn clean(raw: &str) -> CleanDoc {
    clean_with(raw, true)
}

/// Clean story text that has no headline line (HTML main text, feed content, JSON `text`).
pub fn clean_body(raw: &str) -> CleanDoc {
    clean_with(raw, false)
}

/// Words a hard-wrapped line of story text often stops on, and a headline does not.
const LINKING: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "but", "by", "for", "from", "in", "is", "of", "on", "or",
    "said", "says", "that", "the", "to", "was", "were", "which", "who", "with",
];

/// Can this line be a headline: short, and not the end of a sentence (a final "." that is not
/// part of an abbreviation such as "U.S."), nor a line that stops on a comma or dash?
pub fn title_like(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    let last_word = core.rsplit(' ').next().unwrap_or("");
    let abbreviation = last_word.strip_suffix('.').is_some_and(|w| w.contains('.'));
    let sentence_end = core.ends_with('.') && !abbreviation;
    line.len() <= 200 && !sentence_end && !core.ends_with([',', ';', ':', '-', '—', '–'])
}

/// Is the first kept line a headline of its own (issue 15, item 16)? It must look like one
/// ([`title_like`]) and not run on into the next line: a blank line, page furniture or a
/// byline/agency line after it is fine, and so is a line starting a new thought (a date line,
/// a publisher name); a next line going on in lowercase, or a line that stops on a linking
/// word ("... said Monday that"), is a hard-wrapped sentence whose claims must stay whole.
fn headline_line(line: &str, next: &str) -> bool {
    if !title_like(line) {
        return false;
    }
    if next.is_empty() || furniture(next).is_some() || STANDALONE.is_match(next) {
        return true;
    }
    let last = line.rsplit(' ').next().unwrap_or("").to_lowercase();
    let lower_next = next.chars().next().is_some_and(char::is_lowercase);
    !lower_next && !LINKING.contains(&last.as_str())
}

fn clean_with(raw: &str, headline: bool) -> CleanDoc {
    let mut doc = CleanDoc::default();
    let mut current: Vec<(&str, usize)> = Vec::new();
    let mut current_standalone = false;
    let mut pos = 0;
    // The rule dropping lines until a blank line (Block) or the end (Tail).
    let mut dropping: Option<&'static Rule> = None;
    for piece in raw.split_inclusive('\n') {
        let start = pos;
        pos += piece.len();
        let line = piece.trim_end_matches(['\n', '\r']);
        let lead = line.len()
            - line
                .trim_start_matches(|c: char| c.is_whitespace() || is_zero_width(c))
                .len();
        let trimmed =
            line[lead..].trim_end_matches(|c: char| c.is_whitespace() || is_zero_width(c));
        let raw_start = start + lead;
        if trimmed.is_empty() {
            flush(&mut doc, &mut current);
            if dropping.is_some_and(|r| r.action == Action::Block) {
                dropping = None;
            }
            continue;
        }
        if let Some(rule) = dropping {
            doc.dropped.push(Dropped {
                rule: rule.name,
                text: trimmed.to_string(),
                raw_start,
            });
            continue;
        }
        // "date 2019-06-23 On Friday the minister said …": the stamp goes, the sentence stays.
        let (trimmed, raw_start) = match furniture_prefix(trimmed) {
            Some((rule, at)) => {
                doc.dropped.push(Dropped {
                    rule: rule.name,
                    text: trimmed[..at].trim_end().to_string(),
                    raw_start,
                });
                (&trimmed[at..], raw_start + at)
            }
            None => (trimmed, raw_start),
        };
        if let Some(rule) = furniture(trimmed) {
            flush(&mut doc, &mut current);
            doc.dropped.push(Dropped {
                rule: rule.name,
                text: trimmed.to_string(),
                raw_start,
            });
            if rule.action != Action::Line {
                dropping = Some(rule);
            }
            continue;
        }
        let first = headline && doc.paragraphs.is_empty() && current.is_empty();
        let next = raw[pos..].split('\n').next().unwrap_or("").trim();
        let standalone = first && headline_line(trimmed, next) || STANDALONE.is_match(trimmed);
        if standalone || current_standalone {
            flush(&mut doc, &mut current);
        }
        current.push((trimmed, raw_start));
        current_standalone = standalone;
    }
    flush(&mut doc, &mut current);
    let (body, map) = join(&doc.paragraphs);
    doc.body = body;
    doc.map = map;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_line`'s fast path: no printable ASCII char is odd whitespace or zero width.
    #[test]
    fn printable_ascii_has_no_odd_chars() {
        for b in 0x20u8..0x80 {
            let c = char::from(b);
            assert!(
                !is_zero_width(c) && (c == ' ' || !c.is_whitespace()),
                "{b:#x}"
            );
        }
    }

    /// Clean `raw` and compare the kept paragraphs; also checks the offset map round trip.
    fn check(raw: &str, expect: &[&str]) {
        let doc = clean(raw);
        let got: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(got, expect, "raw: {raw:?}");
        check_map(raw, &doc);
    }

    fn check_map(raw: &str, doc: &CleanDoc) {
        let mut covered = vec![false; doc.body.len()];
        for &(b, r, len) in &doc.map {
            assert_eq!(
                &doc.body[b..b + len],
                &raw[r..r + len],
                "map entry {b},{r},{len}"
            );
            covered[b..b + len].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in doc.body.bytes().enumerate() {
            assert!(
                covered[i] || c == b' ' || c == b'\n',
                "body byte {i} ({c:?}) not mapped"
            );
        }
    }

    #[test]
    fn every_furniture_example_is_dropped() {
        assert!(RULES.len() >= 20);
        for rule in RULES.iter() {
            let page = format!(
                "Headline\n\nA story paragraph.\n\n{}\nNext line.\n\nLast paragraph.",
                rule.example
            );
            let doc = clean(&page);
            let kept: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
            let expect: &[&str] = match rule.action {
                Action::Tail => &["Headline", "A story paragraph."],
                Action::Block => &["Headline", "A story paragraph.", "Last paragraph."],
                Action::Line => &[
                    "Headline",
                    "A story paragraph.",
                    "Next line.",
                    "Last paragraph.",
                ],
                // The sentence after the stamp stays, joined with the next line.
                Action::Prefix => &[
                    "Headline",
                    "A story paragraph.",
                    "The minister spoke on Friday.\nNext line.",
                    "Last paragraph.",
                ],
            };
            assert_eq!(kept, expect, "rule {} ({})", rule.name, rule.detects);
            let found = match rule.action {
                Action::Prefix => furniture_prefix(rule.example).map(|(r, _)| r.name),
                _ => furniture(rule.example).map(|r| r.name),
            };
            assert_eq!(found, Some(rule.name), "rule {} shadowed", rule.name);
        }
    }

    /// A gate never turns away a line its regex matches: every rule's example, every demo
    /// line, and each of those case-flipped, padded and cut short.
    #[test]
    fn gates_only_skip_lines_their_rule_cannot_match() {
        let mut lines: Vec<String> = RULES.iter().map(|r| r.example.to_string()).collect();
        for input in crate::demo::inputs() {
            if let crate::pipeline::Input::Memory(_, bytes) = input {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                lines.extend(text.lines().map(|l| l.trim().to_string()));
            }
        }
        let mut variants = Vec::new();
        for l in &lines {
            variants.push(l.to_uppercase());
            variants.push(l.to_lowercase());
            let mut cs = l.chars();
            if let Some(c) = cs.next() {
                variants.push(
                    c.to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect(),
                );
            }
            variants.push(format!("{l} and more words after it"));
            variants.push(l.chars().take(12).collect());
        }
        lines.extend(variants);
        let (mut skipped, mut matched) = (0, 0);
        for line in &lines {
            for r in RULES.iter() {
                let hit = r.regex().is_match(line);
                if line.is_ascii() {
                    assert_eq!(
                        r.is_match(line, Reach::Ascii),
                        hit,
                        "{} twin: {line:?}",
                        r.name
                    );
                }
                matched += hit as usize;
                assert!(!hit || r.gate.admits(line), "{}: {line:?}", r.name);
                skipped += !r.gate.admits(line) as usize;
            }
        }
        assert!(matched >= RULES.len(), "every example matches");
        assert!(
            skipped > lines.len() * RULES.len() / 2,
            "the gates skip most tests"
        );
    }

    #[test]
    fn plain_twins_match_as_their_rules() {
        let mut lines: Vec<String> = RULES.iter().map(|r| r.example.to_string()).collect();
        lines.extend(
            [
                "“Related stories”",
                "Related: “Harbour talks stall”",
                "RELATED — Harbour talks stall again",
                "• Humidity: 40%",
                "Wind • 12 km/h",
                "© Harbour Gazette 2031",
                "(c) Harbour Gazette — all rights reserved",
                "Copyright © 2031 Harbour Gazette. All rights reserved.",
                "Weather: 21 °C … sunny",
                "Photo: Jo Smith / Harbour Gazette…",
                "Reuters / Jo Smith’s",
                "(AP Photo/Jo Smith—file)",
                "Read more: “Harbour talks” — part two",
                "Posted on 3 March 2031 — 10:00",
                "Share this story • Facebook • Twitter • Email",
                "Today in Port Sorrel — Ramble",
                "More from the “Harbour” desk",
                "Most recent world stories…",
                "Disclaimer: the views expressed are solely the author’s",
                "Estimated read time: 4–5 mins",
                "Click here—for more",
                "Sign up for our “Morning” newsletter",
                "Photo: Åsa Lindqvist/Harbour Gazette",
                "Reuters/Jörg Müller",
                "AFP / Zoë Łukasz",
                "(Reuters / Ørjan Sæther)",
                "Today in Città di Castello",
                "Read more: Málaga’s harbour reopens",
                "© Société Portuaire 2031",
                "Leer en español",
                "Пресс-служба: Reuters / Иван Петров",
            ]
            .iter()
            .map(|l| l.to_string()),
        );
        let mut variants = Vec::new();
        for l in &lines {
            variants.push(l.replace('\'', "’").replace('"', "”"));
            variants.push(l.replace(' ', "\u{2009}"));
            variants.push(l.replace('-', "–").replace(':', "…"));
            variants.push(format!("“{l}”"));
            variants.push(format!("{l}—"));
            variants.push(format!("•{l}"));
            variants.push(l.to_lowercase().replace("the", "the—"));
        }
        lines.extend(variants);
        // Matching lines tested, by reach.
        let mut tested = [0; 3];
        for line in lines.iter().filter(|l| !l.is_ascii()) {
            let reach = reach(line);
            if reach == Reach::Other {
                continue;
            }
            for r in RULES.iter() {
                let hit = r.regex().is_match(line);
                let twin = r.is_match(line, reach);
                assert_eq!(twin, hit, "{} {reach:?} twin: {line:?}", r.name);
                tested[reach as usize] += usize::from(hit);
            }
        }
        assert!(
            tested[Reach::Plain as usize] >= 20 && tested[Reach::Latin as usize] >= 8,
            "the twins are tested on matching lines ({tested:?})"
        );
    }

    #[test]
    fn story_sentences_are_not_furniture() {
        for s in [
            "Russia's defense minister said Monday that the two sides were nearing an arrangement on Aleppo.",
            "Published reports said at least 20 people were killed in the strikes.",
            "Updated figures from the U.N. showed 300,000 people trapped.",
            "Share prices fell in Moscow after the announcement.",
            "Related talks are planned for Sept. 9 in Geneva.",
            "The views expressed by the envoy were shared by most of the council.",
            "Click",
            "Email records were not released.",
            "Weather conditions delayed the aid convoy.",
            "By the end of the week, no deal had been announced.",
            "More than 400 trucks are waiting at the border.",
            "The photo (taken by a resident) showed the damage.",
            "date 2016-08-15 MOSCOW Aug 15 Russia and the United States are",
            "Date palms were burning along the road to Deir el-Zour.",
            "Today in Aleppo, residents queued for bread at dawn before the shelling resumed.",
            "Wind and rain slowed the convoy.",
        ] {
            assert_eq!(furniture(s).map(|r| r.name), None, "{s}");
        }
    }

    #[test]
    fn keeps_paragraphs_and_drops_furniture_around_them() {
        check(
            "Save Story\nLeer en español\n\nRussia, US near Aleppo deal\n\nEstimated read time: 2-3 minutes\n\nMOSCOW (AP) — First paragraph\ncontinues here.\n\nShare\n\nSecond paragraph.\n\nCopyright © The Associated Press. All rights reserved.\n\nMost recent World stories\n\nOther headline one\n\nOther headline two\n",
            &["Russia, US near Aleppo deal", "MOSCOW (AP) — First paragraph\ncontinues here.", "Second paragraph."],
        );
    }

    #[test]
    fn first_line_and_bylines_stand_alone() {
        check(
            "Title line\nBy MATTHEW LEE\nAssociated Press\nGENEVA (AP) — Text.\nMore text.",
            &[
                "Title line",
                "By MATTHEW LEE",
                "Associated Press",
                "GENEVA (AP) — Text.\nMore text.",
            ],
        );
    }

    #[test]
    fn hard_wrapped_lines_join_long_lines_split() {
        let long1 = "The first paragraph is a long line of story text that goes on well past one hundred bytes in all, as story paragraphs tend to do.";
        let long2 = "The second paragraph is another long line of story text, also past one hundred bytes of text, as story paragraphs tend to be.";
        check(
            &format!("Title\nShort wrapped line one\nand line two.\n\n{long1}x\n{long2}"),
            &[
                "Title",
                "Short wrapped line one\nand line two.",
                &format!("{long1}x"),
                long2,
            ],
        );
    }

    const CAPTION: &str = "A boy reacts inside a field hospital in the rebel-held Douma neighborhood of Damascus on Monday before the truce began.";

    #[test]
    fn repeated_paragraph_kept_once() {
        check(
            &format!("Title\n\n{CAPTION}\n{CAPTION}\n\nStory.\n\nStory."),
            &["Title", CAPTION, "Story."],
        );
    }

    #[test]
    fn body_text_has_no_headline_line() {
        let doc = clean_body("MOSCOW (AP) — Russia said\nthat a deal was near.\n\nShare\n\nMore.");
        let got: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            got,
            ["MOSCOW (AP) — Russia said\nthat a deal was near.", "More."]
        );
    }

    #[test]
    fn sentence_starting_with_by_is_not_a_byline() {
        check(
            "Title\nBy VLADIMIR ISACHENKOV and MATTHEW LEE, Associated Press\nBy Monday, the talks\nhad collapsed.",
            &["Title", "By VLADIMIR ISACHENKOV and MATTHEW LEE, Associated Press", "By Monday, the talks\nhad collapsed."],
        );
    }

    #[test]
    fn crlf_bom_nbsp_tabs_zero_width() {
        check(
            "\u{FEFF}Title\r\n\r\n  First\u{A0}para\tgraph.\u{200B}  \r\nsecond line\r\n\r\n\tLast.\r\n",
            &["Title", "First para graph.\nsecond line", "Last."],
        );
    }

    #[test]
    fn offset_map_round_trip() {
        let raw = "\u{FEFF}Save Story\r\nHeadline here\r\n\r\nBEIRUT (AP) — Caf\u{E9}\u{A0}owners\u{A0}said.\r\n\r\nTweet\n\n\u{200B}Another paragraph — with dashes.\n";
        let doc = clean(raw);
        check_map(raw, &doc);
        assert_eq!(doc.body, "Headline here\n\nBEIRUT (AP) — Caf\u{E9} owners said.\n\nAnother paragraph — with dashes.");
        let at = doc.body.find("owners").unwrap();
        assert_eq!(&raw[doc.raw_offset(at).unwrap()..][..6], "owners");
        let skipped = doc.paragraphs[1].skip("BEIRUT (AP) — ".len());
        assert_eq!(skipped.text, "Caf\u{E9} owners said.");
        for &(t, r, len) in &skipped.segs {
            assert_eq!(&skipped.text[t..t + len], &raw[r..r + len]);
        }
    }

    #[test]
    fn dropped_lines_are_recorded() {
        let doc = clean("Title\n\nPosted Aug. 29, 2016 at 9:14 a.m.\n\nText.");
        assert_eq!(doc.dropped.len(), 1);
        assert_eq!(doc.dropped[0].rule, "date_posted");
        assert_eq!(doc.dropped[0].raw_start, 7);
    }
}
