//! Opening a roadmap as a whole: parse, validate, and refuse a roadmap with errors; saving it
//! back, atomically, file by file.
//!
//! A [`Document`] remembers the text of each file as last read or saved. [`save`] writes only
//! the files whose canonical text differs from it (so unchanged items keep their bytes), each
//! through a temporary file in the same folder that is flushed to disk and renamed over the
//! old one, after keeping the old one as `NAME.bak`. It refuses a roadmap with errors, and a
//! file that was changed outside since it was read ([`changed_on_disk`]), unless told to
//! overwrite it. A save that fails names the file and leaves the roadmap in memory as it was;
//! every new version is staged in a temporary file before any file is replaced, so a full disk, a
//! missing folder or a permission problem stops it before anything on disk changes.
//!
//! A save never writes outside the roadmap's folder and never replaces a symbolic link with a
//! file ([`links`]); a file that began with a byte-order mark is written back with one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::{check, validate};
use crate::diagnostic::Diagnostic;
use crate::model::{
    FileSystem, LeavesFolder, LoadError, MAX_FILE_BYTES, ParsedFile, Roadmap, Shared,
    leaves_folder, parse_roadmap,
};

mod atomic;
mod canonical;
mod disk;
mod links;
mod message;

pub use atomic::{backup_path, write_atomic};
use atomic::{folder_of, stage, stage_like, sync_dir};
pub use canonical::CanonicalTexts;
pub use disk::{Disk, read_file, read_regular};
pub use links::write_path;

/// Where a document's files live.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// On disk, at the files' paths.
    #[default]
    Disk,
    /// In the binary ([`crate::bundled`]): read-only, saved only with Save As, after which the
    /// document is on disk.
    Bundled,
}

impl Origin {
    /// The file system the document's files are read from.
    pub fn file_system(self) -> &'static dyn FileSystem {
        match self {
            Origin::Disk => &Disk,
            Origin::Bundled => &crate::bundled::Bundled,
        }
    }
}

/// Where a roadmap is opened from: one of the roadmaps bundled in the binary (by its entry
/// file's name there, one of [`crate::bundled::ROADMAPS`]), or an entry file on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A bundled roadmap.
    Bundled(&'static str),
    /// An entry file on disk.
    File(PathBuf),
}

impl Place {
    /// The first bundled roadmap, opened when no file is named.
    pub fn default_bundled() -> Self {
        Place::Bundled(crate::bundled::ENTRY)
    }

    /// Opens the roadmap here.
    pub fn open(&self) -> Result<Document, LoadError> {
        match self {
            Place::Bundled(entry) => crate::bundled::open_entry(entry),
            Place::File(path) => open(&Disk, path),
        }
    }

    /// How the place is named to the user: the path, or the bundled entry's name.
    pub fn display(&self) -> String {
        match self {
            Place::Bundled(entry) => (*entry).to_owned(),
            Place::File(path) => path.display().to_string(),
        }
    }
}

/// A loaded, valid roadmap with its files' texts and any warnings.
#[derive(Clone, Debug)]
pub struct Document {
    /// The roadmap.
    pub roadmap: Roadmap,
    /// The files as read, in [`crate::model::FileId`] order; shared, like the items, by the
    /// snapshots that save and check the document on other threads.
    pub files: Shared<ParsedFile>,
    /// Warnings (a document with errors is never opened).
    pub warnings: Vec<Diagnostic>,
    /// Where the files live.
    pub origin: Origin,
    /// The text each file would be saved with, kept until an edit changes the file; shared
    /// with the document's snapshots.
    pub canonical: CanonicalTexts,
}

impl Document {
    /// The path of the entry file.
    pub fn entry_path(&self) -> &Path {
        &self.files[0].path
    }

    /// Whether this is the copy bundled in the binary.
    pub fn is_bundled(&self) -> bool {
        self.origin == Origin::Bundled
    }
}

/// Parses and validates the roadmap whose entry file is `entry`. Fails with every diagnostic when
/// there is any error, so that a broken roadmap is never half-loaded.
pub fn open(fs: &dyn FileSystem, entry: &Path) -> Result<Document, LoadError> {
    open_from(fs, entry, Origin::Disk)
}

/// [`open`], for a document whose files live at `origin` (read through `fs`).
pub fn open_from(fs: &dyn FileSystem, entry: &Path, origin: Origin) -> Result<Document, LoadError> {
    let parsed = parse_roadmap(fs, entry)?;
    let diagnostics = validate(&parsed.roadmap, &parsed.files);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics });
    }
    Ok(Document {
        roadmap: parsed.roadmap,
        files: parsed.files.into(),
        warnings: diagnostics,
        origin,
        canonical: CanonicalTexts::default(),
    })
}

