//! The edit constructors on the bundled roadmap: links that make no sense are refused, deleting
//! an item unlinks it as one undoable step, a measure changes hands, proposals and 小論点 are
//! reordered, and a planner's new proposal survives a save and a reload.

#[path = "common/integrity.rs"]
mod integrity;

use integrity::integrity_errors;
use waymark::analysis::validate;
use waymark::diagnostic::Diagnostic;
use waymark::document::{Document, SaveOptions, save_as};
use waymark::edit::{
    self, Edit, EditError, ItemKey, ItemValue, apply, delete_item, link, link_between, move_gap,
    move_proposal, reassign, reschedule,
};
use waymark::history::History;
use waymark::i18n::Lang;
use waymark::model::{
    FySpan, GapId, ItemRef, KpiId, LinkKind, MeasureId, MeasureKind, MinistryCode, ProposalId,
    Provenance, Roadmap, Role, TargetId,
};

fn doc() -> Document {
    waymark::bundled::open().expect("the bundled roadmap opens")
}

fn measure(s: &str) -> MeasureId {
    MeasureId::new(s).expect("id")
}

fn gap(s: &str) -> GapId {
    GapId::new(s).expect("id")
}

fn code(s: &str) -> MinistryCode {
    MinistryCode::new(s).expect("code")
}

