//! The commands for roadmaps in git: `waymark diff` (two versions, item by item), `waymark
//! git-diff` and `waymark textconv` (what git runs to show a roadmap file's changes), `waymark
//! merge` (the merge driver) and `waymark git-setup`. Each writes its report to `out`, its
//! errors to `err`, and returns the process exit code.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Revision, setup, shell_quote};
use crate::document::{Disk, read_file, write_atomic};
use crate::i18n::Lang;
use crate::model::{
    FileDoc, FileId, FileSystem, Roadmap, parse_file_text, parse_roadmap, serialize_file, split_bom,
};
use crate::versions::compare::{ItemChange, compare};
use crate::versions::entries::{self, Entry};
use crate::versions::merge::merge_files;
use crate::versions::report::{self, Names};

/// Exit code when the versions are equal, or a merge is clean.
pub const EXIT_SAME: u8 = 0;
/// Exit code when the versions differ, or a merge has conflicts.
pub const EXIT_DIFFERENT: u8 = 1;
/// Exit code when something could not be read, compared or written.
pub const EXIT_TROUBLE: u8 = 2;

/// A version as read: a whole roadmap, or one file of one.
enum Version {
    Roadmap(Box<Roadmap>),
    File { name: String, doc: Box<FileDoc> },
}

impl Version {
    fn entries(&self) -> Result<Vec<Entry>, String> {
        match self {
            Version::Roadmap(r) => entries::of_roadmap(r),
            Version::File { doc, .. } => {
                entries::file_value(doc).and_then(|v| entries::of_file_value(&v, FileId(0)))
            }
        }
        .map_err(|e| e.to_string())
    }

    fn file_names(&self) -> Vec<String> {
        match self {
            Version::Roadmap(r) => r.files.iter().map(|f| f.name.clone()).collect(),
            Version::File { name, .. } => vec![name.clone()],
        }
    }

    fn roadmap(&self) -> Option<&Roadmap> {
        match self {
            Version::Roadmap(r) => Some(r),
            Version::File { .. } => None,
        }
    }
}

/// The entry file among the `.ron` files of `dir` on disk: the one with a `roadmap:` header.
fn entry_in(dir: &Path) -> Result<PathBuf, String> {
    let mut found = Vec::new();
    let listing = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for item in listing.flatten() {
        let path = item.path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let Ok(bytes) = read_file(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(split_bom(&bytes).1).into_owned();
        if parse_file_text(&text, "").is_ok_and(|d| d.roadmap.is_some()) {
            found.push(path);
        }
    }
    found.sort();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!(
            "{}: no entry file (a .ron file with a `roadmap:` header) in this folder",
            dir.display()
        )),
        _ => Err(format!(
            "{}: several entry files in this folder; name one of them",
            dir.display()
        )),
    }
}

