//! The value chain's picture, as the view draws it: the roadmap's stages across, the gap
//! categories down, each category's band as lines on which the n-th gap of each of its cells
//! stands (so that a gap across the whole chain lines up), each gap with the measures answering
//! it. A gap an editor placed is outlined dashed and says so in words; what the filter leaves
//! out, or what is away from the selection, is paler.

use super::grid::{Look, draw_table};
use super::{Builder, MARGIN, WEAK};
use crate::analysis::derived::Derived;
use crate::analysis::labels;
use crate::analysis::value_chain::{ChainColumn, ChainRow, Placed, value_chain};
use crate::export::tables::{Cell, Column, ColumnKind, Merge, Table};
use crate::i18n::Lang;
use crate::model::{ItemRef, Provenance, Roadmap};

/// A gap's tag and text, the words saying an editor placed it, and the measures answering it.
fn entry(roadmap: &Roadmap, placed: &Placed, lang: Lang) -> String {
    let label = |item: &ItemRef| {
        format!(
            "{} {}",
            labels::tag(roadmap, item, lang),
            labels::text(roadmap, item, lang)
        )
    };
    let mut lines = vec![label(&placed.gap)];
    if placed.placement != Provenance::Stated {
        lines.push(match lang {
            Lang::Ja => format!("［配置：{}］", placed.placement.label_ja()),
            Lang::En => format!("[Placement: {}]", placed.placement.label_en()),
        });
    }
    lines.extend(placed.measures.iter().map(|m| format!("→ {}", label(m))));
    lines.join("\n")
}

/// Draws the grid below `top`; returns the picture's width and bottom.
pub(super) fn draw(
    b: &mut Builder,
    roadmap: &Roadmap,
    derived: &Derived,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    let chain = value_chain(roadmap, &derived.index);
    if !chain.has_stages() {
        let text = lang.pick(
            "このロードマップにはバリューチェーンの段階が定義されていません。",
            "This roadmap defines no value-chain stages.",
        );
        b.text(MARGIN, top, 10.0, WEAK, text);
        return (super::text_width(text, 10.0) + 2.0 * MARGIN, top + 20.0);
    }
    let text_column = |title: String| Column {
        title,
        kind: ColumnKind::Text,
    };
    let mut columns = vec![text_column(lang.pick("分類", "Category").to_owned())];
    columns.extend(chain.columns.iter().map(|c| {
        text_column(match c {
            ChainColumn::Stage(id) => labels::text(roadmap, &ItemRef::Stage(id.clone()), lang),
            ChainColumn::NoStage => lang.pick("段階なし", "No stage").to_owned(),
        })
    }));
    let mut rows = Vec::new();
    // Each cell's gap and how it was placed.
    let mut gaps: Vec<Vec<Option<(&ItemRef, Provenance)>>> = Vec::new();
    let mut merges = Vec::new();
    for (band, row) in chain.rows.iter().enumerate() {
        let title = match row {
            ChainRow::Category(c) => lang.pick(c.label_ja(), c.label_en()).to_owned(),
            ChainRow::Uncategorised => lang.pick("分類なし", "Uncategorised").to_owned(),
        };
        let count = (0..chain.columns.len())
            .map(|c| chain.cell(band, c).len())
            .max()
            .unwrap_or(0)
            .max(1);
        if count > 1 {
            merges.push(Merge {
                column: 0,
                first: rows.len(),
                last: rows.len() + count - 1,
            });
        }
        for n in 0..count {
            let placed: Vec<Option<&Placed>> = (0..chain.columns.len())
                .map(|c| chain.cell(band, c).get(n))
                .collect();
            let mut cells = vec![Cell::Text(title.clone())];
            cells.extend(
                placed
                    .iter()
                    .map(|p| p.map_or(Cell::Empty, |p| Cell::Text(entry(roadmap, p, lang)))),
            );
            rows.push(cells);
            gaps.push(
                std::iter::once(None)
                    .chain(placed.iter().map(|p| p.map(|p| (&p.gap, p.placement))))
                    .collect(),
            );
        }
    }
    let table = Table {
        key: "value-chain",
        title: String::new(),
        columns,
        rows,
        merges,
    };
    let shown: Vec<usize> = (0..table.columns.len()).collect();
    let look = |r: usize, c: usize| {
        gaps[r][c].map_or_else(Look::default, |(gap, placement)| Look {
            faded: !derived.visible.contains(gap) || super::faded(derived, gap),
            dashed: placement != Provenance::Stated,
        })
    };
    let (w, bottom) = draw_table(b, &table, &shown, &look, MARGIN, top, 1800.0);
    (w + 2.0 * MARGIN, bottom)
}
