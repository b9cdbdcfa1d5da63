//! UI tests of the table views (matrix, accountability, proposals, targets, coverage, KPIs), through
//! what a person or a screen reader sees: labels, and the actions clicks push.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Action;
use waymark::analysis::derived::Derived;
use waymark::analysis::filter::Filter;
use waymark::i18n::Lang;
use waymark::model::{FileSystem, GapId, ItemRef, KpiId, MinistryCode, Roadmap, parse_roadmap};
use waymark::ui::ViewCtx;

mod views;
use views::{bundled, derive};

type View = fn(&mut egui::Ui, &ViewCtx<'_>, &mut Vec<Action>);

/// A harness showing one view over `roadmap`; its state collects the actions pushed.
fn harness<'a>(roadmap: &'a Roadmap, derived: &'a Derived, view: View) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // A grid scrolled into view sizes itself over a few passes before it settles.
        .with_max_steps(12)
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(
            move |ui, actions: &mut Vec<Action>| {
                let ctx = ViewCtx::new(roadmap, derived);
                view(ui, &ctx, actions);
            },
            Vec::new(),
        );
    h.run();
    h
}

fn ministries(codes: &[&str]) -> Filter {
    Filter {
        ministries: codes
            .iter()
            .map(|c| MinistryCode::new(*c).expect("valid code"))
            .collect(),
        ..Filter::default()
    }
}

/// m.t1.2, tagged （文） only.
const MEXT_ONLY: &str = "オルガノイド（ミニ臓器含む）、エクソソーム";
/// m.t2.1, tagged （文、厚）.
const WITH_MHLW: &str = "in vivo遺伝子治療を研究対象とする";

#[test]
fn matrix_shows_whole_texts_unfiltered() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let h = harness(&r, &d, waymark::ui::matrix::matrix_ui);
    h.get_by_label("論点・対応案");
    h.get_by_label_contains(MEXT_ONLY);
    h.get_by_label_contains("小論点1-1 iPS細胞がより適した疾患、臓器はあるか。");
    // A theme's 大論点 and the ministry tag as written.
    h.get_by_label_contains("第3期では「実用化」を加速化させる必要がある");
    assert!(!h.get_all_by_label("（文）").collect::<Vec<_>>().is_empty());
}

#[test]
fn ministry_filter_narrows_the_matrix_to_rows_naming_it() {
    let r = bundled();
    let d = derive(&r, ministries(&["厚"]), Lang::Ja);
    let h = harness(&r, &d, waymark::ui::matrix::matrix_ui);
    assert!(
        h.query_by_label_contains(MEXT_ONLY).is_none(),
        "a 対応案 tagged only 文 must be filtered out"
    );
    h.get_by_label_contains(WITH_MHLW);
    // 小論点1-2 is answered only by a 文 対応案, so its row goes too; 小論点2-1 stays.
    assert!(h.query_by_label_contains("小論点1-2 ").is_none());
    h.get_by_label_contains("小論点2-1 ");
    // Every ministry tag shown as written names 厚.
    let tags: Vec<String> = h
        .root()
        .children_recursive()
        .filter_map(|n| {
            let n = n.accesskit_node();
            n.label().or_else(|| n.value())
        })
        .filter(|l| l.starts_with('（') && l.ends_with('）') && l.chars().count() <= 12)
        .collect();
    assert!(!tags.is_empty());
    for t in tags {
        assert!(t.contains('厚'), "row tagged {t} shown under a 厚 filter");
    }
}

#[test]
fn clicking_a_gap_in_the_matrix_selects_it() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = harness(&r, &d, waymark::ui::matrix::matrix_ui);
    h.get_by_label_contains("小論点1-1 ").click();
    h.run();
    let want = Action::Select(Some(ItemRef::Gap(GapId::new("gap.t1.1").expect("id"))));
    assert!(h.state().contains(&want), "actions: {:?}", h.state());
}

