//! Roadmaps in git as a user works with them: `waymark diff` between copies, folders and git
//! revisions, with exact reports per kind of change; `waymark merge` as git's merge driver in
//! real repositories made in a temporary folder (two branches editing the bundled roadmap); and
//! `git log -p` reading item by item. Tests that need `git` say they are skipped where it is
//! missing (CI installs it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `waymark ARGS` in `dir`.
fn waymark(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .output()
        .expect("the waymark binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

/// A copy of the bundled roadmap's files in `dir`.
fn copy_bundled(dir: &Path) {
    std::fs::create_dir_all(dir).expect("folder");
    for entry in std::fs::read_dir(manifest_dir().join("roadmaps")).expect("roadmaps") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, dir.join(path.file_name().expect("name"))).expect("copy");
        }
    }
}

/// Replaces the one occurrence of `from` in the file at `path` by `to`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} once in {}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// Replaces the first occurrence of `from` in the file at `path` by `to`.
fn edit_first(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// Removes the item of `path` (an entry of a list, indented by eight spaces) that holds `inside`.
fn remove_item(path: &Path, inside: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    let at = text.find(inside).expect("the item is there");
    let start = text[..at].rfind("\n        (\n").expect("its start") + 1;
    let end = at + text[at..].find("\n        ),\n").expect("its end") + "\n        ),\n".len();
    std::fs::write(path, format!("{}{}", &text[..start], &text[end..])).expect("write");
}

/// The span of the first programme, `prog.amed-project`.
const SPAN_BEFORE: &str = "start_fy: 2020,\n                end_fy: 2024,";
const SPAN_AFTER: &str = "start_fy: 2021,\n                end_fy: 2025,";
const TITLE: &str = "title: \"再生・細胞医療・遺伝子治療プロジェクト\",";
const GAPS_END: &str = "    ],\n    measures: [";
const LINK: &str = "measure: \"prog.accel\",\n                ministry: \"文\",";

fn new_gap(id: &str, number: u32, text: &str) -> String {
    format!(
        "        (\n            id: \"{id}\",\n            theme: \"theme.3\",\n            number: {number},\n            text: \"{text}\",\n            placement_provenance: Stated,\n            provenance: Stated,\n        ),\n{GAPS_END}"
    )
}

/// Two copies of the bundled roadmap, `old` and `new`, in a temporary folder.
fn two_copies() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, new) = (dir.path().join("old"), dir.path().join("new"));
    copy_bundled(&old);
    copy_bundled(&new);
    (dir, old, new)
}

#[test]
fn equal_versions_exit_0_and_say_so() {
    let (dir, _, _) = two_copies();
    let o = waymark(dir.path(), &["diff", "old", "new", "--lang", "en"]);
    assert_eq!((code(&o), stdout(&o).as_str()), (0, "no differences\n"));
    let o = waymark(dir.path(), &["diff", "old/matrix.ron", "new/matrix.ron"]);
    assert_eq!((code(&o), stdout(&o).as_str()), (0, "差分はありません\n"));
}

#[test]
fn a_changed_field_and_a_span_read_before_and_after() {
    let (dir, _, new) = two_copies();
    edit_first(&new.join("programmes.ron"), SPAN_BEFORE, SPAN_AFTER);
    edit(
        &new.join("programmes.ron"),
        TITLE,
        "title: \"再生・細胞医療・遺伝子治療統合プロジェクト\",",
    );
    let o = waymark(
        dir.path(),
        &[
            "diff",
            "old",
            "new/regenerative-medicine.ron",
            "--lang",
            "en",
        ],
    );
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o),
        "1 changed, 0 moved, 0 added, 0 removed\n\
         Measures\n  \
         changed: prog.amed-project Regenerative, cell and gene therapy pro…\n    \
         span: FY2020–FY2024 → FY2021–FY2025\n    \
         title: \"再生・細胞医療・遺伝子治療プロジェクト\" → \"再生・細胞医療・遺伝子治療統合プロジェクト\"\n"
    );
    let o = waymark(dir.path(), &["diff", "old", "new"]);
    assert_eq!(
        stdout(&o),
        "変更 1、移動 0、追加 0、削除 0\n\
         施策\n  \
         変更: prog.amed-project 再生・細胞医療・遺伝子治療統合プロジェクト\n    \
         span: FY2020–FY2024 → FY2021–FY2025\n    \
         title: \"再生・細胞医療・遺伝子治療プロジェクト\" → \"再生・細胞医療・遺伝子治療統合プロジェクト\"\n"
    );
}

