//! Typed links between items: which measure answers which gap, who is responsible, what a measure
//! contributes to.

use serde::{Deserialize, Serialize};

use super::ids::{GapId, KpiId, MeasureId, MinistryCode, TargetId};
use super::{FileId, ItemKind, ItemRef, Provenance, SourceRef};

/// A ministry's role in a measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Sole or leading ministry.
    Lead,
    /// One of several ministries named together, none leading.
    CoLead,
    /// Supporting.
    Support,
}

impl Role {
    /// The Japanese label.
    pub fn label_ja(self) -> &'static str {
        match self {
            Role::Lead => "主担当",
            Role::CoLead => "共同",
            Role::Support => "支援",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::CoLead => "co-lead",
            Role::Support => "support",
        }
    }
}

/// What a link joins, and how. The variant fixes the kinds of both ends.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// The gap is addressed by the measure (a 対応案 answers its 小論点).
    AddressedBy {
        /// The gap.
        gap: GapId,
        /// The measure answering it.
        measure: MeasureId,
    },
    /// The ministry is responsible for the measure.
    Responsible {
        /// The measure.
        measure: MeasureId,
        /// The ministry.
        ministry: MinistryCode,
        /// Its role.
        role: Role,
    },
    /// The measure contributes to a target state.
    ContributesTo {
        /// The measure.
        measure: MeasureId,
        /// The target state.
        target: TargetId,
    },
    /// The gap stands in the way of a target state.
    Blocks {
        /// The gap.
        gap: GapId,
        /// The target state.
        target: TargetId,
    },
    /// A later gap continues an earlier one.
    Continues {
        /// The earlier gap.
        earlier: GapId,
        /// The later gap that continues it.
        later: GapId,
    },
    /// Two gaps are the same issue.
    SameAs {
        /// One gap.
        gap: GapId,
        /// The other.
        other: GapId,
    },
    /// The measure is measured by a KPI.
    MeasuredBy {
        /// The measure.
        measure: MeasureId,
        /// The KPI.
        kpi: KpiId,
    },
    /// The measure is carried out through a programme (事業).
    Through {
        /// The measure.
        measure: MeasureId,
        /// The programme, itself a measure.
        programme: MeasureId,
    },
}

/// The kind of a link without its ends: which variant of [`LinkKind`] it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkType {
    /// [`LinkKind::AddressedBy`]: gap, measure.
    AddressedBy,
    /// [`LinkKind::Responsible`]: measure, ministry.
    Responsible,
    /// [`LinkKind::ContributesTo`]: measure, target state.
    ContributesTo,
    /// [`LinkKind::Blocks`]: gap, target state.
    Blocks,
    /// [`LinkKind::Continues`]: earlier gap, later gap.
    Continues,
    /// [`LinkKind::SameAs`]: gap, gap, in either order.
    SameAs,
    /// [`LinkKind::MeasuredBy`]: measure, KPI.
    MeasuredBy,
    /// [`LinkKind::Through`]: measure, programme.
    Through,
}

impl LinkType {
    /// Whether the two ends may be swapped without changing what the link says.
    pub fn is_symmetric(self) -> bool {
        self == LinkType::SameAs
    }
}

