//! Files: loading off the UI thread, recovery files and watching the roadmap's folder for changes
//! made outside Waymark. Saving is in [`super::save`], choosing a file in [`super::picker`].

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::dialogs::{Dialog, Differences};
use super::notice::Notice;
use super::{MAX_RECENT, WaymarkApp};
use crate::analysis::derived::Derived;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Place};
use crate::history::{History, Version};
use crate::recovery::RoadmapKey;
use crate::ui::file_dialog::{FileDialogState, Purpose};
use crate::watch::Watcher;

/// How often unsaved edits are written to the recovery file.
const RECOVERY_INTERVAL: Duration = Duration::from_secs(5);

/// What an unsaved-changes dialog was about to do when the user chose to save first.
pub(super) enum AfterSave {
    /// Close the window.
    Close,
    /// Open this roadmap.
    Open(Place),
}

/// Why a roadmap is being loaded.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum LoadReason {
    /// The user opened it (or chose to reload it, discarding the edits here).
    Open,
    /// Its files changed outside Waymark (these ones) while there were no edits here.
    Reload(Vec<PathBuf>),
}

/// A load under way: the only one whose result is taken ([`Msg::Loaded`] with another
/// generation is stale), and the state of the document when it started, so that a load
/// finishing after the user went on editing never replaces their work.
struct PendingLoad {
    generation: u64,
    place: Place,
    reason: LoadReason,
    version: Version,
}

/// What a background job reports.
pub(super) enum Msg {
    /// A roadmap finished loading (the load numbered `generation`).
    Loaded {
        generation: u64,
        result: Result<Box<Document>, Vec<Diagnostic>>,
    },
    /// The system's open dialog closed.
    PickedOpen(Option<PathBuf>),
    /// The system's save dialog closed.
    PickedSaveAs(Option<PathBuf>),
    /// The system's dialog choosing where to export closed.
    PickedExport(Option<PathBuf>),
    /// An export on a worker has ended: the files written, or why it failed.
    Exported(Result<Vec<PathBuf>, String>),
    /// The export form's picture was measured (for the measurement numbered `generation`;
    /// `None`: it has no picture).
    Measured {
        generation: u64,
        size: Option<crate::ui::export::PictureSize>,
    },
    /// The system's dialog could not be shown (it returned at once, with nothing).
    NoNativeDialog(Purpose),
    /// The system's dialog choosing a roadmap to compare with closed.
    PickedCompare(Option<PathBuf>),
    /// A comparison asked for by a dialog finished: what differs, or why it failed.
    Compared(Result<Box<crate::versions::other::Versions>, String>),
    /// The other version of a comparison was read (for the comparison numbered `generation`).
    VersionRead {
        generation: u64,
        result: Box<Result<crate::model::Roadmap, String>>,
    },
    /// A comparison with another version ended on a worker.
    VersionsCompared {
        generation: u64,
        of: (Version, crate::analysis::scenario::Basis),
        result: Box<Result<crate::versions::other::Versions, String>>,
    },
    /// The git revisions of the roadmap's folder were read.
    RevisionsRead(Result<Vec<crate::git::Commit>, String>),
    /// Derived data computed on a worker ([`super::derive`]), of the state numbered `state`.
    Derived { state: u64, derived: Box<Derived> },
    /// A check on a worker has ended ([`super::checks`]).
    Checked {
        version: Version,
        diagnostics: Vec<Diagnostic>,
    },
    /// A recovery write on a worker has ended: whether a file was written.
    RecoveryWritten(std::io::Result<bool>),
    /// A save on a worker has ended.
    Saved(Box<super::save::Saved>),
}

/// File-related state of the app.
pub(super) struct Files {
    pub(super) recovery_dir: Option<PathBuf>,
    last_recovery: Option<Instant>,
    /// Whether a recovery file of ours for the open roadmap is on disk.
    pub(super) recovery_written: bool,
    /// Whether the open roadmap's recovery file has been offered (or found absent): until then
    /// none is written, so an earlier run's edits are never overwritten unseen.
    recovery_offered: bool,
    /// The state of the document whose edits the user discarded: no recovery file is written
    /// for it (it would bring back what was thrown away).
    discarded: Option<Version>,
    pub(super) watcher: Option<Watcher>,
    /// Files changed outside Waymark, not yet acted on (a dialog was open, or a load under way).
    changed_outside: Vec<PathBuf>,
    /// How many loads were started.
    generation: u64,
    pending: Option<PendingLoad>,
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
            recovery_written: false,
            recovery_offered: false,
            discarded: None,
            watcher: None,
            changed_outside: Vec::new(),
            generation: 0,
            pending: None,
            native_dialogs,
            file_dialog: None,
        }
    }

    /// Whether a roadmap is being loaded in the background.
    pub(super) fn is_loading(&self) -> bool {
        self.pending.is_some()
    }
}

/// Loads the roadmap at `place`.
pub(super) fn load(place: &Place) -> Result<Box<Document>, Vec<Diagnostic>> {
    place.open().map(Box::new).map_err(|e| e.diagnostics)
}