#[test]
fn added_and_removed_items_and_links_are_named_by_their_labels() {
    let (dir, _, new) = two_copies();
    edit(
        &new.join("matrix.ron"),
        GAPS_END,
        &new_gap("gap.t3.9", 9, "新しい小論点"),
    );
    remove_item(&new.join("programmes.ron"), LINK);
    let o = waymark(dir.path(), &["diff", "old", "new", "--lang", "en"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o),
        "0 changed, 0 moved, 1 added, 1 removed\n\
         Gaps\n  \
         added: gap.t3.9 Issue 3-9 新しい小論点\n\
         Links\n  \
         removed: Responsible prog.accel Programme to accelerate… → 文 文 Ministry of Education, …\n"
    );
    // The other way round, in Japanese: the gap was removed, the link added.
    let o = waymark(dir.path(), &["diff", "new", "old"]);
    assert_eq!(
        stdout(&o),
        "変更 0、移動 0、追加 1、削除 1\n\
         論点・ギャップ\n  \
         削除: gap.t3.9 小論点3-9 新しい小論点\n\
         リンク\n  \
         追加: Responsible prog.accel 再生・細胞医療・遺伝子治療実現加速化プログラム → 文 文 文部科学省\n"
    );
}

#[test]
fn an_item_moved_between_files_names_both() {
    let (dir, _, new) = two_copies();
    let note = "        (\n            id: \"note.moved\",\n            kind: Statement,\n            text: \"移す補足\",\n        ),\n";
    let old_context = dir.path().join("old/context.ron");
    edit(
        &old_context,
        "    notes: [\n",
        &format!("    notes: [\n{note}"),
    );
    edit(
        &new.join("targets.ron"),
        "    notes: [\n",
        &format!("    notes: [\n{note}"),
    );
    let o = waymark(dir.path(), &["diff", "old", "new", "--lang", "en"]);
    assert_eq!(
        stdout(&o),
        "0 changed, 1 moved, 0 added, 0 removed\n\
         Notes\n  \
         moved: note.moved 移す補足\n    \
         file: context.ron → targets.ron\n"
    );
}

#[test]
fn json_reports_every_field_with_its_values() {
    let (dir, _, new) = two_copies();
    edit_first(&new.join("programmes.ron"), SPAN_BEFORE, SPAN_AFTER);
    let o = waymark(dir.path(), &["diff", "--format", "json", "old", "new"]);
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(
        v,
        serde_json::json!({
            "equal": false,
            "summary": {"changed": 1, "moved": 0, "added": 0, "removed": 0},
            "changes": [{
                "collection": "measures",
                "key": "prog.amed-project",
                "label": "再生・細胞医療・遺伝子治療プロジェクト",
                "change": "changed",
                "fields": [{
                    "field": "span",
                    "before": {"start_fy": 2020, "end_fy": 2024},
                    "after": {"start_fy": 2021, "end_fy": 2025},
                }],
            }],
        })
    );
}

