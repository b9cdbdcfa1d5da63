//! A proposal's form: statement, place in number order, the gap it answers, examples from
//! abroad, its actions in order, gloss and source; a new action.

use crate::action::Action;
use crate::edit::{self, Edit, ItemValue};
use crate::model::{ItemRef, LinkKind, MeasureKind, OverseasExample, ProposalId};

use super::super::{ViewCtx, item_link};
use super::create_linked;
use super::fields::{Form, item_entries, picker, text_field};
use super::push;
use super::rows::{RowOp, move_buttons, row_buttons};

/// Shows the form of proposal `id`.
pub fn proposal_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id: &ProposalId,
    actions: &mut Vec<Action>,
) {
    let r = ctx.roadmap;
    let Some(p) = r.proposal(id) else { return };
    let mut f = Form::new(ctx, &mut *actions, id, id.as_str(), edit::edit_proposal);
    f.text(
        ui,
        ctx.t("提言", "Statement"),
        &p.statement,
        true,
        |p, v| p.statement = v,
    );
    let mut order: Vec<(u32, &ProposalId)> = r
        .items
        .proposals
        .iter()
        .map(|x| (x.number, &x.id))
        .collect();
    order.sort();
    let rank = order.iter().position(|(_, x)| *x == id).unwrap_or(0);
    ui.label(format!(
        "{} {}",
        ctx.t("番号", "Number"),
        crate::model::circled(p.number)
    ));
    if let Some(to) = move_buttons(ui, ctx, rank, order.len()) {
        push(f.actions, edit::move_proposal(r, id, to));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(ctx.t("対象の論点", "Gap it answers")).strong());
        match &p.gap {
            Some(gap) => {
                let gap = ItemRef::Gap(gap.clone());
                let text = crate::analysis::labels::short(r, &gap, ctx.lang, 28);
                item_link(ui, ctx, &gap, text, f.actions);
            }
            None => {
                ui.label(ctx.t("（なし）", "(none)"));
            }
        }
        let gaps = r
            .items
            .gaps
            .iter()
            .filter(|g| p.gap.as_ref() != Some(&g.id))
            .map(|g| ItemRef::Gap(g.id.clone()));
        let title = ctx.t("論点を変更…", "Change gap…");
        if let Some(ItemRef::Gap(new)) = picker(
            ui,
            ctx,
            (id.as_str(), "gap"),
            title,
            item_entries(ctx, gaps),
        ) {
            f.change(move |p| p.gap = Some(new));
        }
    });
    overseas_ui(ui, &mut f, &p.overseas);
    ui.label(egui::RichText::new(ctx.t("アクション", "Actions")).strong());
    for (i, a) in p.actions.iter().enumerate() {
        let op = ui
            .horizontal(|ui| {
                let item = ItemRef::Measure(a.clone());
                let text = crate::analysis::labels::short(r, &item, ctx.lang, 24);
                item_link(ui, ctx, &item, text, f.actions);
                row_buttons(ui, ctx, i, p.actions.len())
            })
            .inner;
        match op {
            Some(RowOp::Remove(_)) => push(f.actions, edit::remove_action(r, id, a)),
            Some(op) => f.change(move |p| op.apply(&mut p.actions)),
            None => {}
        }
    }
    let free = r
        .items
        .measures
        .iter()
        .filter(|m| !p.actions.contains(&m.id))
        .map(|m| ItemRef::Measure(m.id.clone()));
    let title = ctx.t("＋ 既存の対応案をアクションに", "+ Add an existing measure");
    if let Some(ItemRef::Measure(m)) = picker(
        ui,
        ctx,
        (id.as_str(), "actions"),
        title,
        item_entries(ctx, free),
    ) {
        push(f.actions, edit::add_action(r, id, &m, None));
    }
    f.en(ui, p.en.as_ref(), |p, v| p.en = v);
    f.source(ui, p.source.as_ref(), |p, v| p.source = v);
    if ui
        .button(ctx.t("＋ アクションを追加", "+ Add an action"))
        .clicked()
        && let Ok(created) = edit::create_measure(
            r,
            None,
            MeasureKind::ProposalAction,
            ctx.t("新しいアクション", "New action"),
        )
    {
        let mut proposal = p.clone();
        proposal.actions.push(created.id.clone());
        let item = ItemRef::Measure(created.id.clone());
        // The action answers the proposal's gap, when it has one.
        let link = p.gap.clone().map(|gap| LinkKind::AddressedBy {
            gap,
            measure: created.id.clone(),
        });
        let more = vec![Edit::Replace(ItemValue::Proposal(proposal))];
        create_linked(r, created, item, link, more, actions);
    }
}

/// One field of an example from abroad: its label, current text, whether it is long, and how
/// to set it.
type ExampleField<'a> = (String, &'a str, bool, fn(&mut OverseasExample, String));

/// Examples from abroad: country, organisation and text of each, and adding, moving, removing.
fn overseas_ui(
    ui: &mut egui::Ui,
    f: &mut Form<'_, '_, crate::model::Proposal, ProposalId>,
    examples: &[OverseasExample],
) {
    let ctx = f.ctx;
    ui.label(egui::RichText::new(ctx.t("海外の例", "Examples from abroad")).strong());
    for (i, x) in examples.iter().enumerate() {
        let n = i + 1;
        let fields: [ExampleField<'_>; 3] = [
            (
                format!("{} {n}", ctx.t("国・地域", "Country")),
                x.country.as_deref().unwrap_or(""),
                false,
                |x, v| {
                    x.country = (!v.trim().is_empty()).then_some(v);
                },
            ),
            (
                format!("{} {n}", ctx.t("組織", "Organisation")),
                x.organisation.as_deref().unwrap_or(""),
                false,
                |x, v| {
                    x.organisation = (!v.trim().is_empty()).then_some(v);
                },
            ),
            (
                format!("{} {n}", ctx.t("内容", "What they do")),
                &x.text,
                true,
                |x, v| x.text = v,
            ),
        ];
        for (name, current, multiline, set) in fields {
            if let Some(v) = text_field(ui, (f.key, &name), &name, current, multiline) {
                f.change(move |p| {
                    if let Some(x) = p.overseas.get_mut(i) {
                        set(x, v);
                    }
                });
            }
        }
        if let Some(op) = ui
            .horizontal(|ui| row_buttons(ui, ctx, i, examples.len()))
            .inner
        {
            f.change(move |p| op.apply(&mut p.overseas));
        }
    }
    if ui
        .small_button(ctx.t("＋ 海外の例を追加", "+ Add an example"))
        .clicked()
    {
        let text = ctx.t("（内容）", "(what they do)").to_owned();
        f.change(move |p| {
            p.overseas.push(OverseasExample {
                country: None,
                organisation: None,
                text,
            });
        });
    }
}
