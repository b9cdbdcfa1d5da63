//! Parse errors in the words of someone who writes roadmaps: `ron` names the Rust types it was
//! reading ("expected opening `(` for struct `FileDoc`"); here each becomes what it is in a
//! roadmap file ("expected `(` to open the file's contents", "in a gap").

use super::limits::MAX_NESTING;

/// A `ron` error as a diagnostic's message.
pub(super) fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::ExceededRecursionLimit => {
            format!("values are nested deeper than the limit of {MAX_NESTING}")
        }
        E::ExpectedNamedStructLike(name) => format!("expected `(` to open {}", thing(name)),
        E::ExpectedStructName(name) => format!("expected `(` to open {}", thing(name)),
        E::ExpectedStructLike => "expected `(`".to_owned(),
        E::ExpectedDifferentStructName { expected, found } => format!(
            "expected `(` to open {}, without a name before it; found the name `{found}`",
            thing(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}; expected {}",
            within(outer.as_deref()),
            one_of(expected, "no fields")
        ),
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}`{}", within(outer.as_deref()))
        }
        E::DuplicateStructField { field, outer } => format!(
            "field `{field}` is written twice{}",
            within(outer.as_deref())
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = match outer {
                Some(name) => format!("`{found}` is not {}", thing(name)),
                None => format!("`{found}` is not expected here"),
            };
            format!("{what}; expected {}", one_of(expected, "nothing here"))
        }
        E::InvalidValueForType { expected, found } => {
            format!(
                "expected {}, found {}",
                expected_words(expected),
                found_words(found)
            )
        }
        E::ExpectedDifferentLength { expected, found } => {
            let found = match found {
                0 => "none".to_owned(),
                1 => "one value".to_owned(),
                n => format!("{n} values"),
            };
            format!("expected {}, found {found}", expected_words(expected))
        }
        E::ExpectedFloat => "expected a number".to_owned(),
        E::ExpectedIdentifier => "expected a name".to_owned(),
        E::ExpectedOption => "expected `Some(…)` or `None`".to_owned(),
        E::ExpectedUnit => "expected `()`".to_owned(),
        E::ExpectedChar => "expected a character in single quotes".to_owned(),
        E::SuggestRawIdentifier(name) => {
            format!("`{name}` cannot be written as a plain name here; write `r#{name}`")
        }
        E::UnclosedLineComment => {
            "a comment at the end of the file must end with a new line".to_owned()
        }
        E::ExpectedRawValue => "expected a value".to_owned(),
        other => sentence_case(&other.to_string()),
    }
}

/// `text` with its first letter in lower case, to follow `line:col: error:`.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// " in a gap", after a field, for the struct named `outer`; nothing when unknown.
fn within(outer: Option<&str>) -> String {
    outer.map_or_else(String::new, |name| format!(" in {}", thing(name)))
}

/// "one of `a`, `b` or `c`", "`a`", or `none` when the list is empty.
fn one_of(names: &[&str], none: &str) -> String {
    match names {
        [] => none.to_owned(),
        [one] => format!("`{one}`"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {} or `{last}`", init.join(", "))
        }
    }
}

/// What a type of the schema is in a roadmap file, with an article: `Gap` is "a gap". A type
/// not listed is "a value", so that no Rust name ever reaches a message.
fn thing(type_name: &str) -> &'static str {
    match type_name {
        "FileDoc" => "the file's contents",
        "Header" => "the roadmap header",
        "Source" => "a source",
        "SourceRef" => "a source reference",
        "Ministry" => "a ministry",
        "Stage" => "a stage",
        "TargetState" => "a target state",
        "Note" => "a note",
        "NoteKind" => "a note kind",
        "Theme" => "a theme",
        "Category" => "a category",
        "Gap" => "a gap",
        "Measure" => "a measure",
        "MeasureKind" => "a measure kind",
        "Status" => "a status",
        "OverseasExample" => "an overseas example",
        "Proposal" => "a proposal",
        "Kpi" => "a KPI",
        "KpiKind" => "a KPI kind",
        "KpiTarget" => "a KPI target",
        "KpiLatest" => "a KPI's latest value",
        "KpiActual" => "a KPI actual",
        "Comparison" => "a comparison",
        "Budget" => "a budget",
        "Event" => "an event",
        "EventKind" => "an event kind",
        "Scenario" => "a scenario",
        "ScenarioOverride" => "a scenario override",
        "Presentation" => "a presentation",
        "Step" => "a presentation step",
        "Zoom" => "a step's zoom",
        "Link" => "a link",
        "LinkKind" => "a link kind",
        "Role" => "a role",
        "Provenance" => "a provenance (`Stated`, `Editorial` or `Assumed`)",
        "FySpan" => "a span of fiscal years",
        "When" => "a date",
        _ => "a value",
    }
}

