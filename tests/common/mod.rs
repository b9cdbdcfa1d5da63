//! What the editing tests share: a copy of the bundled roadmap to write to, and the whole app in
//! a harness.

// Each test binary includes this module and uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use waymark::app::{Options, WaymarkApp};

/// A copy of the bundled roadmap in `dir`, so saving touches nothing else; returns its entry file.
pub fn copy_of_bundled(dir: &Path) -> PathBuf {
    for (name, text) in waymark::bundled::files_of(waymark::bundled::ENTRY) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
    }
    dir.join(waymark::bundled::ENTRY)
}

/// The app on `path` (the bundled roadmap when `None`), showing the KPI tab (which lists no gaps
/// or measures, so labels are found in the navigator and inspector), with recovery files in
/// `recovery`.
pub fn options(path: Option<PathBuf>, recovery: &Path) -> Options {
    Options {
        path,
        prefs: waymark::app::Prefs {
            tab: waymark::action::Tab::Kpis,
            ..waymark::app::Prefs::default()
        },
        read_only: false,
        recovery_dir: Some(recovery.to_path_buf()),
        ..Options::default()
    }
}

/// Asks to close the window, as the window manager's close button does.
pub fn request_close(h: &mut Harness<'_, WaymarkApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
}

/// Whether the last frame asked the window to close (or to cancel a close).
pub fn sent(h: &Harness<'_, WaymarkApp>, command: &egui::ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(command))
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

/// Steps the app until the roadmap being opened in the background has loaded (five seconds at
/// most), then lets the UI settle.
pub fn wait_for_load(h: &mut Harness<'_, WaymarkApp>) {
    for _ in 0..500 {
        h.step();
        if !h.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    assert!(!h.state().is_loading(), "the load finished");
}
