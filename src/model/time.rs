//! Time in a roadmap: Japanese fiscal years (April–March), spans of them, and dates of events with
//! their precision.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Provenance;

/// A span of Japanese fiscal years, both ends included: `FY2025..=FY2029`.
///
/// Fiscal year `N` runs from 1 April `N` to 31 March `N + 1`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FySpan {
    /// First fiscal year of the span.
    pub start_fy: i32,
    /// Last fiscal year of the span (inclusive).
    pub end_fy: i32,
    /// Whether the source states this span or an editor assumed it.
    pub provenance: Provenance,
    /// For an assumed or editorial span: the reasoning, shown to the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The end's own provenance, where it differs from the start's: 【令和7年度開始】 states the
    /// start, not the end (schema 2; `provenance` and `basis` then speak for the start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_provenance: Option<Provenance>,
    /// Why the end was judged or assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_basis: Option<String>,
}

impl FySpan {
    /// A span whose two ends have one provenance and basis.
    pub fn new(start_fy: i32, end_fy: i32, provenance: Provenance, basis: Option<String>) -> Self {
        Self {
            start_fy,
            end_fy,
            provenance,
            basis,
            end_provenance: None,
            end_basis: None,
        }
    }

    /// The provenance of the end: its own, or the span's.
    pub fn end_provenance(&self) -> Provenance {
        self.end_provenance.unwrap_or(self.provenance)
    }

    /// The least certain provenance of the two ends (assumed over editorial over stated): how
    /// the span as a whole is drawn.
    pub fn weakest_provenance(&self) -> Provenance {
        let rank = |p: Provenance| match p {
            Provenance::Stated => 0,
            Provenance::Editorial => 1,
            Provenance::Assumed => 2,
        };
        std::cmp::max_by_key(self.provenance, self.end_provenance(), |p| rank(*p))
    }

    /// Number of fiscal years covered; zero when the span ends before it starts.
    pub fn len_years(&self) -> u32 {
        u32::try_from(self.end_fy - self.start_fy + 1).unwrap_or(0)
    }

    /// Whether fiscal year `fy` lies in the span.
    pub fn contains(&self, fy: i32) -> bool {
        (self.start_fy..=self.end_fy).contains(&fy)
    }
}

impl fmt::Display for FySpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start_fy == self.end_fy {
            write!(f, "FY{}", self.start_fy)
        } else {
            write!(f, "FY{}-FY{}", self.start_fy, self.end_fy)
        }
    }
}

/// The earliest year a roadmap may name (a date, a fiscal year, a span's end).
pub const MIN_YEAR: i32 = 1000;
/// The latest year a roadmap may name. Years are bounded so that arithmetic on them (the year
/// after a span, the fiscal year before a date) can never overflow.
pub const MAX_YEAR: i32 = 9999;

/// Checks that `year` lies in [`MIN_YEAR`]`..=`[`MAX_YEAR`], returning a message if not.
pub fn check_year(year: i32) -> Result<(), String> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(format!(
            "year {year} is outside the years accepted, {MIN_YEAR}–{MAX_YEAR}"
        ))
    }
}

/// The fiscal year that a calendar date falls in.
pub fn fiscal_year_of(year: i32, month: u8) -> i32 {
    if month >= 4 { year } else { year - 1 }
}

/// The 令和 (Reiwa) year of a Western year, if it is in the Reiwa era (2019 onwards).
pub fn reiwa_year(year: i32) -> Option<i32> {
    (year >= 2019).then(|| year - 2018)
}

/// A date as precise as the source gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum When {
    /// A calendar day: `Day(2022, 3, 8)`.
    Day(i32, u8, u8),
    /// A calendar month: `Month(2022, 5)`.
    Month(i32, u8),
    /// A calendar year: `Year(2025)`.
    Year(i32),
    /// A Japanese fiscal year: `FiscalYear(2024)` is April 2024 – March 2025.
    FiscalYear(i32),
    /// The end of a fiscal year: `FiscalYearEnd(2029)` is "2029年度末", 31 March 2030 (schema 2).
    FiscalYearEnd(i32),
    /// A decade, by its first year: `Decade(2020)` is "2020年代" (schema 2).
    Decade(i32),
}

impl When {
    /// The fiscal year the date falls in (the calendar year's April for a bare year).
    pub fn fiscal_year(&self) -> i32 {
        match *self {
            When::Day(y, m, _) | When::Month(y, m) => fiscal_year_of(y, m),
            When::Year(y) | When::FiscalYear(y) | When::FiscalYearEnd(y) | When::Decade(y) => y,
        }
    }

