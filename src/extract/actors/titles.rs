//! Titles and roles: combines each title of titles.tsv with the side cue next to it ("a U.S.
//! official", "Russia's UN envoy", "an official with the State Department") and with a name
//! beside it ("rebel commander Ahmed al-Hamdo"), one named phase per step.

use once_cell::sync::Lazy;
use regex::Regex;

use super::load::{Title, Titles, TITLE_MODIFIERS, TITLE_TABLE};
use super::{Hit, Source, BUILTIN};
use crate::extract::timex::calendar::{MONTHS, WEEKDAYS};
use crate::extract::words::{on_boundaries, strip_possessive, word_before};
use crate::model::{ActorKind, Span};

/// Determiners, numerals and pronouns that may sit before a title or its side cue ("a", "the",
/// "two", "their"); the open-class modifiers ("senior", "unnamed") are in `title_modifiers.tsv`.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "several", "some", "many", "other", "another", "his",
    "her", "their", "its",
];

fn is_modifier(word: &str) -> bool {
    DETERMINERS.contains(&word) || TITLE_MODIFIERS.contains(&word)
}

/// A word `title_modifiers.tsv` lists ("senior", "chief", "deputy"), lower case.
pub fn title_modifier(word: &str) -> bool {
    TITLE_MODIFIERS.contains(&word)
}

/// Singular nouns naming one organisation (`attrib_roles.tsv` rows of kind `org`: "embassy",
/// "ministry"), read here so the gazetteer does not lean on the attribution stage.
static ORG_NOUNS: Lazy<Vec<&'static str>> = Lazy::new(|| {
    crate::data::ATTRIB_ROLES
        .rows()
        .into_iter()
        .filter(|r| r.col(2) == "s" && r.col(3).trim() == "org")
        .map(|r| r.col(0))
        .collect()
});

/// Whether `word` (any case) names one organisation ("embassy", "agency").
fn org_noun(word: &str) -> bool {
    ORG_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// Nouns naming a state office (`state-body` words of `claim_words.tsv`).
static STATE_BODIES: Lazy<Vec<&'static str>> =
    Lazy::new(|| crate::data::CLAIM_WORDS.list("state-body"));

/// Words that make an office no state's (`non-state` words of `claim_words.tsv`).
static NON_STATE: Lazy<Vec<&'static str>> =
    Lazy::new(|| crate::data::CLAIM_WORDS.list("non-state"));

/// Words that say the state owns a business (`state-owner` words of `claim_words.tsv`).
static STATE_OWNERS: Lazy<Vec<&'static str>> =
    Lazy::new(|| crate::data::CLAIM_WORDS.list("state-owner"));

/// "Ukraine's state nuclear company", "a Japanese shipping firm": up to two plain lower-case
/// words between a business title and its side cue, walked left from `pos`; returns each
/// start after one more word, and whether a word so far says the state owns the business.
fn business_words_left(text: &str, pos: usize) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let (mut pos, mut owned) = (pos, false);
    for _ in 0..2 {
        let Some((s, w)) = word_before(text, pos) else {
            break;
        };
        let plain = w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if !plain || w.is_empty() {
            break;
        }
        owned |= STATE_OWNERS.contains(&w);
        pos = skip_modifiers_left(text, s);
        out.push((pos, owned));
    }
    out
}

/// Whether `word` (any case) makes an office no state's: "regional", "former", "occupation".
pub fn non_state(word: &str) -> bool {
    NON_STATE.iter().any(|b| b.eq_ignore_ascii_case(word))
}

/// Whether `word` (any case) names a state office or a state title of its own: "ministry",
/// "authority", "minister".
pub fn state_body(word: &str) -> bool {
    STATE_BODIES.iter().any(|b| b.eq_ignore_ascii_case(word))
}

/// Walk left from `pos` over modifier words; returns the new start.
fn skip_modifiers_left(text: &str, mut pos: usize) -> usize {
    while let Some((s, w)) = word_before(text, pos) {
        if is_modifier(w.to_lowercase().as_str()) {
            pos = s;
        } else {
            break;
        }
    }
    pos
}

