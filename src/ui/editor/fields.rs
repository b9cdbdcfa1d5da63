//! The few input widgets every item's form is built from: a text field that commits when it
//! loses focus, a number field that commits when a drag stops or the typing ends, a choice, a
//! date, a source citation and a searchable picker. Each is labelled, so a screen reader (and
//! kittest) finds it by its label, and each returns the new value only when it is committed, so
//! that one change of a field is one undo step.

use crate::action::Action;
use crate::analysis::labels;
use crate::edit::{Edit, EditError};
use crate::model::{ItemRef, Provenance, Roadmap, SourceId, SourceRef, When};

use super::super::ViewCtx;
use super::push;
use super::rows::row_buttons;

/// A bold label for the widget that follows; its ID labels that widget.
fn label(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.label(egui::RichText::new(text).strong())
}

/// A labelled text field that commits when it loses focus. Returns the new text then.
pub fn text_field(
    ui: &mut egui::Ui,
    id_salt: (&str, &str),
    name: &str,
    current: &str,
    multiline: bool,
) -> Option<String> {
    let id = ui.make_persistent_id(id_salt);
    let mut buffer: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.to_owned());
    let label = label(ui, name);
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

/// A labelled number field that commits when a drag stops or typing in it ends (Enter or focus
/// lost), not once per pixel or keystroke. Returns the new value then.
pub fn number_field<N>(
    ui: &mut egui::Ui,
    id_salt: (&str, &str),
    name: &str,
    current: N,
    range: std::ops::RangeInclusive<N>,
) -> Option<N>
where
    N: egui::emath::Numeric + Send + Sync + 'static,
{
    let id = ui.make_persistent_id(id_salt);
    let mut value: N = ui.data(|d| d.get_temp::<N>(id)).unwrap_or(current);
    let label = ui.label(name);
    let response = ui
        .add(egui::DragValue::new(&mut value).range(range))
        .labelled_by(label.id);
    if response.dragged() || response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, value));
        None
    } else {
        ui.data_mut(|d| d.remove::<N>(id));
        (value != current).then_some(value)
    }
}

/// A labelled choice among `options` (value, shown text). Returns the value picked.
pub fn choice<V: PartialEq + Clone>(
    ui: &mut egui::Ui,
    id_salt: (&str, &str),
    name: &str,
    current: &V,
    options: &[(V, &str)],
) -> Option<V> {
    let mut picked = None;
    let shown = options
        .iter()
        .find(|(v, _)| v == current)
        .map_or("—", |(_, t)| *t);
    let label = label(ui, name);
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (v, text) in options {
                if ui.selectable_label(v == current, *text).clicked() && v != current {
                    picked = Some(v.clone());
                }
            }
        })
        .response
        .labelled_by(label.id);
    picked
}

/// The three provenances, labelled in the interface language.
pub fn provenances(ctx: &ViewCtx<'_>) -> [(Provenance, &'static str); 3] {
    [
        Provenance::Stated,
        Provenance::Editorial,
        Provenance::Assumed,
    ]
    .map(|p| (p, ctx.t(p.label_ja(), p.label_en())))
}

/// How precise a date is.
#[derive(Clone, Copy, PartialEq)]
enum Precision {
    Day,
    Month,
    Year,
    FiscalYear,
    FiscalYearEnd,
    Decade,
}

