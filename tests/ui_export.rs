//! File ▸ Export… as a person uses it: the form for the view shown, a format with the size of
//! its picture, the file chosen in Waymark's own dialog, the export run off the UI thread and
//! its outcome in the status bar; the folder is remembered.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Tab;
use waymark::app::{FileDialogs, Options, Prefs, WaymarkApp};

mod common;
use common::harness;

fn app(dir: &Path, tab: Tab) -> Harness<'static, WaymarkApp> {
    let mut h = harness(Options {
        prefs: Prefs {
            tab,
            ..Prefs::default()
        },
        recovery_dir: Some(dir.join("recovery")),
        file_dialogs: FileDialogs::Builtin,
        ..Options::default()
    });
    h.run();
    h
}

fn open_form(h: &mut Harness<'_, WaymarkApp>) {
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("書き出し…").click();
    h.run();
}

/// Chooses `folder` in Waymark's own dialog and confirms the file name offered, which it returns.
fn export_into(h: &mut Harness<'_, WaymarkApp>, folder: &Path) -> String {
    h.get_by_label("書き出す…").click();
    h.run();
    h.get_by_label("書き出し先");
    h.get_by_role_and_label(Role::TextInput, "場所").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "場所")
        .type_text(&folder.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let name = h
        .get_by_role_and_label(Role::TextInput, "ファイル名")
        .value()
        .unwrap_or_default();
    h.get_by_label("書き出す").click();
    // The form shows a spinner while the export runs: step, as the UI keeps repainting.
    for _ in 0..3000 {
        h.step();
        if !h.state().is_exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    assert!(!h.state().is_exporting(), "the export finished");
    name
}

#[test]
fn the_timeline_exports_as_pdf_into_a_chosen_folder_which_is_remembered() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("exports");
    std::fs::create_dir(&out).expect("mkdir");
    let mut h = app(tmp.path(), Tab::Timeline);
    open_form(&mut h);
    h.get_by_label_contains("表示中のビュー: タイムライン");
    h.get_by_label("PDF（ベクター、フォント埋め込み）").click();
    h.run();
    h.get_by_label_contains("大きさ: ");
    assert!(
        h.query_by_label_contains(" pt").is_some(),
        "a PDF's size in points"
    );
    h.get_by_label("PNG（画像、2倍）").click();
    h.run();
    assert!(
        h.query_by_label_contains(" px").is_some(),
        "a PNG's size in pixels"
    );
    h.get_by_label("PDF（ベクター、フォント埋め込み）").click();
    h.run();

    let name = export_into(&mut h, &out);
    assert_eq!(name, "regen-med-cgt-timeline.pdf");
    let pdf = std::fs::read(out.join(&name)).expect("the PDF was written");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(String::from_utf8_lossy(&pdf).contains("BIZUDPGothic"));
    h.get_by_label_contains("書き出しました: ");
    assert!(h.query_by_label("書き出し").is_none(), "the form closed");
    assert_eq!(h.state().prefs().export_dir.as_deref(), Some(out.as_path()));
    assert_eq!(
        h.state().prefs().export_format,
        Some(waymark::export::Format::Pdf)
    );
}

#[test]
fn a_view_without_a_picture_offers_the_tables_and_reports() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path(), Tab::Proposals);
    open_form(&mut h);
    h.get_by_label_contains("このビューは図として書き出せません");
    let pdf = h.get_by_label("PDF（ベクター、フォント埋め込み）");
    assert!(
        pdf.accesskit_node().is_disabled(),
        "no picture of this view"
    );
    let name = {
        h.get_by_label("HTML レポート").click();
        h.run();
        export_into(&mut h, tmp.path())
    };
    assert_eq!(name, "regen-med-cgt.html");
    let html = std::fs::read_to_string(tmp.path().join(name)).expect("written");
    assert!(html.contains("<svg "), "pictures inline");
}
