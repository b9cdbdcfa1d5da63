//! The arithmetic behind the timeline view: the fiscal-year scale with zoom and pan, tick spacing,
//! year labels in 西暦 and 令和, the extent of the laid-out data, today's date, and the rows that
//! keep markers' labels clear of each other at the current zoom.
//!
//! Plain numbers only (pixels as `f64` offsets from the left of the plotting area), so that it can
//! be tested without a window.

use std::time::{SystemTime, UNIX_EPOCH};

use super::timeline::Timeline;
use crate::i18n::Lang;
use crate::model::When;
use crate::model::time::reiwa_year;

/// The fewest pixels a fiscal year may take (whole decades on a small window).
pub const MIN_PX_PER_YEAR: f64 = 8.0;
/// The most pixels a fiscal year may take (months readable).
pub const MAX_PX_PER_YEAR: f64 = 1200.0;

/// A horizontal scale: which fiscal year sits at the left edge, and how wide a year is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FyScale {
    /// Fiscal-year position at the left edge of the plotting area.
    pub left_fy: f64,
    /// Pixels per fiscal year.
    pub px_per_year: f64,
}

impl FyScale {
    /// The scale showing `[start_fy, end_fy)` across `width_px`.
    pub fn fit(start_fy: f64, end_fy: f64, width_px: f64) -> Self {
        let years = (end_fy - start_fy).max(1.0);
        Self {
            left_fy: start_fy,
            px_per_year: (width_px / years).clamp(MIN_PX_PER_YEAR, MAX_PX_PER_YEAR),
        }
    }

    /// Pixel offset of a fiscal-year position from the left edge.
    pub fn x_of(&self, fy: f64) -> f64 {
        (fy - self.left_fy) * self.px_per_year
    }

    /// Fiscal-year position at a pixel offset from the left edge.
    pub fn fy_at(&self, x_px: f64) -> f64 {
        self.left_fy + x_px / self.px_per_year
    }

    /// The fiscal-year range visible across `width_px`.
    pub fn visible(&self, width_px: f64) -> (f64, f64) {
        (self.left_fy, self.fy_at(width_px))
    }

    /// Zooms by `factor` (above 1 widens years), keeping the year under `anchor_px` in place.
    pub fn zoom_about(&mut self, factor: f64, anchor_px: f64) {
        let anchor_fy = self.fy_at(anchor_px);
        self.px_per_year = (self.px_per_year * factor).clamp(MIN_PX_PER_YEAR, MAX_PX_PER_YEAR);
        self.left_fy = anchor_fy - anchor_px / self.px_per_year;
    }

    /// Pans by `dx_px` pixels (positive moves the content right, showing earlier years).
    pub fn pan_px(&mut self, dx_px: f64) {
        self.left_fy -= dx_px / self.px_per_year;
    }

    /// Keeps the view over the data: the left edge no earlier than `start_fy` and the right edge
    /// no later than `end_fy`, unless the whole range fits, when it starts at `start_fy`.
    pub fn clamp_to(&mut self, start_fy: f64, end_fy: f64, width_px: f64) {
        let visible_years = width_px / self.px_per_year;
        let latest_left = end_fy - visible_years;
        self.left_fy = if latest_left <= start_fy {
            start_fy
        } else {
            self.left_fy.clamp(start_fy, latest_left)
        };
    }
}

/// Years between labelled ticks, so that labels keep at least `min_label_px` apart.
pub fn tick_step_years(px_per_year: f64, min_label_px: f64) -> i32 {
    [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|&step| f64::from(step) * px_per_year >= min_label_px)
        .unwrap_or(100)
}

/// The label of a fiscal year on the axis in 西暦: `2025`.
pub fn western_label(fy: i32) -> String {
    fy.to_string()
}

/// The 令和 label of a fiscal year: `R7` (`令和7年度` in long form), or `None` before 令和.
pub fn reiwa_label(fy: i32, long: bool) -> Option<String> {
    reiwa_year(fy).map(|r| {
        if long {
            if r == 1 {
                "令和元年度".to_owned()
            } else {
                format!("令和{r}年度")
            }
        } else {
            format!("R{r}")
        }
    })
}

