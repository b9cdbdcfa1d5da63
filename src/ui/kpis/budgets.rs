//! The budget lines of the KPI view, by fiscal year, in columns of fixed shares of the width (so
//! that each line's height is known without drawing it), and the stacked bar chart of their
//! amounts, summed once per generation of the derived data.

use std::collections::{BTreeSet, HashMap};

use egui::{Rangef, Rect, RichText, TextStyle, Ui, UiBuilder};
use egui_plot::{Bar, BarChart, Plot};

use super::{Row, fmt_value};
use crate::action::Action;
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{Budget, ItemRef, Provenance};
use crate::ui::ViewCtx;
use crate::ui::matrix::{link, text_height};
use crate::ui::rows::{Stack, link_height};

/// Height of the chart.
pub(super) const CHART_H: f32 = 200.0;
/// Width of the fiscal-year column.
const FY_W: f32 = 64.0;
/// Width of the amount column.
const AMOUNT_W: f32 = 96.0;

/// A budget line, as shown.
pub(super) struct Line {
    pub(super) item: ItemRef,
    fy: String,
    title: String,
    /// Its ministry and programme, with their names.
    owners: Vec<(ItemRef, String)>,
    amount: String,
    /// Why the amount is not as stated, when it is not.
    provenance: Option<&'static str>,
    text: String,
}

/// The chart's series: one per programme (else ministry, else title), with an amount per fiscal
/// year of `years`.
pub(super) struct Chart {
    years: Vec<i32>,
    groups: Vec<(String, Vec<f64>)>,
}

/// Appends the budget rows: a heading, the lines sorted by fiscal year and title, the chart.
pub(super) fn rows(ctx: &ViewCtx<'_>, rows: &mut Vec<Row>) {
    let mut budgets: Vec<&Budget> = ctx
        .roadmap
        .items
        .budgets
        .iter()
        .filter(|b| ctx.visible.contains(&ItemRef::Budget(b.id.clone())))
        .collect();
    budgets.sort_by(|a, b| {
        a.fiscal_year
            .cmp(&b.fiscal_year)
            .then(a.title.cmp(&b.title))
    });
    rows.push(Row::Title(
        format!("{} ({})", ctx.t("予算", "Budgets"), budgets.len()),
        12.0,
    ));
    if budgets.is_empty() {
        rows.push(Row::Empty);
        return;
    }
    rows.push(Row::BudgetHeader);
    for b in &budgets {
        rows.push(Row::Budget(line(ctx, b)));
    }
    let appropriated: Vec<&Budget> = budgets
        .iter()
        .copied()
        .filter(|b| b.kind.is_appropriated())
        .collect();
    if !appropriated.is_empty() {
        rows.push(Row::Chart(chart(ctx, &appropriated)));
    }
}

/// Most characters of a name in the table and the chart's legend: an item with no short
/// English title is named by the start of its English gloss (the inspector has it whole).
const NAME_CHARS: usize = 48;

/// The name of `item` in the table and the chart, in the interface language, cut short.
fn name(ctx: &ViewCtx<'_>, item: &ItemRef) -> String {
    labels::ellipsize(&labels::text(ctx.roadmap, item, ctx.lang), NAME_CHARS)
}

fn line(ctx: &ViewCtx<'_>, b: &Budget) -> Line {
    let mut owners = Vec::new();
    if let Some(m) = &b.ministry {
        let r = ItemRef::Ministry(m.clone());
        let name = name(ctx, &r);
        owners.push((r, name));
    }
    if let Some(p) = &b.programme {
        let r = ItemRef::Measure(p.clone());
        let name = name(ctx, &r);
        owners.push((r, name));
    }
    let years = match b.end_fy {
        Some(end) if end != b.fiscal_year => format!("FY{}–{end}", b.fiscal_year),
        _ => format!("FY{}", b.fiscal_year),
    };
    // The kind is said where it is not a plain enacted budget: such amounts are not stacked.
    let fy = if b.kind.is_enacted() {
        years
    } else {
        format!("{years} {}", ctx.t(b.kind.label_ja(), b.kind.label_en()))
    };
    Line {
        item: ItemRef::Budget(b.id.clone()),
        fy,
        title: name(ctx, &ItemRef::Budget(b.id.clone())),
        owners,
        amount: fmt_value(b.amount_oku_yen),
        provenance: (b.provenance != Provenance::Stated).then(|| match ctx.lang {
            Lang::Ja => b.provenance.label_ja(),
            Lang::En => b.provenance.label_en(),
        }),
        text: b.text.clone().unwrap_or_default(),
    }
}

