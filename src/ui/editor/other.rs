//! The forms of the smaller kinds: target states, events, budget lines, notes, sources,
//! ministries and value-chain stages.

use crate::action::Action;
use crate::edit;
use crate::model::{
    BudgetId, EventId, EventKind, ItemRef, MeasureKind, MinistryCode, NoteId, NoteKind, SourceId,
    StageId, TargetId, When,
};

use super::super::ViewCtx;
use super::fields::{Form, when_field};

/// Shows the form of target state `id`.
pub fn target_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &TargetId, actions: &mut Vec<Action>) {
    let Some(t) = ctx.roadmap.target(id) else {
        return;
    };
    let mut f = Form::new(ctx, actions, id, id.as_str(), edit::edit_target);
    f.number(
        ui,
        ctx.t("目標年", "Horizon year"),
        t.horizon_year,
        1900..=2200,
        |t, v| t.horizon_year = v,
    );
    f.text(ui, ctx.t("本文", "Text"), &t.text, true, |t, v| {
        t.text = v;
    });
    f.en(ui, t.en.as_ref(), |t, v| t.en = v);
    f.source(ui, t.source.as_ref(), |t, v| t.source = v);
    f.provenance(ui, ctx.t("根拠", "Provenance"), t.provenance, |t, v| {
        t.provenance = v;
    });
}

/// The kind options, with `Other` carrying its current name.
fn event_kinds(ctx: &ViewCtx<'_>, current: &EventKind) -> Vec<(EventKind, &'static str)> {
    let other = match current {
        EventKind::Other(name) => name.clone(),
        _ => ctx.t("その他", "Other").to_owned(),
    };
    vec![
        (EventKind::Council, ctx.t("会議", "Council")),
        (
            EventKind::CabinetDecision,
            ctx.t("閣議決定", "Cabinet decision"),
        ),
        (EventKind::Law, ctx.t("法律", "Law")),
        (EventKind::Notice, ctx.t("通知", "Notice")),
        (EventKind::Trial, ctx.t("治験・研究", "Trial")),
        (EventKind::Budget, ctx.t("予算", "Budget")),
        (EventKind::Report, ctx.t("報告書", "Report")),
        (EventKind::Period, ctx.t("計画期間", "Plan period")),
        (EventKind::Other(other), ctx.t("その他", "Other")),
    ]
}

/// Shows the form of event `id`.
pub fn event_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &EventId, actions: &mut Vec<Action>) {
    let Some(e) = ctx.roadmap.event(id) else {
        return;
    };
    let mut f = Form::new(ctx, actions, id, id.as_str(), edit::edit_event);
    ui.label(egui::RichText::new(ctx.t("日付", "Date")).strong());
    if let Some(when) = when_field(ui, ctx, id.as_str(), &e.when) {
        f.change(move |e| e.when = when);
    }
    f.text(ui, ctx.t("題名", "Title"), &e.title, false, |e, v| {
        e.title = v;
    });
    f.choice(
        ui,
        ctx.t("種類", "Kind"),
        &e.kind,
        &event_kinds(ctx, &e.kind),
        |e, v| e.kind = v,
    );
    if let EventKind::Other(name) = &e.kind {
        f.text(
            ui,
            ctx.t("種類の名前", "Kind name"),
            name,
            false,
            |e, v| e.kind = EventKind::Other(v),
        );
    }
    f.opt_text(
        ui,
        ctx.t("内容", "What happened"),
        e.text.as_deref(),
        true,
        |e, v| e.text = v,
    );
    f.en(ui, e.en.as_ref(), |e, v| e.en = v);
    f.source(ui, e.source.as_ref(), |e, v| e.source = v);
    f.provenance(
        ui,
        ctx.t("日付の根拠", "Date provenance"),
        e.provenance,
        |e, v| e.provenance = v,
    );
}

/// Shows the form of budget line `id`.
pub fn budget_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &BudgetId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    let Some(b) = r.budget(id) else { return };
    let mut f = Form::new(ctx, actions, id, id.as_str(), edit::edit_budget);
    f.text(ui, ctx.t("題名", "Title"), &b.title, false, |b, v| {
        b.title = v;
    });
    ui.horizontal_wrapped(|ui| {
        f.number(
            ui,
            ctx.t("年度", "Fiscal year"),
            b.fiscal_year,
            1900..=2200,
            |b, v| b.fiscal_year = v,
        );
        f.number(
            ui,
            ctx.t("金額（億円）", "Amount (oku yen)"),
            b.amount_oku_yen,
            0.0..=f64::MAX,
            |b, v| {
                b.amount_oku_yen = v;
            },
        );
    });
    let names: Vec<(Option<MinistryCode>, String)> =
        std::iter::once((None, ctx.t("なし", "none").to_owned()))
            .chain(r.items.ministries.iter().map(|m| {
                (
                    Some(m.code.clone()),
                    format!("{} {}", m.code, ctx.t(&m.name, &m.name_en)),
                )
            }))
            .collect();
    let options: Vec<(Option<MinistryCode>, &str)> =
        names.iter().map(|(v, t)| (v.clone(), t.as_str())).collect();
    f.choice(
        ui,
        ctx.t("府省庁", "Ministry"),
        &b.ministry,
        &options,
        |b, v| b.ministry = v,
    );
    let programmes = r
        .items
        .measures
        .iter()
        .filter(|m| m.kind == MeasureKind::Programme);
    f.opt_item(
        ui,
        ctx.t("事業", "Programme"),
        b.programme.clone().map(ItemRef::Measure).as_ref(),
        programmes.map(|m| ItemRef::Measure(m.id.clone())),
        |i| match i {
            ItemRef::Measure(m) => Some(m),
            _ => None,
        },
        |b, v| b.programme = v,
    );
    f.opt_text(
        ui,
        ctx.t("原文", "As written"),
        b.text.as_deref(),
        false,
        |b, v| b.text = v,
    );
    f.source(ui, b.source.as_ref(), |b, v| b.source = v);
    f.provenance(ui, ctx.t("根拠", "Provenance"), b.provenance, |b, v| {
        b.provenance = v;
    });
}

