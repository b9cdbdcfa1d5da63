//! Focus mode, as in Kumu: one item's neighbourhood to a chosen number of steps along its links.
//! While it is on, the linkage view and the timeline show only that neighbourhood.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::index::{Index, Relation};
use crate::model::ItemRef;

/// How far focus mode reaches from its item: 1 to [`Steps::MAX`] links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "u8", into = "u8")]
pub struct Steps(u8);

impl Steps {
    /// The fewest steps: the item and what it is linked to.
    pub const MIN: Steps = Steps(1);
    /// The most steps offered.
    pub const MAX: Steps = Steps(3);
    /// Every choice, fewest first.
    pub const ALL: [Steps; 3] = [Steps(1), Steps(2), Steps(3)];

    /// `n` steps, kept within [`Steps::MIN`]..=[`Steps::MAX`].
    pub fn new(n: u8) -> Self {
        Steps(n.clamp(Self::MIN.0, Self::MAX.0))
    }

    /// The number of steps.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl Default for Steps {
    fn default() -> Self {
        Self::MIN
    }
}

impl From<u8> for Steps {
    fn from(n: u8) -> Self {
        Self::new(n)
    }
}

impl From<Steps> for u8 {
    fn from(s: Steps) -> Self {
        s.0
    }
}

/// What focus mode shows: an item and everything within some steps of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focused {
    /// The item focused on.
    pub item: ItemRef,
    /// How far it reaches.
    pub steps: Steps,
    /// The item and everything within `steps` links of it.
    pub items: HashSet<ItemRef>,
}

impl Focused {
    /// The neighbourhood of `item` to `steps` steps.
    pub fn new(index: &Index, item: &ItemRef, steps: Steps) -> Self {
        Self {
            item: item.clone(),
            steps,
            items: within_steps(index, item, steps),
        }
    }

    /// Whether `item` is shown.
    pub fn contains(&self, item: &ItemRef) -> bool {
        self.items.contains(item)
    }
}

/// `item` and every item at most `steps` links away from it, following links in either
/// direction. Citations of source documents are not followed: a source cited by half the roadmap
/// would bring all of it into a two-step neighbourhood.
pub fn within_steps(index: &Index, item: &ItemRef, steps: Steps) -> HashSet<ItemRef> {
    let mut seen = HashSet::new();
    seen.insert(item.clone());
    let mut frontier = vec![item.clone()];
    for _ in 0..steps.get() {
        let mut next = Vec::new();
        for from in &frontier {
            for e in index.edges(from) {
                if e.relation != Relation::Cites && seen.insert(e.other.clone()) {
                    next.push(e.other.clone());
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Roadmap;

    fn bundled() -> Roadmap {
        crate::bundled::open()
            .expect("the bundled roadmap opens")
            .roadmap
    }

    /// The items joined to `item` by anything but a citation.
    fn linked(index: &Index, item: &ItemRef) -> HashSet<ItemRef> {
        index
            .edges(item)
            .filter(|e| e.relation != Relation::Cites)
            .map(|e| e.other.clone())
            .collect()
    }

    #[test]
    fn steps_are_kept_between_one_and_three() {
        assert_eq!(Steps::new(0), Steps::MIN);
        assert_eq!(Steps::new(2).get(), 2);
        assert_eq!(Steps::new(9), Steps::MAX);
        assert_eq!(Steps::default().get(), 1);
    }

    #[test]
    fn one_step_is_the_item_and_what_it_is_linked_to() {
        let roadmap = bundled();
        let index = Index::build(&roadmap);
        for item in roadmap.items.refs() {
            let mut expected = linked(&index, &item);
            expected.insert(item.clone());
            assert_eq!(
                within_steps(&index, &item, Steps::MIN),
                expected,
                "{item:?}"
            );
        }
    }

    #[test]
    fn each_step_adds_the_links_of_the_step_before() {
        let roadmap = bundled();
        let index = Index::build(&roadmap);
        let gap = roadmap
            .items
            .gaps
            .iter()
            .map(|g| ItemRef::Gap(g.id.clone()))
            .find(|g| index.measures_of_gap(g).next().is_some())
            .expect("a gap with a measure");
        let mut before = within_steps(&index, &gap, Steps::MIN);
        for n in 2..=3 {
            let now = within_steps(&index, &gap, Steps::new(n));
            let mut expected = before.clone();
            for item in &before {
                expected.extend(linked(&index, item));
            }
            assert_eq!(now, expected, "{n} steps");
            before = now;
        }
    }

    #[test]
    fn a_gaps_ministries_are_two_steps_away_and_sources_are_never_followed() {
        let roadmap = bundled();
        let index = Index::build(&roadmap);
        let mut two_steps_away = 0;
        for g in &roadmap.items.gaps {
            let gap = ItemRef::Gap(g.id.clone());
            let (one, two) = (
                within_steps(&index, &gap, Steps::MIN),
                within_steps(&index, &gap, Steps::new(2)),
            );
            for ministry in index
                .measures_of_gap(&gap)
                .flat_map(|m| index.ministries_of_measure(m).map(|(x, _)| x))
            {
                assert!(two.contains(ministry), "{gap:?} {ministry:?}");
                two_steps_away += usize::from(!one.contains(ministry));
            }
            let three = within_steps(&index, &gap, Steps::MAX);
            for e in index.edges(&gap).filter(|e| e.relation == Relation::Cites) {
                assert!(!three.contains(e.other), "{gap:?} cites {:?}", e.other);
            }
        }
        assert!(
            two_steps_away > 0,
            "some ministries are reached in two steps only"
        );
    }
}
