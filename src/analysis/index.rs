//! The link graph of a roadmap: for every item, the items it is joined to and how, in both
//! directions. Built once per document version; every view reads it.

mod numbers;

use self::numbers::Numbers;
use crate::model::{ItemKind, ItemRef, Items, LinkKind, Provenance, Roadmap, Role};

/// How two items are joined, seen from one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// Gap → measure answering it (from the gap), or measure → gap it answers (from the measure).
    Addresses,
    /// Measure ↔ responsible ministry, with the ministry's role.
    Responsible(Role),
    /// Measure ↔ target state it contributes to.
    ContributesTo,
    /// Gap ↔ target state it stands in the way of.
    Blocks,
    /// Earlier gap ↔ later gap continuing it.
    Continues,
    /// Gap ↔ the same issue elsewhere.
    SameAs,
    /// Measure ↔ KPI measuring it.
    MeasuredBy,
    /// Measure ↔ programme it is carried out through.
    Through,
    /// Theme ↔ its gaps.
    ThemeOf,
    /// Proposal ↔ the gap it answers.
    ProposalGap,
    /// Proposal ↔ its actions.
    ProposalAction,
    /// KPI ↔ its breakdown.
    KpiParent,
    /// Budget ↔ the programme it funds.
    Funds,
    /// Gap ↔ value-chain stage.
    AtStage,
    /// Item ↔ the source document it cites.
    Cites,
}

impl Relation {
    /// How the relation reads from the side that holds it (`outgoing`) or from the other side.
    pub fn label_ja(self, outgoing: bool) -> &'static str {
        match (self, outgoing) {
            (Relation::Addresses, true) => "対応する施策",
            (Relation::Addresses, false) => "対応する論点",
            (Relation::Responsible(_), true) => "担当府省庁",
            (Relation::Responsible(_), false) => "担当する施策",
            (Relation::ContributesTo, true) => "寄与する目指すべき姿",
            (Relation::ContributesTo, false) => "寄与する施策",
            (Relation::Blocks, true) => "阻まれる目指すべき姿",
            (Relation::Blocks, false) => "阻む論点",
            (Relation::Continues, true) => "継承先",
            (Relation::Continues, false) => "継承元",
            (Relation::SameAs, _) => "同一論点",
            (Relation::MeasuredBy, true) => "KPI",
            (Relation::MeasuredBy, false) => "測定対象",
            (Relation::Through, true) => "実施事業",
            (Relation::Through, false) => "この事業で実施する施策",
            (Relation::ThemeOf, true) => "小論点",
            (Relation::ThemeOf, false) => "項目",
            (Relation::ProposalGap, true) => "対応するギャップ",
            (Relation::ProposalAction, true) => "アクション",
            (Relation::ProposalGap | Relation::ProposalAction, false) => "提言",
            (Relation::KpiParent, true) => "内訳",
            (Relation::KpiParent, false) => "親KPI",
            (Relation::Funds, true) => "事業",
            (Relation::Funds, false) => "予算",
            (Relation::AtStage, true) => "バリューチェーン",
            (Relation::AtStage, false) => "論点",
            (Relation::Cites, true) => "出典",
            (Relation::Cites, false) => "引用する項目",
        }
    }

    /// English reading, as [`Self::label_ja`].
    pub fn label_en(self, outgoing: bool) -> &'static str {
        match (self, outgoing) {
            (Relation::Addresses, true) => "Addressed by",
            (Relation::Addresses, false) => "Addresses",
            (Relation::Responsible(_), true) => "Responsible ministry",
            (Relation::Responsible(_), false) => "Responsible for",
            (Relation::ContributesTo, true) => "Contributes to",
            (Relation::ContributesTo, false) => "Contributing measures",
            (Relation::Blocks, true) => "Stands in the way of",
            (Relation::Blocks, false) => "Blocking gaps",
            (Relation::Continues, true) => "Continued by",
            (Relation::Continues, false) => "Continues",
            (Relation::SameAs, _) => "Same as",
            (Relation::MeasuredBy, true) => "Measured by",
            (Relation::MeasuredBy, false) => "Measures",
            (Relation::Through, true) => "Through programme",
            (Relation::Through, false) => "Carries out",
            (Relation::ThemeOf, false) => "Theme",
            (Relation::ProposalGap, true) => "Answers gap",
            (Relation::ProposalAction, true) => "Actions",
            (Relation::ProposalGap | Relation::ProposalAction, false) => "Proposal",
            (Relation::KpiParent, true) => "Breakdown",
            (Relation::KpiParent, false) => "Parent KPI",
            (Relation::Funds, true) => "Programme",
            (Relation::Funds, false) => "Budget",
            (Relation::AtStage, true) => "Value-chain stage",
            (Relation::ThemeOf, true) | (Relation::AtStage, false) => "Gaps",
            (Relation::Cites, true) => "Source",
            (Relation::Cites, false) => "Cited by",
        }
    }
}

