//! The thread timeline as a briefing picture: the story's key moments, labelled.
//!
//! Lanes by side (from the one sides table). The moments are picked by salience: both claims
//! of the strongest contradictions first, then the events reported by the most articles,
//! then the first statement of each principal speaker. Each gets a label "29 Aug · Shoigu
//! (Russia): nearing an arrangement" cut at a word boundary, placed so no text touches other
//! text; contradiction pairs are joined and numbered (the numbers key into index.html).
//! How much was said shows as a thin density strip under the axis.
//!
//! `timeline_layout` computes everything as pixel data; `timeline` draws it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;

use super::canvas::{Anchor, Canvas};
use super::font::{ensure_fonts, fit, FontSpec};
use super::layout::{arc, Connector, DateScale, PxBox, Stance, Tick, TickUnit};
use super::palette::{self, Rgb};
use super::{
    check_options, claim_side, event_side, order_sides, span_text, thread_title, ui_scale,
    RenderError, RenderOptions, ReportData, Side,
};
use crate::model::{DateValue, Precision, Span, StoredClaim};

/// Smallest text drawn anywhere on the charts, in pixels.
pub const MIN_TEXT_PX: f64 = 13.0;

/// What a moment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    /// A claim, a circle coloured by stance.
    Claim(Stance),
    /// An event, a diamond.
    Event,
}

/// Why a moment was picked, in salience order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Why {
    /// One end of a contradiction (its rank among the thread's contradictions, strongest 0).
    Contradiction,
    /// An event, with the number of articles that report it.
    Reported(usize),
    /// The first dated statement of one of the thread's principal speakers.
    FirstStatement,
}

/// One horizontal lane: the moments of one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub side: Side,
    /// The whole band of the lane, across the gutter and the plot.
    pub band: PxBox,
    /// y of the marks.
    pub mark_y: f64,
    /// Every dated claim and event of the side(s) in this lane, labelled or not.
    pub claims: usize,
    pub events: usize,
}

/// A labelled key moment: its mark, its label and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub lane: usize,
    pub kind: MarkKind,
    pub why: Why,
    pub date: NaiveDate,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub claim_id: Option<i64>,
    pub event_id: Option<i64>,
    pub article_id: i64,
    /// Byte span of the claim or event text in the article body.
    pub span: Span,
    /// "Shoigu", or the side's name for an event.
    pub who: String,
    pub side: String,
    /// The claim or event text in full (the label may show only its first words).
    pub text: String,
    /// The contradiction this moment is one end of, numbered from 1 as in index.html.
    pub number: Option<usize>,
    pub contradiction_id: Option<i64>,
    /// The label as drawn, and its box.
    pub label: String,
    pub bbox: PxBox,
    /// Leader from the mark to the label's near side.
    pub leader: Vec<(f64, f64)>,
}

/// The claim-and-event density strip under the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Density {
    pub band: PxBox,
    pub unit: TickUnit,
    /// (bucket start, items, box)
    pub cells: Vec<(NaiveDate, usize, PxBox)>,
    pub max: usize,
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

/// Everything the timeline shows, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    pub width: u32,
    pub height: u32,
    pub scale_factor: f64,
    pub fonts: Fonts,
    pub title: String,
    pub subtitle: String,
    pub legend: Vec<LegendItem>,
    /// The data area (right of the lane names, above the axis).
    pub plot: PxBox,
    /// None when nothing dated falls in the range.
    pub scale: Option<DateScale>,
    pub tick_unit: TickUnit,
    pub ticks: Vec<Tick>,
    pub lanes: Vec<Lane>,
    /// The labelled moments, in salience order.
    pub moments: Vec<Moment>,
    /// Picked moments that found no room for a label (not drawn).
    pub unplaced: usize,
    pub connectors: Vec<Connector>,
    pub density: Option<Density>,
    /// Claims and events with no date: left out, counted in the footnote.
    pub undated: usize,
    /// Dated items outside the window drawn.
    pub out_of_range: usize,
    /// Background dates (before the story's window), as shown in the footnote: "Mar 2011".
    pub background: Vec<String>,
    pub footnote: String,
}

/// A candidate moment before placement.
#[derive(Debug, Clone)]
struct Cand {
    kind: MarkKind,
    why: Why,
    side: Side,
    date: NaiveDate,
    claim_id: Option<i64>,
    event_id: Option<i64>,
    article_id: i64,
    span: Span,
    who: String,
    text: String,
    contradiction: Option<(usize, i64)>,
}

/// Short speaker name for labels: "Sergei Shoigu" -> "Shoigu", "a U.S. official" stays.
pub fn short_speaker(s: &str) -> String {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    let first_lower = s.chars().next().is_some_and(|c| c.is_lowercase());
    if words.len() >= 2
        && !first_lower
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        words.last().map(|w| w.to_string()).unwrap_or_default()
    } else {
        s.to_string()
    }
}

/// Page furniture that sometimes survives cleaning ("Our Standards: The Thomson Reuters Trust
/// Principles"): never a headline, never a key moment.
pub fn is_boilerplate(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "our standards",
        "trust principles",
        "all rights reserved",
        "click here",
        "sign up for",
        "newsletter",
        "cookie",
        "subscribe",
    ]
    .iter()
    .any(|p| t.contains(p))
}

/// The text a label quotes: the claim or event text without surrounding quote marks.
fn clean_quote(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|ch: char| matches!(ch, '"' | '“' | '”' | '\'' | '‘' | '’') || ch == ',')
        .trim()
        .to_string()
}