#[test]
fn switching_to_english_changes_the_headings() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::En);
    let h = harness(&r, &d, waymark::ui::matrix::matrix_ui);
    h.get_by_label("Issue/response matrix");
    assert!(h.query_by_label("論点・対応案").is_none());
    let d = derive(&r, Filter::default(), Lang::En);
    let h = harness(&r, &d, waymark::ui::coverage::coverage_ui);
    h.get_by_label("Coverage");
    assert!(h.query_by_label("カバレッジ").is_none());
}

/// Reads files from memory.
struct Mem(HashMap<PathBuf, String>);

impl FileSystem for Mem {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.0
            .get(path)
            .map(|t| t.as_bytes().to_vec())
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }
}

const FIXTURE: &str = r#"(
    schema: 1,
    roadmap: (id: "cov", title: "カバレッジ試験", start_fy: 2024, end_fy: 2030),
    ministries: [(code: "厚", name: "厚生労働省", name_en: "MHLW")],
    gaps: [
        (id: "gap.lonely", number: 1, text: "誰も対応していない孤立した論点"),
        (id: "gap.answered", number: 2, text: "施策が答えている論点"),
    ],
    measures: [
        (id: "m.answer", kind: Response, text: "論点2に答える施策",
         span: (start_fy: 2025, end_fy: 2026, provenance: Stated)),
    ],
    links: [
        (link: AddressedBy(gap: "gap.answered", measure: "m.answer"), provenance: Stated),
        (link: Responsible(measure: "m.answer", ministry: "厚", role: Lead), provenance: Stated),
    ],
)"#;

fn parse(text: &str) -> Roadmap {
    let fs = Mem(HashMap::from([(
        PathBuf::from("fixture.ron"),
        text.to_owned(),
    )]));
    parse_roadmap(&fs, Path::new("fixture.ron"))
        .unwrap_or_else(|e| panic!("fixture parses: {:#?}", e.diagnostics))
        .roadmap
}

#[test]
fn coverage_lists_the_unaddressed_gap_only() {
    let r = parse(FIXTURE);
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = harness(&r, &d, waymark::ui::coverage::coverage_ui);
    h.get_by_label("カバレッジ");
    h.get_by_label_contains("対応する施策のない論点 (1)");
    assert!(h.query_by_label_contains("施策が答えている論点").is_none());
    // Empty sections say so.
    h.get_by_label_contains("担当府省庁のない施策 (0)");
    assert!(h.query_all_by_label("該当なし").count() >= 3);
    h.get_by_label_contains("誰も対応していない孤立した論点")
        .click();
    h.run();
    let want = Action::Select(Some(ItemRef::Gap(GapId::new("gap.lonely").expect("id"))));
    assert!(h.state().contains(&want), "actions: {:?}", h.state());
}

/// Turns the mouse wheel over the middle of the view, moving the content up by `dy` points
/// (down for a negative `dy`).
fn wheel(h: &mut Harness<'_, Vec<Action>>, dy: f32) {
    h.hover_at(egui::pos2(640.0, 400.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::default(),
    });
    h.run();
}

/// Scrolls down with the mouse wheel until a label containing `text` is drawn (long lists draw
/// only the rows in view), at most `turns` turns.
fn wheel_until(h: &mut Harness<'_, Vec<Action>>, text: &str, turns: usize) {
    wheel_until_by(h, text, turns, 200.0);
}

/// [`wheel_until`], scrolling by `dy` points a turn (up for a negative `dy`).
fn wheel_until_by(h: &mut Harness<'_, Vec<Action>>, text: &str, turns: usize, dy: f32) {
    for _ in 0..turns {
        if h.query_all_by_label_contains(text).next().is_some() {
            return;
        }
        wheel(h, dy);
    }
    panic!("no label containing {text:?} after {turns} turns of the wheel");
}

