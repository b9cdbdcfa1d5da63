//! The boxes of the three columns: their text, laid out to the column width when a box is drawn,
//! and the columns' [`Layout`] — widths, and every box's height and place — computed once and kept
//! in egui's memory until the document, the filter, the language, the width or the pixel density
//! changes. Places come from [`place`]: measures stacked in order, gaps and ministries level with
//! the measures they link to.

use std::sync::Arc;

use egui::{FontId, Galley, Rect};

use super::item_tag;
use crate::analysis::labels;
use crate::analysis::linkage::place::{self, Placement};
use crate::i18n::Lang;
use crate::model::ItemRef;
use crate::ui::ViewCtx;

/// Padding inside a box.
pub(super) const PAD: f32 = 6.0;
/// Vertical space between boxes of a column.
pub(super) const SPACING: f32 = 8.0;
/// Space between a box's tag and its text.
const TAG_GAP: f32 = 2.0;

fn font() -> FontId {
    FontId::proportional(13.0)
}

/// The columns of the drawing for one width: where each column is and where each box goes.
pub(super) struct Layout {
    /// Left edge of the gap, measure and ministry columns, relative to the drawing.
    pub(super) xs: [f32; 3],
    /// Width of each column.
    pub(super) widths: [f32; 3],
    /// Every box's height and top, relative to the top of the columns.
    pub(super) placement: Placement,
}

/// What a [`Layout`] depends on besides the document and the filter (whose changes the
/// generation reflects).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    generation: u64,
    lang: Lang,
    width_bits: u32,
    pixels_per_point_bits: u32,
}

/// The layout of the columns `width` wide, from egui's memory (under `id`) when nothing it depends
/// on has changed since it was computed.
pub(super) fn layout(ui: &egui::Ui, ctx: &ViewCtx<'_>, id: egui::Id, width: f32) -> Arc<Layout> {
    let key = Key {
        generation: ctx.generation,
        lang: ctx.lang,
        width_bits: width.to_bits(),
        pixels_per_point_bits: ui.ctx().pixels_per_point().to_bits(),
    };
    let kept = ui
        .ctx()
        .data(|d| d.get_temp::<(Key, Arc<Layout>)>(id))
        .filter(|(k, _)| *k == key);
    if let Some((_, layout)) = kept {
        return layout;
    }
    let layout = Arc::new(compute(ui, ctx, width));
    ui.ctx()
        .data_mut(|d| d.insert_temp(id, (key, Arc::clone(&layout))));
    layout
}

/// The narrowest the drawing gets: below it the view scrolls sideways.
pub(super) const MIN_WIDTH: f32 = 400.0;

/// The widths of the gap, measure and ministry columns and of the gutters between them, for a
/// drawing `width` wide: the ministry column keeps a fifth of it but never less than a short
/// ministry name needs, the gap and measure columns share the rest, and the gutters narrow in a
/// small window so that all three columns fit in it.
fn column_widths(width: f32) -> ([f32; 3], f32) {
    let gutter = (width * 0.07).clamp(28.0, 140.0);
    let columns = width - 2.0 * gutter;
    let ministry_w = (columns * 0.2).max((columns * 0.3).min(110.0));
    let side = (columns - ministry_w) / 2.0;
    ([side, side, ministry_w], gutter)
}

fn compute(ui: &egui::Ui, ctx: &ViewCtx<'_>, width: f32) -> Layout {
    let ([gap_w, measure_w, ministry_w], gutter) = column_widths(width);
    let xs = [0.0, gap_w + gutter, gap_w + measure_w + 2.0 * gutter];
    let columns = ctx.linkage;
    let heights = [
        heights(ui, ctx, &columns.gaps, gap_w),
        heights(ui, ctx, &columns.measures, measure_w),
        heights(ui, ctx, &columns.ministries, ministry_w),
    ];
    Layout {
        xs,
        widths: [gap_w, measure_w, ministry_w],
        placement: place::place(columns, heights, SPACING),
    }
}

fn wrap_width(width: f32) -> f32 {
    (width - 2.0 * PAD).max(40.0)
}

fn box_height(tag: &Galley, text: &Galley) -> f32 {
    PAD * 2.0 + tag.size().y + TAG_GAP + text.size().y
}

/// The height of each item's box in a column `width` wide.
fn heights(ui: &egui::Ui, ctx: &ViewCtx<'_>, items: &[ItemRef], width: f32) -> Vec<f32> {
    let wrap = wrap_width(width);
    // The colours of `lay_out_box`, so that the boxes drawn next find their text laid out.
    let (strong, plain) = (ui.visuals().strong_text_color(), ui.visuals().text_color());
    ui.ctx().fonts_mut(|fonts| {
        items
            .iter()
            .map(|item| {
                let (tag, text, _) = box_text(ctx, item);
                let tag = fonts.layout(tag, font(), strong, wrap);
                let text = fonts.layout(text, font(), plain, wrap);
                box_height(&tag, &text)
            })
            .collect()
    })
}

/// One box being drawn, its text laid out.
pub(super) struct Boxed<'a> {
    /// The item.
    pub(super) item: &'a ItemRef,
    /// Its tag, laid out.
    pub(super) tag: Arc<Galley>,
    /// Its text, laid out.
    pub(super) text: Arc<Galley>,
    /// A warning shown at its top right (未対応, 担当未設定).
    pub(super) badge: Option<&'static str>,
    /// Where it is on screen.
    pub(super) rect: Rect,
}

/// Lays out the text of `item`'s box at `rect` (as wide as its column).
pub(super) fn lay_out_box<'a>(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    item: &'a ItemRef,
    rect: Rect,
) -> Boxed<'a> {
    let wrap = wrap_width(rect.width());
    let (tag, text, badge) = box_text(ctx, item);
    let strong = ui.visuals().strong_text_color();
    let tag = ui.painter().layout(tag, font(), strong, wrap);
    let text = ui
        .painter()
        .layout(text, font(), ui.visuals().text_color(), wrap);
    Boxed {
        item,
        tag,
        text,
        badge,
        rect,
    }
}

/// Where a box's text starts, below its tag.
pub(super) fn text_offset(b: &Boxed<'_>) -> f32 {
    b.tag.size().y + TAG_GAP
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_gutters_fill_the_width_and_ministries_keep_room() {
        for width in [MIN_WIDTH, 560.0, 600.0, 800.0, 1200.0, 1800.0] {
            let ([gap, measure, ministry], gutter) = column_widths(width);
            assert!(
                (gap + measure + ministry + 2.0 * gutter - width).abs() < 0.01,
                "{width}"
            );
            assert!(
                gutter >= 28.0,
                "curves keep room between columns at {width}"
            );
            assert!(ministry >= 100.0, "ministries {ministry} wide at {width}");
            assert!(gap > ministry && measure > ministry, "{width}");
        }
    }
}
