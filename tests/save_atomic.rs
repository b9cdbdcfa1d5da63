//! Saving: only changed files and lines are written, atomically, with a backup; outside changes,
//! errors and failing folders are refused without losing the edits; a process killed at random
//! moments while saving never leaves a truncated file, and its recovery file restores.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use waymark::document::{
    Disk, Document, SaveError, SaveOptions, backup_path, changed_on_disk, open, save, save_as,
};
use waymark::edit::{self, ItemKey};
use waymark::history::History;
use waymark::model::{FileDoc, MeasureId, MeasureKind, serialize_file};
use waymark::recovery::{self, Recovery, RoadmapKey, find_recovery, write_recovery};

const ENTRY: &str = "regenerative-medicine.ron";

/// Copies the bundled roadmap into `dir`; returns the entry file's path.
fn copy_bundled(dir: &Path) -> PathBuf {
    for (path, text) in waymark::bundled::files_of(waymark::bundled::ENTRY) {
        let name = Path::new(path).file_name().expect("a file name");
        std::fs::write(dir.join(name), text).expect("copy");
    }
    dir.join(ENTRY)
}

fn bundled_text(name: &str) -> &'static str {
    waymark::bundled::files_of(waymark::bundled::ENTRY)
        .iter()
        .find(|(p, _)| Path::new(p).file_name().is_some_and(|n| n == name))
        .map(|(_, t)| *t)
        .expect("a bundled file")
}

fn set_text(doc: &mut Document, id: &str, text: &str) {
    let e = edit::edit_measure(&doc.roadmap, &MeasureId::new(id).expect("id"), |m| {
        text.clone_into(&mut m.text);
    })
    .expect("edit");
    edit::apply(&mut doc.roadmap, e).expect("applies");
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

#[test]
fn saving_one_edited_measure_rewrites_only_its_file_and_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let mut doc = open(&Disk, &entry).expect("opens");
    let matrix = dir.path().join("matrix.ron");
    set_text(&mut doc, "m.t1.1", "改訂された対応案 \"引用\" と 'かぎ'");
    assert!(doc.has_unsaved_changes());

    let report = save(&mut doc, SaveOptions::default()).expect("saves");
    assert_eq!(report.written, vec![matrix.clone()]);
    assert_eq!(report.backups, vec![backup_path(&matrix)]);
    assert_eq!(report.unchanged, doc.files.len() - 1);
    assert!(!doc.has_unsaved_changes());

    for (path, _) in waymark::bundled::files_of(waymark::bundled::ENTRY) {
        let name = Path::new(path).file_name().expect("name");
        let now = read(&dir.path().join(name));
        if name == "matrix.ron" {
            let old = bundled_text("matrix.ron");
            let old_lines: Vec<&str> = old.lines().collect();
            let new_lines: Vec<&str> = now.lines().collect();
            assert_eq!(old_lines.len(), new_lines.len(), "the same number of lines");
            let changed: Vec<&&str> = new_lines
                .iter()
                .zip(&old_lines)
                .filter(|(a, b)| a != b)
                .map(|(a, _)| a)
                .collect();
            assert_eq!(changed.len(), 1, "one line changed: {changed:?}");
            assert!(changed[0].contains("改訂された対応案"), "{changed:?}");
        } else {
            assert_eq!(
                now,
                bundled_text(&name.to_string_lossy()),
                "{name:?} untouched"
            );
        }
    }
    assert_eq!(read(&backup_path(&matrix)), bundled_text("matrix.ron"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file left: {leftovers:?}"
    );

    let reloaded = open(&Disk, &entry).expect("reloads");
    assert_eq!(reloaded.roadmap, doc.roadmap);

    // Saving again writes nothing, and the backup still holds the version before the edit.
    let again = save(&mut doc, SaveOptions::default()).expect("saves");
    assert!(again.written.is_empty() && again.backups.is_empty());
    assert_eq!(read(&backup_path(&matrix)), bundled_text("matrix.ron"));
}

/// A backup can be read by whoever could read its original: it takes the original's mode, not
/// the owner-only mode of the temporary file it is written through.
#[cfg(unix)]
#[test]
fn a_backup_keeps_the_mode_of_its_original() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let matrix = dir.path().join("matrix.ron");
    std::fs::set_permissions(&matrix, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let mut doc = open(&Disk, &entry).expect("opens");
    set_text(&mut doc, "m.t1.1", "改訂");
    save(&mut doc, SaveOptions::default()).expect("saves");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&matrix), 0o644, "the file keeps its mode");
    assert_eq!(mode(&backup_path(&matrix)), 0o644, "its backup has it too");
}

