//! Drawing the linkage view: column titles, the curves between the columns (faint ones first, the
//! selection's on top), and the boxes with their click response, accessible name and description,
//! and hover text.

use std::collections::{HashMap, HashSet};

use egui::{Align2, Color32, FontId, Pos2, Rect, Role, Sense, Stroke, Vec2};

use super::columns::{Boxed, PAD, SPACING, lay_out_column, place};
use super::drag;
use super::style::{kind_color, link_color, paint_curve};
use super::{Emphasis, emphasis, emphasis_description, item_label, item_tag};
use crate::action::Action;
use crate::analysis::labels;
use crate::analysis::linkage::{ColumnLink, Columns};
use crate::i18n::Lang;
use crate::model::{ItemRef, Provenance, Role as MinistryRole};
use crate::ui::ViewCtx;

/// Height of the column-title strip.
const TITLE_H: f32 = 22.0;

pub(super) fn body_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    columns: &Columns,
    highlight: Option<&HashSet<ItemRef>>,
    actions: &mut Vec<Action>,
) {
    let width = ui.available_width().max(480.0);
    let gutter = (width * 0.08).clamp(40.0, 140.0);
    let gap_w = (width - 2.0 * gutter) * 0.4;
    let measure_w = (width - 2.0 * gutter) * 0.4;
    let ministry_w = width - 2.0 * gutter - gap_w - measure_w;
    let xs = [0.0, gap_w + gutter, gap_w + measure_w + 2.0 * gutter];

    let gaps = lay_out_column(ui, ctx, &columns.gaps, gap_w);
    let measures = lay_out_column(ui, ctx, &columns.measures, measure_w);
    let ministries = lay_out_column(ui, ctx, &columns.ministries, ministry_w);
    let tops = place(columns, &gaps, &measures, &ministries);
    let bottom = [&gaps, &measures, &ministries]
        .iter()
        .zip(&tops)
        .flat_map(|(col, t)| col.iter().zip(t).map(|(b, t)| t + b.size.y))
        .fold(0.0_f32, f32::max);

    let (rect, background) =
        ui.allocate_exact_size(Vec2::new(width, TITLE_H + bottom + PAD), Sense::click());
    if background.clicked() && ctx.selection.is_some() {
        actions.push(Action::Select(None));
    }
    let painter = ui.painter_at(rect);
    let origin = rect.min + Vec2::new(0.0, TITLE_H);

    // Column titles.
    let titles = [
        (ctx.t("小論点・ギャップ", "Gaps"), columns.gaps.len()),
        (ctx.t("対応案・施策", "Measures"), columns.measures.len()),
        (
            ctx.t("担当府省庁", "Responsible ministries"),
            columns.ministries.len(),
        ),
    ];
    // A title wider than its column reaches left into the gutter, and is elided past that.
    let widths = [gap_w, measure_w, ministry_w];
    let mut free_left = 0.0;
    for (((title, n), x), w) in titles.iter().zip(xs).zip(widths) {
        let mut job = egui::text::LayoutJob::simple_singleline(
            match ctx.lang {
                Lang::Ja => format!("{title}（{n}）"),
                Lang::En => format!("{title} ({n})"),
            },
            FontId::proportional(14.0),
            ui.visuals().strong_text_color(),
        );
        job.wrap.max_width = x + w - free_left;
        job.wrap.max_rows = 1;
        job.wrap.break_anywhere = true;
        let galley = painter.layout_job(job);
        let left = (x + w - galley.size().x).clamp(free_left, x);
        painter.galley(
            rect.min + Vec2::new(left, 2.0),
            galley,
            ui.visuals().strong_text_color(),
        );
        free_left = x + w + 8.0;
    }

    // Where each box is, for the curves.
    let mut rects: HashMap<&ItemRef, Rect> = HashMap::new();
    for ((col, col_tops), x) in [&gaps, &measures, &ministries].iter().zip(&tops).zip(xs) {
        for (b, t) in col.iter().zip(col_tops) {
            rects.insert(
                b.item,
                Rect::from_min_size(origin + Vec2::new(x, *t), b.size),
            );
        }
    }

    // The few ministries stay in view while the long columns scroll: as a block centred in the
    // view, in the order of their measures.
    let visible = ui.clip_rect();
    let block_h = ministries.iter().map(|b| b.size.y + SPACING).sum::<f32>() - SPACING;
    let block_top = (visible.center().y - block_h * 0.5)
        .clamp(origin.y, (origin.y + bottom - block_h).max(origin.y));
    let mut order: Vec<usize> = (0..ministries.len()).collect();
    order.sort_by(|&a, &b| tops[2][a].total_cmp(&tops[2][b]));
    let mut y = block_top;
    for i in order {
        let b = &ministries[i];
        rects.insert(
            b.item,
            Rect::from_min_size(Pos2::new(origin.x + xs[2], y), b.size),
        );
        y += b.size.y + SPACING;
    }
    let dark = ui.visuals().dark_mode;
    // Curves under boxes: faint ones first, the selection's on top.
    let mut lit: Vec<&ColumnLink> = Vec::new();
    for l in &columns.links {
        let on = highlight.is_some_and(|h| h.contains(&l.from) && h.contains(&l.to));
        if on {
            lit.push(l);
        } else {
            paint_link(
                &painter,
                &rects,
                l,
                visible,
                dark,
                highlight.is_some(),
                false,
                ui,
            );
        }
    }
    for l in lit {
        paint_link(&painter, &rects, l, visible, dark, true, true, ui);
    }

    let base = egui::Id::unique("waymark-linkage-box");
    let mut responses = Vec::new();
    for col in [&gaps, &measures, &ministries] {
        for b in col {
            // Boxes out of view stay in the accessibility tree; the painter clips their shapes.
            let r = rects[b.item];
            let response = box_ui(
                ui,
                ctx,
                &painter,
                b,
                r,
                emphasis(ctx, highlight, b.item),
                base,
                actions,
            );
            responses.push((b.item, response));
        }
    }
    if ctx.editable {
        drag::link_drag(ui, ctx, &painter, &rects, &responses, actions);
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one drawing helper, called twice"
)]
fn paint_link(
    painter: &egui::Painter,
    rects: &HashMap<&ItemRef, Rect>,
    l: &ColumnLink,
    visible: Rect,
    dark: bool,
    something_selected: bool,
    lit: bool,
    ui: &egui::Ui,
) {
    let (Some(a), Some(b)) = (rects.get(&l.from), rects.get(&l.to)) else {
        return;
    };
    let from = a.right_center();
    let to = b.left_center();
    if !visible.intersects(Rect::from_two_pos(from, to)) {
        return;
    }
    let base = if lit {
        ui.visuals().selection.stroke.color
    } else {
        link_color(l.provenance, dark)
    };
    let dashed = l.provenance != Provenance::Stated;
    let (width, alpha) = match (lit, something_selected) {
        (true, _) => (2.5, 1.0),
        (false, true) => (1.0, 0.12),
        (false, false) => (1.2, 0.55),
    };
    let width = if l.role == Some(MinistryRole::Support) {
        width * 0.7
    } else {
        width
    };
    let color = if lit && dashed {
        // Keep the editorial colour visible on a lit dashed link.
        link_color(l.provenance, dark)
    } else {
        base
    };
    paint_curve(
        painter,
        from,
        to,
        false,
        Stroke::new(width, color.gamma_multiply(alpha)),
        dashed,
    );
}

