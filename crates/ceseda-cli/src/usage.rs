//! Usage errors as the contract's failure object, for `--json` callers: a missing flag is
//! `missing_field`, an unknown flag `unknown_field`, a value clap refuses `unknown_code` (a
//! closed list: `--lang`, `--input-format`…) or `invalid_type` (a boolean flag given another
//! word, a value of the wrong form). The field is the flag's name without its dashes.

use std::borrow::Cow;

use ceseda::fields::{FieldKind, SPECS};
use ceseda::{Error, Explanation, Lang};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

/// Whether the command line asks for JSON answers: `--json` before any `--`.
pub fn wants_json(args: &[String]) -> bool {
    args.iter()
        .skip(1)
        .take_while(|a| a.as_str() != "--")
        .any(|a| a == "--json")
}

/// The language of messages the command line asks for (`--lang fr`, `--lang=fr`), English
/// when none or not a language.
pub fn lang(args: &[String]) -> Lang {
    let mut value = None;
    let mut iter = args.iter().skip(1).take_while(|a| a.as_str() != "--");
    while let Some(a) = iter.next() {
        if a == "--lang" {
            value = iter.next().map(String::as_str);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            value = Some(v);
        }
    }
    value.and_then(|v| Lang::parse(v).ok()).unwrap_or_default()
}

/// A name that lives as long as the program (error records name fields by `&'static str`).
fn leak(name: &str) -> &'static str {
    SPECS
        .iter()
        .map(|f| f.name)
        .find(|n| *n == name)
        .unwrap_or_else(|| Box::leak(name.to_string().into_boxed_str()))
}

/// `--permit <CODE>` → `permit`; `-o <FILE>` → `o`.
fn flag_name(rendered: &str) -> &str {
    let name = rendered.trim_start_matches('-');
    let end = name.find([' ', '=', '[', '<']).unwrap_or(name.len());
    name.get(..end).unwrap_or(name)
}

fn context_strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn context_string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    context_strings(e, kind).into_iter().next()
}

/// The subcommand the command line names, if any.
fn subcommand<'a>(cli: &'a Command, args: &[String]) -> Option<&'a Command> {
    args.iter()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .and_then(|name| cli.find_subcommand(name))
}

/// Whether the flag `name` of the command takes a boolean.
fn is_bool(name: &str) -> bool {
    SPECS
        .iter()
        .any(|f| f.name == name && f.kind == FieldKind::Bool)
        || name == "online_application"
}

/// The contract error of a clap usage error.
pub fn error(e: &clap::Error, cli: &Command, args: &[String]) -> Error {
    let arg = context_string(e, ContextKind::InvalidArg).unwrap_or_default();
    let field = leak(flag_name(&arg));
    let command = subcommand(cli, args);
    match e.kind() {
        ErrorKind::MissingRequiredArgument => Error::MissingField { field },
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Error::MissingField { field: "command" }
        }
        ErrorKind::InvalidSubcommand => Error::UnknownCode {
            field: "command",
            value: context_string(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            expected: cli.get_subcommands().map(|c| leak(c.get_name())).collect(),
            suggestion: context_string(e, ContextKind::SuggestedSubcommand).map(|s| leak(&s)),
        },
        ErrorKind::UnknownArgument | ErrorKind::TooManyValues => Error::UnknownField {
            field: flag_name(&arg).to_string(),
            expected: command
                .into_iter()
                .flat_map(Command::get_arguments)
                .filter_map(|a| a.get_long())
                .filter(|l| *l != "help")
                .map(leak)
                .collect(),
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if is_bool(field) => {
            Error::InvalidType {
                field: field.to_string(),
                got: "string",
                expected: "boolean",
            }
        }
        ErrorKind::InvalidValue => {
            let value = context_string(e, ContextKind::InvalidValue).unwrap_or_default();
            let expected: Vec<&'static str> = context_strings(e, ContextKind::ValidValue)
                .iter()
                .map(|v| leak(v))
                .collect();
            if expected.is_empty() {
                // A flag given without its value.
                Error::InvalidType {
                    field: field.to_string(),
                    got: "null",
                    expected: "string",
                }
            } else if field == "lang" {
                Lang::parse(&value)
                    .err()
                    .unwrap_or(Error::MissingField { field })
            } else {
                let suggestion = context_string(e, ContextKind::SuggestedValue).map(|s| leak(&s));
                Error::UnknownCode {
                    field,
                    value,
                    expected,
                    suggestion,
                }
            }
        }
        ErrorKind::ArgumentConflict => {
            let other = context_strings(e, ContextKind::PriorArg)
                .first()
                .map(|a| flag_name(a).to_string())
                .unwrap_or_default();
            Error::InvalidSubCase {
                field: Cow::Borrowed(field),
                value: "true".to_string(),
                reason: Box::new(Explanation {
                    fr: format!("ne peut pas être donné avec --{other}").into(),
                    en: format!("cannot be given with --{other}").into(),
                }),
            }
        }
        _ => Error::InvalidType {
            field: if field.is_empty() { "command" } else { field }.to_string(),
            got: "string",
            expected: "string",
        },
    }
}
