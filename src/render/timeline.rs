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

mod lanes;
use lanes::{place_moments, LaneSides, Layout};

use chrono::NaiveDate;

use super::canvas::{Anchor, Canvas};
use super::font::{fit, FontSpec};
use super::frame::{
    diamond, draw_footnote, draw_legend, draw_swatch, draw_title, plural, stance_color, Fonts,
    Frame, LegendItem, Swatch,
};
use super::layout::{arc, Connector, DateScale, PxBox, Tick, TickUnit};
use super::palette;
use super::{
    claim_side, date_at_precision, event_side, order_sides, short_day_text, span_text,
    thread_title, RenderError, RenderOptions, ReportData, Side,
};
use crate::model::{DateValue, Precision, Span, Stance, StoredClaim};

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

/// A claim as a candidate moment, when it is dated inside the window.
fn claim_cand(
    c: &StoredClaim,
    opts: &RenderOptions,
    why: Why,
    contra: Option<(usize, i64)>,
) -> Option<Cand> {
    let side = claim_side(c);
    let who = short_speaker(&c.claim.speaker);
    Some(Cand {
        kind: MarkKind::Claim(c.claim.polarity),
        why,
        date: c.claim.date.date.filter(|d| in_range(*d, opts))?,
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
        text: label_text(&c.claim),
        contradiction: contra,
    })
}

/// A claim's words for its label: its content, or with the cue before it when the content is
/// one word of indirect speech ("denied that", "denied involvement"), which alone says
/// nothing; a quoted word ("Nonsense") stands as it is.
fn label_text(claim: &crate::model::Claim) -> String {
    let text = clean_quote(&claim.text);
    let cue = claim.cue.trim();
    let one_word = text.split_whitespace().count() == 1;
    if one_word && claim.kind == crate::model::ClaimKind::Indirect && !cue.is_empty() {
        format!("{cue} {text}")
    } else {
        text
    }
}

/// Picks the key moments in salience order (at most `budget`).
fn pick_moments(data: &ReportData, opts: &RenderOptions, budget: usize) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let mut seen_claims: HashSet<i64> = HashSet::new();
    contradiction_ends(data, opts, budget, &mut out, &mut seen_claims);
    reported_events(data, opts, budget, &mut out);
    first_statements(data, opts, budget, &mut out, &mut seen_claims);
    out
}

/// 1. Both ends of the strongest contradictions (both ends dated in the window).
fn contradiction_ends(
    data: &ReportData,
    opts: &RenderOptions,
    budget: usize,
    out: &mut Vec<Cand>,
    seen_claims: &mut HashSet<i64>,
) {
    let dated = |v: &DateValue| v.date.filter(|d| in_range(*d, opts));
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
            out.extend(claim_cand(
                x,
                opts,
                Why::Contradiction,
                Some((number, c.id)),
            ));
        }
    }
}

/// 2. Events reported by the most articles: same day, same trigger, same side.
fn reported_events(data: &ReportData, opts: &RenderOptions, budget: usize, out: &mut Vec<Cand>) {
    let dated = |v: &DateValue| v.date.filter(|d| in_range(*d, opts));
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
}

/// 3. First statements of the principal speakers, most prolific first.
fn first_statements(
    data: &ReportData,
    opts: &RenderOptions,
    budget: usize,
    out: &mut Vec<Cand>,
    seen_claims: &mut HashSet<i64>,
) {
    let mut speakers: HashMap<(String, String), (usize, &StoredClaim)> = HashMap::new();
    for c in &data.claims {
        let Some(d) = c.claim.date.date.filter(|d| in_range(*d, opts)) else {
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
            out.extend(claim_cand(c, opts, Why::FirstStatement, None));
        }
    }
}

/// Every dated claim and event in the window, and what was left out.
struct Items {
    /// (side, date, is a claim)
    dated: Vec<(Side, NaiveDate, bool)>,
    undated: usize,
    out_of_range: usize,
    /// Background dates as the footnote names them: "Mar 2011".
    background: Vec<String>,
}

/// 1. Every dated item in the window (for the density strip and lane counts); undated
///    and background items are counted, background dates listed.
fn collect_items(data: &ReportData, opts: &RenderOptions) -> Items {
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
    let mut shown: Vec<String> = Vec::new();
    for (d, (p, _)) in &background {
        let t = date_at_precision(*d, *p);
        if !shown.contains(&t) {
            shown.push(t);
        }
    }
    Items {
        dated: items,
        undated,
        out_of_range,
        background: shown,
    }
}

