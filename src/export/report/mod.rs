//! The report: what a council member opens offline — every view's picture, the tables, the
//! coverage report, and every item's full text with its source citation — as one
//! self-contained HTML file ([`html`]) or as Markdown ([`markdown`], the same text without the
//! pictures).

mod html;
mod markdown;

use super::coverage;
use super::tables::{self, Table};
use crate::analysis::derived::Derived;
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{ItemKind, ItemRef, Provenance, Roadmap, SourceRef};

/// One item as the report lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Its ID.
    pub id: String,
    /// Its short tag (`小論点1-1`, `①`).
    pub tag: String,
    /// Its full text.
    pub text: String,
    /// Its source citation (document and locator); empty when it cites none.
    pub citation: String,
    /// Whether the source states it or an editor added it.
    pub provenance: Option<Provenance>,
}

/// The report's content in one language, ready for either writer.
pub struct Report<'a> {
    roadmap: &'a Roadmap,
    derived: &'a Derived,
    lang: Lang,
    tables: Vec<Table>,
}

/// The source an item cites, and whether the source states it (`None` for a source itself).
fn cited<'a>(roadmap: &'a Roadmap, item: &ItemRef) -> Option<(Option<&'a SourceRef>, Provenance)> {
    Some(match item {
        ItemRef::Source(_) => return None,
        ItemRef::Ministry(id) => (roadmap.ministry(id)?.source.as_ref(), Provenance::Stated),
        ItemRef::Stage(id) => (roadmap.stage(id)?.source.as_ref(), Provenance::Stated),
        ItemRef::Target(id) => {
            let t = roadmap.target(id)?;
            (t.source.as_ref(), t.provenance)
        }
        ItemRef::Note(id) => {
            let n = roadmap.note(id)?;
            (n.source.as_ref(), n.provenance)
        }
        ItemRef::Theme(id) => (roadmap.theme(id)?.source.as_ref(), Provenance::Stated),
        ItemRef::Gap(id) => {
            let g = roadmap.gap(id)?;
            (g.source.as_ref(), g.provenance)
        }
        ItemRef::Measure(id) => {
            let m = roadmap.measure(id)?;
            (m.source.as_ref(), m.provenance)
        }
        ItemRef::Proposal(id) => (roadmap.proposal(id)?.source.as_ref(), Provenance::Stated),
        ItemRef::Kpi(id) => {
            let k = roadmap.kpi(id)?;
            (k.source.as_ref(), k.provenance)
        }
        ItemRef::Budget(id) => {
            let b = roadmap.budget(id)?;
            (b.source.as_ref(), b.provenance)
        }
        ItemRef::Event(id) => {
            let e = roadmap.event(id)?;
            (e.source.as_ref(), e.provenance)
        }
    })
}

impl<'a> Report<'a> {
    /// The report of `roadmap` (under the scenario shown) with the views' `derived` data.
    pub fn new(roadmap: &'a Roadmap, derived: &'a Derived, lang: Lang) -> Self {
        Self {
            roadmap,
            derived,
            lang,
            tables: tables::all(roadmap, derived, lang),
        }
    }

    /// The roadmap's title in the report's language.
    fn title(&self) -> &str {
        match (self.lang, &self.roadmap.header.title_en) {
            (Lang::En, Some(en)) => en,
            _ => &self.roadmap.header.title,
        }
    }

    /// The horizon line under the title.
    fn horizon(&self) -> String {
        let h = &self.roadmap.header;
        format!(
            "{} FY{}–FY{}",
            self.lang.pick("対象期間", "Horizon"),
            h.start_fy,
            h.end_fy
        )
    }

    /// Every item of a kind, in file order, with its text and citation.
    fn entries(&self, kind: ItemKind) -> Vec<Entry> {
        let (roadmap, lang) = (self.roadmap, self.lang);
        roadmap
            .items
            .refs()
            .into_iter()
            .filter(|r| r.kind() == kind)
            .map(|r| {
                let cited = cited(roadmap, &r);
                Entry {
                    id: r.id_str().to_owned(),
                    tag: labels::tag(roadmap, &r, lang),
                    text: labels::text(roadmap, &r, lang),
                    citation: tables::citation(roadmap, cited.and_then(|c| c.0), lang),
                    provenance: cited.map(|c| c.1),
                }
            })
            .collect()
    }

    /// The kinds of item the report lists, each with its heading and items; kinds without items
    /// left out.
    fn kinds(&self) -> Vec<(&'static str, Vec<Entry>)> {
        ItemKind::ALL
            .iter()
            .map(|&k| (self.lang.pick(k.label_ja(), k.label_en()), self.entries(k)))
            .filter(|(_, e)| !e.is_empty())
            .collect()
    }

    /// The coverage report as titled lists of lines.
    fn coverage(&self) -> Vec<(String, Vec<String>)> {
        let (roadmap, lang) = (self.roadmap, self.lang);
        let c = &self.derived.coverage;
        let mut out: Vec<(String, Vec<String>)> = coverage::coverage_lists(c, lang)
            .into_iter()
            .map(|(title, items)| {
                let lines = items
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {}",
                            labels::tag(roadmap, r, lang),
                            labels::text(roadmap, r, lang)
                        )
                    })
                    .collect();
                (title.to_owned(), lines)
            })
            .collect();
        out.push((
            lang.pick("目標に遅れているKPI", "KPIs behind target")
                .to_owned(),
            c.lagging_kpis
                .iter()
                .map(|k| coverage::lagging_line(roadmap, k, lang))
                .collect(),
        ));
        out.push((
            lang.pick("府省庁ごとの担当施策数", "Measures per ministry")
                .to_owned(),
            c.load
                .iter()
                .map(|(code, l)| {
                    format!(
                        "{code}: {} ({}●/{}◎/{}○)",
                        l.total(),
                        l.lead,
                        l.co_lead,
                        l.support
                    )
                })
                .collect(),
        ));
        out
    }

    /// Section headings, in the report's language.
    fn heading(&self, section: Section) -> &'static str {
        let lang = self.lang;
        match section {
            Section::Pictures => lang.pick("図", "Views"),
            Section::Tables => lang.pick("表", "Tables"),
            Section::Coverage => lang.pick("カバレッジ", "Coverage"),
            Section::Items => lang.pick("全項目と出典", "Every item and its source"),
        }
    }

    /// The label of an entry's provenance and citation, as one line.
    fn cite_line(&self, e: &Entry) -> String {
        let lang = self.lang;
        let mut line = match e.provenance {
            Some(p) => tables::provenance(p, lang).to_owned(),
            None => String::new(),
        };
        if !e.citation.is_empty() {
            if !line.is_empty() {
                line.push_str(" · ");
            }
            line.push_str(lang.pick("出典: ", "Source: "));
            line.push_str(&e.citation);
        }
        line
    }
}

/// The report's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Pictures,
    Tables,
    Coverage,
    Items,
}
