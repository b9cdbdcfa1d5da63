//! CSV: one table per file, UTF-8 with a byte-order mark (so that Excel opens Japanese text
//! correctly), lines ending in CRLF, fields quoted where RFC 4180 requires it.

use super::tables::Table;

/// The byte-order mark that starts every file.
pub const BOM: char = '\u{feff}';

/// Appends `field`, quoted when it holds a comma, a quote or a line break.
fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn push_line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f);
    }
    out.push_str("\r\n");
}

/// The table as CSV: the heading line, then one line per row.
pub fn write(table: &Table) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_line(&mut out, table.columns.iter().map(|c| c.title.as_str()));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(super::tables::Cell::text).collect();
        push_line(&mut out, cells.iter().map(String::as_str));
    }
    out
}
