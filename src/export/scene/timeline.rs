//! The timeline's picture: the whole horizon in fiscal years across, the layout's lanes down
//! (target states, gaps, measures by the chosen grouping, events, KPI deadlines), bars and
//! markers where [`crate::analysis::timeline::layout`] put them. Assumed and editorial timing is
//! drawn dashed and paler, as the view draws it.

use super::{Builder, Color, HEAD, INK, MARGIN, PAPER, RULE, Stroke, TableBands, WEAK, faded, fit};
use crate::analysis::derived::Derived;
use crate::analysis::scenario::{Move, ScenarioComparison};
use crate::analysis::timeline::{Layer, MarkerKind};
use crate::analysis::timeline_view::{data_range, reiwa_label};
use crate::i18n::Lang;
use crate::model::{ItemRef, Provenance};

/// Width of the lane titles' column.
const TITLES: f32 = 190.0;
/// Width of one fiscal year.
const YEAR: f32 = 62.0;
/// Height of a row of bars.
const ROW: f32 = 22.0;
/// Text size of labels.
const SIZE: f32 = 10.0;

/// The colour of a layer's bars and markers.
pub(super) fn layer_color(layer: Layer) -> Color {
    match layer {
        Layer::Targets => Color::rgb(0xB7, 0x7A, 0x00),
        Layer::Gaps => Color::rgb(0xB8, 0x4A, 0x45),
        Layer::Measures => Color::rgb(0x2F, 0x64, 0xAE),
        Layer::Events => Color::rgb(0x3E, 0x7D, 0x5A),
        Layer::Kpis => Color::rgb(0x7A, 0x4E, 0xA3),
    }
}

/// The colour of the arrows and badges of moved measures.
const MOVED: Color = Color::rgb(0xC8, 0x5A, 0x00);

/// The move of `item`'s span in the comparison, when one is shown and the span moved.
fn moved<'a>(comparison: Option<&'a ScenarioComparison>, item: &ItemRef) -> Option<&'a Move> {
    let ItemRef::Measure(id) = item else {
        return None;
    };
    comparison?.move_of(id).filter(|m| m.span_moved())
}

/// The arrow from where the other side of the comparison has a bar (`ghost`) to the bar, along
/// its top edge, and the badge saying how far it moved, after the bar.
fn ghost_arrow(b: &mut Builder, moved: &Move, ghost: [f32; 4], bar: [f32; 4]) {
    let (from, to) = if (ghost[0] - bar[0]).abs() > 1.0 {
        (ghost[0], bar[0])
    } else {
        (ghost[0] + ghost[2], bar[0] + bar[2])
    };
    let top = bar[1] + 2.0;
    let stroke = Stroke::solid(1.6, MOVED);
    if (from - to).abs() > 4.0 {
        b.line([from, top], [to, top], stroke);
        let back = if to > from { -5.0 } else { 5.0 };
        b.polygon(
            vec![[to, top], [to + back, top - 3.5], [to + back, top + 3.5]],
            Some(MOVED),
            None,
        );
    }
    let text = moved.delta_label();
    if !text.is_empty() {
        let x = bar[0] + bar[2] + 4.0;
        let w = super::text_width(&text, SIZE * 0.9) + 6.0;
        b.rect([x, bar[1] + 1.0, w, bar[3] - 2.0], Some(MOVED), None);
        b.text(
            x + 3.0,
            bar[1] + (bar[3] - SIZE * 0.9) / 2.0,
            SIZE * 0.9,
            PAPER,
            &text,
        );
    }
}

