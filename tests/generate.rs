//! `waymark generate`: synthetic roadmaps at N× the bundled one are valid, scale every count,
//! and are byte-identical for the same seed.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use waymark::document::{Disk, Document, open};
use waymark::generate::{ENTRY_FILE, generate, write};
use waymark::model::{Items, LinkKind, Roadmap, canonical_text};

/// Every file in `dir`, by name, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("dir entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read file"),
            )
        })
        .collect()
}

fn bundled() -> Document {
    waymark::bundled::open().expect("the bundled roadmap loads")
}

/// Generates and writes a roadmap, then opens it from disk as `waymark check` would.
fn generate_and_open(scale: u32, seed: u64, dir: &Path) -> Document {
    let roadmap = generate(&bundled().roadmap, scale, seed).expect("generates");
    let entry = write(&roadmap, dir).expect("writes");
    assert_eq!(entry, dir.join(ENTRY_FILE));
    match open(&Disk, &entry) {
        Ok(doc) => {
            assert_same(&doc.roadmap, &roadmap);
            doc
        }
        Err(e) => panic!(
            "generated {scale}× roadmap does not open:\n{}",
            e.diagnostics
                .iter()
                .take(20)
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// Asserts that what is read back is what was generated, naming the first difference.
fn assert_same(got: &Roadmap, want: &Roadmap) {
    assert_eq!(got.header, want.header);
    assert_eq!(got.files, want.files);
    macro_rules! same {
        ($($field:ident),*) => {$(
            assert_eq!(got.items.$field.len(), want.items.$field.len(), stringify!($field));
            for (g, w) in got.items.$field.iter().zip(&want.items.$field) {
                assert_eq!(g, w, stringify!($field));
            }
        )*};
    }
    same!(
        sources,
        ministries,
        stages,
        target_states,
        notes,
        themes,
        gaps,
        measures,
        proposals,
        kpis,
        budgets,
        events,
        scenarios,
        links
    );
}

/// Counts per kind, in a fixed order.
fn counts(it: &Items) -> [usize; 14] {
    [
        it.sources.len(),
        it.ministries.len(),
        it.stages.len(),
        it.target_states.len(),
        it.notes.len(),
        it.themes.len(),
        it.gaps.len(),
        it.measures.len(),
        it.proposals.len(),
        it.kpis.len(),
        it.budgets.len(),
        it.events.len(),
        it.scenarios.len(),
        it.links.len(),
    ]
}

#[test]
fn generated_roadmaps_are_valid_and_scale_every_count() {
    let base = bundled();
    let base_counts = counts(&base.roadmap.items);
    for scale in [1u32, 10] {
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = generate_and_open(scale, 7, dir.path());
        assert!(
            doc.warnings.is_empty(),
            "{scale}×: {} warning(s), first {}",
            doc.warnings.len(),
            doc.warnings[0]
        );
        let got = counts(&doc.roadmap.items);
        for (i, (&g, &b)) in got.iter().zip(&base_counts).enumerate() {
            // Ministries (index 1) are shared by every replica; everything else scales.
            let want = if i == 1 { b } else { b * scale as usize };
            assert_eq!(
                g, want,
                "{scale}×: count of kind #{i}: {got:?} vs {base_counts:?}"
            );
        }
        // The files on disk are already canonical: `waymark fmt --check` would pass.
        let on_disk: Vec<String> = doc.files.iter().map(|f| f.text.clone()).collect();
        assert_eq!(on_disk, canonical_text(&doc.roadmap));
        // Same mix of measure kinds and link kinds, in proportion.
        let kinds = |it: &Items| {
            let mut m: BTreeMap<&'static str, usize> = BTreeMap::new();
            for l in &it.links {
                *m.entry(l.link.name()).or_default() += 1;
            }
            m
        };
        let base_kinds = kinds(&base.roadmap.items);
        for (k, n) in kinds(&doc.roadmap.items) {
            assert_eq!(n, base_kinds[k] * scale as usize, "links of kind {k}");
        }
    }
}

#[test]
fn replicas_are_linked_to_each_other() {
    let roadmap = generate(&bundled().roadmap, 10, 3).expect("generates");
    let suffix = |id: &str| id.rsplit('.').next().map(str::to_owned);
    let crossing = roadmap
        .items
        .links
        .iter()
        .filter(|l| match &l.link {
            LinkKind::AddressedBy { gap, measure } => {
                suffix(gap.as_str()) != suffix(measure.as_str())
            }
            _ => false,
        })
        .count();
    assert!(
        crossing > 0,
        "some AddressedBy links join different replicas"
    );
    // Texts are remixed, so replicas are not copies of each other.
    let texts: std::collections::HashSet<&str> =
        roadmap.items.gaps.iter().map(|g| g.text.as_str()).collect();
    assert!(
        texts.len() > roadmap.items.gaps.len() / 2,
        "{}",
        texts.len()
    );
}

#[test]
fn the_same_seed_gives_identical_bytes_and_another_seed_does_not() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    let c = tempfile::tempdir().expect("temp dir");
    generate_and_open(10, 42, a.path());
    generate_and_open(10, 42, b.path());
    generate_and_open(10, 43, c.path());
    let (sa, sb, sc) = (snapshot(a.path()), snapshot(b.path()), snapshot(c.path()));
    assert!(sa.len() > 2, "{:?}", sa.keys());
    assert_eq!(sa, sb);
    assert_eq!(sa.keys().collect::<Vec<_>>(), sc.keys().collect::<Vec<_>>());
    assert_ne!(sa, sc);
}

#[test]
fn the_command_writes_a_roadmap_that_checks_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x2");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_waymark"))
            .args(args)
            .output()
            .expect("the waymark binary runs")
    };
    let gen_out = run(&[
        "generate",
        "--scale",
        "2",
        "--seed",
        "5",
        out.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(gen_out.status.code(), Some(0), "{gen_out:?}");
    let said = String::from_utf8_lossy(&gen_out.stdout);
    assert!(said.contains("items in"), "{said}");
    let entry = out.join(ENTRY_FILE);
    let check = run(&["check", entry.to_str().expect("UTF-8 path")]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let fmt = run(&["fmt", "--check", entry.to_str().expect("UTF-8 path")]);
    assert_eq!(fmt.status.code(), Some(0), "{fmt:?}");
    // A scale of 0 is a usage error with a message, not a panic.
    let zero = run(&[
        "generate",
        "--scale",
        "0",
        out.to_str().expect("UTF-8 path"),
    ]);
    assert_ne!(zero.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&zero.stderr).contains("scale 0 is out of range"),
        "{zero:?}"
    );
}
