//! The eframe application: holds the document and view state, drains the views' actions and
//! applies them in one place, loads files off the UI thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use serde::{Deserialize, Serialize};

use crate::action::{Action, Tab};
use crate::analysis::derived::{Derived, Inputs};
use crate::analysis::filter::Filter;
use crate::analysis::timeline::Grouping;
use crate::diagnostic::Diagnostic;
use crate::document::{Disk, Document, open};
use crate::i18n::Lang;
use crate::model::ItemRef;
use crate::ui::{self, ViewCtx};

/// How many recent files are remembered.
const MAX_RECENT: usize = 10;

/// Preferences remembered between runs (never the document).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Interface language.
    pub lang: Lang,
    /// Timeline grouping.
    pub grouping: Grouping,
    /// The tab last shown.
    pub tab: Tab,
    /// Recently opened roadmaps, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether the navigator is hidden.
    pub hide_navigator: bool,
    /// Whether the inspector is hidden.
    pub hide_inspector: bool,
}

/// What a background job reports.
enum Msg {
    /// A roadmap finished loading.
    Loaded {
        path: Option<PathBuf>,
        result: Result<Box<Document>, Vec<Diagnostic>>,
    },
    /// The file dialog closed.
    Picked(Option<PathBuf>),
}

/// The explorer's state.
pub struct WaymarkApp {
    prefs: Prefs,
    document: Option<Document>,
    derived: Option<Derived>,
    selection: Option<ItemRef>,
    filter: Filter,
    /// Diagnostics of the last failed load, shown until the next successful one.
    load_errors: Vec<Diagnostic>,
    failed_path: Option<String>,
    show_diagnostics: bool,
    loading: bool,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    title: String,
}

impl WaymarkApp {
    /// Opens the roadmap at `path`, or the bundled one, with the given preferences.
    pub fn new(path: Option<PathBuf>, prefs: Prefs) -> Self {
        let (tx, rx) = channel();
        let mut app = Self {
            prefs,
            document: None,
            derived: None,
            selection: None,
            filter: Filter::default(),
            load_errors: Vec::new(),
            failed_path: None,
            show_diagnostics: false,
            loading: false,
            tx,
            rx,
            title: "Waymark".to_owned(),
        };
        let result = match &path {
            Some(p) => open(&Disk, p),
            None => crate::bundled::open(),
        };
        app.finish_load(path, result.map(Box::new).map_err(|e| e.diagnostics));
        app
    }

