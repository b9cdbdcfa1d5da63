//! The proposals (提言①–⑧) of the 2018 gap map: for each, the gap it answers (with its category
//! and value-chain stages), the proposal itself, the examples from abroad grouped by country, its
//! actions, and the later 小論点 that continue its gap.

use egui::RichText;

use super::matrix::{link, wrap};
use super::{ViewCtx, item_link};
use crate::action::Action;
use crate::analysis::index::Relation;
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{ItemRef, OverseasExample, Proposal};

/// Shows every proposal that passes the filter, in number order, each in a collapsible section.
pub fn proposals_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("提言", "Proposals"));
    let mut proposals: Vec<&Proposal> = ctx
        .roadmap
        .items
        .proposals
        .iter()
        .filter(|p| ctx.visible.contains(&ItemRef::Proposal(p.id.clone())))
        .collect();
    proposals.sort_by_key(|p| p.number);
    if proposals.is_empty() {
        ui.label(ctx.t(
            "フィルタに該当する提言はありません。",
            "No proposal passes the filter.",
        ));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("proposals")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            wrap(ui);
            for p in proposals {
                proposal_ui(ui, ctx, p, actions);
            }
        });
}

fn proposal_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, p: &Proposal, actions: &mut Vec<Action>) {
    let r = ItemRef::Proposal(p.id.clone());
    let tag = labels::tag(ctx.roadmap, &r, ctx.lang);
    let gist = labels::ellipsize(&labels::text(ctx.roadmap, &r, ctx.lang), 48);
    let mut heading = RichText::new(format!("{tag}  {gist}")).strong();
    if ctx.is_selected(&r) {
        heading = heading.color(ui.visuals().selection.stroke.color);
    }
    egui::CollapsingHeader::new(heading)
        .id_salt(("proposal", p.id.as_str()))
        .default_open(true)
        .show(ui, |ui| {
            wrap(ui);
            link(
                ui,
                ctx,
                &r,
                labels::text(ctx.roadmap, &r, ctx.lang),
                actions,
            );
            gap_ui(ui, ctx, p, actions);
            overseas_ui(ui, ctx, &p.overseas);
            actions_ui(ui, ctx, p, actions);
            continued_ui(ui, ctx, p, actions);
        });
    ui.separator();
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(title).strong());
}

fn gap_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, p: &Proposal, actions: &mut Vec<Action>) {
    section(ui, ctx.t("ギャップ", "Gap"));
    let gap = ItemRef::Gap(p.gap.clone());
    ui.indent("gap", |ui| {
        link(
            ui,
            ctx,
            &gap,
            format!(
                "{} {}",
                labels::tag(ctx.roadmap, &gap, ctx.lang),
                labels::text(ctx.roadmap, &gap, ctx.lang)
            ),
            actions,
        );
        let Some(g) = ctx.roadmap.gap(&p.gap) else {
            return;
        };
        ui.horizontal_wrapped(|ui| {
            // Short names: flow them and wrap between them, never inside one.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            if let Some(c) = &g.category {
                ui.label(RichText::new(ctx.t("分類：", "Category: ")).weak());
                ui.label(match ctx.lang {
                    Lang::Ja => c.label_ja(),
                    Lang::En => c.label_en(),
                });
            }
            if !g.stages.is_empty() {
                ui.label(RichText::new(ctx.t("バリューチェーン：", "Value chain: ")).weak());
                for s in &g.stages {
                    let stage = ItemRef::Stage(s.clone());
                    item_link(
                        ui,
                        ctx,
                        &stage,
                        labels::text(ctx.roadmap, &stage, ctx.lang),
                        actions,
                    );
                }
            }
            if g.placement_provenance != crate::model::Provenance::Stated {
                ui.label(
                    RichText::new(match ctx.lang {
                        Lang::Ja => format!("（{}）", g.placement_provenance.label_ja()),
                        Lang::En => format!("({})", g.placement_provenance.label_en()),
                    })
                    .weak(),
                );
            }
        });
    });
}

/// Examples grouped by country, countries in order of first appearance.
fn overseas_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, examples: &[OverseasExample]) {
    if examples.is_empty() {
        return;
    }
    section(ui, ctx.t("海外の事例", "Examples abroad"));
    let mut countries: Vec<Option<&str>> = Vec::new();
    for e in examples {
        let c = e.country.as_deref();
        if !countries.contains(&c) {
            countries.push(c);
        }
    }
    ui.indent("overseas", |ui| {
        for country in countries {
            ui.label(
                RichText::new(
                    country.unwrap_or(ctx.t("（国・地域の記載なし）", "(no country named)")),
                )
                .underline(),
            );
            ui.indent(("country", country), |ui| {
                for e in examples.iter().filter(|e| e.country.as_deref() == country) {
                    if let Some(org) = &e.organisation {
                        ui.label(RichText::new(org).strong());
                    }
                    ui.label(&e.text);
                }
            });
        }
    });
}

fn actions_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, p: &Proposal, actions: &mut Vec<Action>) {
    section(ui, ctx.t("アクション", "Actions"));
    ui.indent("actions", |ui| {
        let mut hidden = 0;
        for (i, a) in p.actions.iter().enumerate() {
            let m = ItemRef::Measure(a.clone());
            if !ctx.visible.contains(&m) {
                hidden += 1;
                continue;
            }
            link(
                ui,
                ctx,
                &m,
                format!("{}. {}", i + 1, labels::text(ctx.roadmap, &m, ctx.lang)),
                actions,
            );
        }
        if p.actions.is_empty() {
            ui.label(RichText::new(ctx.t("なし", "None")).weak());
        }
        if hidden > 0 {
            ui.label(
                RichText::new(format!(
                    "{} {hidden}",
                    ctx.t("フィルタで非表示：", "Hidden by the filter:")
                ))
                .weak(),
            );
        }
    });
}

fn continued_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, p: &Proposal, actions: &mut Vec<Action>) {
    let gap = ItemRef::Gap(p.gap.clone());
    let later: Vec<&ItemRef> = ctx
        .index
        .related(&gap, |r| r == Relation::Continues, true)
        .filter(|g| ctx.visible.contains(g))
        .collect();
    section(
        ui,
        &format!(
            "{} ({})",
            ctx.t("継承先の小論点", "Continued by"),
            later.len()
        ),
    );
    ui.indent("continued", |ui| {
        if later.is_empty() {
            ui.label(RichText::new(ctx.t("なし", "None")).weak());
        }
        for g in later {
            let note = ctx
                .index
                .edges(&gap)
                .iter()
                .find(|e| e.relation == Relation::Continues && e.outgoing && &e.other == g)
                .and_then(|e| e.note.clone());
            let resp = link(
                ui,
                ctx,
                g,
                format!(
                    "{} {}",
                    labels::tag(ctx.roadmap, g, ctx.lang),
                    labels::text(ctx.roadmap, g, ctx.lang)
                ),
                actions,
            );
            if let Some(note) = note {
                resp.on_hover_text(note);
            }
        }
    });
}