/// One end of a relation, seen from an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge<'a> {
    /// The relation.
    pub relation: Relation,
    /// Whether the item holds the relation (gap → measure from the gap) or receives it.
    pub outgoing: bool,
    /// The item at the other end.
    pub other: &'a ItemRef,
    /// Stated, editorial or assumed.
    pub provenance: Provenance,
    /// A note on the link, if any.
    pub note: Option<&'a str>,
}

/// No note on an edge.
const NO_NOTE: u32 = u32::MAX;

/// An edge as stored: the other end by number, the note by its place in [`Index::notes`].
#[derive(Clone, Copy, Debug)]
struct Stored {
    relation: Relation,
    outgoing: bool,
    provenance: Provenance,
    other: u32,
    note: u32,
}

/// Every item's edges.
///
/// Items are numbered in the order they are met (the roadmap's own order), and the edges of all
/// items sit in one array, item by item, with an offset per item: building it is a few sequential
/// passes, and reading an item's edges is one lookup and a slice, however large the roadmap.
#[derive(Clone, Debug, Default)]
pub struct Index {
    numbers: Numbers,
    /// Item `n`'s edges are `edges[offsets[n]..offsets[n + 1]]`.
    offsets: Vec<u32>,
    edges: Vec<Stored>,
    notes: Vec<Box<str>>,
}

/// An item named by kind and ID, made into an [`ItemRef`] only if it is not numbered yet (a link
/// to an item that does not exist): building the index copies no ID it already holds.
#[derive(Clone, Copy)]
struct Key<'a> {
    kind: ItemKind,
    id: &'a str,
    make: &'a dyn Fn() -> ItemRef,
}

/// The [`Key`] of an ID of the given [`ItemRef`] variant.
macro_rules! key {
    ($kind:ident, $id:expr) => {{
        let id = $id;
        Key {
            kind: ItemKind::$kind,
            id: id.as_str(),
            make: &|| ItemRef::$kind(id.clone()),
        }
    }};
}

/// The number of the item of the given kind and ID (see [`Builder::number`]).
macro_rules! number {
    ($builder:expr, $kind:ident, $id:expr) => {{
        let key = key!($kind, $id);
        $builder.number(key)
    }};
}

/// The links of a roadmap as numbered pairs, before they are sorted into an [`Index`].
struct Builder {
    numbers: Numbers,
    pairs: Vec<(u32, Relation, u32, Provenance, u32)>,
    notes: Vec<Box<str>>,
}

impl Builder {
    /// The number of the item `key` names, numbering it if it has none yet.
    fn number(&mut self, key: Key<'_>) -> u32 {
        self.numbers.number_key(key.kind, key.id, key.make)
    }

    fn add(
        &mut self,
        from: u32,
        relation: Relation,
        to: u32,
        provenance: Provenance,
        note: Option<&str>,
    ) {
        let note = note.map_or(NO_NOTE, |n| {
            self.notes.push(n.into());
            u32::try_from(self.notes.len() - 1).expect("fewer than 2³² notes")
        });
        self.pairs.push((from, relation, to, provenance, note));
    }

