//! UI tests of the linkage view (gaps | measures | ministries) on the bundled roadmap, through what
//! a person or a screen reader sees: boxes by their accessible names and descriptions, and the
//! actions clicks push.

use std::collections::HashSet;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Action;
use waymark::analysis::derived::{Derived, Inputs};
use waymark::analysis::filter::Filter;
use waymark::analysis::timeline::Grouping;
use waymark::edit::{self, Edit};
use waymark::i18n::Lang;
use waymark::model::{ItemRef, LinkKind, MinistryCode, Provenance, Roadmap};
use waymark::ui::ViewCtx;
use waymark::ui::linkage::{highlighted, item_label, linkage_ui};

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

/// A harness showing the linkage view; its state collects the actions pushed.
fn harness<'a>(roadmap: &'a Roadmap, derived: &'a Derived) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(
            move |ui, actions: &mut Vec<Action>| {
                let ctx = ViewCtx::new(roadmap, derived);
                linkage_ui(ui, &ctx, actions);
            },
            Vec::new(),
        );
    h.run();
    h
}

/// Every box label the view shows while a person scrolls it from top to bottom with the mouse
/// wheel (the view puts only the boxes in sight in the accessibility tree).
fn labels_while_scrolling<S>(h: &mut Harness<'_, S>) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut unchanged = 0;
    // Between the gap and measure columns, where no box shows a tooltip.
    h.hover_at(egui::pos2(480.0, 400.0));
    while unchanged < 3 {
        let before = seen.len();
        seen.extend(
            h.query_all_by_role(egui::accesskit::Role::Button)
                .filter_map(|n| n.accesskit_node().label()),
        );
        unchanged = if seen.len() == before {
            unchanged + 1
        } else {
            0
        };
        wheel(h, 400.0);
    }
    seen
}

/// Turns the mouse wheel down by `dy` points where the pointer is, and lets the view settle.
fn wheel<S>(h: &mut Harness<'_, S>, dy: f32) {
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
}

fn label_of(roadmap: &Roadmap, derived: &Derived, item: &ItemRef) -> String {
    item_label(&ViewCtx::new(roadmap, derived), item)
}

fn ministry(code: &str) -> ItemRef {
    ItemRef::Ministry(MinistryCode::new(code).expect("valid code"))
}

/// The first 小論点 of the matrix whose measures have responsible ministries.
fn gap_with_ministries(roadmap: &Roadmap, derived: &Derived) -> ItemRef {
    roadmap
        .items
        .gaps
        .iter()
        .map(|g| ItemRef::Gap(g.id.clone()))
        .find(|g| {
            derived
                .index
                .measures_of_gap(g)
                .any(|m| derived.index.ministries_of_measure(m).next().is_some())
        })
        .expect("some gap has a measure with a ministry")
}

#[test]
fn the_view_is_named_and_shows_the_three_columns() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness(&r, &d);
    h.get_by_label("つながり：論点 → 対応案 → 府省庁");
    h.get_by_label_contains("小論点1-1 iPS細胞がより適した疾患");
    for code in ["文", "厚", "経"] {
        h.get_by_label(&label_of(&r, &d, &ministry(code)));
    }
    // Every measure of the roadmap has its box, in view once scrolled to.
    let seen = labels_while_scrolling(&mut h);
    for m in &r.items.measures {
        let m = ItemRef::Measure(m.id.clone());
        assert!(seen.contains(&label_of(&r, &d, &m)), "no box for {m}");
    }
}

#[test]
fn clicking_a_gap_box_selects_the_gap() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness(&r, &d);
    let gap = ItemRef::Gap(r.items.gaps[0].id.clone());
    h.get_by_label(&label_of(&r, &d, &gap)).click();
    h.run();
    assert_eq!(h.state().as_slice(), &[Action::Select(Some(gap))]);
}