fn errors(doc: &Document) -> Vec<Diagnostic> {
    validate(&doc.roadmap, &doc.files)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

fn has_link(r: &Roadmap, kind: &LinkKind) -> bool {
    r.items.links.iter().any(|l| &l.link == kind)
}

#[test]
fn links_that_make_no_sense_are_refused() {
    let d = doc();
    let r = &d.roadmap;
    let addressed = LinkKind::AddressedBy {
        gap: gap("gap.t1.1"),
        measure: measure("m.t1.1"),
    };
    assert!(has_link(r, &addressed), "fixture: the link exists");
    assert!(matches!(
        link(r, addressed, Provenance::Editorial),
        Err(EditError::DuplicateLink(_))
    ));
    let missing = LinkKind::AddressedBy {
        gap: gap("gap.t1.1"),
        measure: measure("m.nowhere"),
    };
    assert!(matches!(
        link(r, missing, Provenance::Editorial),
        Err(EditError::Dangling {
            what: "measure",
            ..
        })
    ));
    let to_itself = LinkKind::Continues {
        earlier: gap("gap.t1.1"),
        later: gap("gap.t1.1"),
    };
    assert!(matches!(
        link(r, to_itself, Provenance::Editorial),
        Err(EditError::SelfLink(_))
    ));
    let not_a_programme = LinkKind::Through {
        measure: measure("m.t1.1"),
        programme: measure("m.t1.2"),
    };
    assert!(matches!(
        link(r, not_a_programme, Provenance::Editorial),
        Err(EditError::NotAProgramme(_))
    ));
    let unknown_ministry = LinkKind::Responsible {
        measure: measure("m.t1.1"),
        ministry: code("外"),
        role: Role::Lead,
    };
    assert!(matches!(
        link(r, unknown_ministry, Provenance::Editorial),
        Err(EditError::Dangling {
            what: "ministry",
            ..
        })
    ));
    let again_in_another_role = LinkKind::Responsible {
        measure: measure("m.t1.1"),
        ministry: code("文"),
        role: Role::Lead,
    };
    assert!(matches!(
        link(r, again_in_another_role, Provenance::Editorial),
        Err(EditError::DuplicateLink(_))
    ));
    let target = ItemRef::Target(TargetId::new("target.2030.1").expect("id"));
    let kpi = ItemRef::Kpi(KpiId::new("kpi.nonclinical-poc").expect("id"));
    assert!(r.contains(&target) && r.contains(&kpi), "fixture");
    assert!(matches!(
        link_between(r, &kpi, &target),
        Err(EditError::NoLinkBetween { .. })
    ));
    // A raw edit cannot get round the checks either.
    let mut r2 = r.clone();
    let raw = Edit::AddLink {
        index: 0,
        link: waymark::model::Link {
            link: LinkKind::SameAs {
                gap: gap("gap.t1.1"),
                other: gap("gap.nowhere"),
            },
            provenance: Provenance::Editorial,
            note: None,
            source: None,
            origin: waymark::model::FileId::default(),
        },
    };
    assert!(apply(&mut r2, raw).is_err());
    assert_eq!(&r2, r);
}

#[test]
fn a_drag_between_two_items_gives_the_link_they_imply() {
    let d = doc();
    let r = &d.roadmap;
    let m = ItemRef::Measure(measure("m.t1.1"));
    let ministry = ItemRef::Ministry(code("厚"));
    assert_eq!(
        link_between(r, &ministry, &m).expect("links"),
        LinkKind::Responsible {
            measure: measure("m.t1.1"),
            ministry: code("厚"),
            role: Role::CoLead,
        },
        "a measure that has responsible ministries gets a co-lead"
    );
    let programme = ItemRef::Measure(measure("prog.accel"));
    assert_eq!(
        link_between(r, &programme, &m).expect("links"),
        LinkKind::Through {
            measure: measure("m.t1.1"),
            programme: measure("prog.accel"),
        },
        "the programme end is found whichever way the drag went"
    );
}

#[test]
fn deleting_a_measure_unlinks_it_in_one_undoable_step() {
    let mut d = doc();
    let original = d.roadmap.clone();
    let key = ItemKey::Measure(measure("m.p1.1"));
    let deletion = delete_item(&d.roadmap, &key).expect("deletable");
    let lines = deletion.describe(&d.roadmap, Lang::En);
    assert!(
        lines.iter().any(|l| l.contains("`actions`")),
        "the proposal's action list is named: {lines:?}"
    );
    let ja = deletion.describe(&d.roadmap, Lang::Ja);
    assert!(ja.iter().any(|l| l.contains("提言")), "{ja:?}");
    let mut h = History::new();
    h.apply(&mut d.roadmap, deletion.edit).expect("applies");
    assert!(!d.roadmap.contains(&ItemRef::Measure(measure("m.p1.1"))));
    assert!(edit::references_to(&d.roadmap, &key).is_empty());
    assert_eq!(integrity_errors(&d), Vec::new());
    assert_eq!(h.undo_len(), 1, "one step");
    h.undo(&mut d.roadmap).expect("undo");
    assert_eq!(d.roadmap, original);
}

#[test]
fn every_item_of_the_bundled_roadmap_can_be_deleted_cleanly_or_is_refused_with_reason() {
    let d = doc();
    let r = &d.roadmap;
    let it = &r.items;
    let mut keys: Vec<ItemKey> = Vec::new();
    keys.extend(it.sources.iter().map(|x| ItemKey::Source(x.id.clone())));
    keys.extend(
        it.ministries
            .iter()
            .map(|x| ItemKey::Ministry(x.code.clone())),
    );
    keys.extend(it.stages.iter().map(|x| ItemKey::Stage(x.id.clone())));
    keys.extend(
        it.target_states
            .iter()
            .map(|x| ItemKey::Target(x.id.clone())),
    );
    keys.extend(it.themes.iter().map(|x| ItemKey::Theme(x.id.clone())));
    keys.extend(it.gaps.iter().map(|x| ItemKey::Gap(x.id.clone())));
    keys.extend(it.measures.iter().map(|x| ItemKey::Measure(x.id.clone())));
    keys.extend(it.kpis.iter().map(|x| ItemKey::Kpi(x.id.clone())));
    let mut refused = 0;
    for key in keys {
        let mut d2 = d.clone();
        match delete_item(r, &key) {
            Ok(deletion) => {
                let inverse = apply(&mut d2.roadmap, deletion.edit)
                    .unwrap_or_else(|e| panic!("deleting {key}: {e}"));
                assert!(key.get(&d2.roadmap).is_none(), "{key} is gone");
                assert_eq!(integrity_errors(&d2), Vec::new(), "after deleting {key}");
                apply(&mut d2.roadmap, inverse).expect("undo");
                assert_eq!(&d2.roadmap, r, "undoing the deletion of {key}");
            }
            Err(EditError::Required { by, .. }) => {
                assert!(matches!(key, ItemKey::Gap(_)), "{key}");
                assert!(by.iter().any(|b| b.contains("Proposal")), "{by:?}");
                refused += 1;
            }
            Err(e) => panic!("deleting {key}: {e}"),
        }
    }
    assert!(
        refused > 0,
        "the 2018 gaps answered by proposals are refused"
    );
}

#[test]
fn a_raw_remove_of_an_item_still_referred_to_is_refused() {
    let mut d = doc();
    let before = d.roadmap.clone();
    let e = apply(
        &mut d.roadmap,
        Edit::Remove(ItemKey::Measure(measure("m.t1.1"))),
    );
    assert!(matches!(e, Err(EditError::StillReferenced { .. })), "{e:?}");
    assert_eq!(d.roadmap, before);
}

#[test]
fn a_failing_batch_changes_nothing() {
    let mut d = doc();
    let before = d.roadmap.clone();
    let span = FySpan {
        start_fy: 2020,
        end_fy: 2021,
        provenance: Provenance::Editorial,
        basis: Some("test".into()),
        end_provenance: None,
        end_basis: None,
    };
    let ok = reschedule(&d.roadmap, &measure("m.t1.1"), span).expect("edit");
    let batch = Edit::Batch(vec![ok, Edit::Remove(ItemKey::Measure(measure("m.t1.1")))]);
    assert!(apply(&mut d.roadmap, batch).is_err());
    assert_eq!(d.roadmap, before);
}

#[test]
fn reschedule_refuses_a_span_that_ends_before_it_starts() {
    let d = doc();
    let span = FySpan {
        start_fy: 2025,
        end_fy: 2024,
        provenance: Provenance::Editorial,
        basis: None,
        end_provenance: None,
        end_basis: None,
    };
    assert!(matches!(
        reschedule(&d.roadmap, &measure("m.t1.1"), span),
        Err(EditError::SpanOrder { .. })
    ));
}

#[test]
fn a_kpi_cannot_become_its_own_ancestor() {
    let d = doc();
    let r = &d.roadmap;
    let child = r
        .items
        .kpis
        .iter()
        .find(|k| k.parent.is_some())
        .expect("fixture: a KPI with a parent");
    let parent = child.parent.clone().expect("parent");
    let e = edit::edit_kpi(r, &parent, |k| k.parent = Some(child.id.clone())).expect("edit");
    let mut r2 = r.clone();
    assert!(matches!(apply(&mut r2, e), Err(EditError::Cycle(_))));
}

#[test]
fn a_measure_is_handed_to_another_ministry_in_one_step() {
    let mut handed = doc();
    let r = &handed.roadmap;
    let from = LinkKind::Responsible {
        measure: measure("m.t1.2"),
        ministry: code("文"),
        role: Role::Lead,
    };
    let index = r
        .items
        .links
        .iter()
        .position(|l| l.link == from)
        .expect("fixture");
    let e = reassign(r, &measure("m.t1.2"), &code("文"), &code("厚")).expect("edit");
    apply(&mut handed.roadmap, e).expect("applies");
    let changed = &handed.roadmap.items.links[index];
    assert_eq!(
        changed.link,
        LinkKind::Responsible {
            measure: measure("m.t1.2"),
            ministry: code("厚"),
            role: Role::Lead,
        }
    );
    assert_eq!(changed.provenance, Provenance::Editorial);
    // To a ministry already responsible: the other link goes.
    let r = &handed.roadmap;
    let count = r.items.links.len();
    let e = reassign(r, &measure("m.t1.1"), &code("文"), &code("経")).expect("edit");
    apply(&mut handed.roadmap, e).expect("applies");
    assert_eq!(handed.roadmap.items.links.len(), count - 1);
    assert!(matches!(
        reassign(
            &handed.roadmap,
            &measure("m.t1.1"),
            &code("文"),
            &code("厚")
        ),
        Err(EditError::NotResponsible { .. })
    ));
    assert!(
        reassign(
            &handed.roadmap,
            &measure("m.t1.1"),
            &code("経"),
            &code("経")
        )
        .expect("no-op")
        .is_noop()
    );
}

#[test]
fn proposals_are_reordered_keeping_their_numbers_unique() {
    let mut d = doc();
    let third = ProposalId::new("prop.3").expect("id");
    assert_eq!(
        d.roadmap.proposal(&third).map(|p| p.number),
        Some(3),
        "fixture"
    );
    let e = move_proposal(&d.roadmap, &third, 0).expect("edit");
    apply(&mut d.roadmap, e).expect("applies");
    let mut by_number: Vec<(u32, &str)> = d
        .roadmap
        .items
        .proposals
        .iter()
        .map(|p| (p.number, p.id.as_str()))
        .collect();
    by_number.sort_unstable();
    assert_eq!(
        by_number.iter().take(4).map(|x| x.1).collect::<Vec<_>>(),
        ["prop.3", "prop.1", "prop.2", "prop.4"]
    );
    let in_list: Vec<&str> = d
        .roadmap
        .items
        .proposals
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        &in_list[..3],
        ["prop.3", "prop.1", "prop.2"],
        "file order follows"
    );
    assert_eq!(errors(&d), Vec::new());
}

