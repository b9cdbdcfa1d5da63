//! Everything the views show that is computed from the document: the link index, the filter's
//! visible set, focus mode's neighbourhood, coverage, the timeline layout and the linkage columns.
//! Recomputed only when its inputs change.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};

use super::coverage::{Coverage, coverage};
use super::filter::{Filter, Visible, apply};
use super::focus::{Focused, Steps};
use super::index::Index;
use super::linkage::{self, Columns};
use super::timeline::{Changed, Grouping, Timeline, layout, relayout};
use crate::i18n::Lang;
use crate::model::{ItemRef, Roadmap};

/// What an edit followed in place changed beyond items' own fields (`crate::edit::Touched`
/// finds it): no other item moved, and no header changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Linked {
    /// Items whose own fields changed (those whose references changed among them).
    pub items: Vec<ItemRef>,
    /// The items at either end of the links that changed.
    pub ends: Vec<ItemRef>,
    /// Items created or removed.
    pub listed: Vec<ItemRef>,
    /// Items created, removed, or whose references changed, that hold references (or held them).
    pub holders: Vec<ItemRef>,
    /// Every item the holders referred to before or refer to now.
    pub reached: Vec<ItemRef>,
}

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
    /// Focus mode's reach while it is on: the linkage view and the timeline then show only the
    /// selection's neighbourhood to that many steps.
    pub focus_steps: Option<Steps>,
}

impl Inputs {
    /// What focus mode shows for these inputs: `None` when it is off or nothing is selected.
    fn focused(&self, index: &Index) -> Option<Focused> {
        let (steps, item) = (self.focus_steps?, self.selection.as_ref()?);
        Some(Focused::new(index, item, steps))
    }
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
    /// Focus mode's neighbourhood, while it is on and something is selected: the timeline and
    /// the linkage view show only these items.
    pub focused: Option<Focused>,
    /// Coverage report (of the whole roadmap, unfiltered).
    pub coverage: Coverage,
    /// Timeline layout (filtered).
    pub timeline: Timeline,
    /// The selection's neighbourhood, when something is selected.
    pub focus: Option<HashSet<ItemRef>>,
    /// The linkage view's columns (filtered).
    pub linkage: Columns,
    /// What the linkage view lights up for the selection: its chain through the three columns
    /// ([`linkage::chain`]), or for an item outside them its neighbourhood.
    pub chain: Option<HashSet<ItemRef>>,
    /// A number that changes whenever the document, the filter, the grouping, the language or
    /// focus mode's neighbourhood does (unique in the process; not with the selection outside
    /// focus mode): the key under which views keep what they lay out once.
    pub generation: u64,
    /// A number that changes whenever which items there are, in which order, or which pass the
    /// filter may have changed: with [`Self::generation`], except after an edit of items' own
    /// fields or of links that leaves every list as it was ([`Self::edited`]). Lists of items (the
    /// navigator's) are made once per listing.
    pub listing: u64,
}

/// A new [`Derived::generation`].
fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The chain the linkage view lights up around `selection` (see [`Derived::chain`]).
fn chain_of(
    index: &Index,
    selection: Option<&ItemRef>,
    focus: Option<&HashSet<ItemRef>>,
) -> Option<HashSet<ItemRef>> {
    let selection = selection?;
    linkage::chain(index, selection).or_else(|| focus.cloned())
}

/// The timeline and the linkage columns: of what passes the filter (the linkage view with the
/// filter's context), and in focus mode of the neighbourhood focused on only.
fn views(
    roadmap: &Roadmap,
    index: &Index,
    inputs: &Inputs,
    visible: &Visible,
    focused: Option<&Focused>,
) -> (Timeline, Columns) {
    let in_focus = |r: &ItemRef| focused.is_none_or(|f| f.contains(r));
    let timeline = layout(roadmap, index, inputs.grouping, inputs.lang, &|r| {
        visible.contains(r) && in_focus(r)
    });
    let linkage = linkage::columns(roadmap, index, &|r| {
        (visible.contains(r) || visible.is_context(r)) && in_focus(r)
    });
    (timeline, linkage)
}

impl Derived {
    /// Computes everything for `roadmap`.
    pub fn compute(roadmap: &Roadmap, inputs: Inputs) -> Self {
        let index = Index::build(roadmap);
        Self::with_index(roadmap, index, inputs)
    }

    fn with_index(roadmap: &Roadmap, index: Index, inputs: Inputs) -> Self {
        let visible = apply(roadmap, &index, &inputs.filter);
        let focused = inputs.focused(&index);
        let coverage = coverage(roadmap, &index);
        let (timeline, linkage) = views(roadmap, &index, &inputs, &visible, focused.as_ref());
        let focus = inputs.selection.as_ref().map(|s| index.neighbourhood(s));
        let chain = chain_of(&index, inputs.selection.as_ref(), focus.as_ref());
        let generation = next_generation();
        Self {
            inputs,
            index,
            visible,
            focused,
            coverage,
            timeline,
            focus,
            linkage,
            chain,
            generation,
            listing: generation,
        }
    }

