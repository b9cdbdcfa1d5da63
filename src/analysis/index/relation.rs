//! How two items are joined, and how that reads from either side.

use crate::model::Role;

/// How two items are joined, seen from one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// Gap → measure answering it (from the gap), or measure → gap it answers (from the measure).
    Addresses,
    /// Measure ↔ responsible ministry, with the ministry's role.
    Responsible(Role),
    /// Measure ↔ target state it contributes to.
    ContributesTo,
    /// Gap ↔ target state it stands in the way of.
    Blocks,
    /// Earlier gap ↔ later gap continuing it.
    Continues,
    /// Gap ↔ the same issue elsewhere.
    SameAs,
    /// Measure ↔ KPI measuring it.
    MeasuredBy,
    /// Measure ↔ programme it is carried out through.
    Through,
    /// Theme ↔ its gaps.
    ThemeOf,
    /// Proposal ↔ the gap it answers.
    ProposalGap,
    /// Proposal ↔ its actions.
    ProposalAction,
    /// KPI ↔ its breakdown.
    KpiParent,
    /// Budget ↔ the programme it funds.
    Funds,
    /// Gap ↔ value-chain stage.
    AtStage,
    /// Item ↔ the source document it cites.
    Cites,
}

impl Relation {
    /// How the relation reads from the side that holds it (`outgoing`) or from the other side.
    pub fn label_ja(self, outgoing: bool) -> &'static str {
        match (self, outgoing) {
            (Relation::Addresses, true) => "対応する施策",
            (Relation::Addresses, false) => "対応する論点",
            (Relation::Responsible(_), true) => "担当府省庁",
            (Relation::Responsible(_), false) => "担当する施策",
            (Relation::ContributesTo, true) => "寄与する目指すべき姿",
            (Relation::ContributesTo, false) => "寄与する施策",
            (Relation::Blocks, true) => "阻まれる目指すべき姿",
            (Relation::Blocks, false) => "阻む論点",
            (Relation::Continues, true) => "継承先",
            (Relation::Continues, false) => "継承元",
            (Relation::SameAs, _) => "同一論点",
            (Relation::MeasuredBy, true) => "KPI",
            (Relation::MeasuredBy, false) => "測定対象",
            (Relation::Through, true) => "実施事業",
            (Relation::Through, false) => "この事業で実施する施策",
            (Relation::ThemeOf, true) => "小論点",
            (Relation::ThemeOf, false) => "項目",
            (Relation::ProposalGap, true) => "対応するギャップ",
            (Relation::ProposalAction, true) => "アクション",
            (Relation::ProposalGap | Relation::ProposalAction, false) => "提言",
            (Relation::KpiParent, true) => "内訳",
            (Relation::KpiParent, false) => "親KPI",
            (Relation::Funds, true) => "事業",
            (Relation::Funds, false) => "予算",
            (Relation::AtStage, true) => "バリューチェーン",
            (Relation::AtStage, false) => "論点",
            (Relation::Cites, true) => "出典",
            (Relation::Cites, false) => "引用する項目",
        }
    }

    /// English reading, as [`Self::label_ja`].
    pub fn label_en(self, outgoing: bool) -> &'static str {
        match (self, outgoing) {
            (Relation::Addresses, true) => "Addressed by",
            (Relation::Addresses, false) => "Addresses",
            (Relation::Responsible(_), true) => "Responsible ministry",
            (Relation::Responsible(_), false) => "Responsible for",
            (Relation::ContributesTo, true) => "Contributes to",
            (Relation::ContributesTo, false) => "Contributing measures",
            (Relation::Blocks, true) => "Stands in the way of",
            (Relation::Blocks, false) => "Blocking gaps",
            (Relation::Continues, true) => "Continued by",
            (Relation::Continues, false) => "Continues",
            (Relation::SameAs, _) => "Same as",
            (Relation::MeasuredBy, true) => "Measured by",
            (Relation::MeasuredBy, false) => "Measures",
            (Relation::Through, true) => "Through programme",
            (Relation::Through, false) => "Carries out",
            (Relation::ThemeOf, false) => "Theme",
            (Relation::ProposalGap, true) => "Answers gap",
            (Relation::ProposalAction, true) => "Actions",
            (Relation::ProposalGap | Relation::ProposalAction, false) => "Proposal",
            (Relation::KpiParent, true) => "Breakdown",
            (Relation::KpiParent, false) => "Parent KPI",
            (Relation::Funds, true) => "Programme",
            (Relation::Funds, false) => "Budget",
            (Relation::AtStage, true) => "Value-chain stage",
            (Relation::ThemeOf, true) | (Relation::AtStage, false) => "Gaps",
            (Relation::Cites, true) => "Source",
            (Relation::Cites, false) => "Cited by",
        }
    }
}
