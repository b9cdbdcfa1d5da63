//! Every malformed fixture gives exactly the diagnostics expected: rule, file, line, column and a key
//! phrase of the message, in the style of ron's `tests/203_error_positions.rs`.
//!
//! The expected lines and columns are counted by hand from the fixtures in `tests/fixtures/`
//! (columns count characters from 1, so `"文部科学省"` is seven columns wide), never recomputed
//! with the code under test.

use std::path::{Path, PathBuf};

use waymark::diagnostic::{Diagnostic, Severity};
use waymark::document::{Disk, open};
use waymark::model::{FileId, LinkKind, parse_roadmap};

use Severity::{Error, Warning};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// One expected diagnostic.
struct Want<'a> {
    severity: Severity,
    rule: &'a str,
    /// The file the diagnostic names, as a full path.
    file: PathBuf,
    line: usize,
    col: usize,
    /// A phrase the message must contain.
    phrase: &'a str,
}

fn want<'a>(
    severity: Severity,
    rule: &'a str,
    file: impl AsRef<Path>,
    line: usize,
    col: usize,
    phrase: &'a str,
) -> Want<'a> {
    Want {
        severity,
        rule,
        file: file.as_ref().to_owned(),
        line,
        col,
        phrase,
    }
}

/// Asserts that `got` is exactly `wanted`, in order.
fn assert_diagnostics(got: &[Diagnostic], wanted: &[Want<'_>]) {
    let shown = got
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        got.len(),
        wanted.len(),
        "expected {} diagnostic(s), got:\n{shown}",
        wanted.len()
    );
    for (g, w) in got.iter().zip(wanted) {
        let file = w.file.display().to_string();
        assert_eq!(
            (g.severity, g.rule, g.file.as_str(), g.line, g.col),
            (w.severity, w.rule, file.as_str(), w.line, w.col),
            "diagnostic differs; all of them:\n{shown}"
        );
        assert!(
            g.message.contains(w.phrase),
            "message {:?} lacks {:?}",
            g.message,
            w.phrase
        );
        // Where a snippet is shown, it is the line the diagnostic names.
        if let Some(snippet) = &g.snippet {
            let bytes = std::fs::read(&w.file).expect("the named file is readable");
            let text = String::from_utf8_lossy(&bytes);
            let line = text.lines().nth(w.line - 1).expect("the named line exists");
            assert_eq!(snippet, line.trim_end(), "snippet of {g}");
        }
    }
}

/// Parses (without validating) a roadmap that must fail to parse, returning its diagnostics.
fn parse_errors(entry: &Path) -> Vec<Diagnostic> {
    let diagnostics = match parse_roadmap(&Disk, entry) {
        Ok(_) => panic!("{} parsed, but it is malformed", entry.display()),
        Err(e) => e.diagnostics,
    };
    // Opening goes through the same parse and reports the same.
    let opened = open(&Disk, entry).expect_err("a roadmap that does not parse does not open");
    assert_eq!(opened.diagnostics, diagnostics);
    diagnostics
}

/// Opens a roadmap that parses but must fail validation, returning its diagnostics.
fn validation_errors(entry: &Path) -> Vec<Diagnostic> {
    if let Err(e) = parse_roadmap(&Disk, entry) {
        panic!(
            "{} should parse and fail only validation: {:#?}",
            entry.display(),
            e.diagnostics
        );
    }
    match open(&Disk, entry) {
        Ok(doc) => panic!(
            "{} opened, but it has errors; warnings: {:#?}",
            entry.display(),
            doc.warnings
        ),
        Err(e) => e.diagnostics,
    }
}

/// Opens a roadmap that must load (with warnings at most), returning the warnings.
fn warnings_of(entry: &Path) -> Vec<Diagnostic> {
    match open(&Disk, entry) {
        Ok(doc) => doc.warnings,
        Err(e) => panic!("{} does not open: {:#?}", entry.display(), e.diagnostics),
    }
}

// ---------------------------------------------------------------------------------------------
// The valid fixtures.

