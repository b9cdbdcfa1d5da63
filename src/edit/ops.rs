//! Edits the views ask for: change an item's fields, reschedule a measure, link and unlink,
//! hand a measure to another ministry, reorder proposals and 小論点.
//!
//! Each constructor reads the roadmap and returns an [`Edit`] to [`super::apply`] (through
//! [`crate::history::History::apply`], so that it can be undone); it changes nothing itself.

use super::integrity::{check_link, check_new_link};
use super::{Edit, EditError, ItemKey, ItemValue};
use crate::model::{
    Budget, BudgetId, Event, EventId, FileId, FySpan, Gap, GapId, ItemRef, Kpi, KpiId, Link,
    LinkKind, Measure, MeasureId, MeasureKind, Ministry, MinistryCode, Note, NoteId, Proposal,
    ProposalId, Provenance, Roadmap, Role, Scenario, ScenarioId, Source, SourceId, Stage, StageId,
    TargetId, TargetState, Theme, ThemeId,
};

/// The edit that changes item `key` as `change` says: `change` gets a copy of the item to
/// modify. The key itself (ID or code) cannot change.
pub fn update(
    roadmap: &Roadmap,
    key: &ItemKey,
    change: impl FnOnce(&mut ItemValue),
) -> Result<Edit, EditError> {
    let mut value = key
        .get(roadmap)
        .ok_or_else(|| EditError::NotFound(key.clone()))?;
    change(&mut value);
    if &value.key() != key {
        return Err(EditError::KeyChanged(key.clone()));
    }
    Ok(Edit::Replace(value))
}

