//! The contradiction chart: per contested proposition, each side's stance over time with
//! contradicting pairs joined; a side-by-side contradiction count matrix; and the figures
//! each source gave in numeric disputes.
//!
//! `chart_layout` computes the pixel layout; `contradiction_chart` draws it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use chrono::NaiveDate;

use super::font::{fit, FontSpec};
use super::frame::{plural, Fonts, Frame, LegendItem, Swatch};
use super::layout::{arc, Connector, DateScale, Placer, PxBox, Tick, TickUnit};
use super::{
    claim_side, order_sides, short_day_text, span_text, thread_title, RenderError, RenderOptions,
    ReportData, Side,
};
use crate::model::{ContradictionKind, Stance, StoredClaim};

mod draw;

/// One mark in a proposition row: the claims of one side with one stance in one bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameMark {
    /// Index into `ChartLayout::sides` (also the colour).
    pub side: usize,
    pub stance: Stance,
    pub date: NaiveDate,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub count: usize,
    pub claim_ids: Vec<i64>,
    /// Dense mode: this side's segment of the bucket's diverging bar.
    pub bar: Option<PxBox>,
    /// Sparse mode: the speaker's name beside the mark, when it fits.
    pub label: Option<(String, PxBox)>,
}

/// One contested proposition (a claim frame).
#[derive(Debug, Clone, PartialEq)]
pub struct FrameRow {
    pub frame: String,
    pub band: PxBox,
    /// The line between asserting (above) and denying (below) marks.
    pub mid_y: f64,
    pub claims: usize,
    /// Neutral claims, not drawn in dense (bar) mode.
    pub neutral_hidden: usize,
    pub contradictions: usize,
    pub marks: Vec<FrameMark>,
}

/// Side × side contradiction counts across sides (symmetric; the diagonal stays 0: a side
/// contradicting itself is a reversal, counted in the footnote instead).
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixLayout {
    pub area: PxBox,
    /// Indices into `ChartLayout::sides`, in row/column order.
    pub sides: Vec<usize>,
    pub counts: Vec<Vec<usize>>,
    /// Cell boxes, `cells[row][col]`.
    pub cells: Vec<Vec<PxBox>>,
    pub max: usize,
}

/// One figure given by one source in a numeric dispute.
#[derive(Debug, Clone, PartialEq)]
pub struct NumericBar {
    pub claim_id: i64,
    pub side: usize,
    /// "Speaker · 5 Sep"
    pub label: String,
    pub value: f64,
    pub label_box: PxBox,
    pub bar: PxBox,
}

/// The figures for one disputed quantity ("killed", "aid trucks").
#[derive(Debug, Clone, PartialEq)]
pub struct NumericGroup {
    pub quantity: String,
    pub heading_y: f64,
    pub bars: Vec<NumericBar>,
}

/// Everything the contradiction chart shows, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub width: u32,
    pub height: u32,
    pub scale_factor: f64,
    pub fonts: Fonts,
    pub title: String,
    pub subtitle: String,
    /// Set when there is nothing to chart: the image shows this message instead.
    pub message: Option<String>,
    pub legend: Vec<LegendItem>,
    /// Sides in colour order.
    pub sides: Vec<Side>,
    /// Side legend swatches: (side index, box).
    pub side_legend: Vec<(usize, PxBox)>,
    pub stance_panel: PxBox,
    pub scale: Option<DateScale>,
    pub tick_unit: TickUnit,
    pub ticks: Vec<Tick>,
    /// The bucket for marks: Day unless the thread is too dense.
    pub bucket: TickUnit,
    pub rows: Vec<FrameRow>,
    /// Contested propositions that did not fit.
    pub hidden_frames: usize,
    pub connectors: Vec<Connector>,
    pub matrix: Option<MatrixLayout>,
    pub numeric_panel: PxBox,
    pub numeric: Vec<NumericGroup>,
    /// Numeric-dispute figures left out for room.
    pub hidden_figures: usize,
    pub footnote: String,
}

/// A side index with the ids of its claims in one bucket and stance.
type SideIds<'a> = (usize, &'a Vec<i64>);

/// The proposition each contested claim is charted under: the plain-words proposition of
/// its strongest contradiction (the frame when a contradiction has none).
fn propositions(data: &ReportData) -> HashMap<i64, String> {
    let mut cs: Vec<_> = data.contradictions.iter().collect();
    cs.sort_by(|a, b| {
        b.contradiction
            .score
            .total_cmp(&a.contradiction.score)
            .then(a.id.cmp(&b.id))
    });
    let mut out = HashMap::new();
    for c in cs {
        let p = c.contradiction.proposition.trim();
        let p = if p.is_empty() {
            frame_of(&c.a)
        } else {
            p.to_string()
        };
        out.entry(c.a.id).or_insert_with(|| p.clone());
        out.entry(c.b.id).or_insert(p);
    }
    out
}

fn frame_of(c: &StoredClaim) -> String {
    c.claim
        .frame
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .unwrap_or("(no frame)")
        .to_string()
}

fn in_range(d: NaiveDate, opts: &RenderOptions) -> bool {
    opts.from.is_none_or(|f| d >= f) && opts.to.is_none_or(|t| d <= t)
}

/// The contested claims: what proposition each disputes, how often each proposition is
/// contradicted and how strongly, and which claims are dated in the window.
struct Contested<'a> {
    props: HashMap<i64, String>,
    frame_conflicts: BTreeMap<String, usize>,
    strength: HashMap<String, f32>,
    /// All claims by id, from the claim list and from the contradictions themselves.
    claims: BTreeMap<i64, &'a StoredClaim>,
    contested: Vec<&'a StoredClaim>,
    dated: Vec<&'a StoredClaim>,
    undated: usize,
}

