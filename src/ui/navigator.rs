//! The navigator: every item of the roadmap in a tree on the left — target states, themes with
//! their 小論点, proposals, ministries, KPIs and events. Respects the filter. Each row is one
//! line, cut to the panel's width (the whole label on hover); ↑/↓ move the selection through the
//! rows of the sections unfolded, and the selected row wears a ring.

use crate::action::Action;
use crate::analysis::labels;
use crate::model::{ItemRef, circled};

use super::ViewCtx;

/// A section longer than this draws only the rows in sight, in a scroll area of its own.
const VIRTUAL_ROWS: usize = 100;

/// The height of a section's own scroll area, in points.
const SECTION_HEIGHT: f32 = 320.0;

/// What the navigator lists, for one document version and filter: made once per
/// [`ViewCtx::listing`] and kept in egui's memory ([`super::rows::cached`]), so that a frame
/// costs the rows in sight, not a pass over every item. (Labels are made for the rows in sight,
/// so an edit of an item's text needs no new list.)
#[derive(Default)]
struct Rows {
    targets: Vec<ItemRef>,
    /// Each theme shown, with the 小論点 of it that pass the filter.
    themes: Vec<(ItemRef, Vec<ItemRef>)>,
    /// The same as one list: each theme (marked as a head) followed by its 小論点.
    theme_list: Vec<(ItemRef, bool)>,
    /// The items of [`Self::theme_list`].
    theme_refs: Vec<ItemRef>,
    /// Each proposal shown, with its number.
    proposals: Vec<(ItemRef, u32)>,
    ministries: Vec<ItemRef>,
    kpis: Vec<ItemRef>,
    /// Events in date order.
    events: Vec<ItemRef>,
    sources: Vec<ItemRef>,
}

impl Rows {
    fn of(ctx: &ViewCtx<'_>) -> Self {
        let it = &ctx.roadmap.items;
        let shown = |r: ItemRef| ctx.visible.contains(&r).then_some(r);
        let mut gaps_of: foldhash::HashMap<&str, Vec<ItemRef>> = foldhash::HashMap::default();
        for g in &it.gaps {
            if let Some(theme) = &g.theme {
                let r = ItemRef::Gap(g.id.clone());
                if ctx.visible.contains(&r) {
                    gaps_of.entry(theme.as_str()).or_default().push(r);
                }
            }
        }
        let themes: Vec<(ItemRef, Vec<ItemRef>)> = it
            .themes
            .iter()
            .filter_map(|theme| {
                let tr = ItemRef::Theme(theme.id.clone());
                let gaps = gaps_of.remove(theme.id.as_str()).unwrap_or_default();
                // A theme stays when it matches itself or holds a 小論点 that matches.
                (ctx.visible.contains(&tr) || !gaps.is_empty()).then_some((tr, gaps))
            })
            .collect();
        let theme_list: Vec<(ItemRef, bool)> = themes
            .iter()
            .flat_map(|(tr, gaps): &(ItemRef, Vec<ItemRef>)| {
                std::iter::once((tr.clone(), true)).chain(gaps.iter().map(|g| (g.clone(), false)))
            })
            .collect();
        let theme_refs = theme_list.iter().map(|(r, _)| r.clone()).collect();
        let mut events: Vec<_> = it.events.iter().collect();
        events.sort_by(|a, b| a.when.fy_position().total_cmp(&b.when.fy_position()));
        Self {
            targets: it
                .target_states
                .iter()
                .filter_map(|t| shown(ItemRef::Target(t.id.clone())))
                .collect(),
            themes,
            theme_list,
            theme_refs,
            proposals: it
                .proposals
                .iter()
                .filter_map(|p| shown(ItemRef::Proposal(p.id.clone())).map(|r| (r, p.number)))
                .collect(),
            ministries: it
                .ministries
                .iter()
                .filter_map(|m| shown(ItemRef::Ministry(m.code.clone())))
                .collect(),
            kpis: it
                .kpis
                .iter()
                .filter(|k| k.parent.is_none())
                .filter_map(|k| shown(ItemRef::Kpi(k.id.clone())))
                .collect(),
            events: events
                .into_iter()
                .filter_map(|e| shown(ItemRef::Event(e.id.clone())))
                .collect(),
            sources: it
                .sources
                .iter()
                .map(|s| ItemRef::Source(s.id.clone()))
                .collect(),
        }
    }
}

