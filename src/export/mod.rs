//! Exports of a roadmap for slides, papers and spreadsheets: pictures of views (SVG, PNG, PDF)
//! drawn from one vector [`scene`], tables (XLSX, CSV), reports (HTML, Markdown) and the whole
//! resolved roadmap as JSON.
//!
//! Every export is deterministic: the same roadmap and [`Options`] give byte-identical output
//! (no timestamps, fixed ordering), so exports can live in version control.

pub mod csv;
mod font;
pub mod json;
pub mod pdf;
pub mod png;
pub mod scene;
pub mod svg;
pub mod tables;
pub mod xlsx;

pub use json::to_json;

use crate::action::Tab;
use crate::analysis::derived::{Derived, Inputs};
use crate::analysis::filter::Filter;
use crate::analysis::timeline::Grouping;
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::ItemRef;

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
    /// The whole resolved roadmap as JSON.
    Json,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Format; 6] = [
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::Xlsx,
        Format::Csv,
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
        matches!(self, Format::Svg | Format::Csv | Format::Json)
    }

    /// Whether the format is a picture of one view.
    pub fn is_picture(self) -> bool {
        matches!(self, Format::Svg | Format::Png | Format::Pdf)
    }
}

/// The views that have a picture export, in tab order.
pub const PICTURE_VIEWS: [Tab; 6] = [
    Tab::Timeline,
    Tab::Matrix,
    Tab::Accountability,
    Tab::Linkage,
    Tab::Coverage,
    Tab::Kpis,
];

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
    /// The PNG could not be drawn.
    #[error("PNG: {0}")]
    Png(String),
    /// The workbook could not be written.
    #[error("XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The command-line names of [`PICTURE_VIEWS`].
pub fn picture_view_names() -> Vec<&'static str> {
    PICTURE_VIEWS.iter().map(|t| t.name()).collect()
}

/// The data the views show, computed for `options` (filter, grouping, language, selection).
pub fn derive(doc: &Document, options: &Options) -> Derived {
    Derived::compute(
        &doc.roadmap,
        Inputs {
            filter: options.filter.clone(),
            grouping: options.grouping,
            lang: options.lang,
            selection: options.selection.clone(),
        },
    )
}

/// Exports `doc` as `options` say.
pub fn export(doc: &Document, options: &Options) -> Result<Output, ExportError> {
    let derived = derive(doc, options);
    let picture = || {
        if PICTURE_VIEWS.contains(&options.view) {
            Ok(scene::build(
                &doc.roadmap,
                &derived,
                options.view,
                options.lang,
            ))
        } else {
            Err(ExportError::NoPicture(options.view.name()))
        }
    };
    Ok(match options.format {
        Format::Svg => Output::File(svg::write(&picture()?).into_bytes()),
        Format::Png => Output::File(png::write(&picture()?, options.scale)?),
        Format::Pdf => Output::File(pdf::write(&picture()?, &doc.roadmap.header.title)?),
        Format::Xlsx => Output::File(xlsx::write(&tables::all(
            &doc.roadmap,
            &derived,
            options.lang,
        ))?),
        Format::Csv => {
            let all = tables::all(&doc.roadmap, &derived, options.lang);
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
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&to_json(doc)).unwrap_or_default();
            text.push('\n');
            Output::File(text.into_bytes())
        }
    })
}
