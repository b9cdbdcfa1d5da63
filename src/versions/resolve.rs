//! The merge conflicts a roadmap holds: reported by `waymark check` at their records, and
//! resolved one by one by taking ours' or theirs' value into the item.

use serde_json::Value;

use super::VersionError;
use super::entries::{conflicted_collection, conflicted_key, link_key, show};
use crate::edit::{Edit, ItemKey, delete_item};
use crate::model::{Conflict, Conflicted, FileId, Link, LinkKind, Roadmap};

/// A conflict in words: what, which field, and its values.
pub fn describe(c: &Conflict) -> String {
    let what = format!(
        "{} `{}`",
        conflicted_collection(&c.item),
        conflicted_key(&c.item)
    );
    let value = |v: &Option<String>| {
        v.as_deref()
            .and_then(|t| serde_json::from_str::<Value>(t).ok())
            .map_or_else(|| "(none)".to_owned(), |v| show(&v))
    };
    if c.field.is_empty() {
        let side = if c.ours.is_none() { "ours" } else { "theirs" };
        format!(
            "merge conflict: {what} was deleted on {side} and edited on the other side; the edited version is kept until resolved"
        )
    } else {
        format!(
            "merge conflict: {what}, field `{}`: ours {} (kept), theirs {}, base {}",
            c.field,
            value(&c.ours),
            value(&c.theirs),
            value(&c.base)
        )
    }
}

/// A value of a conflict, parsed (`None` where the side has none).
pub fn side_value(text: Option<&str>) -> Result<Option<Value>, VersionError> {
    text.map(|t| {
        serde_json::from_str(t).map_err(|e| VersionError::Shape(format!("a recorded value: {e}")))
    })
    .transpose()
}

/// `item` (a tree of fields) with the field at `path` set to `value`, or removed for `None`.
pub fn with_field(
    mut item: Value,
    path: &str,
    value: Option<Value>,
) -> Result<Value, VersionError> {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts
        .pop()
        .filter(|p| !p.is_empty())
        .ok_or_else(|| VersionError::Shape("a conflict names no field".to_owned()))?;
    let mut at = &mut item;
    for part in parts {
        at = at
            .get_mut(part)
            .ok_or_else(|| VersionError::Shape(format!("no field `{part}` in `{path}`")))?;
    }
    let Value::Object(map) = at else {
        return Err(VersionError::Shape(format!("`{path}` is not a field")));
    };
    match value {
        Some(v) => {
            map.insert(last.to_owned(), v);
        }
        None => {
            map.remove(last);
        }
    }
    Ok(item)
}

/// Which version of a conflicting field to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The branch merged into: the value the file holds.
    Ours,
    /// The branch merged in.
    Theirs,
}

/// The edit that resolves conflict `index` of `roadmap` with `choice`, as one undoable step:
/// the field set to the chosen value (for a whole item edited on one side and deleted on the
/// other: the item deleted with its links, or kept), and the record removed.
pub fn resolution(roadmap: &Roadmap, index: usize, choice: Choice) -> Result<Edit, VersionError> {
    let conflict = roadmap
        .items
        .conflicts
        .get(index)
        .ok_or_else(|| VersionError::Shape(format!("no merge conflict number {index}")))?;
    let remove = Edit::RemoveConflict {
        index,
        conflict: conflict.clone(),
    };
    let chosen = match choice {
        Choice::Ours => conflict.ours.as_deref(),
        Choice::Theirs => conflict.theirs.as_deref(),
    };
    let shape = |e: serde_json::Error| VersionError::Shape(e.to_string());
    let change = if conflict.field.is_empty() {
        // The file holds the edited version; the chosen side either edited it too (keep it)
        // or deleted it.
        match (&conflict.item, chosen) {
            (Conflicted::Item(item), None) => {
                let key = ItemKey::from(item.clone());
                key.position(&roadmap.items)
                    .map(|_| delete_item(roadmap, &key).map(|d| d.edit))
                    .transpose()?
            }
            (Conflicted::Link(link), None) => {
                link_at(roadmap, link).map(|(i, l)| Edit::RemoveLink {
                    index: i,
                    link: l.clone(),
                })
            }
            (Conflicted::Scenario(_) | Conflicted::Presentation(_) | Conflicted::Header, None)
            | (_, Some(_)) => None,
        }
    } else if choice == Choice::Ours {
        None
    } else {
        let value = side_value(chosen)?;
        Some(match &conflict.item {
            Conflicted::Item(item) => replace_field(
                roadmap,
                &ItemKey::from(item.clone()),
                &conflict.field,
                value,
            )?,
            Conflicted::Scenario(id) => replace_field(
                roadmap,
                &ItemKey::Scenario(id.clone()),
                &conflict.field,
                value,
            )?,
            Conflicted::Presentation(id) => replace_field(
                roadmap,
                &ItemKey::Presentation(id.clone()),
                &conflict.field,
                value,
            )?,
            Conflicted::Link(link) => {
                let (i, old) = link_at(roadmap, link)
                    .ok_or_else(|| VersionError::Shape(format!("no link {}", link_key(link))))?;
                let json = with_field(
                    serde_json::to_value(old).map_err(shape)?,
                    &conflict.field,
                    value,
                )?;
                let mut new: Link = serde_json::from_value(json).map_err(shape)?;
                new.origin = old.origin;
                Edit::ReplaceLink {
                    index: i,
                    link: new,
                }
            }
            Conflicted::Header => {
                let json = with_field(
                    serde_json::to_value(&roadmap.header).map_err(shape)?,
                    &conflict.field,
                    value,
                )?;
                Edit::SetHeader(serde_json::from_value(json).map_err(shape)?)
            }
        })
    };
    // The record goes first, so that a deletion's positions stay as computed.
    Ok(Edit::Batch(std::iter::once(remove).chain(change).collect()))
}

/// The link of the roadmap that `link` names (by type and ends), with its position.
fn link_at<'a>(roadmap: &'a Roadmap, link: &LinkKind) -> Option<(usize, &'a Link)> {
    let key = link_key(link);
    roadmap
        .items
        .links
        .iter()
        .enumerate()
        .find(|(_, l)| link_key(&l.link) == key)
}

/// The edit replacing the item `key` by itself with the field at `path` set to `value`.
fn replace_field(
    roadmap: &Roadmap,
    key: &ItemKey,
    path: &str,
    value: Option<Value>,
) -> Result<Edit, VersionError> {
    let shape = |e: serde_json::Error| VersionError::Shape(e.to_string());
    let i = key
        .position(&roadmap.items)
        .ok_or_else(|| VersionError::Shape(format!("{key} is not in the roadmap")))?;
    let old = key.value_at(&roadmap.items, i);
    let json = with_field(old.to_json().map_err(shape)?, path, value)?;
    Ok(Edit::Replace(old.with_json(json).map_err(shape)?))
}

/// The position among all the roadmap's conflicts of each conflict of file `file`.
pub fn of_file(roadmap: &Roadmap, file: FileId) -> Vec<usize> {
    roadmap
        .items
        .conflicts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.origin == file)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_field_is_set_or_removed_by_its_path() {
        let item = json!({"id": "m", "span": {"start_fy": 2025, "end_fy": 2029}, "title": "a"});
        let set = with_field(item.clone(), "span.end_fy", Some(json!(2030))).expect("set");
        assert_eq!(set["span"]["end_fy"], json!(2030));
        let removed = with_field(item, "title", None).expect("removed");
        assert!(removed.get("title").is_none());
    }
}
