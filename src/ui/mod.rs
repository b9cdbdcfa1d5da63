//! The views of the explorer, one module per view, each exposing a `*_ui` function that reads
//! state and pushes actions.

pub mod overview;
