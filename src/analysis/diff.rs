//! What differs between two versions of a roadmap, item by item: the one open in Waymark and the
//! one a change outside Waymark left on disk. Items are matched by ID (links by their type and
//! ends), and an item differs when any field it saves differs.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{ItemRef, Link, Roadmap};

/// How an item differs between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Only in the version open here (added here, or deleted on disk).
    OnlyHere,
    /// Only in the version on disk (added there, or deleted here).
    OnlyOnDisk,
    /// In both, with different contents.
    Differs,
}

/// One item that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The item, when it is one that can be selected (links and scenarios are not).
    pub item: Option<ItemRef>,
    /// What the item is: its kind and ID, or a link's type and ends.
    pub key: String,
    /// How it differs.
    pub change: Change,
}

/// Every item that differs between `here` and `disk`, the header first, then by kind in file
/// order: what is only here, what is only on disk, what differs.
pub fn differences(here: &Roadmap, disk: &Roadmap) -> Vec<Difference> {
    let mut out = Vec::new();
    if here.header != disk.header {
        out.push(Difference {
            item: None,
            key: "roadmap".to_owned(),
            change: Change::Differs,
        });
    }
    macro_rules! compare {
        ($($field:ident => $variant:ident . $id:ident),* $(,)?) => {$(
            compare(
                &mut out,
                &here.items.$field,
                &disk.items.$field,
                |x| (x.$id.to_string(), Some(ItemRef::$variant(x.$id.clone()))),
            );
        )*};
    }
    compare! {
        sources => Source.id,
        ministries => Ministry.code,
        stages => Stage.id,
        target_states => Target.id,
        notes => Note.id,
        themes => Theme.id,
        gaps => Gap.id,
        measures => Measure.id,
        proposals => Proposal.id,
        kpis => Kpi.id,
        budgets => Budget.id,
        events => Event.id,
    }
    compare(
        &mut out,
        &here.items.scenarios,
        &disk.items.scenarios,
        |s| (format!("scenario {}", s.id), None),
    );
    compare(&mut out, &here.items.links, &disk.items.links, |l| {
        (link_key(l), None)
    });
    out
}

/// A link's identity: its type and its two ends (a `Responsible` link's role is content).
fn link_key(link: &Link) -> String {
    let [a, b] = link.link.ends();
    format!("{} {} → {}", link.link.name(), a.id_str(), b.id_str())
}

/// Compares two lists of one kind of item, matched by `key`, pushing what differs.
fn compare<T: Serialize>(
    out: &mut Vec<Difference>,
    here: &[T],
    disk: &[T],
    key: impl Fn(&T) -> (String, Option<ItemRef>),
) {
    let text = |x: &T| ron::to_string(x).unwrap_or_default();
    let on_disk: BTreeMap<String, String> = disk.iter().map(|x| (key(x).0, text(x))).collect();
    let mut seen = std::collections::HashSet::new();
    let mut only_here = Vec::new();
    let mut differs = Vec::new();
    for x in here {
        let (k, item) = key(x);
        match on_disk.get(&k) {
            None => only_here.push((k.clone(), item)),
            Some(theirs) if *theirs != text(x) => differs.push((k.clone(), item)),
            Some(_) => {}
        }
        seen.insert(k);
    }
    let only_disk = disk
        .iter()
        .map(&key)
        .filter(|(k, _)| !seen.contains(k))
        .collect::<Vec<_>>();
    for (list, change) in [
        (only_here, Change::OnlyHere),
        (only_disk, Change::OnlyOnDisk),
        (differs, Change::Differs),
    ] {
        out.extend(
            list.into_iter()
                .map(|(key, item)| Difference { item, key, change }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GapId, LinkKind};

    fn bundled() -> Roadmap {
        crate::bundled::open()
            .expect("the bundled roadmap opens")
            .roadmap
    }

    #[test]
    fn a_roadmap_does_not_differ_from_itself() {
        let r = bundled();
        assert_eq!(differences(&r, &r), Vec::new());
    }

    #[test]
    fn an_edited_a_deleted_and_an_added_item_are_each_named() {
        let disk = bundled();
        let mut here = disk.clone();
        let edited = here.items.gaps[0].id.clone();
        here.items.gaps[0].text.push('！');
        let deleted = here.items.measures.remove(0).id;
        let mut added = here.items.gaps[1].clone();
        added.id = GapId::new("gap.added").expect("a valid id");
        here.items.gaps.push(added);
        here.items.links.retain(
            |l| !matches!(&l.link, LinkKind::AddressedBy { measure, .. } if *measure == deleted),
        );

        let found = differences(&here, &disk);
        let has = |item: ItemRef, change| {
            found
                .iter()
                .any(|d| d.item.as_ref() == Some(&item) && d.change == change)
        };
        assert!(has(ItemRef::Gap(edited), Change::Differs), "{found:?}");
        assert!(
            has(ItemRef::Measure(deleted.clone()), Change::OnlyOnDisk),
            "{found:?}"
        );
        assert!(
            has(
                ItemRef::Gap(GapId::new("gap.added").expect("id")),
                Change::OnlyHere
            ),
            "{found:?}"
        );
        assert!(
            found.iter().any(|d| d.change == Change::OnlyOnDisk
                && d.key.starts_with("AddressedBy")
                && d.key.ends_with(deleted.as_str())),
            "{found:?}"
        );
    }
}
