//! The bundled Japanese font (`BIZ UDPGothic`, SIL OFL 1.1; licence in `assets/OFL.txt`).
//!
//! It is installed first in both families, so Japanese never depends on the fonts of the machine
//! and never renders as tofu. egui's own fonts stay behind it for symbols and emoji.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The font file's bytes.
pub const BIZ_UDP_GOTHIC: &[u8] = include_bytes!("../assets/BIZUDPGothic-Regular.ttf");

/// Font definitions with `BIZ UDPGothic` first in every family.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "biz-udp-gothic".to_owned(),
        Arc::new(FontData::from_static(BIZ_UDP_GOTHIC)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "biz-udp-gothic".to_owned());
    }
    fonts
}

/// Installs the bundled font in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
