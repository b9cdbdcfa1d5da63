//! The command-line subcommands: `check`, `fmt` and `export`. Each writes its report to `out` and
//! returns the process exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, tally};
use crate::document::{Disk, Document, open, write_atomic, write_path};
use crate::model::canonical_text;

/// Exit code for a clean run.
pub const EXIT_OK: u8 = 0;
/// Exit code when a roadmap has errors (or, for `fmt --check`, is not canonical).
pub const EXIT_ERRORS: u8 = 1;

#[derive(Serialize)]
struct CheckReport<'a> {
    path: String,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

fn load(path: &Path) -> (Option<Document>, Vec<Diagnostic>) {
    match open(&Disk, path) {
        Ok(doc) => {
            let warnings = doc.warnings.clone();
            (Some(doc), warnings)
        }
        Err(e) => (None, e.diagnostics),
    }
}

/// Frees a checked roadmap on another thread. Freeing the hundreds of thousands of items of a
/// large roadmap one by one takes a noticeable part of a `check`, and nothing needs to wait for
/// it: when the process ends first, the system reclaims the memory at once.
fn drop_in_background(doc: Document) {
    // If no thread can be started, the closure and the roadmap are freed right here.
    let _ = std::thread::Builder::new().spawn(move || drop(doc));
}

/// `waymark check`: prints diagnostics of each roadmap; exit 1 when any has errors.
pub fn check(paths: &[PathBuf], json: bool, out: &mut dyn Write) -> std::io::Result<u8> {
    let mut any_errors = false;
    let mut reports = Vec::new();
    let mut loaded = Vec::new();
    for path in paths {
        let (doc, diagnostics) = load(path);
        any_errors |= doc.is_none();
        let count = doc.map(|d| {
            let count = d.roadmap.items.count();
            drop_in_background(d);
            count
        });
        loaded.push((path, count, diagnostics));
    }
    for (path, count, diagnostics) in &loaded {
        let (errors, warnings) = tally(diagnostics);
        if json {
            reports.push(CheckReport {
                path: path.display().to_string(),
                errors,
                warnings,
                diagnostics,
            });
        } else {
            for d in diagnostics {
                writeln!(out, "{d}")?;
            }
            match count {
                Some(n) => writeln!(
                    out,
                    "{}: ok, {n} items, {warnings} warning(s)",
                    path.display()
                )?,
                None => writeln!(
                    out,
                    "{}: {errors} error(s), {warnings} warning(s); not loaded",
                    path.display()
                )?,
            }
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &reports).map_err(std::io::Error::other)?;
        writeln!(out)?;
    }
    Ok(if any_errors { EXIT_ERRORS } else { EXIT_OK })
}

/// `waymark fmt`: rewrites each roadmap's files in canonical form, or with `check_only` reports
/// the files that are not. A roadmap with errors is never touched.
pub fn fmt(paths: &[PathBuf], check_only: bool, out: &mut dyn Write) -> std::io::Result<u8> {
    let mut code = EXIT_OK;
    for path in paths {
        let (doc, diagnostics) = load(path);
        let Some(doc) = doc else {
            for d in &diagnostics {
                writeln!(out, "{d}")?;
            }
            writeln!(out, "{}: has errors; not formatted", path.display())?;
            code = EXIT_ERRORS;
            continue;
        };
        for (file, canonical) in doc.files.iter().zip(canonical_text(&doc.roadmap)) {
            if file.text == canonical {
                continue;
            }
            if check_only {
                writeln!(out, "{}: not in canonical form", file.display)?;
                code = EXIT_ERRORS;
                continue;
            }
            match write_path(&file.path, doc.entry_path()) {
                Ok(target) => {
                    write_atomic(&target, &file.encode(&canonical))?;
                    writeln!(out, "{}: formatted", file.display)?;
                }
                Err(e) => {
                    writeln!(out, "{}: not formatted: {e}", file.display)?;
                    code = EXIT_ERRORS;
                }
            }
        }
    }
    Ok(code)
}

/// `waymark export --format json`: the whole resolved roadmap as JSON.
pub fn export_json(path: &Path, out: &mut dyn Write) -> std::io::Result<u8> {
    let (doc, diagnostics) = load(path);
    let Some(doc) = doc else {
        for d in &diagnostics {
            writeln!(std::io::stderr(), "{d}")?;
        }
        return Ok(EXIT_ERRORS);
    };
    let value = crate::export::to_json(&doc);
    serde_json::to_writer_pretty(&mut *out, &value).map_err(std::io::Error::other)?;
    writeln!(out)?;
    Ok(EXIT_OK)
}
