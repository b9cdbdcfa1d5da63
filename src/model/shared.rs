//! A collection of items that a snapshot shares instead of copying.
//!
//! Saving, the recovery file and validation read the roadmap on other threads while the planner
//! goes on editing. They take a snapshot — a clone of the roadmap — which must cost nothing on
//! the UI thread even at 400,000 items. Each collection is therefore held behind an [`Arc`]:
//! cloning a roadmap clones fourteen pointers, and the first change to a collection while a
//! snapshot still holds it copies that one collection (copy on write, [`Arc::make_mut`]).
//! Reading and writing go through `Deref`/`DerefMut` to the `Vec`, so code that reads or
//! changes the items is written as for a plain `Vec`.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A `Vec<T>` shared between clones until one of them changes it.
pub struct Shared<T>(Arc<Vec<T>>);

impl<T> Shared<T> {
    /// Whether `self` and `other` are the same list, not copies: what a snapshot shares.
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: Clone> Shared<T> {
    /// Makes the list this clone's own, copying it if another clone shares it: what a worker
    /// that reads a snapshot for long does first, so that the side still editing can change
    /// the list in place instead of copying it then.
    pub fn detach(&mut self) {
        Arc::make_mut(&mut self.0);
    }

    /// As [`Self::detach`], but giving up as soon as `stop` is set: the copy is made a slice of
    /// [`DETACH_CHUNK`] items at a time, looking at `stop` before each. Returns whether the list
    /// is this clone's own.
    pub fn detach_unless(&mut self, stop: &AtomicBool) -> bool {
        if Arc::get_mut(&mut self.0).is_some() {
            return true;
        }
        let mut copy = Vec::with_capacity(self.0.len());
        for chunk in self.0.chunks(DETACH_CHUNK) {
            if stop.load(Ordering::Acquire) {
                return false;
            }
            copy.extend_from_slice(chunk);
        }
        self.0 = Arc::new(copy);
        true
    }
}

/// How many items [`Shared::detach_unless`] copies between two looks at whether to stop: well
/// under a millisecond's copying even for the largest items.
pub const DETACH_CHUNK: usize = 512;

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> Default for Shared<T> {
    fn default() -> Self {
        Self(Arc::new(Vec::new()))
    }
}

impl<T> Deref for Shared<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || self.0 == other.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(items: Vec<T>) -> Self {
        Self(Arc::new(items))
    }
}

impl<T> FromIterator<T> for Shared<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self(Arc::new(iter.into_iter().collect()))
    }
}

impl<'a, T> IntoIterator for &'a Shared<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Shared<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        Arc::make_mut(&mut self.0).iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_shares_until_one_side_changes() {
        let mut a: Shared<String> = vec!["x".to_owned(), "y".to_owned()].into();
        let snapshot = a.clone();
        assert!(a.ptr_eq(&snapshot));
        a[0].push('!');
        assert!(!a.ptr_eq(&snapshot));
        assert_eq!(snapshot[0], "x", "the snapshot keeps what it saw");
        assert_eq!(a[0], "x!");
        // Unshared, a change copies nothing.
        let before = a.as_ptr();
        a.push("z".to_owned());
        a[1].push('?');
        assert_eq!(a.len(), 3);
        assert!(a.capacity() >= 3 && (a.as_ptr() == before || a.len() > 2));
    }

    #[test]
    fn a_detached_snapshot_leaves_the_other_side_changing_in_place() {
        let mut a: Shared<String> = vec!["x".to_owned(), "y".to_owned()].into();
        let mut snapshot = a.clone();
        snapshot.detach();
        assert!(!a.ptr_eq(&snapshot));
        let before = a.as_ptr();
        a[0].push('!');
        assert_eq!(a.as_ptr(), before, "no copy once the snapshot is its own");
        assert_eq!(snapshot[0], "x", "the snapshot keeps what it saw");
    }

    #[test]
    fn a_detach_told_to_stop_lets_go_and_one_left_alone_copies_everything() {
        let a: Shared<String> = (0..3 * DETACH_CHUNK).map(|i| i.to_string()).collect();
        let stop = AtomicBool::new(true);
        let mut stopped = a.clone();
        assert!(!stopped.detach_unless(&stop), "gives up");
        assert!(stopped.ptr_eq(&a), "still shared, nothing copied");
        stop.store(false, Ordering::Release);
        let mut snapshot = a.clone();
        assert!(snapshot.detach_unless(&stop));
        assert!(!snapshot.ptr_eq(&a));
        assert_eq!(snapshot, a, "a whole copy, in order");
        let mut own: Shared<String> = vec!["x".to_owned()].into();
        let before = own.as_ptr();
        stop.store(true, Ordering::Release);
        assert!(own.detach_unless(&stop), "its own already: nothing to stop");
        assert_eq!(own.as_ptr(), before);
    }
}
