//! The inspector: the selected item's full text, source citation, provenance, timing, and every
//! link in and out, each clickable.

use crate::action::Action;
use crate::analysis::labels;
use crate::model::{ItemRef, Provenance};

use super::{ViewCtx, item_link};

mod details;

use details::{details, provenance};

/// Shows the inspector for the selection.
pub fn inspector_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("詳細", "Inspector"));
    let Some(item) = ctx.selection else {
        ui.label(ctx.t(
            "項目を選択すると、全文・出典・つながりをここに表示します。",
            "Select an item to see its full text, source and links here.",
        ));
        if ctx.editable {
            ui.separator();
            super::editor::header_ui(ui, ctx, actions);
        }
        return;
    };
    // Both ways, so that a row too long to wrap (a link with its buttons) scrolls rather than
    // widening the panel, which would then stay wide.
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            let r = ctx.roadmap;
            let kind = item.kind();
            ui.label(
                egui::RichText::new(format!(
                    "{} · {}",
                    ctx.t(kind.label_ja(), kind.label_en()),
                    labels::tag(r, item, ctx.lang)
                ))
                .strong(),
            );
            ui.label(egui::RichText::new(labels::text(r, item, ctx.lang)).size(15.0));
            if ctx.lang == crate::i18n::Lang::En {
                let ja = labels::text(r, item, crate::i18n::Lang::Ja);
                if ja != labels::text(r, item, ctx.lang) {
                    ui.label(egui::RichText::new(ja).weak());
                }
            }
            super::focus_bar::focus_button_ui(ui, ctx, actions);
            ui.separator();
            if let ItemRef::Measure(id) = item {
                super::scenarios::measure_scenario_ui(ui, ctx, id, actions);
            }
            if ctx.editable {
                super::editor::editor_ui(ui, ctx, item, actions);
                ui.separator();
            }
            // Links first: who answers it and who is responsible is what reviewers look for.
            links(ui, ctx, item, actions);
            ui.separator();
            details(ui, ctx, item);
            ui.separator();
            ui.label(
                egui::RichText::new(format!("ID: {}", item.id_str()))
                    .weak()
                    .monospace(),
            );
        });
}

/// For a gap: the ministries responsible for the measures answering it, one step further than
/// its own links, since "who is responsible for this gap" is the question reviewers ask; and for a
/// gap carried on by a later one, what answers it now, who is responsible, and when.
fn ministries_via_measures(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    actions: &mut Vec<Action>,
) {
    let heading = ctx.t(
        "担当府省庁（対応案を通じて）",
        "Responsible ministries (through its measures)",
    );
    ministries_of(
        ui,
        ctx,
        ctx.index.measures_of_gap(item).collect(),
        heading,
        actions,
    );
    for later in ctx.index.continuations(item) {
        let measures: Vec<&ItemRef> = ctx.index.measures_of_gap(later).collect();
        if measures.is_empty() {
            continue;
        }
        let title = format!(
            "{} {}",
            labels::tag(ctx.roadmap, later, ctx.lang),
            ctx.t("に引き継がれた対応", "carries it on")
        );
        ui.label(egui::RichText::new(title).strong());
        item_link(
            ui,
            ctx,
            later,
            labels::short(ctx.roadmap, later, ctx.lang, 40),
            actions,
        );
        for m in &measures {
            let span = match m {
                ItemRef::Measure(id) => ctx.roadmap.measure(id).and_then(|m| m.span.as_ref()),
                _ => None,
            };
            let when = span.map_or_else(String::new, |s| {
                format!(
                    "（{s}・{}）",
                    ctx.t(s.provenance.label_ja(), s.provenance.label_en())
                )
            });
            let text = format!("{}{when}", labels::short(ctx.roadmap, m, ctx.lang, 34));
            item_link(ui, ctx, m, text, actions);
        }
        ministries_of(
            ui,
            ctx,
            measures,
            ctx.t("その担当府省庁", "Its responsible ministries"),
            actions,
        );
    }
}

/// Lists the ministries responsible for any of `measures`, once each.
fn ministries_of(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    measures: Vec<&ItemRef>,
    heading: &str,
    actions: &mut Vec<Action>,
) {
    let ministries = ctx.index.ministries_of_measures(measures);
    if ministries.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(format!("{heading}（{}）", ministries.len())).strong());
    for (ministry, _) in ministries {
        let text = labels::short(ctx.roadmap, ministry, ctx.lang, 40);
        item_link(ui, ctx, ministry, text, actions);
    }
}

fn links(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: &ItemRef, actions: &mut Vec<Action>) {
    if matches!(item, ItemRef::Gap(_)) {
        ministries_via_measures(ui, ctx, item, actions);
    }
    let mut edges = ctx.index.edges(item).peekable();
    if edges.peek().is_none() {
        ui.label(ctx.t("つながりはありません。", "No links."));
        return;
    }
    let mut groups: Vec<(String, Vec<crate::analysis::index::Edge<'_>>)> = Vec::new();
    for e in edges {
        let title = ctx
            .t(
                e.relation.label_ja(e.outgoing),
                e.relation.label_en(e.outgoing),
            )
            .to_owned();
        match groups.iter_mut().find(|(t, _)| *t == title) {
            Some((_, v)) => v.push(e),
            None => groups.push((title, vec![e])),
        }
    }
    for (title, edges) in groups {
        ui.label(egui::RichText::new(format!("{title}（{}）", edges.len())).strong());
        for e in edges {
            let mut text = labels::short(ctx.roadmap, e.other, ctx.lang, 40);
            if let crate::analysis::index::Relation::Responsible(role) = e.relation {
                text = format!("{text} — {}", ctx.t(role.label_ja(), role.label_en()));
            }
            if e.provenance != Provenance::Stated {
                text = format!("{text}［{}］", provenance(ctx, e.provenance));
            }
            let response = item_link(ui, ctx, e.other, text, actions);
            if let Some(note) = e.note {
                response.on_hover_text(note);
            }
        }
    }
}
