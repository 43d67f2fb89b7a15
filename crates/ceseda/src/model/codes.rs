//! The small closed vocabularies of the contract (procedures, components, sub-case values…):
//! one macro defines, for each, the snake_case code, its French and English labels, `FromStr`,
//! `Display` and serde, so that every binding accepts and prints the same strings.

/// A language for labels, messages and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// French.
    Fr,
    /// English (the default).
    #[default]
    En,
}

impl Lang {
    /// Every language, in the order of the labels (`fr`, then `en`).
    pub const ALL: &'static [Lang] = &[Lang::Fr, Lang::En];

    /// The code: `"fr"` or `"en"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// `fr` or `en`; anything else is an `unknown_code` error on the field `lang`.
    pub fn parse(s: &str) -> Result<Lang, crate::Error> {
        match s {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            _ => Err(crate::Error::unknown_code("lang", s, ["fr", "en"])),
        }
    }

    /// Picks the French or the English text.
    pub const fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, crate::Error> {
        Lang::parse(s)
    }
}

/// What the schema needs to know of a closed vocabulary.
pub trait Code: Copy + 'static {
    /// The request field (or answer field) whose values these are.
    const FIELD: &'static str;
    /// Every value, in declaration order.
    fn all() -> &'static [Self];
    /// The stable snake_case code.
    fn code(self) -> &'static str;
    /// The French label.
    fn label_fr(self) -> &'static str;
    /// The English label.
    fn label_en(self) -> &'static str;
}

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($field:literal) {
            $( $(#[doc = $doc:literal])* $variant:ident => $code:literal, $fr:literal, $en:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];
            /// Every code, in declaration order.
            pub const CODES: &'static [&'static str] = &[ $( $code, )* ];

            /// The stable snake_case code (serde name and `FromStr` input).
            pub const fn code(self) -> &'static str {
                match self { $( $name::$variant => $code, )* }
            }

            /// The position in [`Self::ALL`] (the declaration order).
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The French label.
            pub const fn label_fr(self) -> &'static str {
                match self { $( $name::$variant => $fr, )* }
            }

            /// The English label.
            pub const fn label_en(self) -> &'static str {
                match self { $( $name::$variant => $en, )* }
            }

            /// The label in `lang`.
            pub const fn label(self, lang: $crate::model::codes::Lang) -> &'static str {
                lang.pick(self.label_fr(), self.label_en())
            }

            /// Parses a code, naming `field` in the error.
            pub fn parse_field(s: &str, field: &'static str) -> Result<Self, $crate::Error> {
                match s {
                    $( $code => Ok($name::$variant), )*
                    _ => Err($crate::Error::unknown_code(field, s, Self::CODES.iter().copied())),
                }
            }
        }

        impl $crate::model::codes::Code for $name {
            const FIELD: &'static str = $field;
            fn all() -> &'static [Self] { Self::ALL }
            fn code(self) -> &'static str { $name::code(self) }
            fn label_fr(self) -> &'static str { $name::label_fr(self) }
            fn label_en(self) -> &'static str { $name::label_en(self) }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> Result<Self, $crate::Error> {
                Self::parse_field(s, $field)
            }
        }

        impl ::std::fmt::Display for $name {
            // `pad`, not `write_str`: width and alignment (`{:<32}`) apply to codes too.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.code())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use code_enum;

#[cfg(test)]
mod tests {
    use crate::model::procedure::Procedure;

    #[test]
    fn display_honours_width_and_alignment() {
        assert_eq!(format!("[{:<12}]", Procedure::Renewal), "[renewal     ]");
        assert_eq!(format!("[{:>9}]", Procedure::Duplicate), "[duplicate]");
    }

    #[test]
    fn lang_parses_fr_and_en_only() {
        assert_eq!(super::Lang::parse("fr").ok(), Some(super::Lang::Fr));
        assert_eq!(super::Lang::parse("de").map_err(|e| e.code()), Err("unknown_code"));
    }
}
