//! Validation: duplicate IDs, links to missing items, unknown ministries, impossible spans and dates,
//! empty required text, duplicate numbers. Each finding points at the offending reference.
//!
//! The checks are split by concern: identities and numbers ([`ids`]), the items' own fields and
//! references ([`items`]), and links ([`links`]).

mod ids;
mod items;
mod links;

use foldhash::{HashMap, HashSet};

use super::locate::{Key, Locator, Place};
use crate::diagnostic::{Diagnostic, Pos, Severity};
use crate::model::time::check_year;
use crate::model::{
    FileId, FySpan, ItemKind, MeasureKind, ParsedFile, Provenance, Roadmap, SourceRef, When,
};

/// The most findings reported for one roadmap. Beyond it they are counted, not placed, and one
/// last `too-many-diagnostics` says how many more there are: placing a finding costs a search of
/// its item's text, so a roadmap with a million broken references must not cost a million searches
/// (nor a million copies of a long line).
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Checks a parsed roadmap and returns every finding (up to [`MAX_DIAGNOSTICS`]), errors
/// first, then in file order.
pub fn validate(roadmap: &Roadmap, files: &[ParsedFile]) -> Vec<Diagnostic> {
    check(roadmap).place(files)
}

/// Checks a roadmap without its files' texts: what is found, before it is placed in them.
pub fn check(roadmap: &Roadmap) -> Findings {
    let mut v = Validator {
        roadmap,
        known: Known::of(roadmap),
        ministry_list: None,
        found: Vec::new(),
        unplaced: (0, 0),
    };
    v.header();
    v.ids();
    v.items();
    v.links();
    v.conflicts();
    Findings {
        found: v.found,
        unplaced: v.unplaced,
    }
}

