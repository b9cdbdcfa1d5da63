//! The issue/response matrix: 項目 → 大論点 → 小論点 → 対応案, with one column per ministry marking
//! its role in each 対応案, as the 2024 matrix lays it out.
//!
//! Every text is shown whole and wraps; rows are as tall as their longest cell and only the rows
//! on screen are drawn. The rows and their heights are kept in egui memory for the derived data's
//! generation (and the column widths), so a frame only draws. The small cell helpers at the end
//! are shared by the other table views.

use std::sync::Arc;

use egui::{Align, Id, Layout, RichText, TextStyle, TextWrapMode, WidgetText};
use egui_extras::{Column, TableBuilder};

use super::{ViewCtx, item_link, rows};
use crate::action::Action;
use crate::analysis::labels;
use crate::model::{ItemRef, Role, Theme};

use crate::analysis::matrix::MatrixRow as Row;

/// The rows that pass the filter, in document order.
fn matrix_rows(ctx: &ViewCtx<'_>) -> Vec<Row> {
    crate::analysis::matrix::rows(ctx.roadmap, ctx.index, ctx.visible)
}

/// The gap's label: its tag and whole text.
fn gap_text(ctx: &ViewCtx<'_>, gap: &ItemRef) -> String {
    format!(
        "{} {}",
        labels::tag(ctx.roadmap, gap, ctx.lang),
        labels::text(ctx.roadmap, gap, ctx.lang)
    )
}

