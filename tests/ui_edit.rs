//! Editing as a planner does it, through labels: add a measure to a gap, give it a ministry and a
//! text, undo and redo, save, reopen — and review mode, where nothing can change.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::{Action, NewItem, Tab};
use waymark::app::{Options, Prefs, WaymarkApp};
use waymark::document::{Disk, open};
use waymark::model::{GapId, ItemKind as K, ItemRef, LinkKind, When};

mod common;
use common::{copy_of_bundled, harness};

fn options(entry: PathBuf, recovery: &Path, read_only: bool) -> Options {
    Options {
        path: Some(entry),
        // The KPI tab lists no gaps or measures, so labels are found in the navigator and inspector.
        prefs: Prefs {
            tab: Tab::Kpis,
            ..Prefs::default()
        },
        read_only,
        recovery_dir: Some(recovery.to_path_buf()),
        ..Options::default()
    }
}

fn new_measure(h: &Harness<'_, WaymarkApp>) -> Option<waymark::model::MeasureId> {
    match h.state().selection() {
        Some(ItemRef::Measure(id)) if id.as_str().starts_with("m.new") => Some(id.clone()),
        _ => None,
    }
}

#[test]
fn add_a_measure_link_it_undo_redo_save_and_reopen() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let recovery = tmp.path().join("recovery");
    let mut h = harness(options(entry.clone(), &recovery, false));
    h.run();
    assert!(!h.state().is_dirty());

    // Select 小論点1-2 and add a measure answering it.
    h.get_by_label_contains("小論点1-2 オルガノイド").click();
    h.run();
    h.get_by_label("項目を編集").click();
    h.run();
    // The inspector keeps its width: the button may be below the fold.
    h.get_by_label("＋ この論点に対応案を追加").scroll_to_me();
    h.run();
    h.get_by_label("＋ この論点に対応案を追加").click();
    h.run();
    let id = new_measure(&h).expect("the new measure is selected");
    let doc = h.state().document().expect("doc");
    assert!(doc.roadmap.items.links.iter().any(|l| matches!(&l.link, LinkKind::AddressedBy { gap, measure } if gap.as_str() == "gap.t1.2" && measure == &id)));
    assert!(h.state().is_dirty());
    assert!(h.state().title().starts_with("● "), "{}", h.state().title());

    // Give it a ministry through the picker.
    h.get_by_label("＋ 府省庁を追加").click();
    h.run();
    h.get_by_label("厚 厚生労働省").click();
    h.run();
    let responsible = |h: &Harness<'_, WaymarkApp>| {
        h.state().document().expect("doc").roadmap.items.links.iter().any(|l| matches!(&l.link, LinkKind::Responsible { measure, ministry, .. } if measure == &id && ministry.as_str() == "厚"))
    };
    assert!(responsible(&h));

    // Write its text (committed when the field loses focus).
    let field = h.get_by_label("本文");
    field.focus();
    h.run();
    h.get_by_label("本文")
        .type_text("細胞加工の人材育成を支援する。");
    h.run();
    h.get_by_label("詳細").click();
    h.run();
    let text = |h: &Harness<'_, WaymarkApp>| {
        h.state()
            .document()
            .expect("doc")
            .roadmap
            .measure(&id)
            .map(|m| m.text.clone())
    };
    assert!(
        text(&h).is_some_and(|t| t.contains("細胞加工の人材育成を支援する。")),
        "{:?}",
        text(&h)
    );

    // Undo the text and the ministry; redo both.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(!text(&h).is_some_and(|t| t.contains("細胞加工")));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(!responsible(&h));
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert!(responsible(&h));
    assert!(text(&h).is_some_and(|t| t.contains("細胞加工の人材育成を支援する。")));

    // Save, and the files on disk hold exactly what the app has.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!h.state().is_dirty(), "{:?}", h.state().notice());
    assert!(!h.state().title().starts_with("● "));
    let reopened = open(&Disk, &entry).expect("the saved roadmap opens");
    assert_eq!(
        &reopened.roadmap,
        &h.state().document().expect("doc").roadmap
    );
    assert!(reopened.roadmap.measure(&id).is_some());
}

