//! `ceseda batch` on a JSON-lines file (`ceseda_cli::batch::run_io`; the first byte: language, reform,
//! delimiter): every row the single answer to its line's request, a malformed line one
//! `invalid_json` row, never a stopped run; the CSV answer the cells of the JSON-lines one.
//! The checks are in `common/batch.rs`.
#![no_main]

#[path = "common/batch.rs"]
mod batch;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| batch::fuzz(data, ceseda_cli::batch::Format::Jsonl));
