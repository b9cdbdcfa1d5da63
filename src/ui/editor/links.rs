//! Links from the inspector: the items joined to the selected one by one kind of link, each
//! removable, and a searchable picker that adds one (refused by `edit::link` when it makes no
//! sense). Responsible ministries have their role as well.

use crate::action::Action;
use crate::edit;
use crate::model::{ItemRef, Link, LinkKind, LinkType, MeasureId, Provenance, Role};

use super::super::{ViewCtx, item_link};
use super::fields::{choice, item_entries, picker, provenances, text_field};
use super::push;

/// One kind of link seen from the selected item.
pub struct Relation<'a> {
    /// The heading of the list.
    pub heading: &'a str,
    /// The picker's button.
    pub add: &'a str,
    /// The kind of link.
    pub ty: LinkType,
    /// Whether the selected item is the link's first end (see [`LinkKind::ends`]); either end
    /// counts for a symmetric kind.
    pub first: bool,
    /// What may be picked.
    pub candidates: Vec<ItemRef>,
}

impl Relation<'_> {
    /// The other end when `link` is one of this relation of `me`.
    fn other(&self, me: &ItemRef, link: &LinkKind) -> Option<ItemRef> {
        if link.link_type() != self.ty {
            return None;
        }
        let [a, b] = link.ends();
        let mine_first = (self.first || self.ty.is_symmetric()) && a == *me;
        let mine_second = (!self.first || self.ty.is_symmetric()) && b == *me;
        if mine_first {
            Some(b)
        } else if mine_second {
            Some(a)
        } else {
            None
        }
    }

    /// The link joining `me` to `picked`.
    fn make(&self, me: &ItemRef, picked: ItemRef) -> Option<LinkKind> {
        let (a, b) = if self.first {
            (me.clone(), picked)
        } else {
            (picked, me.clone())
        };
        LinkKind::from_ends(self.ty, a, b, Role::Lead)
    }
}

/// Shows a relation: linked items (click to select, × to unlink) and the picker.
pub fn relation_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    me: &ItemRef,
    relation: &Relation<'_>,
    actions: &mut Vec<Action>,
) {
    let r = ctx.roadmap;
    ui.label(egui::RichText::new(relation.heading).strong());
    let linked: Vec<(usize, &Link, ItemRef)> = r
        .items
        .links
        .iter()
        .enumerate()
        .filter_map(|(i, l)| relation.other(me, &l.link).map(|o| (i, l, o)))
        .collect();
    for (index, link, other) in &linked {
        // The buttons first, so that a long label never pushes them out of the panel.
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(ctx.t("つながりを外す", "Unlink"))
                .clicked()
            {
                push(actions, edit::unlink(r, &link.link));
            }
            link_details_ui(ui, ctx, *index, link, actions);
            let text = crate::analysis::labels::short(r, other, ctx.lang, 28);
            item_link(ui, ctx, other, text, actions);
        });
    }
    let free = relation
        .candidates
        .iter()
        .filter(|c| *c != me && !linked.iter().any(|(_, _, o)| o == *c))
        .cloned();
    let salt = (me.id_str(), relation.add);
    if let Some(kind) = picker(ui, ctx, salt, relation.add, item_entries(ctx, free))
        .and_then(|picked| relation.make(me, picked))
    {
        push(actions, edit::link(r, kind, Provenance::Editorial));
    }
}

/// The responsible ministries of a measure with their roles, and a picker adding one.
pub fn ministries_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id: &MeasureId,
    actions: &mut Vec<Action>,
) {
    let r = ctx.roadmap;
    ui.label(egui::RichText::new(ctx.t("担当府省庁", "Responsible ministries")).strong());
    let roles =
        [Role::Lead, Role::CoLead, Role::Support].map(|x| (x, ctx.t(x.label_ja(), x.label_en())));
    let mut taken = Vec::new();
    for (index, l) in r.items.links.iter().enumerate() {
        let LinkKind::Responsible {
            measure,
            ministry,
            role,
        } = &l.link
        else {
            continue;
        };
        if measure != id {
            continue;
        }
        taken.push(ministry.clone());
        ui.horizontal(|ui| {
            let salt = (id.as_str(), ministry.as_str());
            if let Some(new) = choice(ui, salt, ministry.as_str(), role, &roles) {
                push(
                    actions,
                    edit::set_link(r, index, |l| {
                        if let LinkKind::Responsible { role, .. } = &mut l.link {
                            *role = new;
                        }
                    }),
                );
            }
            if ui
                .small_button("×")
                .on_hover_text(ctx.t("この府省庁を外す", "Remove this ministry"))
                .clicked()
            {
                push(actions, edit::unlink(r, &l.link));
            }
            link_details_ui(ui, ctx, index, l, actions);
        });
    }
    let free = r
        .items
        .ministries
        .iter()
        .filter(|m| !taken.contains(&m.code))
        .map(|m| {
            (
                m.code.clone(),
                format!("{} {}", m.code, ctx.t(&m.name, &m.name_en)),
            )
        });
    let title = ctx.t("＋ 府省庁を追加", "+ Add ministry");
    if let Some(ministry) = picker(ui, ctx, (id.as_str(), "ministries"), title, free) {
        let role = if taken.is_empty() {
            Role::Lead
        } else {
            Role::CoLead
        };
        let kind = LinkKind::Responsible {
            measure: id.clone(),
            ministry,
            role,
        };
        push(actions, edit::link(r, kind, Provenance::Editorial));
    }
}

/// A link's provenance and note, edited from a small menu beside it; its button shows whether the
/// link is stated by the source or an editor's judgement.
fn link_details_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    index: usize,
    link: &Link,
    actions: &mut Vec<Action>,
) {
    let r = ctx.roadmap;
    let [a, b] = link.link.ends();
    let key = format!("{}>{}>{}", link.link.name(), a.id_str(), b.id_str());
    let shown = ctx.t(link.provenance.label_ja(), link.provenance.label_en());
    let title = format!("{shown}{}", if link.note.is_some() { " ※" } else { "" });
    ui.menu_button(title, |ui| {
        ui.set_min_width(320.0);
        ui.label(egui::RichText::new(ctx.t("つながりの根拠", "Link provenance")).strong());
        ui.horizontal(|ui| {
            for (p, text) in provenances(ctx) {
                if ui.radio(link.provenance == p, text).clicked() && link.provenance != p {
                    push(actions, edit::set_link(r, index, |l| l.provenance = p));
                }
            }
        });
        let note = link.note.as_deref().unwrap_or("");
        let name = ctx.t("つながりの注記", "Link note");
        if let Some(text) = text_field(ui, (key.as_str(), "note"), name, note, true) {
            let text = (!text.trim().is_empty()).then_some(text);
            push(actions, edit::set_link(r, index, |l| l.note = text));
        }
    })
    .response
    .on_hover_text(ctx.t("つながりの根拠と注記", "The link's provenance and note"));
}
