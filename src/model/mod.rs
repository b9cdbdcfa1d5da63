//! The roadmap as data: serde types with typed IDs, loading from and saving to RON files.
//!
//! A roadmap is one entry file with a `roadmap: (…)` header that may `include` further files. Every
//! file has the same shape ([`FileDoc`]), holding any of the item collections; items from all files
//! are merged into one [`Roadmap`], each remembering the file it came from ([`FileId`]) so that it
//! is saved back there.

pub mod conflict;
pub mod ids;
mod io;
pub mod item_ref;
pub mod items;
mod kinds;
pub mod link;
mod lookup;
mod parts;
pub mod presentation;
pub mod registry;
mod shared;
mod stamps;
pub mod time;

use serde::{Deserialize, Serialize};

pub use conflict::{Conflict, Conflicted};
pub use ids::*;
pub(crate) use io::find_field;
pub use io::{
    BOM, FieldSpan, FileKind, FileSpans, FileSystem, Found, ItemSpan, LeavesFolder, LoadError,
    MAX_FILE_BYTES, MAX_INCLUDES, MAX_NESTING, MAX_TOTAL_BYTES, Parsed, ParsedFile, canonical_text,
    canonical_text_of, leaves_folder, parse_file_text, parse_roadmap, serialize_file, split_bom,
};
pub use item_ref::{ItemKind, ItemRef};
pub use items::*;
pub use kinds::{BudgetKind, EventStatus, Horizon, OrgKind, Status};
pub use link::{Link, LinkBreach, LinkKind, LinkType, Role};
pub(crate) use lookup::Shifted;
pub use parts::{Comparison, KpiActual, KpiKind, KpiLatest, KpiTarget, OverseasExample, Table};
pub use presentation::{Basis, Presentation, Step, Zoom};
pub use registry::{Item, KindVisitor, References};
pub use shared::Shared;
pub use time::{FySpan, When};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest schema version this build reads. A schema-1 file reads as schema 2 with none of
/// the fields schema 2 added; saving it (or `waymark migrate`) writes it as schema 2.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// Whether the source states something or an editor added or assumed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Provenance {
    /// The cited source states it.
    #[default]
    Stated,
    /// An editor judged it (a link between documents, a category placement).
    Editorial,
    /// An editor assumed it for lack of a stated value (a date above all).
    Assumed,
}

impl Provenance {
    /// Whether this is the default (stated), which files may leave unwritten.
    pub fn is_stated(&self) -> bool {
        *self == Provenance::Stated
    }

    /// The Japanese label.
    pub fn label_ja(self) -> &'static str {
        match self {
            Provenance::Stated => "出典記載",
            Provenance::Editorial => "編集判断",
            Provenance::Assumed => "仮定",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Provenance::Stated => "stated",
            Provenance::Editorial => "editorial",
            Provenance::Assumed => "assumed",
        }
    }
}

/// Where in a source document an item comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The document.
    pub doc: SourceId,
    /// Where in it: page, section, line range (`L93-99 項目1 小論点1`).
    pub locator: String,
}

/// Which file of a roadmap an item belongs to: an index into [`Roadmap::files`]. Files are never
/// removed from a loaded roadmap, so the index stays valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u16);

/// The header of a roadmap's entry file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Stable ID of the roadmap.
    pub id: RoadmapId,
    /// Title.
    pub title: String,
    /// English title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// What the roadmap covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// First fiscal year of the roadmap's horizon.
    pub start_fy: i32,
    /// Last fiscal year of the horizon (inclusive).
    pub end_fy: i32,
}

