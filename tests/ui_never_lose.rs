//! The paths where a planner's work used to be lost or come back wrongly, each as the planner
//! meets it: discarded edits stay discarded, recovery is offered however a roadmap is opened,
//! typed text is saved by Ctrl+S and asked about on close, a load finishing late never replaces
//! newer edits, and a reviewer's read-only start stays read-only.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Action;
use waymark::app::{Options, WaymarkApp};
use waymark::model::{GapId, ItemRef};
use waymark::recovery::{RoadmapKey, find_recovery};

mod common;
use common::{copy_of_bundled, harness, options, request_close, sent};

const RESTORE: &str = "保存されていない変更を復元しますか";
const ASK_CLOSE: &str = "終了する前に保存しますか。";

/// Appends `suffix` to gap `gap.t1.1`'s text, as the inspector would.
fn edit_a_gap(h: &mut Harness<'_, WaymarkApp>, suffix: &str) {
    let gap = GapId::new("gap.t1.1").expect("id");
    let roadmap = &h.state().document().expect("doc").roadmap;
    let edit = waymark::edit::edit_gap(roadmap, &gap, |g| g.text.push_str(suffix)).expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();
}

fn gap_text(h: &Harness<'_, WaymarkApp>) -> String {
    let gap = GapId::new("gap.t1.1").expect("id");
    h.state()
        .document()
        .expect("doc")
        .roadmap
        .gap(&gap)
        .expect("gap")
        .text
        .clone()
}

fn apply(h: &mut Harness<'_, WaymarkApp>, actions: Vec<Action>) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, actions);
}

/// Runs frames until no load is under way.
fn settle_loads(h: &mut Harness<'_, WaymarkApp>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while h.state().is_loading() {
        assert!(Instant::now() < deadline, "the load never finished");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run();
}

#[test]
fn discarding_on_close_removes_the_recovery_file_so_nothing_comes_back() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let recovery = tmp.path().join("recovery");
    let key = RoadmapKey::disk(&entry);
    let mut h = harness(options(Some(entry.clone()), &recovery));
    h.run();
    edit_a_gap(&mut h, "（捨てる）");
    assert!(
        find_recovery(&key, &recovery).is_some(),
        "the edit went to the recovery file"
    );
    request_close(&mut h);
    h.get_by_label(ASK_CLOSE);
    h.get_by_label("破棄する").click();
    h.step();
    assert!(sent(&h, &egui::ViewportCommand::Close));
    assert!(
        find_recovery(&key, &recovery).is_none(),
        "discarded edits leave no recovery file"
    );
    drop(h);

    let mut h = harness(options(Some(entry), &recovery));
    h.run();
    assert!(h.query_by_label(RESTORE).is_none(), "nothing is offered");
    assert!(!gap_text(&h).contains("（捨てる）"));
}

#[test]
fn undoing_back_to_the_saved_state_removes_the_recovery_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let recovery = tmp.path().join("recovery");
    let key = RoadmapKey::disk(&entry);
    let mut h = harness(options(Some(entry), &recovery));
    h.run();
    edit_a_gap(&mut h, "（取り消す）");
    assert!(find_recovery(&key, &recovery).is_some());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(!h.state().is_dirty());
    assert!(
        find_recovery(&key, &recovery).is_none(),
        "nothing unsaved is left to recover"
    );
}

#[test]
fn a_roadmap_opened_later_offers_its_recovery_before_any_edit_replaces_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let recovery = tmp.path().join("recovery");
    let key = RoadmapKey::disk(&entry);
    // An earlier run edited the roadmap and died.
    let mut first = harness(options(Some(entry.clone()), &recovery));
    first.run();
    edit_a_gap(&mut first, "（前回）");
    assert!(find_recovery(&key, &recovery).is_some());
    drop(first);

    // This run starts on the bundled roadmap and opens the file later (as Recent, Ctrl+O or a
    // drop does).
    let mut h = harness(options(None, &recovery));
    h.run();
    assert!(h.query_by_label(RESTORE).is_none());
    apply(&mut h, vec![Action::Open(entry)]);
    settle_loads(&mut h);
    h.get_by_label(RESTORE);
    assert!(
        find_recovery(&key, &recovery)
            .is_some_and(|r| r.files.iter().any(|f| f.text.contains("（前回）"))),
        "the earlier edits are still on disk while the user decides"
    );
    h.get_by_label("復元する").click();
    h.run();
    assert!(gap_text(&h).contains("（前回）"));
    assert!(h.state().is_dirty());
}

