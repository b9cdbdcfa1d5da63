//! A roadmap from someone else's USB stick cannot hurt: includes that lead out of the entry
//! file's folder (an absolute path, `..`, a symbolic link), that are not regular files (a named
//! pipe, a device, a directory) or that are too large are refused with a positioned
//! diagnostic, and never read. Each case would hang, exhaust memory or show another file's
//! contents if the refusal failed; the cases that could hang run on a thread with a time limit.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

use waymark::diagnostic::Diagnostic;
use waymark::document::{Disk, open};
use waymark::model::{FileSystem, Found, MAX_FILE_BYTES, MAX_TOTAL_BYTES};

/// What the files outside the roadmap hold: it must never appear in a diagnostic.
const SECRET: &str = "TOP-SECRET root:x:0:0";

/// Writes `entry.ron` into `dir`, including `names`; the include `names[i]` is written on line
/// `6 + i`, its string starting at column 9.
fn entry_including(dir: &Path, names: &[&str]) -> PathBuf {
    let list = names.iter().fold(String::new(), |mut out, n| {
        writeln!(out, "        {n:?},").expect("write to string");
        out
    });
    let text = format!(
        "(\n    schema: 1,\n    roadmap: (id: \"usb\", title: \"持ち込み\", start_fy: 2020, end_fy: 2030),\n    include: [\n\n{list}    ],\n)\n"
    );
    let entry = dir.join("entry.ron");
    std::fs::write(&entry, text).expect("write entry");
    entry
}

/// A folder `roadmap` for the entry file and, beside it, a folder `outside` with a secret file.
fn roadmap_and_outside() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let roadmap = dir.path().join("roadmap");
    let outside = dir.path().join("outside");
    std::fs::create_dir(&roadmap).expect("mkdir");
    std::fs::create_dir(&outside).expect("mkdir");
    std::fs::write(outside.join("secret.ron"), SECRET).expect("write secret");
    (dir, roadmap, outside)
}

/// The disk, recording every file read (as opposed to looked at).
#[derive(Default)]
struct Watched(Mutex<Vec<PathBuf>>);

impl Watched {
    fn was_read(&self, path: &Path) -> bool {
        self.0
            .lock()
            .expect("not poisoned")
            .iter()
            .any(|p| p == path)
    }
}

impl FileSystem for Watched {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.0.lock().expect("not poisoned").push(path.to_owned());
        Disk.read(path)
    }

    fn inspect(&self, path: &Path) -> std::io::Result<Found> {
        Disk.inspect(path)
    }

    fn read_at_most(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        self.0.lock().expect("not poisoned").push(path.to_owned());
        Disk.read_at_most(path, limit)
    }

    fn real_path(&self, path: &Path) -> std::io::Result<Option<PathBuf>> {
        Disk.real_path(path)
    }
}

/// The diagnostics of loading `entry` from disk, which must fail, checked to finish within ten
/// seconds; and the files read meanwhile.
fn refused(entry: &Path) -> (Vec<Diagnostic>, Watched) {
    let entry = entry.to_owned();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let fs = Watched::default();
        let result = open(&fs, &entry).map(|_| ());
        tx.send((result, fs)).ok();
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok((Err(e), fs)) => (e.diagnostics, fs),
        Ok((Ok(()), _)) => panic!("the roadmap loaded, but it should be refused"),
        Err(RecvTimeoutError::Timeout) => panic!("loading did not finish within 10 s: it hangs"),
        Err(RecvTimeoutError::Disconnected) => panic!("loading panicked"),
    }
}

/// Asserts one diagnostic, of `rule`, at the string of include `index` in `entry`, whose
/// message says `phrase` and shows nothing of the secret file.
fn assert_refused_at(d: &[Diagnostic], entry: &Path, index: usize, rule: &str, phrase: &str) {
    assert_eq!(d.len(), 1, "{d:#?}");
    let d = &d[0];
    assert_eq!(
        (d.rule, d.file.as_str(), d.line, d.col),
        (rule, entry.display().to_string().as_str(), 6 + index, 9),
        "{d}"
    );
    assert!(d.message.contains(phrase), "{d}");
    assert_secret_kept(std::slice::from_ref(d));
}

