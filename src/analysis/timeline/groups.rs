//! The groups measure lanes are made of: one lane per ministry, theme or proposal, in the
//! roadmap's order, and a last lane of the measures in none of them.

use super::{Grouping, LANE_TITLE_CHARS};
use crate::analysis::index::{Index, Relation};
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{ItemRef, MeasureId, Roadmap};

/// The title of the lane of measures in no group.
pub(super) fn others_title(lang: Lang) -> String {
    lang.pick("その他・担当未設定", "Other / unassigned")
        .to_owned()
}

/// The group of each lane, in the order of the lanes.
pub(super) fn keys(roadmap: &Roadmap, grouping: Grouping) -> Vec<ItemRef> {
    let it = &roadmap.items;
    match grouping {
        Grouping::Ministry => it
            .ministries
            .iter()
            .map(|m| ItemRef::Ministry(m.code.clone()))
            .collect(),
        Grouping::Theme => it
            .themes
            .iter()
            .map(|t| ItemRef::Theme(t.id.clone()))
            .collect(),
        Grouping::Proposal => it
            .proposals
            .iter()
            .map(|p| ItemRef::Proposal(p.id.clone()))
            .collect(),
    }
}

/// The title of the lane of group `key`.
pub(super) fn title(roadmap: &Roadmap, key: &ItemRef, lang: Lang) -> String {
    match key {
        ItemRef::Ministry(code) => roadmap.ministry(code).map_or_else(
            || code.to_string(),
            |m| format!("{} {}", m.code, lang.pick(&m.name, &m.name_en)),
        ),
        _ => labels::short(roadmap, key, lang, LANE_TITLE_CHARS),
    }
}

/// The measures in the lane of group `key`, in the lane's order: a ministry's in the order of
/// its responsibility links, a theme's by its gaps and their measures (each once), a proposal's
/// actions in its order.
pub(super) fn measures(roadmap: &Roadmap, index: &Index, key: &ItemRef) -> Vec<MeasureId> {
    let measure_id = |x: &ItemRef| match x {
        ItemRef::Measure(id) => Some(id.clone()),
        _ => None,
    };
    match key {
        ItemRef::Ministry(_) => index
            .measures_of_ministry(key)
            .filter_map(|(x, _)| measure_id(x))
            .collect(),
        ItemRef::Theme(_) => {
            let mut ids = Vec::new();
            for g in index.related(key, |r| r == Relation::ThemeOf, true) {
                for m in index.measures_of_gap(g) {
                    if let Some(id) = measure_id(m)
                        && !ids.contains(&id)
                    {
                        ids.push(id);
                    }
                }
            }
            ids
        }
        ItemRef::Proposal(id) => roadmap
            .proposal(id)
            .map(|p| p.actions.clone())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Whether `measure` is in the lane of some group of `grouping` (else it is in the last lane).
pub(super) fn is_grouped(
    roadmap: &Roadmap,
    index: &Index,
    grouping: Grouping,
    measure: &ItemRef,
) -> bool {
    match grouping {
        Grouping::Ministry => index
            .ministries_of_measure(measure)
            .any(|(m, _)| roadmap.contains(m)),
        Grouping::Theme => index.gaps_of_measure(measure).any(|g| {
            index
                .related(g, |r| r == Relation::ThemeOf, false)
                .any(|t| roadmap.contains(t))
        }),
        Grouping::Proposal => {
            let ItemRef::Measure(id) = measure else {
                return false;
            };
            roadmap
                .items
                .proposals
                .iter()
                .any(|p| p.actions.contains(id))
        }
    }
}