impl WaymarkApp {
    /// Takes the result of the load numbered `generation`: a stale one (another load started
    /// since) is dropped, and one that finishes after the user went on editing does not replace
    /// their work but asks first.
    pub(super) fn take_loaded(
        &mut self,
        generation: u64,
        result: Result<Box<Document>, Vec<Diagnostic>>,
    ) {
        let Some(pending) = self.files.pending.take_if(|p| p.generation == generation) else {
            return;
        };
        if result.is_ok() && self.history.is_dirty() && self.history.version() != pending.version {
            // Edited while loading: nothing is replaced; the user decides as for any change.
            self.dialog = Some(match pending.reason {
                LoadReason::Reload(paths) => Dialog::ChangedOnDisk {
                    paths,
                    saving: false,
                    differences: None,
                },
                LoadReason::Open => Dialog::UnsavedOnOpen(pending.place),
            });
            return;
        }
        self.finish_load(&pending.place, result);
    }

    /// Replaces the document with the one loaded from `place`, or shows why it could not be
    /// loaded while the last good one stays open.
    pub(super) fn finish_load(
        &mut self,
        place: &Place,
        result: Result<Box<Document>, Vec<Diagnostic>>,
    ) {
        match result {
            Ok(doc) => {
                let doc = *doc;
                let same_roadmap = self
                    .document
                    .as_ref()
                    .is_some_and(|d| d.entry_path() == doc.entry_path());
                if !same_roadmap {
                    self.trail.clear();
                }
                self.prefs.last_opened = Some(super::Opened::of(place));
                if let Place::File(p) = &place {
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
                self.live_diagnostics.clone_from(&doc.warnings);
                self.versions.files_changed(doc.entry_path());
                self.document = Some(doc);
                // The scenario shown stays when the roadmap still has it (a reload).
                self.refresh_scenario();
                // Another roadmap (or a reload): its own layout at once, never the last one's.
                self.derived = None;
                self.rederive();
                // Opening or reloading is not an undoable step.
                self.history = History::new();
                self.files.watcher = None;
                self.files.changed_outside.clear();
                self.files.recovery_written = false;
                self.files.recovery_offered = false;
                self.files.discarded = None;
                self.load_errors.clear();
                self.failed_path = None;
                self.offer_recovery();
            }
            Err(diagnostics) => {
                self.failed_path = Some(place.display());
                self.load_errors = diagnostics;
                self.show_diagnostics = true;
            }
        }
        self.update_title();
    }

    pub(super) fn start_load(&mut self, ctx: &egui::Context, place: Place) {
        self.start_load_for(ctx, place, LoadReason::Open);
    }

    /// Loads the roadmap at `place` off the UI thread; its result arrives as
    /// [`Msg::Loaded`] and replaces any load under way.
    fn start_load_for(&mut self, ctx: &egui::Context, place: Place, reason: LoadReason) {
        self.files.generation += 1;
        let generation = self.files.generation;
        self.files.pending = Some(PendingLoad {
            generation,
            place: place.clone(),
            reason,
            version: self.history.version(),
        });
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = load(&place);
            tx.send(Msg::Loaded { generation, result }).ok();
            ctx.request_repaint();
        });
    }

    /// Whether the open document is the copy bundled in the binary (saved only with Save As).
    pub(super) fn is_bundled(&self) -> bool {
        self.document.as_ref().is_some_and(Document::is_bundled)
    }

    /// Forgets the open document's unsaved edits for good, as the user chose: removes its
    /// recovery file and writes none for this state, so they never come back.
    pub(super) fn discard_recovery(&mut self) {
        let Some(doc) = &self.document else { return };
        if let Some(dir) = &self.files.recovery_dir
            && let Err(e) = crate::recovery::discard(&RoadmapKey::of(doc), dir)
        {
            self.notice = Some(Notice::RecoveryNotRemoved(e.to_string()));
        }
        self.files.recovery_written = false;
        self.files.discarded = Some(self.history.version());
    }

    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        while let Ok(msg) = self.rx.try_recv() {
            match msg {
                Msg::Loaded { generation, result } => self.take_loaded(generation, result),
                Msg::PickedOpen(path) => self.picked_open(ctx, path),
                Msg::PickedSaveAs(path) => self.picked_save_as(ctx, path),
                Msg::PickedCompare(path) => self.picked_compare(ctx, path),
                Msg::VersionRead { generation, result } => {
                    self.version_read(ctx, generation, *result);
                }
                Msg::VersionsCompared {
                    generation,
                    of,
                    result,
                } => self.versions_compared(ctx, generation, of, *result),
                Msg::RevisionsRead(result) => {
                    if self.versions.revisions.is_some() {
                        self.versions.revisions = Some(super::versions::Revisions::Read(result));
                    }
                }
                Msg::PickedExport(path) => self.picked_export(ctx, path),
                Msg::Exported(result) => self.exported(result),
                Msg::Measured { generation, size } => self.measured(generation, size),
                Msg::NoNativeDialog(purpose) => self.no_native_dialog(ctx, purpose),
                Msg::Checked {
                    version,
                    diagnostics,
                } => self.checked(ctx, version, diagnostics),
                Msg::RecoveryWritten(result) => self.recovery_written(result),
                Msg::Derived { state, derived } => self.derived_arrived(state, *derived),
                Msg::Saved(saved) => self.finish_save(ctx, *saved),
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

    /// Moves a recovery file that cannot be restored out of the way (beside it, renamed), so that
    /// the next edits' recovery file never replaces it; returns where it went.
    pub(super) fn set_aside_recovery(
        &mut self,
        recovery: &crate::recovery::Recovery,
    ) -> Option<PathBuf> {
        let dir = self.files.recovery_dir.as_ref()?;
        let from = crate::recovery::recovery_path(&recovery.key(), dir);
        let to = from.with_extension(format!("unrestored-{}.json", recovery.written_unix_s));
        std::fs::rename(&from, &to).ok()?;
        self.files.recovery_written = false;
        Some(to)
    }

    /// Offers to restore unsaved edits left by a crash (or any earlier run) of the open roadmap,
    /// once no other dialog is open; until then no recovery file is written.
    pub(super) fn offer_recovery(&mut self) {
        if self.files.recovery_offered || self.dialog.is_some() {
            return;
        }
        let Some(doc) = &self.document else { return };
        self.files.recovery_offered = true;
        let Some(dir) = &self.files.recovery_dir else {
            return;
        };
        if let Some(recovery) = crate::recovery::find_recovery(&RoadmapKey::of(doc), dir) {
            let changed_since = recovery.changed_on_disk_since();
            self.dialog = Some(Dialog::Restore {
                recovery: Box::new(recovery),
                changed_since,
                differences: None,
            });
        }
    }

    /// Keeps the recovery file current: written every few seconds while there are unsaved
    /// edits (unless the user discarded this state), removed once nothing is unsaved.
    fn tick_recovery(&mut self, ctx: &egui::Context) {
        self.offer_recovery();
        let (Some(doc), Some(dir)) = (&self.document, self.files.recovery_dir.clone()) else {
            return;
        };
        if !self.files.recovery_offered {
            return;
        }
        let unsaved =
            self.history.is_dirty() && self.files.discarded != Some(self.history.version());
        if unsaved {
            let due = self
                .files
                .last_recovery
                .is_none_or(|t| t.elapsed() >= RECOVERY_INTERVAL);
            if due {
                self.write_recovery_file(ctx, dir);
                self.files.last_recovery = Some(Instant::now());
            }
            ctx.request_repaint_after(RECOVERY_INTERVAL);
        } else if self.files.recovery_written && !self.history.is_dirty() {
            // Undone back to the saved state: nothing is left to recover.
            if crate::recovery::discard(&RoadmapKey::of(doc), &dir).is_ok() {
                self.files.recovery_written = false;
            }
        }
    }

    /// Writes the recovery file every few seconds while there are unsaved edits, and reacts to
    /// changes made outside Waymark: once no dialog is open and no load is under way, it reloads
    /// when there are no edits here and otherwise asks.
    pub(super) fn tick_files(&mut self, ctx: &egui::Context) {
        self.tick_recovery(ctx);
        let Some(doc) = &self.document else { return };
        if doc.is_bundled() {
            return;
        }
        if self.files.watcher.is_none() {
            let ctx = ctx.clone();
            self.files.watcher = Watcher::new(doc, Box::new(move || ctx.request_repaint())).ok();
        }
        if self.checks.saving {
            // Our own save is writing the files; the watcher starts afresh once it has.
            return;
        }
        let changed = self
            .files
            .watcher
            .as_ref()
            .map(|w| w.poll(doc))
            .unwrap_or_default();
        for path in changed {
            if !self.files.changed_outside.contains(&path) {
                self.files.changed_outside.push(path);
            }
        }
        if self.files.changed_outside.is_empty() || self.files.is_loading() {
            return;
        }
        match &mut self.dialog {
            // Already asking about outside changes: these join the list.
            Some(Dialog::ChangedOnDisk { paths, .. }) => {
                for path in self.files.changed_outside.drain(..) {
                    if !paths.contains(&path) {
                        paths.push(path);
                    }
                }
                return;
            }
            // Another question first; these wait for it.
            Some(_) => return,
            None => {}
        }
        let paths = std::mem::take(&mut self.files.changed_outside);
        if self.history.is_dirty() {
            self.dialog = Some(Dialog::ChangedOnDisk {
                paths,
                saving: false,
                differences: None,
            });
        } else {
            // Nothing of ours to lose: reload, keeping the selection.
            let path = doc.entry_path().to_path_buf();
            self.notice = Some(Notice::Reloaded);
            self.start_load_for(ctx, Place::File(path), LoadReason::Reload(paths));
        }
    }
}