/// How to save.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveOptions {
    /// Overwrite files that were changed outside Waymark since they were read (after the user
    /// chose to keep their own version). Their previous contents still go to the backup.
    pub overwrite_outside_changes: bool,
}

/// What a save did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveReport {
    /// The files written, in file order.
    pub written: Vec<PathBuf>,
    /// The backups written beside them (`NAME.bak`, the previous contents).
    pub backups: Vec<PathBuf>,
    /// How many files were already up to date and left alone.
    pub unchanged: usize,
    /// The roadmap's warnings, as saved.
    pub warnings: Vec<Diagnostic>,
}

/// Why a save did not happen (or, for [`SaveError::Write`], did not finish).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The roadmap has errors; nothing was written.
    #[error("the roadmap has {} error(s); fix them before saving", .0.iter().filter(|d| d.is_error()).count())]
    Invalid(Vec<Diagnostic>),
    /// Files changed on disk since they were read; nothing was written.
    #[error("changed outside Waymark since it was read: {}", list(.0))]
    ChangedOnDisk(Vec<PathBuf>),
    /// Save As would overwrite other files than the entry file; nothing was written.
    #[error("would overwrite existing files: {}", list(.0))]
    WouldOverwrite(Vec<PathBuf>),
    /// Save As would write an included file outside the chosen folder; nothing was written.
    #[error("the included file `{name}` {} and would be written outside the chosen folder; an included file's name must be relative to the entry file, without `..`", .how.describe())]
    OutsideFolder {
        /// The include, as the entry file names it.
        name: String,
        /// How it leaves the folder.
        how: LeavesFolder,
    },
    /// Save As would write over or through symbolic links; nothing was written.
    #[error("will not write over or through symbolic links: {}; choose a folder without them", list(.0))]
    SymbolicLinks(Vec<PathBuf>),
    /// A file to save leads through a symbolic link to a place outside the roadmap's folder;
    /// nothing was written.
    #[error("`{}` leads through a symbolic link to `{}`, outside the roadmap's folder; not saved", .path.display(), .target.display())]
    LinkOutside {
        /// The file of the roadmap.
        path: PathBuf,
        /// Where it leads.
        target: PathBuf,
    },
    /// A file could not be read or written. The files in `written` were saved before the
    /// failure (none when it happened while preparing, which is nearly always the case).
    #[error("could not save `{}`: {source}", .path.display())]
    Write {
        /// The file (or folder) that failed.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
        /// Files saved before the failure.
        written: Vec<PathBuf>,
    },
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("`{}`", p.display()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Document {
    /// The text each file would be saved with, in file order. Only the files changed since
    /// their text was last asked for (by this document or a snapshot of it) are serialized.
    pub fn canonical_texts(&self) -> Vec<Arc<String>> {
        self.canonical.all(&self.roadmap)
    }

    /// Whether saving would write anything: some file's canonical text differs from the text
    /// last read or saved. (It serializes the files changed since last asked: call it on a
    /// change, not every frame.)
    pub fn has_unsaved_changes(&self) -> bool {
        self.canonical_texts()
            .iter()
            .zip(&self.files)
            .any(|(text, file)| **text != file.text)
    }

    /// Validates the roadmap as it would be saved; diagnostics point into the texts to be
    /// written. Only the files that have findings are serialized for it (or taken as kept).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        diagnostics_of(&self.roadmap, &self.files, &self.canonical)
    }
}

/// The diagnostics of `roadmap` as it would be saved to `files` (whose texts are not read; see
/// [`Document::diagnostics`]), with the canonical texts kept in `canonical`. A free function,
/// so that a snapshot can be checked on another thread.
pub fn diagnostics_of(
    roadmap: &Roadmap,
    files: &[ParsedFile],
    canonical: &CanonicalTexts,
) -> Vec<Diagnostic> {
    let findings = check(roadmap);
    let wanted = findings.files();
    let mut texts = canonical.of(roadmap, &wanted).into_iter();
    let mut placed: Vec<ParsedFile> = files
        .iter()
        .map(|f| ParsedFile {
            display: f.display.clone(),
            path: f.path.clone(),
            text: String::new(),
            bom: f.bom,
        })
        .collect();
    for id in wanted {
        if let (Some(file), Some(text)) = (placed.get_mut(usize::from(id.0)), texts.next()) {
            file.text = Arc::unwrap_or_clone(text);
        }
    }
    findings.place(&placed)
}

