use super::*;
use crate::model::{FileId, FySpan, Provenance, ScenarioId, ScenarioOverride};

fn bundled() -> Roadmap {
    crate::bundled::open().expect("bundled roadmap").roadmap
}

fn id(s: &str) -> MeasureId {
    MeasureId::new(s).expect("id")
}

/// The bundled roadmap with a scenario `delay` that moves `measures` by `years`, and no other.
fn with_delay(measures: &[&str], years: i32) -> Roadmap {
    let mut r = bundled();
    r.items.scenarios.clear();
    let overrides = measures
        .iter()
        .map(|m| {
            let plan = r
                .measure(&id(m))
                .expect("measure")
                .span
                .clone()
                .expect("span");
            ScenarioOverride {
                measure: id(m),
                span: Some(FySpan::new(
                    plan.start_fy + years,
                    plan.end_fy + years,
                    Provenance::Editorial,
                    None,
                )),
                status: None,
            }
        })
        .collect();
    r.items.scenarios.push(Scenario {
        id: ScenarioId::new("delay").expect("id"),
        name: "遅延".to_owned(),
        description: None,
        overrides,
        origin: FileId(0),
    });
    r
}

fn delay() -> Basis {
    Basis::Scenario(ScenarioId::new("delay").expect("id"))
}

#[test]
fn effective_spans_take_the_override_and_fall_back_to_the_plan() {
    let r = with_delay(&["m.t2.3"], 2);
    let s = delay().scenario(&r);
    let moved = r.measure(&id("m.t2.3")).expect("m.t2.3");
    let kept = r.measure(&id("m.t2.1")).expect("m.t2.1");
    let (span, status) = effective(moved, s);
    let span = span.expect("span");
    let plan = moved.span.clone().expect("plan span");
    assert_eq!(
        (span.start_fy, span.end_fy),
        (plan.start_fy + 2, plan.end_fy + 2)
    );
    assert_eq!(status, moved.status, "no status override: the plan's");
    assert_eq!(effective(kept, s), (kept.span.clone(), kept.status.clone()));
    assert_eq!(
        effective(moved, None),
        (moved.span.clone(), moved.status.clone())
    );
}

#[test]
fn a_status_override_alone_keeps_the_plans_span() {
    let mut r = with_delay(&[], 0);
    r.items.scenarios[0].overrides.push(ScenarioOverride {
        measure: id("m.t2.1"),
        span: None,
        status: Some(Status::Discontinued),
    });
    let m = r.measure(&id("m.t2.1")).expect("m.t2.1").clone();
    let seen = resolve(&r, &delay()).expect("scenario exists");
    let m2 = seen.measure(&id("m.t2.1")).expect("m.t2.1");
    assert_eq!(m2.status, Status::Discontinued);
    assert_eq!(m2.span, m.span);
    // The plan is untouched.
    assert_eq!(r.measure(&id("m.t2.1")).expect("m.t2.1").status, m.status);
}

#[test]
fn resolve_is_none_for_the_plan_and_a_missing_scenario() {
    let r = with_delay(&["m.t2.3"], 2);
    assert!(resolve(&r, &Basis::Plan).is_none());
    let missing = Basis::Scenario(ScenarioId::new("nope").expect("id"));
    assert!(resolve(&r, &missing).is_none());
    let seen = resolve(&r, &delay()).expect("scenario exists");
    let span = seen
        .measure(&id("m.t2.3"))
        .expect("m")
        .span
        .clone()
        .expect("span");
    let plan = r
        .measure(&id("m.t2.3"))
        .expect("m")
        .span
        .clone()
        .expect("span");
    assert_eq!(span.start_fy, plan.start_fy + 2);
    // Everything else is the plan's.
    assert_eq!(seen.items.measures.len(), r.items.measures.len());
    assert_eq!(seen.items.links, r.items.links);
}

#[test]
fn a_comparison_lists_each_moved_measure_with_its_delta() {
    let r = with_delay(&["m.t2.2", "m.t2.3"], 2);
    let c = compare(&r, &Basis::Plan, &delay());
    let moved: Vec<&str> = c.moves.iter().map(|m| m.measure.as_str()).collect();
    assert_eq!(moved, ["m.t2.2", "m.t2.3"]);
    for m in &c.moves {
        assert_eq!(m.start_delta_fy(), Some(2));
        assert_eq!(m.end_delta_fy(), Some(2));
        assert_eq!(m.delta_label(), "+2 FY");
        assert!(m.span_moved());
    }
    // The other way round, the deltas change sign.
    let back = compare(&r, &delay(), &Basis::Plan);
    assert_eq!(back.moves[0].delta_label(), "-2 FY");
    // A scenario compared with itself differs in nothing.
    assert!(compare(&r, &delay(), &delay()).is_empty());
    assert!(compare(&r, &Basis::Plan, &Basis::Plan).is_empty());
}