#[test]
fn deleting_asks_what_will_be_unlinked_and_is_one_undoable_step() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(options(entry, &tmp.path().join("recovery"), false));
    h.run();
    let before = h.state().document().expect("doc").roadmap.clone();
    h.get_by_label_contains("小論点1-2 オルガノイド").click();
    h.run();
    h.get_by_label("項目を編集").click();
    h.run();
    // The inspector keeps its width: the button may be below the fold.
    h.get_by_label("削除…").scroll_to_me();
    h.run();
    h.get_by_label("削除…").click();
    h.run();
    // The dialog lists the link to its 対応案 before anything happens.
    h.get_by_label("削除の確認");
    assert_eq!(h.state().document().expect("doc").roadmap, before);
    h.get_by_label("削除する").click();
    h.run();
    let after = &h.state().document().expect("doc").roadmap;
    assert!(
        after
            .gap(&waymark::model::GapId::new("gap.t1.2").expect("id"))
            .is_none()
    );
    assert!(!after.items.links.iter().any(
        |l| matches!(&l.link, LinkKind::AddressedBy { gap, .. } if gap.as_str() == "gap.t1.2")
    ));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().document().expect("doc").roadmap, before);
}

#[test]
fn read_only_offers_no_editing_and_refuses_changes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(options(entry, &tmp.path().join("recovery"), true));
    h.run();
    h.get_by_label_contains("小論点1-2 オルガノイド").click();
    h.run();
    assert!(h.query_by_label("＋ この論点に対応案を追加").is_none());
    assert!(h.query_by_label("削除…").is_none());
    assert!(h.state().title().contains("読み取り専用"));
    let before = h.state().document().expect("doc").roadmap.clone();
    let doc = h.state().document().expect("doc");
    let edit = waymark::edit::edit_gap(
        &doc.roadmap,
        &waymark::model::GapId::new("gap.t1.2").expect("id"),
        |g| g.text = "x".into(),
    )
    .expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();
    assert_eq!(h.state().document().expect("doc").roadmap, before);
    assert!(!h.state().is_dirty());
}

/// An app on a copy of the bundled roadmap with `item` selected and the editor open.
fn editing(dir: &Path, item: ItemRef) -> Harness<'static, WaymarkApp> {
    let entry = copy_of_bundled(dir);
    let mut h = harness(options(entry, &dir.join("recovery"), false));
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![Action::Select(Some(item))]);
    h.run();
    h.get_by_label("項目を編集").click();
    h.run();
    h
}

/// Types `text` into the number field labelled `label` and presses Enter.
fn type_number(h: &mut Harness<'_, WaymarkApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

fn roadmap<'h>(h: &'h Harness<'_, WaymarkApp>) -> &'h waymark::model::Roadmap {
    &h.state().document().expect("doc").roadmap
}

#[test]
fn editing_a_kpi_target_value_changes_the_model_and_undo_restores_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let id = waymark::model::KpiId::new("kpi.nonclinical-poc").expect("id");
    let mut h = editing(tmp.path(), ItemRef::Kpi(id.clone()));
    let target = |h: &Harness<'_, WaymarkApp>| {
        roadmap(h)
            .kpi(&id)
            .and_then(|k| k.target.as_ref())
            .map(|t| t.value)
    };
    assert_eq!(target(&h), Some(25.0));
    type_number(&mut h, "目標値", "30");
    assert_eq!(target(&h), Some(30.0));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(target(&h), Some(25.0));
}

#[test]
fn editing_an_event_date() {
    let tmp = tempfile::tempdir().expect("tmp");
    let id = waymark::model::EventId::new("ev.2018-02-rink-74-companies").expect("id");
    let mut h = editing(tmp.path(), ItemRef::Event(id.clone()));
    let when = |h: &Harness<'_, WaymarkApp>| roadmap(h).event(&id).map(|e| e.when.clone());
    assert_eq!(when(&h), Some(When::Month(2018, 2)));
    type_number(&mut h, "年", "2019");
    assert_eq!(when(&h), Some(When::Month(2019, 2)));
}

