//! Drawing the contradiction chart from its layout: header and legends (through the shared
//! frame), the stance rows with their marks and connectors, the "who contradicts whom"
//! matrix and the numeric disputes panel.

use std::collections::BTreeSet;
use std::path::Path;

use super::{format_value, wrap_words, ChartLayout, MatrixLayout};
use crate::model::Stance;
use crate::render::canvas::{Anchor, Canvas};
use crate::render::font::{fit, FontSpec};
use crate::render::frame::{
    draw_footnote, draw_legend, draw_swatch, draw_title, plural, Fonts, Swatch,
};
use crate::render::layout::{PxBox, TickUnit};
use crate::render::palette::{self, Rgb};
use crate::render::{RenderError, Side, OTHER};

/// Short column header for a side.
fn short_side(side: &Side) -> String {
    match side.key.as_str() {
        "syria-government" => "Syr. gov.".into(),
        "syria-opposition" => "Syr. opp.".into(),
        "colombia-government" => "Col. gov.".into(),
        "colombia-opposition" => "Col. opp.".into(),
        OTHER => "Other".into(),
        _ => {
            if side.label.chars().count() <= 9 {
                side.label.clone()
            } else {
                side.label.chars().take(8).collect::<String>() + "."
            }
        }
    }
}

fn up_triangle(c: (f64, f64), r: f64) -> Vec<(f64, f64)> {
    vec![
        (c.0, c.1 - r * 1.15),
        (c.0 + r * 1.05, c.1 + r * 0.7),
        (c.0 - r * 1.05, c.1 + r * 0.7),
    ]
}

fn down_triangle(c: (f64, f64), r: f64) -> Vec<(f64, f64)> {
    vec![
        (c.0, c.1 + r * 1.15),
        (c.0 + r * 1.05, c.1 - r * 0.7),
        (c.0 - r * 1.05, c.1 - r * 0.7),
    ]
}

fn stance_mark(
    cv: &Canvas,
    c: (f64, f64),
    r: f64,
    st: Stance,
    col: Rgb,
) -> Result<(), RenderError> {
    match st {
        Stance::Asserts => {
            cv.polygon(&up_triangle(c, r + 1.5), palette::BACKGROUND, 1.0)?;
            cv.polygon(&up_triangle(c, r), col, 0.9)
        }
        Stance::Denies => {
            cv.polygon(&down_triangle(c, r + 1.5), palette::BACKGROUND, 1.0)?;
            cv.polygon(&down_triangle(c, r), col, 0.9)
        }
        Stance::Neutral => {
            cv.circle(c, r, palette::BACKGROUND, 1.0, true)?;
            cv.circle(c, r, col, 1.0, false)
        }
    }
}

/// The "nothing to chart" message in the middle of the image.
fn draw_message(cv: &Canvas, l: &ChartLayout, msg: &str) -> Result<(), RenderError> {
    let (s, f) = (l.scale_factor, &l.fonts);
    let (w, h) = (f64::from(l.width), f64::from(l.height));
    let big = FontSpec::bold(30.0 * s);
    let b = PxBox::new(w * 0.2, h * 0.36, w * 0.8, h * 0.64);
    cv.rect(b, palette::BAND)?;
    cv.text(
        msg,
        (w / 2.0, h / 2.0 - 14.0 * s),
        big,
        palette::MUTED,
        Anchor::Center,
    )?;
    cv.text(
        "Every pair of claims on the same proposition was compared.",
        (w / 2.0, h / 2.0 + 24.0 * s),
        f.subtitle,
        palette::MUTED,
        Anchor::Center,
    )
}

/// The stance legend (marks as the chart draws them) and the side colours.
fn draw_legends(cv: &Canvas, l: &ChartLayout) -> Result<(), RenderError> {
    let (s, f) = (l.scale_factor, &l.fonts);
    draw_legend(cv, &l.legend, f, s, |cv, sw, b| {
        let c = (b.x0 + 11.0 * s, (b.y0 + b.y1) / 2.0);
        match sw {
            Swatch::Claim(st) => stance_mark(cv, c, 6.5 * s, st, palette::MUTED),
            other => draw_swatch(cv, other, b, s),
        }
    })?;
    for &(si, b) in &l.side_legend {
        let col = palette::side(si);
        cv.rect(
            PxBox::new(b.x0, b.y0 + 2.0 * s, b.x0 + 14.0 * s, b.y1 - 2.0 * s),
            col,
        )?;
        cv.text(
            &l.sides[si].label,
            (b.x0 + 20.0 * s, b.y0),
            f.legend,
            palette::INK,
            Anchor::TopLeft,
        )?;
    }
    Ok(())
}

