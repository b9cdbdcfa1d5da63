//! The link graph of a roadmap: for every item, the items it is joined to and how, in both
//! directions. Built once per document version; every view reads it.

mod numbers;
mod relation;
mod relink;
mod relist;
#[cfg(test)]
mod tests;

use self::inherit::inherit_through_programmes;
use self::numbers::Numbers;
pub use self::relation::Relation;
use self::relink::link_ends;
use crate::model::{ItemKind, ItemRef, Provenance, Roadmap, Role};

/// One end of a relation, seen from an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge<'a> {
    /// The relation.
    pub relation: Relation,
    /// Whether the item holds the relation (gap → measure from the gap) or receives it.
    pub outgoing: bool,
    /// The item at the other end.
    pub other: &'a ItemRef,
    /// Stated, editorial or assumed.
    pub provenance: Provenance,
    /// A note on the link, if any.
    pub note: Option<&'a str>,
}

/// No note on an edge.
const NO_NOTE: u32 = u32::MAX;

/// An edge as stored: the other end by number, the note by its place in [`Index::notes`].
#[derive(Clone, Copy, Debug)]
struct Stored {
    relation: Relation,
    outgoing: bool,
    provenance: Provenance,
    other: u32,
    note: u32,
    /// What made it.
    origin: Origin,
}

/// What made an edge: the index holds them in this order, item by item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// One of the roadmap's links.
    Link,
    /// Responsibility inherited through a programme ([`inherit_through_programmes`]).
    Inherited,
    /// A reference an item holds (a gap's theme, a proposal's actions, a source …).
    Reference,
}

/// Every item's edges.
///
/// Items are numbered in the order they are met (the roadmap's own order), and the edges of all
/// items sit in one array, item by item, with an offset per item: building it is a few sequential
/// passes, and reading an item's edges is one lookup and a slice, however large the roadmap. A
/// pass over all items of a kind reads them by position ([`Index::edges_nth`]), with no lookup.
#[derive(Clone, Debug, Default)]
pub struct Index {
    numbers: Numbers,
    own: Own,
    /// Item `n`'s edges are `edges[offsets[n]..offsets[n + 1]]`.
    offsets: Vec<u32>,
    edges: Vec<Stored>,
    notes: Vec<Box<str>>,
    /// Items whose edges changed since the index was built ([`Index::relink`]): their edges
    /// as they are now, in place of those in `edges`.
    patched: foldhash::HashMap<u32, Box<[Stored]>>,
}

/// The number of every item of the roadmap, kind by kind in [`ItemKind`]'s order, each kind in
/// file order (as [`all_items`] lists them).
#[derive(Clone, Debug, Default)]
struct Own {
    numbers: Vec<u32>,
    /// The items of the kind with ordinal `k` are `numbers[starts[k]..starts[k + 1]]`.
    starts: [usize; ItemKind::COUNT + 1],
    /// Whether the item with a number is in the roadmap, by number: not the end of a link to an
    /// item that does not exist, nor an item removed since.
    present: Vec<bool>,
}

impl Own {
    /// How many items of each kind `roadmap` has, by the kind's ordinal.
    fn counts(roadmap: &Roadmap) -> [usize; ItemKind::COUNT] {
        roadmap.items.counts()
    }

    fn of(roadmap: &Roadmap, counts: &[usize; ItemKind::COUNT], numbers: &mut Numbers) -> Self {
        let mut starts = [0; ItemKind::COUNT + 1];
        for (k, count) in counts.iter().enumerate() {
            starts[k + 1] = starts[k] + count;
        }
        let numbers: Vec<u32> = all_items(roadmap).map(|x| numbers.number(x)).collect();
        let mut present = Vec::new();
        for &n in &numbers {
            set_present(&mut present, n, true);
        }
        Self {
            numbers,
            starts,
            present,
        }
    }

