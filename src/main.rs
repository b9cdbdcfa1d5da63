//! The `waymark` command: opens the explorer, or checks, formats and exports roadmaps.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use waymark::action::Tab;
use waymark::app::Present;
use waymark::cli;
use waymark::git::commands as git;
use waymark::i18n::Lang;

/// mimalloc: loading a large roadmap allocates millions of small strings on several threads,
/// where it is markedly faster than the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Waymark: explore and edit strategy roadmaps.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A roadmap's entry file to open; without one the bundled roadmap opens.
    path: Option<PathBuf>,
    /// The view to show first: timeline, matrix, accountability, proposals, value-chain, targets,
    /// linkage, coverage or kpis.
    #[arg(long, value_parser = parse_view)]
    view: Option<Tab>,
    /// Open for review only: nothing can be changed or saved over.
    #[arg(long)]
    read_only: bool,
    /// The interface language: ja or en.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Present a presentation full screen from the start: the one with this ID, or the first.
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
    present: Option<String>,
}

/// What `--present [ID] [PATH]` asks for: the presentation (`None` for the first) and the
/// roadmap. A value that names a `.ron` file, given without a path, is the path.
fn present_args(
    present: Option<String>,
    path: Option<PathBuf>,
) -> anyhow::Result<(Option<Present>, Option<PathBuf>)> {
    let Some(value) = present else {
        return Ok((None, path));
    };
    if value.is_empty() {
        return Ok((Some(Present::First), path));
    }
    if path.is_none()
        && std::path::Path::new(&value)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        return Ok((Some(Present::First), Some(PathBuf::from(value))));
    }
    let id = waymark::model::PresentationId::new(value.clone())
        .map_err(|e| anyhow::anyhow!("`{value}` is not a presentation ID: {e}"))?;
    Ok((Some(Present::Id(id)), path))
}

fn parse_view(name: &str) -> Result<Tab, String> {
    Tab::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Tab::ALL.iter().map(|t| t.name()).collect();
        format!(
            "unknown view `{name}`; expected one of {}",
            names.join(", ")
        )
    })
}

