//! Undo and redo without limit, and whether the roadmap differs from what was last saved.
//!
//! Every change goes through [`History::apply`], which applies an [`Edit`] and keeps its inverse.
//! A gesture that makes many edits (a drag that reschedules a bar on every frame) is one step:
//! wrap it in [`History::begin_group`] and [`History::end_group`], or apply one
//! [`Edit::Batch`]. Opening or reloading a file is not an edit: the app replaces the document and
//! starts a new `History`.

use crate::edit::{Edit, EditError, Touched, apply};
use crate::model::Roadmap;

/// One undoable step: a serial number (to tell saved states apart) and the edit that undoes or
/// redoes it.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    serial: u64,
    edit: Edit,
}

/// A state of the document in its history ([`History::version`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version {
    step: u64,
    in_group: usize,
}

/// The undo and redo stacks of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    /// Inverses of the applied steps, the latest last.
    undo: Vec<Step>,
    /// Steps undone, to redo, the latest undone last.
    redo: Vec<Step>,
    /// The inverses collected by an open group, in order of application.
    group: Option<Vec<Edit>>,
    /// How deep groups are nested.
    depth: usize,
    /// The serial of the step on top of the undo stack when last saved (0: none, at open);
    /// `None` when no reachable state is the saved one.
    saved: Option<u64>,
    /// The last serial handed out.
    serial: u64,
    /// What the edits applied since [`Self::take_touched`] last ran touched.
    touched: Option<Touched>,
}

impl Default for History {
    fn default() -> Self {
        Self::new()
    }
}

