//! The batch loop behind `ceseda.quote_frame`: column buffers in, Arrow buffers out.
//!
//! Python factorises each code column, so only its few distinct values cross as strings;
//! each is parsed once, by the core ([`crate::parse_code`]). Dates cross as `int32` days
//! since the epoch and booleans as `int8`. The loop then builds one [`Request`] per row and
//! calls [`ceseda::quote`]; nothing here knows a tariff.
//!
//! A row's errors are reported in the order the core reports them: field by field in
//! [`FIELDS`] order, the first wins, then the quote's own error.

use ceseda::{Component, Error, Outcome, Quote, RegimeId, Request, FIELDS};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// `int32` date: null.
const DATE_NULL: i32 = i32::MIN;
/// `int32` date: a value of the wrong type.
const DATE_BAD_TYPE: i32 = i32::MIN + 1;
/// `int8` boolean: null.
const BOOL_NULL: i8 = -1;
/// `int8` boolean: a value of the wrong type.
#[allow(dead_code)]
const BOOL_BAD_TYPE: i8 = -2;
/// Days from 0001-01-01 (CE day 1) to 1970-01-01.
const EPOCH_FROM_CE: i32 = 719_163;

/// One input column, as Python passes it.
pub(crate) struct Spec<'a> {
    /// The request field.
    pub field: &'a str,
    /// A code column's distinct values (`None`: a value of the wrong type).
    pub uniques: Option<&'a [Option<String>]>,
    /// The column's buffer.
    pub data: &'a [u8],
}

/// The answer's buffers (see `quote_frame` in `lib.rs`).
pub(crate) struct Output {
    pub amounts: Vec<u8>,
    pub validity: Vec<u8>,
    pub null_count: usize,
    pub outcome: Vec<u8>,
    pub regime: Vec<u8>,
    pub error: Vec<u8>,
    pub error_field: Vec<u8>,
}

/// A request field, resolved once from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Permit,
    Procedure,
    Date,
    Regime,
    FamilyMember,
    ReunificationOnSite,
    EnteredViaFamilyReunification,
    CardKind,
    CardValidity,
    AdmissionCard,
    PreviouslyHeldCst,
    UnderlyingPermit,
    ReunificationGrantedOn,
    IrregularEntry,
    ApplicationDate,
    PreviousTitleExpiry,
    ForceMajeure,
    HoldsValidVisa,
    ViolenceVictim,
    EuStatus,
    DefenceCooperationAgreement,
    AlgerianNational,
    OnlineApplication,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Code,
    Date,
    Bool,
}

impl Field {
    fn from_name(name: &str) -> Option<Field> {
        use Field::*;
        Some(match name {
            "permit" => Permit,
            "procedure" => Procedure,
            "date" => Date,
            "regime" => Regime,
            "family_member" => FamilyMember,
            "reunification_on_site" => ReunificationOnSite,
            "entered_via_family_reunification" => EnteredViaFamilyReunification,
            "card_kind" => CardKind,
            "card_validity" => CardValidity,
            "admission_card" => AdmissionCard,
            "previously_held_cst" => PreviouslyHeldCst,
            "underlying_permit" => UnderlyingPermit,
            "reunification_granted_on" => ReunificationGrantedOn,
            "irregular_entry" => IrregularEntry,
            "application_date" => ApplicationDate,
            "previous_title_expiry" => PreviousTitleExpiry,
            "force_majeure" => ForceMajeure,
            "holds_valid_visa" => HoldsValidVisa,
            "violence_victim" => ViolenceVictim,
            "eu_status" => EuStatus,
            "defence_cooperation_agreement" => DefenceCooperationAgreement,
            "algerian_national" => AlgerianNational,
            "online_application" => OnlineApplication,
            _ => return None,
        })
    }

    fn kind(self) -> Kind {
        use Field::*;
        match self {
            Permit | Procedure | Regime | FamilyMember | CardKind | CardValidity | AdmissionCard | UnderlyingPermit | EuStatus => Kind::Code,
            Date | ReunificationGrantedOn | ApplicationDate | PreviousTitleExpiry => Kind::Date,
            ReunificationOnSite | EnteredViaFamilyReunification | PreviouslyHeldCst | IrregularEntry | ForceMajeure | HoldsValidVisa
            | ViolenceVictim | DefenceCooperationAgreement | AlgerianNational | OnlineApplication => Kind::Bool,
        }
    }

    fn required(self) -> bool {
        matches!(self, Field::Permit | Field::Procedure | Field::Date)
    }

    /// Copies this (code) field from a request parsed by the core.
    fn copy_code(self, from: &Request, to: &mut Request) {
        use Field::*;
        match self {
            Permit => to.permit = from.permit,
            Procedure => to.procedure = from.procedure,
            Regime => to.regime = from.regime,
            FamilyMember => to.sub_case.family_member = from.sub_case.family_member,
            CardKind => to.sub_case.card_kind = from.sub_case.card_kind,
            CardValidity => to.sub_case.card_validity = from.sub_case.card_validity,
            AdmissionCard => to.sub_case.admission_card = from.sub_case.admission_card,
            UnderlyingPermit => to.sub_case.underlying_permit = from.sub_case.underlying_permit,
            EuStatus => to.circumstances.eu_status = from.circumstances.eu_status,
            _ => {}
        }
    }

