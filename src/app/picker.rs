//! Choosing a file to open or save to: the system's dialog where one can be shown, else
//! Waymark's own ([`crate::ui::file_dialog`]). Either way the choice ends in
//! [`WaymarkApp::picked_open`] or [`WaymarkApp::picked_save_as`].

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::WaymarkApp;
use super::files::Msg;
use crate::action::FileDialogInput;
use crate::document::SaveOptions;
use crate::ui::file_dialog::{Entry, FileDialogState, Problem, Purpose, folder_text};

/// A system dialog that closes with nothing chosen sooner than this was never shown: nobody
/// cancels that fast.
const QUICK_CANCEL: Duration = Duration::from_millis(150);

/// Which file dialog Open and Save As use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FileDialogs {
    /// The system's where one can be shown ([`native_dialog_possible`]), else Waymark's own.
    #[default]
    Auto,
    /// Always Waymark's own, as where no system dialog can be shown.
    Builtin,
}

impl FileDialogs {
    /// `WAYMARK_FILE_DIALOG=builtin` asks for Waymark's own dialog; anything else, or nothing,
    /// for [`FileDialogs::Auto`].
    pub fn from_env() -> Self {
        match std::env::var("WAYMARK_FILE_DIALOG").as_deref() {
            Ok("builtin") => FileDialogs::Builtin,
            _ => FileDialogs::Auto,
        }
    }
}

/// Whether rfd can show a system file dialog here, judged before trying one.
///
/// rfd 0.17 with its default features (`xdg-portal`, not `gtk3`) asks the XDG desktop portal
/// (`org.freedesktop.portal.Desktop`) over the D-Bus session bus, through libdbus loaded at run
/// time, and runs `zenity` when that fails. With neither it returns "nothing chosen" at once, and
/// Open and Save As would silently do nothing. So a dialog is possible when `zenity` is on `PATH`
/// or a session bus can be reached (`DBUS_SESSION_BUS_ADDRESS`, or libdbus's default
/// `$XDG_RUNTIME_DIR/bus`). A bus without a portal is not seen here (asking the bus would need a
/// D-Bus client); rfd then returns at once, and [`QUICK_CANCEL`] catches that. On Windows and
/// macOS the system dialog is always there.
///
/// `var` reads an environment variable (`std::env::var_os`, or a test's own).
pub(super) fn native_dialog_possible(var: impl Fn(&str) -> Option<OsString>) -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let zenity = var("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join("zenity").is_file()));
    let session_bus = var("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
        || var("XDG_RUNTIME_DIR").is_some_and(|dir| Path::new(&dir).join("bus").exists());
    zenity || session_bus
}

/// The user's home folder.
fn home_dir() -> Option<PathBuf> {
    std::env::home_dir().filter(|h| !h.as_os_str().is_empty())
}

/// The folders and the files with `extension` in `folder`, folders first, each sorted by name;
/// hidden ones (`.name`) left out.
fn read_folder(folder: &Path, extension: &str) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // Follows links, so a link to a folder lists as one.
            let is_dir = e.path().is_dir();
            let listed = Path::new(&name)
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case(extension));
            (!name.starts_with('.') && (is_dir || listed)).then_some(Entry { name, is_dir })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

/// Lists `folder` in the dialog (read once, here, not while drawing).
fn list(ctx: &egui::Context, state: &mut FileDialogState, folder: PathBuf) {
    state.entries = read_folder(&folder, state.purpose.extension());
    state.listed_at = ctx.input(|i| i.time);
    state.selected = None;
    state.problem = None;
    state.folder = folder;
}

/// What confirming the dialog comes to.
enum Confirmed {
    /// Nothing more (a folder was entered, or the dialog says what is wrong).
    Stay,
    /// Open this roadmap.
    Open(PathBuf),
    /// Save to this entry file.
    Save(PathBuf),
    /// Export to this file.
    Export(PathBuf),
}

impl WaymarkApp {
    /// Where a dialog starts: the open roadmap's folder (none for the bundled one).
    pub(super) fn dialog_dir(&self) -> Option<PathBuf> {
        if self.is_bundled() {
            return None;
        }
        self.document
            .as_ref()
            .and_then(|d| d.entry_path().parent().map(Path::to_path_buf))
    }

