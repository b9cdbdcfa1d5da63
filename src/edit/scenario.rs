//! Edits of scenarios: a new one (empty, or a copy of another), one measure's override set or
//! reset, and the edits the views make while a scenario is shown redirected to it
//! ([`redirect`]), so that rescheduling a measure then changes the scenario, not the plan.

use super::{Created, Edit, EditError, ItemKey, ItemValue, create, fresh_id};
use crate::model::{
    FileId, FySpan, Measure, MeasureId, Roadmap, Scenario, ScenarioId, ScenarioOverride, Status,
};

/// A new scenario named `name`: with no overrides (the plan as it stands), or with those of
/// `copy_of`, whose description it takes too. It goes to the file holding the scenarios, else
/// the entry file. Its ID is `scenario.newN`.
pub fn create_scenario(
    roadmap: &Roadmap,
    name: &str,
    copy_of: Option<&ScenarioId>,
) -> Result<Created<ScenarioId>, EditError> {
    let id = fresh_id(roadmap, "scenario.new")?;
    let id = ScenarioId::new(id.clone()).map_err(|error| EditError::BadId { id, error })?;
    let (description, overrides) = match copy_of {
        Some(of) => {
            let source = scenario(roadmap, of)?;
            (source.description.clone(), source.overrides.clone())
        }
        None => (None, Vec::new()),
    };
    let origin = roadmap
        .items
        .scenarios
        .last()
        .map_or(FileId(0), |s| s.origin);
    let edit = create(
        roadmap,
        ItemValue::Scenario(Scenario {
            id: id.clone(),
            name: name.to_owned(),
            description,
            overrides,
            origin,
        }),
    )?;
    Ok(Created { id, edit })
}

fn scenario<'a>(roadmap: &'a Roadmap, id: &ScenarioId) -> Result<&'a Scenario, EditError> {
    roadmap
        .items
        .scenarios
        .iter()
        .find(|s| &s.id == id)
        .ok_or_else(|| EditError::NotFound(ItemKey::Scenario(id.clone())))
}

/// Makes `scenario`'s override of `measure` give it `span` and `status`, keeping in the
/// override only what differs from the plan (`plan`), and dropping the override when nothing
/// does.
fn set_in(scenario: &mut Scenario, plan: &Measure, span: Option<FySpan>, status: Status) {
    let span = span.filter(|s| Some(s) != plan.span.as_ref());
    let status = (status != plan.status).then_some(status);
    let at = scenario.overrides.iter().position(|o| o.measure == plan.id);
    match (at, span.is_none() && status.is_none()) {
        (Some(i), true) => {
            scenario.overrides.remove(i);
        }
        (Some(i), false) => {
            let o = &mut scenario.overrides[i];
            o.span = span;
            o.status = status;
        }
        (None, true) => {}
        (None, false) => scenario.overrides.push(ScenarioOverride {
            measure: plan.id.clone(),
            span,
            status,
        }),
    }
}

fn plan_measure<'a>(roadmap: &'a Roadmap, id: &MeasureId) -> Result<&'a Measure, EditError> {
    roadmap
        .measure(id)
        .ok_or_else(|| EditError::NotFound(ItemKey::Measure(id.clone())))
}

/// The edit that gives `measure` the span and status `span` and `status` in `scenario` (an
/// override of what differs from the plan; none when nothing does). A span of `None` is the
/// plan's.
pub fn set_override(
    roadmap: &Roadmap,
    scenario_id: &ScenarioId,
    measure: &MeasureId,
    span: Option<FySpan>,
    status: Status,
) -> Result<Edit, EditError> {
    if let Some(s) = &span
        && s.end_fy < s.start_fy
    {
        return Err(EditError::SpanOrder {
            start_fy: s.start_fy,
            end_fy: s.end_fy,
        });
    }
    let plan = plan_measure(roadmap, measure)?;
    let mut s = scenario(roadmap, scenario_id)?.clone();
    set_in(&mut s, plan, span, status);
    Ok(Edit::Replace(ItemValue::Scenario(s)))
}

/// The edit that removes `scenario`'s override of `measure`: the plan's span and status again.
pub fn reset_override(
    roadmap: &Roadmap,
    scenario_id: &ScenarioId,
    measure: &MeasureId,
) -> Result<Edit, EditError> {
    let mut s = scenario(roadmap, scenario_id)?.clone();
    s.overrides.retain(|o| &o.measure != measure);
    Ok(Edit::Replace(ItemValue::Scenario(s)))
}

/// `edit`, as made while `scenario_id` is shown: a changed span or status of a measure goes to
/// the scenario's override instead of the plan; every other change (a measure's other fields
/// included) goes to the plan as it is. Measures are compared with `roadmap`, the plan.
/// The scenario's changes come last, as one replacement of the scenario.
pub fn redirect(
    roadmap: &Roadmap,
    scenario_id: &ScenarioId,
    edit: Edit,
) -> Result<Edit, EditError> {
    let mut s = scenario(roadmap, scenario_id)?.clone();
    let before = s.clone();
    let mut plan_edits = Vec::new();
    split(roadmap, &mut s, edit, &mut plan_edits)?;
    if s != before {
        plan_edits.push(Edit::Replace(ItemValue::Scenario(s)));
    }
    Ok(match plan_edits.len() {
        1 => plan_edits.remove(0),
        _ => Edit::Batch(plan_edits),
    })
}

fn split(
    roadmap: &Roadmap,
    scenario: &mut Scenario,
    edit: Edit,
    plan_edits: &mut Vec<Edit>,
) -> Result<(), EditError> {
    match edit {
        Edit::Replace(ItemValue::Measure(mut m)) => {
            // A measure the plan does not have yet (added earlier in the same batch) is the
            // plan's alone.
            let Some(plan) = roadmap.measure(&m.id) else {
                plan_edits.push(Edit::Replace(ItemValue::Measure(m)));
                return Ok(());
            };
            set_in(scenario, plan, m.span.take(), m.status);
            m.span.clone_from(&plan.span);
            m.status = plan.status.clone();
            if &m != plan {
                plan_edits.push(Edit::Replace(ItemValue::Measure(m)));
            }
        }
        Edit::Batch(edits) => {
            for e in edits {
                split(roadmap, scenario, e, plan_edits)?;
            }
        }
        other => plan_edits.push(other),
    }
    Ok(())
}

#[cfg(test)]
mod tests;
