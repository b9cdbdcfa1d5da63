//! What keeps a roadmap whole while it is edited: every reference an item or link holds points
//! at an item that exists, links join what they name, and nothing is deleted while something
//! still refers to it. [`super::apply`] refuses any edit that would break this, so no sequence
//! of edits can leave a dangling reference, a self-link, a `Through` link to a non-programme or a
//! KPI cycle (the integrity errors of [`crate::analysis::validate`]).

use std::collections::HashSet;

use super::{EditError, ItemKey, ItemValue};
use crate::i18n::Lang;
use crate::model::{
    Item, ItemKind, KindVisitor, KpiId, LinkBreach, LinkKind, MeasureId, MeasureKind, References,
    Roadmap, SourceRef,
};

/// Something that refers to an item: a link, or a field of another item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reference {
    /// The link at `index` of the roadmap's links.
    Link {
        /// Its position in [`crate::model::Items::links`].
        index: usize,
        /// What it joins.
        link: LinkKind,
    },
    /// The source cited by the link at `index` (the link itself stays).
    LinkSource {
        /// Its position in [`crate::model::Items::links`].
        index: usize,
        /// What it joins.
        link: LinkKind,
    },
    /// A field of another item.
    Field {
        /// The item holding the reference.
        holder: ItemKey,
        /// The field, as written in the file: `actions`, `theme`, `parent` …
        field: &'static str,
    },
}

impl Reference {
    /// Whether the reference can be cleared: a proposal's `gap` is required, so a gap a proposal
    /// answers cannot be deleted before the proposal is given another gap (or deleted).
    pub fn is_required(&self) -> bool {
        matches!(self, Reference::Field { holder: ItemKey::Proposal(_), field } if *field == "gap")
    }

    /// What clearing the reference does, in words, for a confirmation dialog; items are named
    /// by their labels in `roadmap` (as it is before the deletion).
    pub fn describe(&self, roadmap: &Roadmap, lang: Lang) -> String {
        match self {
            Reference::Link { link, .. } => {
                let (a, b) = link_ends(roadmap, link, lang);
                match lang {
                    Lang::Ja => format!("リンク {} （{a} → {b}）を削除", link.name()),
                    Lang::En => format!("remove the {} link {a} → {b}", link.name()),
                }
            }
            Reference::LinkSource { link, .. } => {
                let (a, b) = link_ends(roadmap, link, lang);
                match lang {
                    Lang::Ja => format!("リンク {} （{a} → {b}）の出典を外す", link.name()),
                    Lang::En => format!("clear the source of the {} link {a} → {b}", link.name()),
                }
            }
            Reference::Field { holder, field } => {
                let name = label(roadmap, holder, lang);
                if self.is_required() {
                    return match lang {
                        Lang::Ja => format!(
                            "{name} が答える論点です（`{field}`）。先に別の論点を指定するか削除してください"
                        ),
                        Lang::En => format!(
                            "{name} answers it (its `{field}`); give it another gap or delete it first"
                        ),
                    };
                }
                match lang {
                    Lang::Ja => format!("{name} の `{field}` から外す"),
                    Lang::En => format!("clear it from `{field}` of {name}"),
                }
            }
        }
    }
}

/// An item's label as the views show it: its tag (`提言③`, `小論点1-2`, `文`), or its kind and
/// ID (`measure m.t1.1`).
fn label(roadmap: &Roadmap, key: &ItemKey, lang: Lang) -> String {
    match key.item_ref() {
        Some(item) => {
            let kind = match lang {
                Lang::Ja => item.kind().label_ja(),
                Lang::En => item.kind().label_en(),
            };
            let tag = crate::analysis::labels::tag(roadmap, &item, lang);
            // A bare ID says little: name the kind too.
            if tag == key.id_str() && !matches!(key, ItemKey::Ministry(_)) {
                format!("{kind} {tag}")
            } else {
                tag
            }
        }
        None => format!("{} {}", lang.pick("シナリオ", "scenario"), key.id_str()),
    }
}

