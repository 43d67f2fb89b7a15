//! Reforms: the law as a proposal would amend it, priced by the same engine.
//!
//! A reform is a small document, TOML or JSON, parsed and validated here (parsing text is not
//! I/O; reading a file is the caller's):
//!
//! ```toml
//! name = "reform_2027"
//! title = "The general first-issue tax at 350 € from 1 January 2027"
//!
//! [[amend]]
//! from = 2027-01-01
//! rate = "tax.first_issue.general"   # any rate key: stamp, visa.total, visa.at_filing, late.charge…
//! amount = 350                        # euros: an integer or a decimal string, never a float
//!
//! [[amend]]
//! from = 2027-01-01
//! permit = "etudiant"
//! tax = "exempt"                      # or "reduced", "general": moves the permit between lists
//!
//! [[amend]]
//! from = 2027-01-01
//! permit = "salarie"
//! visa_exempt = true                  # into (or, false, out of) the visa de régularisation's exemptions
//!
//! [[regime]]                          # a new regime after the last one
//! from = 2028-01-01
//! label_fr = "Loi de finances pour 2028 (projet)"
//! label_en = "Finance Act 2028 (draft)"
//! ```
//!
//! An amendment applies from its date to the regime in force on that day and to every later one
//! (`regime = "<id>"` names the regime it amends, and its date may not precede that regime). A
//! figure becomes a dated rate of the law files; a list move splits the regime in force at the
//! date (the two halves keep its id) and gives the permit a row (or category) of its own, read
//! before the table's. A new regime closes the last one the day before it starts and continues
//! its law (under the last regime's id: the quote's notes name the reform's regime).
//!
//! [`Reform`] owns its amended laws and its own compiled price table: a quote under a reform costs
//! two engine runs (the reform's and the law's, to mark what the reform changed), a batch under it
//! reads its table as the law's batches read theirs. Every line whose amount the reform changed
//! (or added) has the reform for its source (`seed: "reform"`), and the quote carries a note.

use std::borrow::Cow;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::history::{history_under, History, FIRST_DAY};
use crate::law::regimes::{Laws, RegimeId, LAWS};
use crate::law::types::{t, Cell, Column, Due, Level, Paragraph, Rate, RateKey, RegimeLaw, Row, DUE};
use crate::model::answer::{Explanation, Note};
use crate::model::codes::Lang;
use crate::model::permit::Permit;
use crate::price_table::{Cell as TableCell, PriceTable, Totals};
use crate::request::{json_type, Request};
use crate::{Error, Quote};

/// The source a changed line names.
pub const SEED: &str = "reform";

/// The keys of a reform document.
pub const KEYS: &[&str] = &["name", "title", "amend", "regime"];
/// The keys of an amendment.
pub const AMEND_KEYS: &[&str] = &["from", "regime", "rate", "amount", "permit", "tax", "visa_exempt"];
/// The keys of a new regime.
pub const REGIME_KEYS: &[&str] = &["from", "label_fr", "label_en", "source"];
/// The lists a permit can be moved to with `tax`.
pub const TAX_LISTS: &[&str] = &["general", "reduced", "exempt"];

/// What one amendment changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A figure of the law.
    Rate(RateKey, Decimal),
    /// A permit moved to the general or the reduced rate (`Some`), or to the exempt list (`None`).
    Tax(Permit, Option<Level>),
    /// A permit moved into (`true`) or out of the visa de régularisation's exemptions.
    VisaExempt(Permit, bool),
}

/// One amendment, from a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    /// From this day.
    pub from: NaiveDate,
    /// The regime it amends, where the document names one.
    pub regime: Option<RegimeId>,
    /// What it changes.
    pub change: Change,
    /// Its key in the document (`amend[0]`), for errors and for the lines it changes.
    pub key: String,
}

