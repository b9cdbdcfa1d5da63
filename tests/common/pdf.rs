//! Enough of a PDF reader to see what each page of an exported PDF says: the objects found
//! through the cross-reference table, the pages in order, and the text each page draws, mapped
//! back to characters through its fonts' `ToUnicode` maps (as a reader's search does).

use std::collections::HashMap;
use std::io::Read;

/// One object: its text up to its stream, and the stream's data, inflated where compressed.
struct Object {
    dict: String,
    stream: Option<Vec<u8>>,
}

/// A parsed PDF.
pub struct Pdf {
    objects: HashMap<u32, Object>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The object number of the reference after `key` in `dict` (`/Contents 18 0 R` gives 18).
fn reference(dict: &str, key: &str) -> Option<u32> {
    let after = dict.split(key).nth(1)?.trim_start_matches([' ', '[']);
    after
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Every `N 0 R` in `text`, in order.
fn references(text: &str) -> Vec<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(3)
        .filter(|w| w[1] == "0" && w[2].starts_with('R'))
        .filter_map(|w| {
            w[0].trim_start_matches(|c: char| !c.is_ascii_digit())
                .parse()
                .ok()
        })
        .collect()
}

impl Pdf {
    /// Reads `bytes`, each object where the cross-reference table says it is.
    pub fn parse(bytes: &[u8]) -> Pdf {
        assert!(bytes.starts_with(b"%PDF-1."), "a PDF header");
        let text = String::from_utf8_lossy(bytes);
        assert!(text.trim_end().ends_with("%%EOF"));
        let start: usize = text
            .rsplit("startxref")
            .next()
            .and_then(|t| t.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .expect("startxref gives the table's offset");
        let table = String::from_utf8_lossy(&bytes[start..]);
        let mut lines = table.lines().skip(1);
        let mut header = lines
            .next()
            .expect("a subsection")
            .split_whitespace()
            .map(|n| n.parse::<u32>().expect("number"));
        let (first, count) = (header.next().expect("first"), header.next().expect("count"));
        assert!(count > 10, "{count} objects");
        let mut objects = HashMap::new();
        for (k, entry) in lines.take(count as usize).enumerate() {
            let fields: Vec<&str> = entry.split_whitespace().collect();
            if fields[2] != "n" {
                continue;
            }
            let number = first + k as u32;
            let offset: usize = fields[0].parse().expect("offset");
            let body = &bytes[offset..];
            assert!(body.starts_with(format!("{number} 0 obj").as_bytes()));
            let end = find(body, b"endobj").expect("the object ends");
            let (dict, stream) = match find(&body[..end], b"stream\n") {
                None => (String::from_utf8_lossy(&body[..end]).into_owned(), None),
                Some(at) => {
                    let dict = String::from_utf8_lossy(&body[..at]).into_owned();
                    let length = reference(&dict, "/Length ").expect("a length") as usize;
                    let data = &body[at + b"stream\n".len()..][..length];
                    let rest = &body[at + b"stream\n".len() + length..];
                    assert!(
                        find(rest, b"endstream").is_some_and(|k| k <= 2),
                        "the stream ends where its length says"
                    );
                    let data = if dict.contains("/FlateDecode") {
                        let mut out = Vec::new();
                        flate2::read::ZlibDecoder::new(data)
                            .read_to_end(&mut out)
                            .expect("the stream inflates");
                        out
                    } else {
                        data.to_vec()
                    };
                    (dict, Some(data))
                }
            };
            objects.insert(number, Object { dict, stream });
        }
        Pdf { objects }
    }

    /// Every stream's data, in the order of the objects' numbers.
    pub fn streams(&self) -> impl Iterator<Item = &[u8]> {
        let mut numbers: Vec<&u32> = self.objects.keys().collect();
        numbers.sort();
        numbers
            .into_iter()
            .filter_map(|n| self.objects[n].stream.as_deref())
    }

    fn object(&self, number: u32) -> &Object {
        self.objects.get(&number).expect("a referenced object")
    }

    /// The page objects, in order.
    pub fn pages(&self) -> Vec<u32> {
        let catalog = self
            .objects
            .values()
            .find(|o| o.dict.contains("/Type/Catalog"))
            .expect("a catalog");
        let pages = self.object(reference(&catalog.dict, "/Pages ").expect("its pages"));
        let kids = pages.dict.split("/Kids").nth(1).expect("kids");
        references(&kids[..kids.find(']').expect("a list")])
    }

    /// Character of each glyph code of the font object `font`, from its `ToUnicode` map.
    fn to_unicode(&self, font: u32) -> HashMap<u16, String> {
        let cmap = self.object(reference(&self.object(font).dict, "/ToUnicode ").expect("a map"));
        let text = String::from_utf8_lossy(cmap.stream.as_deref().expect("a stream")).into_owned();
        let hex = |h: &str| -> Vec<u16> {
            let h = h.trim_matches(|c| c == '<' || c == '>');
            (0..h.len() / 4)
                .map(|i| u16::from_str_radix(&h[4 * i..4 * i + 4], 16).expect("hex"))
                .collect()
        };
        let mut map = HashMap::new();
        let mut section = "";
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                [_, "beginbfchar"] => section = "char",
                [_, "beginbfrange"] => section = "range",
                ["endbfchar" | "endbfrange"] => section = "",
                [code, to] if section == "char" => {
                    let to = String::from_utf16(&hex(to)).expect("UTF-16");
                    map.insert(hex(code)[0], to);
                }
                [from, last, to] if section == "range" => {
                    let (from, last, to) = (hex(from)[0], hex(last)[0], hex(to));
                    for (k, code) in (from..=last).enumerate() {
                        let mut units = to.clone();
                        if let Some(unit) = units.last_mut() {
                            *unit += k as u16;
                        }
                        map.insert(code, String::from_utf16(&units).expect("UTF-16"));
                    }
                }
                _ => {}
            }
        }
        map
    }