#[test]
fn a_coverage_section_folds_and_unfolds() {
    let r = parse(FIXTURE);
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = harness(&r, &d, waymark::ui::coverage::coverage_ui);
    let lonely = "誰も対応していない孤立した論点";
    let next = "担当府省庁のない施策 (0)";
    h.get_by_label_contains(lonely);
    let before = h.get_by_label_contains(next).rect().top();
    h.get_by_label_contains("対応する施策のない論点 (1)")
        .click();
    h.run();
    assert!(h.query_by_label_contains(lonely).is_none(), "folded away");
    // The sections below move up into the room it left.
    assert!(h.get_by_label_contains(next).rect().top() < before);
    h.get_by_label_contains("対応する施策のない論点 (1)")
        .click();
    h.run();
    h.get_by_label_contains(lonely);
    assert_eq!(waymark::ui::rows::corrections(&h.ctx), 0);
}

#[test]
fn proposal_5_shows_its_overseas_organisations() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = harness(&r, &d, waymark::ui::proposals::proposals_ui);
    // 提言⑤ lies below the first screenful; its examples abroad and the 小論点 continuing its
    // gap come under its heading, before 提言⑥.
    wheel_until(&mut h, "提言⑤", 40);
    for text in ["カナダ", "CCRM", "CTM CRC", "CMaT", "小論点1-3 "] {
        wheel_until(&mut h, text, 10);
        let top = h
            .get_all_by_label_contains(text)
            .next()
            .map(|n| n.rect().top());
        if let Some(next) = h.query_by_label_contains("提言⑥") {
            assert!(top < Some(next.rect().top()), "{text} comes before 提言⑥");
        }
    }
    // The examples are drawn together, under their country.
    for org in ["CCRM", "CTM CRC", "CMaT"] {
        h.get_by_label(org);
    }
    assert!(h.query_all_by_label("カナダ").count() >= 1);
}

#[test]
fn targets_stand_side_by_side_with_their_measures() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = harness(&r, &d, waymark::ui::targets::targets_ui);
    h.get_by_label("2030年");
    h.get_by_label("2040年");
    // Only the cards in view are drawn: wheel down through the columns, noting which target
    // state's card (the ★ label above it in its column) shows its contributing measures.
    let mut with_measures = std::collections::BTreeSet::new();
    for _ in 0..40 {
        let targets: Vec<(String, egui::Rect)> = h
            .query_all_by_label_contains("★")
            .filter_map(|n| Some((n.accesskit_node().label()?, n.rect())))
            .collect();
        for section in h.query_all_by_label_contains("寄与する施策 (") {
            let s = section.rect();
            let card = targets
                .iter()
                .filter(|(_, t)| (t.left() - s.left()).abs() < 2.0 && t.top() < s.top())
                .max_by(|a, b| a.1.top().total_cmp(&b.1.top()));
            if let Some((label, _)) = card {
                with_measures.insert(label.clone());
            }
        }
        wheel(&mut h, 200.0);
    }
    assert!(with_measures.len() >= 5, "cards: {with_measures:?}");
}

#[test]
fn accountability_totals_and_kpis_render() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let h = harness(&r, &d, waymark::ui::accountability::accountability_ui);
    h.get_by_label("府省庁ごとの計");
    h.get_by_label_contains("対応案 (");

    let mut h = harness(&r, &d, waymark::ui::kpis::kpis_ui);
    // The budget table, after the KPIs: FY2023's 181億円 line.
    wheel_until(&mut h, "181", 60);
    h.get_by_label("181");
    assert!(h.query_all_by_label("FY2023").count() >= 1);
    // Back up to the KPIs.
    wheel_until_by(&mut h, "非臨床POCの取得件数", 60, -200.0);
    h.get_by_label("非臨床POCの取得件数").scroll_to_me();
    h.run();
    h.get_by_label("非臨床POCの取得件数").click();
    h.run();
    let want = Action::Select(Some(ItemRef::Kpi(
        KpiId::new("kpi.nonclinical-poc").expect("id"),
    )));
    assert!(h.state().contains(&want), "actions: {:?}", h.state());
}