/// The title, plot area, date axis and density strip.
struct Axis {
    title: String,
    plot: PxBox,
    scale: DateScale,
    tick_unit: TickUnit,
    ticks: Vec<Tick>,
    density: Option<Density>,
}

/// 3. Header, legend, plot area, axis, density strip.
fn axis_layout(data: &ReportData, fr: &Frame, items: &Items, sides: &[Side]) -> Axis {
    let (s, fonts, margin) = (fr.s, &fr.fonts, fr.margin);
    let title = thread_title(&data.thread);
    let dates = || items.dated.iter().map(|i| i.1);
    let data_span = dates().min().zip(dates().max());
    let (from, to) = fr.span(
        data_span,
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
    );
    let title_full = if data_span.is_some() || fr.opts.from.is_some() || fr.opts.to.is_some() {
        format!("{title} — {}", span_text(from, to))
    } else {
        title.clone()
    };
    let (_, legend_bottom) = fr.legend(&TIMELINE_LEGEND);
    let strip_h = (8.0 * s).max(6.0);
    let axis_h = fonts.tick.line_height() + 12.0 * s + strip_h + 6.0 * s;
    let gutter = sides
        .iter()
        .map(|sd| fonts.lane.width(&sd.label))
        .fold(110.0 * s, f64::max)
        .min(fr.w * 0.18)
        + 16.0 * s;
    let plot = PxBox::new(
        margin + gutter,
        legend_bottom + 12.0 * s,
        fr.w - margin - 4.0 * s,
        fr.h - margin - fr.foot_h() - axis_h,
    );
    let scale = DateScale::new(from, to, plot.x0, plot.x1);
    let (tick_unit, ticks) = fr.ticks(&scale);
    let strip_y = plot.y1 + fonts.tick.line_height() + 12.0 * s;
    let strip = PxBox::new(plot.x0, strip_y, plot.x1, strip_y + strip_h);
    let density = (!items.dated.is_empty()).then(|| density_strip(&items.dated, &scale, strip));
    Axis {
        title: fr.title(&title_full),
        plot,
        scale,
        tick_unit,
        ticks,
        density,
    }
}

/// The density strip in `band`: items per day (per week when days are too narrow).
fn density_strip(items: &[(Side, NaiveDate, bool)], scale: &DateScale, band: PxBox) -> Density {
    let unit = if scale.px_per_day() >= 3.0 {
        TickUnit::Day
    } else {
        TickUnit::Week
    };
    let mut per: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for (_, d, _) in items {
        *per.entry(unit.bucket_start(*d)).or_default() += 1;
    }
    let max = per.values().copied().max().unwrap_or(1);
    let cells = per
        .into_iter()
        .map(|(d, n)| {
            let x0 = scale.x(d).max(band.x0);
            let x1 = scale.x(unit.bucket_end(d)).min(band.x1);
            (d, n, PxBox::new(x0, band.y0, x1.max(x0 + 1.0), band.y1))
        })
        .collect();
    Density {
        band,
        unit,
        cells,
        max,
    }
}

/// Where labels may go, and the boxes already taken.
struct LabelRoom<'a> {
    font: FontSpec,
    s: f64,
    r: f64,
    plot: PxBox,
    scale: &'a DateScale,
    /// Widest label.
    max_w: f64,
    boxes: Vec<PxBox>,
    leaders: Vec<PxBox>,
    /// Per lane, the boxes of every candidate mark.
    mark_boxes: Vec<Vec<PxBox>>,
}

/// A label found a place: its text, its box, the leader's box and the leader's path.
type Placed = (String, PxBox, PxBox, Vec<(f64, f64)>);

/// "[n] 29 Aug · Shoigu (Russia): ", the part of a label before the quote.
fn label_head(c: &Cand) -> String {
    let head = match c.contradiction.map(|(n, _)| n) {
        Some(n) => format!("[{n}] {} · {}", short_day_text(c.date), c.who),
        None => format!("{} · {}", short_day_text(c.date), c.who),
    };
    match c.kind {
        MarkKind::Event => format!("{head}: "),
        MarkKind::Claim(_) if c.who == c.side.label => format!("{head}: "),
        MarkKind::Claim(_) => format!("{head} ({}): ", c.side.label),
    }
}

