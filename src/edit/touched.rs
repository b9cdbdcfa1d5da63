//! What an edit touches, as far as data derived from the roadmap is concerned: the link index,
//! coverage and the views' layouts ([`crate::analysis::derived::Derived`]).
//!
//! Most edits a planner makes change one item's own fields: its text, its span, its status.
//! Such an edit leaves every link, every position and every reference in place, and what is
//! derived from the roadmap needs updating only where that item shows. Everything else (a link
//! added or removed, an item created, deleted or moved, a reference changed, the header) is
//! [`Touched::Whole`].

use super::{Edit, ItemValue};
use crate::model::{ItemKind, ItemRef, Roadmap};

/// The most items [`Touched::Items`] lists; an edit that changes more is [`Touched::Whole`]:
/// updating derived data item by item pays only for a few.
const MAX_ITEMS: usize = 32;

/// What one or more edits touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// Only these items' own fields changed: no link, position, reference or header did.
    Items(Vec<ItemRef>),
    /// Anything else.
    Whole,
}

impl Touched {
    /// What `edit` touches, found before it is applied to `roadmap`.
    pub fn of(roadmap: &Roadmap, edit: &Edit) -> Self {
        let mut items = Vec::new();
        if replaced_in_place(roadmap, edit, &mut items) && items.len() <= MAX_ITEMS {
            Self::Items(items)
        } else {
            Self::Whole
        }
    }

    /// What `self` and then `other` touched together.
    #[must_use]
    pub fn and(self, other: Self) -> Self {
        match (self, other) {
            (Self::Items(mut a), Self::Items(b)) => {
                for item in b {
                    if !a.contains(&item) {
                        a.push(item);
                    }
                }
                if a.len() <= MAX_ITEMS {
                    Self::Items(a)
                } else {
                    Self::Whole
                }
            }
            _ => Self::Whole,
        }
    }
}

/// Whether `edit` only replaces items in place, keeping each one's links to others: pushes the
/// items it replaces onto `items`.
fn replaced_in_place(roadmap: &Roadmap, edit: &Edit, items: &mut Vec<ItemRef>) -> bool {
    match edit {
        Edit::Replace(new) => {
            let key = new.key();
            let (Some(old), Some(item)) = (key.get(roadmap), key.item_ref()) else {
                return false;
            };
            if !links_alike(&old, new) {
                return false;
            }
            if !items.contains(&item) {
                items.push(item);
            }
            true
        }
        Edit::Batch(edits) => {
            edits.len() <= MAX_ITEMS && edits.iter().all(|e| replaced_in_place(roadmap, e, items))
        }
        _ => false,
    }
}

/// Whether `old` and `new` (the same item) join it to the same items in the same way: the
/// same references, and the same provenance where the link index takes it from the item.
fn links_alike(old: &ItemValue, new: &ItemValue) -> bool {
    fn refs(v: &ItemValue) -> Vec<(&'static str, ItemKind, &str)> {
        let mut out = Vec::new();
        v.references()
            .each_ref(&mut |field, kind, id| out.push((field, kind, id)));
        out
    }
    let provenance_alike = match (old, new) {
        (ItemValue::Gap(a), ItemValue::Gap(b)) => a.placement_provenance == b.placement_provenance,
        (ItemValue::Budget(a), ItemValue::Budget(b)) => a.provenance == b.provenance,
        _ => true,
    };
    provenance_alike && refs(old) == refs(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

    fn bundled() -> Roadmap {
        crate::bundled::open()
            .expect("the bundled roadmap loads")
            .roadmap
    }

    #[test]
    fn a_changed_text_touches_only_its_item() {
        let r = bundled();
        let m = r.items.measures[0].clone();
        let edit = crate::edit::edit_measure(&r, &m.id, |m| m.text.push('。')).expect("edits");
        assert_eq!(
            Touched::of(&r, &edit),
            Touched::Items(vec![ItemRef::Measure(m.id)])
        );
    }

    #[test]
    fn a_changed_reference_or_link_touches_the_whole() {
        let r = bundled();
        let g = r
            .items
            .gaps
            .iter()
            .find(|g| g.theme.is_some())
            .expect("a gap with a theme");
        let edit = crate::edit::edit_gap(&r, &g.id, |g| g.theme = None).expect("edits");
        assert_eq!(Touched::of(&r, &edit), Touched::Whole);

        let edit = crate::edit::edit_gap(&r, &g.id, |g| {
            g.placement_provenance = match g.placement_provenance {
                Provenance::Stated => Provenance::Assumed,
                _ => Provenance::Stated,
            };
        })
        .expect("edits");
        assert_eq!(Touched::of(&r, &edit), Touched::Whole);

        let first = &r.items.links[0].link;
        let edit = crate::edit::unlink(&r, first).expect("unlinks");
        assert_eq!(Touched::of(&r, &edit), Touched::Whole);
    }

    #[test]
    fn touched_items_add_up_and_anything_whole_stays_whole() {
        let a = ItemRef::Measure(crate::model::MeasureId::new("m-a").expect("an ID"));
        let b = ItemRef::Measure(crate::model::MeasureId::new("m-b").expect("an ID"));
        assert_eq!(
            Touched::Items(vec![a.clone()]).and(Touched::Items(vec![b.clone(), a.clone()])),
            Touched::Items(vec![a.clone(), b])
        );
        assert_eq!(Touched::Items(vec![a]).and(Touched::Whole), Touched::Whole);
    }
}