#[test]
fn budgets_in_english_are_named_by_their_short_titles() {
    // Every budget line of every bundled roadmap, and the programme it funds, has one.
    for bundled in waymark::bundled::ROADMAPS {
        let r = views::open(bundled.entry);
        for b in &r.items.budgets {
            assert!(b.title_en.is_some(), "{} has a short English title", b.id);
            if let Some(p) = b.programme.as_ref().and_then(|p| r.measure(p)) {
                assert!(p.title_en.is_some(), "{} has a short English title", p.id);
            }
        }
    }
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::En);
    let mut h = harness(&r, &d, waymark::ui::kpis::kpis_ui);
    let b = &r.items.budgets[0];
    let title = b.title_en.as_deref().expect("a short title");
    wheel_until(&mut h, title, 60);
    // The programme's short title names it in the table (and the chart's legend), never the
    // start of its English gloss.
    let programme = r
        .measure(b.programme.as_ref().expect("a programme"))
        .expect("the programme");
    let short = programme.title_en.as_deref().expect("a short title");
    let gloss = programme.en.as_deref().expect("a gloss");
    assert!(h.query_all_by_label(short).next().is_some(), "{short}");
    let start: String = gloss.chars().take(short.len() + 2).collect();
    assert!(
        h.query_all_by_label_contains(&start).next().is_none(),
        "the gloss {start:?}… names no budget row"
    );
}

/// One 小論点 answered by two 対応案, one per ministry.
const MIXED: &str = r#"(
    schema: 1,
    roadmap: (id: "mixed", title: "混在試験", start_fy: 2024, end_fy: 2030),
    ministries: [
        (code: "文", name: "文部科学省", name_en: "MEXT"),
        (code: "厚", name: "厚生労働省", name_en: "MHLW"),
    ],
    themes: [(id: "theme.1", number: 1, title: "試験項目", issue: "試験の大論点")],
    gaps: [(id: "gap.1", theme: "theme.1", number: 1, text: "二つの施策が答える小論点")],
    measures: [
        (id: "m.mext", kind: Response, text: "文科省だけの対応案", ministries_as_written: "（文）"),
        (id: "m.mhlw", kind: Response, text: "厚労省だけの対応案", ministries_as_written: "（厚）"),
    ],
    links: [
        (link: AddressedBy(gap: "gap.1", measure: "m.mext"), provenance: Stated),
        (link: AddressedBy(gap: "gap.1", measure: "m.mhlw"), provenance: Stated),
        (link: Responsible(measure: "m.mext", ministry: "文", role: Lead), provenance: Stated),
        (link: Responsible(measure: "m.mhlw", ministry: "厚", role: Lead), provenance: Stated),
    ],
)"#;

#[test]
fn ministry_filter_hides_other_responses_to_a_shown_gap() {
    let r = parse(MIXED);
    let d = derive(&r, Filter::default(), Lang::Ja);
    let h = harness(&r, &d, waymark::ui::matrix::matrix_ui);
    h.get_by_label_contains("文科省だけの対応案");
    h.get_by_label_contains("厚労省だけの対応案");
    let d = derive(&r, ministries(&["厚"]), Lang::Ja);
    let h = harness(&r, &d, waymark::ui::matrix::matrix_ui);
    h.get_by_label_contains("小論点1-1 二つの施策が答える小論点");
    h.get_by_label_contains("試験の大論点");
    h.get_by_label_contains("厚労省だけの対応案");
    assert!(h.query_by_label_contains("文科省だけの対応案").is_none());
}

/// The long lists (proposals, target states, coverage, KPIs and budgets) draw only the rows in
/// view, at heights computed before drawing: scrolling through each, in both languages, every row
/// is drawn exactly as tall as computed, so rows neither overlap nor leave gaps, and the scroll
/// bar is right from the start.
#[test]
fn long_lists_know_their_rows_heights_before_drawing_them() {
    let r = bundled();
    let views: [(&str, View); 4] = [
        ("proposals", waymark::ui::proposals::proposals_ui),
        ("targets", waymark::ui::targets::targets_ui),
        ("coverage", waymark::ui::coverage::coverage_ui),
        ("kpis", waymark::ui::kpis::kpis_ui),
    ];
    for lang in [Lang::Ja, Lang::En] {
        let d = derive(&r, Filter::default(), lang);
        for (name, view) in views {
            let mut h = harness(&r, &d, view);
            for _ in 0..80 {
                wheel(&mut h, 200.0);
            }
            assert_eq!(
                waymark::ui::rows::corrections(&h.ctx),
                0,
                "{name} ({lang:?}): rows drawn at another height than computed"
            );
        }
    }
}

