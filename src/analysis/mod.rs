//! Plain functions over the model: validation, the link index, labels, filters, coverage and the
//! timeline layout. No egui here.

pub mod coverage;
pub mod derived;
pub mod diff;
pub mod filter;
mod first_fit;
pub mod index;
pub mod labels;
pub mod linkage;
pub mod locate;
pub mod timeline;
pub mod timeline_view;
mod validate;

pub use validate::{MAX_DIAGNOSTICS, validate};
