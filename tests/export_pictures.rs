//! The picture and report exports of the bundled roadmap, read back as a user's tools would:
//! SVG parsed as XML with the views' Japanese labels in it, PDF's structure and embedded font
//! checked, PNG's size, HTML and Markdown holding every item's text, all byte-identical run to
//! run, and following the scenario shown.

use waymark::action::Tab;
use waymark::analysis::labels;
use waymark::analysis::scenario::Basis;
use waymark::document::Document;
use waymark::export::{self, ExportError, Format, Options, PICTURE_VIEWS};
use waymark::i18n::Lang;
use waymark::model::{MeasureKind, ScenarioId};

mod common;
use common::exports::{bundled, bytes, joined, squeeze};
use common::pdf::pdf_streams;

fn picture(doc: &Document, format: Format, view: Tab) -> Vec<u8> {
    bytes(
        doc,
        &Options {
            format,
            view,
            ..Options::default()
        },
    )
}

/// The texts an SVG keeps for search and screen readers (each text's `<title>`), in order, and
/// how many glyphs it draws.
fn svg_texts(svg: &str) -> (Vec<String>, usize) {
    let tree = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    let root = tree.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let texts = root
        .children()
        .filter(|n| n.has_tag_name("g") && n.attribute("aria-label").is_some())
        .map(|g| {
            let title = g
                .children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .unwrap_or_default();
            assert_eq!(Some(title), g.attribute("aria-label"));
            title.to_owned()
        })
        .collect();
    let glyphs = root.descendants().filter(|n| n.has_tag_name("use")).count();
    (texts, glyphs)
}

#[test]
fn every_view_as_svg_is_xml_holding_its_japanese_labels() {
    let doc = bundled();
    let expected: [(Tab, Vec<String>); 9] = [
        (
            Tab::Timeline,
            vec!["目指すべき姿".into(), "2030".into(), "R12".into()],
        ),
        (
            Tab::Matrix,
            vec!["小論点".into(), "対応案".into(), "項目1".into()],
        ),
        (
            Tab::Accountability,
            vec!["施策".into(), "合計".into(), "文".into()],
        ),
        (
            Tab::Proposals,
            vec!["提言①".into(), "海外事例".into(), "ギャップ1".into()],
        ),
        (
            Tab::ValueChain,
            vec![
                "分類".into(),
                "法規制".into(),
                "段階なし".into(),
                "→".into(),
            ],
        ),
        (
            Tab::Targets,
            vec![
                "2030年".into(),
                "寄与する施策".into(),
                "阻む論点".into(),
                "2040-1".into(),
            ],
        ),
        (
            Tab::Linkage,
            vec![
                "論点・ギャップ".into(),
                "府省庁".into(),
                "文部科学省".into(),
            ],
        ),
        (
            Tab::Coverage,
            vec![
                "府省庁ごとの担当施策数".into(),
                "対応する施策のない論点".into(),
            ],
        ),
        (Tab::Kpis, vec!["KPI".into(), "予算".into()]),
    ];
    assert_eq!(expected.each_ref().map(|(t, _)| *t), PICTURE_VIEWS);
    for (view, labels) in expected {
        let svg = String::from_utf8(picture(&doc, Format::Svg, view)).expect("UTF-8");
        let (texts, glyphs) = svg_texts(&svg);
        assert!(glyphs > 100, "{view:?}: {glyphs} glyphs drawn");
        assert!(
            texts[0].contains(view.label(Lang::Ja)),
            "{view:?}: {}",
            texts[0]
        );
        let all = joined(&texts);
        for label in labels {
            assert!(all.contains(&label), "{view:?} lacks {label}");
        }
    }
}

#[test]
fn the_matrix_picture_holds_all_sixteen_issues_and_seventeen_responses() {
    let doc = bundled();
    let r = &doc.roadmap;
    let svg = String::from_utf8(picture(&doc, Format::Svg, Tab::Matrix)).expect("UTF-8");
    let all = joined(&svg_texts(&svg).0);
    let gaps: Vec<_> = r
        .items
        .gaps
        .iter()
        .filter(|g| {
            labels::tag(r, &waymark::model::ItemRef::Gap(g.id.clone()), Lang::Ja)
                .starts_with("小論点")
        })
        .collect();
    assert_eq!(gaps.len(), 16);
    for g in gaps {
        assert!(all.contains(&squeeze(&g.text)), "{}", g.text);
    }
    let responses: Vec<_> = r
        .items
        .measures
        .iter()
        .filter(|m| m.kind == MeasureKind::Response)
        .collect();
    assert_eq!(responses.len(), 17);
    for m in responses {
        assert!(all.contains(&squeeze(&m.text)), "{}", m.text);
    }
}

