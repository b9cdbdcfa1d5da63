//! Creating an item from the Edit menu: the edit that adds it, with placeholder text the user
//! then replaces in the inspector, and the item to select.

use crate::action::NewItem;
use crate::edit::{self, Created, Edit, EditError};
use crate::i18n::Lang;
use crate::model::{EventKind, ItemRef, KpiKind, MeasureKind, NoteKind, Roadmap, When};

/// The edit that adds a new item of `kind` to `r`, and the item it adds. A new event or budget
/// line is dated `this_fy`, the current fiscal year.
pub(super) fn new_item(
    r: &Roadmap,
    kind: NewItem,
    lang: Lang,
    this_fy: i32,
) -> Result<(Edit, ItemRef), EditError> {
    fn made<Id>(c: Created<Id>, item: impl FnOnce(Id) -> ItemRef) -> (Edit, ItemRef) {
        (c.edit, item(c.id))
    }
    let t = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    Ok(match kind {
        NewItem::Target => made(
            edit::create_target(
                r,
                None,
                r.header.end_fy,
                t("新しい目指すべき姿", "New target state"),
            )?,
            ItemRef::Target,
        ),
        NewItem::Theme => made(
            edit::create_theme(
                r,
                None,
                t("新しい項目", "New theme"),
                t("大論点", "Overarching issue"),
            )?,
            ItemRef::Theme,
        ),
        NewItem::Gap => made(
            edit::create_gap(r, None, None, t("新しい小論点", "New gap"))?,
            ItemRef::Gap,
        ),
        NewItem::Measure => made(
            edit::create_measure(
                r,
                None,
                MeasureKind::Response,
                t("新しい対応案", "New measure"),
            )?,
            ItemRef::Measure,
        ),
        NewItem::Programme => made(
            edit::create_measure(
                r,
                None,
                MeasureKind::Programme,
                t("新しい事業", "New programme"),
            )?,
            ItemRef::Measure,
        ),
        NewItem::Kpi => made(
            edit::create_kpi(
                r,
                None,
                t("新しいKPI", "New KPI"),
                KpiKind::Output,
                t("件", "count"),
            )?,
            ItemRef::Kpi,
        ),
        NewItem::Event => made(
            edit::create_event(
                r,
                None,
                When::FiscalYear(this_fy),
                t("新しいイベント", "New event"),
                EventKind::Council,
            )?,
            ItemRef::Event,
        ),
        NewItem::Budget => made(
            edit::create_budget(r, None, t("新しい予算", "New budget line"), this_fy, 0.0)?,
            ItemRef::Budget,
        ),
        NewItem::Source => made(
            edit::create_source(r, None, t("新しい出典資料", "New source document"))?,
            ItemRef::Source,
        ),
        NewItem::Stage => made(
            edit::create_stage(r, None, t("新しい段階", "New stage"))?,
            ItemRef::Stage,
        ),
        NewItem::Note => made(
            edit::create_note(
                r,
                None,
                NoteKind::Situation,
                t("新しい記述", "New statement"),
            )?,
            ItemRef::Note,
        ),
    })
}
