//! Where each item of a file, and each of its fields, is written: the reader's structural pass
//! over a file's RON, token by token.
//!
//! Diagnostics about a loaded roadmap point into its files. The model keeps no positions (a
//! roadmap of 400,000 items would carry millions of them for the few findings it has), so the
//! places are read from the text when a diagnostic needs one, by this pass: it reads the file as
//! RON is read — strings with their escapes, raw strings, chars, `//` and nested `/* */`
//! comments — and records each element of every top-level list (an item) and each of its
//! fields. Text inside a string, such as a note quoting `link:` or `id: "…"`, is never taken for
//! structure.
//!
//! It is run on files that have been read successfully, so it does not report errors: on text it
//! does not expect it stops and keeps what it has recorded.

use std::ops::Range;

/// One field of an item: `name: value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSpan<'t> {
    /// The field's name.
    pub name: &'t str,
    /// The byte offset of its name.
    pub at: usize,
    /// The bytes of its value.
    pub value: Range<usize>,
}

/// One item: an element of a top-level list, or the value of a top-level struct field (the
/// entry file's `roadmap: (…)` header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemSpan<'t> {
    /// The top-level field it is in: `gaps`, `links`, `roadmap` …
    pub collection: &'t str,
    /// The bytes of the whole item, from its `(` (or its struct name) to its `)`.
    pub range: Range<usize>,
    /// Its fields, in the order written; empty for an item that is not a struct.
    pub fields: Vec<FieldSpan<'t>>,
}

impl<'t> ItemSpan<'t> {
    /// The field named `name`, if the item writes one.
    pub fn field(&self, name: &str) -> Option<&FieldSpan<'t>> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// The items of one file, in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileSpans<'t> {
    /// Every item.
    pub items: Vec<ItemSpan<'t>>,
}

impl<'t> FileSpans<'t> {
    /// Reads the structure of `text`.
    pub fn of(text: &'t str) -> Self {
        let mut scan = Scan { text, pos: 0 };
        let mut items = Vec::new();
        // Stopping early keeps what was recorded; the file was read before, so this is rare.
        let _ = scan.file(&mut items);
        Self { items }
    }

    /// The items of the top-level list `collection`, in order.
    pub fn collection<'s>(
        &'s self,
        collection: &'s str,
    ) -> impl Iterator<Item = &'s ItemSpan<'t>> + 's {
        self.items
            .iter()
            .filter(move |i| i.collection == collection)
    }
}

/// Text the pass did not expect.
struct Unexpected;

type Step<T = ()> = Result<T, Unexpected>;

