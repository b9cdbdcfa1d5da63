//! Editing in the inspector: every field of the selected item, its links with a searchable
//! picker, creating related items, reordering and deleting. Each change is pushed as one
//! [`Action::Edit`]; text is committed when the field loses focus and numbers when a drag stops
//! or typing ends, so one edit of a field is one undo step, and typing (IME included) happens in
//! egui's own text field.
//!
//! [`fields`] holds the few widgets every form is built from, [`links`] the link lists; one file
//! per kind of item uses them.

pub(crate) mod fields;
mod gap;
mod header;
mod kpi;
mod links;
mod measure;
mod other;
mod proposal;
mod rows;

use crate::action::Action;
use crate::edit::{self, Edit};
use crate::model::{FileId, ItemRef, Link, LinkKind, Provenance, Roadmap};

use super::ViewCtx;

pub use header::header_ui;

/// Shows the editing controls for `item`, under a header that starts closed (reviewers read
/// first) and stays as the person leaves it for items of the same kind: opened to edit
/// measures, it does not push a proposal's links below the fold. An item just created opens it.
pub fn editor_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: &ItemRef, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new(ctx.t("項目を編集", "Edit item"))
        .id_salt(("editor", item.kind()))
        .default_open(false)
        // An item just created opens for its text to be written.
        .open(ctx.created.then_some(true))
        .show(ui, |ui| {
            match item {
                ItemRef::Measure(id) => measure::measure_ui(ui, ctx, id, actions),
                ItemRef::Gap(id) => gap::gap_ui(ui, ctx, id, actions),
                ItemRef::Theme(id) => gap::theme_ui(ui, ctx, id, actions),
                ItemRef::Proposal(id) => proposal::proposal_ui(ui, ctx, id, actions),
                ItemRef::Kpi(id) => kpi::kpi_ui(ui, ctx, id, actions),
                ItemRef::Target(id) => other::target_ui(ui, ctx, id, actions),
                ItemRef::Event(id) => other::event_ui(ui, ctx, id, actions),
                ItemRef::Budget(id) => other::budget_ui(ui, ctx, id, actions),
                ItemRef::Note(id) => other::note_ui(ui, ctx, id, actions),
                ItemRef::Source(id) => other::source_ui(ui, ctx, id, actions),
                ItemRef::Ministry(id) => other::ministry_ui(ui, ctx, id, actions),
                ItemRef::Stage(id) => other::stage_ui(ui, ctx, id, actions),
            }
            ui.separator();
            if ui.button(ctx.t("削除…", "Delete…")).clicked() {
                actions.push(Action::Delete(item.clone()));
            }
        });
}

/// Pushes the edit, or the reason it could not be built, which the status bar then shows.
fn push(actions: &mut Vec<Action>, edit: Result<Edit, edit::EditError>) {
    actions.push(match edit {
        Ok(edit) => Action::Edit(Box::new(edit)),
        Err(e) => Action::Refused(e),
    });
}

/// The file a newly created item goes to, so its links are saved beside it.
fn new_origin(edit: &Edit) -> FileId {
    match edit {
        Edit::Insert { value, .. } => value.origin(),
        _ => FileId(0),
    }
}

/// Pushes, as one step, the creation of a new item, the `more` edits and a link to it saved
/// beside it (when `link` is given), then selects it.
fn create_linked(
    r: &Roadmap,
    created: edit::Created<impl Clone>,
    item: ItemRef,
    link: Option<LinkKind>,
    more: Vec<Edit>,
    actions: &mut Vec<Action>,
) {
    let origin = new_origin(&created.edit);
    let mut steps = vec![created.edit];
    steps.extend(more);
    if let Some(link) = link {
        steps.push(Edit::AddLink {
            index: edit::link_index(r, origin),
            link: Link {
                link,
                provenance: Provenance::Editorial,
                note: None,
                source: None,
                origin,
            },
        });
    }
    actions.push(Action::Edit(Box::new(Edit::Batch(steps))));
    actions.push(Action::SelectNew(item));
}
