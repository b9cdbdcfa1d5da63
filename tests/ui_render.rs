//! UI tests of how the views render what a roadmap holds: whole ministry codes in table headers,
//! what carries a proposal on and who answers it, and target states an editor assumed, through
//! what a person or a screen reader sees.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::Action;
use waymark::analysis::derived::Derived;
use waymark::analysis::filter::Filter;
use waymark::i18n::Lang;
use waymark::model::{Provenance, Roadmap, StageId, TargetId};
use waymark::ui::ViewCtx;

mod views;
use views::{bundled, derive};

type View = fn(&mut egui::Ui, &ViewCtx<'_>, &mut Vec<Action>);

/// A harness showing one view over `roadmap`; its state collects the actions pushed.
fn harness<'a>(roadmap: &'a Roadmap, derived: &'a Derived, view: View) -> Harness<'a, Vec<Action>> {
    sized_harness(roadmap, derived, view, egui::vec2(1280.0, 800.0))
}

/// [`harness`] in a window of `size`.
fn sized_harness<'a>(
    roadmap: &'a Roadmap,
    derived: &'a Derived,
    view: View,
    size: egui::Vec2,
) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(size)
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

/// The bundled roadmap with an agency coded `AMED`.
fn with_amed() -> Roadmap {
    let mut r = bundled();
    let created = waymark::edit::create_ministry(
        &r,
        None,
        "AMED",
        (
            "日本医療研究開発機構",
            "Japan Agency for Medical Research and Development",
        ),
    )
    .expect("AMED is a valid new code");
    waymark::edit::apply(&mut r, created.edit).expect("AMED is added");
    r
}

/// Width of `text` on one line in the body font.
fn text_width(h: &Harness<'_, Vec<Action>>, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
    h.ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE)
            .size()
            .x
    })
}

/// A ministry coded with four letters heads its column whole, in the matrix and the
/// accountability table, in both languages: the header is as wide as the code, not elided to "…".
#[test]
fn a_long_ministry_code_heads_its_column_whole() {
    let r = with_amed();
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
            let h = harness(&r, &d, view);
            let need = text_width(&h, "AMED");
            let headers: Vec<egui::Rect> = h.get_all_by_label("AMED").map(|n| n.rect()).collect();
            assert!(!headers.is_empty(), "{name} ({lang:?}) has an AMED header");
            for rect in headers {
                assert!(
                    rect.width() >= need,
                    "{name} ({lang:?}): AMED drawn {} wide, needs {need}",
                    rect.width()
                );
            }
            assert!(
                h.query_by_label("…").is_none() && h.query_by_label_contains("AME…").is_none(),
                "{name} ({lang:?}): no elided header"
            );
        }
    }
}

/// The table's ministry header lowest in the view (the accountability view also heads its
/// totals with the codes).
fn table_header(h: &Harness<'_, Vec<Action>>, code: &str) -> egui::Rect {
    h.get_all_by_label(code)
        .map(|n| n.rect())
        .max_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap_or_else(|| panic!("no header {code}"))
}

/// In a view narrower than the tables' columns need, the tables scroll sideways: the last
/// ministry's column can be brought into view.
#[test]
fn ministry_columns_can_be_reached_in_a_narrow_view() {
    let r = with_amed();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let views: [(&str, View); 2] = [
        ("matrix", waymark::ui::matrix::matrix_ui),
        (
            "accountability",
            waymark::ui::accountability::accountability_ui,
        ),
    ];
    let width = 480.0;
    for (name, view) in views {
        let mut h = sized_harness(&r, &d, view, egui::vec2(width, 700.0));
        let before = table_header(&h, "経");
        assert!(before.right() > width, "{name}: 経 is out of view at first");
        h.hover_at(egui::pos2(width / 2.0, 400.0));
        for _ in 0..10 {
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(-200.0, 0.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::default(),
            });
            h.run();
        }
        let after = table_header(&h, "経");
        assert!(
            after.left() >= 0.0 && after.right() <= width,
            "{name}: 経 drawn at {after:?} in a view {width} wide"
        );
    }
}

