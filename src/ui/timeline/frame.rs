//! Where things go on screen this frame: the canvas and its plotting area, the scale, the vertical
//! place of each lane, and the rows and sides of the markers' labels at the current zoom.
//!
//! The layout packs markers into rows by years, which cannot know how wide a label is on screen;
//! here they are packed again by the pixel width of their labels ([`pack_labels`]), so that no
//! label covers a marker or another label. The packing depends on the zoom only, not on the pan,
//! so rows stay put while the user drags: the packing and the lanes' places are kept in egui
//! memory until the timeline or the zoom changes, and the labels' widths until the timeline does.
//!
//! After an edit only what changed is measured and packed again: each label's width is
//! remembered by its text ([`WidthMemo`]), and a lane whose markers and widths are as before
//! keeps its packing ([`LanePacking`]). Laying out thousands of labels again for one moved bar
//! took most of the frame after an edit on a large roadmap.

use std::sync::Arc;

use egui::{FontId, Pos2, Rect};

use super::{CAPTION_H, LABEL_FONT_SIZE, LANE_PAD, ROW_H, ViewState};
use crate::analysis::timeline::{Bar, Lane, Layer, Timeline};
use crate::analysis::timeline_view::{FyScale, LabelPlace, LabelRequest, pack_labels};
use crate::model::ItemKind;
use crate::ui::{ViewCtx, rows};

/// How narrow packing may make a target state's label before it takes a row of its own.
const TARGET_LABEL_MIN_PX: f64 = 140.0;
/// How narrow packing may make any other marker's label before it takes a row of its own.
const LABEL_MIN_PX: f64 = 80.0;

/// A lane's place within the scrolled content, and the rows of its markers.
#[derive(Clone, Debug)]
pub(super) struct LaneLayout {
    /// Top, from the top of the content.
    pub(super) top: f32,
    /// Height.
    pub(super) height: f32,
    /// Rows taken by markers; bars come below them.
    pub(super) marker_rows: usize,
    /// The first row of the layout's bars.
    pub(super) bar_row0: usize,
    /// Where each marker's label goes, in the order of the lane's markers.
    pub(super) labels: Vec<LabelPlace>,
}

/// Everything the canvas needs to place things on screen.
pub(super) struct Frame {
    /// The whole canvas.
    pub(super) rect: Rect,
    /// The plotting area: right of the lane titles, under the axis.
    pub(super) body: Rect,
    /// The horizontal scale.
    pub(super) scale: FyScale,
    /// Vertical scroll offset of the lanes.
    pub(super) scroll_y: f32,
    /// Height of all lanes.
    pub(super) content_h: f32,
    /// Where the caption above the measure lanes goes, from the top of the content.
    pub(super) caption_at: Option<f32>,
    /// The lanes, in the timeline's order.
    pub(super) lanes: Arc<Vec<LaneLayout>>,
}

/// Half the width of a marker's glyph.
pub(super) fn half_glyph(kind: ItemKind) -> f32 {
    match kind {
        ItemKind::Target | ItemKind::Kpi => 9.0,
        _ => 7.0,
    }
}

/// The text drawn after (or before) a marker.
pub(super) fn marker_text(label: &str) -> String {
    label.trim_start_matches('★').to_owned()
}

/// The lanes' places and their markers' labels at one zoom, kept in egui memory until the
/// timeline or the zoom changes (panning keeps them).
#[derive(Clone)]
struct Placed {
    key: u64,
    lanes: Arc<Vec<LaneLayout>>,
    content_h: f32,
    caption_at: Option<f32>,
    /// Each lane's packing with what it was packed from, for the next placing to reuse.
    packings: Arc<Vec<LanePacking>>,
}

/// One lane's packed labels and what they were packed from: the markers' positions, glyphs and
/// widths, the zoom and the visible range. Equal inputs give equal packings.
#[derive(Clone)]
struct LanePacking {
    inputs: u64,
    labels: Vec<LabelPlace>,
    rows: usize,
}

/// The width of each label text met so far at one pixel density, kept in egui memory across
/// changes of the timeline, so that only new texts are laid out.
#[derive(Clone, Default)]
struct WidthMemo {
    pixels_per_point: u32,
    widths: foldhash::HashMap<String, f64>,
}

