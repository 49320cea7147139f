//! Frames and stance: which proposition a claim is about (agreement, ceasefire, responsibility ...) and whether it asserts or denies it.
//!
//! All vocabulary is data in `src/data/`: `frames.tsv` (frame rules with weights and polarity),
//! `negations.tsv` (negators and per-frame antonym triggers), `hedges.tsv` (modality, some of
//! which imply a frame: "nothing to announce" is a weak denial of an agreement) and
//! `figures.tsv` (quantity words for numbers). Everything is compiled once.
//!
//! The frame with the most rule weight wins (ties go to the frame listed first). Its strongest
//! polar rule gives the polarity, flipped by an odd number of negators in the clause just before
//! the match or inside it. Responsibility rules that assert an attack need a perpetrator named
//! by the gazetteer; `target` is that actor's side (a military code becomes the government's:
//! "Russian jets struck the convoy" -> RUSGOV).

use once_cell::sync::Lazy;
use regex::{bytes, Regex};
use std::collections::HashMap;

mod heads;

use crate::extract::actors;
use crate::model::{ActorMention, Figure, Span, Stance};

use crate::data::{FIGURES, FIGURE_BLOCKERS, FRAMES, HEDGES, NEGATIONS};

pub use super::frame_flags::{flags, FrameFlags};

/// Text before a hedge that ends in "<determiner> <noun> that|which [up to two words]", the
/// noun with an "of" phrase of one or two words or not ("a violation of international law that
/// would be met with …"), or in ", which [up to two words]": the hedge sits in a relative
/// clause ("a deal that would let aid in", "the truce, which could collapse") and governs
/// nothing else.
static RELATIVE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    regex::Regex::new(
        r"(?:\b(?:a|an|the|any|this|that|its|their|such|new)\s+[\w-]+(?:\s+of\s+(?:[\w-]+\s+)?[\w-]+)?\s+(?:that|which)|,\s*which)\s+(?:[\w-]+\s+){0,2}$",
    )
    .expect("valid regex")
});

/// Whether `head` (lower case) ends in a relative clause ([`RELATIVE_BEFORE`]) whose noun
/// phrase holds no verb of saying or thinking: "the head of state said that it would" and "a
/// lot of us feel that it could" are the claim's own modal.
fn relative_before(head: &str) -> bool {
    RELATIVE_BEFORE.find(head).is_some_and(|m| {
        // only the noun phrase before "that"/"which": the clause after it may think ("the
        // bill that he thought would …" is a relative clause still)
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        let phrase = words
            .iter()
            .rposition(|w| matches!(*w, "that" | "which" | ",which"))
            .map_or(&words[..], |k| &words[..k]);
        !phrase
            .iter()
            .any(|w| crate::extract::claims::speech_verb(w) || THINKING.contains(w))
    })
}

/// Verbs of thinking that may end a noun phrase's "of" words before "that" ("a lot of us
/// feel that"): a that-clause after them is the claim, not a relative clause.
const THINKING: &[&str] = &[
    "feel", "feels", "felt", "think", "thinks", "thought", "believe", "believes", "believed",
    "know", "knows", "knew", "hope", "hopes", "hoped", "fear", "fears", "feared",
];

/// Text before a hedge that opens with a noun taking a that-complement (`hedges.tsv` rows of
/// frame `complement`: "skepticism that the two sides could reach a deal"): the hedge sits in
/// the noun's complement, which runs to the end of the content, and hedges nothing of the
/// claim's own position.
static COMPLEMENT_BEFORE: Lazy<Option<Regex>> = Lazy::new(|| {
    let nouns: Vec<&str> = (HEDGES.rows().iter())
        .filter(|r| r.col(1).trim() == COMPLEMENT)
        .map(|r| r.col(0).trim())
        .collect();
    (!nouns.is_empty()).then(|| ci(&format!(r"\b(?:{})\s+that\b", nouns.join("|"))))
});

/// The `hedges.tsv` frame of a noun whose that-complement a modal cannot hedge the claim from.
const COMPLEMENT: &str = "complement";

/// Text before a modal that puts it under "no way" / "no chance" in the same clause.
static NEGATED_BEFORE: Lazy<Regex> = Lazy::new(|| {
    regex::Regex::new(r"\bno (?:way|chance|possibility)\b[^,.;:!?]{0,60}$").expect("valid regex")
});

/// How a piece of text reads: the proposition it is about and its stance towards it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    pub frame: Option<String>,
    pub polarity: Stance,
    pub hedge: Option<String>,
    pub target: Option<String>,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    None,
    Before,
    After,
    /// Only a passive agent after the trigger: "violations by the regime".
    By,
}

#[derive(Debug)]
struct Rule {
    frame: String,
    polarity: Stance,
    weight: u32,
    target: Target,
    re: Regex,
    /// `re` split at its first gap: the part before it, and the rest after it.
    split: Option<(Regex, Rest)>,
}

/// What follows a split rule's head: a gap, then the tail.
#[derive(Debug)]
enum Rest {
    /// The whole rest, gap included, anchored after one char of context (`^(?s:.)`, so a
    /// leading `\b` still sees the char before it).
    Anchored(Regex),
    /// A lazy gap of at most `max` chars none of which is in `stops` (`[^.,;:!?]{0,40}?`),
    /// then `tail`: the tail's leftmost match after the head, if it starts inside the
    /// window. The counted gap is not in any regex, so the tail's lazy DFA stays small.
    Window {
        stops: String,
        max: usize,
        tail: Regex,
        /// `tail` for ASCII texts ([`ascii_twin`]).
        tail_ascii: Option<bytes::Regex>,
    },
}

/// `re` compiled without Unicode, for texts that are all ASCII. There the matches are the
/// same (`\w`, `\s`, `\d` and negated classes meet only ASCII chars, the patterns have no
/// case folding and their `\b` is ASCII already), and the lazy DFA is much smaller: no UTF-8
/// automata for the classes, fewer byte classes, so its tables stay in the CPU caches.
/// `None` when the pattern needs Unicode.
fn ascii_twin(re: &Regex) -> Option<bytes::Regex> {
    bytes::RegexBuilder::new(re.as_str())
        .unicode(false)
        .dfa_size_limit(32 << 20)
        .build()
        .ok()
}

impl Rest {
    /// The end of the rest's match when it starts right at `at` (the end of a head match),
    /// with the head's last char before `at` as context.
    fn end_after(&self, lc: &str, ascii: bool, at: usize) -> Option<usize> {
        match self {
            Rest::Anchored(rest) => {
                let ctx = lc[..at].char_indices().next_back().map_or(0, |(i, _)| i);
                rest.find(&lc[ctx..]).map(|r| ctx + r.end())
            }
            Rest::Window {
                stops,
                max,
                tail,
                tail_ascii,
            } => {
                // The lazy gap takes as few chars as it can: the first start from which the
                // tail matches wins, which is the tail's leftmost match.
                let m = match tail_ascii.as_ref().filter(|_| ascii) {
                    Some(t) => t
                        .find_at(lc.as_bytes(), at)
                        .map(|m| Span::new(m.start(), m.end())),
                    None => tail.find_at(lc, at).map(|m| Span::new(m.start(), m.end())),
                }?;
                let mut last = at;
                for (n, c) in lc[at..].chars().enumerate() {
                    if last >= m.start || n == *max || stops.contains(c) {
                        break;
                    }
                    last += c.len_utf8();
                }
                (m.start <= last).then_some(m.end)
            }
        }
    }
}

