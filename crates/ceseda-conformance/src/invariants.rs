//! What must hold of every answer of every JSON entry point, whatever the input: the checks
//! the fuzz targets (`fuzz/`), the temporal sweep (`tests/sweep.rs`) and the entry-point
//! comparisons share. Each returns `Err` with a description of what does not hold.
//!
//! * every answer is tagged: `{"type":"success","<key>":…}` or `{"type":"failure","error":…}`
//!   with one of the contract's error codes ([`ceseda::Error::CODES`]) and a message;
//! * every date an answer holds reads back through the contract's parser (years 1900–2200);
//! * a quote's total is the sum of its lines, no line is negative, and what is due at filing
//!   is the sum of the lines due at filing;
//! * a batch answers one item per request, item `i` exactly the single answer to request `i`
//!   (`quote_many_json`), or in columns the same total, components, outcome, regime and error
//!   (`quote_table_json`).

use ceseda::contract::{quote_json, split_array};
use ceseda::{Decimal, Error};
use serde_json::Value;

type Check = Result<(), String>;

fn parse(text: &str, what: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("{what} answered text that is not JSON ({e}): {}", short(text)))
}

/// At most 300 characters of `text`, for messages.
pub fn short(text: &str) -> String {
    let mut out: String = text.chars().take(300).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// A tagged answer: success with `key`, or failure with a known error code and a message.
pub fn tagged(answer: &Value, key: &str) -> Check {
    match answer.get("type").and_then(Value::as_str) {
        Some("success") if answer.get(key).is_some() => Ok(()),
        Some("success") => Err(format!("a success without {key:?}: {}", short(&answer.to_string()))),
        Some("failure") => error_record(answer.get("error").unwrap_or(&Value::Null)),
        _ => Err(format!("an untagged answer: {}", short(&answer.to_string()))),
    }
}

/// An error record: a known code, a message, a field that is null or text.
pub fn error_record(error: &Value) -> Check {
    let code = error.get("code").and_then(Value::as_str).unwrap_or("");
    if !Error::CODES.contains(&code) {
        return Err(format!("unknown error code {code:?} in {}", short(&error.to_string())));
    }
    if error.get("message").and_then(Value::as_str).is_none_or(str::is_empty) {
        return Err(format!("an error without a message: {}", short(&error.to_string())));
    }
    match error.get("field") {
        None | Some(Value::Null | Value::String(_)) => Ok(()),
        Some(other) => Err(format!("an error field that is not text: {other}")),
    }
}

/// Whether `s` looks like a calendar date (digits, a dash, two digits, a dash, two digits),
/// possibly signed or with more than four digits of year: what a date field could emit.
fn looks_like_date(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let parts: Vec<&str> = body.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() >= 4 && m.len() == 2 && d.len() == 2 && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())))
}

/// Every date-like text in `answer` (outside error records, which echo the input) reads back
/// through the contract's date parser.
pub fn dates_read_back(answer: &Value) -> Check {
    fn walk(v: &Value, path: &str) -> Check {
        match v {
            Value::String(s) if looks_like_date(s) => {
                ceseda::parse_date(s, "date").map(|_| ()).map_err(|_| format!("the date {s:?} at {path} does not read back through the contract's parser"))
            }
            Value::Array(items) => items.iter().enumerate().try_for_each(|(i, x)| walk(x, &format!("{path}[{i}]"))),
            Value::Object(m) => m.iter().filter(|(k, _)| *k != "error" && *k != "message").try_for_each(|(k, x)| walk(x, &format!("{path}.{k}"))),
            _ => Ok(()),
        }
    }
    walk(answer, "$")
}

fn money(v: &Value, what: &str) -> Result<Decimal, String> {
    let text = v.as_str().ok_or_else(|| format!("{what} is not a money string: {v}"))?;
    let d: Decimal = text.parse().map_err(|_| format!("{what} is not a decimal: {text:?}"))?;
    if d.scale() != 2 {
        return Err(format!("{what} {text:?} does not have two decimals"));
    }
    Ok(d)
}

