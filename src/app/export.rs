//! File ▸ Export…: the export form for the view shown (format, the picture's size), the choice
//! of file through the same dialogs as Save As, and the export itself on a worker thread, its
//! outcome shown in the status bar. The last folder exported to is remembered.

use std::path::{Path, PathBuf};

use super::WaymarkApp;
use super::files::Msg;
use super::notice::Notice;
use crate::action::ExportInput;
use crate::export::{self, Format, Options, Output};
use crate::ui::export::ExportForm;
use crate::ui::file_dialog::Purpose;

/// The export under way, if any, and the form while it is open.
#[derive(Default)]
pub(super) struct ExportState {
    /// The form, while it is open.
    pub(super) form: Option<ExportForm>,
    /// Whether an export is running on a worker.
    pub(super) running: bool,
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

    /// Opens the form with the format last used (a table format where the view has no picture).
    fn open_export_form(&mut self) {
        let pictured = export::PICTURE_VIEWS.contains(&self.prefs.tab);
        let format = match self.prefs.export_format {
            Some(f) if pictured || !f.is_picture() => f,
            _ if pictured => Format::Pdf,
            _ => Format::Xlsx,
        };
        let mut form = ExportForm {
            view: self.prefs.tab,
            format,
            size: None,
        };
        self.measure(&mut form);
        self.export.form = Some(form);
    }

    /// The picture's size in points, for the form's preview.
    fn measure(&self, form: &mut ExportForm) {
        form.size = None;
        if !form.format.is_picture() {
            return;
        }
        if let Some(doc) = &self.document
            && let Ok(scene) = export::picture(doc, &self.export_options(form.format), form.view)
        {
            form.size = Some((scene.width, scene.height));
        }
    }

    /// Carries out a step of the export form.
    pub(super) fn export_input(&mut self, ctx: &egui::Context, input: ExportInput) {
        match input {
            ExportInput::Open => self.open_export_form(),
            ExportInput::SetFormat(format) => {
                if let Some(mut form) = self.export.form.take() {
                    form.format = format;
                    self.measure(&mut form);
                    self.export.form = Some(form);
                }
            }
            ExportInput::ChooseFile => {
                let Some(format) = self.export.form.as_ref().map(|f| f.format) else {
                    return;
                };
                self.prefs.export_format = Some(format);
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
        let options = self.export_options(form.format);
        let options = Options {
            view: form.view,
            ..options
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
