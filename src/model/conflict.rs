//! A merge conflict kept in a roadmap file: what `waymark merge` records when two branches
//! changed the same field of an item differently, or one edited an item the other deleted.
//!
//! The file holds the merged items with each conflicting field as one side left it (the item
//! edited rather than deleted), and one [`Conflict`] per field with the base's, ours' and
//! theirs' values, so that nothing is lost and the file still opens. `waymark check` reports
//! each conflict at its record; the explorer lists them to be resolved field by field, and a
//! resolved conflict's record is removed.

use serde::{Deserialize, Serialize};

use super::ids::{PresentationId, ScenarioId};
use super::{FileId, ItemRef, LinkKind};

/// What a conflict is about: an item, a link (by its type and ends), a scenario, or the
/// roadmap's header.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Conflicted {
    /// An item with an ID (or a ministry's code).
    Item(ItemRef),
    /// A link, named by its type and its ends (a `Responsible` link's role is one of its fields).
    Link(LinkKind),
    /// A scenario.
    Scenario(ScenarioId),
    /// A presentation.
    Presentation(PresentationId),
    /// The roadmap's header in the entry file.
    Header,
}

/// One field that two branches changed differently, with every version of it.
///
/// Values are JSON text of the field's value (`2026`, `"再生医療"`, `{"Year":2024}`); a missing
/// value means the field was absent, or, with an empty `field`, that the whole item was deleted
/// on that side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The item the field belongs to.
    pub item: Conflicted,
    /// The field's path within the item (`title`, `span.end_fy`); empty when the conflict is
    /// about the whole item (edited on one side, deleted on the other).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// The value both branches started from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// The value on the branch merged into (kept in the item until resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours: Option<String>,
    /// The value on the branch merged in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs: Option<String>,
    /// See [`super::Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}