/// A span's label in fiscal years, with 令和 where it applies: `FY2025〜FY2029（R7〜R11）` in
/// Japanese, `FY2025-FY2029 (R7-R11)` in English. (The bundled Japanese font draws no en dash.)
pub fn span_label(start_fy: i32, end_fy: i32, lang: Lang) -> String {
    let dash = lang.pick("〜", "-");
    let (open, close) = match lang {
        Lang::Ja => ("（", "）"),
        Lang::En => (" (", ")"),
    };
    let western = if start_fy == end_fy {
        format!("FY{start_fy}")
    } else {
        format!("FY{start_fy}{dash}FY{end_fy}")
    };
    match (reiwa_label(start_fy, false), reiwa_label(end_fy, false)) {
        (Some(a), Some(_)) if start_fy == end_fy => format!("{western}{open}{a}{close}"),
        (Some(a), Some(b)) => format!("{western}{open}{a}{dash}{b}{close}"),
        (None, Some(b)) => format!("{western}{open}{dash}{b}{close}"),
        _ => western,
    }
}

/// The fiscal-year range the layout occupies: its horizon, widened to every bar and marker.
pub fn data_range(timeline: &Timeline) -> (f64, f64) {
    let mut start = f64::from(timeline.start_fy);
    let mut end = f64::from(timeline.end_fy + 1);
    for lane in &timeline.lanes {
        for b in &lane.bars {
            start = start.min(b.start);
            end = end.max(b.end);
        }
        for m in &lane.markers {
            start = start.min(m.at.floor());
            end = end.max(m.at.floor() + 1.0);
        }
    }
    (start, end)
}

/// A marker whose label needs a place: where the marker is and how wide its glyph and label are,
/// in pixels along the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// The marker's centre.
    pub x_px: f64,
    /// Half the width of its glyph.
    pub half_glyph_px: f64,
    /// The width of its whole label.
    pub label_px: f64,
}

/// Which side of its marker a label is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelSide {
    /// After the marker (the usual place).
    Right,
    /// Before the marker, when the label would run past the end of the data after it.
    Left,
}

/// Where a marker and its label went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelPlace {
    /// Row, from 0.
    pub row: usize,
    /// Side of the marker.
    pub side: LabelSide,
    /// Width granted to the label: its whole width, or less when it has to be elided.
    pub label_px: f64,
}

/// Space between a marker's glyph and its label.
pub const LABEL_GAP_PX: f64 = 4.0;
/// Space between one marker's extent (glyph and label) and the next in its row: wider than
/// [`LABEL_GAP_PX`], so that a label reads as belonging to the glyph it is next to.
pub const ITEM_GAP_PX: f64 = 16.0;

