//! What an edit touches, as far as data derived from the roadmap is concerned: the link index,
//! coverage and the views' layouts ([`crate::analysis::derived::Derived`]).
//!
//! Most edits a planner makes change one item's own fields (its text, its span, its status) or
//! add, remove or change a link between two items. Such an edit leaves every position and every
//! item's references in place, and what is derived from the roadmap needs updating only where
//! those items show. Everything else (an item created, deleted or moved, a reference changed, a
//! link through a programme, the header) is [`Touched::Whole`].

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
    /// Links between `ends` were added, removed or changed, and `items`' own fields may have
    /// changed; no position, reference or header did, and no link through a programme.
    Links {
        /// Items whose own fields changed.
        items: Vec<ItemRef>,
        /// The items at either end of the links that changed.
        ends: Vec<ItemRef>,
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
        let (mut items, mut ends) = (Vec::new(), Vec::new());
        if !in_place(roadmap, edit, &mut items, &mut ends) {
            return Self::Whole;
        }
        Self::Items(items).and_ends(ends)
    }

    /// `self`, with links between `ends` changed as well.
    fn and_ends(self, ends: Vec<ItemRef>) -> Self {
        if ends.is_empty() {
            return self.within_limit();
        }
        match self {
            Self::Items(items) => Self::Links { items, ends },
            Self::Links {
                items,
                ends: mut before,
            } => {
                for end in ends {
                    push_new(&mut before, end);
                }
                Self::Links {
                    items,
                    ends: before,
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
            Self::Links { items, ends } if items.len() + ends.len() > MAX_ITEMS => Self::Whole,
            _ => self,
        }
    }

    /// What `self` and then `other` touched together.
    #[must_use]
    pub fn and(self, other: Self) -> Self {
        let (mut items, ends) = match self {
            Self::Items(items) => (items, Vec::new()),
            Self::Links { items, ends } => (items, ends),
            Self::Whole => return Self::Whole,
        };
        let (more, more_ends) = match other {
            Self::Items(more) => (more, Vec::new()),
            Self::Links { items, ends } => (items, ends),
            Self::Whole => return Self::Whole,
        };
        for item in more {
            push_new(&mut items, item);
        }
        Self::Items(items).and_ends(ends).and_ends(more_ends)
    }
}

/// Whether `edit` only replaces items in place, keeping each one's references, or changes links
/// other than through programmes: pushes the items it replaces onto `items` and the ends of the
/// links it changes onto `ends`.
fn in_place(
    roadmap: &Roadmap,
    edit: &Edit,
    items: &mut Vec<ItemRef>,
    ends: &mut Vec<ItemRef>,
) -> bool {
    let mut link_ends = |link: &LinkKind| {
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
            push_new(items, item);
            true
        }
        Edit::AddLink { link, .. } | Edit::RemoveLink { link, .. } => link_ends(&link.link),
        Edit::ReplaceLink { index, link } => roadmap
            .items
            .links
            .get(*index)
            .is_some_and(|old| link_ends(&old.link) && link_ends(&link.link)),
        Edit::Batch(edits) => {
            edits.len() <= MAX_ITEMS && edits.iter().all(|e| in_place(roadmap, e, items, ends))
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
                ends: first.ends().to_vec()
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
                ends: vec![b.clone()]
            }),
            Touched::Links {
                items: vec![a.clone()],
                ends: vec![b]
            }
        );
        assert_eq!(Touched::Items(vec![a]).and(Touched::Whole), Touched::Whole);
    }
}