fn assert_secret_kept(d: &[Diagnostic]) {
    for d in d {
        assert!(!d.to_string().contains("TOP-SECRET"), "{d}");
    }
}

/// Makes a named pipe at `path`; `false` (with the reason printed) where `mkfifo` is missing.
fn mkfifo(path: &Path) -> bool {
    match std::process::Command::new("mkfifo").arg(path).status() {
        Ok(s) if s.success() => true,
        other => {
            eprintln!("skipped: cannot make a named pipe with mkfifo: {other:?}");
            false
        }
    }
}

#[test]
fn an_absolute_include_is_refused_unread() {
    let (_dir, roadmap, outside) = roadmap_and_outside();
    let secret = outside.join("secret.ron");
    let name = secret.to_str().expect("UTF-8 path");
    let entry = entry_including(&roadmap, &["ok.ron", name]);
    std::fs::write(roadmap.join("ok.ron"), "(schema: 1)").expect("write");
    let (d, fs) = refused(&entry);
    assert_refused_at(
        &d,
        &entry,
        1,
        "include-outside-folder",
        "is an absolute path",
    );
    assert!(d[0].message.contains(name), "names the include: {}", d[0]);
    assert!(!fs.was_read(&secret));
}

#[test]
fn an_include_going_up_with_dot_dot_is_refused_unread() {
    let (_dir, roadmap, outside) = roadmap_and_outside();
    std::fs::create_dir(roadmap.join("parts")).expect("mkdir");
    for name in ["../outside/secret.ron", "parts/../../outside/secret.ron"] {
        let entry = entry_including(&roadmap, &[name]);
        let (d, fs) = refused(&entry);
        assert_refused_at(&d, &entry, 0, "include-outside-folder", "`..`");
        assert!(!fs.was_read(&outside.join("secret.ron")));
    }
    // `..` is refused even where it would come back inside.
    std::fs::write(roadmap.join("a.ron"), "(schema: 1)").expect("write");
    let entry = entry_including(&roadmap, &["parts/../a.ron"]);
    let (d, _) = refused(&entry);
    assert_refused_at(&d, &entry, 0, "include-outside-folder", "`..`");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_leading_outside_is_refused_unread() {
    use std::os::unix::fs::symlink;
    let (_dir, roadmap, outside) = roadmap_and_outside();
    let secret = outside.join("secret.ron");
    symlink(&secret, roadmap.join("link.ron")).expect("symlink");
    symlink(&outside, roadmap.join("parts")).expect("symlink to a folder");
    for (name, index) in [("link.ron", 0), ("parts/secret.ron", 0)] {
        let entry = entry_including(&roadmap, &[name]);
        let (d, fs) = refused(&entry);
        assert_refused_at(&d, &entry, index, "include-outside-folder", "symbolic link");
        assert!(!fs.was_read(&roadmap.join(name)));
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_inside_the_folder_is_read() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("real")).expect("mkdir");
    std::fs::write(dir.path().join("real/part.ron"), "(schema: 1)\n").expect("write");
    symlink("real/part.ron", dir.path().join("link.ron")).expect("symlink");
    symlink("real", dir.path().join("parts")).expect("symlink to a folder");
    let entry = entry_including(dir.path(), &["link.ron", "parts/part.ron"]);
    let doc = open(&Disk, &entry).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert_eq!(doc.roadmap.files.len(), 3);
}

#[cfg(unix)]
#[test]
fn an_included_named_pipe_is_refused_without_waiting() {
    let dir = tempfile::tempdir().expect("temp dir");
    if !mkfifo(&dir.path().join("pipe.ron")) {
        return;
    }
    let entry = entry_including(dir.path(), &["pipe.ron"]);
    let (d, fs) = refused(&entry);
    assert_refused_at(
        &d,
        &entry,
        0,
        "include-not-a-file",
        "is a named pipe (FIFO), not a regular file",
    );
    assert!(!fs.was_read(&dir.path().join("pipe.ron")));
}

#[cfg(unix)]
#[test]
fn an_entry_file_that_is_a_named_pipe_or_a_device_is_refused_without_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pipe = dir.path().join("pipe.ron");
    let mut entries = vec![(PathBuf::from("/dev/zero"), "is a device")];
    if mkfifo(&pipe) {
        entries.push((pipe, "is a named pipe (FIFO)"));
    }
    for (entry, phrase) in entries {
        let (d, fs) = refused(&entry);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!((d[0].rule, d[0].line, d[0].col), ("entry-not-a-file", 1, 1));
        assert!(d[0].message.contains(phrase), "{}", d[0]);
        assert!(!fs.was_read(&entry));
    }
}

