//! The fiscal-year timeline: lanes of target states (★), gaps, measures (grouped by ministry,
//! theme or proposal), events (◆) and KPI deadlines (flags) against a 西暦 / 令和 fiscal-year axis,
//! with a line for today.
//!
//! Drawn with the painter from the precomputed layout in `ctx.timeline`; each frame only draws, and
//! skips bars outside the visible range. Zoom with Ctrl+scroll or the buttons, pan by dragging or
//! scrolling sideways, scroll lanes vertically; the lane titles stay at the left and the axis at
//! the top. Timing an editor assumed or judged is drawn hatched or outlined, never like stated
//! timing. Selecting an item draws its links across lanes and dims what is not near it.

use std::collections::HashMap;

use egui::{
    Align2, Color32, FontId, Pos2, Rangef, Rect, Role, Sense, Shape, Stroke, StrokeKind, Vec2,
    WidgetInfo,
};

use super::ViewCtx;
use super::linkage::{item_label, item_tag, kind_color, legend_line, link_color, paint_curve};
use crate::action::Action;
use crate::analysis::labels;
use crate::analysis::linkage::focus_links;
use crate::analysis::timeline::{Grouping, Lane, Layer};
use crate::analysis::timeline_view::{
    FyScale, data_range, reiwa_label, span_label, tick_step_years, today_in_japan,
};
use crate::model::{ItemKind, ItemRef, Provenance};

/// Width of the lane-title column.
const LANE_W: f32 = 190.0;
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

/// Transient view state, kept in egui memory.
#[derive(Clone, Debug)]
struct ViewState {
    /// Horizontal scale; `None` until the first frame fits the data.
    scale: Option<FyScale>,
    /// Vertical scroll offset of the lanes, in points.
    scroll_y: f32,
    /// Whether the axis shows 令和 years under the 西暦 ones.
    reiwa: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            scale: None,
            scroll_y: 0.0,
            reiwa: true,
        }
    }
}

/// What the toolbar asked of the canvas this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ZoomRequest {
    None,
    By(f64),
    Fit,
}

/// The vertical place of a lane within the scrolled content.
struct LaneGeom {
    top: f32,
    height: f32,
}

/// Shows the timeline.
pub fn timeline_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let id = egui::Id::unique("waymark-timeline");
    let mut state: ViewState = ui.ctx().data(|d| d.get_temp(id)).unwrap_or_default();
    ui.heading(ctx.t("タイムライン（年度）", "Timeline (fiscal years)"));
    let zoom = toolbar_ui(ui, ctx, &mut state, actions);
    legend_ui(ui, ctx);
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
            .on_hover_text(ctx.t("Ctrl+スクロールでも拡大・縮小", "Or Ctrl+scroll"))
            .clicked()
        {
            zoom = ZoomRequest::By(1.0 / ZOOM_STEP);
        }
        if ui
            .button(ctx.t("＋ 拡大", "+ Zoom in"))
            .on_hover_text(ctx.t("Ctrl+スクロールでも拡大・縮小", "Or Ctrl+scroll"))
            .clicked()
        {
            zoom = ZoomRequest::By(ZOOM_STEP);
        }
        if ui
            .button(ctx.t("全体を表示", "Fit all"))
            .on_hover_text(ctx.t("全期間を幅に合わせる", "Fit the whole horizon"))
            .clicked()
        {
            zoom = ZoomRequest::Fit;
        }
        ui.checkbox(&mut state.reiwa, ctx.t("令和を併記", "Show Reiwa years"));
        ui.weak(ctx.t("ドラッグ・スクロールで移動", "Drag or scroll to move"));
    });
    zoom
}