#[test]
fn selecting_a_gap_lights_up_the_ministries_of_its_measures() {
    let r = bundled();
    let plain = derive(&r, Filter::default(), None);
    let gap = gap_with_ministries(&r, &plain);
    let d = derive(&r, Filter::default(), Some(gap.clone()));
    let ctx = ViewCtx::new(&r, &d);
    let lit = highlighted(&ctx).expect("something is selected");
    let responsible: HashSet<ItemRef> = d
        .index
        .measures_of_gap(&gap)
        .flat_map(|m| d.index.ministries_of_measure(m).map(|(x, _)| x.clone()))
        .collect();
    assert!(!responsible.is_empty());

    let h = harness(&r, &d);
    let gap_label = label_of(&r, &d, &gap);
    let selected = h.get_by_label(&gap_label);
    assert_eq!(
        selected.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    for m in &r.items.ministries {
        let item = ItemRef::Ministry(m.code.clone());
        let label = label_of(&r, &d, &item);
        let node = h.get_by_label(&label);
        let description = node.accesskit_node().description();
        if responsible.contains(&item) {
            assert!(lit.contains(&item));
            assert_eq!(description.as_deref(), Some("選択項目とつながる"), "{item}");
        } else {
            assert!(!lit.contains(&item));
            assert_eq!(
                description.as_deref(),
                Some("選択項目とつながらない"),
                "{item}"
            );
        }
    }
    // Some other gap is dimmed.
    let other = r
        .items
        .gaps
        .iter()
        .map(|g| ItemRef::Gap(g.id.clone()))
        .find(|g| !lit.contains(g))
        .expect("another gap");
    assert_eq!(
        h.get_by_label(&label_of(&r, &d, &other))
            .accesskit_node()
            .description()
            .as_deref(),
        Some("選択項目とつながらない")
    );
}

#[test]
fn filtered_out_items_have_no_box() {
    let r = bundled();
    let filter = Filter {
        ministries: [MinistryCode::new("経").expect("valid code")]
            .into_iter()
            .collect(),
        ..Filter::default()
    };
    let d = derive(&r, filter, None);
    let mut h = harness(&r, &d);
    let meti = ministry("経");
    h.get_by_label(&label_of(&r, &d, &meti));
    let seen = labels_while_scrolling(&mut h);
    let mut hidden = 0;
    for m in &r.items.measures {
        let m = ItemRef::Measure(m.id.clone());
        let shown = seen.contains(&label_of(&r, &d, &m));
        let meti_s = d.index.ministries_of_measure(&m).any(|(x, _)| x == &meti);
        assert_eq!(shown, meti_s, "{m}: shown {shown}, 経's {meti_s}");
        hidden += usize::from(!shown);
    }
    assert!(hidden > 0);
    h.get_by_label(&label_of(&r, &d, &meti));
    // Another ministry shows only as the context of 経's measures it shares, dimmed.
    let mext = ministry("文");
    let shares = r.items.measures.iter().any(|m| {
        let m = ItemRef::Measure(m.id.clone());
        let of = |x: &ItemRef| d.index.ministries_of_measure(&m).any(|(y, _)| y == x);
        of(&meti) && of(&mext)
    });
    assert_eq!(seen.contains(&label_of(&r, &d, &mext)), shares);
    assert!(d.visible.is_context(&mext) == shares && !d.visible.contains(&mext));
}

/// A search for "AMED" finds measures, not ministries: the ministries responsible for them show
/// as their context, dimmed and described so.
#[test]
fn a_search_keeps_the_ministries_of_what_it_finds() {
    let r = bundled();
    let filter = Filter {
        text: "AMED".to_owned(),
        ..Filter::default()
    };
    let d = derive(&r, filter, None);
    let found: Vec<ItemRef> = r
        .items
        .measures
        .iter()
        .map(|m| ItemRef::Measure(m.id.clone()))
        .filter(|m| d.visible.contains(m))
        .collect();
    assert!(!found.is_empty(), "some measure mentions AMED");
    let ministries: Vec<ItemRef> = found
        .iter()
        .flat_map(|m| d.index.ministries_of_measure(m).map(|(x, _)| x.clone()))
        .collect();
    assert!(!ministries.is_empty());
    assert!(
        d.linkage.ministries.iter().any(|m| ministries.contains(m)),
        "the linkage column of ministries is not empty"
    );
    let mut h = harness(&r, &d);
    let seen = labels_while_scrolling(&mut h);
    let shown = ministries
        .iter()
        .find(|m| seen.contains(&label_of(&r, &d, m)))
        .expect("a ministry of the measures found is drawn");
    assert!(!d.visible.contains(shown), "no ministry mentions AMED");
    // Scrolled back to the top, then down until its box is in sight.
    let mut h = harness(&r, &d);
    h.hover_at(egui::pos2(480.0, 400.0));
    let label = label_of(&r, &d, shown);
    for _ in 0..40 {
        if h.query_by_label(&label).is_some() {
            break;
        }
        wheel(&mut h, 200.0);
    }
    assert_eq!(
        h.get_by_label(&label)
            .accesskit_node()
            .description()
            .as_deref(),
        Some("フィルタに一致する項目とつながる")
    );
}

// ---- Linking by dragging, unlinking from a box's menu (editable views only) ----

/// A harness showing the linkage view, editable or not.
fn harness_editable<'a>(
    roadmap: &'a Roadmap,
    derived: &'a Derived,
    editable: bool,
) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(
            move |ui, actions: &mut Vec<Action>| {
                let mut ctx = ViewCtx::new(roadmap, derived);
                ctx.editable = editable;
                linkage_ui(ui, &ctx, actions);
            },
            Vec::new(),
        );
    h.run();
    h
}

