//! A line of short texts and item links (a gap's category and stages, the ministries responsible
//! for measures) flowed and wrapping between them, with its height computed before drawing, as
//! the long lists need ([`super::rows`]). A piece wider than the whole line, such as a long
//! English name, gets rows of its own and wraps.

use egui::{RichText, Ui};

use super::matrix::text_height;
use super::rows::link_height;
use super::{ViewCtx, item_link};
use crate::action::Action;
use crate::model::ItemRef;

/// One piece of a line.
pub(crate) enum Piece {
    /// Text drawn weak: a caption.
    Weak(String),
    /// Text.
    Plain(String),
    /// An item, selectable.
    Link(ItemRef, String),
}

/// Height of the line of `pieces` shown `width` wide by [`show`].
pub(crate) fn height(ui: &Ui, pieces: &[Piece], width: f32) -> f32 {
    let s = ui.spacing();
    // As egui lays out a wrapping row: a row is as tall as its tallest piece (a link as an
    // interactive widget, text as a line), and at least as tall as the row before it when it
    // wrapped there, or as an interactive widget when it is the first; a row started by
    // `end_row` has no least height.
    let line_h = s.interact_size.y;
    let text_h = ui.text_style_height(&egui::TextStyle::Body);
    let mut rows: Vec<f32> = Vec::new();
    let mut least = line_h;
    // The tallest piece on the current row, if any, and how far the row is filled.
    let mut row: Option<f32> = None;
    let mut x = 0.0_f32;
    for f in pieces {
        let w = piece_width(ui, f);
        if w > width {
            // On rows of its own, wrapped, with `end_row` before and after ([`show`]).
            if let Some(h) = row.take() {
                rows.push(h.max(least));
                least = 0.0;
            }
            let h = match f {
                Piece::Weak(t) | Piece::Plain(t) => text_height(ui, t, width),
                Piece::Link(_, t) => link_height(ui, t, width),
            };
            rows.push(h.max(least));
            least = 0.0;
            x = 0.0;
            continue;
        }
        if let Some(h) = row
            && x + w > width
        {
            least = h.max(least);
            rows.push(least);
            row = None;
            x = 0.0;
        }
        let h = match f {
            Piece::Weak(_) | Piece::Plain(_) => text_h,
            Piece::Link(..) => line_h,
        };
        row = Some(row.map_or(h, |r| r.max(h)));
        x += w + s.item_spacing.x;
    }
    if let Some(h) = row {
        rows.push(h.max(least));
    }
    if rows.is_empty() {
        rows.push(line_h);
    }
    rows.iter().sum::<f32>() + (rows.len() - 1) as f32 * s.item_spacing.y
}

/// Width of a piece on one line.
fn piece_width(ui: &Ui, f: &Piece) -> f32 {
    let (text, pad) = match f {
        Piece::Weak(t) | Piece::Plain(t) => (t, 0.0),
        Piece::Link(_, t) => (t, 2.0 * ui.spacing().button_padding.x),
    };
    ui.painter()
        .layout_no_wrap(
            text.clone(),
            egui::TextStyle::Body.resolve(ui.style()),
            egui::Color32::PLACEHOLDER,
        )
        .size()
        .x
        + pad
}

/// Shows `pieces` flowed, wrapping between them, never inside one unless it is wider than the
/// line. Items the filter leaves out are drawn weak.
pub(crate) fn show(ui: &mut Ui, ctx: &ViewCtx<'_>, pieces: &[Piece], actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        let width = ui.available_width();
        let mut row_empty = true;
        for f in pieces {
            // A piece wider than the line (a long English name) gets rows of its own and wraps.
            let too_wide = piece_width(ui, f) > width;
            if too_wide && !row_empty {
                ui.end_row();
            }
            ui.style_mut().wrap_mode = Some(if too_wide {
                egui::TextWrapMode::Wrap
            } else {
                egui::TextWrapMode::Extend
            });
            match f {
                Piece::Weak(t) => {
                    ui.label(RichText::new(t).weak());
                }
                Piece::Plain(t) => {
                    ui.label(t);
                }
                Piece::Link(item, label) => {
                    // Weak through the text itself: a scope would wrap on its own.
                    let mut text = RichText::new(label);
                    if !ctx.visible.contains(item) {
                        text = text.weak();
                    }
                    item_link(ui, ctx, item, text, actions);
                }
            }
            row_empty = too_wide;
            if too_wide {
                ui.end_row();
            }
        }
    });
}
