//! Updating a timeline after an edit in place ([`crate::edit::Touched`]): items' own fields,
//! links, references, items created or deleted. Only the lanes that show those items, or whose
//! groups' members changed, are laid out again, and in a measure's lane the other bars keep
//! their labels. The result equals a whole [`super::layout`] (the property test
//! `tests/edit_props` checks it after random edits); where it cannot tell, [`relayout`] says
//! so and the caller lays out the whole timeline.

use std::sync::Arc;

use super::{
    BarOf, GapPlace, Grouping, LABEL_CHARS, LABEL_YEARS, Lane, Layer, MarkerOf, Timeline,
    events_lane_labelled, gap_lane, gap_place, gaps_packed, groups, kpis_lane, lane_of_bars,
    measure_bar, targets_lane,
};
use crate::analysis::index::{Index, Relation};
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{ItemKind, ItemRef, MeasureId, Roadmap};

/// Whether the timeline shows an item (it passes the filter and focus mode).
type Shows<'a> = &'a dyn Fn(&ItemRef) -> bool;

/// What an in-place change touched, as far as the timeline is concerned.
pub struct Changed<'a> {
    /// Items whose own fields changed, or that came or went.
    pub items: &'a [ItemRef],
    /// The items at either end of links that changed (with those whose inherited
    /// responsibility changed with them).
    pub ends: &'a [ItemRef],
    /// Items whose lanes' members may have changed with references: those that came or went,
    /// those whose references changed, and the items they referred to before or refer to now.
    pub regrouped: &'a [ItemRef],
}

/// The lanes an in-place change of some items lays out again.
#[derive(Default)]
struct Dirty<'a> {
    targets: bool,
    /// A source changed: the whole gaps lane is laid out again.
    gaps_whole: bool,
    /// Gaps whose own fields changed, or that came or went: placed and labelled again.
    gaps: Vec<&'a ItemRef>,
    /// Themes whose fields changed, or that came or went: their gaps are labelled again.
    themes: Vec<&'a ItemRef>,
    events: bool,
    kpis: bool,
    measures: Vec<&'a ItemRef>,
    /// Ministries, themes and proposals whose fields changed, or that came or went: the lanes
    /// they name.
    groups: Vec<&'a ItemRef>,
}

impl<'a> Dirty<'a> {
    /// What the change of `items` touches.
    fn of(items: &'a [ItemRef]) -> Self {
        let mut dirty = Self::default();
        for item in items {
            match item {
                ItemRef::Target(_) => dirty.targets = true,
                ItemRef::Gap(_) => dirty.gaps.push(item),
                // A gap without a timing is placed at its source's date.
                ItemRef::Source(_) => dirty.gaps_whole = true,
                // A gap spans the measures that answer them (see `gaps_of_measures`).
                ItemRef::Measure(_) => dirty.measures.push(item),
                ItemRef::Event(_) => dirty.events = true,
                ItemRef::Kpi(_) => dirty.kpis = true,
                ItemRef::Stage(_) | ItemRef::Note(_) | ItemRef::Budget(_) => {}
                // A gap's label is tagged with its theme's number.
                ItemRef::Theme(_) => {
                    dirty.themes.push(item);
                    dirty.groups.push(item);
                }
                ItemRef::Ministry(_) | ItemRef::Proposal(_) => dirty.groups.push(item),
            }
        }
        dirty
    }
}

/// The events lane laid out again, with the labels of the events not among `changed` taken
/// from `lane` (an event's label is made from the event alone).
fn events_lane_keeping(
    lane: &mut Lane,
    roadmap: &Roadmap,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
    changed: &[ItemRef],
) -> Lane {
    let mut kept: foldhash::HashMap<ItemRef, Arc<str>> = std::mem::take(&mut lane.markers)
        .into_iter()
        .map(|m| (m.item, m.label))
        .collect();
    for item in changed {
        kept.remove(item);
    }
    events_lane_labelled(roadmap, lang, visible, &mut |r| {
        kept.remove(r)
            .unwrap_or_else(|| labels::short(roadmap, r, lang, LABEL_CHARS).into())
    })
}

