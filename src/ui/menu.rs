//! The menu bar: file, edit, view and language. Each command's label and shortcut come from one
//! place ([`command_label`]), so menus and the shortcut list never drift apart.

use crate::action::{Action, ExportInput, NewItem, Tab};
use crate::app::Prefs;
use crate::i18n::Lang;

/// What the menu needs to know.
pub struct MenuState<'a> {
    /// Interface language.
    pub lang: Lang,
    /// Preferences (recent files, panels).
    pub prefs: &'a Prefs,
    /// The tab shown.
    pub tab: Tab,
    /// Whether focus mode is on, and whether something is selected to focus on.
    pub focus: (bool, bool),
    /// Whether there is something to undo.
    pub can_undo: bool,
    /// Whether there is something to redo.
    pub can_redo: bool,
    /// Whether the app is read-only.
    pub read_only: bool,
    /// Whether read-only was asked for at start, so that it cannot be switched off.
    pub read_only_locked: bool,
    /// Whether a roadmap is open.
    pub has_document: bool,
    /// Whether the roadmap open is one bundled in the binary (it has no git history).
    pub is_bundled: bool,
}

/// A command's label with its shortcut.
pub fn command_label(action: &Action, lang: Lang) -> &'static str {
    match action {
        Action::OpenDialog => lang.pick("開く…（Ctrl+O）", "Open… (Ctrl+O)"),
        Action::Save => lang.pick("保存（Ctrl+S）", "Save (Ctrl+S)"),
        Action::SaveAs => lang.pick(
            "名前を付けて保存…（Ctrl+Shift+S）",
            "Save As… (Ctrl+Shift+S)",
        ),
        Action::Undo => lang.pick("元に戻す（Ctrl+Z）", "Undo (Ctrl+Z)"),
        Action::Redo => lang.pick(
            "やり直す（Ctrl+Shift+Z / Ctrl+Y）",
            "Redo (Ctrl+Shift+Z / Ctrl+Y)",
        ),
        Action::Export(ExportInput::Open) => lang.pick("書き出し…", "Export…"),
        Action::ToggleReadOnly => lang.pick("読み取り専用", "Read-only"),
        Action::ToggleNavigator => lang.pick("ナビゲーター（Ctrl+B）", "Navigator (Ctrl+B)"),
        Action::ToggleInspector => lang.pick("詳細パネル（Ctrl+I）", "Inspector (Ctrl+I)"),
        Action::ToggleFocus => lang.pick(
            "選択項目にフォーカス（Ctrl+Shift+F）",
            "Focus on the selection (Ctrl+Shift+F)",
        ),
        Action::Back => crate::ui::toolbar::trail_label(false, lang),
        Action::Forward => crate::ui::toolbar::trail_label(true, lang),
        _ => "",
    }
}

fn command(
    ui: &mut egui::Ui,
    lang: Lang,
    action: Action,
    enabled: bool,
    actions: &mut Vec<Action>,
) {
    if ui
        .add_enabled(enabled, egui::Button::new(command_label(&action, lang)))
        .clicked()
    {
        actions.push(action);
        ui.close();
    }
}

/// File ▸ Compare with: the saved version, another file, a git revision.
fn compare_menu_ui(ui: &mut egui::Ui, state: &MenuState<'_>, actions: &mut Vec<Action>) {
    let lang = state.lang;
    let items = [
        (
            lang.pick("保存された版", "Saved version"),
            Action::CompareVersion(crate::versions::other::OtherVersion::Saved),
            true,
        ),
        (
            lang.pick("ほかのファイル…", "Another file…"),
            Action::ChooseVersionFile,
            true,
        ),
        (
            lang.pick("git の版…", "Git revision…"),
            Action::ListRevisions(true),
            !state.is_bundled,
        ),
    ];
    for (label, action, enabled) in items {
        let response = ui.add_enabled(enabled, egui::Button::new(label));
        if response.clicked() {
            actions.push(action);
            ui.close();
        }
        response.on_disabled_hover_text(lang.pick(
            "同梱のロードマップには git の履歴がありません",
            "A bundled roadmap has no git history",
        ));
    }
}

