//! The thread timeline: one lane per side, claims and events on a shared date axis,
//! contradiction pairs joined by arcs, labels placed so that no text touches other text.
//!
//! `timeline_layout` computes everything as pixel data; `timeline` draws it.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::{Duration, NaiveDate};

use super::canvas::{Anchor, Canvas};
use super::font::{ensure_fonts, fit, FontSpec};
use super::layout::{arc, period_end, Connector, DateScale, Placer, PxBox, Stance, Tick, TickUnit};
use super::palette::{self, Rgb};
use super::{
    check_options, claim_side, event_side, order_sides, span_text, thread_title, ui_scale,
    RenderError, RenderOptions, ReportData, Side,
};
use crate::model::{DateValue, Precision};

/// Most marks stacked on one spot before a lane switches to per-day/week counts.
const MAX_LEVELS: usize = 3;

/// What a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    /// One claim, a circle coloured by stance.
    Claim(Stance),
    /// One event, a diamond.
    Event,
    /// A per-day/week/month count in an aggregated lane, a stacked bar.
    Bucket,
}

/// How a lane shows its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaneMode {
    /// One mark per item.
    Items,
    /// Too dense for single marks: one stacked bar per bucket of this unit.
    Aggregated(TickUnit),
}

/// One horizontal lane: every item of one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub side: Side,
    /// The whole band of the lane, across the gutter and the plot.
    pub band: PxBox,
    pub mode: LaneMode,
    /// Baseline of the marks (items mode) or of the bars (aggregated mode).
    pub mark_y: f64,
    pub claims: usize,
    pub events: usize,
}

/// A mark on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub lane: usize,
    pub kind: MarkKind,
    pub date: NaiveDate,
    pub x: f64,
    pub y: f64,
    /// Radius of a single mark; half the bar width for a bucket.
    pub r: f64,
    /// For week/month/year precision items: the x extent of the period; drawn hollow.
    pub period: Option<(f64, f64)>,
    /// Items behind the mark: 1, or the bucket total.
    pub count: usize,
    /// Bucket bars: stacked segments (asserts, denies, neutral, events) with their boxes.
    pub segments: Vec<(Segment, usize, PxBox)>,
    pub claim_ids: Vec<i64>,
    pub event_ids: Vec<i64>,
}

/// The parts of a bucket bar, bottom to top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    Asserts,
    Denies,
    Neutral,
    Events,
}

impl Segment {
    pub fn color(&self) -> Rgb {
        match self {
            Segment::Asserts => palette::ASSERTS,
            Segment::Denies => palette::DENIES,
            Segment::Neutral => palette::NEUTRAL,
            Segment::Events => palette::EVENT,
        }
    }
}

/// A placed piece of text for a mark, with its box and the leader line to its mark.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkLabel {
    pub lane: usize,
    pub mark: usize,
    pub text: String,
    pub bbox: PxBox,
    /// Leader line from the mark down to the label's near side (empty for count labels).
    pub leader: Vec<(f64, f64)>,
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

/// Font sizes for one image size.
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
        Fonts {
            title: FontSpec::bold(28.0 * s),
            subtitle: FontSpec::sans(16.0 * s),
            lane: FontSpec::bold(16.0 * s),
            lane_sub: FontSpec::sans(13.0 * s),
            tick: FontSpec::sans(14.0 * s),
            label: FontSpec::condensed(14.0 * s),
            legend: FontSpec::sans(14.0 * s),
            foot: FontSpec::sans(13.0 * s),
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
    pub marks: Vec<Mark>,
    pub labels: Vec<MarkLabel>,
    pub connectors: Vec<Connector>,
    /// Claims and events with no date: left out, counted in the footnote.
    pub undated: usize,
    /// Dated items outside `opts.from..=opts.to`.
    pub out_of_range: usize,
    /// The bucket unit when at least one lane is aggregated.
    pub aggregation: Option<TickUnit>,
    pub footnote: String,
}

/// One dated item before layout.
#[derive(Debug, Clone)]
struct Item {
    lane: usize,
    kind: MarkKind,
    date: DateValue,
    start: NaiveDate,
    end: NaiveDate,
    claim_id: Option<i64>,
    event_id: Option<i64>,
    label: String,
    /// Higher is labelled first.
    priority: i32,
}

