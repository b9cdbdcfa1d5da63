//! A measure's form: kind, title, text, ✓ points, ministries as written, span, status, gloss,
//! source and provenance; its ministries, gaps, target states, KPIs and programmes; a new KPI.

use crate::action::Action;
use crate::edit;
use crate::model::{
    FySpan, ItemRef, KpiKind, LinkKind, LinkType, Measure, MeasureId, MeasureKind, Provenance,
    Status,
};

use super::super::ViewCtx;
use super::fields::{Form, provenances};
use super::links::{Relation, ministries_ui, relation_ui};
use super::{create_linked, push};

/// Shows the form of measure `id`.
pub fn measure_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &MeasureId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    let Some(m) = r.measure(id) else { return };
    let mut f = Form::new(ctx, &mut *actions, id, id.as_str(), edit::edit_measure);
    let kinds = [
        (MeasureKind::Response, ctx.t("対応案", "Response")),
        (
            MeasureKind::ProposalAction,
            ctx.t("提言のアクション", "Proposal action"),
        ),
        (MeasureKind::Programme, ctx.t("事業", "Programme")),
        (MeasureKind::Framework, ctx.t("制度", "Framework")),
    ];
    f.choice(ui, ctx.t("種類", "Kind"), &m.kind, &kinds, |m, v| {
        m.kind = v;
    });
    f.opt_text(
        ui,
        ctx.t("題名", "Title"),
        m.title.as_deref(),
        false,
        |m, v| {
            m.title = v;
        },
    );
    f.text(ui, ctx.t("本文", "Text"), &m.text, true, |m, v| {
        m.text = v;
    });
    f.text_list(ui, ctx.t("補足", "Point"), &m.details, |m| &mut m.details);
    f.opt_text(
        ui,
        ctx.t("府省庁（原文）", "Ministries as written"),
        m.ministries_as_written.as_deref(),
        false,
        |m, v| m.ministries_as_written = v,
    );
    let statuses = Status::ALL.map(|s| {
        let label = ctx.t(s.label_ja(), s.label_en());
        (s, label)
    });
    f.choice(
        ui,
        ctx.t("状況", "Status"),
        &m.status,
        &statuses,
        |m, v| m.status = v,
    );
    span_ui(ui, &mut f, m);
    f.en(ui, m.en.as_ref(), |m, v| m.en = v);
    f.source(ui, m.source.as_ref(), |m, v| m.source = v);
    f.provenance(ui, ctx.t("根拠", "Provenance"), m.provenance, |m, v| {
        m.provenance = v;
    });
    ui.separator();
    ministries_ui(ui, ctx, id, actions);
    relations_ui(ui, ctx, id, actions);
    if ui
        .button(ctx.t("＋ この対応案のKPIを追加", "+ Add a KPI measuring this"))
        .clicked()
        && let Ok(created) = edit::create_kpi(
            r,
            None,
            ctx.t("新しいKPI", "New KPI"),
            KpiKind::Output,
            ctx.t("件", "items"),
        )
    {
        let item = ItemRef::Kpi(created.id.clone());
        let link = LinkKind::MeasuredBy {
            measure: id.clone(),
            kpi: created.id.clone(),
        };
        create_linked(r, created, item, Some(link), Vec::new(), actions);
    }
}