impl Amendment {
    /// "tax.first_issue.general = 350.00 from 2027-01-01".
    pub fn describe(&self) -> String {
        let what = match &self.change {
            Change::Rate(key, amount) => format!("{key} = {}", crate::model::money::to_string(*amount)),
            Change::Tax(permit, Some(level)) => format!("{} at the {} rate", permit.code(), level.code()),
            Change::Tax(permit, None) => format!("{} exempt", permit.code()),
            Change::VisaExempt(permit, true) => format!("{} exempt from the visa de régularisation", permit.code()),
            Change::VisaExempt(permit, false) => format!("{} liable to the visa de régularisation", permit.code()),
        };
        format!("{what} from {}", self.from)
    }
}

/// A new regime after the last one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRegime {
    /// Its first day.
    pub from: NaiveDate,
    /// French label.
    pub label_fr: String,
    /// English label.
    pub label_en: String,
    /// Its source, in a line.
    pub source: String,
}

/// A parsed, validated reform, with the laws it amends and their price table.
#[derive(Debug)]
pub struct Reform {
    name: String,
    title: String,
    amendments: Vec<Amendment>,
    regimes: Vec<NewRegime>,
    laws: Vec<RegimeLaw>,
    days: Vec<NaiveDate>,
    table: PriceTable,
}

fn invalid(field: &str, value: impl ToString, fr: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Error {
    Error::InvalidReform { field: field.to_string(), value: crate::model::error::truncate(&value.to_string()), reason: Box::new(Explanation { fr: fr.into(), en: en.into() }), expected: Vec::new() }
}

fn invalid_of(field: &str, value: impl ToString, fr: &'static str, en: &'static str, expected: &[&str]) -> Error {
    let mut e = invalid(field, value, fr, en);
    if let Error::InvalidReform { expected: x, .. } = &mut e {
        *x = expected.iter().map(|s| s.to_string()).collect();
    }
    e
}

/// The text of a JSON value, for messages.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn check_keys(map: &Map<String, Value>, keys: &'static [&'static str], prefix: &str) -> Result<(), Error> {
    match map.keys().find(|k| !keys.contains(&k.as_str())) {
        Some(k) => Err(Error::UnknownField { field: crate::model::error::truncate(&format!("{prefix}{k}")), expected: keys.to_vec() }),
        None => Ok(()),
    }
}

fn string<'v>(map: &'v Map<String, Value>, key: &str, path: &str) -> Result<Option<&'v str>, Error> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(Error::InvalidType { field: path.to_string(), got: json_type(other), expected: "string" }),
    }
}

fn date(map: &Map<String, Value>, key: &str, path: &str) -> Result<NaiveDate, Error> {
    let s = string(map, key, path)?.ok_or_else(|| invalid(path, "", "date manquante (AAAA-MM-JJ)", "missing date (YYYY-MM-DD)"))?;
    crate::model::date::parse_date(s, "from").map_err(|_| invalid(path, s, "date invalide ; attendu AAAA-MM-JJ", "not a date; expected YYYY-MM-DD"))
}

fn amount(v: &Value, path: &str) -> Result<Decimal, Error> {
    let d = match v {
        Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string().parse::<Decimal>().ok(),
        Value::String(s) => s.trim().parse::<Decimal>().ok().filter(|d| d.scale() <= 2),
        Value::Number(_) => return Err(invalid(path, shown(v), "un montant est un entier ou une chaîne décimale (« 350.50 »), jamais un flottant", "an amount is an integer or a decimal string (\"350.50\"), never a float")),
        other => return Err(Error::InvalidType { field: path.to_string(), got: json_type(other), expected: "integer or decimal string" }),
    };
    let d = d.ok_or_else(|| invalid(path, shown(v), "montant invalide ; attendu des euros, deux décimales au plus", "not an amount; expected euros, at most two decimals"))?;
    if d.is_sign_negative() {
        return Err(invalid(path, shown(v), "un montant ne peut être négatif", "an amount cannot be negative"));
    }
    if d > Decimal::from(1_000_000) {
        return Err(invalid(path, shown(v), "montant hors de toute mesure (plus d'un million d'euros)", "amount beyond any measure (over a million euros)"));
    }
    Ok(crate::model::money::round(d))
}

