//! Linking on the timeline with Shift+drag: from a measure's bar to a ministry's lane, from a
//! target state to a measure, refused between two target states, and never without Shift or in
//! a read-only view.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::Action;
use waymark::analysis::derived::{Derived, Inputs};
use waymark::analysis::filter::Filter;
use waymark::analysis::timeline::{Grouping, Layer};
use waymark::edit;
use waymark::i18n::Lang;
use waymark::model::{ItemRef, MinistryCode, Provenance, Roadmap};
use waymark::ui::ViewCtx;
use waymark::ui::linkage::item_label;
use waymark::ui::timeline::timeline_ui;

fn bundled() -> Roadmap {
    waymark::bundled::open()
        .unwrap_or_else(|e| panic!("bundled roadmap loads: {:#?}", e.diagnostics))
        .roadmap
}

/// The derived data with only 文 and 厚 shown, so that both lanes fit a tall window.
fn derive(roadmap: &Roadmap) -> Derived {
    let filter = Filter {
        ministries: ["文", "厚"]
            .iter()
            .map(|c| MinistryCode::new(*c).expect("valid code"))
            .collect(),
        ..Filter::default()
    };
    Derived::compute(
        roadmap,
        Inputs {
            filter,
            grouping: Grouping::Ministry,
            lang: Lang::Ja,
            selection: None,
            focus_steps: None,
        },
    )
}

fn harness<'a>(
    roadmap: &'a Roadmap,
    derived: &'a Derived,
    editable: bool,
) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1400.0))
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(
            move |ui, actions: &mut Vec<Action>| {
                let mut ctx = ViewCtx::new(roadmap, derived);
                ctx.editable = editable;
                timeline_ui(ui, &ctx, actions);
            },
            Vec::new(),
        );
    h.run();
    h
}

/// Drags from `from` to `to` with `modifiers` held throughout.
fn drag_with(
    h: &mut Harness<'_, Vec<Action>>,
    modifiers: egui::Modifiers,
    from: egui::Pos2,
    to: egui::Pos2,
) {
    h.event(egui::Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + (to - from) * 0.5);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::default()));
    h.run();
}

fn shift_drag(h: &mut Harness<'_, Vec<Action>>, from: egui::Pos2, to: egui::Pos2) {
    drag_with(h, egui::Modifiers::SHIFT, from, to);
}

/// The items of the lanes of `layer` (bars, then markers), with their accessible names.
fn items_of(r: &Roadmap, d: &Derived, layer: Layer) -> Vec<(ItemRef, String)> {
    let ctx = ViewCtx::new(r, d);
    d.timeline
        .lanes
        .iter()
        .filter(|l| l.layer == layer)
        .flat_map(|l| {
            l.bars
                .iter()
                .map(|b| &b.item)
                .chain(l.markers.iter().map(|m| &m.item))
        })
        .map(|item| (item.clone(), item_label(&ctx, item)))
        .collect()
}

/// Where `label` is drawn inside the chart's lanes, if it is.
fn in_view(h: &Harness<'_, Vec<Action>>, label: &str) -> Option<egui::Rect> {
    let chart = h.get_by_label("タイムライン図").rect();
    let rect = h.query_all_by_label(label).next()?.rect();
    (rect.top() > chart.top() + 45.0 && rect.bottom() < chart.bottom() - 5.0).then_some(rect)
}

/// A bar's point a little inside its left end.
fn on_bar(rect: egui::Rect) -> egui::Pos2 {
    egui::pos2(rect.left() + 4.0, rect.center().y)
}

/// The edit a link from `from` to `to` makes, as the linkage view would make it.
fn expected_link(r: &Roadmap, from: &ItemRef, to: &ItemRef) -> Action {
    let kind = edit::link_between(r, from, to).expect("the two can be linked");
    Action::Edit(Box::new(
        edit::link(r, kind, Provenance::Editorial).expect("a new link"),
    ))
}

