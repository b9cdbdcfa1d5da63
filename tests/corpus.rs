//! The malformed corpus in `tests/corpus/`: every file gives the diagnostic expected, at the
//! line and column expected, and no diagnostic ever points outside its file. Cases that would be
//! huge or platform-dependent (a file over the size limit, deep nesting, a thousand includes, an
//! unreadable file) are generated here into a temporary folder instead of being committed.
//!
//! Each committed case is `tests/corpus/valid.ron` with one change (see `tests/corpus/README.md`),
//! so a case that stops failing, or fails elsewhere, shows up here. The positions were checked by
//! hand against the files: they point at the offending token (or, for an error at the end of a
//! truncated file, where the text stops).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use waymark::analysis::coverage::coverage;
use waymark::analysis::filter::{Filter, apply};
use waymark::analysis::index::Index;
use waymark::analysis::timeline::{Grouping, layout};
use waymark::diagnostic::Diagnostic;
use waymark::document::{Disk, open};
use waymark::i18n::Lang;
use waymark::model::{MAX_FILE_BYTES, MAX_INCLUDES, MAX_NESTING};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(rel)
}

/// One malformed case: its entry file, and the first diagnostic expected.
struct Case {
    entry: &'static str,
    rule: &'static str,
    /// The name of the file the diagnostic names (the entry file or an included one).
    file: &'static str,
    line: usize,
    col: usize,
    /// How many errors in all.
    errors: usize,
}

const fn case(
    entry: &'static str,
    rule: &'static str,
    file: &'static str,
    line: usize,
    col: usize,
    errors: usize,
) -> Case {
    Case {
        entry,
        rule,
        file,
        line,
        col,
        errors,
    }
}