fn permit(map: &Map<String, Value>, path: &str) -> Result<Permit, Error> {
    let s = string(map, "permit", path)?.unwrap_or_default();
    s.parse::<Permit>().map_err(|_| invalid_of(path, s, "titre inconnu", "unknown permit", Permit::CODES))
}

/// Converts a TOML value to JSON (dates become ISO strings, floats stay numbers to be refused).
fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// The tables of an array of tables, each with its path (`amend[0]`).
type Items<'v> = Vec<(String, &'v Map<String, Value>)>;

fn items<'v>(doc: &'v Map<String, Value>, key: &str) -> Result<Items<'v>, Error> {
    match doc.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let path = format!("{key}[{i}]");
                v.as_object().map(|m| (path.clone(), m)).ok_or_else(|| Error::InvalidType { field: path, got: json_type(v), expected: "table" })
            })
            .collect(),
        Some(other) => Err(Error::InvalidType { field: key.to_string(), got: json_type(other), expected: "array of tables" }),
    }
}

impl Reform {
    /// Parses and validates a reform written in TOML.
    pub fn from_toml_str(text: &str) -> Result<Reform, Error> {
        let table: toml::Table = toml::from_str(text).map_err(|e| Error::InvalidJson { message: format!("reform (TOML): {}", e.message()) })?;
        Reform::from_value(&toml_to_json(toml::Value::Table(table)))
    }

    /// Parses and validates a reform written in JSON.
    pub fn from_json_str(text: &str) -> Result<Reform, Error> {
        let value: Value = serde_json::from_str(text).map_err(|e| Error::InvalidJson { message: format!("reform (JSON): {e}") })?;
        Reform::from_value(&value)
    }

    /// Parses a reform in either language: JSON where the text starts with `{`, TOML otherwise.
    pub fn parse(text: &str) -> Result<Reform, Error> {
        if text.trim_start().starts_with('{') {
            Reform::from_json_str(text)
        } else {
            Reform::from_toml_str(text)
        }
    }

