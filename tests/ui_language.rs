//! One language at a time: every view, the inspector for each kind of item, the menus and a
//! dialog are walked in Japanese and in English, and each text a screen reader would read is
//! checked for words of the other language where the roadmap has a translation.
//!
//! - In Japanese, a Latin word must come from the roadmap's own Japanese texts (`iPS`, `AMED`,
//!   `Catapult`), never from the interface (`Proposed`, `Budget line`).
//! - In English, Japanese must come from a text the roadmap gives no English for (an overseas
//!   example, a ministry's code), never from the interface or from an item that has an English
//!   title.

use std::collections::BTreeSet;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use waymark::action::{Action, Tab};
use waymark::analysis::labels;
use waymark::app::{Opened, Prefs, WaymarkApp};
use waymark::i18n::Lang;
use waymark::model::{ItemKind, ItemRef, Roadmap};

/// The strings written inside quotes in the roadmap's files, except the English ones.
fn japanese_side_strings(entry: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (_, text) in waymark::bundled::files_of(entry) {
        for line in text.lines() {
            let key = line.trim_start().split(':').next().unwrap_or("");
            if key == "en" || key.ends_with("_en") {
                continue;
            }
            let mut rest = line;
            while let Some(start) = rest.find('"') {
                let after = &rest[start + 1..];
                let Some(end) = after.find('"') else { break };
                out.push(after[..end].to_owned());
                rest = &after[end + 1..];
            }
        }
    }
    out
}

fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // kana
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' // kanji
        | '々')
}

/// The runs of Japanese characters in `text`.
fn japanese_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        if is_japanese(c) {
            run.push(c);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// The Latin words of three letters or more in `text`.
fn latin_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .collect()
}

/// What may appear in each language besides the roadmap's texts.
struct Allowed {
    /// Strings of the roadmap in Japanese that have no English.
    untranslated: Vec<String>,
    /// Latin words of the roadmap's Japanese texts, and of names that are the same in both.
    latin: BTreeSet<String>,
}

impl Allowed {
    fn of(roadmap: &Roadmap, entry: &str) -> Self {
        let strings = japanese_side_strings(entry);
        let translated: BTreeSet<String> = all_items(roadmap)
            .into_iter()
            .filter_map(|item| {
                let ja = labels::text(roadmap, &item, Lang::Ja);
                (ja != labels::text(roadmap, &item, Lang::En)).then_some(ja)
            })
            .collect();
        let mut latin: BTreeSet<String> = strings
            .iter()
            .flat_map(|s| latin_words(s))
            .map(str::to_owned)
            .collect();
        // Words Japanese writes in Latin letters, the window's title and the file shown in the
        // status bar, the other language's button, and shortcut keys.
        for word in [
            "KPI",
            "Waymark",
            "English",
            "Ctrl",
            "Alt",
            "Shift",
            "roadmaps",
            "regenerative",
            "medicine",
            "ron",
        ] {
            latin.insert(word.to_owned());
        }
        Self {
            untranslated: strings
                .into_iter()
                .filter(|s| !translated.contains(s))
                .collect(),
            latin,
        }
    }

    /// What in `label` is of the other language than `lang`, if anything.
    fn foreign(&self, label: &str, lang: Lang) -> Option<String> {
        // egui's own name for a panel's resize handle, in English whatever the language.
        if label == "Resize panel" {
            return None;
        }
        match lang {
            Lang::Ja => latin_words(label)
                .into_iter()
                .find(|w| !self.latin.contains(*w))
                .map(str::to_owned),
            Lang::En => {
                if label == "日本語" {
                    return None;
                }
                japanese_runs(label)
                    .into_iter()
                    .find(|run| !self.untranslated.iter().any(|s| s.contains(run.as_str())))
            }
        }
    }
}

