//! Presenting: the presentation picked, adding the view shown as a step, and giving a
//! presentation — full screen, chrome hidden, type scaled for a projector, the light
//! high-contrast theme, stepping with ←/→ or PageUp/PageDown (what clickers send), Esc to
//! leave and go back to what was shown before.

use super::WaymarkApp;
use super::notice::Notice;
use crate::action::{Action, Tab};
use crate::analysis::filter::Filter;
use crate::analysis::scenario::Basis;
use crate::model::{ItemRef, Presentation, PresentationId, Step};
use crate::ui::{self, ViewCtx};

/// How much larger everything is drawn while presenting.
const PRESENT_ZOOM: f32 = 1.35;

/// What was shown before presenting, shown again after.
struct Before {
    tab: Tab,
    filter: Filter,
    selection: Option<ItemRef>,
    shown: Basis,
    compare_with: Option<Basis>,
    zoom_factor: f32,
}

/// A presentation being given.
struct Giving {
    id: PresentationId,
    step: usize,
    before: Before,
}

/// What the app keeps about presentations.
#[derive(Default)]
pub(super) struct PresentState {
    /// The presentation steps are added to and F5 presents.
    picked: Option<PresentationId>,
    /// The presentation being given, if any.
    giving: Option<Giving>,
    /// The visuals before the high-contrast theme was put on, while it is on.
    saved_visuals: Option<egui::Visuals>,
    /// A presentation to give from the first frame on (`--present`).
    pub(super) at_start: Option<super::Present>,
    /// Full screen on or off, asked for at the start of the next frame: the frame that starts
    /// or stops presenting changes the zoom, and egui may run that frame's pass again.
    fullscreen: Option<bool>,
}

impl PresentState {
    /// Nothing picked or given; `at_start` given from the first frame on.
    pub(super) fn starting(at_start: Option<super::Present>) -> Self {
        Self {
            at_start,
            ..Self::default()
        }
    }
}

impl WaymarkApp {
    /// Whether a presentation is being given.
    pub fn is_presenting(&self) -> bool {
        self.present.giving.is_some()
    }

    /// The step being shown (from 0) while presenting.
    pub fn presenting_step(&self) -> Option<usize> {
        self.present.giving.as_ref().map(|g| g.step)
    }

    /// The presentation picked in the presentation bar.
    pub fn picked_presentation(&self) -> Option<&PresentationId> {
        self.present.picked.as_ref()
    }

    fn presentation(&self, id: &PresentationId) -> Option<&Presentation> {
        let doc = self.document.as_ref()?;
        doc.roadmap.items.presentations.iter().find(|p| &p.id == id)
    }

    /// The presentation picked, when it exists.
    pub(super) fn picked(&self) -> Option<&Presentation> {
        self.presentation(self.present.picked.as_ref()?)
    }

    /// Carries out a presentation action; returns whether the document changed.
    pub(super) fn present_action(&mut self, ctx: &egui::Context, action: Action) -> bool {
        match action {
            Action::SetPresentation(id) => self.present.picked = id,
            Action::AddStep => return self.add_step(ctx),
            Action::Present(id) => self.start_presenting(ctx, id),
            Action::GoToStep(n) => self.go_to_step(ctx, n),
            Action::StopPresenting => self.stop_presenting(ctx),
            Action::ToggleHighContrast => self.prefs.high_contrast = !self.prefs.high_contrast,
            _ => {}
        }
        false
    }

    /// What is shown now, as a step titled after the view and the selection.
    fn current_step(&self, ctx: &egui::Context) -> Step {
        let lang = self.prefs.lang;
        let tab = self.prefs.tab;
        let mut title = tab.label(lang).to_owned();
        if let (Some(item), Some(r)) = (&self.selection, self.seen_roadmap()) {
            title = format!(
                "{title}：{}",
                crate::analysis::labels::short(r, item, lang, 30)
            );
        }
        Step {
            title,
            notes: None,
            view: tab,
            filter: self.filter.clone(),
            selection: self.selection.clone(),
            scenario: self.scenarios.shown.clone(),
            compare_with: self.scenarios.compare_with.clone(),
            zoom: (tab == Tab::Timeline)
                .then(|| ui::timeline::saved_view(ctx))
                .flatten(),
        }
    }

