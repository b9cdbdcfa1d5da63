//! UI tests of how the views render what a roadmap holds: whole ministry codes in table headers,
//! what carries a proposal on and who answers it, and target states an editor assumed.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::Action;
use waymark::analysis::derived::{Derived, Inputs};
use waymark::analysis::filter::Filter;
use waymark::i18n::Lang;
use waymark::model::Roadmap;
use waymark::ui::ViewCtx;

type View = fn(&mut egui::Ui, &ViewCtx<'_>, &mut Vec<Action>);

fn bundled() -> Roadmap {
    waymark::bundled::open()
        .unwrap_or_else(|e| panic!("bundled roadmap loads: {:#?}", e.diagnostics))
        .roadmap
}

fn derive(roadmap: &Roadmap, filter: Filter, lang: Lang) -> Derived {
    Derived::compute(
        roadmap,
        Inputs {
            filter,
            grouping: waymark::analysis::timeline::Grouping::default(),
            lang,
            selection: None,
        },
    )
}

/// A harness showing one view over `roadmap`; its state collects the actions pushed.
fn harness<'a>(roadmap: &'a Roadmap, derived: &'a Derived, view: View) -> Harness<'a, Vec<Action>> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
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
