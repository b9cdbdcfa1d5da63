//! What an edit touches, as far as data derived from the roadmap is concerned: the link index,
//! coverage and the views' layouts ([`crate::analysis::derived::Derived`]).
//!
//! Most edits a planner makes change one item's own fields (its text, its span, its status),
//! add, remove or change a link between two items, or create or delete an item that holds no
//! reference. Such an edit leaves every other item where it was, and what is derived from the
//! roadmap needs updating only where those items show. Everything else (an item moved, a
//! reference changed, an item with references created or deleted, a link through a programme,
//! the header) is [`Touched::Whole`].

use super::{Edit, ItemValue};
use crate::model::{ItemKind, ItemRef, LinkKind, Roadmap};

/// The most items [`Touched::Items`] or [`Touched::Links`] lists; an edit that changes more is
/// [`Touched::Whole`]: updating derived data item by item pays only for a few.
const MAX_ITEMS: usize = 32;

/// What one or more edits touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// Only these items' own fields changed: no link, position, reference or header did.
    Items(Vec<ItemRef>),
    /// Links between `ends` were added, removed or changed, items that hold no reference
    /// were created or removed (`listed`), and `items`' own fields may have changed; no other
    /// item moved, no reference or header changed, and no link through a programme did.
    Links {
        /// Items whose own fields changed.
        items: Vec<ItemRef>,
        /// The items at either end of the links that changed.
        ends: Vec<ItemRef>,
        /// Items created or removed, none of them holding a reference.
        listed: Vec<ItemRef>,
    },
    /// Anything else.
    Whole,
}

/// Pushes `item` onto `list` unless it is there.
fn push_new(list: &mut Vec<ItemRef>, item: ItemRef) {
    if !list.contains(&item) {
        list.push(item);
    }
}

impl Touched {
    /// What `edit` touches, found before it is applied to `roadmap`.
    pub fn of(roadmap: &Roadmap, edit: &Edit) -> Self {
        let mut found = Found::default();
        if !in_place(roadmap, edit, &mut found) {
            return Self::Whole;
        }
        Self::Items(found.items).and_links(found.ends, found.listed)
    }

    /// `self`, with links between `ends` changed and the items `listed` created or removed as
    /// well.
    fn and_links(self, ends: Vec<ItemRef>, listed: Vec<ItemRef>) -> Self {
        if ends.is_empty() && listed.is_empty() {
            return self.within_limit();
        }
        match self {
            Self::Items(items) => Self::Links {
                items,
                ends,
                listed,
            },
            Self::Links {
                items,
                ends: mut ends_before,
                listed: mut listed_before,
            } => {
                for end in ends {
                    push_new(&mut ends_before, end);
                }
                for item in listed {
                    push_new(&mut listed_before, item);
                }
                Self::Links {
                    items,
                    ends: ends_before,
                    listed: listed_before,
                }
            }
            Self::Whole => Self::Whole,
        }
        .within_limit()
    }

    /// `self`, or [`Touched::Whole`] when it lists more items than updating them one by one
    /// pays for.
    fn within_limit(self) -> Self {
        match &self {
            Self::Items(items) if items.len() > MAX_ITEMS => Self::Whole,
            Self::Links {
                items,
                ends,
                listed,
            } if items.len() + ends.len() + listed.len() > MAX_ITEMS => Self::Whole,
            _ => self,
        }
    }

    /// What `self` and then `other` touched together.
    #[must_use]
    pub fn and(self, other: Self) -> Self {
        let (mut items, ends, listed) = match self {
            Self::Items(items) => (items, Vec::new(), Vec::new()),
            Self::Links {
                items,
                ends,
                listed,
            } => (items, ends, listed),
            Self::Whole => return Self::Whole,
        };
        let (more, more_ends, more_listed) = match other {
            Self::Items(more) => (more, Vec::new(), Vec::new()),
            Self::Links {
                items,
                ends,
                listed,
            } => (items, ends, listed),
            Self::Whole => return Self::Whole,
        };
        for item in more {
            push_new(&mut items, item);
        }
        Self::Items(items)
            .and_links(ends, listed)
            .and_links(more_ends, more_listed)
    }
}

