//! The `waymark` command as a user runs it: exit codes, output, and files on disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(rel: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(rel)
}

/// Runs the binary in the crate's folder, so that relative paths in its output are predictable.
fn waymark(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .current_dir(manifest_dir())
        .output()
        .expect("the waymark binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

/// Every file in `dir`, by name, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("dir entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read file"),
            )
        })
        .collect()
}

/// Copies the fixture files `names` from `from` into a new temp dir.
fn copy_fixture(from: &str, names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in names {
        std::fs::copy(fixture(from).join(name), dir.path().join(name)).expect("copy");
    }
    dir
}

// ---------------------------------------------------------------------------------------------
// check

#[test]
fn check_valid_fixture_exits_0() {
    let o = waymark(&["check", "tests/fixtures/valid/roadmap.ron"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "tests/fixtures/valid/roadmap.ron: ok, 30 items, 0 warning(s)\n"
    );
}

#[test]
fn check_two_file_fixture_exits_0() {
    let o = waymark(&["check", "tests/fixtures/two-file/entry.ron"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "tests/fixtures/two-file/entry.ron: ok, 4 items, 0 warning(s)\n"
    );
}

#[test]
fn check_broken_fixture_exits_1_with_a_positioned_error() {
    let o = waymark(&["check", "tests/fixtures/malformed/missing-comma.ron"]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "tests/fixtures/malformed/missing-comma.ron:6:25: error: expected comma [parse]\n"
        ),
        "{out}"
    );
    // The snippet shows the line with a caret under column 25: the line holds six wide
    // characters before it (`コンマがない`), so the caret is preceded by 24 + 6 = 30 cells.
    assert!(
        out.contains("\n6 |         title: \"コンマがない\" start_fy: 2020,\n"),
        "{out}"
    );
    assert!(
        out.contains(&format!("\n  | {}^\n", " ".repeat(30))),
        "{out}"
    );
    assert!(
        out.ends_with(
            "tests/fixtures/malformed/missing-comma.ron: 1 error(s), 0 warning(s); not loaded\n"
        ),
        "{out}"
    );
}

#[test]
fn check_warnings_only_exits_0_and_shows_the_warnings() {
    let o = waymark(&["check", "tests/fixtures/malformed/outside-horizon.ron"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("tests/fixtures/malformed/outside-horizon.ron:6:29: warning: "),
        "{out}"
    );
    assert!(!out.contains(": error: "), "{out}");
    assert!(
        out.ends_with("tests/fixtures/malformed/outside-horizon.ron: ok, 2 items, 2 warning(s)\n"),
        "{out}"
    );
}

#[test]
fn check_several_roadmaps_exits_1_if_any_is_broken() {
    let o = waymark(&[
        "check",
        "tests/fixtures/valid/roadmap.ron",
        "tests/fixtures/malformed/self-link.ron",
    ]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("tests/fixtures/valid/roadmap.ron: ok"),
        "{out}"
    );
    assert!(
        out.contains("tests/fixtures/malformed/self-link.ron:12:10: error: gap `gap.1` is linked to itself [self-link]"),
        "{out}"
    );
}

#[test]
fn unknown_flag_is_a_usage_error_with_exit_2() {
    let o = waymark(&[
        "check",
        "--no-such-flag",
        "tests/fixtures/valid/roadmap.ron",
    ]);
    assert_eq!(code(&o), 2, "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("--no-such-flag"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn check_without_paths_is_a_usage_error() {
    let o = waymark(&["check"]);
    assert_eq!(code(&o), 2, "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let o = waymark(&[
        "check",
        "--format",
        "xml",
        "tests/fixtures/valid/roadmap.ron",
    ]);
    assert_eq!(code(&o), 2, "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn check_json_lists_the_diagnostics() {
    let o = waymark(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/malformed/dangling-reference.ron",
        "tests/fixtures/valid/roadmap.ron",
    ]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("check --format json prints JSON");
    let reports = v.as_array().expect("an array of reports");
    assert_eq!(reports.len(), 2);

    let broken = &reports[0];
    assert_eq!(
        broken["path"],
        "tests/fixtures/malformed/dangling-reference.ron"
    );
    assert_eq!(broken["errors"], 2);
    assert_eq!(broken["warnings"], 0);
    let d = broken["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["severity"], "error");
    assert_eq!(d[0]["rule"], "dangling-reference");
    assert_eq!(
        d[0]["file"],
        "tests/fixtures/malformed/dangling-reference.ron"
    );
    assert_eq!(d[0]["line"], 6);
    assert_eq!(d[0]["col"], 55);
    assert!(
        d[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("stage `stage.none` does not exist")),
        "{}",
        d[0]
    );
    assert_eq!(
        d[0]["snippet"],
        "        (id: \"gap.1\", number: 1, text: \"課題\", stages: [\"stage.none\"], provenance: Editorial),"
    );
    assert_eq!(
        (&d[1]["line"], &d[1]["col"]),
        (&Value::from(12), &Value::from(26))
    );

    let valid = &reports[1];
    assert_eq!(valid["path"], "tests/fixtures/valid/roadmap.ron");
    assert_eq!(valid["errors"], 0);
    assert_eq!(valid["diagnostics"], Value::Array(Vec::new()));
}

#[test]
fn check_json_of_a_valid_roadmap_exits_0() {
    let o = waymark(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/malformed/duplicate-link.ron",
    ]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v[0]["errors"], 0);
    assert_eq!(v[0]["warnings"], 1);
    assert_eq!(v[0]["diagnostics"][0]["severity"], "warning");
    assert_eq!(v[0]["diagnostics"][0]["rule"], "duplicate-link");
}

// ---------------------------------------------------------------------------------------------
// check --sources

const SOURCE_TEXTS: &str = "tests/fixtures/sources/texts";

#[test]
fn check_sources_of_a_roadmap_quoting_them_exits_0() {
    let o = waymark(&[
        "check",
        "--sources",
        SOURCE_TEXTS,
        "tests/fixtures/sources/roadmap.ron",
    ]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "tests/fixtures/sources/roadmap.ron: ok, 7 items, 0 warning(s); 8 quotation(s) match their sources\n"
    );
}

#[test]
fn check_sources_of_a_wrong_quote_exits_1_at_the_quote() {
    let o = waymark(&[
        "check",
        "--sources",
        SOURCE_TEXTS,
        "tests/fixtures/sources/wrong-quote.ron",
    ]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "tests/fixtures/sources/wrong-quote.ron:47:19: error: the gap's `text` \"製造人材が余っている。\" is not in report.txt line 9 (source `src.report`); expected it there verbatim, whitespace aside [quote-mismatch]\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("\n47 |             text: \"製造人材が余っている。\",\n"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "tests/fixtures/sources/wrong-quote.ron: 1 error(s), 0 warning(s); 7 items, 8 quotation(s) checked against their sources\n"
        ),
        "{out}"
    );
}

#[test]
fn check_without_sources_does_not_compare_quotes() {
    let o = waymark(&["check", "tests/fixtures/sources/wrong-quote.ron"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "tests/fixtures/sources/wrong-quote.ron: ok, 7 items, 0 warning(s)\n"
    );
}

#[test]
fn check_sources_json_lists_the_quote_errors() {
    let o = waymark(&[
        "check",
        "--format",
        "json",
        "--sources",
        SOURCE_TEXTS,
        "tests/fixtures/sources/wrong-quote.ron",
        "tests/fixtures/sources/roadmap.ron",
    ]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let wrong = &v[0];
    assert_eq!(wrong["errors"], 1);
    assert_eq!(wrong["quotations"], 8);
    let d = &wrong["diagnostics"][0];
    assert_eq!(d["rule"], "quote-mismatch");
    assert_eq!(d["file"], "tests/fixtures/sources/wrong-quote.ron");
    assert_eq!(
        (&d["line"], &d["col"]),
        (&Value::from(47), &Value::from(19))
    );
    assert_eq!(v[1]["errors"], 0);
    assert_eq!(v[1]["diagnostics"], Value::Array(Vec::new()));
}

#[test]
fn check_sources_from_a_missing_folder_exits_1_once_per_source_file() {
    let o = waymark(&[
        "check",
        "--sources",
        "tests/fixtures/sources/no-such-folder",
        "tests/fixtures/sources/roadmap.ron",
    ]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("tests/fixtures/sources/roadmap.ron:15:13: error: the text of source `src.report` cannot be read from tests/fixtures/sources/no-such-folder/report.txt: "),
        "{out}"
    );
    assert_eq!(out.matches(": error: ").count(), 1, "{out}");
}

// ---------------------------------------------------------------------------------------------
// fmt

/// The valid fixture, written by hand in a compact, non-canonical way.
fn uncanonical(canonical: &str) -> String {
    canonical
        .replace("    ", "  ")
        .replace("start_fy: 2020,", "start_fy: 2020, // the first year\n")
}

#[test]
fn fmt_check_fails_on_a_non_canonical_copy_and_passes_after_fmt() {
    let canonical = std::fs::read_to_string(fixture("valid/roadmap.ron")).expect("read");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roadmap.ron");
    let path_s = path.to_str().expect("UTF-8 path");
    let messy = uncanonical(&canonical);
    assert_ne!(messy, canonical);
    std::fs::write(&path, &messy).expect("write");

    // The copy is valid, only not canonical.
    let o = waymark(&["check", path_s]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));

    let o = waymark(&["fmt", "--check", path_s]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    // It says where: the first line that differs, as found and as expected.
    assert_eq!(
        stdout(&o),
        format!(
            "{path_s}:3: not in canonical form\n  found:      schema: 2,\n  expected:     schema: 2,\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        messy,
        "fmt --check changed the file"
    );

    let o = waymark(&["fmt", path_s]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), format!("{path_s}: formatted\n"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        canonical,
        "fmt gives the canonical text the fixture is written in"
    );
    // Only the file itself is left in the folder: no temporary files.
    assert_eq!(
        snapshot(dir.path()).keys().collect::<Vec<_>>(),
        ["roadmap.ron"]
    );

    let o = waymark(&["fmt", "--check", path_s]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn fmt_keeps_a_byte_order_mark_and_check_passes_on_a_canonical_file_with_one() {
    let canonical = std::fs::read_to_string(fixture("valid/roadmap.ron")).expect("read");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roadmap.ron");
    let path_s = path.to_str().expect("UTF-8 path");
    let marked = format!("\u{FEFF}{canonical}");
    std::fs::write(&path, &marked).expect("write");
    let o = waymark(&["fmt", "--check", path_s]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "");

    std::fs::write(&path, format!("\u{FEFF}{}", uncanonical(&canonical))).expect("write");
    let o = waymark(&["fmt", path_s]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        marked,
        "formatted, with the mark kept"
    );
}

#[cfg(unix)]
#[test]
fn fmt_writes_through_a_link_inside_the_folder_and_refuses_one_outside() {
    use std::os::unix::fs::symlink;
    let canonical = std::fs::read_to_string(fixture("two-file/part.ron")).expect("read");
    let dir = copy_fixture("two-file", &["entry.ron"]);
    let entry = dir.path().join("entry.ron");
    let entry_s = entry.to_str().expect("UTF-8 path");
    let part = dir.path().join("part.ron");
    std::fs::create_dir(dir.path().join("real")).expect("mkdir");
    let real = dir.path().join("real/part.ron");
    std::fs::write(&real, uncanonical(&canonical)).expect("write");
    symlink("real/part.ron", &part).expect("symlink");
    let o = waymark(&["fmt", entry_s]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        std::fs::symlink_metadata(&part)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).expect("read"), canonical);

    // The entry file linked from another folder: its file is outside the folder it is opened
    // from, and is not written.
    let other = tempfile::tempdir().expect("temp dir");
    let messy_entry = uncanonical(&std::fs::read_to_string(&entry).expect("read"));
    std::fs::write(&entry, &messy_entry).expect("write");
    symlink(&entry, other.path().join("entry.ron")).expect("symlink");
    std::fs::copy(&real, other.path().join("part.ron")).expect("copy");
    let link_s = other.path().join("entry.ron");
    let o = waymark(&["fmt", link_s.to_str().expect("UTF-8 path")]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("not formatted"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("outside the roadmap's folder"),
        "{}",
        stdout(&o)
    );
    assert_eq!(std::fs::read_to_string(&entry).expect("read"), messy_entry);
}

/// Runs the binary like [`waymark`], but fails after ten seconds instead of waiting forever.
fn waymark_within_seconds(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .current_dir(manifest_dir())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the waymark binary runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(10) {
            child.kill().ok();
            panic!("waymark {args:?} did not finish within 10 s: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
#[test]
fn check_refuses_a_device_or_a_named_pipe_as_the_roadmap_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pipe = dir.path().join("pipe.ron");
    let mut entries = vec![("/dev/zero".to_owned(), "is a device")];
    match Command::new("mkfifo").arg(&pipe).status() {
        Ok(s) if s.success() => {
            entries.push((pipe.display().to_string(), "is a named pipe (FIFO)"));
        }
        other => eprintln!("the named pipe is skipped: mkfifo failed: {other:?}"),
    }
    for (entry, phrase) in entries {
        let o = waymark_within_seconds(&["check", &entry]);
        assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
        let out = stdout(&o);
        assert!(
            out.starts_with(&format!(
                "{entry}:1:1: error: `{entry}` {phrase}, not a regular file"
            )),
            "{out}"
        );
        assert!(out.contains("[entry-not-a-file]"), "{out}");
    }
}

#[test]
fn fmt_rewrites_only_the_file_that_is_not_canonical() {
    let dir = copy_fixture("two-file", &["entry.ron", "part.ron"]);
    let part = dir.path().join("part.ron");
    let canonical_part = std::fs::read_to_string(&part).expect("read");
    std::fs::write(&part, uncanonical(&canonical_part)).expect("write");
    let entry = dir.path().join("entry.ron");
    let entry_s = entry.to_str().expect("UTF-8 path");
    let entry_before = std::fs::metadata(&entry)
        .expect("meta")
        .modified()
        .expect("mtime");

    let o = waymark(&["fmt", "--check", entry_s]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o),
        format!(
            "{}:3: not in canonical form\n  found:      schema: 2,\n  expected:     schema: 2,\n",
            part.display()
        )
    );

    let o = waymark(&["fmt", entry_s]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), format!("{}: formatted\n", part.display()));
    assert_eq!(
        std::fs::read_to_string(&part).expect("read"),
        canonical_part
    );
    assert_eq!(
        std::fs::metadata(&entry)
            .expect("meta")
            .modified()
            .expect("mtime"),
        entry_before,
        "the canonical entry file was rewritten"
    );
}

#[test]
fn fmt_refuses_a_roadmap_with_errors_and_changes_no_byte() {
    for broken in ["missing-comma.ron", "self-link.ron", "span-order.ron"] {
        let dir = copy_fixture("malformed", &[broken]);
        let before = snapshot(dir.path());
        let path = dir.path().join(broken);
        let path_s = path.to_str().expect("UTF-8 path");

        let o = waymark(&["fmt", path_s]);
        assert_eq!(code(&o), 1, "{broken}: {}{}", stdout(&o), stderr(&o));
        let out = stdout(&o);
        assert!(out.contains(": error: "), "{out}");
        assert!(
            out.ends_with(&format!("{path_s}: has errors; not formatted\n")),
            "{out}"
        );
        assert_eq!(
            snapshot(dir.path()),
            before,
            "{broken}: fmt touched the folder"
        );
    }
}

#[test]
fn fmt_refuses_a_multi_file_roadmap_if_any_file_has_errors() {
    // The part file is not canonical; the entry file has a duplicate ID. Nothing is written.
    let dir = copy_fixture("malformed/duplicate-id", &["entry.ron", "part.ron"]);
    let before = snapshot(dir.path());
    let entry = dir.path().join("entry.ron");
    let o = waymark(&["fmt", entry.to_str().expect("UTF-8 path")]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("[duplicate-id]"), "{}", stdout(&o));
    assert_eq!(snapshot(dir.path()), before);
}

// ---------------------------------------------------------------------------------------------
// export

const KINDS: [&str; 14] = [
    "sources",
    "ministries",
    "stages",
    "target_states",
    "notes",
    "themes",
    "gaps",
    "measures",
    "proposals",
    "kpis",
    "budgets",
    "events",
    "scenarios",
    "links",
];

#[test]
fn export_json_has_every_item_kind_with_its_file() {
    let o = waymark(&[
        "export",
        "--format",
        "json",
        "tests/fixtures/valid/roadmap.ron",
    ]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("export prints JSON");
    assert_eq!(v["format"], "waymark-export");
    assert_eq!(v["schema"], 2);
    assert_eq!(v["roadmap"]["id"], "fixture");
    assert_eq!(v["roadmap"]["start_fy"], 2020);
    assert_eq!(v["files"], serde_json::json!(["roadmap.ron"]));
    assert_eq!(v["warnings"], Value::Array(Vec::new()));
    for kind in KINDS {
        let items = v[kind]
            .as_array()
            .unwrap_or_else(|| panic!("`{kind}` is not an array"));
        assert!(!items.is_empty(), "no {kind} exported");
        for item in items {
            assert_eq!(item["file"], "roadmap.ron", "{kind}: {item}");
        }
    }
    // Items are as in RON: the first gap, its link, and a measure's span.
    assert_eq!(v["gaps"][0]["id"], "gap.1-1");
    assert_eq!(v["gaps"][0]["stages"], serde_json::json!(["stage.process"]));
    assert_eq!(
        v["links"][0]["link"],
        serde_json::json!({"AddressedBy": {"gap": "gap.1-1", "measure": "m.response"}})
    );
    assert_eq!(v["measures"][0]["span"]["provenance"], "Assumed");
    assert_eq!(
        v["events"][0]["when"],
        serde_json::json!({"Month": [2024, 3]})
    );
    // The fixture has no presentations and no merge conflicts: their arrays are empty.
    for kind in ["presentations", "conflicts"] {
        assert_eq!(v[kind], Value::Array(Vec::new()), "{kind}");
    }
    let object = v.as_object().expect("an object");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut expected: Vec<&str> = KINDS.to_vec();
    expected.extend([
        "format",
        "schema",
        "roadmap",
        "files",
        "warnings",
        "presentations",
        "conflicts",
    ]);
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn export_json_names_the_file_of_each_item() {
    let o = waymark(&["export", "tests/fixtures/two-file/entry.ron"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["files"], serde_json::json!(["entry.ron", "part.ron"]));
    assert_eq!(v["gaps"][0]["file"], "entry.ron");
    assert_eq!(v["sources"][0]["file"], "entry.ron");
    assert_eq!(v["measures"][0]["file"], "part.ron");
    assert_eq!(v["links"][0]["file"], "part.ron");
}

#[test]
fn export_of_a_broken_roadmap_exits_1_with_errors_on_stderr() {
    let o = waymark(&[
        "export",
        "--format",
        "json",
        "tests/fixtures/malformed/cycle.ron",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "", "nothing is exported");
    assert!(
        stderr(&o).contains("tests/fixtures/malformed/cycle.ron:9:23: error: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_schema_1_roadmap_opens_and_migrate_rewrites_it_as_schema_2_saying_so() {
    let current = std::fs::read_to_string(fixture("valid/roadmap.ron")).expect("read");
    let old = current.replacen("    schema: 2,", "    schema: 1,", 1);
    assert_ne!(old, current);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roadmap.ron");
    let path_s = path.to_str().expect("UTF-8 path");
    std::fs::write(&path, &old).expect("write");

    let o = waymark(&["check", path_s]);
    assert_eq!(code(&o), 0, "a schema-1 file still opens: {}", stdout(&o));

    let o = waymark(&["migrate", path_s]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), format!("{path_s}: schema 1 → 2\n"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), current);

    let o = waymark(&["migrate", path_s]);
    assert_eq!(
        stdout(&o),
        format!("{path_s}: schema 2 already; unchanged\n")
    );
}
