//! Which view each tab shows, and how much width it needs: a view drawn to the window's width
//! (linkage, the cards) scrolls sideways rather than squeeze below its minimum.

use crate::action::{Action, Tab};
use crate::analysis::labels;
use crate::model::{ItemKind, ItemRef};

use super::ViewCtx;

/// Whether the view of `tab` draws items of `kind` (and so can show such a selection).
pub fn shows(tab: Tab, kind: ItemKind) -> bool {
    use ItemKind as K;
    match tab {
        Tab::Timeline => matches!(
            kind,
            K::Measure
                | K::Event
                | K::Ministry
                | K::Gap
                | K::Kpi
                | K::Target
                | K::Proposal
                | K::Theme
        ),
        Tab::Matrix => matches!(kind, K::Theme | K::Gap | K::Measure | K::Ministry),
        Tab::Accountability => matches!(kind, K::Measure | K::Ministry),
        Tab::Proposals => matches!(
            kind,
            K::Proposal | K::Gap | K::Measure | K::Ministry | K::Stage
        ),
        Tab::ValueChain => matches!(kind, K::Stage | K::Gap | K::Measure),
        Tab::Targets => matches!(kind, K::Target),
        Tab::Linkage => matches!(kind, K::Gap | K::Measure | K::Ministry | K::Kpi),
        Tab::Coverage => matches!(kind, K::Gap | K::Measure | K::Ministry | K::Kpi),
        Tab::Kpis => matches!(kind, K::Kpi | K::Budget | K::Measure | K::Ministry),
    }
}

/// The view an item of `kind` is best seen in: where Enter opens it.
pub fn home(kind: ItemKind) -> Option<Tab> {
    use ItemKind as K;
    Some(match kind {
        K::Theme | K::Gap | K::Measure => Tab::Matrix,
        K::Ministry => Tab::Accountability,
        K::Proposal => Tab::Proposals,
        K::Stage => Tab::ValueChain,
        K::Target => Tab::Targets,
        K::Kpi | K::Budget => Tab::Kpis,
        K::Event => Tab::Timeline,
        K::Source | K::Note => return None,
    })
}

/// Says that the view cannot show the selection, offering the view that can.
fn not_shown_ui(ui: &mut egui::Ui, item: &ItemRef, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        let name = labels::short(ctx.roadmap, item, ctx.lang, 24);
        let text = match ctx.lang {
            crate::i18n::Lang::Ja => format!("選択中の「{name}」はこのビューに表示されません。"),
            crate::i18n::Lang::En => {
                format!("The selection, “{name}”, does not appear in this view.")
            }
        };
        ui.label(egui::RichText::new(text).color(ui.visuals().weak_text_color()));
        if let Some(tab) = home(item.kind()) {
            let text = format!("{} {}", ctx.t("表示：", "Show in"), tab.label(ctx.lang));
            if ui.button(text).clicked() {
                actions.push(Action::SetTab(tab));
            }
        }
    });
    ui.separator();
}

/// The width below which a tab's view scrolls sideways instead of narrowing; `None` for views
/// that scroll their own tables or pan by themselves (the timeline).
pub fn min_width(tab: Tab) -> Option<f32> {
    match tab {
        Tab::Linkage => Some(420.0),
        Tab::Targets | Tab::Proposals | Tab::Coverage | Tab::Kpis => Some(520.0),
        Tab::Timeline | Tab::Matrix | Tab::Accountability | Tab::ValueChain => None,
    }
}

/// Shows the view of `tab`. A selection the view cannot show is said so above it, and dims
/// nothing.
pub fn tab_ui(ui: &mut egui::Ui, tab: Tab, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let unshown = ctx.selection.filter(|item| !shows(tab, item.kind()));
    let undimmed;
    let ctx = match unshown {
        Some(item) => {
            not_shown_ui(ui, item, ctx, actions);
            undimmed = ViewCtx {
                focus: None,
                chain: None,
                ..*ctx
            };
            &undimmed
        }
        None => ctx,
    };
    match min_width(tab) {
        Some(min) if ui.available_width() < min => {
            egui::ScrollArea::horizontal()
                .id_salt(("view-sideways", tab.name()))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let size = egui::vec2(min, ui.available_height());
                    ui.allocate_ui_with_layout(
                        size,
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_min_size(size);
                            view_ui(ui, tab, ctx, actions);
                        },
                    );
                });
        }
        _ => view_ui(ui, tab, ctx, actions),
    }
}

fn view_ui(ui: &mut egui::Ui, tab: Tab, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    match tab {
        Tab::Timeline => super::timeline::timeline_ui(ui, ctx, actions),
        Tab::Matrix => super::matrix::matrix_ui(ui, ctx, actions),
        Tab::Accountability => super::accountability::accountability_ui(ui, ctx, actions),
        Tab::Proposals => super::proposals::proposals_ui(ui, ctx, actions),
        Tab::ValueChain => super::value_chain::value_chain_ui(ui, ctx, actions),
        Tab::Targets => super::targets::targets_ui(ui, ctx, actions),
        Tab::Linkage => super::linkage::linkage_ui(ui, ctx, actions),
        Tab::Coverage => super::coverage::coverage_ui(ui, ctx, actions),
        Tab::Kpis => super::kpis::kpis_ui(ui, ctx, actions),
    }
}
