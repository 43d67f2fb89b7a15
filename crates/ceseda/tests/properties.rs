//! Properties over generated requests. Default case count (256); the conformance suite
//! runs more across languages.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

use ceseda::strategies::{json_request, request};
use ceseda::{quote, Component, DueAt, Error, Outcome, Procedure, Request};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn total_of(r: &Request) -> Option<Decimal> {
    quote(r).ok().and_then(|q| q.total)
}

proptest! {
    /// Any valid request quotes to Ok or a typed error, and never panics; the total is the sum
    /// of the lines, every line is positive, and the outcome agrees with the total.
    #[test]
    fn quotes_are_consistent(r in request()) {
        match quote(&r) {
            Ok(q) => {
                let sum: Decimal = q.lines.iter().map(|l| l.amount).sum();
                prop_assert_eq!(q.total.is_some(), q.outcome.has_total());
                prop_assert_eq!(q.total.unwrap_or(Decimal::ZERO), sum);
                prop_assert!(q.lines.iter().all(|l| l.amount > Decimal::ZERO));
                prop_assert_eq!(q.outcome == Outcome::AmountDue, q.total.is_some_and(|t| t > Decimal::ZERO));
                prop_assert!(q.total.is_none_or(|t| t.scale() == 2));
                prop_assert!(q.lines.iter().all(|l| !l.basis.is_empty() && !l.seed_row.is_empty()));
            }
            Err(e) => prop_assert!(Error::CODES.contains(&e.code())),
        }
    }

    /// Any JSON, valid or not, answers a tagged object with a known error code.
    #[test]
    fn the_contract_never_fails_untyped(v in json_request()) {
        let answer: serde_json::Value = serde_json::from_str(&ceseda::contract::quote_json(&v.to_string())).unwrap_or_default();
        match answer["type"].as_str() {
            Some("success") => {
                let q = &answer["quote"];
                let has_total = matches!(q["outcome"].as_str(), Some("amount_due" | "exempt"));
                prop_assert_eq!(q["total"].is_string(), has_total);
                prop_assert!(q["total"].is_string() || q["total"].is_null());
            }
            Some("failure") => prop_assert!(Error::CODES.contains(&answer["error"]["code"].as_str().unwrap_or(""))),
            other => prop_assert!(false, "untagged answer {:?}", other),
        }
    }

    /// A request survives the JSON round trip.
    #[test]
    fn requests_round_trip(r in request()) {
        prop_assert_eq!(Request::from_value(&r.to_value()).ok(), Some(r));
    }

    /// An exemption never increases a total.
    #[test]
    fn exemptions_never_increase_the_total(r in request(), which in 0usize..4) {
        let mut exempt = r.clone();
        match which {
            0 => exempt.circumstances.force_majeure = true,
            1 => exempt.circumstances.holds_valid_visa = true,
            2 => exempt.circumstances.violence_victim = true,
            _ => exempt.circumstances.defence_cooperation_agreement = true,
        }
        if let (Some(before), Some(after)) = (total_of(&r), total_of(&exempt)) {
            prop_assert!(after <= before, "{} > {}", after, before);
        }
    }

    /// A late renewal never costs less than an on-time one.
    #[test]
    fn late_never_costs_less(mut r in request(), late_by in 1u64..200) {
        r.procedure = Procedure::Renewal;
        let expiry = r.date.checked_sub_days(chrono::Days::new(late_by + 1)).unwrap_or(r.date);
        let mut on_time = r.clone();
        on_time.circumstances.previous_title_expiry = Some(expiry);
        on_time.circumstances.application_date = expiry.checked_sub_days(chrono::Days::new(150));
        let mut late = on_time.clone();
        late.circumstances.application_date = expiry.checked_add_days(chrono::Days::new(late_by.min(1)));
        if let (Some(a), Some(b)) = (total_of(&on_time), total_of(&late)) {
            prop_assert!(b >= a, "late {} < on time {}", b, a);
        }
    }

    /// The two parts of the visa de régularisation sum to the regime's amount, the first paid
    /// at filing (application date = decision date).
    #[test]
    fn visa_parts_sum_to_its_amount(mut r in request()) {
        r.procedure = Procedure::FirstIssue;
        r.circumstances.irregular_entry = true;
        r.circumstances.application_date = None;
        if let Ok(q) = quote(&r) {
            let filing = q.component(Component::VisaDeRegularisationFiling);
            let balance = q.component(Component::VisaDeRegularisationBalance);
            if !filing.is_zero() {
                let law = q.regime.law();
                let amount = law.amount(ceseda::law::types::RateKey::VisaTotal, q.date).unwrap_or_default();
                let at_filing = law.amount(ceseda::law::types::RateKey::VisaAtFiling, q.date).unwrap_or_default();
                prop_assert_eq!(filing + balance, amount);
                prop_assert_eq!(filing, at_filing);
                prop_assert!(q.lines.iter().filter(|l| l.component == Component::VisaDeRegularisationFiling).all(|l| l.due == DueAt::AtFiling));
            }
        }
    }
}
