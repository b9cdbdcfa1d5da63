//! The pictures of the table views — the issue/response matrix, accountability, KPIs and
//! budgets — drawn from the export's [`tables`](crate::export::tables) with their merged cells,
//! and the coverage report's lists and ministry loads.

use super::{
    Builder, Color, HEAD, INK, MARGIN, RULE, Shape, Spanned, Stroke, TableBands, WEAK,
    block_height, fit, text_width,
};
use crate::analysis::derived::Derived;
use crate::analysis::labels;
use crate::export::coverage;
use crate::export::tables::{self, Cell, Column, ColumnKind, Table, role_mark};
use crate::i18n::Lang;
use crate::model::{ItemRef, MeasureKind, Roadmap, Role};

/// Text size in tables.
const SIZE: f32 = 10.0;
/// Padding inside a cell.
const PAD: f32 = 4.0;
/// The widest a text column starts out.
const MAX_TEXT: f32 = 420.0;
/// The narrowest a text column gets.
const MIN_TEXT: f32 = 110.0;

/// Column widths for `shown` columns of `table`, the text columns narrowed together so that the
/// table is at most `budget` wide.
fn widths(table: &Table, shown: &[usize], budget: f32) -> Vec<f32> {
    let natural: Vec<f32> = shown
        .iter()
        .map(|&c| {
            let widest = table
                .rows
                .iter()
                .map(|r| {
                    r[c].text()
                        .lines()
                        .map(|l| text_width(l, SIZE))
                        .fold(0.0, f32::max)
                })
                .fold(text_width(&table.columns[c].title, SIZE), f32::max);
            let cap = match table.columns[c].kind {
                ColumnKind::Text => MAX_TEXT,
                _ => 160.0,
            };
            (widest + 2.0 * PAD + 2.0).min(cap)
        })
        .collect();
    let fixed: f32 = shown
        .iter()
        .zip(&natural)
        .filter(|(c, _)| table.columns[**c].kind != ColumnKind::Text)
        .map(|(_, w)| w)
        .sum();
    let text: f32 = natural.iter().sum::<f32>() - fixed;
    let scale = if text > 0.0 {
        ((budget - fixed) / text).min(1.0)
    } else {
        1.0
    };
    shown
        .iter()
        .zip(natural)
        .map(|(&c, w)| match table.columns[c].kind {
            ColumnKind::Text => (w * scale).max(MIN_TEXT.min(w)),
            _ => w,
        })
        .collect()
}

/// How a cell of a pictured table is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Look {
    /// Paler: away from the selection, or left out by the filter.
    pub(super) faded: bool,
    /// Outlined dashed inside the cell: an editor's judgement rather than the source's.
    pub(super) dashed: bool,
}

