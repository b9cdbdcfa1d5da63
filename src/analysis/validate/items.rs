//! Checks of each item's own fields and the references it holds (themes, stages, actions, KPI
//! parents, programmes, sources, spans and dates).

use foldhash::{HashMap, HashSet};

use super::{At, Validator};
use crate::analysis::locate::Key;
use crate::model::time::check_year;
use crate::model::{Item, KindVisitor, Provenance, References};

impl Validator<'_> {
    pub(super) fn items(&mut self) {
        let r = self.roadmap;
        let it = &r.items;

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
            let year_ok = self.year(&at, "horizon_year:", t.horizon_year);
            let after_end = i64::from(t.horizon_year) > i64::from(h.end_fy) + 1;
            if year_ok && (t.horizon_year < h.start_fy || after_end) {
                self.warning(
                    "outside-horizon",
                    &at,
                    Some("horizon_year:"),
                    format!(
                        "horizon year {} lies outside the roadmap's horizon FY{}-FY{}",
                        t.horizon_year, h.start_fy, h.end_fy
                    ),
                );
            }
        }
        for n in &it.notes {
            let at = At::id(n.origin, n.id.as_str());
            self.required(&at, "text", &n.text);
            self.cite(&at, n.source.as_ref(), n.provenance);
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
            let mut seen = HashSet::default();
            for a in &p.actions {
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
        self.kpis();
        self.references();
        self.presentations();
        for b in &it.budgets {
            let at = At::id(b.origin, b.id.as_str());
            self.required(&at, "title", &b.title);
            self.cite(&at, b.source.as_ref(), b.provenance);
            self.year(&at, "fiscal_year:", b.fiscal_year);
            if let Some(end_fy) = b.end_fy {
                self.year(&at, "end_fy:", end_fy);
                if end_fy < b.fiscal_year {
                    self.error(
                        "span-order",
                        &at,
                        Some("end_fy:"),
                        format!(
                            "the amount's years end (FY{end_fy}) before they start (FY{})",
                            b.fiscal_year
                        ),
                    );
                }
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

    /// Checks that every reference every item holds (its declared [`References`]) points at an
    /// item that exists.
    fn references(&mut self) {
        let roadmap = self.roadmap;
        roadmap.items.visit(self);
        for s in &roadmap.items.scenarios {
            let at = At::id(s.origin, s.id.as_str());
            s.each_ref(&mut |_, kind, id| self.refers(&at, kind, id));
        }
        for p in &roadmap.items.presentations {
            let at = At::id(p.origin, p.id.as_str());
            p.each_ref(&mut |_, kind, id| self.refers(&at, kind, id));
        }
    }

    /// Presentations: a title, titled steps, and scenarios that exist.
    fn presentations(&mut self) {
        let it = &self.roadmap.items;
        for p in &it.presentations {
            let at = At::id(p.origin, p.id.as_str());
            self.required(&at, "title", &p.title);
            for step in &p.steps {
                let quoted = format!("\"{}\"", step.title);
                let at = At {
                    anchor: Some(&quoted),
                    ..At::id(p.origin, p.id.as_str())
                };
                if step.title.trim().is_empty() {
                    self.error(
                        "empty-text",
                        &at,
                        Some("title:"),
                        format!("a step of presentation `{}` has an empty `title`", p.id),
                    );
                }
                for basis in std::iter::once(&step.scenario).chain(step.compare_with.as_ref()) {
                    if let Some(id) = basis.scenario_id() {
                        let found = it.scenarios.iter().any(|s| &s.id == id);
                        self.exists(&at, found, "scenario", id.as_str());
                    }
                }
            }
        }
    }

    fn kpis(&mut self) {
        let it = &self.roadmap.items;
        let parents: HashMap<&str, &str> = it
            .kpis
            .iter()
            .filter_map(|k| k.parent.as_ref().map(|p| (k.id.as_str(), p.as_str())))
            .collect();
        let on_cycles = on_cycles(&parents);
        for k in &it.kpis {
            let at = At::id(k.origin, k.id.as_str());
            self.required(&at, "name", &k.name);
            self.cite(&at, k.source.as_ref(), k.provenance);
            if k.parent.is_some() {
                // A KPI may not be its own ancestor.
                if on_cycles.contains(k.id.as_str()) {
                    self.error(
                        "cycle",
                        &at,
                        Some("parent:"),
                        format!("KPI `{}` is its own ancestor through `parent`", k.id),
                    );
                }
            }
            if let Some(t) = &k.target {
                self.year(&at, "deadline_fy:", t.deadline_fy);
            }
            if let Some(l) = &k.latest {
                self.year(&at, "as_of_fy:", l.as_of_fy);
            }
            let mut years = HashSet::default();
            for a in &k.actuals {
                if check_year(a.fy).is_err() {
                    let year = format!("fy: {}", a.fy);
                    let at = At {
                        anchor: Some("actuals:"),
                        ..At::id(k.origin, k.id.as_str())
                    };
                    self.year(&at, &year, a.fy);
                }
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
}

/// The items that are their own ancestors, following `parents` (each item has at most one). Each
/// item is visited once, so a chain of any length costs time in proportion to it.
fn on_cycles<'a>(parents: &HashMap<&'a str, &'a str>) -> HashSet<&'a str> {
    // The walk (from 1) that first reached each item.
    let mut reached: HashMap<&str, usize> = HashMap::default();
    let mut out = HashSet::default();
    let mut path = Vec::new();
    for (walk, &start) in parents.keys().enumerate() {
        let walk = walk + 1;
        path.clear();
        let mut cur = start;
        loop {
            match reached.get(cur) {
                // Back on this walk's own path: the path from there on is a cycle.
                Some(&w) if w == walk => {
                    let from = path.iter().position(|&p| p == cur).unwrap_or(0);
                    out.extend(path[from..].iter().copied());
                    break;
                }
                // Reached by an earlier walk, whose cycles are already known.
                Some(_) => break,
                None => {}
            }
            reached.insert(cur, walk);
            path.push(cur);
            match parents.get(cur) {
                Some(&next) => cur = next,
                None => break,
            }
        }
    }
    out
}

impl KindVisitor for Validator<'_> {
    fn visit<T: Item>(&mut self, items: &[T]) {
        for x in items {
            let at = At {
                origin: x.origin(),
                key: Key::Field(T::KEY_FIELD, x.key()),
                anchor: None,
            };
            x.each_ref(&mut |_, kind, id| self.refers(&at, kind, id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycles(pairs: &[(&'static str, &'static str)]) -> Vec<&'static str> {
        let parents: HashMap<&str, &str> = pairs.iter().copied().collect();
        let mut got: Vec<&str> = on_cycles(&parents).into_iter().collect();
        got.sort_unstable();
        got
    }

    #[test]
    fn only_items_on_a_cycle_are_their_own_ancestors() {
        assert!(cycles(&[("a", "b"), ("b", "c")]).is_empty());
        assert_eq!(cycles(&[("a", "a")]), ["a"]);
        // `d` leads into the cycle b → c → b but is not on it.
        assert_eq!(
            cycles(&[("d", "b"), ("b", "c"), ("c", "b"), ("e", "f")]),
            ["b", "c"]
        );
        assert_eq!(
            cycles(&[("x", "y"), ("y", "z"), ("z", "x"), ("p", "p")]),
            ["p", "x", "y", "z"]
        );
    }

    #[test]
    fn a_long_chain_is_walked_once() {
        let names: Vec<String> = (0..200_000).map(|i| format!("k{i}")).collect();
        let mut parents: HashMap<&str, &str> = names
            .windows(2)
            .map(|w| (w[0].as_str(), w[1].as_str()))
            .collect();
        assert!(on_cycles(&parents).is_empty());
        parents.insert(names[names.len() - 1].as_str(), names[0].as_str());
        assert_eq!(on_cycles(&parents).len(), names.len());
    }
}
