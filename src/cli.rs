//! The command-line subcommands: `check`, `fmt`, `migrate` and `export`. Each writes its report to `out` and
//! returns the process exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::action::Tab;
use crate::analysis::scenario::Basis;
use crate::analysis::sources::{check_sources, quotations};
use crate::diagnostic::{Diagnostic, tally};
use crate::document::{Disk, Document, open, write_atomic, write_path};
use crate::export::{self, Format, Options, Output, tables};
use crate::i18n::Lang;
use crate::model::{SCHEMA_VERSION, canonical_text};

/// Exit code for a clean run.
pub const EXIT_OK: u8 = 0;
/// Exit code when a roadmap has errors (or, for `fmt --check`, is not canonical).
pub const EXIT_ERRORS: u8 = 1;

/// What `waymark check` checks besides the roadmap itself, and how it reports.
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckOptions<'a> {
    /// Print one JSON report for all roadmaps instead of compiler-style lines.
    pub json: bool,
    /// A folder of source texts: every stated item's quotations are also checked against the
    /// lines of them it cites ([`check_sources`]).
    pub sources: Option<&'a Path>,
}

#[derive(Serialize)]
struct CheckReport<'a> {
    path: String,
    errors: usize,
    warnings: usize,
    /// How many quotations were checked against the source texts, with `--sources`.
    #[serde(skip_serializing_if = "Option::is_none")]
    quotations: Option<usize>,
    diagnostics: &'a [Diagnostic],
}

/// What checking one loaded roadmap found: its item count, and how many quotations were checked
/// against the source texts, if they were.
struct Checked {
    items: usize,
    quotations: Option<usize>,
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

/// `waymark check`: prints diagnostics of each roadmap, and with `sources` those of its
/// quotations; exit 1 when any has errors.
pub fn check(
    paths: &[PathBuf],
    options: CheckOptions<'_>,
    out: &mut dyn Write,
) -> std::io::Result<u8> {
    let mut any_errors = false;
    let mut reports = Vec::new();
    let mut loaded = Vec::new();
    for path in paths {
        let (doc, mut diagnostics) = load(path);
        let checked = doc.map(|d| {
            let quotations = options.sources.map(|dir| {
                diagnostics.extend(check_sources(&d.roadmap, &d.files, &Disk, dir));
                diagnostics.sort_by(|a, b| {
                    (a.severity, &a.file, a.line, a.col).cmp(&(b.severity, &b.file, b.line, b.col))
                });
                quotations(&d.roadmap).len()
            });
            let items = d.roadmap.items.count();
            drop_in_background(d);
            Checked { items, quotations }
        });
        any_errors |= checked.is_none() || diagnostics.iter().any(Diagnostic::is_error);
        loaded.push((path, checked, diagnostics));
    }
    for (path, checked, diagnostics) in &loaded {
        let (errors, warnings) = tally(diagnostics);
        if options.json {
            reports.push(CheckReport {
                path: path.display().to_string(),
                errors,
                warnings,
                quotations: checked.as_ref().and_then(|c| c.quotations),
                diagnostics,
            });
            continue;
        }
        for d in diagnostics {
            writeln!(out, "{d}")?;
        }
        let path = path.display();
        match checked {
            Some(Checked {
                items,
                quotations: None,
            }) => writeln!(out, "{path}: ok, {items} items, {warnings} warning(s)")?,
            Some(Checked {
                items,
                quotations: Some(quotations),
            }) if errors == 0 => writeln!(
                out,
                "{path}: ok, {items} items, {warnings} warning(s); {quotations} quotation(s) match their sources"
            )?,
            Some(Checked {
                items,
                quotations: Some(quotations),
            }) => writeln!(
                out,
                "{path}: {errors} error(s), {warnings} warning(s); {items} items, {quotations} quotation(s) checked against their sources"
            )?,
            None => writeln!(
                out,
                "{path}: {errors} error(s), {warnings} warning(s); not loaded"
            )?,
        }
    }
    if options.json {
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
                let (line, found, expected) = first_difference(&file.text, &canonical);
                writeln!(
                    out,
                    "{}:{line}: not in canonical form\n  found:    {found}\n  expected: {expected}",
                    file.display
                )?;
                code = EXIT_ERRORS;
                continue;
            }
            if !rewrite(&doc, file, &canonical, ("formatted", "not formatted"), out)? {
                code = EXIT_ERRORS;
            }
        }
    }
    Ok(code)
}

