//! Edit latency: from an edit, an undo or a redo to the next frame drawn, through the whole
//! explorer (`WaymarkApp::apply`, then one headless frame of the timeline with its side panels),
//! at 1×, 10× and 100× the bundled roadmap (`WAYMARK_BENCH_EDIT_SCALES`, default `1,10,100`).
//!
//! Past 5,000 items the views' layout is computed on a worker and the edit's frame shows the
//! last layout with the edited document: `views_current_*` (printed) is the time from the edit
//! to the first frame drawn with the new layout.
//!
//! `save_latency` is the UI thread's share of a save: from Ctrl+S to the next frame drawn;
//! `save_latency/until_saved` (printed) is the time until the files are written.
//! `gesture` measures frames while a bar is dragged on the timeline, its drop, and frames while
//! the window is resized, at 100× and 1000× (`WAYMARK_BENCH_GESTURE_SCALES`).
//! `steady_frame` is one frame of the whole explorer with nothing changed, for comparison.
//! Each sample applies the edit, draws a frame, then undoes it and draws another; the time of the
//! edit's frame and the undo's frame are measured separately (`iter_custom`), so that every
//! iteration starts from the same document. Live diagnostics of a roadmap past
//! 5,000 items are checked on a worker and are not part of the frame: what is measured is what
//! the planner waits for.

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use waymark::action::Action;
use waymark::app::{Prefs, WaymarkApp};
use waymark::edit::{self, Edit, ItemKey, ItemValue};
use waymark::model::{LinkKind, Provenance, Role, When};

mod common;

/// The allocator the `waymark` binary uses, so that these numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An explorer with a roadmap loaded and its first frames drawn.
fn ready(entry: Option<std::path::PathBuf>) -> (egui::Context, WaymarkApp, u64) {
    ready_with(entry, Prefs::default())
}

