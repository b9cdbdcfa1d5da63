//! A gap's form (theme, place in its theme, text, category, stages, provenances, gloss, source;
//! its measures, target states and related gaps) and a theme's (number, title, issue, a new
//! 小論点).

use crate::action::Action;
use crate::edit;
use crate::model::{Category, GapId, ItemRef, LinkKind, LinkType, MeasureKind, ThemeId};

use super::super::ViewCtx;
use super::create_linked;
use super::fields::Form;
use super::links::{Relation, relation_ui};
use super::rows::move_buttons;

/// Shows the form of gap `id`.
pub fn gap_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &GapId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    let Some(g) = r.gap(id) else { return };
    let mut f = Form::new(ctx, &mut *actions, id, id.as_str(), edit::edit_gap);
    let themes: Vec<(Option<ThemeId>, String)> =
        std::iter::once((None, ctx.t("なし", "none").to_owned()))
            .chain(r.items.themes.iter().map(|t| {
                (
                    Some(t.id.clone()),
                    crate::analysis::labels::short(r, &ItemRef::Theme(t.id.clone()), ctx.lang, 24),
                )
            }))
            .collect();
    let options: Vec<(Option<ThemeId>, &str)> = themes
        .iter()
        .map(|(v, t)| (v.clone(), t.as_str()))
        .collect();
    f.choice(ui, ctx.t("項目", "Theme"), &g.theme, &options, |g, v| {
        g.theme = v;
    });
    // 小論点 order: the number follows the place among the gaps of the same theme.
    let mut siblings: Vec<(u32, &GapId)> = r
        .items
        .gaps
        .iter()
        .filter(|x| x.theme == g.theme)
        .map(|x| (x.number, &x.id))
        .collect();
    siblings.sort();
    let rank = siblings.iter().position(|(_, x)| *x == id).unwrap_or(0);
    ui.label(format!("{} {}", ctx.t("番号", "Number"), g.number));
    if let Some(to) = move_buttons(ui, ctx, rank, siblings.len()) {
        super::push(f.actions, edit::move_gap(r, id, to));
    }
    f.text(ui, ctx.t("本文", "Text"), &g.text, true, |g, v| {
        g.text = v;
    });
    let categories = [
        (None, ctx.t("なし", "none")),
        (
            Some(Category::Regulation),
            ctx.t(
                Category::Regulation.label_ja(),
                Category::Regulation.label_en(),
            ),
        ),
        (
            Some(Category::PeopleSystemsInfrastructure),
            ctx.t(
                Category::PeopleSystemsInfrastructure.label_ja(),
                Category::PeopleSystemsInfrastructure.label_en(),
            ),
        ),
        (
            Some(Category::PromotionGovernanceFunding),
            ctx.t(
                Category::PromotionGovernanceFunding.label_ja(),
                Category::PromotionGovernanceFunding.label_en(),
            ),
        ),
    ];
    f.choice(
        ui,
        ctx.t("区分", "Category"),
        &g.category,
        &categories,
        |g, v| g.category = v,
    );
    ui.label(egui::RichText::new(ctx.t("バリューチェーン", "Value chain")).strong());
    ui.horizontal_wrapped(|ui| {
        for s in &r.items.stages {
            let mut on = g.stages.contains(&s.id);
            if ui
                .checkbox(&mut on, ctx.t(&s.name, s.en.as_deref().unwrap_or(&s.name)))
                .changed()
            {
                let stage = s.id.clone();
                let order: Vec<_> = r.items.stages.iter().map(|x| x.id.clone()).collect();
                f.change(move |g| {
                    g.stages.retain(|x| *x != stage);
                    if on {
                        g.stages.push(stage);
                        g.stages.sort_by_key(|x| order.iter().position(|o| o == x));
                    }
                });
            }
        }
    });
    f.provenance(
        ui,
        ctx.t("区分の根拠", "Placement provenance"),
        g.placement_provenance,
        |g, v| {
            g.placement_provenance = v;
        },
    );
    f.en(ui, g.en.as_ref(), |g, v| g.en = v);
    f.source(ui, g.source.as_ref(), |g, v| g.source = v);
    f.provenance(ui, ctx.t("根拠", "Provenance"), g.provenance, |g, v| {
        g.provenance = v;
    });
    ui.separator();
    relations_ui(ui, ctx, id, actions);
    if ui
        .button(ctx.t(
            "＋ この論点に対応案を追加",
            "+ Add a measure answering this gap",
        ))
        .clicked()
        && let Ok(created) = edit::create_measure(
            r,
            None,
            MeasureKind::Response,
            ctx.t("新しい対応案", "New measure"),
        )
    {
        let item = ItemRef::Measure(created.id.clone());
        let link = LinkKind::AddressedBy {
            gap: id.clone(),
            measure: created.id.clone(),
        };
        create_linked(r, created, item, Some(link), Vec::new(), actions);
    }
    if ui
        .button(ctx.t(
            "＋ この論点への提言を作成",
            "+ Create a proposal for this gap",
        ))
        .clicked()
        && let Ok(created) =
            edit::create_proposal(r, None, id.clone(), ctx.t("新しい提言", "New proposal"))
    {
        let item = ItemRef::Proposal(created.id.clone());
        create_linked(r, created, item, None, Vec::new(), actions);
    }
}