impl<'a> Contested<'a> {
    /// Contested frames, by number of contradictions: one row per disputed proposition,
    /// in plain words.
    fn new(data: &'a ReportData, opts: &RenderOptions) -> Contested<'a> {
        let props = propositions(data);
        let frame_of = |c: &StoredClaim| props.get(&c.id).cloned().unwrap_or_default();
        let mut frame_conflicts: BTreeMap<String, usize> = BTreeMap::new();
        let mut strength: HashMap<String, f32> = HashMap::new();
        for c in &data.contradictions {
            let fa = frame_of(&c.a);
            let fb = frame_of(&c.b);
            *frame_conflicts.entry(fa.clone()).or_default() += 1;
            let st = strength.entry(fa.clone()).or_default();
            *st = st.max(c.contradiction.score);
            if fb != fa {
                *frame_conflicts.entry(fb).or_default() += 1;
            }
        }
        let mut claims: BTreeMap<i64, &StoredClaim> =
            data.claims.iter().map(|c| (c.id, c)).collect();
        for c in &data.contradictions {
            claims.entry(c.a.id).or_insert(&c.a);
            claims.entry(c.b.id).or_insert(&c.b);
        }
        let contested: Vec<&StoredClaim> = claims
            .values()
            .copied()
            .filter(|c| props.contains_key(&c.id) && frame_conflicts.contains_key(&frame_of(c)))
            .collect();
        let dated: Vec<&StoredClaim> = contested
            .iter()
            .copied()
            .filter(|c| c.claim.date.date.is_some_and(|d| in_range(d, opts)))
            .collect();
        let undated = contested
            .iter()
            .filter(|c| c.claim.date.date.is_none())
            .count();
        Contested {
            props,
            frame_conflicts,
            strength,
            claims,
            contested,
            dated,
            undated,
        }
    }

    fn frame_of(&self, c: &StoredClaim) -> String {
        self.props.get(&c.id).cloned().unwrap_or_default()
    }

    /// The propositions drawn, most contested first, at most `max_rows`; and how many did
    /// not fit.
    fn frames(&self, max_rows: usize) -> (Vec<(String, usize)>, usize) {
        let mut frames: Vec<(String, usize)> = self.frame_conflicts.clone().into_iter().collect();
        let strength_of = |f: &str| self.strength.get(f).copied().unwrap_or(0.0);
        frames.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(strength_of(&b.0).total_cmp(&strength_of(&a.0)))
                .then(a.0.cmp(&b.0))
        });
        let hidden = frames.len().saturating_sub(max_rows);
        frames.truncate(max_rows);
        (frames, hidden)
    }
}

/// Sides in colour order: sides of contested claims.
fn colour_sides(contested: &[&StoredClaim]) -> (Vec<Side>, HashMap<Side, usize>) {
    let mut side_counts: BTreeMap<Side, usize> = BTreeMap::new();
    for c in contested {
        *side_counts.entry(claim_side(c)).or_default() += 1;
    }
    let counts: Vec<(Side, usize)> = side_counts.into_iter().collect();
    let sides = order_sides(&counts);
    let side_index: HashMap<Side, usize> = sides
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), i))
        .collect();
    (sides, side_index)
}

/// A layout with only the header filled in: title, subtitle, sides.
fn blank_layout(fr: &Frame, title: String, subtitle: String, sides: Vec<Side>) -> ChartLayout {
    ChartLayout {
        width: fr.opts.width,
        height: fr.opts.height,
        scale_factor: fr.s,
        fonts: fr.fonts,
        title,
        subtitle,
        message: None,
        legend: Vec::new(),
        sides,
        side_legend: Vec::new(),
        stance_panel: PxBox::default(),
        scale: None,
        tick_unit: TickUnit::Day,
        ticks: Vec::new(),
        bucket: TickUnit::Day,
        rows: Vec::new(),
        hidden_frames: 0,
        connectors: Vec::new(),
        matrix: None,
        numeric_panel: PxBox::default(),
        numeric: Vec::new(),
        hidden_figures: 0,
        footnote: String::new(),
    }
}

/// Nothing to chart: the image says so instead.
fn no_contradictions(data: &ReportData, fr: &Frame, mut layout: ChartLayout) -> ChartLayout {
    layout.message = Some("No contradictions in this thread".into());
    layout.subtitle = format!(
        "{} and {} checked; no two claims contradict each other",
        plural(data.claims.len(), "claim"),
        plural(data.events.len(), "event")
    );
    layout.footnote = fr.footnote(&[format!(
        "Sources: {}",
        plural(data.articles.len(), "article")
    )]);
    layout
}

const CHART_LEGEND: [(Swatch, &str); 4] = [
    (Swatch::Claim(Stance::Asserts), "asserts (above the line)"),
    (Swatch::Claim(Stance::Denies), "denies (below the line)"),
    (Swatch::Claim(Stance::Neutral), "neutral (on the line)"),
    (Swatch::Contradiction, "contradicting pair"),
];

const DENSE_LEGEND: [(Swatch, &str); 3] = [
    (
        Swatch::Claim(Stance::Asserts),
        "asserts: bar above the line",
    ),
    (Swatch::Claim(Stance::Denies), "denies: bar below the line"),
    (Swatch::Contradiction, "contradicting pair"),
];

