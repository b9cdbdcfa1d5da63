//! Scenarios resolved against the plan: the spans and statuses of measures under a scenario
//! (the plan's where the scenario does not override them), the roadmap as a scenario sees it,
//! and the comparison of two scenarios (or one and the plan) with its consequences — the
//! measures that now end after a target state's horizon, the gaps no longer answered in time,
//! and each ministry's load per fiscal year.

use std::collections::{BTreeMap, BTreeSet};

pub use crate::model::Basis;
use crate::model::{
    FySpan, GapId, LinkKind, Measure, MeasureId, MinistryCode, Roadmap, Scenario, ScenarioOverride,
    Status, TargetId,
};

/// A scenario's override of `measure`, if it has one.
pub fn override_of<'a>(
    scenario: &'a Scenario,
    measure: &MeasureId,
) -> Option<&'a ScenarioOverride> {
    scenario.overrides.iter().find(|o| &o.measure == measure)
}

/// A measure's span and status under `scenario` (the plan's when `None`, or where the scenario
/// does not override them).
pub fn effective(measure: &Measure, scenario: Option<&Scenario>) -> (Option<FySpan>, Status) {
    let o = scenario.and_then(|s| override_of(s, &measure.id));
    let span = o
        .and_then(|o| o.span.clone())
        .or_else(|| measure.span.clone());
    let status = o
        .and_then(|o| o.status.clone())
        .unwrap_or_else(|| measure.status.clone());
    (span, status)
}

/// The roadmap as `basis` sees it: every measure with its span and status under it. `None` for
/// the plan, or a scenario that does not exist (the roadmap itself is then what is seen).
/// Positions and IDs are those of `roadmap`, so selections and lookups carry over.
pub fn resolve(roadmap: &Roadmap, basis: &Basis) -> Option<Roadmap> {
    let scenario = basis.scenario(roadmap)?;
    let mut seen = roadmap.clone();
    if scenario.overrides.is_empty() {
        return Some(seen);
    }
    for m in &mut seen.items.measures {
        if override_of(scenario, &m.id).is_some() {
            let (span, status) = effective(m, Some(scenario));
            m.span = span;
            m.status = status;
        }
    }
    Some(seen)
}

/// A measure whose span or status differs between the two sides of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Move {
    /// The measure.
    pub measure: MeasureId,
    /// Its span on the first side (`from`).
    pub from_span: Option<FySpan>,
    /// Its span on the second side (`to`).
    pub to_span: Option<FySpan>,
    /// Its status on the first side.
    pub from_status: Status,
    /// Its status on the second side.
    pub to_status: Status,
}

impl Move {
    /// How many fiscal years the start moved (later is positive), when both sides have a span.
    pub fn start_delta_fy(&self) -> Option<i32> {
        Some(self.to_span.as_ref()?.start_fy - self.from_span.as_ref()?.start_fy)
    }

    /// How many fiscal years the end moved (later is positive), when both sides have a span.
    pub fn end_delta_fy(&self) -> Option<i32> {
        Some(self.to_span.as_ref()?.end_fy - self.from_span.as_ref()?.end_fy)
    }

    /// The move in short: `+2 FY` when the whole span moved by as much, `start +1 FY, end +2
    /// FY` otherwise; empty when only the status changed.
    pub fn delta_label(&self) -> String {
        match (self.start_delta_fy(), self.end_delta_fy()) {
            (Some(0), Some(0)) | (None, None) => String::new(),
            (Some(s), Some(e)) if s == e => format!("{s:+} FY"),
            (Some(s), Some(e)) => format!("start {s:+} FY, end {e:+} FY"),
            _ => match (&self.from_span, &self.to_span) {
                (None, Some(t)) => format!("+{t}"),
                (Some(f), None) => format!("−{f}"),
                _ => String::new(),
            },
        }
    }

    /// Whether the span (not only the status) differs.
    pub fn span_moved(&self) -> bool {
        let key = |s: &Option<FySpan>| s.as_ref().map(|s| (s.start_fy, s.end_fy));
        key(&self.from_span) != key(&self.to_span)
    }
}

/// A target state's measures that end after its horizon on the second side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetConsequence {
    /// The target state.
    pub target: TargetId,
    /// Its horizon year.
    pub horizon_year: i32,
    /// The measures contributing to it (directly, or by answering a gap that blocks it) that
    /// end after the horizon on the second side, with their last fiscal year on each side;
    /// those that ended in time on the first side come first.
    pub late: Vec<LateMeasure>,
}

/// A contributing measure that ends after a target state's horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct LateMeasure {
    /// The measure.
    pub measure: MeasureId,
    /// Its last fiscal year on the first side.
    pub from_end_fy: Option<i32>,
    /// Its last fiscal year on the second side.
    pub to_end_fy: i32,
    /// Whether it ended in time on the first side: the comparison made it late.
    pub newly: bool,
}

