//! Comparing the roadmap here with another version of it, through labels: File ▸ Compare with ▸
//! Saved version after an edit, a git revision picked from the folder's history, and another
//! file picked in Waymark's own file dialog. Each lists what differs field by field, selects an
//! item from the list, and marks the moved measure's bar on the timeline.

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::{Action, Tab};
use waymark::app::{FileDialogs, WaymarkApp};
use waymark::model::{ItemRef, MeasureId};

mod common;
use common::{bar_in_view_where, copy_of_bundled, git_ok, harness, options};

const MEASURE: &str = "m.t1.1";

fn measure() -> MeasureId {
    MeasureId::new(MEASURE).expect("id")
}

fn label(h: &Harness<'_, WaymarkApp>, m: &MeasureId) -> String {
    let roadmap = &h.state().document().expect("doc").roadmap;
    let item = ItemRef::Measure(m.clone());
    waymark::analysis::labels::short(roadmap, &item, waymark::i18n::Lang::Ja, 60)
}

/// Steps frames (the comparison runs on workers) until `label` is shown.
fn wait_for(h: &mut Harness<'_, WaymarkApp>, label: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while h.query_by_label_contains(label).is_none() {
        assert!(Instant::now() < deadline, "{label:?} never showed");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run();
}

/// File ▸ Compare with ▸ `item`.
fn compare_menu(h: &mut Harness<'_, WaymarkApp>, item: &str) {
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("ほかの版と比較").click();
    h.run();
    h.get_by_label(item).click();
    // What it asks for is read on a worker: the frames go on in `wait_for`.
    h.run_steps(2);
}

/// Moves the measure one fiscal year later, through the app.
fn delay_measure(h: &mut Harness<'_, WaymarkApp>, measure: &MeasureId) {
    let roadmap = &h.state().document().expect("doc").roadmap;
    let edit = waymark::edit::edit_measure(roadmap, measure, |m| {
        let s = m.span.as_mut().expect("span");
        s.start_fy += 1;
        s.end_fy += 1;
    })
    .expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();
}

/// The accessible description of the measure's bar on the timeline (named as everywhere else;
/// only the bar has a description).
fn bar_description(h: &Harness<'_, WaymarkApp>, measure: &MeasureId) -> Option<String> {
    h.query_all_by_label(&label(h, measure))
        .find_map(|n| n.accesskit_node().description())
}

#[test]
fn the_saved_version_shows_an_edit_field_by_field_and_its_ghost_until_saved() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut opts = options(Some(entry), &tmp.path().join("recovery"));
    opts.prefs.tab = Tab::Timeline;
    let mut h = harness(opts);
    h.run();
    // Nothing differs yet; the panel takes its place below the chart.
    compare_menu(&mut h, "保存された版");
    wait_for(&mut h, "差分はありません");
    let (moved, _) = bar_in_view_where(&mut h, |bar, chart| {
        bar.top() > chart.top() + 60.0 && bar.bottom() < chart.bottom() - 10.0
    });
    delay_measure(&mut h, &moved);
    wait_for(&mut h, "変更 1、移動 0、追加 0、削除 0");
    h.get_by_label("保存された版 → この版");
    // The measure, and its span before → after.
    h.get_by_label_contains(&format!("変更: {moved}")).click();
    h.run();
    assert_eq!(
        h.state().selection(),
        Some(&ItemRef::Measure(moved.clone()))
    );
    let span_line = h.get_by_label_contains("span: ");
    let text = span_line.accesskit_node().value().unwrap_or_default();
    let (before, after) = text.split_once(" → ").expect("before → after");
    let span = h
        .state()
        .document()
        .expect("doc")
        .roadmap
        .measure(&moved)
        .and_then(|m| m.span.clone())
        .expect("span");
    assert!(before.contains(&(span.start_fy - 1).to_string()), "{text}");
    assert!(after.contains(&span.start_fy.to_string()), "{text}");

    // The timeline draws the saved version's bar as a ghost; the bar says how far it moved.
    let description = bar_description(&h, &moved).expect("the moved bar says so");
    assert!(description.starts_with("比較：+1 FY"), "{description}");

    // Saved: the saved version is read again and nothing differs.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.step();
    wait_for(&mut h, "差分はありません");
    assert!(bar_description(&h, &moved).is_none());

    // Stop comparing: the panel goes.
    h.get_by_label("比較を終える").click();
    h.run();
    assert!(h.query_by_label("版の比較").is_none());
    assert!(h.state().version_comparison().is_none());
}