/// The side colour swatches under the legend, wrapping as needed; and the header's bottom.
fn side_legend(fr: &Frame, sides: &[Side], legend_bottom: f64) -> (Vec<(usize, PxBox)>, f64) {
    let (s, margin, fonts) = (fr.s, fr.margin, &fr.fonts);
    let mut out = Vec::new();
    let mut x = margin;
    let mut y = legend_bottom + 6.0 * s;
    let lh = fonts.legend.line_height();
    for (i, side) in sides.iter().enumerate() {
        let wdt = 22.0 * s + fonts.legend.width(&side.label);
        if x + wdt > fr.w - margin && x > margin {
            x = margin;
            y += lh + 6.0 * s;
        }
        out.push((i, PxBox::new(x, y, x + wdt, y + lh)));
        x += wdt + 22.0 * s;
    }
    (out, y + lh + 12.0 * s)
}

/// Claim ids per (bucket, stance, side), one map per drawn row.
type Group = BTreeMap<(NaiveDate, Stance, usize), Vec<i64>>;

/// Day buckets while the day is wide enough for a cluster of marks, else weeks or months.
fn choose_bucket(
    con: &Contested,
    side_index: &HashMap<Side, usize>,
    scale: &DateScale,
    r_unit: f64,
) -> TickUnit {
    let ppd = scale.px_per_day();
    let per_day_max = {
        let mut m: HashMap<(String, NaiveDate, usize, Stance), usize> = HashMap::new();
        for c in &con.dated {
            let key = (
                con.frame_of(c),
                c.claim.date.date.unwrap_or_default(),
                side_index[&claim_side(c)],
                c.claim.polarity,
            );
            *m.entry(key).or_default() += 1;
        }
        m.values().copied().max().unwrap_or(1)
    };
    if ppd >= 2.0 * r_unit + 2.0 && per_day_max <= 3 && con.dated.len() <= 600 {
        TickUnit::Day
    } else if ppd * 7.0 >= 2.0 * r_unit + 2.0 {
        TickUnit::Week
    } else {
        TickUnit::Month
    }
}

/// The dated contested claims of each drawn row, grouped by bucket, stance and side; and
/// the number of claims per row.
fn group_claims(
    con: &Contested,
    frames: &[(String, usize)],
    side_index: &HashMap<Side, usize>,
    bucket: TickUnit,
) -> (Vec<Group>, Vec<usize>) {
    let frame_rows: HashMap<&str, usize> = frames
        .iter()
        .enumerate()
        .map(|(i, (f, _))| (f.as_str(), i))
        .collect();
    let mut groups: Vec<Group> = vec![BTreeMap::new(); frames.len()];
    let mut row_claims = vec![0usize; frames.len()];
    for c in &con.dated {
        let f = con.frame_of(c);
        let Some(&ri) = frame_rows.get(f.as_str()) else {
            continue;
        };
        row_claims[ri] += 1;
        let d = bucket.bucket_start(c.claim.date.date.unwrap_or_default());
        let st = c.claim.polarity;
        groups[ri]
            .entry((d, st, side_index[&claim_side(c)]))
            .or_default()
            .push(c.id);
    }
    (groups, row_claims)
}

/// What every row's marks are sized against.
struct RowScale<'a> {
    scale: &'a DateScale,
    panel: PxBox,
    bucket: TickUnit,
    s: f64,
    r_unit: f64,
    row_h: f64,
    /// Dense mode: most claims in one bucket and stance (the bars' count scale).
    max_stack: usize,
    /// Sparse mode: most claims in one mark.
    max_count: usize,
}

