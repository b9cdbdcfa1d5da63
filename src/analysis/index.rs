//! The link graph of a roadmap: for every item, the items it is joined to and how, in both
//! directions. Built once per document version; every view reads it.

use foldhash::HashMap;

use crate::model::{ItemRef, LinkKind, Provenance, Roadmap, Role};

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The relation.
    pub relation: Relation,
    /// Whether the item holds the relation (gap → measure from the gap) or receives it.
    pub outgoing: bool,
    /// The item at the other end.
    pub other: ItemRef,
    /// Stated, editorial or assumed.
    pub provenance: Provenance,
    /// A note on the link, if any.
    pub note: Option<String>,
}

/// Every item's edges.
#[derive(Clone, Debug, Default)]
pub struct Index {
    edges: HashMap<ItemRef, Vec<Edge>>,
}

impl Index {
    /// Builds the index of `roadmap`.
    pub fn build(roadmap: &Roadmap) -> Self {
        let mut index = Self {
            edges: HashMap::with_capacity_and_hasher(
                roadmap.items.count(),
                foldhash::fast::RandomState::default(),
            ),
        };
        let it = &roadmap.items;
        for l in &it.links {
            let (from, relation, to) = match &l.link {
                LinkKind::AddressedBy { gap, measure } => (
                    ItemRef::Gap(gap.clone()),
                    Relation::Addresses,
                    ItemRef::Measure(measure.clone()),
                ),
                LinkKind::Responsible {
                    measure,
                    ministry,
                    role,
                } => (
                    ItemRef::Measure(measure.clone()),
                    Relation::Responsible(*role),
                    ItemRef::Ministry(ministry.clone()),
                ),
                LinkKind::ContributesTo { measure, target } => (
                    ItemRef::Measure(measure.clone()),
                    Relation::ContributesTo,
                    ItemRef::Target(target.clone()),
                ),
                LinkKind::Blocks { gap, target } => (
                    ItemRef::Gap(gap.clone()),
                    Relation::Blocks,
                    ItemRef::Target(target.clone()),
                ),
                LinkKind::Continues { earlier, later } => (
                    ItemRef::Gap(earlier.clone()),
                    Relation::Continues,
                    ItemRef::Gap(later.clone()),
                ),
                LinkKind::SameAs { gap, other } => (
                    ItemRef::Gap(gap.clone()),
                    Relation::SameAs,
                    ItemRef::Gap(other.clone()),
                ),
                LinkKind::MeasuredBy { measure, kpi } => (
                    ItemRef::Measure(measure.clone()),
                    Relation::MeasuredBy,
                    ItemRef::Kpi(kpi.clone()),
                ),
                LinkKind::Through { measure, programme } => (
                    ItemRef::Measure(measure.clone()),
                    Relation::Through,
                    ItemRef::Measure(programme.clone()),
                ),
            };
            index.add(from, relation, to, l.provenance, l.note.clone());
        }
        for g in &it.gaps {
            let gap = ItemRef::Gap(g.id.clone());
            if let Some(t) = &g.theme {
                index.add(
                    ItemRef::Theme(t.clone()),
                    Relation::ThemeOf,
                    gap.clone(),
                    Provenance::Stated,
                    None,
                );
            }
            for s in &g.stages {
                index.add(
                    gap.clone(),
                    Relation::AtStage,
                    ItemRef::Stage(s.clone()),
                    g.placement_provenance,
                    None,
                );
            }
        }
        for p in &it.proposals {
            let prop = ItemRef::Proposal(p.id.clone());
            index.add(
                prop.clone(),
                Relation::ProposalGap,
                ItemRef::Gap(p.gap.clone()),
                Provenance::Stated,
                None,
            );
            for a in &p.actions {
                index.add(
                    prop.clone(),
                    Relation::ProposalAction,
                    ItemRef::Measure(a.clone()),
                    Provenance::Stated,
                    None,
                );
            }
        }
        for k in &it.kpis {
            if let Some(parent) = &k.parent {
                index.add(
                    ItemRef::Kpi(parent.clone()),
                    Relation::KpiParent,
                    ItemRef::Kpi(k.id.clone()),
                    Provenance::Stated,
                    None,
                );
            }
        }
        for b in &it.budgets {
            if let Some(p) = &b.programme {
                index.add(
                    ItemRef::Budget(b.id.clone()),
                    Relation::Funds,
                    ItemRef::Measure(p.clone()),
                    b.provenance,
                    None,
                );
            }
        }
        for (item, source) in cited_sources(roadmap) {
            index.add(
                item,
                Relation::Cites,
                ItemRef::Source(source),
                Provenance::Stated,
                None,
            );
        }
        index
    }

