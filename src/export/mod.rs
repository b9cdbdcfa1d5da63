//! Exports of a roadmap for slides, papers and spreadsheets: pictures of views (SVG, PNG, PDF)
//! drawn from one vector [`scene`], tables (XLSX, CSV), reports (HTML, Markdown) and the whole
//! resolved roadmap as JSON.
//!
//! Every export is deterministic: the same roadmap and [`Options`] give byte-identical output
//! (no timestamps, fixed ordering), so exports can live in version control.

pub mod coverage;
pub mod csv;
mod font;
pub mod json;
pub mod pdf;
pub mod png;
pub mod report;
pub mod scene;
pub mod svg;
pub mod tables;
mod webfont;
pub mod xlsx;

pub use json::to_json;

use crate::action::Tab;
use crate::analysis::derived::{Derived, Inputs};
use crate::analysis::filter::Filter;
use crate::analysis::scenario::{Basis, compare, resolve};
use crate::analysis::timeline::Grouping;
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{ItemRef, Roadmap};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// A picture of a view as SVG, its text drawn as outlines and kept for search.
    Svg,
    /// A picture of a view as PNG.
    Png,
    /// A picture of a view as vector PDF with the bundled font embedded.
    Pdf,
    /// Every table as one XLSX workbook.
    Xlsx,
    /// Every table as CSV (UTF-8 with a byte-order mark), one file per table.
    Csv,
    /// A self-contained HTML report: every view's picture inline, the tables, every item's
    /// source citation.
    Html,
    /// The report's text as Markdown.
    Md,
    /// The whole resolved roadmap as JSON.
    Json,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Format; 8] = [
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::Xlsx,
        Format::Csv,
        Format::Html,
        Format::Md,
        Format::Json,
    ];

    /// The format's name on the command line (`--format pdf`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Md => "md",
            Format::Json => "json",
        }
    }

    /// The format with this command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The file name extension (without the dot).
    pub fn extension(self) -> &'static str {
        self.name()
    }

    /// Whether the output is text, which may go to standard output.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Format::Svg | Format::Csv | Format::Html | Format::Md | Format::Json
        )
    }

    /// Whether the format is a picture of one view.
    pub fn is_picture(self) -> bool {
        matches!(self, Format::Svg | Format::Png | Format::Pdf)
    }
}

/// The pages of a PDF.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Page {
    /// One page the size of the picture.
    #[default]
    Fit,
    /// A4 landscape pages, the picture scaled to their width and continued page after page.
    A4,
    /// A3 landscape pages, likewise.
    A3,
}

impl Page {
    /// Every page setting, in the order menus list them.
    pub const ALL: [Page; 3] = [Page::Fit, Page::A4, Page::A3];

    /// The setting's command-line name (`--page a4`).
    pub fn name(self) -> &'static str {
        match self {
            Page::Fit => "fit",
            Page::A4 => "a4",
            Page::A3 => "a3",
        }
    }

    /// The setting with this command-line name.
    pub fn from_name(name: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Width and height of a landscape page in points; `None` for a page fitted to the picture.
    pub fn landscape_size(self) -> Option<(f32, f32)> {
        match self {
            Page::Fit => None,
            Page::A4 => Some((841.89, 595.28)),
            Page::A3 => Some((1190.55, 841.89)),
        }
    }
}

/// How large a PNG is: pixels per point of the picture, or a width in pixels.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum PngSize {
    /// Pixels per point.
    Scale(f32),
    /// The width in pixels; the height keeps the picture's proportions.
    Width(u32),
}

impl Default for PngSize {
    fn default() -> Self {
        PngSize::Scale(2.0)
    }
}

impl PngSize {
    /// Pixels per point for a picture `width` points wide.
    pub fn scale(self, width: f32) -> f32 {
        match self {
            PngSize::Scale(scale) => scale,
            PngSize::Width(px) => px as f32 / width,
        }
    }