/// The stance panel's row bands, the date axis, and each row's line and proposition.
fn draw_rows(cv: &Canvas, l: &ChartLayout) -> Result<(), RenderError> {
    let (s, f, p) = (l.scale_factor, &l.fonts, l.stance_panel);
    for (i, row) in l.rows.iter().enumerate() {
        if i % 2 == 0 {
            cv.rect(row.band, palette::BAND)?;
        }
    }
    cv.date_axis(p, &l.ticks, l.tick_unit, l.scale, f.tick, s)?;
    for row in &l.rows {
        cv.line(
            &[(p.x0, row.mid_y), (p.x1, row.mid_y)],
            (190, 190, 190),
            1.0,
            1,
        )?;
        let x = row.band.x0 + 8.0 * s;
        // The proposition in plain words, on as many lines as the row holds, cut only
        // between words.
        let room = p.x0 - x - 10.0 * s;
        let max_lines = ((row.band.height() - f.lane_sub.line_height() - 6.0 * s)
            / f.lane.line_height())
        .floor()
        .clamp(1.0, 3.0) as usize;
        let lines = wrap_words(&f.lane, &row.frame, room, max_lines);
        let text_h = lines.len() as f64 * f.lane.line_height();
        let top = row.band.y0
            + (row.band.height() - text_h - f.lane_sub.line_height() - 3.0 * s).max(0.0) / 2.0;
        for (i, line) in lines.iter().enumerate() {
            let y = top + i as f64 * f.lane.line_height();
            cv.text(line, (x, y), f.lane, palette::INK, Anchor::TopLeft)?;
        }
        let top = top + text_h - f.lane.line_height();
        cv.text(
            &format!(
                "{} · {}",
                plural(row.claims, "claim"),
                plural(row.contradictions, "clash")
            ),
            (x, top + f.lane.line_height() + 3.0 * s),
            f.lane_sub,
            palette::MUTED,
            Anchor::TopLeft,
        )?;
    }
    Ok(())
}

/// The connectors (each drawn once, fainter when many), then the marks and their names.
fn draw_marks(cv: &Canvas, l: &ChartLayout) -> Result<(), RenderError> {
    let (s, f) = (l.scale_factor, &l.fonts);
    let alpha = if l.bucket != TickUnit::Day {
        0.2
    } else if l.connectors.len() > 150 {
        0.3
    } else if l.connectors.len() > 40 {
        0.5
    } else {
        0.9
    };
    let mut seen = BTreeSet::new();
    for c in &l.connectors {
        let key = (
            c.from.0.round() as i64,
            c.from.1.round() as i64,
            c.to.0.round() as i64,
            c.to.1.round() as i64,
        );
        if seen.insert(key) {
            cv.line(
                &c.path,
                palette::CONNECTOR,
                alpha,
                (2.5 * s).round().max(2.0) as u32,
            )?;
        }
    }
    for row in &l.rows {
        for m in &row.marks {
            match m.bar {
                Some(b) => cv.rect(b, palette::side(m.side))?,
                None => stance_mark(cv, (m.x, m.y), m.r, m.stance, palette::side(m.side))?,
            }
        }
        for m in &row.marks {
            if let Some((text, b)) = &m.label {
                cv.rect_alpha(*b, palette::BACKGROUND, 0.7)?;
                cv.text(
                    text,
                    (b.x0 + 2.0, (b.y0 + b.y1) / 2.0),
                    f.label,
                    palette::INK,
                    Anchor::MidLeft,
                )?;
            }
        }
    }
    Ok(())
}

