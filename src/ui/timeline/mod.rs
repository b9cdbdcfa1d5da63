//! The fiscal-year timeline: lanes of target states (★), gaps, measures (grouped by ministry,
//! theme or proposal), events (◆) and KPI deadlines (flags) against a 西暦 / 令和 fiscal-year axis,
//! with a line for today.
//!
//! Drawn with the painter from the precomputed layout in `ctx.timeline`; the markers' labels are
//! packed for the current zoom once (kept until the zoom or the timeline changes), and each frame
//! draws only the lanes, rows and bars in view. The whole horizon fits the width until the user
//! zooms (Ctrl+scroll or the buttons) or pans (dragging or scrolling sideways); lanes scroll
//! vertically; the lane titles stay at the left and the axis at the top. Timing an editor assumed
//! or judged is drawn hatched or outlined, never like stated timing; gaps without timing of their
//! own are markers that say so. Selecting an item draws its links across lanes and dims what is
//! not near it.
//!
//! - `frame`: where lanes, rows and marker labels go on screen this frame;
//! - `axis`: the year grid, the axis strip and today's line;
//! - `lanes`: bars and markers, their labels, hit testing and accessible names;
//! - `glyphs`: the shapes of bars and markers, shared with the legend;
//! - `titles`: the lane titles at the left;
//! - `links`: the selection's links across lanes;
//! - `drag`: rescheduling and reassigning a measure by dragging its bar (when editable);
//! - `link_drag`: linking two items by dragging from one to the other with Shift held;
//! - `hover`: what hovering a bar or marker tells;
//! - `legend`: the key above the chart;
//! - `ghosts`: in a comparison, where the other side has each moved bar, and by how much.

mod axis;
mod drag;
mod frame;
mod ghosts;
pub(crate) mod glyphs;
mod hover;
mod lanes;
mod legend;
mod link_drag;
mod links;
mod titles;

use egui::{Pos2, Rect, Role, Sense, Vec2, WidgetInfo};

use super::ViewCtx;
use crate::action::Action;
use crate::analysis::timeline::Grouping;
use crate::analysis::timeline_view::{FyScale, data_range};
use crate::model::Zoom;
use frame::Frame;

/// Widest the lane-title column gets (on a wide canvas).
const LANE_W_MAX: f32 = 190.0;
/// Narrowest the lane-title column gets (on a narrow canvas).
const LANE_W_MIN: f32 = 124.0;
/// Height of the axis strip.
const AXIS_H: f32 = 40.0;
/// Height of one row of bars.
const ROW_H: f32 = 24.0;
/// Padding above and below a lane's rows.
const LANE_PAD: f32 = 6.0;
/// Height of the caption above the measure lanes.
const CAPTION_H: f32 = 20.0;
/// Width of the vertical scroll indicator.
const SCROLLBAR_W: f32 = 8.0;
/// Zoom factor of one button press.
const ZOOM_STEP: f64 = 1.5;
/// Size of the labels of bars and markers.
const LABEL_FONT_SIZE: f32 = 12.5;

/// Transient view state, kept in egui memory.
#[derive(Clone, Debug)]
struct ViewState {
    /// Horizontal scale the user zoomed or panned to; `None` while the whole horizon fits the
    /// width (the default, and after 全体を表示), so that it keeps fitting as the window resizes.
    scale: Option<FyScale>,
    /// Vertical scroll offset of the lanes, in points.
    scroll_y: f32,
    /// Whether the axis shows 令和 years under the 西暦 ones.
    reiwa: bool,
    /// A saved view to show from the next frame on (a presentation's step).
    pending: Option<Restore>,
    /// What the last frame showed, when the user had zoomed in: to save as a step.
    shown: Option<Zoom>,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            scale: None,
            scroll_y: 0.0,
            reiwa: true,
            pending: None,
            shown: None,
        }
    }
}

/// A saved view to show: the whole horizon, or a zoom.
#[derive(Clone, Copy, Debug)]
enum Restore {
    Whole,
    To(Zoom),
}

