//! Every stated item of the bundled roadmap quotes its source verbatim: the quoted text appears in
//! the lines its locator cites (`L93-99 …`) of the cited source file. Whitespace is ignored, since
//! the source texts wrap lines mid-sentence.
//!
//! The source texts live beside the repository in `../shared/seeds/` (or `$WAYMARK_SEEDS`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use waymark::document::{Disk, open};
use waymark::model::{MeasureKind, Provenance, SourceRef};

fn seeds_dir() -> PathBuf {
    std::env::var_os("WAYMARK_SEEDS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"),
        PathBuf::from,
    )
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Parses `L12` or `L12-30` at the start of a locator.
fn line_range(locator: &str) -> Option<(usize, usize)> {
    let rest = locator.strip_prefix('L')?;
    let end_of_range = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(rest.len());
    let range = &rest[..end_of_range];
    if let Some((a, b)) = range.split_once('-') {
        Some((a.parse().ok()?, b.parse().ok()?))
    } else {
        let n = range.parse().ok()?;
        Some((n, n))
    }
}

#[test]
fn stated_items_quote_their_sources_verbatim() {
    let seeds = seeds_dir();
    assert!(
        seeds.is_dir(),
        "source texts not found at {}; set WAYMARK_SEEDS",
        seeds.display()
    );
    let entry = Path::new(env!("CARGO_MANIFEST_DIR")).join("roadmaps/regenerative-medicine.ron");
    let doc = open(&Disk, &entry)
        .unwrap_or_else(|e| panic!("bundled roadmap loads: {:#?}", e.diagnostics));
    let r = &doc.roadmap;

    let mut texts: HashMap<&str, Vec<String>> = HashMap::new();
    for s in &r.items.sources {
        if let Some(file) = &s.file {
            let text =
                std::fs::read_to_string(seeds.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            texts.insert(s.id.as_str(), text.lines().map(str::to_owned).collect());
        }
    }

    let mut quotes: Vec<(String, SourceRef, String)> = Vec::new();
    let mut add = |what: String, src: Option<&SourceRef>, prov: Provenance, quoted: Vec<&str>| {
        if prov != Provenance::Stated {
            return;
        }
        let src = src.unwrap_or_else(|| panic!("{what}: stated but cites no source"));
        for q in quoted {
            quotes.push((what.clone(), src.clone(), q.to_owned()));
        }
    };
    let it = &r.items;
    for t in &it.target_states {
        add(
            format!("target {}", t.id),
            t.source.as_ref(),
            t.provenance,
            vec![&t.text],
        );
    }
    for n in &it.notes {
        add(
            format!("note {}", n.id),
            n.source.as_ref(),
            Provenance::Stated,
            vec![&n.text],
        );
    }
    for t in &it.themes {
        add(
            format!("theme {}", t.id),
            t.source.as_ref(),
            Provenance::Stated,
            vec![&t.title, &t.issue],
        );
    }
    for g in &it.gaps {
        add(
            format!("gap {}", g.id),
            g.source.as_ref(),
            g.provenance,
            vec![&g.text],
        );
    }
    for m in &it.measures {
        let mut q: Vec<&str> = m.details.iter().map(String::as_str).collect();
        match m.kind {
            MeasureKind::Response | MeasureKind::ProposalAction => q.push(&m.text),
            MeasureKind::Programme | MeasureKind::Framework => q.extend(m.title.as_deref()),
        }
        q.extend(m.ministries_as_written.as_deref());
        add(
            format!("measure {}", m.id),
            m.source.as_ref(),
            m.provenance,
            q,
        );
    }
    for p in &it.proposals {
        let mut q = vec![p.statement.as_str()];
        q.extend(p.overseas.iter().map(|o| o.text.as_str()));
        add(
            format!("proposal {}", p.id),
            p.source.as_ref(),
            Provenance::Stated,
            q,
        );
    }
    for k in &it.kpis {
        let mut q = vec![k.name.as_str()];
        q.extend(k.assessment.as_deref());
        q.extend(k.target.as_ref().map(|t| t.text.as_str()));
        q.extend(k.latest.as_ref().map(|t| t.text.as_str()));
        add(
            format!("KPI {}", k.id),
            k.source.as_ref(),
            Provenance::Stated,
            q,
        );
    }
    for b in &it.budgets {
        add(
            format!("budget {}", b.id),
            b.source.as_ref(),
            b.provenance,
            b.text.iter().map(String::as_str).collect(),
        );
    }

    let mut failures = Vec::new();
    for (what, src, quote) in &quotes {
        let Some(lines) = texts.get(src.doc.as_str()) else {
            failures.push(format!(
                "{what}: source `{}` has no file to check against",
                src.doc
            ));
            continue;
        };
        let Some((from, to)) = line_range(&src.locator) else {
            failures.push(format!(
                "{what}: locator {:?} does not start with a line range like L12-30",
                src.locator
            ));
            continue;
        };
        if from == 0 || to < from || to > lines.len() {
            failures.push(format!(
                "{what}: line range {from}-{to} is outside the file's {} lines",
                lines.len()
            ));
            continue;
        }
        let cited = squash(&lines[from - 1..to].join("\n"));
        if !cited.contains(&squash(quote)) {
            failures.push(format!(
                "{what}: {quote:?} is not found in {} lines {from}-{to}",
                src.doc
            ));
        }
    }
    assert!(
        quotes.len() > 100,
        "only {} quotations checked",
        quotes.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} quotations do not match:\n{}",
        failures.len(),
        quotes.len(),
        failures.join("\n")
    );
}

#[test]
fn line_ranges_parse() {
    assert_eq!(line_range("L93-99 項目1"), Some((93, 99)));
    assert_eq!(line_range("L5"), Some((5, 5)));
    assert_eq!(line_range("p.3"), None);
}
