//! Dialogs that ask before anything is lost: deleting with unlinking, unsaved changes on open or
//! close, changes made outside Waymark, restoring after a crash, a failed save.

use std::path::PathBuf;

use crate::action::{Action, Answer};
use crate::i18n::Lang;
use crate::model::ItemRef;
use crate::recovery::Recovery;

/// A dialog on screen.
pub(super) enum Dialog {
    /// Delete `item`, unlinking what `unlinked` lists, as one undoable `edit`.
    ConfirmDelete {
        item: ItemRef,
        unlinked: Vec<String>,
        edit: Box<crate::edit::Edit>,
    },
    /// Unsaved changes, and another roadmap is about to open.
    UnsavedOnOpen(crate::document::Place),
    /// Unsaved changes, and the window is closing.
    UnsavedOnClose,
    /// Files changed outside Waymark while there are edits here (`saving`: found when saving),
    /// with what differs once the user asks (or why the version on disk could not be read).
    ChangedOnDisk {
        paths: Vec<PathBuf>,
        saving: bool,
        differences: Option<Differences>,
    },
    /// Unsaved edits were found from an earlier run, with the files that changed since they
    /// were made (read once, when the dialog opened) and what they change once the user asks.
    Restore {
        recovery: Box<Recovery>,
        changed_since: Vec<PathBuf>,
        differences: Option<Differences>,
    },
    /// A save failed; the edits are still here and in the recovery file.
    SaveFailed(String),
    /// Recovered edits could not be read back (these errors); the recovery file was kept here.
    RestoreFailed {
        errors: String,
        kept: Option<PathBuf>,
    },
}

/// A comparison with the version on disk, asked for from a dialog: it runs off the UI thread.
pub(super) enum Differences {
    /// Under way.
    Computing,
    /// What differs, or why the comparison failed.
    Done(Result<Box<crate::versions::other::Versions>, String>),
}

/// Shows `dialog` as a modal window; buttons push [`Action::Dialog`].
pub(super) fn dialog_ui(
    ctx: &egui::Context,
    lang: Lang,
    dialog: &Dialog,
    actions: &mut Vec<Action>,
) {
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let (title, buttons): (&str, Vec<(&str, Answer)>) = match dialog {
        Dialog::ConfirmDelete { .. } => (
            t("削除の確認", "Delete?"),
            vec![
                (t("削除する", "Delete"), Answer::Yes),
                (t("やめる", "Cancel"), Answer::Cancel),
            ],
        ),
        Dialog::UnsavedOnOpen(_) | Dialog::UnsavedOnClose => (
            t("保存されていない変更があります", "Unsaved changes"),
            vec![
                (t("保存する", "Save"), Answer::Save),
                (t("破棄する", "Discard"), Answer::Discard),
                (t("やめる", "Cancel"), Answer::Cancel),
            ],
        ),
        Dialog::ChangedOnDisk {
            saving,
            differences,
            ..
        } => {
            let mut b = Vec::new();
            if differences.is_none() {
                b.push((t("違いを見る", "See what differs"), Answer::ShowDifferences));
            }
            b.push((
                t(
                    "ディスクの版を読み込む（こちらの変更を破棄）",
                    "Reload from disk (discard my changes)",
                ),
                Answer::Reload,
            ));
            if *saving {
                b.push((
                    t("こちらの版で上書き保存", "Keep mine and overwrite"),
                    Answer::KeepMine,
                ));
            } else {
                b.push((t("こちらの版を保持", "Keep mine"), Answer::Cancel));
            }
            b.push((t("やめる", "Cancel"), Answer::Cancel));
            (t("外部で変更されました", "Changed outside Waymark"), b)
        }
        Dialog::Restore { differences, .. } => {
            let mut b = Vec::new();
            if differences.is_none() {
                b.push((t("違いを見る", "See what differs"), Answer::ShowDifferences));
            }
            b.push((t("復元する", "Restore"), Answer::Yes));
            b.push((t("破棄する", "Discard"), Answer::Discard));
            (
                t(
                    "保存されていない変更を復元しますか",
                    "Restore unsaved changes?",
                ),
                b,
            )
        }
        Dialog::SaveFailed(_) => (
            t("保存できませんでした", "Could not save"),
            vec![(t("閉じる", "Close"), Answer::Cancel)],
        ),
        Dialog::RestoreFailed { .. } => (
            t("復元できませんでした", "Could not restore"),
            vec![(t("閉じる", "Close"), Answer::Cancel)],
        ),
    };
    let modal = egui::Modal::new(egui::Id::unique("waymark-dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(title);
        match dialog {
            Dialog::ConfirmDelete { item, unlinked, .. } => {
                ui.label(format!(
                    "{} {}",
                    item.id_str(),
                    t("を削除します。", "will be deleted.")
                ));
                if unlinked.is_empty() {
                    ui.label(t(
                        "ほかの項目とのつながりはありません。",
                        "Nothing else refers to it.",
                    ));
                } else {
                    ui.label(t(
                        "次のつながりも外れます（元に戻せます）：",
                        "These links go with it (undo brings them back):",
                    ));
                    egui::ScrollArea::vertical()
                        .max_height(240.0)
                        .show(ui, |ui| {
                            for line in unlinked {
                                ui.label(format!("・{line}"));
                            }
                        });
                }
            }
            Dialog::UnsavedOnOpen(_) => {
                ui.label(t(
                    "別のロードマップを開く前に保存しますか。",
                    "Save before opening another roadmap?",
                ));
            }
            Dialog::UnsavedOnClose => {
                ui.label(t("終了する前に保存しますか。", "Save before closing?"));
            }
            Dialog::ChangedOnDisk {
                paths, differences, ..
            } => {
                ui.label(t(
                    "次のファイルがWaymarkの外で変更されました：",
                    "These files were changed outside Waymark:",
                ));
                for p in paths {
                    ui.monospace(p.display().to_string());
                }
                ui.label(t(
                    "こちらにも保存されていない変更があります。",
                    "There are unsaved changes here too.",
                ));
                if let Some(differences) = differences {
                    differences_ui(ui, lang, differences, Compared::Here);
                }
            }
            Dialog::Restore {
                changed_since,
                differences,
                ..
            } => {
                ui.label(t(
                    "前回の終了時に保存されていなかった変更が見つかりました。",
                    "Changes that were not saved when Waymark last ended were found.",
                ));
                if !changed_since.is_empty() {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        t(
                            "その後ディスク上のファイルも変更されています。",
                            "The files on disk have also changed since.",
                        ),
                    );
                }
                if let Some(differences) = differences {
                    differences_ui(ui, lang, differences, Compared::Recovered);
                }
            }
            Dialog::SaveFailed(message) => {
                ui.label(message);
                ui.label(t(
                    "変更は失われていません（メモリと復旧ファイルに残っています）。",
                    "Nothing is lost: the changes are still here and in the recovery file.",
                ));
            }
            Dialog::RestoreFailed { errors, kept } => {
                ui.label(t(
                    "保存されていなかった変更を読み込めません：",
                    "The unsaved changes cannot be read back:",
                ));
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| ui.monospace(errors));
                match kept {
                    Some(path) => {
                        ui.label(t(
                            "復旧ファイルは次の場所に残してあります：",
                            "The recovery file is kept here:",
                        ));
                        ui.monospace(path.display().to_string());
                    }
                    None => {
                        ui.label(t(
                            "復旧ファイルはそのまま残っています。",
                            "The recovery file is left where it was.",
                        ));
                    }
                }
            }
        }
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            for (label, answer) in buttons {
                if ui.button(label).clicked() {
                    actions.push(Action::Dialog(answer));
                }
            }
        });
    });
    settle(ctx, modal.response.rect.size());
}

