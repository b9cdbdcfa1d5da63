//! What an edit touches, as far as data derived from the roadmap is concerned: the link index,
//! coverage and the views' layouts ([`crate::analysis::derived::Derived`]).
//!
//! Most edits a planner makes change one item's own fields (its text, its span, its status),
//! change the references it holds (its theme, a proposal's actions, the source it cites), add,
//! remove or change a link between two items, or create or delete an item. Such an edit leaves
//! every other item where it was, and what is derived from the roadmap needs updating only where
//! those items show. Everything else (an item moved, the header, a scenario, an edit of too many
//! items) is [`Touched::Whole`].

use super::{Edit, ItemValue};
pub use crate::analysis::derived::Linked;
use crate::model::{ItemRef, LinkKind, Roadmap};

/// The most items [`Touched::Items`] or [`Touched::Links`] lists; an edit that changes more is
/// [`Touched::Whole`]: updating derived data item by item pays only for a few.
const MAX_ITEMS: usize = 48;

/// What one or more edits touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// Only these items' own fields changed: no link, position, reference or header did.
    Items(Vec<ItemRef>),
    /// Links, references or which items there are changed as well (see [`Linked`]).
    Links(Linked),
    /// Anything else.
    Whole,
}

impl Linked {
    /// How many items it lists.
    fn len(&self) -> usize {
        self.items.len()
            + self.ends.len()
            + self.listed.len()
            + self.holders.len()
            + self.reached.len()
    }

    /// Whether it changes no more than items' own fields.
    fn only_items(&self) -> bool {
        self.ends.is_empty() && self.listed.is_empty() && self.holders.is_empty()
    }

    /// `self` with what `other` lists as well.
    fn join(mut self, other: Self) -> Self {
        for (list, more) in [
            (&mut self.items, other.items),
            (&mut self.ends, other.ends),
            (&mut self.listed, other.listed),
            (&mut self.holders, other.holders),
            (&mut self.reached, other.reached),
        ] {
            for item in more {
                push_new(list, item);
            }
        }
        self
    }
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
        let mut found = Linked::default();
        if !in_place(roadmap, edit, &mut found, &mut LinkMoves::default()) {
            return Self::Whole;
        }
        Self::from(found)
    }

    /// What `found` lists, as the least it is, or [`Touched::Whole`] when it lists more items
    /// than updating them one by one pays for.
    fn from(found: Linked) -> Self {
        if found.len() > MAX_ITEMS {
            Self::Whole
        } else if found.only_items() {
            Self::Items(found.items)
        } else {
            Self::Links(found)
        }
    }

    /// What `self` and then `other` touched together.
    #[must_use]
    pub fn and(self, other: Self) -> Self {
        let linked = |t: Self| match t {
            Self::Items(items) => Some(Linked {
                items,
                ..Linked::default()
            }),
            Self::Links(linked) => Some(linked),
            Self::Whole => None,
        };
        match (linked(self), linked(other)) {
            (Some(a), Some(b)) => Self::from(a.join(b)),
            _ => Self::Whole,
        }
    }
}

/// The links added, removed and replaced by the edits of a batch seen so far, in order: a later
/// edit's link index is of the links as those left them, not of the roadmap's.
#[derive(Default)]
struct LinkMoves(Vec<LinkMove>);

#[derive(Clone, Copy)]
enum LinkMove {
    Added(usize),
    Removed(usize),
    Replaced(usize),
}

impl LinkMoves {
    /// Where the link at `index` after the moves so far was in the roadmap: `None` when an
    /// earlier edit of the batch put it there (its ends are listed already).
    fn original(&self, mut index: usize) -> Option<usize> {
        for m in self.0.iter().rev() {
            match *m {
                LinkMove::Added(k) | LinkMove::Replaced(k) if index == k => return None,
                LinkMove::Added(k) if index > k => index -= 1,
                LinkMove::Removed(k) if index >= k => index += 1,
                _ => {}
            }
        }
        Some(index)
    }
}

/// Whether `edit` only replaces items in place, changes links, or creates or removes items:
/// pushes what it touches onto `found`. `moves` are the link edits of the batch before it.
fn in_place(roadmap: &Roadmap, edit: &Edit, found: &mut Linked, moves: &mut LinkMoves) -> bool {
    let link_ends = |link: &LinkKind, ends: &mut Vec<ItemRef>| {
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
            push_new(&mut found.items, item.clone());
            if !links_alike(&old, new) {
                held(item, [&old, new], found);
            }
            true
        }
        Edit::Insert { value, .. } => listed(value, found),
        Edit::Remove(key) => key.get(roadmap).is_some_and(|value| listed(&value, found)),
        Edit::AddLink { index, link } => {
            moves.0.push(LinkMove::Added(*index));
            link_ends(&link.link, &mut found.ends)
        }
        Edit::RemoveLink { index, link } => {
            moves.0.push(LinkMove::Removed(*index));
            link_ends(&link.link, &mut found.ends)
        }
        Edit::ReplaceLink { index, link } => {
            let old = match moves.original(*index) {
                Some(i) => match roadmap.items.links.get(i) {
                    Some(old) => link_ends(&old.link, &mut found.ends),
                    None => false,
                },
                None => true,
            };
            moves.0.push(LinkMove::Replaced(*index));
            old && link_ends(&link.link, &mut found.ends)
        }
        Edit::Batch(edits) => {
            edits.len() <= MAX_ITEMS && edits.iter().all(|e| in_place(roadmap, e, found, moves))
        }
        _ => false,
    }
}

