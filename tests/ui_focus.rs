//! Focus mode, driven through what a person sees: on a selected gap the linkage view and the
//! timeline show only its neighbourhood, the reach can be widened, the mode follows the selection
//! and Esc leaves it.

mod common;

use std::collections::HashSet;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::{Action, Tab};
use waymark::analysis::index::Index;
use waymark::app::{Prefs, WaymarkApp};
use waymark::i18n::Lang;
use waymark::model::{ItemKind, ItemRef};
use waymark::ui::ViewCtx;
use waymark::ui::linkage::item_label;

/// The app on `tab` with both side panels folded away, so that the only items on screen are the
/// view's.
fn harness(tab: Tab, lang: Lang) -> Harness<'static, WaymarkApp> {
    let prefs = Prefs {
        tab,
        lang,
        hide_navigator: true,
        hide_inspector: true,
        ..Prefs::default()
    };
    common::harness_with(prefs, egui::vec2(1280.0, 800.0))
}

/// Every item of the roadmap with the accessible name the views give its box or bar.
fn item_labels(h: &Harness<'_, WaymarkApp>) -> Vec<(ItemRef, String)> {
    let app = h.state();
    let roadmap = &app.document().expect("open").roadmap;
    let ctx = ViewCtx::new(roadmap, app.derived().expect("derived"));
    roadmap
        .items
        .refs()
        .into_iter()
        .map(|r| {
            let label = item_label(&ctx, &r);
            (r, label)
        })
        .collect()
}

/// The items whose box or bar the screen exposes (by accessible name).
fn exposed(h: &Harness<'_, WaymarkApp>, labels: &[(ItemRef, String)]) -> HashSet<ItemRef> {
    let shown: HashSet<String> = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    labels
        .iter()
        .filter(|(_, l)| shown.contains(l))
        .map(|(r, _)| r.clone())
        .collect()
}

/// The labels of `items`.
fn labels_of(labels: &[(ItemRef, String)], items: &HashSet<ItemRef>) -> HashSet<String> {
    labels
        .iter()
        .filter(|(r, _)| items.contains(r))
        .map(|(_, l)| l.clone())
        .collect()
}

/// Asserts that every item exposed is within `near` (by label: two items may share one).
fn assert_only(h: &Harness<'_, WaymarkApp>, labels: &[(ItemRef, String)], near: &HashSet<ItemRef>) {
    let allowed = labels_of(labels, near);
    for item in exposed(h, labels) {
        let label = &labels.iter().find(|(r, _)| r == &item).expect("listed").1;
        assert!(
            allowed.contains(label),
            "{item:?} ({label}) is outside the focus but shown"
        );
    }
}

/// The items `steps` links from `item` or nearer, citations aside, worked out from the index.
fn near(index: &Index, item: &ItemRef, steps: usize) -> HashSet<ItemRef> {
    let mut out: HashSet<ItemRef> = [item.clone()].into();
    for _ in 0..steps {
        let next: Vec<ItemRef> = out
            .iter()
            .flat_map(|r| index.edges(r))
            .filter(|e| e.relation != waymark::analysis::index::Relation::Cites)
            .map(|e| e.other.clone())
            .collect();
        out.extend(next);
    }
    out
}

fn select(h: &mut Harness<'_, WaymarkApp>, item: &ItemRef) {
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Select(Some(item.clone()))]);
    h.run();
}

fn focus_shortcut(h: &mut Harness<'_, WaymarkApp>) {
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::F,
    );
    h.run();
}

/// A gap answered by measures that have ministries, and one of those ministries that is not
/// linked to the gap itself.
fn gap_with_ministry(h: &Harness<'_, WaymarkApp>) -> (ItemRef, ItemRef) {
    let app = h.state();
    let roadmap = &app.document().expect("open").roadmap;
    let index = &app.derived().expect("derived").index;
    roadmap
        .items
        .gaps
        .iter()
        .map(|g| ItemRef::Gap(g.id.clone()))
        .find_map(|g| {
            let m = index.measures_of_gap(&g).next()?.clone();
            let (ministry, _) = index.ministries_of_measure(&m).next()?;
            let direct = index.edges(&g).any(|e| e.other == ministry);
            (!direct).then(|| (g.clone(), ministry.clone()))
        })
        .expect("a gap answered by a measure with a ministry")
}

