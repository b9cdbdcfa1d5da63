//! Link checks: both ends exist, ministries are known, a link joins the kinds it names, no
//! self-links, no duplicates.

use foldhash::{HashMap, HashSet};

use super::{At, Validator};
use crate::analysis::locate::Key;
use crate::model::{FileId, LinkKind, MeasureKind};

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
            match &l.link {
                LinkKind::AddressedBy { gap, measure } => {
                    self.exists(
                        &at,
                        self.known.gaps.contains(gap.as_str()),
                        "gap",
                        gap.as_str(),
                    );
                    self.exists(
                        &at,
                        self.known.measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                }
                LinkKind::Responsible {
                    measure, ministry, ..
                } => {
                    self.exists(
                        &at,
                        self.known.measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                    self.ministry_known(&at, ministry.as_str());
                }
                LinkKind::ContributesTo { measure, target } => {
                    self.exists(
                        &at,
                        self.known.measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                    self.exists(
                        &at,
                        self.known.targets.contains(target.as_str()),
                        "target state",
                        target.as_str(),
                    );
                }
                LinkKind::Blocks { gap, target } => {
                    self.exists(
                        &at,
                        self.known.gaps.contains(gap.as_str()),
                        "gap",
                        gap.as_str(),
                    );
                    self.exists(
                        &at,
                        self.known.targets.contains(target.as_str()),
                        "target state",
                        target.as_str(),
                    );
                }
                LinkKind::Continues {
                    earlier: a,
                    later: b,
                }
                | LinkKind::SameAs { gap: a, other: b } => {
                    self.exists(&at, self.known.gaps.contains(a.as_str()), "gap", a.as_str());
                    self.exists(&at, self.known.gaps.contains(b.as_str()), "gap", b.as_str());
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
                        self.known.measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                    self.exists(
                        &at,
                        self.known.kpis.contains(kpi.as_str()),
                        "KPI",
                        kpi.as_str(),
                    );
                }
                LinkKind::Through { measure, programme } => {
                    self.exists(
                        &at,
                        self.known.measures.contains_key(measure.as_str()),
                        "measure",
                        measure.as_str(),
                    );
                    match self.known.measures.get(programme.as_str()).copied() {
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
}
