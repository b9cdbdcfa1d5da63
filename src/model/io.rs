//! Reading a roadmap's files into a [`Roadmap`], and writing them back in canonical form.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use ron::extensions::Extensions;

mod fast;
mod files;
mod hints;
mod includes;
mod limits;
mod paths;
pub mod spans;
mod wording;

pub use files::{BOM, FileKind, FileSystem, Found, split_bom};
pub use limits::{MAX_FILE_BYTES, MAX_INCLUDES, MAX_NESTING, MAX_TOTAL_BYTES};
pub use paths::{LeavesFolder, leaves_folder};
pub use spans::{FieldSpan, FileSpans, ItemSpan};

use super::{FileDoc, FileId, FileInfo, Items, OLDEST_SCHEMA_VERSION, Roadmap, SCHEMA_VERSION};
use crate::diagnostic::{Diagnostic, Pos};
use files::{Cite, Text, measure, read_text};
use includes::{Include, over_total, plan_includes};
use wording::describe_ron_error;

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
    /// The text of the file, without the byte-order mark it may begin with.
    pub text: String,
    /// Whether the file began with a UTF-8 byte-order mark ([`BOM`]); it is written back with one.
    pub bom: bool,
}

impl ParsedFile {
    /// The bytes that hold `text` in this file: the text, after a byte-order mark if the file
    /// was read with one.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mark = if self.bom { BOM } else { "" };
        let mut bytes = Vec::with_capacity(mark.len() + text.len());
        bytes.extend_from_slice(mark.as_bytes());
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }

    /// Whether `bytes`, as found on disk, are this file as last read or saved (its text, with
    /// its byte-order mark if it had one).
    pub fn is_on_disk_as(&self, bytes: &[u8]) -> bool {
        let (bom, body) = split_bom(bytes);
        bom == self.bom && body == self.text.as_bytes()
    }

    /// How many bytes the file holds, its byte-order mark included.
    fn bytes(&self) -> u64 {
        byte_count(&self.text, self.bom)
    }
}

/// How many bytes `text` takes in a file, after a byte-order mark if `bom`.
fn byte_count(text: &str, bom: bool) -> u64 {
    (text.len() + if bom { BOM.len() } else { 0 }) as u64
}

impl Text {
    /// How many bytes the file held, its byte-order mark included.
    fn bytes(&self) -> u64 {
        byte_count(&self.text, self.bom)
    }
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
    if !(OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&doc.schema) {
        let at = find_field(text, "schema").unwrap_or(Pos::START);
        return Err(Diagnostic::error(
            "schema-version",
            display,
            at,
            format!(
                "schema version {} is not supported; this build reads versions {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION}",
                doc.schema
            ),
        )
        .with_snippet_from(text));
    }
    Ok(doc)
}

/// Parses the text of one roadmap file on its own (an entry file's header and includes are
/// kept, not followed), as loading parses each file: for tools that take files one at a time,
/// such as a merge driver.
pub fn parse_file_text(text: &str, display: &str) -> Result<FileDoc, Diagnostic> {
    parse_doc(text, display)
}

