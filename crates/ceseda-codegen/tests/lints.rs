//! The bindings are workspaces of their own (their build tools need it), so they cannot say
//! `[lints] workspace = true`: their `[lints.rust]` and `[lints.clippy]` must equal the root
//! workspace's `[workspace.lints.*]`, line for line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// The `key = value` lines of a TOML table, sorted, up to the next table header.
fn table(text: &str, header: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .map(|l| l.split('#').next().unwrap_or("").trim().replace(' ', ""))
        .filter(|l| !l.is_empty())
        .collect();
    lines.sort();
    lines
}

#[test]
fn every_binding_has_the_workspace_lints() {
    let root = ceseda_codegen::repository_root();
    let workspace = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    for binding in ["bindings/python/Cargo.toml", "bindings/wasm/Cargo.toml", "bindings/wasm/pricing/Cargo.toml"] {
        let text = std::fs::read_to_string(root.join(binding)).unwrap();
        for kind in ["rust", "clippy"] {
            let expected = table(&workspace, &format!("[workspace.lints.{kind}]"));
            assert!(!expected.is_empty(), "no [workspace.lints.{kind}] in the root Cargo.toml");
            assert_eq!(table(&text, &format!("[lints.{kind}]")), expected, "{binding}: [lints.{kind}] differs from the workspace's");
        }
    }
}
