//! SVG: a scene as vector shapes, its text drawn as the bundled font's glyph outlines (each glyph
//! defined once and reused), so that it looks the same on any machine whatever fonts it has. Each
//! text keeps its characters in an `aria-label` and a `<title>`, for search and screen readers.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::font::{self, FontId};
use super::scene::{Color, Scene, Shape, Stroke};

/// A number as SVG writes it: at most two decimals, no trailing zeros.
pub(crate) fn num(v: f32) -> String {
    let r = (f64::from(v) * 100.0).round() / 100.0;
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Escapes text for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn hex(c: Color) -> String {
    let [r, g, b, _] = c.0;
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// `fill="…"` (and its opacity), or `fill="none"`.
fn fill_attr(fill: Option<Color>) -> String {
    match fill {
        None => r#" fill="none""#.to_owned(),
        Some(c) if c.0[3] == 255 => format!(r#" fill="{}""#, hex(c)),
        Some(c) => format!(
            r#" fill="{}" fill-opacity="{}""#,
            hex(c),
            num(f32::from(c.0[3]) / 255.0)
        ),
    }
}

fn stroke_attr(stroke: Option<&Stroke>) -> String {
    let Some(s) = stroke else {
        return String::new();
    };
    let mut out = format!(
        r#" stroke="{}" stroke-width="{}""#,
        hex(s.color),
        num(s.width)
    );
    if s.color.0[3] != 255 {
        let _ = write!(
            out,
            r#" stroke-opacity="{}""#,
            num(f32::from(s.color.0[3]) / 255.0)
        );
    }
    if let Some([dash, gap]) = s.dash {
        let _ = write!(out, r#" stroke-dasharray="{} {}""#, num(dash), num(gap));
    }
    out
}

/// The ID of a glyph's definition.
fn glyph_id(font: FontId, glyph: u16) -> String {
    match font {
        FontId::Gothic => format!("g{glyph}"),
        FontId::Dashes => format!("d{glyph}"),
    }
}

/// The scene as an SVG document.
pub fn write(scene: &Scene) -> String {
    let mut body = String::new();
    let mut used: BTreeSet<(FontId, u16)> = BTreeSet::new();
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { rect, fill, stroke } => {
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}"{}{}/>"#,
                    num(rect[0]),
                    num(rect[1]),
                    num(rect[2]),
                    num(rect[3]),
                    fill_attr(*fill),
                    stroke_attr(stroke.as_ref())
                );
            }
            Shape::Path {
                points,
                closed,
                fill,
                stroke,
            } => {
                let mut d = String::new();
                for (i, p) in points.iter().enumerate() {
                    let _ = write!(
                        d,
                        "{}{} {}",
                        if i == 0 { "M" } else { "L" },
                        num(p[0]),
                        num(p[1])
                    );
                }
                if *closed {
                    d.push('Z');
                }
                let fill = if *closed { *fill } else { None };
                let _ = writeln!(
                    body,
                    r#"<path d="{d}"{}{}/>"#,
                    fill_attr(fill),
                    stroke_attr(stroke.as_ref())
                );
            }
            Shape::Curve { points, stroke } => {
                let [a, b, c, d] = points;
                let _ = writeln!(
                    body,
                    r#"<path d="M{} {}C{} {} {} {} {} {}" fill="none"{}/>"#,
                    num(a[0]),
                    num(a[1]),
                    num(b[0]),
                    num(b[1]),
                    num(c[0]),
                    num(c[1]),
                    num(d[0]),
                    num(d[1]),
                    stroke_attr(Some(stroke))
                );
            }
            Shape::Text {
                at,
                size,
                color,
                text,
            } => {
                let label = escape(text);
                let _ = write!(
                    body,
                    r#"<g role="img" aria-label="{label}"{}><title>{label}</title>"#,
                    fill_attr(Some(*color))
                );
                for placed in font::layout(text) {
                    if font::outline_svg(placed.font, placed.glyph).is_empty() {
                        continue;
                    }
                    used.insert((placed.font, placed.glyph));
                    let scale = size / font::units_per_em(placed.font);
                    let _ = write!(
                        body,
                        r##"<use xlink:href="#{}" transform="matrix({} 0 0 {} {} {})"/>"##,
                        glyph_id(placed.font, placed.glyph),
                        num_fine(scale),
                        num_fine(-scale),
                        num(at[0] + placed.x_em * size),
                        num(at[1])
                    );
                }
                body.push_str("</g>\n");
            }
        }
    }
    let mut out = String::new();
    let title = escape(&scene.title);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{title}">"#,
        w = num(scene.width),
        h = num(scene.height)
    );
    let _ = writeln!(out, "<title>{title}</title>");
    out.push_str("<defs>\n");
    for (font, glyph) in &used {
        let _ = writeln!(
            out,
            r#"<path id="{}" d="{}"/>"#,
            glyph_id(*font, *glyph),
            font::outline_svg(*font, *glyph)
        );
    }
    out.push_str("</defs>\n");
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// A small number (a glyph's scale) with six decimals, trailing zeros dropped.
fn num_fine(v: f32) -> String {
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}
