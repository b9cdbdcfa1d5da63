//! Random sequences of edits on the bundled roadmap, as the views would make them (change a text,
//! reschedule, link and unlink, create and delete, reorder, hand a measure over, undo, group):
//! every intermediate roadmap keeps its integrity (no dangling reference, self-link, wrong link
//! kind, cycle or duplicate ID), undoing everything gives back the original, redoing everything
//! the edited roadmap, and the edited roadmap saves and reads back identically. What the views
//! show, updated from what each edit touched, equals what a whole computation gives.

#[path = "../common/integrity.rs"]
mod integrity;

mod follow;
mod in_place;
mod ops;

use std::collections::HashMap;
use std::path::PathBuf;

use integrity::integrity_errors;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use waymark::analysis::timeline::Grouping;
use waymark::document::Document;

use waymark::history::History;
use waymark::model::{Roadmap, canonical_text, parse_roadmap};
use waymark::recovery::Overlay;

use crate::follow::Follow;
use crate::ops::{Op, edit_for, leaf, op};

/// Runs `op`, checking integrity after every change (and what `follow` derives, if given).
/// Returns how many edits were applied.
fn run(
    doc: &mut Document,
    history: &mut History,
    op: &Op,
    follow: &mut Option<Follow>,
) -> Result<usize, TestCaseError> {
    match op {
        Op::Undo => {
            let undone = history
                .undo(&mut doc.roadmap)
                .map_err(|e| TestCaseError::fail(format!("undo failed: {e}")))?;
            check(doc, op)?;
            if let Some(f) = follow {
                f.follow(&doc.roadmap, history)?;
            }
            Ok(usize::from(undone))
        }
        Op::Group(ops) => {
            history.begin_group();
            let mut n = 0;
            for op in ops.iter().filter(|o| !matches!(o, Op::Undo)) {
                n += run(doc, history, op, follow)?;
            }
            history.end_group();
            Ok(n)
        }
        _ => match edit_for(&doc.roadmap, op) {
            None | Some(Err(_)) => Ok(0),
            Some(Ok(edit)) => {
                let before = doc.roadmap.clone();
                if history.apply(&mut doc.roadmap, edit).is_ok() {
                    check(doc, op)?;
                    if let Some(f) = follow {
                        f.follow(&doc.roadmap, history)?;
                    }
                    Ok(1)
                } else {
                    // The gate refused (a KPI cycle, a changed programme): nothing moved.
                    prop_assert_eq!(&doc.roadmap, &before);
                    Ok(0)
                }
            }
        },
    }
}

fn check(doc: &Document, op: &Op) -> Result<(), TestCaseError> {
    let errors = integrity_errors(doc);
    prop_assert!(errors.is_empty(), "after {:?}: {:?}", op, errors);
    let kept: Vec<String> = doc
        .canonical_texts()
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect();
    prop_assert!(
        kept == canonical_text(&doc.roadmap),
        "after {:?}, the texts kept for saving are the roadmap's",
        op
    );
    Ok(())
}

/// Reads the roadmap back from its canonical texts, as a save and a reload would.
fn reload(doc: &Document) -> Roadmap {
    let texts: HashMap<PathBuf, String> = doc
        .files
        .iter()
        .zip(canonical_text(&doc.roadmap))
        .map(|(f, t)| (f.path.clone(), t))
        .collect();
    let fs = Overlay::new(&waymark::bundled::Bundled, texts);
    parse_roadmap(&fs, doc.entry_path())
        .expect("an edited roadmap reads back")
        .roadmap
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        rng_seed: RngSeed::Fixed(0x5741_594d),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_edits_undo_and_redo_exactly(ops in prop::collection::vec(op(), 1..24)) {
        let mut doc = waymark::bundled::open().expect("the bundled roadmap opens");
        let original = doc.roadmap.clone();
        let mut history = History::new();
        let mut applied = 0;
        for op in &ops {
            applied += run(&mut doc, &mut history, op, &mut None)?;
        }
        let edited = doc.roadmap.clone();
        prop_assert_eq!(history.is_dirty(), history.can_undo());
        prop_assert!(edited == original || history.is_dirty());
        let reloaded = reload(&doc);
        prop_assert!(reloaded.items == edited.items, "the edited roadmap reads back as it was");

        let steps = history.undo_len();
        let undone_before = history.redo_len();
        while history.undo(&mut doc.roadmap).map_err(|e| TestCaseError::fail(e.to_string()))? {
            check(&doc, &Op::Undo)?;
        }
        prop_assert!(doc.roadmap == original, "undo all gives back the original");
        prop_assert!(!history.is_dirty());
        prop_assert_eq!(history.redo_len(), steps + undone_before);
        for _ in 0..steps {
            let redone = history.redo(&mut doc.roadmap).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(redone);
            check(&doc, &Op::Undo)?;
        }
        prop_assert!(doc.roadmap == edited, "redo all gives back the edited roadmap");
        prop_assert_eq!(history.redo_len(), undone_before);
        prop_assert!(applied >= steps);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        rng_seed: RngSeed::Fixed(0x5741_594e),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn derived_data_follows_every_edit_and_undo(
        ops in prop::collection::vec(op(), 1..24),
        grouping in prop_oneof![Just(Grouping::Ministry), Just(Grouping::Theme), Just(Grouping::Proposal)],
        english in any::<bool>(),
        focus in prop::option::of(1..=3u8),
    ) {
        let mut doc = waymark::bundled::open().expect("the bundled roadmap opens");
        let lang = if english { waymark::i18n::Lang::En } else { waymark::i18n::Lang::Ja };
        let mut follow = Some(Follow::new(&doc.roadmap, grouping, lang, focus));
        let mut history = History::new();
        for op in &ops {
            run(&mut doc, &mut history, op, &mut follow)?;
        }
        while history.undo(&mut doc.roadmap).map_err(|e| TestCaseError::fail(e.to_string()))? {
            if let Some(f) = &mut follow {
                f.follow(&doc.roadmap, &mut history)?;
            }
        }
    }
}

/// The strategy reaches the interesting edits: over a fixed run, most kinds of operation apply.
#[test]
fn the_random_edits_are_not_all_refused() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        ProptestConfig::default(),
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let mut doc = waymark::bundled::open().expect("the bundled roadmap opens");
    let mut history = History::new();
    let mut applied: HashMap<&'static str, usize> = HashMap::new();
    for _ in 0..400 {
        let op = leaf().new_tree(&mut runner).expect("a value").current();
        let name = match op {
            Op::Text { .. } => "text",
            Op::Reschedule { .. } => "reschedule",
            Op::Link { .. } => "link",
            Op::Unlink { .. } => "unlink",
            Op::SetRole { .. } => "role",
            Op::Create { .. } => "create",
            Op::Delete { .. } => "delete",
            Op::MoveProposal { .. } | Op::MoveGap { .. } => "move",
            Op::Reassign { .. } => "reassign",
            Op::Action { .. } => "action",
            Op::KpiParent { .. } => "parent",
            Op::Undo | Op::Group(_) => "undo",
        };
        if run(&mut doc, &mut history, &op, &mut None).expect("integrity holds") > 0 {
            *applied.entry(name).or_default() += 1;
        }
    }
    for name in [
        "text",
        "reschedule",
        "link",
        "unlink",
        "role",
        "create",
        "delete",
        "move",
        "reassign",
        "action",
        "undo",
    ] {
        assert!(
            applied.get(name).copied().unwrap_or(0) > 0,
            "no {name} edit applied: {applied:?}"
        );
    }
}
