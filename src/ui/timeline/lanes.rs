//! The lanes' contents: alternating bands, then the bars and markers in view with their labels,
//! click responses, accessible names and hover text.
//!
//! A label never runs into a neighbour: a bar's label goes inside the bar when it fits, else after
//! it up to the next bar in its row, whichever has more room, and is elided with "…" past that
//! (the hover shows it whole); a marker's label goes where [`super::frame`] packed it.

use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Color32, FontId, Galley, Pos2, Rect, Role, Sense, Stroke, StrokeKind, Vec2, WidgetInfo,
};

use super::LABEL_FONT_SIZE;
use super::drag::{self, Prospect};
use super::frame::{Frame, half_glyph, marker_text};
use super::ghosts;
use super::glyphs::{paint_bar, paint_marker};
use super::hover::{bar_hover_ui, marker_hover_ui};
use crate::action::Action;
use crate::analysis::timeline::{Bar, Lane, Marker, MarkerKind};
use crate::analysis::timeline_view::{LABEL_GAP_PX, LabelSide};
use crate::model::{ItemRef, Provenance};
use crate::ui::linkage::{item_label, kind_color};
use crate::ui::{ViewCtx, rows};

/// A label narrower than this is left out (the hover still tells it).
const MIN_LABEL_ROOM: f32 = 18.0;

/// Draws the lane bands and the lines between lanes.
pub(super) fn bands(painter: &egui::Painter, visuals: &egui::Visuals, frame: &Frame) {
    let lanes_painter = painter.with_clip_rect(frame.lanes_clip());
    for (li, g) in frame.lanes.iter().enumerate() {
        let top = frame.lane_top(li);
        if top > frame.body.bottom() || top + g.height < frame.body.top() {
            continue;
        }
        let band = Rect::from_min_max(
            Pos2::new(frame.rect.left(), top),
            Pos2::new(frame.body.right(), top + g.height),
        );
        if li % 2 == 1 {
            lanes_painter.rect_filled(band, 0.0, visuals.faint_bg_color);
        }
        lanes_painter.hline(
            band.x_range(),
            band.top(),
            Stroke::new(0.5, visuals.weak_text_color().gamma_multiply(0.4)),
        );
    }
}

/// Lays out `text` on one line, elided with "…" to `max_width` when it is wider.
fn label_galley(
    painter: &egui::Painter,
    text: String,
    color: Color32,
    max_width: f32,
) -> Arc<Galley> {
    let mut job = LayoutJob::simple_singleline(text, FontId::proportional(LABEL_FONT_SIZE), color);
    job.wrap = TextWrapping::truncate_at_width(max_width.max(1.0));
    painter.layout_job(job)
}

/// Gives a bar or marker its click response and accessible name.
fn item_response(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    id: egui::Id,
    hit: Rect,
    item: &ItemRef,
    sense: Sense,
) -> egui::Response {
    let response = ui.interact(hit, id, sense);
    let selected = ctx.is_selected(item);
    response
        .widget_info(|| WidgetInfo::selected(Role::Button, true, selected, item_label(ctx, item)));
    response
}

/// The bars of each lane by row (from the lane's first bar row), each row's bars in order of
/// start: a row's bars do not overlap, so their ends come in the same order. Kept in egui memory
/// for the timeline's generation.
type BarRows = Vec<Vec<Vec<usize>>>;

fn bar_rows(ui: &egui::Ui, ctx: &ViewCtx<'_>) -> Arc<BarRows> {
    rows::cached(
        ui.ctx(),
        egui::Id::unique("waymark-timeline-bar-rows"),
        ctx.generation,
        || {
            ctx.timeline
                .lanes
                .iter()
                .map(|lane| {
                    let row0 = lane.bars.iter().map(|b| b.row).min().unwrap_or(0);
                    let mut rows: Vec<Vec<usize>> = Vec::new();
                    for (bi, b) in lane.bars.iter().enumerate() {
                        let r = b.row - row0;
                        if rows.len() <= r {
                            rows.resize_with(r + 1, Vec::new);
                        }
                        rows[r].push(bi);
                    }
                    for row in &mut rows {
                        row.sort_by(|&a, &b| lane.bars[a].start.total_cmp(&lane.bars[b].start));
                    }
                    rows
                })
                .collect()
        },
    )
}

/// What [`items_ui`] drew and saw this frame.
pub(super) struct Drawn {
    /// Whether an item was clicked.
    pub clicked: bool,
    /// What a bar drag under way would do.
    pub prospect: Option<Prospect>,
    /// Each bar and marker drawn, where it is (with its label).
    pub items: Vec<(Rect, ItemRef)>,
    /// Where each label was drawn.
    pub texts: Vec<Rect>,
}

