//! KPIs and budgets: each KPI with its target, latest value, grade and breakdown, its yearly
//! actuals plotted against the target pro-rated over the years; then the budget lines by fiscal
//! year with a stacked bar chart in 億円.

use std::collections::BTreeSet;

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Legend, Line, LineStyle, Plot, PlotPoints};

use super::ViewCtx;
use super::matrix::{link, wrap};
use crate::action::Action;
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{Budget, ItemRef, Kpi, KpiKind};

/// Shows the KPIs, then the budgets.
pub fn kpis_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("KPI・予算", "KPIs and budgets"));
    egui::ScrollArea::vertical()
        .id_salt("kpis")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            wrap(ui);
            let kpis = &ctx.roadmap.items.kpis;
            let top: Vec<&Kpi> = kpis
                .iter()
                .filter(|k| ctx.visible.contains(&ItemRef::Kpi(k.id.clone())))
                .filter(|k| {
                    // A breakdown is shown under its parent, unless the parent is filtered out.
                    k.parent.as_ref().is_none_or(|p| {
                        !ctx.visible.contains(&ItemRef::Kpi(p.clone()))
                            || !kpis.iter().any(|x| &x.id == p)
                    })
                })
                .collect();
            ui.label(
                RichText::new(format!("{} ({})", ctx.t("KPI", "KPIs"), top.len()))
                    .heading()
                    .size(16.0),
            );
            if top.is_empty() {
                ui.label(RichText::new(ctx.t("該当なし", "None")).weak());
            }
            for k in top {
                ui.push_id(("kpi", k.id.as_str()), |ui| {
                    kpi_ui(ui, ctx, k, actions);
                });
            }
            ui.add_space(12.0);
            budgets_ui(ui, ctx, actions);
        });
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

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn kpi_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, k: &Kpi, actions: &mut Vec<Action>) {
    let r = ItemRef::Kpi(k.id.clone());
    let children: Vec<&Kpi> = ctx
        .roadmap
        .items
        .kpis
        .iter()
        .filter(|c| c.parent.as_ref() == Some(&k.id))
        .filter(|c| ctx.visible.contains(&ItemRef::Kpi(c.id.clone())))
        .collect();
    let stroke = if ctx.is_selected(&r) {
        ui.visuals().selection.stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    egui::Frame::group(ui.style())
        .stroke(stroke)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            wrap(ui);
            link(
                ui,
                ctx,
                &r,
                labels::text(ctx.roadmap, &r, ctx.lang),
                actions,
            );
            ui.columns(2, |cols| {
                wrap(&mut cols[0]);
                facts_ui(&mut cols[0], ctx, k);
                for c in &children {
                    let cr = ItemRef::Kpi(c.id.clone());
                    cols[0].add_space(4.0);
                    cols[0].horizontal_wrapped(|ui| {
                        ui.label(RichText::new(ctx.t("内訳：", "Breakdown: ")).weak());
                        link(
                            ui,
                            ctx,
                            &cr,
                            labels::text(ctx.roadmap, &cr, ctx.lang),
                            actions,
                        );
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
    ui.add_space(6.0);
}

/// Kind, target, latest value and grade, as a small grid.
fn facts_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, k: &Kpi) {
    egui::Grid::new(("kpi-facts", k.id.as_str()))
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(RichText::new(ctx.t("種別", "Kind")).weak());
            ui.label(format!("{} ({})", kind_label(ctx, &k.kind), k.unit));
            ui.end_row();
            ui.label(RichText::new(ctx.t("目標", "Target")).weak());
            match &k.target {
                Some(t) => ui.label(format!(
                    "{}（{} FY{}）",
                    t.text,
                    ctx.t("期限", "by end of"),
                    t.deadline_fy
                )),
                None => ui.label(RichText::new(ctx.t("数値目標なし", "No numeric target")).weak()),
            };
            ui.end_row();
            ui.label(RichText::new(ctx.t("最新", "Latest")).weak());
            match &k.latest {
                Some(l) => ui.label(format!(
                    "{}（FY{}{}）",
                    l.text,
                    l.as_of_fy,
                    ctx.t("末時点", " year-end")
                )),
                None => ui.label(RichText::new("—").weak()),
            };
            ui.end_row();
            if let Some(g) = &k.grade {
                ui.label(RichText::new(ctx.t("評価", "Grade")).weak());
                match grade_meaning(ctx, g) {
                    Some(m) => ui.label(format!("{g}（{m}）")),
                    None => ui.label(g),
                };
                ui.end_row();
            }
        });
}

/// Yearly actuals as bars (the breakdowns beside them), the cumulative actual as a line, and the
/// target pro-rated from the first reported year to its deadline as a dashed line.
fn kpi_plot(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, k: &Kpi, children: &[&Kpi]) {
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
            labels::text(ctx.roadmap, &ItemRef::Kpi(s.id.clone()), ctx.lang)
        };
        charts.push(BarChart::new(name, bars).color(palette[i % palette.len()]));
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
    Plot::new(("kpi-plot", k.id.as_str()))
        .height(170.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(top * 1.1)
        .include_x(f64::from(first) - 0.6)
        .include_x(f64::from(last_fy) + 0.6)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .x_axis_label(ctx.t("年度", "Fiscal year"))
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value)
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
            plot.line(
                Line::new(cumulative_name, PlotPoints::new(cumulative))
                    .width(2.0)
                    .color(Color32::from_rgb(80, 190, 190)),
            );
            if let Some(path) = path {
                plot.line(
                    Line::new(path_name, PlotPoints::new(path))
                        .style(LineStyle::dashed_loose())
                        .color(Color32::from_rgb(200, 60, 60)),
                );
            }
        });
}

