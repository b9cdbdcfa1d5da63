//! Coverage: what is still unaddressed or unassigned, who carries how much, and which KPIs lag.
//!
//! Reads the coverage report of the whole roadmap and lists only the entries that pass the filter,
//! saying how many the filter hides. Every entry selects its item when clicked.
//!
//! The report's entries become rows once per generation of the derived data ([`Row`]), under a
//! fold header per finding; only the rows in view are drawn ([`super::rows`]).

use std::sync::Arc;

use egui::{Id, IdSalt, RichText, Sense, Ui, vec2};

use super::matrix::{link, role_label, role_mark, text_height, wrap};
use super::rows::{self, Rows, Stack, fold_header, link_height};
use super::{ViewCtx, item_link};
use crate::action::Action;
use crate::analysis::coverage::Load;
use crate::analysis::labels;
use crate::model::{ItemRef, Role};

/// The findings, in the order shown; each is a fold header with its rows under it.
const SECTIONS: usize = 6;
/// The section of the ministries' load.
const LOAD: usize = 4;

/// One row of the report.
enum Row {
    /// A finding's header, with its counts.
    Header(String),
    /// An item the finding lists.
    Item(ItemRef, String),
    /// The finding lists nothing (at all, or that passes the filter).
    Empty(&'static str),
    /// The ministries' load, as one table.
    Load(Vec<LoadRow>),
    /// A KPI behind its target, with how far.
    Lagging(ItemRef, String, String),
}

/// One ministry's line of the load table.
struct LoadRow {
    item: ItemRef,
    label: String,
    code: String,
    load: Load,
}

/// The report as rows, each with the section it belongs to.
struct Report {
    rows: Vec<(usize, Row)>,
    /// The largest load, for the bars' scale.
    max_load: usize,
}

/// Shows the coverage report, one fold section per finding.
pub fn coverage_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("カバレッジ", "Coverage"));
    if ctx.scenarios.comparison.is_some() {
        super::scenarios::coverage_consequences_ui(ui, ctx, actions);
    }
    let report: Arc<Report> = rows::cached(
        ui.ctx(),
        Id::unique("waymark-coverage"),
        ctx.generation,
        || report(ctx),
    );
    let open: [bool; SECTIONS] = std::array::from_fn(|s| rows::is_open(ui, fold_id(s)));
    let mut list = List {
        ctx,
        report: &report,
        open,
        actions,
    };
    rows::show(ui, "coverage", ctx.generation, &mut list);
}

/// The ID under which section `s` remembers whether it is open.
fn fold_id(s: usize) -> Id {
    Id::unique(("waymark-coverage-open", s))
}

/// A section heading with the count shown and, when the filter hides some, how many.
fn heading(ctx: &ViewCtx<'_>, title: &str, shown: usize, total: usize) -> String {
    if shown == total {
        format!("{title} ({total})")
    } else {
        format!(
            "{title} ({shown} / {total}, {})",
            ctx.t("残りはフィルタで非表示", "the rest hidden by the filter")
        )
    }
}

