//! The selected item's own fields, kind by kind: span and status with their provenance, the
//! horizon of a target state, a KPI's target and condition, a budget's kind and recipient, an
//! event's status and what it concerns, a note's table, and the source cited.

use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{EventStatus, FySpan, Horizon, ItemRef, Provenance, Roadmap, SourceRef, Table};

use super::super::ViewCtx;

fn field(ui: &mut egui::Ui, name: &str, value: impl Into<String>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(name).strong());
        ui.label(value.into());
    });
}

pub(super) fn provenance(ctx: &ViewCtx<'_>, p: Provenance) -> String {
    ctx.t(p.label_ja(), p.label_en()).to_owned()
}

fn cite(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    roadmap: &Roadmap,
    source: Option<&SourceRef>,
    prov: Provenance,
) {
    let name = ctx.t("出典", "Source");
    match source {
        Some(s) => {
            let title = roadmap
                .source(&s.doc)
                .map_or_else(|| s.doc.to_string(), |d| d.title.clone());
            let file = roadmap
                .source(&s.doc)
                .and_then(|d| d.file.clone())
                .unwrap_or_default();
            field(ui, name, format!("{title}（{file} {}）", s.locator));
        }
        None => field(ui, name, ctx.t("出典の記載なし", "no source cited")),
    }
    field(ui, ctx.t("根拠", "Provenance"), provenance(ctx, prov));
}

