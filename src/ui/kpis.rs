//! KPIs and budgets: each KPI with its target, latest value, grade and breakdown, its yearly
//! actuals plotted against the target pro-rated over the years; then the budget lines by fiscal
//! year with a stacked bar chart in 億円 ([`budgets`]).
//!
//! What the view lists is gathered once per generation of the derived data ([`Row`]); only the
//! rows in view are drawn ([`super::rows`]), so a KPI's chart is drawn only when it is on screen.

mod budgets;
mod chart;

use std::collections::HashMap;
use std::sync::Arc;

use egui::{
    Color32, Id, IdSalt, Rangef, Rect, RichText, TextStyle, TextWrapMode, Ui, UiBuilder,
    WidgetText, pos2,
};
use egui_plot::{Bar, BarChart, Line, LineStyle, Plot, PlotPoints};

use chart::{Swatch, legend_ui, value_axis, value_spacer, year_axis, year_spacer};

use super::ViewCtx;
use super::matrix::{link, text_height, wrap};
use super::rows::{self, Rows, Stack, link_height};
use crate::action::Action;
use crate::analysis::labels;
use crate::model::{ItemRef, Kpi, KpiId, KpiKind};

/// Height of a KPI's chart.
const PLOT_H: f32 = 170.0;
/// Space above each KPI's card.
const CARD_SPACE: f32 = 6.0;
/// The least height of a chart's plot under its legend.
const PLOT_MIN_H: f32 = 100.0;

/// Most characters of a breakdown's name in a chart's legend.
const LEGEND_CHARS: usize = 24;
/// Room below the top of a line of name and value (its height is what it draws).
const TALL: f32 = 10_000.0;

/// One row of the view.
enum Row {
    /// A heading ("KPI (12)", "予算 (30)"), with the space above it.
    Title(String, f32),
    /// Nothing to list.
    Empty,
    /// A top-level KPI (an index into the roadmap's KPIs) with its breakdowns shown.
    Kpi(KpiCard),
    /// The budget lines' column headings.
    BudgetHeader,
    /// A budget line.
    Budget(budgets::Line),
    /// The budgets by fiscal year, stacked.
    Chart(budgets::Chart),
}

/// A top-level KPI and its breakdowns that pass the filter, as indices into the roadmap's KPIs.
struct KpiCard {
    kpi: usize,
    children: Vec<usize>,
    title: String,
    /// The breakdowns' names.
    child_titles: Vec<String>,
}

/// Shows the KPIs, then the budgets.
pub fn kpis_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("KPI・予算", "KPIs and budgets"));
    let rows: Arc<Vec<Row>> =
        rows::cached(ui.ctx(), Id::unique("waymark-kpis"), ctx.generation, || {
            let mut rows = kpi_rows(ctx);
            budgets::rows(ctx, &mut rows);
            rows
        });
    let mut list = List {
        ctx,
        rows: &rows,
        actions,
    };
    rows::show(ui, "kpis", ctx.generation, &mut list);
}

/// The KPI rows: a heading, then each KPI shown at the top level.
fn kpi_rows(ctx: &ViewCtx<'_>) -> Vec<Row> {
    let kpis = &ctx.roadmap.items.kpis;
    let shown = |k: &KpiId| ctx.visible.contains(&ItemRef::Kpi(k.clone()));
    // A breakdown is shown under its parent, unless the parent is filtered out (or missing).
    let mut children: HashMap<&KpiId, Vec<usize>> = HashMap::new();
    let mut top = Vec::new();
    for (i, k) in kpis.iter().enumerate() {
        if !shown(&k.id) {
            continue;
        }
        match &k.parent {
            Some(p) if shown(p) && ctx.roadmap.kpi(p).is_some() => {
                children.entry(p).or_default().push(i);
            }
            _ => top.push(i),
        }
    }
    let title = |i: usize| labels::text(ctx.roadmap, &ItemRef::Kpi(kpis[i].id.clone()), ctx.lang);
    let mut rows = vec![Row::Title(
        format!("{} ({})", ctx.t("KPI", "KPIs"), top.len()),
        0.0,
    )];
    if top.is_empty() {
        rows.push(Row::Empty);
    }
    for i in top {
        let children = children.remove(&kpis[i].id).unwrap_or_default();
        rows.push(Row::Kpi(KpiCard {
            kpi: i,
            title: title(i),
            child_titles: children.iter().map(|&c| title(c)).collect(),
            children,
        }));
    }
    rows
}

