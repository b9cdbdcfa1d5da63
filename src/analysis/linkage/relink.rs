//! Bringing the linkage columns up to date after links changed, item by item: the gaps whose
//! links changed get their links to measures again, and the measures whose links changed their
//! place in the measure column and their links to ministries. The result equals
//! [`super::columns`] computed whole (the property test `tests/edit_props` checks it after
//! random edits).

use super::{ColumnLink, Columns, LinkSide};
use crate::analysis::index::{Index, Relation};
use crate::model::{ItemKind, ItemRef, Roadmap};

/// Where a measure sits in the measure column: measures answering a gap follow the first gap they
/// answer (by the gap's place, then their own place among its measures), the rest follow in the
/// roadmap's order. The column is sorted by this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    /// After the gap at this place in the roadmap, at this place among its measures.
    Answering(usize, usize),
    /// Answering no gap in the columns; at this place among the roadmap's measures.
    Rest(usize),
}

/// The columns' sense of what they show: an item that exists and passes `visible`.
struct Shown<'a> {
    roadmap: &'a Roadmap,
    index: &'a Index,
    visible: &'a dyn Fn(&ItemRef) -> bool,
}

impl Shown<'_> {
    fn shows(&self, r: &ItemRef) -> bool {
        (self.visible)(r) && self.roadmap.contains(r)
    }

    fn gap_position(&self, gap: &ItemRef) -> Option<usize> {
        self.roadmap.position_of(ItemKind::Gap, gap.id_str())
    }

    /// The slot of `measure`, shown, in the column (see [`Slot`]).
    fn slot(&self, measure: &ItemRef) -> Slot {
        let first = self
            .index
            .gaps_of_measure(measure)
            .filter(|g| self.shows(g))
            .filter_map(|g| Some((self.gap_position(g)?, g)))
            .min_by_key(|(p, _)| *p);
        if let Some((p, gap)) = first
            && let Some(k) = self.index.measures_of_gap(gap).position(|m| m == measure)
        {
            return Slot::Answering(p, k);
        }
        Slot::Rest(
            self.roadmap
                .position_of(ItemKind::Measure, measure.id_str())
                .unwrap_or(usize::MAX),
        )
    }

    /// The links of `gap` to the measures shown, in the order of its edges.
    fn gap_links(&self, gap: &ItemRef) -> Vec<ColumnLink> {
        self.index
            .edges(gap)
            .filter(|e| e.relation == Relation::Addresses && e.outgoing && self.shows(e.other))
            .map(|e| ColumnLink {
                from: gap.clone(),
                to: e.other.clone(),
                side: LinkSide::GapMeasure,
                provenance: e.provenance,
                role: None,
            })
            .collect()
    }

    /// The links of `measure` to the ministries shown, in the order of its edges.
    fn measure_links(&self, measure: &ItemRef) -> Vec<ColumnLink> {
        self.index
            .edges(measure)
            .filter_map(|e| match e.relation {
                Relation::Responsible(role) if e.outgoing && self.shows(e.other) => {
                    Some(ColumnLink {
                        from: measure.clone(),
                        to: e.other.clone(),
                        side: LinkSide::MeasureMinistry,
                        provenance: e.provenance,
                        role: Some(role),
                    })
                }
                _ => None,
            })
            .collect()
    }
}

/// Brings `columns`, computed before the links between `ends` changed and the items `listed`
/// came or went, up to date with `roadmap` and its `index` as they are now; `visible` as
/// [`super::columns`] takes it, unchanged.
pub fn relink(
    columns: &mut Columns,
    roadmap: &Roadmap,
    index: &Index,
    visible: &dyn Fn(&ItemRef) -> bool,
    ends: &[ItemRef],
    listed: &[ItemRef],
) {
    let shown = Shown {
        roadmap,
        index,
        visible,
    };
    // Gaps and ministries that came or went, in the roadmap's order.
    for item in listed {
        let column = match item {
            ItemRef::Gap(_) => &mut columns.gaps,
            ItemRef::Ministry(_) => &mut columns.ministries,
            _ => continue,
        };
        column.retain(|x| x != item);
        if shown.shows(item) {
            let position = |r: &ItemRef| roadmap.position_of(r.kind(), r.id_str());
            let p = position(item);
            let at = column.partition_point(|x| position(x) < p);
            column.insert(at, item.clone());
        }
    }
    let mut ends: Vec<ItemRef> = ends.to_vec();
    for item in listed {
        if matches!(item, ItemRef::Gap(_) | ItemRef::Measure(_)) && !ends.contains(item) {
            ends.push(item.clone());
        }
    }
    let ends = ends.as_slice();
    let is_gap_link = |l: &ColumnLink| l.side == LinkSide::GapMeasure;
    for gap in ends.iter().filter(|e| matches!(e, ItemRef::Gap(_))) {
        columns
            .links
            .retain(|l| !(is_gap_link(l) && &l.from == gap));
        if !shown.shows(gap) {
            continue;
        }
        // Gap links come first, in the gaps' order.
        let gap_links = columns.links.partition_point(is_gap_link);
        let p = shown.gap_position(gap);
        let at = columns.links[..gap_links].partition_point(|l| shown.gap_position(&l.from) < p);
        let links = shown.gap_links(gap);
        columns.links.splice(at..at, links);
    }
    let measures: Vec<&ItemRef> = ends
        .iter()
        .filter(|e| matches!(e, ItemRef::Measure(_)))
        .collect();
    // Out first, all of them: the column stays sorted by the slots as they are now.
    columns.measures.retain(|m| !measures.contains(&m));
    columns
        .links
        .retain(|l| !(l.side == LinkSide::MeasureMinistry && measures.contains(&&l.from)));
    for measure in measures.into_iter().filter(|m| shown.shows(m)) {
        let slot = shown.slot(measure);
        let at = columns.measures.partition_point(|m| shown.slot(m) < slot);
        columns.measures.insert(at, measure.clone());
        // Ministry links follow the gaps' links, in the measures' order.
        let gap_links = columns.links.partition_point(is_gap_link);
        let at =
            gap_links + columns.links[gap_links..].partition_point(|l| shown.slot(&l.from) < slot);
        let links = shown.measure_links(measure);
        columns.links.splice(at..at, links);
    }
}
