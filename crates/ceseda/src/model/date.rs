//! Calendar dates in the contract: ISO 8601 `YYYY-MM-DD`, years 1900 to 2200.
//!
//! The bounds keep every date the library reads or writes inside what each binding can carry
//! (Python's `date`, JavaScript's `Date`) and what the contract's own parser reads back.

use chrono::NaiveDate;

use crate::Error;

/// A date from its parts, usable in `const` law data. An impossible date is a bug in the data,
/// caught by the tests (it becomes `NaiveDate::MIN`, outside every period).
pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// The first date the contract accepts.
pub const MIN_DATE: NaiveDate = ymd(1900, 1, 1);
/// The last date the contract accepts.
pub const MAX_DATE: NaiveDate = ymd(2200, 12, 31);

/// Whether `date` is inside the contract's bounds.
pub fn in_bounds(date: NaiveDate) -> bool {
    (MIN_DATE..=MAX_DATE).contains(&date)
}

/// Parses an ISO 8601 calendar date (`YYYY-MM-DD`, years 1900–2200), naming `field` in the error.
pub fn parse_date(s: &str, field: &'static str) -> Result<NaiveDate, Error> {
    // chrono accepts some non-canonical forms (e.g. a leading '+'); the contract does not.
    let canonical = s.len() == 10 && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    // Read by hand: chrono's format parser is most of a pricing-only wasm module's date code.
    let number = |range: std::ops::Range<usize>| s.get(range).and_then(|t| t.parse::<u32>().ok());
    let date = match (canonical, number(0..4), number(5..7), number(8..10)) {
        (true, Some(y), Some(m), Some(d)) => i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
        _ => None,
    };
    match date {
        Some(d) if in_bounds(d) => Ok(d),
        _ => Err(Error::InvalidDate { field, value: crate::model::error::truncate(s) }),
    }
}

/// A date as a number of days since 1970-01-01 (Arrow's `date32`), if inside the bounds.
pub fn from_epoch_days(days: i32) -> Option<NaiveDate> {
    let date = ymd(1970, 1, 1).checked_add_signed(chrono::Duration::days(i64::from(days)))?;
    in_bounds(date).then_some(date)
}

/// Days since 1970-01-01.
pub fn to_epoch_days(date: NaiveDate) -> i32 {
    // Inside the bounds the count fits easily in an i32.
    i32::try_from(date.signed_duration_since(ymd(1970, 1, 1)).num_days()).unwrap_or(i32::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_reads_years_1900_to_2200_only() {
        assert!(parse_date("1900-01-01", "date").is_ok());
        assert!(parse_date("2200-12-31", "date").is_ok());
        for bad in ["1899-12-31", "2201-01-01", "0000-01-01", "+2024-01-01", "2024-1-01", "2024-02-30"] {
            assert_eq!(parse_date(bad, "date").map_err(|e| e.code()), Err("invalid_date"), "{bad}");
        }
    }

    #[test]
    fn epoch_days_round_trip_inside_the_bounds() {
        assert_eq!(from_epoch_days(0), Some(ymd(1970, 1, 1)));
        assert_eq!(from_epoch_days(to_epoch_days(MAX_DATE)), Some(MAX_DATE));
        assert_eq!(from_epoch_days(to_epoch_days(MIN_DATE) - 1), None);
        assert_eq!(from_epoch_days(i32::MIN), None);
        assert_eq!(from_epoch_days(i32::MAX), None);
    }
}
