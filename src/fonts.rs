//! The bundled Japanese font (`BIZ UDPGothic`, SIL OFL 1.1; licence in `assets/OFL.txt`).
//!
//! It is installed first in both families, so Japanese never depends on the fonts of the machine
//! and never renders as tofu. egui's own fonts stay behind it for symbols and emoji. In front of
//! it, `Waymark Dashes` (`assets/WaymarkDashes.ttf`, made by `assets/make-waymark-dashes.py`)
//! gives its en and em dashes a hyphen's stroke: those of `BIZ UDPGothic` are too thin to show at the
//! interface's sizes.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The font file's bytes.
pub const BIZ_UDP_GOTHIC: &[u8] = include_bytes!("../assets/BIZUDPGothic-Regular.ttf");

/// The dashes (U+2012–2015) of `BIZ UDPGothic`, drawn with the stroke of its hyphen.
pub const WAYMARK_DASHES: &[u8] = include_bytes!("../assets/WaymarkDashes.ttf");

/// Font definitions with `Waymark Dashes`, then `BIZ UDPGothic`, first in every family.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let bundled = [
        ("waymark-dashes", WAYMARK_DASHES),
        ("biz-udp-gothic", BIZ_UDP_GOTHIC),
    ];
    for (name, bytes) in bundled {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        for (i, (name, _)) in bundled.iter().enumerate() {
            list.insert(i, (*name).to_owned());
        }
    }
    fonts
}

/// Installs the bundled font in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
