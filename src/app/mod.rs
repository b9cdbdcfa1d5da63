//! The eframe application: holds the document, its history and the view state; drains the
//! views' actions and applies them in one place ([`apply`]); loads, saves, recovers and watches
//! files ([`files`]); asks before anything is lost ([`dialogs`]).

mod apply;
pub mod automation;
mod checks;
mod create;
mod derive;
mod dialogs;
mod export;
mod files;
mod notice;
mod picker;
mod prefs;
mod present;
mod save;
mod scenarios;
mod shortcuts;
mod trail;
mod versions;
mod window;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::action::Action;
use crate::analysis::derived::{Derived, Inputs};
use crate::analysis::filter::Filter;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::history::History;
use crate::model::ItemRef;
use crate::ui::{self, ViewCtx};

use dialogs::Dialog;
use files::Msg;
pub use picker::FileDialogs;
pub use prefs::{Opened, Prefs};
use shortcuts::{PanelWidths, shortcuts};
pub use window::run;

/// How many recent files are remembered.
const MAX_RECENT: usize = 10;

/// For how many frames after the selection or the tab changes views scroll to the selection
/// (a view laid out for the first time knows where an item is only after its first frame).
const REVEAL_FRAMES: u8 = 3;

/// How the app is started.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The roadmap to open; the bundled one when `None`.
    pub path: Option<PathBuf>,
    /// Remembered preferences.
    pub prefs: Prefs,
    /// Start in read-only mode.
    pub read_only: bool,
    /// Where recovery files go; none are written when `None`.
    pub recovery_dir: Option<PathBuf>,
    /// Which file dialog Open and Save As use.
    pub file_dialogs: FileDialogs,
    /// Present from the start (`--present [ID]`).
    pub present: Option<Present>,
}

/// Which presentation to give from the start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Present {
    /// The roadmap's first.
    First,
    /// This one.
    Id(crate::model::PresentationId),
}

/// The explorer's state.
pub struct WaymarkApp {
    prefs: Prefs,
    document: Option<Document>,
    history: History,
    derived: Option<Derived>,
    /// Validation of the edited document, kept current while editing.
    live_diagnostics: Vec<Diagnostic>,
    selection: Option<ItemRef>,
    /// Selections to go back and forward to.
    trail: trail::Trail,
    /// Views scroll to the selection while this is above zero ([`REVEAL_FRAMES`]).
    reveal_frames: u8,
    /// The selection was created by the last actions: its form opens in the next frame.
    created: bool,
    filter: Filter,
    /// Whether focus mode is on (only while something is selected).
    focusing: bool,
    read_only: bool,
    /// Read-only was asked for at start (`--read-only`): it cannot be switched off.
    read_only_locked: bool,
    /// Diagnostics of the last failed load, shown until the next successful one.
    load_errors: Vec<Diagnostic>,
    failed_path: Option<String>,
    show_diagnostics: bool,
    /// A one-line message in the status bar (the last refusal or save result).
    notice: Option<notice::Notice>,
    dialog: Option<Dialog>,
    /// The window may close: there is nothing unsaved, or the user chose to discard it.
    allow_close: bool,
    /// What to do once a save asked for by an unsaved-changes dialog succeeds.
    after_save: Option<files::AfterSave>,
    files: files::Files,
    checks: checks::Checks,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    title: String,
    /// The title the window was last given, so that it changes only when the title does.
    window_title: String,
    /// The scenario shown and the comparison.
    scenarios: scenarios::ScenarioState,
    /// The presentation picked, and the one being given.
    present: present::PresentState,
    /// The comparison with another version of the roadmap.
    versions: versions::VersionState,
    /// The derived data being computed on workers.
    deriving: derive::Deriving,
    /// The context, once a frame has been drawn: workers ask it for a repaint.
    repaint: Option<egui::Context>,
    /// File ▸ Export…: the form and the export under way.
    export: export::ExportState,
}

impl WaymarkApp {
    /// Opens the roadmap at `path`, or the bundled one, with the given preferences.
    pub fn new(path: Option<PathBuf>, prefs: Prefs) -> Self {
        Self::with_options(Options {
            path,
            prefs,
            ..Options::default()
        })
    }