#[test]
fn gaps_are_reordered_within_their_theme() {
    let mut d = doc();
    let r = &d.roadmap;
    let g = gap("gap.t1.1");
    let theme = r.gap(&g).and_then(|x| x.theme.clone());
    let in_theme = |r: &Roadmap| -> Vec<(u32, String)> {
        let mut v: Vec<(u32, String)> = r
            .items
            .gaps
            .iter()
            .filter(|x| x.theme == theme)
            .map(|x| (x.number, x.id.to_string()))
            .collect();
        v.sort();
        v
    };
    let before = in_theme(r);
    assert!(before.len() >= 3, "fixture");
    let e = move_gap(r, &g, 2).expect("edit");
    apply(&mut d.roadmap, e).expect("applies");
    let after = in_theme(&d.roadmap);
    assert_eq!(after[2].1, "gap.t1.1");
    assert_eq!(
        after.iter().map(|x| x.0).collect::<Vec<_>>(),
        before.iter().map(|x| x.0).collect::<Vec<_>>(),
        "the same numbers"
    );
    assert_eq!(errors(&d), Vec::new());
}

#[test]
fn fresh_ids_are_unique() {
    let mut d = doc();
    let mut h = History::new();
    let mut ids = Vec::new();
    for _ in 0..3 {
        let c = edit::create_measure(&d.roadmap, None, MeasureKind::Response, "新しい施策")
            .expect("create");
        ids.push(c.id.clone());
        h.apply(&mut d.roadmap, c.edit).expect("applies");
    }
    assert_eq!(ids[0].as_str(), "m.new1");
    assert_eq!(ids[2].as_str(), "m.new3");
    assert!(edit::fresh_id(&d.roadmap, "bad id ").is_err());
}

