#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
//! Invariants of the law files themselves: every printed cell equals the rates of its
//! categories (or goes through the errata register), every category has a rate, every register
//! entry is used, and the 2016 third column follows its surcharge paragraph.

use rust_decimal::Decimal;

use crate::law::errata::{erratum, ERRATA};
use crate::law::regimes::LAWS;
use crate::law::types::{Cell, Column, Due, RateKey, RegimeLaw, Row};
use crate::model::money::eur;

/// Every plain cell reachable from a cell.
fn leaves(cell: &Cell) -> Vec<&Cell> {
    match cell {
        Cell::Choice(options, _) => options.iter().flat_map(|(_, c)| leaves(c)).collect(),
        plain => vec![plain],
    }
}

/// `(row, column, rate column, cell)` for every cell of a law's table.
fn cells(law: &RegimeLaw) -> Vec<(&Row, &'static str, Column, &Cell)> {
    let mut out = Vec::new();
    for row in law.table.amended.iter().chain(law.table.rows.iter()) {
        let mut columns = vec![("first_issue", Column::FirstIssue, &row.first_issue), ("renewal", Column::Renewal, &row.renewal)];
        if let Some(c) = &row.duplicate {
            columns.push(("duplicate", Column::Renewal, c));
        }
        if let Some(c) = &row.without_title {
            columns.push(("renewal_without_expired_title", Column::Renewal, c));
        }
        for (name, rate_column, cell) in columns {
            for leaf in leaves(cell) {
                out.push((row, name, rate_column, leaf));
            }
        }
    }
    out
}

/// The figures of a printed cell: "155 (120+16+19) CST" → (155, [120, 16, 19]).
fn printed_figures(printed: &str) -> (Decimal, Vec<Decimal>) {
    let number = |s: &str| eur(s.trim().parse::<u32>().unwrap_or_else(|_| panic!("not a figure: {s:?} in {printed:?}")));
    let total_text: String = printed.chars().take_while(|c| c.is_ascii_digit()).collect();
    let total = number(&total_text);
    let rest = &printed[total_text.len()..];
    let parts = match (rest.find('('), rest.find(')')) {
        (Some(open), Some(close)) if rest[open + 1..close].contains('+') => rest[open + 1..close].split('+').map(number).collect(),
        _ => vec![total],
    };
    (total, parts)
}

/// The figures the cell's categories give under its law, in the printed order.
fn computed(law: &RegimeLaw, row: &Row, column: Column, due: &Due) -> Vec<Decimal> {
    let date = law.regime.valid_from;
    let mut parts = Vec::new();
    if let Some(level) = due.tax {
        parts.push(law.amount(RateKey::Tax(column, level), date).unwrap_or_else(|| panic!("{}: no rate for {column:?} {level:?} ({})", law.regime.id, row.label)));
    }
    if let Some(key) = due.surcharge {
        parts.push(law.amount(key, date).unwrap_or_else(|| panic!("{}: no rate {key}", law.regime.id)));
    }
    // The 2011 table prints the stamp in its own column.
    if due.stamp && row.stamp_column.is_none() {
        parts.push(law.amount(RateKey::Stamp, date).unwrap_or_else(|| panic!("{}: no stamp rate", law.regime.id)));
    }
    parts
}

#[test]
fn every_printed_cell_equals_its_categories_or_has_an_erratum() {
    for law in LAWS.iter().filter(|l| l.table.printed) {
        for (row, name, column, cell) in cells(law) {
            let Cell::Due(due) = cell else { continue };
            let Some(printed) = &due.printed else { continue };
            let (total, parts) = printed_figures(printed);
            let mine = computed(law, row, column, due);
            let sum: Decimal = mine.iter().sum();
            let agrees = total == sum && (parts == mine || (parts.len() == 1 && parts[0] == sum));
            if !agrees {
                let id = due.erratum.as_deref().unwrap_or_else(|| panic!("{} / {} / {name}: printed {printed} but its categories give {mine:?}, and no erratum", law.regime.id, row.label));
                assert!(erratum(id).is_some(), "{id} is not in the register");
            }
        }
    }
}

#[test]
fn every_category_of_every_law_has_its_rate() {
    for law in LAWS {
        for (row, name, column, cell) in cells(law) {
            if let Cell::Due(due) = cell {
                let _ = (name, computed(law, row, column, due));
            }
        }
    }
}

