//! Timeline layout: lanes in roadmap layers (target states, gaps, measures by ministry / theme /
//! proposal, events, KPI deadlines), with bars packed into rows so that none overlap.
//!
//! Positions are in fiscal years on a continuous axis: FY2025 spans `[2025.0, 2026.0)`.
//!
//! A gap spans the measures that answer it. A gap no measure answers, or whose measures give no
//! timing, has no span to show: it becomes a marker at the date of its source document (when it
//! was written down), or at the start of the horizon when the source has no date, and says so
//! ([`MarkerKind`]). Such markers take the first rows of the gaps lane, above the bars.

mod groups;
mod relayout;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

pub use self::relayout::{Changed, relayout};

use super::index::Index;
use super::labels;
use crate::i18n::Lang;
use crate::model::{Gap, ItemRef, Provenance, Roadmap};

/// The most characters of an item's text a label carries; the view elides it further to the room
/// it has on screen.
const LABEL_CHARS: usize = 40;

/// The longest a lane title may be: the title column wraps it between words and shortens it by
/// whole words to its lane's height, so it is given nearly whole.
const LANE_TITLE_CHARS: usize = 120;

/// How measure lanes are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Grouping {
    /// One lane per responsible ministry.
    #[default]
    Ministry,
    /// One lane per theme (項目) of the gaps answered.
    Theme,
    /// One lane per proposal (提言).
    Proposal,
}

/// The layer a lane belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Target states.
    Targets,
    /// Gaps, spanning the measures that answer them.
    Gaps,
    /// Measures.
    Measures,
    /// Events.
    Events,
    /// KPI deadlines.
    Kpis,
}

/// A span on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The item.
    pub item: ItemRef,
    /// Start, in fiscal years.
    pub start: f64,
    /// End (exclusive), in fiscal years.
    pub end: f64,
    /// Row within the lane, from 0.
    pub row: usize,
    /// Stated, editorial or assumed timing.
    pub provenance: Provenance,
    /// Label to draw: shared, so that laying out a lane again copies no text.
    pub label: Arc<str>,
}

/// What a marker's position means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// The item's own date: a target state's horizon, an event's date, a KPI's deadline.
    Dated,
    /// A gap no measure answers, placed where [`Anchor`] says, not at a timing of its own.
    Unaddressed(Anchor),
    /// A gap whose measures give no timing, placed where [`Anchor`] says.
    Untimed(Anchor),
}

/// Where a gap without a span of its own is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// At the date of its source document.
    SourceDate,
    /// At the start of the roadmap's horizon: its source gives no date.
    HorizonStart,
}

/// A point on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The item.
    pub item: ItemRef,
    /// Position, in fiscal years.
    pub at: f64,
    /// Row within the lane, from 0.
    pub row: usize,
    /// Label to draw: shared, so that laying out a lane again copies no text.
    pub label: Arc<str>,
    /// What the position means.
    pub kind: MarkerKind,
}

/// A lane: a titled band of rows.
#[derive(Clone, Debug)]
pub struct Lane {
    /// Layer.
    pub layer: Layer,
    /// Title shown at the left.
    pub title: String,
    /// The item the lane stands for (a ministry, theme or proposal), if any.
    pub key: Option<ItemRef>,
    /// Number of rows.
    pub rows: usize,
    /// Spans.
    pub bars: Vec<Bar>,
    /// Points.
    pub markers: Vec<Marker>,
    /// A number given to the lane when it is laid out (unique in the process, and not part of
    /// its value: equality ignores it). An update in place ([`relayout`]) keeps the lanes it
    /// does not lay out again, with their revisions, so that a view keeps what it computed from
    /// them.
    pub revision: u64,
}

impl PartialEq for Lane {
    fn eq(&self, other: &Self) -> bool {
        let Lane {
            layer,
            title,
            key,
            rows,
            bars,
            markers,
            revision: _,
        } = self;
        *layer == other.layer
            && *title == other.title
            && *key == other.key
            && *rows == other.rows
            && *bars == other.bars
            && *markers == other.markers
    }
}

/// A new [`Lane::revision`].
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The whole layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// Lanes from top to bottom.
    pub lanes: Vec<Lane>,
    /// First fiscal year of the horizon.
    pub start_fy: i32,
    /// Last fiscal year of the horizon.
    pub end_fy: i32,
}

