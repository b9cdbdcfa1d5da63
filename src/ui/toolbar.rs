//! The row above the view: back and forward through selections, focus mode, and the view tabs on
//! one line (scrolling sideways when the window is too narrow for them, never wrapping).

use crate::action::{Action, Tab};
use crate::i18n::Lang;

/// What the toolbar shows.
pub struct Toolbar {
    /// Interface language.
    pub lang: Lang,
    /// The tab shown.
    pub tab: Tab,
    /// Whether there is a selection to go back to.
    pub can_go_back: bool,
    /// Whether there is a selection to go forward to.
    pub can_go_forward: bool,
    /// Whether focus mode is on.
    pub focusing: bool,
    /// Whether something is selected, to focus on.
    pub can_focus: bool,
    /// Whether a roadmap is being loaded.
    pub loading: bool,
    /// Whether the tab just changed, so that the row scrolls to show it.
    pub reveal: bool,
}

/// The label of Back or Forward, with its shortcut, as menus, tooltips and screen readers give it.
pub fn trail_label(forward: bool, lang: Lang) -> &'static str {
    if forward {
        lang.pick("進む（Alt+→）", "Forward (Alt+→)")
    } else {
        lang.pick("戻る（Alt+←）", "Back (Alt+←)")
    }
}

/// Shows the toolbar.
pub fn toolbar_ui(ui: &mut egui::Ui, bar: &Toolbar, actions: &mut Vec<Action>) {
    let lang = bar.lang;
    ui.horizontal(|ui| {
        for (forward, glyph, enabled) in [
            (false, "←", bar.can_go_back),
            (true, "→", bar.can_go_forward),
        ] {
            let label = trail_label(forward, lang);
            let response = ui
                .add_enabled(enabled, egui::Button::new(glyph))
                .on_hover_text(label)
                .on_disabled_hover_text(label);
            // Screen readers and tests find the arrow by what it does.
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
            if response.clicked() {
                actions.push(if forward {
                    Action::Forward
                } else {
                    Action::Back
                });
            }
        }
        let label = crate::ui::menu::command_label(&Action::ToggleFocus, lang);
        let response = ui
            .add_enabled(bar.can_focus, egui::Button::selectable(bar.focusing, "◎"))
            .on_hover_text(label)
            .on_disabled_hover_text(lang.pick(
                "項目を選択すると、その近傍だけを表示できます（Ctrl+Shift+F）",
                "Select an item to show its neighbourhood only (Ctrl+Shift+F)",
            ));
        // Screen readers and tests find the glyph by what it does, as the arrows.
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, bar.can_focus, bar.focusing, label)
        });
        if response.clicked() {
            actions.push(Action::ToggleFocus);
        }
        if bar.loading {
            ui.spinner();
            ui.label(lang.pick("読み込み中…", "Loading…"));
        }
        ui.separator();
        // A solid scroll bar below the tabs when they do not fit, never one floating over them.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt("view-tabs")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                    for tab in Tab::ALL {
                        let response = ui.selectable_label(bar.tab == tab, tab.label(lang));
                        if bar.tab == tab && bar.reveal {
                            response.scroll_to_me(None);
                        }
                        if response.clicked() {
                            actions.push(Action::SetTab(tab));
                        }
                    }
                });
            });
    });
}
