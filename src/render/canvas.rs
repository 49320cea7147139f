//! A thin pixel-space drawing surface over plotters' bitmap backend.
//!
//! Layouts are computed in pixels, so drawing needs no chart coordinate system: this wraps a
//! `DrawingArea` with a few primitives and turns plotters errors into `RenderError`.

use std::path::{Path, PathBuf};

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::font::FontSpec;
use super::layout::{DateScale, PxBox, Tick, TickUnit};
use super::palette::{self, Rgb};
use super::RenderError;

/// plotters shows backend errors with `{:?}` (`ImageError(IoError(Custom { kind: StorageFull,
/// .. }))`): turn the I/O kinds an analyst meets into words, and never print Rust debug output.
pub(crate) fn plain_message(msg: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("StorageFull", "no space left on device"),
        ("QuotaExceeded", "disk quota exceeded"),
        ("PermissionDenied", "permission denied"),
        ("ReadOnlyFilesystem", "read-only file system"),
        ("NotFound", "no such file or directory"),
        ("kind: Other", "input/output error"),
    ];
    if let Some((_, words)) = KINDS.iter().find(|(k, _)| msg.contains(k)) {
        return words.to_string();
    }
    if let Some(errno) = msg
        .split("code: ")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<i32>().ok())
    {
        return std::io::Error::from_raw_os_error(errno).to_string();
    }
    if msg.contains('{') || msg.contains("Error(") {
        return "cannot encode or write the image".to_string();
    }
    msg.to_string()
}

pub struct Canvas<'a> {
    area: DrawingArea<BitMapBackend<'a>, Shift>,
    path: PathBuf,
}

/// Where a text's anchor point sits on its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    TopLeft,
    TopCenter,
    MidLeft,
    MidRight,
    Center,
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn p(pt: (f64, f64)) -> (i32, i32) {
    (pt.0.round() as i32, pt.1.round() as i32)
}

