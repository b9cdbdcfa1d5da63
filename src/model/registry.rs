//! The item kinds of a roadmap, listed once, and the references each kind holds, declared once.
//!
//! Every table of kinds is generated from [`item_kinds!`]: [`ItemKind`] and [`ItemRef`] with
//! their labels, the collections of [`Items`] and of a file, the lookups by ID, and the edit
//! layer's `ItemKey` and `ItemValue`. Code that does the same thing to every kind goes through
//! [`Items::visit`] and the [`Item`] trait instead of naming the kinds. Adding a kind is a line in
//! the table, its struct in `items.rs` with a [`references!`] line, and its views.
//!
//! The references an item holds to other items — its `theme`, `stages`, `actions`, cited `source`
//! … — are declared once per type below ([`References`]). Deletion (what refers to an item, and
//! clearing those references) and validation (references to items that do not exist) both read
//! them from here, so a new reference field is one word in one list.

use super::{
    Budget, BudgetId, Event, EventId, FileId, Gap, GapId, ItemKind, ItemRef, Items, Kpi, KpiId,
    Measure, MeasureId, Ministry, MinistryCode, Note, NoteId, Proposal, ProposalId, Scenario,
    Source, SourceId, SourceRef, Stage, StageId, TargetId, TargetState, Theme, ThemeId,
};

/// Calls the macro `$then` with the table of item kinds, followed by any `$extra` rows in the
/// same form. Each row: the doc comment, `Variant(Type, IdType) in collection by key_field as
/// lookup, "Japanese label", "English label", "English noun";` in the order collections are
/// saved (`lookup` names the [`super::Roadmap`] method that finds an item by ID).
macro_rules! item_kinds {
    ($then:ident $(; $($extra:tt)*)?) => {
        $then! {
            /// A source document.
            Source(Source, SourceId) in sources by id as source, "出典", "Source", "source";
            /// A ministry or another organisation.
            Ministry(Ministry, MinistryCode) in ministries by code as ministry, "府省庁", "Ministry", "ministry";
            /// A value-chain stage.
            Stage(Stage, StageId) in stages by id as stage, "バリューチェーン", "Stage", "stage";
            /// A target state (目指すべき姿).
            Target(TargetState, TargetId) in target_states by id as target, "目指すべき姿", "Target state",
                "target state";
            /// A note: context, a current state, an assessment.
            Note(Note, NoteId) in notes by id as note, "補足", "Note", "note";
            /// A theme (項目).
            Theme(Theme, ThemeId) in themes by id as theme, "項目", "Theme", "theme";
            /// A gap (小論点, 2018 gap).
            Gap(Gap, GapId) in gaps by id as gap, "論点・ギャップ", "Gap", "gap";
            /// A measure (対応案, proposal action, programme).
            Measure(Measure, MeasureId) in measures by id as measure, "施策", "Measure", "measure";
            /// A proposal (提言).
            Proposal(Proposal, ProposalId) in proposals by id as proposal, "提言", "Proposal", "proposal";
            /// A KPI.
            Kpi(Kpi, KpiId) in kpis by id as kpi, "KPI", "KPI", "KPI";
            /// A budget line.
            Budget(Budget, BudgetId) in budgets by id as budget, "予算", "Budget", "budget";
            /// A dated event.
            Event(Event, EventId) in events by id as event, "出来事", "Event", "event";
            $( $($extra)* )?
        }
    };
}
pub(crate) use item_kinds;

/// What every item kind can do, whatever its fields.
pub trait Item: References + Clone {
    /// Its kind.
    const KIND: ItemKind;
    /// The field that holds its ID: `id`, or `code` for a ministry.
    const KEY_FIELD: &'static str;
    /// Its ID (a ministry's code) as written.
    fn key(&self) -> &str;
    /// A reference to it.
    fn item_ref(&self) -> ItemRef;
    /// The file it is saved to.
    fn origin(&self) -> FileId;
}