/// A dialog is centred by its size in the frame before, and a list that grows (a comparison
/// arriving, a scroll area taking its content's height) changes that size a frame later: while
/// it changes, draw again, so that the dialog and its buttons come to rest where they belong.
fn settle(ctx: &egui::Context, size: egui::Vec2) {
    let id = egui::Id::unique("waymark-dialog-size");
    let changed = ctx.data_mut(|d| {
        let before = d.get_temp::<egui::Vec2>(id);
        d.insert_temp(id, size);
        before != Some(size)
    });
    if changed {
        ctx.request_repaint();
    }
}

/// Which version is compared with the one on disk.
#[derive(Clone, Copy, PartialEq)]
enum Compared {
    /// The roadmap open here, with its unsaved edits.
    Here,
    /// The edits found in a recovery file.
    Recovered,
}

/// What differs between the version on disk and `compared`, item by item and field by field.
fn differences_ui(ui: &mut egui::Ui, lang: Lang, differences: &Differences, compared: Compared) {
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let recovered = compared == Compared::Recovered;
    ui.separator();
    let differences = match differences {
        Differences::Computing => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t("比較しています…", "Comparing…"));
            });
            return;
        }
        Differences::Done(result) => result,
    };
    match differences {
        Err(e) => {
            ui.label(if recovered {
                t(
                    "復元する版を読み込めません：",
                    "The recovered version cannot be read:",
                )
            } else {
                t(
                    "ディスクの版を読み込めません：",
                    "The version on disk cannot be read:",
                )
            });
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| ui.monospace(e));
        }
        Ok(versions) if versions.changes.is_empty() => {
            ui.label(t(
                "項目の内容に違いはありません（書式だけが違います）。",
                "No item differs (only the formatting does).",
            ));
        }
        Ok(versions) => {
            ui.label(if recovered {
                t(
                    "保存された版から、復元する版への変更：",
                    "From the saved version to the recovered one:",
                )
            } else {
                t(
                    "ディスクの版から、こちらの版への違い：",
                    "From the version on disk to yours:",
                )
            });
            ui.label(crate::versions::report::summary(&versions.changes, lang));
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| {
                    crate::ui::versions::changes_ui(
                        ui,
                        versions,
                        crate::ui::versions::Rows::Plain(lang),
                    );
                });
        }
    }
}