/// Packs intervals `(start, end)` into rows greedily, earliest start first: each goes into the
/// first row where it fits. Returns each interval's row, in input order, and the number of rows.
fn pack(intervals: &[(f64, f64)]) -> (Vec<usize>, usize) {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    order.sort_by(|&a, &b| {
        intervals[a]
            .0
            .total_cmp(&intervals[b].0)
            .then(intervals[a].1.total_cmp(&intervals[b].1))
    });
    // Each goes into the first row where it fits, found in O(log rows).
    let mut fit = super::first_fit::FirstFit::new(intervals.len());
    let mut rows = vec![0; intervals.len()];
    for i in order {
        let (start, end) = intervals[i];
        rows[i] = fit.place(start + 1e-9, end);
    }
    (rows, fit.rows().max(1))
}

fn lane_of_bars(
    layer: Layer,
    title: String,
    key: Option<ItemRef>,
    bars: Vec<BarOf>,
    min_width: f64,
) -> Lane {
    // Labels need room: a bar is treated as at least `min_width` years wide when packing.
    let iv: Vec<(f64, f64)> = bars
        .iter()
        .map(|b| (b.1, b.2.max(b.1 + min_width)))
        .collect();
    let (rows, n) = pack(&iv);
    let bars = bars
        .into_iter()
        .zip(rows)
        .map(|((item, start, end, provenance, label), row)| Bar {
            item,
            start,
            end,
            row,
            provenance,
            label,
        })
        .collect();
    Lane {
        layer,
        title,
        key,
        rows: n,
        bars,
        markers: Vec::new(),
        revision: next_revision(),
    }
}

/// Markers packed into rows, each treated as `min_gap` years wide so that labels have room.
fn packed_markers(markers: Vec<MarkerOf>, min_gap: f64) -> (Vec<Marker>, usize) {
    let iv: Vec<(f64, f64)> = markers.iter().map(|m| (m.1, m.1 + min_gap)).collect();
    let (rows, n) = pack(&iv);
    let markers = markers
        .into_iter()
        .zip(rows)
        .map(|((item, at, label, kind), row)| Marker {
            item,
            at,
            row,
            label,
            kind,
        })
        .collect();
    (markers, n)
}

fn lane_of_markers(
    layer: Layer,
    title: String,
    markers: Vec<(ItemRef, f64, Arc<str>)>,
    min_gap: f64,
) -> Lane {
    let markers = markers
        .into_iter()
        .map(|(item, at, label)| (item, at, label, MarkerKind::Dated))
        .collect();
    let (markers, n) = packed_markers(markers, min_gap);
    Lane {
        layer,
        title,
        key: None,
        rows: n,
        bars: Vec::new(),
        markers,
        revision: next_revision(),
    }
}

/// How many years a label needs: a bar or marker is packed as at least this wide.
const LABEL_YEARS: f64 = 2.5;

/// A measure's bar, if it has a span and is visible: the item, start and end, provenance and
/// label.
type BarOf = (ItemRef, f64, f64, Provenance, Arc<str>);

/// The bar of measure `m` (see [`BarOf`]).
fn measure_bar(
    roadmap: &Roadmap,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
    m: &crate::model::Measure,
) -> Option<BarOf> {
    let r = ItemRef::Measure(m.id.clone());
    let s = m.span.as_ref()?;
    visible(&r).then(|| {
        (
            r.clone(),
            f64::from(s.start_fy),
            f64::from(s.end_fy + 1),
            // A span with an assumed end is drawn as assumed, though its start is stated.
            s.weakest_provenance(),
            labels::short(roadmap, &r, lang, LABEL_CHARS).into(),
        )
    })
}

/// The target states' lane.
fn targets_lane(roadmap: &Roadmap, lang: Lang, visible: &dyn Fn(&ItemRef) -> bool) -> Lane {
    let targets = roadmap
        .items
        .target_states
        .iter()
        .map(|t| (ItemRef::Target(t.id.clone()), t.horizon_year))
        .filter(|(r, _)| visible(r))
        .map(|(r, year)| {
            let label = labels::short(roadmap, &r, lang, LABEL_CHARS);
            (r, f64::from(year), label.into())
        })
        .collect();
    lane_of_markers(
        Layer::Targets,
        lang.pick("目指すべき姿", "Target states").to_owned(),
        targets,
        LABEL_YEARS * 2.0,
    )
}

/// The events' lane.
fn events_lane(roadmap: &Roadmap, lang: Lang, visible: &dyn Fn(&ItemRef) -> bool) -> Lane {
    events_lane_labelled(roadmap, lang, visible, &mut |r| {
        labels::short(roadmap, r, lang, LABEL_CHARS).into()
    })
}