/// Something that does the same for every kind of item: see [`Items::visit`].
pub trait KindVisitor {
    /// Called once per kind with the items of that kind, in order.
    fn visit<T: Item>(&mut self, items: &[T]);
}

macro_rules! impl_items {
    ($( $(#[$doc:meta])* $V:ident($T:ident, $Id:ident) in $field:ident by $key:ident as $lookup:ident,
        $ja:literal, $en:literal, $noun:literal; )*) => {
        $(
            impl Item for $T {
                const KIND: ItemKind = ItemKind::$V;
                const KEY_FIELD: &'static str = stringify!($key);
                fn key(&self) -> &str {
                    self.$key.as_str()
                }
                fn item_ref(&self) -> ItemRef {
                    ItemRef::$V(self.$key.clone())
                }
                fn origin(&self) -> FileId {
                    self.origin
                }
            }

            impl RefTarget for $Id {
                fn target(&self) -> (ItemKind, &str) {
                    (ItemKind::$V, self.as_str())
                }

                fn may_target(kind: ItemKind) -> bool {
                    kind == ItemKind::$V
                }
            }
        )*

        impl Items {
            /// Calls `visitor` with the items of every kind, in the order of [`ItemKind`].
            pub fn visit<V: KindVisitor>(&self, visitor: &mut V) {
                $( visitor.visit(&self.$field); )*
            }
        }
    };
}
item_kinds!(impl_items);

/// Collects a reference to every item.
struct AllRefs(Vec<ItemRef>);

impl KindVisitor for AllRefs {
    fn visit<T: Item>(&mut self, items: &[T]) {
        self.0.extend(items.iter().map(Item::item_ref));
    }
}

/// Collects a reference to every item of one kind.
struct RefsOf(ItemKind, Vec<ItemRef>);

impl KindVisitor for RefsOf {
    fn visit<T: Item>(&mut self, items: &[T]) {
        if T::KIND == self.0 {
            self.1.extend(items.iter().map(Item::item_ref));
        }
    }
}

/// Counts the items of each kind.
struct Counts([usize; ItemKind::COUNT]);

impl KindVisitor for Counts {
    fn visit<T: Item>(&mut self, items: &[T]) {
        self.0[T::KIND.ordinal()] = items.len();
    }
}

impl Items {
    /// How many items there are of each kind, by the kind's ordinal.
    pub fn counts(&self) -> [usize; ItemKind::COUNT] {
        let mut counts = Counts([0; ItemKind::COUNT]);
        self.visit(&mut counts);
        counts.0
    }

    /// A reference to every item, kind by kind in the order of [`ItemKind`], each kind in file
    /// order.
    pub fn refs(&self) -> Vec<ItemRef> {
        let mut all = AllRefs(Vec::with_capacity(self.count()));
        self.visit(&mut all);
        all.0
    }

    /// A reference to every item of `kind`, in file order.
    pub fn refs_of(&self, kind: ItemKind) -> Vec<ItemRef> {
        let mut of = RefsOf(kind, Vec::new());
        self.visit(&mut of);
        of.1
    }
}

/// Something a reference field holds: the ID of an item of one kind, any item, or a source
/// citation (which refers to the source document).
pub trait RefTarget {
    /// The kind and ID referred to.
    fn target(&self) -> (ItemKind, &str);
    /// Whether a reference of this type may refer to an item of `kind`.
    fn may_target(kind: ItemKind) -> bool
    where
        Self: Sized;
}

impl RefTarget for ItemRef {
    fn target(&self) -> (ItemKind, &str) {
        (self.kind(), self.id_str())
    }

    fn may_target(_: ItemKind) -> bool {
        true
    }
}

impl RefTarget for SourceRef {
    fn target(&self) -> (ItemKind, &str) {
        (ItemKind::Source, self.doc.as_str())
    }

    fn may_target(kind: ItemKind) -> bool {
        kind == ItemKind::Source
    }
}

/// A field holding references: an optional one or a list.
pub trait RefField {
    /// Calls `f` with each kind and ID referred to.
    fn each_ref<'a>(&'a self, f: &mut dyn FnMut(ItemKind, &'a str));
    /// Removes every reference to `(kind, id)`; whether any was removed.
    fn clear_ref(&mut self, kind: ItemKind, id: &str) -> bool;
    /// Whether a field of this type may refer to an item of `kind`, whatever it holds.
    fn may_hold(&self, kind: ItemKind) -> bool;
}

impl<T: RefTarget> RefField for Option<T> {
    fn may_hold(&self, kind: ItemKind) -> bool {
        T::may_target(kind)
    }

    fn each_ref<'a>(&'a self, f: &mut dyn FnMut(ItemKind, &'a str)) {
        if let Some(x) = self {
            let (kind, id) = x.target();
            f(kind, id);
        }
    }

    fn clear_ref(&mut self, kind: ItemKind, id: &str) -> bool {
        let hit = self.as_ref().is_some_and(|x| x.target() == (kind, id));
        if hit {
            *self = None;
        }
        hit
    }
}

impl<T: RefTarget> RefField for Vec<T> {
    fn may_hold(&self, kind: ItemKind) -> bool {
        T::may_target(kind)
    }

    fn each_ref<'a>(&'a self, f: &mut dyn FnMut(ItemKind, &'a str)) {
        for x in self {
            let (kind, id) = x.target();
            f(kind, id);
        }
    }

    fn clear_ref(&mut self, kind: ItemKind, id: &str) -> bool {
        let before = self.len();
        self.retain(|x| x.target() != (kind, id));
        self.len() != before
    }
}

/// The references an item holds to other items, by field.
pub trait References {
    /// Calls `f` with the field's name as written in a file, and the kind and ID referred to,
    /// for every reference the item holds, in field order.
    fn each_ref<'a>(&'a self, f: &mut dyn FnMut(&'static str, ItemKind, &'a str));
    /// Removes every reference to `(kind, id)`; the fields that held one.
    fn clear_ref(&mut self, kind: ItemKind, id: &str) -> Vec<&'static str>;
    /// Whether any of its fields may refer to an item of `kind`, by the fields' types: items of
    /// a type that cannot need not be looked at when looking for what refers to one.
    fn may_refer_to(&self, _kind: ItemKind) -> bool {
        true
    }
}

/// Declares the fields of each type that hold references (see [`RefField`]).
macro_rules! references {
    ($( $T:ident { $($field:ident),* } )*) => {$(
        impl References for $T {
            #[allow(unused_variables)]
            fn each_ref<'a>(&'a self, f: &mut dyn FnMut(&'static str, ItemKind, &'a str)) {
                $( RefField::each_ref(&self.$field, &mut |kind, id| f(stringify!($field), kind, id)); )*
            }

            #[allow(unused_variables)]
            fn may_refer_to(&self, kind: ItemKind) -> bool {
                false $( || RefField::may_hold(&self.$field, kind) )*
            }

            #[allow(unused_variables, unused_mut)]
            fn clear_ref(&mut self, kind: ItemKind, id: &str) -> Vec<&'static str> {
                let mut cleared = Vec::new();
                $(
                    if RefField::clear_ref(&mut self.$field, kind, id) {
                        cleared.push(stringify!($field));
                    }
                )*
                cleared
            }
        }
    )*};
}

