//! Typed links between items: which measure answers which gap, who is responsible, what a measure
//! contributes to.

use serde::{Deserialize, Serialize};

use super::ids::{GapId, KpiId, MeasureId, MinistryCode, TargetId};
use super::{FileId, Provenance, SourceRef};

/// A ministry's role in a measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Sole or leading ministry.
    Lead,
    /// One of several ministries named together, none leading.
    CoLead,
    /// Supporting.
    Support,
}

impl Role {
    /// The Japanese label.
    pub fn label_ja(self) -> &'static str {
        match self {
            Role::Lead => "主担当",
            Role::CoLead => "共同",
            Role::Support => "支援",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::CoLead => "co-lead",
            Role::Support => "support",
        }
    }
}

/// What a link joins, and how. The variant fixes the kinds of both ends.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// The gap is addressed by the measure (a 対応案 answers its 小論点).
    AddressedBy {
        /// The gap.
        gap: GapId,
        /// The measure answering it.
        measure: MeasureId,
    },
    /// The ministry is responsible for the measure.
    Responsible {
        /// The measure.
        measure: MeasureId,
        /// The ministry.
        ministry: MinistryCode,
        /// Its role.
        role: Role,
    },
    /// The measure contributes to a target state.
    ContributesTo {
        /// The measure.
        measure: MeasureId,
        /// The target state.
        target: TargetId,
    },
    /// The gap stands in the way of a target state.
    Blocks {
        /// The gap.
        gap: GapId,
        /// The target state.
        target: TargetId,
    },
    /// A later gap continues an earlier one.
    Continues {
        /// The earlier gap.
        earlier: GapId,
        /// The later gap that continues it.
        later: GapId,
    },
    /// Two gaps are the same issue.
    SameAs {
        /// One gap.
        gap: GapId,
        /// The other.
        other: GapId,
    },
    /// The measure is measured by a KPI.
    MeasuredBy {
        /// The measure.
        measure: MeasureId,
        /// The KPI.
        kpi: KpiId,
    },
    /// The measure is carried out through a programme (事業).
    Through {
        /// The measure.
        measure: MeasureId,
        /// The programme, itself a measure.
        programme: MeasureId,
    },
}

impl LinkKind {
    /// A short name of the kind, for messages and JSON.
    pub fn name(&self) -> &'static str {
        match self {
            LinkKind::AddressedBy { .. } => "AddressedBy",
            LinkKind::Responsible { .. } => "Responsible",
            LinkKind::ContributesTo { .. } => "ContributesTo",
            LinkKind::Blocks { .. } => "Blocks",
            LinkKind::Continues { .. } => "Continues",
            LinkKind::SameAs { .. } => "SameAs",
            LinkKind::MeasuredBy { .. } => "MeasuredBy",
            LinkKind::Through { .. } => "Through",
        }
    }
}

/// A typed link with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What it joins.
    pub link: LinkKind,
    /// Stated by a source, or judged by an editor.
    pub provenance: Provenance,
    /// Why, for an editorial link above all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// The file of the roadmap this link was loaded from and is saved back to.
    #[serde(skip)]
    pub origin: FileId,
}