    /// Validates a reform given as a JSON value (an object).
    pub fn from_value(value: &Value) -> Result<Reform, Error> {
        let doc = value.as_object().ok_or_else(|| Error::InvalidJson { message: format!("a reform is a table (a JSON object), got {}", json_type(value)) })?;
        check_keys(doc, KEYS, "")?;
        let name = string(doc, "name", "name")?.unwrap_or_default().trim().to_string();
        if name.is_empty() {
            return Err(invalid("name", "", "une réforme a un nom", "a reform has a name"));
        }
        let title = string(doc, "title", "title")?.unwrap_or(&name).to_string();
        let mut regimes = Vec::new();
        for (path, m) in items(doc, "regime")? {
            check_keys(m, REGIME_KEYS, &format!("{path}."))?;
            let from = date(m, "from", &format!("{path}.from"))?;
            let label_en = string(m, "label_en", &format!("{path}.label_en"))?.unwrap_or(&title).to_string();
            let label_fr = string(m, "label_fr", &format!("{path}.label_fr"))?.unwrap_or(&label_en).to_string();
            let source = string(m, "source", &format!("{path}.source"))?.map_or_else(|| format!("reform {name}"), str::to_string);
            regimes.push((path, NewRegime { from, label_fr, label_en, source }));
        }
        let mut amendments = Vec::new();
        for (path, m) in items(doc, "amend")? {
            check_keys(m, AMEND_KEYS, &format!("{path}."))?;
            let from = date(m, "from", &format!("{path}.from"))?;
            let regime = match string(m, "regime", &format!("{path}.regime"))? {
                None => None,
                Some(s) => Some(s.parse::<RegimeId>().map_err(|_| invalid_of(&format!("{path}.regime"), s, "régime inconnu", "unknown regime", RegimeId::CODES))?),
            };
            let kinds = ["rate", "permit"].iter().filter(|k| m.contains_key(**k)).count();
            if kinds != 1 {
                return Err(invalid(&path, Value::Object(m.clone()), "une modification porte soit sur un montant (rate, amount) soit sur un titre (permit, tax ou visa_exempt)", "an amendment changes either a figure (rate, amount) or a permit (permit, with tax or visa_exempt)"));
            }
            let change = if let Some(key) = string(m, "rate", &format!("{path}.rate"))? {
                let rate = key.parse::<RateKey>().map_err(|_| invalid_of(&format!("{path}.rate"), key, "montant inconnu", "unknown figure", &["tax.<column>.<level>", "stamp", "surcharge", "surcharge.resident", "surcharge.cap", "visa.total", "visa.at_filing", "late.charge", "late.surcharge", "dcem", "travel.<document>"]))?;
                let value = m.get("amount").ok_or_else(|| invalid(&format!("{path}.amount"), "", "montant manquant", "missing amount"))?;
                if m.contains_key("tax") || m.contains_key("visa_exempt") {
                    return Err(invalid(&path, key, "tax et visa_exempt vont avec permit, pas avec rate", "tax and visa_exempt go with permit, not with rate"));
                }
                Change::Rate(rate, amount(value, &format!("{path}.amount"))?)
            } else {
                let p = permit(m, &format!("{path}.permit"))?;
                if m.contains_key("amount") {
                    return Err(invalid(&format!("{path}.amount"), shown(m.get("amount").unwrap_or(&Value::Null)), "amount va avec rate", "amount goes with rate"));
                }
                match (string(m, "tax", &format!("{path}.tax"))?, m.get("visa_exempt")) {
                    (Some(list), None) => Change::Tax(
                        p,
                        match list {
                            "general" => Some(Level::General),
                            "reduced" => Some(Level::Reduced),
                            "exempt" => None,
                            other => return Err(invalid_of(&format!("{path}.tax"), other, "liste inconnue", "unknown list", TAX_LISTS)),
                        },
                    ),
                    (None, Some(Value::Bool(b))) => Change::VisaExempt(p, *b),
                    (None, Some(other)) => return Err(Error::InvalidType { field: format!("{path}.visa_exempt"), got: json_type(other), expected: "boolean" }),
                    _ => return Err(invalid(&path, p.code(), "un titre va avec tax (general, reduced, exempt) ou visa_exempt (true, false), l'un des deux", "a permit goes with one of tax (general, reduced, exempt) or visa_exempt (true, false)")),
                }
            };
            amendments.push(Amendment { from, regime, change, key: path });
        }
        Reform::build(name, title, amendments, regimes)
    }

