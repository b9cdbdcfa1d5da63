//! UI tests of the value-chain view, through what a person or a screen reader sees: the gaps under
//! their stages, the marks of an editor's placement, the actions clicks push, both languages, and
//! the explanation a roadmap without stages gets.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::{Action, Tab};
use waymark::analysis::derived::Derived;
use waymark::analysis::filter::Filter;
use waymark::i18n::Lang;
use waymark::model::{GapId, ItemRef, MeasureId, MinistryCode, Roadmap};
use waymark::ui::ViewCtx;
use waymark::ui::value_chain::value_chain_ui;

mod views;
use views::{derive, open};

const HEALTH: &str = "roadmaps/health-2026/health-2026.ron";

/// A harness showing the value chain over `roadmap`, `width` points wide; its state collects the
/// actions pushed.
fn harness<'a>(roadmap: &'a Roadmap, derived: &'a Derived, width: f32) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, 800.0))
        .with_max_steps(12)
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(
            move |ui, actions: &mut Vec<Action>| {
                let ctx = ViewCtx::new(roadmap, derived);
                value_chain_ui(ui, &ctx, actions);
            },
            Vec::new(),
        );
    h.run();
    h
}

/// Turns the mouse wheel over the middle of the view, moving the content left by `dx` and up by
/// `dy` points.
fn wheel(h: &mut Harness<'_, Vec<Action>>, dx: f32, dy: f32) {
    h.hover_at(egui::pos2(400.0, 400.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-dx, -dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::default(),
    });
    h.run();
}

fn gap(id: &str) -> ItemRef {
    ItemRef::Gap(GapId::new(id).expect("valid id"))
}

#[test]
fn a_2018_gap_stands_under_its_stage_with_its_measures() {
    let r = open(waymark::bundled::ENTRY);
    let d = derive(&r, Filter::default(), Lang::Ja);
    let h = harness(&r, &d, 1280.0);
    h.get_by_label("バリューチェーン");
    let storage = h.get_by_label("細胞保存（採取・バンキング）").rect();
    let processing = h
        .get_by_label("細胞加工（培養・組織形成・品質管理）")
        .rect();
    // Gap 4 (too few cell banks) is placed at cell storage only: under its header, left of the
    // next stage's.
    let gap4 = h.get_by_label_contains("ギャップ4 ").rect();
    assert!(gap4.min.y > storage.max.y, "{gap4:?} below {storage:?}");
    assert!(
        gap4.min.x >= storage.min.x - 8.0 && gap4.max.x < processing.min.x,
        "{gap4:?} in the column of {storage:?}, left of {processing:?}"
    );
    // Under it, the measure answering it (m.p4.1), in the same column.
    let measure = h
        .get_by_label_contains("共通の品質・安全性基準に基づくセルバンク")
        .rect();
    assert!(measure.min.y > gap4.max.y && measure.max.x < processing.min.x);
    // Its band, 人材・システム・インフラ, comes below 法規制's (a band's title is repeated, faint,
    // on its further lines; bands below the view are not drawn).
    let top = |band: &str| {
        h.query_all_by_label(band)
            .map(|n| n.rect().min.y)
            .fold(f32::INFINITY, f32::min)
    };
    let (regulation, people) = (top("法規制"), top("人材・システム・インフラ"));
    assert!(
        regulation < people && people < gap4.max.y,
        "{regulation} {people} {gap4:?}"
    );
    assert!(top("推進・体制・財源") > gap4.max.y);
}

#[test]
fn an_editors_placement_says_so_in_words() {
    let r = open(waymark::bundled::ENTRY);
    let d = derive(&r, Filter::default(), Lang::Ja);
    let h = harness(&r, &d, 1280.0);
    // Every 2018 gap is placed by an editor; the tag is a label a screen reader reads.
    assert!(h.query_all_by_label("配置：編集判断").next().is_some());
}

#[test]
fn clicking_a_gap_or_a_measure_selects_it() {
    let r = open(waymark::bundled::ENTRY);
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = harness(&r, &d, 1280.0);
    h.get_by_label_contains("ギャップ4 ").click();
    h.run();
    let want = Action::Select(Some(gap("gap.2018.4")));
    assert!(h.state().contains(&want), "actions: {:?}", h.state());
    h.get_by_label_contains("共通の品質・安全性基準に基づくセルバンク")
        .click();
    h.run();
    let want = Action::Select(Some(ItemRef::Measure(
        MeasureId::new("m.p4.1").expect("valid id"),
    )));
    assert!(h.state().contains(&want), "actions: {:?}", h.state());
}

