//! The roadmap's tables, as the XLSX, CSV, HTML and Markdown exports write them: the
//! issue/response matrix, proposals with their actions and examples abroad, measures, KPIs with
//! targets and yearly actuals, and budgets. Every row keeps the ID of its item.
//!
//! Each row is whole (a theme's title is in every row of its gaps), so that a CSV row stands on
//! its own; [`Merge`]s say which cells the source table spans, for writers that can merge them.

use crate::analysis::derived::Derived;
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{
    ItemRef, KpiKind, Measure, MeasureKind, MinistryCode, Provenance, Roadmap, Role, SourceRef,
    circled,
};

mod issue_matrix;

pub use issue_matrix::matrix;

/// The tables' keys, in the order they are written: CSV file names and `--view` for one CSV.
pub const KEYS: [&str; 5] = ["matrix", "proposals", "measures", "kpis", "budgets"];

/// What a column holds, for writers that format it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// An item's ID.
    Id,
    /// Text, wrapped.
    Text,
    /// A short label or a role mark (●), not wrapped.
    Mark,
    /// A number.
    Number,
}

/// A column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its heading.
    pub title: String,
    /// What it holds.
    pub kind: ColumnKind,
}

/// A cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
}

impl Cell {
    /// The cell as text (numbers as written, without a trailing `.0`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => number(*n),
        }
    }
}

/// `n` as a person writes it: `12`, `3.5`.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Text, or [`Cell::Empty`] when there is none.
fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// A run of rows whose cells in one column the source table spans as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    /// The column.
    pub column: usize,
    /// First row of the run (from 0, not counting the heading).
    pub first: usize,
    /// Last row of the run (inclusive).
    pub last: usize,
}

/// A table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Its key: one of [`KEYS`].
    pub key: &'static str,
    /// Its title in the export's language (a sheet's name).
    pub title: String,
    /// Its columns.
    pub columns: Vec<Column>,
    /// Its rows, each as long as the columns.
    pub rows: Vec<Vec<Cell>>,
    /// Cells spanned as one.
    pub merges: Vec<Merge>,
}

fn col(title: &str, kind: ColumnKind) -> Column {
    Column {
        title: title.to_owned(),
        kind,
    }
}

/// The source citation of an item: document title and locator (`資料2 L34-39 …`).
pub fn citation(roadmap: &Roadmap, source: Option<&SourceRef>, lang: Lang) -> String {
    let Some(s) = source else {
        return String::new();
    };
    let title = roadmap.source(&s.doc).map_or_else(
        || s.doc.to_string(),
        |d| match (lang, &d.title_en) {
            (Lang::En, Some(en)) => en.clone(),
            _ => d.title.clone(),
        },
    );
    format!("{title} {}", s.locator)
}

/// The label of a provenance in `lang`.
pub fn provenance(p: Provenance, lang: Lang) -> &'static str {
    lang.pick(p.label_ja(), p.label_en())
}

/// The mark of a ministry's role: ● lead, ◎ co-lead, ○ support.
pub fn role_mark(role: Role) -> &'static str {
    match role {
        Role::Lead => "●",
        Role::CoLead => "◎",
        Role::Support => "○",
    }
}

/// Every table of `roadmap`, with the items `derived` shows (its filter applies).
pub fn all(roadmap: &Roadmap, derived: &Derived, lang: Lang) -> Vec<Table> {
    vec![
        matrix(roadmap, derived, lang),
        proposals(roadmap, derived, lang),
        measures(roadmap, derived, lang),
        kpis(roadmap, derived, lang),
        budgets(roadmap, derived, lang),
    ]
}

