//! Editing in the inspector: every field of the selected measure, gap or proposal, its links with a
//! searchable picker, creating related items and deleting. Each change is pushed as one
//! [`Action::Edit`]; text is committed when the field loses focus, so one edit of a field is one
//! undo step, and typing (IME included) happens in egui's own text field.

use crate::action::Action;
use crate::analysis::labels;
use crate::edit::{self, Edit};
use crate::model::{
    Category, FySpan, GapId, ItemRef, Link, LinkKind, MeasureId, MeasureKind, Provenance, Role,
    Status,
};

use super::ViewCtx;

/// Shows the editing controls for `item`.
pub fn editor_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, item: &ItemRef, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new(ctx.t("編集", "Edit"))
        .id_salt("editor")
        .default_open(true)
        .show(ui, |ui| {
            match item {
                ItemRef::Measure(id) => measure_ui(ui, ctx, id, actions),
                ItemRef::Gap(id) => gap_ui(ui, ctx, id, actions),
                ItemRef::Proposal(id) => proposal_ui(ui, ctx, id, actions),
                _ => {}
            }
            ui.separator();
            if ui.button(ctx.t("削除…", "Delete…")).clicked() {
                actions.push(Action::Delete(item.clone()));
            }
        });
}

/// Pushes the edit, or shows nothing when it could not be built (the apply step reports refusals).
fn push(actions: &mut Vec<Action>, edit: Result<Edit, edit::EditError>) {
    if let Ok(edit) = edit {
        actions.push(Action::Edit(Box::new(edit)));
    }
}

/// A labelled text field that commits when it loses focus. Returns the new text then.
fn text_field(
    ui: &mut egui::Ui,
    id_salt: (&str, &str),
    label: &str,
    current: &str,
    multiline: bool,
) -> Option<String> {
    let id = ui.make_persistent_id(id_salt);
    let mut buffer: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.to_owned());
    let label = ui.label(egui::RichText::new(label).strong());
    let edit = if multiline {
        egui::TextEdit::multiline(&mut buffer).desired_rows(3)
    } else {
        egui::TextEdit::singleline(&mut buffer)
    };
    let response = ui
        .add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, buffer.clone()));
        None
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        (response.lost_focus() && buffer != current).then_some(buffer)
    }
}

