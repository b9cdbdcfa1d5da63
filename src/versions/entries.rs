//! A roadmap file, or a whole roadmap, as keyed entries: every item of every collection as a
//! tree of its fields (JSON values, exactly as serde writes the item), under the key that
//! identifies it across versions — its ID, a ministry's code, a link's type and ends.
//!
//! Comparing and merging work on these trees, so that every item kind, and every field a kind
//! gains later, is compared and merged field by field without code of its own.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use super::VersionError;
use crate::model::{Conflicted, FileDoc, FileId, ItemKind, ItemRef, Items, LinkKind, Roadmap};

/// The collections of a file, in the order files are written.
pub const COLLECTIONS: &[&str] = Items::COLLECTIONS;

/// What an entry is, beyond its key: the item it refers to, or the link it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// The roadmap's header.
    Header,
    /// An item that can be referred to.
    Item(ItemRef),
    /// A link.
    Link(LinkKind),
    /// A scenario.
    Scenario(String),
    /// A presentation.
    Presentation(String),
    /// A recorded merge conflict, about this.
    Conflict(Conflicted),
}

impl Subject {
    /// What a merge conflict about this entry names.
    pub fn conflicted(&self) -> Option<Conflicted> {
        match self {
            Subject::Header => Some(Conflicted::Header),
            Subject::Item(item) => Some(Conflicted::Item(item.clone())),
            Subject::Link(link) => Some(Conflicted::Link(link.clone())),
            Subject::Scenario(id) => crate::model::ScenarioId::new(id)
                .ok()
                .map(Conflicted::Scenario),
            Subject::Presentation(id) => crate::model::PresentationId::new(id)
                .ok()
                .map(Conflicted::Presentation),
            Subject::Conflict(_) => None,
        }
    }
}

/// One item of one collection, as a tree of its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The collection it belongs to (one of [`COLLECTIONS`]), or `roadmap` for the header.
    pub collection: &'static str,
    /// What identifies it across versions.
    pub key: String,
    /// What it is.
    pub subject: Subject,
    /// Its fields, as serde writes them.
    pub value: Value,
    /// The file it is in.
    pub file: FileId,
}

/// A link's identity: its type and its two ends (a `Responsible` link's role is content).
pub fn link_key(link: &LinkKind) -> String {
    let [a, b] = link.ends();
    format!("{} {} → {}", link.name(), a.id_str(), b.id_str())
}

/// The key and subject of an item of `collection` written as `value`.
fn identify(collection: &'static str, value: &Value) -> Result<(String, Subject), VersionError> {
    let text = |field: &str| {
        value
            .get(field)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| VersionError::Shape(format!("an item of `{collection}` has no {field}")))
    };
    match collection {
        "links" => {
            let link: LinkKind =
                serde_json::from_value(value.get("link").cloned().unwrap_or(Value::Null))
                    .map_err(|e| VersionError::Shape(format!("a link: {e}")))?;
            Ok((link_key(&link), Subject::Link(link)))
        }
        "scenarios" => {
            let id = text("id")?;
            Ok((id.clone(), Subject::Scenario(id)))
        }
        "presentations" => {
            let id = text("id")?;
            Ok((id.clone(), Subject::Presentation(id)))
        }
        "conflicts" => {
            let item: Conflicted =
                serde_json::from_value(value.get("item").cloned().unwrap_or(Value::Null))
                    .map_err(|e| VersionError::Shape(format!("a conflict: {e}")))?;
            let field = value.get("field").and_then(Value::as_str).unwrap_or("");
            Ok((
                format!("{}#{field}", conflicted_key(&item)),
                Subject::Conflict(item),
            ))
        }
        _ => {
            let kind = ItemKind::of_collection(collection)
                .ok_or_else(|| VersionError::Shape(format!("unknown collection `{collection}`")))?;
            let id = text(kind.key_field())?;
            let item = ItemRef::from_parts(kind, &id)
                .map_err(|e| VersionError::Shape(format!("`{id}`: {e}")))?;
            Ok((id, Subject::Item(item)))
        }
    }
}

/// The key of the entry a conflict is about.
pub fn conflicted_key(item: &Conflicted) -> String {
    match item {
        Conflicted::Item(item) => item.id_str().to_owned(),
        Conflicted::Link(link) => link_key(link),
        Conflicted::Scenario(id) => id.to_string(),
        Conflicted::Presentation(id) => id.to_string(),
        Conflicted::Header => "roadmap".to_owned(),
    }
}

/// The collection holding the entry a conflict is about.
pub fn conflicted_collection(item: &Conflicted) -> &'static str {
    match item {
        Conflicted::Item(item) => item.kind().collection(),
        Conflicted::Link(_) => "links",
        Conflicted::Scenario(_) => "scenarios",
        Conflicted::Presentation(_) => "presentations",
        Conflicted::Header => "roadmap",
    }
}

/// The entries of one file body, as a JSON object of collections (what serde writes a
/// [`FileDoc`] as), marked as being in `file`. The header, if any, comes first.
pub fn of_file_value(doc: &Value, file: FileId) -> Result<Vec<Entry>, VersionError> {
    let mut out = Vec::new();
    if let Some(header) = doc.get("roadmap").filter(|h| !h.is_null()) {
        out.push(Entry {
            collection: "roadmap",
            key: "roadmap".to_owned(),
            subject: Subject::Header,
            value: header.clone(),
            file,
        });
    }
    for &collection in COLLECTIONS {
        let Some(items) = doc.get(collection).and_then(Value::as_array) else {
            continue;
        };
        for value in items {
            let (key, subject) = identify(collection, value)?;
            out.push(Entry {
                collection,
                key,
                subject,
                value: value.clone(),
                file,
            });
        }
    }
    Ok(out)
}

