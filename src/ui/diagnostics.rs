//! The diagnostics panel: every error and warning with file, line, column and the offending line.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;

/// Shows `diagnostics`; `failed_path` names a file that could not be opened, if any.
pub fn diagnostics_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    diagnostics: &[Diagnostic],
    failed_path: Option<&str>,
) {
    ui.heading(lang.pick("診断", "Diagnostics"));
    if let Some(path) = failed_path {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!(
                "{} {path} {}",
                lang.pick("読み込めませんでした：", "Could not open"),
                lang.pick(
                    "（前の文書を開いたままにしています）",
                    "(the previous roadmap stays open)"
                )
            ),
        );
    }
    if diagnostics.is_empty() {
        ui.label(lang.pick("問題はありません。", "No problems."));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .max_height(220.0)
        .show(ui, |ui| {
            for d in diagnostics {
                let color = match d.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                ui.colored_label(
                    color,
                    format!(
                        "{}:{}:{}: {}: {} [{}]",
                        d.file, d.line, d.col, d.severity, d.message, d.rule
                    ),
                );
                if let Some(line) = &d.snippet {
                    ui.monospace(format!("{:>5} | {line}", d.line));
                }
            }
        });
}
