//! Link checks: both ends exist, ministries are known, a link joins the kinds it names, no
//! self-links, no duplicates.

use foldhash::{HashMap, HashSet};

use super::{At, Validator};
use crate::analysis::locate::Key;
use crate::model::{FileId, LinkBreach, LinkKind, MeasureKind};

impl Validator<'_> {
    pub(super) fn links(&mut self) {
        let it = &self.roadmap.items;
        let mut per_file: HashMap<FileId, usize> = HashMap::default();
        let mut seen: HashSet<&LinkKind> = HashSet::with_capacity_and_hasher(
            it.links.len(),
            foldhash::fast::RandomState::default(),
        );
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
            for end in l.link.ends() {
                self.refers(&at, end.kind(), end.id_str());
            }
            let measures = &self.known.measures;
            for breach in l.link.breaches(|m| {
                measures
                    .get(m.as_str())
                    .map(|k| **k == MeasureKind::Programme)
            }) {
                match breach {
                    LinkBreach::NotAProgramme(programme) => self.error(
                        "link-type",
                        &at,
                        Some(&format!("\"{programme}\"")),
                        format!("`{programme}` is not a programme; a Through link must end at a measure of kind Programme"),
                    ),
                    LinkBreach::SelfLink(item) => self.error(
                        "self-link",
                        &at,
                        None,
                        format!(
                            "{} `{}` is linked to itself",
                            item.kind().noun(),
                            item.id_str()
                        ),
                    ),
                }
            }
        }
    }
}