/// Draws `table`'s `shown` columns at (`x`, `top`), each cell as `look` says (by row and
/// column); returns the table's width and bottom.
pub(super) fn draw_table(
    b: &mut Builder,
    table: &Table,
    shown: &[usize],
    look: &dyn Fn(usize, usize) -> Look,
    x: f32,
    top: f32,
    budget: f32,
) -> (f32, f32) {
    let widths = widths(table, shown, budget);
    let lefts: Vec<f32> = widths
        .iter()
        .scan(x, |at, w| {
            let left = *at;
            *at += w;
            Some(left)
        })
        .collect();
    let total: f32 = widths.iter().sum();
    let merge_of = |r: usize, c: usize| {
        table
            .merges
            .iter()
            .find(|m| m.column == c && (m.first..=m.last).contains(&r))
    };
    let cell_h = |text: &str, w: f32| block_height(text, w - 2.0 * PAD, SIZE) + 2.0 * PAD;
    // Row heights: the tallest unmerged cell; a merged cell taller than its rows widens its last.
    let mut heights: Vec<f32> = table
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            shown
                .iter()
                .zip(&widths)
                .filter(|(c, _)| merge_of(r, **c).is_none())
                .map(|(&c, &w)| cell_h(&row[c].text(), w))
                .fold(SIZE * super::LINE_EM + 2.0 * PAD, f32::max)
        })
        .collect();
    for m in &table.merges {
        if let Some(k) = shown.iter().position(|&c| c == m.column) {
            let need = cell_h(&table.rows[m.first][m.column].text(), widths[k]);
            let have: f32 = heights[m.first..=m.last].iter().sum();
            if need > have {
                heights[m.last] += need - have;
            }
        }
    }
    let head_h = shown
        .iter()
        .zip(&widths)
        .map(|(&c, &w)| cell_h(&table.columns[c].title, w))
        .fold(0.0, f32::max);
    b.rect([x, top, total, head_h], Some(HEAD), None);
    for ((&c, &w), &left) in shown.iter().zip(&widths).zip(&lefts) {
        b.text_block(
            left + PAD,
            top + PAD,
            w - 2.0 * PAD,
            SIZE,
            INK,
            &table.columns[c].title,
        );
        b.rect([left, top, w, head_h], None, Some(Stroke::solid(0.6, RULE)));
    }
    let mut tops = Vec::with_capacity(heights.len());
    let mut y = top + head_h;
    for h in &heights {
        tops.push(y);
        y += h;
    }
    let spanned = table
        .merges
        .iter()
        .filter(|m| m.last > m.first)
        .filter_map(|m| {
            let k = shown.iter().position(|&c| c == m.column)?;
            let text = table.rows[m.first][m.column].text();
            let first = text.lines().next().filter(|l| !l.trim().is_empty())?;
            Some(Spanned {
                span: [tops[m.first], tops[m.last] + heights[m.last]],
                label: Shape::Text {
                    at: [lefts[k] + PAD, PAD + SIZE * super::ASCENT_EM],
                    size: SIZE,
                    color: WEAK,
                    text: fit(first, widths[k] - 2.0 * PAD, SIZE),
                },
            })
        })
        .collect();
    b.table(TableBands {
        header: [top, top + head_h],
        rows: tops.iter().zip(&heights).map(|(t, h)| t + h).collect(),
        spanned,
    });
    for (r, row) in table.rows.iter().enumerate() {
        for ((&c, &w), &left) in shown.iter().zip(&widths).zip(&lefts) {
            let Look { faded, dashed } = look(r, c);
            let color = if faded { INK.alpha(90) } else { INK };
            let (first, last) = match merge_of(r, c) {
                Some(m) if m.first != r => continue,
                Some(m) => (m.first, m.last),
                None => (r, r),
            };
            let h: f32 = heights[first..=last].iter().sum();
            b.rect([left, tops[r], w, h], None, Some(Stroke::solid(0.6, RULE)));
            if dashed {
                let inset = PAD / 2.0;
                b.rect(
                    [
                        left + inset,
                        tops[r] + inset,
                        w - 2.0 * inset,
                        h - 2.0 * inset,
                    ],
                    None,
                    Some(Stroke::dashed(0.8, color)),
                );
            }
            let text = row[c].text();
            let centred =
                matches!(table.columns[c].kind, ColumnKind::Mark) && text.chars().count() <= 2;
            if centred {
                let tw = text_width(&text, SIZE);
                b.text(left + (w - tw) / 2.0, tops[r] + PAD, SIZE, color, &text);
            } else {
                b.text_block(left + PAD, tops[r] + PAD, w - 2.0 * PAD, SIZE, color, &text);
            }
        }
    }
    (total, y)
}

/// The columns of `table` a picture shows: all but IDs and source citations.
fn pictured(table: &Table, lang: Lang) -> Vec<usize> {
    let source = lang.pick("出典", "Source");
    (0..table.columns.len())
        .filter(|&c| table.columns[c].kind != ColumnKind::Id && table.columns[c].title != source)
        .collect()
}

/// Draws the columns of `table` a picture shows at the margin below `top`, at most `budget`
/// wide, the rows `faded` says paler; returns the table's width and bottom.
fn draw_pictured(
    b: &mut Builder,
    table: &Table,
    lang: Lang,
    faded: &[bool],
    top: f32,
    budget: f32,
) -> (f32, f32) {
    let shown = pictured(table, lang);
    let look = |r: usize, _| Look {
        faded: faded[r],
        dashed: false,
    };
    draw_table(b, table, &shown, &look, MARGIN, top, budget)
}

/// Whether each row's item (its last, ID column) is away from the selection.
fn faded_rows(
    table: &Table,
    derived: &Derived,
    item: impl Fn(&str) -> Option<ItemRef>,
) -> Vec<bool> {
    table
        .rows
        .iter()
        .map(|row| match row.last() {
            Some(Cell::Text(id)) => item(id).is_some_and(|r| super::faded(derived, &r)),
            _ => false,
        })
        .collect()
}

fn measure_ref(id: &str) -> Option<ItemRef> {
    crate::model::MeasureId::new(id).ok().map(ItemRef::Measure)
}

/// Draws a heading; returns the top of what follows.
fn heading(b: &mut Builder, y: f32, text: &str) -> f32 {
    b.text(MARGIN, y, 13.0, INK, text);
    y + 13.0 * super::LINE_EM + 4.0
}

