//! UI tests of the timeline view on the bundled roadmap, through what a person or a screen reader
//! sees: bars, markers and lane titles by their accessible names, and the actions clicks push.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Action;
use waymark::analysis::derived::{Derived, Inputs};
use waymark::analysis::filter::Filter;
use waymark::analysis::timeline::{Anchor, Grouping, Layer, MarkerKind};
use waymark::edit::{self, Edit, ItemValue};
use waymark::i18n::Lang;
use waymark::model::{ItemRef, MeasureId, MinistryCode, Provenance, Roadmap};
use waymark::ui::ViewCtx;
use waymark::ui::linkage::item_label;
use waymark::ui::timeline::timeline_ui;

fn bundled() -> Roadmap {
    waymark::bundled::open()
        .unwrap_or_else(|e| panic!("bundled roadmap loads: {:#?}", e.diagnostics))
        .roadmap
}

fn derive(roadmap: &Roadmap, filter: Filter, selection: Option<ItemRef>) -> Derived {
    Derived::compute(
        roadmap,
        Inputs {
            filter,
            grouping: Grouping::Ministry,
            lang: Lang::Ja,
            selection,
            focus_steps: None,
        },
    )
}

/// A harness showing the timeline; its state collects the actions pushed.
fn harness<'a>(roadmap: &'a Roadmap, derived: &'a Derived) -> Harness<'a, Vec<Action>> {
    harness_sized(roadmap, derived, egui::vec2(1280.0, 800.0))
}

/// A harness of the given size showing the timeline.
fn harness_sized<'a>(
    roadmap: &'a Roadmap,
    derived: &'a Derived,
    size: egui::Vec2,
) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(
            move |ui, actions: &mut Vec<Action>| {
                let ctx = ViewCtx::new(roadmap, derived);
                timeline_ui(ui, &ctx, actions);
            },
            Vec::new(),
        );
    h.run();
    h
}

/// The measures with a bar on the timeline, each once, in lane order.
fn measure_bars(derived: &Derived) -> Vec<ItemRef> {
    let mut out: Vec<ItemRef> = Vec::new();
    for lane in derived
        .timeline
        .lanes
        .iter()
        .filter(|l| l.layer == Layer::Measures)
    {
        for bar in &lane.bars {
            if !out.contains(&bar.item) {
                out.push(bar.item.clone());
            }
        }
    }
    out
}

/// Drags the chart up by `dy` points, scrolling the lanes further down into view.
fn scroll_lanes(h: &mut Harness<'_, Vec<Action>>, dy: f32) {
    scroll_chart(h, "タイムライン図", dy);
}

/// The first of `items` whose bar is in view with its accessible name, scrolling the lanes down
/// until one is (measure lanes come below the target states and the gaps).
fn first_in_view(
    h: &mut Harness<'_, Vec<Action>>,
    items: &[(ItemRef, String)],
) -> Option<(ItemRef, String)> {
    for _ in 0..12 {
        if let Some(found) = items
            .iter()
            .find(|(_, label)| h.query_all_by_label(label).next().is_some())
        {
            return Some(found.clone());
        }
        scroll_lanes(h, 300.0);
    }
    None
}

fn label_of(roadmap: &Roadmap, derived: &Derived, item: &ItemRef) -> String {
    item_label(&ViewCtx::new(roadmap, derived), item)
}

fn ministries(codes: &[&str]) -> Filter {
    Filter {
        ministries: codes
            .iter()
            .map(|c| MinistryCode::new(*c).expect("valid code"))
            .collect(),
        ..Filter::default()
    }
}

#[test]
fn the_view_is_named_and_has_lanes_for_the_ministries() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let h = harness(&r, &d);
    h.get_by_label("タイムライン（年度）");
    h.get_by_label("タイムライン図");
    for title in ["文 文部科学省", "厚 厚生労働省", "経 経済産業省"] {
        h.get_by_label(title);
    }
    // Layers other than measures have their lanes too.
    h.get_by_role_and_label(egui::Role::RowHeader, "目指すべき姿");
    h.get_by_role_and_label(egui::Role::RowHeader, "論点・ギャップ");
    h.get_by_role_and_label(egui::Role::RowHeader, "出来事");
    // A known gap's bar carries its tag and the start of its Japanese text.
    assert!(
        h.query_all_by_label_contains("小論点1-1 iPS細胞")
            .next()
            .is_some(),
        "the bar of 小論点1-1 is on the timeline"
    );
}

