//! Finding where an item or a reference is written, so that validation can point at it.
//!
//! The model keeps no spans; positions are found again in the text of the item's file: first the
//! item's own key (`id: "…"`, or the n-th `link:` of the file), then the offending value after it.
//!
//! Each file is indexed once, on the first lookup in it (its line starts, the offsets of every
//! `field: "value"` key of a field asked for, and of every link), so that a roadmap with many
//! findings costs time in proportion to its size, not to its size times its findings.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::diagnostic::Pos;
use crate::model::{FileId, ParsedFile};

/// The texts of a roadmap's files, for looking positions up.
pub struct Locator<'a> {
    files: &'a [ParsedFile],
    indexes: Vec<FileIndex<'a>>,
}

/// Lookups in one file, built on first use.
#[derive(Default)]
struct FileIndex<'a> {
    /// Byte offset of the start of every line.
    line_starts: OnceCell<Vec<usize>>,
    /// For each field asked for (`id`, `code`): the offsets of `field: "value"`, by the value as
    /// written between the quotes.
    keys: HashMap<String, HashMap<&'a str, Vec<usize>>>,
    /// The offsets of the file's links.
    links: OnceCell<Vec<usize>>,
    /// The bounds of the items found so far, by the offset of their key: an item with many
    /// findings is delimited once.
    bounds: HashMap<usize, (usize, usize)>,
}

/// The longest line shown as a snippet, in characters; a longer line (a whole file written on
/// one line) is not copied into every finding on it.
pub const MAX_SNIPPET_CHARS: usize = 1000;

/// Where a diagnostic points: a file's display name and a position in it.
pub struct Place<'a> {
    /// The file's display name.
    pub file: &'a str,
    /// The position.
    pub pos: Pos,
    /// The file's text, for the snippet.
    pub text: &'a str,
    /// The line the position is on, without its line break, as
    /// [`crate::diagnostic::Diagnostic::with_snippet_from`] would take it; `None` past the end,
    /// and for a line longer than [`MAX_SNIPPET_CHARS`].
    pub snippet: Option<&'a str>,
}

/// How to find an item in its file.
pub enum Key<'a> {
    /// An item with `field: "value"` as its key (`id: "gap.1"`, `code: "文"`).
    Field(&'a str, &'a str),
    /// The n-th link (from 0) of the file.
    Link(usize),
}

impl<'a> Locator<'a> {
    /// A locator over the parsed files.
    pub fn new(files: &'a [ParsedFile]) -> Self {
        Self {
            files,
            indexes: files.iter().map(|_| FileIndex::default()).collect(),
        }
    }

    /// Where `needles` are written in the item found by `key` in file `origin`: each needle is
    /// searched for after the previous one, within the item's parentheses. Without needles, or
    /// when one is not found, the place is the last thing found (at least the item's key).
    pub fn place(&mut self, origin: FileId, key: &Key<'_>, needles: &[&str]) -> Place<'a> {
        let key_at = self.key_offset(origin, key, 1);
        self.place_from(origin, key_at, needles)
    }

    /// Where the `n`-th (from 1) item with key `field: "value"` is written in file `origin`, or
    /// the first one when there are fewer.
    pub fn place_nth(&mut self, origin: FileId, field: &str, value: &str, n: usize) -> Place<'a> {
        let key = Key::Field(field, value);
        let at = self
            .key_offset(origin, &key, n)
            .or_else(|| self.key_offset(origin, &key, 1));
        self.place_from(origin, at, &[])
    }

    /// Where the `n`-th (from 1) occurrence of `key` is written in file `origin`.
    fn key_offset(&mut self, origin: FileId, key: &Key<'_>, n: usize) -> Option<usize> {
        let i = usize::from(origin.0);
        let (Some(file), Some(index)) = (self.files.get(i), self.indexes.get_mut(i)) else {
            return None;
        };
        let text = file.text.as_str();
        match key {
            Key::Field(field, value) => {
                let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
                index
                    .keys
                    .entry((*field).to_owned())
                    .or_insert_with(|| index_keys(text, field))
                    .get(quoted.as_str())
                    .and_then(|offsets| offsets.get(n.checked_sub(1)?).copied())
            }
            // Links have no key to repeat: the n-th link is the place.
            Key::Link(link) => index
                .links
                .get_or_init(|| link_offsets(text))
                .get(*link)
                .copied(),
        }
    }