    fn build(name: String, title: String, amendments: Vec<Amendment>, new_regimes: Vec<(String, NewRegime)>) -> Result<Reform, Error> {
        let mut laws: Vec<RegimeLaw> = LAWS.iter().map(|l| (*l).clone()).collect();
        let mut regimes = Vec::new();
        for (path, r) in new_regimes {
            let Some(last) = laws.last_mut() else { break };
            if r.from <= last.regime.valid_from || last.regime.valid_until.is_some() {
                return Err(invalid(&format!("{path}.from"), r.from, format!("un nouveau régime vient après le dernier, qui commence le {}", last.regime.valid_from), format!("a new regime comes after the last one, which starts on {}", last.regime.valid_from)));
            }
            let mut next = last.clone();
            last.regime.valid_until = r.from.checked_sub_days(Days::new(1));
            next.regime.valid_from = r.from;
            next.regime.label_fr = Cow::Owned(r.label_fr.clone());
            next.regime.label_en = Cow::Owned(r.label_en.clone());
            next.regime.source = Cow::Owned(r.source.clone());
            laws.push(next);
            regimes.push(r);
        }
        for a in &amendments {
            let at = format!("{}.from", a.key);
            if a.from < FIRST_DAY {
                return Err(invalid(&at, a.from, format!("avant le premier jour couvert ({FIRST_DAY})"), format!("before the first covered day ({FIRST_DAY})")));
            }
            if let Some(id) = a.regime {
                let start = laws.iter().find(|l| l.regime.id == id).map_or(FIRST_DAY, |l| l.regime.valid_from);
                if a.from < start {
                    return Err(invalid(&at, a.from, format!("avant le régime qu'elle modifie ({id}, depuis le {start})"), format!("before the law it amends ({id}, from {start})")));
                }
            }
            match &a.change {
                Change::Rate(key, amount) => {
                    for law in laws.iter_mut().filter(|l| l.regime.valid_until.is_none_or(|end| end >= a.from)) {
                        law.rates.to_mut().push(Rate { key: *key, amount: *amount, from: Some(a.from), basis: Cow::Owned(format!("reform {name}, {}", a.key)) });
                    }
                }
                Change::Tax(..) | Change::VisaExempt(..) => {
                    split_at(&mut laws, a.from);
                    for law in laws.iter_mut().filter(|l| l.regime.valid_from >= a.from) {
                        apply_list(law, a, &name)?;
                    }
                }
            }
        }
        // The law's change days and the reform's own: every date it wrote into the laws (a
        // dated rate, a split, a new regime) is a first day, with the day before and after, as
        // `history::law_change_days` collects them (see the test against `change_days_of`).
        let days = {
            let mut days: std::collections::BTreeSet<NaiveDate> = crate::history::law_change_days().iter().copied().collect();
            for d in amendments.iter().map(|a| a.from).chain(regimes.iter().map(|r| r.from)) {
                days.extend([d.checked_sub_days(Days::new(1)), Some(d), d.checked_add_days(Days::new(1))].into_iter().flatten().filter(|d| *d >= FIRST_DAY));
            }
            days.into_iter().collect::<Vec<_>>()
        };
        // The part at filing may not exceed the whole visa, on any day the reform prices.
        for law in &laws {
            if !matches!(law.visa, Paragraph::In(_)) {
                continue;
            }
            for day in days.iter().copied().filter(|d| law.regime.covers(*d)) {
                if let (Some(total), Some(filing)) = (law.amount(RateKey::VisaTotal, day), law.amount(RateKey::VisaAtFiling, day)) {
                    if filing > total {
                        let culprit = amendments.iter().rev().find(|a| matches!(a.change, Change::Rate(RateKey::VisaAtFiling | RateKey::VisaTotal, _)) && a.from <= day);
                        let field = culprit.map_or_else(|| "amend".to_string(), |a| format!("{}.amount", a.key));
                        return Err(invalid(
                            &field,
                            crate::model::money::to_string(filing),
                            format!("la part due au dépôt ({}) dépasserait le droit de visa de régularisation entier ({}) le {day}", crate::model::money::to_string(filing), crate::model::money::to_string(total)),
                            format!("the part at filing ({}) would exceed the whole visa de régularisation ({}) on {day}", crate::model::money::to_string(filing), crate::model::money::to_string(total)),
                        ));
                    }
                }
            }
        }
        let table = PriceTable::new(days.clone());
        Ok(Reform { name, title, amendments, regimes, laws, days, table })
    }

    /// The reform's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its title (its name where the document gives none).
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Its amendments, in the document's order.
    pub fn amendments(&self) -> &[Amendment] {
        &self.amendments
    }

    /// The regimes it adds.
    pub fn new_regimes(&self) -> &[NewRegime] {
        &self.regimes
    }