impl Rule {
    /// The regex whose matches [`Rule::find_after_heads`] starts from: the part before the
    /// gap of a split rule, the whole pattern otherwise.
    fn head(&self) -> &Regex {
        self.split.as_ref().map_or(&self.re, |(h, _)| h)
    }

    /// Leftmost-first, non-overlapping matches of `re` in `lc`.
    #[cfg(test)]
    fn find_all(&self, lc: &str, out: &mut Vec<Span>) {
        let heads: Vec<Span> = (self.head().find_iter(lc))
            .map(|m| Span::new(m.start(), m.end()))
            .collect();
        self.find_after_heads(lc, lc.is_ascii(), &heads, out);
    }

    /// Leftmost-first, non-overlapping matches of `re` in `lc`, given the matches of
    /// [`Rule::head`] there (rules that share a head share them). A gap (`{0,40}` between
    /// two big alternations) makes an unanchored lazy DFA meet new states on nearly every
    /// text, so split rules find the head first and try the rest after it.
    fn find_after_heads(&self, lc: &str, ascii: bool, heads: &[Span], out: &mut Vec<Span>) {
        out.clear();
        let Some((_, rest)) = &self.split else {
            out.extend_from_slice(heads);
            return;
        };
        let mut from = 0;
        for m in heads {
            if m.start < from || m.is_empty() {
                continue;
            }
            if let Some(end) = rest.end_after(lc, ascii, m.end) {
                out.push(Span::new(m.start, end));
                from = end;
            }
        }
    }
}

/// Split a rule pattern (before macro expansion) at its first `{GAP}` or `{SGAP}` when the
/// part before it is a whole top-level sequence (no open group, no top-level `|`).
fn split_at_gap(pattern: &str) -> Option<(&str, &str)> {
    let at = ["{GAP}", "{SGAP}"]
        .iter()
        .filter_map(|g| pattern.find(g))
        .min()?;
    let head = &pattern[..at];
    (is_sequence(head) && !head.is_empty()).then_some((head, &pattern[at..]))
}

/// True when `pattern` is one top-level sequence: its groups and classes close and it has no
/// top-level `|`.
fn is_sequence(pattern: &str) -> bool {
    let (mut depth, mut escaped) = (0i32, false);
    for c in pattern.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '|' if depth == 0 => return false,
            _ => {}
        }
    }
    depth == 0
}

/// A gap macro's body as (stop chars, most chars) when it is a lazy window of plain
/// punctuation stops, `[^.,;:!?]{0,40}?`; anything else is compiled as it is.
fn window_gap(body: &str) -> Option<(String, usize)> {
    let (stops, count) = body.strip_prefix("[^")?.split_once("]{0,")?;
    let max = count.strip_suffix("}?")?.parse().ok()?;
    let plain = |c: char| c.is_ascii_punctuation() && !matches!(c, '\\' | '[' | ']' | '^' | '-');
    (!stops.is_empty() && stops.chars().all(plain)).then(|| (stops.to_string(), max))
}

#[derive(Debug)]
struct Hedge {
    re: Regex,
    frame: Option<String>,
    polarity: Option<Stance>,
}

#[derive(Debug)]
struct Lexicon {
    rules: Vec<Rule>,
    /// The rules' distinct heads ([`Rule::head`]): several rules open with the same
    /// `\b{DEAL}\b` or `\b{TRUCE}\b`, which is searched once per text.
    heads: Vec<Regex>,
    /// Each rule's index in `heads`.
    head_of: Vec<usize>,
    /// The heads' prefix literals in one automaton: which rules can fire at all, and where.
    head_finder: heads::Heads,
    /// The hedges' prefix literals: which hedges can match, and where.
    hedge_finder: heads::Heads,
    /// Frames in file order, for tie-breaking.
    order: Vec<String>,
    negator: Regex,
    /// Negators that scope over the rest of the sentence: "we reject the claim that".
    wide_negator: Regex,
    /// Conditional, purpose and time clause openers: a polar trigger in their clause states
    /// no stance ("if the truce holds", "waiting for a truce", "since the truce took effect").
    conditional: Regex,
    hedges: Vec<Hedge>,
    /// (pattern, quantity, weak): weak quantities are a fallback.
    quantities: Vec<(Regex, String, bool)>,
    /// Each frame's antonym triggers as one regex.
    antonyms: HashMap<String, Regex>,
}

/// Patterns run on ASCII-lowercased text (same byte offsets), so they are lowercased here
/// (escapes such as `\W` kept) instead of using `(?i)`, and use ASCII word boundaries: both
/// keep the regex crate's literal prefilters and DFAs usable.
fn ci_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut escaped = false;
    for c in pattern.chars() {
        if escaped {
            out.push(c);
            escaped = false;
        } else {
            escaped = c == '\\';
            out.push(c.to_ascii_lowercase());
        }
    }
    out.replace(r"\b", r"(?-u:\b)")
}

fn ci(pattern: &str) -> Regex {
    Regex::new(&ci_pattern(pattern))
        .unwrap_or_else(|e| panic!("bad lexicon pattern {pattern:?}: {e}"))
}

/// A frame rule: the `{GAP}` windows between big alternations make many lazy-DFA states,
/// and with the default 2 MB cache the DFA was cleared and rebuilt on every few texts
/// (determinization was a third of `classify`'s time). A larger cache keeps the states.
fn ci_rule(pattern: &str) -> Regex {
    regex::RegexBuilder::new(&ci_pattern(pattern))
        .dfa_size_limit(32 << 20)
        .build()
        .unwrap_or_else(|e| panic!("bad lexicon pattern {pattern:?}: {e}"))
}

/// Alternation of phrases, longest first so "no longer" wins over "no".
fn alternation(mut items: Vec<String>) -> String {
    items.sort_by_key(|s| std::cmp::Reverse(s.len()));
    items.join("|")
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let negations = negation_rules();
    let (rules, order) = frame_rules(&negations.antonyms);
    let mut heads: Vec<Regex> = Vec::new();
    let head_of = (rules.iter())
        .map(|r| {
            let head = r.head();
            heads
                .iter()
                .position(|h| h.as_str() == head.as_str())
                .unwrap_or_else(|| {
                    heads.push(head.clone());
                    heads.len() - 1
                })
        })
        .collect();
    let head_finder = heads::Heads::new(&heads);
    let (hedge_finder, hedges) = hedge_rules();
    Lexicon {
        antonyms: antonym_map(&order, &negations.antonyms),
        hedge_finder,
        heads,
        head_of,
        head_finder,
        rules,
        order,
        negator: negations.negator,
        wide_negator: negations.wide_negator,
        conditional: negations.conditional,
        hedges,
        quantities: quantity_rules(),
    }
});

/// What `negations.tsv` compiles to: the negator, wide-negator and conditional regexes, and
/// the (frame, pattern) antonym triggers.
struct Negations {
    negator: Regex,
    wide_negator: Regex,
    conditional: Regex,
    antonyms: Vec<(String, String)>,
}

fn negation_rules() -> Negations {
    let mut negators = Vec::new();
    let mut wide = Vec::new();
    let mut conds = Vec::new();
    let mut antonyms: Vec<(String, String)> = Vec::new();
    for row in NEGATIONS.rows() {
        let p = row.col(1).trim().to_string();
        match row.col(0) {
            "neg" => negators.push(p),
            "wide" => wide.push(p),
            "cond" => conds.push(p),
            "ant" => antonyms.push((p, row.col(2).trim().to_string())),
            other => panic!("{}:{}: unknown kind {other:?}", NEGATIONS.file, row.line),
        }
    }
    // "n't" has no word boundary before it.
    let (nt, words): (Vec<String>, Vec<String>) =
        negators.into_iter().partition(|n| n.starts_with("n'"));
    let mut neg = format!(r"\b(?:{})\b", alternation(words));
    if !nt.is_empty() {
        neg.push_str(r"|n['’]t\b");
    }
    Negations {
        negator: ci(&neg),
        wide_negator: ci(&format!(r"\b(?:{})\b", alternation(wide))),
        conditional: ci(&format!(r"\b(?:{})\b", alternation(conds))),
        antonyms,
    }
}

