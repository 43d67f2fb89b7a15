//! The `ceseda` binary: the README's main job, JSON output, and typed failures.

#![allow(clippy::indexing_slicing)] // serde_json::Value["key"] yields Null on a miss; it never panics.

use std::process::{Command, Output};

fn ceseda(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ceseda"))
        .args(args)
        .output()
        .unwrap_or_else(|e| Output {
            status: std::process::ExitStatus::default(),
            stdout: Vec::new(),
            stderr: e.to_string().into_bytes(),
        })
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_default()
}

#[test]
fn visiteur_2024_is_225_with_articles() {
    let out = ceseda(&[
        "quote",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
        "--json",
    ]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["quote"]["total"], "225.00");
    assert_eq!(v["quote"]["lines"][0]["component"], "tax");
    assert_eq!(v["quote"]["lines"][0]["amount"], "200.00");
    assert_eq!(v["quote"]["lines"][0]["basis"], "CESEDA L. 436-1");
    assert_eq!(v["quote"]["lines"][1]["component"], "droit_de_timbre");
    assert_eq!(v["quote"]["lines"][1]["amount"], "25.00");
    assert_eq!(v["quote"]["lines"][1]["basis"], "CESEDA L. 436-7");
}

#[test]
fn visiteur_june_2026_is_350() {
    let out = ceseda(&[
        "quote",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--date",
        "2026-06-01",
        "--json",
    ]);
    assert_eq!(json(&out)["quote"]["total"], "350.00");
}

#[test]
fn an_uncovered_date_fails_listing_the_covered_periods() {
    let out = ceseda(&[
        "quote",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--date",
        "2008-12-31",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["error"]["code"], "date_out_of_range");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("date_out_of_range")
            && stderr.contains("2016-11-01 to 2020-01-01")
            && stderr.contains("from 2026-05-01"),
        "{stderr}"
    );
}

#[test]
fn circumstance_flags_reach_the_core() {
    let out = ceseda(&[
        "quote",
        "--permit",
        "salarie",
        "--procedure",
        "first_issue",
        "--date",
        "2026-06-01",
        "--irregular-entry",
        "--json",
    ]);
    let v = json(&out);
    assert_eq!(v["quote"]["total"], "650.00");
    let out = ceseda(&[
        "quote",
        "--permit",
        "salarie",
        "--procedure",
        "renewal",
        "--date",
        "2024-07-15",
        "--application-date",
        "2024-07-01",
        "--previous-title-expiry",
        "2024-06-30",
        "--json",
    ]);
    assert_eq!(json(&out)["quote"]["total"], "405.00");
    let out = ceseda(&[
        "quote",
        "--permit",
        "salarie",
        "--procedure",
        "renewal",
        "--date",
        "2024-07-15",
        "--application-date",
        "2024-07-01",
        "--previous-title-expiry",
        "2024-06-30",
        "--force-majeure",
        "--json",
    ]);
    assert_eq!(json(&out)["quote"]["total"], "225.00");
}

