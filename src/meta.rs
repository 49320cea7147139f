//! Article metadata from a cleaned page: title, published date, source agency, dateline, byline and contributors.
//!
//! `build` turns a `CleanDoc` plus what the format already knew (`Hints`, e.g. HTML meta tags)
//! into an `Article`. It takes the headline, byline, dateline prefix and contributor lines out of
//! the body so that claims never start with "MOSCOW (AP) — ".
//!
//! Precedence. Date: `--date` > format metadata (HTML meta, feed entry, JSON field) > a date
//! stamp in the page ("Posted Aug. 29, 2016", "Updated: 2016-08-29"; "posted"/"published" beat
//! "updated", and an "updated" stamp later than the file name's date loses to it) > a date in the
//! file name (2016-08-29-...) > unknown. Source: format metadata >
//! dateline agency > byline agency > copyright line > agency line > file name token > site name.

use crate::clean::{join, Block, CleanDoc};
use crate::extract::agencies::{agency, AGENCIES};
use crate::extract::timex::calendar::{month_of, MONTH_ABBREVIATIONS};
use crate::model::{Article, DateValue};
use crate::narrow::Narrowed;
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::{Regex, RegexBuilder};

/// Any agency alias as a whole word.
static AGENCY_IN: Lazy<Regex> = Lazy::new(|| {
    let mut alts: Vec<String> = AGENCIES
        .iter()
        .flat_map(|(_, a)| a.iter().map(|s| regex::escape(s)))
        .collect();
    alts.sort_by_key(|s| std::cmp::Reverse(s.len()));
    RegexBuilder::new(&format!(r"\b(?:{})\b", alts.join("|")))
        .case_insensitive(true)
        .build()
        .unwrap()
});

/// The first agency named anywhere in `text`: "Copyright © The Associated Press" -> "AP".
pub fn agency_in(text: &str) -> Option<&'static str> {
    AGENCY_IN.find(text).and_then(|m| agency(m.as_str()))
}

/// The month prefixes the date patterns match, "jan|feb|…|dec", from the calendar's table.
fn month_prefixes() -> String {
    MONTH_ABBREVIATIONS.join("|").to_lowercase()
}

static DATE_ISO: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)").unwrap());
static DATE_MDY: Lazy<Regex> = Lazy::new(|| {
    let months = month_prefixes();
    RegexBuilder::new(&format!(
        r"\b({months})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .case_insensitive(true)
    .build()
    .unwrap()
});
static DATE_DMY: Lazy<Regex> = Lazy::new(|| {
    let months = month_prefixes();
    RegexBuilder::new(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({months})[a-z]*\.?,?\s+(\d{{4}})\b"
    ))
    .case_insensitive(true)
    .build()
    .unwrap()
});

fn month(name: &str) -> Option<u32> {
    month_of(&name.get(..3)?.to_ascii_lowercase())
}

/// The first full calendar date written in `text`: "Aug. 29, 2016", "29 August 2016", "2016-08-29".
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut found: Vec<(usize, NaiveDate)> = Vec::new();
    for c in DATE_ISO.captures_iter(text) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            found.push((c.get(0)?.start(), date));
            break;
        }
    }
    if let Some(c) = DATE_MDY.captures(text) {
        if let Some(date) =
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?)
        {
            found.push((c.get(0)?.start(), date));
        }
    }
    if let Some(c) = DATE_DMY.captures(text) {
        if let Some(date) =
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[2])?, c[1].parse().ok()?)
        {
            found.push((c.get(0)?.start(), date));
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, d)| d)
}

/// The date in a file name: "corpus/2016-08-29-ap-aleppo.txt" -> 2016-08-29 (also 2016_08_29, 20160829).
pub fn date_from_name(origin: &str) -> Option<NaiveDate> {
    static NAME_DATE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)\d{2})[-_]?(\d{2})[-_]?(\d{2})(?:[^0-9]|$)").unwrap()
    });
    let name = file_name(origin);
    let c = NAME_DATE.captures(name)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// The agency named by a token of the file name: "2016-09-12-afp-truce.txt" -> "AFP".
pub fn source_from_name(origin: &str) -> Option<&'static str> {
    file_name(origin)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find_map(agency)
}

fn file_name(origin: &str) -> &str {
    // "dir/file.jsonl:12" and "feed.xml#3" name records inside a file.
    let path = origin.rsplit_once(['/', '\\']).map_or(origin, |(_, f)| f);
    path.split([':', '#']).next().unwrap_or(path)
}

/// A dateline at the start of the first story paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// "MOSCOW", "BEIRUT" (without the country).
    pub city: String,
    /// Canonical agency when known ("AP"), else as written ("CNN"); None for "MOSCOW — ".
    pub agency: Option<String>,
    /// "Sept. 12" in "DAMASCUS, Syria, Sept. 12 (AFP) -".
    pub month_day: Option<String>,
    /// Bytes of the prefix, including the dash and the following spaces.
    pub len: usize,
}

/// A dateline's month and day ("Sept. 12", "April 5"), captured as `md`.
fn month_day() -> String {
    let months = month_prefixes();
    format!(r"(?P<md>(?i:{months})[a-z]*\.?\s+\d{{1,2}})")
}

/// A dateline's optional month and day (", Sept. 12", " April 5"), captured as `md`.
fn month_day_group() -> String {
    format!(r"(?:,?\s+{})?", month_day())
}

