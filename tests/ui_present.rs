//! A presentation, through labels and keys: build three steps from three views, reorder them,
//! present full screen, step with the arrow keys and `PageDown`, leave with Esc; undo.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::Tab;
use waymark::app::WaymarkApp;
use waymark::model::{Presentation, PresentationId};

mod common;
use common::{copy_of_bundled, harness, options, sent};

fn picked(h: &Harness<'_, WaymarkApp>) -> Presentation {
    let id: PresentationId = h.state().picked_presentation().expect("picked").clone();
    let doc = h.state().document().expect("doc");
    doc.roadmap
        .items
        .presentations
        .iter()
        .find(|p| p.id == id)
        .expect("exists")
        .clone()
}

fn views(p: &Presentation) -> Vec<Tab> {
    p.steps.iter().map(|s| s.view).collect()
}

fn press(h: &mut Harness<'_, WaymarkApp>, key: egui::Key) {
    h.key_press(key);
    h.run();
}

/// Whether one of the next few frames asks the window for `command`.
fn sent_within(h: &mut Harness<'_, WaymarkApp>, command: &egui::ViewportCommand) -> bool {
    (0..4).any(|_| {
        h.step();
        sent(h, command)
    })
}

#[test]
fn build_a_three_step_presentation_present_it_and_step_through() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut opts = options(Some(entry), &tmp.path().join("recovery"));
    opts.prefs.tab = Tab::Timeline;
    let mut h = harness(opts);
    h.run();
    let before = h
        .state()
        .document()
        .expect("doc")
        .roadmap
        .items
        .presentations
        .len();

    // Three views, each added as a step: the first makes a new presentation.
    h.get_by_label("＋ 今の表示をステップに追加").click();
    h.run();
    for tab in [Tab::Matrix, Tab::Targets] {
        // The tab (the navigator may hold a heading of the same name, further left).
        h.get_all_by_label(tab.label(waymark::i18n::Lang::Ja))
            .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
            .expect("the tab")
            .click();
        h.run();
        h.get_by_label("＋ 今の表示をステップに追加").click();
        h.run();
    }
    let p = picked(&h);
    assert_eq!(
        h.state()
            .document()
            .expect("doc")
            .roadmap
            .items
            .presentations
            .len(),
        before + 1
    );
    assert_eq!(views(&p), [Tab::Timeline, Tab::Matrix, Tab::Targets]);

    // Reorder in the steps window: the first step down one, then undo it.
    h.get_by_label("ステップ（3）").click();
    h.run();
    h.get_all_by_label("↓")
        .next()
        .expect("a move-down button")
        .click();
    h.run();
    assert_eq!(
        views(&picked(&h)),
        [Tab::Matrix, Tab::Timeline, Tab::Targets]
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        views(&picked(&h)),
        [Tab::Timeline, Tab::Matrix, Tab::Targets]
    );

    // Present with F5: full screen, first step, its view, no menus.
    h.key_press(egui::Key::F5);
    assert!(sent_within(
        &mut h,
        &egui::ViewportCommand::Fullscreen(true)
    ));
    h.run();
    assert!(h.state().is_presenting());
    assert_eq!(h.state().presenting_step(), Some(0));
    assert_eq!(h.state().prefs().tab, Tab::Timeline);
    assert!(h.query_by_label("1 / 3").is_some());
    assert!(
        h.query_by_label("＋ 新しいシナリオ").is_none(),
        "chrome is hidden"
    );

    // → and PageDown step on, ← back; past the end nothing happens.
    press(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().presenting_step(), Some(1));
    assert_eq!(h.state().prefs().tab, Tab::Matrix);
    assert!(h.query_by_label("2 / 3").is_some());
    press(&mut h, egui::Key::PageDown);
    assert_eq!(h.state().presenting_step(), Some(2));
    assert_eq!(h.state().prefs().tab, Tab::Targets);
    press(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().presenting_step(), Some(2));
    press(&mut h, egui::Key::ArrowLeft);
    assert_eq!(h.state().presenting_step(), Some(1));

    // Esc leaves: out of full screen, back to the view shown before, chrome back.
    h.key_press(egui::Key::Escape);
    assert!(sent_within(
        &mut h,
        &egui::ViewportCommand::Fullscreen(false)
    ));
    h.run();
    assert!(!h.state().is_presenting());
    assert_eq!(h.state().prefs().tab, Tab::Targets);
    assert!(h.query_by_label("＋ 新しいシナリオ").is_some());

    // Undo the three steps: the presentation is gone.
    for _ in 0..3 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    assert_eq!(
        h.state()
            .document()
            .expect("doc")
            .roadmap
            .items
            .presentations
            .len(),
        before
    );
}

#[test]
fn the_bundled_presentation_shows_the_delay_compared_with_the_plan() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut opts = options(None, &tmp.path().join("recovery"));
    opts.present = Some(waymark::app::Present::First);
    let mut h = harness(opts);
    h.run();
    assert!(h.state().is_presenting());
    assert_eq!(h.state().prefs().tab, Tab::Targets);
    press(&mut h, egui::Key::End);
    assert_eq!(h.state().presenting_step(), Some(2));
    assert_eq!(h.state().prefs().tab, Tab::Timeline);
    let c = h
        .state()
        .comparison()
        .expect("the last step compares with the plan");
    assert_eq!(c.moves.len(), 2);
    assert!(h.query_all_by_label_contains("（+2 FY）").next().is_some());
}
