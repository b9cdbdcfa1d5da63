//! The operations a person might do, as random strategies, and the edit each means.

use proptest::prelude::*;
use waymark::edit::{self, Edit, EditError, ItemKey};
use waymark::model::{
    EventKind, FySpan, ItemRef, KpiKind, LinkKind, MeasureKind, NoteKind, Provenance, Roadmap,
    Role, When,
};

/// What a person might do next; indices pick among the items there are at that moment.
#[derive(Clone, Debug)]
pub(crate) enum Op {
    Text {
        kind: u8,
        pick: usize,
        text: String,
    },
    Reschedule {
        pick: usize,
        start_fy: i32,
        years: i32,
    },
    Link {
        pair: u8,
        a: usize,
        b: usize,
    },
    Unlink {
        pick: usize,
    },
    SetRole {
        pick: usize,
        role: u8,
    },
    Create {
        kind: u8,
        pick: usize,
        text: String,
    },
    Delete {
        kind: u8,
        pick: usize,
    },
    MoveProposal {
        pick: usize,
        rank: usize,
    },
    MoveGap {
        pick: usize,
        rank: usize,
    },
    Reassign {
        pick: usize,
        to: usize,
    },
    Action {
        add: bool,
        proposal: usize,
        measure: usize,
    },
    KpiParent {
        a: usize,
        b: usize,
    },
    Undo,
    Group(Vec<Op>),
}

pub(crate) fn text() -> impl Strategy<Value = String> {
    "[a-zあ-ん'\" ]{0,10}"
}

pub(crate) fn leaf() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<u8>(), any::<usize>(), text()).prop_map(|(kind, pick, text)| Op::Text {
            kind,
            pick,
            text
        }),
        (any::<usize>(), 2010..2045i32, 0..12i32).prop_map(|(pick, start_fy, years)| {
            Op::Reschedule {
                pick,
                start_fy,
                years,
            }
        }),
        (any::<u8>(), any::<usize>(), any::<usize>()).prop_map(|(pair, a, b)| Op::Link {
            pair,
            a,
            b
        }),
        any::<usize>().prop_map(|pick| Op::Unlink { pick }),
        (any::<usize>(), any::<u8>()).prop_map(|(pick, role)| Op::SetRole { pick, role }),
        (any::<u8>(), any::<usize>(), text()).prop_map(|(kind, pick, text)| Op::Create {
            kind,
            pick,
            text
        }),
        (any::<u8>(), any::<usize>()).prop_map(|(kind, pick)| Op::Delete { kind, pick }),
        (any::<usize>(), 0..10usize).prop_map(|(pick, rank)| Op::MoveProposal { pick, rank }),
        (any::<usize>(), 0..20usize).prop_map(|(pick, rank)| Op::MoveGap { pick, rank }),
        (any::<usize>(), any::<usize>()).prop_map(|(pick, to)| Op::Reassign { pick, to }),
        (any::<bool>(), any::<usize>(), any::<usize>()).prop_map(|(add, proposal, measure)| {
            Op::Action {
                add,
                proposal,
                measure,
            }
        }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::KpiParent { a, b }),
        Just(Op::Undo),
    ]
}

pub(crate) fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => leaf(),
        1 => prop::collection::vec(leaf(), 1..5).prop_map(Op::Group),
    ]
}

pub(crate) fn pick<T>(list: &[T], i: usize) -> Option<&T> {
    (!list.is_empty()).then(|| &list[i % list.len()])
}