/// The "who contradicts whom" matrix: column and row heads, then the shaded cells.
fn draw_matrix(cv: &Canvas, l: &ChartLayout, m: &MatrixLayout) -> Result<(), RenderError> {
    let (s, f) = (l.scale_factor, &l.fonts);
    cv.text(
        "Who contradicts whom",
        (m.area.x0, m.area.y0),
        f.lane,
        palette::INK,
        Anchor::TopLeft,
    )?;
    let short: Vec<String> = m.sides.iter().map(|&i| short_side(&l.sides[i])).collect();
    for (ci, name) in short.iter().enumerate() {
        if let Some(cell) = m.cells.first().and_then(|r| r.get(ci)) {
            let name = fit(&f.lane_sub, name, cell.width() - 2.0);
            cv.text(
                &name,
                (
                    (cell.x0 + cell.x1) / 2.0,
                    cell.y0 - f.lane_sub.line_height() - 3.0 * s,
                ),
                f.lane_sub,
                palette::INK,
                Anchor::TopCenter,
            )?;
        }
    }
    for (ri, row) in m.cells.iter().enumerate() {
        if let Some(first) = row.first() {
            let label = fit(
                &f.lane_sub,
                &l.sides[m.sides[ri]].label,
                first.x0 - m.area.x0 - 24.0 * s,
            );
            let sy = (first.y0 + first.y1) / 2.0;
            cv.rect(
                PxBox::new(m.area.x0, sy - 5.0 * s, m.area.x0 + 10.0 * s, sy + 5.0 * s),
                palette::side(m.sides[ri]),
            )?;
            cv.text(
                &label,
                (m.area.x0 + 16.0 * s, sy),
                f.lane_sub,
                palette::INK,
                Anchor::MidLeft,
            )?;
        }
        for (ci, cell) in row.iter().enumerate() {
            draw_matrix_cell(cv, f, *cell, m.counts[ri][ci], m.max)?;
        }
    }
    Ok(())
}

/// One matrix cell, shaded by its count against the largest.
fn draw_matrix_cell(
    cv: &Canvas,
    f: &Fonts,
    cell: PxBox,
    n: usize,
    max: usize,
) -> Result<(), RenderError> {
    let t = if max == 0 { 0.0 } else { n as f64 / max as f64 };
    let fill = if n == 0 {
        palette::BACKGROUND
    } else {
        palette::tint(palette::REDDISH_PURPLE, 0.2 + 0.8 * t)
    };
    cv.rect(cell.inflate(-1.0), fill)?;
    cv.outline(cell, palette::GRID, 1)?;
    let txt = if n == 0 {
        "·".to_string()
    } else {
        n.to_string()
    };
    let col = if t > 0.6 {
        palette::BACKGROUND
    } else {
        palette::INK
    };
    cv.text(
        &txt,
        ((cell.x0 + cell.x1) / 2.0, (cell.y0 + cell.y1) / 2.0),
        f.legend,
        col,
        Anchor::Center,
    )
}

/// The numeric disputes panel: per quantity, each source's figure as a bar.
fn draw_numeric(cv: &Canvas, l: &ChartLayout) -> Result<(), RenderError> {
    let (s, f, np) = (l.scale_factor, &l.fonts, l.numeric_panel);
    if !l.numeric.is_empty() {
        cv.text(
            "Numeric disputes: figures by source",
            (np.x0, np.y0),
            f.lane,
            palette::INK,
            Anchor::TopLeft,
        )?;
    } else if np.width() > 200.0 * s {
        cv.text(
            "No numeric disputes in this thread",
            (np.x0, np.y0),
            f.lane_sub,
            palette::MUTED,
            Anchor::TopLeft,
        )?;
    }
    for g in &l.numeric {
        cv.text(
            &g.quantity,
            (np.x0, g.heading_y),
            f.lane_sub,
            palette::MUTED,
            Anchor::TopLeft,
        )?;
        for b in &g.bars {
            cv.text(
                &b.label,
                (b.label_box.x1, (b.label_box.y0 + b.label_box.y1) / 2.0),
                f.label,
                palette::INK,
                Anchor::MidRight,
            )?;
            cv.rect(b.bar, palette::side(b.side))?;
            cv.text(
                &format_value(b.value),
                (b.bar.x1 + 6.0 * s, (b.bar.y0 + b.bar.y1) / 2.0),
                f.label,
                palette::INK,
                Anchor::MidLeft,
            )?;
        }
    }
    Ok(())
}

/// Draws `l` to the PNG `out`.
pub(super) fn draw(l: &ChartLayout, out: &Path) -> Result<(), RenderError> {
    let cv = Canvas::new(out, l.width, l.height)?;
    let (s, f) = (l.scale_factor, &l.fonts);
    draw_title(&cv, &l.title, &l.subtitle, f, s)?;
    draw_footnote(&cv, &l.footnote, f, s, l.height)?;
    if let Some(msg) = &l.message {
        draw_message(&cv, l, msg)?;
        return cv.present();
    }
    draw_legends(&cv, l)?;
    draw_rows(&cv, l)?;
    draw_marks(&cv, l)?;
    if let Some(m) = &l.matrix {
        draw_matrix(&cv, l, m)?;
    }
    draw_numeric(&cv, l)?;
    cv.present()
}
