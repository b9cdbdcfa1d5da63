//! The bundled fonts as the picture writers use them: which font and glyph draws each
//! character, how far it advances, and its outline. Text is laid out one glyph after another
//! (Japanese needs no shaping), so SVG, PDF and PNG place every glyph at the same spot.

use std::fmt::Write;
use std::sync::LazyLock;

use ttf_parser::{Face, GlyphId, OutlineBuilder};

use crate::fonts::{BIZ_UDP_GOTHIC, WAYMARK_DASHES};

/// Which bundled font draws a glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    /// BIZ `UDPGothic`.
    Gothic,
    /// Waymark Dashes (en and em dashes with a hyphen's stroke).
    Dashes,
}

impl FontId {
    /// The font file's bytes.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontId::Gothic => BIZ_UDP_GOTHIC,
            FontId::Dashes => WAYMARK_DASHES,
        }
    }
}

/// One glyph of a laid-out text.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The font.
    pub font: FontId,
    /// The glyph in it.
    pub glyph: u16,
    /// Its left edge from the text's start, in ems.
    pub x_em: f32,
    /// Its advance, in ems.
    pub advance_em: f32,
    /// The character's byte range in the text.
    pub range: std::ops::Range<usize>,
}

struct Faces {
    gothic: Face<'static>,
    dashes: Face<'static>,
}

static FACES: LazyLock<Option<Faces>> = LazyLock::new(|| {
    Some(Faces {
        gothic: Face::parse(BIZ_UDP_GOTHIC, 0).ok()?,
        dashes: Face::parse(WAYMARK_DASHES, 0).ok()?,
    })
});

fn face(font: FontId) -> Option<&'static Face<'static>> {
    let faces = FACES.as_ref()?;
    Some(match font {
        FontId::Gothic => &faces.gothic,
        FontId::Dashes => &faces.dashes,
    })
}

/// The font and glyph that draw `c`: the dashes font where it has the character, else the
/// gothic (its `.notdef` box where neither has it).
fn glyph_of(c: char) -> (FontId, GlyphId) {
    if let Some(g) = face(FontId::Dashes).and_then(|f| f.glyph_index(c)) {
        return (FontId::Dashes, g);
    }
    (
        FontId::Gothic,
        face(FontId::Gothic)
            .and_then(|f| f.glyph_index(c))
            .unwrap_or(GlyphId(0)),
    )
}

/// The bundled font that draws `c`.
pub fn font_of(c: char) -> FontId {
    glyph_of(c).0
}

/// The advance of `glyph` of `font`, in ems.
fn advance_em(font: FontId, glyph: GlyphId) -> f32 {
    face(font).map_or(0.5, |f| {
        f32::from(f.glyph_hor_advance(glyph).unwrap_or(0)) / f32::from(f.units_per_em())
    })
}

/// `text` laid out on one line: each character's glyph and place. Line breaks and tabs are
/// laid out as spaces.
pub fn layout(text: &str) -> Vec<Placed> {
    let mut x = 0.0;
    text.char_indices()
        .map(|(i, c)| {
            let shown = if c.is_whitespace() && c != '\u{3000}' {
                ' '
            } else {
                c
            };
            let (font, glyph) = glyph_of(shown);
            let advance = advance_em(font, glyph);
            let placed = Placed {
                font,
                glyph: glyph.0,
                x_em: x,
                advance_em: advance,
                range: i..i + c.len_utf8(),
            };
            x += advance;
            placed
        })
        .collect()
}

/// The width of `text` on one line, in ems.
pub fn width_em(text: &str) -> f32 {
    text.chars()
        .map(|c| {
            let (font, glyph) = glyph_of(c);
            advance_em(font, glyph)
        })
        .sum()
}

/// The font's units per em.
pub fn units_per_em(font: FontId) -> f32 {
    face(font).map_or(1000.0, |f| f32::from(f.units_per_em()))
}