/// In a narrow view the matrix's English column titles wrap between words rather than being
/// elided: each is drawn as wide as its text, or on more than one line, each line at least as wide
/// as its longest word.
#[test]
fn matrix_titles_wrap_rather_than_being_elided() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::En);
    let h = sized_harness(
        &r,
        &d,
        waymark::ui::matrix::matrix_ui,
        egui::vec2(700.0, 800.0),
    );
    let line = h.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    // Within a point: labels are placed on the pixel grid.
    let fits = |rect: egui::Rect, text: &str| rect.width() >= text_width(&h, text) - 1.0;
    for title in [
        "Theme",
        "Overarching issue",
        "Issue",
        "Response",
        "As written",
    ] {
        let rect = h.get_by_label(title).rect();
        let wrapped = rect.height() > 1.5 * line && title.split(' ').all(|w| fits(rect, w));
        assert!(fits(rect, title) || wrapped, "{title:?} drawn in {rect:?}");
    }
}

/// The header names the ministry in full on hover.
#[test]
fn a_ministry_header_names_it_in_full_on_hover() {
    let r = with_amed();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = harness(&r, &d, waymark::ui::matrix::matrix_ui);
    h.get_by_label("AMED").hover();
    h.run();
    for _ in 0..10 {
        if h.query_by_label("日本医療研究開発機構").is_some() {
            return;
        }
        h.step();
    }
    panic!("no full name on hover");
}

/// The labels of the card of proposal `number` (`⑤`), top to bottom: in a window tall enough for
/// a whole card, the list is wheeled down until its heading and the next shown proposal's are in
/// view.
fn proposal_card(h: &mut Harness<'_, Vec<Action>>, number: &str, next: &str) -> Vec<String> {
    let heading = format!("提言{number}");
    for _ in 0..80 {
        let top = h.query_by_label_contains(&heading).map(|n| n.rect().top());
        let bottom = h
            .query_by_label_contains(&format!("提言{next}"))
            .map(|n| n.rect().top());
        if let (Some(top), Some(bottom)) = (top, bottom) {
            // Reading order: by line (the middle of a widget, as a line centres them), then
            // from the left; a label's text shows as its node and its text run.
            let mut labels: Vec<(f32, f32, String)> = h
                .root()
                .children_recursive()
                .filter_map(|n| {
                    let node = n.accesskit_node();
                    let label = node.label().or_else(|| node.value())?;
                    let r = n.rect();
                    (r.top() >= top && r.top() < bottom)
                        .then(|| (r.center().y.round(), r.left(), label))
                })
                .collect();
            labels.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            let mut labels: Vec<String> = labels.into_iter().map(|(_, _, l)| l).collect();
            labels.dedup();
            return labels;
        }
        h.hover_at(egui::pos2(640.0, 400.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::default(),
        });
        h.run();
    }
    panic!("the card of {heading} never came whole into view");
}

/// Where the first label containing `text` is among `labels`.
fn at(labels: &[String], text: &str) -> usize {
    labels
        .iter()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no label containing {text:?} in {labels:#?}"))
}

/// 提言⑤'s gap is continued by 小論点1-3, answered by a 対応案 METI leads; its own actions name
/// no ministry. The card says all three, in that order, under its sections.
#[test]
fn a_proposal_lists_what_continues_its_gap_and_who_answers_it() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = sized_harness(
        &r,
        &d,
        waymark::ui::proposals::proposals_ui,
        egui::vec2(1280.0, 2400.0),
    );
    let card = proposal_card(&mut h, "⑤", "⑥");
    let actions = at(&card, "アクション");
    let none_named = at(&card, "担当府省庁の記載なし");
    let continued = at(&card, "継承先の小論点 (1)");
    let gap = at(
        &card,
        "小論点1-3 製剤化、実用化の推進や企業参入の障壁として",
    );
    let meti = at(&card, "経 経済産業省（主担当）");
    assert!(actions < none_named && none_named < continued, "{card:#?}");
    assert!(continued < gap && gap < meti, "{card:#?}");
    assert!(!card.iter().any(|l| l == "なし"), "{card:#?}");
}

/// 提言①'s actions name three supporting ministries; nothing continues its gap, and the card
/// says so.
#[test]
fn a_proposal_whose_gap_nothing_continues_says_so() {
    let r = bundled();
    let d = derive(&r, Filter::default(), Lang::Ja);
    let mut h = sized_harness(
        &r,
        &d,
        waymark::ui::proposals::proposals_ui,
        egui::vec2(1280.0, 2400.0),
    );
    let card = proposal_card(&mut h, "①", "②");
    // After the actions, in the roadmap's order of ministries.
    let mut last = at(&card, "アクション");
    for ministry in [
        "文 文部科学省（支援）",
        "厚 厚生労働省（支援）",
        "経 経済産業省（支援）",
    ] {
        let here = at(&card, ministry);
        assert!(last < here, "{ministry} in {card:#?}");
        last = here;
    }
    let continued = at(&card, "継承先の小論点 (0)");
    assert_eq!(
        card.get(continued + 1).map(String::as_str),
        Some("なし"),
        "{card:#?}"
    );
}

