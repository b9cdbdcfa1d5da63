//! The linkage view: three columns — gaps (小論点) | measures (対応案) | ministries (府省庁) — with
//! curves for "addressed by" and "responsible" links. It answers "which gap is answered by which
//! measure, and who is responsible", and shows what is still unaddressed.
//!
//! Selecting a box lights up its chain through the columns and dims the rest; editorial and assumed
//! links are dashed in a different colour. Only items passing the filter are shown.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use egui::epaint::CubicBezierShape;
use egui::{Align2, Color32, FontId, Galley, Pos2, Rect, Role, Sense, Shape, Stroke, Vec2};

use super::ViewCtx;
use crate::action::Action;
use crate::analysis::labels;
use crate::analysis::linkage::{self, ColumnLink, Columns, LinkSide};
use crate::model::{ItemKind, ItemRef, MeasureKind, Provenance, Role as MinistryRole};

/// Padding inside a box.
const PAD: f32 = 6.0;
/// Vertical space between boxes of a column.
const SPACING: f32 = 8.0;
/// Height of the column-title strip.
const TITLE_H: f32 = 22.0;

/// How an item is drawn, given the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// The selected item.
    Selected,
    /// In the selection's chain.
    Linked,
    /// Nothing is selected.
    Normal,
    /// Something is selected and the item is outside its chain.
    Dimmed,
}

/// The items the linkage view lights up for the current selection: for a gap, measure or ministry
/// its chain through the three columns ([`linkage::chain`]); for anything else the selection's
/// neighbourhood (`ctx.focus`). `None` when nothing is selected.
pub fn highlighted(ctx: &ViewCtx<'_>) -> Option<HashSet<ItemRef>> {
    let selection = ctx.selection?;
    linkage::chain(ctx.index, selection).or_else(|| ctx.focus.cloned())
}

/// How `item` is drawn, given the set from [`highlighted`].
pub fn emphasis(
    ctx: &ViewCtx<'_>,
    highlight: Option<&HashSet<ItemRef>>,
    item: &ItemRef,
) -> Emphasis {
    if ctx.is_selected(item) {
        Emphasis::Selected
    } else {
        match highlight {
            None => Emphasis::Normal,
            Some(h) if h.contains(item) => Emphasis::Linked,
            Some(_) => Emphasis::Dimmed,
        }
    }
}

/// What a screen reader hears about an item's emphasis (its accessible description); `None` when
/// nothing is selected.
pub fn emphasis_description(ctx: &ViewCtx<'_>, emphasis: Emphasis) -> Option<&'static str> {
    match emphasis {
        Emphasis::Selected => Some(ctx.t("選択中", "selected")),
        Emphasis::Linked => Some(ctx.t("選択項目とつながる", "linked to the selection")),
        Emphasis::Dimmed => Some(ctx.t("選択項目とつながらない", "not linked to the selection")),
        Emphasis::Normal => None,
    }
}

/// The accessible name of an item's box (and of its bar on the timeline): its tag and the start of
/// its text, as [`labels::short`] gives them.
pub fn item_label(ctx: &ViewCtx<'_>, item: &ItemRef) -> String {
    labels::short(ctx.roadmap, item, ctx.lang, 60)
}

/// The colour of an item kind's boxes and bars.
pub(crate) fn kind_color(kind: ItemKind, dark: bool) -> Color32 {
    let (light, dark_c) = match kind {
        ItemKind::Gap => (
            Color32::from_rgb(196, 120, 20),
            Color32::from_rgb(230, 160, 60),
        ),
        ItemKind::Measure => (
            Color32::from_rgb(40, 100, 190),
            Color32::from_rgb(100, 160, 240),
        ),
        ItemKind::Ministry => (
            Color32::from_rgb(30, 140, 90),
            Color32::from_rgb(90, 200, 140),
        ),
        ItemKind::Target => (
            Color32::from_rgb(200, 150, 0),
            Color32::from_rgb(250, 210, 60),
        ),
        ItemKind::Event => (
            Color32::from_rgb(130, 70, 170),
            Color32::from_rgb(190, 140, 230),
        ),
        ItemKind::Kpi => (
            Color32::from_rgb(200, 50, 60),
            Color32::from_rgb(240, 110, 110),
        ),
        _ => (Color32::from_gray(110), Color32::from_gray(170)),
    };
    if dark { dark_c } else { light }
}

/// The colour of a link: neutral when stated, orange when an editor judged or assumed it.
pub(crate) fn link_color(provenance: Provenance, dark: bool) -> Color32 {
    match (provenance, dark) {
        (Provenance::Stated, false) => Color32::from_rgb(70, 90, 120),
        (Provenance::Stated, true) => Color32::from_rgb(170, 185, 210),
        (_, false) => Color32::from_rgb(220, 110, 0),
        (_, true) => Color32::from_rgb(255, 160, 60),
    }
}

/// Paints a cubic curve from `from` to `to` leaving and entering horizontally (or vertically when
/// `vertical`), dashed when the link is not stated.
pub(crate) fn paint_curve(
    painter: &egui::Painter,
    from: Pos2,
    to: Pos2,
    vertical: bool,
    stroke: Stroke,
    dashed: bool,
) {
    let (c1, c2) = if vertical {
        let dy = (to.y - from.y) * 0.5;
        (from + Vec2::new(0.0, dy), to - Vec2::new(0.0, dy))
    } else {
        let dx = ((to.x - from.x) * 0.5).max(20.0);
        (from + Vec2::new(dx, 0.0), to - Vec2::new(dx, 0.0))
    };
    let curve = CubicBezierShape::from_points_stroke(
        [from, c1, c2, to],
        false,
        Color32::TRANSPARENT,
        stroke,
    );
    if dashed {
        let points = curve.flatten(Some(0.5));
        painter.extend(Shape::dashed_line(&points, stroke, 6.0, 4.0));
    } else {
        painter.add(curve);
    }
}

/// Draws a legend sample: a short line, solid or dashed.
pub(crate) fn legend_line(ui: &mut egui::Ui, color: Color32, width: f32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(28.0, 12.0), Sense::hover());
    let a = rect.left_center();
    let b = rect.right_center();
    let stroke = Stroke::new(width, color);
    if dashed {
        ui.painter()
            .extend(Shape::dashed_line(&[a, b], stroke, 6.0, 4.0));
    } else {
        ui.painter().line_segment([a, b], stroke);
    }
}