#[test]
fn reordering_a_gap_with_the_arrows_renumbers_its_theme() {
    let tmp = tempfile::tempdir().expect("tmp");
    let gap = |s: &str| GapId::new(s).expect("id");
    let mut h = editing(tmp.path(), ItemRef::Gap(gap("gap.t1.2")));
    let number = |h: &Harness<'_, WaymarkApp>, s: &str| roadmap(h).gap(&gap(s)).map(|g| g.number);
    assert_eq!(
        (number(&h, "gap.t1.2"), number(&h, "gap.t1.3")),
        (Some(2), Some(3))
    );
    h.get_by_label("↓ 後へ").click();
    h.run();
    assert_eq!(
        (number(&h, "gap.t1.2"), number(&h, "gap.t1.3")),
        (Some(3), Some(2))
    );
    h.get_by_label("↑ 前へ").click();
    h.run();
    assert_eq!(
        (number(&h, "gap.t1.2"), number(&h, "gap.t1.3")),
        (Some(2), Some(3))
    );
}

#[test]
fn linking_a_measure_to_a_target_state_through_the_picker() {
    let tmp = tempfile::tempdir().expect("tmp");
    let id = waymark::model::MeasureId::new("m.t1.1").expect("id");
    let mut h = editing(tmp.path(), ItemRef::Measure(id.clone()));
    let targets = |h: &Harness<'_, WaymarkApp>| {
        roadmap(h)
            .items
            .links
            .iter()
            .filter(
                |l| matches!(&l.link, LinkKind::ContributesTo { measure, .. } if measure == &id),
            )
            .count()
    };
    let before = targets(&h);
    // The form is long: bring the picker into view first.
    h.get_by_label("＋ 目指す姿に結び付ける").scroll_to_me();
    h.run();
    h.get_by_label("＋ 目指す姿に結び付ける").click();
    h.run();
    // The picker's entry, drawn after the inspector's own mention of ★2040-2.
    h.get_all_by_label_contains("★2040-2")
        .last()
        .expect("the picker lists ★2040-2")
        .click();
    h.run();
    assert_eq!(targets(&h), before + 1, "{:?}", h.state().notice());
}

#[test]
fn a_later_gap_unlinks_and_picks_the_earlier_gap_it_continues() {
    let tmp = tempfile::tempdir().expect("tmp");
    let gap = |s: &str| GapId::new(s).expect("id");
    let mut h = editing(tmp.path(), ItemRef::Gap(gap("gap.t1.3")));
    let earlier = |h: &Harness<'_, WaymarkApp>| -> Vec<GapId> {
        roadmap(h)
            .items
            .links
            .iter()
            .filter_map(|l| match &l.link {
                LinkKind::Continues { earlier, later } if *later == gap("gap.t1.3") => {
                    Some(earlier.clone())
                }
                _ => None,
            })
            .collect()
    };
    assert_eq!(earlier(&h), vec![gap("gap.2018.5")]);

    // Unlink the continued 2018 gap with the × beside it: the first × after the heading.
    h.get_by_label("引き継ぐ以前の論点").scroll_to_me();
    h.run();
    let heading_y = h.get_by_label("引き継ぐ以前の論点").rect().min.y;
    let unlink = h
        .get_all_by_label("×")
        .filter(|b| b.rect().min.y > heading_y)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("an unlink button under the heading");
    unlink.click();
    h.run();
    assert_eq!(earlier(&h), Vec::<GapId>::new());

    // Pick another earlier gap: the link runs from the picked gap to this one.
    let entry = waymark::analysis::labels::short(
        roadmap(&h),
        &ItemRef::Gap(gap("gap.2018.4")),
        waymark::i18n::Lang::Ja,
        36,
    );
    h.get_by_label("＋ 以前の論点を選ぶ").scroll_to_me();
    h.run();
    h.get_by_label("＋ 以前の論点を選ぶ").click();
    h.run();
    // The list is long: narrow it by typing into the picker's search field.
    h.get_all_by_label("検索")
        .last()
        .expect("the picker's search field")
        .focus();
    h.run();
    h.get_all_by_label("検索")
        .last()
        .expect("the picker's search field")
        .type_text("iPS細胞以外");
    h.run();
    h.get_all_by_label(&entry)
        .last()
        .expect("the picker lists the 2018 gap")
        .click();
    h.run();
    assert_eq!(earlier(&h), vec![gap("gap.2018.4")]);

    // Undo restores the link that was removed, not the one picked.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(earlier(&h), vec![gap("gap.2018.5")]);
}

