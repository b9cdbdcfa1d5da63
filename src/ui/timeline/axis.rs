//! The time axis: the year grid behind the lanes with faint guides at target horizons, today's
//! line, and the axis strip fixed at the top with 西暦 years, optional 令和 years and the word
//! "today".

use egui::{Align2, FontId, Pos2, Rangef, Rect, Shape, Stroke, Vec2};

use super::frame::Frame;
use crate::analysis::timeline::Layer;
use crate::analysis::timeline_view::{reiwa_label, tick_step_years, today_in_japan};
use crate::model::ItemKind;
use crate::ui::ViewCtx;
use crate::ui::linkage::kind_color;

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

/// Draws today's line over the lanes.
pub(super) fn today_line(painter: &egui::Painter, visuals: &egui::Visuals, frame: &Frame) {
    let x = today_x(frame);
    if frame.body.x_range().contains(x) {
        painter.with_clip_rect(frame.body).vline(
            x,
            frame.body.y_range(),
            Stroke::new(2.0, visuals.error_fg_color),
        );
    }
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
        axis_painter.galley(label_rect.min, label, visuals.strong_text_color());
        if reiwa && let Some(r) = reiwa_label(fy, false) {
            axis_painter.text(
                Pos2::new(at, axis.top() + 20.0),
                align,
                r,
                FontId::proportional(11.0),
                visuals.weak_text_color(),
            );
        }
    }
    let today_x = today_x(frame);
    let today_color = visuals.error_fg_color;
    if axis.x_range().contains(today_x) {
        axis_painter.vline(
            today_x,
            Rangef::new(axis.top() + 2.0, axis.bottom()),
            Stroke::new(2.0, today_color),
        );
        // The word sits just under the axis, on a backing so that lanes do not show through.
        let word = painter.layout_no_wrap(
            ctx.t("今日", "today").to_owned(),
            FontId::proportional(11.0),
            today_color,
        );
        let at = Pos2::new(today_x + 3.0, body.top() + 2.0);
        let body_painter = painter.with_clip_rect(body);
        body_painter.rect_filled(
            Rect::from_min_size(at, word.size()).expand(1.0),
            2.0,
            visuals.extreme_bg_color,
        );
        body_painter.galley(at, word, today_color);
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