/// Reads the version of `path` that `fs` holds: a whole roadmap when it is an entry file, else
/// the one file.
fn read_version(fs: &dyn FileSystem, path: &Path) -> Result<Version, String> {
    match parse_roadmap(fs, path) {
        Ok(parsed) => Ok(Version::Roadmap(Box::new(parsed.roadmap))),
        Err(e) if e.diagnostics.len() == 1 && e.diagnostics[0].rule == "not-an-entry-file" => {
            let bytes = fs
                .read(path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let text = String::from_utf8(split_bom(&bytes).1.to_vec())
                .map_err(|_| format!("{}: not UTF-8", path.display()))?;
            let display = path.display().to_string();
            let doc = parse_file_text(&text, &display).map_err(|d| d.to_string())?;
            let name = path
                .file_name()
                .map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
            Ok(Version::File {
                name,
                doc: Box::new(doc),
            })
        }
        Err(e) => Err(e
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

/// Where one side of a comparison is: a path on disk, or a path in a git revision.
enum Side {
    Disk(PathBuf),
    Git(Revision, PathBuf),
}

impl Side {
    fn read(&self) -> Result<Version, String> {
        let (fs, path): (&dyn FileSystem, &Path) = match self {
            Side::Disk(p) => (&Disk, p),
            Side::Git(rev, p) => (rev, p),
        };
        // A folder is named by the entry file the work tree has in it.
        let path = if path.is_dir() {
            entry_in(path)?
        } else {
            path.to_owned()
        };
        read_version(fs, &path).map_err(|e| match self {
            Side::Git(rev, _) => format!("{e} (in revision {})", rev.name()),
            Side::Disk(_) => e,
        })
    }
}

/// Which two versions `waymark diff OLD [NEW] [-- ENTRY]` compares: with ENTRY, OLD and NEW are
/// revisions (NEW left out: the work tree); without, each of OLD and NEW is a path, or OLD a
/// revision of the path NEW.
fn sides(old: &str, new: Option<&str>, entry: Option<&Path>) -> Result<(Side, Side), String> {
    let revision = |rev: &str, path: &Path| {
        Revision::new(rev, path)
            .map(|r| Side::Git(r, path.to_owned()))
            .map_err(|e| e.to_string())
    };
    if let Some(entry) = entry {
        let new_side = match new {
            Some(rev) => revision(rev, entry)?,
            None => Side::Disk(entry.to_owned()),
        };
        return Ok((revision(old, entry)?, new_side));
    }
    let Some(new) = new else {
        return Err("name two versions: OLD NEW, or revisions and `-- ENTRY`".to_owned());
    };
    let new_path = PathBuf::from(new);
    if !new_path.exists() {
        return Err(format!("{new}: no such file or folder"));
    }
    let old_side = if Path::new(old).exists() {
        Side::Disk(PathBuf::from(old))
    } else {
        revision(old, &new_path)
            .map_err(|e| format!("{old} is neither a file, a folder nor a revision: {e}"))?
    };
    Ok((old_side, Side::Disk(new_path)))
}

/// How a comparison is reported.
#[derive(Clone, Copy, Debug)]
pub struct DiffOptions {
    /// JSON rather than text.
    pub json: bool,
    /// The language of the text.
    pub lang: Lang,
}

/// Writes the differences between two versions; returns whether there are any.
fn write_changes(
    old: &Version,
    new: &Version,
    extra_labels: Option<&Roadmap>,
    options: DiffOptions,
    out: &mut dyn Write,
) -> Result<bool, String> {
    let changes: Vec<ItemChange> = compare(&old.entries()?, &new.entries()?);
    let mut roadmaps: Vec<&Roadmap> = new.roadmap().into_iter().chain(old.roadmap()).collect();
    roadmaps.extend(extra_labels);
    let names = Names {
        roadmaps,
        old_files: old.file_names(),
        new_files: new.file_names(),
        lang: options.lang,
    };
    let written = if options.json {
        serde_json::to_string_pretty(&report::json(&changes, &names))
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string())?
    } else {
        report::text(&changes, &names)
    };
    out.write_all(written.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(!changes.is_empty())
}

/// `waymark diff OLD [NEW] [-- ENTRY]`: the items added, removed, moved and changed field by
/// field between two versions of a roadmap (or of one of its files). Exit 0 when equal, 1 when
/// different, 2 on error.
pub fn diff(
    old: &str,
    new: Option<&str>,
    entry: Option<&Path>,
    options: DiffOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut run = || -> Result<bool, String> {
        let (old, new) = sides(old, new, entry)?;
        let new_path = match &new {
            Side::Disk(p) => Some(p.clone()),
            Side::Git(..) => None,
        };
        let (old, new) = (old.read()?, new.read()?);
        if matches!(
            (&old, &new),
            (Version::Roadmap(_), Version::File { .. })
                | (Version::File { .. }, Version::Roadmap(_))
        ) {
            return Err(
                "one version is a roadmap's entry file and the other a file it includes; compare like with like"
                    .to_owned(),
            );
        }
        // A file alone names items by the roadmap of its folder, where there is one.
        let labels = match (&new, new_path) {
            (Version::File { .. }, Some(path)) => roadmap_of(&path),
            _ => None,
        };
        write_changes(&old, &new, labels.as_ref(), options, out)
    };
    match run() {
        Ok(false) => EXIT_SAME,
        Ok(true) => EXIT_DIFFERENT,
        Err(e) => {
            writeln!(err, "waymark diff: {e}").ok();
            EXIT_TROUBLE
        }
    }
}

/// A file as git hands it to a diff or merge driver: `None` for `/dev/null` (no such file on
/// that side) or an empty file.
fn read_file_doc(path: &Path) -> Result<Option<(FileDoc, bool)>, String> {
    if path == Path::new("/dev/null") {
        return Ok(None);
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (bom, body) = split_bom(&bytes);
    let text = std::str::from_utf8(body).map_err(|_| format!("{}: not UTF-8", path.display()))?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_file_text(text, &path.display().to_string())
        .map(|d| Some((d, bom)))
        .map_err(|d| d.to_string())
}

/// The working tree's roadmap that the file at `path` belongs to, for labels: the entry file of
/// its folder (or the file itself), if it loads.
fn roadmap_of(path: &Path) -> Option<Roadmap> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let entry = entry_in(dir).ok()?;
    parse_roadmap(&Disk, &entry).ok().map(|p| p.roadmap)
}

/// A file with no items, for a side where the file does not exist.
fn empty_file() -> FileDoc {
    serde_json::from_value(serde_json::json!({ "schema": crate::model::SCHEMA_VERSION }))
        .unwrap_or_else(|e| unreachable!("a file of no items is a file: {e}"))
}

/// `waymark git-diff PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`: git's external
/// diff for a roadmap file (`diff.waymark.command`). Reports the file's item changes under a
/// `diff --waymark a/PATH b/PATH` line; always exits 0 unless the files cannot be read (git
/// stops at an external diff's failure).
pub fn git_diff(
    path: &Path,
    old: &Path,
    new: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut run = || -> Result<(), String> {
        let name = path.display().to_string();
        let side = |file: &Path| -> Result<Version, String> {
            let doc = read_file_doc(file)?.map_or_else(empty_file, |(d, _)| d);
            Ok(Version::File {
                name: name.clone(),
                doc: Box::new(doc),
            })
        };
        let (old, new) = (side(old)?, side(new)?);
        writeln!(out, "diff --waymark a/{name} b/{name}").map_err(|e| e.to_string())?;
        let labels = roadmap_of(path);
        let options = DiffOptions { json: false, lang };
        write_changes(&old, &new, labels.as_ref(), options, out)?;
        Ok(())
    };
    match run() {
        Ok(()) => EXIT_SAME,
        Err(e) => {
            writeln!(err, "waymark git-diff: {e}").ok();
            EXIT_TROUBLE
        }
    }
}

/// `waymark textconv FILE`: a roadmap file as lines git's own diff reads item by item (its
/// `diff.waymark.textconv`, used by `git log -p` and `git diff`): one line per field of every
/// item, `collection key field: value`.
pub fn textconv(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut run = || -> Result<(), String> {
        let doc = read_file_doc(path)?.map_or_else(empty_file, |(d, _)| d);
        let entries = entries::file_value(&doc)
            .and_then(|v| entries::of_file_value(&v, FileId(0)))
            .map_err(|e| e.to_string())?;
        let mut text = String::new();
        for e in &entries {
            for (field, value) in entries::leaves(&e.value) {
                writeln!(text, "{} {} {field}: {value}", e.collection, e.key).ok();
            }
        }
        out.write_all(text.as_bytes()).map_err(|e| e.to_string())
    };
    match run() {
        Ok(()) => EXIT_SAME,
        Err(e) => {
            writeln!(err, "waymark textconv: {e}").ok();
            EXIT_TROUBLE
        }
    }
}

/// `waymark merge BASE OURS THEIRS [--path P] -o OUT`: git's merge driver for a roadmap file
/// (`%O %A %B %P`, writing to `%A`). Merges items and fields; writes the result in canonical
/// form. Exit 0 when clean; 1 with conflicts, which the file records (`waymark check` lists
/// them); 2 when a version cannot be read as a roadmap file, after writing git's line-by-line
/// merge with conflict markers instead (or leaving ours where git cannot run).
pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&Path>,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let name = path.map_or_else(|| ours.display().to_string(), |p| p.display().to_string());
    let read = || -> Result<_, String> {
        let base = read_file_doc(base)?;
        let ours = read_file_doc(ours)?;
        let theirs = read_file_doc(theirs)?;
        Ok((base, ours, theirs))
    };
    let (base_doc, ours_doc, theirs_doc) = match read() {
        Ok(docs) => docs,
        Err(e) => {
            writeln!(err, "waymark merge: {name}: {e}; merging it line by line").ok();
            return line_merge(base, ours, theirs, output, err);
        }
    };
    let bom = ours_doc.as_ref().is_some_and(|(_, bom)| *bom);
    let base_doc = base_doc.map(|(d, _)| d);
    let ours_doc = ours_doc.map_or_else(empty_file, |(d, _)| d);
    let theirs_doc = theirs_doc.map_or_else(empty_file, |(d, _)| d);
    let merged = match merge_files(base_doc.as_ref(), &ours_doc, &theirs_doc) {
        Ok(m) => m,
        Err(e) => {
            writeln!(err, "waymark merge: {name}: {e}; merging it line by line").ok();
            return line_merge(base, ours, theirs, output, err);
        }
    };
    let text = serialize_file(&merged.doc);
    let mut bytes = Vec::new();
    if bom {
        bytes.extend_from_slice(crate::model::BOM.as_bytes());
    }
    bytes.extend_from_slice(text.as_bytes());
    if let Err(e) = write_atomic(output, &bytes) {
        writeln!(err, "waymark merge: {}: {e}", output.display()).ok();
        return EXIT_TROUBLE;
    }
    if merged.conflicts.is_empty() {
        return EXIT_SAME;
    }
    writeln!(
        out,
        "{name}: {} conflict(s) recorded in the file; resolve them in Waymark (or edit the file), then `waymark check`",
        merged.conflicts.len()
    )
    .ok();
    for c in &merged.conflicts {
        writeln!(out, "  {}", crate::versions::resolve::describe(c)).ok();
    }
    EXIT_DIFFERENT
}

/// git's own line-by-line merge of the three files into `output`, with conflict markers.
fn line_merge(base: &Path, ours: &Path, theirs: &Path, output: &Path, err: &mut dyn Write) -> u8 {
    let result = std::process::Command::new("git")
        .arg("merge-file")
        .arg("-p")
        .args([ours, base, theirs])
        .output();
    match result {
        Ok(o) if o.status.code().is_some() => {
            if let Err(e) = write_atomic(output, &o.stdout) {
                writeln!(err, "waymark merge: {}: {e}", output.display()).ok();
            }
        }
        _ => {
            writeln!(
                err,
                "waymark merge: git could not be run; ours is left as it is"
            )
            .ok();
        }
    }
    EXIT_TROUBLE
}

/// `waymark git-setup [DIR]`: registers Waymark as the merge driver and diff of the repository
/// that DIR is in, for files matching `pattern`, and says what it wrote.
pub fn git_setup(dir: &Path, pattern: &str, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let program =
        std::env::current_exe().map_or_else(|_| "waymark".to_owned(), |p| p.display().to_string());
    let program = shell_quote(&program);
    match setup(dir, &program, pattern) {
        Ok(attributes) => {
            writeln!(
                out,
                "{}: {}",
                attributes.display(),
                super::attributes_line(pattern)
            )
            .ok();
            for (key, value) in super::config_lines(&program) {
                writeln!(out, "git config {key} {}", shell_quote(&value)).ok();
            }
            EXIT_SAME
        }
        Err(e) => {
            writeln!(err, "waymark git-setup: {e}").ok();
            EXIT_TROUBLE
        }
    }
}
