//! The target states' picture, as the view shows them: one column per horizon year, a card for
//! each target state with the measures contributing to it and the gaps in its way. A stripe down
//! a card's left edge shows its provenance as the timeline draws timing: solid when stated,
//! pale with a dashed outline when assumed, outlined when editorial (and the label says so in
//! words); a legend explains it.

use super::timeline::layer_color;
use super::{Builder, Color, INK, LINE_EM, MARGIN, RULE, Stroke, WEAK, text_width};
use crate::analysis::derived::Derived;
use crate::analysis::targets::target_columns;
use crate::analysis::timeline::Layer;
use crate::i18n::Lang;
use crate::model::{Provenance, Roadmap};

/// Text size on cards.
const SIZE: f32 = 10.0;
/// Width of a column.
const WIDTH: f32 = 300.0;
/// Room between columns.
const GUTTER: f32 = 16.0;
/// Padding inside a card.
const PAD: f32 = 6.0;
/// Width of the provenance stripe.
const STRIPE: f32 = 6.0;
/// How far a card's lists stand in.
const INDENT: f32 = 12.0;

/// The provenance stripe in `rect`.
fn stripe(b: &mut Builder, rect: [f32; 4], provenance: Provenance, color: Color) {
    match provenance {
        Provenance::Stated => b.rect(rect, Some(color), None),
        Provenance::Assumed => b.rect(
            rect,
            Some(color.alpha(64)),
            Some(Stroke::dashed(1.0, color)),
        ),
        Provenance::Editorial => b.rect(rect, None, Some(Stroke::solid(1.0, color))),
    }
}

/// Draws the columns below `top`; returns the picture's width and bottom.
pub(super) fn draw(
    b: &mut Builder,
    roadmap: &Roadmap,
    derived: &Derived,
    lang: Lang,
    top: f32,
) -> (f32, f32) {
    let columns = target_columns(roadmap, &derived.index, &derived.visible, lang);
    if columns.is_empty() {
        let text = lang.pick(
            "フィルタに該当する目指すべき姿はありません。",
            "No target state passes the filter.",
        );
        b.text(MARGIN, top, SIZE, WEAK, text);
        return (text_width(text, SIZE) + 2.0 * MARGIN, top + 20.0);
    }
    let color = layer_color(Layer::Targets);
    let key = lang.pick("根拠：", "Provenance: ");
    b.text(MARGIN, top, SIZE, INK, key);
    let mut x = MARGIN + text_width(key, SIZE) + 4.0;
    for p in [
        Provenance::Stated,
        Provenance::Assumed,
        Provenance::Editorial,
    ] {
        stripe(b, [x, top + 1.0, 24.0, 10.0], p, color);
        let label = lang.pick(p.label_ja(), p.label_en());
        b.text(x + 28.0, top, SIZE, INK, label);
        x += 28.0 + text_width(label, SIZE) + 14.0;
    }
    let top = top + SIZE * LINE_EM + 12.0;
    let mut bottom = top;
    let inner = WIDTH - 3.0 * PAD - STRIPE;
    for (k, column) in columns.iter().enumerate() {
        let left = MARGIN + k as f32 * (WIDTH + GUTTER);
        let text_x = left + 2.0 * PAD + STRIPE;
        b.text(left, top, 13.0, INK, &column.heading);
        let mut y = top + 13.0 * LINE_EM + 6.0;
        for card in &column.cards {
            let ink = if super::faded(derived, &card.item) {
                INK.alpha(90)
            } else {
                INK
            };
            let start = y;
            y += PAD;
            y += b.text_block(text_x, y, inner, SIZE, ink, &card.label);
            for related in &card.related {
                y += 4.0;
                y += b.text_block(text_x, y, inner, SIZE, ink, &related.title);
                let mut line = |y: f32, text: &str, color: Color| {
                    b.text_block(text_x + INDENT, y, inner - INDENT, SIZE, color, text)
                };
                if related.shown.is_empty() && related.hidden == 0 {
                    y += line(y, lang.pick("なし", "None"), WEAK);
                }
                for (_, label) in &related.shown {
                    y += line(y, &format!("・{label}"), ink);
                }
                if related.hidden > 0 {
                    let hidden = format!(
                        "{} {}",
                        lang.pick("フィルタで非表示：", "Hidden by the filter:"),
                        related.hidden
                    );
                    y += line(y, &hidden, WEAK);
                }
            }
            y += PAD;
            b.rect(
                [left, start, WIDTH, y - start],
                None,
                Some(Stroke::solid(0.8, RULE)),
            );
            stripe(
                b,
                [left + PAD, start + PAD, STRIPE, y - start - 2.0 * PAD],
                card.provenance,
                color,
            );
            y += 8.0;
        }
        bottom = bottom.max(y);
    }
    let n = columns.len() as f32;
    (2.0 * MARGIN + n * WIDTH + (n - 1.0) * GUTTER, bottom)
}
