//! `ceseda`: quote what a French residence permit costs, item by item, with the article for
//! each charge. The flags of `quote` are the request's fields, read from the core's field
//! table (`ceseda::fields`), so the CLI accepts exactly the names and codes of the JSON
//! contract.
//!
//! Exit status: 0 answered, 1 refused (the quote or a batch row), 2 usage error. A closed
//! standard output ends the program quietly with status 141, as standard Unix tools do.

use std::io::Write as _;
use std::process::ExitCode;

use ceseda::contract;
use ceseda::fields::{FieldKind, Group, SPECS};
use ceseda::Lang;
use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{Map, Value};

use ceseda_cli::batch;

mod usage;

/// Answered.
const ANSWERED: u8 = 0;
/// Refused: the core answered an error.
const REFUSED: u8 = 1;
/// Usage error: the command line is wrong.
const USAGE: u8 = 2;

const EXIT_STATUS_HELP: &str =
    "Exit status: 0 answered; 1 refused (the core answered an error); 2 usage error \
(a missing or unknown flag, a bad value: clap's message on stderr, or with --json the contract's \
failure object on stdout); 141 standard output closed early.";

fn lang_arg() -> Arg {
    Arg::new("lang")
        .long("lang")
        .value_name("LANG")
        .value_parser(["en", "fr"])
        .default_value("en")
        .help("Language of the text output and of error messages: en or fr")
}

fn reform_arg() -> Arg {
    Arg::new("reform")
        .long("reform")
        .value_name("FILE")
        .value_hint(clap::ValueHint::FilePath)
        .help("Price under a reform: a TOML or JSON file amending the law from a date (see examples/analysis/reform_2027.toml)")
}

/// The text of the `--reform` file, if given; a file that cannot be read is a usage error.
fn reform_text(m: &ArgMatches) -> Result<Option<String>, ExitCode> {
    match m.try_get_one::<String>("reform").ok().flatten() {
        None => Ok(None),
        Some(path) => std::fs::read_to_string(path).map(Some).map_err(|e| {
            eprintln!("error: cannot read the reform {path}: {e}");
            ExitCode::from(2)
        }),
    }
}

fn json_arg() -> Arg {
    Arg::new("json")
        .long("json")
        .action(ArgAction::SetTrue)
        .help("Print the canonical JSON answer")
}

/// One flag per request field, named as the JSON field; the kebab-case spelling of earlier
/// versions stays as a hidden alias.
fn field_args() -> Vec<Arg> {
    SPECS.iter().map(field_arg).collect()
}

fn field_arg(f: &ceseda::fields::Field) -> Arg {
    {
        {
            let mut help = f.help.en.to_string();
            if let FieldKind::Code(v) = f.kind {
                let codes: Vec<&str> = v.entries().iter().map(|e| e.code).collect();
                if codes.len() <= 12 {
                    help = format!("{help} [{}]", codes.join(", "));
                } else {
                    help = format!("{help} (see `ceseda permits`)");
                }
            }
            let mut arg = Arg::new(f.name)
                .long(f.name)
                .help(help)
                .required(f.required());
            let kebab = f.name.replace('_', "-");
            if kebab != f.name {
                arg = arg.alias(kebab);
            }
            arg = match f.kind {
                FieldKind::Bool => arg
                    .num_args(0..=1)
                    .default_missing_value("true")
                    .value_parser(clap::value_parser!(bool))
                    .value_name("BOOL"),
                FieldKind::Date => arg.value_name("YYYY-MM-DD"),
                FieldKind::Code(_) => arg.value_name("CODE"),
            };
            let heading = match f.group {
                Group::Required => "Request",
                Group::Selection => "Regime",
                Group::SubCase => "Sub-cases",
                Group::Circumstance => "Circumstances",
            };
            arg.help_heading(heading)
        }
    }
}

