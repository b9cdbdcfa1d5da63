//! Versions side by side: the panel listing what differs between the roadmap here and another
//! version of it (the saved files, another file, a git revision), item by item and field by
//! field, each item selectable; the same list in the dialogs about outside changes and recovered
//! edits; and the list of git revisions to compare with.

use crate::action::Action;
use crate::git::Commit;
use crate::i18n::Lang;
use crate::model::ItemRef;
use crate::versions::entries::Subject;
use crate::versions::other::{OtherVersion, Versions};
use crate::versions::report::{describe, heading, summary};

use super::ViewCtx;

/// How many changes a list shows; the rest are counted.
const MAX_SHOWN: usize = 400;
/// How long a field's line may be before it is cut (the whole line shows on hover).
const DETAIL_CHARS: usize = 160;

/// What a list of changes can do with an item: select it (in the panel), or nothing (in a
/// dialog).
pub enum Rows<'a, 'b> {
    /// Items that exist in the roadmap here are selectable.
    Selectable(&'a ViewCtx<'b>, &'a mut Vec<Action>),
    /// Read only, in this language.
    Plain(Lang),
}

/// Lists every change of `versions` under its kind's heading: the item, then a line for each
/// field that differs, `before → after`.
pub fn changes_ui(ui: &mut egui::Ui, versions: &Versions, mut rows: Rows<'_, '_>) {
    let lang = match &rows {
        Rows::Selectable(ctx, _) => ctx.lang,
        Rows::Plain(lang) => *lang,
    };
    let names = versions.names(lang);
    let mut group = "";
    for c in versions.changes.iter().take(MAX_SHOWN) {
        if c.collection != group {
            group = c.collection;
            ui.label(egui::RichText::new(heading(group, lang)).strong());
        }
        let d = describe(c, &names);
        let title = format!("　{}", d.title);
        match (&mut rows, &c.subject) {
            (Rows::Selectable(ctx, actions), Subject::Item(item)) if ctx.roadmap.contains(item) => {
                select_row(ui, ctx, item, title, actions);
            }
            _ => {
                ui.label(title);
            }
        }
        for line in d.details {
            let cut = cut(&line);
            let response = ui.label(egui::RichText::new(format!("　　{cut}")).weak());
            if cut.len() < line.len() {
                response.on_hover_text(line);
            }
        }
    }
    if versions.changes.len() > MAX_SHOWN {
        ui.label(match lang {
            Lang::Ja => format!("…ほか {} 件", versions.changes.len() - MAX_SHOWN),
            Lang::En => format!("… and {} more", versions.changes.len() - MAX_SHOWN),
        });
    }
}

fn select_row(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    title: String,
    actions: &mut Vec<Action>,
) {
    if ui.selectable_label(ctx.is_selected(item), title).clicked() {
        actions.push(Action::Select(Some(item.clone())));
    }
}

/// `line` cut to [`DETAIL_CHARS`] characters, with `…` where it was cut.
fn cut(line: &str) -> String {
    match line.char_indices().nth(DETAIL_CHARS) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_owned(),
    }
}

/// The comparison panel: which version the roadmap here is compared with, a summary, and the
/// list of changes; while the other version is read or compared, says so; a version that
/// cannot be read says why.
pub fn versions_panel_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    other: &OtherVersion,
    state: Option<Result<&Versions, &str>>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(ctx.t("版の比較", "Comparing versions")).strong());
        ui.label(format!(
            "{} → {}",
            other.name(ctx.lang),
            ctx.t("この版", "this version")
        ));
        match state {
            Some(Ok(v)) => {
                ui.label(summary(&v.changes, ctx.lang));
            }
            Some(Err(_)) => {}
            None => {
                ui.spinner();
                ui.label(ctx.t("比較しています…", "Comparing…"));
            }
        }
        if ui.button(ctx.t("比較を終える", "Stop comparing")).clicked() {
            actions.push(Action::StopComparingVersions);
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("version-changes")
        .auto_shrink([false, false])
        .show(ui, |ui| match state {
            Some(Ok(v)) => changes_ui(ui, v, Rows::Selectable(ctx, actions)),
            Some(Err(e)) => {
                ui.label(ctx.t(
                    "比較する版を読み込めません：",
                    "The version to compare with cannot be read:",
                ));
                ui.monospace(e);
            }
            None => {}
        });
}

/// The list of git revisions to compare with, newest first, in a window; picking one compares.
pub fn revisions_ui(
    ctx: &egui::Context,
    lang: Lang,
    revisions: Option<&Result<Vec<Commit>, String>>,
    actions: &mut Vec<Action>,
) {
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let mut open = true;
    egui::Window::new(t("git の版と比較", "Compare with a git revision"))
        .id(egui::Id::unique("waymark-revisions"))
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 96.0))
        .default_width(560.0)
        .show(ctx, |ui| match revisions {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t("履歴を読んでいます…", "Reading the history…"));
                });
            }
            Some(Err(e)) => {
                ui.label(t(
                    "このロードマップの git の履歴を読めません：",
                    "The git history of this roadmap cannot be read:",
                ));
                ui.monospace(e);
            }
            Some(Ok(commits)) if commits.is_empty() => {
                ui.label(t(
                    "このフォルダーのコミットはありません。",
                    "No commit changed this folder.",
                ));
            }
            Some(Ok(commits)) => {
                ui.label(t(
                    "このフォルダーを変更したコミット（新しい順）：",
                    "Commits that changed this folder, newest first:",
                ));
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for c in commits {
                            let response = ui
                                .selectable_label(false, c.title())
                                .on_hover_text(format!("{} — {}", c.hash, c.author));
                            if response.clicked() {
                                actions.push(Action::CompareVersion(OtherVersion::Revision {
                                    rev: c.hash.clone(),
                                    title: c.title(),
                                }));
                            }
                        }
                    });
            }
        });
    if !open {
        actions.push(Action::ListRevisions(false));
    }
}