#[test]
fn save_refuses_to_overwrite_a_change_made_outside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let mut doc = open(&Disk, &entry).expect("opens");
    let matrix = dir.path().join("matrix.ron");
    let kpis = dir.path().join("kpis.ron");
    assert!(changed_on_disk(&doc).is_empty());

    set_text(&mut doc, "m.t1.1", "私の変更");
    let outside = format!("{}// 外部の変更\n", bundled_text("matrix.ron"));
    std::fs::write(&matrix, &outside).expect("outside write");
    assert_eq!(changed_on_disk(&doc), vec![matrix.clone()]);
    let before = doc.roadmap.clone();
    match save(&mut doc, SaveOptions::default()) {
        Err(SaveError::ChangedOnDisk(paths)) => assert_eq!(paths, vec![matrix.clone()]),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(read(&matrix), outside, "the outside change is still there");
    assert_eq!(doc.roadmap, before, "the edits are kept");

    // A change to a file the save does not write does not stand in the way.
    std::fs::write(&kpis, format!("{}\n", bundled_text("kpis.ron"))).expect("outside write");
    let report = save(
        &mut doc,
        SaveOptions {
            overwrite_outside_changes: true,
        },
    )
    .expect("saves when told to overwrite");
    assert_eq!(report.written, vec![matrix.clone()]);
    assert_eq!(
        read(&backup_path(&matrix)),
        outside,
        "the outside version is backed up"
    );
    assert!(read(&matrix).contains("私の変更"));
    assert_eq!(changed_on_disk(&doc), vec![kpis]);
}

#[test]
fn save_refuses_a_roadmap_with_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let mut doc = open(&Disk, &entry).expect("opens");
    set_text(&mut doc, "m.t1.1", "  ");
    match save(&mut doc, SaveOptions::default()) {
        Err(SaveError::Invalid(d)) => {
            assert!(d.iter().any(|d| d.rule == "empty-text"), "{d:?}");
            let e = d.iter().find(|d| d.rule == "empty-text").expect("found");
            assert!(e.file.ends_with("matrix.ron"), "{e:?}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        read(&dir.path().join("matrix.ron")),
        bundled_text("matrix.ron")
    );
}

#[test]
fn a_failed_save_names_the_file_and_keeps_the_edits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("roadmap");
    std::fs::create_dir(&folder).expect("mkdir");
    let entry = copy_bundled(&folder);
    let mut doc = open(&Disk, &entry).expect("opens");
    set_text(&mut doc, "m.t1.1", "保存できない変更");
    let edited = doc.clone();
    let matrix = folder.join("matrix.ron");

    // The folder is gone: the files count as changed outside, and writing anyway fails.
    let moved = dir.path().join("moved");
    std::fs::rename(&folder, &moved).expect("move away");
    assert!(matches!(
        save(&mut doc, SaveOptions::default()),
        Err(SaveError::ChangedOnDisk(_))
    ));
    let overwrite = SaveOptions {
        overwrite_outside_changes: true,
    };
    match save(&mut doc, overwrite) {
        Err(e @ SaveError::Write { .. }) => {
            let SaveError::Write { path, written, .. } = &e else {
                unreachable!()
            };
            assert_eq!(path, &matrix);
            assert!(written.is_empty());
            assert!(e.to_string().contains("matrix.ron"), "{e}");
        }
        other => panic!("expected a write error, got {other:?}"),
    }
    assert_eq!(doc.roadmap, edited.roadmap);
    assert_eq!(doc.files, edited.files);

    // A regular file where the folder was (root can write anywhere, but not into a file).
    std::fs::write(&folder, "not a folder").expect("a file in its place");
    match save(&mut doc, overwrite) {
        Err(SaveError::Write { path, .. }) => assert_eq!(path, matrix),
        other => panic!("expected a write error, got {other:?}"),
    }
    assert_eq!(doc.roadmap, edited.roadmap);
    assert_eq!(doc.files, edited.files);

    // Save As into a folder below a regular file fails and leaves the document as it was.
    let below_file = folder.join("sub").join("copy.ron");
    assert!(matches!(
        save_as(&mut doc, &below_file, SaveOptions::default()),
        Err(SaveError::Write { .. })
    ));
    assert_eq!(doc.files, edited.files);

    // With the folder back, the edits kept in memory save.
    std::fs::remove_file(&folder).expect("remove the file");
    std::fs::rename(&moved, &folder).expect("move back");
    let report = save(&mut doc, SaveOptions::default()).expect("saves");
    assert_eq!(report.written, vec![matrix.clone()]);
    assert!(read(&matrix).contains("保存できない変更"));
}

