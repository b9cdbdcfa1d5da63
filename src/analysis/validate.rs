//! Validation: duplicate IDs, links to missing items, unknown ministries, impossible spans and dates,
//! empty required text, duplicate numbers. Each finding points at the offending reference.

use std::collections::{HashMap, HashSet};

use super::locate::{Key, Locator};
use crate::diagnostic::Diagnostic;
use crate::model::{
    FileId, FySpan, LinkKind, MeasureKind, ParsedFile, Provenance, Roadmap, SourceRef, When,
};

/// Checks a parsed roadmap and returns every finding, errors first, then in file order.
pub fn validate(roadmap: &Roadmap, files: &[ParsedFile]) -> Vec<Diagnostic> {
    let mut v = Validator {
        roadmap,
        loc: Locator::new(files),
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

struct Validator<'a> {
    roadmap: &'a Roadmap,
    loc: Locator<'a>,
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
        self.out.push(
            Diagnostic::error(rule, place.file, place.pos, message).with_snippet_from(place.text),
        );
    }

    fn warning(&mut self, rule: &'static str, at: &At<'_>, needle: Option<&str>, message: String) {
        let needles: Vec<&str> = at.anchor.iter().copied().chain(needle).collect();
        let place = self.loc.place(at.origin, &at.key, &needles);
        self.out.push(
            Diagnostic::warning(rule, place.file, place.pos, message).with_snippet_from(place.text),
        );
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
        if h.end_fy < h.start_fy {
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

    fn ids(&mut self) {
        let it = &self.roadmap.items;
        self.unique(
            "source",
            it.sources.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "ministry code",
            it.ministries
                .iter()
                .map(|x| (x.origin, "code", x.code.as_str())),
        );
        self.unique(
            "stage",
            it.stages.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "target state",
            it.target_states
                .iter()
                .map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "note",
            it.notes.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "theme",
            it.themes.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "gap",
            it.gaps.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "measure",
            it.measures.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "proposal",
            it.proposals.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "KPI",
            it.kpis.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "budget",
            it.budgets.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "event",
            it.events.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "scenario",
            it.scenarios.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );

        let mut numbers: HashMap<u32, &str> = HashMap::new();
        for p in &it.proposals {
            if let Some(first) = numbers.insert(p.number, p.id.as_str()) {
                self.error(
                    "duplicate-number",
                    &At::id(p.origin, p.id.as_str()),
                    Some("number:"),
                    format!("proposal number {} is already used by `{first}`; proposal numbers must be unique", p.number),
                );
            }
        }
        let mut themes: HashMap<u32, &str> = HashMap::new();
        for t in &it.themes {
            if let Some(first) = themes.insert(t.number, t.id.as_str()) {
                self.error(
                    "duplicate-number",
                    &At::id(t.origin, t.id.as_str()),
                    Some("number:"),
                    format!("theme number {} is already used by `{first}`; theme numbers must be unique", t.number),
                );
            }
        }
        let mut gap_numbers: HashMap<(Option<&str>, u32), &str> = HashMap::new();
        for g in &it.gaps {
            let scope = g.theme.as_ref().map(crate::model::ThemeId::as_str);
            if let Some(first) = gap_numbers.insert((scope, g.number), g.id.as_str()) {
                let within = scope.map_or_else(
                    || "among gaps without a theme".to_owned(),
                    |t| format!("in theme `{t}`"),
                );
                self.error(
                    "duplicate-number",
                    &At::id(g.origin, g.id.as_str()),
                    Some("number:"),
                    format!(
                        "gap number {} {within} is already used by `{first}`",
                        g.number
                    ),
                );
            }
        }
    }

    fn unique<'i>(
        &mut self,
        what: &str,
        keys: impl Iterator<Item = (FileId, &'static str, &'i str)>,
    ) {
        let mut seen: HashMap<&str, FileId> = HashMap::new();
        let mut count: HashMap<(FileId, &str), usize> = HashMap::new();
        for (origin, field, key) in keys {
            let n = count.entry((origin, key)).or_insert(0);
            *n += 1;
            if let Some(first) = seen.get(key).copied() {
                let first_file = &self.roadmap.files[usize::from(first.0)].name;
                let at = At {
                    origin,
                    key: Key::Field(field, key),
                    anchor: None,
                };
                // The first occurrence in the same file is the original; point at a later one.
                let place_note = if first == origin {
                    "earlier in this file"
                } else {
                    first_file.as_str()
                };
                let message = format!(
                    "duplicate {what} `{key}`: it is already defined ({place_note}); IDs must be unique"
                );
                self.error_nth("duplicate-id", &at, *n, message);
            } else {
                seen.insert(key, origin);
            }
        }
    }

    /// Reports at the n-th (from 1) occurrence of the key in its file.
    fn error_nth(&mut self, rule: &'static str, at: &At<'_>, n: usize, message: String) {
        let Key::Field(field, value) = at.key else {
            self.error(rule, at, None, message);
            return;
        };
        let place = self.loc.place(at.origin, &at.key, &[]);
        let quoted = format!("\"{value}\"");
        let mut pos = place.pos;
        let mut seen = 0;
        for (i, line) in place.text.lines().enumerate() {
            if let Some(c) = line.find(field)
                && line[c + field.len()..]
                    .trim_start()
                    .strip_prefix(':')
                    .is_some_and(|r| r.trim_start().starts_with(&quoted))
            {
                seen += 1;
                if seen == n {
                    pos = crate::diagnostic::Pos {
                        line: i + 1,
                        col: line[..c].chars().count() + 1,
                    };
                    break;
                }
            }
        }
        self.out
            .push(Diagnostic::error(rule, place.file, pos, message).with_snippet_from(place.text));
    }

    fn items(&mut self) {
        let r = self.roadmap;
        let it = &r.items;
        let stages: HashSet<&str> = it.stages.iter().map(|s| s.id.as_str()).collect();
        let themes: HashSet<&str> = it.themes.iter().map(|s| s.id.as_str()).collect();
        let gaps: HashSet<&str> = it.gaps.iter().map(|s| s.id.as_str()).collect();
        let measures: HashMap<&str, &MeasureKind> = it
            .measures
            .iter()
            .map(|m| (m.id.as_str(), &m.kind))
            .collect();
        let kpis: HashSet<&str> = it.kpis.iter().map(|s| s.id.as_str()).collect();
        let ministries: HashSet<&str> = it.ministries.iter().map(|m| m.code.as_str()).collect();

        for s in &it.sources {
            let at = At::id(s.origin, s.id.as_str());
            self.required(&at, "title", &s.title);
            if let Some(d) = &s.date {
                self.date(&at, d);
            }
        }
        for m in &it.ministries {
            let at = At {
                origin: m.origin,
                key: Key::Field("code", m.code.as_str()),
                anchor: None,
            };
            self.required(&at, "name", &m.name);
            self.required(&at, "name_en", &m.name_en);
            self.cite(&at, m.source.as_ref(), m.provenance);
        }
        for s in &it.stages {
            let at = At::id(s.origin, s.id.as_str());
            self.required(&at, "name", &s.name);
            self.cite(&at, s.source.as_ref(), Provenance::Stated);
        }
        for t in &it.target_states {
            let at = At::id(t.origin, t.id.as_str());
            self.required(&at, "text", &t.text);
            self.cite(&at, t.source.as_ref(), t.provenance);
            let h = &r.header;
            if t.horizon_year < h.start_fy || t.horizon_year > h.end_fy + 1 {
                self.warning(
                    "outside-horizon",
                    &at,
                    Some("horizon_year:"),
                    format!(
                        "horizon year {} lies outside the roadmap's horizon FY{}–FY{}",
                        t.horizon_year, h.start_fy, h.end_fy
                    ),
                );
            }
        }
        for n in &it.notes {
            let at = At::id(n.origin, n.id.as_str());
            self.required(&at, "text", &n.text);
            self.cite(&at, n.source.as_ref(), Provenance::Stated);
        }
        for t in &it.themes {
            let at = At::id(t.origin, t.id.as_str());
            self.required(&at, "title", &t.title);
            self.required(&at, "issue", &t.issue);
            self.cite(&at, t.source.as_ref(), Provenance::Stated);
        }
        for g in &it.gaps {
            let at = At::id(g.origin, g.id.as_str());
            self.required(&at, "text", &g.text);
            self.cite(&at, g.source.as_ref(), g.provenance);
            if let Some(t) = &g.theme {
                self.exists(&at, themes.contains(t.as_str()), "theme", t.as_str());
            }
            for s in &g.stages {
                self.exists(&at, stages.contains(s.as_str()), "stage", s.as_str());
            }
        }
        for m in &it.measures {
            let at = At::id(m.origin, m.id.as_str());
            self.required(&at, "text", &m.text);
            self.cite(&at, m.source.as_ref(), m.provenance);
            if let Some(span) = &m.span {
                self.span(&at, span);
            }
        }
        for p in &it.proposals {
            let at = At::id(p.origin, p.id.as_str());
            self.required(&at, "statement", &p.statement);
            self.cite(&at, p.source.as_ref(), Provenance::Stated);
            self.exists(&at, gaps.contains(p.gap.as_str()), "gap", p.gap.as_str());
            let mut seen = HashSet::new();
            for a in &p.actions {
                self.exists(
                    &at,
                    measures.contains_key(a.as_str()),
                    "measure",
                    a.as_str(),
                );
                if !seen.insert(a.as_str()) {
                    self.error(
                        "duplicate-reference",
                        &at,
                        Some(&format!("\"{a}\"")),
                        format!("action `{a}` is listed twice"),
                    );
                }
            }
            for (i, ex) in p.overseas.iter().enumerate() {
                if ex.text.trim().is_empty() {
                    self.error(
                        "empty-text",
                        &at,
                        Some("overseas:"),
                        format!("overseas example {} has empty `text`", i + 1),
                    );
                }
            }
        }
        self.kpis(&kpis);
        for b in &it.budgets {
            let at = At::id(b.origin, b.id.as_str());
            self.required(&at, "title", &b.title);
            self.cite(&at, b.source.as_ref(), b.provenance);
            if let Some(p) = &b.programme {
                self.exists(
                    &at,
                    measures.contains_key(p.as_str()),
                    "measure",
                    p.as_str(),
                );
            }
            if let Some(code) = &b.ministry {
                self.ministry_known(&at, &ministries, code.as_str());
            }
            if !b.amount_oku_yen.is_finite() || b.amount_oku_yen < 0.0 {
                self.error(
                    "bad-number",
                    &at,
                    Some("amount_oku_yen:"),
                    format!(
                        "amount {} is not a non-negative number of 億円",
                        b.amount_oku_yen
                    ),
                );
            }
        }
        for e in &it.events {
            let at = At::id(e.origin, e.id.as_str());
            self.required(&at, "title", &e.title);
            self.cite(&at, e.source.as_ref(), e.provenance);
            self.date(&at, &e.when);
        }
        for s in &it.scenarios {
            let at = At::id(s.origin, s.id.as_str());
            self.required(&at, "name", &s.name);
            for o in &s.overrides {
                self.exists(
                    &at,
                    measures.contains_key(o.measure.as_str()),
                    "measure",
                    o.measure.as_str(),
                );
                if let Some(span) = &o.span {
                    let quoted = format!("\"{}\"", o.measure);
                    let at = At {
                        anchor: Some(&quoted),
                        ..At::id(s.origin, s.id.as_str())
                    };
                    self.span(&at, span);
                }
            }
        }
    }

    fn kpis(&mut self, kpis: &HashSet<&str>) {
        let it = &self.roadmap.items;
        let parents: HashMap<&str, &str> = it
            .kpis
            .iter()
            .filter_map(|k| k.parent.as_ref().map(|p| (k.id.as_str(), p.as_str())))
            .collect();
        for k in &it.kpis {
            let at = At::id(k.origin, k.id.as_str());
            self.required(&at, "name", &k.name);
            self.cite(&at, k.source.as_ref(), Provenance::Stated);
            if let Some(p) = &k.parent {
                self.exists(&at, kpis.contains(p.as_str()), "KPI", p.as_str());
                // Walk up: a KPI may not be its own ancestor.
                let mut cur = p.as_str();
                for _ in 0..=parents.len() {
                    if cur == k.id.as_str() {
                        self.error(
                            "cycle",
                            &at,
                            Some("parent:"),
                            format!("KPI `{}` is its own ancestor through `parent`", k.id),
                        );
                        break;
                    }
                    match parents.get(cur) {
                        Some(next) => cur = next,
                        None => break,
                    }
                }
            }
            let mut years = HashSet::new();
            for a in &k.actuals {
                if !years.insert(a.fy) {
                    // Point at the second `fy:` of that year within `actuals`.
                    let year = format!("fy: {}", a.fy);
                    let at = At {
                        anchor: Some("actuals:"),
                        ..At::id(k.origin, k.id.as_str())
                    };
                    self.error_at(
                        "duplicate-year",
                        &at,
                        &[&year, &year],
                        format!("FY{} has more than one actual value", a.fy),
                    );
                }
            }
            for v in k
                .actuals
                .iter()
                .map(|a| a.value)
                .chain(k.target.iter().map(|t| t.value))
                .chain(k.latest.iter().map(|l| l.value))
            {
                if !v.is_finite() {
                    self.error(
                        "bad-number",
                        &at,
                        None,
                        format!("KPI value {v} is not a finite number"),
                    );
                }
            }
        }
    }

    fn links(&mut self) {
        let it = &self.roadmap.items;
        let gaps: HashSet<&str> = it.gaps.iter().map(|s| s.id.as_str()).collect();
        let measures: HashMap<&str, &MeasureKind> = it
            .measures
            .iter()
            .map(|m| (m.id.as_str(), &m.kind))
            .collect();
        let targets: HashSet<&str> = it.target_states.iter().map(|s| s.id.as_str()).collect();
        let kpis: HashSet<&str> = it.kpis.iter().map(|s| s.id.as_str()).collect();
        let ministries: HashSet<&str> = it.ministries.iter().map(|m| m.code.as_str()).collect();
        let mut per_file: HashMap<FileId, usize> = HashMap::new();
        let mut seen: HashSet<&LinkKind> = HashSet::new();
        for l in &it.links {
            let n = per_file.entry(l.origin).or_insert(0);
            let at = At {
                origin: l.origin,
                key: Key::Link(*n),
                anchor: None,
            };
            *n += 1;
            self.cite(&at, l.source.as_ref(), l.provenance);
            if !seen.insert(&l.link) {
                self.warning(
                    "duplicate-link",
                    &at,
                    None,
                    format!("this {} link is given more than once", l.link.name()),
                );
            }
            match &l.link {
                LinkKind::AddressedBy { gap, measure } => {
                    self.exists(&at, gaps.contains(gap.as_str()), "gap", gap.as_str());
                    self.exists(
                        &at,
                        measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                }
                LinkKind::Responsible {
                    measure, ministry, ..
                } => {
                    self.exists(
                        &at,
                        measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                    self.ministry_known(&at, &ministries, ministry.as_str());
                }
                LinkKind::ContributesTo { measure, target } => {
                    self.exists(
                        &at,
                        measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                    self.exists(
                        &at,
                        targets.contains(target.as_str()),
                        "target state",
                        target.as_str(),
                    );
                }
                LinkKind::Blocks { gap, target } => {
                    self.exists(&at, gaps.contains(gap.as_str()), "gap", gap.as_str());
                    self.exists(
                        &at,
                        targets.contains(target.as_str()),
                        "target state",
                        target.as_str(),
                    );
                }
                LinkKind::Continues {
                    earlier: a,
                    later: b,
                }
                | LinkKind::SameAs { gap: a, other: b } => {
                    self.exists(&at, gaps.contains(a.as_str()), "gap", a.as_str());
                    self.exists(&at, gaps.contains(b.as_str()), "gap", b.as_str());
                    if a == b {
                        self.error(
                            "self-link",
                            &at,
                            None,
                            format!("gap `{a}` is linked to itself"),
                        );
                    }
                }
                LinkKind::MeasuredBy { measure, kpi } => {
                    self.exists(
                        &at,
                        measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                    self.exists(&at, kpis.contains(kpi.as_str()), "KPI", kpi.as_str());
                }
                LinkKind::Through { measure, programme } => {
                    self.exists(
                        &at,
                        measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                    match measures.get(programme.as_str()) {
                        None => self.exists(&at, false, "measure", programme.as_str()),
                        Some(MeasureKind::Programme) => {}
                        Some(_) => self.error(
                            "link-type",
                            &at,
                            Some(&format!("\"{programme}\"")),
                            format!("`{programme}` is not a programme; a Through link must end at a measure of kind Programme"),
                        ),
                    }
                    if measure == programme {
                        self.error(
                            "self-link",
                            &at,
                            None,
                            format!("measure `{measure}` is linked to itself"),
                        );
                    }
                }
            }
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
            Some(s) if self.roadmap.source(&s.doc).is_none() => {
                self.exists(at, false, "source", s.doc.as_str());
            }
            None if provenance == Provenance::Stated => {
                self.warning("no-source", at, None, "stated, but cites no source; add `source: (doc: …, locator: …)` or mark it Editorial".into());
            }
            Some(_) | None => {}
        }
    }

    fn span(&mut self, at: &At<'_>, span: &FySpan) {
        let h = &self.roadmap.header;
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
                    "span {span} lies outside the roadmap's horizon FY{}–FY{}",
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
