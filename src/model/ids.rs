//! Typed, checked identifiers.
//!
//! Every item in a roadmap has a stable string ID such as `"gap.2024.1-1"`. Each kind of item has its
//! own newtype, so a [`GapId`] can never be passed where a [`MeasureId`] is expected, and IDs never
//! go stale after a delete the way indices would. IDs are checked when they are deserialized.

use std::fmt;
use std::sync::Arc;

use serde::de::Visitor;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a string is not a valid ID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The string is empty.
    #[error("an ID may not be empty")]
    Empty,
    /// The string is longer than [`MAX_ID_LEN`].
    #[error("an ID may be at most {MAX_ID_LEN} characters long, this one has {0}")]
    TooLong(usize),
    /// The string contains a character outside `a-z`, `A-Z`, `0-9`, `.`, `-`, `_`.
    #[error("an ID may contain only ASCII letters, digits, '.', '-' and '_', found {0:?}")]
    BadChar(char),
}

/// The longest ID accepted.
pub const MAX_ID_LEN: usize = 128;

/// Checks that `s` is a valid item ID.
pub fn check_id(s: &str) -> Result<(), IdError> {
    let allowed = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_');
    if !s.is_empty() && s.len() <= MAX_ID_LEN && s.bytes().all(|b| allowed(&b)) {
        return Ok(());
    }
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    let len = s.chars().count();
    if len > MAX_ID_LEN {
        return Err(IdError::TooLong(len));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
    {
        return Err(IdError::BadChar(c));
    }
    Ok(())
}

macro_rules! id_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// The text is shared: cloning the ID (as every link, index entry and selection does)
        /// copies a pointer, not the text.
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl $name {
            /// Creates the ID after checking it.
            pub fn new(s: impl Into<String>) -> Result<Self, IdError> {
                let s = s.into();
                check_id(&s)?;
                Ok(Self(Arc::from(s)))
            }

            /// The ID as written in the file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(Checked(|s: &str| {
                    check_id(s)?;
                    Ok::<_, IdError>(Self(Arc::from(s)))
                }))
            }
        }
    };
}

id_newtype!(
    /// The ID of a roadmap as a whole.
    RoadmapId
);
id_newtype!(
    /// The ID of a source document.
    SourceId
);
id_newtype!(
    /// The ID of a value-chain stage (細胞保存, 細胞加工, …).
    StageId
);
id_newtype!(
    /// The ID of a target state (目指すべき姿).
    TargetId
);
id_newtype!(
    /// The ID of a theme (項目) with its overarching issue (大論点).
    ThemeId
);
id_newtype!(
    /// The ID of a gap (小論点, or one of the 2018 gaps).
    GapId
);
id_newtype!(
    /// The ID of a measure (対応案, proposal action, programme 事業).
    MeasureId
);
id_newtype!(
    /// The ID of a proposal (提言).
    ProposalId
);
id_newtype!(
    /// The ID of a KPI.
    KpiId
);
id_newtype!(
    /// The ID of a budget line.
    BudgetId
);
id_newtype!(
    /// The ID of a dated event.
    EventId
);
id_newtype!(
    /// The ID of a named scenario.
    ScenarioId
);
id_newtype!(
    /// The ID of a presentation.
    PresentationId
);
id_newtype!(
    /// The ID of a note in the roadmap (a context statement such as 現状・特殊性).
    NoteId
);

/// A ministry or agency code, written as the documents write it: `文`, `厚`, `経`, `内`, `外` …
///
/// Codes are short: one to eight characters, no whitespace, no punctuation used as separators
/// (`・`, `、`, `,`).
///
/// Like the IDs, the text is shared between clones.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MinistryCode(Arc<str>);

/// Why a string is not a valid ministry code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MinistryCodeError {
    /// The code is empty.
    #[error("a ministry code may not be empty")]
    Empty,
    /// The code is longer than eight characters.
    #[error(
        "a ministry code is a short form such as \"文\" or \"厚\", at most 8 characters; {0:?} is longer"
    )]
    TooLong(String),
    /// The code contains whitespace or a list separator.
    #[error(
        "a ministry code may not contain whitespace or separators such as '・' or '、', found {0:?}"
    )]
    BadChar(char),
}

impl MinistryCode {
    /// Creates the code after checking it.
    pub fn new(s: impl Into<String>) -> Result<Self, MinistryCodeError> {
        let s = s.into();
        if s.is_empty() {
            return Err(MinistryCodeError::Empty);
        }
        if s.chars().count() > 8 {
            return Err(MinistryCodeError::TooLong(s));
        }
        if let Some(c) = s.chars().find(|c| {
            c.is_whitespace() || matches!(c, '・' | '、' | ',' | '，' | '(' | ')' | '（' | '）')
        }) {
            return Err(MinistryCodeError::BadChar(c));
        }
        Ok(Self(Arc::from(s)))
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MinistryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for MinistryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for MinistryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Checked(|s: &str| Self::new(s)))
    }
}

/// Reads a string and checks it with the function inside, straight from the text that was
/// read: no `String` is made on the way.
struct Checked<F>(F);

impl<T, E: fmt::Display, F: FnOnce(&str) -> Result<T, E>> Visitor<'_> for Checked<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<Er: serde::de::Error>(self, s: &str) -> Result<T, Er> {
        (self.0)(s).map_err(Er::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(GapId::new("gap.2024.1-1").is_ok());
        assert_eq!(GapId::new(""), Err(IdError::Empty));
        assert_eq!(GapId::new("gap 1"), Err(IdError::BadChar(' ')));
        assert_eq!(GapId::new("小論点"), Err(IdError::BadChar('小')));
        assert_eq!(GapId::new("a".repeat(129)), Err(IdError::TooLong(129)));
    }

    #[test]
    fn ids_deserialize_through_the_check() {
        let ok: MeasureId = ron::from_str("\"m.1\"").expect("valid id");
        assert_eq!(ok.as_str(), "m.1");
        let err = ron::from_str::<MeasureId>("\"m 1\"").expect_err("space is refused");
        assert!(err.to_string().contains("ASCII letters"), "{err}");
    }

    #[test]
    fn ministry_codes_accept_any_short_code() {
        for code in ["文", "厚", "経", "内", "外", "統", "総", "農", "AMED"] {
            assert!(MinistryCode::new(code).is_ok(), "{code}");
        }
        assert_eq!(
            MinistryCode::new("内・文"),
            Err(MinistryCodeError::BadChar('・'))
        );
        assert_eq!(MinistryCode::new(""), Err(MinistryCodeError::Empty));
    }
}