/// What [`in_place`] finds.
#[derive(Default)]
struct Found {
    items: Vec<ItemRef>,
    ends: Vec<ItemRef>,
    listed: Vec<ItemRef>,
}

/// Whether `edit` only replaces items in place, keeping each one's references, changes links
/// other than through programmes, or creates or removes items that hold no reference: pushes
/// what it touches onto `found`.
fn in_place(roadmap: &Roadmap, edit: &Edit, found: &mut Found) -> bool {
    let link_ends = |link: &LinkKind, ends: &mut Vec<ItemRef>| {
        if matches!(link, LinkKind::Through { .. }) {
            return false;
        }
        for end in link.ends() {
            push_new(ends, end);
        }
        true
    };
    match edit {
        Edit::Replace(new) => {
            let key = new.key();
            let (Some(old), Some(item)) = (key.get(roadmap), key.item_ref()) else {
                return false;
            };
            if !links_alike(&old, new) {
                return false;
            }
            push_new(&mut found.items, item);
            true
        }
        Edit::Insert { value, .. } => listed(value, &mut found.listed),
        Edit::Remove(key) => key
            .get(roadmap)
            .is_some_and(|value| listed(&value, &mut found.listed)),
        Edit::AddLink { link, .. } | Edit::RemoveLink { link, .. } => {
            link_ends(&link.link, &mut found.ends)
        }
        Edit::ReplaceLink { index, link } => roadmap.items.links.get(*index).is_some_and(|old| {
            link_ends(&old.link, &mut found.ends) && link_ends(&link.link, &mut found.ends)
        }),
        Edit::Batch(edits) => {
            edits.len() <= MAX_ITEMS && edits.iter().all(|e| in_place(roadmap, e, found))
        }
        _ => false,
    }
}

/// Whether `value`, created or removed, holds no reference (so that no other item's edges
/// change with it): pushes it onto `listed` if so.
fn listed(value: &ItemValue, listed: &mut Vec<ItemRef>) -> bool {
    let Some(item) = value.key().item_ref() else {
        return false;
    };
    let mut refers = false;
    value.references().each_ref(&mut |_, _, _| refers = true);
    if refers {
        return false;
    }
    push_new(listed, item);
    true
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
    }

    #[test]
    fn a_changed_link_touches_its_ends_unless_it_runs_through_a_programme() {
        let r = bundled();
        let first = &r.items.links[0].link;
        let edit = crate::edit::unlink(&r, first).expect("unlinks");
        assert_eq!(
            Touched::of(&r, &edit),
            Touched::Links {
                items: Vec::new(),
                ends: first.ends().to_vec(),
                listed: Vec::new(),
            }
        );
        let through = r
            .items
            .links
            .iter()
            .find(|l| matches!(l.link, LinkKind::Through { .. }))
            .expect("a programme link");
        let edit = crate::edit::unlink(&r, &through.link).expect("unlinks");
        assert_eq!(Touched::of(&r, &edit), Touched::Whole);
    }

    #[test]
    fn touched_items_add_up_and_anything_whole_stays_whole() {
        let a = ItemRef::Measure(crate::model::MeasureId::new("m-a").expect("an ID"));
        let b = ItemRef::Measure(crate::model::MeasureId::new("m-b").expect("an ID"));
        assert_eq!(
            Touched::Items(vec![a.clone()]).and(Touched::Items(vec![b.clone(), a.clone()])),
            Touched::Items(vec![a.clone(), b.clone()])
        );
        assert_eq!(
            Touched::Items(vec![a.clone()]).and(Touched::Links {
                items: Vec::new(),
                ends: vec![b.clone()],
                listed: Vec::new(),
            }),
            Touched::Links {
                items: vec![a.clone()],
                ends: vec![b],
                listed: Vec::new(),
            }
        );
        assert_eq!(Touched::Items(vec![a]).and(Touched::Whole), Touched::Whole);
    }
}