#[test]
fn the_timeline_pdf_parses_embeds_its_font_and_maps_glyphs_back_to_text() {
    let doc = bundled();
    let pdf = picture(&doc, Format::Pdf, Tab::Timeline);
    let streams = pdf_streams(&pdf);
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/FontFile2"), "a TrueType font embedded");
    assert!(
        text.contains("+BIZUDPGothic"),
        "a subset of the bundled font"
    );
    assert!(text.contains("/ToUnicode"), "text maps back to characters");
    // A reader's search finds 小論点 through the ToUnicode map: 小 U+5C0F, 論 U+8AD6, 点 U+70B9.
    let cmaps: String = streams
        .iter()
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .filter(|s| s.contains("begincmap"))
        .collect();
    for code in ["5C0F", "8AD6", "70B9"] {
        assert!(
            cmaps.contains(&format!("<{code}>")),
            "{code} in a ToUnicode map"
        );
    }
    // The font file is a subset: far smaller than the bundled font.
    let largest = streams.iter().map(Vec::len).max().unwrap_or(0);
    assert!(
        largest < waymark::fonts::BIZ_UDP_GOTHIC.len() / 4,
        "{largest} bytes"
    );
}

#[test]
fn pictures_are_the_same_bytes_every_time() {
    let doc = bundled();
    for format in [Format::Svg, Format::Pdf, Format::Png] {
        let a = picture(&doc, format, Tab::Linkage);
        assert!(a == picture(&doc, format, Tab::Linkage), "{format:?}");
    }
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[test]
fn a_png_is_twice_the_picture_by_default_or_the_width_asked_for() {
    let doc = bundled();
    let options = Options {
        format: Format::Png,
        view: Tab::Kpis,
        ..Options::default()
    };
    let scene = export::picture(&doc, &options, Tab::Kpis).expect("a picture");
    let (w, h) = png_size(&bytes(&doc, &options));
    assert_eq!(
        (w, h),
        (
            (scene.width * 2.0).ceil() as u32,
            (scene.height * 2.0).ceil() as u32
        )
    );
    let (w, h) = png_size(&bytes(
        &doc,
        &Options {
            width_px: Some(800),
            ..options
        },
    ));
    assert_eq!(w, 800);
    assert_eq!(h, (scene.height * 800.0 / scene.width).ceil() as u32);
}

#[test]
fn pictures_follow_the_scenario_shown_and_draw_the_comparison() {
    let doc = bundled();
    let scenario = Basis::Scenario(ScenarioId::new("scenario.gmp-delay").expect("an ID"));
    let shown = Options {
        scenario: scenario.clone(),
        ..Options::default()
    };
    let plain = String::from_utf8(bytes(&doc, &Options::default())).expect("UTF-8");
    let under = String::from_utf8(bytes(&doc, &shown)).expect("UTF-8");
    let (texts, _) = svg_texts(&under);
    assert!(
        texts[0].contains("遺伝子治療の製造基盤が2年遅れる"),
        "{}",
        texts[0]
    );
    assert_ne!(plain, under, "the scenario's spans are drawn");
    let compared = String::from_utf8(bytes(
        &doc,
        &Options {
            compare: Some(Basis::Plan),
            ..shown
        },
    ))
    .expect("UTF-8");
    let (texts, _) = svg_texts(&compared);
    assert!(
        texts[0].contains("計画 → 遺伝子治療の製造基盤が2年遅れる"),
        "{}",
        texts[0]
    );
    assert!(texts.iter().any(|t| t == "+2 FY"), "the move is labelled");
    assert!(!svg_texts(&under).0.iter().any(|t| t == "+2 FY"));

    let unknown = Options {
        scenario: Basis::Scenario(ScenarioId::new("scenario.none").expect("an ID")),
        ..Options::default()
    };
    match export::export(&doc, &unknown) {
        Err(e @ ExportError::NoScenario(..)) => {
            assert!(e.to_string().contains("scenario.gmp-delay"), "{e}");
        }
        other => panic!("{other:?}"),
    }
}

/// Every item's text, for the reports.
fn every_text(doc: &Document) -> Vec<String> {
    let r = &doc.roadmap;
    r.items
        .refs()
        .iter()
        .map(|item| labels::text(r, item, Lang::Ja))
        .collect()
}

#[test]
fn the_html_report_is_self_contained_and_holds_every_item_with_its_source() {
    let doc = bundled();
    let html = String::from_utf8(bytes(
        &doc,
        &Options {
            format: Format::Html,
            ..Options::default()
        },
    ))
    .expect("UTF-8");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<svg ").count(), PICTURE_VIEWS.len());
    for (at, _) in html.match_indices("<svg ") {
        let fragment = &html[at..];
        let end = fragment.find("</svg>").expect("the picture ends") + "</svg>".len();
        roxmltree::Document::parse(&fragment[..end]).expect("each picture is well-formed");
    }
    for external in ["<script", "<link", "src=\"http", "url(http", "@import"] {
        assert!(!html.contains(external), "{external}");
    }
    for text in every_text(&doc) {
        let escaped = export::svg::escape(&text).replace("&#10;", "<br>");
        assert!(html.contains(&escaped), "{text}");
    }
    let cited = doc
        .roadmap
        .items
        .measures
        .iter()
        .find_map(|m| m.source.as_ref())
        .expect("a measure cites its source");
    assert!(html.contains(&export::svg::escape(&cited.locator)));
    let again = bytes(
        &doc,
        &Options {
            format: Format::Html,
            ..Options::default()
        },
    );
    assert!(again == html.as_bytes(), "the same bytes every time");
}

#[test]
fn the_markdown_report_holds_every_item_and_the_matrix() {
    let doc = bundled();
    let md = String::from_utf8(bytes(
        &doc,
        &Options {
            format: Format::Md,
            ..Options::default()
        },
    ))
    .expect("UTF-8");
    assert!(
        md.starts_with("# 再生・細胞医療・遺伝子治療 ロードマップ"),
        "{md:.80}"
    );
    assert!(md.contains("| 項目 | 大論点 | 番号 | 小論点 | 対応案 |"));
    for text in every_text(&doc) {
        assert!(md.contains(&text.replace('\n', "  \n  ")), "{text}");
    }
}

#[test]
fn the_value_chain_proposals_and_targets_pictures_hold_what_their_views_show() {
    use waymark::analysis::{targets, value_chain};
    let doc = bundled();
    let r = &doc.roadmap;
    let derived = export::derive(r, &Options::default());
    let text = |item: &waymark::model::ItemRef| squeeze(&labels::text(r, item, Lang::Ja));
    let all = |view: Tab| {
        let svg = String::from_utf8(picture(&doc, Format::Svg, view)).expect("UTF-8");
        joined(&svg_texts(&svg).0)
    };

    let chain = value_chain::value_chain(r, &derived.index);
    let pictured = all(Tab::ValueChain);
    let mut placed = 0;
    for (row, _) in chain.rows.iter().enumerate() {
        for (column, _) in chain.columns.iter().enumerate() {
            for p in chain.cell(row, column) {
                placed += 1;
                assert!(pictured.contains(&text(&p.gap)), "{:?}", p.gap);
                for m in &p.measures {
                    assert!(pictured.contains(&text(m)), "{m:?}");
                }
            }
        }
    }
    assert!(placed > 30, "{placed} gaps placed");
    // Each gap an editor placed is outlined dashed, and no other cell.
    let editorial = (0..chain.rows.len())
        .flat_map(|row| (0..chain.columns.len()).map(move |column| (row, column)))
        .flat_map(|(row, column)| chain.cell(row, column))
        .filter(|p| p.placement != waymark::model::Provenance::Stated)
        .count();
    assert!(editorial > 0, "the bundled roadmap has editors' placements");
    let scene = export::picture(&doc, &Options::default(), Tab::ValueChain).expect("a scene");
    let dashed = scene
        .shapes
        .iter()
        .filter(|s| {
            matches!(s, export::scene::Shape::Rect { stroke: Some(stroke), .. } if stroke.dash.is_some())
        })
        .count();
    assert_eq!(dashed, editorial);

    let pictured = all(Tab::Proposals);
    assert_eq!(r.items.proposals.len(), 8);
    for p in &r.items.proposals {
        let item = waymark::model::ItemRef::Proposal(p.id.clone());
        assert!(pictured.contains(&text(&item)), "{item:?}");
    }

    let pictured = all(Tab::Targets);
    let columns = targets::target_columns(r, &derived.index, &derived.visible, Lang::Ja);
    assert!(columns.len() >= 2, "horizon years");
    for column in &columns {
        assert!(pictured.contains(&column.heading));
        for card in &column.cards {
            assert!(pictured.contains(&text(&card.item)), "{:?}", card.item);
            for related in &card.related {
                for (_, label) in &related.shown {
                    assert!(pictured.contains(&squeeze(label)), "{label}");
                }
            }
        }
    }
}