#[expect(clippy::too_many_arguments, reason = "one drawing helper")]
fn box_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    b: &Boxed<'_>,
    r: Rect,
    emphasis: Emphasis,
    base: egui::Id,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let color = kind_color(b.item.kind(), dark);
    let alpha = if emphasis == Emphasis::Dimmed {
        0.3
    } else {
        1.0
    };
    let fill = ui
        .visuals()
        .extreme_bg_color
        .lerp_to_gamma(color, 0.12)
        .gamma_multiply(alpha);
    let stroke = match emphasis {
        Emphasis::Selected => Stroke::new(3.0, ui.visuals().selection.stroke.color),
        Emphasis::Linked => Stroke::new(2.0, color),
        Emphasis::Normal => Stroke::new(1.0, color.gamma_multiply(0.8)),
        Emphasis::Dimmed => Stroke::new(1.0, color.gamma_multiply(0.25)),
    };
    painter.rect_filled(r, 4.0, fill);
    painter.rect_stroke(r, 4.0, stroke, egui::StrokeKind::Inside);
    let tag_pos = r.min + Vec2::splat(PAD);
    let text_pos = tag_pos + Vec2::new(0.0, b.tag.size().y + 2.0);
    let ink = |c: Color32| {
        c.gamma_multiply(if emphasis == Emphasis::Dimmed {
            0.35
        } else {
            1.0
        })
    };
    painter.galley(
        tag_pos,
        b.tag.clone(),
        ink(ui.visuals().strong_text_color()),
    );
    painter.galley_with_override_text_color(
        text_pos,
        b.text.clone(),
        ink(ui.visuals().text_color()),
    );
    if let Some(badge) = b.badge {
        painter.text(
            r.right_top() + Vec2::new(-PAD, PAD),
            Align2::RIGHT_TOP,
            badge,
            FontId::proportional(11.0),
            ink(ui.visuals().error_fg_color),
        );
    }

    let selected = emphasis == Emphasis::Selected;
    let sense = if ctx.editable {
        Sense::click_and_drag()
    } else {
        Sense::click()
    };
    let response = ui.interact(r, base.with(b.item), sense);
    response.widget_info(|| {
        egui::WidgetInfo::selected(Role::Button, true, selected, item_label(ctx, b.item))
    });
    if let Some(description) = emphasis_description(ctx, emphasis) {
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_description(description));
    }
    if response.hovered() {
        painter.rect_stroke(
            r,
            4.0,
            Stroke::new(1.5, ui.visuals().widgets.hovered.fg_stroke.color),
            egui::StrokeKind::Outside,
        );
    }
    if response.clicked() {
        actions.push(Action::Select(Some(b.item.clone())));
    }
    if ctx.editable {
        response.context_menu(|ui| drag::unlink_menu(ui, ctx, b.item, actions));
    }
    if response.dragged() {
        response
    } else {
        response.on_hover_ui(|ui| hover_ui(ui, ctx, b.item))
    }
}