/// The lane of dated events, each labelled by `label` (an event's label is its own: see
/// [`relayout`], which keeps the labels of the events that did not change).
fn events_lane_labelled(
    roadmap: &Roadmap,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
    label: &mut dyn FnMut(&ItemRef) -> Arc<str>,
) -> Lane {
    let events = roadmap
        .items
        .events
        .iter()
        .map(|e| (ItemRef::Event(e.id.clone()), e.when.fy_position()))
        .filter(|(r, _)| visible(r))
        .map(|(r, at)| {
            let label = label(&r);
            (r, at, label)
        })
        .collect();
    lane_of_markers(
        Layer::Events,
        lang.pick("出来事", "Events").to_owned(),
        events,
        LABEL_YEARS,
    )
}

/// The lane of KPI deadlines (top-level KPIs with a target).
fn kpis_lane(roadmap: &Roadmap, lang: Lang, visible: &dyn Fn(&ItemRef) -> bool) -> Lane {
    let kpis = roadmap
        .items
        .kpis
        .iter()
        .filter(|k| k.parent.is_none())
        .filter_map(|k| {
            let r = ItemRef::Kpi(k.id.clone());
            let t = k.target.as_ref()?;
            visible(&r).then(|| {
                (
                    r.clone(),
                    f64::from(t.deadline_fy + 1),
                    labels::short(roadmap, &r, lang, LABEL_CHARS).into(),
                )
            })
        })
        .collect();
    lane_of_markers(
        Layer::Kpis,
        lang.pick("KPI期限", "KPI deadlines").to_owned(),
        kpis,
        LABEL_YEARS,
    )
}

/// Lays out the timeline of `roadmap`, grouping measures by `grouping`. Only items for which
/// `visible` holds are placed.
pub fn layout(
    roadmap: &Roadmap,
    index: &Index,
    grouping: Grouping,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
) -> Timeline {
    let it = &roadmap.items;
    let mut lanes = Vec::new();

    lanes.push(targets_lane(roadmap, lang, visible));
    lanes.push(gap_lane(roadmap, index, lang, visible));

    let measure_bar = |m: &crate::model::Measure| measure_bar(roadmap, lang, visible, m);
    let mut groups: Vec<(String, Option<ItemRef>, Vec<crate::model::MeasureId>)> =
        groups::keys(roadmap, grouping)
            .into_iter()
            .map(|key| {
                let ids = groups::measures(roadmap, index, &key);
                (groups::title(roadmap, &key, lang), Some(key), ids)
            })
            .collect();
    let grouped: foldhash::HashSet<&crate::model::MeasureId> =
        groups.iter().flat_map(|g| g.2.iter()).collect();
    let others: Vec<_> = it
        .measures
        .iter()
        .filter(|m| !grouped.contains(&m.id))
        .map(|m| m.id.clone())
        .collect();
    groups.push((groups::others_title(lang), None, others));
    for (title, key, ids) in groups {
        let bars: Vec<_> = ids
            .iter()
            .filter_map(|id| roadmap.measure(id))
            .filter_map(&measure_bar)
            .collect();
        if !bars.is_empty() {
            lanes.push(lane_of_bars(Layer::Measures, title, key, bars, LABEL_YEARS));
        }
    }

    lanes.push(events_lane(roadmap, lang, visible));
    lanes.push(kpis_lane(roadmap, lang, visible));

    Timeline {
        lanes,
        start_fy: roadmap.header.start_fy,
        end_fy: roadmap.header.end_fy,
    }
}

/// A gap's place in the gaps lane: a bar spanning the measures that answer it, or a marker.
enum GapPlace {
    Bar(BarOf),
    Marker(MarkerOf),
}

/// A marker before packing: the item, position, label and kind.
type MarkerOf = (ItemRef, f64, Arc<str>, MarkerKind);

/// The place of gap `g`, the `i`-th, labelled `label`, in the gaps lane.
fn gap_place(roadmap: &Roadmap, index: &Index, i: usize, g: &Gap, label: Arc<str>) -> GapPlace {
    let r = ItemRef::Gap(g.id.clone());
    let span_of = |id: &crate::model::MeasureId| roadmap.measure(id).and_then(|m| m.span.as_ref());
    let mut answered = false;
    let mut first: Option<i32> = None;
    let mut last: Option<i32> = None;
    let mut stated = true;
    for m in index.measures_of_nth_gap(i) {
        answered = true;
        let ItemRef::Measure(id) = m else { continue };
        let Some(s) = span_of(id) else { continue };
        first = Some(first.map_or(s.start_fy, |f| f.min(s.start_fy)));
        last = Some(last.map_or(s.end_fy, |l| l.max(s.end_fy)));
        stated &= s.weakest_provenance() == Provenance::Stated;
    }
    if let (Some(start), Some(end)) = (first, last) {
        let provenance = if stated {
            Provenance::Stated
        } else {
            Provenance::Assumed
        };
        return GapPlace::Bar((r, f64::from(start), f64::from(end + 1), provenance, label));
    }
    let source_date = g
        .source
        .as_ref()
        .and_then(|s| roadmap.source(&s.doc))
        .and_then(|s| s.date.as_ref());
    let (at, anchor) = match source_date {
        Some(date) => (date.fy_position(), Anchor::SourceDate),
        None => (f64::from(roadmap.header.start_fy), Anchor::HorizonStart),
    };
    let kind = if answered {
        MarkerKind::Untimed(anchor)
    } else {
        MarkerKind::Unaddressed(anchor)
    };
    GapPlace::Marker((r, at, label, kind))
}