#[test]
fn the_edit_menu_creates_each_kind_of_item_and_selects_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(options(entry, &tmp.path().join("recovery"), false));
    h.run();
    let count = |h: &Harness<'_, WaymarkApp>| roadmap(h).items.count();
    let before = count(&h);
    let kinds = [
        (NewItem::Target, K::Target),
        (NewItem::Theme, K::Theme),
        (NewItem::Gap, K::Gap),
        (NewItem::Measure, K::Measure),
        (NewItem::Programme, K::Measure),
        (NewItem::Kpi, K::Kpi),
        (NewItem::Event, K::Event),
        (NewItem::Budget, K::Budget),
        (NewItem::Note, K::Note),
        (NewItem::Source, K::Source),
        (NewItem::Stage, K::Stage),
    ];
    assert_eq!(kinds.len(), NewItem::ALL.len());
    for (new, kind) in kinds {
        let label = new.label(waymark::i18n::Lang::Ja);
        h.get_by_label("編集").click();
        h.run();
        h.get_by_label("新規作成").click();
        h.run();
        h.get_by_label(label).click();
        h.run();
        let selected = h
            .state()
            .selection()
            .cloned()
            .expect("the new item is selected");
        assert_eq!(selected.kind(), kind);
        assert!(roadmap(&h).contains(&selected));
        // A new event is dated in the current fiscal year, not at the roadmap's start.
        if let ItemRef::Event(id) = &selected {
            let this_fy = waymark::analysis::timeline_view::today_in_japan().fiscal_year();
            let when = roadmap(&h).event(id).expect("the event").when.clone();
            assert_eq!(when, When::FiscalYear(this_fy));
        }
    }
    assert_eq!(count(&h), before + kinds.len());
    assert!(
        waymark::analysis::validate(roadmap(&h), &[])
            .iter()
            .all(|d| !d.is_error())
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(count(&h), before + kinds.len() - 1);
}

#[test]
fn a_links_provenance_and_note_are_edited_beside_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let gap = |s: &str| GapId::new(s).expect("id");
    let mut h = editing(tmp.path(), ItemRef::Gap(gap("gap.t1.3")));
    let continued = |h: &Harness<'_, WaymarkApp>| {
        roadmap(h)
            .items
            .links
            .iter()
            .find(|l| matches!(&l.link, LinkKind::Continues { later, .. } if *later == gap("gap.t1.3")))
            .cloned()
            .expect("gap.t1.3 continues a 2018 gap")
    };
    assert_eq!(
        continued(&h).provenance,
        waymark::model::Provenance::Editorial
    );
    assert!(continued(&h).note.is_some());

    // The button beside the continued gap, under its heading, shows the provenance and a note.
    h.get_by_label("引き継ぐ以前の論点").scroll_to_me();
    h.run();
    let details = |h: &Harness<'static, WaymarkApp>, label: &str| {
        let heading_y = h.get_by_label("引き継ぐ以前の論点").rect().min.y;
        h.get_all_by_label(label)
            .filter(|b| b.rect().min.y > heading_y)
            .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
            .expect("the link's details button")
            .click();
    };
    details(&h, "編集判断 ※");
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::RadioButton, "出典記載")
        .click();
    h.run();
    assert_eq!(continued(&h).provenance, waymark::model::Provenance::Stated);

    // Clearing the note removes it.
    details(&h, "出典記載 ※");
    h.run();
    h.get_by_label("つながりの注記").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Delete);
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(continued(&h).note, None);

    // Each change is one undoable step (once the menu is closed and no field has focus).
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(continued(&h).note.is_some());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        continued(&h).provenance,
        waymark::model::Provenance::Editorial
    );
}

#[test]
fn with_nothing_selected_the_inspector_edits_the_roadmaps_title_and_horizon() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(options(entry, &tmp.path().join("recovery"), false));
    h.run();
    h.get_by_label("ロードマップを編集").click();
    h.run();
    let end = roadmap(&h).header.end_fy;
    type_number(&mut h, "終了年度", &(end + 5).to_string());
    assert_eq!(roadmap(&h).header.end_fy, end + 5);

    h.get_by_label("題名").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("題名").type_text("改訂版ロードマップ");
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(roadmap(&h).header.title, "改訂版ロードマップ");
    assert!(
        h.state().title().contains("改訂版ロードマップ"),
        "{}",
        h.state().title()
    );

    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(roadmap(&h).header.end_fy, end);
    assert_ne!(roadmap(&h).header.title, "改訂版ロードマップ");
}

