//! Edits of presentations: a new one, and its steps added, renamed, annotated, reordered and
//! removed — each one undoable step.

use super::{Created, Edit, EditError, ItemKey, ItemValue, create, fresh_id};
use crate::model::{FileId, Presentation, PresentationId, Provenance, Roadmap, Step};

/// A new presentation titled `title` with `steps`, in the file holding the presentations, else
/// the file holding the scenarios, else the entry file; marked as an editor's work. Its ID is
/// `presentation.newN`.
pub fn create_presentation(
    roadmap: &Roadmap,
    title: &str,
    steps: Vec<Step>,
) -> Result<Created<PresentationId>, EditError> {
    let id = fresh_id(roadmap, "presentation.new")?;
    let id = PresentationId::new(id.clone()).map_err(|error| EditError::BadId { id, error })?;
    let it = &roadmap.items;
    let origin = it
        .presentations
        .last()
        .map(|p| p.origin)
        .or_else(|| it.scenarios.last().map(|s| s.origin))
        .unwrap_or(FileId(0));
    let edit = create(
        roadmap,
        ItemValue::Presentation(Presentation {
            id: id.clone(),
            title: title.to_owned(),
            description: None,
            provenance: Provenance::Editorial,
            steps,
            origin,
        }),
    )?;
    Ok(Created { id, edit })
}

/// The edit that changes the steps of presentation `id` as `change` says.
pub fn edit_steps(
    roadmap: &Roadmap,
    id: &PresentationId,
    change: impl FnOnce(&mut Vec<Step>),
) -> Result<Edit, EditError> {
    let key = ItemKey::Presentation(id.clone());
    let Some(ItemValue::Presentation(mut p)) = key.get(roadmap) else {
        return Err(EditError::NotFound(key));
    };
    change(&mut p.steps);
    Ok(Edit::Replace(ItemValue::Presentation(p)))
}

/// The edit that adds `step` at the end of presentation `id`.
pub fn add_step(roadmap: &Roadmap, id: &PresentationId, step: Step) -> Result<Edit, EditError> {
    edit_steps(roadmap, id, |steps| steps.push(step))
}

/// The edit that moves step `from` of presentation `id` to position `to`.
pub fn move_step(
    roadmap: &Roadmap,
    id: &PresentationId,
    from: usize,
    to: usize,
) -> Result<Edit, EditError> {
    let len = presentation(roadmap, id)?.steps.len();
    for index in [from, to] {
        if index >= len {
            return Err(EditError::OutOfRange { index, len });
        }
    }
    edit_steps(roadmap, id, |steps| {
        let step = steps.remove(from);
        steps.insert(to, step);
    })
}

/// The edit that removes step `index` of presentation `id`.
pub fn remove_step(
    roadmap: &Roadmap,
    id: &PresentationId,
    index: usize,
) -> Result<Edit, EditError> {
    let len = presentation(roadmap, id)?.steps.len();
    if index >= len {
        return Err(EditError::OutOfRange { index, len });
    }
    edit_steps(roadmap, id, |steps| {
        steps.remove(index);
    })
}

fn presentation<'a>(
    roadmap: &'a Roadmap,
    id: &PresentationId,
) -> Result<&'a Presentation, EditError> {
    roadmap
        .items
        .presentations
        .iter()
        .find(|p| &p.id == id)
        .ok_or_else(|| EditError::NotFound(ItemKey::Presentation(id.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Tab;
    use crate::edit::apply;

    fn step(title: &str) -> Step {
        Step {
            title: title.to_owned(),
            notes: None,
            view: Tab::Timeline,
            filter: crate::analysis::filter::Filter::default(),
            selection: None,
            scenario: crate::model::Basis::Plan,
            compare_with: None,
            zoom: None,
        }
    }

    fn titles(r: &Roadmap, id: &PresentationId) -> Vec<String> {
        presentation(r, id)
            .expect("presentation")
            .steps
            .iter()
            .map(|s| s.title.clone())
            .collect()
    }

    #[test]
    fn steps_are_added_reordered_and_removed_each_undoably() {
        let mut r = crate::bundled::open().expect("bundled").roadmap;
        let c = create_presentation(&r, "council", Vec::new()).expect("create");
        apply(&mut r, c.edit).expect("apply");
        let p = presentation(&r, &c.id).expect("created");
        assert_eq!(p.provenance, Provenance::Editorial);
        for t in ["a", "b", "c"] {
            let e = add_step(&r, &c.id, step(t)).expect("add");
            apply(&mut r, e).expect("apply");
        }
        assert_eq!(titles(&r, &c.id), ["a", "b", "c"]);
        let e = move_step(&r, &c.id, 2, 0).expect("move");
        let undo = apply(&mut r, e).expect("apply");
        assert_eq!(titles(&r, &c.id), ["c", "a", "b"]);
        apply(&mut r, undo).expect("undo");
        assert_eq!(titles(&r, &c.id), ["a", "b", "c"]);
        let e = remove_step(&r, &c.id, 1).expect("remove");
        apply(&mut r, e).expect("apply");
        assert_eq!(titles(&r, &c.id), ["a", "c"]);
        assert!(matches!(
            remove_step(&r, &c.id, 2),
            Err(EditError::OutOfRange { index: 2, len: 2 })
        ));
    }

    #[test]
    fn a_step_cannot_select_an_item_that_does_not_exist() {
        let mut r = crate::bundled::open().expect("bundled").roadmap;
        let c = create_presentation(&r, "council", Vec::new()).expect("create");
        apply(&mut r, c.edit).expect("apply");
        let mut s = step("x");
        s.selection = Some(crate::model::ItemRef::Measure(
            crate::model::MeasureId::new("m.nope").expect("id"),
        ));
        let e = add_step(&r, &c.id, s).expect("edit");
        assert!(matches!(apply(&mut r, e), Err(EditError::Dangling { .. })));
    }
}
