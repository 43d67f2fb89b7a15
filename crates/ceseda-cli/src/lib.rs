//! The library of the `ceseda` command: the batch reader and writer of `ceseda batch`
//! ([`batch::run`] over files or standard streams, [`batch::run_io`] over any reader and
//! writer), so that the fuzz targets (`fuzz/fuzz_targets/batch_*.rs`) and the binary share it.

pub mod batch;
