//! The explorer as a daily tool, driven through labels and roles: back and forward through
//! selections, the keyboard alone, panels that keep their width and fold away, the view tabs on
//! one line at 1024×700, and starting on the roadmap open last.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::{Action, Tab};
use waymark::app::{Opened, Prefs, WaymarkApp};
use waymark::i18n::Lang;
use waymark::model::{ItemKind, ItemRef};

fn harness_at(app: WaymarkApp, size: egui::Vec2) -> Harness<'static, WaymarkApp> {
    Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .with_context_setup(waymark::fonts::install)
        .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app)
}

fn app_on(tab: Tab, lang: Lang) -> WaymarkApp {
    WaymarkApp::new(
        None,
        Prefs {
            tab,
            lang,
            ..Prefs::default()
        },
    )
}

fn harness(tab: Tab) -> Harness<'static, WaymarkApp> {
    harness_at(app_on(tab, Lang::Ja), egui::vec2(1280.0, 800.0))
}

fn selected(h: &Harness<'_, WaymarkApp>) -> Option<String> {
    h.state().selection().map(|s| s.id_str().to_owned())
}

fn proposal_5(h: &Harness<'_, WaymarkApp>) -> ItemRef {
    let it = &h.state().document().expect("open").roadmap.items;
    ItemRef::Proposal(it.proposals[4].id.clone())
}

#[test]
fn back_and_forward_retrace_links_followed_in_the_inspector() {
    let mut h = harness(Tab::Kpis);
    h.run();
    h.get_by_label_contains("小論点1-1 iPS細胞").click();
    h.run();
    h.get_by_label("経 経済産業省").click();
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("経"));

    // Alt+← goes back to the gap, Alt+→ forward to the ministry again.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowLeft);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("gap.t1.1"));
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowRight);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("経"));

    // The toolbar's arrows do the same, and Esc's clearing can be gone back from too.
    h.get_by_label("戻る（Alt+←）").click();
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("gap.t1.1"));
    h.get_by_label("進む（Alt+→）").click();
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("経"));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(selected(&h), None);
    h.get_by_label("戻る（Alt+←）").click();
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("経"));
}

#[test]
fn the_mouse_back_button_goes_back() {
    let mut h = harness(Tab::Kpis);
    h.run();
    h.get_by_label_contains("小論点1-1 iPS細胞").click();
    h.run();
    h.get_by_label_contains("小論点1-2").click();
    h.run();
    let pos = h.get_by_label("ナビゲーター").rect().center();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Extra1,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("gap.t1.1"));
}

#[test]
fn arrow_keys_walk_the_navigator_and_enter_opens_the_view_that_shows_the_item() {
    let mut h = harness(Tab::Targets);
    h.run();
    let it = &h.state().document().expect("open").roadmap.items;
    let first = it.target_states[0].id.as_str().to_owned();
    let second = it.target_states[1].id.as_str().to_owned();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(
        selected(&h),
        Some(first.clone()),
        "↓ from nothing: the first row"
    );
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(selected(&h), Some(second));
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(selected(&h), Some(first));

    // A proposal cannot be shown by the target states: Enter opens the proposals.
    let ctx = h.ctx.clone();
    let proposal = proposal_5(&h);
    h.state_mut()
        .apply(&ctx, vec![Action::Select(Some(proposal))]);
    h.run();
    assert_eq!(h.state().prefs().tab, Tab::Targets);
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().prefs().tab, Tab::Proposals);
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(selected(&h), None);
}

#[test]
fn a_selection_the_view_cannot_show_is_said_so_with_a_way_to_the_view_that_can() {
    let mut h = harness(Tab::Timeline);
    h.run();
    let ctx = h.ctx.clone();
    let source = {
        let doc = h.state().document().expect("open");
        ItemRef::Source(doc.roadmap.items.sources[0].id.clone())
    };
    h.state_mut()
        .apply(&ctx, vec![Action::Select(Some(source))]);
    h.run();
    h.get_by_label_contains("はこのビューに表示されません");
    // A proposal is not on the accountability table; the proposals view shows it.
    let proposal = proposal_5(&h);
    h.state_mut()
        .apply(&ctx, vec![Action::Select(Some(proposal))]);
    h.run();
    h.get_by_label("府省庁の担当").click();
    h.run();
    h.get_by_label_contains("はこのビューに表示されません");
    h.get_by_label("表示： 提言").click();
    h.run();
    assert_eq!(h.state().prefs().tab, Tab::Proposals);
    assert!(
        h.query_by_label_contains("はこのビューに表示されません")
            .is_none()
    );
}

