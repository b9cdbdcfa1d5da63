//! The issue/response matrix as a table: 項目 / 大論点 / 小論点 / 対応案 × ministries, with the
//! merges of a theme's and a gap's runs of rows.

use super::{Cell, ColumnKind, Merge, Table, col, role_mark, text};
use crate::analysis::derived::Derived;
use crate::analysis::labels;
use crate::analysis::matrix::{self, MatrixRow};
use crate::i18n::Lang;
use crate::model::{ItemRef, Roadmap};

/// The issue/response matrix: 項目 / 大論点 / 小論点 / 対応案 × ministries.
pub fn matrix(roadmap: &Roadmap, derived: &Derived, lang: Lang) -> Table {
    let rows = matrix::rows(roadmap, &derived.index, &derived.visible);
    let mut columns = vec![
        col(lang.pick("項目", "Theme"), ColumnKind::Text),
        col(lang.pick("大論点", "Overarching issue"), ColumnKind::Text),
        col(lang.pick("番号", "No."), ColumnKind::Mark),
        col(lang.pick("小論点", "Issue"), ColumnKind::Text),
        col(lang.pick("対応案", "Response"), ColumnKind::Text),
        col(lang.pick("詳細", "Details"), ColumnKind::Text),
        col(lang.pick("記載", "As written"), ColumnKind::Mark),
    ];
    let ministries = &roadmap.items.ministries;
    for m in ministries {
        columns.push(col(m.code.as_str(), ColumnKind::Mark));
    }
    columns.push(col(lang.pick("小論点ID", "Issue ID"), ColumnKind::Id));
    columns.push(col(lang.pick("対応案ID", "Response ID"), ColumnKind::Id));
    let mut out = Vec::new();
    let mut merges = Vec::new();
    // The theme and gap of the run being spanned, and where it began.
    let mut theme_run: (Option<usize>, usize) = (None, 0);
    let mut gap_run: (Option<ItemRef>, usize) = (None, 0);
    let mut current_theme = None;
    for (i, row) in rows.iter().enumerate() {
        let MatrixRow {
            theme,
            gap,
            first_of_gap,
            measure,
            hidden,
        } = row;
        if theme.is_some() {
            close_run(&mut merges, &[0, 1], theme_run.1, i);
            theme_run = (*theme, i);
            current_theme = theme.and_then(|t| roadmap.items.themes.get(t));
        }
        if *first_of_gap {
            close_run(&mut merges, &[2, 3], gap_run.1, i);
            gap_run = (Some(gap.clone()), i);
        }
        let (theme_title, issue) = current_theme.map_or_else(Default::default, |t| {
            let tag = labels::tag(roadmap, &ItemRef::Theme(t.id.clone()), lang);
            let issue = match (lang, &t.en) {
                (Lang::En, Some(en)) => en.clone(),
                _ => t.issue.clone(),
            };
            (
                format!(
                    "{tag} {}",
                    labels::text(roadmap, &ItemRef::Theme(t.id.clone()), lang)
                ),
                issue,
            )
        });
        let gap_number = match gap {
            ItemRef::Gap(id) => roadmap.gap(id).map_or_else(String::new, |g| {
                current_theme.map_or_else(
                    || g.number.to_string(),
                    |t| format!("{}-{}", t.number, g.number),
                )
            }),
            _ => String::new(),
        };
        let measure_item = measure.as_ref().and_then(|m| match m {
            ItemRef::Measure(id) => roadmap.measure(id),
            _ => None,
        });
        let response = match (measure, measure_item) {
            (Some(m), Some(_)) => labels::text(roadmap, m, lang),
            (None, _) if *hidden > 0 => format!(
                "{} ({hidden})",
                lang.pick("対応案はフィルタで非表示", "Responses hidden by the filter")
            ),
            (None, _) => lang.pick("対応案なし", "No response").to_owned(),
            (Some(m), None) => m.id_str().to_owned(),
        };
        let mut cells = vec![
            text(theme_title),
            text(issue),
            text(gap_number),
            text(labels::text(roadmap, gap, lang)),
            text(response),
            text(
                measure_item
                    .map(|m| m.details.join("\n"))
                    .unwrap_or_default(),
            ),
            text(
                measure_item
                    .and_then(|m| m.ministries_as_written.clone())
                    .unwrap_or_default(),
            ),
        ];
        for ministry in ministries {
            let code = ItemRef::Ministry(ministry.code.clone());
            let role = measure.as_ref().and_then(|m| {
                derived
                    .index
                    .ministries_of_measure(m)
                    .find(|(x, _)| **x == code)
                    .map(|(_, role)| role)
            });
            cells.push(role.map_or(Cell::Empty, |r| text(role_mark(r))));
        }
        cells.push(text(gap.id_str()));
        cells.push(text(
            measure
                .as_ref()
                .map(|m| m.id_str().to_owned())
                .unwrap_or_default(),
        ));
        out.push(cells);
    }
    close_run(&mut merges, &[0, 1], theme_run.1, rows.len());
    close_run(&mut merges, &[2, 3], gap_run.1, rows.len());
    Table {
        key: "matrix",
        title: lang
            .pick("論点・対応案", "Issue-response matrix")
            .to_owned(),
        columns,
        rows: out,
        merges,
    }
}

/// Records merges of `columns` over rows `first..end` when the run is longer than one row.
fn close_run(merges: &mut Vec<Merge>, columns: &[usize], first: usize, end: usize) {
    if end > first + 1 {
        for &column in columns {
            merges.push(Merge {
                column,
                first,
                last: end - 1,
            });
        }
    }
}