/// A date as precise as it is known: its precision and the year, month and day it shows.
/// Returns the new date when one part changes (an impossible day is clamped to the month).
pub fn when_field(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id_salt: &str,
    current: &When,
) -> Option<When> {
    let (precision, year, month, day) = match *current {
        When::Day(y, m, d) => (Precision::Day, y, m, d),
        When::Month(y, m) => (Precision::Month, y, m, 1),
        When::Year(y) => (Precision::Year, y, 4, 1),
        When::FiscalYear(y) => (Precision::FiscalYear, y, 4, 1),
        When::FiscalYearEnd(y) => (Precision::FiscalYearEnd, y, 4, 1),
        When::Decade(y) => (Precision::Decade, y, 4, 1),
    };
    let mut new = None;
    ui.horizontal_wrapped(|ui| {
        let options = [
            (Precision::Day, ctx.t("日付", "Day")),
            (Precision::Month, ctx.t("年月", "Month")),
            (Precision::Year, ctx.t("暦年", "Year")),
            (Precision::FiscalYear, ctx.t("年度", "Fiscal year")),
            (Precision::FiscalYearEnd, ctx.t("年度末", "Fiscal year-end")),
            (Precision::Decade, ctx.t("年代", "Decade")),
        ];
        let p = choice(
            ui,
            (id_salt, "precision"),
            ctx.t("精度", "Precision"),
            &precision,
            &options,
        );
        let y = number_field(
            ui,
            (id_salt, "year"),
            ctx.t("年", "Year"),
            year,
            1900..=2200,
        );
        let (mut m, mut d) = (None, None);
        if matches!(precision, Precision::Day | Precision::Month) {
            m = number_field(ui, (id_salt, "month"), ctx.t("月", "Month"), month, 1..=12);
        }
        if precision == Precision::Day {
            d = number_field(ui, (id_salt, "day"), ctx.t("日", "Day"), day, 1..=31);
        }
        if p.is_some() || y.is_some() || m.is_some() || d.is_some() {
            let (y, m) = (y.unwrap_or(year), m.unwrap_or(month));
            let mut d = d.unwrap_or(day);
            new = Some(loop {
                let when = match p.unwrap_or(precision) {
                    Precision::Day => When::Day(y, m, d),
                    Precision::Month => When::Month(y, m),
                    Precision::Year => When::Year(y),
                    Precision::FiscalYear => When::FiscalYear(y),
                    Precision::FiscalYearEnd => When::FiscalYearEnd(y),
                    // A decade is named by its first year.
                    Precision::Decade => When::Decade(y - y.rem_euclid(10)),
                };
                if when.check().is_ok() || d <= 28 {
                    break when;
                }
                d -= 1;
            });
        }
    });
    new.filter(|w| w != current)
}

/// A searchable picker: a button opening a popup with a search field (focused, so that typing
/// filters at once) and the entries whose label contains the query; ↑/↓ move the highlight,
/// Enter picks it, Escape or a click outside closes. Returns the entry picked.
pub fn picker<T>(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    id_salt: (&str, &str),
    title: &str,
    entries: impl IntoIterator<Item = (T, String)>,
) -> Option<T> {
    let button = ui.button(title);
    let id = ui.make_persistent_id(id_salt);
    let search_id = id.with("search");
    if button.clicked() {
        ui.data_mut(|d| d.insert_temp(id, PickerState::default()));
        ui.memory_mut(|m| m.request_focus(search_id));
    }
    let mut picked = None;
    egui::Popup::menu(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut state: PickerState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
            let label = ui.label(ctx.t("検索", "Search"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut state.query)
                        .id(search_id)
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
            if field.changed() {
                state.highlight = 0;
            }
            let query = state.query.to_lowercase();
            let shown: Vec<(T, String)> = entries
                .into_iter()
                .filter(|(_, text)| query.is_empty() || text.to_lowercase().contains(&query))
                .collect();
            let (up, down, enter) = ui.input_mut(|i| {
                (
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                )
            });
            if down {
                state.highlight = (state.highlight + 1).min(shown.len().saturating_sub(1));
            }
            if up {
                state.highlight = state.highlight.saturating_sub(1);
            }
            // The field has the keyboard while the popup is open: from its first frame, and
            // again after Enter (which ends typing in a field) or the arrow keys.
            if field.lost_focus() || up || down || ui.memory(|m| m.focused().is_none()) {
                field.request_focus();
            }
            let mut chosen = enter.then_some(state.highlight);
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for (n, (_, text)) in shown.iter().enumerate() {
                        let row = ui.selectable_label(n == state.highlight, text);
                        if n == state.highlight && (up || down) {
                            row.scroll_to_me(None);
                        }
                        if row.clicked() {
                            chosen = Some(n);
                        }
                    }
                });
            if let Some(n) = chosen
                && let Some((value, _)) = shown.into_iter().nth(n)
            {
                picked = Some(value);
                ui.close();
            }
            ui.data_mut(|d| d.insert_temp(id, state));
        });
    picked
}

