//! Saving never writes outside the roadmap's folder and never replaces a symbolic link with a
//! file: Save As refuses included names that leave the chosen folder and paths that are (or
//! pass through) links, before anything is written; Save writes through a link to its file
//! when that is inside the roadmap's folder, and refuses one that leads elsewhere.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use waymark::document::{Disk, Document, SaveError, SaveOptions, backup_path, open, save, save_as};
use waymark::edit;
use waymark::model::{LeavesFolder, MeasureId};

const ENTRY: &str = "regenerative-medicine.ron";

/// Copies the bundled roadmap into `dir`; returns the entry file's path.
fn copy_bundled(dir: &Path) -> PathBuf {
    for (path, text) in waymark::bundled::files_of(waymark::bundled::ENTRY) {
        let name = Path::new(path).file_name().expect("a file name");
        std::fs::write(dir.join(name), text).expect("copy");
    }
    dir.join(ENTRY)
}

fn set_text(doc: &mut Document, id: &str, text: &str) {
    let e = edit::edit_measure(&doc.roadmap, &MeasureId::new(id).expect("id"), |m| {
        text.clone_into(&mut m.text);
    })
    .expect("edit");
    edit::apply(&mut doc.roadmap, e).expect("applies");
}

/// Everything under `dir`: each path with its contents (a link's target for a link, nothing
/// for a folder), not following links.
fn tree(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("list") {
            let path = e.expect("entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            let what = if meta.file_type().is_symlink() {
                format!("-> {}", std::fs::read_link(&path).expect("link").display())
            } else if meta.is_dir() {
                todo.push(path.clone());
                "folder".to_owned()
            } else {
                std::fs::read_to_string(&path).expect("text")
            };
            out.insert(path, what);
        }
    }
    out
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[test]
fn save_as_refuses_an_include_named_outside_the_folder_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("source");
    std::fs::create_dir(&source).expect("mkdir");
    let mut doc = open(&Disk, &copy_bundled(&source)).expect("opens");
    let before = tree(dir.path());
    for (name, how) in [
        ("../escaped.ron", LeavesFolder::GoesUp),
        ("/tmp/escaped.ron", LeavesFolder::Absolute),
    ] {
        doc.roadmap.files[1].name = name.to_owned();
        let target = dir.path().join("copy").join("copy.ron");
        match save_as(&mut doc, &target, SaveOptions::default()) {
            Err(e @ SaveError::OutsideFolder { .. }) => {
                let SaveError::OutsideFolder { name: n, how: h } = &e else {
                    unreachable!()
                };
                assert_eq!((n.as_str(), *h), (name, how));
                assert!(e.to_string().contains(name), "{e}");
                assert!(e.to_string().contains("outside the chosen folder"), "{e}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(tree(dir.path()), before, "nothing written, no folder made");
    }
}

#[test]
fn save_as_refuses_to_write_over_or_through_a_link_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("source");
    let target = dir.path().join("target");
    let elsewhere = dir.path().join("elsewhere");
    for d in [&source, &target, &elsewhere] {
        std::fs::create_dir(d).expect("mkdir");
    }
    std::fs::write(elsewhere.join("victim.ron"), "someone else's file").expect("write");
    let mut doc = open(&Disk, &copy_bundled(&source)).expect("opens");

    // A file of the new roadmap would replace a link.
    let link = target.join("matrix.ron");
    symlink(elsewhere.join("victim.ron"), &link).expect("symlink");
    let before = tree(dir.path());
    match save_as(&mut doc, &target.join("copy.ron"), SaveOptions::default()) {
        Err(e @ SaveError::SymbolicLinks(_)) => {
            assert!(matches!(&e, SaveError::SymbolicLinks(p) if *p == [link.clone()]));
            assert!(e.to_string().contains("matrix.ron"), "{e}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(tree(dir.path()), before, "nothing written");
    assert!(is_link(&link));

    // An included file in a folder that is a link.
    std::fs::remove_file(&link).expect("remove link");
    doc.roadmap.files[1].name = "parts/matrix.ron".to_owned();
    symlink(&elsewhere, target.join("parts")).expect("symlink to a folder");
    let before = tree(dir.path());
    match save_as(&mut doc, &target.join("copy.ron"), SaveOptions::default()) {
        Err(SaveError::SymbolicLinks(paths)) => assert_eq!(paths, [target.join("parts")]),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(tree(dir.path()), before, "nothing written");
}

#[test]
fn save_writes_through_a_link_to_a_file_inside_the_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let real = dir.path().join("versions").join("matrix.ron");
    std::fs::create_dir(dir.path().join("versions")).expect("mkdir");
    let link = dir.path().join("matrix.ron");
    std::fs::rename(&link, &real).expect("move");
    symlink("versions/matrix.ron", &link).expect("symlink");
    let mut doc = open(&Disk, &entry).expect("opens");
    set_text(&mut doc, "m.t1.1", "リンク先に保存");
    let report = save(&mut doc, SaveOptions::default()).expect("saves");

    assert!(is_link(&link), "the link is still a link");
    let saved = std::fs::read_to_string(&real).expect("the file it leads to");
    assert!(saved.contains("リンク先に保存"));
    let real = std::fs::canonicalize(&real).expect("real path");
    assert_eq!(report.written, std::slice::from_ref(&real));
    assert_eq!(report.backups, [backup_path(&real)]);
    assert!(!doc.has_unsaved_changes());
    assert!(open(&Disk, &entry).is_ok());
}

#[test]
fn save_refuses_a_link_that_leads_outside_the_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roadmap = dir.path().join("roadmap");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&roadmap).expect("mkdir");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    let entry = copy_bundled(&roadmap);
    let mut doc = open(&Disk, &entry).expect("opens");
    // After loading, the file is swapped for a link to a copy outside the folder.
    let matrix = roadmap.join("matrix.ron");
    let outside = elsewhere.join("matrix.ron");
    std::fs::rename(&matrix, &outside).expect("move out");
    symlink(&outside, &matrix).expect("symlink");
    let outside_before = std::fs::read(&outside).expect("read");
    set_text(&mut doc, "m.t1.1", "外には書かない");
    match save(&mut doc, SaveOptions::default()) {
        Err(e @ SaveError::LinkOutside { .. }) => {
            let shown = e.to_string();
            assert!(shown.contains("matrix.ron"), "{shown}");
            assert!(shown.contains("outside the roadmap's folder"), "{shown}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(is_link(&matrix));
    assert_eq!(std::fs::read(&outside).expect("read"), outside_before);
    assert!(doc.has_unsaved_changes(), "the edits are kept");
}

#[test]
fn save_refuses_an_entry_file_that_links_outside_its_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let usb = dir.path().join("usb");
    let desktop = dir.path().join("desktop");
    std::fs::create_dir(&usb).expect("mkdir");
    std::fs::create_dir(&desktop).expect("mkdir");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/roadmap.ron"),
    )
    .expect("fixture");
    std::fs::write(usb.join("roadmap.ron"), &text).expect("write");
    let entry = desktop.join("roadmap.ron");
    symlink(usb.join("roadmap.ron"), &entry).expect("symlink");
    let mut doc = open(&Disk, &entry).expect("an entry file may be anywhere");
    let id = doc.roadmap.items.measures[0].id.clone();
    set_text(&mut doc, id.as_str(), "書き換え");
    assert!(matches!(
        save(&mut doc, SaveOptions::default()),
        Err(SaveError::LinkOutside { .. })
    ));
    assert!(is_link(&entry));
    assert_eq!(
        std::fs::read_to_string(usb.join("roadmap.ron")).expect("read"),
        text
    );
}
