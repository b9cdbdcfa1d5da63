//! The common edits take the in-place path, not a whole computation: the comparisons of the
//! property test are not only of whole computations.

use waymark::analysis::timeline::Grouping;
use waymark::edit;
use waymark::history::History;

use crate::follow::Follow;
use crate::ops::{Op, keys};
use crate::run;

/// Text changes and reschedules, the commonest edits, are followed in place, not computed whole:
/// the comparison above is not only of whole computations.
#[test]
fn common_edits_are_followed_in_place() {
    let mut doc = waymark::bundled::open().expect("the bundled roadmap opens");
    let mut follow = Some(Follow::new(
        &doc.roadmap,
        Grouping::Ministry,
        waymark::i18n::Lang::Ja,
        None,
    ));
    let mut history = History::new();
    let ops = [
        Op::Text {
            kind: 0,
            pick: 3,
            text: "あい".into(),
        },
        Op::Text {
            kind: 1,
            pick: 5,
            text: "う".into(),
        },
        Op::Text {
            kind: 3,
            pick: 1,
            text: "え".into(),
        },
        Op::Text {
            kind: 4,
            pick: 0,
            text: "お".into(),
        },
        Op::Reschedule {
            pick: 2,
            start_fy: 2024,
            years: 3,
        },
        Op::Reschedule {
            pick: 7,
            start_fy: 2030,
            years: 0,
        },
        Op::Undo,
    ];
    let mut applied = 0;
    for op in &ops {
        applied += run(&mut doc, &mut history, op, &mut follow).expect("follows");
    }
    let in_place = follow.expect("following").in_place;
    assert!(applied >= 5, "{applied} of the edits applied");
    assert_eq!(in_place, applied, "every one followed in place");
}

/// Link edits (link, unlink, a changed role, a reassigned ministry) are followed in place under
/// every grouping, and their undos too.
#[test]
fn link_edits_are_followed_in_place() {
    for grouping in [Grouping::Ministry, Grouping::Theme, Grouping::Proposal] {
        let mut doc = waymark::bundled::open().expect("the bundled roadmap opens");
        let mut follow = Some(Follow::new(
            &doc.roadmap,
            grouping,
            waymark::i18n::Lang::En,
            None,
        ));
        let mut history = History::new();
        let ops = [
            Op::Link {
                pair: 0,
                a: 2,
                b: 9,
            },
            Op::Link {
                pair: 1,
                a: 4,
                b: 1,
            },
            Op::Link {
                pair: 3,
                a: 6,
                b: 2,
            },
            Op::Unlink { pick: 5 },
            Op::SetRole { pick: 3, role: 2 },
            Op::Reassign { pick: 8, to: 2 },
            Op::Undo,
            Op::Undo,
        ];
        let mut applied = 0;
        for op in &ops {
            applied += run(&mut doc, &mut history, op, &mut follow).expect("follows");
        }
        let in_place = follow.expect("following").in_place;
        assert!(applied >= 6, "{grouping:?}: {applied} of the edits applied");
        assert_eq!(
            in_place, applied,
            "{grouping:?}: every one followed in place"
        );
    }
}

/// Creating an item of every kind Edit ▸ New makes, and deleting items that hold references and
/// links, are followed in place under every grouping and in both languages, and their undos
/// too.
#[test]
fn creations_and_deletions_are_followed_in_place() {
    let groupings = [Grouping::Theme, Grouping::Ministry, Grouping::Proposal];
    for (lang, grouping) in [waymark::i18n::Lang::Ja, waymark::i18n::Lang::En]
        .into_iter()
        .flat_map(|lang| groupings.map(|g| (lang, g)))
    {
        let mut doc = waymark::bundled::open().expect("the bundled roadmap opens");
        let mut follow = Some(Follow::new(&doc.roadmap, grouping, lang, None));
        let mut history = History::new();
        // One of every kind Edit ▸ New makes, the last two undone and made again.
        let mut ops: Vec<Op> = (0..9)
            .map(|kind| Op::Create {
                kind,
                pick: 1,
                text: "新しい項目".into(),
            })
            .collect();
        let last_two = ops[7..].to_vec();
        ops.extend([Op::Undo, Op::Undo]);
        ops.extend(last_two);
        // Items as the roadmap has them, holding references and joined by links: a measure, a
        // gap no proposal answers, a proposal, a KPI, a target state, a theme, a budget line,
        // an event and a note; each deletion undone and done again.
        for kind in [0, 1, 2, 3, 4, 5, 9, 10, 11] {
            let pick = keys(&doc.roadmap, kind)
                .iter()
                .position(|k| edit::delete_item(&doc.roadmap, k).is_ok())
                .expect("an item that can be deleted");
            ops.extend([
                Op::Delete { kind, pick },
                Op::Undo,
                Op::Delete { kind, pick },
            ]);
        }
        let mut applied = 0;
        for op in &ops {
            applied += run(&mut doc, &mut history, op, &mut follow).expect("follows");
        }
        let in_place = follow.expect("following").in_place;
        assert_eq!(
            applied,
            ops.len(),
            "{lang:?} {grouping:?}: every edit applied"
        );
        assert_eq!(
            in_place, applied,
            "{lang:?} {grouping:?}: every one followed in place"
        );
    }
}
