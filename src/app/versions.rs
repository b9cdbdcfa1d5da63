//! Comparing the roadmap here with another version of it: the files as saved, another roadmap
//! file, or a git revision of its folder. The other version is read on a worker; the comparison
//! ([`Versions`]) follows the document and the scenario shown as they change — on the UI thread
//! for a roadmap of ordinary size, on a worker for a large one, the previous result shown
//! meanwhile.

use std::path::{Path, PathBuf};

use super::WaymarkApp;
use super::checks::INLINE_ITEMS;
use super::files::Msg;
use crate::action::Action;
use crate::analysis::scenario::Basis;
use crate::git::Commit;
use crate::history::Version;
use crate::model::Roadmap;
use crate::versions::other::{OtherVersion, Versions};

/// How many commits the list of revisions offers.
const MAX_REVISIONS: usize = 200;

/// The git revisions offered to compare with.
pub(crate) enum Revisions {
    /// Being read.
    Reading,
    /// The newest first, or why they could not be read.
    Read(Result<Vec<Commit>, String>),
}

/// A comparison with another version, from the moment it is asked for.
pub(crate) struct Comparing {
    /// The version compared with.
    pub(crate) other: OtherVersion,
    /// Its roadmap once read, or why it could not be read.
    pub(crate) read: Option<Result<Roadmap, String>>,
    /// The comparison with the document (the latest one made), or why it failed.
    pub(crate) versions: Option<Result<Versions, String>>,
    /// The document's version and the scenario the comparison is of.
    of: Option<(Version, Basis)>,
    /// Whether a comparison is running on a worker.
    running: bool,
    /// The entry file of the roadmap compared.
    entry: PathBuf,
    /// The saved version changed (a save or a reload): read it again.
    reread: bool,
}

/// What the app keeps about comparing versions.
#[derive(Default)]
pub(super) struct VersionState {
    /// The comparison, while one is open.
    pub(super) comparing: Option<Comparing>,
    /// The list of git revisions, while it is open.
    pub(super) revisions: Option<Revisions>,
    /// Counts the comparisons asked for, so that a late answer to an earlier one is dropped.
    generation: u64,
}

impl VersionState {
    /// The roadmap with entry file `entry` was loaded or saved: a comparison of another
    /// roadmap's ends; one with the saved version reads it again.
    pub(super) fn files_changed(&mut self, entry: &Path) {
        match &mut self.comparing {
            Some(c) if c.entry != entry => *self = Self::default(),
            Some(c) => c.reread = c.other == OtherVersion::Saved,
            None => {}
        }
    }
}

impl WaymarkApp {
    /// The comparison with another version, while one is open.
    pub fn version_comparison(&self) -> Option<&Versions> {
        self.versions
            .comparing
            .as_ref()?
            .versions
            .as_ref()?
            .as_ref()
            .ok()
    }

