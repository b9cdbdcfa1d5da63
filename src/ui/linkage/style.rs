//! The look the linkage view shares with the timeline: the colour of each item kind and of stated
//! and judged links, the curve that draws a link, and the line samples of the legends.

use egui::epaint::CubicBezierShape;
use egui::{Color32, Pos2, Rangef, Rect, Sense, Shape, Stroke, Vec2};

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

/// Dash and gap lengths of a link that is not stated.
const DASH: f32 = 6.0;
const DASH_GAP: f32 = 4.0;

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
    paint_bezier(painter, &curve, stroke, dashed, 0.0);
}

fn paint_bezier(
    painter: &egui::Painter,
    curve: &CubicBezierShape,
    stroke: Stroke,
    dashed: bool,
    dash_offset: f32,
) {
    if dashed {
        let points = curve.flatten(Some(0.5));
        painter.extend(Shape::dashed_line_with_offset(
            &points,
            stroke,
            &[DASH],
            &[DASH_GAP],
            dash_offset,
        ));
    } else {
        painter.add(curve.clone());
    }
}

/// Paints the horizontal curve of [`paint_curve`] as far as it runs through `band` (a vertical
/// range, with room to spare above and below it): a link running far past the view costs what
/// its visible stretch does, its dashes staying in place as the view scrolls.
pub(crate) fn paint_curve_through(
    painter: &egui::Painter,
    from: Pos2,
    to: Pos2,
    band: Rangef,
    stroke: Stroke,
    dashed: bool,
) {
    let dx = ((to.x - from.x) * 0.5).max(20.0);
    let curve = CubicBezierShape::from_points_stroke(
        [from, from + Vec2::new(dx, 0.0), to - Vec2::new(dx, 0.0), to],
        false,
        Color32::TRANSPARENT,
        stroke,
    );
    let rise = to.y - from.y;
    let margin = band.span();
    let wanted = band.expand(margin);
    if rise.abs() <= 4.0 * margin || (wanted.contains(from.y) && wanted.contains(to.y)) {
        paint_bezier(painter, &curve, stroke, dashed, 0.0);
        return;
    }
    // The control points share the ends' heights, so the height runs as a smoothstep of the
    // curve's parameter: y = from.y + rise·(3t² − 2t³), which inverts in closed form.
    let t_at = |y: f32| {
        let s = ((y - from.y) / rise).clamp(0.0, 1.0);
        (0.5 - ((1.0 - 2.0 * s).asin() / 3.0).sin()).clamp(0.0, 1.0)
    };
    let (a, b) = (t_at(wanted.min), t_at(wanted.max));
    let (t0, t1) = (a.min(b), a.max(b));
    // A box placed off any finite height (none in view yet) leaves nothing to draw.
    if !(t0.is_finite() && t1.is_finite()) || t1 <= t0 {
        return;
    }
    // Far from its ends the curve runs nearly straight up or down, so the height it has
    // travelled stands in for its length: the dashes keep their places as the view scrolls.
    // A dash starts every period from the curve's start; the first after the cut, this far in.
    let period = DASH + DASH_GAP;
    let travelled = (curve.sample(t0).y - from.y).abs();
    paint_bezier(
        painter,
        &curve.split_range(t0..t1),
        stroke,
        dashed,
        (period - travelled % period) % period,
    );
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
