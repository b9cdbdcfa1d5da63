//! Watching a roadmap's files for changes made outside Waymark.
//!
//! The folders of the files are watched, not the files: editors save by writing a new file and
//! renaming it over the old one, which ends a watch on the old file. Events are debounced (an
//! editor's save is several events) on a background thread, which wakes the UI through a
//! callback; the app then calls [`Watcher::poll`] in its frame, which reports only the files
//! whose content differs from the text the document last read or saved. So Waymark's own saves,
//! whose content the document records, are never reported.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};

use crate::document::{Document, read_file};

/// How long the folder must stay quiet before changes are reported.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// Watches the folders of a document's files; see the module docs.
pub struct Watcher {
    /// Kept alive for the watch; dropping it ends the background thread.
    _watcher: notify::RecommendedWatcher,
    /// Files reported changed by the background thread, as the document names them.
    rx: Receiver<PathBuf>,
}

/// The path of `file` in canonical form, where its folder exists.
fn canonical(file: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(file) {
        return p;
    }
    match (file.parent(), file.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            std::fs::canonicalize(dir).map_or_else(|_| file.to_owned(), |d| d.join(name))
        }
        _ => file.to_owned(),
    }
}

/// Whether an event may mean that a file's content changed (reading a file, Waymark's own
/// included, does not).
fn may_change(kind: EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

impl Watcher {
    /// Starts watching the folders of `doc`'s files. `wake` is called from the background
    /// thread when files changed (pass one that calls `ctx.request_repaint()`).
    pub fn new(doc: &Document, wake: Box<dyn Fn() + Send>) -> notify::Result<Self> {
        Self::with_debounce(doc, DEBOUNCE, wake)
    }

    /// [`Self::new`] with another debounce delay.
    pub fn with_debounce(
        doc: &Document,
        debounce: Duration,
        wake: Box<dyn Fn() + Send>,
    ) -> notify::Result<Self> {
        // Events name files under the folder as it was given to the watch: give it canonically
        // and look the files up the same way.
        let files: HashMap<PathBuf, PathBuf> = doc
            .files
            .iter()
            .map(|f| (canonical(&f.path), f.path.clone()))
            .collect();
        let mut dirs: Vec<PathBuf> = files
            .keys()
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        dirs.sort();
        dirs.dedup();
        let (raw_tx, raw_rx) = channel::<notify::Result<Event>>();
        let mut watcher = notify::recommended_watcher(raw_tx)?;
        for dir in &dirs {
            watcher.watch(dir, RecursiveMode::NonRecursive)?;
        }
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name("waymark-watch".into())
            .spawn(move || {
                let collect = |pending: &mut HashSet<PathBuf>, event: notify::Result<Event>| {
                    if let Ok(event) = event
                        && may_change(event.kind)
                    {
                        pending.extend(event.paths.iter().filter_map(|p| files.get(p)).cloned());
                    }
                };
                // Ends when the watcher, and with it the sender, is dropped.
                while let Ok(first) = raw_rx.recv() {
                    let mut pending = HashSet::new();
                    collect(&mut pending, first);
                    let open = loop {
                        match raw_rx.recv_timeout(debounce) {
                            Ok(event) => collect(&mut pending, event),
                            Err(RecvTimeoutError::Timeout) => break true,
                            Err(RecvTimeoutError::Disconnected) => break false,
                        }
                    };
                    if !pending.is_empty() {
                        if pending.into_iter().any(|p| tx.send(p).is_err()) {
                            return;
                        }
                        wake();
                    }
                    if !open {
                        return;
                    }
                }
            })
            .map_err(notify::Error::io)?;
        Ok(Self {
            _watcher: watcher,
            rx,
        })
    }

    /// The files of `doc` changed outside Waymark since the last poll: reported by the watch
    /// and, on disk, different from the text the document last read or saved (or gone). Call it
    /// each frame (it does nothing when no event came), and after a reload or save as well.
    pub fn poll(&self, doc: &Document) -> Vec<PathBuf> {
        let mut seen: Vec<PathBuf> = Vec::new();
        while let Ok(path) = self.rx.try_recv() {
            if !seen.contains(&path) {
                seen.push(path);
            }
        }
        doc.files
            .iter()
            .filter(|f| seen.contains(&f.path))
            .filter(|f| read_file(&f.path).map_or(true, |b| !f.is_on_disk_as(&b)))
            .map(|f| f.path.clone())
            .collect()
    }
}