/// The key a budget line is grouped under in the chart: its programme, else its ministry, else
/// its own title.
fn budget_group(ctx: &ViewCtx<'_>, b: &Budget) -> String {
    if let Some(p) = &b.programme {
        return labels::text(ctx.roadmap, &ItemRef::Measure(p.clone()), ctx.lang);
    }
    if let Some(m) = &b.ministry {
        return labels::text(ctx.roadmap, &ItemRef::Ministry(m.clone()), ctx.lang);
    }
    b.title.clone()
}

fn budgets_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
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
    ui.label(
        RichText::new(format!("{} ({})", ctx.t("予算", "Budgets"), budgets.len()))
            .heading()
            .size(16.0),
    );
    if budgets.is_empty() {
        ui.label(RichText::new(ctx.t("該当なし", "None")).weak());
        return;
    }
    egui::Grid::new("kpis-budgets")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            ui.strong(ctx.t("年度", "FY"));
            ui.strong(ctx.t("予算", "Budget line"));
            ui.strong(ctx.t("府省庁・事業", "Ministry / programme"));
            ui.strong(ctx.t("金額（億円）", "Amount (億円)"));
            ui.strong(ctx.t("記載", "As written"));
            ui.end_row();
            for b in &budgets {
                let r = ItemRef::Budget(b.id.clone());
                ui.label(format!("FY{}", b.fiscal_year));
                link(ui, ctx, &r, b.title.as_str(), actions);
                ui.vertical(|ui| {
                    if let Some(m) = &b.ministry {
                        let mr = ItemRef::Ministry(m.clone());
                        link(
                            ui,
                            ctx,
                            &mr,
                            labels::text(ctx.roadmap, &mr, ctx.lang),
                            actions,
                        );
                    }
                    if let Some(p) = &b.programme {
                        let pr = ItemRef::Measure(p.clone());
                        link(
                            ui,
                            ctx,
                            &pr,
                            labels::text(ctx.roadmap, &pr, ctx.lang),
                            actions,
                        );
                    }
                });
                let amount = ui.label(fmt_value(b.amount_oku_yen));
                if b.provenance != crate::model::Provenance::Stated {
                    amount.on_hover_text(match ctx.lang {
                        Lang::Ja => b.provenance.label_ja(),
                        Lang::En => b.provenance.label_en(),
                    });
                }
                ui.label(RichText::new(b.text.as_deref().unwrap_or("")).weak());
                ui.end_row();
            }
        });

    budget_chart(ui, ctx, &budgets);
}

/// Budgets by fiscal year as stacked bars, one colour per programme or ministry.
fn budget_chart(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, budgets: &[&Budget]) {
    // Stacked bars: one chart per group, one bar per fiscal year in every chart (stacking matches
    // bars by position).
    let years: BTreeSet<i32> = budgets.iter().map(|b| b.fiscal_year).collect();
    let mut groups: Vec<String> = Vec::new();
    for b in budgets {
        let g = budget_group(ctx, b);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    let mut charts: Vec<BarChart> = Vec::new();
    for g in &groups {
        let bars = years
            .iter()
            .map(|&fy| {
                let amount: f64 = budgets
                    .iter()
                    .filter(|b| b.fiscal_year == fy && &budget_group(ctx, b) == g)
                    .map(|b| b.amount_oku_yen)
                    .sum();
                Bar::new(f64::from(fy), amount)
                    .width(0.6)
                    .name(format!("FY{fy}"))
            })
            .collect();
        let chart = {
            let below: Vec<&BarChart> = charts.iter().collect();
            BarChart::new(g.clone(), bars).stack_on(&below)
        };
        charts.push(chart);
    }
    ui.add_space(6.0);
    Plot::new("budget-plot")
        .height(200.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .y_axis_label(ctx.t("億円", "億円 (100 million yen)"))
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("FY{}", mark.value)
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
        });
}
