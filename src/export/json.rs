//! The JSON export: the whole resolved roadmap for other tools.
//!
//! Shape (documented for users in `roadmaps/README.md`): an object with `format`
//! (`"waymark-export"`), `schema`, `roadmap` (the header), `files` (file names, entry first),
//! one array per item kind (`sources`, `ministries`, `stages`, `target_states`, `notes`, `themes`,
//! `gaps`, `measures`, `proposals`, `kpis`, `budgets`, `events`, `scenarios`, `presentations`,
//! `links`, `conflicts`), each item as in RON plus `file`, the file it comes from, and
//! `warnings`, the validation warnings.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::document::Document;
use crate::model::{FileId, SCHEMA_VERSION};

fn with_file<T: Serialize>(items: &[T], origin: impl Fn(&T) -> FileId, doc: &Document) -> Value {
    Value::Array(
        items
            .iter()
            .map(|item| {
                let mut v = serde_json::to_value(item).unwrap_or(Value::Null);
                if let Value::Object(map) = &mut v {
                    let name = doc
                        .roadmap
                        .files
                        .get(usize::from(origin(item).0))
                        .map(|f| f.name.clone());
                    map.insert("file".into(), json!(name));
                }
                v
            })
            .collect(),
    )
}

/// The export of a loaded document.
pub fn to_json(doc: &Document) -> Value {
    let r = &doc.roadmap;
    let it = &r.items;
    let mut m = Map::new();
    m.insert("format".into(), json!("waymark-export"));
    m.insert("schema".into(), json!(SCHEMA_VERSION));
    m.insert(
        "roadmap".into(),
        serde_json::to_value(&r.header).unwrap_or(Value::Null),
    );
    m.insert(
        "files".into(),
        json!(r.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>()),
    );
    m.insert("sources".into(), with_file(&it.sources, |x| x.origin, doc));
    m.insert(
        "ministries".into(),
        with_file(&it.ministries, |x| x.origin, doc),
    );
    m.insert("stages".into(), with_file(&it.stages, |x| x.origin, doc));
    m.insert(
        "target_states".into(),
        with_file(&it.target_states, |x| x.origin, doc),
    );
    m.insert("notes".into(), with_file(&it.notes, |x| x.origin, doc));
    m.insert("themes".into(), with_file(&it.themes, |x| x.origin, doc));
    m.insert("gaps".into(), with_file(&it.gaps, |x| x.origin, doc));
    m.insert(
        "measures".into(),
        with_file(&it.measures, |x| x.origin, doc),
    );
    m.insert(
        "proposals".into(),
        with_file(&it.proposals, |x| x.origin, doc),
    );
    m.insert("kpis".into(), with_file(&it.kpis, |x| x.origin, doc));
    m.insert("budgets".into(), with_file(&it.budgets, |x| x.origin, doc));
    m.insert("events".into(), with_file(&it.events, |x| x.origin, doc));
    m.insert(
        "scenarios".into(),
        with_file(&it.scenarios, |x| x.origin, doc),
    );
    m.insert(
        "presentations".into(),
        with_file(&it.presentations, |x| x.origin, doc),
    );
    m.insert("links".into(), with_file(&it.links, |x| x.origin, doc));
    m.insert(
        "conflicts".into(),
        with_file(&it.conflicts, |x| x.origin, doc),
    );
    m.insert(
        "warnings".into(),
        serde_json::to_value(&doc.warnings).unwrap_or(Value::Null),
    );
    Value::Object(m)
}