/// Shows the menu bar.
pub fn menu_ui(ui: &mut egui::Ui, state: &MenuState<'_>, actions: &mut Vec<Action>) {
    let lang = state.lang;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(lang.pick("ファイル", "File"), |ui| {
            command(ui, lang, Action::OpenDialog, true, actions);
            ui.menu_button(
                lang.pick("同梱のロードマップを開く", "Open bundled roadmap"),
                |ui| {
                    for r in crate::bundled::ROADMAPS {
                        if ui.button(lang.pick(r.title_ja, r.title_en)).clicked() {
                            actions.push(Action::OpenBundled(r.entry));
                            ui.close();
                        }
                    }
                },
            );
            ui.menu_button(lang.pick("最近のファイル", "Recent files"), |ui| {
                if state.prefs.recent.is_empty() {
                    ui.label(lang.pick("（なし）", "(none)"));
                }
                for path in &state.prefs.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::Open(path.clone()));
                    }
                }
            });
            ui.separator();
            let can_save = state.has_document && !state.read_only;
            command(ui, lang, Action::Save, can_save, actions);
            command(ui, lang, Action::SaveAs, state.has_document, actions);
            command(
                ui,
                lang,
                Action::Export(ExportInput::Open),
                state.has_document,
                actions,
            );
            ui.separator();
            ui.add_enabled_ui(state.has_document, |ui| {
                ui.menu_button(lang.pick("ほかの版と比較", "Compare with"), |ui| {
                    compare_menu_ui(ui, state, actions);
                });
            });
            ui.separator();
            if ui.button(lang.pick("終了", "Quit")).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(lang.pick("編集", "Edit"), |ui| {
            command(ui, lang, Action::Undo, state.can_undo, actions);
            command(ui, lang, Action::Redo, state.can_redo, actions);
            ui.separator();
            let can_create = state.has_document && !state.read_only;
            ui.add_enabled_ui(can_create, |ui| {
                ui.menu_button(lang.pick("新規作成", "New"), |ui| {
                    for kind in NewItem::ALL {
                        if ui.button(kind.label(lang)).clicked() {
                            actions.push(Action::Create(kind));
                            ui.close();
                        }
                    }
                    ui.menu_button(lang.pick("＋ 府省庁…", "+ Ministry…"), |ui| {
                        new_ministry_ui(ui, lang, actions);
                    });
                });
            });
            ui.separator();
            let mut ro = state.read_only;
            let toggle = ui
                .add_enabled(
                    !state.read_only_locked,
                    egui::Checkbox::new(&mut ro, command_label(&Action::ToggleReadOnly, lang)),
                )
                .on_disabled_hover_text(lang.pick(
                    "読み取り専用で起動されたため、終了するまで変更できません",
                    "Started read-only: this stays on until Waymark is closed",
                ));
            if toggle.changed() {
                actions.push(Action::ToggleReadOnly);
            }
        });
        ui.menu_button(lang.pick("表示", "View"), |ui| {
            let panels = [
                (Action::ToggleNavigator, !state.prefs.hide_navigator),
                (Action::ToggleInspector, !state.prefs.hide_inspector),
            ];
            for (action, shown) in panels {
                if ui
                    .selectable_label(shown, command_label(&action, lang))
                    .clicked()
                {
                    actions.push(action);
                }
            }
            let (focusing, can_focus) = state.focus;
            let focus =
                egui::Button::selectable(focusing, command_label(&Action::ToggleFocus, lang));
            if ui.add_enabled(can_focus, focus).clicked() {
                actions.push(Action::ToggleFocus);
            }
            ui.separator();
            for t in Tab::ALL {
                if ui.selectable_label(t == state.tab, t.label(lang)).clicked() {
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
            if state.read_only {
                ui.label(
                    egui::RichText::new(lang.pick("読み取り専用", "Read-only"))
                        .color(ui.visuals().warn_fg_color),
                );
            }
        });
    });
}

/// A small form for a new ministry: its code (its ID, which cannot change later) and names, all
/// required.
fn new_ministry_ui(ui: &mut egui::Ui, lang: Lang, actions: &mut Vec<Action>) {
    let id = egui::Id::unique("waymark-new-ministry");
    let mut fields: [String; 3] = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let labels = [
        (
            lang.pick(
                "新しい府省庁の略称（例：外、総）",
                "New ministry's code (e.g. 外, 総)",
            ),
            120.0,
        ),
        (
            lang.pick("新しい府省庁の正式名称", "New ministry's full name"),
            240.0,
        ),
        (
            lang.pick("新しい府省庁の英語名", "New ministry's English name"),
            240.0,
        ),
    ];
    for (field, (text, width)) in fields.iter_mut().zip(labels) {
        let label = ui.label(text);
        ui.add(egui::TextEdit::singleline(field).desired_width(width))
            .labelled_by(label.id);
    }
    let ready = fields.iter().all(|f| !f.trim().is_empty());
    if ui
        .add_enabled(ready, egui::Button::new(lang.pick("追加", "Add")))
        .clicked()
    {
        let [code, name, name_en] = fields.map(|f| f.trim().to_owned());
        actions.push(Action::CreateMinistry {
            code,
            name,
            name_en,
        });
        ui.data_mut(|d| d.remove::<[String; 3]>(id));
        ui.close();
    } else {
        ui.data_mut(|d| d.insert_temp(id, fields));
    }
}
