//! What a view can ask for. Views push actions; the app applies them in one place, once per frame.

use std::path::PathBuf;

use crate::analysis::filter::Filter;
use crate::analysis::timeline::Grouping;
use crate::i18n::Lang;
use crate::model::ItemRef;

/// The main view's tabs.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Tab {
    /// Fiscal-year timeline.
    #[default]
    Timeline,
    /// Issue/response matrix.
    Matrix,
    /// Measures × ministries.
    Accountability,
    /// Proposals ①–⑧.
    Proposals,
    /// Target states, backcast.
    Targets,
    /// Gaps | measures | ministries.
    Linkage,
    /// What is unaddressed.
    Coverage,
    /// KPIs and budgets.
    Kpis,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 8] = [
        Tab::Timeline,
        Tab::Matrix,
        Tab::Accountability,
        Tab::Proposals,
        Tab::Targets,
        Tab::Linkage,
        Tab::Coverage,
        Tab::Kpis,
    ];

    /// The tab's name on the command line (`--view matrix`).
    pub fn name(self) -> &'static str {
        match self {
            Tab::Timeline => "timeline",
            Tab::Matrix => "matrix",
            Tab::Accountability => "accountability",
            Tab::Proposals => "proposals",
            Tab::Targets => "targets",
            Tab::Linkage => "linkage",
            Tab::Coverage => "coverage",
            Tab::Kpis => "kpis",
        }
    }

    /// The tab with this command-line name.
    pub fn from_name(name: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The tab's label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tab::Timeline => lang.pick("タイムライン", "Timeline"),
            Tab::Matrix => lang.pick("論点・対応案", "Issue/response matrix"),
            Tab::Accountability => lang.pick("府省庁の担当", "Accountability"),
            Tab::Proposals => lang.pick("提言", "Proposals"),
            Tab::Targets => lang.pick("目指すべき姿", "Target states"),
            Tab::Linkage => lang.pick("つながり", "Linkage"),
            Tab::Coverage => lang.pick("カバレッジ", "Coverage"),
            Tab::Kpis => lang.pick("KPI・予算", "KPIs and budgets"),
        }
    }
}

/// A request from a view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select an item everywhere (or clear the selection).
    Select(Option<ItemRef>),
    /// Select an item and show a tab.
    Reveal(ItemRef, Tab),
    /// Show a tab.
    SetTab(Tab),
    /// Replace the filter.
    SetFilter(Filter),
    /// Switch the interface language.
    SetLang(Lang),
    /// Group the timeline's measures differently.
    SetGrouping(Grouping),
    /// Show or hide the navigator.
    ToggleNavigator,
    /// Show or hide the inspector.
    ToggleInspector,
    /// Open the roadmap at a path.
    Open(PathBuf),
    /// Open the bundled roadmap.
    OpenBundled,
    /// Ask for a file with the native dialog.
    OpenDialog,
}
