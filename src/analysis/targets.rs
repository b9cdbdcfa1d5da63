//! Target states (目指すべき姿) by horizon year, each with the measures contributing to it and
//! the gaps standing in its way: the roadmap read backwards from where it should arrive, as the
//! targets view and its picture show it.

use std::collections::BTreeMap;

use super::filter::Visible;
use super::index::{Index, Relation};
use super::labels;
use crate::i18n::Lang;
use crate::model::{ItemRef, Provenance, Roadmap, TargetState};

/// What one target state shows.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetCard {
    /// The target state.
    pub item: ItemRef,
    /// Stated, assumed or editorial.
    pub provenance: Provenance,
    /// Tag, provenance in words when not stated, and text.
    pub label: String,
    /// Contributing measures, then gaps in the way.
    pub related: [Related; 2],
}

/// The items joined to a target state by one relation.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    /// The relation's name with the count shown.
    pub title: String,
    /// Those passing the filter, with their labels.
    pub shown: Vec<(ItemRef, String)>,
    /// How many the filter hides.
    pub hidden: usize,
}

/// One horizon year: its heading and its target states.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetColumn {
    /// The year, as a heading (2030年, By 2030).
    pub heading: String,
    /// Its target states that pass the filter, in document order.
    pub cards: Vec<TargetCard>,
}

impl TargetCard {
    fn new(
        roadmap: &Roadmap,
        index: &Index,
        visible: &Visible,
        lang: Lang,
        t: &TargetState,
    ) -> Self {
        let item = ItemRef::Target(t.id.clone());
        let tag = labels::tag(roadmap, &item, lang);
        let text = labels::text(roadmap, &item, lang);
        let label = match (t.provenance, lang) {
            (Provenance::Stated, _) => format!("{tag} {text}"),
            (p, Lang::Ja) => format!("{tag} ［{}］ {text}", p.label_ja()),
            (p, Lang::En) => format!("{tag} [{}] {text}", p.label_en()),
        };
        let related = |relation: Relation, title: &str| {
            let mut shown = Vec::new();
            let mut hidden = 0;
            for x in index.related(&item, move |x| x == relation, false) {
                if !visible.contains(x) {
                    hidden += 1;
                    continue;
                }
                let tag = labels::tag(roadmap, x, lang);
                let text = labels::text(roadmap, x, lang);
                let label = if tag == x.id_str() {
                    text
                } else {
                    format!("{tag} {text}")
                };
                shown.push((x.clone(), label));
            }
            Related {
                title: format!("{title} ({})", shown.len()),
                shown,
                hidden,
            }
        };
        let related = [
            related(
                Relation::ContributesTo,
                lang.pick("寄与する施策", "Contributing measures"),
            ),
            related(Relation::Blocks, lang.pick("阻む論点", "Gaps in the way")),
        ];
        Self {
            item,
            provenance: t.provenance,
            label,
            related,
        }
    }
}

/// The target states that pass the filter, one column per horizon year, earliest first.
pub fn target_columns(
    roadmap: &Roadmap,
    index: &Index,
    visible: &Visible,
    lang: Lang,
) -> Vec<TargetColumn> {
    let mut by_year: BTreeMap<i32, Vec<TargetCard>> = BTreeMap::new();
    for t in &roadmap.items.target_states {
        if visible.contains(&ItemRef::Target(t.id.clone())) {
            by_year
                .entry(t.horizon_year)
                .or_default()
                .push(TargetCard::new(roadmap, index, visible, lang, t));
        }
    }
    by_year
        .into_iter()
        .map(|(year, cards)| TargetColumn {
            heading: match lang {
                Lang::Ja => format!("{year}年"),
                Lang::En => format!("By {year}"),
            },
            cards,
        })
        .collect()
}
