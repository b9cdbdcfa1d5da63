//! The roadmap's files on disk, read with care: a path is looked at before it is opened, so
//! that a named pipe is never waited on and a device such as `/dev/zero` never read; only
//! regular files are read, and never further than the size limit.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{FileKind, FileSystem, Found, MAX_FILE_BYTES};

/// Reads files from disk.
pub struct Disk;

impl FileSystem for Disk {
    /// Reads a regular file, at most [`MAX_FILE_BYTES`] and one byte of it ([`read_file`]).
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        read_file(path)
    }

    fn inspect(&self, path: &Path) -> std::io::Result<Found> {
        let meta = std::fs::metadata(path)?;
        Ok(Found {
            kind: FileKind::of(meta.file_type()),
            bytes: meta.len(),
        })
    }

    fn read_at_most(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        read_regular(path, limit)
    }

    fn real_path(&self, path: &Path) -> std::io::Result<Option<PathBuf>> {
        let path = if path.as_os_str().is_empty() {
            Path::new(".")
        } else {
            path
        };
        std::fs::canonicalize(path).map(Some)
    }
}

/// Reads a file of a roadmap back from disk, as [`Disk`] reads it: a regular file, at most
/// [`MAX_FILE_BYTES`] and one byte of it (so a file over the limit never equals a roadmap file).
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    read_regular(path, MAX_FILE_BYTES as u64)
}

/// The error for a path that is not a regular file.
fn not_a_file(kind: FileKind) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("it is {}, not a regular file", kind.describe()),
    )
}

/// Reads the regular file at `path`, no more than `limit` bytes and one. Anything else (a
/// directory, a named pipe, a device) is refused before it is opened; should the path change
/// into one in between, it is opened without waiting and refused before it is read.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let kind = FileKind::of(std::fs::metadata(path)?.file_type());
    if kind != FileKind::File {
        return Err(not_a_file(kind));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a named pipe would wait for a writer; reading a regular file never waits, so
        // this changes nothing for the files read.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    let kind = FileKind::of(meta.file_type());
    if kind != FileKind::File {
        return Err(not_a_file(kind));
    }
    let capacity = meta.len().min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_no_further_than_the_limit_and_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        std::fs::write(&path, [b'x'; 100]).expect("write");
        assert_eq!(read_regular(&path, 10).expect("reads").len(), 11);
        assert_eq!(read_regular(&path, 100).expect("reads").len(), 100);
    }

    #[test]
    fn a_directory_or_a_device_is_refused_unread() {
        let dir = tempfile::tempdir().expect("temp dir");
        let e = read_file(dir.path()).expect_err("a directory");
        assert!(e.to_string().contains("a directory"), "{e}");
        let zero = Path::new("/dev/zero");
        if zero.exists() {
            let e = read_file(zero).expect_err("a device");
            assert!(e.to_string().contains("a device"), "{e}");
            assert_eq!(Disk.inspect(zero).expect("found").kind, FileKind::Device);
        }
    }
}