/// The issue/response matrix with its merged 項目 and 小論点 cells.
pub(super) fn matrix(
    b: &mut Builder,
    roadmap: &Roadmap,
    derived: &Derived,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    let table = tables::matrix(roadmap, derived, lang);
    let faded = faded_rows(&table, derived, measure_ref);
    let legend = format!(
        "{}: ● {} ◎ {} ○ {}",
        lang.pick("府省庁の役割", "Ministry roles"),
        lang.pick(Role::Lead.label_ja(), Role::Lead.label_en()),
        lang.pick(Role::CoLead.label_ja(), Role::CoLead.label_en()),
        lang.pick(Role::Support.label_ja(), Role::Support.label_en()),
    );
    b.text(MARGIN, top, SIZE, WEAK, &legend);
    let (w, bottom) = draw_pictured(b, &table, lang, &faded, top + 20.0, 1600.0);
    (w + 2.0 * MARGIN, bottom)
}

/// Proposals ①–⑧: each with the gap it answers, its actions, the ministries responsible and
/// the examples from abroad.
pub(super) fn proposals(
    b: &mut Builder,
    roadmap: &Roadmap,
    derived: &Derived,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    let table = tables::proposals(roadmap, derived, lang);
    let faded = faded_rows(&table, derived, |id| {
        crate::model::ProposalId::new(id)
            .ok()
            .map(ItemRef::Proposal)
    });
    let (w, bottom) = draw_pictured(b, &table, lang, &faded, top, 1600.0);
    (w + 2.0 * MARGIN, bottom)
}

/// Every measure against every ministry, grouped by kind, with each ministry's totals.
pub(super) fn accountability(
    b: &mut Builder,
    roadmap: &Roadmap,
    derived: &Derived,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    let ministries = &roadmap.items.ministries;
    let mut columns = vec![
        Column {
            title: lang.pick("種類", "Kind").to_owned(),
            kind: ColumnKind::Mark,
        },
        Column {
            title: lang.pick("施策", "Measure").to_owned(),
            kind: ColumnKind::Text,
        },
        Column {
            title: lang.pick("期間", "Span").to_owned(),
            kind: ColumnKind::Mark,
        },
    ];
    for m in ministries {
        columns.push(Column {
            title: m.code.as_str().to_owned(),
            kind: ColumnKind::Mark,
        });
    }
    columns.push(Column {
        title: "ID".to_owned(),
        kind: ColumnKind::Id,
    });
    let kinds = [
        MeasureKind::Response,
        MeasureKind::ProposalAction,
        MeasureKind::Programme,
        MeasureKind::Framework,
    ];
    let mut rows = Vec::new();
    let mut merges = Vec::new();
    for kind in &kinds {
        let first = rows.len();
        for m in roadmap.items.measures.iter().filter(|m| m.kind == *kind) {
            let r = ItemRef::Measure(m.id.clone());
            if !derived.visible.contains(&r) {
                continue;
            }
            let mut row = vec![
                Cell::Text(tables::kind_label(kind, lang).to_owned()),
                Cell::Text(labels::text(roadmap, &r, lang)),
                m.span
                    .as_ref()
                    .map_or(Cell::Empty, |s| Cell::Text(s.to_string())),
            ];
            for ministry in ministries {
                let code = ItemRef::Ministry(ministry.code.clone());
                let role = derived
                    .index
                    .ministries_of_measure(&r)
                    .find(|(x, _)| **x == code)
                    .map(|(_, role)| role);
                row.push(role.map_or(Cell::Empty, |role| Cell::Text(role_mark(role).to_owned())));
            }
            row.push(Cell::Text(m.id.as_str().to_owned()));
            rows.push(row);
        }
        if rows.len() > first + 1 {
            merges.push(tables::Merge {
                column: 0,
                first,
                last: rows.len() - 1,
            });
        }
    }
    let mut totals = vec![
        Cell::Text(lang.pick("合計", "Total").to_owned()),
        Cell::Empty,
        Cell::Empty,
    ];
    for ministry in ministries {
        let load = derived
            .coverage
            .load
            .get(&ministry.code)
            .cloned()
            .unwrap_or_default();
        totals.push(Cell::Text(format!(
            "●{}\n◎{}\n○{}",
            load.lead, load.co_lead, load.support
        )));
    }
    totals.push(Cell::Empty);
    rows.push(totals);
    let table = Table {
        key: "accountability",
        title: String::new(),
        columns,
        rows,
        merges,
    };
    let faded = faded_rows(&table, derived, measure_ref);
    let (w, bottom) = draw_pictured(b, &table, lang, &faded, top, 1200.0);
    (w + 2.0 * MARGIN, bottom)
}

