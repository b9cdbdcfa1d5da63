//! New items with fresh, unique IDs, added at the end of their file.
//!
//! New items are marked [`Provenance::Editorial`] (an editor added them; no source states them
//! yet) so that they raise no `no-source` warning; the inspector can cite a source later.

use std::collections::HashSet;

use super::{Edit, EditError, ItemKey, ItemValue, integrity};
use crate::model::{
    Budget, BudgetId, BudgetKind, Event, EventId, EventKind, EventStatus, FileId, Gap, GapId,
    Horizon, Kpi, KpiId, KpiKind, Measure, MeasureId, MeasureKind, Ministry, MinistryCode, Note,
    NoteId, NoteKind, OrgKind, Proposal, ProposalId, Provenance, Roadmap, Source, SourceId, Stage,
    StageId, Status, TargetId, TargetState, Theme, ThemeId, When, check_id,
};

/// A new item's ID and the edit that adds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Created<Id> {
    /// The ID given to the new item (select it once the edit is applied).
    pub id: Id,
    /// The edit that adds it.
    pub edit: Edit,
}

/// An ID starting with `prefix` that no item of any kind has: `prefix` followed by the smallest
/// number from 1 that is free (`fresh_id(r, "m.new")` gives `m.new1`, then `m.new2` …).
pub fn fresh_id(roadmap: &Roadmap, prefix: &str) -> Result<String, EditError> {
    let it = &roadmap.items;
    let mut used: HashSet<&str> = HashSet::new();
    used.extend(it.sources.iter().map(|x| x.id.as_str()));
    used.extend(it.stages.iter().map(|x| x.id.as_str()));
    used.extend(it.target_states.iter().map(|x| x.id.as_str()));
    used.extend(it.notes.iter().map(|x| x.id.as_str()));
    used.extend(it.themes.iter().map(|x| x.id.as_str()));
    used.extend(it.gaps.iter().map(|x| x.id.as_str()));
    used.extend(it.measures.iter().map(|x| x.id.as_str()));
    used.extend(it.proposals.iter().map(|x| x.id.as_str()));
    used.extend(it.kpis.iter().map(|x| x.id.as_str()));
    used.extend(it.budgets.iter().map(|x| x.id.as_str()));
    used.extend(it.events.iter().map(|x| x.id.as_str()));
    used.extend(it.scenarios.iter().map(|x| x.id.as_str()));
    used.extend(it.presentations.iter().map(|x| x.id.as_str()));
    let id = (1..=used.len() + 1)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !used.contains(id.as_str()))
        .unwrap_or_else(|| format!("{prefix}{}", used.len() + 2));
    check_id(&id).map_err(|error| EditError::BadId {
        id: id.clone(),
        error,
    })?;
    Ok(id)
}

/// The edit that adds `value` at the end of the items of its kind in its `origin` file. Refuses
/// an ID that is taken and references to items that do not exist.
pub fn create(roadmap: &Roadmap, value: ItemValue) -> Result<Edit, EditError> {
    let key = value.key();
    if key.position(&roadmap.items).is_some() {
        return Err(EditError::DuplicateId(key));
    }
    if usize::from(value.origin().0) >= roadmap.files.len() {
        return Err(EditError::NoSuchFile(value.origin().0));
    }
    integrity::check_value(roadmap, &value, None)?;
    let index = value.end_of_file(&roadmap.items);
    Ok(Edit::Insert { index, value })
}

/// Adds `value` to `origin`, or to the file holding most items of its kind.
fn create_in(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    mut value: ItemValue,
) -> Result<Edit, EditError> {
    let origin = origin.unwrap_or_else(|| value.home_file(&roadmap.items));
    value.set_origin(origin);
    create(roadmap, value)
}

fn new_id<T>(
    roadmap: &Roadmap,
    prefix: &str,
    make: impl Fn(String) -> Result<T, crate::model::IdError>,
) -> Result<T, EditError> {
    let id = fresh_id(roadmap, prefix)?;
    make(id.clone()).map_err(|error| EditError::BadId { id, error })
}

/// The next free number after the largest of `numbers` (1 for none).
fn next_number(numbers: impl Iterator<Item = u32>) -> u32 {
    numbers.max().map_or(1, |n| n.saturating_add(1))
}

