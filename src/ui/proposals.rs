//! The proposals (提言①–⑧) of the 2018 gap map: for each, the gap it answers (with its category
//! and value-chain stages), the proposal itself, the examples from abroad grouped by country, its
//! actions and the ministries responsible for them, and the later 小論点 that continue its gap
//! with the ministries responsible for answering those.
//!
//! Like the gap, what continues it belongs to the proposal and is shown whatever the filter; what
//! the filter leaves out is drawn weak.
//!
//! The texts of every proposal that passes the filter are gathered once per generation of the
//! derived data ([`Block`]); only the proposals in view are drawn ([`super::rows`]).

use std::sync::Arc;

use egui::{Id, IdSalt, RichText, Ui};

use super::ViewCtx;
use super::flow::{self, Piece};
use super::matrix::{link, text_height, wrap};
use super::rows::{self, Rows, Stack, link_height};
use crate::action::Action;
use crate::analysis::index::Relation;
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{ItemRef, Proposal, Provenance};

/// What one proposal shows, gathered once.
struct Block {
    item: ItemRef,
    /// Tag and gist, on the header.
    heading: String,
    text: String,
    /// The gap it answers, if the source pairs it with one.
    gap: Option<ItemRef>,
    gap_label: String,
    /// Category, value-chain stages and placement provenance of the gap, flowed on one line.
    facts: Vec<Piece>,
    /// Examples from abroad by country, countries in order of first appearance.
    overseas: Vec<(String, Vec<Example>)>,
    /// The actions that pass the filter, numbered as in the proposal.
    actions: Vec<(ItemRef, String)>,
    no_actions: bool,
    hidden_actions: usize,
    /// The ministries responsible for any of the actions (all of them, whatever the filter).
    ministries: Vec<Piece>,
    /// The gaps carrying this one on: later 小論点 continuing it, and the same issue elsewhere.
    continued: Vec<Continued>,
}

/// A gap carrying the proposal's gap on.
struct Continued {
    item: ItemRef,
    label: String,
    /// The link's note.
    note: Option<String>,
    /// The ministries responsible for the measures answering it.
    ministries: Vec<Piece>,
}

/// An example from abroad: the organisation, when named, and the text.
type Example = (Option<String>, String);

impl Block {
    fn new(ctx: &ViewCtx<'_>, p: &Proposal) -> Self {
        let item = ItemRef::Proposal(p.id.clone());
        let tag = labels::tag(ctx.roadmap, &item, ctx.lang);
        let text = labels::text(ctx.roadmap, &item, ctx.lang);
        let gist = labels::ellipsize(&text, 48);
        let gap = p.gap.clone().map(ItemRef::Gap);
        let gap_label = match &gap {
            Some(gap) => format!(
                "{} {}",
                labels::tag(ctx.roadmap, gap, ctx.lang),
                labels::text(ctx.roadmap, gap, ctx.lang)
            ),
            None => ctx
                .t("（対応するギャップの記載なし）", "(no gap named)")
                .to_owned(),
        };
        let mut actions = Vec::new();
        let mut hidden_actions = 0;
        for (i, a) in p.actions.iter().enumerate() {
            let m = ItemRef::Measure(a.clone());
            if ctx.visible.contains(&m) {
                let label = format!("{}. {}", i + 1, labels::text(ctx.roadmap, &m, ctx.lang));
                actions.push((m, label));
            } else {
                hidden_actions += 1;
            }
        }
        let action_refs: Vec<ItemRef> = p.actions.iter().cloned().map(ItemRef::Measure).collect();
        Self {
            heading: format!("{tag}  {gist}"),
            text,
            facts: facts(ctx, p),
            overseas: overseas(ctx, p),
            ministries: tagged(ctx, p)
                .into_iter()
                .chain(ministries(ctx, &action_refs))
                .collect(),
            continued: gap.as_ref().map(|g| continued(ctx, g)).unwrap_or_default(),
            gap,
            gap_label,
            actions,
            no_actions: p.actions.is_empty(),
            hidden_actions,
            item,
        }
    }
}