pub(super) fn details(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: &ItemRef) {
    let r = ctx.roadmap;
    let it = &r.items;
    match item {
        ItemRef::Measure(id) => {
            let Some(m) = r.measure(id) else { return };
            if m.title.is_some() {
                ui.label(&m.text);
            }
            for d in &m.details {
                ui.label(format!("・{d}"));
            }
            if let Some(w) = &m.ministries_as_written {
                field(
                    ui,
                    ctx.t("府省庁（原文）", "Ministries as written"),
                    w.clone(),
                );
            }
            match &m.span {
                Some(s) => span(ui, ctx, s),
                None => field(ui, ctx.t("期間", "Span"), ctx.t("記載なし", "not given")),
            }
            let status = ctx.t(m.status.label_ja(), m.status.label_en());
            match m.status_provenance {
                Some(p) => field(
                    ui,
                    ctx.t("状況", "Status"),
                    format!("{status}（{}）", provenance(ctx, p)),
                ),
                None => field(ui, ctx.t("状況", "Status"), status),
            }
            if let Some(b) = &m.status_basis {
                field(ui, ctx.t("状況の根拠", "Status basis"), b.clone());
            }
            group(ui, ctx, m.group.as_ref());
            cite(ui, ctx, r, m.source.as_ref(), m.provenance);
        }
        ItemRef::Gap(id) => {
            let Some(g) = r.gap(id) else { return };
            if let Some(c) = &g.category {
                field(
                    ui,
                    ctx.t("区分", "Category"),
                    ctx.t(c.label_ja(), c.label_en()),
                );
            }
            if !g.stages.is_empty() {
                let names: Vec<String> = g
                    .stages
                    .iter()
                    .map(|s| labels::text(r, &ItemRef::Stage(s.clone()), ctx.lang))
                    .collect();
                field(
                    ui,
                    ctx.t("バリューチェーン", "Value chain"),
                    names.join("、"),
                );
            }
            group(ui, ctx, g.group.as_ref());
            if g.category.is_some() || !g.stages.is_empty() {
                field(
                    ui,
                    ctx.t("配置の根拠", "Placement"),
                    provenance(ctx, g.placement_provenance),
                );
            }
            cite(ui, ctx, r, g.source.as_ref(), g.provenance);
        }
        ItemRef::Theme(id) => {
            if let Some(t) = it.themes.iter().find(|t| &t.id == id) {
                field(ui, ctx.t("大論点", "Overarching issue"), t.issue.clone());
                cite(ui, ctx, r, t.source.as_ref(), Provenance::Stated);
            }
        }
        ItemRef::Target(id) => {
            if let Some(t) = it.target_states.iter().find(|t| &t.id == id) {
                let year = match t.horizon {
                    Horizon::Year => t.horizon_year.to_string(),
                    Horizon::FiscalYearEnd => match ctx.lang {
                        Lang::Ja => format!("{}年度末", t.horizon_year),
                        Lang::En => format!("end of FY{}", t.horizon_year),
                    },
                };
                match t.horizon_provenance {
                    Some(p) => field(
                        ui,
                        ctx.t("目標年", "Horizon"),
                        format!("{year}（{}）", provenance(ctx, p)),
                    ),
                    None => field(ui, ctx.t("目標年", "Horizon"), year),
                }
                if let Some(b) = &t.horizon_basis {
                    field(ui, ctx.t("目標年の根拠", "Horizon basis"), b.clone());
                }
                cite(ui, ctx, r, t.source.as_ref(), t.provenance);
            }
        }
        ItemRef::Proposal(id) => {
            if let Some(p) = it.proposals.iter().find(|p| &p.id == id) {
                for ex in &p.overseas {
                    let head = [ex.country.as_deref(), ex.organisation.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" / ");
                    field(
                        ui,
                        &format!("{}：{head}", ctx.t("海外の取り組み", "Abroad")),
                        ex.text.clone(),
                    );
                }
                group(ui, ctx, p.group.as_ref());
                if p.gap.is_none() {
                    field(
                        ui,
                        ctx.t("対象のギャップ", "Gap"),
                        ctx.t("記載なし", "none named"),
                    );
                }
                if !p.ministries.is_empty() {
                    let codes: Vec<&str> = p
                        .ministries
                        .iter()
                        .map(crate::model::MinistryCode::as_str)
                        .collect();
                    field(ui, ctx.t("担当", "Responsible"), codes.join("・"));
                }
                cite(ui, ctx, r, p.source.as_ref(), Provenance::Stated);
            }
        }
        ItemRef::Kpi(id) => {
            if let Some(k) = it.kpis.iter().find(|k| &k.id == id) {
                if let Some(t) = &k.target {
                    field(
                        ui,
                        ctx.t("目標", "Target"),
                        format!("{}（FY{}末）", t.text, t.deadline_fy),
                    );
                }
                if let Some(l) = &k.latest {
                    field(
                        ui,
                        ctx.t("最新値", "Latest"),
                        format!("{}（FY{}末）", l.text, l.as_of_fy),
                    );
                }
                let years: Vec<String> = k
                    .actuals
                    .iter()
                    .map(|a| format!("FY{}: {}", a.fy, a.value))
                    .collect();
                if !years.is_empty() {
                    field(ui, ctx.t("年度別", "By year"), years.join(" / "));
                }
                if let Some(g) = &k.grade {
                    field(ui, ctx.t("進捗", "Grade"), g.clone());
                }
                if let Some(a) = &k.assessment {
                    field(ui, ctx.t("進捗の詳細", "Assessment"), a.clone());
                }
                if let Some(rm) = &k.remarks {
                    field(ui, ctx.t("備考", "Remarks"), rm.clone());
                }
                if let Some(c) = &k.condition {
                    field(ui, ctx.t("条件", "Condition"), c.clone());
                }
                if !k.targets.is_empty() {
                    let names: Vec<String> = k
                        .targets
                        .iter()
                        .map(|t| labels::short(r, &ItemRef::Target(t.clone()), ctx.lang, 40))
                        .collect();
                    field(ui, ctx.t("測る目指すべき姿", "Measures"), names.join("、"));
                }
                cite(ui, ctx, r, k.source.as_ref(), k.provenance);
            }
        }
        ItemRef::Event(id) => {
            if let Some(e) = it.events.iter().find(|e| &e.id == id) {
                field(ui, ctx.t("日付", "Date"), e.when.to_string());
                match e.status {
                    EventStatus::Fact => {}
                    EventStatus::Planned => {
                        field(ui, ctx.t("状況", "Status"), ctx.t("予定", "planned"));
                    }
                    EventStatus::Reported => field(
                        ui,
                        ctx.t("状況", "Status"),
                        ctx.t("報告・発表（未確認）", "reported, not vouched for"),
                    ),
                }
                if let Some(t) = &e.text {
                    ui.label(t);
                }
                if !e.concerns.is_empty() {
                    let names: Vec<String> = e
                        .concerns
                        .iter()
                        .map(|i| labels::short(r, i, ctx.lang, 40))
                        .collect();
                    field(ui, ctx.t("関係する項目", "Concerns"), names.join("、"));
                }
                cite(ui, ctx, r, e.source.as_ref(), e.provenance);
            }
        }
        ItemRef::Budget(id) => {
            if let Some(b) = it.budgets.iter().find(|b| &b.id == id) {
                let years = match b.end_fy {
                    Some(end) if end != b.fiscal_year => format!("FY{}–FY{end}", b.fiscal_year),
                    _ => format!("FY{}", b.fiscal_year),
                };
                field(
                    ui,
                    ctx.t("年度・金額", "Year, amount"),
                    format!(
                        "{years} {}億円（{}）",
                        b.amount_oku_yen,
                        ctx.t(b.kind.label_ja(), b.kind.label_en())
                    ),
                );
                if let Some(to) = &b.recipient {
                    field(ui, ctx.t("配分先", "Recipient"), to.as_str());
                }
                if let Some(t) = &b.text {
                    field(ui, ctx.t("原文", "As written"), t.clone());
                }
                if let Some(n) = &b.note {
                    field(ui, ctx.t("注記", "Note"), n.clone());
                }
                cite(ui, ctx, r, b.source.as_ref(), b.provenance);
            }
        }
        ItemRef::Note(id) => {
            if let Some(n) = it.notes.iter().find(|n| &n.id == id) {
                if let Some(h) = &n.heading {
                    field(ui, ctx.t("見出し", "Heading"), h.clone());
                }
                if let Some(about) = &n.about {
                    field(
                        ui,
                        ctx.t("対象", "About"),
                        labels::short(r, about, ctx.lang, 40),
                    );
                }
                if let Some(t) = &n.table {
                    table(ui, n.id.as_str(), t);
                }
                cite(ui, ctx, r, n.source.as_ref(), n.provenance);
            }
        }
        ItemRef::Ministry(code) => {
            if let Some(m) = r.ministry(code) {
                field(ui, ctx.t("英語名", "English"), m.name_en.clone());
                field(
                    ui,
                    ctx.t("種別", "Kind"),
                    ctx.t(m.kind.label_ja(), m.kind.label_en()),
                );
                cite(ui, ctx, r, m.source.as_ref(), m.provenance);
            }
        }
        ItemRef::Source(id) => {
            if let Some(s) = r.source(id) {
                if let Some(i) = &s.issuer {
                    field(ui, ctx.t("発行・協力", "Issuer"), i.clone());
                }
                if let Some(d) = &s.date {
                    field(
                        ui,
                        ctx.t("日付", "Date"),
                        format!("{d}（{}）", provenance(ctx, s.date_provenance)),
                    );
                }
                if let Some(f) = &s.file {
                    field(ui, ctx.t("ファイル", "File"), f.clone());
                }
                if let Some(n) = &s.note {
                    ui.label(n);
                }
            }
        }
        ItemRef::Stage(id) => {
            if let Some(s) = it.stages.iter().find(|s| &s.id == id) {
                cite(ui, ctx, r, s.source.as_ref(), Provenance::Stated);
            }
        }
    }
}

