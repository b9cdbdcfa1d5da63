//! Files that begin with a UTF-8 byte-order mark, as Windows Notepad writes them: they load
//! through both readers, positions count from after the mark, an unchanged roadmap is not taken
//! for an edited one and saves byte for byte as it was, and an edited file keeps its mark.

use std::path::{Path, PathBuf};

use waymark::document::{Disk, Document, SaveOptions, changed_on_disk, open, save, save_as};
use waymark::edit;
use waymark::model::{BOM, MeasureId};
use waymark::recovery::Recovery;

const ENTRY: &str = "regenerative-medicine.ron";
/// The files given a mark: the entry file and the one the edits below change.
const MARKED: [&str; 2] = [ENTRY, "matrix.ron"];

/// Copies the bundled roadmap (which is canonical) into `dir`, with a byte-order mark before
/// the files in [`MARKED`]; returns the entry file's path.
fn copy_bundled_with_marks(dir: &Path) -> PathBuf {
    for (path, text) in waymark::bundled::files_of(waymark::bundled::ENTRY) {
        let name = Path::new(path).file_name().expect("a file name");
        let mark = if MARKED.iter().any(|m| name == *m) {
            BOM
        } else {
            ""
        };
        std::fs::write(dir.join(name), format!("{mark}{text}")).expect("copy");
    }
    dir.join(ENTRY)
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("readable")
}

fn set_text(doc: &mut Document, id: &str, text: &str) {
    let e = edit::edit_measure(&doc.roadmap, &MeasureId::new(id).expect("id"), |m| {
        text.clone_into(&mut m.text);
    })
    .expect("edit");
    edit::apply(&mut doc.roadmap, e).expect("applies");
}

#[test]
fn a_roadmap_with_marks_loads_and_is_not_taken_for_edited() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled_with_marks(dir.path());
    let plain = waymark::bundled::open().expect("bundled");
    let mut doc = open(&Disk, &entry).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert_eq!(doc.roadmap.items, plain.roadmap.items);
    for file in &doc.files {
        let marked = MARKED.iter().any(|m| file.path.ends_with(m));
        assert_eq!(file.bom, marked, "{}", file.display);
        assert!(!file.text.starts_with(BOM), "{}", file.display);
    }
    assert!(!doc.has_unsaved_changes());
    assert!(changed_on_disk(&doc).is_empty());
    assert_eq!(Recovery::of(&doc), None);

    let before: Vec<Vec<u8>> = doc.files.iter().map(|f| bytes(&f.path)).collect();
    let report = save(&mut doc, SaveOptions::default()).expect("saves");
    assert!(report.written.is_empty(), "{:?}", report.written);
    let after: Vec<Vec<u8>> = doc.files.iter().map(|f| bytes(&f.path)).collect();
    assert!(before == after, "an unchanged roadmap saves byte for byte");
}

#[test]
fn an_edited_file_keeps_its_mark_and_the_others_stay_as_they_were() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled_with_marks(dir.path());
    let mut doc = open(&Disk, &entry).expect("opens");
    let matrix = dir.path().join("matrix.ron");
    let programmes = dir.path().join("programmes.ron");
    let programmes_before = bytes(&programmes);
    set_text(&mut doc, "m.t1.1", "印のあるファイルの変更");
    set_text(&mut doc, "prog.amed-project", "印のないファイルの変更");
    let report = save(&mut doc, SaveOptions::default()).expect("saves");
    assert_eq!(report.written.len(), 2, "{:?}", report.written);

    let saved = String::from_utf8(bytes(&matrix)).expect("UTF-8");
    let body = saved.strip_prefix(BOM).expect("the mark is kept");
    assert!(body.contains("印のあるファイルの変更"));
    assert_eq!(body.matches(BOM).count(), 0, "one mark, at the start");
    let programmes_now = String::from_utf8(bytes(&programmes)).expect("UTF-8");
    assert!(
        !programmes_now.starts_with(BOM),
        "no mark where there was none"
    );
    assert_ne!(programmes_now.as_bytes(), programmes_before.as_slice());
    // Saved, the files are as the document remembers them.
    assert!(changed_on_disk(&doc).is_empty());
    assert!(!doc.has_unsaved_changes());

    // Save As writes each file with the mark it had.
    let copy = dir.path().join("copy");
    save_as(&mut doc, &copy.join("copy.ron"), SaveOptions::default()).expect("saves as");
    assert!(bytes(&copy.join("copy.ron")).starts_with(BOM.as_bytes()));
    assert!(bytes(&copy.join("matrix.ron")).starts_with(BOM.as_bytes()));
    assert!(!bytes(&copy.join("programmes.ron")).starts_with(BOM.as_bytes()));
}

#[test]
fn unsaved_edits_of_a_marked_file_are_recovered_against_the_file_as_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled_with_marks(dir.path());
    let mut doc = open(&Disk, &entry).expect("opens");
    set_text(&mut doc, "m.t1.1", "復元される変更");
    let recovery = Recovery::of(&doc).expect("unsaved edits");
    assert!(
        recovery.changed_on_disk_since().is_empty(),
        "the file on disk, mark and all, is the one the edits were made to"
    );
    let mut restored = recovery.restore().expect("restores");
    assert!(restored.has_unsaved_changes());
    save(&mut restored, SaveOptions::default()).expect("saves");
    let matrix = bytes(&dir.path().join("matrix.ron"));
    assert!(matrix.starts_with(BOM.as_bytes()));
}

#[test]
fn both_readers_take_a_mark_and_count_columns_after_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = dir.path().join("entry.ron");
    let header = "roadmap: (id: \"bom\", title: \"印\", start_fy: 2020, end_fy: 2030)";
    // The fast reader reads the first; a block comment leaves the second to `ron`.
    for text in [
        format!("{BOM}(schema: 1, {header})\n"),
        format!("{BOM}/* メモ */ (schema: 1, {header})\n"),
    ] {
        std::fs::write(&entry, &text).expect("write");
        let doc = open(&Disk, &entry).unwrap_or_else(|e| panic!("{text}: {:#?}", e.diagnostics));
        assert!(doc.files[0].bom);
    }
    // An error on the first line is at the column an editor shows, the mark not counted.
    std::fs::write(&entry, format!("{BOM}(schema: \"1\", {header})\n")).expect("write");
    let d = open(&Disk, &entry)
        .expect_err("a string for a number")
        .diagnostics;
    assert_eq!(
        (d[0].rule, d[0].line, d[0].col),
        ("parse", 1, 10),
        "{}",
        d[0]
    );
    assert_eq!(
        d[0].snippet.as_deref(),
        Some(&format!("(schema: \"1\", {header})")[..])
    );
}
