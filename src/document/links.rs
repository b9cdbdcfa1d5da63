//! Saving where symbolic links are: a save writes only inside the roadmap's folder and never
//! replaces a link with a file. Saving a file that is a link writes the file it leads to, when
//! that is inside the folder; Save As writes over or through no link at all.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::{SaveError, folder_of};

/// A save refused before anything was written, on `path`.
fn failed(path: &Path, source: std::io::Error) -> SaveError {
    SaveError::Write {
        path: path.to_owned(),
        source,
        written: Vec::new(),
    }
}

/// Whether `path` is a symbolic link (whatever it leads to, if anything).
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Where to write the file at `path` of the roadmap whose entry file is `entry`: the path
/// itself, or, when it is a symbolic link, the file it leads to, so that the link stays a link.
/// Either way the file written must be inside the roadmap's folder (the entry file's, links
/// resolved); a link that leads elsewhere, or a linked folder on the way, is refused
/// ([`SaveError::LinkOutside`]).
pub fn write_path(path: &Path, entry: &Path) -> Result<PathBuf, SaveError> {
    let root = std::fs::canonicalize(folder_of(entry));
    if !is_link(path) {
        // Written where it is named, unless a linked folder on the way leads elsewhere. A folder
        // that is gone is left for the write to report.
        let dir = std::fs::canonicalize(folder_of(path));
        if let (Ok(root), Ok(dir)) = (root, dir)
            && !dir.starts_with(&root)
        {
            return Err(SaveError::LinkOutside {
                path: path.to_owned(),
                target: dir.join(path.file_name().unwrap_or_default()),
            });
        }
        return Ok(path.to_owned());
    }
    let root = root.map_err(|e| failed(&folder_of(entry), e))?;
    let real = std::fs::canonicalize(path).map_err(|e| {
        let source = if e.kind() == ErrorKind::NotFound {
            std::io::Error::new(
                ErrorKind::NotFound,
                "it is a symbolic link to a file that does not exist",
            )
        } else {
            e
        };
        failed(path, source)
    })?;
    if !real.starts_with(&root) {
        return Err(SaveError::LinkOutside {
            path: path.to_owned(),
            target: real,
        });
    }
    Ok(real)
}

/// The symbolic links among `paths` and the folders between `base` and each of them, in order:
/// Save As writes over or through none of them.
pub(super) fn symbolic_links(base: &Path, paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = Vec::new();
    for path in paths {
        for p in path.ancestors() {
            if p == base || p.as_os_str().is_empty() {
                break;
            }
            if is_link(p) && !found.iter().any(|f| f == p) {
                found.push(p.to_owned());
            }
        }
    }
    found
}