struct List<'a, 'c> {
    ctx: &'c ViewCtx<'a>,
    rows: &'c [Row],
    actions: &'c mut Vec<Action>,
}

impl Rows for List<'_, '_> {
    fn len(&self) -> usize {
        self.rows.len()
    }

    fn id(&self, i: usize) -> IdSalt {
        let kpis = &self.ctx.roadmap.items.kpis;
        match &self.rows[i] {
            Row::Kpi(card) => IdSalt::new(("kpi", kpis[card.kpi].id.as_str())),
            Row::Budget(line) => IdSalt::new(("budget", line.item.id_str())),
            _ => IdSalt::new(("kpis-row", i)),
        }
    }

    fn reveal(&self) -> Option<usize> {
        let selection = self.ctx.selection.filter(|_| self.ctx.reveal)?;
        let kpis = &self.ctx.roadmap.items.kpis;
        self.rows.iter().position(|row| match row {
            Row::Kpi(card) => std::iter::once(card.kpi)
                .chain(card.children.iter().copied())
                .any(|k| matches!(selection, ItemRef::Kpi(id) if *id == kpis[k].id)),
            Row::Budget(line) => &line.item == selection,
            _ => false,
        })
    }

    fn height(&self, ui: &Ui, i: usize, width: f32) -> f32 {
        match &self.rows[i] {
            Row::Title(title, space) => {
                let mut h = Stack::new(ui);
                if *space > 0.0 {
                    h.space(*space);
                }
                h.add(
                    WidgetText::from(title_text(title))
                        .into_galley(ui, Some(TextWrapMode::Wrap), width, TextStyle::Heading)
                        .size()
                        .y,
                );
                h.height()
            }
            Row::Empty => ui.text_style_height(&TextStyle::Body),
            Row::Kpi(card) => card_height(ui, self.ctx, card, width),
            Row::BudgetHeader => budgets::header_height(ui, self.ctx, width),
            Row::Budget(line) => budgets::line_height(ui, line, width),
            Row::Chart(_) => budgets::CHART_H + 6.0,
        }
    }

    fn draw(&mut self, ui: &mut Ui, i: usize) {
        wrap(ui);
        let ctx = self.ctx;
        match &self.rows[i] {
            Row::Title(title, space) => {
                if *space > 0.0 {
                    ui.add_space(*space);
                }
                ui.label(title_text(title));
            }
            Row::Empty => {
                ui.label(RichText::new(ctx.t("該当なし", "None")).weak());
            }
            Row::Kpi(card) => card_ui(ui, ctx, card, self.actions),
            Row::BudgetHeader => budgets::header_ui(ui, ctx),
            Row::Budget(line) => budgets::line_ui(ui, ctx, line, self.actions),
            Row::Chart(chart) => budgets::chart_ui(ui, ctx, chart),
        }
    }
}

fn title_text(title: &str) -> RichText {
    RichText::new(title).heading().size(16.0)
}

