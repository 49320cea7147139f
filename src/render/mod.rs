//! Report stage: PNG timeline, contradiction chart and the per-thread report bundle.
//!
//! Every picture is computed as plain layout data first (`timeline_layout`, `chart_layout`:
//! pixel boxes, marks, labels, connectors) and only then drawn with plotters, so tests check
//! the layout rather than pixels. This is the only module that uses plotters.
//!
//! Text uses DejaVu fonts embedded in the binary (see `font`), so rendering works on a
//! machine without system fonts. Colours follow the Okabe-Ito colour-blind-safe palette.

mod bundle;
mod canvas;
mod chart;
mod font;
mod frame;
mod layout;
mod markup;
mod since;
mod timeline;

#[cfg(test)]
pub(crate) mod fixtures;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::{Precision, StoredClaim, StoredEvent, Thread};

/// Everything the report shows for one thread (now a plain type in `model`).
pub use crate::model::ReportData;

pub use bundle::{bundle, bundle_since};
pub use chart::{
    chart_layout, contradiction_chart, ChartLayout, FrameMark, FrameRow, MatrixLayout, NumericBar,
    NumericGroup,
};
pub use layout::{Connector, PxBox, TickUnit};
pub use markup::{escape_html, escape_html_text, escape_md};
pub use since::NewSince;
pub use timeline::{
    is_boilerplate, label_budget, short_speaker, timeline, timeline_layout, Density, Lane,
    MarkKind, Moment, TimelineLayout, Why,
};

/// Smallest image the charts are laid out for.
pub const MIN_WIDTH: u32 = 800;
pub const MIN_HEIGHT: u32 = 450;
/// Largest image accepted: beyond this a mistyped size would eat memory.
pub const MAX_SIDE: u32 = 8000;

/// Image size and an optional date window; items outside the window are left out and counted.
/// Without a start the story's own span is drawn (see `story_window`), so background dates
/// ("the war began in 2011") do not squash the story into a corner; they are counted in the footnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    pub width: u32,
    pub height: u32,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions {
            width: 1600,
            height: 900,
            from: None,
            to: None,
        }
    }
}