    /// The entry file's name, offered when saving.
    fn entry_name(&self) -> Option<String> {
        let doc = self.document.as_ref()?;
        let name = doc.files[0].path.file_name()?;
        Some(name.to_string_lossy().into_owned())
    }

    /// Asks for a roadmap to open.
    pub(super) fn start_open_dialog(&mut self, ctx: &egui::Context) {
        self.start_pick_dialog(ctx, Purpose::Open);
    }

    /// Asks for another roadmap to compare the one open with.
    pub(super) fn start_compare_dialog(&mut self, ctx: &egui::Context) {
        self.start_pick_dialog(ctx, Purpose::Compare);
    }

    /// Asks for a roadmap file that exists, to open or to compare with.
    fn start_pick_dialog(&mut self, ctx: &egui::Context, purpose: Purpose) {
        if !self.files.native_dialogs {
            self.show_file_dialog(ctx, purpose);
            return;
        }
        let mut dialog = rfd::FileDialog::new().add_filter("Waymark roadmap (RON)", &["ron"]);
        if let Some(dir) = self.dialog_dir() {
            dialog = dialog.set_directory(dir);
        }
        self.run_native(ctx, purpose, dialog);
    }

    /// Asks for a new entry file to save the roadmap to.
    pub(super) fn start_save_dialog(&mut self, ctx: &egui::Context) {
        if !self.files.native_dialogs {
            self.show_file_dialog(ctx, Purpose::SaveAs);
            return;
        }
        let mut dialog = rfd::FileDialog::new().add_filter("Waymark roadmap (RON)", &["ron"]);
        if let Some(dir) = self.dialog_dir() {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = self.entry_name() {
            dialog = dialog.set_file_name(name);
        }
        self.run_native(ctx, Purpose::SaveAs, dialog);
    }

    /// Runs the system dialog on a thread (it blocks); its answer comes back as a [`Msg`].
    pub(super) fn run_native(
        &self,
        ctx: &egui::Context,
        purpose: Purpose,
        dialog: rfd::FileDialog,
    ) {
        let (tx, ctx) = (self.tx.clone(), ctx.clone());
        std::thread::spawn(move || {
            let started = Instant::now();
            let picked = match purpose {
                Purpose::Open | Purpose::Compare => dialog.pick_file(),
                Purpose::SaveAs | Purpose::Export(_) => dialog.save_file(),
            };
            let msg = match (picked, purpose) {
                (None, _) if started.elapsed() < QUICK_CANCEL => Msg::NoNativeDialog(purpose),
                (picked, Purpose::Open) => Msg::PickedOpen(picked),
                (picked, Purpose::SaveAs) => Msg::PickedSaveAs(picked),
                (picked, Purpose::Compare) => Msg::PickedCompare(picked),
                (picked, Purpose::Export(_)) => Msg::PickedExport(picked),
            };
            tx.send(msg).ok();
            ctx.request_repaint();
        });
    }

    /// No system dialog could be shown: use Waymark's own, now and from now on.
    pub(super) fn no_native_dialog(&mut self, ctx: &egui::Context, purpose: Purpose) {
        self.files.native_dialogs = false;
        self.show_file_dialog(ctx, purpose);
    }

    /// Opens Waymark's own dialog in the roadmap's folder (else the working folder, else home).
    pub(super) fn show_file_dialog(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let home = home_dir();
        let folder = self
            .dialog_dir()
            .or_else(|| std::env::current_dir().ok())
            .or_else(|| home.clone())
            .unwrap_or_else(|| PathBuf::from("/"));
        let file_name = match purpose {
            Purpose::Open | Purpose::Compare => String::new(),
            Purpose::SaveAs => self.entry_name().unwrap_or_default(),
            Purpose::Export(_) => self.export_file_name(),
        };
        let folder = match purpose {
            Purpose::Export(_) => self.export_dir().unwrap_or(folder),
            _ => folder,
        };
        let mut state = FileDialogState {
            purpose,
            opened_at: ctx.input(|i| i.time),
            entries: Ok(Vec::new()),
            listed_at: 0.0,
            path_text: folder_text(&folder),
            folder: PathBuf::new(),
            file_name,
            selected: None,
            problem: None,
            overwrite: None,
            home,
        };
        list(ctx, &mut state, folder);
        self.files.file_dialog = Some(state);
    }

    /// A roadmap was chosen to open: opened, asking first when there are unsaved changes.
    pub(super) fn picked_open(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        if let Some(path) = path {
            self.guard_unsaved(ctx, crate::document::Place::File(path));
        }
    }

    /// A roadmap was chosen to compare with (`None`: the dialog was cancelled).
    pub(super) fn picked_compare(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        if let Some(path) = path {
            self.compare_version(ctx, crate::versions::other::OtherVersion::File(path));
        }
    }

    /// A file was chosen to save to (`None`: Save As was cancelled, and so is what was to
    /// follow the save).
    pub(super) fn picked_save_as(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        match path {
            Some(path) => {
                self.save_to(ctx, Some(path), SaveOptions::default());
            }
            None => self.after_save = None,
        }
    }

    /// Carries out a step in Waymark's own file dialog.
    pub(super) fn file_dialog_input(&mut self, ctx: &egui::Context, input: FileDialogInput) {
        let Some(state) = self.files.file_dialog.as_mut() else {
            return;
        };
        match input {
            FileDialogInput::TypePath(text) => {
                // The list follows the folder typed, read once when it changes.
                let typed = state.resolve(&text);
                let folder = if text.ends_with(std::path::is_separator) {
                    Some(typed.clone())
                } else {
                    typed.parent().map(Path::to_path_buf)
                };
                state.path_text = text;
                state.problem = None;
                state.overwrite = None;
                if let Some(folder) = &folder
                    && folder != &state.folder
                    && folder.is_dir()
                {
                    list(ctx, state, folder.clone());
                }
                // The file typed is marked in the list when it is there.
                let name = typed.file_name().map(|n| n.to_string_lossy().into_owned());
                state.selected = name.filter(|name| {
                    typed.parent() == Some(state.folder.as_path())
                        && state
                            .entries
                            .as_ref()
                            .is_ok_and(|e| e.iter().any(|e| !e.is_dir && &e.name == name))
                });
            }
            FileDialogInput::TypeName(name) => {
                state.file_name = name;
                state.selected = None;
                state.problem = None;
                state.overwrite = None;
            }
            FileDialogInput::Enter(folder) => {
                state.path_text = folder_text(&folder);
                list(ctx, state, folder);
            }
            FileDialogInput::Select(name) => {
                match state.purpose {
                    Purpose::Open | Purpose::Compare => {
                        state.path_text = state.folder.join(&name).display().to_string();
                    }
                    Purpose::SaveAs | Purpose::Export(_) => {
                        state.path_text = folder_text(&state.folder);
                        state.file_name.clone_from(&name);
                    }
                }
                state.selected = Some(name);
                state.problem = None;
            }
            FileDialogInput::Confirm => match confirm(ctx, state) {
                Confirmed::Stay => {}
                Confirmed::Open(path) => {
                    let purpose = state.purpose;
                    self.files.file_dialog = None;
                    if purpose == Purpose::Compare {
                        self.picked_compare(ctx, Some(path));
                    } else {
                        self.picked_open(ctx, Some(path));
                    }
                }
                Confirmed::Save(path) => {
                    self.files.file_dialog = None;
                    self.picked_save_as(ctx, Some(path));
                }
                Confirmed::Export(path) => {
                    self.files.file_dialog = None;
                    self.picked_export(ctx, Some(path));
                }
            },
            FileDialogInput::Overwrite => {
                let purpose = state.purpose;
                if let Some(path) = state.overwrite.take() {
                    self.files.file_dialog = None;
                    match purpose {
                        Purpose::Export(_) => self.picked_export(ctx, Some(path)),
                        _ => self.picked_save_as(ctx, Some(path)),
                    }
                }
            }
            FileDialogInput::Back => state.overwrite = None,
            FileDialogInput::Cancel => {
                let purpose = state.purpose;
                self.files.file_dialog = None;
                match purpose {
                    Purpose::Open => self.picked_open(ctx, None),
                    Purpose::SaveAs => self.picked_save_as(ctx, None),
                    Purpose::Compare => self.picked_compare(ctx, None),
                    Purpose::Export(_) => self.picked_export(ctx, None),
                }
            }
        }
    }
}

/// What Open or Save in the dialog comes to. A folder typed that is not the one listed is
/// entered. Open: a file is opened. Save As and Export: the listed folder and the file name (`.ron`,
/// or the export format's extension, added when
/// it has no extension), or a whole path typed; a file that exists is replaced only once the user
/// says so.
fn confirm(ctx: &egui::Context, state: &mut FileDialogState) -> Confirmed {
    let typed = state.resolve(&state.path_text);
    let stay = |state: &mut FileDialogState, problem| {
        state.problem = Some(problem);
        Confirmed::Stay
    };
    if typed.is_dir() && typed != state.folder {
        state.path_text = folder_text(&typed);
        list(ctx, state, typed);
        return Confirmed::Stay;
    }
    match state.purpose {
        Purpose::Open | Purpose::Compare if typed.is_file() => Confirmed::Open(typed),
        Purpose::Open | Purpose::Compare if typed.is_dir() => stay(state, Problem::NoFile),
        Purpose::Open | Purpose::Compare => stay(state, Problem::NotFound),
        Purpose::SaveAs | Purpose::Export(_) => {
            let mut target = if typed.is_dir() {
                let name = state.file_name.trim();
                if name.is_empty() {
                    return stay(state, Problem::NoName);
                }
                typed.join(name)
            } else {
                typed
            };
            if target.is_dir() {
                state.path_text = folder_text(&target);
                list(ctx, state, target);
                return Confirmed::Stay;
            }
            if target.extension().is_none() {
                target.set_extension(state.purpose.extension());
            }
            if !target.parent().is_some_and(Path::is_dir) {
                return stay(state, Problem::NoFolder);
            }
            if target.exists() {
                state.overwrite = Some(target);
                return Confirmed::Stay;
            }
            if state.purpose == Purpose::SaveAs {
                Confirmed::Save(target)
            } else {
                Confirmed::Export(target)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Options, WaymarkApp};

    #[test]
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    fn a_dialog_is_possible_with_zenity_or_a_session_bus_and_not_without() {
        let tmp = tempfile::tempdir().expect("tmp");
        let bin = tmp.path().join("bin");
        std::fs::create_dir(&bin).expect("mkdir");
        let env = |vars: &[(&str, &Path)]| {
            let vars: Vec<(String, OsString)> = vars
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.as_os_str().to_owned()))
                .collect();
            move |name: &str| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        };
        assert!(!native_dialog_possible(env(&[("PATH", &bin)])));
        assert!(!native_dialog_possible(env(&[(
            "XDG_RUNTIME_DIR",
            tmp.path()
        )])));
        std::fs::write(bin.join("zenity"), "").expect("write");
        assert!(native_dialog_possible(env(&[("PATH", &bin)])));
        std::fs::write(tmp.path().join("bus"), "").expect("write");
        assert!(native_dialog_possible(env(&[(
            "XDG_RUNTIME_DIR",
            tmp.path()
        )])));
        let address = Path::new("unix:path=/run/user/1000/bus");
        assert!(native_dialog_possible(env(&[(
            "DBUS_SESSION_BUS_ADDRESS",
            address
        )])));
    }

    #[test]
    fn a_system_dialog_that_returns_at_once_gives_way_to_waymarks_own_for_good() {
        let ctx = egui::Context::default();
        let mut app = WaymarkApp::with_options(Options::default());
        app.files.native_dialogs = true;
        app.tx
            .send(Msg::NoNativeDialog(Purpose::SaveAs))
            .expect("send");
        app.poll_jobs(&ctx);
        let dialog = app
            .files
            .file_dialog
            .as_ref()
            .expect("Waymark's own dialog");
        assert_eq!(dialog.purpose, Purpose::SaveAs);
        assert_eq!(dialog.file_name, "regenerative-medicine.ron");
        assert!(!app.files.native_dialogs, "the system's is not tried again");
    }
}
