//! The one place where actions change state: view state, the document (through the history, so
//! every change can be undone), files.

use super::WaymarkApp;
use super::dialogs::{Dialog, Differences};
use super::files::AfterSave;
use super::files::Msg;
use super::notice::Notice;
use crate::action::{Action, Answer, NewItem};
use crate::document::{Place, SaveOptions};
use crate::edit::{Edit, ItemKey, delete_item};
use crate::recovery::Recovery;
use crate::versions::other::Versions;

impl WaymarkApp {
    /// Applies the actions the views pushed this frame.
    pub fn apply(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        let mut document_changed = false;
        for action in actions {
            match action {
                Action::Select(item) => self.select(item),
                Action::SelectNew(item) => {
                    self.select(Some(item));
                    self.created = true;
                }
                Action::Reveal(item, tab) => {
                    self.select(Some(item));
                    self.set_tab(tab);
                }
                Action::Back | Action::Forward => self.go(matches!(action, Action::Forward)),
                Action::SetTab(tab) => self.set_tab(tab),
                Action::SetFilter(f) => self.filter = f,
                Action::SetLang(lang) => self.prefs.lang = lang,
                Action::SetGrouping(g) => self.prefs.grouping = g,
                Action::ToggleNavigator => self.prefs.hide_navigator = !self.prefs.hide_navigator,
                Action::ToggleInspector => self.prefs.hide_inspector = !self.prefs.hide_inspector,
                Action::ToggleFocus => self.focusing = !self.focusing && self.selection.is_some(),
                Action::SetFocusSteps(steps) => {
                    self.prefs.focus_steps = steps;
                    self.focusing = self.selection.is_some();
                }
                Action::ToggleReadOnly if self.read_only_locked => {}
                Action::ToggleReadOnly => self.read_only = !self.read_only,
                Action::Edit(edit) => document_changed |= self.edit(*edit),
                Action::Create(kind) => document_changed |= self.create(kind),
                Action::CreateMinistry {
                    code,
                    name,
                    name_en,
                } => {
                    document_changed |= self.create_ministry(&code, (&name, &name_en));
                }
                Action::Refused(why) => self.refused(&why),
                Action::Delete(item) => self.ask_delete(&item),
                Action::Undo | Action::Redo => {
                    document_changed |= self.undo_redo(matches!(action, Action::Redo));
                }
                Action::Save if self.is_bundled() => self.start_save_dialog(ctx),
                Action::Save => self.save_to(ctx, None, SaveOptions::default()),
                Action::SaveAs => self.start_save_dialog(ctx),
                Action::Open(path) => self.guard_unsaved(ctx, Place::File(path)),
                Action::OpenBundled(entry) => self.guard_unsaved(ctx, Place::Bundled(entry)),
                Action::OpenDialog => self.start_open_dialog(ctx),
                Action::FileDialog(input) => self.file_dialog_input(ctx, input),
                Action::Export(input) => self.export_input(ctx, input),
                Action::Dialog(answer) => document_changed |= self.answer(ctx, answer),
                Action::SetScenario(basis) => self.show_scenario(basis),
                Action::SetComparison(other) => self.compare_with(other),
                Action::CreateScenario(copy_of) => {
                    document_changed |= self.create_scenario(copy_of.as_ref());
                }
                Action::SetPresentation(_)
                | Action::AddStep
                | Action::Present(_)
                | Action::GoToStep(_)
                | Action::StopPresenting
                | Action::ToggleHighContrast => {
                    document_changed |= self.present_action(ctx, action);
                }
                Action::CompareVersion(_)
                | Action::ChooseVersionFile
                | Action::ListRevisions(_)
                | Action::StopComparingVersions => self.version_action(ctx, action),
            }
        }
        if document_changed {
            self.after_document_change(ctx);
        }
        // After the document or the scenario shown changed, or a saved version to compare
        // with is to be read again.
        self.refresh_versions(ctx);
        let inputs = self.inputs();
        let seen = self.scenarios.seen.as_ref();
        if let (Some(doc), Some(derived)) = (&self.document, &mut self.derived) {
            derived.update(seen.unwrap_or(&doc.roadmap), inputs);
        }
        self.update_title();
    }

    /// Selects `item` (or nothing), remembering the selection before for Back, and has every
    /// view scroll to it.
    fn select(&mut self, item: Option<crate::model::ItemRef>) {
        if self.selection != item {
            // Focus mode follows the selection, and ends with it.
            self.focusing &= item.is_some();
            self.trail.moved(self.selection.as_ref(), item.as_ref());
            self.selection = item;
            self.reveal_frames = super::REVEAL_FRAMES;
        }
    }

