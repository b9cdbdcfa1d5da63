//! The index read by position agrees with the index read by ID.

use super::*;
use crate::model::LinkKind;
use crate::model::{GapId, Link, MeasureId};

fn bundled() -> Roadmap {
    crate::bundled::open()
        .expect("the bundled roadmap opens")
        .roadmap
}

#[test]
fn edges_by_position_are_the_edges_by_id_for_every_item() {
    let roadmap = bundled();
    let index = Index::build(&roadmap);
    let own = Own::counts(&roadmap);
    let mut at = vec![0usize; ItemKind::COUNT];
    let mut with_edges = 0;
    for item in all_items(&roadmap) {
        let kind = item.kind();
        let i = at[kind.ordinal()];
        at[kind.ordinal()] += 1;
        let by_id: Vec<_> = index.edges(&item).collect();
        let by_position: Vec<_> = index.edges_nth(kind, i).collect();
        assert_eq!(by_id, by_position, "{item:?}");
        with_edges += usize::from(!by_id.is_empty());
    }
    assert_eq!(at, own.to_vec(), "every item visited, kind by kind");
    assert!(
        with_edges > 200,
        "the bundled roadmap is well linked: {with_edges}"
    );
    for (i, g) in roadmap.items.gaps.iter().enumerate() {
        let r = ItemRef::Gap(g.id.clone());
        assert!(index.measures_of_nth_gap(i).eq(index.measures_of_gap(&r)));
    }
    for (i, m) in roadmap.items.measures.iter().enumerate() {
        let r = ItemRef::Measure(m.id.clone());
        assert!(index.gaps_of_nth_measure(i).eq(index.gaps_of_measure(&r)));
        assert!(
            index
                .ministries_of_nth_measure(i)
                .eq(index.ministries_of_measure(&r))
        );
    }
    // Past the last item of a kind there is nothing.
    assert_eq!(
        index
            .edges_nth(ItemKind::Gap, roadmap.items.gaps.len())
            .count(),
        0
    );
}

#[test]
fn duplicates_share_edges_and_dangling_ends_are_still_indexed() {
    let mut roadmap = bundled();
    let first = roadmap.items.gaps[0].clone();
    let gap = ItemRef::Gap(first.id.clone());
    // A second gap with the first one's ID, and a link from it to a measure that is not there.
    roadmap.items.gaps.push(first.clone());
    let missing = MeasureId::new("m.not-there").expect("id");
    let dangling = Link {
        link: LinkKind::AddressedBy {
            gap: first.id.clone(),
            measure: missing.clone(),
        },
        ..roadmap.items.links[0].clone()
    };
    roadmap.items.links.push(dangling);
    let index = Index::build(&roadmap);
    let last = roadmap.items.gaps.len() - 1;
    let by_id: Vec<_> = index.edges(&gap).collect();
    assert!(index.edges_nth(ItemKind::Gap, 0).eq(by_id.iter().copied()));
    assert!(
        index
            .edges_nth(ItemKind::Gap, last)
            .eq(by_id.iter().copied())
    );
    let dangling = ItemRef::Measure(missing);
    assert!(index.measures_of_gap(&gap).any(|m| m == &dangling));
    assert!(index.gaps_of_measure(&dangling).eq([&gap]));
    // The same ID as another kind of item is another item.
    let as_gap = ItemRef::Gap(GapId::new(dangling.id_str()).expect("id"));
    assert_eq!(index.edges(&as_gap).count(), 0);
}

#[test]
fn a_measure_through_a_programme_has_the_programmes_organisations_unless_it_names_its_own() {
    let mut roadmap = bundled();
    let programme = roadmap
        .items
        .measures
        .iter()
        .find(|m| m.kind == crate::model::MeasureKind::Programme)
        .expect("a programme")
        .id
        .clone();
    let carried = MeasureId::new("m.through-test").expect("id");
    let mut measure = roadmap.items.measures[0].clone();
    measure.id = carried.clone();
    measure.kind = crate::model::MeasureKind::Response;
    roadmap.items.measures.push(measure);
    let owner = crate::model::MinistryCode::new("厚").expect("code");
    let link = |link: LinkKind| Link {
        link,
        provenance: Provenance::Stated,
        note: None,
        source: None,
        origin: crate::model::FileId::default(),
    };
    roadmap.items.links.retain(
        |l| !matches!(&l.link, LinkKind::Responsible { measure, .. } if *measure == programme),
    );
    roadmap.items.links.push(link(LinkKind::Responsible {
        measure: programme.clone(),
        ministry: owner.clone(),
        role: Role::Lead,
    }));
    roadmap.items.links.push(link(LinkKind::Through {
        measure: carried.clone(),
        programme: programme.clone(),
    }));
    roadmap.reindex();

    let index = Index::build(&roadmap);
    let item = ItemRef::Measure(carried.clone());
    let inherited: Vec<_> = index
        .edges(&item)
        .filter(|e| matches!(e.relation, Relation::Responsible(_)))
        .collect();
    assert_eq!(inherited.len(), 1, "{inherited:?}");
    assert_eq!(inherited[0].other, &ItemRef::Ministry(owner.clone()));
    assert_eq!(inherited[0].provenance, Provenance::Editorial);
    assert!(
        inherited[0]
            .note
            .is_some_and(|n| n.contains(programme.as_str()))
    );

    // Its own responsible organisation replaces the programme's.
    roadmap.items.links.push(link(LinkKind::Responsible {
        measure: carried.clone(),
        ministry: crate::model::MinistryCode::new("文").expect("code"),
        role: Role::Lead,
    }));
    let index = Index::build(&roadmap);
    let own: Vec<_> = index.ministries_of_measure(&item).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].0.id_str(), "文");
}

#[test]
fn ministries_of_measures_name_each_ministry_once_with_its_leading_role() {
    let roadmap = bundled();
    let index = Index::build(&roadmap);
    let measure = |id: &str| ItemRef::Measure(MeasureId::new(id).expect("id"));
    let ministry =
        |code: &str| ItemRef::Ministry(crate::model::MinistryCode::new(code).expect("code"));
    // 提言①'s fourth action names three supporting ministries; its first names none.
    let got = index.ministries_of_measures(&[measure("m.p1.1"), measure("m.p1.4")]);
    // In the roadmap's order: 内, 文, 厚, 経.
    let want = [
        (ministry("文"), Role::Support),
        (ministry("厚"), Role::Support),
        (ministry("経"), Role::Support),
    ];
    assert_eq!(got, want.iter().map(|(m, r)| (m, *r)).collect::<Vec<_>>());
    // METI supports 提言①'s action and leads the 対応案 of 小論点1-3: lead wins.
    let got = index.ministries_of_measures(&[measure("m.p1.4"), measure("m.t1.3")]);
    assert!(got.contains(&(&ministry("経"), Role::Lead)), "{got:?}");
    assert_eq!(got.iter().filter(|(m, _)| **m == ministry("経")).count(), 1);
    assert!(index.ministries_of_measures(&[]).is_empty());
}
