//! The key above the timeline: how timing's provenance is drawn, the marks of target states,
//! events, KPI deadlines and gaps without timing, today's line and editorial links.

use egui::{Rect, Sense, Stroke, TextStyle, Vec2};

use super::glyphs::{
    paint_bar, paint_diamond, paint_flag, paint_star, paint_unaddressed, paint_untimed,
};
use crate::model::{ItemKind, Provenance};
use crate::ui::ViewCtx;
use crate::ui::linkage::{kind_color, link_color, paint_line_sample};

/// One entry: a sample of `sample_size` drawn by `paint`, then `words`, kept together on one line
/// (the legend wraps between entries, not inside one).
fn entry(
    ui: &mut egui::Ui,
    sample_size: Vec2,
    words: &str,
    paint: impl FnOnce(&mut egui::Ui, Rect),
) -> egui::Response {
    let galley = ui.painter().layout_no_wrap(
        words.to_owned(),
        TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
    );
    let needed = sample_size.x + ui.spacing().item_spacing.x + galley.size().x;
    if needed > ui.available_rect_before_wrap().width() {
        ui.end_row();
    }
    let (r, _) = ui.allocate_exact_size(sample_size, Sense::hover());
    paint(ui, r);
    let response = ui.label(galley);
    ui.add_space(8.0);
    response
}

/// Shows the legend, wrapping to the width between entries.
pub(super) fn legend_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
    let dark = ui.visuals().dark_mode;
    let measure = kind_color(ItemKind::Measure, dark);
    let gap = kind_color(ItemKind::Gap, dark);
    let warning = ui.visuals().error_fg_color;
    let placed = ctx.t(
        "出典資料の日付（日付がなければロードマップの始期）に表示。論点の時期を示すものではない",
        "Shown at the date of its source document (or the start of the horizon when it has \
         none); not a timing of the gap",
    );
    let mark = Vec2::splat(14.0);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (provenance, ja, en) in [
            (Provenance::Stated, "出典記載の期間", "stated timing"),
            (Provenance::Assumed, "仮定の期間", "assumed timing"),
            (Provenance::Editorial, "編集判断の期間", "editorial timing"),
        ] {
            entry(ui, Vec2::new(28.0, 12.0), ctx.t(ja, en), |ui, r| {
                paint_bar(ui.painter(), r, measure, provenance);
            });
        }
        entry(
            ui,
            mark,
            ctx.t("目指すべき姿", "target state"),
            |ui, r| {
                paint_star(
                    ui.painter(),
                    r.center(),
                    14.0,
                    kind_color(ItemKind::Target, dark),
                );
            },
        );
        entry(ui, mark, ctx.t("出来事", "event"), |ui, r| {
            paint_diamond(
                ui.painter(),
                r.center(),
                5.0,
                kind_color(ItemKind::Event, dark),
            );
        });
        entry(
            ui,
            mark,
            ctx.t("KPI期限（年度末）", "KPI deadline (end of FY)"),
            |ui, r| {
                paint_flag(
                    ui.painter(),
                    r.center_bottom(),
                    13.0,
                    kind_color(ItemKind::Kpi, dark),
                );
            },
        );
        entry(
            ui,
            mark,
            ctx.t("未対応の論点", "unaddressed gap"),
            |ui, r| {
                paint_unaddressed(ui.painter(), r.center(), 5.5, warning);
            },
        )
        .on_hover_text(format!(
            "{}\n{placed}",
            ctx.t("対応する施策がない論点", "A gap no measure answers")
        ));
        entry(
            ui,
            mark,
            ctx.t("時期の記載がない論点", "gap without timing"),
            |ui, r| paint_untimed(ui.painter(), r.center(), 6.0, gap),
        )
        .on_hover_text(format!(
            "{}\n{placed}",
            ctx.t(
                "対応する施策はあるが、どれにも期間の記載がない論点",
                "A gap whose measures give no timing"
            )
        ));
        entry(
            ui,
            Vec2::new(10.0, 14.0),
            ctx.t("今日", "today"),
            |ui, r| {
                ui.painter()
                    .vline(r.center().x, r.y_range(), Stroke::new(2.0, warning));
            },
        );
        entry(
            ui,
            Vec2::new(28.0, 12.0),
            ctx.t("編集判断のつながり", "editorial link"),
            |ui, r| {
                let color = link_color(Provenance::Editorial, dark);
                paint_line_sample(ui.painter(), r, color, 1.5, true);
            },
        );
    });
}
