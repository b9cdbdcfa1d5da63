//! Editing a roadmap too large to check within a frame: the edit's frame does not wait for the
//! diagnostics, which arrive from a worker and then match the document — after an edit, and
//! again after its undo — exactly as a check of the document itself gives them.

use std::time::{Duration, Instant};

use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Action;
use waymark::diagnostic::Diagnostic;
use waymark::edit::{self, Edit, ItemValue};
use waymark::model::{LinkKind, Provenance};

mod common;

type Harness = egui_kittest::Harness<'static, waymark::app::WaymarkApp>;

/// Steps the app while `busy` holds (at most a minute), then once more.
fn step_while(h: &mut Harness, what: &str, busy: impl Fn(&waymark::app::WaymarkApp) -> bool) {
    let start = Instant::now();
    while busy(h.state()) {
        assert!(
            start.elapsed() < Duration::from_mins(1),
            "{what} never ends"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.step();
}

/// Steps the app until its worker's check has ended.
fn until_checked(h: &mut Harness) {
    step_while(h, "the check", waymark::app::WaymarkApp::is_checking);
}

/// The app on a roadmap thirteen times the bundled one (past what is checked and saved within
/// the frame), generated with `seed` into a folder of its own; returned with the folders.
fn large(seed: u64) -> (Harness, tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = waymark::bundled::open().expect("bundled");
    let roadmap = waymark::generate::generate(&base.roadmap, 13, seed).expect("generates");
    assert!(roadmap.items.count() > 5_000);
    let entry = waymark::generate::write(&roadmap, dir.path()).expect("writes");
    let recovery = tempfile::tempdir().expect("temp dir");
    let mut h = common::harness(common::options(Some(entry), recovery.path()));
    step_while(&mut h, "the load", |app| {
        app.document().is_none() || app.is_loading()
    });
    (h, dir, recovery)
}

/// The edit that makes the `i`-th stated measure with a source stop citing it (one more
/// `no-source` warning), with the measure's ID.
fn unsourced(h: &Harness, i: usize) -> (waymark::model::MeasureId, Action) {
    let doc = h.state().document().expect("loaded");
    let mut m = doc
        .roadmap
        .items
        .measures
        .iter()
        .filter(|m| m.source.is_some() && m.provenance == Provenance::Stated)
        .nth(i)
        .expect("stated measures with a source")
        .clone();
    m.source = None;
    let id = m.id.clone();
    (
        id,
        Action::Edit(Box::new(Edit::Replace(ItemValue::Measure(m)))),
    )
}

fn no_source_warnings(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.rule == "no-source").count()
}

#[test]
fn a_large_roadmap_is_checked_on_a_worker_and_its_diagnostics_follow_edits() {
    let (mut h, _dir, _recovery) = large(1);
    let before = h.state().diagnostics().to_vec();

    // A stated measure that stops citing its source: one more `no-source` warning.
    let (id, unsourced) = unsourced(&h, 0);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![unsourced]);
    assert!(
        h.state().is_checking(),
        "the check runs on a worker, not in the edit's frame"
    );
    assert_eq!(
        h.state().diagnostics(),
        before.as_slice(),
        "not yet updated"
    );
    until_checked(&mut h);
    let after = h.state().diagnostics().to_vec();
    assert_eq!(no_source_warnings(&after), no_source_warnings(&before) + 1);
    let doc = h.state().document().expect("loaded");
    assert_eq!(
        after,
        doc.diagnostics(),
        "the worker's check is the document's"
    );
    let warning = after
        .iter()
        .find(|d| d.rule == "no-source" && !before.contains(d))
        .expect("the new warning");
    assert!(
        warning
            .snippet
            .as_deref()
            .is_some_and(|s| s.contains(id.as_str())),
        "placed at the measure: {warning:?}"
    );

    h.state_mut().apply(&ctx, vec![Action::Undo]);
    until_checked(&mut h);
    assert_eq!(h.state().diagnostics(), before.as_slice());
}

/// An edit that lands just as a check starts, while its worker may still be copying its
/// snapshot, either stops that check or leaves it to finish on a copy of its own; either way
/// the diagnostics end up those of the document as edited, once edits pause.
#[test]
fn an_edit_as_a_check_starts_leaves_the_diagnostics_right() {
    let (mut h, _dir, _recovery) = large(4);
    let ctx = h.ctx.clone();
    let before = no_source_warnings(h.state().diagnostics());
    for i in 0..3 {
        let (_, first) = unsourced(&h, i * 2);
        h.state_mut().apply(&ctx, vec![first]);
        h.step();
        // The check waits for edits to pause, then starts.
        step_while(&mut h, "the pause", |app| !app.is_check_running());
        let (_, second) = unsourced(&h, i * 2 + 1);
        h.state_mut().apply(&ctx, vec![second]);
        assert!(h.state().is_checking(), "the second edit is still to check");
        until_checked(&mut h);
        let after = h.state().diagnostics().to_vec();
        assert_eq!(no_source_warnings(&after), before + 2 * (i + 1));
        assert_eq!(after, h.state().document().expect("loaded").diagnostics());
    }
}

