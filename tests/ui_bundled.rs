//! Every roadmap bundled in the binary opens from File ▸ Open bundled roadmap, from any roadmap,
//! and each one's files are the ones the binary carries.

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;

mod common;
use common::{copy_of_bundled, harness, options};

#[test]
fn each_bundled_roadmap_opens_from_the_file_menu() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(&tmp.path().join("copy"));
    let mut h = harness(options(Some(entry), &tmp.path().join("recovery")));
    h.run();
    assert!(!h.state().document().expect("doc").is_bundled());
    for r in waymark::bundled::ROADMAPS {
        h.get_by_label("ファイル").click();
        h.run();
        h.get_by_label("同梱のロードマップを開く").click();
        h.run();
        h.get_by_label(r.title_ja).click();
        h.run();
        let deadline = Instant::now() + Duration::from_secs(30);
        while h.state().is_loading() {
            assert!(Instant::now() < deadline, "{} never loaded", r.entry);
            std::thread::sleep(Duration::from_millis(10));
            h.step();
        }
        h.run();
        let doc = h.state().document().expect("doc");
        assert!(doc.is_bundled(), "{}", r.entry);
        assert_eq!(doc.entry_path(), std::path::Path::new(r.entry));
        assert!(h.state().title().contains(r.entry), "{}", h.state().title());
    }
}

#[test]
fn every_bundled_file_belongs_to_a_bundled_roadmap_that_opens_cleanly() {
    let mut read: Vec<String> = Vec::new();
    for r in waymark::bundled::ROADMAPS {
        let doc = waymark::bundled::open_entry(r.entry)
            .unwrap_or_else(|e| panic!("{} opens: {:#?}", r.entry, e.diagnostics));
        assert!(doc.warnings.is_empty(), "{}: {:#?}", r.entry, doc.warnings);
        read.extend(doc.files.iter().map(|f| f.path.display().to_string()));
    }
    let mut read_sorted = read.clone();
    read_sorted.sort();
    read_sorted.dedup();
    assert_eq!(read_sorted.len(), read.len(), "no file is shared");
    let mut bundled: Vec<String> = waymark::bundled::FILES
        .iter()
        .map(|(path, _)| (*path).to_owned())
        .collect();
    bundled.sort();
    assert_eq!(
        read_sorted, bundled,
        "every bundled file is read by a roadmap"
    );
}