    /// Carries out a comparison action.
    pub(super) fn version_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::CompareVersion(other) => {
                self.versions.revisions = None;
                self.compare_version(ctx, other);
            }
            Action::ChooseVersionFile => self.start_compare_dialog(ctx),
            Action::ListRevisions(true) => self.list_revisions(ctx),
            Action::ListRevisions(false) => self.versions.revisions = None,
            Action::StopComparingVersions => self.versions.comparing = None,
            _ => {}
        }
    }

    /// Starts comparing with `other`: reads it on a worker ([`Msg::VersionRead`]).
    pub(super) fn compare_version(&mut self, ctx: &egui::Context, other: OtherVersion) {
        let Some(doc) = &self.document else { return };
        self.versions.generation += 1;
        let generation = self.versions.generation;
        self.versions.comparing = Some(Comparing {
            other: other.clone(),
            read: None,
            versions: None,
            of: None,
            running: false,
            entry: doc.entry_path().to_path_buf(),
            reread: false,
        });
        let entry = doc.entry_path().to_path_buf();
        let origin = doc.origin;
        let (tx, ctx) = (self.tx.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result = read_version(&other, &entry, origin);
            tx.send(Msg::VersionRead {
                generation,
                result: Box::new(result),
            })
            .ok();
            ctx.request_repaint();
        });
    }

    /// The other version was read: compares it with the document.
    pub(super) fn version_read(
        &mut self,
        ctx: &egui::Context,
        generation: u64,
        result: Result<Roadmap, String>,
    ) {
        if generation != self.versions.generation {
            return;
        }
        if let Some(c) = &mut self.versions.comparing {
            c.read = Some(result);
        }
        self.refresh_versions(ctx);
    }

    /// Brings the comparison up to date with the document and the scenario shown (after either
    /// changed, or the other version was read).
    pub(super) fn refresh_versions(&mut self, ctx: &egui::Context) {
        if self.versions.comparing.as_ref().is_some_and(|c| c.reread) {
            self.compare_version(ctx, OtherVersion::Saved);
        }
        let (Some(doc), Some(c)) = (&self.document, &mut self.versions.comparing) else {
            return;
        };
        let Some(Ok(old)) = &c.read else { return };
        let now = (self.history.version(), self.scenarios.shown.clone());
        if c.of.as_ref() == Some(&now) || c.running {
            // Current, or the running comparison's end starts the next one.
            return;
        }
        let new = doc.roadmap.clone();
        if new.items.count() <= INLINE_ITEMS {
            c.versions = Some(Versions::between(old, &new, &now.1).map_err(|e| e.to_string()));
            c.of = Some(now);
            return;
        }
        c.running = true;
        let (old, generation) = (old.clone(), self.versions.generation);
        let (tx, ctx) = (self.tx.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result = Versions::between(&old, &new, &now.1).map_err(|e| e.to_string());
            tx.send(Msg::VersionsCompared {
                generation,
                of: now,
                result: Box::new(result),
            })
            .ok();
            ctx.request_repaint();
        });
    }

    /// A comparison on a worker has ended: shown, and another started when the document or
    /// the scenario changed meanwhile.
    pub(super) fn versions_compared(
        &mut self,
        ctx: &egui::Context,
        generation: u64,
        of: (Version, Basis),
        result: Result<Versions, String>,
    ) {
        if generation != self.versions.generation {
            return;
        }
        if let Some(c) = &mut self.versions.comparing {
            c.running = false;
            c.versions = Some(result);
            c.of = Some(of);
        }
        self.refresh_versions(ctx);
    }

    /// Reads the roadmap folder's git log on a worker ([`Msg::RevisionsRead`]).
    fn list_revisions(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.document else { return };
        if doc.is_bundled() {
            return;
        }
        self.versions.revisions = Some(Revisions::Reading);
        let folder = folder_of(doc.entry_path());
        let (tx, ctx) = (self.tx.clone(), ctx.clone());
        std::thread::spawn(move || {
            let result = crate::git::log(&folder, MAX_REVISIONS).map_err(|e| e.to_string());
            tx.send(Msg::RevisionsRead(result)).ok();
            ctx.request_repaint();
        });
    }
}

/// The folder a roadmap's entry file is in.
fn folder_of(entry: &Path) -> PathBuf {
    entry
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Reads the other version of the roadmap whose entry file is `entry`.
fn read_version(
    other: &OtherVersion,
    entry: &Path,
    origin: crate::document::Origin,
) -> Result<Roadmap, String> {
    let opened = match other {
        OtherVersion::Saved => crate::document::open(origin.file_system(), entry),
        OtherVersion::File(path) => crate::document::open(&crate::document::Disk, path),
        OtherVersion::Revision { rev, .. } => {
            let revision = crate::git::Revision::new(rev, entry).map_err(|e| e.to_string())?;
            crate::document::open(&revision, entry)
        }
    };
    opened
        .map(|doc| doc.roadmap)
        .map_err(|e| super::apply::errors_text(&e))
}
