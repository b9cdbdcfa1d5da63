//! A reference to any item of a roadmap, by its typed ID: what selection, links and actions use.
//! Both enums here are generated from the one table of kinds ([`super::registry`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ids::{
    BudgetId, EventId, GapId, KpiId, MeasureId, MinistryCode, NoteId, ProposalId, SourceId,
    StageId, TargetId, ThemeId,
};
use super::registry::item_kinds;

macro_rules! item_refs {
    ($( $(#[$doc:meta])* $V:ident($T:ident, $Id:ident) in $field:ident by $key:ident as $lookup:ident,
        $ja:literal, $en:literal, $noun:literal; )*) => {
        /// Any item of a roadmap. In a file (schema 2) it is written as its kind and ID:
        /// `Gap("gap.1")`.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum ItemRef {
            $( $(#[$doc])* $V($Id), )*
        }

        /// The kind of an item, for labels and grouping.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ItemKind {
            $( $(#[$doc])* $V, )*
        }

        impl ItemKind {
            /// How many kinds there are.
            pub const COUNT: usize = [$( ItemKind::$V ),*].len();

            /// Every kind, in order.
            pub const ALL: [ItemKind; Self::COUNT] = [$( ItemKind::$V ),*];

            /// The Japanese name of the kind.
            pub fn label_ja(self) -> &'static str {
                match self {
                    $( ItemKind::$V => $ja, )*
                }
            }

            /// The English name of the kind.
            pub fn label_en(self) -> &'static str {
                match self {
                    $( ItemKind::$V => $en, )*
                }
            }

            /// The English name of the kind inside a sentence: "target state", "KPI".
            pub fn noun(self) -> &'static str {
                match self {
                    $( ItemKind::$V => $noun, )*
                }
            }

            /// The collection of a file that holds items of this kind: `gaps`, `ministries`.
            pub fn collection(self) -> &'static str {
                match self {
                    $( ItemKind::$V => stringify!($field), )*
                }
            }

            /// The kind whose items `collection` holds.
            pub fn of_collection(collection: &str) -> Option<Self> {
                match collection {
                    $( stringify!($field) => Some(ItemKind::$V), )*
                    _ => None,
                }
            }

            /// The field that holds an item's ID: `id`, or `code` for a ministry.
            pub fn key_field(self) -> &'static str {
                match self {
                    $( ItemKind::$V => stringify!($key), )*
                }
            }
        }

        impl ItemRef {
            /// A reference to the item of `kind` with ID `id`, the ID checked as a file's is.
            pub fn from_parts(kind: ItemKind, id: &str) -> Result<Self, String> {
                match kind {
                    $( ItemKind::$V => $Id::new(id).map(ItemRef::$V).map_err(|e| e.to_string()), )*
                }
            }
        }

        impl ItemRef {
            /// The kind of item referred to.
            pub fn kind(&self) -> ItemKind {
                match self {
                    $( ItemRef::$V(_) => ItemKind::$V, )*
                }
            }

            /// The ID (or ministry code) as written.
            pub fn id_str(&self) -> &str {
                match self {
                    $( ItemRef::$V(x) => x.as_str(), )*
                }
            }
        }
    };
}
item_kinds!(item_refs);

impl ItemKind {
    /// The kind's place in the order of [`Self::ALL`], from 0 to [`Self::COUNT`] − 1.
    pub fn ordinal(self) -> usize {
        self as usize
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind().label_en(), self.id_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_follow_the_table() {
        for (i, kind) in ItemKind::ALL.iter().enumerate() {
            assert_eq!(kind.ordinal(), i);
        }
        assert_eq!(ItemKind::Target.noun(), "target state");
        assert_eq!(ItemKind::Kpi.noun(), "KPI");
    }
}