fn status_label(ctx: &ViewCtx<'_>, s: &Status) -> &'static str {
    match s {
        Status::Proposed => ctx.lang.pick("提案", "Proposed"),
        Status::Planned => ctx.lang.pick("予定", "Planned"),
        Status::Ongoing => ctx.lang.pick("実施中", "Ongoing"),
        Status::Done => ctx.lang.pick("完了", "Done"),
        Status::Unknown => ctx.lang.pick("不明", "Unknown"),
    }
}

fn measure_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &MeasureId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    let Some(m) = r.measure(id) else { return };
    let key = id.as_str();
    if let Some(t) = text_field(
        ui,
        (key, "title"),
        ctx.t("題名", "Title"),
        m.title.as_deref().unwrap_or(""),
        false,
    ) {
        push(
            actions,
            edit::edit_measure(r, id, |m| m.title = (!t.trim().is_empty()).then_some(t)),
        );
    }
    if let Some(t) = text_field(ui, (key, "text"), ctx.t("本文", "Text"), &m.text, true) {
        push(actions, edit::edit_measure(r, id, |m| m.text = t));
    }
    ui.horizontal(|ui| {
        let label = ui.label(egui::RichText::new(ctx.t("状況", "Status")).strong());
        egui::ComboBox::from_id_salt((key, "status"))
            .selected_text(status_label(ctx, &m.status))
            .show_ui(ui, |ui| {
                for s in [
                    Status::Proposed,
                    Status::Planned,
                    Status::Ongoing,
                    Status::Done,
                    Status::Unknown,
                ] {
                    if ui
                        .selectable_label(s == m.status, status_label(ctx, &s))
                        .clicked()
                        && s != m.status
                    {
                        push(actions, edit::edit_measure(r, id, |m| m.status = s));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    span_ui(ui, ctx, id, m.span.as_ref(), actions);
    ministries_ui(ui, ctx, id, actions);
    gaps_ui(ui, ctx, id, actions);
}

fn span_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id: &MeasureId,
    span: Option<&FySpan>,
    actions: &mut Vec<Action>,
) {
    let r = ctx.roadmap;
    let (lo, hi) = (r.header.start_fy, r.header.end_fy);
    let mut has = span.is_some();
    if ui
        .checkbox(&mut has, ctx.t("期間（年度）", "Span (fiscal years)"))
        .changed()
    {
        let new = has.then(|| FySpan {
            start_fy: lo.max(2025).min(hi),
            end_fy: hi.min(2029).max(lo),
            provenance: Provenance::Assumed,
            basis: Some(ctx.t("編集者が設定", "Set by an editor").to_owned()),
        });
        push(actions, edit::edit_measure(r, id, |m| m.span = new));
    }
    let Some(span) = span else { return };
    let mut s = span.clone();
    ui.horizontal(|ui| {
        let from = ui.label(ctx.t("開始", "From"));
        let a = ui
            .add(
                egui::DragValue::new(&mut s.start_fy)
                    .range(lo..=hi)
                    .prefix("FY"),
            )
            .labelled_by(from.id);
        let to = ui.label(ctx.t("終了", "To"));
        let b = ui
            .add(
                egui::DragValue::new(&mut s.end_fy)
                    .range(lo..=hi)
                    .prefix("FY"),
            )
            .labelled_by(to.id);
        // One step per change of a value, not per pixel dragged.
        if (a.drag_stopped() || (a.changed() && !a.dragged()))
            || (b.drag_stopped() || (b.changed() && !b.dragged()))
        {
            s.end_fy = s.end_fy.max(s.start_fy);
            push(actions, edit::reschedule(r, id, s.clone()));
        }
        let label = ui.label(ctx.t("根拠", "Provenance"));
        egui::ComboBox::from_id_salt((id.as_str(), "span-provenance"))
            .selected_text(ctx.t(span.provenance.label_ja(), span.provenance.label_en()))
            .show_ui(ui, |ui| {
                for p in [
                    Provenance::Stated,
                    Provenance::Editorial,
                    Provenance::Assumed,
                ] {
                    if ui
                        .selectable_label(p == span.provenance, ctx.t(p.label_ja(), p.label_en()))
                        .clicked()
                        && p != span.provenance
                    {
                        let mut s = span.clone();
                        s.provenance = p;
                        push(actions, edit::reschedule(r, id, s));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(b) = text_field(
        ui,
        (id.as_str(), "basis"),
        ctx.t("期間の根拠", "Basis of the span"),
        span.basis.as_deref().unwrap_or(""),
        false,
    ) {
        let mut s = span.clone();
        s.basis = (!b.trim().is_empty()).then_some(b);
        push(actions, edit::reschedule(r, id, s));
    }
}

fn role_label(ctx: &ViewCtx<'_>, role: Role) -> &'static str {
    ctx.t(role.label_ja(), role.label_en())
}

fn ministries_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &MeasureId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    ui.label(egui::RichText::new(ctx.t("担当府省庁", "Responsible ministries")).strong());
    let links: Vec<(usize, &Link)> = r
        .items
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(&l.link, LinkKind::Responsible { measure, .. } if measure == id))
        .collect();
    for (index, l) in &links {
        let LinkKind::Responsible { ministry, role, .. } = &l.link else {
            continue;
        };
        ui.horizontal(|ui| {
            let name = ui.label(format!("{ministry}"));
            egui::ComboBox::from_id_salt((id.as_str(), ministry.as_str(), "role"))
                .selected_text(role_label(ctx, *role))
                .show_ui(ui, |ui| {
                    for new in [Role::Lead, Role::CoLead, Role::Support] {
                        if ui
                            .selectable_label(new == *role, role_label(ctx, new))
                            .clicked()
                            && new != *role
                        {
                            push(
                                actions,
                                edit::set_link(r, *index, |l| {
                                    if let LinkKind::Responsible { role, .. } = &mut l.link {
                                        *role = new;
                                    }
                                }),
                            );
                        }
                    }
                })
                .response
                .labelled_by(name.id);
            if ui
                .small_button("×")
                .on_hover_text(ctx.t("この府省庁を外す", "Remove this ministry"))
                .clicked()
            {
                push(actions, edit::unlink(r, &l.link));
            }
        });
    }
    let taken: Vec<&str> = links
        .iter()
        .filter_map(|(_, l)| {
            if let LinkKind::Responsible { ministry, .. } = &l.link {
                Some(ministry.as_str())
            } else {
                None
            }
        })
        .collect();
    let free: Vec<_> = r
        .items
        .ministries
        .iter()
        .filter(|m| !taken.contains(&m.code.as_str()))
        .collect();
    if !free.is_empty() {
        ui.menu_button(ctx.t("＋ 府省庁を追加", "+ Add ministry"), |ui| {
            for m in free {
                if ui
                    .selectable_label(false, format!("{} {}", m.code, ctx.t(&m.name, &m.name_en)))
                    .clicked()
                {
                    let role = if taken.is_empty() {
                        Role::Lead
                    } else {
                        Role::CoLead
                    };
                    let kind = LinkKind::Responsible {
                        measure: id.clone(),
                        ministry: m.code.clone(),
                        role,
                    };
                    push(actions, edit::link(r, kind, Provenance::Editorial));
                }
            }
        });
    }
}

fn gaps_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &MeasureId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    ui.label(egui::RichText::new(ctx.t("対応する論点", "Gaps it answers")).strong());
    let answered: Vec<&GapId> = r
        .items
        .links
        .iter()
        .filter_map(|l| match &l.link {
            LinkKind::AddressedBy { gap, measure } if measure == id => Some(gap),
            _ => None,
        })
        .collect();
    for gap in &answered {
        ui.horizontal(|ui| {
            ui.label(labels::short(
                r,
                &ItemRef::Gap((*gap).clone()),
                ctx.lang,
                24,
            ));
            if ui
                .small_button("×")
                .on_hover_text(ctx.t("つながりを外す", "Unlink"))
                .clicked()
            {
                push(
                    actions,
                    edit::unlink(
                        r,
                        &LinkKind::AddressedBy {
                            gap: (*gap).clone(),
                            measure: id.clone(),
                        },
                    ),
                );
            }
        });
    }
    picker(
        ui,
        ctx,
        (id.as_str(), "gap-picker"),
        ctx.t("＋ 論点に結び付ける", "+ Link to a gap"),
        |ui, query| {
            for g in &r.items.gaps {
                if answered.contains(&&g.id) {
                    continue;
                }
                let label = labels::short(r, &ItemRef::Gap(g.id.clone()), ctx.lang, 30);
                if !query.is_empty()
                    && !label.to_lowercase().contains(query)
                    && !g.text.contains(query)
                {
                    continue;
                }
                if ui.selectable_label(false, label).clicked() {
                    push(
                        actions,
                        edit::link(
                            r,
                            LinkKind::AddressedBy {
                                gap: g.id.clone(),
                                measure: id.clone(),
                            },
                            Provenance::Editorial,
                        ),
                    );
                }
            }
        },
    );
}

/// A searchable picker: a menu button with a search field and the matching entries.
fn picker(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id_salt: (&str, &str),
    title: &str,
    list: impl FnOnce(&mut egui::Ui, &str),
) {
    ui.menu_button(title, |ui| {
        let id = ui.make_persistent_id(id_salt);
        let mut query: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let label = ui.label(ctx.t("検索", "Search"));
        ui.add(egui::TextEdit::singleline(&mut query).desired_width(240.0))
            .labelled_by(label.id);
        ui.data_mut(|d| d.insert_temp(id, query.clone()));
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| list(ui, &query.to_lowercase()));
    });
}

fn gap_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, id: &GapId, actions: &mut Vec<Action>) {
    let r = ctx.roadmap;
    let Some(g) = r.gap(id) else { return };
    if let Some(t) = text_field(
        ui,
        (id.as_str(), "text"),
        ctx.t("本文", "Text"),
        &g.text,
        true,
    ) {
        push(actions, edit::edit_gap(r, id, |g| g.text = t));
    }
    ui.horizontal(|ui| {
        let label = ui.label(egui::RichText::new(ctx.t("区分", "Category")).strong());
        let current = g.category.as_ref().map_or(ctx.t("なし", "none"), |c| {
            ctx.t(c.label_ja(), c.label_en())
        });
        egui::ComboBox::from_id_salt((id.as_str(), "category"))
            .selected_text(current)
            .show_ui(ui, |ui| {
                let options = [
                    None,
                    Some(Category::Regulation),
                    Some(Category::PeopleSystemsInfrastructure),
                    Some(Category::PromotionGovernanceFunding),
                ];
                for c in options {
                    let text = c.as_ref().map_or(ctx.t("なし", "none"), |c| {
                        ctx.t(c.label_ja(), c.label_en())
                    });
                    if ui.selectable_label(c == g.category, text).clicked() && c != g.category {
                        push(actions, edit::edit_gap(r, id, |g| g.category = c));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if ui
        .button(ctx.t(
            "＋ この論点に対応案を追加",
            "+ Add a measure answering this gap",
        ))
        .clicked()
    {
        let text = ctx.t("新しい対応案", "New measure");
        if let Ok(created) = edit::create_measure(r, None, MeasureKind::Response, text) {
            let origin = new_origin(&created.edit);
            let link = Link {
                link: LinkKind::AddressedBy {
                    gap: id.clone(),
                    measure: created.id.clone(),
                },
                provenance: Provenance::Editorial,
                note: None,
                source: None,
                origin,
            };
            let add = Edit::AddLink {
                index: link_index(r, origin),
                link,
            };
            actions.push(Action::Edit(Box::new(Edit::Batch(vec![created.edit, add]))));
            actions.push(Action::Select(Some(ItemRef::Measure(created.id))));
        }
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
        actions.push(Action::Edit(Box::new(created.edit)));
        actions.push(Action::Select(Some(ItemRef::Proposal(created.id))));
    }
}

/// Where a new link saved to `origin` goes: after the last link of that file, so that the order
/// in memory is the order on disk.
fn link_index(r: &crate::model::Roadmap, origin: crate::model::FileId) -> usize {
    r.items
        .links
        .iter()
        .rposition(|l| l.origin == origin)
        .map_or(r.items.links.len(), |i| i + 1)
}

/// The file a newly created item goes to, so its links are saved beside it.
fn new_origin(edit: &Edit) -> crate::model::FileId {
    match edit {
        Edit::Insert { value, .. } => value.origin(),
        _ => crate::model::FileId(0),
    }
}

fn proposal_ui(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id: &crate::model::ProposalId,
    actions: &mut Vec<Action>,
) {
    let r = ctx.roadmap;
    let Some(p) = r.items.proposals.iter().find(|p| &p.id == id) else {
        return;
    };
    if let Some(t) = text_field(
        ui,
        (id.as_str(), "statement"),
        ctx.t("提言", "Statement"),
        &p.statement,
        true,
    ) {
        push(actions, edit::edit_proposal(r, id, |p| p.statement = t));
    }
    ui.horizontal(|ui| {
        let rank = r
            .items
            .proposals
            .iter()
            .position(|x| &x.id == id)
            .unwrap_or(0);
        if ui
            .add_enabled(rank > 0, egui::Button::new(ctx.t("↑ 前へ", "↑ Earlier")))
            .clicked()
        {
            push(actions, edit::move_proposal(r, id, rank - 1));
        }
        if ui
            .add_enabled(
                rank + 1 < r.items.proposals.len(),
                egui::Button::new(ctx.t("↓ 後へ", "↓ Later")),
            )
            .clicked()
        {
            push(actions, edit::move_proposal(r, id, rank + 1));
        }
    });
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
        let origin = new_origin(&created.edit);
        let mut proposal = p.clone();
        proposal.actions.push(created.id.clone());
        let link = Link {
            link: LinkKind::AddressedBy {
                gap: p.gap.clone(),
                measure: created.id.clone(),
            },
            provenance: Provenance::Editorial,
            note: None,
            source: None,
            origin,
        };
        let steps = vec![
            created.edit,
            Edit::Replace(edit::ItemValue::Proposal(proposal)),
            Edit::AddLink {
                index: link_index(r, origin),
                link,
            },
        ];
        actions.push(Action::Edit(Box::new(Edit::Batch(steps))));
        actions.push(Action::Select(Some(ItemRef::Measure(created.id))));
    }
}
