//! `total()` (the compiled price table) against what a user would write instead: a lookup in
//! a hand-made tariff array indexed by (permit, procedure), and a `HashMap` keyed the same way.
//! The ratios are measured in the same run (the machine is shared: absolute times mean little).

#![allow(clippy::float_arithmetic)] // timing ratios, never money.
#![allow(clippy::panic)] // a benchmark without its sample reform cannot run.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

use ceseda::{quote, total, Decimal, Document, Procedure, Request};
use ceseda_benches::mixed_requests;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The user's table: one amount per (document, procedure), priced in advance on one date.
fn tariff_array(requests: &[Request]) -> (Vec<Decimal>, Vec<usize>) {
    let mut table = vec![Decimal::ZERO; Document::COUNT * Procedure::ALL.len()];
    let keys: Vec<usize> = requests.iter().map(|r| r.permit.index() * Procedure::ALL.len() + r.procedure.index()).collect();
    for (r, k) in requests.iter().zip(&keys) {
        if let Some(slot) = table.get_mut(*k) {
            *slot = quote(r).ok().and_then(|q| q.total).unwrap_or_default();
        }
    }
    (table, keys)
}

fn sum_total(requests: &[Request]) -> Decimal {
    requests.iter().map(|r| total(r).ok().and_then(|t| t.total).unwrap_or_default()).sum()
}

fn sum_reform(reform: &ceseda::Reform, requests: &[Request]) -> Decimal {
    requests.iter().map(|r| reform.total(r).ok().and_then(|t| t.total).unwrap_or_default()).sum()
}

fn sum_array(table: &[Decimal], keys: &[usize]) -> Decimal {
    keys.iter().map(|k| table.get(*k).copied().unwrap_or_default()).sum()
}

fn sum_map(map: &HashMap<(Document, Procedure), Decimal>, requests: &[Request]) -> Decimal {
    requests.iter().map(|r| map.get(&(r.permit, r.procedure)).copied().unwrap_or_default()).sum()
}

fn best_of<F: FnMut() -> Decimal>(runs: usize, mut f: F) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn benches(c: &mut Criterion) {
    let requests = mixed_requests(1_000_000);
    let (table, keys) = tariff_array(&requests);
    let map: HashMap<(Document, Procedure), Decimal> = requests.iter().zip(&keys).map(|(r, k)| ((r.permit, r.procedure), table.get(*k).copied().unwrap_or_default())).collect();
    // The sample reform of examples/analysis: its own price table, built as the law's is.
    let reform = ceseda::Reform::from_toml_str(include_str!("../examples/analysis/reform_2027.toml")).unwrap_or_else(|e| panic!("the sample reform: {e:?}"));
    let mut dates: Vec<_> = requests.iter().map(|r| r.date).collect();
    dates.sort_unstable();
    dates.dedup();
    for d in dates {
        ceseda::price_table::prepare(d); // the intervals the requests touch, built once
        reform.prepare(d);
    }

    let mut group = c.benchmark_group("total");
    group.throughput(Throughput::Elements(requests.len() as u64));
    group.sample_size(10);
    group.bench_function("total()/1M mixed requests", |b| b.iter(|| sum_total(black_box(&requests))));
    group.bench_function("Reform::total()/1M mixed requests (the sample reform)", |b| b.iter(|| sum_reform(&reform, black_box(&requests))));
    group.bench_function("array lookup/1M (the user's hand-made table)", |b| b.iter(|| sum_array(black_box(&table), black_box(&keys))));
    group.bench_function("HashMap lookup/1M", |b| b.iter(|| sum_map(black_box(&map), black_box(&requests))));
    group.bench_function("quote()/1M (the itemised engine)", |b| b.iter(|| requests.iter().map(|r| quote(r).ok().and_then(|q| q.total).unwrap_or_default()).sum::<Decimal>()));
    group.finish();

    // Ratios, measured here, side by side.
    let runs = if std::env::args().any(|a| a == "--test") { 1 } else { 5 };
    let n = requests.len() as f64;
    let t_total = best_of(runs, || sum_total(&requests));
    let t_reform = best_of(runs, || sum_reform(&reform, &requests));
    let t_array = best_of(runs, || sum_array(&table, &keys));
    let t_map = best_of(runs, || sum_map(&map, &requests));
    let t_quote = best_of(runs, || requests.iter().map(|r| quote(r).ok().and_then(|q| q.total).unwrap_or_default()).sum::<Decimal>());
    println!("total():        {:>7.1} ns/request, {:>6.1} M/s", t_total / n * 1e9, n / t_total / 1e6);
    println!("reform total(): {:>7.1} ns/request   Reform::total() = {:.2}× total() (the law)", t_reform / n * 1e9, t_reform / t_total);
    println!("array lookup:   {:>7.1} ns/request   total() = {:.1}× the array", t_array / n * 1e9, t_total / t_array);
    println!("HashMap lookup: {:>7.1} ns/request   total() = {:.2}× the HashMap", t_map / n * 1e9, t_total / t_map);
    println!("quote():        {:>7.1} ns/request   quote() = {:.1}× total()", t_quote / n * 1e9, t_quote / t_total);
}

// criterion_group! generates an undocumented function.
#[allow(missing_docs)]
mod group {
    use super::*;
    criterion_group!(group, benches);
}
criterion_main!(group::group);
