//! Presentations in the explorer: the bar that picks a presentation, adds the current view as a
//! step and starts presenting; the window listing its steps (rename, speaker notes, reorder,
//! delete); and, while presenting, the strip above the view with the step's title and counter.

use crate::action::Action;
use crate::edit::presentation::{edit_steps, move_step, remove_step};
use crate::edit::{Edit, EditError};
use crate::model::{Presentation, PresentationId};

use super::ViewCtx;
use super::editor::fields::{choice, text_field};

/// Pushes the edit `make` builds, or says why it was refused.
fn push(actions: &mut Vec<Action>, made: Result<Edit, EditError>) {
    actions.push(match made {
        Ok(edit) => Action::Edit(Box::new(edit)),
        Err(e) => Action::Refused(e),
    });
}

/// The key, in egui memory, of whether the steps window is open.
fn steps_open_id() -> egui::Id {
    egui::Id::unique("waymark-presentation-steps-open")
}

/// The presentation bar: which presentation, add the view as a step, edit its steps, present
/// (F5), and the high-contrast theme.
pub fn presentation_bar_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    picked: Option<&Presentation>,
    high_contrast: bool,
    actions: &mut Vec<Action>,
) {
    let plan = ctx.scenarios.plan_or(ctx.roadmap);
    ui.horizontal_wrapped(|ui| {
        let none = ctx.t("（なし）", "(none)");
        let mut options: Vec<(Option<PresentationId>, &str)> = vec![(None, none)];
        options.extend(
            plan.items
                .presentations
                .iter()
                .map(|p| (Some(p.id.clone()), p.title.as_str())),
        );
        let current = picked.map(|p| p.id.clone());
        if let Some(p) = choice(
            ui,
            ("presentation", "picked"),
            ctx.t("プレゼンテーション", "Presentation"),
            &current,
            &options,
        ) {
            actions.push(Action::SetPresentation(p));
        }
        if ctx.editable
            && ui
                .button(ctx.t("＋ 今の表示をステップに追加", "+ Add this view as a step"))
                .on_hover_text(ctx.t(
                    "表示・絞り込み・選択・シナリオ・拡大を保存する",
                    "Keeps the view, filter, selection, scenario and zoom",
                ))
                .clicked()
        {
            actions.push(Action::AddStep);
        }
        if let Some(p) = picked {
            let open = ui
                .ctx()
                .data(|d| d.get_temp::<bool>(steps_open_id()).unwrap_or(false));
            let label = format!("{}（{}）", ctx.t("ステップ", "Steps"), p.steps.len());
            if ui.selectable_label(open, label).clicked() {
                ui.ctx().data_mut(|d| d.insert_temp(steps_open_id(), !open));
            }
            if ui
                .add_enabled(
                    !p.steps.is_empty(),
                    egui::Button::new(ctx.t("▶ 発表（F5）", "▶ Present (F5)")),
                )
                .clicked()
            {
                actions.push(Action::Present(Some(p.id.clone())));
            }
        }
        if ui
            .selectable_label(high_contrast, ctx.t("高コントラスト", "High contrast"))
            .on_hover_text(ctx.t(
                "プロジェクター向けの明るい高コントラスト表示",
                "A light, high-contrast theme for projectors",
            ))
            .clicked()
        {
            actions.push(Action::ToggleHighContrast);
        }
    });
    if let Some(p) = picked
        && ui
            .ctx()
            .data(|d| d.get_temp::<bool>(steps_open_id()).unwrap_or(false))
    {
        steps_window_ui(ui.ctx(), ctx, p, actions);
    }
}

