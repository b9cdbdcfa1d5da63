//! Recovery files: unsaved edits written aside every few seconds, so that a crash or `kill -9`
//! loses nothing.
//!
//! A recovery file holds the full canonical text of each file that differs from what was last
//! read or saved, the entry file's path and when it was written. It lives in a recovery folder
//! (under the user's data folder: [`default_dir`]), named by a hash of the entry file's path,
//! and is written atomically. Restoring reads the roadmap through the normal parser with the
//! recovered texts laid over the files on disk ([`Overlay`]), so a restored document is
//! validated like any other.
//!
//! The bundled roadmap has recovery files too: they are keyed by its name inside the binary, not
//! by a path on disk, and restored over the bundled texts ([`RoadmapKey`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::document::{Document, Origin, open_from, write_atomic};
use crate::model::{FileKind, FileSystem, Found, LoadError, split_bom};

/// What a recovery file says it is.
const FORMAT: &str = "waymark-recovery";
/// The version of the recovery format this build writes and reads.
const VERSION: u32 = 1;

/// The unsaved state of a roadmap, as written to its recovery file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    /// Always `waymark-recovery`.
    pub format: String,
    /// The format's version.
    pub version: u32,
    /// The roadmap's entry file, as an absolute path (for the bundled roadmap, its name in the
    /// binary).
    pub entry: PathBuf,
    /// Whether the edits were made to the roadmap bundled in the binary.
    #[serde(default)]
    pub bundled: bool,
    /// When the recovery file was written, in seconds since 1970 (UTC).
    pub written_unix_s: u64,
    /// The files with unsaved changes.
    pub files: Vec<RecoveredFile>,
}

/// One file's unsaved text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveredFile {
    /// The file's name as the entry file includes it (the entry file's own name for it).
    pub name: String,
    /// Which file of the roadmap it is: 0 for the entry file, then in `include` order.
    pub index: usize,
    /// Its canonical text with the unsaved edits.
    pub text: String,
    /// A hash (FNV-1a, 64 bits) of the text on disk the edits were made to, to tell whether the
    /// file has changed on disk since.
    pub base_hash: u64,
}

/// The folder recovery files go to by default: `waymark/recovery` under the user's data folder
/// (`$XDG_DATA_HOME` or `~/.local/share` on Linux, `~/Library/Application Support` on macOS,
/// `%APPDATA%` on Windows). `None` when no such folder is known.
pub fn default_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let data = if cfg!(windows) {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))
    };
    data.map(|d| d.join("waymark").join("recovery"))
}

/// FNV-1a, 64 bits: a hash that stays the same across builds and platforms.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Which roadmap a recovery file belongs to: a roadmap on disk by its entry file's canonical
/// path, the bundled one by its name in the binary (so that it is found again from any folder).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RoadmapKey {
    entry: PathBuf,
    bundled: bool,
}

impl RoadmapKey {
    /// The roadmap on disk whose entry file is `entry`: canonical where the file exists, else
    /// absolute.
    pub fn disk(entry: &Path) -> Self {
        let entry = std::fs::canonicalize(entry)
            .or_else(|_| std::path::absolute(entry))
            .unwrap_or_else(|_| entry.to_owned());
        Self {
            entry,
            bundled: false,
        }
    }

    /// The bundled roadmap whose entry file is named `entry` in the binary.
    pub fn bundled(entry: &Path) -> Self {
        Self {
            entry: entry.to_owned(),
            bundled: true,
        }
    }

    /// The roadmap `doc` was opened from.
    pub fn of(doc: &Document) -> Self {
        match doc.origin {
            Origin::Disk => Self::disk(doc.entry_path()),
            Origin::Bundled => Self::bundled(doc.entry_path()),
        }
    }

    /// Where the roadmap's files are read from.
    fn origin(&self) -> Origin {
        if self.bundled {
            Origin::Bundled
        } else {
            Origin::Disk
        }
    }
}