/// Every item's key, in a fixed order, for deletions.
pub(crate) fn keys(r: &Roadmap, kind: u8) -> Vec<ItemKey> {
    let it = &r.items;
    match kind % 12 {
        0 => it
            .measures
            .iter()
            .map(|x| ItemKey::Measure(x.id.clone()))
            .collect(),
        1 => it.gaps.iter().map(|x| ItemKey::Gap(x.id.clone())).collect(),
        2 => it
            .proposals
            .iter()
            .map(|x| ItemKey::Proposal(x.id.clone()))
            .collect(),
        3 => it.kpis.iter().map(|x| ItemKey::Kpi(x.id.clone())).collect(),
        4 => it
            .target_states
            .iter()
            .map(|x| ItemKey::Target(x.id.clone()))
            .collect(),
        5 => it
            .themes
            .iter()
            .map(|x| ItemKey::Theme(x.id.clone()))
            .collect(),
        6 => it
            .stages
            .iter()
            .map(|x| ItemKey::Stage(x.id.clone()))
            .collect(),
        7 => it
            .ministries
            .iter()
            .map(|x| ItemKey::Ministry(x.code.clone()))
            .collect(),
        8 => it
            .sources
            .iter()
            .map(|x| ItemKey::Source(x.id.clone()))
            .collect(),
        9 => it
            .budgets
            .iter()
            .map(|x| ItemKey::Budget(x.id.clone()))
            .collect(),
        10 => it
            .events
            .iter()
            .map(|x| ItemKey::Event(x.id.clone()))
            .collect(),
        _ => it
            .notes
            .iter()
            .map(|x| ItemKey::Note(x.id.clone()))
            .collect(),
    }
}

