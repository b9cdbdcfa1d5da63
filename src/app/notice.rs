//! The status bar's one-line notices, kept as what happened rather than as text, so that they
//! read in the interface language even after it is switched.

use crate::edit::EditError;
use crate::i18n::Lang;

/// What the last notice says.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// An edit was refused, and why.
    Refused(EditError),
    /// Nothing can change in read-only mode.
    ReadOnly,
    /// A save wrote this many files (only those whose text changed).
    Saved {
        /// How many files were written.
        files: usize,
    },
    /// A roadmap with errors is not saved.
    NotSavedErrors,
    /// The roadmap was reloaded after a change made outside Waymark.
    Reloaded,
    /// The recovery file could not be removed (the system's message).
    RecoveryNotRemoved(String),
    /// The recovery file could not be written (the system's message).
    RecoveryNotWritten(String),
    /// Present was asked for, but the roadmap has no presentation.
    NoPresentation,
    /// The presentation asked for has no steps.
    NoSteps,
    /// An export to this file is under way.
    Exporting(String),
    /// An export wrote these files.
    Exported(Vec<String>),
    /// An export failed (why).
    ExportFailed(String),
}

impl Notice {
    /// The notice in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Exporting(path) => {
                format!("{}{path}", lang.pick("書き出し中: ", "Exporting: "))
            }
            Notice::Exported(files) => format!(
                "{}{}",
                lang.pick("書き出しました: ", "Exported: "),
                files.join(", ")
            ),
            Notice::ExportFailed(e) => format!(
                "{}{e}",
                lang.pick("書き出せませんでした: ", "Export failed: ")
            ),
            Notice::Refused(why) => format!(
                "{}: {}",
                lang.pick("変更できません", "Refused"),
                why.message(lang)
            ),
            Notice::ReadOnly => lang
                .pick(
                    "読み取り専用のため変更できません",
                    "Read-only: nothing can change",
                )
                .to_owned(),
            Notice::Saved { files: 0 } => lang
                .pick(
                    "保存しました（変更のあるファイルはありません）",
                    "Saved (no file had changed)",
                )
                .to_owned(),
            Notice::Saved { files: 1 } => lang
                .pick("保存しました：1ファイル", "Saved 1 file")
                .to_owned(),
            Notice::Saved { files } => match lang {
                Lang::Ja => format!("保存しました：{files}ファイル"),
                Lang::En => format!("Saved {files} files"),
            },
            Notice::NotSavedErrors => lang
                .pick(
                    "エラーがあるため保存できません（診断を参照）",
                    "Not saved: the roadmap has errors (see diagnostics)",
                )
                .to_owned(),
            Notice::Reloaded => lang
                .pick(
                    "外部で変更されたため再読み込みしました",
                    "Reloaded after a change outside Waymark",
                )
                .to_owned(),
            Notice::RecoveryNotRemoved(e) => format!(
                "{}: {e}",
                lang.pick(
                    "復旧ファイルを削除できません",
                    "Cannot remove the recovery file"
                )
            ),
            Notice::RecoveryNotWritten(e) => format!(
                "{}: {e}",
                lang.pick("復旧ファイルを書けません", "Cannot write the recovery file")
            ),
            Notice::NoPresentation => lang
                .pick(
                    "発表するプレゼンテーションがありません",
                    "No presentation to give",
                )
                .to_owned(),
            Notice::NoSteps => lang
                .pick(
                    "このプレゼンテーションにはステップがありません",
                    "This presentation has no steps",
                )
                .to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_says_how_many_files_in_either_language() {
        let two = Notice::Saved { files: 2 };
        assert_eq!(two.text(Lang::Ja), "保存しました：2ファイル");
        assert_eq!(two.text(Lang::En), "Saved 2 files");
        assert_eq!(Notice::Saved { files: 1 }.text(Lang::En), "Saved 1 file");
        assert!(
            Notice::Saved { files: 0 }
                .text(Lang::En)
                .contains("no file")
        );
    }
}
