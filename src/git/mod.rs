//! Roadmaps in git, through the `git` command: reading a roadmap's files as a revision holds
//! them ([`Revision`]), and registering Waymark as the merge driver and diff of a repository's
//! roadmap files ([`setup`]). The commands built on them are in [`commands`].

pub mod commands;

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

use crate::model::FileSystem;

/// Why git could not be used.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// The `git` command could not be run.
    #[error("the `git` command could not be run: {0}")]
    NotInstalled(std::io::Error),
    /// A git command failed.
    #[error("`git {command}` failed: {message}")]
    Failed {
        /// The command's arguments.
        command: String,
        /// What it said.
        message: String,
    },
    /// A file could not be read or written.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs `git ARGS` in `dir`, and returns its output when it succeeds.
pub fn git(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(GitError::NotInstalled)?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(GitError::Failed {
            command: args.join(" "),
            message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }
}

/// Whether the `git` command can be run here.
pub fn available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The nearest folder of `path` (itself, or a parent) that exists.
fn existing_folder(path: &Path) -> PathBuf {
    let absolute = absolute(path);
    let mut dir = absolute.as_path();
    loop {
        if dir.is_dir() {
            return dir.to_owned();
        }
        match dir.parent() {
            Some(parent) => dir = parent,
            None => return PathBuf::from("."),
        }
    }
}

/// `path` made absolute against the current folder, with `.` and `..` resolved as written.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()
            .and_then(std::fs::canonicalize)
            .unwrap_or_default()
            .join(path)
    };
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The top folder of the work tree that `path` is in.
pub fn top_level(path: &Path) -> Result<PathBuf, GitError> {
    let output = git(&existing_folder(path), &["rev-parse", "--show-toplevel"])?;
    let top = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    Ok(std::fs::canonicalize(&top).unwrap_or_else(|_| PathBuf::from(top)))
}

/// The files of a roadmap as one revision of a git repository holds them (`git show REV:path`),
/// for paths in the repository's work tree. Each file is read from git once.
pub struct Revision {
    rev: String,
    top: PathBuf,
    read: Mutex<HashMap<PathBuf, Result<Vec<u8>, String>>>,
}

impl Revision {
    /// The revision `rev` (a commit, branch, tag, `HEAD~3` …) of the repository that `near` (a
    /// path in its work tree) is in. Fails when there is no such repository or revision.
    pub fn new(rev: &str, near: &Path) -> Result<Self, GitError> {
        let top = top_level(near)?;
        git(
            &top,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .map_err(|_| GitError::Failed {
            command: format!("rev-parse {rev}"),
            message: format!(
                "`{rev}` is not a revision of the repository at {}",
                top.display()
            ),
        })?;
        Ok(Self {
            rev: rev.to_owned(),
            top,
            read: Mutex::new(HashMap::new()),
        })
    }

    /// The revision as given.
    pub fn name(&self) -> &str {
        &self.rev
    }

    /// `path`, relative to the top of the work tree, with `/` between its parts.
    fn in_tree(&self, path: &Path) -> std::io::Result<String> {
        let absolute = absolute(path);
        let rel = absolute.strip_prefix(&self.top).map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "{} is outside the repository at {}",
                    path.display(),
                    self.top.display()
                ),
            )
        })?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Ok(parts.join("/"))
    }
}

impl FileSystem for Revision {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let mut read = self
            .read
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let found = read.entry(path.to_owned()).or_insert_with(|| {
            let rel = self.in_tree(path).map_err(|e| e.to_string())?;
            git(&self.top, &["show", &format!("{}:{rel}", self.rev)])
                .map(|o| o.stdout)
                .map_err(|_| format!("{rel} is not in revision {}", self.rev))
        });
        found
            .clone()
            .map_err(|message| std::io::Error::new(std::io::ErrorKind::NotFound, message))
    }
}

/// The `.gitattributes` line that gives roadmap files matching `pattern` Waymark's merge driver
/// and diff.
pub fn attributes_line(pattern: &str) -> String {
    format!("{pattern} merge=waymark diff=waymark")
}

/// The `git config` settings that register `program` (the `waymark` command) as the merge driver
/// and diff named `waymark`: name, value.
pub fn config_lines(program: &str) -> Vec<(&'static str, String)> {
    vec![
        ("merge.waymark.name", "Waymark roadmap merge".to_owned()),
        (
            "merge.waymark.driver",
            format!("{program} merge %O %A %B --path %P -o %A"),
        ),
        ("diff.waymark.command", format!("{program} git-diff")),
        ("diff.waymark.textconv", format!("{program} textconv")),
    ]
}

/// Quotes `text` for the shell git runs drivers with, where it needs quoting.
pub fn shell_quote(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:=@".contains(c))
    {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Registers `program` as the merge driver and diff of the repository that `dir` is in: adds
/// the [`attributes_line`] for `pattern` to the `.gitattributes` at the top of its work tree
/// (unless it is there) and sets the [`config_lines`] in its local configuration. Returns the
/// `.gitattributes` file's path.
pub fn setup(dir: &Path, program: &str, pattern: &str) -> Result<PathBuf, GitError> {
    let top = top_level(dir)?;
    let attributes = top.join(".gitattributes");
    let line = attributes_line(pattern);
    let mut text = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.into()),
    };
    if !text.lines().any(|l| l.trim() == line) {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        std::fs::write(&attributes, text)?;
    }
    for (key, value) in config_lines(program) {
        git(&top, &["config", key, &value])?;
    }
    Ok(attributes)
}