impl RowScale<'_> {
    fn new<'a>(
        scale: &'a DateScale,
        panel: PxBox,
        bucket: TickUnit,
        s: f64,
        r_unit: f64,
        row_h: f64,
        groups: &[Group],
    ) -> RowScale<'a> {
        let max_stack = groups
            .iter()
            .flat_map(|g| {
                let mut per: BTreeMap<(NaiveDate, Stance), usize> = BTreeMap::new();
                for ((d, st, _), ids) in g {
                    *per.entry((*d, *st)).or_default() += ids.len();
                }
                per.into_values().collect::<Vec<_>>()
            })
            .max()
            .unwrap_or(1)
            .max(1);
        let max_count = groups
            .iter()
            .flat_map(|g| g.values().map(Vec::len))
            .max()
            .unwrap_or(1);
        RowScale {
            scale,
            panel,
            bucket,
            s,
            r_unit,
            row_h,
            max_stack,
            max_count,
        }
    }

    /// Dense mode: this bucket's diverging stacked bar (asserts up, denies down, by side).
    fn bars(
        &self,
        (d, st): (NaiveDate, Stance),
        members: &[SideIds],
        mid_y: f64,
        marks: &mut Vec<FrameMark>,
        endpoint: &mut HashMap<i64, (f64, f64)>,
    ) {
        let (bucket_x0, bucket_x1, cx) = self.bucket_x(d);
        let half = self.row_h / 2.0;
        let gap = ((bucket_x1 - bucket_x0) * 0.12).min(3.0 * self.s);
        let (x0, x1) = (
            bucket_x0 + gap,
            (bucket_x1 - gap).max(bucket_x0 + gap + 1.0),
        );
        let per_claim = half * 0.85 / self.max_stack as f64;
        let dir = if st == Stance::Asserts { -1.0 } else { 1.0 };
        let mut y = mid_y + dir;
        for &(si, ids) in members {
            let hseg = (ids.len() as f64 * per_claim).max(1.0);
            let y2 = y + dir * hseg;
            let bar = PxBox::new(x0, y, x1, y2);
            for id in ids.iter() {
                endpoint.insert(*id, (cx, (y + y2) / 2.0));
            }
            marks.push(FrameMark {
                side: si,
                stance: st,
                date: d,
                x: cx,
                y: (y + y2) / 2.0,
                r: (x1 - x0) / 2.0,
                count: ids.len(),
                claim_ids: ids.to_vec(),
                bar: Some(bar),
                label: None,
            });
            y = y2;
        }
    }

    /// Sparse mode: one mark per side, side by side around the bucket's centre, sized by
    /// the number of claims it stands for.
    fn cluster(
        &self,
        (d, st): (NaiveDate, Stance),
        members: &[SideIds],
        mid_y: f64,
        marks: &mut Vec<FrameMark>,
        endpoint: &mut HashMap<i64, (f64, f64)>,
    ) {
        let (_, _, cx) = self.bucket_x(d);
        let half = self.row_h / 2.0;
        let (r_unit, max_count) = (self.r_unit, self.max_count);
        let r_max = (half * 0.38).min(16.0 * self.s).max(r_unit);
        let y = match st {
            Stance::Asserts => mid_y - half * 0.45,
            Stance::Denies => mid_y + half * 0.45,
            Stance::Neutral => mid_y,
        };
        let radii: Vec<f64> = members
            .iter()
            .map(|(_, ids)| {
                if max_count <= 1 {
                    r_unit
                } else {
                    let t = ((ids.len() as f64) / max_count as f64).sqrt();
                    (r_unit * 0.8 + (r_max - r_unit * 0.8) * t).min(r_max)
                }
            })
            .collect();
        let total_w: f64 = radii.iter().map(|r| 2.0 * r + 2.0).sum();
        let mut x = cx - total_w / 2.0;
        for ((si, ids), r) in members.iter().zip(radii) {
            let mx = x + r;
            x += 2.0 * r + 2.0;
            for id in ids.iter() {
                endpoint.insert(*id, (mx, y));
            }
            marks.push(FrameMark {
                side: *si,
                stance: st,
                date: d,
                x: mx,
                y,
                r,
                count: ids.len(),
                claim_ids: ids.to_vec(),
                bar: None,
                label: None,
            });
        }
    }

    /// The bucket starting `d`, clipped to the panel: (x0, x1, centre).
    fn bucket_x(&self, d: NaiveDate) -> (f64, f64, f64) {
        let x0 = self.scale.x(d).max(self.panel.x0);
        let x1 = self.scale.x(self.bucket.bucket_end(d)).min(self.panel.x1);
        (x0, x1, (x0 + x1) / 2.0)
    }
}

/// One proposition row: its band, its marks (clustered per bucket and stance) and, in sparse
/// mode, the speakers' names.
fn frame_row(
    rs: &RowScale,
    con: &Contested,
    contested_ids: &BTreeSet<i64>,
    fonts: &Fonts,
    (ri, group): (usize, &Group),
    endpoint: &mut HashMap<i64, (f64, f64)>,
) -> (PxBox, f64, Vec<FrameMark>, usize) {
    let (panel, row_h) = (rs.panel, rs.row_h);
    let band = PxBox::new(
        super::frame::margin(rs.s),
        panel.y0 + ri as f64 * row_h,
        panel.x1,
        panel.y0 + (ri + 1) as f64 * row_h,
    );
    let mid_y = (band.y0 + band.y1) / 2.0;
    let dense = rs.bucket != TickUnit::Day;
    let mut marks = Vec::new();
    let mut neutral_hidden = 0;
    // Cluster the sides within one bucket and stance side by side around its centre.
    let mut clusters: BTreeMap<(NaiveDate, Stance), Vec<SideIds>> = BTreeMap::new();
    for ((d, st, si), ids) in group {
        clusters.entry((*d, *st)).or_default().push((*si, ids));
    }
    for (key, members) in clusters {
        if dense && key.1 == Stance::Neutral {
            neutral_hidden += members.iter().map(|(_, ids)| ids.len()).sum::<usize>();
        } else if dense {
            rs.bars(key, &members, mid_y, &mut marks, endpoint);
        } else {
            rs.cluster(key, &members, mid_y, &mut marks, endpoint);
        }
    }
    if !dense {
        label_marks(
            &mut marks,
            &con.claims,
            contested_ids,
            fonts,
            PxBox::new(panel.x0, band.y0, panel.x1, band.y1),
        );
    }
    (band, mid_y, marks, neutral_hidden)
}

/// Contradicting pairs whose both ends are drawn, joined by an arc.
fn chart_connectors(
    data: &ReportData,
    endpoint: &HashMap<i64, (f64, f64)>,
    s: f64,
) -> Vec<Connector> {
    let mut out = Vec::new();
    for c in &data.contradictions {
        let (Some(&a), Some(&b)) = (endpoint.get(&c.a.id), endpoint.get(&c.b.id)) else {
            continue;
        };
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let bulge = if (a.1 - b.1).abs() < 1.0 {
            (len / 3.0).clamp(8.0 * s, 30.0 * s)
        } else {
            (len * 0.15).min(30.0 * s)
        };
        out.push(Connector {
            contradiction_id: c.id,
            kind: c.contradiction.kind,
            from: a,
            to: b,
            path: arc(a, b, bulge),
        });
    }
    out
}

