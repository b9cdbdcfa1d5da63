//! A subset of a bundled font as a web font, for the HTML report: only the glyphs of the
//! characters given, as a TrueType font a browser accepts. The glyphs, metrics and names come
//! from the same subsetter the PDF's font goes through (which leaves out the character map, as a
//! PDF has its own); the subset gains a character map for exactly those characters and the
//! original `OS/2` table, as browsers require both. The same characters give the same bytes.

use std::collections::BTreeSet;

use ttf_parser::Face;

use super::ExportError;
use super::font::FontId;

/// A table of a font: its tag and data.
type Table = ([u8; 4], Vec<u8>);

fn error(what: &str) -> ExportError {
    ExportError::Font(what.to_owned())
}

/// The tables of the font `data` (a single font, not a collection).
fn tables(data: &[u8]) -> Result<Vec<Table>, ExportError> {
    let u16_at = |at: usize| {
        data.get(at..at + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
    };
    let u32_at = |at: usize| {
        data.get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let count = u16_at(4).ok_or_else(|| error("no table directory"))?;
    (0..usize::from(count))
        .map(|k| {
            let record = 12 + 16 * k;
            let tag = data
                .get(record..record + 4)
                .and_then(|t| <[u8; 4]>::try_from(t).ok());
            let (offset, length) = (u32_at(record + 8), u32_at(record + 12));
            match (tag, offset, length) {
                (Some(tag), Some(offset), Some(length)) => data
                    .get(offset..offset + length)
                    .map(|d| (tag, d.to_vec()))
                    .ok_or_else(|| error("a table lies outside the font")),
                _ => Err(error("a table record is cut short")),
            }
        })
        .collect()
}

/// A `cmap` table mapping each character of `map` (sorted) to its glyph: format 4 for the
/// characters of the Basic Multilingual Plane and format 12 for all, as Windows and browsers read.
fn cmap(map: &[(char, u16)]) -> Result<Vec<u8>, ExportError> {
    // Runs of characters following each other whose glyphs follow each other too.
    let mut runs: Vec<(u32, u32, u16)> = Vec::new();
    for &(c, glyph) in map {
        let c = u32::from(c);
        match runs.last_mut() {
            Some((start, end, first))
                if *end + 1 == c && u32::from(*first) + (c - *start) == u32::from(glyph) =>
            {
                *end = c;
            }
            _ => runs.push((c, c, glyph)),
        }
    }
    let bmp: Vec<(u32, u32, u16)> = runs.iter().copied().filter(|r| r.1 <= 0xFFFE).collect();
    // Format 4: the runs, then the closing segment at U+FFFF.
    let segments = bmp.len() + 1;
    let mut f4 = Vec::new();
    let length = u16::try_from(16 + 8 * segments)
        .map_err(|_| error("too many characters for a format 4 character map"))?;
    let search = 2 * (1u16 << (segments as u16).ilog2());
    for v in [
        4u16,
        length,
        0,
        2 * segments as u16,
        search,
        search.ilog2() as u16 - 1,
        2 * segments as u16 - search,
    ] {
        f4.extend(v.to_be_bytes());
    }
    f4.extend(bmp.iter().flat_map(|r| (r.1 as u16).to_be_bytes()));
    f4.extend(0xFFFFu16.to_be_bytes());
    f4.extend(0u16.to_be_bytes());
    f4.extend(bmp.iter().flat_map(|r| (r.0 as u16).to_be_bytes()));
    f4.extend(0xFFFFu16.to_be_bytes());
    f4.extend(
        bmp.iter()
            .flat_map(|r| r.2.wrapping_sub(r.0 as u16).to_be_bytes()),
    );
    f4.extend(1u16.to_be_bytes());
    f4.extend(std::iter::repeat_n(0u8, 2 * segments));
    // Format 12: every run as a group.
    let mut f12 = Vec::new();
    f12.extend(12u16.to_be_bytes());
    f12.extend(0u16.to_be_bytes());
    f12.extend((16 + 12 * runs.len() as u32).to_be_bytes());
    f12.extend(0u32.to_be_bytes());
    f12.extend((runs.len() as u32).to_be_bytes());
    for &(start, end, glyph) in &runs {
        f12.extend(start.to_be_bytes());
        f12.extend(end.to_be_bytes());
        f12.extend(u32::from(glyph).to_be_bytes());
    }
    let mut out = Vec::new();
    out.extend(0u16.to_be_bytes());
    out.extend(2u16.to_be_bytes());
    let first = 4 + 2 * 8;
    for (platform, encoding, offset) in [(3u16, 1u16, first), (3, 10, first + f4.len())] {
        out.extend(platform.to_be_bytes());
        out.extend(encoding.to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
    }
    out.extend(f4);
    out.extend(f12);
    Ok(out)
}

/// The sum of `data` as big-endian 32-bit words, as a font's checksums are.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, word| {
        let mut w = [0u8; 4];
        w[..word.len()].copy_from_slice(word);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// A TrueType font of `tables`, sorted by tag, with its checksums.
fn assemble(mut tables: Vec<Table>) -> Vec<u8> {
    tables.sort_by_key(|(tag, _)| *tag);
    let count = tables.len() as u16;
    let search = 16 * (1u16 << count.ilog2());
    let mut out = Vec::new();
    out.extend(0x0001_0000u32.to_be_bytes());
    for v in [count, search, count.ilog2() as u16, 16 * count - search] {
        out.extend(v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend(tag);
        out.extend(checksum(data).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    // The head table's checkSumAdjustment makes the whole font sum to a set value.
    if let Some(at) = head_at.map(|h| h + 8)
        && out.len() >= at + 4
    {
        out[at..at + 4].fill(0);
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// `font` cut down to the glyphs of `chars` (those it has), as a TrueType web font.
pub fn subset(font: FontId, chars: &BTreeSet<char>) -> Result<Vec<u8>, ExportError> {
    let data = font.bytes();
    let face = Face::parse(data, 0).map_err(|e| ExportError::Font(e.to_string()))?;
    let mut remapper = subsetter::GlyphRemapper::new();
    let map: Vec<(char, u16)> = chars
        .iter()
        .filter_map(|&c| Some((c, remapper.remap(face.glyph_index(c)?.0))))
        .collect();
    let glyphs =
        subsetter::subset(data, 0, &remapper).map_err(|e| ExportError::Font(format!("{e:?}")))?;
    let os2 = face
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"OS/2"))
        .ok_or_else(|| error("the font has no OS/2 table"))?;
    let mut tables = tables(&glyphs)?;
    tables.retain(|(tag, _)| tag != b"cmap" && tag != b"OS/2");
    tables.push((*b"cmap", cmap(&map)?));
    tables.push((*b"OS/2", os2.to_vec()));
    Ok(assemble(tables))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_character_maps_give_each_character_its_glyph_and_no_other() {
        // Runs of following characters and glyphs, a character whose glyph breaks its run, one
        // beyond the Basic Multilingual Plane and one sharing another's glyph.
        let map = [
            ('A', 1),
            ('B', 2),
            ('C', 3),
            ('E', 4),
            ('F', 9),
            ('あ', 5),
            ('い', 6),
            ('漢', 7),
            ('😀', 8),
            ('字', 7),
        ];
        let mut sorted = map.to_vec();
        sorted.sort_unstable();
        let data = cmap(&sorted).expect("a character map");
        let table = ttf_parser::cmap::Table::parse(&data).expect("it parses");
        let subtables: Vec<_> = table.subtables.into_iter().collect();
        assert_eq!(subtables.len(), 2);
        for sub in &subtables {
            assert!(sub.is_unicode());
            let beyond = matches!(sub.format, ttf_parser::cmap::Format::SegmentedCoverage(_));
            for (c, glyph) in map {
                let want = (beyond || u32::from(c) <= 0xFFFF).then_some(ttf_parser::GlyphId(glyph));
                assert_eq!(sub.glyph_index(u32::from(c)), want, "{c}");
            }
            for absent in ['D', 'G', '@', 'う'] {
                assert_eq!(sub.glyph_index(u32::from(absent)), None, "{absent}");
            }
        }
    }
}
