//! The references an item holds, as the index reads them: the one place that says which edge a
//! gap's theme, a proposal's actions, a KPI's parent, a budget's programme or a cited source
//! makes, and where among an item's edges it stands. [`Index::build`] adds them kind by kind;
//! [`Index::rerefer`] adds those of some items again after they were created, deleted or had
//! their references changed, in the same order.

use super::{Index, Key, Origin, Stored};
use crate::analysis::index::Relation;
use crate::model::{
    Budget, Event, Gap, ItemKind, ItemRef, Kpi, Measure, Ministry, Note, Proposal, Provenance,
    Roadmap, SourceRef, Stage, TargetState, Theme,
};

/// What an item's reference makes: the relation, the item referred to, and the provenance.
pub(super) type Each<'f> = dyn FnMut(Relation, Key<'_>, Provenance) + 'f;

/// Whether the item holding a reference of `relation` is the edge's first end (the reference
/// reads from it), rather than the second (a theme's gaps read from the theme, a KPI's breakdown
/// from the parent).
pub(super) fn holder_first(relation: Relation) -> bool {
    !matches!(relation, Relation::ThemeOf | Relation::KpiParent)
}

/// The kinds whose cited sources the index reads, in the order it reads them.
pub(super) const CITING: [ItemKind; 11] = [
    ItemKind::Ministry,
    ItemKind::Stage,
    ItemKind::Target,
    ItemKind::Note,
    ItemKind::Theme,
    ItemKind::Gap,
    ItemKind::Measure,
    ItemKind::Proposal,
    ItemKind::Kpi,
    ItemKind::Budget,
    ItemKind::Event,
];

/// Where the edges of references of `relation` held by an item of `holder` stand among an
/// item's edges, before the holder's place among the items of its kind: the build reads gaps'
/// themes and stages first, then proposals', KPIs' and budgets' references, then the sources
/// cited, kind by kind in [`CITING`]'s order.
fn pass(relation: Relation, holder: ItemKind) -> (u8, usize) {
    match relation {
        Relation::ThemeOf | Relation::AtStage => (0, 0),
        Relation::ProposalGap | Relation::ProposalAction => (1, 0),
        Relation::KpiParent => (2, 0),
        Relation::Funds => (3, 0),
        _ => (4, CITING.iter().position(|k| *k == holder).unwrap_or(0)),
    }
}

/// Calls `f` with the relation, a [`Key`] of the item of the given kind and ID, and the
/// provenance.
macro_rules! call {
    ($f:ident, $relation:expr, $kind:ident, $id:expr, $provenance:expr) => {{
        let id = $id;
        let make = || ItemRef::$kind(id.clone());
        let key = Key {
            kind: ItemKind::$kind,
            id: id.as_str(),
            make: &make,
        };
        $f($relation, key, $provenance)
    }};
}

/// A gap's theme and stages.
pub(super) fn of_gap(g: &Gap, f: &mut Each<'_>) {
    if let Some(t) = &g.theme {
        call!(f, Relation::ThemeOf, Theme, t, Provenance::Stated);
    }
    for s in &g.stages {
        call!(f, Relation::AtStage, Stage, s, g.placement_provenance);
    }
}

/// A proposal's gap and actions.
pub(super) fn of_proposal(p: &Proposal, f: &mut Each<'_>) {
    if let Some(g) = &p.gap {
        call!(f, Relation::ProposalGap, Gap, g, Provenance::Stated);
    }
    for a in &p.actions {
        call!(f, Relation::ProposalAction, Measure, a, Provenance::Stated);
    }
}

/// A KPI's parent.
pub(super) fn of_kpi(k: &Kpi, f: &mut Each<'_>) {
    if let Some(parent) = &k.parent {
        call!(f, Relation::KpiParent, Kpi, parent, Provenance::Stated);
    }
}

/// The programme a budget line funds.
pub(super) fn of_budget(b: &Budget, f: &mut Each<'_>) {
    if let Some(p) = &b.programme {
        call!(f, Relation::Funds, Measure, p, b.provenance);
    }
}

/// An item that may cite a source.
pub(super) trait Cites {
    /// The source it cites.
    fn cited(&self) -> Option<&SourceRef>;
}

macro_rules! impl_cites {
    ($($T:ident),*) => {$(
        impl Cites for $T {
            fn cited(&self) -> Option<&SourceRef> {
                self.source.as_ref()
            }
        }
    )*};
}
impl_cites!(
    Ministry,
    Stage,
    TargetState,
    Note,
    Theme,
    Gap,
    Measure,
    Proposal,
    Kpi,
    Budget,
    Event
);

/// The source `x` cites.
pub(super) fn cited<T: Cites>(x: &T, f: &mut Each<'_>) {
    if let Some(s) = x.cited() {
        call!(f, Relation::Cites, Source, &s.doc, Provenance::Stated);
    }
}