    /// The law as amended.
    pub fn laws(&self) -> Laws<'_> {
        Laws::owned(&self.laws)
    }

    /// The days on which the amended law may change an answer.
    pub fn change_days(&self) -> &[NaiveDate] {
        &self.days
    }

    /// The engine under the amended law, without marking the lines the reform changed.
    pub(crate) fn engine(&self, request: &Request) -> Result<Quote, Error> {
        crate::engine::quote_in(self.laws(), request)
    }

    /// Quotes a request under the amended law. Every line the reform changed (an amount the law
    /// does not charge for this request) has the reform for its source, and the quote a note.
    pub fn quote(&self, request: &Request) -> Result<Quote, Error> {
        let mut q = self.engine(request)?;
        let law = crate::quote(request).ok();
        let in_force: Vec<String> = self.amendments.iter().filter(|a| a.from <= request.date).map(Amendment::describe).collect();
        let row = if in_force.is_empty() { self.name.clone() } else { format!("{}: {}", self.name, in_force.join("; ")) };
        let mut changed = false;
        for line in &mut q.lines {
            let same = law.as_ref().is_some_and(|b| b.lines.iter().any(|l| l.component == line.component && l.amount == line.amount));
            if !same {
                line.seed = t(SEED);
                line.seed_row = Cow::Owned(row.clone());
                changed = true;
            }
        }
        let removed = law.as_ref().is_some_and(|b| b.lines.iter().any(|l| !q.lines.iter().any(|x| x.component == l.component && x.amount == l.amount)));
        let new_regime = self.regimes.iter().rev().find(|r| r.from <= request.date && request.regime.is_none());
        if changed || removed || new_regime.is_some() || law.as_ref().map(|b| b.outcome) != Some(q.outcome) {
            let regime = new_regime.map(|r| (format!(" ; régime « {} » depuis le {}", r.label_fr, r.from), format!("; regime \"{}\" from {}", r.label_en, r.from))).unwrap_or_default();
            q.notes.push(Note {
                code: t("reform"),
                text: Explanation {
                    fr: Cow::Owned(format!("Chiffré selon la réforme « {} », qui n'est pas le droit en vigueur{}. {row}", self.title, regime.0)),
                    en: Cow::Owned(format!("Priced under the reform \"{}\", not the law in force{}. {row}", self.title, regime.1)),
                },
            });
        }
        Ok(q)
    }

    /// The totals of a request under the amended law, from the reform's compiled price table
    /// where the request is in its domain.
    pub fn total(&self, request: &Request) -> Result<Totals, Error> {
        match self.lookup(request) {
            Some(cell) => Ok(cell.priced.totals),
            None => self.engine(request).map(|q| Totals::of(&q)),
        }
    }

    /// The reform's price table's answer to a request (see [`crate::price_table::lookup`]).
    pub fn lookup(&self, request: &Request) -> Option<TableCell<'_>> {
        self.table.lookup(request, &|r| self.engine(r))
    }

    /// Builds the reform's price-table slice of `date` now.
    pub fn prepare(&self, date: NaiveDate) {
        let _ = self.table.slice_of(date, true, &|r| self.engine(r));
    }

    /// The history of a request under the amended law (error messages in `lang`).
    pub fn history_in(&self, request: &Request, lang: Lang) -> History {
        history_under(self.laws(), &self.days, request, lang, &|r| self.engine(r))
    }

    /// [`Reform::history_in`] in English.
    pub fn history(&self, request: &Request) -> History {
        self.history_in(request, Lang::En)
    }
}

/// Splits the regime in force on `day` into two (same id), so that a list can change on `day`.
fn split_at(laws: &mut Vec<RegimeLaw>, day: NaiveDate) {
    let Some(i) = laws.iter().position(|l| l.regime.covers(day)) else { return };
    let Some(law) = laws.get_mut(i) else { return };
    if law.regime.valid_from == day {
        return;
    }
    let mut later = law.clone();
    law.regime.valid_until = day.checked_sub_days(Days::new(1));
    later.regime.valid_from = day;
    laws.insert(i + 1, later);
}

