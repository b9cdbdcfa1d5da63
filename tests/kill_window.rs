//! The real windowed `waymark`, killed with SIGKILL, for the bundled roadmap and for a roadmap on
//! disk: edit (Edit ▸ New ▸ Event, clicked with real mouse input), wait for the recovery file,
//! kill, start again, restore — the edit is there; discard, kill, start again — nothing is
//! offered.
//!
//! It runs the binary under Xvfb and clicks with xdotool, finding each button by its label in the
//! file the app writes when `WAYMARK_WIDGETS_FILE` is set (what a screen reader sees). Where Xvfb
//! or xdotool is missing it says so and is skipped; CI installs both.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NEW_EVENT: &str = "新しいイベント";

fn installed(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// An X server of our own, stopped when dropped.
struct Display {
    server: Child,
    name: String,
}

impl Display {
    fn start() -> Display {
        // Xvfb picks a free display itself and writes its number: two tests starting servers
        // at once never share one.
        let mut server = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let stdout = server.stdout.take().expect("piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).ok();
            tx.send(line).ok();
        });
        let number = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("Xvfb says which display it serves");
        let name = format!(":{}", number.trim());
        Display { server, name }
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .expect("xdotool runs");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        self.server.kill().ok();
        self.server.wait().ok();
    }
}