/// The key of the timeline's state in egui memory.
fn state_id() -> egui::Id {
    egui::Id::unique("waymark-timeline")
}

/// The part of the timeline in view, when the user zoomed in (else the whole horizon: `None`).
pub fn saved_view(ctx: &egui::Context) -> Option<Zoom> {
    ctx.data(|d| d.get_temp::<ViewState>(state_id()))
        .and_then(|s| s.shown)
}

/// Shows `zoom` (the whole horizon for `None`) from the next frame on.
pub fn restore_view(ctx: &egui::Context, zoom: Option<Zoom>) {
    ctx.data_mut(|d| {
        let mut state: ViewState = d.get_temp(state_id()).unwrap_or_default();
        state.pending = Some(zoom.map_or(Restore::Whole, Restore::To));
        d.insert_temp(state_id(), state);
    });
}

/// What the toolbar asked of the canvas this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ZoomRequest {
    None,
    By(f64),
    Fit,
}

/// Shows the timeline.
pub fn timeline_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let id = state_id();
    let mut state: ViewState = ui.ctx().data(|d| d.get_temp(id)).unwrap_or_default();
    ui.heading(ctx.t("タイムライン（年度）", "Timeline (fiscal years)"));
    let zoom = toolbar_ui(ui, ctx, &mut state, actions);
    legend::legend_ui(ui, ctx);
    canvas_ui(ui, ctx, &mut state, zoom, actions);
    ui.ctx().data_mut(|d| d.insert_temp(id, state));
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    state: &mut ViewState,
    actions: &mut Vec<Action>,
) -> ZoomRequest {
    let mut zoom = ZoomRequest::None;
    let hint = if ctx.editable {
        ctx.t(
            "ドラッグで移動・施策の期間変更、Shift+ドラッグでつなぐ",
            "Drag to move or reschedule, Shift+drag to link",
        )
    } else {
        ctx.t("ドラッグ・スクロールで移動", "Drag or scroll to move")
    };
    let zoom_hint = ctx.t(
        "Ctrl+スクロールでも拡大・縮小。ドラッグ・スクロールで移動",
        "Or Ctrl+scroll. Drag or scroll to move",
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(ctx.t("施策のまとめ方：", "Group measures by:"));
        for (g, ja, en) in [
            (Grouping::Ministry, "府省庁", "Ministry"),
            (Grouping::Theme, "項目", "Theme"),
            (Grouping::Proposal, "提言", "Proposal"),
        ] {
            let r = ui.selectable_label(ctx.grouping == g, ctx.t(ja, en));
            if r.clicked() && ctx.grouping != g {
                actions.push(Action::SetGrouping(g));
            }
        }
        ui.separator();
        if ui
            .button(ctx.t("－ 縮小", "- Zoom out"))
            .on_hover_text(zoom_hint)
            .clicked()
        {
            zoom = ZoomRequest::By(1.0 / ZOOM_STEP);
        }
        if ui
            .button(ctx.t("＋ 拡大", "+ Zoom in"))
            .on_hover_text(zoom_hint)
            .clicked()
        {
            zoom = ZoomRequest::By(ZOOM_STEP);
        }
        let fitted = state.scale.is_none();
        if ui
            .selectable_label(fitted, ctx.t("全体を表示", "Fit all"))
            .on_hover_text(ctx.t("全期間を幅に合わせる", "Fit the whole horizon"))
            .clicked()
        {
            zoom = ZoomRequest::Fit;
        }
        ui.checkbox(&mut state.reiwa, ctx.t("令和を併記", "Show Reiwa years"));
        // The hint only where it fits on the line (the zoom buttons' hover tells it too).
        let hint = ui.painter().layout_no_wrap(
            hint.to_owned(),
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().weak_text_color(),
        );
        if hint.size().x <= ui.available_rect_before_wrap().width() {
            ui.label(hint);
        }
    });
    zoom
}

