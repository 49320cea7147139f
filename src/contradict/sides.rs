//! Sides as data: which party and which country an actor code speaks for. The one place that
//! derives them: contradiction rules, explanations and the charts all ask here.
//!
//! The party table is `sides.tsv` (data, so an analyst can follow another story without touching
//! the rules; see its header). A code's country comes from the gazetteer (`extract::actors`), and
//! an unknown speaker (no code, or `UNKNWN`) has no side and no country.

use once_cell::sync::Lazy;

/// The party an actor code speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

static TABLE: Lazy<Vec<Row>> = Lazy::new(|| parse(crate::data::SIDES.text));

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
    if code.is_empty() || code == crate::extract::actors::UNKNOWN_CODE {
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
            // One party, one rank: the first row naming it (SYRGOV and SYRMIL are one lane).
            row.side.as_ref().map(|key| Side {
                key: key.clone(),
                label: row.label.clone(),
                rank: TABLE
                    .iter()
                    .position(|r| r.side.as_ref() == Some(key))
                    .unwrap_or(i),
            })
        }
        None => {
            let country: String = code.chars().take(3).collect();
            let role: String = code.chars().skip(3).collect();
            // State media, intelligence and former officials speak for the state too.
            let class = match role.as_str() {
                "GOV" | "MIL" | "POL" | "JUD" | "LEG" | "MED" | "SPY" | "ELI" => "government",
                "REB" | "INS" | "NSA" => "rebels",
                "OPP" => "opposition",
                _ => "",
            };
            let name = crate::extract::actors::country_name(&country).unwrap_or(country.clone());
            let (key, label) = match class {
                "" => (country.to_ascii_lowercase(), name),
                "government" => (format!("{}-{class}", country.to_ascii_lowercase()), name),
                _ => (
                    format!("{}-{class}", country.to_ascii_lowercase()),
                    format!("{name} {class}"),
                ),
            };
            Some(Side {
                key,
                label,
                rank: usize::MAX,
            })
        }
    }
}

/// The country (ISO alpha-3) an actor code speaks for: RUSMIL -> RUS, IGOUNO -> None,
/// UNKNWN -> None. Bare country codes (RUS) answer themselves.
pub fn country_of(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    if code == crate::extract::actors::UNKNOWN_CODE {
        return None;
    }
    crate::extract::actors::builtin_ref().country_of(&code)
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
        check("UNKNWN", None);
        check("FRAELI", Some("fra-government"));
        check("TURMED", Some("turkey"));
        assert_eq!(side_of("FRAGOV").unwrap().label, "France");
        assert_eq!(side_of("YEMREB").unwrap().label, "Yemen rebels");
    }

    #[test]
    fn countries_of_codes() {
        let c = |code: &str| country_of(code);
        assert_eq!(c("RUSMIL").as_deref(), Some("RUS"));
        assert_eq!(c("GBRELI").as_deref(), Some("GBR"));
        assert_eq!(c("RUS").as_deref(), Some("RUS"));
        assert_eq!(c("IGOUNO"), None);
        assert_eq!(c("NGOHRW"), None);
        assert_eq!(c("UNKNWN"), None);
    }
}
