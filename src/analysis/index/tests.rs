//! The index read by position agrees with the index read by ID.

use super::*;
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
    roadmap.items.links.push(Link {
        link: LinkKind::AddressedBy {
            gap: first.id.clone(),
            measure: missing.clone(),
        },
        ..roadmap.items.links[0].clone()
    });
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
