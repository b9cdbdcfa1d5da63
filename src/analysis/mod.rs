//! Plain functions over the model: validation, linkage, coverage, timeline layout. No egui here.

pub mod locate;
mod validate;

pub use validate::validate;