#[cfg(unix)]
#[test]
fn dev_zero_as_an_include_is_refused_unread() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    symlink("/dev/zero", dir.path().join("zero.ron")).expect("symlink");
    let entry = entry_including(dir.path(), &["/dev/zero", "zero.ron"]);
    let (d, fs) = refused(&entry);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_refused_at(&d[..1], &entry, 0, "include-outside-folder", "absolute");
    assert_refused_at(&d[1..], &entry, 1, "include-outside-folder", "`/dev/zero`");
    assert_eq!(
        fs.0.lock().expect("not poisoned").as_slice(),
        std::slice::from_ref(&entry),
        "only the entry file is read"
    );
}

#[test]
fn an_included_directory_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("folder.ron")).expect("mkdir");
    let entry = entry_including(dir.path(), &["folder.ron"]);
    let (d, _) = refused(&entry);
    assert_refused_at(
        &d,
        &entry,
        0,
        "include-not-a-file",
        "is a directory, not a regular file",
    );
}

#[test]
fn a_file_over_the_limit_is_refused_by_its_size_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.ron");
    // A sparse file: its size is known at once, and it takes no room on disk.
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(MAX_FILE_BYTES as u64 + 1).expect("set length");
    let entry = entry_including(dir.path(), &["big.ron"]);
    let (d, fs) = refused(&entry);
    assert_refused_at(
        &d,
        &entry,
        0,
        "file-too-large",
        &format!(
            "is {} bytes; the largest accepted is {MAX_FILE_BYTES} bytes (64 MiB)",
            MAX_FILE_BYTES + 1
        ),
    );
    assert!(d[0].message.contains("big.ron"), "{}", d[0]);
    assert!(!fs.was_read(&big));
}

#[test]
fn a_roadmap_over_the_total_limit_is_refused_before_any_include_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Files each at the per-file limit, sparse: enough of them to pass the total.
    let count = MAX_TOTAL_BYTES / MAX_FILE_BYTES + 1;
    let names: Vec<String> = (0..count).map(|i| format!("p{i}.ron")).collect();
    for name in &names {
        let file = std::fs::File::create(dir.path().join(name)).expect("create");
        file.set_len(MAX_FILE_BYTES as u64).expect("set length");
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let entry = entry_including(dir.path(), &refs);
    let entry_bytes = std::fs::metadata(&entry).expect("entry").len() as usize;
    // The include that takes the total past the limit: the entry file counts too.
    let past = (MAX_TOTAL_BYTES - entry_bytes) / MAX_FILE_BYTES;
    let (d, fs) = refused(&entry);
    let total = entry_bytes + (past + 1) * MAX_FILE_BYTES;
    assert_refused_at(
        &d,
        &entry,
        past,
        "roadmap-too-large",
        &format!(
            "with `p{past}.ron` ({MAX_FILE_BYTES} bytes), the roadmap's files hold {total} bytes together; the largest roadmap accepted is {MAX_TOTAL_BYTES} bytes (512 MiB)"
        ),
    );
    assert_eq!(
        fs.0.lock().expect("not poisoned").as_slice(),
        std::slice::from_ref(&entry),
        "only the entry file is read"
    );
}
