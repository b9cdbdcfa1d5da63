//! Item numbers: every item of a roadmap gets a dense number, and looking a number up by
//! [`ItemRef`] touches only compact data.
//!
//! A plain `HashMap<ItemRef, u32>` confirms each hit by comparing the ID with the key's text,
//! which lives wherever the item was allocated; at 100,000 items that is one cache miss per
//! lookup. Here the IDs are copied once, back to back, into one string, and the table holds only
//! hashes and numbers, so a lookup stays within a few megabytes however the items lie in memory.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::model::{ItemKind, ItemRef};

/// The numbers of items, and the items by number.
#[derive(Clone, Debug, Default)]
pub(super) struct Numbers {
    /// `(the hash's top half, number)` of every item: eight bytes an item, so that the table of
    /// 200,000 items fits in a core's cache.
    table: HashTable<(u32, u32)>,
    hasher: foldhash::fast::FixedState,
    /// The items, by number.
    items: Vec<ItemRef>,
    kinds: Vec<ItemKind>,
    /// Every item's ID, back to back; item `n`'s ends at `ends[n]`.
    ids: String,
    ends: Vec<u32>,
}

impl Numbers {
    pub(super) fn with_capacity(n: usize) -> Self {
        Self {
            table: HashTable::with_capacity(n),
            items: Vec::with_capacity(n),
            kinds: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
            ..Self::default()
        }
    }

    fn hash(&self, kind: ItemKind, id: &str) -> u64 {
        self.hasher.hash_one((kind, id))
    }

    fn matches(&self, n: u32, kind: ItemKind, id: &str) -> bool {
        self.kinds[n as usize] == kind && id_of(&self.ids, &self.ends, n) == id
    }

    fn find(&self, hash: u64, kind: ItemKind, id: &str) -> Option<u32> {
        self.table
            .find(hash, |&(t, n)| t == tag(hash) && self.matches(n, kind, id))
            .map(|&(_, n)| n)
    }

    /// The number of `item`, if it has one.
    pub(super) fn get(&self, item: &ItemRef) -> Option<u32> {
        let (kind, id) = (item.kind(), item.id_str());
        self.find(self.hash(kind, id), kind, id)
    }

    /// The number of `item`, numbering it next if it has none yet.
    pub(super) fn number(&mut self, item: ItemRef) -> u32 {
        let (kind, id) = (item.kind(), item.id_str());
        let hash = self.hash(kind, id);
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
        let hash = self.hash(kind, id);
        match self.find(hash, kind, id) {
            Some(n) => n,
            None => self.insert(hash, make()),
        }
    }

    fn insert(&mut self, hash: u64, item: ItemRef) -> u32 {
        let n = u32::try_from(self.items.len()).expect("fewer than 2³² items");
        self.kinds.push(item.kind());
        self.ids.push_str(item.id_str());
        self.ends
            .push(u32::try_from(self.ids.len()).expect("IDs shorter than 4 GiB in all"));
        let (hasher, kinds, ids, ends) = (&self.hasher, &self.kinds, &self.ids, &self.ends);
        self.table.insert_unique(hash, (tag(hash), n), |&(_, n)| {
            hasher.hash_one((kinds[n as usize], id_of(ids, ends, n)))
        });
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

/// The part of a hash kept in the table (the table picks buckets by the low bits).
fn tag(hash: u64) -> u32 {
    (hash >> 32) as u32
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
        let mut numbers = Numbers::with_capacity(0);
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
