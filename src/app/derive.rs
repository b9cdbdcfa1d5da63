//! Keeping what the views show current after the document changes, without holding up the
//! frame of the change.
//!
//! The derived data ([`Derived`]: link index, filter, coverage, timeline and linkage layout) is
//! recomputed whole from the roadmap the views show. For a roadmap of ordinary size that is well
//! under a frame and happens at once. Past [`INLINE_ITEMS`] items it takes tens of milliseconds
//! at 100× the bundled roadmap and more beyond, so it runs on a worker, on a snapshot (a clone
//! that shares the items: see [`crate::model::Shared`]), while the views keep showing the last
//! layout with the document as it is now; the new layout arrives as a message. One computation
//! runs at a time: when it ends and the document has changed meanwhile, the next one starts from
//! the latest state, so a burst of edits costs one computation more, not one per edit.

use super::WaymarkApp;
use super::checks::INLINE_ITEMS;
use super::files::Msg;
use crate::analysis::derived::Derived;
use crate::edit::{Linked, Touched};

/// The computations of derived data running on workers.
#[derive(Default)]
pub(super) struct Deriving {
    /// Counts the states derived data was asked for; a result is of the state it names.
    asked: u64,
    /// The state the running computation is of.
    running: Option<u64>,
    /// The last state computed at once, on the UI thread: a worker's result of an earlier
    /// state (of the roadmap opened before, say) is dropped.
    computed_at_once: u64,
}

impl Deriving {
    /// Whether a computation is running.
    pub(super) fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

impl WaymarkApp {
    /// Whether the views show a layout of an earlier state while a worker computes the current
    /// one.
    pub fn is_deriving(&self) -> bool {
        self.deriving.is_running()
    }

    /// What the views show (after a change to a large roadmap, possibly of an earlier state
    /// until [`Self::is_deriving`] ends).
    pub fn derived(&self) -> Option<&Derived> {
        self.derived.as_ref()
    }

    /// Brings what the views show up to date after the document changed, `touched` saying how
    /// (`None`: not by an edit, as when it was opened again). An edit that changed some items'
    /// own fields, references or links, or created or removed items ([`Touched`] short of
    /// whole), with no scenario shown and the views current, updates them in place ([`Derived::edited`]), at once whatever the roadmap's size;
    /// anything else recomputes them ([`Self::rederive`]).
    pub(super) fn rederive_after(&mut self, touched: Option<Touched>) {
        let change = match touched {
            Some(Touched::Items(items)) => Some(Linked {
                items,
                ..Linked::default()
            }),
            Some(Touched::Links(linked)) => Some(linked),
            _ => None,
        };
        if let Some(change) = change
            && self.scenarios.seen.is_none()
            && !self.deriving.is_running()
            && let (Some(doc), Some(derived)) = (&self.document, &mut self.derived)
            && derived.edited(&doc.roadmap, &change)
        {
            self.deriving.asked += 1;
            self.deriving.computed_at_once = self.deriving.asked;
            return;
        }
        self.rederive();
    }

    /// Recomputes everything the views show from the roadmap they show: at once for a roadmap
    /// of ordinary size (or when nothing is shown yet), else on a worker.
    pub(super) fn rederive(&mut self) {
        self.deriving.asked += 1;
        let inputs = self.inputs();
        let Some(seen) = self.seen_roadmap() else {
            self.derived = None;
            return;
        };
        if self.derived.is_none() || seen.items.count() <= INLINE_ITEMS {
            self.derived = Some(Derived::compute(seen, inputs));
            self.deriving.computed_at_once = self.deriving.asked;
            return;
        }
        if self.deriving.running.is_some() {
            // The running computation is of an earlier state; its end starts the next one.
            return;
        }
        let mut roadmap = seen.clone();
        let state = self.deriving.asked;
        self.deriving.running = Some(state);
        let (tx, ctx) = (self.tx.clone(), self.repaint.clone());
        std::thread::spawn(move || {
            // Edits made meanwhile change the collections in place (see `Items::detach`).
            roadmap.items.detach();
            let derived = Derived::compute(&roadmap, inputs);
            tx.send(Msg::Derived {
                state,
                derived: Box::new(derived),
            })
            .ok();
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// A computation on a worker has ended: its layout is shown (it is newer than the one
    /// shown), brought up to the view's inputs, and the next one starts if the document
    /// changed meanwhile.
    pub(super) fn derived_arrived(&mut self, state: u64, derived: Derived) {
        self.deriving.running = None;
        if state < self.deriving.computed_at_once {
            return;
        }
        let inputs = self.inputs();
        let mut derived = derived;
        if let Some(seen) = self.seen_roadmap() {
            derived.update(seen, inputs);
        }
        self.derived = Some(derived);
        if state != self.deriving.asked {
            self.rederive();
        }
    }
}
