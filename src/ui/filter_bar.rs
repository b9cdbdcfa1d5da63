//! The search and filter bar: text search (Ctrl+F) and filters by ministry, theme, category,
//! value-chain stage and fiscal-year range, applied to every view at once. It keeps to one line
//! at 1024 px in either language: the search field narrows with the window, and a roadmap with
//! more organisations than fit as toggles lists them in a menu.

use crate::action::Action;
use crate::analysis::filter::Filter;
use crate::model::{Category, ItemRef};

use super::ViewCtx;

/// Up to this many ministries are toggles in the bar; more are listed in a menu.
const MINISTRY_TOGGLES: usize = 6;

/// The Id of the search field, so that Ctrl+F can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("waymark-search")
}

/// Shows the filter bar; pushes [`Action::SetFilter`] when the filter changes.
pub fn filter_bar_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    filter: &Filter,
    actions: &mut Vec<Action>,
) {
    let mut f = filter.clone();
    let it = &ctx.roadmap.items;
    ui.horizontal_wrapped(|ui| {
        let search_label = ui.label(ctx.t("検索", "Search"));
        ui.add(
            egui::TextEdit::singleline(&mut f.text)
                .id(search_id())
                .hint_text(ctx.t("全文検索（Ctrl+F）", "Find (Ctrl+F)"))
                .desired_width((ui.available_width() * 0.13).clamp(120.0, 220.0)),
        )
        .labelled_by(search_label.id);
        ui.separator();
        ministries_ui(ui, ctx, &mut f);
        ui.separator();
        let theme_text = if f.themes.is_empty() {
            ctx.t("項目：すべて", "Theme: all").to_owned()
        } else {
            format!("{}：{}", ctx.t("項目", "Theme"), f.themes.len())
        };
        ui.menu_button(theme_text, |ui| {
            for t in &it.themes {
                let mut on = f.themes.contains(&t.id);
                let label = crate::analysis::labels::short(
                    ctx.roadmap,
                    &ItemRef::Theme(t.id.clone()),
                    ctx.lang,
                    30,
                );
                if ui.checkbox(&mut on, label).changed() {
                    if on {
                        f.themes.insert(t.id.clone());
                    } else {
                        f.themes.remove(&t.id);
                    }
                }
            }
        });
        let categories: Vec<Category> = {
            let mut v: Vec<Category> = it.gaps.iter().filter_map(|g| g.category.clone()).collect();
            v.sort();
            v.dedup();
            v
        };
        let cat_text = if f.categories.is_empty() {
            ctx.t("区分：すべて", "Category: all").to_owned()
        } else {
            format!("{}：{}", ctx.t("区分", "Category"), f.categories.len())
        };
        ui.menu_button(cat_text, |ui| {
            for c in categories {
                let mut on = f.categories.contains(&c);
                if ui
                    .checkbox(&mut on, ctx.t(c.label_ja(), c.label_en()))
                    .changed()
                {
                    if on {
                        f.categories.insert(c);
                    } else {
                        f.categories.remove(&c);
                    }
                }
            }
        });
        let stage_text = if f.stages.is_empty() {
            ctx.t("段階：すべて", "Stage: all").to_owned()
        } else {
            format!("{}：{}", ctx.t("段階", "Stage"), f.stages.len())
        };
        ui.menu_button(stage_text, |ui| {
            for s in &it.stages {
                let mut on = f.stages.contains(&s.id);
                if ui.checkbox(&mut on, &s.name).changed() {
                    if on {
                        f.stages.insert(s.id.clone());
                    } else {
                        f.stages.remove(&s.id);
                    }
                }
            }
        });
        ui.separator();
        let (lo, hi) = (ctx.roadmap.header.start_fy, ctx.roadmap.header.end_fy);
        let mut use_range = f.fy_from.is_some() || f.fy_to.is_some();
        if ui
            .checkbox(&mut use_range, ctx.t("年度で絞る", "Years"))
            .changed()
        {
            if use_range {
                f.fy_from = Some(lo);
                f.fy_to = Some(hi);
            } else {
                f.fy_from = None;
                f.fy_to = None;
            }
        }
        if let (Some(from), Some(to)) = (f.fy_from.as_mut(), f.fy_to.as_mut()) {
            let from_label = ui.label(ctx.t("から", "from"));
            ui.add(egui::DragValue::new(from).range(lo..=hi).prefix("FY"))
                .labelled_by(from_label.id);
            let to_label = ui.label(ctx.t("まで", "to"));
            ui.add(egui::DragValue::new(to).range(lo..=hi).prefix("FY"))
                .labelled_by(to_label.id);
            if *to < *from {
                *to = *from;
            }
        }
        if f.is_active() {
            ui.separator();
            // One button says how many pass and clears the filter, so the bar keeps to a line.
            let shown = ctx.visible.len().unwrap_or(0);
            let text = match ctx.lang {
                crate::i18n::Lang::Ja => format!("絞り込み中：{shown} ×"),
                crate::i18n::Lang::En => format!("Filtered: {shown} ×"),
            };
            let clear = egui::RichText::new(text).color(ui.visuals().warn_fg_color);
            if ui
                .button(clear)
                .on_hover_text(ctx.t("フィルタを解除", "Clear the filter"))
                .clicked()
            {
                f = Filter::default();
            }
        }
    });
    if &f != filter {
        actions.push(Action::SetFilter(f));
    }
}

/// The ministry filter: a toggle per ministry, or a menu of them when there are many.
fn ministries_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, f: &mut Filter) {
    let ministries = &ctx.roadmap.items.ministries;
    if ministries.len() <= MINISTRY_TOGGLES {
        ui.label(ctx.t("府省庁", "Ministry"));
        for m in ministries {
            ministry_toggle(ui, ctx, f, m, m.code.to_string());
        }
        return;
    }
    let text = if f.ministries.is_empty() {
        ctx.t("府省庁：すべて", "Ministry: all").to_owned()
    } else {
        format!("{}：{}", ctx.t("府省庁", "Ministry"), f.ministries.len())
    };
    ui.menu_button(text, |ui| {
        for m in ministries {
            let text = format!("{} {}", m.code, ctx.t(&m.name, &m.name_en));
            ministry_toggle(ui, ctx, f, m, text);
        }
    });
}

/// A toggle that lets `m`'s measures through the filter, named `text`.
fn ministry_toggle(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    f: &mut Filter,
    m: &crate::model::Ministry,
    text: String,
) {
    let mut on = f.ministries.contains(&m.code);
    if ui
        .toggle_value(&mut on, text)
        .on_hover_text(ctx.t(&m.name, &m.name_en))
        .changed()
    {
        if on {
            f.ministries.insert(m.code.clone());
        } else {
            f.ministries.remove(&m.code);
        }
    }
}
