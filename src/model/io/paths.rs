//! Keeping a roadmap inside its folder: every included file must be inside the entry file's
//! folder, both as the entry file names it (relative, without `..`) and where it really is once
//! symbolic links are resolved. A roadmap copied from someone else cannot make Waymark read
//! `/etc/passwd` or a file beside the roadmap's folder.

use std::path::{Component, Path, PathBuf};

use super::files::{Cite, FileSystem};
use crate::diagnostic::Diagnostic;

/// How a file name, as written, would leave the folder it is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeavesFolder {
    /// It is an absolute path (`/etc/passwd`, `C:\data.ron`).
    Absolute,
    /// It has a `..` component.
    GoesUp,
}

impl LeavesFolder {
    /// What is wrong, in words that follow the name: "is an absolute path".
    pub fn describe(self) -> &'static str {
        match self {
            LeavesFolder::Absolute => "is an absolute path",
            LeavesFolder::GoesUp => "goes up out of the folder with `..`",
        }
    }
}

/// Whether `name`, a file named relative to a folder (an include), would leave that folder as
/// written: `None` when it stays inside.
pub fn leaves_folder(name: &str) -> Option<LeavesFolder> {
    let mut up = false;
    for component in Path::new(name).components() {
        match component {
            Component::Prefix(_) | Component::RootDir => return Some(LeavesFolder::Absolute),
            Component::ParentDir => up = true,
            Component::CurDir | Component::Normal(_) => {}
        }
    }
    up.then_some(LeavesFolder::GoesUp)
}

/// The refusal of an include whose name leaves the entry file's folder.
pub(super) fn name_refused(name: &str, how: LeavesFolder, cite: Cite<'_>) -> Diagnostic {
    cite.error(
        "include-outside-folder",
        format!(
            "the include `{name}` {}; an included file must be inside the entry file's folder, named relative to it, such as `parts/gaps.ron`",
            how.describe()
        ),
    )
}

/// The folder a path is in, `.` for a bare file name.
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Checks that the include `name` (at `path`) really is inside `root`, the entry file's folder
/// with links resolved: that no symbolic link, of the file or of a folder on its way, leads
/// out of it. A file that cannot be resolved (it does not exist) passes here and is reported
/// when it is looked at.
pub(super) fn check_inside(
    fs: &dyn FileSystem,
    name: &str,
    path: &Path,
    root: Option<&Path>,
    cite: Cite<'_>,
) -> Result<(), Diagnostic> {
    let Some(root) = root else {
        return Ok(());
    };
    let real: Option<PathBuf> = fs.real_path(path).ok().flatten();
    match real {
        Some(real) if !real.starts_with(root) => Err(cite.error(
            "include-outside-folder",
            format!(
                "the include `{name}` leads outside the entry file's folder through a symbolic link, to `{}`; an included file must be inside that folder",
                real.display()
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_folder_are_told_apart() {
        for inside in ["a.ron", "parts/a.ron", "./a.ron", "a..b.ron", "..a.ron", ""] {
            assert_eq!(leaves_folder(inside), None, "{inside}");
        }
        for up in ["..", "../a.ron", "parts/../a.ron", "parts/.."] {
            assert_eq!(leaves_folder(up), Some(LeavesFolder::GoesUp), "{up}");
        }
        assert_eq!(leaves_folder("/etc/passwd"), Some(LeavesFolder::Absolute));
        assert_eq!(leaves_folder("/a/../b"), Some(LeavesFolder::Absolute));
    }

    #[test]
    fn a_bare_name_is_in_the_current_folder() {
        assert_eq!(folder_of(Path::new("a.ron")), Path::new("."));
        assert_eq!(folder_of(Path::new("x/a.ron")), Path::new("x"));
    }
}
