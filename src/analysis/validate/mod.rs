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
    FileId, FySpan, ItemRef, MeasureKind, ParsedFile, Provenance, Roadmap, SourceRef, When,
};

/// The most findings reported for one roadmap. Beyond it they are counted, not placed, and one
/// last `too-many-diagnostics` says how many more there are: placing a finding costs a search of
/// its item's text, so a roadmap with a million broken references must not cost a million searches
/// (nor a million copies of a long line).
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Checks a parsed roadmap and returns every finding (up to [`MAX_DIAGNOSTICS`]), errors
/// first, then in file order.
pub fn validate(roadmap: &Roadmap, files: &[ParsedFile]) -> Vec<Diagnostic> {
    let mut v = Validator {
        roadmap,
        loc: Locator::new(files),
        known: Known::of(roadmap),
        ministry_list: None,
        out: Vec::new(),
        unplaced: (0, 0),
    };
    v.header();
    v.ids();
    v.items();
    v.links();
    let mut out = v.out;
    out.extend(crate::versions::resolve::diagnostics(roadmap, files));
    let (errors, warnings) = v.unplaced;
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

/// Attaches the line of `place`, found through the locator's line index rather than by walking
/// the file from its start (as [`Diagnostic::with_snippet_from`] does) for every finding.
fn with_snippet(mut d: Diagnostic, place: &Place<'_>) -> Diagnostic {
    d.snippet = place.snippet.map(str::to_owned);
    d
}

struct Validator<'a> {
    roadmap: &'a Roadmap,
    loc: Locator<'a>,
    known: Known<'a>,
    /// The known ministry codes, sorted and joined, for messages; made on first use.
    ministry_list: Option<String>,
    out: Vec<Diagnostic>,
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
    fn contains(&self, item: &ItemRef) -> Option<bool> {
        let set = match item {
            ItemRef::Source(_) => &self.sources,
            ItemRef::Ministry(_) => &self.ministries,
            ItemRef::Stage(_) => &self.stages,
            ItemRef::Target(_) => &self.targets,
            ItemRef::Theme(_) => &self.themes,
            ItemRef::Gap(_) => &self.gaps,
            ItemRef::Kpi(_) => &self.kpis,
            ItemRef::Measure(m) => return Some(self.measures.contains_key(m.as_str())),
            ItemRef::Note(_) | ItemRef::Proposal(_) | ItemRef::Budget(_) | ItemRef::Event(_) => {
                return None;
            }
        };
        Some(set.contains(item.id_str()))
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
        if self.out.len() < MAX_DIAGNOSTICS {
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
        if !self.room(Severity::Error) {
            return;
        }
        let needles: Vec<&str> = at
            .anchor
            .iter()
            .copied()
            .chain(needles.iter().copied())
            .collect();
        let place = self.loc.place(at.origin, &at.key, &needles);
        self.out.push(with_snippet(
            Diagnostic::error(rule, place.file, place.pos, message),
            &place,
        ));
    }

    fn warning(&mut self, rule: &'static str, at: &At<'_>, needle: Option<&str>, message: String) {
        if !self.room(Severity::Warning) {
            return;
        }
        let needles: Vec<&str> = at.anchor.iter().copied().chain(needle).collect();
        let place = self.loc.place(at.origin, &at.key, &needles);
        self.out.push(with_snippet(
            Diagnostic::warning(rule, place.file, place.pos, message),
            &place,
        ));
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
        match source {
            Some(s) if !self.known.sources.contains(s.doc.as_str()) => {
                self.exists(at, false, "source", s.doc.as_str());
            }
            None if provenance == Provenance::Stated => {
                self.warning("no-source", at, None, "stated, but cites no source; add `source: (doc: …, locator: …)` or mark it Editorial".into());
            }
            Some(_) | None => {}
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
    fn refers(&mut self, at: &At<'_>, item: &ItemRef) {
        match item {
            ItemRef::Ministry(code) => self.ministry_known(at, code.as_str()),
            other => {
                let found = self
                    .known
                    .contains(other)
                    .unwrap_or_else(|| self.roadmap.contains(other));
                self.exists(at, found, &other.kind().noun_en(), other.id_str());
            }
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
