//! What the editing tests share: a copy of the bundled roadmap to write to, and the whole app in
//! a harness.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use waymark::app::{Options, WaymarkApp};

/// A copy of the bundled roadmap in `dir`, so saving touches nothing else; returns its entry file.
pub fn copy_of_bundled(dir: &Path) -> PathBuf {
    for (name, text) in waymark::bundled::FILES {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
    }
    dir.join(waymark::bundled::ENTRY)
}

/// The app, 1280×900 points, with the bundled font.
pub fn harness(options: Options) -> Harness<'static, WaymarkApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_max_steps(16)
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::with_options(options),
        )
}
