//! Waymark's own file dialog, shown where the system's cannot be (no desktop portal and no
//! `zenity`: minimal X11 sessions, tiling window managers, remote desktops).
//!
//! A modal window: a path field (Tab completes the file name part), the folder's entries
//! (`..`, folders, then `.ron` files; a click enters a folder or picks a file, a double-click or
//! Enter confirms), a home button, Open or Save and Cancel; Save As adds a file name field and asks
//! before replacing a file. Its state is plain data the app keeps ([`FileDialogState`]); the app
//! reads a folder once when the dialog moves to it, never while drawing.
//!
//! Why not a crate: `egui-file-dialog` has no release for egui 0.37, and `egui_file` 0.29, which
//! has one, leaves its path and file name fields without an accessible name (so a screen reader,
//! and `egui_kittest`, cannot reach them), has no place for a note and does not ask before
//! replacing a file.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use egui::{Id, Key};

use crate::action::{Action, FileDialogInput};
use crate::i18n::Lang;

/// What the dialog is choosing a file for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A roadmap to open.
    Open,
    /// A new entry file to save the roadmap to.
    SaveAs,
    /// Another roadmap to compare the one open with.
    Compare,
    /// A file to export to, in this format.
    Export(crate::export::Format),
}

impl Purpose {
    /// The extension of the files the dialog lists and adds to a name typed without one.
    pub fn extension(self) -> &'static str {
        match self {
            Purpose::Open | Purpose::SaveAs | Purpose::Compare => "ron",
            Purpose::Export(format) => format.extension(),
        }
    }
}

/// One entry of the listed folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The file or folder name.
    pub name: String,
    /// Whether it is a folder.
    pub is_dir: bool,
}

/// Why the last confirmation did nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing is at the typed path.
    NotFound,
    /// Open with a folder, not a file, chosen.
    NoFile,
    /// The folder to save into does not exist.
    NoFolder,
    /// Save As without a file name.
    NoName,
}

/// The dialog as it stands: the app changes it, [`file_dialog_ui`] only reads it.
#[derive(Clone, Debug)]
pub struct FileDialogState {
    /// Open or Save As.
    pub purpose: Purpose,
    /// When (egui's input time, seconds) the dialog opened: the path field takes the focus once
    /// per opening.
    pub opened_at: f64,
    /// The folder listed.
    pub folder: PathBuf,
    /// Its folders, then its `.ron` files, each sorted by name; or why it could not be read.
    pub entries: Result<Vec<Entry>, String>,
    /// When (egui's input time, seconds) the folder was read: the second click of a double-click
    /// that entered it must not pick an entry of the new listing.
    pub listed_at: f64,
    /// The path field: a folder, or a file (typed, or picked from the list).
    pub path_text: String,
    /// Save As: the file name field.
    pub file_name: String,
    /// The file picked in the list.
    pub selected: Option<String>,
    /// Why the last confirmation did nothing.
    pub problem: Option<Problem>,
    /// Save As: this file exists, and the dialog asks whether to replace it.
    pub overwrite: Option<PathBuf>,
    /// The home folder, for the home button and `~`.
    pub home: Option<PathBuf>,
}

impl FileDialogState {
    /// The path the text means: `~` is the home folder, a relative path starts at the listed one.
    pub fn resolve(&self, text: &str) -> PathBuf {
        let text = text.trim();
        let expanded = match (text.strip_prefix('~'), &self.home) {
            (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with(is_separator) => {
                home.join(rest.trim_start_matches(is_separator))
            }
            _ => PathBuf::from(text),
        };
        normalize(&self.folder.join(expanded))
    }

    /// The path field completed with Tab: the file name part extended as far as the listed
    /// folder's entries agree (a folder gets its separator). `None` when the text names another
    /// folder than the one listed or nothing more can be added.
    pub fn complete(&self, text: &str) -> Option<String> {
        let entries = self.entries.as_ref().ok()?;
        let split = text.rfind(is_separator).map_or(0, |i| i + 1);
        let (dir_part, name_part) = text.split_at(split);
        if self.resolve(dir_part) != self.folder {
            return None;
        }
        let matches: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.name.starts_with(name_part))
            .collect();
        let first = matches.first()?;
        let mut common = first.name.as_str();
        for e in &matches[1..] {
            let same = common
                .char_indices()
                .zip(e.name.chars())
                .find(|((_, a), b)| a != b)
                .map_or(common.len().min(e.name.len()), |((i, _), _)| i);
            common = &common[..same];
        }
        let mut completed = format!("{dir_part}{common}");
        if let [only] = matches[..]
            && only.is_dir
        {
            completed.push(MAIN_SEPARATOR);
        }
        (completed != text).then_some(completed)
    }
}