/// Paints a bar with its provenance: solid when stated, translucent and hatched with a dashed
/// outline when assumed, translucent with a solid outline when editorial.
fn paint_bar(painter: &egui::Painter, r: Rect, color: Color32, provenance: Provenance) {
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

fn paint_diamond(painter: &egui::Painter, c: Pos2, r: f32, color: Color32) {
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

fn paint_flag(painter: &egui::Painter, base: Pos2, h: f32, color: Color32) {
    let top = base - Vec2::new(0.0, h);
    painter.line_segment([base, top], Stroke::new(1.5, color));
    painter.add(Shape::convex_polygon(
        vec![top, top + Vec2::new(9.0, 3.5), top + Vec2::new(0.0, 7.0)],
        color,
        Stroke::NONE,
    ));
}

fn paint_star(painter: &egui::Painter, c: Pos2, size: f32, color: Color32) {
    painter.text(
        c,
        Align2::CENTER_CENTER,
        "★",
        FontId::proportional(size),
        color,
    );
}

fn legend_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
    let dark = ui.visuals().dark_mode;
    let measure = kind_color(ItemKind::Measure, dark);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (provenance, ja, en) in [
            (Provenance::Stated, "出典記載の期間", "stated timing"),
            (Provenance::Assumed, "仮定の期間", "assumed timing"),
            (Provenance::Editorial, "編集判断の期間", "editorial timing"),
        ] {
            let (r, _) = ui.allocate_exact_size(Vec2::new(28.0, 12.0), Sense::hover());
            paint_bar(ui.painter(), r, measure, provenance);
            ui.label(ctx.t(ja, en));
            ui.add_space(8.0);
        }
        let (r, _) = ui.allocate_exact_size(Vec2::new(14.0, 14.0), Sense::hover());
        paint_star(
            ui.painter(),
            r.center(),
            14.0,
            kind_color(ItemKind::Target, dark),
        );
        ui.label(ctx.t("目指すべき姿", "target state"));
        ui.add_space(8.0);
        let (r, _) = ui.allocate_exact_size(Vec2::new(14.0, 14.0), Sense::hover());
        paint_diamond(
            ui.painter(),
            r.center(),
            5.0,
            kind_color(ItemKind::Event, dark),
        );
        ui.label(ctx.t("出来事", "event"));
        ui.add_space(8.0);
        let (r, _) = ui.allocate_exact_size(Vec2::new(14.0, 14.0), Sense::hover());
        paint_flag(
            ui.painter(),
            r.center_bottom(),
            13.0,
            kind_color(ItemKind::Kpi, dark),
        );
        ui.label(ctx.t("KPI期限（年度末）", "KPI deadline (end of FY)"));
        ui.add_space(8.0);
        let (r, _) = ui.allocate_exact_size(Vec2::new(10.0, 14.0), Sense::hover());
        ui.painter().vline(
            r.center().x,
            r.y_range(),
            Stroke::new(2.0, ui.visuals().error_fg_color),
        );
        ui.label(ctx.t("今日", "today"));
        ui.add_space(8.0);
        legend_line(ui, link_color(Provenance::Editorial, dark), 1.5, true);
        ui.label(ctx.t("編集判断のつながり", "editorial link"));
    });
}

/// The vertical layout of the lanes: each lane's top and height, and the content height.
fn lane_geometry(lanes: &[Lane]) -> (Vec<LaneGeom>, f32, Option<f32>) {
    let mut y = 0.0;
    let mut caption_at = None;
    let mut out = Vec::with_capacity(lanes.len());
    let mut previous: Option<Layer> = None;
    for lane in lanes {
        if lane.layer == Layer::Measures && previous != Some(Layer::Measures) {
            caption_at = Some(y);
            y += CAPTION_H;
        }
        let height = lane.rows.max(1) as f32 * ROW_H + 2.0 * LANE_PAD;
        out.push(LaneGeom { top: y, height });
        y += height;
        previous = Some(lane.layer);
    }
    (out, y, caption_at)
}

fn item_color(item: &ItemRef, dark: bool) -> Color32 {
    kind_color(item.kind(), dark)
}

/// Everything the canvas needs to place things on screen.
struct Frame {
    body: Rect,
    scale: FyScale,
    scroll_y: f32,
}

impl Frame {
    fn x(&self, fy: f64) -> f32 {
        self.body.left() + self.scale.x_of(fy) as f32
    }

