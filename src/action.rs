//! What a view can ask for. Views push actions; the app applies them in one place, once per frame.

use std::path::PathBuf;

use crate::analysis::filter::Filter;
use crate::analysis::scenario::Basis;
use crate::analysis::timeline::Grouping;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{ItemRef, PresentationId, ScenarioId};
use crate::versions::other::OtherVersion;

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
    /// Value-chain stages × gap categories.
    ValueChain,
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
    pub const ALL: [Tab; 9] = [
        Tab::Timeline,
        Tab::Matrix,
        Tab::Accountability,
        Tab::Proposals,
        Tab::ValueChain,
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
            Tab::ValueChain => "value-chain",
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
            Tab::Matrix => lang.pick("論点・対応案", "Matrix"),
            Tab::Accountability => lang.pick("府省庁の担当", "Accountability"),
            Tab::Proposals => lang.pick("提言", "Proposals"),
            Tab::ValueChain => lang.pick("バリューチェーン", "Value chain"),
            Tab::Targets => lang.pick("目指すべき姿", "Targets"),
            Tab::Linkage => lang.pick("つながり", "Linkage"),
            Tab::Coverage => lang.pick("カバレッジ", "Coverage"),
            Tab::Kpis => lang.pick("KPI・予算", "KPIs, budgets"),
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
    /// Select an item just created, opening its form in the inspector.
    SelectNew(ItemRef),
    /// Go back to the selection before this one (Alt+←).
    Back,
    /// Go forward to the selection gone back from (Alt+→).
    Forward,
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
    /// Enter focus mode on the selection (Ctrl+Shift+F), or leave it: the linkage view and the
    /// timeline then show only the selection's neighbourhood, following the selection.
    ToggleFocus,
    /// Enter focus mode with this reach, or change its reach.
    SetFocusSteps(crate::analysis::focus::Steps),
    /// Change the document (refused in read-only mode); recorded for undo.
    Edit(Box<Edit>),
    /// Create a new item of this kind, with placeholder text, and select it.
    Create(NewItem),
    /// Create a ministry or agency with this short code (its ID) and Japanese name, and select it.
    CreateMinistry {
        /// The short code the documents write: `外`, `総` …
        code: String,
        /// The full Japanese name.
        name: String,
        /// The English name.
        name_en: String,
    },
    /// An edit a view could not make, with the reason; shown in the status bar.
    Refused(crate::edit::EditError),
    /// Ask to delete an item: shows what will be unlinked, then deletes as one step.
    Delete(ItemRef),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Save to the files the roadmap came from (Save As for the bundled roadmap).
    Save,
    /// Save to a new entry file chosen with a file dialog.
    SaveAs,
    /// Switch read-only mode.
    ToggleReadOnly,
    /// The user's answer to the dialog on screen.
    Dialog(Answer),
    /// Open the roadmap at a path.
    Open(PathBuf),
    /// Open the bundled roadmap whose entry file is this (one of [`crate::bundled::ROADMAPS`]).
    OpenBundled(&'static str),
    /// Ask for a file with a file dialog.
    OpenDialog,
    /// A step in Waymark's own file dialog.
    FileDialog(FileDialogInput),
    /// A step of File ▸ Export…
    Export(ExportInput),
    /// Show the plan or a scenario in every view; while a scenario is shown, changing a
    /// measure's span or status changes the scenario, not the plan.
    SetScenario(Basis),
    /// Compare what is shown with another scenario or the plan (drawn as ghosts), or stop.
    SetComparison(Option<Basis>),
    /// Create a scenario — empty (the plan as it stands), or a copy of this one — and show it.
    CreateScenario(Option<ScenarioId>),
    /// Pick the presentation that steps are added to and that F5 presents (or none).
    SetPresentation(Option<PresentationId>),
    /// Add what is shown now — view, filter, selection, scenario or comparison, the timeline's
    /// zoom and scroll — as the last step of the picked presentation (a new one when none is
    /// picked).
    AddStep,
    /// Present a presentation (the picked one when `None`) full screen from its first step.
    Present(Option<PresentationId>),
    /// While presenting, show step `n` (from 0).
    GoToStep(usize),
    /// Stop presenting and show what was shown before.
    StopPresenting,
    /// Switch the light, high-contrast theme on or off.
    ToggleHighContrast,
    /// Compare the roadmap here with another version of it: what differs, in a panel, and the
    /// other version's bars as ghosts on the timeline.
    CompareVersion(OtherVersion),
    /// Choose another roadmap file to compare with, with a file dialog.
    ChooseVersionFile,
    /// Show the git revisions of the roadmap's folder to compare with (`true`), or close the
    /// list.
    ListRevisions(bool),
    /// Stop comparing versions.
    StopComparingVersions,
}

impl Action {
    /// Whether the action saves or opens files: such actions run after the frame's edits, so
    /// that a field committing its typed text in the same frame is saved too.
    pub fn is_file_command(&self) -> bool {
        matches!(
            self,
            Action::Save
                | Action::SaveAs
                | Action::Open(_)
                | Action::OpenBundled(_)
                | Action::OpenDialog
        )
    }
}

/// The kinds of item the Edit menu creates on their own (others are created from the item they
/// belong to, in the inspector: an action from its proposal, a 小論点 from its theme …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewItem {
    /// A target state (目指すべき姿).
    Target,
    /// A theme (項目).
    Theme,
    /// A gap outside any theme.
    Gap,
    /// A measure (対応案).
    Measure,
    /// A programme (事業).
    Programme,
    /// A KPI.
    Kpi,
    /// A dated event.
    Event,
    /// A budget line.
    Budget,
    /// A context statement.
    Note,
    /// A source document.
    Source,
    /// A value-chain stage.
    Stage,
}

