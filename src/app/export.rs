//! File ▸ Export…: the export form for the view shown (format, a PDF's pages or a PNG's size,
//! the picture's size measured on a worker), the choice of file through the same dialogs as
//! Save As, and the export itself on a worker thread, its outcome shown in the status bar. The
//! last folder, format, pages and PNG size are remembered.

use std::path::{Path, PathBuf};

use super::WaymarkApp;
use super::files::Msg;
use super::notice::Notice;
use crate::action::ExportInput;
use crate::export::{self, Format, Options, Output, Page, PngSize};
use crate::ui::export::{ExportForm, PictureSize, Preview};
use crate::ui::file_dialog::Purpose;

/// The export under way, if any, and the form while it is open.
#[derive(Default)]
pub(super) struct ExportState {
    /// The form, while it is open.
    pub(super) form: Option<ExportForm>,
    /// Whether an export is running on a worker.
    pub(super) running: bool,
    /// The number of the latest measurement of the form's picture; an older one's result is
    /// dropped.
    pub(super) generation: u64,
}

impl WaymarkApp {
    /// The export options for what is shown now: the view, its filter, selection, language,
    /// grouping, scenario and comparison.
    fn export_options(&self, format: Format) -> Options {
        Options {
            format,
            view: self.prefs.tab,
            lang: self.prefs.lang,
            filter: self.filter.clone(),
            grouping: self.prefs.grouping,
            selection: self.selection.clone(),
            scenario: self.scenarios.shown.clone(),
            compare: self.scenarios.compare_with.clone(),
            ..Options::default()
        }
    }

    /// Opens the form with the format, pages and PNG size last used (a table format where the
    /// view has no picture); the picture is measured on a worker.
    fn open_export_form(&mut self, ctx: &egui::Context) {
        let pictured = export::PICTURE_VIEWS.contains(&self.prefs.tab);
        let format = match self.prefs.export_format {
            Some(f) if pictured || !f.is_picture() => f,
            _ if pictured => Format::Pdf,
            _ => Format::Xlsx,
        };
        self.export.form = Some(ExportForm {
            view: self.prefs.tab,
            format,
            page: self.prefs.export_page,
            png: self.prefs.export_png,
            preview: Preview::Unavailable,
        });
        self.measure(ctx);
    }

    /// Measures the form's picture on a worker: its size in points and the pages it takes;
    /// the form shows `…` until then.
    fn measure(&mut self, ctx: &egui::Context) {
        self.export.generation += 1;
        let (Some(form), Some(doc)) = (&mut self.export.form, &self.document) else {
            return;
        };
        if !export::PICTURE_VIEWS.contains(&form.view) {
            form.preview = Preview::Unavailable;
            return;
        }
        form.preview = Preview::Measuring;
        let options = Options {
            view: form.view,
            ..self.export_options(Format::Svg)
        };
        let doc = Box::new(doc.clone());
        let (tx, ctx, generation) = (self.tx.clone(), ctx.clone(), self.export.generation);
        std::thread::spawn(move || {
            let size = export::picture(&doc, &options, options.view)
                .ok()
                .map(|scene| PictureSize {
                    width: scene.width,
                    height: scene.height,
                    pages: Page::ALL.map(|page| export::pdf::page_count(&scene, page)),
                });
            tx.send(Msg::Measured { generation, size }).ok();
            ctx.request_repaint();
        });
    }

    /// The form's picture was measured: shown unless the form has been opened again since.
    pub(super) fn measured(&mut self, generation: u64, size: Option<PictureSize>) {
        if generation != self.export.generation {
            return;
        }
        if let Some(form) = &mut self.export.form {
            form.preview = size.map_or(Preview::Unavailable, Preview::Ready);
        }
    }

    /// Whether the form's picture is being measured.
    pub fn is_measuring(&self) -> bool {
        self.export
            .form
            .as_ref()
            .is_some_and(|f| f.preview == Preview::Measuring)
    }