/// Titles of titles.tsv that name a person (kind anonymous) of a state organ (role GOV, MIL,
/// LEG or JUD), lower case, with their role and default code.
static STATE_TITLES: Lazy<Vec<(String, &'static str, &'static str)>> = Lazy::new(|| {
    crate::data::TITLES
        .rows()
        .into_iter()
        .filter(|r| r.col(2).trim() == "anonymous")
        .map(|r| {
            (
                r.col(0).trim().to_lowercase(),
                r.col(1).trim(),
                r.col(3).trim(),
            )
        })
        .filter(|(_, role, _)| ["GOV", "MIL", "LEG", "JUD"].contains(role))
        .collect()
});

/// The row of [`STATE_TITLES`] that `words` are, with only `title_modifiers.tsv` words
/// before it.
fn state_title(words: &[&str]) -> Option<&'static (String, &'static str, &'static str)> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    modifier_skips(words).find_map(|skip| {
        let phrase = lower[skip..].join(" ");
        STATE_TITLES.iter().find(|(t, _, _)| *t == phrase)
    })
}

/// The role of a person's state title written alone before a name ("Prime Minister",
/// "Deputy Attorney General", "Interior Minister"): the words, in any case, are one of
/// [`STATE_TITLES`] with only `title_modifiers.tsv` words before it. Any other word gives none.
pub fn state_title_role(words: &[&str]) -> Option<&'static str> {
    // A modifier word may also be a portfolio ("Foreign Secretary", "Deputy Foreign
    // Secretary"): the modifiers are skipped one at a time, not all at once.
    state_title(words)
        .map(|(_, role, _)| *role)
        .or_else(|| modifier_skips(words).find_map(|skip| portfolio_minister(&words[skip..])))
}

/// How many opening words a title may leave out, one at a time: none, then each
/// `title_modifiers.tsv` word that opens `words` ("Deputy Foreign Secretary" is tried whole,
/// then from "Foreign", then from "Secretary"), never the last word.
fn modifier_skips(words: &[&str]) -> std::ops::RangeInclusive<usize> {
    0..=modifier_lead(words).min(words.len().saturating_sub(1))
}

/// How many `title_modifiers.tsv` words open `words`, in any case ("Deputy", "Senior").
fn modifier_lead(words: &[&str]) -> usize {
    words
        .iter()
        .take_while(|w| TITLE_MODIFIERS.contains(&w.to_lowercase().as_str()))
        .count()
}

/// The code `titles.tsv` gives a state title written alone by a convention of English copy
/// ("Defense Secretary" is American), if it gives one.
pub fn state_title_default(words: &[&str]) -> Option<&'static str> {
    state_title(words)
        .map(|(_, _, d)| *d)
        .filter(|d| *d != "-" && *d != crate::extract::actors::UNKNOWN_CODE)
}

/// Words of a minister's portfolio (`portfolio` in claim_words.tsv).
static PORTFOLIO: Lazy<Vec<&'static str>> =
    Lazy::new(|| crate::data::CLAIM_WORDS.list("portfolio"));

