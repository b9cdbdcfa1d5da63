//! Identity checks: unique IDs and ministry codes, unique proposal, theme and gap numbers.

use foldhash::{HashMap, HashMapExt};

use super::{At, Validator};
use crate::analysis::locate::Key;
use crate::model::{FileId, Item, ItemKind, KindVisitor};

/// Checks the IDs of every kind of item for repeats.
struct Unique<'v, 'a>(&'v mut Validator<'a>);

impl KindVisitor for Unique<'_, '_> {
    fn visit<T: Item>(&mut self, items: &[T]) {
        let what = if T::KIND == ItemKind::Ministry {
            "ministry code"
        } else {
            T::KIND.noun()
        };
        self.0.unique(
            what,
            items.iter().map(|x| (x.origin(), T::KEY_FIELD, x.key())),
        );
    }
}

impl Validator<'_> {
    pub(super) fn ids(&mut self) {
        let roadmap = self.roadmap;
        let it = &roadmap.items;
        it.visit(&mut Unique(self));
        self.unique(
            "scenario",
            it.scenarios.iter().map(|x| (x.origin, "id", x.id.as_str())),
        );
        self.unique(
            "presentation",
            it.presentations
                .iter()
                .map(|x| (x.origin, "id", x.id.as_str())),
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
        keys: impl ExactSizeIterator<Item = (FileId, &'static str, &'i str)>,
    ) {
        let mut seen: HashMap<&str, FileId> =
            HashMap::with_capacity_and_hasher(keys.len(), foldhash::fast::RandomState::default());
        // For keys seen more than once only: how many times in each file so far.
        let mut repeats: HashMap<(FileId, &str), usize> = HashMap::default();
        for (origin, field, key) in keys {
            let Some(first) = seen.get(key).copied() else {
                seen.insert(key, origin);
                continue;
            };
            let n = repeats
                .entry((origin, key))
                .or_insert(usize::from(first == origin));
            *n += 1;
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
            let n = *n;
            self.error_nth("duplicate-id", &at, n, message);
        }
    }

    /// Reports at the n-th (from 1) occurrence of the key in its file.
    fn error_nth(&mut self, rule: &'static str, at: &At<'_>, n: usize, message: String) {
        self.found_at(
            crate::diagnostic::Severity::Error,
            rule,
            at,
            &[],
            n,
            message,
        );
    }
}