/// The antonym patterns of `frame`.
fn antonyms_of(antonyms: &[(String, String)], frame: &str) -> Vec<String> {
    antonyms
        .iter()
        .filter(|(f, _)| f == frame)
        .map(|(_, p)| p.clone())
        .collect()
}

/// The rules of `frames.tsv` with macros and `{ANT}` expanded, and the frames in file order.
fn frame_rules(antonyms: &[(String, String)]) -> (Vec<Rule>, Vec<String>) {
    let mut macros: Vec<(String, String)> = vec![
        ("GAP".into(), r"[^.;:!?]{0,40}?".into()),
        ("SGAP".into(), r"[^.;:!?]{0,20}?".into()),
    ];
    let mut rules = Vec::new();
    let mut order: Vec<String> = Vec::new();
    for row in FRAMES.rows() {
        if let Some(name) = row.col(0).strip_prefix('@') {
            macros.retain(|(n, _)| n != name);
            macros.push((name.to_string(), row.col(1).trim().to_string()));
            continue;
        }
        if row.cols.len() < 5 {
            panic!("{}:{}: a rule needs 5 columns", FRAMES.file, row.line);
        }
        let frame = row.col(0).trim().to_string();
        let ant = format!(r"\b(?:{})\b", alternation(antonyms_of(antonyms, &frame)));
        let expand = |p: &str| {
            let mut p = p.replace("{ANT}", &ant);
            for (name, body) in &macros {
                p = p.replace(&format!("{{{name}}}"), &format!("(?:{body})"));
            }
            p
        };
        let raw = row.col(4).trim();
        let pattern = expand(raw);
        let split = split_at_gap(raw)
            .map(|(head, rest)| (ci_rule(&expand(head)), split_rest(rest, &macros, expand)));
        if !order.contains(&frame) {
            order.push(frame.clone());
        }
        rules.push(Rule {
            frame,
            polarity: row
                .col(1)
                .trim()
                .parse()
                .ok()
                .and_then(Stance::from_i8)
                .unwrap_or_default(),
            weight: row.col(2).trim().parse().unwrap_or(1),
            target: match row.col(3).trim() {
                "before" => Target::Before,
                "after" => Target::After,
                "by" => Target::By,
                _ => Target::None,
            },
            re: ci_rule(&pattern),
            split,
        });
    }
    (rules, order)
}

/// The rest of a split rule (it opens with `{GAP}` or `{SGAP}`): a window and the tail when
/// the gap is a plain lazy window and the tail a whole sequence, else the anchored rest.
fn split_rest(rest: &str, macros: &[(String, String)], expand: impl Fn(&str) -> String) -> Rest {
    let anchored = || Rest::Anchored(ci_rule(&format!("^(?s:.)(?:{})", expand(rest))));
    let Some((name, tail)) = rest[1..].split_once('}') else {
        return anchored();
    };
    let gap = macros.iter().rev().find(|(n, _)| n == name);
    match gap.and_then(|(_, body)| window_gap(body)) {
        Some((stops, max))
            if is_sequence(tail) && !tail.is_empty() && !tail.starts_with(['?', '*', '+', '{']) =>
        {
            let tail = ci_rule(&expand(tail));
            Rest::Window {
                stops,
                max,
                tail_ascii: ascii_twin(&tail),
                tail,
            }
        }
        _ => anchored(),
    }
}

/// A speech verb after "would like to": the courtesy that opens a statement ("we would like
/// to stress that …").
static COURTESY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^ like to (?:stress|say|note|emphasi[sz]e|underline|underscore|reiterate|point out|remind|make (?:it )?clear|clarify|recall|repeat|state|confirm|inform)\b")
        .expect("valid regex")
});

/// The hedges of `hedges.tsv`, and their prefix literals in one automaton.
fn hedge_rules() -> (heads::Heads, Vec<Hedge>) {
    let hedges: Vec<Hedge> = (HEDGES.rows().iter())
        .filter(|r| r.col(1).trim() != COMPLEMENT)
        .map(|r| Hedge {
            re: ci(&format!(r"\b(?:{})\b", r.col(0).trim())),
            frame: Some(r.col(1).trim())
                .filter(|f| *f != "-")
                .map(str::to_string),
            polarity: r.col(2).trim().parse().ok().and_then(Stance::from_i8),
        })
        .collect();
    let res: Vec<Regex> = hedges.iter().map(|h| h.re.clone()).collect();
    (heads::Heads::new(&res), hedges)
}

/// The quantity words of `figures.tsv`: (pattern, quantity, weak).
fn quantity_rules() -> Vec<(Regex, String, bool)> {
    FIGURES
        .rows()
        .iter()
        .map(|r| {
            (
                ci(&format!(r"\b(?:{})\b", r.col(0).trim())),
                r.col(1).trim().to_string(),
                r.col(2).trim() == "weak",
            )
        })
        .collect()
}

/// Each frame's antonym triggers as one regex (frames without any have none).
fn antonym_map(order: &[String], antonyms: &[(String, String)]) -> HashMap<String, Regex> {
    let mut ant_map = HashMap::new();
    for frame in order {
        let ants = antonyms_of(antonyms, frame);
        if !ants.is_empty() {
            ant_map.insert(
                frame.clone(),
                ci(&format!(r"\b(?:{})\b", alternation(ants))),
            );
        }
    }
    ant_map
}

/// Classify `content` (absolute offset `offset` in the body, for figure spans).
pub fn classify(content: &str, offset: usize) -> Reading {
    let lex = &*LEXICON;
    let lc = content.to_ascii_lowercase();
    let figures = figures_lc(&lc, offset);
    let fired = fire_rules(lex, content, &lc);
    let best = best_frame(lex, &fired);
    let mut reading = Reading {
        figures,
        ..Reading::default()
    };
    if let Some((frame, _)) = best {
        reading.frame = Some(frame.to_string());
        // Strongest polar rule, earliest on ties.
        let polar = fired
            .iter()
            .filter(|(r, _, _)| r.frame == frame && !r.polarity.is_neutral())
            .min_by_key(|(r, s, _)| (std::cmp::Reverse(r.weight), s.start));
        if let Some((rule, span, perp)) = polar {
            let flips = negations(&lc, *span, lex.antonyms.get(frame));
            reading.polarity = if flips % 2 == 1 {
                -rule.polarity
            } else {
                rule.polarity
            };
            reading.target = perp.clone();
        }
    }
    apply_hedge(lex, content, &lc, &mut reading);
    reading
}

/// A rule that fired: the rule, its match and the perpetrator it names.
type Fired<'l> = (&'l Rule, Span, Option<String>);

