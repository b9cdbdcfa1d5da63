//! The navigator: every item of the roadmap in a tree on the left — target states, themes with
//! their 小論点, proposals, ministries, KPIs and events. Respects the filter.

use crate::action::Action;
use crate::analysis::labels;
use crate::model::{ItemRef, circled};

use super::{ViewCtx, item_link};

/// Shows the navigator.
pub fn navigator_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let it = &ctx.roadmap.items;
    ui.heading(ctx.t("ナビゲーター", "Navigator"));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Long labels wrap to the panel's width instead of widening it.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            let width = 30;
            section(
                ui,
                ctx.t("目指すべき姿", "Target states"),
                "nav-targets",
                |ui| {
                    for t in &it.target_states {
                        let r = ItemRef::Target(t.id.clone());
                        if ctx.visible.contains(&r) {
                            item_link(
                                ui,
                                ctx,
                                &r,
                                labels::short(ctx.roadmap, &r, ctx.lang, width),
                                actions,
                            );
                        }
                    }
                },
            );
            section(
                ui,
                ctx.t("項目と小論点", "Themes and issues"),
                "nav-themes",
                |ui| {
                    for theme in &it.themes {
                        let tr = ItemRef::Theme(theme.id.clone());
                        let gaps: Vec<ItemRef> = it
                            .gaps
                            .iter()
                            .filter(|g| g.theme.as_ref() == Some(&theme.id))
                            .map(|g| ItemRef::Gap(g.id.clone()))
                            .filter(|r| ctx.visible.contains(r))
                            .collect();
                        // A theme stays when it matches itself or holds a 小論点 that matches.
                        if !ctx.visible.contains(&tr) && gaps.is_empty() {
                            continue;
                        }
                        let title = labels::short(ctx.roadmap, &tr, ctx.lang, 14);
                        egui::CollapsingHeader::new(title)
                            .id_salt(("nav-theme", theme.id.as_str()))
                            .default_open(true)
                            .show(ui, |ui| {
                                item_link(
                                    ui,
                                    ctx,
                                    &tr,
                                    ctx.t("大論点", "Overarching issue"),
                                    actions,
                                );
                                for r in &gaps {
                                    item_link(
                                        ui,
                                        ctx,
                                        r,
                                        labels::short(ctx.roadmap, r, ctx.lang, width),
                                        actions,
                                    );
                                }
                            });
                    }
                },
            );
            section(ui, ctx.t("提言", "Proposals"), "nav-proposals", |ui| {
                for p in &it.proposals {
                    let r = ItemRef::Proposal(p.id.clone());
                    if ctx.visible.contains(&r) {
                        let text = format!(
                            "{}{} {}",
                            ctx.t("提言", "Proposal "),
                            circled(p.number),
                            labels::ellipsize(&labels::text(ctx.roadmap, &r, ctx.lang), width)
                        );
                        item_link(ui, ctx, &r, text, actions);
                    }
                }
            });
            section(
                ui,
                ctx.t("府省庁", "Ministries"),
                "nav-ministries",
                |ui| {
                    for m in &it.ministries {
                        let r = ItemRef::Ministry(m.code.clone());
                        if ctx.visible.contains(&r) {
                            let n = ctx.index.measures_of_ministry(&r).count();
                            item_link(
                                ui,
                                ctx,
                                &r,
                                format!("{} {}（{n}）", m.code, ctx.t(&m.name, &m.name_en)),
                                actions,
                            );
                        }
                    }
                },
            );
            section(ui, "KPI", "nav-kpis", |ui| {
                for k in it.kpis.iter().filter(|k| k.parent.is_none()) {
                    let r = ItemRef::Kpi(k.id.clone());
                    if ctx.visible.contains(&r) {
                        item_link(
                            ui,
                            ctx,
                            &r,
                            labels::short(ctx.roadmap, &r, ctx.lang, width),
                            actions,
                        );
                    }
                }
            });
            section(ui, ctx.t("出来事", "Events"), "nav-events", |ui| {
                let mut events: Vec<_> = it.events.iter().collect();
                events.sort_by(|a, b| a.when.fy_position().total_cmp(&b.when.fy_position()));
                for e in events {
                    let r = ItemRef::Event(e.id.clone());
                    if ctx.visible.contains(&r) {
                        item_link(
                            ui,
                            ctx,
                            &r,
                            format!(
                                "{} {}",
                                e.when,
                                labels::ellipsize(&labels::text(ctx.roadmap, &r, ctx.lang), width)
                            ),
                            actions,
                        );
                    }
                }
            });
            section(ui, ctx.t("出典", "Sources"), "nav-sources", |ui| {
                for s in &it.sources {
                    let r = ItemRef::Source(s.id.clone());
                    item_link(
                        ui,
                        ctx,
                        &r,
                        labels::short(ctx.roadmap, &r, ctx.lang, width),
                        actions,
                    );
                }
            });
        });
}

fn section(ui: &mut egui::Ui, title: &str, id: &str, body: impl FnOnce(&mut egui::Ui)) {
    egui::CollapsingHeader::new(title)
        .id_salt(id)
        .default_open(true)
        .show(ui, body);
}