    fn set_date(self, date: NaiveDate, to: &mut Request) {
        use Field::*;
        match self {
            Date => to.date = date,
            ReunificationGrantedOn => to.sub_case.reunification_granted_on = Some(date),
            ApplicationDate => to.circumstances.application_date = Some(date),
            PreviousTitleExpiry => to.circumstances.previous_title_expiry = Some(date),
            _ => {}
        }
    }

    fn set_bool(self, value: bool, to: &mut Request) {
        use Field::*;
        let c = &mut to.circumstances;
        let s = &mut to.sub_case;
        match self {
            ReunificationOnSite => s.reunification_on_site = Some(value),
            EnteredViaFamilyReunification => s.entered_via_family_reunification = Some(value),
            PreviouslyHeldCst => s.previously_held_cst = Some(value),
            IrregularEntry => c.irregular_entry = value,
            ForceMajeure => c.force_majeure = value,
            HoldsValidVisa => c.holds_valid_visa = value,
            ViolenceVictim => c.violence_victim = value,
            DefenceCooperationAgreement => c.defence_cooperation_agreement = value,
            AlgerianNational => c.algerian_national = Some(value),
            OnlineApplication => c.online_application = Some(value),
            _ => {}
        }
    }
}

/// A row's error: indices into [`Error::CODES`] and [`FIELDS`] (`-1`: no field).
#[derive(Debug, Clone, Copy)]
struct RowError {
    code: i8,
    field: i8,
}

fn index_of(list: &[&str], item: &str) -> i8 {
    list.iter().position(|x| *x == item).and_then(|i| i8::try_from(i).ok()).unwrap_or(-1)
}

impl RowError {
    fn of(e: &Error) -> RowError {
        RowError { code: index_of(Error::CODES, e.code()), field: e.field().map_or(-1, |f| index_of(FIELDS, f)) }
    }

    fn coded(code: &str, field: &str) -> RowError {
        RowError { code: index_of(Error::CODES, code), field: index_of(FIELDS, field) }
    }
}

/// A distinct value of a code column, parsed once.
enum Slot {
    Value(Request),
    Error(RowError),
}

enum Data<'a> {
    Code { slots: Vec<Slot>, indices: &'a [u8] },
    Date { days: &'a [u8] },
    Bool { values: &'a [u8] },
}

struct Column<'a> {
    field: Field,
    name: &'static str,
    data: Data<'a>,
}

fn read_i32(data: &[u8], row: usize) -> Option<i32> {
    let start = row.checked_mul(4)?;
    let bytes: [u8; 4] = data.get(start..start.checked_add(4)?)?.try_into().ok()?;
    Some(i32::from_le_bytes(bytes))
}

impl Column<'_> {
    /// Applies this column's value at `row` to `req`; `Err` is the row's error.
    #[inline]
    fn apply(&self, row: usize, req: &mut Request) -> Result<(), RowError> {
        let missing = || if self.field.required() { Err(RowError::coded("missing_field", self.name)) } else { Ok(()) };
        match &self.data {
            Data::Code { slots, indices } => {
                let index = read_i32(indices, row).unwrap_or(-1);
                match usize::try_from(index).ok().and_then(|i| slots.get(i)) {
                    None => missing(),
                    Some(Slot::Error(e)) => Err(*e),
                    Some(Slot::Value(parsed)) => {
                        self.field.copy_code(parsed, req);
                        Ok(())
                    }
                }
            }
            Data::Date { days } => match read_i32(days, row).unwrap_or(DATE_NULL) {
                DATE_NULL => missing(),
                DATE_BAD_TYPE => Err(RowError::coded("invalid_type", self.name)),
                d => match d.checked_add(EPOCH_FROM_CE).and_then(NaiveDate::from_num_days_from_ce_opt) {
                    Some(date) => {
                        self.field.set_date(date, req);
                        Ok(())
                    }
                    None => Err(RowError::coded("invalid_date", self.name)),
                },
            },
            Data::Bool { values } => match values.get(row).map(|b| i8::from_le_bytes([*b])).unwrap_or(BOOL_NULL) {
                BOOL_NULL => missing(),
                0 => {
                    self.field.set_bool(false, req);
                    Ok(())
                }
                1 => {
                    self.field.set_bool(true, req);
                    Ok(())
                }
                // BOOL_BAD_TYPE, or any other byte.
                _ => Err(RowError::coded("invalid_type", self.name)),
            },
        }
    }
}

