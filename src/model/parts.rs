//! The parts items are made of: a note's table, an example from abroad cited by a proposal, a
//! KPI's kind, target, latest value and yearly actuals.

use serde::{Deserialize, Serialize};

/// A table from a source, cell by cell as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The column headings.
    pub columns: Vec<String>,
    /// The rows, each with one cell per column ("—" where the source has a dash).
    pub rows: Vec<Vec<String>>,
}

/// An example from abroad cited by a proposal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverseasExample {
    /// Country or region as written: イギリス, アメリカ, EU …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The organisation named: Catapult, CCRM …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// What they do, verbatim.
    pub text: String,
}

/// Whether a KPI counts outputs or outcomes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KpiKind {
    /// ＜アウトプット＞
    Output,
    /// ＜アウトカム＞
    Outcome,
}

/// How an actual value is compared with its target.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Comparison {
    /// Met when the actual reaches the target (件数 targets, 「以上」).
    #[default]
    AtLeast,
    /// Met when the actual stays at or below the target.
    AtMost,
}

/// A KPI's target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiTarget {
    /// Target value.
    pub value: f64,
    /// How actuals are compared with it.
    #[serde(default)]
    pub comparison: Comparison,
    /// Fiscal year by whose end it should be met.
    pub deadline_fy: i32,
    /// The target as written: `25件 [うち遺伝子治療 5件]`.
    pub text: String,
}

/// The latest value reported for a KPI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiLatest {
    /// Value, cumulative where the KPI is.
    pub value: f64,
    /// Fiscal year at whose end it was measured.
    pub as_of_fy: i32,
    /// As written: `79件(14/11/54)`.
    pub text: String,
}

/// One year's actual value of a KPI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiActual {
    /// Fiscal year.
    pub fy: i32,
    /// Value in that year alone.
    pub value: f64,
}