/// The recovery file of the roadmap `key` names, in `dir`.
pub fn recovery_path(key: &RoadmapKey, dir: &Path) -> PathBuf {
    let mut hashed = Vec::new();
    if key.bundled {
        hashed.extend_from_slice(b"bundled:");
    }
    hashed.extend_from_slice(key.entry.as_os_str().as_encoded_bytes());
    dir.join(format!("{:016x}.recovery.json", fnv1a(&hashed)))
}

impl Recovery {
    /// The unsaved state of `doc`: every file whose canonical text differs from the text last
    /// read or saved. `None` when there is nothing unsaved.
    ///
    /// This serializes the files changed since their text was last asked for (every file, the
    /// first time); for a large roadmap, clone the document and call it off the UI thread.
    pub fn of(doc: &Document) -> Option<Recovery> {
        let files: Vec<RecoveredFile> = doc
            .canonical_texts()
            .into_iter()
            .zip(&doc.files)
            .zip(&doc.roadmap.files)
            .enumerate()
            .filter(|(_, ((text, file), _))| ***text != file.text)
            .map(|(index, ((text, file), info))| RecoveredFile {
                name: info.name.clone(),
                index,
                text: Arc::unwrap_or_clone(text),
                base_hash: fnv1a(&file.encode(&file.text)),
            })
            .collect();
        if files.is_empty() {
            return None;
        }
        let written_unix_s = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let key = RoadmapKey::of(doc);
        Some(Recovery {
            format: FORMAT.to_owned(),
            version: VERSION,
            entry: key.entry,
            bundled: key.bundled,
            written_unix_s,
            files,
        })
    }

    /// The roadmap these edits belong to.
    pub fn key(&self) -> RoadmapKey {
        RoadmapKey {
            entry: self.entry.clone(),
            bundled: self.bundled,
        }
    }

    /// The path each recovered file is read from: the entry file, and its includes beside it.
    fn path_of(&self, file: &RecoveredFile) -> PathBuf {
        if file.index == 0 {
            self.entry.clone()
        } else {
            self.entry
                .parent()
                .unwrap_or_else(|| Path::new(""))
                .join(&file.name)
        }
    }

    /// The files that changed since the recovered edits were made to them (or can no longer be
    /// read): restoring would set the edits against a version the user has not seen. For the
    /// bundled roadmap, that is a newer Waymark bundling another version of it. This reads every
    /// recovered file: call it once, not every frame.
    pub fn changed_on_disk_since(&self) -> Vec<PathBuf> {
        let fs = self.key().origin().file_system();
        self.files
            .iter()
            .map(|f| (f, self.path_of(f)))
            .filter(|(f, p)| fs.read(p).map_or(true, |b| fnv1a(&b) != f.base_hash))
            .map(|(_, p)| p)
            .collect()
    }

    /// The roadmap with the recovered edits, read through the normal parser and validated, with
    /// the recovered texts laid over the files on disk. The document remembers the texts on
    /// disk as last read, so it has unsaved changes (start it with
    /// [`crate::history::History::unsaved`]) and saving writes the recovered files.
    pub fn restore(&self) -> Result<Document, LoadError> {
        let origin = self.key().origin();
        let base = origin.file_system();
        let overlay = Overlay::new(
            base,
            self.files
                .iter()
                .map(|f| (self.path_of(f), f.text.clone()))
                .collect(),
        );
        let mut doc = open_from(&overlay, &self.entry, origin)?;
        for file in &mut doc.files {
            if overlay.files.contains_key(&file.path) {
                let bytes = base.read(&file.path).unwrap_or_default();
                let (bom, body) = split_bom(&bytes);
                file.text = String::from_utf8_lossy(body).into_owned();
                file.bom = bom;
            }
        }
        Ok(doc)
    }
}

/// Files in memory laid over another file system: a path held here reads its text, any other
/// path reads through.
pub struct Overlay<'a> {
    base: &'a dyn FileSystem,
    files: HashMap<PathBuf, String>,
}