/// One box of a column, laid out.
struct Boxed<'a> {
    item: &'a ItemRef,
    tag: Arc<Galley>,
    text: Arc<Galley>,
    badge: Option<&'static str>,
    size: Vec2,
}

/// Shows the linkage view.
pub fn linkage_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t(
        "つながり：論点 → 対応案 → 府省庁",
        "Linkage: gaps → measures → ministries",
    ));
    legend_ui(ui, ctx);
    let columns = linkage::columns(ctx.roadmap, ctx.index, &|r| ctx.visible.contains(r));
    if columns.gaps.is_empty() && columns.measures.is_empty() && columns.ministries.is_empty() {
        ui.label(ctx.t(
            "フィルタに合う論点・対応案・府省庁がありません。",
            "No gaps, measures or ministries pass the filter.",
        ));
        return;
    }
    let highlight = highlighted(ctx);
    egui::ScrollArea::vertical()
        .id_salt("waymark-linkage")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            body_ui(ui, ctx, &columns, highlight.as_ref(), actions);
        });
}

fn legend_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        legend_line(ui, link_color(Provenance::Stated, dark), 1.5, false);
        ui.label(ctx.t("出典に記載されたつながり", "link stated by a source"));
        ui.add_space(12.0);
        legend_line(ui, link_color(Provenance::Editorial, dark), 1.5, true);
        ui.label(ctx.t(
            "編集判断・仮定のつながり",
            "link judged or assumed by an editor",
        ));
        ui.add_space(12.0);
        legend_line(ui, ui.visuals().selection.stroke.color, 3.0, false);
        ui.label(ctx.t("選択項目のつながり", "links of the selection"));
        ui.add_space(12.0);
        ui.label(
            egui::RichText::new(ctx.t("未対応", "unaddressed")).color(ui.visuals().error_fg_color),
        );
        ui.label(ctx.t(
            "＝対応案のない論点・担当のない対応案",
            "= gap without measure / measure without ministry",
        ));
    });
}

/// The tag shown above an item's text: [`labels::tag`], except for measures, which have none and
/// show their kind and their ministries as the document writes them: `対応案（文、厚）`.
pub(crate) fn item_tag(ctx: &ViewCtx<'_>, item: &ItemRef) -> String {
    let ItemRef::Measure(id) = item else {
        return labels::tag(ctx.roadmap, item, ctx.lang);
    };
    let m = ctx.roadmap.measure(id);
    let kind = match m.map(|m| &m.kind) {
        Some(MeasureKind::Response) => ctx.t("対応案", "Response"),
        Some(MeasureKind::ProposalAction) => ctx.t("提言アクション", "Proposal action"),
        Some(MeasureKind::Programme) => ctx.t("事業", "Programme"),
        Some(MeasureKind::Framework) => ctx.t("制度", "Framework"),
        None => "",
    };
    let written = m
        .and_then(|m| m.ministries_as_written.as_deref())
        .unwrap_or("");
    format!("{kind}{written}")
}

