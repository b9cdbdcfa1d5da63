//! A picture of a view as plain vector shapes — rectangles, lines, curves and text in the bundled
//! font — built from the same analysis layouts the views draw (the timeline's lanes, the matrix's
//! rows, the linkage columns' placement …), never from a screenshot. The SVG, PDF and PNG writers
//! all draw one scene, so the three agree to the point, and the whole content is in it (a
//! 23-year timeline is not cropped to a window).
//!
//! Units are points (1/72 inch); y grows downwards from the top-left corner.

use std::fmt::Write;

mod grid;
mod linkage;
mod targets;
mod timeline;
mod value_chain;

use super::font;
use crate::action::Tab;
use crate::analysis::derived::Derived;
use crate::analysis::scenario::ScenarioComparison;
use crate::i18n::Lang;
use crate::model::{ItemRef, Roadmap};

/// A colour with alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Color(pub [u8; 4]);

impl Color {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    /// This colour with alpha `a`.
    #[must_use]
    pub const fn alpha(self, a: u8) -> Self {
        let [r, g, b, _] = self.0;
        Self([r, g, b, a])
    }
}

/// Text colour.
pub const INK: Color = Color::rgb(0x20, 0x22, 0x28);
/// Secondary text colour.
pub const WEAK: Color = Color::rgb(0x6A, 0x6E, 0x78);
/// Lines of grids and tables.
pub const RULE: Color = Color::rgb(0xC8, 0xCC, 0xD4);
/// The background of headings.
pub const HEAD: Color = Color::rgb(0xE4, 0xE9, 0xF1);
/// The page.
pub const PAPER: Color = Color::rgb(0xFF, 0xFF, 0xFF);

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Width.
    pub width: f32,
    /// Colour.
    pub color: Color,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<[f32; 2]>,
}

impl Stroke {
    /// A solid line.
    pub const fn solid(width: f32, color: Color) -> Self {
        Self {
            width,
            color,
            dash: None,
        }
    }

    /// A dashed line.
    pub const fn dashed(width: f32, color: Color) -> Self {
        Self {
            width,
            color,
            dash: Some([4.0, 3.0]),
        }
    }
}

/// One shape of a scene.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle.
    Rect {
        /// Left, top, width and height.
        rect: [f32; 4],
        /// Fill.
        fill: Option<Color>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// Straight segments through `points`; a polygon when `closed`.
    Path {
        /// The corners.
        points: Vec<[f32; 2]>,
        /// Whether the last point joins the first.
        closed: bool,
        /// Fill (of a closed path).
        fill: Option<Color>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A cubic Bézier curve.
    Curve {
        /// Start, two control points, end.
        points: [[f32; 2]; 4],
        /// The line.
        stroke: Stroke,
    },
    /// One line of text in the bundled font.
    Text {
        /// Left end of the baseline.
        at: [f32; 2],
        /// Font size.
        size: f32,
        /// Colour.
        color: Color,
        /// The text.
        text: String,
    },
}

/// Where a table of a scene lies: its header row, the bottom of each row and its cells that
/// span rows, so that pages break between rows, repeat the header, and say which group a page
/// continues.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableBands {
    /// The top and bottom of the header row.
    pub header: [f32; 2],
    /// The bottom of each row, top to bottom (the first row starts at the header's bottom).
    pub rows: Vec<f32>,
    /// The cells spanning several rows.
    pub spanned: Vec<Spanned>,
}

/// A cell of a table spanning several rows, whose first line a page continuing it repeats.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned {
    /// Its top and bottom.
    pub span: [f32; 2],
    /// Its first line, placed as if the cell began at the top of the scene.
    pub label: Shape,
}

impl Spanned {
    /// The label placed atop a page whose content begins at `top`.
    pub fn label_at(&self, top: f32) -> Shape {
        let mut label = self.label.clone();
        if let Shape::Text { at, .. } = &mut label {
            at[1] += top;
        }
        label
    }
}

impl TableBands {
    /// The bottom of the table (of its header, when it has no rows).
    pub fn bottom(&self) -> f32 {
        self.rows.last().copied().unwrap_or(self.header[1])
    }
}

/// A picture: its size and shapes, painted in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// What it shows (the document's title, the SVG's `<title>`).
    pub title: String,
    /// The shapes, back to front.
    pub shapes: Vec<Shape>,
    /// The tables drawn, top to bottom.
    pub tables: Vec<TableBands>,
}

impl Scene {
    /// Every text of the scene, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// Where the baseline sits below the top of a line, in ems.
const ASCENT_EM: f32 = 0.88;
/// Line height, in ems.
pub const LINE_EM: f32 = 1.35;
/// Margin around every picture.
pub const MARGIN: f32 = 24.0;

/// Builds a scene's shapes.
#[derive(Default)]
pub(crate) struct Builder {
    shapes: Vec<Shape>,
    tables: Vec<TableBands>,
}

impl Builder {
    /// Records where a table just drawn lies.
    pub(crate) fn table(&mut self, bands: TableBands) {
        self.tables.push(bands);
    }

    pub(crate) fn rect(&mut self, rect: [f32; 4], fill: Option<Color>, stroke: Option<Stroke>) {
        self.shapes.push(Shape::Rect { rect, fill, stroke });
    }

    pub(crate) fn line(&mut self, from: [f32; 2], to: [f32; 2], stroke: Stroke) {
        self.shapes.push(Shape::Path {
            points: vec![from, to],
            closed: false,
            fill: None,
            stroke: Some(stroke),
        });
    }