/// What a picker remembers while open: the query typed and the highlighted entry.
#[derive(Clone, Debug, Default)]
struct PickerState {
    query: String,
    highlight: usize,
}

/// Items as picker entries, each with its short label.
pub fn item_entries(
    ctx: &ViewCtx<'_>,
    items: impl IntoIterator<Item = ItemRef>,
) -> Vec<(ItemRef, String)> {
    items
        .into_iter()
        .map(|i| {
            let text = labels::short(ctx.roadmap, &i, ctx.lang, 36);
            (i, text)
        })
        .collect()
}

/// A form over one item of type `T`: each committed field becomes one edit made by `edit` (one
/// of the `edit::edit_*` constructors), pushed as an action.
pub struct Form<'a, 'c, T, Id> {
    /// What the views read.
    pub ctx: &'a ViewCtx<'c>,
    /// Where edits go.
    pub actions: &'a mut Vec<Action>,
    /// The item's ID, which also keys its widgets' state.
    pub id: &'a Id,
    /// Its ID as text, for widget IDs.
    pub key: &'a str,
    /// The edit constructor of its kind.
    pub edit: EditFn<T, Id>,
}

/// One of the `edit::edit_*` constructors, for boxed changes.
pub type EditFn<T, Id> = fn(&Roadmap, &Id, Box<dyn FnOnce(&mut T)>) -> Result<Edit, EditError>;

impl<'a, 'c, T: 'static, Id> Form<'a, 'c, T, Id> {
    /// A form over the item `id` (`key` as text), changed through `edit`.
    pub fn new(
        ctx: &'a ViewCtx<'c>,
        actions: &'a mut Vec<Action>,
        id: &'a Id,
        key: &'a str,
        edit: EditFn<T, Id>,
    ) -> Self {
        Self {
            ctx,
            actions,
            id,
            key,
            edit,
        }
    }

    /// Pushes the edit that makes `change`.
    pub fn change(&mut self, change: impl FnOnce(&mut T) + 'static) {
        let edit = (self.edit)(self.ctx.roadmap, self.id, Box::new(change));
        push(self.actions, edit);
    }

    /// Commits `value` through `set`, when there is one.
    fn commit<V: 'static>(&mut self, value: Option<V>, set: impl FnOnce(&mut T, V) + 'static) {
        if let Some(v) = value {
            self.change(move |item| set(item, v));
        }
    }

    /// A required text.
    pub fn text(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        current: &str,
        multiline: bool,
        set: impl FnOnce(&mut T, String) + 'static,
    ) {
        let value = text_field(ui, (self.key, name), name, current, multiline);
        self.commit(value, set);
    }

    /// An optional text: emptying the field removes it.
    pub fn opt_text(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        current: Option<&str>,
        multiline: bool,
        set: impl FnOnce(&mut T, Option<String>) + 'static,
    ) {
        let value = text_field(ui, (self.key, name), name, current.unwrap_or(""), multiline)
            .map(|t| (!t.trim().is_empty()).then_some(t));
        self.commit(value, set);
    }

    /// A number within `range`.
    pub fn number<N>(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        current: N,
        range: std::ops::RangeInclusive<N>,
        set: impl FnOnce(&mut T, N) + 'static,
    ) where
        N: egui::emath::Numeric + Send + Sync + 'static,
    {
        let value = number_field(ui, (self.key, name), name, current, range);
        self.commit(value, set);
    }

    /// A choice among `options`.
    pub fn choice<V: PartialEq + Clone + 'static>(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        current: &V,
        options: &[(V, &str)],
        set: impl FnOnce(&mut T, V) + 'static,
    ) {
        let value = ui
            .horizontal(|ui| choice(ui, (self.key, name), name, current, options))
            .inner;
        self.commit(value, set);
    }

    /// A provenance.
    pub fn provenance(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        current: Provenance,
        set: impl FnOnce(&mut T, Provenance) + 'static,
    ) {
        let options = provenances(self.ctx);
        self.choice(ui, name, &current, &options, set);
    }

    /// The English gloss.
    pub fn en(
        &mut self,
        ui: &mut egui::Ui,
        current: Option<&String>,
        set: impl FnOnce(&mut T, Option<String>) + 'static,
    ) {
        let name = self.ctx.t("英訳", "English gloss");
        self.opt_text(ui, name, current.map(String::as_str), false, set);
    }

    /// A source citation: the document (or none) and where in it.
    pub fn source(
        &mut self,
        ui: &mut egui::Ui,
        current: Option<&SourceRef>,
        set: impl FnOnce(&mut T, Option<SourceRef>) + 'static,
    ) {
        let ctx = self.ctx;
        let r = ctx.roadmap;
        let doc = current.map(|s| s.doc.clone());
        let titles: Vec<(Option<SourceId>, String)> =
            std::iter::once((None, ctx.t("なし", "none").to_owned()))
                .chain(
                    r.items
                        .sources
                        .iter()
                        .map(|s| (Some(s.id.clone()), labels::ellipsize(&s.title, 30))),
                )
                .collect();
        let options: Vec<(Option<SourceId>, &str)> = titles
            .iter()
            .map(|(v, t)| (v.clone(), t.as_str()))
            .collect();
        let name = ctx.t("出典文書", "Source document");
        let picked = ui
            .horizontal(|ui| choice(ui, (self.key, "source-doc"), name, &doc, &options))
            .inner;
        if let Some(doc) = picked {
            let locator = current.map(|s| s.locator.clone()).unwrap_or_default();
            self.commit(Some(doc.map(|doc| SourceRef { doc, locator })), set);
            return;
        }
        if let Some(s) = current {
            let locator = text_field(
                ui,
                (self.key, "locator"),
                ctx.t("出典の箇所", "Where in the source"),
                &s.locator,
                false,
            );
            let doc = s.doc.clone();
            self.commit(locator.map(|locator| Some(SourceRef { doc, locator })), set);
        }
    }
}

