//! Long lists drawn a screenful at a time.
//!
//! A view describes its list as rows ([`Rows`]): how tall each row is at a given width, and how to
//! draw it. The heights are computed once for a key (the derived data's generation, the language,
//! the width and whatever else the view says the rows depend on) and kept in egui memory with the
//! rows' tops; each frame draws only the rows that meet the scroll area's viewport. Rows wrap their
//! text fully, as they would in a plain scroll area. Tables drawn with `egui_extras` keep their
//! rows' heights the same way ([`table_heights`]).
//!
//! What is drawn is also what is believed: each drawn row is placed below the one before it by
//! its drawn height, so rows never overlap even where a height was computed wrong, and a row that
//! turns out taller or shorter than computed (a section the user folded, a height only estimated)
//! corrects the cached layout, with a repaint to settle the scroll area's size.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use egui::{Id, IdSalt, Rangef, Rect, Ui, UiBuilder, pos2};

/// A list of rows of varying height, as a view describes it.
pub(crate) trait Rows {
    /// Number of rows.
    fn len(&self) -> usize;

    /// A stable ID for row `i`, so that state kept by its widgets (a folded section) follows the
    /// row rather than its position.
    fn id(&self, i: usize) -> IdSalt;

    /// Height of row `i` drawn `width` points wide, computed without drawing it.
    fn height(&self, ui: &Ui, i: usize, width: f32) -> f32;

    /// Draws row `i` into `ui`, which is as wide as the list.
    fn draw(&mut self, ui: &mut Ui, i: usize);

    /// A key for which rows are folded away: when only it changes, the rows keep their heights
    /// and only their places are summed again.
    fn folds(&self) -> u64 {
        0
    }

    /// Whether row `i` is shown (not folded away); asked only when [`Rows::folds`] changes.
    fn shown(&self, _i: usize) -> bool {
        true
    }

    /// The row to scroll into view, when the selection just changed (`ViewCtx::reveal`): the
    /// row that shows the selected item.
    fn reveal(&self) -> Option<usize> {
        None
    }
}

/// The heights and tops of a list's rows, for one key.
#[derive(Clone, Debug, Default)]
pub(crate) struct Layout {
    key: u64,
    folds: u64,
    /// Space between rows.
    gap: f32,
    /// Height of each row, unfolded.
    heights: Vec<f32>,
    /// Whether each row is shown; a folded row takes no room.
    shown: Vec<bool>,
    /// Top of each row from the top of the list, then the end of the last row's gap.
    tops: Vec<f32>,
}

impl Layout {
    fn new(key: u64, gap: f32, heights: Vec<f32>) -> Self {
        let mut layout = Self {
            key,
            folds: 0,
            gap,
            shown: vec![true; heights.len()],
            heights,
            tops: Vec::new(),
        };
        layout.sum_tops();
        layout
    }

    fn sum_tops(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        self.tops.push(y);
        for (h, shown) in self.heights.iter().zip(&self.shown) {
            if *shown {
                y += h + self.gap;
            }
            self.tops.push(y);
        }
    }

    /// The room row `i` takes: its height, or nothing when folded away.
    fn room(&self, i: usize) -> f32 {
        if self.shown[i] { self.heights[i] } else { 0.0 }
    }

    /// Height of the whole list.
    pub(crate) fn height(&self) -> f32 {
        self.tops
            .last()
            .map_or(0.0, |end| (end - self.gap).max(0.0))
    }

