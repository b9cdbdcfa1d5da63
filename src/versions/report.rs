//! The differences between two versions as a reader sees them: grouped by kind, each item named
//! by its ID and label (a link by the labels of both ends), each changed field with its value
//! before → after; in the interface language, or as JSON for tools.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::compare::{ChangeKind, ItemChange};
use super::entries::{Subject, show};
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{FileId, ItemRef, Roadmap};

/// How long an item's label may be in a report, in characters.
const LABEL_CHARS: usize = 40;
/// How long each end's label may be in a link's name.
const END_CHARS: usize = 24;

/// What a report names things with: the versions' roadmaps (for labels; the first that holds an
/// item names it) and their files' names.
pub struct Names<'a> {
    /// Roadmaps to take labels from, in order of preference; may be empty (IDs only).
    pub roadmaps: Vec<&'a Roadmap>,
    /// The old version's file names, by [`FileId`].
    pub old_files: Vec<String>,
    /// The new version's file names, by [`FileId`].
    pub new_files: Vec<String>,
    /// The interface language.
    pub lang: Lang,
}

impl Names<'_> {
    fn item(&self, item: &ItemRef, max: usize) -> Option<String> {
        self.roadmaps
            .iter()
            .find(|r| r.contains(item))
            .map(|r| labels::short(r, item, self.lang, max))
    }

    /// The label of a change's subject: an item's label, a link's ends' labels.
    pub fn label(&self, subject: &Subject) -> String {
        match subject {
            Subject::Item(item) => self.item(item, LABEL_CHARS).unwrap_or_default(),
            Subject::Link(link) => {
                let [a, b] = link.ends();
                let end = |x: &ItemRef| {
                    self.item(x, END_CHARS)
                        .map_or_else(|| x.id_str().to_owned(), |l| format!("{} {l}", x.id_str()))
                };
                format!("{} → {}", end(&a), end(&b))
            }
            Subject::Header | Subject::Scenario(_) | Subject::Presentation(_) => String::new(),
            Subject::Conflict(item) => {
                let subject = match item {
                    crate::model::Conflicted::Item(i) => Subject::Item(i.clone()),
                    crate::model::Conflicted::Link(l) => Subject::Link(l.clone()),
                    crate::model::Conflicted::Scenario(s) => Subject::Scenario(s.to_string()),
                    crate::model::Conflicted::Presentation(p) => {
                        Subject::Presentation(p.to_string())
                    }
                    crate::model::Conflicted::Header => Subject::Header,
                };
                self.label(&subject)
            }
        }
    }

    fn file(names: &[String], file: FileId) -> &str {
        names.get(usize::from(file.0)).map_or("?", String::as_str)
    }
}

/// The heading of a collection's group.
fn heading(collection: &str, lang: Lang) -> &'static str {
    let (ja, en) = match collection {
        "roadmap" => ("ロードマップ", "Roadmap"),
        "sources" => ("出典", "Sources"),
        "ministries" => ("府省庁・組織", "Organisations"),
        "stages" => ("バリューチェーン", "Value-chain stages"),
        "target_states" => ("目指すべき姿", "Target states"),
        "notes" => ("補足", "Notes"),
        "themes" => ("項目", "Themes"),
        "gaps" => ("論点・ギャップ", "Gaps"),
        "measures" => ("施策", "Measures"),
        "proposals" => ("提言", "Proposals"),
        "kpis" => ("KPI", "KPIs"),
        "budgets" => ("予算", "Budgets"),
        "events" => ("出来事", "Events"),
        "scenarios" => ("シナリオ", "Scenarios"),
        "presentations" => ("プレゼンテーション", "Presentations"),
        "links" => ("リンク", "Links"),
        _ => ("マージの衝突", "Merge conflicts"),
    };
    lang.pick(ja, en)
}

fn verb(kind: ChangeKind, lang: Lang) -> &'static str {
    match kind {
        ChangeKind::Changed => lang.pick("変更", "changed"),
        ChangeKind::Moved => lang.pick("移動", "moved"),
        ChangeKind::Added => lang.pick("追加", "added"),
        ChangeKind::Removed => lang.pick("削除", "removed"),
    }
}