/// Short speaker name for labels: "Sergei Shoigu" -> "Shoigu", "a U.S. official" stays.
pub(crate) fn short_speaker(s: &str) -> String {
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

fn claim_label(c: &crate::model::Claim) -> String {
    let who = short_speaker(&c.speaker);
    let text = c
        .text
        .trim()
        .trim_matches(|ch| ch == '"' || ch == '“' || ch == '”');
    if who.is_empty() {
        text.to_string()
    } else {
        format!("{who}: {text}")
    }
}

fn in_range(d: NaiveDate, opts: &RenderOptions) -> bool {
    opts.from.is_none_or(|f| d >= f) && opts.to.is_none_or(|t| d <= t)
}

/// Threads with at least this many items fold sides with fewer than [`MINOR_SIDE_ITEMS`] into "Other".
const MINOR_SIDE_THREAD: usize = 60;
const MINOR_SIDE_ITEMS: usize = 3;

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

    // 1. Collect dated items; count undated and out-of-range ones.
    let contested: HashMap<i64, usize> = data
        .contradictions
        .iter()
        .flat_map(|c| [c.a.id, c.b.id])
        .fold(HashMap::new(), |mut m, id| {
            *m.entry(id).or_default() += 1;
            m
        });
    let mut undated = 0usize;
    let mut out_of_range = 0usize;
    let mut raw: Vec<(Side, Item)> = Vec::new();
    for c in &data.claims {
        let Some(start) = c.claim.date.date else {
            undated += 1;
            continue;
        };
        if !in_range(start, opts) {
            out_of_range += 1;
            continue;
        }
        let end = period_end(&c.claim.date).unwrap_or(start);
        let prio = 10 * contested.get(&c.id).copied().unwrap_or(0) as i32
            + (c.claim.confidence * 5.0) as i32
            + if c.claim.polarity != 0 { 2 } else { 0 };
        raw.push((
            claim_side(c),
            Item {
                lane: 0,
                kind: MarkKind::Claim(Stance::from_polarity(c.claim.polarity)),
                date: c.claim.date,
                start,
                end,
                claim_id: Some(c.id),
                event_id: None,
                label: claim_label(&c.claim),
                priority: prio,
            },
        ));
    }
    for e in &data.events {
        let Some(start) = e.event.date.date else {
            undated += 1;
            continue;
        };
        if !in_range(start, opts) {
            out_of_range += 1;
            continue;
        }
        let end = period_end(&e.event.date).unwrap_or(start);
        raw.push((
            event_side(e),
            Item {
                lane: 0,
                kind: MarkKind::Event,
                date: e.event.date,
                start,
                end,
                claim_id: None,
                event_id: Some(e.id),
                label: e.event.text.trim().to_string(),
                priority: 6,
            },
        ));
    }

    // 2. Lanes: sides in a stable order; merge the smallest into "Other" when they do not fit.
    let title = thread_title(&data.thread);
    let header_h = fonts.title.line_height() + 6.0 * s + fonts.subtitle.line_height();
    let axis_h = fonts.tick.line_height() + 12.0 * s;
    let foot_h = fonts.foot.line_height() + 8.0 * s;
    let mut side_counts: BTreeMap<Side, usize> = BTreeMap::new();
    for (side, _) in &raw {
        *side_counts.entry(side.clone()).or_default() += 1;
    }
    let counts: Vec<(Side, usize)> = side_counts.into_iter().collect();
    let mut sides = order_sides(&counts);
    let rough_plot_h =
        h - margin * 2.0 - header_h - 2.0 * fonts.legend.line_height() - axis_h - foot_h;
    let max_lanes = ((rough_plot_h / (46.0 * s)).floor() as usize).clamp(1, 10);
    let mut merged: HashMap<Side, Side> = HashMap::new();
    let other = super::side_of(None);
    // In a busy thread a side with one or two items is noise in its own lane.
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total >= MINOR_SIDE_THREAD {
        for (sd, n) in &counts {
            if *n < MINOR_SIDE_ITEMS && sd.key != "other" {
                merged.insert(sd.clone(), other.clone());
            }
        }
    }
    let remaining = counts
        .iter()
        .filter(|(sd, _)| !merged.contains_key(sd))
        .count();
    if remaining > max_lanes {
        let mut by_count: Vec<(usize, Side)> = counts
            .iter()
            .filter(|(sd, _)| sd.key != "other" && !merged.contains_key(sd))
            .map(|(sd, n)| (*n, sd.clone()))
            .collect();
        by_count.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, sd) in by_count.into_iter().skip(max_lanes - 1) {
            merged.insert(sd, other.clone());
        }
    }
    if !merged.is_empty() {
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
    let lane_index: HashMap<Side, usize> = sides
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), i))
        .collect();
    let mut items: Vec<Item> = raw
        .into_iter()
        .map(|(side, mut it)| {
            let side = merged.get(&side).cloned().unwrap_or(side);
            it.lane = lane_index[&side];
            it
        })
        .collect();
    items.sort_by(|a, b| a.start.cmp(&b.start).then(a.lane.cmp(&b.lane)));

    // 3. Header: title, subtitle, legend (wrapped to the width).
    let data_span = items
        .iter()
        .map(|i| i.start)
        .min()
        .zip(items.iter().map(|i| i.end).max());
    let (from, to) = match (opts.from, opts.to, data_span) {
        (Some(f), Some(t), _) => (f, t),
        (Some(f), None, Some((_, t))) => (f, t.max(f)),
        (None, Some(t), Some((f, _))) => (f.min(t), t),
        (f, t, Some((df, dt))) => (f.unwrap_or(df), t.unwrap_or(dt)),
        (Some(f), None, None) => (f, f),
        (None, Some(t), None) => (t, t),
        (None, None, None) => {
            let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
            (d, d)
        }
    };
    let n_claims = items.iter().filter(|i| i.claim_id.is_some()).count();
    let n_events = items.len() - n_claims;
    let title_full = if data_span.is_some() || opts.from.is_some() || opts.to.is_some() {
        format!("{title} — {}", span_text(from, to))
    } else {
        title.clone()
    };
    let title_full = fit(&fonts.title, &title_full, w - 2.0 * margin);
    let legend_top = margin + header_h + 10.0 * s;
    // Reserve room for the full legend; it is laid out again below with only what is drawn.
    let (_, legend_bottom) =
        legend_layout(&fonts, s, margin, w - margin, legend_top, &TIMELINE_LEGEND);

    // 4. Plot area: gutter for lane names, axis and footnote at the bottom.
    let gutter = sides
        .iter()
        .map(|sd| fonts.lane.width(&sd.label))
        .fold(120.0 * s, f64::max)
        .min(w * 0.2)
        + 16.0 * s;
    let plot = PxBox::new(
        margin + gutter,
        legend_bottom + 12.0 * s,
        w - margin - 8.0 * s,
        h - margin - foot_h - axis_h,
    );
    let scale = DateScale::new(from, to, plot.x0, plot.x1);
    let (tick_unit, ticks) = scale.ticks(fonts.tick.width("28 Sep 2016") + 24.0 * s);

    // 5. Lanes and marks.
    let n_lanes = sides.len().max(1);
    let lane_h = plot.height() / n_lanes as f64;
    let r = (7.0 * s).clamp(5.0, 14.0);
    let level_h = 2.0 * r + 2.0;
    let levels = (((lane_h * 0.4 - 8.0 * s) / level_h).floor() as usize).clamp(1, MAX_LEVELS);
    let ppd = scale.px_per_day();
    // Buckets at least ~20 px wide so bars and their counts stay readable.
    let agg_unit = if ppd >= 20.0 * s {
        TickUnit::Day
    } else if ppd * 7.0 >= 10.0 {
        TickUnit::Week
    } else {
        TickUnit::Month
    };
    let mut lanes = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    let mut labels: Vec<MarkLabel> = Vec::new();
    let mut endpoint: HashMap<i64, (f64, f64)> = HashMap::new();
    let mut aggregation = None;
    for (li, side) in sides.iter().enumerate() {
        let band = PxBox::new(
            margin,
            plot.y0 + li as f64 * lane_h,
            plot.x1,
            plot.y0 + (li + 1) as f64 * lane_h,
        );
        let lane_items: Vec<&Item> = items.iter().filter(|i| i.lane == li).collect();
        let claims = lane_items.iter().filter(|i| i.claim_id.is_some()).count();
        let events = lane_items.len() - claims;
        let mark_y = band.y0 + 8.0 * s + r + (levels - 1) as f64 * level_h;
        let placed = swarm(&lane_items, &scale, r, levels);
        match placed {
            Some(levels_of) => {
                let first = marks.len();
                for (it, level) in lane_items.iter().zip(levels_of) {
                    let x = item_x(it, &scale);
                    let y = mark_y - level as f64 * level_h;
                    let period = (it.date.precision != Precision::Day).then(|| {
                        (
                            scale.x(it.start).max(plot.x0),
                            scale.x(it.end + Duration::days(1)).min(plot.x1),
                        )
                    });
                    if let Some(id) = it.claim_id {
                        endpoint.insert(id, (x, y));
                    }
                    marks.push(Mark {
                        lane: li,
                        kind: it.kind,
                        date: it.start,
                        x,
                        y,
                        r,
                        period,
                        count: 1,
                        segments: Vec::new(),
                        claim_ids: it.claim_id.into_iter().collect(),
                        event_ids: it.event_id.into_iter().collect(),
                    });
                }
                let first_row = mark_y + r + 5.0 * s;
                let area = PxBox::new(plot.x0, band.y0, plot.x1, band.y1 - 2.0 * s);
                place_item_labels(
                    &mut labels,
                    &marks,
                    first,
                    &lane_items,
                    li,
                    &fonts,
                    first_row,
                    area,
                    plot.width(),
                );
                lanes.push(Lane {
                    side: side.clone(),
                    band,
                    mode: LaneMode::Items,
                    mark_y,
                    claims,
                    events,
                });
            }
            None => {
                aggregation = Some(agg_unit);
                let base = band.y1 - 6.0 * s;
                lanes.push(Lane {
                    side: side.clone(),
                    band,
                    mode: LaneMode::Aggregated(agg_unit),
                    mark_y: base,
                    claims,
                    events,
                });
            }
        }
    }
    // Aggregated lanes share one count scale so that bar heights compare across lanes.
    if let Some(unit) = aggregation {
        let mut buckets: BTreeMap<(usize, NaiveDate), Vec<&Item>> = BTreeMap::new();
        for it in &items {
            if lanes[it.lane].mode != LaneMode::Items {
                buckets
                    .entry((it.lane, unit.bucket_start(it.start)))
                    .or_default()
                    .push(it);
            }
        }
        let max_count = buckets.values().map(Vec::len).max().unwrap_or(1).max(1);
        let count_h = fonts.label.line_height() + 4.0 * s;
        for (li, lane) in lanes.iter().enumerate() {
            if lane.mode == LaneMode::Items {
                continue;
            }
            let band = lane.band;
            let base = lane.mark_y;
            let full = (base - band.y0 - 6.0 * s - count_h).max(4.0);
            let mut placer = Placer::default();
            let first = marks.len();
            for ((_, start), its) in buckets.range((li, NaiveDate::MIN)..=(li, NaiveDate::MAX)) {
                let end = unit.bucket_end(*start);
                let bx0 = scale.x(*start).max(plot.x0);
                let bx1 = scale.x(end).min(plot.x1);
                let gap = ((bx1 - bx0) * 0.15).min(3.0 * s);
                let (x0, x1) = (bx0 + gap, (bx1 - gap).max(bx0 + gap + 1.0));
                let mut seg_counts: BTreeMap<Segment, usize> = BTreeMap::new();
                for it in its {
                    let seg = match it.kind {
                        MarkKind::Claim(Stance::Asserts) => Segment::Asserts,
                        MarkKind::Claim(Stance::Denies) => Segment::Denies,
                        MarkKind::Claim(Stance::Neutral) => Segment::Neutral,
                        _ => Segment::Events,
                    };
                    *seg_counts.entry(seg).or_default() += 1;
                }
                let total = its.len();
                let px_per_item = full / max_count as f64;
                let mut y = base;
                let mut segments = Vec::new();
                for (seg, n) in seg_counts {
                    let hseg = (n as f64 * px_per_item).max(1.0);
                    segments.push((seg, n, PxBox::new(x0, y - hseg, x1, y)));
                    y -= hseg;
                }
                let x = (x0 + x1) / 2.0;
                for it in its {
                    if let Some(id) = it.claim_id {
                        endpoint.insert(id, (x, y));
                    }
                }
                placer
                    .obstacles
                    .push(PxBox::new(x0, y, x1, base).inflate(1.0));
                marks.push(Mark {
                    lane: li,
                    kind: MarkKind::Bucket,
                    date: *start,
                    x,
                    y,
                    r: (x1 - x0) / 2.0,
                    period: None,
                    count: total,
                    segments,
                    claim_ids: its.iter().filter_map(|i| i.claim_id).collect(),
                    event_ids: its.iter().filter_map(|i| i.event_id).collect(),
                });
            }
            // Count labels above the bars, biggest first, only where they fit.
            let mut order: Vec<usize> = (first..marks.len()).collect();
            order.sort_by(|&a, &b| marks[b].count.cmp(&marks[a].count).then(a.cmp(&b)));
            let area = PxBox::new(plot.x0, band.y0 + 2.0 * s, plot.x1, band.y1);
            for mi in order {
                let m = &marks[mi];
                let text = m.count.to_string();
                let tw = fonts.label.width(&text);
                let bbox = PxBox::new(
                    m.x - tw / 2.0 - 2.0,
                    m.y - 3.0 * s - fonts.label.line_height(),
                    m.x + tw / 2.0 + 2.0,
                    m.y - 3.0 * s,
                );
                if placer.fits(&bbox, &area) {
                    placer.take(bbox.inflate(2.0 * s));
                    labels.push(MarkLabel {
                        lane: li,
                        mark: mi,
                        text,
                        bbox,
                        leader: Vec::new(),
                    });
                }
            }
        }
    }

    // 6. Contradiction connectors between the two claims' marks.
    let mut connectors = Vec::new();
    for c in &data.contradictions {
        let (Some(&a), Some(&b)) = (endpoint.get(&c.a.id), endpoint.get(&c.b.id)) else {
            continue;
        };
        let (a, b) = if (a.0, a.1) <= (b.0, b.1) {
            (a, b)
        } else {
            (b, a)
        };
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let same_row = (a.1 - b.1).abs() < 1.0;
        let bulge = if same_row {
            (len / 3.0).clamp(10.0 * s, 40.0 * s)
        } else {
            (len * 0.12).min(40.0 * s)
        };
        connectors.push(Connector {
            contradiction_id: c.id,
            kind: c.contradiction.kind,
            from: a,
            to: b,
            path: arc(a, b, bulge),
        });
    }

    let shown: Vec<(Swatch, &str)> = TIMELINE_LEGEND
        .iter()
        .copied()
        .filter(|(sw, _)| match sw {
            Swatch::Claim(st) => {
                marks.iter().any(|m| m.kind == MarkKind::Claim(*st)) || aggregation.is_some()
            }
            Swatch::Event => marks.iter().any(|m| m.kind == MarkKind::Event),
            Swatch::Approximate => marks.iter().any(|m| m.period.is_some()),
            Swatch::Contradiction => !connectors.is_empty(),
            Swatch::Bucket => aggregation.is_some(),
        })
        .collect();
    let (legend, _) = legend_layout(&fonts, s, margin, w - margin, legend_top, &shown);

    // 7. Footnote.
    let mut foot = Vec::new();
    if undated > 0 {
        foot.push(format!(
            "{} left out (no date)",
            plural(undated, "undated item")
        ));
    }
    if out_of_range > 0 {
        foot.push(format!(
            "{} outside the date range",
            plural(out_of_range, "item")
        ));
    }
    if let Some(unit) = aggregation {
        foot.push(format!("dense lanes show counts per {}", unit.name()));
    }
    foot.push(format!(
        "sources: {}; every mark traces to an article and byte span in index.html",
        plural(data.articles.len(), "article")
    ));
    let footnote = fit(
        &fonts.foot,
        &capitalise(&foot.join(" · ")),
        w - 2.0 * margin,
    );

    Ok(TimelineLayout {
        width: opts.width,
        height: opts.height,
        scale_factor: s,
        fonts,
        title: title_full,
        subtitle: format!(
            "Timeline by side · {} · {} · {} joined",
            plural(n_claims, "claim"),
            plural(n_events, "event"),
            plural(connectors.len(), "contradiction")
        ),
        legend,
        plot,
        scale: (!items.is_empty()).then_some(scale),
        tick_unit,
        ticks,
        lanes,
        marks,
        labels,
        connectors,
        undated,
        out_of_range,
        aggregation,
        footnote,
    })
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

