//! The status bar: file, item counts, diagnostics count.

use crate::diagnostic::tally;
use crate::document::Document;

use super::ViewCtx;

/// Shows the status bar; returns true when the diagnostics count was clicked.
pub fn status_bar_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    doc: &Document,
    problems: &[crate::diagnostic::Diagnostic],
) -> bool {
    let mut clicked = false;
    ui.horizontal(|ui| {
        ui.label(doc.entry_path().display().to_string());
        ui.separator();
        let it = &ctx.roadmap.items;
        ui.label(format!(
            "{} {} · {} {} · {} {} · {} {}",
            ctx.t("論点", "gaps"),
            it.gaps.len(),
            ctx.t("施策", "measures"),
            it.measures.len(),
            ctx.t("提言", "proposals"),
            it.proposals.len(),
            ctx.t("リンク", "links"),
            it.links.len()
        ));
        if let Some(n) = ctx.visible.len() {
            ui.separator();
            ui.label(format!("{} {n}", ctx.t("表示中", "shown")));
        }
        ui.separator();
        let (errors, warnings) = tally(problems);
        let text = format!(
            "{} {errors} · {} {warnings}",
            ctx.t("エラー", "errors"),
            ctx.t("警告", "warnings")
        );
        clicked = ui.button(text).clicked();
    });
    clicked
}
