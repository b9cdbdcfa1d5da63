//! Every change to a roadmap is an [`Edit`]; [`apply`] makes it and returns its inverse, which
//! undoes it exactly ([`crate::history::History`] keeps both).
//!
//! [`apply`] is the one gate through which a roadmap changes, and it refuses an edit that would
//! leave a reference dangling, link an item to itself, make a KPI its own ancestor or list an
//! action twice ([`integrity`]), so no sequence of edits can create such an error. Other
//! findings (an empty text, a span that ends before it starts, a duplicate number) may arise
//! while a person types and show as live diagnostics; saving refuses them.
//!
//! The constructors build the edits the views need: [`ops`] (change a field, reschedule, link,
//! unlink, hand a measure to another ministry, reorder), [`mod@create`] (new items with fresh IDs)
//! and [`mod@delete`] (an item with every link and reference to it, as one step).

pub mod create;
pub mod delete;
pub mod integrity;
mod item;
mod message;
pub mod ops;
pub mod presentation;
pub mod scenario;
mod touched;

pub use create::{
    Created, create, create_budget, create_event, create_gap, create_kpi, create_measure,
    create_ministry, create_note, create_proposal, create_source, create_stage, create_target,
    create_theme, fresh_id,
};
pub use delete::{Deletion, delete_item};
pub use integrity::{Reference, references_to};
pub use item::{ItemKey, ItemValue};
pub use ops::{
    add_action, edit_budget, edit_event, edit_gap, edit_kpi, edit_measure, edit_ministry,
    edit_note, edit_proposal, edit_scenario, edit_source, edit_stage, edit_target, edit_theme,
    link, link_between, link_index, move_gap, move_proposal, reassign, remove_action, reschedule,
    set_link, unlink, update,
};
pub use touched::{Linked, Touched};

use crate::model::{
    Conflict, FileId, GapId, Header, IdError, KpiId, Link, LinkKind, MeasureId, MinistryCode,
    Roadmap, Shifted,
};

/// One change to a roadmap. Every edit is invertible: [`apply`] returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace the item with the value's key by the value (in place; IDs cannot change).
    Replace(ItemValue),
    /// Insert an item at `index` of the collection of its kind; it is saved to the value's
    /// `origin` file.
    Insert {
        /// Position in the collection (0 to its length).
        index: usize,
        /// The new item.
        value: ItemValue,
    },
    /// Remove an item. Refused while anything refers to it: remove those references first
    /// (what [`delete_item`] does).
    Remove(ItemKey),
    /// Move an item to position `to` of the collection of its kind (the order items are shown
    /// and saved in).
    Move {
        /// The item.
        key: ItemKey,
        /// Its new position, counted after taking it out.
        to: usize,
    },
    /// Insert a link at `index` of the roadmap's links.
    AddLink {
        /// Position in [`crate::model::Items::links`].
        index: usize,
        /// The link, with its provenance and origin file.
        link: Link,
    },
    /// Remove the link at `index`, which must equal `link` (else the edit is stale and refused).
    RemoveLink {
        /// Position in [`crate::model::Items::links`].
        index: usize,
        /// The link expected there.
        link: Link,
    },
    /// Replace the link at `index` (a ministry's role, a link's provenance or note).
    ReplaceLink {
        /// Position in [`crate::model::Items::links`].
        index: usize,
        /// The new link.
        link: Link,
    },
    /// Replace the roadmap's header.
    SetHeader(Header),
    /// Remove the merge conflict record at `index`, which must equal `conflict` (a resolved
    /// conflict).
    RemoveConflict {
        /// Position in [`crate::model::Items::conflicts`].
        index: usize,
        /// The record expected there.
        conflict: Conflict,
    },
    /// Insert a merge conflict record at `index` (undoing its resolution).
    InsertConflict {
        /// Position in [`crate::model::Items::conflicts`].
        index: usize,
        /// The record.
        conflict: Conflict,
    },
    /// Several edits as one step, applied in order; all or nothing.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Whether the edit changes nothing (an empty batch).
    pub fn is_noop(&self) -> bool {
        match self {
            Edit::Batch(edits) => edits.iter().all(Edit::is_noop),
            _ => false,
        }
    }
}