impl LinkKind {
    /// A short name of the kind, for messages and JSON.
    pub fn name(&self) -> &'static str {
        match self {
            LinkKind::AddressedBy { .. } => "AddressedBy",
            LinkKind::Responsible { .. } => "Responsible",
            LinkKind::ContributesTo { .. } => "ContributesTo",
            LinkKind::Blocks { .. } => "Blocks",
            LinkKind::Continues { .. } => "Continues",
            LinkKind::SameAs { .. } => "SameAs",
            LinkKind::MeasuredBy { .. } => "MeasuredBy",
            LinkKind::Through { .. } => "Through",
        }
    }

    /// Which variant this is.
    pub fn link_type(&self) -> LinkType {
        match self {
            LinkKind::AddressedBy { .. } => LinkType::AddressedBy,
            LinkKind::Responsible { .. } => LinkType::Responsible,
            LinkKind::ContributesTo { .. } => LinkType::ContributesTo,
            LinkKind::Blocks { .. } => LinkType::Blocks,
            LinkKind::Continues { .. } => LinkType::Continues,
            LinkKind::SameAs { .. } => LinkType::SameAs,
            LinkKind::MeasuredBy { .. } => LinkType::MeasuredBy,
            LinkKind::Through { .. } => LinkType::Through,
        }
    }

    /// The two ends by kind and ID, as [`Self::ends`] gives them but borrowed: what a pass over
    /// every link compares without copying an ID.
    pub fn end_keys(&self) -> [(ItemKind, &str); 2] {
        use ItemKind as K;
        match self {
            LinkKind::AddressedBy { gap, measure } => {
                [(K::Gap, gap.as_str()), (K::Measure, measure.as_str())]
            }
            LinkKind::Responsible {
                measure, ministry, ..
            } => [
                (K::Measure, measure.as_str()),
                (K::Ministry, ministry.as_str()),
            ],
            LinkKind::ContributesTo { measure, target } => {
                [(K::Measure, measure.as_str()), (K::Target, target.as_str())]
            }
            LinkKind::Blocks { gap, target } => {
                [(K::Gap, gap.as_str()), (K::Target, target.as_str())]
            }
            LinkKind::Continues { earlier, later } => {
                [(K::Gap, earlier.as_str()), (K::Gap, later.as_str())]
            }
            LinkKind::SameAs { gap, other } => [(K::Gap, gap.as_str()), (K::Gap, other.as_str())],
            LinkKind::MeasuredBy { measure, kpi } => {
                [(K::Measure, measure.as_str()), (K::Kpi, kpi.as_str())]
            }
            LinkKind::Through { measure, programme } => [
                (K::Measure, measure.as_str()),
                (K::Measure, programme.as_str()),
            ],
        }
    }

    /// The two ends, in the order [`LinkType`] documents.
    pub fn ends(&self) -> [ItemRef; 2] {
        use ItemRef as R;
        match self {
            LinkKind::AddressedBy { gap, measure } => {
                [R::Gap(gap.clone()), R::Measure(measure.clone())]
            }
            LinkKind::Responsible {
                measure, ministry, ..
            } => [R::Measure(measure.clone()), R::Ministry(ministry.clone())],
            LinkKind::ContributesTo { measure, target } => {
                [R::Measure(measure.clone()), R::Target(target.clone())]
            }
            LinkKind::Blocks { gap, target } => [R::Gap(gap.clone()), R::Target(target.clone())],
            LinkKind::Continues { earlier, later } => {
                [R::Gap(earlier.clone()), R::Gap(later.clone())]
            }
            LinkKind::SameAs { gap, other } => [R::Gap(gap.clone()), R::Gap(other.clone())],
            LinkKind::MeasuredBy { measure, kpi } => {
                [R::Measure(measure.clone()), R::Kpi(kpi.clone())]
            }
            LinkKind::Through { measure, programme } => {
                [R::Measure(measure.clone()), R::Measure(programme.clone())]
            }
        }
    }

    /// The link of type `ty` joining `first` to `second` (in the order of [`LinkKind::ends`]), or
    /// `None` when the items are not of the kinds the type joins. A `Responsible` link gets
    /// `role`.
    pub fn from_ends(ty: LinkType, first: ItemRef, second: ItemRef, role: Role) -> Option<Self> {
        use ItemRef as R;
        Some(match (ty, first, second) {
            (LinkType::AddressedBy, R::Gap(gap), R::Measure(measure)) => {
                LinkKind::AddressedBy { gap, measure }
            }
            (LinkType::Responsible, R::Measure(measure), R::Ministry(ministry)) => {
                LinkKind::Responsible {
                    measure,
                    ministry,
                    role,
                }
            }
            (LinkType::ContributesTo, R::Measure(measure), R::Target(target)) => {
                LinkKind::ContributesTo { measure, target }
            }
            (LinkType::Blocks, R::Gap(gap), R::Target(target)) => LinkKind::Blocks { gap, target },
            (LinkType::Continues, R::Gap(earlier), R::Gap(later)) => {
                LinkKind::Continues { earlier, later }
            }
            (LinkType::SameAs, R::Gap(gap), R::Gap(other)) => LinkKind::SameAs { gap, other },
            (LinkType::MeasuredBy, R::Measure(measure), R::Kpi(kpi)) => {
                LinkKind::MeasuredBy { measure, kpi }
            }
            (LinkType::Through, R::Measure(measure), R::Measure(programme)) => {
                LinkKind::Through { measure, programme }
            }
            _ => return None,
        })
    }
}

/// A rule of links that a link breaks, its ends' existence aside. The rules are declared once,
/// in [`LinkKind::breaches`], for validation and editing alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkBreach {
    /// A `Through` link ends at a measure that is not a programme (事業).
    NotAProgramme(MeasureId),
    /// Both ends are the same item.
    SelfLink(ItemRef),
}