/// Draws the bars and markers in view, and pushes a selection for a click on one (and, when
/// editable, the edit a drag of a bar makes).
///
/// Only the lanes and rows in view are visited, and in a row only the bars from the first that
/// ends after the view's start to the last that starts before its end.
pub(super) fn items_ui(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    frame: &Frame,
    actions: &mut Vec<Action>,
) -> Drawn {
    let base = egui::Id::unique("waymark-timeline-item");
    let body = frame.body;
    let by_row = bar_rows(ui, ctx);
    let (view_start, view_end) = frame.visible();
    let mut clicked = false;
    let mut prospect = None;
    let mut items = Vec::new();
    let mut texts = Vec::new();
    for (li, (lane, g)) in ctx
        .timeline
        .lanes
        .iter()
        .zip(frame.lanes.iter())
        .enumerate()
    {
        let lane_top = frame.lane_top(li);
        if lane_top > body.bottom() || lane_top + g.height < body.top() {
            continue;
        }
        for (r, row) in by_row[li].iter().enumerate() {
            let (top, bottom) = frame.row_span(li, g.marker_rows + r);
            if bottom < body.top() || top > body.bottom() {
                continue;
            }
            let first = row.partition_point(|&bi| lane.bars[bi].end < view_start);
            for (k, &bi) in row.iter().enumerate().skip(first) {
                let bar = &lane.bars[bi];
                if bar.start > view_end {
                    break;
                }
                let next_start = row[k + 1..]
                    .iter()
                    .map(|&n| lane.bars[n].start)
                    .find(|&start| start >= bar.end - 1e-9);
                let id = base.with((li, bi, 'b'));
                let Some((r, p)) = bar_ui(
                    ui,
                    ctx,
                    (painter, &mut texts),
                    frame,
                    (lane, li, id),
                    (bar, next_start),
                    actions,
                ) else {
                    continue;
                };
                if r.clicked() {
                    clicked = true;
                    actions.push(Action::Select(Some(bar.item.clone())));
                }
                items.push((r.rect, bar.item.clone()));
                prospect = prospect.or(p);
            }
        }
        for (mi, marker) in lane.markers.iter().enumerate() {
            let (_, top, bottom) = frame.marker_place(lane, li, mi);
            if bottom < body.top() || top > body.bottom() {
                continue;
            }
            let id = base.with((li, mi, 'm'));
            if let Some(r) = marker_ui(ui, ctx, (painter, &mut texts), frame, (lane, li, mi), id) {
                if r.clicked() {
                    clicked = true;
                    actions.push(Action::Select(Some(marker.item.clone())));
                }
                items.push((r.rect, marker.item.clone()));
            }
        }
    }
    Drawn {
        clicked,
        prospect,
        items,
        texts,
    }
}

/// Draws one bar and its label when in view, and returns its response.
fn bar_ui(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    (painter, texts): (&egui::Painter, &mut Vec<Rect>),
    frame: &Frame,
    (lane, li, id): (&Lane, usize, egui::Id),
    (bar, next_start): (&Bar, Option<f64>),
    actions: &mut Vec<Action>,
) -> Option<(egui::Response, Option<Prospect>)> {
    let body = frame.body;
    let (view_start, view_end) = frame.visible();
    if bar.end < view_start || bar.start > view_end {
        return None;
    }
    let r = frame.bar_rect(li, bar);
    if r.bottom() < body.top() || r.top() > body.bottom() {
        return None;
    }
    let visuals = ui.visuals();
    let dark = visuals.dark_mode;
    let body_painter = painter.with_clip_rect(body);
    let alpha = if ctx.is_dimmed(&bar.item) { 0.25 } else { 1.0 };
    let color = kind_color(bar.item.kind(), dark).gamma_multiply(alpha);
    ghosts::paint_ghost(ctx, &body_painter, visuals, frame, (bar, r));
    paint_bar(&body_painter, r, color, bar.provenance);
    let badge = ghosts::paint_badge(ctx, &body_painter, visuals, frame, (bar, r));

    // The label: inside when it fits, else after the bar up to the next one in its row, else
    // elided wherever there is more room.
    let inside_left = r.left().max(body.left()) + 4.0;
    let inside_room = r.right().min(body.right()) - 2.0 - inside_left;
    // After the bar, or after the badge of a comparison when it stands there.
    let after_left = badge
        .filter(|b| b.left() >= r.right())
        .map_or(r.right(), |b| b.right())
        + 4.0;
    let after_right = next_start.map_or(body.right(), |x| frame.x(x) - 3.0);
    let after_room = after_right.min(body.right()) - after_left.max(body.left());
    let full_w = painter
        .layout_no_wrap(
            bar.label.to_string(),
            FontId::proportional(LABEL_FONT_SIZE),
            visuals.text_color(),
        )
        .size()
        .x;
    let inside = full_w <= inside_room || (full_w > after_room && inside_room >= after_room);
    let (text_x, room) = if inside {
        (inside_left, inside_room)
    } else {
        (after_left.max(body.left()), after_room)
    };
    let ink = if inside && bar.provenance == Provenance::Stated {
        if dark { Color32::BLACK } else { Color32::WHITE }
    } else {
        visuals.text_color()
    }
    .gamma_multiply(alpha);
    let mut hit = r.intersect(body);
    if room >= MIN_LABEL_ROOM {
        let galley = label_galley(painter, bar.label.to_string(), ink, room);
        let text_rect = Rect::from_min_size(
            Pos2::new(text_x, r.center().y - galley.size().y * 0.5),
            galley.size(),
        );
        if inside && bar.provenance != Provenance::Stated {
            // Keep the label readable over the hatching.
            body_painter.rect_filled(
                text_rect.expand2(Vec2::new(3.0, 1.0)).intersect(r),
                2.0,
                visuals.extreme_bg_color.gamma_multiply(0.85 * alpha),
            );
        }
        body_painter.galley_with_override_text_color(text_rect.min, galley, ink);
        texts.push(text_rect);
        hit = hit.union(text_rect.intersect(body));
    }
    let sense = if drag::draggable(ctx, bar) {
        Sense::click_and_drag()
    } else {
        Sense::click()
    };
    let response = item_response(ui, ctx, id, hit, &bar.item, sense);
    if let Some(description) = ghosts::moved_description(ctx, bar) {
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_description(description));
    }
    let prospect = drag::bar_drag(ui, ctx, frame, (li, r), bar, &response, actions);
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
    let response = if prospect.is_some() {
        response
    } else {
        response.on_hover_ui(|ui| {
            bar_hover_ui(ui, ctx, lane, bar.start, bar.end, bar.provenance, &bar.item);
        })
    };
    Some((response, prospect))
}

