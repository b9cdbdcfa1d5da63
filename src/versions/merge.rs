//! Three-way merge of one roadmap file at the level of items and fields, as a git merge driver
//! does it: items are matched by key, and each field is taken from the side that changed it.
//!
//! Both sides adding different items, changing different fields of one item, or adding and
//! removing different links merge cleanly. The same field changed to different values on both
//! sides, or an item edited on one side and deleted on the other, is a conflict: the field keeps
//! ours' value (an item edited on one side and deleted on the other is kept as edited, so that
//! nothing referring to it dangles), and a [`Conflict`] records every version of it in the
//! file's `conflicts`.

use serde_json::{Map, Value};

use super::VersionError;
use super::entries::{COLLECTIONS, Entry, Subject, file_value, is_struct, of_file_value};
use crate::model::{Conflict, FileDoc, FileId, SCHEMA_VERSION};

/// A merged file and the conflicts found merging it (also recorded in its `conflicts`).
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged file.
    pub doc: FileDoc,
    /// The conflicts this merge found.
    pub conflicts: Vec<Conflict>,
}

/// Merges `ours` and `theirs`, two versions of one file that both started from `base` (`None`
/// where the file did not exist there).
pub fn merge_files(
    base: Option<&FileDoc>,
    ours: &FileDoc,
    theirs: &FileDoc,
) -> Result<Merged, VersionError> {
    let value = |doc: Option<&FileDoc>| -> Result<Value, VersionError> {
        doc.map_or_else(|| Ok(Value::Object(Map::new())), file_value)
    };
    let (b, o, t) = (value(base)?, value(Some(ours))?, value(Some(theirs))?);
    let entries = |v: &Value| of_file_value(v, FileId(0));
    let (b_entries, o_entries, t_entries) = (entries(&b)?, entries(&o)?, entries(&t)?);

    let mut merger = Merger::default();
    let mut out = Map::new();
    out.insert("schema".to_owned(), Value::from(SCHEMA_VERSION));
    let header = merger.collection("roadmap", &b_entries, &o_entries, &t_entries);
    if let Some(h) = header.into_iter().next() {
        out.insert("roadmap".to_owned(), h);
    }
    let include = merge_set(
        &strings(b.get("include")),
        strings(o.get("include")),
        &strings(t.get("include")),
    );
    if !include.is_empty() {
        out.insert(
            "include".to_owned(),
            Value::Array(include.into_iter().map(Value::String).collect()),
        );
    }
    for &collection in COLLECTIONS {
        let mut items = merger.collection(collection, &b_entries, &o_entries, &t_entries);
        if collection == "conflicts" {
            // A new conflict replaces one recorded earlier for the same field.
            let new: Vec<Value> = merger
                .found
                .iter()
                .map(|c| serde_json::to_value(c).map_err(|e| VersionError::Shape(e.to_string())))
                .collect::<Result<_, _>>()?;
            let same = |a: &Value, b: &Value| {
                a.get("item") == b.get("item") && a.get("field") == b.get("field")
            };
            items.retain(|old| !new.iter().any(|n| same(old, n)));
            items.extend(new);
        }
        if !items.is_empty() {
            out.insert(collection.to_owned(), Value::Array(items));
        }
    }
    let doc: FileDoc = serde_json::from_value(Value::Object(out))
        .map_err(|e| VersionError::Shape(format!("the merged file: {e}")))?;
    Ok(Merged {
        doc,
        conflicts: merger.found,
    })
}