/// A folder as the path field shows it: ending in a separator, so typing goes on inside it.
pub fn folder_text(folder: &Path) -> String {
    let mut text = folder.display().to_string();
    if !text.ends_with(is_separator) {
        text.push(MAIN_SEPARATOR);
    }
    text
}

/// `path` without `.` and with each `..` taking the folder before it away, as a shell's `cd` does.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // Above the root is the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(part),
            },
            _ => out.push(part),
        }
    }
    out
}

fn is_separator(c: char) -> bool {
    std::path::is_separator(c)
}

/// The path field's id: it takes Tab.
fn path_id() -> Id {
    Id::unique("waymark-file-dialog-path")
}

fn name_id() -> Id {
    Id::unique("waymark-file-dialog-name")
}

/// Shows the dialog as a modal window; what the user does is pushed as
/// [`Action::FileDialog`].
pub fn file_dialog_ui(
    ctx: &egui::Context,
    lang: Lang,
    state: &FileDialogState,
    actions: &mut Vec<Action>,
) {
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let mut inputs = Vec::new();
    // Enter confirms from a text field (which keeps the focus, to type on in the folder entered)
    // or when nothing has the focus; on a button it clicks the button. Both keys are taken here,
    // before the shortcuts see them.
    let focused = ctx.memory(egui::Memory::focused);
    let press = |key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
    // While it asks whether to replace a file, only a click on Replace replaces it.
    let enter = state.overwrite.is_none()
        && focused.is_none_or(|f| f == path_id() || f == name_id())
        && press(Key::Enter);
    if press(Key::Escape) {
        inputs.push(if state.overwrite.is_some() {
            FileDialogInput::Back
        } else {
            FileDialogInput::Cancel
        });
    } else if enter {
        inputs.push(FileDialogInput::Confirm);
    }
    let screen = ctx.content_rect();
    let width = (screen.width() - 64.0).clamp(280.0, 640.0);
    let list_height = (screen.height() - 340.0).clamp(96.0, 360.0);
    egui::Modal::new(Id::unique("waymark-file-dialog")).show(ctx, |ui| {
        ui.set_width(width);
        ui.heading(match state.purpose {
            Purpose::Open => t("ロードマップを開く", "Open a roadmap"),
            Purpose::SaveAs => t("名前を付けて保存", "Save As"),
            Purpose::Compare => t("比較するロードマップを選ぶ", "Compare with a roadmap file"),
            Purpose::Export(_) => t("書き出し先", "Export to"),
        });
        // Only shown where the system's dialog is not: say why it looks different.
        ui.label(
            egui::RichText::new(t(
                "システムのファイルダイアログを表示できないため、Waymark のダイアログを使います。",
                "No system file dialog is available here, so Waymark's own is shown.",
            ))
            .weak(),
        );
        ui.add_space(4.0);
        path_row_ui(ui, lang, state, &mut inputs);
        list_ui(ui, state, list_height, &mut inputs);
        if state.purpose != Purpose::Open {
            ui.horizontal(|ui| {
                let label = ui.label(t("ファイル名", "File name"));
                let mut name = state.file_name.clone();
                let response = ui.add(
                    egui::TextEdit::singleline(&mut name)
                        .id(name_id())
                        .desired_width(f32::INFINITY),
                );
                if response.labelled_by(label.id).changed() {
                    inputs.push(FileDialogInput::TypeName(name));
                }
            });
        }
        if let Some(problem) = &state.problem {
            ui.colored_label(
                ui.visuals().error_fg_color,
                match problem {
                    Problem::NotFound => t("そのファイルはありません。", "There is no such file."),
                    Problem::NoFile => t("ファイルを選んでください。", "Choose a file."),
                    Problem::NoFolder => t(
                        "保存先のフォルダーがありません。",
                        "The folder to save into does not exist.",
                    ),
                    Problem::NoName => t("ファイル名を入力してください。", "Enter a file name."),
                },
            );
        }
        ui.separator();
        buttons_ui(ui, lang, state, &mut inputs);
    });
    actions.extend(inputs.into_iter().map(Action::FileDialog));
}