/// Saving a large roadmap runs on a worker: the window keeps drawing and the document stays
/// editable; an edit made while the save runs is not half-saved but stays unsaved, and the
/// next save writes it.
#[test]
fn a_large_roadmap_saves_on_a_worker_and_later_edits_stay_unsaved() {
    let (mut h, dir, _recovery) = large(2);
    let ctx = h.ctx.clone();
    let edit = |h: &Harness, i: usize, text: &str| {
        let doc = h.state().document().expect("loaded");
        let mut m = doc.roadmap.items.measures[i].clone();
        m.text = text.to_owned();
        Action::Edit(Box::new(Edit::Replace(ItemValue::Measure(m))))
    };
    let first = edit(&h, 0, "保存される編集");
    h.state_mut().apply(&ctx, vec![first, Action::Save]);
    assert!(h.state().is_saving(), "the save runs on a worker");
    // Editing goes on while it saves.
    let second = edit(&h, 1, "保存の後の編集");
    h.state_mut().apply(&ctx, vec![second]);
    step_while(&mut h, "the save", waymark::app::WaymarkApp::is_saving);
    assert!(
        h.state().is_dirty(),
        "the edit made while saving is unsaved"
    );
    let on_disk = |needle: &str| {
        walk(dir.path())
            .iter()
            .any(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains(needle)))
    };
    assert!(on_disk("保存される編集"));
    assert!(!on_disk("保存の後の編集"));

    // Saved again while the first save still ran: that save follows it.
    let third = edit(&h, 2, "続けて保存する編集");
    h.state_mut()
        .apply(&ctx, vec![Action::Save, third, Action::Save]);
    assert!(h.state().is_saving());
    step_while(&mut h, "the saves", waymark::app::WaymarkApp::is_saving);
    assert!(!h.state().is_dirty());
    assert!(on_disk("保存の後の編集"));
    assert!(on_disk("続けて保存する編集"));
}

/// Every file below `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The navigator of a large roadmap lays out only the rows in sight: a section longer than a
/// hundred rows scrolls on its own, so a frame does not cost a label for every item.
#[test]
fn a_large_roadmaps_navigator_draws_only_rows_in_sight() {
    let (mut h, _dir, _recovery) = large(3);
    h.step();
    let proposals = h
        .state()
        .document()
        .expect("loaded")
        .roadmap
        .items
        .proposals
        .len();
    assert!(proposals > 100, "{proposals} proposals");
    let drawn = h
        .query_all_by_label_contains("提言")
        .filter(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("提言"))
        })
        .count();
    assert!(drawn > 0, "the first proposals are listed");
    assert!(
        drawn < proposals / 2,
        "{drawn} of {proposals} proposals laid out"
    );
}

/// The first measure of the roadmap `h` shows that has a span.
fn scheduled_measure(h: &Harness) -> waymark::model::Measure {
    h.state()
        .document()
        .expect("loaded")
        .roadmap
        .items
        .measures
        .iter()
        .find(|m| m.span.is_some())
        .expect("a measure with a span")
        .clone()
}

#[test]
fn a_large_roadmaps_views_follow_a_burst_of_edits_from_a_worker() {
    let (mut h, _dir, _recovery) = large(3);
    let shown = h.state().derived().expect("derived").generation;
    let measure = scheduled_measure(&h);
    let ctx = h.ctx.clone();
    // Three moves of one measure, a year each, each with a gap moved to another place among
    // the gaps (an item moved: everything is computed again), one after another before any
    // frame.
    for years in 1..=3 {
        let mut moved = measure.clone();
        let span = moved.span.as_mut().expect("span");
        span.start_fy += years;
        span.end_fy += years;
        let roadmap = &h.state().document().expect("loaded").roadmap;
        let last = roadmap.items.gaps.last().expect("a gap").id.clone();
        let gap = edit::move_gap(roadmap, &last, 0).expect("moves");
        let edit = Edit::Batch(vec![Edit::Replace(ItemValue::Measure(moved)), gap]);
        h.state_mut()
            .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
        // The edit is in the document at once; the views keep the layout they had while a
        // worker lays out the new state.
        assert!(h.state().is_deriving());
        assert_eq!(h.state().derived().expect("derived").generation, shown);
    }
    h.step();
    step_while(&mut h, "the layout", waymark::app::WaymarkApp::is_deriving);

    // What the views show is what a whole computation of the document gives.
    let app = h.state();
    let roadmap = &app.document().expect("loaded").roadmap;
    let derived = app.derived().expect("derived");
    assert_ne!(derived.generation, shown);
    let whole = waymark::analysis::derived::Derived::compute(roadmap, derived.inputs.clone());
    assert_eq!(derived.timeline, whole.timeline);
    assert_eq!(derived.linkage, whole.linkage);
    let span = roadmap
        .measure(&measure.id)
        .and_then(|m| m.span.clone())
        .expect("span");
    assert_eq!(
        span.start_fy,
        measure.span.as_ref().expect("span").start_fy + 3
    );
}

