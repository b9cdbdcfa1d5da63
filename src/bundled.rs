//! The bundled roadmaps, embedded in the binary so that `waymark` works from any directory.

use std::path::Path;

use crate::model::FileSystem;

/// The entry file of the bundled roadmap opened by default.
pub const ENTRY: &str = "roadmaps/regenerative-medicine.ron";

/// Every file of the bundled roadmaps, by path.
pub const FILES: &[(&str, &str)] = &[
    (
        "roadmaps/regenerative-medicine.ron",
        include_str!("../roadmaps/regenerative-medicine.ron"),
    ),
    (
        "roadmaps/ministries.ron",
        include_str!("../roadmaps/ministries.ron"),
    ),
    (
        "roadmaps/targets.ron",
        include_str!("../roadmaps/targets.ron"),
    ),
    (
        "roadmaps/matrix.ron",
        include_str!("../roadmaps/matrix.ron"),
    ),
    (
        "roadmaps/proposals-2018.ron",
        include_str!("../roadmaps/proposals-2018.ron"),
    ),
    (
        "roadmaps/programmes.ron",
        include_str!("../roadmaps/programmes.ron"),
    ),
    ("roadmaps/kpis.ron", include_str!("../roadmaps/kpis.ron")),
    (
        "roadmaps/events.ron",
        include_str!("../roadmaps/events.ron"),
    ),
    (
        "roadmaps/context.ron",
        include_str!("../roadmaps/context.ron"),
    ),
    (
        "roadmaps/scenarios.ron",
        include_str!("../roadmaps/scenarios.ron"),
    ),
    (
        "roadmaps/health-2026/health-2026.ron",
        include_str!("../roadmaps/health-2026/health-2026.ron"),
    ),
    (
        "roadmaps/health-2026/organisations.ron",
        include_str!("../roadmaps/health-2026/organisations.ron"),
    ),
    (
        "roadmaps/health-2026/targets.ron",
        include_str!("../roadmaps/health-2026/targets.ron"),
    ),
    (
        "roadmaps/health-2026/biomedicines.ron",
        include_str!("../roadmaps/health-2026/biomedicines.ron"),
    ),
    (
        "roadmaps/health-2026/biosimilars.ron",
        include_str!("../roadmaps/health-2026/biosimilars.ron"),
    ),
    (
        "roadmaps/health-2026/vaccines.ron",
        include_str!("../roadmaps/health-2026/vaccines.ron"),
    ),
    (
        "roadmaps/health-2026/infectious-disease.ron",
        include_str!("../roadmaps/health-2026/infectious-disease.ron"),
    ),
    (
        "roadmaps/health-2026/regenerative.ron",
        include_str!("../roadmaps/health-2026/regenerative.ron"),
    ),
    (
        "roadmaps/health-2026/xenotransplantation.ron",
        include_str!("../roadmaps/health-2026/xenotransplantation.ron"),
    ),
    (
        "roadmaps/health-2026/budgets.ron",
        include_str!("../roadmaps/health-2026/budgets.ron"),
    ),
    (
        "roadmaps/health-2026/events.ron",
        include_str!("../roadmaps/health-2026/events.ron"),
    ),
];

/// Reads the bundled files.
pub struct Bundled;

impl FileSystem for Bundled {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let wanted = path.to_string_lossy().replace('\\', "/");
        FILES
            .iter()
            .find(|(name, _)| *name == wanted)
            .map(|(_, text)| text.as_bytes().to_vec())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "not a bundled file"))
    }
}

/// A roadmap bundled in the binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BundledRoadmap {
    /// Its entry file, one of [`FILES`].
    pub entry: &'static str,
    /// Its title in Japanese, for menus.
    pub title_ja: &'static str,
    /// Its title in English.
    pub title_en: &'static str,
}

/// The bundled roadmaps, the one opened by default first.
pub const ROADMAPS: &[BundledRoadmap] = &[
    BundledRoadmap {
        entry: ENTRY,
        title_ja: "再生・細胞医療・遺伝子治療 ロードマップ",
        title_en: "Regenerative medicine, cell therapy and gene therapy roadmap",
    },
    BundledRoadmap {
        entry: "roadmaps/health-2026/health-2026.ron",
        title_ja: "バイオ医薬品及び再生医療等に関する取組（厚生労働省、2026年）",
        title_en: "MHLW efforts on bio-medicines and regenerative medicine (2026)",
    },
];

/// The files of the bundled roadmap whose entry file is `entry`: those in its folder, by path,
/// the entry file first.
pub fn files_of(entry: &str) -> Vec<(&'static str, &'static str)> {
    let folder = Path::new(entry).parent().unwrap_or_else(|| Path::new(""));
    FILES
        .iter()
        .filter(|(path, _)| Path::new(path).parent() == Some(folder))
        .copied()
        .collect()
}

/// Opens the first bundled roadmap.
pub fn open() -> Result<crate::document::Document, crate::model::LoadError> {
    open_entry(ENTRY)
}

/// Opens the bundled roadmap whose entry file is `entry`.
pub fn open_entry(entry: &str) -> Result<crate::document::Document, crate::model::LoadError> {
    crate::document::open_from(&Bundled, Path::new(entry), crate::document::Origin::Bundled)
}
