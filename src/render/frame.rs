//! The frame both pictures share: image geometry and fonts, the title block, the legend,
//! the date span the axis covers and the footnote, laid out and drawn once for the timeline
//! and the contradiction chart.

use chrono::NaiveDate;

use super::canvas::{Anchor, Canvas};
use super::font::{ensure_fonts, fit, FontSpec};
use super::layout::{arc, DateScale, PxBox, Tick, TickUnit};
use super::palette::{self, Rgb};
use super::{check_options, ui_scale, RenderError, RenderOptions, ReportData};
use crate::model::Stance;

/// Smallest text drawn anywhere on the charts, in pixels.
pub const MIN_TEXT_PX: f64 = 13.0;

/// Font sizes for one image size; nothing below [`MIN_TEXT_PX`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fonts {
    pub title: FontSpec,
    pub subtitle: FontSpec,
    pub lane: FontSpec,
    pub lane_sub: FontSpec,
    pub tick: FontSpec,
    pub label: FontSpec,
    pub legend: FontSpec,
    pub foot: FontSpec,
}

impl Fonts {
    pub fn for_scale(s: f64) -> Fonts {
        let px = |size: f64| (size * s).max(MIN_TEXT_PX);
        Fonts {
            title: FontSpec::bold(px(28.0)),
            subtitle: FontSpec::sans(px(16.0)),
            lane: FontSpec::bold(px(16.0)),
            lane_sub: FontSpec::sans(px(13.0)),
            tick: FontSpec::sans(px(14.0)),
            label: FontSpec::condensed(px(15.0)),
            legend: FontSpec::sans(px(14.0)),
            foot: FontSpec::sans(px(13.0)),
        }
    }
}

/// One legend entry, with its swatch kind and box.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub swatch: Swatch,
    pub text: String,
    pub bbox: PxBox,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    Claim(Stance),
    Event,
    Approximate,
    Contradiction,
    Bucket,
}

/// The geometry of one picture: the checked options with the story's window applied, the
/// image size in pixels, the UI scale, the fonts for it and the outer margin.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub opts: RenderOptions,
    pub w: f64,
    pub h: f64,
    pub s: f64,
    pub fonts: Fonts,
    pub margin: f64,
}

impl Frame {
    /// Checks the options, applies the story's window and loads the fonts.
    pub fn new(data: &ReportData, opts: &RenderOptions) -> Result<Frame, RenderError> {
        check_options(opts)?;
        let opts = super::story_window(data, opts);
        ensure_fonts()?;
        let s = ui_scale(opts.width, opts.height);
        Ok(Frame {
            opts,
            w: f64::from(opts.width),
            h: f64::from(opts.height),
            s,
            fonts: Fonts::for_scale(s),
            margin: (20.0 * s).round(),
        })
    }

    /// Top of the legend: under the title and subtitle.
    pub fn legend_top(&self) -> f64 {
        let f = &self.fonts;
        let header_h = f.title.line_height() + 6.0 * self.s + f.subtitle.line_height();
        self.margin + header_h + 10.0 * self.s
    }

    /// Lays the legend out across the width under the title; returns it and its bottom.
    pub fn legend(&self, entries: &[(Swatch, &str)]) -> (Vec<LegendItem>, f64) {
        legend_layout(
            &self.fonts,
            self.s,
            self.margin,
            self.w - self.margin,
            self.legend_top(),
            entries,
        )
    }

    /// Height the footnote takes at the bottom.
    pub fn foot_h(&self) -> f64 {
        self.fonts.foot.line_height() + 8.0 * self.s
    }

    /// `text` cut to fit the title line.
    pub fn title(&self, text: &str) -> String {
        fit(&self.fonts.title, text, self.w - 2.0 * self.margin)
    }

    /// The footnote: the parts joined by " · ", capitalised and cut to the width.
    pub fn footnote(&self, parts: &[String]) -> String {
        fit(
            &self.fonts.foot,
            &capitalise(&parts.join(" · ")),
            self.w - 2.0 * self.margin,
        )
    }

    /// The axis ticks for `scale`, spaced so their labels never touch.
    pub fn ticks(&self, scale: &DateScale) -> (TickUnit, Vec<Tick>) {
        scale.ticks(self.fonts.tick.width("28 Sep 2016") + 24.0 * self.s)
    }