/// In a narrow view a ministry's long English name (or a stage's) wraps within the card rather
/// than running past the view's edge (and widening the whole list), and every card is as tall as
/// computed, in both languages.
#[test]
fn proposals_fit_a_narrow_view() {
    let r = bundled();
    let width = 520.0;
    for (lang, mext) in [
        (Lang::Ja, "文 文部科学省"),
        (Lang::En, "Ministry of Education, Culture, Sports"),
    ] {
        let d = derive(&r, Filter::default(), lang);
        let mut h = sized_harness(
            &r,
            &d,
            waymark::ui::proposals::proposals_ui,
            egui::vec2(width, 700.0),
        );
        let mut seen = false;
        for _ in 0..120 {
            seen |= h.query_all_by_label_contains(mext).next().is_some();
            let past: Vec<(String, egui::Rect)> = h
                .root()
                .children_recursive()
                .filter_map(|n| {
                    let node = n.accesskit_node();
                    let label = node.label().or_else(|| node.value())?;
                    (n.rect().right() > width + 0.5).then(|| (label, n.rect()))
                })
                .collect();
            assert_eq!(past, Vec::new(), "{lang:?}: labels past the edge");
            h.hover_at(egui::pos2(width / 2.0, 400.0));
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -200.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::default(),
            });
            h.run();
        }
        assert!(seen, "{lang:?}: MEXT is named");
        assert_eq!(waymark::ui::rows::corrections(&h.ctx), 0, "{lang:?}");
    }
}

/// What continues a proposal's gap is part of the proposal: a filter that leaves the 小論点 out
/// (it stands at no value-chain stage) still shows it under the proposal, with who answers it.
#[test]
fn a_filter_keeps_what_continues_a_shown_proposal() {
    let r = bundled();
    let filter = Filter {
        stages: [StageId::new("stage.processing").expect("id")].into(),
        ..Filter::default()
    };
    let d = derive(&r, filter, Lang::Ja);
    let mut h = sized_harness(
        &r,
        &d,
        waymark::ui::proposals::proposals_ui,
        egui::vec2(1280.0, 2400.0),
    );
    // 提言⑥ and ⑦ answer gaps at other stages.
    let card = proposal_card(&mut h, "⑤", "⑧");
    let gap = at(&card, "小論点1-3 製剤化");
    assert!(at(&card, "継承先の小論点 (1)") < gap, "{card:#?}");
    assert!(gap < at(&card, "経 経済産業省（主担当）"), "{card:#?}");
}

/// The bundled roadmap with its target state 2030-2 marked as assumed by an editor.
fn with_assumed_target() -> Roadmap {
    let mut r = bundled();
    let id = TargetId::new("target.2030.2").expect("id");
    let edit = waymark::edit::edit_target(&r, &id, |t| t.provenance = Provenance::Assumed)
        .expect("the target state is there");
    waymark::edit::apply(&mut r, edit).expect("the edit applies");
    r
}

/// The one label starting with a target state's tag (`★2030-2`), the card's link.
fn target_label(h: &Harness<'_, Vec<Action>>, tag: &str) -> String {
    let labels: Vec<String> = h
        .query_all_by_label_contains(tag)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with(tag))
        .collect();
    assert_eq!(labels.len(), 1, "one card labelled {tag}: {labels:?}");
    labels.into_iter().next().unwrap_or_default()
}

/// An assumed target state says so in its card's label, which a screen reader reads; a stated
/// one does not; a legend explains the stripes, in both languages.
#[test]
fn an_assumed_target_state_says_so() {
    let r = with_assumed_target();
    for (lang, tag, legend) in [
        (Lang::Ja, "［仮定］", "根拠："),
        (Lang::En, "[assumed]", "Provenance: "),
    ] {
        let d = derive(&r, Filter::default(), lang);
        // Tall enough for every card: only those in view are drawn.
        let h = sized_harness(
            &r,
            &d,
            waymark::ui::targets::targets_ui,
            egui::vec2(1280.0, 4000.0),
        );
        h.get_by_label(legend);
        let assumed = target_label(&h, "★2030-2 ");
        assert!(assumed.contains(tag), "{lang:?}: {assumed}");
        for stated in ["★2030-1 ", "★2030-3 ", "★2040-1 "] {
            let label = target_label(&h, stated);
            assert!(!label.contains(tag), "{lang:?}: {label}");
        }
    }
}