/// A quote (the `quote` member of a success): total = sum of lines, no negative line, due at
/// filing = sum of the lines due at filing, no lines where the total is null.
pub fn quote_sums(q: &Value) -> Check {
    let lines = q.get("lines").and_then(Value::as_array).ok_or("a quote without lines")?;
    let mut sum = Decimal::ZERO;
    let mut at_filing = Decimal::ZERO;
    for (i, line) in lines.iter().enumerate() {
        let amount = money(line.get("amount").unwrap_or(&Value::Null), &format!("line {i}"))?;
        if amount < Decimal::ZERO {
            return Err(format!("line {i} is negative: {amount}"));
        }
        sum += amount;
        if line.get("due").and_then(Value::as_str) == Some("at_filing") {
            at_filing += amount;
        }
    }
    match q.get("total") {
        Some(Value::Null) | None => {
            if !lines.is_empty() {
                return Err("lines under a null total".into());
            }
        }
        Some(total) => {
            let total = money(total, "total")?;
            if total != sum {
                return Err(format!("total {total} is not the sum of the lines {sum}"));
            }
            if let Some(due) = q.get("due_at_filing").filter(|d| !d.is_null()) {
                let due = money(due, "due_at_filing")?;
                if due != at_filing {
                    return Err(format!("due_at_filing {due} is not the sum of the lines due at filing {at_filing}"));
                }
            }
        }
    }
    Ok(())
}

/// The answer of `quote_json` to `text`, checked whole.
pub fn quote_answer(answer_text: &str) -> Check {
    let answer = parse(answer_text, "quote_json")?;
    tagged(&answer, "quote")?;
    dates_read_back(&answer)?;
    match answer.get("quote") {
        Some(q) => quote_sums(q),
        None => Ok(()),
    }
}

/// `quote_many_json(text)` against the single answers: a failure exactly where the text is not
/// an array the core can split, else one answer per item, item `i` the single answer to item `i`.
pub fn many_answer(text: &str, answer_text: &str) -> Check {
    match split_array(text) {
        Err(_) => {
            let answer = parse(answer_text, "quote_many_json")?;
            match answer["type"].as_str() {
                Some("failure") => error_record(&answer["error"]),
                _ => Err(format!("a batch that is not an array answered {}", short(answer_text))),
            }
        }
        Ok(items) => {
            let answers = parse(answer_text, "quote_many_json")?;
            let answers = answers.as_array().ok_or_else(|| format!("a batch of {} answered no array: {}", items.len(), short(answer_text)))?;
            if answers.len() != items.len() {
                return Err(format!("{} requests, {} answers", items.len(), answers.len()));
            }
            for (i, (item, answer)) in items.iter().zip(answers).enumerate() {
                let single = parse(&quote_json(item), "quote_json")?;
                if *answer != single {
                    return Err(format!("batch answer {i} differs from the single answer to {}", short(item)));
                }
            }
            Ok(())
        }
    }
}

/// One row of a columnar table against the single answer to its request.
pub fn table_row(table: &Value, i: usize, single: &Value) -> Check {
    let cell = |key: &str| table.get(key).and_then(|c| c.get(i)).cloned().unwrap_or(Value::Null);
    let (total, outcome, regime, error, field) = match single.get("type").and_then(Value::as_str) {
        Some("success") => {
            let q = &single["quote"];
            (q["total"].clone(), q["outcome"].clone(), q["regime"].clone(), Value::Null, Value::Null)
        }
        _ => (Value::Null, Value::Null, Value::Null, single["error"]["code"].clone(), single["error"]["field"].clone()),
    };
    let got = [cell("total"), cell("outcome"), cell("regime"), cell("error"), cell("error_field")];
    let want = [total.clone(), outcome, regime, error, field];
    if got != want {
        return Err(format!("row {i} of the table {got:?} differs from the single answer {want:?}"));
    }
    if let Some(lines) = single["quote"]["lines"].as_array() {
        for c in ceseda::Component::ALL {
            let sum: Decimal = lines.iter().filter(|l| l["component"] == c.code()).filter_map(|l| l["amount"].as_str()?.parse::<Decimal>().ok()).sum();
            let want = if total.is_null() { Value::Null } else { Value::from(ceseda::money::to_string(sum)) };
            if cell(c.code()) != want {
                return Err(format!("row {i}, component {}: the table says {}, the single answer {want}", c.code(), cell(c.code())));
            }
        }
        if !total.is_null() && cell("due_at_filing") != single["quote"]["due_at_filing"] {
            return Err(format!("row {i}: due_at_filing {} in the table, {} in the single answer", cell("due_at_filing"), single["quote"]["due_at_filing"]));
        }
    }
    Ok(())
}

