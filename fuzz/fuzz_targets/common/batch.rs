//! What the `batch_csv` and `batch_jsonl` targets check of `ceseda batch`
//! (`ceseda_cli::batch::run_io`): the input is a file, its first byte the options (bit 0:
//! French; bit 1: under the sample reform, `examples/analysis/reform_2027.toml`; bits 2–3: the
//! CSV delimiter: sniffed, `,`, `;`, tab). The file is run twice, answering JSON lines and
//! CSV, and:
//!
//! * the run never panics and never stops on a line: it ends with every row answered, or
//!   (CSV only) with a usage error exactly where the header is malformed, not UTF-8, or names
//!   an unknown or repeated field;
//! * the rows are the input's non-blank lines (the CSV header aside), in order, each with the
//!   number of its line;
//! * a line that is not UTF-8, not CSV or of another number of cells than the header is one
//!   `invalid_json` row, its message `line N: …`;
//! * every other row has the total, due at filing, components, outcome, regime and error
//!   (code, field, message) of the single answer `quote_json` (or `quote_json_reform_in`)
//!   gives for that row's request: the JSON line as it is, or the request built from the CSV
//!   row (a cell is the trimmed text of its field, empty: absent; `true`/`false` in any case
//!   for a boolean); an `invalid_json` answer's message is the single one after `line N: `;
//! * the CSV answer holds exactly the cells of the JSON-lines answer; the counts are the rows
//!   written and the rows refused.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use ceseda::contract::{parse_reform, quote_json_reform_in};
use ceseda::fields::{Field, FieldKind};
use ceseda::{Component, Decimal, Lang, Reform};
use ceseda_cli::batch::{run_io, Counts, Failure, Format, Options};
use ceseda_conformance::invariants::{error_record, short};
use serde_json::{Map, Value};

/// The sample reform, the one `--reform` examples use.
const REFORM: &str = include_str!("../../../examples/analysis/reform_2027.toml");
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn reform() -> Option<Arc<Reform>> {
    static PARSED: OnceLock<Option<Arc<Reform>>> = OnceLock::new();
    PARSED.get_or_init(|| parse_reform(Some(REFORM)).ok().flatten()).clone()
}

/// What a row must say.
enum Want {
    /// The single answer to the row's request.
    Single(Value),
    /// A malformed line: `invalid_json`.
    Malformed,
}

/// What the whole run must do.
enum Expect {
    Rows(Vec<(u64, Want)>),
    /// A CSV header the batch must refuse.
    Usage,
}

/// The input's lines: number and text without its line break, blank lines left out.
fn lines(file: &[u8]) -> Vec<(u64, &[u8])> {
    let file = file.strip_prefix(BOM).unwrap_or(file);
    let mut segments: Vec<&[u8]> = file.split(|b| *b == b'\n').collect();
    if segments.last().is_some_and(|s| s.is_empty()) {
        segments.pop();
    }
    segments
        .into_iter()
        .enumerate()
        .filter(|(_, s)| !s.iter().all(u8::is_ascii_whitespace))
        .map(|(i, s)| (i as u64 + 1, s.strip_suffix(b"\r").unwrap_or(s)))
        .collect()
}