#[test]
fn clicking_a_measure_bar_selects_that_measure() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness(&r, &d);
    let measures = measure_bars(&d);
    assert!(measures.len() > 10, "the bundled roadmap has measure bars");
    // The first measure whose bar is in view (lanes further down are scrolled out of view).
    let labelled: Vec<(ItemRef, String)> = measures
        .iter()
        .map(|m| (m.clone(), label_of(&r, &d, m)))
        .collect();
    let (item, label) = first_in_view(&mut h, &labelled).expect("some measure bar is in view");
    h.get_all_by_label(&label)
        .next()
        .expect("the bar is there")
        .click();
    h.run();
    assert_eq!(h.state().as_slice(), &[Action::Select(Some(item))]);
}

#[test]
fn clicking_empty_space_clears_the_selection() {
    let r = bundled();
    let gap = r.items.gaps[0].id.clone();
    let d = derive(&r, Filter::default(), Some(ItemRef::Gap(gap)));
    let mut h = harness(&r, &d);
    // Just under the axis at the right: the padding above the first lane's row, where nothing is.
    let chart = h.get_by_label("タイムライン図").rect();
    let pos = egui::pos2(chart.right() - 20.0, chart.top() + 40.0 + 2.0);
    h.hover_at(pos);
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::default(),
    });
    h.run();
    assert_eq!(h.state().as_slice(), &[Action::Select(None)]);
}

#[test]
fn a_measure_hidden_by_the_filter_has_no_bar() {
    let r = bundled();
    let all = derive(&r, Filter::default(), None);
    let mut h_all = harness(&r, &all);
    // A measure shown unfiltered that 経 is not responsible for.
    let meti = ItemRef::Ministry(MinistryCode::new("経").expect("valid code"));
    let outside: Vec<(ItemRef, String)> = measure_bars(&all)
        .into_iter()
        .filter(|m| all.index.ministries_of_measure(m).all(|(x, _)| x != &meti))
        .map(|m| {
            let label = label_of(&r, &all, &m);
            (m, label)
        })
        .collect();
    let (hidden, label) =
        first_in_view(&mut h_all, &outside).expect("a measure outside 経 is shown unfiltered");
    drop(h_all);

    let filtered = derive(&r, ministries(&["経"]), None);
    assert!(!filtered.visible.contains(&hidden));
    let mut h = harness(&r, &filtered);
    for _ in 0..6 {
        assert!(
            h.query_all_by_label(&label).next().is_none(),
            "{label} is filtered out but still drawn"
        );
        scroll_lanes(&mut h, 300.0);
    }
    // What remains is drawn: the 経 lane.
    h.get_by_label("経 経済産業省");
}

#[test]
fn switching_grouping_pushes_set_grouping() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness(&r, &d);
    h.get_by_label("項目").click();
    h.run();
    assert_eq!(
        h.state().as_slice(),
        &[Action::SetGrouping(Grouping::Theme)]
    );
    h.state_mut().clear();
    // The current grouping does not push again.
    h.get_by_label("府省庁").click();
    h.run();
    assert!(h.state().is_empty());
}

#[test]
fn theme_grouping_titles_lanes_by_theme() {
    let r = bundled();
    let d = Derived::compute(
        &r,
        Inputs {
            filter: Filter::default(),
            grouping: Grouping::Theme,
            lang: Lang::Ja,
            selection: None,
            focus_steps: None,
        },
    );
    let h = harness(&r, &d);
    assert!(h.query_all_by_label_contains("項目1").next().is_some());
    assert!(h.query_by_label("文 文部科学省").is_none());
}

