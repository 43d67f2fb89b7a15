//! The drift check: it passes on the repository and fails on a stale copy.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

fn copy_generated(to: &Path) {
    for f in ceseda_codegen::files() {
        let path = to.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &f.content).unwrap();
    }
}

#[test]
fn the_repository_is_up_to_date() {
    let stale = ceseda_codegen::stale(&ceseda_codegen::repository_root());
    assert!(stale.is_empty(), "stale generated files: {stale:?}; run `cargo run -p ceseda-codegen`");
}

#[test]
fn a_stale_file_fails_the_check() {
    let dir = std::env::temp_dir().join(format!("ceseda-codegen-check-{}", std::process::id()));
    copy_generated(&dir);
    assert!(ceseda_codegen::stale(&dir).is_empty());
    if let Some(first) = ceseda_codegen::files().first() {
        let path = dir.join(&first.path);
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("\n# edited by hand\n");
        std::fs::write(&path, text).unwrap();
        assert_eq!(ceseda_codegen::stale(&dir), vec![first.path.clone()]);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_ceseda-codegen")).args(["--check", "--root"]).arg(&dir).status().unwrap();
        assert!(!status.success(), "--check must fail on a stale file");
    }
    std::fs::remove_dir_all(&dir).ok();
}