/// Every reference `item` holds that the index reads, in the order the build reads them; whether
/// the item exists.
fn each_held(roadmap: &Roadmap, item: &ItemRef, f: &mut Each<'_>) -> bool {
    macro_rules! held {
        ($x:expr $(, $of:ident)?) => {
            match $x {
                Some(x) => {
                    $( $of(x, f); )?
                    cited(x, f);
                    true
                }
                None => false,
            }
        };
    }
    match item {
        ItemRef::Source(id) => roadmap.source(id).is_some(),
        ItemRef::Ministry(id) => held!(roadmap.ministry(id)),
        ItemRef::Stage(id) => held!(roadmap.stage(id)),
        ItemRef::Target(id) => held!(roadmap.target(id)),
        ItemRef::Note(id) => held!(roadmap.note(id)),
        ItemRef::Theme(id) => held!(roadmap.theme(id)),
        ItemRef::Gap(id) => held!(roadmap.gap(id), of_gap),
        ItemRef::Measure(id) => held!(roadmap.measure(id)),
        ItemRef::Proposal(id) => held!(roadmap.proposal(id), of_proposal),
        ItemRef::Kpi(id) => held!(roadmap.kpi(id), of_kpi),
        ItemRef::Budget(id) => held!(roadmap.budget(id), of_budget),
        ItemRef::Event(id) => held!(roadmap.event(id)),
    }
}

/// Where an edge of a reference stands among an item's edges: by [`pass`], then the holder's
/// place among the items of its kind.
type Rank = (u8, usize, usize);

impl Index {
    /// Brings the index up to date with `roadmap` after the items `holders` were created, deleted
    /// or had the references they hold changed, `reached` being every item they referred to
    /// before or refer to now (no item moved otherwise; links are brought up to date by
    /// [`Index::relink`], kinds listed again by [`Index::relist`]). The edges made by the
    /// holders' references are taken out of every item they joined and put in again as the
    /// holders hold them now, each where [`Index::build`] would put it. The holders must be
    /// numbered ([`Index::relist`] numbers created ones).
    pub fn rerefer(&mut self, roadmap: &Roadmap, holders: &[ItemRef], reached: &[ItemRef]) {
        let held: Vec<u32> = holders
            .iter()
            .map(|h| self.numbers.number(h.clone()))
            .collect();
        // The edges the holders' references make now, at both ends, in the build's order.
        let mut fresh: Vec<(u32, Stored, Rank)> = Vec::new();
        for (holder, &h) in holders.iter().zip(&held) {
            let kind = holder.kind();
            let Some(place) = roadmap.position_of(kind, holder.id_str()) else {
                continue;
            };
            let numbers = &mut self.numbers;
            each_held(roadmap, holder, &mut |relation, key, provenance| {
                let other = numbers.number_key(key.kind, key.id, key.make);
                let (p, k) = pass(relation, kind);
                let rank = (p, k, place);
                let first = holder_first(relation);
                let stored = |outgoing: bool, other: u32| Stored {
                    relation,
                    outgoing,
                    provenance,
                    other,
                    note: super::NO_NOTE,
                    origin: Origin::Reference,
                };
                // The first end's edge before the second's, as the build puts them.
                let (holder_side, other_side) = (
                    (h, stored(first, other), rank),
                    (other, stored(!first, h), rank),
                );
                if first {
                    fresh.extend([holder_side, other_side]);
                } else {
                    fresh.extend([other_side, holder_side]);
                }
            });
        }
        let mut items: Vec<u32> = held.clone();
        for item in reached {
            items.push(self.numbers.number(item.clone()));
        }
        items.extend(fresh.iter().map(|(at, _, _)| *at));
        items.sort_unstable();
        items.dedup();
        for n in items {
            let list = self.rereferred(roadmap, n, &held, &fresh);
            self.patched.insert(n, list.into_boxed_slice());
        }
    }

    /// The edges of item `n` with those of references held by `held` taken out, and those of
    /// `fresh` stored at `n` put in, each where its rank places it.
    fn rereferred(
        &self,
        roadmap: &Roadmap,
        n: u32,
        held: &[u32],
        fresh: &[(u32, Stored, Rank)],
    ) -> Vec<Stored> {
        let holder = |e: &Stored| {
            if e.outgoing == holder_first(e.relation) {
                n
            } else {
                e.other
            }
        };
        let rank = |e: &Stored| {
            let h = self.numbers.item(holder(e));
            let (p, k) = pass(e.relation, h.kind());
            let place = roadmap
                .position_of(h.kind(), h.id_str())
                .unwrap_or(usize::MAX);
            (p, k, place)
        };
        let mut list: Vec<Stored> = self
            .stored(Some(n))
            .iter()
            .filter(|e| e.origin != Origin::Reference || !held.contains(&holder(e)))
            .copied()
            .collect();
        // Links and inherited responsibility come before references.
        let refs = list
            .iter()
            .position(|e| e.origin == Origin::Reference)
            .unwrap_or(list.len());
        for (_, e, r) in fresh.iter().filter(|(at, _, _)| *at == n) {
            let at = refs + list[refs..].partition_point(|x| rank(x) <= *r);
            list.insert(at, *e);
        }
        list
    }
}
