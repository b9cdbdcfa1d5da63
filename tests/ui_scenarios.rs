//! A consultant's scenario, through labels: create a scenario, drag a bar while it is shown and
//! see the plan unchanged, compare it with the plan and find the moved measure in the list,
//! and undo each step.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::Tab;
use waymark::analysis::labels;
use waymark::analysis::scenario::Basis;
use waymark::app::WaymarkApp;
use waymark::i18n::Lang;
use waymark::model::{FySpan, ItemRef, MeasureId, Roadmap};

mod common;
use common::{copy_of_bundled, harness, options};

fn roadmap(h: &Harness<'_, WaymarkApp>) -> Roadmap {
    h.state().document().expect("doc").roadmap.clone()
}

/// Scrolls the lanes of the timeline chart up by `dy` points, by dragging empty space.
fn scroll_lanes(h: &mut Harness<'_, WaymarkApp>, dy: f32) {
    let chart = h.get_by_label("タイムライン図").rect();
    let from = egui::pos2(chart.right() - 30.0, chart.bottom() - 10.0);
    drag(h, from, from - egui::vec2(0.0, dy));
}

/// Presses at `from`, moves through the middle to `to` and releases there.
fn drag(h: &mut Harness<'_, WaymarkApp>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::default(),
    };
    h.hover_at(from);
    h.run();
    h.event(button(from, true));
    h.run();
    h.hover_at(from + (to - from) * 0.5);
    h.run();
    h.hover_at(to);
    h.run();
    h.event(button(to, false));
    h.run();
}

/// A measure whose bar is in view in the chart (past the lane titles), with the bar's rect,
/// scrolling the lanes down until one is.
fn bar_in_view(h: &mut Harness<'_, WaymarkApp>) -> (MeasureId, egui::Rect) {
    let r = roadmap(h);
    let candidates: Vec<(MeasureId, String)> = r
        .items
        .measures
        .iter()
        .filter(|m| m.span.as_ref().is_some_and(|s| s.len_years() >= 3))
        .map(|m| {
            let item = ItemRef::Measure(m.id.clone());
            (m.id.clone(), labels::short(&r, &item, Lang::Ja, 60))
        })
        .collect();
    for _ in 0..16 {
        let chart = h.get_by_label("タイムライン図").rect();
        for (id, label) in &candidates {
            let found = h.query_all_by_label(label).map(|n| n.rect()).find(|rect| {
                rect.top() > chart.top() + 60.0
                    && rect.bottom() < chart.bottom() - 10.0
                    && rect.left() > chart.left() + 200.0
                    && rect.right() < chart.right() - 300.0
            });
            if let Some(rect) = found {
                return (id.clone(), rect);
            }
        }
        scroll_lanes(h, 250.0);
    }
    panic!("no measure bar came into view");
}

/// Picks `option` in the choice labelled `name` (the last node so named: the open popup's).
fn pick_choice(h: &mut Harness<'_, WaymarkApp>, name: &str, option: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, name)
        .click();
    h.run();
    h.get_all_by_label(option)
        .last()
        .expect("the option")
        .click();
    h.run();
}

fn span(r: &Roadmap, id: &MeasureId) -> Option<FySpan> {
    r.measure(id).and_then(|m| m.span.clone())
}

#[test]
fn create_a_scenario_drag_a_bar_in_it_compare_and_undo() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut opts = options(Some(entry), &tmp.path().join("recovery"));
    opts.prefs.tab = Tab::Timeline;
    let mut h = harness(opts);
    h.run();
    let scenarios_before = roadmap(&h).items.scenarios.len();

    // Create a scenario: it is shown, empty, and compared with the plan.
    h.get_by_label("＋ 新しいシナリオ").click();
    h.run();
    let Basis::Scenario(id) = h.state().shown_scenario().clone() else {
        panic!("the new scenario is shown");
    };
    let r = roadmap(&h);
    assert_eq!(r.items.scenarios.len(), scenarios_before + 1);
    let s = r
        .items
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .expect("created");
    assert!(s.overrides.is_empty());
    assert!(
        h.state()
            .comparison()
            .is_some_and(waymark::analysis::scenario::ScenarioComparison::is_empty)
    );

    // Drag a measure's bar to the right while the scenario is shown.
    let (measure, rect) = bar_in_view(&mut h);
    let plan_before = span(&r, &measure).expect("a span");
    let from = egui::pos2(rect.left() + 10.0, rect.center().y);
    drag(&mut h, from, from + egui::vec2(220.0, 0.0));
    let r = roadmap(&h);
    assert_eq!(
        span(&r, &measure),
        Some(plan_before.clone()),
        "the plan is unchanged"
    );
    let s = r
        .items
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .expect("scenario");
    let over = s
        .overrides
        .iter()
        .find(|o| o.measure == measure)
        .expect("the scenario overrides the dragged measure");
    let moved = over.span.as_ref().expect("its span");
    assert!(
        moved.start_fy > plan_before.start_fy,
        "{moved} vs {plan_before}"
    );

    // Stop comparing, then compare with the plan again through the bar.
    h.get_by_label("比較を閉じる").click();
    h.run();
    assert!(h.state().comparison().is_none());
    pick_choice(&mut h, "比較対象", "計画");
    let c = h.state().comparison().expect("comparing with the plan");
    assert_eq!(c.from, Basis::Plan);
    assert_eq!(c.moves.len(), 1);
    assert_eq!(c.moves[0].measure, measure);
    let delta = c.moves[0].delta_label();
    assert!(delta.starts_with('+'), "{delta}");

    // The moved measure is in the list of differences, with its delta; clicking selects it.
    let entry = format!("（{delta}）");
    h.get_by_label_contains(&entry).click();
    h.run();
    assert_eq!(
        h.state().selection(),
        Some(&ItemRef::Measure(measure.clone()))
    );
    // The inspector shows the plan's span beside the scenario's.
    assert!(h.query_by_label(&plan_before.to_string()).is_some());
    assert!(h.query_by_label(&moved.to_string()).is_some());

    // Undo the drag: the scenario has no override, the plan is as before.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let r = roadmap(&h);
    let s = r
        .items
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .expect("scenario");
    assert!(s.overrides.is_empty());
    assert_eq!(span(&r, &measure), Some(plan_before));
    // Undo the creation: the scenario is gone and the plan is shown.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(roadmap(&h).items.scenarios.len(), scenarios_before);
    assert_eq!(h.state().shown_scenario(), &Basis::Plan);
}

#[test]
fn the_bundled_delay_scenario_shows_its_consequences_for_2030() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut opts = options(None, &tmp.path().join("recovery"));
    opts.prefs.tab = Tab::Timeline;
    let mut h = harness(opts);
    h.run();
    pick_choice(&mut h, "シナリオ", "遺伝子治療の製造基盤が2年遅れる");
    pick_choice(&mut h, "比較対象", "計画");
    let c = h.state().comparison().expect("comparing");
    assert_eq!(c.moves.len(), 2);
    assert!(c.targets.iter().any(|t| t.horizon_year == 2030));
    // The consequences list the measures now late for the 2030 target states: both delayed
    // measures contribute to ★2030-1, and now end in FY2031 instead of FY2029.
    assert!(
        h.query_all_by_label_contains("終了 FY2029 → FY2031")
            .count()
            >= 2
    );
    // Each moved bar carries its delta: two badges drawn; their labels are in the list.
    assert_eq!(h.query_all_by_label_contains("（+2 FY）").count(), 2);
}
