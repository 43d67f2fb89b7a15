//! `ceseda`: quote what a French residence permit costs, item by item, with the article for
//! each charge. Every flag maps to a field of the core's JSON request, so the CLI accepts
//! exactly the codes every binding accepts.

// serde_json::Value["key"] yields Null on a miss; it never panics.
#![allow(clippy::indexing_slicing)]

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde_json::{Map, Value};

#[derive(Parser)]
#[command(name = "ceseda", version, about = "What a French residence permit costs: taxes, stamp duties and regularisation charges, by date, with their CESEDA articles.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Quote a permit (or a travel document) for a procedure on a decision date.
    Quote(Box<QuoteArgs>),
    /// List the permits and travel documents, with their codes.
    Permits {
        /// Print the canonical JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the tariff regimes and the periods they cover.
    Regimes {
        /// Print the canonical JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show the renewal filing window for a title expiring on a date.
    Window {
        /// Permit code.
        #[arg(long)]
        permit: String,
        /// Expiry date of the title (YYYY-MM-DD).
        #[arg(long)]
        expiry: String,
        /// Filing date (YYYY-MM-DD): picks the rule in force and says whether it is late.
        #[arg(long)]
        date: Option<String>,
        /// Filed through the online service (ANEF).
        #[arg(long, num_args = 0..=1, default_missing_value = "true")]
        online: Option<bool>,
        /// Print the canonical JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct QuoteArgs {
    /// Permit or travel-document code (see `ceseda permits`).
    #[arg(long)]
    permit: String,
    /// first_issue, renewal, duplicate, renewal_without_expired_title or change_of_details.
    #[arg(long)]
    procedure: String,
    /// Decision date (YYYY-MM-DD): selects the regime.
    #[arg(long)]
    date: String,
    /// Price under this regime instead of the one in force on the date.
    #[arg(long)]
    regime: Option<String>,
    /// Family reunification: spouse or child.
    #[arg(long)]
    family_member: Option<String>,
    /// Family reunification granted on site.
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    reunification_on_site: Option<bool>,
    /// The child entered through family reunification.
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    entered_via_family_reunification: Option<bool>,
    /// cst or csp.
    #[arg(long)]
    card_kind: Option<String>,
    /// one_year or more_than_one_year.
    #[arg(long)]
    card_validity: Option<String>,
    /// Exceptional admission: vpf, salarie or travailleur_temporaire.
    #[arg(long)]
    admission_card: Option<String>,
    /// Spouse of a French national: held a CST before.
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    previously_held_cst: Option<bool>,
    /// The title issued or replaced (2011 long-term-resident CST, VLS-TS).
    #[arg(long)]
    underlying_permit: Option<String>,
    /// When the family reunification was granted (YYYY-MM-DD).
    #[arg(long)]
    reunification_granted_on: Option<String>,
    /// Entered or staying irregularly, or without the required visa.
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    irregular_entry: Option<bool>,
    /// Application (filing) date (YYYY-MM-DD).
    #[arg(long)]
    application_date: Option<String>,
    /// Expiry date of the previous title (YYYY-MM-DD).
    #[arg(long)]
    previous_title_expiry: Option<String>,
    /// Force majeure (excuses a late renewal).
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    force_majeure: Option<bool>,
    /// Holds a valid visa (excuses a late renewal).
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    holds_valid_visa: Option<bool>,
    /// Victim of domestic violence or trafficking.
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    violence_victim: Option<bool>,
    /// citizen or family_member (EU/EEA/Swiss/Andorran).
    #[arg(long)]
    eu_status: Option<String>,
    /// Covered by a defence-cooperation agreement.
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    defence_cooperation_agreement: Option<bool>,
    /// Algerian national.
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    algerian_national: Option<bool>,
    /// Filed through the online service (ANEF).
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    online_application: Option<bool>,
    /// Print the canonical JSON answer.
    #[arg(long)]
    json: bool,
    /// Language of the explanation: en or fr.
    #[arg(long, default_value = "en")]
    lang: String,
}

impl QuoteArgs {
    /// The canonical JSON request: the core parses and validates it.
    fn request(&self) -> Value {
        let mut m = Map::new();
        let strings = [
            ("permit", Some(&self.permit)),
            ("procedure", Some(&self.procedure)),
            ("date", Some(&self.date)),
            ("regime", self.regime.as_ref()),
            ("family_member", self.family_member.as_ref()),
            ("card_kind", self.card_kind.as_ref()),
            ("card_validity", self.card_validity.as_ref()),
            ("admission_card", self.admission_card.as_ref()),
            ("underlying_permit", self.underlying_permit.as_ref()),
            ("reunification_granted_on", self.reunification_granted_on.as_ref()),
            ("application_date", self.application_date.as_ref()),
            ("previous_title_expiry", self.previous_title_expiry.as_ref()),
            ("eu_status", self.eu_status.as_ref()),
        ];
        for (k, v) in strings {
            if let Some(v) = v {
                m.insert(k.into(), Value::from(v.as_str()));
            }
        }
        let bools = [
            ("reunification_on_site", self.reunification_on_site),
            ("entered_via_family_reunification", self.entered_via_family_reunification),
            ("previously_held_cst", self.previously_held_cst),
            ("irregular_entry", self.irregular_entry),
            ("force_majeure", self.force_majeure),
            ("holds_valid_visa", self.holds_valid_visa),
            ("violence_victim", self.violence_victim),
            ("defence_cooperation_agreement", self.defence_cooperation_agreement),
            ("algerian_national", self.algerian_national),
            ("online_application", self.online_application),
        ];
        for (k, v) in bools {
            if let Some(v) = v {
                m.insert(k.into(), Value::Bool(v));
            }
        }
        Value::Object(m)
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// Prints an error and returns the failure exit code.
fn fail(error: &ceseda::Error, json: bool) -> ExitCode {
    if json {
        println!("{}", pretty(&ceseda::contract::failure(error)));
    }
    eprintln!("error [{}]: {error}", error.code());
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Quote(args) => {
            let quoted = ceseda::Request::from_value(&args.request()).and_then(|r| ceseda::quote(&r));
            match quoted {
                Ok(q) if args.json => {
                    let answer = serde_json::json!({"type": "success", "quote": q});
                    println!("{}", pretty(&answer));
                    ExitCode::SUCCESS
                }
                Ok(q) => {
                    print!("{}", q.explain(&args.lang));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, args.json),
            }
        }
        Command::Permits { json } => {
            let permits = ceseda::contract::permits_value();
            if json {
                println!("{}", pretty(&permits));
            } else {
                for p in permits.as_array().into_iter().flatten() {
                    println!("{:<55} {}", p["code"].as_str().unwrap_or(""), p["label_fr"].as_str().unwrap_or(""));
                }
            }
            ExitCode::SUCCESS
        }
        Command::Regimes { json } => {
            if json {
                println!("{}", pretty(&ceseda::contract::regimes_value()));
            } else {
                for r in ceseda::REGIMES {
                    println!("{:<11} {:<40} confidence {:<6} {}", r.id.code(), r.period(), r.confidence.code(), r.source);
                }
                println!("No source covers other dates: quotes for them fail with date_out_of_range.");
            }
            ExitCode::SUCCESS
        }
        Command::Window { permit, expiry, date, online, json } => {
            let mut m = Map::new();
            m.insert("permit".into(), Value::from(permit));
            m.insert("expiry".into(), Value::from(expiry));
            if let Some(d) = date {
                m.insert("filing_date".into(), Value::from(d));
            }
            if let Some(o) = online {
                m.insert("online_application".into(), Value::Bool(o));
            }
            let answer = ceseda::contract::window_value(&Value::Object(m));
            if answer["type"] != "success" {
                if json {
                    println!("{}", pretty(&answer));
                }
                eprintln!("error [{}]: {}", answer["error"]["code"].as_str().unwrap_or(""), answer["error"]["message"].as_str().unwrap_or(""));
                return ExitCode::from(2);
            }
            if json {
                println!("{}", pretty(&answer));
            } else {
                let w = &answer["window"];
                println!("rule: {} ({})", w["rule"].as_str().unwrap_or(""), w["basis"].as_str().unwrap_or(""));
                println!("file from {} to {} (expiry {})", w["opens"].as_str().unwrap_or("—"), w["closes"].as_str().unwrap_or(""), w["expiry"].as_str().unwrap_or(""));
                println!("recommended (seed 001): {} to {}", w["recommended_from"].as_str().unwrap_or(""), w["recommended_until"].as_str().unwrap_or(""));
                if let Some(late) = w.get("late").and_then(Value::as_bool) {
                    println!("filed on that date: {}", if late { "late" } else { "on time" });
                }
            }
            ExitCode::SUCCESS
        }
    }
}
