//! The Python package's generated files (`bindings/python/python/ceseda/`).

use serde_json::Value;

use crate::File;

/// The Python files.
pub fn files(_schema: &Value) -> Vec<File> {
    Vec::new()
}
