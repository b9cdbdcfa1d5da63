//! The views of the explorer, one module per view. Each exposes a `*_ui` function that reads a
//! [`ViewCtx`] and pushes [`Action`]s; none changes the document or touches the file system.

pub mod accountability;
pub mod conflicts;
pub mod coverage;
pub mod diagnostics;
pub mod editor;
pub mod export;
pub mod file_dialog;
pub mod filter_bar;
mod flow;
pub mod focus_bar;
pub mod inspector;
pub mod kpis;
pub mod linkage;
pub mod matrix;
pub mod menu;
pub mod navigator;
pub mod overview;
pub mod present;
pub mod proposals;
pub mod rows;
pub mod scenarios;
pub mod status_bar;
pub mod tabs;
pub mod targets;
pub mod timeline;
pub mod toolbar;
pub mod value_chain;
pub mod versions;

use std::collections::HashSet;

use crate::action::Action;
use crate::analysis::coverage::Coverage;
use crate::analysis::derived::Derived;
use crate::analysis::filter::Visible;
use crate::analysis::focus::Focused;
use crate::analysis::index::Index;
use crate::analysis::linkage::Columns;
use crate::analysis::scenario::ScenarioComparison;
use crate::analysis::timeline::{Grouping, Timeline};
use crate::i18n::Lang;
use crate::model::{ItemRef, Roadmap, Scenario};

/// What every view reads.
pub struct ViewCtx<'a> {
    /// The roadmap.
    pub roadmap: &'a Roadmap,
    /// Its link index.
    pub index: &'a Index,
    /// What passes the filter; views show only these items (or dim the rest where context matters).
    pub visible: &'a Visible,
    /// Coverage report.
    pub coverage: &'a Coverage,
    /// Timeline layout.
    pub timeline: &'a Timeline,
    /// The selected item.
    pub selection: Option<&'a ItemRef>,
    /// The selection's neighbourhood; items outside it are dimmed where a view draws links.
    pub focus: Option<&'a HashSet<ItemRef>>,
    /// Focus mode's neighbourhood while it is on: the linkage view and the timeline show only it.
    pub focused: Option<&'a Focused>,
    /// The linkage view's columns.
    pub linkage: &'a Columns,
    /// What the linkage view lights up for the selection ([`Derived::chain`]).
    pub chain: Option<&'a HashSet<ItemRef>>,
    /// Interface language.
    pub lang: Lang,
    /// Timeline grouping.
    pub grouping: Grouping,
    /// Whether views may offer editing (false in read-only mode and by default).
    pub editable: bool,
    /// Changes with the document, filter, grouping and language (not the selection); views key
    /// what they lay out once on it ([`Derived::generation`]).
    pub generation: u64,
    /// Changes when the lists of items may have ([`Derived::listing`]).
    pub listing: u64,
    /// The scenario shown (then `roadmap` is the roadmap as it sees it) and the comparison.
    pub scenarios: Scenarios<'a>,
    /// The comparison with another version of the roadmap, while one is open.
    pub versions: Option<&'a crate::versions::other::Versions>,
    /// The selection or the tab just changed: views scroll to show the selected item.
    pub reveal: bool,
    /// The selection was just created: the inspector opens its form.
    pub created: bool,
}

/// What views know of scenarios: the one shown, the plan beside it, and the comparison.
#[derive(Clone, Copy, Default)]
pub struct Scenarios<'a> {
    /// The plan, while a scenario is shown (the views' `roadmap` is then the scenario's).
    pub plan: Option<&'a Roadmap>,
    /// The scenario shown, if any.
    pub shown: Option<&'a Scenario>,
    /// The comparison of what is shown with another scenario or the plan, if asked for.
    pub comparison: Option<&'a ScenarioComparison>,
}

impl<'a> Scenarios<'a> {
    /// The plan: `seen` when no scenario is shown.
    pub fn plan_or(&self, seen: &'a Roadmap) -> &'a Roadmap {
        self.plan.unwrap_or(seen)
    }
}

impl<'a> ViewCtx<'a> {
    /// A context over a roadmap and its derived data.
    pub fn new(roadmap: &'a Roadmap, derived: &'a Derived) -> Self {
        Self {
            roadmap,
            index: &derived.index,
            visible: &derived.visible,
            coverage: &derived.coverage,
            timeline: &derived.timeline,
            selection: derived.inputs.selection.as_ref(),
            focus: derived.focus.as_ref(),
            focused: derived.focused.as_ref(),
            linkage: &derived.linkage,
            chain: derived.chain.as_ref(),
            lang: derived.inputs.lang,
            grouping: derived.inputs.grouping,
            editable: false,
            generation: derived.generation,
            listing: derived.listing,
            scenarios: Scenarios::default(),
            versions: None,
            reveal: false,
            created: false,
        }
    }

    /// How the measure `id` moved against the other side of a comparison — another version of
    /// the roadmap when one is compared, else another scenario — when its span differs.
    pub fn moved(
        &self,
        id: &crate::model::MeasureId,
    ) -> Option<&'a crate::analysis::scenario::Move> {
        match self.versions {
            Some(v) => v.move_of(id),
            None => self
                .scenarios
                .comparison?
                .move_of(id)
                .filter(|m| m.span_moved()),
        }
    }

    /// Whether `item` is selected.
    pub fn is_selected(&self, item: &ItemRef) -> bool {
        self.selection == Some(item)
    }

    /// Whether `item` should be drawn dimmed: something is selected and `item` is not near it.
    pub fn is_dimmed(&self, item: &ItemRef) -> bool {
        self.focus.is_some_and(|f| !f.contains(item))
    }

    /// Picks the text for the interface language.
    pub fn t<'s>(&self, ja: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(ja, en)
    }
}

/// A clickable, selectable label for an item; clicking selects it everywhere.
pub fn item_link(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    text: impl Into<egui::WidgetText>,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let selected = ctx.is_selected(item);
    let response = ui.selectable_label(selected, text);
    if selected {
        focus_ring(ui, response.rect);
        if ctx.reveal {
            response.scroll_to_me(None);
        }
    }
    if response.clicked() {
        actions.push(Action::Select(Some(item.clone())));
    }
    response
}

/// Rings `rect` as the item the keyboard acts on (the selection): ↑/↓ move it, Enter opens it,
/// Esc clears it.
pub fn focus_ring(ui: &egui::Ui, rect: egui::Rect) {
    let color = ui.visuals().selection.stroke.color;
    ui.painter().rect_stroke(
        rect.expand(1.0),
        egui::CornerRadius::same(3),
        egui::Stroke::new(2.0, color),
        egui::StrokeKind::Inside,
    );
}
