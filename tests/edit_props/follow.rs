//! Derived data followed edit by edit, compared with a whole computation after each.

use proptest::prelude::*;
use waymark::analysis::derived::{Derived, Inputs};
use waymark::analysis::filter::Filter;
use waymark::analysis::focus::Steps;
use waymark::analysis::timeline::Grouping;
use waymark::edit::{Linked, Touched};
use waymark::history::History;
use waymark::model::{ItemRef, Roadmap};

/// Derived data kept up to date as the explorer keeps it: from what each edit touched where
/// that is enough, else computed whole.
pub(crate) struct Follow {
    inputs: Inputs,
    derived: Derived,
    /// How many changes were followed without a whole computation.
    pub(crate) in_place: usize,
}

impl Follow {
    /// Following with `grouping` and `lang`, and with `focus` steps around the first measure.
    pub(crate) fn new(
        roadmap: &Roadmap,
        grouping: Grouping,
        lang: waymark::i18n::Lang,
        focus: Option<u8>,
    ) -> Self {
        let inputs = Inputs {
            filter: Filter::default(),
            grouping,
            lang,
            selection: focus.map(|_| ItemRef::Measure(roadmap.items.measures[0].id.clone())),
            focus_steps: focus.map(Steps::new),
        };
        Self {
            derived: Derived::compute(roadmap, inputs.clone()),
            inputs,
            in_place: 0,
        }
    }

    /// Follows the change the history made last, and compares with a whole computation.
    pub(crate) fn follow(
        &mut self,
        roadmap: &Roadmap,
        history: &mut History,
    ) -> Result<(), TestCaseError> {
        let touched = history.take_touched();
        let in_place = match &touched {
            Some(Touched::Items(items)) => self.derived.edited(
                roadmap,
                &Linked {
                    items: items.clone(),
                    ..Linked::default()
                },
            ),
            Some(Touched::Links(linked)) => self.derived.edited(roadmap, linked),
            _ => false,
        };
        if in_place {
            self.in_place += 1;
        } else {
            self.derived = Derived::compute(roadmap, self.inputs.clone());
        }
        let whole = Derived::compute(roadmap, self.inputs.clone());
        prop_assert!(
            self.derived.timeline == whole.timeline,
            "timeline after {touched:?}"
        );
        prop_assert!(
            self.derived.coverage == whole.coverage,
            "coverage after {touched:?}"
        );
        prop_assert!(
            self.derived.linkage == whole.linkage,
            "linkage after {touched:?}"
        );
        for item in roadmap.items.refs() {
            prop_assert_eq!(
                self.derived.index.edges(&item).collect::<Vec<_>>(),
                whole.index.edges(&item).collect::<Vec<_>>(),
                "edges of {:?} after {:?}",
                item,
                touched
            );
        }
        let counts = roadmap.items.counts();
        for kind in waymark::model::ItemKind::ALL {
            for i in 0..=counts[kind.ordinal()] {
                prop_assert_eq!(
                    self.derived.index.edges_nth(kind, i).collect::<Vec<_>>(),
                    whole.index.edges_nth(kind, i).collect::<Vec<_>>(),
                    "edges of the {}th {:?} after {:?}",
                    i,
                    kind,
                    touched
                );
            }
        }
        prop_assert!(
            self.derived.focus == whole.focus && self.derived.chain == whole.chain,
            "selection's neighbourhood after {touched:?}"
        );
        Ok(())
    }
}