fn all_items(roadmap: &Roadmap) -> Vec<ItemRef> {
    let it = &roadmap.items;
    let mut out: Vec<ItemRef> = Vec::new();
    out.extend(it.sources.iter().map(|x| ItemRef::Source(x.id.clone())));
    out.extend(
        it.ministries
            .iter()
            .map(|x| ItemRef::Ministry(x.code.clone())),
    );
    out.extend(it.stages.iter().map(|x| ItemRef::Stage(x.id.clone())));
    out.extend(
        it.target_states
            .iter()
            .map(|x| ItemRef::Target(x.id.clone())),
    );
    out.extend(it.notes.iter().map(|x| ItemRef::Note(x.id.clone())));
    out.extend(it.themes.iter().map(|x| ItemRef::Theme(x.id.clone())));
    out.extend(it.gaps.iter().map(|x| ItemRef::Gap(x.id.clone())));
    out.extend(it.measures.iter().map(|x| ItemRef::Measure(x.id.clone())));
    out.extend(it.proposals.iter().map(|x| ItemRef::Proposal(x.id.clone())));
    out.extend(it.kpis.iter().map(|x| ItemRef::Kpi(x.id.clone())));
    out.extend(it.budgets.iter().map(|x| ItemRef::Budget(x.id.clone())));
    out.extend(it.events.iter().map(|x| ItemRef::Event(x.id.clone())));
    out
}

/// One item of each kind: what the inspector is walked through.
fn one_of_each_kind(roadmap: &Roadmap) -> Vec<ItemRef> {
    let mut seen = BTreeSet::new();
    all_items(roadmap)
        .into_iter()
        .filter(|i| seen.insert(i.kind()))
        .collect()
}

/// Every label on screen that speaks the other language, with where it was seen.
fn check(
    h: &Harness<'_, WaymarkApp>,
    allowed: &Allowed,
    lang: Lang,
    at: &str,
    out: &mut Vec<String>,
) {
    for node in h.query_all_by(|n| n.label().is_some()) {
        let label = node.accesskit_node().label().unwrap_or_default();
        if let Some(word) = allowed.foreign(&label, lang) {
            let seen = format!("«{word}» in «{label}»");
            if !out.iter().any(|l| l.ends_with(&seen)) {
                out.push(format!("{lang:?} {at}: {seen}"));
            }
        }
    }
}

fn walk(entry: &'static str) -> Vec<String> {
    let mut out = Vec::new();
    for lang in [Lang::Ja, Lang::En] {
        // The roadmap open last is opened at start.
        let app = WaymarkApp::new(
            None,
            Prefs {
                lang,
                last_opened: Some(Opened::Bundled(entry.to_owned())),
                ..Prefs::default()
            },
        );
        let mut h = Harness::builder()
            .with_size(egui::vec2(1920.0, 1080.0))
            .with_max_steps(32)
            .with_context_setup(waymark::fonts::install)
            .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app);
        h.run();
        let roadmap = h.state().document().expect("opens").roadmap.clone();
        assert!(h.state().document().is_some_and(|d| {
            d.entry_path()
                .ends_with(entry.rsplit('/').next().unwrap_or(entry))
        }));
        let allowed = Allowed::of(&roadmap, entry);
        let ctx = h.ctx.clone();
        let items = one_of_each_kind(&roadmap);
        for tab in Tab::ALL {
            h.state_mut()
                .apply(&ctx, vec![Action::SetTab(tab), Action::Select(None)]);
            h.run();
            check(&h, &allowed, lang, tab.name(), &mut out);
            // Each kind of item in the inspector (and the view with it selected).
            for item in &items {
                h.state_mut()
                    .apply(&ctx, vec![Action::Select(Some(item.clone()))]);
                h.run();
                let at = format!("{} with {:?} selected", tab.name(), item.kind());
                check(&h, &allowed, lang, &at, &mut out);
            }
        }
        // The menus, and the dialog before a deletion.
        for menu in [
            lang.pick("ファイル", "File"),
            lang.pick("編集", "Edit"),
            lang.pick("表示", "View"),
            lang.pick("言語", "Language"),
        ] {
            h.get_by_label(menu).click();
            h.run();
            check(&h, &allowed, lang, menu, &mut out);
            h.key_press(egui::Key::Escape);
            h.run();
        }
        let gap = items
            .iter()
            .find(|i| i.kind() == ItemKind::Gap)
            .expect("a gap")
            .clone();
        h.state_mut().apply(&ctx, vec![Action::Delete(gap)]);
        h.run();
        check(&h, &allowed, lang, "delete dialog", &mut out);
    }
    out
}

#[test]
fn every_view_speaks_one_language_at_a_time() {
    let found = walk(waymark::bundled::ENTRY);
    assert!(
        found.is_empty(),
        "{} texts:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_second_roadmap_speaks_one_language_at_a_time_too() {
    let found = walk(waymark::bundled::ROADMAPS[1].entry);
    assert!(
        found.is_empty(),
        "{} texts:\n{}",
        found.len(),
        found.join("\n")
    );
}