impl NewItem {
    /// Every kind, in menu order.
    pub const ALL: [NewItem; 11] = [
        NewItem::Target,
        NewItem::Theme,
        NewItem::Gap,
        NewItem::Measure,
        NewItem::Programme,
        NewItem::Kpi,
        NewItem::Event,
        NewItem::Budget,
        NewItem::Note,
        NewItem::Source,
        NewItem::Stage,
    ];

    /// The menu label.
    pub fn label(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            NewItem::Target => ("＋ 目指すべき姿", "+ Target state"),
            NewItem::Theme => ("＋ 項目", "+ Theme"),
            NewItem::Gap => ("＋ 小論点（項目なし）", "+ Gap (no theme)"),
            NewItem::Measure => ("＋ 対応案", "+ Measure"),
            NewItem::Programme => ("＋ 事業", "+ Programme"),
            NewItem::Kpi => ("＋ KPI", "+ KPI"),
            NewItem::Event => ("＋ イベント", "+ Event"),
            NewItem::Budget => ("＋ 予算", "+ Budget line"),
            NewItem::Note => ("＋ 現状・方向性の記述", "+ Context statement"),
            NewItem::Source => ("＋ 出典資料", "+ Source document"),
            NewItem::Stage => ("＋ バリューチェーンの段階", "+ Value-chain stage"),
        };
        lang.pick(ja, en)
    }
}

/// What the user did in the export form (File ▸ Export…).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ExportInput {
    /// Open the form for the view shown.
    Open,
    /// Choose a format.
    SetFormat(crate::export::Format),
    /// Choose a PDF's pages.
    SetPage(crate::export::Page),
    /// Choose a PNG's size.
    SetPng(crate::export::PngSize),
    /// Choose the file to export to (then export).
    ChooseFile,
    /// Close the form.
    Cancel,
}

/// What the user did in Waymark's own file dialog ([`crate::ui::file_dialog`]).
#[derive(Clone, Debug, PartialEq)]
pub enum FileDialogInput {
    /// The path field now reads this (typed, or completed with Tab).
    TypePath(String),
    /// The Save As file name field now reads this.
    TypeName(String),
    /// List this folder (a folder or `..` was clicked, or the home button).
    Enter(PathBuf),
    /// A file in the list was clicked.
    Select(String),
    /// Open or save what the fields say (the button, Enter, a double-click).
    Confirm,
    /// Replace the file that exists (the answer to the overwrite question).
    Overwrite,
    /// Keep the file that exists and choose another name.
    Back,
    /// Close the dialog without choosing anything.
    Cancel,
}

/// An answer to a dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Go ahead (delete, restore).
    Yes,
    /// Leave things as they are.
    Cancel,
    /// Save first.
    Save,
    /// Throw the unsaved changes (or the recovery file) away.
    Discard,
    /// Load the version on disk.
    Reload,
    /// Keep the version in Waymark (and overwrite the one on disk when saving).
    KeepMine,
    /// List, item by item, what differs between the version here and the one on disk.
    ShowDifferences,
}
