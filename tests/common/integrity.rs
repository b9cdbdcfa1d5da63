//! The errors no edit may ever cause, shared by the editing tests.

use waymark::analysis::validate;
use waymark::diagnostic::Diagnostic;
use waymark::document::Document;

/// The rules of the errors no edit may ever cause.
pub const INTEGRITY: &[&str] = &[
    "dangling-reference",
    "unknown-ministry",
    "self-link",
    "link-type",
    "cycle",
    "duplicate-id",
    "duplicate-reference",
];

/// The errors of `doc` that no edit may ever cause.
pub fn integrity_errors(doc: &Document) -> Vec<Diagnostic> {
    validate(&doc.roadmap, &doc.files)
        .into_iter()
        .filter(|d| d.is_error() && INTEGRITY.contains(&d.rule))
        .collect()
}
