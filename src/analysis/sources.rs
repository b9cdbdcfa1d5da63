//! Provenance: every stated item quotes its source verbatim.
//!
//! An item the source states (`provenance: Stated`, and every note, theme, proposal and KPI) cites
//! its source document and the lines of it (`locator: "L93-99 項目1 小論点1"`); each of its quoted
//! texts must appear in those lines of the source's text file. Whitespace is ignored, since the
//! source texts wrap lines mid-sentence.
//!
//! The source texts are not part of a roadmap: they are read from a folder given by the user, by
//! the name in each source's `file:`. Every finding points at the item's quote (or its locator)
//! in its roadmap file.

use std::path::Path;

use foldhash::HashMap;

use super::MAX_DIAGNOSTICS;
use super::locate::{Key, Locator, Place};
use crate::diagnostic::{Diagnostic, Pos};
use crate::model::{
    FileId, FileSystem, ItemKind, MeasureKind, ParsedFile, Provenance, Roadmap, SourceRef,
};

/// A text of a stated item that must appear in the lines its source reference cites.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quotation<'a> {
    /// The kind of the quoting item.
    pub kind: ItemKind,
    /// The quoting item's ID.
    pub id: &'a str,
    /// The roadmap file the item is written in.
    pub origin: FileId,
    /// The field holding the text (`text`, `details`, `target` …).
    pub field: &'static str,
    /// The quoted text.
    pub text: &'a str,
    /// What the item cites.
    pub source: &'a SourceRef,
}

/// A stated item and its quoted texts, as a field name and the text.
struct Stated<'a> {
    kind: ItemKind,
    id: &'a str,
    origin: FileId,
    source: Option<&'a SourceRef>,
    quotes: Vec<(&'static str, &'a str)>,
}

/// Every stated item with the texts it quotes. Editorial and assumed items quote nothing.
fn stated_items<'a>(roadmap: &'a Roadmap) -> Vec<Stated<'a>> {
    let it = &roadmap.items;
    let mut out = Vec::new();
    let mut add = |kind: ItemKind,
                   id: &'a str,
                   origin: FileId,
                   source: Option<&'a SourceRef>,
                   provenance: Provenance,
                   quotes: Vec<(&'static str, &'a str)>| {
        if provenance == Provenance::Stated {
            out.push(Stated {
                kind,
                id,
                origin,
                source,
                quotes,
            });
        }
    };
    for t in &it.target_states {
        let quotes = vec![("text", t.text.as_str())];
        add(
            ItemKind::Target,
            t.id.as_str(),
            t.origin,
            t.source.as_ref(),
            t.provenance,
            quotes,
        );
    }
    for n in &it.notes {
        let quotes = vec![("text", n.text.as_str())];
        add(
            ItemKind::Note,
            n.id.as_str(),
            n.origin,
            n.source.as_ref(),
            Provenance::Stated,
            quotes,
        );
    }
    for t in &it.themes {
        let quotes = vec![("title", t.title.as_str()), ("issue", t.issue.as_str())];
        add(
            ItemKind::Theme,
            t.id.as_str(),
            t.origin,
            t.source.as_ref(),
            Provenance::Stated,
            quotes,
        );
    }
    for g in &it.gaps {
        let quotes = vec![("text", g.text.as_str())];
        add(
            ItemKind::Gap,
            g.id.as_str(),
            g.origin,
            g.source.as_ref(),
            g.provenance,
            quotes,
        );
    }
    for m in &it.measures {
        let mut quotes: Vec<_> = m.details.iter().map(|d| ("details", d.as_str())).collect();
        match m.kind {
            MeasureKind::Response | MeasureKind::ProposalAction => quotes.push(("text", &m.text)),
            MeasureKind::Programme | MeasureKind::Framework => {
                quotes.extend(m.title.as_deref().map(|t| ("title", t)));
            }
        }
        let as_written = m.ministries_as_written.as_deref();
        quotes.extend(as_written.map(|w| ("ministries_as_written", w)));
        add(
            ItemKind::Measure,
            m.id.as_str(),
            m.origin,
            m.source.as_ref(),
            m.provenance,
            quotes,
        );
    }
    for p in &it.proposals {
        let mut quotes = vec![("statement", p.statement.as_str())];
        quotes.extend(p.overseas.iter().map(|o| ("overseas", o.text.as_str())));
        add(
            ItemKind::Proposal,
            p.id.as_str(),
            p.origin,
            p.source.as_ref(),
            Provenance::Stated,
            quotes,
        );
    }
    for k in &it.kpis {
        let mut quotes = vec![("name", k.name.as_str())];
        quotes.extend(k.assessment.as_deref().map(|a| ("assessment", a)));
        quotes.extend(k.target.as_ref().map(|t| ("target", t.text.as_str())));
        quotes.extend(k.latest.as_ref().map(|l| ("latest", l.text.as_str())));
        add(
            ItemKind::Kpi,
            k.id.as_str(),
            k.origin,
            k.source.as_ref(),
            Provenance::Stated,
            quotes,
        );
    }
    for b in &it.budgets {
        let quotes = b.text.iter().map(|t| ("text", t.as_str())).collect();
        add(
            ItemKind::Budget,
            b.id.as_str(),
            b.origin,
            b.source.as_ref(),
            b.provenance,
            quotes,
        );
    }
    out
}