fn hover_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: &ItemRef) {
    ui.set_max_width(420.0);
    let roadmap = ctx.roadmap;
    ui.strong(item_tag(ctx, item));
    ui.label(labels::text(roadmap, item, ctx.lang));
    let lang = ctx.lang;
    match item {
        ItemRef::Gap(_) => {
            let n = ctx.index.measures_of_gap(item).count();
            ui.label(format!("{}: {n}", ctx.t("対応する施策", "Addressed by")));
        }
        ItemRef::Measure(id) => {
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
            ui.label(format!(
                "{}: {}",
                ctx.t("担当府省庁", "Responsible"),
                if ministries.is_empty() {
                    ctx.t("未設定", "none").to_owned()
                } else {
                    ministries.join("、")
                }
            ));
            if let Some(span) = roadmap.measure(id).and_then(|m| m.span.as_ref()) {
                ui.label(format!(
                    "{}（{}）",
                    crate::analysis::timeline_view::span_label(span.start_fy, span.end_fy, lang),
                    lang.pick(span.provenance.label_ja(), span.provenance.label_en())
                ));
            }
        }
        ItemRef::Ministry(_) => {
            let n = ctx.index.measures_of_ministry(item).count();
            ui.label(format!("{}: {n}", ctx.t("担当する施策", "Responsible for")));
        }
        _ => {}
    }
    ui.weak(if ctx.editable {
        ctx.t(
            "クリックで選択・ドラッグで他の項目とつなぐ・右クリックでつながりを外す",
            "Click to select; drag onto another item to link; right-click to unlink",
        )
    } else {
        ctx.t("クリックで選択", "Click to select")
    });
}
