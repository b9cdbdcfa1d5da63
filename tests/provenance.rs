//! Every stated item quotes its source verbatim ([`waymark::analysis::sources`]): the quoted text
//! appears in the lines its locator cites (`L93-99 …`) of the cited source file, whitespace aside.
//!
//! The bundled roadmap is checked against the source texts, which are not part of the repository:
//! they are read from `../shared/seeds/` beside it, or from the folder `$WAYMARK_SEEDS` names.
//! Where neither is there, that test says on stderr that it was skipped, and passes. The fixture
//! tests need nothing outside the repository.

use std::io::Write;
use std::path::{Path, PathBuf};

use waymark::analysis::sources::{check_sources, line_range, quotations};
use waymark::diagnostic::{Diagnostic, Severity};
use waymark::document::{Disk, Document, open};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(rel: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures/sources").join(rel)
}

fn load(entry: &Path) -> Document {
    open(&Disk, entry).unwrap_or_else(|e| panic!("{} loads: {:#?}", entry.display(), e.diagnostics))
}

fn shown(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// The bundled roadmap, where the source texts are at hand.

/// The folder of the source texts: the one `$WAYMARK_SEEDS` names, which must then be there, or
/// else `../shared/seeds/` beside the repository. `None`, said on stderr, when that is not there.
fn source_texts() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("WAYMARK_SEEDS") {
        let dir = PathBuf::from(dir);
        assert!(
            dir.is_dir(),
            "WAYMARK_SEEDS names {}, which is not a folder",
            dir.display()
        );
        return Some(dir);
    }
    let dir = manifest_dir().join("../shared/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    // Written past the test harness's capture, so that `cargo test` shows it.
    writeln!(
        std::io::stderr(),
        "provenance: skipped: source texts not found at {}; set WAYMARK_SEEDS to their folder to check the bundled roadmap's quotations",
        dir.display()
    )
    .ok();
    None
}

#[test]
fn every_bundled_roadmap_quotes_its_sources_verbatim() {
    let Some(seeds) = source_texts() else {
        return;
    };
    for r in waymark::bundled::ROADMAPS {
        let doc = load(&manifest_dir().join(r.entry));
        let checked = quotations(&doc.roadmap).len();
        assert!(
            checked > 100,
            "{}: only {checked} quotations checked",
            r.entry
        );
        let found = check_sources(&doc.roadmap, &doc.files, &Disk, &seeds);
        assert!(
            found.is_empty(),
            "{}: {} finding(s) in {checked} quotations:\n{}",
            r.entry,
            found.len(),
            shown(&found)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures with their own small source text.

fn texts() -> PathBuf {
    fixture("texts")
}

/// Rule, line and column of each finding, in order.
fn summary(found: &[Diagnostic]) -> Vec<(&'static str, usize, usize)> {
    found.iter().map(|d| (d.rule, d.line, d.col)).collect()
}

#[test]
fn a_roadmap_quoting_its_source_has_no_finding() {
    let doc = load(&fixture("roadmap.ron"));
    let found = check_sources(&doc.roadmap, &doc.files, &Disk, &texts());
    assert!(found.is_empty(), "{}", shown(&found));
    // Target, theme title and issue, gap, measure text and ministries, KPI name and target; not
    // the editorial gap.
    let quoted: Vec<(&str, &str)> = quotations(&doc.roadmap)
        .iter()
        .map(|q| (q.id, q.field))
        .collect();
    assert_eq!(
        quoted,
        [
            ("target.2030", "text"),
            ("theme.1", "title"),
            ("theme.1", "issue"),
            ("gap.1-1", "text"),
            ("m.1", "text"),
            ("m.1", "ministries_as_written"),
            ("kpi.trials", "name"),
            ("kpi.trials", "target"),
        ]
    );
}

#[test]
fn a_wrong_quote_is_one_error_at_the_quote() {
    let entry = fixture("wrong-quote.ron");
    let doc = load(&entry);
    let found = check_sources(&doc.roadmap, &doc.files, &Disk, &texts());
    assert_eq!(
        found,
        [Diagnostic {
            severity: Severity::Error,
            rule: "quote-mismatch",
            file: entry.display().to_string(),
            line: 47,
            col: 19,
            message: "the gap's `text` \"製造人材が余っている。\" is not in report.txt line 9 (source `src.report`); expected it there verbatim, whitespace aside".into(),
            snippet: Some("            text: \"製造人材が余っている。\",".into()),
        }]
    );
}

#[test]
fn every_broken_citation_is_reported_where_it_is_written() {
    let entry = fixture("broken-citations.ron");
    let doc = load(&entry);
    let found = check_sources(&doc.roadmap, &doc.files, &Disk, &texts());
    assert_eq!(
        summary(&found),
        [
            // The source file that is not in the folder, once, at its `file:`.
            ("no-source-text", 26, 13),
            // `p.1` is no line range.
            ("bad-locator", 36, 17),
            // A source without a file.
            ("no-source-text", 47, 17),
            // L12-40 of 14 lines; L9-3.
            ("bad-locator", 69, 17),
            ("bad-locator", 80, 17),
            // The quote is in the file, at other lines than cited.
            ("quote-mismatch", 87, 19),
            // Stated, but cites nothing.
            ("stated-without-source", 96, 13),
        ],
        "{}",
        shown(&found)
    );
    assert!(
        found
            .iter()
            .all(|d| d.is_error() && d.file == entry.display().to_string())
    );
    let message = |i: usize| found[i].message.as_str();
    assert!(
        message(0).contains("`src.lost`") && message(0).contains("lost.txt"),
        "{}",
        message(0)
    );
    assert!(
        message(1).contains("\"p.1 目指すべき姿\""),
        "{}",
        message(1)
    );
    assert!(
        message(3).contains("L12-40 ends past the 14 lines of report.txt"),
        "{}",
        message(3)
    );
    assert!(
        message(4).contains("L9-3 ends before it starts"),
        "{}",
        message(4)
    );
    assert!(
        message(5).contains("report.txt lines 3-4") && message(5).ends_with("; it is at line 9"),
        "{}",
        message(5)
    );
    assert!(message(6).contains("gap `gap.uncited`"), "{}", message(6));
}

#[test]
fn a_missing_folder_of_texts_is_one_error_per_source_file() {
    let entry = fixture("roadmap.ron");
    let doc = load(&entry);
    let found = check_sources(&doc.roadmap, &doc.files, &Disk, &fixture("no-such-folder"));
    assert_eq!(
        summary(&found),
        [("no-source-text", 15, 13)],
        "{}",
        shown(&found)
    );
    assert!(
        found[0].message.contains("report.txt"),
        "{}",
        found[0].message
    );
}

#[test]
fn line_ranges_parse() {
    assert_eq!(line_range("L93-99 項目1"), Some((93, 99)));
    assert_eq!(line_range("L5"), Some((5, 5)));
    assert_eq!(line_range("p.3"), None);
}
