//! Any item of any kind, by key ([`ItemKey`]) or by value ([`ItemValue`]), and the list
//! operations [`super::apply`] performs on the collection of its kind.

use std::fmt;

use crate::model::{
    Budget, BudgetId, Event, EventId, FileId, Gap, GapId, ItemRef, Items, Kpi, KpiId, Measure,
    MeasureId, Ministry, MinistryCode, Note, NoteId, Proposal, ProposalId, Scenario, ScenarioId,
    Source, SourceId, SourceRef, Stage, StageId, TargetId, TargetState, Theme, ThemeId,
};

macro_rules! kinds {
    ($( $(#[$doc:meta])* $V:ident($T:ty, $Id:ty) in $field:ident by $key:ident, $what:literal; )*) => {
        /// The key of any item: its kind and ID (a ministry's code). Unlike
        /// [`ItemRef`], it also reaches scenarios.
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

kinds! {
    /// A source document.
    Source(Source, SourceId) in sources by id, "source";
    /// A ministry.
    Ministry(Ministry, MinistryCode) in ministries by code, "ministry";
    /// A value-chain stage.
    Stage(Stage, StageId) in stages by id, "stage";
    /// A target state.
    Target(TargetState, TargetId) in target_states by id, "target state";
    /// A note.
    Note(Note, NoteId) in notes by id, "note";
    /// A theme (項目).
    Theme(Theme, ThemeId) in themes by id, "theme";
    /// A gap (小論点, 2018 gap).
    Gap(Gap, GapId) in gaps by id, "gap";
    /// A measure.
    Measure(Measure, MeasureId) in measures by id, "measure";
    /// A proposal (提言).
    Proposal(Proposal, ProposalId) in proposals by id, "proposal";
    /// A KPI.
    Kpi(Kpi, KpiId) in kpis by id, "KPI";
    /// A budget line.
    Budget(Budget, BudgetId) in budgets by id, "budget";
    /// An event.
    Event(Event, EventId) in events by id, "event";
    /// A scenario.
    Scenario(Scenario, ScenarioId) in scenarios by id, "scenario";
}

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
    /// The item as an [`ItemRef`], for selection and labels; `None` for a scenario, which has
    /// none.
    pub fn item_ref(&self) -> Option<ItemRef> {
        Some(match self {
            ItemKey::Source(x) => ItemRef::Source(x.clone()),
            ItemKey::Ministry(x) => ItemRef::Ministry(x.clone()),
            ItemKey::Stage(x) => ItemRef::Stage(x.clone()),
            ItemKey::Target(x) => ItemRef::Target(x.clone()),
            ItemKey::Note(x) => ItemRef::Note(x.clone()),
            ItemKey::Theme(x) => ItemRef::Theme(x.clone()),
            ItemKey::Gap(x) => ItemRef::Gap(x.clone()),
            ItemKey::Measure(x) => ItemRef::Measure(x.clone()),
            ItemKey::Proposal(x) => ItemRef::Proposal(x.clone()),
            ItemKey::Kpi(x) => ItemRef::Kpi(x.clone()),
            ItemKey::Budget(x) => ItemRef::Budget(x.clone()),
            ItemKey::Event(x) => ItemRef::Event(x.clone()),
            ItemKey::Scenario(_) => return None,
        })
    }

    /// A copy of the item, to edit and put back with [`super::Edit::Replace`].
    pub fn get(&self, roadmap: &crate::model::Roadmap) -> Option<ItemValue> {
        self.position(&roadmap.items)
            .map(|i| self.value_at(&roadmap.items, i))
    }
}

impl From<ItemRef> for ItemKey {
    fn from(item: ItemRef) -> Self {
        match item {
            ItemRef::Source(x) => ItemKey::Source(x),
            ItemRef::Ministry(x) => ItemKey::Ministry(x),
            ItemRef::Stage(x) => ItemKey::Stage(x),
            ItemRef::Target(x) => ItemKey::Target(x),
            ItemRef::Note(x) => ItemKey::Note(x),
            ItemRef::Theme(x) => ItemKey::Theme(x),
            ItemRef::Gap(x) => ItemKey::Gap(x),
            ItemRef::Measure(x) => ItemKey::Measure(x),
            ItemRef::Proposal(x) => ItemKey::Proposal(x),
            ItemRef::Kpi(x) => ItemKey::Kpi(x),
            ItemRef::Budget(x) => ItemKey::Budget(x),
            ItemRef::Event(x) => ItemKey::Event(x),
        }
    }
}

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

    /// The source the item cites, for the kinds that cite one.
    pub fn source(&self) -> Option<&SourceRef> {
        match self {
            ItemValue::Source(_) | ItemValue::Scenario(_) => None,
            ItemValue::Ministry(x) => x.source.as_ref(),
            ItemValue::Stage(x) => x.source.as_ref(),
            ItemValue::Target(x) => x.source.as_ref(),
            ItemValue::Note(x) => x.source.as_ref(),
            ItemValue::Theme(x) => x.source.as_ref(),
            ItemValue::Gap(x) => x.source.as_ref(),
            ItemValue::Measure(x) => x.source.as_ref(),
            ItemValue::Proposal(x) => x.source.as_ref(),
            ItemValue::Kpi(x) => x.source.as_ref(),
            ItemValue::Budget(x) => x.source.as_ref(),
            ItemValue::Event(x) => x.source.as_ref(),
        }
    }

    /// Clears the source the item cites.
    pub(crate) fn clear_source(&mut self) {
        match self {
            ItemValue::Source(_) | ItemValue::Scenario(_) => {}
            ItemValue::Ministry(x) => x.source = None,
            ItemValue::Stage(x) => x.source = None,
            ItemValue::Target(x) => x.source = None,
            ItemValue::Note(x) => x.source = None,
            ItemValue::Theme(x) => x.source = None,
            ItemValue::Gap(x) => x.source = None,
            ItemValue::Measure(x) => x.source = None,
            ItemValue::Proposal(x) => x.source = None,
            ItemValue::Kpi(x) => x.source = None,
            ItemValue::Budget(x) => x.source = None,
            ItemValue::Event(x) => x.source = None,
        }
    }
}

/// Every item of `items` that cites a source, as (key, cited source), in collection order.
pub(crate) fn cited_sources(items: &Items) -> Vec<(ItemKey, &SourceRef)> {
    let mut out = Vec::new();
    macro_rules! cite {
        ($($V:ident in $field:ident by $key:ident),*) => {$(
            for x in &items.$field {
                if let Some(s) = &x.source {
                    out.push((ItemKey::$V(x.$key.clone()), s));
                }
            }
        )*};
    }
    cite!(
        Ministry in ministries by code,
        Stage in stages by id,
        Target in target_states by id,
        Note in notes by id,
        Theme in themes by id,
        Gap in gaps by id,
        Measure in measures by id,
        Proposal in proposals by id,
        Kpi in kpis by id,
        Budget in budgets by id,
        Event in events by id
    );
    out
}
