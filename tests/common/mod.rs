//! What the editing tests share: a copy of the bundled roadmap to write to, and the whole app in
//! a harness.

// Each test binary includes this module and uses a part of it.
#![allow(dead_code)]

pub mod exports;
pub mod integrity;
pub mod pdf;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
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

/// The bundled roadmap's app with `prefs`, `size` points, with the bundled font, run until it
/// settles.
pub fn harness_with(prefs: waymark::app::Prefs, size: egui::Vec2) -> Harness<'static, WaymarkApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::new(None, prefs),
        );
    h.run();
    h
}

/// Scrolls the lanes of the timeline chart up by `dy` points, by dragging empty space.
pub fn scroll_lanes(h: &mut Harness<'_, WaymarkApp>, dy: f32) {
    let chart = h.get_by_label("タイムライン図").rect();
    let from = egui::pos2(chart.right() - 30.0, chart.bottom() - 10.0);
    drag(h, from, from - egui::vec2(0.0, dy));
}

/// Presses at `from`, moves through the middle to `to` and releases there.
pub fn drag(h: &mut Harness<'_, WaymarkApp>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::default(),
    };
    h.hover_at(from);
    h.run();
    h.event(button(from, true));
    h.run();
    h.hover_at(from + (to - from) * 0.5);
    h.run();
    h.hover_at(to);
    h.run();
    h.event(button(to, false));
    h.run();
}

/// A measure whose bar is in view in the chart (past the lane titles, with room to its right),
/// with the bar's rect, scrolling the lanes down until one is.
pub fn bar_in_view(h: &mut Harness<'_, WaymarkApp>) -> (waymark::model::MeasureId, egui::Rect) {
    bar_in_view_where(h, |rect, chart| {
        rect.top() > chart.top() + 60.0
            && rect.bottom() < chart.bottom() - 10.0
            && rect.left() > chart.left() + 200.0
            && rect.right() < chart.right() - 300.0
    })
}

/// A measure whose bar's rect `fits` the chart's, with the bar's rect, scrolling the lanes down
/// until one does.
pub fn bar_in_view_where(
    h: &mut Harness<'_, WaymarkApp>,
    fits: impl Fn(egui::Rect, egui::Rect) -> bool,
) -> (waymark::model::MeasureId, egui::Rect) {
    let r = h.state().document().expect("doc").roadmap.clone();
    let candidates: Vec<(waymark::model::MeasureId, String)> = r
        .items
        .measures
        .iter()
        .filter(|m| m.span.as_ref().is_some_and(|s| s.len_years() >= 3))
        .map(|m| {
            let item = waymark::model::ItemRef::Measure(m.id.clone());
            (
                m.id.clone(),
                waymark::analysis::labels::short(&r, &item, waymark::i18n::Lang::Ja, 60),
            )
        })
        .collect();
    for _ in 0..16 {
        let chart = h.get_by_label("タイムライン図").rect();
        for (id, label) in &candidates {
            let found = h
                .query_all_by_label(label)
                .map(|n| n.rect())
                .find(|rect| fits(*rect, chart));
            if let Some(rect) = found {
                return (id.clone(), rect);
            }
        }
        scroll_lanes(h, 250.0);
    }
    panic!("no measure bar came into view");
}

/// Runs `git ARGS` in `dir`, isolated from the user's configuration.
pub fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Planner")
        .env("GIT_AUTHOR_EMAIL", "planner@example.org")
        .env("GIT_COMMITTER_NAME", "Planner")
        .env("GIT_COMMITTER_EMAIL", "planner@example.org")
        .output()
        .expect("git runs")
}

/// Runs `git ARGS` in `dir` as [`git`] does, and returns what it printed; it must succeed.
pub fn git_ok(dir: &Path, args: &[&str]) -> String {
    let o = git(dir, args);
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
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
