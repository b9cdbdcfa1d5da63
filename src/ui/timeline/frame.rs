//! Where things go on screen this frame: the canvas and its plotting area, the scale, the vertical
//! place of each lane, and the rows and sides of the markers' labels at the current zoom.
//!
//! The layout packs markers into rows by years, which cannot know how wide a label is on screen;
//! here they are packed again by the pixel width of their labels ([`pack_labels`]), so that no
//! label covers a marker or another label. The packing depends on the zoom only, not on the pan,
//! so rows stay put while the user drags: the packing and the lanes' places are kept in egui
//! memory until the timeline or the zoom changes, and the labels' widths until the timeline does.
//!
//! After an edit only what changed is measured and packed again: a lane the edit did not lay
//! out again (the same [`Lane::revision`]) keeps its labels' widths and, at the same zoom, its
//! place and packing without a look at its markers; in a lane laid out again each label's width
//! is remembered by its text ([`WidthMemo`]), and the packing is kept when its markers and
//! widths are as before ([`LanePacking`]). Laying out thousands of labels again for one moved
//! bar took most of the frame after an edit on a large roadmap.

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
#[derive(Clone, Debug, PartialEq)]
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
    pub(super) labels: Arc<Vec<LabelPlace>>,
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
    /// The zoom, visible range and pixel density placed at.
    zoom: u64,
    lanes: Arc<Vec<LaneLayout>>,
    content_h: f32,
    caption_at: Option<f32>,
    /// Each lane's packing with what it was packed from, for the next placing to reuse.
    packings: Arc<Vec<LanePacking>>,
    /// Each lane's [`Lane::revision`].
    revisions: Arc<Vec<u64>>,
}

/// One lane's packed labels and what they were packed from: the markers' positions, glyphs and
/// widths, the zoom and the visible range. Equal inputs give equal packings.
#[derive(Clone)]
struct LanePacking {
    inputs: u64,
    labels: Arc<Vec<LabelPlace>>,
    rows: usize,
}

/// The width of each label text met so far at one pixel density, kept in egui memory across
/// changes of the timeline, so that only new texts are laid out.
#[derive(Clone, Default)]
struct WidthMemo {
    pixels_per_point: u32,
    widths: foldhash::HashMap<Arc<str>, f64>,
}

/// The widths of each lane's labels by the lane's [`Lane::revision`], at one pixel density:
/// what the last timeline measured, for the next one to take for the lanes it kept.
#[derive(Clone, Default)]
struct LaneWidths {
    pixels_per_point: u32,
    by_revision: foldhash::HashMap<u64, Arc<Vec<f64>>>,
}

/// The width of every marker's label on one line, by lane, kept in egui memory for the
/// timeline's generation (they do not change with the zoom). A lane kept from the last timeline
/// keeps its widths; in the others, texts measured before are taken from the [`WidthMemo`].
fn label_widths(ui: &egui::Ui, ctx: &ViewCtx<'_>) -> Arc<Vec<Arc<Vec<f64>>>> {
    let ppp = ui.ctx().pixels_per_point().to_bits();
    let key = rows::hash((ctx.generation, ppp));
    rows::cached(
        ui.ctx(),
        egui::Id::unique("waymark-timeline-label-widths"),
        key,
        || {
            let kept_id = egui::Id::unique("waymark-timeline-lane-widths");
            let kept: LaneWidths = ui
                .data_mut(|d| d.remove_temp(kept_id))
                .filter(|k: &LaneWidths| k.pixels_per_point == ppp)
                .unwrap_or_default();
            let mut memo: Option<WidthMemo> = None;
            let widths: Vec<Arc<Vec<f64>>> = ctx
                .timeline
                .lanes
                .iter()
                .map(|lane| {
                    if let Some(w) = kept.by_revision.get(&lane.revision) {
                        return Arc::clone(w);
                    }
                    let memo = memo.get_or_insert_with(|| take_memo(ui, ppp));
                    Arc::new(measure(ui, memo, lane))
                })
                .collect();
            if let Some(memo) = memo {
                keep_memo(ui, ctx, memo, &widths);
            }
            let by_revision = ctx
                .timeline
                .lanes
                .iter()
                .zip(&widths)
                .map(|(lane, w)| (lane.revision, Arc::clone(w)))
                .collect();
            ui.data_mut(|d| {
                d.insert_temp(
                    kept_id,
                    LaneWidths {
                        pixels_per_point: ppp,
                        by_revision,
                    },
                );
            });
            widths
        },
    )
}

