//! The three-column linkage of gaps, measures and ministries (which gap is answered by which
//! measure, and who is responsible for it), and the chains of links a selection lights up.
//!
//! Plain data for the linkage and timeline views: column contents in a readable order, the links
//! between neighbouring columns, and the items and links to emphasise around a selected item;
//! [`place`] puts the boxes of the columns in their places once their heights are known.

pub mod place;
mod relink;

pub use self::relink::relink;

use std::collections::{HashMap, HashSet};

use super::index::{Index, Relation};
use crate::model::{ItemRef, Provenance, Roadmap, Role};

/// Which pair of columns a link joins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkSide {
    /// Gap → measure answering it (`AddressedBy`).
    GapMeasure,
    /// Measure → ministry responsible for it (`Responsible`).
    MeasureMinistry,
}

/// A link between two neighbouring columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnLink {
    /// The item in the left column.
    pub from: ItemRef,
    /// The item in the right column.
    pub to: ItemRef,
    /// Which columns it joins.
    pub side: LinkSide,
    /// Stated, editorial or assumed.
    pub provenance: Provenance,
    /// The ministry's role, for a responsibility link.
    pub role: Option<Role>,
}

/// The contents of the three columns, top to bottom, and the links between them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// Gaps (小論点, 2018 gaps), in roadmap order.
    pub gaps: Vec<ItemRef>,
    /// Measures, in the order of the first gap they answer, then the rest in roadmap order.
    pub measures: Vec<ItemRef>,
    /// Ministries, in roadmap order.
    pub ministries: Vec<ItemRef>,
    /// Links between gaps and measures, and measures and ministries, both ends in the columns.
    pub links: Vec<ColumnLink>,
}

impl Columns {
    /// How many links each item has in the columns (items without links are absent).
    pub fn degrees(&self) -> HashMap<&ItemRef, usize> {
        let mut out: HashMap<&ItemRef, usize> = HashMap::new();
        for l in &self.links {
            *out.entry(&l.from).or_default() += 1;
            *out.entry(&l.to).or_default() += 1;
        }
        out
    }
}

/// Lays out the columns of `roadmap`, keeping only items for which `visible` holds.
///
/// Measures follow the gaps they answer, so that curves cross as little as a simple order allows.
pub fn columns(roadmap: &Roadmap, index: &Index, visible: &dyn Fn(&ItemRef) -> bool) -> Columns {
    let it = &roadmap.items;
    let gaps: Vec<ItemRef> = it
        .gaps
        .iter()
        .map(|g| ItemRef::Gap(g.id.clone()))
        .filter(|r| visible(r))
        .collect();
    let all_measures: Vec<ItemRef> = it
        .measures
        .iter()
        .map(|m| ItemRef::Measure(m.id.clone()))
        .filter(|r| visible(r))
        .collect();
    let measure_set: HashSet<&ItemRef> = all_measures.iter().collect();
    let mut placed: HashSet<&ItemRef> = HashSet::with_capacity(all_measures.len());
    let mut measures: Vec<ItemRef> = Vec::with_capacity(all_measures.len());
    for g in &gaps {
        for m in index.measures_of_gap(g) {
            if let Some(&m) = measure_set.get(m)
                && placed.insert(m)
            {
                measures.push(m.clone());
            }
        }
    }
    for m in &all_measures {
        if placed.insert(m) {
            measures.push(m.clone());
        }
    }
    let ministries: Vec<ItemRef> = it
        .ministries
        .iter()
        .map(|m| ItemRef::Ministry(m.code.clone()))
        .filter(|r| visible(r))
        .collect();
    let ministry_set: HashSet<&ItemRef> = ministries.iter().collect();

    let mut links = Vec::new();
    for g in &gaps {
        for e in index.edges(g) {
            if e.relation == Relation::Addresses && e.outgoing && measure_set.contains(e.other) {
                links.push(ColumnLink {
                    from: g.clone(),
                    to: e.other.clone(),
                    side: LinkSide::GapMeasure,
                    provenance: e.provenance,
                    role: None,
                });
            }
        }
    }
    for m in &measures {
        for e in index.edges(m) {
            if let Relation::Responsible(role) = e.relation
                && e.outgoing
                && ministry_set.contains(e.other)
            {
                links.push(ColumnLink {
                    from: m.clone(),
                    to: e.other.clone(),
                    side: LinkSide::MeasureMinistry,
                    provenance: e.provenance,
                    role: Some(role),
                });
            }
        }
    }
    Columns {
        gaps,
        measures,
        ministries,
        links,
    }
}

