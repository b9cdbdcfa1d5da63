//! The `waymark` command: opens the explorer, or checks, formats and exports roadmaps.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use waymark::cli;

/// Waymark: explore and edit strategy roadmaps.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A roadmap's entry file to open; without one the bundled roadmap opens.
    path: Option<PathBuf>,
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
    /// Export the whole resolved roadmap.
    Export {
        /// Export format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Entry file of the roadmap.
        path: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
}

fn main() -> anyhow::Result<ExitCode> {
    let args = Cli::parse();
    let mut out = std::io::stdout().lock();
    let code = match args.command {
        Some(Command::Check { paths, format }) => {
            cli::check(&paths, matches!(format, Format::Json), &mut out)?
        }
        Some(Command::Fmt { paths, check }) => cli::fmt(&paths, check, &mut out)?,
        Some(Command::Export {
            format: ExportFormat::Json,
            path,
        }) => cli::export_json(&path, &mut out)?,
        None => {
            drop(out);
            waymark::app::run(args.path)?;
            0
        }
    };
    Ok(ExitCode::from(code))
}