/// The measure's whole text and its further points.
fn measure_texts(ctx: &ViewCtx<'_>, measure: &ItemRef) -> (String, Vec<String>) {
    let details = match measure {
        ItemRef::Measure(id) => ctx
            .roadmap
            .measure(id)
            .map(|m| m.details.clone())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    (labels::text(ctx.roadmap, measure, ctx.lang), details)
}

fn as_written(ctx: &ViewCtx<'_>, measure: &ItemRef) -> String {
    match measure {
        ItemRef::Measure(id) => ctx
            .roadmap
            .measure(id)
            .and_then(|m| m.ministries_as_written.clone())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The narrowest the text columns get (theme, 大論点, 小論点, response, as written): wide enough
/// for a line of a few words, so that text wraps between words; past that the table scrolls
/// sideways.
const TEXT_MIN: [f32; 5] = [120.0, 170.0, 180.0, 240.0, 70.0];

/// Shows the issue/response matrix.
pub fn matrix_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("論点・対応案", "Issue/response matrix"));
    legend_ui(ui, ctx);
    let rows: Arc<Vec<Row>> = rows::cached(
        ui.ctx(),
        Id::unique("waymark-matrix-rows"),
        ctx.generation,
        || matrix_rows(ctx),
    );
    if rows.is_empty() {
        ui.label(ctx.t(
            "フィルタに該当する論点はありません。",
            "No issue passes the filter.",
        ));
        return;
    }
    let ministries = &ctx.roadmap.items.ministries;
    let ministry_widths = ministry_widths(ui, ctx);
    // Text columns share what the tag and ministry columns leave, so the table fits the view;
    // the response column is not resizable, so that it takes what a wider window gives.
    let fixed = 110.0 + ministry_widths.iter().sum::<f32>() + 8.0 * (5 + ministries.len()) as f32;
    let text = (ui.available_width() - fixed).max(TEXT_MIN.iter().sum());
    let titles = [
        ctx.t("項目", "Theme"),
        ctx.t("大論点", "Overarching issue"),
        ctx.t("小論点", "Issue"),
        ctx.t("対応案", "Response"),
        ctx.t("記載", "As written"),
    ];
    // A column is never narrower than the longest word of its title, so that titles wrap
    // between words; titles wrap rather than being elided, the header as tall as the tallest at
    // the widths the body had last (or will have, on the first frame).
    let mut least = *title_min_widths(ui, ctx, &titles);
    for (least, min) in least.iter_mut().zip(TEXT_MIN) {
        *least = least.max(min);
    }
    let initial = [
        (text * 0.14).max(least[0]),
        (text * 0.23).max(least[1]),
        (text * 0.26).max(least[2]),
        least[3],
        70.0_f32.max(least[4]),
    ];
    let header_widths = rows::HeaderWidths::load(ui, Id::unique("waymark-matrix-widths"));
    let header_h = header_height(ui, &titles, header_widths.or(&initial));
    // Sideways scrolling when the view is narrower than the columns need, so that the ministry
    // columns can always be reached.
    egui::ScrollArea::horizontal()
        .id_salt("matrix-across")
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("matrix")
                .striped(true)
                .resizable(true)
                .cell_layout(Layout::top_down(Align::Min))
                .column(Column::initial(initial[0]).at_least(least[0]).clip(true))
                .column(Column::initial(initial[1]).at_least(least[1]).clip(true))
                .column(Column::initial(initial[2]).at_least(least[2]).clip(true))
                .column(
                    Column::remainder()
                        .resizable(false)
                        .at_least(least[3])
                        .clip(true),
                )
                .column(Column::initial(initial[4]).at_least(least[4]).clip(true));
            for width in ministry_widths.iter() {
                table = table.column(Column::exact(*width));
            }
            if ctx.reveal
                && let Some(i) = rows.iter().position(|row| {
                    ctx.is_selected(&row.gap)
                        || row.measure.as_ref().is_some_and(|m| ctx.is_selected(m))
                })
            {
                table = table.scroll_to_row(i, None);
            }
            table
                .header(header_h, |mut header| {
                    for title in titles {
                        header.col(|ui| {
                            wrap(ui);
                            ui.strong(title);
                        });
                    }
                    for m in ministries {
                        header.col(|ui| {
                            ministry_header(ui, ctx, m, actions);
                        });
                    }
                })
                .body(|mut body| {
                    let widths = body.widths().to_vec();
                    let ui = body.ui_mut();
                    header_widths.update(ui, &widths, header_h, |w| header_height(ui, &titles, w));
                    let heights = rows::table_heights(
                        ui,
                        Id::unique("waymark-matrix-heights"),
                        ctx.generation,
                        &widths,
                        rows.len(),
                        |i| {
                            rows.get(i)
                                .map_or(0.0, |row| row_height(ui, ctx, row, &widths))
                        },
                    );
                    body.heterogeneous_rows(heights.iter().copied(), |mut row| {
                        let Some(Row {
                            theme,
                            gap,
                            first_of_gap,
                            measure,
                            hidden,
                        }) = rows.get(row.index())
                        else {
                            return;
                        };
                        let theme = theme.and_then(|i| ctx.roadmap.items.themes.get(i));
                        let selected = ctx.is_selected(gap)
                            || measure.as_ref().is_some_and(|m| ctx.is_selected(m));
                        row.set_overline(theme.is_some());
                        row.set_selected(selected);
                        theme_cells(&mut row, ctx, theme, actions);
                        row.col(|ui| {
                            if *first_of_gap {
                                link(ui, ctx, gap, gap_text(ctx, gap), actions);
                            }
                        });
                        row.col(|ui| measure_cell(ui, ctx, measure.as_ref(), *hidden, actions));
                        row.col(|ui| {
                            wrap(ui);
                            if let Some(m) = measure {
                                ui.label(as_written(ctx, m));
                            }
                        });
                        for ministry in ministries {
                            row.col(|ui| {
                                if let Some(m) = measure {
                                    let code = ItemRef::Ministry(ministry.code.clone());
                                    let role = ctx
                                        .index
                                        .ministries_of_measure(m)
                                        .find(|(x, _)| **x == code)
                                        .map(|(_, role)| role);
                                    role_cell(ui, ctx, ministry, role);
                                }
                            });
                        }
                    });
                });
        });
}

/// The least width of each text column: its minimum, or the longest word of its title. Kept in
/// egui memory for the derived data's generation (which the language is part of) and the pixel
/// density.
fn title_min_widths(ui: &egui::Ui, ctx: &ViewCtx<'_>, titles: &[&str; 5]) -> Arc<[f32; 5]> {
    const MIN: [f32; 5] = [60.0, 80.0, 80.0, 120.0, 40.0];
    let key = rows::hash((ctx.generation, ui.ctx().pixels_per_point().to_bits()));
    rows::cached(
        ui.ctx(),
        Id::unique("waymark-matrix-title-widths"),
        key,
        || {
            let mut out = MIN;
            for (least, title) in out.iter_mut().zip(titles) {
                for word in title.split_whitespace() {
                    let w = WidgetText::from(RichText::new(word).strong())
                        .into_galley(
                            ui,
                            Some(TextWrapMode::Extend),
                            f32::INFINITY,
                            TextStyle::Body,
                        )
                        .size()
                        .x;
                    *least = least.max(w.ceil() + 2.0);
                }
            }
            out
        },
    )
}

/// Height of a header row whose `titles` wrap at the column `widths`: at least one line of an
/// interactive widget (the ministry headers).
fn header_height(ui: &egui::Ui, titles: &[&str], widths: &[f32]) -> f32 {
    titles
        .iter()
        .zip(widths)
        .map(|(title, width)| text_height(ui, title, *width) + 4.0)
        .fold(22.0, f32::max)
}

