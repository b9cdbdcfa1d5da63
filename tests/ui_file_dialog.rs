//! Where no system file dialog can be shown, Open and Save As use Waymark's own: it says why,
//! opens a typed (Tab-completed) or clicked path, saves the bundled roadmap into a chosen folder,
//! asks before replacing a file, and Cancel changes nothing.

use std::path::{MAIN_SEPARATOR, Path};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::action::{Action, Tab};
use waymark::app::{FileDialogs, Options, Prefs, WaymarkApp};
use waymark::model::GapId;

mod common;
use common::{copy_of_bundled, harness, wait_for_load};

/// The bundled roadmap, with Waymark's own file dialog as where no system dialog exists.
fn app(dir: &Path) -> Harness<'static, WaymarkApp> {
    let mut h = harness(Options {
        prefs: Prefs {
            tab: Tab::Kpis,
            ..Prefs::default()
        },
        recovery_dir: Some(dir.join("recovery")),
        file_dialogs: FileDialogs::Builtin,
        ..Options::default()
    });
    h.run();
    h
}

fn press(h: &mut Harness<'_, WaymarkApp>, modifiers: egui::Modifiers, key: egui::Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Replaces what the path field holds with `text`, as typed.
fn type_path(h: &mut Harness<'_, WaymarkApp>, text: &str) {
    h.get_by_role_and_label(Role::TextInput, "場所").focus();
    h.run();
    press(h, egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "場所")
        .type_text(text);
    h.run();
}

fn path_field(h: &Harness<'_, WaymarkApp>) -> String {
    h.get_by_role_and_label(Role::TextInput, "場所")
        .value()
        .unwrap_or_default()
}

fn entry_path(h: &Harness<'_, WaymarkApp>) -> std::path::PathBuf {
    h.state()
        .document()
        .expect("doc")
        .entry_path()
        .to_path_buf()
}

/// Whether the last frame asked the window to close.
fn closing(h: &Harness<'_, WaymarkApp>) -> bool {
    h.output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close))
}

#[test]
fn ctrl_o_shows_waymarks_dialog_saying_why_and_opens_a_typed_path() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(&tmp.path().join("copy"));
    let mut h = app(tmp.path());
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::O);
    h.get_by_label("ロードマップを開く");
    h.get_by_label_contains("システムのファイルダイアログを表示できないため");
    assert!(
        h.get_by_role_and_label(Role::TextInput, "場所")
            .is_focused(),
        "typing goes to the path field at once"
    );

    // Type the folder and the start of the name; Tab completes it, also when it comes in the
    // same frame as the last letters.
    let folder = entry.parent().expect("folder");
    type_path(&mut h, &format!("{}{MAIN_SEPARATOR}re", folder.display()));
    h.get_by_role_and_label(Role::TextInput, "場所")
        .type_text("gen");
    press(&mut h, egui::Modifiers::NONE, egui::Key::Tab);
    assert_eq!(path_field(&h), entry.display().to_string());

    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    wait_for_load(&mut h);
    assert_eq!(entry_path(&h), entry);
    assert!(
        h.state().title().contains(&entry.display().to_string()),
        "{}",
        h.state().title()
    );
    assert!(h.query_by_label("ロードマップを開く").is_none(), "closed");
}

#[test]
fn clicking_through_folders_to_a_file_opens_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(&tmp.path().join("copy"));
    std::fs::write(tmp.path().join("notes.txt"), "").expect("write");
    std::fs::create_dir(tmp.path().join(".hidden")).expect("mkdir");
    let mut h = app(tmp.path());
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::O);
    // Enter on a folder lists it: its folders and .ron files, not hidden ones.
    type_path(&mut h, &tmp.path().display().to_string());
    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    assert!(h.query_by_label("notes.txt").is_none());
    assert!(
        h.query_by_label(&format!(".hidden{MAIN_SEPARATOR}"))
            .is_none()
    );
    h.get_by_label(&format!("copy{MAIN_SEPARATOR}")).click();
    h.run();
    h.get_by_label(&format!("roadmaps{MAIN_SEPARATOR}")).click();
    h.run();
    // `..` goes up and back down again.
    h.get_by_label("..").click();
    h.run();
    h.get_by_label(&format!("roadmaps{MAIN_SEPARATOR}")).click();
    h.run();
    h.get_by_label("regenerative-medicine.ron").click();
    h.run();
    assert_eq!(path_field(&h), entry.display().to_string());
    h.get_by_label("開く").click();
    wait_for_load(&mut h);
    assert_eq!(entry_path(&h), entry);
}

