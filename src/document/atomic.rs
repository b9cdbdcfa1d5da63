//! Writing a file atomically: new contents staged in a temporary file beside the target, flushed
//! to disk and renamed over it, so the target holds either the old or the new contents.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over the target. The target is either the old or the new contents, never a mix.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let staged = stage(path, contents)?;
    staged.commit()?;
    sync_dir(&folder_of(path));
    Ok(())
}

/// The folder a file is in (`.` for a bare name).
pub(super) fn folder_of(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Makes renames in `dir` durable. Not every platform can sync a folder, so failure here is not
/// an error.
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        d.sync_all().ok();
    }
}

/// New contents written to a temporary file beside their target and flushed to disk, waiting to
/// be renamed over it. Dropped uncommitted, the temporary file is removed.
pub(super) struct Staged {
    tmp: tempfile::NamedTempFile,
    /// The file it will replace.
    pub(super) path: PathBuf,
}

impl Staged {
    /// Renames the temporary file over the target.
    pub(super) fn commit(self) -> std::io::Result<()> {
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Writes `contents` to a temporary file in the folder of `path`, with the permissions of the
/// file it will replace, and flushes it to disk.
pub(super) fn stage(path: &Path, contents: &[u8]) -> std::io::Result<Staged> {
    stage_like(path, contents, path)
}

/// [`stage`], with the permissions of the file `like` (a backup takes its original's, not
/// those of the temporary file, which only its owner may read).
pub(super) fn stage_like(path: &Path, contents: &[u8], like: &Path) -> std::io::Result<Staged> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".waymark-")
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(like) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    Ok(Staged {
        tmp,
        path: path.to_owned(),
    })
}

/// Where the previous version of `path` is kept: `NAME.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}