/// The scale for this frame: the fitted one unless the user zoomed or panned, updated by the
/// pointer over the canvas, and never further out than the whole range nor off it. Also scrolls
/// the lanes vertically.
fn update_scale(
    ui: &egui::Ui,
    canvas: &egui::Response,
    rect: Rect,
    body: Rect,
    state: &mut ViewState,
    zoom: ZoomRequest,
    (data_start, data_end): (f64, f64),
) -> FyScale {
    let width = f64::from(body.width());
    let fit = FyScale::fit(data_start, data_end, width);
    match state.pending.take() {
        Some(Restore::To(z)) => {
            state.scale = Some(FyScale::fit(
                f64::from(z.start_fy),
                f64::from(z.end_fy) + 1.0,
                width,
            ));
            state.scroll_y = z.scroll as f32;
        }
        Some(Restore::Whole) => {
            state.scale = None;
            state.scroll_y = 0.0;
        }
        None => {}
    }
    let mut scale = match (state.scale, zoom) {
        (None, _) | (_, ZoomRequest::Fit) => fit,
        (Some(s), _) => s,
    };
    if let ZoomRequest::By(f) = zoom {
        scale.zoom_about(f, width * 0.5);
    }
    // Ctrl+scroll zooms, scroll pans and scrolls, drag moves.
    if ui.rect_contains_pointer(rect) {
        let (zoom_delta, scroll) = ui.ctx().input_mut(|i| {
            let d = i.smooth_scroll_delta;
            i.smooth_scroll_delta = Vec2::ZERO;
            (i.zoom_delta(), d)
        });
        if (zoom_delta - 1.0).abs() > f32::EPSILON {
            let anchor = ui
                .ctx()
                .pointer_hover_pos()
                .map_or(width * 0.5, |p| f64::from(p.x - body.left()));
            scale.zoom_about(f64::from(zoom_delta), anchor);
        }
        scale.pan_px(f64::from(scroll.x));
        state.scroll_y -= scroll.y;
    }
    if canvas.dragged() && !link_drag::active(ui) {
        let d = canvas.drag_delta();
        scale.pan_px(f64::from(d.x));
        state.scroll_y -= d.y;
    }
    if scale.px_per_year <= fit.px_per_year * (1.0 + 1e-6) {
        // The whole range is in view: back to following the width.
        state.scale = None;
        state.shown = (state.scroll_y > 0.0).then(|| Zoom {
            start_fy: data_start.floor() as i32,
            end_fy: data_end.ceil() as i32 - 1,
            scroll: state.scroll_y.round() as u32,
        });
        return fit;
    }
    scale.clamp_to(data_start, data_end, width);
    state.scale = Some(scale);
    let (from, to) = scale.visible(width);
    state.shown = Some(Zoom {
        start_fy: from.round() as i32,
        end_fy: (to.round() as i32 - 1).max(from.round() as i32),
        scroll: state.scroll_y.max(0.0).round() as u32,
    });
    scale
}