/// Every rule that fires on `lc` (the lowercased `content`), grouped by rule: polar triggers in
/// conditional clauses and responsibility claims with no perpetrator left out.
fn fire_rules<'l>(lex: &'l Lexicon, content: &str, lc: &str) -> Vec<Fired<'l>> {
    let mut mentions: Option<Vec<ActorMention>> = None;
    // Where conditional, purpose and time clauses open ("if", "as soon as", "since"): found
    // the first time a polar rule fires, as most texts have none.
    let mut conds: Option<Vec<usize>> = None;
    let find_conds = || -> Vec<usize> {
        lex.conditional
            .find_iter(lc)
            .filter(|m| {
                let head = &lc[..m.start()];
                !(m.as_str() == "if" && (head.ends_with("as ") || head.ends_with("even ")))
            })
            .map(|m| m.end())
            .collect()
    };

    // (rule, match span, perpetrator) for every rule that fires.
    let mut fired: Vec<(&Rule, Span, Option<String>)> = Vec::new();
    let mut spans = Vec::new();
    // ASCII texts (most claims) take the regexes compiled without Unicode: same matches.
    let ascii = lc.is_ascii();
    // Where each head can start (its prefix literals); heads without any cannot match.
    let starts = lex.head_finder.candidates(lc);
    // Each head's matches, searched when the first rule with that head runs.
    let mut head_spans: Vec<Option<Vec<Span>>> = vec![None; lex.heads.len()];
    for (rule, &h) in lex.rules.iter().zip(&lex.head_of) {
        let always = lex.head_finder.always[h];
        if !always && starts[h].is_empty() {
            continue;
        }
        let heads = head_spans[h].get_or_insert_with(|| {
            lex.head_finder
                .matches(h, &lex.heads[h], lc, ascii, &starts[h])
        });
        rule.find_after_heads(lc, ascii, heads, &mut spans);
        for &span in &spans {
            // A polar trigger inside a conditional clause states no stance; the topic stays.
            if !rule.polarity.is_neutral()
                && in_conditional(lc, conds.get_or_insert_with(find_conds), span)
            {
                continue;
            }
            let perp = match rule.target {
                Target::None => None,
                Target::By => perpetrator_by(
                    content,
                    span,
                    mentions.get_or_insert_with(|| actors::find(content, actors::builtin_ref())),
                ),
                Target::Before => perpetrator_before(
                    content,
                    span,
                    mentions.get_or_insert_with(|| actors::find(content, actors::builtin_ref())),
                ),
                Target::After => perpetrator_after(
                    content,
                    span,
                    mentions.get_or_insert_with(|| actors::find(content, actors::builtin_ref())),
                ),
            };
            // An attack verb is a responsibility claim only with a named perpetrator, or "we".
            if rule.polarity == Stance::Asserts
                && perp.is_none()
                && flags(&rule.frame).blame
                && !first_person_before(lc, span)
            {
                continue;
            }
            fired.push((rule, span, perp));
        }
    }
    fired
}

/// The frame with the most rule weight (each rule once), ties to the frame listed first.
fn best_frame<'l>(lex: &'l Lexicon, fired: &[Fired]) -> Option<(&'l str, u32)> {
    let mut best: Option<(&str, u32)> = None;
    for frame in &lex.order {
        // Each rule counts once, however often it fires (`fired` is grouped by rule).
        let mut score = 0;
        let mut last: Option<&Rule> = None;
        for (r, _, _) in fired.iter().filter(|(r, _, _)| &r.frame == frame) {
            if !last.is_some_and(|l| std::ptr::eq(l, *r)) {
                score += r.weight;
            }
            last = Some(r);
        }
        if score > 0 && best.is_none_or(|(_, b)| score > b) {
            best = Some((frame, score));
        }
    }
    best
}

/// Hedges: the first that implies a frame wins, else the earliest. It may set the frame and
/// polarity when the rules left them open.
fn apply_hedge(lex: &Lexicon, content: &str, lc: &str, reading: &mut Reading) {
    let mut hedge: Option<(usize, &Hedge, String)> = None;
    let ascii = lc.is_ascii();
    let starts = lex.hedge_finder.candidates(lc);
    for (i, h) in lex.hedges.iter().enumerate() {
        for m in lex.hedge_finder.matches(i, &h.re, lc, ascii, &starts[i]) {
            let word = &content[m.start..m.end];
            // "May" the month is no hedge, nor is "as if".
            if word.eq_ignore_ascii_case("may") && word.starts_with('M') && m.start > 0 {
                continue;
            }
            if word.eq_ignore_ascii_case("if")
                && (lc[..m.start].ends_with("as ") || lc[..m.start].ends_with("even "))
            {
                continue;
            }
            // "We would like to stress that …", "I would like to say": a courtesy that
            // introduces the statement, not a doubt about it ("we would like to reach a deal"
            // is a wish, and stays hedged).
            if word.eq_ignore_ascii_case("would") && COURTESY.is_match(&lc[m.end..]) {
                continue;
            }
            // A modal inside a relative clause or a noun's complement hedges that noun, not
            // the claim: "edging closer to an agreement that would help calm the city".
            if relative_before(&lc[..m.start])
                || COMPLEMENT_BEFORE
                    .as_ref()
                    .is_some_and(|re| re.is_match(&lc[..m.start]))
            {
                continue;
            }
            // "There is no way anything like that could have come from us": a modal under
            // "no way" is certainty, not doubt.
            if NEGATED_BEFORE.is_match(&lc[..m.start]) {
                continue;
            }
            let better = match &hedge {
                None => true,
                Some((pos, cur, _)) => {
                    (h.frame.is_some() && cur.frame.is_none())
                        || (h.frame.is_some() == cur.frame.is_some() && m.start < *pos)
                }
            };
            if better {
                hedge = Some((m.start, h, word.to_string()));
            }
            break;
        }
    }
    if let Some((_, h, word)) = hedge {
        reading.hedge = Some(word.to_lowercase());
        if let Some(f) = &h.frame {
            let same = reading.frame.as_deref() == Some(f.as_str());
            if reading.frame.is_none() || (same && reading.polarity.is_neutral()) {
                reading.frame = Some(f.clone());
                if let Some(p) = h.polarity {
                    reading.polarity = p;
                }
            }
        }
    }
}

/// True when `span` sits in a clause opened by a conditional marker (ending at one of
/// `conds`): no clause break between the marker and the trigger.
fn in_conditional(lc: &str, conds: &[usize], span: Span) -> bool {
    conds
        .iter()
        .any(|&e| e <= span.start && !lc[e..span.start].contains([',', ';', ':', '.', '!', '?']))
}

/// Byte just after the last sentence or clause break in `head`: `;` `!` `?`, `:` when
/// `clause`, `,` too when `clause`, and a full stop after a word that is not a
/// dotted abbreviation (so "U.S." does not end a sentence).
fn break_before(head: &str, clause: bool) -> usize {
    let b = head.as_bytes();
    for (i, c) in head.char_indices().rev() {
        let hit = match c {
            ';' | '!' | '?' => true,
            ':' | ',' => clause,
            '.' => {
                i > 0
                    && b[i - 1].is_ascii_alphanumeric()
                    && !(i > 1 && b[i - 2] == b'.')
                    && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
            }
            _ => false,
        };
        if hit {
            return i + c.len_utf8();
        }
    }
    0
}

