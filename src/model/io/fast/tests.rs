//! The fast reader against `ron`: on bundled, generated, hand-picked and mutated inputs.

use proptest::prelude::*;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{GaveUp, from_str};
use crate::model::io::ron_options;
use crate::model::{FileDoc, canonical_text};

fn with_ron<T: DeserializeOwned>(text: &str) -> Option<T> {
    ron_options().from_str(text).ok()
}

/// Whenever the fast reader reads `text`, `ron` reads the same value.
fn agrees<T: DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) -> bool {
    match from_str::<T>(text) {
        Ok(fast) => with_ron::<T>(text).as_ref() == Some(&fast),
        Err(GaveUp) => true,
    }
}

#[test]
fn reads_every_bundled_file_as_ron_does() {
    for (path, text) in crate::bundled::FILES {
        let fast: FileDoc =
            from_str(text).unwrap_or_else(|_| panic!("{path}: the fast reader gave up"));
        assert_eq!(with_ron(text).as_ref(), Some(&fast), "{path}");
    }
}

#[test]
fn reads_generated_roadmaps_as_ron_does() {
    let base = crate::bundled::open()
        .expect("bundled roadmap opens")
        .roadmap;
    for seed in [1, 2] {
        let roadmap = crate::generate::generate(&base, 2, seed).expect("generates");
        for (i, text) in canonical_text(&roadmap).iter().enumerate() {
            let fast: FileDoc = from_str(text)
                .unwrap_or_else(|_| panic!("seed {seed}, file {i}: the fast reader gave up"));
            assert_eq!(
                with_ron(text).as_ref(),
                Some(&fast),
                "seed {seed}, file {i}"
            );
        }
    }
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sample {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    n: Option<i32>,
    #[serde(default)]
    small: Option<u8>,
    #[serde(default)]
    x: Option<f64>,
    #[serde(default)]
    flag: Option<bool>,
    #[serde(default)]
    list: Vec<String>,
    #[serde(default)]
    kinds: Vec<Kind>,
    #[serde(default)]
    nested: Option<Box<Sample>>,
}

#[derive(Debug, PartialEq, Deserialize)]
enum Kind {
    Unit,
    Wrap(String),
    Pair(i32, u8),
    Named { a: i32 },
}

#[test]
fn reads_its_subset_as_ron_does() {
    for text in [
        "()",
        "  (  )  ",
        r#"(name: "a")"#,
        r#"(name: Some("a"))"#,
        r#"(name: Some( "a" , ))"#,
        "(name: None, n: None)",
        r#"(name: "a\"b\\c\'d\ne\tf\rg\0h\u{3042}i\u{1F600}j")"#,
        r#"(name: "再生・細胞医療\u{ff9e}")"#,
        "(name: \"two\nlines\")",
        "(n: -5, small: 255, x: 1.5e3, flag: true)",
        "(n: 007, x: 5, flag: false)",
        "(x: -0.25)",
        "(x: 2.)",
        r#"(list: ["a", "b",],)"#,
        "(list: [])",
        r#"(kinds: [Unit, Wrap("x"), Pair(-1, 2), Named(a: 3), Pair(1, 2,)])"#,
        "// a comment\n(\n  // another\n  name: \"a\", // and one more\n)\n",
        "#![enable(implicit_some)]\n(nested: (name: \"a\"))",
        "#![enable(implicit_some)] #![enable(implicit_some)] ()",
        "(nested: Some((nested: (n: 1))))",
    ] {
        let fast: Sample =
            from_str(text).unwrap_or_else(|_| panic!("the fast reader gave up on {text:?}"));
        assert_eq!(with_ron(text).as_ref(), Some(&fast), "{text:?}");
    }
}

#[test]
fn leaves_the_rest_of_ron_to_ron() {
    for text in [
        "/* block */ ()",
        "(x: 1_000.0)",
        "(n: 0x10)",
        "(n: +5)",
        r#"(name: r"raw")"#,
        r#"(name: "\x41")"#,
        "(name: \"one \\\n   line\")",
        "(x: inf)",
        "Sample(name: \"a\")",
        "(n: 1) // a comment at the very end",
        "#![enable(unwrap_newtypes)] ()",
        "(\u{2028}n: 1)",
    ] {
        assert_eq!(from_str::<Sample>(text), Err(GaveUp), "{text:?}");
        assert!(with_ron::<Sample>(text).is_some(), "ron reads {text:?}");
    }
}

#[test]
fn gives_up_on_errors() {
    for text in [
        "",
        "(",
        "\u{feff}()",
        r#"(name: "a" "b")"#,
        r#"(name: "unterminated)"#,
        r#"(name: "\u{}")"#,
        r#"(name: "\u{d800}")"#,
        r#"(name: "\q")"#,
        "(small: 256)",
        "(small: -1)",
        "(n: 1.5)",
        "(n: 99999999999)",
        "(n: 1e3)",
        "(x: 1..2)",
        "(unknown: 1)",
        "(n: 1, n: 2)",
        "(n: 1)x",
        r#"(list: ["a" "b"])"#,
        "(kinds: [Pair(1)])",
        "(kinds: [Pair(1, 2, 3)])",
        "(kinds: [Wrap])",
        "(kinds: [Named(b: 1)])",
        "(flag: yes)",
        "(n: 1,,)",
        "(nested: (nested: (nested: (nested: (nested: (nested: (nested: (nested: (nested: ())))))))))",
    ] {
        assert_eq!(from_str::<Sample>(text), Err(GaveUp), "{text:?}");
    }
    for text in [r#"(name: "a" "b")"#, "(small: 256)", "(n: 1)x", "(n: 1,,)"] {
        assert!(with_ron::<Sample>(text).is_none(), "ron refuses {text:?}");
    }
}

/// Snippets worth splicing into a file: RON's punctuation and the edges of the subset.
const SPLICES: &[&str] = &[
    "\"",
    "\\",
    ",",
    "(",
    ")",
    "[",
    "]",
    " ",
    "\n",
    "/",
    "//",
    "/*",
    ":",
    "-",
    ".",
    "e",
    "0",
    "_",
    "a",
    "あ",
    "Some(",
    "None",
    "\\u{",
    "\\'",
    "1e",
    "#![enable(implicit_some)]",
    "r#",
    "\u{2028}",
    "..",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A bundled file with a snippet spliced in, or a stretch cut out: whatever the fast
    /// reader reads from it, `ron` reads the same.
    #[test]
    fn mutated_files_read_as_ron_reads_them(
        file in 0..crate::bundled::FILES.len(),
        at in 0.0..1.0f64,
        cut in 0usize..40,
        splice in proptest::sample::select(SPLICES),
    ) {
        let text = crate::bundled::FILES[file].1;
        let start = text.floor_char_boundary((at * text.len() as f64) as usize);
        let end = text.floor_char_boundary(start + cut);
        let mutated = format!("{}{splice}{}", &text[..start], &text[end..]);
        let from = mutated.floor_char_boundary(start.saturating_sub(40));
        let to = mutated.floor_char_boundary(start + 80);
        prop_assert!(agrees::<FileDoc>(&mutated), "around {:?}", &mutated[from..to]);
    }
}