#[test]
fn save_as_writes_a_new_roadmap_and_refuses_to_clobber_other_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let mut doc = open(&Disk, &entry).expect("opens");
    set_text(&mut doc, "m.t1.1", "別名で保存");
    let target = dir.path().join("copy");
    std::fs::create_dir(&target).expect("mkdir");
    std::fs::write(target.join("kpis.ron"), "someone else's file").expect("write");
    let new_entry = target.join("plan.ron");
    match save_as(&mut doc, &new_entry, SaveOptions::default()) {
        Err(SaveError::WouldOverwrite(paths)) => {
            assert_eq!(paths, vec![target.join("kpis.ron")]);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(doc.entry_path(), entry);
    std::fs::remove_file(target.join("kpis.ron")).expect("remove");
    let report = save_as(&mut doc, &new_entry, SaveOptions::default()).expect("saves");
    assert_eq!(report.written.len(), doc.files.len());
    assert_eq!(doc.entry_path(), new_entry);
    assert_eq!(doc.roadmap.files[0].name, "plan.ron");
    let reloaded = open(&Disk, &new_entry).expect("reloads");
    assert_eq!(reloaded.roadmap, doc.roadmap);
    assert!(!doc.has_unsaved_changes());
    assert_eq!(
        read(&dir.path().join("matrix.ron")),
        bundled_text("matrix.ron"),
        "the original is untouched"
    );
}

#[test]
fn unsaved_edits_are_recovered_after_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let recovery_dir = dir.path().join("recovery");
    let mut doc = open(&Disk, &entry).expect("opens");
    assert_eq!(write_recovery(&doc, &recovery_dir).expect("writes"), None);
    set_text(&mut doc, "m.t1.1", "復元される変更");
    let created = edit::create_measure(&doc.roadmap, None, MeasureKind::Response, "新しい施策")
        .expect("create");
    edit::apply(&mut doc.roadmap, created.edit).expect("applies");
    let written = write_recovery(&doc, &recovery_dir)
        .expect("writes")
        .expect("a recovery file");
    assert!(written.starts_with(&recovery_dir));
    let edited = doc.roadmap.clone();
    drop(doc); // The app dies.

    let found = find_recovery(&RoadmapKey::disk(&entry), &recovery_dir).expect("found");
    assert_eq!(found.files.len(), 1, "only matrix.ron has unsaved edits");
    assert_eq!(found.files[0].name, "matrix.ron");
    assert!(found.changed_on_disk_since().is_empty());
    let mut restored = found.restore().expect("restores");
    assert_eq!(restored.roadmap.items, edited.items);
    assert!(
        restored.has_unsaved_changes(),
        "the restored edits are not saved yet"
    );
    assert_eq!(
        read(&dir.path().join("matrix.ron")),
        bundled_text("matrix.ron"),
        "restoring writes nothing"
    );
    let mut history = History::unsaved();
    assert!(history.is_dirty());
    save(&mut restored, SaveOptions::default()).expect("saves");
    history.mark_saved();
    recovery::discard(&RoadmapKey::of(&restored), &recovery_dir).expect("discards");
    assert!(find_recovery(&RoadmapKey::disk(&entry), &recovery_dir).is_none());
    let reloaded = open(&Disk, &entry).expect("reloads");
    assert_eq!(reloaded.roadmap.items, edited.items);
    assert!(
        reloaded
            .roadmap
            .measure(&created.id)
            .is_some_and(|m| m.text == "新しい施策")
    );
    // Another roadmap's recovery file is not taken for this one's.
    assert!(
        find_recovery(
            &RoadmapKey::disk(&dir.path().join("other.ron")),
            &recovery_dir
        )
        .is_none()
    );
}

// ---------------------------------------------------------------------------------------------
// Killing a real process while it saves.

/// Set in the child process: the folder of the roadmap it edits and saves until it is killed.
const LOOP_ENV: &str = "WAYMARK_SAVE_LOOP_DIR";

