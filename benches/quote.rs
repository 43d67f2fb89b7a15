//! One itemised quote, and a batch of 1,000,000 quotes.

use ceseda::{quote, Permit, Procedure, Request};
use ceseda_benches::mixed_requests;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn one_quote(c: &mut Criterion) {
    let date = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or(NaiveDate::MIN);
    let mut request = Request::new(Permit::Salarie, Procedure::FirstIssue, date);
    request.circumstances.irregular_entry = true;
    c.bench_function("quote/one itemised (salarié, irregular entry, 2024)", |b| b.iter(|| quote(black_box(&request))));
    let json = r#"{"permit":"visiteur","procedure":"first_issue","date":"2024-03-01"}"#;
    c.bench_function("quote_json/one (JSON in, JSON out)", |b| b.iter(|| ceseda::contract::quote_json(black_box(json))));
}

fn batch(c: &mut Criterion) {
    let requests = mixed_requests(1_000_000);
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(requests.len() as u64));
    // A 1M-row batch takes a fraction of a second; ten samples keep the run short.
    group.sample_size(10);
    group.bench_function("quote/1,000,000 mixed requests", |b| {
        b.iter(|| requests.iter().map(|r| quote(r).ok().and_then(|q| q.total).unwrap_or_default()).sum::<Decimal>())
    });
    group.finish();
}

// criterion_group! generates an undocumented function.
#[allow(missing_docs)]
mod group {
    use super::*;
    criterion_group!(benches, one_quote, batch);
}
use group::benches;
criterion_main!(benches);
