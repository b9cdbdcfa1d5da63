//! Any item of any kind, by key ([`ItemKey`]) or by value ([`ItemValue`]), and the list
//! operations [`super::apply`] performs on the collection of its kind.

use std::fmt;

use crate::model::registry::item_kinds;
use crate::model::{
    Budget, BudgetId, Event, EventId, FileId, Gap, GapId, ItemRef, Items, Kpi, KpiId, Measure,
    MeasureId, Ministry, MinistryCode, Note, NoteId, Presentation, PresentationId, Proposal,
    ProposalId, References, Scenario, ScenarioId, Source, SourceId, Stage, StageId, TargetId,
    TargetState, Theme, ThemeId,
};

macro_rules! kinds {
    ($( $(#[$doc:meta])* $V:ident($T:ident, $Id:ident) in $field:ident by $key:ident as
        $lookup:ident, $ja:literal, $en:literal, $what:literal; )*) => {
        /// The key of any item: its kind and ID (a ministry's code). Unlike
        /// [`ItemRef`], it also reaches scenarios and presentations.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ItemKey {
            $( $(#[$doc])* $V($Id), )*
        }

        /// One item of any kind, by value: what [`super::Edit::Replace`] and
        /// [`super::Edit::Insert`] carry. Its `origin` is the file it is saved to.
        #[derive(Clone, Debug, PartialEq)]
        #[allow(clippy::large_enum_variant)] // Values live briefly, one per edit.
        pub enum ItemValue {
            $( $(#[$doc])* $V($T), )*
        }

        impl ItemKey {
            /// The ID (or ministry code) as written.
            pub fn id_str(&self) -> &str {
                match self {
                    $( ItemKey::$V(id) => id.as_str(), )*
                }
            }

            /// The kind of item, in words: `measure`, `KPI` …
            pub fn what(&self) -> &'static str {
                match self {
                    $( ItemKey::$V(_) => $what, )*
                }
            }

            /// Where the item is in the collection of its kind.
            pub(crate) fn position(&self, items: &Items) -> Option<usize> {
                match self {
                    $( ItemKey::$V(id) => items.$field.iter().position(|x| &x.$key == id), )*
                }
            }

            /// How many items the collection of its kind holds.
            pub(crate) fn collection_len(&self, items: &Items) -> usize {
                match self {
                    $( ItemKey::$V(_) => items.$field.len(), )*
                }
            }

            /// A copy of the item at position `i` of the collection of its kind.
            pub(crate) fn value_at(&self, items: &Items, i: usize) -> ItemValue {
                match self {
                    $( ItemKey::$V(_) => ItemValue::$V(items.$field[i].clone()), )*
                }
            }

            /// The file the item at position `i` of the collection of its kind is saved to.
            pub(crate) fn origin_at(&self, items: &Items, i: usize) -> FileId {
                match self {
                    $( ItemKey::$V(_) => items.$field[i].origin, )*
                }
            }

            /// Takes the item at position `i` out of the collection of its kind.
            pub(crate) fn take_at(&self, items: &mut Items, i: usize) -> ItemValue {
                match self {
                    $( ItemKey::$V(_) => ItemValue::$V(items.$field.remove(i)), )*
                }
            }

            /// Moves the item at position `from` to position `to` of its collection.
            pub(crate) fn move_within(&self, items: &mut Items, from: usize, to: usize) {
                match self {
                    $( ItemKey::$V(_) => {
                        let x = items.$field.remove(from);
                        items.$field.insert(to, x);
                    } )*
                }
            }
        }

        impl ItemValue {
            /// The key of the item.
            pub fn key(&self) -> ItemKey {
                match self {
                    $( ItemValue::$V(x) => ItemKey::$V(x.$key.clone()), )*
                }
            }

            /// The references the item holds to other items.
            pub fn references(&self) -> &dyn References {
                match self {
                    $( ItemValue::$V(x) => x, )*
                }
            }

            /// The references the item holds, to clear some.
            pub(crate) fn references_mut(&mut self) -> &mut dyn References {
                match self {
                    $( ItemValue::$V(x) => x, )*
                }
            }

            /// The file the item is saved to.
            pub fn origin(&self) -> FileId {
                match self {
                    $( ItemValue::$V(x) => x.origin, )*
                }
            }

            /// The item's fields as JSON, as serde writes them (for field-level comparison and
            /// merge conflicts).
            pub fn to_json(&self) -> serde_json::Result<serde_json::Value> {
                match self {
                    $( ItemValue::$V(x) => serde_json::to_value(x), )*
                }
            }

            /// An item of the same kind as this one, saved to the same file, read from `json`
            /// (what [`Self::to_json`] writes).
            pub fn with_json(&self, json: serde_json::Value) -> serde_json::Result<ItemValue> {
                let mut value = match self {
                    $( ItemValue::$V(_) => ItemValue::$V(serde_json::from_value(json)?), )*
                };
                value.set_origin(self.origin());
                Ok(value)
            }

            /// Sets the file the item is saved to.
            pub fn set_origin(&mut self, origin: FileId) {
                match self {
                    $( ItemValue::$V(x) => x.origin = origin, )*
                }
            }

            /// Inserts the item at position `i` of the collection of its kind.
            pub(crate) fn insert_into(self, items: &mut Items, i: usize) {
                match self {
                    $( ItemValue::$V(x) => items.$field.insert(i, x), )*
                }
            }

            /// Puts the item at position `i` of the collection of its kind, returning the
            /// item that was there.
            pub(crate) fn swap_into(self, items: &mut Items, i: usize) -> ItemValue {
                match self {
                    $( ItemValue::$V(x) => ItemValue::$V(std::mem::replace(&mut items.$field[i], x)), )*
                }
            }

            /// The position just after the last item of its kind in its file (the end of the
            /// collection when the file has none): where a new item is added.
            pub(crate) fn end_of_file(&self, items: &Items) -> usize {
                match self {
                    $( ItemValue::$V(x) => items
                        .$field
                        .iter()
                        .rposition(|y| y.origin == x.origin)
                        .map_or(items.$field.len(), |i| i + 1), )*
                }
            }

            /// The file holding most items of its kind (the entry file when none does): where a
            /// new item goes when the caller names no file.
            pub(crate) fn home_file(&self, items: &Items) -> FileId {
                let origins: Vec<FileId> = match self {
                    $( ItemValue::$V(_) => items.$field.iter().map(|x| x.origin).collect(), )*
                };
                most_common(&origins).unwrap_or_default()
            }
        }
    };
}

item_kinds!(kinds;
    /// A scenario.
    Scenario(Scenario, ScenarioId) in scenarios by id as scenario, "シナリオ", "Scenario", "scenario";
    /// A presentation.
    Presentation(Presentation, PresentationId) in presentations by id as presentation,
        "プレゼンテーション", "Presentation", "presentation";
);

fn most_common(origins: &[FileId]) -> Option<FileId> {
    let mut counts: Vec<(FileId, usize)> = Vec::new();
    for &o in origins {
        match counts.iter_mut().find(|(f, _)| *f == o) {
            Some((_, n)) => *n += 1,
            None => counts.push((o, 1)),
        }
    }
    // The first file reached wins a tie, so the answer does not depend on hashing.
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts.iter().find(|&&(_, n)| n == best).map(|&(f, _)| f)
}

impl ItemKey {
    /// The item as an [`ItemRef`], for selection and labels; `None` for a scenario or a
    /// presentation, which have none.
    pub fn item_ref(&self) -> Option<ItemRef> {
        self.item_ref_of_kind()
    }

    /// A copy of the item, to edit and put back with [`super::Edit::Replace`].
    pub fn get(&self, roadmap: &crate::model::Roadmap) -> Option<ItemValue> {
        self.position(&roadmap.items)
            .map(|i| self.value_at(&roadmap.items, i))
    }
}

/// Conversions between [`ItemKey`] and [`ItemRef`], for every kind but scenarios.
macro_rules! key_refs {
    ($( $(#[$doc:meta])* $V:ident($T:ident, $Id:ident) in $field:ident by $key:ident as
        $lookup:ident, $ja:literal, $en:literal, $what:literal; )*) => {
        impl ItemKey {
            fn item_ref_of_kind(&self) -> Option<ItemRef> {
                match self {
                    $( ItemKey::$V(x) => Some(ItemRef::$V(x.clone())), )*
                    ItemKey::Scenario(_) | ItemKey::Presentation(_) => None,
                }
            }
        }

        impl From<ItemRef> for ItemKey {
            fn from(item: ItemRef) -> Self {
                match item {
                    $( ItemRef::$V(x) => ItemKey::$V(x), )*
                }
            }
        }
    };
}
item_kinds!(key_refs);

impl From<&ItemRef> for ItemKey {
    fn from(item: &ItemRef) -> Self {
        item.clone().into()
    }
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`", self.what(), self.id_str())
    }
}

impl ItemValue {
    /// The item as an [`ItemRef`]; `None` for a scenario.
    pub fn item_ref(&self) -> Option<ItemRef> {
        self.key().item_ref()
    }
}