/// SVG path data of a glyph's outline, in font units with y up; empty for a blank glyph.
pub fn outline_svg(font: FontId, glyph: u16) -> String {
    struct Svg(String);
    impl OutlineBuilder for Svg {
        fn move_to(&mut self, x: f32, y: f32) {
            write!(self.0, "M{x} {y}").ok();
        }
        fn line_to(&mut self, x: f32, y: f32) {
            write!(self.0, "L{x} {y}").ok();
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            write!(self.0, "Q{x1} {y1} {x} {y}").ok();
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            write!(self.0, "C{x1} {y1} {x2} {y2} {x} {y}").ok();
        }
        fn close(&mut self) {
            self.0.push('Z');
        }
    }
    let mut out = Svg(String::new());
    if let Some(f) = face(font) {
        f.outline_glyph(GlyphId(glyph), &mut out);
    }
    out.0
}

/// Characters a line never starts with (Japanese closing marks and small kana, Latin closing
/// punctuation).
const NO_LINE_START: &str =
    "、。，．・：；？！）」』】〕｝〉》ー～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}%";

/// Whether a line may break between `prev` and `c`: after a space, before a character that is
/// not part of a Latin word (Japanese breaks between any two characters) unless it may not start
/// a line, and where a Latin word follows Japanese.
fn may_break(prev: char, c: char) -> bool {
    let latin = |c: char| c.is_ascii_graphic();
    if prev.is_whitespace() {
        return true;
    }
    if c.is_whitespace() || NO_LINE_START.contains(c) {
        return false;
    }
    !latin(c) || !latin(prev)
}

/// Breaks `text` into lines no wider than `max_em`: at the last place a line may break
/// ([`may_break`]: at spaces, and between Japanese characters), between any two characters where
/// a word is wider than the line, keeping explicit line breaks.
pub fn wrap(text: &str, max_em: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut width = 0.0;
        // The byte length of the line at the last place it may break.
        let mut last_break: Option<usize> = None;
        let mut prev: Option<char> = None;
        for c in paragraph.chars() {
            let (font, glyph) = glyph_of(c);
            let w = advance_em(font, glyph);
            if prev.is_some_and(|p| may_break(p, c)) {
                last_break = Some(line.len());
            }
            if width + w > max_em && !line.is_empty() && !c.is_whitespace() {
                let at = last_break.filter(|&at| at > 0).unwrap_or(line.len());
                let rest = line[at..].trim_start().to_owned();
                line.truncate(at);
                lines.push(line.trim_end().to_owned());
                line = rest;
                width = width_em(&line);
                last_break = None;
            }
            line.push(c);
            width += w;
            prev = Some(c);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_wraps_between_characters_and_latin_at_spaces() {
        let lines = wrap("再生医療等製品の創出", 4.0);
        assert_eq!(lines.concat(), "再生医療等製品の創出");
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            assert!(width_em(l) <= 4.0 + 1e-3, "{l}");
        }
        let lines = wrap("gene therapy products", 8.0);
        assert!(lines.iter().all(|l| !l.starts_with(' ')), "{lines:?}");
        assert_eq!(lines.join(" "), "gene therapy products");
        assert_eq!(wrap("a\nb", 10.0), ["a", "b"]);
        let lines = wrap("in vivo遺伝子治療を研究対象とすることに加え", 6.0);
        assert!(lines[0].starts_with("in vivo"), "{lines:?}");
        let lines = wrap("あ、い、う、え、お、か、き、く、け、こ、さ、し、す", 2.6);
        assert!(lines.len() > 4, "{lines:?}");
        assert!(
            lines.iter().all(|l| !l.starts_with('、')),
            "no line starts with a comma: {lines:?}"
        );
    }

    #[test]
    fn dashes_come_from_the_dashes_font_and_kanji_from_the_gothic() {
        let placed = layout("A–再");
        assert_eq!(placed[0].font, FontId::Gothic);
        assert_eq!(placed[1].font, FontId::Dashes);
        assert_eq!(placed[2].font, FontId::Gothic);
        assert_ne!(placed[2].glyph, 0, "the gothic has 再");
        assert!(placed[2].x_em > placed[1].x_em);
        assert!(!outline_svg(FontId::Gothic, placed[2].glyph).is_empty());
    }
}