fn wait_until<T>(what: &str, limit: Duration, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(found) = probe() {
            return found;
        }
        assert!(Instant::now() < deadline, "{what}: not seen in {limit:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// One run of the app, with its own home folder (settings, recovery files) inside `home`.
struct App<'d> {
    child: Child,
    display: &'d Display,
    widgets: PathBuf,
}

impl<'d> App<'d> {
    fn start(display: &'d Display, home: &Path, roadmap: Option<&Path>) -> App<'d> {
        let widgets = home.join("widgets.tsv");
        std::fs::remove_file(&widgets).ok();
        // A working folder with no `roadmaps/` beside it, as when `waymark` runs from anywhere.
        let cwd = home.join("cwd");
        std::fs::create_dir_all(&cwd).expect("mkdir");
        let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
        command
            .current_dir(&cwd)
            .env("DISPLAY", &display.name)
            .env_remove("WAYLAND_DISPLAY")
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("WAYMARK_WIDGETS_FILE", &widgets)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(path) = roadmap {
            command.arg(path);
        }
        let child = command.spawn().expect("waymark starts");
        let app = App {
            child,
            display,
            widgets,
        };
        app.find("編集");
        app.window();
        // The first frames after the window maps can miss a click; let it settle.
        std::thread::sleep(Duration::from_secs(1));
        app
    }

    /// The centre of the widget labelled exactly `label`, once it shows.
    fn find(&self, label: &str) -> (i64, i64) {
        wait_until(label, Duration::from_mins(1), || self.try_find(label))
    }

    fn try_find(&self, label: &str) -> Option<(i64, i64)> {
        let text = std::fs::read_to_string(&self.widgets).ok()?;
        text.lines().find_map(|line| {
            let mut cols = line.split('\t');
            (cols.next()? == label).then_some(())?;
            let bounds: Vec<f64> = cols.filter_map(|c| c.parse().ok()).collect();
            let [left, top, width, height] = bounds[..] else {
                return None;
            };
            Some(((left + width / 2.0) as i64, (top + height / 2.0) as i64))
        })
    }

    fn window(&self) -> String {
        let pid = self.child.id().to_string();
        wait_until("the window", Duration::from_secs(30), || {
            let ids = self
                .display
                .xdotool(&["search", "--pid", &pid, "--name", "Waymark"]);
            ids.lines().last().map(str::to_owned)
        })
    }

    /// Clicks the widget labelled `label` with the mouse.
    fn click(&self, label: &str) {
        let (x, y) = self.find(label);
        let window = self.window();
        let (x, y) = (x.to_string(), y.to_string());
        self.display
            .xdotool(&["mousemove", "--window", &window, &x, &y]);
        std::thread::sleep(Duration::from_millis(300));
        self.display.xdotool(&["click", "1"]);
        std::thread::sleep(Duration::from_millis(300));
    }

    fn title(&self) -> String {
        let window = self.window();
        self.display.xdotool(&["getwindowname", &window])
    }

    /// Clicks `label` until `shows` is shown (a menu opening), at most a few times.
    fn click_until(&self, label: &str, shows: &str) {
        for _ in 0..5 {
            self.click(label);
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if self.try_find(shows).is_some() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        panic!("clicking {label:?} never showed {shows:?}");
    }

    /// Edit ▸ New ▸ Event.
    fn create_event(&self) {
        self.click_until("編集", "新規作成");
        self.click_until("新規作成", "＋ イベント");
        self.click("＋ イベント");
        wait_until("the unsaved mark", Duration::from_secs(20), || {
            self.title().starts_with('●').then_some(())
        });
    }

    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().ok();
    }
}

/// The recovery files in `home`'s data folder, with their texts.
fn recovery_files(home: &Path) -> Vec<String> {
    let dir = home.join("data/waymark/recovery");
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".recovery.json"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

fn wait_for_recovery_with(home: &Path, text: &str) {
    wait_until("the recovery file", Duration::from_secs(30), || {
        recovery_files(home)
            .iter()
            .any(|r| r.contains(text))
            .then_some(())
    });
}

/// Discards what the next start offers, kills, starts again: nothing is offered.
fn discard_and_check_nothing_comes_back(display: &Display, home: &Path, roadmap: Option<&Path>) {
    let app = App::start(display, home, roadmap);
    app.click("破棄する");
    wait_until("the recovery file to go", Duration::from_secs(20), || {
        recovery_files(home).is_empty().then_some(())
    });
    app.kill();

    let app = App::start(display, home, roadmap);
    // Give an offer every chance to show.
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        app.try_find("復元する").is_none(),
        "discarded edits are offered again"
    );
    assert!(!app.title().starts_with('●'), "{}", app.title());
    app.kill();
}

fn run_or_skip() -> Option<Display> {
    let missing: Vec<&str> = ["Xvfb", "xdotool"]
        .into_iter()
        .filter(|p| !installed(p))
        .collect();
    if missing.is_empty() {
        Some(Display::start())
    } else {
        println!(
            "kill_window: skipped: {} not installed (CI installs them)",
            missing.join(", ")
        );
        None
    }
}

#[test]
fn the_bundled_roadmaps_edits_survive_sigkill_and_discarded_ones_stay_gone() {
    let Some(display) = run_or_skip() else { return };
    let home = tempfile::tempdir().expect("tmp");
    let home = home.path();

    let app = App::start(&display, home, None);
    app.create_event();
    wait_for_recovery_with(home, NEW_EVENT);
    app.kill();

    let app = App::start(&display, home, None);
    app.click("復元する");
    wait_until("the restored edit", Duration::from_secs(20), || {
        app.title().starts_with('●').then_some(())
    });
    assert!(
        app.try_find("復元できませんでした").is_none(),
        "the bundled roadmap's edits restore"
    );
    // Still unsaved, so still recoverable.
    wait_for_recovery_with(home, NEW_EVENT);
    app.kill();

    discard_and_check_nothing_comes_back(&display, home, None);
}

#[test]
fn a_roadmap_on_disks_edits_survive_sigkill_and_discarded_ones_stay_gone() {
    let Some(display) = run_or_skip() else { return };
    let home = tempfile::tempdir().expect("tmp");
    let home = home.path();
    let folder = home.join("plans");
    for (name, text) in waymark::bundled::files_of(waymark::bundled::ENTRY) {
        let path = folder.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
    }
    let entry = folder.join(waymark::bundled::ENTRY);
    let events = entry.with_file_name("events.ron");

    let app = App::start(&display, home, Some(&entry));
    app.create_event();
    wait_for_recovery_with(home, NEW_EVENT);
    app.kill();
    assert!(
        !std::fs::read_to_string(&events)
            .expect("read")
            .contains(NEW_EVENT)
    );

    let app = App::start(&display, home, Some(&entry));
    app.click("復元する");
    wait_until("the restored edit", Duration::from_secs(20), || {
        app.title().starts_with('●').then_some(())
    });
    // Save it from the File menu: the restored edit reaches the file.
    app.click("ファイル");
    app.click("保存（Ctrl+S）");
    wait_until("the saved edit", Duration::from_secs(20), || {
        let saved = std::fs::read_to_string(&events).ok()?;
        saved.contains(NEW_EVENT).then_some(())
    });
    // One more edit, unsaved, then killed; this one the user discards.
    app.create_event();
    wait_until(
        "the second edit's recovery",
        Duration::from_secs(30),
        || {
            recovery_files(home)
                .iter()
                .any(|r| r.matches(NEW_EVENT).count() >= 2)
                .then_some(())
        },
    );
    app.kill();

    discard_and_check_nothing_comes_back(&display, home, Some(&entry));
    let saved = std::fs::read_to_string(&events).expect("read");
    assert_eq!(saved.matches(NEW_EVENT).count(), 1, "the saved edit stays");
}
