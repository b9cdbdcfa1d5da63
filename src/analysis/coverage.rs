//! Coverage: what is still unaddressed or unassigned, who carries how much, which KPIs lag.

use std::collections::BTreeMap;

use super::index::Index;
use crate::model::{
    Comparison, ItemRef, Kpi, Measure, MeasureKind, MinistryCode, Provenance, Roadmap, Role,
};

/// A ministry's load: how many measures it leads, co-leads and supports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Load {
    /// Measures it leads alone.
    pub lead: usize,
    /// Measures it shares with other ministries.
    pub co_lead: usize,
    /// Measures it supports.
    pub support: usize,
}

impl Load {
    /// All measures it is responsible for.
    pub fn total(&self) -> usize {
        self.lead + self.co_lead + self.support
    }
}

/// A KPI that lags its target, and by how much.
#[derive(Clone, Debug, PartialEq)]
pub struct LaggingKpi {
    /// The KPI.
    pub kpi: ItemRef,
    /// Latest value.
    pub latest: f64,
    /// The value expected by now (the target pro-rated over the years reported).
    pub expected: f64,
    /// The target.
    pub target: f64,
}

/// The coverage report of a roadmap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    /// Gaps no measure addresses.
    pub unaddressed_gaps: Vec<ItemRef>,
    /// Measures (other than frameworks) with no responsible ministry.
    pub measures_without_ministry: Vec<ItemRef>,
    /// Measures with no span.
    pub measures_without_span: Vec<ItemRef>,
    /// Measures whose span is assumed rather than stated.
    pub measures_with_assumed_span: Vec<ItemRef>,
    /// Each ministry's load, by code.
    pub load: BTreeMap<MinistryCode, Load>,
    /// KPIs behind target.
    pub lagging_kpis: Vec<LaggingKpi>,
}

/// Computes the coverage report.
pub fn coverage(roadmap: &Roadmap, index: &Index) -> Coverage {
    let it = &roadmap.items;
    let mut c = Coverage::default();
    for (i, g) in it.gaps.iter().enumerate() {
        if index.measures_of_nth_gap(i).next().is_none() {
            c.unaddressed_gaps.push(ItemRef::Gap(g.id.clone()));
        }
    }
    for m in &it.ministries {
        c.load.insert(m.code.clone(), Load::default());
    }
    for (i, m) in it.measures.iter().enumerate() {
        let r = || ItemRef::Measure(m.id.clone());
        let mut any = false;
        for (ministry, role) in index.ministries_of_nth_measure(i) {
            any = true;
            if let ItemRef::Ministry(code) = ministry {
                let load = c.load.entry(code.clone()).or_default();
                match role {
                    Role::Lead => load.lead += 1,
                    Role::CoLead => load.co_lead += 1,
                    Role::Support => load.support += 1,
                }
            }
        }
        if !any && m.kind != MeasureKind::Framework {
            c.measures_without_ministry.push(r());
        }
        if m.span.is_none() {
            c.measures_without_span.push(r());
        }
        if assumed_span(m) {
            c.measures_with_assumed_span.push(r());
        }
    }
    c.lagging_kpis = it.kpis.iter().filter_map(lagging).collect();
    c
}

/// Whether `m` has a span that is assumed rather than stated.
fn assumed_span(m: &Measure) -> bool {
    m.span
        .as_ref()
        .is_some_and(|s| s.provenance != Provenance::Stated)
}

/// `k` if it lags its target: the target pro-rated over the years from the first reported year
/// to the deadline, against the latest value.
fn lagging(k: &Kpi) -> Option<LaggingKpi> {
    let (Some(target), Some(latest)) = (&k.target, &k.latest) else {
        return None;
    };
    let first = k
        .actuals
        .iter()
        .map(|a| a.fy)
        .min()
        .unwrap_or(latest.as_of_fy);
    // In i64, and with the deadline at least a year after the start, so that neither the
    // arithmetic nor the clamp can fail whatever years the KPI names.
    let first = i64::from(first);
    let years_total = (i64::from(target.deadline_fy) - first + 1).max(1);
    let years_done = (i64::from(latest.as_of_fy) - first + 1).clamp(0, years_total);
    let (years_total, years_done) = (years_total as f64, years_done as f64);
    let expected = target.value * years_done / years_total;
    let behind = match target.comparison {
        Comparison::AtLeast => latest.value < expected,
        Comparison::AtMost => latest.value > target.value,
    };
    behind.then(|| LaggingKpi {
        kpi: ItemRef::Kpi(k.id.clone()),
        latest: latest.value,
        expected,
        target: target.value,
    })
}

