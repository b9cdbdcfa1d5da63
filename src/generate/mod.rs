//! Synthetic roadmaps for benchmarks and scale tests: `waymark generate --scale N OUT`.
//!
//! A generated roadmap is `N` replicas of a base roadmap (the bundled one): every item kind in the
//! same proportions, every link, the same ministries, spans, dates and numbers of the same shape.
//! Replica `r` renames each ID `x` to `x.r<r>` and keeps its references inside the replica, except
//! for about one link in ten, which reaches into another replica so that the link graph is not `N`
//! disjoint copies. Texts are remixed from the base roadmap's own sentences, so Japanese text
//! lengths and characters stay realistic while the words carry no meaning.
//!
//! Output is deterministic: the same base, scale and seed give byte-identical files, written in
//! canonical form through [`crate::model::canonical_text`], as `waymark fmt` writes them.
//!
//! The files are laid out like `roadmaps/`: an entry file [`ENTRY_FILE`] with the header, the
//! includes and every replica's sources; `ministries.ron` once; and each further file of the base
//! once per group of replicas (`matrix-000.ron`, `matrix-001.ron` …; 10 replicas a group up to
//! 1000×, see [`REPLICAS_PER_FILE`]), so that no file grows past a few megabytes and the include
//! count stays below [`crate::model::MAX_INCLUDES`] at any scale up to [`MAX_SCALE`].

use std::io::Write;
use std::path::{Path, PathBuf};

mod layout;
mod random;
mod text;

pub use random::SplitMix64;

use layout::{Layout, Strides};
use random::jitter;
use text::Pool;

use crate::model::{
    BudgetId, EventId, FileId, GapId, Header, IdError, Items, KpiId, LinkKind, MeasureId, NoteId,
    ProposalId, Roadmap, RoadmapId, ScenarioId, SourceId, SourceRef, StageId, TargetId, ThemeId,
    When, canonical_text,
};

/// The entry file of a generated roadmap.
pub const ENTRY_FILE: &str = "roadmap.ron";
/// How many replicas share one file of each kind, at least; above 1000× more share a file, so
/// that a roadmap never has more than about 700 files.
pub const REPLICAS_PER_FILE: u32 = 10;
/// The largest scale accepted: well past the 1000× the benchmarks use, and still within
/// [`crate::model::MAX_INCLUDES`] files.
pub const MAX_SCALE: u32 = 10_000;
/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1;