impl<T: 'static, Id> Form<'_, '_, T, Id> {
    /// A list of texts (a measure's ✓ points): each editable, movable and removable, and a
    /// button that adds one. `list` picks the list out of the item.
    pub fn text_list(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        current: &[String],
        list: fn(&mut T) -> &mut Vec<String>,
    ) {
        ui.label(egui::RichText::new(name).strong());
        for (i, text) in current.iter().enumerate() {
            let row = format!("{name} {}", i + 1);
            let value = text_field(ui, (self.key, &row), &row, text, false);
            self.commit(value, move |item, v| {
                if let Some(x) = list(item).get_mut(i) {
                    *x = v;
                }
            });
            let op = ui
                .horizontal(|ui| row_buttons(ui, self.ctx, i, current.len()))
                .inner;
            self.commit(op, move |item, op| op.apply(list(item)));
        }
        if ui
            .small_button(format!("＋ {name}"))
            .on_hover_text(self.ctx.t("項目を追加", "Add an entry"))
            .clicked()
        {
            let new = self.ctx.t("（新しい項目）", "(new entry)").to_owned();
            self.change(move |item| list(item).push(new));
        }
    }
}

impl<T: 'static, Id> Form<'_, '_, T, Id> {
    /// An optional reference to another item: its label, and a picker that changes it (or
    /// clears it). `pick` turns the item picked into the field's ID.
    pub fn opt_item<R: 'static>(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        current: Option<&ItemRef>,
        candidates: impl IntoIterator<Item = ItemRef>,
        pick: fn(ItemRef) -> Option<R>,
        set: impl FnOnce(&mut T, Option<R>) + 'static,
    ) {
        let ctx = self.ctx;
        ui.horizontal_wrapped(|ui| {
            let shown = current.map_or_else(
                || ctx.t("なし", "none").to_owned(),
                |i| labels::short(ctx.roadmap, i, ctx.lang, 24),
            );
            ui.label(format!("{name}: {shown}"));
            let entries = std::iter::once((None, ctx.t("（なし）", "(none)").to_owned())).chain(
                item_entries(ctx, candidates)
                    .into_iter()
                    .map(|(i, t)| (Some(i), t)),
            );
            let title = format!("{name}{}", ctx.t("を選ぶ…", ": pick…"));
            let picked = picker(ui, ctx, (self.key, name), &title, entries);
            self.commit(picked.map(|new| new.and_then(pick)), set);
        });
    }
}