macro_rules! collections {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty ),* $(,)?) => {
        /// One RON file of a roadmap, as written on disk.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct FileDoc {
            /// Schema version the file is written in.
            pub schema: u32,
            /// The header; present in the entry file only.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub roadmap: Option<Header>,
            /// Further files, relative to this one; in the entry file only.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub include: Vec<String>,
            $(
                $(#[$doc])*
                #[serde(default, skip_serializing_if = "Vec::is_empty")]
                pub $field: Vec<$ty>,
            )*
        }

        /// All items of a roadmap, merged from its files. Cloning it shares the collections
        /// ([`Shared`]): a snapshot costs nothing until one side changes a collection.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Items {
            $(
                $(#[$doc])*
                pub $field: Shared<$ty>,
            )*
        }

        impl Items {
            /// Makes every collection this clone's own ([`Shared::detach`]): a worker that
            /// reads a snapshot for long copies it first, on its own thread, so that the UI
            /// thread's next edit changes its collections in place instead of copying the
            /// ones it changes.
            pub fn detach(&mut self) {
                $( self.$field.detach(); )*
            }

            /// As [`Self::detach`], but giving up as soon as `stop` is set
            /// ([`Shared::detach_unless`]): a worker whose result an edit would make stale
            /// anyway lets the edit change the collections in place rather than copy them.
            /// Returns whether every collection is this clone's own.
            pub fn detach_unless(&mut self, stop: &std::sync::atomic::AtomicBool) -> bool {
                $( if !self.$field.detach_unless(stop) { return false; } )*
                true
            }

            /// The names of the collections, in the order a file writes them.
            pub const COLLECTIONS: &'static [&'static str] = &[$( stringify!($field) ),*];

            /// Appends the items of one file, marking them as coming from `origin`.
            fn absorb(&mut self, doc: FileDoc, origin: FileId) {
                $(
                    for mut item in doc.$field {
                        item.origin = origin;
                        self.$field.push(item);
                    }
                )*
            }

            /// The items that belong to `origin`, in order, as a file body.
            fn file_doc(&self, origin: FileId) -> FileDoc {
                FileDoc {
                    schema: SCHEMA_VERSION,
                    roadmap: None,
                    include: Vec::new(),
                    $(
                        $field: self.$field.iter().filter(|i| i.origin == origin).cloned().collect(),
                    )*
                }
            }

            /// Number of items of every kind, links included.
            pub fn count(&self) -> usize {
                0 $( + self.$field.len() )*
            }

            /// The items of every file, in one pass over the items, by reference: the bodies of
            /// `files` files, in [`FileId`] order. Items of a file beyond `files` are left out.
            fn file_doc_refs(&self, files: usize) -> Vec<FileDocRef<'_>> {
                let mut docs: Vec<FileDocRef<'_>> = (0..files).map(|_| FileDocRef::default()).collect();
                $(
                    for item in &self.$field {
                        if let Some(doc) = docs.get_mut(usize::from(item.origin.0)) {
                            doc.$field.push(item);
                        }
                    }
                )*
                docs
            }
        }

        /// A file body as [`FileDoc`], borrowing the items rather than copying them: it
        /// serializes to the same text.
        #[derive(Serialize)]
        pub(crate) struct FileDocRef<'a> {
            pub(crate) schema: u32,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub(crate) roadmap: Option<&'a Header>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            pub(crate) include: Vec<&'a str>,
            $(
                #[serde(skip_serializing_if = "Vec::is_empty")]
                pub(crate) $field: Vec<&'a $ty>,
            )*
        }

        impl Default for FileDocRef<'_> {
            fn default() -> Self {
                Self {
                    schema: SCHEMA_VERSION,
                    roadmap: None,
                    include: Vec::new(),
                    $( $field: Vec::new(), )*
                }
            }
        }
    };
}

