//! Why a save did not happen, in the interface language. The English text is the error's own
//! (`Display`, used by the command line); the Japanese one is written here, variant by variant,
//! so that a new variant cannot go untranslated. What the operating system says of a failed
//! write is quoted as it gives it.

use std::path::PathBuf;

use super::SaveError;
use crate::i18n::Lang;
use crate::model::LeavesFolder;

/// Paths as a list in Japanese text: 「a」、「b」.
fn list_ja(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("「{}」", p.display()))
        .collect::<Vec<_>>()
        .join("、")
}

impl SaveError {
    /// Why the save did not happen (or did not finish), in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            SaveError::Invalid(diagnostics) => format!(
                "ロードマップに{}件のエラーがあります。直してから保存してください",
                diagnostics.iter().filter(|d| d.is_error()).count()
            ),
            SaveError::ChangedOnDisk(paths) => {
                format!(
                    "読み込んだ後にWaymarkの外で変更されています：{}",
                    list_ja(paths)
                )
            }
            SaveError::WouldOverwrite(paths) => {
                format!(
                    "既存のファイルを上書きすることになります：{}",
                    list_ja(paths)
                )
            }
            SaveError::OutsideFolder { name, how } => {
                let how = match how {
                    LeavesFolder::Absolute => "絶対パスであり",
                    LeavesFolder::GoesUp => "「..」でフォルダーの外に出ており",
                };
                format!(
                    "取り込みファイル「{name}」は{how}、選んだフォルダーの外に書くことになります。取り込みファイルの名前は「..」を含まない、入口ファイルからの相対パスにしてください"
                )
            }
            SaveError::SymbolicLinks(paths) => format!(
                "シンボリックリンクの上やその先には書きません：{}。リンクのないフォルダーを選んでください",
                list_ja(paths)
            ),
            SaveError::LinkOutside { path, target } => format!(
                "「{}」はシンボリックリンクでロードマップのフォルダーの外の「{}」を指しているため、保存しませんでした",
                path.display(),
                target.display()
            ),
            SaveError::Write { path, source, .. } => {
                format!("「{}」を保存できませんでした：{source}", path.display())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_errors_read_in_the_interface_language() {
        let e = SaveError::SymbolicLinks(vec![PathBuf::from("a/matrix.ron")]);
        assert_eq!(
            e.message(Lang::Ja),
            "シンボリックリンクの上やその先には書きません：「a/matrix.ron」。リンクのないフォルダーを選んでください"
        );
        assert_eq!(e.message(Lang::En), e.to_string());
        let e = SaveError::OutsideFolder {
            name: "../x.ron".into(),
            how: LeavesFolder::GoesUp,
        };
        assert!(
            e.message(Lang::Ja)
                .contains("「..」でフォルダーの外に出ており")
        );
    }
}