#[test]
fn valid_single_file_fixture_loads_without_any_diagnostic() {
    let doc = open(&Disk, &fixture("valid/roadmap.ron"))
        .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert_eq!(doc.warnings, Vec::<Diagnostic>::new());
    let it = &doc.roadmap.items;
    let counts = [
        ("sources", it.sources.len()),
        ("ministries", it.ministries.len()),
        ("stages", it.stages.len()),
        ("target_states", it.target_states.len()),
        ("notes", it.notes.len()),
        ("themes", it.themes.len()),
        ("gaps", it.gaps.len()),
        ("measures", it.measures.len()),
        ("proposals", it.proposals.len()),
        ("kpis", it.kpis.len()),
        ("budgets", it.budgets.len()),
        ("events", it.events.len()),
        ("scenarios", it.scenarios.len()),
        ("links", it.links.len()),
    ];
    for (kind, n) in counts {
        assert!(n > 0, "the valid fixture has no {kind}");
    }
    let mut kinds: Vec<&str> = it.links.iter().map(|l| l.link.name()).collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "AddressedBy",
            "Blocks",
            "Continues",
            "ContributesTo",
            "MeasuredBy",
            "Responsible",
            "SameAs",
            "Through"
        ]
    );
    assert_eq!(doc.roadmap.header.id.as_str(), "fixture");
    assert_eq!(
        (doc.roadmap.header.start_fy, doc.roadmap.header.end_fy),
        (2020, 2030)
    );
    assert_eq!(doc.roadmap.files.len(), 1);
}

#[test]
fn valid_two_file_fixture_loads_and_remembers_where_items_come_from() {
    let doc = open(&Disk, &fixture("two-file/entry.ron"))
        .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert_eq!(doc.warnings, Vec::<Diagnostic>::new());
    let names: Vec<&str> = doc.roadmap.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["entry.ron", "part.ron"]);
    let it = &doc.roadmap.items;
    assert_eq!(it.gaps.len(), 1);
    assert_eq!(it.gaps[0].origin, FileId(0));
    assert_eq!(it.measures.len(), 1);
    assert_eq!(it.measures[0].origin, FileId(1));
    assert_eq!(it.links.len(), 1);
    assert_eq!(it.links[0].origin, FileId(1));
    // The link in the part file resolves against the gap in the entry file.
    assert!(matches!(
        &it.links[0].link,
        LinkKind::AddressedBy { gap, measure } if gap.as_str() == "gap.1" && measure.as_str() == "m.1"
    ));
    assert_eq!(doc.files[1].path, fixture("two-file/part.ron"));
}

// ---------------------------------------------------------------------------------------------
// Syntax and type errors: the file does not parse.

#[test]
fn truncated_file() {
    // The file ends after line 6 (`        title: "途中で切れた",`). The error points just after the
    // last token, so that the snippet shows the line where the file stops: 8 spaces, `title:`
    // (9–14), space, the quoted six-character title (16–23), `,` (24), then column 25.
    let path = fixture("malformed/truncated.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(Error, "parse", &path, 6, 25, "unexpected end")],
    );
}

#[test]
fn missing_comma() {
    // `        title: "コンマがない" start_fy: 2020,`: the quoted title takes columns 16–23, and
    // `start_fy` starts at column 25 where `,` or `)` was expected.
    let path = fixture("malformed/missing-comma.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(Error, "parse", &path, 6, 25, "expected comma")],
    );
}

#[test]
fn wrong_type_is_reported_on_its_line() {
    let path = fixture("malformed/wrong-type.ron");
    let got = parse_errors(&path);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        (got[0].rule, got[0].file.as_str(), got[0].line),
        ("parse", path.display().to_string().as_str(), 7)
    );
    assert!(got[0].message.contains("expected integer"), "{}", got[0]);
}

#[test]
fn wrong_type_points_at_the_value() {
    // `        start_fy: "2020",`: `start_fy:` is columns 9–17, a space, then the string at 19.
    let path = fixture("malformed/wrong-type.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(Error, "parse", &path, 7, 19, "expected integer")],
    );
}