/// A CSV line's cells (RFC 4180 quotes, each cell trimmed of spaces and of tabs unless tab is
/// the delimiter, inside quotes too); `None` where malformed.
fn split(line: &[u8], d: u8) -> Option<Vec<Vec<u8>>> {
    let blank = |b: u8| b == b' ' || (b == b'\t' && d != b'\t');
    let trim = |cell: &[u8]| -> Vec<u8> {
        let start = cell.iter().position(|b| !blank(*b)).unwrap_or(cell.len());
        let end = cell.iter().rposition(|b| !blank(*b)).map_or(start, |e| e + 1);
        cell[start..end.max(start)].to_vec()
    };
    let (mut cells, mut i, n) = (Vec::new(), 0, line.len());
    loop {
        while i < n && blank(line[i]) {
            i += 1;
        }
        if i < n && line[i] == b'"' {
            i += 1;
            let mut cell = Vec::new();
            loop {
                match (line.get(i), line.get(i + 1)) {
                    (None, _) => return None,
                    (Some(b'"'), Some(b'"')) => {
                        cell.push(b'"');
                        i += 2;
                    }
                    (Some(b'"'), _) => {
                        i += 1;
                        break;
                    }
                    (Some(b), _) => {
                        cell.push(*b);
                        i += 1;
                    }
                }
            }
            while i < n && blank(line[i]) {
                i += 1;
            }
            cells.push(trim(&cell));
            if i == n {
                return Some(cells);
            }
            if line[i] != d {
                return None;
            }
            i += 1;
        } else {
            let start = i;
            while i < n && line[i] != d {
                i += 1;
            }
            let raw = &line[start..i];
            if raw.contains(&b'"') {
                return None;
            }
            cells.push(trim(raw));
            if i == n {
                return Some(cells);
            }
            i += 1;
        }
    }
}

