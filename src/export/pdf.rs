//! PDF: the scene as one vector page the size of the picture, or as landscape A4 or A3 pages
//! broken between the rows of its tables (each page repeating the header row of the table it
//! continues, and the first line of each group it continues) and between lines of text; its text set in the bundled font, embedded as a subset, so that
//! it renders on a machine without Japanese fonts and a reader can select and search it.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::font::{self, FontId};
use super::scene::{Color, Scene, Shape, Stroke};
use super::{ExportError, Page};

/// Margin around the picture on a page of a fixed size.
const PAGE_MARGIN: f32 = 28.0;

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

/// The bundled fonts as krilla uses them.
struct Fonts {
    gothic: Font,
    dashes: Font,
}

/// Draws one shape of a scene, in the scene's coordinates.
fn draw_shape(surface: &mut Surface<'_>, shape: &Shape, fonts: &Fonts) {
    match shape {
        Shape::Rect { rect, fill, stroke } => {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(rect[0], rect[1], rect[2].max(0.01), rect[3].max(0.01))
            {
                pb.push_rect(r);
            }
            if let Some(path) = pb.finish() {
                set_fill(surface, *fill);
                set_stroke(surface, stroke.as_ref());
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
                set_fill(surface, if *closed { *fill } else { None });
                set_stroke(surface, stroke.as_ref());
                surface.draw_path(&path);
            }
        }
        Shape::Curve { points, stroke } => {
            let [a, b, c, d] = points;
            let mut pb = PathBuilder::new();
            pb.move_to(a[0], a[1]);
            pb.cubic_to(b[0], b[1], c[0], c[1], d[0], d[1]);
            if let Some(path) = pb.finish() {
                set_fill(surface, None);
                set_stroke(surface, Some(stroke));
                surface.draw_path(&path);
            }
        }
        Shape::Text {
            at,
            size,
            color,
            text,
        } => {
            set_fill(surface, Some(*color));
            set_stroke(surface, None);
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
                    FontId::Gothic => fonts.gothic.clone(),
                    FontId::Dashes => fonts.dashes.clone(),
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

/// The top and bottom of a shape, for choosing the pages it is drawn on.
fn extent(shape: &Shape) -> (f32, f32) {
    let span = |ys: &mut dyn Iterator<Item = f32>| {
        ys.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), y| {
            (lo.min(y), hi.max(y))
        })
    };
    match shape {
        Shape::Rect { rect, .. } => (rect[1], rect[1] + rect[3]),
        Shape::Path { points, .. } => span(&mut points.iter().map(|p| p[1])),
        Shape::Curve { points, .. } => span(&mut points.iter().map(|p| p[1])),
        Shape::Text { at, size, .. } => (at[1] - size, at[1] + size * 0.35),
    }
}

/// The part of a picture one page shows: the band from `top` to `bottom`, below the header
/// row of the table it continues, when it begins inside one.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Slice {
    top: f32,
    bottom: f32,
    header: Option<[f32; 2]>,
}

/// Closer than this, two heights are one.
const EPSILON: f32 = 0.01;

/// The highest place at most `end` and below `start` where a page may break inside a table
/// that `end` falls in: between two of its rows, or above its header, where no line of text
/// crosses. `None` when `end` is in no table or no row ends in time.
fn table_break(scene: &Scene, start: f32, end: f32, crosses: &dyn Fn(f32) -> bool) -> Option<f32> {
    let table = scene
        .tables
        .iter()
        .find(|t| t.header[0] < end && end <= t.bottom() + EPSILON)?;
    std::iter::once(table.header[0])
        .chain(table.rows.iter().copied())
        .filter(|&y| y > start + EPSILON && y <= end && !crosses(y))
        .reduce(f32::max)
}

