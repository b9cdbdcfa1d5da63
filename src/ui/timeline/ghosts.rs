//! A comparison on the timeline: where a measure's bar is on the other side of the comparison,
//! drawn as a grey ghost in the same row, an arrow from the ghost to the bar, and the move in
//! fiscal years ("+2 FY") in a badge beside it.

use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, Vec2};

use super::frame::Frame;
use crate::analysis::scenario::Move;
use crate::analysis::timeline::Bar;
use crate::model::ItemRef;
use crate::ui::ViewCtx;

/// The colour of the arrows and badges of moved measures.
fn accent(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 170, 60)
    } else {
        Color32::from_rgb(200, 90, 0)
    }
}

/// The move of the measure of `bar`, when a comparison is shown and its span differs.
pub(super) fn move_of<'a>(ctx: &ViewCtx<'a>, bar: &Bar) -> Option<&'a Move> {
    let ItemRef::Measure(id) = &bar.item else {
        return None;
    };
    ctx.scenarios
        .comparison?
        .move_of(id)
        .filter(|m| m.span_moved())
}

/// Where the other side of the comparison has `bar` (whose rect is `bar_rect`), when it moved.
fn ghost_rect(ctx: &ViewCtx<'_>, frame: &Frame, bar: &Bar, bar_rect: Rect) -> Option<Rect> {
    let from = move_of(ctx, bar)?.from_span.as_ref()?;
    Some(Rect::from_min_max(
        Pos2::new(frame.x(f64::from(from.start_fy)), bar_rect.top()),
        Pos2::new(
            frame.x(f64::from(from.end_fy) + 1.0) - 1.0,
            bar_rect.bottom(),
        ),
    ))
}

/// Fills the ghost of `bar` (drawn before the bar, under it).
pub(super) fn paint_ghost(
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    frame: &Frame,
    (bar, bar_rect): (&Bar, Rect),
) {
    if let Some(ghost) = ghost_rect(ctx, frame, bar, bar_rect) {
        painter.rect_filled(ghost, 3.0, visuals.weak_text_color().gamma_multiply(0.18));
    }
}

/// Outlines the ghost of `bar` and draws the arrow from it to the bar (drawn after the bar,
/// so that where they overlap the ghost's end still shows).
fn paint_ghost_outline(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    ghost: Rect,
    bar_rect: Rect,
) {
    let outline = [
        ghost.left_top(),
        ghost.right_top(),
        ghost.right_bottom(),
        ghost.left_bottom(),
        ghost.left_top(),
    ];
    let grey = visuals.weak_text_color();
    painter.extend(Shape::dashed_line(
        &outline,
        Stroke::new(1.5, grey),
        3.0,
        3.0,
    ));
    // The arrow runs along the bar's top edge, from where the ghost starts to where the bar does
    // (or, when only the end moved, between the ends).
    let (a, b) = if (ghost.left() - bar_rect.left()).abs() > 1.0 {
        (ghost.left(), bar_rect.left())
    } else {
        (ghost.right(), bar_rect.right())
    };
    if (a - b).abs() > 4.0 {
        let y = bar_rect.top() + 2.0;
        let stroke = Stroke::new(2.0, accent(visuals.dark_mode));
        painter.line_segment([Pos2::new(a, y), Pos2::new(b, y)], stroke);
        // A small head, the same size however far the bar moved.
        let back = if b > a { -5.0 } else { 5.0 };
        for dy in [-4.0, 4.0] {
            painter.line_segment([Pos2::new(b, y), Pos2::new(b + back, y + dy)], stroke);
        }
    }
}

/// Paints the ghost's outline and arrow, and the badge saying how far `bar` moved: in the part
/// of the ghost the bar leaves uncovered when it fits there, else just after the bar. Returns
/// the badge's rect.
pub(super) fn paint_badge(
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    frame: &Frame,
    (bar, bar_rect): (&Bar, Rect),
) -> Option<Rect> {
    let moved = move_of(ctx, bar)?;
    if let Some(ghost) = ghost_rect(ctx, frame, bar, bar_rect) {
        paint_ghost_outline(painter, visuals, ghost, bar_rect);
    }
    let text = moved.delta_label();
    if text.is_empty() {
        return None;
    }
    let accent = accent(visuals.dark_mode);
    let ink = if visuals.dark_mode {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    let galley = painter.layout_no_wrap(text, FontId::proportional(11.5), ink);
    let size = galley.size() + Vec2::new(8.0, 2.0);
    let ghost_left = moved
        .from_span
        .as_ref()
        .map_or(bar_rect.left(), |f| frame.x(f64::from(f.start_fy)));
    let left = if bar_rect.left() - ghost_left >= size.x + 4.0 {
        ghost_left + (bar_rect.left() - ghost_left - size.x) * 0.5
    } else {
        bar_rect.right() + 3.0
    };
    let badge = Rect::from_min_size(Pos2::new(left, bar_rect.center().y - size.y * 0.5), size);
    painter.rect_filled(badge, 6.0, accent);
    painter.galley(badge.center() - galley.size() * 0.5, galley, ink);
    Some(badge)
}
