//! What the tests of single views share: a bundled roadmap and its derived data for a filter and
//! a language.

// Each test binary includes this module and uses a part of it.
#![allow(dead_code)]

use waymark::analysis::derived::{Derived, Inputs};
use waymark::analysis::filter::Filter;
use waymark::i18n::Lang;
use waymark::model::Roadmap;

/// The bundled roadmap whose entry file is `entry`.
pub fn open(entry: &str) -> Roadmap {
    waymark::bundled::open_entry(entry)
        .unwrap_or_else(|e| panic!("{entry} loads: {:#?}", e.diagnostics))
        .roadmap
}

/// The default bundled roadmap.
pub fn bundled() -> Roadmap {
    open(waymark::bundled::ENTRY)
}

/// The derived data of `roadmap` for `filter` in `lang`, nothing selected.
pub fn derive(roadmap: &Roadmap, filter: Filter, lang: Lang) -> Derived {
    Derived::compute(
        roadmap,
        Inputs {
            filter,
            grouping: waymark::analysis::timeline::Grouping::default(),
            lang,
            selection: None,
            focus_steps: None,
        },
    )
}