/// The key a budget line is grouped under in the chart: its programme, else its ministry, else
/// its own title.
fn budget_group(ctx: &ViewCtx<'_>, b: &Budget) -> String {
    if let Some(p) = &b.programme {
        return name(ctx, &ItemRef::Measure(p.clone()));
    }
    if let Some(m) = &b.ministry {
        return name(ctx, &ItemRef::Ministry(m.clone()));
    }
    name(ctx, &ItemRef::Budget(b.id.clone()))
}

/// Sums the amounts by group and fiscal year, groups in order of first appearance.
fn chart(ctx: &ViewCtx<'_>, budgets: &[&Budget]) -> Chart {
    let years: Vec<i32> = budgets
        .iter()
        .map(|b| b.fiscal_year)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let column: HashMap<i32, usize> = years.iter().enumerate().map(|(i, &y)| (y, i)).collect();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(String, Vec<f64>)> = Vec::new();
    for b in budgets {
        let g = budget_group(ctx, b);
        let i = *index.entry(g.clone()).or_insert_with(|| {
            groups.push((g, vec![0.0; years.len()]));
            groups.len() - 1
        });
        groups[i].1[column[&b.fiscal_year]] += b.amount_oku_yen;
    }
    Chart { years, groups }
}

/// The x ranges of the five columns in a row `width` wide from `left`: fiscal year, title,
/// ministry and programme, amount, text as written.
fn columns(ui: &Ui, left: f32, width: f32) -> [Rangef; 5] {
    let gap = ui.spacing().item_spacing.x;
    let rest = (width - FY_W - AMOUNT_W - 4.0 * gap).max(30.0);
    // Names (English words, which wrap only between words) take more than the text as written
    // (Japanese, which wraps between any characters).
    let widths = [FY_W, rest * 0.31, rest * 0.38, AMOUNT_W, rest * 0.31];
    let mut x = left;
    widths.map(|w| {
        let r = Rangef::new(x, x + w);
        x += w + gap;
        r
    })
}

/// Draws one cell per column in `ui` (a row), each a column of its own as wide as its range.
fn cells(ui: &mut Ui, mut cell: impl FnMut(usize, &mut Ui)) {
    let top = ui.max_rect().top();
    let cols = columns(ui, ui.max_rect().left(), ui.max_rect().width());
    let mut bottom = top;
    for (c, x) in cols.into_iter().enumerate() {
        let rect = Rect::from_x_y_ranges(x, Rangef::new(top, ui.max_rect().bottom()));
        let mut child = ui.new_child(
            UiBuilder::new()
                .id_salt(("budget-cell", c))
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        cell(c, &mut child);
        bottom = bottom.max(child.min_rect().bottom());
    }
    ui.allocate_rect(
        Rect::from_x_y_ranges(ui.max_rect().x_range(), Rangef::new(top, bottom)),
        egui::Sense::hover(),
    );
}

/// The column headings.
pub(super) fn header_ui(ui: &mut Ui, ctx: &ViewCtx<'_>) {
    let names = header(ctx);
    cells(ui, |c, ui| {
        ui.strong(names[c]);
    });
}

fn header(ctx: &ViewCtx<'_>) -> [&'static str; 5] {
    [
        ctx.t("年度", "FY"),
        ctx.t("予算", "Budget line"),
        ctx.t("府省庁・事業", "Ministry / programme"),
        ctx.t("金額（億円）", "Amount (億円)"),
        ctx.t("記載", "As written"),
    ]
}

/// Height of [`header_ui`].
pub(super) fn header_height(ui: &Ui, ctx: &ViewCtx<'_>, width: f32) -> f32 {
    header(ctx)
        .iter()
        .zip(columns(ui, 0.0, width))
        .map(|(name, x)| text_height(ui, name, x.span()))
        .fold(0.0, f32::max)
}

/// One budget line.
pub(super) fn line_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, line: &Line, actions: &mut Vec<Action>) {
    cells(ui, |c, ui| match c {
        0 => {
            ui.label(&line.fy);
        }
        1 => {
            link(ui, ctx, &line.item, line.title.as_str(), actions);
        }
        2 => {
            for (r, name) in &line.owners {
                link(ui, ctx, r, name.as_str(), actions);
            }
        }
        3 => {
            let amount = ui.label(&line.amount);
            if let Some(p) = line.provenance {
                amount.on_hover_text(p);
            }
        }
        _ => {
            ui.label(RichText::new(&line.text).weak());
        }
    });
}