/// The key to the role marks.
fn legend_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(ctx.t("府省庁の役割：", "Ministry roles: "));
        for role in [Role::Lead, Role::CoLead, Role::Support] {
            ui.label(format!("{} {}", role_mark(role), role_label(ctx, role)));
        }
        ui.label(
            RichText::new(ctx.t(
                "「記載」は資料の府省庁表記そのまま",
                "\"As written\" is the ministry tag verbatim",
            ))
            .weak(),
        );
    });
}

/// The 項目 and 大論点 cells: the theme's tag and title, and its 大論点; empty below its first row.
fn theme_cells(
    row: &mut egui_extras::TableRow<'_, '_>,
    ctx: &ViewCtx<'_>,
    theme: Option<&Theme>,
    actions: &mut Vec<Action>,
) {
    let Some(theme) = theme else {
        row.col(|_| {});
        row.col(|_| {});
        return;
    };
    let theme_ref = ItemRef::Theme(theme.id.clone());
    row.col(|ui| {
        link(ui, ctx, &theme_ref, theme_text(ctx, theme), actions);
    });
    row.col(|ui| {
        wrap(ui);
        // In English the gloss first, the 大論点 as written under it.
        match theme_gloss(ctx, theme) {
            Some(en) => {
                ui.label(en);
                ui.label(RichText::new(&theme.issue).small().weak());
            }
            None => {
                ui.label(&theme.issue);
            }
        }
    });
}

/// The theme's label: its tag and title (its short English title in English).
fn theme_text(ctx: &ViewCtx<'_>, theme: &Theme) -> String {
    let theme_ref = ItemRef::Theme(theme.id.clone());
    format!(
        "{} {}",
        labels::tag(ctx.roadmap, &theme_ref, ctx.lang),
        labels::text(ctx.roadmap, &theme_ref, ctx.lang)
    )
}

/// The theme's English gloss (title and 大論点), shown in English only.
fn theme_gloss<'a>(ctx: &ViewCtx<'_>, theme: &'a Theme) -> Option<&'a str> {
    match ctx.lang {
        crate::i18n::Lang::Ja => None,
        crate::i18n::Lang::En => theme.en.as_deref(),
    }
}

/// The 対応案 cell: the measure's whole text and its further points, or why there is none.
fn measure_cell(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    measure: Option<&ItemRef>,
    hidden: usize,
    actions: &mut Vec<Action>,
) {
    wrap(ui);
    match measure {
        Some(m) => {
            let (text, details) = measure_texts(ctx, m);
            link(ui, ctx, m, text, actions);
            for d in details {
                ui.label(RichText::new(d).small().weak());
            }
        }
        None if hidden > 0 => {
            ui.label(
                RichText::new(format!(
                    "{} ({hidden})",
                    ctx.t("対応案はフィルタで非表示", "Responses hidden by the filter")
                ))
                .weak(),
            );
        }
        None => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                ctx.t("対応案なし", "No response"),
            );
        }
    }
}

/// Height of a matrix row: its tallest cell, wrapped to the column widths.
fn row_height(ui: &egui::Ui, ctx: &ViewCtx<'_>, row: &Row, widths: &[f32]) -> f32 {
    let w = |i: usize| widths.get(i).copied().unwrap_or(100.0);
    let mut h = text_height(ui, "", w(3));
    if let Some(theme) = row.theme.and_then(|i| ctx.roadmap.items.themes.get(i)) {
        let issue = match theme_gloss(ctx, theme) {
            Some(en) => {
                text_height(ui, en, w(1))
                    + small_text_height(ui, &theme.issue, w(1))
                    + ui.spacing().item_spacing.y
            }
            None => text_height(ui, &theme.issue, w(1)),
        };
        h = h
            .max(link_height(ui, &theme_text(ctx, theme), w(0)))
            .max(issue);
    }
    if row.first_of_gap {
        h = h.max(link_height(ui, &gap_text(ctx, &row.gap), w(2)));
    }
    if let Some(m) = &row.measure {
        let (text, details) = measure_texts(ctx, m);
        let mut mh = link_height(ui, &text, w(3));
        for d in &details {
            mh += small_text_height(ui, d, w(3)) + ui.spacing().item_spacing.y;
        }
        h = h.max(mh).max(text_height(ui, &as_written(ctx, m), w(4)));
    }
    h
}

/// The narrowest a ministry's column is: room for a role mark.
const MINISTRY_MIN_WIDTH: f32 = 30.0;