    /// Whether the item numbered `n` is in the roadmap.
    fn is_present(&self, n: u32) -> bool {
        self.present.get(n as usize).copied().unwrap_or(false)
    }

    /// The number of the `i`-th item of `kind`, if there is one.
    fn nth(&self, kind: ItemKind, i: usize) -> Option<u32> {
        let k = kind.ordinal();
        let at = self.starts[k]
            .checked_add(i)
            .filter(|&at| at < self.starts[k + 1])?;
        self.numbers.get(at).copied()
    }

    /// The number of the `i`-th item of `kind`, which [`Index::build`] knows is there.
    fn at(&self, kind: ItemKind, i: usize) -> u32 {
        self.nth(kind, i).expect("numbered with the roadmap")
    }
}

/// Records in `present` (see [`Own::present`]) whether the item numbered `n` is in the roadmap.
fn set_present(present: &mut Vec<bool>, n: u32, is: bool) {
    let n = n as usize;
    if present.len() <= n {
        present.resize(n + 1, false);
    }
    present[n] = is;
}

/// An item named by kind and ID, made into an [`ItemRef`] only if it is not numbered yet (a link
/// to an item that does not exist): building the index copies no ID it already holds.
#[derive(Clone, Copy)]
struct Key<'a> {
    kind: ItemKind,
    id: &'a str,
    make: &'a dyn Fn() -> ItemRef,
}

/// The [`Key`] of an ID of the given [`ItemRef`] variant.
macro_rules! key {
    ($kind:ident, $id:expr) => {{
        let id = $id;
        Key {
            kind: ItemKind::$kind,
            id: id.as_str(),
            make: &|| ItemRef::$kind(id.clone()),
        }
    }};
}

/// The number of the item of the given kind and ID (see [`Builder::number`]).
macro_rules! number {
    ($builder:expr, $kind:ident, $id:expr) => {{
        let key = key!($kind, $id);
        $builder.number(key)
    }};
}

// After the macros above, which they use.
mod held;
mod inherit;

/// The links of a roadmap as numbered pairs, before they are sorted into an [`Index`].
struct Builder {
    numbers: Numbers,
    /// The number the last lookup of each kind of item found, by the kind's ordinal.
    last: [u32; ItemKind::COUNT],
    pairs: Vec<(u32, Relation, u32, Provenance, u32, Origin)>,
    notes: Vec<Box<str>>,
    /// What makes the pairs added now.
    origin: Origin,
}

impl Builder {
    /// The number of the item `key` names, numbering it if it has none yet
    /// ([`Numbers::number_near`]).
    fn number(&mut self, key: Key<'_>) -> u32 {
        let last = &mut self.last[key.kind.ordinal()];
        self.numbers.number_near(last, key.kind, key.id, key.make)
    }

    fn add(
        &mut self,
        from: u32,
        relation: Relation,
        to: u32,
        provenance: Provenance,
        note: Option<&str>,
    ) {
        let note = note.map_or(NO_NOTE, |n| {
            self.notes.push(n.into());
            u32::try_from(self.notes.len() - 1).expect("fewer than 2³² notes")
        });
        self.pairs
            .push((from, relation, to, provenance, note, self.origin));
    }