impl Rows {
    /// The items of the sections whose `open` flag is set, in the order their rows are shown.
    fn in_order(&self, open: [bool; Section::COUNT]) -> Vec<&ItemRef> {
        let is_open = |s: Section| open[s as usize];
        let mut order: Vec<&ItemRef> = Vec::new();
        if is_open(Section::Targets) {
            order.extend(&self.targets);
        }
        if is_open(Section::Themes) {
            order.extend(self.theme_list.iter().map(|(r, _)| r));
        }
        if is_open(Section::Proposals) {
            order.extend(self.proposals.iter().map(|(r, _)| r));
        }
        for (s, refs) in [
            (Section::Ministries, &self.ministries),
            (Section::Kpis, &self.kpis),
            (Section::Events, &self.events),
            (Section::Sources, &self.sources),
        ] {
            if is_open(s) {
                order.extend(refs);
            }
        }
        order
    }
}

/// The navigator's sections, in order.
#[derive(Clone, Copy)]
enum Section {
    Targets,
    Themes,
    Proposals,
    Ministries,
    Kpis,
    Events,
    Sources,
}

impl Section {
    const COUNT: usize = 7;
}

/// Shows the navigator.
pub fn navigator_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, actions: &mut Vec<Action>) {
    let rows = super::rows::cached(
        ui.ctx(),
        egui::Id::unique("waymark-navigator-rows"),
        ctx.listing,
        || Rows::of(ctx),
    );
    ui.heading(ctx.t("ナビゲーター", "Navigator"));
    // Which sections are unfolded, as drawn: the arrow keys walk only their rows.
    let mut open = [false; Section::COUNT];
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Long labels are cut to the panel's width (whole on hover) instead of widening it
            // or wrapping into rows that look alike.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            let width = 160;
            let short = |_: usize, r: &ItemRef| labels::short(ctx.roadmap, r, ctx.lang, width);
            open[Section::Targets as usize] = section(
                ui,
                ctx.t("目指すべき姿", "Target states"),
                "nav-targets",
                |ui| {
                    list(ui, ctx, "nav-targets", &rows.targets, &short, actions);
                },
            );
            open[Section::Themes as usize] = section(
                ui,
                ctx.t("項目と小論点", "Themes and issues"),
                "nav-themes",
                |ui| {
                    if rows.theme_list.len() > VIRTUAL_ROWS {
                        // Too many to fold one by one: each theme heads its 小論点 in one list
                        // that draws only the rows in sight.
                        let label = |i: usize, r: &ItemRef| {
                            if rows.theme_list.get(i).is_some_and(|(_, head)| *head) {
                                format!("■ {}", labels::short(ctx.roadmap, r, ctx.lang, width))
                            } else {
                                format!("　{}", labels::short(ctx.roadmap, r, ctx.lang, width))
                            }
                        };
                        list(ui, ctx, "nav-themes", &rows.theme_refs, &label, actions);
                        return;
                    }
                    for (tr, gaps) in &rows.themes {
                        let title = labels::short(ctx.roadmap, tr, ctx.lang, width);
                        // A header of its own, so that a long title is cut to the panel's
                        // width (egui's collapsing header never cuts its title, and would widen
                        // the panel to the whole of it).
                        let id = ui.make_persistent_id(("nav-theme", tr.id_str()));
                        egui::collapsing_header::CollapsingState::load_with_default_open(
                            ui.ctx(),
                            id,
                            true,
                        )
                        .show_header(ui, |ui| {
                            ui.add(egui::Label::new(title.as_str()).truncate())
                                .on_hover_text(title.as_str());
                        })
                        .body(|ui| {
                            row(
                                ui,
                                ctx,
                                tr,
                                ctx.t("大論点", "Overarching issue").to_owned(),
                                actions,
                            );
                            list(ui, ctx, tr, gaps, &short, actions);
                        });
                    }
                },
            );
            open[Section::Proposals as usize] =
                section(ui, ctx.t("提言", "Proposals"), "nav-proposals", |ui| {
                    let refs: Vec<ItemRef> =
                        rows.proposals.iter().map(|(r, _)| r.clone()).collect();
                    let label = |i: usize, r: &ItemRef| {
                        let number = rows.proposals.get(i).map_or(0, |(_, n)| *n);
                        format!(
                            "{}{} {}",
                            ctx.t("提言", "Proposal "),
                            circled(number),
                            labels::ellipsize(&labels::text(ctx.roadmap, r, ctx.lang), width)
                        )
                    };
                    list(ui, ctx, "nav-proposals", &refs, &label, actions);
                });
            open[Section::Ministries as usize] = section(
                ui,
                ctx.t("府省庁", "Ministries"),
                "nav-ministries",
                |ui| {
                    let label = |_: usize, r: &ItemRef| {
                        let n = ctx.index.measures_of_ministry(r).count();
                        match r {
                            ItemRef::Ministry(code) => ctx.roadmap.ministry(code).map_or_else(
                                || code.to_string(),
                                |m| format!("{} {}（{n}）", m.code, ctx.t(&m.name, &m.name_en)),
                            ),
                            other => other.id_str().to_owned(),
                        }
                    };
                    list(ui, ctx, "nav-ministries", &rows.ministries, &label, actions);
                },
            );
            open[Section::Kpis as usize] = section(ui, "KPI", "nav-kpis", |ui| {
                list(ui, ctx, "nav-kpis", &rows.kpis, &short, actions);
            });
            open[Section::Events as usize] =
                section(ui, ctx.t("出来事", "Events"), "nav-events", |ui| {
                    let label = |_: usize, r: &ItemRef| {
                        let when = match r {
                            ItemRef::Event(id) => ctx
                                .roadmap
                                .event(id)
                                .map(|e| e.when.to_string())
                                .unwrap_or_default(),
                            _ => String::new(),
                        };
                        format!(
                            "{when} {}",
                            labels::ellipsize(&labels::text(ctx.roadmap, r, ctx.lang), width)
                        )
                    };
                    list(ui, ctx, "nav-events", &rows.events, &label, actions);
                });
            open[Section::Sources as usize] =
                section(ui, ctx.t("出典", "Sources"), "nav-sources", |ui| {
                    list(ui, ctx, "nav-sources", &rows.sources, &short, actions);
                });
        });
    arrow_keys(ui, ctx, &rows, open, actions);
}