/// The window listing the steps of `p`: each with its title and notes (committed when the
/// field loses focus), ↑/↓ and delete, when editable.
fn steps_window_ui(
    egui_ctx: &egui::Context,
    ctx: &ViewCtx<'_>,
    p: &Presentation,
    actions: &mut Vec<Action>,
) {
    let plan = ctx.scenarios.plan_or(ctx.roadmap);
    let mut open = true;
    egui::Window::new(format!("{}：{}", ctx.t("ステップ", "Steps"), p.title))
        .id(egui::Id::unique("waymark-presentation-steps"))
        .open(&mut open)
        .default_width(420.0)
        .default_pos(egui_ctx.content_rect().right_top() + egui::vec2(-460.0, 140.0))
        .vscroll(true)
        .show(egui_ctx, |ui| {
            if p.steps.is_empty() {
                ui.label(ctx.t(
                    "「＋ 今の表示をステップに追加」で表示を保存します。",
                    "Use “+ Add this view as a step” to keep what is shown.",
                ));
            }
            let len = p.steps.len();
            for (i, step) in p.steps.iter().enumerate() {
                ui.push_id(i, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(egui::RichText::new(format!("{}.", i + 1)).strong());
                        ui.label(
                            egui::RichText::new(format!(
                                "{} · {}",
                                step.view.label(ctx.lang),
                                step.scenario.name(plan, ctx.lang)
                            ))
                            .weak(),
                        );
                        if !ctx.editable {
                            return;
                        }
                        let up = ui.add_enabled(i > 0, egui::Button::new("↑"));
                        if up.on_hover_text(ctx.t("前へ", "Move up")).clicked() {
                            push(actions, move_step(plan, &p.id, i, i - 1));
                        }
                        let down = ui.add_enabled(i + 1 < len, egui::Button::new("↓"));
                        if down.on_hover_text(ctx.t("後へ", "Move down")).clicked() {
                            push(actions, move_step(plan, &p.id, i, i + 1));
                        }
                        if ui
                            .button(ctx.t("削除", "Delete"))
                            .on_hover_text(ctx.t("このステップを削除", "Delete this step"))
                            .clicked()
                        {
                            push(actions, remove_step(plan, &p.id, i));
                        }
                    });
                    if ctx.editable {
                        let title_name =
                            format!("{} {}", ctx.t("ステップの題", "Step title"), i + 1);
                        if let Some(t) = text_field(
                            ui,
                            ("step-title", &title_name),
                            &title_name,
                            &step.title,
                            false,
                        ) {
                            push(actions, edit_steps(plan, &p.id, |s| s[i].title = t));
                        }
                        let notes_name =
                            format!("{} {}", ctx.t("発表者メモ", "Speaker notes"), i + 1);
                        let current = step.notes.as_deref().unwrap_or_default();
                        if let Some(n) =
                            text_field(ui, ("step-notes", &notes_name), &notes_name, current, true)
                        {
                            let n = (!n.trim().is_empty()).then_some(n);
                            push(actions, edit_steps(plan, &p.id, |s| s[i].notes = n));
                        }
                    } else {
                        ui.label(&step.title);
                    }
                    ui.separator();
                });
            }
        });
    if !open {
        egui_ctx.data_mut(|d| d.insert_temp(steps_open_id(), false));
    }
}

/// While presenting: the step's title, large, and the counter; buttons for a mouse (a clicker
/// sends ←/→ or PageUp/PageDown).
pub fn presenting_strip_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    p: &Presentation,
    step: usize,
    actions: &mut Vec<Action>,
) {
    let Some(s) = p.steps.get(step) else { return };
    let len = p.steps.len();
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&s.title).size(26.0).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(ctx.t("終了（Esc）", "End (Esc)")).clicked() {
                actions.push(Action::StopPresenting);
            }
            if ui
                .add_enabled(step + 1 < len, egui::Button::new("▶"))
                .on_hover_text(ctx.t("次へ（→）", "Next (→)"))
                .clicked()
            {
                actions.push(Action::GoToStep(step + 1));
            }
            let counter = format!("{} / {len}", step + 1);
            ui.label(egui::RichText::new(counter).size(20.0))
                .on_hover_text(ctx.t("ステップ", "Step"));
            if ui
                .add_enabled(step > 0, egui::Button::new("◀"))
                .on_hover_text(ctx.t("前へ（←）", "Previous (←)"))
                .clicked()
            {
                actions.push(Action::GoToStep(step - 1));
            }
        });
    });
}

/// The light, high-contrast theme: black on white, strong lines and selection.
pub fn high_contrast_visuals() -> egui::Visuals {
    use egui::{Color32, Stroke};
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(Color32::BLACK);
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_gray(236);
    v.window_stroke = Stroke::new(1.5, Color32::BLACK);
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(90));
    v.widgets.noninteractive.fg_stroke = Stroke::new(1.5, Color32::BLACK);
    v.widgets.inactive.fg_stroke = Stroke::new(1.5, Color32::BLACK);
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(60));
    v.selection.bg_fill = Color32::from_rgb(255, 225, 120);
    v.selection.stroke = Stroke::new(3.0, Color32::from_rgb(0, 60, 200));
    v
}
