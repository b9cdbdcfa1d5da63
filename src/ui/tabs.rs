//! Which view each tab shows.

use crate::action::{Action, Tab};

use super::ViewCtx;

/// Shows the view of `tab`.
pub fn tab_ui(ui: &mut egui::Ui, tab: Tab, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
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
