//! Versions of a roadmap: what changed between two of them, item by item and field by field
//! ([`compare`], [`report`]), and the three-way merge of one file that `waymark merge` runs as a
//! git merge driver ([`merge`]), with the conflicts it records ([`resolve`]).
//!
//! Items are compared and merged as trees of their fields ([`entries`]), the same for every kind
//! of item.

pub mod compare;
pub mod entries;
pub mod merge;
pub mod report;
pub mod resolve;

/// Why two versions could not be compared or merged.
#[derive(Debug, thiserror::Error)]
pub enum VersionError {
    /// An item could not be taken apart into fields or put back together (a file whose items
    /// do not have the roadmap schema's shape).
    #[error("an item does not have the expected shape: {0}")]
    Shape(String),
    /// The edit resolving a conflict would be refused.
    #[error(transparent)]
    Edit(#[from] crate::edit::EditError),
}
