//! Benchmarks at 1×, 10×, 100× and 1000× the bundled roadmap (see BENCHMARKS.md).
//!
//! The roadmaps are generated once per run into a temporary folder (`waymark generate`, seed 1).
//! Measured: load + validate from disk, save (canonical text of every file), the link index with
//! coverage, the filter, the timeline layout (each also "from memory", with the caches evicted
//! before every iteration), one headless frame of every view (`run_ui` and
//! tessellation, the CPU side of a frame), and cold start to the first frame.
//!
//! `WAYMARK_BENCH_SCALES=1,100 cargo bench --bench scale` measures fewer scales;
//! `WAYMARK_BENCH_FRAME_SCALES` (default `1,100,1000`) the scales of the view frames;
//! `WAYMARK_BENCH_FRAME_SKIP` (default: none) view frames not measured, as `view@scale`
//! (`linkage@1000,kpis@1000`).

use std::collections::BTreeSet;
use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use waymark::action::Tab;
use waymark::analysis::coverage::coverage;
use waymark::analysis::filter::{Filter, apply};
use waymark::analysis::index::Index;
use waymark::analysis::timeline::{Grouping, layout};
use waymark::document::{Disk, open};
use waymark::i18n::Lang;
use waymark::model::{MinistryCode, canonical_text};

mod common;

/// The allocator the `waymark` binary uses, so that these numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use common::{Generated, Loaded, scales};

fn generated() -> &'static Generated {
    static GENERATED: OnceLock<Generated> = OnceLock::new();
    GENERATED.get_or_init(|| {
        let scales = scales();
        eprintln!("generating {scales:?}× roadmaps …");
        Generated::new(&scales)
    })
}

fn frame_scales() -> Vec<u32> {
    let wanted = common::list_of_scales("WAYMARK_BENCH_FRAME_SCALES", &[1, 100, 1000]);
    let have = scales();
    wanted.into_iter().filter(|n| have.contains(n)).collect()
}

/// Criterion settings by scale: at least 10 samples, and less time at the larger scales where
/// one iteration takes up to a second.
fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
}

fn load_and_save(c: &mut Criterion) {
    let g = generated();
    let mut load = c.benchmark_group("load_validate");
    configure(&mut load);
    for &n in &scales() {
        let entry = g.entry(n);
        load.bench_with_input(BenchmarkId::from_parameter(n), entry, |b, entry| {
            b.iter(|| open(&Disk, black_box(entry)).expect("opens"));
        });
    }
    load.finish();
    let mut save = c.benchmark_group("save");
    configure(&mut save);
    for &n in &scales() {
        let doc = g.open(n);
        save.bench_with_input(BenchmarkId::from_parameter(n), &doc, |b, doc| {
            b.iter(|| canonical_text(black_box(&doc.roadmap)));
        });
    }
    save.finish();
}

/// Overwrites a buffer larger than the machine's last-level cache, so that the next iteration
/// finds none of the roadmap in cache (as after the user has been working elsewhere).
struct Evictor(Vec<u64>);

impl Evictor {
    /// 256 MiB, past the 105 MiB L3 of the benchmark machine (see BENCHMARKS.md).
    fn new() -> Self {
        Self(vec![0; 32 << 20])
    }

    fn evict(&mut self) {
        for (i, x) in self.0.iter_mut().enumerate() {
            *x = x.wrapping_add(i as u64);
        }
        black_box(&self.0);
    }
}

/// One analysis as a benchmark runs it.
type Analysis = fn(&waymark::document::Document, &Index, &Filter);