/// KPIs with targets and yearly actuals, then budget lines.
pub(super) fn kpis(
    b: &mut Builder,
    roadmap: &Roadmap,
    derived: &Derived,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    let kpis = tables::kpis(roadmap, derived, lang);
    let y = heading(b, top, "KPI");
    let faded = faded_rows(&kpis, derived, |id| {
        crate::model::KpiId::new(id).ok().map(ItemRef::Kpi)
    });
    let (w1, bottom) = draw_pictured(b, &kpis, lang, &faded, y, 1500.0);
    let budgets = tables::budgets(roadmap, derived, lang);
    let y = heading(b, bottom + 24.0, lang.pick("予算", "Budgets"));
    let faded = faded_rows(&budgets, derived, |id| {
        crate::model::BudgetId::new(id).ok().map(ItemRef::Budget)
    });
    let (w2, bottom) = draw_pictured(b, &budgets, lang, &faded, y, 1500.0);
    (w1.max(w2) + 2.0 * MARGIN, bottom)
}

/// What is unaddressed: gaps no measure answers, measures without a ministry or a span or with
/// an assumed one, KPIs behind target, and each ministry's load as bars.
pub(super) fn coverage(
    b: &mut Builder,
    roadmap: &Roadmap,
    derived: &Derived,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    const WIDTH: f32 = 900.0;
    let cov = &derived.coverage;
    let mut y = top;
    let lists = coverage::coverage_lists(cov, lang);
    for (title, items) in lists {
        y = heading(b, y, &format!("{title} ({})", items.len()));
        if items.is_empty() {
            b.text(MARGIN + 12.0, y, SIZE, WEAK, lang.pick("なし", "None"));
            y += SIZE * super::LINE_EM;
        }
        for item in items {
            let color = if super::faded(derived, item) {
                INK.alpha(90)
            } else {
                INK
            };
            let text = format!(
                "・{} {}",
                labels::tag(roadmap, item, lang),
                labels::text(roadmap, item, lang)
            );
            y += b.text_block(MARGIN + 12.0, y, WIDTH, SIZE, color, &text) + 2.0;
        }
        y += 14.0;
    }
    y = heading(
        b,
        y,
        &format!(
            "{} ({})",
            lang.pick("目標に遅れているKPI", "KPIs behind target"),
            cov.lagging_kpis.len()
        ),
    );
    for kpi in &cov.lagging_kpis {
        let text = format!("・{}", coverage::lagging_line(roadmap, kpi, lang));
        y += b.text_block(MARGIN + 12.0, y, WIDTH, SIZE, INK, &text) + 2.0;
    }
    y += 14.0;
    y = heading(
        b,
        y,
        lang.pick("府省庁ごとの担当施策数", "Measures per ministry"),
    );
    let most = cov
        .load
        .values()
        .map(crate::analysis::coverage::Load::total)
        .max()
        .unwrap_or(1)
        .max(1);
    let unit = 600.0 / most as f32;
    let shades = [
        (Role::Lead, Color::rgb(0x2F, 0x64, 0xAE)),
        (Role::CoLead, Color::rgb(0x6E, 0x98, 0xD0)),
        (Role::Support, Color::rgb(0xB4, 0xCA, 0xE8)),
    ];
    for (code, load) in &cov.load {
        b.text(MARGIN + 12.0, y + 2.0, SIZE, INK, code.as_str());
        let mut x = MARGIN + 120.0;
        for (role, color) in shades {
            let count = match role {
                Role::Lead => load.lead,
                Role::CoLead => load.co_lead,
                Role::Support => load.support,
            };
            let bar = count as f32 * unit;
            b.rect([x, y, bar, 16.0], Some(color), None);
            x += bar;
        }
        b.text(
            x + 6.0,
            y + 2.0,
            SIZE,
            WEAK,
            &format!(
                "{} ({}●/{}◎/{}○)",
                load.total(),
                load.lead,
                load.co_lead,
                load.support
            ),
        );
        y += 22.0;
    }
    let mut x = MARGIN + 120.0;
    for (role, color) in shades {
        b.rect([x, y + 4.0, 12.0, 12.0], Some(color), None);
        let label = lang.pick(role.label_ja(), role.label_en());
        b.text(x + 16.0, y + 4.0, SIZE, INK, label);
        x += 16.0 + text_width(label, SIZE) + 18.0;
    }
    (WIDTH + 2.0 * MARGIN + 24.0, y + 24.0)
}
