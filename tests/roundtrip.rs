//! Saving is lossless and minimal: the roadmap files are in canonical form, so loading and saving
//! them changes no byte; the canonical text reads back as the same roadmap; and editing one item
//! changes only that item's lines. Also: the bundled copies in the binary are exactly the files
//! of `roadmaps/`, each bundled roadmap in its own folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use waymark::document::{Disk, Document, open};
use waymark::model::{FileDoc, FileId, Roadmap, canonical_text};

const ENTRY: &str = "regenerative-medicine.ron";

fn roadmaps_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmaps")
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The names of the `*.ron` files in `roadmaps/`, found by listing the folder.
fn ron_files() -> BTreeSet<String> {
    ron_files_in(&roadmaps_dir())
}

/// The names of the `*.ron` files in `dir`.
fn ron_files_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("the folder is readable")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "ron"))
        .collect()
}

fn load(entry: &Path) -> Document {
    open(&Disk, entry).unwrap_or_else(|e| {
        let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
        panic!("{} does not load:\n{}", entry.display(), shown.join("\n"))
    })
}

fn load_bundled_from_disk() -> Document {
    load(&roadmaps_dir().join(ENTRY))
}

/// Where two texts first differ, for failure messages.
fn first_difference(a: &str, b: &str) -> String {
    let (a_lines, b_lines): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    for i in 0..a_lines.len().max(b_lines.len()) {
        let (x, y) = (a_lines.get(i), b_lines.get(i));
        if x != y {
            return format!("line {}:\n  on disk:   {x:?}\n  canonical: {y:?}", i + 1);
        }
    }
    if a.ends_with('\n') == b.ends_with('\n') {
        "texts differ in line endings".to_owned()
    } else {
        "texts differ in the final newline".to_owned()
    }
}

