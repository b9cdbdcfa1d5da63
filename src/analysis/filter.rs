//! Search and filters, applied to every view at once: the set of items that remain visible.

use std::collections::BTreeSet;

use foldhash::{HashSet, HashSetExt};

use serde::{Deserialize, Serialize};

use super::index::Index;
use crate::i18n::Lang;
use crate::model::{
    Category, Gap, ItemKind, ItemRef, Measure, MinistryCode, Roadmap, StageId, ThemeId,
};

/// What the user narrowed the roadmap to. Empty sets and `None` mean "no restriction".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Text to find in any item's text, Japanese or English; case-insensitive.
    pub text: String,
    /// Only measures these ministries are responsible for (and the gaps they answer).
    pub ministries: BTreeSet<MinistryCode>,
    /// Only these themes (項目).
    pub themes: BTreeSet<ThemeId>,
    /// Only gaps in these categories (and their measures).
    pub categories: BTreeSet<Category>,
    /// Only gaps at these value-chain stages (and their measures).
    pub stages: BTreeSet<StageId>,
    /// Only measures running in or after this fiscal year.
    pub fy_from: Option<i32>,
    /// Only measures running in or before this fiscal year.
    pub fy_to: Option<i32>,
}

impl Filter {
    /// Whether anything is restricted.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty() || self.is_structural()
    }

    fn is_structural(&self) -> bool {
        !(self.ministries.is_empty()
            && self.themes.is_empty()
            && self.categories.is_empty()
            && self.stages.is_empty()
            && self.fy_from.is_none()
            && self.fy_to.is_none())
    }
}

/// The items that pass the filter, and their neighbours.
#[derive(Clone, Debug, Default)]
pub struct Visible {
    active: bool,
    items: HashSet<ItemRef>,
    /// Items that do not pass but are linked to one that does.
    context: HashSet<ItemRef>,
}

impl Visible {
    /// Whether `item` passes (always, when no filter is active).
    pub fn contains(&self, item: &ItemRef) -> bool {
        !self.active || self.items.contains(item)
    }

    /// Whether `item`, a gap or ministry, does not pass the filter but is linked to an item that
    /// does: views that draw links (linkage) show it, dimmed, so that a match keeps its context
    /// (the ministries of the measures found).
    pub fn is_context(&self, item: &ItemRef) -> bool {
        self.active && self.context.contains(item)
    }

    /// Whether a filter is active.
    pub fn is_active(&self) -> bool {
        self.active
    }

    /// Whether a filter is active and nothing passes it.
    pub fn is_empty(&self) -> bool {
        self.active && self.items.is_empty()
    }

    /// How many items pass, when a filter is active.
    pub fn len(&self) -> Option<usize> {
        self.active.then_some(self.items.len())
    }
}

fn text_matches(haystacks: &[&str], needle: &str) -> bool {
    // A needle without lowercase letters (Japanese, digits) is found in the lowercased text
    // exactly where it is found in the text, since lowercasing only ever produces lowercase
    // letters (and U+0307): no need to lowercase every text for it.
    let caseless = needle.chars().all(|c| !c.is_lowercase() && c != '\u{307}');
    haystacks
        .iter()
        .any(|h| h.contains(needle) || (!caseless && h.to_lowercase().contains(needle)))
}

fn measure_texts(m: &Measure) -> Vec<&str> {
    let mut v = vec![m.text.as_str(), m.id.as_str()];
    v.extend(m.title.as_deref());
    v.extend(m.en.as_deref());
    v.extend(m.ministries_as_written.as_deref());
    v.extend(m.details.iter().map(String::as_str));
    v
}

fn gap_texts(g: &Gap) -> Vec<&str> {
    let mut v = vec![g.text.as_str(), g.id.as_str()];
    v.extend(g.en.as_deref());
    v
}

