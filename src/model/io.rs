//! Reading a roadmap's files into a [`Roadmap`], and writing them back in canonical form.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use ron::extensions::Extensions;

mod fast;
mod wording;

use super::{FileDoc, FileId, FileInfo, Items, Roadmap, SCHEMA_VERSION};
use crate::diagnostic::{Diagnostic, Pos};
use wording::describe_ron_error;

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The deepest nesting of RON values accepted.
pub const MAX_NESTING: usize = 64;
/// The most files one roadmap may include.
pub const MAX_INCLUDES: usize = 1000;

/// Where a roadmap's files are read from: the disk, or the copy bundled in the binary. Files are
/// read from several threads at once, hence `Sync`.
pub trait FileSystem: Sync {
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
    // Checking with SIMD and copying is several times faster than `String::from_utf8` on
    // Japanese text; the slower check runs only to describe invalid input.
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(text.to_owned());
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

/// Parses one file: with the fast reader when the text is in its subset, else with `ron`, which
/// also reports every error.
fn parse_doc(text: &str, display: &str) -> Result<FileDoc, Diagnostic> {
    let doc = match fast::from_str::<FileDoc>(text) {
        Ok(doc) => {
            #[cfg(fuzzing)]
            assert_eq!(
                ron_options().from_str::<FileDoc>(text).ok().as_ref(),
                Some(&doc),
                "the fast reader and ron disagree"
            );
            doc
        }
        Err(fast::GaveUp) => parse_doc_with_ron(text, display)?,
    };
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

/// Parses one file with `ron`, turning its error into a diagnostic at the offending token.
fn parse_doc_with_ron(text: &str, display: &str) -> Result<FileDoc, Diagnostic> {
    ron_options().from_str(text).map_err(|e| {
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
    })
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

    // First the includes named twice (or naming the entry file), in order; the rest are read and
    // parsed in parallel, and taken in include order, so that the result never depends on
    // which thread finishes first.
    let mut names: HashSet<&str> = HashSet::from([infos[0].name.as_str()]);
    let mut steps: Vec<Result<Include, Diagnostic>> = Vec::with_capacity(includes.len());
    let cites = include_positions(&files[0].text, includes.len());
    for (include, cite) in includes.iter().zip(cites) {
        if names.insert(include.as_str()) {
            let path = base.join(include);
            let display = path.display().to_string();
            steps.push(Ok(Include {
                name: include.clone(),
                path,
                display,
                cite,
            }));
        } else {
            steps.push(Err(Diagnostic::error(
                "duplicate-include",
                &entry_display,
                cite,
                format!("`{include}` is included more than once"),
            )
            .with_snippet_from(&files[0].text)));
        }
    }
    let jobs: Vec<&Include> = steps.iter().filter_map(|s| s.as_ref().ok()).collect();
    let entry_text = files[0].text.as_str();
    let mut results = in_parallel(jobs.len(), |i| {
        let job = jobs[i];
        let text = read_text(
            fs,
            &job.path,
            &job.display,
            (&entry_display, job.cite, Some(entry_text)),
        )?;
        let doc = parse_doc(&text, &job.display)?;
        Ok::<_, Diagnostic>((text, doc))
    })
    .into_iter();
    for step in steps {
        let job = match step {
            Ok(job) => job,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let Some(result) = results.next() else {
            break;
        };
        match result {
            Ok((text, doc)) => {
                if doc.roadmap.is_some() || !doc.include.is_empty() {
                    let field = if doc.roadmap.is_some() {
                        "roadmap"
                    } else {
                        "include"
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            "nested-entry",
                            &job.display,
                            find_field(&text, field).unwrap_or(Pos::START),
                            format!("an included file may not have `{field}`; only the entry file has a header and includes"),
                        )
                        .with_snippet_from(&text),
                    );
                }
                let id = FileId(u16::try_from(infos.len()).unwrap_or(u16::MAX));
                items.absorb(doc, id);
                infos.push(FileInfo { name: job.name });
                files.push(ParsedFile {
                    display: job.display,
                    path: job.path,
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

/// An included file to read.
struct Include {
    /// As the entry file names it.
    name: String,
    path: PathBuf,
    display: String,
    /// Where the entry file names it.
    cite: Pos,
}

/// Runs `work(0)`, `work(1)` … `work(count - 1)` on up to as many threads as the machine has
/// cores, and returns the results in order. A panic in `work` is passed on.
fn in_parallel<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(count)
        .min(16);
    if threads <= 1 {
        return (0..count).map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<T>> = (0..count).map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= count {
                            break done;
                        }
                        done.push((i, work(i)));
                    }
                })
            })
            .collect();
        for worker in workers {
            let done = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, result) in done {
                results[i] = Some(result);
            }
        }
    });
    results.into_iter().flatten().collect()
}