fn canvas_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    state: &mut ViewState,
    zoom: ZoomRequest,
    actions: &mut Vec<Action>,
) {
    let size = ui
        .available_size()
        .max(Vec2::new(LANE_W_MIN + 320.0, AXIS_H + 160.0));
    let (rect, canvas) = ui.allocate_exact_size(size, Sense::click_and_drag());
    canvas.widget_info(|| {
        WidgetInfo::labeled(Role::Group, true, ctx.t("タイムライン図", "Timeline chart"))
    });
    let lane_w = (rect.width() * 0.22).clamp(LANE_W_MIN, LANE_W_MAX);
    let body = Rect::from_min_max(
        Pos2::new(rect.left() + lane_w, rect.top() + AXIS_H),
        Pos2::new(rect.right() - SCROLLBAR_W, rect.bottom()),
    );
    let range = data_range(ctx.timeline);
    let scale = update_scale(ui, &canvas, rect, body, state, zoom, range);
    let mut frame = Frame::new(ui, ctx, rect, body, scale, range, state);
    if ctx.reveal && reveal_selection(ctx, &frame, state) {
        frame = Frame::new(ui, ctx, rect, body, scale, range, state);
    }

    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
    lanes::bands(&painter, &visuals, &frame);
    axis::grid(ctx, &painter, &visuals, &frame);
    // Today's line goes beneath the bars and labels, drawn once their places are known.
    let today_slot = painter.add(egui::Shape::Noop);
    let drawn = lanes::items_ui(ui, ctx, &painter, &frame, actions);
    // What can be linked, gathered only while a link drag starts or is under way.
    let starting = ctx.editable && canvas.drag_started() && link_drag::shift_held(ui);
    let targets = if starting || (ctx.editable && link_drag::active(ui)) {
        link_drag::targets(ctx, &frame, &drawn.items)
    } else {
        Vec::new()
    };
    if starting
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        && let Some((r, item)) = link_drag::item_at(&targets, origin)
    {
        link_drag::start(ui, item.clone(), *r);
    }
    axis::today_line(&painter, &visuals, &frame, today_slot, &drawn.texts);
    titles::titles_ui(ui, ctx, &painter, &frame, actions);
    if let Some(selection) = ctx.selection {
        links::paint_links(
            ctx,
            &painter.with_clip_rect(frame.lanes_clip()),
            &frame,
            selection,
            visuals.dark_mode,
        );
    }
    if let Some(p) = &drawn.prospect {
        drag::paint_prospect(
            ctx,
            &painter.with_clip_rect(frame.body),
            &visuals,
            &frame,
            p,
        );
    }
    axis::axis_ui(ctx, &painter, &visuals, &frame, state.reiwa);
    scroll_indicator(&painter, &visuals, &frame);

    link_drag::link_drag_ui(
        ui,
        ctx,
        &painter.with_clip_rect(frame.lanes_clip()),
        &targets,
        actions,
    );
    if canvas.clicked() && !drawn.clicked && ctx.selection.is_some() {
        actions.push(Action::Select(None));
    }
}

/// Scrolls the lanes so that the selection's row (its bar, its marker or its lane) is in view;
/// returns whether the scroll changed.
fn reveal_selection(ctx: &ViewCtx<'_>, frame: &Frame, state: &mut ViewState) -> bool {
    let Some(selection) = ctx.selection else {
        return false;
    };
    let found = ctx
        .timeline
        .lanes
        .iter()
        .enumerate()
        .find_map(|(li, lane)| {
            if let Some(bar) = lane.bars.iter().find(|b| &b.item == selection) {
                return Some((li, frame.bar_row(li, bar)));
            }
            if let Some(mi) = lane.markers.iter().position(|m| &m.item == selection) {
                return Some((li, frame.lanes[li].labels.get(mi).map_or(0, |l| l.row)));
            }
            (lane.key.as_ref() == Some(selection)).then_some((li, 0))
        });
    let Some((li, row)) = found else {
        return false;
    };
    let top = frame.lanes[li].top + LANE_PAD + row as f32 * ROW_H;
    let view_h = frame.body.height();
    if top >= frame.scroll_y && top + ROW_H <= frame.scroll_y + view_h {
        return false;
    }
    // A third of the way down, so that what it links to below shows too.
    state.scroll_y = (top - view_h / 3.0).max(0.0);
    true
}

/// The vertical scroll indicator at the right, when the lanes are taller than the view.
fn scroll_indicator(painter: &egui::Painter, visuals: &egui::Visuals, frame: &Frame) {
    let body = frame.body;
    if frame.content_h <= body.height() {
        return;
    }
    let track = Rect::from_min_max(Pos2::new(body.right(), body.top()), frame.rect.max);
    let frac = body.height() / frame.content_h;
    let thumb_h = (track.height() * frac).max(20.0);
    let thumb_top = track.top()
        + (track.height() - thumb_h) * (frame.scroll_y / (frame.content_h - body.height()));
    painter.rect_filled(
        Rect::from_min_size(
            Pos2::new(track.left() + 1.0, thumb_top),
            Vec2::new(SCROLLBAR_W - 2.0, thumb_h),
        ),
        3.0,
        visuals.widgets.inactive.bg_fill,
    );
}
