//! Which state each file of a roadmap is in: a stamp per file that changes whenever an edit
//! changes what the file would be saved with, so that work derived from one file (its canonical
//! text) can be kept until then and no longer.

use std::sync::atomic::{AtomicU64, Ordering};

use super::FileId;

/// The last stamp handed out, by any roadmap. Stamps are never reused, so two roadmaps share a
/// file's stamp only when one is a copy of the other and neither has changed that file since.
static LAST: AtomicU64 = AtomicU64::new(0);

fn fresh() -> u64 {
    LAST.fetch_add(1, Ordering::Relaxed) + 1
}

/// A stamp per file, in [`FileId`] order. Cloning keeps the stamps (a clone holds the same
/// content); two sets always compare equal: they describe the roadmap's history, not its value.
#[derive(Clone, Default)]
pub struct FileStamps {
    stamps: Vec<u64>,
}

impl FileStamps {
    /// Fresh stamps for `files` files.
    pub(crate) fn new(files: usize) -> Self {
        Self {
            stamps: (0..files).map(|_| fresh()).collect(),
        }
    }

    /// The stamp of `file`, if the roadmap had it when the stamps were made.
    pub(crate) fn get(&self, file: FileId) -> Option<u64> {
        self.stamps.get(usize::from(file.0)).copied()
    }

    /// Records that `file` changed.
    pub(crate) fn touch(&mut self, file: FileId) {
        if let Some(s) = self.stamps.get_mut(usize::from(file.0)) {
            *s = fresh();
        }
    }

    /// Records that any file may have changed.
    pub(crate) fn touch_all(&mut self) {
        for s in &mut self.stamps {
            *s = fresh();
        }
    }
}

impl PartialEq for FileStamps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for FileStamps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FileStamps")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touched_file_gets_a_stamp_no_copy_has() {
        let mut a = FileStamps::new(3);
        let b = a.clone();
        assert_eq!(a.get(FileId(1)), b.get(FileId(1)));
        a.touch(FileId(1));
        assert_ne!(a.get(FileId(1)), b.get(FileId(1)));
        assert_eq!(a.get(FileId(0)), b.get(FileId(0)));
        let mut c = b.clone();
        c.touch(FileId(1));
        assert_ne!(
            c.get(FileId(1)),
            a.get(FileId(1)),
            "stamps are never reused"
        );
        c.touch_all();
        assert!((0..3).all(|i| c.get(FileId(i)) != b.get(FileId(i))));
        assert_eq!(a.get(FileId(3)), None);
    }
}