/// Measures answering the gap, target states it blocks, gaps it continues and the same gaps.
fn relations_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &GapId, actions: &mut Vec<Action>) {
    let it = &ctx.roadmap.items;
    let me = ItemRef::Gap(id.clone());
    let gaps = || it.gaps.iter().map(|g| ItemRef::Gap(g.id.clone())).collect();
    let relations = [
        Relation {
            heading: ctx.t("対応案", "Measures answering it"),
            add: ctx.t("＋ 対応案に結び付ける", "+ Link to a measure"),
            ty: LinkType::AddressedBy,
            first: true,
            candidates: it
                .measures
                .iter()
                .map(|m| ItemRef::Measure(m.id.clone()))
                .collect(),
        },
        Relation {
            heading: ctx.t("妨げている目指す姿", "Target states it blocks"),
            add: ctx.t("＋ 目指す姿に結び付ける", "+ Link to a target state"),
            ty: LinkType::Blocks,
            first: true,
            candidates: it
                .target_states
                .iter()
                .map(|t| ItemRef::Target(t.id.clone()))
                .collect(),
        },
        Relation {
            heading: ctx.t("引き継ぐ以前の論点", "Earlier gaps it continues"),
            add: ctx.t("＋ 以前の論点を選ぶ", "+ Pick an earlier gap"),
            ty: LinkType::Continues,
            first: false,
            candidates: gaps(),
        },
        Relation {
            heading: ctx.t("同じ論点", "Same issue as"),
            add: ctx.t("＋ 同じ論点を選ぶ", "+ Pick the same gap"),
            ty: LinkType::SameAs,
            first: true,
            candidates: gaps(),
        },
    ];
    for relation in relations {
        relation_ui(ui, ctx, &me, &relation, actions);
    }
}

/// Shows the form of theme `id`, with a button adding a 小論点 to it.
pub fn theme_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &ThemeId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    let Some(t) = r.theme(id) else { return };
    let mut f = Form::new(ctx, &mut *actions, id, id.as_str(), edit::edit_theme);
    f.number(
        ui,
        ctx.t("項目番号", "Theme number"),
        t.number,
        1..=999,
        |t, v| t.number = v,
    );
    f.text(ui, ctx.t("題名", "Title"), &t.title, false, |t, v| {
        t.title = v;
    });
    f.text(
        ui,
        ctx.t("大論点", "Overarching issue"),
        &t.issue,
        true,
        |t, v| t.issue = v,
    );
    f.en(ui, t.en.as_ref(), |t, v| t.en = v);
    f.source(ui, t.source.as_ref(), |t, v| t.source = v);
    if ui
        .button(ctx.t("＋ 項目に小論点を追加", "+ Add a gap to this theme"))
        .clicked()
        && let Ok(created) = edit::create_gap(
            r,
            Some(t.origin),
            Some(id.clone()),
            ctx.t("新しい小論点", "New gap"),
        )
    {
        let item = ItemRef::Gap(created.id.clone());
        create_linked(r, created, item, None, Vec::new(), actions);
    }
}
