//! Everything the views show that is computed from the document: the link index, the filter's
//! visible set, coverage and the timeline layout. Recomputed only when its inputs change.

use std::collections::HashSet;

use super::coverage::{Coverage, coverage};
use super::filter::{Filter, Visible, apply};
use super::index::Index;
use super::timeline::{Grouping, Timeline, layout};
use crate::i18n::Lang;
use crate::model::{ItemRef, Roadmap};

/// The inputs the derived data depends on, besides the document itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    /// The filter.
    pub filter: Filter,
    /// How the timeline groups measures.
    pub grouping: Grouping,
    /// Language of labels.
    pub lang: Lang,
    /// The selected item.
    pub selection: Option<ItemRef>,
}

/// Derived display data.
#[derive(Clone, Debug)]
pub struct Derived {
    /// What it was computed from.
    pub inputs: Inputs,
    /// The link index.
    pub index: Index,
    /// The items passing the filter.
    pub visible: Visible,
    /// Coverage report (of the whole roadmap, unfiltered).
    pub coverage: Coverage,
    /// Timeline layout (filtered).
    pub timeline: Timeline,
    /// The selection's neighbourhood, when something is selected.
    pub focus: Option<HashSet<ItemRef>>,
}

impl Derived {
    /// Computes everything for `roadmap`.
    pub fn compute(roadmap: &Roadmap, inputs: Inputs) -> Self {
        let index = Index::build(roadmap);
        Self::with_index(roadmap, index, inputs)
    }

    fn with_index(roadmap: &Roadmap, index: Index, inputs: Inputs) -> Self {
        let visible = apply(roadmap, &index, &inputs.filter);
        let coverage = coverage(roadmap, &index);
        let timeline = layout(roadmap, &index, inputs.grouping, inputs.lang, &|r| {
            visible.contains(r)
        });
        let focus = inputs.selection.as_ref().map(|s| index.neighbourhood(s));
        Self {
            inputs,
            index,
            visible,
            coverage,
            timeline,
            focus,
        }
    }

    /// Brings the derived data up to date with new inputs for the same document, recomputing only
    /// what depends on what changed.
    pub fn update(&mut self, roadmap: &Roadmap, inputs: Inputs) {
        if inputs == self.inputs {
            return;
        }
        if inputs.filter != self.inputs.filter
            || inputs.grouping != self.inputs.grouping
            || inputs.lang != self.inputs.lang
        {
            self.visible = apply(roadmap, &self.index, &inputs.filter);
            let visible = &self.visible;
            self.timeline = layout(roadmap, &self.index, inputs.grouping, inputs.lang, &|r| {
                visible.contains(r)
            });
        }
        if inputs.selection != self.inputs.selection {
            self.focus = inputs
                .selection
                .as_ref()
                .map(|s| self.index.neighbourhood(s));
        }
        self.inputs = inputs;
    }
}
