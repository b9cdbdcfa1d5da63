//! The lane titles, fixed at the left while the lanes pan: each wraps between words to its lane's
//! height and is shortened by whole words past it (the hover tells it whole); a lane standing for an item (a ministry, theme or
//! proposal) selects it on click. The caption above the measure lanes names the grouping.

use egui::{
    Align2, Color32, FontId, Pos2, Rect, Role, Sense, Stroke, StrokeKind, Vec2, WidgetInfo,
};

use super::CAPTION_H;
use super::frame::Frame;
use crate::action::Action;
use crate::analysis::timeline::{Grouping, Lane};
use crate::analysis::timeline_text::wrap_title;
use crate::ui::ViewCtx;

/// Draws the title column: its background, the caption and every lane's title.
pub(super) fn titles_ui(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    frame: &Frame,
    actions: &mut Vec<Action>,
) {
    let visuals = ui.visuals();
    let header = frame.header();
    let header_painter = painter.with_clip_rect(header);
    header_painter.rect_filled(header, 0.0, visuals.panel_fill);
    header_painter.vline(
        header.right(),
        header.y_range(),
        Stroke::new(1.0, visuals.weak_text_color()),
    );
    if let Some(at) = frame.caption_at {
        let y = frame.body.top() - frame.scroll_y + at;
        let caption = match ctx.grouping {
            Grouping::Ministry => ctx.t("施策（府省庁別）", "Measures by ministry"),
            Grouping::Theme => ctx.t("施策（項目別）", "Measures by theme"),
            Grouping::Proposal => ctx.t("施策（提言別）", "Measures by proposal"),
        };
        header_painter.text(
            Pos2::new(header.left() + 6.0, y + CAPTION_H * 0.5),
            Align2::LEFT_CENTER,
            caption,
            FontId::proportional(12.0),
            visuals.weak_text_color(),
        );
    }
    let base = egui::Id::unique("waymark-timeline-item");
    for (li, (lane, g)) in ctx
        .timeline
        .lanes
        .iter()
        .zip(frame.lanes.iter())
        .enumerate()
    {
        let r = Rect::from_min_size(
            Pos2::new(header.left(), frame.lane_top(li)),
            Vec2::new(header.width(), g.height),
        );
        lane_title_ui(
            ui,
            ctx,
            &header_painter,
            (lane, r, header),
            base.with((li, 'h')),
            actions,
        );
    }
}

/// Draws the title of `lane` in `r`, within the title column `header`, with its response.
fn lane_title_ui(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    (lane, r, header): (&Lane, Rect, Rect),
    id: egui::Id,
    actions: &mut Vec<Action>,
) {
    let visuals = ui.visuals();
    let inner = r.shrink2(Vec2::new(6.0, 4.0));
    let font = FontId::proportional(13.0);
    let line_h = ui.fonts_mut(|f| f.row_height(&font));
    let max_rows = ((inner.height() / line_h).floor() as usize).max(1);
    let selected = lane.key.as_ref().is_some_and(|k| ctx.is_selected(k));
    // Only a title in view is wrapped and drawn: between words (between characters in
    // Japanese), and shortened by whole words.
    let elided = r.intersects(header) && {
        let measure = |s: &str| {
            f64::from(
                painter
                    .layout_no_wrap(s.to_owned(), font.clone(), Color32::PLACEHOLDER)
                    .size()
                    .x,
            )
        };
        let wrapped = wrap_title(&lane.title, f64::from(inner.width()), max_rows, &measure);
        let dim = lane.key.as_ref().is_some_and(|k| ctx.is_dimmed(k));
        let color = if dim {
            visuals.strong_text_color().gamma_multiply(0.35)
        } else {
            visuals.strong_text_color()
        };
        let galley = painter.layout_no_wrap(wrapped.lines.join("\n"), font, color);
        painter.galley(inner.left_top(), galley, color);
        wrapped.elided
    };
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
