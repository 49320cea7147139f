//! Embedded DejaVu fonts, registered once with plotters, plus text measurement for layout.
//!
//! PNGs must render on machines with no system fonts, so every piece of text uses one of
//! the families registered here from the `dejavu` crate's bytes.

use std::sync::OnceLock;

use plotters::style::{FontDesc, FontFamily, FontStyle};

use super::RenderError;

/// Regular and bold DejaVu Sans: titles, axes, lane names.
pub const SANS: &str = "storyline-sans";
/// DejaVu Sans Condensed: mark labels, where horizontal room is scarce.
pub const CONDENSED: &str = "storyline-condensed";

/// Set once, when the fonts are first registered; `OnceLock` is `std::sync::Once` plus the result.
static REGISTERED: OnceLock<bool> = OnceLock::new();

/// Registers the embedded fonts with plotters the first time it is called.
pub fn ensure_fonts() -> Result<(), RenderError> {
    let ok = *REGISTERED.get_or_init(|| {
        let fonts: [(&str, FontStyle, &'static [u8]); 4] = [
            (SANS, FontStyle::Normal, dejavu::sans::regular()),
            (SANS, FontStyle::Bold, dejavu::sans::bold()),
            (
                CONDENSED,
                FontStyle::Normal,
                dejavu::sans_condensed::regular(),
            ),
            (CONDENSED, FontStyle::Bold, dejavu::sans_condensed::bold()),
        ];
        fonts
            .into_iter()
            .all(|(name, style, bytes)| plotters::style::register_font(name, style, bytes).is_ok())
    });
    if ok {
        Ok(())
    } else {
        Err(RenderError::Font)
    }
}

/// A font choice as plain data: family, pixel size and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FontSpec {
    pub family: &'static str,
    pub size: f64,
    pub bold: bool,
}

impl FontSpec {
    pub fn sans(size: f64) -> FontSpec {
        FontSpec {
            family: SANS,
            size,
            bold: false,
        }
    }
    pub fn bold(size: f64) -> FontSpec {
        FontSpec {
            family: SANS,
            size,
            bold: true,
        }
    }
    pub fn condensed(size: f64) -> FontSpec {
        FontSpec {
            family: CONDENSED,
            size,
            bold: false,
        }
    }

    pub fn desc(&self) -> FontDesc<'static> {
        let style = if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(self.family), self.size, style)
    }

    /// Width in pixels of `text` drawn in this font (fonts must be registered).
    pub fn width(&self, text: &str) -> f64 {
        self.desc()
            .box_size(text)
            .map(|(w, _)| f64::from(w))
            .unwrap_or(self.size * 0.6 * text.chars().count() as f64)
    }

    /// Height of one line of text, the box used for collision checks.
    pub fn line_height(&self) -> f64 {
        (self.size * 1.15).ceil()
    }
}

/// Cuts `text` to at most `max_width` pixels, ending with an ellipsis when it was cut.
pub fn fit(font: &FontSpec, text: &str, max_width: f64) -> String {
    let text = text.trim();
    if font.width(text) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>();
        if font.width(&format!("{}…", candidate.trim_end())) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return String::new();
    }
    let head: String = chars[..lo].iter().collect();
    format!("{}…", head.trim_end())
}