/// [`ready`] with `prefs`.
fn ready_with(entry: Option<std::path::PathBuf>, prefs: Prefs) -> (egui::Context, WaymarkApp, u64) {
    let ctx = common::context();
    let mut app = WaymarkApp::new(entry, prefs);
    let mut frame = 0;
    while app.document().is_none() || app.is_loading() {
        common::run_frame(&ctx, frame, |ui, _| app.frame_ui(ui));
        frame += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    for _ in 0..3 {
        common::run_frame(&ctx, frame, |ui, _| app.frame_ui(ui));
        frame += 1;
    }
    (ctx, app, frame)
}

/// The edits measured, made from the document as it is: a measure's text changed, a measure
/// moved a year later on the timeline, a new responsibility link, a gap newly answered by the
/// measure, a gap's first answer unlinked, items of several kinds created, and a measure and a
/// gap deleted.
fn edits(app: &WaymarkApp) -> Vec<(&'static str, Edit)> {
    let r = &app.document().expect("loaded").roadmap;
    let m = r
        .items
        .measures
        .iter()
        .find(|m| m.span.is_some())
        .expect("a measure with a span");
    let mut changed = m.clone();
    changed.text.push('。');
    let mut moved = m.span.clone().expect("span");
    moved.start_fy += 1;
    moved.end_fy += 1;
    let code = r
        .items
        .ministries
        .iter()
        .map(|x| x.code.clone())
        .find(|code| {
            !r.items.links.iter().any(|l| {
                matches!(&l.link, LinkKind::Responsible { measure, ministry, .. }
                    if measure == &m.id && ministry == code)
            })
        })
        .expect("a ministry not yet responsible");
    let link = LinkKind::Responsible {
        measure: m.id.clone(),
        ministry: code,
        role: Role::Support,
    };
    let gap = r
        .items
        .gaps
        .iter()
        .map(|g| g.id.clone())
        .find(|gap| {
            !r.items.links.iter().any(|l| {
                matches!(&l.link, LinkKind::AddressedBy { gap: g, measure }
                    if measure == &m.id && g == gap)
            })
        })
        .expect("a gap the measure does not answer");
    let answer = LinkKind::AddressedBy {
        gap,
        measure: m.id.clone(),
    };
    let answered = r
        .items
        .links
        .iter()
        .find(|l| matches!(l.link, LinkKind::AddressedBy { .. }))
        .expect("a gap answered")
        .link
        .clone();
    vec![
        ("change_field", Edit::Replace(ItemValue::Measure(changed))),
        (
            "move_measure",
            edit::reschedule(r, &m.id, moved).expect("reschedules"),
        ),
        (
            "link",
            edit::link(r, link, Provenance::Editorial).expect("links"),
        ),
        (
            "answer_gap",
            edit::link(r, answer, Provenance::Editorial).expect("links"),
        ),
        ("unlink", edit::unlink(r, &answered).expect("unlinks")),
        // Edit ▸ New ▸ Event; its undo deletes the event.
        (
            "create_event",
            edit::create_event(
                r,
                None,
                When::Year(2026),
                "新しい会議",
                waymark::model::EventKind::Council,
            )
            .expect("creates")
            .edit,
        ),
        // Edit ▸ New ▸ Target state; its undo deletes it.
        (
            "create_target",
            edit::create_target(r, None, 2030, "新しい目指すべき姿")
                .expect("creates")
                .edit,
        ),
        // Edit ▸ New ▸ Measure, Gap and Theme: items that stand in the linkage columns, join
        // the timeline's lanes or name them, and cite or hold references.
        (
            "create_measure",
            edit::create_measure(r, None, waymark::model::MeasureKind::Response, "新しい施策")
                .expect("creates")
                .edit,
        ),
        (
            "create_gap",
            edit::create_gap(
                r,
                None,
                r.items.themes.first().map(|t| t.id.clone()),
                "新しい論点",
            )
            .expect("creates")
            .edit,
        ),
        (
            "create_theme",
            edit::create_theme(r, None, "新しい項目", "新しい大論点")
                .expect("creates")
                .edit,
        ),
        // Deleting the measure above, with its links, the references to it and the source it
        // cites; its undo restores them.
        (
            "delete_measure",
            edit::delete_item(r, &ItemKey::Measure(m.id.clone()))
                .expect("deletes")
                .edit,
        ),
        (
            "delete_gap",
            r.items
                .gaps
                .iter()
                .find_map(|g| edit::delete_item(r, &ItemKey::Gap(g.id.clone())).ok())
                .expect("a gap that can be deleted")
                .edit,
        ),
    ]
}

/// Draws frames until the views show the current state's layout (a large roadmap's is computed
/// on a worker); returns the next frame's number.
fn until_current(ctx: &egui::Context, app: &mut WaymarkApp, frame: u64) -> u64 {
    step_while(ctx, app, frame, WaymarkApp::is_deriving)
}

/// Draws frames while `busy` holds (for at most ten seconds); returns the next frame's number.
fn step_while(
    ctx: &egui::Context,
    app: &mut WaymarkApp,
    mut frame: u64,
    busy: fn(&WaymarkApp) -> bool,
) -> u64 {
    let start = Instant::now();
    while busy(app) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_micros(200));
        common::run_frame(ctx, frame, |ui, _| app.frame_ui(ui));
        frame += 1;
    }
    frame
}

