//! The items a roadmap holds: sources, ministries, stages, target states, themes, gaps, measures,
//! proposals, KPIs, budgets, events, notes and scenarios. Links live in [`super::link`].

use serde::{Deserialize, Serialize};

use super::ids::{
    BudgetId, EventId, GapId, KpiId, MeasureId, MinistryCode, NoteId, ProposalId, ScenarioId,
    SourceId, StageId, TargetId, ThemeId,
};
use super::time::{FySpan, When};
use super::{
    BudgetKind, EventStatus, FileId, Horizon, ItemRef, KpiActual, KpiKind, KpiLatest, KpiTarget,
    OrgKind, OverseasExample, Provenance, SourceRef, Status, Table,
};

/// A document the roadmap was built from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable ID.
    pub id: SourceId,
    /// Title as the document gives it.
    pub title: String,
    /// Who issued it, where the document says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Date of the document, as precise as it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    /// Whether the date is stated by the document or inferred by an editor.
    #[serde(default)]
    pub date_provenance: Provenance,
    /// File name of the source text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// What the document is, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// English gloss of the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The file of the roadmap this item was loaded from and is saved back to.
    #[serde(skip)]
    pub origin: FileId,
}

/// An organisation that can be responsible: a ministry, agency, council, fund, company … keyed by
/// its short code as the documents write it (内, 文, 厚, 経, AMED …). The collection keeps its
/// schema-1 name, `ministries`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ministry {
    /// Short code: `文`, `厚`, `経`, `内`, `AMED` …
    pub code: MinistryCode,
    /// What kind of organisation it is (schema 2; a ministry when left out).
    #[serde(default, skip_serializing_if = "OrgKind::is_ministry")]
    pub kind: OrgKind,
    /// Full Japanese name: 文部科学省.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Where the code is used or defined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// The code's meaning is stated by a source, or supplied by an editor.
    #[serde(default)]
    pub provenance: Provenance,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// A stage of the value chain (細胞保存, 細胞加工, 細胞輸送, 治療, 製造販売後 …), in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Stable ID.
    pub id: StageId,
    /// Name as written: 細胞加工.
    pub name: String,
    /// The parenthesised detail: 培養・組織形成・品質管理.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// A target state (目指すべき姿) for a horizon year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetState {
    /// Stable ID.
    pub id: TargetId,
    /// The year the state should be reached: 2030, 2040 …
    pub horizon_year: i32,
    /// Whether `horizon_year` is a calendar year or the end of a fiscal year ("2029年度末まで";
    /// schema 2, a year when left out).
    #[serde(default, skip_serializing_if = "Horizon::is_year")]
    pub horizon: Horizon,
    /// Whether the horizon is stated or assumed, when that differs from the text's `provenance`
    /// (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_provenance: Option<Provenance>,
    /// Why the horizon was assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_basis: Option<String>,
    /// The state, verbatim.
    pub text: String,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Stated by the source or added by an editor.
    #[serde(default)]
    pub provenance: Provenance,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// What a [`Note`] says about the roadmap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    /// 現状・特殊性: the current state and particularities of the field.
    Situation,
    /// 今後の方向性: the direction ahead.
    Direction,
    /// An evaluation or summary statement.
    Assessment,
    /// A policy statement (方針, 表明).
    Statement,
    /// Anything else.
    Other(String),
}

/// A context statement of the roadmap: 現状・特殊性, 今後の方向性, an assessment …
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable ID.
    pub id: NoteId,
    /// What kind of statement this is.
    pub kind: NoteKind,
    /// The heading it stands under, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The statement, verbatim.
    pub text: String,
    /// The item the note is about, if any (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<ItemRef>,
    /// A table the source gives (by company and column, say), verbatim (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Stated by the source or written by an editor (schema 2).
    #[serde(default, skip_serializing_if = "Provenance::is_stated")]
    pub provenance: Provenance,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// A theme (項目) of the issue/response matrix with its overarching issue (大論点).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable ID.
    pub id: ThemeId,
    /// 項目 number: 1, 2, 3 …
    pub number: u32,
    /// Title, verbatim: 再生・細胞医療領域の課題と対応の方向性.
    pub title: String,
    /// The overarching issue (大論点), verbatim.
    pub issue: String,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// The category of a gap, as the 2018 gap map lays them out.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    /// 法規制（指針）: laws, regulation, guidance.
    Regulation,
    /// 人材・システム・インフラ: people, systems, infrastructure.
    PeopleSystemsInfrastructure,
    /// 推進・体制・財源: promotion, governance, funding.
    PromotionGovernanceFunding,
    /// Any other category, named as written.
    Other(String),
}

impl Category {
    /// The Japanese label.
    pub fn label_ja(&self) -> &str {
        match self {
            Category::Regulation => "法規制",
            Category::PeopleSystemsInfrastructure => "人材・システム・インフラ",
            Category::PromotionGovernanceFunding => "推進・体制・財源",
            Category::Other(s) => s,
        }
    }

    /// The English label.
    pub fn label_en(&self) -> &str {
        match self {
            Category::Regulation => "Regulation",
            Category::PeopleSystemsInfrastructure => "People, systems, infrastructure",
            Category::PromotionGovernanceFunding => "Promotion, governance, funding",
            Category::Other(s) => s,
        }
    }
}

