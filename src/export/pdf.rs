//! PDF: the scene as one vector page the size of the picture, its text set in the bundled font,
//! embedded as a subset, so that it renders on a machine without Japanese fonts and a reader can
//! select and search it.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::ExportError;
use super::font::{self, FontId};
use super::scene::{Color, Scene, Shape, Stroke};

fn paint(color: Color) -> (krilla::paint::Paint, NormalizedF32) {
    let [red, green, blue, alpha] = color.0;
    (
        rgb::Color::new(red, green, blue).into(),
        NormalizedF32::new(f32::from(alpha) / 255.0).unwrap_or(NormalizedF32::ONE),
    )
}

fn set_fill(surface: &mut Surface<'_>, fill: Option<Color>) {
    surface.set_fill(fill.map(|c| {
        let (paint, opacity) = paint(c);
        Fill {
            paint,
            opacity,
            rule: krilla::paint::FillRule::default(),
        }
    }));
}

fn set_stroke(surface: &mut Surface<'_>, stroke: Option<&Stroke>) {
    surface.set_stroke(stroke.map(|s| {
        let (paint, opacity) = paint(s.color);
        PdfStroke {
            paint,
            width: s.width,
            opacity,
            dash: s.dash.map(|[d, g]| StrokeDash {
                array: vec![d, g],
                offset: 0.0,
            }),
            ..PdfStroke::default()
        }
    }));
}

/// The scene as a one-page PDF titled `title`.
pub fn write(scene: &Scene, title: &str) -> Result<Vec<u8>, ExportError> {
    let gothic = Font::new(font::FontId::Gothic.bytes().into(), 0)
        .ok_or_else(|| ExportError::Pdf("the bundled font cannot be read".to_owned()))?;
    let dashes = Font::new(font::FontId::Dashes.bytes().into(), 0)
        .ok_or_else(|| ExportError::Pdf("the bundled dashes font cannot be read".to_owned()))?;
    let mut document = Document::new();
    document.set_metadata(Metadata::new().title(format!("{title} — {}", scene.title)));
    let settings = PageSettings::from_wh(scene.width, scene.height)
        .ok_or_else(|| ExportError::Pdf("the picture has no size".to_owned()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { rect, fill, stroke } => {
                let mut pb = PathBuilder::new();
                if let Some(r) =
                    Rect::from_xywh(rect[0], rect[1], rect[2].max(0.01), rect[3].max(0.01))
                {
                    pb.push_rect(r);
                }
                if let Some(path) = pb.finish() {
                    set_fill(&mut surface, *fill);
                    set_stroke(&mut surface, stroke.as_ref());
                    surface.draw_path(&path);
                }
            }
            Shape::Path {
                points,
                closed,
                fill,
                stroke,
            } => {
                let mut pb = PathBuilder::new();
                for (i, p) in points.iter().enumerate() {
                    if i == 0 {
                        pb.move_to(p[0], p[1]);
                    } else {
                        pb.line_to(p[0], p[1]);
                    }
                }
                if *closed {
                    pb.close();
                }
                if let Some(path) = pb.finish() {
                    set_fill(&mut surface, if *closed { *fill } else { None });
                    set_stroke(&mut surface, stroke.as_ref());
                    surface.draw_path(&path);
                }
            }
            Shape::Curve { points, stroke } => {
                let [a, b, c, d] = points;
                let mut pb = PathBuilder::new();
                pb.move_to(a[0], a[1]);
                pb.cubic_to(b[0], b[1], c[0], c[1], d[0], d[1]);
                if let Some(path) = pb.finish() {
                    set_fill(&mut surface, None);
                    set_stroke(&mut surface, Some(stroke));
                    surface.draw_path(&path);
                }
            }
            Shape::Text {
                at,
                size,
                color,
                text,
            } => {
                set_fill(&mut surface, Some(*color));
                set_stroke(&mut surface, None);
                let placed = font::layout(text);
                // One run of glyphs per font, each placed where the layout put it.
                let mut start = 0;
                while start < placed.len() {
                    let which = placed[start].font;
                    let end = placed[start..]
                        .iter()
                        .position(|p| p.font != which)
                        .map_or(placed.len(), |k| start + k);
                    let run = &placed[start..end];
                    let from = run[0].range.start;
                    let to = run[run.len() - 1].range.end;
                    let glyphs: Vec<KrillaGlyph> = run
                        .iter()
                        .map(|p| {
                            KrillaGlyph::new(
                                GlyphId::new(u32::from(p.glyph)),
                                p.advance_em,
                                0.0,
                                0.0,
                                0.0,
                                p.range.start - from..p.range.end - from,
                                None,
                            )
                        })
                        .collect();
                    let pdf_font = match which {
                        FontId::Gothic => gothic.clone(),
                        FontId::Dashes => dashes.clone(),
                    };
                    surface.draw_glyphs(
                        Point::from_xy(at[0] + run[0].x_em * size, at[1]),
                        &glyphs,
                        pdf_font,
                        &text[from..to],
                        *size,
                        false,
                    );
                    start = end;
                }
            }
        }
    }
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))
}