/// How to find an item in its file, owning its key.
#[derive(Clone, Debug)]
enum OwnedKey {
    Field(&'static str, String),
    Link(usize),
    Element(&'static str, usize),
}

/// A finding, before it is placed in its file's text.
#[derive(Clone, Debug)]
struct Finding {
    severity: Severity,
    rule: &'static str,
    origin: FileId,
    key: OwnedKey,
    /// The key's occurrence (from 1) in the file: a repeated ID is pointed at where it repeats.
    nth: usize,
    needles: Vec<String>,
    message: String,
}

/// What [`check`] found: each finding knows its item and what to point at, and is placed in the
/// text of its file by [`Self::place`]. Placing needs only the texts of the files that have
/// findings ([`Self::files`]), so a roadmap being edited serializes just those.
#[derive(Clone, Debug, Default)]
pub struct Findings {
    found: Vec<Finding>,
    /// Errors and warnings found past [`MAX_DIAGNOSTICS`].
    unplaced: (usize, usize),
}

impl Findings {
    /// The files that hold findings, each once, in order.
    pub fn files(&self) -> Vec<FileId> {
        let mut files: Vec<FileId> = self.found.iter().map(|f| f.origin).collect();
        files.sort_unstable();
        files.dedup();
        files
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty() && self.unplaced == (0, 0)
    }

    /// The findings as diagnostics placed in `files`, errors first, then in file order. Only the
    /// texts of [`Self::files`] are read; the others may be empty.
    pub fn place(&self, files: &[ParsedFile]) -> Vec<Diagnostic> {
        let mut loc = Locator::new(files);
        let mut out: Vec<Diagnostic> = self
            .found
            .iter()
            .map(|f| {
                let place = match &f.key {
                    OwnedKey::Field(field, value) if f.nth > 1 => {
                        loc.place_nth(f.origin, field, value, f.nth)
                    }
                    key => {
                        let key = match key {
                            OwnedKey::Field(field, value) => Key::Field(field, value),
                            OwnedKey::Link(n) => Key::Link(*n),
                            OwnedKey::Element(collection, n) => Key::Element(collection, *n),
                        };
                        let needles: Vec<&str> = f.needles.iter().map(String::as_str).collect();
                        loc.place(f.origin, &key, &needles)
                    }
                };
                let d = match f.severity {
                    Severity::Error => Diagnostic::error(f.rule, place.file, place.pos, &f.message),
                    Severity::Warning => {
                        Diagnostic::warning(f.rule, place.file, place.pos, &f.message)
                    }
                };
                with_snippet(d, &place)
            })
            .collect();
        let (errors, warnings) = self.unplaced;
        if errors + warnings > 0 {
            let entry = files
                .first()
                .map_or("<unknown file>", |f| f.display.as_str());
            let message = format!(
                "{errors} more error(s) and {warnings} more warning(s) are not shown; only the first {MAX_DIAGNOSTICS} findings are reported"
            );
            out.push(if errors > 0 {
                Diagnostic::error("too-many-diagnostics", entry, Pos::START, message)
            } else {
                Diagnostic::warning("too-many-diagnostics", entry, Pos::START, message)
            });
        }
        out.sort_by(|a, b| {
            (a.severity, &a.file, a.line, a.col).cmp(&(b.severity, &b.file, b.line, b.col))
        });
        out.dedup();
        out
    }
}

/// Attaches the line of `place`, found through the locator's line index rather than by walking
/// the file from its start (as [`Diagnostic::with_snippet_from`] does) for every finding.
fn with_snippet(mut d: Diagnostic, place: &Place<'_>) -> Diagnostic {
    d.snippet = place.snippet.map(str::to_owned);
    d
}

struct Validator<'a> {
    roadmap: &'a Roadmap,
    known: Known<'a>,
    /// The known ministry codes, sorted and joined, for messages; made on first use.
    ministry_list: Option<String>,
    found: Vec<Finding>,
    /// Errors and warnings found past [`MAX_DIAGNOSTICS`].
    unplaced: (usize, usize),
}

/// The IDs of every kind of item that others refer to, hashed once for all the checks. (The
/// first of duplicate IDs is kept; duplicates are reported by the identity checks.)
struct Known<'a> {
    sources: HashSet<&'a str>,
    ministries: HashSet<&'a str>,
    stages: HashSet<&'a str>,
    targets: HashSet<&'a str>,
    themes: HashSet<&'a str>,
    gaps: HashSet<&'a str>,
    measures: HashMap<&'a str, &'a MeasureKind>,
    kpis: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    /// Whether `item` is defined; `None` for a kind not tracked here.
    fn contains(&self, kind: ItemKind, id: &str) -> Option<bool> {
        let set = match kind {
            ItemKind::Source => &self.sources,
            ItemKind::Ministry => &self.ministries,
            ItemKind::Stage => &self.stages,
            ItemKind::Target => &self.targets,
            ItemKind::Theme => &self.themes,
            ItemKind::Gap => &self.gaps,
            ItemKind::Kpi => &self.kpis,
            ItemKind::Measure => return Some(self.measures.contains_key(id)),
            ItemKind::Note | ItemKind::Proposal | ItemKind::Budget | ItemKind::Event => {
                return None;
            }
        };
        Some(set.contains(id))
    }

    fn of(roadmap: &'a Roadmap) -> Self {
        let it = &roadmap.items;
        let mut measures = HashMap::default();
        for m in &it.measures {
            measures.entry(m.id.as_str()).or_insert(&m.kind);
        }
        Self {
            sources: it.sources.iter().map(|x| x.id.as_str()).collect(),
            ministries: it.ministries.iter().map(|x| x.code.as_str()).collect(),
            stages: it.stages.iter().map(|x| x.id.as_str()).collect(),
            targets: it.target_states.iter().map(|x| x.id.as_str()).collect(),
            themes: it.themes.iter().map(|x| x.id.as_str()).collect(),
            gaps: it.gaps.iter().map(|x| x.id.as_str()).collect(),
            measures,
            kpis: it.kpis.iter().map(|x| x.id.as_str()).collect(),
        }
    }
}

/// An item seen by the generic checks: its file, its key and a label for messages.
struct At<'k> {
    origin: FileId,
    key: Key<'k>,
    /// Searched for first within the item, so that a part of it can be pointed at (one override
    /// of a scenario).
    anchor: Option<&'k str>,
}

