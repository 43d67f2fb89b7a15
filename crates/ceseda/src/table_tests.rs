#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Invariants of the transcribed tables themselves.

use rust_decimal::Decimal;

use crate::errata::{erratum, reading_parts, ERRATA};
use crate::tables::{table_2011, table_2016, table_2020, Row};
use crate::tariff::{eur, Cell};

fn cells(table: &[Row]) -> Vec<(&'static str, &'static str, Cell)> {
    let mut out = Vec::new();
    for row in table {
        let mut columns = vec![("first_issue", row.first_issue), ("renewal", row.renewal), ("duplicate", row.duplicate)];
        if let Some(c) = row.without_title {
            columns.push(("renewal_without_expired_title", c));
        }
        for (column, cell) in columns {
            for leaf in cell.leaves() {
                out.push((row.label, column, leaf));
            }
        }
    }
    out
}

/// A printed total that disagrees with its printed parts must go through the register.
#[test]
fn every_inconsistent_cell_has_an_erratum() {
    for table in [table_2016::TABLE, table_2020::TABLE] {
        for (row, column, cell) in cells(table) {
            if let Cell::Due { printed_total, parts, erratum: id, printed } = cell {
                if printed_total != parts.sum() {
                    assert!(id.is_some(), "{row} / {column}: printed {printed} disagrees with itself and has no erratum");
                    let id = id.unwrap_or_default();
                    assert!(erratum(id).is_some(), "unknown erratum {id}");
                    let reading = reading_parts(id);
                    assert!(reading.is_some(), "{id}: an inconsistent cell needs a reading of its parts");
                    // The reading departs from the page: other parts, or the parts' total where the printed total is wrong.
                    let reading = reading.unwrap_or(parts);
                    assert!(reading != parts || reading.sum() != printed_total, "{id}: the reading repeats the misprint");
                }
            }
        }
    }
}

#[test]
fn every_cell_erratum_is_registered_and_every_register_entry_is_used() {
    let mut used = Vec::new();
    for table in [table_2016::TABLE, table_2020::TABLE] {
        for (_, _, cell) in cells(table) {
            if let Cell::Due { erratum: Some(id), .. } = cell {
                assert!(erratum(id).is_some(), "{id} is not in the register");
                used.push(id);
            }
        }
    }
    // Entries applied by rules rather than cells.
    used.extend(["003-cap-note", "004-vpf-regroupement-familial-spouse-rate"]);
    for e in ERRATA {
        assert!(used.contains(&e.id.as_ref()), "{} is registered but never applied", e.id);
    }
}

/// The 2016 third column follows the NB rule: renewal tax + 16 € surcharge, dropped where it
/// would take the tax above 250 € and absent where the title is tax-exempt; students on a CST (49) and short CSPs pay no surcharge.
/// The few cells that do not follow it are listed, each with its reason.
#[test]
fn the_2016_duplicate_column_follows_the_surcharge_and_cap_rule() {
    let exceptions = [
        "CSP Passeport talents - Famille - L. 313-21", // erratum 003-talent-famille-duplicate
        "CRA 10 ans (art. 7 bis)",                      // renewal exempt, duplicate at the general rate
        "Cartes «UE» et «UE- membre de famille» L. 121-1, L. 121-3, L. 122-1", // flat 25
        "CST/CSP Etudiant - L. 313-4-1 2° - L. 313-7 - L. 313-17 - L. 313-18", // CST and short CSP: no surcharge
        "CRA I an - Etudiant (titre III protocole)",   // students: no surcharge, as in 2011
    ];
    for row in table_2016::TABLE {
        if exceptions.contains(&row.label) {
            continue;
        }
        let renewal = row.renewal.leaves();
        let duplicate = row.duplicate.leaves();
        for (r, d) in renewal.iter().zip(duplicate.iter()) {
            if let (Cell::Due { parts: rp, .. }, Cell::Due { parts: dp, erratum, .. }) = (r, d) {
                let dp = erratum.and_then(reading_parts).unwrap_or(*dp);
                let capped = rp.tax + table_2016::SURCHARGE > table_2016::SURCHARGE_CAP;
                // A surcharge is a majoration of the tax: a tax-exempt title (retraités) carries none.
                let expected_surcharge = if capped || rp.tax.is_zero() { Decimal::ZERO } else { table_2016::SURCHARGE };
                assert_eq!((dp.tax, dp.surcharge, dp.stamp), (rp.tax, expected_surcharge, rp.stamp), "{}", row.label);
            }
        }
    }
}

/// LF 2026 maps each 2020 figure to one 2026 figure: every 2020 tax is 200, 50 or nothing,
/// every stamp 25 or nothing (after errata).
#[test]
fn every_2020_figure_has_a_2026_counterpart() {
    for (row, column, cell) in cells(table_2020::TABLE) {
        if let Cell::Due { parts, erratum, .. } = cell {
            let p = erratum.and_then(reading_parts).unwrap_or(parts);
            assert!([eur(0), table_2020::REDUCED_TAX, table_2020::GENERAL_TAX].contains(&p.tax), "{row} / {column}: tax {}", p.tax);
            assert!([eur(0), table_2020::STAMP].contains(&p.stamp), "{row} / {column}: stamp {}", p.stamp);
            assert!(p.surcharge.is_zero(), "{row}: 2020 abolished surcharges");
        }
    }
}

#[test]
fn every_permit_is_in_some_table() {
    for p in crate::Permit::ALL {
        assert!(!crate::tables::regimes_listing(*p).is_empty(), "{} is in no table", p.code());
    }
    assert!(table_2011::TABLE.len() >= 54 && table_2016::TABLE.len() >= 67 && table_2020::TABLE.len() >= 70);
}
