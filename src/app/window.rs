//! The explorer's native window: eframe's options, the bundled font, the remembered preferences
//! and the command line's choices, then the app.

use super::{FileDialogs, Options, WaymarkApp, automation};
use crate::action::Tab;
use crate::i18n::Lang;

/// Runs the explorer window as `options` say, showing `view` in `lang` when given, else the
/// remembered ones.
pub fn run(mut options: Options, view: Option<Tab>, lang: Option<Lang>) -> anyhow::Result<()> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Waymark",
        native,
        Box::new(move |cc| {
            crate::fonts::install(&cc.egui_ctx);
            if let Some(plugin) = automation::WidgetsFile::from_env() {
                cc.egui_ctx.add_plugin(plugin);
            }
            options.prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            if let Some(tab) = view {
                options.prefs.tab = tab;
            }
            if let Some(lang) = lang {
                options.prefs.lang = lang;
            }
            if options.recovery_dir.is_none() {
                options.recovery_dir = crate::recovery::default_dir();
            }
            if options.file_dialogs == FileDialogs::Auto {
                options.file_dialogs = FileDialogs::from_env();
            }
            Ok(Box::new(WaymarkApp::with_options(options)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