    /// Starts the app as `options` say.
    pub fn with_options(options: Options) -> Self {
        let (tx, rx) = channel();
        let mut app = Self {
            prefs: options.prefs,
            document: None,
            history: History::new(),
            derived: None,
            live_diagnostics: Vec::new(),
            selection: None,
            trail: trail::Trail::default(),
            reveal_frames: 0,
            created: false,
            filter: Filter::default(),
            focusing: false,
            read_only: options.read_only,
            read_only_locked: options.read_only,
            load_errors: Vec::new(),
            failed_path: None,
            show_diagnostics: false,
            notice: None,
            dialog: None,
            allow_close: false,
            after_save: None,
            files: files::Files::new(
                options.recovery_dir,
                options.file_dialogs == FileDialogs::Auto
                    && picker::native_dialog_possible(|name| std::env::var_os(name)),
            ),
            checks: checks::Checks::default(),
            tx,
            rx,
            title: "Waymark".to_owned(),
            window_title: String::new(),
            scenarios: scenarios::ScenarioState::default(),
            present: present::PresentState::starting(options.present),
            versions: versions::VersionState::default(),
            deriving: derive::Deriving::default(),
            repaint: None,
            export: export::ExportState::default(),
        };
        // The roadmap named, else the one open last time, else the first bundled one.
        let place = options
            .path
            .map(crate::document::Place::File)
            .or_else(|| app.prefs.last_opened.as_ref().and_then(Opened::place))
            .unwrap_or_else(crate::document::Place::default_bundled);
        let result = files::load(&place);
        app.finish_load(&place, result);
        app
    }

    /// The window title: roadmap and file, marked when there are unsaved changes.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The open document, if any.
    pub fn document(&self) -> Option<&Document> {
        self.document.as_ref()
    }

    /// The selected item.
    pub fn selection(&self) -> Option<&ItemRef> {
        self.selection.as_ref()
    }

    /// The preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Whether a roadmap is being loaded in the background.
    pub fn is_loading(&self) -> bool {
        self.files.is_loading()
    }

    /// Diagnostics of the last failed load.
    pub fn load_errors(&self) -> &[Diagnostic] {
        &self.load_errors
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Whether the app refuses every change.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The diagnostics of the document as it is now (updated after every edit).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.live_diagnostics
    }

    /// Whether the diagnostics are being brought up to date on a worker after a change (see
    /// [`Self::diagnostics`]).
    pub fn is_checking(&self) -> bool {
        self.checks.is_checking()
    }

    /// Whether a check of a large roadmap is running on a worker now, rather than waiting for
    /// edits to pause.
    pub fn is_check_running(&self) -> bool {
        self.checks.is_running()
    }

    /// Whether a save is being written on a worker.
    pub fn is_saving(&self) -> bool {
        self.checks.saving
    }

    /// The scenario every view shows (the plan by default).
    pub fn shown_scenario(&self) -> &crate::analysis::scenario::Basis {
        &self.scenarios.shown
    }

    /// The comparison of the scenario shown with another, while one is asked for.
    pub fn comparison(&self) -> Option<&crate::analysis::scenario::ScenarioComparison> {
        self.scenarios.comparison.as_ref()
    }

    /// The last notice shown in the status bar, in the interface language.
    pub fn notice(&self) -> Option<String> {
        self.notice.as_ref().map(|n| n.text(self.prefs.lang))
    }

    fn inputs(&self) -> Inputs {
        Inputs {
            filter: self.filter.clone(),
            grouping: self.prefs.grouping,
            lang: self.prefs.lang,
            selection: self.selection.clone(),
            focus_steps: self.focusing.then_some(self.prefs.focus_steps),
        }
    }

    fn update_title(&mut self) {
        self.title = match &self.document {
            Some(doc) => {
                let dirty = if self.history.is_dirty() { "● " } else { "" };
                let ro = if self.read_only {
                    self.prefs.lang.pick("（読み取り専用）", " (read-only)")
                } else {
                    ""
                };
                format!(
                    "{dirty}{} — {}{ro} — Waymark",
                    doc.roadmap.header.title, doc.files[0].display
                )
            }
            None => "Waymark".to_owned(),
        };
    }

