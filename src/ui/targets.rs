//! Target states (目指すべき姿) by horizon year, side by side (2030 | 2040 | …), each with the
//! measures contributing to it and the gaps standing in its way: reading the roadmap backwards from
//! where it should arrive.
//!
//! A target state an editor assumed or judged, rather than one its source states, is drawn as the
//! timeline draws such timing: a stripe down the card's left edge, solid when stated, hatched with
//! a dashed outline when assumed, outlined when editorial, explained in a legend; and its label
//! says so in words (［仮定］, [assumed]), for a screen reader as well.
//!
//! The texts of every target state that passes the filter are gathered once per generation of the
//! derived data ([`crate::analysis::targets`]); each column draws only the cards in view ([`super::rows`]).

use std::sync::Arc;

use egui::{
    Id, IdSalt, Margin, Rangef, Rect, RichText, Sense, TextStyle, TextWrapMode, Ui, Vec2,
    WidgetText, pos2,
};

use super::ViewCtx;
use super::linkage::kind_color;
use super::matrix::{link, text_height, wrap};
use super::rows::{self, Rows, Stack, link_height};
use super::timeline::glyphs::paint_bar;
use crate::action::Action;
use crate::analysis::targets::{Related, TargetCard, TargetColumn, target_columns};
use crate::model::{ItemKind, ItemRef, Provenance};

/// Space above each card.
const CARD_SPACE: f32 = 6.0;

/// Width of the provenance stripe down a card's left edge, and the room left of it and right of it.
const STRIPE: (i8, i8, i8) = (6, 3, 5);

/// Shows the target states in one column per horizon year.
pub fn targets_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t(
        "目指すべき姿（バックキャスト）",
        "Target states (backcasting)",
    ));
    let columns: Arc<Vec<TargetColumn>> = rows::cached(
        ui.ctx(),
        Id::unique("waymark-targets"),
        ctx.generation,
        || target_columns(ctx.roadmap, ctx.index, ctx.visible, ctx.lang),
    );
    if columns.is_empty() {
        ui.label(ctx.t(
            "フィルタに該当する目指すべき姿はありません。",
            "No target state passes the filter.",
        ));
        return;
    }
    legend_ui(ui, ctx);
    egui::ScrollArea::vertical()
        .id_salt("targets")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // Columns as `Ui::columns` places them: equal widths, the item spacing between.
            let n = columns.len() as f32;
            let full = ui.max_rect().x_range();
            let gap = ui.spacing().item_spacing.x;
            let width = ((full.span() - gap * (n - 1.0)) / n).max(1.0);
            let origin_y = ui.max_rect().top();
            let mut lists: Vec<_> = columns
                .iter()
                .enumerate()
                .map(|(c, column)| {
                    let id = ui.scope_id().with(("targets-column", c));
                    let list = List {
                        ctx,
                        column,
                        actions: None,
                    };
                    let layout = rows::layout(ui, id, ctx.generation, width, &list);
                    (id, layout)
                })
                .collect();
            let height = lists.iter().map(|(_, l)| l.height()).fold(0.0, f32::max);
            ui.set_height(height);
            for (c, ((id, layout), column)) in lists.iter_mut().zip(columns.iter()).enumerate() {
                let left = full.min + c as f32 * (width + gap);
                let mut list = List {
                    ctx,
                    column,
                    actions: Some(&mut *actions),
                };
                let x = Rangef::new(left, left + width);
                rows::draw_visible(ui, *id, layout, (origin_y, x), viewport, &mut list);
            }
        });
}

/// A column as a list of rows: the heading, then one row per card.
struct List<'a, 'c> {
    ctx: &'c ViewCtx<'a>,
    column: &'c TargetColumn,
    /// Where clicks go; `None` while only measuring.
    actions: Option<&'c mut Vec<Action>>,
}

impl Rows for List<'_, '_> {
    fn len(&self) -> usize {
        self.column.cards.len() + 1
    }

    fn id(&self, i: usize) -> IdSalt {
        match i.checked_sub(1) {
            None => IdSalt::new(("targets-heading", &self.column.heading)),
            Some(c) => IdSalt::new(("target", self.column.cards[c].item.id_str())),
        }
    }

