//! The explorer as a user drives it: through labels and roles, with `egui_kittest`.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::{Action, Tab};
use waymark::app::{Prefs, WaymarkApp};
use waymark::i18n::Lang;
use waymark::model::{GapId, ItemRef};

fn harness(app: WaymarkApp) -> Harness<'static, WaymarkApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // Relayout after a language switch takes a few frames; it must still settle.
        .with_max_steps(16)
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app)
}

/// The bundled roadmap, showing the KPI tab: it lists no gaps or measures, so the navigator's and
/// inspector's labels are the only ones these tests find.
fn bundled_app() -> WaymarkApp {
    WaymarkApp::new(
        None,
        Prefs {
            tab: Tab::Kpis,
            ..Prefs::default()
        },
    )
}

#[test]
fn opens_the_bundled_roadmap_with_its_title_and_settles_when_idle() {
    let mut h = harness(bundled_app());
    // `run` panics if the UI keeps asking for repaints: idle means no repaint.
    h.run();
    let doc = h.state().document().expect("bundled roadmap opens");
    assert!(h.state().title().contains(&doc.roadmap.header.title));
    assert!(h.state().title().contains("regenerative-medicine.ron"));
    h.get_by_label("ナビゲーター");
}

#[test]
fn selecting_a_gap_shows_its_responses_and_ministries_in_the_inspector() {
    let mut h = harness(bundled_app());
    h.run();
    h.get_by_label_contains("小論点1-1 iPS細胞").click();
    h.run();
    assert_eq!(
        h.state().selection(),
        Some(&ItemRef::Gap(GapId::new("gap.t1.1").expect("id")))
    );
    // The 対応案 answering 小論点1-1, and the ministries tagged on it (（文、経）).
    assert!(
        h.query_by_label_contains("研究成果の実用化に向けて")
            .is_some(),
        "the response is listed"
    );
    h.get_by_label_contains("担当府省庁（対応案を通じて）（2）");
    h.get_by_label("文 文部科学省");
    h.get_by_label("経 経済産業省");
    assert!(
        h.query_by_label("厚 厚生労働省").is_none(),
        "厚 is not responsible for 1-1"
    );
}

#[test]
fn clicking_a_link_in_the_inspector_moves_the_selection() {
    let mut h = harness(bundled_app());
    h.run();
    h.get_by_label_contains("小論点1-1 iPS細胞").click();
    h.run();
    h.get_by_label("経 経済産業省").click();
    h.run();
    assert_eq!(h.state().selection().map(ItemRef::id_str), Some("経"));
    h.get_by_label_contains("担当する施策");
}

#[test]
fn switching_language_changes_the_labels_and_is_remembered_in_prefs() {
    let mut h = harness(bundled_app());
    h.run();
    assert!(h.query_by_label("Navigator").is_none());
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Navigator");
    assert!(h.query_by_label("ナビゲーター").is_none());
    assert_eq!(h.state().prefs().lang, Lang::En);
    h.get_by_label("日本語").click();
    h.run();
    h.get_by_label("ナビゲーター");
}

#[test]
fn a_broken_file_shows_positioned_diagnostics_and_keeps_the_last_good_roadmap() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "(\n    schema: 1,\n    roadmap: (\n        id: \"x\",\n        title: 42,\n    ),\n)\n",
    )
    .expect("write");
    let mut h = harness(bundled_app());
    h.run();
    let title_before = h.state().title().to_owned();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![Action::Open(path.clone())]);
    common::wait_for_load(&mut h);
    assert_eq!(
        h.state().title(),
        title_before,
        "the previous roadmap stays open"
    );
    assert!(h.state().document().is_some());
    let errors = h.state().load_errors();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!((errors[0].line, errors[0].col), (5, 16));
    // The panel shows file:line:col and the offending line.
    h.get_by_label_contains(&format!("{}:5:16: error:", path.display()));
    h.get_by_label_contains("title: 42,");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "(\n    schema: 1,\n    roadmap: (\n        id: \"x\",\n        title: 42,\n    ),\n)\n"
    );
}

#[test]
fn search_narrows_the_navigator_and_shows_that_a_filter_is_active() {
    let mut h = harness(bundled_app());
    h.run();
    assert!(h.query_by_label_contains("小論点2-3").is_some());
    h.get_by_label("検索").click();
    let search = h.get_by_role(egui::accesskit::Role::TextInput);
    search.focus();
    search.type_text("カルタヘナ");
    h.run();
    assert!(
        h.query_by_label_contains("小論点3-5").is_some(),
        "the 小論点 on the Cartagena Act remains"
    );
    assert!(
        h.query_by_label_contains("小論点2-3").is_none(),
        "an unrelated 小論点 is hidden"
    );
    h.get_by_label_contains("絞り込み中");
}

#[test]
fn with_the_mouse_alone_gap_5_leads_to_its_measures_ministries_and_timing() {
    let mut h = harness(bundled_app());
    h.run();
    // Navigator: 提言⑤ (further down, so scroll to it first), then its gap in the inspector.
    h.get_by_label_contains("提言⑤").scroll_to_me();
    h.run();
    h.get_by_label_contains("提言⑤").click();
    h.run();
    assert_eq!(h.state().selection().map(ItemRef::id_str), Some("prop.5"));
    h.get_by_label_contains("ギャップ5 臨床品質の細胞").click();
    h.run();
    assert_eq!(
        h.state().selection(),
        Some(&ItemRef::Gap(GapId::new("gap.2018.5").expect("id")))
    );
    // The 2018 proposal's own actions answer it …
    h.get_by_label_contains("対応する施策（3）");
    // … and the later 小論点1-3 carries it on, with its 対応案, span and ministry.
    h.get_by_label_contains("小論点1-3 に引き継がれた対応");
    h.get_by_label_contains("FY2022-FY2029");
    h.get_by_label("経 経済産業省");
}

/// A file dropped on the window, as the windowing integration hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_roadmap_on_the_window_opens_it_and_remembers_it() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/roadmap.ron");
    let mut h = harness(bundled_app());
    h.run();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.step();
    common::wait_for_load(&mut h);
    let doc = h.state().document().expect("a roadmap is open");
    assert_eq!(doc.entry_path(), path.as_path());
    assert!(h.state().title().contains(&doc.roadmap.header.title));
    assert_eq!(h.state().prefs().recent.first(), Some(&path));
}

#[test]
fn ctrl_f_focuses_the_search_field() {
    let mut h = harness(bundled_app());
    h.run();
    assert!(!h.get_by_role(egui::accesskit::Role::TextInput).is_focused());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    assert!(h.get_by_role(egui::accesskit::Role::TextInput).is_focused());
}