/// A file body as JSON: what serde writes it as.
pub fn file_value(doc: &FileDoc) -> Result<Value, VersionError> {
    serde_json::to_value(doc).map_err(|e| VersionError::Shape(e.to_string()))
}

/// Every entry of a roadmap, file by file; the header holds the list of included files as its
/// field `include`.
pub fn of_roadmap(roadmap: &Roadmap) -> Result<Vec<Entry>, VersionError> {
    let mut out = Vec::new();
    for i in 0..roadmap.files.len() {
        let file = FileId(u16::try_from(i).unwrap_or(u16::MAX));
        let mut doc = file_value(&roadmap.file_doc(file))?;
        if let Some(Value::Object(header)) = doc.get_mut("roadmap") {
            let include: Vec<Value> = roadmap
                .files
                .iter()
                .skip(1)
                .map(|f| Value::String(f.name.clone()))
                .collect();
            header.insert("include".to_owned(), Value::Array(include));
        }
        out.extend(of_file_value(&doc, file)?);
    }
    Ok(out)
}

/// Whether a JSON value is a struct's fields, to be compared field by field, rather than an enum
/// variant (`{"Year": 2024}`: one key, capitalised) or any other value, compared whole.
pub fn is_struct(value: &Value) -> bool {
    match value {
        Value::Object(map) => {
            !(map.len() == 1 && map.keys().all(|k| k.starts_with(char::is_uppercase)))
        }
        _ => false,
    }
}

/// Every field of an item as `(path, value as shown)`, going into structs (a span of fiscal
/// years shown as one: `span: FY2025–FY2029`), in the order of their paths.
pub fn leaves(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    push_leaves(&mut out, "", value);
    out
}

fn push_leaves(out: &mut Vec<(String, String)>, path: &str, value: &Value) {
    let Value::Object(map) = value else {
        out.push((path.to_owned(), show(value)));
        return;
    };
    if !is_struct(value) {
        out.push((path.to_owned(), show(value)));
        return;
    }
    let join = |field: &str| {
        if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        }
    };
    let span = ["start_fy", "end_fy"]
        .iter()
        .map(|k| map.get(*k).map(|v| ((*k).to_owned(), v.clone())))
        .collect::<Option<Map<String, Value>>>();
    if let Some(span) = &span {
        let at = if path.is_empty() {
            "start_fy–end_fy".to_owned()
        } else {
            path.to_owned()
        };
        out.push((at, show(&Value::Object(span.clone()))));
    }
    for (field, inner) in map {
        if span.is_some() && (field == "start_fy" || field == "end_fy") {
            continue;
        }
        push_leaves(out, &join(field), inner);
    }
}

/// A value as it reads in a roadmap file, on one line: `"text"`, `2030`, `Year(2024)`,
/// `["文", "厚"]`, `(doc: "src.002", locator: "L5")`.
pub fn show(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

/// `items` between `brackets`, separated by commas.
fn write_list(out: &mut String, items: &[Value], brackets: (char, char)) {
    out.push(brackets.0);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_value(out, item);
    }
    out.push(brackets.1);
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&Value::String(s.clone()).to_string()),
        Value::Array(items) => write_list(out, items, ('[', ']')),
        Value::Object(map)
            if map.len() == 2
                && map.values().all(Value::is_i64)
                && map.contains_key("start_fy") =>
        {
            let year = |k: &str| map.get(k).and_then(Value::as_i64).unwrap_or_default();
            let (start, end) = (year("start_fy"), year("end_fy"));
            if start == end {
                write!(out, "FY{start}").ok();
            } else {
                write!(out, "FY{start}–FY{end}").ok();
            }
        }
        Value::Object(map) if !is_struct(value) => {
            for (variant, inner) in map {
                out.push_str(variant);
                match inner {
                    Value::Array(items) => write_list(out, items, ('(', ')')),
                    Value::Object(_) => write_value(out, inner),
                    other => {
                        out.push('(');
                        write_value(out, other);
                        out.push(')');
                    }
                }
            }
        }
        Value::Object(map) => {
            out.push('(');
            for (i, (field, inner)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(field);
                out.push_str(": ");
                write_value(out, inner);
            }
            out.push(')');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_in_a_roadmap_file() {
        assert_eq!(show(&json!("再生")), "\"再生\"");
        assert_eq!(show(&json!({"Year": 2024})), "Year(2024)");
        assert_eq!(show(&json!({"Day": [2021, 1, 27]})), "Day(2021, 1, 27)");
        assert_eq!(show(&json!("Assumed")), "\"Assumed\"");
        assert_eq!(
            show(&json!({"doc": "src.002", "locator": "L5"})),
            "(doc: \"src.002\", locator: \"L5\")"
        );
        assert_eq!(
            show(&json!({"AddressedBy": {"gap": "g", "measure": "m"}})),
            "AddressedBy(gap: \"g\", measure: \"m\")"
        );
        assert_eq!(show(&json!(["文", "厚"])), "[\"文\", \"厚\"]");
        assert_eq!(
            show(&json!({"start_fy": 2025, "end_fy": 2029})),
            "FY2025–FY2029"
        );
    }

    #[test]
    fn every_item_of_the_bundled_roadmap_has_a_distinct_key() {
        let doc = crate::bundled::open().expect("bundled");
        let entries = of_roadmap(&doc.roadmap).expect("entries");
        assert_eq!(entries.len(), doc.roadmap.items.count() + 1);
        let mut keys: Vec<(&str, &str)> = entries
            .iter()
            .map(|e| (e.collection, e.key.as_str()))
            .collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before);
    }
}