    fn height(&self, ui: &Ui, i: usize, width: f32) -> f32 {
        match i.checked_sub(1) {
            None => WidgetText::from(RichText::new(&self.column.heading).heading())
                .into_galley(ui, Some(TextWrapMode::Wrap), width, TextStyle::Heading)
                .size()
                .y
                .max(ui.text_style_height(&TextStyle::Heading)),
            Some(c) => card_height(ui, &self.column.cards[c], width),
        }
    }

    fn draw(&mut self, ui: &mut Ui, i: usize) {
        wrap(ui);
        let Some(actions) = self.actions.as_deref_mut() else {
            return;
        };
        match i.checked_sub(1) {
            None => {
                ui.label(RichText::new(&self.column.heading).heading());
            }
            Some(c) => card_ui(ui, self.ctx, &self.column.cards[c], actions),
        }
    }
}

/// Shows the key to the cards' stripes: how a target state's provenance is drawn.
fn legend_ui(ui: &mut Ui, ctx: &ViewCtx<'_>) {
    let color = kind_color(ItemKind::Target, ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        ui.label(ctx.t("根拠：", "Provenance: "));
        for p in [
            Provenance::Stated,
            Provenance::Assumed,
            Provenance::Editorial,
        ] {
            let (r, _) = ui.allocate_exact_size(Vec2::new(28.0, 12.0), Sense::hover());
            paint_bar(ui.painter(), r, color, p);
            ui.label(ctx.t(p.label_ja(), p.label_en()));
            ui.add_space(8.0);
        }
    });
}

/// The inner margin of a card: the group frame's, with room for the stripe at the left.
fn card_margin(style: &egui::Style) -> Margin {
    let (width, before, after) = STRIPE;
    let mut margin = egui::Frame::group(style).inner_margin;
    margin.left = before + width + after;
    margin
}

fn card_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, card: &TargetCard, actions: &mut Vec<Action>) {
    ui.add_space(CARD_SPACE);
    let shown = super::rows::card_frame(ui, ctx, &card.item)
        .inner_margin(card_margin(ui.style()))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            wrap(ui);
            link(ui, ctx, &card.item, card.label.as_str(), actions);
            for related in &card.related {
                related_ui(ui, ctx, &card.item, related, actions);
            }
        });
    // The stripe, in the room the margin leaves, inside the frame's stroke and rounding.
    let (width, before, _) = STRIPE;
    let r = shown.response.rect;
    let left = r.left() + f32::from(before);
    let stripe = Rect::from_min_max(
        pos2(left, r.top() + 6.0),
        pos2(left + f32::from(width), r.bottom() - 6.0),
    );
    let color = kind_color(ItemKind::Target, ui.visuals().dark_mode);
    paint_bar(ui.painter(), stripe, color, card.provenance);
}

/// Height of [`card_ui`] for `card` at `width`.
fn card_height(ui: &Ui, card: &TargetCard, width: f32) -> f32 {
    let frame = egui::Frame::group(ui.style()).inner_margin(card_margin(ui.style()));
    let margin = frame.total_margin();
    let w = width - margin.sum().x;
    let indent = ui.spacing().indent;
    let mut inner = Stack::new(ui);
    inner.add(link_height(ui, &card.label, w));
    for related in &card.related {
        inner.space(4.0);
        inner.add(text_height(ui, &related.title, w));
        let mut list = Stack::new(ui);
        if related.shown.is_empty() && related.hidden == 0 {
            list.add(ui.text_style_height(&TextStyle::Body));
        }
        for (_, label) in &related.shown {
            list.add(link_height(ui, label, w - indent));
        }
        if related.hidden > 0 {
            list.add(ui.text_style_height(&TextStyle::Body));
        }
        inner.add(list.height());
    }
    let mut h = Stack::new(ui);
    h.space(CARD_SPACE);
    h.add(inner.height() + margin.sum().y);
    h.height()
}

/// Lists the items joined to the card's target by one relation, with a count.
fn related_ui(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    related: &Related,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    ui.label(RichText::new(&related.title).strong());
    ui.indent((&related.title, item.id_str()), |ui| {
        if related.shown.is_empty() && related.hidden == 0 {
            ui.label(RichText::new(ctx.t("なし", "None")).weak());
        }
        for (x, label) in &related.shown {
            link(ui, ctx, x, label.as_str(), actions);
        }
        if related.hidden > 0 {
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    ctx.t("フィルタで非表示：", "Hidden by the filter:"),
                    related.hidden
                ))
                .weak(),
            );
        }
    });
}