    fn place_from(&mut self, origin: FileId, key_at: Option<usize>, needles: &[&str]) -> Place<'a> {
        let i = usize::from(origin.0);
        let (Some(file), Some(index)) = (self.files.get(i), self.indexes.get_mut(i)) else {
            return Place {
                file: "<unknown file>",
                pos: Pos::START,
                text: "",
                snippet: None,
            };
        };
        let text = file.text.as_str();
        let mut offset = key_at.unwrap_or(0);
        if let Some(key_at) = key_at {
            let (open, close) = *index
                .bounds
                .entry(key_at)
                .or_insert_with(|| item_bounds(text, key_at));
            let mut from = open;
            for needle in needles {
                match find_token(&text[from..close], needle) {
                    Some(i) => {
                        offset = from + i;
                        from = offset + needle.len();
                    }
                    None => break,
                }
            }
        }
        let starts = index.line_starts.get_or_init(|| line_starts(text));
        let (pos, snippet) = position(text, starts, offset);
        Place {
            file: &file.display,
            pos,
            text,
            snippet,
        }
    }
}

/// The byte offset of the start of every line of `text`.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The position of byte `offset` (as [`Pos::of_offset`] gives it) and its line (as
/// `str::lines` gives it, trimmed at the end), found through the line starts.
fn position<'t>(text: &'t str, starts: &[usize], offset: usize) -> (Pos, Option<&'t str>) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = starts.partition_point(|&s| s <= offset).max(1);
    let start = starts[line - 1];
    let col = text[start..offset].chars().count() + 1;
    let end = starts.get(line).copied().unwrap_or(text.len());
    let snippet = (start < text.len())
        .then(|| text[start..end].trim_end())
        .filter(|l| l.chars().nth(MAX_SNIPPET_CHARS).is_none());
    (Pos { line, col }, snippet)
}

/// The offsets where `field` is written as a whole name (not the tail of a longer one).
fn key_names(text: &str, field: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(field) {
        let at = from + i;
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if before_ok {
            out.push(at);
        }
        from = at + field.len();
    }
    out
}

/// Every `field: "value"` of `text`, by the value as written between the quotes.
fn index_keys<'t>(text: &'t str, field: &str) -> HashMap<&'t str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for at in key_names(text, field) {
        let rest = text[at + field.len()..].trim_start();
        let Some(after_colon) = rest.strip_prefix(':') else {
            continue;
        };
        let Some(value) = after_colon.trim_start().strip_prefix('"') else {
            continue;
        };
        // The value runs to the first quote that is not escaped.
        let mut escaped = false;
        let end = value.char_indices().find_map(|(i, c)| match (escaped, c) {
            (true, _) => {
                escaped = false;
                None
            }
            (false, '\\') => {
                escaped = true;
                None
            }
            (false, '"') => Some(i),
            _ => None,
        });
        if let Some(end) = end {
            out.entry(&value[..end]).or_default().push(at);
        }
    }
    out
}

/// Finds `needle` in `hay` where it is not the tail of a longer name (`fy:` in `as_of_fy:`).
fn find_token(hay: &str, needle: &str) -> Option<usize> {
    let word_start = needle
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let boundary = !word_start
            || hay[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

/// The byte range of the parenthesised item that encloses `at`: from its `(` to its `)`.
/// Strings are skipped, so parentheses inside text do not count.
fn item_bounds(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    // Walk back to the unmatched `(`, skipping strings (a `"` not preceded by a backslash).
    let mut depth = 0usize;
    let mut open = 0;
    let mut in_string = false;
    let mut i = at;
    while i > 0 {
        i -= 1;
        let c = bytes[i];
        if c == b'"' && (i == 0 || bytes[i - 1] != b'\\') {
            in_string = !in_string;
            continue;
        }
        if in_string {
            continue;
        }
        match c {
            b')' | b']' => depth += 1,
            b'(' | b'[' if depth > 0 => depth -= 1,
            b'(' => {
                open = i;
                break;
            }
            _ => {}
        }
    }
    // Walk forward from it to the matching `)`.
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (j, c) in text[open..].char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (open, open + j + 1);
                }
            }
            _ => {}
        }
    }
    (open, text.len())
}

