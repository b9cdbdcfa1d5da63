//! Scenarios in the explorer: the bar that picks the scenario shown and the one it is compared
//! with, creates, copies, renames and deletes scenarios; the comparison panel (what moved, and
//! what follows for the target states, the gaps and the ministries); and, in the inspector, a
//! measure's value in the scenario beside the plan's, with a reset.

use std::fmt::Write as _;

use crate::action::Action;
use crate::analysis::labels;
use crate::analysis::scenario::{Basis, ScenarioComparison, override_of};
use crate::edit::{Edit, ItemKey, ItemValue};
use crate::model::{FySpan, ItemRef, MeasureId, Roadmap, Scenario, Status};

use super::ViewCtx;
use super::editor::fields::{choice, text_field};
use super::item_link;

/// The names of the plan and of every scenario of `plan`, as choices.
fn bases(ctx: &ViewCtx<'_>, plan: &Roadmap) -> Vec<(Basis, String)> {
    std::iter::once((Basis::Plan, ctx.t("計画", "Plan").to_owned()))
        .chain(
            plan.items
                .scenarios
                .iter()
                .map(|s| (Basis::Scenario(s.id.clone()), s.name.clone())),
        )
        .collect()
}

/// The scenario bar: the scenario shown, what it is compared with, and (when editable) new,
/// copy and delete, and the shown scenario's name and description.
pub fn scenario_bar_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let plan = ctx.scenarios.plan_or(ctx.roadmap);
    let bases = bases(ctx, plan);
    let shown = ctx
        .scenarios
        .shown
        .map_or(Basis::Plan, |s| Basis::Scenario(s.id.clone()));
    let compared = ctx.scenarios.comparison.map(|c| c.from.clone());
    ui.horizontal_wrapped(|ui| {
        let options: Vec<(Basis, &str)> =
            bases.iter().map(|(b, n)| (b.clone(), n.as_str())).collect();
        if let Some(b) = choice(
            ui,
            ("scenario", "shown"),
            ctx.t("シナリオ", "Scenario"),
            &shown,
            &options,
        ) {
            actions.push(Action::SetScenario(b));
        }
        let none = ctx.t("比較しない", "No comparison");
        let mut with: Vec<(Option<Basis>, &str)> = vec![(None, none)];
        with.extend(
            options
                .iter()
                .filter(|(b, _)| *b != shown)
                .map(|(b, n)| (Some(b.clone()), *n)),
        );
        if let Some(b) = choice(
            ui,
            ("scenario", "compare"),
            ctx.t("比較対象", "Compare with"),
            &compared,
            &with,
        ) {
            actions.push(Action::SetComparison(b));
        }
        if !ctx.editable {
            return;
        }
        ui.separator();
        if ui
            .button(ctx.t("＋ 新しいシナリオ", "+ New scenario"))
            .on_hover_text(ctx.t(
                "今の計画から始めるシナリオを作る",
                "A scenario starting from the plan as it stands",
            ))
            .clicked()
        {
            actions.push(Action::CreateScenario(None));
        }
        if let Some(s) = ctx.scenarios.shown {
            if ui.button(ctx.t("複製", "Duplicate")).clicked() {
                actions.push(Action::CreateScenario(Some(s.id.clone())));
            }
            if ui
                .button(ctx.t("シナリオを削除", "Delete scenario"))
                .clicked()
            {
                actions.push(Action::Edit(Box::new(Edit::Remove(ItemKey::Scenario(
                    s.id.clone(),
                )))));
            }
        }
    });
    if let (Some(s), true) = (ctx.scenarios.shown, ctx.editable) {
        describe_ui(ui, ctx, s, actions);
    }
}