/// The edit an operation means on the roadmap as it is now; `None` when there is nothing to
/// pick from or the constructor refuses (as the UI would refuse the gesture).
pub(crate) fn edit_for(r: &Roadmap, op: &Op) -> Option<Result<Edit, EditError>> {
    let it = &r.items;
    Some(match op {
        Op::Text {
            kind,
            pick: i,
            text,
        } => match kind % 7 {
            0 => edit::edit_measure(r, &pick(&it.measures, *i)?.id, |m| m.text.clone_from(text)),
            // A theme's number tags its gaps; a theme or ministry names a timeline lane.
            5 => {
                let number = it.themes.iter().map(|t| t.number).max().unwrap_or(0) + 1;
                edit::edit_theme(r, &pick(&it.themes, *i)?.id, |t| {
                    t.title.clone_from(text);
                    t.number = number;
                })
            }
            6 => edit::edit_ministry(r, &pick(&it.ministries, *i)?.code, |m| {
                m.name.clone_from(text);
                m.name_en.clone_from(text);
            }),
            1 => edit::edit_gap(r, &pick(&it.gaps, *i)?.id, |g| g.text.clone_from(text)),
            2 => edit::edit_proposal(r, &pick(&it.proposals, *i)?.id, |p| {
                p.statement.clone_from(text);
            }),
            3 => edit::edit_kpi(r, &pick(&it.kpis, *i)?.id, |k| k.name.clone_from(text)),
            _ => edit::edit_target(r, &pick(&it.target_states, *i)?.id, |t| {
                t.text.clone_from(text);
            }),
        },
        Op::Reschedule {
            pick: i,
            start_fy,
            years,
        } => edit::reschedule(
            r,
            &pick(&it.measures, *i)?.id,
            FySpan {
                start_fy: *start_fy,
                end_fy: start_fy + years,
                provenance: Provenance::Assumed,
                basis: Some("drag".into()),
                end_provenance: None,
                end_basis: None,
            },
        ),
        Op::Link { pair, a, b } => {
            let m = |i: usize| pick(&it.measures, i).map(|x| ItemRef::Measure(x.id.clone()));
            let g = |i: usize| pick(&it.gaps, i).map(|x| ItemRef::Gap(x.id.clone()));
            let (from, to) = match pair % 7 {
                0 => (g(*a)?, m(*b)?),
                1 => (
                    m(*a)?,
                    ItemRef::Ministry(pick(&it.ministries, *b)?.code.clone()),
                ),
                2 => (
                    m(*a)?,
                    ItemRef::Target(pick(&it.target_states, *b)?.id.clone()),
                ),
                3 => (
                    g(*a)?,
                    ItemRef::Target(pick(&it.target_states, *b)?.id.clone()),
                ),
                4 => (g(*a)?, g(*b)?),
                5 => (m(*a)?, ItemRef::Kpi(pick(&it.kpis, *b)?.id.clone())),
                _ => (m(*a)?, m(*b)?),
            };
            edit::link_between(r, &from, &to)
                .and_then(|kind| edit::link(r, kind, Provenance::Editorial))
        }
        Op::Unlink { pick: i } => edit::unlink(r, &pick(&it.links, *i)?.link),
        Op::SetRole { pick: i, role } => {
            let responsible: Vec<usize> = (0..it.links.len())
                .filter(|&n| matches!(it.links[n].link, LinkKind::Responsible { .. }))
                .collect();
            let index = *pick(&responsible, *i)?;
            let new_role = [Role::Lead, Role::CoLead, Role::Support][usize::from(*role % 3)];
            edit::set_link(r, index, |l| {
                if let LinkKind::Responsible { role, .. } = &mut l.link {
                    *role = new_role;
                }
            })
        }
        Op::Create {
            kind,
            pick: i,
            text,
        } => {
            let text = if text.trim().is_empty() {
                "新規"
            } else {
                text
            };
            match kind % 9 {
                0 => edit::create_measure(r, None, MeasureKind::Response, text).map(|c| c.edit),
                1 => edit::create_measure(r, None, MeasureKind::Programme, text).map(|c| c.edit),
                2 => {
                    let theme = pick(&it.themes, *i).map(|t| t.id.clone());
                    edit::create_gap(r, None, theme, text).map(|c| c.edit)
                }
                3 => edit::create_proposal(r, None, pick(&it.gaps, *i)?.id.clone(), text)
                    .map(|c| c.edit),
                4 => edit::create_kpi(r, None, text, KpiKind::Output, "件").map(|c| c.edit),
                5 => edit::create_target(r, None, 2030, text).map(|c| c.edit),
                6 => edit::create_event(r, None, When::Year(2026), text, EventKind::Council)
                    .map(|c| c.edit),
                7 => edit::create_budget(r, None, text, 2025, 1.5).map(|c| c.edit),
                _ => edit::create_note(r, None, NoteKind::Statement, text).map(|c| c.edit),
            }
        }
        Op::Delete { kind, pick: i } => {
            edit::delete_item(r, pick(&keys(r, *kind), *i)?).map(|d| d.edit)
        }
        Op::MoveProposal { pick: i, rank } => {
            edit::move_proposal(r, &pick(&it.proposals, *i)?.id, *rank)
        }
        Op::MoveGap { pick: i, rank } => edit::move_gap(r, &pick(&it.gaps, *i)?.id, *rank),
        Op::Reassign { pick: i, to } => {
            let responsible: Vec<(&waymark::model::MeasureId, &waymark::model::MinistryCode)> = it
                .links
                .iter()
                .filter_map(|l| match &l.link {
                    LinkKind::Responsible {
                        measure, ministry, ..
                    } => Some((measure, ministry)),
                    _ => None,
                })
                .collect();
            let (m, from) = *pick(&responsible, *i)?;
            edit::reassign(r, m, from, &pick(&it.ministries, *to)?.code)
        }
        Op::Action {
            add,
            proposal,
            measure,
        } => {
            let p = &pick(&it.proposals, *proposal)?.id;
            let m = &pick(&it.measures, *measure)?.id;
            if *add {
                edit::add_action(r, p, m, Some(0))
            } else {
                edit::remove_action(r, p, m)
            }
        }
        Op::KpiParent { a, b } => {
            let parent = pick(&it.kpis, *b)?.id.clone();
            edit::edit_kpi(r, &pick(&it.kpis, *a)?.id, |k| k.parent = Some(parent))
        }
        Op::Undo | Op::Group(_) => return None,
    })
}
