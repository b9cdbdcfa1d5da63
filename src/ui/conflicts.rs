//! The merge conflicts a roadmap holds, listed for resolution field by field: for each, the item,
//! the field, ours' value (which the file holds) and theirs', and a button to keep each. A
//! resolution is one undoable edit; once every conflict is resolved the roadmap saves clean.

use crate::action::Action;
use crate::analysis::labels;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Conflicted, Roadmap};
use crate::versions::entries::{conflicted_key, show};
use crate::versions::resolve::{Choice, resolution, side_value};

use super::ViewCtx;

/// How long a value may be in the list, in characters.
const VALUE_CHARS: usize = 60;

/// One conflict as the list shows it, with the edit each button makes (or why it cannot).
pub struct ConflictRow {
    /// What it is about: the item's tag and label, or a link's ends.
    pub what: String,
    /// The field (empty for a whole item edited on one side and deleted on the other).
    pub field: String,
    /// Ours' value, shown.
    pub ours: String,
    /// Theirs' value, shown.
    pub theirs: String,
    /// The edits keeping ours and theirs.
    pub edits: [Result<Edit, String>; 2],
}

/// The rows for every conflict of `roadmap`.
pub fn conflict_rows(roadmap: &Roadmap, lang: Lang) -> Vec<ConflictRow> {
    let shown = |v: Option<&str>, whole: bool| match side_value(v) {
        Ok(Some(_)) if whole => lang.pick("（編集）", "(edited)").to_owned(),
        Ok(Some(v)) => labels::ellipsize(&show(&v), VALUE_CHARS),
        Ok(None) if whole => lang.pick("（削除）", "(deleted)").to_owned(),
        Ok(None) => lang.pick("（なし）", "(none)").to_owned(),
        Err(e) => e.to_string(),
    };
    roadmap
        .items
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let what = match &c.item {
                Conflicted::Item(item) if roadmap.contains(item) => {
                    format!(
                        "{} {}",
                        item.id_str(),
                        labels::short(roadmap, item, lang, 30)
                    )
                }
                other => conflicted_key(other),
            };
            let whole = c.field.is_empty();
            let edit = |choice| resolution(roadmap, i, choice).map_err(|e| e.to_string());
            ConflictRow {
                what,
                field: c.field.clone(),
                ours: shown(c.ours.as_deref(), whole),
                theirs: shown(c.theirs.as_deref(), whole),
                edits: [edit(Choice::Ours), edit(Choice::Theirs)],
            }
        })
        .collect()
}

/// Shows the conflicts; a button pushes the edit resolving one.
pub fn conflicts_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &[ConflictRow],
    actions: &mut Vec<Action>,
) {
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "{} {}",
            ctx.t("マージの衝突：", "Merge conflicts:"),
            rows.len()
        ),
    );
    egui::ScrollArea::vertical()
        .max_height(160.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("conflicts").striped(true).show(ui, |ui| {
                for row in rows {
                    ui.label(&row.what);
                    ui.label(if row.field.is_empty() {
                        ctx.t("項目全体", "whole item")
                    } else {
                        &row.field
                    });
                    for (side, (label, value)) in [
                        (ctx.t("こちら", "Ours"), &row.ours),
                        (ctx.t("相手", "Theirs"), &row.theirs),
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        let text = format!("{label}: {value}");
                        let edit = &row.edits[side];
                        let button =
                            ui.add_enabled(ctx.editable && edit.is_ok(), egui::Button::new(text));
                        let button = match edit {
                            Err(e) => button.on_disabled_hover_text(e),
                            Ok(_) => button.on_hover_text(ctx.t(
                                "この値を採用して衝突を解消",
                                "Keep this value and resolve the conflict",
                            )),
                        };
                        if button.clicked()
                            && let Ok(edit) = edit
                        {
                            actions.push(Action::Edit(Box::new(edit.clone())));
                        }
                    }
                    ui.end_row();
                }
            });
        });
}