static DATELINE: Lazy<Narrowed> = Lazy::new(|| {
    let md = month_day_group();
    Narrowed::new(
        &format!(
            r"^(?P<city>\p{{Lu}}[\p{{Lu}}\p{{M}}.'’ -]*\p{{Lu}}\.?)(?:,\s*\p{{Lu}}[\p{{L}}.'’ -]*?\p{{L}}\.?){{0,2}}{md}\s*\((?P<agency>[^()]{{2,40}})\)\s*(?:[—–-]{{1,2}}|:|_{{1,2}})\s*"
        ),
        false,
    )
});
/// "MOSCOW — " with no agency: a real dash, or a hyphen spaced on both sides after a city of
/// capitals ("KIGALI - ", a local paper's), to keep clear of ordinary sentences ("Lviv-based",
/// "TASS-reported" have no spaces). A local paper's "GEORGETOWN, Guyana, April 5 – " has the
/// date too.
static DATELINE_BARE: Lazy<Narrowed> = Lazy::new(|| {
    let md = month_day_group();
    Narrowed::new(
        &format!(
            r"^(?P<city>\p{{Lu}}{{3,}}(?:[ -]\p{{Lu}}{{2,}}){{0,2}})(?:,\s*\p{{Lu}}[\p{{L}}. ]*?\p{{L}}\.?)?{md}(?:\s+[—–]\s*|\s+-\s+|—)"
        ),
        false,
    )
});

/// "Beirut (AFP) - ": a city written in title case opens a dateline only before a known
/// agency's name in brackets.
static DATELINE_TITLE_CASE: Lazy<Narrowed> = Lazy::new(|| {
    Narrowed::new(
        r"^(?P<city>\p{Lu}[\p{Ll}\p{M}'’-]+(?: \p{Lu}[\p{Ll}\p{M}'’-]+){0,2})(?:,\s*\p{Lu}[\p{L}.'’ -]*?\p{L}\.?){0,2}\s*\((?P<agency>[^()]{2,40})\)\s*(?:[—–-]{1,2}|:|_{1,2})\s*",
        false,
    )
});

/// "New Delhi, Feb 28: ", "Islamabad, March 2 (APP): ": a city in title case opens a dateline
/// before a month and day written right after its comma, then a colon (or an agency in
/// brackets and a colon or dash), the house style of South Asian wires; a weekday or an adverb
/// before the comma is no city ([`title_date_city`]).
static DATELINE_TITLE_DATE: Lazy<Narrowed> = Lazy::new(|| {
    let md = month_day();
    Narrowed::new(
        &format!(
            r"^(?P<city>\p{{Lu}}[\p{{Ll}}\p{{M}}'’-]+(?: \p{{Lu}}[\p{{Ll}}\p{{M}}'’-]+){{0,2}}),\s*{md}\s*(?:\((?P<agency>[^()]{{2,40}})\)\s*(?:[—–-]{{1,2}}|:)|:)\s*"
        ),
        false,
    )
});

/// Whether a title-case dateline's city and bracket can be one ([`DATELINE_TITLE_DATE`]): no
/// weekday or sentence adverb opens it ("Tuesday, March 2:", "Also, May 5:"), and a bracket
/// holds an agency's short capitalised name ("(APP)", not "(local time)").
fn title_date_city(city: &str, bracket: Option<&str>) -> bool {
    const NOT_CITIES: &[&str] = &[
        "also",
        "however",
        "meanwhile",
        "officials",
        "today",
        "yesterday",
    ];
    let lower = city.to_lowercase();
    let weekday = crate::extract::timex::calendar::WEEKDAYS
        .iter()
        .any(|w| lower.starts_with(&w[..3].to_lowercase()));
    !weekday
        && !NOT_CITIES.contains(&lower.as_str())
        && bracket.is_none_or(|b| bracket_agency(b).is_some())
}

/// A short capitalised name in a dateline's brackets ("(CNN)", "(Kyiv Post)").
static AGENCY_NAME: Lazy<Narrowed> =
    Lazy::new(|| Narrowed::new(r"^\p{Lu}[\p{L}.&-]*(?:\s\p{Lu}[\p{L}.&-]*){0,2}$", false));

/// The agency a dateline's brackets name: a known agency, canonical ("AP"), or a short
/// capitalised name as written ("CNN"); "(the host)" or "(local time)" names none.
fn bracket_agency(written: &str) -> Option<String> {
    match agency(written) {
        Some(known) => Some(known.to_string()),
        None => AGENCY_NAME
            .for_text(written)
            .is_match(written)
            .then(|| written.to_string()),
    }
}

