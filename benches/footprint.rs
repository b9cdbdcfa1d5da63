//! Not timings: how often the explorer repaints when nothing happens, and how much memory a large
//! roadmap takes. Prints a report (see BENCHMARKS.md); exits non-zero if an idle view keeps asking
//! for frames.
//!
//! Peak memory is the process's high-water mark (`VmHWM` in `/proc/self/status`), measured in a
//! fresh child process of this benchmark that does only one thing: open a generated roadmap as
//! the explorer does and draw its first frame (or, with `--check`, load and validate it as
//! `waymark check` does). The parent generates the roadmaps, so generation never counts.
//!
//! `footprint --footprint-child ENTRY --analyse N` is a child of another sort, run by hand under
//! a cache simulator: it loads `ENTRY` and builds the link index and coverage report `N` times
//! (BENCHMARKS.md gives the command).

use std::path::Path;
use std::process::Command;

use waymark::action::Tab;

mod common;

/// The allocator the `waymark` binary uses, so that these numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use common::{Generated, Loaded, scales};

/// Frames run, at 60 a second of simulated time, with no input at all: three seconds.
const FRAMES: u64 = 180;
/// The last frames, which must not ask for another: after two seconds any animation (scroll bars
/// fading in, for one) is long over, so a request now is a repaint loop.
const IDLE_FRAMES: u64 = 60;

/// The process's peak resident memory, in KiB.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// What a child does after its first step.
enum Child {
    /// Load and validate, as `waymark check` does.
    Check,
    /// Open as the explorer does and draw the first frame.
    Explorer,
    /// Load, then build the link index and the coverage report this many times: run under a
    /// cache simulator (see BENCHMARKS.md), it counts the work of the analysis alone.
    Analyse(usize),
}

/// The child: opens `entry` as `what` says, prints the peak memory.
fn child(entry: &Path, what: &Child) {
    let before = peak_kib().unwrap_or(0);
    let open = || waymark::document::open(&waymark::document::Disk, entry).expect("opens");
    match *what {
        Child::Check => {
            std::hint::black_box(&open());
        }
        Child::Analyse(times) => {
            let doc = open();
            for _ in 0..times {
                let index = waymark::analysis::index::Index::build(&doc.roadmap);
                std::hint::black_box(waymark::analysis::coverage::coverage(&doc.roadmap, &index));
            }
        }
        Child::Explorer => {
            let ctx = common::context();
            let mut app = waymark::app::WaymarkApp::new(
                Some(entry.to_owned()),
                waymark::app::Prefs::default(),
            );
            common::run_frame(&ctx, 0, |ui, _| app.frame_ui(ui));
            std::hint::black_box(&app);
        }
    }
    println!("{before} {}", peak_kib().unwrap_or(0));
}

/// Runs [`FRAMES`] frames without input: returns the number of the last frame that asked for
/// another (0 when none did after the first), and how many of the last [`IDLE_FRAMES`] did.
fn idle_repaints(mut frame: impl FnMut(u64) -> bool) -> (u64, u64) {
    let mut last = 0;
    let mut idle = 0;
    for n in 0..FRAMES {
        if frame(n) {
            last = n;
            if n >= FRAMES - IDLE_FRAMES {
                idle += 1;
            }
        }
    }
    (last, idle)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--footprint-child") {
        let entry = Path::new(&args[i + 1]);
        let after = |name: &str| Some(args.get(args.iter().position(|a| a == name)? + 1));
        let what = if let Some(times) = after("--analyse") {
            let times = times.and_then(|t| t.parse().ok());
            Child::Analyse(times.expect("--analyse takes a count"))
        } else if args.iter().any(|a| a == "--check") {
            Child::Check
        } else {
            Child::Explorer
        };
        child(entry, &what);
        return;
    }
    // `cargo bench` passes `--bench`; with a filter that does not name this benchmark, skip.
    let filters: Vec<&String> = args[1..].iter().filter(|a| !a.starts_with('-')).collect();
    if !filters.is_empty() && !filters.iter().any(|f| "footprint".contains(f.as_str())) {
        return;
    }
    let scales = scales();
    let generated = Generated::new(&scales);

    println!(
        "idle repaints: {FRAMES} frames at 60/s with no input; the last frame asking for another, and how many of the last {IDLE_FRAMES} did"
    );
    let mut busy = Vec::new();
    for &n in scales.iter().filter(|&&n| n == 1 || n == 100) {
        let loaded = Loaded::new(generated.open(n));
        let view = loaded.view();
        for tab in Tab::ALL {
            let ctx = common::context();
            let (last, count) =
                idle_repaints(|f| common::tab_frame(&ctx, f, tab, &view).wants_repaint);
            println!(
                "  {n:>5}× {:<16} settled after frame {last:>3}; idle repaints {count}",
                common::tab_name(tab)
            );
            if count > 0 {
                println!("        asked for by {:?}", ctx.repaint_causes());
                busy.push(format!("{n}× {}", common::tab_name(tab)));
            }
        }
    }
    for tab in Tab::ALL {
        let ctx = common::context();
        let prefs = waymark::app::Prefs {
            tab,
            ..waymark::app::Prefs::default()
        };
        let mut app = waymark::app::WaymarkApp::new(None, prefs);
        let (last, count) =
            idle_repaints(|f| common::run_frame(&ctx, f, |ui, _| app.frame_ui(ui)).wants_repaint);
        println!(
            "  explorer {:<16} settled after frame {last:>3}; idle repaints {count}",
            common::tab_name(tab)
        );
        if count > 0 {
            println!("        asked for by {:?}", ctx.repaint_causes());
            busy.push(format!("explorer {}", common::tab_name(tab)));
        }
    }

    println!("peak memory (VmHWM, fresh process; before → after opening):");
    let exe = std::env::current_exe().expect("own path");
    for (n, entry) in &generated.entries {
        let bytes: u64 = std::fs::read_dir(entry.parent().expect("folder"))
            .expect("read dir")
            .filter_map(|e| e.ok()?.metadata().ok())
            .map(|m| m.len())
            .sum();
        for (what, flag) in [
            ("check (load + validate)", "--check"),
            ("explorer, first frame", ""),
        ] {
            let mut cmd = Command::new(&exe);
            cmd.arg("--footprint-child").arg(entry);
            if !flag.is_empty() {
                cmd.arg(flag);
            }
            let out = cmd.output().expect("child runs");
            let text = String::from_utf8_lossy(&out.stdout);
            let mut it = text
                .split_whitespace()
                .filter_map(|x| x.parse::<u64>().ok());
            let (before, after) = (it.next().unwrap_or(0), it.next().unwrap_or(0));
            println!(
                "  {n:>5}× ({:>6.1} MB of files) {what:<24} {:>7.1} MB → {:>7.1} MB",
                bytes as f64 / 1e6,
                before as f64 / 1024.0,
                after as f64 / 1024.0
            );
        }
    }
    if !busy.is_empty() {
        eprintln!("views that repaint when idle: {}", busy.join(", "));
        std::process::exit(1);
    }
}
