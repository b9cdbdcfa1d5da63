//! What a screen reader sees, written to a file for scripts that drive the real window.
//!
//! With `WAYMARK_WIDGETS_FILE=PATH` set, the running app writes after every frame that changed it
//! one line per labelled widget: `label<TAB>x<TAB>y<TAB>width<TAB>height`, in window pixels,
//! taken from the accessibility tree egui builds. A script (the windowed kill test, or a person
//! checking a layout) finds a button by its label there and clicks it with real input, as a
//! user would; nothing in the app behaves differently.

use std::fmt::Write as _;
use std::path::PathBuf;

/// The environment variable naming the file.
pub const WIDGETS_FILE_ENV: &str = "WAYMARK_WIDGETS_FILE";

/// Writes the labelled widgets of each frame to a file ([`WIDGETS_FILE_ENV`]).
pub struct WidgetsFile {
    path: PathBuf,
    /// What was written last, so an unchanged frame writes nothing.
    last: String,
}

impl WidgetsFile {
    /// The plugin named by the environment, if it asks for one.
    pub fn from_env() -> Option<Self> {
        let path = std::env::var_os(WIDGETS_FILE_ENV).filter(|p| !p.is_empty())?;
        Some(Self {
            path: PathBuf::from(path),
            last: String::new(),
        })
    }
}

impl egui::Plugin for WidgetsFile {
    fn debug_name(&self) -> &'static str {
        "waymark-widgets-file"
    }

    fn setup(&mut self, ctx: &egui::Context) {
        ctx.enable_accesskit();
    }

    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut egui::FullOutput) {
        let Some(update) = &output.platform_output.accesskit_update else {
            return;
        };
        let ppp = f64::from(output.pixels_per_point);
        let mut text = String::new();
        for (_, node) in &update.nodes {
            let (Some(label), Some(b)) = (node.label(), node.bounds()) else {
                continue;
            };
            let label = label.replace(['\t', '\n'], " ");
            writeln!(
                text,
                "{label}\t{:.0}\t{:.0}\t{:.0}\t{:.0}",
                b.x0 * ppp,
                b.y0 * ppp,
                (b.x1 - b.x0) * ppp,
                (b.y1 - b.y0) * ppp
            )
            .ok();
        }
        if text == self.last {
            return;
        }
        // Whole or not at all, so a reader never sees half a frame.
        if crate::document::write_atomic(&self.path, text.as_bytes()).is_ok() {
            self.last = text;
        }
    }
}
