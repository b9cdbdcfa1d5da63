//! Where the boxes of the three linkage columns sit once their heights are known, and which boxes
//! and links fall in a band of the drawing: measures stack in their order, gaps and ministries as
//! level as they can be with the measures they link to.
//!
//! Computed once per layout (the view keeps it until the document, the filter, the language or the
//! width changes), so that drawing one frame costs only what is on screen.

use std::collections::HashMap;

use super::{Columns, LinkSide, stack};
use crate::model::ItemRef;

/// The gap column's index in [`Placement::columns`].
pub const GAPS: usize = 0;
/// The measure column's index in [`Placement::columns`].
pub const MEASURES: usize = 1;
/// The ministry column's index in [`Placement::columns`].
pub const MINISTRIES: usize = 2;

/// How many links share one entry of the link index.
const BLOCK: usize = 64;

/// The boxes of one column: their tops and heights, relative to the top of the drawing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnPlace {
    /// Each box's top, in the column's order.
    pub tops: Vec<f32>,
    /// Each box's height, in the column's order.
    pub heights: Vec<f32>,
    /// Box indices from the top of the drawing to the bottom.
    order: Vec<u32>,
}

impl ColumnPlace {
    fn new(tops: Vec<f32>, heights: Vec<f32>) -> Self {
        let mut order: Vec<u32> = (0..tops.len() as u32).collect();
        order.sort_by(|&a, &b| tops[a as usize].total_cmp(&tops[b as usize]));
        Self {
            tops,
            heights,
            order,
        }
    }

    /// The vertical middle of box `i`.
    pub fn centre(&self, i: usize) -> f32 {
        self.tops[i] + self.heights[i] * 0.5
    }

    /// The bottom of the lowest box (0 for an empty column).
    pub fn bottom(&self) -> f32 {
        self.order.last().map_or(0.0, |&i| {
            let i = i as usize;
            self.tops[i] + self.heights[i]
        })
    }

    /// Box indices from the top of the drawing to the bottom.
    pub fn top_to_bottom(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().map(|&i| i as usize)
    }

    /// The boxes reaching into the band from `top` to `bottom`, from the top down. Boxes of a
    /// column never overlap, so their bottoms come in the same order as their tops.
    pub fn overlapping(&self, top: f32, bottom: f32) -> impl Iterator<Item = usize> + '_ {
        let first = self.count_above(top);
        let end = self.count_starting_by(bottom);
        self.order[first..end.max(first)]
            .iter()
            .map(|&i| i as usize)
    }

    /// How many boxes end above `y`.
    fn count_above(&self, y: f32) -> usize {
        self.order.partition_point(|&i| {
            let i = i as usize;
            self.tops[i] + self.heights[i] < y
        })
    }

    /// How many boxes start at or above `y`.
    fn count_starting_by(&self, y: f32) -> usize {
        self.order.partition_point(|&i| self.tops[i as usize] <= y)
    }
}

/// The places of the boxes of the three columns, and an index of the links by the vertical
/// stretch they cover.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    /// Gaps, measures and ministries ([`GAPS`], [`MEASURES`], [`MINISTRIES`]).
    pub columns: [ColumnPlace; 3],
    /// For each of [`Columns::links`], the index of its left end in its column and of its right
    /// end in the next column.
    pub link_ends: Vec<[u32; 2]>,
    /// Each link's vertical stretch (see [`Placement::links_in`]), as `[top, bottom]`.
    spans: Vec<[f32; 2]>,
    /// Link indices by the top of their stretch.
    by_top: Vec<u32>,
    /// For each block of [`BLOCK`] links of `by_top`, the lowest bottom among them.
    block_bottom: Vec<f32>,
    /// For each ministry, its links ordered by their measure's place, top to bottom.
    ministry_links: Vec<Vec<u32>>,
}

fn mean(values: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f32)
}

fn positions(items: &[ItemRef]) -> HashMap<&ItemRef, u32> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (item, i as u32))
        .collect()
}

