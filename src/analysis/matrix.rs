//! The issue/response matrix's rows: 項目 → 大論点 → 小論点 → 対応案, as the 2024 matrix lays them
//! out. The matrix view and the exports both read them.

use super::filter::Visible;
use super::index::{Index, Relation};
use crate::model::{ItemRef, Roadmap};

/// One row of the matrix: a gap with one of its measures. The theme is named on the first row of
/// its gaps, the gap on its first row, as the source table spans those cells.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixRow {
    /// The theme (its index among the roadmap's themes), on the first row of its gaps.
    pub theme: Option<usize>,
    /// The gap (小論点).
    pub gap: ItemRef,
    /// Whether this is the gap's first row.
    pub first_of_gap: bool,
    /// The measure (対応案), or none when the gap has none shown.
    pub measure: Option<ItemRef>,
    /// Measures of the gap that the filter hides (shown when none remains).
    pub hidden: usize,
}

/// The rows whose items are `visible`, in document order: themes as written, their gaps by
/// number, each gap's measures as linked.
pub fn rows(roadmap: &Roadmap, index: &Index, visible: &Visible) -> Vec<MatrixRow> {
    let mut out = Vec::new();
    for (theme_index, theme) in roadmap.items.themes.iter().enumerate() {
        let theme_ref = ItemRef::Theme(theme.id.clone());
        let mut gaps: Vec<&ItemRef> = index
            .related(&theme_ref, |r| r == Relation::ThemeOf, true)
            .filter(|g| visible.contains(g))
            .collect();
        if gaps.is_empty() {
            continue;
        }
        gaps.sort_by_key(|g| match g {
            ItemRef::Gap(id) => roadmap.gap(id).map_or(u32::MAX, |g| g.number),
            _ => u32::MAX,
        });
        let mut theme_cell = Some(theme_index);
        for gap in gaps {
            let all: Vec<&ItemRef> = index.measures_of_gap(gap).collect();
            let shown: Vec<&ItemRef> = all
                .iter()
                .copied()
                .filter(|m| visible.contains(m))
                .collect();
            let hidden = all.len() - shown.len();
            if shown.is_empty() {
                out.push(MatrixRow {
                    theme: theme_cell.take(),
                    gap: gap.clone(),
                    first_of_gap: true,
                    measure: None,
                    hidden,
                });
            }
            for (i, m) in shown.into_iter().enumerate() {
                out.push(MatrixRow {
                    theme: theme_cell.take(),
                    gap: gap.clone(),
                    first_of_gap: i == 0,
                    measure: Some(m.clone()),
                    hidden,
                });
            }
        }
    }
    out
}