fn parse_lang(name: &str) -> Result<Lang, String> {
    match name {
        "ja" => Ok(Lang::Ja),
        "en" => Ok(Lang::En),
        _ => Err(format!("unknown language `{name}`; expected ja or en")),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check roadmaps and print diagnostics as `file:line:col: severity: message`.
    Check {
        /// Entry files of the roadmaps to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Folder of the source texts: also check that every stated item's quoted text appears
        /// in the lines of its source that its locator cites.
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Rewrite roadmaps in canonical form; files with errors are left untouched.
    Fmt {
        /// Entry files of the roadmaps to format.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Change nothing; exit 1 if any file is not in canonical form.
        #[arg(long)]
        check: bool,
    },
    /// Rewrite roadmaps written in an older schema in the current one (schema 2), reporting
    /// each file's change; roadmaps with errors are left untouched.
    Migrate {
        /// Entry files of the roadmaps to migrate.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export a view's picture (svg, png, pdf), the tables (xlsx, csv), a report (html, md) or
    /// the whole resolved roadmap (json).
    Export {
        /// Export format: svg, png, pdf, xlsx, csv, html, md or json.
        #[arg(long, value_parser = parse_export_format, default_value = "json")]
        format: waymark::export::Format,
        /// The view pictured (svg, png, pdf; timeline by default), or the one table written
        /// (csv: matrix, proposals, measures, kpis or budgets).
        #[arg(long)]
        view: Option<String>,
        /// Language of labels and headings: ja or en.
        #[arg(long, value_parser = parse_lang, default_value = "ja")]
        lang: Lang,
        /// The file to write (csv without --view: the folder to write a file per table into);
        /// text formats go to standard output without it.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Pixels per point of a PNG.
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// The width of a PNG in pixels (instead of --scale).
        #[arg(long, value_name = "PIXELS")]
        width: Option<u32>,
        /// The pages of a PDF: fit (one page the size of the picture), a4 or a3 (landscape).
        #[arg(long, value_name = "PAGE")]
        page: Option<String>,
        /// Show this scenario (its ID; `plan`, the default, for the plan).
        #[arg(long, value_name = "ID")]
        scenario: Option<String>,
        /// Compare the scenario shown with this one (its ID, or `plan`): the timeline draws
        /// where its measures are as ghosts.
        #[arg(long, value_name = "ID")]
        compare: Option<String>,
        /// Entry file of the roadmap.
        path: PathBuf,
    },
    /// Write a synthetic roadmap N times the size of the bundled one, for benchmarks.
    Generate {
        /// How many times the bundled roadmap's items (1–10000).
        #[arg(long)]
        scale: u32,
        /// Seed of the pseudo-random choices; the same seed gives the same files.
        #[arg(long, default_value_t = waymark::generate::DEFAULT_SEED)]
        seed: u64,
        /// Folder to write the entry file `roadmap.ron` and its included files into.
        out: PathBuf,
    },
    /// Compare two versions of a roadmap item by item: OLD NEW (entry files, folders or files),
    /// REV PATH (a git revision of PATH with PATH), or REV [REV] -- ENTRY. Exit 0 when equal,
    /// 1 when different, 2 on error.
    Diff {
        /// The old version: a path, or a git revision.
        old: String,
        /// The new version: a path, or with `-- ENTRY` a revision (left out: the work tree).
        new: Option<String>,
        /// The roadmap's entry file (or one of its files), when OLD and NEW are revisions.
        #[arg(last = true)]
        entry: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The language of the report: ja or en.
        #[arg(long, value_parser = parse_lang, default_value = "ja")]
        lang: Lang,
    },
    /// Merge two versions of one roadmap file item by item and field by field (git's merge
    /// driver: `waymark merge %O %A %B --path %P -o %A`). Exit 0 when clean, 1 with conflicts
    /// (recorded in the file), 2 on error.
    Merge {
        /// The version both sides started from (git's %O).
        base: PathBuf,
        /// Ours (git's %A).
        ours: PathBuf,
        /// Theirs (git's %B).
        theirs: PathBuf,
        /// The file's path in the repository, for messages (git's %P).
        #[arg(long)]
        path: Option<PathBuf>,
        /// Where to write the result.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Register Waymark as the merge driver and diff of the git repository DIR is in: a
    /// `.gitattributes` entry and `git config` settings.
    GitSetup {
        /// A folder in the repository.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Which files are roadmap files, as a `.gitattributes` pattern.
        #[arg(long, default_value = "*.ron")]
        pattern: String,
    },
    /// git's external diff for a roadmap file (`diff.waymark.command`); git passes the seven
    /// arguments.
    #[command(hide = true)]
    GitDiff {
        /// The file's path.
        path: PathBuf,
        /// The old version's file.
        old_file: PathBuf,
        /// Its object name.
        old_hex: String,
        /// Its mode.
        old_mode: String,
        /// The new version's file.
        new_file: PathBuf,
        /// Its object name.
        new_hex: String,
        /// Its mode.
        new_mode: String,
    },
    /// A roadmap file as one line per field of every item, for git's line diff
    /// (`diff.waymark.textconv`).
    #[command(hide = true)]
    Textconv {
        /// The file.
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn parse_export_format(name: &str) -> Result<waymark::export::Format, String> {
    waymark::export::Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = waymark::export::Format::ALL
            .iter()
            .map(|f| f.name())
            .collect();
        format!(
            "unknown format `{name}`; expected one of {}",
            names.join(", ")
        )
    })
}

/// Whether `error` is a write to a reader that has gone away (`waymark export … | head`).
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Runs the command; output cut short by a reader that stopped reading ends quietly, as
/// `cat` and other filters do.
fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e:?}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let args = Cli::parse();
    let mut out = std::io::stdout().lock();
    let code = match args.command {
        Some(Command::Check {
            paths,
            format,
            sources,
        }) => {
            let options = cli::CheckOptions {
                json: matches!(format, Format::Json),
                sources: sources.as_deref(),
            };
            cli::check(&paths, options, &mut out)?
        }
        Some(Command::Fmt { paths, check }) => cli::fmt(&paths, check, &mut out)?,
        Some(Command::Migrate { paths }) => cli::migrate(&paths, &mut out)?,
        Some(Command::Export {
            format,
            view,
            lang,
            out: file,
            scale,
            width,
            page,
            scenario,
            compare,
            path,
        }) => {
            let request = cli::ExportRequest {
                format,
                view: view.as_deref(),
                lang,
                out: file.as_deref(),
                scale,
                width_px: width,
                page: page.as_deref(),
                scenario: scenario.as_deref(),
                compare: compare.as_deref(),
            };
            cli::export(&path, &request, &mut out, &mut std::io::stderr().lock())?
        }
        Some(Command::Generate {
            scale,
            seed,
            out: dir,
        }) => waymark::generate::run(scale, seed, &dir, &mut out)?,
        Some(Command::Diff {
            old,
            new,
            entry,
            format,
            lang,
        }) => {
            let options = git::DiffOptions {
                json: matches!(format, Format::Json),
                lang,
            };
            let mut err = std::io::stderr().lock();
            git::diff(
                &old,
                new.as_deref(),
                entry.as_deref(),
                options,
                &mut out,
                &mut err,
            )
        }
        Some(Command::Merge {
            base,
            ours,
            theirs,
            path,
            output,
        }) => git::merge(
            &base,
            &ours,
            &theirs,
            path.as_deref(),
            &output,
            &mut out,
            &mut std::io::stderr().lock(),
        ),
        Some(Command::GitSetup { dir, pattern }) => {
            git::git_setup(&dir, &pattern, &mut out, &mut std::io::stderr().lock())
        }
        Some(Command::GitDiff {
            path,
            old_file,
            new_file,
            ..
        }) => git::git_diff(
            &path,
            &old_file,
            &new_file,
            args.lang.unwrap_or_default(),
            &mut out,
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Textconv { file }) => {
            git::textconv(&file, &mut out, &mut std::io::stderr().lock())
        }
        None => {
            drop(out);
            let (present, path) = present_args(args.present, args.path)?;
            waymark::app::run(
                waymark::app::Options {
                    path,
                    read_only: args.read_only,
                    present,
                    ..Default::default()
                },
                args.view,
                args.lang,
            )?;
            0
        }
    };
    Ok(ExitCode::from(code))
}