    fn row_rect(&self, g: &LaneGeom, row: usize) -> (f32, f32) {
        let top = self.body.top() - self.scroll_y + g.top + LANE_PAD + row as f32 * ROW_H;
        (top, top + ROW_H)
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "one pass over the canvas, in drawing order"
)]
fn canvas_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    state: &mut ViewState,
    zoom: ZoomRequest,
    actions: &mut Vec<Action>,
) {
    let timeline = ctx.timeline;
    let size = ui
        .available_size()
        .max(Vec2::new(LANE_W + 320.0, AXIS_H + 160.0));
    let (rect, canvas) = ui.allocate_exact_size(size, Sense::click_and_drag());
    canvas.widget_info(|| {
        WidgetInfo::labeled(Role::Group, true, ctx.t("タイムライン図", "Timeline chart"))
    });
    let body = Rect::from_min_max(
        Pos2::new(rect.left() + LANE_W, rect.top() + AXIS_H),
        Pos2::new(rect.right() - SCROLLBAR_W, rect.bottom()),
    );
    let width = f64::from(body.width());
    let (data_start, data_end) = data_range(timeline);
    let fit = FyScale::fit(data_start, data_end, width);
    let mut scale = match (state.scale, zoom) {
        (None, _) | (_, ZoomRequest::Fit) => fit,
        (Some(s), _) => s,
    };
    if let ZoomRequest::By(f) = zoom {
        scale.zoom_about(f, width * 0.5);
    }

    // Pointer input over the canvas: Ctrl+scroll zooms, scroll pans and scrolls, drag moves.
    let (geoms, content_h, caption_at) = lane_geometry(&timeline.lanes);
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
    if canvas.dragged() {
        let d = canvas.drag_delta();
        scale.pan_px(f64::from(d.x));
        state.scroll_y -= d.y;
    }
    // Never zoom out further than the whole range, nor wander off it.
    if scale.px_per_year < fit.px_per_year {
        scale = FyScale {
            px_per_year: fit.px_per_year,
            ..scale
        };
    }
    scale.clamp_to(data_start, data_end, width);
    state.scale = Some(scale);
    state.scroll_y = state
        .scroll_y
        .clamp(0.0, (content_h - body.height()).max(0.0));
    let frame = Frame {
        body,
        scale,
        scroll_y: state.scroll_y,
    };
    let (view_start, view_end) = scale.visible(width);

    let visuals = ui.visuals().clone();
    let dark = visuals.dark_mode;
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
    let lanes_clip = Rect::from_min_max(Pos2::new(rect.left(), body.top()), body.max);
    let body_painter = painter.with_clip_rect(body);

    // Lane bands and layer separators.
    for (i, g) in geoms.iter().enumerate() {
        let top = body.top() - frame.scroll_y + g.top;
        let band = Rect::from_min_max(
            Pos2::new(rect.left(), top),
            Pos2::new(body.right(), top + g.height),
        );
        if i % 2 == 1 {
            painter
                .with_clip_rect(lanes_clip)
                .rect_filled(band, 0.0, visuals.faint_bg_color);
        }
        painter.with_clip_rect(lanes_clip).hline(
            band.x_range(),
            band.top(),
            Stroke::new(0.5, visuals.weak_text_color().gamma_multiply(0.4)),
        );
    }

    // Year grid.
    let step = tick_step_years(scale.px_per_year, 44.0);
    let first = (view_start.floor() as i32).div_euclid(step) * step;
    let grid = Stroke::new(0.5, visuals.weak_text_color().gamma_multiply(0.5));
    let mut fy = first;
    while f64::from(fy) <= view_end {
        body_painter.vline(frame.x(f64::from(fy)), body.y_range(), grid);
        fy += step;
    }
    // Target horizons as faint guides.
    let target_color = kind_color(ItemKind::Target, dark);
    for lane in timeline.lanes.iter().filter(|l| l.layer == Layer::Targets) {
        for m in &lane.markers {
            let x = frame.x(m.at);
            body_painter.extend(Shape::dashed_line(
                &[Pos2::new(x, body.top()), Pos2::new(x, body.bottom())],
                Stroke::new(1.0, target_color.gamma_multiply(0.35)),
                4.0,
                4.0,
            ));
        }
    }

    // Bars and markers, only those in view.
    let base = egui::Id::unique("waymark-timeline-item");
    let mut clicked_item = false;
    for (li, (lane, g)) in timeline.lanes.iter().zip(&geoms).enumerate() {
        let lane_top = body.top() - frame.scroll_y + g.top;
        if lane_top > body.bottom() || lane_top + g.height < body.top() {
            continue;
        }
        for (bi, bar) in lane.bars.iter().enumerate() {
            if bar.end < view_start || bar.start > view_end {
                continue;
            }
            let (top, bottom) = frame.row_rect(g, bar.row);
            if bottom < body.top() || top > body.bottom() {
                continue;
            }
            let r = Rect::from_min_max(
                Pos2::new(frame.x(bar.start), top + 3.0),
                Pos2::new(frame.x(bar.end) - 1.0, bottom - 3.0),
            );
            let dim = ctx.is_dimmed(&bar.item);
            let alpha = if dim { 0.25 } else { 1.0 };
            let color = item_color(&bar.item, dark).gamma_multiply(alpha);
            paint_bar(&body_painter, r, color, bar.provenance);
            // The label: inside when it fits, else after the bar up to the next one in its row.
            let next_start = lane
                .bars
                .iter()
                .filter(|b| b.row == bar.row && b.start >= bar.end - 1e-9)
                .map(|b| b.start)
                .fold(f64::INFINITY, f64::min);
            let galley = painter.layout_no_wrap(
                bar.label.clone(),
                FontId::proportional(12.5),
                visuals.text_color(),
            );
            let inside = galley.size().x + 8.0 <= r.width();
            let ink = if inside && bar.provenance == Provenance::Stated {
                if dark { Color32::BLACK } else { Color32::WHITE }
            } else {
                visuals.text_color()
            }
            .gamma_multiply(alpha);
            let (text_x, clip_right) = if inside {
                (r.left().max(body.left()) + 4.0, r.right() - 2.0)
            } else {
                (
                    r.right() + 4.0,
                    if next_start.is_finite() {
                        frame.x(next_start) - 3.0
                    } else {
                        body.right()
                    },
                )
            };
            let text_clip =
                Rect::from_min_max(Pos2::new(text_x, top), Pos2::new(clip_right, bottom))
                    .intersect(body);
            let text_pos = Pos2::new(text_x, r.center().y - galley.size().y * 0.5);
            let text_painter = painter.with_clip_rect(text_clip);
            if inside && bar.provenance != Provenance::Stated {
                // Keep the label readable over the hatching.
                text_painter.rect_filled(
                    Rect::from_min_size(text_pos, galley.size()).expand2(Vec2::new(3.0, 1.0)),
                    2.0,
                    visuals.extreme_bg_color.gamma_multiply(0.85 * alpha),
                );
            }
            text_painter.galley_with_override_text_color(text_pos, galley, ink);
            let hit = r.union(text_clip).intersect(body);
            let response = item_response(ui, ctx, base.with((li, bi, 'b')), hit, &bar.item);
            if ctx.is_selected(&bar.item) {
                body_painter.rect_stroke(
                    r.expand(1.5),
                    3.0,
                    Stroke::new(2.5, visuals.selection.stroke.color),
                    StrokeKind::Outside,
                );
            } else if response.hovered() {
                body_painter.rect_stroke(
                    r,
                    3.0,
                    Stroke::new(1.5, visuals.widgets.hovered.fg_stroke.color),
                    StrokeKind::Outside,
                );
            }
            if response.clicked() {
                clicked_item = true;
                actions.push(Action::Select(Some(bar.item.clone())));
            }
            response.on_hover_ui(|ui| {
                bar_hover_ui(ui, ctx, lane, bar.start, bar.end, bar.provenance, &bar.item);
            });
        }
        for (mi, marker) in lane.markers.iter().enumerate() {
            let x = frame.x(marker.at);
            if x < body.left() - 400.0 || x > body.right() {
                continue;
            }
            let (top, bottom) = frame.row_rect(g, marker.row);
            if bottom < body.top() || top > body.bottom() {
                continue;
            }
            let cy = (top + bottom) * 0.5;
            let dim = ctx.is_dimmed(&marker.item);
            let alpha = if dim { 0.25 } else { 1.0 };
            let color = item_color(&marker.item, dark).gamma_multiply(alpha);
            match marker.item.kind() {
                ItemKind::Target => paint_star(&body_painter, Pos2::new(x, cy), 18.0, color),
                ItemKind::Kpi => paint_flag(
                    &body_painter,
                    Pos2::new(x, bottom - 3.0),
                    ROW_H - 6.0,
                    color,
                ),
                _ => paint_diamond(&body_painter, Pos2::new(x, cy), 6.0, color),
            }
            let (text_x, right, galley) = marker_label_place(&painter, &visuals, &frame, lane, mi);
            let text_clip = Rect::from_min_max(Pos2::new(text_x, top), Pos2::new(right, bottom))
                .intersect(body);
            painter
                .with_clip_rect(text_clip)
                .galley_with_override_text_color(
                    Pos2::new(text_x, cy - galley.size().y * 0.5),
                    galley,
                    visuals.text_color().gamma_multiply(alpha),
                );
            let glyph = Rect::from_center_size(Pos2::new(x, cy), Vec2::splat(ROW_H - 4.0));
            let hit = glyph.union(text_clip).intersect(body);
            if hit.width() <= 0.0 {
                continue;
            }
            let response = item_response(ui, ctx, base.with((li, mi, 'm')), hit, &marker.item);
            if ctx.is_selected(&marker.item) {
                body_painter.rect_stroke(
                    glyph,
                    4.0,
                    Stroke::new(2.5, visuals.selection.stroke.color),
                    StrokeKind::Outside,
                );
            }
            if response.clicked() {
                clicked_item = true;
                actions.push(Action::Select(Some(marker.item.clone())));
            }
            response.on_hover_ui(|ui| marker_hover_ui(ui, ctx, marker.at, &marker.item));
        }
    }

    // Today.
    let today = today_in_japan();
    let today_x = frame.x(today.fy_position());
    let today_color = visuals.error_fg_color;
    if body.x_range().contains(today_x) {
        body_painter.vline(today_x, body.y_range(), Stroke::new(2.0, today_color));
    }

    // Lane titles, fixed at the left.
    let header = Rect::from_min_max(
        Pos2::new(rect.left(), body.top()),
        Pos2::new(body.left(), body.bottom()),
    );
    let header_painter = painter.with_clip_rect(header);
    header_painter.rect_filled(header, 0.0, visuals.panel_fill);
    header_painter.vline(
        header.right(),
        header.y_range(),
        Stroke::new(1.0, visuals.weak_text_color()),
    );
    if let Some(at) = caption_at {
        let y = body.top() - frame.scroll_y + at;
        let caption = match ctx.grouping {
            Grouping::Ministry => ctx.t("施策（府省庁別）", "Measures by ministry"),
            Grouping::Theme => ctx.t("施策（項目別）", "Measures by theme"),
            Grouping::Proposal => ctx.t("施策（提言別）", "Measures by proposal"),
        };
        header_painter.text(
            Pos2::new(rect.left() + 6.0, y + CAPTION_H * 0.5),
            Align2::LEFT_CENTER,
            caption,
            FontId::proportional(12.0),
            visuals.weak_text_color(),
        );
    }
    for (li, (lane, g)) in timeline.lanes.iter().zip(&geoms).enumerate() {
        let top = body.top() - frame.scroll_y + g.top;
        let r = Rect::from_min_size(Pos2::new(rect.left(), top), Vec2::new(LANE_W, g.height));
        lane_title_ui(
            ui,
            ctx,
            &header_painter,
            lane,
            r,
            header,
            base.with((li, 'h')),
            actions,
        );
    }

    // Links of the selection, over lanes and titles.
    if let Some(selection) = ctx.selection {
        paint_links(
            ctx,
            &painter.with_clip_rect(lanes_clip),
            &frame,
            &geoms,
            header,
            selection,
            dark,
        );
    }

    // Axis, fixed at the top.
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
    let mut fy = first;
    while f64::from(fy) <= view_end {
        let x = frame.x(f64::from(fy));
        axis_painter.vline(x, Rangef::new(axis.bottom() - 6.0, axis.bottom()), grid);
        let mid = if step == 1 {
            frame.x(f64::from(fy) + 0.5)
        } else {
            x
        };
        let align = if step == 1 {
            Align2::CENTER_TOP
        } else {
            Align2::LEFT_TOP
        };
        axis_painter.text(
            Pos2::new(mid + if step == 1 { 0.0 } else { 2.0 }, axis.top() + 3.0),
            align,
            fy.to_string(),
            FontId::proportional(13.0),
            visuals.strong_text_color(),
        );
        if state.reiwa
            && let Some(r) = reiwa_label(fy, false)
        {
            axis_painter.text(
                Pos2::new(mid + if step == 1 { 0.0 } else { 2.0 }, axis.top() + 20.0),
                align,
                r,
                FontId::proportional(11.0),
                visuals.weak_text_color(),
            );
        }
        fy += step;
    }
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

    // Vertical scroll indicator.
    if content_h > body.height() {
        let track = Rect::from_min_max(Pos2::new(body.right(), body.top()), rect.max);
        let frac = body.height() / content_h;
        let thumb_h = (track.height() * frac).max(20.0);
        let thumb_top = track.top()
            + (track.height() - thumb_h) * (state.scroll_y / (content_h - body.height()));
        painter.rect_filled(
            Rect::from_min_size(
                Pos2::new(track.left() + 1.0, thumb_top),
                Vec2::new(SCROLLBAR_W - 2.0, thumb_h),
            ),
            3.0,
            visuals.widgets.inactive.bg_fill,
        );
    }

    if canvas.clicked() && !clicked_item && ctx.selection.is_some() {
        actions.push(Action::Select(None));
    }
}

