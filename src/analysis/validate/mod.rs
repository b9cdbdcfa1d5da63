//! Validation: duplicate IDs, links to missing items, unknown ministries, impossible spans and dates,
//! empty required text, duplicate numbers. Each finding points at the offending reference.
//!
//! The checks are split by concern: identities and numbers ([`ids`]), the items' own fields and
//! references ([`items`]), and links ([`links`]).

mod ids;
mod items;
mod links;

use std::collections::HashSet;

use super::locate::{Key, Locator, Place};
use crate::diagnostic::Diagnostic;
use crate::model::time::check_year;
use crate::model::{FileId, FySpan, ParsedFile, Provenance, Roadmap, SourceRef, When};

/// Checks a parsed roadmap and returns every finding, errors first, then in file order.
pub fn validate(roadmap: &Roadmap, files: &[ParsedFile]) -> Vec<Diagnostic> {
    let mut v = Validator {
        roadmap,
        loc: Locator::new(files),
        sources: roadmap
            .items
            .sources
            .iter()
            .map(|s| s.id.as_str())
            .collect(),
        out: Vec::new(),
    };
    v.header();
    v.ids();
    v.items();
    v.links();
    let mut out = v.out;
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
    /// The IDs of the sources, which nearly every item cites.
    sources: HashSet<&'a str>,
    out: Vec<Diagnostic>,
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
    fn error(&mut self, rule: &'static str, at: &At<'_>, needle: Option<&str>, message: String) {
        let needles: Vec<&str> = needle.into_iter().collect();
        self.error_at(rule, at, &needles, message);
    }

    fn error_at(&mut self, rule: &'static str, at: &At<'_>, needles: &[&str], message: String) {
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

    fn ministry_known(&mut self, at: &At<'_>, known: &HashSet<&str>, code: &str) {
        if !known.contains(code) {
            let mut list: Vec<&str> = known.iter().copied().collect();
            list.sort_unstable();
            self.error(
                "unknown-ministry",
                at,
                Some(&format!("\"{code}\"")),
                format!(
                    "unknown ministry code `{code}`; known codes are {}; add it under `ministries`",
                    list.join(", ")
                ),
            );
        }
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
            Some(s) if !self.sources.contains(s.doc.as_str()) => {
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
    }

    fn date(&mut self, at: &At<'_>, when: &When) {
        if let Err(message) = when.check() {
            let needle = match when {
                When::Day(..) => "Day(",
                When::Month(..) => "Month(",
                When::Year(..) | When::FiscalYear(..) => "(",
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