/// A value in a report: as written in a file, or "(none)" where absent.
fn value(v: Option<&Value>, lang: Lang) -> String {
    v.map_or_else(|| lang.pick("（なし）", "(none)").to_owned(), show)
}

/// How many changes of each kind: changed, moved, added, removed.
fn tally(changes: &[ItemChange]) -> [usize; 4] {
    let count = |k| changes.iter().filter(|c| c.kind == k).count();
    [
        count(ChangeKind::Changed),
        count(ChangeKind::Moved),
        count(ChangeKind::Added),
        count(ChangeKind::Removed),
    ]
}

/// The differences as text: a summary line, then each group under its heading.
pub fn text(changes: &[ItemChange], names: &Names<'_>) -> String {
    let lang = names.lang;
    if changes.is_empty() {
        return format!("{}\n", lang.pick("差分はありません", "no differences"));
    }
    let [changed, moved, added, removed] = tally(changes);
    let mut out = match lang {
        Lang::Ja => format!("変更 {changed}、移動 {moved}、追加 {added}、削除 {removed}\n"),
        Lang::En => format!("{changed} changed, {moved} moved, {added} added, {removed} removed\n"),
    };
    let mut group = "";
    for c in changes {
        if c.collection != group {
            group = c.collection;
            out.push_str(heading(group, lang));
            out.push('\n');
        }
        let label = names.label(&c.subject);
        let name = match &c.subject {
            Subject::Link(link) => link.name().to_owned(),
            _ => c.key.clone(),
        };
        write!(out, "  {}: {name}", verb(c.kind, lang)).ok();
        if !label.is_empty() {
            out.push(' ');
            out.push_str(&label);
        }
        out.push('\n');
        if let Some((from, to)) = c.moved {
            writeln!(
                out,
                "    {}: {} → {}",
                lang.pick("ファイル", "file"),
                Names::file(&names.old_files, from),
                Names::file(&names.new_files, to)
            )
            .ok();
        }
        for f in &c.fields {
            let path = if f.path.is_empty() {
                "="
            } else {
                f.path.as_str()
            };
            writeln!(
                out,
                "    {path}: {} → {}",
                value(f.before.as_ref(), lang),
                value(f.after.as_ref(), lang)
            )
            .ok();
        }
    }
    out
}

/// The differences as JSON: whether the versions are equal, the counts, and every change with
/// its fields' values before and after (left out where absent).
pub fn json(changes: &[ItemChange], names: &Names<'_>) -> Value {
    let [changed, moved, added, removed] = tally(changes);
    let items: Vec<Value> = changes
        .iter()
        .map(|c| {
            let kind = match c.kind {
                ChangeKind::Changed => "changed",
                ChangeKind::Moved => "moved",
                ChangeKind::Added => "added",
                ChangeKind::Removed => "removed",
            };
            let mut item = json!({
                "collection": c.collection,
                "key": c.key,
                "label": names.label(&c.subject),
                "change": kind,
            });
            if let Subject::Link(link) = &c.subject {
                let [a, b] = link.ends();
                item["link"] = json!({"type": link.name(), "from": a.id_str(), "to": b.id_str()});
            }
            if let Some((from, to)) = c.moved {
                item["file"] = json!({
                    "before": Names::file(&names.old_files, from),
                    "after": Names::file(&names.new_files, to),
                });
            }
            if !c.fields.is_empty() {
                let fields: Vec<Value> = c
                    .fields
                    .iter()
                    .map(|f| {
                        let mut field = json!({"field": f.path});
                        if let Some(v) = &f.before {
                            field["before"] = v.clone();
                        }
                        if let Some(v) = &f.after {
                            field["after"] = v.clone();
                        }
                        field
                    })
                    .collect();
                item["fields"] = Value::Array(fields);
            }
            item
        })
        .collect();
    json!({
        "equal": changes.is_empty(),
        "summary": {"changed": changed, "moved": moved, "added": added, "removed": removed},
        "changes": items,
    })
}