    pub(crate) fn polygon(
        &mut self,
        points: Vec<[f32; 2]>,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    ) {
        self.shapes.push(Shape::Path {
            points,
            closed: true,
            fill,
            stroke,
        });
    }

    pub(crate) fn curve(&mut self, points: [[f32; 2]; 4], stroke: Stroke) {
        self.shapes.push(Shape::Curve { points, stroke });
    }

    /// One line of text whose top is at `y`.
    pub(crate) fn text(&mut self, x: f32, y: f32, size: f32, color: Color, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.shapes.push(Shape::Text {
            at: [x, y + size * ASCENT_EM],
            size,
            color,
            text: text.to_owned(),
        });
    }

    /// Text wrapped at `width`, top at `y`; returns its height.
    pub(crate) fn text_block(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        size: f32,
        color: Color,
        text: &str,
    ) -> f32 {
        let lines = font::wrap(text, width / size);
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as f32 * size * LINE_EM, size, color, line);
        }
        lines.len() as f32 * size * LINE_EM
    }

    pub(crate) fn finish(self, width: f32, height: f32, title: String) -> Scene {
        let mut shapes = vec![Shape::Rect {
            rect: [0.0, 0.0, width, height],
            fill: Some(PAPER),
            stroke: None,
        }];
        shapes.extend(self.shapes);
        Scene {
            width: width.ceil(),
            height: height.ceil(),
            title,
            shapes,
            tables: self.tables,
        }
    }
}

/// The width of `text` at `size`.
pub(crate) fn text_width(text: &str, size: f32) -> f32 {
    font::width_em(text) * size
}

/// The height of `text` wrapped at `width`.
pub(crate) fn block_height(text: &str, width: f32, size: f32) -> f32 {
    font::wrap(text, width / size).len() as f32 * size * LINE_EM
}

/// `text` on one line, cut with `…` so that it fits `width` at `size`.
pub(crate) fn fit(text: &str, width: f32, size: f32) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text_width(&flat, size) <= width {
        return flat;
    }
    let room = width - text_width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in flat.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Whether `item` is drawn faded: something is selected and `item` is away from it.
pub(crate) fn faded(derived: &Derived, item: &ItemRef) -> bool {
    derived
        .focus
        .as_ref()
        .is_some_and(|focus| !focus.contains(item))
}

/// What a picture is drawn from: the roadmap as the scenario shown sees it, the views' derived
/// data, and the comparison, when one is shown.
pub struct Picture<'a> {
    /// The roadmap (under the scenario shown).
    pub roadmap: &'a Roadmap,
    /// What the views show, computed from it.
    pub derived: &'a Derived,
    /// Language of labels.
    pub lang: Lang,
    /// The name of the scenario shown (`None` for the plan).
    pub scenario: Option<String>,
    /// The comparison drawn on the timeline as ghosts, and the name of its other side.
    pub comparison: Option<(ScenarioComparison, String)>,
}

/// The title of a view's picture: the roadmap's title, the view's name, and the scenario shown
/// or compared.
fn title_of(picture: &Picture<'_>, view: Tab) -> String {
    let lang = picture.lang;
    let roadmap = picture.roadmap;
    let title = match (lang, &roadmap.header.title_en) {
        (Lang::En, Some(en)) => en.as_str(),
        _ => roadmap.header.title.as_str(),
    };
    let mut out = format!("{title} — {}", view.label(lang));
    let shown = picture.scenario.clone();
    match (&picture.comparison, shown) {
        (Some((_, other)), shown) => {
            let shown = shown.unwrap_or_else(|| lang.pick("計画", "Plan").to_owned());
            let _ = write!(
                out,
                "{}{other} → {shown}{}",
                lang.pick("（", " ("),
                lang.pick("）", ")")
            );
        }
        (None, Some(shown)) => {
            let _ = write!(
                out,
                "{}{shown}{}",
                lang.pick("（", " ("),
                lang.pick("）", ")")
            );
        }
        (None, None) => {}
    }
    out
}

/// The scene of `view`.
pub fn build(picture: &Picture<'_>, view: Tab) -> Scene {
    let title = title_of(picture, view);
    let (roadmap, derived, lang) = (picture.roadmap, picture.derived, picture.lang);
    let mut b = Builder::default();
    b.text(MARGIN, MARGIN, 16.0, INK, &title);
    let top = MARGIN + 16.0 * LINE_EM + 8.0;
    let (width, height) = match view {
        Tab::Timeline => timeline::draw(
            &mut b,
            derived,
            picture.comparison.as_ref().map(|(c, _)| c),
            lang,
            top,
        ),
        Tab::Matrix => grid::matrix(&mut b, roadmap, derived, lang, top),
        Tab::Accountability => grid::accountability(&mut b, roadmap, derived, lang, top),
        Tab::Proposals => grid::proposals(&mut b, roadmap, derived, lang, top),
        Tab::ValueChain => value_chain::draw(&mut b, roadmap, derived, lang, top),
        Tab::Targets => targets::draw(&mut b, roadmap, derived, lang, top),
        Tab::Linkage => linkage::draw(&mut b, roadmap, derived, lang, top),
        Tab::Coverage => grid::coverage(&mut b, roadmap, derived, lang, top),
        Tab::Kpis => grid::kpis(&mut b, roadmap, derived, lang, top),
    };
    let width = width.max(text_width(&title, 16.0) + 2.0 * MARGIN);
    b.finish(width, height + MARGIN, title)
}