/// Draws the timeline below `top`; returns the picture's width and the bottom of what it drew.
pub(super) fn draw(
    b: &mut Builder,
    derived: &Derived,
    comparison: Option<&ScenarioComparison>,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    let timeline = &derived.timeline;
    let (lo, hi) = data_range(timeline);
    let (first, last) = (lo.floor() as i32, hi.ceil() as i32 - 1);
    let left = MARGIN + TITLES;
    let x_of = |fy: f64| left + ((fy - f64::from(first)) as f32) * YEAR;
    let right = x_of(f64::from(last + 1));
    // The axis: each fiscal year's number, with its 令和 year under it.
    let axis_h = 2.0 * SIZE * super::LINE_EM + 4.0;
    b.rect([left, top, right - left, axis_h], Some(HEAD), None);
    for fy in first..=last {
        let x = x_of(f64::from(fy));
        b.text(x + 4.0, top + 2.0, SIZE, INK, &fy.to_string());
        if let Some(r) = reiwa_label(fy, false) {
            b.text(
                x + 4.0,
                top + 2.0 + SIZE * super::LINE_EM,
                SIZE * 0.9,
                WEAK,
                &r,
            );
        }
    }
    let mut y = top + axis_h;
    let lanes_top = y;
    let mut bands = Vec::new();
    for (i, lane) in timeline.lanes.iter().enumerate() {
        let title_h = super::block_height(&lane.title, TITLES - 12.0, SIZE);
        let h = (lane.rows.max(1) as f32 * ROW).max(title_h + 6.0) + 6.0;
        if i % 2 == 1 {
            b.rect(
                [MARGIN, y, right - MARGIN, h],
                Some(Color::rgb(0xF4, 0xF6, 0xF9)),
                None,
            );
        }
        bands.push((y, h));
        y += h;
    }
    let bottom = y;
    // On pages, the lanes are the rows and the axis the header repeated atop each.
    b.table(TableBands {
        header: [top, lanes_top],
        rows: bands.iter().map(|(lane_top, h)| lane_top + h).collect(),
        spanned: Vec::new(),
    });
    // Year lines over the bands, under the bars.
    for fy in first..=last + 1 {
        let x = x_of(f64::from(fy));
        b.line([x, top], [x, bottom], Stroke::solid(0.5, RULE));
    }
    b.line(
        [MARGIN, lanes_top],
        [right, lanes_top],
        Stroke::solid(0.8, RULE),
    );
    for (lane, &(lane_top, _)) in timeline.lanes.iter().zip(&bands) {
        b.text_block(
            MARGIN + 4.0,
            lane_top + 4.0,
            TITLES - 12.0,
            SIZE,
            INK,
            &lane.title,
        );
        let color = layer_color(lane.layer);
        for bar in &lane.bars {
            let alpha = if faded(derived, &bar.item) { 70 } else { 255 };
            let x0 = x_of(bar.start);
            let w = (x_of(bar.end) - x0).max(2.0);
            let y0 = lane_top + 3.0 + bar.row as f32 * ROW + 2.0;
            let h = ROW - 4.0;
            let moved = moved(comparison, &bar.item);
            let ghost = moved.and_then(|m| m.from_span.as_ref()).map(|from| {
                let gx = x_of(f64::from(from.start_fy));
                [gx, y0, x_of(f64::from(from.end_fy) + 1.0) - 1.0 - gx, h]
            });
            if let Some(g) = ghost {
                b.rect(g, Some(WEAK.alpha(46)), Some(Stroke::dashed(1.2, WEAK)));
            }
            let (fill, stroke) = match bar.provenance {
                Provenance::Stated => (color.alpha(alpha / 4 * 3), None),
                Provenance::Editorial | Provenance::Assumed => (
                    color.alpha(alpha / 4),
                    Some(Stroke::dashed(1.2, color.alpha(alpha))),
                ),
            };
            b.rect([x0, y0, w, h], Some(fill), stroke);
            let text_color = match bar.provenance {
                Provenance::Stated => Color::rgb(0xFF, 0xFF, 0xFF).alpha(alpha),
                _ => INK.alpha(alpha),
            };
            if w > 16.0 {
                b.text(
                    x0 + 4.0,
                    y0 + (h - SIZE) / 2.0,
                    SIZE,
                    text_color,
                    &fit(&bar.label, w - 8.0, SIZE),
                );
            }
            if let (Some(m), Some(g)) = (moved, ghost) {
                ghost_arrow(b, m, g, [x0, y0, w, h]);
            }
        }
        // Markers, each label running up to the next marker in its row.
        let mut markers: Vec<_> = lane.markers.iter().collect();
        markers.sort_by(|a, b| {
            (a.row, a.at)
                .partial_cmp(&(b.row, b.at))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        for (k, m) in markers.iter().enumerate() {
            let alpha = if faded(derived, &m.item) { 70 } else { 255 };
            let x = x_of(m.at);
            let cy = lane_top + 3.0 + m.row as f32 * ROW + ROW / 2.0;
            let r = 5.0;
            let diamond = vec![[x, cy - r], [x + r, cy], [x, cy + r], [x - r, cy]];
            match m.kind {
                MarkerKind::Dated => b.polygon(diamond, Some(color.alpha(alpha)), None),
                MarkerKind::Unaddressed(_) | MarkerKind::Untimed(_) => b.polygon(
                    diamond,
                    Some(Color::rgb(0xFF, 0xFF, 0xFF)),
                    Some(Stroke::dashed(1.2, color.alpha(alpha))),
                ),
            }
            let next = markers
                .get(k + 1)
                .filter(|n| n.row == m.row)
                .map_or(right, |n| x_of(n.at) - r - 6.0);
            let room = (next - x - r - 4.0).min(260.0);
            if room > 14.0 {
                b.text(
                    x + r + 3.0,
                    cy - SIZE / 2.0,
                    SIZE,
                    INK.alpha(alpha),
                    &fit(&m.label, room, SIZE),
                );
            }
        }
    }
    // The key to how timing is drawn.
    let key_y = bottom + 10.0;
    let mut x = MARGIN;
    let sample = layer_color(Layer::Measures);
    for (label, stated) in [
        (lang.pick("出典記載の期間", "Stated span"), true),
        (
            lang.pick(
                "仮定・編集判断の期間（破線）",
                "Assumed or editorial span (dashed)",
            ),
            false,
        ),
    ] {
        if stated {
            b.rect([x, key_y, 28.0, ROW - 6.0], Some(sample.alpha(191)), None);
        } else {
            b.rect(
                [x, key_y, 28.0, ROW - 6.0],
                Some(sample.alpha(63)),
                Some(Stroke::dashed(1.2, sample)),
            );
        }
        b.text(x + 34.0, key_y + 2.0, SIZE, INK, label);
        x += 34.0 + super::text_width(label, SIZE) + 24.0;
    }
    (right + MARGIN, key_y + ROW)
}
