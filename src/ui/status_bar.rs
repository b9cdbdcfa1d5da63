//! The status bar: file, unsaved state, item counts, the last notice, diagnostics count.

use crate::diagnostic::{Diagnostic, tally};
use crate::document::Document;

use super::ViewCtx;

/// What the status bar shows besides the view context.
pub struct Status<'a> {
    /// The open document.
    pub doc: &'a Document,
    /// Current diagnostics.
    pub problems: &'a [Diagnostic],
    /// Whether there are unsaved changes.
    pub dirty: bool,
    /// Whether the diagnostics are being brought up to date after a change (a large roadmap is
    /// checked on a worker): the counts shown are those of an earlier state.
    pub checking: bool,
    /// Whether a save is being written on a worker.
    pub saving: bool,
    /// The last notice (a refusal, a save result).
    pub notice: Option<&'a str>,
}

/// Shows the status bar; returns true when the diagnostics count was clicked.
pub fn status_bar_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, status: &Status<'_>) -> bool {
    let mut clicked = false;
    ui.horizontal(|ui| {
        ui.label(status.doc.entry_path().display().to_string());
        if status.dirty {
            ui.label(
                egui::RichText::new(ctx.t("● 未保存", "● unsaved"))
                    .color(ui.visuals().warn_fg_color),
            );
        }
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
        let (errors, warnings) = tally(status.problems);
        let text = format!(
            "{} {errors} · {} {warnings}",
            ctx.t("エラー", "errors"),
            ctx.t("警告", "warnings")
        );
        clicked = ui.button(text).clicked();
        if status.saving {
            ui.spinner();
            ui.label(ctx.t("保存中…", "Saving…"));
        } else if status.checking {
            ui.spinner();
            ui.label(ctx.t("確認中…", "Checking…"));
        }
        if let Some(notice) = status.notice {
            ui.separator();
            ui.label(notice);
        }
    });
    clicked
}