    /// Shows `tab`, scrolled to the selection.
    fn set_tab(&mut self, tab: crate::action::Tab) {
        if self.prefs.tab != tab {
            self.prefs.tab = tab;
            self.reveal_frames = super::REVEAL_FRAMES;
        }
    }

    /// Goes back (or forward) through the trail of selections.
    fn go(&mut self, forward: bool) {
        let Some(doc) = &self.document else { return };
        let exists = |i: &crate::model::ItemRef| doc.roadmap.contains(i);
        let to = if forward {
            self.trail.forward(self.selection.as_ref(), exists)
        } else {
            self.trail.back(self.selection.as_ref(), exists)
        };
        if let Some(to) = to {
            self.selection = Some(to);
            self.reveal_frames = super::REVEAL_FRAMES;
        }
    }

    /// Creates an item of `kind` and selects it; returns whether the document changed.
    fn create(&mut self, kind: NewItem) -> bool {
        let lang = self.prefs.lang;
        let this_fy = crate::analysis::timeline_view::today_in_japan().fiscal_year();
        self.add_created(|r| super::create::new_item(r, kind, lang, this_fy))
    }

    /// Creates a ministry and selects it; returns whether the document changed.
    fn create_ministry(&mut self, code: &str, names: (&str, &str)) -> bool {
        self.add_created(|r| {
            crate::edit::create_ministry(r, None, code, names)
                .map(|c| (c.edit, crate::model::ItemRef::Ministry(c.id)))
        })
    }

    /// Applies the edit `make` builds to add an item, and selects the item; a refusal goes to
    /// the status bar. Returns whether the document changed.
    fn add_created(
        &mut self,
        make: impl FnOnce(
            &crate::model::Roadmap,
        ) -> Result<(Edit, crate::model::ItemRef), crate::edit::EditError>,
    ) -> bool {
        let Some(doc) = &self.document else {
            return false;
        };
        match make(&doc.roadmap) {
            Ok((edit, item)) => {
                let changed = self.edit(edit);
                if changed {
                    self.select(Some(item));
                    self.created = true;
                }
                changed
            }
            Err(e) => {
                self.refused(&e);
                false
            }
        }
    }

    /// Says in the status bar that a change was refused, and why.
    pub(super) fn refused(&mut self, why: &crate::edit::EditError) {
        self.notice = Some(Notice::Refused(why.clone()));
    }