impl History {
    /// A history for a document just opened: clean, nothing to undo.
    pub fn new() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            group: None,
            depth: 0,
            saved: Some(0),
            serial: 0,
            touched: None,
        }
    }

    /// A history for a document that differs from its files from the start (one restored from
    /// a recovery file): dirty until [`Self::mark_saved`].
    pub fn unsaved() -> Self {
        Self {
            saved: None,
            ..Self::new()
        }
    }

    fn current(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.serial)
    }

    /// Applies `edit` to `roadmap` as a new step (or as part of the open group), and forgets
    /// what could be redone. A refused edit changes nothing; an edit that changes nothing is not
    /// recorded.
    pub fn apply(&mut self, roadmap: &mut Roadmap, edit: Edit) -> Result<(), EditError> {
        if edit.is_noop() {
            return Ok(());
        }
        let inverse = self.applied(roadmap, edit)?;
        if let Some(group) = &mut self.group {
            group.push(inverse);
        } else {
            self.push(inverse);
        }
        Ok(())
    }

    /// Applies `edit`, noting what it touches.
    fn applied(&mut self, roadmap: &mut Roadmap, edit: Edit) -> Result<Edit, EditError> {
        let touched = Touched::of(roadmap, &edit);
        let inverse = apply(roadmap, edit)?;
        self.touched = Some(match self.touched.take() {
            Some(before) => before.and(touched),
            None => touched,
        });
        Ok(inverse)
    }

    /// What the edits applied, undone or redone since the last call touched (`None`: no edit
    /// was applied).
    pub fn take_touched(&mut self) -> Option<Touched> {
        self.touched.take()
    }

    fn push(&mut self, inverse: Edit) {
        self.redo.clear();
        self.serial += 1;
        self.undo.push(Step {
            serial: self.serial,
            edit: inverse,
        });
    }

    /// Starts a group: the edits applied until the matching [`Self::end_group`] form one step.
    /// Groups nest; only the outermost one makes a step.
    pub fn begin_group(&mut self) {
        if self.depth == 0 {
            self.group = Some(Vec::new());
        }
        self.depth += 1;
    }

    /// Ends a group. When the outermost group ends, the edits applied in it become one step
    /// (none when it changed nothing).
    pub fn end_group(&mut self) {
        if self.depth == 0 {
            return;
        }
        self.depth -= 1;
        if self.depth > 0 {
            return;
        }
        if let Some(mut inverses) = self.group.take()
            && !inverses.is_empty()
        {
            inverses.reverse();
            self.push(Edit::Batch(inverses));
        }
    }

    /// Whether a group is open.
    pub fn in_group(&self) -> bool {
        self.depth > 0
    }

    fn close_groups(&mut self) {
        while self.in_group() {
            self.end_group();
        }
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.group.as_ref().is_some_and(|g| !g.is_empty())
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the latest step (closing an open group first). Returns whether there was one.
    pub fn undo(&mut self, roadmap: &mut Roadmap) -> Result<bool, EditError> {
        self.close_groups();
        let Some(step) = self.undo.pop() else {
            return Ok(false);
        };
        match self.applied(roadmap, step.edit.clone()) {
            Ok(redo) => {
                self.redo.push(Step {
                    serial: step.serial,
                    edit: redo,
                });
                Ok(true)
            }
            Err(e) => {
                // The roadmap was changed outside the history; keep the step.
                self.undo.push(step);
                Err(e)
            }
        }
    }

    /// Redoes the latest undone step. Returns whether there was one.
    pub fn redo(&mut self, roadmap: &mut Roadmap) -> Result<bool, EditError> {
        self.close_groups();
        let Some(step) = self.redo.pop() else {
            return Ok(false);
        };
        match self.applied(roadmap, step.edit.clone()) {
            Ok(undo) => {
                self.undo.push(Step {
                    serial: step.serial,
                    edit: undo,
                });
                Ok(true)
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    /// Marks the current state as the saved one.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.current());
    }

    /// Records that the state `version` was saved: a save that ran while the document was
    /// edited further leaves those edits unsaved. (A state inside an open group has no step of
    /// its own to mark: the document stays unsaved.)
    pub fn mark_saved_at(&mut self, version: Version) {
        if version.in_group == 0 {
            self.saved = Some(version.step);
        }
    }

    /// Whether the roadmap differs from the saved state: an edit since the save (or an open
    /// group with edits), or undo/redo away from it.
    pub fn is_dirty(&self) -> bool {
        self.group.as_ref().is_some_and(|g| !g.is_empty()) || self.saved != Some(self.current())
    }

    /// Which state the document is in: equal versions are the same content (the same step, with
    /// the same edits of an open group), so work done since a version was taken shows as a
    /// different one.
    pub fn version(&self) -> Version {
        Version {
            step: self.current(),
            in_group: self.group.as_ref().map_or(0, Vec::len),
        }
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{reschedule, update};
    use crate::model::{FySpan, Provenance};

    fn roadmap() -> Roadmap {
        crate::bundled::open().expect("bundled roadmap").roadmap
    }

    fn span(start_fy: i32, end_fy: i32) -> FySpan {
        FySpan {
            start_fy,
            end_fy,
            provenance: Provenance::Editorial,
            basis: Some("test".into()),
            end_provenance: None,
            end_basis: None,
        }
    }

    #[test]
    fn versions_tell_states_apart() {
        let mut r = roadmap();
        let m = r.items.measures[0].id.clone();
        let mut h = History::new();
        let opened = h.version();
        let e = reschedule(&r, &m, span(2020, 2022)).expect("edit");
        h.apply(&mut r, e).expect("applies");
        let edited = h.version();
        assert_ne!(edited, opened);
        h.undo(&mut r).expect("undoes");
        assert_eq!(h.version(), opened);
        h.redo(&mut r).expect("redoes");
        assert_eq!(h.version(), edited);
        h.begin_group();
        let e = reschedule(&r, &m, span(2021, 2023)).expect("edit");
        h.apply(&mut r, e).expect("applies");
        assert_ne!(h.version(), edited, "an open group's edits are a new state");
    }

    #[test]
    fn undo_redo_and_the_saved_marker() {
        let mut r = roadmap();
        let original = r.clone();
        let m = r.items.measures[0].id.clone();
        let mut h = History::new();
        assert!(!h.is_dirty());
        let e = reschedule(&r, &m, span(2020, 2022)).expect("edit");
        h.apply(&mut r, e).expect("applies");
        assert!(h.is_dirty());
        h.mark_saved();
        assert!(!h.is_dirty());
        let edited = r.clone();
        assert!(h.undo(&mut r).expect("undo"));
        assert_eq!(r, original);
        assert!(h.is_dirty(), "undo past the save is dirty");
        assert!(h.redo(&mut r).expect("redo"));
        assert_eq!(r, edited);
        assert!(!h.is_dirty(), "redo back to the save is clean");
        assert!(!h.redo(&mut r).expect("nothing to redo"));
    }

    #[test]
    fn a_new_edit_clears_redo_and_a_lost_save_stays_dirty() {
        let mut r = roadmap();
        let m = r.items.measures[0].id.clone();
        let mut h = History::new();
        let e = reschedule(&r, &m, span(2020, 2021)).expect("edit");
        h.apply(&mut r, e).expect("applies");
        h.mark_saved();
        h.undo(&mut r).expect("undo");
        assert!(h.can_redo());
        let e = reschedule(&r, &m, span(2024, 2025)).expect("edit");
        h.apply(&mut r, e).expect("applies");
        assert!(!h.can_redo());
        assert!(h.is_dirty());
        h.undo(&mut r).expect("undo");
        assert!(h.is_dirty(), "the saved state can no longer be reached");
    }

    #[test]
    fn a_group_is_one_step() {
        let mut r = roadmap();
        let original = r.clone();
        let m = r.items.measures[0].id.clone();
        let mut h = History::new();
        h.begin_group();
        for end in 2020..2030 {
            let e = reschedule(&r, &m, span(2019, end)).expect("edit");
            h.apply(&mut r, e).expect("applies");
        }
        let key = crate::edit::ItemKey::Measure(m.clone());
        let e = update(&r, &key, |v| {
            if let crate::edit::ItemValue::Measure(x) = v {
                x.text.push('!');
            }
        })
        .expect("edit");
        h.apply(&mut r, e).expect("applies");
        h.end_group();
        assert_eq!(h.undo_len(), 1);
        h.undo(&mut r).expect("undo");
        assert_eq!(r, original);
        assert!(!h.is_dirty());
    }

    #[test]
    fn a_restored_document_is_dirty_until_saved() {
        let mut h = History::unsaved();
        assert!(h.is_dirty());
        h.mark_saved();
        assert!(!h.is_dirty());
    }
}