/// The collections of a file and of [`Items`]: one per item kind, in the table's order, then
/// scenarios and links.
macro_rules! collections_of_kinds {
    ($( $(#[$doc:meta])* $V:ident($T:ident, $Id:ident) in $field:ident by $key:ident as
        $lookup:ident, $ja:literal, $en:literal, $noun:literal; )*) => {
        collections! {
            $(
                #[doc = concat!("Every ", $noun, " (see [`ItemKind::", stringify!($V), "`]).")]
                $field: $T,
            )*
            /// Named scenarios.
            scenarios: Scenario,
            /// Presentations: ordered saved views.
            presentations: Presentation,
            /// Typed links.
            links: Link,
            /// Merge conflicts left to resolve ([`conflict`]).
            conflicts: Conflict,
        }
    };
}
registry::item_kinds!(collections_of_kinds);

/// A file of a loaded roadmap.
#[derive(Clone, Debug, PartialEq)]
pub struct FileInfo {
    /// The path as the entry file names it (the entry file's own name for the entry file).
    pub name: String,
}

/// A whole roadmap: its header, its files and all their items.
#[derive(Clone, Debug, PartialEq)]
pub struct Roadmap {
    /// The header from the entry file.
    pub header: Header,
    /// The files, the entry file first. [`FileId`] indexes this.
    pub files: Vec<FileInfo>,
    /// Every item. Change them through [`crate::edit::apply`]; after changing items in place
    /// otherwise, call [`Self::reindex`].
    pub items: Items,
    /// Positions of items by ID, for the lookups below.
    lookup: lookup::Lookup,
    /// Each file's state, changed by every edit that changes what the file is saved with.
    stamps: stamps::FileStamps,
}

impl Roadmap {
    /// A roadmap of these files and items.
    pub fn new(header: Header, files: Vec<FileInfo>, items: Items) -> Self {
        Self {
            header,
            stamps: stamps::FileStamps::new(files.len()),
            files,
            items,
            lookup: lookup::Lookup::default(),
        }
    }

    /// The bodies of every file as they are saved, by reference, in [`FileId`] order (see
    /// [`Self::file_doc`]).
    pub(crate) fn file_doc_refs(&self) -> Vec<FileDocRef<'_>> {
        let mut docs = self.items.file_doc_refs(self.files.len());
        if let Some(entry) = docs.first_mut() {
            entry.roadmap = Some(&self.header);
            entry.include = self.files.iter().skip(1).map(|f| f.name.as_str()).collect();
        }
        docs
    }

    /// Forgets the lookup table and every file's stamp: call it after changing [`Self::items`]
    /// or [`Self::header`] other than through [`crate::edit::apply`]. (Lookups stay correct
    /// without it, but slower; texts kept by stamp would not.)
    pub fn reindex(&mut self) {
        self.forget_lookup();
        self.stamps.touch_all();
    }

    /// Forgets the lookup table, to be rebuilt on the next lookup.
    pub(crate) fn forget_lookup(&mut self) {
        self.lookup = lookup::Lookup::default();
    }

    /// Keeps the lookup table current after an item of `kind` was inserted, removed or moved.
    pub(crate) fn shifted(&mut self, kind: ItemKind, change: lookup::Shifted<'_>) {
        self.lookup.shifted(&self.items, kind, change);
    }

    /// The state of `file`'s content: equal stamps (on this roadmap or a copy of it) mean that
    /// the file would be saved with the same text. `None` for a file added since the roadmap
    /// was made.
    pub fn file_stamp(&self, file: FileId) -> Option<u64> {
        self.stamps.get(file)
    }

    /// Records that `file`'s content changed ([`crate::edit::apply`] calls it).
    pub(crate) fn touch_file(&mut self, file: FileId) {
        self.stamps.touch(file);
    }

    /// The body of file `origin` as it is saved: the header and includes for the entry file, and
    /// the items that came from (or were added to) that file.
    pub fn file_doc(&self, origin: FileId) -> FileDoc {
        let mut doc = self.items.file_doc(origin);
        if origin == FileId(0) {
            doc.roadmap = Some(self.header.clone());
            doc.include = self.files.iter().skip(1).map(|f| f.name.clone()).collect();
        }
        doc
    }

    /// The place (from 0) of a target state among the target states of its horizon year, in
    /// file order: `★2030-1` is the first of 2030.
    pub fn target_rank(&self, id: &TargetId) -> Option<usize> {
        let it = &self.items;
        let i =
            self.lookup
                .position(it, ItemKind::Target, &it.target_states, id.as_str(), |x| {
                    x.id.as_str()
                })?;
        let t = &it.target_states[i];
        self.lookup.target_rank(it, i).or_else(|| {
            it.target_states
                .iter()
                .filter(|x| x.horizon_year == t.horizon_year)
                .position(|x| x.id == t.id)
        })
    }
}

macro_rules! lookups {
    ($( $(#[$doc:meta])* $V:ident($T:ident, $Id:ident) in $field:ident by $key:ident as
        $lookup:ident, $ja:literal, $en:literal, $noun:literal; )*) => {
        impl Roadmap {
            $(
                #[doc = concat!("Looks up a ", $noun, " by its `", stringify!($key), "`.")]
                pub fn $lookup(&self, id: &$Id) -> Option<&$T> {
                    let list = &self.items.$field;
                    self.lookup
                        .position(&self.items, ItemKind::$V, list, id.as_str(), |x| {
                            x.$key.as_str()
                        })
                        .map(|i| &list[i])
                }
            )*

            /// Whether the item referred to exists.
            pub fn contains(&self, item: &ItemRef) -> bool {
                match item {
                    $( ItemRef::$V(id) => self.$lookup(id).is_some(), )*
                }
            }

            /// Whether an item of `kind` with ID `id` exists.
            pub fn contains_key(&self, kind: ItemKind, id: &str) -> bool {
                self.position_of(kind, id).is_some()
            }

            /// Where the item of `kind` with ID `id` is in the collection of its kind.
            pub fn position_of(&self, kind: ItemKind, id: &str) -> Option<usize> {
                match kind {
                    $( ItemKind::$V => self
                        .lookup
                        .position(&self.items, kind, &self.items.$field, id, |x| x.$key.as_str()), )*
                }
            }
        }
    };
}
registry::item_kinds!(lookups);

/// Shows a number as a circled numeral (①…⑳, then ㉑…㊿), or in parentheses beyond 50.
pub fn circled(n: u32) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n - 1).map_or_else(|| format!("({n})"), String::from),
        21..=35 => char::from_u32(0x3251 + n - 21).map_or_else(|| format!("({n})"), String::from),
        36..=50 => char::from_u32(0x32B1 + n - 36).map_or_else(|| format!("({n})"), String::from),
        _ => format!("({n})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circled_numbers() {
        assert_eq!(circled(1), "①");
        assert_eq!(circled(8), "⑧");
        assert_eq!(circled(20), "⑳");
        assert_eq!(circled(21), "㉑");
        assert_eq!(circled(36), "㊱");
        assert_eq!(circled(50), "㊿");
        assert_eq!(circled(0), "(0)");
        assert_eq!(circled(51), "(51)");
    }
}