#[test]
fn a_selection_is_marked_and_english_labels_follow_the_language() {
    let r = bundled();
    let gap = ItemRef::Gap(r.items.gaps[0].id.clone());
    let d = Derived::compute(
        &r,
        Inputs {
            filter: Filter::default(),
            grouping: Grouping::Ministry,
            lang: Lang::En,
            selection: Some(gap.clone()),
            focus_steps: None,
        },
    );
    let h = harness(&r, &d);
    h.get_by_label("Timeline (fiscal years)");
    let label = label_of(&r, &d, &gap);
    let node = h.get_all_by_label(&label).next().expect("the gap's bar");
    assert_eq!(
        node.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
}

#[test]
fn the_whole_horizon_fits_and_target_labels_keep_clear_of_each_other() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let targets: Vec<ItemRef> = r
        .items
        .target_states
        .iter()
        .map(|t| ItemRef::Target(t.id.clone()))
        .collect();
    assert!(targets.len() >= 4);
    // As wide as the whole window, and as narrow as the middle of the app beside its panels.
    for width in [1280.0, 600.0] {
        let h = harness_sized(&r, &d, egui::vec2(width, 800.0));
        let chart = h.get_by_label("タイムライン図").rect();
        let rects: Vec<(String, egui::Rect)> = targets
            .iter()
            .map(|t| {
                let label = label_of(&r, &d, t);
                let rect = h
                    .query_all_by_label(&label)
                    .next()
                    .unwrap_or_else(|| panic!("{label} is in view at {width} points"))
                    .rect();
                (label, rect)
            })
            .collect();
        for (i, (a, ra)) in rects.iter().enumerate() {
            assert!(chart.contains_rect(*ra), "{a} is inside the chart");
            for (b, rb) in &rects[i + 1..] {
                assert!(
                    !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                    "at {width} points, {a} {ra:?} overlaps {b} {rb:?}"
                );
            }
        }
    }
}

#[test]
fn gaps_without_timing_are_markers_that_say_so() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let lane = d
        .timeline
        .lanes
        .iter()
        .find(|l| l.layer == Layer::Gaps)
        .expect("a gaps lane");
    // Every gap is on the timeline, as a bar or as a marker.
    for g in &r.items.gaps {
        let g = ItemRef::Gap(g.id.clone());
        let bars = lane.bars.iter().filter(|b| b.item == g).count();
        let markers = lane.markers.iter().filter(|m| m.item == g).count();
        assert_eq!(bars + markers, 1, "{g} is drawn once");
        if markers == 1 {
            assert!(d.index.measures_of_gap(&g).all(|m| {
                let ItemRef::Measure(id) = m else {
                    return true;
                };
                r.measure(id).is_some_and(|m| m.span.is_none())
            }));
        }
    }
    // The 2018 gaps are answered by proposal actions that give no timing: they stand at the date
    // of their source document, the 2018 paper, and take the first rows.
    let untimed: Vec<_> = lane
        .markers
        .iter()
        .filter(|m| m.kind == MarkerKind::Untimed(Anchor::SourceDate))
        .collect();
    assert!(untimed.len() >= 8, "{} untimed gaps", untimed.len());
    assert!(untimed.iter().all(|m| (2018.0..2019.0).contains(&m.at)));
    let first_bar_row = lane.bars.iter().map(|b| b.row).min().unwrap_or(0);
    assert!(lane.markers.iter().all(|m| m.row < first_bar_row));

    // On screen each has its own button, which says why it stands there.
    let mut h = harness(&r, &d);
    let label = label_of(&r, &d, &untimed[0].item);
    let node = h.get_by_label(&label);
    assert_eq!(
        node.accesskit_node().description().as_deref(),
        Some("対応する施策に期間の記載がない")
    );
    node.click();
    h.run();
    assert_eq!(
        h.state().as_slice(),
        &[Action::Select(Some(untimed[0].item.clone()))]
    );
}

// ---- Editing by dragging (editable views only) ----

/// A harness showing the timeline, editable or not.
fn harness_editable<'a>(
    roadmap: &'a Roadmap,
    derived: &'a Derived,
    editable: bool,
) -> Harness<'a, Vec<Action>> {
    harness_editable_sized(roadmap, derived, editable, egui::vec2(1280.0, 800.0))
}

