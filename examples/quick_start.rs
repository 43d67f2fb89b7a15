//! Quick start: quote a first visitor permit in 2024, then the same in June 2026, and a
//! first salarié card for someone who entered without a visa.
//!
//! Run with `cargo run --example quick_start -p ceseda`; `cargo test` runs it too.

use ceseda::{quote, Lang, NaiveDate, Permit, Procedure, Request};

fn run() -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    let date = NaiveDate::from_ymd_opt(2024, 3, 1).ok_or("invalid date")?;
    let q = quote(&Request::new(Permit::Visiteur, Procedure::FirstIssue, date))?;
    out.push(q.explain(Lang::En));

    let mut req = Request::new(Permit::Salarie, Procedure::FirstIssue, NaiveDate::from_ymd_opt(2026, 6, 1).ok_or("invalid date")?);
    req.circumstances.irregular_entry = true;
    let q = quote(&req)?;
    let (total, at_filing) = (q.total.ok_or("no total")?, q.due_at_filing.ok_or("no total")?);
    out.push(format!("{total} € in all, {at_filing} € of it at filing"));
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for text in run()? {
        println!("{text}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn quick_start_runs_and_prints_the_documented_figures() -> Result<(), Box<dyn std::error::Error>> {
        let out = super::run()?;
        assert!(out.first().is_some_and(|t| t.contains("225.00")));
        assert_eq!(out.get(1).map(String::as_str), Some("650.00 € in all, 100.00 € of it at filing"));
        Ok(())
    }
}