/// Labels drawn over one another in one column, as (upper, lower) texts: none when every table
/// row is as tall as its cells.
fn overlaps(h: &Harness<'_, Vec<Action>>) -> Vec<(String, String)> {
    let mut labels: Vec<(egui::Rect, String)> = h
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .filter_map(|n| n.accesskit_node().label().map(|l| (n.rect(), l)))
        .collect();
    labels.sort_by(|(a, _), (b, _)| {
        a.min
            .x
            .total_cmp(&b.min.x)
            .then(a.min.y.total_cmp(&b.min.y))
    });
    labels
        .windows(2)
        .filter(|w| (w[0].0.min.x - w[1].0.min.x).abs() < 0.5 && w[0].0.max.y > w[1].0.min.y + 0.5)
        .map(|w| (w[0].1.clone(), w[1].1.clone()))
        .collect()
}

/// The matrix and accountability tables keep their rows' heights until the column widths change:
/// when the window narrows, texts wrap onto more lines and the rows grow with them, so no cell's
/// text runs into the row below, in either language.
#[test]
fn table_rows_grow_when_the_window_narrows() {
    let r = bundled();
    let views: [(&str, View); 2] = [
        ("matrix", waymark::ui::matrix::matrix_ui),
        (
            "accountability",
            waymark::ui::accountability::accountability_ui,
        ),
    ];
    for lang in [Lang::Ja, Lang::En] {
        let d = derive(&r, Filter::default(), lang);
        for (name, view) in views {
            let mut h = harness(&r, &d, view);
            assert_eq!(overlaps(&h), Vec::new(), "{name} ({lang:?}) at 1280 points");
            h.set_size(egui::vec2(900.0, 800.0));
            h.run();
            for turn in 0..6 {
                assert_eq!(
                    overlaps(&h),
                    Vec::new(),
                    "{name} ({lang:?}) at 900 points, turn {turn}"
                );
                wheel(&mut h, 300.0);
            }
        }
    }
}

/// The rows a table keeps follow the derived data: a filter set and cleared in the same window
/// takes rows away and brings them back.
#[test]
fn tables_follow_the_filter_in_the_same_window() {
    let r = bundled();
    let all = derive(&r, Filter::default(), Lang::Ja);
    let mhlw = derive(&r, ministries(&["厚"]), Lang::Ja);
    let filtered = std::cell::Cell::new(false);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .with_context_setup(waymark::fonts::install)
        .build_ui(|ui| {
            let d = if filtered.get() { &mhlw } else { &all };
            let ctx = ViewCtx::new(&r, d);
            let mut actions = Vec::new();
            waymark::ui::matrix::matrix_ui(ui, &ctx, &mut actions);
            waymark::ui::accountability::accountability_ui(ui, &ctx, &mut actions);
        });
    let shows = |h: &Harness<'_>, text: &str| h.query_all_by_label_contains(text).next().is_some();
    h.run();
    assert!(shows(&h, MEXT_ONLY));
    h.get_by_label("府省庁ごとの計");
    filtered.set(true);
    h.run();
    assert!(!shows(&h, MEXT_ONLY));
    assert!(shows(&h, WITH_MHLW));
    h.get_by_label("府省庁ごとの計（フィルタ後の施策）");
    filtered.set(false);
    h.run();
    assert!(shows(&h, MEXT_ONLY));
    h.get_by_label("府省庁ごとの計");
}

/// Listing the measures as written drops the group headings; grouping them again brings them back.
#[test]
fn accountability_regroups_its_rows() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = harness(&r, &d, waymark::ui::accountability::accountability_ui);
    h.get_by_label_contains("対応案 (");
    h.get_by_label("記載順").click();
    h.run();
    assert!(h.query_by_label_contains("対応案 (").is_none());
    h.get_by_label("種別ごと").click();
    h.run();
    h.get_by_label_contains("対応案 (");
}
