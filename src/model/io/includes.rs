//! A roadmap's includes before they are read: where the entry file names each, which are
//! refused (named twice, outside the entry file's folder, not a regular file, too large), and
//! whether the roadmap as a whole stays within its size limit.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::files::{Cite, FileSystem, measure};
use super::limits::{MAX_TOTAL_BYTES, human_size};
use super::paths::{self, leaves_folder};
use super::{find_field, in_parallel};
use crate::diagnostic::{Diagnostic, Pos};

/// An included file to read.
pub(super) struct Include {
    /// As the entry file names it.
    pub(super) name: String,
    /// The path read.
    pub(super) path: PathBuf,
    /// The name shown in diagnostics about the file.
    pub(super) display: String,
    /// Where the entry file names it.
    pub(super) cite: Pos,
    /// Its size, as measured before reading.
    pub(super) bytes: u64,
}

/// Each include of the entry file, looked at but not read: the file to read, or why it is
/// refused (named twice, outside the entry file's folder, not a regular file, too large).
pub(super) fn plan_includes<'a>(
    fs: &dyn FileSystem,
    entry: &Path,
    includes: &[String],
    entry_name: &str,
    entry_text: &str,
    cite_of: &(dyn Fn(Pos) -> Cite<'a> + Sync),
) -> Vec<Result<Include, Diagnostic>> {
    let base = entry.parent().unwrap_or_else(|| Path::new(""));
    let root = fs.real_path(paths::folder_of(entry)).ok().flatten();
    let mut names: HashSet<&str> = HashSet::from([entry_name]);
    let cites = include_positions(entry_text, includes.len());
    let named: Vec<(&String, Pos, bool)> = includes
        .iter()
        .zip(cites)
        .map(|(name, cite)| (name, cite, names.insert(name.as_str())))
        .collect();
    in_parallel(named.len(), |i| {
        let (name, at, first) = named[i];
        let cite = cite_of(at);
        if !first {
            return Err(cite.error(
                "duplicate-include",
                format!("`{name}` is included more than once"),
            ));
        }
        if let Some(how) = leaves_folder(name) {
            return Err(paths::name_refused(name, how, cite));
        }
        let path = base.join(name);
        let display = path.display().to_string();
        paths::check_inside(fs, name, &path, root.as_deref(), cite)?;
        let not_a_file = (
            "include-not-a-file",
            "an include must name a regular RON file",
        );
        let bytes = measure(fs, &path, &display, cite, not_a_file)?;
        Ok(Include {
            name: name.clone(),
            path,
            display,
            cite: at,
            bytes,
        })
    })
}

/// The refusal of a roadmap whose files, the entry file of `entry_bytes` and the includes of
/// `sizes` in order, together hold more than [`MAX_TOTAL_BYTES`]: at the include that takes it
/// past the limit. `None` within the limit.
pub(super) fn over_total<'a, 'c>(
    entry_bytes: u64,
    sizes: impl Iterator<Item = (&'a Include, u64)>,
    cite_of: &dyn Fn(Pos) -> Cite<'c>,
) -> Option<Diagnostic> {
    let limit = MAX_TOTAL_BYTES as u64;
    let mut total = entry_bytes;
    for (job, bytes) in sizes {
        total = total.saturating_add(bytes);
        if total > limit {
            return Some(cite_of(job.cite).error(
                "roadmap-too-large",
                format!(
                    "with `{}` ({bytes} bytes), the roadmap's files hold {total} bytes together; the largest roadmap accepted is {limit} bytes ({}) in all its files",
                    job.name,
                    human_size(limit)
                ),
            ));
        }
    }
    None
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
}