/// Where a marker's label goes: after the marker up to the next one in its row, or before the
/// marker when it is the last in its row and would run off the right edge. Returns the label's
/// left edge, the right edge of its clip, and the laid-out text.
fn marker_label_place(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    frame: &Frame,
    lane: &Lane,
    index: usize,
) -> (f32, f32, std::sync::Arc<egui::Galley>) {
    let layout = |i: usize| {
        painter.layout_no_wrap(
            lane.markers[i].label.trim_start_matches('★').to_owned(),
            FontId::proportional(12.5),
            visuals.text_color(),
        )
    };
    let next_of = |i: usize| {
        let m = &lane.markers[i];
        lane.markers
            .iter()
            .enumerate()
            .filter(|(_, n)| n.row == m.row && n.at > m.at + 1e-9)
            .min_by(|a, b| a.1.at.total_cmp(&b.1.at))
            .map(|(j, _)| j)
    };
    // A last marker flips its label to the left when it would overflow on the right.
    let flipped = |i: usize, width: f32| {
        let x = frame.x(lane.markers[i].at);
        next_of(i).is_none()
            && x + 10.0 + width > frame.body.right()
            && x - 10.0 - width >= frame.body.left()
    };
    let galley = layout(index);
    let x = frame.x(lane.markers[index].at);
    let width = galley.size().x;
    if flipped(index, width) {
        return (x - 10.0 - width, x - 10.0, galley);
    }
    let right = match next_of(index) {
        None => frame.body.right(),
        Some(j) => {
            let next_x = frame.x(lane.markers[j].at);
            let next_width = layout(j).size().x;
            if flipped(j, next_width) {
                next_x - 16.0 - next_width
            } else {
                next_x - 10.0
            }
        }
    };
    (x + 10.0, right, galley)
}

