//! A KPI's form: name, kind, unit, target, latest value, actuals year by year, grade,
//! assessment, remarks, gloss, source, the KPI it breaks down, and the measures it measures.

use crate::action::Action;
use crate::edit;
use crate::model::{
    Comparison, ItemRef, Kpi, KpiActual, KpiId, KpiKind, KpiLatest, KpiTarget, LinkType,
};

use super::super::ViewCtx;
use super::fields::Form;
use super::links::{Relation, relation_ui};
use super::rows::row_buttons;

/// Shows the form of KPI `id`.
pub fn kpi_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &KpiId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    let Some(k) = r.kpi(id) else { return };
    let mut f = Form::new(ctx, &mut *actions, id, id.as_str(), edit::edit_kpi);
    f.text(ui, ctx.t("指標名", "Name"), &k.name, false, |k, v| {
        k.name = v;
    });
    let kinds = [
        (KpiKind::Output, ctx.t("アウトプット", "Output")),
        (KpiKind::Outcome, ctx.t("アウトカム", "Outcome")),
    ];
    f.choice(ui, ctx.t("種別", "Kind"), &k.kind, &kinds, |k, v| {
        k.kind = v;
    });
    f.text(ui, ctx.t("単位", "Unit"), &k.unit, false, |k, v| {
        k.unit = v;
    });
    target_ui(ui, &mut f, k);
    latest_ui(ui, &mut f, k);
    actuals_ui(ui, &mut f, &k.actuals);
    f.opt_text(
        ui,
        ctx.t("評価", "Grade"),
        k.grade.as_deref(),
        false,
        |k, v| k.grade = v,
    );
    f.opt_text(
        ui,
        ctx.t("進捗の詳細", "Assessment"),
        k.assessment.as_deref(),
        true,
        |k, v| {
            k.assessment = v;
        },
    );
    f.opt_text(
        ui,
        ctx.t("備考", "Remarks"),
        k.remarks.as_deref(),
        true,
        |k, v| k.remarks = v,
    );
    f.en(ui, k.en.as_ref(), |k, v| k.en = v);
    f.source(ui, k.source.as_ref(), |k, v| k.source = v);
    let others = r.items.kpis.iter().filter(|x| x.id != *id);
    f.opt_item(
        ui,
        ctx.t("親KPI", "Parent KPI"),
        k.parent.clone().map(ItemRef::Kpi).as_ref(),
        others.map(|x| ItemRef::Kpi(x.id.clone())),
        |i| match i {
            ItemRef::Kpi(k) => Some(k),
            _ => None,
        },
        |k, v| k.parent = v,
    );
    ui.separator();
    let me = ItemRef::Kpi(id.clone());
    let relation = Relation {
        heading: ctx.t("測る対応案", "Measures it measures"),
        add: ctx.t("＋ 対応案に結び付ける", "+ Link to a measure"),
        ty: LinkType::MeasuredBy,
        first: false,
        candidates: r
            .items
            .measures
            .iter()
            .map(|m| ItemRef::Measure(m.id.clone()))
            .collect(),
    };
    relation_ui(ui, ctx, &me, &relation, actions);
}

/// The target: whether there is one, its value, comparison, deadline and text.
fn target_ui(ui: &mut egui::Ui, f: &mut Form<'_, '_, Kpi, KpiId>, k: &Kpi) {
    let ctx = f.ctx;
    let mut has = k.target.is_some();
    if ui
        .checkbox(&mut has, ctx.t("目標あり", "Has a target"))
        .changed()
    {
        let new = has.then(|| KpiTarget {
            value: 0.0,
            comparison: Comparison::AtLeast,
            deadline_fy: ctx.roadmap.header.end_fy,
            text: String::new(),
        });
        f.change(move |k| k.target = new);
    }
    let Some(t) = &k.target else { return };
    ui.horizontal_wrapped(|ui| {
        f.number(
            ui,
            ctx.t("目標値", "Target value"),
            t.value,
            f64::MIN..=f64::MAX,
            |k, v| {
                if let Some(t) = target_of(k) {
                    t.value = v;
                }
            },
        );
        f.number(
            ui,
            ctx.t("目標年度", "Target FY"),
            t.deadline_fy,
            1900..=2200,
            |k, v| {
                if let Some(t) = target_of(k) {
                    t.deadline_fy = v;
                }
            },
        );
    });
    let comparisons = [
        (Comparison::AtLeast, ctx.t("以上で達成", "Met at or above")),
        (Comparison::AtMost, ctx.t("以下で達成", "Met at or below")),
    ];
    f.choice(
        ui,
        ctx.t("比較", "Comparison"),
        &t.comparison,
        &comparisons,
        |k, v| {
            if let Some(t) = target_of(k) {
                t.comparison = v;
            }
        },
    );
    f.text(
        ui,
        ctx.t("目標（原文）", "Target as written"),
        &t.text,
        false,
        |k, v| {
            if let Some(t) = target_of(k) {
                t.text = v;
            }
        },
    );
}