/// A harness of the given size showing the timeline, editable or not.
fn harness_editable_sized<'a>(
    roadmap: &'a Roadmap,
    derived: &'a Derived,
    editable: bool,
    size: egui::Vec2,
) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(size)
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

/// Presses at `from`, drags through the middle to `to` and releases there.
fn drag(h: &mut Harness<'_, Vec<Action>>, from: egui::Pos2, to: egui::Pos2) {
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
}

/// A measure with a bar in exactly one ministry's lane: its ID, span and ministry.
struct OneLaneBar {
    id: MeasureId,
    start_fy: i32,
    end_fy: i32,
    ministry: MinistryCode,
    label: String,
}

fn one_lane_bars(r: &Roadmap, d: &Derived) -> Vec<OneLaneBar> {
    measure_bars(d)
        .into_iter()
        .filter_map(|item| {
            let ItemRef::Measure(id) = &item else {
                return None;
            };
            let span = r.measure(id)?.span.clone()?;
            let ministries: Vec<&ItemRef> = d
                .index
                .ministries_of_measure(&item)
                .map(|(m, _)| m)
                .collect();
            let [ItemRef::Ministry(code)] = ministries.as_slice() else {
                return None;
            };
            Some(OneLaneBar {
                id: id.clone(),
                start_fy: span.start_fy,
                end_fy: span.end_fy,
                ministry: code.clone(),
                label: label_of(r, d, &item),
            })
        })
        .collect()
}

/// The screen rect of a bar (with its label) when it is in view.
fn bar_rect(h: &Harness<'_, Vec<Action>>, bar: &OneLaneBar) -> Option<egui::Rect> {
    let chart = h.get_by_label("タイムライン図").rect();
    let rect = h.query_all_by_label(&bar.label).next()?.rect();
    (rect.top() > chart.top() + 45.0 && rect.bottom() < chart.bottom() - 5.0).then_some(rect)
}

/// Points per fiscal year, from the left edges of two bars in view that start in different years.
fn px_per_year(h: &Harness<'_, Vec<Action>>, bars: &[OneLaneBar]) -> Option<f32> {
    let seen: Vec<(i32, f32)> = bars
        .iter()
        .filter_map(|b| bar_rect(h, b).map(|r| (b.start_fy, r.left())))
        .collect();
    let (s0, x0) = *seen.first()?;
    let (s1, x1) = *seen.iter().find(|(s, _)| *s != s0)?;
    Some((x1 - x0) / (s1 - s0) as f32)
}

/// Scrolls until a bar of `bars` (passing `keep`) is in view and the scale can be measured.
fn bar_in_view<'b>(
    h: &mut Harness<'_, Vec<Action>>,
    bars: &'b [OneLaneBar],
    keep: impl Fn(&Harness<'_, Vec<Action>>, &OneLaneBar) -> bool,
) -> (&'b OneLaneBar, egui::Rect, f32) {
    for _ in 0..16 {
        if let Some(ppy) = px_per_year(h, bars)
            && let Some((b, r)) = bars
                .iter()
                .filter(|b| keep(h, b))
                .find_map(|b| bar_rect(h, b).map(|r| (b, r)))
        {
            return (b, r, ppy);
        }
        scroll_lanes(h, 150.0);
    }
    panic!("no suitable measure bar came into view");
}

/// The right end of a bar whose rect (with its label) is `rect`.
fn right_end(bar: &OneLaneBar, rect: egui::Rect, ppy: f32) -> egui::Pos2 {
    let years = (bar.end_fy - bar.start_fy + 1) as f32;
    egui::pos2(rect.left() + years * ppy - 3.0, rect.center().y)
}