/// Gives a bar or marker its click response and accessible name.
fn item_response(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    id: egui::Id,
    hit: Rect,
    item: &ItemRef,
) -> egui::Response {
    let response = ui.interact(hit, id, Sense::click());
    let selected = ctx.is_selected(item);
    response
        .widget_info(|| WidgetInfo::selected(Role::Button, true, selected, item_label(ctx, item)));
    response
}

#[expect(clippy::too_many_arguments, reason = "one drawing helper")]
fn lane_title_ui(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    lane: &Lane,
    r: Rect,
    header: Rect,
    id: egui::Id,
    actions: &mut Vec<Action>,
) {
    let visuals = ui.visuals();
    let inner = r.shrink2(Vec2::new(6.0, 4.0));
    let font = FontId::proportional(13.0);
    let line_h = ui.fonts_mut(|f| f.row_height(&font));
    let max_rows = ((inner.height() / line_h).floor() as usize).max(1);
    let mut job = egui::text::LayoutJob::simple(
        lane.title.clone(),
        font,
        visuals.strong_text_color(),
        inner.width(),
    );
    job.wrap.max_rows = max_rows;
    job.wrap.break_anywhere = true;
    let galley = painter.layout_job(job);
    let elided = galley.elided;
    let selected = lane.key.as_ref().is_some_and(|k| ctx.is_selected(k));
    let dim = lane.key.as_ref().is_some_and(|k| ctx.is_dimmed(k));
    let color = if dim {
        visuals.strong_text_color().gamma_multiply(0.35)
    } else {
        visuals.strong_text_color()
    };
    painter.galley_with_override_text_color(inner.left_top(), galley, color);
    if selected {
        painter.rect_stroke(
            r.shrink(1.0),
            3.0,
            Stroke::new(2.0, visuals.selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    // Lanes scrolled out of view keep their place in the accessibility tree.
    let hit = if r.intersects(header) {
        r.intersect(header)
    } else {
        r
    };
    let sense = if lane.key.is_some() {
        Sense::click()
    } else {
        Sense::hover()
    };
    let response = ui.interact(hit, id, sense);
    let title = lane.title.clone();
    if lane.key.is_some() {
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &title));
    } else {
        response.widget_info(|| WidgetInfo::labeled(Role::RowHeader, true, &title));
    }
    if response.clicked()
        && let Some(k) = &lane.key
    {
        actions.push(Action::Select(Some(k.clone())));
    }
    if elided || lane.key.is_some() {
        let n = lane.bars.len() + lane.markers.len();
        response.on_hover_ui(|ui| {
            ui.set_max_width(360.0);
            ui.strong(&lane.title);
            ui.label(format!("{}: {n}", ctx.t("項目数", "Items")));
            if lane.key.is_some() {
                ui.weak(ctx.t("クリックで選択", "Click to select"));
            }
        });
    }
}

fn bar_hover_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    lane: &Lane,
    start: f64,
    end: f64,
    provenance: Provenance,
    item: &ItemRef,
) {
    ui.set_max_width(440.0);
    let roadmap = ctx.roadmap;
    let lang = ctx.lang;
    ui.strong(item_tag(ctx, item));
    ui.label(labels::text(roadmap, item, lang));
    ui.separator();
    let start_fy = start.floor() as i32;
    let end_fy = (end - 1.0).round() as i32;
    ui.label(format!(
        "{}（{}）",
        span_label(start_fy, end_fy, lang),
        lang.pick(provenance.label_ja(), provenance.label_en())
    ));
    match item {
        ItemRef::Measure(id) => {
            if let Some(basis) = roadmap
                .measure(id)
                .and_then(|m| m.span.as_ref())
                .and_then(|s| s.basis.as_ref())
            {
                ui.weak(basis);
            }
            let ministries: Vec<String> = ctx
                .index
                .ministries_of_measure(item)
                .map(|(m, role)| {
                    format!(
                        "{}（{}）",
                        labels::tag(roadmap, m, lang),
                        lang.pick(role.label_ja(), role.label_en())
                    )
                })
                .collect();
            if !ministries.is_empty() {
                ui.label(format!(
                    "{}: {}",
                    ctx.t("担当府省庁", "Responsible"),
                    ministries.join("、")
                ));
            }
        }
        ItemRef::Gap(_) => {
            ui.weak(ctx.t(
                "期間は対応する施策の期間から求めたもの",
                "Span taken from the measures that answer it",
            ));
        }
        _ => {}
    }
    ui.weak(format!("{}: {}", ctx.t("レーン", "Lane"), lane.title));
}

