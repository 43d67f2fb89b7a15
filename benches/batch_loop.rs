//! What a user would write instead of `ceseda batch`: read the CSV with the `csv` crate, build
//! each request from its row with `Request::from_map`, call `ceseda::quote` in a plain loop, and
//! write the same columns. The benchmark (`scripts/bench-batch.sh`) times both and checks that
//! their outputs are byte for byte the same.
//!
//!     cargo run --release -p ceseda-benches --example batch_loop -- requests.csv > answers.csv

use std::io::Write as _;

use ceseda::fields::{Field, FieldKind};
use ceseda::{Component, Request};
use serde_json::{Map, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: batch_loop FILE.csv")?;
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_path(path)?;
    let headers = reader.headers()?.clone();
    let booleans: Vec<bool> = headers.iter().map(|h| Field::named(h).is_some_and(|f| f.kind == FieldKind::Bool)).collect();
    let mut out = csv::Writer::from_writer(std::io::BufWriter::new(std::io::stdout().lock()));
    let mut columns = vec!["row", "total", "due_at_filing"];
    columns.extend(Component::ALL.iter().map(|c| c.code()));
    columns.extend(["outcome", "regime", "error_code", "error_field", "error_message"]);
    out.write_record(&columns)?;
    let money = |d: Option<ceseda::Decimal>| d.map(ceseda::money::to_string).unwrap_or_default();
    for (i, record) in reader.records().enumerate() {
        let record = record?;
        let mut map = Map::new();
        for ((name, cell), boolean) in headers.iter().zip(record.iter()).zip(&booleans) {
            if cell.is_empty() {
                continue;
            }
            let value = if *boolean { Value::Bool(cell.eq_ignore_ascii_case("true")) } else { Value::from(cell) };
            map.insert(name.to_string(), value);
        }
        let mut row = vec![(i + 2).to_string()];
        match Request::from_map(&map).and_then(|r| ceseda::quote(&r)) {
            Ok(q) => {
                row.push(money(q.total));
                row.push(money(q.due_at_filing));
                row.extend(Component::ALL.iter().map(|c| money(q.total.map(|_| q.component(*c)))));
                row.extend([q.outcome.code().to_string(), q.regime.code().to_string(), String::new(), String::new(), String::new()]);
            }
            Err(e) => {
                row.extend(std::iter::repeat_n(String::new(), 4 + Component::ALL.len()));
                row.extend([e.code().to_string(), e.field().unwrap_or_default().to_string(), e.message(ceseda::Lang::En)]);
            }
        }
        out.write_record(&row)?;
    }
    out.flush()?;
    std::io::stdout().flush()?;
    Ok(())
}