/// Rows: most contested first, as many as fit at a legible height; their marks, the
/// dense-mode legend, and the connectors. Returns the height the rows take.
fn stance_rows(
    layout: &mut ChartLayout,
    data: &ReportData,
    con: &Contested,
    side_index: &HashMap<Side, usize>,
    fr: &Frame,
    scale: &DateScale,
) -> f64 {
    let (s, panel) = (fr.s, layout.stance_panel);
    let min_row = 56.0 * s;
    let max_rows = ((panel.height() / min_row).floor() as usize).max(1);
    let (frames, hidden) = con.frames(max_rows);
    layout.hidden_frames = hidden;
    let row_h = (panel.height() / frames.len().max(1) as f64).min(200.0 * s);
    let r_unit = (7.5 * s).clamp(5.0, 14.0);
    let bucket = choose_bucket(con, side_index, scale, r_unit);
    layout.bucket = bucket;
    if bucket != TickUnit::Day {
        layout.legend = fr.legend(&DENSE_LEGEND).0;
    }
    let mut endpoint: HashMap<i64, (f64, f64)> = HashMap::new();
    let contested_ids: BTreeSet<i64> = data
        .contradictions
        .iter()
        .flat_map(|c| [c.a.id, c.b.id])
        .collect();
    let (groups, row_claims) = group_claims(con, &frames, side_index, bucket);
    let rs = RowScale::new(scale, panel, bucket, s, r_unit, row_h, &groups);
    for (ri, (frame, n_conf)) in frames.iter().enumerate() {
        let (band, mid_y, marks, neutral_hidden) = frame_row(
            &rs,
            con,
            &contested_ids,
            &fr.fonts,
            (ri, &groups[ri]),
            &mut endpoint,
        );
        layout.rows.push(FrameRow {
            frame: frame.clone(),
            band,
            mid_y,
            claims: row_claims[ri],
            neutral_hidden,
            contradictions: *n_conf,
            marks,
        });
    }
    layout.connectors = chart_connectors(data, &endpoint, s);
    frames.len().max(1) as f64 * row_h
}

/// What the footnote says was left out, and where the sources are.
fn chart_footnote(data: &ReportData, con: &Contested, layout: &ChartLayout) -> Vec<String> {
    let mut foot = Vec::new();
    if con.undated > 0 {
        foot.push(format!(
            "{} without a date left out",
            plural(con.undated, "contested claim")
        ));
    }
    if layout.hidden_frames > 0 {
        foot.push(format!(
            "{} not shown for room",
            plural(layout.hidden_frames, "less-contested proposition")
        ));
    }
    if layout.bucket != TickUnit::Day {
        foot.push(format!(
            "bars count claims per {} by side; neutral claims not drawn",
            layout.bucket.name()
        ));
    }
    let same_side = data
        .contradictions
        .iter()
        .filter(|c| claim_side(&c.a) == claim_side(&c.b))
        .count();
    if same_side > 0 {
        foot.push(format!(
            "{} within one side (reversals) not in the matrix",
            plural(same_side, "contradiction")
        ));
    }
    if layout.hidden_figures > 0 {
        foot.push(format!(
            "{} not shown",
            plural(layout.hidden_figures, "figure")
        ));
    }
    foot.push(format!(
        "sources: {}; full quotes and byte spans in index.html",
        plural(data.articles.len(), "article")
    ));
    foot
}

/// The title and subtitle, and the dates the axis spans.
fn chart_header(
    data: &ReportData,
    fr: &Frame,
    con: &Contested,
    sides: usize,
) -> (String, String, (NaiveDate, NaiveDate)) {
    let title = thread_title(&data.thread);
    let dates = || con.dated.iter().filter_map(|c| c.claim.date.date);
    let data_span = dates().min().zip(dates().max());
    let (from, to) = fr.span(data_span, NaiveDate::default());
    let title_full = fr.title(&match data_span {
        Some(_) => format!("{title} — contradictions, {}", span_text(from, to)),
        None => format!("{title} — contradictions"),
    });
    let subtitle = format!(
        "{} on {} · {} numeric · {} by {}",
        plural(data.contradictions.len(), "contradiction"),
        plural(con.frame_conflicts.len(), "proposition"),
        numeric_count(data),
        plural(con.contested.len(), "claim"),
        plural(sides, "side"),
    );
    (title_full, subtitle, (from, to))
}

fn numeric_count(data: &ReportData) -> usize {
    data.contradictions
        .iter()
        .filter(|c| c.contradiction.kind == ContradictionKind::Numeric)
        .count()
}

