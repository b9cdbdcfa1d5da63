//! Keyboard and mouse shortcuts, and the side panels' widths for the window's size.

use crate::action::Action;
use crate::ui;

/// Keyboard shortcuts, as actions; those about files go to `file_actions`. Esc leaves focus mode
/// while `focusing`, else clears the selection.
pub(super) fn shortcuts(
    ctx: &egui::Context,
    focusing: bool,
    actions: &mut Vec<Action>,
    file_actions: &mut Vec<Action>,
) {
    use egui::{Key, Modifiers};
    let press = |mods: Modifiers, key: Key| ctx.input_mut(|i| i.consume_key(mods, key));
    // Before Ctrl+F, which would take Ctrl+Shift+F too.
    if press(Modifiers::COMMAND | Modifiers::SHIFT, Key::F) {
        actions.push(Action::ToggleFocus);
    }
    if press(Modifiers::COMMAND, Key::F) {
        ctx.memory_mut(|m| m.request_focus(ui::filter_bar::search_id()));
    }
    if press(Modifiers::COMMAND, Key::O) {
        file_actions.push(Action::OpenDialog);
    }
    if press(Modifiers::COMMAND | Modifiers::SHIFT, Key::S) {
        file_actions.push(Action::SaveAs);
    }
    if press(Modifiers::COMMAND, Key::S) {
        file_actions.push(Action::Save);
    }
    if press(Modifiers::COMMAND, Key::B) {
        actions.push(Action::ToggleNavigator);
    }
    if press(Modifiers::COMMAND, Key::I) {
        actions.push(Action::ToggleInspector);
    }
    // The mouse's back and forward buttons, as in a browser.
    let (back, forward) = ctx.input(|i| {
        (
            i.pointer.button_pressed(egui::PointerButton::Extra1),
            i.pointer.button_pressed(egui::PointerButton::Extra2),
        )
    });
    if back {
        actions.push(Action::Back);
    }
    if forward {
        actions.push(Action::Forward);
    }
    // Undo and redo only when no text field has focus: there they edit the text.
    let typing = ctx.memory(|m| m.focused().is_some());
    if !typing {
        if press(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z) || press(Modifiers::COMMAND, Key::Y)
        {
            actions.push(Action::Redo);
        }
        if press(Modifiers::COMMAND, Key::Z) {
            actions.push(Action::Undo);
        }
        if press(Modifiers::NONE, Key::Escape) {
            actions.push(if focusing {
                Action::ToggleFocus
            } else {
                Action::Select(None)
            });
        }
        if press(Modifiers::ALT, Key::ArrowLeft) {
            actions.push(Action::Back);
        }
        if press(Modifiers::ALT, Key::ArrowRight) {
            actions.push(Action::Forward);
        }
    }
}

/// The side panels' widths for a window: each keeps to a share of it, so that the view in the
/// middle keeps at least half of a 1024 px window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct PanelWidths {
    pub(super) navigator_default: f32,
    navigator_max: f32,
    pub(super) inspector_default: f32,
    inspector_max: f32,
}

impl PanelWidths {
    const NAVIGATOR_MIN: f32 = 150.0;
    const INSPECTOR_MIN: f32 = 200.0;

    pub(super) fn for_window(width: f32) -> Self {
        Self {
            navigator_default: (width * 0.18).clamp(Self::NAVIGATOR_MIN, 260.0),
            navigator_max: (width * 0.26).max(Self::NAVIGATOR_MIN),
            inspector_default: (width * 0.22).clamp(Self::INSPECTOR_MIN, 340.0),
            inspector_max: (width * 0.32).max(Self::INSPECTOR_MIN),
        }
    }

    pub(super) fn navigator_range(self) -> std::ops::RangeInclusive<f32> {
        Self::NAVIGATOR_MIN..=self.navigator_max
    }

    pub(super) fn inspector_range(self) -> std::ops::RangeInclusive<f32> {
        Self::INSPECTOR_MIN..=self.inspector_max
    }
}
