//! Responsibility through programmes: edges the index adds for measures carried out through a
//! programme that name no responsible organisation of their own.

use super::{Builder, Key, Relation};
use crate::model::{
    ItemKind, ItemRef, LinkKind, MeasureId, MinistryCode, Provenance, Roadmap, Role,
};

/// Responsibility goes through programmes: a measure carried out through a programme
/// (`Through`) that names no responsible organisation of its own has the programme's, with their
/// roles, as an editor's reading (the edge says through which programme). Agency-run
/// programmes thus answer "who is responsible" for each of their research areas without a link
/// per area.
pub(super) fn inherit_through_programmes(b: &mut Builder, roadmap: &Roadmap) {
    each_inherited(roadmap, |measure, org, role, note| {
        let from = number!(b, Measure, measure);
        let to = number!(b, Ministry, org);
        b.add(
            from,
            Relation::Responsible(role),
            to,
            Provenance::Editorial,
            Some(note),
        );
    });
}

/// Calls `each` with every responsibility a measure inherits from the programme it is carried
/// out through (see [`inherit_through_programmes`]): the measure, the organisation, its role and
/// the note saying through which programme, in the order the index holds them.
fn each_inherited(roadmap: &Roadmap, mut each: impl FnMut(&MeasureId, &MinistryCode, Role, &str)) {
    let links = &roadmap.items.links;
    if !links
        .iter()
        .any(|l| matches!(l.link, LinkKind::Through { .. }))
    {
        return;
    }
    let mut responsible: std::collections::HashMap<&str, Vec<(&MinistryCode, Role)>> =
        std::collections::HashMap::new();
    for l in links {
        if let LinkKind::Responsible {
            measure,
            ministry,
            role,
        } = &l.link
        {
            responsible
                .entry(measure.as_str())
                .or_default()
                .push((ministry, *role));
        }
    }
    for l in links {
        let LinkKind::Through { measure, programme } = &l.link else {
            continue;
        };
        if responsible.contains_key(measure.as_str()) {
            continue;
        }
        let Some(orgs) = responsible.get(programme.as_str()) else {
            continue;
        };
        let note = through_note(programme);
        for (org, role) in orgs {
            each(measure, org, *role, &note);
        }
    }
}

/// The note on a responsibility inherited through `programme`.
pub(super) fn through_note(programme: &MeasureId) -> String {
    format!("事業「{programme}」を通じて / through programme {programme}")
}
