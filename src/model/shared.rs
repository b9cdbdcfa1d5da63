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
}

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
}