/// Number of negators (in lowercased `content`) before `span` in its clause (up to six words back) and inside it.
fn negations(content: &str, span: Span, ants: Option<&Regex>) -> usize {
    let head = &content[..span.start];
    let clause_start = break_before(head, true);
    let mut start = span.start;
    let mut words = 0;
    for (i, c) in head[clause_start..].char_indices().rev() {
        if c.is_whitespace() {
            words += 1;
            if words > 6 {
                break;
            }
        }
        start = clause_start + i;
    }
    // A "but"/"however" inside that window starts a new clause.
    let window = &content[start..span.end];
    let window_start = ["but ", "however "]
        .iter()
        .filter_map(|w| window.rfind(w).map(|i| i + w.len()))
        .filter(|&i| start + i <= span.start)
        .max()
        .unwrap_or(0);
    let window = &window[window_start..];
    // Negators that are part of an antonym ("nothing to do with") are not negations.
    let ants: Vec<(usize, usize)> = ants
        .map(|re| re.find_iter(window).map(|m| (m.start(), m.end())).collect())
        .unwrap_or_default();
    let sentence = &content[break_before(&content[..span.start], false)..span.start];
    LEXICON
        .negator
        .find_iter(window)
        .filter(|m| !ants.iter().any(|&(s, e)| s <= m.start() && m.end() <= e))
        .count()
        + LEXICON.wide_negator.find_iter(sentence).count()
}

/// True when "we"/"our"/"us" opens the sentence part before `span` ("We did not target ..."),
/// as the doer: "our boats were rammed and then fired on" (a passive after it) makes the
/// speaker's side the one acted on.
fn first_person_before(lc: &str, span: Span) -> bool {
    let head = &lc[break_before(&lc[..span.start], false)..span.start];
    let words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words
        .iter()
        .rposition(|w| matches!(*w, "we" | "our" | "us" | "i"))
    else {
        return false;
    };
    let aux = words[first + 1..]
        .iter()
        .any(|w| matches!(*w, "was" | "were" | "been" | "being" | "is" | "are"));
    let verb = lc[span.start..span.end]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let participle = verb.ends_with("ed")
        || verb.ends_with("en")
        || matches!(verb, "shot" | "hit" | "struck" | "held" | "seen");
    !(aux && participle)
}

/// Side code of a mention: a military or government body speaks for its government.
fn side(m: &ActorMention) -> Option<String> {
    if m.code == actors::UNKNOWN_CODE {
        return None;
    }
    Some(match m.code.strip_suffix("MIL") {
        Some(iso) if iso.len() == 3 => format!("{iso}GOV"),
        _ => m.code.clone(),
    })
}

fn perpetrator_before(content: &str, span: Span, mentions: &[ActorMention]) -> Option<String> {
    if let Some(by) = perpetrator_by(content, span, mentions) {
        return Some(by);
    }
    // Active: the last actor before the trigger in the same sentence, or the first of a
    // coordinated subject ("Russian and Syrian aircraft" -> Russian).
    let head = &content[..span.start];
    let sentence_start = break_before(head, false);
    let mut i = mentions
        .iter()
        .rposition(|m| m.span.start < span.start && m.span.start >= sentence_start)?;
    while i > 0 {
        let gap = content
            .get(mentions[i - 1].span.end..mentions[i].span.start)
            .unwrap_or("x")
            .trim();
        if matches!(gap, "and" | "or" | "," | "and the" | "or the")
            && mentions[i - 1].span.start >= sentence_start
        {
            i -= 1;
        } else {
            break;
        }
    }
    side(&mentions[i])
}

/// Passive agent: "... struck by Russian jets", "air strikes by government forces".
fn perpetrator_by(content: &str, span: Span, mentions: &[ActorMention]) -> Option<String> {
    let tail = &content[span.start..];
    let mut limit = tail
        .find(['.', ';', ':', '!', '?'])
        .unwrap_or(tail.len())
        .min(span.len() + 60);
    while !tail.is_char_boundary(limit) {
        limit -= 1;
    }
    if let Some(by) = tail[..limit].find(" by ") {
        let at = span.start + by + 4;
        if let Some(m) = mentions
            .iter()
            .find(|m| m.span.start >= at && m.span.start <= at + 12)
        {
            return side(m);
        }
    }
    None
}

fn perpetrator_after(content: &str, span: Span, mentions: &[ActorMention]) -> Option<String> {
    let tail = &content[span.end..];
    let limit = tail
        .find(['.', ';', '!', '?'])
        .unwrap_or(tail.len())
        .min(40);
    mentions
        .iter()
        .find(|m| m.span.start >= span.end && m.span.start <= span.end + limit)
        .and_then(side)
}

static NUMBER: Lazy<Regex> = Lazy::new(|| {
    let units = "one|two|three|four|five|six|seven|eight|nine";
    let words = "a dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred";
    ci(&format!(
        r"\b(?:(?:at least|more than|over|about|around|nearly|almost|some|up to|roughly|approximately|an estimated|as many as)\s+)?(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{words})(?:[- ](?:{units})\b)?)(?:\s+(hundred|thousand|million))?\b"
    ))
});

fn word_value(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    let v = match w.as_str() {
        "a dozen" => 12,
        "a hundred" | "one hundred" => 100,
        // "a"/"an" count one in a duration ("a week"), not as a figure.
        "a" | "an" => return None,
        other => match crate::extract::timex::small_number(other) {
            Some(n) => n,
            None => {
                let (tens, unit) = w.split_once(['-', ' '])?;
                return Some(word_value(tens)? + word_value(unit)?);
            }
        },
    };
    Some(f64::from(v))
}

/// Words that make the number after them no figure: months, "resolution", "no" (`figure_blockers.tsv`).
static FIGURE_BLOCKER_WORDS: Lazy<Vec<&'static str>> =
    Lazy::new(|| FIGURE_BLOCKERS.rows().iter().map(|r| r.col(0)).collect());

/// Numbers with the quantity they count: "at least 20 people were killed" -> killed 20.
pub fn figures(content: &str, offset: usize) -> Vec<Figure> {
    figures_lc(&content.to_ascii_lowercase(), offset)
}

/// [`figures`] of ASCII-lowercased text.
fn figures_lc(content: &str, offset: usize) -> Vec<Figure> {
    let lex = &*LEXICON;
    let numbers: Vec<regex::Captures> = NUMBER.captures_iter(content).collect();
    let mut out = Vec::new();
    for (k, cap) in numbers.iter().enumerate() {
        let whole = cap.get(0).unwrap();
        let num = cap.get(1).unwrap();
        let raw = num.as_str();
        let head = &content[..whole.start()];
        let prev_word = head
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if FIGURE_BLOCKER_WORDS.contains(&prev_word.as_str()) {
            continue;
        }
        let rest = &content[whole.end()..];
        // The tests below read at most 7 bytes: lowercase a short prefix, not the whole rest
        // of the content once per number.
        let rest_l = rest
            .trim_start()
            .chars()
            .take(16)
            .collect::<String>()
            .to_lowercase();
        if [
            "percent", "%", "a.m.", "p.m.", "o'clock", "km", "kilomet", "mile", "hour", "day",
            "week", "month", "year",
        ]
        .iter()
        .any(|s| rest_l.starts_with(s))
        {
            continue;
        }
        // "including 10 children": a part of a figure already counted.
        if matches!(prev_word.as_str(), "including" | "incl" | "among")
            || head.trim_end().ends_with("among them")
        {
            continue;
        }
        if raw.eq_ignore_ascii_case("one")
            && (rest_l.starts_with("of ") || rest_l.starts_with("another"))
        {
            continue;
        }
        if raw.eq_ignore_ascii_case("one")
            && matches!(
                prev_word.as_str(),
                "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which"
            )
        {
            continue;
        }
        let mut value = if raw.starts_with(|c: char| c.is_ascii_digit()) {
            match raw.replace(',', "").parse::<f64>() {
                Ok(v) => v,
                Err(_) => continue,
            }
        } else {
            match word_value(raw) {
                Some(v) => v,
                None => continue,
            }
        };
        if let Some(mult) = cap.get(2) {
            value *= match mult.as_str().to_lowercase().as_str() {
                "hundred" => 100.0,
                "thousand" => 1_000.0,
                _ => 1_000_000.0,
            };
        }
        let quantity = quantity_near(content, &numbers, k, lex);
        if let Some(quantity) = quantity {
            out.push(Figure {
                quantity,
                value,
                span: Span::new(offset + whole.start(), offset + whole.end()),
            });
        }
    }
    out
}

