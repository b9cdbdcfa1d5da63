//! The trail of selections, as a browser keeps its history: each new selection can be gone back
//! from (Alt+←, the mouse's back button, the toolbar's ← button) and forward to again.

use crate::model::ItemRef;

/// How many selections the trail keeps behind the current one.
const MAX_BACK: usize = 200;

/// Selections before and after the current one.
#[derive(Clone, Debug, Default)]
pub struct Trail {
    back: Vec<ItemRef>,
    forward: Vec<ItemRef>,
}

impl Trail {
    /// Records that the selection moves from `from` to `to`: `from` can be gone back to, and
    /// what was ahead is forgotten (as after following a new link in a browser). Clearing the
    /// selection keeps `from` too, so that Back brings it back.
    pub fn moved(&mut self, from: Option<&ItemRef>, to: Option<&ItemRef>) {
        let Some(from) = from else { return };
        if Some(from) == to {
            return;
        }
        if self.back.last() != Some(from) {
            self.back.push(from.clone());
        }
        if self.back.len() > MAX_BACK {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// The selection before `current`, skipping items for which `exists` is false (deleted
    /// since); `current` can then be gone forward to.
    pub fn back(
        &mut self,
        current: Option<&ItemRef>,
        exists: impl Fn(&ItemRef) -> bool,
    ) -> Option<ItemRef> {
        retrace(&mut self.back, &mut self.forward, current, &exists)
    }

    /// The selection gone back from last, skipping items that no longer exist.
    pub fn forward(
        &mut self,
        current: Option<&ItemRef>,
        exists: impl Fn(&ItemRef) -> bool,
    ) -> Option<ItemRef> {
        retrace(&mut self.forward, &mut self.back, current, &exists)
    }

    /// Whether there is a selection to go back to.
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether there is a selection to go forward to.
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Forgets everything (another roadmap was opened).
    pub fn clear(&mut self) {
        self.back.clear();
        self.forward.clear();
    }
}

/// Moves from `current` to the last existing item of `from`, keeping `current` on `to` so that
/// the step can be retraced the other way.
fn retrace(
    from: &mut Vec<ItemRef>,
    to: &mut Vec<ItemRef>,
    current: Option<&ItemRef>,
    exists: &impl Fn(&ItemRef) -> bool,
) -> Option<ItemRef> {
    let item = pop_existing(from, current, exists)?;
    if let Some(c) = current {
        to.push(c.clone());
    }
    Some(item)
}

/// The last item of `stack` that exists and is not `current`, with everything after it removed.
fn pop_existing(
    stack: &mut Vec<ItemRef>,
    current: Option<&ItemRef>,
    exists: &impl Fn(&ItemRef) -> bool,
) -> Option<ItemRef> {
    while let Some(item) = stack.pop() {
        if exists(&item) && Some(&item) != current {
            return Some(item);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GapId, ItemRef};

    fn gap(n: u32) -> ItemRef {
        ItemRef::Gap(GapId::new(format!("gap.{n}")).expect("id"))
    }

    #[test]
    fn back_and_forward_retrace_the_selections() {
        let mut t = Trail::default();
        let all = |_: &ItemRef| true;
        t.moved(None, Some(&gap(1)));
        t.moved(Some(&gap(1)), Some(&gap(2)));
        t.moved(Some(&gap(2)), Some(&gap(3)));
        assert_eq!(t.back(Some(&gap(3)), all), Some(gap(2)));
        assert_eq!(t.back(Some(&gap(2)), all), Some(gap(1)));
        assert_eq!(t.back(Some(&gap(1)), all), None);
        assert!(t.can_go_forward());
        assert_eq!(t.forward(Some(&gap(1)), all), Some(gap(2)));
        assert_eq!(t.forward(Some(&gap(2)), all), Some(gap(3)));
        assert_eq!(t.forward(Some(&gap(3)), all), None);
    }

    #[test]
    fn a_new_selection_forgets_what_was_ahead() {
        let mut t = Trail::default();
        let all = |_: &ItemRef| true;
        t.moved(Some(&gap(1)), Some(&gap(2)));
        assert_eq!(t.back(Some(&gap(2)), all), Some(gap(1)));
        t.moved(Some(&gap(1)), Some(&gap(5)));
        assert!(!t.can_go_forward());
        assert_eq!(t.back(Some(&gap(5)), all), Some(gap(1)));
    }

    #[test]
    fn clearing_the_selection_can_be_undone_and_deleted_items_are_skipped() {
        let mut t = Trail::default();
        t.moved(Some(&gap(1)), Some(&gap(2)));
        t.moved(Some(&gap(2)), None);
        assert_eq!(t.back(None, |_| true), Some(gap(2)));
        let mut t = Trail::default();
        t.moved(Some(&gap(1)), Some(&gap(2)));
        t.moved(Some(&gap(2)), Some(&gap(3)));
        assert_eq!(t.back(Some(&gap(3)), |i| *i != gap(2)), Some(gap(1)));
    }
}
