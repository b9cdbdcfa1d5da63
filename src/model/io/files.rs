//! Where a roadmap's files come from ([`FileSystem`]), and how one file becomes text: looked at
//! before it is opened, refused unless it is a regular file within the size limit, read no
//! further than the limit, checked as UTF-8, with a leading byte-order mark set aside.

use std::path::{Path, PathBuf};

use super::limits::{MAX_FILE_BYTES, human_size};
use crate::diagnostic::{Diagnostic, Pos};

/// The UTF-8 byte-order mark that some editors (Windows Notepad among them) write at the start of
/// a file. It is not part of a file's text; a file read with one is written back with one.
pub const BOM: &str = "\u{FEFF}";

/// Splits a leading byte-order mark off a file's bytes: whether there was one, and the rest.
pub fn split_bom(bytes: &[u8]) -> (bool, &[u8]) {
    match bytes.strip_prefix(BOM.as_bytes()) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    }
}

/// What kind of thing a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A regular file: the only kind a roadmap is read from.
    File,
    /// A directory.
    Directory,
    /// A named pipe (FIFO): opening one waits for a writer, possibly forever.
    Fifo,
    /// A device such as `/dev/zero`, which may never end.
    Device,
    /// A socket.
    Socket,
    /// Anything else.
    Other,
}

impl FileKind {
    /// The kind of file `file_type` describes (as `std::fs::metadata` found it).
    pub fn of(file_type: std::fs::FileType) -> FileKind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return FileKind::Fifo;
            }
            if file_type.is_char_device() || file_type.is_block_device() {
                return FileKind::Device;
            }
            if file_type.is_socket() {
                return FileKind::Socket;
            }
        }
        if file_type.is_file() {
            FileKind::File
        } else if file_type.is_dir() {
            FileKind::Directory
        } else {
            FileKind::Other
        }
    }

    /// The kind in words, with an article: "a named pipe (FIFO)".
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::File => "a regular file",
            FileKind::Directory => "a directory",
            FileKind::Fifo => "a named pipe (FIFO)",
            FileKind::Device => "a device",
            FileKind::Socket => "a socket",
            FileKind::Other => "something other than a file",
        }
    }
}

/// What a path names, found without opening it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// Its kind.
    pub kind: FileKind,
    /// Its size in bytes, as the file system reports it.
    pub bytes: u64,
}

/// Where a roadmap's files are read from: the disk, or the copy bundled in the binary. Files are
/// read from several threads at once, hence `Sync`.
///
/// Only [`FileSystem::read`] is required; the other methods have defaults that suit files held
/// in memory. A file system on disk overrides them all, so that a file is looked at before it is
/// opened and never read past the size limit.
pub trait FileSystem: Sync {
    /// Reads a whole file.
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>>;

    /// What `path` names, following symbolic links, found without opening it. The default reads
    /// the file to measure it: every file held in memory is a regular file.
    fn inspect(&self, path: &Path) -> std::io::Result<Found> {
        self.read(path).map(|bytes| Found {
            kind: FileKind::File,
            bytes: bytes.len() as u64,
        })
    }

    /// Reads the file at `path`, but no more than `limit` bytes and one: enough to tell that it
    /// is over the limit without holding all of it. The default reads the whole file and drops
    /// the rest.
    fn read_at_most(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        let mut bytes = self.read(path)?;
        bytes.truncate(usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX));
        Ok(bytes)
    }

    /// Where `path` really is, with every symbolic link on the way resolved; `None` on a file
    /// system without links (the default). Includes must resolve inside the entry file's folder.
    fn real_path(&self, _path: &Path) -> std::io::Result<Option<PathBuf>> {
        Ok(None)
    }
}

/// Where a file is named, for the diagnostics about it: the file that names it (the entry file
/// for an include, the file itself for the entry file), the position, and that file's text for
/// the snippet.
#[derive(Clone, Copy)]
pub(super) struct Cite<'a> {
    pub(super) file: &'a str,
    pub(super) at: Pos,
    pub(super) text: Option<&'a str>,
}

impl Cite<'_> {
    /// An error at the citation.
    pub(super) fn error(&self, rule: &'static str, message: String) -> Diagnostic {
        let d = Diagnostic::error(rule, self.file, self.at, message);
        match self.text {
            Some(t) => d.with_snippet_from(t),
            None => d,
        }
    }
}

/// A file's text as read.
pub(super) struct Text {
    /// The text, without a byte-order mark.
    pub(super) text: String,
    /// Whether the file began with a byte-order mark.
    pub(super) bom: bool,
}

/// An error reading `display` in words: "does not exist", "cannot be read: permission denied".
fn unreadable(display: &str, e: &std::io::Error) -> String {
    let what = match e.kind() {
        std::io::ErrorKind::NotFound => "does not exist".to_owned(),
        std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".to_owned(),
        _ => format!("cannot be read: {e}"),
    };
    format!("file `{display}` {what}")
}

