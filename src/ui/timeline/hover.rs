//! What hovering a bar or marker tells: the item's tag and whole text, its timing with the
//! provenance of that timing, and for a gap without timing of its own why it stands where it does.

use crate::analysis::labels;
use crate::analysis::timeline::{Anchor, Lane, Marker, MarkerKind};
use crate::analysis::timeline_view::{reiwa_label, span_label};
use crate::i18n::Lang;
use crate::model::{ItemRef, Provenance};
use crate::ui::ViewCtx;
use crate::ui::linkage::item_tag;

/// The hover of a bar.
pub(super) fn bar_hover_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    lane: &Lane,
    start: f64,
    end: f64,
    provenance: Provenance,
    item: &ItemRef,
) {
    ui.set_max_width(440.0);
    let roadmap = ctx.roadmap;
    let lang = ctx.lang;
    ui.strong(item_tag(ctx, item));
    ui.label(labels::text(roadmap, item, lang));
    ui.separator();
    let start_fy = start.floor() as i32;
    let end_fy = (end - 1.0).round() as i32;
    ui.label(format!(
        "{}（{}）",
        span_label(start_fy, end_fy, lang),
        lang.pick(provenance.label_ja(), provenance.label_en())
    ));
    match item {
        ItemRef::Measure(id) => {
            if let Some(basis) = roadmap
                .measure(id)
                .and_then(|m| m.span.as_ref())
                .and_then(|s| s.basis.as_ref())
            {
                ui.weak(basis);
            }
            let ministries: Vec<String> = ctx
                .index
                .ministries_of_measure(item)
                .map(|(m, role)| {
                    format!(
                        "{}（{}）",
                        labels::tag(roadmap, m, lang),
                        lang.pick(role.label_ja(), role.label_en())
                    )
                })
                .collect();
            if !ministries.is_empty() {
                ui.label(format!(
                    "{}: {}",
                    ctx.t("担当府省庁", "Responsible"),
                    ministries.join("、")
                ));
            }
        }
        ItemRef::Gap(_) => {
            ui.weak(ctx.t(
                "期間は対応する施策の期間から求めたもの",
                "Span taken from the measures that answer it",
            ));
        }
        _ => {}
    }
    ui.weak(format!("{}: {}", ctx.t("レーン", "Lane"), lane.title));
}

/// The hover of a marker.
pub(super) fn marker_hover_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, marker: &Marker) {
    ui.set_max_width(440.0);
    let item = &marker.item;
    let roadmap = ctx.roadmap;
    let lang = ctx.lang;
    let it = &roadmap.items;
    ui.strong(labels::tag(roadmap, item, lang));
    ui.label(labels::text(roadmap, item, lang));
    ui.separator();
    match item {
        ItemRef::Target(id) => {
            if let Some(t) = it.target_states.iter().find(|t| &t.id == id) {
                ui.label(format!(
                    "{}: {}",
                    ctx.t("目標年", "Horizon"),
                    t.horizon_year
                ));
                ui.weak(lang.pick(t.provenance.label_ja(), t.provenance.label_en()));
            }
        }
        ItemRef::Event(id) => {
            if let Some(e) = it.events.iter().find(|e| &e.id == id) {
                let fy = e.when.fiscal_year();
                ui.label(format!(
                    "{}（{}）",
                    e.when,
                    reiwa_label(fy, true).unwrap_or_else(|| format!("FY{fy}"))
                ));
                if let Some(text) = &e.text {
                    ui.label(text);
                }
                ui.weak(lang.pick(e.provenance.label_ja(), e.provenance.label_en()));
            }
        }
        ItemRef::Kpi(id) => {
            if let Some(k) = it.kpis.iter().find(|k| &k.id == id) {
                if let Some(t) = &k.target {
                    ui.label(format!(
                        "{}: {}（{}）",
                        ctx.t("期限", "Deadline"),
                        span_label(t.deadline_fy, t.deadline_fy, lang),
                        t.text
                    ));
                }
                if let Some(l) = &k.latest {
                    ui.label(format!(
                        "{}: {}（FY{}）",
                        ctx.t("最新値", "Latest"),
                        l.text,
                        l.as_of_fy
                    ));
                }
            }
        }
        _ => match marker.kind {
            MarkerKind::Dated => {
                ui.label(format!("{:.1}", marker.at));
            }
            MarkerKind::Unaddressed(anchor) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    ctx.t(
                        "未対応：対応する施策がない",
                        "Unaddressed: no measure answers it",
                    ),
                );
                anchor_ui(ui, ctx, item, anchor);
            }
            MarkerKind::Untimed(anchor) => {
                let n = ctx.index.measures_of_gap(item).count();
                ui.label(match ctx.lang {
                    Lang::Ja => {
                        format!("対応する施策（{n}件）のどれにも期間の記載がない")
                    }
                    Lang::En => {
                        format!("None of the {n} measures that answer it gives a timing")
                    }
                });
                anchor_ui(ui, ctx, item, anchor);
            }
        },
    }
}

/// Why a gap without timing of its own stands where it does.
fn anchor_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: &ItemRef, anchor: Anchor) {
    let lang = ctx.lang;
    match anchor {
        Anchor::SourceDate => {
            let source = match item {
                ItemRef::Gap(id) => ctx
                    .roadmap
                    .gap(id)
                    .and_then(|g| g.source.as_ref())
                    .and_then(|s| ctx.roadmap.source(&s.doc)),
                _ => None,
            };
            if let Some(s) = source
                && let Some(date) = &s.date
            {
                let provenance =
                    lang.pick(s.date_provenance.label_ja(), s.date_provenance.label_en());
                ui.weak(match lang {
                    Lang::Ja => format!(
                        "出典資料の日付（{date}、{provenance}）に表示：{}。論点の時期を示すものではない。",
                        s.title
                    ),
                    Lang::En => format!(
                        "Shown at the date of its source ({date}, {provenance}): {}. Not a timing \
                         of the gap.",
                        s.title
                    ),
                });
            }
        }
        Anchor::HorizonStart => {
            ui.weak(ctx.t(
                "出典資料に日付がないため、ロードマップの始期に表示。論点の時期を示すものではない。",
                "Its source gives no date: shown at the start of the horizon. Not a timing of the \
                 gap.",
            ));
        }
    }
}
