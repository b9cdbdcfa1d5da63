//! Coverage: what is still unaddressed or unassigned, who carries how much, and which KPIs lag.
//!
//! Reads the coverage report of the whole roadmap and lists only the entries that pass the filter,
//! saying how many the filter hides. Every entry selects its item when clicked.

use egui::{RichText, Sense, vec2};

use super::ViewCtx;
use super::matrix::{link, role_label, role_mark, wrap};
use crate::action::Action;
use crate::analysis::labels;
use crate::model::{ItemRef, Role};

/// Shows the coverage report, one collapsible section per finding.
pub fn coverage_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("カバレッジ", "Coverage"));
    let c = ctx.coverage;
    egui::ScrollArea::vertical()
        .id_salt("coverage")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            wrap(ui);
            items_section(
                ui,
                ctx,
                ctx.t("対応する施策のない論点", "Gaps with no measure"),
                &c.unaddressed_gaps,
                actions,
            );
            items_section(
                ui,
                ctx,
                ctx.t(
                    "担当府省庁のない施策",
                    "Measures with no responsible ministry",
                ),
                &c.measures_without_ministry,
                actions,
            );
            items_section(
                ui,
                ctx,
                ctx.t("期間のない施策", "Measures with no span"),
                &c.measures_without_span,
                actions,
            );
            items_section(
                ui,
                ctx,
                ctx.t("期間が仮定の施策", "Measures with an assumed span"),
                &c.measures_with_assumed_span,
                actions,
            );
            load_section(ui, ctx, actions);
            lagging_section(ui, ctx, actions);
        });
}

/// A section heading with the count shown and, when the filter hides some, how many.
fn heading(ctx: &ViewCtx<'_>, title: &str, shown: usize, total: usize) -> String {
    if shown == total {
        format!("{title} ({total})")
    } else {
        format!(
            "{title} ({shown} / {total}, {})",
            ctx.t("残りはフィルタで非表示", "the rest hidden by the filter")
        )
    }
}

fn empty(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, total: usize) {
    let text = if total == 0 {
        ctx.t("該当なし", "None")
    } else {
        ctx.t(
            "フィルタに該当するものはありません",
            "None passes the filter",
        )
    };
    ui.label(RichText::new(text).weak());
}

fn items_section(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    title: &str,
    items: &[ItemRef],
    actions: &mut Vec<Action>,
) {
    let shown: Vec<&ItemRef> = items.iter().filter(|r| ctx.visible.contains(r)).collect();
    egui::CollapsingHeader::new(
        RichText::new(heading(ctx, title, shown.len(), items.len())).strong(),
    )
    .id_salt(("coverage", title))
    .default_open(true)
    .show(ui, |ui| {
        wrap(ui);
        if shown.is_empty() {
            empty(ui, ctx, items.len());
        }
        for r in shown {
            let tag = labels::tag(ctx.roadmap, r, ctx.lang);
            let text = labels::text(ctx.roadmap, r, ctx.lang);
            let label = if tag == r.id_str() {
                text
            } else {
                format!("{tag} {text}")
            };
            link(ui, ctx, r, label, actions);
        }
    });
}

fn load_section(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let load = &ctx.coverage.load;
    egui::CollapsingHeader::new(
        RichText::new(format!(
            "{} ({})",
            ctx.t("府省庁ごとの担当数", "Ministries' load"),
            load.len()
        ))
        .strong(),
    )
    .id_salt(("coverage", "load"))
    .default_open(true)
    .show(ui, |ui| {
        if load.is_empty() {
            empty(ui, ctx, 0);
            return;
        }
        let max = load
            .values()
            .map(crate::analysis::coverage::Load::total)
            .max()
            .unwrap_or(0)
            .max(1);
        let colours = [
            ui.visuals().selection.bg_fill,
            ui.visuals().selection.bg_fill.gamma_multiply(0.6),
            ui.visuals().weak_text_color(),
        ];
        egui::Grid::new("coverage-load")
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                ui.strong(ctx.t("府省庁", "Ministry"));
                for role in [Role::Lead, Role::CoLead, Role::Support] {
                    ui.strong(format!("{} {}", role_mark(role), role_label(ctx, role)));
                }
                ui.strong(ctx.t("計", "Total"));
                ui.label("");
                ui.end_row();
                // Ministries in their document order, then any code only links name.
                let mut codes: Vec<_> = ctx
                    .roadmap
                    .items
                    .ministries
                    .iter()
                    .map(|m| m.code.clone())
                    .collect();
                codes.extend(
                    load.keys()
                        .filter(|k| !codes.contains(k))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
                for code in codes {
                    let Some(l) = load.get(&code) else { continue };
                    let r = ItemRef::Ministry(code.clone());
                    if !ctx.visible.contains(&r) {
                        continue;
                    }
                    link(
                        ui,
                        ctx,
                        &r,
                        format!("{} {}", code, labels::text(ctx.roadmap, &r, ctx.lang)),
                        actions,
                    );
                    ui.label(l.lead.to_string());
                    ui.label(l.co_lead.to_string());
                    ui.label(l.support.to_string());
                    ui.label(l.total().to_string());
                    // A stacked bar: lead, co-lead, support.
                    let full = 160.0;
                    let (rect, resp) = ui.allocate_exact_size(vec2(full, 12.0), Sense::hover());
                    let mut x = rect.left();
                    for (n, colour) in [l.lead, l.co_lead, l.support].into_iter().zip(colours) {
                        let w = full * n as f32 / max as f32;
                        let seg = egui::Rect::from_min_size(
                            egui::pos2(x, rect.top()),
                            vec2(w, rect.height()),
                        );
                        ui.painter().rect_filled(seg, 0.0, colour);
                        x += w;
                    }
                    resp.on_hover_text(format!(
                        "{}: {} {} / {} {} / {} {}",
                        code,
                        role_label(ctx, Role::Lead),
                        l.lead,
                        role_label(ctx, Role::CoLead),
                        l.co_lead,
                        role_label(ctx, Role::Support),
                        l.support
                    ));
                    ui.end_row();
                }
            });
    });
}

fn lagging_section(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let all = &ctx.coverage.lagging_kpis;
    let shown: Vec<_> = all
        .iter()
        .filter(|k| ctx.visible.contains(&k.kpi))
        .collect();
    egui::CollapsingHeader::new(
        RichText::new(heading(
            ctx,
            ctx.t("目標に遅れているKPI", "KPIs behind target"),
            shown.len(),
            all.len(),
        ))
        .strong(),
    )
    .id_salt(("coverage", "lagging"))
    .default_open(true)
    .show(ui, |ui| {
        wrap(ui);
        if shown.is_empty() {
            empty(ui, ctx, all.len());
        }
        for k in shown {
            link(
                ui,
                ctx,
                &k.kpi,
                labels::text(ctx.roadmap, &k.kpi, ctx.lang),
                actions,
            );
            ui.indent(("lagging", k.kpi.id_str()), |ui| {
                ui.label(
                    RichText::new(format!(
                        "{} {} · {} {:.1} · {} {}",
                        ctx.t("最新", "latest"),
                        k.latest,
                        ctx.t("現時点の見込み", "expected by now"),
                        k.expected,
                        ctx.t("目標", "target"),
                        k.target
                    ))
                    .weak(),
                );
            });
        }
    });
}
