//! Money in the JSON contract: a decimal string with two decimals ("225.00"), never a number,
//! so that no float and no JavaScript number ever carries an amount.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};

/// The amount with exactly two decimals.
pub fn to_string(amount: Decimal) -> String {
    let mut d = amount.round_dp(2);
    d.rescale(2);
    d.to_string()
}

/// Parses a money string ("225", "225.5", "225.00"); numbers in JSON are refused.
pub fn parse(text: &str) -> Option<Decimal> {
    let ok = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
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