    /// The width and height in pixels of a picture `width` × `height` points, as
    /// [`png::write`] makes it.
    pub fn pixels(self, width: f32, height: f32) -> (u32, u32) {
        let scale = self.scale(width);
        (
            (width * scale).ceil() as u32,
            (height * scale).ceil() as u32,
        )
    }
}

/// The views that have a picture export, in tab order: every view.
pub const PICTURE_VIEWS: [Tab; 9] = Tab::ALL;

/// What to export and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The format.
    pub format: Format,
    /// The view pictured (picture formats only).
    pub view: Tab,
    /// One table only (CSV): its [`tables::Table::key`]; all tables when none.
    pub table: Option<String>,
    /// Language of labels and headings.
    pub lang: Lang,
    /// Pixels per point of a PNG.
    pub scale: f32,
    /// The width of a PNG in pixels, which sets its scale (overrides [`Self::scale`]).
    pub width_px: Option<u32>,
    /// The pages of a PDF.
    pub page: Page,
    /// The scenario shown (the plan by default): pictures and tables follow it.
    pub scenario: Basis,
    /// The scenario (or the plan) the timeline compares the one shown with, drawn as ghosts.
    pub compare: Option<Basis>,
    /// The filter applied, as in the views.
    pub filter: Filter,
    /// How the timeline groups measures.
    pub grouping: Grouping,
    /// The selected item, highlighted as in the views.
    pub selection: Option<ItemRef>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            format: Format::Svg,
            view: Tab::Timeline,
            table: None,
            lang: Lang::Ja,
            scale: 2.0,
            width_px: None,
            page: Page::Fit,
            scenario: Basis::Plan,
            compare: None,
            filter: Filter::default(),
            grouping: Grouping::default(),
            selection: None,
        }
    }
}

/// What an export produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// One file's bytes.
    File(Vec<u8>),
    /// Several named files (CSV: one per table), in a fixed order.
    Files(Vec<(String, Vec<u8>)>),
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The view has no picture export.
    #[error("the view `{0}` cannot be exported as a picture; views: {list}", list = picture_view_names().join(", "))]
    NoPicture(&'static str),
    /// No table has this name.
    #[error("no table `{0}`; tables: {list}", list = tables::KEYS.join(", "))]
    NoTable(String),
    /// The PDF could not be written.
    #[error("PDF: {0}")]
    Pdf(String),
    /// A font could not be cut down to the characters used.
    #[error("font: {0}")]
    Font(String),
    /// The PNG could not be drawn.
    #[error("PNG: {0}")]
    Png(String),
    /// No scenario has this ID.
    #[error("no scenario `{0}`; scenarios: {1}")]
    NoScenario(String, String),
    /// The workbook could not be written.
    #[error("XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The command-line names of [`PICTURE_VIEWS`].
pub fn picture_view_names() -> Vec<&'static str> {
    PICTURE_VIEWS.iter().map(|t| t.name()).collect()
}

/// The data the views show of `roadmap`, computed for `options` (filter, grouping, language,
/// selection).
pub fn derive(roadmap: &Roadmap, options: &Options) -> Derived {
    Derived::compute(
        roadmap,
        Inputs {
            filter: options.filter.clone(),
            grouping: options.grouping,
            lang: options.lang,
            selection: options.selection.clone(),
            focus_steps: None,
        },
    )
}

