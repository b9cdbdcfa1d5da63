//! The HTML report's text is set in the bundled fonts, embedded as subsets holding exactly the
//! characters the report shows, so that it renders on a machine without Japanese fonts.

use base64::Engine;
use ttf_parser::{Face, GlyphId, Rect, Tag};
use waymark::analysis::labels;
use waymark::export::{self, Format, Options, Output};
use waymark::i18n::Lang;

fn html(lang: Lang) -> String {
    let doc = waymark::bundled::open().expect("the bundled roadmap opens");
    let options = Options {
        format: Format::Html,
        lang,
        ..Options::default()
    };
    match export::export(&doc, &options).expect("exports") {
        Output::File(bytes) => String::from_utf8(bytes).expect("UTF-8"),
        Output::Files(_) => panic!("one file expected"),
    }
}

/// The font the `@font-face` rule of `family` embeds.
fn embedded(html: &str, family: &str) -> Vec<u8> {
    let rule = format!("@font-face{{font-family:'{family}';src:url(data:font/ttf;base64,");
    let at = html.find(&rule).expect("the font is embedded") + rule.len();
    let end = at + html[at..].find(')').expect("the data ends");
    base64::engine::general_purpose::STANDARD
        .decode(&html[at..end])
        .expect("base64")
}

/// A glyph's outline box and advance.
fn shape(face: &Face<'_>, c: char) -> Option<(Option<Rect>, Option<u16>)> {
    let g: GlyphId = face.glyph_index(c)?;
    Some((face.glyph_bounding_box(g), face.glyph_hor_advance(g)))
}

/// The report as a reader sees it: its body without the inline pictures and markup.
fn shown_text(html: &str) -> String {
    let body = &html[html.find("<body>").expect("a body")..];
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = rest.find(['<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = if rest.starts_with("<svg") {
            rest.find("</svg>").expect("the picture ends") + 6
        } else {
            rest.find('>').expect("the tag ends") + 1
        };
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

#[test]
fn the_report_embeds_the_gothic_cut_down_to_exactly_the_characters_it_shows() {
    let doc = waymark::bundled::open().expect("the bundled roadmap opens");
    let r = &doc.roadmap;
    let bundled = Face::parse(waymark::fonts::BIZ_UDP_GOTHIC, 0).expect("the bundled font");
    for lang in [Lang::Ja, Lang::En] {
        let html = html(lang);
        let font = embedded(&html, "Waymark Gothic");
        assert!(
            font.len() < waymark::fonts::BIZ_UDP_GOTHIC.len() / 4,
            "{} bytes",
            font.len()
        );
        let face = Face::parse(&font, 0).expect("the subset is a font");
        // The tables a browser needs.
        for tag in [
            b"cmap", b"OS/2", b"head", b"hhea", b"hmtx", b"maxp", b"name", b"post", b"glyf",
            b"loca",
        ] {
            assert!(
                face.raw_face().table(Tag::from_bytes(tag)).is_some(),
                "{}",
                String::from_utf8_lossy(tag)
            );
        }
        let shown = shown_text(&html);
        // Every character of every item's text is drawn as the bundled font draws it.
        let items = r.items.refs();
        let texts: String = items
            .iter()
            .map(|item| labels::text(r, item, lang))
            .collect();
        for c in texts.chars() {
            if c.is_control() || matches!(c, '–' | '—') || bundled.glyph_index(c).is_none() {
                continue;
            }
            assert!(shown.contains(c), "{c} is shown");
            assert_eq!(shape(&face, c), shape(&bundled, c), "{c}");
        }
        // And nothing else: each character the subset maps is one the report shows.
        let mut mapped = 0;
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables {
                sub.codepoints(|code| {
                    let c = char::from_u32(code).expect("a character");
                    assert!(shown.contains(c), "{c} is mapped but not shown");
                    mapped += 1;
                });
            }
        }
        assert!(mapped > 100, "{mapped} characters");
        // A character the bundled font has and the report does not show is left out.
        let absent = ('\u{4E00}'..='\u{9FFF}')
            .find(|&c| bundled.glyph_index(c).is_some() && !shown.contains(c))
            .expect("a kanji the report does not use");
        assert_eq!(face.glyph_index(absent), None, "{absent}");
        assert!(
            html.contains("font-family:'Waymark Dashes','Waymark Gothic'"),
            "the text is set in the embedded fonts"
        );
    }
}

#[test]
fn dashes_come_from_their_own_subset_and_the_report_is_the_same_bytes_every_time() {
    let html = html(Lang::Ja);
    assert!(
        shown_text(&html).contains('–'),
        "spans are written with en dashes"
    );
    let dashes = embedded(&html, "Waymark Dashes");
    let dashes = Face::parse(&dashes, 0).expect("the subset is a font");
    assert!(dashes.glyph_index('–').is_some());
    assert!(dashes.glyph_index('あ').is_none());
    assert!(html.contains("unicode-range:U+2013}"));
    let gothic = embedded(&html, "Waymark Gothic");
    let gothic = Face::parse(&gothic, 0).expect("the subset is a font");
    assert!(
        gothic.glyph_index('–').is_none(),
        "drawn by the dashes font"
    );
    assert!(html == self::html(Lang::Ja), "the same bytes every time");
}
