//! Coverage: what is still unaddressed or unassigned, who carries how much, which KPIs lag.

use std::collections::BTreeMap;

use super::index::Index;
use crate::model::{Comparison, ItemRef, MeasureKind, MinistryCode, Roadmap, Role};

/// A ministry's load: how many measures it leads, co-leads and supports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Load {
    /// Measures it leads alone.
    pub lead: usize,
    /// Measures it shares with other ministries.
    pub co_lead: usize,
    /// Measures it supports.
    pub support: usize,
}

impl Load {
    /// All measures it is responsible for.
    pub fn total(&self) -> usize {
        self.lead + self.co_lead + self.support
    }
}

/// A KPI that lags its target, and by how much.
#[derive(Clone, Debug, PartialEq)]
pub struct LaggingKpi {
    /// The KPI.
    pub kpi: ItemRef,
    /// Latest value.
    pub latest: f64,
    /// The value expected by now (the target pro-rated over the years reported).
    pub expected: f64,
    /// The target.
    pub target: f64,
}

/// The coverage report of a roadmap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    /// Gaps no measure addresses.
    pub unaddressed_gaps: Vec<ItemRef>,
    /// Measures (other than frameworks) with no responsible ministry.
    pub measures_without_ministry: Vec<ItemRef>,
    /// Measures with no span.
    pub measures_without_span: Vec<ItemRef>,
    /// Measures whose span is assumed rather than stated.
    pub measures_with_assumed_span: Vec<ItemRef>,
    /// Each ministry's load, by code.
    pub load: BTreeMap<MinistryCode, Load>,
    /// KPIs behind target.
    pub lagging_kpis: Vec<LaggingKpi>,
}

/// Computes the coverage report.
pub fn coverage(roadmap: &Roadmap, index: &Index) -> Coverage {
    let it = &roadmap.items;
    let mut c = Coverage::default();
    for (i, g) in it.gaps.iter().enumerate() {
        if index.measures_of_nth_gap(i).next().is_none() {
            c.unaddressed_gaps.push(ItemRef::Gap(g.id.clone()));
        }
    }
    for m in &it.ministries {
        c.load.insert(m.code.clone(), Load::default());
    }
    for (i, m) in it.measures.iter().enumerate() {
        let r = || ItemRef::Measure(m.id.clone());
        let mut any = false;
        for (ministry, role) in index.ministries_of_nth_measure(i) {
            any = true;
            if let ItemRef::Ministry(code) = ministry {
                let load = c.load.entry(code.clone()).or_default();
                match role {
                    Role::Lead => load.lead += 1,
                    Role::CoLead => load.co_lead += 1,
                    Role::Support => load.support += 1,
                }
            }
        }
        if !any && m.kind != MeasureKind::Framework {
            c.measures_without_ministry.push(r());
        }
        match &m.span {
            None => c.measures_without_span.push(r()),
            Some(s) if s.provenance != crate::model::Provenance::Stated => {
                c.measures_with_assumed_span.push(r());
            }
            Some(_) => {}
        }
    }
    for k in &it.kpis {
        let (Some(target), Some(latest)) = (&k.target, &k.latest) else {
            continue;
        };
        // Pro-rate the target over the years from the first reported year to the deadline.
        let first = k
            .actuals
            .iter()
            .map(|a| a.fy)
            .min()
            .unwrap_or(latest.as_of_fy);
        // In i64, and with the deadline at least a year after the start, so that neither the
        // arithmetic nor the clamp can fail whatever years the KPI names.
        let first = i64::from(first);
        let years_total = (i64::from(target.deadline_fy) - first + 1).max(1);
        let years_done = (i64::from(latest.as_of_fy) - first + 1).clamp(0, years_total);
        let (years_total, years_done) = (years_total as f64, years_done as f64);
        let expected = target.value * years_done / years_total;
        let behind = match target.comparison {
            Comparison::AtLeast => latest.value < expected,
            Comparison::AtMost => latest.value > target.value,
        };
        if behind {
            c.lagging_kpis.push(LaggingKpi {
                kpi: ItemRef::Kpi(k.id.clone()),
                latest: latest.value,
                expected,
                target: target.value,
            });
        }
    }
    c
}