    /// Sorts the pairs into each item's edges, both ends of every pair, keeping their order.
    fn finish(self, own: Own) -> Index {
        let n = self.numbers.len();
        let mut offsets = vec![0u32; n + 1];
        for &(from, _, to, _, _, _) in &self.pairs {
            offsets[from as usize + 1] += 1;
            offsets[to as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut next: Vec<u32> = offsets[..n].to_vec();
        let empty = Stored {
            relation: Relation::Cites,
            outgoing: false,
            provenance: Provenance::Stated,
            other: 0,
            note: NO_NOTE,
            origin: Origin::Reference,
        };
        let mut edges = vec![empty; self.pairs.len() * 2];
        for &(from, relation, to, provenance, note, origin) in &self.pairs {
            let mut put = |at: u32, outgoing: bool, other: u32| {
                let slot = &mut next[at as usize];
                edges[*slot as usize] = Stored {
                    relation,
                    outgoing,
                    provenance,
                    other,
                    note,
                    origin,
                };
                *slot += 1;
            };
            put(from, true, to);
            put(to, false, from);
        }
        Index {
            numbers: self.numbers,
            own,
            offsets,
            edges,
            notes: self.notes,
            patched: foldhash::HashMap::default(),
        }
    }
}

impl Index {
    /// Builds the index of `roadmap`.
    pub fn build(roadmap: &Roadmap) -> Self {
        let it = &roadmap.items;
        let counts = Own::counts(roadmap);
        let mut numbers = Numbers::with_capacity(&counts);
        // Number every item first, in the roadmap's order, so that numbers follow the file. An
        // item's own number is then read from `own` rather than looked up by its ID again.
        let own = Own::of(roadmap, &counts, &mut numbers);
        let mut b = Builder {
            numbers,
            last: [u32::MAX; ItemKind::COUNT],
            pairs: Vec::with_capacity(
                it.links.len() + it.gaps.len() * 2 + counts.iter().sum::<usize>(),
            ),
            notes: Vec::new(),
            origin: Origin::Link,
        };
        for l in &it.links {
            let ((from_kind, from_id), relation, (to_kind, to_id)) = link_ends(&l.link);
            let from = b.number(Key {
                kind: from_kind,
                id: from_id,
                make: &|| l.link.ends()[0].clone(),
            });
            let to = b.number(Key {
                kind: to_kind,
                id: to_id,
                make: &|| l.link.ends()[1].clone(),
            });
            b.add(from, relation, to, l.provenance, l.note.as_deref());
        }
        b.origin = Origin::Inherited;
        inherit_through_programmes(&mut b, roadmap);
        b.origin = Origin::Reference;
        // The references items hold (`held`): gaps' themes and stages, proposals', KPIs' and
        // budgets' references, then the sources cited, kind by kind in `held::CITING`'s order.
        macro_rules! held {
            ($($field:ident: $kind:ident by $of:expr),*) => {$(
                for (i, x) in it.$field.iter().enumerate() {
                    let item = own.at(ItemKind::$kind, i);
                    $of(x, &mut |relation, key, provenance| {
                        let other = b.number(key);
                        if held::holder_first(relation) {
                            b.add(item, relation, other, provenance, None);
                        } else {
                            b.add(other, relation, item, provenance, None);
                        }
                    });
                }
            )*};
        }
        held!(
            gaps: Gap by held::of_gap,
            proposals: Proposal by held::of_proposal,
            kpis: Kpi by held::of_kpi,
            budgets: Budget by held::of_budget,
            ministries: Ministry by held::cited,
            stages: Stage by held::cited,
            target_states: Target by held::cited,
            notes: Note by held::cited,
            themes: Theme by held::cited,
            gaps: Gap by held::cited,
            measures: Measure by held::cited,
            proposals: Proposal by held::cited,
            kpis: Kpi by held::cited,
            budgets: Budget by held::cited,
            events: Event by held::cited
        );
        b.finish(own)
    }

    /// Every edge of `item`, in the order of the links in the file.
    pub fn edges<'a>(&'a self, item: &ItemRef) -> impl Iterator<Item = Edge<'a>> + Clone + 'a {
        self.edges_of(self.numbers.get(item))
    }

    /// Every edge of the `i`-th item of `kind` in the roadmap the index was built from (for a
    /// gap, of `roadmap.items.gaps[i]`), as [`Self::edges`] but with no lookup by ID: what a pass
    /// over all items of a kind reads. No edges when there is no such item.
    pub fn edges_nth(&self, kind: ItemKind, i: usize) -> impl Iterator<Item = Edge<'_>> + Clone {
        self.edges_of(self.own.nth(kind, i))
    }