#[test]
fn unknown_field_is_a_typo_with_the_expected_names() {
    // `        titel: "綴り違い",`: the field name starts at column 9.
    let path = fixture("malformed/unknown-field.ron");
    let got = parse_errors(&path);
    assert_diagnostics(&got, &[want(Error, "parse", &path, 6, 9, "`titel`")]);
    assert!(got[0].message.contains("`title`"), "{}", got[0]);
}

#[test]
fn invalid_id_characters() {
    // `        (id: "小論点2", …`: the opening quote is column 14; the ID's text, whose first
    // character is the offending one, starts at column 15.
    let path = fixture("malformed/bad-id.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(Error, "parse", &path, 7, 15, "found '小'")],
    );
}

#[test]
fn ministry_code_with_a_separator() {
    // `        (code: "内・文", …`: the opening quote is column 16, the code's text starts at 17,
    // and the separator the message names is at 18.
    let path = fixture("malformed/bad-ministry-code.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(Error, "parse", &path, 7, 18, "found '・'")],
    );
}

/// The bytes of an entry file whose line 4 has an invalid byte after `日`.
///
/// Line 4 is `    roadmap: (id: "utf8", title: "日\xff…`: 34 ASCII columns, `日` at column 35, and
/// the bad byte at column 36. Bytes before it: 26 + 2 + 15 + 34 + 3 (`日`) = 80.
fn utf8_entry(include: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"#![enable(implicit_some)]\n(\n    schema: 1,\n");
    bytes.extend_from_slice("    roadmap: (id: \"utf8\", title: \"日".as_bytes());
    bytes.push(0xff);
    bytes.extend_from_slice(b"\", start_fy: 2020, end_fy: 2030),\n");
    bytes.extend_from_slice(include.as_bytes());
    bytes.extend_from_slice(b")\n");
    bytes
}

#[test]
fn invalid_utf8_in_the_entry_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("entry.ron");
    std::fs::write(&path, utf8_entry("")).expect("write");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(Error, "invalid-utf8", &path, 4, 36, "at byte 80")],
    );
}

#[test]
fn invalid_utf8_in_an_included_file_names_that_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = dir.path().join("entry.ron");
    std::fs::write(
        &entry,
        "(\n    schema: 1,\n    roadmap: (id: \"x\", title: \"x\", start_fy: 2020, end_fy: 2030),\n    include: [\"part.ron\"],\n)\n",
    )
    .expect("write");
    // Line 2 of the part file: `    notes: [(id: "n", kind: Other("` is 35 columns, then `é` cut
    // to its first byte (0xC3) at column 36. Bytes before it: 2 + 35 = 37.
    let part = dir.path().join("part.ron");
    let mut bytes = b"(\n    notes: [(id: \"n\", kind: Other(\"".to_vec();
    bytes.extend_from_slice(&[0xc3, b'"', b')', b')', b']', b'\n', b')', b'\n']);
    std::fs::write(&part, bytes).expect("write");
    assert_diagnostics(
        &parse_errors(&entry),
        &[want(Error, "invalid-utf8", &part, 2, 36, "at byte 37")],
    );
}

#[test]
fn a_schema_newer_than_this_build_is_refused() {
    let path = fixture("malformed/schema-3.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "schema-version",
            &path,
            3,
            5,
            "schema version 3 is not supported; this build reads versions 1 to 2",
        )],
    );
}

#[test]
fn part_file_opened_as_entry() {
    let path = fixture("two-file/part.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "not-an-entry-file",
            &path,
            1,
            1,
            "no `roadmap: (…)` header",
        )],
    );
}

#[test]
fn entry_file_that_does_not_exist() {
    let path = fixture("malformed/no-such-file.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "unreadable-file",
            &path,
            1,
            1,
            "does not exist",
        )],
    );
}

#[test]
fn include_of_a_missing_file_points_at_the_include() {
    // `        "parts/absent.ron",` on line 6: the string starts at column 9.
    let path = fixture("malformed/include-missing.ron");
    let got = parse_errors(&path);
    assert_diagnostics(
        &got,
        &[want(
            Error,
            "unreadable-file",
            &path,
            6,
            9,
            "does not exist",
        )],
    );
    assert!(got[0].message.contains("parts/absent.ron"), "{}", got[0]);
}

