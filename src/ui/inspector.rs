//! The inspector: the selected item's full text, source citation, provenance, timing, and every
//! link in and out, each clickable.

use crate::action::Action;
use crate::analysis::labels;
use crate::model::{ItemRef, Provenance, Roadmap, SourceRef};

use super::{ViewCtx, item_link};

/// Shows the inspector for the selection.
pub fn inspector_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("詳細", "Inspector"));
    let Some(item) = ctx.selection else {
        ui.label(ctx.t(
            "項目を選択すると、全文・出典・つながりをここに表示します。",
            "Select an item to see its full text, source and links here.",
        ));
        if ctx.editable {
            ui.separator();
            super::editor::header_ui(ui, ctx, actions);
        }
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let r = ctx.roadmap;
            let kind = item.kind();
            ui.label(
                egui::RichText::new(format!(
                    "{} · {}",
                    ctx.t(kind.label_ja(), kind.label_en()),
                    labels::tag(r, item, ctx.lang)
                ))
                .strong(),
            );
            ui.label(egui::RichText::new(labels::text(r, item, ctx.lang)).size(15.0));
            if ctx.lang == crate::i18n::Lang::En {
                let ja = labels::text(r, item, crate::i18n::Lang::Ja);
                if ja != labels::text(r, item, ctx.lang) {
                    ui.label(egui::RichText::new(ja).weak());
                }
            }
            ui.separator();
            if ctx.editable {
                super::editor::editor_ui(ui, ctx, item, actions);
                ui.separator();
            }
            // Links first: who answers it and who is responsible is what reviewers look for.
            links(ui, ctx, item, actions);
            ui.separator();
            details(ui, ctx, item);
            ui.separator();
            ui.label(
                egui::RichText::new(format!("ID: {}", item.id_str()))
                    .weak()
                    .monospace(),
            );
        });
}

fn field(ui: &mut egui::Ui, name: &str, value: impl Into<String>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(name).strong());
        ui.label(value.into());
    });
}