    /// The position on a fiscal-year axis, in years: FY2024 starts at 2024.0, 1 October 2024 is
    /// about 2024.5.
    pub fn fy_position(&self) -> f64 {
        let month_offset = |m: u8| f64::from((i32::from(m) + 8) % 12) / 12.0;
        match *self {
            When::Day(y, m, d) => {
                f64::from(fiscal_year_of(y, m))
                    + month_offset(m)
                    + f64::from(d.saturating_sub(1)) / 365.0
            }
            When::Month(y, m) => f64::from(fiscal_year_of(y, m)) + month_offset(m),
            When::Year(y) => f64::from(y) + 0.75,
            When::FiscalYear(y) => f64::from(y),
            // The last day of the fiscal year.
            When::FiscalYearEnd(y) => f64::from(y) + 364.0 / 365.0,
            // The middle of the decade.
            When::Decade(y) => f64::from(y) + 5.0,
        }
    }

    /// Checks the year, month and day, returning a message for an impossible date.
    pub fn check(&self) -> Result<(), String> {
        let (When::Day(y, ..)
        | When::Month(y, _)
        | When::Year(y)
        | When::FiscalYear(y)
        | When::FiscalYearEnd(y)
        | When::Decade(y)) = *self;
        check_year(y)?;
        let check_month = |m: u8| {
            if (1..=12).contains(&m) {
                Ok(())
            } else {
                Err(format!("month {m} is not between 1 and 12"))
            }
        };
        match *self {
            When::Day(y, m, d) => {
                check_month(m)?;
                let days = days_in_month(y, m);
                if d == 0 || d > days {
                    Err(format!(
                        "day {d} is not in {y}-{m:02}, which has {days} days"
                    ))
                } else {
                    Ok(())
                }
            }
            When::Month(_, m) => check_month(m),
            When::Decade(y) if y % 10 != 0 => Err(format!(
                "a decade is given by its first year, such as 2020 for the 2020s; {y} is not one"
            )),
            When::Year(_) | When::FiscalYear(_) | When::FiscalYearEnd(_) | When::Decade(_) => {
                Ok(())
            }
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Day(y, m, d) => write!(f, "{y}-{m:02}-{d:02}"),
            When::Month(y, m) => write!(f, "{y}-{m:02}"),
            When::Year(y) => write!(f, "{y}"),
            When::FiscalYear(y) => write!(f, "FY{y}"),
            When::FiscalYearEnd(y) => write!(f, "end of FY{y}"),
            When::Decade(y) => write!(f, "{y}s"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_years_start_in_april() {
        assert_eq!(fiscal_year_of(2024, 3), 2023);
        assert_eq!(fiscal_year_of(2024, 4), 2024);
        assert_eq!(When::Day(2024, 3, 29).fiscal_year(), 2023);
        assert_eq!(When::Month(2022, 5).fiscal_year(), 2022);
    }

    #[test]
    fn axis_positions_follow_the_fiscal_year() {
        assert!((When::Day(2024, 4, 1).fy_position() - 2024.0).abs() < 1e-9);
        assert!((When::Month(2024, 10).fy_position() - 2024.5).abs() < 1e-9);
        assert!((When::Month(2025, 3).fy_position() - (2024.0 + 11.0 / 12.0)).abs() < 1e-9);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(When::Day(2024, 2, 29).check().is_ok());
        assert!(When::Day(2023, 2, 29).check().is_err());
        assert!(When::Month(2023, 13).check().is_err());
        assert!(When::Day(2023, 4, 31).check().is_err());
        assert!(When::Year(MAX_YEAR).check().is_ok());
        assert!(When::Year(MAX_YEAR + 1).check().is_err());
        assert!(When::FiscalYear(MIN_YEAR - 1).check().is_err());
        assert!(When::Day(i32::MIN, 1, 1).check().is_err());
    }

    #[test]
    fn reiwa_years() {
        assert_eq!(reiwa_year(2019), Some(1));
        assert_eq!(reiwa_year(2024), Some(6));
        assert_eq!(reiwa_year(2018), None);
    }

    #[test]
    fn span_length() {
        let span = FySpan {
            start_fy: 2025,
            end_fy: 2029,
            provenance: Provenance::Assumed,
            basis: None,
            end_provenance: None,
            end_basis: None,
        };
        assert_eq!(span.len_years(), 5);
        assert!(span.contains(2027));
        assert!(!span.contains(2030));
    }
}
