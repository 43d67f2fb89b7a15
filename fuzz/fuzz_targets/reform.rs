//! The reform parser (`Reform::parse`, TOML or JSON) and quotes under what it parses: any text
//! is a reform or a typed error with a known code; a valid reform prices a few fixed requests
//! through the contract with tagged answers whose totals are the sum of their lines, and its
//! own compiled price table agrees with its engine.
#![no_main]

use ceseda::contract::quote_json_reform_in;
use ceseda::{Lang, Reform};
use ceseda_conformance::invariants::{quote_answer, short};
use libfuzzer_sys::fuzz_target;

/// Requests a reform most often changes: first issues, a renewal, a visa de régularisation,
/// before and after the usual reform dates.
const REQUESTS: &[&str] = &[
    r#"{"permit":"visiteur","procedure":"first_issue","date":"2027-03-01"}"#,
    r#"{"permit":"salarie","procedure":"first_issue","date":"2026-06-01","irregular_entry":true}"#,
    r#"{"permit":"etudiant","procedure":"renewal","date":"2021-02-01","card_kind":"cst"}"#,
    r#"{"permit":"cr_refugie","procedure":"duplicate","date":"2030-12-31"}"#,
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = Reform::parse(text);
    if let Err(e) = &parsed {
        if !ceseda::Error::CODES.contains(&e.code()) {
            panic!("reform error with an unknown code {}\ninput: {}", e.code(), short(text));
        }
    }
    for request in REQUESTS {
        let answer = quote_json_reform_in(request, Some(text), Lang::En);
        if let Err(why) = quote_answer(&answer) {
            panic!("{why}\nrequest: {request}\ninput: {}", short(text));
        }
        let Ok(reform) = &parsed else { continue };
        let Ok(r) = ceseda::Request::from_json(request) else { continue };
        // The reform's own price table, built now, against its engine.
        reform.prepare(r.date);
        if let (Some(cell), Ok(q)) = (reform.lookup(&r), reform.quote(&r)) {
            if cell.priced.totals.total != q.total {
                panic!("price table {:?} != engine {:?}\nrequest: {request}\ninput: {}", cell.priced.totals.total, q.total, short(text));
            }
        }
    }
});