    /// Sorts the pairs into each item's edges, both ends of every pair, keeping their order.
    fn finish(self) -> Index {
        let n = self.numbers.len();
        let mut offsets = vec![0u32; n + 1];
        for &(from, _, to, _, _) in &self.pairs {
            offsets[from as usize + 1] += 1;
            offsets[to as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut next: Vec<u32> = offsets[..n].to_vec();
        let empty = Stored {
            relation: Relation::Cites,
            outgoing: false,
            provenance: Provenance::Stated,
            other: 0,
            note: NO_NOTE,
        };
        let mut edges = vec![empty; self.pairs.len() * 2];
        for &(from, relation, to, provenance, note) in &self.pairs {
            let mut put = |at: u32, outgoing: bool, other: u32| {
                let slot = &mut next[at as usize];
                edges[*slot as usize] = Stored {
                    relation,
                    outgoing,
                    provenance,
                    other,
                    note,
                };
                *slot += 1;
            };
            put(from, true, to);
            put(to, false, from);
        }
        Index {
            numbers: self.numbers,
            offsets,
            edges,
            notes: self.notes,
        }
    }
}

impl Index {
    /// Builds the index of `roadmap`.
    pub fn build(roadmap: &Roadmap) -> Self {
        let it = &roadmap.items;
        let count = it.count() - it.links.len();
        let mut b = Builder {
            numbers: Numbers::with_capacity(count),
            pairs: Vec::with_capacity(it.links.len() + it.gaps.len() * 2 + count),
            notes: Vec::new(),
        };
        // Number every item first, in the roadmap's order, so that numbers follow the file. An
        // item's own number is then read from `own` rather than looked up by its ID again.
        let own: Vec<u32> = all_items(roadmap).map(|x| b.numbers.number(x)).collect();
        let starts = Starts::of(it);
        for l in &it.links {
            let (from, relation, to) = match &l.link {
                LinkKind::AddressedBy { gap, measure } => {
                    (key!(Gap, gap), Relation::Addresses, key!(Measure, measure))
                }
                LinkKind::Responsible {
                    measure,
                    ministry,
                    role,
                } => (
                    key!(Measure, measure),
                    Relation::Responsible(*role),
                    key!(Ministry, ministry),
                ),
                LinkKind::ContributesTo { measure, target } => (
                    key!(Measure, measure),
                    Relation::ContributesTo,
                    key!(Target, target),
                ),
                LinkKind::Blocks { gap, target } => {
                    (key!(Gap, gap), Relation::Blocks, key!(Target, target))
                }
                LinkKind::Continues { earlier, later } => {
                    (key!(Gap, earlier), Relation::Continues, key!(Gap, later))
                }
                LinkKind::SameAs { gap, other } => {
                    (key!(Gap, gap), Relation::SameAs, key!(Gap, other))
                }
                LinkKind::MeasuredBy { measure, kpi } => {
                    (key!(Measure, measure), Relation::MeasuredBy, key!(Kpi, kpi))
                }
                LinkKind::Through { measure, programme } => (
                    key!(Measure, measure),
                    Relation::Through,
                    key!(Measure, programme),
                ),
            };
            let (from, to) = (b.number(from), b.number(to));
            b.add(from, relation, to, l.provenance, l.note.as_deref());
        }
        for (i, g) in it.gaps.iter().enumerate() {
            let gap = own[starts.gaps + i];
            if let Some(t) = &g.theme {
                let theme = number!(b, Theme, t);
                b.add(theme, Relation::ThemeOf, gap, Provenance::Stated, None);
            }
            for s in &g.stages {
                let stage = number!(b, Stage, s);
                b.add(gap, Relation::AtStage, stage, g.placement_provenance, None);
            }
        }
        for (i, p) in it.proposals.iter().enumerate() {
            let prop = own[starts.proposals + i];
            let gap = number!(b, Gap, &p.gap);
            b.add(prop, Relation::ProposalGap, gap, Provenance::Stated, None);
            for a in &p.actions {
                let action = number!(b, Measure, a);
                b.add(
                    prop,
                    Relation::ProposalAction,
                    action,
                    Provenance::Stated,
                    None,
                );
            }
        }
        for (i, k) in it.kpis.iter().enumerate() {
            if let Some(parent) = &k.parent {
                let parent = number!(b, Kpi, parent);
                let kpi = own[starts.kpis + i];
                b.add(parent, Relation::KpiParent, kpi, Provenance::Stated, None);
            }
        }
        for (i, bl) in it.budgets.iter().enumerate() {
            if let Some(p) = &bl.programme {
                let programme = number!(b, Measure, p);
                let budget = own[starts.budgets + i];
                b.add(budget, Relation::Funds, programme, bl.provenance, None);
            }
        }
        macro_rules! cites {
            ($($field:ident),*) => {$(
                for (i, x) in it.$field.iter().enumerate() {
                    if let Some(s) = &x.source {
                        let source = number!(b, Source, &s.doc);
                        let item = own[starts.$field + i];
                        b.add(item, Relation::Cites, source, Provenance::Stated, None);
                    }
                }
            )*};
        }
        cites!(
            ministries,
            stages,
            target_states,
            notes,
            themes,
            gaps,
            measures,
            proposals,
            kpis,
            budgets,
            events
        );
        b.finish()
    }

    /// Every edge of `item`, in the order of the links in the file.
    pub fn edges<'a>(&'a self, item: &ItemRef) -> impl Iterator<Item = Edge<'a>> + Clone + 'a {
        let range = self.numbers.get(item).map_or(0..0, |n| {
            self.offsets[n as usize] as usize..self.offsets[n as usize + 1] as usize
        });
        self.edges[range].iter().map(move |e| Edge {
            relation: e.relation,
            outgoing: e.outgoing,
            other: self.numbers.item(e.other),
            provenance: e.provenance,
            note: (e.note != NO_NOTE).then(|| &*self.notes[e.note as usize]),
        })
    }

    /// The items at the other end of `item`'s edges of one relation and direction.
    pub fn related<'a>(
        &'a self,
        item: &ItemRef,
        relation: impl Fn(Relation) -> bool + 'a,
        outgoing: bool,
    ) -> impl Iterator<Item = &'a ItemRef> + 'a {
        self.edges(item)
            .filter(move |e| e.outgoing == outgoing && relation(e.relation))
            .map(|e| e.other)
    }