    /// The dates the axis spans: the window's bounds, filled in from the data's own span
    /// (`data_span`), else `fallback` when nothing is dated.
    pub fn span(
        &self,
        data_span: Option<(NaiveDate, NaiveDate)>,
        fallback: NaiveDate,
    ) -> (NaiveDate, NaiveDate) {
        match (self.opts.from, self.opts.to, data_span) {
            (Some(f), Some(t), _) => (f, t),
            (f, t, Some((df, dt))) => (f.unwrap_or(df), t.unwrap_or(dt).max(f.unwrap_or(df))),
            (f, t, None) => {
                let d = f.or(t).unwrap_or(fallback);
                (d, t.unwrap_or(d).max(d))
            }
        }
    }
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Legend entries left to right, wrapping to a new row when the width runs out.
pub(crate) fn legend_layout(
    fonts: &Fonts,
    s: f64,
    x0: f64,
    x1: f64,
    top: f64,
    entries: &[(Swatch, &str)],
) -> (Vec<LegendItem>, f64) {
    let font = fonts.legend;
    let lh = font.line_height();
    let sw = 22.0 * s;
    let gap = 22.0 * s;
    let (mut x, mut y) = (x0, top);
    let mut out = Vec::new();
    for &(swatch, text) in entries {
        let wdt = sw + 6.0 * s + font.width(text);
        if x + wdt > x1 && x > x0 {
            x = x0;
            y += lh + 6.0 * s;
        }
        out.push(LegendItem {
            swatch,
            text: text.to_string(),
            bbox: PxBox::new(x, y, x + wdt, y + lh),
        });
        x += wdt + gap;
    }
    (out, y + lh)
}

pub(crate) fn stance_color(st: Stance) -> Rgb {
    match st {
        Stance::Asserts => palette::ASSERTS,
        Stance::Denies => palette::DENIES,
        Stance::Neutral => palette::NEUTRAL,
    }
}

pub(crate) fn diamond(c: (f64, f64), r: f64) -> Vec<(f64, f64)> {
    vec![
        (c.0, c.1 - r),
        (c.0 + r, c.1),
        (c.0, c.1 + r),
        (c.0 - r, c.1),
    ]
}

pub(crate) fn draw_swatch(cv: &Canvas, sw: Swatch, b: PxBox, s: f64) -> Result<(), RenderError> {
    let c = (b.x0 + 11.0 * s, (b.y0 + b.y1) / 2.0);
    let r = 6.0 * s;
    match sw {
        Swatch::Claim(st) => cv.circle(c, r, stance_color(st), 1.0, true),
        Swatch::Event => cv.polygon(&diamond(c, r * 1.25), palette::EVENT, 1.0),
        Swatch::Approximate => {
            cv.line(
                &[(c.0 - 10.0 * s, c.1), (c.0 + 10.0 * s, c.1)],
                palette::ASSERTS,
                1.0,
                2,
            )?;
            cv.circle(c, r, palette::BACKGROUND, 1.0, true)?;
            cv.circle(c, r, palette::ASSERTS, 1.0, false)
        }
        Swatch::Contradiction => cv.line(
            &arc(
                (c.0 - 10.0 * s, c.1 + 4.0 * s),
                (c.0 + 10.0 * s, c.1 + 4.0 * s),
                8.0 * s,
            ),
            palette::CONNECTOR,
            1.0,
            (2.5 * s).round() as u32,
        ),
        Swatch::Bucket => {
            for (i, t) in [0.25, 0.6, 1.0, 0.4].iter().enumerate() {
                let x = c.0 - 10.0 * s + i as f64 * 5.0 * s;
                cv.rect(
                    PxBox::new(x, c.1 - 4.0 * s, x + 5.0 * s, c.1 + 4.0 * s),
                    palette::tint(palette::INK, *t),
                )?;
            }
            Ok(())
        }
    }
}

/// The outer margin for UI scale `s`, as every layout computes it.
pub(crate) fn margin(s: f64) -> f64 {
    (20.0 * s).round()
}

/// Draws the title and subtitle at the top-left margin.
pub(crate) fn draw_title(
    cv: &Canvas,
    title: &str,
    subtitle: &str,
    fonts: &Fonts,
    s: f64,
) -> Result<(), RenderError> {
    cv.header(title, subtitle, (fonts.title, fonts.subtitle), margin(s), s)
}

/// Draws the legend entries: each swatch (drawn by `swatch`) and its text beside it.
pub(crate) fn draw_legend(
    cv: &Canvas,
    items: &[LegendItem],
    fonts: &Fonts,
    s: f64,
    swatch: impl Fn(&Canvas, Swatch, PxBox) -> Result<(), RenderError>,
) -> Result<(), RenderError> {
    for item in items {
        swatch(cv, item.swatch, item.bbox)?;
        cv.text(
            &item.text,
            (item.bbox.x0 + 28.0 * s, item.bbox.y0),
            fonts.legend,
            palette::INK,
            Anchor::TopLeft,
        )?;
    }
    Ok(())
}

/// Draws the footnote along the bottom margin of an image `height` pixels high.
pub(crate) fn draw_footnote(
    cv: &Canvas,
    text: &str,
    fonts: &Fonts,
    s: f64,
    height: u32,
) -> Result<(), RenderError> {
    let m = margin(s);
    cv.text(
        text,
        (m, f64::from(height) - m - fonts.foot.line_height()),
        fonts.foot,
        palette::MUTED,
        Anchor::TopLeft,
    )
}