/// Packs markers and their labels into rows so that no label overlaps a marker or another label.
///
/// Markers are taken left to right. Each label goes after its marker, or before it when not even
/// `min_label_px` of it fits after it within `[lo_px, hi_px]`. For packing, a label counts as at
/// most `min_label_px` wide, so that long labels do not each take a row of their own; afterwards
/// every label is granted the room up to its neighbours in its row (up to its whole width), and a
/// label granted less than its whole width is to be elided. Returns each marker's place, in input
/// order, and the number of rows (at least 1).
pub fn pack_labels(
    requests: &[LabelRequest],
    min_label_px: f64,
    lo_px: f64,
    hi_px: f64,
) -> (Vec<LabelPlace>, usize) {
    let gap = LABEL_GAP_PX;
    let item_gap = ITEM_GAP_PX;
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by(|&a, &b| requests[a].x_px.total_cmp(&requests[b].x_px));
    let mut places = vec![
        LabelPlace {
            row: 0,
            side: LabelSide::Right,
            label_px: 0.0,
        };
        requests.len()
    ];
    // Each marker's extent with its label at the packing width, and the markers of each row.
    let mut extents = vec![(0.0, 0.0); requests.len()];
    let mut rows: Vec<Vec<usize>> = Vec::new();
    // The first row whose last label ends (with the gap) before this one starts, in O(log rows).
    let mut fit = super::first_fit::FirstFit::new(requests.len());
    for &i in &order {
        let r = requests[i];
        let room_right = hi_px - (r.x_px + r.half_glyph_px + gap);
        let room_left = (r.x_px - r.half_glyph_px - gap) - lo_px;
        let w = r.label_px.min(min_label_px);
        let side = if w > room_right && (w <= room_left || room_left > room_right) {
            LabelSide::Left
        } else {
            LabelSide::Right
        };
        let extent = match side {
            LabelSide::Right => (r.x_px - r.half_glyph_px, r.x_px + r.half_glyph_px + gap + w),
            LabelSide::Left => (r.x_px - r.half_glyph_px - gap - w, r.x_px + r.half_glyph_px),
        };
        let row = fit.place(extent.0, extent.1 + item_gap);
        if row == rows.len() {
            rows.push(Vec::new());
        }
        rows[row].push(i);
        extents[i] = extent;
        places[i] = LabelPlace {
            row,
            side,
            label_px: w,
        };
    }
    // Grant each label the room up to its neighbours: left to right, so that a label before its
    // marker takes only what the label before it left.
    for row in &rows {
        let mut prev_end = lo_px - item_gap;
        for (k, &i) in row.iter().enumerate() {
            let r = requests[i];
            let next_start = row.get(k + 1).map_or(hi_px + item_gap, |&j| extents[j].0);
            let room = match places[i].side {
                LabelSide::Right => next_start - item_gap - (r.x_px + r.half_glyph_px + gap),
                LabelSide::Left => (r.x_px - r.half_glyph_px - gap) - (prev_end + item_gap),
            };
            let granted = r.label_px.min(room.max(places[i].label_px));
            places[i].label_px = granted;
            prev_end = match places[i].side {
                LabelSide::Right => r.x_px + r.half_glyph_px + gap + granted,
                LabelSide::Left => r.x_px + r.half_glyph_px,
            };
        }
    }
    (places, rows.len().max(1))
}

/// The civil date (year, month, day) of a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    // Howard Hinnant's algorithm, for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month as u8, day as u8)
}

