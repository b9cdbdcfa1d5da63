//! Parse errors moved to where the mistake is, when the text shows it: `ron` reports an
//! unterminated string where the next string begins (two lines on, as "expected comma"), `80%`
//! as a missing comma, a missing field at the item's closing `)`, and a bad character of a
//! ministry code at the code's first character. One forward scan of the text up to the error
//! tells where strings and parentheses open; each case below is recognised from it.

use crate::diagnostic::Pos;

/// What one forward scan of the text up to an offset found.
struct Scan {
    /// The last string literal that closed before the offset: where its `"` opened and closed.
    last_string: Option<(usize, usize)>,
    /// Where the string the offset is inside opened, if it is inside one.
    open_string: Option<usize>,
    /// The `(` and `[` still open at the offset, innermost last.
    open_parens: Vec<usize>,
}

/// Scans `text` up to `upto`: strings with their escapes, `//` and `/* */` comments, brackets.
fn scan(text: &str, upto: usize) -> Scan {
    let bytes = text.as_bytes();
    let mut s = Scan {
        last_string: None,
        open_string: None,
        open_parens: Vec::new(),
    };
    let mut i = 0;
    while i < upto.min(bytes.len()) {
        match bytes[i] {
            b'"' => {
                let open = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= upto {
                    s.open_string = Some(open);
                    return s;
                }
                s.last_string = Some((open, i));
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'(' | b'[' => s.open_parens.push(i),
            b')' | b']' => {
                s.open_parens.pop();
            }
            _ => {}
        }
        i += 1;
    }
    s
}

/// A better position and message for a parse error `message` at `at` in `text`, where the text
/// shows what went wrong; otherwise the error as it was.
pub(super) fn refine(text: &str, at: Pos, message: String, code: &ron::Error) -> (Pos, String) {
    let offset = at.to_offset(text).min(text.len());
    let scanned = scan(text, offset);
    // A missing field: at the start of the item that lacks it, not at its closing `)`.
    if matches!(code, ron::Error::MissingStructField { .. })
        && text[offset..].starts_with(')')
        && let Some(&open) = scanned.open_parens.last()
    {
        let first = text[open + 1..]
            .find(|c: char| !c.is_whitespace())
            .map_or(open, |i| open + 1 + i);
        return (Pos::of_offset(text, first), message);
    }
    // A character refused inside a string (a ministry code's separator): at that character.
    if let Some(open) = scanned.open_string.or_else(|| {
        text[offset..]
            .starts_with('"')
            .then_some(offset)
            .or_else(|| (offset > 0 && text[..offset].ends_with('"')).then(|| offset - 1))
    }) && let Some(found) = found_char(&message)
    {
        let body_end = text[open + 1..]
            .find('"')
            .map_or(text.len(), |i| open + 1 + i);
        if let Some(i) = text[open + 1..body_end].find(found) {
            return (Pos::of_offset(text, open + 1 + i), message);
        }
    }
    // A number with something stuck to it: `80%`, which `ron` reads as a number and then wants a
    // comma.
    if is_syntax(code)
        && let Some((start, token)) = number_with_suffix(text, offset)
    {
        let message = if token.parse::<f64>().is_ok() {
            // `2030.5` where a whole number is expected: ron reads `2030` and wants a comma.
            format!("`{token}` is not a whole number; this field takes one, such as 2030")
        } else {
            format!("`{token}` is not a number; write the number alone, such as 80 or 80.5")
        };
        return (Pos::of_offset(text, start), message);
    }
    // A string that does not end on its line, most likely for a missing closing `"`: the next
    // string's opening quote closed it, and the error comes after.
    if is_syntax(code)
        && let Some((open, close)) = scanned.last_string
        && text[open..close].contains('\n')
    {
        let ends = Pos::of_offset(text, close).line;
        return (
            Pos::of_offset(text, open),
            format!(
                "this string does not end on its line; is its closing `\"` missing? (it runs on to line {ends})"
            ),
        );
    }
    (at, message)
}

/// Whether the error is about the shape of the text rather than about a value.
fn is_syntax(code: &ron::Error) -> bool {
    use ron::Error as E;
    matches!(
        code,
        E::ExpectedComma
            | E::ExpectedStructLikeEnd
            | E::ExpectedArrayEnd
            | E::ExpectedMapColon
            | E::ExpectedIdentifier
            | E::TrailingCharacters
            | E::UnexpectedChar(_)
            | E::ExpectedStructLike
    )
}

/// The character a message says was found: `…, found '・'`.
fn found_char(message: &str) -> Option<char> {
    let rest = &message[message.rfind("found '")? + "found '".len()..];
    let mut chars = rest.chars();
    let c = chars.next()?;
    (chars.next() == Some('\'')).then_some(c)
}

/// A number right before `offset` with something other than a delimiter at `offset`: its start
/// and the whole token (`80%`).
fn number_with_suffix(text: &str, offset: usize) -> Option<(usize, &str)> {
    let next = text[offset..].chars().next()?;
    if next.is_whitespace() || matches!(next, ',' | ')' | ']') {
        return None;
    }
    let before = &text[..offset];
    let start = before
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .map_or(0, |i| i + 1);
    let number = &before[start..];
    if number.is_empty() || !number.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let end = text[offset..]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ')' | ']'))
        .map_or(text.len(), |i| offset + i);
    Some((start, &text[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_character_a_message_found() {
        assert_eq!(
            found_char("may not contain separators such as '・', found '・'"),
            Some('・')
        );
        assert_eq!(found_char("expected comma"), None);
    }

    #[test]
    fn a_number_with_a_suffix_is_one_token() {
        let text = "(value: 80%,)";
        let at = text.find('%').expect("%");
        assert_eq!(number_with_suffix(text, at), Some((8, "80%")));
        assert_eq!(number_with_suffix(text, at + 1), None);
    }

    #[test]
    fn strings_and_brackets_are_scanned_with_escapes_and_comments() {
        let text = "( a: \"x\\\"(\", // (\n b: [\"y\n";
        let s = scan(text, text.len());
        assert_eq!(s.open_parens, vec![0, text.find('[').expect("[")]);
        assert_eq!(s.open_string, Some(text.rfind('"').expect("\"")));
        assert_eq!(s.last_string, Some((5, 10)));
    }
}
