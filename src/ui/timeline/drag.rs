//! Editing on the timeline (only when the view is editable): dragging a measure's bar moves it in
//! time, dragging one of its ends moves its start or end, snapping to whole fiscal years; with
//! measures grouped by ministry, dragging the bar into another ministry's lane hands the measure
//! to that ministry. While dragging, a ghost bar shows the prospective span and lane; on release
//! one edit is pushed (both changes as one batch), so that a drag is one undo step. A drag that
//! changes nothing pushes nothing.

use egui::{CursorIcon, FontId, Pos2, Rect, Stroke, StrokeKind, Vec2};

use super::frame::Frame;
use crate::action::Action;
use crate::analysis::timeline::{Bar, Grouping, Layer};
use crate::analysis::timeline_view::span_label;
use crate::edit::{self, Edit};
use crate::i18n::Lang;
use crate::model::{FySpan, ItemRef, MeasureId, MinistryCode, Provenance};
use crate::ui::ViewCtx;
use crate::ui::linkage::kind_color;

/// Width of the grips at either end of a bar that move its start or end.
const GRIP_PX: f32 = 7.0;

/// Which part of a bar a drag holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grip {
    /// The whole bar: moves it in time (and into another lane).
    Body,
    /// The left end: moves the start.
    Start,
    /// The right end: moves the end.
    End,
}

/// Where a bar drag started, kept in egui memory under the bar's id while it lasts.
#[derive(Clone, Copy, Debug)]
struct Pressed {
    origin: Pos2,
    grip: Grip,
}

/// What a bar drag would do if released now.
pub(super) struct Prospect {
    /// The measure dragged.
    measure: MeasureId,
    /// Its current span.
    old: (i32, i32),
    /// Its prospective span.
    span: (i32, i32),
    /// The lane the bar was in, and its row there.
    from_lane: usize,
    from_rect: Rect,
    /// The lane it would go to.
    to_lane: usize,
}

/// The grip of bar rect `r` at `pos`: an end when within [`GRIP_PX`] of it (never both, on a
/// narrow bar the nearer one), else the body.
fn grip_at(r: Rect, pos: Pos2) -> Grip {
    let grip = GRIP_PX.min(r.width() * 0.3);
    if pos.x <= r.left() + grip {
        Grip::Start
    } else if pos.x >= r.right() - grip {
        Grip::End
    } else {
        Grip::Body
    }
}

/// The ministry a lane stands for, when measures are grouped by ministry.
fn lane_ministry<'a>(ctx: &ViewCtx<'a>, li: usize) -> Option<&'a MinistryCode> {
    let lane = ctx.timeline.lanes.get(li)?;
    match (&lane.key, lane.layer, ctx.grouping) {
        (Some(ItemRef::Ministry(code)), Layer::Measures, Grouping::Ministry) => Some(code),
        _ => None,
    }
}

/// Whether bar `bar` can be dragged: the view is editable and it is a measure's bar.
pub(super) fn draggable(ctx: &ViewCtx<'_>, bar: &Bar) -> bool {
    ctx.editable && matches!(bar.item, ItemRef::Measure(_))
}

/// Handles a drag of the bar of lane `li` drawn at `r` with response `response`: sets the cursor,
/// follows the drag, and on release pushes the edit. Returns what the drag would do, to be drawn.
pub(super) fn bar_drag(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    frame: &Frame,
    (li, r): (usize, Rect),
    bar: &Bar,
    response: &egui::Response,
    actions: &mut Vec<Action>,
) -> Option<Prospect> {
    let ItemRef::Measure(measure) = &bar.item else {
        return None;
    };
    let key = response.id;
    if response.drag_started() && super::link_drag::shift_held(ui) {
        // Shift: a link drag from this bar, not a move.
        super::link_drag::start(ui, bar.item.clone(), r);
        return None;
    }
    if response.drag_started() {
        let origin = ui
            .ctx()
            .input(|i| i.pointer.press_origin())
            .or_else(|| response.interact_pointer_pos())?;
        let pressed = Pressed {
            origin,
            grip: grip_at(r, origin),
        };
        ui.ctx().data_mut(|d| d.insert_temp(key, pressed));
    }
    let dragging = response.dragged() || response.drag_stopped();
    if !dragging {
        if let Some(pos) = response.hover_pos() {
            ui.ctx().set_cursor_icon(match grip_at(r, pos) {
                Grip::Body => CursorIcon::Grab,
                Grip::Start | Grip::End => CursorIcon::ResizeHorizontal,
            });
        }
        return None;
    }
    let pressed: Pressed = ui.ctx().data(|d| d.get_temp(key))?;
    let pos = ui.ctx().input(|i| i.pointer.latest_pos())?;
    ui.ctx().set_cursor_icon(match pressed.grip {
        Grip::Body => CursorIcon::Grabbing,
        Grip::Start | Grip::End => CursorIcon::ResizeHorizontal,
    });
    let old = (bar.start.round() as i32, bar.end.round() as i32 - 1);
    let years = (f64::from(pos.x - pressed.origin.x) / frame.scale.px_per_year).round() as i32;
    let span = match pressed.grip {
        Grip::Body => (old.0 + years, old.1 + years),
        Grip::Start => ((old.0 + years).min(old.1), old.1),
        Grip::End => (old.0, (old.1 + years).max(old.0)),
    };
    let to_lane = match pressed.grip {
        Grip::Body if lane_ministry(ctx, li).is_some() => frame
            .lane_at(pos.y)
            .filter(|&l| lane_ministry(ctx, l).is_some())
            .unwrap_or(li),
        _ => li,
    };
    let prospect = Prospect {
        measure: measure.clone(),
        old,
        span,
        from_lane: li,
        from_rect: r,
        to_lane,
    };
    if response.drag_stopped() {
        ui.ctx().data_mut(|d| d.remove::<Pressed>(key));
        if let Some(edit) = prospect_edit(ctx, &prospect) {
            actions.push(Action::Edit(Box::new(edit)));
        }
        return None;
    }
    Some(prospect)
}