/// `head` followed by as many whole words of `words` as fit in `max_w`, with "…" when words
/// were left out. None when not even `min_words` words fit. Never cuts inside a word.
pub(crate) fn cut_words(
    font: &FontSpec,
    head: &str,
    words: &str,
    max_w: f64,
    min_words: usize,
) -> Option<String> {
    let full = format!("{head}{words}");
    if font.width(&full) <= max_w {
        return Some(full);
    }
    let ws: Vec<&str> = words.split_whitespace().collect();
    let mut n = ws.len();
    while n >= min_words.max(1) {
        n -= 1;
        if n < min_words.max(1) {
            break;
        }
        let kept = ws[..n]
            .join(" ")
            .trim_end_matches([',', ';', ':', '.', '-', '—', '–'])
            .to_string();
        let text = format!("{head}{kept}…");
        if font.width(&text) <= max_w {
            return Some(text);
        }
    }
    None
}

/// How many labels fit legibly: about 18 at 1600x900, fewer on smaller images.
pub fn label_budget(width: u32, height: u32) -> usize {
    let area = f64::from(width) * f64::from(height) / (1600.0 * 900.0);
    ((18.0 * area.sqrt()).round() as usize).clamp(8, 20)
}

fn in_range(d: NaiveDate, opts: &RenderOptions) -> bool {
    opts.from.is_none_or(|f| d >= f) && opts.to.is_none_or(|t| d <= t)
}

/// Most lanes drawn; the least-used sides share the last ("Other").
const MAX_LANES: usize = 6;

/// Picks the key moments in salience order (at most `budget`).
fn pick_moments(data: &ReportData, opts: &RenderOptions, budget: usize) -> Vec<Cand> {
    let dated = |v: &DateValue| v.date.filter(|d| in_range(*d, opts));
    let claim_cand = |c: &StoredClaim, why: Why, contra: Option<(usize, i64)>| {
        let side = claim_side(c);
        let who = short_speaker(&c.claim.speaker);
        Some(Cand {
            kind: MarkKind::Claim(Stance::from_polarity(c.claim.polarity)),
            why,
            date: dated(&c.claim.date)?,
            claim_id: Some(c.id),
            event_id: None,
            article_id: c.article_id,
            span: c.claim.span,
            who: if who.is_empty() {
                side.label.clone()
            } else {
                who
            },
            side,
            text: clean_quote(&c.claim.text),
            contradiction: contra,
        })
    };
    let mut out: Vec<Cand> = Vec::new();
    let mut seen_claims: HashSet<i64> = HashSet::new();
    // 1. Both ends of the strongest contradictions (both ends dated in the window).
    let mut contras: Vec<_> = data
        .contradictions
        .iter()
        .filter(|c| dated(&c.a.claim.date).is_some() && dated(&c.b.claim.date).is_some())
        .collect();
    contras.sort_by(|a, b| {
        b.contradiction
            .score
            .total_cmp(&a.contradiction.score)
            .then(a.id.cmp(&b.id))
    });
    let pair_slots = (budget * 2 / 5).max(2);
    let mut number = 0;
    for c in contras {
        let new: Vec<&StoredClaim> = [&c.a, &c.b]
            .into_iter()
            .filter(|x| !seen_claims.contains(&x.id))
            .collect();
        if new.is_empty() {
            continue;
        }
        if out.len() + new.len() > pair_slots {
            break;
        }
        number += 1;
        for x in new {
            seen_claims.insert(x.id);
            out.extend(claim_cand(x, Why::Contradiction, Some((number, c.id))));
        }
    }
    // 2. Events reported by the most articles: same day, same trigger, same side.
    let mut groups: BTreeMap<(NaiveDate, String, String), (HashSet<i64>, usize)> = BTreeMap::new();
    for (i, e) in data.events.iter().enumerate() {
        let Some(d) = dated(&e.event.date) else {
            continue;
        };
        if is_boilerplate(&e.event.text) || is_boilerplate(&e.event.sentence) {
            continue;
        }
        let key = (d, e.event.trigger.to_lowercase(), event_side(e).key);
        let g = groups.entry(key).or_insert((HashSet::new(), i));
        g.0.insert(e.article_id);
    }
    let mut events: Vec<(usize, NaiveDate, usize)> = groups
        .iter()
        .map(|((d, _, _), (arts, i))| (arts.len(), *d, *i))
        .collect();
    events.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let event_slots = out.len() + (budget / 4).max(2);
    for (n, d, i) in events {
        if out.len() >= event_slots.min(budget) {
            break;
        }
        let e = &data.events[i];
        let side = event_side(e);
        out.push(Cand {
            kind: MarkKind::Event,
            why: Why::Reported(n),
            date: d,
            claim_id: None,
            event_id: Some(e.id),
            article_id: e.article_id,
            span: e.event.span,
            who: side.label.clone(),
            side,
            text: clean_quote(&e.event.text),
            contradiction: None,
        });
    }
    // 3. First statements of the principal speakers, most prolific first.
    let mut speakers: HashMap<(String, String), (usize, &StoredClaim)> = HashMap::new();
    for c in &data.claims {
        let Some(d) = dated(&c.claim.date) else {
            continue;
        };
        let who = short_speaker(&c.claim.speaker);
        if who.is_empty() || is_boilerplate(&c.claim.text) {
            continue;
        }
        let key = (who.to_lowercase(), claim_side(c).key);
        let e = speakers.entry(key).or_insert((0, c));
        e.0 += 1;
        let first = e.1.claim.date.date.unwrap_or(d);
        if (d, c.id) < (first, e.1.id) {
            e.1 = c;
        }
    }
    let mut principal: Vec<(usize, NaiveDate, i64, &StoredClaim)> = speakers
        .into_values()
        .map(|(n, c)| (n, c.claim.date.date.unwrap_or_default(), c.id, c))
        .collect();
    principal.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, _, id, c) in principal {
        if out.len() >= budget {
            break;
        }
        if seen_claims.insert(id) {
            out.extend(claim_cand(c, Why::FirstStatement, None));
        }
    }
    out
}

