//! Saving: Save and Save As of the document, on a worker past a few thousand items, and what
//! follows a save (the recovery file discarded, the folder watched afresh, a save asked for
//! meanwhile started, the dialog that asked for the save carried on).

use std::path::PathBuf;

use super::WaymarkApp;
use super::dialogs::Dialog;
use super::files::{AfterSave, Msg};
use super::notice::Notice;
use crate::document::{Document, SaveError, SaveOptions, save, save_as};
use crate::history::Version;
use crate::recovery::RoadmapKey;

/// The outcome of a save, for [`WaymarkApp::finish_save`].
pub(super) struct Saved {
    /// The state of the document saved.
    version: Version,
    /// The new entry file of a Save As.
    target: Option<PathBuf>,
    /// The recovery file of the document before the save.
    old_key: RoadmapKey,
    result: Result<crate::document::SaveReport, SaveError>,
    /// The snapshot a worker saved (`None` when the document itself was saved).
    snapshot: Option<Box<Document>>,
}

impl WaymarkApp {
    /// After a save asked for by an unsaved-changes dialog: closes the window or opens the other
    /// roadmap when the save left nothing unsaved; otherwise (it failed) does nothing more.
    pub(super) fn continue_after_save(&mut self, ctx: &egui::Context) {
        if self.checks.saving {
            // A save on a worker calls this again when it ends.
            return;
        }
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

    /// Saves to the document's own files (`target` `None`) or to a new entry file: on the UI
    /// thread for a small roadmap, on a worker for a large one ([`super::checks::INLINE_ITEMS`]),
    /// where the window keeps drawing and the document stays editable; edits made meanwhile stay
    /// unsaved. The result goes to [`Self::finish_save`].
    pub(super) fn save_to(
        &mut self,
        ctx: &egui::Context,
        target: Option<PathBuf>,
        options: SaveOptions,
    ) {
        if self.checks.saving {
            // One save at a time: this one follows the running one, and writes what was edited
            // meanwhile.
            self.checks.next_save = Some((target, options));
            return;
        }
        let Some(doc) = self.document.as_mut() else {
            return;
        };
        let old_key = RoadmapKey::of(doc);
        let version = self.history.version();
        if doc.roadmap.items.count() > super::checks::INLINE_ITEMS {
            self.checks.saving = true;
            let mut snapshot = doc.clone();
            let tx = self.tx.clone();
            let ctx = ctx.clone();
            std::thread::spawn(move || {
                // Edits made while it saves change the collections in place (see
                // `Items::detach`).
                snapshot.roadmap.items.detach();
                let result = match &target {
                    Some(path) => save_as(&mut snapshot, path, options),
                    None => save(&mut snapshot, options),
                };
                let saved = Saved {
                    version,
                    target,
                    old_key,
                    result,
                    snapshot: Some(Box::new(snapshot)),
                };
                tx.send(Msg::Saved(Box::new(saved))).ok();
                ctx.request_repaint();
            });
            return;
        }
        let result = match &target {
            Some(path) => save_as(doc, path, options),
            None => save(doc, options),
        };
        self.finish_save(
            ctx,
            Saved {
                version,
                target,
                old_key,
                result,
                snapshot: None,
            },
        );
    }

    /// A save has ended: on success the document knows its files as saved and the history the
    /// state saved (later edits stay unsaved); then what was waiting for the save goes on.
    pub(super) fn finish_save(&mut self, ctx: &egui::Context, saved: Saved) {
        self.checks.saving = false;
        let lang = self.prefs.lang;
        let Saved {
            version,
            target,
            old_key,
            result,
            snapshot,
        } = saved;
        let next = self.checks.next_save.take().filter(|_| result.is_ok());
        match result {
            Ok(report) => {
                if let (Some(doc), Some(snapshot)) = (self.document.as_mut(), snapshot) {
                    // The worker saved a snapshot: take over what saving changed in it.
                    let snapshot = *snapshot;
                    doc.files = snapshot.files;
                    doc.warnings = snapshot.warnings;
                    doc.origin = snapshot.origin;
                    if let (Some(file), Some(saved_file)) = (
                        doc.roadmap.files.first_mut(),
                        snapshot.roadmap.files.first(),
                    ) {
                        file.name.clone_from(&saved_file.name);
                    }
                }
                self.history.mark_saved_at(version);
                if let Some(doc) = &self.document {
                    self.versions.files_changed(doc.entry_path());
                }
                self.files.watcher = None;
                if let Some(dir) = &self.files.recovery_dir {
                    // Saved: the edits are in the files now (a failure to remove leaves a
                    // recovery file that is offered again, never lost work).
                    crate::recovery::discard(&old_key, dir).ok();
                }
                self.files.recovery_written = false;
                if let Some(path) = target {
                    self.prefs.last_opened = Some(super::Opened::File(path.clone()));
                    self.prefs.recent.retain(|r| r != &path);
                    self.prefs.recent.insert(0, path);
                }
                self.notice = Some(Notice::Saved {
                    files: report.written.len(),
                });
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
                self.notice = Some(Notice::NotSavedErrors);
            }
            Err(e) => self.dialog = Some(Dialog::SaveFailed(e.message(lang))),
        }
        self.update_title();
        // A save asked for meanwhile follows a successful one; after a failure the user, told
        // of it, decides again.
        if let Some((target, options)) = next {
            self.save_to(ctx, target, options);
        }
        self.continue_after_save(ctx);
    }
}
