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

    /// Where `needles` are written in the item found by `key` in file `origin`: each needle is
    /// searched for after the previous one, within the item's parentheses. Without needles, or
    /// when one is not found, the place is the last thing found (at least the item's key).
    pub fn place(&self, origin: FileId, key: &Key<'_>, needles: &[&str]) -> Place<'a> {
        let Some(file) = self.files.get(usize::from(origin.0)) else {
            return Place {
                file: "<unknown file>",
                pos: Pos::START,
                text: "",
            };
        };
        let text = file.text.as_str();
        let key_at = match key {
            Key::Field(field, value) => find_key(text, field, value),
            Key::Link(n) => find_nth_link(text, *n),
        };
        let mut offset = key_at.unwrap_or(0);
        if let Some(key_at) = key_at {
            let (open, close) = item_bounds(text, key_at);
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
        Place {
            file: &file.display,
            pos: Pos::of_offset(text, offset),
            text,
        }
    }
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
    fn needles_are_searched_within_the_item_and_as_whole_names() {
        let text = "[\n (when: Day(1), id: \"e.1\", latest: (as_of_fy: 3), actuals: [(fy: 3)]),\n (id: \"e.2\", when: Day(2)),\n]";
        let files = [ParsedFile {
            display: "f".into(),
            path: "f".into(),
            text: text.into(),
        }];
        let loc = Locator::new(&files);
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
