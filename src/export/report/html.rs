//! The report as one self-contained HTML file: no scripts, no network; the pictures are inline
//! SVG whose text is drawn as glyph outlines of the bundled font (so they look the same
//! anywhere), the text is set in a subset of the bundled fonts embedded as web fonts (exactly the
//! characters the report shows, so it renders on a machine without Japanese fonts), and tables
//! keep the source's merged cells as `rowspan`.

use std::collections::BTreeSet;
use std::fmt::Write;

use base64::Engine;

use super::{Report, Section};
use crate::action::Tab;
use crate::export::font::{FontId, font_of};
use crate::export::scene::Scene;
use crate::export::svg::{self, escape};
use crate::export::tables::{Cell, ColumnKind, Table};
use crate::export::{ExportError, webfont};

/// The page's style: readable on screen and in print, tables ruled, pictures scaled to the page.
const STYLE: &str = "body{font-family:'Waymark Dashes','Waymark Gothic','BIZ UDPGothic','Hiragino Sans','Yu Gothic','Noto Sans CJK JP',sans-serif;\
margin:2em auto;max-width:1200px;padding:0 1em;color:#202228;line-height:1.5}\
h1{font-size:1.6em}h2{border-bottom:2px solid #c8ccd4;margin-top:2em}\
table{border-collapse:collapse;margin:1em 0;font-size:.85em}\
th,td{border:1px solid #c8ccd4;padding:.3em .5em;vertical-align:top;white-space:pre-wrap}\
th{background:#e4e9f1;position:sticky;top:0}td.mark{text-align:center}\
figure{margin:1em 0;overflow-x:auto}figure svg{max-width:100%;height:auto}\
.id{color:#6a6e78;font-size:.8em}.cite{color:#6a6e78;font-size:.85em}\
dl dt{font-weight:bold;margin-top:.6em}dl dd{margin-left:1.5em}";

/// The characters a reader sees in `body`: its text outside tags and inline pictures (whose
/// text is drawn as outlines), entities decoded.
fn visible_chars(body: &str) -> BTreeSet<char> {
    let mut chars = BTreeSet::new();
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        let skip = match c {
            '<' if rest.starts_with("<svg") => rest.find("</svg>").map_or(rest.len(), |k| k + 6),
            '<' => rest.find('>').map_or(rest.len(), |k| k + 1),
            '&' if rest.find(';').is_some() => {
                let end = rest.find(';').unwrap_or(0);
                chars.extend(match &rest[1..end] {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    _ => None,
                });
                end + 1
            }
            c => {
                if !c.is_control() {
                    chars.insert(c);
                }
                c.len_utf8()
            }
        };
        rest = &rest[skip..];
    }
    chars
}

/// `@font-face` rules embedding the bundled fonts cut down to `chars`: the dashes font for the
/// dashes it draws, the gothic for the rest.
fn font_faces(chars: &BTreeSet<char>) -> Result<String, ExportError> {
    let mut out = String::new();
    for (font, family) in [
        (FontId::Dashes, "Waymark Dashes"),
        (FontId::Gothic, "Waymark Gothic"),
    ] {
        let own: BTreeSet<char> = chars
            .iter()
            .copied()
            .filter(|&c| font_of(c) == font)
            .collect();
        if own.is_empty() {
            continue;
        }
        let data = base64::engine::general_purpose::STANDARD.encode(webfont::subset(font, &own)?);
        let range: Vec<String> = own
            .iter()
            .map(|&c| format!("U+{:X}", u32::from(c)))
            .collect();
        let _ = write!(
            out,
            "@font-face{{font-family:'{family}';src:url(data:font/ttf;base64,{data}) format('truetype');"
        );
        if font == FontId::Dashes {
            let _ = write!(out, "unicode-range:{}", range.join(","));
        }
        out.push('}');
    }
    Ok(out)
}

/// The HTML id of a section.
fn anchor(section: Section) -> &'static str {
    match section {
        Section::Pictures => "views",
        Section::Tables => "tables",
        Section::Coverage => "coverage",
        Section::Items => "items",
    }
}