/// The chain through the three columns around `item`: a gap with its measures and their
/// ministries; a measure with its gaps and ministries; a ministry with its measures and their gaps.
/// `None` for items of other kinds, which have no place in the columns.
pub fn chain(index: &Index, item: &ItemRef) -> Option<HashSet<ItemRef>> {
    let mut out = HashSet::new();
    out.insert(item.clone());
    match item {
        ItemRef::Gap(_) => {
            for m in index.measures_of_gap(item) {
                out.insert(m.clone());
                out.extend(index.ministries_of_measure(m).map(|(x, _)| x.clone()));
            }
        }
        ItemRef::Measure(_) => {
            out.extend(index.gaps_of_measure(item).cloned());
            out.extend(index.ministries_of_measure(item).map(|(x, _)| x.clone()));
        }
        ItemRef::Ministry(_) => {
            for (m, _) in index.measures_of_ministry(item) {
                out.insert(m.clone());
                out.extend(index.gaps_of_measure(m).cloned());
            }
        }
        _ => return None,
    }
    Some(out)
}

/// A link to draw around a selection: from one item to another, with its provenance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusLink {
    /// Nearer end (the selection, or the item one step from it).
    pub from: ItemRef,
    /// Farther end.
    pub to: ItemRef,
    /// Stated, editorial or assumed.
    pub provenance: Provenance,
}

/// The links around `item`: every link of the item itself (not its source citations), and for a
/// gap, measure or proposal the second step along the gap → measure → ministry / target chain, the
/// same reach as [`Index::neighbourhood`].
pub fn focus_links(index: &Index, item: &ItemRef) -> Vec<FocusLink> {
    let mut out: Vec<FocusLink> = Vec::new();
    let mut seen: HashSet<(ItemRef, ItemRef)> = HashSet::new();
    let mut push = |from: &ItemRef, to: &ItemRef, provenance: Provenance| {
        let key = if from <= to {
            (from.clone(), to.clone())
        } else {
            (to.clone(), from.clone())
        };
        if from != to && seen.insert(key) {
            out.push(FocusLink {
                from: from.clone(),
                to: to.clone(),
                provenance,
            });
        }
    };
    for e in index.edges(item) {
        if e.relation == Relation::Cites {
            continue;
        }
        push(item, e.other, e.provenance);
    }
    for e in index.edges(item) {
        let chain = matches!(
            (item, e.other),
            (ItemRef::Gap(_) | ItemRef::Proposal(_), ItemRef::Measure(_))
                | (ItemRef::Measure(_), ItemRef::Gap(_))
        );
        if !chain {
            continue;
        }
        for e2 in index.edges(e.other) {
            if matches!(
                e2.relation,
                Relation::Responsible(_) | Relation::ContributesTo | Relation::Addresses
            ) {
                push(e.other, e2.other, e2.provenance);
            }
        }
    }
    out
}