/// Computes the contradiction chart as pixel data.
pub fn chart_layout(data: &ReportData, opts: &RenderOptions) -> Result<ChartLayout, RenderError> {
    let fr = Frame::new(data, opts)?;
    let (s, margin, fonts) = (fr.s, fr.margin, fr.fonts);
    let (w, h) = (fr.w, fr.h);
    let con = Contested::new(data, &fr.opts);
    let (sides, side_index) = colour_sides(&con.contested);
    let (title, subtitle, (from, to)) = chart_header(data, &fr, &con, sides.len());
    let mut layout = blank_layout(&fr, title, subtitle, sides.clone());
    if data.contradictions.is_empty() {
        return Ok(no_contradictions(data, &fr, layout));
    }

    // Header: stance legend then side colours, wrapping as needed.
    let (legend, legend_bottom) = fr.legend(&CHART_LEGEND);
    layout.legend = legend;
    let (swatches, header_bottom) = side_legend(&fr, &sides, legend_bottom);
    layout.side_legend = swatches;

    // Panels: stance rows on top, matrix and numeric figures below.
    let bottom = h - margin - fr.foot_h();
    let lower_h = ((bottom - header_bottom) * 0.36).max(150.0 * s);
    let axis_h = fonts.tick.line_height() + 12.0 * s;
    let gutter = con
        .frame_conflicts
        .keys()
        .map(|f| fonts.lane.width(f) / 2.0 + 20.0 * s)
        .fold(150.0 * s, f64::max)
        .min(w * 0.22)
        + 16.0 * s;
    let panel = PxBox::new(
        margin + gutter,
        header_bottom,
        w - margin - 8.0 * s,
        bottom - lower_h - axis_h - 12.0 * s,
    );
    layout.stance_panel = panel;
    let scale = DateScale::new(from, to, panel.x0, panel.x1);
    (layout.tick_unit, layout.ticks) = fr.ticks(&scale);
    let rows_h = stance_rows(&mut layout, data, &con, &side_index, &fr, &scale);
    layout.scale = Some(scale);
    // Rows are capped in height: pull the axis up under the last row and give the room
    // below to the lower panels.
    layout.stance_panel.y1 = (panel.y0 + rows_h).min(panel.y1);
    let lower_top = (layout.stance_panel.y1 + axis_h + 20.0 * s).min(bottom - lower_h);

    // Lower panels.
    let lower = PxBox::new(margin, lower_top, w - margin, bottom);
    let split = lower.x0 + lower.width() * 0.42;
    layout.matrix = Some(matrix_layout(
        data,
        &side_index,
        &fonts,
        s,
        PxBox::new(lower.x0, lower.y0, split - 20.0 * s, lower.y1),
    ));
    layout.numeric_panel = PxBox::new(split + 10.0 * s, lower.y0, lower.x1, lower.y1);
    if numeric_count(data) > 0 {
        let (groups, hidden) = numeric_layout(data, &side_index, &fonts, s, layout.numeric_panel);
        layout.numeric = groups;
        layout.hidden_figures = hidden;
    }
    layout.footnote = fr.footnote(&chart_footnote(data, &con, &layout));
    Ok(layout)
}

/// Names the speaker beside each mark where the name fits without touching another name or
/// mark: contested claims first.
fn label_marks(
    marks: &mut [FrameMark],
    claims: &BTreeMap<i64, &StoredClaim>,
    contested: &BTreeSet<i64>,
    fonts: &Fonts,
    area: PxBox,
) {
    let font = fonts.label;
    let lh = font.line_height();
    let mut placer = Placer::default();
    for m in marks.iter() {
        placer.obstacles.push(PxBox::new(
            m.x - m.r,
            m.y - m.r * 1.2,
            m.x + m.r,
            m.y + m.r * 1.2,
        ));
    }
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| {
        let hot = marks[i].claim_ids.iter().any(|id| contested.contains(id));
        (!hot, marks[i].date, i)
    });
    for i in order {
        let m = &marks[i];
        let Some(first) = m.claim_ids.first().and_then(|id| claims.get(id)) else {
            continue;
        };
        let who = super::timeline::short_speaker(&first.claim.speaker);
        let text = if m.count > 1 {
            format!("{who} +{}", m.count - 1)
        } else {
            who
        };
        let text = fit(&font, &text, 160.0 * font.size / 14.0);
        if text.is_empty() {
            continue;
        }
        let tw = font.width(&text) + 4.0;
        let right = PxBox::new(
            m.x + m.r + 3.0,
            m.y - lh / 2.0,
            m.x + m.r + 3.0 + tw,
            m.y + lh / 2.0,
        );
        let left = PxBox::new(
            m.x - m.r - 3.0 - tw,
            m.y - lh / 2.0,
            m.x - m.r - 3.0,
            m.y + lh / 2.0,
        );
        if let Some(b) = [right, left].into_iter().find(|b| placer.fits(b, &area)) {
            placer.take(b.inflate(1.0));
            marks[i].label = Some((text, b));
        }
    }
}

fn matrix_layout(
    data: &ReportData,
    side_index: &HashMap<Side, usize>,
    fonts: &Fonts,
    s: f64,
    area: PxBox,
) -> MatrixLayout {
    let mut pair: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut involved: BTreeSet<usize> = BTreeSet::new();
    for c in &data.contradictions {
        let (Some(&a), Some(&b)) = (
            side_index.get(&claim_side(&c.a)),
            side_index.get(&claim_side(&c.b)),
        ) else {
            continue;
        };
        // Across sides only: a side "contradicting itself" is a reversal, listed apart.
        if a == b {
            continue;
        }
        involved.insert(a);
        involved.insert(b);
        *pair.entry((a.min(b), a.max(b))).or_default() += 1;
    }
    let sides: Vec<usize> = involved.into_iter().collect();
    let n = sides.len();
    let counts: Vec<Vec<usize>> = sides
        .iter()
        .map(|&a| {
            sides
                .iter()
                .map(|&b| pair.get(&(a.min(b), a.max(b))).copied().unwrap_or(0))
                .collect()
        })
        .collect();
    let max = counts.iter().flatten().copied().max().unwrap_or(0);
    // Heading line, then a header row of short names, then the grid.
    let head = fonts.lane.line_height() + 8.0 * s;
    let col_head = fonts.lane_sub.line_height() + 6.0 * s;
    let row_head = 150.0 * s;
    let avail_w = (area.width() - row_head).max(40.0);
    let avail_h = (area.height() - head - col_head).max(20.0);
    let cell_w = (avail_w / n.max(1) as f64).min(110.0 * s);
    let cell_h = (avail_h / n.max(1) as f64).min(56.0 * s);
    let gx = area.x0 + row_head;
    let gy = area.y0 + head + col_head;
    let cells = (0..n)
        .map(|r| {
            (0..n)
                .map(|c| {
                    PxBox::new(
                        gx + c as f64 * cell_w,
                        gy + r as f64 * cell_h,
                        gx + (c + 1) as f64 * cell_w,
                        gy + (r + 1) as f64 * cell_h,
                    )
                })
                .collect()
        })
        .collect();
    MatrixLayout {
        area,
        sides,
        counts,
        cells,
        max,
    }
}