    /// Applies one edit through the history (redirected to the scenario shown, if any);
    /// returns whether the document changed.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        if self.read_only {
            self.notice = Some(Notice::ReadOnly);
            return false;
        }
        let edit = match self.redirected(edit) {
            Ok(edit) => edit,
            Err(e) => {
                self.refused(&e);
                return false;
            }
        };
        self.yield_check();
        let Some(doc) = self.document.as_mut() else {
            return false;
        };
        match self.history.apply(&mut doc.roadmap, edit) {
            Ok(()) => {
                self.notice = None;
                true
            }
            Err(e) => {
                self.refused(&e);
                false
            }
        }
    }

    fn undo_redo(&mut self, redo: bool) -> bool {
        if self.read_only {
            return false;
        }
        self.yield_check();
        let Some(doc) = self.document.as_mut() else {
            return false;
        };
        let result = if redo {
            self.history.redo(&mut doc.roadmap)
        } else {
            self.history.undo(&mut doc.roadmap)
        };
        match result {
            Ok(changed) => changed,
            Err(e) => {
                self.refused(&e);
                false
            }
        }
    }

    /// Recomputes what depends on the document, and keeps diagnostics live.
    fn after_document_change(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.document else { return };
        if self
            .selection
            .as_ref()
            .is_some_and(|s| !doc.roadmap.contains(s))
        {
            self.selection = None;
        }
        let touched = self.history.take_touched();
        self.refresh_scenario();
        self.rederive_after(touched);
        self.refresh_diagnostics(ctx);
    }

    fn ask_delete(&mut self, item: &crate::model::ItemRef) {
        if self.read_only {
            return;
        }
        let Some(doc) = &self.document else { return };
        match delete_item(&doc.roadmap, &ItemKey::from(item.clone())) {
            Ok(deletion) => {
                let unlinked = deletion.describe(&doc.roadmap, self.prefs.lang);
                self.dialog = Some(Dialog::ConfirmDelete {
                    item: item.clone(),
                    unlinked,
                    edit: Box::new(deletion.edit),
                });
            }
            Err(e) => self.refused(&e),
        }
    }

    /// Opens another roadmap, asking first when there are unsaved changes.
    pub(super) fn guard_unsaved(&mut self, ctx: &egui::Context, place: Place) {
        if self.history.is_dirty() {
            self.dialog = Some(Dialog::UnsavedOnOpen(place));
        } else {
            self.start_load(ctx, place);
        }
    }

    /// Compares, off the UI thread, the roadmap here (or, with `recovery`, the recovered edits)
    /// with the version on disk; the result arrives as [`Msg::Compared`].
    fn start_comparison(&self, ctx: &egui::Context, recovery: Option<Recovery>) {
        let Some(doc) = &self.document else { return };
        let here = doc.roadmap.clone();
        let entry = doc.entry_path().to_path_buf();
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = match recovery {
                // The recovered edits against the roadmap as opened from disk.
                Some(recovery) => recovery
                    .restore()
                    .map_err(|e| errors_text(&e))
                    .and_then(|recovered| compared(&here, &recovered.roadmap)),
                // The files as they are now against the roadmap here.
                None => crate::document::open(&crate::document::Disk, &entry)
                    .map_err(|e| errors_text(&e))
                    .and_then(|disk| compared(&disk.roadmap, &here)),
            };
            tx.send(Msg::Compared(result)).ok();
            ctx.request_repaint();
        });
    }

    /// Carries out the user's answer to the open dialog; returns whether the document changed.
    fn answer(&mut self, ctx: &egui::Context, answer: Answer) -> bool {
        let Some(dialog) = self.dialog.take() else {
            return false;
        };
        match (dialog, answer) {
            (Dialog::ConfirmDelete { edit, .. }, Answer::Yes) => return self.edit(*edit),
            (Dialog::UnsavedOnOpen(path), Answer::Discard) => {
                self.discard_recovery();
                self.start_load(ctx, path);
            }
            (Dialog::UnsavedOnClose, Answer::Discard) => {
                self.discard_recovery();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            (dialog @ (Dialog::UnsavedOnClose | Dialog::UnsavedOnOpen(_)), Answer::Save) => {
                // Save, then go on with what was asked (once Save As has a place, for the
                // bundled roadmap). A failed save shows its own dialog and goes no further.
                self.after_save = Some(match dialog {
                    Dialog::UnsavedOnOpen(path) => AfterSave::Open(path),
                    _ => AfterSave::Close,
                });
                if self.is_bundled() {
                    self.start_save_dialog(ctx);
                } else {
                    self.save_to(ctx, None, SaveOptions::default());
                }
            }
            (
                Dialog::ChangedOnDisk {
                    paths,
                    saving,
                    differences: _,
                },
                Answer::ShowDifferences,
            ) => {
                self.start_comparison(ctx, None);
                self.dialog = Some(Dialog::ChangedOnDisk {
                    paths,
                    saving,
                    differences: Some(Differences::Computing),
                });
            }
            (Dialog::ChangedOnDisk { .. }, Answer::Reload) => {
                self.discard_recovery();
                if let Some(doc) = &self.document {
                    let place = Place::File(doc.entry_path().to_path_buf());
                    self.start_load(ctx, place);
                }
            }
            (Dialog::ChangedOnDisk { saving: true, .. }, Answer::KeepMine) => {
                self.save_to(
                    ctx,
                    None,
                    SaveOptions {
                        overwrite_outside_changes: true,
                    },
                );
            }
            (
                Dialog::Restore {
                    recovery,
                    changed_since,
                    differences: _,
                },
                Answer::ShowDifferences,
            ) => {
                self.start_comparison(ctx, Some((*recovery).clone()));
                self.dialog = Some(Dialog::Restore {
                    recovery,
                    changed_since,
                    differences: Some(Differences::Computing),
                });
            }
            (Dialog::Restore { recovery, .. }, Answer::Yes) => match recovery.restore() {
                Ok(doc) => {
                    self.document = Some(doc);
                    // Restored edits are unsaved: the document differs from the files.
                    self.history = crate::history::History::unsaved();
                    return true;
                }
                Err(e) => {
                    let kept = self.set_aside_recovery(&recovery);
                    self.dialog = Some(Dialog::RestoreFailed {
                        errors: errors_text(&e),
                        kept,
                    });
                }
            },
            (Dialog::Restore { .. }, Answer::Discard) => self.discard_recovery(),
            _ => {}
        }
        false
    }
}

/// What differs from `old` to `new`, for a dialog.
fn compared(
    old: &crate::model::Roadmap,
    new: &crate::model::Roadmap,
) -> Result<Box<Versions>, String> {
    Versions::between(old, new, &crate::analysis::scenario::Basis::Plan)
        .map(Box::new)
        .map_err(|e| e.to_string())
}

/// The errors of a failed load, one diagnostic after another, as the dialogs show them.
pub(super) fn errors_text(e: &crate::model::LoadError) -> String {
    e.diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