/// The most frequent of `,`, `;` and tab outside quotes (`,` on a tie).
fn sniff(header: &[u8]) -> u8 {
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for b in header {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let mut best = (b',', 0);
    for (d, n) in [b',', b';', b'\t'].into_iter().zip(counts) {
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

fn single(request: &str, reform: bool, lang: Lang) -> Want {
    let answer = quote_json_reform_in(request, reform.then_some(REFORM), lang);
    Want::Single(serde_json::from_str(&answer).unwrap_or(Value::Null))
}

fn expect_jsonl(file: &[u8], reform: bool, lang: Lang) -> Expect {
    Expect::Rows(
        lines(file)
            .into_iter()
            .map(|(n, text)| match std::str::from_utf8(text) {
                Ok(text) => (n, single(text, reform, lang)),
                Err(_) => (n, Want::Malformed),
            })
            .collect(),
    )
}

/// The expected rows of a CSV file, and the delimiter the answer uses.
fn expect_csv(file: &[u8], delimiter: Option<u8>, reform: bool, lang: Lang) -> (Expect, u8) {
    let lines = lines(file);
    let Some(((_, header), rows)) = lines.split_first() else {
        return (Expect::Rows(Vec::new()), delimiter.unwrap_or(b','));
    };
    let d = delimiter.unwrap_or_else(|| sniff(header));
    let Some(names) = split(header, d) else { return (Expect::Usage, d) };
    let mut fields: Vec<Option<&'static Field>> = Vec::new();
    let mut seen = HashSet::new();
    for name in &names {
        let Ok(name) = std::str::from_utf8(name) else { return (Expect::Usage, d) };
        if name.is_empty() {
            fields.push(None);
            continue;
        }
        match Field::named(name) {
            Some(f) if seen.insert(f.name) => fields.push(Some(f)),
            _ => return (Expect::Usage, d),
        }
    }
    let rows = rows
        .iter()
        .map(|(n, line)| {
            let cells = std::str::from_utf8(line).ok().and_then(|_| split(line, d));
            let Some(cells) = cells.filter(|c| c.len() == fields.len()) else {
                return (*n, Want::Malformed);
            };
            let mut request = Map::new();
            for (field, cell) in fields.iter().zip(&cells) {
                let (Some(field), false) = (field, cell.is_empty()) else { continue };
                let cell = String::from_utf8_lossy(cell).into_owned();
                let value = match field.kind {
                    FieldKind::Bool if cell.eq_ignore_ascii_case("true") => Value::Bool(true),
                    FieldKind::Bool if cell.eq_ignore_ascii_case("false") => Value::Bool(false),
                    _ => Value::String(cell),
                };
                request.insert(field.name.to_string(), value);
            }
            (*n, single(&Value::Object(request).to_string(), reform, lang))
        })
        .collect();
    (Expect::Rows(rows), d)
}

fn columns() -> Vec<&'static str> {
    let mut columns = vec!["row", "total", "due_at_filing"];
    columns.extend(Component::ALL.iter().map(|c| c.code()));
    columns.extend(["outcome", "regime", "error_code", "error_field", "error_message"]);
    columns
}

/// `line N: ` in `lang`, as the batch names a malformed line.
fn line_prefix(n: u64, lang: Lang) -> String {
    format!("{} {n}{} ", lang.pick("ligne", "line"), lang.pick(" :", ":"))
}

/// One JSON-lines answer row against what it must say.
fn check_row(row: &Value, n: u64, want: &Want, lang: Lang) -> Result<(), String> {
    let object = row.as_object().ok_or_else(|| format!("row {n}: not an object: {row}"))?;
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    let mut sorted = columns();
    sorted.sort_unstable();
    let mut got = keys.clone();
    got.sort_unstable();
    if got != sorted {
        return Err(format!("row {n}: columns {keys:?}"));
    }
    if row["row"].as_u64() != Some(n) {
        return Err(format!("row numbered {} where line {n} was expected", row["row"]));
    }
    let mut expected = Map::new();
    let null_amounts = |m: &mut Map<String, Value>| {
        for c in columns().into_iter().skip(1) {
            m.insert(c.to_string(), Value::Null);
        }
    };
    null_amounts(&mut expected);
    let prefix = line_prefix(n, lang);
    match want {
        Want::Malformed => {
            let message = row["error_message"].as_str().unwrap_or("");
            if !message.starts_with(&prefix) || message.len() == prefix.len() {
                return Err(format!("row {n}: a malformed line's message {message:?}"));
            }
            expected.insert("error_code".into(), "invalid_json".into());
            expected.insert("error_message".into(), message.into());
        }
        Want::Single(answer) if answer["type"] == "success" => {
            let q = &answer["quote"];
            let total = q["total"].clone();
            expected.insert("total".into(), total.clone());
            expected.insert("due_at_filing".into(), q.get("due_at_filing").cloned().unwrap_or(Value::Null));
            for c in Component::ALL {
                let sum: Decimal = q["lines"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|l| l["component"] == c.code())
                    .filter_map(|l| l["amount"].as_str()?.parse::<Decimal>().ok())
                    .sum();
                let cell = if total.is_null() { Value::Null } else { Value::from(ceseda::money::to_string(sum)) };
                expected.insert(c.code().into(), cell);
            }
            expected.insert("outcome".into(), q["outcome"].clone());
            expected.insert("regime".into(), q["regime"].clone());
        }
        Want::Single(answer) => {
            let e = &answer["error"];
            error_record(e)?;
            let mut message = e["message"].as_str().unwrap_or("").to_string();
            if e["code"] == "invalid_json" {
                message = prefix + &message;
            }
            expected.insert("error_code".into(), e["code"].clone());
            expected.insert("error_field".into(), e.get("field").cloned().unwrap_or(Value::Null));
            expected.insert("error_message".into(), message.into());
        }
    }
    for (key, want) in &expected {
        if row[key.as_str()] != *want {
            return Err(format!("row {n}, {key}: the batch says {}, the single answer {want}", row[key.as_str()]));
        }
    }
    if !row["error_code"].is_null() {
        error_record(&serde_json::json!({"code": row["error_code"], "field": row["error_field"], "message": row["error_message"]}))?;
    }
    Ok(())
}

/// The CSV answer against the JSON-lines answer, cell by cell.
fn check_csv(csv_out: &[u8], rows: &[Value], delimiter: u8) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).from_reader(csv_out);
    let mut records = reader.records();
    let header = records.next().ok_or("a CSV answer without its header")?.map_err(|e| format!("CSV answer: {e}"))?;
    if header.iter().collect::<Vec<_>>() != columns() {
        return Err(format!("CSV header {header:?}"));
    }
    let mut count = 0;
    for (i, record) in records.enumerate() {
        let record = record.map_err(|e| format!("CSV answer: {e}"))?;
        let row = rows.get(i).ok_or_else(|| format!("CSV answer row {i} has no JSON-lines row"))?;
        for (column, cell) in columns().into_iter().zip(record.iter()) {
            let want = match &row[column] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if cell != want {
                return Err(format!("CSV row {i}, {column}: {cell:?}, JSON lines {want:?}"));
            }
        }
        if record.len() != columns().len() {
            return Err(format!("CSV row {i} has {} cells", record.len()));
        }
        count += 1;
    }
    if count != rows.len() {
        return Err(format!("{count} CSV rows, {} JSON-lines rows", rows.len()));
    }
    Ok(())
}