/// The home button and the path field; Tab in the field completes the file name part.
fn path_row_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &FileDialogState,
    inputs: &mut Vec<FileDialogInput>,
) {
    ui.horizontal(|ui| {
        let home = ui.add_enabled(
            state.home.is_some(),
            egui::Button::new(lang.pick("ホーム", "Home")),
        );
        if home.clicked()
            && let Some(home) = &state.home
        {
            inputs.push(FileDialogInput::Enter(home.clone()));
        }
        let label = ui.label(lang.pick("場所", "Location"));
        let mut text = state.path_text.clone();
        // While a file name is being typed, Tab completes it; after a separator it moves the
        // focus on to the list, as usual.
        let completing = ui.memory(|m| m.has_focus(path_id()))
            && !text.ends_with(is_separator)
            && !text.is_empty();
        let response = ui.add(
            egui::TextEdit::singleline(&mut text)
                .id(path_id())
                .lock_focus(completing)
                .desired_width(f32::INFINITY),
        );
        // After the field took this frame's typing, so a Tab completes what was typed before it.
        if completing
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Tab))
            && let Some(completed) = state.complete(&text)
        {
            text = completed;
            let mut edit =
                egui::text_edit::TextEditState::load(ui.ctx(), path_id()).unwrap_or_default();
            let end = egui::text::CCursor::new(text.chars().count());
            edit.cursor
                .set_char_range(Some(egui::text::CCursorRange::one(end)));
            edit.store(ui.ctx(), path_id());
            // The field drew the text before completion: show the completed one.
            ui.ctx().request_repaint();
        }
        // Once per opening, when the field can take it (not in the window's invisible first
        // layout pass, where a focus would be dropped).
        let focused_for = Id::unique("waymark-file-dialog-focused-for");
        if ui.is_visible()
            && !ui.is_sizing_pass()
            && ui.data(|d| d.get_temp::<f64>(focused_for)) != Some(state.opened_at)
        {
            response.request_focus();
            ui.data_mut(|d| d.insert_temp(focused_for, state.opened_at));
            // One frame more: the modal blocks what lies under it only from its second frame, and
            // a tooltip shown there now would otherwise stay until the pointer moves.
            ui.ctx().request_repaint();
        }
        response.labelled_by(label.id);
        if text != state.path_text {
            inputs.push(FileDialogInput::TypePath(text));
        }
    });
}

/// The listed folder: `..`, its folders, its `.ron` files. Only the rows in view are laid out.
fn list_ui(
    ui: &mut egui::Ui,
    state: &FileDialogState,
    height: f32,
    inputs: &mut Vec<FileDialogInput>,
) {
    let entries = match &state.entries {
        Ok(entries) => entries.as_slice(),
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            &[]
        }
    };
    let parent = state.folder.parent();
    let rows = entries.len() + usize::from(parent.is_some());
    let now = ui.input(|i| i.time);
    let fresh =
        now - state.listed_at < ui.ctx().options(|o| o.input_options.max_double_click_delay);
    let row_height = ui.spacing().interact_size.y;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .min_scrolled_height(height)
            .max_height(height)
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows, |ui, range| {
                ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                    for row in range {
                        let entry = match (parent, row) {
                            (Some(parent), 0) => {
                                let response = ui.selectable_label(false, "..");
                                if clicked_here(&response, fresh) {
                                    inputs.push(FileDialogInput::Enter(parent.to_path_buf()));
                                }
                                continue;
                            }
                            (Some(_), row) => &entries[row - 1],
                            (None, row) => &entries[row],
                        };
                        if entry.is_dir {
                            let text = format!("{}{MAIN_SEPARATOR}", entry.name);
                            if clicked_here(&ui.selectable_label(false, text), fresh) {
                                inputs.push(FileDialogInput::Enter(state.folder.join(&entry.name)));
                            }
                        } else {
                            let selected = state.selected.as_deref() == Some(&entry.name);
                            let response = ui.selectable_label(selected, entry.name.as_str());
                            if clicked_here(&response, fresh) {
                                inputs.push(FileDialogInput::Select(entry.name.clone()));
                                // A double-click, or Enter on the row reached with Tab.
                                let enter =
                                    response.has_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                                if response.double_clicked() || enter {
                                    inputs.push(FileDialogInput::Confirm);
                                }
                            }
                        }
                    }
                });
            });
    });
}