/// The worst moment for an edit of a large roadmap: just as the background check starts, when
/// its worker copies the collections it shares with the document (edits in a burst never meet
/// one: the check waits for them to pause). `edit` is made and the check left to start; the
/// undo then lands at once, and is timed until the views are current. Printed, not part of
/// criterion's statistics; returns the next frame's number.
fn as_check_starts(
    ctx: &egui::Context,
    app: &mut WaymarkApp,
    mut frame: u64,
    name: &str,
    edit: &Edit,
    n: u32,
) -> u64 {
    const ROUNDS: u32 = 5;
    let mut time = Duration::ZERO;
    for _ in 0..ROUNDS {
        frame = step_while(ctx, app, frame, WaymarkApp::is_checking);
        app.apply(ctx, vec![Action::Edit(Box::new(edit.clone()))]);
        common::run_frame(ctx, frame, |ui, _| app.frame_ui(ui));
        frame = until_current(ctx, app, frame + 1);
        if !app.is_checking() {
            // Checked within the frame: a roadmap this small has no worker to meet.
            app.apply(ctx, vec![Action::Undo]);
            return frame;
        }
        frame = step_while(ctx, app, frame, |app| !app.is_check_running());
        let start = Instant::now();
        app.apply(ctx, vec![Action::Undo]);
        common::run_frame(ctx, frame, |ui, _| app.frame_ui(ui));
        frame = until_current(ctx, app, frame + 1);
        time += start.elapsed();
    }
    frame = step_while(ctx, app, frame, WaymarkApp::is_checking);
    eprintln!(
        "edit_latency/undo_as_check_starts_{name}/{n}: {:.2} ms mean over {ROUNDS} undos",
        time.as_secs_f64() * 1000.0 / f64::from(ROUNDS)
    );
    frame
}

fn edit_latency(c: &mut Criterion) {
    let scales = common::list_of_scales("WAYMARK_BENCH_EDIT_SCALES", &[1, 10, 100]);
    let generated = common::Generated::new(&scales);
    let mut edit_group = c.benchmark_group("edit_latency");
    edit_group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for &n in &scales {
        let (ctx, mut app, mut frame) = ready(Some(generated.entry(n).clone()));
        // What every frame costs with nothing changed: the whole explorer, side panels included.
        edit_group.bench_function(BenchmarkId::new("steady_frame", n), |b| {
            b.iter(|| {
                frame += 1;
                common::run_frame(&ctx, frame, |ui, _| app.frame_ui(ui)).primitives
            });
        });
        // The same with the navigator hidden: what the side panel costs.
        let hidden = Prefs {
            hide_navigator: true,
            ..Prefs::default()
        };
        let (ctx2, mut app2, mut frame2) = ready_with(Some(generated.entry(n).clone()), hidden);
        edit_group.bench_function(BenchmarkId::new("steady_frame_no_navigator", n), |b| {
            b.iter(|| {
                frame2 += 1;
                common::run_frame(&ctx2, frame2, |ui, _| app2.frame_ui(ui)).primitives
            });
        });
        drop(app2);
        for (name, edit) in edits(&app) {
            let mut undo_time = Duration::ZERO;
            let mut undos = 0u32;
            let mut current_time = Duration::ZERO;
            let mut edits_made = 0u32;
            edit_group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let start = Instant::now();
                        app.apply(&ctx, vec![Action::Edit(Box::new(edit.clone()))]);
                        common::run_frame(&ctx, frame, |ui, _| app.frame_ui(ui));
                        total += start.elapsed();
                        frame += 1;
                        // Past 5,000 items the views' layout follows from a worker.
                        frame = until_current(&ctx, &mut app, frame);
                        current_time += start.elapsed();
                        edits_made += 1;
                        let start = Instant::now();
                        app.apply(&ctx, vec![Action::Undo]);
                        common::run_frame(&ctx, frame, |ui, _| app.frame_ui(ui));
                        undo_time += start.elapsed();
                        undos += 1;
                        frame += 1;
                        frame = until_current(&ctx, &mut app, frame);
                    }
                    total
                });
            });
            // A run filtered to other benchmarks made none of these edits.
            if edits_made > 0 {
                eprintln!(
                    "edit_latency/undo_{name}/{n}: {:.2} ms mean over {undos} undos",
                    undo_time.as_secs_f64() * 1000.0 / f64::from(undos.max(1))
                );
                eprintln!(
                    "edit_latency/views_current_{name}/{n}: {:.2} ms mean over {edits_made} edits",
                    current_time.as_secs_f64() * 1000.0 / f64::from(edits_made)
                );
                frame = as_check_starts(&ctx, &mut app, frame, name, &edit, n);
            }
        }
    }
    edit_group.finish();

    // Save: the UI thread's share of it, from Ctrl+S to the next frame (past 5,000 items the
    // files are written on a worker, waited for outside the measurement).
    let mut save_group = c.benchmark_group("save_latency");
    save_group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for &n in &scales {
        let (ctx, mut app, mut frame) = ready(Some(generated.entry(n).clone()));
        let edits = edits(&app);
        let (_, edit) = &edits[0];
        let mut undo = false;
        let (mut saves, mut until_saved) = (0u32, Duration::ZERO);
        save_group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    // Alternately the edit and its undo, so that there is always something to save.
                    let change = if undo {
                        Action::Undo
                    } else {
                        Action::Edit(Box::new(edit.clone()))
                    };
                    undo = !undo;
                    app.apply(&ctx, vec![change]);
                    common::run_frame(&ctx, frame, |ui, _| app.frame_ui(ui));
                    frame += 1;
                    let start = Instant::now();
                    app.apply(&ctx, vec![Action::Save]);
                    common::run_frame(&ctx, frame, |ui, _| app.frame_ui(ui));
                    total += start.elapsed();
                    frame += 1;
                    while app.is_saving() {
                        std::thread::sleep(Duration::from_millis(1));
                        common::run_frame(&ctx, frame, |ui, _| app.frame_ui(ui));
                        frame += 1;
                    }
                    until_saved += start.elapsed();
                    saves += 1;
                }
                total
            });
        });
        if saves > 0 {
            eprintln!(
                "save_latency/until_saved/{n}: {:.2} ms mean over {saves} saves (Ctrl+S until the \
                 files are written)",
                until_saved.as_secs_f64() * 1000.0 / f64::from(saves)
            );
        }
    }
    save_group.finish();
}

