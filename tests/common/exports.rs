//! What the export tests share: the bundled roadmap, one export's bytes, and texts with their
//! line breaks and spaces taken out.

use waymark::document::Document;
use waymark::export::{self, Options, Output};

/// The bundled roadmap.
pub fn bundled() -> Document {
    waymark::bundled::open().expect("the bundled roadmap opens")
}

/// The one file `options` export `doc` as.
pub fn bytes(doc: &Document, options: &Options) -> Vec<u8> {
    match export::export(doc, options).expect("exports") {
        Output::File(bytes) => bytes,
        Output::Files(_) => panic!("one file expected"),
    }
}

/// All of a picture's text with its line breaks and spaces taken out, for finding a wrapped
/// text whole.
pub fn joined(texts: &[String]) -> String {
    texts.concat().split_whitespace().collect()
}

/// `text` without its spaces and line breaks.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}