#[test]
fn focus_shows_only_the_neighbourhood_in_linkage_and_timeline_and_follows_the_selection() {
    let mut h = harness(Tab::Linkage, Lang::Ja);
    h.run();
    let labels = item_labels(&h);
    let (gap, ministry) = gap_with_ministry(&h);
    let index = h.state().derived().expect("derived").index.clone();
    select(&mut h, &gap);
    let before = exposed(&h, &labels);
    let one = near(&index, &gap, 1);
    assert!(
        before.iter().any(|i| !one.contains(i)),
        "unfocused, the linkage view shows more than the gap's neighbourhood"
    );
    assert!(
        h.query_all_by_label_contains("フォーカス：")
            .next()
            .is_none()
    );

    // Ctrl+Shift+F: only the gap and what it is linked to; its measures are all there.
    focus_shortcut(&mut h);
    h.get_by_label_contains("（1段階）");
    assert_only(&h, &labels, &one);
    let shown = exposed(&h, &labels);
    for m in index.measures_of_gap(&gap) {
        assert!(shown.contains(m), "the gap's measure {m:?} is shown");
    }
    assert!(!shown.contains(&ministry), "a ministry is two steps away");

    // Two steps: the ministries of its measures come in.
    h.get_by_label("2段階").click();
    h.run();
    h.get_by_label_contains("（2段階）");
    let two = near(&index, &gap, 2);
    assert_only(&h, &labels, &two);
    assert!(exposed(&h, &labels).contains(&ministry));

    // On the timeline too: the bars of the gap's measures, nothing outside two steps (lanes are
    // titled by the ministry a measure is grouped under, which may be a step further).
    h.get_by_label("タイムライン").click();
    h.run();
    let bar_labels: Vec<(ItemRef, String)> = labels
        .iter()
        .filter(|(r, _)| r.kind() != ItemKind::Ministry)
        .cloned()
        .collect();
    assert_only(&h, &bar_labels, &two);
    let bars = exposed(&h, &bar_labels);
    let timed = index
        .measures_of_gap(&gap)
        .find(|m| bars.contains(*m))
        .is_some();
    assert!(timed, "a measure of the gap has its bar on the timeline");

    // Focus follows the selection: back on linkage, on the ministry.
    h.get_by_label("つながり").click();
    h.run();
    select(&mut h, &ministry);
    h.get_by_label_contains("（2段階）");
    assert_only(&h, &labels, &near(&index, &ministry, 2));

    // Esc leaves focus mode and keeps the selection; the view shows everything again.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.query_all_by_label_contains("フォーカス：")
            .next()
            .is_none()
    );
    assert_eq!(h.state().selection(), Some(&ministry));
    let after = exposed(&h, &labels);
    assert!(
        after
            .iter()
            .any(|i| !near(&index, &ministry, 2).contains(i))
    );
}

#[test]
fn the_toolbar_toggles_focus_and_the_strip_leaves_it_in_english() {
    let mut h = harness(Tab::Linkage, Lang::En);
    h.run();
    let labels = item_labels(&h);
    let (gap, _) = gap_with_ministry(&h);
    let index = h.state().derived().expect("derived").index.clone();
    let focus = "Focus on the selection (Ctrl+Shift+F)";
    assert!(
        h.get_by_label(focus).accesskit_node().is_disabled(),
        "nothing to focus on without a selection"
    );
    select(&mut h, &gap);
    h.get_by_label(focus).click();
    h.run();
    h.get_by_label_contains("(1 step)");
    assert_only(&h, &labels, &near(&index, &gap, 1));
    h.get_by_label("3 steps").click();
    h.run();
    h.get_by_label_contains("(3 steps)");
    h.get_by_label("Leave focus (Esc)").click();
    h.run();
    assert!(h.query_all_by_label_contains("Focus: ").next().is_none());
    assert!(
        exposed(&h, &labels)
            .iter()
            .any(|i| !near(&index, &gap, 1).contains(i))
    );
}
