//! Thread assignment: put each article into one or more story threads, or start a new one.
//!
//! Pure logic over plain data; the store module keeps the [`Profile`]s. For each
//! article, in date order:
//!
//! 1. [`salient_terms`] turns it into a short weighted term vector: words of the title
//!    count three times, stopwords and page furniture (`thread_stopwords.txt`) go,
//!    names (capitalised words not at the start of a sentence, and runs of them such as
//!    "sergei lavrov") count double, common words lose a plural `s`. The top 40 terms
//!    are kept, scaled to unit length.
//! 2. [`assign`] scores it against every thread:
//!    - a *manual* thread with rules (analyst keywords and/or actor codes) is joined
//!      when its rules match: a keyword occurs in the title or body (case-insensitive,
//!      whole words) and, if actors are given, one of the article's actor codes starts
//!      with one of them;
//!    - any other thread is joined when
//!      `(1 - w) * cosine(terms, profile) + w * jaccard(actor codes)` (with `w` =
//!      [`AssignConfig::actor_weight`] only when both sides have actor codes) times a
//!      recency factor (halving every [`AssignConfig::recency_days`] days beyond the
//!      first `recency_days` after the thread's last article) reaches
//!      [`AssignConfig::threshold`], and the text part alone reaches half of it (actor
//!      overlap never joins on its own).
//!
//!    An article may join several threads. When it joins none, [`Assignment::new_thread`]
//!    proposes a slug from its top terms ([`slug_for`]) and its title.
//! 3. The caller [`absorb`]s the article into each thread it joined (or the new one).
//!
//! Everything is deterministic: ties are broken by term or slug, and maps are ordered.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::model::{ActorKind, Article, Extraction, Thread};

/// A thread as assignment sees it: the analyst's rules plus an automatic profile.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Profile {
    pub slug: String,
    /// Analyst keywords (manual threads).
    pub keywords: Vec<String>,
    /// Analyst actor codes or code prefixes (manual threads).
    pub actors: Vec<String>,
    /// Made by an analyst; with keywords or actors it is joined by its rules only.
    pub manual: bool,
    /// Sum of the unit term vectors of member articles (pruned to the heaviest terms).
    pub terms: BTreeMap<String, f32>,
    /// In how many member articles each actor code occurs.
    pub actor_counts: BTreeMap<String, f32>,
    /// Date of the latest member article.
    pub last_date: Option<NaiveDate>,
    /// Number of member articles.
    pub articles: u32,
}

impl Profile {
    /// An empty profile for a stored thread.
    pub fn from_thread(t: &Thread) -> Profile {
        Profile {
            slug: t.slug.clone(),
            keywords: t.keywords.clone(),
            actors: t.actors.clone(),
            manual: t.manual,
            ..Profile::default()
        }
    }

    fn has_rules(&self) -> bool {
        self.manual && (!self.keywords.is_empty() || !self.actors.is_empty())
    }
}

/// Tuning of [`assign`]. The defaults were tuned on the demo corpus (see the tests).
#[derive(Debug, Clone, PartialEq)]
pub struct AssignConfig {
    /// Smallest combined score that joins an automatic thread.
    pub threshold: f32,
    /// Share of the actor-code Jaccard in the score, when both sides have codes.
    pub actor_weight: f32,
    /// Articles up to this many days after a thread's last article score in full;
    /// beyond, the score halves every `recency_days`.
    pub recency_days: i64,
    /// Terms kept per article.
    pub article_terms: usize,
    /// Terms kept per profile.
    pub profile_terms: usize,
}

impl Default for AssignConfig {
    fn default() -> AssignConfig {
        AssignConfig {
            threshold: 0.2,
            actor_weight: 0.2,
            recency_days: 30,
            article_terms: 40,
            profile_terms: 300,
        }
    }
}

/// Where an article goes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Assignment {
    /// Threads joined, best first: (slug, score in 0..=1; 1 for a manual rule match).
    pub joins: Vec<(String, f32)>,
    /// When no thread was joined: (slug, title) for a new thread. The caller makes the
    /// slug unique (e.g. with a `-2` suffix).
    pub new_thread: Option<(String, String)>,
}

/// How much a title word counts against a body word.
pub const TITLE_WEIGHT: f32 = 3.0;
/// How much a name (or a run of names) counts against a common word.
pub const NAME_WEIGHT: f32 = 2.0;

