//! Deleting an item together with every link and reference to it, as one undoable step, and
//! saying beforehand what will be unlinked.

use super::integrity::{Reference, references_to};
use super::{Edit, EditError, ItemKey, ItemValue};
use crate::i18n::Lang;
use crate::model::Roadmap;

/// The deletion of an item: the edit, and what it unlinks (for a confirmation dialog).
#[derive(Clone, Debug, PartialEq)]
pub struct Deletion {
    /// One batch: remove the links to the item, clear the references other items hold, then
    /// remove the item. Undoing it restores all of them.
    pub edit: Edit,
    /// Every link removed and reference cleared, in roadmap order.
    pub unlinked: Vec<Reference>,
}

impl Deletion {
    /// What the deletion unlinks, one line each, for a confirmation dialog (call it on the
    /// roadmap before the deletion is applied).
    pub fn describe(&self, roadmap: &Roadmap, lang: Lang) -> Vec<String> {
        self.unlinked
            .iter()
            .map(|r| r.describe(roadmap, lang))
            .collect()
    }
}

/// The deletion of `key` with every link to it removed and every reference to it cleared: a
/// proposal's action, a budget's programme or ministry, a KPI's parent, a gap's theme (the gap
/// is then numbered after the gaps without a theme) or stage, a scenario's override, the source
/// an item or link cites. Refused when a reference cannot be cleared: a gap that a proposal
/// answers (its `gap` is required) — give the proposal another gap or delete it first.
pub fn delete_item(roadmap: &Roadmap, key: &ItemKey) -> Result<Deletion, EditError> {
    if key.position(&roadmap.items).is_none() {
        return Err(EditError::NotFound(key.clone()));
    }
    let refs = references_to(roadmap, key);
    let required: Vec<String> = refs
        .iter()
        .filter(|r| r.is_required())
        .map(|r| r.describe(roadmap, Lang::En))
        .collect();
    if !required.is_empty() {
        return Err(EditError::Required {
            item: key.clone(),
            by: required,
        });
    }
    let links = &roadmap.items.links;
    let mut edits = Vec::new();
    // Links that only cite the item keep their place: replace them first, while the positions
    // are those of the roadmap as it is.
    for r in &refs {
        if let Reference::LinkSource { index, .. } = r {
            let mut link = links[*index].clone();
            link.source = None;
            edits.push(Edit::ReplaceLink {
                index: *index,
                link,
            });
        }
    }
    // Remove links from the last, so that the earlier positions stay valid.
    let mut removed: Vec<usize> = refs
        .iter()
        .filter_map(|r| match r {
            Reference::Link { index, .. } => Some(*index),
            _ => None,
        })
        .collect();
    removed.sort_unstable();
    removed.dedup();
    for &index in removed.iter().rev() {
        edits.push(Edit::RemoveLink {
            index,
            link: links[index].clone(),
        });
    }
    // Clear each holder's references in one replacement.
    let mut holders: Vec<&ItemKey> = Vec::new();
    for r in &refs {
        if let Reference::Field { holder, .. } = r
            && !holders.contains(&holder)
        {
            holders.push(holder);
        }
    }
    let mut next_free_gap_number = roadmap
        .items
        .gaps
        .iter()
        .filter(|g| g.theme.is_none())
        .map(|g| g.number)
        .max()
        .unwrap_or(0);
    for holder in holders {
        let Some(mut value) = holder.get(roadmap) else {
            continue;
        };
        clear_references(&mut value, key, &mut next_free_gap_number);
        edits.push(Edit::Replace(value));
    }
    edits.push(Edit::Remove(key.clone()));
    Ok(Deletion {
        edit: Edit::Batch(edits),
        unlinked: refs,
    })
}

/// Clears from `value` every reference to `key`.
fn clear_references(value: &mut ItemValue, key: &ItemKey, next_free_gap_number: &mut u32) {
    let Some(target) = key.item_ref() else {
        return;
    };
    let cleared = value
        .references_mut()
        .clear_ref(target.kind(), target.id_str());
    // A gap taken out of its theme is numbered among the gaps with no theme.
    if let ItemValue::Gap(g) = value
        && cleared.contains(&"theme")
    {
        *next_free_gap_number += 1;
        g.number = *next_free_gap_number;
    }
}