/// Why a roadmap could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// The scale is 0 or above [`MAX_SCALE`].
    #[error("scale {0} is out of range; give 1 to {MAX_SCALE}")]
    Scale(u32),
    /// A renamed ID is not valid (the base has an ID too long to take a replica suffix).
    #[error("a replica ID is not valid: {0}")]
    Id(#[from] IdError),
    /// The base roadmap does not load.
    #[error("the base roadmap does not load: {0}")]
    Base(#[from] crate::model::LoadError),
    /// The report could not be written.
    #[error("cannot write the report: {0}")]
    Report(#[from] std::io::Error),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// IDs that can be renamed into a replica.
trait Replica: Sized {
    fn replica(&self, r: u32) -> Result<Self, IdError>;
}

macro_rules! replica_ids {
    ($($t:ty),* $(,)?) => {
        $(impl Replica for $t {
            fn replica(&self, r: u32) -> Result<Self, IdError> {
                <$t>::new(format!("{}.r{r}", self.as_str()))
            }
        })*
    };
}

replica_ids!(
    SourceId, StageId, TargetId, NoteId, ThemeId, GapId, MeasureId, ProposalId, KpiId, BudgetId,
    EventId, ScenarioId,
);

fn source_ref(s: Option<&SourceRef>, r: u32) -> Result<Option<SourceRef>, IdError> {
    s.map(|s| {
        Ok(SourceRef {
            doc: s.doc.replica(r)?,
            locator: s.locator.clone(),
        })
    })
    .transpose()
}

/// Shifts a date by `years`, keeping it a real date (29 February becomes the 28th).
fn shift_when(when: &When, years: i32) -> When {
    match *when {
        When::Day(y, m, d) => When::Day(y + years, m, if m == 2 { d.min(28) } else { d }),
        When::Month(y, m) => When::Month(y + years, m),
        When::Year(y) => When::Year(y + years),
        When::FiscalYear(y) => When::FiscalYear(y + years),
        When::FiscalYearEnd(y) => When::FiscalYearEnd(y + years),
        // A decade stays a decade: shifted by whole decades, rounded down.
        When::Decade(y) => When::Decade((y + years).div_euclid(10) * 10),
    }
}

/// Generates `scale` replicas of `base`, deterministically from `seed`.
pub fn generate(base: &Roadmap, scale: u32, seed: u64) -> Result<Roadmap, GenerateError> {
    if scale == 0 || scale > MAX_SCALE {
        return Err(GenerateError::Scale(scale));
    }
    let mut rng = SplitMix64::new(seed);
    let base_items = &base.items;
    let pool = Pool::of(base_items);
    let strides = Strides::of(base_items);
    let layout = Layout::new(base, scale);
    let header = &base.header;
    let mut items = Items::default();
    // Ministries are shared by every replica: a roadmap 1000 times larger still has the same
    // handful of ministries. They cite replica 0's sources.
    for m in &base_items.ministries {
        let mut m = m.clone();
        m.source = source_ref(m.source.as_ref(), 0)?;
        m.origin = layout.slot(0, m.origin);
        items.ministries.push(m);
    }
    for r in 0..scale {
        let slot = |origin: FileId| layout.slot(r, origin);
        for x in &base_items.sources {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.origin = slot(x.origin);
            items.sources.push(x);
        }
        for x in &base_items.stages {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.stages.push(x);
        }
        for x in &base_items.target_states {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.text = pool.remix(&mut rng, &x.text, false);
            x.en = pool.remix_opt(&mut rng, x.en.as_ref(), true);
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.target_states.push(x);
        }
        for x in &base_items.notes {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.text = pool.remix(&mut rng, &x.text, false);
            x.en = pool.remix_opt(&mut rng, x.en.as_ref(), true);
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.notes.push(x);
        }
        for x in &base_items.themes {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.number += r * strides.theme;
            x.issue = pool.remix(&mut rng, &x.issue, false);
            x.en = pool.remix_opt(&mut rng, x.en.as_ref(), true);
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.themes.push(x);
        }
        for x in &base_items.gaps {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            match &x.theme {
                Some(t) => x.theme = Some(t.replica(r)?),
                None => x.number += r * strides.themeless_gap,
            }
            x.text = pool.remix(&mut rng, &x.text, false);
            x.en = pool.remix_opt(&mut rng, x.en.as_ref(), true);
            x.stages = x
                .stages
                .iter()
                .map(|s| s.replica(r))
                .collect::<Result<_, _>>()?;
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.gaps.push(x);
        }
        for x in &base_items.measures {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.text = pool.remix(&mut rng, &x.text, false);
            x.details = x
                .details
                .iter()
                .map(|d| pool.remix(&mut rng, d, false))
                .collect();
            x.en = pool.remix_opt(&mut rng, x.en.as_ref(), true);
            if let Some(span) = &mut x.span {
                let d = rng.between(-2, 2);
                span.start_fy = (span.start_fy + d).clamp(header.start_fy, header.end_fy);
                span.end_fy = (span.end_fy + d).clamp(header.start_fy, header.end_fy);
            }
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.measures.push(x);
        }
        for x in &base_items.proposals {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.number += r * strides.proposal;
            x.gap = x.gap.map(|g| g.replica(r)).transpose()?;
            x.statement = pool.remix(&mut rng, &x.statement, false);
            for ex in &mut x.overseas {
                ex.text = pool.remix(&mut rng, &ex.text, false);
            }
            x.actions = x
                .actions
                .iter()
                .map(|a| a.replica(r))
                .collect::<Result<_, _>>()?;
            x.en = pool.remix_opt(&mut rng, x.en.as_ref(), true);
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.proposals.push(x);
        }
        for x in &base_items.kpis {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.parent = x.parent.as_ref().map(|p| p.replica(r)).transpose()?;
            if let Some(t) = &mut x.target {
                t.value = jitter(&mut rng, t.value);
            }
            if let Some(l) = &mut x.latest {
                l.value = jitter(&mut rng, l.value);
            }
            for a in &mut x.actuals {
                a.value = jitter(&mut rng, a.value);
            }
            x.assessment = pool.remix_opt(&mut rng, x.assessment.as_ref(), false);
            x.en = pool.remix_opt(&mut rng, x.en.as_ref(), true);
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.kpis.push(x);
        }
        for x in &base_items.budgets {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.programme = x.programme.as_ref().map(|p| p.replica(r)).transpose()?;
            x.amount_oku_yen = jitter(&mut rng, x.amount_oku_yen);
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.budgets.push(x);
        }
        for x in &base_items.events {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            x.when = shift_when(&x.when, rng.between(-1, 1));
            x.text = pool.remix_opt(&mut rng, x.text.as_ref(), false);
            x.en = pool.remix_opt(&mut rng, x.en.as_ref(), true);
            x.source = source_ref(x.source.as_ref(), r)?;
            x.origin = slot(x.origin);
            items.events.push(x);
        }
        for x in &base_items.scenarios {
            let mut x = x.clone();
            x.id = x.id.replica(r)?;
            for ov in &mut x.overrides {
                ov.measure = ov.measure.replica(r)?;
            }
            x.origin = slot(x.origin);
            items.scenarios.push(x);
        }
        for l in &base_items.links {
            let mut l = l.clone();
            // About one link in ten reaches into another replica (never a duplicate: only one
            // end moves, and into a replica other than its own).
            let other = (scale > 1 && rng.chance(0.1)).then(|| {
                let k = u32::try_from(rng.below(u64::from(scale - 1))).unwrap_or(0);
                if k >= r { k + 1 } else { k }
            });
            let far = other.unwrap_or(r);
            l.link = match &l.link {
                LinkKind::AddressedBy { gap, measure } => LinkKind::AddressedBy {
                    gap: gap.replica(r)?,
                    measure: measure.replica(far)?,
                },
                LinkKind::Responsible {
                    measure,
                    ministry,
                    role,
                } => LinkKind::Responsible {
                    measure: measure.replica(r)?,
                    ministry: ministry.clone(),
                    role: *role,
                },
                LinkKind::ContributesTo { measure, target } => LinkKind::ContributesTo {
                    measure: measure.replica(r)?,
                    target: target.replica(far)?,
                },
                LinkKind::Blocks { gap, target } => LinkKind::Blocks {
                    gap: gap.replica(r)?,
                    target: target.replica(far)?,
                },
                LinkKind::Continues { earlier, later } => LinkKind::Continues {
                    earlier: earlier.replica(far)?,
                    later: later.replica(r)?,
                },
                LinkKind::SameAs { gap, other } => LinkKind::SameAs {
                    gap: gap.replica(r)?,
                    other: other.replica(r)?,
                },
                LinkKind::MeasuredBy { measure, kpi } => LinkKind::MeasuredBy {
                    measure: measure.replica(r)?,
                    kpi: kpi.replica(far)?,
                },
                LinkKind::Through { measure, programme } => LinkKind::Through {
                    measure: measure.replica(r)?,
                    programme: programme.replica(far)?,
                },
            };
            l.note = pool.remix_opt(&mut rng, l.note.as_ref(), true);
            l.source = source_ref(l.source.as_ref(), r)?;
            l.origin = slot(l.origin);
            items.links.push(l);
        }
    }
    // Items in file order, as loading the written files gives them back.
    sort_by_file(&mut items);
    Ok(Roadmap::new(
        Header {
            id: RoadmapId::new(format!("{}-x{scale}", header.id))?,
            title: format!("{}（合成データ ×{scale}）", header.title),
            title_en: Some(format!(
                "{} (synthetic, {scale}×, seed {seed})",
                header.title_en.as_deref().unwrap_or("Roadmap")
            )),
            description: Some(format!(
                "`waymark generate --scale {scale} --seed {seed}` の出力。{scale} 個の複製からなり、本文は元のロードマップの文をつなぎ直したもので意味を持たない。"
            )),
            start_fy: header.start_fy,
            end_fy: header.end_fy,
        },
        layout.files,
        items,
    ))
}

fn sort_by_file(it: &mut Items) {
    macro_rules! by_origin {
        ($($field:ident),*) => {$( it.$field.sort_by_key(|x| x.origin); )*};
    }
    by_origin!(
        sources,
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
        scenarios,
        links
    );
}

/// Writes `roadmap` into the folder `out` (created if need be), every file in canonical form.
/// Returns the path of the entry file.
pub fn write(roadmap: &Roadmap, out: &Path) -> Result<PathBuf, GenerateError> {
    let fail = |path: &Path| {
        let path = path.to_owned();
        move |source| GenerateError::Write { path, source }
    };
    std::fs::create_dir_all(out).map_err(fail(out))?;
    for (info, text) in roadmap.files.iter().zip(canonical_text(roadmap)) {
        let path = out.join(&info.name);
        std::fs::write(&path, text).map_err(fail(&path))?;
    }
    Ok(out.join(&roadmap.files[0].name))
}

/// `waymark generate`: writes `scale` replicas of the bundled roadmap into `out`.
pub fn run(scale: u32, seed: u64, out: &Path, report: &mut dyn Write) -> Result<u8, GenerateError> {
    let base = crate::bundled::open()?;
    let roadmap = generate(&base.roadmap, scale, seed)?;
    let entry = write(&roadmap, out)?;
    writeln!(
        report,
        "{}: {} items in {} files ({scale}× the bundled roadmap, seed {seed})",
        entry.display(),
        roadmap.items.count(),
        roadmap.files.len()
    )?;
    Ok(crate::cli::EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_deterministic_and_spread() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        let xs: Vec<u64> = (0..100).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..100).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        // The reference value of SplitMix64 seeded with 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        let mut c = SplitMix64::new(1);
        let mut hits = [0u32; 5];
        for _ in 0..5000 {
            let v = c.between(-2, 2);
            hits[usize::try_from(v + 2).expect("in range")] += 1;
        }
        assert!(hits.iter().all(|&h| h > 800), "{hits:?}");
        assert!((0..1000).all(|_| (0.0..1.0).contains(&c.unit())));
    }

    #[test]
    fn dates_stay_real_when_shifted() {
        assert_eq!(
            shift_when(&When::Day(2024, 2, 29), 1),
            When::Day(2025, 2, 28)
        );
        assert_eq!(
            shift_when(&When::Day(2024, 3, 31), -1),
            When::Day(2023, 3, 31)
        );
        assert_eq!(shift_when(&When::Month(2024, 5), 1), When::Month(2025, 5));
    }

    #[test]
    fn every_scale_stays_within_the_include_limit() {
        let base = crate::bundled::open().expect("bundled");
        for scale in [1, 10, 100, 1000, 1001, 5000, MAX_SCALE] {
            let layout = Layout::new(&base.roadmap, scale);
            let includes = layout.files.len() - 1;
            assert!(
                includes <= crate::model::MAX_INCLUDES,
                "{scale}×: {includes} includes"
            );
            // Every replica has a row of files.
            assert!(layout.slots.len() * layout.per_file as usize >= scale as usize);
        }
    }

    #[test]
    fn out_of_range_scales_are_refused() {
        let base = crate::bundled::open().expect("bundled");
        assert!(matches!(
            generate(&base.roadmap, 0, 1),
            Err(GenerateError::Scale(0))
        ));
        assert!(matches!(
            generate(&base.roadmap, MAX_SCALE + 1, 1),
            Err(GenerateError::Scale(_))
        ));
    }
}
