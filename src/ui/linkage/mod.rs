//! The linkage view: three columns — gaps (小論点) | measures (対応案) | ministries (府省庁) — with
//! curves for "addressed by" and "responsible" links. It answers "which gap is answered by which
//! measure, and who is responsible", and shows what is still unaddressed.
//!
//! Selecting a box lights up its chain through the columns and dims the rest; editorial and assumed
//! links are dashed in a different colour. Only items passing the filter are shown.
//!
//! - [`style`]: the colours, curves and legend samples this view shares with the timeline;
//! - `columns`: the boxes of the three columns: their heights and places, computed once per layout
//!   and kept until the document, filter, language or width changes, and their text;
//! - `body`: drawing what is in view of the columns, their curves and boxes, with hit testing and
//!   hover text;
//! - `drag`: linking by dragging from box to box, unlinking from a box's menu (when editable).

mod body;
mod columns;
pub(crate) mod drag;
pub(crate) mod style;

use std::collections::HashSet;

use super::ViewCtx;
use crate::action::Action;
use crate::analysis::labels;
use crate::model::{ItemRef, MeasureKind, Provenance};

pub(crate) use style::{kind_color, legend_line, link_color, paint_curve, paint_line_sample};

/// How an item is drawn, given the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// The selected item.
    Selected,
    /// In the selection's chain.
    Linked,
    /// Nothing is selected.
    Normal,
    /// Something is selected and the item is outside its chain.
    Dimmed,
    /// The item does not pass the filter; it is shown for a match linked to it.
    Context,
}

/// The items the linkage view lights up for the current selection: for a gap, measure or ministry
/// its chain through the three columns ([`crate::analysis::linkage::chain`]); for anything else
/// the selection's neighbourhood (`ctx.focus`). `None` when nothing is selected. Computed once per
/// selection ([`crate::analysis::derived::Derived::chain`]).
pub fn highlighted<'a>(ctx: &ViewCtx<'a>) -> Option<&'a HashSet<ItemRef>> {
    ctx.chain
}

/// How `item` is drawn, given the set from [`highlighted`].
pub fn emphasis(
    ctx: &ViewCtx<'_>,
    highlight: Option<&HashSet<ItemRef>>,
    item: &ItemRef,
) -> Emphasis {
    if ctx.is_selected(item) {
        Emphasis::Selected
    } else if !ctx.visible.contains(item) {
        Emphasis::Context
    } else {
        match highlight {
            None => Emphasis::Normal,
            Some(h) if h.contains(item) => Emphasis::Linked,
            Some(_) => Emphasis::Dimmed,
        }
    }
}

/// What a screen reader hears about an item's emphasis (its accessible description); `None` when
/// nothing is selected.
pub fn emphasis_description(ctx: &ViewCtx<'_>, emphasis: Emphasis) -> Option<&'static str> {
    match emphasis {
        Emphasis::Selected => Some(ctx.t("選択中", "selected")),
        Emphasis::Linked => Some(ctx.t("選択項目とつながる", "linked to the selection")),
        Emphasis::Dimmed => Some(ctx.t("選択項目とつながらない", "not linked to the selection")),
        Emphasis::Context => Some(ctx.t(
            "フィルタに一致する項目とつながる",
            "linked to an item that passes the filter",
        )),
        Emphasis::Normal => None,
    }
}

/// The accessible name of an item's box (and of its bar on the timeline): its tag and the start of
/// its text, as [`labels::short`] gives them.
pub fn item_label(ctx: &ViewCtx<'_>, item: &ItemRef) -> String {
    labels::short(ctx.roadmap, item, ctx.lang, 60)
}

/// Shows the linkage view.
pub fn linkage_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t(
        "つながり：論点 → 対応案 → 府省庁",
        "Linkage: gaps → measures → ministries",
    ));
    legend_ui(ui, ctx);
    let columns = ctx.linkage;
    if columns.gaps.is_empty() && columns.measures.is_empty() && columns.ministries.is_empty() {
        ui.label(ctx.t(
            "フィルタに合う論点・対応案・府省庁がありません。",
            "No gaps, measures or ministries pass the filter.",
        ));
        return;
    }
    let highlight = highlighted(ctx);
    egui::ScrollArea::vertical()
        .id_salt("waymark-linkage")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            body::body_ui(ui, ctx, viewport, highlight, actions);
        });
}

fn legend_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        legend_line(ui, link_color(Provenance::Stated, dark), 1.5, false);
        ui.label(ctx.t("出典に記載されたつながり", "link stated by a source"));
        ui.add_space(12.0);
        legend_line(ui, link_color(Provenance::Editorial, dark), 1.5, true);
        ui.label(ctx.t(
            "編集判断・仮定のつながり",
            "link judged or assumed by an editor",
        ));
        ui.add_space(12.0);
        legend_line(ui, ui.visuals().selection.stroke.color, 3.0, false);
        ui.label(ctx.t("選択項目のつながり", "links of the selection"));
        ui.add_space(12.0);
        ui.label(
            egui::RichText::new(ctx.t("未対応", "unaddressed")).color(ui.visuals().error_fg_color),
        );
        ui.label(ctx.t(
            "＝対応案のない論点・担当のない対応案",
            "= gap without measure / measure without ministry",
        ));
    });
}

/// The tag shown above an item's text: [`labels::tag`], except for measures, which have none and
/// show their kind and their ministries as the document writes them: `対応案（文、厚）`.
pub(crate) fn item_tag(ctx: &ViewCtx<'_>, item: &ItemRef) -> String {
    let ItemRef::Measure(id) = item else {
        return labels::tag(ctx.roadmap, item, ctx.lang);
    };
    let m = ctx.roadmap.measure(id);
    let kind = match m.map(|m| &m.kind) {
        Some(MeasureKind::Response) => ctx.t("対応案", "Response"),
        Some(MeasureKind::ProposalAction) => ctx.t("提言アクション", "Proposal action"),
        Some(MeasureKind::Programme) => ctx.t("事業", "Programme"),
        Some(MeasureKind::Framework) => ctx.t("制度", "Framework"),
        None => "",
    };
    let written = m
        .and_then(|m| m.ministries_as_written.as_deref())
        .unwrap_or("");
    format!("{kind}{written}")
}
