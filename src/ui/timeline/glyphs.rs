//! The shapes of the timeline, shared by the chart and its legend: bars drawn by the provenance of
//! their timing, ★ for target states, ◆ for events, flags for KPI deadlines, and the two marks of a
//! gap without timing of its own (unaddressed, or its measures give none).

use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2};

use crate::analysis::timeline::MarkerKind;
use crate::model::{ItemKind, Provenance};

/// Paints a bar with its provenance: solid when stated, translucent and hatched with a dashed
/// outline when assumed, translucent with a solid outline when editorial.
pub(crate) fn paint_bar(painter: &egui::Painter, r: Rect, color: Color32, provenance: Provenance) {
    match provenance {
        Provenance::Stated => {
            painter.rect_filled(r, 3.0, color);
        }
        Provenance::Assumed => {
            painter.rect_filled(r, 3.0, color.gamma_multiply(0.22));
            let hatch = painter.with_clip_rect(r.intersect(painter.clip_rect()));
            let step = 7.0;
            let mut x = r.left() - r.height();
            while x < r.right() {
                hatch.line_segment(
                    [Pos2::new(x, r.bottom()), Pos2::new(x + r.height(), r.top())],
                    Stroke::new(1.0, color.gamma_multiply(0.7)),
                );
                x += step;
            }
            let outline = [
                r.left_top(),
                r.right_top(),
                r.right_bottom(),
                r.left_bottom(),
                r.left_top(),
            ];
            painter.extend(Shape::dashed_line(
                &outline,
                Stroke::new(1.2, color),
                5.0,
                3.0,
            ));
        }
        Provenance::Editorial => {
            painter.rect_filled(r, 3.0, color.gamma_multiply(0.22));
            painter.rect_stroke(r, 3.0, Stroke::new(1.5, color), StrokeKind::Inside);
        }
    }
}

/// Paints ◆ centred at `c`.
pub(super) fn paint_diamond(painter: &egui::Painter, c: Pos2, r: f32, color: Color32) {
    painter.add(Shape::convex_polygon(
        vec![
            c + Vec2::new(0.0, -r),
            c + Vec2::new(r, 0.0),
            c + Vec2::new(0.0, r),
            c + Vec2::new(-r, 0.0),
        ],
        color,
        Stroke::NONE,
    ));
}

/// Paints a flag of height `h` standing on `base`.
pub(super) fn paint_flag(painter: &egui::Painter, base: Pos2, h: f32, color: Color32) {
    let top = base - Vec2::new(0.0, h);
    painter.line_segment([base, top], Stroke::new(1.5, color));
    painter.add(Shape::convex_polygon(
        vec![top, top + Vec2::new(9.0, 3.5), top + Vec2::new(0.0, 7.0)],
        color,
        Stroke::NONE,
    ));
}

/// Paints ★ centred at `c`.
pub(super) fn paint_star(painter: &egui::Painter, c: Pos2, size: f32, color: Color32) {
    painter.text(
        c,
        Align2::CENTER_CENTER,
        "★",
        FontId::proportional(size),
        color,
    );
}

/// Paints the mark of an unaddressed gap centred at `c`: an empty set (∅), a ring struck through,
/// in the warning colour.
pub(super) fn paint_unaddressed(painter: &egui::Painter, c: Pos2, r: f32, color: Color32) {
    let stroke = Stroke::new(2.0, color);
    painter.circle_stroke(c, r, stroke);
    let d = Vec2::splat(r * 0.95);
    painter.line_segment([c + Vec2::new(-d.x, d.y), c + Vec2::new(d.x, -d.y)], stroke);
}

/// Paints the mark of a gap whose measures give no timing, centred at `c`: a ring with a question
/// mark, in the gap colour.
pub(super) fn paint_untimed(painter: &egui::Painter, c: Pos2, r: f32, color: Color32) {
    painter.circle_stroke(c, r, Stroke::new(1.5, color));
    painter.text(
        c + Vec2::new(0.0, 0.5),
        Align2::CENTER_CENTER,
        "?",
        FontId::proportional(r * 1.5),
        color,
    );
}

/// Paints a marker's glyph at `x` in a row spanning `top..bottom`, by its item's kind and what
/// its position means. `warning` is the colour of an unaddressed gap.
pub(super) fn paint_marker(
    painter: &egui::Painter,
    (kind, marker_kind): (ItemKind, MarkerKind),
    x: f32,
    (top, bottom): (f32, f32),
    color: Color32,
    warning: Color32,
) {
    let c = Pos2::new(x, (top + bottom) * 0.5);
    match (kind, marker_kind) {
        (_, MarkerKind::Unaddressed(_)) => paint_unaddressed(painter, c, 6.0, warning),
        (_, MarkerKind::Untimed(_)) => paint_untimed(painter, c, 6.5, color),
        (ItemKind::Target, MarkerKind::Dated) => paint_star(painter, c, 18.0, color),
        (ItemKind::Kpi, MarkerKind::Dated) => paint_flag(
            painter,
            Pos2::new(x, bottom - 3.0),
            bottom - top - 6.0,
            color,
        ),
        (_, MarkerKind::Dated) => paint_diamond(painter, c, 6.0, color),
    }
}
