//! Target states (目指すべき姿) by horizon year, side by side (2030 | 2040 | …), each with the
//! measures contributing to it and the gaps standing in its way: reading the roadmap backwards from
//! where it should arrive.

use std::collections::BTreeMap;

use egui::RichText;

use super::ViewCtx;
use super::matrix::{link, wrap};
use crate::action::Action;
use crate::analysis::index::Relation;
use crate::analysis::labels;
use crate::model::{ItemRef, TargetState};

/// Shows the target states in one column per horizon year.
pub fn targets_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t(
        "目指すべき姿（バックキャスト）",
        "Target states (backcasting)",
    ));
    let mut by_year: BTreeMap<i32, Vec<&TargetState>> = BTreeMap::new();
    for t in &ctx.roadmap.items.target_states {
        if ctx.visible.contains(&ItemRef::Target(t.id.clone())) {
            by_year.entry(t.horizon_year).or_default().push(t);
        }
    }
    if by_year.is_empty() {
        ui.label(ctx.t(
            "フィルタに該当する目指すべき姿はありません。",
            "No target state passes the filter.",
        ));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("targets")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.columns(by_year.len(), |columns| {
                for (col, (year, targets)) in columns.iter_mut().zip(&by_year) {
                    wrap(col);
                    col.label(
                        RichText::new(match ctx.lang {
                            crate::i18n::Lang::Ja => format!("{year}年"),
                            crate::i18n::Lang::En => format!("By {year}"),
                        })
                        .heading(),
                    );
                    for t in targets {
                        col.push_id(("target", t.id.as_str()), |ui| {
                            target_ui(ui, ctx, t, actions);
                        });
                    }
                }
            });
        });
}

fn target_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, t: &TargetState, actions: &mut Vec<Action>) {
    let r = ItemRef::Target(t.id.clone());
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
                format!(
                    "{} {}",
                    labels::tag(ctx.roadmap, &r, ctx.lang),
                    labels::text(ctx.roadmap, &r, ctx.lang)
                ),
                actions,
            );
            related_ui(
                ui,
                ctx,
                &r,
                Relation::ContributesTo,
                ctx.t("寄与する施策", "Contributing measures"),
                actions,
            );
            related_ui(
                ui,
                ctx,
                &r,
                Relation::Blocks,
                ctx.t("阻む論点", "Gaps in the way"),
                actions,
            );
        });
    ui.add_space(6.0);
}

/// Lists the items joined to target `r` by `relation` (seen from the target), with a count.
fn related_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    r: &ItemRef,
    relation: Relation,
    title: &str,
    actions: &mut Vec<Action>,
) {
    let all: Vec<&ItemRef> = ctx
        .index
        .related(r, move |x| x == relation, false)
        .collect();
    let shown: Vec<&ItemRef> = all
        .iter()
        .copied()
        .filter(|x| ctx.visible.contains(x))
        .collect();
    ui.add_space(4.0);
    ui.label(RichText::new(format!("{title} ({})", shown.len())).strong());
    ui.indent((title, r.id_str()), |ui| {
        if all.is_empty() {
            ui.label(RichText::new(ctx.t("なし", "None")).weak());
        }
        for x in &shown {
            let text = format!(
                "{} {}",
                labels::tag(ctx.roadmap, x, ctx.lang),
                labels::text(ctx.roadmap, x, ctx.lang)
            );
            let text = if labels::tag(ctx.roadmap, x, ctx.lang) == x.id_str() {
                labels::text(ctx.roadmap, x, ctx.lang)
            } else {
                text
            };
            link(ui, ctx, x, text, actions);
        }
        let hidden = all.len() - shown.len();
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