struct Scan<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Scan<'t> {
    fn bytes(&self) -> &'t [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    /// Skips whitespace and comments.
    fn trivia(&mut self) -> Step {
        loop {
            let rest = &self.text[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.pos += trimmed.find('\n').map_or(trimmed.len(), |i| i + 1);
            } else if trimmed.starts_with("/*") {
                self.block_comment()?;
            } else {
                return Ok(());
            }
        }
    }

    /// A `/* … */` comment, which may nest.
    fn block_comment(&mut self) -> Step {
        let bytes = self.bytes();
        let mut depth = 0usize;
        while self.pos < bytes.len() {
            if bytes[self.pos..].starts_with(b"/*") {
                depth += 1;
                self.pos += 2;
            } else if bytes[self.pos..].starts_with(b"*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return Ok(());
                }
            } else {
                self.pos += 1;
            }
        }
        Err(Unexpected)
    }

    fn eat(&mut self, byte: u8) -> Step {
        self.trivia()?;
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Unexpected)
        }
    }

    /// An identifier (ASCII or not, as RON allows), or `None` when none is next.
    fn ident(&mut self) -> Option<&'t str> {
        let rest = &self.text[self.pos..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        if !(first.is_alphabetic() || first == '_') {
            return None;
        }
        let end = chars
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        self.pos += end;
        Some(&rest[..end])
    }

    /// The whole file: attributes, an optional struct name, then `(field: value, …)`.
    fn file(&mut self, items: &mut Vec<ItemSpan<'t>>) -> Step {
        loop {
            self.trivia()?;
            if self.text[self.pos..].starts_with("#!") {
                self.pos += 2;
                self.value()?;
            } else {
                break;
            }
        }
        self.ident();
        self.eat(b'(')?;
        loop {
            self.trivia()?;
            if self.peek() == Some(b')') {
                return Ok(());
            }
            let name = self.ident().ok_or(Unexpected)?;
            self.eat(b':')?;
            self.trivia()?;
            if self.peek() == Some(b'[') {
                self.list(name, items)?;
            } else {
                let item = self.item(name)?;
                if !item.fields.is_empty() {
                    items.push(item);
                }
            }
            self.comma(b')')?;
        }
    }

    /// After an element: a comma, or the closing bracket next.
    fn comma(&mut self, close: u8) -> Step {
        self.trivia()?;
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(())
            }
            Some(b) if b == close => Ok(()),
            _ => Err(Unexpected),
        }
    }

    /// A top-level list: each element is an item of `collection`.
    fn list(&mut self, collection: &'t str, items: &mut Vec<ItemSpan<'t>>) -> Step {
        self.eat(b'[')?;
        loop {
            self.trivia()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(());
            }
            items.push(self.item(collection)?);
            self.comma(b']')?;
        }
    }

    /// One value, recorded with its fields when it is a struct: `(a: 1, b: "x")`, possibly named.
    fn item(&mut self, collection: &'t str) -> Step<ItemSpan<'t>> {
        self.trivia()?;
        let start = self.pos;
        let save = self.pos;
        let named = self.ident().is_some();
        self.trivia()?;
        if self.peek() != Some(b'(') || !self.fields_follow() {
            self.pos = if named { save } else { start };
            self.value()?;
            return Ok(ItemSpan {
                collection,
                range: start..self.pos,
                fields: Vec::new(),
            });
        }
        self.pos += 1;
        let mut fields = Vec::new();
        loop {
            self.trivia()?;
            if self.peek() == Some(b')') {
                self.pos += 1;
                break;
            }
            let at = self.pos;
            let name = self.ident().ok_or(Unexpected)?;
            self.eat(b':')?;
            self.trivia()?;
            let value_start = self.pos;
            self.value()?;
            fields.push(FieldSpan {
                name,
                at,
                value: value_start..self.pos,
            });
            self.comma(b')')?;
        }
        Ok(ItemSpan {
            collection,
            range: start..self.pos,
            fields,
        })
    }

    /// Whether the `(` at the cursor opens a struct (`(name: …`) rather than a tuple; the
    /// cursor does not move.
    fn fields_follow(&mut self) -> bool {
        let save = self.pos;
        self.pos += 1;
        let ok = self.trivia().is_ok()
            && (self.peek() == Some(b')')
                || (self.ident().is_some() && self.trivia().is_ok() && self.peek() == Some(b':')));
        self.pos = save;
        ok
    }

    /// Skips one value of any shape.
    fn value(&mut self) -> Step {
        self.trivia()?;
        match self.peek().ok_or(Unexpected)? {
            b'"' | b'\'' => self.quoted(),
            b'(' | b'[' | b'{' => self.nested(),
            b'r' if self.raw_string_follows() => self.raw_string(),
            b'b' if self.bytes().get(self.pos + 1) == Some(&b'"') => {
                self.pos += 1;
                self.quoted()
            }
            _ => {
                if self.ident().is_some() {
                    // An enum variant or a named struct: its body, if any.
                    let save = self.pos;
                    self.trivia()?;
                    if matches!(self.peek(), Some(b'(' | b'{')) {
                        self.nested()
                    } else {
                        self.pos = save;
                        Ok(())
                    }
                } else {
                    self.atom()
                }
            }
        }
    }

    /// A number or another bare token: up to a delimiter.
    fn atom(&mut self) -> Step {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_whitespace() || matches!(b, b',' | b')' | b']' | b'}' | b':' | b'/') {
                break;
            }
            self.pos += 1;
        }
        while !self.text.is_char_boundary(self.pos) {
            self.pos += 1;
        }
        if self.pos == start {
            Err(Unexpected)
        } else {
            Ok(())
        }
    }

    /// Brackets of any kind and all they hold.
    fn nested(&mut self) -> Step {
        let close = match self.peek() {
            Some(b'(') => b')',
            Some(b'[') => b']',
            Some(b'{') => b'}',
            _ => return Err(Unexpected),
        };
        self.pos += 1;
        loop {
            self.trivia()?;
            match self.peek().ok_or(Unexpected)? {
                b if b == close => {
                    self.pos += 1;
                    return Ok(());
                }
                b',' | b':' => self.pos += 1,
                _ => self.value()?,
            }
        }
    }

    /// A `"…"` string or a `'…'` char, closed by the quote it opens with; backslash escapes
    /// are skipped whole.
    fn quoted(&mut self) -> Step {
        let bytes = self.bytes();
        let quote = bytes[self.pos];
        self.pos += 1;
        while let Some(&b) = bytes.get(self.pos) {
            if b == b'\\' {
                self.pos += 2;
            } else {
                self.pos += 1;
                if b == quote {
                    return Ok(());
                }
            }
        }
        Err(Unexpected)
    }

    fn raw_string_follows(&self) -> bool {
        let rest = &self.bytes()[self.pos + 1..];
        let hashes = rest.iter().take_while(|&&b| b == b'#').count();
        rest.get(hashes) == Some(&b'"')
    }

    /// An `r#"…"#` string.
    fn raw_string(&mut self) -> Step {
        self.pos += 1;
        let hashes = self.bytes()[self.pos..]
            .iter()
            .take_while(|&&b| b == b'#')
            .count();
        self.pos += hashes + 1;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = self.text[self.pos..].find(&close).ok_or(Unexpected)?;
        self.pos += end + close.len();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_fields_are_recorded() {
        let text = "#![enable(implicit_some)]\n(\n  schema: 2,\n  roadmap: (id: \"r\", title: \"t\"),\n  gaps: [\n    (id: \"g.1\", stages: [\"s\"], source: Some((doc: \"d\", locator: \"L1\"))),\n    ( id : \"g.2\" ),\n  ],\n)\n";
        let spans = FileSpans::of(text);
        let gaps: Vec<_> = spans.collection("gaps").collect();
        assert_eq!(gaps.len(), 2);
        let id = gaps[0].field("id").expect("id");
        assert_eq!(&text[id.value.clone()], "\"g.1\"");
        assert_eq!(&text[id.at..id.at + 3], "id:");
        let source = gaps[0].field("source").expect("source");
        assert_eq!(
            &text[source.value.clone()],
            "Some((doc: \"d\", locator: \"L1\"))"
        );
        assert_eq!(&text[gaps[1].range.clone()], "( id : \"g.2\" )");
        let header: Vec<_> = spans.collection("roadmap").collect();
        assert_eq!(header.len(), 1);
        assert!(header[0].field("title").is_some());
    }

    #[test]
    fn structure_inside_strings_and_comments_is_text() {
        let text = "(\n  links: [\n    (link: A(x: \"1\"), note: \"see link: B, id: \\\"x\\\" (\"),\n    // (link: C\n    /* (link: D /* nested */ ) */\n    (link: B(x: r#\"2\"# ), note: 'q'),\n  ],\n)";
        let spans = FileSpans::of(text);
        let links: Vec<_> = spans.collection("links").collect();
        assert_eq!(links.len(), 2);
        let second = links[1].field("link").expect("link");
        assert_eq!(&text[second.value.clone()], "B(x: r#\"2\"# )");
        assert!(links[1].field("note").is_some());
    }

    #[test]
    fn a_file_it_cannot_read_keeps_what_came_before() {
        let spans = FileSpans::of("(gaps: [(id: \"a\"), (id: \"b\" oops");
        assert_eq!(spans.collection("gaps").count(), 1);
    }
}
