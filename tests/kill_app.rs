//! A planner's work killed with SIGKILL: the app, driven through its labels in a child
//! process, builds a proposal for gap ⑤ with two actions and two ministries each, reschedules
//! one, undoes and redoes, saves, makes one more change and is killed before saving it. The
//! saved files are whole and hold the proposal; the next start offers the unsaved change back.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::{Action, Tab};
use waymark::app::{Options, Prefs, WaymarkApp};
use waymark::document::{Disk, open};
use waymark::model::{FySpan, GapId, ItemRef, LinkKind, MeasureId, Provenance, Roadmap};

mod common;
use common::{copy_of_bundled, harness};

/// Set in the child process: the folder holding the roadmap copy and the recovery folder.
const CHILD_ENV: &str = "WAYMARK_KILL_APP_DIR";
/// Written by the child once its unsaved change is in the recovery file.
const READY: &str = "ready";

fn app(dir: &Path) -> Harness<'static, WaymarkApp> {
    harness(Options {
        path: Some(dir.join(waymark::bundled::ENTRY)),
        prefs: Prefs {
            tab: Tab::Kpis,
            ..Prefs::default()
        },
        read_only: false,
        recovery_dir: Some(dir.join("recovery")),
        ..Options::default()
    })
}

fn roadmap<'h>(h: &'h Harness<'_, WaymarkApp>) -> &'h Roadmap {
    &h.state().document().expect("a document").roadmap
}

fn gap5() -> GapId {
    GapId::new("gap.2018.5").expect("id")
}

fn select(h: &mut Harness<'_, WaymarkApp>, item: ItemRef) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![Action::Select(Some(item))]);
    h.run();
}

/// Scrolls the inspector to the button `label` (it keeps its width, so forms run below the
/// fold) and clicks it.
fn click(h: &mut Harness<'_, WaymarkApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Clicks the picker `title`, then its entry `entry`.
fn pick(h: &mut Harness<'_, WaymarkApp>, title: &str, entry: &str) {
    click(h, title);
    h.get_by_label(entry).click();
    h.run();
}

/// The new proposal's actions, in order.
fn actions_of_new_proposal(r: &Roadmap) -> Vec<MeasureId> {
    r.items
        .proposals
        .iter()
        .find(|p| p.gap == Some(gap5()) && p.id.as_str().starts_with("prop.new"))
        .map(|p| p.actions.clone())
        .unwrap_or_default()
}

fn span(r: &Roadmap, id: &MeasureId) -> Option<(i32, i32)> {
    r.measure(id)?.span.as_ref().map(|s| (s.start_fy, s.end_fy))
}

/// Reschedules measure `id` to `start..=end` as one edit.
fn reschedule(h: &mut Harness<'_, WaymarkApp>, id: &MeasureId, start: i32, end: i32) {
    let edit = waymark::edit::edit_measure(roadmap(h), id, |m| {
        m.span = Some(FySpan {
            start_fy: start,
            end_fy: end,
            provenance: Provenance::Editorial,
            basis: None,
            end_provenance: None,
            end_basis: None,
        });
    })
    .expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();
}

/// The planner's work; runs only in the child process the test starts, which it kills.
#[test]
#[ignore = "started by a_planners_work_killed_with_sigkill_loses_nothing"]
fn planners_work_until_killed() {
    let dir = PathBuf::from(std::env::var_os(CHILD_ENV).expect("run by the parent test"));
    let mut h = app(&dir);
    h.run();

    // A proposal for gap ⑤, from the gap's editor.
    select(&mut h, ItemRef::Gap(gap5()));
    h.get_by_label("項目を編集").click();
    h.run();
    click(&mut h, "＋ この論点への提言を作成");
    let Some(ItemRef::Proposal(proposal)) = h.state().selection().cloned() else {
        panic!("the new proposal is selected");
    };

    // Two actions, each answering gap ⑤, each with two responsible ministries.
    for ministries in [
        ["厚 厚生労働省", "経 経済産業省"],
        ["文 文部科学省", "厚 厚生労働省"],
    ] {
        select(&mut h, ItemRef::Proposal(proposal.clone()));
        click(&mut h, "＋ アクションを追加");
        for ministry in ministries {
            pick(&mut h, "＋ 府省庁を追加", ministry);
        }
    }
    let actions = actions_of_new_proposal(roadmap(&h));
    assert_eq!(actions.len(), 2);

    // Move the first on the timeline's years, undo and redo.
    reschedule(&mut h, &actions[0], 2026, 2028);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(span(roadmap(&h), &actions[0]), None);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(span(roadmap(&h), &actions[0]), Some((2026, 2028)));

    // Save, then one more change that is never saved.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!h.state().is_dirty(), "{:?}", h.state().notice());
    reschedule(&mut h, &actions[1], 2027, 2030);

    // Keep the app running until the recovery file holds the change, then wait to be killed.
    let entry = dir.join(waymark::bundled::ENTRY);
    let deadline = Instant::now() + Duration::from_mins(1);
    while waymark::recovery::find_recovery(
        &waymark::recovery::RoadmapKey::disk(&entry),
        &dir.join("recovery"),
    )
    .is_none()
    {
        assert!(
            Instant::now() < deadline,
            "no recovery file within a minute"
        );
        std::thread::sleep(Duration::from_millis(200));
        h.step();
    }
    std::fs::write(dir.join(READY), "").expect("write the marker");
    loop {
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
}

#[test]
fn a_planners_work_killed_with_sigkill_loses_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    copy_of_bundled(dir);
    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--ignored",
            "--exact",
            "planners_work_until_killed",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the child");
    let deadline = Instant::now() + Duration::from_mins(3);
    while !dir.join(READY).exists() {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut err).ok();
            panic!("the child ended ({status}) before it was killed:\n{err}");
        }
        assert!(Instant::now() < deadline, "the child never got ready");
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");

    // The saved files are whole and hold the proposal with its actions, links and schedule.
    let entry = dir.join(waymark::bundled::ENTRY);
    let saved = open(&Disk, &entry)
        .expect("the saved roadmap opens")
        .roadmap;
    let actions = actions_of_new_proposal(&saved);
    assert_eq!(actions.len(), 2);
    let responsible = |m: &MeasureId| -> Vec<String> {
        let mut codes: Vec<String> = saved
            .items
            .links
            .iter()
            .filter_map(|l| match &l.link {
                LinkKind::Responsible {
                    measure, ministry, ..
                } if measure == m => Some(ministry.as_str().to_owned()),
                _ => None,
            })
            .collect();
        codes.sort();
        codes
    };
    assert_eq!(responsible(&actions[0]), ["厚", "経"]);
    assert_eq!(responsible(&actions[1]), ["厚", "文"]);
    for m in &actions {
        assert!(saved.items.links.iter().any(
            |l| matches!(&l.link, LinkKind::AddressedBy { gap, measure } if *gap == gap5() && measure == m)
        ));
    }
    assert_eq!(span(&saved, &actions[0]), Some((2026, 2028)));
    assert_eq!(
        span(&saved, &actions[1]),
        None,
        "the last change was not saved"
    );

    // The next start offers the unsaved change back.
    let mut h = app(dir);
    h.run();
    h.get_by_label("保存されていない変更を復元しますか");
    h.get_by_label("復元する").click();
    h.run();
    assert_eq!(span(roadmap(&h), &actions[1]), Some((2027, 2030)));
    assert_eq!(span(roadmap(&h), &actions[0]), Some((2026, 2028)));
    assert!(h.state().is_dirty(), "restored changes are unsaved");
}