/// The quantity number `k` of `numbers` counts: a quantity word just before it ("killing 12"),
/// else after it (eight words, up to the clause end or the next number that is not an
/// "including" part), else five words before when it counts times ("violated the truce 55
/// times"). Strong quantity words first in each window.
fn quantity_near(
    content: &str,
    numbers: &[regex::Captures],
    k: usize,
    lex: &Lexicon,
) -> Option<String> {
    let whole = numbers[k].get(0).unwrap();
    let head = &content[..whole.start()];
    let rest = &content[whole.end()..];
    let prev_end = k
        .checked_sub(1)
        .map(|p| numbers[p].get(0).unwrap().end())
        .unwrap_or(0);
    let clause_start = break_before(head, false).max(prev_end);
    let before = &content[clause_start..whole.start()];
    let next_num = numbers[k + 1..]
        .iter()
        .map(|c| c.get(0).unwrap().start())
        .find(|&st| {
            let h = content[..st].trim_end();
            !(h.ends_with("including") || h.ends_with("among them") || h.ends_with("among"))
        })
        .unwrap_or(content.len());
    let mut after_end = whole.end() + rest.find(['.', ';', ':', '!', '?']).unwrap_or(rest.len());
    after_end = after_end.min(next_num);
    let after = &content[whole.end()..after_end];
    let after = nth_word_prefix(after, 8);
    let before_near = last_words(before, 1);
    let times = after.trim_start().starts_with("times")
        || after.trim_start().starts_with("occasions")
        || after.trim_start().starts_with("instances")
        || after.trim().is_empty();
    let before_far = if times { last_words(before, 5) } else { "" };
    let find_last = |s: &str| -> Option<String> {
        [false, true].iter().find_map(|&weak| {
            lex.quantities
                .iter()
                .filter(|(_, _, w)| *w == weak)
                .filter_map(|(re, q, _)| re.find_iter(s).last().map(|m| (m.end(), q)))
                .max_by_key(|(e, _)| *e)
                .map(|(_, q)| q.clone())
        })
    };
    let find_first = |s: &str| -> Option<String> {
        [false, true].iter().find_map(|&weak| {
            lex.quantities
                .iter()
                .filter(|(_, _, w)| *w == weak)
                .filter_map(|(re, q, _)| re.find(s).map(|m| (m.start(), q)))
                .min_by_key(|(s, _)| *s)
                .map(|(_, q)| q.clone())
        })
    };
    find_last(before_near)
        .or_else(|| find_first(after))
        .or_else(|| find_last(before_far))
}