/// The latest value: whether there is one, its value, year and text.
fn latest_ui(ui: &mut egui::Ui, f: &mut Form<'_, '_, Kpi, KpiId>, k: &Kpi) {
    let ctx = f.ctx;
    let mut has = k.latest.is_some();
    if ui
        .checkbox(&mut has, ctx.t("最新値あり", "Has a latest value"))
        .changed()
    {
        let new = has.then(|| KpiLatest {
            value: 0.0,
            as_of_fy: ctx.roadmap.header.start_fy,
            text: String::new(),
        });
        f.change(move |k| k.latest = new);
    }
    let Some(l) = &k.latest else { return };
    ui.horizontal_wrapped(|ui| {
        f.number(
            ui,
            ctx.t("最新値", "Latest value"),
            l.value,
            f64::MIN..=f64::MAX,
            |k, v| {
                if let Some(l) = latest_of(k) {
                    l.value = v;
                }
            },
        );
        f.number(
            ui,
            ctx.t("時点（年度）", "As of FY"),
            l.as_of_fy,
            1900..=2200,
            |k, v| {
                if let Some(l) = latest_of(k) {
                    l.as_of_fy = v;
                }
            },
        );
    });
    f.text(
        ui,
        ctx.t("最新値（原文）", "Latest as written"),
        &l.text,
        false,
        |k, v| {
            if let Some(l) = latest_of(k) {
                l.text = v;
            }
        },
    );
}

/// The actuals table: a row per year, editable, movable and removable, and a new row.
fn actuals_ui(ui: &mut egui::Ui, f: &mut Form<'_, '_, Kpi, KpiId>, actuals: &[KpiActual]) {
    let ctx = f.ctx;
    ui.label(egui::RichText::new(ctx.t("実績", "Actuals")).strong());
    for (i, a) in actuals.iter().enumerate() {
        ui.horizontal(|ui| {
            let n = i + 1;
            let year = format!("{} {n}", ctx.t("実績の年度", "Actual FY"));
            f.number(ui, &year, a.fy, 1900..=2200, move |k, v| {
                if let Some(a) = k.actuals.get_mut(i) {
                    a.fy = v;
                }
            });
            let value = format!("{} {n}", ctx.t("実績値", "Actual value"));
            f.number(ui, &value, a.value, f64::MIN..=f64::MAX, move |k, v| {
                if let Some(a) = k.actuals.get_mut(i) {
                    a.value = v;
                }
            });
            if let Some(op) = row_buttons(ui, ctx, i, actuals.len()) {
                f.change(move |k| op.apply(&mut k.actuals));
            }
        });
    }
    if ui
        .small_button(ctx.t("＋ 実績の行を追加", "+ Add a year"))
        .clicked()
    {
        let fy = actuals
            .last()
            .map_or(ctx.roadmap.header.start_fy, |a| a.fy + 1);
        f.change(move |k| k.actuals.push(KpiActual { fy, value: 0.0 }));
    }
}

/// The KPI's target, to change.
fn target_of(k: &mut Kpi) -> Option<&mut KpiTarget> {
    k.target.as_mut()
}

/// The KPI's latest value, to change.
fn latest_of(k: &mut Kpi) -> Option<&mut KpiLatest> {
    k.latest.as_mut()
}