/// Writes `canonical` over `file` of `doc` (through a link only inside the roadmap's folder) and
/// says so with `said.0`; where it may not be written, says why after `said.1`. Returns whether
/// it was written.
fn rewrite(
    doc: &Document,
    file: &crate::model::ParsedFile,
    canonical: &str,
    said: (&str, &str),
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    match write_path(&file.path, doc.entry_path()) {
        Ok(target) => {
            write_atomic(&target, &file.encode(canonical))?;
            writeln!(out, "{}: {}", file.display, said.0)?;
            Ok(true)
        }
        Err(e) => {
            writeln!(out, "{}: {}: {e}", file.display, said.1)?;
            Ok(false)
        }
    }
}

/// The first line where `text` and `canonical` differ (from 1), with both versions of it
/// (`(end of file)` where one has no such line).
fn first_difference<'a>(text: &'a str, canonical: &'a str) -> (usize, &'a str, &'a str) {
    let mut found = text.lines();
    let mut expected = canonical.lines();
    let mut line = 1;
    loop {
        match (found.next(), expected.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (None, None) => return (line, "(end of file)", "(end of file)"),
            (a, b) => {
                return (
                    line,
                    a.unwrap_or("(end of file)"),
                    b.unwrap_or("(end of file)"),
                );
            }
        }
    }
}

/// The schema version a file's text declares, if it can be read from it.
fn declared_schema(text: &str) -> Option<u32> {
    let at = crate::model::find_field(text, "schema")?.to_offset(text);
    let rest = text[at..].strip_prefix("schema")?.trim_start();
    let digits: String = rest
        .strip_prefix(':')?
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// `waymark migrate`: rewrites each roadmap's files in the current schema, saying for each file
/// what changed: its schema version, and whether it was also put in canonical form. Schema 2
/// only adds optional fields, so no item changes meaning. A roadmap with errors is never touched.
pub fn migrate(paths: &[PathBuf], out: &mut dyn Write) -> std::io::Result<u8> {
    let mut code = EXIT_OK;
    for path in paths {
        let (doc, diagnostics) = load(path);
        let Some(doc) = doc else {
            for d in &diagnostics {
                writeln!(out, "{d}")?;
            }
            writeln!(out, "{}: has errors; not migrated", path.display())?;
            code = EXIT_ERRORS;
            continue;
        };
        for (file, canonical) in doc.files.iter().zip(canonical_text(&doc.roadmap)) {
            let declared = declared_schema(&file.text).unwrap_or(SCHEMA_VERSION);
            if file.text == canonical {
                writeln!(
                    out,
                    "{}: schema {SCHEMA_VERSION} already; unchanged",
                    file.display
                )?;
                continue;
            }
            let old = format!("schema: {declared},");
            let new = format!("schema: {SCHEMA_VERSION},");
            let only_version = file.text.replacen(&old, &new, 1) == canonical;
            let change = match (declared == SCHEMA_VERSION, only_version) {
                (true, _) => "rewritten in canonical form".to_owned(),
                (false, true) => format!("schema {declared} → {SCHEMA_VERSION}"),
                (false, false) => {
                    format!("schema {declared} → {SCHEMA_VERSION}, and rewritten in canonical form")
                }
            };
            if !rewrite(&doc, file, &canonical, (&change, "not migrated"), out)? {
                code = EXIT_ERRORS;
            }
        }
    }
    Ok(code)
}

/// Exit code for a usage error (an unknown format, view or table; a binary format without
/// `--out`).
pub const EXIT_USAGE: u8 = 2;

/// What `waymark export` was asked for, as given on the command line.
#[derive(Clone, Debug)]
pub struct ExportRequest<'a> {
    /// The format.
    pub format: Format,
    /// `--view`: the view pictured, or for CSV the one table written.
    pub view: Option<&'a str>,
    /// The language of labels and headings.
    pub lang: Lang,
    /// `--out`: the file written (for CSV of every table, the folder); standard output without.
    pub out: Option<&'a Path>,
    /// Pixels per point of a PNG.
    pub scale: f32,
    /// `--width`: the width of a PNG in pixels (sets its scale).
    pub width_px: Option<u32>,
    /// `--page`: the pages of a PDF (`fit`, `a4`, `a3`).
    pub page: Option<&'a str>,
    /// `--scenario`: the scenario shown (the plan without it).
    pub scenario: Option<&'a str>,
    /// `--compare`: the scenario (or `plan`) the timeline compares the one shown with.
    pub compare: Option<&'a str>,
}

