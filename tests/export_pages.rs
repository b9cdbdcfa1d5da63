//! PDF on A4 and A3 landscape pages: long pictures broken between the rows of their tables
//! (the lanes of the timeline), never through one, each page repeating the header row (the
//! timeline's axis) and naming the groups it continues; read back page by page as a reader's
//! search sees them.

use waymark::action::Tab;
use waymark::analysis::labels;
use waymark::analysis::timeline_view::{data_range, reiwa_label};
use waymark::export::{self, Format, Options};
use waymark::i18n::Lang;
use waymark::model::MeasureKind;

mod common;
use common::exports::{bundled, bytes, joined, squeeze};
use common::pdf::{Pdf, pdf_streams};

/// Each page's text, its line breaks and spaces taken out.
fn page_texts(pdf: &[u8]) -> Vec<String> {
    let pdf = Pdf::parse(pdf);
    pdf.pages()
        .into_iter()
        .map(|p| joined(&pdf.page_texts(p)))
        .collect()
}

#[test]
fn a_long_table_on_a4_pages_is_paginated_with_its_text_kept() {
    let doc = bundled();
    let options = Options {
        format: Format::Pdf,
        view: Tab::Matrix,
        page: export::Page::A4,
        ..Options::default()
    };
    let pdf = bytes(&doc, &options);
    let streams = pdf_streams(&pdf);
    let text = String::from_utf8_lossy(&pdf);
    let pages =
        |text: &str| text.matches("/Type/Page/").count() + text.matches("/Type/Page>>").count();
    assert!(pages(&text) >= 2, "{} pages", pages(&text));
    let fitted = bytes(
        &doc,
        &Options {
            page: export::Page::Fit,
            ..options.clone()
        },
    );
    assert_eq!(
        pages(&String::from_utf8_lossy(&fitted)),
        1,
        "one page fitted to the picture"
    );
    assert!(
        text.contains("/MediaBox[0 0 841.89 595.28]"),
        "A4 landscape"
    );
    assert!(text.contains("+BIZUDPGothic"), "the font is embedded once");
    let cmaps = streams
        .iter()
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .filter(|s| s.contains("begincmap"))
        .count();
    assert!(cmaps >= 1);
    assert!(bytes(&doc, &options) == pdf, "the same bytes every time");
}

#[test]
fn a4_pages_break_between_matrix_rows_each_repeating_the_header() {
    let doc = bundled();
    let r = &doc.roadmap;
    let options = Options {
        format: Format::Pdf,
        view: Tab::Matrix,
        page: export::Page::A4,
        ..Options::default()
    };
    let pdf = Pdf::parse(&bytes(&doc, &options));
    let pages: Vec<String> = pdf
        .pages()
        .into_iter()
        .map(|p| joined(&pdf.page_texts(p)))
        .collect();
    assert!(pages.len() >= 2, "{} pages", pages.len());
    let table = export::tables::matrix(r, &export::derive(r, &options), Lang::Ja);
    let header: String = table
        .columns
        .iter()
        .filter(|c| c.kind != export::tables::ColumnKind::Id)
        .map(|c| squeeze(&c.title))
        .collect();
    assert!(header.starts_with("項目大論点"), "{header}");
    assert!(pages[0].contains(&header), "the header on the first page");
    for (k, page) in pages.iter().enumerate().skip(1) {
        assert!(page.starts_with(&header), "page {}: {page:.60}", k + 1);
        // It says which 項目 it continues (or begins).
        let body = &page[header.len()..];
        assert!(
            body.match_indices("項目")
                .any(|(at, _)| body[at + "項目".len()..].starts_with(|c: char| c.is_ascii_digit())),
            "page {} names its 項目: {body:.80}",
            k + 1
        );
    }
    // Every 小論点 and 対応案 whole on one page: none is cut by a page break.
    let issues = r.items.gaps.iter().filter(|g| {
        labels::tag(r, &waymark::model::ItemRef::Gap(g.id.clone()), Lang::Ja).starts_with("小論点")
    });
    let responses = r
        .items
        .measures
        .iter()
        .filter(|m| m.kind == MeasureKind::Response);
    let texts: Vec<String> = issues
        .map(|g| squeeze(&g.text))
        .chain(responses.map(|m| squeeze(&m.text)))
        .collect();
    assert_eq!(texts.len(), 33);
    for text in texts {
        let on = pages.iter().filter(|p| p.contains(&text)).count();
        assert_eq!(on, 1, "{text} is whole on one page");
    }
}

#[test]
fn a4_pages_break_the_timeline_between_lanes_each_repeating_the_axis() {
    let doc = bundled();
    for lang in [Lang::Ja, Lang::En] {
        let options = Options {
            format: Format::Pdf,
            view: Tab::Timeline,
            page: export::Page::A4,
            lang,
            ..Options::default()
        };
        let pages = page_texts(&bytes(&doc, &options));
        assert!(pages.len() >= 2, "{} pages", pages.len());
        let timeline = &export::derive(&doc.roadmap, &options).timeline;
        let (lo, hi) = data_range(timeline);
        let mut axis = String::new();
        for fy in lo.floor() as i32..hi.ceil() as i32 {
            axis.push_str(&fy.to_string());
            axis.push_str(&reiwa_label(fy, false).unwrap_or_default());
        }
        assert!(pages[0].contains(&axis), "the axis on the first page");
        for (k, page) in pages.iter().enumerate().skip(1) {
            assert!(page.starts_with(&axis), "page {}: {page:.60}", k + 1);
        }
        // Each lane's title whole on one page: no page breaks through a lane.
        for lane in &timeline.lanes {
            let title = squeeze(&lane.title);
            let on = pages.iter().filter(|p| p.contains(&title)).count();
            assert_eq!(on, 1, "{title} is whole on one page");
        }
    }
}
