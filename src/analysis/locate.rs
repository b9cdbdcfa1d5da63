//! Finding where an item or a reference is written, so that validation can point at it.
//!
//! The model keeps no spans; positions are found again in the text of the item's file: first the
//! item's own key (`id: "…"`, or the n-th `link:` of the file), then the offending value after it.

use crate::diagnostic::Pos;
use crate::model::{FileId, ParsedFile};

/// The texts of a roadmap's files, for looking positions up.
pub struct Locator<'a> {
    files: &'a [ParsedFile],
}

/// Where a diagnostic points: a file's display name and a position in it.
pub struct Place<'a> {
    /// The file's display name.
    pub file: &'a str,
    /// The position.
    pub pos: Pos,
    /// The file's text, for the snippet.
    pub text: &'a str,
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
        Self { files }
    }

    /// Where `needle` (or, without one, the item itself) is written in the item found by `key`
    /// in file `origin`.
    pub fn place(&self, origin: FileId, key: &Key<'_>, needle: Option<&str>) -> Place<'a> {
        let Some(file) = self.files.get(usize::from(origin.0)) else {
            return Place {
                file: "<unknown file>",
                pos: Pos::START,
                text: "",
            };
        };
        let text = file.text.as_str();
        let item_start = match key {
            Key::Field(field, value) => find_key(text, field, value),
            Key::Link(n) => find_nth_link(text, *n),
        };
        let offset = match (item_start, needle) {
            (Some(start), Some(needle)) => text[start..].find(needle).map_or(start, |i| start + i),
            (Some(start), None) => start,
            (None, _) => 0,
        };
        Place {
            file: &file.display,
            pos: Pos::of_offset(text, offset),
            text,
        }
    }
}

fn find_key(text: &str, field: &str, value: &str) -> Option<usize> {
    let mut from = 0;
    let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    while let Some(i) = text[from..].find(field) {
        let at = from + i;
        let rest = &text[at + field.len()..];
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let rest_trim = rest.trim_start();
        if before_ok
            && rest_trim.starts_with(':')
            && rest_trim[1..].trim_start().starts_with(&quoted)
        {
            return Some(at);
        }
        from = at + field.len();
    }
    None
}

fn find_nth_link(text: &str, n: usize) -> Option<usize> {
    let links_start = text.find("links:")?;
    let mut from = links_start + "links:".len();
    let mut seen = 0;
    while let Some(i) = text[from..].find("link:") {
        let at = from + i;
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if before_ok {
            if seen == n {
                return Some(at);
            }
            seen += 1;
        }
        from = at + "link:".len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_by_field_and_value() {
        let text = "(\n  gaps: [\n    (id: \"g.1\", theme: \"t.1\"),\n    (id: \"g.2\", theme: \"t.9\"),\n  ],\n)";
        let at = find_key(text, "id", "g.2").expect("found");
        assert_eq!(Pos::of_offset(text, at), Pos { line: 4, col: 6 });
        assert!(find_key(text, "id", "g.3").is_none());
    }

    #[test]
    fn links_are_found_by_number() {
        let text = "(\n links: [\n  (link: A(x: \"1\")),\n  (link: B(x: \"2\")),\n ],\n)";
        assert_eq!(
            find_nth_link(text, 1).map(|o| Pos::of_offset(text, o)),
            Some(Pos { line: 4, col: 4 })
        );
        assert_eq!(find_nth_link(text, 2), None);
    }
}
