//! At 1024×700 with the side panels at their default widths, in either language: the linkage
//! view's three columns fit between the panels with no sideways scrolling, and the filter bar
//! keeps to one line.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::{Action, Tab};
use waymark::analysis::filter::Filter;
use waymark::app::{Prefs, WaymarkApp};
use waymark::i18n::Lang;
use waymark::ui::ViewCtx;
use waymark::ui::linkage::item_label;

const SIZE: egui::Vec2 = egui::vec2(1024.0, 700.0);

fn harness(tab: Tab, lang: Lang) -> Harness<'static, WaymarkApp> {
    let prefs = Prefs {
        tab,
        lang,
        ..Prefs::default()
    };
    common::harness_with(prefs, SIZE)
}

#[test]
fn the_ministries_column_of_linkage_is_in_view_between_the_panels() {
    for lang in [Lang::Ja, Lang::En] {
        let h = harness(Tab::Linkage, lang);
        let labels: Vec<String> = {
            let app = h.state();
            let roadmap = &app.document().expect("open").roadmap;
            let derived = app.derived().expect("derived");
            let ctx = ViewCtx::new(roadmap, derived);
            derived
                .linkage
                .ministries
                .iter()
                .map(|m| item_label(&ctx, m))
                .collect()
        };
        assert!(!labels.is_empty(), "the bundled roadmap has ministries");
        let view = h
            .get_by_label(lang.pick(
                "つながり：論点 → 対応案 → 府省庁",
                "Linkage: gaps → measures → ministries",
            ))
            .rect();
        let inspector = h.get_by_label(lang.pick("詳細", "Inspector")).rect();
        // The boxes in the view (the navigator may name ministries too, left of it).
        let boxes: Vec<egui::Rect> = labels
            .iter()
            .flat_map(|l| {
                h.query_all_by_label(l)
                    .map(|n| n.rect())
                    .collect::<Vec<_>>()
            })
            .filter(|r| r.left() > view.left())
            .collect();
        assert!(
            !boxes.is_empty(),
            "{lang:?}: the ministries column shows boxes"
        );
        for r in boxes {
            assert!(
                r.right() <= inspector.left() && r.width() >= 80.0,
                "{lang:?}: a ministry box at {r:?} is cut by the inspector at {}",
                inspector.left()
            );
        }
    }
}

#[test]
fn the_filter_bar_keeps_to_one_line_with_a_filter_on() {
    for lang in [Lang::Ja, Lang::En] {
        let mut h = harness(Tab::Timeline, lang);
        let ctx = h.ctx.clone();
        let filter = Filter {
            text: "iPS".to_owned(),
            ..Filter::default()
        };
        h.state_mut().apply(&ctx, vec![Action::SetFilter(filter)]);
        h.run();
        let search = h
            .get_by_role_and_label(
                egui::accesskit::Role::TextInput,
                lang.pick("検索", "Search"),
            )
            .rect();
        let years = h.get_by_label(lang.pick("年度で絞る", "Years")).rect();
        assert!(
            (search.center().y - years.center().y).abs() < 4.0,
            "{lang:?}: the search field at {search:?} and the year filter at {years:?} share a line"
        );
        assert!(
            years.right() <= SIZE.x,
            "{lang:?}: {years:?} is in the window"
        );
        // How many pass, the way out of the filter and last on the bar, on the same line.
        let clear = h
            .get_by_label_contains(lang.pick("絞り込み中：", "Filtered: "))
            .rect();
        assert!(
            (search.center().y - clear.center().y).abs() < 4.0 && clear.right() <= SIZE.x,
            "{lang:?}: Clear at {clear:?} is on the search field's line"
        );
    }
}
