//! Finding where an item or a reference is written, so that validation can point at it.
//!
//! The model keeps no spans; the reader's structural pass over a file ([`FileSpans`]) gives
//! each item's bytes and its fields' when a diagnostic needs them. An item is found by its key
//! field's value (`id: "…"`, `code: "…"`) or, for a link, by its place among the file's links;
//! then the offending part of it: a field named by `field:` is found among the item's own
//! fields, any other text is searched for within the item.
//!
//! Each file is read once, on the first lookup in it (its spans, its line starts, and an index
//! of the items by the value of each key field asked for), so that a roadmap with many findings
//! costs time in proportion to its size, not to its size times its findings.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::diagnostic::Pos;
use crate::model::{FileId, FileSpans, ParsedFile};

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
    /// Where each item and field is written.
    spans: OnceCell<FileSpans<'a>>,
    /// For each key field asked for (`id`, `code`): the items (indices into the spans) that
    /// write it, by its value as written between the quotes.
    keys: HashMap<String, HashMap<&'a str, Vec<usize>>>,
    /// The items (indices into the spans) of the file's `links` list, in order.
    links: OnceCell<Vec<usize>>,
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
    Field(&'static str, &'a str),
    /// The n-th link (from 0) of the file.
    Link(usize),
    /// The n-th element (from 0) of the file's top-level list named (`conflicts`).
    Element(&'static str, usize),
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
    /// searched for after the previous one, within the item. Without needles, or when one is
    /// not found, the place is the last thing found (at least the item's key).
    pub fn place(&mut self, origin: FileId, key: &Key<'_>, needles: &[&str]) -> Place<'a> {
        let item = self.item(origin, key, 1);
        self.place_from(origin, item, key, needles)
    }

    /// Where the `n`-th (from 1) item with key `field: "value"` is written in file `origin`, or
    /// the first one when there are fewer.
    pub fn place_nth(
        &mut self,
        origin: FileId,
        field: &'static str,
        value: &str,
        n: usize,
    ) -> Place<'a> {
        let key = Key::Field(field, value);
        let item = self
            .item(origin, &key, n)
            .or_else(|| self.item(origin, &key, 1));
        self.place_from(origin, item, &key, &[])
    }

    /// The `n`-th (from 1) item found by `key` in file `origin`, as an index into its spans.
    fn item(&mut self, origin: FileId, key: &Key<'_>, n: usize) -> Option<usize> {
        let i = usize::from(origin.0);
        let (Some(file), Some(index)) = (self.files.get(i), self.indexes.get_mut(i)) else {
            return None;
        };
        let spans = index.spans.get_or_init(|| FileSpans::of(&file.text));
        match key {
            Key::Field(field, value) => {
                let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
                index
                    .keys
                    .entry((*field).to_owned())
                    .or_insert_with(|| index_keys(&file.text, spans, field))
                    .get(quoted.as_str())
                    .and_then(|items| items.get(n.checked_sub(1)?).copied())
            }
            Key::Element(collection, n) => spans
                .items
                .iter()
                .enumerate()
                .filter(|(_, s)| s.collection == *collection)
                .nth(*n)
                .map(|(i, _)| i),
            // Links have no key to repeat: the n-th link is the place.
            Key::Link(link) => index
                .links
                .get_or_init(|| {
                    let all = spans.items.iter().enumerate();
                    all.filter(|(_, s)| s.collection == "links")
                        .map(|(i, _)| i)
                        .collect()
                })
                .get(*link)
                .copied(),
        }
    }

    fn place_from(
        &mut self,
        origin: FileId,
        item: Option<usize>,
        key: &Key<'_>,
        needles: &[&str],
    ) -> Place<'a> {
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
        let mut offset = 0;
        if let Some(span) = item.and_then(|i| index.spans.get()?.items.get(i)) {
            let key_field = match key {
                Key::Field(field, _) => field,
                Key::Link(_) => "link",
                Key::Element(..) => "",
            };
            offset = span.field(key_field).map_or(span.range.start, |f| f.at);
            let mut from = span.range.start;
            let close = span.range.end;
            for needle in needles {
                // `name:` is one of the item's own fields where it has one; anything else (or a
                // field of a part of the item) is searched for in its text.
                let own_field = needle
                    .strip_suffix(':')
                    .and_then(|name| span.fields.iter().find(|f| f.name == name && f.at >= from));
                let found = match own_field {
                    Some(f) => Some(f.at),
                    None => find_token(&text[from..close], needle).map(|i| from + i),
                };
                match found {
                    Some(at) => {
                        offset = at;
                        from = at + needle.len();
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

/// The items of `spans` that write `field: "value"`, by the value as written between the
/// quotes.
fn index_keys<'t>(
    text: &'t str,
    spans: &FileSpans<'t>,
    field: &str,
) -> HashMap<&'t str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, item) in spans.items.iter().enumerate() {
        let Some(f) = item.field(field) else {
            continue;
        };
        let value = &text[f.value.clone()];
        if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            out.entry(inner).or_default().push(i);
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
        let text = "(\n  gaps: [\n    (id: \"g.1\", theme: \"t.1\"),\n    (id: \"g.2\", theme: \"t.9\"),\n    (text: \"valid: id: \\\"g.2\\\"\", id : \"g.2\"),\n  ],\n)";
        let spans = FileSpans::of(text);
        let keys = index_keys(text, &spans, "id");
        // Both items with the key, not the text of the string that quotes it.
        assert_eq!(keys["g.2"].len(), 2);
        let files = file(text);
        let mut loc = Locator::new(&files);
        assert_eq!(
            loc.place_nth(FileId(0), "id", "g.2", 1).pos,
            Pos { line: 4, col: 6 }
        );
        // A space before the colon is allowed.
        assert_eq!(
            loc.place_nth(FileId(0), "id", "g.2", 2).pos,
            Pos { line: 5, col: 34 }
        );
        assert!(!keys.contains_key("g.3"));
        // Escaped quotes are part of the value as written.
        let text = r#"(ministries: [(code: "a\"b"), (code: "c")])"#;
        let spans = FileSpans::of(text);
        let keys = index_keys(text, &spans, "code");
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert!(keys.contains_key(r#"a\"b"#));
    }

    #[test]
    fn the_nth_key_is_found() {
        let files = file("(x: [\n(id: \"a\"),\n(id: \"b\"),\n(id: \"a\"),\n])");
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
        let text = "(events: [\n (when: Day(1), id: \"e.1\", latest: (as_of_fy: 3), actuals: [(fy: 3)]),\n (id: \"e.2\", when: Day(2)),\n])";
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
        // The first link's note mentions `link:`: later links keep their places.
        let text = "(\n links: [\n  (link: A(x: \"1\"), note: \"see link: B\"),\n  (link: B(x: \"2\")),\n ],\n)";
        let files = file(text);
        let mut loc = Locator::new(&files);
        assert_eq!(
            loc.place(FileId(0), &Key::Link(1), &[]).pos,
            Pos { line: 4, col: 4 }
        );
        assert_eq!(
            loc.place(FileId(0), &Key::Link(0), &["note:"]).pos,
            Pos { line: 3, col: 21 }
        );
        assert_eq!(loc.place(FileId(0), &Key::Link(2), &[]).pos, Pos::START);
    }

    #[test]
    fn elements_of_a_list_are_found_by_number() {
        let text = "(\n    item: 1,\n    conflicts: [\n        (\n            item: Header,\n        ),\n        (\n            item: Header,\n        ),\n    ],\n)\n";
        let files = file(text);
        let mut loc = Locator::new(&files);
        let nth = |loc: &mut Locator<'_>, n| {
            loc.place(FileId(0), &Key::Element("conflicts", n), &["item:"])
                .pos
        };
        assert_eq!(nth(&mut loc, 0), Pos { line: 5, col: 13 });
        assert_eq!(nth(&mut loc, 1), Pos { line: 8, col: 13 });
        assert_eq!(nth(&mut loc, 2), Pos::START);
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