/// x of an item: the centre of its day, or of its period for coarser precision.
fn item_x(it: &Item, scale: &DateScale) -> f64 {
    if it.date.precision == Precision::Day {
        scale.center(it.start)
    } else {
        (scale.x(it.start) + scale.x(it.end + Duration::days(1))) / 2.0
    }
}

/// Stacks marks upwards where they would overlap; None when some mark finds no free level,
/// which means the lane is too dense for single marks.
fn swarm(items: &[&Item], scale: &DateScale, r: f64, levels: usize) -> Option<Vec<usize>> {
    let min_dx = 2.0 * r + 1.0;
    let mut last_x: Vec<f64> = vec![f64::NEG_INFINITY; levels];
    let mut xs: Vec<(f64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (item_x(it, scale), i))
        .collect();
    xs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = vec![0usize; items.len()];
    for (x, i) in xs {
        let level = (0..levels).find(|&l| x - last_x[l] >= min_dx)?;
        last_x[level] = x;
        out[i] = level;
    }
    Some(out)
}

/// Greedy label placement for one items lane: highest priority first, each label tried in
/// rows below the marks, left-aligned on its mark (right-aligned near the right edge).
/// A label is kept only if neither it nor its leader line touches an earlier label.
#[allow(clippy::too_many_arguments)]
fn place_item_labels(
    labels: &mut Vec<MarkLabel>,
    marks: &[Mark],
    first: usize,
    items: &[&Item],
    lane: usize,
    fonts: &Fonts,
    first_row: f64,
    area: PxBox,
    plot_w: f64,
) {
    let font = fonts.label;
    let lh = font.line_height();
    let max_w = (plot_w / 3.0).clamp(140.0, 320.0 * font.size / 14.0);
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        items[b]
            .priority
            .cmp(&items[a].priority)
            .then(items[a].start.cmp(&items[b].start))
    });
    let mut placed: Vec<PxBox> = Vec::new();
    let mut leaders: Vec<PxBox> = Vec::new();
    // Rows a little apart so that stacked labels read as separate lines.
    let pitch = lh + 3.0;
    let rows = ((area.y1 - first_row + 3.0) / pitch).floor().max(0.0) as usize;
    let corridors: Vec<PxBox> = marks[first..first + items.len()]
        .iter()
        .map(|m| PxBox::new(m.x - 1.0, m.y, m.x + 1.0, first_row + lh / 2.0))
        .collect();
    for i in order {
        let m = &marks[first + i];
        let full = fit(&font, &items[i].label, max_w);
        if full.is_empty() {
            continue;
        }
        let gap = 6.0;
        let min_w = font.width("Abcdefghijklm…");
        // The first pass only takes the full text, in whichever row it fits; the second
        // accepts a shortened label in the free room.
        'passes: for allow_cut in [false, true] {
            for row in 0..rows {
                let top = first_row + row as f64 * pitch;
                let mid = top + lh / 2.0;
                let leader = PxBox::new(m.x - 1.0, m.y + m.r, m.x + 1.0, mid);
                if placed.iter().any(|p| p.overlaps(&leader)) {
                    // The way down is blocked by a label above; lower rows are blocked too.
                    break;
                }
                // Shrunk so that the 1 px margin of labels in the rows above and below does
                // not count as being in this row.
                let band = PxBox::new(area.x0, top + 1.5, area.x1, top + lh - 1.5);
                // Obstacles in this row: placed labels, leaders passing through it, and the
                // corridors that other marks keep free for their own leaders.
                let in_row: Vec<&PxBox> = placed
                    .iter()
                    .chain(leaders.iter())
                    .chain(corridors.iter().filter(|c| (c.x0 + 1.0 - m.x).abs() >= 1.0))
                    .filter(|p| p.overlaps(&band))
                    .collect();
                for right in [true, false] {
                    let start = if right {
                        m.x + gap - 2.0
                    } else {
                        m.x - gap + 2.0
                    };
                    let limit = if right {
                        in_row
                            .iter()
                            .filter(|p| p.x1 > start)
                            .map(|p| p.x0)
                            .fold(area.x1, f64::min)
                    } else {
                        in_row
                            .iter()
                            .filter(|p| p.x0 < start)
                            .map(|p| p.x1)
                            .fold(area.x0, f64::max)
                    };
                    let room = if right { limit - start } else { start - limit } - 5.0;
                    if room < min_w {
                        continue;
                    }
                    let text = fit(&font, &full, room);
                    if text.is_empty() || (!allow_cut && text != full) {
                        continue;
                    }
                    let tw = font.width(&text) + 4.0;
                    let bbox = if right {
                        PxBox::new(start, top, start + tw, top + lh)
                    } else {
                        PxBox::new(start - tw, top, start, top + lh)
                    };
                    let ok = area.contains_box(&bbox) && !in_row.iter().any(|p| p.overlaps(&bbox));
                    if ok {
                        placed.push(bbox.inflate(1.0));
                        leaders.push(leader);
                        labels.push(MarkLabel {
                            lane,
                            mark: first + i,
                            text,
                            bbox,
                            leader: vec![(m.x, m.y + m.r + 1.0), (m.x, mid), (start, mid)],
                        });
                        break 'passes;
                    }
                }
            }
        }
    }
}