impl Coverage {
    /// Brings the report up to date after an edit that changed no more than what `items` say:
    /// the gaps, measures, ministries and KPIs among them are counted again, each list keeping
    /// the roadmap's order; the others are as they were. `items` must hold every item whose own
    /// fields changed, that was created or removed, or whose links' edges changed in `index`
    /// (the ends of changed links, and the measures and ministries whose inherited
    /// responsibility changed with them). The result is what [`coverage`] gives, with a pass
    /// over only those items instead of over every measure.
    pub fn recount<'a>(
        &mut self,
        roadmap: &Roadmap,
        index: &Index,
        items: impl IntoIterator<Item = &'a ItemRef>,
    ) {
        let mut by_kind: [foldhash::HashSet<&ItemRef>; 4] = Default::default();
        for item in items {
            let k = match item {
                ItemRef::Gap(_) => 0,
                ItemRef::Measure(_) => 1,
                ItemRef::Ministry(_) => 2,
                ItemRef::Kpi(_) => 3,
                _ => continue,
            };
            by_kind[k].insert(item);
        }
        let [gaps, measures, mut ministries, kpis] = by_kind;
        // A measure that came or went changes the load of the ministries it is linked to, even
        // where those links did not change (links to a measure that did not exist yet).
        for m in &measures {
            for (ministry, _) in index.ministries_of_measure(m) {
                ministries.insert(ministry);
            }
        }
        recount(&mut self.unaddressed_gaps, roadmap, &gaps, same_item, |g| {
            (index.measures_of_gap(g).next().is_none()).then(|| g.clone())
        });
        let measure = |r: &ItemRef| match r {
            ItemRef::Measure(id) => roadmap.measure(id),
            _ => None,
        };
        recount(
            &mut self.measures_without_ministry,
            roadmap,
            &measures,
            same_item,
            |r| {
                let m = measure(r)?;
                (m.kind != MeasureKind::Framework
                    && index.ministries_of_measure(r).next().is_none())
                .then(|| r.clone())
            },
        );
        recount(
            &mut self.measures_without_span,
            roadmap,
            &measures,
            same_item,
            |r| measure(r)?.span.is_none().then(|| r.clone()),
        );
        recount(
            &mut self.measures_with_assumed_span,
            roadmap,
            &measures,
            same_item,
            |r| assumed_span(measure(r)?).then(|| r.clone()),
        );
        recount(
            &mut self.lagging_kpis,
            roadmap,
            &kpis,
            kpi_of,
            |r| match r {
                ItemRef::Kpi(id) => lagging(roadmap.kpi(id)?),
                _ => None,
            },
        );
        for ministry in ministries {
            let ItemRef::Ministry(code) = ministry else {
                continue;
            };
            let mut load = Load::default();
            let mut any = roadmap.contains(ministry);
            for role in index.roles_of_ministry(ministry) {
                any = true;
                match role {
                    Role::Lead => load.lead += 1,
                    Role::CoLead => load.co_lead += 1,
                    Role::Support => load.support += 1,
                }
            }
            if any {
                self.load.insert(code.clone(), load);
            } else {
                self.load.remove(code);
            }
        }
    }
}

/// Counts again the entries of `list` (in the roadmap's order, one per item, named by `item_of`)
/// for the items in `items`: each is taken out, and put back at its place if `entry` still
/// makes one for it.
fn recount<T>(
    list: &mut Vec<T>,
    roadmap: &Roadmap,
    items: &foldhash::HashSet<&ItemRef>,
    item_of: fn(&T) -> &ItemRef,
    entry: impl Fn(&ItemRef) -> Option<T>,
) {
    if items.is_empty() {
        return;
    }
    let position = |r: &ItemRef| roadmap.position_of(r.kind(), r.id_str());
    // Items no longer in the roadmap have no place to search from: their entries are found by a
    // scan. The others are found by their places, in a list in the roadmap's order.
    let mut present: Vec<(usize, &ItemRef)> = Vec::with_capacity(items.len());
    let mut gone: Vec<&ItemRef> = Vec::new();
    for &r in items {
        match position(r) {
            Some(p) => present.push((p, r)),
            None => gone.push(r),
        }
    }
    if !gone.is_empty() {
        list.retain(|x| !gone.contains(&item_of(x)));
    }
    present.sort_unstable_by_key(|(p, _)| *p);
    for (p, r) in present {
        let at = list.partition_point(|y| position(item_of(y)).is_some_and(|q| q < p));
        let there = list.get(at).is_some_and(|y| item_of(y) == r);
        match (entry(r), there) {
            (Some(x), true) => list[at] = x,
            (Some(x), false) => list.insert(at, x),
            (None, true) => {
                list.remove(at);
            }
            (None, false) => {}
        }
    }
}

