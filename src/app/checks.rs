//! Keeping the live diagnostics and the recovery file current without holding up the frame
//! after an edit.
//!
//! Checking a roadmap as it would be saved serializes the files that have findings, and the
//! recovery file serializes every edited file: well under a frame for the bundled roadmap, but
//! seconds for a roadmap a hundred times its size. For a large roadmap both run on a worker
//! thread, on a snapshot of the document (a clone, which shares the items: see
//! [`crate::model::Shared`]); their results arrive as messages. A check starts once edits have
//! paused for [`QUIET`], and one runs at a time: when it ends and the document has changed
//! meanwhile, the next one starts from the latest state once edits pause again, so a burst of
//! edits costs one check, not one per edit.
//!
//! Waiting for a pause also keeps the check off the edits' backs. A worker's first step is to
//! copy the collections of its snapshot (`Items::detach`), which takes a tenth of a second at
//! 1000× the bundled roadmap; an edit made meanwhile would copy the collections it changes as
//! well, on the UI thread. A burst of edits (typing, undoing and redoing) never meets one. An
//! edit that lands while a check is still copying stops it instead ([`WaymarkApp::yield_check`]):
//! its result would be stale anyway, and the next check starts once edits pause again.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::{Duration, Instant};

use super::WaymarkApp;
use super::files::Msg;
use crate::document::diagnostics_of;
use crate::history::Version;

/// Up to this many items and links, a roadmap is checked on the UI thread, where the result is
/// there for the very next frame (at most a few milliseconds in a release build).
pub(super) const INLINE_ITEMS: usize = 5_000;

/// How long edits must pause before a large roadmap's check starts.
pub(super) const QUIET: Duration = Duration::from_millis(400);

/// The checks and recovery writes running on workers.
#[derive(Default)]
pub(super) struct Checks {
    /// The running check.
    running: Option<Running>,
    /// When the next check is to start, once the last edit is [`QUIET`] old (and the running
    /// check, if any, has ended).
    due: Option<Instant>,
    /// Whether a recovery write is running.
    pub(super) writing_recovery: bool,
    /// Whether a save is running.
    pub(super) saving: bool,
    /// A save asked for while one was running: where to and how, once it ends.
    pub(super) next_save: Option<(Option<std::path::PathBuf>, crate::document::SaveOptions)>,
}

/// A check running on a worker.
struct Running {
    /// Set by the UI thread to stop the worker while it copies its snapshot.
    stop: Arc<AtomicBool>,
    /// How far the worker is: [`COPYING`], [`CHECKING`] or [`STOPPED`].
    stage: Arc<AtomicU8>,
}

/// The worker is making its snapshot's collections its own (`Items::detach_unless`).
const COPYING: u8 = 0;
/// The worker's snapshot is its own: edits no longer share anything with it.
const CHECKING: u8 = 1;
/// The worker stopped while copying and let go of its snapshot; it sends no result.
const STOPPED: u8 = 2;

impl Checks {
    /// Whether the diagnostics are being brought up to date: a check is running or due.
    pub(super) fn is_checking(&self) -> bool {
        self.running.is_some() || self.due.is_some()
    }

    /// Whether a check is running on a worker now.
    pub(super) fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

impl WaymarkApp {
    /// Brings the live diagnostics up to date with the document: now for a small roadmap, on a
    /// worker for a large one, once edits pause ([`QUIET`]).
    pub(super) fn refresh_diagnostics(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.document else { return };
        if doc.roadmap.items.count() <= INLINE_ITEMS {
            self.live_diagnostics = doc.diagnostics();
            return;
        }
        self.checks.due = Some(Instant::now() + QUIET);
        ctx.request_repaint_after(QUIET);
    }

    /// Starts the check that is due, if edits have paused long enough and none is running:
    /// called every frame.
    pub(super) fn start_due_check(&mut self, ctx: &egui::Context) {
        let Some(due) = self.checks.due else { return };
        if self.checks.running.is_some() {
            // Its end starts the next one.
            return;
        }
        let now = Instant::now();
        if now < due {
            ctx.request_repaint_after(due - now);
            return;
        }
        self.checks.due = None;
        let Some(doc) = &self.document else { return };
        let version = self.history.version();
        let (stop, stage) = (
            Arc::new(AtomicBool::new(false)),
            Arc::new(AtomicU8::new(COPYING)),
        );
        self.checks.running = Some(Running {
            stop: Arc::clone(&stop),
            stage: Arc::clone(&stage),
        });
        let mut roadmap = doc.roadmap.clone();
        let files = doc.files.clone();
        let canonical = doc.canonical.clone();
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // Checking takes most of a second at 1000× the bundled roadmap: edits meanwhile
            // change the collections in place rather than copy them.
            if !roadmap.items.detach_unless(&stop) {
                drop(roadmap);
                stage.store(STOPPED, Ordering::Release);
                return;
            }
            stage.store(CHECKING, Ordering::Release);
            let diagnostics = diagnostics_of(&roadmap, &files, &canonical);
            tx.send(Msg::Checked {
                version,
                diagnostics,
            })
            .ok();
            ctx.request_repaint();
        });
    }

    /// Before an edit: a check still copying its snapshot is stopped, and waited for until it
    /// has let go of it (the worker looks between slices of its copy, well under a millisecond
    /// apart), so that the edit changes the collections in place. Its result would be of the
    /// state before the edit; the next check starts once edits pause ([`QUIET`]).
    pub(super) fn yield_check(&mut self) {
        let Some(running) = &self.checks.running else {
            return;
        };
        if running.stage.load(Ordering::Acquire) != COPYING {
            return;
        }
        running.stop.store(true, Ordering::Release);
        while running.stage.load(Ordering::Acquire) == COPYING {
            std::thread::yield_now();
        }
        if running.stage.load(Ordering::Acquire) == STOPPED {
            self.checks.running = None;
            self.checks.due = Some(Instant::now() + QUIET);
        }
    }

    /// A check has ended: its diagnostics are current if the document has not changed since;
    /// otherwise the next check starts once edits pause.
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
            // The edits since asked for the next check; it starts once they pause.
            if self.checks.due.is_none() {
                self.checks.due = Some(Instant::now());
            }
            ctx.request_repaint();
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
            let mut snapshot = snapshot;
            // Writing takes seconds at 1000× the bundled roadmap: edits meanwhile change the
            // collections in place rather than copy them.
            snapshot.roadmap.items.detach();
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
