//! Opening a roadmap as a whole: parse, validate, and refuse a roadmap with errors; writing files
//! atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::analysis::validate;
use crate::diagnostic::Diagnostic;
use crate::model::{FileSystem, LoadError, ParsedFile, Roadmap, parse_roadmap};

/// Reads files from disk.
pub struct Disk;

impl FileSystem for Disk {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        if std::fs::metadata(path)?.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "is a directory",
            ));
        }
        std::fs::read(path)
    }
}

/// A loaded, valid roadmap with its files' texts and any warnings.
#[derive(Clone, Debug)]
pub struct Document {
    /// The roadmap.
    pub roadmap: Roadmap,
    /// The files as read, in [`crate::model::FileId`] order.
    pub files: Vec<ParsedFile>,
    /// Warnings (a document with errors is never opened).
    pub warnings: Vec<Diagnostic>,
}

impl Document {
    /// The path of the entry file.
    pub fn entry_path(&self) -> &Path {
        &self.files[0].path
    }
}

/// Parses and validates the roadmap whose entry file is `entry`. Fails with every diagnostic when
/// there is any error, so that a broken roadmap is never half-loaded.
pub fn open(fs: &dyn FileSystem, entry: &Path) -> Result<Document, LoadError> {
    let parsed = parse_roadmap(fs, entry)?;
    let diagnostics = validate(&parsed.roadmap, &parsed.files);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics });
    }
    Ok(Document {
        roadmap: parsed.roadmap,
        files: parsed.files,
        warnings: diagnostics,
    })
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over the target. The target is either the old or the new contents, never a mix.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut tmp = tempfile::Builder::new()
        .prefix(".waymark-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(&dir) {
        // Make the rename itself durable; not every platform can sync a folder, so failure here
        // is not an error.
        d.sync_all().ok();
    }
    Ok(())
}