/// A click on a list row, unless it is the second click of a double-click that entered the folder
/// listed now (it would pick whatever row came to lie under the pointer).
fn clicked_here(response: &egui::Response, fresh: bool) -> bool {
    response.clicked() && !(fresh && response.double_clicked())
}

/// Open or Save and Cancel; while a file would be replaced, the question and its answers instead.
fn buttons_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &FileDialogState,
    inputs: &mut Vec<FileDialogInput>,
) {
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    if let Some(path) = &state.overwrite {
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.display().to_string());
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{name} {}",
                t(
                    "は既にあります。置き換えますか。",
                    "already exists. Replace it?"
                )
            ),
        );
        ui.horizontal(|ui| {
            if ui.button(t("置き換える", "Replace")).clicked() {
                inputs.push(FileDialogInput::Overwrite);
            }
            if ui.button(t("戻る", "Back")).clicked() {
                inputs.push(FileDialogInput::Back);
            }
        });
        return;
    }
    ui.horizontal(|ui| {
        let confirm = match state.purpose {
            Purpose::Open => t("開く", "Open"),
            Purpose::SaveAs => t("保存", "Save"),
            Purpose::Compare => t("比較", "Compare"),
            Purpose::Export(_) => t("書き出す", "Export"),
        };
        if ui.button(confirm).clicked() {
            inputs.push(FileDialogInput::Confirm);
        }
        if ui.button(t("キャンセル", "Cancel")).clicked() {
            inputs.push(FileDialogInput::Cancel);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(folder: &str, names: &[(&str, bool)]) -> FileDialogState {
        FileDialogState {
            purpose: Purpose::Open,
            opened_at: 0.0,
            folder: PathBuf::from(folder),
            entries: Ok(names
                .iter()
                .map(|&(name, is_dir)| Entry {
                    name: name.to_owned(),
                    is_dir,
                })
                .collect()),
            listed_at: 0.0,
            path_text: folder_text(Path::new(folder)),
            file_name: String::new(),
            selected: None,
            problem: None,
            overwrite: None,
            home: Some(PathBuf::from("/home/u")),
        }
    }

    #[test]
    fn tab_completes_as_far_as_the_entries_agree() {
        let s = state(
            "/r",
            &[
                ("regen", true),
                ("regenerative-medicine.ron", false),
                ("kpis.ron", false),
            ],
        );
        assert_eq!(s.complete("/r/k").as_deref(), Some("/r/kpis.ron"));
        assert_eq!(s.complete("/r/re").as_deref(), Some("/r/regen"));
        assert_eq!(
            s.complete("/r/regene").as_deref(),
            Some("/r/regenerative-medicine.ron")
        );
        assert_eq!(s.complete("/r/x"), None, "nothing matches");
        assert_eq!(s.complete("/r/kpis.ron"), None, "nothing to add");
        assert_eq!(s.complete("/elsewhere/k"), None, "another folder");
        assert_eq!(s.complete("k").as_deref(), Some("kpis.ron"), "relative");
    }

    #[test]
    fn a_single_folder_gets_its_separator() {
        let s = state("/r", &[("roadmaps", true), ("kpis.ron", false)]);
        assert_eq!(
            s.complete("/r/ro").as_deref(),
            Some(format!("/r/roadmaps{MAIN_SEPARATOR}").as_str())
        );
    }

    #[test]
    fn resolve_expands_home_and_relative_paths() {
        let s = state("/r", &[]);
        assert_eq!(s.resolve("~/a.ron"), PathBuf::from("/home/u/a.ron"));
        assert_eq!(s.resolve("~"), PathBuf::from("/home/u"));
        assert_eq!(s.resolve("a.ron"), PathBuf::from("/r/a.ron"));
        assert_eq!(s.resolve("/x/a.ron"), PathBuf::from("/x/a.ron"));
        assert_eq!(s.resolve("~x"), PathBuf::from("/r/~x"));
        assert_eq!(s.resolve("../a/./b.ron"), PathBuf::from("/a/b.ron"));
        assert_eq!(s.resolve("/.."), PathBuf::from("/"));
    }
}
