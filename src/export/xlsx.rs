//! XLSX: one workbook with a sheet per table. The heading row is frozen, columns are as wide as
//! their text (up to a limit, then wrapped), Japanese text wraps, ministries' roles are marks (●),
//! cells the source table spans are merged, and every row keeps its item's ID.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::tables::{Cell, ColumnKind, Table};

/// The widest a column gets, in Excel's character units; longer text wraps.
const MAX_WIDTH: f64 = 60.0;
/// The narrowest a column gets.
const MIN_WIDTH: f64 = 4.0;

/// The width of `text` in Excel's character units: East Asian wide characters count two.
fn display_width(text: &str) -> f64 {
    text.lines()
        .map(|line| {
            line.chars()
                .map(|c| if is_wide(c) { 2.0 } else { 1.0 })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

/// Whether `c` is drawn two columns wide (CJK, kana, full-width forms, circled numbers).
pub(crate) fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2460..=0x24FF
        | 0x25A0..=0x25FF
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6)
}

/// How wide each column is: its widest line of text, heading included, within the limits.
fn widths(table: &Table) -> Vec<f64> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let widest = table
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|cell| display_width(&cell.text()))
                .fold(display_width(&c.title), f64::max);
            (widest + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

fn sheet(ws: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    // Excel forbids some characters in sheet names and allows 31 characters.
    let name: String = table
        .title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '・' } else { c })
        .take(31)
        .collect();
    ws.set_name(name)?;
    let border = |f: Format| f.set_border(FormatBorder::Thin);
    let head = border(
        Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color(0x00DD_E4EE),
    );
    let wrapped = border(Format::new().set_text_wrap().set_align(FormatAlign::Top));
    let mark = border(
        Format::new()
            .set_align(FormatAlign::Top)
            .set_align(FormatAlign::Center),
    );
    let plain = border(Format::new().set_align(FormatAlign::Top));
    let format_of = |kind: ColumnKind| match kind {
        ColumnKind::Text => &wrapped,
        ColumnKind::Mark => &mark,
        ColumnKind::Id | ColumnKind::Number => &plain,
    };
    for (c, column) in table.columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, &column.title, &head)?;
    }
    for (c, w) in widths(table).into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    let merged = |r: usize, c: usize| {
        table
            .merges
            .iter()
            .any(|m| m.column == c && (m.first..=m.last).contains(&r))
    };
    for (r, row) in table.rows.iter().enumerate() {
        let xr = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            if merged(r, c) {
                continue;
            }
            let format = format_of(table.columns[c].kind);
            match cell {
                Cell::Empty => ws.write_blank(xr, c as u16, format)?,
                Cell::Text(s) => ws.write_string_with_format(xr, c as u16, s, format)?,
                Cell::Number(n) => ws.write_number_with_format(xr, c as u16, *n, format)?,
            };
        }
    }
    for m in &table.merges {
        let text = table
            .rows
            .get(m.first)
            .and_then(|row| row.get(m.column))
            .map(Cell::text)
            .unwrap_or_default();
        ws.merge_range(
            m.first as u32 + 1,
            m.column as u16,
            m.last as u32 + 1,
            m.column as u16,
            &text,
            format_of(table.columns[m.column].kind),
        )?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The workbook's bytes: one sheet per table, in order. Its properties carry a fixed date, so
/// that the same tables give the same bytes.
pub fn write(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    for table in tables {
        sheet(workbook.add_worksheet(), table)?;
    }
    workbook.save_to_buffer()
}