fn facts(ctx: &ViewCtx<'_>, p: &Proposal) -> Vec<Piece> {
    let mut out = Vec::new();
    let Some(g) = p.gap.as_ref().and_then(|g| ctx.roadmap.gap(g)) else {
        return out;
    };
    if let Some(c) = &g.category {
        out.push(Piece::Weak(ctx.t("分類：", "Category: ").to_owned()));
        out.push(Piece::Plain(
            match ctx.lang {
                Lang::Ja => c.label_ja(),
                Lang::En => c.label_en(),
            }
            .to_owned(),
        ));
    }
    if !g.stages.is_empty() {
        out.push(Piece::Weak(
            ctx.t("バリューチェーン：", "Value chain: ").to_owned(),
        ));
        for s in &g.stages {
            let stage = ItemRef::Stage(s.clone());
            let label = labels::text(ctx.roadmap, &stage, ctx.lang);
            out.push(Piece::Link(stage, label));
        }
    }
    if g.placement_provenance != Provenance::Stated {
        out.push(Piece::Weak(match ctx.lang {
            Lang::Ja => format!("（{}）", g.placement_provenance.label_ja()),
            Lang::En => format!("({})", g.placement_provenance.label_en()),
        }));
    }
    out
}

fn overseas(ctx: &ViewCtx<'_>, p: &Proposal) -> Vec<(String, Vec<Example>)> {
    let mut countries: Vec<(Option<&str>, Vec<Example>)> = Vec::new();
    for e in &p.overseas {
        let c = e.country.as_deref();
        let example = (e.organisation.clone(), e.text.clone());
        match countries.iter_mut().find(|(x, _)| *x == c) {
            Some((_, list)) => list.push(example),
            None => countries.push((c, vec![example])),
        }
    }
    countries
        .into_iter()
        .map(|(c, list)| {
            let name = c.unwrap_or(ctx.t("（国・地域の記載なし）", "(no country named)"));
            (name.to_owned(), list)
        })
        .collect()
}

/// The facts line of the ministries responsible for any of `measures`: each with its leading
/// role, or a word that none is named.
fn ministries(ctx: &ViewCtx<'_>, measures: &[ItemRef]) -> Vec<Piece> {
    let ministries = ctx.index.ministries_of_measures(measures);
    if ministries.is_empty() {
        return vec![Piece::Weak(
            ctx.t("担当府省庁の記載なし", "No responsible ministry named")
                .to_owned(),
        )];
    }
    let mut out = vec![Piece::Weak(
        ctx.t("担当府省庁：", "Responsible: ").to_owned(),
    )];
    for (m, role) in ministries {
        let label = format!(
            "{} {}{}",
            labels::tag(ctx.roadmap, m, ctx.lang),
            labels::text(ctx.roadmap, m, ctx.lang),
            match ctx.lang {
                Lang::Ja => format!("（{}）", role.label_ja()),
                Lang::En => format!(" ({})", role.label_en()),
            }
        );
        out.push(Piece::Link(m.clone(), label));
    }
    out
}

/// The organisations the source tags the proposal itself with (統・内・外・文・厚・経), each
/// selectable; nothing when it names none.
fn tagged(ctx: &ViewCtx<'_>, p: &Proposal) -> Vec<Piece> {
    if p.ministries.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Piece::Weak(
        ctx.t("提言の担当：", "Proposal by: ").to_owned(),
    )];
    for code in &p.ministries {
        let m = ItemRef::Ministry(code.clone());
        let label = format!(
            "{} {}",
            labels::tag(ctx.roadmap, &m, ctx.lang),
            labels::text(ctx.roadmap, &m, ctx.lang)
        );
        out.push(Piece::Link(m, label));
    }
    out
}

/// The gaps carrying `gap` on (as the inspector lists them), with the ministries answering each.
fn continued(ctx: &ViewCtx<'_>, gap: &ItemRef) -> Vec<Continued> {
    ctx.index
        .continuations(gap)
        .map(|g| {
            let note = ctx
                .index
                .edges(gap)
                .find(|e| {
                    e.other == g
                        && (e.relation == Relation::SameAs
                            || (e.relation == Relation::Continues && e.outgoing))
                })
                .and_then(|e| e.note.map(str::to_owned));
            let label = format!(
                "{} {}",
                labels::tag(ctx.roadmap, g, ctx.lang),
                labels::text(ctx.roadmap, g, ctx.lang)
            );
            let measures: Vec<ItemRef> = ctx.index.measures_of_gap(g).cloned().collect();
            Continued {
                item: g.clone(),
                label,
                note,
                ministries: ministries(ctx, &measures),
            }
        })
        .collect()
}

