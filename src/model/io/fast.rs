//! A fast reader for the RON that roadmap files are written in.
//!
//! `ron` reads a roadmap at about 60 MB/s on one core: it decodes its input one `char` at a time
//! and checks the UTF-8 of every string again, although the whole file was checked when it was
//! read. This reader handles the part of RON that the canonical writer produces and that people
//! type by hand — unnamed structs, lists, tuples, strings with the usual escapes, decimal numbers,
//! `true`/`false`, `None`/`Some(…)` and implicit `Some`, enum variants, `//` comments and the
//! `#![enable(implicit_some)]` header — straight from the bytes of the already checked `&str`.
//!
//! On anything else, and on every error, it gives up ([`GaveUp`]) without saying why. The caller
//! then reads the text again with `ron`, which reads what is outside this subset and reports each
//! error with its position. So the one rule here: whatever this reader accepts, `ron` accepts
//! too, with the same value. Tests below compare the two on every bundled file, generated
//! roadmaps and mutated text; the fuzz target compares them on every input it tries.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};

/// The reader gave up: the text is outside its subset of RON, or wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GaveUp;

impl fmt::Display for GaveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the fast reader's subset of RON")
    }
}

impl std::error::Error for GaveUp {}

impl de::Error for GaveUp {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        GaveUp
    }
}

type Result<T> = std::result::Result<T, GaveUp>;

/// Nesting deeper than this gives up. `ron` counts at most two levels for each one counted here
/// (a struct and its field's value, a list and its element), so what this reader accepts stays
/// well inside `ron`'s own limit of [`super::MAX_NESTING`].
const MAX_DEPTH: usize = 16;

/// The only header attribute read here; `ron` is always run with `implicit_some` on, so it
/// changes nothing.
const IMPLICIT_SOME: &[u8] = b"#![enable(implicit_some)]";

/// Reads one value from `text`, which must hold nothing else but whitespace and comments.
pub(crate) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Result<T> {
    let mut reader = Reader {
        text,
        pos: 0,
        depth: 0,
    };
    reader.skip_ws()?;
    while reader.rest().starts_with(IMPLICIT_SOME) {
        reader.pos += IMPLICIT_SOME.len();
        reader.skip_ws()?;
    }
    let value = T::deserialize(&mut reader)?;
    reader.skip_ws()?;
    if reader.pos == text.len() {
        Ok(value)
    } else {
        Err(GaveUp)
    }
}

/// A string as read: borrowed from the text when it has no escapes.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

/// Reads RON from `text` at byte `pos`; between tokens, `pos` is always on a char boundary.
struct Reader<'de> {
    text: &'de str,
    pos: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn rest(&self) -> &'de [u8] {
        &self.text.as_bytes()[self.pos..]
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips ASCII whitespace and `//` comments. Block comments and other whitespace give up.
    fn skip_ws(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if bytes.get(self.pos + 1) == Some(&b'/') => {
                    // A comment that runs to the end of the text is left to `ron`.
                    let newline = memchr::memchr(b'\n', &bytes[self.pos + 2..]).ok_or(GaveUp)?;
                    self.pos += 2 + newline + 1;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Skips whitespace, then consumes `byte` or gives up.
    fn expect(&mut self, byte: u8) -> Result<()> {
        self.skip_ws()?;
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(GaveUp)
        }
    }

    /// After an element of a list, tuple or struct: skips whitespace and one comma, if any;
    /// then `close` must follow (it is not consumed) unless there was a comma.
    fn after_element(&mut self, close: u8) -> Result<()> {
        self.skip_ws()?;
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(())
            }
            Some(b) if b == close => Ok(()),
            _ => Err(GaveUp),
        }
    }

    /// Whether another element follows before `close`; skips whitespace.
    fn has_element(&mut self, close: u8) -> Result<bool> {
        self.skip_ws()?;
        Ok(self.peek() != Some(close))
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(GaveUp)
        } else {
            Ok(())
        }
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// An ASCII identifier. One followed by a non-ASCII char gives up: `ron` would take that
    /// char as part of the identifier when it is a letter.
    fn ident(&mut self) -> Result<&'de str> {
        self.skip_ws()?;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        match bytes.get(start) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {}
            _ => return Err(GaveUp),
        }
        let end = start
            + 1
            + bytes[start + 1..]
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                .unwrap_or(bytes.len() - start - 1);
        if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
            return Err(GaveUp);
        }
        self.pos = end;
        Ok(&self.text[start..end])
    }

    /// Whether the identifier `word` is next (not just a prefix of a longer one); consumes it
    /// if so.
    fn keyword(&mut self, word: &str) -> Result<bool> {
        let rest = self.rest();
        if !rest.starts_with(word.as_bytes()) {
            return Ok(false);
        }
        match rest.get(word.len()) {
            Some(b) if !b.is_ascii() => Err(GaveUp),
            Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => Ok(false),
            _ => {
                self.pos += word.len();
                Ok(true)
            }
        }
    }

    /// After a number: the next byte must end it, as `ron` would find the number to end there.
    fn number_ends(&self, at: usize) -> Result<()> {
        match self.text.as_bytes().get(at) {
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b')' | b']' | b'/') => Ok(()),
            Some(_) => Err(GaveUp),
        }
    }

    /// A decimal integer: an optional `-` (signed types only) and digits.
    fn integer<T: TryFrom<i64>>(&mut self, signed: bool) -> Result<T> {
        self.skip_ws()?;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let digits = start + usize::from(signed && bytes.get(start) == Some(&b'-'));
        let end = digits
            + bytes[digits..]
                .iter()
                .position(|b| !b.is_ascii_digit())
                .unwrap_or(bytes.len() - digits);
        // At most 18 digits always fit an i64; longer numbers are left to `ron`.
        if end == digits || end - digits > 18 {
            return Err(GaveUp);
        }
        self.number_ends(end)?;
        let value: i64 = self.text[start..end].parse().map_err(|_| GaveUp)?;
        let value = T::try_from(value).map_err(|_| GaveUp)?;
        self.pos = end;
        Ok(value)
    }

    /// A float as `ron` reads one: the run of digits, signs, `.` and exponents, parsed by `std`.
    /// Underscores, `inf`, `NaN` and suffixes are left to `ron`.
    fn float(&mut self) -> Result<f64> {
        self.skip_ws()?;
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let end = start
            + bytes[start..]
                .iter()
                .position(|b| {
                    !(b.is_ascii_digit() || matches!(b, b'e' | b'E' | b'.' | b'+' | b'-'))
                })
                .unwrap_or(bytes.len() - start);
        let literal = &self.text[start..end];
        if literal.is_empty() || literal.contains("..") {
            return Err(GaveUp);
        }
        self.number_ends(end)?;
        let value: f64 = literal.parse().map_err(|_| GaveUp)?;
        self.pos = end;
        Ok(value)
    }

    /// A `"…"` string with the escapes `\" \\ \' \n \r \t \0 \u{…}`.
    fn string(&mut self) -> Result<Text<'de>> {
        self.expect(b'"')?;
        let rest = &self.text[self.pos..];
        let bytes = rest.as_bytes();
        let end = memchr::memchr(b'"', bytes).ok_or(GaveUp)?;
        let Some(mut escape) = memchr::memchr(b'\\', &bytes[..end]) else {
            self.pos += end + 1;
            return Ok(Text::Borrowed(&rest[..end]));
        };
        let mut out = String::with_capacity(end);
        let mut from = 0;
        loop {
            out.push_str(&rest[from..escape]);
            let (c, len) = unescape(&bytes[escape + 1..]).ok_or(GaveUp)?;
            out.push(c);
            from = escape + 1 + len;
            let next = memchr::memchr2(b'"', b'\\', &bytes[from..]).ok_or(GaveUp)? + from;
            if bytes[next] == b'"' {
                out.push_str(&rest[from..next]);
                self.pos += next + 1;
                return Ok(Text::Owned(out));
            }
            escape = next;
        }
    }

    /// A list (`[…]`) or tuple (`(…)`): comma-separated elements between `open` and `close`.
    fn elements<V: Visitor<'de>>(&mut self, open: u8, close: u8, visitor: V) -> Result<V::Value> {
        self.expect(open)?;
        self.enter()?;
        let value = visitor.visit_seq(Elements {
            reader: &mut *self,
            close,
        })?;
        self.leave();
        self.expect(close)?;
        Ok(value)
    }
}