/// Whether `word` (any case) is a word of a minister's portfolio ("Energy", "Affairs").
pub fn portfolio_word(word: &str) -> bool {
    PORTFOLIO.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// "Energy Minister", "Digital Affairs Minister", "Deputy Trade Minister", "Health Secretary",
/// "Minister for Information": a minister (or a secretary, the title of one in British and
/// American copy) of a portfolio the title table does not list is a member of a government
/// (GOV) all the same: one to three alphabetic words before "Minister" or "Secretary" (or after
/// it and "of"/"for"), none of them an actor the gazetteer knows
/// ("Chilean", "EU"), which would name an origin of its own, none a title word ("Prime") the
/// table reads, no "Shadow" (an opposition spokesman, not a member of the government) and no
/// "General" or "Party"; a secretary's portfolio must be all list words (`portfolio` in
/// claim_words.tsv: "Health Secretary", not "Union Secretary" or "First Secretary").
fn portfolio_minister(words: &[&str]) -> Option<&'static str> {
    let head = |w: &str| w.eq_ignore_ascii_case("minister") || w.eq_ignore_ascii_case("secretary");
    let link = |w: &str| w == "of" || w == "for";
    let portfolio: Vec<&str> = match words {
        // "Minister for Information", "Minister of State for Foreign Affairs": the portfolio's
        // capitalised words after the links.
        [first, second, rest @ ..] if head(first) && link(second) => rest
            .iter()
            .copied()
            .filter(|w| !link(w) && *w != "and")
            .collect(),
        [portfolio @ .., last] if head(last) => portfolio.to_vec(),
        _ => return None,
    };
    if portfolio.is_empty() || portfolio.len() > 3 {
        return None;
    }
    // A secretary is a minister only of a portfolio the list knows ("Health Secretary"): a
    // union's, a federation's, a first or an assistant secretary is not.
    let secretary = words.iter().any(|w| w.eq_ignore_ascii_case("secretary"));
    if secretary && !portfolio.iter().all(|w| portfolio_word(w)) {
        return None;
    }
    const NOT_PORTFOLIO: [&str; 5] = ["Prime", "Shadow", "General", "Party", "Executive"];
    let plain = |w: &&str| w.chars().all(char::is_alphabetic) && !NOT_PORTFOLIO.contains(&w.trim());
    if !portfolio.iter().all(plain) {
        return None;
    }
    let phrase = portfolio.join(" ");
    super::find_all(&phrase, super::builtin_ref(), None)
        .is_empty()
        .then_some("GOV")
}

static NAME_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^,?[ \t]+(?:(?:Maj|Lt|Col|Gen|Brig|Adm|Capt|Sgt|Dr|Mr|Mrs|Ms)\.?[ \t]+)*([A-Z][a-z'’]+(?:[- ](?:al-|el-|bin |ibn |abu |Abu |de la |de |van |von |del )?[A-Z][\w'’]*(?:-[A-Z]?\w+)?){1,3})",
    )
    .expect("name regex")
});

static NAME_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"([A-Z][a-z'’]+(?:[- ](?:al-|el-|bin |ibn |abu |Abu |de la |de |van |von |del )?[A-Z][\w'’]*(?:-[A-Z]?\w+)?){1,3})[ \t]*,[ \t]*$",
    )
    .expect("name regex")
});

/// Capitalized function words that are not names (weekdays and months are not either).
const NOT_NAMES: &[&str] = &["The", "On", "In", "But", "And", "He", "She", "They", "It"];

fn plausible_name(name: &str) -> bool {
    let first = name.split([' ', '-']).next().unwrap_or("");
    !(NOT_NAMES.contains(&first) || WEEKDAYS.contains(&first) || MONTHS.contains(&first))
}

/// Indices of the hits reaching into bytes `lo..=hi` (`end >= lo`, `start <= hi`). Gazetteer
/// hits come sorted and never overlap, so both ends are sorted and a binary search replaces a
/// scan of every hit per title (issue 15, item 8: that made long articles quadratic). Callers
/// filter the window exactly as they filtered all hits.
fn near(hits: &[Hit], lo: usize, hi: usize) -> std::ops::Range<usize> {
    let i = hits.partition_point(|h| h.span.end < lo);
    let j = hits.partition_point(|h| h.span.start <= hi).max(i);
    i..j
}