fn cli() -> Command {
    Command::new("ceseda")
        .version(env!("CARGO_PKG_VERSION"))
        .about("What a French residence permit costs: taxes, stamp duties and regularisation charges, by date, with their CESEDA articles.")
        .after_help(EXIT_STATUS_HELP)
        .subcommand_required(true)
        .subcommand(
            Command::new("quote")
                .about("Quote a permit (or a travel document) for a procedure on a decision date")
                .args(field_args())
                .arg(reform_arg())
                .arg(json_arg())
                .arg(lang_arg())
                .after_help(EXIT_STATUS_HELP),
        )
        .subcommand(
            Command::new("history")
                .about("The tariff history of a permit and procedure: its amounts in every period from 5 January 2009")
                .args(SPECS.iter().filter(|f| f.name != "date").map(field_arg))
                .arg(json_arg().conflicts_with("csv"))
                .arg(Arg::new("csv").long("csv").action(ArgAction::SetTrue).help("Print the periods as CSV: one row per period, one column per component"))
                .arg(reform_arg())
                .arg(lang_arg())
                .after_help(EXIT_STATUS_HELP),
        )
        .subcommand(batch_command())
        .subcommand(Command::new("permits").about("List the permits and travel documents, with their codes").arg(json_arg()))
        .subcommand(Command::new("regimes").about("List the tariff regimes and the periods they cover").arg(json_arg()))
        .subcommand(
            Command::new("window")
                .about("Show the renewal filing window for a title expiring on a date")
                .arg(Arg::new("permit").long("permit").required(true).value_name("CODE").help("Permit code"))
                .arg(Arg::new("expiry").long("expiry").required(true).value_name("YYYY-MM-DD").help("Expiry date of the title"))
                .arg(Arg::new("filing_date").long("filing_date").aliases(["date", "filing-date"]).value_name("YYYY-MM-DD").help("Filing date: picks the rule in force and says whether it is late"))
                .arg(
                    Arg::new("online_application")
                        .long("online_application")
                        .aliases(["online", "online-application"])
                        .num_args(0..=1)
                        .default_missing_value("true")
                        .value_parser(clap::value_parser!(bool))
                        .value_name("BOOL")
                        .help("Filed through the online service (ANEF)"),
                )
                .arg(json_arg())
                .arg(lang_arg())
                .after_help(EXIT_STATUS_HELP),
        )
        .subcommand(
            Command::new("completions")
                .about("Print a shell completion script, generated from the command's definition")
                .arg(
                    Arg::new("shell")
                        .required(true)
                        .value_name("SHELL")
                        .value_parser(clap::value_parser!(clap_complete::Shell))
                        .help("bash, zsh, fish, powershell or elvish"),
                )
                .after_help("Install: ceseda completions bash > ~/.local/share/bash-completion/completions/ceseda\n         ceseda completions zsh > \"${fpath[1]}/_ceseda\"\n         ceseda completions fish > ~/.config/fish/completions/ceseda.fish"),
        )
        .subcommand(
            Command::new("man")
                .about("Print the manual page (roff), generated from the command's definition")
                .arg(
                    Arg::new("command")
                        .value_name("COMMAND")
                        .value_parser(["quote", "history", "batch", "permits", "regimes", "window", "completions"])
                        .help("The page of one command (ceseda-COMMAND(1)); the main page when absent"),
                )
                .after_help("Install: ceseda man > ~/.local/share/man/man1/ceseda.1 (and ceseda man quote > …/ceseda-quote.1, …)"),
        )
}

/// Writes to standard output; a closed pipe ends the program quietly (status 141).
fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        eprintln!("ceseda: cannot write the answer: {e}");
        std::process::exit(i32::from(REFUSED));
    }
}

fn pretty(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| text.to_string())
        + "\n"
}

/// The JSON request of the `quote` flags given.
fn request(m: &ArgMatches) -> Value {
    let mut map = Map::new();
    for f in SPECS {
        let value = match f.kind {
            // `try_`: `history` has no `date` flag.
            FieldKind::Bool => m
                .try_get_one::<bool>(f.name)
                .ok()
                .flatten()
                .map(|b| Value::Bool(*b)),
            _ => m
                .try_get_one::<String>(f.name)
                .ok()
                .flatten()
                .map(|s| Value::from(s.as_str())),
        };
        if let Some(v) = value {
            map.insert(f.name.to_string(), v);
        }
    }
    Value::Object(map)
}

