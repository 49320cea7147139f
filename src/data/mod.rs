//! The embedded data tables (rules are data) and the one strict loader that reads them.
//!
//! Every lexicon, word list and table the pipeline reads is a file in this folder (the
//! actor gazetteer seed is in `schema/gazetteer/`), compiled into the binary with
//! `include_str!` here and nowhere else. Each file documents its columns in its `#` header
//! lines. [`Table::rows`] is the only parser: tab-separated columns, `#` comment lines and
//! blank lines skipped, and a row with the wrong number of columns is an error that names
//! the file and the line, never a silent skip. The test at the bottom loads every table in
//! [`ALL`], so a bad row fails `cargo test`, not a user's run.

use std::fmt;

/// One embedded TSV table: its file name (for messages), its text and its column bounds.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub file: &'static str,
    pub text: &'static str,
    /// Fewest columns a row may have.
    pub min_cols: usize,
    /// Most columns a row may have (trailing optional columns).
    pub max_cols: usize,
}

/// One data row: its 1-based line number in the file and its columns (as written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub line: usize,
    pub cols: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Column `i`, or "" when an optional trailing column is absent.
    pub fn col(&self, i: usize) -> &'a str {
        self.cols.get(i).copied().unwrap_or("")
    }
}

/// A row that does not fit its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for TableError {}

/// Parses tab-separated `text` named `file`: skips blank and `#` lines and requires between `min` and `max` columns on every row.
pub fn rows<'a>(
    file: &str,
    text: &'a str,
    min: usize,
    max: usize,
) -> Result<Vec<Row<'a>>, TableError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < min || cols.len() > max {
            let want = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(TableError {
                file: file.to_string(),
                line: i + 1,
                message: format!(
                    "expected {want} tab-separated columns, found {}",
                    cols.len()
                ),
            });
        }
        if cols[0].trim().is_empty() {
            return Err(TableError {
                file: file.to_string(),
                line: i + 1,
                message: "first column is empty".to_string(),
            });
        }
        out.push(Row { line: i + 1, cols });
    }
    Ok(out)
}

impl Table {
    /// The table's rows; an embedded table that does not parse is a build defect (the test
    /// below loads every one), so this panics with the file and line.
    pub fn rows(&self) -> Vec<Row<'static>> {
        rows(self.file, self.text, self.min_cols, self.max_cols).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The first column of the rows whose second column is `list` (a word list of a
    /// `word<TAB>list` table such as `claim_words.tsv`), in file order.
    pub fn list(&self, list: &str) -> Vec<&'static str> {
        self.rows()
            .into_iter()
            .filter(|r| r.col(1) == list)
            .map(|r| r.col(0))
            .collect()
    }

    /// The first two columns of each row, trimmed, in file order: a two-column table read as
    /// key and value ("Montana", "USA").
    pub fn pairs(&self) -> Vec<(&'static str, &'static str)> {
        self.rows()
            .into_iter()
            .map(|r| (r.col(0).trim(), r.col(1).trim()))
            .collect()
    }

    /// The table's whitespace-separated words (for word lists such as stopwords).
    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.text
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
    }
}

macro_rules! table {
    ($name:ident, $file:literal, $min:expr, $max:expr, $doc:literal) => {
        #[doc = $doc]
        pub const $name: Table = Table {
            file: $file,
            text: include_str!($file),
            min_cols: $min,
            max_cols: $max,
        };
    };
}

