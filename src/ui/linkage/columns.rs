//! The boxes of the three columns: their text laid out to the column width, and their vertical
//! places, measures stacked in order with gaps and ministries level with the measures they link to.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{FontId, Galley, Vec2};

use super::item_tag;
use crate::analysis::labels;
use crate::analysis::linkage::{self, Columns, LinkSide};
use crate::model::ItemRef;
use crate::ui::ViewCtx;

/// Padding inside a box.
pub(super) const PAD: f32 = 6.0;
/// Vertical space between boxes of a column.
pub(super) const SPACING: f32 = 8.0;

/// One box of a column, laid out.
pub(super) struct Boxed<'a> {
    /// The item.
    pub(super) item: &'a ItemRef,
    /// Its tag, laid out.
    pub(super) tag: Arc<Galley>,
    /// Its text, laid out.
    pub(super) text: Arc<Galley>,
    /// A warning shown at its top right (未対応, 担当未設定).
    pub(super) badge: Option<&'static str>,
    /// The size of the box.
    pub(super) size: Vec2,
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

pub(super) fn lay_out_column<'a>(
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
pub(super) fn place(
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
