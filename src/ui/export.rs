//! The export form (File ▸ Export…): the view shown, the format, and the size the picture will
//! have; the file is chosen next, through the same dialog as Save As.

use crate::action::{Action, ExportInput, Tab};
use crate::export::{Format, PICTURE_VIEWS};
use crate::i18n::Lang;

/// What the form shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportForm {
    /// The view pictured (the one shown when the form opened).
    pub view: Tab,
    /// The format chosen.
    pub format: Format,
    /// The picture's width and height in points, for a picture format.
    pub size: Option<(f32, f32)>,
}

/// What each format gives, in a few words.
fn describe(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Svg => lang.pick("SVG（ベクター画像）", "SVG (vector picture)"),
        Format::Png => lang.pick("PNG（画像、2倍）", "PNG (image, 2×)"),
        Format::Pdf => lang.pick(
            "PDF（ベクター、フォント埋め込み）",
            "PDF (vector, font embedded)",
        ),
        Format::Xlsx => lang.pick("XLSX（全表のブック）", "XLSX (every table, one workbook)"),
        Format::Csv => lang.pick("CSV（表ごとに1ファイル）", "CSV (a file per table)"),
        Format::Html => lang.pick("HTML レポート", "HTML report"),
        Format::Md => lang.pick("Markdown レポート", "Markdown report"),
        Format::Json => lang.pick("JSON（全データ）", "JSON (all data)"),
    }
}

/// The size line: points for SVG and PDF, pixels for PNG.
fn size_text(form: &ExportForm, lang: Lang) -> Option<String> {
    let (w, h) = form.size?;
    Some(match form.format {
        Format::Png => format!(
            "{}{} × {} px",
            lang.pick("大きさ: ", "Size: "),
            (w * 2.0).ceil(),
            (h * 2.0).ceil()
        ),
        _ => format!(
            "{}{} × {} pt",
            lang.pick("大きさ: ", "Size: "),
            w.ceil(),
            h.ceil()
        ),
    })
}

/// Shows the form as a window; its buttons push [`Action::Export`].
pub fn export_form_ui(
    ctx: &egui::Context,
    lang: Lang,
    form: &ExportForm,
    running: bool,
    actions: &mut Vec<Action>,
) {
    let pictured = PICTURE_VIEWS.contains(&form.view);
    egui::Window::new(lang.pick("書き出し", "Export"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(format!(
                "{}{}",
                lang.pick("表示中のビュー: ", "View shown: "),
                form.view.label(lang)
            ));
            if !pictured {
                ui.label(
                    egui::RichText::new(lang.pick(
                        "このビューは図として書き出せません（表とレポートは書き出せます）",
                        "This view has no picture export (tables and reports do)",
                    ))
                    .weak(),
                );
            }
            ui.add_space(4.0);
            for format in Format::ALL {
                let enabled = !running && (pictured || !format.is_picture());
                let chosen = form.format == format;
                if ui
                    .add_enabled(
                        enabled,
                        egui::RadioButton::new(chosen, describe(format, lang)),
                    )
                    .clicked()
                    && !chosen
                {
                    actions.push(Action::Export(ExportInput::SetFormat(format)));
                }
            }
            if let Some(size) = size_text(form, lang) {
                ui.label(size);
            }
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                if running {
                    ui.spinner();
                    ui.label(lang.pick("書き出し中…", "Exporting…"));
                } else {
                    if ui.button(lang.pick("書き出す…", "Export…")).clicked() {
                        actions.push(Action::Export(ExportInput::ChooseFile));
                    }
                    if ui.button(lang.pick("閉じる", "Close")).clicked() {
                        actions.push(Action::Export(ExportInput::Cancel));
                    }
                }
            });
        });
}
