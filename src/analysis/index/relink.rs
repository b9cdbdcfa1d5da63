//! Bringing the index up to date after links were added, removed or replaced, by computing again
//! only the edges of the items at their ends.

use super::numbers::Numbers;
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
        // (one bit each), then by the ID's fingerprint, then by ID, copied out of the numbering
        // so that a match reads no more than the two strings.
        let keys: Vec<(ItemKind, Fingerprint, Box<str>)> = lists
            .iter()
            .map(|(n, _)| {
                let item = self.numbers.item(*n);
                let id = item.id_str();
                (item.kind(), Fingerprint::of(id), id.into())
            })
            .collect();
        let kinds = keys
            .iter()
            .fold(0u64, |mask, (kind, _, _)| mask | 1 << kind.ordinal());
        let find = |(kind, id): (ItemKind, &str)| {
            if kinds & 1 << kind.ordinal() == 0 {
                return None;
            }
            let print = Fingerprint::of(id);
            keys.iter()
                .position(|(k, p, x)| *k == kind && *p == print && **x == *id)
        };
        // The other ends of each item's links as the index holds them, in the links' order:
        // the link met next mostly joins the item to the next of them, which is then known
        // without looking its ID up (a link removed skips one).
        let mut guesses: Vec<Guesses> = lists
            .iter()
            .map(|(n, _)| Guesses {
                others: self
                    .stored(Some(*n))
                    .iter()
                    .filter(|e| e.origin == Origin::Link)
                    .map(|e| e.other)
                    .collect(),
                next: 0,
            })
            .collect();
        let mut throughs: Vec<(&MeasureId, &MeasureId)> = Vec::new();
        let mut last = [u32::MAX; ItemKind::COUNT];
        for l in &roadmap.items.links {
            if let LinkKind::Through { measure, programme } = &l.link {
                throughs.push((measure, programme));
            }
            let (from, relation, to) = link_ends(&l.link);
            let (at_from, at_to) = (find(from), find(to));
            if at_from.is_none() && at_to.is_none() {
                continue;
            }
            // The number of each end: from `lists` for an end computed again, else guessed
            // from the other end's links, else looked up.
            let mut number = |at: Option<usize>,
                              (kind, id): (ItemKind, &str),
                              other: Option<usize>,
                              end: usize| {
                if let Some(i) = at {
                    return lists[i].0;
                }
                if let Some(n) = other.and_then(|j| guesses[j].take(&self.numbers, kind, id)) {
                    return n;
                }
                let last = &mut last[kind.ordinal()];
                self.numbers
                    .number_near(last, kind, id, &|| l.link.ends()[end].clone())
            };
            let (from_n, to_n) = (
                number(at_from, from, at_to, 0),
                number(at_to, to, at_from, 1),
            );
            let note = self.note(l.note.as_deref());
            Self::push_pair(
                &mut lists,
                (at_from, from_n),
                (at_to, to_n),
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
        // A programme's organisations, by its number: a programme is carried out through by many
        // measures, and its edges are as many.
        let mut orgs_of: foldhash::HashMap<u32, Vec<(u32, Role)>> = foldhash::HashMap::default();
        let (mut last_measure, mut last_programme) = (u32::MAX, u32::MAX);
        for &(measure, programme) in throughs {
            let at_measure = self.find(lists, (ItemKind::Measure, measure.as_str()));
            if at_measure.is_none() && !ministries_listed {
                continue;
            }
            let near = |last: &mut u32, id: &MeasureId| {
                self.numbers.get_near(last, ItemKind::Measure, id.as_str())
            };
            let orgs: &[(u32, Role)] = match near(&mut last_programme, programme) {
                Some(p) => orgs_of
                    .entry(p)
                    .or_insert_with(|| self.responsible(lists, p)),
                None => &[],
            };
            let at = |org: u32| lists.iter().position(|(n, _)| *n == org);
            let measure_n = match at_measure {
                Some(i) => Some(lists[i].0),
                None => near(&mut last_measure, measure),
            };
            if orgs.is_empty()
                || (at_measure.is_none() && orgs.iter().all(|&(org, _)| at(org).is_none()))
                || measure_n.is_some_and(|m| !self.responsible(lists, m).is_empty())
            {
                continue;
            }
            let note = super::inherit::through_note(programme);
            for &(org, role) in orgs {
                let at_org = lists.iter().position(|(n, _)| *n == org);
                if at_measure.is_none() && at_org.is_none() {
                    continue;
                }
                let note = self.note(Some(&note));
                let measure_n = match measure_n {
                    Some(n) => n,
                    None => self.numbers.number(ItemRef::Measure(measure.clone())),
                };
                Self::push_pair(
                    lists,
                    (at_measure, measure_n),
                    (at_org, org),
                    Relation::Responsible(role),
                    Provenance::Editorial,
                    note,
                    Origin::Inherited,
                );
            }
        }
    }

    /// The organisations the measure numbered `measure` names as responsible through its own
    /// links, with their roles, in the roadmap's order: from `lists` where the measure is
    /// computed again.
    fn responsible(&self, lists: &[(u32, Vec<Stored>)], measure: u32) -> Vec<(u32, Role)> {
        let edges = match lists.iter().find(|(n, _)| *n == measure) {
            Some((_, list)) => list.as_slice(),
            None => self.stored(Some(measure)),
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

    /// Both ends of a pair (by number), in the order the build puts them, onto the lists of the
    /// ends among `lists` (`at_from`, `at_to`).
    #[allow(clippy::too_many_arguments)]
    fn push_pair(
        lists: &mut [(u32, Vec<Stored>)],
        (at_from, from): (Option<usize>, u32),
        (at_to, to): (Option<usize>, u32),
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
            lists[i].1.push(stored(true, to));
        }
        if let Some(i) = at_to {
            lists[i].1.push(stored(false, from));
        }
    }
}

/// An ID's length and last eight bytes: IDs of one kind mostly differ there (their ends number
/// them), so comparing fingerprints tells most apart with no hashing and no call.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Fingerprint(usize, u64);

impl Fingerprint {
    fn of(id: &str) -> Self {
        let bytes = id.as_bytes();
        let n = bytes.len().min(8);
        let mut tail = [0u8; 8];
        tail[8 - n..].copy_from_slice(&bytes[bytes.len() - n..]);
        Self(bytes.len(), u64::from_ne_bytes(tail))
    }
}

/// The other ends of an item's links as the index held them before, in the links' order, and
/// how far the pass over the links has used them.
struct Guesses {
    others: Vec<u32>,
    next: usize,
}

impl Guesses {
    /// The number of the item of `kind` with `id` if it is the next other end, or one of the two
    /// after it (links removed since): a comparison of IDs instead of a lookup.
    fn take(&mut self, numbers: &Numbers, kind: ItemKind, id: &str) -> Option<u32> {
        let end = (self.next + 3).min(self.others.len());
        let k = (self.next..end).find(|&k| numbers.is(self.others[k], kind, id))?;
        self.next = k + 1;
        Some(self.others[k])
    }
}
