use super::*;
use crate::edit::{apply, reschedule, update};
use crate::model::Provenance;

fn bundled() -> Roadmap {
    crate::bundled::open().expect("bundled roadmap").roadmap
}

fn mid(s: &str) -> MeasureId {
    MeasureId::new(s).expect("id")
}

/// The bundled roadmap with one new, empty scenario; its ID.
fn with_scenario() -> (Roadmap, ScenarioId) {
    let mut r = bundled();
    let c = create_scenario(&r, "遅延", None).expect("create");
    apply(&mut r, c.edit).expect("apply");
    (r, c.id)
}

#[test]
fn a_new_scenario_is_empty_and_a_copy_takes_the_overrides() {
    let (mut r, id) = with_scenario();
    let s = r
        .items
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .expect("created");
    assert!(s.overrides.is_empty());
    assert_eq!(s.name, "遅延");
    let span = FySpan::new(2027, 2031, Provenance::Editorial, None);
    let e = set_override(&r, &id, &mid("m.t2.3"), Some(span), Status::Planned).expect("set");
    apply(&mut r, e).expect("apply");
    let copy = create_scenario(&r, "copy", Some(&id)).expect("copy");
    assert_ne!(copy.id, id);
    let inverse = apply(&mut r, copy.edit).expect("apply");
    let c = r
        .items
        .scenarios
        .iter()
        .find(|s| s.id == copy.id)
        .expect("copy");
    let original = r
        .items
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .expect("original");
    assert_eq!(c.overrides, original.overrides);
    apply(&mut r, inverse).expect("undo");
    assert!(!r.items.scenarios.iter().any(|s| s.id == copy.id));
}

#[test]
fn an_override_keeps_only_what_differs_from_the_plan() {
    let (mut r, id) = with_scenario();
    let plan = r.measure(&mid("m.t2.3")).expect("m").clone();
    // The plan's span with another status: only the status is overridden.
    let e = set_override(&r, &id, &plan.id, plan.span.clone(), Status::Discontinued).expect("set");
    apply(&mut r, e).expect("apply");
    let o = r
        .items
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .expect("s")
        .overrides
        .clone();
    assert_eq!(o.len(), 1);
    assert_eq!(
        (o[0].span.clone(), o[0].status.clone()),
        (None, Some(Status::Discontinued))
    );
    // Back to the plan's values: no override is left.
    let e = set_override(&r, &id, &plan.id, plan.span.clone(), plan.status.clone()).expect("set");
    apply(&mut r, e).expect("apply");
    let s = r.items.scenarios.iter().find(|s| s.id == id).expect("s");
    assert!(s.overrides.is_empty());
    // A span that ends before it starts is refused.
    let bad = FySpan::new(2030, 2028, Provenance::Editorial, None);
    assert!(matches!(
        set_override(&r, &id, &plan.id, Some(bad), plan.status.clone()),
        Err(EditError::SpanOrder { .. })
    ));
}

#[test]
fn a_reschedule_redirected_to_a_scenario_leaves_the_plan_unchanged() {
    let (mut r, id) = with_scenario();
    let plan_before = r.measure(&mid("m.t2.3")).expect("m").clone();
    let span = FySpan::new(2027, 2031, Provenance::Assumed, None);
    let e = reschedule(&r, &plan_before.id, span.clone()).expect("reschedule");
    let e = redirect(&r, &id, e).expect("redirect");
    let inverse = apply(&mut r, e).expect("apply");
    assert_eq!(
        r.measure(&plan_before.id),
        Some(&plan_before),
        "plan unchanged"
    );
    let s = r.items.scenarios.iter().find(|s| s.id == id).expect("s");
    assert_eq!(s.overrides.len(), 1);
    assert_eq!(s.overrides[0].span, Some(span));
    assert_eq!(s.overrides[0].status, None);
    // Undone, the scenario has no override again.
    apply(&mut r, inverse).expect("undo");
    let s = r.items.scenarios.iter().find(|s| s.id == id).expect("s");
    assert!(s.overrides.is_empty());
}

#[test]
fn other_fields_of_a_measure_still_go_to_the_plan() {
    let (mut r, id) = with_scenario();
    let m = mid("m.t2.3");
    let e = update(&r, &ItemKey::Measure(m.clone()), |v| {
        if let ItemValue::Measure(x) = v {
            x.text = "新しい本文".to_owned();
            x.status = Status::Withdrawn;
        }
    })
    .expect("update");
    let plan_status = r.measure(&m).expect("m").status.clone();
    let e = redirect(&r, &id, e).expect("redirect");
    apply(&mut r, e).expect("apply");
    let after = r.measure(&m).expect("m");
    assert_eq!(after.text, "新しい本文", "the text is the plan's");
    assert_eq!(after.status, plan_status, "the status is the scenario's");
    let s = r.items.scenarios.iter().find(|s| s.id == id).expect("s");
    assert_eq!(s.overrides[0].status, Some(Status::Withdrawn));
}

#[test]
fn reset_removes_one_override_only() {
    let (mut r, id) = with_scenario();
    for m in ["m.t2.2", "m.t2.3"] {
        let e = set_override(&r, &id, &mid(m), None, Status::Withdrawn).expect("set");
        apply(&mut r, e).expect("apply");
    }
    let e = reset_override(&r, &id, &mid("m.t2.2")).expect("reset");
    apply(&mut r, e).expect("apply");
    let s = r.items.scenarios.iter().find(|s| s.id == id).expect("s");
    let left: Vec<&str> = s.overrides.iter().map(|o| o.measure.as_str()).collect();
    assert_eq!(left, ["m.t2.3"]);
}