    /// Draws one frame into `ui` and applies what the views asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
        self.poll_jobs(&ctx);
        self.tick_files(&ctx);
        self.start_due_check(&ctx);
        let mut actions = Vec::new();
        if let Some(at_start) = self.present.at_start.take() {
            let id = match at_start {
                Present::First => None,
                Present::Id(id) => Some(id),
            };
            self.start_presenting(&ctx, id);
        }
        self.send_fullscreen(&ctx);
        self.apply_theme(&ctx);
        if self.dialog.is_none() && self.files.file_dialog.is_none() {
            self.present_keys(&ctx, &mut actions);
        }
        if self.presenting_ui(ui, &mut actions) {
            // Closing while presenting asks about unsaved changes as ever.
            let closing = ctx.input(|i| i.viewport().close_requested()) && !self.allow_close;
            if let Some(dialog) = &self.dialog {
                dialogs::dialog_ui(&ctx, self.prefs.lang, dialog, &mut actions);
            }
            self.finish_frame(&ctx, actions, Vec::new(), closing);
            return;
        }
        // Before the shortcuts: the file dialog takes Enter and Escape while it is open.
        if let Some(state) = &self.files.file_dialog {
            ui::file_dialog::file_dialog_ui(&ctx, self.prefs.lang, state, &mut actions);
        }
        // File commands run after the frame's edits, so that text typed into a field is
        // committed before a save or close sees the document.
        let mut file_actions: Vec<Action> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .map(Action::Open)
                .collect()
        });
        shortcuts(&ctx, self.focusing, &mut actions, &mut file_actions);
        if self.dialog.is_none() && self.files.file_dialog.is_none() {
            self.enter_opens(&ctx, &mut actions);
        }
        let closing = ctx.input(|i| i.viewport().close_requested()) && !self.allow_close;
        if closing || !file_actions.is_empty() {
            commit_typing(&ctx);
        }
        let lang = self.prefs.lang;

        egui::Panel::top("menu").show(ui, |ui| {
            let state = ui::menu::MenuState {
                lang,
                prefs: &self.prefs,
                tab: self.prefs.tab,
                focus: (self.focusing, self.selection.is_some()),
                can_undo: self.history.can_undo() && !self.read_only,
                can_redo: self.history.can_redo() && !self.read_only,
                read_only: self.read_only,
                read_only_locked: self.read_only_locked,
                has_document: self.document.is_some(),
                is_bundled: self.is_bundled(),
            };
            ui::menu::menu_ui(ui, &state, &mut actions);
        });
        if let Some(dialog) = &self.dialog {
            dialogs::dialog_ui(&ctx, lang, dialog, &mut actions);
        }
        if let Some(form) = &self.export.form
            && self.files.file_dialog.is_none()
        {
            ui::export::export_form_ui(&ctx, lang, form, self.export.running, &mut actions);
        }
        let (Some(doc), Some(derived)) = (&self.document, &self.derived) else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui::diagnostics::diagnostics_ui(
                    ui,
                    lang,
                    &self.load_errors,
                    self.failed_path.as_deref(),
                );
            });
            self.finish_frame(&ctx, actions, file_actions, closing);
            return;
        };
        let seen = self.scenarios.seen.as_ref();
        let mut view = ViewCtx::new(seen.unwrap_or(&doc.roadmap), derived);
        view.editable = !self.read_only;
        view.scenarios = ui::Scenarios {
            plan: seen.map(|_| &doc.roadmap),
            shown: self.scenarios.shown.scenario(&doc.roadmap),
            comparison: self.scenarios.comparison.as_ref(),
        };
        let comparing = self.versions.comparing.as_ref();
        view.versions = comparing
            .and_then(|c| c.versions.as_ref())
            .and_then(|v| v.as_ref().ok());
        view.reveal = self.reveal_frames > 0;
        view.created = std::mem::take(&mut self.created);
        egui::Panel::top("filters").show(ui, |ui| {
            ui::filter_bar::filter_bar_ui(ui, &view, &self.filter, &mut actions);
        });
        if !doc.roadmap.items.conflicts.is_empty() {
            // A merge left conflicts: listed above the views until resolved (there are few).
            let rows = ui::conflicts::conflict_rows(&doc.roadmap, lang);
            egui::Panel::top("conflicts").show(ui, |ui| {
                ui::conflicts::conflicts_ui(ui, &view, &rows, &mut actions);
            });
        }
        egui::Panel::top("scenarios").show(ui, |ui| {
            ui::scenarios::scenario_bar_ui(ui, &view, &mut actions);
            ui::present::presentation_bar_ui(
                ui,
                &view,
                self.picked(),
                self.prefs.high_contrast,
                &mut actions,
            );
        });
        // Back, forward and the view tabs across the whole window, so that the tabs keep to
        // one line however wide the side panels are.
        egui::Panel::top("toolbar").show(ui, |ui| {
            let bar = ui::toolbar::Toolbar {
                lang,
                tab: self.prefs.tab,
                can_go_back: self.trail.can_go_back(),
                can_go_forward: self.trail.can_go_forward(),
                focusing: self.focusing,
                can_focus: self.selection.is_some(),
                loading: self.files.is_loading(),
                reveal: view.reveal,
            };
            ui::toolbar::toolbar_ui(ui, &bar, &mut actions);
        });
        if view.focused.is_some() {
            egui::Panel::top("focus").show(ui, |ui| {
                ui::focus_bar::focus_bar_ui(ui, &view, &mut actions);
            });
        }
        let updating = self.deriving.is_running();
        let problems: &[Diagnostic] = if self.load_errors.is_empty() {
            &self.live_diagnostics
        } else {
            &self.load_errors
        };
        let notice = self.notice();
        egui::Panel::bottom("status").show(ui, |ui| {
            let status = ui::status_bar::Status {
                doc,
                problems,
                dirty: self.history.is_dirty(),
                checking: self.checks.is_checking(),
                updating,
                saving: self.checks.saving,
                notice: notice.as_deref(),
            };
            if ui::status_bar::status_bar_ui(ui, &view, &status) {
                self.show_diagnostics = !self.show_diagnostics;
            }
        });
        if self.show_diagnostics {
            egui::Panel::bottom("diagnostics")
                .resizable(true)
                .show(ui, |ui| {
                    ui::diagnostics::diagnostics_ui(
                        ui,
                        lang,
                        problems,
                        self.failed_path.as_deref(),
                    );
                });
        }
        if view.scenarios.comparison.is_some() {
            egui::Panel::bottom("comparison")
                .resizable(true)
                .default_size(220.0)
                .size_range(120.0..=520.0)
                .show(ui, |ui| {
                    ui::scenarios::comparison_ui(ui, &view, &mut actions);
                });
        }
        if let Some(c) = comparing {
            let state = match (&c.read, &c.versions) {
                (Some(Err(e)), _) | (_, Some(Err(e))) => Some(Err(e.as_str())),
                (_, Some(Ok(v))) => Some(Ok(v)),
                _ => None,
            };
            // A quarter of a small window's height, so the views keep most of it.
            let height = (ctx.content_rect().height() * 0.25).clamp(120.0, 220.0);
            egui::Panel::bottom("versions")
                .resizable(true)
                .default_size(height)
                .size_range(120.0..=520.0)
                .show(ui, |ui| {
                    ui::versions::versions_panel_ui(ui, &view, &c.other, state, &mut actions);
                });
        }
        if let Some(revisions) = &self.versions.revisions {
            let read = match revisions {
                versions::Revisions::Reading => None,
                versions::Revisions::Read(result) => Some(result),
            };
            ui::versions::revisions_ui(&ctx, lang, read, &mut actions);
        }
        // Panels keep to a share of the window, so that the view keeps room at 1024 px.
        let widths = PanelWidths::for_window(ctx.content_rect().width());
        if !self.prefs.hide_navigator {
            egui::Panel::left("navigator")
                .resizable(true)
                .default_size(widths.navigator_default)
                .size_range(widths.navigator_range())
                .show(ui, |ui| {
                    ui::navigator::navigator_ui(ui, &view, &mut actions);
                });
        }
        if !self.prefs.hide_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(widths.inspector_default)
                .size_range(widths.inspector_range())
                .show(ui, |ui| {
                    ui::inspector::inspector_ui(ui, &view, &mut actions);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui::tabs::tab_ui(ui, self.prefs.tab, &view, &mut actions);
        });
        if self.reveal_frames > 0 {
            self.reveal_frames -= 1;
            ctx.request_repaint();
        }
        self.finish_frame(&ctx, actions, file_actions, closing);
    }

    /// Enter opens the selection: in the view that shows it when this one cannot, and with the
    /// inspector shown. Not while typing (a text field takes Enter).
    fn enter_opens(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(item) = &self.selection else { return };
        if ctx.egui_wants_keyboard_input()
            || !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
        {
            return;
        }
        if !ui::tabs::shows(self.prefs.tab, item.kind())
            && let Some(tab) = ui::tabs::home(item.kind())
        {
            actions.push(Action::Reveal(item.clone(), tab));
        }
        if self.prefs.hide_inspector {
            actions.push(Action::ToggleInspector);
        }
    }

    /// Applies the views' actions, then the file commands, then answers a request to close:
    /// with unsaved changes (typed text included, committed this frame) it asks first.
    fn finish_frame(
        &mut self,
        ctx: &egui::Context,
        mut actions: Vec<Action>,
        file_actions: Vec<Action>,
        closing: bool,
    ) {
        actions.extend(file_actions);
        // A menu's Save may come before a field's commit in the same frame: edits go first.
        actions.sort_by_key(Action::is_file_command);
        self.apply(ctx, actions);
        if closing && self.history.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.dialog.is_none() {
                self.dialog = Some(Dialog::UnsavedOnClose);
            }
        }
        // The window's title shows the unsaved mark as soon as there is something unsaved.
        if self.window_title != self.title {
            self.window_title.clone_from(&self.title);
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title.clone()));
        }
    }
}

/// Ends typing in the focused field, so that it commits its text in this frame (fields commit
/// when they lose focus; see `ui::editor::fields`).
fn commit_typing(ctx: &egui::Context) {
    if let Some(id) = ctx.memory(egui::Memory::focused) {
        ctx.memory_mut(|m| m.surrender_focus(id));
    }
}

impl eframe::App for WaymarkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