    fn add(
        &mut self,
        from: ItemRef,
        relation: Relation,
        to: ItemRef,
        provenance: Provenance,
        note: Option<String>,
    ) {
        self.edges.entry(from.clone()).or_default().push(Edge {
            relation,
            outgoing: true,
            other: to.clone(),
            provenance,
            note: note.clone(),
        });
        self.edges.entry(to).or_default().push(Edge {
            relation,
            outgoing: false,
            other: from,
            provenance,
            note,
        });
    }

    /// Every edge of `item`.
    pub fn edges(&self, item: &ItemRef) -> &[Edge] {
        self.edges.get(item).map_or(&[], Vec::as_slice)
    }

    /// The items at the other end of `item`'s edges of one relation and direction.
    pub fn related<'a>(
        &'a self,
        item: &ItemRef,
        relation: impl Fn(Relation) -> bool + 'a,
        outgoing: bool,
    ) -> impl Iterator<Item = &'a ItemRef> + 'a {
        self.edges(item)
            .iter()
            .filter(move |e| e.outgoing == outgoing && relation(e.relation))
            .map(|e| &e.other)
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
            .iter()
            .filter(|e| e.outgoing)
            .filter_map(|e| match e.relation {
                Relation::Responsible(role) => Some((&e.other, role)),
                _ => None,
            })
    }

    /// The measures a ministry is responsible for, with its role.
    pub fn measures_of_ministry<'a>(
        &'a self,
        ministry: &ItemRef,
    ) -> impl Iterator<Item = (&'a ItemRef, Role)> + 'a {
        self.edges(ministry)
            .iter()
            .filter(|e| !e.outgoing)
            .filter_map(|e| match e.relation {
                Relation::Responsible(role) => Some((&e.other, role)),
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
                (item, &e.other),
                (ItemRef::Gap(_) | ItemRef::Proposal(_), ItemRef::Measure(_))
                    | (ItemRef::Measure(_), ItemRef::Gap(_))
            );
            if chain {
                self.insert_measure_context(&e.other, &mut out);
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
            .iter()
            .filter(|e| {
                (e.relation == Relation::Continues && e.outgoing) || e.relation == Relation::SameAs
            })
            .map(|e| &e.other)
    }
}

fn cited_sources(roadmap: &Roadmap) -> Vec<(ItemRef, crate::model::SourceId)> {
    let it = &roadmap.items;
    let mut out = Vec::new();
    let mut push = |item: ItemRef, s: Option<&crate::model::SourceRef>| {
        if let Some(s) = s {
            out.push((item, s.doc.clone()));
        }
    };
    for x in &it.ministries {
        push(ItemRef::Ministry(x.code.clone()), x.source.as_ref());
    }
    for x in &it.stages {
        push(ItemRef::Stage(x.id.clone()), x.source.as_ref());
    }
    for x in &it.target_states {
        push(ItemRef::Target(x.id.clone()), x.source.as_ref());
    }
    for x in &it.notes {
        push(ItemRef::Note(x.id.clone()), x.source.as_ref());
    }
    for x in &it.themes {
        push(ItemRef::Theme(x.id.clone()), x.source.as_ref());
    }
    for x in &it.gaps {
        push(ItemRef::Gap(x.id.clone()), x.source.as_ref());
    }
    for x in &it.measures {
        push(ItemRef::Measure(x.id.clone()), x.source.as_ref());
    }
    for x in &it.proposals {
        push(ItemRef::Proposal(x.id.clone()), x.source.as_ref());
    }
    for x in &it.kpis {
        push(ItemRef::Kpi(x.id.clone()), x.source.as_ref());
    }
    for x in &it.budgets {
        push(ItemRef::Budget(x.id.clone()), x.source.as_ref());
    }
    for x in &it.events {
        push(ItemRef::Event(x.id.clone()), x.source.as_ref());
    }
    out
}
