//! Sides as data: which party an actor code speaks for, read from the embedded `sides.tsv`.
//!
//! The table is data so an analyst can follow another story (another set of parties)
//! without touching the rules. See the header of `sides.tsv` for the format.

use once_cell::sync::Lazy;

/// The party an actor code speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// Compared between claims: "russia", "usa", "syria-government" ...
    pub key: String,
    /// How explanations name it: "Russia", "US" ...
    pub label: String,
    /// Row of `sides.tsv` (usize::MAX for fallbacks); orders parties in explanations.
    pub rank: usize,
}

struct Row {
    pattern: String,
    prefix: bool,
    side: Option<String>,
    label: String,
}

static TABLE: Lazy<Vec<Row>> = Lazy::new(|| parse(include_str!("sides.tsv")));

fn parse(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(pattern), Some(side)) = (cols.next(), cols.next()) else {
            continue;
        };
        let label = cols.next().unwrap_or(side);
        let (pattern, prefix) = match pattern.strip_suffix('*') {
            Some(p) => (p, true),
            None => (pattern, false),
        };
        rows.push(Row {
            pattern: pattern.to_ascii_uppercase(),
            prefix,
            side: (side != "?").then(|| side.to_string()),
            label: label.to_string(),
        });
    }
    rows
}

/// The side of an actor code (or a bare ISO alpha-3 country code), `None` when unknown.
///
/// Exact rows win over prefix rows, longer prefixes over shorter ones; a code no row
/// matches falls back to its country and role class (see `sides.tsv`).
pub fn side_of(code: &str) -> Option<Side> {
    let code = code.trim().to_ascii_uppercase();
    if code.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize)> = None; // (row, matched length; exact = usize::MAX)
    for (i, row) in TABLE.iter().enumerate() {
        let len = if !row.prefix && row.pattern == code {
            usize::MAX
        } else if row.prefix && code.starts_with(&row.pattern) {
            row.pattern.len()
        } else {
            continue;
        };
        if best.is_none_or(|(_, l)| len > l) {
            best = Some((i, len));
        }
    }
    match best {
        Some((i, _)) => {
            let row = &TABLE[i];
            row.side.as_ref().map(|key| Side {
                key: key.clone(),
                label: row.label.clone(),
                rank: i,
            })
        }
        None => {
            let country: String = code.chars().take(3).collect();
            let role: String = code.chars().skip(3).collect();
            let class = match role.as_str() {
                "GOV" | "MIL" | "POL" | "JUD" | "LEG" => "government",
                "REB" | "INS" | "NSA" => "rebels",
                "OPP" => "opposition",
                _ => "",
            };
            let (key, label) = if class.is_empty() {
                (country.to_ascii_lowercase(), country)
            } else {
                (
                    format!("{}-{class}", country.to_ascii_lowercase()),
                    format!("{country} {class}"),
                )
            };
            Some(Side {
                key,
                label,
                rank: usize::MAX,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(code: &str, expect: Option<&str>) {
        assert_eq!(side_of(code).map(|s| s.key).as_deref(), expect, "{code}");
    }

    #[test]
    fn sides_table() {
        check("RUSGOV", Some("russia"));
        check("RUSMIL", Some("russia"));
        check("RUS", Some("russia"));
        check("USAGOV", Some("usa"));
        check("SYRGOV", Some("syria-government"));
        check("SYRMIL", Some("syria-government"));
        check("SYRREB", Some("syria-opposition"));
        check("SYRNSA", Some("syria-opposition"));
        check("SYR", None);
        check("SYRNGO", Some("syria-monitors"));
        check("SYRCVL", Some("syr"));
        check("IGOUNO", Some("neutral"));
        check("NGOMSF", Some("neutral"));
        check("COLGOV", Some("colombia-government"));
        check("COLREB", Some("farc"));
        check("COLOPP", Some("colombia-opposition"));
        check("FRAGOV", Some("fra-government"));
        check("FRAMIL", Some("fra-government"));
        check("YEMREB", Some("yem-rebels"));
        check("FRACVL", Some("fra"));
        check("", None);
    }
}
