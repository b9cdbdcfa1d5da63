//! The eframe application: loads the roadmap and shows it.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::document::{Disk, Document, open};

/// The explorer's state.
pub struct WaymarkApp {
    document: Option<Document>,
    load_errors: Vec<Diagnostic>,
}

impl WaymarkApp {
    /// Opens the roadmap at `path`, or the bundled one.
    pub fn new(path: Option<PathBuf>) -> Self {
        let result = match &path {
            Some(p) => open(&Disk, p),
            None => crate::bundled::open(),
        };
        match result {
            Ok(doc) => Self {
                document: Some(doc),
                load_errors: Vec::new(),
            },
            Err(e) => Self {
                document: None,
                load_errors: e.diagnostics,
            },
        }
    }

    /// The window title: roadmap and file.
    pub fn title(&self) -> String {
        match &self.document {
            Some(doc) => format!(
                "{} — {} — Waymark",
                doc.roadmap.header.title, doc.files[0].display
            ),
            None => "Waymark".to_owned(),
        }
    }
}

impl eframe::App for WaymarkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| match &self.document {
            Some(doc) => crate::ui::overview::overview_ui(ui, &doc.roadmap),
            None => {
                ui.heading("読み込めませんでした / Could not load");
                for d in &self.load_errors {
                    ui.monospace(d.to_string());
                }
            }
        });
    }
}

/// Runs the explorer window.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let app = WaymarkApp::new(path);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title(app.title()),
        ..Default::default()
    };
    eframe::run_native(
        "Waymark",
        options,
        Box::new(|cc| {
            crate::fonts::install(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
