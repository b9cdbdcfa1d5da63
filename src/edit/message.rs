//! Why an edit was refused, in the interface language. The English text is the error's own
//! (`Display`), which the command line and logs use; the Japanese one is written here, variant by
//! variant, so that a new variant cannot go untranslated (the match is exhaustive).

use crate::i18n::Lang;
use crate::model::{IdError, MinistryCodeError};

use super::{EditError, ItemKey};

/// The Japanese name of a kind of item, from the English one the edit errors carry.
fn what_ja(what: &str) -> &str {
    match what {
        "source" => "出典",
        "ministry" => "府省庁",
        "stage" => "バリューチェーンの段階",
        "target state" => "目指すべき姿",
        "note" => "補足",
        "theme" => "項目",
        "gap" => "論点・ギャップ",
        "measure" => "施策",
        "proposal" => "提言",
        "KPI" => "KPI",
        "budget" => "予算",
        "event" => "出来事",
        "scenario" => "シナリオ",
        other => other,
    }
}

/// An item named in Japanese: its kind and its ID.
fn item_ja(key: &ItemKey) -> String {
    format!("{}「{}」", what_ja(key.what()), key.id_str())
}

fn id_error_ja(error: &IdError) -> String {
    match error {
        IdError::Empty => "IDは空にできません".to_owned(),
        IdError::TooLong(n) => format!(
            "IDは{}文字までです（この ID は{n}文字）",
            crate::model::MAX_ID_LEN
        ),
        IdError::BadChar(c) => {
            format!("IDに使えるのは半角英数字と「.」「-」「_」だけです（{c:?} は使えません）")
        }
    }
}

fn ministry_code_error_ja(error: &MinistryCodeError) -> String {
    match error {
        MinistryCodeError::Empty => "府省庁コードは空にできません".to_owned(),
        MinistryCodeError::TooLong(code) => {
            format!(
                "府省庁コードは「文」「厚」のような8文字までの略称です（{code:?} は長すぎます）"
            )
        }
        MinistryCodeError::BadChar(c) => {
            format!("府省庁コードに空白や「・」「、」などの区切りは使えません（{c:?}）")
        }
    }
}

impl EditError {
    /// Why the edit was refused, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            EditError::NotFound(key) => format!("{}は存在しません", item_ja(key)),
            EditError::KeyChanged(key) => format!("{}のIDは変更できません", item_ja(key)),
            EditError::DuplicateId(key) => {
                format!("{}はすでにあります。IDは重複できません", item_ja(key))
            }
            EditError::OutOfRange { index, len } => {
                format!("位置{index}は{len}件の一覧の範囲外です")
            }
            EditError::LinkMismatch { index } => {
                format!("位置{index}のリンクが想定と違います。ロードマップが変更されています")
            }
            EditError::ConflictMismatch { index } => {
                format!("位置{index}のマージの衝突が想定と違います。ロードマップが変更されています")
            }
            EditError::NoSuchFile(n) => format!("ロードマップに{n}番のファイルはありません"),
            EditError::Dangling { what, id } => format!("{}「{id}」は存在しません", what_ja(what)),
            EditError::StillReferenced { item, by } => {
                format!(
                    "{}はまだ参照されています（{}）",
                    item_ja(item),
                    by.join("、")
                )
            }
            EditError::SelfLink(id) => format!("「{id}」を自分自身にはリンクできません"),
            EditError::NotAProgramme(id) => format!(
                "施策「{id}」は事業ではありません（または他の施策がこれを通じて実施されています）"
            ),
            EditError::DuplicateLink(kind) => {
                format!("この{}リンクはすでにあります", kind.name())
            }
            EditError::NoSuchLink(kind) => format!("その{}リンクはありません", kind.name()),
            EditError::NoLinkBetween { a, b } => {
                format!("{}と{}はリンクできません", a.label_ja(), b.label_ja())
            }
            EditError::NotResponsible { measure, ministry } => {
                format!("府省庁「{ministry}」は施策「{measure}」の担当ではありません")
            }
            EditError::Cycle(id) => {
                format!("KPI「{id}」が parent をたどって自分自身の親になってしまいます")
            }
            EditError::DuplicateAction(id) => format!("取組「{id}」が二重に並びます"),
            EditError::SpanOrder { start_fy, end_fy } => {
                format!("期間の終わり（{end_fy}年度）が始まり（{start_fy}年度）より前になります")
            }
            EditError::Required { item, by } => {
                format!("{}は削除できません：{}", item_ja(item), by.join("、"))
            }
            EditError::BadId { id, error } => {
                format!("「{id}」はIDとして使えません：{}", id_error_ja(error))
            }
            EditError::BadMinistryCode(error) => ministry_code_error_ja(error),
            EditError::NotInScope(id) => format!("論点「{id}」はその一覧にありません"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GapId, ItemKind, MeasureId};

    #[test]
    fn refusals_read_in_the_interface_language() {
        let e = EditError::NoLinkBetween {
            a: ItemKind::Measure,
            b: ItemKind::Kpi,
        };
        assert_eq!(e.message(Lang::Ja), "施策とKPIはリンクできません");
        assert_eq!(e.message(Lang::En), "a measure and a KPI cannot be linked");
        let e = EditError::DuplicateId(ItemKey::Gap(GapId::new("g.1").expect("id")));
        assert_eq!(
            e.message(Lang::Ja),
            "論点・ギャップ「g.1」はすでにあります。IDは重複できません"
        );
        let e = EditError::NotAProgramme(MeasureId::new("m.1").expect("id"));
        assert!(!e.message(Lang::Ja).is_ascii());
    }
}