/// The IDs of `roadmap`'s scenarios, for messages listing them (`none` when there are none).
pub fn scenario_names(roadmap: &Roadmap) -> String {
    if roadmap.items.scenarios.is_empty() {
        return "none".to_owned();
    }
    roadmap
        .items
        .scenarios
        .iter()
        .map(|s| s.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks that `basis` is the plan or a scenario of `roadmap`.
fn check_basis(roadmap: &Roadmap, basis: &Basis) -> Result<(), ExportError> {
    match basis {
        Basis::Scenario(id) if basis.scenario(roadmap).is_none() => Err(ExportError::NoScenario(
            id.as_str().to_owned(),
            scenario_names(roadmap),
        )),
        _ => Ok(()),
    }
}

/// The picture of `view` as `options` ask for it: the roadmap under the scenario shown, and the
/// comparison's ghosts on the timeline.
pub fn picture(doc: &Document, options: &Options, view: Tab) -> Result<scene::Scene, ExportError> {
    if !PICTURE_VIEWS.contains(&view) {
        return Err(ExportError::NoPicture(view.name()));
    }
    check_basis(&doc.roadmap, &options.scenario)?;
    let seen = resolve(&doc.roadmap, &options.scenario);
    let roadmap = seen.as_ref().unwrap_or(&doc.roadmap);
    let derived = derive(roadmap, options);
    Ok(scene::build(
        &picture_of(doc, roadmap, &derived, options)?,
        view,
    ))
}

/// What a picture is drawn from, for `roadmap` (under the scenario shown) and its `derived`.
fn picture_of<'a>(
    doc: &'a Document,
    roadmap: &'a Roadmap,
    derived: &'a Derived,
    options: &Options,
) -> Result<scene::Picture<'a>, ExportError> {
    let comparison = match &options.compare {
        Some(other) => {
            check_basis(&doc.roadmap, other)?;
            Some(compare(&doc.roadmap, other, &options.scenario))
        }
        None => None,
    };
    let lang = options.lang;
    Ok(scene::Picture {
        roadmap,
        derived,
        lang,
        scenario: (!options.scenario.is_plan()).then(|| options.scenario.name(&doc.roadmap, lang)),
        comparison: comparison.map(|c| {
            let name = c.from.name(&doc.roadmap, lang);
            (c, name)
        }),
    })
}

/// Exports `doc` as `options` say.
pub fn export(doc: &Document, options: &Options) -> Result<Output, ExportError> {
    check_basis(&doc.roadmap, &options.scenario)?;
    let seen = resolve(&doc.roadmap, &options.scenario);
    let roadmap = seen.as_ref().unwrap_or(&doc.roadmap);
    let derived = derive(roadmap, options);
    let picture = |view: Tab| -> Result<scene::Scene, ExportError> {
        if !PICTURE_VIEWS.contains(&view) {
            return Err(ExportError::NoPicture(view.name()));
        }
        Ok(scene::build(
            &picture_of(doc, roadmap, &derived, options)?,
            view,
        ))
    };
    let lang = options.lang;
    Ok(match options.format {
        Format::Svg => Output::File(svg::write(&picture(options.view)?).into_bytes()),
        Format::Png => {
            let scene = picture(options.view)?;
            let size = options
                .width_px
                .map_or(PngSize::Scale(options.scale), PngSize::Width);
            Output::File(png::write(&scene, size.scale(scene.width))?)
        }
        Format::Pdf => Output::File(pdf::write(
            &picture(options.view)?,
            &doc.roadmap.header.title,
            options.page,
        )?),
        Format::Xlsx => Output::File(xlsx::write(&tables::all(roadmap, &derived, lang))?),
        Format::Csv => {
            let all = tables::all(roadmap, &derived, lang);
            let chosen: Vec<&tables::Table> = match &options.table {
                None => all.iter().collect(),
                Some(key) => vec![
                    all.iter()
                        .find(|t| t.key == key.as_str())
                        .ok_or_else(|| ExportError::NoTable(key.clone()))?,
                ],
            };
            Output::Files(
                chosen
                    .into_iter()
                    .map(|t| (format!("{}.csv", t.key), csv::write(t).into_bytes()))
                    .collect(),
            )
        }
        Format::Html => {
            let pictures = PICTURE_VIEWS
                .iter()
                .map(|&view| Ok((view, picture(view)?)))
                .collect::<Result<Vec<_>, ExportError>>()?;
            let report = report::Report::new(roadmap, &derived, lang);
            Output::File(report.html(&pictures)?.into_bytes())
        }
        Format::Md => {
            let report = report::Report::new(roadmap, &derived, lang);
            Output::File(report.markdown().into_bytes())
        }
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&to_json(doc)).unwrap_or_default();
            text.push('\n');
            Output::File(text.into_bytes())
        }
    })
}