/// The ministries' codes and roles in `measure`, as `内(●) 文(○)`.
fn roles_of(derived: &Derived, measure: &ItemRef) -> String {
    derived
        .index
        .ministries_of_measure(measure)
        .map(|(m, role)| format!("{}{}", m.id_str(), role_mark(role)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a measure: its title and text, or its text alone.
fn measure_text(m: &Measure, lang: Lang, roadmap: &Roadmap) -> String {
    let r = ItemRef::Measure(m.id.clone());
    let shown = labels::text(roadmap, &r, lang);
    if shown == m.text {
        shown
    } else {
        format!("{shown}\n{}", m.text)
    }
}

/// Proposals with their gap, actions and examples abroad.
pub fn proposals(roadmap: &Roadmap, derived: &Derived, lang: Lang) -> Table {
    let columns = vec![
        col(lang.pick("提言", "Proposal"), ColumnKind::Mark),
        col(lang.pick("内容", "Statement"), ColumnKind::Text),
        col(lang.pick("ギャップ", "Gap"), ColumnKind::Text),
        col(lang.pick("アクション", "Actions"), ColumnKind::Text),
        col(lang.pick("府省庁", "Ministries"), ColumnKind::Mark),
        col(lang.pick("海外事例", "Examples abroad"), ColumnKind::Text),
        col(lang.pick("出典", "Source"), ColumnKind::Text),
        col("ID", ColumnKind::Id),
    ];
    let mut rows = Vec::new();
    for p in &roadmap.items.proposals {
        let r = ItemRef::Proposal(p.id.clone());
        if !derived.visible.contains(&r) {
            continue;
        }
        let gap = p.gap.as_ref().map_or_else(String::new, |g| {
            let g = ItemRef::Gap(g.clone());
            format!(
                "{} {}",
                labels::tag(roadmap, &g, lang),
                labels::text(roadmap, &g, lang)
            )
        });
        let actions: Vec<String> = p
            .actions
            .iter()
            .filter_map(|a| roadmap.measure(a))
            .map(|m| {
                format!(
                    "・{}",
                    labels::text(roadmap, &ItemRef::Measure(m.id.clone()), lang)
                )
            })
            .collect();
        let ministries: Vec<&str> = p.ministries.iter().map(MinistryCode::as_str).collect();
        let overseas: Vec<String> = p
            .overseas
            .iter()
            .map(|o| {
                let who: Vec<&str> = [o.country.as_deref(), o.organisation.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                if who.is_empty() {
                    format!("・{}", o.text)
                } else {
                    format!("・{}: {}", who.join(" "), o.text)
                }
            })
            .collect();
        rows.push(vec![
            text(format!(
                "{}{}",
                lang.pick("提言", "Proposal "),
                circled(p.number)
            )),
            text(labels::text(roadmap, &r, lang)),
            text(gap),
            text(actions.join("\n")),
            text(ministries.join(" ")),
            text(overseas.join("\n")),
            text(citation(roadmap, p.source.as_ref(), lang)),
            text(p.id.as_str()),
        ]);
    }
    Table {
        key: "proposals",
        title: lang.pick("提言", "Proposals").to_owned(),
        columns,
        rows,
        merges: Vec::new(),
    }
}

/// The name of a measure's kind.
pub fn kind_label(kind: &MeasureKind, lang: Lang) -> &'static str {
    match kind {
        MeasureKind::Response => lang.pick("対応案", "Response"),
        MeasureKind::ProposalAction => lang.pick("提言のアクション", "Proposal action"),
        MeasureKind::Programme => lang.pick("事業", "Programme"),
        MeasureKind::Framework => lang.pick("制度", "Framework"),
    }
}

/// Measures with their spans, ministries, status and the gaps they answer.
pub fn measures(roadmap: &Roadmap, derived: &Derived, lang: Lang) -> Table {
    let columns = vec![
        col(lang.pick("種類", "Kind"), ColumnKind::Mark),
        col(lang.pick("施策", "Measure"), ColumnKind::Text),
        col(lang.pick("期間", "Span"), ColumnKind::Mark),
        col(lang.pick("期間の根拠", "Span basis"), ColumnKind::Text),
        col(lang.pick("府省庁", "Ministries"), ColumnKind::Mark),
        col(lang.pick("状況", "Status"), ColumnKind::Mark),
        col(lang.pick("対応する論点", "Answers"), ColumnKind::Text),
        col(lang.pick("出典", "Source"), ColumnKind::Text),
        col("ID", ColumnKind::Id),
    ];
    let mut rows = Vec::new();
    for m in &roadmap.items.measures {
        let r = ItemRef::Measure(m.id.clone());
        if !derived.visible.contains(&r) {
            continue;
        }
        let span = m
            .span
            .as_ref()
            .map_or_else(String::new, ToString::to_string);
        let basis = m.span.as_ref().map_or_else(String::new, |s| {
            let mut out = provenance(s.weakest_provenance(), lang).to_owned();
            for b in [&s.basis, &s.end_basis].into_iter().flatten() {
                out.push_str(": ");
                out.push_str(b);
            }
            out
        });
        let gaps: Vec<String> = derived
            .index
            .gaps_of_measure(&r)
            .map(|g| labels::tag(roadmap, g, lang))
            .collect();
        rows.push(vec![
            text(kind_label(&m.kind, lang)),
            text(measure_text(m, lang, roadmap)),
            text(span),
            text(basis),
            text(roles_of(derived, &r)),
            text(lang.pick(m.status.label_ja(), m.status.label_en())),
            text(gaps.join(" ")),
            text(citation(roadmap, m.source.as_ref(), lang)),
            text(m.id.as_str()),
        ]);
    }
    Table {
        key: "measures",
        title: lang.pick("施策", "Measures").to_owned(),
        columns,
        rows,
        merges: Vec::new(),
    }
}

/// KPIs with their targets, latest values and one column per fiscal year of actuals.
pub fn kpis(roadmap: &Roadmap, derived: &Derived, lang: Lang) -> Table {
    let shown: Vec<_> = roadmap
        .items
        .kpis
        .iter()
        .filter(|k| derived.visible.contains(&ItemRef::Kpi(k.id.clone())))
        .collect();
    let mut years: Vec<i32> = shown
        .iter()
        .flat_map(|k| k.actuals.iter().map(|a| a.fy))
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut columns = vec![
        col("KPI", ColumnKind::Text),
        col(lang.pick("種類", "Kind"), ColumnKind::Mark),
        col(lang.pick("単位", "Unit"), ColumnKind::Mark),
        col(lang.pick("目標", "Target"), ColumnKind::Text),
        col(lang.pick("目標値", "Target value"), ColumnKind::Number),
        col(lang.pick("期限", "Deadline"), ColumnKind::Mark),
        col(lang.pick("最新値", "Latest"), ColumnKind::Text),
        col(lang.pick("評価", "Grade"), ColumnKind::Mark),
    ];
    for fy in &years {
        columns.push(col(&format!("FY{fy}"), ColumnKind::Number));
    }
    columns.push(col(lang.pick("出典", "Source"), ColumnKind::Text));
    columns.push(col("ID", ColumnKind::Id));
    let mut rows = Vec::new();
    for k in shown {
        let r = ItemRef::Kpi(k.id.clone());
        let kind = match k.kind {
            KpiKind::Output => lang.pick("アウトプット", "Output"),
            KpiKind::Outcome => lang.pick("アウトカム", "Outcome"),
        };
        let mut name = labels::text(roadmap, &r, lang);
        if let Some(c) = &k.condition {
            name.push('\n');
            name.push_str(c);
        }
        let mut cells = vec![
            text(name),
            text(kind),
            text(k.unit.clone()),
            text(
                k.target
                    .as_ref()
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
            ),
            k.target
                .as_ref()
                .map_or(Cell::Empty, |t| Cell::Number(t.value)),
            text(
                k.target
                    .as_ref()
                    .map(|t| format!("FY{}", t.deadline_fy))
                    .unwrap_or_default(),
            ),
            text(
                k.latest
                    .as_ref()
                    .map(|l| format!("{} (FY{})", l.text, l.as_of_fy))
                    .unwrap_or_default(),
            ),
            text(k.grade.clone().unwrap_or_default()),
        ];
        for fy in &years {
            cells.push(
                k.actuals
                    .iter()
                    .find(|a| a.fy == *fy)
                    .map_or(Cell::Empty, |a| Cell::Number(a.value)),
            );
        }
        cells.push(text(citation(roadmap, k.source.as_ref(), lang)));
        cells.push(text(k.id.as_str()));
        rows.push(cells);
    }
    Table {
        key: "kpis",
        title: "KPI".to_owned(),
        columns,
        rows,
        merges: Vec::new(),
    }
}

/// Budget lines, each as written (kinds are never added together).
pub fn budgets(roadmap: &Roadmap, derived: &Derived, lang: Lang) -> Table {
    let columns = vec![
        col(lang.pick("予算", "Budget"), ColumnKind::Text),
        col(lang.pick("年度", "Fiscal year"), ColumnKind::Mark),
        col(lang.pick("種別", "Kind"), ColumnKind::Mark),
        col(
            lang.pick("金額（億円）", "Amount (100 million yen)"),
            ColumnKind::Number,
        ),
        col(lang.pick("府省庁", "Ministry"), ColumnKind::Mark),
        col(lang.pick("事業", "Programme"), ColumnKind::Text),
        col(lang.pick("備考", "Note"), ColumnKind::Text),
        col(lang.pick("出典", "Source"), ColumnKind::Text),
        col("ID", ColumnKind::Id),
    ];
    let mut rows = Vec::new();
    for b in &roadmap.items.budgets {
        let r = ItemRef::Budget(b.id.clone());
        if !derived.visible.contains(&r) {
            continue;
        }
        let fy = match b.end_fy {
            Some(end) if end != b.fiscal_year => format!("FY{}-FY{end}", b.fiscal_year),
            _ => format!("FY{}", b.fiscal_year),
        };
        let programme = b.programme.as_ref().map_or_else(String::new, |p| {
            labels::text(roadmap, &ItemRef::Measure(p.clone()), lang)
        });
        let note: Vec<&str> = [b.text.as_deref(), b.note.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        rows.push(vec![
            text(labels::text(roadmap, &r, lang)),
            text(fy),
            text(lang.pick(b.kind.label_ja(), b.kind.label_en())),
            Cell::Number(b.amount_oku_yen),
            text(
                b.ministry
                    .as_ref()
                    .map(|m| m.as_str().to_owned())
                    .unwrap_or_default(),
            ),
            text(programme),
            text(note.join("\n")),
            text(citation(roadmap, b.source.as_ref(), lang)),
            text(b.id.as_str()),
        ]);
    }
    Table {
        key: "budgets",
        title: lang.pick("予算", "Budgets").to_owned(),
        columns,
        rows,
        merges: Vec::new(),
    }
}