/// Why an edit was refused. The roadmap is unchanged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The item does not exist.
    #[error("{0} does not exist")]
    NotFound(ItemKey),
    /// An edit tried to change an item's ID (or a ministry's code), which others refer to.
    #[error("the ID of {0} cannot be changed")]
    KeyChanged(ItemKey),
    /// An item with that key exists already.
    #[error("{0} already exists; IDs must be unique")]
    DuplicateId(ItemKey),
    /// A position past the end of a list.
    #[error("position {index} is past the end of the list of {len}")]
    OutOfRange {
        /// The position asked for.
        index: usize,
        /// The length of the list.
        len: usize,
    },
    /// The link at a position is not the one the edit expected.
    #[error("the link at position {index} is not the expected one; the roadmap has changed")]
    LinkMismatch {
        /// The position.
        index: usize,
    },
    /// The merge conflict record at a position is not the one the edit expected.
    #[error(
        "the merge conflict at position {index} is not the expected one; the roadmap has changed"
    )]
    ConflictMismatch {
        /// The position.
        index: usize,
    },
    /// A file the roadmap does not have.
    #[error("the roadmap has no file number {0}")]
    NoSuchFile(u16),
    /// A reference to an item that does not exist.
    #[error("{what} `{id}` does not exist")]
    Dangling {
        /// The kind of item referred to.
        what: &'static str,
        /// Its ID.
        id: String,
    },
    /// The item is still referred to.
    #[error("{item} is still referred to ({})", .by.join("; "))]
    StillReferenced {
        /// The item.
        item: ItemKey,
        /// What refers to it, in words.
        by: Vec<String>,
    },
    /// A link from an item to itself.
    #[error("`{0}` cannot be linked to itself")]
    SelfLink(String),
    /// A `Through` link must end at a programme, and a programme others go through must stay one.
    #[error("measure `{0}` is not a programme (or others are carried out through it)")]
    NotAProgramme(MeasureId),
    /// The link exists already.
    #[error("this {} link exists already", .0.name())]
    DuplicateLink(LinkKind),
    /// No link of that kind exists.
    #[error("there is no such {} link", .0.name())]
    NoSuchLink(LinkKind),
    /// Two items no link kind joins.
    #[error(
        "a {} and a {} cannot be linked",
        .a.noun(),
        .b.noun()
    )]
    NoLinkBetween {
        /// The kind of the first item.
        a: crate::model::ItemKind,
        /// The kind of the second.
        b: crate::model::ItemKind,
    },
    /// A ministry that is not responsible for the measure.
    #[error("ministry `{ministry}` is not responsible for measure `{measure}`")]
    NotResponsible {
        /// The measure.
        measure: MeasureId,
        /// The ministry.
        ministry: MinistryCode,
    },
    /// A KPI that would be its own ancestor.
    #[error("KPI `{0}` would be its own ancestor through `parent`")]
    Cycle(KpiId),
    /// An action listed twice in a proposal.
    #[error("action `{0}` would be listed twice")]
    DuplicateAction(MeasureId),
    /// A span that ends before it starts.
    #[error("the span would end (FY{end_fy}) before it starts (FY{start_fy})")]
    SpanOrder {
        /// First fiscal year.
        start_fy: i32,
        /// Last fiscal year.
        end_fy: i32,
    },
    /// An item required by another cannot be deleted.
    #[error("{item} cannot be deleted: {}", .by.join("; "))]
    Required {
        /// The item.
        item: ItemKey,
        /// What requires it, in words.
        by: Vec<String>,
    },
    /// A generated or given ID is not valid.
    #[error("`{id}` is not a valid ID: {error}")]
    BadId {
        /// The ID.
        id: String,
        /// Why.
        error: IdError,
    },
    /// A ministry code that is not valid.
    #[error("{0}")]
    BadMinistryCode(crate::model::MinistryCodeError),
    /// A gap that is not where the edit expected it (a reorder within another theme).
    #[error("gap `{0}` is not in that list")]
    NotInScope(GapId),
}

