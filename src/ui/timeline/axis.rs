//! The time axis: the year grid behind the lanes with faint guides at target horizons, today's
//! line, and the axis strip fixed at the top with 西暦 years, optional 令和 years and the word
//! "today". Today's line never crosses text: it is broken around the labels it meets, and its tag
//! goes where no year label stands.

use std::sync::Arc;

use egui::{Align2, FontId, Pos2, Rangef, Rect, Shape, Stroke, Vec2};

use super::frame::Frame;
use crate::analysis::timeline::Layer;
use crate::analysis::timeline_text::{Boxed, first_clear, line_segments};
use crate::analysis::timeline_view::{reiwa_label, tick_step_years, today_in_japan};
use crate::model::ItemKind;
use crate::ui::ViewCtx;
use crate::ui::linkage::kind_color;

/// The top of the row of 令和 years, from the top of the axis strip.
const REIWA_TOP: f32 = 20.0;

/// The least room between today's tag and a year label.
const TAG_CLEARANCE: f32 = 3.0;

/// Fewest points between two labelled ticks.
const MIN_TICK_PX: f64 = 44.0;

/// The labelled years in view, and the years between them.
fn ticks(frame: &Frame) -> (impl Iterator<Item = i32>, i32) {
    let (view_start, view_end) = frame.visible();
    let step = tick_step_years(frame.scale.px_per_year, MIN_TICK_PX);
    let first = (view_start.floor() as i32).div_euclid(step) * step;
    let years = (0..)
        .map(move |k| first + k * step)
        .take_while(move |&fy| f64::from(fy) <= view_end);
    (years, step)
}

fn grid_stroke(visuals: &egui::Visuals) -> Stroke {
    Stroke::new(0.5, visuals.weak_text_color().gamma_multiply(0.5))
}

/// Draws the year grid and the target horizons behind the lanes.
pub(super) fn grid(
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    frame: &Frame,
) {
    let body = frame.body;
    let body_painter = painter.with_clip_rect(body);
    let (years, _) = ticks(frame);
    for fy in years {
        body_painter.vline(frame.x(f64::from(fy)), body.y_range(), grid_stroke(visuals));
    }
    let target_color = kind_color(ItemKind::Target, visuals.dark_mode);
    // One line per horizon in view, however many target states share it.
    let mut xs: Vec<f32> = ctx
        .timeline
        .lanes
        .iter()
        .filter(|l| l.layer == Layer::Targets)
        .flat_map(|l| &l.markers)
        .map(|m| frame.x(m.at).round())
        .filter(|x| body.x_range().contains(*x))
        .collect();
    xs.sort_by(f32::total_cmp);
    xs.dedup();
    for x in xs {
        body_painter.extend(Shape::dashed_line(
            &[Pos2::new(x, body.top()), Pos2::new(x, body.bottom())],
            Stroke::new(1.0, target_color.gamma_multiply(0.35)),
            4.0,
            4.0,
        ));
    }
}

/// The screen x of today.
fn today_x(frame: &Frame) -> f32 {
    frame.x(today_in_japan().fy_position())
}

/// Draws today's line beneath the lanes' contents, in `slot` (a place kept in the painter's
/// list before the bars were drawn), broken where it would cross a label in `texts`.
pub(super) fn today_line(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    frame: &Frame,
    slot: egui::layers::ShapeIdx,
    texts: &[Rect],
) {
    let x = today_x(frame);
    let body = frame.body;
    if !body.x_range().contains(x) {
        return;
    }
    let around: Vec<Boxed> = texts.iter().map(|r| boxed(*r)).collect();
    let stroke = Stroke::new(2.0, visuals.error_fg_color);
    let shapes: Vec<Shape> = line_segments(
        f64::from(x),
        (f64::from(body.top()), f64::from(body.bottom())),
        &around,
        2.0,
    )
    .into_iter()
    .map(|(top, bottom)| Shape::vline(x, Rangef::new(top as f32, bottom as f32), stroke))
    .collect();
    painter.with_clip_rect(body).set(slot, Shape::Vec(shapes));
}

fn boxed(r: Rect) -> Boxed {
    [
        f64::from(r.left()),
        f64::from(r.top()),
        f64::from(r.right()),
        f64::from(r.bottom()),
    ]
}