/// The files of `doc` whose content on disk differs from the text last read or saved (or that
/// cannot be read any more): changes made outside Waymark. Compares contents, not times.
pub fn changed_on_disk(doc: &Document) -> Vec<PathBuf> {
    doc.files
        .iter()
        .filter(|f| read_file(&f.path).map_or(true, |bytes| !f.is_on_disk_as(&bytes)))
        .map(|f| f.path.clone())
        .collect()
}

/// One file to write, with the contents it replaces (for the backup).
struct Planned {
    /// Index in the document's files.
    file: usize,
    /// Where to write (the file a symbolic link leads to, for a link).
    path: PathBuf,
    /// The new text.
    text: String,
    /// The bytes written: the text, after a byte-order mark if the file has one.
    contents: Vec<u8>,
    previous: Option<Vec<u8>>,
}

/// Refuses a roadmap with errors; returns its warnings (placed in the texts to be saved).
fn check_saveable(doc: &Document) -> Result<Vec<Diagnostic>, SaveError> {
    let diagnostics = doc.diagnostics();
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(SaveError::Invalid(diagnostics));
    }
    Ok(diagnostics)
}

/// Reads a file's current contents: `None` when it does not exist. Anything but a regular file,
/// and a file larger than any roadmap file (which the backup could not keep whole), is refused.
fn read_existing(path: &Path) -> Result<Option<Vec<u8>>, SaveError> {
    match read_file(path) {
        Ok(bytes) if bytes.len() > MAX_FILE_BYTES => Err(SaveError::Write {
            path: path.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                "the file there is larger than any roadmap file; not replaced",
            ),
            written: Vec::new(),
        }),
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SaveError::Write {
            path: path.to_owned(),
            source,
            written: Vec::new(),
        }),
    }
}

/// Writes the planned files: first every new version and backup to a temporary file (so that a
/// full disk, a missing folder or a permission problem stops the save before any file is
/// replaced), then renames each backup and file into place. Returns the files and backups
/// written; on failure, the error lists the files already replaced.
fn write_planned(plan: &[Planned]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), SaveError> {
    let fail = |path: &Path, source: std::io::Error, written: &[PathBuf]| SaveError::Write {
        path: path.to_owned(),
        source,
        written: written.to_vec(),
    };
    let mut staged = Vec::with_capacity(plan.len());
    for p in plan {
        let backup = match &p.previous {
            Some(old) if *old != p.contents => {
                let path = backup_path(&p.path);
                Some(stage_like(&path, old, &p.path).map_err(|e| fail(&path, e, &[]))?)
            }
            _ => None,
        };
        let file = stage(&p.path, &p.contents).map_err(|e| fail(&p.path, e, &[]))?;
        staged.push((backup, file));
    }
    let mut written = Vec::new();
    let mut backups = Vec::new();
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (backup, file) in staged {
        if let Some(b) = backup {
            let path = b.path.clone();
            b.commit().map_err(|e| fail(&path, e, &written))?;
            backups.push(path);
        }
        let path = file.path.clone();
        file.commit().map_err(|e| fail(&path, e, &written))?;
        let dir = folder_of(&path);
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
        written.push(path);
    }
    for d in &dirs {
        sync_dir(d);
    }
    Ok((written, backups))
}

/// After a failed write, records the files that were replaced all the same, so that they are
/// not taken for outside changes.
fn note_partial(doc: &mut Document, plan: &[Planned], error: &SaveError) {
    if let SaveError::Write { written, .. } = error {
        for p in plan.iter().filter(|p| written.contains(&p.path)) {
            doc.files[p.file].text.clone_from(&p.text);
        }
    }
}

/// Saves the document to its files: every file whose canonical text differs from the text last
/// read or saved is written atomically, its previous contents kept as `NAME.bak` beside it.
/// Unchanged files are not touched. Refuses (writing nothing) a roadmap with errors, and files
/// changed on disk since they were read unless `options.overwrite_outside_changes`. A file that
/// is a symbolic link is written through to the file it leads to, which must be inside the
/// roadmap's folder ([`write_path`]). On success the document records the texts written; on
/// failure the roadmap is untouched.
pub fn save(doc: &mut Document, options: SaveOptions) -> Result<SaveReport, SaveError> {
    let warnings = check_saveable(doc)?;
    let texts = doc.canonical_texts();
    let mut plan = Vec::new();
    let mut outside = Vec::new();
    for (i, (file, text)) in doc.files.iter().zip(texts).enumerate() {
        if file.text == *text {
            continue;
        }
        let text = Arc::unwrap_or_clone(text);
        let path = write_path(&file.path, doc.entry_path())?;
        let previous = read_existing(&path)?;
        if !previous
            .as_deref()
            .is_some_and(|old| file.is_on_disk_as(old))
        {
            outside.push(file.path.clone());
        }
        plan.push(Planned {
            file: i,
            path,
            contents: file.encode(&text),
            text,
            previous,
        });
    }
    if !outside.is_empty() && !options.overwrite_outside_changes {
        return Err(SaveError::ChangedOnDisk(outside));
    }
    let (written, backups) = match write_planned(&plan) {
        Ok(done) => done,
        Err(e) => {
            note_partial(doc, &plan, &e);
            return Err(e);
        }
    };
    for p in plan {
        doc.files[p.file].text = p.text;
    }
    doc.warnings.clone_from(&warnings);
    Ok(SaveReport {
        unchanged: doc.files.len() - written.len(),
        written,
        backups,
        warnings,
    })
}