/// Height of [`line_ui`] for `line` in a row `width` wide: its tallest cell.
pub(super) fn line_height(ui: &Ui, line: &Line, width: f32) -> f32 {
    let cols = columns(ui, 0.0, width);
    let mut owners = Stack::new(ui);
    for (_, name) in &line.owners {
        owners.add(link_height(ui, name, cols[2].span()));
    }
    [
        text_height(ui, &line.fy, cols[0].span()),
        link_height(ui, &line.title, cols[1].span()),
        owners.height(),
        text_height(ui, &line.amount, cols[3].span()),
        if line.text.is_empty() {
            ui.text_style_height(&TextStyle::Body)
        } else {
            text_height(ui, &line.text, cols[4].span())
        },
    ]
    .into_iter()
    .fold(0.0, f32::max)
}

/// The colours of the stacked groups, in turn.
const PALETTE: [egui::Color32; 6] = [
    egui::Color32::from_rgb(70, 130, 180),
    egui::Color32::from_rgb(230, 150, 60),
    egui::Color32::from_rgb(120, 170, 90),
    egui::Color32::from_rgb(170, 110, 180),
    egui::Color32::from_rgb(200, 90, 90),
    egui::Color32::from_rgb(150, 150, 150),
];

/// Budgets appropriated by fiscal year (enacted and supplementary) as stacked bars, one colour per
/// programme or ministry; requests, balances, totals and allocations are listed, never stacked.
pub(super) fn chart_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, chart: &Chart) {
    // Stacked bars: one chart per group, one bar per fiscal year in every chart (stacking matches
    // bars by position).
    let mut charts: Vec<BarChart> = Vec::new();
    let mut legend = Vec::new();
    for (i, (name, amounts)) in chart.groups.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        legend.push((name.clone(), color, super::chart::Swatch::Bar));
        let bars = chart
            .years
            .iter()
            .zip(amounts)
            .map(|(&fy, &amount)| {
                Bar::new(f64::from(fy), amount)
                    .width(0.6)
                    .name(format!("FY{fy}"))
            })
            .collect();
        let stacked = {
            let below: Vec<&BarChart> = charts.iter().collect();
            BarChart::new(name.clone(), bars)
                .color(color)
                .stack_on(&below)
        };
        charts.push(stacked);
    }
    ui.add_space(6.0);
    // The legend above the chart, never over its bars; the two together as tall as ever.
    let legend_h = super::chart::legend_ui(ui, &legend);
    Plot::new("budget-plot")
        .height((CHART_H - legend_h).max(super::PLOT_MIN_H))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_grid_spacer(super::chart::year_spacer())
        .y_grid_spacer(super::chart::value_spacer())
        .custom_x_axes(vec![super::chart::year_axis("", "FY")])
        .custom_y_axes(vec![super::chart::value_axis(
            ctx.t("億円", "億円 (100 million yen)"),
        )])
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
        });
}