/// Where today's tag goes in the axis strip: beside today's line in the row of 令和 years or in
/// the row of years, wherever it keeps clear of the labels; failing that, centred on the line in
/// the row of 令和 years.
fn today_tag(axis: Rect, x: f32, size: Vec2, labels: &[(Rect, Arc<egui::Galley>, bool)]) -> Rect {
    let sides = [x + 4.0, x - 4.0 - size.x];
    let rows = [axis.top() + REIWA_TOP, axis.top() + 3.0];
    let candidates: Vec<Rect> = rows
        .iter()
        .flat_map(|&t| sides.map(|l| Rect::from_min_size(Pos2::new(l, t), size)))
        .collect();
    let obstacles: Vec<Boxed> = labels
        .iter()
        .map(|(r, _, _)| boxed(r.expand(TAG_CLEARANCE)))
        .collect();
    let boxes: Vec<Boxed> = candidates.iter().map(|r| boxed(*r)).collect();
    if let Some(i) = first_clear(&boxes, boxed(axis), &obstacles) {
        return candidates[i];
    }
    let left = (x - size.x * 0.5).clamp(axis.left(), (axis.right() - size.x).max(axis.left()));
    Rect::from_min_size(Pos2::new(left, rows[0]), size)
}

/// Draws the axis strip at the top and the corner above the lane titles.
pub(super) fn axis_ui(
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    frame: &Frame,
    reiwa: bool,
) {
    let body = frame.body;
    let rect = frame.rect;
    let axis = Rect::from_min_max(
        Pos2::new(body.left(), rect.top()),
        Pos2::new(body.right(), body.top()),
    );
    let axis_painter = painter.with_clip_rect(axis);
    axis_painter.rect_filled(axis, 0.0, visuals.panel_fill);
    axis_painter.hline(
        axis.x_range(),
        axis.bottom(),
        Stroke::new(1.0, visuals.weak_text_color()),
    );
    let (years, step) = ticks(frame);
    // The labels first, so that today's tag and line can keep clear of them.
    let mut labels: Vec<(Rect, Arc<egui::Galley>, bool)> = Vec::new();
    for fy in years {
        let x = frame.x(f64::from(fy));
        axis_painter.vline(
            x,
            Rangef::new(axis.bottom() - 6.0, axis.bottom()),
            grid_stroke(visuals),
        );
        // Single years are labelled in their middle; steps of several at their start.
        let (at, align) = if step == 1 {
            (frame.x(f64::from(fy) + 0.5), Align2::CENTER_TOP)
        } else {
            (x + 2.0, Align2::LEFT_TOP)
        };
        let label = painter.layout_no_wrap(
            fy.to_string(),
            FontId::proportional(13.0),
            visuals.strong_text_color(),
        );
        let label_rect = align.anchor_size(Pos2::new(at, axis.top() + 3.0), label.size());
        if label_rect.left() < axis.left() || label_rect.right() > axis.right() {
            // A year cut at an edge reads as another year ("5" for 2025, "20" for 2040).
            continue;
        }
        labels.push((label_rect, label, false));
        if reiwa && let Some(r) = reiwa_label(fy, false) {
            let galley =
                painter.layout_no_wrap(r, FontId::proportional(11.0), visuals.weak_text_color());
            let r_rect = align.anchor_size(Pos2::new(at, axis.top() + REIWA_TOP), galley.size());
            labels.push((r_rect, galley, true));
        }
    }
    let today_x = today_x(frame);
    let today_color = visuals.error_fg_color;
    let mut tag = None;
    if axis.x_range().contains(today_x) {
        let word = painter.layout_no_wrap(
            ctx.t("今日", "today").to_owned(),
            FontId::proportional(11.0),
            today_color,
        );
        let placed = today_tag(axis, today_x, word.size(), &labels);
        // A 令和 year under the tag gives way to it (the 西暦 year above still tells it).
        labels
            .retain(|(r, _, is_reiwa)| !(*is_reiwa && r.expand(TAG_CLEARANCE).intersects(placed)));
        tag = Some((placed, word));
    }
    for (r, galley, is_reiwa) in &labels {
        let color = if *is_reiwa {
            visuals.weak_text_color()
        } else {
            visuals.strong_text_color()
        };
        axis_painter.galley(r.min, galley.clone(), color);
    }
    if let Some((placed, word)) = tag {
        let mut around: Vec<Boxed> = labels.iter().map(|(r, _, _)| boxed(*r)).collect();
        around.push(boxed(placed));
        for (top, bottom) in line_segments(
            f64::from(today_x),
            (f64::from(axis.top() + 2.0), f64::from(axis.bottom())),
            &around,
            2.0,
        ) {
            axis_painter.vline(
                today_x,
                Rangef::new(top as f32, bottom as f32),
                Stroke::new(2.0, today_color),
            );
        }
        axis_painter.galley(placed.min, word, today_color);
    }
    let corner = Rect::from_min_max(rect.min, Pos2::new(body.left(), body.top()));
    painter.rect_filled(corner, 0.0, visuals.panel_fill);
    painter.text(
        corner.left_bottom() + Vec2::new(6.0, -4.0),
        Align2::LEFT_BOTTOM,
        ctx.t("年度（西暦／令和）", "Fiscal year"),
        FontId::proportional(12.0),
        visuals.weak_text_color(),
    );
}
