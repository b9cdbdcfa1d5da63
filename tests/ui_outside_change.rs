//! A file changed outside Waymark while there are edits here: saving stops and asks, the user
//! sees item by item what differs, and chooses; nothing on disk is overwritten silently.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Action;
use waymark::app::WaymarkApp;
use waymark::model::GapId;

mod common;
use common::{copy_of_bundled, harness, options};

fn app(entry: PathBuf, recovery: &Path) -> Harness<'static, WaymarkApp> {
    harness(options(Some(entry), recovery))
}

/// Runs frames until `label` shows: the comparison runs off the UI thread, which shows that it
/// is under way meanwhile.
fn wait_for(h: &mut Harness<'_, WaymarkApp>, label: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    // The frame of the click asks for the comparison; the next ones show it under way.
    h.step();
    loop {
        // The spinner repaints while the comparison runs: step frame by frame.
        h.step();
        if h.query_by_label(label).is_some() {
            h.run();
            return;
        }
        assert!(
            h.query_by_label("比較しています…").is_some(),
            "neither {label:?} nor the comparison under way is shown"
        );
        assert!(
            std::time::Instant::now() < deadline,
            "{label:?} never showed"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Changes gap `id`'s text here, through an action as the inspector would.
fn edit_here(h: &mut Harness<'_, WaymarkApp>, id: &str, suffix: &str) {
    let gap = GapId::new(id).expect("id");
    let roadmap = &h.state().document().expect("doc").roadmap;
    let edit = waymark::edit::edit_gap(roadmap, &gap, |g| g.text.push_str(suffix)).expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();
}

/// The app on a copy of the bundled roadmap in `dir`, with 小論点1-1 edited here; returns the
/// path of the file that holds it.
fn edited_copy(dir: &Path) -> (Harness<'static, WaymarkApp>, PathBuf) {
    let mut h = app(copy_of_bundled(dir), &dir.join("recovery"));
    h.run();
    edit_here(&mut h, "gap.t1.1", "（こちらで追記）");
    (h, dir.join("roadmaps/matrix.ron"))
}

#[test]
fn saving_over_an_outside_change_shows_what_differs_and_overwrites_only_when_asked() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (mut h, matrix) = edited_copy(tmp.path());

    // An edit here to 小論点1-1 (above), and one outside Waymark to 小論点2-1 in the same file.
    let original = std::fs::read_to_string(&matrix).expect("read");
    let outside = original.replacen(
        "血液がん以外の疾患領域",
        "血液がん以外の疾患領域（外部で追記）",
        1,
    );
    assert_ne!(outside, original);
    std::fs::write(&matrix, &outside).expect("write");

    // Saving does not overwrite: it asks.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("外部で変更されました");
    assert_eq!(std::fs::read_to_string(&matrix).expect("read"), outside);

    // What differs, item by item and field by field: both gaps' texts, and nothing else.
    h.get_by_label("違いを見る").click();
    wait_for(&mut h, "変更 2、移動 0、追加 0、削除 0");
    h.get_by_label("ディスクの版から、こちらの版への違い：");
    h.get_by_label_contains("変更: gap.t1.1");
    h.get_by_label_contains("変更: gap.t2.1");
    let fields: Vec<String> = h
        .query_all_by_label_contains("text: ")
        .map(|n| n.accesskit_node().value().unwrap_or_default())
        .collect();
    assert_eq!(fields.len(), 2, "{fields:?}");
    // On disk → here: the outside addition goes, this one comes.
    assert!(
        fields.iter().any(|f| f
            .split(" → ")
            .next()
            .is_some_and(|before| before.contains("（外部で追記）"))),
        "{fields:?}"
    );
    assert!(
        h.query_by_label("違いを見る").is_none(),
        "the list is shown once"
    );

    // Keeping mine overwrites the file with this version, the outside change's text gone.
    h.get_by_label("こちらの版で上書き保存").click();
    h.run();
    let saved = std::fs::read_to_string(&matrix).expect("read");
    assert!(saved.contains("（こちらで追記）"));
    assert!(!saved.contains("（外部で追記）"));
    assert!(!h.state().is_dirty());
}

#[test]
fn a_version_on_disk_that_does_not_load_is_reported_in_place_of_the_differences() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (mut h, matrix) = edited_copy(tmp.path());
    edit_here(&mut h, "gap.t1.1", "（こちらで追記）");
    let broken =
        std::fs::read_to_string(&matrix)
            .expect("read")
            .replacen("number: 1,", "number: one,", 1);
    std::fs::write(&matrix, &broken).expect("write");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("違いを見る").click();
    wait_for(&mut h, "ディスクの版を読み込めません：");
    h.get_by_label_contains("matrix.ron:");
    // Cancelling leaves both versions as they are.
    h.get_by_label("やめる").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&matrix).expect("read"), broken);
    assert!(h.state().is_dirty());
}

#[test]
fn the_restore_dialog_shows_what_the_recovered_changes_change_before_restoring() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let recovery = tmp.path().join("recovery");
    // An earlier run edited a gap and added a measure, and died before saving.
    let mut doc = waymark::document::open(&waymark::document::Disk, &entry).expect("opens");
    let gap = GapId::new("gap.t1.1").expect("id");
    let e =
        waymark::edit::edit_gap(&doc.roadmap, &gap, |g| g.text.push_str("（復元）")).expect("edit");
    waymark::edit::apply(&mut doc.roadmap, e).expect("applies");
    let created = waymark::edit::create_measure(
        &doc.roadmap,
        None,
        waymark::model::MeasureKind::Response,
        "新しい対応案",
    )
    .expect("create");
    let new_measure = created.id.clone();
    waymark::edit::apply(&mut doc.roadmap, created.edit).expect("applies");
    waymark::recovery::write_recovery(&doc, &recovery)
        .expect("writes")
        .expect("a recovery file");
    drop(doc);

    let mut h = app(entry, &recovery);
    h.run();
    h.get_by_label("保存されていない変更を復元しますか");
    h.get_by_label("違いを見る").click();
    wait_for(&mut h, "変更 1、移動 0、追加 1、削除 0");
    h.get_by_label("保存された版から、復元する版への変更：");
    h.get_by_label_contains("変更: gap.t1.1");
    h.get_by_label_contains(&format!("追加: {new_measure}"));
    h.get_by_label("復元する").click();
    h.run();
    let roadmap = &h.state().document().expect("doc").roadmap;
    assert!(roadmap.measure(&new_measure).is_some());
    assert!(h.state().is_dirty());
}

#[test]
fn an_outside_change_while_a_dialog_is_open_is_asked_about_once_it_closes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (mut h, matrix) = edited_copy(tmp.path());
    let gap = GapId::new("gap.t2.1").expect("id");
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![Action::Delete(waymark::model::ItemRef::Gap(gap))],
    );
    h.run();
    h.get_by_label("削除の確認");

    let outside = std::fs::read_to_string(&matrix).expect("read").replacen(
        "血液がん以外の疾患領域",
        "血液がん以外の疾患領域（外部で追記）",
        1,
    );
    std::fs::write(&matrix, &outside).expect("write");
    // Long enough for the folder watch to report the change; the open question comes first.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(3);
    while std::time::Instant::now() < until {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    h.get_by_label("削除の確認");
    assert!(h.query_by_label("外部で変更されました").is_none());

    h.get_by_label("やめる").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while h.query_by_label("外部で変更されました").is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "the outside change was dropped"
        );
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    h.get_by_label_contains("matrix.ron");
    assert!(h.state().is_dirty(), "the edits here are kept");
}