#[test]
fn panels_fold_away_with_a_shortcut_and_come_back() {
    let mut h = harness(Tab::Kpis);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    h.run();
    assert!(h.query_by_label("ナビゲーター").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    h.run();
    assert!(h.query_by_label("詳細").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    h.run();
    h.get_by_label("ナビゲーター");
    h.get_by_label("詳細");
}

/// At 1024×700, in either language, with items selected whose links are long: the inspector
/// keeps to its share of the window, and the tabs stay on one line.
#[test]
fn at_1024_by_700_panels_keep_their_width_and_tabs_one_line() {
    for lang in [Lang::Ja, Lang::En] {
        let mut h = harness_at(app_on(Tab::Timeline, lang), egui::vec2(1024.0, 700.0));
        h.run();
        let items: Vec<ItemRef> = {
            let it = &h.state().document().expect("open").roadmap.items;
            vec![
                ItemRef::Gap(it.gaps[0].id.clone()),
                ItemRef::Proposal(it.proposals[4].id.clone()),
                ItemRef::Ministry(it.ministries[2].code.clone()),
                ItemRef::Kpi(it.kpis[0].id.clone()),
            ]
        };
        let ctx = h.ctx.clone();
        for item in items {
            h.state_mut()
                .apply(&ctx, vec![Action::Select(Some(item.clone()))]);
            h.run();
            let heading = h.get_by_label(lang.pick("詳細", "Inspector")).rect();
            let inspector_width = 1024.0 - heading.left();
            assert!(
                inspector_width < 1024.0 * 0.3,
                "{lang:?} {item:?}: the inspector takes {inspector_width} of 1024"
            );
            // The view's heading starts where the navigator ends.
            let view = h
                .get_by_label(lang.pick("タイムライン（年度）", "Timeline (fiscal years)"))
                .rect();
            assert!(
                view.left() < 1024.0 * 0.22,
                "{lang:?} {item:?}: the navigator takes {} of 1024",
                view.left()
            );
            // Every tab on the line of the Back arrow, inside the window.
            let back = h
                .get_by_label(lang.pick("戻る（Alt+←）", "Back (Alt+←)"))
                .rect();
            for tab in Tab::ALL {
                assert!(
                    h.query_all_by_label(tab.label(lang)).any(|n| {
                        let r = n.rect();
                        (r.center().y - back.center().y).abs() < 4.0 && r.right() <= 1024.0
                    }),
                    "{lang:?} {item:?}: the {tab:?} tab is on the toolbar's line, in the window"
                );
            }
        }
    }
}

#[test]
fn starts_on_the_roadmap_open_last_and_remembers_the_one_opened() {
    let health = waymark::bundled::ROADMAPS[1].entry;
    let app = WaymarkApp::new(
        None,
        Prefs {
            tab: Tab::Kpis,
            last_opened: Some(Opened::Bundled(health.to_owned())),
            ..Prefs::default()
        },
    );
    let doc = app.document().expect("opens");
    assert!(
        doc.entry_path().ends_with("health-2026.ron"),
        "{:?}",
        doc.entry_path()
    );

    // On first start, nothing remembered: the first bundled roadmap; then the one opened.
    let mut h = harness(Tab::Kpis);
    h.run();
    let doc = h.state().document().expect("opens");
    assert!(doc.entry_path().ends_with("regenerative-medicine.ron"));
    assert_eq!(
        h.state().prefs().last_opened,
        Some(Opened::Bundled(waymark::bundled::ENTRY.to_owned()))
    );
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![Action::OpenBundled(health)]);
    common::wait_for_load(&mut h);
    assert_eq!(
        h.state().prefs().last_opened,
        Some(Opened::Bundled(health.to_owned()))
    );
}

#[test]
fn a_notice_follows_a_switch_of_language() {
    let mut h = harness_at(
        WaymarkApp::with_options(waymark::app::Options {
            prefs: Prefs {
                tab: Tab::Kpis,
                ..Prefs::default()
            },
            read_only: true,
            ..waymark::app::Options::default()
        }),
        egui::vec2(1280.0, 800.0),
    );
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Create(waymark::action::NewItem::Kpi)]);
    h.run();
    h.get_by_label("読み取り専用のため変更できません");
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Read-only: nothing can change");
    assert!(
        h.query_by_label("読み取り専用のため変更できません")
            .is_none()
    );
}

/// Selecting an item far down the navigator scrolls it into view there.
#[test]
fn selecting_an_item_scrolls_the_navigator_to_it() {
    let mut h = harness_at(app_on(Tab::Kpis, Lang::Ja), egui::vec2(1024.0, 700.0));
    h.run();
    let last_event = {
        let it = &h.state().document().expect("open").roadmap.items;
        let mut events: Vec<_> = it.events.iter().collect();
        events.sort_by(|a, b| a.when.fy_position().total_cmp(&b.when.fy_position()));
        ItemRef::Event(events.last().expect("events").id.clone())
    };
    assert_eq!(last_event.kind(), ItemKind::Event);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Select(Some(last_event.clone()))]);
    h.run();
    let label = {
        let doc = h.state().document().expect("open");
        waymark::analysis::labels::text(&doc.roadmap, &last_event, Lang::Ja)
    };
    let prefix: String = label.chars().take(6).collect();
    let row = h
        .query_all_by_label_contains(&prefix)
        .map(|n| n.rect())
        .find(|r| r.left() < 300.0)
        .expect("the event's row in the navigator");
    assert!(
        row.top() >= 0.0 && row.bottom() <= 700.0,
        "the row is in view: {row:?}"
    );
}