/// Presses at `from`, drags through the middle to `to` and releases there.
fn drag(h: &mut Harness<'_, Vec<Action>>, from: egui::Pos2, to: egui::Pos2) {
    drag_then_drop(h, from, to, |_| {});
}

/// [`drag`], checking before the drop that the press landed on a box and a link is being drawn,
/// so that "nothing pushed" afterwards means refused, not missed.
fn drag_from_a_box(h: &mut Harness<'_, Vec<Action>>, from: egui::Pos2, to: egui::Pos2) {
    drag_then_drop(h, from, to, |h| {
        assert!(
            h.ctx.dragged_id().is_some(),
            "the drag started on a box and is under way"
        );
    });
}

fn drag_then_drop(
    h: &mut Harness<'_, Vec<Action>>,
    from: egui::Pos2,
    to: egui::Pos2,
    before_drop: impl FnOnce(&Harness<'_, Vec<Action>>),
) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + (to - from) * 0.5);
    h.run();
    h.hover_at(to);
    h.run();
    before_drop(h);
    h.drop_at(to);
    h.run();
}

/// The centre of an item's box when it is wholly on screen.
fn box_in_view(
    h: &Harness<'_, Vec<Action>>,
    roadmap: &Roadmap,
    derived: &Derived,
    item: &ItemRef,
) -> Option<egui::Pos2> {
    let rect = h
        .query_all_by_label(&label_of(roadmap, derived, item))
        .next()?
        .rect();
    (rect.top() > 60.0 && rect.bottom() < 790.0).then(|| rect.center())
}

/// A gap and a measure, both in view, that are not linked yet.
fn unlinked_pair(h: &Harness<'_, Vec<Action>>, r: &Roadmap, d: &Derived) -> (ItemRef, ItemRef) {
    let gaps: Vec<ItemRef> = r
        .items
        .gaps
        .iter()
        .map(|g| ItemRef::Gap(g.id.clone()))
        .collect();
    let measures: Vec<ItemRef> = r
        .items
        .measures
        .iter()
        .map(|m| ItemRef::Measure(m.id.clone()))
        .filter(|m| box_in_view(h, r, d, m).is_some())
        .collect();
    for g in gaps.iter().filter(|g| box_in_view(h, r, d, g).is_some()) {
        if let Some(m) = measures
            .iter()
            .find(|m| !d.index.measures_of_gap(g).any(|x| &x == m))
        {
            return (g.clone(), m.clone());
        }
    }
    panic!("no unlinked gap and measure in view");
}

#[test]
fn dragging_from_a_gap_to_a_measure_links_them() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness_editable(&r, &d, true);
    let (gap, measure) = unlinked_pair(&h, &r, &d);
    let from = box_in_view(&h, &r, &d, &gap).expect("in view");
    let to = box_in_view(&h, &r, &d, &measure).expect("in view");
    drag(&mut h, from, to);
    let kind = edit::link_between(&r, &gap, &measure).expect("a gap and a measure link");
    assert!(matches!(kind, LinkKind::AddressedBy { .. }), "{kind:?}");
    let expected = edit::link(&r, kind, Provenance::Editorial).expect("a new link");
    assert_eq!(h.state().as_slice(), &[Action::Edit(Box::new(expected))]);
}

#[test]
fn dragging_between_items_that_cannot_be_linked_pushes_nothing() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    // A gap onto a ministry: no such link.
    let mut h = harness_editable(&r, &d, true);
    let gap = r
        .items
        .gaps
        .iter()
        .map(|g| ItemRef::Gap(g.id.clone()))
        .find(|g| box_in_view(&h, &r, &d, g).is_some())
        .expect("a gap in view");
    let ministry = r
        .items
        .ministries
        .iter()
        .map(|m| ItemRef::Ministry(m.code.clone()))
        .find(|m| box_in_view(&h, &r, &d, m).is_some())
        .expect("a ministry in view");
    let from = box_in_view(&h, &r, &d, &gap).expect("in view");
    let to = box_in_view(&h, &r, &d, &ministry).expect("in view");
    drag_from_a_box(&mut h, from, to);
    assert!(h.state().is_empty(), "nothing pushed: {:?}", h.state());

    // A measure onto a ministry already responsible for it: the link is there already.
    let mut h = harness_editable(&r, &d, true);
    let (measure, ministry) = r
        .items
        .measures
        .iter()
        .map(|m| ItemRef::Measure(m.id.clone()))
        .filter(|m| box_in_view(&h, &r, &d, m).is_some())
        .find_map(|m| {
            let code = d
                .index
                .ministries_of_measure(&m)
                .map(|(x, _)| x.clone())
                .find(|x| box_in_view(&h, &r, &d, x).is_some())?;
            Some((m, code))
        })
        .expect("a measure and its ministry in view");
    let from = box_in_view(&h, &r, &d, &measure).expect("in view");
    let to = box_in_view(&h, &r, &d, &ministry).expect("in view");
    drag_from_a_box(&mut h, from, to);
    assert!(h.state().is_empty(), "nothing pushed: {:?}", h.state());
}