/// Shows the form of note `id`.
pub fn note_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &NoteId, actions: &mut Vec<Action>) {
    let Some(n) = ctx.roadmap.note(id) else {
        return;
    };
    let mut f = Form::new(ctx, actions, id, id.as_str(), edit::edit_note);
    let other = match &n.kind {
        NoteKind::Other(name) => name.clone(),
        _ => ctx.t("その他", "Other").to_owned(),
    };
    let kinds = [
        (NoteKind::Situation, ctx.t("現状・特殊性", "Situation")),
        (NoteKind::Direction, ctx.t("今後の方向性", "Direction")),
        (NoteKind::Assessment, ctx.t("評価", "Assessment")),
        (NoteKind::Statement, ctx.t("方針", "Statement")),
        (NoteKind::Other(other), ctx.t("その他", "Other")),
    ];
    f.choice(ui, ctx.t("種類", "Kind"), &n.kind, &kinds, |n, v| {
        n.kind = v;
    });
    if let NoteKind::Other(name) = &n.kind {
        f.text(
            ui,
            ctx.t("種類の名前", "Kind name"),
            name,
            false,
            |n, v| n.kind = NoteKind::Other(v),
        );
    }
    f.opt_text(
        ui,
        ctx.t("見出し", "Heading"),
        n.heading.as_deref(),
        false,
        |n, v| n.heading = v,
    );
    f.text(ui, ctx.t("本文", "Text"), &n.text, true, |n, v| {
        n.text = v;
    });
    f.en(ui, n.en.as_ref(), |n, v| n.en = v);
    f.source(ui, n.source.as_ref(), |n, v| n.source = v);
}

/// Shows the form of source document `id`.
pub fn source_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &SourceId, actions: &mut Vec<Action>) {
    let Some(s) = ctx.roadmap.source(id) else {
        return;
    };
    let mut f = Form::new(ctx, actions, id, id.as_str(), edit::edit_source);
    f.text(ui, ctx.t("題名", "Title"), &s.title, false, |s, v| {
        s.title = v;
    });
    f.opt_text(
        ui,
        ctx.t("発行者", "Issuer"),
        s.issuer.as_deref(),
        false,
        |s, v| s.issuer = v,
    );
    let mut dated = s.date.is_some();
    if ui
        .checkbox(&mut dated, ctx.t("日付あり", "Dated"))
        .changed()
    {
        let date = dated.then_some(When::Year(ctx.roadmap.header.start_fy));
        f.change(move |s| s.date = date);
    }
    if let Some(date) = &s.date
        && let Some(when) = when_field(ui, ctx, id.as_str(), date)
    {
        f.change(move |s| s.date = Some(when));
    }
    f.provenance(
        ui,
        ctx.t("日付の根拠", "Date provenance"),
        s.date_provenance,
        |s, v| s.date_provenance = v,
    );
    f.opt_text(
        ui,
        ctx.t("ファイル", "File"),
        s.file.as_deref(),
        false,
        |s, v| s.file = v,
    );
    f.opt_text(
        ui,
        ctx.t("説明", "Note"),
        s.note.as_deref(),
        true,
        |s, v| s.note = v,
    );
    f.en(ui, s.en.as_ref(), |s, v| s.en = v);
}

/// Shows the form of ministry `code`.
pub fn ministry_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    code: &MinistryCode,
    actions: &mut Vec<Action>,
) {
    let Some(m) = ctx.roadmap.ministry(code) else {
        return;
    };
    let mut f = Form::new(ctx, actions, code, code.as_str(), edit::edit_ministry);
    f.text(ui, ctx.t("名称", "Name"), &m.name, false, |m, v| {
        m.name = v;
    });
    f.text(
        ui,
        ctx.t("英語名", "English name"),
        &m.name_en,
        false,
        |m, v| m.name_en = v,
    );
    // The named kinds, and a kind named otherwise in the file as it is.
    let mut kinds: Vec<(crate::model::OrgKind, &str)> = crate::model::OrgKind::NAMED
        .iter()
        .map(|k| (k.clone(), ctx.t(k.label_ja(), k.label_en())))
        .collect();
    if !crate::model::OrgKind::NAMED.contains(&m.kind) {
        kinds.push((m.kind.clone(), m.kind.label_ja()));
    }
    f.choice(ui, ctx.t("種別", "Kind"), &m.kind, &kinds, |m, v| {
        m.kind = v;
    });
    f.source(ui, m.source.as_ref(), |m, v| m.source = v);
    f.provenance(ui, ctx.t("根拠", "Provenance"), m.provenance, |m, v| {
        m.provenance = v;
    });
}

/// Shows the form of value-chain stage `id`.
pub fn stage_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &StageId, actions: &mut Vec<Action>) {
    let Some(s) = ctx.roadmap.stage(id) else {
        return;
    };
    let mut f = Form::new(ctx, actions, id, id.as_str(), edit::edit_stage);
    f.text(ui, ctx.t("名称", "Name"), &s.name, false, |s, v| {
        s.name = v;
    });
    f.opt_text(
        ui,
        ctx.t("詳細", "Detail"),
        s.detail.as_deref(),
        false,
        |s, v| s.detail = v,
    );
    f.en(ui, s.en.as_ref(), |s, v| s.en = v);
    f.source(ui, s.source.as_ref(), |s, v| s.source = v);
}