/// The edit a released drag makes: a reschedule, a reassignment, or both as one batch; `None`
/// when it changes nothing (or the roadmap refuses it).
fn prospect_edit(ctx: &ViewCtx<'_>, p: &Prospect) -> Option<Edit> {
    let roadmap = ctx.roadmap;
    let mut edits = Vec::new();
    if p.span != p.old {
        let previous = roadmap.measure(&p.measure).and_then(|m| m.span.as_ref());
        let before = previous.map_or_else(String::new, |s| {
            format!(
                "（変更前：{}、{}）",
                span_label(s.start_fy, s.end_fy, Lang::Ja),
                s.provenance.label_ja()
            )
        });
        let span = FySpan::new(
            p.span.0,
            p.span.1,
            Provenance::Editorial,
            Some(format!("タイムラインで編集者が変更{before}")),
        );
        edits.push(edit::reschedule(roadmap, &p.measure, span).ok()?);
    }
    if p.to_lane != p.from_lane
        && let (Some(from), Some(to)) = (
            lane_ministry(ctx, p.from_lane),
            lane_ministry(ctx, p.to_lane),
        )
    {
        let e = edit::reassign(roadmap, &p.measure, from, to).ok()?;
        if !e.is_noop() {
            edits.push(e);
        }
    }
    match edits.len() {
        0 => None,
        1 => edits.pop(),
        _ => Some(Edit::Batch(edits)),
    }
}

/// The label of a prospective span: `FY2026〜FY2030` (`FY2026-FY2030` in English).
fn span_text(span: (i32, i32), lang: Lang) -> String {
    if span.0 == span.1 {
        format!("FY{}", span.0)
    } else {
        format!("FY{}{}FY{}", span.0, lang.pick("〜", "-"), span.1)
    }
}

/// Draws what a drag would do: the target lane lit, a ghost bar at the prospective span, and a
/// label with the span (and the ministry it goes to).
pub(super) fn paint_prospect(
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    frame: &Frame,
    p: &Prospect,
) {
    let accent = visuals.selection.stroke.color;
    let (top, bottom) = if p.to_lane == p.from_lane {
        (p.from_rect.top(), p.from_rect.bottom())
    } else {
        let lane_top = frame.lane_top(p.to_lane);
        let band = Rect::from_min_max(
            Pos2::new(frame.body.left(), lane_top),
            Pos2::new(frame.body.right(), lane_top + frame.lanes[p.to_lane].height),
        );
        painter.rect_filled(band, 0.0, accent.gamma_multiply(0.12));
        painter.rect_stroke(band, 0.0, Stroke::new(1.5, accent), StrokeKind::Inside);
        let (row_top, row_bottom) = frame.row_span(p.to_lane, 0);
        (row_top + 3.0, row_bottom - 3.0)
    };
    let ghost = Rect::from_min_max(
        Pos2::new(frame.x(f64::from(p.span.0)), top),
        Pos2::new(frame.x(f64::from(p.span.1 + 1)) - 1.0, bottom),
    );
    let color = kind_color(crate::model::ItemKind::Measure, visuals.dark_mode);
    painter.rect_filled(ghost, 3.0, color.gamma_multiply(0.35));
    painter.rect_stroke(ghost, 3.0, Stroke::new(2.0, accent), StrokeKind::Outside);

    let mut text = span_text(p.span, ctx.lang);
    if p.to_lane != p.from_lane {
        text.push_str(" → ");
        text.push_str(&ctx.timeline.lanes[p.to_lane].title);
    }
    let galley = painter.layout_no_wrap(
        text,
        FontId::proportional(13.0),
        visuals.strong_text_color(),
    );
    let size = galley.size() + Vec2::new(8.0, 4.0);
    // Above the ghost, kept inside the plotting area.
    let left = ghost.left().clamp(
        frame.body.left(),
        (frame.body.right() - size.x).max(frame.body.left()),
    );
    let label = Rect::from_min_size(Pos2::new(left, ghost.top() - size.y - 2.0), size);
    painter.rect_filled(label, 3.0, visuals.extreme_bg_color);
    painter.rect_stroke(label, 3.0, Stroke::new(1.0, accent), StrokeKind::Inside);
    painter.galley(
        label.min + Vec2::new(4.0, 2.0),
        galley,
        visuals.strong_text_color(),
    );
}