/// Prints a contract answer: the JSON, or `text` of the success, or the error on stderr.
fn answer(
    text: &str,
    json: bool,
    key: &str,
    lang: Lang,
    render: impl Fn(&Value) -> String,
) -> ExitCode {
    let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let ok = v.get("type").and_then(Value::as_str) == Some("success");
    if json && ok && matches!(key, "permits" | "regimes") {
        // Lists print bare, as they always have.
        out(&pretty(
            &v.get(key).map(Value::to_string).unwrap_or_default(),
        ));
    } else if json {
        out(&pretty(text));
    } else if ok {
        out(&render(v.get(key).unwrap_or(&Value::Null)));
    }
    if !ok {
        let e = v.get("error").unwrap_or(&Value::Null);
        let code = e.get("code").and_then(Value::as_str).unwrap_or("");
        let message = e.get("message").and_then(Value::as_str).unwrap_or("");
        eprintln!("{} [{code}]: {message}", lang.pick("erreur", "error"));
        return ExitCode::from(REFUSED);
    }
    ExitCode::from(ANSWERED)
}

fn lang_of(m: &ArgMatches) -> Lang {
    m.get_one::<String>("lang")
        .and_then(|l| Lang::parse(l).ok())
        .unwrap_or_default()
}

fn quote(m: &ArgMatches) -> ExitCode {
    let lang = lang_of(m);
    let request = request(m).to_string();
    let reform = match reform_text(m) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let text = contract::quote_json_reform_in(&request, reform.as_deref(), lang);
    let explained = contract::explain_json_reform(&request, reform.as_deref(), lang.code());
    answer(&text, m.get_flag("json"), "quote", lang, |_| {
        serde_json::from_str::<Value>(&explained)
            .ok()
            .and_then(|v| {
                v.get("explanation")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
            .unwrap_or_default()
    })
}

fn history(m: &ArgMatches) -> ExitCode {
    let lang = lang_of(m);
    let reform = match reform_text(m) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let text = contract::history_json_reform_in(&request(m).to_string(), reform.as_deref(), lang);
    if m.get_flag("csv") {
        return answer(&text, false, "history", lang, history_csv);
    }
    answer(&text, m.get_flag("json"), "history", lang, |h| {
        let mut text = String::new();
        for p in periods(h) {
            let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let until = p.get("until").and_then(Value::as_str).unwrap_or("…");
            let regimes: Vec<&str> = p
                .get("regimes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let what = match p
                .get("error")
                .and_then(|e| e.get("code"))
                .and_then(Value::as_str)
            {
                Some(code) => {
                    let field = p
                        .get("error")
                        .and_then(|e| e.get("field"))
                        .and_then(Value::as_str)
                        .map(|f| format!(": {f}"))
                        .unwrap_or_default();
                    format!("{} [{code}{field}]", lang.pick("refusé", "refused"))
                }
                None => {
                    let parts: Vec<String> = components(p)
                        .map(|(c, a)| format!("{} {a}", component_name(c, lang)))
                        .collect();
                    let outcome = s("outcome");
                    let total = p.get("total").and_then(Value::as_str).map_or_else(
                        || match (lang, outcome.parse::<ceseda::Outcome>()) {
                            (Lang::Fr, Ok(o)) => o.label_fr().to_string(),
                            _ => outcome.clone(),
                        },
                        |t| format!("{t} €"),
                    );
                    if parts.is_empty() {
                        total
                    } else {
                        format!("{total} ({})", parts.join(" + "))
                    }
                }
            };
            text.push_str(&format!(
                "{} {} {:<10}  {:<40}  {}\n",
                s("from"),
                lang.pick("au", "to"),
                until,
                what,
                regimes.join(", ")
            ));
        }
        text
    })
}

/// A component as the text output names it: its code in English, its label in French.
fn component_name(code: &str, lang: Lang) -> String {
    match (lang, code.parse::<ceseda::Component>()) {
        (Lang::Fr, Ok(c)) => c.label_fr().to_string(),
        _ => code.to_string(),
    }
}

fn periods(h: &Value) -> impl Iterator<Item = &Value> {
    h.get("periods")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn components(p: &Value) -> impl Iterator<Item = (&str, &str)> {
    p.get("components")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| Some((c.get("component")?.as_str()?, c.get("amount")?.as_str()?)))
}

/// The periods as CSV (no field needs quoting: codes, dates and amounts): from, until, regimes, outcome, total, one column per
/// component that any period has (absent: 0.00), error code and field.
fn history_csv(h: &Value) -> String {
    let columns: Vec<&str> = ceseda::Component::ALL
        .iter()
        .map(|c| c.code())
        .filter(|c| periods(h).any(|p| components(p).any(|(k, _)| k == *c)))
        .collect();
    let mut text = format!(
        "from,until,regimes,outcome,total,{},error_code,error_field\n",
        columns.join(",")
    );
    let field = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_string();
    for p in periods(h) {
        let regimes: Vec<&str> = p
            .get("regimes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let error = p.get("error");
        let mut row = vec![
            field(p.get("from")),
            field(p.get("until")),
            regimes.join(" "),
            field(p.get("outcome")),
            field(p.get("total")),
        ];
        for c in &columns {
            let amount = components(p).find(|(k, _)| k == c).map(|(_, a)| a);
            row.push(if error.is_some_and(|e| !e.is_null()) {
                String::new()
            } else {
                amount.unwrap_or("0.00").to_string()
            });
        }
        row.push(field(error.and_then(|e| e.get("code"))));
        row.push(field(error.and_then(|e| e.get("field"))));
        text.push_str(&row.join(","));
        text.push('\n');
    }
    text
}

fn permits(m: &ArgMatches) -> ExitCode {
    answer(
        &contract::permits_json(),
        m.get_flag("json"),
        "permits",
        Lang::En,
        |permits| {
            let mut text = String::new();
            for p in permits.as_array().into_iter().flatten() {
                let field = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_string();
                text.push_str(&format!("{:<55} {}\n", field("code"), field("label_fr")));
            }
            text
        },
    )
}

fn regimes(m: &ArgMatches) -> ExitCode {
    answer(
        &contract::regimes_json(),
        m.get_flag("json"),
        "regimes",
        Lang::En,
        |_| {
            let mut text = String::new();
            for r in ceseda::regimes() {
                let until = r
                    .valid_until
                    .map_or_else(|| "…".to_string(), |d| d.to_string());
                text.push_str(&format!(
                    "{:<19} {} to {:<10}  confidence {:<6}  {}\n",
                    r.id.code(),
                    r.valid_from,
                    until,
                    r.confidence.code(),
                    r.source
                ));
            }
            text.push_str(
                "No source covers other dates: quotes for them fail with date_out_of_range.\n",
            );
            text
        },
    )
}

fn window(m: &ArgMatches) -> ExitCode {
    let lang = lang_of(m);
    let mut input = Map::new();
    for key in ["permit", "expiry", "filing_date"] {
        if let Some(v) = m.get_one::<String>(key) {
            input.insert(key.into(), Value::from(v.as_str()));
        }
    }
    if let Some(o) = m.get_one::<bool>("online_application") {
        input.insert("online_application".into(), Value::Bool(*o));
    }
    let text = contract::window_json_in(&Value::Object(input).to_string(), lang);
    answer(&text, m.get_flag("json"), "window", lang, |w| {
        window_text(w, lang)
    })
}

/// The window answer as text: the rule, the window, seed 001's recommendation where it lies
/// inside the window, and, for a filing date, where it falls and whether the late-renewal
/// charge applies. Each date with the rule it comes from.
fn window_text(w: &Value, lang: Lang) -> String {
    let s = |k: &str| w.get(k).and_then(Value::as_str);
    let date = |k: &str| s(k).unwrap_or("—");
    let colon = lang.pick(" :", ":");
    let basis = date("basis");
    let rule = s("rule")
        .and_then(|r| r.parse::<ceseda::WindowRule>().ok())
        .map_or(basis, |r| r.label(lang));
    let mut text = format!("{}{colon} {rule} ({basis})\n", lang.pick("règle", "rule"));
    match s("opens") {
        Some(opens) => text.push_str(&format!(
            "{}\n",
            lang.pick(
                "déposer du {opens} au {closes} (expiration le {expiry})",
                "file from {opens} to {closes} (expiry {expiry})"
            )
            .replace("{opens}", opens)
            .replace("{closes}", date("closes"))
            .replace("{expiry}", date("expiry"))
        )),
        None => text.push_str(&format!(
            "{}\n",
            lang.pick(
                "déposer au plus tard le {closes} (expiration ; la règle n'impose pas de délai)",
                "file by {closes} (expiry; the rule sets no window)"
            )
            .replace("{closes}", date("closes"))
        )),
    }
    match (s("recommended_from"), s("recommended_until")) {
        (Some(from), Some(until)) => text.push_str(&format!(
            "{}\n",
            lang.pick("recommandé : du {from} ({from_basis}) au {until} ({until_basis})", "recommended: {from} ({from_basis}) to {until} ({until_basis})")
                .replace("{from}", from)
                .replace("{from_basis}", date("recommended_from_basis"))
                .replace("{until}", until)
                .replace("{until_basis}", date("recommended_until_basis"))
        )),
        _ => text.push_str(lang.pick(
            "recommandé : la recommandation de la seed 001 (quatre à trois mois avant l'expiration) ne tombe pas dans ce délai\n",
            "recommended: seed 001's recommendation (four to three months before expiry) does not fall inside this window\n",
        )),
    }
    if let (Some(filed), Some(status)) = (s("rule_date"), s("status")) {
        let status = status
            .parse::<ceseda::WindowStatus>()
            .map_or(status, |st| st.label(lang));
        text.push_str(&format!(
            "{} {filed}{colon} {status}\n",
            lang.pick("déposé le", "filed on")
        ));
        let charge = ceseda::Component::LateRenewalCharge.label(lang);
        let late = w.get("late").and_then(Value::as_bool);
        let verdict = match (late, s("late_after")) {
            (Some(true), Some(after)) => lang
                .pick("dû (dépôt après le {after}), sauf exemption", "due (filed after {after}), unless exempt")
                .replace("{after}", after),
            (Some(false), Some(after)) => lang
                .pick("pas pour un dépôt à cette date ; dû pour un dépôt après le {after}, sauf exemption", "not for a filing on that date; due for a filing after {after}, unless exempt")
                .replace("{after}", after),
            (Some(_), None) => lang
                .pick("aucun : le régime en vigueur à cette date n'en prévoit pas", "none: the regime in force on that date has none")
                .to_string(),
            (None, _) => lang
                .pick("inconnu : aucun régime ne couvre cette date", "unknown: no regime covers that date")
                .to_string(),
        };
        text.push_str(&format!("{charge}{colon} {verdict}\n"));
    }
    text
}

/// The long help of `batch` (the component columns from the core's list).
fn batch_help() -> String {
    let components: Vec<&str> = ceseda::Component::ALL.iter().map(|c| c.code()).collect();
    format!(
        "\
Input: one request per CSV line or JSON line. A CSV file has a header line of request field \
names (the flags of `ceseda quote`, e.g. permit,procedure,date,irregular_entry), separated by \
`,` or `;` (read from the header line unless --delimiter says), optionally after a UTF-8 \
byte-order mark, as spreadsheets write them. Every named column must be a field (a column with \
an empty name is ignored); cells are trimmed, an empty cell is an absent field, and a record is \
one line. Boolean cells are true or false, in any case (TRUE, False); anything else, 1/0 and \
oui/non included, is refused as the JSON contract refuses a string where a boolean goes \
(invalid_type). A JSON line is one request object of the JSON contract, e.g. \
{{\"permit\":\"visiteur\",\"procedure\":\"first_issue\",\"date\":\"2024-03-01\"}}. Blank lines \
are skipped.

Output, one row per request in input order: row (the request's line in the input; a CSV \
header is line 1), total, due_at_filing, one column per component ({}), outcome, regime, \
error_code, error_field, error_message (in --lang). A refused row carries its error and never \
stops the run; a malformed CSV line or JSON line (or one over 1 MiB) is invalid_json. CSV \
output uses the input's delimiter unless --output-delimiter says.

A progress bar is drawn on stderr when stderr is a terminal.

Exit status: 0 every row answered; 1 a row was refused (or reading or writing failed midway); \
2 usage error (a bad flag, an input that cannot be opened, a CSV header naming an unknown or \
repeated field); 141 standard output closed early.",
        components.join(", ")
    )
}

fn batch_command() -> Command {
    let format = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .alias(name.replace('-', "_"))
            .value_name("FORMAT")
            .value_parser(["csv", "jsonl"])
            .help(help)
    };
    let delimiter = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .alias(name.replace('-', "_"))
            .value_name("CHAR")
            .value_parser(|s: &str| batch::parse_delimiter(s))
            .help(help)
    };
    Command::new("batch")
        .about("Quote many requests: CSV or JSON lines in, one answer row per request out (CSV or JSON lines), streamed")
        .arg(
            Arg::new("input")
                .value_name("FILE")
                .default_value("-")
                .help("The requests: a CSV or JSON-lines file, or - for standard input"),
        )
        .arg(format("input-format", "csv or jsonl [default: from the file extension (.csv, .jsonl, .ndjson, .json), else a first line starting with { is jsonl]"))
        .arg(delimiter("delimiter", "The input's CSV delimiter: , ; tab or one ASCII character [default: from the header line]"))
        .arg(format("output-format", "csv or jsonl").default_value("csv"))
        .arg(delimiter("output-delimiter", "The output's CSV delimiter [default: the input's, else ,]"))
        .arg(
            Arg::new("output")
                .short('o')
                .long("output")
                .value_name("FILE")
                .help("Write the answers to FILE instead of standard output (- for standard output)"),
        )
        .arg(reform_arg())
        .arg(lang_arg())
        .after_help(batch_help())
}

fn batch(m: &ArgMatches) -> ExitCode {
    let format = |name: &str| {
        m.get_one::<String>(name).map(|f| match f.as_str() {
            "jsonl" => batch::Format::Jsonl,
            _ => batch::Format::Csv,
        })
    };
    let reform = match reform_text(m) {
        Ok(None) => None,
        Ok(Some(text)) => match ceseda::Reform::parse(&text) {
            Ok(r) => Some(std::sync::Arc::new(r)),
            Err(e) => {
                let lang = lang_of(m);
                eprintln!("ceseda batch: {} [{}]: {}", lang.pick("réforme invalide", "invalid reform"), e.code(), e.message(lang));
                return ExitCode::from(USAGE);
            }
        },
        Err(code) => return code,
    };
    let options = batch::Options {
        input: m.get_one::<String>("input").cloned(),
        input_format: format("input-format"),
        delimiter: m.get_one::<u8>("delimiter").copied(),
        output_format: format("output-format").unwrap_or(batch::Format::Csv),
        output_delimiter: m.get_one::<u8>("output-delimiter").copied(),
        output: m.get_one::<String>("output").cloned(),
        lang: lang_of(m),
        reform,
    };
    match batch::run(&options) {
        Ok(counts) if counts.refused > 0 => ExitCode::from(REFUSED),
        Ok(_) => ExitCode::from(ANSWERED),
        Err(batch::Failure::BrokenPipe) => ExitCode::from(141),
        Err(batch::Failure::Usage(message)) => {
            eprintln!("ceseda batch: {message}");
            ExitCode::from(USAGE)
        }
        Err(batch::Failure::Io(message)) => {
            eprintln!("ceseda batch: {message}");
            ExitCode::from(REFUSED)
        }
    }
}

fn completions(m: &ArgMatches) -> ExitCode {
    let Some(shell) = m.get_one::<clap_complete::Shell>("shell").copied() else {
        return ExitCode::from(USAGE);
    };
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli(), "ceseda", &mut script);
    out(&String::from_utf8_lossy(&script));
    ExitCode::from(ANSWERED)
}

fn man(m: &ArgMatches) -> ExitCode {
    let root = cli();
    let page = match m.get_one::<String>("command") {
        Some(name) => match root.find_subcommand(name) {
            Some(sub) => sub
                .clone()
                .name(format!("ceseda-{name}"))
                .version(env!("CARGO_PKG_VERSION")),
            None => return ExitCode::from(USAGE),
        },
        None => root,
    };
    let mut roff = Vec::new();
    if let Err(e) = clap_mangen::Man::new(page).render(&mut roff) {
        eprintln!("ceseda: cannot write the manual page: {e}");
        return ExitCode::from(REFUSED);
    }
    out(&String::from_utf8_lossy(&roff));
    ExitCode::from(ANSWERED)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let matches = match cli().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            let usage = e.use_stderr();
            if usage && usage::wants_json(&args) {
                // `--json` callers read the contract's failure object on stdout.
                let error = usage::error(&e, &cli(), &args);
                out(&pretty(&contract::failure_in(&error, usage::lang(&args))));
                return ExitCode::from(USAGE);
            }
            // `--help` and `--version` print to stdout and succeed.
            let text = e.render().to_string();
            if usage {
                eprint!("{text}");
                return ExitCode::from(USAGE);
            }
            out(&text);
            return ExitCode::from(ANSWERED);
        }
    };
    match matches.subcommand() {
        Some(("quote", m)) => quote(m),
        Some(("history", m)) => history(m),
        Some(("batch", m)) => batch(m),
        Some(("permits", m)) => permits(m),
        Some(("regimes", m)) => regimes(m),
        Some(("window", m)) => window(m),
        Some(("completions", m)) => completions(m),
        Some(("man", m)) => man(m),
        _ => ExitCode::from(USAGE),
    }
}