/// Where each include is written in the entry file: the string literals of the `include` list,
/// in order, found in one pass. An include not found (never, for a file that parsed) is at 1:1.
fn include_positions(entry_text: &str, count: usize) -> Vec<Pos> {
    let mut out = Vec::with_capacity(count);
    if let Some(start) = find_field(entry_text, "include").map(|p| p.to_offset(entry_text)) {
        let mut in_string = false;
        let mut escaped = false;
        // Line and column are counted along the way, not from the start for each include.
        let mut pos = Pos::of_offset(entry_text, start);
        for c in entry_text[start..].chars() {
            if out.len() == count {
                break;
            }
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
            } else if c == '"' {
                out.push(pos);
                in_string = true;
            } else if c == ']' {
                break;
            }
            if c == '\n' {
                pos = Pos {
                    line: pos.line + 1,
                    col: 1,
                };
            } else {
                pos.col += 1;
            }
        }
    }
    out.resize(count, Pos::START);
    out
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
    to_canonical(doc)
}

fn to_canonical(doc: &impl serde::Serialize) -> String {
    let mut text = ron::ser::to_string_pretty(doc, pretty()).unwrap_or_else(|e| {
        // The model holds only strings, numbers, enums and sequences, which always serialize.
        unreachable!("a roadmap file always serializes: {e}")
    });
    text.push('\n');
    text
}

/// The canonical text of every file of `roadmap`, in [`FileId`] order: the same as
/// [`serialize_file`] of each [`Roadmap::file_doc`], with the items grouped by file in one pass
/// and the files written in parallel.
pub fn canonical_text(roadmap: &Roadmap) -> Vec<String> {
    let docs = roadmap.file_doc_refs();
    in_parallel(docs.len(), |i| to_canonical(&docs[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_positions_are_the_strings_of_the_list() {
        let text = "(\n  include: [\"a.ron\", \"b\\\"c.ron\",\n    \"小.ron\", \"d.ron\"],\n  x: \"e\",\n)";
        let got = include_positions(text, 5);
        let want: Vec<Pos> = [(2, 13), (2, 22), (3, 5), (3, 14), (1, 1)]
            .iter()
            .map(|&(line, col)| Pos { line, col })
            .collect();
        assert_eq!(got, want);
        assert_eq!(include_positions("(x: 1)", 2), vec![Pos::START, Pos::START]);
    }

    #[test]
    fn canonical_text_is_each_file_serialized_alone() {
        let doc = crate::bundled::open().expect("bundled");
        let r = &doc.roadmap;
        let one_by_one: Vec<String> = (0..r.files.len())
            .map(|i| serialize_file(&r.file_doc(FileId(u16::try_from(i).expect("few files")))))
            .collect();
        assert_eq!(canonical_text(r), one_by_one);
        assert!(one_by_one.len() > 2);
    }

    #[test]
    fn work_in_parallel_comes_back_in_order() {
        let squares = in_parallel(100, |i| i * i);
        assert_eq!(squares, (0..100).map(|i| i * i).collect::<Vec<_>>());
        assert!(in_parallel(0, |i| i).is_empty());
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused_by_name() {
        // The schema never nests this deep, so an untyped value shows the parser's limit.
        let deep = format!(
            "{}{}",
            "[".repeat(MAX_NESTING + 1),
            "]".repeat(MAX_NESTING + 1)
        );
        let err = ron_options()
            .from_str::<serde::de::IgnoredAny>(&deep)
            .expect_err("too deep");
        assert_eq!(err.code, ron::Error::ExceededRecursionLimit);
        assert_eq!(
            describe_ron_error(&err.code),
            format!("values are nested deeper than the limit of {MAX_NESTING}")
        );
        // ron counts some levels twice, so an untyped value already fails past 32; anything as
        // deep as the schema nests (about six levels) is far within the limit.
        let shallow = format!("{}{}", "[".repeat(16), "]".repeat(16));
        assert!(
            ron_options()
                .from_str::<serde::de::IgnoredAny>(&shallow)
                .is_ok()
        );
    }
}