static STOPWORDS: Lazy<BTreeSet<String>> = Lazy::new(|| {
    crate::data::THREAD_STOPWORDS
        .words()
        .map(str::to_lowercase)
        .collect()
});

pub(crate) fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(w)
}

/// One word of the text, before weighting.
struct Token {
    /// Lower-cased, possessive removed.
    lower: String,
    capitalized: bool,
    /// First word of a line or sentence (after . ! ? : or an opening quote).
    initial: bool,
    /// Only spaces between this token and the previous one on the line.
    joined: bool,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    for line in text.lines() {
        let mut prev_end = 0;
        let mut first = true;
        let mut chars = line.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if !is_word(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let word = line[start..end].trim_end_matches(['\'', '’']);
            let lower = word.to_lowercase();
            let lower = crate::extract::words::strip_possessive(&lower)
                .unwrap_or(&lower)
                .replace(['\'', '’'], "");
            let sep = &line[prev_end..start];
            out.push(Token {
                lower,
                capitalized: word.chars().next().is_some_and(char::is_uppercase),
                initial: first
                    || sep.contains(['.', '!', '?', ':', '"', '“', '”', '—', '(', '|', '>']),
                joined: !first && !sep.is_empty() && sep.chars().all(|c| c == ' '),
            });
            first = false;
            prev_end = end;
        }
    }
    out
}

/// A plural `s` off common words: "talks" -> "talk", "militias" -> "militia", "parties" -> "party".
fn stem(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

fn usable(w: &str) -> bool {
    w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit()) && !is_stopword(w)
}

/// Weighted terms of one text into `counts` (name flag, count).
fn count_terms(text: &str, weight: f32, counts: &mut BTreeMap<String, (bool, f32)>) {
    let toks = tokens(text);
    // A capitalised word is a name if it is capitalised somewhere not starting a sentence.
    let names: BTreeSet<&str> = toks
        .iter()
        .filter(|t| t.capitalized && !t.initial)
        .map(|t| t.lower.as_str())
        .collect();
    let is_name = |t: &Token| t.capitalized && names.contains(t.lower.as_str());
    let mut run: Vec<&str> = Vec::new();
    for t in &toks {
        let name = is_name(t);
        if !(name && t.joined) {
            phrase(&mut run, weight, counts);
        }
        if name {
            run.push(&t.lower);
        }
        if !usable(&t.lower) {
            continue;
        }
        let term = if name {
            t.lower.clone()
        } else {
            stem(&t.lower)
        };
        if usable(&term) {
            add(counts, term, name, weight);
        }
    }
    phrase(&mut run, weight, counts);
}

fn add(counts: &mut BTreeMap<String, (bool, f32)>, term: String, name: bool, weight: f32) {
    let e = counts.entry(term).or_insert((name, 0.0));
    e.0 |= name;
    e.1 += weight;
}

/// Count a run of adjacent names as one phrase ("sergei lavrov"), then clear it.
/// Stopwords at the edges are trimmed ("The Kremlin" -> "kremlin", no phrase).
fn phrase(run: &mut Vec<&str>, weight: f32, counts: &mut BTreeMap<String, (bool, f32)>) {
    let start = run
        .iter()
        .position(|w| !is_stopword(w))
        .unwrap_or(run.len());
    let end = run
        .iter()
        .rposition(|w| !is_stopword(w))
        .map_or(start, |e| e + 1);
    let words = &run[start..end.max(start)];
    if words.len() >= 2 && words.iter().any(|w| usable(w)) {
        add(counts, words.join(" "), true, weight);
    }
    run.clear();
}

/// The article's salient terms, heaviest first, as a unit-length vector.
///
/// Title words count [`TITLE_WEIGHT`] times; names (and name phrases such as "sergei
/// shoigu", and the canonical names of people, organisations and countries that
/// extraction found) count [`NAME_WEIGHT`] times; weight = (1 + ln count) x that factor.
/// Stopwords and page furniture (`src/data/thread_stopwords.txt`) are dropped.
pub fn salient_terms(article: &Article, extraction: &Extraction) -> Vec<(String, f32)> {
    salient_terms_n(article, extraction, AssignConfig::default().article_terms)
}