/// The two ends of a link, labelled.
fn link_ends(roadmap: &Roadmap, link: &LinkKind, lang: Lang) -> (String, String) {
    let [a, b] = link.ends().map(ItemKey::from);
    (label(roadmap, &a, lang), label(roadmap, &b, lang))
}

/// Every link and field that refers to `key`, links first, in roadmap order.
pub fn references_to(roadmap: &Roadmap, key: &ItemKey) -> Vec<Reference> {
    let it = &roadmap.items;
    let item = key.item_ref();
    let end = item.as_ref().map(|i| (i.kind(), i.id_str()));
    let mut out: Vec<Reference> = it
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| end.is_some_and(|end| l.link.end_keys().contains(&end)))
        .map(|(index, l)| Reference::Link {
            index,
            link: l.link.clone(),
        })
        .collect();
    if let Some(target) = key.item_ref() {
        let mut holders = Holders {
            target: (target.kind(), target.id_str()),
            out: &mut out,
        };
        it.visit(&mut holders);
        for s in &it.scenarios {
            holders.add(|| ItemKey::Scenario(s.id.clone()), s);
        }
        for p in &it.presentations {
            holders.add(|| ItemKey::Presentation(p.id.clone()), p);
        }
    }
    if let ItemKey::Source(id) = key {
        for (index, l) in it.links.iter().enumerate() {
            if l.source.as_ref().is_some_and(|s| &s.doc == id) {
                out.push(Reference::LinkSource {
                    index,
                    link: l.link.clone(),
                });
            }
        }
    }
    out
}

