//! Money in the JSON contract: a decimal string with two decimals ("225.00"), never a number,
//! so that no float and no JavaScript number ever carries an amount.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};

/// Whole euros as a two-decimal [`Decimal`], usable in `const` law data.
pub const fn eur(euros: u32) -> Decimal {
    Decimal::from_parts(euros.wrapping_mul(100), 0, 0, false, 2)
}

/// The amount rounded to, and written with, exactly two decimals.
pub fn round(amount: Decimal) -> Decimal {
    let mut d = amount.round_dp(2);
    d.rescale(2);
    d
}

/// The amount with exactly two decimals.
pub fn to_string(amount: Decimal) -> String {
    round(amount).to_string()
}

/// Parses a money string ("225", "225.5", "225.00"); numbers in JSON are refused.
pub fn parse(text: &str) -> Option<Decimal> {
    let ok = !text.is_empty() && text.len() <= 32 && text.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    if !ok {
        return None;
    }
    text.parse::<Decimal>().ok()
}

pub(crate) fn serialize<S: Serializer>(amount: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&to_string(*amount))
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse(&text).ok_or_else(|| serde::de::Error::custom(format!("invalid money string {text:?}; expected e.g. \"225.00\"")))
}

/// An optional amount: a money string or `null`.
pub(crate) mod option {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(amount: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match amount {
            Some(a) => s.serialize_str(&super::to_string(*a)),
            None => s.serialize_none(),
        }
    }

    #[allow(dead_code)]
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let text = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
        text.map(|t| super::parse(&t).ok_or_else(|| serde::de::Error::custom(format!("invalid money string {t:?}")))).transpose()
    }
}