    /// The first row whose bottom lies below `y` (from the top of the list).
    fn first_below(&self, y: f32) -> usize {
        let n = self.heights.len();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.tops[mid] + self.room(mid) <= y {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// A key for what a list's heights depend on, from anything hashable.
pub(crate) fn hash(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// The layout of `rows` at `width` for `key`, from egui memory under `id` when it was computed
/// for the same key, width and number of rows, else computed now and remembered.
pub(crate) fn layout(ui: &Ui, id: Id, key: u64, width: f32, rows: &impl Rows) -> Arc<Layout> {
    let key = hash((
        key,
        width.to_bits(),
        rows.len(),
        ui.ctx().pixels_per_point().to_bits(),
    ));
    let folds = rows.folds();
    let cached = ui.data(|d| d.get_temp::<Arc<Layout>>(id));
    let mut layout = match cached {
        Some(cached) if cached.key == key && cached.folds == folds => return cached,
        Some(cached) if cached.key == key => Layout::clone(&cached),
        _ => {
            let heights = (0..rows.len()).map(|i| rows.height(ui, i, width)).collect();
            Layout::new(key, ui.spacing().item_spacing.y, heights)
        }
    };
    if folds != 0 || layout.folds != 0 {
        layout.folds = folds;
        layout.shown = (0..rows.len()).map(|i| rows.shown(i)).collect();
        layout.sum_tops();
    }
    let layout = Arc::new(layout);
    ui.data_mut(|d| d.insert_temp(id, Arc::clone(&layout)));
    layout
}

/// What `compute` returns for `key`, kept in egui memory under `id` until the key changes: the
/// rows a view lists, say, keyed on the derived data's generation.
pub(crate) fn cached<T: Send + Sync + 'static>(
    ctx: &egui::Context,
    id: Id,
    key: u64,
    compute: impl FnOnce() -> T,
) -> Arc<T> {
    if let Some((k, value)) = ctx.data(|d| d.get_temp::<(u64, Arc<T>)>(id))
        && k == key
    {
        return value;
    }
    let value = Arc::new(compute());
    ctx.data_mut(|d| d.insert_temp(id, (key, Arc::clone(&value))));
    value
}

/// The heights of a table's `count` rows (for `egui_extras`' `heterogeneous_rows`) at the column
/// `widths`, kept in egui memory under `id` and computed again with `height` (row index to
/// height) only when `key`, the widths, the number of rows or the pixel density change. A column
/// resize or a wider window thus lays the rows out once more; other frames only read them.
/// The column widths a table's body was last laid out at. A table's header is laid out before its
/// body, so it takes the widths of the frame before; when the body's widths change, the header is
/// measured again and another frame is asked for if its height changes.
pub(crate) struct HeaderWidths {
    id: Id,
    last: Option<Vec<f32>>,
}

impl HeaderWidths {
    /// The widths remembered under `id`.
    pub(crate) fn load(ui: &Ui, id: Id) -> Self {
        Self {
            id,
            last: ui.data(|d| d.get_temp(id)),
        }
    }

    /// The widths to lay the header out at: the last ones, or `initial` in the first frame.
    pub(crate) fn or<'a>(&'a self, initial: &'a [f32]) -> &'a [f32] {
        self.last.as_deref().unwrap_or(initial)
    }

    /// From the body, with its `widths`: remembers them, and asks for another frame when the
    /// header measured at them (`height_at`) is not `header_h` tall.
    pub(crate) fn update(
        &self,
        ui: &Ui,
        widths: &[f32],
        header_h: f32,
        height_at: impl FnOnce(&[f32]) -> f32,
    ) {
        if self.last.as_deref() == Some(widths) {
            return;
        }
        ui.data_mut(|d| d.insert_temp(self.id, widths.to_vec()));
        if (height_at(widths) - header_h).abs() > 0.5 {
            ui.ctx().request_repaint();
        }
    }
}

pub(crate) fn table_heights(
    ui: &Ui,
    id: Id,
    key: u64,
    widths: &[f32],
    count: usize,
    height: impl FnMut(usize) -> f32,
) -> Arc<Vec<f32>> {
    let widths: Vec<u32> = widths.iter().map(|w| w.to_bits()).collect();
    let key = hash((key, widths, count, ui.ctx().pixels_per_point().to_bits()));
    cached(ui.ctx(), id, key, || (0..count).map(height).collect())
}

/// Height of a [`super::matrix::link`] showing `text` in a column `width` wide: a button, at
/// least as tall as an interactive widget.
pub(crate) fn link_height(ui: &Ui, text: &str, width: f32) -> f32 {
    let s = ui.spacing();
    (super::matrix::text_height(ui, text, width - 2.0 * s.button_padding.x)
        + 2.0 * s.button_padding.y)
        .max(s.interact_size.y)
}

/// Draws a fold header: the fold button and `title`, either of which opens or closes it, its
/// state kept in egui memory under `id` (see [`is_open`]). A list shows or hides the rows under
/// it through [`Rows::shown`].
pub(crate) fn fold_header(ui: &mut Ui, id: Id, title: impl Into<egui::WidgetText>) {
    let mut state =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, true);
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        state.show_toggle_button(ui, egui::collapsing_header::paint_default_icon);
        if ui
            .add(egui::Label::new(title).sense(egui::Sense::click()))
            .clicked()
        {
            state.toggle(ui);
        }
    });
    state.store(ui.ctx());
}

/// Whether the fold header under `id` is open (they start open).
pub(crate) fn is_open(ui: &Ui, id: Id) -> bool {
    egui::collapsing_header::CollapsingState::load(ui.ctx(), id).is_none_or(|s| s.is_open())
}

/// Heights of a column of widgets laid out top-down, with the layout's spacing between them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stack {
    gap: f32,
    height: f32,
    any: bool,
}

impl Stack {
    /// An empty column in `ui`'s spacing.
    pub(crate) fn new(ui: &Ui) -> Self {
        Self {
            gap: ui.spacing().item_spacing.y,
            height: 0.0,
            any: false,
        }
    }

    /// Adds a widget `h` tall.
    pub(crate) fn add(&mut self, h: f32) {
        if self.any {
            self.height += self.gap;
        }
        self.height += h;
        self.any = true;
    }

