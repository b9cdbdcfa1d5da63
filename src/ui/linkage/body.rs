//! Drawing the linkage view: column titles, the curves between the columns (faint ones first, the
//! selection's on top), and the boxes with their click response, accessible name and description,
//! and hover text.
//!
//! Only what reaches into the visible part of the scroll area is drawn, so a frame costs what is on
//! screen: the boxes there (they alone are in the accessibility tree, with the box being dragged),
//! the gaps' links reaching into it or crossing it, and the links of the measures there to the
//! ministries, which stay in view — with, for each ministry, its link to the nearest of its
//! measures above and below the view, showing which way the rest lie.

use std::collections::{HashMap, HashSet};

use egui::{Align2, Color32, FontId, Pos2, Rangef, Rect, Role, Sense, Stroke, Vec2};

use super::columns::{Boxed, Layout, PAD, SPACING, lay_out_box, layout, text_offset};
use super::drag;
use super::style::{kind_color, link_color, paint_curve_through};
use super::{Emphasis, emphasis, emphasis_description, item_label, item_tag};
use crate::action::Action;
use crate::analysis::labels;
use crate::analysis::linkage::place::{GAPS, MEASURES, MINISTRIES};
use crate::analysis::linkage::{ColumnLink, LinkSide};
use crate::i18n::Lang;
use crate::model::{ItemRef, Provenance, Role as MinistryRole};
use crate::ui::ViewCtx;

/// Height of the column-title strip.
const TITLE_H: f32 = 22.0;

/// The items of column `col` ([`GAPS`], [`MEASURES`] or [`MINISTRIES`]).
fn items<'a>(ctx: &ViewCtx<'a>, col: usize) -> &'a [ItemRef] {
    match col {
        GAPS => &ctx.linkage.gaps,
        MEASURES => &ctx.linkage.measures,
        _ => &ctx.linkage.ministries,
    }
}

/// Where the boxes are on screen this frame.
struct Geometry<'l> {
    layout: &'l Layout,
    /// The top left of the columns.
    origin: Pos2,
    /// The top of each ministry's box: the few ministries stay in view while the long columns
    /// scroll, as a block centred in the view, in the order of their measures.
    ministry_tops: Vec<f32>,
}

impl<'l> Geometry<'l> {
    fn new(layout: &'l Layout, origin: Pos2, visible: Rect) -> Self {
        let placement = &layout.placement;
        let ministries = &placement.columns[MINISTRIES];
        let block_h = ministries.heights.iter().map(|h| h + SPACING).sum::<f32>() - SPACING;
        let bottom = origin.y + placement.bottom();
        let block_top =
            (visible.center().y - block_h * 0.5).clamp(origin.y, (bottom - block_h).max(origin.y));
        let mut ministry_tops = vec![0.0; ministries.heights.len()];
        let mut y = block_top;
        for i in ministries.top_to_bottom() {
            ministry_tops[i] = y;
            y += ministries.heights[i] + SPACING;
        }
        Self {
            layout,
            origin,
            ministry_tops,
        }
    }

    /// The rect of box `i` of column `col`.
    fn rect(&self, col: usize, i: usize) -> Rect {
        let column = &self.layout.placement.columns[col];
        let top = if col == MINISTRIES {
            self.ministry_tops[i]
        } else {
            self.origin.y + column.tops[i]
        };
        Rect::from_min_size(
            Pos2::new(self.origin.x + self.layout.xs[col], top),
            Vec2::new(self.layout.widths[col], column.heights[i]),
        )
    }
}

