//! Files: loading off the UI thread, saving, recovery files and watching the roadmap's folder for
//! changes made outside Waymark. Choosing a file is in [`super::picker`].

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::dialogs::{Dialog, Differences};
use super::{MAX_RECENT, WaymarkApp};
use crate::analysis::derived::Derived;
use crate::diagnostic::Diagnostic;
use crate::document::{Disk, Document, SaveError, SaveOptions, open, save, save_as};
use crate::history::History;
use crate::ui::file_dialog::{FileDialogState, Purpose};
use crate::watch::Watcher;

/// How often unsaved edits are written to the recovery file.
const RECOVERY_INTERVAL: Duration = Duration::from_secs(5);

/// What an unsaved-changes dialog was about to do when the user chose to save first.
pub(super) enum AfterSave {
    /// Close the window.
    Close,
    /// Open this roadmap (`None`: the bundled one).
    Open(Option<PathBuf>),
}

/// What a background job reports.
pub(super) enum Msg {
    /// A roadmap finished loading; `keep_selection` for a reload of the same roadmap.
    Loaded {
        path: Option<PathBuf>,
        result: Result<Box<Document>, Vec<Diagnostic>>,
    },
    /// The system's open dialog closed.
    PickedOpen(Option<PathBuf>),
    /// The system's save dialog closed.
    PickedSaveAs(Option<PathBuf>),
    /// The system's dialog could not be shown (it returned at once, with nothing).
    NoNativeDialog(Purpose),
    /// A comparison asked for by a dialog finished: the items that differ, or why it failed.
    Compared(Result<Vec<crate::analysis::diff::Difference>, String>),
}

/// File-related state of the app.
pub(super) struct Files {
    pub(super) recovery_dir: Option<PathBuf>,
    last_recovery: Option<Instant>,
    watcher: Option<Watcher>,
    /// Whether Open and Save As try the system's file dialog first.
    pub(super) native_dialogs: bool,
    /// Waymark's own file dialog, while it is open.
    pub(super) file_dialog: Option<FileDialogState>,
}

impl Files {
    pub(super) fn new(recovery_dir: Option<PathBuf>, native_dialogs: bool) -> Self {
        Self {
            recovery_dir,
            last_recovery: None,
            watcher: None,
            native_dialogs,
            file_dialog: None,
        }
    }
}

/// Loads the roadmap at `path`, or the bundled one.
pub(super) fn load(path: Option<&Path>) -> Result<Box<Document>, Vec<Diagnostic>> {
    let result = match path {
        Some(p) => open(&Disk, p),
        None => crate::bundled::open(),
    };
    result.map(Box::new).map_err(|e| e.diagnostics)
}

impl WaymarkApp {
    pub(super) fn finish_load(
        &mut self,
        path: Option<PathBuf>,
        result: Result<Box<Document>, Vec<Diagnostic>>,
    ) {
        self.loading = false;
        match result {
            Ok(doc) => {
                let doc = *doc;
                if let Some(p) = &path {
                    self.prefs.recent.retain(|r| r != p);
                    self.prefs.recent.insert(0, p.clone());
                    self.prefs.recent.truncate(MAX_RECENT);
                }
                // Keep the selection when the item still exists (a reload keeps it).
                if self
                    .selection
                    .as_ref()
                    .is_some_and(|s| !doc.roadmap.contains(s))
                {
                    self.selection = None;
                }
                self.bundled = path.is_none();
                self.derived = Some(Derived::compute(&doc.roadmap, self.inputs()));
                self.live_diagnostics.clone_from(&doc.warnings);
                self.document = Some(doc);
                // Opening or reloading is not an undoable step.
                self.history = History::new();
                self.files.watcher = None;
                self.load_errors.clear();
                self.failed_path = None;
            }
            Err(diagnostics) => {
                self.failed_path = Some(path.map_or_else(
                    || crate::bundled::ENTRY.to_owned(),
                    |p| p.display().to_string(),
                ));
                self.load_errors = diagnostics;
                self.show_diagnostics = true;
            }
        }
        self.update_title();
    }