fn analysis(c: &mut Criterion) {
    let g = generated();
    let docs: Vec<_> = scales()
        .into_iter()
        .map(|n| {
            let doc = g.open(n);
            let index = Index::build(&doc.roadmap);
            (n, doc, index)
        })
        .collect();
    // A filter as a user sets it: text, one ministry and a fiscal-year range.
    let filter = Filter {
        text: "医療".to_owned(),
        ministries: BTreeSet::from([MinistryCode::new("厚").expect("code")]),
        fy_from: Some(2024),
        fy_to: Some(2030),
        ..Filter::default()
    };
    let analyses: [(&str, Analysis); 3] = [
        ("index_coverage", |doc, _, _| {
            let index = Index::build(&doc.roadmap);
            black_box(coverage(&doc.roadmap, &index));
        }),
        ("filter_apply", |doc, index, filter| {
            black_box(apply(&doc.roadmap, index, black_box(filter)));
        }),
        ("timeline_layout", |doc, index, _| {
            black_box(layout(
                &doc.roadmap,
                index,
                Grouping::Ministry,
                Lang::Ja,
                &|_| true,
            ));
        }),
    ];
    let mut evictor = Evictor::new();
    for (name, run) in analyses {
        // Warm: the same roadmap again and again, as much of it in cache as fits.
        let mut group = c.benchmark_group(name);
        configure(&mut group);
        for (n, doc, index) in &docs {
            group.bench_function(BenchmarkId::from_parameter(n), |b| {
                b.iter(|| run(doc, index, &filter));
            });
        }
        group.finish();
        // From memory: every iteration starts with the caches holding none of it.
        let mut group = c.benchmark_group(format!("{name}_from_memory"));
        configure(&mut group);
        for (n, doc, index) in &docs {
            group.bench_function(BenchmarkId::from_parameter(n), |b| {
                b.iter_batched(
                    || evictor.evict(),
                    |()| run(doc, index, &filter),
                    criterion::BatchSize::PerIteration,
                );
            });
        }
        group.finish();
    }
}

/// Whether the frame of `tab` at scale `n` is left out (`WAYMARK_BENCH_FRAME_SKIP`).
fn skipped(tab: Tab, n: u32) -> bool {
    let list = std::env::var("WAYMARK_BENCH_FRAME_SKIP").unwrap_or_default();
    let this = format!("{}@{n}", common::tab_name(tab));
    list.split(',').any(|s| s.trim() == this)
}

fn frames(c: &mut Criterion) {
    let g = generated();
    for n in frame_scales() {
        let loaded = Loaded::new(g.open(n));
        let view = loaded.view();
        let mut group = c.benchmark_group(format!("frame_{n}x"));
        configure(&mut group);
        for tab in Tab::ALL {
            if skipped(tab, n) {
                eprintln!(
                    "frame_{n}x/{}: skipped (WAYMARK_BENCH_FRAME_SKIP)",
                    common::tab_name(tab)
                );
                continue;
            }
            let ctx = common::context();
            // Warm up: the first frames lay out and rasterise every glyph once.
            let mut frame_no = 0;
            for _ in 0..3 {
                common::tab_frame(&ctx, frame_no, tab, &view);
                frame_no += 1;
            }
            group.bench_function(common::tab_name(tab), |b| {
                b.iter(|| {
                    frame_no += 1;
                    common::tab_frame(&ctx, frame_no, tab, &view).primitives
                });
            });
        }
        group.finish();
    }
}

fn cold_start(c: &mut Criterion) {
    let mut group = c.benchmark_group("cold_start");
    configure(&mut group);
    // From nothing to the first frame drawn: fonts, the bundled roadmap loaded and validated,
    // derived data, the whole explorer's first frame tessellated.
    group.bench_function("bundled", |b| {
        b.iter(|| {
            let ctx = common::context();
            let mut app = waymark::app::WaymarkApp::new(None, waymark::app::Prefs::default());
            common::run_frame(&ctx, 0, |ui, _| app.frame_ui(ui)).primitives
        });
    });
    let g = generated();
    for n in frame_scales().into_iter().filter(|&n| n > 1) {
        let entry = g.entry(n).clone();
        group.bench_function(BenchmarkId::new("generated", n), |b| {
            b.iter(|| {
                let ctx = common::context();
                let mut app = waymark::app::WaymarkApp::new(
                    Some(entry.clone()),
                    waymark::app::Prefs::default(),
                );
                common::run_frame(&ctx, 0, |ui, _| app.frame_ui(ui)).primitives
            });
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_save, analysis, frames, cold_start);
criterion_main!(benches);