impl<'a> Overlay<'a> {
    /// `files` (by path) laid over `base`.
    pub fn new(base: &'a dyn FileSystem, files: HashMap<PathBuf, String>) -> Self {
        Self { base, files }
    }
}

impl FileSystem for Overlay<'_> {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        match self.files.get(path) {
            Some(text) => Ok(text.as_bytes().to_vec()),
            None => self.base.read(path),
        }
    }

    fn inspect(&self, path: &Path) -> std::io::Result<Found> {
        match self.files.get(path) {
            Some(text) => Ok(Found {
                kind: FileKind::File,
                bytes: text.len() as u64,
            }),
            None => self.base.inspect(path),
        }
    }

    fn read_at_most(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        match self.files.get(path) {
            Some(_) => {
                let mut bytes = self.read(path)?;
                bytes.truncate(usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX));
                Ok(bytes)
            }
            None => self.base.read_at_most(path, limit),
        }
    }

    /// A file laid over is where the base has it, or (gone from the base) where it is named.
    fn real_path(&self, path: &Path) -> std::io::Result<Option<PathBuf>> {
        match self.base.real_path(path) {
            Err(_) if self.files.contains_key(path) => Ok(None),
            other => other,
        }
    }
}

/// Writes the unsaved edits of `doc` to its recovery file in `dir` (created if need be),
/// atomically, replacing the previous one; when nothing is unsaved, removes the recovery file
/// instead. Returns the file written, if any.
pub fn write_recovery(doc: &Document, dir: &Path) -> std::io::Result<Option<PathBuf>> {
    if let Some(recovery) = Recovery::of(doc) {
        write(&recovery, dir).map(Some)
    } else {
        discard(&RoadmapKey::of(doc), dir)?;
        Ok(None)
    }
}

/// Writes `recovery` to its file in `dir` (created if need be), atomically.
pub fn write(recovery: &Recovery, dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = recovery_path(&recovery.key(), dir);
    let json = serde_json::to_vec_pretty(recovery).map_err(std::io::Error::other)?;
    write_atomic(&path, &json)?;
    Ok(path)
}

/// The recovery file of the roadmap `key` names, if `dir` holds one for it (one that cannot be
/// read or is for another roadmap counts as none).
pub fn find_recovery(key: &RoadmapKey, dir: &Path) -> Option<Recovery> {
    let bytes = std::fs::read(recovery_path(key, dir)).ok()?;
    let recovery: Recovery = serde_json::from_slice(&bytes).ok()?;
    (recovery.format == FORMAT
        && recovery.version == VERSION
        && &recovery.key() == key
        && !recovery.files.is_empty())
    .then_some(recovery)
}

/// Removes the recovery file of the roadmap `key` names (after a save, or when the user discards
/// the edits). No file is not an error.
pub fn discard(key: &RoadmapKey, dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(recovery_path(key, dir)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_is_the_reference_hash() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn each_roadmap_has_its_own_recovery_file() {
        let dir = Path::new("recovery");
        let name = |key: &RoadmapKey| recovery_path(key, dir);
        let a = RoadmapKey::disk(Path::new("/a/b.ron"));
        assert_eq!(
            name(&a),
            dir.join(format!("{:016x}.recovery.json", fnv1a(b"/a/b.ron")))
        );
        assert_ne!(name(&a), name(&RoadmapKey::disk(Path::new("/a/c.ron"))));
        // The bundled roadmap is keyed by its name in the binary, whatever the working folder,
        // and never shares a file with a roadmap on disk of the same name.
        let bundled = RoadmapKey::bundled(Path::new(crate::bundled::ENTRY));
        assert_eq!(
            name(&bundled),
            dir.join(format!(
                "{:016x}.recovery.json",
                fnv1a(format!("bundled:{}", crate::bundled::ENTRY).as_bytes())
            ))
        );
        assert_ne!(
            name(&bundled),
            name(&RoadmapKey::disk(Path::new(crate::bundled::ENTRY)))
        );
    }
}
