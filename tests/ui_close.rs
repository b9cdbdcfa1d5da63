//! Closing the window with unsaved changes asks first: cancel keeps working, save writes the
//! files and closes, discard closes. Without changes it closes at once.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::{Action, Tab};
use waymark::app::{Options, Prefs, WaymarkApp};
use waymark::model::GapId;

mod common;
use common::{copy_of_bundled, harness, request_close, sent};

fn app(dir: &Path) -> Harness<'static, WaymarkApp> {
    let mut h = harness(Options {
        path: Some(copy_of_bundled(dir)),
        prefs: Prefs {
            tab: Tab::Kpis,
            ..Prefs::default()
        },
        read_only: false,
        recovery_dir: Some(dir.join("recovery")),
        ..Options::default()
    });
    h.run();
    h
}

fn edit_a_gap(h: &mut Harness<'_, WaymarkApp>) {
    let gap = GapId::new("gap.t1.1").expect("id");
    let roadmap = &h.state().document().expect("doc").roadmap;
    let edit =
        waymark::edit::edit_gap(roadmap, &gap, |g| g.text.push_str("（追記）")).expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_them() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path());
    edit_a_gap(&mut h);
    request_close(&mut h);
    h.get_by_label("終了する前に保存しますか。");
    h.get_by_label("やめる").click();
    h.run();
    assert!(h.query_by_label("終了する前に保存しますか。").is_none());
    assert!(h.state().is_dirty(), "the edit is still here");
}

#[test]
fn saving_from_the_close_dialog_writes_the_files_then_closes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path());
    edit_a_gap(&mut h);
    request_close(&mut h);
    h.get_by_label("保存する").click();
    h.step();
    assert!(sent(&h, &egui::ViewportCommand::Close));
    assert!(!h.state().is_dirty(), "{:?}", h.state().notice());
    let matrix = std::fs::read_to_string(tmp.path().join("roadmaps/matrix.ron")).expect("read");
    assert!(matrix.contains("（追記）"));
}

#[test]
fn discarding_closes_the_window_and_without_changes_nothing_is_asked() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path());
    request_close(&mut h);
    assert!(h.query_by_label("終了する前に保存しますか。").is_none());
    assert!(!sent(&h, &egui::ViewportCommand::CancelClose));

    edit_a_gap(&mut h);
    request_close(&mut h);
    h.get_by_label("終了する前に保存しますか。");
    h.get_by_label("破棄する").click();
    h.step();
    assert!(sent(&h, &egui::ViewportCommand::Close));
}
