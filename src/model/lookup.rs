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
//! An edit that inserts or removes an item enters that one item, and notes the shift in its
//! kind's log ([`Lookup::shifted`]): a position found is brought forward through the shifts
//! noted since it was entered. At 1000× the bundled roadmap entering again every position after
//! the item, as each insertion and removal once did, took milliseconds per edit. Once a kind's
//! log is [`MAX_SHIFTS`] long, the positions it shifted are entered again and the log emptied.
//! A move enters again the positions from the first it moved.

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
    positions: HashMap<(ItemKind, u64), Entry>,
    /// The insertions and removals since positions were entered, by the kind's ordinal.
    shifts: [Shifts; ItemKind::COUNT],
    /// For each target state, its place (from 0) among the target states of its horizon year.
    target_rank: Vec<u32>,
    /// How many target states there were when the table was built.
    targets: usize,
}

/// A position as entered: where the item was after its kind's first `since` shifts.
#[derive(Clone, Copy, Debug)]
struct Entry {
    at: u32,
    since: u32,
}

/// The longest a kind's log of shifts grows before its positions are entered again.
pub(super) const MAX_SHIFTS: usize = 64;

/// One kind's shifts: those numbered from `base` on are in `log`; those before, every position
/// they moved has been entered again since.
#[derive(Clone, Debug, Default)]
struct Shifts {
    base: u32,
    log: Vec<Shift>,
}

/// An item inserted at, or removed from, a position.
#[derive(Clone, Copy, Debug)]
struct Shift {
    at: u32,
    inserted: bool,
}

impl Shifts {
    /// How many shifts the kind has had.
    fn count(&self) -> u32 {
        self.base + u32::try_from(self.log.len()).unwrap_or(u32::MAX)
    }

    /// Where the item entered at `entry` is now: `None` if it was removed.
    fn now(&self, entry: Entry) -> Option<u32> {
        let from = (entry.since.saturating_sub(self.base) as usize).min(self.log.len());
        let mut at = entry.at;
        for s in &self.log[from..] {
            if s.inserted {
                if at >= s.at {
                    at += 1;
                }
            } else if at > s.at {
                at -= 1;
            } else if at == s.at {
                return None;
            }
        }
        Some(at)
    }

    /// The first position a shift in the log moved.
    fn first(&self) -> Option<usize> {
        self.log.iter().map(|s| s.at as usize).min()
    }
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
            shifts: Default::default(),
            target_rank: target_ranks(it),
            targets: it.target_states.len(),
        }
    }

    /// Enters again the positions of the items of `kind` from position `from` on, as they are
    /// now.
    fn refresh(&mut self, items: &Items, kind: ItemKind, from: usize) {
        self.enter(items, kind, from..usize::MAX);
    }

    /// Enters the positions of the items of `kind` in `range`, as they are now.
    fn enter(&mut self, items: &Items, kind: ItemKind, range: std::ops::Range<usize>) {
        items.visit(&mut Refresh {
            kind,
            range,
            shifts: &self.shifts[kind.ordinal()],
            positions: &mut self.positions,
        });
    }

    /// Takes out the entry of the item of `kind` with `id` if it is at `at` now.
    fn take_out(&mut self, kind: ItemKind, id: &str, at: u32) {
        let key = key(kind, id);
        let shifts = &self.shifts[kind.ordinal()];
        if self
            .positions
            .get(&key)
            .is_some_and(|&e| shifts.now(e) == Some(at))
        {
            self.positions.remove(&key);
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
struct Positions(HashMap<(ItemKind, u64), Entry>);

impl KindVisitor for Positions {
    fn visit<T: Item>(&mut self, items: &[T]) {
        for (i, x) in items.iter().enumerate() {
            // The first of duplicate IDs wins, as a scan would find it.
            self.0.entry(key(T::KIND, x.key())).or_insert(Entry {
                at: u32::try_from(i).unwrap_or(u32::MAX),
                since: 0,
            });
        }
    }
}

/// Enters the positions of the items of one kind in `range` (those of them that exist).
struct Refresh<'a> {
    kind: ItemKind,
    range: std::ops::Range<usize>,
    shifts: &'a Shifts,
    positions: &'a mut HashMap<(ItemKind, u64), Entry>,
}

impl KindVisitor for Refresh<'_> {
    fn visit<T: Item>(&mut self, items: &[T]) {
        if T::KIND != self.kind {
            return;
        }
        for j in self.range.start..self.range.end.min(items.len()) {
            enter(self.positions, self.shifts, items, j);
        }
    }
}