fn card_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, card: &KpiCard, actions: &mut Vec<Action>) {
    let kpis = &ctx.roadmap.items.kpis;
    let k = &kpis[card.kpi];
    let children: Vec<&Kpi> = card.children.iter().map(|&c| &kpis[c]).collect();
    let r = ItemRef::Kpi(k.id.clone());
    ui.add_space(CARD_SPACE);
    super::rows::card_frame(ui, ctx, &r).show(ui, |ui| {
        ui.set_width(ui.available_width());
        wrap(ui);
        link(ui, ctx, &r, card.title.as_str(), actions);
        ui.columns(2, |cols| {
            wrap(&mut cols[0]);
            facts_ui(&mut cols[0], ctx, k);
            for (c, title) in children.iter().zip(&card.child_titles) {
                let cr = ItemRef::Kpi(c.id.clone());
                cols[0].add_space(4.0);
                let label = ctx.t("内訳：", "Breakdown:");
                let label_w = text_width(&cols[0], label);
                name_value(&mut cols[0], label_w, label, |ui| {
                    link(ui, ctx, &cr, title.as_str(), actions);
                });
                cols[0].indent(("breakdown", c.id.as_str()), |ui| facts_ui(ui, ctx, c));
            }
            kpi_plot(&mut cols[1], ctx, k, &children);
        });
        if let Some(a) = &k.assessment {
            egui::CollapsingHeader::new(ctx.t("進捗の詳細", "Assessment"))
                .id_salt(("kpi-assessment", k.id.as_str()))
                .show(ui, |ui| {
                    wrap(ui);
                    ui.label(a);
                });
        }
        if let Some(remarks) = &k.remarks {
            ui.label(RichText::new(remarks).small().weak());
        }
    });
}

/// Height of [`card_ui`] for `card` at `width`, with its assessment folded (a card whose
/// assessment is open is measured when drawn).
fn card_height(ui: &Ui, ctx: &ViewCtx<'_>, card: &KpiCard, width: f32) -> f32 {
    let kpis = &ctx.roadmap.items.kpis;
    let k = &kpis[card.kpi];
    let s = ui.spacing();
    let margin = egui::Frame::group(ui.style()).total_margin();
    let w = width - margin.sum().x;
    let col_w = (w - s.item_spacing.x) / 2.0;
    let mut inner = Stack::new(ui);
    inner.add(link_height(ui, &card.title, w));
    let mut left = Stack::new(ui);
    left.add(facts_height(ui, ctx, k, col_w));
    for (&c, title) in card.children.iter().zip(&card.child_titles) {
        let label_w = text_width(ui, ctx.t("内訳：", "Breakdown:"));
        left.space(4.0);
        left.add(name_value_height(
            ui,
            link_height(ui, title, col_w - label_w - s.item_spacing.x),
        ));
        left.add(facts_height(ui, ctx, &kpis[c], col_w - s.indent));
    }
    let right = if k.actuals.is_empty() {
        ui.text_style_height(&TextStyle::Body)
    } else {
        PLOT_H
    };
    inner.add(left.height().max(right));
    if k.assessment.is_some() {
        inner.add(s.interact_size.y);
    }
    if let Some(remarks) = &k.remarks {
        inner.add(
            WidgetText::from(RichText::new(remarks).small())
                .into_galley(ui, Some(TextWrapMode::Wrap), w, TextStyle::Small)
                .size()
                .y,
        );
    }
    let mut h = Stack::new(ui);
    h.space(CARD_SPACE);
    h.add(inner.height() + margin.sum().y);
    h.height()
}

/// Width of `text` on one line in the body font.
fn text_width(ui: &Ui, text: &str) -> f32 {
    ui.painter()
        .layout_no_wrap(
            text.to_owned(),
            TextStyle::Body.resolve(ui.style()),
            Color32::PLACEHOLDER,
        )
        .size()
        .x
}

/// Height of [`facts_ui`] for `k` in a column `width` wide.
fn facts_height(ui: &Ui, ctx: &ViewCtx<'_>, k: &Kpi, width: f32) -> f32 {
    let facts = facts(ctx, k);
    let value_w = width - names_width(ui, &facts) - ui.spacing().item_spacing.x;
    let mut h = Stack::new(ui);
    for (_, value, _) in &facts {
        h.add(name_value_height(ui, text_height(ui, value, value_w)));
    }
    h.height()
}