#[test]
fn dragging_a_bars_right_end_reschedules_it_as_an_editors_judgement() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness_editable(&r, &d, true);
    let bars = one_lane_bars(&r, &d);
    let (bar, rect, ppy) = bar_in_view(&mut h, &bars, |_, _| true);
    let from = right_end(bar, rect, ppy);
    drag(&mut h, from, from + egui::vec2(2.0 * ppy, 0.0));
    let [Action::Edit(edit)] = h.state().as_slice() else {
        panic!("one edit pushed, got {:?}", h.state());
    };
    let Edit::Replace(ItemValue::Measure(m)) = edit.as_ref() else {
        panic!("a reschedule, got {edit:?}");
    };
    assert_eq!(m.id, bar.id);
    let span = m.span.as_ref().expect("a span");
    assert_eq!((span.start_fy, span.end_fy), (bar.start_fy, bar.end_fy + 2));
    assert_eq!(span.provenance, Provenance::Editorial);
    assert!(
        span.basis
            .as_deref()
            .is_some_and(|b| b.contains("タイムライン")),
        "the basis says where the change came from: {:?}",
        span.basis
    );
}

#[test]
fn dragging_a_bar_into_the_koseirodosho_lane_hands_it_over() {
    let r = bundled();
    // Two ministries only, on a tall window, so that both lanes fit in view.
    let d = derive(&r, ministries(&["文", "厚"]), None);
    let mut h = harness_editable_sized(&r, &d, true, egui::vec2(1280.0, 1400.0));
    let bars = one_lane_bars(&r, &d);
    let ko = MinistryCode::new("厚").expect("valid code");
    let chart = h.get_by_label("タイムライン図").rect();
    let lane_in_view = |harness: &Harness<'_, Vec<Action>>| {
        let title = harness.query_all_by_label("厚 厚生労働省").next()?.rect();
        let centre = title.center().y;
        (centre > chart.top() + 50.0 && centre < chart.bottom() - 10.0).then_some(centre)
    };
    let (bar, rect, ppy) = bar_in_view(&mut h, &bars, |harness, bar| {
        bar.ministry != ko && lane_in_view(harness).is_some()
    });
    let lane_y = lane_in_view(&h).expect("the 厚 lane is in view");
    let years = (bar.end_fy - bar.start_fy + 1) as f32;
    let from = egui::pos2(rect.left() + years * ppy * 0.5, rect.center().y);
    drag(&mut h, from, egui::pos2(from.x, lane_y));
    let expected = edit::reassign(&r, &bar.id, &bar.ministry, &ko).expect("can hand over");
    assert_eq!(
        h.state().as_slice(),
        &[Action::Edit(Box::new(expected))],
        "{} from {} to 厚",
        bar.id,
        bar.ministry
    );
}

#[test]
fn dragging_a_bar_in_a_read_only_view_changes_nothing() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness_editable(&r, &d, false);
    let bars = one_lane_bars(&r, &d);
    let (bar, rect, ppy) = bar_in_view(&mut h, &bars, |_, _| true);
    let from = right_end(bar, rect, ppy);
    drag(&mut h, from, from + egui::vec2(2.0 * ppy, 0.0));
    assert!(
        !h.state().iter().any(|a| matches!(a, Action::Edit(_))),
        "no edit pushed: {:?}",
        h.state()
    );
    // The same gesture where editing is allowed reschedules the bar: the drag did not miss.
    let mut h = harness_editable(&r, &d, true);
    let (bar, rect, ppy) = bar_in_view(&mut h, &bars, |_, b| b.id == bar.id);
    let from = right_end(bar, rect, ppy);
    drag(&mut h, from, from + egui::vec2(2.0 * ppy, 0.0));
    assert!(
        h.state().iter().any(|a| matches!(a, Action::Edit(_))),
        "{:?}",
        h.state()
    );
}

fn derive_in(roadmap: &Roadmap, lang: Lang) -> Derived {
    Derived::compute(
        roadmap,
        Inputs {
            filter: Filter::default(),
            grouping: Grouping::Ministry,
            lang,
            selection: None,
            focus_steps: None,
        },
    )
}

/// Drags the chart named `chart_name` up by `dy` points.
fn scroll_chart(h: &mut Harness<'_, Vec<Action>>, chart_name: &str, dy: f32) {
    let chart = h.get_by_label(chart_name).rect();
    let from = egui::pos2(chart.right() - 30.0, chart.bottom() - 10.0);
    let to = from - egui::vec2(0.0, dy);
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::default(),
    };
    h.hover_at(from);
    h.event(button(from, true));
    h.run();
    h.hover_at(from - egui::vec2(0.0, dy * 0.5));
    h.run();
    h.hover_at(to);
    h.run();
    h.event(button(to, false));
    h.run();
}

