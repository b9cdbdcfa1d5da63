//! Bringing the index up to date after items were created or removed.

use super::Index;
use crate::model::{ItemKind, ItemRef, Roadmap};

impl Index {
    /// Brings the index up to date with `roadmap` after `items` were created or removed: each
    /// of their kinds is listed again in the roadmap's order, and a created item is numbered. A
    /// removed item keeps its number, with no edges once its links and references are gone,
    /// like the end of a link to an item that does not exist. Links changed with them are
    /// brought up to date by [`Index::relink`], the references they held or that others held
    /// to them by [`Index::rerefer`].
    pub fn relist(&mut self, roadmap: &Roadmap, items: &[ItemRef]) {
        let mut kinds: Vec<ItemKind> = items.iter().map(ItemRef::kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            let k = kind.ordinal();
            let numbers: Vec<u32> = roadmap
                .items
                .refs_of(kind)
                .into_iter()
                .map(|item| self.numbers.number(item))
                .collect();
            let (start, end) = (self.own.starts[k], self.own.starts[k + 1]);
            let len = numbers.len();
            self.own.numbers.splice(start..end, numbers);
            for s in &mut self.own.starts[k + 1..] {
                *s = *s + len - (end - start);
            }
        }
    }
}
