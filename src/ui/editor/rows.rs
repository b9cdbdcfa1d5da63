//! Ordering: the ↑ ↓ buttons that move an item among its siblings, and the ↑ ↓ × buttons of one
//! row of an ordered list in a form.

use super::super::ViewCtx;

/// ↑ and ↓ buttons for an item at `rank` of `len`; returns the rank to move it to.
pub fn move_buttons(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rank: usize,
    len: usize,
) -> Option<usize> {
    let mut to = None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(rank > 0, egui::Button::new(ctx.t("↑ 前へ", "↑ Earlier")))
            .clicked()
        {
            to = Some(rank - 1);
        }
        if ui
            .add_enabled(
                rank + 1 < len,
                egui::Button::new(ctx.t("↓ 後へ", "↓ Later")),
            )
            .clicked()
        {
            to = Some(rank + 1);
        }
    });
    to
}

/// What a person did to one row of an ordered list.
pub enum RowOp {
    /// Move it one up.
    Up(usize),
    /// Move it one down.
    Down(usize),
    /// Remove it.
    Remove(usize),
}

/// Small ↑ ↓ × buttons for row `i` of `len`, with hover texts naming the row.
pub fn row_buttons(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, i: usize, len: usize) -> Option<RowOp> {
    let mut op = None;
    if ui
        .add_enabled(i > 0, egui::Button::new("↑").small())
        .on_hover_text(ctx.t("上へ", "Move up"))
        .clicked()
    {
        op = Some(RowOp::Up(i));
    }
    if ui
        .add_enabled(i + 1 < len, egui::Button::new("↓").small())
        .on_hover_text(ctx.t("下へ", "Move down"))
        .clicked()
    {
        op = Some(RowOp::Down(i));
    }
    if ui
        .small_button("×")
        .on_hover_text(ctx.t("削除", "Remove"))
        .clicked()
    {
        op = Some(RowOp::Remove(i));
    }
    op
}

impl RowOp {
    /// Applies the operation to `list`.
    pub fn apply<X>(self, list: &mut Vec<X>) {
        match self {
            RowOp::Up(i) if i > 0 && i < list.len() => list.swap(i - 1, i),
            RowOp::Down(i) if i + 1 < list.len() => list.swap(i, i + 1),
            RowOp::Remove(i) if i < list.len() => {
                list.remove(i);
            }
            _ => {}
        }
    }
}
