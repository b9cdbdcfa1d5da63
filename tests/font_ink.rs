//! Every character the roadmaps use for ranges and "not funded" is visible: en and em dashes
//! get at least the ink of a hyphen at the interface's text sizes (the dashes of `BIZ UDPGothic` are
//! 0.6 px thick at 13 px and vanish).

/// The strongest coverage (0–1) in the rows of each glyph of `chars`, laid out at `size` points
/// with the bundled fonts, in order.
fn ink(chars: &[char], size: f32) -> Vec<f32> {
    let ctx = egui::Context::default();
    waymark::fonts::install(&ctx);
    let mut galleys = Vec::new();
    // The first pass loads the fonts; the second lays the text out with them.
    for _ in 0..2 {
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            galleys = chars
                .iter()
                .map(|c| {
                    ui.fonts_mut(|f| {
                        f.layout_no_wrap(
                            c.to_string(),
                            egui::FontId::proportional(size),
                            egui::Color32::WHITE,
                        )
                    })
                })
                .collect();
        });
        out.textures_delta.clear();
    }
    #[allow(clippy::redundant_closure_for_method_calls)] // The method is generic over a lifetime.
    let image = ctx.fonts(|f| f.image());
    galleys
        .iter()
        .map(|g| {
            let uv = g.rows[0].glyphs[0].uv_rect;
            // The strongest row, summed across and divided by the glyph's width: a solid line
            // one pixel high is 1.
            let width = f32::from(uv.max[0] - uv.min[0]).max(1.0);
            (uv.min[1]..uv.max[1])
                .map(|y| {
                    (uv.min[0]..uv.max[0])
                        .map(|x| f32::from(image[(usize::from(x), usize::from(y))].a()) / 255.0)
                        .sum::<f32>()
                        / width
                })
                .fold(0.0, f32::max)
        })
        .collect()
}

#[test]
fn dashes_are_as_visible_as_a_hyphen() {
    for size in [11.0, 12.5, 13.0, 14.0] {
        let [hyphen, en, em, bar] = ink(&['-', '–', '—', '―'], size)[..] else {
            unreachable!()
        };
        for (name, dash) in [("en dash", en), ("em dash", em), ("horizontal bar", bar)] {
            assert!(
                dash >= 0.9 * hyphen,
                "{name} at {size} pt: strongest row {dash:.2}, hyphen {hyphen:.2}"
            );
        }
    }
}