fn check(data: &[u8], format: Format) -> Result<(), String> {
    let Some((&byte, file)) = data.split_first() else { return Ok(()) };
    let lang = if byte & 1 == 1 { Lang::Fr } else { Lang::En };
    let reformed = byte & 2 == 2;
    let delimiter = match (byte >> 2) & 3 {
        0 => None,
        1 => Some(b','),
        2 => Some(b';'),
        _ => Some(b'\t'),
    };
    let options = |output_format| Options {
        input: None,
        input_format: Some(format),
        delimiter,
        output_format,
        output_delimiter: None,
        output: None,
        lang,
        reform: if reformed { reform() } else { None },
    };
    let (expect, out_delimiter) = match format {
        Format::Jsonl => (expect_jsonl(file, reformed, lang), b','),
        Format::Csv => expect_csv(file, delimiter, reformed, lang),
    };
    let mut jsonl = Vec::new();
    let mut csv_out = Vec::new();
    let as_jsonl = run_io(file, &mut jsonl, &options(Format::Jsonl));
    let as_csv = run_io(file, &mut csv_out, &options(Format::Csv));
    let rows = match (expect, as_jsonl, as_csv) {
        (Expect::Usage, Err(Failure::Usage(_)), Err(Failure::Usage(_))) => {
            return if jsonl.is_empty() && csv_out.is_empty() { Ok(()) } else { Err("a refused header, yet rows written".into()) };
        }
        (Expect::Rows(rows), Ok(a), Ok(b)) => {
            let refused = check_counts(a, b, &rows)?;
            let _ = refused;
            rows
        }
        (Expect::Usage, a, b) => return Err(format!("a header the batch must refuse answered {a:?} / {b:?}")),
        (Expect::Rows(rows), a, b) => {
            return Err(format!("{} rows expected, the run answered {a:?} / {b:?}", rows.len()));
        }
    };
    let text = std::str::from_utf8(&jsonl).map_err(|e| format!("JSON-lines answer not UTF-8: {e}"))?;
    let answered: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).map_err(|e| format!("answer line not JSON ({e}): {}", short(l))))
        .collect::<Result<_, _>>()?;
    if !text.is_empty() && !text.ends_with('\n') {
        return Err("the JSON-lines answer does not end with a line break".into());
    }
    if answered.len() != rows.len() {
        return Err(format!("{} rows expected, {} answered", rows.len(), answered.len()));
    }
    for (row, (n, want)) in answered.iter().zip(&rows) {
        check_row(row, *n, want, lang)?;
    }
    check_csv(&csv_out, &answered, out_delimiter)
}

/// The counts of both runs: the rows expected, the refused ones those with an error.
fn check_counts(a: Counts, b: Counts, rows: &[(u64, Want)]) -> Result<u64, String> {
    let refused = rows
        .iter()
        .filter(|(_, w)| match w {
            Want::Malformed => true,
            Want::Single(answer) => answer["type"] != "success",
        })
        .count() as u64;
    for c in [a, b] {
        if c.rows != rows.len() as u64 || c.refused != refused {
            return Err(format!("counts {c:?}, expected {} rows, {refused} refused", rows.len()));
        }
    }
    Ok(refused)
}

/// Runs the checks; a broken one panics with the input.
pub fn fuzz(data: &[u8], format: Format) {
    if let Err(e) = check(data, format) {
        panic!("{e}\ninput: {}", short(&String::from_utf8_lossy(data)));
    }
}