pub(super) fn body_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    viewport: Rect,
    highlight: Option<&HashSet<ItemRef>>,
    actions: &mut Vec<Action>,
) {
    let width = ui.available_width().max(super::columns::MIN_WIDTH);
    let layout = layout(ui, ctx, ui.scope_id().with("layout"), width);
    let placement = &layout.placement;
    let (rect, background) = ui.allocate_exact_size(
        Vec2::new(width, TITLE_H + placement.bottom() + PAD),
        Sense::click(),
    );
    if background.clicked() && ctx.selection.is_some() {
        actions.push(Action::Select(None));
    }
    let painter = ui.painter_at(rect);
    titles_ui(ui, ctx, &painter, rect.min, &layout);
    // The viewport is relative to the top left of the contents, where `rect` starts.
    let visible = viewport.translate(rect.min.to_vec2());
    let geometry = Geometry::new(&layout, rect.min + Vec2::new(0.0, TITLE_H), visible);
    if ctx.reveal
        && let Some(selection) = ctx.selection
        && let Some((col, i)) = [GAPS, MEASURES].into_iter().find_map(|col| {
            items(ctx, col)
                .iter()
                .position(|x| x == selection)
                .map(|i| (col, i))
        })
    {
        // The ministries' column stays in view by itself.
        ui.scroll_to_rect(geometry.rect(col, i), None);
    }
    let band = (
        visible.top() - geometry.origin.y,
        visible.bottom() - geometry.origin.y,
    );

    let pen = Pen {
        dark: ui.visuals().dark_mode,
        something_selected: highlight.is_some(),
        selection: ui.visuals().selection.stroke.color,
        band: visible.y_range(),
    };
    // Curves under boxes: faint ones first, the selection's on top.
    let mut lit: Vec<(&ColumnLink, Pos2, Pos2)> = Vec::new();
    let mut links = placement.links_in(band.0, band.1);
    links.extend(placement.ministry_links_beyond(band.0, band.1));
    for i in links {
        let l = &ctx.linkage.links[i];
        let [a, b] = placement.link_ends[i];
        let (left, right) = match l.side {
            LinkSide::GapMeasure => (GAPS, MEASURES),
            LinkSide::MeasureMinistry => (MEASURES, MINISTRIES),
        };
        let from = geometry.rect(left, a as usize).right_center();
        let to = geometry.rect(right, b as usize).left_center();
        if !visible.intersects(Rect::from_two_pos(from, to)) {
            continue;
        }
        if highlight.is_some_and(|h| h.contains(&l.from) && h.contains(&l.to)) {
            lit.push((l, from, to));
        } else {
            pen.paint(&painter, l, from, to, false);
        }
    }
    for (l, from, to) in lit {
        pen.paint(&painter, l, from, to, true);
    }

    // The boxes in view, and the one being dragged wherever it is.
    let base = egui::Id::unique("waymark-linkage-box");
    let mut shown: Vec<(usize, usize)> = Vec::new();
    for col in [GAPS, MEASURES] {
        shown.extend(
            placement.columns[col]
                .overlapping(band.0, band.1)
                .map(|i| (col, i)),
        );
    }
    shown.extend(
        placement.columns[MINISTRIES]
            .top_to_bottom()
            .filter(|&i| geometry.rect(MINISTRIES, i).intersects(visible))
            .map(|i| (MINISTRIES, i)),
    );
    let drag_memory = base.with("dragged");
    let dragged = ui
        .ctx()
        .data(|d| d.get_temp::<(u64, usize, usize)>(drag_memory))
        .filter(|&(generation, col, i)| {
            generation == ctx.generation
                && items(ctx, col).get(i).is_some_and(|item| {
                    let id = base.with(item);
                    ui.ctx().is_being_dragged(id) || ui.ctx().drag_stopped_id() == Some(id)
                })
        });
    if let Some((_, col, i)) = dragged
        && !shown.contains(&(col, i))
    {
        shown.push((col, i));
    }

    let mut rects: HashMap<&ItemRef, Rect> = HashMap::with_capacity(shown.len());
    let mut responses = Vec::with_capacity(shown.len());
    for (col, i) in shown {
        let item = &items(ctx, col)[i];
        let b = lay_out_box(ui, ctx, item, geometry.rect(col, i));
        let emphasis = emphasis(ctx, highlight, item);
        let response = box_ui(ui, ctx, &painter, &b, emphasis, base, actions);
        if response.drag_started() {
            ui.ctx()
                .data_mut(|d| d.insert_temp(drag_memory, (ctx.generation, col, i)));
        }
        rects.insert(item, b.rect);
        responses.push((item, response));
    }
    if ctx.editable {
        drag::link_drag(ui, ctx, &painter, &rects, &responses, actions);
    }
}

/// The column titles with their counts. A title wider than its column reaches left into the
/// gutter, and is elided past that.
fn titles_ui(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    top_left: Pos2,
    layout: &Layout,
) {
    let titles = [
        (ctx.t("小論点・ギャップ", "Gaps"), ctx.linkage.gaps.len()),
        (
            ctx.t("対応案・施策", "Measures"),
            ctx.linkage.measures.len(),
        ),
        (
            ctx.t("担当府省庁", "Ministries"),
            ctx.linkage.ministries.len(),
        ),
    ];
    let mut free_left = 0.0;
    for (((title, n), x), w) in titles.iter().zip(layout.xs).zip(layout.widths) {
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
            top_left + Vec2::new(left, 2.0),
            galley,
            ui.visuals().strong_text_color(),
        );
        free_left = x + w + 8.0;
    }
}

/// How the links of this frame are drawn.
struct Pen {
    dark: bool,
    something_selected: bool,
    /// The colour of the selection's links.
    selection: Color32,
    /// The visible heights on screen; a curve is drawn as far as it runs through them.
    band: Rangef,
}

impl Pen {
    fn paint(&self, painter: &egui::Painter, l: &ColumnLink, from: Pos2, to: Pos2, lit: bool) {
        let dashed = l.provenance != Provenance::Stated;
        let (width, alpha) = match (lit, self.something_selected) {
            (true, _) => (2.5, 1.0),
            (false, true) => (1.0, 0.12),
            (false, false) => (1.2, 0.55),
        };
        let width = if l.role == Some(MinistryRole::Support) {
            width * 0.7
        } else {
            width
        };
        // A lit dashed link keeps the editorial colour, to stay visible as one.
        let color = if lit && !dashed {
            self.selection
        } else {
            link_color(l.provenance, self.dark)
        };
        paint_curve_through(
            painter,
            from,
            to,
            self.band,
            Stroke::new(width, color.gamma_multiply(alpha)),
            dashed,
        );
    }
}

fn box_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    b: &Boxed<'_>,
    emphasis: Emphasis,
    base: egui::Id,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let r = b.rect;
    let dark = ui.visuals().dark_mode;
    let color = kind_color(b.item.kind(), dark);
    let alpha = if matches!(emphasis, Emphasis::Dimmed | Emphasis::Context) {
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
        Emphasis::Dimmed | Emphasis::Context => Stroke::new(1.0, color.gamma_multiply(0.25)),
    };
    painter.rect_filled(r, 4.0, fill);
    painter.rect_stroke(r, 4.0, stroke, egui::StrokeKind::Inside);
    let tag_pos = r.min + Vec2::splat(PAD);
    let text_pos = tag_pos + Vec2::new(0.0, text_offset(b));
    let ink = |c: Color32| {
        c.gamma_multiply(
            if matches!(emphasis, Emphasis::Dimmed | Emphasis::Context) {
                0.35
            } else {
                1.0
            },
        )
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
