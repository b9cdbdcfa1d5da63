//! The roadmap's own fields: title, English title, description and the fiscal-year horizon,
//! edited in the inspector while nothing is selected. Spans outside a narrowed horizon are then
//! reported by the live diagnostics, not refused.

use crate::action::Action;
use crate::edit::Edit;
use crate::model::Header;

use super::super::ViewCtx;
use super::fields::{number_field, text_field};

/// Shows the header's form, under a header that starts closed.
pub fn header_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let h = &ctx.roadmap.header;
    egui::CollapsingHeader::new(ctx.t("ロードマップを編集", "Edit roadmap"))
        .id_salt("header-editor")
        .default_open(false)
        .show(ui, |ui| {
            let set = |actions: &mut Vec<Action>, change: &dyn Fn(&mut Header)| {
                let mut header = h.clone();
                change(&mut header);
                actions.push(Action::Edit(Box::new(Edit::SetHeader(header))));
            };
            let key = h.id.as_str();
            if let Some(v) = text_field(ui, (key, "title"), ctx.t("題名", "Title"), &h.title, false)
            {
                set(actions, &|h| h.title.clone_from(&v));
            }
            let en = h.title_en.as_deref().unwrap_or("");
            if let Some(v) = text_field(
                ui,
                (key, "title_en"),
                ctx.t("英語の題名", "English title"),
                en,
                false,
            ) {
                let v = (!v.trim().is_empty()).then_some(v);
                set(actions, &|h| h.title_en.clone_from(&v));
            }
            let about = h.description.as_deref().unwrap_or("");
            if let Some(v) = text_field(
                ui,
                (key, "description"),
                ctx.t("概要", "Description"),
                about,
                true,
            ) {
                let v = (!v.trim().is_empty()).then_some(v);
                set(actions, &|h| h.description.clone_from(&v));
            }
            ui.horizontal(|ui| {
                let start = ctx.t("開始年度", "First fiscal year");
                if let Some(v) =
                    number_field(ui, (key, "start_fy"), start, h.start_fy, 1900..=h.end_fy)
                {
                    set(actions, &|h| h.start_fy = v);
                }
                let end = ctx.t("終了年度", "Last fiscal year");
                if let Some(v) = number_field(ui, (key, "end_fy"), end, h.end_fy, h.start_fy..=2200)
                {
                    set(actions, &|h| h.end_fy = v);
                }
            });
        });
}
