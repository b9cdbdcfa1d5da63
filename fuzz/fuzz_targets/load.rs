//! Fuzz target: load + validate arbitrary bytes, as a single-file roadmap and as an included file.
//!
//! The first byte chooses how the rest is read:
//! - even: the whole roadmap is one entry file holding the bytes;
//! - odd: a fixed, valid entry file includes `part.ron`, which holds the bytes.
//!
//! A roadmap that opens is then analysed (index, coverage, filter, timeline) and saved: its
//! canonical text must parse back to the same roadmap.

#![no_main]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use waymark::analysis::coverage::coverage;
use waymark::analysis::filter::{Filter, apply};
use waymark::analysis::index::Index;
use waymark::analysis::timeline::{Grouping, layout};
use waymark::document::open;
use waymark::i18n::Lang;
use waymark::model::{FileSystem, ItemRef, canonical_text};

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

const ENTRY: &str = r#"(
    schema: 1,
    roadmap: (id: "fuzz", title: "ファズ", start_fy: 2018, end_fy: 2040),
    include: ["part.ron"],
    sources: [(id: "src.000", title: "資料")],
    ministries: [(code: "文", name: "文部科学省", name_en: "MEXT")],
)
"#;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let mut files = HashMap::new();
    if mode % 2 == 0 {
        files.insert(PathBuf::from("r/entry.ron"), body.to_vec());
    } else {
        files.insert(PathBuf::from("r/entry.ron"), ENTRY.as_bytes().to_vec());
        files.insert(PathBuf::from("r/part.ron"), body.to_vec());
    }
    let fs = Memory(files);
    let entry = Path::new("r/entry.ron");
    let doc = match open(&fs, entry) {
        Ok(doc) => doc,
        Err(e) => {
            assert!(
                e.diagnostics.iter().any(|d| d.is_error()),
                "a failed load names an error"
            );
            for d in &e.diagnostics {
                assert!(d.line >= 1 && d.col >= 1, "{d}");
                // Rendering never panics.
                let _ = d.to_string();
            }
            return;
        }
    };
    let roadmap = &doc.roadmap;
    let index = Index::build(roadmap);
    let _ = coverage(roadmap, &index);
    let filter = Filter {
        text: "医療".to_owned(),
        fy_from: Some(2020),
        ..Filter::default()
    };
    let visible = apply(roadmap, &index, &filter);
    for grouping in [Grouping::Ministry, Grouping::Theme, Grouping::Proposal] {
        let _ = layout(roadmap, &index, grouping, Lang::Ja, &|r: &ItemRef| {
            visible.contains(r)
        });
    }
    // Saving and reading back gives the same roadmap.
    let texts = canonical_text(roadmap);
    let saved = Memory(
        doc.files
            .iter()
            .zip(&texts)
            .map(|(f, t)| (f.path.clone(), t.clone().into_bytes()))
            .collect(),
    );
    let again = open(&saved, entry).unwrap_or_else(|e| {
        panic!(
            "the saved roadmap does not open: {:#?}\n{}",
            e.diagnostics,
            texts.join("\n----\n")
        )
    });
    assert_eq!(&again.roadmap, roadmap, "a save changes the roadmap");
});