    /// The measures answering a gap.
    pub fn measures_of_gap<'a>(&'a self, gap: &ItemRef) -> impl Iterator<Item = &'a ItemRef> + 'a {
        self.related(gap, |r| r == Relation::Addresses, true)
    }

    /// The gaps a measure answers.
    pub fn gaps_of_measure<'a>(
        &'a self,
        measure: &ItemRef,
    ) -> impl Iterator<Item = &'a ItemRef> + 'a {
        self.related(measure, |r| r == Relation::Addresses, false)
    }

    /// The ministries responsible for a measure, with their roles.
    pub fn ministries_of_measure<'a>(
        &'a self,
        measure: &ItemRef,
    ) -> impl Iterator<Item = (&'a ItemRef, Role)> + 'a {
        self.edges(measure)
            .filter(|e| e.outgoing)
            .filter_map(|e| match e.relation {
                Relation::Responsible(role) => Some((e.other, role)),
                _ => None,
            })
    }

    /// The measures a ministry is responsible for, with its role.
    pub fn measures_of_ministry<'a>(
        &'a self,
        ministry: &ItemRef,
    ) -> impl Iterator<Item = (&'a ItemRef, Role)> + 'a {
        self.edges(ministry)
            .filter(|e| !e.outgoing)
            .filter_map(|e| match e.relation {
                Relation::Responsible(role) => Some((e.other, role)),
                _ => None,
            })
    }

    /// The neighbourhood of an item: the item itself, everything directly joined to it, and for a
    /// gap or measure the second step along the gap → measure → ministry / target chain.
    pub fn neighbourhood(&self, item: &ItemRef) -> std::collections::HashSet<ItemRef> {
        let mut out = std::collections::HashSet::new();
        out.insert(item.clone());
        for e in self.edges(item) {
            if e.relation == Relation::Cites {
                continue;
            }
            out.insert(e.other.clone());
            let chain = matches!(
                (item, e.other),
                (ItemRef::Gap(_) | ItemRef::Proposal(_), ItemRef::Measure(_))
                    | (ItemRef::Measure(_), ItemRef::Gap(_))
            );
            if chain {
                self.insert_measure_context(e.other, &mut out);
            }
        }
        // A gap continued by a later one is answered through the later one's measures too.
        for later in self.continuations(item) {
            out.insert(later.clone());
            for m in self.measures_of_gap(later) {
                out.insert(m.clone());
                self.insert_measure_context(m, &mut out);
            }
        }
        out
    }

    fn insert_measure_context(
        &self,
        measure: &ItemRef,
        out: &mut std::collections::HashSet<ItemRef>,
    ) {
        for e in self.edges(measure) {
            if matches!(
                e.relation,
                Relation::Responsible(_) | Relation::ContributesTo | Relation::Addresses
            ) {
                out.insert(e.other.clone());
            }
        }
    }

    /// The gaps that carry `gap` forward: later gaps continuing it, and gaps the same as it.
    pub fn continuations<'a>(&'a self, gap: &ItemRef) -> impl Iterator<Item = &'a ItemRef> + 'a {
        self.edges(gap)
            .filter(|e| {
                (e.relation == Relation::Continues && e.outgoing) || e.relation == Relation::SameAs
            })
            .map(|e| e.other)
    }
}

