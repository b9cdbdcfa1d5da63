//! The scenario shown and the comparison: which one every view shows (the plan, or a scenario
//! with its overrides), what it is compared with, creating scenarios, and edits made while a
//! scenario is shown going to its overrides.

use super::WaymarkApp;
use crate::analysis::derived::Derived;
use crate::analysis::scenario::{Basis, ScenarioComparison, compare, resolve};
use crate::edit::Edit;
use crate::model::{Roadmap, ScenarioId};

/// What the app keeps about scenarios besides the document.
#[derive(Default)]
pub(super) struct ScenarioState {
    /// The scenario every view shows; the plan by default.
    pub(super) shown: Basis,
    /// What it is compared with, if anything.
    pub(super) compare_with: Option<Basis>,
    /// The roadmap as the scenario shown sees it; `None` while the plan is shown.
    pub(super) seen: Option<Roadmap>,
    /// The comparison, while one is asked for.
    pub(super) comparison: Option<ScenarioComparison>,
}

impl WaymarkApp {
    /// The roadmap the views show: the scenario's, or the plan.
    pub(super) fn seen_roadmap(&self) -> Option<&Roadmap> {
        self.scenarios
            .seen
            .as_ref()
            .or(self.document.as_ref().map(|d| &d.roadmap))
    }

    /// Recomputes the scenario's roadmap and the comparison from the document (after it
    /// changed, or the scenario shown or compared did). A scenario that no longer exists
    /// (deleted, or undone) gives way to the plan.
    pub(super) fn refresh_scenario(&mut self) {
        let s = &mut self.scenarios;
        let Some(doc) = &self.document else {
            *s = ScenarioState::default();
            return;
        };
        let r = &doc.roadmap;
        if s.shown.scenario(r).is_none() {
            s.shown = Basis::Plan;
        }
        if s.compare_with
            .as_ref()
            .is_some_and(|c| *c != Basis::Plan && c.scenario(r).is_none())
        {
            s.compare_with = None;
        }
        s.seen = resolve(r, &s.shown);
        s.comparison = s
            .compare_with
            .as_ref()
            .map(|other| compare(r, other, &s.shown));
    }

    /// Recomputes everything the views show from the roadmap they show.
    pub(super) fn rederive(&mut self) {
        let inputs = self.inputs();
        self.derived = self.seen_roadmap().map(|r| Derived::compute(r, inputs));
    }

    /// Shows `basis` in every view.
    pub(super) fn show_scenario(&mut self, basis: Basis) {
        if self.scenarios.shown == basis {
            return;
        }
        self.scenarios.shown = basis;
        if self.scenarios.compare_with.as_ref() == Some(&self.scenarios.shown) {
            self.scenarios.compare_with = None;
        }
        self.refresh_scenario();
        self.rederive();
    }

    /// Compares what is shown with `other`, or stops comparing.
    pub(super) fn compare_with(&mut self, other: Option<Basis>) {
        self.scenarios.compare_with = other;
        self.refresh_scenario();
    }

    /// Creates a scenario (a copy of `copy_of`, else empty) and shows it; whether the document
    /// changed.
    pub(super) fn create_scenario(&mut self, copy_of: Option<&ScenarioId>) -> bool {
        let Some(doc) = &self.document else {
            return false;
        };
        let lang = self.prefs.lang;
        let n = doc.roadmap.items.scenarios.len() + 1;
        let name = match copy_of.and_then(|id| Basis::Scenario(id.clone()).scenario(&doc.roadmap)) {
            Some(s) => format!("{}{}", s.name, lang.pick("（複製）", " (copy)")),
            None => format!("{} {n}", lang.pick("シナリオ", "Scenario")),
        };
        match crate::edit::scenario::create_scenario(&doc.roadmap, &name, copy_of) {
            Ok(created) => {
                let changed = self.edit(created.edit);
                if changed {
                    // Shown once the document has changed (see `after_document_change`).
                    self.scenarios.shown = Basis::Scenario(created.id);
                    self.scenarios.compare_with = Some(Basis::Plan);
                }
                changed
            }
            Err(e) => {
                self.refused(&e);
                false
            }
        }
    }

    /// `edit` as it applies to the document: while a scenario is shown, changes of measures'
    /// spans and statuses go to its overrides.
    pub(super) fn redirected(&self, edit: Edit) -> Result<Edit, crate::edit::EditError> {
        match (&self.scenarios.shown, &self.document) {
            (Basis::Scenario(id), Some(doc)) => {
                crate::edit::scenario::redirect(&doc.roadmap, id, edit)
            }
            _ => Ok(edit),
        }
    }
}
