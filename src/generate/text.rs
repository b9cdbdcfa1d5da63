//! Texts for generated items, remixed from the base roadmap's own sentences: Japanese and English
//! lengths and characters stay realistic while the words carry no meaning.

use super::random::SplitMix64;
use crate::model::Items;

/// Sentences of the base roadmap, to remix texts from.
pub(super) struct Pool {
    ja: Vec<String>,
    en: Vec<String>,
}

/// Splits `text` after each `end` mark, keeping the marks.
fn sentences(text: &str, end: &str) -> Vec<String> {
    text.split_inclusive(end)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Pool {
    pub(super) fn of(base: &Items) -> Self {
        let mut ja_texts: Vec<&str> = Vec::new();
        let mut en_texts: Vec<&str> = Vec::new();
        for x in &base.target_states {
            ja_texts.push(&x.text);
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.notes {
            ja_texts.push(&x.text);
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.themes {
            ja_texts.push(&x.issue);
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.gaps {
            ja_texts.push(&x.text);
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.measures {
            ja_texts.push(&x.text);
            ja_texts.extend(x.details.iter().map(String::as_str));
            en_texts.extend(x.en.as_deref());
        }
        for x in &base.proposals {
            ja_texts.push(&x.statement);
            ja_texts.extend(x.overseas.iter().map(|o| o.text.as_str()));
            en_texts.extend(x.en.as_deref());
        }
        let mut ja: Vec<String> = ja_texts.iter().flat_map(|t| sentences(t, "。")).collect();
        let mut en: Vec<String> = en_texts.iter().flat_map(|t| sentences(t, ". ")).collect();
        ja.retain(|s| s.chars().count() >= 8);
        en.retain(|s| s.chars().count() >= 8);
        Self { ja, en }
    }

    /// A text of about the length of `text` (±25 %), made of random sentences of the pool, for
    /// three texts in five; the original for the rest and for texts of a single short sentence
    /// (titles, names, units), which are kept as they are.
    pub(super) fn remix(&self, rng: &mut SplitMix64, text: &str, en: bool) -> String {
        let (pool, end) = if en {
            (&self.en, ". ")
        } else {
            (&self.ja, "。")
        };
        let len = text.chars().count();
        if pool.is_empty() || len < 20 || !text.contains(end.trim()) || !rng.chance(0.6) {
            return text.to_owned();
        }
        let target = (len as f64 * (0.75 + rng.unit() * 0.5)) as usize;
        let mut out = String::new();
        let mut n = 0;
        while n < target.max(1) {
            let Some(s) = rng.pick(pool) else { break };
            if en && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s);
            n += s.chars().count();
        }
        out
    }

    pub(super) fn remix_opt(
        &self,
        rng: &mut SplitMix64,
        text: Option<&String>,
        en: bool,
    ) -> Option<String> {
        text.map(|t| self.remix(rng, t, en))
    }
}
