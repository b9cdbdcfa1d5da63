//! PNG: the scene's SVG rasterised (resvg), `scale` pixels per point.

use resvg::{tiny_skia, usvg};

use super::ExportError;
use super::scene::Scene;

/// The most pixels a PNG may have (a guard against an absurd scale).
const MAX_PIXELS: f32 = 200_000_000.0;

/// The scene drawn as a PNG at `scale` pixels per point.
pub fn write(scene: &Scene, scale: f32) -> Result<Vec<u8>, ExportError> {
    let width = (scene.width * scale).ceil();
    let height = (scene.height * scale).ceil();
    if !(scale > 0.0 && width * height <= MAX_PIXELS) {
        return Err(ExportError::Png(format!(
            "{width}×{height} pixels is too large; choose a smaller scale"
        )));
    }
    let svg = super::svg::write(scene);
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default())
        .map_err(|e| ExportError::Png(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(width as u32, height as u32)
        .ok_or_else(|| ExportError::Png(format!("cannot make a {width}×{height} picture")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Png(e.to_string()))
}