/// `table` with its merged cells spanned.
fn table_html(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for c in &table.columns {
        let _ = write!(out, "<th>{}</th>", escape(&c.title));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in table.rows.iter().enumerate() {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let merge = table
                .merges
                .iter()
                .find(|m| m.column == c && (m.first..=m.last).contains(&r));
            let span = match merge {
                Some(m) if m.first != r => continue,
                Some(m) => format!(r#" rowspan="{}""#, m.last - m.first + 1),
                None => String::new(),
            };
            let class = match (table.columns[c].kind, cell) {
                (ColumnKind::Id, _) => r#" class="id""#,
                (ColumnKind::Mark, _) | (_, Cell::Number(_)) => r#" class="mark""#,
                _ => "",
            };
            let _ = write!(
                out,
                "<td{span}{class}>{}</td>",
                escape(&cell.text()).replace("&#10;", "<br>")
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

impl Report<'_> {
    /// A section's heading, with the id the contents link to.
    fn section_heading(&self, out: &mut String, section: Section) {
        let _ = writeln!(
            out,
            "<h2 id=\"{}\">{}</h2>",
            anchor(section),
            self.heading(section)
        );
    }

    /// The report as HTML, with `pictures` (each view and its scene) inline and the fonts cut
    /// down to the characters shown.
    pub fn html(&self, pictures: &[(Tab, Scene)]) -> Result<String, ExportError> {
        let lang = self.lang;
        let title = escape(self.title());
        let body = self.html_body(pictures);
        let mut chars = visible_chars(&body);
        chars.extend(visible_chars(&title));
        Ok(format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>{}{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
            lang.pick("ja", "en"),
            font_faces(&chars)?,
        ))
    }

    /// What the report's `<body>` holds.
    fn html_body(&self, pictures: &[(Tab, Scene)]) -> String {
        let lang = self.lang;
        let title = escape(self.title());
        let mut out = String::new();
        let _ = writeln!(out, "<h1>{title}</h1>\n<p>{}</p>", escape(&self.horizon()));
        let sections = [
            Section::Pictures,
            Section::Tables,
            Section::Coverage,
            Section::Items,
        ];
        out.push_str("<nav><ul>\n");
        for s in sections {
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a></li>",
                anchor(s),
                self.heading(s)
            );
        }
        out.push_str("</ul></nav>\n");
        self.section_heading(&mut out, Section::Pictures);
        for (view, scene) in pictures {
            let _ = writeln!(
                out,
                "<figure>\n<figcaption><h3>{}</h3></figcaption>",
                escape(view.label(lang))
            );
            let picture = svg::write(scene);
            // Inline SVG takes no XML declaration.
            let body = picture
                .split_once("?>\n")
                .map_or(picture.as_str(), |(_, rest)| rest);
            out.push_str(body);
            out.push_str("</figure>\n");
        }
        self.section_heading(&mut out, Section::Tables);
        for table in &self.tables {
            let _ = writeln!(out, "<h3>{}</h3>", escape(&table.title));
            table_html(&mut out, table);
        }
        self.section_heading(&mut out, Section::Coverage);
        for (title, lines) in self.coverage() {
            let _ = writeln!(out, "<h3>{} ({})</h3>\n<ul>", escape(&title), lines.len());
            for line in lines {
                let _ = writeln!(out, "<li>{}</li>", escape(&line));
            }
            out.push_str("</ul>\n");
        }
        self.section_heading(&mut out, Section::Items);
        for (kind, entries) in self.kinds() {
            let _ = writeln!(out, "<h3>{} ({})</h3>\n<dl>", escape(kind), entries.len());
            for e in &entries {
                let _ = writeln!(
                    out,
                    "<dt id=\"{id}\">{} <span class=\"id\">{id}</span></dt>\n<dd>{}",
                    escape(&e.tag),
                    escape(&e.text).replace("&#10;", "<br>"),
                    id = escape(&e.id),
                );
                let cite = self.cite_line(e);
                if !cite.is_empty() {
                    let _ = write!(out, "<br><span class=\"cite\">{}</span>", escape(&cite));
                }
                out.push_str("</dd>\n");
            }
            out.push_str("</dl>\n");
        }
        out
    }
}