/// Where pages break: from the top, each page at most `band` tall (the header row it repeats
/// included). Inside a table a page ends between two rows and the next repeats the table's
/// header; elsewhere a break moves up to the nearest place no line of text crosses (when there
/// is one in the page's lower half).
fn breaks(scene: &Scene, band: f32) -> Vec<Slice> {
    let mut lines: Vec<(f32, f32)> = scene
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Text { .. }))
        .map(extent)
        .collect();
    lines.sort_by(|a, b| b.0.total_cmp(&a.0));
    let crosses = |y: f32| lines.iter().any(|&(top, bottom)| top < y && y < bottom);
    let mut pages = Vec::new();
    let mut start = 0.0;
    while start < scene.height {
        let header = scene
            .tables
            .iter()
            .find(|t| t.header[1] <= start + EPSILON && start < t.bottom() - EPSILON)
            .map(|t| t.header)
            .filter(|h| h[1] - h[0] < band / 3.0);
        let mut end = start + band - header.map_or(0.0, |h| h[1] - h[0]);
        if end < scene.height {
            end = table_break(scene, start, end, &crosses).unwrap_or_else(|| {
                let mut at = end;
                while let Some(&(top, _)) =
                    lines.iter().find(|(top, bottom)| *top < at && at < *bottom)
                {
                    at = top;
                }
                if at > start + band / 2.0 { at } else { end }
            });
        }
        let end = end.min(scene.height);
        pages.push(Slice {
            top: start,
            bottom: end,
            header,
        });
        start = end;
    }
    pages
}

/// The first lines of the cells spanning rows that a page beginning at `top` inside a table
/// cuts through, placed atop the page, so that it says which group it continues.
fn continued(scene: &Scene, top: f32) -> Vec<Shape> {
    scene
        .tables
        .iter()
        .filter(|t| t.header[1] <= top + EPSILON && top < t.bottom() - EPSILON)
        .flat_map(|t| &t.spanned)
        .filter(|s| s.span[0] < top - EPSILON && top + EPSILON < s.span[1])
        .map(|s| s.label_at(top))
        .collect()
}

/// Draws the band of `scene` from `from` to `to` with its top at `y` on the page, at `scale`,
/// and `extra` shapes over it.
fn draw_band(
    surface: &mut Surface<'_>,
    scene: &Scene,
    fonts: &Fonts,
    scale: f32,
    y: f32,
    [from, to]: [f32; 2],
    extra: &[Shape],
) {
    surface.push_transform(&Transform::from_row(
        scale,
        0.0,
        0.0,
        scale,
        PAGE_MARGIN,
        y - from * scale,
    ));
    let mut clip = PathBuilder::new();
    if let Some(r) = Rect::from_xywh(0.0, from, scene.width, to - from) {
        clip.push_rect(r);
    }
    let clipped = clip.finish().map(|clip| {
        surface.push_clip_path(&clip, &krilla::paint::FillRule::NonZero);
    });
    for shape in &scene.shapes {
        let (lo, hi) = extent(shape);
        if hi >= from && lo <= to {
            draw_shape(surface, shape, fonts);
        }
    }
    for shape in extra {
        draw_shape(surface, shape, fonts);
    }
    if clipped.is_some() {
        surface.pop();
    }
    surface.pop();
}

/// How much the picture shrinks to fit a page `page_w` wide.
fn page_scale(scene: &Scene, page_w: f32) -> f32 {
    ((page_w - 2.0 * PAGE_MARGIN) / scene.width).min(1.0)
}

/// How many pages the scene takes as a PDF of `page`.
pub fn page_count(scene: &Scene, page: Page) -> usize {
    page.landscape_size().map_or(1, |(page_w, page_h)| {
        breaks(
            scene,
            (page_h - 2.0 * PAGE_MARGIN) / page_scale(scene, page_w),
        )
        .len()
    })
}

