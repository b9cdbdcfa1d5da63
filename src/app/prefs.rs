//! What the explorer remembers between runs: language, views, recent files and the roadmap open
//! last (never the document itself).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::action::Tab;
use crate::analysis::timeline::Grouping;
use crate::i18n::Lang;

/// Preferences remembered between runs (never the document).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Interface language.
    pub lang: Lang,
    /// Timeline grouping.
    pub grouping: Grouping,
    /// The tab last shown.
    pub tab: Tab,
    /// Recently opened roadmaps, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether the navigator is hidden.
    pub hide_navigator: bool,
    /// Whether the inspector is hidden.
    pub hide_inspector: bool,
    /// How far focus mode reaches from the selection.
    pub focus_steps: crate::analysis::focus::Steps,
    /// Whether the light, high-contrast theme is on (it always is while presenting).
    pub high_contrast: bool,
    /// The roadmap open when the app last closed, opened again at start.
    pub last_opened: Option<Opened>,
    /// The folder last exported to.
    pub export_dir: Option<PathBuf>,
    /// The format last exported to.
    pub export_format: Option<crate::export::Format>,
    /// The pages of the PDF last exported.
    pub export_page: crate::export::Page,
    /// The size of the PNG last exported.
    pub export_png: crate::export::PngSize,
}

/// A roadmap as the preferences remember it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Opened {
    /// A bundled roadmap, by its entry file's name there.
    Bundled(String),
    /// An entry file on disk.
    File(PathBuf),
}

impl Opened {
    /// What to open for this: the bundled roadmap of that name, or the file while it exists;
    /// `None` when neither is there any more.
    pub fn place(&self) -> Option<crate::document::Place> {
        match self {
            Opened::Bundled(name) => crate::bundled::ROADMAPS
                .iter()
                .find(|r| r.entry == name)
                .map(|r| crate::document::Place::Bundled(r.entry)),
            Opened::File(path) => path
                .is_file()
                .then(|| crate::document::Place::File(path.clone())),
        }
    }

    /// How `place` is remembered.
    pub fn of(place: &crate::document::Place) -> Self {
        match place {
            crate::document::Place::Bundled(entry) => Opened::Bundled((*entry).to_owned()),
            crate::document::Place::File(path) => Opened::File(path.clone()),
        }
    }
}