/// Every committed malformed case.
const CASES: &[Case] = &[
    case(
        "bad-date-day.ron",
        "bad-date",
        "bad-date-day.ron",
        151,
        19,
        1,
    ),
    case(
        "bad-date-fiscal-year-range.ron",
        "bad-date",
        "bad-date-fiscal-year-range.ron",
        140,
        13,
        1,
    ),
    case(
        "bad-date-month.ron",
        "bad-date",
        "bad-date-month.ron",
        14,
        19,
        1,
    ),
    case(
        "bad-date-span-year-range.ron",
        "bad-date",
        "bad-date-span-year-range.ron",
        67,
        17,
        1,
    ),
    case(
        "bad-date-year-range.ron",
        "bad-date",
        "bad-date-year-range.ron",
        151,
        19,
        1,
    ),
    case("bad-id-char.ron", "parse", "bad-id-char.ron", 50, 21, 1),
    case("bad-id-empty.ron", "parse", "bad-id-empty.ron", 62, 18, 1),
    case(
        "bad-id-too-long.ron",
        "parse",
        "bad-id-too-long.ron",
        50,
        18,
        1,
    ),
    case(
        "bad-ministry-code-separator.ron",
        "parse",
        "bad-ministry-code-separator.ron",
        19,
        21,
        1,
    ),
    case(
        "bad-ministry-code-too-long.ron",
        "parse",
        "bad-ministry-code-too-long.ron",
        19,
        20,
        1,
    ),
    case(
        "bad-number-infinite-budget.ron",
        "bad-number",
        "bad-number-infinite-budget.ron",
        141,
        13,
        1,
    ),
    case(
        "bad-number-nan.ron",
        "bad-number",
        "bad-number-nan.ron",
        103,
        13,
        1,
    ),
    case(
        "bad-number-negative-budget.ron",
        "bad-number",
        "bad-number-negative-budget.ron",
        141,
        13,
        1,
    ),
    case(
        "cycle-kpi-self.ron",
        "cycle",
        "cycle-kpi-self.ron",
        125,
        13,
        1,
    ),
    case(
        "cycle-kpi-two.ron",
        "cycle",
        "cycle-kpi-two.ron",
        104,
        13,
        2,
    ),
    case(
        "dangling-across-files/entry.ron",
        "dangling-reference",
        "part.ron",
        7,
        25,
        1,
    ),
    case(
        "dangling-budget-programme.ron",
        "dangling-reference",
        "dangling-budget-programme.ron",
        139,
        24,
        1,
    ),
    case(
        "dangling-gap-of-proposal.ron",
        "dangling-reference",
        "dangling-gap-of-proposal.ron",
        90,
        18,
        1,
    ),
    case(
        "dangling-kpi-parent.ron",
        "dangling-reference",
        "dangling-kpi-parent.ron",
        125,
        21,
        1,
    ),
    case(
        "dangling-measure.ron",
        "dangling-reference",
        "dangling-measure.ron",
        164,
        26,
        1,
    ),
    case(
        "dangling-source.ron",
        "dangling-reference",
        "dangling-source.ron",
        55,
        22,
        1,
    ),
    case(
        "dangling-theme.ron",
        "dangling-reference",
        "dangling-theme.ron",
        51,
        20,
        1,
    ),
    case(
        "duplicate-field.ron",
        "parse",
        "duplicate-field.ron",
        40,
        13,
        1,
    ),
    case(
        "duplicate-id-across-files/entry.ron",
        "duplicate-id",
        "part.ron",
        5,
        13,
        1,
    ),
    case(
        "duplicate-id-gap.ron",
        "duplicate-id",
        "duplicate-id-gap.ron",
        56,
        13,
        1,
    ),
    case(
        "duplicate-id-ministry.ron",
        "duplicate-id",
        "duplicate-id-ministry.ron",
        25,
        13,
        1,
    ),
    case(
        "duplicate-number-theme.ron",
        "duplicate-number",
        "duplicate-number-theme.ron",
        49,
        13,
        1,
    ),
    case(
        "duplicate-reference.ron",
        "duplicate-reference",
        "duplicate-reference.ron",
        93,
        17,
        1,
    ),
    case(
        "duplicate-year.ron",
        "duplicate-year",
        "duplicate-year.ron",
        118,
        21,
        1,
    ),
    case("empty-text.ron", "empty-text", "empty-text.ron", 64, 13, 1),
    case(
        "include-broken-part/entry.ron",
        "parse",
        "part.ron",
        7,
        19,
        1,
    ),
    case(
        "include-directory/entry.ron",
        "include-not-a-file",
        "entry.ron",
        11,
        9,
        1,
    ),
    case(
        "include-duplicate/entry.ron",
        "duplicate-include",
        "entry.ron",
        12,
        9,
        1,
    ),
    case(
        "include-invalid-utf8/entry.ron",
        "invalid-utf8",
        "part.ron",
        7,
        20,
        1,
    ),
    case(
        "include-missing/entry.ron",
        "unreadable-file",
        "entry.ron",
        12,
        9,
        1,
    ),
    case(
        "include-nested/entry.ron",
        "nested-entry",
        "part.ron",
        3,
        5,
        1,
    ),
    case(
        "include-self/entry.ron",
        "duplicate-include",
        "entry.ron",
        11,
        9,
        1,
    ),
    case(
        "invalid-utf8-byte.ron",
        "invalid-utf8",
        "invalid-utf8-byte.ron",
        13,
        21,
        1,
    ),
    case(
        "invalid-utf8-latin1.ron",
        "invalid-utf8",
        "invalid-utf8-latin1.ron",
        13,
        24,
        1,
    ),
    case(
        "invalid-utf8-overlong.ron",
        "invalid-utf8",
        "invalid-utf8-overlong.ron",
        13,
        21,
        1,
    ),
    case(
        "invalid-utf8-surrogate.ron",
        "invalid-utf8",
        "invalid-utf8-surrogate.ron",
        13,
        21,
        1,
    ),
    case(
        "link-type-through-response.ron",
        "link-type",
        "link-type-through-response.ron",
        187,
        28,
        1,
    ),
    case("missing-field.ron", "parse", "missing-field.ron", 19, 13, 1),
    case(
        "not-an-entry-file.ron",
        "not-an-entry-file",
        "not-an-entry-file.ron",
        1,
        1,
        1,
    ),
    case(
        "schema-version.ron",
        "schema-version",
        "schema-version.ron",
        3,
        5,
        1,
    ),
    case(
        "self-link-through.ron",
        "self-link",
        "self-link-through.ron",
        185,
        13,
        1,
    ),
    case(
        "span-order-horizon.ron",
        "span-order",
        "span-order-horizon.ron",
        8,
        9,
        1,
    ),
    case("span-order.ron", "span-order", "span-order.ron", 67, 17, 1),
    case(
        "syntax-bad-escape.ron",
        "parse",
        "syntax-bad-escape.ron",
        13,
        21,
        1,
    ),
    case(
        "syntax-crlf-missing-comma.ron",
        "parse",
        "syntax-crlf-missing-comma.ron",
        40,
        13,
        1,
    ),
    case(
        "syntax-missing-comma.ron",
        "parse",
        "syntax-missing-comma.ron",
        40,
        13,
        1,
    ),
    case(
        "syntax-nul-byte.ron",
        "parse",
        "syntax-nul-byte.ron",
        13,
        27,
        1,
    ),
    case(
        "syntax-trailing-garbage.ron",
        "parse",
        "syntax-trailing-garbage.ron",
        193,
        1,
        1,
    ),
    case(
        "syntax-unbalanced-bracket.ron",
        "parse",
        "syntax-unbalanced-bracket.ron",
        94,
        13,
        1,
    ),
    case(
        "syntax-unclosed-comment.ron",
        "parse",
        "syntax-unclosed-comment.ron",
        10,
        8,
        1,
    ),
    case(
        "syntax-unterminated-string.ron",
        "parse",
        "syntax-unterminated-string.ron",
        40,
        20,
        1,
    ),
    case(
        "truncated-after-attribute.ron",
        "parse",
        "truncated-after-attribute.ron",
        1,
        26,
        1,
    ),
    case(
        "truncated-after-colon.ron",
        "parse",
        "truncated-after-colon.ron",
        3,
        11,
        1,
    ),
    case(
        "truncated-before-final-paren.ron",
        "parse",
        "truncated-before-final-paren.ron",
        191,
        7,
        1,
    ),
    case(
        "truncated-empty.ron",
        "parse",
        "truncated-empty.ron",
        1,
        1,
        1,
    ),
    case(
        "truncated-in-date.ron",
        "parse",
        "truncated-in-date.ron",
        14,
        27,
        1,
    ),
    case(
        "truncated-in-enum.ron",
        "parse",
        "truncated-in-enum.ron",
        63,
        19,
        1,
    ),
    case(
        "truncated-in-field-name.ron",
        "parse",
        "truncated-in-field-name.ron",
        3,
        5,
        1,
    ),
    case(
        "truncated-in-header.ron",
        "parse",
        "truncated-in-header.ron",
        6,
        30,
        1,
    ),
    case(
        "truncated-in-link-variant.ron",
        "parse",
        "truncated-in-link-variant.ron",
        162,
        19,
        1,
    ),
    case(
        "truncated-in-list.ron",
        "parse",
        "truncated-in-list.ron",
        16,
        7,
        1,
    ),
    case(
        "truncated-in-number.ron",
        "parse",
        "truncated-in-number.ron",
        141,
        29,
        1,
    ),
    case(
        "truncated-in-string.ron",
        "parse",
        "truncated-in-string.ron",
        6,
        16,
        1,
    ),
    case(
        "truncated-mid-character.ron",
        "invalid-utf8",
        "truncated-mid-character.ron",
        53,
        20,
        1,
    ),
    case("unknown-field.ron", "parse", "unknown-field.ron", 13, 13, 1),
    case(
        "unknown-ministry.ron",
        "unknown-ministry",
        "unknown-ministry.ron",
        175,
        27,
        1,
    ),
    case(
        "wrong-type-amount-string.ron",
        "parse",
        "wrong-type-amount-string.ron",
        141,
        29,
        1,
    ),
    case(
        "wrong-type-bool.ron",
        "parse",
        "wrong-type-bool.ron",
        108,
        24,
        1,
    ),
    case(
        "wrong-type-float-year.ron",
        "parse",
        "wrong-type-float-year.ron",
        28,
        27,
        1,
    ),
    case(
        "wrong-type-list-for-string.ron",
        "parse",
        "wrong-type-list-for-string.ron",
        53,
        19,
        1,
    ),
    case(
        "wrong-type-negative-number.ron",
        "parse",
        "wrong-type-negative-number.ron",
        39,
        22,
        1,
    ),
    case(
        "wrong-type-schema-string.ron",
        "parse",
        "wrong-type-schema-string.ron",
        3,
        13,
        1,
    ),
    case(
        "wrong-type-string-for-list.ron",
        "parse",
        "wrong-type-string-for-list.ron",
        92,
        22,
        1,
    ),
    case(
        "wrong-type-struct-for-enum.ron",
        "parse",
        "wrong-type-struct-for-enum.ron",
        22,
        25,
        1,
    ),
    case(
        "wrong-type-unknown-link.ron",
        "parse",
        "wrong-type-unknown-link.ron",
        185,
        19,
        1,
    ),
    case(
        "wrong-type-unknown-variant.ron",
        "parse",
        "wrong-type-unknown-variant.ron",
        63,
        19,
        1,
    ),
    case(
        "wrong-type-year-overflow.ron",
        "parse",
        "wrong-type-year-overflow.ron",
        140,
        26,
        1,
    ),
    case(
        "wrong-type-year-string.ron",
        "parse",
        "wrong-type-year-string.ron",
        7,
        19,
        1,
    ),
];