/// Places boxes of the given heights (`heights[GAPS]` for `columns.gaps`, and so on) with `spacing`
/// between the boxes of a column.
///
/// Measures, the longest column, stack in their order from 0. Each gap wants its middle level
/// with the mean middle of its measures (never above the gap before it), each ministry with the
/// mean middle of its measures; [`stack`] then keeps them from overlapping.
pub fn place(columns: &Columns, heights: [Vec<f32>; 3], spacing: f32) -> Placement {
    let [gap_h, measure_h, ministry_h] = heights;
    let mut measure_tops = Vec::with_capacity(measure_h.len());
    let mut y = 0.0;
    for h in &measure_h {
        measure_tops.push(y);
        y += h + spacing;
    }
    let measures = ColumnPlace::new(measure_tops, measure_h);

    let gap_pos = positions(&columns.gaps);
    let measure_pos = positions(&columns.measures);
    let ministry_pos = positions(&columns.ministries);
    let link_ends: Vec<[u32; 2]> = columns
        .links
        .iter()
        .map(|l| {
            let (left, right) = match l.side {
                LinkSide::GapMeasure => (&gap_pos, &measure_pos),
                LinkSide::MeasureMinistry => (&measure_pos, &ministry_pos),
            };
            [left[&l.from], right[&l.to]]
        })
        .collect();

    // The middles of the measures each gap and each ministry links to.
    let mut gap_targets: Vec<Vec<f32>> = vec![Vec::new(); gap_h.len()];
    let mut ministry_targets: Vec<Vec<f32>> = vec![Vec::new(); ministry_h.len()];
    for (l, &[a, b]) in columns.links.iter().zip(&link_ends) {
        match l.side {
            LinkSide::GapMeasure => gap_targets[a as usize].push(measures.centre(b as usize)),
            LinkSide::MeasureMinistry => {
                ministry_targets[b as usize].push(measures.centre(a as usize));
            }
        }
    }
    let mut wanted = Vec::with_capacity(gap_h.len());
    let mut last = 0.0_f32;
    for (targets, h) in gap_targets.iter().zip(&gap_h) {
        let w = mean(targets.iter().copied()).map_or(last, |c| (c - h * 0.5).max(last));
        wanted.push(w);
        last = w;
    }
    let gaps = ColumnPlace::new(stack(&wanted, &gap_h, spacing, 0.0), gap_h);
    let linked: Vec<Option<f32>> = ministry_targets
        .iter()
        .zip(&ministry_h)
        .map(|(targets, h)| mean(targets.iter().copied()).map(|c| c - h * 0.5))
        .collect();
    // Ministries with no measure come after the others, in their order (not far below them:
    // the view's height is that of its lowest box).
    let after_linked = linked.iter().flatten().copied().fold(0.0_f32, f32::max);
    let wanted: Vec<f32> = linked.iter().map(|w| w.unwrap_or(after_linked)).collect();
    let ministries = ColumnPlace::new(stack(&wanted, &ministry_h, spacing, 0.0), ministry_h);

    let mut placement = Placement {
        columns: [gaps, measures, ministries],
        link_ends,
        ..Placement::default()
    };
    placement.index_links(columns);
    placement
}

impl Placement {
    /// The bottom of the lowest box of the three columns.
    pub fn bottom(&self) -> f32 {
        self.columns
            .iter()
            .map(ColumnPlace::bottom)
            .fold(0.0, f32::max)
    }

    /// Each link's stretch: from the middle of its gap to the middle of its measure; for a
    /// measure's ministry (the view keeps the few ministries in sight), its measure's box.
    fn index_links(&mut self, columns: &Columns) {
        let [gaps, measures, _] = &self.columns;
        self.spans = columns
            .links
            .iter()
            .zip(&self.link_ends)
            .map(|(l, &[a, b])| match l.side {
                LinkSide::GapMeasure => {
                    let (y0, y1) = (gaps.centre(a as usize), measures.centre(b as usize));
                    [y0.min(y1), y0.max(y1)]
                }
                LinkSide::MeasureMinistry => {
                    let top = measures.tops[a as usize];
                    [top, top + measures.heights[a as usize]]
                }
            })
            .collect();
        let spans = &self.spans;
        self.by_top = (0..spans.len() as u32).collect();
        self.by_top
            .sort_by(|&a, &b| spans[a as usize][0].total_cmp(&spans[b as usize][0]));
        self.block_bottom = self
            .by_top
            .chunks(BLOCK)
            .map(|block| {
                block
                    .iter()
                    .map(|&i| spans[i as usize][1])
                    .fold(f32::MIN, f32::max)
            })
            .collect();
        let mut ministry_links = vec![Vec::new(); self.columns[MINISTRIES].tops.len()];
        for (i, (l, &[_, b])) in columns.links.iter().zip(&self.link_ends).enumerate() {
            if l.side == LinkSide::MeasureMinistry {
                ministry_links[b as usize].push(i as u32);
            }
        }
        let ends = &self.link_ends;
        for links in &mut ministry_links {
            links.sort_by_key(|&i| ends[i as usize][0]);
        }
        self.ministry_links = ministry_links;
    }

    /// For each ministry, its links to the nearest of its measures above the band from `top` to
    /// `bottom` and below it (those in it are among [`Placement::links_in`]): as the ministries
    /// stay in view, these show which way the rest of their measures lie.
    pub fn ministry_links_beyond(&self, top: f32, bottom: f32) -> Vec<usize> {
        let measures = &self.columns[MEASURES];
        // Measures stack in their order, so these counts are indices too: the first measure
        // reaching into the band, and the first below it.
        let above = measures.count_above(top);
        let through = measures.count_starting_by(bottom);
        let mut out = Vec::new();
        for links in &self.ministry_links {
            let measure_of = |k: &u32| self.link_ends[*k as usize][0] as usize;
            let p = links.partition_point(|k| measure_of(k) < above);
            if p > 0 {
                out.push(links[p - 1] as usize);
            }
            let q = links.partition_point(|k| measure_of(k) < through);
            if let Some(&k) = links.get(q) {
                out.push(k as usize);
            }
        }
        out
    }