/// Where a measure's bar sits on screen in the explorer's timeline: the middle of the bar's
/// label, found through the accessibility tree of one frame after selecting the measure has
/// scrolled the chart to it (a planner drags what they have found and selected).
fn bar_on_screen(ctx: &egui::Context, app: &mut WaymarkApp, frame: &mut u64) -> egui::Pos2 {
    use egui::accesskit::Role;
    let derived = app.derived().expect("derived");
    let item = derived
        .timeline
        .lanes
        .iter()
        .filter(|l| l.layer == waymark::analysis::timeline::Layer::Measures)
        .flat_map(|l| &l.bars)
        .map(|bar| bar.item.clone())
        .nth(3)
        .expect("a measure on the timeline");
    app.apply(ctx, vec![Action::Select(Some(item.clone()))]);
    for _ in 0..8 {
        common::run_frame(ctx, *frame, |ui, _| app.frame_ui(ui));
        *frame += 1;
    }
    ctx.enable_accesskit();
    let (_, out) = common::run_frame_input(ctx, common::input(*frame), |ui, _| app.frame_ui(ui));
    *frame += 1;
    ctx.disable_accesskit();
    let tree = out.accesskit_update.expect("an accessibility tree");
    let bounds = |label: &str| {
        tree.nodes.iter().find_map(|(_, node)| {
            (node.label() == Some(label) && node.role() != Role::Unknown)
                .then(|| node.bounds())
                .flatten()
        })
    };
    let chart = bounds("タイムライン図").expect("the timeline chart");
    let derived = app.derived().expect("derived");
    let roadmap = &app.document().expect("loaded").roadmap;
    let view = waymark::ui::ViewCtx::new(roadmap, derived);
    let b = bounds(&waymark::ui::linkage::item_label(&view, &item)).expect("the bar's label");
    assert!(
        b.y0 > chart.y0 && b.y1 < chart.y1 && b.x0 > chart.x0 && b.x1 < chart.x1,
        "the selected bar {b:?} is inside the chart {chart:?}"
    );
    #[allow(clippy::cast_possible_truncation)]
    egui::pos2(
        f64::midpoint(b.x0, b.x1) as f32,
        f64::midpoint(b.y0, b.y1) as f32,
    )
}

