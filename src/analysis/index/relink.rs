//! Bringing the index up to date after links were added, removed or replaced, by computing again
//! only the edges of the items at their ends.

use super::{Index, NO_NOTE, Origin, Relation, Stored};
use crate::model::{
    ItemKind, ItemRef, LinkKind, MeasureId, MeasureKind, Provenance, Roadmap, Role,
};

/// The two ends of a link, by kind and ID ([`LinkKind::end_keys`]), and the relation it makes
/// from its first end: the one place that says how a link reads in the index.
pub(super) fn link_ends(link: &LinkKind) -> ((ItemKind, &str), Relation, (ItemKind, &str)) {
    let [from, to] = link.end_keys();
    let relation = match link {
        LinkKind::AddressedBy { .. } => Relation::Addresses,
        LinkKind::Responsible { role, .. } => Relation::Responsible(*role),
        LinkKind::ContributesTo { .. } => Relation::ContributesTo,
        LinkKind::Blocks { .. } => Relation::Blocks,
        LinkKind::Continues { .. } => Relation::Continues,
        LinkKind::SameAs { .. } => Relation::SameAs,
        LinkKind::MeasuredBy { .. } => Relation::MeasuredBy,
        LinkKind::Through { .. } => Relation::Through,
    };
    (from, relation, to)
}

impl Index {
    /// Brings the index up to date with `roadmap` after links between `ends` were added, removed
    /// or replaced (items created or deleted are listed again by [`Index::relist`], references
    /// changed by [`Index::rerefer`]; no item moved): the edges of the
    /// items whose edges may have changed are computed again, the same as [`Index::build`]
    /// would, in one pass over the links (and one more when responsibility is inherited
    /// through programmes). Returns those items: the ends, and the items whose inherited
    /// responsibility may have changed with them.
    pub fn relink(&mut self, roadmap: &Roadmap, ends: &[ItemRef]) -> Vec<ItemRef> {
        let items = self.reached(roadmap, ends);
        let mut lists: Vec<(u32, Vec<Stored>)> = items
            .iter()
            .map(|item| (self.numbers.number(item.clone()), Vec::new()))
            .collect();
        lists.dedup_by_key(|(n, _)| *n);
        // The pass goes through every link: the items computed again are matched by kind first
        // (one bit each), then by ID, copied out of the numbering so that a match reads no
        // more than the two strings.
        let keys: Vec<(ItemKind, Box<str>)> = lists
            .iter()
            .map(|(n, _)| {
                let item = self.numbers.item(*n);
                (item.kind(), item.id_str().into())
            })
            .collect();
        let kinds = keys
            .iter()
            .fold(0u64, |mask, (kind, _)| mask | 1 << kind.ordinal());
        let find = |(kind, id): (ItemKind, &str)| {
            if kinds & 1 << kind.ordinal() == 0 {
                return None;
            }
            keys.iter().position(|(k, x)| *k == kind && **x == *id)
        };
        let mut throughs: Vec<(&MeasureId, &MeasureId)> = Vec::new();
        for l in &roadmap.items.links {
            if let LinkKind::Through { measure, programme } = &l.link {
                throughs.push((measure, programme));
            }
            let (from, relation, to) = link_ends(&l.link);
            let (at_from, at_to) = (find(from), find(to));
            if at_from.is_none() && at_to.is_none() {
                continue;
            }
            let [from_ref, to_ref] = l.link.ends();
            let note = self.note(l.note.as_deref());
            self.push_pair(
                &mut lists,
                (at_from, from_ref),
                (at_to, to_ref),
                relation,
                l.provenance,
                note,
                Origin::Link,
            );
        }
        if items
            .iter()
            .any(|i| matches!(i, ItemRef::Measure(_) | ItemRef::Ministry(_)))
        {
            self.inherit_onto(&mut lists, &throughs);
        }
        // The edges of references follow, unchanged.
        for (n, mut list) in lists {
            list.extend(
                self.stored(Some(n))
                    .iter()
                    .filter(|e| e.origin == Origin::Reference),
            );
            self.patched.insert(n, list.into_boxed_slice());
        }
        items
    }

