//! The small closed sets an item's fields choose from, with their labels in both languages:
//! kinds of organisation, the meaning of a target's horizon, a measure's status, kinds of budget
//! amount, whether an event is a fact.

use serde::{Deserialize, Serialize};

/// What kind of organisation an [`super::Ministry`] entry is: roadmaps make ministries responsible,
/// but also agencies, councils, funds, companies, prefectures and insurers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum OrgKind {
    /// A ministry or the Cabinet Office (府省庁): 内, 文, 厚, 経, 外 …
    #[default]
    Ministry,
    /// An agency or institute: AMED, PMDA, JIHS …
    Agency,
    /// A council or committee: 中医協 …
    Council,
    /// A fund or board: SCARDA, PDSC …
    Fund,
    /// A company.
    Company,
    /// A prefecture or municipality.
    LocalGovernment,
    /// An insurer.
    Insurer,
    /// A university or research institution.
    Academia,
    /// Anything else, named.
    Other(String),
}

impl OrgKind {
    /// The named kinds, in the order a form offers them.
    pub const NAMED: [OrgKind; 8] = [
        OrgKind::Ministry,
        OrgKind::Agency,
        OrgKind::Council,
        OrgKind::Fund,
        OrgKind::Company,
        OrgKind::LocalGovernment,
        OrgKind::Insurer,
        OrgKind::Academia,
    ];

    /// Whether this is the default kind, which files leave unwritten.
    pub fn is_ministry(&self) -> bool {
        *self == OrgKind::Ministry
    }

    /// The Japanese label.
    pub fn label_ja(&self) -> &str {
        match self {
            OrgKind::Ministry => "府省庁",
            OrgKind::Agency => "機関",
            OrgKind::Council => "会議体",
            OrgKind::Fund => "基金・委員会",
            OrgKind::Company => "企業",
            OrgKind::LocalGovernment => "自治体",
            OrgKind::Insurer => "保険者",
            OrgKind::Academia => "大学・研究機関",
            OrgKind::Other(name) => name,
        }
    }

    /// The English label.
    pub fn label_en(&self) -> &str {
        match self {
            OrgKind::Ministry => "ministry",
            OrgKind::Agency => "agency",
            OrgKind::Council => "council",
            OrgKind::Fund => "fund or board",
            OrgKind::Company => "company",
            OrgKind::LocalGovernment => "local government",
            OrgKind::Insurer => "insurer",
            OrgKind::Academia => "university or institute",
            OrgKind::Other(name) => name,
        }
    }
}

/// What a target state's `horizon_year` means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Horizon {
    /// By that year: 2030年.
    #[default]
    Year,
    /// By the end of that fiscal year: 2029年度末 (31 March of the next year).
    FiscalYearEnd,
}

impl Horizon {
    /// Whether this is the default, which files leave unwritten.
    pub fn is_year(&self) -> bool {
        *self == Horizon::Year
    }
}

/// How far a measure has got.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Status {
    /// Proposed, not decided.
    Proposed,
    /// Decided or planned, not started.
    Planned,
    /// Running.
    Ongoing,
    /// Finished.
    Done,
    /// Stopped before it finished (開発中止; schema 2).
    Discontinued,
    /// Withdrawn or cancelled before it started (schema 2).
    Withdrawn,
    /// Not known.
    #[default]
    Unknown,
}

impl Status {
    /// Every status, in the order a form offers them.
    pub const ALL: [Status; 7] = [
        Status::Proposed,
        Status::Planned,
        Status::Ongoing,
        Status::Done,
        Status::Discontinued,
        Status::Withdrawn,
        Status::Unknown,
    ];

    /// The Japanese label.
    pub fn label_ja(&self) -> &'static str {
        match self {
            Status::Proposed => "提案",
            Status::Planned => "予定",
            Status::Ongoing => "実施中",
            Status::Done => "完了",
            Status::Discontinued => "中止",
            Status::Withdrawn => "取り下げ",
            Status::Unknown => "不明",
        }
    }

    /// The English label.
    pub fn label_en(&self) -> &'static str {
        match self {
            Status::Proposed => "Proposed",
            Status::Planned => "Planned",
            Status::Ongoing => "Ongoing",
            Status::Done => "Done",
            Status::Discontinued => "Discontinued",
            Status::Withdrawn => "Withdrawn",
            Status::Unknown => "Unknown",
        }
    }
}

/// What a budget amount is: amounts of different kinds are never added together.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum BudgetKind {
    /// A budget enacted for the year (予算額; the default).
    #[default]
    Enacted,
    /// A budget requested (概算要求).
    Requested,
    /// A supplementary budget (補正予算).
    Supplementary,
    /// What a fund holds at a date (基金残高).
    FundBalance,
    /// A total over several years (累計).
    CumulativeTotal,
    /// A part of another amount allocated to a recipient (配分).
    Allocation,
}

impl BudgetKind {
    /// Whether this is the default kind, which files leave unwritten.
    pub fn is_enacted(&self) -> bool {
        *self == BudgetKind::Enacted
    }

    /// The Japanese label.
    pub fn label_ja(&self) -> &'static str {
        match self {
            BudgetKind::Enacted => "予算額",
            BudgetKind::Requested => "概算要求",
            BudgetKind::Supplementary => "補正予算",
            BudgetKind::FundBalance => "基金残高",
            BudgetKind::CumulativeTotal => "累計",
            BudgetKind::Allocation => "配分",
        }
    }

    /// The English label.
    pub fn label_en(&self) -> &'static str {
        match self {
            BudgetKind::Enacted => "enacted",
            BudgetKind::Requested => "requested",
            BudgetKind::Supplementary => "supplementary",
            BudgetKind::FundBalance => "fund balance",
            BudgetKind::CumulativeTotal => "cumulative total",
            BudgetKind::Allocation => "allocation",
        }
    }

    /// Whether the amount is appropriated for its year (enacted or supplementary), so that such
    /// amounts add up per year. A request would count a year twice beside its enacted budget; a
    /// balance, a total or an allocation is part of, or the sum of, other amounts.
    pub fn is_appropriated(&self) -> bool {
        matches!(self, BudgetKind::Enacted | BudgetKind::Supplementary)
    }
}

/// Whether an event is a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum EventStatus {
    /// It happened (the default).
    #[default]
    Fact,
    /// It is planned or expected: a milestone ahead.
    Planned,
    /// A source reports it, and the roadmap does not vouch for it.
    Reported,
}

impl EventStatus {
    /// Whether this is the default, which files leave unwritten.
    pub fn is_fact(&self) -> bool {
        *self == EventStatus::Fact
    }
}