    /// The window title: roadmap and file.
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
        self.loading
    }

    /// Diagnostics of the last failed load.
    pub fn load_errors(&self) -> &[Diagnostic] {
        &self.load_errors
    }

    fn inputs(&self) -> Inputs {
        Inputs {
            filter: self.filter.clone(),
            grouping: self.prefs.grouping,
            lang: self.prefs.lang,
            selection: self.selection.clone(),
        }
    }

    fn finish_load(
        &mut self,
        path: Option<PathBuf>,
        result: Result<Box<Document>, Vec<Diagnostic>>,
    ) {
        self.loading = false;
        match result {
            Ok(doc) => {
                let doc = *doc;
                if let Some(p) = &path {
                    self.prefs.recent.retain(|r| r != p);
                    self.prefs.recent.insert(0, p.clone());
                    self.prefs.recent.truncate(MAX_RECENT);
                }
                self.title = format!(
                    "{} — {} — Waymark",
                    doc.roadmap.header.title, doc.files[0].display
                );
                // Keep the selection when the item still exists.
                if self
                    .selection
                    .as_ref()
                    .is_some_and(|s| !doc.roadmap.contains(s))
                {
                    self.selection = None;
                }
                self.derived = Some(Derived::compute(&doc.roadmap, self.inputs()));
                self.document = Some(doc);
                self.load_errors.clear();
                self.failed_path = None;
            }
            Err(diagnostics) => {
                self.failed_path = Some(path.map_or_else(
                    || crate::bundled::ENTRY.to_owned(),
                    |p| p.display().to_string(),
                ));
                self.load_errors = diagnostics;
                self.show_diagnostics = true;
            }
        }
    }

    fn start_load(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        self.loading = true;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = match &path {
                Some(p) => open(&Disk, p),
                None => crate::bundled::open(),
            };
            tx.send(Msg::Loaded {
                path,
                result: result.map(Box::new).map_err(|e| e.diagnostics),
            })
            .ok();
            ctx.request_repaint();
        });
    }

    fn start_dialog(&self, ctx: &egui::Context) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let dir = self
            .document
            .as_ref()
            .and_then(|d| d.entry_path().parent().map(Path::to_path_buf));
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new().add_filter("Waymark roadmap (RON)", &["ron"]);
            if let Some(dir) = dir {
                dialog = dialog.set_directory(dir);
            }
            tx.send(Msg::Picked(dialog.pick_file())).ok();
            ctx.request_repaint();
        });
    }

    /// Applies the actions the views pushed this frame.
    pub fn apply(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        for action in actions {
            match action {
                Action::Select(item) => self.selection = item,
                Action::Reveal(item, tab) => {
                    self.selection = Some(item);
                    self.prefs.tab = tab;
                }
                Action::SetTab(tab) => self.prefs.tab = tab,
                Action::SetFilter(f) => self.filter = f,
                Action::SetLang(lang) => self.prefs.lang = lang,
                Action::SetGrouping(g) => self.prefs.grouping = g,
                Action::ToggleNavigator => self.prefs.hide_navigator = !self.prefs.hide_navigator,
                Action::ToggleInspector => self.prefs.hide_inspector = !self.prefs.hide_inspector,
                Action::Open(path) => self.start_load(ctx, Some(path)),
                Action::OpenBundled => self.start_load(ctx, None),
                Action::OpenDialog => self.start_dialog(ctx),
            }
        }
        let inputs = self.inputs();
        if let (Some(doc), Some(derived)) = (&self.document, &mut self.derived) {
            derived.update(&doc.roadmap, inputs);
        }
    }

    fn poll_jobs(&mut self, ctx: &egui::Context) {
        while let Ok(msg) = self.rx.try_recv() {
            match msg {
                Msg::Loaded { path, result } => {
                    self.finish_load(path, result);
                    ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title.clone()));
                }
                Msg::Picked(Some(path)) => self.start_load(ctx, Some(path)),
                Msg::Picked(None) => {}
            }
        }
    }

    /// Draws one frame into `ui` and applies what the views asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_jobs(&ctx);
        let mut actions = Vec::new();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        actions.extend(dropped.into_iter().map(Action::Open));
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            ctx.memory_mut(|m| m.request_focus(ui::filter_bar::search_id()));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            actions.push(Action::OpenDialog);
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            actions.push(Action::Select(None));
        }
        let lang = self.prefs.lang;

        egui::Panel::top("menu").show(ui, |ui| {
            ui::menu::menu_ui(ui, lang, &self.prefs, self.prefs.tab, &mut actions);
        });
        let (Some(doc), Some(derived)) = (&self.document, &self.derived) else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui::diagnostics::diagnostics_ui(
                    ui,
                    lang,
                    &self.load_errors,
                    self.failed_path.as_deref(),
                );
            });
            self.apply(&ctx, actions);
            return;
        };
        let view = ViewCtx::new(&doc.roadmap, derived);
        egui::Panel::top("filters").show(ui, |ui| {
            ui::filter_bar::filter_bar_ui(ui, &view, &self.filter, &mut actions);
        });
        let problems: Vec<Diagnostic> = if self.load_errors.is_empty() {
            doc.warnings.clone()
        } else {
            self.load_errors.clone()
        };
        egui::Panel::bottom("status").show(ui, |ui| {
            if ui::status_bar::status_bar_ui(ui, &view, doc, &problems) {
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
                        &problems,
                        self.failed_path.as_deref(),
                    );
                });
        }
        if !self.prefs.hide_navigator {
            egui::Panel::left("navigator")
                .resizable(true)
                .default_size(240.0)
                .size_range(160.0..=480.0)
                .show(ui, |ui| {
                    ui::navigator::navigator_ui(ui, &view, &mut actions);
                });
        }
        if !self.prefs.hide_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(300.0)
                .size_range(200.0..=560.0)
                .show(ui, |ui| {
                    ui::inspector::inspector_ui(ui, &view, &mut actions);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for tab in Tab::ALL {
                    if ui
                        .selectable_label(self.prefs.tab == tab, tab.label(lang))
                        .clicked()
                    {
                        actions.push(Action::SetTab(tab));
                    }
                }
                if self.loading {
                    ui.spinner();
                    ui.label(lang.pick("読み込み中…", "Loading…"));
                }
            });
            ui.separator();
            ui::tabs::tab_ui(ui, self.prefs.tab, &view, &mut actions);
        });
        self.apply(&ctx, actions);
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

/// Runs the explorer window on the roadmap at `path` (or the bundled one), showing `view` in
/// `lang` when given, else the remembered ones.
pub fn run(path: Option<PathBuf>, view: Option<Tab>, lang: Option<Lang>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Waymark",
        options,
        Box::new(move |cc| {
            crate::fonts::install(&cc.egui_ctx);
            let mut prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            if let Some(tab) = view {
                prefs.tab = tab;
            }
            if let Some(lang) = lang {
                prefs.lang = lang;
            }
            let app = WaymarkApp::new(path, prefs);
            cc.egui_ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(app.title().to_owned()));
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
