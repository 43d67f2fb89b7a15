//! The npm package's generated files (`bindings/wasm/js/`).

use serde_json::Value;

use crate::File;

/// The TypeScript and JavaScript files.
pub fn files(_schema: &Value) -> Vec<File> {
    Vec::new()
}
