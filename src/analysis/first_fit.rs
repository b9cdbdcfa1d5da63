//! First-fit row packing in O(log rows) per item: which is the first row whose last item ends
//! early enough for the next one?
//!
//! The timeline packs bars and labels into rows by putting each, in order, into the first row
//! where it fits. Found by scanning the rows, that is O(items × rows), which is quadratic when a
//! lane's items mostly overlap (thousands of measures running over the same years at 1000×).
//! A segment tree of each row's end answers the same question, giving the same rows, in
//! logarithmic time.

/// The rows so far, each with the position where its last item ends.
pub(crate) struct FirstFit {
    /// Leaves from `width`: each row's end (+∞ for rows not yet opened); inner nodes: the
    /// smallest end below them.
    tree: Vec<f64>,
    width: usize,
    rows: usize,
}

impl FirstFit {
    /// Room for up to `capacity` rows (at most one per item packed).
    pub(crate) fn new(capacity: usize) -> Self {
        let width = capacity.max(1).next_power_of_two();
        Self {
            tree: vec![f64::INFINITY; 2 * width],
            width,
            rows: 0,
        }
    }

    /// The number of rows opened.
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    /// The first row whose end is at most `at`, as a scan of the rows in order would find it.
    pub(crate) fn first_ending_by(&self, at: f64) -> Option<usize> {
        if self.tree[1] > at {
            return None;
        }
        let mut node = 1;
        while node < self.width {
            node = if self.tree[2 * node] <= at {
                2 * node
            } else {
                2 * node + 1
            };
        }
        let row = node - self.width;
        (row < self.rows && self.tree[node] <= at).then_some(row)
    }

    /// Puts an item ending at `end` into the first row ending by `at`, or a new row; returns the
    /// row.
    pub(crate) fn place(&mut self, at: f64, end: f64) -> usize {
        let row = self.first_ending_by(at).unwrap_or(self.rows);
        self.set(row, end);
        row
    }

    /// Sets the end of `row`, which must be opened or the next to open.
    pub(crate) fn set(&mut self, row: usize, end: f64) {
        if row >= self.width {
            // More rows than announced: grow (never happens when the capacity is the count).
            let mut grown = Self::new(2 * self.width.max(row + 1));
            for r in 0..self.rows {
                grown.set(r, self.tree[self.width + r]);
            }
            *self = grown;
        }
        self.rows = self.rows.max(row + 1);
        let mut node = self.width + row;
        self.tree[node] = end;
        while node > 1 {
            node /= 2;
            self.tree[node] = self.tree[2 * node].min(self.tree[2 * node + 1]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan it replaces.
    fn by_scan(ends: &[f64], at: f64) -> Option<usize> {
        ends.iter().position(|&e| e <= at)
    }

    #[test]
    fn finds_what_a_scan_finds() {
        let mut rng = crate::generate::SplitMix64::new(5);
        for capacity in [1, 3, 64, 100] {
            let mut ff = FirstFit::new(capacity);
            let mut ends: Vec<f64> = Vec::new();
            for _ in 0..400 {
                let at = f64::from(rng.between(0, 100));
                let end = at + f64::from(rng.between(1, 30));
                assert_eq!(ff.first_ending_by(at), by_scan(&ends, at), "at {at}");
                let row = ff.place(at, end);
                match by_scan(&ends, at) {
                    Some(r) => ends[r] = end,
                    None => ends.push(end),
                }
                assert_eq!(ends[row].to_bits(), end.to_bits());
                assert_eq!(ff.rows(), ends.len());
            }
        }
    }

    #[test]
    fn no_row_before_any_is_opened() {
        let ff = FirstFit::new(4);
        assert_eq!(ff.first_ending_by(f64::MAX), None);
        assert_eq!(ff.rows(), 0);
    }
}
