//! What changed between two versions of a roadmap, or of one of its files: items added,
//! removed, moved between files, and changed field by field (a struct's fields one by one:
//! `span.end_fy`), grouped by collection in the order files are written.

use std::collections::HashMap;

use serde_json::Value;

use super::entries::{COLLECTIONS, Entry, Subject, is_struct};
use crate::model::FileId;

/// The fields of a span's first and last fiscal year, compared as one.
pub const START: &str = "start_fy";
/// See [`START`].
pub const END: &str = "end_fy";
/// The path of a change to the span of a struct's own `start_fy` and `end_fy` (the header's).
const SPAN: &str = "start_fy–end_fy";

/// How an item changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Its fields changed (and perhaps its file).
    Changed,
    /// Only its file changed.
    Moved,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
}

/// One field that differs: its path in the item and its two values (`None` where absent).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    /// The field's path: `title`, `span.end_fy`.
    pub path: String,
    /// Its value in the old version.
    pub before: Option<Value>,
    /// Its value in the new version.
    pub after: Option<Value>,
}

/// One item that differs between the versions.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemChange {
    /// Its collection (`measures`, `links` …, or `roadmap` for the header).
    pub collection: &'static str,
    /// Its key: ID, code, or a link's type and ends.
    pub key: String,
    /// What it is (in the new version, or the old one when removed).
    pub subject: Subject,
    /// How it changed.
    pub kind: ChangeKind,
    /// The fields that differ, for a changed item.
    pub fields: Vec<FieldChange>,
    /// The files it was in and is in, for an item that moved between files.
    pub moved: Option<(FileId, FileId)>,
}

/// The fields that differ between two versions of an item, found by going into structs field by
/// field; any other value (text, number, list, enum variant) is compared whole.
pub fn field_changes(before: &Value, after: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    walk(&mut out, "", Some(before), Some(after));
    out
}

fn walk(out: &mut Vec<FieldChange>, path: &str, before: Option<&Value>, after: Option<&Value>) {
    if before == after {
        return;
    }
    match (before, after) {
        (Some(Value::Object(b)), Some(Value::Object(a)))
            if is_struct(before.unwrap_or(&Value::Null))
                && is_struct(after.unwrap_or(&Value::Null)) =>
        {
            let mut fields: Vec<&String> = b.keys().collect();
            fields.extend(a.keys().filter(|k| !b.contains_key(*k)));
            fields.sort();
            // A span of fiscal years changes as one: FY2025–FY2029 → FY2026–FY2030.
            let ends = |m: &serde_json::Map<String, Value>| {
                let mut span = serde_json::Map::new();
                for end in [START, END] {
                    span.insert(end.to_owned(), m.get(end)?.clone());
                }
                Some(Value::Object(span))
            };
            if let (Some(was), Some(is)) = (ends(b), ends(a)) {
                fields.retain(|f| *f != START && *f != END);
                if was != is {
                    out.push(FieldChange {
                        path: if path.is_empty() {
                            SPAN.to_owned()
                        } else {
                            path.to_owned()
                        },
                        before: Some(was),
                        after: Some(is),
                    });
                }
            }
            for field in fields {
                let sub = if path.is_empty() {
                    field.clone()
                } else {
                    format!("{path}.{field}")
                };
                walk(out, &sub, b.get(field), a.get(field));
            }
        }
        _ => out.push(FieldChange {
            path: path.to_owned(),
            before: before.cloned(),
            after: after.cloned(),
        }),
    }
}

/// Every item that differs between `old` and `new` (entries of a roadmap or of a file), grouped
/// by collection — the header first, then in the order files are written — and within one,
/// changed and moved items in the new version's order, then added ones, then removed ones in the
/// old version's order.
pub fn compare(old: &[Entry], new: &[Entry]) -> Vec<ItemChange> {
    let index = |entries: &[Entry]| -> HashMap<(&'static str, String), usize> {
        entries
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.collection, e.key.clone()), i))
            .collect()
    };
    let old_at = index(old);
    let new_at = index(new);
    let mut out = Vec::new();
    for collection in std::iter::once("roadmap").chain(COLLECTIONS.iter().copied()) {
        let mut changed = Vec::new();
        let mut added = Vec::new();
        for e in new.iter().filter(|e| e.collection == collection) {
            match old_at.get(&(collection, e.key.clone())) {
                None => added.push(ItemChange {
                    collection,
                    key: e.key.clone(),
                    subject: e.subject.clone(),
                    kind: ChangeKind::Added,
                    fields: Vec::new(),
                    moved: None,
                }),
                Some(&i) => {
                    let was = &old[i];
                    let fields = field_changes(&was.value, &e.value);
                    let moved = (was.file != e.file).then_some((was.file, e.file));
                    if fields.is_empty() && moved.is_none() {
                        continue;
                    }
                    changed.push(ItemChange {
                        collection,
                        key: e.key.clone(),
                        subject: e.subject.clone(),
                        kind: if fields.is_empty() {
                            ChangeKind::Moved
                        } else {
                            ChangeKind::Changed
                        },
                        fields,
                        moved,
                    });
                }
            }
        }
        let removed = old
            .iter()
            .filter(|e| {
                e.collection == collection && !new_at.contains_key(&(collection, e.key.clone()))
            })
            .map(|e| ItemChange {
                collection,
                key: e.key.clone(),
                subject: e.subject.clone(),
                kind: ChangeKind::Removed,
                fields: Vec::new(),
                moved: None,
            });
        out.extend(changed);
        out.extend(added);
        out.extend(removed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn structs_are_compared_field_by_field_and_other_values_whole() {
        let before = json!({"id": "m", "span": {"start_fy": 2025, "end_fy": 2029}, "date": {"Year": 2024}, "note": "a"});
        let after = json!({"id": "m", "span": {"start_fy": 2025, "end_fy": 2030}, "date": {"Month": [2024, 5]}});
        let changes = field_changes(&before, &after);
        let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["date", "note", "span"]);
        assert_eq!(changes[1].after, None);
        assert_eq!(
            changes[2].before,
            Some(json!({"start_fy": 2025, "end_fy": 2029}))
        );
        assert_eq!(
            changes[2].after,
            Some(json!({"start_fy": 2025, "end_fy": 2030}))
        );
    }
}