/// Collects the fields that refer to one item, holder by holder.
struct Holders<'a, 't> {
    target: (ItemKind, &'t str),
    out: &'a mut Vec<Reference>,
}

impl Holders<'_, '_> {
    /// Adds the fields of `value` that refer to the target; `holder` names it, made only if
    /// there is one (most items refer to nothing removed).
    fn add(&mut self, holder: impl FnOnce() -> ItemKey, value: &dyn References) {
        let mut fields: Vec<&'static str> = Vec::new();
        value.each_ref(&mut |field, kind, id| {
            if (kind, id) == self.target && !fields.contains(&field) {
                fields.push(field);
            }
        });
        if fields.is_empty() {
            return;
        }
        let holder = holder();
        for field in fields {
            self.out.push(Reference::Field {
                holder: holder.clone(),
                field,
            });
        }
    }
}

impl KindVisitor for Holders<'_, '_> {
    fn visit<T: Item>(&mut self, items: &[T]) {
        // Items whose fields cannot refer to the target's kind are not looked at.
        if items
            .first()
            .is_some_and(|x| !x.may_refer_to(self.target.0))
        {
            return;
        }
        for x in items {
            self.add(|| ItemKey::from(x.item_ref()), x);
        }
    }
}

/// Whether a link has `key` at one of its ends.
fn exists(roadmap: &Roadmap, key: &ItemKey) -> Result<(), EditError> {
    // Through the roadmap's lookup table where the item has a reference.
    let found = match key.item_ref() {
        Some(item) => roadmap.contains(&item),
        None => key.position(&roadmap.items).is_some(),
    };
    if found {
        Ok(())
    } else {
        Err(EditError::Dangling {
            what: key.what(),
            id: key.id_str().to_owned(),
        })
    }
}

/// Checks that the source cited, if any, exists.
pub(crate) fn check_cites(roadmap: &Roadmap, source: Option<&SourceRef>) -> Result<(), EditError> {
    match source {
        Some(s) => exists(roadmap, &ItemKey::Source(s.doc.clone())),
        None => Ok(()),
    }
}

/// Checks that every reference `value` holds points at an existing item, and that putting it in
/// place of the item at `replacing` (when given) breaks no link to it.
pub(crate) fn check_value(
    roadmap: &Roadmap,
    value: &ItemValue,
    replacing: Option<usize>,
) -> Result<(), EditError> {
    let mut missing = None;
    value.references().each_ref(&mut |_, kind, id| {
        if missing.is_none() && !roadmap.contains_key(kind, id) {
            missing = Some((kind, id.to_owned()));
        }
    });
    if let Some((kind, id)) = missing {
        return Err(EditError::Dangling {
            what: kind.noun(),
            id,
        });
    }
    let it = &roadmap.items;
    match value {
        ItemValue::Measure(m) => {
            let was_programme =
                replacing.is_some_and(|i| it.measures[i].kind == MeasureKind::Programme);
            if was_programme && m.kind != MeasureKind::Programme {
                let through = it.links.iter().any(
                    |l| matches!(&l.link, LinkKind::Through { programme, .. } if programme == &m.id),
                );
                if through {
                    return Err(EditError::NotAProgramme(m.id.clone()));
                }
            }
        }
        ItemValue::Proposal(p) => {
            let mut seen = HashSet::new();
            for a in &p.actions {
                if !seen.insert(a) {
                    return Err(EditError::DuplicateAction(a.clone()));
                }
            }
        }
        ItemValue::Kpi(k) => {
            if let Some(parent) = &k.parent
                && ancestors_include(roadmap, parent, &k.id)
            {
                return Err(EditError::Cycle(k.id.clone()));
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether `id` is `start` or one of its ancestors through `parent`.
fn ancestors_include(roadmap: &Roadmap, start: &KpiId, id: &KpiId) -> bool {
    let mut cur = Some(start.clone());
    let mut steps = 0;
    while let Some(k) = cur {
        if &k == id {
            return true;
        }
        steps += 1;
        if steps > roadmap.items.kpis.len() {
            // Already a cycle above; not ours to report.
            return false;
        }
        cur = roadmap.kpi(&k).and_then(|x| x.parent.clone());
    }
    false
}

/// Checks what every link must satisfy: both ends exist, and the rules of links
/// ([`LinkKind::breaches`], which validation checks too).
pub(crate) fn check_link(roadmap: &Roadmap, link: &LinkKind) -> Result<(), EditError> {
    for end in link.ends() {
        exists(roadmap, &ItemKey::from(end))?;
    }
    let is_programme = |m: &MeasureId| roadmap.measure(m).map(|m| m.kind == MeasureKind::Programme);
    match link.breaches(is_programme).into_iter().next() {
        None => Ok(()),
        Some(LinkBreach::NotAProgramme(programme)) => Err(EditError::NotAProgramme(programme)),
        Some(LinkBreach::SelfLink(item)) => Err(EditError::SelfLink(item.id_str().to_owned())),
    }
}

/// Checks, beyond [`check_link`], that a new link adds something: it is not already there (in
/// either direction for `SameAs` and `Continues`), and a ministry already responsible for the
/// measure is not made responsible again in another role (change the role instead).
pub(crate) fn check_new_link(roadmap: &Roadmap, link: &LinkKind) -> Result<(), EditError> {
    check_link(roadmap, link)?;
    let duplicate = roadmap.items.links.iter().any(|l| match (&l.link, link) {
        (
            LinkKind::Responsible {
                measure: m1,
                ministry: c1,
                ..
            },
            LinkKind::Responsible {
                measure: m2,
                ministry: c2,
                ..
            },
        ) => m1 == m2 && c1 == c2,
        (LinkKind::SameAs { gap: a1, other: b1 }, LinkKind::SameAs { gap: a2, other: b2 })
        | (
            LinkKind::Continues {
                earlier: a1,
                later: b1,
            },
            LinkKind::Continues {
                earlier: a2,
                later: b2,
            },
        ) => (a1 == a2 && b1 == b2) || (a1 == b2 && b1 == a2),
        (existing, new) => existing == new,
    });
    if duplicate {
        return Err(EditError::DuplicateLink(link.clone()));
    }
    Ok(())
}