/// Parses one file with `ron`, turning its error into a diagnostic at the offending token.
fn parse_doc_with_ron(text: &str, display: &str) -> Result<FileDoc, Diagnostic> {
    ron_options().from_str(text).map_err(|e| {
        let at = Pos {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        let (at, message) = hints::refine(
            text,
            skip_blanks(text, at),
            describe_ron_error(&e.code),
            &e.code,
        );
        Diagnostic::error("parse", display, at, message).with_snippet_from(text)
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
/// The entry file may be anywhere, but must be a regular file. Its includes must be regular files
/// inside its folder, named relative to it, and no symbolic link may lead out of the folder.
/// Every file is looked at before it is opened: a file that is refused is never read, and the
/// sizes are checked against [`MAX_FILE_BYTES`] and [`MAX_TOTAL_BYTES`] before anything more
/// is read.
///
/// Returns every parse error at once; validation of references is separate
/// ([`crate::analysis::validate`]).
pub fn parse_roadmap(fs: &dyn FileSystem, entry: &Path) -> Result<Parsed, LoadError> {
    let entry_display = entry.display().to_string();
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    let at_start = Cite {
        file: &entry_display,
        at: Pos::START,
        text: None,
    };
    let not_a_file = (
        "entry-not-a-file",
        "a roadmap is opened from its entry file, a regular RON file",
    );
    let entry_bytes = measure(fs, entry, &entry_display, at_start, not_a_file).map_err(fail)?;
    let Text {
        text: entry_text,
        bom,
    } = read_text(fs, entry, &entry_display, at_start).map_err(fail)?;
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
    if includes.len() > MAX_INCLUDES {
        return Err(fail(Diagnostic::error(
            "too-many-includes",
            &entry_display,
            find_field(&entry_text, "include").unwrap_or(Pos::START),
            format!(
                "{} files are included; at most {MAX_INCLUDES} are accepted",
                includes.len()
            ),
        )));
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
        bom,
    }];

    // First each include is looked at, and refused if it is named twice (or names the entry
    // file), leaves the folder, is not a regular file or is too large; then the roadmap's size
    // as a whole is checked. Only then are the rest read and parsed in parallel, and taken in
    // include order, so that the result never depends on which thread finishes first.
    let entry_text = files[0].text.as_str();
    let cite_of = |at: Pos| Cite {
        file: &entry_display,
        at,
        text: Some(entry_text),
    };
    let steps = plan_includes(fs, entry, &includes, &infos[0].name, entry_text, &cite_of);
    let measured = steps
        .iter()
        .filter_map(|s| s.as_ref().ok())
        .map(|job| (job, job.bytes));
    if let Some(d) = over_total(entry_bytes, measured, &cite_of) {
        let mut diagnostics: Vec<Diagnostic> = steps.into_iter().filter_map(Result::err).collect();
        diagnostics.push(d);
        return Err(LoadError { diagnostics });
    }
    let jobs: Vec<&Include> = steps.iter().filter_map(|s| s.as_ref().ok()).collect();
    let results = in_parallel(jobs.len(), |i| {
        let job = jobs[i];
        let text = read_text(fs, &job.path, &job.display, cite_of(job.cite))?;
        let doc = parse_doc(&text.text, &job.display)?;
        Ok::<_, Diagnostic>((text, doc))
    });
    // A file may have grown since it was measured: the sizes as read are checked again.
    let as_read = jobs
        .iter()
        .zip(&results)
        .filter_map(|(job, r)| r.as_ref().ok().map(|(text, _)| (*job, text.bytes())));
    let grown = over_total(files[0].bytes(), as_read, &cite_of);
    let mut diagnostics = Vec::new();
    let mut results = results.into_iter();
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
        let (Text { text, bom }, doc) = match result {
            Ok(done) => done,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
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
            bom,
        });
    }
    diagnostics.extend(grown);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics });
    }
    Ok(Parsed {
        roadmap: Roadmap::new(header, infos, items),
        files,
    })
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

/// The canonical text of the files `wanted` of `roadmap` (as [`canonical_text`] gives it), in
/// the order asked: what diagnostics need when only some files have findings.
pub fn canonical_text_of(roadmap: &Roadmap, wanted: &[FileId]) -> Vec<String> {
    let docs = roadmap.file_doc_refs();
    in_parallel(wanted.len(), |i| {
        docs.get(usize::from(wanted[i].0))
            .map(to_canonical)
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text_is_each_file_serialized_alone() {
        let doc = crate::bundled::open().expect("bundled");
        let r = &doc.roadmap;
        let one_by_one: Vec<String> = (0..r.files.len())
            .map(|i| serialize_file(&r.file_doc(FileId(u16::try_from(i).expect("few files")))))
            .collect();
        assert_eq!(canonical_text(r), one_by_one);
        let some = [FileId(2), FileId(0)];
        assert_eq!(
            canonical_text_of(r, &some),
            vec![one_by_one[2].clone(), one_by_one[0].clone()]
        );
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