fn marker_hover_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, at: f64, item: &ItemRef) {
    ui.set_max_width(440.0);
    let roadmap = ctx.roadmap;
    let lang = ctx.lang;
    let it = &roadmap.items;
    ui.strong(labels::tag(roadmap, item, lang));
    ui.label(labels::text(roadmap, item, lang));
    ui.separator();
    match item {
        ItemRef::Target(id) => {
            if let Some(t) = it.target_states.iter().find(|t| &t.id == id) {
                ui.label(format!(
                    "{}: {}",
                    ctx.t("目標年", "Horizon"),
                    t.horizon_year
                ));
                ui.weak(lang.pick(t.provenance.label_ja(), t.provenance.label_en()));
            }
        }
        ItemRef::Event(id) => {
            if let Some(e) = it.events.iter().find(|e| &e.id == id) {
                let fy = e.when.fiscal_year();
                ui.label(format!(
                    "{}（{}）",
                    e.when,
                    reiwa_label(fy, true).unwrap_or_else(|| format!("FY{fy}"))
                ));
                if let Some(text) = &e.text {
                    ui.label(text);
                }
                ui.weak(lang.pick(e.provenance.label_ja(), e.provenance.label_en()));
            }
        }
        ItemRef::Kpi(id) => {
            if let Some(k) = it.kpis.iter().find(|k| &k.id == id) {
                if let Some(t) = &k.target {
                    ui.label(format!(
                        "{}: {}（{}）",
                        ctx.t("期限", "Deadline"),
                        span_label(t.deadline_fy, t.deadline_fy, lang),
                        t.text
                    ));
                }
                if let Some(l) = &k.latest {
                    ui.label(format!(
                        "{}: {}（FY{}）",
                        ctx.t("最新値", "Latest"),
                        l.text,
                        l.as_of_fy
                    ));
                }
            }
        }
        _ => {
            ui.label(format!("{at:.1}"));
        }
    }
}