/// The "done" scenario, at the model level: a new proposal with two measures linked to
/// a gap and two ministries, moved on the timeline, undone and redone, saved and reloaded.
#[test]
fn a_planner_builds_a_proposal_saves_and_reloads_it() {
    let mut planned = doc();
    let mut history = History::new();
    let answered = gap("gap.t1.1");
    history.begin_group();
    let proposal = edit::create_proposal(&planned.roadmap, None, answered.clone(), "提言の本文")
        .expect("proposal");
    history
        .apply(&mut planned.roadmap, proposal.edit)
        .expect("applies");
    let mut measures = Vec::new();
    for (text, ministry) in [("施策一", "文"), ("施策二", "厚")] {
        let created =
            edit::create_measure(&planned.roadmap, None, MeasureKind::ProposalAction, text)
                .expect("measure");
        history
            .apply(&mut planned.roadmap, created.edit)
            .expect("applies");
        let step =
            edit::add_action(&planned.roadmap, &proposal.id, &created.id, None).expect("action");
        history.apply(&mut planned.roadmap, step).expect("applies");
        for other in [
            ItemRef::Gap(answered.clone()),
            ItemRef::Ministry(code(ministry)),
        ] {
            let kind = link_between(
                &planned.roadmap,
                &ItemRef::Measure(created.id.clone()),
                &other,
            )
            .expect("linkable");
            let step = link(&planned.roadmap, kind, Provenance::Editorial).expect("link");
            history.apply(&mut planned.roadmap, step).expect("applies");
        }
        measures.push(created.id);
    }
    history.end_group();
    let span = |a, b| FySpan {
        start_fy: a,
        end_fy: b,
        provenance: Provenance::Editorial,
        basis: Some("計画".into()),
        end_provenance: None,
        end_basis: None,
    };
    // A drag: many reschedules, one step.
    history.begin_group();
    for end in 2026..=2030 {
        let step = reschedule(&planned.roadmap, &measures[0], span(2025, end)).expect("edit");
        history.apply(&mut planned.roadmap, step).expect("applies");
    }
    history.end_group();
    assert_eq!(history.undo_len(), 2);
    let edited = planned.roadmap.clone();
    history.undo(&mut planned.roadmap).expect("undo");
    assert_eq!(
        planned
            .roadmap
            .measure(&measures[0])
            .and_then(|m| m.span.clone()),
        None
    );
    history.redo(&mut planned.roadmap).expect("redo");
    assert_eq!(planned.roadmap, edited);
    assert_eq!(errors(&planned), Vec::new());

    let dir = tempfile::tempdir().expect("temp dir");
    let entry = dir.path().join("planned.ron");
    save_as(&mut planned, &entry, SaveOptions::default()).expect("saves");
    history.mark_saved();
    assert!(!history.is_dirty());
    let reloaded = waymark::document::open(&waymark::document::Disk, &entry).expect("reloads");
    assert_eq!(reloaded.roadmap.items, planned.roadmap.items);
    assert_eq!(reloaded.roadmap.header, planned.roadmap.header);
    let saved = reloaded
        .roadmap
        .proposal(&proposal.id)
        .expect("the proposal");
    assert_eq!(saved.actions, measures);
    let value = ItemKey::Measure(measures[0].clone()).get(&reloaded.roadmap);
    let Some(ItemValue::Measure(m)) = value else {
        panic!("the measure is there");
    };
    assert_eq!(m.span, Some(span(2025, 2030)));
}