#[test]
fn text_output_is_an_itemised_table() {
    let out = ceseda(&[
        "quote",
        "--permit",
        "etudiant",
        "--procedure",
        "renewal",
        "--date",
        "2018-03-01",
        "--card-kind",
        "csp",
        "--lang",
        "fr",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Taxe")
            && text.contains("60.00")
            && text.contains("CESEDA L. 311-13 B")
            && text.contains("79.00"),
        "{text}"
    );
    assert!(text.contains("Régime"), "{text}");
}

#[test]
fn french_text_is_french_throughout() {
    let text = stdout(&ceseda(&[
        "quote",
        "--permit",
        "salarie",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
        "--irregular_entry",
        "--lang",
        "fr",
    ]));
    for french in [
        "Droit de timbre",
        "Droit de visa de régularisation, part due au dépôt",
        "[au dépôt de la demande]",
        "[à la délivrance du titre]",
        "(montant dû)",
        "confiance : élevée",
        "source 004 :",
    ] {
        assert!(text.contains(french), "{french}: {text}");
    }
    for english in ["droit_de_timbre", "at issue", "amount due", "seed 004"] {
        assert!(!text.contains(english), "{english}: {text}");
    }
    let history = stdout(&ceseda(&[
        "history",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--lang",
        "fr",
    ]));
    assert!(
        history
            .contains("2020-01-02 au 2026-04-30  225.00 € (Taxe 200.00 + Droit de timbre 25.00)"),
        "{history}"
    );
    let window = stdout(&ceseda(&[
        "window",
        "--permit",
        "salarie",
        "--expiry",
        "2024-06-30",
        "--filing_date",
        "2024-07-01",
        "--lang",
        "fr",
    ]));
    assert!(
        window.contains("déposer du 2024-04-30 au 2024-06-30")
            && window.contains("en retard")
            && window.contains("Droit pour renouvellement tardif : dû"),
        "{window}"
    );
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn window(args: &[&str]) -> String {
    let mut all = vec!["window"];
    all.extend_from_slice(args);
    let out = ceseda(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

#[test]
fn a_filing_before_the_window_is_early_not_on_time() {
    // The case: R. 311-2 in 2020, the window opens on 30 April.
    let text = window(&[
        "--permit",
        "talent_salarie",
        "--expiry",
        "2020-06-30",
        "--filing_date",
        "2020-03-01",
    ]);
    assert!(
        text.contains("file from 2020-04-30 to 2020-06-30"),
        "{text}"
    );
    assert!(text.contains("filed on 2020-03-01: early"), "{text}");
    assert!(!text.contains("on time"), "{text}");
    assert!(
        text.contains("not for a filing on that date; due for a filing after 2020-06-30"),
        "{text}"
    );
    // Seed 001's four to three months are before a two-month window: not recommended.
    assert!(
        text.contains("does not fall inside this window") && !text.contains("recommended: 20"),
        "{text}"
    );
    // The boundary days of R. 311-2: opens and expiry are on time, the day after is late.
    for (day, status) in [
        ("2020-04-29", "early"),
        ("2020-04-30", "on time"),
        ("2020-06-30", "on time"),
        ("2020-07-01", "late"),
    ] {
        let text = window(&[
            "--permit",
            "salarie",
            "--expiry",
            "2020-06-30",
            "--filing_date",
            day,
        ]);
        assert!(
            text.contains(&format!("filed on {day}: {status}")),
            "{day}: {text}"
        );
        assert!(text.contains("R. 311-2 4°"), "{text}");
    }
}

#[test]
fn r431_5_online_window_shows_the_recommendation_inside_it() {
    let text = window(&[
        "--permit",
        "talent_salarie",
        "--expiry",
        "2024-06-30",
        "--filing_date",
        "2024-03-01",
    ]);
    assert!(
        text.contains("R. 431-5: online application, the 120th to the 60th day"),
        "{text}"
    );
    assert!(
        text.contains("file from 2024-03-02 to 2024-05-01"),
        "{text}"
    );
    // Four months before expiry is 29 February, before the 120th day: the window's article.
    assert!(
        text.contains("recommended: 2024-03-02 (CESEDA R. 431-5) to 2024-03-30 (seed 001)"),
        "{text}"
    );
    for (day, status) in [
        ("2024-03-01", "early"),
        ("2024-03-02", "on time"),
        ("2024-05-01", "on time"),
        ("2024-05-02", "late"),
    ] {
        let text = window(&[
            "--permit",
            "salarie",
            "--online_application",
            "--expiry",
            "2024-06-30",
            "--filing_date",
            day,
        ]);
        assert!(
            text.contains(&format!("filed on {day}: {status}")),
            "{day}: {text}"
        );
    }
    let late = window(&[
        "--permit",
        "salarie",
        "--online",
        "--expiry",
        "2024-06-30",
        "--filing_date",
        "2024-05-02",
    ]);
    assert!(
        late.contains("Late-renewal charge: due (filed after 2024-05-01)"),
        "{late}"
    );
    let json = json(&ceseda(&[
        "window",
        "--permit",
        "salarie",
        "--online",
        "--expiry",
        "2024-06-30",
        "--filing_date",
        "2024-03-01",
        "--json",
    ]));
    assert_eq!(
        (
            json["window"]["status"].as_str(),
            json["window"]["late"].as_bool()
        ),
        (Some("early"), Some(false))
    );
}

#[test]
fn r431_5_not_online_and_the_long_term_resident_exception() {
    let text = window(&[
        "--permit",
        "salarie",
        "--expiry",
        "2024-06-30",
        "--filing_date",
        "2024-04-29",
        "--online_application",
        "false",
    ]);
    assert!(
        text.contains("R. 431-5: the last two months")
            && text.contains("file from 2024-04-30 to 2024-06-30"),
        "{text}"
    );
    assert!(
        text.contains("filed on 2024-04-29: early")
            && text.contains("does not fall inside this window"),
        "{text}"
    );
    let text = window(&[
        "--permit",
        "cr_resident_longue_duree_ue",
        "--expiry",
        "2020-06-30",
        "--filing_date",
        "2019-01-01",
    ]);
    assert!(
        text.contains("long-term EU resident, no window") && text.contains("file by 2020-06-30"),
        "{text}"
    );
    assert!(text.contains("filed on 2019-01-01: on time"), "{text}");
    let text = window(&[
        "--permit",
        "cr_resident_longue_duree_ue",
        "--expiry",
        "2020-06-30",
        "--filing_date",
        "2020-07-01",
    ]);
    assert!(text.contains("filed on 2020-07-01: late"), "{text}");
    // No late-renewal charge in 2010.
    let text = window(&[
        "--permit",
        "salarie",
        "--expiry",
        "2010-06-30",
        "--filing_date",
        "2010-07-02",
    ]);
    assert!(
        text.contains("late") && text.contains("none: the regime in force on that date has none"),
        "{text}"
    );
}

#[test]
fn bad_codes_exit_non_zero_with_the_typed_message() {
    let out = ceseda(&[
        "quote",
        "--permit",
        "visitor",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown_code") && stderr.contains("visiteur"),
        "{stderr}"
    );
}

#[test]
fn permits_regimes_and_window() {
    let permits = json(&ceseda(&["permits", "--json"]));
    assert!(permits.as_array().is_some_and(|a| a.len() > 70));
    let regimes = json(&ceseda(&["regimes", "--json"]));
    assert_eq!(
        (regimes[0]["id"].as_str(), regimes[4]["id"].as_str()),
        (Some("statute_2009_01_05"), Some("table_2011"))
    );
    let window = json(&ceseda(&[
        "window",
        "--permit",
        "salarie",
        "--expiry",
        "2024-06-30",
        "--date",
        "2024-07-01",
        "--json",
    ]));
    assert_eq!(window["window"]["late"], true);
    let text = String::from_utf8_lossy(&ceseda(&["regimes"]).stdout).to_string();
    assert!(text.contains("date_out_of_range"));
}

#[test]
fn flags_are_the_json_field_names_and_old_spellings_still_work() {
    let new = json(&ceseda(&[
        "quote",
        "--permit",
        "etudiant",
        "--procedure",
        "renewal",
        "--date",
        "2018-03-01",
        "--card_kind",
        "csp",
        "--json",
    ]));
    let old = json(&ceseda(&[
        "quote",
        "--permit",
        "etudiant",
        "--procedure",
        "renewal",
        "--date",
        "2018-03-01",
        "--card-kind",
        "csp",
        "--json",
    ]));
    assert_eq!(new["quote"]["total"], "79.00");
    assert_eq!(new, old);
    let window = json(&ceseda(&[
        "window",
        "--permit",
        "salarie",
        "--expiry",
        "2024-06-30",
        "--filing_date",
        "2024-07-01",
        "--online_application",
        "false",
        "--json",
    ]));
    assert_eq!(window["window"]["late"], true);
}

#[test]
fn exit_statuses_tell_answered_refused_and_usage_apart() {
    let ok = ceseda(&[
        "quote",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
    ]);
    assert_eq!(ok.status.code(), Some(0));
    let refused = ceseda(&[
        "quote",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--date",
        "2008-03-01",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    let usage = ceseda(&[
        "quote",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
    ]);
    assert_eq!(usage.status.code(), Some(2));
    let bad_lang = ceseda(&[
        "quote",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
        "--lang",
        "de",
    ]);
    assert_eq!(bad_lang.status.code(), Some(2));
    let french = ceseda(&[
        "quote",
        "--permit",
        "visitor",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
        "--lang",
        "fr",
    ]);
    let stderr = String::from_utf8_lossy(&french.stderr);
    assert!(
        stderr.contains("inconnu") && stderr.contains("visiteur"),
        "{stderr}"
    );
}

#[test]
fn history_lists_the_change_days_as_csv_json_and_text() {
    let out = ceseda(&[
        "history",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--csv",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8_lossy(&out.stdout).to_string();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("from,until,regimes,outcome,total,tax,droit_de_timbre,error_code,error_field")
    );
    let starts: Vec<&str> = lines.map(|l| l.split(',').next().unwrap_or("")).collect();
    assert_eq!(
        starts,
        [
            "2009-01-05",
            "2010-06-26",
            "2011-10-01",
            "2012-01-01",
            "2012-12-31",
            "2016-11-01",
            "2020-01-02",
            "2026-05-01"
        ]
    );
    assert!(csv.contains("2014-08-06") || csv.contains("2012-12-31,2016-10-31,statute_2012_12_31 statute_2013_01_01 statute_2014_01_01 statute_2014_08_06,amount_due,260.00,241.00,19.00,,"), "{csv}");
    let v = json(&ceseda(&[
        "history",
        "--permit",
        "scientifique",
        "--procedure",
        "first_issue",
        "--json",
    ]));
    let last = v["history"]["periods"]
        .as_array()
        .and_then(|p| p.last().cloned())
        .unwrap_or_default();
    assert_eq!(
        (last["from"].as_str(), last["error"]["code"].as_str()),
        (Some("2016-11-01"), Some("permit_not_in_regime"))
    );
    let text = String::from_utf8_lossy(
        &ceseda(&[
            "history",
            "--permit",
            "scientifique",
            "--procedure",
            "renewal",
        ])
        .stdout,
    )
    .to_string();
    assert!(
        text.contains("refused [missing_sub_case: card_validity]"),
        "{text}"
    );
    // A history has no date: the flag does not exist.
    assert_eq!(
        ceseda(&[
            "history",
            "--permit",
            "visiteur",
            "--procedure",
            "first_issue",
            "--date",
            "2020-01-01"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn json_usage_errors_are_the_contracts_failure_object() {
    let quote = [
        "quote",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
    ];
    // Without --json: clap's message on stderr, nothing on stdout.
    let plain = ceseda(&quote);
    assert_eq!(plain.status.code(), Some(2));
    assert!(plain.stdout.is_empty());
    assert!(String::from_utf8_lossy(&plain.stderr).contains("--permit <CODE>"));
    let failure = |args: &[&str]| {
        let out = ceseda(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let v = json(&out);
        assert_eq!(v["type"], "failure", "{args:?}: {v}");
        v["error"].clone()
    };
    let mut args = quote.to_vec();
    args.push("--json");
    let e = failure(&args);
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("missing_field"), Some("permit"))
    );
    assert_eq!(e["message"], "missing required field permit");
    let full = [
        "quote",
        "--permit",
        "visiteur",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
        "--json",
    ];
    let with = |extra: &[&str]| -> Vec<String> {
        full.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    let e = failure(
        &with(&["--frobnicate"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("unknown_field"), Some("frobnicate"))
    );
    assert!(e["expected"]
        .as_array()
        .is_some_and(|x| x.iter().any(|f| f == "irregular_entry")));
    let e = failure(
        &with(&["--lang", "de"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str(), e["value"].as_str()),
        (Some("unknown_code"), Some("lang"), Some("de"))
    );
    let e = failure(
        &with(&["--irregular_entry", "maybe"])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("invalid_type"), Some("irregular_entry"))
    );
    // The message follows --lang.
    let e = failure(&["window", "--expiry", "2024-06-30", "--json", "--lang", "fr"]);
    assert_eq!(e["message"], "champ obligatoire manquant : permit");
    let e = failure(&["frobnicate", "--json"]);
    assert_eq!(
        (e["code"].as_str(), e["field"].as_str()),
        (Some("unknown_code"), Some("command"))
    );
    // A refusal by the core stays status 1.
    let refused = ceseda(&[
        "quote",
        "--permit",
        "visitor",
        "--procedure",
        "first_issue",
        "--date",
        "2024-03-01",
        "--json",
    ]);
    assert_eq!(
        (
            refused.status.code(),
            json(&refused)["error"]["code"].as_str()
        ),
        (Some(1), Some("unknown_code"))
    );
}

#[test]
fn completions_and_man_pages_come_from_the_definition() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ceseda(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(
            script.contains("ceseda")
                && script.contains("window")
                && script.contains("irregular_entry"),
            "{shell}: {script}"
        );
    }
    assert_eq!(ceseda(&["completions", "nushell"]).status.code(), Some(2));
    let page = stdout(&ceseda(&["man"]));
    assert!(
        page.contains(".TH ceseda 1")
            && page.contains("ceseda\\-quote(1)")
            && page.contains("Exit status"),
        "{page}"
    );
    let quote = ceseda(&["man", "quote"]);
    assert_eq!(quote.status.code(), Some(0));
    let quote = stdout(&quote);
    assert!(
        quote.contains(".TH ceseda-quote 1") && quote.contains("\\-\\-permit"),
        "{quote}"
    );
}

// ---------------------------------------------------------------- batch

fn ceseda_in(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write as _;
    let child = Command::new(env!("CARGO_BIN_EXE_ceseda"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return ceseda(&["--no-such-flag"]);
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input);
    }
    child.wait_with_output().unwrap_or_else(|e| Output {
        status: std::process::ExitStatus::default(),
        stdout: Vec::new(),
        stderr: e.to_string().into_bytes(),
    })
}

/// A file in the tests' temporary directory.
fn temp_file(name: &str, content: &[u8]) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::write(&path, content);
    path.to_string_lossy().to_string()
}

/// The CSV output as rows of cells (no cell of these tests holds a quoted delimiter).
fn csv_rows(out: &Output, delimiter: char) -> Vec<Vec<String>> {
    stdout(out)
        .lines()
        .map(|l| l.split(delimiter).map(str::to_string).collect())
        .collect()
}

const HEADER: &str = "row,total,due_at_filing,tax,droit_de_timbre,duplicate_surcharge,visa_de_regularisation_filing,visa_de_regularisation_balance,late_renewal_charge,dcem_tax,travel_document_tax,outcome,regime,error_code,error_field,error_message";

#[test]
fn batch_csv_with_commas_a_bad_row_and_a_malformed_line() {
    let input = "permit,procedure,date,irregular_entry\n\
                 visiteur,first_issue,2024-03-01,\n\
                 visitor,first_issue,2024-03-01,\n\
                 salarie,first_issue,2024-03-01,TRUE\n\
                 visiteur,first_issue\n\
                 visiteur,\"first_issue\",2024-03-01,oui\n\
                 vls_ts,first_issue,2024-03-01,false\n";
    let out = ceseda_in(&["batch", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "no progress bar off a terminal");
    let text = stdout(&out);
    assert_eq!(text.lines().next(), Some(HEADER));
    let rows = csv_rows(&out, ',');
    let col = |name: &str| {
        HEADER
            .split(',')
            .position(|c| c == name)
            .unwrap_or(usize::MAX)
    };
    let cell = |row: usize, name: &str| {
        rows.get(row)
            .and_then(|r| r.get(col(name)))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(rows.len(), 7);
    // Row numbers are input lines: the header is line 1.
    let numbers: Vec<String> = (1..7).map(|r| cell(r, "row")).collect();
    assert_eq!(numbers, ["2", "3", "4", "5", "6", "7"]);
    assert_eq!(
        (cell(1, "total"), cell(1, "tax"), cell(1, "regime")),
        ("225.00".into(), "200.00".into(), "table_2020".into())
    );
    assert_eq!(
        (cell(2, "error_code"), cell(2, "error_field")),
        ("unknown_code".into(), "permit".into())
    );
    assert_eq!(
        (
            cell(3, "total"),
            cell(3, "due_at_filing"),
            cell(3, "visa_de_regularisation_balance")
        ),
        ("425.00".into(), "50.00".into(), "150.00".into())
    );
    assert_eq!(cell(4, "error_code"), "invalid_json");
    assert!(
        text.contains("line 5: malformed CSV: 2 cells, the header has 4"),
        "{text}"
    );
    assert_eq!(
        (cell(5, "error_code"), cell(5, "error_field")),
        ("invalid_type".into(), "irregular_entry".into())
    );
    assert_eq!(
        (cell(6, "outcome"), cell(6, "total")),
        ("same_as_replaced_title".into(), String::new())
    );
}

#[test]
fn batch_csv_with_semicolons_and_a_byte_order_mark_from_a_file() {
    let input = "\u{feff}permit;procedure;date\r\nvisiteur;first_issue;2024-03-01\r\n\r\nsalarie;renewal;2026-06-01\r\n";
    let path = temp_file("semicolons.csv", input.as_bytes());
    let out = ceseda(&["batch", &path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The output keeps the input's delimiter.
    let rows = csv_rows(&out, ';');
    assert_eq!(
        rows.first().and_then(|r| r.first()).map(String::as_str),
        Some("row")
    );
    let totals: Vec<(&str, &str)> = rows
        .iter()
        .skip(1)
        .map(|r| {
            (
                r.first().map_or("", String::as_str),
                r.get(1).map_or("", String::as_str),
            )
        })
        .collect();
    // A blank line is no row, and counts as a line.
    assert_eq!(totals, [("2", "225.00"), ("4", "250.00")]);
    let commas = ceseda(&["batch", &path, "--output-delimiter", ","]);
    assert!(stdout(&commas).starts_with(HEADER), "{}", stdout(&commas));
    // --delimiter forces the reading: a `,` header of one column is an unknown field.
    let forced = ceseda(&["batch", &path, "--delimiter", ","]);
    assert_eq!(forced.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&forced.stderr).contains("unknown_field"));
}

#[test]
fn batch_json_lines_from_stdin_with_a_malformed_line() {
    let input = "{\"permit\":\"visiteur\",\"procedure\":\"first_issue\",\"date\":\"2024-03-01\"}\n\
                 {\"permit\":\n\
                 \n\
                 {\"permit\":\"salarie\",\"procedure\":\"renewal\",\"date\":\"2026-06-01\",\"irregular_entry\":\"oui\"}\n\
                 {\"permit\":\"salarie\",\"procedure\":\"renewal\",\"date\":\"2026-06-01\"}\n";
    // Sniffed as JSON lines; answered as JSON lines.
    let out = ceseda_in(
        &["batch", "--output-format", "jsonl", "--lang", "fr"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_default())
        .collect();
    let rows_and_errors: Vec<(u64, Option<&str>)> = rows
        .iter()
        .map(|r| (r["row"].as_u64().unwrap_or(0), r["error_code"].as_str()))
        .collect();
    assert_eq!(
        rows_and_errors,
        [
            (1, None),
            (2, Some("invalid_json")),
            (4, Some("invalid_type")),
            (5, None)
        ]
    );
    assert_eq!(
        (
            rows[0]["total"].as_str(),
            rows[0]["droit_de_timbre"].as_str(),
            rows[0]["outcome"].as_str()
        ),
        (Some("225.00"), Some("25.00"), Some("amount_due"))
    );
    assert!(
        rows[1]["error_message"]
            .as_str()
            .is_some_and(|m| m.starts_with("ligne 2 :")),
        "{}",
        rows[1]
    );
    assert!(
        rows[2]["error_message"]
            .as_str()
            .is_some_and(|m| m.contains("type invalide")),
        "{}",
        rows[2]
    );
    assert_eq!(rows[3]["total"], "250.00");
    // The same lines as CSV, from a .jsonl file.
    let path = temp_file("requests.jsonl", input.as_bytes());
    let csv = ceseda(&["batch", &path]);
    let text = stdout(&csv);
    assert!(
        text.starts_with(HEADER) && text.contains("\n5,250.00,"),
        "{text}"
    );
}

#[test]
fn batch_agrees_with_quote_and_writes_to_a_file() {
    let requests = [
        (
            "salarie",
            "renewal",
            "2024-07-15",
            "application_date",
            "2024-07-01",
        ),
        ("etudiant", "renewal", "2018-03-01", "card_kind", "csp"),
        ("visiteur", "first_issue", "2014-05-01", "regime", ""),
    ];
    let mut input =
        String::from("permit,procedure,date,application_date,previous_title_expiry,card_kind\n");
    for (permit, procedure, date, field, value) in requests {
        let (application, kind) = match field {
            "application_date" => (value, ""),
            "card_kind" => ("", value),
            _ => ("", ""),
        };
        let expiry = if application.is_empty() {
            ""
        } else {
            "2024-06-30"
        };
        input.push_str(&format!(
            "{permit},{procedure},{date},{application},{expiry},{kind}\n"
        ));
    }
    let output = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("answers.csv");
    let output = output.to_string_lossy().to_string();
    let out = ceseda_in(&["batch", "-o", &output], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&output).unwrap_or_default();
    let totals: Vec<String> = written
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap_or("").to_string())
        .collect();
    let quoted = |args: &[&str]| {
        json(&ceseda(args))["quote"]["total"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        totals,
        [
            quoted(&[
                "quote",
                "--permit",
                "salarie",
                "--procedure",
                "renewal",
                "--date",
                "2024-07-15",
                "--application_date",
                "2024-07-01",
                "--previous_title_expiry",
                "2024-06-30",
                "--json"
            ]),
            quoted(&[
                "quote",
                "--permit",
                "etudiant",
                "--procedure",
                "renewal",
                "--date",
                "2018-03-01",
                "--card_kind",
                "csp",
                "--json"
            ]),
            quoted(&[
                "quote",
                "--permit",
                "visiteur",
                "--procedure",
                "first_issue",
                "--date",
                "2014-05-01",
                "--json"
            ]),
        ]
    );
    assert_eq!(totals, ["405.00", "79.00", "260.00"]);
}

#[test]
fn batch_usage_errors_exit_2() {
    assert_eq!(
        ceseda(&["batch", "/no/such/file.csv"]).status.code(),
        Some(2)
    );
    assert_eq!(
        ceseda_in(&["batch", "--delimiter", ";;"], b"")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        ceseda_in(&["batch", "--output-format", "xml"], b"")
            .status
            .code(),
        Some(2)
    );
    let repeated = ceseda_in(&["batch"], b"permit,permit\n");
    assert_eq!(repeated.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&repeated.stderr).contains("twice"));
    // An empty input is no row: the header alone, status 0.
    let empty = ceseda_in(&["batch"], b"");
    assert_eq!(
        (empty.status.code(), stdout(&empty).trim_end()),
        (Some(0), HEADER)
    );
    // An empty input with --delimiter answers its header in that delimiter, as any other
    // input (fuzz/batch_csv found it in `,`).
    let empty = ceseda_in(&["batch", "--delimiter", ";"], b"");
    assert_eq!(stdout(&empty).trim_end(), HEADER.replace(',', ";"));
    // A missing column is each row's missing_field (status 1), as in the JSON contract.
    let missing = ceseda_in(&["batch"], b"permit,date\nvisiteur,2024-03-01\n");
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stdout(&missing).contains("missing_field,procedure"),
        "{}",
        stdout(&missing)
    );
}

/// The CLI's regression vectors (issue 12, D6): `entries` of the shared vectors whose entry is
/// `cli`: with `--json`, every outcome is the contract's tagged answer on stdout, with the exit
/// status of "Ready to publish" (0 answered, 1 refused quote, 2 usage error).
#[test]
fn cli_regression_vectors_answer_json_with_their_exit_status() {
    let doc: serde_json::Value = serde_json::from_str(include_str!("../../ceseda/tests/vectors/regressions.json")).unwrap_or_default();
    let entries: Vec<&serde_json::Value> = doc["entries"].as_array().into_iter().flatten().filter(|e| e["entry"] == "cli").collect();
    assert!(entries.len() >= 4, "{} CLI vectors", entries.len());
    for entry in entries {
        let args: Vec<&str> = entry["args"].as_array().into_iter().flatten().filter_map(|a| a.as_str()).collect();
        let out = ceseda(&args);
        let answer = json(&out);
        let note = &entry["note"];
        assert_eq!(out.status.code().map(i64::from), entry["status"].as_i64(), "{note}: {}", String::from_utf8_lossy(&out.stderr));
        match entry["status"].as_i64() {
            Some(0) => assert_eq!(answer["type"], "success", "{note}: {answer}"),
            _ => {
                assert_eq!(answer["type"], "failure", "{note}: {answer}");
                assert_eq!((&answer["error"]["code"], &answer["error"]["field"]), (&entry["code"], &entry["field"]), "{note}: {answer}");
                assert!(answer["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{note}: {answer}");
            }
        }
    }
}

/// The sample reform of `examples/analysis`, from the workspace root.
fn sample_reform() -> String {
    format!("{}/../../examples/analysis/reform_2027.toml", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn quote_under_the_sample_reform_is_400() {
    let reform = sample_reform();
    let args = ["quote", "--permit", "visiteur", "--procedure", "first_issue", "--date", "2027-03-01", "--reform", reform.as_str()];
    let out = ceseda(&args);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("total                               400.00 €"), "{text}");
    assert!(text.contains("seed reform: reform_2027: tax.first_issue.general = 350.00 from 2027-01-01"), "{text}");
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let v = json(&ceseda(&with_json));
    assert_eq!(v["quote"]["total"], "400.00");
    assert_eq!(v["quote"]["lines"][0]["seed"], "reform");
    assert_eq!(v["quote"]["lines"][1]["seed"], "004+lf_2026");
    // Without the reform, the law: 300 + 50.
    let law = json(&ceseda(&args[..7].iter().copied().chain(["--json"]).collect::<Vec<_>>()));
    assert_eq!(law["quote"]["total"], "350.00");
    // The history under the reform has its period.
    let h = json(&ceseda(&["history", "--permit", "visiteur", "--procedure", "first_issue", "--reform", reform.as_str(), "--json"]));
    let periods = h["history"]["periods"].as_array().cloned().unwrap_or_default();
    assert_eq!(periods.last().map(|p| (p["from"].clone(), p["total"].clone())), Some(("2027-01-01".into(), "400.00".into())));
}

#[test]
fn an_invalid_reform_is_a_typed_failure() {
    let dir = std::env::temp_dir().join(format!("ceseda-cli-reform-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bad.toml");
    let _ = std::fs::write(&path, "name = \"bad\"\n[[amend]]\nfrom = 2027-01-01\nrate = \"stamp\"\namount = -5\n");
    let p = path.to_string_lossy().to_string();
    let out = ceseda(&["quote", "--permit", "visiteur", "--procedure", "first_issue", "--date", "2027-03-01", "--reform", p.as_str(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!((v["error"]["code"].as_str(), v["error"]["field"].as_str(), v["error"]["value"].as_str()), (Some("invalid_reform"), Some("amend[0].amount"), Some("-5")));
    let missing = ceseda(&["quote", "--permit", "visiteur", "--procedure", "first_issue", "--date", "2027-03-01", "--reform", "/nonexistent/reform.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_under_the_sample_reform() {
    let reform = sample_reform();
    let csv = b"permit,procedure,date\nvisiteur,first_issue,2027-03-01\nvisiteur,first_issue,2026-06-01\n";
    let out = ceseda_in(&["batch", "--reform", reform.as_str()], csv);
    let text = String::from_utf8_lossy(&out.stdout);
    let totals: Vec<&str> = text.lines().skip(1).filter_map(|l| l.split(',').nth(1)).collect();
    assert_eq!(totals, ["400.00", "350.00"], "{text}");
    let jsonl = b"{\"permit\":\"visiteur\",\"procedure\":\"first_issue\",\"date\":\"2027-03-01\"}\n";
    let out = ceseda_in(&["batch", "--input-format", "jsonl", "--reform", reform.as_str()], jsonl);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n2,400.00,") || String::from_utf8_lossy(&out.stdout).contains("\n1,400.00,"), "{}", String::from_utf8_lossy(&out.stdout));
    let bad = ceseda_in(&["batch", "--reform", "/nonexistent.toml"], csv);
    assert_eq!(bad.status.code(), Some(2));
}