    /// Carries out a step of the export form.
    pub(super) fn export_input(&mut self, ctx: &egui::Context, input: ExportInput) {
        match input {
            ExportInput::Open => self.open_export_form(ctx),
            ExportInput::SetFormat(format) => {
                if let Some(form) = &mut self.export.form {
                    form.format = format;
                }
            }
            ExportInput::SetPage(page) => {
                if let Some(form) = &mut self.export.form {
                    form.page = page;
                }
            }
            ExportInput::SetPng(png) => {
                if let Some(form) = &mut self.export.form {
                    form.png = png;
                }
            }
            ExportInput::ChooseFile => {
                let Some(form) = &self.export.form else {
                    return;
                };
                let format = form.format;
                self.prefs.export_format = Some(format);
                self.prefs.export_page = form.page;
                self.prefs.export_png = form.png;
                self.start_export_dialog(ctx, format);
            }
            ExportInput::Cancel => self.export.form = None,
        }
    }

    /// The folder the last export went to, else the roadmap's.
    pub(super) fn export_dir(&self) -> Option<PathBuf> {
        self.prefs
            .export_dir
            .clone()
            .filter(|d| d.is_dir())
            .or_else(|| self.dialog_dir())
    }

    /// The file name offered: the roadmap's ID, the view (pictures) and the extension.
    pub(super) fn export_file_name(&self) -> String {
        let Some(form) = &self.export.form else {
            return String::new();
        };
        let id = self
            .document
            .as_ref()
            .map_or("roadmap", |d| d.roadmap.header.id.as_str());
        if form.format.is_picture() {
            format!("{id}-{}.{}", form.view.name(), form.format.extension())
        } else {
            format!("{id}.{}", form.format.extension())
        }
    }

    /// Asks where to export to.
    fn start_export_dialog(&mut self, ctx: &egui::Context, format: Format) {
        let purpose = Purpose::Export(format);
        if !self.files.native_dialogs {
            self.show_file_dialog(ctx, purpose);
            return;
        }
        let mut dialog = rfd::FileDialog::new()
            .add_filter(format.name().to_uppercase(), &[format.extension()])
            .set_file_name(self.export_file_name());
        if let Some(dir) = self.export_dir() {
            dialog = dialog.set_directory(dir);
        }
        self.run_native(ctx, purpose, dialog);
    }

    /// A file was chosen to export to (`None`: cancelled): the export runs on a worker.
    pub(super) fn picked_export(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        let (Some(path), Some(form), Some(doc)) = (path, &self.export.form, &self.document) else {
            return;
        };
        let (scale, width_px) = match form.png {
            PngSize::Scale(scale) => (scale, None),
            PngSize::Width(px) => (2.0, Some(px)),
        };
        let options = Options {
            view: form.view,
            page: form.page,
            scale,
            width_px,
            ..self.export_options(form.format)
        };
        self.prefs.export_dir = path.parent().map(Path::to_path_buf);
        self.export.running = true;
        self.notice = Some(Notice::Exporting(path.display().to_string()));
        let doc = Box::new(doc.clone());
        let (tx, ctx) = (self.tx.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result = export::export(&doc, &options)
                .map_err(|e| e.to_string())
                .and_then(|output| write_output(&path, output).map_err(|e| e.to_string()));
            tx.send(Msg::Exported(result)).ok();
            ctx.request_repaint();
        });
    }

    /// An export ended: the form closes and the status bar says what was written.
    pub(super) fn exported(&mut self, result: Result<Vec<PathBuf>, String>) {
        self.export.running = false;
        self.notice = Some(match result {
            Ok(files) => {
                self.export.form = None;
                Notice::Exported(files.iter().map(|f| f.display().to_string()).collect())
            }
            Err(e) => Notice::ExportFailed(e),
        });
    }

    /// Whether an export is running.
    pub fn is_exporting(&self) -> bool {
        self.export.running
    }
}

/// Writes an export to `path`; several files (CSV) go beside it, each named after its table
/// (`roadmap-matrix.csv`). Returns the files written.
fn write_output(path: &Path, output: Output) -> std::io::Result<Vec<PathBuf>> {
    match output {
        Output::File(bytes) => {
            crate::document::write_atomic(path, &bytes)?;
            Ok(vec![path.to_path_buf()])
        }
        Output::Files(files) => {
            let stem = path
                .file_stem()
                .map_or_else(|| "export".into(), |s| s.to_string_lossy().into_owned());
            let dir = path.parent().unwrap_or(Path::new("."));
            let mut written = Vec::new();
            for (name, bytes) in files {
                let target = dir.join(format!("{stem}-{name}"));
                crate::document::write_atomic(&target, &bytes)?;
                written.push(target);
            }
            Ok(written)
        }
    }
}