/// Brings `timeline`, laid out from `roadmap` before the change, up to date (`index` is of
/// the roadmap as it is now). Returns `false` when it cannot (a lane would vanish that the
/// change cannot tell apart): `timeline` is then partly updated and must be laid out whole.
pub fn relayout(
    timeline: &mut Timeline,
    roadmap: &Roadmap,
    index: &Index,
    grouping: Grouping,
    lang: Lang,
    visible: &dyn Fn(&ItemRef) -> bool,
    change: &Changed<'_>,
) -> bool {
    let Changed {
        items,
        ends,
        regrouped,
    } = *change;
    let dirty = Dirty::of(items);
    // Gaps whose own fields changed, and those of themes that did (a gap is tagged with its
    // theme's number), are labelled again.
    let mut relabelled: Vec<&ItemRef> = dirty
        .gaps
        .iter()
        .copied()
        .chain(
            dirty
                .themes
                .iter()
                .flat_map(|t| index.related(t, |r| r == Relation::ThemeOf, true)),
        )
        .collect();
    relabelled.sort_unstable();
    relabelled.dedup();
    // Gaps span the measures that answer them: those whose links changed, and those a changed
    // measure answers, are placed again.
    let mut gaps: Vec<&ItemRef> = ends
        .iter()
        .filter(|e| matches!(e, ItemRef::Gap(_)))
        .chain(dirty.measures.iter().flat_map(|m| index.gaps_of_measure(m)))
        .chain(relabelled.iter().copied())
        .collect();
    gaps.sort_unstable();
    gaps.dedup();
    let Some(regrouped) = regroup(
        timeline,
        roadmap,
        index,
        (grouping, lang, visible),
        (ends, regrouped, &dirty.groups),
        &dirty.measures,
    ) else {
        return false;
    };
    for lane in &mut timeline.lanes {
        let redone = match lane.layer {
            Layer::Targets if dirty.targets => targets_lane(roadmap, lang, visible),
            Layer::Gaps if dirty.gaps_whole => gap_lane(roadmap, index, lang, visible),
            Layer::Gaps if !gaps.is_empty() => {
                place_gaps(lane, roadmap, index, (lang, visible), &gaps, &relabelled)
            }
            Layer::Events if dirty.events => {
                events_lane_keeping(lane, roadmap, lang, visible, items)
            }
            Layer::Kpis if dirty.kpis => kpis_lane(roadmap, lang, visible),
            Layer::Measures if !dirty.measures.is_empty() && !regrouped.contains(&lane.key) => {
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

/// Lays out again the measure lanes whose measures may have changed with the links between
/// `ends`, the references of `regrouped` or the fields of `groups`: under a ministry grouping
/// the lanes of the ministries among them, under a theme grouping the lanes of the themes among
/// them and of the gaps among the ends, under a proposal grouping the lanes of the proposals
/// among them, and the last lane (measures in no group) when a measure may have joined or left
/// it. Bars of measures in `fresh`, whose own fields changed, are made again; the others keep
/// theirs. A lane appears or vanishes as a whole layout would have it. Returns the groups of
/// the lanes laid out again (`None` for the last lane), or `None` when the lanes cannot be told
/// apart by their groups.
fn regroup(
    timeline: &mut Timeline,
    roadmap: &Roadmap,
    index: &Index,
    (grouping, lang, visible): (Grouping, Lang, Shows<'_>),
    (ends, regrouped, groups): (&[ItemRef], &[ItemRef], &[&ItemRef]),
    fresh: &[&ItemRef],
) -> Option<Vec<Option<ItemRef>>> {
    let grouped_by = |r: &ItemRef| {
        matches!(
            (grouping, r),
            (Grouping::Ministry, ItemRef::Ministry(_))
                | (Grouping::Theme, ItemRef::Theme(_))
                | (Grouping::Proposal, ItemRef::Proposal(_))
        )
    };
    let mut keys: Vec<Option<ItemRef>> = Vec::new();
    for end in ends {
        let key = match (grouping, end) {
            (Grouping::Ministry, ItemRef::Ministry(_)) => Some(end.clone()),
            (Grouping::Theme, ItemRef::Gap(id)) => roadmap
                .gap(id)
                .and_then(|g| g.theme.clone())
                .map(ItemRef::Theme),
            _ => None,
        };
        if let Some(key) = key.filter(|k| roadmap.contains(k)) {
            keys.push(Some(key));
        }
    }
    // A group that came or went has its lane come or go; one whose fields changed its title.
    for group in regrouped.iter().chain(groups.iter().copied()) {
        if grouped_by(group) {
            keys.push(Some(group.clone()));
        }
    }
    // Measures whose links changed, that came or went, whose proposals changed (under a
    // proposal grouping) or whose gaps' themes did (under a theme grouping), may join or leave
    // the last lane.
    let of_regrouped_gaps = regrouped
        .iter()
        .filter(|_| grouping == Grouping::Theme)
        .filter(|g| matches!(g, ItemRef::Gap(_)))
        .flat_map(|g| index.measures_of_gap(g));
    let mut measures: Vec<&ItemRef> = ends
        .iter()
        .filter(|_| grouping != Grouping::Proposal)
        .chain(regrouped)
        .filter(|e| matches!(e, ItemRef::Measure(_)))
        .chain(of_regrouped_gaps)
        .collect();
    measures.sort_unstable();
    measures.dedup();
    // The last lane is laid out again only if one of them is in it, or joins it.
    let in_last = |m: &&ItemRef| {
        timeline
            .lanes
            .iter()
            .filter(|l| l.layer == Layer::Measures && l.key.is_none())
            .any(|l| l.bars.iter().any(|b| &b.item == *m))
    };
    let joins_last = |m: &&ItemRef| {
        let ItemRef::Measure(id) = m else {
            return false;
        };
        roadmap
            .measure(id)
            .and_then(|x| measure_bar(roadmap, lang, visible, x))
            .is_some()
            && !groups::is_grouped(roadmap, index, grouping, m)
    };
    if measures.iter().any(|m| in_last(m) || joins_last(m)) {
        keys.push(None);
    }
    keys.sort_unstable();
    keys.dedup();
    for key in &keys {
        let mut at = timeline
            .lanes
            .iter()
            .enumerate()
            .filter(|(_, l)| l.layer == Layer::Measures && &l.key == key)
            .map(|(i, _)| i);
        let (old, twice) = (at.next(), at.next());
        if twice.is_some() {
            return None;
        }
        let kept = |b: &&super::Bar| !fresh.contains(&&b.item);
        let bar_of = |id: &MeasureId| {
            roadmap
                .measure(id)
                .and_then(|m| measure_bar(roadmap, lang, visible, m))
        };
        let bars: Vec<BarOf> = if let Some(group) = key {
            let before: foldhash::HashMap<&str, &super::Bar> = old
                .map(|i| &timeline.lanes[i].bars)
                .into_iter()
                .flatten()
                .filter(kept)
                .map(|b| (b.item.id_str(), b))
                .collect();
            let members = if roadmap.contains(group) {
                groups::measures(roadmap, index, group)
            } else {
                Vec::new()
            };
            members
                .iter()
                .filter_map(|id| {
                    before
                        .get(id.as_str())
                        .map(|b| bar_tuple(b))
                        .or_else(|| bar_of(id))
                })
                .collect()
        } else {
            let changed = |r: &ItemRef| measures.contains(&r) || fresh.contains(&r);
            let mut bars: Vec<BarOf> = old
                .map(|i| &timeline.lanes[i].bars)
                .into_iter()
                .flatten()
                .filter(|b| !changed(&b.item))
                .map(bar_tuple)
                .collect();
            let position = |r: &ItemRef| roadmap.position_of(ItemKind::Measure, r.id_str());
            let mut joining: Vec<&ItemRef> = measures.iter().chain(fresh).copied().collect();
            joining.sort_unstable();
            joining.dedup();
            for m in joining {
                let ItemRef::Measure(id) = m else { continue };
                if groups::is_grouped(roadmap, index, grouping, m) {
                    continue;
                }
                if let (Some(bar), Some(p)) = (bar_of(id), position(m)) {
                    let k = bars.partition_point(|b| position(&b.0) < Some(p));
                    bars.insert(k, bar);
                }
            }
            bars
        };
        let lane = (!bars.is_empty()).then(|| {
            let title = key.as_ref().map_or_else(
                || groups::others_title(lang),
                |k| groups::title(roadmap, k, lang),
            );
            lane_of_bars(Layer::Measures, title, key.clone(), bars, LABEL_YEARS)
        });
        match (old, lane) {
            (Some(i), Some(lane)) => timeline.lanes[i] = lane,
            (Some(i), None) => {
                timeline.lanes.remove(i);
            }
            (None, Some(lane)) => {
                let ordinal = |k: &Option<ItemRef>| {
                    k.as_ref().map_or(Some(usize::MAX), |k| {
                        roadmap.position_of(k.kind(), k.id_str())
                    })
                };
                let after_gaps = timeline.lanes.iter().position(|l| l.layer == Layer::Gaps)? + 1;
                let at = timeline.lanes[after_gaps..]
                    .iter()
                    .position(|l| l.layer != Layer::Measures || ordinal(&l.key) > ordinal(key))
                    .map_or(timeline.lanes.len(), |i| after_gaps + i);
                timeline.lanes.insert(at, lane);
            }
            (None, None) => {}
        }
    }
    Some(keys)
}

/// A bar as it goes into [`lane_of_bars`].
fn bar_tuple(b: &super::Bar) -> BarOf {
    (
        b.item.clone(),
        b.start,
        b.end,
        b.provenance,
        b.label.clone(),
    )
}

/// The gaps lane `lane` laid out again with `gaps` (sorted, each once) placed again if they
/// exist and are shown: their spans follow the measures that answer them, and those among
/// `relabelled` (sorted) are labelled anew. The other gaps keep their places and labels.
fn place_gaps(
    lane: &Lane,
    roadmap: &Roadmap,
    index: &Index,
    (lang, visible): (Lang, Shows<'_>),
    gaps: &[&ItemRef],
    relabelled: &[&ItemRef],
) -> Lane {
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
    for &gap in gaps {
        let (Some(i), ItemRef::Gap(id)) = (position(gap), gap) else {
            continue;
        };
        let Some(g) = roadmap.gap(id).filter(|_| visible(gap)) else {
            continue;
        };
        // Unless its own fields changed, the gap's label did not change with its measures.
        let kept = labels_kept
            .iter()
            .find(|(r, _)| *r == gap)
            .filter(|_| relabelled.binary_search(&gap).is_err());
        let label: Arc<str> = kept.map_or_else(
            || labels::short(roadmap, gap, lang, super::LABEL_CHARS).into(),
            |(_, l)| Arc::clone(l),
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