/// Whether a gap is answered in time for a horizon on either side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct GapConsequence {
    /// The gap.
    pub gap: GapId,
    /// The horizon year (of the roadmap's target states).
    pub horizon_year: i32,
    /// Whether a measure answering it ends by the horizon on the first side.
    pub from_answered: bool,
    /// The same on the second side.
    pub to_answered: bool,
}

/// A ministry's load: how many of its measures run in each fiscal year, on each side.
#[derive(Clone, Debug, PartialEq)]
pub struct MinistryLoad {
    /// The ministry.
    pub ministry: MinistryCode,
    /// Fiscal year → (measures running on the first side, on the second side); only the years
    /// where either is non-zero.
    pub by_fy: BTreeMap<i32, (u32, u32)>,
}

impl MinistryLoad {
    /// The years whose load differs between the sides.
    pub fn changed_years(&self) -> impl Iterator<Item = (i32, u32, u32)> + '_ {
        self.by_fy
            .iter()
            .filter(|(_, (a, b))| a != b)
            .map(|(&fy, &(a, b))| (fy, a, b))
    }
}

/// Two sides compared: what moved and what follows from it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioComparison {
    /// The first side (the one the ghosts show).
    pub from: Basis,
    /// The second side (the one the views show).
    pub to: Basis,
    /// The measures whose span or status differs, in roadmap order.
    pub moves: Vec<Move>,
    /// Per target state with a measure late on the second side, in roadmap order.
    pub targets: Vec<TargetConsequence>,
    /// Per gap answered by a moved measure, and horizon year, whether it is answered in time
    /// on either side; only those where the answer differs.
    pub gaps: Vec<GapConsequence>,
    /// Per ministry whose load differs in some year, in roadmap order.
    pub loads: Vec<MinistryLoad>,
}

impl ScenarioComparison {
    /// The move of `measure`, if it moved.
    pub fn move_of(&self, measure: &MeasureId) -> Option<&Move> {
        self.moves.iter().find(|m| &m.measure == measure)
    }

    /// Whether the two sides are the same in every span and status.
    pub fn is_empty(&self) -> bool {
        self.moves.is_empty()
    }
}

/// The end of each measure on one side of a comparison.
fn ends(roadmap: &Roadmap, scenario: Option<&Scenario>) -> BTreeMap<MeasureId, Option<FySpan>> {
    roadmap
        .items
        .measures
        .iter()
        .map(|m| (m.id.clone(), effective(m, scenario).0))
        .collect()
}

/// Compares `from` with `to` (the plan, or scenarios of `roadmap`).
pub fn compare(roadmap: &Roadmap, from: &Basis, to: &Basis) -> ScenarioComparison {
    let a = from.scenario(roadmap);
    let b = to.scenario(roadmap);
    let moves: Vec<Move> = roadmap
        .items
        .measures
        .iter()
        .filter_map(|m| {
            let (from_span, from_status) = effective(m, a);
            let (to_span, to_status) = effective(m, b);
            (from_span != to_span || from_status != to_status).then(|| Move {
                measure: m.id.clone(),
                from_span,
                to_span,
                from_status,
                to_status,
            })
        })
        .collect();
    let spans_a = ends(roadmap, a);
    let spans_b = ends(roadmap, b);
    ScenarioComparison {
        targets: target_consequences(roadmap, &spans_a, &spans_b),
        gaps: gap_consequences(roadmap, &moves, &spans_a, &spans_b),
        loads: loads(roadmap, &spans_a, &spans_b),
        from: from.clone(),
        to: to.clone(),
        moves,
    }
}

/// The measures contributing to each target state: directly, or by answering a gap that blocks
/// it; in link order, each once.
fn contributors(roadmap: &Roadmap) -> BTreeMap<TargetId, Vec<MeasureId>> {
    let links = &roadmap.items.links;
    let mut answers: BTreeMap<&GapId, Vec<&MeasureId>> = BTreeMap::new();
    for l in links {
        if let LinkKind::AddressedBy { gap, measure } = &l.link {
            answers.entry(gap).or_default().push(measure);
        }
    }
    let mut out: BTreeMap<TargetId, Vec<MeasureId>> = BTreeMap::new();
    let mut add = |target: &TargetId, measure: &MeasureId| {
        let list = out.entry(target.clone()).or_default();
        if !list.contains(measure) {
            list.push(measure.clone());
        }
    };
    for l in links {
        match &l.link {
            LinkKind::ContributesTo { measure, target } => add(target, measure),
            LinkKind::Blocks { gap, target } => {
                for m in answers.get(gap).into_iter().flatten() {
                    add(target, m);
                }
            }
            _ => {}
        }
    }
    out
}