#[test]
fn what_cannot_be_read_exits_2() {
    let (dir, _, _) = two_copies();
    let o = waymark(dir.path(), &["diff", "old", "missing"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing: no such file or folder"));
    let o = waymark(dir.path(), &["diff", "old", "new/matrix.ron"]);
    assert_eq!(code(&o), 2, "a roadmap against one of its files");
}

// ---------------------------------------------------------------------------------------------
// With git.

fn git_installed() -> bool {
    let found = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("git tools: skipped: `git` is not installed");
    }
    found
}

/// Runs `git ARGS` in `dir`, isolated from the user's configuration.
fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Planner")
        .env("GIT_AUTHOR_EMAIL", "planner@example.org")
        .env("GIT_COMMITTER_NAME", "Planner")
        .env("GIT_COMMITTER_EMAIL", "planner@example.org")
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let o = git(dir, args);
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

/// A repository whose `main` holds the bundled roadmap in `roadmaps/`, with Waymark set up as
/// its merge driver and diff, and a branch `feature` at the same commit.
fn repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path().join("repo");
    std::fs::create_dir(&repo).expect("folder");
    git_ok(&repo, &["init", "-q", "-b", "main"]);
    copy_bundled(&repo.join("roadmaps"));
    let o = waymark(&repo, &["git-setup"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("*.ron merge=waymark diff=waymark"));
    git_ok(&repo, &["add", "-A"]);
    git_ok(&repo, &["commit", "-q", "-m", "The bundled roadmap"]);
    git_ok(&repo, &["branch", "feature"]);
    (dir, repo)
}

fn commit_on(repo: &Path, branch: &str, change: impl FnOnce(&Path)) {
    git_ok(repo, &["checkout", "-q", branch]);
    change(&repo.join("roadmaps"));
    git_ok(
        repo,
        &["commit", "-q", "-a", "-m", &format!("Edit on {branch}")],
    );
}

#[test]
fn branches_editing_different_fields_items_and_links_merge_cleanly() {
    if !git_installed() {
        return;
    }
    let (_dir, repo) = repository();
    commit_on(&repo, "feature", |r| {
        edit_first(&r.join("programmes.ron"), SPAN_BEFORE, SPAN_AFTER);
        edit(
            &r.join("matrix.ron"),
            GAPS_END,
            &new_gap("gap.t3.10", 10, "枝の小論点"),
        );
        remove_item(&r.join("programmes.ron"), LINK);
    });
    commit_on(&repo, "main", |r| {
        edit(
            &r.join("programmes.ron"),
            TITLE,
            "title: \"再生・細胞医療・遺伝子治療統合プロジェクト\",",
        );
        edit(
            &r.join("matrix.ron"),
            GAPS_END,
            &new_gap("gap.t3.9", 9, "本線の小論点"),
        );
    });
    let o = git(&repo, &["merge", "--no-edit", "feature"]);
    assert!(
        o.status.success(),
        "{}{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );

    let entry = "roadmaps/regenerative-medicine.ron";
    let o = waymark(&repo, &["diff", "HEAD~2", entry, "--lang", "en"]);
    assert_eq!(
        stdout(&o),
        "1 changed, 0 moved, 2 added, 1 removed\n\
         Gaps\n  \
         added: gap.t3.9 Issue 3-9 本線の小論点\n  \
         added: gap.t3.10 Issue 3-10 枝の小論点\n\
         Measures\n  \
         changed: prog.amed-project Regenerative, cell and gene therapy pro…\n    \
         span: FY2020–FY2024 → FY2021–FY2025\n    \
         title: \"再生・細胞医療・遺伝子治療プロジェクト\" → \"再生・細胞医療・遺伝子治療統合プロジェクト\"\n\
         Links\n  \
         removed: Responsible prog.accel Programme to accelerate… → 文 文 Ministry of Education, …\n"
    );
    // The same between two revisions named with `-- ENTRY`, and nothing left to differ.
    let o = waymark(
        &repo,
        &["diff", "--lang", "en", "main~1", "feature", "--", entry],
    );
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("gap.t3.10"), "{}", stdout(&o));
    let o = waymark(&repo, &["diff", "HEAD", entry]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = waymark(&repo, &["check", entry]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(!stdout(&o).contains("merge-conflict"));
    let o = waymark(&repo, &["fmt", "--check", entry]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn a_conflicting_edit_stops_the_merge_and_the_file_loads_with_it_recorded() {
    if !git_installed() {
        return;
    }
    let (_dir, repo) = repository();
    commit_on(&repo, "feature", |r| {
        edit(&r.join("programmes.ron"), TITLE, "title: \"枝の題名\",");
        edit(
            &r.join("matrix.ron"),
            GAPS_END,
            &new_gap("gap.t3.10", 10, "枝の小論点"),
        );
    });
    commit_on(&repo, "main", |r| {
        edit(&r.join("programmes.ron"), TITLE, "title: \"本線の題名\",");
    });
    let o = git(&repo, &["merge", "--no-edit", "feature"]);
    assert!(!o.status.success(), "the merge stops");
    assert!(
        stdout(&o).contains("CONFLICT (content): Merge conflict in roadmaps/programmes.ron"),
        "{}",
        stdout(&o)
    );
    let merged = std::fs::read_to_string(repo.join("roadmaps/programmes.ron")).expect("read");
    assert!(!merged.contains("<<<<<<<"), "no conflict markers");
    assert!(merged.contains("title: \"本線の題名\","), "ours is kept");
    assert!(
        merged.contains("    conflicts: [\n        (\n            item: Item(Measure(\"prog.amed-project\")),\n            field: \"title\",\n            base: \"\\\"再生・細胞医療・遺伝子治療プロジェクト\\\"\",\n            ours: \"\\\"本線の題名\\\"\",\n            theirs: \"\\\"枝の題名\\\"\",\n        ),\n    ],\n"),
        "{merged}"
    );

    let entry = "roadmaps/regenerative-medicine.ron";
    let o = waymark(&repo, &["check", entry]);
    assert_eq!(code(&o), 0, "the roadmap loads: {}", stdout(&o));
    let line = merged
        .lines()
        .position(|l| l.contains("item: Item(Measure"))
        .expect("the record")
        + 1;
    assert!(
        stdout(&o).contains(&format!(
            "roadmaps/programmes.ron:{line}:13: warning: merge conflict: measures `prog.amed-project`, field `title`: ours \"本線の題名\" (kept), theirs \"枝の題名\", base \"再生・細胞医療・遺伝子治療プロジェクト\" [merge-conflict]"
        )),
        "{}",
        stdout(&o)
    );
    let o = waymark(&repo, &["fmt", "--check", entry]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    // What merged cleanly is there too.
    let matrix = std::fs::read_to_string(repo.join("roadmaps/matrix.ron")).expect("read");
    assert!(matrix.contains("gap.t3.10"));
}

#[test]
fn git_log_shows_a_roadmap_file_item_by_item() {
    if !git_installed() {
        return;
    }
    let (_dir, repo) = repository();
    commit_on(&repo, "main", |r| {
        edit_first(&r.join("programmes.ron"), SPAN_BEFORE, SPAN_AFTER);
    });
    // Through textconv, git's own line diff reads one line per field.
    let log = git_ok(&repo, &["log", "-p", "-1", "--", "roadmaps/programmes.ron"]);
    assert!(
        log.contains("-measures prog.amed-project span: FY2020–FY2024\n"),
        "{log}"
    );
    assert!(
        log.contains("+measures prog.amed-project span: FY2021–FY2025\n"),
        "{log}"
    );
    // Through the external diff, changes read as in `waymark diff`.
    let diff = git_ok(&repo, &["diff", "HEAD~1", "--", "roadmaps/programmes.ron"]);
    assert!(
        diff.contains("diff --waymark a/roadmaps/programmes.ron b/roadmaps/programmes.ron\n"),
        "{diff}"
    );
    assert!(
        diff.contains("    span: FY2020–FY2024 → FY2021–FY2025\n"),
        "{diff}"
    );
}
