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
//! An edit that inserts, removes or moves an item updates the table from that item's position
//! on, within its kind ([`Lookup::shifted`]), instead of building it again.

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
        Self {
            positions: positions.0,
            target_rank: target_ranks(it),
            targets: it.target_states.len(),
        }
    }
}

/// For each target state, its place (from 0) among the target states of its horizon year.
fn target_ranks(it: &Items) -> Vec<u32> {
    let mut seen: HashMap<i32, u32> = HashMap::default();
    it.target_states
        .iter()
        .map(|t| {
            let n = seen.entry(t.horizon_year).or_insert(0);
            *n += 1;
            *n - 1
        })
        .collect()
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

/// Enters the positions of the items of one kind from position `from` on.
struct Refresh<'a> {
    kind: ItemKind,
    from: usize,
    positions: &'a mut HashMap<(ItemKind, u64), u32>,
}

impl KindVisitor for Refresh<'_> {
    fn visit<T: Item>(&mut self, items: &[T]) {
        if T::KIND != self.kind {
            return;
        }
        for (j, x) in items.iter().enumerate().skip(self.from) {
            let id = x.key();
            let at = u32::try_from(j).unwrap_or(u32::MAX);
            let entry = self.positions.entry(key(T::KIND, id)).or_insert(at);
            // The first of duplicate IDs wins, as in `Positions`.
            let earlier =
                (*entry as usize) < j && items.get(*entry as usize).is_some_and(|y| y.key() == id);
            if !earlier {
                *entry = at;
            }
        }
    }
}

impl Lookup {
    /// Brings the table, if it is built, up to date after items of `kind` were inserted,
    /// removed or moved at positions from `from` on (`removed`: the ID of an item taken out at
    /// `from`): the positions of that kind from `from` on are entered again, and the ranks of
    /// target states counted again. A table not built yet is built on the next lookup.
    pub(super) fn shifted(
        &mut self,
        items: &Items,
        kind: ItemKind,
        from: usize,
        removed: Option<&str>,
    ) {
        let Some(table) = self.table.get_mut() else {
            return;
        };
        if let Some(id) = removed {
            let k = key(kind, id);
            if table.positions.get(&k).is_some_and(|&p| p as usize == from) {
                table.positions.remove(&k);
            }
        }
        items.visit(&mut Refresh {
            kind,
            from,
            positions: &mut table.positions,
        });
        if kind == ItemKind::Target {
            table.target_rank = target_ranks(items);
            table.targets = items.target_states.len();
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{self, Edit, delete_item};
    use crate::model::{ItemRef, When};

    /// A table's positions, in order, and its ranks of target states.
    type Contents = (Vec<((ItemKind, u64), u32)>, Vec<u32>);

    /// What the roadmap's table holds.
    fn tables(roadmap: &crate::model::Roadmap) -> Contents {
        let table = roadmap.lookup.table.get().expect("built");
        let mut positions: Vec<_> = table.positions.iter().map(|(k, v)| (*k, *v)).collect();
        positions.sort_unstable();
        (positions, table.target_rank.clone())
    }

    #[test]
    fn inserting_removing_and_moving_items_keeps_the_table_as_built() {
        let mut roadmap = crate::bundled::open().expect("bundled").roadmap;
        let first = roadmap.items.events[0].id.clone();
        assert!(
            roadmap.contains(&ItemRef::Event(first.clone())),
            "builds the table"
        );
        let mut edits: Vec<Edit> = Vec::new();
        let event = edit::create_event(
            &roadmap,
            None,
            When::Year(2026),
            "会議",
            crate::model::EventKind::Council,
        )
        .expect("creates");
        edits.push(event.edit);
        let target = edit::create_target(&roadmap, None, 2030, "姿").expect("creates");
        edits.push(target.edit);
        for e in edits {
            let undo = edit::apply(&mut roadmap, e).expect("applies");
            let incremental = tables(&roadmap);
            roadmap.forget_lookup();
            assert!(roadmap.contains(&ItemRef::Event(first.clone())));
            assert_eq!(incremental, tables(&roadmap), "after an insert");
            edit::apply(&mut roadmap, undo).expect("undoes");
            let incremental = tables(&roadmap);
            roadmap.forget_lookup();
            assert!(roadmap.contains(&ItemRef::Event(first.clone())));
            assert_eq!(incremental, tables(&roadmap), "after a removal");
        }
        let gap = roadmap.items.gaps[3].id.clone();
        let moved = edit::move_gap(&roadmap, &gap, 0).expect("moves");
        edit::apply(&mut roadmap, moved).expect("applies");
        let incremental = tables(&roadmap);
        roadmap.forget_lookup();
        assert!(roadmap.contains(&ItemRef::Event(first.clone())));
        assert_eq!(incremental, tables(&roadmap), "after a move");
        let target = roadmap.items.target_states[1].id.clone();
        let deleted = delete_item(&roadmap, &edit::ItemKey::Target(target)).expect("deletes");
        edit::apply(&mut roadmap, deleted.edit).expect("applies");
        let incremental = tables(&roadmap);
        roadmap.forget_lookup();
        assert!(roadmap.contains(&ItemRef::Event(first)));
        assert_eq!(incremental, tables(&roadmap), "after a deletion");
    }
}
