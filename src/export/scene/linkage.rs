//! The linkage picture: gaps | measures | ministries as three columns of boxes placed by
//! [`place`](crate::analysis::linkage::place::place), as the view places them, joined by curves;
//! editorial links dashed, the selection's chain in full colour and the rest faded.

use super::{Builder, Color, HEAD, INK, MARGIN, RULE, Stroke, block_height};
use crate::analysis::derived::Derived;
use crate::analysis::labels;
use crate::analysis::linkage::LinkSide;
use crate::analysis::linkage::place::{GAPS, MEASURES, MINISTRIES, place};
use crate::i18n::Lang;
use crate::model::{ItemRef, Provenance, Roadmap};

/// Text size in boxes.
const SIZE: f32 = 10.0;
/// Widths of the three columns.
const WIDTHS: [f32; 3] = [300.0, 360.0, 170.0];
/// Room between columns, where the links run.
const GUTTER: f32 = 150.0;
/// Padding inside a box.
const PAD: f32 = 5.0;
/// Space between boxes of a column.
const SPACING: f32 = 8.0;

/// A box's text: its tag and text.
fn label(roadmap: &Roadmap, item: &ItemRef, lang: Lang) -> String {
    labels::short(roadmap, item, lang, 90)
}

/// Draws the three columns below `top`; returns the width and the bottom.
pub(super) fn draw(
    b: &mut Builder,
    roadmap: &Roadmap,
    derived: &Derived,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    let columns = &derived.linkage;
    let lists = [&columns.gaps, &columns.measures, &columns.ministries];
    let texts: Vec<Vec<String>> = lists
        .iter()
        .map(|items| items.iter().map(|i| label(roadmap, i, lang)).collect())
        .collect();
    let heights: [Vec<f32>; 3] = std::array::from_fn(|c| {
        texts[c]
            .iter()
            .map(|t| block_height(t, WIDTHS[c] - 2.0 * PAD, SIZE) + 2.0 * PAD)
            .collect()
    });
    let placement = place(columns, heights, SPACING);
    let lefts = [
        MARGIN,
        MARGIN + WIDTHS[0] + GUTTER,
        MARGIN + WIDTHS[0] + WIDTHS[1] + 2.0 * GUTTER,
    ];
    let titles = [
        lang.pick("論点・ギャップ", "Gaps"),
        lang.pick("施策", "Measures"),
        lang.pick("府省庁", "Ministries"),
    ];
    for c in 0..3 {
        b.rect([lefts[c], top, WIDTHS[c], 22.0], Some(HEAD), None);
        b.text(lefts[c] + PAD, top + 5.0, 11.0, INK, titles[c]);
    }
    let body = top + 32.0;
    let lit = |item: &ItemRef| {
        derived
            .chain
            .as_ref()
            .is_none_or(|chain| chain.contains(item))
    };
    // Links first, under the boxes.
    for (link, &[a, z]) in columns.links.iter().zip(&placement.link_ends) {
        let (from, to) = match link.side {
            LinkSide::GapMeasure => (GAPS, MEASURES),
            LinkSide::MeasureMinistry => (MEASURES, MINISTRIES),
        };
        let start = [
            lefts[from] + WIDTHS[from],
            body + placement.columns[from].centre(a as usize),
        ];
        let end = [lefts[to], body + placement.columns[to].centre(z as usize)];
        let mid = f32::midpoint(start[0], end[0]);
        let on = lit(&link.from) && lit(&link.to);
        let color = match link.side {
            LinkSide::GapMeasure => Color::rgb(0xB8, 0x4A, 0x45),
            LinkSide::MeasureMinistry => Color::rgb(0x2F, 0x64, 0xAE),
        }
        .alpha(if on { 200 } else { 40 });
        let stroke = if link.provenance == Provenance::Stated {
            Stroke::solid(1.0, color)
        } else {
            Stroke::dashed(1.0, color)
        };
        b.curve([start, [mid, start[1]], [mid, end[1]], end], stroke);
    }
    for c in 0..3 {
        let place = &placement.columns[c];
        for (i, item) in lists[c].iter().enumerate() {
            let y = body + place.tops[i];
            let alpha = if lit(item) { 255 } else { 90 };
            let fill = if derived.inputs.selection.as_ref() == Some(item) {
                Color::rgb(0xFF, 0xF1, 0xC4)
            } else {
                Color::rgb(0xFF, 0xFF, 0xFF)
            };
            b.rect(
                [lefts[c], y, WIDTHS[c], place.heights[i]],
                Some(fill),
                Some(Stroke::solid(0.8, RULE)),
            );
            b.text_block(
                lefts[c] + PAD,
                y + PAD,
                WIDTHS[c] - 2.0 * PAD,
                SIZE,
                INK.alpha(alpha),
                &texts[c][i],
            );
        }
    }
    (lefts[2] + WIDTHS[2] + MARGIN, body + placement.bottom())
}