/// The [`WidthMemo`] at pixel density `ppp`, taken out of egui memory (laying out text reads the
/// context too) until [`keep_memo`] puts it back.
fn take_memo(ui: &egui::Ui, ppp: u32) -> WidthMemo {
    let memo_id = egui::Id::unique("waymark-timeline-label-width-memo");
    ui.data_mut(|d| d.remove_temp(memo_id))
        .filter(|m: &WidthMemo| m.pixels_per_point == ppp)
        .unwrap_or_else(|| WidthMemo {
            pixels_per_point: ppp,
            ..WidthMemo::default()
        })
}

/// Puts `memo` back into egui memory, forgetting texts no longer shown once they outnumber
/// those shown (`widths`).
fn keep_memo(ui: &egui::Ui, ctx: &ViewCtx<'_>, mut memo: WidthMemo, widths: &[Arc<Vec<f64>>]) {
    let shown: usize = widths.iter().map(|w| w.len()).sum();
    if memo.widths.len() > 2 * shown + 1024 {
        let texts: foldhash::HashSet<&str> = ctx
            .timeline
            .lanes
            .iter()
            .flat_map(|l| l.markers.iter().map(|m| &*m.label))
            .collect();
        memo.widths.retain(|t, _| texts.contains(&**t));
    }
    let memo_id = egui::Id::unique("waymark-timeline-label-width-memo");
    ui.data_mut(|d| d.insert_temp(memo_id, memo));
}

/// The width of each of `lane`'s markers' labels on one line.
fn measure(ui: &egui::Ui, memo: &mut WidthMemo, lane: &Lane) -> Vec<f64> {
    let painter = ui.painter();
    let font = FontId::proportional(LABEL_FONT_SIZE);
    let color = ui.visuals().text_color();
    lane.markers
        .iter()
        .map(|m| {
            if let Some(&w) = memo.widths.get(&*m.label) {
                return w;
            }
            let galley = painter.layout_no_wrap(marker_text(&m.label), font.clone(), color);
            let w = f64::from(galley.size().x);
            memo.widths.insert(m.label.clone(), w);
            w
        })
        .collect()
}