table!(
    CUES,
    "cues.tsv",
    5,
    5,
    "Attribution cues: reporting verbs and phrases."
);
table!(
    ATTRIB_ROLES,
    "attrib_roles.tsv",
    4,
    4,
    "Role nouns for speaker phrases and coreference."
);
table!(
    TITLES,
    "titles.tsv",
    4,
    5,
    "Titles and roles (official, defense minister, spokeswoman)."
);
table!(
    FRAMES,
    "frames.tsv",
    2,
    7,
    "Frame rules: chart labels with weights and polarity."
);
table!(
    NEGATIONS,
    "negations.tsv",
    2,
    3,
    "Negation and denial words."
);
table!(
    HEDGES,
    "hedges.tsv",
    3,
    3,
    "Hedges and modals that weaken a claim."
);
table!(
    FIGURES,
    "figures.tsv",
    2,
    3,
    "Figure (number) nouns and their units."
);
table!(
    EVENTS,
    "events.tsv",
    4,
    4,
    "Event triggers with CAMEO root codes."
);
table!(
    ACTS,
    "acts.tsv",
    6,
    6,
    "Proposition acts: frame, sign, agent rule, wording, pattern."
);
table!(
    POSITIONS,
    "positions.tsv",
    2,
    2,
    "Position cues: negation, dismissal, accusation, incident."
);
table!(
    STATE_EPITHETS,
    "state_epithets.tsv",
    2,
    2,
    "State epithets: 'the kingdom', 'the emirate' and the states each may stand for."
);
table!(
    PARTY_TAGS,
    "party_tags.tsv",
    3,
    3,
    "Party-and-state tags after a legislator's name: '(D-Calif.)' and the code they give."
);
table!(
    SIDES,
    "sides.tsv",
    3,
    3,
    "Which side of the story an actor code speaks for."
);
table!(
    FURNITURE,
    "furniture.tsv",
    5,
    5,
    "Page furniture line rules."
);
table!(
    AGENCIES,
    "agencies.tsv",
    2,
    2,
    "News agencies and their aliases."
);
table!(
    THREAD_STOPWORDS,
    "thread_stopwords.txt",
    1,
    usize::MAX,
    "Words that say nothing about which story an article belongs to."
);
table!(
    GAZETTEER_SEED,
    "../../schema/gazetteer/seed.tsv",
    5,
    5,
    "Actor gazetteer seed: the story cast."
);
table!(
    GAZETTEER_COUNTRIES,
    "../../schema/gazetteer/countries.tsv",
    5,
    7,
    "Actor gazetteer: every UN member state, its names, demonyms and institutions."
);
table!(
    GAZETTEER_INSTITUTIONS,
    "../../schema/gazetteer/institutions.tsv",
    5,
    5,
    "Actor gazetteer: international bodies, monitors and NGOs."
);
table!(
    GAZETTEER_PEOPLE,
    "../../schema/gazetteer/people.tsv",
    7,
    7,
    "Actor gazetteer: people with dated roles."
);

// timexact
table!(
    TITLE_MODIFIERS,
    "title_modifiers.tsv",
    1,
    1,
    "Modifier words a title's phrase reaches over: \"a senior U.S. official\"."
);
table!(
    QUALIFIER_SUFFIXES,
    "qualifier_suffixes.tsv",
    1,
    1,
    "Suffixes that make a name qualify a noun: \"Russian-backed forces\"."
);
// claims
table!(
    CLAIM_WORDS,
    "claim_words.tsv",
    2,
    2,
    "Attribution word lists: speaker-phrase modifiers and stops, skippable adverbs, trailers."
);
table!(
    SENTENCE_WORDS,
    "sentence_words.tsv",
    2,
    2,
    "Sentence splitter word lists: abbreviations and sentence starters."
);
table!(
    TOLL_WORDS,
    "toll_words.tsv",
    1,
    1,
    "Words too common in casualty reports to tell two incidents apart."
);
table!(
    INCIDENT_NOUNS,
    "incident_nouns.tsv",
    2,
    2,
    "Words linking blames to one incident: incident nouns, their specifiers, headline blame words."
);
table!(
    CRAFTS,
    "crafts.tsv",
    2,
    2,
    "Craft nouns and the class they share, so claims naming one craft in other words meet."
);
table!(
    COUNTS,
    "counts.tsv",
    2,
    3,
    "Counts without a number: none (\"no one has died\") and some (\"killed some civilians\")."
);
table!(
    FIGURE_BLOCKERS,
    "figure_blockers.tsv",
    1,
    1,
    "Words that make the number after them no figure (months, resolution numbers)."
);

// codes
table!(
    FRAME_FLAGS,
    "frame_flags.tsv",
    4,
    4,
    "Frame flags: which frames the contradiction rules treat as blame, party or figure frames."
);