fn prepare<'a>(rows: usize, specs: &[Spec<'a>]) -> Result<Vec<Column<'a>>, String> {
    let mut columns = Vec::with_capacity(specs.len());
    for spec in specs {
        let position = FIELDS.iter().position(|f| *f == spec.field).ok_or_else(|| format!("unknown field {:?}", spec.field))?;
        let name: &'static str = FIELDS.get(position).copied().ok_or("field index out of range")?;
        let field = Field::from_name(name).ok_or_else(|| format!("field {name:?} is not handled by the binding"))?;
        let width = if field.kind() == Kind::Bool { 1 } else { 4 };
        if Some(spec.data.len()) != rows.checked_mul(width) {
            return Err(format!("column {name}: {} bytes for {rows} rows", spec.data.len()));
        }
        let data = match (field.kind(), spec.uniques) {
            (Kind::Code, Some(uniques)) => {
                let slots = uniques
                    .iter()
                    .map(|u| match u {
                        None => Slot::Error(RowError::coded("invalid_type", name)),
                        Some(code) => match crate::parse_code(name, code) {
                            Ok(parsed) => Slot::Value(parsed),
                            Err(e) => Slot::Error(RowError::of(&e)),
                        },
                    })
                    .collect();
                Data::Code { slots, indices: spec.data }
            }
            (Kind::Date, None) => Data::Date { days: spec.data },
            (Kind::Bool, None) => Data::Bool { values: spec.data },
            (kind, _) => return Err(format!("column {name}: wrong layout for a {kind:?} field")),
        };
        columns.push((position, Column { field, name, data }));
    }
    columns.sort_by_key(|(position, _)| *position);
    if columns.windows(2).any(|w| matches!(w, [(a, _), (b, _)] if a == b)) {
        return Err("a field is given twice".to_string());
    }
    for required in ["permit", "procedure", "date"] {
        if !columns.iter().any(|(_, c)| c.name == required) {
            return Err(format!("the {required} column is required"));
        }
    }
    Ok(columns.into_iter().map(|(_, c)| c).collect())
}

/// Two-decimal cents, the storage of a decimal128 with scale 2.
fn cents(amount: Decimal) -> i128 {
    let mut d = amount.round_dp(2);
    d.rescale(2);
    d.mantissa()
}

/// Number of amount columns: the total, then one per component.
const AMOUNT_COLUMNS: usize = 1 + Component::ALL.len();

fn write_quote(q: &Quote, row: usize, rows: usize, amounts: &mut [u8]) {
    let mut values = [0_i128; AMOUNT_COLUMNS];
    if let Some(total) = values.first_mut() {
        *total = cents(q.total);
    }
    for line in &q.lines {
        let slot = Component::ALL.iter().position(|c| *c == line.component).and_then(|i| values.get_mut(i + 1));
        if let Some(slot) = slot {
            *slot += cents(line.amount);
        }
    }
    for (column, value) in values.iter().enumerate() {
        let start = (column * rows + row) * 16;
        if let Some(cell) = amounts.get_mut(start..start + 16) {
            cell.copy_from_slice(&value.to_le_bytes());
        }
    }
}

fn code_index<T: PartialEq + Copy>(all: &[T], value: T) -> u8 {
    all.iter().position(|v| *v == value).and_then(|i| i8::try_from(i).ok()).unwrap_or(-1).to_le_bytes()[0]
}

/// Quotes every row. `Err` only for a malformed call (a bug in the Python layer).
pub(crate) fn run(rows: usize, specs: &[Spec<'_>]) -> Result<Output, String> {
    let columns = prepare(rows, specs)?;
    let amount_bytes = rows.checked_mul(AMOUNT_COLUMNS * 16).ok_or("too many rows")?;
    let mut out = Output {
        amounts: vec![0; amount_bytes],
        validity: vec![0; rows.div_ceil(8)],
        null_count: 0,
        outcome: vec![0xff; rows],
        regime: vec![0xff; rows],
        error: vec![0xff; rows],
        error_field: vec![0xff; rows],
    };
    let blank = crate::blank_request();
    for row in 0..rows {
        let mut req = blank.clone();
        let answer = columns
            .iter()
            .try_for_each(|c| c.apply(row, &mut req))
            .and_then(|()| ceseda::quote(&req).map_err(|e| RowError::of(&e)));
        match answer {
            Ok(q) => {
                write_quote(&q, row, rows, &mut out.amounts);
                if let Some(byte) = out.validity.get_mut(row / 8) {
                    *byte |= 1 << (row % 8);
                }
                set(&mut out.outcome, row, code_index(Outcome::ALL, q.outcome));
                set(&mut out.regime, row, code_index(RegimeId::ALL, q.regime));
            }
            Err(e) => {
                out.null_count += 1;
                set(&mut out.error, row, e.code.to_le_bytes()[0]);
                set(&mut out.error_field, row, e.field.to_le_bytes()[0]);
            }
        }
    }
    Ok(out)
}

fn set(buffer: &mut [u8], row: usize, value: u8) {
    if let Some(b) = buffer.get_mut(row) {
        *b = value;
    }
}