/// The ministries linked to `measure` as responsible.
fn responsible(h: &Harness<'_, WaymarkApp>, measure: &waymark::model::MeasureId) -> Vec<String> {
    let doc = h.state().document().expect("open");
    doc.roadmap
        .items
        .links
        .iter()
        .filter_map(|l| match &l.link {
            waymark::model::LinkKind::Responsible {
                measure: m,
                ministry,
                ..
            } if m == measure => Some(ministry.as_str().to_owned()),
            _ => None,
        })
        .collect()
}

/// The picker's search field takes typing as soon as the picker opens: the list narrows to what
/// matches, ↓ moves the highlight and Enter picks it, all without the mouse.
#[test]
fn the_link_picker_filters_as_one_types_and_picks_with_the_keyboard() {
    let mut h = harness(Tab::Matrix);
    h.run();
    // A measure with at least two ministries (省) free to add and an organisation that is not one.
    let free_of = |h: &Harness<'_, WaymarkApp>, m: &waymark::model::MeasureId| {
        let taken = responsible(h, m);
        let r = &h.state().document().expect("open").roadmap;
        r.items
            .ministries
            .iter()
            .filter(|x| !taken.iter().any(|t| t == x.code.as_str()))
            .map(|x| (x.code.as_str().to_owned(), format!("{} {}", x.code, x.name)))
            .collect::<Vec<(String, String)>>()
    };
    let measures: Vec<waymark::model::MeasureId> = {
        let r = &h.state().document().expect("open").roadmap;
        r.items.measures.iter().map(|m| m.id.clone()).collect()
    };
    let (measure, free) = measures
        .into_iter()
        .map(|m| {
            let free = free_of(&h, &m);
            (m, free)
        })
        .find(|(_, free)| {
            free.iter().filter(|(_, l)| l.contains('省')).count() >= 2
                && free.iter().any(|(_, l)| !l.contains('省'))
        })
        .expect("a measure with ministries free to add");
    // Entries naming a ministry (省): at least two, and some that do not match.
    let matching: Vec<&(String, String)> = free.iter().filter(|(_, l)| l.contains('省')).collect();
    let other = free
        .iter()
        .find(|(_, l)| !l.contains('省'))
        .expect("a free organisation that is not a 省");
    assert!(matching.len() >= 2, "{free:?}");
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![Action::Select(Some(ItemRef::Measure(measure.clone())))],
    );
    h.run();
    h.get_by_label("項目を編集").click();
    h.run();
    h.get_by_label("＋ 府省庁を追加").scroll_to_me();
    h.run();
    h.get_by_label("＋ 府省庁を追加").click();
    h.run();
    // Before typing, the other organisation is listed; typing narrows the list.
    assert!(h.query_by_label(&other.1).is_some(), "{} listed", other.1);
    h.event(egui::Event::Text("省".to_owned()));
    h.run();
    assert!(
        h.query_by_label(&other.1).is_none(),
        "{} is filtered out",
        other.1
    );
    h.get_by_label(&matching[1].1);
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let linked = responsible(&h, &measure);
    assert!(
        linked.contains(&matching[1].0),
        "↓ then Enter links the second match, {}: {linked:?}",
        matching[1].1
    );
    assert!(!linked.contains(&matching[0].0), "{linked:?}");
    assert!(
        h.query_by_label(&matching[0].1).is_none(),
        "the picker closed"
    );
}

/// Selecting the last 小論点 (from the navigator, the inspector or Back) scrolls the matrix down
/// to its row, which starts out of sight.
#[test]
fn selecting_an_item_scrolls_the_matrix_to_its_row() {
    let mut h = harness_at(app_on(Tab::Matrix, Lang::Ja), egui::vec2(1024.0, 700.0));
    h.run();
    let (gap, tag) = {
        let r = &h.state().document().expect("open").roadmap;
        let theme = r.items.themes.last().expect("themes");
        let g = r
            .items
            .gaps
            .iter()
            .rfind(|g| g.theme.as_ref() == Some(&theme.id))
            .expect("a gap of the last theme");
        let gap = ItemRef::Gap(g.id.clone());
        let tag = waymark::analysis::labels::tag(r, &gap, Lang::Ja);
        (gap, tag)
    };
    // The row in the matrix, in sight: between the side panels and inside the window.
    let in_sight = |h: &Harness<'_, WaymarkApp>| {
        h.query_all_by_label_contains(&format!("{tag} ")).any(|n| {
            let r = n.rect();
            r.left() > 1024.0 * 0.2
                && r.right() < 1024.0 * 0.8
                && r.top() >= 0.0
                && r.bottom() <= 700.0
        })
    };
    assert!(!in_sight(&h), "{tag} starts out of sight");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![Action::Select(Some(gap))]);
    h.run();
    assert!(in_sight(&h), "{tag} is scrolled into sight");
}