#[test]
fn include_of_a_directory_points_at_the_include() {
    let path = fixture("malformed/include-directory.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "include-not-a-file",
            &path,
            6,
            9,
            "is a directory",
        )],
    );
}

#[test]
fn duplicate_include_is_an_error() {
    let path = fixture("malformed/duplicate-include/entry.ron");
    let got = parse_errors(&path);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        (got[0].rule, got[0].file.as_str()),
        ("duplicate-include", path.display().to_string().as_str())
    );
    assert!(got[0].message.contains("`part.ron`"), "{}", got[0]);
}

#[test]
fn duplicate_include_points_at_the_second_include() {
    // `part.ron` is listed on lines 6 and 7; the second one is the duplicate.
    let path = fixture("malformed/duplicate-include/entry.ron");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "duplicate-include",
            &path,
            7,
            9,
            "included more than once",
        )],
    );
}

#[test]
fn entry_file_including_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("self.ron");
    // Line 4: `    include: ["self.ron"],`: `include:` is columns 5–12, `[` 14, the string 15.
    std::fs::write(
        &path,
        "(\n    schema: 1,\n    roadmap: (id: \"x\", title: \"x\", start_fy: 2020, end_fy: 2030),\n    include: [\"self.ron\"],\n)\n",
    )
    .expect("write");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "duplicate-include",
            &path,
            4,
            15,
            "`self.ron` is included more than once",
        )],
    );
}

#[test]
fn included_file_with_a_header_or_includes() {
    // Both part files have the offending field on line 4, after 4 spaces.
    let entry = fixture("malformed/nested-entry/entry.ron");
    assert_diagnostics(
        &parse_errors(&entry),
        &[
            want(
                Error,
                "nested-entry",
                fixture("malformed/nested-entry/with-header.ron"),
                4,
                5,
                "may not have `roadmap`",
            ),
            want(
                Error,
                "nested-entry",
                fixture("malformed/nested-entry/with-include.ron"),
                4,
                5,
                "may not have `include`",
            ),
        ],
    );
}

#[test]
fn included_file_too_large() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = dir.path().join("entry.ron");
    // Line 5: `        "big.ron",`: the string starts at column 9.
    std::fs::write(
        &entry,
        "(\n    schema: 1,\n    roadmap: (id: \"x\", title: \"x\", start_fy: 2020, end_fy: 2030),\n    include: [\n        \"big.ron\",\n    ],\n)\n",
    )
    .expect("write");
    let big = std::fs::File::create(dir.path().join("big.ron")).expect("create");
    // A sparse file one byte over the limit of 64 MiB.
    big.set_len(64 * 1024 * 1024 + 1).expect("set_len");
    assert_diagnostics(
        &parse_errors(&entry),
        &[want(
            Error,
            "file-too-large",
            &entry,
            5,
            9,
            "is 67108865 bytes; the largest accepted is 67108864",
        )],
    );
}

#[test]
fn too_many_includes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = dir.path().join("entry.ron");
    let list: Vec<String> = (0..1001).map(|i| format!("\"p{i}.ron\"")).collect();
    // Line 4 starts with 4 spaces, then `include:` at column 5.
    std::fs::write(
        &entry,
        format!(
            "(\n    schema: 1,\n    roadmap: (id: \"x\", title: \"x\", start_fy: 2020, end_fy: 2030),\n    include: [{}],\n)\n",
            list.join(", ")
        ),
    )
    .expect("write");
    assert_diagnostics(
        &parse_errors(&entry),
        &[want(
            Error,
            "too-many-includes",
            &entry,
            4,
            5,
            "1001 files are included",
        )],
    );
}

// ---------------------------------------------------------------------------------------------
// Validation: the files parse, but the roadmap is wrong.