#[test]
fn event_and_bar_labels_never_overlap_at_any_size_in_either_language() {
    let r = bundled();
    for (lang, chart_name) in [(Lang::Ja, "タイムライン図"), (Lang::En, "Timeline chart")] {
        let d = derive_in(&r, lang);
        let ctx = ViewCtx::new(&r, &d);
        let mut names: Vec<String> = d
            .timeline
            .lanes
            .iter()
            .flat_map(|l| {
                l.markers
                    .iter()
                    .map(|m| &m.item)
                    .chain(l.bars.iter().map(|b| &b.item))
            })
            .map(|item| item_label(&ctx, item))
            .collect();
        names.sort();
        names.dedup();
        let events = d
            .timeline
            .lanes
            .iter()
            .flat_map(|l| &l.markers)
            .filter(|m| matches!(m.item, ItemRef::Event(_)))
            .count();
        assert!(
            events >= 2,
            "the bundled roadmap has events on the timeline"
        );
        for size in [egui::vec2(1024.0, 700.0), egui::vec2(1920.0, 1080.0)] {
            let mut h = harness_sized(&r, &d, size);
            let mut seen_events = 0;
            for _ in 0..14 {
                let chart = h.get_by_label(chart_name).rect();
                let mut rects: Vec<(String, egui::Rect)> = Vec::new();
                for name in &names {
                    for node in h.query_all_by_label(name) {
                        let rect = node.rect();
                        // Lane titles share some names; they stand left of the lanes.
                        if node.accesskit_node().role() == egui::accesskit::Role::Button
                            && rect.width() > 0.0
                            && rect.height() > 0.0
                            && chart.intersects(rect)
                            && !rects.iter().any(|(n, r)| n == name && *r == rect)
                        {
                            rects.push((name.clone(), rect));
                        }
                    }
                }
                seen_events += rects.len();
                for (i, (a, ra)) in rects.iter().enumerate() {
                    for (b, rb) in &rects[i + 1..] {
                        assert!(
                            !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                            "{lang:?} at {size:?}: {a} {ra:?} overlaps {b} {rb:?}"
                        );
                    }
                }
                scroll_chart(&mut h, chart_name, 300.0);
            }
            assert!(seen_events > 20, "items were in view");
        }
    }
}

/// The rows of text drawn with their top left inside `rect`, each as drawn.
fn text_rows_in(h: &Harness<'_, Vec<Action>>, rect: egui::Rect) -> Vec<String> {
    fn walk(shape: &egui::Shape, rect: egui::Rect, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, rect, out)),
            egui::Shape::Text(text) if rect.contains(text.pos) => {
                out.extend(text.galley.rows.iter().map(|r| r.row.text()));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, rect, &mut out);
    }
    out
}

/// Whether `c` is part of a Latin word.
fn latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