#[test]
fn a_new_ministry_is_added_with_its_code_from_the_edit_menu() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(tmp.path());
    let mut h = harness(options(entry, &tmp.path().join("recovery"), false));
    h.run();
    let open_form = |h: &mut Harness<'static, WaymarkApp>| {
        h.get_by_label("編集").click();
        h.run();
        h.get_by_label("新規作成").click();
        h.run();
        // A submenu opens on hover; click only if it did not.
        h.get_by_label("＋ 府省庁…").hover();
        h.run();
        if h.query_by_label("新しい府省庁の略称（例：外、総）")
            .is_none()
        {
            h.get_by_label("＋ 府省庁…").click();
            h.run();
        }
    };
    let fill = |h: &mut Harness<'static, WaymarkApp>, label: &str, text: &str| {
        h.get_by_label(label).focus();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
    };
    open_form(&mut h);
    fill(&mut h, "新しい府省庁の略称（例：外、総）", "外");
    fill(&mut h, "新しい府省庁の正式名称", "外務省");
    fill(
        &mut h,
        "新しい府省庁の英語名",
        "Ministry of Foreign Affairs",
    );
    h.get_by_label("追加").click();
    h.run();
    let code = waymark::model::MinistryCode::new("外").expect("code");
    assert_eq!(
        h.state().selection(),
        Some(&ItemRef::Ministry(code.clone()))
    );
    let ministry = roadmap(&h).ministry(&code).expect("added");
    assert_eq!(ministry.name, "外務省");
    assert!(
        !h.state()
            .diagnostics()
            .iter()
            .any(waymark::diagnostic::Diagnostic::is_error),
        "a new ministry leaves the roadmap saveable"
    );

    // The same code again is refused, and says so.
    open_form(&mut h);
    fill(&mut h, "新しい府省庁の略称（例：外、総）", "外");
    fill(&mut h, "新しい府省庁の正式名称", "外務省");
    fill(&mut h, "新しい府省庁の英語名", "MOFA");
    h.get_by_label("追加").click();
    h.run();
    assert_eq!(
        roadmap(&h)
            .items
            .ministries
            .iter()
            .filter(|m| m.code == code)
            .count(),
        1
    );
    assert!(
        h.state().notice().is_some_and(|n| n.contains("外")),
        "{:?}",
        h.state().notice()
    );
}

/// Picks `option` in the choice labelled `name`.
fn pick_choice(h: &mut Harness<'_, WaymarkApp>, name: &str, option: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, name)
        .click();
    h.run();
    h.get_by_label(option).click();
    h.run();
}

#[test]
fn an_organisations_kind_and_a_spans_end_provenance_are_edited_in_the_forms() {
    let tmp = tempfile::tempdir().expect("tmp");
    let code = waymark::model::MinistryCode::new("厚").expect("code");
    let mut h = editing(tmp.path(), ItemRef::Ministry(code.clone()));
    pick_choice(&mut h, "種別", "機関");
    let doc = h.state().document().expect("doc");
    assert_eq!(
        doc.roadmap.ministry(&code).expect("厚").kind,
        waymark::model::OrgKind::Agency
    );

    // A programme's span: its end gets its own provenance, and then its own basis.
    let tmp = tempfile::tempdir().expect("tmp");
    let roadmap = waymark::bundled::open().expect("bundled").roadmap;
    let id = roadmap
        .items
        .measures
        .iter()
        .find(|m| m.span.is_some())
        .expect("a measure with a span")
        .id
        .clone();
    let mut h = editing(tmp.path(), ItemRef::Measure(id.clone()));
    assert!(
        h.query_by_label("終了年度の根拠").is_none(),
        "no end basis before"
    );
    pick_choice(&mut h, "終了年度の根拠の種類", "仮定");
    let span = |h: &Harness<'_, WaymarkApp>| {
        h.state()
            .document()
            .expect("doc")
            .roadmap
            .measure(&id)
            .and_then(|m| m.span.clone())
            .expect("span")
    };
    assert_eq!(
        span(&h).end_provenance,
        Some(waymark::model::Provenance::Assumed)
    );
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "終了年度の根拠");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(span(&h).end_provenance, None, "undo restores it");
}