/// The shown scenario's name and description, each committed when its field loses focus.
fn describe_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, s: &Scenario, actions: &mut Vec<Action>) {
    let width = (ui.available_width() - 16.0).max(200.0);
    let replace = |change: &dyn Fn(&mut Scenario)| {
        let mut s = s.clone();
        change(&mut s);
        Action::Edit(Box::new(Edit::Replace(ItemValue::Scenario(s))))
    };
    ui.horizontal(|ui| {
        ui.allocate_ui(egui::vec2(width * 0.3, 24.0), |ui| {
            ui.horizontal(|ui| {
                if let Some(name) = text_field(
                    ui,
                    ("scenario-name", s.id.as_str()),
                    ctx.t("名前", "Name"),
                    &s.name,
                    false,
                ) {
                    actions.push(replace(&|s| s.name.clone_from(&name)));
                }
            });
        });
        ui.allocate_ui(egui::vec2(width * 0.7, 24.0), |ui| {
            ui.horizontal(|ui| {
                let current = s.description.as_deref().unwrap_or_default();
                if let Some(text) = text_field(
                    ui,
                    ("scenario-description", s.id.as_str()),
                    ctx.t("前提", "Assumes"),
                    current,
                    false,
                ) {
                    let text = (!text.trim().is_empty()).then_some(text);
                    actions.push(replace(&|s| s.description.clone_from(&text)));
                }
            });
        });
    });
}

/// A span as the interface writes it, or a dash.
fn span_text(span: Option<&FySpan>) -> String {
    span.map_or_else(|| "—".to_owned(), ToString::to_string)
}

fn status_text(ctx: &ViewCtx<'_>, status: &Status) -> &'static str {
    ctx.t(status.label_ja(), status.label_en())
}

/// In the inspector, for a measure while a scenario is shown: its span and status in the
/// scenario beside the plan's, and (when editable and overridden) a reset to the plan's.
pub fn measure_scenario_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id: &MeasureId,
    actions: &mut Vec<Action>,
) {
    let (Some(s), Some(plan)) = (ctx.scenarios.shown, ctx.scenarios.plan) else {
        return;
    };
    let (Some(planned), Some(seen)) = (plan.measure(id), ctx.roadmap.measure(id)) else {
        return;
    };
    ui.label(
        egui::RichText::new(format!("{}「{}」", ctx.t("シナリオ", "Scenario "), s.name)).strong(),
    );
    egui::Grid::new(("scenario-vs-plan", id.as_str()))
        .num_columns(3)
        .show(ui, |ui| {
            ui.label("");
            ui.label(egui::RichText::new(ctx.t("シナリオ", "Scenario")).weak());
            ui.label(egui::RichText::new(ctx.t("計画", "Plan")).weak());
            ui.end_row();
            ui.label(ctx.t("期間", "Span"));
            ui.label(span_text(seen.span.as_ref()));
            ui.label(span_text(planned.span.as_ref()));
            ui.end_row();
            ui.label(ctx.t("状況", "Status"));
            ui.label(status_text(ctx, &seen.status));
            ui.label(status_text(ctx, &planned.status));
            ui.end_row();
        });
    if override_of(s, id).is_none() {
        ui.label(egui::RichText::new(ctx.t("計画と同じ", "Same as the plan")).weak());
    } else if ctx.editable
        && ui
            .button(ctx.t("計画に戻す", "Reset to the plan"))
            .on_hover_text(ctx.t(
                "このシナリオでの期間と状況の変更を取り消す",
                "Drop this scenario's change of the span and status",
            ))
            .clicked()
    {
        match crate::edit::scenario::reset_override(plan, &s.id, id) {
            Ok(edit) => actions.push(Action::Edit(Box::new(edit))),
            Err(e) => actions.push(Action::Refused(e)),
        }
    }
    ui.separator();
}

/// The comparison panel: what moved between the two sides (each entry selects its measure) and
/// its consequences for the target states, the gaps and the ministries' load.
pub fn comparison_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let Some(c) = ctx.scenarios.comparison else {
        return;
    };
    let plan = ctx.scenarios.plan_or(ctx.roadmap);
    let from = c.from.name(plan, ctx.lang);
    let to = c.to.name(plan, ctx.lang);
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("{}：{from} → {to}", ctx.t("比較", "Comparison")));
        ui.label(match (c.moves.len(), ctx.lang) {
            (0, _) => ctx.t("違いはありません", "No differences").to_owned(),
            (n, crate::i18n::Lang::Ja) => format!("{n} 件の施策が異なる"),
            (n, crate::i18n::Lang::En) => format!("{n} measures differ"),
        });
        if ui
            .button(ctx.t("比較を閉じる", "Close comparison"))
            .clicked()
        {
            actions.push(Action::SetComparison(None));
        }
    });
    if c.is_empty() {
        return;
    }
    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("comparison-moves")
            .auto_shrink([false, false])
            .show(&mut cols[0], |ui| moves_ui(ui, ctx, c, actions));
        egui::ScrollArea::vertical()
            .id_salt("comparison-consequences")
            .auto_shrink([false, false])
            .show(&mut cols[1], |ui| consequences_ui(ui, ctx, c, actions));
    });
}