/// Why a report could not be drawn or written.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(
        "image size {width}x{height} is outside {MIN_WIDTH}x{MIN_HEIGHT} to {MAX_SIDE}x{MAX_SIDE}"
    )]
    Size { width: u32, height: u32 },
    #[error("date range starts {from} after it ends {to}")]
    Range { from: NaiveDate, to: NaiveDate },
    #[error("cannot load the embedded font")]
    Font,
    #[error("cannot draw {}: {message}", path.display())]
    Draw { path: PathBuf, message: String },
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl RenderError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> RenderError {
        RenderError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The window actually drawn: the given bounds; without a start, the earliest item dated no
/// more than 30 days before the thread's first article (earlier dates are background).
pub fn story_window(data: &ReportData, opts: &RenderOptions) -> RenderOptions {
    let mut o = *opts;
    if o.from.is_some() {
        return o;
    }
    let Some(first) = data
        .articles
        .iter()
        .filter_map(|a| a.article.published.date)
        .min()
    else {
        return o;
    };
    let floor = first - chrono::Duration::days(30);
    let claims = data.claims.iter().map(|c| c.claim.date.date);
    let events = data.events.iter().map(|e| e.event.date.date);
    let earliest = claims.chain(events).flatten().filter(|d| *d >= floor).min();
    o.from = earliest.filter(|d| o.to.is_none_or(|t| *d <= t));
    o
}

/// Checks the options before any layout work.
pub(crate) fn check_options(opts: &RenderOptions) -> Result<(), RenderError> {
    let ok_w = (MIN_WIDTH..=MAX_SIDE).contains(&opts.width);
    let ok_h = (MIN_HEIGHT..=MAX_SIDE).contains(&opts.height);
    if !ok_w || !ok_h {
        return Err(RenderError::Size {
            width: opts.width,
            height: opts.height,
        });
    }
    if let (Some(from), Some(to)) = (opts.from, opts.to) {
        if from > to {
            return Err(RenderError::Range { from, to });
        }
    }
    Ok(())
}

/// A side of the story, from the one sides table (`contradict::sides`, data in `sides.tsv`),
/// so a lane, a matrix cell and an "opposing" verdict can never disagree. Two sides are the
/// same side when their keys are equal (SYRGOV and SYRMIL rows share one).
#[derive(Debug, Clone)]
pub struct Side {
    /// Stable grouping key, the sides table's key: "russia", "farc", or OTHER.
    pub key: String,
    /// Display name: "Russia", "Syrian government" ...
    pub label: String,
    /// Row of the sides table (usize::MAX for fallbacks and Other); orders the lanes.
    pub rank: usize,
}

impl PartialEq for Side {
    fn eq(&self, o: &Side) -> bool {
        self.key == o.key
    }
}
impl Eq for Side {}
impl std::hash::Hash for Side {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.key.hash(h);
    }
}
impl PartialOrd for Side {
    fn partial_cmp(&self, o: &Side) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Side {
    fn cmp(&self, o: &Side) -> std::cmp::Ordering {
        self.key.cmp(&o.key)
    }
}

/// The key of the catch-all side.
pub const OTHER: &str = "OTHER";

/// Groups an actor code (or a bare ISO alpha-3 country) into its side via the sides table;
/// unknown and side-less codes ("SYR", "UNKNWN", none) go to "Other".
pub fn side_of(code: Option<&str>) -> Side {
    let code = code.map(str::trim).unwrap_or("");
    let known = if code.to_ascii_uppercase().starts_with("UNK") {
        None
    } else {
        crate::contradict::sides::side_of(code)
    };
    match known {
        Some(s) => Side {
            key: s.key,
            label: s.label,
            rank: s.rank,
        },
        None => Side {
            key: OTHER.to_string(),
            label: "Other".to_string(),
            rank: usize::MAX,
        },
    }
}

/// The side a claim belongs to: its speaker's actor code, else its country.
pub fn claim_side(c: &StoredClaim) -> Side {
    side_of(c.claim.actor_code.as_deref().or(c.claim.country.as_deref()))
}

/// The side an event belongs to: its first actor.
pub fn event_side(e: &StoredEvent) -> Side {
    side_of(e.event.actors.first().map(String::as_str))
}

/// Orders sides: the sides table's rows first in table order, then others by volume,
/// "Other" last.
pub(crate) fn order_sides(counts: &[(Side, usize)]) -> Vec<Side> {
    let mut out: Vec<(bool, usize, usize, Side)> = counts
        .iter()
        .map(|(side, n)| (side.key == OTHER, side.rank, usize::MAX - n, side.clone()))
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.3 == b.3);
    out.into_iter().map(|(_, _, _, s)| s).collect()
}

/// Okabe-Ito palette (Okabe & Ito 2008), safe for the common colour-vision deficiencies.
pub mod palette {
    pub type Rgb = (u8, u8, u8);
    pub const BLACK: Rgb = (0, 0, 0);
    pub const ORANGE: Rgb = (230, 159, 0);
    pub const SKY_BLUE: Rgb = (86, 180, 233);
    pub const BLUISH_GREEN: Rgb = (0, 158, 115);
    pub const YELLOW: Rgb = (240, 228, 66);
    pub const BLUE: Rgb = (0, 114, 178);
    pub const VERMILLION: Rgb = (213, 94, 0);
    pub const REDDISH_PURPLE: Rgb = (204, 121, 167);

    /// Stance colours: asserts, denies, neutral; events are drawn in ink.
    pub const ASSERTS: Rgb = BLUE;
    pub const DENIES: Rgb = VERMILLION;
    pub const NEUTRAL: Rgb = (150, 150, 150);
    pub const EVENT: Rgb = (60, 60, 60);
    pub const CONNECTOR: Rgb = REDDISH_PURPLE;

    pub const INK: Rgb = (33, 33, 33);
    pub const MUTED: Rgb = (100, 100, 100);
    pub const GRID: Rgb = (222, 222, 222);
    pub const BAND: Rgb = (246, 246, 246);
    pub const BACKGROUND: Rgb = (255, 255, 255);

    /// Side colours for the contradiction chart, in lane order (yellow is left out: too light
    /// on white).
    pub const SIDES: [Rgb; 7] = [
        BLUE,
        VERMILLION,
        ORANGE,
        BLUISH_GREEN,
        SKY_BLUE,
        REDDISH_PURPLE,
        BLACK,
    ];

    pub fn side(index: usize) -> Rgb {
        SIDES[index % SIDES.len()]
    }

