//! Crash recovery of the bundled roadmap, started from a folder that has no `roadmaps/` beside
//! it (as `waymark` is from anywhere): the edits come back, compared against the bundled texts,
//! not against files the working folder happens to lack.
//!
//! This binary holds one test because it changes the working folder of the whole process.

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use waymark::action::Action;
use waymark::model::GapId;
use waymark::recovery::{RoadmapKey, find_recovery};

mod common;
use common::{harness, options};

#[test]
fn the_bundled_roadmaps_edits_come_back_from_any_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::env::set_current_dir(&elsewhere).expect("cd");
    let recovery = tmp.path().join("recovery");
    let options = || options(None, &recovery);
    let gap = GapId::new("gap.t1.1").expect("id");

    let mut h = harness(options());
    h.run();
    assert!(h.state().document().expect("doc").is_bundled());
    let roadmap = &h.state().document().expect("doc").roadmap;
    let edit = waymark::edit::edit_gap(roadmap, &gap, |g| g.text.push_str("（同梱版の編集）"))
        .expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();
    let key = RoadmapKey::bundled(std::path::Path::new(waymark::bundled::ENTRY));
    let found = find_recovery(&key, &recovery).expect("the recovery file was written");
    assert!(
        found.changed_on_disk_since().is_empty(),
        "the bundled texts are what the edits were made to"
    );
    // The process dies here.
    drop(h);

    let mut h = harness(options());
    h.run();
    h.get_by_label("保存されていない変更を復元しますか");
    assert!(
        h.query_by_label("その後ディスク上のファイルも変更されています。")
            .is_none(),
        "nothing changed since"
    );
    h.get_by_label("違いを見る").click();
    let deadline = Instant::now() + Duration::from_secs(30);
    while h.query_by_label("変更 1、移動 0、追加 0、削除 0").is_none() {
        assert!(Instant::now() < deadline, "the comparison never finished");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    // Let the dialog settle around the list before clicking in it.
    h.run();
    h.get_by_label_contains("変更: gap.t1.1");
    h.get_by_label("復元する").click();
    h.run();
    assert!(
        h.query_by_label("保存されていない変更を復元しますか")
            .is_none(),
        "the dialog closed"
    );
    let doc = h.state().document().expect("doc");
    assert!(
        doc.is_bundled(),
        "still the bundled roadmap (saved with Save As)"
    );
    assert!(
        doc.roadmap
            .gap(&gap)
            .expect("gap")
            .text
            .contains("（同梱版の編集）")
    );
    assert!(h.state().is_dirty());
    assert!(h.query_by_label("復元できませんでした").is_none());
}
