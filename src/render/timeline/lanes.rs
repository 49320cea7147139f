//! The timeline's lanes: which sides get one, how tall each is, and one layout pass (axis,
//! lanes, labels) over a set of candidate moments.

use super::*;

/// The sides that get a lane, in lane order, and the small sides merged into "Other".
pub(super) struct LaneSides {
    pub(super) sides: Vec<Side>,
    pub(super) merged: HashMap<Side, Side>,
}

impl LaneSides {
    /// 2. The lanes of the moments' sides: as many as fit about three rows of labels each;
    ///    the least-used sides share "Other".
    pub(super) fn new(cands: &[Cand], fr: &Frame) -> LaneSides {
        let mut side_counts: BTreeMap<Side, usize> = BTreeMap::new();
        for c in cands {
            *side_counts.entry(c.side.clone()).or_default() += 1;
        }
        let counts: Vec<(Side, usize)> = side_counts.into_iter().collect();
        let mut sides = order_sides(&counts);
        let other = crate::render::side_of(None);
        let mut merged: HashMap<Side, Side> = HashMap::new();
        // Each lane needs room for about three rows of labels.
        let room_h = fr.h * 0.55;
        let max_lanes =
            ((room_h / (3.2 * (fr.fonts.label.line_height() + 3.0))) as usize).clamp(2, MAX_LANES);
        if sides.len() > max_lanes {
            let mut by_count: Vec<(usize, Side)> = counts
                .iter()
                .filter(|(sd, _)| sd.key != crate::render::OTHER)
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
        LaneSides { sides, merged }
    }

    pub(super) fn lane_of(&self, sd: &Side) -> Option<usize> {
        let sd = self.merged.get(sd).unwrap_or(sd);
        self.sides.iter().position(|x| x == sd)
    }
}

/// 4. Lanes: height by the number of moments they hold.
pub(super) fn lay_lanes(
    fr: &Frame,
    cands: &[Cand],
    items: &Items,
    ls: &LaneSides,
    plot: PxBox,
    r: f64,
) -> Vec<Lane> {
    let s = fr.s;
    let mut per_lane = vec![0usize; ls.sides.len()];
    for c in cands {
        if let Some(l) = ls.lane_of(&c.side) {
            per_lane[l] += 1;
        }
    }
    let weight: Vec<f64> = per_lane.iter().map(|n| 0.8 + *n as f64).collect();
    let total_w: f64 = weight.iter().sum::<f64>().max(1.0);
    let mut lanes: Vec<Lane> = Vec::new();
    let mut y = plot.y0;
    for (li, side) in ls.sides.iter().enumerate() {
        let hgt = plot.height() * weight[li] / total_w;
        let band = PxBox::new(fr.margin, y, plot.x1, y + hgt);
        y += hgt;
        let (claims, events) = items
            .dated
            .iter()
            .filter(|(sd, _, _)| ls.lane_of(sd) == Some(li))
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
    lanes
}

/// Lanes, axis and labels for one set of candidate moments.
pub(super) struct Layout {
    pub(super) ls: LaneSides,
    pub(super) axis: Axis,
    pub(super) lanes: Vec<Lane>,
    pub(super) moments: Vec<Moment>,
    pub(super) unplaced: usize,
}

pub(super) fn place_moments(
    fr: &Frame,
    data: &ReportData,
    items: &Items,
    cands: &[Cand],
    budget: usize,
) -> Layout {
    let s = fr.s;
    let ls = LaneSides::new(cands, fr);
    let axis = axis_layout(data, fr, items, &ls.sides);
    let r = (7.0 * s).clamp(5.0, 12.0);
    let lanes = lay_lanes(fr, cands, items, &ls, axis.plot, r);
    let mut room = LabelRoom {
        font: fr.fonts.label,
        s,
        r,
        plot: axis.plot,
        scale: &axis.scale,
        max_w: (axis.plot.width() * 0.45).min(480.0 * s),
        boxes: Vec::new(),
        leaders: Vec::new(),
        mark_boxes: vec![Vec::new(); lanes.len()],
    };
    let (moments, unplaced) = place_labels(cands, &lanes, &ls, &mut room, budget);
    Layout {
        ls,
        axis,
        lanes,
        moments,
        unplaced,
    }
}
