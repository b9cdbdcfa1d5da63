//! Waymark: a desktop roadmap and strategy explorer.
//!
//! The crate is layered: [`model`] holds the roadmap as data and reads and writes its RON files;
//! [`analysis`] validates it and derives what the views show; [`ui`] draws the views and [`app`]
//! wires them together. Tests and benchmarks reach everything through this crate.

pub mod action;
pub mod analysis;
pub mod app;
pub mod bundled;
pub mod cli;
pub mod diagnostic;
pub mod document;
pub mod edit;
pub mod export;
pub mod fonts;
pub mod generate;
pub mod git;
pub mod history;
pub mod i18n;
pub mod model;
pub mod recovery;
pub mod ui;
pub mod versions;
pub mod watch;