/// Combine titles with side cues and names: each title becomes a mention (or names the person
/// beside it) and absorbs the gazetteer hits it is built from.
pub(super) fn apply_titles(text: &str, hits: &mut Vec<Hit>) {
    debug_assert!(hits
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.start && w[0].span.start <= w[1].span.start));
    let table = &*TITLE_TABLE;
    let titles = find_titles(text, table);
    // In text order (the automaton finds them left to right), so searched by start.
    let title_spans: Vec<Span> = titles.iter().map(|t| t.0).collect();
    debug_assert!(title_spans.windows(2).all(|w| w[0].start <= w[1].start));
    let mut new_hits: Vec<Hit> = Vec::new();
    let mut absorbed: Vec<usize> = Vec::new();
    {
        let cx = TitleCx {
            text,
            hits,
            title_spans: &title_spans,
        };
        for (tspan, row) in titles {
            if let Some(h) = cx.title_hit(tspan, &table.titles[row], &mut absorbed) {
                new_hits.push(h);
            }
        }
    }
    let old = std::mem::take(hits);
    *hits = merge(old, absorbed, new_hits);
}

/// Every title in `text` on word boundaries: (span, title row).
fn find_titles(text: &str, table: &Titles) -> Vec<(Span, usize)> {
    let mut titles = Vec::new();
    for m in table.ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) || !on_boundaries(text, s, e) {
            continue;
        }
        titles.push((Span::new(s, e), table.rows[m.pattern().as_usize()]));
    }
    titles
}

/// The hits that survive: those no title absorbed, plus the titles' own, in text order with
/// anything overlapping an earlier, longer hit dropped.
fn merge(hits: Vec<Hit>, absorbed: Vec<usize>, new_hits: Vec<Hit>) -> Vec<Hit> {
    // A set, not `absorbed.contains` per hit (quadratic on long articles, issue 15 item 8).
    let absorbed: std::collections::HashSet<usize> = absorbed.into_iter().collect();
    let mut kept: Vec<Hit> = hits
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !absorbed.contains(i))
        .map(|(_, h)| h)
        .collect();
    kept.extend(new_hits);
    kept.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    // Drop anything overlapping an earlier, longer hit.
    let mut out: Vec<Hit> = Vec::with_capacity(kept.len());
    for h in kept {
        if out.last().is_some_and(|l: &Hit| l.span.overlaps(h.span)) {
            continue;
        }
        out.push(h);
    }
    out
}

/// The text and the gazetteer hits (sorted, disjoint) that titles are read against.
struct TitleCx<'t> {
    text: &'t str,
    hits: &'t [Hit],
    /// Every title's span, in text order.
    title_spans: &'t [Span],
}

