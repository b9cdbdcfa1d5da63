//! Watching: a change made outside (also by an editor that saves by rename) is reported and wakes
//! the UI; Waymark's own saves are not reported.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use waymark::document::{Disk, Document, SaveOptions, open, save};
use waymark::edit;
use waymark::model::MeasureId;
use waymark::watch::Watcher;

fn copy_bundled(dir: &Path) -> PathBuf {
    for (path, text) in waymark::bundled::files_of(waymark::bundled::ENTRY) {
        let name = Path::new(path).file_name().expect("a file name");
        std::fs::write(dir.join(name), text).expect("copy");
    }
    dir.join("regenerative-medicine.ron")
}

/// Polls for up to `limit`, returning the first non-empty report (or an empty one).
fn poll_until(watcher: &Watcher, doc: &Document, limit: Duration) -> Vec<PathBuf> {
    let start = Instant::now();
    loop {
        let changed = watcher.poll(doc);
        if !changed.is_empty() || start.elapsed() > limit {
            return changed;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn outside_changes_are_reported_and_own_saves_are_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = copy_bundled(dir.path());
    let mut doc = open(&Disk, &entry).expect("opens");
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let watcher = Watcher::with_debounce(
        &doc,
        Duration::from_millis(50),
        Box::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        }),
    )
    .expect("watches");

    // Our own save: events come, but nothing is reported.
    let e = edit::edit_measure(&doc.roadmap, &MeasureId::new("m.t1.1").expect("id"), |m| {
        m.text = "自分の保存".into();
    })
    .expect("edit");
    edit::apply(&mut doc.roadmap, e).expect("applies");
    save(&mut doc, SaveOptions::default()).expect("saves");
    let start = Instant::now();
    while wakes.load(Ordering::SeqCst) == 0 && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        wakes.load(Ordering::SeqCst) > 0,
        "the save's events woke the UI"
    );
    assert_eq!(
        poll_until(&watcher, &doc, Duration::from_millis(300)),
        Vec::<PathBuf>::new()
    );

    // An editor saving by writing a new file and renaming it over the old one.
    let kpis = entry.with_file_name("kpis.ron");
    let tmp = entry.with_file_name(".kpis.ron.swp");
    let text = std::fs::read_to_string(&kpis).expect("read");
    std::fs::write(&tmp, format!("{text}// edited elsewhere\n")).expect("write");
    std::fs::rename(&tmp, &kpis).expect("rename");
    assert_eq!(
        poll_until(&watcher, &doc, Duration::from_secs(5)),
        vec![kpis.clone()]
    );

    // A plain write in place, then the same content back: only real differences count.
    let events = entry.with_file_name("events.ron");
    let original = std::fs::read(&events).expect("read");
    std::fs::write(&events, b"broken").expect("write");
    assert_eq!(
        poll_until(&watcher, &doc, Duration::from_secs(5)),
        vec![events.clone()]
    );
    std::fs::write(&events, &original).expect("write back");
    assert_eq!(
        poll_until(&watcher, &doc, Duration::from_millis(500)),
        Vec::<PathBuf>::new()
    );
}