/// Asserts that saving the loaded document would write every file back byte for byte.
fn assert_canonical(doc: &Document) {
    let canonical = canonical_text(&doc.roadmap);
    assert_eq!(canonical.len(), doc.files.len());
    let mut failures = Vec::new();
    for (file, text) in doc.files.iter().zip(&canonical) {
        let on_disk = std::fs::read(&file.path).expect("read");
        if on_disk != text.as_bytes() {
            let on_disk = String::from_utf8_lossy(&on_disk);
            failures.push(format!(
                "{} is not canonical; first difference at {}",
                file.display,
                first_difference(&on_disk, text)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "saving would change {} file(s) (run `waymark fmt`):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Writes the canonical text of `roadmap` under the same file names in a temp dir and reads it
/// back: the same roadmap must come back.
fn assert_reads_back(roadmap: &Roadmap) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (info, text) in roadmap.files.iter().zip(canonical_text(roadmap)) {
        let path = dir.path().join(&info.name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }
    let back = load(&dir.path().join(&roadmap.files[0].name));
    assert!(
        back.roadmap == *roadmap,
        "the canonical text reads back as a different roadmap"
    );
}

// ---------------------------------------------------------------------------------------------
// The bundled roadmap's files.

/// Each bundled roadmap's entry file on disk.
fn bundled_entries() -> Vec<PathBuf> {
    waymark::bundled::ROADMAPS
        .iter()
        .map(|r| Path::new(env!("CARGO_MANIFEST_DIR")).join(r.entry))
        .collect()
}

#[test]
fn each_entry_file_includes_exactly_the_other_files_of_its_folder() {
    assert_eq!(
        waymark::bundled::ENTRY,
        format!("roadmaps/{ENTRY}"),
        "the default one is first"
    );
    for entry in bundled_entries() {
        let name = entry
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let files = ron_files_in(entry.parent().expect("folder"));
        assert!(files.contains(&name), "{name} is missing from its folder");
        let text = std::fs::read_to_string(&entry).expect("read entry");
        let doc: FileDoc = ron::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(doc.roadmap.is_some(), "{name} has no header");
        let included: BTreeSet<String> = doc.include.iter().cloned().collect();
        assert_eq!(
            included.len(),
            doc.include.len(),
            "a file is included twice"
        );
        let others: BTreeSet<String> = files.iter().filter(|n| **n != name).cloned().collect();
        assert_eq!(
            included, others,
            "{name}'s `include` list and the other .ron files of its folder differ"
        );
        assert!(!others.is_empty());
    }
}

#[test]
fn bundled_files_are_exactly_the_roadmaps_folders() {
    let mut on_disk: BTreeSet<String> = BTreeSet::new();
    for entry in bundled_entries() {
        let folder = entry.parent().expect("folder");
        let rel = folder
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .expect("inside the crate")
            .to_string_lossy()
            .replace('\\', "/");
        on_disk.extend(
            ron_files_in(folder)
                .into_iter()
                .map(|n| format!("{rel}/{n}")),
        );
    }
    // No roadmap file lies in roadmaps/ outside a bundled roadmap's folder.
    on_disk.extend(ron_files().into_iter().map(|n| format!("roadmaps/{n}")));
    let bundled: BTreeSet<String> = waymark::bundled::FILES
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    assert_eq!(
        bundled.len(),
        waymark::bundled::FILES.len(),
        "a file is bundled twice"
    );
    assert_eq!(bundled, on_disk, "bundled files and roadmaps/ differ");
    for (name, text) in waymark::bundled::FILES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        let disk = std::fs::read(&path).expect("read");
        assert!(
            disk == text.as_bytes(),
            "the bundled copy of {name} differs from the file (rebuild?)"
        );
    }
}

#[test]
fn each_bundled_roadmap_opens_without_errors_and_equals_its_disk_copy() {
    for (r, entry) in waymark::bundled::ROADMAPS.iter().zip(bundled_entries()) {
        let bundled = waymark::bundled::open_entry(r.entry).unwrap_or_else(|e| {
            let shown: Vec<String> = e.diagnostics.iter().map(ToString::to_string).collect();
            panic!("{} has errors:\n{}", r.entry, shown.join("\n"))
        });
        assert!(bundled.warnings.iter().all(|d| !d.is_error()));
        assert!(bundled.roadmap.items.count() > 0);
        assert_eq!(
            bundled.roadmap.files.len(),
            ron_files_in(entry.parent().expect("folder")).len()
        );
        let disk = load(&entry);
        assert!(
            bundled.roadmap == disk.roadmap,
            "{} and its copy on disk load differently",
            r.entry
        );
    }
}

#[test]
fn saving_a_bundled_roadmap_changes_no_byte() {
    for entry in bundled_entries() {
        assert_canonical(&load(&entry));
    }
}

#[test]
fn each_bundled_roadmap_reads_back_from_its_canonical_text() {
    for entry in bundled_entries() {
        assert_reads_back(&load(&entry).roadmap);
    }
}

// ---------------------------------------------------------------------------------------------
// The fixtures, which do not change while the bundled data is being written.

#[test]
fn saving_the_valid_fixtures_changes_no_byte() {
    assert_canonical(&load(&fixture("valid/roadmap.ron")));
    assert_canonical(&load(&fixture("two-file/entry.ron")));
}

#[test]
fn valid_fixtures_read_back_from_their_canonical_text() {
    assert_reads_back(&load(&fixture("valid/roadmap.ron")).roadmap);
    assert_reads_back(&load(&fixture("two-file/entry.ron")).roadmap);
}

#[test]
fn a_non_canonical_file_is_detected() {
    // The check above can fail: a file with one extra blank line is not canonical.
    let doc = load(&fixture("valid/roadmap.ron"));
    let canonical = canonical_text(&doc.roadmap);
    let mut text = doc.files[0].text.clone();
    text.insert(text.find('\n').expect("a newline") + 1, '\n');
    assert_ne!(canonical[0], text);
}

// ---------------------------------------------------------------------------------------------
// Minimal diffs.

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The lines (0-based, inclusive) of the item whose key line is `key: "id",` in canonical text:
/// from its `(` to its `),`, which stand one indent level (4 spaces) left of the key.
fn item_lines(text: &str, key: &str, id: &str) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let wanted = format!("{key}: \"{id}\",");
    let at: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim() == wanted)
        .collect();
    assert_eq!(at.len(), 1, "`{wanted}` occurs {} times", at.len());
    let key_line = at[0];
    let outer = indent(lines[key_line]) - 4;
    let start = (0..key_line)
        .rev()
        .find(|&i| indent(lines[i]) == outer && lines[i].trim() == "(")
        .expect("the item's opening parenthesis");
    let end = (key_line..lines.len())
        .find(|&i| indent(lines[i]) == outer && lines[i].trim() == "),")
        .expect("the item's closing parenthesis");
    (start, end)
}

/// Changes one item with `edit` and checks that, on saving, only lines inside that item (found by
/// `key: "id"`) in file `file` change, and no other file changes.
fn assert_edit_is_local(
    roadmap: &Roadmap,
    file: FileId,
    key: &str,
    id: &str,
    edit: impl FnOnce(&mut Roadmap),
) {
    let before = canonical_text(roadmap);
    let mut edited = roadmap.clone();
    edit(&mut edited);
    let after = canonical_text(&edited);
    assert_eq!(before.len(), after.len());
    let f = usize::from(file.0);
    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
        if i != f {
            assert_eq!(
                b, a,
                "editing `{id}` changed file {}",
                roadmap.files[i].name
            );
        }
    }
    let old: Vec<&str> = before[f].lines().collect();
    let new: Vec<&str> = after[f].lines().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (removed, added) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    assert!(
        !removed.is_empty() || !added.is_empty(),
        "editing `{id}` changed nothing"
    );
    let (start, end) = item_lines(&before[f], key, id);
    let (first, last) = (prefix, old.len() - suffix);
    assert!(
        start <= first && last <= end + 1,
        "editing `{id}` (lines {}–{}) changed lines {}–{} of {}:\n-{}\n+{}",
        start + 1,
        end + 1,
        first + 1,
        last,
        roadmap.files[f].name,
        removed.join("\n-"),
        added.join("\n+")
    );
    // The new text is in the new lines, inside the item.
    let (new_start, new_end) = item_lines(&after[f], key, id);
    assert!(new_start == start && prefix + added.len() <= new_end + 1);
}

#[test]
fn editing_one_item_of_the_fixture_changes_only_its_lines() {
    let doc = load(&fixture("valid/roadmap.ron"));
    let r = &doc.roadmap;
    assert_edit_is_local(r, FileId(0), "id", "gap.2018.1", |r| {
        let g = r
            .items
            .gaps
            .iter_mut()
            .find(|g| g.id.as_str() == "gap.2018.1");
        g.expect("gap").text = "書き換えた \"引用\" のある課題".into();
    });
    // A change that adds lines: a second detail of a programme.
    assert_edit_is_local(r, FileId(0), "id", "m.programme", |r| {
        let m = r
            .items
            .measures
            .iter_mut()
            .find(|m| m.id.as_str() == "m.programme");
        m.expect("measure").details.push("二つ目の点".into());
    });
    // A change that removes lines: the KPI loses its actuals.
    assert_edit_is_local(r, FileId(0), "id", "kpi.trials", |r| {
        r.items.kpis[0].actuals.clear();
    });
    assert_edit_is_local(r, FileId(0), "code", "厚", |r| {
        r.items.ministries[1].name_en = "MHLW".into();
    });

    let two = load(&fixture("two-file/entry.ron"));
    assert_edit_is_local(&two.roadmap, FileId(1), "id", "m.1", |r| {
        r.items.measures[0].text = "別の対応".into();
    });
}

#[test]
fn editing_one_item_of_the_bundled_roadmap_changes_only_its_lines() {
    let doc = load_bundled_from_disk();
    let r = &doc.roadmap;
    let it = &r.items;
    let mut edited = 0;
    if let Some(g) = it.gaps.first() {
        let id = g.id.as_str().to_owned();
        assert_edit_is_local(r, g.origin, "id", &id, |r| {
            r.items.gaps[0].text.push_str("（編集）");
        });
        edited += 1;
    }
    if let Some(m) = it.measures.last() {
        let id = m.id.as_str().to_owned();
        assert_edit_is_local(r, m.origin, "id", &id, |r| {
            let m = r.items.measures.last_mut().expect("measure");
            m.text = format!("{}（編集）", m.text);
        });
        edited += 1;
    }
    if let Some(k) = it.kpis.first() {
        let id = k.id.as_str().to_owned();
        assert_edit_is_local(r, k.origin, "id", &id, |r| {
            r.items.kpis[0].name.push('*');
        });
        edited += 1;
    }
    if let Some(e) = it.events.first() {
        let id = e.id.as_str().to_owned();
        assert_edit_is_local(r, e.origin, "id", &id, |r| {
            r.items.events[0].title.push('*');
        });
        edited += 1;
    }
    if let Some(s) = it.sources.first() {
        let id = s.id.as_str().to_owned();
        assert_edit_is_local(r, s.origin, "id", &id, |r| {
            r.items.sources[0].title.push('*');
        });
        edited += 1;
    }
    assert!(edited >= 3, "the bundled roadmap has too few items to edit");
}
