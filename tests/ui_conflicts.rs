//! A roadmap that a merge left with a conflict, resolved in the explorer: the conflict is listed
//! with ours' and theirs' values, taking theirs changes the field and removes the record as one
//! undoable step, and saving writes a file without conflicts that `waymark check` finds clean.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::app::WaymarkApp;
use waymark::document::{Disk, open};
use waymark::model::MeasureId;

mod common;
use common::{copy_of_bundled, harness, options};

const TITLE: &str = "title: \"再生・細胞医療・遺伝子治療プロジェクト\",";

/// What `waymark merge` writes when both branches retitled the first programme.
const CONFLICTS: &str = "    conflicts: [
        (
            item: Item(Measure(\"prog.amed-project\")),
            field: \"title\",
            base: \"\\\"再生・細胞医療・遺伝子治療プロジェクト\\\"\",
            ours: \"\\\"本線の題名\\\"\",
            theirs: \"\\\"枝の題名\\\"\",
        ),
    ],
)
";

fn title(h: &Harness<'_, WaymarkApp>) -> String {
    let doc = h.state().document().expect("doc");
    let id = MeasureId::new("prog.amed-project").expect("id");
    doc.roadmap
        .measure(&id)
        .and_then(|m| m.title.clone())
        .expect("titled")
}

fn conflicts(h: &Harness<'_, WaymarkApp>) -> usize {
    h.state()
        .document()
        .expect("doc")
        .roadmap
        .items
        .conflicts
        .len()
}

#[test]
fn a_conflict_is_resolved_field_by_field_undone_and_saved_clean() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let programmes = entry.with_file_name("programmes.ron");
    let text = std::fs::read_to_string(&programmes).expect("read");
    assert_eq!(text.matches(TITLE).count(), 1);
    let text = text
        .replacen(TITLE, "title: \"本線の題名\",", 1)
        .strip_suffix(")\n")
        .expect("the file's end")
        .to_owned()
        + CONFLICTS;
    std::fs::write(&programmes, text).expect("write");

    let mut h = harness(options(Some(entry.clone()), &tmp.path().join("recovery")));
    h.run();
    assert_eq!(conflicts(&h), 1, "the roadmap opens with its conflict");
    h.get_by_label("マージの衝突： 1");
    h.get_by_label("こちら: \"本線の題名\"");

    h.get_by_label("相手: \"枝の題名\"").click();
    h.run();
    assert_eq!(title(&h), "枝の題名");
    assert_eq!(conflicts(&h), 0);
    assert!(
        h.query_by_label("マージの衝突： 1").is_none(),
        "the list is gone"
    );

    // One step: undo brings back both ours' title and the record.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(title(&h), "本線の題名");
    assert_eq!(conflicts(&h), 1);

    // Keeping ours leaves the title and removes the record; the file then saves clean.
    h.get_by_label("こちら: \"本線の題名\"").click();
    h.run();
    assert_eq!(title(&h), "本線の題名");
    assert_eq!(conflicts(&h), 0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!h.state().is_dirty(), "{:?}", h.state().notice());
    let saved = std::fs::read_to_string(&programmes).expect("read");
    assert!(!saved.contains("conflicts:"), "no record is left");
    let reopened = open(&Disk, &entry).expect("the saved roadmap opens");
    assert!(
        reopened.warnings.iter().all(|d| d.rule != "merge-conflict"),
        "check finds no conflict"
    );
}