/// Computes the whole timeline as pixel data.
pub fn timeline_layout(
    data: &ReportData,
    opts: &RenderOptions,
) -> Result<TimelineLayout, RenderError> {
    check_options(opts)?;
    let window = super::story_window(data, opts);
    let opts = &window;
    ensure_fonts()?;
    let (w, h) = (f64::from(opts.width), f64::from(opts.height));
    let s = ui_scale(opts.width, opts.height);
    let fonts = Fonts::for_scale(s);
    let margin = (20.0 * s).round();

    // 1. Every dated item in the window (for the density strip and lane counts); undated
    //    and background items are counted, background dates listed.
    let mut undated = 0usize;
    let mut out_of_range = 0usize;
    let mut background: BTreeMap<NaiveDate, (Precision, usize)> = BTreeMap::new();
    let mut items: Vec<(Side, NaiveDate, bool)> = Vec::new();
    let claim_dates = data
        .claims
        .iter()
        .map(|c| (claim_side(c), c.claim.date, true));
    let event_dates = data
        .events
        .iter()
        .map(|e| (event_side(e), e.event.date, false));
    for (side, date, is_claim) in claim_dates.chain(event_dates) {
        let Some(d) = date.date else {
            undated += 1;
            continue;
        };
        if !in_range(d, opts) {
            out_of_range += 1;
            if opts.from.is_some_and(|f| d < f) {
                background.entry(d).or_insert((date.precision, 0)).1 += 1;
            }
            continue;
        }
        items.push((side, d, is_claim));
    }
    let background: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for (d, (p, _)) in &background {
            let t = match p {
                Precision::Year => d.format("%Y").to_string(),
                Precision::Month => d.format("%b %Y").to_string(),
                _ => d.format("%-d %b %Y").to_string(),
            };
            if !v.contains(&t) {
                v.push(t);
            }
        }
        v
    };

    // 2. The moments, and the lanes of their sides.
    let budget = label_budget(opts.width, opts.height);
    // Twice as many candidates as labels: the ones that find no room give way to the next.
    let cands = pick_moments(data, opts, budget * 2);
    let mut side_counts: BTreeMap<Side, usize> = BTreeMap::new();
    for c in &cands {
        *side_counts.entry(c.side.clone()).or_default() += 1;
    }
    let counts: Vec<(Side, usize)> = side_counts.into_iter().collect();
    let mut sides = order_sides(&counts);
    let other = super::side_of(None);
    let mut merged: HashMap<Side, Side> = HashMap::new();
    // Each lane needs room for about three rows of labels.
    let room_h = h * 0.55;
    let max_lanes =
        ((room_h / (3.2 * (fonts.label.line_height() + 3.0))) as usize).clamp(2, MAX_LANES);
    if sides.len() > max_lanes {
        let mut by_count: Vec<(usize, Side)> = counts
            .iter()
            .filter(|(sd, _)| sd.key != super::OTHER)
            .map(|(sd, n)| (*n, sd.clone()))
            .collect();
        by_count.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, sd) in by_count.into_iter().skip(max_lanes - 1) {
            merged.insert(sd, other.clone());
        }
        let mut kept: Vec<(Side, usize)> = Vec::new();
        for (sd, n) in &counts {
            let to = merged.get(sd).cloned().unwrap_or_else(|| sd.clone());
            match kept.iter_mut().find(|(k, _)| *k == to) {
                Some(k) => k.1 += n,
                None => kept.push((to, *n)),
            }
        }
        sides = order_sides(&kept);
    }
    let lane_of = |sd: &Side| -> Option<usize> {
        let sd = merged.get(sd).unwrap_or(sd);
        sides.iter().position(|x| x == sd)
    };

    // 3. Header, legend, plot area, axis, density strip.
    let title = thread_title(&data.thread);
    let header_h = fonts.title.line_height() + 6.0 * s + fonts.subtitle.line_height();
    let data_span = items
        .iter()
        .map(|i| i.1)
        .min()
        .zip(items.iter().map(|i| i.1).max());
    let (from, to) = match (opts.from, opts.to, data_span) {
        (Some(f), Some(t), _) => (f, t),
        (f, t, Some((df, dt))) => (f.unwrap_or(df), t.unwrap_or(dt).max(f.unwrap_or(df))),
        (f, t, None) => {
            let d = f
                .or(t)
                .unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default());
            (d, t.unwrap_or(d).max(d))
        }
    };
    let title_full = if data_span.is_some() || opts.from.is_some() || opts.to.is_some() {
        format!("{title} — {}", span_text(from, to))
    } else {
        title.clone()
    };
    let title_full = fit(&fonts.title, &title_full, w - 2.0 * margin);
    let legend_top = margin + header_h + 10.0 * s;
    let (_, legend_bottom) =
        legend_layout(&fonts, s, margin, w - margin, legend_top, &TIMELINE_LEGEND);
    let foot_h = fonts.foot.line_height() + 8.0 * s;
    let strip_h = (8.0 * s).max(6.0);
    let axis_h = fonts.tick.line_height() + 12.0 * s + strip_h + 6.0 * s;
    let gutter = sides
        .iter()
        .map(|sd| fonts.lane.width(&sd.label))
        .fold(110.0 * s, f64::max)
        .min(w * 0.18)
        + 16.0 * s;
    let plot = PxBox::new(
        margin + gutter,
        legend_bottom + 12.0 * s,
        w - margin - 4.0 * s,
        h - margin - foot_h - axis_h,
    );
    let scale = DateScale::new(from, to, plot.x0, plot.x1);
    let (tick_unit, ticks) = scale.ticks(fonts.tick.width("28 Sep 2016") + 24.0 * s);
    let strip_y = plot.y1 + fonts.tick.line_height() + 12.0 * s;
    let density = (!items.is_empty()).then(|| {
        let unit = if scale.px_per_day() >= 3.0 {
            TickUnit::Day
        } else {
            TickUnit::Week
        };
        let mut per: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for (_, d, _) in &items {
            *per.entry(unit.bucket_start(*d)).or_default() += 1;
        }
        let max = per.values().copied().max().unwrap_or(1);
        let cells = per
            .into_iter()
            .map(|(d, n)| {
                let x0 = scale.x(d).max(plot.x0);
                let x1 = scale.x(unit.bucket_end(d)).min(plot.x1);
                (
                    d,
                    n,
                    PxBox::new(x0, strip_y, x1.max(x0 + 1.0), strip_y + strip_h),
                )
            })
            .collect();
        Density {
            band: PxBox::new(plot.x0, strip_y, plot.x1, strip_y + strip_h),
            unit,
            cells,
            max,
        }
    });

    // 4. Lanes: height by the number of moments they hold.
    let n_lanes = sides.len();
    let mut per_lane = vec![0usize; n_lanes];
    for c in &cands {
        if let Some(l) = lane_of(&c.side) {
            per_lane[l] += 1;
        }
    }
    let weight: Vec<f64> = per_lane.iter().map(|n| 0.8 + *n as f64).collect();
    let total_w: f64 = weight.iter().sum::<f64>().max(1.0);
    let r = (7.0 * s).clamp(5.0, 12.0);
    let mut lanes: Vec<Lane> = Vec::new();
    let mut y = plot.y0;
    for (li, side) in sides.iter().enumerate() {
        let hgt = plot.height() * weight[li] / total_w;
        let band = PxBox::new(margin, y, plot.x1, y + hgt);
        y += hgt;
        let (claims, events) = items
            .iter()
            .filter(|(sd, _, _)| lane_of(sd) == Some(li))
            .fold(
                (0, 0),
                |(c, e), (_, _, is_claim)| {
                    if *is_claim {
                        (c + 1, e)
                    } else {
                        (c, e + 1)
                    }
                },
            );
        lanes.push(Lane {
            side: side.clone(),
            band,
            mark_y: band.y0 + r + 6.0 * s,
            claims,
            events,
        });
    }

    // 5. Labels, greedily in salience order.
    let font = fonts.label;
    let lh = font.line_height();
    let pitch = lh + 3.0;
    let max_w = (plot.width() * 0.45).min(480.0 * s);
    let mut moments: Vec<Moment> = Vec::new();
    let mut boxes: Vec<PxBox> = Vec::new();
    let mut leaders: Vec<PxBox> = Vec::new();
    let mut unplaced = 0;
    let mut mark_boxes: Vec<Vec<PxBox>> = vec![Vec::new(); lanes.len()];
    for c in &cands {
        if let Some(li) = lane_of(&c.side) {
            let (x, y) = (scale.center(c.date), lanes[li].mark_y);
            mark_boxes[li].push(PxBox::new(
                x - r - 2.0,
                y - r - 2.0,
                x + r + 2.0,
                y + r + 2.0,
            ));
        }
    }
    for c in &cands {
        if moments.len() >= budget {
            break;
        }
        let Some(li) = lane_of(&c.side) else {
            unplaced += 1;
            continue;
        };
        let lane = &lanes[li];
        let x = scale.center(c.date);
        let first_row = lane.mark_y + r + 5.0 * s;
        let rows = ((lane.band.y1 - 2.0 - first_row) / pitch).floor().max(0.0) as usize;
        let number = c.contradiction.map(|(n, _)| n);
        let head = match number {
            Some(n) => format!("[{n}] {} · {}", short_date_of(c.date), c.who),
            None => format!("{} · {}", short_date_of(c.date), c.who),
        };
        let head = match c.kind {
            MarkKind::Event => format!("{head}: "),
            MarkKind::Claim(_) if c.who == c.side.label => format!("{head}: "),
            MarkKind::Claim(_) => format!("{head} ({}): ", c.side.label),
        };
        let mut placed = None;
        // First on the marks' own line, beside the mark (no leader), clear of every
        // candidate mark of the lane; then in rows below, hanging from a leader.
        for right in [true, false] {
            let start = if right { x + r + 4.0 } else { x - r - 4.0 };
            let room = if right {
                plot.x1 - start
            } else {
                start - plot.x0
            };
            let Some(text) = cut_words(&font, &head, &c.text, room.min(max_w) - 4.0, 2) else {
                continue;
            };
            let tw = font.width(&text) + 4.0;
            let top = lane.mark_y - lh / 2.0;
            let bbox = if right {
                PxBox::new(start, top, start + tw, top + lh)
            } else {
                PxBox::new(start - tw, top, start, top + lh)
            };
            let free = plot.contains_box(&bbox)
                && bbox.y0 >= lane.band.y0
                && !boxes.iter().any(|b| b.overlaps(&bbox))
                && !leaders.iter().any(|l| l.overlaps(&bbox))
                && !mark_boxes[li].iter().any(|m| m.overlaps(&bbox));
            if free {
                let at = (x, lane.mark_y);
                placed = Some((
                    text,
                    bbox,
                    PxBox::new(x, lane.mark_y, x, lane.mark_y),
                    vec![at, at],
                ));
                break;
            }
        }
        'rows: for row in 0..rows {
            if placed.is_some() {
                break;
            }
            let top = first_row + row as f64 * pitch;
            let mid = top + lh / 2.0;
            let leader = PxBox::new(x - 1.0, lane.mark_y + r, x + 1.0, mid);
            if boxes.iter().any(|b| b.overlaps(&leader)) {
                break;
            }
            for right in [true, false] {
                let start = if right { x - 3.0 } else { x + 3.0 };
                let room = if right {
                    plot.x1 - start
                } else {
                    start - plot.x0
                };
                let Some(text) = cut_words(&font, &head, &c.text, room.min(max_w) - 4.0, 2) else {
                    continue;
                };
                let tw = font.width(&text) + 4.0;
                let bbox = if right {
                    PxBox::new(start, top, start + tw, top + lh)
                } else {
                    PxBox::new(start - tw, top, start, top + lh)
                };
                let free = plot.contains_box(&bbox)
                    && !boxes.iter().any(|b| b.overlaps(&bbox))
                    && !leaders
                        .iter()
                        .filter(|l| (l.x0 + 1.0 - x).abs() >= 1.5)
                        .any(|l| l.overlaps(&bbox));
                if free {
                    let edge = if right { bbox.x0 } else { bbox.x1 };
                    placed = Some((
                        text,
                        bbox,
                        leader,
                        vec![(x, lane.mark_y + r), (x, mid), (edge, mid)],
                    ));
                    break 'rows;
                }
            }
        }
        let Some((label, bbox, leader_box, leader)) = placed else {
            unplaced += 1;
            continue;
        };
        boxes.push(bbox.inflate(1.5));
        leaders.push(leader_box);
        moments.push(Moment {
            lane: li,
            kind: c.kind,
            why: c.why,
            date: c.date,
            x,
            y: lane.mark_y,
            r,
            claim_id: c.claim_id,
            event_id: c.event_id,
            article_id: c.article_id,
            span: c.span,
            who: c.who.clone(),
            side: c.side.label.clone(),
            text: c.text.clone(),
            number,
            contradiction_id: c.contradiction.map(|(_, id)| id),
            label,
            bbox,
            leader,
        });
    }
    // Renumber the pairs that kept a label, 1.. in strength order, without gaps.
    let mut renumber: BTreeMap<usize, usize> = BTreeMap::new();
    for m in &moments {
        if let Some(n) = m.number {
            renumber.insert(n, 0);
        }
    }
    for (i, v) in renumber.values_mut().enumerate() {
        *v = i + 1;
    }
    for m in &mut moments {
        if let Some(n) = m.number {
            let new = renumber[&n];
            if new != n {
                m.label = m.label.replacen(&format!("[{n}]"), &format!("[{new}]"), 1);
                m.bbox.x1 = m.bbox.x0 + font.width(&m.label) + 4.0;
                m.number = Some(new);
            }
        }
    }

    // 6. Contradiction pairs with both ends labelled are joined.
    let mut connectors = Vec::new();
    let mut by_contra: BTreeMap<i64, Vec<&Moment>> = BTreeMap::new();
    for m in &moments {
        if let Some(id) = m.contradiction_id {
            by_contra.entry(id).or_default().push(m);
        }
    }
    for c in &data.contradictions {
        let Some(ends) = by_contra.get(&c.id) else {
            continue;
        };
        let find = |id: i64| ends.iter().find(|m| m.claim_id == Some(id));
        let (Some(a), Some(b)) = (find(c.a.id), find(c.b.id)) else {
            continue;
        };
        let (a, b) = if (a.x, a.y) <= (b.x, b.y) {
            ((a.x, a.y), (b.x, b.y))
        } else {
            ((b.x, b.y), (a.x, a.y))
        };
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        connectors.push(Connector {
            contradiction_id: c.id,
            kind: c.contradiction.kind,
            from: a,
            to: b,
            path: arc(a, b, (len / 4.0).clamp(12.0 * s, 40.0 * s)),
        });
    }

    let shown: Vec<(Swatch, &str)> = TIMELINE_LEGEND
        .iter()
        .copied()
        .filter(|(sw, _)| match sw {
            Swatch::Claim(st) => moments.iter().any(|m| m.kind == MarkKind::Claim(*st)),
            Swatch::Event => moments.iter().any(|m| m.kind == MarkKind::Event),
            Swatch::Contradiction => !connectors.is_empty(),
            Swatch::Bucket => density.is_some(),
            Swatch::Approximate => false,
        })
        .collect();
    let (legend, _) = legend_layout(&fonts, s, margin, w - margin, legend_top, &shown);

    // 7. Footnote: what was left out, and where each label comes from.
    let mut foot = Vec::new();
    if !background.is_empty() {
        let mut list: Vec<&str> = background.iter().map(String::as_str).take(4).collect();
        if background.len() > 4 {
            list.push("…");
        }
        foot.push(format!(
            "background dates not on the axis: {}",
            list.join(", ")
        ));
    }
    let later = out_of_range - background.len().min(out_of_range);
    if opts.to.is_some() && later > 0 {
        foot.push(format!("{} after the range", plural(later, "item")));
    }
    if undated > 0 {
        foot.push(format!("{} left out", plural(undated, "undated item")));
    }
    foot.push(format!(
        "[n] = contradiction n in index.html, where every label traces to its article and byte span ({})",
        plural(data.articles.len(), "article")
    ));
    let footnote = fit(
        &fonts.foot,
        &capitalise(&foot.join(" · ")),
        w - 2.0 * margin,
    );
    let n_claims = items.iter().filter(|i| i.2).count();
    let subtitle = format!(
        "Key moments by side · {} of {} and {} labelled · {} joined",
        moments.len(),
        plural(n_claims, "claim"),
        plural(items.len() - n_claims, "event"),
        plural(connectors.len(), "contradiction")
    );

    Ok(TimelineLayout {
        width: opts.width,
        height: opts.height,
        scale_factor: s,
        fonts,
        title: title_full,
        subtitle,
        legend,
        plot,
        scale: (!items.is_empty()).then_some(scale),
        tick_unit,
        ticks,
        lanes,
        moments,
        unplaced,
        connectors,
        density,
        undated,
        out_of_range,
        background,
        footnote,
    })
}