    /// Adds the view shown as the last step of the picked presentation, or of a new one.
    fn add_step(&mut self, ctx: &egui::Context) -> bool {
        let Some(doc) = &self.document else {
            return false;
        };
        let step = self.current_step(ctx);
        let made = if let Some(p) = self.picked() {
            crate::edit::presentation::add_step(&doc.roadmap, &p.id, step).map(|edit| (edit, None))
        } else {
            {
                let n = doc.roadmap.items.presentations.len() + 1;
                let title = format!(
                    "{} {n}",
                    self.prefs.lang.pick("プレゼンテーション", "Presentation")
                );
                crate::edit::presentation::create_presentation(&doc.roadmap, &title, vec![step])
                    .map(|c| (c.edit, Some(c.id)))
            }
        };
        match made {
            Ok((edit, created)) => {
                let changed = self.edit(edit);
                if changed && created.is_some() {
                    self.present.picked = created;
                }
                changed
            }
            Err(e) => {
                self.refused(&e);
                false
            }
        }
    }

    /// Starts giving presentation `id` (the picked one, else the first) from its first step.
    pub(super) fn start_presenting(&mut self, ctx: &egui::Context, id: Option<PresentationId>) {
        let Some(doc) = &self.document else { return };
        let presentations = &doc.roadmap.items.presentations;
        let id = id
            .or_else(|| self.present.picked.clone())
            .or_else(|| presentations.first().map(|p| p.id.clone()));
        let Some(p) = id.and_then(|id| presentations.iter().find(|p| p.id == id)) else {
            self.notice = Some(Notice::NoPresentation);
            return;
        };
        if p.steps.is_empty() {
            self.notice = Some(Notice::NoSteps);
            return;
        }
        let before = Before {
            tab: self.prefs.tab,
            filter: self.filter.clone(),
            selection: self.selection.clone(),
            shown: self.scenarios.shown.clone(),
            compare_with: self.scenarios.compare_with.clone(),
            zoom_factor: ctx.zoom_factor(),
        };
        let id = p.id.clone();
        self.present.picked = Some(id.clone());
        self.present.giving = Some(Giving {
            id,
            step: 0,
            before,
        });
        ctx.data_mut(|d| d.remove::<bool>(egui::Id::unique("waymark-speaker-notes-hidden")));
        super::commit_typing(ctx);
        self.present.fullscreen = Some(true);
        ctx.set_zoom_factor(ctx.zoom_factor() * PRESENT_ZOOM);
        self.go_to_step(ctx, 0);
    }

    /// Shows step `n` of the presentation being given (when it has one).
    fn go_to_step(&mut self, ctx: &egui::Context, n: usize) {
        let Some(giving) = &self.present.giving else {
            return;
        };
        let Some(step) = self
            .presentation(&giving.id)
            .and_then(|p| p.steps.get(n))
            .cloned()
        else {
            return;
        };
        if let Some(g) = &mut self.present.giving {
            g.step = n;
        }
        let exists = |r: &crate::model::Roadmap, i: &ItemRef| r.contains(i);
        let Some(doc) = &self.document else { return };
        self.prefs.tab = step.view;
        self.filter = step.filter;
        self.selection = step.selection.filter(|i| exists(&doc.roadmap, i));
        self.scenarios.shown = step.scenario;
        self.scenarios.compare_with = step.compare_with;
        self.refresh_scenario();
        self.rederive();
        ui::timeline::restore_view(ctx, step.zoom);
    }

    /// Stops presenting: leaves full screen and shows what was shown before.
    fn stop_presenting(&mut self, ctx: &egui::Context) {
        let Some(giving) = self.present.giving.take() else {
            return;
        };
        let b = giving.before;
        self.present.fullscreen = Some(false);
        ctx.set_zoom_factor(b.zoom_factor);
        self.prefs.tab = b.tab;
        self.filter = b.filter;
        self.selection = b.selection;
        self.scenarios.shown = b.shown;
        self.scenarios.compare_with = b.compare_with;
        if let Some(doc) = &self.document
            && self
                .selection
                .as_ref()
                .is_some_and(|s| !doc.roadmap.contains(s))
        {
            self.selection = None;
        }
        self.refresh_scenario();
        self.rederive();
        ui::timeline::restore_view(ctx, None);
    }