/// Places boxes of `heights` in a column: each as near as it can to its wanted top, in the order of
/// the wanted tops, never overlapping and never above `min_top`, with `spacing` between boxes.
/// Returns each box's top, in input order.
pub fn stack(wanted_tops: &[f32], heights: &[f32], spacing: f32, min_top: f32) -> Vec<f32> {
    let mut order: Vec<usize> = (0..wanted_tops.len().min(heights.len())).collect();
    order.sort_by(|&a, &b| wanted_tops[a].total_cmp(&wanted_tops[b]).then(a.cmp(&b)));
    let mut tops = vec![0.0; order.len()];
    let mut next = min_top;
    for i in order {
        let top = wanted_tops[i].max(next);
        tops[i] = top;
        next = top + heights[i] + spacing;
    }
    tops
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{FileSystem, parse_roadmap};

    struct Fixture;

    impl FileSystem for Fixture {
        fn read(&self, _path: &Path) -> std::io::Result<Vec<u8>> {
            Ok(include_bytes!("../../tests/fixtures/valid/roadmap.ron").to_vec())
        }
    }

    pub(crate) fn fixture() -> Roadmap {
        parse_roadmap(&Fixture, Path::new("roadmap.ron"))
            .expect("the fixture parses")
            .roadmap
    }

    fn gap(id: &str) -> ItemRef {
        ItemRef::Gap(crate::model::GapId::new(id).expect("valid id"))
    }

    fn measure(id: &str) -> ItemRef {
        ItemRef::Measure(crate::model::MeasureId::new(id).expect("valid id"))
    }

    fn ministry(code: &str) -> ItemRef {
        ItemRef::Ministry(crate::model::MinistryCode::new(code).expect("valid code"))
    }

    #[test]
    fn columns_follow_the_gaps_and_keep_only_visible_items() {
        let roadmap = fixture();
        let index = Index::build(&roadmap);
        let all = columns(&roadmap, &index, &|_| true);
        assert_eq!(all.gaps.len(), 3);
        assert_eq!(all.measures.len(), 4);
        // m.response answers the first gap, so it comes first although it is first anyway;
        // every measure appears once.
        assert_eq!(all.measures[0], measure("m.response"));
        let unique: HashSet<_> = all.measures.iter().collect();
        assert_eq!(unique.len(), all.measures.len());
        assert!(all.links.iter().any(|l| l.from == gap("gap.1-1")
            && l.to == measure("m.response")
            && l.side == LinkSide::GapMeasure));
        assert!(all.links.iter().any(|l| l.from == measure("m.response")
            && l.to == ministry("文")
            && l.role == Some(Role::CoLead)));

        let hidden = measure("m.response");
        let some = columns(&roadmap, &index, &|r| r != &hidden);
        assert!(!some.measures.contains(&hidden));
        assert!(
            some.links
                .iter()
                .all(|l| l.from != hidden && l.to != hidden)
        );
    }

    #[test]
    fn chains_run_through_the_three_columns() {
        let roadmap = fixture();
        let index = Index::build(&roadmap);
        let from_gap = chain(&index, &gap("gap.1-1")).expect("a gap has a chain");
        assert!(from_gap.contains(&measure("m.response")));
        assert!(from_gap.contains(&ministry("文")));
        assert!(!from_gap.contains(&ministry("厚")));
        let from_ministry = chain(&index, &ministry("文")).expect("a ministry has a chain");
        assert!(from_ministry.contains(&gap("gap.1-1")));
        let kpi = ItemRef::Kpi(crate::model::KpiId::new("kpi.trials").expect("valid id"));
        assert!(chain(&index, &kpi).is_none());
    }

    #[test]
    fn focus_links_reach_two_steps_from_a_gap() {
        let roadmap = fixture();
        let index = Index::build(&roadmap);
        let links = focus_links(&index, &gap("gap.1-1"));
        assert!(
            links
                .iter()
                .any(|l| l.from == gap("gap.1-1") && l.to == measure("m.response"))
        );
        assert!(
            links
                .iter()
                .any(|l| l.from == measure("m.response") && l.to == ministry("文"))
        );
        // No link is listed twice, whichever way round.
        for (i, a) in links.iter().enumerate() {
            for b in &links[i + 1..] {
                assert!(!(a.from == b.to && a.to == b.from));
                assert!(!(a.from == b.from && a.to == b.to));
            }
        }
    }

    #[test]
    fn stacking_never_overlaps() {
        let tops = stack(&[0.0, 5.0, 100.0, 2.0], &[10.0, 10.0, 10.0, 10.0], 2.0, 0.0);
        // Ordered by wanted top: 0, 3 (at 2), 1 (at 5), 2 (at 100).
        assert!((tops[0] - 0.0).abs() < 1e-6);
        assert!((tops[3] - 12.0).abs() < 1e-6);
        assert!((tops[1] - 24.0).abs() < 1e-6);
        assert!((tops[2] - 100.0).abs() < 1e-6);
    }
}