/// Shows every proposal that passes the filter, in number order, each in a collapsible section.
pub fn proposals_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    ui.heading(ctx.t("提言", "Proposals"));
    let blocks: Arc<Vec<Block>> = rows::cached(
        ui.ctx(),
        Id::unique("waymark-proposals"),
        ctx.generation,
        || {
            let mut proposals: Vec<&Proposal> = ctx
                .roadmap
                .items
                .proposals
                .iter()
                .filter(|p| ctx.visible.contains(&ItemRef::Proposal(p.id.clone())))
                .collect();
            proposals.sort_by_key(|p| p.number);
            proposals.into_iter().map(|p| Block::new(ctx, p)).collect()
        },
    );
    if blocks.is_empty() {
        ui.label(ctx.t(
            "フィルタに該当する提言はありません。",
            "No proposal passes the filter.",
        ));
        return;
    }
    let mut list = List {
        ctx,
        blocks: &blocks,
        actions,
    };
    rows::show(ui, "proposals", ctx.generation, &mut list);
}

struct List<'a, 'c> {
    ctx: &'c ViewCtx<'a>,
    blocks: &'c [Block],
    actions: &'c mut Vec<Action>,
}

/// The ID under which a proposal's section remembers whether it is open.
fn fold_id(item: &ItemRef) -> Id {
    Id::unique(("waymark-proposal-open", item.id_str()))
}

impl Rows for List<'_, '_> {
    fn len(&self) -> usize {
        self.blocks.len()
    }

    fn id(&self, i: usize) -> IdSalt {
        IdSalt::new(("proposal", self.blocks[i].item.id_str()))
    }

    fn height(&self, ui: &Ui, i: usize, width: f32) -> f32 {
        block_height(ui, &self.blocks[i], width)
    }

    fn reveal(&self) -> Option<usize> {
        let selection = self.ctx.selection.filter(|_| self.ctx.reveal)?;
        // The proposal itself, else the first that shows it: its gap, an action, a gap
        // carrying it on, a ministry.
        self.blocks
            .iter()
            .position(|b| &b.item == selection)
            .or_else(|| {
                self.blocks.iter().position(|b| {
                    b.gap.as_ref() == Some(selection)
                        || b.actions.iter().any(|(a, _)| a == selection)
                        || b.continued.iter().any(|c| &c.item == selection)
                        || self.ctx.index.edges(&b.item).any(|e| e.other == selection)
                })
            })
    }

    fn draw(&mut self, ui: &mut Ui, i: usize) {
        wrap(ui);
        block_ui(ui, self.ctx, &self.blocks[i], self.actions);
    }
}

fn is_open(ui: &Ui, b: &Block) -> bool {
    egui::collapsing_header::CollapsingState::load(ui.ctx(), fold_id(&b.item))
        .is_none_or(|s| s.is_open())
}

fn block_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, b: &Block, actions: &mut Vec<Action>) {
    let mut heading = RichText::new(&b.heading).strong();
    if ctx.is_selected(&b.item) {
        heading = heading.color(ui.visuals().selection.stroke.color);
    }
    let state = egui::collapsing_header::CollapsingState::load_with_default_open(
        ui.ctx(),
        fold_id(&b.item),
        true,
    );
    let mut toggle = false;
    let mut header = state.show_header(ui, |ui| {
        toggle = ui
            .add(egui::Label::new(heading).sense(egui::Sense::click()))
            .clicked();
    });
    if toggle {
        header.toggle();
    }
    header.body(|ui| {
        wrap(ui);
        link(ui, ctx, &b.item, b.text.as_str(), actions);
        gap_ui(ui, ctx, b, actions);
        overseas_ui(ui, ctx, b);
        actions_ui(ui, ctx, b, actions);
        continued_ui(ui, ctx, b, actions);
    });
    ui.separator();
}