impl LinkKind {
    /// The rules this link breaks, in the order they are reported: a `Through` link must end at
    /// a programme, and no item may be linked to itself. `is_programme` tells whether a measure
    /// is a programme (`None` for a measure that does not exist, which is reported as a missing
    /// end instead).
    pub fn breaches(&self, is_programme: impl Fn(&MeasureId) -> Option<bool>) -> Vec<LinkBreach> {
        let mut breaches = Vec::new();
        if let LinkKind::Through { programme, .. } = self
            && is_programme(programme) == Some(false)
        {
            breaches.push(LinkBreach::NotAProgramme(programme.clone()));
        }
        let [a, b] = self.ends();
        if a == b {
            breaches.push(LinkBreach::SelfLink(a));
        }
        breaches
    }
}

/// A typed link with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What it joins.
    pub link: LinkKind,
    /// Stated by a source, or judged by an editor.
    pub provenance: Provenance,
    /// Why, for an editorial link above all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// The file of the roadmap this link was loaded from and is saved back to.
    #[serde(skip)]
    pub origin: FileId,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GapId, KpiId, MeasureId, MinistryCode, TargetId};

    #[test]
    fn a_link_is_rebuilt_from_its_type_and_ends() {
        let g = GapId::new("g-1").expect("a valid id");
        let m = MeasureId::new("m-1").expect("a valid id");
        let kinds = [
            LinkKind::AddressedBy {
                gap: g.clone(),
                measure: m.clone(),
            },
            LinkKind::Responsible {
                measure: m.clone(),
                ministry: MinistryCode::new("厚").expect("a valid id"),
                role: Role::CoLead,
            },
            LinkKind::ContributesTo {
                measure: m.clone(),
                target: TargetId::new("t-1").expect("a valid id"),
            },
            LinkKind::Continues {
                earlier: g.clone(),
                later: GapId::new("g-2").expect("a valid id"),
            },
            LinkKind::MeasuredBy {
                measure: m.clone(),
                kpi: KpiId::new("k-1").expect("a valid id"),
            },
            LinkKind::Blocks {
                gap: g.clone(),
                target: TargetId::new("t-2").expect("a valid id"),
            },
            LinkKind::SameAs {
                gap: g.clone(),
                other: GapId::new("g-3").expect("a valid id"),
            },
            LinkKind::Through {
                measure: m.clone(),
                programme: MeasureId::new("p-1").expect("a valid id"),
            },
        ];
        for kind in kinds {
            let [a, b] = kind.ends();
            assert_eq!(
                kind.end_keys(),
                [(a.kind(), a.id_str()), (b.kind(), b.id_str())],
                "borrowed ends are the ends"
            );
            let role = match kind {
                LinkKind::Responsible { role, .. } => role,
                _ => Role::Lead,
            };
            assert_eq!(
                LinkKind::from_ends(kind.link_type(), a, b, role),
                Some(kind)
            );
        }
    }

    #[test]
    fn the_rules_of_links_are_declared_once() {
        let m = MeasureId::new("m-1").expect("a valid id");
        let p = MeasureId::new("p-1").expect("a valid id");
        let g = GapId::new("g-1").expect("a valid id");
        let is_programme = |id: &MeasureId| match id.as_str() {
            "p-1" => Some(true),
            "m-1" => Some(false),
            _ => None,
        };
        let through = |measure: &MeasureId, programme: &MeasureId| LinkKind::Through {
            measure: measure.clone(),
            programme: programme.clone(),
        };
        assert!(through(&m, &p).breaches(is_programme).is_empty());
        assert_eq!(
            through(&p, &m).breaches(is_programme),
            [LinkBreach::NotAProgramme(m.clone())]
        );
        assert_eq!(
            through(&m, &m).breaches(is_programme),
            [
                LinkBreach::NotAProgramme(m.clone()),
                LinkBreach::SelfLink(ItemRef::Measure(m.clone()))
            ]
        );
        let missing = MeasureId::new("gone").expect("a valid id");
        assert!(
            through(&m, &missing).breaches(is_programme).is_empty(),
            "a missing end is reported as missing, not as a breach"
        );
        let same = LinkKind::SameAs {
            gap: g.clone(),
            other: g.clone(),
        };
        assert_eq!(
            same.breaches(is_programme),
            [LinkBreach::SelfLink(ItemRef::Gap(g))]
        );
    }

    #[test]
    fn ends_of_the_wrong_kinds_make_no_link() {
        let g = ItemRef::Gap(GapId::new("g-1").expect("a valid id"));
        let m = ItemRef::Measure(MeasureId::new("m-1").expect("a valid id"));
        assert_eq!(
            LinkKind::from_ends(LinkType::AddressedBy, m.clone(), g.clone(), Role::Lead),
            None
        );
        assert_eq!(
            LinkKind::from_ends(LinkType::Blocks, g, m, Role::Lead),
            None
        );
    }
}
