//! The coverage report as text, shared by its picture and the reports: the lists of what is
//! unaddressed, and a KPI behind target in one line.

use super::tables::number;
use crate::analysis::coverage::{Coverage, LaggingKpi};
use crate::analysis::labels;
use crate::i18n::Lang;
use crate::model::{ItemRef, Roadmap};

/// The coverage report's lists, each with its title: gaps no measure answers, and measures
/// without a ministry, without a span, or with an assumed span.
pub fn coverage_lists(c: &Coverage, lang: Lang) -> [(&'static str, &[ItemRef]); 4] {
    [
        (
            lang.pick("対応する施策のない論点", "Gaps no measure answers"),
            &c.unaddressed_gaps,
        ),
        (
            lang.pick("府省庁の記載のない施策", "Measures without a ministry"),
            &c.measures_without_ministry,
        ),
        (
            lang.pick("期間の記載のない施策", "Measures without a span"),
            &c.measures_without_span,
        ),
        (
            lang.pick("期間が仮定の施策", "Measures with an assumed span"),
            &c.measures_with_assumed_span,
        ),
    ]
}

/// A KPI behind target in one line: its name, latest value, the value expected by now, and the
/// target.
pub fn lagging_line(roadmap: &Roadmap, k: &LaggingKpi, lang: Lang) -> String {
    format!(
        "{} — {} {} / {} {} / {} {}",
        labels::text(roadmap, &k.kpi, lang),
        lang.pick("最新値", "latest"),
        number(k.latest),
        lang.pick("見込み", "expected"),
        number(k.expected.round()),
        lang.pick("目標", "target"),
        number(k.target),
    )
}