#[test]
fn duplicate_id_across_two_files_points_at_the_later_one() {
    // gap.1 is defined in entry.ron and again on line 6 of part.ron: `        (id: "gap.1", …`,
    // where `id` starts at column 10.
    let entry = fixture("malformed/duplicate-id/entry.ron");
    assert_diagnostics(
        &validation_errors(&entry),
        &[want(
            Error,
            "duplicate-id",
            fixture("malformed/duplicate-id/part.ron"),
            6,
            10,
            "duplicate gap `gap.1`: it is already defined (entry.ron)",
        )],
    );
}

#[test]
fn duplicate_id_in_one_file_points_at_the_second() {
    let path = fixture("malformed/duplicate-id-same-file.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "duplicate-id",
            &path,
            7,
            10,
            "duplicate measure `m.1`: it is already defined (earlier in this file)",
        )],
    );
}

#[test]
fn duplicate_proposal_numbers() {
    // Line 13: `        (id: "proposal.2", number: 1, …`: the 12-character ID takes 14–25, `number`
    // starts at 28.
    let path = fixture("malformed/duplicate-number.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "duplicate-number",
            &path,
            13,
            28,
            "proposal number 1 is already used by `proposal.1`",
        )],
    );
}

#[test]
fn dangling_references_point_at_the_missing_id() {
    // Line 6: after `text: "課題", ` comes `stages: ["stage.none"]` with the string at 55 (the
    // two-character text counts as two columns). Line 12: `measure: "m.missing"` with 16 spaces
    // of indent puts the string at 26.
    let path = fixture("malformed/dangling-reference.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[
            want(
                Error,
                "dangling-reference",
                &path,
                6,
                55,
                "stage `stage.none` does not exist",
            ),
            want(
                Error,
                "dangling-reference",
                &path,
                12,
                26,
                "measure `m.missing` does not exist",
            ),
        ],
    );
}

#[test]
fn unknown_ministry_code_lists_the_known_ones() {
    // Line 13: `        (link: Responsible(measure: "m.1", ministry: "農", …`: `"農"` at 54.
    let path = fixture("malformed/unknown-ministry.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "unknown-ministry",
            &path,
            13,
            54,
            "unknown ministry code `農`; known codes are 厚, 文",
        )],
    );
}

#[test]
fn empty_required_text() {
    // Line 6: `        (code: "文", name: "文部科学省", name_en: "  ", …`: `name_en` at 36.
    // Line 9: `        (id: "gap.1", number: 1, text: "", …`: `text` at 34.
    let path = fixture("malformed/empty-text.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[
            want(Error, "empty-text", &path, 6, 36, "`name_en` is empty"),
            want(Error, "empty-text", &path, 9, 34, "`text` is empty"),
        ],
    );
}

#[test]
fn header_with_empty_title_and_reversed_horizon() {
    let path = fixture("malformed/header.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[
            want(Error, "empty-text", &path, 6, 9, "`title` is empty"),
            want(
                Error,
                "span-order",
                &path,
                8,
                9,
                "the horizon ends (FY2020) before it starts (FY2030)",
            ),
        ],
    );
}

#[test]
fn span_ending_before_it_starts() {
    let path = fixture("malformed/span-order.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "span-order",
            &path,
            12,
            17,
            "the span ends (FY2024) before it starts (FY2028)",
        )],
    );
}

#[test]
fn span_order_in_the_second_scenario_override_points_at_that_override() {
    // Lines 14 and 15 are laid out alike; the reversed span is on line 15, `end_fy` at 57.
    let path = fixture("malformed/scenario-override.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "span-order",
            &path,
            15,
            57,
            "the span ends (FY2025) before it starts (FY2027)",
        )],
    );
}

#[test]
fn self_links() {
    let path = fixture("malformed/self-link.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[
            want(
                Error,
                "self-link",
                &path,
                12,
                10,
                "gap `gap.1` is linked to itself",
            ),
            want(
                Error,
                "self-link",
                &path,
                13,
                10,
                "measure `m.1` is linked to itself",
            ),
        ],
    );
}

#[test]
fn through_link_to_a_measure_that_is_not_a_programme() {
    // Line 13: `        (link: Through(measure: "m.1", programme: "m.2"), …`: `"m.2"` at 51.
    let path = fixture("malformed/link-type.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "link-type",
            &path,
            13,
            51,
            "`m.2` is not a programme",
        )],
    );
}