/// Today's date in Japan (UTC+9), from the system clock.
pub fn today_in_japan() -> When {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs + 9 * 3600) / 86_400;
    let (y, m, d) = civil_from_days(i64::try_from(days).unwrap_or(0));
    When::Day(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn today_is_plausible() {
        let When::Day(y, m, d) = today_in_japan() else {
            panic!("today is a day");
        };
        assert!(y >= 2024);
        assert!((1..=12).contains(&m));
        assert!((1..=31).contains(&d));
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let mut s = FyScale::fit(2018.0, 2041.0, 920.0);
        assert!((s.px_per_year - 40.0).abs() < 1e-9);
        let anchor = 400.0;
        let before = s.fy_at(anchor);
        s.zoom_about(2.0, anchor);
        assert!((s.px_per_year - 80.0).abs() < 1e-9);
        assert!((s.fy_at(anchor) - before).abs() < 1e-9);
        s.zoom_about(1e9, anchor);
        assert!((s.px_per_year - MAX_PX_PER_YEAR).abs() < 1e-9);
    }

    #[test]
    fn pan_and_clamp_stay_over_the_data() {
        let mut s = FyScale::fit(2018.0, 2041.0, 920.0);
        s.zoom_about(2.0, 0.0);
        s.pan_px(-10_000.0);
        s.clamp_to(2018.0, 2041.0, 920.0);
        let (l, r) = s.visible(920.0);
        assert!((r - 2041.0).abs() < 1e-9, "right edge {r}");
        assert!(l > 2018.0);
        s.pan_px(10_000.0);
        s.clamp_to(2018.0, 2041.0, 920.0);
        assert!((s.left_fy - 2018.0).abs() < 1e-9);
        // Positions and offsets are inverse.
        assert!((s.fy_at(s.x_of(2030.5)) - 2030.5).abs() < 1e-9);
    }

    /// The extent of a placed marker and its label.
    fn extent(r: &LabelRequest, p: &LabelPlace) -> (f64, f64) {
        match p.side {
            LabelSide::Right => (
                r.x_px - r.half_glyph_px,
                r.x_px + r.half_glyph_px + LABEL_GAP_PX + p.label_px,
            ),
            LabelSide::Left => (
                r.x_px - r.half_glyph_px - LABEL_GAP_PX - p.label_px,
                r.x_px + r.half_glyph_px,
            ),
        }
    }

    #[test]
    fn packed_labels_never_overlap_markers_or_each_other() {
        let req = |x: f64, w: f64| LabelRequest {
            x_px: x,
            half_glyph_px: 9.0,
            label_px: w,
        };
        // Target states at 2030 and 2040 on a narrow axis (16 px a year from FY2018), three and
        // two of them at the same year; the 2040 ones end near the right edge.
        let requests = [
            req(352.0, 220.0),
            req(352.0, 230.0),
            req(192.0, 210.0),
            req(192.0, 120.0),
            req(192.0, 60.0),
            req(250.0, 40.0),
        ];
        let (places, rows) = pack_labels(&requests, 96.0, 0.0, 368.0);
        assert!(rows >= 3, "three markers share a year");
        for (i, (a, pa)) in requests.iter().zip(&places).enumerate() {
            let (lo, hi) = extent(a, pa);
            assert!(
                lo >= -1e-9 && hi <= 368.0 + 1e-9,
                "{i} stays in range: {lo}..{hi}"
            );
            assert!(pa.label_px <= a.label_px + 1e-9);
            for (j, (b, pb)) in requests.iter().zip(&places).enumerate().skip(i + 1) {
                if pa.row == pb.row {
                    let (lo2, hi2) = extent(b, pb);
                    assert!(
                        hi + ITEM_GAP_PX <= lo2 + 1e-9 || hi2 + ITEM_GAP_PX <= lo + 1e-9,
                        "{i} and {j} crowd each other in row {}",
                        pa.row
                    );
                }
            }
        }
        // The markers near the right edge put their labels before them.
        assert_eq!(places[0].side, LabelSide::Left);
        assert_eq!(places[2].side, LabelSide::Right);
    }

    #[test]
    fn labels_with_room_keep_their_width_and_share_a_row() {
        let requests = [
            LabelRequest {
                x_px: 10.0,
                half_glyph_px: 6.0,
                label_px: 150.0,
            },
            LabelRequest {
                x_px: 300.0,
                half_glyph_px: 6.0,
                label_px: 150.0,
            },
        ];
        let (places, rows) = pack_labels(&requests, 96.0, 0.0, 1000.0);
        assert_eq!(rows, 1);
        assert!(places.iter().all(|p| (p.label_px - 150.0).abs() < 1e-9));
        assert!(places.iter().all(|p| p.side == LabelSide::Right));
        // Closer together, the first label is elided to the room before the second marker.
        let mut close = requests;
        close[1].x_px = 140.0;
        let (places, rows) = pack_labels(&close, 96.0, 0.0, 1000.0);
        assert_eq!(rows, 1);
        let room = 140.0 - 6.0 - ITEM_GAP_PX - (10.0 + 6.0 + LABEL_GAP_PX);
        assert!((places[0].label_px - room).abs() < 1e-9, "{:?}", places[0]);
    }

    #[test]
    fn ticks_and_labels() {
        assert_eq!(tick_step_years(60.0, 44.0), 1);
        assert_eq!(tick_step_years(30.0, 44.0), 2);
        assert_eq!(tick_step_years(10.0, 44.0), 5);
        assert_eq!(reiwa_label(2025, false).as_deref(), Some("R7"));
        assert_eq!(reiwa_label(2019, true).as_deref(), Some("令和元年度"));
        assert_eq!(reiwa_label(2018, false), None);
        assert_eq!(
            span_label(2025, 2029, Lang::Ja),
            "FY2025〜FY2029（R7〜R11）"
        );
        assert_eq!(span_label(2025, 2029, Lang::En), "FY2025-FY2029 (R7-R11)");
        assert_eq!(span_label(2024, 2024, Lang::Ja), "FY2024（R6）");
        assert_eq!(span_label(2017, 2018, Lang::Ja), "FY2017〜FY2018");
    }
}