const TIMELINE_LEGEND: [(Swatch, &str); 7] = [
    (Swatch::Claim(Stance::Asserts), "claim: asserts"),
    (Swatch::Claim(Stance::Denies), "claim: denies"),
    (Swatch::Claim(Stance::Neutral), "claim: neutral / unclear"),
    (Swatch::Event, "event"),
    (Swatch::Approximate, "week/month date (bar = period)"),
    (Swatch::Contradiction, "contradiction"),
    (Swatch::Bucket, "stacked count per bucket"),
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
            let x = c.0 - 4.0 * s;
            cv.rect(
                PxBox::new(x, c.1 + 2.0 * s, x + 9.0 * s, c.1 + 8.0 * s),
                palette::ASSERTS,
            )?;
            cv.rect(
                PxBox::new(x, c.1 - 3.0 * s, x + 9.0 * s, c.1 + 2.0 * s),
                palette::DENIES,
            )?;
            cv.rect(
                PxBox::new(x, c.1 - 8.0 * s, x + 9.0 * s, c.1 - 3.0 * s),
                palette::EVENT,
            )
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

    // Lane bands, names and counts.
    for (i, lane) in l.lanes.iter().enumerate() {
        if i % 2 == 0 {
            cv.rect(lane.band, palette::BAND)?;
        }
        let x = lane.band.x0 + 8.0 * s;
        let y = lane.band.y0 + 8.0 * s;
        cv.text(
            &lane.side.label,
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
        cv.text(
            &sub.join(" · "),
            (x, y2),
            f.lane_sub,
            palette::MUTED,
            Anchor::TopLeft,
        )?;
        if let LaneMode::Aggregated(unit) = lane.mode {
            let y3 = y2 + f.lane_sub.line_height() + 2.0 * s;
            cv.text(
                &format!("counts per {}", unit.name()),
                (x, y3),
                f.lane_sub,
                palette::MUTED,
                Anchor::TopLeft,
            )?;
        }
    }

    // Grid and axis.
    let p = l.plot;
    cv.date_axis(p, &l.ticks, l.tick_unit, l.scale, f.tick, s)?;
    for lane in &l.lanes {
        if lane.mode == LaneMode::Items {
            cv.line(
                &[(p.x0, lane.mark_y), (p.x1, lane.mark_y)],
                palette::GRID,
                1.0,
                1,
            )?;
        } else {
            cv.line(
                &[(p.x0, lane.mark_y), (p.x1, lane.mark_y)],
                palette::MUTED,
                1.0,
                1,
            )?;
        }
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

    // Leaders, then connectors, then marks on top, then labels on a light halo so a
    // connector passing underneath never hides the text.
    for lab in &l.labels {
        if lab.leader.len() >= 2 {
            cv.line(&lab.leader, (160, 160, 160), 1.0, 1)?;
        }
    }
    // Pairs between the same two marks (common in aggregated lanes) are drawn once,
    // thicker for more pairs.
    let mut bundles: BTreeMap<(i64, i64, i64, i64), (usize, usize)> = BTreeMap::new();
    for (i, c) in l.connectors.iter().enumerate() {
        let key = (
            c.from.0.round() as i64,
            c.from.1.round() as i64,
            c.to.0.round() as i64,
            c.to.1.round() as i64,
        );
        bundles.entry(key).or_insert((i, 0)).1 += 1;
    }
    let alpha = match bundles.len() {
        0..=40 => 0.9,
        41..=150 => 0.45,
        _ => 0.25,
    };
    for (first, n) in bundles.values() {
        let c = &l.connectors[*first];
        let w = (2.0 * s + (*n as f64).sqrt() - 1.0).round().clamp(2.0, 8.0) as u32;
        cv.line(&c.path, palette::CONNECTOR, alpha, w)?;
    }
    for m in &l.marks {
        match m.kind {
            MarkKind::Bucket => {
                for (seg, _, b) in &m.segments {
                    cv.rect(*b, seg.color())?;
                }
            }
            MarkKind::Claim(st) => {
                let col = stance_color(st);
                if let Some((x0, x1)) = m.period {
                    cv.line(&[(x0, m.y), (x1, m.y)], col, 0.45, 2)?;
                    cv.line(&[(x0, m.y - 4.0 * s), (x0, m.y + 4.0 * s)], col, 0.45, 1)?;
                    cv.line(&[(x1, m.y - 4.0 * s), (x1, m.y + 4.0 * s)], col, 0.45, 1)?;
                    cv.circle((m.x, m.y), m.r, palette::BACKGROUND, 1.0, true)?;
                    cv.circle((m.x, m.y), m.r, col, 1.0, false)?;
                } else {
                    cv.circle((m.x, m.y), m.r + 1.0, palette::BACKGROUND, 1.0, true)?;
                    cv.circle((m.x, m.y), m.r, col, 1.0, true)?;
                }
            }
            MarkKind::Event => {
                if let Some((x0, x1)) = m.period {
                    cv.line(&[(x0, m.y), (x1, m.y)], palette::EVENT, 0.45, 2)?;
                }
                cv.polygon(&diamond((m.x, m.y), m.r * 1.35), palette::BACKGROUND, 1.0)?;
                cv.polygon(&diamond((m.x, m.y), m.r * 1.2), palette::EVENT, 1.0)?;
            }
        }
    }
    let single: std::collections::HashSet<(i64, i64)> = l
        .marks
        .iter()
        .filter(|m| m.kind != MarkKind::Bucket)
        .map(|m| (m.x.round() as i64, m.y.round() as i64))
        .collect();
    for c in &l.connectors {
        for pt in [c.from, c.to] {
            if single.contains(&(pt.0.round() as i64, pt.1.round() as i64)) {
                cv.circle(pt, 10.0 * s, palette::CONNECTOR, 1.0, false)?;
            }
        }
    }
    for lab in &l.labels {
        let bucket = l.marks[lab.mark].kind == MarkKind::Bucket;
        if !bucket {
            let halo = if lab.lane % 2 == 0 {
                palette::BAND
            } else {
                palette::BACKGROUND
            };
            cv.rect_alpha(lab.bbox, halo, 0.85)?;
        }
        let color = if bucket { palette::MUTED } else { palette::INK };
        cv.text(
            &lab.text,
            (lab.bbox.x0 + 2.0, lab.bbox.y0),
            l.fonts.label,
            color,
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

    fn no_label_overlaps(l: &TimelineLayout) {
        for (i, a) in l.labels.iter().enumerate() {
            assert!(
                l.plot.inflate(1.0).contains_box(&a.bbox),
                "label {:?} leaves the plot",
                a.text
            );
            for b in &l.labels[i + 1..] {
                assert!(
                    !a.bbox.overlaps(&b.bbox),
                    "{:?} overlaps {:?}",
                    a.text,
                    b.text
                );
            }
        }
    }

    #[test]
    fn minor_sides_fold_into_other_in_a_busy_thread() {
        let mut data = fixtures::large(200, 30);
        let article = data.articles[0].clone();
        let date = data.claims[0].claim.date.date.map(|d| d.to_string());
        data.claims.push(fixtures::claim(
            99_999,
            &article,
            "Envoy",
            "AUSGOV",
            date.as_deref(),
            "talks",
            1,
            "talks go on",
        ));
        let l = timeline_layout(&data, &opts()).unwrap();
        assert!(
            l.lanes.iter().all(|l| l.side.key != "AUS"),
            "one claim gets no lane of its own"
        );
        assert!(l.lanes.iter().any(|l| l.side.key == "other"));
    }

    #[test]
    fn background_dates_are_left_out_and_counted() {
        let mut data = fixtures::small();
        let article = data.articles[0].clone();
        data.claims.push(fixtures::claim(
            99,
            &article,
            "Historian",
            "SYRGOV",
            Some("2011-03-15"),
            "talks",
            0,
            "the war began in 2011",
        ));
        let l = timeline_layout(&data, &opts()).unwrap();
        assert_eq!(l.out_of_range, 1, "the 2011 claim is background");
        assert_eq!(l.tick_unit, TickUnit::Day, "the story's span sets the axis");
    }

    #[test]
    fn small_thread_layout() {
        let l = timeline_layout(&fixtures::small(), &opts()).unwrap();
        let keys: Vec<&str> = l.lanes.iter().map(|l| l.side.key.as_str()).collect();
        assert_eq!(keys, ["usa", "russia", "syria-government"]);
        assert_eq!(l.marks.len(), 9 + 3, "9 dated claims and 3 events");
        assert_eq!(
            l.marks.iter().filter(|m| m.kind == MarkKind::Event).count(),
            3
        );
        assert_eq!(l.connectors.len(), 2);
        assert_eq!(l.undated, 1);
        assert!(l.footnote.contains("1 undated item"), "{}", l.footnote);
        assert_eq!(l.tick_unit, TickUnit::Day);
        assert_eq!(l.aggregation, None);
        assert!(l.title.contains("US-Russia talks on Aleppo"));
        assert!(l.title.contains("29 Aug – 6 Sep 2016"), "{}", l.title);
        no_label_overlaps(&l);
        assert!(
            l.labels.len() >= 8,
            "most marks get a label: {}",
            l.labels.len()
        );
    }

    #[test]
    fn every_contradiction_with_two_dates_gets_a_connector() {
        let mut data = fixtures::small();
        let l = timeline_layout(&data, &opts()).unwrap();
        for c in &l.connectors {
            assert_eq!(c.path.first(), Some(&c.from));
            assert_eq!(c.path.last(), Some(&c.to));
        }
        // Undate one side of the first pair: its connector disappears.
        data.claims[0].claim.date = DateValue::unknown();
        let l = timeline_layout(&data, &opts()).unwrap();
        assert_eq!(l.connectors.len(), 1);
        assert_eq!(l.undated, 2);
    }

    #[test]
    fn date_window_leaves_items_out() {
        let o = RenderOptions {
            from: Some(fixtures::d("2016-09-01")),
            to: Some(fixtures::d("2016-09-05")),
            ..opts()
        };
        let l = timeline_layout(&fixtures::small(), &o).unwrap();
        assert_eq!(l.out_of_range, 6);
        assert_eq!(l.marks.len(), 6);
        assert_eq!(l.connectors.len(), 0);
        assert!(l.title.contains("1–5 Sep 2016"), "{}", l.title);
    }

    #[test]
    fn dense_thread_aggregates_per_week() {
        let data = fixtures::large(2000, 180);
        let l = timeline_layout(&data, &opts()).unwrap();
        assert_eq!(l.aggregation, Some(TickUnit::Week));
        assert!(l
            .lanes
            .iter()
            .all(|l| l.mode == LaneMode::Aggregated(TickUnit::Week)));
        assert!(l.marks.iter().all(|m| m.kind == MarkKind::Bucket));
        let total: usize = l.marks.iter().map(|m| m.count).sum();
        assert_eq!(total, 2000 + 200, "every claim and event is counted once");
        assert!(l.marks.len() <= 6 * 27, "about one bar per lane per week");
        assert_eq!(l.tick_unit, TickUnit::Month);
        no_label_overlaps(&l);
    }

    #[test]
    fn layout_scales_down_to_the_minimum_size() {
        let o = RenderOptions {
            width: 800,
            height: 450,
            ..opts()
        };
        let l = timeline_layout(&fixtures::small(), &o).unwrap();
        assert_eq!(l.marks.len(), 12);
        no_label_overlaps(&l);
        assert!(l.plot.x1 <= 800.0 && l.plot.y1 <= 450.0);
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
        let inked = img.pixels().filter(|p| p.0 != [255, 255, 255]).count();
        assert!(
            inked > 1200 * 700 / 20,
            "only {inked} non-background pixels"
        );
    }

    #[test]
    fn empty_thread_still_draws() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("t.png");
        let l = timeline(&ReportData::default(), &opts(), &out).unwrap();
        assert!(l.marks.is_empty() && l.scale.is_none());
        assert_eq!(image::open(&out).unwrap().width(), 1600);
    }

    #[test]
    fn many_sides_merge_into_other_and_keep_every_item() {
        let mut data = fixtures::small();
        let codes = [
            "TURGOV", "IRNGOV", "SAUGOV", "GBRGOV", "FRAGOV", "DEUGOV", "ISRGOV", "JORGOV",
            "QATGOV",
        ];
        for (i, code) in codes.iter().enumerate() {
            let art = data.articles[0].clone();
            let date = format!("2016-09-0{}", i % 7 + 1);
            data.claims.push(fixtures::claim(
                100 + i as i64,
                &art,
                "a diplomat",
                code,
                Some(&date),
                "talks",
                1,
                "talks must go on",
            ));
        }
        let o = RenderOptions {
            width: 800,
            height: 450,
            ..opts()
        };
        let l = timeline_layout(&data, &o).unwrap();
        assert!(l.lanes.len() < 12, "{} lanes", l.lanes.len());
        assert_eq!(l.lanes.last().unwrap().side.key, "other");
        let items: usize = l.lanes.iter().map(|l| l.claims + l.events).sum();
        assert_eq!(items, 9 + 9 + 3);
        no_label_overlaps(&l);
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
        let small = RenderOptions {
            width: 800,
            height: 450,
            ..opts()
        };
        timeline(
            &fixtures::small(),
            &small,
            &dir.join("timeline-small-800.png"),
        )
        .unwrap();
        timeline(
            &fixtures::large(2000, 180),
            &opts(),
            &dir.join("timeline-2000.png"),
        )
        .unwrap();
        timeline(
            &fixtures::with_precision(fixtures::large(60, 40)),
            &opts(),
            &dir.join("timeline-60.png"),
        )
        .unwrap();
        timeline(
            &fixtures::large(5000, 120),
            &opts(),
            &dir.join("timeline-5000.png"),
        )
        .unwrap();
    }
}