/// A gap: a 小論点 of the matrix, or one of the gaps of the 2018 gap map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// Stable ID.
    pub id: GapId,
    /// The theme (項目) it belongs to; `None` for gaps outside the matrix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<ThemeId>,
    /// Its number within its theme or list.
    pub number: u32,
    /// The gap, verbatim.
    pub text: String,
    /// Its category, where one is given or judged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Value-chain stages it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageId>,
    /// Whether the category and stages are stated or judged by an editor.
    #[serde(default)]
    pub placement_provenance: Provenance,
    /// The heading or group it stands under in the source: "(1) 人材育成" (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Stated by the source or added by an editor.
    #[serde(default)]
    pub provenance: Provenance,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// What kind of measure this is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasureKind {
    /// 対応案: a response in the issue/response matrix.
    Response,
    /// An action under a proposal (提言).
    ProposalAction,
    /// A programme (事業, プログラム, プロジェクト).
    Programme,
    /// A law, system or framework (法, 制度).
    Framework,
}

/// A measure: a 対応案, a proposal action, or a programme (事業).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable ID.
    pub id: MeasureId,
    /// What kind of measure.
    pub kind: MeasureKind,
    /// A short title, for programmes their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The measure, verbatim.
    pub text: String,
    /// Further points (the ✓ bullets of a programme), verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// The ministry tag exactly as the document writes it: `（内、文、厚、経）`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ministries_as_written: Option<String>,
    /// When it runs, in fiscal years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<FySpan>,
    /// How far it has got.
    #[serde(default)]
    pub status: Status,
    /// Whether the status is stated by the source or an editor's judgement or assumption
    /// (schema 2; as the measure's `provenance` when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_provenance: Option<Provenance>,
    /// Why the status was judged or assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_basis: Option<String>,
    /// The heading, pillar or group it stands under in the source (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Stated by the source or added by an editor.
    #[serde(default)]
    pub provenance: Provenance,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// A proposal (提言): a gap, examples from abroad, and the actions proposed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// Stable ID.
    pub id: ProposalId,
    /// Its number, shown as ①②③…
    pub number: u32,
    /// The gap it answers, if the source pairs it with one (required in schema 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<GapId>,
    /// The proposal itself, verbatim.
    pub statement: String,
    /// The group it comes in: "ワクチン戦略の観点" (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The organisations the source makes responsible for the proposal itself, by code, in the
    /// source's order: (統・内・外・文・厚・経) (schema 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ministries: Vec<MinistryCode>,
    /// Examples from abroad.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overseas: Vec<OverseasExample>,
    /// Its actions, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<MeasureId>,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// A key performance indicator with target, actuals and grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Stable ID.
    pub id: KpiId,
    /// The KPI this one is a breakdown of (`うち遺伝子治療`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<KpiId>,
    /// Name, verbatim.
    pub name: String,
    /// Output or outcome.
    pub kind: KpiKind,
    /// Unit: 件.
    pub unit: String,
    /// A condition the target holds under, verbatim: "全都道府県で" (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The target states it measures progress towards (schema 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetId>,
    /// Target, where one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<KpiTarget>,
    /// Latest reported value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<KpiLatest>,
    /// Values year by year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<KpiActual>,
    /// Grade as written: A (順調に進捗している), B (進捗が不十分).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// The assessment text (進捗の詳細), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<String>,
    /// Remarks (備考), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Stated by the source or added by an editor (schema 2).
    #[serde(default, skip_serializing_if = "Provenance::is_stated")]
    pub provenance: Provenance,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// A budget line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Stable ID.
    pub id: BudgetId,
    /// What is funded, as written.
    pub title: String,
    /// The programme it funds, when it is one in the roadmap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<MeasureId>,
    /// The ministry, when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ministry: Option<MinistryCode>,
    /// Fiscal year (the first, for an amount over several years).
    pub fiscal_year: i32,
    /// The last fiscal year, for an amount over several years (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_fy: Option<i32>,
    /// What the amount is (schema 2; enacted when left out).
    #[serde(default, skip_serializing_if = "BudgetKind::is_enacted")]
    pub kind: BudgetKind,
    /// For an allocation: the organisation it goes to, by code (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<MinistryCode>,
    /// Amount in 億円 (100 million yen).
    pub amount_oku_yen: f64,
    /// As written: 令和5年度予算額181億円.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A note on the amount, verbatim or an editor's (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// English gloss (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the line's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Stated by the source or assumed.
    #[serde(default)]
    pub provenance: Provenance,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// What kind of event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    /// A council or committee meeting.
    Council,
    /// A cabinet decision (閣議決定).
    CabinetDecision,
    /// A law passed or amended.
    Law,
    /// A notice or guidance issued (通知).
    Notice,
    /// A clinical trial or study milestone.
    Trial,
    /// A budget decision.
    Budget,
    /// A report or paper published.
    Report,
    /// The start or end of a plan period.
    Period,
    /// Anything else, named.
    Other(String),
}

/// A dated event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable ID.
    pub id: EventId,
    /// When, as precise as known.
    pub when: When,
    /// Title, verbatim where the source names it.
    pub title: String,
    /// What kind of event.
    pub kind: EventKind,
    /// Whether it happened, is planned, or is only reported (schema 2; happened when left out).
    #[serde(default, skip_serializing_if = "EventStatus::is_fact")]
    pub status: EventStatus,
    /// The items it concerns: the company whose trial started, the law it enacts (schema 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<ItemRef>,
    /// What happened, verbatim where quoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// English gloss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// A short English title, the item's label in the English interface (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Whether the date is stated or assumed.
    #[serde(default)]
    pub provenance: Provenance,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// One measure's alternative timing or status in a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioOverride {
    /// The measure overridden.
    pub measure: MeasureId,
    /// Its span in this scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<FySpan>,
    /// Its status in this scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// A named scenario: alternative spans and statuses of measures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable ID.
    pub id: ScenarioId,
    /// Name.
    pub name: String,
    /// What the scenario assumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Overrides, per measure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<ScenarioOverride>,
    /// See [`Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}