/// A span with the provenance of its ends (each, where they differ) and the reasoning given.
fn span(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, s: &FySpan) {
    let how = if s.end_provenance() == s.provenance {
        provenance(ctx, s.provenance)
    } else {
        format!(
            "{}{}、{}{}",
            ctx.t("開始：", "start "),
            provenance(ctx, s.provenance),
            ctx.t("終了：", "end "),
            provenance(ctx, s.end_provenance())
        )
    };
    field(ui, ctx.t("期間", "Span"), format!("{s}（{how}）"));
    if let Some(b) = &s.basis {
        field(ui, ctx.t("期間の根拠", "Basis"), b.clone());
    }
    if let Some(b) = &s.end_basis {
        field(ui, ctx.t("終了年度の根拠", "End basis"), b.clone());
    }
}

/// The heading or group the item stands under in its source.
fn group(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, group: Option<&String>) {
    if let Some(g) = group {
        field(ui, ctx.t("グループ", "Group"), g.clone());
    }
}

/// A table from the source, cell by cell.
fn table(ui: &mut egui::Ui, id: &str, t: &Table) {
    egui::ScrollArea::horizontal()
        .id_salt(("note-table", id))
        .show(ui, |ui| {
            egui::Grid::new(("note-table-grid", id))
                .striped(true)
                .show(ui, |ui| {
                    for c in &t.columns {
                        ui.label(egui::RichText::new(c).strong());
                    }
                    ui.end_row();
                    for row in &t.rows {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
        });
}