impl<'k> At<'k> {
    fn id(origin: FileId, id: &'k str) -> Self {
        Self {
            origin,
            key: Key::Field("id", id),
            anchor: None,
        }
    }
}

impl Validator<'_> {
    /// Whether another finding of `severity` may be placed; if not, it is counted.
    fn room(&mut self, severity: Severity) -> bool {
        if self.found.len() < MAX_DIAGNOSTICS {
            return true;
        }
        match severity {
            Severity::Error => self.unplaced.0 += 1,
            Severity::Warning => self.unplaced.1 += 1,
        }
        false
    }

    fn error(&mut self, rule: &'static str, at: &At<'_>, needle: Option<&str>, message: String) {
        let needles: Vec<&str> = needle.into_iter().collect();
        self.error_at(rule, at, &needles, message);
    }

    fn error_at(&mut self, rule: &'static str, at: &At<'_>, needles: &[&str], message: String) {
        self.found_at(Severity::Error, rule, at, needles, 1, message);
    }

    fn warning(&mut self, rule: &'static str, at: &At<'_>, needle: Option<&str>, message: String) {
        let needles: Vec<&str> = needle.into_iter().collect();
        self.found_at(Severity::Warning, rule, at, &needles, 1, message);
    }

    /// Records a finding at the `nth` (from 1) item with `at`'s key, unless there are too many.
    fn found_at(
        &mut self,
        severity: Severity,
        rule: &'static str,
        at: &At<'_>,
        needles: &[&str],
        nth: usize,
        message: String,
    ) {
        if !self.room(severity) {
            return;
        }
        let needles = at
            .anchor
            .iter()
            .copied()
            .chain(needles.iter().copied())
            .map(str::to_owned)
            .collect();
        let key = match at.key {
            Key::Field(field, value) => OwnedKey::Field(field, value.to_owned()),
            Key::Link(n) => OwnedKey::Link(n),
            Key::Element(collection, n) => OwnedKey::Element(collection, n),
        };
        self.found.push(Finding {
            severity,
            rule,
            origin: at.origin,
            key,
            nth,
            needles,
            message,
        });
    }

    /// One warning per merge conflict the roadmap records (rule `merge-conflict`), at its
    /// record.
    fn conflicts(&mut self) {
        let roadmap = self.roadmap;
        let mut nth_in_file: Vec<usize> = vec![0; roadmap.files.len()];
        for c in &roadmap.items.conflicts {
            let Some(n) = nth_in_file.get_mut(usize::from(c.origin.0)) else {
                continue;
            };
            let at = At {
                origin: c.origin,
                key: Key::Element("conflicts", *n),
                anchor: None,
            };
            *n += 1;
            self.warning(
                "merge-conflict",
                &at,
                Some("item:"),
                crate::versions::resolve::describe(c),
            );
        }
    }

    fn header(&mut self) {
        let h = &self.roadmap.header;
        let at = At {
            origin: FileId(0),
            key: Key::Field("id", h.id.as_str()),
            anchor: None,
        };
        if h.title.trim().is_empty() {
            self.error(
                "empty-text",
                &at,
                Some("title:"),
                "the roadmap's `title` is empty; give it a title".into(),
            );
        }
        let years_ok =
            self.year(&at, "start_fy:", h.start_fy) & self.year(&at, "end_fy:", h.end_fy);
        if years_ok && h.end_fy < h.start_fy {
            self.error(
                "span-order",
                &at,
                Some("end_fy:"),
                format!(
                    "the horizon ends (FY{}) before it starts (FY{})",
                    h.end_fy, h.start_fy
                ),
            );
        }
    }

    fn exists(&mut self, at: &At<'_>, found: bool, what: &str, id: &str) {
        if !found {
            self.error(
                "dangling-reference",
                at,
                Some(&format!("\"{id}\"")),
                format!("{what} `{id}` does not exist; expected the ID of a {what} defined in this roadmap"),
            );
        }
    }

    fn ministry_known(&mut self, at: &At<'_>, code: &str) {
        if self.known.ministries.contains(code) || !self.room(Severity::Error) {
            return;
        }
        let known = &self.known.ministries;
        let list = self.ministry_list.get_or_insert_with(|| {
            let mut list: Vec<&str> = known.iter().copied().collect();
            list.sort_unstable();
            list.join(", ")
        });
        let message = format!(
            "unknown ministry code `{code}`; known codes are {list}; add it under `ministries`"
        );
        self.error(
            "unknown-ministry",
            at,
            Some(&format!("\"{code}\"")),
            message,
        );
    }

    fn required(&mut self, at: &At<'_>, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(
                "empty-text",
                at,
                Some(&format!("{field}:")),
                format!("`{field}` is empty; it is required"),
            );
        }
    }

    fn cite(&mut self, at: &At<'_>, source: Option<&SourceRef>, provenance: Provenance) {
        // Whether a cited source exists is checked with every other reference
        // ([`Self::references`]).
        if source.is_none() && provenance == Provenance::Stated {
            self.warning("no-source", at, None, "stated, but cites no source; add `source: (doc: …, locator: …)` or mark it Editorial".into());
        }
    }

    /// Checks that a year lies within the years accepted ([`crate::model::time::check_year`]);
    /// `needle` finds where it is written in the item. Returns whether it does.
    fn year(&mut self, at: &At<'_>, needle: &str, year: i32) -> bool {
        match check_year(year) {
            Ok(()) => true,
            Err(message) => {
                self.error("bad-date", at, Some(needle), message);
                false
            }
        }
    }

    fn span(&mut self, at: &At<'_>, span: &FySpan) {
        let h = &self.roadmap.header;
        if !(self.year(at, "start_fy:", span.start_fy) & self.year(at, "end_fy:", span.end_fy)) {
            return;
        }
        if span.end_fy < span.start_fy {
            self.error(
                "span-order",
                at,
                Some("end_fy:"),
                format!(
                    "the span ends (FY{}) before it starts (FY{})",
                    span.end_fy, span.start_fy
                ),
            );
        } else if span.start_fy < h.start_fy || span.end_fy > h.end_fy {
            self.warning(
                "outside-horizon",
                at,
                Some("start_fy:"),
                format!(
                    "span {span} lies outside the roadmap's horizon FY{}-FY{}",
                    h.start_fy, h.end_fy
                ),
            );
        }
        if span.provenance != Provenance::Stated
            && span.basis.as_deref().is_none_or(|b| b.trim().is_empty())
        {
            self.warning(
                "no-basis",
                at,
                Some("span:"),
                "an assumed span should say what it is based on in `basis`".into(),
            );
        }
        let blank = |b: &Option<String>| b.as_deref().is_none_or(|b| b.trim().is_empty());
        if span.end_provenance.is_some_and(|p| p != Provenance::Stated)
            && blank(&span.end_basis)
            && blank(&span.basis)
        {
            self.warning(
                "no-basis",
                at,
                Some("end_provenance:"),
                "an assumed end of a span should say what it is based on in `end_basis`".into(),
            );
        }
    }

    /// Checks that a reference to any item (a note's `about`, an event's `concerns`) names an
    /// item of the roadmap.
    /// Checks that the item of `kind` with ID `id` that `at` refers to exists.
    fn refers(&mut self, at: &At<'_>, kind: ItemKind, id: &str) {
        if kind == ItemKind::Ministry {
            self.ministry_known(at, id);
        } else {
            let found = self
                .known
                .contains(kind, id)
                .unwrap_or_else(|| self.roadmap.contains_key(kind, id));
            self.exists(at, found, kind.noun(), id);
        }
    }

    fn date(&mut self, at: &At<'_>, when: &When) {
        if let Err(message) = when.check() {
            let needle = match when {
                When::Day(..) => "Day(",
                When::Month(..) => "Month(",
                When::Year(..)
                | When::FiscalYear(..)
                | When::FiscalYearEnd(..)
                | When::Decade(..) => "(",
            };
            self.error(
                "bad-date",
                at,
                Some(needle),
                format!("impossible date {when}: {message}"),
            );
        }
    }
}