/// An entry that is the item itself.
fn same_item(r: &ItemRef) -> &ItemRef {
    r
}

/// The KPI of a lagging entry.
fn kpi_of(l: &LaggingKpi) -> &ItemRef {
    &l.kpi
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, LinkKind, MeasureId};

    /// A measure of the bundled roadmap with a ministry responsible for it and a gap it answers.
    fn linked_measure(roadmap: &Roadmap) -> MeasureId {
        let links = &roadmap.items.links;
        roadmap
            .items
            .measures
            .iter()
            .map(|m| &m.id)
            .find(|id| {
                let has = |f: &dyn Fn(&LinkKind) -> bool| links.iter().any(|l| f(&l.link));
                has(&|l| matches!(l, LinkKind::Responsible { measure, .. } if measure == *id))
                    && has(
                        &|l| matches!(l, LinkKind::AddressedBy { measure, .. } if measure == *id),
                    )
            })
            .expect("a measure with a ministry and a gap")
            .clone()
    }

    /// `coverage` of `roadmap` as built whole, and `before` counted again for `items` against
    /// an index brought up to date in place.
    fn both(roadmap: &Roadmap, mut index: Index, before: &Coverage, items: &[ItemRef]) {
        index.relist(roadmap, items);
        let mut counted = before.clone();
        counted.recount(roadmap, &index, items);
        let whole = coverage(roadmap, &Index::build(roadmap));
        assert_eq!(counted, whole);
    }

    #[test]
    fn a_measure_removed_or_restored_with_its_links_left_is_counted_again() {
        let mut roadmap = crate::bundled::open().expect("opens").roadmap;
        let id = linked_measure(&roadmap);
        let item = ItemRef::Measure(id.clone());
        let at = roadmap
            .position_of(ItemKind::Measure, id.as_str())
            .expect("there");
        let full = coverage(&roadmap, &Index::build(&roadmap));

        // Removed alone: its links stay, to a measure that no longer exists, and no longer
        // count towards its ministries' load.
        let index = Index::build(&roadmap);
        let measure = roadmap.items.measures.remove(at);
        roadmap.reindex();
        both(&roadmap, index, &full, std::slice::from_ref(&item));
        let without = coverage(&roadmap, &Index::build(&roadmap));
        assert_ne!(without.load, full.load, "the removed measure carried load");

        // Restored: the links it had count again, though none of them changed.
        let index = Index::build(&roadmap);
        roadmap.items.measures.insert(at, measure);
        roadmap.reindex();
        both(&roadmap, index, &without, &[item]);
    }

    #[test]
    fn a_link_removed_is_counted_again_at_its_ends() {
        let mut roadmap = crate::bundled::open().expect("opens").roadmap;
        let id = linked_measure(&roadmap);
        let full = coverage(&roadmap, &Index::build(&roadmap));
        let mut index = Index::build(&roadmap);
        let of_measure = |l: &LinkKind| matches!(l, LinkKind::Responsible { measure, .. } | LinkKind::AddressedBy { measure, .. } if *measure == id);
        let mut ends: Vec<ItemRef> = Vec::new();
        for l in roadmap.items.links.iter().filter(|l| of_measure(&l.link)) {
            ends.extend(l.link.ends());
        }
        roadmap.items.links.retain(|l| !of_measure(&l.link));
        roadmap.reindex();
        let ends = index.relink(&roadmap, &ends);
        let mut counted = full.clone();
        counted.recount(&roadmap, &index, &ends);
        assert_eq!(counted, coverage(&roadmap, &Index::build(&roadmap)));
        assert_ne!(counted, full);
    }
}