/// Every quotation of the roadmap's stated items that cite a source.
pub fn quotations(roadmap: &Roadmap) -> Vec<Quotation<'_>> {
    stated_items(roadmap)
        .into_iter()
        .filter_map(|s| Some((s.source?, s)))
        .flat_map(|(source, s)| {
            s.quotes.into_iter().map(move |(field, text)| Quotation {
                kind: s.kind,
                id: s.id,
                origin: s.origin,
                field,
                text,
                source,
            })
        })
        .collect()
}

/// Parses the line range at the start of a locator: `L12` or `L12-30`, followed by anything.
pub fn line_range(locator: &str) -> Option<(usize, usize)> {
    let rest = locator.strip_prefix('L')?;
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(rest.len());
    let range = &rest[..end];
    if let Some((from, to)) = range.split_once('-') {
        Some((from.parse().ok()?, to.parse().ok()?))
    } else {
        let line = range.parse().ok()?;
        Some((line, line))
    }
}

/// A source's text with its whitespace removed, and where each of its lines starts in it.
struct SourceText<'a> {
    /// The file name, as the source's `file:` gives it.
    file: &'a str,
    squashed: String,
    /// The offset in `squashed` of the start of each line, and the length of `squashed` last.
    line_starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    fn new(file: &'a str, text: &str) -> Self {
        let mut squashed = String::with_capacity(text.len());
        let mut line_starts = Vec::new();
        for line in text.lines() {
            line_starts.push(squashed.len());
            squashed.extend(line.chars().filter(|c| !c.is_whitespace()));
        }
        line_starts.push(squashed.len());
        Self {
            file,
            squashed,
            line_starts,
        }
    }

    fn line_count(&self) -> usize {
        self.line_starts.len() - 1
    }

    /// The squashed text of lines `from` to `to` (from 1, inclusive; within the file).
    fn lines(&self, from: usize, to: usize) -> &str {
        &self.squashed[self.line_starts[from - 1]..self.line_starts[to]]
    }

    /// The lines (from 1) of the first place the squashed `quote` is found, if anywhere.
    fn find(&self, quote: &str) -> Option<(usize, usize)> {
        let at = self.squashed.find(quote)?;
        let line_of = |offset: usize| self.line_starts.partition_point(|&s| s <= offset);
        Some((line_of(at), line_of(at + quote.len().max(1) - 1)))
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a source reference can be checked against.
enum Text<'a> {
    Read(SourceText<'a>),
    /// The source names no file.
    NoFile,
    /// The file could not be read; already reported.
    Unreadable,
}

/// Checks that every stated item cites a source, by a locator starting with a line range within
/// the source's text, and that each of its quoted texts appears in those lines. The source texts
/// are read from `dir` by the name in each source's `file:`.
pub fn check_sources(
    roadmap: &Roadmap,
    files: &[ParsedFile],
    fs: &dyn FileSystem,
    dir: &Path,
) -> Vec<Diagnostic> {
    let mut c = Checker {
        loc: Locator::new(files),
        out: Vec::new(),
        unplaced: 0,
    };
    let mut texts: HashMap<&str, Text<'_>> = HashMap::default();
    for s in &roadmap.items.sources {
        let Some(file) = s.file.as_deref() else {
            texts.entry(s.id.as_str()).or_insert(Text::NoFile);
            continue;
        };
        let path = dir.join(file);
        let read = fs
            .read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned()));
        let text = match read {
            Ok(text) => Text::Read(SourceText::new(file, &text)),
            Err(why) => {
                let at = At::new(s.origin, s.id.as_str());
                let message = format!(
                    "the text of source `{}` cannot be read from {}: {why}; expected the file in the folder of source texts",
                    s.id,
                    path.display()
                );
                c.error("no-source-text", &at, &["file:"], message);
                Text::Unreadable
            }
        };
        texts.entry(s.id.as_str()).or_insert(text);
    }
    for item in stated_items(roadmap) {
        c.item(&item, &texts);
    }
    let mut out = c.out;
    if c.unplaced > 0 {
        let entry = files
            .first()
            .map_or("<unknown file>", |f| f.display.as_str());
        out.push(Diagnostic::error(
            "too-many-diagnostics",
            entry,
            Pos::START,
            format!(
                "{} more error(s) are not shown; only the first {MAX_DIAGNOSTICS} findings are reported",
                c.unplaced
            ),
        ));
    }
    out.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    out.dedup();
    out
}

/// An item in its file.
struct At<'a> {
    origin: FileId,
    id: &'a str,
}

impl<'a> At<'a> {
    fn new(origin: FileId, id: &'a str) -> Self {
        Self { origin, id }
    }
}