/// The offsets of the file's links: every `link:` after the first `links:`.
fn link_offsets(text: &str) -> Vec<usize> {
    let Some(links_start) = text.find("links:") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut from = links_start + "links:".len();
    while let Some(i) = text[from..].find("link:") {
        let at = from + i;
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if before_ok {
            out.push(at);
        }
        from = at + "link:".len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn file(text: &str) -> [ParsedFile; 1] {
        [ParsedFile {
            display: "f".into(),
            path: "f".into(),
            text: text.into(),
            bom: false,
        }]
    }

    #[test]
    fn keys_are_found_by_field_and_value() {
        let text = "(\n  gaps: [\n    (id: \"g.1\", theme: \"t.1\"),\n    (id: \"g.2\", theme: \"t.9\"),\n  ],\n  valid: \"g.2\",\n  (id : \"g.2\"),\n)";
        let keys = index_keys(text, "id");
        let at = keys["g.2"][0];
        assert_eq!(Pos::of_offset(text, at), Pos { line: 4, col: 6 });
        // `valid:` is not `id:`; a space before the colon is allowed.
        assert_eq!(keys["g.2"].len(), 2);
        assert_eq!(
            Pos::of_offset(text, keys["g.2"][1]),
            Pos { line: 7, col: 4 }
        );
        assert!(!keys.contains_key("g.3"));
        // Escaped quotes are part of the value as written.
        let keys = index_keys(r#"(code: "a\"b", code: "c")"#, "code");
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert!(keys.contains_key(r#"a\"b"#));
    }

    #[test]
    fn the_nth_key_is_found() {
        let files = file("(\n(id: \"a\"),\n(id: \"b\"),\n(id: \"a\"),\n)");
        let mut loc = Locator::new(&files);
        assert_eq!(
            loc.place_nth(FileId(0), "id", "a", 2).pos,
            Pos { line: 4, col: 2 }
        );
        assert_eq!(
            loc.place_nth(FileId(0), "id", "a", 1).pos,
            Pos { line: 2, col: 2 }
        );
        // Fewer than n: the first.
        assert_eq!(
            loc.place_nth(FileId(0), "id", "a", 3).pos,
            Pos { line: 2, col: 2 }
        );
    }

    #[test]
    fn needles_are_searched_within_the_item_and_as_whole_names() {
        let text = "[\n (when: Day(1), id: \"e.1\", latest: (as_of_fy: 3), actuals: [(fy: 3)]),\n (id: \"e.2\", when: Day(2)),\n]";
        let files = file(text);
        let mut loc = Locator::new(&files);
        let key = Key::Field("id", "e.1");
        assert_eq!(
            loc.place(FileId(0), &key, &["when:"]).pos,
            Pos { line: 2, col: 3 }
        );
        assert_eq!(
            loc.place(FileId(0), &key, &["fy: 3"]).pos,
            Pos { line: 2, col: 62 }
        );
        // Not found inside the item: the item's key.
        assert_eq!(
            loc.place(FileId(0), &key, &["missing"]).pos,
            Pos { line: 2, col: 17 }
        );
        let key2 = Key::Field("id", "e.2");
        assert_eq!(
            loc.place(FileId(0), &key2, &["when:"]).pos,
            Pos { line: 3, col: 14 }
        );
        // An unknown key or file: the start.
        let none = loc.place(FileId(0), &Key::Field("id", "e.9"), &[]);
        assert_eq!(none.pos, Pos::START);
        assert_eq!(loc.place(FileId(3), &key, &[]).file, "<unknown file>");
    }

    #[test]
    fn links_are_found_by_number() {
        let text = "(\n links: [\n  (link: A(x: \"1\")),\n  (link: B(x: \"2\")),\n ],\n)";
        let links = link_offsets(text);
        assert_eq!(links.len(), 2);
        assert_eq!(Pos::of_offset(text, links[1]), Pos { line: 4, col: 4 });
        assert!(link_offsets("(gaps: [])").is_empty());
    }

    #[test]
    fn long_lines_are_not_snippets() {
        let long = "x".repeat(MAX_SNIPPET_CHARS + 1);
        let text = format!("short\n{long}\n");
        let starts = line_starts(&text);
        assert_eq!(position(&text, &starts, 0).1, Some("short"));
        assert_eq!(position(&text, &starts, 7).1, None);
        let fits = "é".repeat(MAX_SNIPPET_CHARS);
        let starts = line_starts(&fits);
        assert_eq!(position(&fits, &starts, 0).1, Some(fits.as_str()));
    }

    #[test]
    fn positions_and_snippets_agree_with_the_slow_way() {
        for text in [
            "",
            "a",
            "a\n",
            "ab\n小論点x\n\nz",
            "x\r\ny  \r\n\n",
            "\n\n\n",
            "é\u{1F600}\nq",
        ] {
            let starts = line_starts(text);
            for offset in 0..=text.len() + 2 {
                let (pos, snippet) = position(text, &starts, offset);
                assert_eq!(pos, Pos::of_offset(text, offset), "{text:?} at {offset}");
                let slow = Diagnostic::error("r", "f", pos, "m").with_snippet_from(text);
                assert_eq!(snippet, slow.snippet.as_deref(), "{text:?} at {offset}");
            }
        }
    }
}