/// Parse a dateline prefix: "MOSCOW (AP) — ", "GENEVA (Reuters) - ", "DAMASCUS, Syria, Sept. 12 (AFP) -",
/// "Beirut (AFP) - ".
pub fn parse_dateline(text: &str) -> Option<Dateline> {
    if let Some(c) = DATELINE_TITLE_CASE.for_text(text).captures(text) {
        if let Some(known) = agency(c["agency"].trim()) {
            return Some(Dateline {
                city: c["city"].to_string(),
                agency: Some(known.to_string()),
                month_day: None,
                len: c.get(0)?.end(),
            });
        }
    }
    if let Some(c) = DATELINE_TITLE_DATE
        .for_text(text)
        .captures(text)
        .filter(|c| title_date_city(&c["city"], c.name("agency").map(|a| a.as_str().trim())))
    {
        return Some(Dateline {
            city: c["city"].to_string(),
            agency: c
                .name("agency")
                .and_then(|a| bracket_agency(a.as_str().trim())),
            month_day: Some(c["md"].to_string()),
            len: c.get(0)?.end(),
        });
    }
    if !may_open_dateline(text) {
        return None;
    }
    if let Some(c) = DATELINE.for_text(text).captures(text) {
        // "(AP)", "(Reuters)", "(CNN)": a known agency or a short capitalized name, not "(the host)".
        let agency = bracket_agency(c["agency"].trim())?;
        return Some(Dateline {
            city: c["city"].trim().to_string(),
            agency: Some(agency),
            month_day: c.name("md").map(|m| m.as_str().to_string()),
            len: c.get(0)?.end(),
        });
    }
    let c = DATELINE_BARE.for_text(text).captures(text)?;
    // "OTTAWA—Two ministers say": a dash written close up to the city opens a dateline only
    // before a capital letter.
    let end = c.get(0)?.end();
    if c.get(0)?.as_str().ends_with('—') && !text[end..].starts_with(char::is_uppercase) {
        return None;
    }
    Some(Dateline {
        city: c["city"].trim().to_string(),
        agency: None,
        month_day: c.name("md").map(|m| m.as_str().to_string()),
        len: c.get(0)?.end(),
    })
}

/// False when neither dateline regex can match: both open on an uppercase letter (`\p{Lu}`)
/// followed by another or by `\p{M}`, `.`, `'`, `’`, a space or a hyphen, so not on an ASCII
/// byte other than a capital, nor on a capital and a lowercase ASCII letter ("The ...").
fn may_open_dateline(text: &str) -> bool {
    let b = text.as_bytes();
    match (b.first(), b.get(1)) {
        (Some(c), _) if c.is_ascii() && !c.is_ascii_uppercase() => false,
        (Some(c), Some(d)) if c.is_ascii_uppercase() => !d.is_ascii_lowercase(),
        (Some(_), _) => true,
        (None, _) => false,
    }
}

static BYLINE: Lazy<Narrowed> = Lazy::new(|| {
    Narrowed::new(
        r"^By\s+(?P<names>\p{Lu}.*?)(?:\s*[,|]\s*(?P<org>[^,|]+?))?\.?$",
        false,
    )
});
static ROLE: Lazy<Regex> = Lazy::new(|| {
    RegexBuilder::new(r"^(?:the\s+)?(?P<org>associated press|ap|reuters|afp|agence france-presse)?(?:\s*\w+){0,3}?\s*(?:writers?|correspondents?|editors?|reporters?|staff)$|^(?:the\s+)?(?P<org2>associated press|ap|reuters|afp|agence france-presse)$")
        .case_insensitive(true)
        .build()
        .unwrap()
});

/// "By VLADIMIR ISACHENKOV, Associated Press" -> ("VLADIMIR ISACHENKOV", Some("AP")). Names are kept as written.
pub fn parse_byline(text: &str) -> Option<(Option<String>, Option<&'static str>)> {
    if text.len() > 160 || text.contains('\n') {
        return None;
    }
    let c = BYLINE.for_text(text).captures(text)?;
    let names = c["names"].trim();
    let looks_like_names = |s: &str| {
        s.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    w,
                    "and" | "in" | "de" | "al" | "el" | "van" | "von" | "bin" | "da" | "&"
                )
        })
    };
    let (names, org) = match c.name("org") {
        Some(org) if ROLE.is_match(org.as_str().trim()) || agency(org.as_str()).is_some() => {
            (names.to_string(), agency_in(org.as_str()))
        }
        Some(_) => (text[3..].trim().trim_end_matches('.').to_string(), None),
        None => (names.to_string(), None),
    };
    if !looks_like_names(&names.replace(',', " ")) {
        return None;
    }
    // "By Reuters Staff", "By The Associated Press": an agency, not a person.
    if let Some(a) = agency(&names).or_else(|| {
        let n = names.trim_end_matches(" Staff").trim_end_matches(" staff");
        agency(n)
    }) {
        return Some((None, Some(a)));
    }
    Some((Some(names), org))
}

/// A line naming only an agency or a writer's role: "Associated Press", "AP Diplomatic Writer".
pub fn parse_role_line(text: &str) -> Option<Option<&'static str>> {
    if text.len() > 60 {
        return None;
    }
    ROLE.captures(text).map(|_| agency_in(text))
}

static CONTRIB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:(?:the\s+)?(?:associated press|ap|reuters|afp)\s+)?(?:(?:writers?|reporters?|correspondents?|journalists?|photographers?)\s+)?(?P<names>.+?)\s+contributed\s+(?:reporting(?:\s+(?:to|for)\s+this\s+(?:report|story|article))?|(?:to|for)\s+this\s+(?:report|story|article))\s*\.?$").unwrap()
});
static REPORTING_BY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\(?\s*(?:additional\s+)?(?:reporting|writing|editing)(?:\s+and\s+\w+)?\s+by\s.*\)?$",
    )
    .unwrap()
});
static REPORTING_NAMES: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:^|[(;])\s*(?:additional\s+)?(?:reporting|writing)(?:\s+and\s+\w+)?\s+by\s+(?P<names>[^;)]+)").unwrap()
});