/// The facts of a KPI as (name, value, whether the value is drawn weak).
fn facts(ctx: &ViewCtx<'_>, k: &Kpi) -> Vec<(&'static str, String, bool)> {
    let mut out = vec![
        (
            ctx.t("種別", "Kind"),
            format!("{} ({})", kind_label(ctx, &k.kind), k.unit),
            false,
        ),
        (
            ctx.t("目標", "Target"),
            match &k.target {
                Some(t) => format!(
                    "{}（{} FY{}）",
                    t.text,
                    ctx.t("期限", "by end of"),
                    t.deadline_fy
                ),
                None => ctx.t("数値目標なし", "No numeric target").to_owned(),
            },
            k.target.is_none(),
        ),
        (
            ctx.t("最新", "Latest"),
            match &k.latest {
                Some(l) => format!(
                    "{}（FY{}{}）",
                    l.text,
                    l.as_of_fy,
                    ctx.t("末時点", " year-end")
                ),
                None => "—".to_owned(),
            },
            k.latest.is_none(),
        ),
    ];
    if let Some(g) = &k.grade {
        let value = match grade_meaning(ctx, g) {
            Some(m) => format!("{g}（{m}）"),
            None => g.clone(),
        };
        out.push((ctx.t("評価", "Grade"), value, false));
    }
    out
}