#[test]
fn kpi_parent_cycle() {
    // Lines 9–11: `        (id: "kpi.a", parent: …`: `parent` at 23 on each.
    let path = fixture("malformed/cycle.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[
            want(
                Error,
                "cycle",
                &path,
                9,
                23,
                "KPI `kpi.a` is its own ancestor",
            ),
            want(
                Error,
                "cycle",
                &path,
                10,
                23,
                "KPI `kpi.b` is its own ancestor",
            ),
            want(
                Error,
                "cycle",
                &path,
                11,
                23,
                "KPI `kpi.c` is its own ancestor",
            ),
        ],
    );
}

#[test]
fn duplicate_actual_year() {
    // Lines 15 and 16: `                (fy: 2022, …`; the finding is at the repeat, `fy` at 18.
    let path = fixture("malformed/duplicate-year.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "duplicate-year",
            &path,
            16,
            18,
            "FY2022 has more than one actual value",
        )],
    );
}

#[test]
fn duplicate_actual_year_after_a_latest_value_of_that_year() {
    // `latest: (…, as_of_fy: 2023, …)` on line 14 must not be taken for an actual; the actuals of
    // FY2023 are on lines 17 and 18; the finding is at the repeat, `fy` at 18.
    let path = fixture("malformed/duplicate-year-after-latest.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "duplicate-year",
            &path,
            18,
            18,
            "FY2023 has more than one actual value",
        )],
    );
}

#[test]
fn impossible_dates() {
    // Line 6: `        (id: "src.a", title: "資料", date: Month(2023, 13)),`: `Month` at 42.
    // Line 9: `        (id: "event.1", when: Day(2023, 2, 29), …`: `Day` at 31.
    let path = fixture("malformed/bad-date.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[
            want(
                Error,
                "bad-date",
                &path,
                6,
                42,
                "month 13 is not between 1 and 12",
            ),
            want(
                Error,
                "bad-date",
                &path,
                9,
                31,
                "impossible date 2023-02-29: day 29 is not in 2023-02, which has 28 days",
            ),
        ],
    );
}

#[test]
fn impossible_date_written_before_the_id_points_into_its_own_item() {
    // Line 6: `        (when: Day(2023, 2, 29), id: "event.1", …`: `Day` at 16. Line 7 holds
    // another event with a valid date, which must not be blamed.
    let path = fixture("malformed/field-order.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "bad-date",
            &path,
            6,
            16,
            "day 29 is not in 2023-02",
        )],
    );
}

#[test]
fn numbers_that_are_not_finite_or_negative() {
    // Line 9: a KPI whose latest value is NaN is reported at the KPI (`id` at 10). Line 12:
    // `        (id: "budget.1", title: "予算", fiscal_year: 2023, amount_oku_yen: -1.5, …`:
    // `amount_oku_yen` at 58.
    let path = fixture("malformed/bad-number.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[
            want(
                Error,
                "bad-number",
                &path,
                9,
                10,
                "KPI value NaN is not a finite number",
            ),
            want(
                Error,
                "bad-number",
                &path,
                12,
                58,
                "amount -1.5 is not a non-negative number",
            ),
        ],
    );
}

#[test]
fn action_listed_twice() {
    // Line 20: `            actions: ["m.1", "m.1"],`: the first `"m.1"` at 23.
    let path = fixture("malformed/duplicate-reference.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[want(
            Error,
            "duplicate-reference",
            &path,
            20,
            23,
            "action `m.1` is listed twice",
        )],
    );
}

// ---------------------------------------------------------------------------------------------
// Warnings: the roadmap loads, and the warnings come with it.

