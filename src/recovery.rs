//! Recovery files: unsaved edits written aside every few seconds, so that a crash or `kill -9`
//! loses nothing.
//!
//! A recovery file holds the full canonical text of each file that differs from what was last
//! read or saved, the entry file's path and when it was written. It lives in a recovery folder
//! (under the user's data folder: [`default_dir`]), named by a hash of the entry file's path,
//! and is written atomically. Restoring reads the roadmap through the normal parser with the
//! recovered texts laid over the files on disk ([`Overlay`]), so a restored document is
//! validated like any other.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::document::{Disk, Document, open, read_file, write_atomic};
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
    /// The roadmap's entry file, as an absolute path.
    pub entry: PathBuf,
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

/// The entry path in the form recovery files are keyed by: canonical where the file exists,
/// else absolute.
fn key_path(entry: &Path) -> PathBuf {
    std::fs::canonicalize(entry)
        .or_else(|_| std::path::absolute(entry))
        .unwrap_or_else(|_| entry.to_owned())
}

/// The recovery file of the roadmap whose entry file is `entry`, in `dir`.
pub fn recovery_path(entry: &Path, dir: &Path) -> PathBuf {
    let key = key_path(entry);
    dir.join(format!(
        "{:016x}.recovery.json",
        fnv1a(key.as_os_str().as_encoded_bytes())
    ))
}

impl Recovery {
    /// The unsaved state of `doc`: every file whose canonical text differs from the text last
    /// read or saved. `None` when there is nothing unsaved.
    ///
    /// This serializes the whole roadmap; for a large one, clone the document and call it off the
    /// UI thread.
    pub fn of(doc: &Document) -> Option<Recovery> {
        let files: Vec<RecoveredFile> = doc
            .canonical_texts()
            .into_iter()
            .zip(&doc.files)
            .zip(&doc.roadmap.files)
            .enumerate()
            .filter(|(_, ((text, file), _))| text != &file.text)
            .map(|(index, ((text, file), info))| RecoveredFile {
                name: info.name.clone(),
                index,
                text,
                base_hash: fnv1a(&file.encode(&file.text)),
            })
            .collect();
        if files.is_empty() {
            return None;
        }
        let written_unix_s = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Some(Recovery {
            format: FORMAT.to_owned(),
            version: VERSION,
            entry: key_path(doc.entry_path()),
            written_unix_s,
            files,
        })
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

    /// The files that changed on disk since the recovered edits were made to them (or can no
    /// longer be read): restoring would set the edits against a version the user has not seen.
    pub fn changed_on_disk_since(&self) -> Vec<PathBuf> {
        self.files
            .iter()
            .map(|f| (f, self.path_of(f)))
            .filter(|(f, p)| read_file(p).map_or(true, |b| fnv1a(&b) != f.base_hash))
            .map(|(_, p)| p)
            .collect()
    }

    /// The roadmap with the recovered edits, read through the normal parser and validated, with
    /// the recovered texts laid over the files on disk. The document remembers the texts on
    /// disk as last read, so it has unsaved changes (start it with
    /// [`crate::history::History::unsaved`]) and saving writes the recovered files.
    pub fn restore(&self) -> Result<Document, LoadError> {
        let overlay = Overlay::new(
            &Disk,
            self.files
                .iter()
                .map(|f| (self.path_of(f), f.text.clone()))
                .collect(),
        );
        let mut doc = open(&overlay, &self.entry)?;
        for file in &mut doc.files {
            if overlay.files.contains_key(&file.path) {
                let bytes = read_file(&file.path).unwrap_or_default();
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
        discard(doc.entry_path(), dir)?;
        Ok(None)
    }
}

/// Writes `recovery` to its file in `dir` (created if need be), atomically.
pub fn write(recovery: &Recovery, dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = recovery_path(&recovery.entry, dir);
    let json = serde_json::to_vec_pretty(recovery).map_err(std::io::Error::other)?;
    write_atomic(&path, &json)?;
    Ok(path)
}

/// The recovery file of the roadmap whose entry file is `entry`, if `dir` holds one for it
/// (one that cannot be read or is for another roadmap counts as none).
pub fn find_recovery(entry: &Path, dir: &Path) -> Option<Recovery> {
    let bytes = std::fs::read(recovery_path(entry, dir)).ok()?;
    let recovery: Recovery = serde_json::from_slice(&bytes).ok()?;
    (recovery.format == FORMAT
        && recovery.version == VERSION
        && recovery.entry == key_path(entry)
        && !recovery.files.is_empty())
    .then_some(recovery)
}

/// Removes the recovery file of the roadmap whose entry file is `entry` (after a save, or when
/// the user declines to restore). No file is not an error.
pub fn discard(entry: &Path, dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(recovery_path(entry, dir)) {
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
    fn recovery_files_are_keyed_by_entry() {
        let dir = Path::new("recovery");
        assert_eq!(
            recovery_path(Path::new("/a/b.ron"), dir),
            recovery_path(Path::new("/a/b.ron"), dir)
        );
        assert_ne!(
            recovery_path(Path::new("/a/b.ron"), dir),
            recovery_path(Path::new("/a/c.ron"), dir)
        );
    }
}