/// Draws the links of the selection between the places its items occupy.
fn paint_links(
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    frame: &Frame,
    geoms: &[LaneGeom],
    header: Rect,
    selection: &ItemRef,
    dark: bool,
) {
    let links = focus_links(ctx.index, selection);
    if links.is_empty() {
        return;
    }
    // Where every item is drawn (bars and markers in all lanes; keyed lane titles).
    // Each place is a rect and whether it is a lane title.
    let mut places: HashMap<&ItemRef, Vec<(Rect, bool)>> = HashMap::new();
    for (lane, g) in ctx.timeline.lanes.iter().zip(geoms) {
        for bar in &lane.bars {
            let (top, bottom) = frame.row_rect(g, bar.row);
            let r = Rect::from_min_max(
                Pos2::new(frame.x(bar.start), top + 3.0),
                Pos2::new(frame.x(bar.end), bottom - 3.0),
            );
            places.entry(&bar.item).or_default().push((r, false));
        }
        for m in &lane.markers {
            let (top, bottom) = frame.row_rect(g, m.row);
            let r = Rect::from_center_size(
                Pos2::new(frame.x(m.at), (top + bottom) * 0.5),
                Vec2::splat(ROW_H - 6.0),
            );
            places.entry(&m.item).or_default().push((r, false));
        }
        if let Some(k) = &lane.key {
            let top = frame.body.top() - frame.scroll_y + g.top;
            places.entry(k).or_default().push((
                Rect::from_min_size(
                    Pos2::new(header.left(), top),
                    Vec2::new(header.width(), g.height),
                ),
                true,
            ));
        }
    }
    let clip = painter.clip_rect();
    let accent = accent(dark);
    for l in &links {
        let (Some(from), Some(to)) = (places.get(&l.from), places.get(&l.to)) else {
            continue;
        };
        for b in to {
            let Some(a) = from.iter().min_by(|x, y| {
                (x.0.center().y - b.0.center().y)
                    .abs()
                    .total_cmp(&(y.0.center().y - b.0.center().y).abs())
            }) else {
                continue;
            };
            let (p0, p3, vertical) = anchors(*a, *b);
            if !clip.intersects(Rect::from_two_pos(p0, p3).expand(2.0)) {
                continue;
            }
            let color = if l.provenance == Provenance::Stated {
                accent
            } else {
                link_color(l.provenance, dark)
            };
            paint_curve(
                painter,
                p0,
                p3,
                vertical,
                Stroke::new(2.0, color.gamma_multiply(0.85)),
                l.provenance != Provenance::Stated,
            );
        }
    }
}

