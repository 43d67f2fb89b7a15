//! proptest strategies for requests, next to the types they generate (feature `proptest`).
//! The core's property tests and the cross-language conformance suite share them.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;

use crate::{AdmissionCard, CardKind, CardValidity, Circumstances, Document, EuStatus, FamilyMember, Permit, Procedure, RegimeId, Request, SubCase, TravelDocument};

/// Any date from 2011 to 2030, with the regime boundaries and their neighbours over-weighted.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2011, 1, 1).unwrap_or(NaiveDate::MIN);
    let boundaries: Vec<NaiveDate> = [
        (2011, 9, 30), (2011, 10, 1), (2011, 12, 31), (2012, 1, 1), (2016, 10, 31), (2016, 11, 1),
        (2019, 12, 31), (2020, 1, 1), (2020, 1, 2), (2020, 2, 29), (2020, 3, 1), (2021, 4, 30),
        (2021, 5, 1), (2026, 4, 30), (2026, 5, 1),
    ]
    .iter()
    .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    .collect();
    prop_oneof![
        3 => (0u64..7305).prop_map(move |days| start + chrono::Days::new(days)),
        1 => select(boundaries),
    ]
}

/// Dates inside the covered periods, where quotes usually succeed.
pub fn covered_date() -> impl Strategy<Value = NaiveDate> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
    prop_oneof![
        (0u64..92).prop_map(move |n| day(2011, 10, 1) + chrono::Days::new(n)),
        (0u64..3348).prop_map(move |n| day(2016, 11, 1) + chrono::Days::new(n)),
        (0u64..1700).prop_map(move |n| day(2026, 5, 1) + chrono::Days::new(n)),
    ]
}

/// A permit or travel document.
pub fn document() -> impl Strategy<Value = Document> {
    prop_oneof![
        9 => select(Permit::ALL).prop_map(Document::Permit),
        1 => select(TravelDocument::ALL).prop_map(Document::Travel),
    ]
}

prop_compose! {
    /// Sub-cases, each present or not.
    pub fn sub_case()(
        family_member in proptest::option::of(select(FamilyMember::ALL)),
        reunification_on_site in proptest::option::weighted(0.3, any::<bool>()),
        entered_via_family_reunification in proptest::option::weighted(0.3, any::<bool>()),
        card_kind in proptest::option::of(select(CardKind::ALL)),
        card_validity in proptest::option::of(select(CardValidity::ALL)),
        admission_card in proptest::option::weighted(0.3, select(AdmissionCard::ALL)),
        previously_held_cst in proptest::option::weighted(0.3, any::<bool>()),
        underlying_permit in proptest::option::weighted(0.2, select(Permit::ALL)),
        reunification_granted_on in proptest::option::weighted(0.1, date()),
        previous_permit in proptest::option::weighted(0.15, select(Permit::ALL)),
    ) -> SubCase {
        SubCase { family_member, reunification_on_site, entered_via_family_reunification, card_kind, card_validity, admission_card, previously_held_cst, underlying_permit, reunification_granted_on, previous_permit }
    }
}

/// Circumstances drawn relative to a decision date, so that lateness and the application
/// date rules are exercised. Kept as offsets so that they shrink independently of the date.
#[derive(Debug, Clone)]
pub struct CircumstanceOffsets {
    irregular_entry: bool,
    application_days_before: Option<u64>,
    expiry_days_before_decision: Option<i64>,
    force_majeure: bool,
    holds_valid_visa: bool,
    violence_victim: bool,
    eu_status: Option<EuStatus>,
    defence_cooperation_agreement: bool,
    algerian_national: Option<bool>,
    online_application: Option<bool>,
}