/// The basis a `--scenario` or `--compare` value names: `plan`, or a scenario's ID.
fn basis_named(name: &str) -> Result<Basis, String> {
    if name == "plan" {
        return Ok(Basis::Plan);
    }
    crate::model::ScenarioId::new(name)
        .map(Basis::Scenario)
        .map_err(|e| format!("`{name}` is not a scenario ID: {e}"))
}

/// The export options `request` asks for, or the usage error to report.
fn export_options(request: &ExportRequest<'_>) -> Result<Options, String> {
    let format = request.format;
    let mut options = Options {
        format,
        lang: request.lang,
        scale: request.scale,
        width_px: request.width_px,
        page: match request.page {
            None => export::Page::Fit,
            Some(name) => export::Page::from_name(name).ok_or_else(|| {
                let names: Vec<&str> = export::Page::ALL.iter().map(|p| p.name()).collect();
                format!(
                    "unknown page `{name}`; expected one of {}",
                    names.join(", ")
                )
            })?,
        },
        scenario: request.scenario.map_or(Ok(Basis::Plan), basis_named)?,
        compare: request.compare.map(basis_named).transpose()?,
        ..Options::default()
    };
    if request.width_px == Some(0) || request.width_px.is_some_and(|w| w > 30_000) {
        return Err("--width is out of range; expected 1 to 30000 pixels".to_owned());
    }
    if format.is_picture() {
        let name = request.view.unwrap_or("timeline");
        options.view = Tab::from_name(name)
            .filter(|t| export::PICTURE_VIEWS.contains(t))
            .ok_or_else(|| {
                format!(
                    "unknown view `{name}` for {}; expected one of {}",
                    format.name(),
                    export::picture_view_names().join(", ")
                )
            })?;
        if !(request.scale.is_finite() && (0.1..=16.0).contains(&request.scale)) {
            return Err(format!(
                "--scale {} is out of range; expected 0.1 to 16",
                request.scale
            ));
        }
    } else if format == Format::Csv {
        let table = match (request.view, request.out) {
            (Some(name), _) => Some(name),
            (None, None) => Some("matrix"),
            (None, Some(_)) => None,
        };
        if let Some(name) = table {
            if !tables::KEYS.contains(&name) {
                return Err(format!(
                    "unknown table `{name}` for csv; expected one of {}",
                    tables::KEYS.join(", ")
                ));
            }
            options.table = Some(name.to_owned());
        }
    } else if let Some(name) = request.view {
        return Err(format!(
            "--view `{name}` does not apply to {}: it names the view of svg, png and pdf and the table of csv",
            format.name()
        ));
    }
    if !format.is_text() && request.out.is_none() {
        return Err(format!(
            "{} is a binary format: give the file to write with --out PATH",
            format.name()
        ));
    }
    Ok(options)
}

/// `waymark export`: the roadmap at `path` in the requested format, written to `--out` or to
/// `out`. Usage errors and load diagnostics go to `err`.
pub fn export(
    path: &Path,
    request: &ExportRequest<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let options = match export_options(request) {
        Ok(o) => o,
        Err(message) => {
            writeln!(err, "error: {message}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let (doc, diagnostics) = load(path);
    let Some(doc) = doc else {
        for d in &diagnostics {
            writeln!(err, "{d}")?;
        }
        return Ok(EXIT_ERRORS);
    };
    let output = match export::export(&doc, &options) {
        Ok(o) => o,
        Err(e @ export::ExportError::NoScenario(..)) => {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_USAGE);
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(EXIT_ERRORS);
        }
    };
    match (output, request.out) {
        (Output::File(bytes), None) => out.write_all(&bytes)?,
        (Output::File(bytes), Some(file)) => write_atomic(file, &bytes)?,
        (Output::Files(files), None) => {
            for (_, bytes) in files {
                out.write_all(&bytes)?;
            }
        }
        (Output::Files(files), Some(target)) => {
            if options.table.is_some() {
                for (_, bytes) in files {
                    write_atomic(target, &bytes)?;
                }
            } else {
                std::fs::create_dir_all(target)?;
                for (name, bytes) in files {
                    write_atomic(&target.join(name), &bytes)?;
                }
            }
        }
    }
    Ok(EXIT_OK)
}