/// Every decree schedule places every title of the period in its first-issue and renewal
/// lists (a title outside its existence dates is refused before the schedule is read), and
/// every category it names has its rate in the column it prices.
#[test]
fn every_schedule_places_every_title_and_rates_every_category() {
    use crate::law::types::Category;
    fn lists(categories: &[Category], p: crate::Permit) -> bool {
        categories.iter().any(|c| c.permits.contains(&p) || c.members.iter().any(|m| m.permit == p))
    }
    let mut schedules = 0;
    for law in LAWS {
        let Some(schedule) = &law.table.schedule else { continue };
        schedules += 1;
        for p in crate::law::pre2016::ALL {
            assert!(lists(&schedule.first_issue, *p), "{}: {} has no first-issue category", law.regime.id, p.code());
            assert!(lists(&schedule.renewal, *p), "{}: {} has no renewal category", law.regime.id, p.code());
        }
        let date = law.regime.valid_from;
        for (column, categories) in [(Column::FirstIssue, &schedule.first_issue), (Column::Renewal, &schedule.renewal), (Column::Renewal, &schedule.duplicate)] {
            for c in categories.iter() {
                for leaf in leaves(&c.cell) {
                    if let Cell::Due(Due { tax: Some(level), .. }) = leaf {
                        assert!(law.amount(RateKey::Tax(column, *level), date).is_some(), "{}: no {column:?} rate for {level:?} ({})", law.regime.id, c.label);
                    }
                }
            }
        }
    }
    assert_eq!(schedules, 9, "one schedule per statute period");
}

#[test]
fn every_register_entry_is_used_and_every_cell_erratum_registered() {
    let mut used: Vec<String> = Vec::new();
    for law in LAWS {
        for (_, _, _, cell) in cells(law) {
            if let Cell::Due(Due { erratum: Some(id), .. }) = cell {
                assert!(erratum(id).is_some(), "{id} is not in the register");
                used.push(id.to_string());
            }
        }
        if let Some(cap) = law.duplicates.surcharge.as_ref().and_then(|s| s.cap.as_ref()) {
            used.extend(cap.erratum.iter().map(|e| e.to_string()));
        }
    }
    for e in ERRATA {
        assert!(used.iter().any(|u| u == &e.id), "{} is registered but never applied", e.id);
    }
}

/// The 2016 third column follows the NB rule: renewal tax + 16 € surcharge, dropped where it
/// would take the tax above 250 € and absent where the title is tax-exempt; students on a CST
/// (49) and short CSPs pay no surcharge. The few cells that do not follow it are listed, each
/// with its reason.
#[test]
fn the_2016_duplicate_column_follows_the_surcharge_and_cap_rule() {
    let law = crate::RegimeId::Table2016.law();
    let rule = law.duplicates.surcharge.as_ref().unwrap();
    let exceptions = [
        "CSP Passeport talents - Famille - L. 313-21", // erratum 003-talent-famille-duplicate
        "CRA 10 ans (art. 7 bis)",                      // renewal exempt, duplicate at the general rate
        "Cartes «UE» et «UE- membre de famille» L. 121-1, L. 121-3, L. 122-1", // flat 25
        "CST/CSP Etudiant - L. 313-4-1 2° - L. 313-7 - L. 313-17 - L. 313-18", // CST and short CSP: no surcharge
        "CRA I an - Etudiant (titre III protocole)",   // students: no surcharge, as in 2011
    ];
    let date = law.regime.valid_from;
    let amount = |k| law.amount(k, date).unwrap();
    assert!(!rule.exempt_titles_pay);
    for row in law.table.rows.iter().filter(|r| !exceptions.contains(&r.label.as_ref())) {
        let renewal = leaves(&row.renewal);
        let duplicate = leaves(row.duplicate.as_ref().unwrap());
        assert_eq!(renewal.len(), duplicate.len(), "{}", row.label);
        for (r, d) in renewal.iter().zip(duplicate.iter()) {
            if let (Cell::Due(r), Cell::Due(d)) = (r, d) {
                let tax = r.tax.map_or(Decimal::ZERO, |l| amount(RateKey::Tax(Column::Renewal, l)));
                // D. 311-18-1 3°: 9 € instead of 16 € on a carte de résident.
                let resident = row.permits.iter().all(|p| p.family() == crate::PermitFamily::CarteDeResident);
                let key = if rule.resident_rate && resident { RateKey::SurchargeResident } else { RateKey::Surcharge };
                let capped = tax + amount(key) > amount(RateKey::SurchargeCap);
                let expected = if capped || r.tax.is_none() { None } else { Some(key) };
                assert_eq!((d.tax, d.surcharge, d.stamp), (r.tax, expected, r.stamp), "{}", row.label);
            }
        }
    }
}

#[test]
fn every_permit_is_in_some_regime() {
    for p in crate::Permit::ALL {
        assert!(!crate::law::regimes_listing(*p).is_empty(), "{} is in no regime", p.code());
    }
    let rows = |id: crate::RegimeId| id.law().table.rows.len();
    assert!(rows(crate::RegimeId::Table2011) >= 54 && rows(crate::RegimeId::Table2016) >= 67 && rows(crate::RegimeId::Table2020) >= 70);
}

#[test]
fn the_law_serialises_and_reads_back() {
    for law in LAWS {
        let text = serde_json::to_string(law).unwrap();
        let back: RegimeLaw = serde_json::from_str(&text).unwrap();
        assert_eq!(&back, *law, "{}", law.regime.id);
    }
}
