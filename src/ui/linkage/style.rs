//! The look the linkage view shares with the timeline: the colour of each item kind and of stated
//! and judged links, the curve that draws a link, and the line samples of the legends.

use egui::epaint::CubicBezierShape;
use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use crate::model::{ItemKind, Provenance};

/// The colour of an item kind's boxes and bars.
pub(crate) fn kind_color(kind: ItemKind, dark: bool) -> Color32 {
    let (light, dark_c) = match kind {
        ItemKind::Gap => (
            Color32::from_rgb(196, 120, 20),
            Color32::from_rgb(230, 160, 60),
        ),
        ItemKind::Measure => (
            Color32::from_rgb(40, 100, 190),
            Color32::from_rgb(100, 160, 240),
        ),
        ItemKind::Ministry => (
            Color32::from_rgb(30, 140, 90),
            Color32::from_rgb(90, 200, 140),
        ),
        ItemKind::Target => (
            Color32::from_rgb(200, 150, 0),
            Color32::from_rgb(250, 210, 60),
        ),
        ItemKind::Event => (
            Color32::from_rgb(130, 70, 170),
            Color32::from_rgb(190, 140, 230),
        ),
        ItemKind::Kpi => (
            Color32::from_rgb(200, 50, 60),
            Color32::from_rgb(240, 110, 110),
        ),
        _ => (Color32::from_gray(110), Color32::from_gray(170)),
    };
    if dark { dark_c } else { light }
}

/// The colour of a link: neutral when stated, orange when an editor judged or assumed it.
pub(crate) fn link_color(provenance: Provenance, dark: bool) -> Color32 {
    match (provenance, dark) {
        (Provenance::Stated, false) => Color32::from_rgb(70, 90, 120),
        (Provenance::Stated, true) => Color32::from_rgb(170, 185, 210),
        (_, false) => Color32::from_rgb(220, 110, 0),
        (_, true) => Color32::from_rgb(255, 160, 60),
    }
}

/// Paints a cubic curve from `from` to `to` leaving and entering horizontally (or vertically when
/// `vertical`), dashed when the link is not stated.
pub(crate) fn paint_curve(
    painter: &egui::Painter,
    from: Pos2,
    to: Pos2,
    vertical: bool,
    stroke: Stroke,
    dashed: bool,
) {
    let (c1, c2) = if vertical {
        let dy = (to.y - from.y) * 0.5;
        (from + Vec2::new(0.0, dy), to - Vec2::new(0.0, dy))
    } else {
        let dx = ((to.x - from.x) * 0.5).max(20.0);
        (from + Vec2::new(dx, 0.0), to - Vec2::new(dx, 0.0))
    };
    let curve = CubicBezierShape::from_points_stroke(
        [from, c1, c2, to],
        false,
        Color32::TRANSPARENT,
        stroke,
    );
    if dashed {
        let points = curve.flatten(Some(0.5));
        painter.extend(Shape::dashed_line(&points, stroke, 6.0, 4.0));
    } else {
        painter.add(curve);
    }
}

/// Draws a legend sample: a short line, solid or dashed.
pub(crate) fn legend_line(ui: &mut egui::Ui, color: Color32, width: f32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(28.0, 12.0), Sense::hover());
    paint_line_sample(ui.painter(), rect, color, width, dashed);
}

/// Paints a legend sample across the middle of `rect`: a line, solid or dashed.
pub(crate) fn paint_line_sample(
    painter: &egui::Painter,
    rect: Rect,
    color: Color32,
    width: f32,
    dashed: bool,
) {
    let a = rect.left_center();
    let b = rect.right_center();
    let stroke = Stroke::new(width, color);
    if dashed {
        painter.extend(Shape::dashed_line(&[a, b], stroke, 6.0, 4.0));
    } else {
        painter.line_segment([a, b], stroke);
    }
}
