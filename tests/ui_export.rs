//! File ▸ Export… as a person uses it: the form for the view shown, a format with the size of
//! its picture, the file chosen in Waymark's own dialog, the export run off the UI thread and
//! its outcome in the status bar; the folder is remembered.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Tab;
use waymark::app::{FileDialogs, Options, Prefs, WaymarkApp};
use waymark::export::{Page, PngSize};

mod common;
use common::harness;
use common::pdf::Pdf;

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

/// The text of the label containing `part`.
fn text_of(h: &Harness<'_, WaymarkApp>, part: &str) -> String {
    let node = h.get_by_label_contains(part);
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// Opens File ▸ Export… and waits for its picture's size, measured off the UI thread, which
/// shows `…` until then.
fn open_form(h: &mut Harness<'_, WaymarkApp>) {
    h.get_by_label("ファイル").click();
    h.run();
    h.get_by_label("書き出し…").click();
    h.run();
    if h.state().is_measuring() {
        h.get_by_label("大きさ: …");
    }
    for _ in 0..3000 {
        if !h.state().is_measuring() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
    assert!(!h.state().is_measuring(), "the picture was measured");
    assert!(h.query_by_label("大きさ: …").is_none());
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
    h.get_by_label("PNG（画像）").click();
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
fn the_proposals_view_offers_its_picture_the_tables_and_reports() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path(), Tab::Proposals);
    open_form(&mut h);
    assert!(
        h.query_by_label_contains("このビューは図として書き出せません")
            .is_none()
    );
    let pdf = h.get_by_label("PDF（ベクター、フォント埋め込み）");
    assert!(
        !pdf.accesskit_node().is_disabled(),
        "a picture of this view"
    );
    h.get_by_label_contains("大きさ: ");
    let name = {
        h.get_by_label("SVG（ベクター画像）").click();
        h.run();
        export_into(&mut h, tmp.path())
    };
    assert_eq!(name, "regen-med-cgt-proposals.svg");
    let svg = std::fs::read_to_string(tmp.path().join(name)).expect("written");
    assert!(svg.contains("海外事例"), "the proposals' table");
    open_form(&mut h);
    let name = {
        h.get_by_label("HTML レポート").click();
        h.run();
        export_into(&mut h, tmp.path())
    };
    assert_eq!(name, "regen-med-cgt.html");
    let html = std::fs::read_to_string(tmp.path().join(name)).expect("written");
    assert!(html.contains("<svg "), "pictures inline");
}

#[test]
fn the_matrix_on_a4_pages_is_a_pdf_of_several_pages_and_the_choice_is_remembered() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path(), Tab::Matrix);
    open_form(&mut h);
    h.get_by_label("PDF（ベクター、フォント埋め込み）").click();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "A4 横").click();
    h.run();
    let size = text_of(&h, "大きさ: A4 横 × ");
    let pages: usize = size
        .trim_start_matches("大きさ: A4 横 × ")
        .trim_end_matches(" ページ")
        .parse()
        .expect("a count of pages");
    assert!(pages >= 2, "{size}");

    let name = export_into(&mut h, tmp.path());
    assert_eq!(name, "regen-med-cgt-matrix.pdf");
    let bytes = std::fs::read(tmp.path().join(&name)).expect("the PDF was written");
    let pdf = Pdf::parse(&bytes);
    assert_eq!(pdf.pages().len(), pages, "as many pages as the form said");
    assert!(String::from_utf8_lossy(&bytes).contains("/MediaBox[0 0 841.89 595.28]"));
    assert_eq!(h.state().prefs().export_page, Page::A4);

    open_form(&mut h);
    let a4 = h.get_by_role_and_label(Role::RadioButton, "A4 横");
    assert_eq!(
        a4.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True),
        "A4 is chosen again"
    );
}

#[test]
fn a_png_is_as_wide_as_chosen() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path(), Tab::Coverage);
    open_form(&mut h);
    h.get_by_label("PNG（画像）").click();
    h.run();
    let at_scale = text_of(&h, " px");
    h.get_by_role_and_label(Role::RadioButton, "幅（ピクセル）")
        .click();
    h.run();
    assert_eq!(
        text_of(&h, " px"),
        at_scale,
        "the width offered is the one at the scale chosen"
    );
    let px: u32 = at_scale
        .trim_start_matches("大きさ: ")
        .split(" × ")
        .next()
        .and_then(|w| w.parse().ok())
        .expect("a width in pixels");
    let name = export_into(&mut h, tmp.path());
    let png = std::fs::read(tmp.path().join(name)).expect("the PNG was written");
    let width = u32::from_be_bytes(png[16..20].try_into().expect("IHDR"));
    assert_eq!(width, px);
    assert_eq!(h.state().prefs().export_png, PngSize::Width(px));
}