/// Every reference field is checked when an item is replaced, not only some: a KPI's target
/// states, a proposal's organisations, a budget's recipient, an event's items and a note's
/// subject all refuse an item that does not exist, and nothing changes.
#[test]
fn a_replaced_item_may_not_refer_to_anything_missing() {
    let doc = doc();
    let r = &doc.roadmap;
    let it = &r.items;
    let missing_target = TargetId::new("target.nowhere").expect("id");
    let mut kpi = it.kpis[0].clone();
    kpi.targets.push(missing_target);
    let mut proposal = it.proposals[0].clone();
    proposal.ministries.push(code("無"));
    let mut budget = it.budgets[0].clone();
    budget.recipient = Some(code("無"));
    let mut event = it.events[0].clone();
    event.concerns.push(ItemRef::Gap(gap("gap.nowhere")));
    let mut note = it.notes[0].clone();
    note.about = Some(ItemRef::Measure(measure("m.nowhere")));
    for (value, what) in [
        (ItemValue::Kpi(kpi), "target state"),
        (ItemValue::Proposal(proposal), "ministry"),
        (ItemValue::Budget(budget), "ministry"),
        (ItemValue::Event(event), "gap"),
        (ItemValue::Note(note), "measure"),
    ] {
        let key = value.key();
        let mut copy = r.clone();
        let result = apply(&mut copy, Edit::Replace(value));
        assert!(
            matches!(&result, Err(EditError::Dangling { what: w, .. }) if *w == what),
            "{key}: {result:?}"
        );
        assert_eq!(&copy, r, "{key}: nothing changes");
    }
}