/// `quote_table_json(text)` against the single answers, row by row.
pub fn table_answer(text: &str, answer_text: &str) -> Check {
    let answer = parse(answer_text, "quote_table_json")?;
    tagged(&answer, "table")?;
    let items = match split_array(text) {
        Err(_) if answer["type"] == "failure" => return Ok(()),
        Err(_) => return Err(format!("a batch that is not an array answered {}", short(answer_text))),
        Ok(items) => items,
    };
    let table = answer.get("table").ok_or_else(|| format!("an array of {} refused whole: {}", items.len(), short(answer_text)))?;
    let columns = table.as_object().ok_or("the table is not an object")?;
    for (name, column) in columns {
        if column.as_array().map(Vec::len) != Some(items.len()) {
            return Err(format!("column {name} does not have {} rows", items.len()));
        }
    }
    for (i, item) in items.iter().enumerate() {
        table_row(table, i, &parse(&quote_json(item), "quote_json")?)?;
    }
    Ok(())
}

/// `window_json`'s answer: tagged, every date readable.
pub fn window_answer(answer_text: &str) -> Check {
    let answer = parse(answer_text, "window_json")?;
    tagged(&answer, "window")?;
    dates_read_back(&answer)
}

/// `explain_json(text, lang)`: tagged; a success exactly where the quote succeeds and the
/// language is one; never an empty explanation.
pub fn explain_answer(text: &str, lang: &str, answer_text: &str) -> Check {
    let answer = parse(answer_text, "explain_json")?;
    tagged(&answer, "explanation")?;
    let quoted = parse(&quote_json(text), "quote_json")?;
    let should = quoted["type"] == "success" && ceseda::Lang::parse(lang).is_ok();
    if (answer["type"] == "success") != should {
        return Err(format!("explain answered {} where the quote answered {} (lang {lang:?})", answer["type"], quoted["type"]));
    }
    if answer["type"] == "success" && answer["explanation"].as_str().is_none_or(str::is_empty) {
        return Err("an empty explanation".into());
    }
    Ok(())
}

/// `history_json`'s answer: tagged; periods contiguous from the first day, the last open, each
/// total the sum of its components, every date readable.
pub fn history_answer(answer_text: &str) -> Check {
    let answer = parse(answer_text, "history_json")?;
    tagged(&answer, "history")?;
    dates_read_back(&answer)?;
    let Some(periods) = answer["history"]["periods"].as_array() else {
        return match answer["type"].as_str() {
            Some("failure") => Ok(()),
            _ => Err("a history without periods".into()),
        };
    };
    let mut previous_until: Option<ceseda::NaiveDate> = None;
    for (i, p) in periods.iter().enumerate() {
        let from = p["from"].as_str().and_then(|s| ceseda::parse_date(s, "from").ok()).ok_or_else(|| format!("period {i} without a from"))?;
        if let Some(until) = previous_until {
            if until.succ_opt() != Some(from) {
                return Err(format!("period {i} starts on {from}, the previous ended on {until}"));
            }
        }
        previous_until = match &p["until"] {
            Value::Null if i + 1 == periods.len() => None,
            Value::Null => return Err(format!("period {i} is open-ended but not the last")),
            u => Some(u.as_str().and_then(|s| ceseda::parse_date(s, "until").ok()).ok_or_else(|| format!("period {i}: until {u}"))?),
        };
        if !p["total"].is_null() {
            let total = money(&p["total"], "total")?;
            let sum: Decimal = p["components"].as_array().into_iter().flatten().map(|c| money(&c["amount"], "component")).sum::<Result<Decimal, String>>()?;
            if total != sum {
                return Err(format!("period {i}: total {total}, components {sum}"));
            }
        }
        if !p["error"].is_null() {
            error_record(&p["error"])?;
        }
    }
    if previous_until.is_some() {
        return Err("the last period is not open-ended".into());
    }
    Ok(())
}