macro_rules! typed_updates {
    ($( $(#[$doc:meta])* $name:ident($Id:ty) -> $V:ident($T:ty); )*) => {$(
        $(#[$doc])*
        ///
        /// `change` gets a copy of the item to modify; the edit puts it in place. Its ID cannot
        /// change.
        pub fn $name(
            roadmap: &Roadmap,
            id: &$Id,
            change: impl FnOnce(&mut $T),
        ) -> Result<Edit, EditError> {
            let key = ItemKey::$V(id.clone());
            let Some(ItemValue::$V(mut item)) = key.get(roadmap) else {
                return Err(EditError::NotFound(key));
            };
            change(&mut item);
            if &item.id_key() != id {
                return Err(EditError::KeyChanged(key));
            }
            Ok(Edit::Replace(ItemValue::$V(item)))
        }
    )*};
}

/// The key field of an item, so that the typed updates can check it did not change.
trait IdKey {
    type Id;
    fn id_key(&self) -> Self::Id;
}

macro_rules! id_keys {
    ($($T:ty => $Id:ty, $key:ident;)*) => {$(
        impl IdKey for $T {
            type Id = $Id;
            fn id_key(&self) -> $Id {
                self.$key.clone()
            }
        }
    )*};
}

id_keys! {
    Source => SourceId, id;
    Ministry => MinistryCode, code;
    Stage => StageId, id;
    TargetState => TargetId, id;
    Note => NoteId, id;
    Theme => ThemeId, id;
    Gap => GapId, id;
    Measure => MeasureId, id;
    Proposal => ProposalId, id;
    Kpi => KpiId, id;
    Budget => BudgetId, id;
    Event => EventId, id;
    Scenario => ScenarioId, id;
}

typed_updates! {
    /// The edit that changes a source's fields.
    edit_source(SourceId) -> Source(Source);
    /// The edit that changes a ministry's fields.
    edit_ministry(MinistryCode) -> Ministry(Ministry);
    /// The edit that changes a stage's fields.
    edit_stage(StageId) -> Stage(Stage);
    /// The edit that changes a target state's fields.
    edit_target(TargetId) -> Target(TargetState);
    /// The edit that changes a note's fields.
    edit_note(NoteId) -> Note(Note);
    /// The edit that changes a theme's fields.
    edit_theme(ThemeId) -> Theme(Theme);
    /// The edit that changes a gap's fields.
    edit_gap(GapId) -> Gap(Gap);
    /// The edit that changes a measure's fields.
    edit_measure(MeasureId) -> Measure(Measure);
    /// The edit that changes a proposal's fields.
    edit_proposal(ProposalId) -> Proposal(Proposal);
    /// The edit that changes a KPI's fields.
    edit_kpi(KpiId) -> Kpi(Kpi);
    /// The edit that changes a budget line's fields.
    edit_budget(BudgetId) -> Budget(Budget);
    /// The edit that changes an event's fields.
    edit_event(EventId) -> Event(Event);
    /// The edit that changes a scenario's fields.
    edit_scenario(ScenarioId) -> Scenario(Scenario);
}

/// The edit that gives a measure a new span (a drag of its bar or its ends on the timeline).
/// Refuses a span that ends before it starts.
pub fn reschedule(roadmap: &Roadmap, measure: &MeasureId, span: FySpan) -> Result<Edit, EditError> {
    if span.end_fy < span.start_fy {
        return Err(EditError::SpanOrder {
            start_fy: span.start_fy,
            end_fy: span.end_fy,
        });
    }
    edit_measure(roadmap, measure, |m| m.span = Some(span))
}

/// The file a new link goes to: that of its first end (the gap or measure it starts from).
fn link_home(roadmap: &Roadmap, link: &LinkKind) -> FileId {
    let first = match link {
        LinkKind::AddressedBy { gap, .. } | LinkKind::Blocks { gap, .. } => {
            roadmap.gap(gap).map(|g| g.origin)
        }
        LinkKind::Continues { later: gap, .. } | LinkKind::SameAs { gap, .. } => {
            roadmap.gap(gap).map(|g| g.origin)
        }
        LinkKind::Responsible { measure, .. }
        | LinkKind::ContributesTo { measure, .. }
        | LinkKind::MeasuredBy { measure, .. }
        | LinkKind::Through { measure, .. } => roadmap.measure(measure).map(|m| m.origin),
    };
    first.unwrap_or_default()
}

/// The edit that adds a link, after the other links of the file of its first end. Refuses a
/// link that makes no sense: an end that does not exist, a ministry that is not defined, a
/// `Through` link to a measure that is not a programme, a self-link, or a link already there
/// (in either direction for `SameAs` and `Continues`; a ministry already responsible in another
/// role counts: change the role with [`set_link`] instead).
pub fn link(roadmap: &Roadmap, kind: LinkKind, provenance: Provenance) -> Result<Edit, EditError> {
    check_new_link(roadmap, &kind)?;
    let origin = link_home(roadmap, &kind);
    Ok(Edit::AddLink {
        index: link_index(roadmap, origin),
        link: Link {
            link: kind,
            provenance,
            note: None,
            source: None,
            origin,
        },
    })
}

/// Where a new link saved to `origin` goes: after the last link of that file, so that the order
/// in memory is the order on disk.
pub fn link_index(roadmap: &Roadmap, origin: FileId) -> usize {
    roadmap
        .items
        .links
        .iter()
        .rposition(|l| l.origin == origin)
        .map_or(roadmap.items.links.len(), |i| i + 1)
}

/// The link kind that joins `from` to `to`, as a drag from one item to another means it:
/// gap–measure `AddressedBy`, measure–ministry `Responsible` (as lead when the measure has no
/// responsible ministry yet, else co-lead), measure–target state `ContributesTo`, gap–target
/// state `Blocks`, gap→gap `Continues` (`from` is the earlier), measure–KPI `MeasuredBy`,
/// measure→programme `Through`. The order of the two items matters only for gap→gap and
/// measure→measure. Refuses any other pair and links that make no sense (see [`link`]).
pub fn link_between(
    roadmap: &Roadmap,
    from: &ItemRef,
    to: &ItemRef,
) -> Result<LinkKind, EditError> {
    use ItemRef as R;
    let kind = match (from, to) {
        (R::Gap(gap), R::Measure(measure)) | (R::Measure(measure), R::Gap(gap)) => {
            LinkKind::AddressedBy {
                gap: gap.clone(),
                measure: measure.clone(),
            }
        }
        (R::Measure(measure), R::Ministry(ministry))
        | (R::Ministry(ministry), R::Measure(measure)) => {
            let has_lead = roadmap.items.links.iter().any(
                |l| matches!(&l.link, LinkKind::Responsible { measure: m, .. } if m == measure),
            );
            LinkKind::Responsible {
                measure: measure.clone(),
                ministry: ministry.clone(),
                role: if has_lead { Role::CoLead } else { Role::Lead },
            }
        }
        (R::Measure(measure), R::Target(target)) | (R::Target(target), R::Measure(measure)) => {
            LinkKind::ContributesTo {
                measure: measure.clone(),
                target: target.clone(),
            }
        }
        (R::Gap(gap), R::Target(target)) | (R::Target(target), R::Gap(gap)) => LinkKind::Blocks {
            gap: gap.clone(),
            target: target.clone(),
        },
        (R::Gap(earlier), R::Gap(later)) => LinkKind::Continues {
            earlier: earlier.clone(),
            later: later.clone(),
        },
        (R::Measure(measure), R::Kpi(kpi)) | (R::Kpi(kpi), R::Measure(measure)) => {
            LinkKind::MeasuredBy {
                measure: measure.clone(),
                kpi: kpi.clone(),
            }
        }
        (R::Measure(a), R::Measure(b)) => {
            let is_programme = |id: &MeasureId| {
                roadmap
                    .measure(id)
                    .is_some_and(|m| m.kind == MeasureKind::Programme)
            };
            let (measure, programme) = if is_programme(b) || !is_programme(a) {
                (a, b)
            } else {
                (b, a)
            };
            LinkKind::Through {
                measure: measure.clone(),
                programme: programme.clone(),
            }
        }
        (a, b) => {
            return Err(EditError::NoLinkBetween {
                a: a.kind(),
                b: b.kind(),
            });
        }
    };
    check_new_link(roadmap, &kind)?;
    Ok(kind)
}

/// The edit that removes the (first) link of this kind.
pub fn unlink(roadmap: &Roadmap, kind: &LinkKind) -> Result<Edit, EditError> {
    let index = roadmap
        .items
        .links
        .iter()
        .position(|l| &l.link == kind)
        .ok_or_else(|| EditError::NoSuchLink(kind.clone()))?;
    Ok(Edit::RemoveLink {
        index,
        link: roadmap.items.links[index].clone(),
    })
}

/// The edit that changes the link at `index` (its role, provenance, note or source), keeping
/// its place and file.
pub fn set_link(
    roadmap: &Roadmap,
    index: usize,
    change: impl FnOnce(&mut Link),
) -> Result<Edit, EditError> {
    let len = roadmap.items.links.len();
    let mut link = roadmap
        .items
        .links
        .get(index)
        .cloned()
        .ok_or(EditError::OutOfRange { index, len })?;
    change(&mut link);
    check_link(roadmap, &link.link)?;
    Ok(Edit::ReplaceLink { index, link })
}

/// The edit that hands a measure from one ministry to another, as one step (a drag into another
/// ministry's lane): the `Responsible` link to `from` now names `to`, keeping its role and place,
/// marked as an editor's judgement. When `to` is already responsible, the link to `from` is
/// removed. Handing a measure to the ministry it is in is a no-op (an empty batch).
pub fn reassign(
    roadmap: &Roadmap,
    measure: &MeasureId,
    from: &MinistryCode,
    to: &MinistryCode,
) -> Result<Edit, EditError> {
    if roadmap.ministry(to).is_none() {
        return Err(EditError::Dangling {
            what: "ministry",
            id: to.to_string(),
        });
    }
    let index = roadmap
        .items
        .links
        .iter()
        .position(|l| {
            matches!(&l.link, LinkKind::Responsible { measure: m, ministry, .. } if m == measure && ministry == from)
        })
        .ok_or_else(|| EditError::NotResponsible {
            measure: measure.clone(),
            ministry: from.clone(),
        })?;
    if from == to {
        return Ok(Edit::Batch(Vec::new()));
    }
    let old = &roadmap.items.links[index];
    let already = roadmap.items.links.iter().any(|l| {
        matches!(&l.link, LinkKind::Responsible { measure: m, ministry, .. } if m == measure && ministry == to)
    });
    if already {
        return Ok(Edit::RemoveLink {
            index,
            link: old.clone(),
        });
    }
    let LinkKind::Responsible { role, .. } = &old.link else {
        unreachable!("found as a Responsible link");
    };
    Ok(Edit::ReplaceLink {
        index,
        link: Link {
            link: LinkKind::Responsible {
                measure: measure.clone(),
                ministry: to.clone(),
                role: *role,
            },
            provenance: Provenance::Editorial,
            note: None,
            source: None,
            origin: old.origin,
        },
    })
}

/// The edit that adds a measure to a proposal's actions, at `position` (the end when `None`).
pub fn add_action(
    roadmap: &Roadmap,
    proposal: &ProposalId,
    measure: &MeasureId,
    position: Option<usize>,
) -> Result<Edit, EditError> {
    if roadmap.measure(measure).is_none() {
        return Err(EditError::Dangling {
            what: "measure",
            id: measure.to_string(),
        });
    }
    let p = roadmap
        .proposal(proposal)
        .ok_or_else(|| EditError::NotFound(ItemKey::Proposal(proposal.clone())))?;
    if p.actions.contains(measure) {
        return Err(EditError::DuplicateAction(measure.clone()));
    }
    let at = position.unwrap_or(p.actions.len()).min(p.actions.len());
    edit_proposal(roadmap, proposal, |p| p.actions.insert(at, measure.clone()))
}

/// The edit that removes a measure from a proposal's actions (the measure itself stays).
pub fn remove_action(
    roadmap: &Roadmap,
    proposal: &ProposalId,
    measure: &MeasureId,
) -> Result<Edit, EditError> {
    edit_proposal(roadmap, proposal, |p| p.actions.retain(|a| a != measure))
}

/// Renumbered members as (position, new number), and the moved member's new neighbour as
/// (position, whether the moved one goes before it).
type Renumbering = (Vec<(usize, u32)>, Option<(usize, bool)>);

/// How to renumber a list when one of its members moves to `to_rank` (from 0) of the order by
/// number: the set of numbers is kept and handed out in the new order. Returns, for each member
/// whose number changes, its position and new number, and the member that ends up just after
/// the moved one (or just before it, when it moves to the end), by position.
fn renumber(members: &[(usize, u32)], moved: usize, to_rank: usize) -> Renumbering {
    let mut order: Vec<(usize, u32)> = members.to_vec();
    order.sort_by_key(|&(pos, n)| (n, pos));
    let numbers: Vec<u32> = order.iter().map(|&(_, n)| n).collect();
    let Some(from_rank) = order.iter().position(|&(pos, _)| pos == moved) else {
        return (Vec::new(), None);
    };
    let item = order.remove(from_rank);
    let to_rank = to_rank.min(order.len());
    order.insert(to_rank, item);
    let changes = order
        .iter()
        .zip(&numbers)
        .filter(|((_, old), new)| old != *new)
        .map(|(&(pos, _), &new)| (pos, new))
        .collect();
    let neighbour = order
        .get(to_rank + 1)
        .map(|&(pos, _)| (pos, true))
        .or_else(|| to_rank.checked_sub(1).map(|r| (order[r].0, false)));
    (changes, neighbour)
}

/// Where to move the item at `from` so that it lands just before (`before == true`) or after
/// the item now at `neighbour`, counted after taking it out.
fn target_index(from: usize, neighbour: usize, before: bool) -> usize {
    let n = if neighbour > from {
        neighbour - 1
    } else {
        neighbour
    };
    if before { n } else { n + 1 }
}

/// Where the item at `from` in `list` moves to sit by `neighbour` (before it or after it),
/// kept among the items of its own file: a file writes its items together, so an item placed
/// among another file's would read back elsewhere. A neighbour in another file (a theme's gaps
/// may come from several) gives the end of the item's file nearest to it; the numbers carry
/// the order.
fn move_target<T: crate::model::Item>(
    list: &[T],
    from: usize,
    neighbour: usize,
    before: bool,
) -> usize {
    let origin = list[from].origin();
    let same = |i: &usize| list[*i].origin() == origin;
    let first = (0..from).rev().take_while(same).last().unwrap_or(from);
    let last = (from + 1..list.len())
        .take_while(same)
        .last()
        .unwrap_or(from);
    target_index(from, neighbour, before).clamp(first, last)
}

/// The edit that moves proposal `id` to place `to_rank` (from 0) in number order: the numbers
/// ①②③… are handed out again in the new order, and the proposal moves in its file to sit by
/// its new neighbour.
pub fn move_proposal(
    roadmap: &Roadmap,
    id: &ProposalId,
    to_rank: usize,
) -> Result<Edit, EditError> {
    let key = ItemKey::Proposal(id.clone());
    let it = &roadmap.items;
    let from = key
        .position(it)
        .ok_or_else(|| EditError::NotFound(key.clone()))?;
    let members: Vec<(usize, u32)> = it
        .proposals
        .iter()
        .enumerate()
        .map(|(i, p)| (i, p.number))
        .collect();
    let (changes, neighbour) = renumber(&members, from, to_rank);
    let mut edits = Vec::new();
    if let Some((n, before)) = neighbour {
        let to = move_target(&it.proposals, from, n, before);
        if to != from {
            edits.push(Edit::Move { key, to });
        }
    }
    for (pos, number) in changes {
        let mut p = it.proposals[pos].clone();
        p.number = number;
        edits.push(Edit::Replace(ItemValue::Proposal(p)));
    }
    Ok(Edit::Batch(edits))
}

/// The edit that moves gap `id` to place `to_rank` (from 0) among the gaps of its theme (小論点
/// order), in number order: numbers are handed out again in the new order, and the gap moves in
/// its file to sit by its new neighbour (or to the end of its file nearest to a neighbour in
/// another file).
pub fn move_gap(roadmap: &Roadmap, id: &GapId, to_rank: usize) -> Result<Edit, EditError> {
    let key = ItemKey::Gap(id.clone());
    let it = &roadmap.items;
    let from = key
        .position(it)
        .ok_or_else(|| EditError::NotFound(key.clone()))?;
    let theme = it.gaps[from].theme.clone();
    let members: Vec<(usize, u32)> = it
        .gaps
        .iter()
        .enumerate()
        .filter(|(_, g)| g.theme == theme)
        .map(|(i, g)| (i, g.number))
        .collect();
    let (changes, neighbour) = renumber(&members, from, to_rank);
    let mut edits = Vec::new();
    if let Some((n, before)) = neighbour {
        let to = move_target(&it.gaps, from, n, before);
        if to != from {
            edits.push(Edit::Move { key, to });
        }
    }
    for (pos, number) in changes {
        let mut g = it.gaps[pos].clone();
        g.number = number;
        edits.push(Edit::Replace(ItemValue::Gap(g)));
    }
    Ok(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbering_keeps_the_numbers_and_hands_them_out_in_the_new_order() {
        // Positions 0..4 hold numbers 1..4; move the third (number 3) to the front.
        let members = [(0, 1), (1, 2), (2, 3), (3, 4)];
        let (changes, neighbour) = renumber(&members, 2, 0);
        assert_eq!(changes, vec![(2, 1), (0, 2), (1, 3)]);
        assert_eq!(neighbour, Some((0, true)));
        // To the end: it sits after the last.
        let (changes, neighbour) = renumber(&members, 0, 9);
        assert_eq!(changes, vec![(1, 1), (2, 2), (3, 3), (0, 4)]);
        assert_eq!(neighbour, Some((3, false)));
    }

    #[test]
    fn a_gap_moved_before_a_gap_of_another_file_stays_among_its_files_gaps() {
        let mut roadmap = crate::bundled::open().expect("bundled").roadmap;
        let first = roadmap.items.gaps[0].clone();
        let mut other = roadmap
            .items
            .gaps
            .iter()
            .find(|g| g.origin != first.origin)
            .expect("gaps in two files")
            .clone();
        // In the first gap's theme, after it.
        other.theme.clone_from(&first.theme);
        other.number = first.number + 100;
        crate::edit::apply(&mut roadmap, Edit::Replace(ItemValue::Gap(other.clone())))
            .expect("rethemes");
        let moved = move_gap(&roadmap, &other.id, 0).expect("moves");
        crate::edit::apply(&mut roadmap, moved).expect("applies");
        // Each file's gaps are still together, as the files write them.
        let origins: Vec<_> = roadmap.items.gaps.iter().map(|g| g.origin).collect();
        for (i, o) in origins.iter().enumerate() {
            let again = origins[i + 1..].iter().position(|x| x == o);
            let between = again.is_some_and(|k| origins[i + 1..i + 1 + k].iter().any(|x| x != o));
            assert!(!between, "gaps of one file split at {i}");
        }
        let gap = |id: &GapId| roadmap.gap(id).expect("there").number;
        assert!(gap(&other.id) < gap(&first.id), "first in number order");
    }

    #[test]
    fn target_index_counts_after_taking_out() {
        assert_eq!(target_index(2, 0, true), 0);
        assert_eq!(target_index(0, 3, false), 3);
        assert_eq!(target_index(0, 3, true), 2);
    }
}
