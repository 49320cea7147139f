//! Reading the embedded tables actor recognition needs: the gazetteer tables, `titles.tsv` and
//! the word lists of `src/data/` (all through `crate::data`'s one strict loader).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;
use once_cell::sync::Lazy;

use crate::data::{self, Row, Table};
use crate::model::{ActorKind, GazetteerEntry};

/// The gazetteer tables: the seed first (story-specific rows win), then the world gazetteer.
const SEED: [Table; 4] = [
    data::GAZETTEER_SEED,
    data::GAZETTEER_COUNTRIES,
    data::GAZETTEER_INSTITUTIONS,
    data::GAZETTEER_PEOPLE,
];

/// Every built-in gazetteer entry with its ISO alpha-3 side (parallel vectors).
pub(super) fn seed() -> (Vec<GazetteerEntry>, Vec<Option<String>>) {
    let mut entries = Vec::new();
    let mut countries = Vec::new();
    for table in &SEED {
        for row in table.rows() {
            let (entry, country) = seed_entry(table, &row);
            entries.push(entry);
            countries.push(country);
        }
    }
    (entries, countries)
}

/// A `kind` column that names no actor kind is a defect of the embedded table: it names the file
/// and line, like any other bad row.
fn kind_of(table: &Table, row: &Row, col: usize) -> ActorKind {
    ActorKind::parse(row.col(col).trim()).unwrap_or_else(|| {
        panic!(
            "{}:{}: unknown actor kind {:?}",
            table.file,
            row.line,
            row.col(col)
        )
    })
}

/// One gazetteer row: `code kind name country aliases [from until]`.
fn seed_entry(table: &Table, row: &Row) -> (GazetteerEntry, Option<String>) {
    let kind = kind_of(table, row, 1);
    let country = match row.col(3).trim() {
        "-" | "" => None,
        c => Some(c.to_string()),
    };
    let aliases = row
        .col(4)
        .split('|')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let entry = GazetteerEntry {
        name: row.col(2).trim().to_string(),
        code: row.col(0).trim().to_string(),
        kind,
        aliases,
        from: parse_day(row.col(5)),
        until: parse_day(row.col(6)),
    };
    (entry, country)
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// One row of titles.tsv.
#[derive(Debug)]
pub(super) struct Title {
    pub role: String,
    pub kind: ActorKind,
    pub default: Option<String>,
    /// A place after the title is the posting, not a side ("a diplomat in Tehran").
    pub posted: bool,
}

/// The titles of titles.tsv with their plurals, compiled into one automaton.
pub(super) struct Titles {
    pub ac: AhoCorasick,
    /// Pattern index -> title row.
    pub rows: Vec<usize>,
    pub titles: Vec<Title>,
}

pub(super) static TITLE_TABLE: Lazy<Titles> = Lazy::new(|| {
    let mut phrases: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut titles = Vec::new();
    for row in data::TITLES.rows() {
        let idx = titles.len();
        titles.push(Title {
            role: row.col(1).trim().to_string(),
            kind: kind_of(&data::TITLES, &row, 2),
            default: match row.col(3).trim() {
                "-" | "" => None,
                c => Some(c.to_string()),
            },
            posted: row.col(4).trim() == "posted",
        });
        let t = row.col(0).trim().to_lowercase();
        for form in std::iter::once(t.clone()).chain(plural(&t)) {
            if !phrases.contains(&form) {
                phrases.push(form);
                rows.push(idx);
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        // Titles start with most letters, so a prefilter finds a candidate at almost every
        // word and costs more than the DFA it skips to (same matches without it).
        .prefilter(false)
        .build(&phrases)
        .expect("titles.tsv builds");
    Titles { ac, rows, titles }
});

/// The plural a title also matches: -man -> -men, otherwise +s; none for a title already in
/// -s or in -person.
fn plural(t: &str) -> Option<String> {
    if t.ends_with('s') {
        None
    } else if let Some(stem) = t.strip_suffix("man") {
        Some(format!("{stem}men"))
    } else if t.ends_with("person") {
        None
    } else {
        Some(format!("{t}s"))
    }
}

/// The first column of a one-column word table, trimmed.
fn words(table: &Table) -> Vec<&'static str> {
    table.rows().iter().map(|r| r.col(0).trim()).collect()
}

/// Open-class modifiers a title's phrase reaches over (`title_modifiers.tsv`).
pub(super) static TITLE_MODIFIERS: Lazy<Vec<&'static str>> =
    Lazy::new(|| words(&data::TITLE_MODIFIERS));

/// Suffixes that make a name qualify the next noun (`qualifier_suffixes.tsv`).
pub(super) static QUALIFIER_SUFFIXES: Lazy<Vec<&'static str>> =
    Lazy::new(|| words(&data::QUALIFIER_SUFFIXES));