/// What a screen reader hears about a marker beyond its name: why a gap stands where it does.
fn marker_description(ctx: &ViewCtx<'_>, marker: &Marker) -> Option<&'static str> {
    match marker.kind {
        MarkerKind::Dated => None,
        MarkerKind::Unaddressed(_) => Some(ctx.t("未対応（対応する施策がない）", "unaddressed")),
        MarkerKind::Untimed(_) => Some(ctx.t(
            "対応する施策に期間の記載がない",
            "its measures give no timing",
        )),
    }
}

/// Draws one marker and its label when in view, and returns its response.
fn marker_ui(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    (painter, texts): (&egui::Painter, &mut Vec<Rect>),
    frame: &Frame,
    (lane, li, mi): (&Lane, usize, usize),
    id: egui::Id,
) -> Option<egui::Response> {
    let body = frame.body;
    let marker = &lane.markers[mi];
    let place = frame.lanes[li].labels[mi];
    let (x, top, bottom) = frame.marker_place(lane, li, mi);
    if bottom < body.top() || top > body.bottom() {
        return None;
    }
    let half = half_glyph(marker.item.kind());
    let gap = LABEL_GAP_PX as f32;
    let granted = place.label_px as f32;
    let (lo, hi) = match place.side {
        LabelSide::Right => (x - half, x + half + gap + granted),
        LabelSide::Left => (x - half - gap - granted, x + half),
    };
    if hi < body.left() || lo > body.right() {
        return None;
    }
    let visuals = ui.visuals();
    let dark = visuals.dark_mode;
    let body_painter = painter.with_clip_rect(body);
    let alpha = if ctx.is_dimmed(&marker.item) {
        0.25
    } else {
        1.0
    };
    let color = kind_color(marker.item.kind(), dark).gamma_multiply(alpha);
    paint_marker(
        &body_painter,
        (marker.item.kind(), marker.kind),
        x,
        (top, bottom),
        color,
        visuals.error_fg_color.gamma_multiply(alpha),
    );
    let glyph = Rect::from_center_size(
        Pos2::new(x, (top + bottom) * 0.5),
        Vec2::new(2.0 * half + 2.0, bottom - top - 4.0),
    );
    let mut hit = glyph.intersect(body);
    // The label is elided at the edge of the view rather than cut, and left out with its glyph.
    let granted = match place.side {
        LabelSide::Right if x + half >= body.left() => granted.min(body.right() - (x + half + gap)),
        LabelSide::Left if x - half <= body.right() => granted.min((x - half - gap) - body.left()),
        _ => 0.0,
    };
    if granted >= MIN_LABEL_ROOM.min(place.label_px as f32) && granted > 0.0 {
        let ink = visuals.text_color().gamma_multiply(alpha);
        // A hair of slack so that a label granted its whole width is not elided by rounding.
        let galley = label_galley(painter, marker_text(&marker.label), ink, granted + 0.5);
        let text_x = match place.side {
            LabelSide::Right => x + half + gap,
            LabelSide::Left => x - half - gap - galley.size().x,
        };
        let text_rect = Rect::from_min_size(
            Pos2::new(text_x, (top + bottom) * 0.5 - galley.size().y * 0.5),
            galley.size(),
        );
        body_painter.galley_with_override_text_color(text_rect.min, galley, ink);
        texts.push(text_rect);
        hit = hit.union(text_rect.intersect(body));
    }
    if hit.width() <= 0.0 {
        return None;
    }
    let response = item_response(ui, ctx, id, hit, &marker.item, Sense::click());
    if let Some(description) = marker_description(ctx, marker) {
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_description(description));
    }
    if ctx.is_selected(&marker.item) {
        body_painter.rect_stroke(
            glyph,
            4.0,
            Stroke::new(2.5, visuals.selection.stroke.color),
            StrokeKind::Outside,
        );
    }
    Some(response.on_hover_ui(|ui| marker_hover_ui(ui, ctx, marker)))
}