/// What serde says it expected (`struct Gap`, `u32`, `a sequence`) in roadmap words.
fn expected_words(expected: &str) -> String {
    // The derived forms name a type after a Rust keyword; some add a count.
    for keyword in [
        "tuple struct ",
        "struct variant ",
        "tuple variant ",
        "struct ",
        "enum ",
    ] {
        if let Some(rest) = expected.strip_prefix(keyword) {
            let (name, count) = match rest.split_once(" with ") {
                Some((name, count)) => (name, Some(count)),
                None => (rest, None),
            };
            let name = name.rsplit("::").next().unwrap_or(name);
            return match count {
                Some(count) => format!("{} with {count}", thing(name)),
                None => thing(name).to_owned(),
            };
        }
    }
    match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
            "a whole number, not negative".to_owned()
        }
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a sequence" => "a list `[…]`".to_owned(),
        "option" => "`Some(…)` or `None`".to_owned(),
        "variant identifier" => "the name of a variant".to_owned(),
        "field identifier" => "the name of a field".to_owned(),
        other => other.to_owned(),
    }
}

/// What `ron` says it found instead ("a newtype struct", "the unsigned integer 5") in roadmap
/// words.
fn found_words(found: &str) -> String {
    const NUMBERS: [&str; 3] = [
        "the unsigned integer ",
        "the signed integer ",
        "the floating point number ",
    ];
    for prefix in NUMBERS {
        if let Some(number) = found.strip_prefix(prefix) {
            return format!("the number {number}");
        }
    }
    match found {
        "a newtype struct" => "a value in parentheses".to_owned(),
        "a unit value" => "`()`".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a unit variant" | "an enum" => "a name".to_owned(),
        "a newtype variant" | "a tuple variant" | "a struct variant" => {
            "a name with values in parentheses".to_owned()
        }
        "an optional value" => "`Some(…)` or `None`".to_owned(),
        other => other.replace("the UTF-8 character", "the character"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that name Rust rather than a roadmap.
    const RUST_WORDS: [&str; 8] = [
        "FileDoc",
        "struct",
        "enum",
        "newtype",
        "ron::",
        "u32",
        "MeasureKind",
        "identifier",
    ];

    fn assert_plain(message: &str) {
        for word in RUST_WORDS {
            assert!(!message.contains(word), "{message:?} names {word:?}");
        }
    }

    #[test]
    fn the_file_s_own_parenthesis_is_named_as_such() {
        let e = ron::Error::ExpectedNamedStructLike("FileDoc");
        assert_eq!(
            describe_ron_error(&e),
            "expected `(` to open the file's contents"
        );
        let e = ron::Error::ExpectedNamedStructLike("Note");
        assert_eq!(describe_ron_error(&e), "expected `(` to open a note");
    }

    #[test]
    fn fields_and_variants_are_named_by_what_they_belong_to() {
        let e = ron::Error::NoSuchStructField {
            expected: &["id", "title", "start_fy"],
            found: "titel".to_owned(),
            outer: Some("Header".to_owned()),
        };
        assert_eq!(
            describe_ron_error(&e),
            "unknown field `titel` in the roadmap header; expected one of `id`, `title` or `start_fy`"
        );
        let e = ron::Error::NoSuchEnumVariant {
            expected: &["Response", "Programme"],
            found: "Banana".to_owned(),
            outer: Some("MeasureKind".to_owned()),
        };
        assert_eq!(
            describe_ron_error(&e),
            "`Banana` is not a measure kind; expected one of `Response` or `Programme`"
        );
        let e = ron::Error::MissingStructField {
            field: "name_en",
            outer: Some("Ministry".to_owned()),
        };
        assert_eq!(
            describe_ron_error(&e),
            "missing field `name_en` in a ministry"
        );
    }

    #[test]
    fn no_rust_name_reaches_a_message() {
        let errors = [
            ron::Error::ExpectedNamedStructLike("FileDoc"),
            ron::Error::ExpectedNamedStructLike("SomethingNew"),
            ron::Error::ExpectedStructName("Gap".to_owned()),
            ron::Error::ExpectedDifferentStructName {
                expected: "Gap",
                found: "Gapp".to_owned(),
            },
            ron::Error::DuplicateStructField {
                field: "number",
                outer: Some("Theme".to_owned()),
            },
            ron::Error::NoSuchEnumVariant {
                expected: &["AddressedBy"],
                found: "Via".to_owned(),
                outer: Some("LinkKind".to_owned()),
            },
            ron::Error::InvalidValueForType {
                expected: "struct Note".to_owned(),
                found: "a newtype struct".to_owned(),
            },
            ron::Error::InvalidValueForType {
                expected: "u32".to_owned(),
                found: "the signed integer `-1`".to_owned(),
            },
            ron::Error::InvalidValueForType {
                expected: "enum When".to_owned(),
                found: "a unit value".to_owned(),
            },
            ron::Error::ExpectedDifferentLength {
                expected: "tuple struct FySpan with 2 elements".to_owned(),
                found: 1,
            },
            ron::Error::UnclosedLineComment,
            ron::Error::ExpectedRawValue,
            ron::Error::ExpectedIdentifier,
            ron::Error::ExpectedFloat,
            ron::Error::ExceededRecursionLimit,
        ];
        for e in &errors {
            assert_plain(&describe_ron_error(e));
        }
        assert_eq!(
            describe_ron_error(&errors[9]),
            "expected a span of fiscal years with 2 elements, found one value"
        );
    }
}
