//! Looking items up by ID in constant time.
//!
//! A [`Roadmap`](super::Roadmap) keeps its items in plain vectors, in file order. Finding one by
//! ID with a scan is fine for the bundled roadmap's 400 items and quadratic for a 400,000-item
//! one, where every label, filter and timeline lane looks items up. [`Lookup`] is a table of
//! positions by `(kind, hash of the ID)`, built on the first lookup.
//!
//! A lookup by ID never gives a wrong answer: a position found is checked against the item's ID
//! before it is returned, and a miss falls back to a scan, so a roadmap whose items were changed
//! in place after the table was built stays correct (only slower). The rank of a target state
//! within its horizon year is taken from the table while the number of target states is
//! unchanged; whoever changes items in place calls [`Roadmap::reindex`](super::Roadmap::reindex).

use std::hash::BuildHasher;
use std::sync::OnceLock;

use foldhash::HashMap;

use super::{Item, ItemKind, Items, KindVisitor};

/// Positions of items by kind and ID, built on first use. Cloning gives an empty table, and two
/// tables always compare equal: it is a cache, not part of the roadmap's value.
#[derive(Default)]
pub struct Lookup {
    table: OnceLock<Table>,
}

struct Table {
    positions: HashMap<(ItemKind, u64), u32>,
    /// For each target state, its place (from 0) among the target states of its horizon year.
    target_rank: Vec<u32>,
    /// How many target states there were when the table was built.
    targets: usize,
}

impl Clone for Lookup {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for Lookup {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookup")
    }
}

fn key(kind: ItemKind, id: &str) -> (ItemKind, u64) {
    // A fixed seed: the same ID always has the same key. (A collision only costs a scan: every
    // position found is checked.)
    (kind, foldhash::fast::FixedState::with_seed(0).hash_one(id))
}

impl Table {
    fn build(it: &Items) -> Self {
        let mut positions = Positions(HashMap::with_capacity_and_hasher(
            it.count(),
            foldhash::fast::RandomState::default(),
        ));
        it.visit(&mut positions);
        let positions = positions.0;
        let mut seen: HashMap<i32, u32> = HashMap::default();
        let target_rank = it
            .target_states
            .iter()
            .map(|t| {
                let n = seen.entry(t.horizon_year).or_insert(0);
                *n += 1;
                *n - 1
            })
            .collect();
        Self {
            positions,
            target_rank,
            targets: it.target_states.len(),
        }
    }
}

/// Fills the table of positions, kind by kind.
struct Positions(HashMap<(ItemKind, u64), u32>);

impl KindVisitor for Positions {
    fn visit<T: Item>(&mut self, items: &[T]) {
        for (i, x) in items.iter().enumerate() {
            // The first of duplicate IDs wins, as a scan would find it.
            self.0
                .entry(key(T::KIND, x.key()))
                .or_insert(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
}

impl Lookup {
    fn table(&self, items: &Items) -> &Table {
        self.table.get_or_init(|| Table::build(items))
    }

    /// The position of the item of `kind` with ID `id` in `list`, which must be the collection
    /// of that kind.
    pub(super) fn position<T>(
        &self,
        items: &Items,
        kind: ItemKind,
        list: &[T],
        id: &str,
        id_of: impl Fn(&T) -> &str,
    ) -> Option<usize> {
        let hit = self
            .table(items)
            .positions
            .get(&key(kind, id))
            .map(|&i| i as usize)
            .filter(|&i| list.get(i).is_some_and(|x| id_of(x) == id));
        hit.or_else(|| list.iter().position(|x| id_of(x) == id))
    }

    /// The place (from 0) of the target state at position `i` among the target states of its
    /// horizon year, when the table is current.
    pub(super) fn target_rank(&self, items: &Items, i: usize) -> Option<usize> {
        let table = self.table(items);
        if table.targets != items.target_states.len() {
            return None;
        }
        table.target_rank.get(i).map(|&r| r as usize)
    }
}
