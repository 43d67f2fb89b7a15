//! `ceseda-codegen [--check] [--root DIR]`: writes the bindings' generated files from the
//! core's schema, or checks that they are up to date.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let root = args.iter().position(|a| a == "--root").and_then(|i| args.get(i + 1)).map_or_else(ceseda_codegen::repository_root, std::path::PathBuf::from);
    if check {
        let stale = ceseda_codegen::stale(&root);
        if stale.is_empty() {
            println!("ceseda-codegen: {} generated files are up to date", ceseda_codegen::files().len());
            return ExitCode::SUCCESS;
        }
        eprintln!("ceseda-codegen: these generated files are stale; run `cargo run -p ceseda-codegen` and commit them:");
        for p in stale {
            eprintln!("  {}", p.display());
        }
        return ExitCode::FAILURE;
    }
    match ceseda_codegen::write(&root) {
        Ok(written) => {
            for p in &written {
                println!("wrote {}", p.display());
            }
            println!("ceseda-codegen: {} files written, {} up to date", written.len(), ceseda_codegen::files().len() - written.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ceseda-codegen: {e}");
            ExitCode::FAILURE
        }
    }
}