/// Applies `edit` to `roadmap` and returns its inverse: applying the inverse restores the
/// roadmap exactly. A refused edit (a batch included) leaves the roadmap unchanged.
pub fn apply(roadmap: &mut Roadmap, edit: Edit) -> Result<Edit, EditError> {
    let moves_items = moves_items(&edit);
    let mut files = Vec::new();
    files_of(roadmap, &edit, &mut files);
    let result = apply_one(roadmap, edit);
    if moves_items {
        roadmap.forget_lookup();
    }
    if let Ok(inverse) = &result {
        files_of(roadmap, inverse, &mut files);
        for file in files {
            roadmap.touch_file(file);
        }
    }
    result
}

/// Adds to `files` the files `edit` names, before it is applied to `roadmap` or (for its
/// inverse) after: the origins of the items, links and records it carries, the file of an item
/// it moves, and the entry file for the header. An edit and its inverse together name every
/// file whose text the edit changes, an item moved from one file to another included.
fn files_of(roadmap: &Roadmap, edit: &Edit, files: &mut Vec<FileId>) {
    let mut add = |file: FileId| {
        if !files.contains(&file) {
            files.push(file);
        }
    };
    match edit {
        Edit::Replace(value) | Edit::Insert { value, .. } => add(value.origin()),
        Edit::Remove(_) => {}
        Edit::Move { key, .. } => {
            if let Some(i) = key.position(&roadmap.items) {
                add(key.origin_at(&roadmap.items, i));
            }
        }
        Edit::AddLink { link, .. }
        | Edit::RemoveLink { link, .. }
        | Edit::ReplaceLink { link, .. } => {
            add(link.origin);
        }
        Edit::SetHeader(_) => add(FileId::default()),
        Edit::RemoveConflict { conflict, .. } | Edit::InsertConflict { conflict, .. } => {
            add(conflict.origin);
        }
        Edit::Batch(edits) => {
            for e in edits {
                files_of(roadmap, e, files);
            }
        }
    }
}

/// Whether an edit may change what the lookup table derives from the items beyond their
/// positions (the ranks of target states by horizon year), so that the roadmap's lookup table
/// must be rebuilt. Replacing an item in place keeps every position, and an item inserted,
/// removed or moved updates the table where it was ([`Roadmap::shifted`]); links are not in
/// the table.
fn moves_items(edit: &Edit) -> bool {
    match edit {
        Edit::Replace(value) => matches!(value, ItemValue::Target(_)),
        Edit::Insert { .. }
        | Edit::Remove(_)
        | Edit::Move { .. }
        | Edit::AddLink { .. }
        | Edit::RemoveLink { .. }
        | Edit::ReplaceLink { .. }
        | Edit::SetHeader(_)
        | Edit::RemoveConflict { .. }
        | Edit::InsertConflict { .. } => false,
        Edit::Batch(edits) => edits.iter().any(moves_items),
    }
}

fn check_file(roadmap: &Roadmap, origin: FileId) -> Result<(), EditError> {
    if usize::from(origin.0) < roadmap.files.len() {
        Ok(())
    } else {
        Err(EditError::NoSuchFile(origin.0))
    }
}

