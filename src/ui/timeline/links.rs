//! The selection's links across lanes: curves between the places its linked items occupy (bars,
//! markers and the titles of lanes standing for an item), stated links in the accent colour and
//! others dashed in the editorial colour.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, Pos2, Rect, Stroke, Vec2};

use super::ROW_H;
use super::frame::Frame;
use crate::analysis::linkage::focus_links;
use crate::model::{ItemRef, Provenance};
use crate::ui::linkage::{link_color, paint_curve};
use crate::ui::{ViewCtx, rows};

/// Where an item is drawn in a lane.
#[derive(Clone, Copy, Debug)]
enum Spot {
    Bar(usize),
    Marker(usize),
    /// The lane's title (the lane stands for the item).
    Title,
}

/// The spots, by lane, of the items the selection's links reach, kept in egui memory for the
/// timeline's generation and the selection. Only these items are looked for: at 1000× a map of
/// every item's spots took longer to build than the rest of the frame after an edit.
fn spots(
    painter: &egui::Painter,
    ctx: &ViewCtx<'_>,
    selection: &ItemRef,
    items: &[&ItemRef],
) -> Arc<HashMap<ItemRef, Vec<(usize, Spot)>>> {
    let id = egui::Id::unique("waymark-timeline-spots");
    let key = std::hash::BuildHasher::hash_one(
        &foldhash::fast::FixedState::with_seed(0),
        (ctx.generation, selection),
    );
    rows::cached(painter.ctx(), id, key, || {
        let set: foldhash::HashSet<&ItemRef> = items.iter().copied().collect();
        // A few items are compared in turn, faster than hashing every bar's item.
        let wanted = |item: &ItemRef| {
            if items.len() <= 16 {
                items.contains(&item)
            } else {
                set.contains(item)
            }
        };
        let mut spots: HashMap<ItemRef, Vec<(usize, Spot)>> = HashMap::new();
        let mut add = |item: &ItemRef, at: (usize, Spot)| {
            if wanted(item) {
                spots.entry(item.clone()).or_default().push(at);
            }
        };
        for (li, lane) in ctx.timeline.lanes.iter().enumerate() {
            for (bi, bar) in lane.bars.iter().enumerate() {
                add(&bar.item, (li, Spot::Bar(bi)));
            }
            for (mi, m) in lane.markers.iter().enumerate() {
                add(&m.item, (li, Spot::Marker(mi)));
            }
            if let Some(k) = &lane.key {
                add(k, (li, Spot::Title));
            }
        }
        spots
    })
}

/// Draws the links of the selection between the places its items occupy.
pub(super) fn paint_links(
    ctx: &ViewCtx<'_>,
    painter: &egui::Painter,
    frame: &Frame,
    selection: &ItemRef,
    dark: bool,
) {
    let links = focus_links(ctx.index, selection);
    if links.is_empty() {
        return;
    }
    // Where the links' items are drawn (bars and markers in all lanes; keyed lane titles).
    // Each place is a rect and whether it is a lane title.
    let header = frame.header();
    let ends: Vec<&ItemRef> = links.iter().flat_map(|l| [&l.from, &l.to]).collect();
    let spots = spots(painter, ctx, selection, &ends);
    let mut places: HashMap<&ItemRef, Vec<(Rect, bool)>> = HashMap::new();
    for item in links.iter().flat_map(|l| [&l.from, &l.to]) {
        if places.contains_key(item) {
            continue;
        }
        let rects = spots
            .get(item)
            .into_iter()
            .flatten()
            .map(|&(li, spot)| {
                let lane = &ctx.timeline.lanes[li];
                match spot {
                    Spot::Bar(bi) => (frame.bar_rect(li, &lane.bars[bi]), false),
                    Spot::Marker(mi) => {
                        let (x, top, bottom) = frame.marker_place(lane, li, mi);
                        let r = Rect::from_center_size(
                            Pos2::new(x, (top + bottom) * 0.5),
                            Vec2::splat(ROW_H - 6.0),
                        );
                        (r, false)
                    }
                    Spot::Title => {
                        let r = Rect::from_min_size(
                            Pos2::new(header.left(), frame.lane_top(li)),
                            Vec2::new(header.width(), frame.lanes[li].height),
                        );
                        (r, true)
                    }
                }
            })
            .collect();
        places.insert(item, rects);
    }
    let clip = painter.clip_rect();
    let accent = accent(dark);
    for l in &links {
        let (Some(from), Some(to)) = (places.get(&l.from), places.get(&l.to)) else {
            continue;
        };
        for b in to {
            let Some(a) = from.iter().min_by(|x, y| {
                (x.0.center().y - b.0.center().y)
                    .abs()
                    .total_cmp(&(y.0.center().y - b.0.center().y).abs())
            }) else {
                continue;
            };
            let (p0, p3, vertical) = anchors(*a, *b);
            if !clip.intersects(Rect::from_two_pos(p0, p3).expand(2.0)) {
                continue;
            }
            let color = if l.provenance == Provenance::Stated {
                accent
            } else {
                link_color(l.provenance, dark)
            };
            paint_curve(
                painter,
                p0,
                p3,
                vertical,
                Stroke::new(2.0, color.gamma_multiply(0.85)),
                l.provenance != Provenance::Stated,
            );
        }
    }
}

fn accent(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(120, 190, 255)
    } else {
        Color32::from_rgb(0, 90, 200)
    }
}

/// Where a link between two places (rect, whether a lane title) starts and ends, and whether it
/// runs vertically.
fn anchors((a, a_title): (Rect, bool), (b, b_title): (Rect, bool)) -> (Pos2, Pos2, bool) {
    if a_title || b_title {
        // A lane title: leave from its right edge, level with the other end where the lane allows,
        // towards the other end's left.
        let (t, other) = if a_title { (a, b) } else { (b, a) };
        let y = other
            .center()
            .y
            .clamp(t.top() + 8.0, (t.bottom() - 8.0).max(t.top() + 8.0));
        let p_t = Pos2::new(t.right(), y);
        let p_o = Pos2::new(other.left().max(t.right() + 4.0), other.center().y);
        return if a_title {
            (p_t, p_o, false)
        } else {
            (p_o, p_t, false)
        };
    }
    if (a.center().y - b.center().y).abs() < 1.0 {
        return (a.right_center(), b.left_center(), false);
    }
    let down = b.center().y > a.center().y;
    let ax = a.center().x;
    let bx = b.center().x;
    if down {
        (Pos2::new(ax, a.bottom()), Pos2::new(bx, b.top()), true)
    } else {
        (Pos2::new(ax, a.top()), Pos2::new(bx, b.bottom()), true)
    }
}