/// Whether two paths name the same file (by their canonical form where they exist).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Saves the document as a new roadmap whose entry file is `entry`: the entry file under its new
/// name, the included files beside it under the names the entry file gives them (folders are
/// created as needed). Each file is written atomically, and only where its content differs from
/// what is there; a file replaced is kept as `NAME.bak`. The entry file may be overwritten (the
/// save dialog has asked); other existing files that would change are refused
/// ([`SaveError::WouldOverwrite`]) unless `options.overwrite_outside_changes`. Nothing is
/// written outside the chosen folder ([`SaveError::OutsideFolder`]), nor over or through a
/// symbolic link ([`SaveError::SymbolicLinks`]); these are checked before anything is written,
/// folders included. Afterwards the document is the new one: its paths and entry name follow
/// `entry`.
pub fn save_as(
    doc: &mut Document,
    entry: &Path,
    options: SaveOptions,
) -> Result<SaveReport, SaveError> {
    let Some(entry_name) = entry.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Err(SaveError::Write {
            path: entry.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "a roadmap's entry file needs a file name",
            ),
            written: Vec::new(),
        });
    };
    let warnings = check_saveable(doc)?;
    let texts = doc.canonical_texts();
    // Everything that could refuse the save is checked before anything is written, folders
    // included.
    if let Some((name, how)) = doc
        .roadmap
        .files
        .iter()
        .skip(1)
        .find_map(|f| leaves_folder(&f.name).map(|how| (&f.name, how)))
    {
        return Err(SaveError::OutsideFolder {
            name: name.clone(),
            how,
        });
    }
    let base = folder_of(entry);
    let paths: Vec<PathBuf> = std::iter::once(entry.to_owned())
        .chain(doc.roadmap.files.iter().skip(1).map(|f| base.join(&f.name)))
        .collect();
    let links = links::symbolic_links(&base, &paths);
    if !links.is_empty() {
        return Err(SaveError::SymbolicLinks(links));
    }
    let mut plan = Vec::new();
    let mut refused = Vec::new();
    for (i, ((path, text), file)) in paths.iter().zip(texts).zip(&doc.files).enumerate() {
        let contents = file.encode(&text);
        let previous = read_existing(path)?;
        if previous.as_deref() == Some(contents.as_slice()) {
            continue;
        }
        if let Some(old) = &previous {
            let ours = doc
                .files
                .iter()
                .find(|f| same_file(&f.path, path))
                .is_some_and(|f| f.is_on_disk_as(old));
            if i > 0 && !ours {
                refused.push(path.clone());
            }
        }
        plan.push(Planned {
            file: i,
            path: path.clone(),
            text: Arc::unwrap_or_clone(text),
            contents,
            previous,
        });
    }
    if !refused.is_empty() && !options.overwrite_outside_changes {
        return Err(SaveError::WouldOverwrite(refused));
    }
    for dir in paths.iter().map(|p| folder_of(p)) {
        std::fs::create_dir_all(&dir).map_err(|source| SaveError::Write {
            path: dir.clone(),
            source,
            written: Vec::new(),
        })?;
    }
    // On failure the document still names its old files: nothing to record.
    let (written, backups) = write_planned(&plan)?;
    let texts = doc.canonical_texts();
    for (i, (file, text)) in doc.files.iter_mut().zip(texts).enumerate() {
        file.path.clone_from(&paths[i]);
        file.display = paths[i].display().to_string();
        file.text = Arc::unwrap_or_clone(text);
    }
    doc.roadmap.files[0].name = entry_name;
    doc.warnings.clone_from(&warnings);
    doc.origin = Origin::Disk;
    Ok(SaveReport {
        unchanged: doc.files.len() - written.len(),
        written,
        backups,
        warnings,
    })
}