/// One frame of the explorer with `events`, in a window of `screen`.
fn frame_with(
    ctx: &egui::Context,
    app: &mut WaymarkApp,
    frame: &mut u64,
    screen: egui::Rect,
    events: Vec<egui::Event>,
) {
    common::run_frame_input(ctx, common::input_with(*frame, screen, events), |ui, _| {
        app.frame_ui(ui);
    });
    *frame += 1;
}

fn pointer_button(pos: egui::Pos2, pressed: bool) -> egui::Event {
    egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    }
}

/// Gestures at 100× and 1000× (`WAYMARK_BENCH_GESTURE_SCALES`): frames while a measure's bar is
/// dragged on the timeline (its ghost follows the pointer; nothing is recomputed until the drop),
/// the drop (a reschedule, applied, to the next frame), and frames while the window's edge is
/// dragged (the window a few points wider or narrower every frame).
fn gestures(c: &mut Criterion) {
    let scales = common::list_of_scales("WAYMARK_BENCH_GESTURE_SCALES", &[100, 1000]);
    let generated = common::Generated::new(&scales);
    let mut group = c.benchmark_group("gesture");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let screen = common::screen();
    for &n in &scales {
        let (ctx, mut app, mut frame) = ready(Some(generated.entry(n).clone()));
        let at = bar_on_screen(&ctx, &mut app, &mut frame);
        let moved = |dx: f32| egui::Event::PointerMoved(at + egui::vec2(dx, 0.0));
        frame_with(&ctx, &mut app, &mut frame, screen, vec![moved(0.0)]);
        frame_with(
            &ctx,
            &mut app,
            &mut frame,
            screen,
            vec![pointer_button(at, true)],
        );
        let mut step = 0u32;
        group.bench_function(BenchmarkId::new("drag_frame", n), |b| {
            b.iter(|| {
                step += 1;
                let dx = f32::from(u16::try_from(step % 120).expect("small")) - 60.0;
                frame_with(&ctx, &mut app, &mut frame, screen, vec![moved(dx)]);
            });
        });
        // Back where it started: releasing there changes nothing.
        frame_with(&ctx, &mut app, &mut frame, screen, vec![moved(0.0)]);
        frame_with(
            &ctx,
            &mut app,
            &mut frame,
            screen,
            vec![pointer_button(at, false)],
        );
        assert!(!app.is_dirty(), "the drag measured changed nothing");

        group.bench_function(BenchmarkId::new("drop", n), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let to = at + egui::vec2(60.0, 0.0);
                    frame_with(&ctx, &mut app, &mut frame, screen, vec![moved(0.0)]);
                    frame_with(
                        &ctx,
                        &mut app,
                        &mut frame,
                        screen,
                        vec![pointer_button(at, true)],
                    );
                    frame_with(&ctx, &mut app, &mut frame, screen, vec![moved(30.0)]);
                    frame_with(&ctx, &mut app, &mut frame, screen, vec![moved(60.0)]);
                    let start = Instant::now();
                    frame_with(
                        &ctx,
                        &mut app,
                        &mut frame,
                        screen,
                        vec![pointer_button(to, false)],
                    );
                    frame_with(&ctx, &mut app, &mut frame, screen, Vec::new());
                    total += start.elapsed();
                    assert!(app.is_dirty(), "the drop rescheduled the measure");
                    frame = until_current(&ctx, &mut app, frame);
                    app.apply(&ctx, vec![Action::Undo]);
                    frame_with(&ctx, &mut app, &mut frame, screen, Vec::new());
                    frame = until_current(&ctx, &mut app, frame);
                }
                total
            });
        });

        let mut step = 0u32;
        group.bench_function(BenchmarkId::new("resize_frame", n), |b| {
            b.iter(|| {
                step += 1;
                let narrower = f32::from(u16::try_from(step % 200).expect("small")) * 2.0;
                let size = screen.size() - egui::vec2(narrower, narrower / 2.0);
                let resized = egui::Rect::from_min_size(screen.min, size);
                frame_with(&ctx, &mut app, &mut frame, resized, Vec::new());
            });
        });
    }
    group.finish();
}

criterion_group!(benches, edit_latency, gestures);
criterion_main!(benches);