/// The char an escape stands for, from the bytes after its `\`, and how many of them it takes.
fn unescape(after: &[u8]) -> Option<(char, usize)> {
    let c = match after.first()? {
        b'"' => '"',
        b'\\' => '\\',
        b'\'' => '\'',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'0' => '\0',
        b'u' => {
            if after.get(1) != Some(&b'{') {
                return None;
            }
            let digits = after[2..]
                .iter()
                .take(6)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            if digits == 0 || after.get(2 + digits) != Some(&b'}') {
                return None;
            }
            let hex = std::str::from_utf8(&after[2..2 + digits]).ok()?;
            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            return Some((c, 2 + digits + 1));
        }
        _ => return None,
    };
    Some((c, 1))
}

macro_rules! integers {
    ($($method:ident $visit:ident $ty:ty, $signed:expr;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                visitor.$visit(self.integer::<$ty>($signed)?)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GaveUp;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GaveUp),
        }
    }

    integers! {
        deserialize_i8 visit_i8 i8, true;
        deserialize_i16 visit_i16 i16, true;
        deserialize_i32 visit_i32 i32, true;
        deserialize_i64 visit_i64 i64, true;
        deserialize_u8 visit_u8 u8, false;
        deserialize_u16 visit_u16 u16, false;
        deserialize_u32 visit_u32 u32, false;
        deserialize_u64 visit_u64 u64, false;
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_ws()?;
        if self.keyword("None")? {
            return visitor.visit_none();
        }
        let explicit = self.keyword("Some")?;
        if explicit {
            self.expect(b'(')?;
        }
        self.enter()?;
        let value = visitor.visit_some(&mut *self)?;
        self.leave();
        if explicit {
            self.after_element(b')')?;
            self.expect(b')')?;
        }
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.elements(b'[', b']', visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.elements(b'(', b')', visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // A struct written with its name is left to `ron`, which checks the name.
        self.expect(b'(')?;
        self.enter()?;
        let value = visitor.visit_map(Fields { reader: &mut *self })?;
        self.leave();
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_enum(&mut *self)?;
        self.leave();
        Ok(value)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf unit unit_struct newtype_struct tuple_struct map
        ignored_any
    }
}

/// The elements of a list or tuple, up to `close`.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GaveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.reader.has_element(self.close)? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.after_element(self.close)?;
        Ok(Some(value))
    }
}

/// The `name: value` fields of a struct, up to `)`.
struct Fields<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::MapAccess<'de> for Fields<'_, 'de> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.reader.has_element(b')')? {
            return Ok(None);
        }
        let name = self.reader.ident()?;
        self.reader.expect(b':')?;
        seed.deserialize(BorrowedStrDeserializer::new(name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.after_element(b')')?;
        Ok(value)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = GaveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.ident()?;
        let value = seed.deserialize(BorrowedStrDeserializer::new(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = GaveUp;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.expect(b'(')?;
        self.enter()?;
        let value = seed.deserialize(&mut *self)?;
        self.leave();
        self.after_element(b')')?;
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests;