/// The child: edits and saves the roadmap in `$WAYMARK_SAVE_LOOP_DIR` over and over, writing a
/// recovery file before each save and leaving every third round unsaved. Does nothing unless the
/// variable is set (in a normal test run).
#[test]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(LOOP_ENV).map(PathBuf::from) else {
        return;
    };
    let entry = dir.join(ENTRY);
    let recovery_dir = dir.join("recovery");
    let mut doc = open(&Disk, &entry).expect("the roadmap opens");
    let mut extra: Option<MeasureId> = None;
    for round in 0u64.. {
        set_text(
            &mut doc,
            "m.t1.1",
            &format!("改訂 {round} {}", "長い本文。".repeat(50)),
        );
        if let Some(id) = extra.take() {
            let d = edit::delete_item(&doc.roadmap, &ItemKey::Measure(id)).expect("delete");
            edit::apply(&mut doc.roadmap, d.edit).expect("applies");
        } else {
            let c = edit::create_measure(
                &doc.roadmap,
                None,
                MeasureKind::Response,
                &"追加の施策".repeat(200),
            )
            .expect("create");
            edit::apply(&mut doc.roadmap, c.edit).expect("applies");
            extra = Some(c.id);
        }
        let e = edit::edit_kpi(&doc.roadmap, &doc.roadmap.items.kpis[0].id.clone(), |k| {
            k.remarks = Some(format!("備考 {round}"));
        })
        .expect("edit");
        edit::apply(&mut doc.roadmap, e).expect("applies");
        write_recovery(&doc, &recovery_dir).expect("recovery written");
        if round % 3 != 2 {
            save(&mut doc, SaveOptions::default()).expect("saves");
            recovery::discard(&RoadmapKey::disk(&entry), &recovery_dir).expect("discarded");
        }
    }
}

/// A small deterministic generator for the kill delays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Every roadmap file and backup in `dir` is a complete file in canonical form (so neither
/// truncated nor mixed), and the roadmap opens.
fn assert_intact(dir: &Path, round: usize) {
    let entry = dir.join(ENTRY);
    let doc = open(&Disk, &entry)
        .unwrap_or_else(|e| panic!("round {round}: the roadmap does not open: {e:?}"));
    assert_eq!(
        doc.files.len(),
        waymark::bundled::files_of(waymark::bundled::ENTRY).len()
    );
    for e in std::fs::read_dir(dir).expect("list").filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        let roadmap_file = [".ron", ".ron.bak"]
            .iter()
            .any(|ext| name.to_ascii_lowercase().ends_with(ext));
        if !roadmap_file {
            continue;
        }
        let text = read(&e.path());
        let parsed: FileDoc = ron::from_str(&text)
            .unwrap_or_else(|err| panic!("round {round}: {name} does not parse: {err}"));
        assert_eq!(
            serialize_file(&parsed),
            text,
            "round {round}: {name} is not a whole canonical file"
        );
    }
}

#[test]
fn a_process_killed_while_saving_leaves_whole_files_and_a_recovery_that_restores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let recovery_dir = dir.path().join("recovery");
    let exe = std::env::current_exe().expect("the test binary");
    let mut rng = Lcg(0x5741_594d_4b31);
    let mut recovered = 0;
    for round in 0..12 {
        let log = dir.path().join(format!("child-{round}.log"));
        let mut child = Command::new(&exe)
            .args([
                "save_loop_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(LOOP_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log"))
            .spawn()
            .expect("the child starts");
        // Wait until the child has saved at least once in this round.
        let matrix_bak = backup_path(&dir.path().join("matrix.ron"));
        let before = std::fs::metadata(&matrix_bak)
            .and_then(|m| m.modified())
            .ok();
        let started = Instant::now();
        loop {
            let now = std::fs::metadata(&matrix_bak)
                .and_then(|m| m.modified())
                .ok();
            if now.is_some() && now != before {
                break;
            }
            if let Some(status) = child.try_wait().expect("status") {
                let mut out = String::new();
                std::fs::File::open(&log)
                    .and_then(|mut f| f.read_to_string(&mut out))
                    .ok();
                panic!("round {round}: the child exited ({status}): {out}");
            }
            assert!(
                started.elapsed() < Duration::from_mins(2),
                "round {round}: the child never saved"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(rng.below(400)));
        assert!(
            child.try_wait().expect("status").is_none(),
            "round {round}: the child stopped by itself"
        );
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");

        assert_intact(dir.path(), round);
        if let Some(found) = find_recovery(&RoadmapKey::disk(&entry), &recovery_dir) {
            let restored = found
                .restore()
                .unwrap_or_else(|e| panic!("round {round}: the recovery does not restore: {e:?}"));
            let on_disk = open(&Disk, &entry).expect("opens");
            assert!(Recovery::of(&restored).is_some() || restored.roadmap == on_disk.roadmap);
            recovered += 1;
        }
    }
    eprintln!("{recovered} of 12 kills left a recovery file, each restored");
}
