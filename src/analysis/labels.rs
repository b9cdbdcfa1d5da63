//! Short, human labels for items, as every view and the inspector show them.

use std::borrow::Cow;

use crate::i18n::Lang;
use crate::model::{ItemRef, Roadmap, circled};

/// Cuts `text` to at most `max` characters, marking the cut with `…`.
pub fn ellipsize(text: &str, max: usize) -> String {
    // The text with its runs of whitespace made single spaces, built only as far as needed: a
    // label of 16 characters does not need a paragraph of 300 flattened (or even split into
    // words: Japanese text has no spaces, so its first "word" is all of it) first.
    let mut flat = String::with_capacity(text.len().min(max.saturating_mul(4) + 8));
    let mut count = 0;
    let mut space = false;
    // Where the text is cut if it turns out too long: after `max - 1` characters.
    let keep = max.saturating_sub(1);
    let mut cut = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            space = count > 0;
            continue;
        }
        if count > max {
            break;
        }
        if space {
            flat.push(' ');
            count += 1;
            space = false;
            if count == keep {
                cut = flat.len();
            }
        }
        flat.push(c);
        count += 1;
        if count == keep {
            cut = flat.len();
        }
    }
    if count > max {
        flat.truncate(cut);
        flat.push('…');
    }
    flat
}

/// A short tag for an item: `小論点1-2`, `提言⑤`, `2030-1`, `文` …
pub fn tag(roadmap: &Roadmap, item: &ItemRef, lang: Lang) -> String {
    match item {
        ItemRef::Gap(id) => match roadmap.gap(id) {
            Some(g) => match g.theme.as_ref().and_then(|t| roadmap.theme(t)) {
                Some(t) => format!("{}{}-{}", lang.pick("小論点", "Issue "), t.number, g.number),
                None => format!("{}{}", lang.pick("ギャップ", "Gap "), g.number),
            },
            None => id.to_string(),
        },
        ItemRef::Proposal(id) => roadmap.proposal(id).map_or_else(
            || id.to_string(),
            |p| format!("{}{}", lang.pick("提言", "Proposal "), circled(p.number)),
        ),
        ItemRef::Theme(id) => roadmap.theme(id).map_or_else(
            || id.to_string(),
            |t| format!("{}{}", lang.pick("項目", "Theme "), t.number),
        ),
        ItemRef::Target(id) => roadmap.target(id).map_or_else(
            || id.to_string(),
            |t| {
                let n = roadmap.target_rank(id).unwrap_or(0);
                format!("★{}-{}", t.horizon_year, n + 1)
            },
        ),
        ItemRef::Ministry(code) => code.to_string(),
        other => other.id_str().to_owned(),
    }
}

/// The main text of an item, whole.
pub fn text(roadmap: &Roadmap, item: &ItemRef, lang: Lang) -> String {
    text_cow(roadmap, item, lang).into_owned()
}

/// [`text`], borrowed from the roadmap where it is written there as it is shown.
fn text_cow<'r>(roadmap: &'r Roadmap, item: &ItemRef, lang: Lang) -> Cow<'r, str> {
    // In English: the short English title, else the English gloss, else the text as written.
    let pick_en = |ja: &'r str, title_en: Option<&'r String>, en: Option<&'r String>| match (
        lang,
        title_en.or(en),
    ) {
        (Lang::En, Some(en)) => Cow::Borrowed(en.as_str()),
        _ => Cow::Borrowed(ja),
    };
    match item {
        ItemRef::Source(id) => roadmap
            .source(id)
            .map(|s| pick_en(&s.title, s.title_en.as_ref(), s.en.as_ref())),
        ItemRef::Ministry(code) => roadmap.ministry(code).map(|m| match lang {
            Lang::Ja => Cow::Borrowed(m.name.as_str()),
            Lang::En => Cow::Borrowed(m.name_en.as_str()),
        }),
        ItemRef::Stage(id) => roadmap.stage(id).map(|s| match (&s.detail, lang, &s.en) {
            (_, Lang::En, Some(en)) => Cow::Borrowed(en.as_str()),
            (Some(d), _, _) => Cow::Owned(format!("{}（{}）", s.name, d)),
            (None, _, _) => Cow::Borrowed(s.name.as_str()),
        }),
        ItemRef::Target(id) => roadmap
            .target(id)
            .map(|t| pick_en(&t.text, t.title_en.as_ref(), t.en.as_ref())),
        ItemRef::Note(id) => roadmap
            .note(id)
            .map(|n| pick_en(&n.text, n.title_en.as_ref(), n.en.as_ref())),
        ItemRef::Theme(id) => roadmap
            .theme(id)
            .map(|t| pick_en(&t.title, t.title_en.as_ref(), t.en.as_ref())),
        ItemRef::Gap(id) => roadmap
            .gap(id)
            .map(|g| pick_en(&g.text, g.title_en.as_ref(), g.en.as_ref())),
        ItemRef::Measure(id) => roadmap.measure(id).map(|m| {
            match (&m.title, lang, m.title_en.as_ref().or(m.en.as_ref())) {
                (_, Lang::En, Some(en)) => Cow::Borrowed(en.as_str()),
                (Some(t), _, _) => Cow::Borrowed(t.as_str()),
                (None, _, _) => Cow::Borrowed(m.text.as_str()),
            }
        }),
        ItemRef::Proposal(id) => roadmap
            .proposal(id)
            .map(|p| pick_en(&p.statement, p.title_en.as_ref(), p.en.as_ref())),
        ItemRef::Kpi(id) => roadmap
            .kpi(id)
            .map(|k| pick_en(&k.name, k.title_en.as_ref(), k.en.as_ref())),
        ItemRef::Budget(id) => roadmap
            .budget(id)
            .map(|b| pick_en(&b.title, b.title_en.as_ref(), b.en.as_ref())),
        ItemRef::Event(id) => roadmap
            .event(id)
            .map(|e| pick_en(&e.title, e.title_en.as_ref(), e.en.as_ref())),
    }
    .unwrap_or_else(|| Cow::Owned(format!("({})", item.id_str())))
}

/// A one-line label: the tag and the start of the text.
pub fn short(roadmap: &Roadmap, item: &ItemRef, lang: Lang, max_chars: usize) -> String {
    let tag = tag(roadmap, item, lang);
    let text = text_cow(roadmap, item, lang);
    if tag == item.id_str() && !matches!(item, ItemRef::Ministry(_)) {
        ellipsize(&text, max_chars)
    } else {
        format!("{tag} {}", ellipsize(&text, max_chars))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsize_counts_characters() {
        // The same as flattening the whole text first, for every length.
        let slow = |text: &str, max: usize| {
            let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if flat.chars().count() <= max {
                flat
            } else {
                let mut s: String = flat.chars().take(max.saturating_sub(1)).collect();
                s.push('…');
                s
            }
        };
        for text in [
            "",
            " ",
            "a",
            "ab cd",
            "  再生  医療\n の 実用化 ",
            "x\u{3000}y",
        ] {
            for max in 0..12 {
                assert_eq!(ellipsize(text, max), slow(text, max), "{text:?} {max}");
            }
        }
        assert_eq!(ellipsize("再生医療", 10), "再生医療");
        assert_eq!(ellipsize("再生・細胞医療・遺伝子治療", 5), "再生・細…");
        assert_eq!(ellipsize("a\n  b", 10), "a b");
    }
}
