//! Where the timeline's text goes so that nothing crosses it: lane titles wrapped at word
//! boundaries (between any two characters in Japanese) and shortened by whole words, today's line
//! broken around the text it meets, and the first clear place for a tag.
//!
//! Plain numbers and strings only; the width of a piece of text comes from a measuring function,
//! so that it can be tested without a window.

/// A box on screen: left, top, right, bottom.
pub type Boxed = [f64; 4];

/// The mark that ends a shortened title.
pub const ELLIPSIS: &str = "…";

/// A title wrapped into lines, and whether words were left out at its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wrapped {
    /// The lines, the last ending in [`ELLIPSIS`] when `elided`.
    pub lines: Vec<String>,
    /// Whether the title was shortened.
    pub elided: bool,
}

/// Whether a line may break next to `c` whatever its neighbour: Japanese and Chinese script,
/// kana and their punctuation.
fn breaks_anywhere(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF      // CJK radicals
        | 0x3000..=0x30FF    // CJK punctuation, hiragana, katakana
        | 0x3100..=0x9FFF    // CJK ideographs and the like
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF00..=0xFFEF) // full-width forms
}

/// The pieces a line may break between: a Latin word with the spaces after it, or one Japanese
/// character with any spaces after it.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let Some(&(j, next)) = chars.peek() else {
            break;
        };
        let end_here = if c.is_whitespace() {
            !next.is_whitespace()
        } else {
            breaks_anywhere(c) && !next.is_whitespace() || breaks_anywhere(next)
        };
        if end_here {
            out.push(&text[start..j]);
            start = j;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Splits one piece too wide for a line of its own into lines of as many characters as fit.
fn split_chars(piece: &str, max_width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for c in piece.trim_end().chars() {
        let mut candidate = line.clone();
        candidate.push(c);
        if !line.is_empty() && measure(&candidate) > max_width {
            lines.push(std::mem::take(&mut line));
            line.push(c);
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps `text` into at most `max_rows` lines no wider than `max_width` by `measure`, breaking
/// between words (and between Japanese characters), never inside a Latin word unless that word
/// alone is wider than a line. When the title needs more lines, the last one keeps as many whole
/// words as fit with [`ELLIPSIS`] after them.
pub fn wrap_title(
    text: &str,
    max_width: f64,
    max_rows: usize,
    measure: &dyn Fn(&str) -> f64,
) -> Wrapped {
    let max_rows = max_rows.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(text.trim()) {
        let candidate = format!("{line}{piece}");
        if measure(candidate.trim_end()) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(line.trim_end().to_owned());
        }
        if measure(piece.trim_end()) <= max_width {
            piece.clone_into(&mut line);
        } else {
            let mut parts = split_chars(piece, max_width, measure);
            line = parts.pop().unwrap_or_default();
            if piece.ends_with(char::is_whitespace) {
                line.push(' ');
            }
            lines.extend(parts);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    if lines.len() <= max_rows {
        return Wrapped {
            lines,
            elided: false,
        };
    }
    lines.truncate(max_rows);
    let last = lines.pop().unwrap_or_default();
    let mut kept: Vec<&str> = pieces(&last);
    let shortened = loop {
        let candidate = format!("{}{ELLIPSIS}", kept.concat().trim_end());
        if kept.is_empty() || measure(&candidate) <= max_width {
            break candidate;
        }
        kept.pop();
    };
    lines.push(shortened);
    Wrapped {
        lines,
        elided: true,
    }
}

/// Whether two boxes share more than an edge.
fn overlaps(a: Boxed, b: Boxed) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The stretches, top to bottom, of a vertical line at `x` from `top` to `bottom` that come no
/// nearer than `margin` to any of `boxes`.
pub fn line_segments(
    x: f64,
    (top, bottom): (f64, f64),
    boxes: &[Boxed],
    margin: f64,
) -> Vec<(f64, f64)> {
    let mut cuts: Vec<(f64, f64)> = boxes
        .iter()
        .filter(|b| b[0] - margin <= x && x <= b[2] + margin)
        .map(|b| (b[1] - margin, b[3] + margin))
        .filter(|&(lo, hi)| hi > top && lo < bottom)
        .collect();
    cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut y = top;
    for (lo, hi) in cuts {
        if lo > y {
            out.push((y, lo.min(bottom)));
        }
        y = y.max(hi);
        if y >= bottom {
            break;
        }
    }
    if y < bottom {
        out.push((y, bottom));
    }
    out
}

/// The first of `candidates` wholly inside `bounds` that crosses none of `obstacles`.
pub fn first_clear(candidates: &[Boxed], bounds: Boxed, obstacles: &[Boxed]) -> Option<usize> {
    candidates.iter().position(|c| {
        c[0] >= bounds[0]
            && c[1] >= bounds[1]
            && c[2] <= bounds[2]
            && c[3] <= bounds[3]
            && !obstacles.iter().any(|o| overlaps(*c, *o))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 10 wide, as in a monospaced font.
    fn mono(s: &str) -> f64 {
        10.0 * s.chars().count() as f64
    }

    #[test]
    fn english_wraps_between_words() {
        let w = wrap_title("Ministry of Health, Labour and Welfare", 100.0, 5, &mono);
        assert_eq!(w.lines, ["Ministry", "of Health,", "Labour and", "Welfare"]);
        assert!(!w.elided);
    }

    #[test]
    fn too_many_lines_drop_whole_words_for_an_ellipsis() {
        let w = wrap_title("Ministry of Health, Labour and Welfare", 100.0, 3, &mono);
        assert_eq!(w.lines, ["Ministry", "of Health,", "Labour…"]);
        assert!(w.elided);
        let w = wrap_title("Ministry of Health, Labour and Welfare", 100.0, 1, &mono);
        assert_eq!(w.lines, ["Ministry…"]);
    }

    #[test]
    fn japanese_wraps_between_any_characters() {
        let w = wrap_title("厚生労働省の施策", 30.0, 5, &mono);
        assert_eq!(w.lines, ["厚生労", "働省の", "施策"]);
        let w = wrap_title("厚生労働省の施策", 30.0, 2, &mono);
        assert_eq!(w.lines, ["厚生労", "働省…"]);
        assert!(w.elided);
    }

    #[test]
    fn a_latin_word_in_japanese_stays_whole() {
        let w = wrap_title("AMEDの事業", 50.0, 5, &mono);
        assert_eq!(w.lines, ["AMEDの", "事業"]);
    }

    #[test]
    fn only_a_word_wider_than_a_line_is_split() {
        let w = wrap_title("a Telecommunications b", 50.0, 9, &mono);
        assert_eq!(w.lines, ["a", "Telec", "ommun", "icati", "ons b"]);
    }

    #[test]
    fn a_title_that_fits_is_one_line() {
        let w = wrap_title("  Cabinet Office ", 200.0, 2, &mono);
        assert_eq!(w.lines, ["Cabinet Office"]);
        assert!(!w.elided);
    }

    #[test]
    fn the_line_breaks_around_boxes_it_crosses() {
        let boxes = [
            [0.0, 10.0, 20.0, 20.0],
            [30.0, 0.0, 40.0, 100.0],
            [5.0, 15.0, 8.0, 30.0],
        ];
        assert_eq!(
            line_segments(6.0, (0.0, 100.0), &boxes, 1.0),
            vec![(0.0, 9.0), (31.0, 100.0)]
        );
        assert_eq!(
            line_segments(25.0, (0.0, 100.0), &boxes, 1.0),
            vec![(0.0, 100.0)]
        );
        assert!(line_segments(35.0, (0.0, 100.0), &boxes, 1.0).is_empty());
    }

    #[test]
    fn a_tag_takes_the_first_clear_place() {
        let bounds = [0.0, 0.0, 100.0, 40.0];
        let obstacles = [[10.0, 0.0, 40.0, 16.0]];
        let candidates = [
            [30.0, 2.0, 60.0, 14.0],   // on a label
            [90.0, 20.0, 120.0, 32.0], // past the right edge
            [30.0, 20.0, 60.0, 32.0],
        ];
        assert_eq!(first_clear(&candidates, bounds, &obstacles), Some(2));
        assert_eq!(first_clear(&candidates[..2], bounds, &obstacles), None);
    }
}