/// Height of [`block_ui`] for `b` at `width`.
fn block_height(ui: &Ui, b: &Block, width: f32) -> f32 {
    let s = ui.spacing();
    let indent = s.indent;
    let mut h = Stack::new(ui);
    // The header: a row of the fold button and the heading.
    h.add(
        s.interact_size
            .y
            .max(text_height(ui, &b.heading, width - indent)),
    );
    if is_open(ui, b) {
        let w = width - indent;
        let mut body = Stack::new(ui);
        body.add(link_height(ui, &b.text, w));
        // The gap.
        section_height(ui, &mut body);
        let mut gap = Stack::new(ui);
        gap.add(link_height(ui, &b.gap_label, w - indent));
        if !b.facts.is_empty() {
            gap.add(flow::height(ui, &b.facts, w - indent));
        }
        body.add(gap.height());
        // Examples abroad.
        if !b.overseas.is_empty() {
            section_height(ui, &mut body);
            let mut all = Stack::new(ui);
            for (country, examples) in &b.overseas {
                all.add(text_height(ui, country, w - indent));
                let mut list = Stack::new(ui);
                for (org, text) in examples {
                    if let Some(org) = org {
                        list.add(text_height(ui, org, w - 2.0 * indent));
                    }
                    list.add(text_height(ui, text, w - 2.0 * indent));
                }
                all.add(list.height());
            }
            body.add(all.height());
        }
        // Actions.
        section_height(ui, &mut body);
        let mut list = Stack::new(ui);
        for (_, label) in &b.actions {
            list.add(link_height(ui, label, w - indent));
        }
        if b.no_actions {
            list.add(ui.text_style_height(&egui::TextStyle::Body));
        }
        if b.hidden_actions > 0 {
            list.add(ui.text_style_height(&egui::TextStyle::Body));
        }
        list.add(flow::height(ui, &b.ministries, w - indent));
        body.add(list.height());
        // Continued by.
        section_height(ui, &mut body);
        let mut list = Stack::new(ui);
        if b.continued.is_empty() {
            list.add(ui.text_style_height(&egui::TextStyle::Body));
        }
        for c in &b.continued {
            list.add(link_height(ui, &c.label, w - indent));
            list.add(flow::height(ui, &c.ministries, w - 2.0 * indent));
        }
        body.add(list.height());
        h.add(body.height());
    }
    // The separator.
    h.add(6.0);
    h.height()
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(title).strong());
}

fn section_height(ui: &Ui, h: &mut Stack) {
    h.space(4.0);
    h.add(ui.text_style_height(&egui::TextStyle::Body));
}

fn gap_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, b: &Block, actions: &mut Vec<Action>) {
    section(ui, ctx.t("ギャップ", "Gap"));
    ui.indent("gap", |ui| {
        match &b.gap {
            Some(gap) => link(ui, ctx, gap, b.gap_label.as_str(), actions),
            None => ui.label(b.gap_label.as_str()),
        };
        if b.facts.is_empty() {
            return;
        }
        flow::show(ui, ctx, &b.facts, actions);
    });
}

/// Draws what `add` adds weak when the filter leaves `item` out: it is shown as context.
fn context_link(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    add: impl FnOnce(&mut Ui) -> egui::Response,
) -> egui::Response {
    ui.scope(|ui| {
        if !ctx.visible.contains(item) {
            ui.visuals_mut().override_text_color = Some(ui.visuals().weak_text_color());
        }
        add(ui)
    })
    .inner
}

/// Examples grouped by country, countries in order of first appearance.
fn overseas_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, b: &Block) {
    if b.overseas.is_empty() {
        return;
    }
    section(ui, ctx.t("海外の事例", "Examples abroad"));
    ui.indent("overseas", |ui| {
        for (country, examples) in &b.overseas {
            ui.label(RichText::new(country).underline());
            ui.indent(("country", country), |ui| {
                for (org, text) in examples {
                    if let Some(org) = org {
                        ui.label(RichText::new(org).strong());
                    }
                    ui.label(text);
                }
            });
        }
    });
}

fn actions_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, b: &Block, actions: &mut Vec<Action>) {
    section(ui, ctx.t("アクション", "Actions"));
    ui.indent("actions", |ui| {
        for (m, label) in &b.actions {
            link(ui, ctx, m, label.as_str(), actions);
        }
        if b.no_actions {
            ui.label(RichText::new(ctx.t("なし", "None")).weak());
        }
        if b.hidden_actions > 0 {
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    ctx.t("フィルタで非表示：", "Hidden by the filter:"),
                    b.hidden_actions
                ))
                .weak(),
            );
        }
        flow::show(ui, ctx, &b.ministries, actions);
    });
}

fn continued_ui(ui: &mut Ui, ctx: &ViewCtx<'_>, b: &Block, actions: &mut Vec<Action>) {
    section(
        ui,
        &format!(
            "{} ({})",
            ctx.t("継承先の小論点", "Continued by"),
            b.continued.len()
        ),
    );
    ui.indent("continued", |ui| {
        if b.continued.is_empty() {
            ui.label(RichText::new(ctx.t("なし", "None")).weak());
        }
        for c in &b.continued {
            let resp = context_link(ui, ctx, &c.item, |ui| {
                link(ui, ctx, &c.item, c.label.as_str(), actions)
            });
            if let Some(note) = &c.note {
                resp.on_hover_text(note);
            }
            ui.indent(("continued-by", c.item.id_str()), |ui| {
                flow::show(ui, ctx, &c.ministries, actions);
            });
        }
    });
}