    fn edges_of(&self, number: Option<u32>) -> impl Iterator<Item = Edge<'_>> + Clone {
        self.stored(number).iter().map(move |e| Edge {
            relation: e.relation,
            outgoing: e.outgoing,
            other: self.numbers.item(e.other),
            provenance: e.provenance,
            note: (e.note != NO_NOTE).then(|| &*self.notes[e.note as usize]),
        })
    }

    /// The edges of the item numbered `number` as stored.
    fn stored(&self, number: Option<u32>) -> &[Stored] {
        let Some(n) = number else { return &[] };
        if !self.patched.is_empty()
            && let Some(patch) = self.patched.get(&n)
        {
            return patch;
        }
        let n = n as usize;
        match (self.offsets.get(n), self.offsets.get(n + 1)) {
            (Some(&start), Some(&end)) => &self.edges[start as usize..end as usize],
            // Numbered after the index was built, with no edges yet.
            _ => &[],
        }
    }

    /// The items at the other end of `item`'s edges of one relation and direction.
    pub fn related<'a>(
        &'a self,
        item: &ItemRef,
        relation: impl Fn(Relation) -> bool + 'a,
        outgoing: bool,
    ) -> impl Iterator<Item = &'a ItemRef> + 'a {
        others(self.edges(item), relation, outgoing)
    }

    /// The measures answering a gap.
    pub fn measures_of_gap<'a>(&'a self, gap: &ItemRef) -> impl Iterator<Item = &'a ItemRef> + 'a {
        others(self.edges(gap), |r| r == Relation::Addresses, true)
    }

    /// The measures answering `roadmap.items.gaps[i]`, as [`Self::measures_of_gap`].
    pub fn measures_of_nth_gap(&self, i: usize) -> impl Iterator<Item = &ItemRef> {
        others(
            self.edges_nth(ItemKind::Gap, i),
            |r| r == Relation::Addresses,
            true,
        )
    }

    /// The gaps a measure answers.
    pub fn gaps_of_measure<'a>(
        &'a self,
        measure: &ItemRef,
    ) -> impl Iterator<Item = &'a ItemRef> + 'a {
        others(self.edges(measure), |r| r == Relation::Addresses, false)
    }

    /// The gaps `roadmap.items.measures[i]` answers, as [`Self::gaps_of_measure`].
    pub fn gaps_of_nth_measure(&self, i: usize) -> impl Iterator<Item = &ItemRef> {
        others(
            self.edges_nth(ItemKind::Measure, i),
            |r| r == Relation::Addresses,
            false,
        )
    }

    /// The ministries responsible for a measure, with their roles.
    pub fn ministries_of_measure<'a>(
        &'a self,
        measure: &ItemRef,
    ) -> impl Iterator<Item = (&'a ItemRef, Role)> + 'a {
        responsible(self.edges(measure), true)
    }

    /// The ministries responsible for `roadmap.items.measures[i]`, as
    /// [`Self::ministries_of_measure`].
    pub fn ministries_of_nth_measure(&self, i: usize) -> impl Iterator<Item = (&ItemRef, Role)> {
        responsible(self.edges_nth(ItemKind::Measure, i), true)
    }

    /// The ministries responsible for any of `measures`, each once with its leading role (lead
    /// before co-lead before support), in the roadmap's order.
    pub fn ministries_of_measures<'a, 'm>(
        &'a self,
        measures: impl IntoIterator<Item = &'m ItemRef>,
    ) -> Vec<(&'a ItemRef, Role)> {
        let mut out: Vec<(&ItemRef, Role)> = Vec::new();
        for m in measures {
            for (ministry, role) in self.ministries_of_measure(m) {
                match out.iter_mut().find(|(x, _)| *x == ministry) {
                    Some((_, r)) => *r = (*r).min(role),
                    None => out.push((ministry, role)),
                }
            }
        }
        // Items are numbered in the roadmap's order.
        out.sort_by_key(|(m, _)| self.numbers.get(m));
        out
    }

    /// The roles a ministry holds for the measures of the roadmap it is responsible for, one
    /// per measure and role, as [`Self::measures_of_ministry`] without the ends of links to
    /// measures that do not exist.
    pub fn roles_of_ministry<'a>(&'a self, ministry: &ItemRef) -> impl Iterator<Item = Role> + 'a {
        self.stored(self.numbers.get(ministry))
            .iter()
            .filter(|e| !e.outgoing && self.own.is_present(e.other))
            .filter_map(|e| match e.relation {
                Relation::Responsible(role) => Some(role),
                _ => None,
            })
    }

    /// The measures a ministry is responsible for, with its role.
    pub fn measures_of_ministry<'a>(
        &'a self,
        ministry: &ItemRef,
    ) -> impl Iterator<Item = (&'a ItemRef, Role)> + 'a {
        responsible(self.edges(ministry), false)
    }

    /// The neighbourhood of an item: the item itself, everything directly joined to it, and for a
    /// gap or measure the second step along the gap → measure → ministry / target chain.
    pub fn neighbourhood(&self, item: &ItemRef) -> std::collections::HashSet<ItemRef> {
        let mut out = std::collections::HashSet::new();
        out.insert(item.clone());
        for e in self.edges(item) {
            if e.relation == Relation::Cites {
                continue;
            }
            out.insert(e.other.clone());
            let chain = matches!(
                (item, e.other),
                (ItemRef::Gap(_) | ItemRef::Proposal(_), ItemRef::Measure(_))
                    | (ItemRef::Measure(_), ItemRef::Gap(_))
            );
            if chain {
                self.insert_measure_context(e.other, &mut out);
            }
        }
        // A gap continued by a later one is answered through the later one's measures too.
        for later in self.continuations(item) {
            out.insert(later.clone());
            for m in self.measures_of_gap(later) {
                out.insert(m.clone());
                self.insert_measure_context(m, &mut out);
            }
        }
        out
    }

    fn insert_measure_context(
        &self,
        measure: &ItemRef,
        out: &mut std::collections::HashSet<ItemRef>,
    ) {
        for e in self.edges(measure) {
            if matches!(
                e.relation,
                Relation::Responsible(_) | Relation::ContributesTo | Relation::Addresses
            ) {
                out.insert(e.other.clone());
            }
        }
    }

    /// The gaps that carry `gap` forward: later gaps continuing it, and gaps the same as it.
    pub fn continuations<'a>(&'a self, gap: &ItemRef) -> impl Iterator<Item = &'a ItemRef> + 'a {
        self.edges(gap)
            .filter(|e| {
                (e.relation == Relation::Continues && e.outgoing) || e.relation == Relation::SameAs
            })
            .map(|e| e.other)
    }
}

/// The items at the other end of `edges` of one relation and direction.
fn others<'a>(
    edges: impl Iterator<Item = Edge<'a>> + 'a,
    relation: impl Fn(Relation) -> bool + 'a,
    outgoing: bool,
) -> impl Iterator<Item = &'a ItemRef> + 'a {
    edges
        .filter(move |e| e.outgoing == outgoing && relation(e.relation))
        .map(|e| e.other)
}

/// The other ends of the [`Relation::Responsible`] edges among `edges` in one direction, with
/// the role.
fn responsible<'a>(
    edges: impl Iterator<Item = Edge<'a>> + 'a,
    outgoing: bool,
) -> impl Iterator<Item = (&'a ItemRef, Role)> + 'a {
    edges
        .filter(move |e| e.outgoing == outgoing)
        .filter_map(|e| match e.relation {
            Relation::Responsible(role) => Some((e.other, role)),
            _ => None,
        })
}

/// Every item of `roadmap`, kind by kind, each in file order.
fn all_items(roadmap: &Roadmap) -> impl Iterator<Item = ItemRef> + '_ {
    roadmap.items.refs().into_iter()
}