    /// Adds space (`ui.add_space`), which takes no spacing of its own.
    pub(crate) fn space(&mut self, h: f32) {
        if self.any {
            self.height += self.gap;
        }
        self.height += h;
        self.any = false;
    }

    /// The column's height.
    pub(crate) fn height(self) -> f32 {
        self.height
    }
}

/// Draws the rows of `layout` that meet `viewport` (in the coordinates of the scroll area's
/// content, whose top-left is `origin` on screen) between `x` on screen. A row drawn at another
/// height than `layout` says corrects the layout remembered under `id`.
pub(crate) fn draw_visible(
    ui: &mut Ui,
    id: Id,
    layout: &Arc<Layout>,
    (origin_y, x): (f32, Rangef),
    viewport: Rect,
    rows: &mut impl Rows,
) {
    let count = layout.heights.len();
    let mut row = layout.first_below(viewport.top());
    let mut top = layout.tops.get(row).copied().unwrap_or(0.0);
    let mut corrections = Vec::new();
    while row < count && top < viewport.bottom() {
        if !layout.shown[row] {
            row += 1;
            continue;
        }
        let height = layout.heights[row];
        let rect = Rect::from_min_max(
            pos2(x.min, origin_y + top),
            pos2(x.max, origin_y + top + height),
        );
        let mut child = ui.new_child(
            UiBuilder::new()
                .id_salt(rows.id(row))
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        rows.draw(&mut child, row);
        let drawn = child.min_rect().height();
        if (drawn - height).abs() > 0.5 {
            corrections.push((row, drawn));
        }
        top += drawn + layout.gap;
        row += 1;
    }
    if !corrections.is_empty() {
        let counted = corrections.len() as u64;
        ui.data_mut(|d| *d.get_temp_mut_or_default::<u64>(corrections_id()) += counted);
        let mut corrected = Layout::clone(layout);
        for (row, drawn) in corrections {
            corrected.heights[row] = drawn;
        }
        corrected.sum_tops();
        ui.data_mut(|d| d.insert_temp(id, Arc::new(corrected)));
        ui.ctx().request_repaint();
    }
}

fn corrections_id() -> Id {
    Id::unique("waymark-rows-corrections")
}

/// How many rows have been drawn at another height than computed, in `ctx` so far: none, when
/// every view computes its rows' heights right (a test checks this).
pub fn corrections(ctx: &egui::Context) -> u64 {
    ctx.data(|d| d.get_temp::<u64>(corrections_id()))
        .unwrap_or(0)
}

/// Shows `rows` in a vertical scroll area that fills the space left, drawing only those in view.
/// `key` stands for everything the rows' heights depend on besides the width.
pub(crate) fn show(ui: &mut Ui, id_salt: &str, key: u64, rows: &mut impl Rows) {
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let id = ui.scope_id().with("rows-layout");
            let width = ui.available_width();
            let layout = layout(ui, id, key, width, rows);
            ui.set_height(layout.height());
            let origin_y = ui.max_rect().top();
            let x = ui.max_rect().x_range();
            if let Some(i) = rows.reveal().filter(|&i| i < layout.heights.len()) {
                let top = origin_y + layout.tops[i];
                let rect = egui::Rect::from_x_y_ranges(x, top..=top + layout.room(i).max(1.0));
                ui.scroll_to_rect(rect, None);
            }
            draw_visible(ui, id, &layout, (origin_y, x), viewport, rows);
        });
}

/// The frame around a card in a list, outlined in the selection colour when `item` is selected.
pub(crate) fn card_frame(
    ui: &Ui,
    ctx: &super::ViewCtx<'_>,
    item: &crate::model::ItemRef,
) -> egui::Frame {
    let stroke = if ctx.is_selected(item) {
        ui.visuals().selection.stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    egui::Frame::group(ui.style()).stroke(stroke)
}

#[cfg(test)]
mod tests {
    use super::Layout;

    #[test]
    fn the_first_row_in_view_is_the_first_whose_bottom_is_below_the_top() {
        let layout = Layout::new(0, 2.0, vec![10.0, 20.0, 30.0]);
        assert!((layout.height() - 64.0).abs() < 1e-6);
        assert_eq!(layout.first_below(0.0), 0);
        assert_eq!(layout.first_below(9.9), 0);
        assert_eq!(layout.first_below(10.0), 1);
        assert_eq!(layout.first_below(11.0), 1);
        assert_eq!(layout.first_below(33.0), 2);
        assert_eq!(layout.first_below(64.0), 3);
    }

    #[test]
    fn an_empty_list_has_no_height() {
        let layout = Layout::new(0, 2.0, Vec::new());
        assert!(layout.height().abs() < 1e-6);
        assert_eq!(layout.first_below(0.0), 0);
    }
}