fn moves_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    c: &ScenarioComparison,
    actions: &mut Vec<Action>,
) {
    ui.label(egui::RichText::new(ctx.t("違い", "Differences")).strong());
    for m in &c.moves {
        let item = ItemRef::Measure(m.measure.clone());
        let mut text = format!(
            "{}　{} → {}",
            labels::short(ctx.roadmap, &item, ctx.lang, 36),
            span_text(m.from_span.as_ref()),
            span_text(m.to_span.as_ref())
        );
        let delta = m.delta_label();
        if !delta.is_empty() {
            write!(text, "（{delta}）").ok();
        }
        if m.from_status != m.to_status {
            write!(
                text,
                "　{} → {}",
                status_text(ctx, &m.from_status),
                status_text(ctx, &m.to_status)
            )
            .ok();
        }
        item_link(ui, ctx, &item, text, actions);
    }
}

/// In the coverage view, while comparing: what the comparison leaves uncovered in time, in a
/// section that folds.
pub fn coverage_consequences_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let Some(c) = ctx.scenarios.comparison else {
        return;
    };
    let plan = ctx.scenarios.plan_or(ctx.roadmap);
    let title = format!(
        "{}：{} → {}",
        ctx.t("比較の影響", "Consequences of the comparison"),
        c.from.name(plan, ctx.lang),
        c.to.name(plan, ctx.lang)
    );
    egui::CollapsingHeader::new(title)
        .id_salt("coverage-comparison")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("coverage-comparison-scroll")
                .max_height(220.0)
                .show(ui, |ui| consequences_ui(ui, ctx, c, actions));
        });
}

fn consequences_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    c: &ScenarioComparison,
    actions: &mut Vec<Action>,
) {
    let r = ctx.roadmap;
    ui.label(
        egui::RichText::new(ctx.t("目指すべき姿への影響", "Consequences for the target states"))
            .strong(),
    );
    if c.targets.is_empty() {
        ui.label(ctx.t(
            "期限後に終わる施策はありません",
            "No contributing measure ends after its horizon",
        ));
    }
    for t in &c.targets {
        let item = ItemRef::Target(t.target.clone());
        item_link(
            ui,
            ctx,
            &item,
            labels::short(r, &item, ctx.lang, 44),
            actions,
        );
        for l in &t.late {
            let m = ItemRef::Measure(l.measure.clone());
            let from = l
                .from_end_fy
                .map_or_else(|| "—".to_owned(), |e| format!("FY{e}"));
            let mark = if l.newly { "▲ " } else { "" };
            let text = format!(
                "　{mark}{}　{} {from} → FY{}",
                labels::short(r, &m, ctx.lang, 30),
                ctx.t("終了", "ends"),
                l.to_end_fy,
            );
            item_link(ui, ctx, &m, text, actions);
        }
    }
    if !c.gaps.is_empty() {
        ui.add_space(4.0);
        ui.label(
            egui::RichText::new(ctx.t("期限内に対応される論点", "Gaps answered in time")).strong(),
        );
        for g in &c.gaps {
            let item = ItemRef::Gap(g.gap.clone());
            let yes_no = |b: bool| {
                if b {
                    ctx.t("あり", "yes")
                } else {
                    ctx.t("なし", "no")
                }
            };
            let text = format!(
                "{}　{}{}: {} → {}",
                labels::short(r, &item, ctx.lang, 30),
                g.horizon_year,
                ctx.t("年まで", " by"),
                yes_no(g.from_answered),
                yes_no(g.to_answered)
            );
            item_link(ui, ctx, &item, text, actions);
        }
    }
    if !c.loads.is_empty() {
        ui.add_space(4.0);
        ui.label(
            egui::RichText::new(ctx.t(
                "府省庁の年度別の施策数",
                "Measures per ministry and fiscal year",
            ))
            .strong(),
        );
        for l in &c.loads {
            let years: Vec<String> = l
                .changed_years()
                .map(|(fy, a, b)| format!("FY{fy} {a}→{b}"))
                .collect();
            let item = ItemRef::Ministry(l.ministry.clone());
            let text = format!("{}　{}", l.ministry, years.join(", "));
            item_link(ui, ctx, &item, text, actions);
        }
    }
}
