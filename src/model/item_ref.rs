//! A reference to any item of a roadmap, by its typed ID: what selection, links and actions use.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ids::{
    BudgetId, EventId, GapId, KpiId, MeasureId, MinistryCode, NoteId, ProposalId, SourceId,
    StageId, TargetId, ThemeId,
};

/// Any item of a roadmap. In a file (schema 2) it is written as its kind and ID: `Gap("gap.1")`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemRef {
    /// A source document.
    Source(SourceId),
    /// A ministry.
    Ministry(MinistryCode),
    /// A value-chain stage.
    Stage(StageId),
    /// A target state.
    Target(TargetId),
    /// A note.
    Note(NoteId),
    /// A theme (項目).
    Theme(ThemeId),
    /// A gap (小論点, 2018 gap).
    Gap(GapId),
    /// A measure.
    Measure(MeasureId),
    /// A proposal (提言).
    Proposal(ProposalId),
    /// A KPI.
    Kpi(KpiId),
    /// A budget line.
    Budget(BudgetId),
    /// An event.
    Event(EventId),
}

/// The kind of an item, for labels and grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// See [`ItemRef::Source`].
    Source,
    /// See [`ItemRef::Ministry`].
    Ministry,
    /// See [`ItemRef::Stage`].
    Stage,
    /// See [`ItemRef::Target`].
    Target,
    /// See [`ItemRef::Note`].
    Note,
    /// See [`ItemRef::Theme`].
    Theme,
    /// See [`ItemRef::Gap`].
    Gap,
    /// See [`ItemRef::Measure`].
    Measure,
    /// See [`ItemRef::Proposal`].
    Proposal,
    /// See [`ItemRef::Kpi`].
    Kpi,
    /// See [`ItemRef::Budget`].
    Budget,
    /// See [`ItemRef::Event`].
    Event,
}

const _: () = assert!(ItemKind::Event as usize + 1 == ItemKind::COUNT);

impl ItemKind {
    /// How many kinds there are (the last kind's ordinal plus one; checked below).
    pub const COUNT: usize = 12;

    /// The kind's place in the order above, from 0 to [`Self::COUNT`] − 1.
    pub fn ordinal(self) -> usize {
        self as usize
    }

    /// The Japanese name of the kind.
    pub fn label_ja(self) -> &'static str {
        match self {
            ItemKind::Source => "出典",
            ItemKind::Ministry => "府省庁",
            ItemKind::Stage => "バリューチェーン",
            ItemKind::Target => "目指すべき姿",
            ItemKind::Note => "補足",
            ItemKind::Theme => "項目",
            ItemKind::Gap => "論点・ギャップ",
            ItemKind::Measure => "施策",
            ItemKind::Proposal => "提言",
            ItemKind::Kpi => "KPI",
            ItemKind::Budget => "予算",
            ItemKind::Event => "出来事",
        }
    }

    /// The English name of the kind inside a sentence: "target state", "KPI".
    pub fn noun_en(self) -> String {
        let name = self.label_en();
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if !second.is_uppercase() => {
                first.to_lowercase().chain(name.chars().skip(1)).collect()
            }
            _ => name.to_owned(),
        }
    }

    /// The English name of the kind.
    pub fn label_en(self) -> &'static str {
        match self {
            ItemKind::Source => "Source",
            ItemKind::Ministry => "Ministry",
            ItemKind::Stage => "Stage",
            ItemKind::Target => "Target state",
            ItemKind::Note => "Note",
            ItemKind::Theme => "Theme",
            ItemKind::Gap => "Gap",
            ItemKind::Measure => "Measure",
            ItemKind::Proposal => "Proposal",
            ItemKind::Kpi => "KPI",
            ItemKind::Budget => "Budget",
            ItemKind::Event => "Event",
        }
    }
}

impl ItemRef {
    /// The kind of item referred to.
    pub fn kind(&self) -> ItemKind {
        match self {
            ItemRef::Source(_) => ItemKind::Source,
            ItemRef::Ministry(_) => ItemKind::Ministry,
            ItemRef::Stage(_) => ItemKind::Stage,
            ItemRef::Target(_) => ItemKind::Target,
            ItemRef::Note(_) => ItemKind::Note,
            ItemRef::Theme(_) => ItemKind::Theme,
            ItemRef::Gap(_) => ItemKind::Gap,
            ItemRef::Measure(_) => ItemKind::Measure,
            ItemRef::Proposal(_) => ItemKind::Proposal,
            ItemRef::Kpi(_) => ItemKind::Kpi,
            ItemRef::Budget(_) => ItemKind::Budget,
            ItemRef::Event(_) => ItemKind::Event,
        }
    }

    /// The ID (or ministry code) as written.
    pub fn id_str(&self) -> &str {
        match self {
            ItemRef::Source(x) => x.as_str(),
            ItemRef::Ministry(x) => x.as_str(),
            ItemRef::Stage(x) => x.as_str(),
            ItemRef::Target(x) => x.as_str(),
            ItemRef::Note(x) => x.as_str(),
            ItemRef::Theme(x) => x.as_str(),
            ItemRef::Gap(x) => x.as_str(),
            ItemRef::Measure(x) => x.as_str(),
            ItemRef::Proposal(x) => x.as_str(),
            ItemRef::Kpi(x) => x.as_str(),
            ItemRef::Budget(x) => x.as_str(),
            ItemRef::Event(x) => x.as_str(),
        }
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind().label_en(), self.id_str())
    }
}
