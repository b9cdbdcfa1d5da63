//! Property tests of the loader, with a bounded number of cases so that CI runs them every time
//! (the fuzz target in `fuzz/` explores further; see BENCHMARKS.md).
//!
//! - Any file of the bundled roadmap, truncated at any byte, with a byte changed, or with a line
//!   deleted or duplicated, never makes loading panic: it opens, or fails with diagnostics whose
//!   lines and columns lie inside the files they name.
//! - Generated roadmaps (any seed) save and load back unchanged, and saving again gives the same
//!   bytes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use waymark::document::open;
use waymark::model::{FileSystem, canonical_text};

/// Files held in memory.
struct Memory(HashMap<PathBuf, Vec<u8>>);

impl FileSystem for Memory {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.0
            .get(path)
            .cloned()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
    }
}

fn bundled_files() -> HashMap<PathBuf, Vec<u8>> {
    waymark::bundled::FILES
        .iter()
        .map(|(path, text)| (PathBuf::from(path), text.as_bytes().to_vec()))
        .collect()
}

/// A change to a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    /// Keep the first `n` bytes (of the length, as a fraction).
    Truncate(f64),
    /// XOR the byte at a fraction of the length with a non-zero mask.
    Flip(f64, u8),
    /// Delete the line at a fraction of the line count.
    DeleteLine(f64),
    /// Write the line at a fraction of the line count twice.
    DuplicateLine(f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0..1.0f64).prop_map(Mutation::Truncate),
        ((0.0..1.0f64), 1..=255u8).prop_map(|(at, mask)| Mutation::Flip(at, mask)),
        (0.0..1.0f64).prop_map(Mutation::DeleteLine),
        (0.0..1.0f64).prop_map(Mutation::DuplicateLine),
    ]
}

fn index_at(fraction: f64, len: usize) -> usize {
    ((fraction * len as f64) as usize).min(len.saturating_sub(1))
}

fn apply(bytes: &[u8], m: &Mutation) -> Vec<u8> {
    let mut lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    match *m {
        Mutation::Truncate(at) => bytes[..(at * bytes.len() as f64) as usize].to_vec(),
        Mutation::Flip(at, mask) => {
            let mut out = bytes.to_vec();
            let i = index_at(at, out.len());
            out[i] ^= mask;
            out
        }
        Mutation::DeleteLine(at) => {
            lines.remove(index_at(at, lines.len()));
            lines.concat()
        }
        Mutation::DuplicateLine(at) => {
            let i = index_at(at, lines.len());
            lines.insert(i, lines[i]);
            lines.concat()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_bundled_files_never_panic_and_point_inside_their_files(
        file in 0..waymark::bundled::FILES.len(),
        m in mutation(),
    ) {
        let mut files = bundled_files();
        let path = PathBuf::from(waymark::bundled::FILES[file].0);
        let mutated = apply(&files[&path], &m);
        files.insert(path, mutated);
        let fs = Memory(files);
        if let Err(e) = open(&fs, Path::new(waymark::bundled::ENTRY)) {
            prop_assert!(e.diagnostics.iter().any(waymark::diagnostic::Diagnostic::is_error));
            for d in &e.diagnostics {
                let bytes = fs.read(Path::new(&d.file)).expect("a diagnostic names a file read");
                let text = String::from_utf8_lossy(&bytes);
                let lines: Vec<&str> = text.split('\n').collect();
                prop_assert!(d.line >= 1 && d.line <= lines.len(), "{d}");
                let width = lines[d.line - 1].chars().count();
                prop_assert!(d.col >= 1 && d.col <= width + 1, "{d}");
                prop_assert!(!d.to_string().is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_roadmaps_round_trip(seed in any::<u64>(), scale in 1..=3u32) {
        let base = waymark::bundled::open().expect("bundled");
        let roadmap = waymark::generate::generate(&base.roadmap, scale, seed).expect("generates");
        let texts = canonical_text(&roadmap);
        let files: HashMap<PathBuf, Vec<u8>> = roadmap
            .files
            .iter()
            .zip(&texts)
            .map(|(f, t)| (Path::new("g").join(&f.name), t.clone().into_bytes()))
            .collect();
        let entry = Path::new("g").join(&roadmap.files[0].name);
        let doc = open(&Memory(files), &entry)
            .unwrap_or_else(|e| panic!("seed {seed}: {:#?}", e.diagnostics));
        prop_assert!(doc.warnings.is_empty(), "{:#?}", doc.warnings);
        prop_assert!(doc.roadmap == roadmap, "seed {seed}: the roadmap read back differs");
        prop_assert_eq!(canonical_text(&doc.roadmap), texts);
    }
}

#[test]
fn mutations_change_what_they_say() {
    let bytes = b"ab\ncd\nef\n";
    assert_eq!(apply(bytes, &Mutation::Truncate(0.5)), b"ab\nc");
    assert_eq!(apply(bytes, &Mutation::Flip(0.0, 1)), b"`b\ncd\nef\n");
    assert_eq!(apply(bytes, &Mutation::DeleteLine(0.5)), b"ab\nef\n");
    assert_eq!(
        apply(bytes, &Mutation::DuplicateLine(0.99)),
        b"ab\ncd\nef\nef\n"
    );
}