/// The gaps lane: a bar for each gap spanning the measures that answer it, and in the first rows a
/// marker for each gap without such a span ([`MarkerKind::Unaddressed`], [`MarkerKind::Untimed`]).
fn gap_lane(
    roadmap: &Roadmap,
    index: &Index,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
) -> Lane {
    let mut bars = Vec::new();
    let mut markers = Vec::new();
    for (i, g) in roadmap.items.gaps.iter().enumerate() {
        let r = ItemRef::Gap(g.id.clone());
        if !visible(&r) {
            continue;
        }
        let label = labels::short(roadmap, &r, lang, LABEL_CHARS).into();
        match gap_place(roadmap, index, i, g, label) {
            GapPlace::Bar(bar) => bars.push(bar),
            GapPlace::Marker(marker) => markers.push(marker),
        }
    }
    gaps_packed(bars, markers, lang)
}

/// The gaps lane of `bars` and `markers`, each in the gaps' order: the markers take the first
/// rows.
fn gaps_packed(bars: Vec<BarOf>, markers: Vec<MarkerOf>, lang: Lang) -> Lane {
    let mut lane = lane_of_bars(
        Layer::Gaps,
        lang.pick("論点・ギャップ", "Gaps").to_owned(),
        None,
        bars,
        LABEL_YEARS,
    );
    if !markers.is_empty() {
        let (markers, n) = packed_markers(markers, LABEL_YEARS * 2.0);
        for bar in &mut lane.bars {
            bar.row += n;
        }
        lane.rows = if lane.bars.is_empty() {
            n
        } else {
            lane.rows + n
        };
        lane.markers = markers;
    }
    lane
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packing as first written: the first row where it fits, found by a scan.
    fn pack_by_scan(intervals: &[(f64, f64)]) -> (Vec<usize>, usize) {
        let mut order: Vec<usize> = (0..intervals.len()).collect();
        order.sort_by(|&a, &b| {
            intervals[a]
                .0
                .total_cmp(&intervals[b].0)
                .then(intervals[a].1.total_cmp(&intervals[b].1))
        });
        let mut rows = vec![0; intervals.len()];
        let mut row_ends: Vec<f64> = Vec::new();
        for i in order {
            let (start, end) = intervals[i];
            if let Some(r) = row_ends.iter().position(|&e| e <= start + 1e-9) {
                row_ends[r] = end;
                rows[i] = r;
            } else {
                rows[i] = row_ends.len();
                row_ends.push(end);
            }
        }
        (rows, row_ends.len().max(1))
    }

    #[test]
    fn packing_is_packing_by_scan() {
        let mut rng = crate::generate::SplitMix64::new(11);
        for n in [0, 1, 2, 5, 50, 500] {
            let iv: Vec<(f64, f64)> = (0..n)
                .map(|_| {
                    let start = f64::from(rng.between(2018, 2040)) + rng.unit().round() / 2.0;
                    (start, start + f64::from(rng.between(0, 8)) + 2.5)
                })
                .collect();
            assert_eq!(pack(&iv), pack_by_scan(&iv), "{n} intervals");
        }
    }

    #[test]
    fn packing_keeps_overlapping_intervals_apart() {
        let iv = [
            (2020.0, 2025.0),
            (2022.0, 2024.0),
            (2025.0, 2026.0),
            (2023.0, 2030.0),
        ];
        let (rows, n) = pack(&iv);
        assert_eq!(n, 3);
        assert_eq!(rows, vec![0, 1, 0, 2]);
        for i in 0..iv.len() {
            for j in i + 1..iv.len() {
                let overlap = iv[i].0 < iv[j].1 && iv[j].0 < iv[i].1;
                assert!(!(overlap && rows[i] == rows[j]), "{i} and {j} share a row");
            }
        }
    }
}
