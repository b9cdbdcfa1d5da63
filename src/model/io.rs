//! Reading a roadmap's files into a [`Roadmap`], and writing them back in canonical form.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use super::{FileDoc, FileId, FileInfo, Items, Roadmap, SCHEMA_VERSION};
use crate::diagnostic::{Diagnostic, Pos};

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The deepest nesting of RON values accepted.
pub const MAX_NESTING: usize = 64;
/// The most files one roadmap may include.
pub const MAX_INCLUDES: usize = 1000;

/// Where a roadmap's files are read from: the disk, or the copy bundled in the binary.
pub trait FileSystem {
    /// Reads a whole file.
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>>;
}

/// Why a roadmap could not be loaded: every error found, with positions.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{} error(s) loading the roadmap", .diagnostics.iter().filter(|d| d.is_error()).count())]
pub struct LoadError {
    /// The errors (and any warnings found before them).
    pub diagnostics: Vec<Diagnostic>,
}

/// One file as read: its name, path and text, kept for positions in diagnostics.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedFile {
    /// The name shown in diagnostics (the path for the entry file, the path joined with the
    /// include for the others).
    pub display: String,
    /// The path read.
    pub path: PathBuf,
    /// The text of the file.
    pub text: String,
}

/// A parsed roadmap with the texts of its files.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The roadmap.
    pub roadmap: Roadmap,
    /// Its files, in [`FileId`] order.
    pub files: Vec<ParsedFile>,
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

