//! The tariff history of a request: what it would have cost on every day from the first source
//! (5 January 2009) on, as periods of equal amounts.
//!
//! The answer only changes on a day the law dates (a regime's first day, a dated rate or
//! article, the day a permit is created or the day after it ends, a filing-window version) or
//! on a day the request itself dates (an application date must precede the decision). Those
//! are the candidate days; the request is quoted on each and adjacent equal answers merge. A
//! daily sweep of [`crate::quote`] is the oracle this is tested against
//! (`tests/history.rs`).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::law::regimes::{Laws, RegimeId};
use crate::law::windows::{TALENT_ONLINE_FROM, WINDOWS};
use crate::model::answer::{Component, Outcome};
use crate::model::codes::Lang;
use crate::model::date::MAX_DATE;
use crate::model::document::Document;
use crate::model::procedure::Procedure;
use crate::request::Request;
use crate::Error;

/// The first day any source covers.
pub const FIRST_DAY: NaiveDate = crate::model::date::ymd(2009, 1, 5);

/// A request's answers from [`FIRST_DAY`] on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// The permit or travel document.
    pub permit: Document,
    /// The procedure.
    pub procedure: Procedure,
    /// The periods, in order, without gaps; the last one is open-ended.
    pub periods: Vec<Period>,
}

/// Days with the same answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day (`None`: to this day, as far as the law is known).
    pub until: Option<NaiveDate>,
    /// The regimes in force over the period, in order.
    pub regimes: Vec<RegimeId>,
    /// The outcome, or `None` where the request is refused.
    pub outcome: Option<Outcome>,
    /// The total, where the outcome is an amount (as in a quote).
    #[serde(with = "crate::model::money::option")]
    pub total: Option<Decimal>,
    /// The amount of each component due, in the order of the quote's lines.
    pub components: Vec<ComponentAmount>,
    /// Where the request is refused: the error of the period's first day.
    pub error: Option<PeriodError>,
}

/// One component's amount over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentAmount {
    /// The component.
    pub component: Component,
    /// Its amount (the sum of its lines).
    #[serde(with = "crate::model::money")]
    pub amount: Decimal,
}

/// The refusal of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodError {
    /// The error code (`permit_not_in_regime`, `missing_sub_case`…).
    pub code: String,
    /// The field it names.
    pub field: Option<String>,
    /// The message, for the period's first day.
    pub message: String,
}

impl Period {
    /// Whether two days answer alike: same outcome and amounts, or the same error code and
    /// field (messages name the date, so they differ day by day).
    fn same_answer(&self, other: &Period) -> bool {
        match (&self.error, &other.error) {
            (Some(a), Some(b)) => a.code == b.code && a.field == b.field,
            (None, None) => self.outcome == other.outcome && self.total == other.total && self.components == other.components,
            _ => false,
        }
    }

    fn of(laws: Laws<'_>, day: NaiveDate, answer: Result<crate::Quote, Error>, lang: Lang) -> Period {
        let in_force = laws.law_for(day, "date").ok().map(|l| l.regime.id);
        let mut period = Period { from: day, until: None, regimes: in_force.into_iter().collect(), outcome: None, total: None, components: Vec::new(), error: None };
        match answer {
            Ok(q) => {
                period.outcome = Some(q.outcome);
                period.total = q.total;
                for line in &q.lines {
                    match period.components.iter_mut().find(|c| c.component == line.component) {
                        Some(c) => c.amount += line.amount,
                        None => period.components.push(ComponentAmount { component: line.component, amount: line.amount }),
                    }
                }
            }
            Err(e) => period.error = Some(PeriodError { code: e.code().to_string(), field: e.field().map(str::to_string), message: e.message(lang) }),
        }
        period
    }
}

/// The history of `request` (its `date` is ignored: every day from [`FIRST_DAY`] is quoted),
/// error messages in English.
pub fn history(request: &Request) -> History {
    history_in(request, Lang::En)
}

/// [`history`], with error messages in `lang`.
pub fn history_in(request: &Request, lang: Lang) -> History {
    history_under(Laws::BUILT_IN, law_change_days(), request, lang, &crate::engine::quote)
}

/// [`history_in`] under `laws`, whose change days are `change_days`, each day priced by `price`.
pub(crate) fn history_under(laws: Laws<'_>, change_days: &[NaiveDate], request: &Request, lang: Lang, price: &dyn Fn(&Request) -> Result<crate::Quote, Error>) -> History {
    let mut days: BTreeSet<NaiveDate> = change_days.iter().copied().collect();
    add_dates(&mut days, crate::law_dates::dates_of(request));
    let mut periods: Vec<Period> = Vec::new();
    let mut day_request = request.clone();
    for day in days.into_iter().filter(|d| *d >= FIRST_DAY) {
        day_request.date = day;
        let period = Period::of(laws, day, price(&day_request), lang);
        match periods.last_mut() {
            Some(last) if last.same_answer(&period) => {
                for r in period.regimes {
                    if !last.regimes.contains(&r) {
                        last.regimes.push(r);
                    }
                }
            }
            _ => {
                if let Some(last) = periods.last_mut() {
                    last.until = day.checked_sub_days(Days::new(1));
                }
                periods.push(period);
            }
        }
    }
    History { permit: request.permit, procedure: request.procedure, periods }
}

/// Every day on which the law may change an answer, from the law files themselves: every date
/// they hold, and the day after it (an `until` is a last day), with the filing-window versions.
pub fn law_change_days() -> &'static [NaiveDate] {
    static DAYS: OnceLock<Vec<NaiveDate>> = OnceLock::new();
    DAYS.get_or_init(|| change_days_of(Laws::BUILT_IN))
}

/// The change days of `laws` (see [`law_change_days`]).
pub(crate) fn change_days_of(laws: Laws<'_>) -> Vec<NaiveDate> {
    let mut days = BTreeSet::from([FIRST_DAY, TALENT_ONLINE_FROM]);
    for law in laws.iter() {
        add_dates(&mut days, crate::law_dates::dates_of(law));
    }
    days.extend(WINDOWS.iter().map(|w| w.from));
    days.into_iter().filter(|d| *d >= FIRST_DAY).collect()
}

/// Every date the law files hold and the day after it, with the filing-window versions,
/// including those before [`FIRST_DAY`] (a reunification granted before 28 Dec 2008).
pub(crate) fn law_dates() -> &'static [NaiveDate] {
    static DAYS: OnceLock<Vec<NaiveDate>> = OnceLock::new();
    DAYS.get_or_init(|| {
        let mut days = BTreeSet::from([FIRST_DAY, TALENT_ONLINE_FROM]);
        for law in Laws::BUILT_IN.iter() {
            add_dates(&mut days, crate::law_dates::dates_of(law));
        }
        days.extend(WINDOWS.iter().map(|w| w.from));
        days.into_iter().collect()
    })
}

/// Adds every date (before [`MAX_DATE`]) of `dates`, and the day after it.
fn add_dates(days: &mut BTreeSet<NaiveDate>, dates: BTreeSet<NaiveDate>) {
    for d in dates.into_iter().filter(|d| *d < MAX_DATE) {
        days.insert(d);
        days.extend(d.checked_add_days(Days::new(1)));
    }
}