struct Checker<'a> {
    loc: Locator<'a>,
    out: Vec<Diagnostic>,
    /// Findings past [`MAX_DIAGNOSTICS`].
    unplaced: usize,
}

impl Checker<'_> {
    fn error(&mut self, rule: &'static str, at: &At<'_>, needles: &[&str], message: String) {
        if self.out.len() >= MAX_DIAGNOSTICS {
            self.unplaced += 1;
            return;
        }
        let place: Place<'_> = self.loc.place(at.origin, &Key::Field("id", at.id), needles);
        let mut d = Diagnostic::error(rule, place.file, place.pos, message);
        d.snippet = place.snippet.map(str::to_owned);
        self.out.push(d);
    }

    fn item(&mut self, item: &Stated<'_>, texts: &HashMap<&str, Text<'_>>) {
        let noun = item.kind.noun();
        let at = At::new(item.origin, item.id);
        let Some(source) = item.source else {
            let message = format!(
                "{noun} `{}` is stated but cites no source to check its text against; add `source: (doc: …, locator: \"L…\")` or mark it Editorial",
                item.id
            );
            self.error("stated-without-source", &at, &[], message);
            return;
        };
        let doc = source.doc.as_str();
        let text = match texts.get(doc) {
            Some(Text::Read(text)) => text,
            Some(Text::Unreadable) => return,
            Some(Text::NoFile) => {
                let message = format!(
                    "source `{doc}` has no text file to check the {noun}'s quotations against; give the source a `file:`"
                );
                self.error("no-source-text", &at, &["source:", "doc:"], message);
                return;
            }
            None => {
                let message = format!(
                    "source `{doc}` does not exist, so the {noun}'s quotations cannot be checked; expected the ID of a source defined in this roadmap"
                );
                self.error("no-source-text", &at, &["source:", "doc:"], message);
                return;
            }
        };
        let Some((from, to)) = line_range(&source.locator) else {
            let message = format!(
                "locator {:?} does not start with a line range; expected `L12` or `L12-30` followed by anything",
                source.locator
            );
            self.error("bad-locator", &at, &["source:", "locator:"], message);
            return;
        };
        let lines = text.line_count();
        let why = if from == 0 {
            Some("starts at line 0; lines are counted from 1".to_owned())
        } else if to < from {
            Some("ends before it starts".to_owned())
        } else if to > lines {
            Some(format!("ends past the {lines} lines of {}", text.file))
        } else {
            None
        };
        if let Some(why) = why {
            let message = format!("line range L{from}-{to} {why}");
            self.error("bad-locator", &at, &["source:", "locator:"], message);
            return;
        }
        let cited = text.lines(from, to);
        let cited_lines = if from == to {
            format!("line {from}")
        } else {
            format!("lines {from}-{to}")
        };
        for (field, quote) in &item.quotes {
            let squashed = squash(quote);
            if cited.contains(&squashed) {
                continue;
            }
            let elsewhere = match text.find(&squashed) {
                Some((a, b)) if a == b => format!("; it is at line {a}"),
                Some((a, b)) => format!("; it is at lines {a}-{b}"),
                None => String::new(),
            };
            let message = format!(
                "the {noun}'s `{field}` \"{}\" is not in {} {cited_lines} (source `{doc}`); expected it there verbatim, whitespace aside{elsewhere}",
                abbreviate(quote),
                text.file
            );
            let literal = format!("\"{}\"", quote.escape_debug());
            let field_name = format!("{field}:");
            self.error("quote-mismatch", &at, &[&field_name, &literal], message);
        }
    }
}

/// The first characters of a long text, for a message.
fn abbreviate(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges_parse() {
        assert_eq!(line_range("L93-99 項目1"), Some((93, 99)));
        assert_eq!(line_range("L5"), Some((5, 5)));
        assert_eq!(line_range("L5（表）"), Some((5, 5)));
        assert_eq!(line_range("p.3"), None);
        assert_eq!(line_range("L"), None);
        assert_eq!(line_range("L3-"), None);
    }

    #[test]
    fn cited_lines_ignore_whitespace_and_quotes_are_found_elsewhere() {
        let text = SourceText::new("a.txt", "一行目の\n 文章です。\r\n\n三行 目\n");
        assert_eq!(text.line_count(), 4);
        assert_eq!(text.lines(1, 2), "一行目の文章です。");
        assert_eq!(text.lines(3, 3), "");
        assert_eq!(text.lines(4, 4), "三行目");
        assert_eq!(text.find("の文章"), Some((1, 2)));
        assert_eq!(text.find("三行"), Some((4, 4)));
        assert_eq!(text.find("四行"), None);
    }

    #[test]
    fn long_quotes_are_abbreviated() {
        assert_eq!(abbreviate("短い\n 文"), "短い 文");
        let long = "あ".repeat(50);
        assert_eq!(abbreviate(&long), format!("{}…", "あ".repeat(40)));
    }
}