impl<'a> Canvas<'a> {
    /// A white canvas that writes a PNG to `path` on `present`.
    pub fn new(path: &'a Path, width: u32, height: u32) -> Result<Canvas<'a>, RenderError> {
        super::font::ensure_fonts()?;
        let area = BitMapBackend::new(path, (width, height)).into_drawing_area();
        let canvas = Canvas {
            area,
            path: path.to_path_buf(),
        };
        canvas
            .area
            .fill(&rgb(super::palette::BACKGROUND))
            .map_err(|e| canvas.err(e))?;
        Ok(canvas)
    }

    fn err(&self, e: impl std::fmt::Display) -> RenderError {
        RenderError::Draw {
            path: self.path.clone(),
            message: plain_message(&e.to_string()),
        }
    }

    pub fn rect(&self, b: PxBox, fill: Rgb) -> Result<(), RenderError> {
        self.area
            .draw(&Rectangle::new(
                [p((b.x0, b.y0)), p((b.x1, b.y1))],
                rgb(fill).filled(),
            ))
            .map_err(|e| self.err(e))
    }

    pub fn rect_alpha(&self, b: PxBox, fill: Rgb, alpha: f64) -> Result<(), RenderError> {
        self.area
            .draw(&Rectangle::new(
                [p((b.x0, b.y0)), p((b.x1, b.y1))],
                rgb(fill).mix(alpha).filled(),
            ))
            .map_err(|e| self.err(e))
    }

    pub fn outline(&self, b: PxBox, color: Rgb, width: u32) -> Result<(), RenderError> {
        self.area
            .draw(&Rectangle::new(
                [p((b.x0, b.y0)), p((b.x1, b.y1))],
                rgb(color).stroke_width(width),
            ))
            .map_err(|e| self.err(e))
    }

    pub fn line(
        &self,
        pts: &[(f64, f64)],
        color: Rgb,
        alpha: f64,
        width: u32,
    ) -> Result<(), RenderError> {
        let pts: Vec<(i32, i32)> = pts.iter().copied().map(p).collect();
        self.area
            .draw(&PathElement::new(
                pts,
                rgb(color).mix(alpha).stroke_width(width),
            ))
            .map_err(|e| self.err(e))
    }

    pub fn circle(
        &self,
        c: (f64, f64),
        r: f64,
        color: Rgb,
        alpha: f64,
        filled: bool,
    ) -> Result<(), RenderError> {
        let style = if filled {
            rgb(color).mix(alpha).filled()
        } else {
            rgb(color).mix(alpha).stroke_width(2)
        };
        self.area
            .draw(&Circle::new(p(c), r.round().max(1.0) as i32, style))
            .map_err(|e| self.err(e))
    }

    pub fn polygon(&self, pts: &[(f64, f64)], color: Rgb, alpha: f64) -> Result<(), RenderError> {
        let pts: Vec<(i32, i32)> = pts.iter().copied().map(p).collect();
        self.area
            .draw(&Polygon::new(pts, rgb(color).mix(alpha).filled()))
            .map_err(|e| self.err(e))
    }

    /// Draws a chart's title and, under it, its subtitle, from the top-left `margin`.
    pub fn header(
        &self,
        title: &str,
        subtitle: &str,
        fonts: (FontSpec, FontSpec),
        margin: f64,
        s: f64,
    ) -> Result<(), RenderError> {
        let (title_font, subtitle_font) = fonts;
        self.text(
            title,
            (margin, margin),
            title_font,
            palette::INK,
            Anchor::TopLeft,
        )?;
        let y = margin + title_font.line_height() + 6.0 * s;
        self.text(
            subtitle,
            (margin, y),
            subtitle_font,
            palette::MUTED,
            Anchor::TopLeft,
        )
    }

    /// Draws a date axis under `plot`: a grid line and a tick per date tick, the tick labels
    /// (day ticks name the day between two grid lines; others name the line), and the axis.
    /// `s` is the UI scale.
    pub fn date_axis(
        &self,
        plot: PxBox,
        ticks: &[Tick],
        unit: TickUnit,
        scale: Option<DateScale>,
        font: FontSpec,
        s: f64,
    ) -> Result<(), RenderError> {
        for t in ticks.iter().filter(|t| t.x >= plot.x0 && t.x <= plot.x1) {
            self.line(&[(t.x, plot.y0), (t.x, plot.y1)], palette::GRID, 1.0, 1)?;
            self.line(
                &[(t.x, plot.y1), (t.x, plot.y1 + 5.0 * s)],
                palette::MUTED,
                1.0,
                1,
            )?;
            let lx = match (unit, scale) {
                (TickUnit::Day, Some(sc)) => t.x + sc.px_per_day() / 2.0,
                _ => t.x,
            };
            self.text(
                &t.label,
                (lx, plot.y1 + 7.0 * s),
                font,
                palette::INK,
                Anchor::TopCenter,
            )?;
        }
        self.line(
            &[(plot.x0, plot.y1), (plot.x1, plot.y1)],
            palette::MUTED,
            1.0,
            1,
        )
    }

    /// Draws `s` with its box placed so that `anchor` of the box sits on `at`.
    pub fn text(
        &self,
        s: &str,
        at: (f64, f64),
        font: FontSpec,
        color: Rgb,
        anchor: Anchor,
    ) -> Result<(), RenderError> {
        if s.is_empty() {
            return Ok(());
        }
        // plotters' ab_glyph text sits about 0.15 em above its nominal top; shift it so the
        // ink of a line of `font.size` pixels fills [top, top + size], the box layouts assume.
        let h = match anchor {
            Anchor::TopLeft | Anchor::MidLeft => HPos::Left,
            Anchor::TopCenter | Anchor::Center => HPos::Center,
            Anchor::MidRight => HPos::Right,
        };
        let top = match anchor {
            Anchor::TopLeft | Anchor::TopCenter => at.1,
            Anchor::MidLeft | Anchor::MidRight | Anchor::Center => at.1 - font.size / 2.0,
        };
        let y = top + 0.15 * font.size;
        let style = font.desc().color(&rgb(color)).pos(Pos::new(h, VPos::Top));
        self.area
            .draw(&Text::new(s.to_string(), p((at.0, y)), style))
            .map_err(|e| self.err(e))
    }

    /// Writes the PNG; dropping the backend instead would swallow write errors.
    pub fn present(self) -> Result<(), RenderError> {
        self.area.present().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_15_item_14_backend_errors_are_plain_words() {
        assert_eq!(
            plain_message(
                "ImageError(IoError(Custom { kind: StorageFull, error: \"No space left\" }))"
            ),
            "no space left on device"
        );
        assert_eq!(
            plain_message("IOError(Os { code: 13, kind: PermissionDenied, message: \"x\" })"),
            "permission denied"
        );
        assert_eq!(
            plain_message("ImageError(Unsupported(Foo { a: 1 }))"),
            "cannot encode or write the image"
        );
        assert_eq!(plain_message("font not found"), "font not found");
    }

    #[test]
    fn text_ink_stays_inside_its_layout_box() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.png");
        for size in [10.0, 13.0, 26.0] {
            let font = FontSpec::sans(size);
            let c = Canvas::new(&path, 400, 200).unwrap();
            let s = "Shoigu: Agp|";
            c.text(s, (100.0, 100.0), font, (0, 0, 0), Anchor::TopLeft)
                .unwrap();
            c.present().unwrap();
            let img = image::open(&path).unwrap().to_rgb8();
            let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
            for (x, y, px) in img.enumerate_pixels() {
                if px.0[0] < 200 {
                    x0 = x0.min(x);
                    y0 = y0.min(y);
                    x1 = x1.max(x);
                    y1 = y1.max(y);
                }
            }
            let ink = PxBox::new(f64::from(x0), f64::from(y0), f64::from(x1), f64::from(y1));
            let layout = PxBox::new(
                100.0,
                100.0,
                100.0 + font.width(s),
                100.0 + font.line_height(),
            );
            assert!(
                layout.inflate(1.0).contains_box(&ink),
                "size {size}: ink {ink:?} layout {layout:?}"
            );
        }
    }
}
