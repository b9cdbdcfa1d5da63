//! Linking and unlinking in the linkage view (only when the view is editable): dragging from one
//! box to another links the two items, the link's kind following from what it joins
//! ([`edit::link_between`]); a link that makes no sense is refused — the line turns red over a box
//! it cannot join, says why, and nothing is pushed on release. A box's context menu lists its links,
//! each with つながりを外す.

use std::collections::HashMap;

use egui::{FontId, Rect, Stroke, StrokeKind, Vec2};

use super::item_label;
use crate::action::Action;
use crate::edit::{self, Edit, EditError};
use crate::model::{ItemRef, LinkKind, Provenance};
use crate::ui::ViewCtx;

/// What a link of this kind means, in the interface language.
pub(crate) fn kind_label(ctx: &ViewCtx<'_>, kind: &LinkKind) -> &'static str {
    match kind {
        LinkKind::AddressedBy { .. } => ctx.t("論点に対応", "addresses"),
        LinkKind::Responsible { .. } => ctx.t("担当", "responsible"),
        LinkKind::ContributesTo { .. } => ctx.t("目指すべき姿に寄与", "contributes to"),
        LinkKind::Blocks { .. } => ctx.t("目指すべき姿を阻む", "blocks"),
        LinkKind::Continues { .. } => ctx.t("論点の継続", "continues"),
        LinkKind::SameAs { .. } => ctx.t("同じ論点", "same as"),
        LinkKind::MeasuredBy { .. } => ctx.t("KPIで測る", "measured by"),
        LinkKind::Through { .. } => ctx.t("事業を通じて実施", "through"),
    }
}

/// The edit that links `from` to `to`, or why it is refused.
pub(crate) fn link_edit(
    ctx: &ViewCtx<'_>,
    from: &ItemRef,
    to: &ItemRef,
) -> Result<(LinkKind, Edit), EditError> {
    let kind = edit::link_between(ctx.roadmap, from, to)?;
    let e = edit::link(ctx.roadmap, kind.clone(), Provenance::Editorial)?;
    Ok((kind, e))
}

/// Why a link is refused, for the person dragging.
fn refusal(ctx: &ViewCtx<'_>, error: &EditError) -> String {
    match error {
        EditError::NoLinkBetween { .. } => ctx
            .t("この組み合わせはつなげません", "These cannot be linked")
            .to_owned(),
        EditError::DuplicateLink(_) => ctx.t("すでにつながっています", "Already linked").to_owned(),
        other => format!(
            "{}：{}",
            ctx.t("つなげません", "Cannot link"),
            other.message(ctx.lang)
        ),
    }
}

/// Follows a drag from one box to another: draws the line and what a release would do, and on
/// release pushes the link (when it makes sense). `boxes` are the boxes' rects and responses.
pub(super) fn link_drag(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    rects: &HashMap<&ItemRef, Rect>,
    responses: &[(&ItemRef, egui::Response)],
    actions: &mut Vec<Action>,
) {
    let Some((from, response)) = responses
        .iter()
        .find(|(_, r)| r.dragged() || r.drag_stopped())
    else {
        return;
    };
    let Some(pos) = ui.ctx().input(|i| i.pointer.latest_pos()) else {
        return;
    };
    let Some(from_rect) = rects.get(from) else {
        return;
    };
    let target = ui
        .clip_rect()
        .contains(pos)
        .then(|| {
            rects
                .iter()
                .find(|(item, r)| *item != from && r.contains(pos))
                .map(|(item, r)| (*item, *r))
        })
        .flatten();
    let verdict = target.map(|(to, _)| link_edit(ctx, from, to));
    if response.drag_stopped() {
        if let Some(Ok((_, e))) = verdict {
            actions.push(Action::Edit(Box::new(e)));
        }
        return;
    }
    paint_link_line(
        ui,
        ctx,
        painter,
        from_rect,
        pos,
        target.map(|(_, r)| r),
        verdict.as_ref(),
    );
}

/// Draws a link being dragged from `from_rect` to the pointer at `pos`: the line, the item under
/// the pointer outlined, and what a release would do (the link's kind, or why it is refused) in
/// the colour of the verdict.
pub(crate) fn paint_link_line(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    from_rect: &Rect,
    pos: egui::Pos2,
    target: Option<Rect>,
    verdict: Option<&Result<(LinkKind, Edit), EditError>>,
) {
    ui.ctx().set_cursor_icon(match verdict {
        Some(Err(_)) => egui::CursorIcon::NotAllowed,
        _ => egui::CursorIcon::Grabbing,
    });
    let visuals = ui.visuals();
    let (color, text) = match verdict {
        None => (
            visuals.weak_text_color(),
            ctx.t("つなぐ先の項目まで運ぶ", "Drop on the item to link")
                .to_owned(),
        ),
        Some(Ok((kind, _))) => (
            visuals.selection.stroke.color,
            format!("{}：{}", ctx.t("つなぐ", "Link"), kind_label(ctx, kind)),
        ),
        Some(Err(e)) => (visuals.error_fg_color, refusal(ctx, e)),
    };
    let start = if pos.x >= from_rect.center().x {
        from_rect.right_center()
    } else {
        from_rect.left_center()
    };
    painter.line_segment([start, pos], Stroke::new(2.5, color));
    painter.circle_filled(start, 4.0, color);
    if let Some(r) = target {
        painter.rect_stroke(r, 4.0, Stroke::new(2.5, color), StrokeKind::Outside);
    }
    let galley = painter.layout_no_wrap(text, FontId::proportional(13.0), color);
    // After the pointer, or before it where the view ends.
    let mut at = pos + Vec2::new(14.0, 10.0);
    if at.x + galley.size().x > painter.clip_rect().right() - 6.0 {
        at.x = pos.x - 14.0 - galley.size().x;
    }
    let bg = Rect::from_min_size(at, galley.size()).expand2(Vec2::new(4.0, 2.0));
    painter.rect_filled(bg, 3.0, visuals.extreme_bg_color);
    painter.rect_stroke(bg, 3.0, Stroke::new(1.0, color), StrokeKind::Inside);
    painter.galley(at, galley, color);
    if matches!(verdict, Some(Err(_))) {
        let cross = 6.0;
        let p = pos;
        for d in [Vec2::new(cross, cross), Vec2::new(cross, -cross)] {
            painter.line_segment([p - d, p + d], Stroke::new(2.5, color));
        }
    }
}

/// The context menu of a box: the item's links, each with つながりを外す.
pub(super) fn unlink_menu(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    actions: &mut Vec<Action>,
) {
    let mut any = false;
    for link in &ctx.roadmap.items.links {
        let [a, b] = link.link.ends();
        let other = if &a == item {
            b
        } else if &b == item {
            a
        } else {
            continue;
        };
        any = true;
        let text = format!(
            "{}：{}（{}）",
            ctx.t("つながりを外す", "Unlink"),
            item_label(ctx, &other),
            kind_label(ctx, &link.link)
        );
        if ui.button(text).clicked() {
            if let Ok(e) = edit::unlink(ctx.roadmap, &link.link) {
                actions.push(Action::Edit(Box::new(e)));
            }
            ui.close();
        }
    }
    if !any {
        ui.weak(ctx.t("つながりはありません", "No links"));
    }
}