fn empty(ctx: &ViewCtx<'_>, total: usize) -> &'static str {
    if total == 0 {
        ctx.t("該当なし", "None")
    } else {
        ctx.t(
            "フィルタに該当するものはありません",
            "None passes the filter",
        )
    }
}

fn report(ctx: &ViewCtx<'_>) -> Report {
    let c = ctx.coverage;
    let mut rows = Vec::new();
    let lists = [
        (
            ctx.t("対応する施策のない論点", "Gaps with no measure"),
            &c.unaddressed_gaps,
        ),
        (
            ctx.t(
                "担当府省庁のない施策",
                "Measures with no responsible ministry",
            ),
            &c.measures_without_ministry,
        ),
        (
            ctx.t("期間のない施策", "Measures with no span"),
            &c.measures_without_span,
        ),
        (
            ctx.t("期間が仮定の施策", "Measures with an assumed span"),
            &c.measures_with_assumed_span,
        ),
    ];
    for (s, (title, items)) in lists.into_iter().enumerate() {
        let shown: Vec<&ItemRef> = items.iter().filter(|r| ctx.visible.contains(r)).collect();
        rows.push((
            s,
            Row::Header(heading(ctx, title, shown.len(), items.len())),
        ));
        if shown.is_empty() {
            rows.push((s, Row::Empty(empty(ctx, items.len()))));
        }
        for r in shown {
            let tag = labels::tag(ctx.roadmap, r, ctx.lang);
            let text = labels::text(ctx.roadmap, r, ctx.lang);
            let label = if tag == r.id_str() {
                text
            } else {
                format!("{tag} {text}")
            };
            rows.push((s, Row::Item(r.clone(), label)));
        }
    }
    let (load, max_load) = load_rows(ctx);
    rows.push((
        LOAD,
        Row::Header(format!(
            "{} ({})",
            ctx.t("府省庁ごとの担当数", "Ministries' load"),
            ctx.coverage.load.len()
        )),
    ));
    rows.push((
        LOAD,
        if ctx.coverage.load.is_empty() {
            Row::Empty(empty(ctx, 0))
        } else {
            Row::Load(load)
        },
    ));
    let s = LOAD + 1;
    let all = &c.lagging_kpis;
    let shown: Vec<_> = all
        .iter()
        .filter(|k| ctx.visible.contains(&k.kpi))
        .collect();
    rows.push((
        s,
        Row::Header(heading(
            ctx,
            ctx.t("目標に遅れているKPI", "KPIs behind target"),
            shown.len(),
            all.len(),
        )),
    ));
    if shown.is_empty() {
        rows.push((s, Row::Empty(empty(ctx, all.len()))));
    }
    for k in shown {
        let detail = format!(
            "{} {} · {} {:.1} · {} {}",
            ctx.t("最新", "latest"),
            k.latest,
            ctx.t("現時点の見込み", "expected by now"),
            k.expected,
            ctx.t("目標", "target"),
            k.target
        );
        let label = labels::text(ctx.roadmap, &k.kpi, ctx.lang);
        rows.push((s, Row::Lagging(k.kpi.clone(), label, detail)));
    }
    Report { rows, max_load }
}

/// The ministries' lines of the load table, in their document order, then any code only links
/// name; and the largest total.
fn load_rows(ctx: &ViewCtx<'_>) -> (Vec<LoadRow>, usize) {
    let load = &ctx.coverage.load;
    let max = load.values().map(Load::total).max().unwrap_or(0).max(1);
    let mut codes: Vec<_> = ctx
        .roadmap
        .items
        .ministries
        .iter()
        .map(|m| m.code.clone())
        .collect();
    let known: std::collections::BTreeSet<_> = codes.iter().cloned().collect();
    codes.extend(load.keys().filter(|k| !known.contains(*k)).cloned());
    let rows = codes
        .into_iter()
        .filter_map(|code| {
            let l = load.get(&code)?;
            let item = ItemRef::Ministry(code.clone());
            if !ctx.visible.contains(&item) {
                return None;
            }
            Some(LoadRow {
                label: format!("{} {}", code, labels::text(ctx.roadmap, &item, ctx.lang)),
                code: code.to_string(),
                item,
                load: l.clone(),
            })
        })
        .collect();
    (rows, max)
}

struct List<'a, 'c> {
    ctx: &'c ViewCtx<'a>,
    report: &'c Report,
    /// Which sections are open.
    open: [bool; SECTIONS],
    actions: &'c mut Vec<Action>,
}

impl Rows for List<'_, '_> {
    fn len(&self) -> usize {
        self.report.rows.len()
    }

    fn id(&self, i: usize) -> IdSalt {
        match &self.report.rows[i] {
            (s, Row::Item(r, _) | Row::Lagging(r, _, _)) => {
                IdSalt::new(("coverage", s, r.id_str()))
            }
            (s, _) => IdSalt::new(("coverage", s, i)),
        }
    }

    fn height(&self, ui: &Ui, i: usize, width: f32) -> f32 {
        let s = ui.spacing();
        let w = width - s.indent;
        match &self.report.rows[i].1 {
            Row::Header(title) => s.interact_size.y.max(text_height(ui, title, w)),
            Row::Item(_, label) => link_height(ui, label, w),
            Row::Empty(text) => text_height(ui, text, w),
            Row::Load(lines) => {
                // A header line of names, then a line per ministry, each on one line as tall as
                // a grid's line.
                let lines = lines.len() as f32 + 1.0;
                lines * s.interact_size.y + (lines - 1.0) * s.item_spacing.y
            }
            Row::Lagging(_, label, detail) => {
                let mut h = Stack::new(ui);
                h.add(link_height(ui, label, w));
                h.add(text_height(ui, detail, w - s.indent));
                h.height()
            }
        }
    }

    fn draw(&mut self, ui: &mut Ui, i: usize) {
        wrap(ui);
        let ctx = self.ctx;
        let actions = &mut *self.actions;
        let (s, row) = &self.report.rows[i];
        if let Row::Header(title) = row {
            fold_header(ui, fold_id(*s), RichText::new(title).strong());
            return;
        }
        ui.indent(("coverage-row", i), |ui| match row {
            Row::Header(_) => {}
            Row::Item(r, label) => {
                link(ui, ctx, r, label.as_str(), actions);
            }
            Row::Empty(text) => {
                ui.label(RichText::new(*text).weak());
            }
            Row::Load(lines) => load_ui(ui, ctx, lines, self.report.max_load, actions),
            Row::Lagging(kpi, label, detail) => {
                link(ui, ctx, kpi, label.as_str(), actions);
                ui.indent(("lagging", kpi.id_str()), |ui| {
                    ui.label(RichText::new(detail).weak());
                });
            }
        });
    }

    fn folds(&self) -> u64 {
        rows::hash(self.open)
    }

    fn shown(&self, i: usize) -> bool {
        let (s, row) = &self.report.rows[i];
        matches!(row, Row::Header(_)) || self.open[*s]
    }
}

/// The ministries' load: counts by role and a stacked bar.
fn load_ui(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    lines: &[LoadRow],
    max: usize,
    actions: &mut Vec<Action>,
) {
    let colours = [
        ui.visuals().selection.bg_fill,
        ui.visuals().selection.bg_fill.gamma_multiply(0.6),
        ui.visuals().weak_text_color(),
    ];
    // Short names and numbers: each cell on one line (a wrapping name would take the width of
    // the column's heading and stand one character to a line).
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    egui::Grid::new("coverage-load")
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            ui.strong(ctx.t("府省庁", "Ministry"));
            for role in [Role::Lead, Role::CoLead, Role::Support] {
                ui.strong(format!("{} {}", role_mark(role), role_label(ctx, role)));
            }
            ui.strong(ctx.t("計", "Total"));
            ui.label("");
            ui.end_row();
            for line in lines {
                let l = &line.load;
                ui.scope(|ui| {
                    if ctx.is_dimmed(&line.item) {
                        ui.visuals_mut().override_text_color = Some(ui.visuals().weak_text_color());
                    }
                    item_link(ui, ctx, &line.item, line.label.as_str(), actions);
                });
                ui.label(l.lead.to_string());
                ui.label(l.co_lead.to_string());
                ui.label(l.support.to_string());
                ui.label(l.total().to_string());
                // A stacked bar: lead, co-lead, support.
                let full = 160.0;
                let (rect, resp) = ui.allocate_exact_size(vec2(full, 12.0), Sense::hover());
                let mut x = rect.left();
                for (n, colour) in [l.lead, l.co_lead, l.support].into_iter().zip(colours) {
                    let w = full * n as f32 / max as f32;
                    let seg = egui::Rect::from_min_size(
                        egui::pos2(x, rect.top()),
                        vec2(w, rect.height()),
                    );
                    ui.painter().rect_filled(seg, 0.0, colour);
                    x += w;
                }
                resp.on_hover_text(format!(
                    "{}: {} {} / {} {} / {} {}",
                    line.code,
                    role_label(ctx, Role::Lead),
                    l.lead,
                    role_label(ctx, Role::CoLead),
                    l.co_lead,
                    role_label(ctx, Role::Support),
                    l.support
                ));
                ui.end_row();
            }
        });
}