    /// Brings the derived data up to date after an edit in place ([`Linked`]: items' own
    /// fields, links, references, items created or removed; no other item moved), for the same
    /// inputs. The link index lists again the kinds of items that came or went, computes again
    /// the edges of the links' ends and of the items the changed references join; coverage is
    /// counted again when a link, a reference, a measure or a KPI changed or an item came or
    /// went; the timeline lays out again only the lanes that show the items or whose groups
    /// changed; the linkage columns place again only the ends and the items that came or went.
    /// Returns `false` when that is not enough (a filter is active, which the change may pass
    /// or fail, focus mode's neighbourhood changed, or the change reaches beyond the items'
    /// lanes); the caller then computes everything again.
    pub fn edited(&mut self, roadmap: &Roadmap, change: &Linked) -> bool {
        if self.visible.is_active() {
            return false;
        }
        let Linked {
            items,
            ends,
            listed,
            holders,
            reached,
        } = change;
        if !listed.is_empty() {
            self.index.relist(roadmap, listed);
        }
        // Links changed between `ends`, and edges of the items they reached.
        let ends = if ends.is_empty() {
            Vec::new()
        } else {
            self.index.relink(roadmap, ends)
        };
        if !holders.is_empty() {
            self.index.rerefer(roadmap, holders, reached);
        }
        let ends = ends.as_slice();
        let joined = !ends.is_empty() || !listed.is_empty() || !holders.is_empty();
        if joined && self.focused.is_some() && self.inputs.focused(&self.index) != self.focused {
            return false;
        }
        // The lanes of items that came or went are laid out again, as those of changed items;
        // lanes of groups whose members changed with them too.
        let mut changed = items.clone();
        for item in listed {
            if !changed.contains(item) {
                changed.push(item.clone());
            }
        }
        let mut regrouped: Vec<ItemRef> = listed.clone();
        regrouped.extend(holders.iter().chain(reached).cloned());
        let (visible, focused) = (&self.visible, self.focused.as_ref());
        let shown = |r: &ItemRef| visible.contains(r) && focused.is_none_or(|f| f.contains(r));
        let lanes = Changed {
            items: &changed,
            ends,
            regrouped: &regrouped,
        };
        if !relayout(
            &mut self.timeline,
            roadmap,
            &self.index,
            self.inputs.grouping,
            self.inputs.lang,
            &shown,
            &lanes,
        ) {
            return false;
        }
        if joined {
            linkage::relink(
                &mut self.linkage,
                roadmap,
                &self.index,
                &|r| {
                    (visible.contains(r) || visible.is_context(r))
                        && focused.is_none_or(|f| f.contains(r))
                },
                ends,
                listed,
            );
            self.focus = self
                .inputs
                .selection
                .as_ref()
                .map(|s| self.index.neighbourhood(s));
            self.chain = chain_of(
                &self.index,
                self.inputs.selection.as_ref(),
                self.focus.as_ref(),
            );
        }
        self.coverage
            .recount(roadmap, &self.index, changed.iter().chain(ends));
        self.generation = next_generation();
        // Events are listed by date, and an item that came or went changes its kind's list.
        // Links change no list: with no filter active (see above) every item is listed.
        if !listed.is_empty() || items.iter().any(|i| matches!(i, ItemRef::Event(_))) {
            self.listing = self.generation;
        }
        true
    }

    /// Brings the derived data up to date with new inputs for the same document, recomputing only
    /// what depends on what changed.
    pub fn update(&mut self, roadmap: &Roadmap, inputs: Inputs) {
        if inputs == self.inputs {
            return;
        }
        let filter_changed = inputs.filter != self.inputs.filter;
        if filter_changed {
            self.visible = apply(roadmap, &self.index, &inputs.filter);
        }
        let focused = inputs.focused(&self.index);
        if filter_changed
            || inputs.grouping != self.inputs.grouping
            || inputs.lang != self.inputs.lang
            || focused != self.focused
        {
            self.focused = focused;
            (self.timeline, self.linkage) = views(
                roadmap,
                &self.index,
                &inputs,
                &self.visible,
                self.focused.as_ref(),
            );
            self.generation = next_generation();
            self.listing = self.generation;
        }
        if inputs.selection != self.inputs.selection {
            self.focus = inputs
                .selection
                .as_ref()
                .map(|s| self.index.neighbourhood(s));
            self.chain = chain_of(&self.index, inputs.selection.as_ref(), self.focus.as_ref());
        }
        self.inputs = inputs;
    }
}