#[test]
fn in_english_the_stages_categories_and_gaps_are_in_english() {
    let r = open(waymark::bundled::ENTRY);
    let d = derive(&r, Filter::default(), Lang::En);
    let h = harness(&r, &d, 1280.0);
    h.get_by_label("Value chain");
    h.get_by_label("Category");
    h.get_by_label("Cell storage (collection, banking)");
    h.get_by_label("Regulation");
    assert!(
        h.query_all_by_label("People, systems, infrastructure")
            .next()
            .is_some()
    );
    h.get_by_label_contains("Gap 4 There are too few cell banks");
    assert!(
        h.query_all_by_label("Placement: editorial")
            .next()
            .is_some()
    );
    for ja in [
        "バリューチェーン",
        "法規制",
        "細胞保存（採取・バンキング）",
        "配置：編集判断",
    ] {
        assert!(h.query_by_label(ja).is_none(), "{ja} shown in English");
    }
    assert!(h.query_by_label_contains("ギャップ").is_none());
}

#[test]
fn a_roadmap_without_stages_says_so_instead_of_an_empty_grid() {
    let r = open(HEALTH);
    for (lang, message, header) in [
        (
            Lang::Ja,
            "このロードマップにはバリューチェーンの段階が定義されていません。",
            "分類",
        ),
        (
            Lang::En,
            "This roadmap defines no value-chain stages.",
            "Category",
        ),
    ] {
        let d = derive(&r, Filter::default(), lang);
        let h = harness(&r, &d, 1280.0);
        h.get_by_label(message);
        assert!(h.query_by_label(header).is_none(), "no grid ({lang:?})");
    }
}

#[test]
fn what_the_filter_hides_keeps_its_place() {
    let r = open(waymark::bundled::ENTRY);
    let filter = Filter {
        ministries: vec![MinistryCode::new("内").expect("valid code")]
            .into_iter()
            .collect(),
        ..Filter::default()
    };
    let d = derive(&r, filter, Lang::Ja);
    let h = harness(&r, &d, 1280.0);
    // Drawn faint, not taken away: the grid still shows the gap at its stage.
    h.get_by_label_contains("ギャップ4 ");
    h.get_by_label("細胞保存（採取・バンキング）");
}

/// Labels drawn over one another, as pairs of texts: column titles running into the next one,
/// or texts of the grid's body. Lines scrolled partly under the header (`header`, the first
/// column's title) are left out: they pass under it.
fn overlaps(h: &Harness<'_, Vec<Action>>, header: &str) -> Vec<(String, String)> {
    let labels: Vec<(egui::Rect, String)> = h
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .filter_map(|n| n.accesskit_node().label().map(|l| (n.rect(), l)))
        .collect();
    // The header row's titles all start at its top.
    let top = h.get_by_label(header).rect().min.y;
    let body_top = labels
        .iter()
        .filter(|(r, _)| (r.min.y - top).abs() < 1.0)
        .map(|(r, _)| r.max.y)
        .fold(top, f32::max);
    let (titles, body): (Vec<_>, Vec<_>) = labels
        .iter()
        .filter(|(r, _)| r.min.y > body_top || (r.min.y - top).abs() < 1.0)
        .partition(|(r, _)| r.min.y <= body_top);
    let mut out = Vec::new();
    for list in [titles, body] {
        for (i, (a, a_text)) in list.iter().enumerate() {
            for (b, b_text) in &list[i + 1..] {
                if a.shrink(0.5).intersects(b.shrink(0.5)) {
                    out.push((a_text.clone(), b_text.clone()));
                }
            }
        }
    }
    out
}

/// Every line of the grid is as tall as its tallest cell, in both languages, with every column
/// in view and in a narrow window scrolled to its last column, all the way down: no text runs
/// into the line below.
#[test]
fn lines_are_as_tall_as_their_cells() {
    let r = open(waymark::bundled::ENTRY);
    for (lang, header) in [(Lang::Ja, "分類"), (Lang::En, "Category")] {
        let d = derive(&r, Filter::default(), lang);
        for width in [1800.0, 800.0] {
            let mut h = harness(&r, &d, width);
            // The narrow window shows the last column (gaps at no stage).
            wheel(&mut h, 2000.0, 0.0);
            let mut seen = 0;
            for turn in 0..40 {
                assert_eq!(
                    overlaps(&h, header),
                    Vec::new(),
                    "{lang:?} at {width} points, turn {turn}"
                );
                seen += usize::from(h.query_all_by_label_contains("3-8 ").next().is_some());
                wheel(&mut h, 0.0, 200.0);
            }
            assert!(seen > 0, "the last gap came into view ({lang:?}, {width})");
        }
    }
}

/// The tab in the whole app: chosen by its label, it shows the grid.
#[test]
fn the_value_chain_tab_shows_the_grid() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = common::harness(common::options(None, dir.path()));
    h.run();
    h.get_by_label("バリューチェーン").click();
    h.run();
    assert_eq!(h.state().prefs().tab, Tab::ValueChain);
    h.get_by_label("細胞保存（採取・バンキング）");
    assert!(h.query_all_by_label("配置：編集判断").next().is_some());
    assert_eq!(Tab::from_name("value-chain"), Some(Tab::ValueChain));
}