/// Moves the selection through the rows of the unfolded sections with ↑/↓ (unless a text field
/// takes the keys); from no selection (or one not listed), ↓ goes to the first row, ↑ to the last.
fn arrow_keys(
    ui: &egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &Rows,
    open: [bool; Section::COUNT],
    actions: &mut Vec<Action>,
) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (up, down) = ui.ctx().input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
        )
    });
    if up == down {
        return;
    }
    if let Some(next) = step(&rows.in_order(open), ctx.selection, down) {
        actions.push(Action::Select(Some(next.clone())));
    }
}

/// The item one row down (or up) from `selection` among `order`; from nothing, the first row
/// (down) or the last (up). The selection stays on the first and last rows.
fn step<'a>(order: &[&'a ItemRef], selection: Option<&ItemRef>, down: bool) -> Option<&'a ItemRef> {
    let at = selection.and_then(|s| order.iter().position(|i| *i == s));
    let next = match (at, down) {
        (None, true) => 0,
        (None, false) => order.len().checked_sub(1)?,
        (Some(i), true) => (i + 1).min(order.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    order.get(next).copied()
}

/// The rows of a section: all of them when few, else only those in sight, in a scroll area of
/// the section's own with rows of two lines each.
fn list(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id: impl std::hash::Hash + std::fmt::Debug,
    refs: &[ItemRef],
    label: &dyn Fn(usize, &ItemRef) -> String,
    actions: &mut Vec<Action>,
) {
    if refs.len() <= VIRTUAL_ROWS {
        for (i, r) in refs.iter().enumerate() {
            row(ui, ctx, r, label(i, r), actions);
        }
        return;
    }
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(SECTION_HEIGHT)
        .min_scrolled_height(SECTION_HEIGHT)
        .auto_shrink([false, true]);
    // A selection just made scrolls this section's own area to its row (which is drawn only in
    // sight, so it cannot scroll itself there).
    if ctx.reveal
        && let Some(i) = ctx.selection.and_then(|s| refs.iter().position(|r| r == s))
    {
        #[allow(clippy::cast_precision_loss)]
        let top = i as f32 * row_height;
        area = area.vertical_scroll_offset((top - SECTION_HEIGHT / 2.0).max(0.0));
    }
    area.show_rows(ui, row_height, refs.len(), |ui, range| {
        for i in range {
            let r = &refs[i];
            row(ui, ctx, r, label(i, r), actions);
        }
    });
}

/// One item's row: selectable, one line cut to the width with the whole label on hover, ringed
/// while selected, scrolled into view when the selection moves to it.
fn row(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    item: &ItemRef,
    text: String,
    actions: &mut Vec<Action>,
) {
    let selected = ctx.is_selected(item);
    let response = ui.add(
        egui::Button::selectable(selected, text.as_str())
            .truncate()
            .min_size(egui::vec2(ui.available_width(), 0.0)),
    );
    if selected {
        super::focus_ring(ui, response.rect);
        if ctx.reveal {
            response.scroll_to_me(None);
        }
    }
    let response = response.on_hover_text(text);
    if response.clicked() {
        actions.push(Action::Select(Some(item.clone())));
    }
}

/// A section that folds; returns whether it is unfolded.
fn section(ui: &mut egui::Ui, title: &str, id: &str, body: impl FnOnce(&mut egui::Ui)) -> bool {
    egui::CollapsingHeader::new(title)
        .id_salt(id)
        .default_open(true)
        .show(ui, body)
        .body_returned
        .is_some()
}