    pub(super) fn start_load(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        self.loading = true;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = load(path.as_deref());
            tx.send(Msg::Loaded { path, result }).ok();
            ctx.request_repaint();
        });
    }

    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        while let Ok(msg) = self.rx.try_recv() {
            match msg {
                Msg::Loaded { path, result } => {
                    self.finish_load(path, result);
                    ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title.clone()));
                }
                Msg::PickedOpen(path) => self.picked_open(ctx, path),
                Msg::PickedSaveAs(path) => self.picked_save_as(ctx, path),
                Msg::NoNativeDialog(purpose) => self.no_native_dialog(ctx, purpose),
                Msg::Compared(result) => {
                    if let Some(
                        Dialog::ChangedOnDisk { differences, .. }
                        | Dialog::Restore { differences, .. },
                    ) = &mut self.dialog
                    {
                        *differences = Some(Differences::Done(result));
                    }
                }
            }
        }
    }

    /// After a save asked for by an unsaved-changes dialog: closes the window or opens the other
    /// roadmap when the save left nothing unsaved; otherwise (it failed) does nothing more.
    pub(super) fn continue_after_save(&mut self, ctx: &egui::Context) {
        let Some(next) = self.after_save.take() else {
            return;
        };
        if self.history.is_dirty() {
            return;
        }
        match next {
            AfterSave::Open(path) => self.start_load(ctx, path),
            AfterSave::Close => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Saves to the document's own files (`target` `None`) or to a new entry file.
    pub(super) fn save_to(&mut self, target: Option<PathBuf>, options: SaveOptions) {
        let lang = self.prefs.lang;
        let Some(doc) = self.document.as_mut() else {
            return;
        };
        let old_entry = doc.entry_path().to_path_buf();
        let result = match &target {
            Some(path) => save_as(doc, path, options),
            None => save(doc, options),
        };
        match result {
            Ok(report) => {
                self.history.mark_saved();
                self.bundled = false;
                self.files.watcher = None;
                if let Some(dir) = &self.files.recovery_dir {
                    crate::recovery::discard(&old_entry, dir).ok();
                }
                if let Some(path) = target {
                    self.prefs.recent.retain(|r| r != &path);
                    self.prefs.recent.insert(0, path);
                }
                self.notice = Some(format!(
                    "{} {}",
                    lang.pick("保存しました：", "Saved:"),
                    report.written.len()
                ));
            }
            Err(SaveError::ChangedOnDisk(paths)) => {
                self.dialog = Some(Dialog::ChangedOnDisk {
                    paths,
                    saving: true,
                    differences: None,
                });
            }
            Err(SaveError::Invalid(diagnostics)) => {
                self.live_diagnostics = diagnostics;
                self.show_diagnostics = true;
                self.notice = Some(
                    lang.pick(
                        "エラーがあるため保存できません（診断を参照）",
                        "Not saved: the roadmap has errors (see diagnostics)",
                    )
                    .to_owned(),
                );
            }
            Err(e) => self.dialog = Some(Dialog::SaveFailed(e.to_string())),
        }
        self.update_title();
    }

    /// Offers to restore unsaved edits left by a crash.
    pub(super) fn offer_recovery(&mut self) {
        let (Some(doc), Some(dir)) = (&self.document, &self.files.recovery_dir) else {
            return;
        };
        if let Some(recovery) = crate::recovery::find_recovery(doc.entry_path(), dir) {
            self.dialog = Some(Dialog::Restore {
                recovery: Box::new(recovery),
                differences: None,
            });
        }
    }

    /// Writes the recovery file every few seconds while there are unsaved edits, and reacts to
    /// changes made outside Waymark.
    pub(super) fn tick_files(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.document else { return };
        if let Some(dir) = &self.files.recovery_dir
            && self.history.is_dirty()
        {
            let due = self
                .files
                .last_recovery
                .is_none_or(|t| t.elapsed() >= RECOVERY_INTERVAL);
            if due {
                if let Err(e) = crate::recovery::write_recovery(doc, dir) {
                    self.notice = Some(format!(
                        "{}: {e}",
                        self.prefs
                            .lang
                            .pick("復旧ファイルを書けません", "Cannot write the recovery file")
                    ));
                }
                self.files.last_recovery = Some(Instant::now());
            }
            ctx.request_repaint_after(RECOVERY_INTERVAL);
        }
        if self.bundled {
            return;
        }
        if self.files.watcher.is_none() {
            let ctx = ctx.clone();
            self.files.watcher = Watcher::new(doc, Box::new(move || ctx.request_repaint())).ok();
        }
        let changed = self
            .files
            .watcher
            .as_ref()
            .map(|w| w.poll(doc))
            .unwrap_or_default();
        if changed.is_empty() || self.dialog.is_some() {
            return;
        }
        if self.history.is_dirty() {
            self.dialog = Some(Dialog::ChangedOnDisk {
                paths: changed,
                saving: false,
                differences: None,
            });
        } else {
            // Nothing of ours to lose: reload, keeping the selection.
            let path = doc.entry_path().to_path_buf();
            self.notice = Some(
                self.prefs
                    .lang
                    .pick(
                        "外部で変更されたため再読み込みしました",
                        "Reloaded after a change outside Waymark",
                    )
                    .to_owned(),
            );
            self.start_load(ctx, Some(path));
        }
    }
}