/// Where each kind of item starts in the order of [`all_items`].
struct Starts {
    ministries: usize,
    stages: usize,
    target_states: usize,
    notes: usize,
    themes: usize,
    gaps: usize,
    measures: usize,
    proposals: usize,
    kpis: usize,
    budgets: usize,
    events: usize,
}

impl Starts {
    fn of(it: &Items) -> Self {
        let ministries = it.sources.len();
        let stages = ministries + it.ministries.len();
        let target_states = stages + it.stages.len();
        let notes = target_states + it.target_states.len();
        let themes = notes + it.notes.len();
        let gaps = themes + it.themes.len();
        let measures = gaps + it.gaps.len();
        let proposals = measures + it.measures.len();
        let kpis = proposals + it.proposals.len();
        let budgets = kpis + it.kpis.len();
        let events = budgets + it.budgets.len();
        Self {
            ministries,
            stages,
            target_states,
            notes,
            themes,
            gaps,
            measures,
            proposals,
            kpis,
            budgets,
            events,
        }
    }
}

/// Every item of `roadmap`, kind by kind, each in file order.
fn all_items(roadmap: &Roadmap) -> impl Iterator<Item = ItemRef> + '_ {
    let it = &roadmap.items;
    it.sources
        .iter()
        .map(|x| ItemRef::Source(x.id.clone()))
        .chain(
            it.ministries
                .iter()
                .map(|x| ItemRef::Ministry(x.code.clone())),
        )
        .chain(it.stages.iter().map(|x| ItemRef::Stage(x.id.clone())))
        .chain(
            it.target_states
                .iter()
                .map(|x| ItemRef::Target(x.id.clone())),
        )
        .chain(it.notes.iter().map(|x| ItemRef::Note(x.id.clone())))
        .chain(it.themes.iter().map(|x| ItemRef::Theme(x.id.clone())))
        .chain(it.gaps.iter().map(|x| ItemRef::Gap(x.id.clone())))
        .chain(it.measures.iter().map(|x| ItemRef::Measure(x.id.clone())))
        .chain(it.proposals.iter().map(|x| ItemRef::Proposal(x.id.clone())))
        .chain(it.kpis.iter().map(|x| ItemRef::Kpi(x.id.clone())))
        .chain(it.budgets.iter().map(|x| ItemRef::Budget(x.id.clone())))
        .chain(it.events.iter().map(|x| ItemRef::Event(x.id.clone())))
}