/// Places the lanes of `timeline` one below the other, and packs each lane's markers' labels
/// (`widths`, by lane and marker) at `scale`.
#[allow(clippy::too_many_arguments)]
fn place(
    timeline: &Timeline,
    widths: &[Arc<Vec<f64>>],
    scale: FyScale,
    range: (f64, f64),
    key: u64,
    zoom: u64,
    before: Option<&Placed>,
) -> Placed {
    let mut y = 0.0;
    let mut packings = Vec::with_capacity(timeline.lanes.len());
    let mut caption_at = None;
    let mut previous: Option<Layer> = None;
    let mut lanes = Vec::with_capacity(timeline.lanes.len());
    // The lanes placed before at this zoom, by revision: kept lanes keep their places.
    let kept: foldhash::HashMap<u64, usize> = before
        .filter(|b| b.zoom == zoom)
        .map(|b| {
            b.revisions
                .iter()
                .enumerate()
                .map(|(i, &r)| (r, i))
                .collect()
        })
        .unwrap_or_default();
    for (lane, widths) in timeline.lanes.iter().zip(widths) {
        if lane.layer == Layer::Measures && previous != Some(Layer::Measures) {
            caption_at = Some(y);
            y += CAPTION_H;
        }
        previous = Some(lane.layer);
        if let (Some(b), Some(&i)) = (before, kept.get(&lane.revision)) {
            let mut placed = b.lanes[i].clone();
            placed.top = y;
            y += placed.height;
            lanes.push(placed);
            packings.push(b.packings[i].clone());
            continue;
        }
        let requests: Vec<LabelRequest> = lane
            .markers
            .iter()
            .zip(widths.iter())
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
                labels: Arc::new(labels),
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
        zoom,
        lanes: Arc::new(lanes),
        content_h: y,
        caption_at,
        packings: Arc::new(packings),
        revisions: Arc::new(timeline.lanes.iter().map(|l| l.revision).collect()),
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
        let zoom = rows::hash((
            scale.px_per_year.to_bits(),
            range.0.to_bits(),
            range.1.to_bits(),
            ui.ctx().pixels_per_point().to_bits(),
        ));
        let key = rows::hash((ctx.generation, zoom));
        let before = ui.data(|d| d.get_temp::<Placed>(id));
        let placed = match before {
            Some(placed) if placed.key == key => placed,
            before => {
                let widths = label_widths(ui, ctx);
                let placed = place(
                    ctx.timeline,
                    &widths,
                    scale,
                    range,
                    key,
                    zoom,
                    before.as_ref(),
                );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::derived::{Derived, Inputs};
    use crate::analysis::filter::Filter;
    use crate::analysis::timeline::Grouping;
    use crate::edit::Touched;
    use crate::history::History;

    /// Widths as a font would give them: by characters.
    fn widths(t: &Timeline) -> Vec<Arc<Vec<f64>>> {
        t.lanes
            .iter()
            .map(|l| {
                let w = l
                    .markers
                    .iter()
                    .map(|m| m.label.chars().count() as f64 * 7.0);
                Arc::new(w.collect())
            })
            .collect()
    }

    #[test]
    fn lanes_an_edit_kept_are_placed_as_they_would_be_anew() {
        let mut roadmap = crate::bundled::open().expect("bundled").roadmap;
        let inputs = Inputs {
            filter: Filter::default(),
            grouping: Grouping::Ministry,
            lang: crate::i18n::Lang::Ja,
            selection: None,
            focus_steps: None,
        };
        let mut derived = Derived::compute(&roadmap, inputs);
        let (t, range) = (&derived.timeline, (2018.0, 2041.0));
        let scale = FyScale::fit(range.0, range.1, 1200.0);
        let before = place(t, &widths(t), scale, range, 1, 7, None);

        let mut history = History::new();
        let event = roadmap.items.events[0].clone();
        let edit = crate::edit::edit_event(&roadmap, &event.id, |e| {
            e.title.push_str("（改）");
            e.when = crate::model::When::Year(2039);
        })
        .expect("edits");
        history.apply(&mut roadmap, edit).expect("applies");
        let Some(Touched::Items(items)) = history.take_touched() else {
            panic!("an edit of the event's own fields");
        };
        assert!(derived.edited(
            &roadmap,
            &crate::edit::Linked {
                items,
                ..Default::default()
            }
        ));
        let t = &derived.timeline;
        let kept = t
            .lanes
            .iter()
            .filter(|l| before.revisions.contains(&l.revision))
            .count();
        assert!(kept > 1 && kept < t.lanes.len(), "{kept} lanes kept");
        let again = place(t, &widths(t), scale, range, 2, 7, Some(&before));
        let anew = place(t, &widths(t), scale, range, 3, 7, None);
        let events = t
            .lanes
            .iter()
            .position(|l| l.layer == Layer::Events)
            .expect("an events lane");
        assert_ne!(
            before.lanes[events].labels, anew.lanes[events].labels,
            "the event's label moved"
        );
        assert_eq!(again.lanes, anew.lanes);
        assert_eq!(again.content_h.to_bits(), anew.content_h.to_bits());
        assert_eq!(
            again.caption_at.map(f32::to_bits),
            anew.caption_at.map(f32::to_bits)
        );
    }
}
