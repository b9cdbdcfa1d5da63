//! The strip that says focus mode is on: which item the linkage view and the timeline are
//! narrowed to and how far they reach, the reach to choose, and the way out.

use super::ViewCtx;
use crate::action::Action;
use crate::analysis::focus::Steps;
use crate::analysis::labels;
use crate::i18n::Lang;

/// How many characters of the item's label the strip shows (the whole label is on hover).
const LABEL_CHARS: usize = 24;

/// The name of a reach, as its button gives it: "1段階", "2 steps".
pub fn steps_label(steps: Steps, lang: Lang) -> String {
    match (lang, steps.get()) {
        (Lang::Ja, n) => format!("{n}段階"),
        (Lang::En, 1) => "1 step".to_owned(),
        (Lang::En, n) => format!("{n} steps"),
    }
}

/// The label of the way out of focus mode, with its shortcut.
pub fn leave_label(lang: Lang) -> &'static str {
    lang.pick("フォーカスを解除（Esc）", "Leave focus (Esc)")
}

/// What the strip says: "Focus: <item> (N steps)".
pub fn indicator_text(ctx: &ViewCtx<'_>) -> Option<String> {
    let focused = ctx.focused?;
    let name = labels::short(ctx.roadmap, &focused.item, ctx.lang, LABEL_CHARS);
    let steps = steps_label(focused.steps, ctx.lang);
    Some(match ctx.lang {
        Lang::Ja => format!("フォーカス：{name}（{steps}）"),
        Lang::En => format!("Focus: {name} ({steps})"),
    })
}

/// Shows the strip while focus mode is on; nothing otherwise.
pub fn focus_bar_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let (Some(focused), Some(text)) = (ctx.focused, indicator_text(ctx)) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let full = labels::text(ctx.roadmap, &focused.item, ctx.lang);
        let about = ctx.t(
            "つながりとタイムラインは、この項目から選んだ段階までのつながりだけを表示します。",
            "Linkage and the timeline show only what is linked to this item within the reach chosen.",
        );
        ui.label(egui::RichText::new(text).strong())
            .on_hover_text(format!("{full}\n\n{about}"));
        ui.separator();
        ui.label(ctx.t("範囲：", "Reach:"));
        for steps in Steps::ALL {
            let chosen = steps == focused.steps;
            if ui
                .selectable_label(chosen, steps_label(steps, ctx.lang))
                .clicked()
                && !chosen
            {
                actions.push(Action::SetFocusSteps(steps));
            }
        }
        ui.separator();
        if ui.button(leave_label(ctx.lang)).clicked() {
            actions.push(Action::ToggleFocus);
        }
    });
}

/// The inspector's button to enter or leave focus mode on the selection.
pub fn focus_button_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let label = if ctx.focused.is_some() {
        leave_label(ctx.lang)
    } else {
        crate::ui::menu::command_label(&Action::ToggleFocus, ctx.lang)
    };
    if ui.button(label).clicked() {
        actions.push(Action::ToggleFocus);
    }
}