impl CircumstanceOffsets {
    /// The circumstances for a decision on `decision`.
    pub fn at(&self, decision: NaiveDate) -> Circumstances {
        let application_date = self.application_days_before.and_then(|d| decision.checked_sub_days(chrono::Days::new(d)));
        let previous_title_expiry = self.expiry_days_before_decision.and_then(|d| {
            if d >= 0 { decision.checked_sub_days(chrono::Days::new(d.unsigned_abs())) } else { decision.checked_add_days(chrono::Days::new(d.unsigned_abs())) }
        });
        Circumstances {
            irregular_entry: self.irregular_entry,
            application_date,
            previous_title_expiry,
            force_majeure: self.force_majeure,
            holds_valid_visa: self.holds_valid_visa,
            violence_victim: self.violence_victim,
            eu_status: self.eu_status,
            defence_cooperation_agreement: self.defence_cooperation_agreement,
            algerian_national: self.algerian_national,
            online_application: self.online_application,
        }
    }
}

prop_compose! {
    /// Circumstances, as offsets from the decision date; booleans lean to the common case.
    pub fn circumstances()(
        irregular_entry in proptest::bool::weighted(0.3),
        application_days_before in proptest::option::of(0u64..400),
        expiry_days_before_decision in proptest::option::of(-200i64..300),
        force_majeure in proptest::bool::weighted(0.1),
        holds_valid_visa in proptest::bool::weighted(0.1),
        violence_victim in proptest::bool::weighted(0.1),
        eu_status in proptest::option::weighted(0.1, select(EuStatus::ALL)),
        defence_cooperation_agreement in proptest::bool::weighted(0.1),
        algerian_national in proptest::option::weighted(0.2, any::<bool>()),
        online_application in proptest::option::weighted(0.3, any::<bool>()),
    ) -> CircumstanceOffsets {
        CircumstanceOffsets { irregular_entry, application_days_before, expiry_days_before_decision, force_majeure, holds_valid_visa, violence_victim, eu_status, defence_cooperation_agreement, algerian_national, online_application }
    }
}

/// A typed request: every permit, procedure, sub-case and circumstance, dates 2011–2030.
/// Each part shrinks on its own (no `prop_flat_map`), so a failure shrinks to few fields.
pub fn request() -> BoxedStrategy<Request> {
    (document(), select(Procedure::ALL), prop_oneof![covered_date(), date()], proptest::option::weighted(0.1, select(RegimeId::ALL)), sub_case(), circumstances())
        .prop_map(|(permit, procedure, date, regime, sub_case, offsets)| Request { permit, procedure, date, regime, sub_case, circumstances: offsets.at(date) })
        // Boxed: the nested strategy types otherwise overflow the stack of debug test threads.
        .boxed()
}

/// A JSON request that may be invalid: unknown codes, malformed dates, wrong types, unknown
/// or missing fields, or not an object at all.
pub fn json_request() -> BoxedStrategy<serde_json::Value> {
    use serde_json::Value;
    let field = select(crate::FIELDS);
    let junk: BoxedStrategy<Value> = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        select(vec!["2020-02-30", "2024-13-01", "2024-3-1", "01/03/2024", "", "2024-02-29", "visiteur", "csp", "table_2016"]).prop_map(Value::from),
        Just(Value::Array(vec![])),
    ]
    .boxed();
    prop_oneof![
        6 => request().prop_map(|r| r.to_value()),
        3 => (request(), field.clone(), junk.clone()).prop_map(|(r, f, j)| {
            let mut v = r.to_value();
            if let Some(m) = v.as_object_mut() { m.insert(f.to_string(), j); }
            v
        }),
        1 => (request(), field).prop_map(|(r, f)| {
            let mut v = r.to_value();
            if let Some(m) = v.as_object_mut() { m.remove(f); }
            v
        }),
        1 => (request(), "[a-z]{1,10}").prop_map(|(r, k)| {
            let mut v = r.to_value();
            if let Some(m) = v.as_object_mut() { m.insert(k, Value::Bool(true)); }
            v
        }),
        1 => junk,
    ]
    .boxed()
}