/// Enters the position `j` of `items[j]` as of every shift of its kind so far, unless an
/// earlier item has the same ID: the first of duplicate IDs wins, as a scan would find it.
fn enter<T: Item>(
    positions: &mut HashMap<(ItemKind, u64), Entry>,
    shifts: &Shifts,
    items: &[T],
    j: usize,
) {
    let id = items[j].key();
    let new = Entry {
        at: u32::try_from(j).unwrap_or(u32::MAX),
        since: shifts.count(),
    };
    let entry = positions.entry(key(T::KIND, id)).or_insert(new);
    let earlier = shifts.now(*entry).is_some_and(|at| {
        (at as usize) < j && items.get(at as usize).is_some_and(|y| y.key() == id)
    });
    if !earlier {
        *entry = new;
    }
}

/// How the items of a kind changed places ([`Lookup::shifted`]).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Shifted<'a> {
    /// One was inserted at this position.
    Inserted(usize),
    /// The one with this ID was removed from this position.
    Removed(usize, &'a str),
    /// One was moved from the first position to the second.
    Moved(usize, usize),
}

impl Lookup {
    /// Brings the table, if it is built, up to date after an item of `kind` was inserted,
    /// removed or moved (`change`): an item inserted is entered, one removed taken out, and the
    /// shift noted in the kind's log; once the log is [`MAX_SHIFTS`] long, the positions it
    /// shifted are entered again. A move, or a change of target states (whose ranks are counted
    /// again), enters again the positions of the kind from the first that moved. A table not
    /// built yet is built on the next lookup.
    pub(super) fn shifted(&mut self, items: &Items, kind: ItemKind, change: Shifted<'_>) {
        let Some(table) = self.table.get_mut() else {
            return;
        };
        let k = kind.ordinal();
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        if let Shifted::Removed(i, id) = change {
            table.take_out(kind, id, at(i));
        }
        match change {
            Shifted::Moved(from, to) => table.refresh(items, kind, from.min(to)),
            Shifted::Inserted(i) | Shifted::Removed(i, _) if kind == ItemKind::Target => {
                table.refresh(items, kind, i);
            }
            Shifted::Inserted(i) => {
                table.shifts[k].log.push(Shift {
                    at: at(i),
                    inserted: true,
                });
                table.enter(items, kind, i..i + 1);
            }
            Shifted::Removed(i, _) => table.shifts[k].log.push(Shift {
                at: at(i),
                inserted: false,
            }),
        }
        if table.shifts[k].log.len() >= MAX_SHIFTS {
            let first = table.shifts[k].first().unwrap_or(0);
            // Entered again as of every shift so far; then the log starts afresh.
            table.refresh(items, kind, first);
            let shifts = &mut table.shifts[k];
            shifts.base = shifts.count();
            shifts.log.clear();
        }
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
        let table = self.table(items);
        let hit = table
            .positions
            .get(&key(kind, id))
            .and_then(|&e| table.shifts[kind.ordinal()].now(e))
            .map(|i| i as usize)
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
        let mut positions: Vec<_> = table
            .positions
            .iter()
            .filter_map(|(k, e)| Some((*k, table.shifts[k.0.ordinal()].now(*e)?)))
            .collect();
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

    #[test]
    fn many_insertions_and_removals_keep_the_positions_found_as_built() {
        let mut roadmap = crate::bundled::open().expect("bundled").roadmap;
        let first = roadmap.items.events[0].id.clone();
        assert!(roadmap.contains(&ItemRef::Event(first)), "builds the table");
        let mut undos: Vec<Edit> = Vec::new();
        // Past `MAX_SHIFTS` twice over, at many places.
        for i in 0..(3 * MAX_SHIFTS) {
            let year = 2000 + i32::try_from(i % 37).expect("small");
            let event = edit::create_event(
                &roadmap,
                None,
                When::Year(year),
                "会議",
                crate::model::EventKind::Council,
            )
            .expect("creates");
            let mut insert = event.edit;
            if let Edit::Insert { index, .. } = &mut insert {
                *index = (i * 7) % (roadmap.items.events.len() + 1);
            }
            undos.push(edit::apply(&mut roadmap, insert).expect("applies"));
            if i % 3 == 2 {
                let undo = undos.swap_remove(i % undos.len());
                edit::apply(&mut roadmap, undo).expect("undoes");
            }
            if i % 17 == 0 {
                let incremental = tables(&roadmap);
                for e in &roadmap.items.events {
                    assert!(roadmap.contains(&ItemRef::Event(e.id.clone())));
                }
                // A clone builds a table of its own.
                let built = roadmap.clone();
                assert!(built.contains(&ItemRef::Event(built.items.events[0].id.clone())));
                assert_eq!(incremental, tables(&built), "after {i} edits");
            }
        }
        let table = roadmap.lookup.table.get().expect("built");
        let shifts = &table.shifts[ItemKind::Event.ordinal()];
        assert!(
            shifts.base as usize >= 2 * MAX_SHIFTS,
            "the log was emptied more than once: {}",
            shifts.base
        );
    }
}