/// The width of each ministry's column, in the roadmap's order: room for its code whole, as
/// [`ministry_header`] shows it (codes are at most eight characters), and for a role mark. Kept in
/// egui memory for the derived data's generation and the pixel density.
pub(crate) fn ministry_widths(ui: &egui::Ui, ctx: &ViewCtx<'_>) -> Arc<Vec<f32>> {
    let key = rows::hash((ctx.generation, ui.ctx().pixels_per_point().to_bits()));
    rows::cached(ui.ctx(), Id::unique("waymark-ministry-widths"), key, || {
        let pad = 2.0 * ui.spacing().button_padding.x;
        ctx.roadmap
            .items
            .ministries
            .iter()
            .map(|m| {
                let code = WidgetText::from(m.code.as_str())
                    .into_galley(
                        ui,
                        Some(TextWrapMode::Extend),
                        f32::INFINITY,
                        TextStyle::Body,
                    )
                    .size()
                    .x;
                (code + pad).ceil().max(MINISTRY_MIN_WIDTH)
            })
            .collect()
    })
}

/// Shows a ministry column header: its code, selectable, with its full name on hover.
pub(crate) fn ministry_header(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    ministry: &crate::model::Ministry,
    actions: &mut Vec<Action>,
) {
    let r = ItemRef::Ministry(ministry.code.clone());
    let name = match ctx.lang {
        crate::i18n::Lang::Ja => &ministry.name,
        crate::i18n::Lang::En => &ministry.name_en,
    };
    ui.scope(|ui| {
        // The column is as wide as the code ([`ministry_widths`]): never elide it.
        ui.style_mut().wrap_mode = Some(TextWrapMode::Extend);
        item_link(ui, ctx, &r, ministry.code.as_str(), actions).on_hover_text(name.as_str());
    });
}

// ---- Cell helpers shared by the table views ----------------------------------------------------

/// The mark of a role: ● lead, ◎ co-lead, ○ support.
pub(crate) fn role_mark(role: Role) -> &'static str {
    match role {
        Role::Lead => "●",
        Role::CoLead => "◎",
        Role::Support => "○",
    }
}

/// The role's name in the interface language.
pub(crate) fn role_label(ctx: &ViewCtx<'_>, role: Role) -> &'static str {
    match ctx.lang {
        crate::i18n::Lang::Ja => role.label_ja(),
        crate::i18n::Lang::En => role.label_en(),
    }
}

/// Shows a ministry's role mark in a cell, with the ministry and role on hover.
pub(crate) fn role_cell(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    ministry: &crate::model::Ministry,
    role: Option<Role>,
) {
    if let Some(role) = role {
        let name = match ctx.lang {
            crate::i18n::Lang::Ja => &ministry.name,
            crate::i18n::Lang::En => &ministry.name_en,
        };
        ui.label(role_mark(role))
            .on_hover_text(format!("{name}: {}", role_label(ctx, role)));
    }
}

/// Makes text in this cell wrap at the cell's width.
pub(crate) fn wrap(ui: &mut egui::Ui) {
    ui.style_mut().wrap_mode = Some(TextWrapMode::Wrap);
}

/// [`item_link`] that wraps, and is drawn weak when the item is away from the selection.
pub(crate) fn link(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    text: impl Into<String>,
    actions: &mut Vec<Action>,
) -> egui::Response {
    ui.scope(|ui| {
        wrap(ui);
        if ctx.is_dimmed(item) {
            ui.visuals_mut().override_text_color = Some(ui.visuals().weak_text_color());
        }
        item_link(ui, ctx, item, text.into(), actions)
    })
    .inner
}

/// Height of `text` wrapped at `width` in the body font.
pub(crate) fn text_height(ui: &egui::Ui, text: &str, width: f32) -> f32 {
    WidgetText::from(text)
        .into_galley(ui, Some(TextWrapMode::Wrap), width, TextStyle::Body)
        .size()
        .y
        .max(ui.text_style_height(&TextStyle::Body))
}

/// Height of small text wrapped at `width`.
fn small_text_height(ui: &egui::Ui, text: &str, width: f32) -> f32 {
    WidgetText::from(RichText::new(text).small())
        .into_galley(ui, Some(TextWrapMode::Wrap), width, TextStyle::Small)
        .size()
        .y
}

/// Height of a [`link`] showing `text` in a cell `width` wide.
pub(crate) fn link_height(ui: &egui::Ui, text: &str, width: f32) -> f32 {
    let pad = ui.spacing().button_padding;
    text_height(ui, text, width - 2.0 * pad.x) + 2.0 * pad.y + 2.0
}
