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

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::{
    BudgetId, EventId, FileId, FileInfo, GapId, Header, IdError, Items, KpiId, LinkKind, MeasureId,
    NoteId, ProposalId, Roadmap, RoadmapId, ScenarioId, SourceId, SourceRef, StageId, TargetId,
    ThemeId, When, canonical_text,
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

/// A small, fast, deterministic pseudo-random generator (`SplitMix64`, Steele, Lea & Flood 2014).
/// Not for cryptography; its only job is to make the same seed give the same roadmap everywhere.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`); the slight modulo bias does not matter here.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in `0.0..1.0`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A whole number in `lo..=hi`.
    pub fn between(&mut self, lo: i32, hi: i32) -> i32 {
        let span = u64::try_from(i64::from(hi) - i64::from(lo) + 1).unwrap_or(1);
        lo + i32::try_from(self.below(span)).unwrap_or(0)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            return None;
        }
        items.get(usize::try_from(self.below(items.len() as u64)).unwrap_or(0))
    }
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

/// Sentences of the base roadmap, to remix texts from.
struct Pool {
    ja: Vec<String>,
    en: Vec<String>,
}

/// Splits `text` after each `end` mark, keeping the marks.
fn sentences(text: &str, end: &str) -> Vec<String> {
    text.split_inclusive(end)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Pool {
    fn of(base: &Items) -> Self {
        let mut ja_texts: Vec<&str> = Vec::new();
        let mut en_texts: Vec<&str> = Vec::new();
        for x in &base.target_states {
            ja_texts.push(&x.text);
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.notes {
            ja_texts.push(&x.text);
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.themes {
            ja_texts.push(&x.issue);
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.gaps {
            ja_texts.push(&x.text);
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.measures {
            ja_texts.push(&x.text);
            ja_texts.extend(x.details.iter().map(String::as_str));
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.proposals {
            ja_texts.push(&x.statement);
            ja_texts.extend(x.overseas.iter().map(|o| o.text.as_str()));
            en_texts.extend(x.en.as_deref());
        }
        let mut ja: Vec<String> = ja_texts.iter().flat_map(|t| sentences(t, "。")).collect();
        let mut en: Vec<String> = en_texts.iter().flat_map(|t| sentences(t, ". ")).collect();
        ja.retain(|s| s.chars().count() >= 8);
        en.retain(|s| s.chars().count() >= 8);
        Self { ja, en }
    }

    /// A text of about the length of `text` (±25 %), made of random sentences of the pool, for
    /// three texts in five; the original for the rest and for texts of a single short sentence
    /// (titles, names, units), which are kept as they are.
    fn remix(&self, rng: &mut SplitMix64, text: &str, en: bool) -> String {
        let (pool, end) = if en {
            (&self.en, ". ")
        } else {
            (&self.ja, "。")
        };
        let len = text.chars().count();
        if pool.is_empty() || len < 20 || !text.contains(end.trim()) || !rng.chance(0.6) {
            return text.to_owned();
        }
        let target = (len as f64 * (0.75 + rng.unit() * 0.5)) as usize;
        let mut out = String::new();
        let mut n = 0;
        while n < target.max(1) {
            let Some(s) = rng.pick(pool) else { break };
            if en && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s);
            n += s.chars().count();
        }
        out
    }

    fn remix_opt(&self, rng: &mut SplitMix64, text: Option<&String>, en: bool) -> Option<String> {
        text.map(|t| self.remix(rng, t, en))
    }
}

/// Where each base file's items go in the generated roadmap: the entry file stays the entry file,
/// the ministries' file appears once, every other file once per group of replicas.
struct Layout {
    files: Vec<FileInfo>,
    /// Replicas per group.
    per_file: u32,
    /// `slots[group][base file]`: the generated file.
    slots: Vec<Vec<FileId>>,
}

impl Layout {
    fn new(base: &Roadmap, scale: u32) -> Self {
        let per_file = REPLICAS_PER_FILE.max(scale.div_ceil(100));
        let groups = scale.div_ceil(per_file);
        let mut files = vec![FileInfo {
            name: ENTRY_FILE.to_owned(),
        }];
        let shared: Vec<bool> = (0..base.files.len())
            .map(|k| {
                // A file of ministries only is shared by every replica.
                let id = file_id(k);
                let ministries = base
                    .items
                    .ministries
                    .iter()
                    .filter(|m| m.origin == id)
                    .count();
                k == 0 || (ministries > 0 && count_in(&base.items, id) == ministries)
            })
            .collect();
        let mut shared_slot = HashMap::new();
        let mut slots = Vec::new();
        for g in 0..groups {
            let mut row = Vec::new();
            for (k, info) in base.files.iter().enumerate() {
                let stem = info
                    .name
                    .rsplit('/')
                    .next()
                    .unwrap_or(&info.name)
                    .trim_end_matches(".ron")
                    .to_owned();
                let slot = if k == 0 {
                    FileId(0)
                } else if shared[k] {
                    *shared_slot.entry(k).or_insert_with(|| {
                        files.push(FileInfo {
                            name: format!("{stem}.ron"),
                        });
                        file_id(files.len() - 1)
                    })
                } else {
                    files.push(FileInfo {
                        name: format!("{stem}-{g:03}.ron"),
                    });
                    file_id(files.len() - 1)
                };
                row.push(slot);
            }
            slots.push(row);
        }
        Self {
            files,
            per_file,
            slots,
        }
    }

    fn slot(&self, r: u32, origin: FileId) -> FileId {
        self.slots[(r / self.per_file) as usize]
            .get(usize::from(origin.0))
            .copied()
            .unwrap_or(FileId(0))
    }
}

fn file_id(i: usize) -> FileId {
    FileId(u16::try_from(i).unwrap_or(u16::MAX))
}

/// How many items of every kind (links included) file `origin` holds.
fn count_in(it: &Items, origin: FileId) -> usize {
    [
        it.sources.iter().filter(|x| x.origin == origin).count(),
        it.ministries.iter().filter(|x| x.origin == origin).count(),
        it.stages.iter().filter(|x| x.origin == origin).count(),
        it.target_states
            .iter()
            .filter(|x| x.origin == origin)
            .count(),
        it.notes.iter().filter(|x| x.origin == origin).count(),
        it.themes.iter().filter(|x| x.origin == origin).count(),
        it.gaps.iter().filter(|x| x.origin == origin).count(),
        it.measures.iter().filter(|x| x.origin == origin).count(),
        it.proposals.iter().filter(|x| x.origin == origin).count(),
        it.kpis.iter().filter(|x| x.origin == origin).count(),
        it.budgets.iter().filter(|x| x.origin == origin).count(),
        it.events.iter().filter(|x| x.origin == origin).count(),
        it.scenarios.iter().filter(|x| x.origin == origin).count(),
        it.links.iter().filter(|x| x.origin == origin).count(),
    ]
    .iter()
    .sum()
}

/// Numbers that must stay unique across replicas are offset by `r × stride`.
struct Strides {
    theme: u32,
    themeless_gap: u32,
    proposal: u32,
}

impl Strides {
    fn of(base: &Items) -> Self {
        Self {
            theme: base.themes.iter().map(|t| t.number).max().unwrap_or(0),
            themeless_gap: base
                .gaps
                .iter()
                .filter(|g| g.theme.is_none())
                .map(|g| g.number)
                .max()
                .unwrap_or(0),
            proposal: base.proposals.iter().map(|p| p.number).max().unwrap_or(0),
        }
    }
}

/// Shifts a date by `years`, keeping it a real date (29 February becomes the 28th).
fn shift_when(when: &When, years: i32) -> When {
    match *when {
        When::Day(y, m, d) => When::Day(y + years, m, if m == 2 { d.min(28) } else { d }),
        When::Month(y, m) => When::Month(y + years, m),
        When::Year(y) => When::Year(y + years),
        When::FiscalYear(y) => When::FiscalYear(y + years),
    }
}

/// Scales a value by a factor in `0.6..1.4`, to one decimal; zero stays zero.
fn jitter(rng: &mut SplitMix64, value: f64) -> f64 {
    (value * (0.6 + rng.unit() * 0.8) * 10.0).round() / 10.0
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
            x.gap = x.gap.replica(r)?;
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
