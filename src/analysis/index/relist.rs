//! Bringing the index up to date after items were created or removed.

use super::{Index, set_present};
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
            let (start, end) = (self.own.starts[k], self.own.starts[k + 1]);
            // Out first, every one of them (an item removed and inserted again may have moved);
            // then those that are there now, in again at their places, first place first: the
            // others keep their order.
            let mut list: Vec<u32> = self.own.numbers[start..end].to_vec();
            let mut back: Vec<(usize, u32)> = Vec::new();
            for item in items.iter().filter(|i| i.kind() == kind) {
                let n = self.numbers.number(item.clone());
                list.retain(|&x| x != n);
                let at = roadmap.position_of(kind, item.id_str());
                set_present(&mut self.own.present, n, at.is_some());
                if let Some(p) = at {
                    back.push((p, n));
                }
            }
            back.sort_unstable();
            for (p, n) in back {
                list.insert(p.min(list.len()), n);
            }
            let len = list.len();
            self.own.numbers.splice(start..end, list);
            for s in &mut self.own.starts[k + 1..] {
                *s = *s + len - (end - start);
            }
        }
    }
}