#[test]
fn save_on_the_bundled_roadmap_saves_as_into_a_chosen_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let mut h = app(tmp.path());
    // The bundled roadmap has no file of its own: Save is Save As.
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::S);
    h.get_by_label("名前を付けて保存");
    h.get_by_label_contains("システムのファイルダイアログを表示できないため");
    type_path(&mut h, &out.display().to_string());
    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "ファイル名")
            .value()
            .as_deref(),
        Some("regenerative-medicine.ron"),
        "the entry file's name is offered"
    );
    h.get_by_label("保存").click();
    h.run();

    let entry = out.join("regenerative-medicine.ron");
    for (name, _) in waymark::bundled::files_of(waymark::bundled::ENTRY) {
        let file = Path::new(name).file_name().expect("name");
        assert!(out.join(file).is_file(), "{} was written", file.display());
    }
    assert_eq!(entry_path(&h), entry);
    assert!(
        h.state().title().contains(&entry.display().to_string()),
        "{}",
        h.state().title()
    );
    assert!(h.query_by_label("名前を付けて保存").is_none(), "closed");
}

#[test]
fn saving_over_a_file_asks_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = tmp.path().join("regenerative-medicine.ron");
    std::fs::write(&entry, "old").expect("write");
    let mut h = app(tmp.path());
    press(
        &mut h,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    type_path(&mut h, &tmp.path().display().to_string());
    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    h.get_by_label("保存").click();
    h.run();
    h.get_by_label_contains("は既にあります。置き換えますか。");
    // Enter does not replace it; only the button does.
    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(std::fs::read_to_string(&entry).expect("read"), "old");
    h.get_by_label("戻る").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&entry).expect("read"), "old");
    assert!(h.query_by_label_contains("置き換えますか").is_none());

    h.get_by_label("保存").click();
    h.run();
    h.get_by_label("置き換える").click();
    h.run();
    assert_ne!(std::fs::read_to_string(&entry).expect("read"), "old");
    assert_eq!(entry_path(&h), entry);
}

#[test]
fn cancel_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path());
    let title = h.state().title().to_owned();
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::O);
    type_path(&mut h, &tmp.path().display().to_string());
    h.get_by_label("キャンセル").click();
    h.run();
    assert!(h.query_by_label("ロードマップを開く").is_none(), "closed");
    assert_eq!(h.state().title(), title);
    assert!(!h.state().is_loading());

    // Escape cancels too.
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::O);
    h.get_by_label("ロードマップを開く");
    press(&mut h, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(h.query_by_label("ロードマップを開く").is_none(), "closed");
    assert_eq!(h.state().title(), title);
    assert_eq!(
        std::fs::read_dir(tmp.path()).expect("read").count(),
        0,
        "nothing written"
    );
}

#[test]
fn cancelling_save_as_from_the_close_dialog_keeps_the_window_and_forgets_the_close() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = app(tmp.path());
    let gap = GapId::new("gap.t1.1").expect("id");
    let roadmap = &h.state().document().expect("doc").roadmap;
    let edit =
        waymark::edit::edit_gap(roadmap, &gap, |g| g.text.push_str("（追記）")).expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    // Save first: the bundled roadmap needs a place, so Save As opens.
    h.get_by_label("保存する").click();
    h.run();
    h.get_by_label("名前を付けて保存");
    h.get_by_label("キャンセル").click();
    h.run();
    assert!(!closing(&h));
    assert!(h.state().is_dirty(), "the edit is still here");

    // A later Save As saves and no longer closes the window.
    press(
        &mut h,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    type_path(&mut h, &tmp.path().display().to_string());
    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    h.get_by_label("保存").click();
    h.step();
    assert!(!h.state().is_dirty(), "{:?}", h.state().notice());
    assert!(!closing(&h), "the cancelled close does not come back");
    assert!(tmp.path().join("regenerative-medicine.ron").is_file());
}

#[test]
fn opening_from_the_dialog_with_unsaved_changes_asks_first() {
    let tmp = tempfile::tempdir().expect("tmp");
    let entry = copy_of_bundled(&tmp.path().join("copy"));
    let mut h = app(tmp.path());
    let gap = GapId::new("gap.t1.1").expect("id");
    let roadmap = &h.state().document().expect("doc").roadmap;
    let edit =
        waymark::edit::edit_gap(roadmap, &gap, |g| g.text.push_str("（未保存）")).expect("edit");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Action::Edit(Box::new(edit))]);
    h.run();

    press(&mut h, egui::Modifiers::COMMAND, egui::Key::O);
    type_path(&mut h, &entry.display().to_string());
    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    h.get_by_label("別のロードマップを開く前に保存しますか。");
    assert!(
        !h.state().is_loading(),
        "nothing is loaded before the answer"
    );
    assert!(h.state().document().expect("doc").is_bundled());
    h.get_by_label("やめる").click();
    h.run();
    assert!(h.state().is_dirty(), "the edit is still here");
}