impl LabelRoom<'_> {
    /// On the marks' own line, beside the mark (no leader), clear of every candidate mark
    /// of the lane.
    fn beside_mark(
        &self,
        lane: &Lane,
        li: usize,
        x: f64,
        head: &str,
        text: &str,
    ) -> Option<Placed> {
        let (font, r, plot) = (self.font, self.r, self.plot);
        let lh = font.line_height();
        for right in [true, false] {
            let start = if right { x + r + 4.0 } else { x - r - 4.0 };
            let room = if right {
                plot.x1 - start
            } else {
                start - plot.x0
            };
            let Some(text) = cut_words(&font, head, text, room.min(self.max_w) - 4.0, 2) else {
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
                && !self.boxes.iter().any(|b| b.overlaps(&bbox))
                && !self.leaders.iter().any(|l| l.overlaps(&bbox))
                && !self.mark_boxes[li].iter().any(|m| m.overlaps(&bbox));
            if free {
                let at = (x, lane.mark_y);
                return Some((
                    text,
                    bbox,
                    PxBox::new(x, lane.mark_y, x, lane.mark_y),
                    vec![at, at],
                ));
            }
        }
        None
    }

    /// In the rows below the mark, hanging from a leader.
    fn below_mark(&self, lane: &Lane, x: f64, head: &str, text: &str) -> Option<Placed> {
        let (font, r, plot) = (self.font, self.r, self.plot);
        let lh = font.line_height();
        let pitch = lh + 3.0;
        let first_row = lane.mark_y + r + 5.0 * self.s;
        let rows = ((lane.band.y1 - 2.0 - first_row) / pitch).floor().max(0.0) as usize;
        for row in 0..rows {
            let top = first_row + row as f64 * pitch;
            let mid = top + lh / 2.0;
            let leader = PxBox::new(x - 1.0, lane.mark_y + r, x + 1.0, mid);
            if self.boxes.iter().any(|b| b.overlaps(&leader)) {
                return None;
            }
            for right in [true, false] {
                let start = if right { x - 3.0 } else { x + 3.0 };
                let room = if right {
                    plot.x1 - start
                } else {
                    start - plot.x0
                };
                let Some(text) = cut_words(&font, head, text, room.min(self.max_w) - 4.0, 2) else {
                    continue;
                };
                let tw = font.width(&text) + 4.0;
                let bbox = if right {
                    PxBox::new(start, top, start + tw, top + lh)
                } else {
                    PxBox::new(start - tw, top, start, top + lh)
                };
                let free = plot.contains_box(&bbox)
                    && !self.boxes.iter().any(|b| b.overlaps(&bbox))
                    && !self
                        .leaders
                        .iter()
                        .filter(|l| (l.x0 + 1.0 - x).abs() >= 1.5)
                        .any(|l| l.overlaps(&bbox));
                if free {
                    let edge = if right { bbox.x0 } else { bbox.x1 };
                    return Some((
                        text,
                        bbox,
                        leader,
                        vec![(x, lane.mark_y + r), (x, mid), (edge, mid)],
                    ));
                }
            }
        }
        None
    }
}

/// 5. Labels, greedily in salience order; returns the labelled moments and how many
///    candidates found no room.
fn place_labels(
    cands: &[Cand],
    lanes: &[Lane],
    ls: &LaneSides,
    room: &mut LabelRoom,
    budget: usize,
) -> (Vec<Moment>, usize) {
    let r = room.r;
    for c in cands {
        if let Some(li) = ls.lane_of(&c.side) {
            let (x, y) = (room.scale.center(c.date), lanes[li].mark_y);
            room.mark_boxes[li].push(PxBox::new(
                x - r - 2.0,
                y - r - 2.0,
                x + r + 2.0,
                y + r + 2.0,
            ));
        }
    }
    let mut moments: Vec<Moment> = Vec::new();
    let mut unplaced = 0;
    for c in cands {
        if moments.len() >= budget {
            break;
        }
        let Some(li) = ls.lane_of(&c.side) else {
            unplaced += 1;
            continue;
        };
        let lane = &lanes[li];
        let x = room.scale.center(c.date);
        let head = label_head(c);
        let placed = room
            .beside_mark(lane, li, x, &head, &c.text)
            .or_else(|| room.below_mark(lane, x, &head, &c.text));
        let Some((label, bbox, leader_box, leader)) = placed else {
            unplaced += 1;
            continue;
        };
        room.boxes.push(bbox.inflate(1.5));
        room.leaders.push(leader_box);
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
            number: c.contradiction.map(|(n, _)| n),
            contradiction_id: c.contradiction.map(|(_, id)| id),
            label,
            bbox,
            leader,
        });
    }
    renumber(&mut moments, &room.font);
    (moments, unplaced)
}