/// A new measure of `kind` with `text`, in `origin` (or the file holding most measures of that
/// kind, else most measures). Its ID is `prog.newN` for a programme, `m.newN` otherwise.
pub fn create_measure(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    kind: MeasureKind,
    text: &str,
) -> Result<Created<MeasureId>, EditError> {
    let prefix = if kind == MeasureKind::Programme {
        "prog.new"
    } else {
        "m.new"
    };
    let id = new_id(roadmap, prefix, MeasureId::new)?;
    // By default beside the measures of its kind: responses in the matrix, programmes with the
    // programmes.
    let origin = origin.or_else(|| {
        let mut counts: Vec<(FileId, usize)> = Vec::new();
        for m in roadmap.items.measures.iter().filter(|m| m.kind == kind) {
            match counts.iter_mut().find(|(f, _)| *f == m.origin) {
                Some((_, n)) => *n += 1,
                None => counts.push((m.origin, 1)),
            }
        }
        let best = counts.iter().map(|&(_, n)| n).max()?;
        counts.iter().find(|&&(_, n)| n == best).map(|&(f, _)| f)
    });
    let value = ItemValue::Measure(Measure {
        id: id.clone(),
        kind,
        title: None,
        text: text.to_owned(),
        details: Vec::new(),
        ministries_as_written: None,
        span: None,
        status: Status::default(),
        en: None,
        source: None,
        provenance: Provenance::Editorial,
        status_provenance: None,
        status_basis: None,
        group: None,
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new gap with `text` in `theme` (a 小論点; `None` for a gap outside the matrix), numbered
/// after the last gap of that theme.
pub fn create_gap(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    theme: Option<ThemeId>,
    text: &str,
) -> Result<Created<GapId>, EditError> {
    let id = new_id(roadmap, "gap.new", GapId::new)?;
    let number = next_number(
        roadmap
            .items
            .gaps
            .iter()
            .filter(|g| g.theme == theme)
            .map(|g| g.number),
    );
    let value = ItemValue::Gap(Gap {
        id: id.clone(),
        theme,
        number,
        text: text.to_owned(),
        category: None,
        stages: Vec::new(),
        placement_provenance: Provenance::Editorial,
        en: None,
        source: None,
        provenance: Provenance::Editorial,
        group: None,
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new proposal answering `gap` with `statement`, numbered after the last proposal.
pub fn create_proposal(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    gap: GapId,
    statement: &str,
) -> Result<Created<ProposalId>, EditError> {
    let id = new_id(roadmap, "prop.new", ProposalId::new)?;
    let number = next_number(roadmap.items.proposals.iter().map(|p| p.number));
    let value = ItemValue::Proposal(Proposal {
        id: id.clone(),
        number,
        gap: Some(gap),
        statement: statement.to_owned(),
        overseas: Vec::new(),
        actions: Vec::new(),
        en: None,
        source: None,
        group: None,
        ministries: Vec::new(),
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new KPI.
pub fn create_kpi(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    name: &str,
    kind: KpiKind,
    unit: &str,
) -> Result<Created<KpiId>, EditError> {
    let id = new_id(roadmap, "kpi.new", KpiId::new)?;
    let value = ItemValue::Kpi(Kpi {
        id: id.clone(),
        parent: None,
        name: name.to_owned(),
        kind,
        unit: unit.to_owned(),
        target: None,
        latest: None,
        actuals: Vec::new(),
        grade: None,
        assessment: None,
        remarks: None,
        en: None,
        source: None,
        condition: None,
        targets: Vec::new(),
        provenance: Provenance::Stated,
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new target state for `horizon_year`.
pub fn create_target(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    horizon_year: i32,
    text: &str,
) -> Result<Created<TargetId>, EditError> {
    let id = new_id(roadmap, "target.new", TargetId::new)?;
    let value = ItemValue::Target(TargetState {
        id: id.clone(),
        horizon_year,
        text: text.to_owned(),
        en: None,
        source: None,
        provenance: Provenance::Editorial,
        horizon: Horizon::Year,
        horizon_provenance: None,
        horizon_basis: None,
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new theme (項目), numbered after the last theme.
pub fn create_theme(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    title: &str,
    issue: &str,
) -> Result<Created<ThemeId>, EditError> {
    let id = new_id(roadmap, "theme.new", ThemeId::new)?;
    let number = next_number(roadmap.items.themes.iter().map(|t| t.number));
    let value = ItemValue::Theme(Theme {
        id: id.clone(),
        number,
        title: title.to_owned(),
        issue: issue.to_owned(),
        en: None,
        source: None,
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new event.
pub fn create_event(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    when: When,
    title: &str,
    kind: EventKind,
) -> Result<Created<EventId>, EditError> {
    let id = new_id(roadmap, "ev.new", EventId::new)?;
    let value = ItemValue::Event(Event {
        id: id.clone(),
        when,
        title: title.to_owned(),
        kind,
        text: None,
        en: None,
        source: None,
        provenance: Provenance::Editorial,
        status: EventStatus::Fact,
        concerns: Vec::new(),
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new budget line.
pub fn create_budget(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    title: &str,
    fiscal_year: i32,
    amount_oku_yen: f64,
) -> Result<Created<BudgetId>, EditError> {
    let id = new_id(roadmap, "budget.new", BudgetId::new)?;
    let value = ItemValue::Budget(Budget {
        id: id.clone(),
        title: title.to_owned(),
        programme: None,
        ministry: None,
        fiscal_year,
        amount_oku_yen,
        text: None,
        source: None,
        provenance: Provenance::Editorial,
        end_fy: None,
        kind: BudgetKind::Enacted,
        recipient: None,
        note: None,
        en: None,
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new note.
pub fn create_note(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    kind: NoteKind,
    text: &str,
) -> Result<Created<NoteId>, EditError> {
    let id = new_id(roadmap, "note.new", NoteId::new)?;
    let value = ItemValue::Note(Note {
        id: id.clone(),
        kind,
        heading: None,
        text: text.to_owned(),
        en: None,
        source: None,
        about: None,
        table: None,
        provenance: Provenance::Stated,
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

impl<Id> Created<Id> {
    /// The key of the new item.
    pub fn key(&self) -> ItemKey
    where
        Id: Clone + Into<ItemKey>,
    {
        self.id.clone().into()
    }
}

macro_rules! into_key {
    ($($Id:ty => $V:ident),*) => {$(
        impl From<$Id> for ItemKey {
            fn from(id: $Id) -> Self {
                ItemKey::$V(id)
            }
        }
    )*};
}

into_key!(
    MeasureId => Measure, GapId => Gap, ProposalId => Proposal, KpiId => Kpi,
    TargetId => Target, ThemeId => Theme, EventId => Event, BudgetId => Budget, NoteId => Note
);

/// A new source document with a placeholder `title`; its ID is `src.newN`.
pub fn create_source(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    title: &str,
) -> Result<Created<SourceId>, EditError> {
    let id = new_id(roadmap, "src.new", SourceId::new)?;
    let value = ItemValue::Source(Source {
        id: id.clone(),
        title: title.to_owned(),
        issuer: None,
        date: None,
        date_provenance: Provenance::Editorial,
        file: None,
        note: None,
        en: None,
        title_en: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new value-chain stage named `name`, after the others; its ID is `stage.newN`.
pub fn create_stage(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    name: &str,
) -> Result<Created<StageId>, EditError> {
    let id = new_id(roadmap, "stage.new", StageId::new)?;
    let value = ItemValue::Stage(Stage {
        id: id.clone(),
        name: name.to_owned(),
        detail: None,
        en: None,
        source: None,
        origin: FileId::default(),
    });
    Ok(Created {
        id,
        edit: create_in(roadmap, origin, value)?,
    })
}

/// A new ministry or agency with the short `code` the documents write (`外`, `総` …), which is
/// its ID and cannot change later, and its Japanese and English names.
pub fn create_ministry(
    roadmap: &Roadmap,
    origin: Option<FileId>,
    code: &str,
    (name, name_en): (&str, &str),
) -> Result<Created<MinistryCode>, EditError> {
    let code = MinistryCode::new(code.trim()).map_err(EditError::BadMinistryCode)?;
    let value = ItemValue::Ministry(Ministry {
        code: code.clone(),
        name: name.to_owned(),
        name_en: name_en.to_owned(),
        source: None,
        provenance: Provenance::Editorial,
        kind: OrgKind::Ministry,
        origin: FileId::default(),
    });
    Ok(Created {
        id: code,
        edit: create_in(roadmap, origin, value)?,
    })
}