fn numeric_layout(
    data: &ReportData,
    side_index: &HashMap<Side, usize>,
    fonts: &Fonts,
    s: f64,
    area: PxBox,
) -> (Vec<NumericGroup>, usize) {
    // quantity -> claims (deduplicated) with the value they give.
    let mut by_q: BTreeMap<String, Vec<(&StoredClaim, f64)>> = BTreeMap::new();
    for c in &data.contradictions {
        if c.contradiction.kind != ContradictionKind::Numeric {
            continue;
        }
        for cl in [&c.a, &c.b] {
            for f in &cl.claim.figures {
                let list = by_q.entry(f.quantity.clone()).or_default();
                if !list.iter().any(|(x, _)| x.id == cl.id) {
                    list.push((cl, f.value));
                }
            }
        }
    }
    let mut qs: Vec<(String, Vec<(&StoredClaim, f64)>)> = by_q.into_iter().collect();
    qs.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let head = fonts.lane.line_height() + 8.0 * s;
    let gh = fonts.lane_sub.line_height() + 6.0 * s;
    let bar_h = (fonts.label.line_height() + 6.0 * s).max(14.0);
    let label_w = (area.width() * 0.42).min(300.0 * s);
    let value_w = fonts.label.width("000,000") + 10.0 * s;
    let mut y = area.y0 + head;
    let mut out = Vec::new();
    let mut hidden = 0;
    for (q, mut list) in qs {
        list.sort_by(|a, b| {
            a.0.claim
                .date
                .date
                .cmp(&b.0.claim.date.date)
                .then(a.0.id.cmp(&b.0.id))
        });
        if y + gh + bar_h > area.y1 {
            hidden += list.len();
            continue;
        }
        let heading_y = y;
        y += gh;
        let vmax = list.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1e-9);
        let bar_x0 = area.x0 + label_w + 8.0 * s;
        let bar_span = (area.x1 - value_w - bar_x0).max(20.0);
        let mut bars = Vec::new();
        for (cl, v) in list {
            if y + bar_h > area.y1 {
                hidden += 1;
                continue;
            }
            let date = cl
                .claim
                .date
                .date
                .map(|d| format!(" · {}", short_day_text(d)))
                .unwrap_or_default();
            let label = fit(
                &fonts.label,
                &format!("{}{date}", cl.claim.speaker.trim()),
                label_w,
            );
            let bw = (v.max(0.0) / vmax * bar_span).max(2.0);
            bars.push(NumericBar {
                claim_id: cl.id,
                side: side_index.get(&claim_side(cl)).copied().unwrap_or(0),
                label,
                value: v,
                label_box: PxBox::new(area.x0, y, area.x0 + label_w, y + bar_h),
                bar: PxBox::new(bar_x0, y + 2.0 * s, bar_x0 + bw, y + bar_h - 2.0 * s),
            });
            y += bar_h + 2.0 * s;
        }
        y += 8.0 * s;
        out.push(NumericGroup {
            quantity: q,
            heading_y,
            bars,
        });
    }
    (out, hidden)
}

/// Draws the contradiction chart PNG to `out` and returns the layout it drew.
pub fn contradiction_chart(
    data: &ReportData,
    opts: &RenderOptions,
    out: &Path,
) -> Result<ChartLayout, RenderError> {
    let layout = chart_layout(data, opts)?;
    draw::draw(&layout, out)?;
    Ok(layout)
}