#[test]
fn outside_horizon_is_a_warning_and_the_roadmap_loads() {
    // Line 6: `        (id: "target.2050", horizon_year: 2050, …`: `horizon_year` at 29.
    // Line 13: `            span: (start_fy: 2018, …`: `start_fy` at 20.
    let path = fixture("malformed/outside-horizon.ron");
    let got = warnings_of(&path);
    assert_diagnostics(
        &got,
        &[
            want(
                Warning,
                "outside-horizon",
                &path,
                6,
                29,
                "horizon year 2050 lies outside the roadmap's horizon FY2020-FY2030",
            ),
            want(
                Warning,
                "outside-horizon",
                &path,
                13,
                20,
                "span FY2018-FY2022 lies outside",
            ),
        ],
    );
    assert!(got.iter().all(|d| !d.is_error()));
}

#[test]
fn missing_source_and_basis_are_warnings() {
    let path = fixture("malformed/no-source-no-basis.ron");
    assert_diagnostics(
        &warnings_of(&path),
        &[
            want(
                Warning,
                "no-source",
                &path,
                6,
                10,
                "stated, but cites no source",
            ),
            want(
                Warning,
                "no-basis",
                &path,
                13,
                13,
                "should say what it is based on in `basis`",
            ),
        ],
    );
}

#[test]
fn duplicate_link_is_a_warning_at_the_second_link() {
    let path = fixture("malformed/duplicate-link.ron");
    let doc = open(&Disk, &path).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert_diagnostics(
        &doc.warnings,
        &[want(
            Warning,
            "duplicate-link",
            &path,
            13,
            10,
            "this AddressedBy link is given more than once",
        )],
    );
    // Loaded as written: both links are kept.
    assert_eq!(doc.roadmap.items.links.len(), 2);
}

#[test]
fn errors_come_first_and_warnings_are_kept_with_them() {
    // The warning is on line 6 and the error on line 7, yet the error is listed first.
    let path = fixture("malformed/mixed-severity.ron");
    assert_diagnostics(
        &validation_errors(&path),
        &[
            want(Error, "empty-text", &path, 7, 34, "`text` is empty"),
            want(
                Warning,
                "no-source",
                &path,
                6,
                10,
                "stated, but cites no source",
            ),
        ],
    );
}

#[test]
fn display_is_compiler_style_with_the_rule() {
    let path = fixture("malformed/unknown-ministry.ron");
    let got = validation_errors(&path);
    let shown = got[0].to_string();
    let first = shown.lines().next().expect("a line");
    assert_eq!(
        first,
        format!(
            "{}:13:54: error: unknown ministry code `農`; known codes are 厚, 文; add it under `ministries` [unknown-ministry]",
            path.display()
        )
    );
    // The caret sits under the `"` of `"農"`: everything before column 54 on line 13 is ASCII,
    // so 53 cells of padding; the gutter is two wide for line 13.
    let caret = shown.lines().last().expect("caret line");
    assert_eq!(caret, format!("   | {}^", " ".repeat(53)));
}

/// The valid fixture with `from` replaced by `to`, written to a temporary folder.
fn variant(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(fixture("valid/roadmap.ron")).expect("read");
    assert!(text.contains(from), "{from}");
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("roadmap.ron");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    (dir, path)
}

#[test]
fn a_number_with_a_percent_sign_is_named_as_not_a_number() {
    // Line 225 of the fixture: `                value: 25.0,` — the number starts at column 24.
    let (_dir, path) = variant("value: 25.0,", "value: 80%,");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "parse",
            &path,
            225,
            24,
            "`80%` is not a number",
        )],
    );
}

#[test]
fn an_unterminated_string_is_reported_where_it_opens() {
    // Line 15: `            title: "試験資料",` — the opening quote is column 20.
    let (_dir, path) = variant("title: \"試験資料\",", "title: \"試験資料,");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "parse",
            &path,
            15,
            20,
            "this string does not end on its line",
        )],
    );
}

#[test]
fn a_missing_field_is_reported_at_the_item_that_lacks_it() {
    // The target state's fields start on line 56 (`            id: "target.2030",`), column 13.
    let (_dir, path) = variant("            text: \"治療が届く\",\n", "");
    assert_diagnostics(
        &parse_errors(&path),
        &[want(
            Error,
            "parse",
            &path,
            56,
            13,
            "missing field `text` in a target state",
        )],
    );
}
