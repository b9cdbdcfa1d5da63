//! Diagnostics: what is wrong or doubtful in a roadmap, and exactly where.
//!
//! Diagnostics are data, produced by parsing ([`crate::model::parse_roadmap`]), validation
//! ([`crate::analysis::validate`]) and the check of quotations against their source texts
//! ([`crate::analysis::sources`]), shown by the CLI in compiler style and by the app in a panel.

use std::fmt;

use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The roadmap cannot be used as it is; it is not loaded.
    Error,
    /// Doubtful but usable.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One finding, with the file, line and column it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable name of the rule: `parse`, `dangling-link`, `duplicate-id` …
    pub rule: &'static str,
    /// The file, as the user named it or as the entry file includes it.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
    /// What is wrong and what was expected.
    pub message: String,
    /// The offending line of the file, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(rule: &'static str, file: &str, at: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, rule, file, at, message.into())
    }

    /// A warning at a position.
    pub fn warning(rule: &'static str, file: &str, at: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, rule, file, at, message.into())
    }

    fn new(severity: Severity, rule: &'static str, file: &str, at: Pos, message: String) -> Self {
        Self {
            severity,
            rule,
            file: file.to_owned(),
            line: at.line,
            col: at.col,
            message,
            snippet: None,
        }
    }

    /// Attaches the offending line, taken from the file's text.
    #[must_use]
    pub fn with_snippet_from(mut self, text: &str) -> Self {
        self.snippet = text
            .lines()
            .nth(self.line.saturating_sub(1))
            .map(|l| l.trim_end().to_owned());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {} [{}]",
            self.file, self.line, self.col, self.severity, self.message, self.rule
        )?;
        if let Some(line) = &self.snippet {
            let gutter = self.line.to_string().len();
            write!(
                f,
                "\n{:gutter$} |\n{} | {}\n{:gutter$} | ",
                "", self.line, line, ""
            )?;
            // The caret goes under the column; wide (CJK) characters take two cells.
            let pad: usize = line
                .chars()
                .take(self.col.saturating_sub(1))
                .map(|c| if is_wide(c) { 2 } else { 1 })
                .sum();
            write!(f, "{:pad$}^", "")?;
        }
        Ok(())
    }
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// A line and column in a file, both from 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos { line: 1, col: 1 };

    /// The byte offset of this position in `text` (clamped to the text).
    pub fn to_offset(self, text: &str) -> usize {
        let mut offset = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            if n + 1 == self.line {
                let col_bytes: usize = line
                    .chars()
                    .take(self.col.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return offset + col_bytes;
            }
            offset += line.len();
        }
        text.len()
    }

    /// The position of byte offset `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Pos {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        Pos { line, col }
    }
}

/// Counts errors and warnings.
pub fn tally(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "ab\n小論点x\n";
        assert_eq!(Pos::of_offset(text, 0), Pos { line: 1, col: 1 });
        assert_eq!(Pos::of_offset(text, 3), Pos { line: 2, col: 1 });
        // "小論点" is 9 bytes, 3 characters.
        assert_eq!(Pos::of_offset(text, 12), Pos { line: 2, col: 4 });
    }

    #[test]
    fn positions_and_offsets_round_trip() {
        let text = "ab\n小論点x\n\nz";
        for offset in [0, 1, 3, 6, 12, 13, 14, 15] {
            assert_eq!(
                Pos::of_offset(text, offset).to_offset(text),
                offset,
                "offset {offset}"
            );
        }
    }

    #[test]
    fn display_is_compiler_style_with_caret_under_wide_text() {
        let d = Diagnostic::error("parse", "a.ron", Pos { line: 2, col: 4 }, "expected `,`")
            .with_snippet_from("x\n小論点x\n");
        let shown = d.to_string();
        assert!(
            shown.starts_with("a.ron:2:4: error: expected `,` [parse]"),
            "{shown}"
        );
        assert!(shown.ends_with("  |       ^"), "{shown:?}");
    }
}