/// The scene as a PDF titled `title`: one page fitted to the picture, or landscape pages of
/// `page`'s size, the picture scaled to their width and broken between rows of its tables
/// (their header repeated atop each page) and between lines of text.
pub fn write(scene: &Scene, title: &str, page: Page) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts {
        gothic: Font::new(font::FontId::Gothic.bytes().into(), 0)
            .ok_or_else(|| ExportError::Pdf("the bundled font cannot be read".to_owned()))?,
        dashes: Font::new(font::FontId::Dashes.bytes().into(), 0)
            .ok_or_else(|| ExportError::Pdf("the bundled dashes font cannot be read".to_owned()))?,
    };
    let mut document = Document::new();
    document.set_metadata(Metadata::new().title(format!("{title} — {}", scene.title)));
    let Some((page_w, page_h)) = page.landscape_size() else {
        let settings = PageSettings::from_wh(scene.width, scene.height)
            .ok_or_else(|| ExportError::Pdf("the picture has no size".to_owned()))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for shape in &scene.shapes {
            draw_shape(&mut surface, shape, &fonts);
        }
        surface.finish();
        pdf_page.finish();
        return document
            .finish()
            .map_err(|e| ExportError::Pdf(format!("{e:?}")));
    };
    let scale = page_scale(scene, page_w);
    for slice in breaks(scene, (page_h - 2.0 * PAGE_MARGIN) / scale) {
        let settings = PageSettings::from_wh(page_w, page_h)
            .ok_or_else(|| ExportError::Pdf("the page has no size".to_owned()))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        let mut y = PAGE_MARGIN;
        if let Some(header) = slice.header {
            draw_band(&mut surface, scene, &fonts, scale, y, header, &[]);
            y += (header[1] - header[0]) * scale;
        }
        draw_band(
            &mut surface,
            scene,
            &fonts,
            scale,
            y,
            [slice.top, slice.bottom],
            &continued(scene, slice.top),
        );
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::scene::{INK, Spanned, TableBands};

    fn line(y: f32, i: usize) -> Shape {
        Shape::Text {
            at: [10.0, y],
            size: 10.0,
            color: INK,
            text: format!("行 {i}"),
        }
    }

    /// Checks that `pages` follow each other from the top to the bottom of `scene` and that no
    /// break crosses a line of text.
    fn check_pages(scene: &Scene, pages: &[Slice]) {
        assert!(pages[0].top.abs() < f32::EPSILON, "{pages:?}");
        assert_eq!(pages.last().map(|p| p.bottom), Some(scene.height));
        for pair in pages.windows(2) {
            assert!(
                (pair[0].bottom - pair[1].top).abs() < f32::EPSILON,
                "pages follow each other"
            );
        }
        for page in &pages[..pages.len() - 1] {
            for shape in &scene.shapes {
                let (top, end) = extent(shape);
                assert!(
                    !(top < page.bottom && page.bottom < end),
                    "{} crosses a line",
                    page.bottom
                );
            }
        }
    }

    #[test]
    fn pages_break_between_lines_of_text() {
        let shapes = (0..40).map(|i| line(20.0 + i as f32 * 13.5, i)).collect();
        let scene = Scene {
            width: 200.0,
            height: 560.0,
            title: String::new(),
            shapes,
            tables: Vec::new(),
        };
        let pages = breaks(&scene, 100.0);
        assert!(pages.len() >= 6, "{pages:?}");
        check_pages(&scene, &pages);
        assert!(pages.iter().all(|p| p.header.is_none()), "no table");
    }

    #[test]
    fn a_table_breaks_between_rows_and_repeats_its_header() {
        // A header 20 tall, then 12 rows 30 tall, each with two lines of text.
        let header = [40.0, 60.0];
        let rows: Vec<f32> = (1..=12).map(|r| 60.0 + r as f32 * 30.0).collect();
        let mut shapes = vec![line(52.0, 0)];
        for r in 0..12 {
            let top = 60.0 + r as f32 * 30.0;
            shapes.push(line(top + 12.0, 2 * r + 1));
            shapes.push(line(top + 25.0, 2 * r + 2));
        }
        let scene = Scene {
            width: 200.0,
            height: 440.0,
            title: String::new(),
            shapes,
            tables: vec![TableBands {
                header,
                rows: rows.clone(),
                spanned: vec![Spanned {
                    span: [rows[1], rows[9]],
                    label: line(8.0, 99),
                }],
            }],
        };
        let band = 100.0;
        let pages = breaks(&scene, band);
        check_pages(&scene, &pages);
        assert!(pages.len() >= 4, "{pages:?}");
        assert_eq!(
            pages[0].header, None,
            "the first page shows the header itself"
        );
        for page in &pages[..pages.len() - 1] {
            assert!(
                rows.iter().any(|&r| (r - page.bottom).abs() < EPSILON),
                "{} is between rows",
                page.bottom
            );
        }
        for page in &pages[1..] {
            if page.top < rows[11] {
                assert_eq!(page.header, Some(header), "{page:?}");
            }
            let tall = page.bottom - page.top + page.header.map_or(0.0, |h| h[1] - h[0]);
            assert!(tall <= band + EPSILON, "{page:?}");
            // A page beginning inside the group spanning rows 2 to 9 repeats its first line.
            let inside = rows[1] < page.top && page.top < rows[9];
            let labels = continued(&scene, page.top);
            assert_eq!(labels.len(), usize::from(inside), "{page:?}");
            if let Some(Shape::Text { at, text, .. }) = labels.first() {
                assert_eq!(text, "行 99");
                assert!((at[1] - (page.top + 8.0)).abs() < EPSILON);
            }
        }
        assert!(
            pages.iter().any(|p| rows[1] < p.top && p.top < rows[9]),
            "a page begins inside the group"
        );
    }
}
