//! Where generated items go: which file of the generated roadmap holds each replica's items, and
//! the numbers that must stay unique across replicas.

use std::collections::HashMap;

use super::{ENTRY_FILE, REPLICAS_PER_FILE};
use crate::model::{FileId, FileInfo, Items, Roadmap};

/// Where each base file's items go in the generated roadmap: the entry file stays the entry file,
/// the ministries' file appears once, every other file once per group of replicas.
pub(super) struct Layout {
    pub(super) files: Vec<FileInfo>,
    /// Replicas per group.
    pub(super) per_file: u32,
    /// `slots[group][base file]`: the generated file.
    pub(super) slots: Vec<Vec<FileId>>,
}

impl Layout {
    pub(super) fn new(base: &Roadmap, scale: u32) -> Self {
        let per_file = REPLICAS_PER_FILE.max(scale.div_ceil(100));
        let groups = scale.div_ceil(per_file);
        let mut files = vec![FileInfo {
            name: ENTRY_FILE.to_owned(),
        }];
        let shared: Vec<bool> = (0..base.files.len())
            .map(|k| {
                // A file of ministries only is shared by every replica.
                let id = file_id(k);
                let ministries = base
                    .items
                    .ministries
                    .iter()
                    .filter(|m| m.origin == id)
                    .count();
                k == 0 || (ministries > 0 && count_in(&base.items, id) == ministries)
            })
            .collect();
        let mut shared_slot = HashMap::new();
        let mut slots = Vec::new();
        for g in 0..groups {
            let mut row = Vec::new();
            for (k, info) in base.files.iter().enumerate() {
                let stem = info
                    .name
                    .rsplit('/')
                    .next()
                    .unwrap_or(&info.name)
                    .trim_end_matches(".ron")
                    .to_owned();
                let slot = if k == 0 {
                    FileId(0)
                } else if shared[k] {
                    *shared_slot.entry(k).or_insert_with(|| {
                        files.push(FileInfo {
                            name: format!("{stem}.ron"),
                        });
                        file_id(files.len() - 1)
                    })
                } else {
                    files.push(FileInfo {
                        name: format!("{stem}-{g:03}.ron"),
                    });
                    file_id(files.len() - 1)
                };
                row.push(slot);
            }
            slots.push(row);
        }
        Self {
            files,
            per_file,
            slots,
        }
    }

    pub(super) fn slot(&self, r: u32, origin: FileId) -> FileId {
        self.slots[(r / self.per_file) as usize]
            .get(usize::from(origin.0))
            .copied()
            .unwrap_or(FileId(0))
    }
}

pub(super) fn file_id(i: usize) -> FileId {
    FileId(u16::try_from(i).unwrap_or(u16::MAX))
}

/// How many items of every kind (links included) file `origin` holds.
pub(super) fn count_in(it: &Items, origin: FileId) -> usize {
    [
        it.sources.iter().filter(|x| x.origin == origin).count(),
        it.ministries.iter().filter(|x| x.origin == origin).count(),
        it.stages.iter().filter(|x| x.origin == origin).count(),
        it.target_states
            .iter()
            .filter(|x| x.origin == origin)
            .count(),
        it.notes.iter().filter(|x| x.origin == origin).count(),
        it.themes.iter().filter(|x| x.origin == origin).count(),
        it.gaps.iter().filter(|x| x.origin == origin).count(),
        it.measures.iter().filter(|x| x.origin == origin).count(),
        it.proposals.iter().filter(|x| x.origin == origin).count(),
        it.kpis.iter().filter(|x| x.origin == origin).count(),
        it.budgets.iter().filter(|x| x.origin == origin).count(),
        it.events.iter().filter(|x| x.origin == origin).count(),
        it.scenarios.iter().filter(|x| x.origin == origin).count(),
        it.links.iter().filter(|x| x.origin == origin).count(),
    ]
    .iter()
    .sum()
}

/// Numbers that must stay unique across replicas are offset by `r × stride`.
pub(super) struct Strides {
    pub(super) theme: u32,
    pub(super) themeless_gap: u32,
    pub(super) proposal: u32,
}

impl Strides {
    pub(super) fn of(base: &Items) -> Self {
        Self {
            theme: base.themes.iter().map(|t| t.number).max().unwrap_or(0),
            themeless_gap: base
                .gaps
                .iter()
                .filter(|g| g.theme.is_none())
                .map(|g| g.number)
                .max()
                .unwrap_or(0),
            proposal: base.proposals.iter().map(|p| p.number).max().unwrap_or(0),
        }
    }
}