fn apply_one(roadmap: &mut Roadmap, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Replace(value) => {
            let key = value.key();
            let i = key
                .position(&roadmap.items)
                .ok_or_else(|| EditError::NotFound(key.clone()))?;
            check_file(roadmap, value.origin())?;
            integrity::check_value(roadmap, &value, Some(i))?;
            let old = value.swap_into(&mut roadmap.items, i);
            Ok(Edit::Replace(old))
        }
        Edit::Insert { index, value } => {
            let key = value.key();
            if key.position(&roadmap.items).is_some() {
                return Err(EditError::DuplicateId(key));
            }
            let len = key.collection_len(&roadmap.items);
            if index > len {
                return Err(EditError::OutOfRange { index, len });
            }
            check_file(roadmap, value.origin())?;
            integrity::check_value(roadmap, &value, None)?;
            value.insert_into(&mut roadmap.items, index);
            if let Some(item) = key.item_ref() {
                roadmap.shifted(item.kind(), Shifted::Inserted(index));
            }
            Ok(Edit::Remove(key))
        }
        Edit::Remove(key) => {
            let i = key
                .position(&roadmap.items)
                .ok_or_else(|| EditError::NotFound(key.clone()))?;
            let refs = integrity::references_to(roadmap, &key);
            if !refs.is_empty() {
                return Err(EditError::StillReferenced {
                    item: key,
                    by: refs
                        .iter()
                        .map(|r| r.describe(roadmap, crate::i18n::Lang::En))
                        .collect(),
                });
            }
            let value = key.take_at(&mut roadmap.items, i);
            if let Some(item) = key.item_ref() {
                roadmap.shifted(item.kind(), Shifted::Removed(i, item.id_str()));
            }
            Ok(Edit::Insert { index: i, value })
        }
        Edit::Move { key, to } => {
            let from = key
                .position(&roadmap.items)
                .ok_or_else(|| EditError::NotFound(key.clone()))?;
            let len = key.collection_len(&roadmap.items);
            if to >= len {
                return Err(EditError::OutOfRange { index: to, len });
            }
            key.move_within(&mut roadmap.items, from, to);
            if let Some(item) = key.item_ref() {
                roadmap.shifted(item.kind(), Shifted::Moved(from, to));
            }
            Ok(Edit::Move { key, to: from })
        }
        Edit::AddLink { index, link } => {
            let len = roadmap.items.links.len();
            if index > len {
                return Err(EditError::OutOfRange { index, len });
            }
            check_file(roadmap, link.origin)?;
            integrity::check_link(roadmap, &link.link)?;
            integrity::check_cites(roadmap, link.source.as_ref())?;
            roadmap.items.links.insert(index, link.clone());
            Ok(Edit::RemoveLink { index, link })
        }
        Edit::RemoveLink { index, link } => {
            if roadmap.items.links.get(index) != Some(&link) {
                return Err(EditError::LinkMismatch { index });
            }
            roadmap.items.links.remove(index);
            Ok(Edit::AddLink { index, link })
        }
        Edit::ReplaceLink { index, link } => {
            let len = roadmap.items.links.len();
            if index >= len {
                return Err(EditError::OutOfRange { index, len });
            }
            check_file(roadmap, link.origin)?;
            integrity::check_link(roadmap, &link.link)?;
            integrity::check_cites(roadmap, link.source.as_ref())?;
            let old = std::mem::replace(&mut roadmap.items.links[index], link);
            Ok(Edit::ReplaceLink { index, link: old })
        }
        Edit::SetHeader(header) => Ok(Edit::SetHeader(std::mem::replace(
            &mut roadmap.header,
            header,
        ))),
        Edit::RemoveConflict { index, conflict } => {
            if roadmap.items.conflicts.get(index) != Some(&conflict) {
                return Err(EditError::ConflictMismatch { index });
            }
            roadmap.items.conflicts.remove(index);
            Ok(Edit::InsertConflict { index, conflict })
        }
        Edit::InsertConflict { index, conflict } => {
            let len = roadmap.items.conflicts.len();
            if index > len {
                return Err(EditError::OutOfRange { index, len });
            }
            check_file(roadmap, conflict.origin)?;
            roadmap.items.conflicts.insert(index, conflict.clone());
            Ok(Edit::RemoveConflict { index, conflict })
        }
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply_one(roadmap, e) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(error) => {
                        for inverse in inverses.into_iter().rev() {
                            // The inverse of an edit just applied always applies.
                            let undone = apply_one(roadmap, inverse);
                            debug_assert!(undone.is_ok(), "rollback failed: {undone:?}");
                        }
                        return Err(error);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch(inverses))
        }
    }
}
