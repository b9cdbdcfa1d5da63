//! The export form (File ▸ Export…): the view shown, the format, a PDF's pages or a PNG's size,
//! and the size the picture will have (measured off the UI thread, `…` until it is known); the
//! file is chosen next, through the same dialog as Save As.

use crate::action::{Action, ExportInput, Tab};
use crate::export::{Format, PICTURE_VIEWS, Page, PngSize};
use crate::i18n::Lang;

/// The size of a view's picture, as the form previews it.
#[derive(Clone, Debug, PartialEq)]
pub struct PictureSize {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// How many pages a PDF takes with each setting of [`Page::ALL`].
    pub pages: [usize; 3],
}

/// What the form knows of the picture's size.
#[derive(Clone, Debug, PartialEq)]
pub enum Preview {
    /// No picture: the view has none.
    Unavailable,
    /// Being measured.
    Measuring,
    /// Measured.
    Ready(PictureSize),
}

/// What the form shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportForm {
    /// The view pictured (the one shown when the form opened).
    pub view: Tab,
    /// The format chosen.
    pub format: Format,
    /// The pages of a PDF.
    pub page: Page,
    /// The size of a PNG.
    pub png: PngSize,
    /// The picture's size.
    pub preview: Preview,
}

/// What each format gives, in a few words.
fn describe(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Svg => lang.pick("SVG（ベクター画像）", "SVG (vector picture)"),
        Format::Png => lang.pick("PNG（画像）", "PNG (image)"),
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

/// The name of a page setting.
fn page_label(page: Page, lang: Lang) -> &'static str {
    match page {
        Page::Fit => lang.pick("内容に合わせた1ページ", "One page fitted to the content"),
        Page::A4 => lang.pick("A4 横", "A4 landscape"),
        Page::A3 => lang.pick("A3 横", "A3 landscape"),
    }
}

/// The size line: points for SVG and a fitted PDF, pages for a paged PDF, pixels for PNG;
/// `…` while it is measured.
fn size_text(form: &ExportForm, lang: Lang) -> Option<String> {
    let prefix = lang.pick("大きさ: ", "Size: ");
    let size = match &form.preview {
        Preview::Unavailable => return None,
        Preview::Measuring => return Some(format!("{prefix}…")),
        Preview::Ready(size) => size,
    };
    Some(match (form.format, form.page) {
        (Format::Png, _) => {
            let (w, h) = form.png.pixels(size.width, size.height);
            format!("{prefix}{w} × {h} px")
        }
        (Format::Pdf, page @ (Page::A4 | Page::A3)) => {
            let k = Page::ALL.iter().position(|p| *p == page).unwrap_or(0);
            let pages = size.pages[k];
            format!(
                "{prefix}{} × {pages}{}",
                page_label(page, lang),
                lang.pick(" ページ", if pages == 1 { " page" } else { " pages" })
            )
        }
        _ => format!("{prefix}{} × {} pt", size.width.ceil(), size.height.ceil()),
    })
}

/// The choice of a PDF's pages.
fn page_ui(ui: &mut egui::Ui, lang: Lang, form: &ExportForm, actions: &mut Vec<Action>) {
    ui.label(lang.pick("ページ:", "Pages:"));
    ui.indent("pages", |ui| {
        for page in Page::ALL {
            let chosen = form.page == page;
            if ui.radio(chosen, page_label(page, lang)).clicked() && !chosen {
                actions.push(Action::Export(ExportInput::SetPage(page)));
            }
        }
    });
}

/// The choice of a PNG's size: a scale, or a width in pixels.
fn png_ui(ui: &mut egui::Ui, lang: Lang, form: &ExportForm, actions: &mut Vec<Action>) {
    let width_now = form.preview_width();
    ui.indent("png", |ui| {
        ui.horizontal(|ui| {
            let mut scale = form.png.scale(width_now.unwrap_or(1.0));
            let chosen = matches!(form.png, PngSize::Scale(_));
            let label = ui.radio(chosen, lang.pick("倍率", "Scale"));
            if label.clicked() && !chosen {
                actions.push(Action::Export(ExportInput::SetPng(PngSize::Scale(
                    (scale * 10.0).round() / 10.0,
                ))));
            }
            let drag = ui
                .add_enabled(
                    chosen,
                    egui::DragValue::new(&mut scale)
                        .range(0.5..=8.0)
                        .speed(0.05)
                        .fixed_decimals(1)
                        .suffix("×"),
                )
                .labelled_by(label.id);
            if drag.changed() {
                actions.push(Action::Export(ExportInput::SetPng(PngSize::Scale(scale))));
            }
        });
        ui.horizontal(|ui| {
            let chosen = matches!(form.png, PngSize::Width(_));
            let mut px = match form.png {
                PngSize::Width(px) => px,
                PngSize::Scale(_) => width_now.map_or(2000, |w| form.png.pixels(w, 1.0).0),
            };
            let label = ui.radio(chosen, lang.pick("幅（ピクセル）", "Width (pixels)"));
            if label.clicked() && !chosen {
                actions.push(Action::Export(ExportInput::SetPng(PngSize::Width(px))));
            }
            let drag = ui
                .add_enabled(
                    chosen,
                    egui::DragValue::new(&mut px)
                        .range(100..=30_000)
                        .speed(10.0)
                        .suffix(" px"),
                )
                .labelled_by(label.id);
            if drag.changed() {
                actions.push(Action::Export(ExportInput::SetPng(PngSize::Width(px))));
            }
        });
    });
}

impl ExportForm {
    /// The picture's width in points, once measured.
    fn preview_width(&self) -> Option<f32> {
        match &self.preview {
            Preview::Ready(size) => Some(size.width),
            _ => None,
        }
    }
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
            if !running && form.format == Format::Pdf {
                page_ui(ui, lang, form, actions);
            }
            if !running && form.format == Format::Png {
                png_ui(ui, lang, form, actions);
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