fn split_names(s: &str) -> Vec<String> {
    s.split(',')
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_start_matches("and ").trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// "Matthew Lee in Washington contributed to this report." -> ["Matthew Lee in Washington"];
/// "(Reporting by Maria Tsvetkova; Editing by Tom Heneghan)" -> ["Maria Tsvetkova"].
pub fn parse_contributors(text: &str) -> Option<Vec<String>> {
    if text.len() > 400 {
        return None;
    }
    if REPORTING_BY.is_match(text) {
        return Some(
            REPORTING_NAMES
                .captures_iter(text)
                .flat_map(|c| split_names(&c["names"]))
                .collect(),
        );
    }
    let c = CONTRIB.captures(text)?;
    let names = split_names(&c["names"]);
    // A contributor line is a list of names, not a sentence.
    if names.iter().any(|n| n.split_whitespace().count() > 6) {
        return None;
    }
    Some(names)
}

/// What the format already knows before the text pass (HTML meta tags, feed fields, JSON fields).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub contributors: Vec<String>,
    /// Publisher name to fall back on when no agency is found ("og:site_name", feed title).
    pub site: Option<String>,
    /// Take the headline from the first kept line (text pages), else only drop a first paragraph equal to the title.
    pub title_from_text: bool,
    pub summary_only: bool,
}

/// An article and the map from its body back to the cleaned input.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub article: Article,
    /// `(body offset, raw offset, len)`, as `CleanDoc::map`.
    pub map: Vec<(usize, usize, usize)>,
}

/// A first line that reads as a headline rather than the story's first paragraph (piped text may
/// start straight with "MOSCOW (AP) — ...").
fn looks_like_headline(text: &str) -> bool {
    let words = text.split_whitespace().count();
    !text.contains('\n')
        && text.len() <= 250
        && parse_byline(text).is_none()
        && parse_dateline(text).is_none()
        && crate::clean::title_like(text)
        && words <= 30
}

/// True when a paragraph is the headline again, maybe with a " | Site" tail or without the title's "(Site)" tail.
fn same_headline(para: &str, title: &str) -> bool {
    let norm = |s: &str| squash(s).to_lowercase();
    let t = norm(title);
    let para = para.split(" | ").next().unwrap_or(para);
    // Both tests need the paragraph no longer than the title: skip squashing and
    // lowercasing a long paragraph (lowercasing never makes fewer chars than it is given).
    if more_solid_chars(para, t.chars().count()) {
        return false;
    }
    let p = norm(para);
    p == t || (p.len() >= 20 && t.starts_with(&p) && !p.ends_with('.'))
}