/// Asserts that every diagnostic points inside the file it names (a line that exists, a column
/// at most one past the line's end), and that showing it never fails.
fn assert_inside_files(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let bytes = std::fs::read(&d.file).unwrap_or_else(|e| panic!("{d}: cannot read: {e}"));
        let text = String::from_utf8_lossy(&bytes);
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(
            d.line >= 1 && d.line <= lines.len(),
            "{d}: line outside the file"
        );
        let width = lines[d.line - 1].trim_end_matches('\r').chars().count();
        assert!(
            d.col >= 1 && d.col <= width + 1,
            "{d}: column outside line {}",
            d.line
        );
        assert!(!d.to_string().is_empty());
    }
}

fn load_errors(entry: &Path) -> Vec<Diagnostic> {
    match open(&Disk, entry) {
        Ok(_) => panic!("{} opened, but it is malformed", entry.display()),
        Err(e) => e.diagnostics,
    }
}

#[test]
fn the_corpus_is_large_enough_and_every_file_is_listed() {
    assert!(CASES.len() >= 50, "{} cases", CASES.len());
    // Every entry file of the corpus is a case (or the valid base, or a fuzz regression).
    let mut listed: Vec<&str> = CASES.iter().map(|c| c.entry).collect();
    listed.sort_unstable();
    let mut on_disk = Vec::new();
    for e in std::fs::read_dir(corpus("")).expect("corpus folder") {
        let e = e.expect("entry");
        let name = e.file_name().to_string_lossy().into_owned();
        if e.path().is_dir() {
            if e.path().join("entry.ron").exists() {
                on_disk.push(format!("{name}/entry.ron"));
            }
        } else if Path::new(&name).extension().is_some_and(|x| x == "ron") && name != "valid.ron" {
            on_disk.push(name);
        }
    }
    on_disk.sort_unstable();
    assert_eq!(
        listed,
        on_disk.iter().map(String::as_str).collect::<Vec<_>>()
    );
}