/// The strings of a list field, or none.
fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// A three-way merge of a set kept in order: ours' order, without what theirs removed, with what
/// theirs added.
fn merge_set(base: &[String], ours: Vec<String>, theirs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = ours
        .into_iter()
        .filter(|x| !base.contains(x) || theirs.contains(x))
        .collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

#[derive(Default)]
struct Merger {
    found: Vec<Conflict>,
}

impl Merger {
    /// The merged items of one collection: ours' items in ours' order, each merged with its
    /// versions in base and theirs, and theirs' new items after the item they follow in theirs.
    fn collection(
        &mut self,
        collection: &str,
        base: &[Entry],
        ours: &[Entry],
        theirs: &[Entry],
    ) -> Vec<Value> {
        let of = |entries: &'_ [Entry]| -> Vec<Entry> {
            entries
                .iter()
                .filter(|e| e.collection == collection)
                .cloned()
                .collect()
        };
        let (base, ours, theirs) = (of(base), of(ours), of(theirs));
        let find = |list: &[Entry], key: &str| list.iter().position(|e| e.key == key);
        let mut out: Vec<(String, Value)> = Vec::new();
        for o in &ours {
            let b = find(&base, &o.key).map(|i| &base[i]);
            let t = find(&theirs, &o.key).map(|i| &theirs[i]);
            let merged = match (b, t) {
                (None, None) => Some(o.value.clone()),
                (Some(b), None) if b.value == o.value => None,
                (Some(b), None) => {
                    self.record(&o.subject, "", Some(&b.value), Some(&o.value), None);
                    Some(o.value.clone())
                }
                (b, Some(t)) => {
                    Some(self.value(&o.subject, "", b.map(|b| &b.value), &o.value, &t.value))
                }
            };
            if let Some(v) = merged {
                out.push((o.key.clone(), v));
            }
        }
        for (i, t) in theirs.iter().enumerate() {
            if find(&ours, &t.key).is_some() {
                continue;
            }
            let kept = match find(&base, &t.key).map(|i| &base[i]) {
                None => true,
                Some(b) if b.value == t.value => false,
                Some(b) => {
                    self.record(&t.subject, "", Some(&b.value), None, Some(&t.value));
                    true
                }
            };
            if !kept {
                continue;
            }
            // After the nearest item before it in theirs that the result holds.
            let at = theirs[..i]
                .iter()
                .rev()
                .find_map(|p| out.iter().position(|(k, _)| *k == p.key))
                .map_or(0, |p| p + 1);
            // … and after what ours added there, so that ours' additions come first.
            let ours_only = |key: &str| find(&base, key).is_none() && find(&theirs, key).is_none();
            let at = at + out[at..].iter().take_while(|(k, _)| ours_only(k)).count();
            out.insert(at, (t.key.clone(), t.value.clone()));
        }
        out.into_iter().map(|(_, v)| v).collect()
    }

    /// Merges one value at `path` of an item: the side that changed it wins; structs are merged
    /// field by field; anything else changed on both sides is a conflict, and keeps ours.
    fn value(
        &mut self,
        subject: &Subject,
        path: &str,
        base: Option<&Value>,
        ours: &Value,
        theirs: &Value,
    ) -> Value {
        if ours == theirs || base == Some(theirs) {
            return ours.clone();
        }
        if base == Some(ours) {
            return theirs.clone();
        }
        let structs = is_struct(ours) && is_struct(theirs) && base.is_none_or(is_struct);
        if let (true, Value::Object(o), Value::Object(t)) = (structs, ours, theirs) {
            let b = base.and_then(Value::as_object);
            let mut fields: Vec<&String> = o.keys().collect();
            fields.extend(t.keys().filter(|k| !o.contains_key(*k)));
            let mut out = Map::new();
            for field in fields {
                let sub = if path.is_empty() {
                    field.clone()
                } else {
                    format!("{path}.{field}")
                };
                let bf = b.and_then(|b| b.get(field));
                let merged = match (o.get(field), t.get(field)) {
                    (Some(of), Some(tf)) => Some(self.value(subject, &sub, bf, of, tf)),
                    (Some(of), None) if bf == Some(of) => None,
                    (None, Some(tf)) if bf == Some(tf) => None,
                    (Some(of), None) if bf.is_none() => Some(of.clone()),
                    (None, Some(tf)) if bf.is_none() => Some(tf.clone()),
                    (of, tf) => {
                        self.record(subject, &sub, bf, of, tf);
                        of.cloned()
                    }
                };
                if let Some(v) = merged {
                    out.insert(field.clone(), v);
                }
            }
            return Value::Object(out);
        }
        self.record(subject, path, base, Some(ours), Some(theirs));
        ours.clone()
    }

    fn record(
        &mut self,
        subject: &Subject,
        field: &str,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) {
        let Some(item) = subject.conflicted() else {
            return;
        };
        let text = |v: Option<&Value>| v.map(Value::to_string);
        self.found.push(Conflict {
            item,
            field: field.to_owned(),
            base: text(base),
            ours: text(ours),
            theirs: text(theirs),
            origin: FileId(0),
        });
    }
}