/// Renumbers the pairs that kept a label, 1.. in strength order, without gaps.
fn renumber(moments: &mut [Moment], font: &FontSpec) {
    let mut renumber: BTreeMap<usize, usize> = BTreeMap::new();
    for m in moments.iter() {
        if let Some(n) = m.number {
            renumber.insert(n, 0);
        }
    }
    for (i, v) in renumber.values_mut().enumerate() {
        *v = i + 1;
    }
    for m in moments.iter_mut() {
        if let Some(n) = m.number {
            let new = renumber[&n];
            if new != n {
                m.label = m.label.replacen(&format!("[{n}]"), &format!("[{new}]"), 1);
                m.bbox.x1 = m.bbox.x0 + font.width(&m.label) + 4.0;
                m.number = Some(new);
            }
        }
    }
}

/// 6. Contradiction pairs with both ends labelled are joined.
fn join_pairs(data: &ReportData, moments: &[Moment], s: f64) -> Vec<Connector> {
    let mut connectors = Vec::new();
    let mut by_contra: BTreeMap<i64, Vec<&Moment>> = BTreeMap::new();
    for m in moments {
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
    connectors
}

/// 7. Footnote: what was left out, and where each label comes from.
fn footnote_parts(data: &ReportData, opts: &RenderOptions, items: &Items) -> Vec<String> {
    let background = &items.background;
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
    let later = items.out_of_range - background.len().min(items.out_of_range);
    if opts.to.is_some() && later > 0 {
        foot.push(format!("{} after the range", plural(later, "item")));
    }
    if items.undated > 0 {
        foot.push(format!(
            "{} left out",
            plural(items.undated, "undated item")
        ));
    }
    foot.push(format!(
        "[n] = contradiction n in index.html, where every label traces to its article and byte span ({})",
        plural(data.articles.len(), "article")
    ));
    foot
}

/// Computes the whole timeline as pixel data.
pub fn timeline_layout(
    data: &ReportData,
    opts: &RenderOptions,
) -> Result<TimelineLayout, RenderError> {
    let fr = Frame::new(data, opts)?;
    let (opts, s) = (&fr.opts, fr.s);
    let items = collect_items(data, opts);
    let budget = label_budget(opts.width, opts.height);
    // Twice as many candidates as labels: the ones that find no room give way to the next.
    let mut cands = pick_moments(data, opts, budget * 2);
    let mut placed = place_moments(&fr, data, &items, &cands, budget);
    // A side whose candidates all gave way would stand as an empty lane: lay out again
    // without it (once; the remaining sides keep at least one moment each).
    let empty: Vec<usize> = (0..placed.lanes.len())
        .filter(|li| !placed.moments.iter().any(|m| m.lane == *li))
        .collect();
    if !empty.is_empty() && !placed.moments.is_empty() {
        cands.retain(|c| {
            placed
                .ls
                .lane_of(&c.side)
                .is_some_and(|li| !empty.contains(&li))
        });
        placed = place_moments(&fr, data, &items, &cands, budget);
    }
    let Layout {
        axis,
        lanes,
        moments,
        unplaced,
        ..
    } = placed;
    let connectors = join_pairs(data, &moments, s);
    let shown: Vec<(Swatch, &str)> = TIMELINE_LEGEND
        .iter()
        .copied()
        .filter(|(sw, _)| match sw {
            Swatch::Claim(st) => moments.iter().any(|m| m.kind == MarkKind::Claim(*st)),
            Swatch::Event => moments.iter().any(|m| m.kind == MarkKind::Event),
            Swatch::Contradiction => !connectors.is_empty(),
            Swatch::Bucket => axis.density.is_some(),
            Swatch::Approximate => false,
        })
        .collect();
    let (legend, _) = fr.legend(&shown);
    let footnote = fr.footnote(&footnote_parts(data, opts, &items));
    let n_claims = items.dated.iter().filter(|i| i.2).count();
    let subtitle = format!(
        "Key moments by side · {} of {} and {} labelled · {} joined",
        moments.len(),
        plural(n_claims, "claim"),
        plural(items.dated.len() - n_claims, "event"),
        plural(connectors.len(), "contradiction")
    );
    Ok(TimelineLayout {
        width: opts.width,
        height: opts.height,
        scale_factor: s,
        fonts: fr.fonts,
        title: axis.title,
        subtitle,
        legend,
        plot: axis.plot,
        scale: (!items.dated.is_empty()).then_some(axis.scale),
        tick_unit: axis.tick_unit,
        ticks: axis.ticks,
        lanes,
        moments,
        unplaced,
        connectors,
        density: axis.density,
        undated: items.undated,
        out_of_range: items.out_of_range,
        background: items.background,
        footnote,
    })
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

/// The lane bands with their side names and counts.
fn draw_lanes(cv: &Canvas, l: &TimelineLayout) -> Result<(), RenderError> {
    let (s, f) = (l.scale_factor, &l.fonts);
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
    Ok(())
}

/// The axis, the lanes' mark lines, the empty-range message and the density strip.
fn draw_axis(cv: &Canvas, l: &TimelineLayout) -> Result<(), RenderError> {
    let (s, f, p) = (l.scale_factor, &l.fonts, l.plot);
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
    Ok(())
}

/// Leaders, connectors, marks, then the labels on their halos.
fn draw_moments(cv: &Canvas, l: &TimelineLayout) -> Result<(), RenderError> {
    let s = l.scale_factor;
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
    Ok(())
}

fn draw(l: &TimelineLayout, out: &Path) -> Result<(), RenderError> {
    let cv = Canvas::new(out, l.width, l.height)?;
    let (s, f) = (l.scale_factor, &l.fonts);
    draw_title(&cv, &l.title, &l.subtitle, f, s)?;
    draw_legend(&cv, &l.legend, f, s, |cv, sw, b| draw_swatch(cv, sw, b, s))?;
    draw_lanes(&cv, l)?;
    draw_axis(&cv, l)?;
    draw_moments(&cv, l)?;
    draw_footnote(&cv, &l.footnote, f, s, l.height)?;
    cv.present()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures;
    use crate::render::font::ensure_fonts;
    use crate::render::frame::MIN_TEXT_PX;

    fn opts() -> RenderOptions {
        RenderOptions::default()
    }

    #[test]
    fn a_one_word_claim_is_labelled_with_its_cue() {
        // (cue, content, label)
        let rows = [
            ("denied", "that", "denied that"),
            ("denied", "involvement", "denied involvement"),
            ("said", "the truce is holding", "the truce is holding"),
        ];
        for (cue, text, want) in rows {
            let mut c = fixtures::small().claims[0].claim.clone();
            c.kind = crate::model::ClaimKind::Indirect;
            c.cue = cue.into();
            c.text = text.into();
            assert_eq!(label_text(&c), want);
            // a quoted word stands as it is
            c.kind = crate::model::ClaimKind::Direct;
            assert_eq!(label_text(&c), text);
        }
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
                check_no_empty_lane(&l);
            }
        }
    }

    /// Every lane drawn holds at least one labelled moment (a side whose candidates all gave
    /// way is no lane).
    fn check_no_empty_lane(l: &TimelineLayout) {
        if l.moments.is_empty() {
            return;
        }
        for (li, lane) in l.lanes.iter().enumerate() {
            assert!(
                l.moments.iter().any(|m| m.lane == li),
                "lane {li} ({}) holds no moment",
                lane.side.label
            );
        }
    }

    /// The demo's two threads, as `storyline demo` draws them: no empty lane (the Colombia
    /// timeline once had an empty "US" lane at the top).
    #[test]
    fn demo_timelines_have_no_empty_lane() {
        let mut store = crate::store::Store::open_in_memory().unwrap();
        crate::demo::ingest_corpus(&mut store, crate::talk::Talk::silent()).unwrap();
        for t in store.threads().unwrap() {
            let data = crate::pipeline::report_data(&store, &t.thread.slug).unwrap();
            for o in [opts(), small_size()] {
                check_no_empty_lane(&timeline_layout(&data, &o).unwrap());
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
            ("Historian", "SYRGOV"),
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
                (who, code),
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