/// Splits `text` into at most `max_lines` lines of at most `max_w` pixels, breaking only
/// between words; words that do not fit end the last line with "…".
pub(crate) fn wrap_words(font: &FontSpec, text: &str, max_w: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let cand = if cur.is_empty() {
            w.to_string()
        } else {
            format!("{cur} {w}")
        };
        if font.width(&cand) <= max_w || cur.is_empty() {
            cur = cand;
            continue;
        }
        lines.push(std::mem::take(&mut cur));
        cur = w.to_string();
        if lines.len() == max_lines {
            let last = lines.pop().unwrap_or_default();
            let rest = words[i..].join(" ");
            let cut = super::timeline::cut_words(font, "", &format!("{last} {rest}"), max_w, 1)
                .unwrap_or(last);
            lines.push(cut);
            return lines;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// "12", "12.5", "1,250".
pub(crate) fn format_value(v: f64) -> String {
    if v.fract().abs() < 1e-9 && v.abs() < 1e15 {
        let n = v as i64;
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(ch);
        }
        if n < 0 {
            format!("-{out}")
        } else {
            out
        }
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures;

    #[test]
    fn small_thread_chart_layout() {
        let l = chart_layout(&fixtures::small(), &RenderOptions::default()).unwrap();
        assert_eq!(l.message, None);
        let frames: Vec<&str> = l.rows.iter().map(|r| r.frame.as_str()).collect();
        assert_eq!(frames, ["a US-Russia agreement on Aleppo", "casualties"]);
        assert_eq!(l.connectors.len(), 2);
        assert_eq!(l.bucket, TickUnit::Day);
        // agreement: Shoigu asserts, the U.S. official denies (the row holds the claims in
        // the proposition's contradictions).
        let agreement = &l.rows[0];
        assert_eq!(agreement.claims, 2);
        let stances: BTreeSet<Stance> = agreement.marks.iter().map(|m| m.stance).collect();
        assert_eq!(stances.len(), 2);
        for m in &agreement.marks {
            match m.stance {
                Stance::Asserts => assert!(m.y < agreement.mid_y),
                Stance::Denies => assert!(m.y > agreement.mid_y),
                Stance::Neutral => assert_eq!(m.y, agreement.mid_y),
            }
        }
        let matrix = l.matrix.as_ref().unwrap();
        let names: Vec<&str> = matrix
            .sides
            .iter()
            .map(|&i| l.sides[i].key.as_str())
            .collect();
        assert_eq!(names, ["usa", "russia", "syria-government"]);
        // USA-RUS (agreement) and USA-SYRGOV (casualties), symmetric.
        assert_eq!(matrix.counts[0][1], 1);
        assert_eq!(matrix.counts[1][0], 1);
        assert_eq!(matrix.counts[0][2], 1);
        assert_eq!(matrix.counts[1][2], 0);
        let labels: Vec<PxBox> = l
            .rows
            .iter()
            .flat_map(|r| &r.marks)
            .filter_map(|m| m.label.as_ref().map(|(_, b)| *b))
            .collect();
        assert_eq!(labels.len(), 4, "every mark is named");
        for (i, a) in labels.iter().enumerate() {
            assert!(labels[i + 1..].iter().all(|b| !a.overlaps(b)));
        }
        assert_eq!(l.numeric.len(), 1);
        assert_eq!(l.numeric[0].quantity, "killed");
        let values: Vec<f64> = l.numeric[0].bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [12.0, 40.0]);
        assert!(l.numeric[0].bars[0]
            .label
            .starts_with("Syrian army command"));
        for b in &l.numeric[0].bars {
            assert!(l.numeric_panel.inflate(1.0).contains_box(&b.bar));
            assert!(!b.label_box.overlaps(&b.bar));
        }
    }

    #[test]
    fn empty_thread_draws_a_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("c.png");
        let mut data = fixtures::small();
        data.contradictions.clear();
        let l = contradiction_chart(&data, &RenderOptions::default(), &out).unwrap();
        assert_eq!(
            l.message.as_deref(),
            Some("No contradictions in this thread")
        );
        let img = image::open(&out).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (1600, 900));
        assert!(img.pixels().filter(|p| p.0 != [255, 255, 255]).count() > 1000);
    }

    #[test]
    fn chart_png_decodes_and_is_not_blank() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("c.png");
        let o = RenderOptions {
            width: 1000,
            height: 600,
            ..RenderOptions::default()
        };
        contradiction_chart(&fixtures::small(), &o, &out).unwrap();
        let img = image::open(&out).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (1000, 600));
        let colours: BTreeSet<[u8; 3]> = img.pixels().map(|p| p.0).collect();
        assert!(colours.len() > 50, "only {} colours", colours.len());
    }

    #[test]
    fn dense_thread_buckets_and_fits() {
        let l = chart_layout(&fixtures::large(5000, 120), &RenderOptions::default()).unwrap();
        assert_ne!(l.bucket, TickUnit::Day);
        let marked: usize = l.rows.iter().flat_map(|r| &r.marks).map(|m| m.count).sum();
        let hidden: usize = l.rows.iter().map(|r| r.neutral_hidden).sum();
        let row_claims: usize = l.rows.iter().map(|r| r.claims).sum();
        assert_eq!(
            marked + hidden,
            row_claims,
            "every claim is in a bar or counted as neutral"
        );
        assert!(l
            .rows
            .iter()
            .flat_map(|r| &r.marks)
            .all(|m| m.bar.is_some()));
        for row in &l.rows {
            assert!(l.stance_panel.y1 + 1.0 >= row.band.y1);
        }
    }

    #[test]
    fn values_format_with_thousands() {
        assert_eq!(format_value(12.0), "12");
        assert_eq!(format_value(1250.0), "1,250");
        assert_eq!(format_value(12.5), "12.5");
    }

    #[test]
    #[ignore]
    fn render_check_chart() {
        let dir = std::path::Path::new("/tmp/render-check");
        std::fs::create_dir_all(dir).unwrap();
        let o = RenderOptions::default();
        contradiction_chart(&fixtures::small(), &o, &dir.join("chart-small.png")).unwrap();
        let small = RenderOptions {
            width: 800,
            height: 450,
            ..o
        };
        contradiction_chart(&fixtures::small(), &small, &dir.join("chart-small-800.png")).unwrap();
        contradiction_chart(&fixtures::large(5000, 120), &o, &dir.join("chart-5000.png")).unwrap();
        contradiction_chart(&fixtures::large(60, 40), &o, &dir.join("chart-60.png")).unwrap();
        contradiction_chart(
            &fixtures::large(5000, 120),
            &small,
            &dir.join("chart-5000-800.png"),
        )
        .unwrap();
        let mut empty = fixtures::small();
        empty.contradictions.clear();
        contradiction_chart(&empty, &o, &dir.join("chart-empty.png")).unwrap();
    }
}
