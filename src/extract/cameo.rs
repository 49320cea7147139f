//! CAMEO actor dictionaries (the PETRARCH/TABARI `.actors` format of the Phoenix and CountryInfo
//! dictionaries) read into gazetteer entries: pure text -> data, no I/O, never fails.
//!
//! The format, as PETRARCH documents it: a record is a primary phrase with an optional default
//! code (`AFGHANISTAN_ [AFG]`), then synonym lines starting with `+`, then date restrictions on
//! indented lines (`\t[USAGOV 090120-170120]`, `[USAGOV >130201]`, `[USAELI <090119]`, or a bare
//! `[USAELI]` default). Words are joined by `_`; a trailing `_` only stops plurals. `#` (and the
//! older `;`) start comments. Dates are YYYYMMDD or YYMMDD (YY up to 30 is 20YY, else 19YY).
//!
//! Each dated code becomes one entry with `from`/`until`, listed before the record's default so
//! the gazetteer's "first row that holds on the date" rule is the dictionary's own rule.

use chrono::NaiveDate;

use crate::model::{ActorKind, GazetteerEntry};

/// Parse a CAMEO actor dictionary. Lines that fit no rule are skipped and counted in the second
/// value, so a caller can warn about them; so is a record line whose `[code]` does not parse
/// (the record is kept, without that default code).
pub fn parse(text: &str) -> (Vec<GazetteerEntry>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    let mut record: Option<Record> = None;
    for raw in text.lines() {
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let t = line.trim();
        if let Some(syn) = t.strip_prefix('+') {
            match record.as_mut() {
                Some(r) => r.aliases.push(phrase(syn)),
                None => skipped += 1,
            }
        } else if indented && t.starts_with('[') {
            match (record.as_mut(), restriction(t)) {
                (Some(r), Some(role)) => r.roles.push(role),
                _ => skipped += 1,
            }
        } else if indented {
            skipped += 1;
        } else {
            if let Some(r) = record.take() {
                r.emit(&mut out);
            }
            let (name, code) = match t.find('[') {
                Some(i) => {
                    let code = restriction(&t[i..]).map(|r| r.code);
                    // `[---]` is the dictionaries' "no code"; any other bracket that does not
                    // parse loses the record its default code, so it is reported.
                    if code.is_none() && t[i..].trim() != "[---]" {
                        skipped += 1;
                    }
                    (&t[..i], code)
                }
                None => (t, None),
            };
            record = Some(Record {
                name: phrase(name),
                aliases: Vec::new(),
                default: code,
                roles: Vec::new(),
            });
        }
    }
    if let Some(r) = record.take() {
        r.emit(&mut out);
    }
    (out, skipped)
}

struct Record {
    name: String,
    aliases: Vec<String>,
    default: Option<String>,
    roles: Vec<Role>,
}