/// The width of every marker's label on one line, by lane, kept in egui memory for the
/// timeline's generation (they do not change with the zoom); texts measured before are taken
/// from the [`WidthMemo`].
fn label_widths(ui: &egui::Ui, ctx: &ViewCtx<'_>) -> Arc<Vec<Vec<f64>>> {
    let ppp = ui.ctx().pixels_per_point().to_bits();
    let key = rows::hash((ctx.generation, ppp));
    rows::cached(
        ui.ctx(),
        egui::Id::unique("waymark-timeline-label-widths"),
        key,
        || {
            let memo_id = egui::Id::unique("waymark-timeline-label-width-memo");
            // Out of memory while measuring: laying out text reads the context too.
            let mut memo: WidthMemo = ui
                .data_mut(|d| d.remove_temp(memo_id))
                .filter(|m: &WidthMemo| m.pixels_per_point == ppp)
                .unwrap_or_else(|| WidthMemo {
                    pixels_per_point: ppp,
                    ..WidthMemo::default()
                });
            let painter = ui.painter();
            let font = FontId::proportional(LABEL_FONT_SIZE);
            let color = ui.visuals().text_color();
            let mut width = |label: &str| {
                if let Some(&w) = memo.widths.get(label) {
                    return w;
                }
                let galley = painter.layout_no_wrap(marker_text(label), font.clone(), color);
                let w = f64::from(galley.size().x);
                memo.widths.insert(label.to_owned(), w);
                w
            };
            let widths: Vec<Vec<f64>> = ctx
                .timeline
                .lanes
                .iter()
                .map(|lane| lane.markers.iter().map(|m| width(&m.label)).collect())
                .collect();
            // Texts no longer shown are forgotten once they outnumber those shown.
            let shown: usize = widths.iter().map(Vec::len).sum();
            if memo.widths.len() > 2 * shown + 1024 {
                let texts: foldhash::HashSet<&str> = ctx
                    .timeline
                    .lanes
                    .iter()
                    .flat_map(|l| l.markers.iter().map(|m| m.label.as_str()))
                    .collect();
                memo.widths.retain(|t, _| texts.contains(t.as_str()));
            }
            ui.data_mut(|d| d.insert_temp(memo_id, memo));
            widths
        },
    )
}

/// Places the lanes of `timeline` one below the other, and packs each lane's markers' labels
/// (`widths`, by lane and marker) at `scale`.
fn place(
    timeline: &Timeline,
    widths: &[Vec<f64>],
    scale: FyScale,
    range: (f64, f64),
    key: u64,
    before: Option<&Placed>,
) -> Placed {
    let mut y = 0.0;
    let mut packings = Vec::with_capacity(timeline.lanes.len());
    let mut caption_at = None;
    let mut previous: Option<Layer> = None;
    let mut lanes = Vec::with_capacity(timeline.lanes.len());
    for (lane, widths) in timeline.lanes.iter().zip(widths) {
        if lane.layer == Layer::Measures && previous != Some(Layer::Measures) {
            caption_at = Some(y);
            y += CAPTION_H;
        }
        previous = Some(lane.layer);
        let requests: Vec<LabelRequest> = lane
            .markers
            .iter()
            .zip(widths)
            .map(|(m, &label_px)| LabelRequest {
                x_px: (m.at - range.0) * scale.px_per_year,
                half_glyph_px: f64::from(half_glyph(m.item.kind())),
                label_px,
            })
            .collect();
        let min_label = if lane.layer == Layer::Targets {
            TARGET_LABEL_MIN_PX
        } else {
            LABEL_MIN_PX
        };
        let hi = (range.1 - range.0) * scale.px_per_year;
        let inputs = packing_inputs(&requests, min_label, hi);
        let li = packings.len();
        let reused = before
            .and_then(|b| b.packings.get(li))
            .filter(|p| p.inputs == inputs);
        let packing = if let Some(p) = reused {
            p.clone()
        } else {
            let (labels, rows) = if requests.is_empty() {
                (Vec::new(), 0)
            } else {
                pack_labels(&requests, min_label, 0.0, hi)
            };
            LanePacking {
                inputs,
                labels,
                rows,
            }
        };
        let (labels, marker_rows) = (packing.labels.clone(), packing.rows);
        packings.push(packing);
        let bar_row0 = lane.bars.iter().map(|b| b.row).min().unwrap_or(0);
        let bar_rows = lane
            .bars
            .iter()
            .map(|b| b.row - bar_row0 + 1)
            .max()
            .unwrap_or(0);
        let rows = (marker_rows + bar_rows).max(1);
        let height = rows as f32 * ROW_H + 2.0 * LANE_PAD;
        lanes.push(LaneLayout {
            top: y,
            height,
            marker_rows,
            bar_row0,
            labels,
        });
        y += height;
    }
    Placed {
        key,
        lanes: Arc::new(lanes),
        content_h: y,
        caption_at,
        packings: Arc::new(packings),
    }
}