#[test]
fn a_stretched_span_says_how_each_end_moved() {
    let m = Move {
        measure: id("m.x"),
        from_span: Some(FySpan::new(2025, 2029, Provenance::Stated, None)),
        to_span: Some(FySpan::new(2026, 2031, Provenance::Stated, None)),
        from_status: Status::Planned,
        to_status: Status::Planned,
    };
    assert_eq!(m.delta_label(), "start +1 FY, end +2 FY");
    let only_status = Move {
        to_span: m.from_span.clone(),
        to_status: Status::Withdrawn,
        ..m
    };
    assert_eq!(only_status.delta_label(), "");
    assert!(!only_status.span_moved());
}

#[test]
fn delayed_contributors_are_late_for_the_2030_targets_only() {
    let r = with_delay(&["m.t2.3"], 2);
    let c = compare(&r, &Basis::Plan, &delay());
    // m.t2.3 contributes to target.2030.1 and now ends in FY2031.
    let t = c
        .targets
        .iter()
        .find(|t| t.target.as_str() == "target.2030.1")
        .expect("target.2030.1 has a late measure");
    assert_eq!(t.horizon_year, 2030);
    let late = t
        .late
        .iter()
        .find(|l| l.measure.as_str() == "m.t2.3")
        .expect("m.t2.3 is late");
    assert!(late.newly);
    assert_eq!(late.to_end_fy, 2031);
    assert_eq!(late.from_end_fy, Some(2029));
    // Nothing ends after 2040.
    assert!(c.targets.iter().all(|t| t.horizon_year != 2040));
    // Without the delay, nothing is late for 2030.
    let none = compare(&r, &Basis::Plan, &Basis::Plan);
    assert!(none.targets.is_empty());
}

#[test]
fn a_gap_answered_only_by_a_delayed_measure_is_no_longer_answered_in_time() {
    let r = with_delay(&["m.t2.3"], 2);
    let c = compare(&r, &Basis::Plan, &delay());
    // gap.t2.3 is answered by m.t2.3 alone (in the bundled roadmap).
    let answers: Vec<_> = r
        .items
        .links
        .iter()
        .filter(
            |l| matches!(&l.link, LinkKind::AddressedBy { gap, .. } if gap.as_str() == "gap.t2.3"),
        )
        .collect();
    assert_eq!(answers.len(), 1);
    let g = c
        .gaps
        .iter()
        .find(|g| g.gap.as_str() == "gap.t2.3" && g.horizon_year == 2030)
        .expect("gap.t2.3 changes for 2030");
    assert!(g.from_answered && !g.to_answered);
    // For 2040 it is answered on both sides, so it is not listed.
    assert!(
        !c.gaps
            .iter()
            .any(|g| g.gap.as_str() == "gap.t2.3" && g.horizon_year == 2040)
    );
}

#[test]
fn ministry_load_moves_with_the_measures() {
    let r = with_delay(&["m.t2.3"], 2);
    let c = compare(&r, &Basis::Plan, &delay());
    // m.t2.3 is 文 and 経's: each loses FY2025-26 and gains FY2030-31.
    let codes: Vec<&str> = c.loads.iter().map(|l| l.ministry.as_str()).collect();
    assert!(codes.contains(&"文") && codes.contains(&"経"), "{codes:?}");
    assert!(!codes.contains(&"厚"), "厚 has no moved measure: {codes:?}");
    let bun = c
        .loads
        .iter()
        .find(|l| l.ministry.as_str() == "文")
        .expect("文");
    let changed: Vec<(i32, i32)> = bun
        .changed_years()
        .map(|(fy, a, b)| {
            (
                fy,
                i32::try_from(b).expect("small") - i32::try_from(a).expect("small"),
            )
        })
        .collect();
    assert_eq!(changed, [(2025, -1), (2026, -1), (2030, 1), (2031, 1)]);
}
