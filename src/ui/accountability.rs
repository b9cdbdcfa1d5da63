//! Accountability: every measure against every ministry, with the ministry's role (● lead,
//! ◎ co-lead, ○ support), and each ministry's totals over the measures that pass the filter.
//!
//! Measures are grouped by kind (対応案, proposal actions, programmes, laws) or listed in document
//! order; the choice is kept in egui memory.

use egui::{Align, Id, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use super::matrix::{link, link_height, role_cell, role_label, role_mark, text_height, wrap};
use super::{ViewCtx, item_link};
use crate::action::Action;
use crate::analysis::coverage::Load;
use crate::analysis::labels;
use crate::model::{ItemRef, Measure, MeasureKind, Role};

/// The kinds of measure, in the order their groups are shown.
const KINDS: [MeasureKind; 4] = [
    MeasureKind::Response,
    MeasureKind::ProposalAction,
    MeasureKind::Programme,
    MeasureKind::Framework,
];

/// The name of a kind of measure, as a group heading.
pub(crate) fn kind_label(ctx: &ViewCtx<'_>, kind: &MeasureKind) -> &'static str {
    match kind {
        MeasureKind::Response => ctx.t("対応案", "Responses"),
        MeasureKind::ProposalAction => ctx.t("提言のアクション", "Proposal actions"),
        MeasureKind::Programme => ctx.t("事業", "Programmes"),
        MeasureKind::Framework => ctx.t("法・制度", "Laws and frameworks"),
    }
}

enum Row<'a> {
    Group(&'static str, usize),
    Measure(&'a Measure, ItemRef),
}

/// Shows measures × ministries with role marks and per-ministry totals.
pub fn accountability_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("府省庁の担当", "Accountability"));
    let grouped_id = Id::unique("accountability-grouped-by-kind");
    let mut grouped = ui.data_mut(|d| *d.get_temp_mut_or(grouped_id, true));
    ui.horizontal_wrapped(|ui| {
        ui.label(ctx.t("並べ方：", "Order: "));
        ui.selectable_value(&mut grouped, true, ctx.t("種別ごと", "By kind"));
        ui.selectable_value(&mut grouped, false, ctx.t("記載順", "As listed"));
        ui.separator();
        for role in [Role::Lead, Role::CoLead, Role::Support] {
            ui.label(format!("{} {}", role_mark(role), role_label(ctx, role)));
        }
    });
    ui.data_mut(|d| d.insert_temp(grouped_id, grouped));

    let visible: Vec<(&Measure, ItemRef)> = ctx
        .roadmap
        .items
        .measures
        .iter()
        .map(|m| (m, ItemRef::Measure(m.id.clone())))
        .filter(|(_, r)| ctx.visible.contains(r))
        .collect();

    totals_ui(ui, ctx, &visible, actions);
    ui.separator();

    let mut rows: Vec<Row<'_>> = Vec::new();
    if grouped {
        for kind in &KINDS {
            let of_kind: Vec<_> = visible.iter().filter(|(m, _)| &m.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            rows.push(Row::Group(kind_label(ctx, kind), of_kind.len()));
            rows.extend(of_kind.into_iter().map(|(m, r)| Row::Measure(m, r.clone())));
        }
    } else {
        rows.extend(visible.iter().map(|(m, r)| Row::Measure(m, r.clone())));
    }
    if rows.is_empty() {
        ui.label(ctx.t(
            "フィルタに該当する施策はありません。",
            "No measure passes the filter.",
        ));
        return;
    }

    table_ui(ui, ctx, &rows, actions);
}

/// The measures × ministries table.
fn table_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, rows: &[Row<'_>], actions: &mut Vec<Action>) {
    let ministries = &ctx.roadmap.items.ministries;
    let mut table = TableBuilder::new(ui)
        .id_salt("accountability")
        .striped(true)
        .resizable(true)
        .cell_layout(Layout::top_down(Align::Min))
        .column(
            Column::remainder()
                .resizable(false)
                .at_least(200.0)
                .clip(true),
        )
        .column(Column::initial(110.0).at_least(40.0).clip(true))
        .column(Column::initial(120.0).at_least(40.0).clip(true));
    for _ in ministries {
        table = table.column(Column::exact(30.0));
    }
    table
        .header(22.0, |mut header| {
            for title in [
                ctx.t("施策", "Measure"),
                ctx.t("記載", "As written"),
                ctx.t("期間", "Span"),
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
            for m in ministries {
                header.col(|ui| {
                    let r = ItemRef::Ministry(m.code.clone());
                    item_link(ui, ctx, &r, m.code.as_str(), actions).on_hover_text(
                        match ctx.lang {
                            crate::i18n::Lang::Ja => m.name.as_str(),
                            crate::i18n::Lang::En => m.name_en.as_str(),
                        },
                    );
                });
            }
        })
        .body(|mut body| {
            let widths = body.widths().to_vec();
            let w0 = widths.first().copied().unwrap_or(200.0);
            let w1 = widths.get(1).copied().unwrap_or(100.0);
            let w2 = widths.get(2).copied().unwrap_or(100.0);
            let ui = body.ui_mut();
            let heights: Vec<f32> = rows
                .iter()
                .map(|row| match row {
                    Row::Group(..) => text_height(ui, "X", w0) + 6.0,
                    Row::Measure(m, r) => {
                        let span = m.span.as_ref().map(ToString::to_string).unwrap_or_default();
                        link_height(ui, &measure_label(ctx, r), w0)
                            .max(text_height(
                                ui,
                                m.ministries_as_written.as_deref().unwrap_or(""),
                                w1,
                            ))
                            .max(text_height(ui, &span, w2))
                    }
                })
                .collect();
            body.heterogeneous_rows(heights.into_iter(), |mut row| match rows.get(row.index()) {
                Some(Row::Group(label, n)) => {
                    row.set_overline(true);
                    row.col(|ui| {
                        ui.strong(format!("{label} ({n})"));
                    });
                    for _ in 0..2 + ministries.len() {
                        row.col(|_| {});
                    }
                }
                Some(Row::Measure(m, r)) => {
                    row.set_selected(ctx.is_selected(r));
                    row.col(|ui| {
                        link(ui, ctx, r, measure_label(ctx, r), actions);
                    });
                    row.col(|ui| {
                        wrap(ui);
                        if let Some(w) = &m.ministries_as_written {
                            ui.label(w);
                        }
                    });
                    row.col(|ui| {
                        wrap(ui);
                        if let Some(span) = &m.span {
                            // An assumed span is set in italics, with its basis on hover.
                            let stated = span.provenance == crate::model::Provenance::Stated;
                            let mut text = RichText::new(span.to_string());
                            if !stated {
                                text = text.italics().weak();
                            }
                            let resp = ui.label(text);
                            if let Some(basis) = &span.basis {
                                resp.on_hover_text(basis);
                            }
                        }
                    });
                    for ministry in ministries {
                        row.col(|ui| {
                            let code = ItemRef::Ministry(ministry.code.clone());
                            let role = ctx
                                .index
                                .ministries_of_measure(r)
                                .find(|(x, _)| **x == code)
                                .map(|(_, role)| role);
                            role_cell(ui, ctx, ministry, role);
                        });
                    }
                }
                None => {}
            });
        });
}

/// A measure's label: its tag-less text (title for programmes), whole.
fn measure_label(ctx: &ViewCtx<'_>, r: &ItemRef) -> String {
    labels::text(ctx.roadmap, r, ctx.lang)
}

/// Each ministry's load over `measures`.
fn loads(ctx: &ViewCtx<'_>, measures: &[(&Measure, ItemRef)]) -> Vec<Load> {
    let ministries = &ctx.roadmap.items.ministries;
    let mut out = vec![Load::default(); ministries.len()];
    for (_, r) in measures {
        for (x, role) in ctx.index.ministries_of_measure(r) {
            if let Some(i) = ministries
                .iter()
                .position(|m| matches!(x, ItemRef::Ministry(c) if *c == m.code))
            {
                match role {
                    Role::Lead => out[i].lead += 1,
                    Role::CoLead => out[i].co_lead += 1,
                    Role::Support => out[i].support += 1,
                }
            }
        }
    }
    out
}

/// The totals grid: one column per ministry, one row per role and a total row.
fn totals_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    measures: &[(&Measure, ItemRef)],
    actions: &mut Vec<Action>,
) {
    let ministries = &ctx.roadmap.items.ministries;
    let loads = loads(ctx, measures);
    let title = if ctx.visible.is_active() {
        ctx.t(
            "府省庁ごとの計（フィルタ後の施策）",
            "Totals per ministry (measures passing the filter)",
        )
    } else {
        ctx.t("府省庁ごとの計", "Totals per ministry")
    };
    ui.label(RichText::new(title).strong());
    egui::Grid::new("accountability-totals")
        .striped(true)
        .min_col_width(36.0)
        .show(ui, |ui| {
            ui.label("");
            for m in ministries {
                let r = ItemRef::Ministry(m.code.clone());
                item_link(ui, ctx, &r, m.code.as_str(), actions);
            }
            ui.end_row();
            let lines = [
                Some(Role::Lead),
                Some(Role::CoLead),
                Some(Role::Support),
                None,
            ];
            for line in lines {
                match line {
                    Some(role) => {
                        ui.label(format!("{} {}", role_mark(role), role_label(ctx, role)))
                    }
                    None => ui.label(ctx.t("計", "Total")),
                };
                for load in &loads {
                    let n = match line {
                        Some(Role::Lead) => load.lead,
                        Some(Role::CoLead) => load.co_lead,
                        Some(Role::Support) => load.support,
                        None => load.total(),
                    };
                    ui.label(n.to_string());
                }
                ui.end_row();
            }
        });
}