fn end_of(spans: &BTreeMap<MeasureId, Option<FySpan>>, m: &MeasureId) -> Option<i32> {
    spans.get(m).and_then(|s| s.as_ref()).map(|s| s.end_fy)
}

/// A measure is late for a horizon when its last fiscal year comes after the horizon year.
fn is_late(end_fy: Option<i32>, horizon_year: i32) -> bool {
    end_fy.is_some_and(|e| e > horizon_year)
}

fn target_consequences(
    roadmap: &Roadmap,
    a: &BTreeMap<MeasureId, Option<FySpan>>,
    b: &BTreeMap<MeasureId, Option<FySpan>>,
) -> Vec<TargetConsequence> {
    let contributors = contributors(roadmap);
    roadmap
        .items
        .target_states
        .iter()
        .filter_map(|t| {
            let mut late: Vec<LateMeasure> = contributors
                .get(&t.id)
                .into_iter()
                .flatten()
                .filter_map(|m| {
                    let to_end_fy = end_of(b, m).filter(|&e| is_late(Some(e), t.horizon_year))?;
                    let from_end_fy = end_of(a, m);
                    Some(LateMeasure {
                        measure: m.clone(),
                        from_end_fy,
                        to_end_fy,
                        newly: !is_late(from_end_fy, t.horizon_year),
                    })
                })
                .collect();
            late.sort_by_key(|l| !l.newly);
            (!late.is_empty()).then(|| TargetConsequence {
                target: t.id.clone(),
                horizon_year: t.horizon_year,
                late,
            })
        })
        .collect()
}

fn gap_consequences(
    roadmap: &Roadmap,
    moves: &[Move],
    a: &BTreeMap<MeasureId, Option<FySpan>>,
    b: &BTreeMap<MeasureId, Option<FySpan>>,
) -> Vec<GapConsequence> {
    let horizons: BTreeSet<i32> = roadmap
        .items
        .target_states
        .iter()
        .map(|t| t.horizon_year)
        .collect();
    let moved: BTreeSet<&MeasureId> = moves.iter().map(|m| &m.measure).collect();
    let mut answers: BTreeMap<&GapId, Vec<&MeasureId>> = BTreeMap::new();
    for l in &roadmap.items.links {
        if let LinkKind::AddressedBy { gap, measure } = &l.link {
            answers.entry(gap).or_default().push(measure);
        }
    }
    let in_time = |spans: &BTreeMap<MeasureId, Option<FySpan>>, ms: &[&MeasureId], h: i32| {
        ms.iter().any(|m| end_of(spans, m).is_some_and(|e| e <= h))
    };
    let mut out = Vec::new();
    for g in &roadmap.items.gaps {
        let Some(ms) = answers.get(&g.id) else {
            continue;
        };
        if !ms.iter().any(|m| moved.contains(m)) {
            continue;
        }
        for &h in &horizons {
            let from_answered = in_time(a, ms, h);
            let to_answered = in_time(b, ms, h);
            if from_answered != to_answered {
                out.push(GapConsequence {
                    gap: g.id.clone(),
                    horizon_year: h,
                    from_answered,
                    to_answered,
                });
            }
        }
    }
    out
}

fn loads(
    roadmap: &Roadmap,
    a: &BTreeMap<MeasureId, Option<FySpan>>,
    b: &BTreeMap<MeasureId, Option<FySpan>>,
) -> Vec<MinistryLoad> {
    let mut by_ministry: BTreeMap<&MinistryCode, BTreeMap<i32, (u32, u32)>> = BTreeMap::new();
    let mut counted: BTreeSet<(&MinistryCode, &MeasureId)> = BTreeSet::new();
    for l in &roadmap.items.links {
        let LinkKind::Responsible {
            measure, ministry, ..
        } = &l.link
        else {
            continue;
        };
        if !counted.insert((ministry, measure)) {
            continue;
        }
        let years = by_ministry.entry(ministry).or_default();
        for (spans, first) in [(a, true), (b, false)] {
            if let Some(Some(span)) = spans.get(measure) {
                for fy in span.start_fy..=span.end_fy {
                    let e = years.entry(fy).or_default();
                    if first {
                        e.0 += 1;
                    } else {
                        e.1 += 1;
                    }
                }
            }
        }
    }
    roadmap
        .items
        .ministries
        .iter()
        .filter_map(|m| {
            let by_fy = by_ministry.remove(&m.code)?;
            let load = MinistryLoad {
                ministry: m.code.clone(),
                by_fy,
            };
            let changed = load.changed_years().next().is_some();
            changed.then_some(load)
        })
        .collect()
}

#[cfg(test)]
mod tests;