    /// The texts page `page` draws, one for each text-showing operator, in drawing order.
    pub fn page_texts(&self, page: u32) -> Vec<String> {
        let dict = &self.object(page).dict;
        let resources = &self
            .object(reference(dict, "/Resources ").expect("resources"))
            .dict;
        let fonts_dict = resources.split("/Font<<").nth(1).unwrap_or_default();
        let fonts_dict = &fonts_dict[..fonts_dict.find(">>").unwrap_or(0)];
        let mut fonts = HashMap::new();
        for part in fonts_dict.split('/').skip(1) {
            let name = part.split_whitespace().next().unwrap_or_default();
            let number = references(part)[0];
            fonts.insert(name.to_owned(), self.to_unicode(number));
        }
        let content = self
            .object(reference(dict, "/Contents ").expect("contents"))
            .stream
            .as_deref()
            .expect("a content stream");
        let mut texts = Vec::new();
        let mut font: Option<&HashMap<u16, String>> = None;
        let mut name = String::new();
        let mut pending = String::new();
        let mut i = 0;
        while i < content.len() {
            match content[i] {
                b'(' | b'<' => {
                    let (codes, end) = if content[i] == b'(' {
                        literal(content, i)
                    } else {
                        hexadecimal(content, i)
                    };
                    let map = font.expect("a font is set");
                    for pair in codes.chunks(2) {
                        let code = u16::from_be_bytes([pair[0], pair[1]]);
                        pending.push_str(map.get(&code).map_or("\u{fffd}", String::as_str));
                    }
                    i = end;
                }
                b'/' => {
                    let end = content[i + 1..]
                        .iter()
                        .position(|c| !c.is_ascii_alphanumeric())
                        .map_or(content.len(), |k| i + 1 + k);
                    name = String::from_utf8_lossy(&content[i + 1..end]).into_owned();
                    i = end;
                }
                b'T' if content.get(i + 1) == Some(&b'f') => {
                    font = fonts.get(&name);
                    i += 2;
                }
                b'T' if matches!(content.get(i + 1), Some(b'j' | b'J')) => {
                    texts.push(std::mem::take(&mut pending));
                    i += 2;
                }
                _ => i += 1,
            }
        }
        texts
    }
}

/// The streams of a PDF, inflated where compressed, its objects checked against its
/// cross-reference table.
pub fn pdf_streams(pdf: &[u8]) -> Vec<Vec<u8>> {
    Pdf::parse(pdf).streams().map(<[u8]>::to_vec).collect()
}

/// The bytes of the hexadecimal string opening at `start`, and where it ends.
fn hexadecimal(content: &[u8], start: usize) -> (Vec<u8>, usize) {
    let end = start + find(&content[start..], b">").expect("the string ends");
    let digits: Vec<u8> = content[start + 1..end]
        .iter()
        .copied()
        .filter(u8::is_ascii_hexdigit)
        .collect();
    let bytes = digits
        .chunks(2)
        .map(|pair| {
            let pair = std::str::from_utf8(pair).expect("ASCII");
            u8::from_str_radix(&format!("{pair:0<2}"), 16).expect("hex")
        })
        .collect();
    (bytes, end + 1)
}

/// The bytes of the literal string opening at `start`, and where it ends.
fn literal(content: &[u8], start: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut i = start + 1;
    loop {
        match content[i] {
            b'\\' => {
                let next = content[i + 1];
                if next.is_ascii_digit() {
                    let digits = content[i + 1..]
                        .iter()
                        .take(3)
                        .take_while(|c| (b'0'..=b'7').contains(c))
                        .count();
                    let octal =
                        std::str::from_utf8(&content[i + 1..i + 1 + digits]).expect("ASCII");
                    out.push(u8::from_str_radix(octal, 8).expect("octal"));
                    i += 1 + digits;
                } else {
                    out.push(match next {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 8,
                        b'f' => 12,
                        other => other,
                    });
                    i += 2;
                }
            }
            b'(' => {
                depth += 1;
                out.push(b'(');
                i += 1;
            }
            b')' if depth == 0 => return (out, i + 1),
            b')' => {
                depth -= 1;
                out.push(b')');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
}