fn kind_label(ctx: &ViewCtx<'_>, kind: &KpiKind) -> &'static str {
    match kind {
        KpiKind::Output => ctx.t("アウトプット", "Output"),
        KpiKind::Outcome => ctx.t("アウトカム", "Outcome"),
    }
}

fn grade_meaning(ctx: &ViewCtx<'_>, grade: &str) -> Option<&'static str> {
    match grade.trim() {
        "A" => Some(ctx.t("順調に進捗している", "on track")),
        "B" => Some(ctx.t("進捗が不十分", "insufficient progress")),
        _ => None,
    }
}

pub(super) fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Kind, target, latest value and grade: a name column as wide as the widest name, the values
/// wrapping beside it.
fn facts_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, k: &Kpi) {
    let facts = facts(ctx, k);
    let name_w = names_width(ui, &facts);
    for (name, value, weak) in facts {
        name_value(ui, name_w, name, |ui| {
            if weak {
                ui.label(RichText::new(value).weak());
            } else {
                ui.label(value);
            }
        });
    }
}

/// The width of the widest of the facts' names.
fn names_width(ui: &Ui, facts: &[(&str, String, bool)]) -> f32 {
    facts
        .iter()
        .map(|(name, _, _)| text_width(ui, name))
        .fold(0.0, f32::max)
}

/// A line of `name` (weak, in a column `name_w` wide) and the value `value` draws beside it in
/// the rest of the width, as tall as the taller.
fn name_value(ui: &mut Ui, name_w: f32, name: &str, value: impl FnOnce(&mut Ui)) {
    let top = ui.cursor().top();
    let x = ui.max_rect().x_range();
    let gap = ui.spacing().item_spacing.x;
    let column = |ui: &mut Ui, left: f32, right: f32, salt: &str| {
        ui.new_child(
            UiBuilder::new()
                .id_salt(salt)
                .max_rect(Rect::from_min_max(
                    pos2(left, top),
                    pos2(right.max(left + 1.0), top + TALL),
                ))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        )
    };
    let mut name_ui = column(ui, x.min, x.min + name_w, "name");
    name_ui.label(RichText::new(name).weak());
    let mut value_ui = column(ui, x.min + name_w + gap, x.max, "value");
    value(&mut value_ui);
    let bottom = name_ui
        .min_rect()
        .bottom()
        .max(value_ui.min_rect().bottom());
    ui.advance_cursor_after_rect(Rect::from_x_y_ranges(x, Rangef::new(top, bottom)));
}

/// Height of a [`name_value`] line whose value is `value_h` tall.
fn name_value_height(ui: &Ui, value_h: f32) -> f32 {
    value_h.max(ui.text_style_height(&TextStyle::Body))
}

/// Yearly actuals as bars (the breakdowns beside them), the cumulative actual as a line, and the
/// target pro-rated from the first reported year to its deadline as a dashed line.
fn kpi_plot(ui: &mut Ui, ctx: &ViewCtx<'_>, k: &Kpi, children: &[&Kpi]) {
    if k.actuals.is_empty() {
        ui.label(RichText::new(ctx.t("年度別の実績なし", "No yearly actuals")).weak());
        return;
    }
    let series: Vec<&Kpi> = std::iter::once(k)
        .chain(children.iter().copied())
        .filter(|x| !x.actuals.is_empty())
        .collect();
    let n = series.len() as f64;
    let width = 0.8 / n;
    let palette = [
        Color32::from_rgb(70, 130, 180),
        Color32::from_rgb(230, 150, 60),
        Color32::from_rgb(120, 170, 90),
        Color32::from_rgb(170, 110, 180),
    ];
    let mut charts = Vec::new();
    let mut legend = Vec::new();
    for (i, s) in series.iter().enumerate() {
        let offset = (i as f64 - (n - 1.0) / 2.0) * width;
        let bars = s
            .actuals
            .iter()
            .map(|a| {
                Bar::new(f64::from(a.fy) + offset, a.value)
                    .width(width * 0.95)
                    .name(format!("FY{}", a.fy))
            })
            .collect();
        let name = if i == 0 {
            ctx.t("年度実績", "Yearly actual").to_owned()
        } else {
            // Short, so that the legend stays inside the chart; the card gives the full name.
            let name = labels::text(ctx.roadmap, &ItemRef::Kpi(s.id.clone()), ctx.lang);
            labels::ellipsize(&name, LEGEND_CHARS)
        };
        let color = palette[i % palette.len()];
        legend.push((name.clone(), color, Swatch::Bar));
        charts.push(BarChart::new(name, bars).color(color));
    }
    let mut actuals = k.actuals.clone();
    actuals.sort_by_key(|a| a.fy);
    let mut sum = 0.0;
    let cumulative: Vec<[f64; 2]> = actuals
        .iter()
        .map(|a| {
            sum += a.value;
            [f64::from(a.fy), sum]
        })
        .collect();
    let first = actuals.first().map_or(0, |a| a.fy);
    let path: Option<Vec<[f64; 2]>> = k.target.as_ref().map(|t| {
        let years = f64::from((t.deadline_fy - first + 1).max(1));
        (first..=t.deadline_fy.max(first))
            .map(|fy| [f64::from(fy), t.value * f64::from(fy - first + 1) / years])
            .collect()
    });
    // Fit every series: egui_plot's automatic bounds leave lines that rise past the last
    // frame's bounds cut off at the top.
    let top = cumulative
        .iter()
        .chain(path.iter().flatten())
        .map(|p| p[1])
        .fold(0.0_f64, f64::max);
    let last_fy = path
        .as_ref()
        .and_then(|p| p.last())
        .map_or_else(|| actuals.last().map_or(first, |a| a.fy), |p| p[0] as i32);
    let cumulative_name = ctx.t("累計実績", "Cumulative actual").to_owned();
    let path_name = ctx.t("目標（按分）", "Target, pro-rated").to_owned();
    let cumulative_color = Color32::from_rgb(80, 190, 190);
    let path_color = Color32::from_rgb(200, 60, 60);
    legend.push((cumulative_name.clone(), cumulative_color, Swatch::Line));
    if path.is_some() {
        legend.push((path_name.clone(), path_color, Swatch::Dashed));
    }
    // The legend above the chart, never over its data; the two together as tall as ever.
    let legend_h = legend_ui(ui, &legend);
    Plot::new(("kpi-plot", k.id.as_str()))
        .height((PLOT_H - legend_h).max(PLOT_MIN_H))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(top * 1.1)
        .include_x(f64::from(first) - 0.6)
        .include_x(f64::from(last_fy) + 0.6)
        .x_grid_spacer(year_spacer())
        .y_grid_spacer(value_spacer())
        .custom_x_axes(vec![year_axis(ctx.t("年度", "Fiscal year"), "")])
        .custom_y_axes(vec![value_axis("")])
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
            plot.line(
                Line::new(cumulative_name, PlotPoints::new(cumulative))
                    .width(2.0)
                    .color(cumulative_color),
            );
            if let Some(path) = path {
                plot.line(
                    Line::new(path_name, PlotPoints::new(path))
                        .style(LineStyle::dashed_loose())
                        .color(path_color),
                );
            }
        });
}