/// The first `n` words of `s`.
fn nth_word_prefix(s: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words >= n {
                    return &s[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s
}

/// The last `n` words of `s`.
fn last_words(s: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words >= n {
                    return &s[i..];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `expect`: "frame polarity [hedge=..] [target=..] [quantity=value ...]", or "- 0" for no frame.
    fn check(content: &str, expect: &str) -> Option<String> {
        let s = classify(content, 0);
        let mut got = format!(
            "{} {}",
            s.frame.as_deref().unwrap_or("-"),
            s.polarity.as_i8()
        );
        if let Some(h) = &s.hedge {
            got.push_str(&format!(" hedge={h}"));
        }
        if let Some(t) = &s.target {
            got.push_str(&format!(" target={t}"));
        }
        for f in &s.figures {
            got.push_str(&format!(" {}={}", f.quantity, f.value));
        }
        (got != expect).then(|| format!("{content:?}: got {got:?}, want {expect:?}"))
    }

    /// A modal inside the that-complement of a stance noun hedges the complement, not the
    /// claim; a modal of the claim's own predicate still does. Invented sentences.
    #[test]
    fn hedge_scope_of_noun_complements() {
        let cases: [(&str, Option<&str>); 7] = [
            ("skepticism that the two governments could settle the border dispute", None),
            ("doubts that the ferry operators would honour the new timetable", None),
            ("fears that the talks in Geneva might stall next week, and if so, that both delegations would leave", None),
            ("rejected the allegation that its coast guard could have rammed the trawler", None),
            ("the two governments could settle the border dispute", Some("could")),
            ("the ferry operators may have ignored the warning", Some("may")),
            ("the skepticism is unfounded and the port could reopen soon", Some("could")),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|(c, want)| {
                let got = classify(c, 0).hedge;
                (got.as_deref() != *want).then(|| format!("{c:?}: got {got:?}, want {want:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn stances() {
        let cases = [
            // The worked example.
            ("step by step, we are nearing an arrangement", "agreement 1"),
            ("no agreement is close", "agreement -1"),
            ("we have nothing to announce", "agreement -1 hedge=nothing to announce"),
            ("the truce is largely holding", "ceasefire 1"),
            ("rebels violated the ceasefire 55 times", "ceasefire -1 target=SYRREB violations=55"),
            ("the United States sabotaged the deal", "agreement -1 target=USAGOV"),
            ("at least 20 people were killed", "casualties 1 killed=20"),
            ("Russian jets struck the convoy", "responsibility 1 target=RUSGOV"),
            // Agreement.
            ("Moscow and Washington are close to reaching a deal on Aleppo", "agreement 1"),
            ("a deal is far from close", "agreement -1"),
            ("the two sides failed to reach an agreement", "agreement -1"),
            ("the agreement has not been finalized", "agreement -1"),
            ("a breakthrough was achieved in Geneva", "agreement 1"),
            ("the sides could reach an understanding within days", "agreement 1 hedge=could"),
            ("the sides are edging closer to an agreement that would help calm the city", "agreement 1"),
            ("they are nearing an arrangement which could allow aid into the city", "agreement 1"),
            // a noun with an "of" phrase, and a clause after ", which": the modal is the
            // relative clause's; "said that it would" is the claim's own
            ("the sides signed an agreement of principle that would let aid in", "agreement 1"),
            ("the sides have reached an agreement, which could let aid in", "agreement 1"),
            ("the head of state said that the sides would reach an agreement", "agreement 1 hedge=would"),
            ("the sides signed an agreement that he thought would let aid in", "agreement 1"),
            // a modal under "no way" is certainty: no hedge
            ("there is no way the sides could reach an agreement this week", "agreement -1"),
            ("we would like to stress that the sides reached an agreement in Geneva", "agreement 1"),
            ("we would like to reach an agreement in Geneva", "agreement 1 hedge=would"),
            ("it is too early to say whether a deal is near", "agreement 0 hedge=too early to say"),
            // Ceasefire.
            ("the cessation of hostilities is not holding", "ceasefire -1"),
            ("the truce collapsed after a week", "ceasefire -1"),
            ("government forces are respecting the ceasefire", "ceasefire 1 target=SYRGOV"),
            ("the cease-fire is no longer holding in Aleppo", "ceasefire -1"),
            ("Russian monitors recorded nine violations of the truce", "ceasefire -1 violations=9"),
            ("Syrian troops did not violate the truce", "ceasefire 1 target=SYRGOV"),
            // Responsibility.
            ("the aid convoy was struck by Russian jets", "responsibility 1 target=RUSGOV"),
            ("Russia had nothing to do with the attack", "responsibility -1 target=RUSGOV"),
            ("the U.S.-led coalition bombed Syrian army positions near Deir el-Zour, killing 62 soldiers", "responsibility 1 target=USAGOV killed=62"),
            ("Washington blamed Russia for the strike", "responsibility 1 target=RUSGOV"),
            ("Russian planes did not strike the convoy", "responsibility -1 target=RUSGOV"),
            // "we" as the doer, not as the one acted on
            ("we did not strike the convoy", "responsibility -1"),
            ("our boats were rammed and then fired on", "- 0"),
            // Casualties.
            ("nine civilians were killed and 1,200 wounded", "casualties 1 killed=9 wounded=1200"),
            ("the shelling killed twenty-five people", "casualties 1 killed=25"),
            ("no one was killed", "casualties -1"),
            ("\"No one has died from gunfire,\" he said", "casualties -1"),
            ("the ceasefire is holding up, but there were some violations", "ceasefire 1"),
            ("Obama and Putin failed to agree on Syria", "agreement -1"),
            ("No deal on Syria as Obama and Putin meet", "agreement -1"),
            ("the United States and Russia failed to close a deal on a nationwide cessation of hostilities", "agreement -1"),
            ("air strikes by the Syrian army hit the town", "responsibility 1 target=SYRGOV"),
            ("We don't want a deal for the sake of the deal", "agreement 0"),
            ("Russia had walked back on some points", "agreement -1 target=RUSGOV"),
            ("There is no backtracking on our part", "agreement 1"),
            ("I am confident this agreement can work", "agreement 1"),
            ("The agreement cannot work while Russia keeps bombing hospitals", "agreement -1"),
            ("the army would observe a freeze on combat operations", "ceasefire 1 hedge=would target=SYRGOV"),
            ("There is no ceasefire in Aleppo", "ceasefire -1"),
            ("The truce is over", "ceasefire -1"),
            ("We have not fired a single shot since the truce began", "ceasefire 1"),
            ("There were two Russian Su-24 aircraft over the convoy", "responsibility 1 target=RUSGOV"),
            ("There were no U.S. or coalition aircraft anywhere near the convoy", "responsibility -1 target=USAGOV"),
            ("Russian and Syrian aircraft did not carry out any strikes on the convoy", "responsibility -1 target=RUSGOV"),
            ("We did not deliberately target Syrian soldiers", "responsibility -1"),
            ("It looks as if the coalition is covering for the Islamic State", "responsibility 1 target=USAGOV"),
            ("A new name does not make this group any less of a terrorist organization", "designation -1"),
            ("too early to speak of a breakthrough", "agreement -1 hedge=too early to speak"),
            ("at least 45 civilians, including 10 children, were killed in air strikes on more than a dozen districts", "casualties 1 killed=45"),
            ("62 Syrian soldiers were killed and about 100 wounded when four coalition jets hit army positions near the airport", "responsibility 1 target=USAGOV killed=62 wounded=100"),
            ("the FARC had about 5,800 fighters", "- 0 fighters=5800"),
            ("by this morning 23 instances of firing on residential areas were registered", "- 0 violations=23"),
            ("rebels had violated the ceasefire on 23 occasions", "ceasefire -1 target=SYRREB violations=23"),
            ("There will be no impunity for the worst crimes", "impunity -1"),
            ("This agreement gives impunity to those responsible for crimes against humanity", "impunity 1"),
            ("a blast in Tartus killed at least 35 of them", "casualties 1 killed=35"),
            ("a joint approach to Aleppo was now \"within reach\"", "agreement 1"),
            ("Russia and the United States are close to starting joint operations in Aleppo", "agreement 1"),
            ("Washington has not kept its promise to separate the moderate opposition from the terrorists", "compliance -1 target=USAGOV"),
            ("We reject the claim that the United States has not lived up to its commitments", "compliance 1 target=USAGOV"),
            ("the U.S. had failed to meet its main obligation under the agreement", "compliance -1 target=USAGOV"),
            ("The Americans never intended to implement this agreement. From the beginning they sabotaged it", "agreement -1"),
            ("it was \"simply false\" that the accord granted impunity", "impunity -1"),
            ("If the no wins, we go back to war", "ceasefire -1 hedge=if"),
            ("the group has no affiliation to any external entity", "designation 1"),
            ("a U.S. Predator drone had taken off from Incirlik and was over the town minutes before the strike", "responsibility 1 target=USAGOV"),
            // Conditional, purpose, waiting and time clauses state no stance.
            ("the U.N. said 30 trucks were waiting for a truce to take effect", "aid -1 aid_trucks=30"),
            ("relief agencies are ready to move as soon as a cease-fire takes effect", "ceasefire 0"),
            ("Washington would not accept a deal that did not end the shelling of civilians", "agreement 0 hedge=would"),
            ("it is unclear whether the two sides can agree on a plan", "- 0"),
            ("at least 32 people have been killed since the truce took effect", "casualties 1 killed=32"),
            ("if the truce holds, aid will reach the city", "aid 1 hedge=if"),
            // Idioms and negated antonyms.
            ("the ministry said the accord is not dead", "agreement 1"),
            ("the accord is dead", "agreement -1"),
            ("the peace talks are dead", "talks -1"),
            ("the truce did not collapse", "ceasefire 1"),
            ("the army does not get to decide unilaterally that the truce is over", "ceasefire 1"),
            ("the agreement has not unravelled", "agreement 1"),
            ("the rebels have serious reservations about the deal", "agreement -1"),
            // A bare "plan" may be anyone's plan: no agreement frame.
            ("the plan", "- 0"),
            // Rebranding: the noun is the renaming itself; dismissals are antonyms.
            ("the rebranding", "designation 1"),
            ("the front's new name is a mere rebranding", "designation -1"),
            ("the renamed front is no different from its predecessor", "designation -1"),
            // Ceasefire claims name the party said to observe or violate it.
            ("Syrian troops have fully observed the truce", "ceasefire 1 target=SYRGOV"),
            ("Russian monitors logged 40 violations by the Syrian army", "ceasefire -1 target=SYRGOV violations=40"),
            // Talks.
            ("the talks were productive", "talks 1"),
            ("Washington suspended talks with Moscow", "talks -1 target=USAGOV"),
            ("the negotiations have stalled", "talks -1"),
            ("the two sides will continue talks on Saturday", "talks 1"),
            // Aid.
            ("aid convoys were blocked at the Turkish border", "aid -1"),
            ("the convoys reached eastern Aleppo", "aid 1"),
            ("Damascus allowed humanitarian deliveries into the besieged districts", "aid 1"),
            ("about 20 trucks are waiting at the border", "aid -1 aid_trucks=20"),
            // Designation.
            ("the renaming of Nusra Front is window dressing", "designation -1"),
            ("the Nusra Front renamed itself and cut ties with al-Qaeda", "designation 1"),
            // Cooperation.
            ("the two militaries will set up a joint implementation center", "cooperation 1"),
            ("Washington ruled out military cooperation with Moscow", "cooperation -1"),
            ("the United States will not coordinate strikes with Russia", "cooperation -1"),
            // Neutral.
            ("the weather in Geneva was mild", "- 0"),
            ("we'll see", "- 0 hedge=we'll see"),
            ("the meeting ended in May", "talks 0"),
        ];
        let failures: Vec<String> = cases.iter().filter_map(|(c, e)| check(c, e)).collect();
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// Never panics, whatever the bytes: every char-boundary suffix of a text full of
    /// multi-byte punctuation and letters.
    #[test]
    fn never_panics_on_unicode() {
        let text = "Le ministre russe — «nous approchons d’un accord» — a dit: les avions russes ont frappé le convoi… \
                    Russian jets struck the convoy by Syrian forces ﻿ near Urm, killing twelve ‘civilians’; “no agreement is close,” a U.S. official said. \
                    Rebels violated the truce 55 times — tuéés × 3 — and at least 20 people were killed in Aleppo’s east.";
        for (i, _) in text.char_indices() {
            let s = classify(&text[i..], i);
            for f in &s.figures {
                assert!(text.get(f.span.start..f.span.end).is_some());
            }
        }
    }

    /// Split rules find exactly what their whole pattern finds, on every demo sentence.
    /// On ASCII texts the regexes compiled without Unicode find what the Unicode ones find.
    #[test]
    fn ascii_twins_match_like_unicode_regexes() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/demo/aleppo");
        let crafted =
            "it's holding; the truce_2 is holding\t\x0b\x0cnow, talks 1-2 went well ~ [x]";
        let texts = (std::fs::read_dir(dir).unwrap())
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .chain([crafted.to_string()]);
        let lex = &*LEXICON;
        let twins: Vec<bytes::Regex> = (lex.heads.iter())
            .map(|h| ascii_twin(h).expect("head builds"))
            .collect();
        let spans = |it: &mut dyn Iterator<Item = (usize, usize)>| it.collect::<Vec<_>>();
        for text in texts {
            let lc: String = (text.to_ascii_lowercase().chars())
                .map(|c| if c.is_ascii() { c } else { '?' })
                .collect();
            let mut tails: Vec<(&Regex, &bytes::Regex)> = Vec::new();
            for rule in &lex.rules {
                if let Some((
                    _,
                    Rest::Window {
                        tail, tail_ascii, ..
                    },
                )) = &rule.split
                {
                    tails.push((tail, tail_ascii.as_ref().expect("tail builds")));
                }
            }
            for (re, twin) in lex.heads.iter().zip(&twins).chain(tails) {
                let want = spans(&mut re.find_iter(&lc).map(|m| (m.start(), m.end())));
                let got = spans(&mut twin.find_iter(lc.as_bytes()).map(|m| (m.start(), m.end())));
                assert_eq!(got, want, "{:?}", re.as_str());
            }
        }
    }

    #[test]
    fn head_and_hedge_finders_match_like_find_iter() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/demo/aleppo");
        // Heads at the text's edges, overlapping literals, heads inside longer words,
        // multi-byte chars before and after, repeated and adjacent heads.
        let crafted = [
            "deal",
            "deals dealt ideal the deal's deals; no deal, without any new deal",
            "it's holding, it is holding; is holding was holding — «truce» held ü",
            "éthe ceasefire is holding, cease-fire cease fire ceasefires",
            "talks talks talks continued continued; strikes airstrikes air strikes",
            "failed to reach a deal fail to agree failure to make progress",
        ];
        let files = std::fs::read_dir(dir).unwrap();
        let texts = files
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .chain(crafted.iter().map(|s| s.to_string()));
        let lex = &*LEXICON;
        let finder = &lex.head_finder;
        assert!(finder.always.iter().any(|a| !a), "heads are prefiltered");
        let mut found = 0;
        let mut hedged = 0;
        for text in texts {
            let lc = text.to_ascii_lowercase();
            // The Unicode path, and the ASCII one on the same text made ASCII.
            let lc_ascii: String = lc
                .chars()
                .map(|c| if c.is_ascii() { c } else { '?' })
                .collect();
            for (lc, ascii) in [(&lc, lc.is_ascii()), (&lc_ascii, true)] {
                let starts = finder.candidates(lc);
                for (h, re) in lex.heads.iter().enumerate() {
                    let want: Vec<Span> = (re.find_iter(lc))
                        .map(|m| Span::new(m.start(), m.end()))
                        .collect();
                    let got = finder.matches(h, re, lc, ascii, &starts[h]);
                    assert_eq!(got, want, "head {:?} on {lc:?}", re.as_str());
                    found += got.len();
                }
                let starts = lex.hedge_finder.candidates(lc);
                for (i, h) in lex.hedges.iter().enumerate() {
                    let want: Vec<Span> = (h.re.find_iter(lc))
                        .map(|m| Span::new(m.start(), m.end()))
                        .collect();
                    let got = lex.hedge_finder.matches(i, &h.re, lc, ascii, &starts[i]);
                    assert_eq!(got, want, "hedge {:?} on {lc:?}", h.re.as_str());
                    hedged += got.len();
                }
            }
        }
        assert!(found > 100, "heads found: {found}");
        assert!(hedged > 20, "hedges found: {hedged}");
    }

    #[test]
    fn split_rules_match_like_whole_patterns() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/demo/aleppo");
        let mut split = 0;
        let mut windows = 0;
        // Gaps at and past their limit, stops inside and after them, multi-byte chars.
        let crafted = [
            "the deal that the two sides have been working on for weeks is now close",
            "the deal that the two sides have been working on for many weeks now is close",
            "the deal, which is close; the truce — «which is holding» — is holding",
            "russia sabotaged the long-awaited, much-discussed deal; russia sabotaged the deal",
            "aid convoys were blocked éé ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü ü denied",
            "talks talks talks continued continued; talks collapsed. talks went well",
        ];
        let files = std::fs::read_dir(dir).unwrap();
        let texts = files
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .chain(crafted.iter().map(|s| s.to_string()));
        for text in texts {
            let lc = text.to_ascii_lowercase();
            for rule in &LEXICON.rules {
                split += rule.split.is_some() as usize;
                windows += matches!(rule.split, Some((_, Rest::Window { .. }))) as usize;
                let mut got = Vec::new();
                rule.find_all(&lc, &mut got);
                let want: Vec<Span> = rule
                    .re
                    .find_iter(&lc)
                    .map(|m| Span::new(m.start(), m.end()))
                    .collect();
                assert_eq!(got, want, "rule {:?}", rule.re.as_str());
            }
        }
        assert!(split > 0);
        assert!(windows > 0, "gap windows are in use");
        assert!(
            LEXICON.heads.len() < LEXICON.rules.len(),
            "rules share heads"
        );
    }

    #[test]
    fn figure_spans_are_absolute() {
        let body = "Preamble. At least 20 people were killed.";
        let content = &body[10..];
        let s = classify(content, 10);
        assert_eq!(s.figures.len(), 1);
        assert_eq!(s.figures[0].span.slice(body), "At least 20");
    }
}

/// Timing: `cargo test --release --lib bench_classify -- --ignored --nocapture`.
#[cfg(test)]
mod bench {
    #[test]
    #[ignore]
    fn bench_classify() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/demo/aleppo");
        let mut texts = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        // Claims are sentence parts: classify every sentence of every article.
        let sents: Vec<Vec<&str>> = texts
            .iter()
            .map(|t| t.split(". ").filter(|s| s.len() > 20).collect())
            .collect();
        let _ = super::classify("warm up", 0);
        // The fastest of n passes: the machine is shared, so slower passes are other load.
        let n = 20;
        let mut best = f64::MAX;
        let mut frames = 0;
        for _ in 0..n {
            let start = std::time::Instant::now();
            frames = 0;
            for art in &sents {
                for s in art {
                    frames += super::classify(s, 0).frame.is_some() as usize;
                }
            }
            best = best.min(start.elapsed().as_secs_f64());
        }
        let per = best * 1e6 / sents.len() as f64;
        let claims: usize = sents.iter().map(Vec::len).sum();
        eprintln!(
            "classify: {per:.0} µs per article ({} articles, {:.1} sentences each, {} framed)",
            sents.len(),
            claims as f64 / sents.len() as f64,
            frames
        );
    }
}
