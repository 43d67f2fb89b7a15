#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::*;
use crate::model::date::ymd;
use crate::{Component, Procedure};

const SAMPLE: &str = include_str!("../../../../examples/analysis/reform_2027.toml");

fn code(r: Result<Reform, Error>) -> (String, Option<String>, Option<String>) {
    match r {
        Ok(_) => ("ok".into(), None, None),
        Err(e) => (e.code().to_string(), e.field().map(str::to_string), e.value().map(str::to_string)),
    }
}

#[test]
fn the_sample_reform_prices_a_first_visiteur_card_in_2027_at_400() {
    let reform = Reform::from_toml_str(SAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
    let r = Request::new(Permit::Visiteur, Procedure::FirstIssue, ymd(2027, 3, 1));
    let q = reform.quote(&r).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(q.total, Some(Decimal::new(40000, 2)));
    assert_eq!(q.component(Component::Tax), Decimal::new(35000, 2));
    assert_eq!(q.component(Component::DroitDeTimbre), Decimal::new(5000, 2));
    // The law prices the same request at 350 (300 + 50); the reform changed the tax line only.
    assert_eq!(crate::quote(&r).ok().and_then(|q| q.total), Some(Decimal::new(35000, 2)));
    let tax = q.lines.iter().find(|l| l.component == Component::Tax).unwrap_or_else(|| panic!("no tax"));
    assert_eq!(tax.seed, "reform");
    assert!(tax.seed_row.contains("tax.first_issue.general = 350.00 from 2027-01-01"), "{}", tax.seed_row);
    let stamp = q.lines.iter().find(|l| l.component == Component::DroitDeTimbre).unwrap_or_else(|| panic!("no stamp"));
    assert_eq!(stamp.seed, "004+lf_2026");
    assert!(q.notes.iter().any(|n| n.code == "reform"));
    // Before the reform's date, nothing changes and nothing says so.
    let before = Request::new(Permit::Visiteur, Procedure::FirstIssue, ymd(2026, 12, 31));
    assert_eq!(reform.quote(&before).ok(), crate::quote(&before).ok());
    // The compiled table agrees with the engine.
    reform.prepare(ymd(2027, 3, 1));
    assert_eq!(reform.lookup(&r).map(|c| c.priced.totals.total), Some(Some(Decimal::new(40000, 2))));
    assert_eq!(reform.total(&r).ok().and_then(|t| t.total), Some(Decimal::new(40000, 2)));
}

#[test]
fn the_same_reform_in_json() {
    let json = r#"{"name": "reform_2027", "amend": [{"from": "2027-01-01", "rate": "tax.first_issue.general", "amount": "350.00"}]}"#;
    let reform = Reform::from_json_str(json).unwrap_or_else(|e| panic!("{e:?}"));
    let r = Request::new(Permit::Visiteur, Procedure::FirstIssue, ymd(2027, 3, 1));
    assert_eq!(reform.quote(&r).ok().and_then(|q| q.total), Some(Decimal::new(40000, 2)));
    assert_eq!(Reform::parse(json).map(|r| r.name().to_string()).ok().as_deref(), Some("reform_2027"));
}

#[test]
fn invalid_reforms_name_the_key_and_the_value() {
    let base = |amend: &str| format!("name = \"x\"\n[[amend]]\n{amend}\n");
    let cases = [
        (base("from = 2027-01-01\npermit = \"visitor\"\ntax = \"reduced\""), "invalid_reform", "amend[0].permit", "visitor"),
        (base("from = 2027-01-01\nrate = \"stamp\"\namount = -5"), "invalid_reform", "amend[0].amount", "-5"),
        (base("from = 2027-01-01\nrate = \"stamp\"\namount = 5.5"), "invalid_reform", "amend[0].amount", "5.5"),
        (base("from = 2008-01-01\nrate = \"stamp\"\namount = 5"), "invalid_reform", "amend[0].from", "2008-01-01"),
        (base("from = 2025-01-01\nregime = \"lf_2026\"\nrate = \"stamp\"\namount = 5"), "invalid_reform", "amend[0].from", "2025-01-01"),
        (base("from = 2027-01-01\nrate = \"visa.at_filing\"\namount = 500"), "invalid_reform", "amend[0].amount", "500.00"),
        (base("from = 2027-01-01\nrat = \"stamp\""), "unknown_field", "amend[0].rat", "amend[0].rat"),
        (base("from = 2027-01-01\nrate = \"stamps\"\namount = 5"), "invalid_reform", "amend[0].rate", "stamps"),
        ("nam = \"x\"".to_string(), "unknown_field", "nam", "nam"),
        ("name = \"x\"\n[[regime]]\nfrom = 2020-01-01".to_string(), "invalid_reform", "regime[0].from", "2020-01-01"),
    ];
    for (text, code_, field, value) in cases {
        assert_eq!(code(Reform::from_toml_str(&text)), (code_.to_string(), Some(field.to_string()), Some(value.to_string())), "{text}");
    }
    assert_eq!(code(Reform::from_toml_str("name = ")).0, "invalid_json");
}

#[test]
fn a_permit_moved_to_the_exempt_list_and_a_new_regime() {
    let text = r#"
name = "lists"
[[regime]]
from = 2028-01-01
label_en = "Finance Act 2028 (draft)"
[[amend]]
from = 2028-01-01
permit = "etudiant"
tax = "exempt"
[[amend]]
from = 2027-06-01
permit = "salarie"
visa_exempt = true
[[amend]]
from = 2027-06-01
permit = "visiteur"
tax = "reduced"
"#;
    let reform = Reform::from_toml_str(text).unwrap_or_else(|e| panic!("{e:?}"));
    let student = Request::new(Permit::Etudiant, Procedure::FirstIssue, ymd(2028, 2, 1));
    let q = reform.quote(&student).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((q.outcome, q.total), (crate::Outcome::Exempt, Some(Decimal::new(0, 2))));
    assert!(q.notes.iter().any(|n| n.code == "reform" && n.text.en.contains("Finance Act 2028")));
    let mut salarie = Request::new(Permit::Salarie, Procedure::FirstIssue, ymd(2027, 7, 1));
    salarie.circumstances.irregular_entry = true;
    let law = crate::quote(&salarie).ok().and_then(|q| q.total);
    let reformed = reform.quote(&salarie).ok().and_then(|q| q.total);
    assert_eq!(law.zip(reformed).map(|(a, b)| a - b), Some(Decimal::new(30000, 2)), "the visa de régularisation (300 € in 2026) no longer due");
    // visiteur at the reduced rate (lf_2026: 100 €) from June 2027, plus the 50 € stamp.
    let visiteur = Request::new(Permit::Visiteur, Procedure::FirstIssue, ymd(2027, 7, 1));
    let q = reform.quote(&visiteur).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(q.lines.iter().find(|l| l.component == Component::Tax).map(|l| l.seed.as_ref()), Some("reform"));
    assert_eq!(q.total, crate::quote(&visiteur).ok().and_then(|b| b.total).map(|t| t - Decimal::new(30000, 2) + q.component(Component::Tax)));
    // Every day of the reform's price table agrees with its engine.
    for day in [ymd(2027, 7, 1), ymd(2028, 2, 1)] {
        reform.prepare(day);
        for r in crate::price_table::domain(day) {
            let engine = reform.engine(&r).ok().map(|q| Totals::of(&q));
            if let Some(cell) = reform.lookup(&r) {
                assert_eq!(Some(cell.priced.totals), engine, "{r:?}");
            }
        }
    }
}

#[test]
fn history_under_a_reform_has_the_reform_period() {
    let reform = Reform::from_toml_str(SAMPLE).unwrap_or_else(|e| panic!("{e:?}"));
    let h = reform.history(&Request::new(Permit::Visiteur, Procedure::FirstIssue, FIRST_DAY));
    let last = h.periods.last().unwrap_or_else(|| panic!("no period"));
    assert_eq!((last.from, last.total), (ymd(2027, 1, 1), Some(Decimal::new(40000, 2))));
}

#[test]
fn the_reform_change_days_are_those_of_its_laws() {
    let text = "name = \"d\"\n[[regime]]\nfrom = 2028-03-01\n[[amend]]\nfrom = 2027-01-01\nrate = \"stamp\"\namount = 60\n[[amend]]\nfrom = 2021-07-01\npermit = \"visiteur\"\ntax = \"reduced\"\n";
    let reform = Reform::from_toml_str(text).unwrap_or_else(|e| panic!("{e:?}"));
    let from_laws = crate::history::change_days_of(reform.laws());
    // Every day the laws date is a change day of the reform (extra candidate days do no harm).
    assert!(from_laws.iter().all(|d| reform.change_days().contains(d)), "{:?}", from_laws.iter().filter(|d| !reform.change_days().contains(d)).collect::<Vec<_>>());
}