    /// The links to draw for the band from `top` to `bottom`, as indices into [`Columns::links`]
    /// in no particular order: a gap's link when it reaches into the band or crosses it, a
    /// ministry's link when its measure's box reaches into the band.
    pub fn links_in(&self, top: f32, bottom: f32) -> Vec<usize> {
        let end = self
            .by_top
            .partition_point(|&i| self.spans[i as usize][0] <= bottom);
        let mut out = Vec::new();
        for (b, block) in self.by_top[..end].chunks(BLOCK).enumerate() {
            if self.block_bottom[b] < top {
                continue;
            }
            out.extend(
                block
                    .iter()
                    .map(|&i| i as usize)
                    .filter(|&i| self.spans[i][1] >= top),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::index::Index;
    use crate::analysis::linkage::{columns, tests::fixture};

    fn placed() -> (Columns, Placement) {
        let roadmap = fixture();
        let index = Index::build(&roadmap);
        let cols = columns(&roadmap, &index, &|_| true);
        let heights = [
            vec![40.0; cols.gaps.len()],
            vec![30.0; cols.measures.len()],
            vec![20.0; cols.ministries.len()],
        ];
        let placement = place(&cols, heights, 8.0);
        (cols, placement)
    }

    #[test]
    fn measures_stack_and_no_column_overlaps() {
        let (cols, p) = placed();
        let measures = &p.columns[MEASURES];
        for (i, top) in measures.tops.iter().enumerate() {
            assert!((top - i as f32 * 38.0).abs() < 1e-3);
        }
        for column in &p.columns {
            let order: Vec<usize> = column.top_to_bottom().collect();
            for w in order.windows(2) {
                assert!(column.tops[w[0]] + column.heights[w[0]] + 8.0 <= column.tops[w[1]] + 1e-3);
            }
        }
        assert_eq!(p.link_ends.len(), cols.links.len());
        assert!(
            (p.bottom()
                - p.columns
                    .iter()
                    .map(ColumnPlace::bottom)
                    .fold(0.0, f32::max))
            .abs()
                < 1e-6
        );
    }

    #[test]
    fn a_ministry_without_measures_comes_right_after_the_others() {
        let (mut cols, _) = placed();
        let lonely = ItemRef::Ministry(crate::model::MinistryCode::new("無").expect("code"));
        cols.ministries.push(lonely);
        let heights = [
            vec![40.0; cols.gaps.len()],
            vec![30.0; cols.measures.len()],
            vec![20.0; cols.ministries.len()],
        ];
        let p = place(&cols, heights, 8.0);
        let ministries = &p.columns[MINISTRIES];
        let last = ministries.tops.len() - 1;
        assert_eq!(ministries.top_to_bottom().last(), Some(last));
        let measures_bottom = p.columns[MEASURES].bottom();
        assert!(
            p.bottom() <= measures_bottom + 28.0 * ministries.tops.len() as f32,
            "the drawing is as tall as its boxes: {} for measures down to {measures_bottom}",
            p.bottom()
        );
    }

    #[test]
    fn a_band_holds_the_boxes_and_links_that_reach_into_it() {
        let (cols, p) = placed();
        let measures = &p.columns[MEASURES];
        // The second measure's box, and nothing of the first.
        let band: Vec<usize> = measures.overlapping(40.0, 60.0).collect();
        assert_eq!(band, vec![1]);
        assert_eq!(measures.overlapping(-100.0, -1.0).count(), 0);
        assert_eq!(measures.overlapping(-1e9, 1e9).count(), cols.measures.len());
        // Every link is in a band covering everything; in a band, exactly those whose stretch
        // reaches into it.
        let mut all = p.links_in(-1e9, 1e9);
        all.sort_unstable();
        assert_eq!(all, (0..cols.links.len()).collect::<Vec<_>>());
        let (top, bottom) = (45.0, 50.0);
        let mut some = p.links_in(top, bottom);
        some.sort_unstable();
        let expected: Vec<usize> = (0..cols.links.len())
            .filter(|&i| p.spans[i][0] <= bottom && p.spans[i][1] >= top)
            .collect();
        assert_eq!(some, expected);
    }

    #[test]
    fn each_ministry_links_to_its_nearest_measures_beyond_a_band() {
        let (cols, p) = placed();
        // A band holding only the second measure: each ministry's nearest link on either side.
        let beyond = p.ministry_links_beyond(40.0, 60.0);
        for (m, links) in p.ministry_links.iter().enumerate() {
            let measure_of = |k: u32| p.link_ends[k as usize][0];
            let above = links
                .iter()
                .copied()
                .filter(|&k| measure_of(k) < 1)
                .max_by_key(|&k| measure_of(k));
            let below = links
                .iter()
                .copied()
                .filter(|&k| measure_of(k) > 1)
                .min_by_key(|&k| measure_of(k));
            for k in [above, below].into_iter().flatten() {
                assert!(beyond.contains(&(k as usize)), "ministry {m}");
                assert_eq!(cols.links[k as usize].side, LinkSide::MeasureMinistry);
            }
            assert!(
                links
                    .iter()
                    .all(|&k| measure_of(k) != 1 || !beyond.contains(&(k as usize)))
            );
        }
        assert!(!beyond.is_empty());
    }
}