fn read_text(
    fs: &dyn FileSystem,
    path: &Path,
    display: &str,
    at: (&str, Pos, Option<&str>),
) -> Result<String, Diagnostic> {
    let (cite_file, cite_pos, cite_text) = at;
    let attach = |d: Diagnostic| match cite_text {
        Some(t) => d.with_snippet_from(t),
        None => d,
    };
    let bytes = fs.read(path).map_err(|e| {
        let what = match e.kind() {
            std::io::ErrorKind::NotFound => "does not exist".to_owned(),
            std::io::ErrorKind::PermissionDenied => "cannot be read: permission denied".to_owned(),
            std::io::ErrorKind::IsADirectory => "is a directory, not a RON file".to_owned(),
            _ => format!("cannot be read: {e}"),
        };
        attach(Diagnostic::error(
            "unreadable-file",
            cite_file,
            cite_pos,
            format!("file `{display}` {what}"),
        ))
    })?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(attach(Diagnostic::error(
            "file-too-large",
            cite_file,
            cite_pos,
            format!(
                "file `{display}` is {} bytes; the largest accepted is {MAX_FILE_BYTES}",
                bytes.len()
            ),
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
        let full = String::from_utf8_lossy(&bytes).into_owned();
        Diagnostic::error(
            "invalid-utf8",
            display,
            Pos::of_offset(&prefix, prefix.len()),
            format!("invalid UTF-8 at byte {valid}; a roadmap file must be UTF-8 text"),
        )
        .with_snippet_from(&full)
    })
}

fn parse_doc(text: &str, display: &str) -> Result<FileDoc, Diagnostic> {
    let doc: FileDoc = ron_options().from_str(text).map_err(|e| {
        let at = Pos {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        Diagnostic::error(
            "parse",
            display,
            skip_blanks(text, at),
            describe_ron_error(&e.code),
        )
        .with_snippet_from(text)
    })?;
    if doc.schema != SCHEMA_VERSION {
        let at = find_field(text, "schema").unwrap_or(Pos::START);
        return Err(Diagnostic::error(
            "schema-version",
            display,
            at,
            format!(
                "schema version {} is not supported; this build reads version {SCHEMA_VERSION}",
                doc.schema
            ),
        )
        .with_snippet_from(text));
    }
    Ok(doc)
}

/// ron reports some errors at the whitespace before the offending token; point at the token,
/// on a later line if need be. At the end of the file the position stays where ron put it.
fn skip_blanks(text: &str, at: Pos) -> Pos {
    let offset = at.to_offset(text);
    match text[offset..].find(|c: char| !c.is_whitespace()) {
        Some(i) => Pos::of_offset(text, offset + i),
        None => at,
    }
}

fn describe_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            format!("values are nested deeper than the limit of {MAX_NESTING}")
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// The position of `name:` as a field in `text`, if present.
pub(crate) fn find_field(text: &str, name: &str) -> Option<Pos> {
    let needle = format!("{name}:");
    let mut from = 0;
    while let Some(i) = text[from..].find(&needle) {
        let at = from + i;
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if before_ok {
            return Some(Pos::of_offset(text, at));
        }
        from = at + needle.len();
    }
    None
}

/// Reads and parses the roadmap whose entry file is `entry`, with all its includes.
///
/// Returns every parse error at once; validation of references is separate
/// ([`crate::analysis::validate`]).
pub fn parse_roadmap(fs: &dyn FileSystem, entry: &Path) -> Result<Parsed, LoadError> {
    let entry_display = entry.display().to_string();
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    let entry_text = read_text(
        fs,
        entry,
        &entry_display,
        (&entry_display, Pos::START, None),
    )
    .map_err(fail)?;
    let mut entry_doc = parse_doc(&entry_text, &entry_display).map_err(fail)?;
    let Some(header) = entry_doc.roadmap.take() else {
        return Err(fail(Diagnostic::error(
            "not-an-entry-file",
            &entry_display,
            Pos::START,
            "this file has no `roadmap: (…)` header, so it is not a roadmap's entry file; open the file that includes it",
        )));
    };
    let includes = std::mem::take(&mut entry_doc.include);
    let mut diagnostics = Vec::new();
    if includes.len() > MAX_INCLUDES {
        diagnostics.push(Diagnostic::error(
            "too-many-includes",
            &entry_display,
            find_field(&entry_text, "include").unwrap_or(Pos::START),
            format!(
                "{} files are included; at most {MAX_INCLUDES} are accepted",
                includes.len()
            ),
        ));
        return Err(LoadError { diagnostics });
    }

    let mut items = Items::default();
    items.absorb(entry_doc, FileId(0));
    let entry_name = entry.file_name().map_or_else(
        || entry_display.clone(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut infos = vec![FileInfo { name: entry_name }];
    let mut files = vec![ParsedFile {
        display: entry_display.clone(),
        path: entry.to_owned(),
        text: entry_text,
    }];
    let base = entry.parent().unwrap_or_else(|| Path::new(""));

    for (n, include) in includes.iter().enumerate() {
        let cite = include_position(&files[0].text, n);
        let path = base.join(include);
        let display = path.display().to_string();
        let seen = infos.iter().any(|i| &i.name == include) || include == &infos[0].name;
        if seen {
            diagnostics.push(
                Diagnostic::error(
                    "duplicate-include",
                    &entry_display,
                    cite,
                    format!("`{include}` is included more than once"),
                )
                .with_snippet_from(&files[0].text),
            );
            continue;
        }
        let text = match read_text(
            fs,
            &path,
            &display,
            (&entry_display, cite, Some(&files[0].text)),
        ) {
            Ok(t) => t,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        match parse_doc(&text, &display) {
            Ok(doc) => {
                if doc.roadmap.is_some() || !doc.include.is_empty() {
                    let field = if doc.roadmap.is_some() {
                        "roadmap"
                    } else {
                        "include"
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            "nested-entry",
                            &display,
                            find_field(&text, field).unwrap_or(Pos::START),
                            format!("an included file may not have `{field}`; only the entry file has a header and includes"),
                        )
                        .with_snippet_from(&text),
                    );
                }
                let id = FileId(u16::try_from(infos.len()).unwrap_or(u16::MAX));
                items.absorb(doc, id);
                infos.push(FileInfo {
                    name: include.clone(),
                });
                files.push(ParsedFile {
                    display,
                    path,
                    text,
                });
            }
            Err(d) => diagnostics.push(d),
        }
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics });
    }
    Ok(Parsed {
        roadmap: Roadmap::new(header, infos, items),
        files,
    })
}

/// Where the `n`th include (from 0) is written in the entry file: the `n`th string literal of
/// the `include` list.
fn include_position(entry_text: &str, n: usize) -> Pos {
    let Some(start) = find_field(entry_text, "include").map(|p| p.to_offset(entry_text)) else {
        return Pos::START;
    };
    let mut seen = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in entry_text[start..].char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            if seen == n {
                return Pos::of_offset(entry_text, start + i);
            }
            seen += 1;
            in_string = true;
        } else if c == ']' {
            break;
        }
    }
    Pos::START
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// Writes one file body in canonical form: the same value always gives the same bytes.
pub fn serialize_file(doc: &FileDoc) -> String {
    let mut text = ron::ser::to_string_pretty(doc, pretty()).unwrap_or_else(|e| {
        // The model holds only strings, numbers, enums and sequences, which always serialize.
        unreachable!("a roadmap file always serializes: {e}")
    });
    text.push('\n');
    text
}

/// The canonical text of every file of `roadmap`, in [`FileId`] order.
pub fn canonical_text(roadmap: &Roadmap) -> Vec<String> {
    (0..roadmap.files.len())
        .map(|i| serialize_file(&roadmap.file_doc(FileId(u16::try_from(i).unwrap_or(u16::MAX)))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_beyond_the_limit_is_refused_by_name() {
        // The schema never nests this deep, so an untyped value shows the parser's limit.
        let deep = format!("{}{}", "[".repeat(MAX_NESTING + 1), "]".repeat(MAX_NESTING + 1));
        let err = ron_options()
            .from_str::<serde::de::IgnoredAny>(&deep)
            .expect_err("too deep");
        assert_eq!(err.code, ron::Error::ExceededRecursionLimit);
        assert_eq!(
            describe_ron_error(&err.code),
            format!("values are nested deeper than the limit of {MAX_NESTING}")
        );
        let shallow = format!("{}{}", "[".repeat(MAX_NESTING - 1), "]".repeat(MAX_NESTING - 1));
        assert!(ron_options().from_str::<serde::de::IgnoredAny>(&shallow).is_ok());
    }
}