/// Selects 小論点 1-1 and opens its form.
fn edit_form(h: &mut Harness<'_, WaymarkApp>) {
    let gap = GapId::new("gap.t1.1").expect("id");
    apply(h, vec![Action::Select(Some(ItemRef::Gap(gap)))]);
    h.run();
    h.get_by_label("項目を編集").click();
    h.run();
}

/// Types `text` at the end of the gap's text field, leaving the field focused.
fn type_into_text(h: &mut Harness<'_, WaymarkApp>, text: &str) {
    h.get_by_label("本文").focus();
    h.run();
    h.key_press(egui::Key::End);
    h.get_by_label("本文").type_text(text);
    h.run();
    assert!(
        h.get_by_label("本文").is_focused(),
        "still typing: the field has not committed"
    );
}

#[test]
fn ctrl_s_while_typing_saves_the_typed_text() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(options(Some(entry.clone()), &tmp.path().join("recovery")));
    h.run();
    edit_form(&mut h);
    type_into_text(&mut h, "（入力中）");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!h.state().is_dirty(), "{:?}", h.state().notice());
    let on_disk = std::fs::read_to_string(entry.with_file_name("matrix.ron")).expect("read");
    assert!(on_disk.contains("（入力中）"), "the typed text was saved");
    assert!(gap_text(&h).contains("（入力中）"));
}

#[test]
fn closing_while_typing_asks_and_keeps_the_typed_text() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(options(Some(entry), &tmp.path().join("recovery")));
    h.run();
    edit_form(&mut h);
    type_into_text(&mut h, "（閉じる前）");
    request_close(&mut h);
    h.get_by_label(ASK_CLOSE);
    assert!(!sent(&h, &egui::ViewportCommand::Close));
    h.get_by_label("やめる").click();
    h.run();
    assert!(gap_text(&h).contains("（閉じる前）"));
    assert!(h.state().is_dirty());
}

#[test]
fn a_load_that_finishes_after_new_edits_never_replaces_them() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(options(Some(entry.clone()), &tmp.path().join("recovery")));
    h.run();
    // Nothing unsaved: the load starts at once; an edit follows before its result is taken.
    apply(&mut h, vec![Action::Open(entry)]);
    assert!(h.state().is_loading());
    edit_a_gap(&mut h, "（読み込み中の編集）");
    settle_loads(&mut h);
    assert!(
        gap_text(&h).contains("（読み込み中の編集）"),
        "the edit made while loading is kept"
    );
    assert!(h.state().is_dirty());
    h.get_by_label("別のロードマップを開く前に保存しますか。");
}

#[test]
fn of_two_loads_only_the_last_one_asked_for_is_taken() {
    let tmp = tempfile::tempdir().expect("tmp");
    let a = copy_of_bundled(&tmp.path().join("a"));
    let b = copy_of_bundled(&tmp.path().join("b"));
    let mut h = harness(options(None, &tmp.path().join("recovery")));
    h.run();
    apply(&mut h, vec![Action::Open(a), Action::Open(b.clone())]);
    settle_loads(&mut h);
    // Let the first load's result arrive too, whenever it does.
    std::thread::sleep(Duration::from_millis(300));
    h.run();
    assert_eq!(h.state().document().expect("doc").entry_path(), b.as_path());
}

#[test]
fn a_reviewer_started_read_only_cannot_switch_it_off() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(Options {
        read_only: true,
        ..options(Some(entry), &tmp.path().join("recovery"))
    });
    h.run();
    h.get_by_label("編集").click();
    h.run();
    let toggle = h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "読み取り専用");
    assert!(
        toggle.accesskit_node().is_disabled(),
        "the menu cannot switch it off"
    );
    toggle.click();
    h.run();
    assert!(h.state().is_read_only());
    apply(&mut h, vec![Action::ToggleReadOnly]);
    h.run();
    assert!(h.state().is_read_only());
    edit_a_gap(&mut h, "（変更）");
    assert!(!h.state().is_dirty());
    assert!(!gap_text(&h).contains("（変更）"));
}
