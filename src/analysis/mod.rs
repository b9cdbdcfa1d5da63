//! Plain functions over the model: validation, the link index, labels, filters, coverage, the
//! timeline layout, the value-chain grid and quotations checked against their sources. No egui
//! here.

pub mod coverage;
pub mod derived;
pub mod filter;
mod first_fit;
pub mod focus;
pub mod index;
pub mod labels;
pub mod linkage;
pub mod locate;
pub mod matrix;
pub mod scenario;
pub mod sources;
pub mod targets;
pub mod timeline;
pub mod timeline_text;
pub mod timeline_view;
mod validate;
pub mod value_chain;

pub use validate::{Findings, MAX_DIAGNOSTICS, check, validate};
