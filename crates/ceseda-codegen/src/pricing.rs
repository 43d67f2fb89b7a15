//! The id tables of the npm package's pricing module (`bindings/wasm/js/ids.js` and its
//! declarations): every request field and every code of the vocabularies it reads, in the
//! core's order, so that a code's id is its index. `js/pricing.js` resolves a request's codes
//! to these ids once and sends numbers across the wasm boundary.

use std::path::PathBuf;

use serde_json::Value;

use crate::typescript::camel;
use crate::{quoted, File, GENERATED};

/// The vocabularies the pricing module names by id: the request's and the answer's.
const ANSWER_VOCABULARIES: &[&str] = &["outcome", "component", "regime", "error_code"];

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn codes<'a>(schema: &'a Value, vocabulary: &str) -> Vec<&'a str> {
    list(schema, "vocabularies").iter().find(|v| text(v, "name") == vocabulary).map(|v| list(v, "codes").iter().map(|e| text(e, "code")).collect()).unwrap_or_default()
}

fn array(items: &[String]) -> String {
    format!("Object.freeze([{}])", items.join(", "))
}

/// `ids.js` and `ids.d.ts`.
pub fn files(schema: &Value) -> Vec<File> {
    let fields = list(schema, "fields");
    let version = schema.get("version").and_then(Value::as_u64).unwrap_or(0);
    let names: Vec<String> = fields.iter().map(|f| quoted(text(f, "name"))).collect();
    let kinds: Vec<String> = fields.iter().map(|f| quoted(text(f.get("kind").unwrap_or(&Value::Null), "type"))).collect();
    let vocab_of = |f: &Value| text(f.get("kind").unwrap_or(&Value::Null), "vocabulary").to_string();
    let vocabularies: Vec<String> = fields.iter().map(|f| match vocab_of(f).as_str() { "" => "null".to_string(), v => quoted(v) }).collect();
    let required = fields.iter().filter(|f| f.get("required").and_then(Value::as_bool).unwrap_or(false)).count();
    let mut keys = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let name = text(f, "name");
        keys.push(format!("  [{}, {i}],", quoted(name)));
        if camel(name) != name {
            keys.push(format!("  [{}, {i}],", quoted(&camel(name))));
        }
    }
    let mut used: Vec<String> = Vec::new();
    for v in fields.iter().map(vocab_of).chain(ANSWER_VOCABULARIES.iter().map(|s| s.to_string())) {
        if !v.is_empty() && !used.contains(&v) {
            used.push(v);
        }
    }
    let lists: Vec<String> = used.iter().map(|v| format!("  {}: {},", quoted(v), array(&codes(schema, v).iter().map(|c| quoted(c)).collect::<Vec<_>>()))).collect();

    let mut js = format!("// {GENERATED}\n// The id tables of the pricing module, `ceseda/pricing` (schema version {version}): a field's id and a\n// code's id are their index in these lists, the core's order.\n");
    js.push_str(&format!("\n/** Every request field, in canonical order: a field's id is its index. */\nexport const FIELDS = {};\n", array(&names)));
    js.push_str(&format!("\n/** Each field's kind: \"code\", \"date\" or \"bool\". */\nexport const FIELD_KINDS = {};\n", array(&kinds)));
    js.push_str(&format!("\n/** Each field's vocabulary (a key of CODES), null for dates and booleans. */\nexport const FIELD_VOCABULARIES = {};\n", array(&vocabularies)));
    js.push_str(&format!("\n/** The first REQUIRED_FIELDS fields are required. */\nexport const REQUIRED_FIELDS = {required};\n"));
    js.push_str(&format!("\n/** Request keys, camelCase and snake_case, to the field's id. */\nexport const FIELD_IDS = new Map([\n{}\n]);\n", keys.join("\n")));
    js.push_str(&format!("\n/** The codes of each vocabulary the pricing module reads or answers, in order: a code's id is its index. */\nexport const CODES = Object.freeze({{\n{}\n}});\n", lists.join("\n")));

    let mut dts = format!("// {GENERATED}\n// Declarations of ids.js.\n\n");
    dts.push_str("import type { ErrorCode } from './index.js';\n\n");
    dts.push_str("/** Every request field, in canonical order: a field's id is its index. */\nexport declare const FIELDS: readonly string[];\n");
    dts.push_str("/** Each field's kind. */\nexport declare const FIELD_KINDS: readonly ('code' | 'date' | 'bool')[];\n");
    dts.push_str("/** Each field's vocabulary (a key of CODES), null for dates and booleans. */\nexport declare const FIELD_VOCABULARIES: readonly (keyof typeof CODES | null)[];\n");
    dts.push_str("/** The first REQUIRED_FIELDS fields are required. */\nexport declare const REQUIRED_FIELDS: number;\n");
    dts.push_str("/** Request keys, camelCase and snake_case, to the field's id. */\nexport declare const FIELD_IDS: ReadonlyMap<string, number>;\n");
    let members: Vec<String> = used.iter().map(|v| if v == "error_code" { format!("  readonly {}: readonly ErrorCode[];", quoted(v)) } else { format!("  readonly {}: readonly string[];", quoted(v)) }).collect();
    dts.push_str(&format!("/** The codes of each vocabulary, in order: a code's id is its index. */\nexport declare const CODES: {{\n{}\n}};\n", members.join("\n")));

    let dir = PathBuf::from(crate::typescript::DIR);
    vec![File { path: dir.join("ids.js"), content: js }, File { path: dir.join("ids.d.ts"), content: dts }]
}
