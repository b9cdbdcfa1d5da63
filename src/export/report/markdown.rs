//! The report's text as Markdown: headings, the tables as pipe tables (a merged cell written
//! once, in its first row), the coverage report, and every item with its source citation.

use std::fmt::Write;

use super::{Report, Section};
use crate::export::tables::Table;

/// `text` safe in a pipe table's cell: pipes escaped, line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// `text` safe as one line of Markdown: line breaks as hard breaks.
fn line(text: &str) -> String {
    text.replace('\n', "  \n  ")
}

fn table_md(out: &mut String, table: &Table) {
    let titles: Vec<String> = table.columns.iter().map(|c| cell(&c.title)).collect();
    let _ = writeln!(out, "| {} |", titles.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(titles.len()));
    for (r, row) in table.rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, v)| {
                let continued = table
                    .merges
                    .iter()
                    .any(|m| m.column == c && m.first < r && r <= m.last);
                if continued {
                    String::new()
                } else {
                    cell(&v.text())
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

impl Report<'_> {
    /// The report as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n\n{}\n", self.title(), self.horizon());
        let _ = writeln!(out, "## {}\n", self.heading(Section::Tables));
        for table in &self.tables {
            let _ = writeln!(out, "### {}\n", table.title);
            table_md(&mut out, table);
        }
        let _ = writeln!(out, "## {}\n", self.heading(Section::Coverage));
        for (title, lines) in self.coverage() {
            let _ = writeln!(out, "### {title} ({})\n", lines.len());
            for l in lines {
                let _ = writeln!(out, "- {}", line(&l));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "## {}\n", self.heading(Section::Items));
        for (kind, entries) in self.kinds() {
            let _ = writeln!(out, "### {kind} ({})\n", entries.len());
            for e in &entries {
                let _ = writeln!(out, "- **{}** `{}`  \n  {}", e.tag, e.id, line(&e.text));
                let cite = self.cite_line(e);
                if !cite.is_empty() {
                    let _ = writeln!(out, "  \n  *{cite}*");
                }
            }
            out.push('\n');
        }
        out
    }
}