#[test]
fn dragging_in_a_read_only_view_links_nothing() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness_editable(&r, &d, false);
    let (gap, measure) = unlinked_pair(&h, &r, &d);
    let from = box_in_view(&h, &r, &d, &gap).expect("in view");
    let to = box_in_view(&h, &r, &d, &measure).expect("in view");
    drag(&mut h, from, to);
    assert!(
        !h.state().iter().any(|a| matches!(a, Action::Edit(_))),
        "no edit pushed: {:?}",
        h.state()
    );
    // The same gesture where editing is allowed links them: the drag did not miss.
    let mut h = harness_editable(&r, &d, true);
    drag(&mut h, from, to);
    assert!(
        h.state().iter().any(|a| matches!(a, Action::Edit(_))),
        "{:?}",
        h.state()
    );
}

#[test]
fn a_boxs_menu_unlinks_one_of_its_links() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness_editable(&r, &d, true);
    let gap = gap_with_ministries(&r, &d);
    let label = label_of(&r, &d, &gap);
    h.get_all_by_label(&label)
        .next()
        .expect("the gap's box")
        .click_secondary();
    h.run();
    h.query_all_by_label_contains("つながりを外す")
        .next()
        .expect("the menu lists the gap's links")
        .click();
    h.run();
    let [Action::Edit(edit)] = h.state().as_slice() else {
        panic!("one edit pushed, got {:?}", h.state());
    };
    let Edit::RemoveLink { link, .. } = edit.as_ref() else {
        panic!("an unlink, got {edit:?}");
    };
    let LinkKind::AddressedBy { gap: g, .. } = &link.link else {
        panic!("a link of the gap, got {link:?}");
    };
    assert_eq!(&ItemRef::Gap(g.clone()), &gap);
}

#[test]
fn only_the_boxes_in_view_are_in_the_accessibility_tree() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let h = harness(&r, &d);
    let measures: Vec<egui::Rect> = r
        .items
        .measures
        .iter()
        .filter_map(|m| {
            let m = ItemRef::Measure(m.id.clone());
            Some(h.query_all_by_label(&label_of(&r, &d, &m)).next()?.rect())
        })
        .collect();
    assert!(!measures.is_empty());
    assert!(measures.len() < r.items.measures.len());
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    assert!(measures.iter().all(|rect| rect.intersects(screen)));
}

#[test]
fn a_box_dragged_out_of_view_links_where_it_is_dropped() {
    let r = bundled();
    let d = derive(&r, Filter::default(), None);
    let mut h = harness_editable(&r, &d, true);
    let gap = r
        .items
        .gaps
        .iter()
        .map(|g| ItemRef::Gap(g.id.clone()))
        .find(|g| box_in_view(&h, &r, &d, g).is_some())
        .expect("a gap in view");
    let from = box_in_view(&h, &r, &d, &gap).expect("in view");
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    // Holding the button, scroll far down with the wheel, between the columns.
    let between = egui::pos2(480.0, 400.0);
    h.hover_at(between);
    h.run();
    for _ in 0..6 {
        wheel(&mut h, 400.0);
    }
    assert!(
        box_in_view(&h, &r, &d, &gap).is_none(),
        "the gap scrolled away"
    );
    let measure = r
        .items
        .measures
        .iter()
        .map(|m| ItemRef::Measure(m.id.clone()))
        .filter(|m| box_in_view(&h, &r, &d, m).is_some())
        .find(|m| !d.index.measures_of_gap(&gap).any(|x| x == m))
        .expect("a measure in view not linked to the gap");
    let to = box_in_view(&h, &r, &d, &measure).expect("in view");
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
    let kind = edit::link_between(&r, &gap, &measure).expect("a gap and a measure link");
    let expected = edit::link(&r, kind, Provenance::Editorial).expect("a new link");
    assert_eq!(h.state().as_slice(), &[Action::Edit(Box::new(expected))]);
}