/// The span: whether there is one, its years, provenance and basis.
fn span_ui(ui: &mut egui::Ui, f: &mut Form<'_, '_, Measure, MeasureId>, m: &Measure) {
    let ctx = f.ctx;
    let r = ctx.roadmap;
    let (lo, hi) = (r.header.start_fy, r.header.end_fy);
    let mut has = m.span.is_some();
    if ui
        .checkbox(&mut has, ctx.t("期間（年度）", "Span (fiscal years)"))
        .changed()
    {
        let new = has.then(|| {
            FySpan::new(
                lo.max(2025).min(hi),
                hi.min(2029).max(lo),
                Provenance::Assumed,
                Some(ctx.t("編集者が設定", "Set by an editor").to_owned()),
            )
        });
        f.change(move |m| m.span = new);
    }
    let Some(span) = &m.span else { return };
    // Through `edit::reschedule`, which refuses a span that ends before it starts.
    let reschedule = |f: &mut Form<'_, '_, Measure, MeasureId>, change: &dyn Fn(&mut FySpan)| {
        let mut s = span.clone();
        change(&mut s);
        s.end_fy = s.end_fy.max(s.start_fy);
        push(f.actions, edit::reschedule(r, f.id, s));
    };
    ui.horizontal(|ui| {
        if let Some(v) = super::fields::number_field(
            ui,
            (f.key, "from"),
            ctx.t("開始", "From"),
            span.start_fy,
            lo..=hi,
        ) {
            reschedule(f, &|s| s.start_fy = v);
        }
        if let Some(v) = super::fields::number_field(
            ui,
            (f.key, "to"),
            ctx.t("終了", "To"),
            span.end_fy,
            lo..=hi,
        ) {
            reschedule(f, &|s| s.end_fy = v);
        }
    });
    let options = provenances(ctx);
    let name = ctx.t("期間の根拠の種類", "Span provenance");
    if let Some(p) = ui
        .horizontal(|ui| super::fields::choice(ui, (f.key, name), name, &span.provenance, &options))
        .inner
    {
        reschedule(f, &|s| s.provenance = p);
    }
    let basis = super::fields::text_field(
        ui,
        (f.key, "basis"),
        ctx.t("期間の根拠", "Basis of the span"),
        span.basis.as_deref().unwrap_or(""),
        false,
    );
    if let Some(b) = basis {
        let b = (!b.trim().is_empty()).then_some(b);
        reschedule(f, &|s| s.basis.clone_from(&b));
    }
    // The end may rest on other grounds than the start: 【令和7年度開始】 states only the start.
    let mut ends: Vec<(Option<Provenance>, &str)> =
        vec![(None, ctx.t("開始と同じ", "Same as the start"))];
    ends.extend(options.iter().map(|(p, label)| (Some(*p), *label)));
    let name = ctx.t("終了年度の根拠の種類", "End provenance");
    if let Some(p) = ui
        .horizontal(|ui| {
            super::fields::choice(ui, (f.key, name), name, &span.end_provenance, &ends)
        })
        .inner
    {
        reschedule(f, &|s| s.end_provenance = p);
    }
    if span.end_provenance.is_some() {
        let end_basis = super::fields::text_field(
            ui,
            (f.key, "end-basis"),
            ctx.t("終了年度の根拠", "Basis of the end"),
            span.end_basis.as_deref().unwrap_or(""),
            false,
        );
        if let Some(b) = end_basis {
            let b = (!b.trim().is_empty()).then_some(b);
            reschedule(f, &|s| s.end_basis.clone_from(&b));
        }
    }
}

/// Gaps answered, target states, KPIs and programmes, each with a picker.
fn relations_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &MeasureId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    let me = ItemRef::Measure(id.clone());
    let it = &r.items;
    let relations = [
        Relation {
            heading: ctx.t("対応する論点", "Gaps it answers"),
            add: ctx.t("＋ 論点に結び付ける", "+ Link to a gap"),
            ty: LinkType::AddressedBy,
            first: false,
            candidates: it.gaps.iter().map(|g| ItemRef::Gap(g.id.clone())).collect(),
        },
        Relation {
            heading: ctx.t("目指す姿", "Target states it serves"),
            add: ctx.t("＋ 目指す姿に結び付ける", "+ Link to a target state"),
            ty: LinkType::ContributesTo,
            first: true,
            candidates: it
                .target_states
                .iter()
                .map(|t| ItemRef::Target(t.id.clone()))
                .collect(),
        },
        Relation {
            heading: ctx.t("KPI", "KPIs"),
            add: ctx.t("＋ KPIに結び付ける", "+ Link to a KPI"),
            ty: LinkType::MeasuredBy,
            first: true,
            candidates: it.kpis.iter().map(|k| ItemRef::Kpi(k.id.clone())).collect(),
        },
        Relation {
            heading: ctx.t("実施する事業", "Carried out through"),
            add: ctx.t("＋ 事業に結び付ける", "+ Link to a programme"),
            ty: LinkType::Through,
            first: true,
            candidates: it
                .measures
                .iter()
                .filter(|m| m.kind == MeasureKind::Programme)
                .map(|m| ItemRef::Measure(m.id.clone()))
                .collect(),
        },
    ];
    for relation in relations {
        relation_ui(ui, ctx, &me, &relation, actions);
    }
}
