//! The menu bar: file, view and language.

use crate::action::{Action, Tab};
use crate::app::Prefs;
use crate::i18n::Lang;

/// Shows the menu bar.
pub fn menu_ui(ui: &mut egui::Ui, lang: Lang, prefs: &Prefs, tab: Tab, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(lang.pick("ファイル", "File"), |ui| {
            if ui
                .button(lang.pick("開く…（Ctrl+O）", "Open… (Ctrl+O)"))
                .clicked()
            {
                actions.push(Action::OpenDialog);
            }
            if ui
                .button(lang.pick("同梱のロードマップを開く", "Open bundled roadmap"))
                .clicked()
            {
                actions.push(Action::OpenBundled);
            }
            ui.menu_button(lang.pick("最近のファイル", "Recent files"), |ui| {
                if prefs.recent.is_empty() {
                    ui.label(lang.pick("（なし）", "(none)"));
                }
                for path in &prefs.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::Open(path.clone()));
                    }
                }
            });
            ui.separator();
            if ui.button(lang.pick("終了", "Quit")).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(lang.pick("表示", "View"), |ui| {
            if ui
                .selectable_label(
                    !prefs.hide_navigator,
                    lang.pick("ナビゲーター", "Navigator"),
                )
                .clicked()
            {
                actions.push(Action::ToggleNavigator);
            }
            if ui
                .selectable_label(!prefs.hide_inspector, lang.pick("詳細パネル", "Inspector"))
                .clicked()
            {
                actions.push(Action::ToggleInspector);
            }
            ui.separator();
            for t in Tab::ALL {
                if ui.selectable_label(t == tab, t.label(lang)).clicked() {
                    actions.push(Action::SetTab(t));
                }
            }
        });
        ui.menu_button(lang.pick("言語", "Language"), |ui| {
            if ui.selectable_label(lang == Lang::Ja, "日本語").clicked() {
                actions.push(Action::SetLang(Lang::Ja));
            }
            if ui.selectable_label(lang == Lang::En, "English").clicked() {
                actions.push(Action::SetLang(Lang::En));
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let other = match lang {
                Lang::Ja => Lang::En,
                Lang::En => Lang::Ja,
            };
            if ui
                .button(lang.pick("English", "日本語"))
                .on_hover_text(lang.pick("表示言語を切り替える", "Switch the interface language"))
                .clicked()
            {
                actions.push(Action::SetLang(other));
            }
        });
    });
}
