//! Updating a timeline after items changed their own fields in place
//! ([`crate::edit::Touched::Items`]): only the lanes that show them are laid out again, and in a
//! measure's lane the other bars keep their labels. The result equals a whole [`super::layout`]
//! (the property test `tests/derived_props.rs` checks it after random edits); where it cannot
//! tell, [`relayout`] says so and the caller lays out the whole timeline.

use super::{
    BarOf, GapPlace, LABEL_YEARS, Lane, Layer, MarkerOf, Timeline, events_lane, gap_lane,
    gap_place, gaps_packed, kpis_lane, lane_of_bars, measure_bar, targets_lane,
};
use crate::analysis::index::Index;
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{ItemKind, ItemRef, Roadmap};

/// The lanes an in-place change of some items lays out again.
#[derive(Default)]
struct Dirty<'a> {
    targets: bool,
    /// Gaps or sources changed: the whole gaps lane is laid out again.
    gaps: bool,
    events: bool,
    kpis: bool,
    measures: Vec<&'a ItemRef>,
}

impl<'a> Dirty<'a> {
    /// What the change of `items` touches; `None` when it may reach beyond their lanes (a
    /// ministry, theme or proposal names lanes and tags other items' labels).
    fn of(items: &'a [ItemRef]) -> Option<Self> {
        let mut dirty = Self::default();
        for item in items {
            match item {
                ItemRef::Target(_) => dirty.targets = true,
                // A gap without a timing is placed at its source's date.
                ItemRef::Gap(_) | ItemRef::Source(_) => dirty.gaps = true,
                // A gap spans the measures that answer it (see `gaps_of_measures`).
                ItemRef::Measure(_) => dirty.measures.push(item),
                ItemRef::Event(_) => dirty.events = true,
                ItemRef::Kpi(_) => dirty.kpis = true,
                ItemRef::Stage(_) | ItemRef::Note(_) | ItemRef::Budget(_) => {}
                ItemRef::Ministry(_) | ItemRef::Theme(_) | ItemRef::Proposal(_) => return None,
            }
        }
        Some(dirty)
    }
}

/// Brings `timeline`, laid out from `roadmap` before `items` changed in place, up to date.
/// Returns `false` when it cannot (a lane would appear or vanish, or an item whose change may
/// reach other lanes): `timeline` is then partly updated and must be laid out whole.
pub fn relayout(
    timeline: &mut Timeline,
    roadmap: &Roadmap,
    index: &Index,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
    items: &[ItemRef],
) -> bool {
    let Some(dirty) = Dirty::of(items) else {
        return false;
    };
    for lane in &mut timeline.lanes {
        let redone = match lane.layer {
            Layer::Targets if dirty.targets => targets_lane(roadmap, lang, visible),
            Layer::Gaps if dirty.gaps => gap_lane(roadmap, index, lang, visible),
            Layer::Gaps if !dirty.measures.is_empty() => {
                gaps_of_measures(lane, roadmap, index, lang, visible, &dirty.measures)
            }
            Layer::Events if dirty.events => events_lane(roadmap, lang, visible),
            Layer::Kpis if dirty.kpis => kpis_lane(roadmap, lang, visible),
            Layer::Measures if !dirty.measures.is_empty() => {
                match measure_lane(lane, roadmap, lang, visible, &dirty.measures) {
                    Redo::Keep => continue,
                    Redo::Lane(lane) => lane,
                    Redo::Whole => return false,
                }
            }
            _ => continue,
        };
        *lane = redone;
    }
    // A measure that had no bar and now has one: which lanes it joins is the grouping's to say.
    dirty.measures.iter().all(|m| {
        let ItemRef::Measure(id) = m else {
            return true;
        };
        let drawn = roadmap
            .measure(id)
            .and_then(|x| measure_bar(roadmap, lang, visible, x))
            .is_some();
        !drawn
            || timeline
                .lanes
                .iter()
                .any(|l| l.layer == Layer::Measures && l.bars.iter().any(|b| &b.item == *m))
    })
}

