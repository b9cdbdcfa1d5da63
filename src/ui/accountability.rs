//! Accountability: every measure against every ministry, with the ministry's role (● lead,
//! ◎ co-lead, ○ support), and each ministry's totals over the measures that pass the filter.
//!
//! Measures are grouped by kind (対応案, proposal actions, programmes, laws) or listed in document
//! order; the choice is kept in egui memory. The rows, the totals and the rows' heights are kept
//! there too, for the derived data's generation (and the order and column widths), so a frame
//! only draws.

use std::sync::Arc;

use egui::{Align, Id, Layout, RichText};
use egui_extras::{Column, TableBuilder};

use super::matrix::{
    link, link_height, ministry_header, ministry_widths, role_cell, role_label, role_mark,
    text_height, wrap,
};
use super::{ViewCtx, rows};
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

/// One row of the table.
enum Row {
    /// A group's heading and how many measures it holds.
    Group(&'static str, usize),
    /// A measure: its index among the roadmap's measures, and the item it is.
    Measure(usize, ItemRef),
}

/// What the view shows of the measures that pass the filter: the table's rows and each
/// ministry's totals.
struct Shown {
    rows: Vec<Row>,
    loads: Vec<Load>,
}

impl Shown {
    /// The rows (grouped by kind or in document order) and totals for the measures that pass
    /// the filter.
    fn new(ctx: &ViewCtx<'_>, grouped: bool) -> Self {
        let visible: Vec<(usize, &Measure, ItemRef)> = ctx
            .roadmap
            .items
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| (i, m, ItemRef::Measure(m.id.clone())))
            .filter(|(_, _, r)| ctx.visible.contains(r))
            .collect();
        let loads = loads(ctx, visible.iter().map(|(_, _, r)| r));
        let mut rows = Vec::new();
        if grouped {
            for kind in &KINDS {
                let of_kind: Vec<_> = visible.iter().filter(|(_, m, _)| &m.kind == kind).collect();
                if of_kind.is_empty() {
                    continue;
                }
                rows.push(Row::Group(kind_label(ctx, kind), of_kind.len()));
                rows.extend(
                    of_kind
                        .into_iter()
                        .map(|(i, _, r)| Row::Measure(*i, r.clone())),
                );
            }
        } else {
            rows.extend(visible.into_iter().map(|(i, _, r)| Row::Measure(i, r)));
        }
        Self { rows, loads }
    }
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

    let key = rows::hash((ctx.generation, grouped));
    let shown: Arc<Shown> = rows::cached(
        ui.ctx(),
        Id::unique("waymark-accountability-rows"),
        key,
        || Shown::new(ctx, grouped),
    );

    totals_ui(ui, ctx, &shown.loads, actions);
    ui.separator();

    if shown.rows.is_empty() {
        ui.label(ctx.t(
            "フィルタに該当する施策はありません。",
            "No measure passes the filter.",
        ));
        return;
    }

    table_ui(ui, ctx, key, &shown.rows, actions);
}

/// The measures × ministries table of `rows`, whose heights are kept under `key` (for what the
/// rows are) and the column widths.
fn table_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    key: u64,
    rows: &[Row],
    actions: &mut Vec<Action>,
) {
    let ministries = &ctx.roadmap.items.ministries;
    let ministry_widths = ministry_widths(ui, ctx);
    // Sideways scrolling when the view is narrower than the columns need, so that the ministry
    // columns can always be reached.
    egui::ScrollArea::horizontal()
        .id_salt("accountability-across")
        .show(ui, |ui| {
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
            for width in ministry_widths.iter() {
                table = table.column(Column::exact(*width));
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
                        header.col(|ui| ministry_header(ui, ctx, m, actions));
                    }
                })
                .body(|mut body| {
                    let widths = body.widths().to_vec();
                    let w0 = widths.first().copied().unwrap_or(200.0);
                    let w1 = widths.get(1).copied().unwrap_or(100.0);
                    let w2 = widths.get(2).copied().unwrap_or(100.0);
                    let ui = body.ui_mut();
                    let heights = rows::table_heights(
                        ui,
                        Id::unique("waymark-accountability-heights"),
                        key,
                        &widths,
                        rows.len(),
                        |i| match rows.get(i) {
                            Some(Row::Group(..)) => text_height(ui, "X", w0) + 6.0,
                            Some(Row::Measure(index, r)) => {
                                let m = measure(ctx, *index);
                                let span = m
                                    .and_then(|m| m.span.as_ref())
                                    .map(ToString::to_string)
                                    .unwrap_or_default();
                                let written = m.and_then(|m| m.ministries_as_written.as_deref());
                                link_height(ui, &measure_label(ctx, r), w0)
                                    .max(text_height(ui, written.unwrap_or(""), w1))
                                    .max(text_height(ui, &span, w2))
                            }
                            None => 0.0,
                        },
                    );
                    body.heterogeneous_rows(heights.iter().copied(), |mut row| {
                        match rows.get(row.index()) {
                            Some(Row::Group(label, n)) => {
                                row.set_overline(true);
                                row.col(|ui| {
                                    ui.strong(format!("{label} ({n})"));
                                });
                                for _ in 0..2 + ministries.len() {
                                    row.col(|_| {});
                                }
                            }
                            Some(Row::Measure(i, r)) => {
                                let Some(m) = measure(ctx, *i) else {
                                    return;
                                };
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
                                        let stated =
                                            span.provenance == crate::model::Provenance::Stated;
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
                        }
                    });
                });
        });
}

/// The measure at `index` among the roadmap's measures.
fn measure<'a>(ctx: &ViewCtx<'a>, index: usize) -> Option<&'a Measure> {
    ctx.roadmap.items.measures.get(index)
}

/// A measure's label: its tag-less text (title for programmes), whole.
fn measure_label(ctx: &ViewCtx<'_>, r: &ItemRef) -> String {
    labels::text(ctx.roadmap, r, ctx.lang)
}

/// Each ministry's load over `measures`.
fn loads<'a>(ctx: &ViewCtx<'_>, measures: impl Iterator<Item = &'a ItemRef>) -> Vec<Load> {
    let ministries = &ctx.roadmap.items.ministries;
    let mut out = vec![Load::default(); ministries.len()];
    for r in measures {
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

/// The totals grid of `loads` (one per ministry): one column per ministry, one row per role and a total row.
fn totals_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, loads: &[Load], actions: &mut Vec<Action>) {
    let ministries = &ctx.roadmap.items.ministries;
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
                ministry_header(ui, ctx, m, actions);
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
                for load in loads {
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
