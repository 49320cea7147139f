//! Sides as data: which party and which country an actor code speaks for. The one place that
//! derives them: contradiction rules, explanations and the charts all ask here.
//!
//! The party table is `sides.tsv` (data, so an analyst can follow another story without touching
//! the rules; see its header), read here and nowhere else: [`side_of`], or [`ActorCode::side`]
//! on a typed code. A code's country is [`ActorCode::country`] (from the gazetteer, in
//! `extract::actors`); an unknown speaker (no code, or `UNKNWN`) has no side and no country.

use once_cell::sync::Lazy;

use crate::extract::actors::ActorCode;

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

static TABLE: Lazy<Vec<Row>> = Lazy::new(|| {
    crate::data::SIDES
        .rows()
        .iter()
        .map(|row| {
            let (pattern, side, label) = (row.col(0), row.col(1), row.col(2));
            let (pattern, prefix) = match pattern.strip_suffix('*') {
                Some(p) => (p, true),
                None => (pattern, false),
            };
            Row {
                pattern: pattern.to_ascii_uppercase(),
                prefix,
                side: (side != "?").then(|| side.to_string()),
                label: label.trim_end().to_string(),
            }
        })
        .collect()
});

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
            let code = ActorCode::new(code);
            let (country, role) = code.split();
            // State media, intelligence and former officials speak for the state too.
            // A bare country code is the state itself ("Spain carried out the raid" names the
            // doer ESP): the side of its government, not a side of its own.
            let class = match role {
                "" if country.len() == 3 && code.as_str().len() == 3 => "government",
                "GOV" | "MIL" | "POL" | "JUD" | "LEG" | "MED" | "SPY" | "ELI" => "government",
                r if crate::extract::actors::ARMED_CAMP_ROLES.contains(&r) => "rebels",
                "OPP" => "opposition",
                _ => "",
            };
            let name = crate::extract::actors::country_name(country).unwrap_or(country.to_string());
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

impl ActorCode {
    /// The party this code speaks for: [`side_of`] (the one sides table).
    pub fn side(&self) -> Option<Side> {
        side_of(self.as_str())
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
        check("FRA", Some("fra-government"));
        check("", None);
        check("UNKNWN", None);
        check("FRAELI", Some("fra-government"));
        check("TURMED", Some("turkey"));
        assert_eq!(side_of("FRAGOV").unwrap().label, "France");
        assert_eq!(side_of("YEMREB").unwrap().label, "Yemen rebels");
    }

    #[test]
    fn countries_of_codes() {
        let c = |code: &str| ActorCode::new(code).country();
        assert_eq!(c("RUSMIL"), Some("RUS"));
        assert_eq!(c("GBRELI"), Some("GBR"));
        assert_eq!(c("RUS"), Some("RUS"));
        assert_eq!(c("IGOUNO"), None);
        assert_eq!(c("NGOHRW"), None);
        assert_eq!(c("UNKNWN"), None);
    }
}