struct Role {
    code: String,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

impl Record {
    fn emit(self, out: &mut Vec<GazetteerEntry>) {
        if self.name.is_empty() {
            return;
        }
        let dated: Vec<&Role> = self
            .roles
            .iter()
            .filter(|r| r.from.is_some() || r.until.is_some())
            .collect();
        let default = self.default.clone().or_else(|| {
            self.roles
                .iter()
                .find(|r| r.from.is_none() && r.until.is_none())
                .map(|r| r.code.clone())
        });
        let kind = |code: &str| {
            if code.len() == 3 && dated.is_empty() {
                ActorKind::Country
            } else if !dated.is_empty() {
                ActorKind::Person
            } else {
                ActorKind::Organisation
            }
        };
        let mut aliases: Vec<String> = Vec::new();
        for a in self.aliases.iter().chain([&self.name]) {
            if !a.is_empty() && !aliases.contains(a) {
                aliases.push(a.clone());
            }
        }
        let name = display_name(&self.name);
        for r in &dated {
            out.push(GazetteerEntry {
                name: name.clone(),
                code: r.code.clone(),
                kind: kind(&r.code),
                aliases: aliases.clone(),
                from: r.from,
                until: r.until,
            });
        }
        if let Some(code) = default {
            out.push(GazetteerEntry {
                name,
                kind: kind(&code),
                code,
                aliases,
                from: None,
                until: None,
            });
        }
    }
}

fn strip_comment(line: &str) -> &str {
    let cut = line.find(['#', ';']).unwrap_or(line.len());
    &line[..cut]
}

/// `BARACK_OBAMA_` -> "Barack Obama"; `PRESIDENT_OF_RUSSIA` -> "president of russia" (matched in
/// any case); a short single word stays upper case as an acronym (`NATO`, `RIA`).
fn phrase(raw: &str) -> String {
    let words: Vec<&str> = raw
        .trim()
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [] => String::new(),
        [one] if one.chars().filter(|c| c.is_alphabetic()).count() <= 4 => one.to_string(),
        [one] => title_case(one),
        many => many
            .iter()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The name shown in listings: every word title-cased ("Barack Obama").
fn display_name(alias: &str) -> String {
    alias
        .split(' ')
        .map(title_case)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word in title case, each hyphenated part too ("AL-JUBEIR" -> "Al-Jubeir").
pub(crate) fn title_case(word: &str) -> String {
    word.split('-')
        .map(|part| {
            let mut c = part.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join("-")
}

/// `[USAGOV 090120-170120]`, `[USAGOV >130201]`, `[USAELI <090119]`, `[AFG]`.
fn restriction(t: &str) -> Option<Role> {
    let inner = t.strip_prefix('[')?;
    let inner = &inner[..inner.find(']')?];
    let mut parts = inner.split_whitespace();
    let code = parts.next()?.to_ascii_uppercase();
    if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (from, until) = match parts.next() {
        None => (None, None),
        Some(d) => {
            if let Some(a) = d.strip_prefix('>') {
                (Some(day(a)?), None)
            } else if let Some(b) = d.strip_prefix('<') {
                (None, Some(day(b)?))
            } else {
                let (a, b) = d.split_once('-')?;
                (Some(day(a)?), Some(day(b)?))
            }
        }
    };
    Some(Role { code, from, until })
}

/// YYYYMMDD or YYMMDD.
fn day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let full = match s.len() {
        8 => s.to_string(),
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            format!("{}{s}", if yy <= 30 { "20" } else { "19" })
        }
        _ => return None,
    };
    NaiveDate::parse_from_str(&full, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small dictionary written for this test (not from any published dictionary).
    const DICT: &str = "\
# test dictionary
FREEDONIA_  [FRD]
+FREEDONIAN_
RUFUS_T._FIREFLY_  # a made-up leader
+FIREFLY
+PRESIDENT_FIREFLY
\t[FRDGOV 330101-451231] # president
\t[FRDELI]
TRENTINO_ ; old-style comment
\t[SYLGOV >19330601]
\t[SYLMIL <330531]
";

    /// `expect`: one entry per line as "name|code|kind|from|until|aliases".
    fn check(input: &str, expect: &str) {
        let (entries, _) = parse(input);
        let got: Vec<String> = entries
            .iter()
            .map(|e| {
                let d = |x: Option<NaiveDate>| x.map(|d| d.to_string()).unwrap_or("-".into());
                format!(
                    "{}|{}|{}|{}|{}|{}",
                    e.name,
                    e.code,
                    e.kind.as_str(),
                    d(e.from),
                    d(e.until),
                    e.aliases.join(",")
                )
            })
            .collect();
        assert_eq!(got.join("\n"), expect.trim());
    }

    #[test]
    fn dictionary_records() {
        check(
            DICT,
            "
Freedonia|FRD|country|-|-|Freedonian,Freedonia
Rufus T. Firefly|FRDGOV|person|1933-01-01|1945-12-31|Firefly,president firefly,rufus t. firefly
Rufus T. Firefly|FRDELI|person|-|-|Firefly,president firefly,rufus t. firefly
Trentino|SYLGOV|person|1933-06-01|-|Trentino
Trentino|SYLMIL|person|-|1933-05-31|Trentino",
        );
    }

    #[test]
    fn bad_lines_are_counted_not_fatal() {
        let (entries, skipped) = parse("+ORPHAN\n\t[XXX 1-2]\nNAME_\n\t[ABCGOV 9999-1]\n\tjunk\n");
        assert_eq!(skipped, 4);
        assert!(entries.is_empty(), "{entries:?}");
    }

    #[test]
    fn a_record_code_that_does_not_parse_is_counted() {
        let (entries, skipped) = parse("BAD_ [AB-C]\n\t[ABCGOV]\nSEA_  [---]\n");
        assert_eq!(skipped, 1);
        assert_eq!(entries.len(), 1, "{entries:?}");
        assert_eq!(entries[0].code, "ABCGOV");
    }

    #[test]
    fn dated_codes_apply_inside_their_dates() {
        let (entries, _) = parse(DICT);
        let g = crate::extract::actors::Gazetteer::with_extra(&entries);
        let at = |d: &str| {
            let d = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
            crate::extract::actors::resolve_speaker_on("Firefly", &g, d).map(|r| r.code)
        };
        assert_eq!(at("1940-05-01").as_deref(), Some("FRDGOV"));
        assert_eq!(at("1950-05-01").as_deref(), Some("FRDELI"));
    }
}