    /// The items whose edges a change of links between `ends` may change: the ends, and for a
    /// measure among them, responsibility inherited through programmes (`inherit::each_inherited`)
    /// that may come or go with its responsibility links or its links through programmes: the
    /// organisations responsible for it if it is a programme (which may have gained or lost a
    /// measure carried out through it), those of the programmes it is carried out through, and
    /// the measures carried out through it.
    fn reached(&self, roadmap: &Roadmap, ends: &[ItemRef]) -> Vec<ItemRef> {
        let mut items: Vec<ItemRef> = Vec::with_capacity(ends.len());
        let mut push = |item: &ItemRef| {
            if !items.contains(item) {
                items.push(item.clone());
            }
        };
        for end in ends {
            push(end);
            let ItemRef::Measure(id) = end else {
                continue;
            };
            let stored = self.stored(self.numbers.get(end));
            let programme = roadmap
                .measure(id)
                .is_some_and(|m| m.kind == MeasureKind::Programme)
                || stored
                    .iter()
                    .any(|s| s.relation == Relation::Through && !s.outgoing);
            if programme {
                for s in stored {
                    if matches!(s.relation, Relation::Responsible(_))
                        && s.outgoing
                        && s.origin == Origin::Link
                    {
                        push(self.numbers.item(s.other));
                    }
                }
            }
            for e in self.edges(end).filter(|e| e.relation == Relation::Through) {
                if !e.outgoing {
                    push(e.other);
                    continue;
                }
                let programme = self.numbers.get(e.other);
                for s in self.stored(programme) {
                    if matches!(s.relation, Relation::Responsible(_))
                        && s.outgoing
                        && s.origin == Origin::Link
                    {
                        push(self.numbers.item(s.other));
                    }
                }
            }
        }
        items
    }

    /// Responsibility inherited through programmes onto the items of `lists`, the same edges in
    /// the same order as `inherit::each_inherited` gives them, but read from the index (from `lists`
    /// for the items computed again) instead of from every responsibility link: `throughs` are
    /// the links through programmes, in the roadmap's order.
    fn inherit_onto(
        &mut self,
        lists: &mut [(u32, Vec<Stored>)],
        throughs: &[(&MeasureId, &MeasureId)],
    ) {
        let ministries_listed = lists
            .iter()
            .any(|(n, _)| self.numbers.kind(*n) == Some(ItemKind::Ministry));
        for &(measure, programme) in throughs {
            let at_measure = self.find(lists, (ItemKind::Measure, measure.as_str()));
            if at_measure.is_none() && !ministries_listed {
                continue;
            }
            let orgs = self.responsible(lists, programme);
            let at = |org: u32| lists.iter().position(|(n, _)| *n == org);
            if orgs.is_empty()
                || (at_measure.is_none() && orgs.iter().all(|&(org, _)| at(org).is_none()))
                || !self.responsible(lists, measure).is_empty()
            {
                continue;
            }
            let note = super::inherit::through_note(programme);
            for (org, role) in orgs {
                let at_org = lists.iter().position(|(n, _)| *n == org);
                if at_measure.is_none() && at_org.is_none() {
                    continue;
                }
                let note = self.note(Some(&note));
                let org = self.numbers.item(org).clone();
                self.push_pair(
                    lists,
                    (at_measure, ItemRef::Measure(measure.clone())),
                    (at_org, org),
                    Relation::Responsible(role),
                    Provenance::Editorial,
                    note,
                    Origin::Inherited,
                );
            }
        }
    }

    /// The organisations `measure` names as responsible through its own links, with their
    /// roles, in the roadmap's order: from `lists` where the measure is computed again.
    fn responsible(&self, lists: &[(u32, Vec<Stored>)], measure: &MeasureId) -> Vec<(u32, Role)> {
        let edges = match self.find(lists, (ItemKind::Measure, measure.as_str())) {
            Some(i) => lists[i].1.as_slice(),
            None => self.stored(self.numbers.get_key(ItemKind::Measure, measure.as_str())),
        };
        edges
            .iter()
            .filter_map(|e| match e.relation {
                Relation::Responsible(role) if e.outgoing && e.origin == Origin::Link => {
                    Some((e.other, role))
                }
                _ => None,
            })
            .collect()
    }

    /// Where in `lists` the item of `kind` and `id` is.
    fn find(&self, lists: &[(u32, Vec<Stored>)], (kind, id): (ItemKind, &str)) -> Option<usize> {
        lists
            .iter()
            .position(|(n, _)| self.numbers.is(*n, kind, id))
    }

    /// `note` kept among the index's notes.
    fn note(&mut self, note: Option<&str>) -> u32 {
        note.map_or(NO_NOTE, |n| {
            self.notes.push(n.into());
            u32::try_from(self.notes.len() - 1).expect("fewer than 2³² notes")
        })
    }

    /// Both ends of a pair, in the order the build puts them, onto the lists of the ends among
    /// `lists` (`at_from`, `at_to`).
    #[allow(clippy::too_many_arguments)]
    fn push_pair(
        &mut self,
        lists: &mut [(u32, Vec<Stored>)],
        (at_from, from): (Option<usize>, ItemRef),
        (at_to, to): (Option<usize>, ItemRef),
        relation: Relation,
        provenance: Provenance,
        note: u32,
        origin: Origin,
    ) {
        let stored = |outgoing: bool, other: u32| Stored {
            relation,
            outgoing,
            provenance,
            other,
            note,
            origin,
        };
        if let Some(i) = at_from {
            let other = self.numbers.number(to);
            lists[i].1.push(stored(true, other));
        }
        if let Some(i) = at_to {
            let other = self.numbers.number(from);
            lists[i].1.push(stored(false, other));
        }
    }
}