/// The gaps lane `lane` laid out again after `measures` changed: the gaps they answer are placed
/// again (their span follows the measures'), the others keep their places and labels.
fn gaps_of_measures(
    lane: &Lane,
    roadmap: &Roadmap,
    index: &Index,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
    measures: &[&ItemRef],
) -> Lane {
    let mut gaps: Vec<&ItemRef> = measures
        .iter()
        .flat_map(|m| index.gaps_of_measure(m))
        .filter(|g| visible(g))
        .collect();
    gaps.sort_unstable();
    gaps.dedup();
    let position = |r: &ItemRef| roadmap.position_of(ItemKind::Gap, r.id_str());
    let mut bars: Vec<BarOf> = Vec::with_capacity(lane.bars.len() + gaps.len());
    let mut markers: Vec<MarkerOf> = Vec::with_capacity(lane.markers.len() + gaps.len());
    let mut labels_kept = Vec::with_capacity(gaps.len());
    for b in &lane.bars {
        if gaps.binary_search(&&b.item).is_ok() {
            labels_kept.push((&b.item, &b.label));
        } else {
            bars.push((
                b.item.clone(),
                b.start,
                b.end,
                b.provenance,
                b.label.clone(),
            ));
        }
    }
    for m in &lane.markers {
        if gaps.binary_search(&&m.item).is_ok() {
            labels_kept.push((&m.item, &m.label));
        } else {
            markers.push((m.item.clone(), m.at, m.label.clone(), m.kind));
        }
    }
    for gap in gaps {
        let (Some(i), ItemRef::Gap(id)) = (position(gap), gap) else {
            continue;
        };
        let Some(g) = roadmap.gap(id) else { continue };
        // The gap's own label did not change with its measures.
        let label = labels_kept.iter().find(|(r, _)| *r == gap).map_or_else(
            || labels::short(roadmap, gap, lang, super::LABEL_CHARS),
            |(_, l)| (*l).clone(),
        );
        // In the gaps' order, as a whole layout lists them.
        let at = |r: &ItemRef| position(r).unwrap_or(usize::MAX);
        match gap_place(roadmap, index, i, g, label) {
            GapPlace::Bar(bar) => {
                let k = bars.partition_point(|b| at(&b.0) < i);
                bars.insert(k, bar);
            }
            GapPlace::Marker(marker) => {
                let k = markers.partition_point(|m| at(&m.0) < i);
                markers.insert(k, marker);
            }
        }
    }
    gaps_packed(bars, markers, lang)
}

/// What to do with one measure lane.
enum Redo {
    /// It shows none of the measures changed.
    Keep,
    /// Its new layout.
    Lane(Lane),
    /// It would vanish: lay out the whole timeline.
    Whole,
}

/// `lane` laid out again with the bars of `measures` as they are now, the others as they were,
/// in the same order.
fn measure_lane(
    lane: &Lane,
    roadmap: &Roadmap,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
    measures: &[&ItemRef],
) -> Redo {
    if !lane.bars.iter().any(|b| measures.contains(&&b.item)) {
        return Redo::Keep;
    }
    let bars: Vec<BarOf> = lane
        .bars
        .iter()
        .filter_map(|b| {
            if !measures.contains(&&b.item) {
                return Some((
                    b.item.clone(),
                    b.start,
                    b.end,
                    b.provenance,
                    b.label.clone(),
                ));
            }
            let ItemRef::Measure(id) = &b.item else {
                return None;
            };
            measure_bar(roadmap, lang, visible, roadmap.measure(id)?)
        })
        .collect();
    if bars.is_empty() {
        return Redo::Whole;
    }
    Redo::Lane(lane_of_bars(
        Layer::Measures,
        lane.title.clone(),
        lane.key.clone(),
        bars,
        LABEL_YEARS,
    ))
}