/// True when `s` has more than `n` chars that are not whitespace: then [`squash`] of it
/// (lowercased or not) has more than `n` chars too. Stops counting past `n`.
fn more_solid_chars(s: &str, n: usize) -> bool {
    s.chars().filter(|c| !c.is_whitespace()).nth(n).is_some()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the top and tail of the page said about who wrote it (filled by the phases of [`build`]).
#[derive(Debug, Default)]
struct Credits {
    byline: Option<String>,
    byline_agency: Option<&'static str>,
    role_agency: Option<&'static str>,
    dateline: Option<String>,
    dateline_agency: Option<String>,
}

/// Build the article: take title, byline, dateline and contributors out of the paragraphs.
pub fn build(
    origin: &str,
    doc: &CleanDoc,
    hints: Hints,
    date_override: Option<NaiveDate>,
) -> Story {
    let mut paras: Vec<Block> = doc.paragraphs.clone();
    let title = take_title(&mut paras, &hints);
    let mut credits = Credits {
        byline: hints.byline.clone(),
        dateline: hints.dateline.clone(),
        ..Default::default()
    };
    take_top_bylines(&mut paras, &mut credits);
    drop_repeated_headline(&mut paras, &title);
    take_dateline(&mut paras, &mut credits);
    let contributors = take_contributors(&mut paras, &hints);
    take_tail_byline(&mut paras, &mut credits);

    let dropped = |rule: &'static str| doc.dropped.iter().filter(move |d| d.rule == rule);
    let url = hints
        .url
        .clone()
        .or_else(|| dropped("url_line").next().map(|d| d.text.clone()));
    let source = pick_source(origin, doc, &hints, &credits);
    let published = pick_published(origin, doc, &hints, date_override);

    let (body, map) = join(&paras);
    Story {
        article: Article {
            title,
            url,
            source,
            published,
            dateline: credits.dateline,
            byline: credits.byline,
            contributors,
            body,
            origin: origin.to_string(),
            summary_only: hints.summary_only,
        },
        map,
    }
}

/// The title: from the hints (and dropped when the body repeats it first), or, for plain text,
/// a first paragraph that reads as a headline.
fn take_title(paras: &mut Vec<Block>, hints: &Hints) -> String {
    let mut title = hints.title.as_deref().map(squash).unwrap_or_default();
    if hints.title_from_text && title.is_empty() {
        if paras.len() > 1 && looks_like_headline(&paras[0].text) {
            title = squash(&paras[0].text);
            paras.remove(0);
        }
    } else if !title.is_empty()
        && paras.first().is_some_and(|p| {
            !more_solid_chars(&p.text, title.chars().count()) && squash(&p.text) == title
        })
    {
        paras.remove(0);
    }
    title
}

/// Byline and agency lines near the top.
fn take_top_bylines(paras: &mut Vec<Block>, credits: &mut Credits) {
    let mut i = 0;
    while i < paras.len().min(4) {
        let text = paras[i].text.as_str();
        if let Some((names, org)) = parse_byline(text) {
            if credits.byline.is_none() {
                credits.byline = names;
            }
            credits.byline_agency = credits.byline_agency.or(org);
            paras.remove(i);
        } else if let Some(org) = parse_role_line(text) {
            credits.role_agency = credits.role_agency.or(org);
            paras.remove(i);
        } else {
            i += 1;
        }
    }
}

/// The headline repeated at the top of the body (saved pages often hold it twice).
fn drop_repeated_headline(paras: &mut Vec<Block>, title: &str) {
    if title.is_empty() {
        return;
    }
    let mut i = 0;
    while i < paras.len().min(3) {
        if same_headline(&paras[i].text, title) {
            paras.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Dateline prefix of the first story paragraph; a dek, a caption, a credit and the date
/// lines of a page may come before it (up to six blocks in all).
fn take_dateline(paras: &mut Vec<Block>, credits: &mut Credits) {
    if let Some((i, d)) = paras
        .iter()
        .take(6)
        .enumerate()
        .find_map(|(i, p)| parse_dateline(&p.text).map(|d| (i, d)))
    {
        if credits.dateline.is_none() {
            credits.dateline = Some(d.city.clone());
        }
        credits.dateline_agency = d.agency.clone();
        paras[i] = paras[i].skip(d.len);
        if paras[i].text.trim().is_empty() {
            paras.remove(i);
        }
    }
}

/// Contributor lines, usually at the end: taken out, their names added to the hints' ones.
fn take_contributors(paras: &mut Vec<Block>, hints: &Hints) -> Vec<String> {
    let mut contributors = hints.contributors.clone();
    paras.retain(|p| match parse_contributors(&p.text) {
        Some(names) => {
            for n in names {
                if !contributors.contains(&n) {
                    contributors.push(n);
                }
            }
            false
        }
        None => true,
    });
    contributors
}

/// A byline closing the story ("By VLADIMIR ISACHENKOV, Associated Press" after the
/// contributor line), as AP pages print it.
fn take_tail_byline(paras: &mut Vec<Block>, credits: &mut Credits) {
    let tail_from = paras.len().saturating_sub(3).max(1);
    let mut i = tail_from;
    while i < paras.len() {
        if let Some((names, org)) = parse_byline(&paras[i].text) {
            if credits.byline.is_none() {
                credits.byline = names;
            }
            credits.byline_agency = credits.byline_agency.or(org);
            paras.remove(i);
        } else {
            i += 1;
        }
    }
}

/// The source, by the precedence in the module docs.
fn pick_source(origin: &str, doc: &CleanDoc, hints: &Hints, credits: &Credits) -> Option<String> {
    hints
        .source
        .clone()
        .or(credits.dateline_agency.clone())
        .or_else(|| credits.byline_agency.map(str::to_string))
        .or_else(|| {
            doc.dropped
                .iter()
                .filter(|d| d.rule == "copyright")
                .find_map(|d| agency_in(&d.text))
                .map(str::to_string)
        })
        .or_else(|| credits.role_agency.map(str::to_string))
        .or_else(|| source_from_name(origin).map(str::to_string))
        .or_else(|| hints.site.clone())
}

/// The published date, by the precedence in the module docs.
fn pick_published(
    origin: &str,
    doc: &CleanDoc,
    hints: &Hints,
    date_override: Option<NaiveDate>,
) -> DateValue {
    let stamped = |original: bool| {
        doc.dropped
            .iter()
            .filter(|d| matches!(d.rule, "date_posted" | "date_stamp" | "date_prefix"))
            .filter(|d| {
                let l = d.text.to_ascii_lowercase();
                !original
                    || !(l.starts_with("updated")
                        || l.starts_with("last")
                        || l.starts_with("modified"))
            })
            .find_map(|d| parse_date(&d.text))
    };
    // An "Updated" stamp later than the file name's date is an edit, not the publication.
    let from_name = date_from_name(origin);
    let updated = stamped(false).filter(|u| from_name.is_none_or(|n| *u <= n));
    date_override
        .or(hints.published)
        .or_else(|| stamped(true))
        .or(updated)
        .or(from_name)
        .map_or_else(DateValue::unknown, DateValue::day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    /// The dateline and byline regexes' twins (for ASCII, plain and Latin texts) match and
    /// capture as the Unicode regexes: crafted datelines and bylines of each reach, and the
    /// first lines of every demo page.
    #[test]
    fn narrowed_dateline_and_byline_regexes_capture_alike() {
        let mut texts: Vec<String> = [
            "PORT SORREL (AP) — The harbour council met on Tuesday.",
            "PORT SORREL, Valdoria, March 3 (AFP) - The council met.",
            "Port Sorrel (Reuters) – The council’s vote was close.",
            "PORT SORREL — The council’s vote was close.",
            "SÃO VICENTE, Cabo Verde (Lusa) — O conselho reuniu-se.",
            "Città Alta, Lombardia (ANSA) – Il consiglio ha votato.",
            "ŁÓDŹ — Rada miasta zebrała się we wtorek.",
            "KYIV (Укрінформ) — The council met.",
            "Harbour Gazette (staff)",
            "Ørsted & Co",
            "By Åsa Lindqvist, Harbour Gazette",
            "By JO SMITH and LEE WONG, Associated Press",
            "By Zoë Martín | Reuters",
            "By the council’s press office.",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for input in crate::demo::inputs() {
            if let crate::pipeline::Input::Memory(_, bytes) = input {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                texts.extend(text.lines().take(8).map(|l| l.trim().to_string()));
            }
        }
        let regexes = [
            &*DATELINE,
            &*DATELINE_BARE,
            &*DATELINE_TITLE_CASE,
            &*AGENCY_NAME,
            &*BYLINE,
        ];
        let mut matched = 0;
        for t in &texts {
            for n in regexes {
                matched += usize::from(crate::narrow::check_same_captures(n, t));
            }
        }
        assert!(matched >= 12, "{matched}");
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Build an article from a text page and compare `field=value` lines.
    fn check(origin: &str, raw: &str, date: Option<&str>, expect: &str) {
        let doc = clean(raw);
        let hints = Hints {
            title_from_text: true,
            ..Hints::default()
        };
        let story = build(origin, &doc, hints, date.map(d));
        let a = &story.article;
        let got = format!(
            "title={}\nsource={}\ndate={}\ndateline={}\nbyline={}\ncontributors={}\nbody={}",
            a.title,
            a.source.as_deref().unwrap_or("-"),
            a.published.date.map_or("-".to_string(), |d| d.to_string()),
            a.dateline.as_deref().unwrap_or("-"),
            a.byline.as_deref().unwrap_or("-"),
            a.contributors.join("; "),
            a.body.replace('\n', "|"),
        );
        assert_eq!(got, expect.trim());
        for &(b, r, len) in &story.map {
            assert_eq!(&a.body[b..b + len], &raw[r..r + len]);
        }
    }

    #[test]
    fn ap_story() {
        check(
            "x.txt",
            "Save Story\nRussia says deal on Aleppo is near\nBy VLADIMIR ISACHENKOV, Associated Press\n\nPosted Aug. 29, 2016 at 9:14 a.m.\n\nMOSCOW (AP) — Russia's defense minister said Monday that a deal is near.\n\nA U.S. official said no agreement is close.\n\nMatthew Lee in Washington contributed to this report.\n\nCopyright © The Associated Press. All rights reserved.",
            None,
            "title=Russia says deal on Aleppo is near\nsource=AP\ndate=2016-08-29\ndateline=MOSCOW\nbyline=VLADIMIR ISACHENKOV\ncontributors=Matthew Lee in Washington\nbody=Russia's defense minister said Monday that a deal is near.||A U.S. official said no agreement is close.",
        );
    }

    #[test]
    fn reuters_story() {
        check(
            "2016-08-26-geneva.txt",
            "Kerry, Lavrov fail to close Syria deal\n\nGENEVA (Reuters) - The United States and Russia failed on Friday to agree.\n\nBoth sides said issues remained.\n\n(Reporting by Tom Miles and Maria Tsvetkova; Editing by Alison Williams)",
            None,
            "title=Kerry, Lavrov fail to close Syria deal\nsource=Reuters\ndate=2016-08-26\ndateline=GENEVA\nbyline=-\ncontributors=Tom Miles; Maria Tsvetkova\nbody=The United States and Russia failed on Friday to agree.||Both sides said issues remained.",
        );
    }

    #[test]
    fn afp_story_with_date_in_dateline_and_source_from_name() {
        check(
            "corpus/2016-09-12-afp-truce.txt",
            "Truce takes effect across Syria\n\nDAMASCUS, Syria, Sept. 12 (AFP) - A truce took effect at sundown.",
            None,
            "title=Truce takes effect across Syria\nsource=AFP\ndate=2016-09-12\ndateline=DAMASCUS\nbyline=-\ncontributors=\nbody=A truce took effect at sundown.",
        );
        check(
            "notes/2016-09-12-afp-truce.txt",
            "Truce takes effect\n\nBy Karim Talbi and Maya Gebeily\n\nA truce took effect at sundown.",
            None,
            "title=Truce takes effect\nsource=AFP\ndate=2016-09-12\ndateline=-\nbyline=Karim Talbi and Maya Gebeily\ncontributors=\nbody=A truce took effect at sundown.",
        );
    }

    #[test]
    fn beirut_lebanon_and_agency_lines() {
        check(
            "x.txt",
            "Strikes hit Aleppo\nBy BASSEM MROUE\nAssociated Press\n\nBEIRUT, Lebanon (AP) — Airstrikes hit eastern Aleppo.\n\nAssociated Press writers Matthew Lee in Washington and Zeina Karam in Beirut contributed to this report.",
            None,
            "title=Strikes hit Aleppo\nsource=AP\ndate=-\ndateline=BEIRUT\nbyline=BASSEM MROUE\ncontributors=Matthew Lee in Washington; Zeina Karam in Beirut\nbody=Airstrikes hit eastern Aleppo.",
        );
    }

    #[test]
    fn repeated_headline_and_late_dateline() {
        check(
            "x.txt",
            "Truce holds on second day (Gazette)\n\nTruce holds on second day\n\nA boy plays near a field hospital on Monday. (AP Photo/Jane Doe)\n\nTruce holds on second day | World | Gazette\n\nBEIRUT — A nationwide truce held.",
            None,
            "title=Truce holds on second day (Gazette)\nsource=-\ndate=-\ndateline=BEIRUT\nbyline=-\ncontributors=\nbody=A nationwide truce held.",
        );
        check(
            "x.txt",
            "Deal near\n\nKerry said issues remain before a deal.\n\nGENEVA (AP) — Talks went on.",
            None,
            "title=Deal near\nsource=AP\ndate=-\ndateline=GENEVA\nbyline=-\ncontributors=\nbody=Kerry said issues remain before a deal.||Talks went on.",
        );
    }

    #[test]
    fn story_without_headline() {
        check(
            "-",
            "MOSCOW (AP) — Russia said a deal was near.\n\nA U.S. official disagreed.",
            None,
            "title=\nsource=AP\ndate=-\ndateline=MOSCOW\nbyline=-\ncontributors=\nbody=Russia said a deal was near.||A U.S. official disagreed.",
        );
        check(
            "-",
            "Russia said a deal was near.",
            None,
            "title=\nsource=-\ndate=-\ndateline=-\nbyline=-\ncontributors=\nbody=Russia said a deal was near.",
        );
    }

    #[test]
    fn date_precedence() {
        let page = "T\n\nUpdated: 2016-08-30\n\nPublished 29 August 2016\n\nText.";
        let expect = |date: &str| {
            format!(
                "title=T\nsource=-\ndate={date}\ndateline=-\nbyline=-\ncontributors=\nbody=Text."
            )
        };
        // --date beats everything.
        check(
            "2016-08-01-x.txt",
            page,
            Some("2016-09-01"),
            &expect("2016-09-01"),
        );
        // "Published" beats "Updated", and text beats the file name.
        check("2016-08-01-x.txt", page, None, &expect("2016-08-29"));
        check(
            "x.txt",
            "T\n\nUpdated: 2016-08-30\n\nText.",
            None,
            &expect("2016-08-30"),
        );
        check(
            "2016-09-01-x.txt",
            "T\n\nUpdated: 2016-08-30\n\nText.",
            None,
            &expect("2016-08-30"),
        );
        check(
            "2016-08-01-x.txt",
            "T\n\nAug 15, 2016\n\nText.",
            None,
            &expect("2016-08-15"),
        );
        // File name, then unknown.
        check(
            "2016-08-01-x.txt",
            "T\n\nText.",
            None,
            &expect("2016-08-01"),
        );
        check("x.txt", "T\n\nText.", None, &expect("-"));
        // A later "Last updated" stamp is an edit: the file name's date wins.
        check(
            "2016-08-01-x.txt",
            "T\n\nLast Updated: Wednesday, 31 May 2023, 15:44 GMT\n\nText.",
            None,
            &expect("2016-08-01"),
        );
        check(
            "x.txt",
            "T\n\nLast Updated: Wednesday, 31 May 2023, 15:44 GMT\n\nText.",
            None,
            &expect("2023-05-31"),
        );
    }

    #[test]
    fn parse_dates() {
        for (text, want) in [
            ("Posted Aug. 29, 2016 at 9:14 a.m.", Some("2016-08-29")),
            ("Updated: 2016-08-29", Some("2016-08-29")),
            ("Published 29 August 2016", Some("2016-08-29")),
            ("Aug 15, 2016", Some("2016-08-15")),
            ("Sept. 9, 2016", Some("2016-09-09")),
            ("2016-08-29T09:14:00Z", Some("2016-08-29")),
            ("Feb 30, 2016", None),
            ("no date here", None),
        ] {
            assert_eq!(parse_date(text), want.map(d), "{text}");
        }
        assert_eq!(
            date_from_name("a/b/2016-08-29-ap-aleppo.txt"),
            Some(d("2016-08-29"))
        );
        assert_eq!(date_from_name("20160829_story.html"), Some(d("2016-08-29")));
        assert_eq!(date_from_name("2016/story.txt"), None);
        assert_eq!(
            date_from_name("feed-2016-09-01.xml#3"),
            Some(d("2016-09-01"))
        );
    }

    #[test]
    fn the_dateline_gate_turns_away_only_what_the_regexes_do() {
        let texts = [
            "The talks",
            "MOSCOW (AP) — x",
            "Moscow (AP) — x",
            "M",
            "",
            "a",
            "1 (AP) - x",
            "ÉVIAN (AFP) - x",
            "Évian (AFP) - x",
            "O'HARE (AP) — x",
            "U.S. (AP) - x",
            "AB — x",
            "Ab — x",
            "X-RAY — x",
            "\u{212a}ABUL (AP) - x",
        ];
        for t in texts {
            if !may_open_dateline(t) {
                assert!(
                    !DATELINE.full().is_match(t) && !DATELINE_BARE.full().is_match(t),
                    "{t:?}"
                );
            }
        }
        assert!(parse_dateline("MOSCOW (AP) — x").is_some());
        assert!(parse_dateline("Moscow (the host) — x").is_none());
        assert!(parse_dateline("Talks (Reuters) resumed").is_none());
        let title_case = parse_dateline("Beirut (AFP) - Rockets hit").expect("a dateline");
        assert_eq!(
            (title_case.city.as_str(), title_case.agency.as_deref()),
            ("Beirut", Some("AFP"))
        );
        assert_eq!(
            &"Beirut (AFP) - Rockets hit"[title_case.len..],
            "Rockets hit"
        );
    }

    #[test]
    fn datelines() {
        for (text, city, agency, rest) in [
            (
                "MOSCOW (AP) — Russia said",
                "MOSCOW",
                Some("AP"),
                "Russia said",
            ),
            // AP's older copy: an underscore after the agency
            (
                "CANBERRA, Australia (AP)_ Turning its back",
                "CANBERRA",
                Some("AP"),
                "Turning its back",
            ),
            (
                "GENEVA (Reuters) - Talks",
                "GENEVA",
                Some("Reuters"),
                "Talks",
            ),
            (
                "BEIRUT, Lebanon (AP) —Strikes",
                "BEIRUT",
                Some("AP"),
                "Strikes",
            ),
            (
                "DAMASCUS, Syria, Sept. 12 (AFP) - A truce",
                "DAMASCUS",
                Some("AFP"),
                "A truce",
            ),
            (
                "UNITED NATIONS (AP) — The U.N.",
                "UNITED NATIONS",
                Some("AP"),
                "The U.N.",
            ),
            (
                "WASHINGTON — The State Department",
                "WASHINGTON",
                None,
                "The State Department",
            ),
            (
                "ATLANTA (CNN) -- Officials",
                "ATLANTA",
                Some("CNN"),
                "Officials",
            ),
            // a local paper: country and date, no agency
            (
                "GEORGETOWN, Guyana, April 5 – The Government",
                "GEORGETOWN",
                None,
                "The Government",
            ),
            ("LIMA, Oct. 3 — Dockers", "LIMA", None, "Dockers"),
            // a South Asian wire's title-case city, date and colon
            (
                "New Delhi, Feb 28: after the briefing",
                "New Delhi",
                None,
                "after the briefing",
            ),
            (
                "Islamabad, March 2 (APP): The committee",
                "Islamabad",
                Some("APP"),
                "The committee",
            ),
            // a local paper's spaced hyphen
            ("KIGALI - Two employees", "KIGALI", None, "Two employees"),
            (
                "OTTAWA—Two ministers say",
                "OTTAWA",
                None,
                "Two ministers say",
            ),
        ] {
            let dl = parse_dateline(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (dl.city.as_str(), dl.agency.as_deref(), &text[dl.len..]),
                (city, agency, rest)
            );
        }
        for text in [
            "Russia (the host) - said",
            "The U.N. said - no",
            "US officials — speaking anonymously",
            "UN-brokered talks resumed",
            "NATO-led forces - said",
            // a dash close up to capitals opens a dateline only before a capital letter
            "NATO—the alliance said",
            // a title-case city opens one only before a date and a colon
            "Moscow, which denies it, said",
            "Kapoor, March 2 was the day",
            "Tuesday, March 2: the talks resumed",
            "Also, May 5: the talks resumed",
            "Lima, March 2 (local time): the talks resumed",
        ] {
            assert_eq!(parse_dateline(text), None, "{text}");
        }
    }

    #[test]
    fn byline_closing_the_story() {
        check(
            "x.txt",
            "Deal near, Russia says\n\nMOSCOW (AP) — Russia said a deal was near.\n\nA U.S. official disagreed.\n\nMatthew Lee in Washington contributed to this report.\n\nBy VLADIMIR ISACHENKOV, Associated Press\n",
            None,
            "title=Deal near, Russia says\nsource=AP\ndate=-\ndateline=MOSCOW\nbyline=VLADIMIR ISACHENKOV\ncontributors=Matthew Lee in Washington\nbody=Russia said a deal was near.||A U.S. official disagreed.",
        );
    }

    #[test]
    fn bylines_and_contributors() {
        assert_eq!(
            parse_byline("By Vladimir Isachenkov and Matthew Lee"),
            Some((Some("Vladimir Isachenkov and Matthew Lee".into()), None))
        );
        assert_eq!(
            parse_byline("By MATTHEW LEE, AP Diplomatic Writer"),
            Some((Some("MATTHEW LEE".into()), Some("AP")))
        );
        assert_eq!(
            parse_byline("By Reuters Staff"),
            Some((None, Some("Reuters")))
        );
        assert_eq!(parse_byline("By the end of the week, no deal."), None);
        assert_eq!(parse_byline("By Monday, the talks had collapsed."), None);
        assert_eq!(
            parse_contributors("Matthew Lee in Washington contributed to this report."),
            Some(vec!["Matthew Lee in Washington".to_string()])
        );
        assert_eq!(
            parse_contributors("Zeina Karam contributed reporting."),
            Some(vec!["Zeina Karam".to_string()])
        );
        assert_eq!(parse_contributors("Russia said the strike contributed to the collapse of the truce in the city of Aleppo last week."), None);
        assert_eq!(parse_contributors("Poor weather also contributed."), None);
        assert_eq!(
            agency_in("Copyright © 2016 Agence France-Presse"),
            Some("AFP")
        );
        assert_eq!(
            source_from_name("2016-08-29-reuters-x.txt"),
            Some("Reuters")
        );
        assert_eq!(source_from_name("2016-08-29-map-x.txt"), None);
    }
}
