//! Every date a serialisable value holds, without building its JSON: a [`serde::Serializer`]
//! that keeps only the strings that are ISO dates. [`crate::history::law_change_days`] reads the
//! law files through it, so that a program that prices (the pricing-only wasm module) does not
//! link serde_json.

use std::collections::BTreeSet;
use std::fmt::Display;

use chrono::NaiveDate;
use serde::ser::{self, Serialize};

use crate::model::date::parse_date;

/// The ISO dates (`YYYY-MM-DD`) among the strings of `value`.
pub(crate) fn dates_of<T: Serialize + ?Sized>(value: &T) -> BTreeSet<NaiveDate> {
    let mut c = Collector(BTreeSet::new());
    // The collector never fails; a value whose Serialize fails gives the dates met before.
    let _ = value.serialize(&mut c);
    c.0
}

struct Collector(BTreeSet<NaiveDate>);

#[derive(Debug)]
struct Never;

impl Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("serialisation error")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: Display>(_: T) -> Self {
        Never
    }
}

type R = Result<(), Never>;

/// Serializer methods of values that hold no date: they do nothing.
macro_rules! ignored {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, _: $ty) -> R {
            Ok(())
        })*
    };
}

/// The compound serializers: each element or field is read for its dates.
macro_rules! compound {
    ($($trait:ident::$method:ident($($key:tt: $key_ty:ty)?)),* $(,)?) => {
        $(impl ser::$trait for &mut Collector {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, $($key: $key_ty,)? v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                Ok(())
            }
        })*
    };
}

impl ser::Serializer for &mut Collector {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_str(self, v: &str) -> R {
        if let Ok(d) = parse_date(v, "") {
            self.0.insert(d);
        }
        Ok(())
    }
    fn collect_str<T: Display + ?Sized>(self, v: &T) -> R {
        self.serialize_str(&v.to_string())
    }
    // Numbers, booleans, characters and bytes hold no date: ignored (the law files are read
    // here only for their dates; no amount passes through a float).
    ignored!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char, serialize_bytes: &[u8]);
    fn serialize_none(self) -> R {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
}

// Sequences and structs: every element or field, in order.
compound!(SerializeSeq::serialize_element(), SerializeTuple::serialize_element(), SerializeTupleStruct::serialize_field(), SerializeTupleVariant::serialize_field());
compound!(SerializeStruct::serialize_field(_: &'static str), SerializeStructVariant::serialize_field(_: &'static str));

impl ser::SerializeMap for &mut Collector {
    type Ok = ();
    type Error = Never;
    // Values only, as the JSON reading did.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> R {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        v.serialize(&mut **self)
    }
    fn end(self) -> R {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::regimes::LAWS;

    fn json_dates(v: &serde_json::Value, out: &mut BTreeSet<NaiveDate>) {
        match v {
            serde_json::Value::String(s) => out.extend(NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| json_dates(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| json_dates(v, out)),
            _ => {}
        }
    }

    #[test]
    fn the_same_dates_as_the_json_of_every_law() {
        for law in LAWS {
            let mut expected = BTreeSet::new();
            json_dates(&serde_json::to_value(law).unwrap_or_default(), &mut expected);
            assert!(!expected.is_empty());
            assert_eq!(dates_of(law), expected);
        }
    }
}
