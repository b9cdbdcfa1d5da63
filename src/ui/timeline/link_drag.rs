//! Linking on the timeline (only when the view is editable): a drag with Shift held from a bar, a
//! marker or a lane title to another links the two items, the link's kind following from what
//! it joins, as in the linkage view (a gap to a measure: addressed by; a measure to a ministry's
//! lane: responsible …). While dragging, a line runs to the pointer and says what a release would
//! do; a pairing that makes no sense turns red with the reason and is not made. Without Shift a
//! drag pans the view or moves a bar, as before.

use egui::{Pos2, Rect};

use super::frame::Frame;
use crate::action::Action;
use crate::model::ItemRef;
use crate::ui::ViewCtx;
use crate::ui::linkage::drag::{link_edit, paint_link_line};

/// A link drag under way: the item it started from and where that item was on screen.
#[derive(Clone, Debug)]
struct Pending {
    from: ItemRef,
    from_rect: Rect,
}

fn state_id() -> egui::Id {
    egui::Id::unique("waymark-timeline-link-drag")
}

/// Whether Shift is held, which turns a drag into a link drag.
pub(super) fn shift_held(ui: &egui::Ui) -> bool {
    ui.input(|i| i.modifiers.shift)
}

/// Whether a link drag is under way (the view then neither pans nor moves bars).
pub(super) fn active(ui: &egui::Ui) -> bool {
    ui.ctx()
        .data(|d| d.get_temp::<Pending>(state_id()))
        .is_some()
}

/// Starts a link drag from `from`, drawn at `from_rect`.
pub(super) fn start(ui: &egui::Ui, from: ItemRef, from_rect: Rect) {
    ui.ctx()
        .data_mut(|d| d.insert_temp(state_id(), Pending { from, from_rect }));
}

/// What can be linked on screen this frame: the bars and markers drawn, then the titles of lanes
/// that stand for an item (a ministry, a theme, a proposal).
pub(super) fn targets(
    ctx: &ViewCtx<'_>,
    frame: &Frame,
    drawn: &[(Rect, ItemRef)],
) -> Vec<(Rect, ItemRef)> {
    let mut all = drawn.to_vec();
    for (li, lane) in ctx.timeline.lanes.iter().enumerate() {
        let Some(key) = &lane.key else { continue };
        let top = frame.lane_top(li);
        let title = Rect::from_min_max(
            Pos2::new(frame.rect.left(), top),
            Pos2::new(frame.body.left(), top + frame.lanes[li].height),
        )
        .intersect(frame.lanes_clip());
        if title.height() > 0.0 {
            all.push((title, key.clone()));
        }
    }
    all
}

/// The item under `pos`, if any: the topmost of `targets` (bars and markers before lane titles).
pub(super) fn item_at(targets: &[(Rect, ItemRef)], pos: Pos2) -> Option<&(Rect, ItemRef)> {
    targets.iter().find(|(r, _)| r.contains(pos))
}

/// Follows a link drag under way: draws the line and the verdict, and on release pushes the link
/// (or, over an item it cannot join, the reason it is refused).
pub(super) fn link_drag_ui(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    targets: &[(Rect, ItemRef)],
    actions: &mut Vec<Action>,
) {
    let Some(pending) = ui.ctx().data(|d| d.get_temp::<Pending>(state_id())) else {
        return;
    };
    let (pos, down) = ui.input(|i| (i.pointer.latest_pos(), i.pointer.primary_down()));
    let Some(pos) = pos else { return };
    let target = item_at(targets, pos).filter(|(_, item)| *item != pending.from);
    let verdict = target.map(|(_, to)| link_edit(ctx, &pending.from, to));
    if !down {
        ui.ctx().data_mut(|d| d.remove::<Pending>(state_id()));
        match verdict {
            Some(Ok((_, e))) => actions.push(Action::Edit(Box::new(e))),
            Some(Err(e)) => actions.push(Action::Refused(e)),
            None => {}
        }
        return;
    }
    paint_link_line(
        ui,
        ctx,
        painter,
        &pending.from_rect,
        pos,
        target.map(|(r, _)| *r),
        verdict.as_ref(),
    );
}
