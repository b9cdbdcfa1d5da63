//! What the benchmarks share: synthetic roadmaps generated once per run, and headless egui frames.

#![allow(dead_code, clippy::missing_panics_doc)]

use std::path::PathBuf;
use std::time::Duration;

use waymark::action::{Action, Tab};
use waymark::analysis::derived::{Derived, Inputs};
use waymark::analysis::filter::Filter;
use waymark::analysis::timeline::Grouping;
use waymark::document::{Disk, Document, open};
use waymark::i18n::Lang;
use waymark::ui::ViewCtx;

/// The scales measured, from `WAYMARK_BENCH_SCALES` (`1,10,100`), or 1×, 10×, 100× and 1000×.
pub fn scales() -> Vec<u32> {
    list_of_scales("WAYMARK_BENCH_SCALES", &[1, 10, 100, 1000])
}

/// The scales listed in environment variable `var` (`1,100`), or `default`.
pub fn list_of_scales(var: &str, default: &[u32]) -> Vec<u32> {
    std::env::var(var).ok().map_or_else(
        || default.to_vec(),
        |s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
    )
}

/// The seed every benchmark roadmap is generated from.
pub const SEED: u64 = 1;

/// Roadmaps generated into a temporary folder, removed when dropped.
pub struct Generated {
    dir: tempfile::TempDir,
    /// `(scale, entry file)`.
    pub entries: Vec<(u32, PathBuf)>,
}

impl Generated {
    /// Generates each scale once.
    pub fn new(scales: &[u32]) -> Self {
        let base = waymark::bundled::open().expect("the bundled roadmap loads");
        let dir = tempfile::tempdir().expect("temp dir");
        let entries = scales
            .iter()
            .map(|&n| {
                let roadmap =
                    waymark::generate::generate(&base.roadmap, n, SEED).expect("generates");
                let entry = waymark::generate::write(&roadmap, &dir.path().join(format!("x{n}")))
                    .expect("writes");
                (n, entry)
            })
            .collect();
        Self { dir, entries }
    }

    /// The entry file of scale `n`.
    pub fn entry(&self, n: u32) -> &PathBuf {
        &self
            .entries
            .iter()
            .find(|(s, _)| *s == n)
            .expect("generated")
            .1
    }

    /// Opens scale `n`.
    pub fn open(&self, n: u32) -> Document {
        open(&Disk, self.entry(n)).unwrap_or_else(|e| panic!("{n}×: {e}"))
    }
}

/// The inputs of a freshly opened explorer: no filter, no selection.
pub fn inputs() -> Inputs {
    Inputs {
        filter: Filter::default(),
        grouping: Grouping::Ministry,
        lang: Lang::Ja,
        selection: None,
        focus_steps: None,
    }
}

/// The size of the area a view draws into: a 1600×900 window (larger than the view gets in the
/// app, where the navigator and inspector take the sides).
pub fn screen() -> egui::Rect {
    egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 900.0))
}

/// A headless context with the bundled fonts.
pub fn context() -> egui::Context {
    let ctx = egui::Context::default();
    waymark::fonts::install(&ctx);
    ctx
}

/// Input for frame number `n`: no events, time advancing at 60 frames a second.
pub fn input(n: u64) -> egui::RawInput {
    input_with(n, screen(), Vec::new())
}

/// Input for frame number `n` in a window of `screen` with `events`.
pub fn input_with(n: u64, screen: egui::Rect, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(screen),
        time: Some(n as f64 / 60.0),
        predicted_dt: 1.0 / 60.0,
        events,
        ..Default::default()
    }
}

/// What one headless frame produced.
pub struct Frame {
    /// Number of clipped primitives tessellated.
    pub primitives: usize,
    /// Whether egui asked for another frame (now or after a delay).
    pub wants_repaint: bool,
    /// Actions the view pushed.
    pub actions: Vec<Action>,
}

/// Runs one frame of `ui` and tessellates it, the CPU side of a frame; texture updates are
/// dropped on purpose (there is no GPU to upload them to).
pub fn run_frame(
    ctx: &egui::Context,
    n: u64,
    ui: impl FnMut(&mut egui::Ui, &mut Vec<Action>),
) -> Frame {
    run_frame_input(ctx, input(n), ui).0
}

/// [`run_frame`] with the given input; also returns what the frame gave the platform (the
/// accessibility tree, when it is enabled).
pub fn run_frame_input(
    ctx: &egui::Context,
    input: egui::RawInput,
    mut ui: impl FnMut(&mut egui::Ui, &mut Vec<Action>),
) -> (Frame, egui::PlatformOutput) {
    let mut actions = Vec::new();
    let out = ctx.run_ui(input, |root| ui(root, &mut actions));
    let wants_repaint = out
        .viewport_output
        .values()
        .any(|v| v.repaint_delay < Duration::MAX);
    let primitives = ctx.tessellate(out.shapes, out.pixels_per_point).len();
    let mut textures = out.textures_delta;
    textures.clear();
    (
        Frame {
            primitives,
            wants_repaint,
            actions,
        },
        out.platform_output,
    )
}

/// One frame of `tab`'s view.
pub fn tab_frame(ctx: &egui::Context, n: u64, tab: Tab, view: &ViewCtx<'_>) -> Frame {
    run_frame(ctx, n, |ui, actions| {
        waymark::ui::tabs::tab_ui(ui, tab, view, actions);
    })
}

/// A document with its derived data, ready for views.
pub struct Loaded {
    /// The document.
    pub doc: Document,
    /// Index, filter, coverage and timeline.
    pub derived: Derived,
}

impl Loaded {
    /// Derives everything for `doc`.
    pub fn new(doc: Document) -> Self {
        let derived = Derived::compute(&doc.roadmap, inputs());
        Self { doc, derived }
    }

    /// The views' context.
    pub fn view(&self) -> ViewCtx<'_> {
        ViewCtx::new(&self.doc.roadmap, &self.derived)
    }
}

/// A lowercase name for a tab, for benchmark IDs.
pub fn tab_name(tab: Tab) -> String {
    format!("{tab:?}").to_lowercase()
}