// context
table!(
    STATE_ROLES,
    "state_roles.tsv",
    5,
    5,
    "State roles: the role suffixes that make an actor code an organ of a state."
);
table!(
    REGIONS,
    "regions.tsv",
    2,
    2,
    "First-level regions (US states, Canadian provinces …) with their state."
);
table!(
    PARTY_WORDS,
    "party_words.tsv",
    3,
    3,
    "Party words before a legislator's title: 'Republican Sen.' and the code they give."
);
table!(
    DATELINE_CITIES,
    "dateline_cities.tsv",
    2,
    2,
    "Dateline cities: wire datelines that are not capitals, with their country."
);
table!(
    WEB_DOMAINS,
    "web_domains.tsv",
    3,
    3,
    "Web domains: a page address's country-code domain names the publisher's country."
);
table!(
    SPEAKER_LINKS,
    "speaker_links.tsv",
    3,
    3,
    "Speaker links: \"on behalf of X\", \"issued by X\" tie a speaker to party X."
);
// claim dates
table!(
    OCCASIONS,
    "occasions.tsv",
    2,
    3,
    "Occasion words of claim dates: earlier occasions, scene openers, day-after, same-day replies."
);

table!(
    WORD_CLASSES,
    "word_classes.tsv",
    3,
    3,
    "Word classes of own-words propositions: synonyms and antonyms of one class word."
);

/// Every embedded TSV table (the stopword list is words, not rows).
pub const ALL: &[Table] = &[
    CUES,
    ATTRIB_ROLES,
    TITLES,
    FRAMES,
    NEGATIONS,
    HEDGES,
    FIGURES,
    EVENTS,
    ACTS,
    POSITIONS,
    SIDES,
    FURNITURE,
    AGENCIES,
    GAZETTEER_SEED,
    GAZETTEER_COUNTRIES,
    GAZETTEER_INSTITUTIONS,
    GAZETTEER_PEOPLE,
    // timexact
    TITLE_MODIFIERS,
    QUALIFIER_SUFFIXES,
    // claims
    CLAIM_WORDS,
    SENTENCE_WORDS,
    FIGURE_BLOCKERS,
    TOLL_WORDS,
    INCIDENT_NOUNS,
    CRAFTS,
    COUNTS,
    // codes
    FRAME_FLAGS,
    // context
    STATE_ROLES,
    STATE_EPITHETS,
    PARTY_TAGS,
    REGIONS,
    PARTY_WORDS,
    DATELINE_CITIES,
    WEB_DOMAINS,
    SPEAKER_LINKS,
    // claim dates
    OCCASIONS,
    // own-words propositions
    WORD_CLASSES,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_table_loads() {
        for t in ALL {
            let rows = rows(t.file, t.text, t.min_cols, t.max_cols).unwrap();
            assert!(!rows.is_empty(), "{} has no rows", t.file);
        }
        assert!(THREAD_STOPWORDS.words().count() > 50);
    }

    #[test]
    fn a_bad_row_names_file_and_line() {
        let cases: &[(&str, usize, usize, Result<usize, &str>)] = &[
            ("a\tb\n", 2, 2, Ok(1)),
            ("# header\n\na\tb\n", 2, 2, Ok(1)),
            (
                "a\tb\nc\n",
                2,
                2,
                Err("x.tsv:2: expected 2 tab-separated columns, found 1"),
            ),
            (
                "a\n",
                2,
                3,
                Err("x.tsv:1: expected 2 to 3 tab-separated columns, found 1"),
            ),
            (
                "a\tb\tc\td\n",
                2,
                3,
                Err("x.tsv:1: expected 2 to 3 tab-separated columns, found 4"),
            ),
            ("\tb\n", 2, 2, Err("x.tsv:1: first column is empty")),
        ];
        for (text, min, max, want) in cases {
            let got = rows("x.tsv", text, *min, *max)
                .map(|r| r.len())
                .map_err(|e| e.to_string());
            assert_eq!(got, want.map_err(str::to_string), "{text:?}");
        }
    }

    #[test]
    fn optional_columns_read_as_empty() {
        let r = rows("x.tsv", "a\tb\n", 2, 3).unwrap();
        assert_eq!((r[0].col(1), r[0].col(2)), ("b", ""));
    }
}