fn salient_terms_n(article: &Article, extraction: &Extraction, keep: usize) -> Vec<(String, f32)> {
    let mut counts: BTreeMap<String, (bool, f32)> = BTreeMap::new();
    count_terms(&article.title, TITLE_WEIGHT, &mut counts);
    count_terms(&article.body, 1.0, &mut counts);
    for m in &extraction.actors {
        if matches!(m.kind, ActorKind::Anonymous) {
            continue;
        }
        let name = m.name.trim().to_lowercase();
        if usable(&name) || name.contains(' ') {
            let e = counts.entry(name).or_insert((true, 0.0));
            e.0 = true;
            e.1 += 1.0;
        }
    }
    let mut terms: Vec<(String, f32)> = counts
        .into_iter()
        .map(|(t, (name, n))| {
            let factor = if name { NAME_WEIGHT } else { 1.0 };
            (t, (1.0 + n.ln()) * factor)
        })
        .collect();
    sort_terms(&mut terms);
    terms.truncate(keep);
    normalize(&mut terms);
    terms
}

fn sort_terms(terms: &mut [(String, f32)]) {
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
}

fn normalize(terms: &mut [(String, f32)]) {
    let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in terms.iter_mut() {
            *w /= norm;
        }
    }
}

/// Actor codes of an article: its actor mentions and claim speakers.
fn actor_codes(extraction: &Extraction) -> BTreeSet<String> {
    let mentions = extraction.actors.iter().map(|m| m.code.as_str());
    let speakers = extraction
        .claims
        .iter()
        .filter_map(|c| c.actor_code.as_deref());
    mentions
        .chain(speakers)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// Where `article` goes, given the current threads.
pub fn assign(
    article: &Article,
    extraction: &Extraction,
    profiles: &[Profile],
    cfg: &AssignConfig,
) -> Assignment {
    let terms = salient_terms_n(article, extraction, cfg.article_terms);
    assign_with_terms(article, extraction, &terms, profiles, cfg)
}

/// [`assign`] with the article's terms already computed: they must be
/// `salient_terms` kept to `cfg.article_terms` (the ingest workers compute them, so the
/// single writer does not).
pub fn assign_with_terms(
    article: &Article,
    extraction: &Extraction,
    terms: &[(String, f32)],
    profiles: &[Profile],
    cfg: &AssignConfig,
) -> Assignment {
    let codes = actor_codes(extraction);
    let mut joins: Vec<(String, f32)> = Vec::new();
    for p in profiles {
        if p.has_rules() {
            if rules_match(p, article, &codes) {
                joins.push((p.slug.clone(), 1.0));
            }
            continue;
        }
        let score = similarity(terms, &codes, article.published.date, p, cfg);
        // Actor overlap alone never joins: the text must reach half the threshold.
        let text = similarity(terms, &BTreeSet::new(), article.published.date, p, cfg);
        if score >= cfg.threshold && text >= cfg.threshold / 2.0 {
            joins.push((p.slug.clone(), score));
        }
    }
    joins.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let new_thread = joins.is_empty().then(|| {
        let title = match article.title.trim() {
            "" => terms
                .iter()
                .take(3)
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            t => t.to_string(),
        };
        (slug_for(terms), title)
    });
    Assignment { joins, new_thread }
}

/// Score of an article against an automatic profile, in 0..=1.
pub fn similarity(
    terms: &[(String, f32)],
    codes: &BTreeSet<String>,
    date: Option<NaiveDate>,
    p: &Profile,
    cfg: &AssignConfig,
) -> f32 {
    if p.terms.is_empty() {
        return 0.0;
    }
    let norm = p.terms.values().map(|w| w * w).sum::<f32>().sqrt();
    let dot: f32 = terms
        .iter()
        .filter_map(|(t, w)| p.terms.get(t).map(|pw| w * pw))
        .sum();
    let cosine = if norm > 0.0 { dot / norm } else { 0.0 };
    // Codes seen in at least a quarter of the thread's articles.
    let frequent: BTreeSet<&str> = p
        .actor_counts
        .iter()
        .filter(|(_, &n)| n * 4.0 >= p.articles.max(1) as f32)
        .map(|(c, _)| c.as_str())
        .collect();
    let mut score = if codes.is_empty() || frequent.is_empty() {
        cosine
    } else {
        let inter = codes
            .iter()
            .filter(|c| frequent.contains(c.as_str()))
            .count();
        let union = codes.len() + frequent.len() - inter;
        let jaccard = inter as f32 / union as f32;
        (1.0 - cfg.actor_weight) * cosine + cfg.actor_weight * jaccard
    };
    if let (Some(d), Some(last)) = (date, p.last_date) {
        let late = (d - last).num_days() - cfg.recency_days;
        if late > 0 && cfg.recency_days > 0 {
            score *= 0.5f32.powf(late as f32 / cfg.recency_days as f32);
        }
    }
    score.clamp(0.0, 1.0)
}

fn rules_match(p: &Profile, article: &Article, codes: &BTreeSet<String>) -> bool {
    let keyword_ok = p.keywords.is_empty()
        || p.keywords.iter().any(|k| {
            let k = k.trim();
            !k.is_empty() && {
                let re = Regex::new(&format!(r"(?i)\b{}\b", regex::escape(k)));
                re.is_ok_and(|re| re.is_match(&article.title) || re.is_match(&article.body))
            }
        });
    let actor_ok = p.actors.is_empty()
        || p.actors.iter().any(|a| {
            let a = a.trim();
            !a.is_empty() && codes.iter().any(|c| c.starts_with(a))
        });
    keyword_ok && actor_ok
}

/// Add a member article (its [`salient_terms`], extraction and date) to a profile.
pub fn absorb(
    profile: &mut Profile,
    terms: &[(String, f32)],
    extraction: &Extraction,
    date: Option<NaiveDate>,
) {
    absorb_n(
        profile,
        terms,
        extraction,
        date,
        AssignConfig::default().profile_terms,
    );
}

/// [`absorb`], keeping at most `keep` profile terms.
pub fn absorb_n(
    profile: &mut Profile,
    terms: &[(String, f32)],
    extraction: &Extraction,
    date: Option<NaiveDate>,
    keep: usize,
) {
    for (t, w) in terms {
        *profile.terms.entry(t.clone()).or_insert(0.0) += w;
    }
    if profile.terms.len() > keep {
        let mut all: Vec<(String, f32)> = std::mem::take(&mut profile.terms).into_iter().collect();
        sort_terms(&mut all);
        all.truncate(keep);
        profile.terms = all.into_iter().collect();
    }
    for code in actor_codes(extraction) {
        *profile.actor_counts.entry(code).or_insert(0.0) += 1.0;
    }
    profile.last_date = profile.last_date.max(date);
    profile.articles += 1;
}

/// A thread slug is `[a-z0-9-]+` (at most 100 characters): it names a report folder, so it
/// must never hold a path separator, `..`, or anything a shell or terminal would interpret.
pub fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug from the top three single-word terms: "aleppo-russia-ceasefire".
///
/// ASCII only (accents folded, other characters dropped); "thread" when nothing is left.
/// The caller makes it unique.
pub fn slug_for(terms: &[(String, f32)]) -> String {
    let mut words: Vec<String> = Vec::new();
    for (t, _) in terms {
        if t.contains(' ') {
            continue;
        }
        let w: String = t.chars().filter_map(fold).collect();
        if w.len() >= 2 && !words.contains(&w) {
            words.push(w);
        }
        if words.len() == 3 {
            break;
        }
    }
    if words.is_empty() {
        "thread".to_string()
    } else {
        words.join("-")
    }
}

/// Lower-case ASCII for a character: letters and digits kept, common accents folded.
fn fold(c: char) -> Option<char> {
    let c = c.to_lowercase().next().unwrap_or(c);
    if c.is_ascii_alphanumeric() {
        return Some(c);
    }
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => return None,
    })
}

/// Purity and completeness (inverse purity) of a clustering.
///
/// `assigned` holds one (cluster, true class) pair per item. Purity: the share of items
/// that belong to their cluster's majority class. Completeness: the share of items
/// that fall in their class's majority cluster. (1, 1) for an empty input.
pub fn purity_completeness(assigned: &[(String, String)]) -> (f64, f64) {
    if assigned.is_empty() {
        return (1.0, 1.0);
    }
    let mut table: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (cluster, class) in assigned {
        *table.entry((cluster.as_str(), class.as_str())).or_default() += 1;
    }
    let majority = |by_first: bool| -> usize {
        let mut best: BTreeMap<&str, usize> = BTreeMap::new();
        for (&(cluster, class), &n) in &table {
            let key = if by_first { cluster } else { class };
            let b = best.entry(key).or_default();
            *b = (*b).max(n);
        }
        best.values().sum()
    };
    let n = assigned.len() as f64;
    (majority(true) as f64 / n, majority(false) as f64 / n)
}

#[cfg(test)]
mod tests;