    /// Asks the window to go full screen, or back, when presenting started or stopped in the
    /// frame before.
    pub(super) fn send_fullscreen(&mut self, ctx: &egui::Context) {
        if let Some(on) = self.present.fullscreen.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        }
    }

    /// Puts the high-contrast theme on while it is chosen or a presentation is given, and the
    /// visuals from before back when neither is so.
    pub(super) fn apply_theme(&mut self, ctx: &egui::Context) {
        let wanted = self.prefs.high_contrast || self.present.giving.is_some();
        match (&self.present.saved_visuals, wanted) {
            (None, true) => {
                self.present.saved_visuals = Some(ctx.global_style().visuals.clone());
                ctx.set_visuals(ui::present::high_contrast_visuals());
            }
            (Some(_), false) => {
                if let Some(v) = self.present.saved_visuals.take() {
                    ctx.set_visuals(v);
                }
            }
            _ => {}
        }
    }

    /// The keys of presenting: F5 starts; while presenting → (`ArrowRight`), `PageDown` and
    /// `Space` go on, ← and `PageUp` go back, `Home` and `End` jump, `Escape` stops. They are
    /// taken before any widget sees them.
    pub(super) fn present_keys(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        use egui::{Key, Modifiers};
        let press = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        let Some(g) = &self.present.giving else {
            if press(Key::F5) {
                actions.push(Action::Present(None));
            }
            return;
        };
        let len = self.presentation(&g.id).map_or(0, |p| p.steps.len());
        if press(Key::Escape) {
            actions.push(Action::StopPresenting);
        } else if press(Key::ArrowRight) || press(Key::PageDown) || press(Key::Space) {
            if g.step + 1 < len {
                actions.push(Action::GoToStep(g.step + 1));
            }
        } else if press(Key::ArrowLeft) || press(Key::PageUp) {
            if g.step > 0 {
                actions.push(Action::GoToStep(g.step - 1));
            }
        } else if press(Key::Home) {
            actions.push(Action::GoToStep(0));
        } else if press(Key::End) && len > 0 {
            actions.push(Action::GoToStep(len - 1));
        }
    }

    /// Draws a frame while presenting: the step's strip, the comparison when the step has one,
    /// and the view; no menus, bars, navigator or inspector. Returns `false` when nothing is
    /// being presented.
    pub(super) fn presenting_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) -> bool {
        let Some(g) = &self.present.giving else {
            return false;
        };
        let (Some(doc), Some(derived), Some(p)) =
            (&self.document, &self.derived, self.presentation(&g.id))
        else {
            return false;
        };
        let seen = self.scenarios.seen.as_ref();
        let mut view = ViewCtx::new(seen.unwrap_or(&doc.roadmap), derived);
        view.scenarios = ui::Scenarios {
            plan: seen.map(|_| &doc.roadmap),
            shown: self.scenarios.shown.scenario(&doc.roadmap),
            comparison: self.scenarios.comparison.as_ref(),
        };
        egui::Panel::top("presenting").show(ui, |ui| {
            ui::present::presenting_strip_ui(ui, &view, p, g.step, actions);
        });
        if view.scenarios.comparison.is_some() {
            egui::Panel::bottom("comparison")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| {
                    ui::scenarios::comparison_ui(ui, &view, actions);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui::tabs::tab_ui(ui, self.prefs.tab, &view, actions);
        });
        if let Some(step) = p.steps.get(g.step) {
            speaker_notes(ui.ctx(), &view, p, g.step, step);
        }
        true
    }
}

/// The speaker notes of step `n` in a window of their own, where the platform has one (never
/// drawn over the projected view); closing it hides them until the next presentation.
fn speaker_notes(ctx: &egui::Context, view: &ViewCtx<'_>, p: &Presentation, n: usize, step: &Step) {
    let hidden = egui::Id::unique("waymark-speaker-notes-hidden");
    if ctx.embed_viewports() || ctx.data(|d| d.get_temp::<bool>(hidden).unwrap_or(false)) {
        return;
    }
    let title = view.t("発表者メモ", "Speaker notes");
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("waymark-speaker-notes"),
        egui::ViewportBuilder::default()
            .with_title(format!("{title} — {}", p.title))
            .with_inner_size([520.0, 380.0]),
        |ui, _| {
            if ui.input(|i| i.viewport().close_requested()) {
                ui.data_mut(|d| d.insert_temp(hidden, true));
            }
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label(
                    egui::RichText::new(format!("{} / {}　{}", n + 1, p.steps.len(), step.title))
                        .strong()
                        .size(18.0),
                );
                ui.separator();
                ui.label(egui::RichText::new(step.notes.as_deref().unwrap_or("—")).size(18.0));
                if let Some(next) = p.steps.get(n + 1) {
                    ui.separator();
                    ui.label(
                        egui::RichText::new(format!("{} {}", view.t("次：", "Next:"), next.title))
                            .weak(),
                    );
                }
            });
        },
    );
}