#[test]
fn shift_dragging_a_measure_onto_a_ministrys_lane_makes_it_responsible() {
    let r = bundled();
    let d = derive(&r);
    let mut h = harness(&r, &d, true);
    let ko = ItemRef::Ministry(MinistryCode::new("厚").expect("code"));
    let already = |m: &ItemRef| d.index.ministries_of_measure(m).any(|(x, _)| *x == ko);
    let (measure, rect) = items_of(&r, &d, Layer::Measures)
        .into_iter()
        .filter(|(m, _)| matches!(m, ItemRef::Measure(_)) && !already(m))
        .find_map(|(m, label)| in_view(&h, &label).map(|rect| (m, rect)))
        .expect("a measure 厚 is not responsible for, in view");
    let lane = h.get_by_label("厚 厚生労働省").rect().center();
    shift_drag(&mut h, on_bar(rect), lane);
    assert_eq!(h.state().as_slice(), &[expected_link(&r, &measure, &ko)]);
}

#[test]
fn shift_dragging_a_target_state_onto_a_measure_links_what_it_contributes_to() {
    let r = bundled();
    let d = derive(&r);
    let mut h = harness(&r, &d, true);
    let (target, star) = items_of(&r, &d, Layer::Targets)
        .into_iter()
        .find_map(|(t, label)| in_view(&h, &label).map(|rect| (t, rect)))
        .expect("a target state in view");
    let contributes = |m: &ItemRef| d.index.edges(m).any(|e| *e.other == target);
    let (measure, rect) = items_of(&r, &d, Layer::Measures)
        .into_iter()
        .filter(|(m, _)| matches!(m, ItemRef::Measure(_)) && !contributes(m))
        .find_map(|(m, label)| in_view(&h, &label).map(|rect| (m, rect)))
        .expect("a measure in view that does not contribute to it yet");
    shift_drag(
        &mut h,
        star.left_center() + egui::vec2(6.0, 0.0),
        on_bar(rect),
    );
    assert_eq!(
        h.state().as_slice(),
        &[expected_link(&r, &target, &measure)]
    );
}

#[test]
fn two_target_states_cannot_be_linked_and_say_why() {
    let r = bundled();
    let d = derive(&r);
    let mut h = harness(&r, &d, true);
    let stars: Vec<egui::Rect> = items_of(&r, &d, Layer::Targets)
        .into_iter()
        .filter_map(|(_, label)| in_view(&h, &label))
        .take(2)
        .collect();
    let [first, second] = stars.as_slice() else {
        panic!("two target states in view");
    };
    shift_drag(
        &mut h,
        first.left_center() + egui::vec2(6.0, 0.0),
        second.left_center() + egui::vec2(6.0, 0.0),
    );
    let [Action::Refused(why)] = h.state().as_slice() else {
        panic!("one refusal, got {:?}", h.state());
    };
    assert_eq!(
        why.message(waymark::i18n::Lang::En),
        "a target state and a target state cannot be linked"
    );
    assert_eq!(
        why.message(waymark::i18n::Lang::Ja),
        "目指すべき姿と目指すべき姿はリンクできません"
    );
}

#[test]
fn without_shift_or_in_a_read_only_view_a_drag_links_nothing() {
    let r = bundled();
    let d = derive(&r);
    // The first gesture links (or refuses with a reason), which shows the drag hits the star
    // and the lane; the others are the same gesture without Shift, or in a read-only view.
    for (editable, modifiers, links) in [
        (true, egui::Modifiers::SHIFT, true),
        (true, egui::Modifiers::default(), false),
        (false, egui::Modifiers::SHIFT, false),
    ] {
        let mut h = harness(&r, &d, editable);
        let (_, star) = items_of(&r, &d, Layer::Targets)
            .into_iter()
            .find_map(|(t, label)| in_view(&h, &label).map(|rect| (t, rect)))
            .expect("a target state in view");
        let lane = h.get_by_label("厚 厚生労働省").rect().center();
        drag_with(
            &mut h,
            modifiers,
            star.left_center() + egui::vec2(6.0, 0.0),
            lane,
        );
        assert_eq!(
            h.state()
                .iter()
                .any(|a| matches!(a, Action::Edit(_) | Action::Refused(_))),
            links,
            "editable {editable}, {modifiers:?}: {:?}",
            h.state()
        );
    }
}