fn box_text(ctx: &ViewCtx<'_>, item: &ItemRef) -> (String, String, Option<&'static str>) {
    let roadmap = ctx.roadmap;
    match item {
        ItemRef::Gap(_) => {
            let badge = ctx
                .index
                .measures_of_gap(item)
                .next()
                .is_none()
                .then(|| ctx.t("未対応", "unaddressed"));
            (
                labels::tag(roadmap, item, ctx.lang),
                labels::ellipsize(&labels::text(roadmap, item, ctx.lang), 70),
                badge,
            )
        }
        ItemRef::Measure(_) => {
            let badge = ctx
                .index
                .ministries_of_measure(item)
                .next()
                .is_none()
                .then(|| ctx.t("担当未設定", "no ministry"));
            (
                item_tag(ctx, item),
                labels::ellipsize(&labels::text(roadmap, item, ctx.lang), 60),
                badge,
            )
        }
        _ => (
            labels::tag(roadmap, item, ctx.lang),
            labels::text(roadmap, item, ctx.lang),
            None,
        ),
    }
}

fn lay_out_column<'a>(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    items: &'a [ItemRef],
    width: f32,
) -> Vec<Boxed<'a>> {
    let text_color = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    let wrap = (width - 2.0 * PAD).max(40.0);
    items
        .iter()
        .map(|item| {
            let (tag, text, badge) = box_text(ctx, item);
            let tag = ui
                .painter()
                .layout(tag, FontId::proportional(13.0), strong, wrap);
            let text = ui
                .painter()
                .layout(text, FontId::proportional(13.0), text_color, wrap);
            let h = PAD * 2.0 + tag.size().y + 2.0 + text.size().y;
            Boxed {
                item,
                tag,
                text,
                badge,
                size: Vec2::new(width, h),
            }
        })
        .collect()
}

fn mean(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f32)
}

/// Tops of the boxes of the three columns, relative to the top of the drawing.
fn place(
    columns: &Columns,
    gaps: &[Boxed<'_>],
    measures: &[Boxed<'_>],
    ministries: &[Boxed<'_>],
) -> [Vec<f32>; 3] {
    // Measures, the longest column, stack in their order.
    let mut measure_tops = Vec::with_capacity(measures.len());
    let mut y = 0.0;
    for b in measures {
        measure_tops.push(y);
        y += b.size.y + SPACING;
    }
    let measure_pos: HashMap<&ItemRef, usize> = measures
        .iter()
        .enumerate()
        .map(|(i, b)| (b.item, i))
        .collect();
    let centre_of = |m: &ItemRef| {
        measure_pos
            .get(m)
            .map(|&i| measure_tops[i] + measures[i].size.y * 0.5)
    };
    // Gaps sit level with their measures, in their own order.
    let mut wanted = Vec::with_capacity(gaps.len());
    let mut last = 0.0_f32;
    for b in gaps {
        let c = mean(
            columns
                .links
                .iter()
                .filter(|l| l.side == LinkSide::GapMeasure && &l.from == b.item)
                .filter_map(|l| centre_of(&l.to)),
        );
        let w = c.map_or(last, |c| (c - b.size.y * 0.5).max(last));
        wanted.push(w);
        last = w;
    }
    let heights: Vec<f32> = gaps.iter().map(|b| b.size.y).collect();
    let gap_tops = linkage::stack(&wanted, &heights, SPACING, 0.0);
    // Ministries sit level with the middle of their measures.
    let wanted: Vec<f32> = ministries
        .iter()
        .map(|b| {
            mean(
                columns
                    .links
                    .iter()
                    .filter(|l| l.side == LinkSide::MeasureMinistry && &l.to == b.item)
                    .filter_map(|l| centre_of(&l.from)),
            )
            .map_or(f32::MAX / 4.0, |c| c - b.size.y * 0.5)
        })
        .collect();
    let heights: Vec<f32> = ministries.iter().map(|b| b.size.y).collect();
    let ministry_tops = linkage::stack(&wanted, &heights, SPACING, 0.0);
    [gap_tops, measure_tops, ministry_tops]
}

fn body_ui(
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
    for ((title, n), x) in titles.iter().zip(xs) {
        painter.text(
            rect.min + Vec2::new(x, 2.0),
            Align2::LEFT_TOP,
            format!("{title}（{n}）"),
            FontId::proportional(14.0),
            ui.visuals().strong_text_color(),
        );
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
    for col in [&gaps, &measures, &ministries] {
        for b in col {
            // Boxes out of view stay in the accessibility tree; the painter clips their shapes.
            let r = rects[b.item];
            box_ui(
                ui,
                ctx,
                &painter,
                b,
                r,
                emphasis(ctx, highlight, b.item),
                base,
                actions,
            );
        }
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
) {
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
    let response = ui.interact(r, base.with(b.item), Sense::click());
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
    response.on_hover_ui(|ui| hover_ui(ui, ctx, b.item));
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
    ui.weak(ctx.t("クリックで選択", "Click to select"));
}
