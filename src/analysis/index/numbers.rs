//! Item numbers: every item of a roadmap gets a dense number, and looking a number up by
//! [`ItemRef`] touches only compact data.
//!
//! A plain `HashMap<ItemRef, u32>` confirms each hit by comparing the ID with the key's text,
//! which lives wherever the item was allocated; at 100,000 items that is one cache miss per
//! lookup. Here the IDs are copied once, back to back, into one string, and the tables hold only
//! numbers, one table per kind of item: a lookup reads its kind's table and the IDs of that kind,
//! which lie together because items are numbered kind by kind. At 1000× the bundled roadmap the
//! largest of these (the measures') is well under a megabyte, where one table of all items would
//! be several.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::model::{ItemKind, ItemRef};

/// The numbers of items, and the items by number.
#[derive(Clone, Debug, Default)]
pub(super) struct Numbers {
    /// The number of every item, by the ordinal of its kind. A table's entry is only the
    /// number: the table's own hash bits rule out all but about one in a hundred of the other
    /// entries before their IDs are compared.
    tables: [HashTable<u32>; ItemKind::COUNT],
    hasher: foldhash::fast::FixedState,
    /// The items, by number.
    items: Vec<ItemRef>,
    kinds: Vec<ItemKind>,
    /// Every item's ID, back to back; item `n`'s ends at `ends[n]`.
    ids: String,
    ends: Vec<u32>,
}

impl Numbers {
    /// Room for `counts[k]` items of the kind with ordinal `k`.
    pub(super) fn with_capacity(counts: &[usize; ItemKind::COUNT]) -> Self {
        let n = counts.iter().sum();
        Self {
            tables: counts.map(HashTable::with_capacity),
            items: Vec::with_capacity(n),
            kinds: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
            ..Self::default()
        }
    }

    fn hash(&self, id: &str) -> u64 {
        self.hasher.hash_one(id)
    }

    /// Whether item `n` is the item of `kind` with `id`.
    pub(super) fn is(&self, n: u32, kind: ItemKind, id: &str) -> bool {
        self.kinds
            .get(n as usize)
            .is_some_and(|&k| k == kind && id_of(&self.ids, &self.ends, n) == id)
    }

    fn find(&self, hash: u64, kind: ItemKind, id: &str) -> Option<u32> {
        self.tables[kind.ordinal()]
            .find(hash, |&n| id_of(&self.ids, &self.ends, n) == id)
            .copied()
    }

    /// The number of `item`, if it has one.
    pub(super) fn get(&self, item: &ItemRef) -> Option<u32> {
        self.get_key(item.kind(), item.id_str())
    }

    /// The number of the item of `kind` with `id`, if it has one.
    pub(super) fn get_key(&self, kind: ItemKind, id: &str) -> Option<u32> {
        self.find(self.hash(id), kind, id)
    }

    /// The kind of item `n`.
    pub(super) fn kind(&self, n: u32) -> Option<ItemKind> {
        self.kinds.get(n as usize).copied()
    }

    /// The number of `item`, numbering it next if it has none yet.
    pub(super) fn number(&mut self, item: ItemRef) -> u32 {
        let (kind, id) = (item.kind(), item.id_str());
        let hash = self.hash(id);
        match self.find(hash, kind, id) {
            Some(n) => n,
            None => self.insert(hash, item),
        }
    }

    /// The number of the item of `kind` with `id`, numbering `make()` next if it has none yet:
    /// an item is copied only the first time it is met.
    pub(super) fn number_key(
        &mut self,
        kind: ItemKind,
        id: &str,
        make: &dyn Fn() -> ItemRef,
    ) -> u32 {
        let hash = self.hash(id);
        match self.find(hash, kind, id) {
            Some(n) => n,
            None => self.insert(hash, make()),
        }
    }

    /// As [`Self::number_key`], trying first the number `last` holds and the one after it,
    /// which `last` then holds. Links are written item by item, so a link mostly names the item
    /// of each kind that the one before it named, or the next one: those two are in cache, where
    /// the table, at 100,000 items, mostly is not.
    pub(super) fn number_near(
        &mut self,
        last: &mut u32,
        kind: ItemKind,
        id: &str,
        make: &dyn Fn() -> ItemRef,
    ) -> u32 {
        let n = self
            .get_near(last, kind, id)
            .unwrap_or_else(|| self.number_key(kind, id, make));
        *last = n;
        n
    }

    /// As [`Self::get_key`], trying first the number `last` holds and the one after it (see
    /// [`Self::number_near`]); `last` then holds the number found.
    pub(super) fn get_near(&self, last: &mut u32, kind: ItemKind, id: &str) -> Option<u32> {
        let n = [*last, last.wrapping_add(1)]
            .into_iter()
            .find(|&n| self.is(n, kind, id))
            .or_else(|| self.get_key(kind, id))?;
        *last = n;
        Some(n)
    }

    fn insert(&mut self, hash: u64, item: ItemRef) -> u32 {
        let n = u32::try_from(self.items.len()).expect("fewer than 2³² items");
        let kind = item.kind();
        self.kinds.push(kind);
        self.ids.push_str(item.id_str());
        self.ends
            .push(u32::try_from(self.ids.len()).expect("IDs shorter than 4 GiB in all"));
        let (hasher, ids, ends) = (&self.hasher, &self.ids, &self.ends);
        self.tables[kind.ordinal()]
            .insert_unique(hash, n, |&n| hasher.hash_one(id_of(ids, ends, n)));
        self.items.push(item);
        n
    }

    /// The item numbered `n`.
    pub(super) fn item(&self, n: u32) -> &ItemRef {
        &self.items[n as usize]
    }

    /// How many items are numbered.
    pub(super) fn len(&self) -> usize {
        self.items.len()
    }
}

/// Item `n`'s ID in `ids`, where the IDs end at `ends`.
fn id_of<'a>(ids: &'a str, ends: &[u32], n: u32) -> &'a str {
    let n = n as usize;
    let start = if n == 0 { 0 } else { ends[n - 1] as usize };
    &ids[start..ends[n] as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GapId, MeasureId};

    #[test]
    fn numbers_are_dense_stable_and_tell_kinds_apart() {
        let gap = |s: &str| ItemRef::Gap(GapId::new(s).expect("id"));
        let measure = |s: &str| ItemRef::Measure(MeasureId::new(s).expect("id"));
        let mut numbers = Numbers::with_capacity(&[0; ItemKind::COUNT]);
        let names = ["a", "ab", "b", "gap.2024.1-1", "x"];
        for (i, name) in names.iter().enumerate() {
            assert_eq!(numbers.number(gap(name)) as usize, i);
        }
        // The same ID of another kind is another item.
        assert_eq!(numbers.number(measure("a")), 5);
        assert_eq!(numbers.number(gap("ab")), 1, "numbered once");
        assert_eq!(numbers.len(), 6);
        for (i, name) in names.iter().enumerate() {
            assert_eq!(numbers.get(&gap(name)), Some(i as u32));
            assert_eq!(numbers.item(i as u32), &gap(name));
        }
        assert_eq!(numbers.get(&measure("a")), Some(5));
        assert_eq!(numbers.get(&measure("ab")), None);
        // Many items: the table grows and keeps every number.
        for i in 0..10_000 {
            numbers.number(measure(&format!("m.{i}")));
        }
        assert_eq!(numbers.get(&measure("m.9999")), Some(6 + 9_999));
        assert_eq!(numbers.get(&gap("a")), Some(0));
    }
}