#[test]
fn a_large_roadmaps_measure_moves_in_the_frame_of_the_edit() {
    let (mut h, _dir, _recovery) = large(4);
    let measure = scheduled_measure(&h);
    let ctx = h.ctx.clone();
    let mut moved = measure.clone();
    let span = moved.span.as_mut().expect("span");
    span.start_fy += 2;
    span.end_fy += 2;
    let edit = Action::Edit(Box::new(Edit::Replace(ItemValue::Measure(moved))));
    for action in [edit, Action::Undo, Action::Redo] {
        let shown = h.state().derived().expect("derived").generation;
        h.state_mut().apply(&ctx, vec![action]);
        // Only the measure's own fields changed: its lanes are laid out again at once.
        followed_at_once(&h, shown);
    }
    let bar = h
        .state()
        .derived()
        .expect("derived")
        .timeline
        .lanes
        .iter()
        .flat_map(|l| &l.bars)
        .find(|b| b.item == waymark::model::ItemRef::Measure(measure.id.clone()))
        .expect("the measure's bar")
        .clone();
    let span = measure.span.as_ref().expect("span");
    assert!(
        (bar.start - f64::from(span.start_fy + 2)).abs() < 1e-9,
        "moved again by the redo: {bar:?}"
    );
}

/// Checks that the views followed the last change at once, with no worker: what they show is
/// new (not the layout of generation `shown`) and equals a whole computation.
fn followed_at_once(h: &Harness, shown: u64) {
    let app = h.state();
    assert!(!app.is_deriving());
    let derived = app.derived().expect("derived");
    assert_ne!(derived.generation, shown);
    let roadmap = &app.document().expect("loaded").roadmap;
    let whole = waymark::analysis::derived::Derived::compute(roadmap, derived.inputs.clone());
    assert_eq!(derived.timeline, whole.timeline);
    assert_eq!(derived.coverage, whole.coverage);
    assert_eq!(derived.linkage, whole.linkage);
}

#[test]
fn a_large_roadmaps_links_change_in_the_frame_of_the_edit() {
    let (mut h, _dir, _recovery) = large(4);
    let measure = scheduled_measure(&h);
    let doc = h.state().document().expect("loaded");
    let gap = doc
        .roadmap
        .items
        .gaps
        .iter()
        .map(|g| g.id.clone())
        .find(|id| {
            !doc.roadmap.items.links.iter().any(|l| {
                matches!(&l.link, LinkKind::AddressedBy { gap, measure: m }
                    if m == &measure.id && gap == id)
            })
        })
        .expect("a gap the measure does not answer yet");
    let link = edit::link(
        &doc.roadmap,
        LinkKind::AddressedBy {
            gap: gap.clone(),
            measure: measure.id.clone(),
        },
        Provenance::Editorial,
    )
    .expect("links");
    let ctx = h.ctx.clone();
    let answered = |h: &Harness| {
        h.state()
            .derived()
            .expect("derived")
            .index
            .measures_of_gap(&waymark::model::ItemRef::Gap(gap.clone()))
            .any(|m| m == &waymark::model::ItemRef::Measure(measure.id.clone()))
    };
    for (action, linked) in [
        (Action::Edit(Box::new(link)), true),
        (Action::Undo, false),
        (Action::Redo, true),
    ] {
        let shown = h.state().derived().expect("derived").generation;
        h.state_mut().apply(&ctx, vec![action]);
        // The link index, coverage, timeline and linkage follow at once.
        followed_at_once(&h, shown);
        assert_eq!(answered(&h), linked);
    }
}

#[test]
fn a_large_roadmaps_new_event_appears_in_the_frame_of_the_edit() {
    let (mut h, _dir, _recovery) = large(4);
    let roadmap = &h.state().document().expect("loaded").roadmap;
    let created = edit::create_event(
        roadmap,
        None,
        waymark::model::When::Year(2027),
        "新しい会議",
        waymark::model::EventKind::Council,
    )
    .expect("creates");
    let event = waymark::model::ItemRef::Event(created.id.clone());
    let ctx = h.ctx.clone();
    let on_timeline = |h: &Harness| {
        h.state()
            .derived()
            .expect("derived")
            .timeline
            .lanes
            .iter()
            .flat_map(|l| &l.markers)
            .any(|m| m.item == event)
    };
    assert!(!on_timeline(&h));
    for (action, there) in [
        (Action::Edit(Box::new(created.edit)), true),
        (Action::Undo, false),
        (Action::Redo, true),
    ] {
        let shown = h.state().derived().expect("derived").generation;
        h.state_mut().apply(&ctx, vec![action]);
        // Created, deleted by the undo and created again: the events lane follows at once.
        followed_at_once(&h, shown);
        assert_eq!(on_timeline(&h), there);
    }
}