references! {
    Source {}
    Ministry { source }
    Stage { source }
    TargetState { source }
    Note { source, about }
    Theme { source }
    Gap { source, theme, stages }
    Measure { source }
    Proposal { source, gap, ministries, actions }
    Kpi { source, parent, targets }
    Budget { source, programme, ministry, recipient }
    Event { source, concerns }
}

/// A scenario refers to the measures it overrides, one override each.
impl References for Scenario {
    fn each_ref<'a>(&'a self, f: &mut dyn FnMut(&'static str, ItemKind, &'a str)) {
        for o in &self.overrides {
            f("overrides", ItemKind::Measure, o.measure.as_str());
        }
    }

    fn clear_ref(&mut self, kind: ItemKind, id: &str) -> Vec<&'static str> {
        let before = self.overrides.len();
        self.overrides
            .retain(|o| (ItemKind::Measure, o.measure.as_str()) != (kind, id));
        if self.overrides.len() == before {
            Vec::new()
        } else {
            vec!["overrides"]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Count(Vec<(ItemKind, usize)>);

    impl KindVisitor for Count {
        fn visit<T: Item>(&mut self, items: &[T]) {
            self.0.push((T::KIND, items.len()));
        }
    }

    #[test]
    fn visit_reaches_every_kind_in_order() {
        let mut count = Count(Vec::new());
        Items::default().visit(&mut count);
        let kinds: Vec<usize> = count.0.iter().map(|(k, _)| k.ordinal()).collect();
        assert_eq!(kinds, (0..ItemKind::COUNT).collect::<Vec<_>>());
    }

    #[test]
    fn what_a_type_may_refer_to_follows_its_fields_types() {
        let doc = crate::bundled::open().expect("bundled roadmap");
        let items = &doc.roadmap.items;
        let gap = items.gaps.first().expect("a gap");
        for kind in [ItemKind::Theme, ItemKind::Stage, ItemKind::Source] {
            assert!(gap.may_refer_to(kind), "{kind:?}");
        }
        for kind in [ItemKind::Measure, ItemKind::Event, ItemKind::Gap] {
            assert!(!gap.may_refer_to(kind), "{kind:?}");
        }
        // A note is about any item.
        let note = items.notes.first().expect("a note");
        assert!(ItemKind::ALL.iter().all(|&k| note.may_refer_to(k)));
        assert!(
            !items
                .sources
                .first()
                .expect("a source")
                .may_refer_to(ItemKind::Gap)
        );
    }

    #[test]
    fn references_are_listed_and_cleared_by_field() {
        let doc = crate::bundled::open().expect("bundled roadmap");
        let items = &doc.roadmap.items;
        let mut p = items
            .proposals
            .iter()
            .find(|p| p.gap.is_some() && p.actions.len() >= 2)
            .expect("a proposal with a gap and two actions")
            .clone();
        let mut seen = Vec::new();
        p.each_ref(&mut |field, kind, id| seen.push((field, kind, id.to_owned())));
        let gap = p.gap.clone().expect("gap");
        assert!(seen.contains(&("gap", ItemKind::Gap, gap.as_str().to_owned())));
        let first = p.actions[0].clone();
        let actions = seen
            .iter()
            .filter(|(f, k, _)| *f == "actions" && *k == ItemKind::Measure);
        assert_eq!(actions.count(), p.actions.len());

        let before = p.actions.len();
        assert_eq!(
            p.clear_ref(ItemKind::Measure, first.as_str()),
            vec!["actions"]
        );
        assert_eq!(p.actions.len(), before - 1);
        // A reference of another kind with the same ID is left alone.
        assert!(p.clear_ref(ItemKind::Kpi, gap.as_str()).is_empty());
        assert_eq!(p.clear_ref(ItemKind::Gap, gap.as_str()), vec!["gap"]);
        assert_eq!(p.gap, None);
    }

    #[test]
    fn a_cited_source_is_a_reference() {
        let doc = crate::bundled::open().expect("bundled roadmap");
        let mut g = doc.roadmap.items.gaps[0].clone();
        let cited = g.source.clone().expect("a cited source");
        let mut fields = Vec::new();
        g.each_ref(&mut |field, kind, id| {
            if kind == ItemKind::Source && id == cited.doc.as_str() {
                fields.push(field);
            }
        });
        assert_eq!(fields, vec!["source"]);
        assert_eq!(
            g.clear_ref(ItemKind::Source, cited.doc.as_str()),
            vec!["source"]
        );
        assert_eq!(g.source, None);
    }
}