fn accent(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(120, 190, 255)
    } else {
        Color32::from_rgb(0, 90, 200)
    }
}

/// Where a link between two places (rect, whether a lane title) starts and ends, and whether it
/// runs vertically.
fn anchors((a, a_title): (Rect, bool), (b, b_title): (Rect, bool)) -> (Pos2, Pos2, bool) {
    if a_title || b_title {
        // A lane title: leave from its right edge, level with the other end where the lane allows,
        // towards the other end's left.
        let (t, other) = if a_title { (a, b) } else { (b, a) };
        let y = other
            .center()
            .y
            .clamp(t.top() + 8.0, (t.bottom() - 8.0).max(t.top() + 8.0));
        let p_t = Pos2::new(t.right(), y);
        let p_o = Pos2::new(other.left().max(t.right() + 4.0), other.center().y);
        return if a_title {
            (p_t, p_o, false)
        } else {
            (p_o, p_t, false)
        };
    }
    if (a.center().y - b.center().y).abs() < 1.0 {
        return (a.right_center(), b.left_center(), false);
    }
    let down = b.center().y > a.center().y;
    let ax = a.center().x;
    let bx = b.center().x;
    if down {
        (Pos2::new(ax, a.bottom()), Pos2::new(bx, b.top()), true)
    } else {
        (Pos2::new(ax, a.top()), Pos2::new(bx, b.bottom()), true)
    }
}