#[test]
fn the_base_of_the_corpus_is_valid() {
    let doc =
        open(&Disk, &corpus("valid.ron")).unwrap_or_else(|e| panic!("{e}: {:#?}", e.diagnostics));
    assert!(doc.warnings.is_empty(), "{:#?}", doc.warnings);
}

#[test]
fn every_malformed_file_gives_its_diagnostic_at_its_position() {
    let mut failures = String::new();
    for c in CASES {
        let diagnostics = load_errors(&corpus(c.entry));
        assert_inside_files(&diagnostics);
        let first = &diagnostics[0];
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let got = (first.rule, first.line, first.col, errors);
        let want = (c.rule, c.line, c.col, c.errors);
        let file_ok = Path::new(&first.file).ends_with(c.file);
        if got != want || !file_ok {
            writeln!(
                failures,
                "{}: expected {want:?} in {}, got {got:?} in {}",
                c.entry, c.file, first.file
            )
            .expect("write to string");
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn regressions_found_by_fuzzing_open_and_analyse_without_panicking() {
    let mut n = 0;
    for e in std::fs::read_dir(corpus("fuzz")).expect("fuzz folder") {
        let path = e.expect("entry").path();
        let doc = open(&Disk, &path)
            .unwrap_or_else(|e| panic!("{}: {:#?}", path.display(), e.diagnostics));
        let roadmap = &doc.roadmap;
        let index = Index::build(roadmap);
        coverage(roadmap, &index);
        let filter = Filter {
            text: "拠点".to_owned(),
            fy_from: Some(2020),
            ..Filter::default()
        };
        let visible = apply(roadmap, &index, &filter);
        for grouping in [Grouping::Ministry, Grouping::Theme, Grouping::Proposal] {
            layout(roadmap, &index, grouping, Lang::Ja, &|r| {
                visible.contains(r)
            });
        }
        n += 1;
    }
    assert!(n > 0);
}

/// The valid base with `include` naming `names`, written into `dir` as `entry.ron`.
fn entry_including(dir: &Path, names: &[String]) -> PathBuf {
    let base = std::fs::read_to_string(corpus("valid.ron")).expect("valid.ron");
    let list: String = names.iter().fold(String::new(), |mut out, n| {
        writeln!(out, "        \"{n}\",").expect("write to string");
        out
    });
    let text = base.replacen(
        "    sources: [",
        &format!("    include: [\n{list}    ],\n    sources: ["),
        1,
    );
    let entry = dir.join("entry.ron");
    std::fs::write(&entry, text).expect("write entry");
    entry
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_its_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    // An included file one byte over the limit: a comment of the right length.
    let mut part = String::from("(\n    schema: 1,\n)\n//");
    part.push_str(&"x".repeat(MAX_FILE_BYTES + 1 - part.len()));
    assert_eq!(part.len(), MAX_FILE_BYTES + 1);
    std::fs::write(dir.path().join("big.ron"), &part).expect("write");
    let entry = entry_including(dir.path(), &["big.ron".to_owned()]);
    let d = load_errors(&entry);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!((d[0].rule, d[0].line, d[0].col), ("file-too-large", 11, 9));
    assert!(
        d[0].message
            .contains(&format!("is {} bytes", MAX_FILE_BYTES + 1)),
        "{}",
        d[0]
    );
    assert!(
        d[0].file.ends_with("entry.ron"),
        "points at the include: {}",
        d[0]
    );
    // The entry file itself.
    std::fs::write(&entry, &part).expect("write");
    let d = load_errors(&entry);
    assert_eq!((d[0].rule, d[0].line, d[0].col), ("file-too-large", 1, 1));
}

#[test]
fn a_huge_string_within_the_limit_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = std::fs::read_to_string(corpus("valid.ron")).expect("valid.ron");
    // A gap text of four million characters (12 MB of UTF-8).
    let huge = "再".repeat(4_000_000);
    let text = base.replacen("製造拠点が足りない。", &huge, 1);
    let entry = dir.path().join("huge.ron");
    std::fs::write(&entry, text).expect("write");
    let doc = open(&Disk, &entry).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert_eq!(doc.roadmap.items.gaps[0].text.chars().count(), 4_000_000);
    // An error after it is still placed by line and character column.
    let broken = std::fs::read_to_string(&entry).expect("read").replacen(
        "kind: Response",
        "kind: Responze",
        1,
    );
    std::fs::write(&entry, broken).expect("write");
    let d = load_errors(&entry);
    assert_eq!(
        (d[0].rule, d[0].line, d[0].col),
        ("parse", 63, 19),
        "{}",
        d[0]
    );
}

#[test]
fn nesting_deeper_than_the_schema_fails_at_the_first_extra_level() {
    // The schema nests a few levels deep, so a value nested far deeper fails as a type error at
    // its first extra level, long before the parser's limit of MAX_NESTING (which the loader's
    // unit tests reach with an untyped value); it never recurses without bound.
    let dir = tempfile::tempdir().expect("temp dir");
    let base = std::fs::read_to_string(corpus("valid.ron")).expect("valid.ron");
    let depth = MAX_NESTING * 100;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let text = base.replacen(
        "    themes: [",
        &format!("    notes: {deep},\n    themes: ["),
        1,
    );
    let entry = dir.path().join("deep.ron");
    std::fs::write(&entry, text).expect("write");
    let d = load_errors(&entry);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        (d[0].rule, d[0].line, d[0].col),
        ("parse", 36, 13),
        "{}",
        d[0]
    );
    assert!(
        d[0].message.contains("expected `(` to open a note"),
        "{}",
        d[0]
    );
    assert_inside_files(&d);
}

#[test]
fn more_includes_than_the_limit_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let names: Vec<String> = (0..=MAX_INCLUDES).map(|i| format!("p{i}.ron")).collect();
    let entry = entry_including(dir.path(), &names);
    let d = load_errors(&entry);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        (d[0].rule, d[0].line, d[0].col),
        ("too-many-includes", 10, 5)
    );
    assert!(d[0].message.contains(&format!(
        "{} files are included; at most {MAX_INCLUDES}",
        MAX_INCLUDES + 1
    )));
    // At the limit, the includes are read (and here, being missing, reported one by one).
    let entry = entry_including(dir.path(), &names[..MAX_INCLUDES]);
    let d = load_errors(&entry);
    assert_eq!(d.len(), MAX_INCLUDES);
    assert!(d.iter().all(|d| d.rule == "unreadable-file"));
}

