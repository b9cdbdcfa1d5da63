//! The canonical text of each file, kept until an edit changes the file.
//!
//! Saving, the recovery file and the live diagnostics all need the text each file would be
//! saved with; serializing every file takes seconds for a large roadmap, while an edit changes
//! one or two. Each text is kept with the file's stamp ([`Roadmap::file_stamp`]) at the time
//! it was written, and used again only while the stamp is the same — that is, until
//! [`crate::edit::apply`] changes the file. The store is shared by a document and its
//! snapshots, so a text a worker writes for a snapshot serves the document too, as long as the
//! document has not changed that file since.

use std::sync::{Arc, Mutex, PoisonError};

use crate::model::{FileId, Roadmap, canonical_text_of};

/// A kept text: the file's stamp when it was written, and the text.
type Kept = Option<(u64, Arc<String>)>;

/// The canonical texts of a roadmap's files, kept by stamp (see the module docs).
#[derive(Clone, Default)]
pub struct CanonicalTexts {
    kept: Arc<Mutex<Vec<Kept>>>,
}

impl std::fmt::Debug for CanonicalTexts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CanonicalTexts")
    }
}

impl CanonicalTexts {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Kept>> {
        // A panic while holding the lock leaves at worst a missing text, which is written again.
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The canonical text of every file of `roadmap`, in file order: those kept for the files'
    /// current stamps, the others serialized (in parallel) and kept.
    pub fn all(&self, roadmap: &Roadmap) -> Vec<Arc<String>> {
        let every: Vec<FileId> = (0..roadmap.files.len()).map(file_id).collect();
        self.of(roadmap, &every)
    }

    /// The canonical texts of the files `wanted` of `roadmap`, in the order asked.
    pub fn of(&self, roadmap: &Roadmap, wanted: &[FileId]) -> Vec<Arc<String>> {
        let stamps: Vec<Option<u64>> = wanted.iter().map(|&f| roadmap.file_stamp(f)).collect();
        let mut texts: Vec<Option<Arc<String>>> = {
            let kept = self.lock();
            wanted
                .iter()
                .zip(&stamps)
                .map(|(f, stamp)| match (kept.get(usize::from(f.0)), stamp) {
                    (Some(Some((at, text))), Some(now)) if at == now => Some(Arc::clone(text)),
                    _ => None,
                })
                .collect()
        };
        let missing: Vec<usize> = (0..wanted.len()).filter(|&i| texts[i].is_none()).collect();
        if missing.is_empty() {
            return texts.into_iter().flatten().collect();
        }
        let files: Vec<FileId> = missing.iter().map(|&i| wanted[i]).collect();
        let written = canonical_text_of(roadmap, &files);
        let mut kept = self.lock();
        for (i, text) in missing.into_iter().zip(written) {
            let text = Arc::new(text);
            if let Some(stamp) = stamps[i] {
                let slot = usize::from(wanted[i].0);
                if kept.len() <= slot {
                    kept.resize(slot + 1, None);
                }
                kept[slot] = Some((stamp, Arc::clone(&text)));
            }
            texts[i] = Some(text);
        }
        texts.into_iter().flatten().collect()
    }

    /// How many files' texts are kept for `roadmap` as it is now.
    pub fn kept_for(&self, roadmap: &Roadmap) -> usize {
        let kept = self.lock();
        (0..roadmap.files.len())
            .filter(|&i| {
                let stamp = roadmap.file_stamp(file_id(i));
                matches!((kept.get(i), stamp), (Some(Some((at, _))), Some(now)) if *at == now)
            })
            .count()
    }
}

fn file_id(i: usize) -> FileId {
    // A roadmap has at most `MAX_INCLUDES` + 1 files, far below `u16::MAX`.
    FileId(u16::try_from(i).unwrap_or(u16::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit;
    use crate::model::canonical_text;

    fn texts(t: &[Arc<String>]) -> Vec<String> {
        t.iter().map(|s| s.as_str().to_owned()).collect()
    }

    #[test]
    fn an_edit_writes_again_only_the_file_it_changes() {
        let mut roadmap = crate::bundled::open().expect("bundled").roadmap;
        let cache = CanonicalTexts::default();
        assert_eq!(texts(&cache.all(&roadmap)), canonical_text(&roadmap));
        let files = roadmap.files.len();
        assert_eq!(cache.kept_for(&roadmap), files);

        let m = roadmap.items.measures[0].clone();
        let e = edit::edit_measure(&roadmap, &m.id, |x| x.text.push_str("（改）")).expect("edit");
        let inverse = edit::apply(&mut roadmap, e).expect("applies");
        assert_eq!(
            cache.kept_for(&roadmap),
            files - 1,
            "only the measure's file is stale"
        );
        assert_eq!(texts(&cache.all(&roadmap)), canonical_text(&roadmap));

        let snapshot = roadmap.clone();
        edit::apply(&mut roadmap, inverse).expect("undoes");
        assert_eq!(texts(&cache.all(&roadmap)), canonical_text(&roadmap));
        assert_eq!(
            texts(&cache.all(&snapshot)),
            canonical_text(&snapshot),
            "a copy taken before the undo keeps its own text"
        );
    }

    #[test]
    fn changing_items_by_hand_and_reindexing_forgets_every_text() {
        let mut roadmap = crate::bundled::open().expect("bundled").roadmap;
        let cache = CanonicalTexts::default();
        cache.all(&roadmap);
        roadmap.items.measures[0].text.push('!');
        roadmap.reindex();
        assert_eq!(cache.kept_for(&roadmap), 0);
        assert_eq!(texts(&cache.all(&roadmap)), canonical_text(&roadmap));
    }
}
