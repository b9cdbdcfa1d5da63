//! The table exports of the bundled roadmap: the XLSX workbook read back with a spreadsheet
//! reader, and each CSV file parsed back.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use waymark::export::{self, Format, Options, Output, tables};
use waymark::i18n::Lang;
use waymark::model::{ItemRef, MeasureKind};

fn bundled() -> waymark::document::Document {
    waymark::bundled::open().expect("the bundled roadmap opens")
}

fn export_bytes(doc: &waymark::document::Document, options: &Options) -> Vec<u8> {
    match export::export(doc, options).expect("exports") {
        Output::File(bytes) => bytes,
        Output::Files(_) => panic!("one file expected"),
    }
}

fn xlsx_options(lang: Lang) -> Options {
    Options {
        format: Format::Xlsx,
        lang,
        ..Options::default()
    }
}

/// Every cell of the sheet as text.
fn cells(workbook: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<String>> {
    workbook
        .worksheet_range(sheet)
        .expect("the sheet is there")
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_matrix_sheet_holds_every_issue_and_response_verbatim_with_merged_groups() {
    let doc = bundled();
    let bytes = export_bytes(&doc, &xlsx_options(Lang::Ja));
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("the workbook opens");
    assert_eq!(
        workbook.sheet_names(),
        ["論点・対応案", "提言", "施策", "KPI", "予算"]
    );
    let rows = cells(&mut workbook, "論点・対応案");
    let heading = &rows[0];
    assert_eq!(
        &heading[..5],
        ["項目", "大論点", "番号", "小論点", "対応案"]
    );
    for code in ["内", "文", "厚", "経"] {
        assert!(heading.iter().any(|h| h == code), "ministry column {code}");
    }
    let all: Vec<&String> = rows.iter().flatten().collect();
    let roadmap = &doc.roadmap;
    let issues: Vec<&str> = roadmap
        .items
        .gaps
        .iter()
        .filter(|g| g.theme.is_some())
        .map(|g| g.text.as_str())
        .collect();
    assert_eq!(issues.len(), 16, "the roadmap has 16 小論点");
    for text in &issues {
        assert!(all.iter().any(|c| c == text), "小論点 verbatim: {text}");
    }
    let responses: Vec<&str> = roadmap
        .items
        .measures
        .iter()
        .filter(|m| m.kind == MeasureKind::Response)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(responses.len(), 17, "the roadmap has 17 対応案");
    for text in &responses {
        assert!(all.iter().any(|c| c == text), "対応案 verbatim: {text}");
    }
    // Each row keeps its IDs, and marks each ministry's role in its 対応案 (● ◎ ○).
    let id_col = heading
        .iter()
        .position(|h| h == "対応案ID")
        .expect("ID column");
    let first = roadmap
        .items
        .measures
        .iter()
        .find(|m| m.kind == MeasureKind::Response)
        .expect("a response");
    let row = rows
        .iter()
        .find(|r| r[id_col] == first.id.as_str())
        .expect("the response's row");
    let derived = export::derive(&doc.roadmap, &xlsx_options(Lang::Ja));
    let roles: Vec<&str> = derived
        .index
        .ministries_of_measure(&ItemRef::Measure(first.id.clone()))
        .map(|(_, role)| tables::role_mark(role))
        .collect();
    assert!(!roles.is_empty());
    let marks: Vec<&str> = row
        .iter()
        .map(String::as_str)
        .filter(|c| ["●", "◎", "○"].contains(c))
        .collect();
    assert_eq!(marks.len(), roles.len(), "{row:?}");
    for role in roles {
        assert!(marks.contains(&role), "{row:?}");
    }
    // A theme spans its gaps' rows, as in the source table.
    let merges = workbook
        .merge_cells_by_sheet_name("論点・対応案")
        .expect("merged cells");
    assert!(
        merges
            .iter()
            .any(|d| d.start.1 == 0 && d.end.1 == 0 && d.end.0 > d.start.0 + 2),
        "{merges:?}"
    );
}

#[test]
fn every_sheet_keeps_the_item_ids_and_the_proposals_their_actions_and_examples() {
    let doc = bundled();
    let bytes = export_bytes(&doc, &xlsx_options(Lang::En));
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("opens");
    assert_eq!(
        workbook.sheet_names(),
        [
            "Issue-response matrix",
            "Proposals",
            "Measures",
            "KPI",
            "Budgets"
        ]
    );
    let proposals = cells(&mut workbook, "Proposals");
    assert_eq!(proposals.len(), 1 + doc.roadmap.items.proposals.len());
    let p = &doc.roadmap.items.proposals[0];
    let row = proposals
        .iter()
        .find(|r| r.last().is_some_and(|id| id == p.id.as_str()))
        .expect("the first proposal's row");
    let examples = &row[5];
    for o in &p.overseas {
        assert!(examples.contains(&o.text), "{examples}");
    }
    assert_eq!(row[3].lines().count(), p.actions.len(), "{}", row[3]);
    let kpis = cells(&mut workbook, "KPI");
    for k in &doc.roadmap.items.kpis {
        assert!(
            kpis.iter()
                .any(|r| r.last().is_some_and(|id| id == k.id.as_str())),
            "{}",
            k.id
        );
    }
    let budgets = cells(&mut workbook, "Budgets");
    assert_eq!(budgets.len(), 1 + doc.roadmap.items.budgets.len());
}

#[test]
fn the_same_roadmap_gives_the_same_workbook_bytes() {
    let doc = bundled();
    let a = export_bytes(&doc, &xlsx_options(Lang::Ja));
    let b = export_bytes(&doc, &xlsx_options(Lang::Ja));
    assert!(a == b, "two exports differ");
}

#[test]
fn each_csv_file_starts_with_a_bom_and_parses_back_to_its_table() {
    let doc = bundled();
    let options = Options {
        format: Format::Csv,
        ..Options::default()
    };
    let Output::Files(files) = export::export(&doc, &options).expect("exports") else {
        panic!("CSV gives a file per table");
    };
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        tables::KEYS
            .map(|k| format!("{k}.csv"))
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    let derived = export::derive(&doc.roadmap, &options);
    let expected = tables::all(&doc.roadmap, &derived, Lang::Ja);
    for ((name, bytes), table) in files.iter().zip(&expected) {
        let body = bytes
            .strip_prefix("\u{feff}".as_bytes())
            .unwrap_or_else(|| panic!("{name} starts with a BOM"));
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body);
        let parsed: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
            .collect();
        let heading: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        assert_eq!(parsed[0], heading, "{name}");
        let rows: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(tables::Cell::text).collect())
            .collect();
        assert_eq!(&parsed[1..], rows.as_slice(), "{name}");
    }
    // The matrix file carries every 小論点's text, as its rows do.
    let matrix = String::from_utf8(files[0].1.clone()).expect("UTF-8");
    for g in doc.roadmap.items.gaps.iter().filter(|g| g.theme.is_some()) {
        assert!(matrix.contains(&g.text), "{}", g.id);
    }
}

#[test]
fn a_filter_narrows_the_tables_as_it_narrows_the_views() {
    let doc = bundled();
    let mut options = xlsx_options(Lang::Ja);
    let all = tables::matrix(
        &doc.roadmap,
        &export::derive(&doc.roadmap, &options),
        Lang::Ja,
    );
    options
        .filter
        .ministries
        .insert(waymark::model::MinistryCode::new("経").expect("a ministry code"));
    let derived = export::derive(&doc.roadmap, &options);
    let some = tables::matrix(&doc.roadmap, &derived, Lang::Ja);
    assert!(some.rows.len() < all.rows.len());
    let id = some.columns.len() - 1;
    for row in &some.rows {
        if let tables::Cell::Text(m) = &row[id] {
            let measure = ItemRef::Measure(waymark::model::MeasureId::new(m.clone()).expect("id"));
            assert!(derived.visible.contains(&measure));
        }
    }
}