/// Reads from disk, except that one file is refused as unreadable.
struct Locked(PathBuf);

impl waymark::model::FileSystem for Locked {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        if path == self.0 {
            return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        }
        waymark::model::FileSystem::read(&Disk, path)
    }
}

#[test]
fn an_unreadable_included_file_is_reported_at_its_include() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let part = dir.path().join("locked.ron");
    std::fs::write(&part, "(\n    schema: 1,\n)\n").expect("write");
    let entry = entry_including(dir.path(), &["locked.ron".to_owned()]);
    let expect_denied = |d: &[Diagnostic]| {
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!((d[0].rule, d[0].line, d[0].col), ("unreadable-file", 11, 9));
        assert!(d[0].message.contains("permission denied"), "{}", d[0]);
        assert!(d[0].file.ends_with("entry.ron"), "{}", d[0]);
    };
    // A file system that refuses the read, whoever runs the test.
    let denied = waymark::document::open(&Locked(part.clone()), &entry)
        .expect_err("an unreadable include fails the load");
    expect_denied(&denied.diagnostics);
    // The real thing: permission 000 on disk.
    std::fs::set_permissions(&part, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&part).is_ok() {
        // Running as root (as CI containers do), permissions do not stop a read: the file is
        // read like any other and the roadmap loads. The refusal itself is checked above.
        let doc = open(&Disk, &entry).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
        assert_eq!(doc.roadmap.files.len(), 2);
    } else {
        expect_denied(&load_errors(&entry));
    }
}

