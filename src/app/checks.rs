//! Keeping the live diagnostics and the recovery file current without holding up the frame
//! after an edit.
//!
//! Checking a roadmap as it would be saved serializes the files that have findings, and the
//! recovery file serializes every edited file: well under a frame for the bundled roadmap, but
//! seconds for a roadmap a hundred times its size. For a large roadmap both run on a worker
//! thread, on a snapshot of the document (a clone, which shares the items: see
//! [`crate::model::Shared`]); their results arrive as messages. One check runs at a time: when
//! it ends and the document has changed meanwhile, the next one starts from the latest state,
//! so a burst of edits costs one check more, not one per edit.

use std::path::PathBuf;

use super::WaymarkApp;
use super::files::Msg;
use crate::document::diagnostics_of;
use crate::history::Version;

/// Up to this many items and links, a roadmap is checked on the UI thread, where the result is
/// there for the very next frame (at most a few milliseconds in a release build).
pub(super) const INLINE_ITEMS: usize = 5_000;

/// The checks and recovery writes running on workers.
#[derive(Default)]
pub(super) struct Checks {
    /// The version of the document the running check is of.
    running: Option<Version>,
    /// Whether a recovery write is running.
    pub(super) writing_recovery: bool,
    /// Whether a save is running.
    pub(super) saving: bool,
    /// A save asked for while one was running: where to and how, once it ends.
    pub(super) next_save: Option<(Option<std::path::PathBuf>, crate::document::SaveOptions)>,
}

impl Checks {
    /// Whether a check is running.
    pub(super) fn is_checking(&self) -> bool {
        self.running.is_some()
    }
}

impl WaymarkApp {
    /// Brings the live diagnostics up to date with the document: now for a small roadmap, on a
    /// worker for a large one.
    pub(super) fn refresh_diagnostics(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.document else { return };
        if doc.roadmap.items.count() <= INLINE_ITEMS {
            self.live_diagnostics = doc.diagnostics();
            return;
        }
        if self.checks.running.is_some() {
            // The running check is of an older state; its end starts the next one.
            return;
        }
        let version = self.history.version();
        self.checks.running = Some(version);
        let mut roadmap = doc.roadmap.clone();
        let files = doc.files.clone();
        let canonical = doc.canonical.clone();
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // Checking takes most of a second at 1000× the bundled roadmap: edits meanwhile
            // change the collections in place rather than copy them.
            roadmap.items.detach();
            let diagnostics = diagnostics_of(&roadmap, &files, &canonical);
            tx.send(Msg::Checked {
                version,
                diagnostics,
            })
            .ok();
            ctx.request_repaint();
        });
    }

    /// A check has ended: its diagnostics are current if the document has not changed since;
    /// otherwise the next check starts.
    pub(super) fn checked(
        &mut self,
        ctx: &egui::Context,
        version: Version,
        diagnostics: Vec<crate::diagnostic::Diagnostic>,
    ) {
        self.checks.running = None;
        if version == self.history.version() {
            self.live_diagnostics = diagnostics;
        } else {
            self.refresh_diagnostics(ctx);
        }
    }

    /// Writes the recovery file of the document as it is now: on the UI thread for a small
    /// roadmap, on a worker for a large one. The result arrives through
    /// [`Self::recovery_written`].
    pub(super) fn write_recovery_file(&mut self, ctx: &egui::Context, dir: PathBuf) {
        let Some(doc) = &self.document else { return };
        if doc.roadmap.items.count() <= INLINE_ITEMS {
            let result = crate::recovery::write_recovery(doc, &dir);
            self.recovery_written(result.map(|w| w.is_some()));
            return;
        }
        if self.checks.writing_recovery {
            return;
        }
        self.checks.writing_recovery = true;
        let snapshot = doc.clone();
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = crate::recovery::write_recovery(&snapshot, &dir).map(|w| w.is_some());
            tx.send(Msg::RecoveryWritten(result)).ok();
            ctx.request_repaint();
        });
    }

    /// A recovery write has ended.
    pub(super) fn recovery_written(&mut self, result: std::io::Result<bool>) {
        self.checks.writing_recovery = false;
        match result {
            Ok(written) => self.files.recovery_written = written,
            Err(e) => {
                self.notice = Some(super::notice::Notice::RecoveryNotWritten(e.to_string()));
            }
        }
    }
}