/// Applies `filter` to `roadmap`.
pub fn apply(roadmap: &Roadmap, index: &Index, filter: &Filter) -> Visible {
    if !filter.is_active() {
        return Visible::default();
    }
    let it = &roadmap.items;
    let needle = filter.text.trim().to_lowercase();
    let gap_structural = |g: &Gap| {
        (filter.themes.is_empty() || g.theme.as_ref().is_some_and(|t| filter.themes.contains(t)))
            && (filter.categories.is_empty()
                || g.category
                    .as_ref()
                    .is_some_and(|c| filter.categories.contains(c)))
            && (filter.stages.is_empty() || g.stages.iter().any(|s| filter.stages.contains(s)))
    };
    let gap_restricted =
        !(filter.themes.is_empty() && filter.categories.is_empty() && filter.stages.is_empty());

    // Measures pass on their own ministries and span …
    let own_ok: HashSet<&str> = it
        .measures
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            let ministry_ok = filter.ministries.is_empty()
                || index.ministries_of_nth_measure(*i).any(
                    |(x, _)| matches!(x, ItemRef::Ministry(c) if filter.ministries.contains(c)),
                );
            let span_ok = match (&m.span, filter.fy_from, filter.fy_to) {
                (_, None, None) => true,
                (None, _, _) => false,
                (Some(s), from, to) => {
                    from.is_none_or(|f| s.end_fy >= f) && to.is_none_or(|t| s.start_fy <= t)
                }
            };
            ministry_ok && span_ok
        })
        .map(|(_, m)| m.id.as_str())
        .collect();
    let mut items = HashSet::new();
    // … and on the placement of the gaps they answer.
    for (i, m) in it.measures.iter().enumerate() {
        let gaps_ok = !gap_restricted
            || index.gaps_of_nth_measure(i).any(
                |g| matches!(g, ItemRef::Gap(id) if roadmap.gap(id).is_some_and(gap_structural)),
            );
        let text_ok = needle.is_empty() || text_matches(&measure_texts(m), &needle);
        if own_ok.contains(m.id.as_str()) && gaps_ok && text_ok {
            items.insert(ItemRef::Measure(m.id.clone()));
        }
    }
    // Gaps pass on their own placement, and on having a measure that passes its own filters.
    let measure_restricted =
        !filter.ministries.is_empty() || filter.fy_from.is_some() || filter.fy_to.is_some();
    for (i, g) in it.gaps.iter().enumerate() {
        let via_measures = !measure_restricted
            || index
                .measures_of_nth_gap(i)
                .any(|m| matches!(m, ItemRef::Measure(id) if own_ok.contains(id.as_str())));
        let text_ok = needle.is_empty() || text_matches(&gap_texts(g), &needle);
        if gap_structural(g) && via_measures && text_ok {
            items.insert(ItemRef::Gap(g.id.clone()));
        }
    }
    // Everything else: its own text; structural filters apply through what it is joined to.
    let structural = filter.is_structural();
    let rest = it
        .refs()
        .into_iter()
        .filter(|r| !matches!(r.kind(), ItemKind::Measure | ItemKind::Gap));
    for r in rest {
        let text_ok = needle.is_empty()
            || text_matches(
                &[
                    super::labels::text(roadmap, &r, Lang::Ja).as_str(),
                    super::labels::text(roadmap, &r, Lang::En).as_str(),
                    r.id_str(),
                ],
                &needle,
            );
        let structural_ok = !structural
            || match &r {
                ItemRef::Ministry(c) => {
                    filter.ministries.is_empty() || filter.ministries.contains(c)
                }
                ItemRef::Theme(t) => {
                    (filter.themes.is_empty() || filter.themes.contains(t))
                        && index.related(&r, |_| true, true).any(|g| items.contains(g))
                }
                ItemRef::Event(id) => roadmap.event(id).is_some_and(|e| {
                    let fy = e.when.fiscal_year();
                    filter.fy_from.is_none_or(|f| fy >= f) && filter.fy_to.is_none_or(|t| fy <= t)
                }),
                // Items joined to gaps or measures remain when any of those remains.
                _ => index.edges(&r).any(|e| items.contains(e.other)),
            };
        if text_ok && structural_ok {
            items.insert(r);
        }
    }
    // The gaps and ministries of what passes: the context a match is read in (never more
    // measures, which would undo a ministry or period filter).
    let context = items
        .iter()
        .flat_map(|r| index.edges(r))
        .map(|e| e.other)
        .filter(|other| {
            matches!(other.kind(), ItemKind::Gap | ItemKind::Ministry) && !items.contains(*other)
        })
        .cloned()
        .collect();
    Visible {
        active: true,
        items,
        context,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_matching_ignores_case_and_needs_no_lowercasing_for_caseless_needles() {
        assert!(text_matches(&["再生医療の実用化"], "医療"));
        assert!(!text_matches(&["再生医療"], "遺伝子"));
        assert!(text_matches(&["iPS Cells"], "ips cells"));
        assert!(text_matches(&["ＡＭＥＤ予算"], "ａｍｅｄ"));
        assert!(text_matches(&["x", "FY2024"], "2024"));
        // The same answers as lowercasing every text, for caseless and cased needles alike.
        let texts = [
            "ΣΟΦΙΑ",
            "İstanbul",
            "KELVIN \u{212A}",
            "ǅemal",
            "再生医療",
            "Ｒ＆Ｄ",
        ];
        for needle in [
            "σοφια",
            "i\u{307}stanbul",
            "k",
            "ǆemal",
            "医療",
            "ｒ＆ｄ",
            "2",
        ] {
            for t in texts {
                assert_eq!(
                    text_matches(&[t], needle),
                    t.to_lowercase().contains(needle),
                    "{t:?} / {needle:?}"
                );
            }
        }
    }
}