#[test]
fn an_entry_file_that_is_missing_or_a_folder_is_reported_at_its_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = load_errors(&dir.path().join("nothing.ron"));
    assert_eq!((d[0].rule, d[0].line, d[0].col), ("unreadable-file", 1, 1));
    assert!(d[0].message.contains("does not exist"), "{}", d[0]);
    let d = load_errors(dir.path());
    assert_eq!((d[0].rule, d[0].line, d[0].col), ("entry-not-a-file", 1, 1));
    assert!(d[0].message.contains("is a directory"), "{}", d[0]);
}

#[test]
fn findings_past_the_limit_are_counted_not_placed() {
    use waymark::analysis::MAX_DIAGNOSTICS;
    let dir = tempfile::tempdir().expect("temp dir");
    let base = std::fs::read_to_string(corpus("valid.ron")).expect("valid.ron");
    // 1,500 links to measures that do not exist, all on one line of a file: each is an error.
    let extra = MAX_DIAGNOSTICS + 500;
    let links = (0..extra).fold(String::new(), |mut out, i| {
        write!(
            out,
            "(link: AddressedBy(gap: \"gap.1\", measure: \"m.x{i}\"), provenance: Editorial), "
        )
        .expect("write to string");
        out
    });
    let text = base.replacen(
        "    links: [\n",
        &format!("    links: [\n        {links}\n"),
        1,
    );
    let entry = dir.path().join("many.ron");
    std::fs::write(&entry, text).expect("write");
    let d = load_errors(&entry);
    assert_eq!(d.len(), MAX_DIAGNOSTICS + 1);
    let placed = d.iter().filter(|x| x.rule == "dangling-reference").count();
    assert_eq!(placed, MAX_DIAGNOSTICS);
    let summary = d
        .iter()
        .find(|x| x.rule == "too-many-diagnostics")
        .expect("a summary of the rest");
    assert!(summary.is_error());
    assert_eq!((summary.line, summary.col), (1, 1));
    assert!(
        summary
            .message
            .contains("500 more error(s) and 0 more warning(s) are not shown"),
        "{summary}"
    );
    // The line they are on is 100 KB long: it is not copied into each of them.
    assert!(
        d.iter()
            .filter(|x| x.rule == "dangling-reference")
            .all(|x| x.snippet.is_none())
    );
    assert_inside_files(&d);
}