fn short_date_of(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

const TIMELINE_LEGEND: [(Swatch, &str); 6] = [
    (Swatch::Claim(Stance::Asserts), "claim: asserts"),
    (Swatch::Claim(Stance::Denies), "claim: denies"),
    (Swatch::Claim(Stance::Neutral), "claim: neutral / unclear"),
    (Swatch::Event, "event"),
    (Swatch::Contradiction, "contradiction [n]"),
    (
        Swatch::Bucket,
        "strip under the axis: claims + events per day",
    ),
];

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

/// Draws the timeline PNG to `out` and returns the layout it drew.
pub fn timeline(
    data: &ReportData,
    opts: &RenderOptions,
    out: &Path,
) -> Result<TimelineLayout, RenderError> {
    let layout = timeline_layout(data, opts)?;
    draw(&layout, out)?;
    Ok(layout)
}

fn stance_color(st: Stance) -> Rgb {
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

fn draw(l: &TimelineLayout, out: &Path) -> Result<(), RenderError> {
    let cv = Canvas::new(out, l.width, l.height)?;
    let s = l.scale_factor;
    let f = &l.fonts;
    let margin = (20.0 * s).round();
    cv.header(&l.title, &l.subtitle, (f.title, f.subtitle), margin, s)?;
    for item in &l.legend {
        draw_swatch(&cv, item.swatch, item.bbox, s)?;
        cv.text(
            &item.text,
            (item.bbox.x0 + 28.0 * s, item.bbox.y0),
            f.legend,
            palette::INK,
            Anchor::TopLeft,
        )?;
    }
    for (i, lane) in l.lanes.iter().enumerate() {
        if i % 2 == 0 {
            cv.rect(lane.band, palette::BAND)?;
        }
        let x = lane.band.x0 + 8.0 * s;
        let y = lane.band.y0 + 6.0 * s;
        cv.text(
            &fit(&f.lane, &lane.side.label, l.plot.x0 - x - 8.0 * s),
            (x, y),
            f.lane,
            palette::INK,
            Anchor::TopLeft,
        )?;
        let mut sub = Vec::new();
        if lane.claims > 0 {
            sub.push(plural(lane.claims, "claim"));
        }
        if lane.events > 0 {
            sub.push(plural(lane.events, "event"));
        }
        let y2 = y + f.lane.line_height() + 3.0 * s;
        if y2 + f.lane_sub.line_height() <= lane.band.y1 {
            cv.text(
                &fit(&f.lane_sub, &sub.join(" · "), l.plot.x0 - x - 8.0 * s),
                (x, y2),
                f.lane_sub,
                palette::MUTED,
                Anchor::TopLeft,
            )?;
        }
    }
    let p = l.plot;
    cv.date_axis(p, &l.ticks, l.tick_unit, l.scale, f.tick, s)?;
    for lane in &l.lanes {
        cv.line(
            &[(p.x0, lane.mark_y), (p.x1, lane.mark_y)],
            palette::GRID,
            1.0,
            1,
        )?;
    }
    if l.scale.is_none() {
        cv.text(
            "No dated claims or events in this range",
            ((p.x0 + p.x1) / 2.0, (p.y0 + p.y1) / 2.0),
            f.subtitle,
            palette::MUTED,
            Anchor::Center,
        )?;
    }
    if let Some(d) = &l.density {
        cv.rect(d.band, palette::BAND)?;
        for (_, n, b) in &d.cells {
            let t = 0.2 + 0.8 * (*n as f64 / d.max.max(1) as f64);
            cv.rect(*b, palette::tint(palette::INK, t))?;
        }
        cv.text(
            &format!("per {}", d.unit.name()),
            (p.x0 - 6.0 * s, (d.band.y0 + d.band.y1) / 2.0),
            f.foot,
            palette::MUTED,
            Anchor::MidRight,
        )?;
    }
    for m in l
        .moments
        .iter()
        .filter(|m| m.leader.first() != m.leader.last())
    {
        cv.line(&m.leader, (150, 150, 150), 1.0, 1)?;
    }
    for c in &l.connectors {
        cv.line(&c.path, palette::CONNECTOR, 0.9, (2.5 * s).round() as u32)?;
    }
    for m in &l.moments {
        match m.kind {
            MarkKind::Claim(st) => {
                cv.circle((m.x, m.y), m.r + 1.0, palette::BACKGROUND, 1.0, true)?;
                cv.circle((m.x, m.y), m.r, stance_color(st), 1.0, true)?;
                if m.number.is_some() {
                    cv.circle((m.x, m.y), m.r + 3.0 * s, palette::CONNECTOR, 1.0, false)?;
                }
            }
            MarkKind::Event => {
                cv.polygon(&diamond((m.x, m.y), m.r * 1.35), palette::BACKGROUND, 1.0)?;
                cv.polygon(&diamond((m.x, m.y), m.r * 1.2), palette::EVENT, 1.0)?;
            }
        }
    }
    for m in &l.moments {
        let halo = if m.lane % 2 == 0 {
            palette::BAND
        } else {
            palette::BACKGROUND
        };
        cv.rect_alpha(m.bbox, halo, 0.9)?;
        cv.text(
            &m.label,
            (m.bbox.x0 + 2.0, m.bbox.y0),
            l.fonts.label,
            palette::INK,
            Anchor::TopLeft,
        )?;
    }
    cv.text(
        &l.footnote,
        (margin, l.height as f64 - margin - f.foot.line_height()),
        f.foot,
        palette::MUTED,
        Anchor::TopLeft,
    )?;
    cv.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures;

    fn opts() -> RenderOptions {
        RenderOptions::default()
    }

    fn small_size() -> RenderOptions {
        RenderOptions {
            width: 800,
            height: 450,
            ..opts()
        }
    }

    /// The layout invariants: labels inside the plot (and so the canvas), apart from each
    /// other, at least 13 px, and never cut inside a word.
    fn check_labels(l: &TimelineLayout) {
        let canvas = PxBox::new(0.0, 0.0, f64::from(l.width), f64::from(l.height));
        assert!(l.fonts.label.size >= MIN_TEXT_PX);
        for (i, a) in l.moments.iter().enumerate() {
            assert!(
                l.plot.contains_box(&a.bbox) && canvas.contains_box(&a.bbox),
                "label {:?} leaves the plot",
                a.label
            );
            for b in &l.moments[i + 1..] {
                assert!(
                    !a.bbox.overlaps(&b.bbox),
                    "{:?} overlaps {:?}",
                    a.label,
                    b.label
                );
            }
            // The quote part is the text's first words, whole.
            let quote = a.label.split_once("): ").or(a.label.split_once(": "));
            let quote = quote.map(|(_, q)| q).unwrap_or("");
            let shown = quote.trim_end_matches('…').trim_end();
            let full: Vec<&str> = a.text.split_whitespace().collect();
            let words: Vec<&str> = shown.split_whitespace().collect();
            assert!(!words.is_empty(), "{:?} shows no words", a.label);
            let n = words.len();
            assert_eq!(&full[..n - 1], &words[..n - 1], "{:?}", a.label);
            let last_full = full[n - 1].trim_end_matches([',', ';', ':', '.', '-', '—', '–']);
            assert_eq!(words[n - 1], last_full, "{:?} cut mid-word", a.label);
            assert!(
                a.label.ends_with('…') || n == full.len(),
                "{:?} drops words without an ellipsis",
                a.label
            );
        }
    }

    #[test]
    fn small_thread_labels_the_key_moments() {
        let l = timeline_layout(&fixtures::small(), &opts()).unwrap();
        check_labels(&l);
        let keys: Vec<&str> = l.lanes.iter().map(|l| l.side.key.as_str()).collect();
        assert_eq!(keys, ["usa", "russia", "syria-government"]);
        // The strongest contradictions come first, both ends, numbered 1 and 2.
        let first: Vec<Option<usize>> = l.moments.iter().take(4).map(|m| m.number).collect();
        assert_eq!(first, [Some(1), Some(1), Some(2), Some(2)]);
        let shoigu = l
            .moments
            .iter()
            .find(|m| m.who == "Shoigu")
            .expect("Shoigu is labelled");
        assert!(
            shoigu.label.starts_with("[1] 29 Aug · Shoigu (Russia): "),
            "{}",
            shoigu.label
        );
        assert_eq!(l.connectors.len(), 2);
        assert!(l.title.contains("29 Aug – 6 Sep 2016"), "{}", l.title);
        assert_eq!(l.undated, 1);
        assert!(l.footnote.contains("1 undated item"), "{}", l.footnote);
        assert!(l.density.is_some());
    }

    #[test]
    fn a_busy_thread_gets_12_to_20_labels_at_full_size_and_fewer_when_small() {
        let data = fixtures::large(400, 40);
        let big = timeline_layout(&data, &opts()).unwrap();
        check_labels(&big);
        assert!(
            (12..=20).contains(&big.moments.len()),
            "{} labels",
            big.moments.len()
        );
        let small = timeline_layout(&data, &small_size()).unwrap();
        check_labels(&small);
        assert!(small.moments.len() < big.moments.len());
        assert!(small.moments.len() >= 4, "{}", small.moments.len());
        let density: usize = big
            .density
            .as_ref()
            .unwrap()
            .cells
            .iter()
            .map(|c| c.1)
            .sum();
        assert_eq!(density, 400 + 40, "the strip counts every dated item");
    }

    #[test]
    fn labels_hold_at_both_sizes_on_every_fixture() {
        for data in [
            fixtures::small(),
            fixtures::large(60, 10),
            fixtures::large(2000, 180),
            fixtures::with_precision(fixtures::large(60, 40)),
        ] {
            for o in [opts(), small_size()] {
                let l = timeline_layout(&data, &o).unwrap();
                check_labels(&l);
                assert!(l.lanes.len() <= MAX_LANES);
            }
        }
    }

    #[test]
    fn cut_words_never_cuts_inside_a_word() {
        let font = FontSpec::condensed(14.0);
        ensure_fonts().unwrap();
        let text = "step by step, we are nearing an arrangement on Aleppo";
        let full = cut_words(&font, "29 Aug · Shoigu: ", text, 2000.0, 2).unwrap();
        assert_eq!(full, format!("29 Aug · Shoigu: {text}"));
        let cut = cut_words(&font, "", text, font.width("step by step, we ar…"), 2).unwrap();
        assert_eq!(cut, "step by step, we…");
        assert_eq!(cut_words(&font, "", text, 10.0, 2), None);
    }

    #[test]
    fn background_dates_are_listed_in_the_footnote_not_on_the_axis() {
        let mut data = fixtures::small();
        let article = data.articles[0].clone();
        let mut c = fixtures::claim(
            99,
            &article,
            "Historian",
            "SYRGOV",
            Some("2011-03-15"),
            "talks",
            0,
            "the war began in 2011",
        );
        c.claim.date.precision = Precision::Month;
        data.claims.push(c);
        let l = timeline_layout(&data, &opts()).unwrap();
        assert_eq!(l.out_of_range, 1, "the 2011 claim is background");
        assert_eq!(l.background, ["Mar 2011"]);
        assert!(
            l.footnote
                .contains("Background dates not on the axis: Mar 2011"),
            "{}",
            l.footnote
        );
        assert_eq!(l.tick_unit, TickUnit::Day, "the story's span sets the axis");
        assert!(l.title.contains("29 Aug – 6 Sep 2016"), "{}", l.title);
    }

    #[test]
    fn a_country_split_by_the_sides_table_gives_two_lanes() {
        let mut data = fixtures::small();
        let article = data.articles[0].clone();
        for (id, code, who, pol) in [
            (201, "COLGOV", "Juan Manuel Santos", 1),
            (202, "COLREB", "Rodrigo Londono", -1),
        ] {
            data.claims.push(fixtures::claim(
                id,
                &article,
                who,
                code,
                Some("2016-09-02"),
                "peace",
                pol,
                "the peace deal will hold for good",
            ));
        }
        let l = timeline_layout(&data, &opts()).unwrap();
        let keys: Vec<&str> = l.lanes.iter().map(|l| l.side.key.as_str()).collect();
        assert!(keys.contains(&"colombia-government"), "{keys:?}");
        assert!(keys.contains(&"farc"), "{keys:?}");
        assert!(!keys.iter().any(|k| k.eq_ignore_ascii_case("col")));
    }

    #[test]
    fn boilerplate_is_never_a_moment() {
        let mut data = fixtures::small();
        let a = data.articles[0].clone();
        for i in 0..5 {
            data.events.push(fixtures::event(
                50 + i,
                &a,
                "2016-09-01",
                &["USAGOV"],
                "Our Standards: The Thomson Reuters Trust Principles",
            ));
        }
        let l = timeline_layout(&data, &opts()).unwrap();
        assert!(l.moments.iter().all(|m| !m.label.contains("Our Standards")));
    }

    #[test]
    fn png_decodes_with_the_asked_size_and_is_not_blank() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("timeline.png");
        let o = RenderOptions {
            width: 1200,
            height: 700,
            ..opts()
        };
        timeline(&fixtures::small(), &o, &out).unwrap();
        let img = image::open(&out).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (1200, 700));
        let colours: std::collections::HashSet<[u8; 3]> = img.pixels().map(|p| p.0).collect();
        assert!(colours.len() > 50, "only {} colours", colours.len());
    }

    #[test]
    fn empty_thread_still_draws() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("t.png");
        let l = timeline(&ReportData::default(), &opts(), &out).unwrap();
        assert!(l.moments.is_empty() && l.scale.is_none());
        assert_eq!(image::open(&out).unwrap().width(), 1600);
    }

    #[test]
    fn short_speakers() {
        assert_eq!(short_speaker("Sergei Shoigu"), "Shoigu");
        assert_eq!(short_speaker("a U.S. official"), "a U.S. official");
        assert_eq!(short_speaker("Kerry"), "Kerry");
    }

    /// Renders the fixtures to /tmp/render-check for a human to look at.
    #[test]
    #[ignore]
    fn render_check_timeline() {
        let dir = std::path::Path::new("/tmp/render-check");
        std::fs::create_dir_all(dir).unwrap();
        timeline(&fixtures::small(), &opts(), &dir.join("timeline-small.png")).unwrap();
        timeline(
            &fixtures::small(),
            &small_size(),
            &dir.join("timeline-small-800.png"),
        )
        .unwrap();
        timeline(
            &fixtures::large(400, 40),
            &opts(),
            &dir.join("timeline-400.png"),
        )
        .unwrap();
    }
}