fn provenance(ctx: &ViewCtx<'_>, p: Provenance) -> String {
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

fn details(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: &ItemRef) {
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
                Some(s) => {
                    field(
                        ui,
                        ctx.t("期間", "Span"),
                        format!("{s}（{}）", provenance(ctx, s.provenance)),
                    );
                    if let Some(b) = &s.basis {
                        field(ui, ctx.t("期間の根拠", "Basis"), b.clone());
                    }
                }
                None => field(ui, ctx.t("期間", "Span"), ctx.t("記載なし", "not given")),
            }
            field(ui, ctx.t("状況", "Status"), format!("{:?}", m.status));
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
                field(ui, ctx.t("目標年", "Horizon"), t.horizon_year.to_string());
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
                cite(ui, ctx, r, k.source.as_ref(), Provenance::Stated);
            }
        }
        ItemRef::Event(id) => {
            if let Some(e) = it.events.iter().find(|e| &e.id == id) {
                field(ui, ctx.t("日付", "Date"), e.when.to_string());
                if let Some(t) = &e.text {
                    ui.label(t);
                }
                cite(ui, ctx, r, e.source.as_ref(), e.provenance);
            }
        }
        ItemRef::Budget(id) => {
            if let Some(b) = it.budgets.iter().find(|b| &b.id == id) {
                field(
                    ui,
                    ctx.t("年度・金額", "Year, amount"),
                    format!("FY{} {}億円", b.fiscal_year, b.amount_oku_yen),
                );
                if let Some(t) = &b.text {
                    field(ui, ctx.t("原文", "As written"), t.clone());
                }
                cite(ui, ctx, r, b.source.as_ref(), b.provenance);
            }
        }
        ItemRef::Note(id) => {
            if let Some(n) = it.notes.iter().find(|n| &n.id == id) {
                if let Some(h) = &n.heading {
                    field(ui, ctx.t("見出し", "Heading"), h.clone());
                }
                cite(ui, ctx, r, n.source.as_ref(), Provenance::Stated);
            }
        }
        ItemRef::Ministry(code) => {
            if let Some(m) = r.ministry(code) {
                field(ui, ctx.t("英語名", "English"), m.name_en.clone());
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

/// For a gap: the ministries responsible for the measures answering it, one step further than
/// its own links, since "who is responsible for this gap" is the question reviewers ask; and for a
/// gap carried on by a later one, what answers it now, who is responsible, and when.
fn ministries_via_measures(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    actions: &mut Vec<Action>,
) {
    let heading = ctx.t(
        "担当府省庁（対応案を通じて）",
        "Responsible ministries (through its measures)",
    );
    ministries_of(
        ui,
        ctx,
        ctx.index.measures_of_gap(item).collect(),
        heading,
        actions,
    );
    for later in ctx.index.continuations(item) {
        let measures: Vec<&ItemRef> = ctx.index.measures_of_gap(later).collect();
        if measures.is_empty() {
            continue;
        }
        let title = format!(
            "{} {}",
            labels::tag(ctx.roadmap, later, ctx.lang),
            ctx.t("に引き継がれた対応", "carries it on")
        );
        ui.label(egui::RichText::new(title).strong());
        item_link(
            ui,
            ctx,
            later,
            labels::short(ctx.roadmap, later, ctx.lang, 40),
            actions,
        );
        for m in &measures {
            let span = match m {
                ItemRef::Measure(id) => ctx.roadmap.measure(id).and_then(|m| m.span.as_ref()),
                _ => None,
            };
            let when = span.map_or_else(String::new, |s| {
                format!(
                    "（{s}・{}）",
                    ctx.t(s.provenance.label_ja(), s.provenance.label_en())
                )
            });
            let text = format!("{}{when}", labels::short(ctx.roadmap, m, ctx.lang, 34));
            item_link(ui, ctx, m, text, actions);
        }
        ministries_of(
            ui,
            ctx,
            measures,
            ctx.t("その担当府省庁", "Its responsible ministries"),
            actions,
        );
    }
}

/// Lists the ministries responsible for any of `measures`, once each.
fn ministries_of(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    measures: Vec<&ItemRef>,
    heading: &str,
    actions: &mut Vec<Action>,
) {
    let ministries = ctx.index.ministries_of_measures(measures);
    if ministries.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(format!("{heading}（{}）", ministries.len())).strong());
    for (ministry, _) in ministries {
        let text = labels::short(ctx.roadmap, ministry, ctx.lang, 40);
        item_link(ui, ctx, ministry, text, actions);
    }
}

fn links(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: &ItemRef, actions: &mut Vec<Action>) {
    if matches!(item, ItemRef::Gap(_)) {
        ministries_via_measures(ui, ctx, item, actions);
    }
    let mut edges = ctx.index.edges(item).peekable();
    if edges.peek().is_none() {
        ui.label(ctx.t("つながりはありません。", "No links."));
        return;
    }
    let mut groups: Vec<(String, Vec<crate::analysis::index::Edge<'_>>)> = Vec::new();
    for e in edges {
        let title = ctx
            .t(
                e.relation.label_ja(e.outgoing),
                e.relation.label_en(e.outgoing),
            )
            .to_owned();
        match groups.iter_mut().find(|(t, _)| *t == title) {
            Some((_, v)) => v.push(e),
            None => groups.push((title, vec![e])),
        }
    }
    for (title, edges) in groups {
        ui.label(egui::RichText::new(format!("{title}（{}）", edges.len())).strong());
        for e in edges {
            let mut text = labels::short(ctx.roadmap, e.other, ctx.lang, 40);
            if let crate::analysis::index::Relation::Responsible(role) = e.relation {
                text = format!("{text} — {}", ctx.t(role.label_ja(), role.label_en()));
            }
            if e.provenance != Provenance::Stated {
                text = format!("{text}［{}］", provenance(ctx, e.provenance));
            }
            let response = item_link(ui, ctx, e.other, text, actions);
            if let Some(note) = e.note {
                response.on_hover_text(note);
            }
        }
    }
}
