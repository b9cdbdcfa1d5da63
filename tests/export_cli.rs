//! `waymark export` as a user runs it: formats, views, where the output goes, usage errors.

use std::path::Path;
use std::process::{Command, Output};

const BUNDLED: &str = "roadmaps/regenerative-medicine.ron";

fn waymark(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("the waymark binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_unknown_format_view_or_table_is_a_usage_error_listing_the_names() {
    let o = waymark(&["export", "--format", "docx", BUNDLED]);
    assert_eq!(o.status.code(), Some(2));
    for name in ["xlsx", "csv", "json"] {
        assert!(stderr(&o).contains(name), "{}", stderr(&o));
    }
    let o = waymark(&["export", "--format", "csv", "--view", "gantt", BUNDLED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("matrix, proposals, measures, kpis, budgets"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn a_binary_format_needs_out() {
    let o = waymark(&["export", "--format", "xlsx", BUNDLED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--out"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn csv_goes_to_stdout_one_table_or_to_a_folder_a_file_per_table() {
    let o = waymark(&["export", "--format", "csv", "--lang", "en", BUNDLED]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    assert!(
        text.starts_with("\u{feff}Theme,Overarching issue,"),
        "{text:.80}"
    );

    let o = waymark(&["export", "--format", "csv", "--view", "kpis", BUNDLED]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("\u{feff}KPI,"));

    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("tables");
    let o = waymark(&[
        "export",
        "--format",
        "csv",
        "--out",
        out.to_str().expect("UTF-8 path"),
        BUNDLED,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("the folder is made")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "budgets.csv",
            "kpis.csv",
            "matrix.csv",
            "measures.csv",
            "proposals.csv"
        ]
    );
}

#[test]
fn xlsx_is_written_to_out_and_is_the_same_each_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.xlsx");
    let b = dir.path().join("b.xlsx");
    for path in [&a, &b] {
        let o = waymark(&[
            "export",
            "--format",
            "xlsx",
            "--out",
            path.to_str().expect("UTF-8 path"),
            BUNDLED,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
    let a = std::fs::read(a).expect("written");
    assert!(a.starts_with(b"PK"), "a zip file");
    assert!(a == std::fs::read(b).expect("written"));
}

#[test]
fn view_does_not_apply_to_json() {
    let o = waymark(&["export", "--format", "json", "--view", "timeline", BUNDLED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--view"), "{}", stderr(&o));
}

#[test]
fn the_timeline_as_pdf_is_written_to_out_and_the_same_each_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("t.pdf");
    let b = dir.path().join("u.pdf");
    for path in [&a, &b] {
        let o = waymark(&[
            "export",
            "--format",
            "pdf",
            "--view",
            "timeline",
            "--out",
            path.to_str().expect("UTF-8 path"),
            BUNDLED,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
    let a = std::fs::read(a).expect("written");
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == std::fs::read(b).expect("written"), "byte-identical");
}

#[test]
fn svg_and_html_go_to_stdout_and_png_needs_out() {
    let o = waymark(&[
        "export", "--format", "svg", "--view", "linkage", "--lang", "en", BUNDLED,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = String::from_utf8_lossy(&o.stdout);
    assert!(svg.starts_with("<?xml"), "{svg:.60}");
    assert!(svg.contains("aria-label=\"Ministries\""), "English labels");
    let o = waymark(&["export", "--format", "html", BUNDLED]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("<!DOCTYPE html>"));
    let o = waymark(&["export", "--format", "png", BUNDLED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--out"), "{}", stderr(&o));
}

#[test]
fn an_unknown_picture_view_or_scenario_is_a_usage_error_listing_the_names() {
    let o = waymark(&["export", "--format", "svg", "--view", "gantt", BUNDLED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "timeline, matrix, accountability, proposals, value-chain, targets, linkage, coverage, kpis"
        ),
        "{}",
        stderr(&o)
    );
    let o = waymark(&[
        "export",
        "--format",
        "svg",
        "--scenario",
        "scenario.none",
        BUNDLED,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("scenario.gmp-delay"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let o = waymark(&[
        "export",
        "--format",
        "svg",
        "--scenario",
        "scenario.gmp-delay",
        "--compare",
        "plan",
        BUNDLED,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("+2 FY"));
}

#[test]
fn a_reader_that_stops_early_ends_the_export_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(["export", "--format", "svg", "--view", "matrix", BUNDLED])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the waymark binary runs");
    // The reader goes away before anything is written, as `| head -c0` would.
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("waymark ends");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "nothing on stderr: {}", stderr(&o));
}