#[test]
fn english_lane_titles_break_between_words_only() {
    let r = bundled();
    for grouping in [Grouping::Ministry, Grouping::Theme, Grouping::Proposal] {
        let d = Derived::compute(
            &r,
            Inputs {
                filter: Filter::default(),
                grouping,
                lang: Lang::En,
                selection: None,
                focus_steps: None,
            },
        );
        let mut titles: Vec<&str> = d.timeline.lanes.iter().map(|l| l.title.as_str()).collect();
        titles.sort_unstable();
        titles.dedup();
        // Narrow as the middle of the app beside its panels at 1024 points, and wide.
        for size in [egui::vec2(560.0, 700.0), egui::vec2(1920.0, 1080.0)] {
            let mut h = harness_sized(&r, &d, size);
            let mut wrapped = 0;
            let mut checked = 0;
            for _ in 0..10 {
                // No hover text over the titles.
                h.hover_at(egui::pos2(1.0, 1.0));
                h.run();
                let chart = h.get_by_label("Timeline chart").rect();
                for title in &titles {
                    for node in h.query_all_by_label(title) {
                        if !chart.contains_rect(node.rect()) {
                            continue;
                        }
                        let rows = text_rows_in(&h, node.rect());
                        if rows.is_empty() {
                            continue;
                        }
                        checked += 1;
                        if rows.len() > 1 {
                            wrapped += 1;
                        }
                        // Each row is the next stretch of the title, ending between words.
                        let chars: Vec<char> = title.chars().collect();
                        let mut at = 0;
                        for row in &rows {
                            let shown = row.trim_end_matches('…').trim();
                            while at < chars.len() && chars[at].is_whitespace() {
                                at += 1;
                            }
                            let got: String =
                                chars[at..].iter().take(shown.chars().count()).collect();
                            assert_eq!(
                                got, shown,
                                "{grouping:?} {size:?}: {title:?} drawn as {rows:?}"
                            );
                            at += shown.chars().count();
                            let (before, after) = (chars.get(at.wrapping_sub(1)), chars.get(at));
                            assert!(
                                !(before.is_some_and(|&c| latin(c))
                                    && after.is_some_and(|&c| latin(c))),
                                "{grouping:?} {size:?}: {title:?} breaks mid-word: {rows:?}"
                            );
                        }
                    }
                }
                scroll_chart(&mut h, "Timeline chart", 300.0);
            }
            assert!(checked >= titles.len().min(4), "lane titles were drawn");
            if size.x < 1000.0 && grouping != Grouping::Ministry {
                assert!(wrapped > 0, "{grouping:?}: some title wraps at {size:?}");
            }
        }
    }
}

/// The red vertical strokes 2 points wide (today's line) and the text drawn, each as clipped.
fn today_strokes_and_texts(h: &Harness<'_, Vec<Action>>) -> (Vec<egui::Rect>, Vec<egui::Rect>) {
    fn walk(
        shape: &egui::Shape,
        clip: egui::Rect,
        red: egui::Color32,
        out: &mut (Vec<egui::Rect>, Vec<egui::Rect>),
    ) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, red, out)),
            egui::Shape::LineSegment { points, stroke }
                if (points[0].x - points[1].x).abs() < 0.01
                    && stroke.color == red
                    && (stroke.width - 2.0).abs() < 0.01 =>
            {
                out.0
                    .push(egui::Rect::from_two_pos(points[0], points[1]).intersect(clip));
            }
            egui::Shape::Text(text) => {
                out.1
                    .push(egui::Rect::from_min_size(text.pos, text.galley.size()).intersect(clip));
            }
            _ => {}
        }
    }
    let red = egui::Visuals::dark().error_fg_color;
    let mut out = (Vec::new(), Vec::new());
    for clipped in &h.output().shapes {
        walk(&clipped.shape, clipped.clip_rect, red, &mut out);
    }
    out
}

#[test]
fn todays_line_crosses_no_text() {
    let r = bundled();
    for (lang, chart_name) in [(Lang::Ja, "タイムライン図"), (Lang::En, "Timeline chart")] {
        let d = derive_in(&r, lang);
        for size in [egui::vec2(1024.0, 700.0), egui::vec2(1920.0, 1080.0)] {
            let mut h = harness_sized(&r, &d, size);
            let mut seen = 0;
            for _ in 0..8 {
                h.hover_at(egui::pos2(1.0, 1.0));
                h.run();
                let (strokes, texts) = today_strokes_and_texts(&h);
                seen += strokes.len();
                for s in &strokes {
                    // A line has no width once clipped to a point; widen it to its stroke.
                    let s = s.expand2(egui::vec2(1.0, 0.0));
                    for t in &texts {
                        assert!(
                            s.height() <= 0.0 || !s.shrink2(egui::vec2(0.0, 0.5)).intersects(*t),
                            "{lang:?} at {size:?}: today's line {s:?} crosses text at {t:?}"
                        );
                    }
                }
                scroll_chart(&mut h, chart_name, 300.0);
            }
            assert!(seen > 0, "today's line is drawn at {size:?}");
        }
    }
}