/// `value`, created or removed, listed on `found`, with the references it holds.
fn listed(value: &ItemValue, found: &mut Linked) -> bool {
    let Some(item) = value.key().item_ref() else {
        return false;
    };
    push_new(&mut found.listed, item.clone());
    held(item, [value], found);
    true
}

/// `item` listed among the holders on `found` if any of `values` (its values before and after)
/// holds a reference, with every item they refer to.
fn held<const N: usize>(item: ItemRef, values: [&ItemValue; N], found: &mut Linked) {
    let mut reached = Vec::new();
    for value in values {
        value.references().each_ref(&mut |_, kind, id| {
            if let Ok(target) = ItemRef::from_parts(kind, id) {
                push_new(&mut reached, target);
            }
        });
    }
    if reached.is_empty() {
        return;
    }
    push_new(&mut found.holders, item);
    for target in reached {
        push_new(&mut found.reached, target);
    }
}

/// Whether `old` and `new` (the same item) join it to the same items in the same way: the
/// same references, and the same provenance where the link index takes it from the item.
fn links_alike(old: &ItemValue, new: &ItemValue) -> bool {
    fn refs(v: &ItemValue) -> Vec<(&'static str, crate::model::ItemKind, &str)> {
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
    fn a_changed_reference_touches_its_holder_and_what_it_refers_to() {
        let r = bundled();
        let g = r
            .items
            .gaps
            .iter()
            .find(|g| g.theme.is_some() && g.source.is_some())
            .expect("a gap with a theme and a source");
        let (theme, source) = (
            ItemRef::Theme(g.theme.clone().expect("theme")),
            ItemRef::Source(g.source.clone().expect("source").doc),
        );
        let gap = ItemRef::Gap(g.id.clone());
        let edit = crate::edit::edit_gap(&r, &g.id, |g| g.theme = None).expect("edits");
        let Touched::Links(linked) = Touched::of(&r, &edit) else {
            panic!("a changed theme is followed in place");
        };
        assert_eq!(linked.items, vec![gap.clone()]);
        assert_eq!(linked.holders, vec![gap.clone()]);
        assert!(linked.reached.contains(&theme) && linked.reached.contains(&source));
        assert!(linked.ends.is_empty() && linked.listed.is_empty());

        let edit = crate::edit::edit_gap(&r, &g.id, |g| {
            g.placement_provenance = match g.placement_provenance {
                Provenance::Stated => Provenance::Assumed,
                _ => Provenance::Stated,
            };
        })
        .expect("edits");
        assert!(matches!(Touched::of(&r, &edit), Touched::Links(l) if l.holders == vec![gap]));
    }

    #[test]
    fn a_link_replaced_after_links_moved_in_the_same_batch_touches_what_it_replaced() {
        let r = bundled();
        let (at, old) = r
            .items
            .links
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, l)| matches!(l.link, LinkKind::Responsible { .. }))
            .expect("a responsibility link");
        let LinkKind::Responsible { measure, role, .. } = &old.link else {
            unreachable!("found as one");
        };
        let was = old.link.ends()[1].clone();
        let other = r
            .items
            .ministries
            .iter()
            .find(|m| ItemRef::Ministry(m.code.clone()) != was)
            .expect("another ministry");
        let mut new = old.clone();
        new.link = LinkKind::Responsible {
            measure: measure.clone(),
            ministry: other.code.clone(),
            role: *role,
        };
        // The first link goes, so the one replaced is one place earlier when it is replaced.
        let edit = Edit::Batch(vec![
            Edit::RemoveLink {
                index: 0,
                link: r.items.links[0].clone(),
            },
            Edit::ReplaceLink {
                index: at - 1,
                link: new,
            },
        ]);
        let Touched::Links(linked) = Touched::of(&r, &edit) else {
            panic!("link edits are followed in place");
        };
        assert!(linked.ends.contains(&was), "the ministry it named before");
        assert!(linked.ends.contains(&ItemRef::Ministry(other.code.clone())));
        let mut applied = r.clone();
        crate::edit::apply(&mut applied, edit).expect("applies");
    }

    #[test]
    fn a_changed_link_touches_its_ends() {
        let r = bundled();
        let through = r
            .items
            .links
            .iter()
            .find(|l| matches!(l.link, LinkKind::Through { .. }))
            .expect("a programme link");
        for link in [&r.items.links[0].link, &through.link] {
            let edit = crate::edit::unlink(&r, link).expect("unlinks");
            assert_eq!(
                Touched::of(&r, &edit),
                Touched::Links(Linked {
                    ends: link.ends().to_vec(),
                    ..Linked::default()
                })
            );
        }
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
            Touched::Items(vec![a.clone()]).and(Touched::Links(Linked {
                ends: vec![b.clone()],
                ..Linked::default()
            })),
            Touched::Links(Linked {
                items: vec![a.clone()],
                ends: vec![b],
                ..Linked::default()
            })
        );
        assert_eq!(Touched::Items(vec![a]).and(Touched::Whole), Touched::Whole);
    }
}
