//! Presentations: ordered lists of saved views a consultant steps through in front of a room.
//! Each step keeps the view, the filter, the selection, the scenario shown (or a comparison),
//! the timeline's zoom and scroll, a title and speaker notes.
//!
//! Also [`Basis`], the plan or a scenario: what a step (and the explorer) shows.

use serde::{Deserialize, Serialize};

use super::ids::{PresentationId, ScenarioId};
use super::{FileId, ItemRef, Provenance, Roadmap, Scenario};
use crate::action::Tab;
use crate::analysis::filter::Filter;

/// The plan, or one of the roadmap's scenarios: what a view shows, or one side of a comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    /// The roadmap as planned (`計画`), with no scenario's overrides.
    #[default]
    Plan,
    /// A named scenario.
    Scenario(ScenarioId),
}

impl Basis {
    /// Whether this is the plan, which files leave unwritten.
    pub fn is_plan(&self) -> bool {
        *self == Basis::Plan
    }

    /// The scenario, when this is one that exists.
    pub fn scenario<'a>(&self, roadmap: &'a Roadmap) -> Option<&'a Scenario> {
        match self {
            Basis::Plan => None,
            Basis::Scenario(id) => roadmap.items.scenarios.iter().find(|s| &s.id == id),
        }
    }

    /// The scenario's ID; `None` for the plan.
    pub fn scenario_id(&self) -> Option<&ScenarioId> {
        match self {
            Basis::Plan => None,
            Basis::Scenario(id) => Some(id),
        }
    }

    /// Its name: the scenario's (its ID when it does not exist), or `計画` / `Plan`.
    pub fn name(&self, roadmap: &Roadmap, lang: crate::i18n::Lang) -> String {
        match (self, self.scenario(roadmap)) {
            (_, Some(s)) => s.name.clone(),
            (Basis::Plan, None) => lang.pick("計画", "Plan").to_owned(),
            (Basis::Scenario(id), None) => id.to_string(),
        }
    }
}

/// The part of the timeline a step shows: its visible fiscal years and how far its lanes are
/// scrolled.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zoom {
    /// The first fiscal year in view.
    pub start_fy: i32,
    /// The last fiscal year in view (inclusive).
    pub end_fy: i32,
    /// How far the lanes are scrolled down, in points.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub scroll: u32,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference.
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// One step of a presentation: a saved view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The title shown above the view while presenting.
    pub title: String,
    /// What to say; shown to the presenter, not on the projected view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The view (tab) shown.
    pub view: Tab,
    /// The filter applied.
    #[serde(default, skip_serializing_if = "is_no_filter")]
    pub filter: Filter,
    /// The item selected, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection: Option<ItemRef>,
    /// The scenario shown (the plan when left out).
    #[serde(default, skip_serializing_if = "Basis::is_plan")]
    pub scenario: Basis,
    /// What it is compared with, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_with: Option<Basis>,
    /// The timeline's zoom and scroll (the whole horizon when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoom: Option<Zoom>,
}

fn is_no_filter(f: &Filter) -> bool {
    *f == Filter::default()
}

/// A named, ordered list of steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    /// Stable ID.
    pub id: PresentationId,
    /// Title.
    pub title: String,
    /// Who it is for, what it argues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it comes from a source or an editor made it (presentations are an editor's
    /// work: [`Provenance::Editorial`]).
    #[serde(default)]
    pub provenance: Provenance,
    /// The steps, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// See [`super::Source::origin`].
    #[serde(skip)]
    pub origin: FileId,
}

/// A presentation refers to the items its steps select.
impl super::References for Presentation {
    fn each_ref<'a>(&'a self, f: &mut dyn FnMut(&'static str, super::ItemKind, &'a str)) {
        for s in &self.steps {
            if let Some(item) = &s.selection {
                f("selection", item.kind(), item.id_str());
            }
        }
    }

    fn clear_ref(&mut self, kind: super::ItemKind, id: &str) -> Vec<&'static str> {
        let mut cleared = false;
        for s in &mut self.steps {
            if s.selection
                .as_ref()
                .is_some_and(|i| (i.kind(), i.id_str()) == (kind, id))
            {
                s.selection = None;
                cleared = true;
            }
        }
        if cleared {
            vec!["selection"]
        } else {
            Vec::new()
        }
    }
}
