//! The roadmap open in the app against another version of it: the files as saved, another
//! roadmap file, a git revision, or edits found in a recovery file. What differs item by item
//! and field by field ([`super::compare`]), and the measures whose bars moved, which the timeline
//! draws as ghosts.

use std::path::PathBuf;

use super::VersionError;
use super::compare::{ItemChange, compare};
use super::entries::of_roadmap;
use super::report::Names;
use crate::analysis::scenario::{Basis, Move, moves_between};
use crate::i18n::Lang;
use crate::model::{MeasureId, Roadmap};

/// Where the other version of a comparison comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OtherVersion {
    /// The roadmap's files as they are on disk now.
    Saved,
    /// Another roadmap, by its entry file.
    File(PathBuf),
    /// A revision of the git repository the roadmap is in.
    Revision {
        /// What git calls it (a commit's hash, `HEAD~1` …).
        rev: String,
        /// Its one-line description: short hash, date and subject.
        title: String,
    },
}

impl OtherVersion {
    /// How the comparison names the other version.
    pub fn name(&self, lang: Lang) -> String {
        match self {
            OtherVersion::Saved => lang.pick("保存された版", "the saved version").to_owned(),
            OtherVersion::File(path) => path.display().to_string(),
            OtherVersion::Revision { title, .. } => format!("git {title}"),
        }
    }
}

/// Two versions of a roadmap compared: the changes from the old to the new, and the moved
/// measures. Both versions are kept (cheaply: their items are shared), for labels.
#[derive(Clone, Debug)]
pub struct Versions {
    /// The old version (the other one, for a comparison in the app).
    pub old: Roadmap,
    /// Every item that differs, grouped by collection ([`compare`]).
    pub changes: Vec<ItemChange>,
    /// The measures of both versions whose span or status differs, under the scenario the
    /// comparison was made for.
    pub moves: Vec<Move>,
    /// The new version.
    pub new: Roadmap,
}

impl Versions {
    /// Compares `old` with `new`, the moves as `basis` sees both.
    pub fn between(old: &Roadmap, new: &Roadmap, basis: &Basis) -> Result<Self, VersionError> {
        Ok(Self {
            changes: compare(&of_roadmap(old)?, &of_roadmap(new)?),
            moves: moves_between(old, new, basis),
            old: old.clone(),
            new: new.clone(),
        })
    }

    /// The move of `measure`, when its span differs between the versions.
    pub fn move_of(&self, measure: &MeasureId) -> Option<&Move> {
        self.moves
            .iter()
            .find(|m| &m.measure == measure && m.span_moved())
    }

    /// What names the changes: labels from the new version first, then from the old one.
    pub fn names(&self, lang: Lang) -> Names<'_> {
        Names {
            roadmaps: vec![&self.new, &self.old],
            old_files: file_names(&self.old),
            new_files: file_names(&self.new),
            lang,
        }
    }
}

fn file_names(roadmap: &Roadmap) -> Vec<String> {
    roadmap.files.iter().map(|f| f.name.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::versions::compare::ChangeKind;

    #[test]
    fn an_edited_measure_is_a_field_change_and_a_move() {
        let old = crate::bundled::open().expect("bundled").roadmap;
        let mut new = old.clone();
        let id = MeasureId::new("m.t1.1").expect("id");
        let m = new
            .items
            .measures
            .iter_mut()
            .find(|m| m.id == id)
            .expect("measure");
        let span = m.span.as_mut().expect("span");
        span.end_fy += 2;
        let v = Versions::between(&old, &new, &Basis::Plan).expect("compares");
        assert_eq!(v.changes.len(), 1, "{:?}", v.changes);
        assert_eq!(v.changes[0].kind, ChangeKind::Changed);
        assert_eq!(v.changes[0].key, "m.t1.1");
        assert_eq!(v.changes[0].fields[0].path, "span");
        let moved = v.move_of(&id).expect("moved");
        assert_eq!(moved.end_delta_fy(), Some(2));
        assert!(
            Versions::between(&old, &old, &Basis::Plan)
                .expect("compares")
                .changes
                .is_empty()
        );
    }
}
