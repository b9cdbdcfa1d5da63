//! Which view each tab shows.

use crate::action::{Action, Tab};

use super::ViewCtx;

/// Shows the view of `tab`.
pub fn tab_ui(ui: &mut egui::Ui, tab: Tab, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let _ = (tab, actions);
    super::overview::overview_ui(ui, ctx.roadmap);
}