    /// Mixes `c` towards white; `t` = 0 gives white, 1 gives `c`.
    pub fn tint(c: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let mix = |v: u8| (255.0 - (255.0 - f64::from(v)) * t).round() as u8;
        (mix(c.0), mix(c.1), mix(c.2))
    }
}

/// Scale factor for fonts and strokes: 1.0 at 1600x900, never below 0.8 so text stays legible.
pub(crate) fn ui_scale(width: u32, height: u32) -> f64 {
    let s = (f64::from(width) / 1600.0).min(f64::from(height) / 900.0);
    s.clamp(0.8, 2.5)
}

/// A day as the pictures print it: "29 Aug 2016" (chrono's `%b` is the calendar's
/// `MONTH_ABBREVIATIONS`).
pub(crate) fn day_text(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// A day within a year the picture already names: "29 Aug".
pub(crate) fn short_day_text(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// A month as the pictures print it: "Aug 2016".
pub(crate) fn month_text(d: NaiveDate) -> String {
    d.format("%b %Y").to_string()
}

/// A date as precise as it is known, as the pictures print it: "29 Aug 2016" (a day or a
/// week's first day), "Aug 2016", "2016".
pub(crate) fn date_at_precision(d: NaiveDate, p: Precision) -> String {
    match p {
        Precision::Year => d.format("%Y").to_string(),
        Precision::Month => month_text(d),
        _ => day_text(d),
    }
}

/// Formats a date span for titles: "29 Aug – 12 Sep 2016", "29 Aug 2016".
pub(crate) fn span_text(from: NaiveDate, to: NaiveDate) -> String {
    use chrono::Datelike;
    if from == to {
        day_text(from)
    } else if (from.year(), from.month()) == (to.year(), to.month()) {
        format!("{}–{}", from.format("%-d"), day_text(to))
    } else if from.year() == to.year() {
        format!("{} – {}", short_day_text(from), day_text(to))
    } else {
        format!("{} – {}", day_text(from), day_text(to))
    }
}

/// Title of the thread for headings: its title, else its slug.
pub(crate) fn thread_title(t: &Thread) -> String {
    if t.title.trim().is_empty() {
        if t.slug.trim().is_empty() {
            "Untitled thread".to_string()
        } else {
            t.slug.clone()
        }
    } else {
        t.title.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_come_from_the_one_sides_table() {
        let key = |c: &str| side_of(Some(c)).key;
        assert_eq!(key("RUSGOV"), "russia");
        assert_eq!(key("RUSMIL"), "russia");
        assert_eq!(key("USAGOV"), "usa");
        assert_eq!(key("SYRGOV"), "syria-government");
        assert_eq!(key("SYRMIL"), "syria-government");
        assert_eq!(key("SYRREB"), "syria-opposition");
        // Colombia splits into government and FARC: two sides, never one "COL".
        assert_eq!(key("COLGOV"), "colombia-government");
        assert_eq!(key("COLREB"), "farc");
        assert_eq!(side_of(Some("COLREB")).label, "FARC");
        assert_eq!(key("SYR"), OTHER, "a bare SYR could be either camp");
        assert_eq!(key("UNKNWN"), OTHER);
        assert_eq!(key(""), OTHER);
        assert_eq!(side_of(None).label, "Other");
        for code in ["RUSGOV", "COLGOV", "COLREB", "TURGOV", "IGOUNO"] {
            assert_eq!(
                key(code),
                crate::contradict::sides::side_of(code).unwrap().key,
                "render and contradict agree on {code}"
            );
        }
    }

    #[test]
    fn options_are_checked() {
        let small = RenderOptions {
            width: 640,
            ..RenderOptions::default()
        };
        assert!(matches!(
            check_options(&small),
            Err(RenderError::Size { .. })
        ));
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let backwards = RenderOptions {
            from: d("2016-09-10"),
            to: d("2016-09-01"),
            ..RenderOptions::default()
        };
        let err = check_options(&backwards).unwrap_err().to_string();
        assert_eq!(err, "date range starts 2016-09-10 after it ends 2016-09-01");
    }

    #[test]
    fn known_sides_come_first_other_last() {
        let s = |c: &str| side_of(Some(c));
        let order = order_sides(&[
            (side_of(None), 50),
            (s("TURGOV"), 3),
            (s("RUSGOV"), 1),
            (s("USAGOV"), 2),
        ]);
        let keys: Vec<&str> = order.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["usa", "russia", "turkey", "OTHER"]);
    }
}