/// The message for a file of `bytes` bytes, over the limit.
fn too_large(display: &str, bytes: u64) -> String {
    format!(
        "file `{display}` is {bytes} bytes; the largest accepted is {MAX_FILE_BYTES} bytes ({})",
        human_size(MAX_FILE_BYTES as u64)
    )
}

/// Looks at the file at `path` without opening it, and returns its size. Refuses what does not
/// exist or cannot be looked at (`unreadable-file`), anything but a regular file (`not_a_file`,
/// the rule for the entry file or for an include) and a file over [`MAX_FILE_BYTES`]
/// (`file-too-large`).
pub(super) fn measure(
    fs: &dyn FileSystem,
    path: &Path,
    display: &str,
    cite: Cite<'_>,
    not_a_file: (&'static str, &str),
) -> Result<u64, Diagnostic> {
    let found = fs
        .inspect(path)
        .map_err(|e| cite.error("unreadable-file", unreadable(display, &e)))?;
    if found.kind != FileKind::File {
        let (rule, expected) = not_a_file;
        return Err(cite.error(
            rule,
            format!(
                "`{display}` is {}, not a regular file; {expected}",
                found.kind.describe()
            ),
        ));
    }
    if found.bytes > MAX_FILE_BYTES as u64 {
        return Err(cite.error("file-too-large", too_large(display, found.bytes)));
    }
    Ok(found.bytes)
}

/// Reads a file that [`measure`] accepted, no further than [`MAX_FILE_BYTES`] and one byte (it
/// may have grown since), and decodes it.
pub(super) fn read_text(
    fs: &dyn FileSystem,
    path: &Path,
    display: &str,
    cite: Cite<'_>,
) -> Result<Text, Diagnostic> {
    let bytes = fs
        .read_at_most(path, MAX_FILE_BYTES as u64)
        .map_err(|e| cite.error("unreadable-file", unreadable(display, &e)))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(cite.error(
            "file-too-large",
            format!(
                "file `{display}` grew past {MAX_FILE_BYTES} bytes while it was read; the largest accepted is {MAX_FILE_BYTES} bytes ({})",
                human_size(MAX_FILE_BYTES as u64)
            ),
        ));
    }
    decode(&bytes, display)
}

/// A file's bytes as text: UTF-8, with a leading byte-order mark set aside.
fn decode(bytes: &[u8], display: &str) -> Result<Text, Diagnostic> {
    let (bom, body) = split_bom(bytes);
    // Checking with SIMD and copying is several times faster than `String::from_utf8` on
    // Japanese text; the slower check runs only to describe invalid input.
    if let Ok(text) = simdutf8::basic::from_utf8(body) {
        return Ok(Text {
            text: text.to_owned(),
            bom,
        });
    }
    let valid = match std::str::from_utf8(body) {
        Ok(_) => body.len(),
        Err(e) => e.valid_up_to(),
    };
    let prefix = String::from_utf8_lossy(&body[..valid]);
    let full = String::from_utf8_lossy(body);
    // The byte counted in the message is the file's, the mark included.
    let at_byte = valid + if bom { BOM.len() } else { 0 };
    Err(Diagnostic::error(
        "invalid-utf8",
        display,
        Pos::of_offset(&prefix, prefix.len()),
        format!("invalid UTF-8 at byte {at_byte}; a roadmap file must be UTF-8 text"),
    )
    .with_snippet_from(&full))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_set_aside_and_remembered() {
        let text = decode(b"\xEF\xBB\xBF(schema: 1)\n", "f").expect("decodes");
        assert_eq!((text.text.as_str(), text.bom), ("(schema: 1)\n", true));
        let text = decode(b"(schema: 1)\n", "f").expect("decodes");
        assert!(!text.bom);
        // Only at the start: a mark further on is text like any other.
        let text = decode("a\u{FEFF}".as_bytes(), "f").expect("decodes");
        assert_eq!((text.text.as_str(), text.bom), ("a\u{FEFF}", false));
    }

    #[test]
    fn invalid_utf8_after_a_mark_counts_the_file_s_bytes() {
        let d = decode(b"\xEF\xBB\xBFab\xFF", "f")
            .err()
            .expect("invalid UTF-8 is refused");
        assert_eq!((d.rule, d.line, d.col), ("invalid-utf8", 1, 3));
        assert!(d.message.contains("at byte 5"), "{d}");
    }

    #[test]
    fn a_file_in_memory_is_read_no_further_than_asked() {
        struct One;
        impl FileSystem for One {
            fn read(&self, _path: &Path) -> std::io::Result<Vec<u8>> {
                Ok(vec![b'x'; 10])
            }
        }
        assert_eq!(One.read_at_most(Path::new("f"), 3).expect("reads").len(), 4);
        assert_eq!(
            One.inspect(Path::new("f")).expect("found"),
            Found {
                kind: FileKind::File,
                bytes: 10
            }
        );
        assert_eq!(One.real_path(Path::new("f")).expect("no links"), None);
    }
}