/// A fingerprint of what [`pack_labels`] packs a lane's labels from.
fn packing_inputs(requests: &[LabelRequest], min_label: f64, hi: f64) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = foldhash::fast::FixedState::default().build_hasher();
    (min_label.to_bits(), hi.to_bits(), requests.len()).hash(&mut h);
    for r in requests {
        (
            r.x_px.to_bits(),
            r.half_glyph_px.to_bits(),
            r.label_px.to_bits(),
        )
            .hash(&mut h);
    }
    h.finish()
}

impl Frame {
    /// Places the lanes of the timeline and their markers' labels (or takes them from the last
    /// frame at the same zoom), and clamps the vertical scroll of `state` to the content.
    pub(super) fn new(
        ui: &egui::Ui,
        ctx: &ViewCtx<'_>,
        rect: Rect,
        body: Rect,
        scale: FyScale,
        range: (f64, f64),
        state: &mut ViewState,
    ) -> Self {
        let id = egui::Id::unique("waymark-timeline-placed");
        let key = rows::hash((
            ctx.generation,
            scale.px_per_year.to_bits(),
            range.0.to_bits(),
            range.1.to_bits(),
            ui.ctx().pixels_per_point().to_bits(),
        ));
        let before = ui.data(|d| d.get_temp::<Placed>(id));
        let placed = match before {
            Some(placed) if placed.key == key => placed,
            before => {
                let widths = label_widths(ui, ctx);
                let placed = place(ctx.timeline, &widths, scale, range, key, before.as_ref());
                ui.data_mut(|d| d.insert_temp(id, placed.clone()));
                placed
            }
        };
        let y = placed.content_h;
        state.scroll_y = state.scroll_y.clamp(0.0, (y - body.height()).max(0.0));
        Self {
            rect,
            body,
            scale,
            scroll_y: state.scroll_y,
            content_h: y,
            caption_at: placed.caption_at,
            lanes: placed.lanes,
        }
    }

    /// The screen x of a fiscal-year position.
    pub(super) fn x(&self, fy: f64) -> f32 {
        self.body.left() + self.scale.x_of(fy) as f32
    }

    /// The visible fiscal-year range.
    pub(super) fn visible(&self) -> (f64, f64) {
        self.scale.visible(f64::from(self.body.width()))
    }

    /// The screen top of lane `li`.
    pub(super) fn lane_top(&self, li: usize) -> f32 {
        self.body.top() - self.scroll_y + self.lanes[li].top
    }

    /// The screen top and bottom of a row of lane `li`.
    pub(super) fn row_span(&self, li: usize, row: usize) -> (f32, f32) {
        let top = self.lane_top(li) + LANE_PAD + row as f32 * ROW_H;
        (top, top + ROW_H)
    }

    /// The row of a bar of lane `li`: below the lane's markers.
    pub(super) fn bar_row(&self, li: usize, bar: &Bar) -> usize {
        let l = &self.lanes[li];
        l.marker_rows + bar.row.saturating_sub(l.bar_row0)
    }

    /// The screen rect of a bar of lane `li`.
    pub(super) fn bar_rect(&self, li: usize, bar: &Bar) -> Rect {
        let (top, bottom) = self.row_span(li, self.bar_row(li, bar));
        Rect::from_min_max(
            Pos2::new(self.x(bar.start), top + 3.0),
            Pos2::new(self.x(bar.end) - 1.0, bottom - 3.0),
        )
    }

    /// The screen x, top and bottom of marker `mi` of lane `li`.
    pub(super) fn marker_place(&self, lane: &Lane, li: usize, mi: usize) -> (f32, f32, f32) {
        let (top, bottom) = self.row_span(li, self.lanes[li].labels[mi].row);
        (self.x(lane.markers[mi].at), top, bottom)
    }

    /// The lane at screen height `y`, if any (within the plotting area).
    pub(super) fn lane_at(&self, y: f32) -> Option<usize> {
        if y < self.body.top() || y > self.body.bottom() {
            return None;
        }
        (0..self.lanes.len()).find(|&li| {
            let top = self.lane_top(li);
            (top..top + self.lanes[li].height).contains(&y)
        })
    }

    /// The lanes' area: titles and plotting area, under the axis.
    pub(super) fn lanes_clip(&self) -> Rect {
        Rect::from_min_max(Pos2::new(self.rect.left(), self.body.top()), self.body.max)
    }

    /// The lane-title column, under the axis.
    pub(super) fn header(&self) -> Rect {
        Rect::from_min_max(
            Pos2::new(self.rect.left(), self.body.top()),
            Pos2::new(self.body.left(), self.body.bottom()),
        )
    }
}