impl TitleCx<'_> {
    /// The mention one title makes, if any; the indices of hits it absorbs go to `absorbed`.
    fn title_hit(&self, tspan: Span, title: &Title, absorbed: &mut Vec<usize>) -> Option<Hit> {
        let (text, hits) = (self.text, self.hits);
        // A gazetteer hit that covers the title wins ("Russian military" over "military").
        if hits[near(hits, tspan.start, tspan.end)]
            .iter()
            .any(|h| h.span.contains(tspan) && h.span != tspan)
        {
            return None;
        }
        // Hits inside the title are absorbed ("rebel" in "rebel commander").
        let inner: Vec<usize> = near(hits, tspan.start, tspan.end)
            .filter(|&i| tspan.contains(hits[i].span) || hits[i].span.overlaps(tspan))
            .collect();
        // A hit running into the title is its cue: "Russian military" + "sources".
        let mut cue: Option<usize> = near(hits, tspan.start, tspan.start)
            .find(|&i| hits[i].span.start < tspan.start && hits[i].span.end > tspan.start);
        let inner: Vec<usize> = inner.into_iter().filter(|&i| Some(i) != cue).collect();
        let pos = skip_modifiers_left(text, tspan.start);
        if cue.is_none() {
            cue = self.left_cue(pos, &inner);
        }
        // A business title reaches over its own kind words to the cue ("Ukraine's state
        // nuclear company"); a state owner makes it the government's.
        let mut state_owned = false;
        if cue.is_none() && title.role == "BUS" {
            for (p, owned) in business_words_left(text, pos) {
                if let Some(i) = self.left_cue(p, &inner) {
                    (cue, state_owned) = (Some(i), owned);
                    break;
                }
            }
        }
        let (cue, cue_start) = self.refine_cue(cue, absorbed);
        let start = match cue_start {
            Some(cs) => skip_modifiers_left(text, cs),
            // Determiners before an uncued title still belong to it: "a rebel commander".
            None => tspan.start.min(pos),
        };
        let (cue, end) = match cue {
            Some(i) => (Some(i), tspan.end),
            None => match self.right_cue(tspan, title.posted) {
                Some((i, end)) => (Some(i), end),
                None => (None, tspan.end),
            },
        };
        if cue.is_none() && self.modifies_next(tspan) {
            return None;
        }
        let (mut code, country) = self.title_code(cue, &inner, title)?;
        if state_owned {
            if let Some(c) = country.as_deref().filter(|_| code.ends_with("BUS")) {
                code = format!("{c}GOV");
            }
        }
        let mut gone: Vec<usize> = inner.clone();
        if let Some(i) = cue {
            gone.push(i);
        }
        absorbed.extend(gone);
        if self.next_to_known_person(start, end) {
            return None;
        }
        // A plural title names no one person: "Citing residents, Al-Fajr said" is an outlet
        // citing residents, not a resident called Al-Fajr.
        let matched = text[tspan.start..tspan.end].to_ascii_lowercase();
        let plural = matched.ends_with('s') || matched.ends_with("men");
        if title.kind != ActorKind::Organisation && !plural {
            if let Some(named) = self.named_by_title(start, end, &code, &country) {
                return Some(named);
            }
        }
        let kind = if title.kind == ActorKind::Organisation {
            ActorKind::Organisation
        } else {
            ActorKind::Anonymous
        };
        let span = Span::new(start, end);
        Some(Hit {
            span,
            name: span.slice(text).to_string(),
            code,
            country,
            kind,
            source: Source::Title,
        })
    }

    /// Side cue on the left: [a senior] CUE['s] [deputy] TITLE, with `pos` the start after the
    /// modifiers are skipped.
    fn left_cue(&self, pos: usize, inner: &[usize]) -> Option<usize> {
        let (text, hits) = (self.text, self.hits);
        let possessive = |p: usize| -> usize {
            let head = &text[..p];
            if let Some(h) = strip_possessive(head) {
                h.len()
            } else if let Some(h) = head.strip_suffix('\'') {
                h.len()
            } else {
                p
            }
        };
        let gap_end = {
            let head = &text[..pos];
            head.trim_end_matches([' ', '\t']).len()
        };
        for cand in [gap_end, possessive(gap_end)] {
            if let Some(i) =
                near(hits, cand, cand).find(|&i| hits[i].span.end == cand && !inner.contains(&i))
            {
                return Some(i);
            }
        }
        None
    }

    /// The cue after the phrase around it is read: (cue, start of the cue phrase when a country
    /// before an institution cue joins it). Cues that give way go to `absorbed`.
    fn refine_cue(
        &self,
        mut cue: Option<usize>,
        absorbed: &mut Vec<usize>,
    ) -> (Option<usize>, Option<usize>) {
        let (text, hits) = (self.text, self.hits);
        // An institution before a country cue owns the title: "the U.N. Syria envoy".
        if let Some(i) = cue {
            let before = text[..hits[i].span.start]
                .trim_end_matches([' ', '\t'])
                .len();
            if let Some(j) = near(hits, before, before).find(|&j| {
                hits[j].span.end == before && hits[j].kind != ActorKind::Country && j != i
            }) {
                absorbed.push(i);
                cue = Some(j);
            }
        }
        // A state before an international body owns the title: "Russia's UN envoy" speaks for
        // Russia, not for the UN.
        if let Some(i) = cue {
            if hits[i].code.starts_with("IGO") {
                let head = text[..hits[i].span.start].trim_end_matches([' ', '\t']);
                let head_end = strip_possessive(head).unwrap_or(head).len();
                if let Some(j) = (0..hits.len()).find(|&j| {
                    j != i && hits[j].kind == ActorKind::Country && hits[j].span.end == head_end
                }) {
                    absorbed.push(i);
                    cue = Some(j);
                }
            }
        }
        // A country before an institution cue is part of the phrase: "US state department officials".
        let mut cue_start = cue.map(|i| hits[i].span.start);
        if let Some(i) = cue {
            let before = text[..hits[i].span.start]
                .trim_end_matches([' ', '\t'])
                .len();
            if let Some(j) = near(hits, before, before).find(|&j| {
                j != i
                    && hits[i].kind != ActorKind::Country
                    && hits[j].kind == ActorKind::Country
                    && hits[j].span.end == before
                    && hits[j].country == hits[i].country
            }) {
                absorbed.push(j);
                cue_start = Some(hits[j].span.start);
            }
        }
        (cue, cue_start)
    }

    /// Side cue on the right: "an official with the State Department", "spokesman for the
    /// Kremlin": (cue, new end of the phrase).
    /// For a `posted` title ("a diplomat in Tehran") "in" and "at" say where the person is
    /// posted, unless a body follows the place word ("at the Chinese embassy", "at the Russian
    /// mission"): then they name whom the person serves.
    fn right_cue(&self, tspan: Span, posted: bool) -> Option<(usize, usize)> {
        let (text, hits) = (self.text, self.hits);
        static RIGHT: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"^[ \t]+(of|from|for|at|with|in)[ \t]+(?:the[ \t]+)?").unwrap()
        });
        let c = RIGHT.captures(&text[tspan.end..])?;
        let posting = posted && matches!(&c[1], "in" | "at");
        let m = c.get(0)?;
        let at = tspan.end + m.end();
        // The cue may follow a few capitalized words: "with the Liwa al-Mutasem rebel group".
        let reach = text[at..]
            .find([',', '.', ';', ':', '"', '“', '”'])
            .map(|i| at + i.min(40))
            .unwrap_or((at + 40).min(text.len()));
        let capitalized_gap = |h: &Hit| {
            h.span.start == at
                || (h.span.start > at
                    && h.span.start <= reach
                    && text[at..h.span.start]
                        .split_whitespace()
                        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w.starts_with("al-")))
        };
        let i = near(hits, at, reach).find(|&i| capitalized_gap(&hits[i]))?;
        // "a diplomat in Tehran" is posted there; "a diplomat at the Chinese embassy" serves
        // the body the place word qualifies.
        let body_after = text[hits[i].span.end..]
            .split_whitespace()
            .next()
            .is_some_and(org_noun);
        if posting && !body_after {
            return None;
        }
        Some((i, hits[i].span.end))
    }

    /// An uncued title that modifies what follows is an adjective: "the official news agency
    /// SANA", "the official SANA agency".
    fn modifies_next(&self, tspan: Span) -> bool {
        let (text, hits) = (self.text, self.hits);
        let rest = &text[tspan.end..];
        let next = tspan.end + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        next > tspan.end
            && (hits[near(hits, next, next)]
                .iter()
                .any(|h| h.span.start == next)
                || self
                    .title_spans
                    .binary_search_by_key(&next, |t| t.start)
                    .is_ok())
    }

    /// The title's code and side: from its cue, else from a gazetteer hit it absorbed, else its
    /// default; None when an uncued title has no default (not a speaker on its own).
    fn title_code(
        &self,
        cue: Option<usize>,
        inner: &[usize],
        title: &Title,
    ) -> Option<(String, Option<String>)> {
        let hits = self.hits;
        match cue {
            Some(i) => {
                let h = &hits[i];
                Some(match (h.kind, &h.country) {
                    (ActorKind::Country, Some(c)) => {
                        (format!("{c}{}", title.role), Some(c.clone()))
                    }
                    _ => (h.code.clone(), h.country.clone()),
                })
            }
            None => {
                // Uncued titles that absorbed a gazetteer hit take its code ("rebel commander"
                // takes what the gazetteer says "rebel" is), else the title's default.
                let absorbed_hit = inner
                    .iter()
                    .map(|&i| &hits[i])
                    .find(|h| h.kind != ActorKind::Country);
                match (absorbed_hit, &title.default) {
                    (Some(h), _) => Some((h.code.clone(), h.country.clone())),
                    (None, Some(d)) => Some((d.clone(), BUILTIN.country_of(d))),
                    (None, None) => None,
                }
            }
        }
    }

    /// A known person right after the title ("the foreign minister, Sergei Lavrov") or in
    /// apposition before it ("Sergei Lavrov, the foreign minister"): the person's own mention
    /// stands and the title adds nothing.
    fn next_to_known_person(&self, start: usize, end: usize) -> bool {
        let (text, hits) = (self.text, self.hits);
        // The distance test comes before the text test: slicing up to every later hit made
        // this quadratic in the article's length (issue 15, item 8).
        let known_after = hits[near(hits, end, end + 24)].iter().any(|h| {
            h.source == Source::KnownPerson
                && h.span.start >= end
                && h.span.start - end <= 24
                && text[end..h.span.start]
                    .trim_matches(|c: char| c == ',' || c.is_whitespace())
                    .split_whitespace()
                    .all(|w| {
                        matches!(
                            w.trim_end_matches('.'),
                            "Maj"
                                | "Lt"
                                | "Col"
                                | "Gen"
                                | "Brig"
                                | "Adm"
                                | "Capt"
                                | "Dr"
                                | "Mr"
                                | "Mrs"
                                | "Ms"
                        )
                    })
        });
        if known_after {
            return true;
        }
        // `text[h.end..start].trim() == ","` holds exactly when `h` ends between the comma
        // before `start` and the spaces before that comma: compare offsets, not slices.
        let comma_gap = text[..start].trim_end().strip_suffix(',').map(|h| {
            let at = h.len();
            (text[..at].trim_end().len(), at)
        });
        let (lo, at) = comma_gap.unwrap_or((start, start));
        hits[near(hits, lo, at)].iter().any(|h| {
            h.source == Source::KnownPerson
                && h.span.end <= start
                && comma_gap.is_some_and(|(lo, at)| h.span.end >= lo && h.span.end <= at)
        })
    }

    /// An unknown name right after the title or in apposition before it becomes a person with
    /// the title's code: "rebel commander Ahmed al-Hamdo", "Ahmed al-Hamdo, a rebel commander".
    fn named_by_title(
        &self,
        start: usize,
        end: usize,
        code: &str,
        country: &Option<String>,
    ) -> Option<Hit> {
        let (text, hits) = (self.text, self.hits);
        let person = |s: usize, e: usize, name: &str| -> Option<Hit> {
            let overlaps_hit = hits[near(hits, s, e)]
                .iter()
                .any(|h| h.span.overlaps(Span::new(s, e)));
            (plausible_name(name) && !overlaps_hit).then(|| Hit {
                span: Span::new(s, e),
                name: name.to_string(),
                code: code.to_string(),
                country: country.clone(),
                kind: ActorKind::Person,
                source: Source::NamedByTitle,
            })
        };
        // Cheap checks first: a name after needs a capital next, one before needs a comma.
        let next_is_upper = text[end..]
            .trim_start_matches([',', ' ', '\t'])
            .starts_with(|c: char| c.is_uppercase());
        if next_is_upper {
            if let Some(c) = NAME_AFTER.captures(&text[end..]).and_then(|c| c.get(1)) {
                if let Some(h) = person(end + c.start(), end + c.end(), c.as_str()) {
                    return Some(h);
                }
            }
        }
        let comma_before = text[..start].trim_end_matches([' ', '\t']).ends_with(',');
        if !comma_before {
            return None;
        }
        let before_slice_start = {
            let mut s = start.saturating_sub(60);
            while !text.is_char_boundary(s) {
                s += 1;
            }
            s
        };
        let c = NAME_BEFORE.captures(&text[before_slice_start..start])?;
        let m = c.get(1)?;
        person(
            before_slice_start + m.start(),
            before_slice_start + m.end(),
            m.as_str(),
        )
    }
}