#[test]
fn a_git_revision_from_the_folders_history_is_compared_with_the_work_tree() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("repo");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let entry = copy_of_bundled(&dir);
    git_ok(&dir, &["init", "-q", "-b", "main"]);
    git_ok(&dir, &["add", "."]);
    git_ok(&dir, &["commit", "-q", "-m", "First roadmap"]);
    // The second commit removes a gap's 対応案 link-free text change: 小論点1-1 reworded.
    let matrix = dir.join("roadmaps/matrix.ron");
    let text = std::fs::read_to_string(&matrix).expect("read");
    let changed = text.replacen(
        "血液がん以外の疾患領域",
        "血液がん以外の疾患領域（改訂）",
        1,
    );
    assert_ne!(text, changed);
    std::fs::write(&matrix, changed).expect("write");
    git_ok(&dir, &["commit", "-q", "-am", "Reword a gap"]);

    let mut h = harness(options(Some(entry), &tmp.path().join("recovery")));
    h.run();
    delay_measure(&mut h, &measure());
    compare_menu(&mut h, "git の版…");
    wait_for(&mut h, "Reword a gap");
    // Newest first; pick the first commit.
    h.get_by_label_contains("First roadmap").click();
    h.step();
    wait_for(&mut h, "変更 2、移動 0、追加 0、削除 0");
    h.get_by_label_contains("First roadmap → この版");
    h.get_by_label_contains("変更: gap.t2.1");
    h.get_by_label_contains(&format!("変更: {MEASURE}"));
    let reworded = h
        .query_all_by_label_contains("text: ")
        .filter_map(|n| n.accesskit_node().value())
        .find(|l| l.contains("（改訂）"));
    assert!(reworded.is_some(), "the reworded text is listed");
    // The list of revisions closed when one was picked.
    assert!(h.query_by_label("git の版と比較").is_none());
}

#[test]
fn another_file_is_picked_in_waymarks_own_dialog_and_compared() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(&tmp.path().join("here"));
    let other = copy_of_bundled(&tmp.path().join("other"));
    // The other copy lacks a measure.
    let matrix = tmp.path().join("other/roadmaps/matrix.ron");
    let mut doc = waymark::document::open(&waymark::document::Disk, &other).expect("opens");
    let deletion = waymark::edit::delete_item(
        &doc.roadmap,
        &waymark::edit::ItemKey::from(ItemRef::Measure(measure())),
    )
    .expect("deletes");
    waymark::edit::apply(&mut doc.roadmap, deletion.edit).expect("applies");
    waymark::document::save(&mut doc, waymark::document::SaveOptions::default()).expect("saves");
    assert!(
        !std::fs::read_to_string(&matrix)
            .expect("read")
            .contains(MEASURE)
    );

    let mut opts = options(Some(entry), &tmp.path().join("recovery"));
    opts.file_dialogs = FileDialogs::Builtin;
    let mut h = harness(opts);
    h.run();
    compare_menu(&mut h, "ほかのファイル…");
    wait_for(&mut h, "比較するロードマップを選ぶ");
    h.get_by_role_and_label(Role::TextInput, "場所").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "場所")
        .type_text(&other.display().to_string());
    h.run();
    h.get_by_label("比較").click();
    h.run();
    // Only here: the measure (and its links) were added, as the other file sees it.
    wait_for(&mut h, &format!("追加: {MEASURE}"));
    h.get_by_label_contains(&format!("{} → この版", other.display()));
}