/// Moves a permit between lists in one regime's law.
fn apply_list(law: &mut RegimeLaw, a: &Amendment, name: &str) -> Result<(), Error> {
    let label: crate::law::types::Text = Cow::Owned(format!("reform {name}, {}: {}", a.key, a.describe()));
    match &a.change {
        Change::VisaExempt(permit, exempt) => {
            if let Paragraph::In(v) = &mut law.visa {
                let list = v.exempt.to_mut();
                list.retain(|p| p != permit);
                if *exempt {
                    list.push(*permit);
                }
            }
            Ok(())
        }
        Change::Tax(permit, level) => {
            if let Some(level) = level {
                for column in [Column::FirstIssue, Column::Renewal] {
                    if law.rates.iter().all(|r| r.key != RateKey::Tax(column, *level)) {
                        return Err(invalid(&format!("{}.tax", a.key), level.code(), format!("le régime {} n'a pas de tarif {} pour la colonne {}", law.regime.id, level.code(), column.code()), format!("regime {} has no {} rate for the {} column", law.regime.id, level.code(), column.code())));
                    }
                }
            }
            let map = |cell: &Cell| move_cell(cell, *level);
            let regime = law.regime.id.code();
            if let Some(schedule) = &mut law.table.schedule {
                for list in [&mut schedule.first_issue, &mut schedule.renewal, &mut schedule.duplicate] {
                    if let Some(c) = list.iter().find(|c| c.permits.contains(permit) || c.members.iter().any(|m| m.permit == *permit)).cloned() {
                        let mut own = c;
                        own.label = label.clone();
                        own.permits = Cow::Owned(vec![*permit]);
                        own.members = Cow::Owned(Vec::new());
                        own.cell = map(&own.cell);
                        list.to_mut().insert(0, own);
                    }
                }
                return Ok(());
            }
            let table = &law.table;
            let row = table.amended.iter().chain(table.rows.iter()).find(|r| r.permits.contains(permit)).or_else(|| table.amended.iter().chain(table.rows.iter()).find(|r| r.also.iter().any(|(p, _)| p == permit)));
            let Some(row) = row else {
                return Err(invalid(&format!("{}.permit", a.key), permit.code(), format!("le titre n'a pas de ligne dans le régime {regime}"), format!("the permit has no row in regime {regime}")));
            };
            let outright = row.permits.contains(permit);
            let own = Row {
                label: label.clone(),
                permits: Cow::Owned(if outright { vec![*permit] } else { Vec::new() }),
                also: Cow::Owned(if outright { Vec::new() } else { row.also.iter().filter(|(p, _)| p == permit).cloned().collect() }),
                first_issue: map(&row.first_issue),
                renewal: map(&row.renewal),
                duplicate: row.duplicate.as_ref().map(map),
                without_title: row.without_title.as_ref().map(map),
                change_of_details: row.change_of_details.clone(),
                stamp_column: row.stamp_column,
                seed: Some(t(SEED)),
                confidence: row.confidence,
            };
            law.table.amended.to_mut().insert(0, own);
            Ok(())
        }
        Change::Rate(..) => Ok(()),
    }
}

/// A cell with its tax moved to `level` (`None`: exempt).
fn move_cell(cell: &Cell, level: Option<Level>) -> Cell {
    match (cell, level) {
        (Cell::Due(_), None) => Cell::Exempt,
        (Cell::Due(d), Some(level)) => Cell::Due(Due { tax: Some(level), printed: None, erratum: None, ..d.clone() }),
        (Cell::Exempt, Some(level)) => Cell::Due(Due { tax: Some(level), stamp: true, ..DUE }),
        (Cell::Choice(options, why), _) => Cell::Choice(Cow::Owned(options.iter().map(|(c, x)| (c.clone(), move_cell(x, level))).collect()), why.clone()),
        (other, _) => other.clone(),
    }
}

#[cfg(test)]
mod tests;
