//! Comprehensiveness levels (0-4) and scopes (general, industry, system).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// A comprehensiveness level of the SMM, 0 (None) to 4 (Formalized).
///
/// The value is always in range: deserialising 5, -1, 2.5 or `"3"` fails with a
/// message that says what a level is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Level(u8);

impl Level {
    /// Level 0, None.
    pub const NONE: Level = Level(0);
    /// Level 4, Formalized: the highest level.
    pub const MAX: Level = Level(4);
    /// Every level, 0 to 4.
    pub const ALL: [Level; 5] = [Level(0), Level(1), Level(2), Level(3), Level(4)];
    /// The levels that have a practice table entry, 1 to 4.
    pub const GRADED: [Level; 4] = [Level(1), Level(2), Level(3), Level(4)];

    /// The level `n`, or `None` when `n` is above 4.
    pub const fn new(n: u8) -> Option<Level> {
        if n <= 4 {
            Some(Level(n))
        } else {
            None
        }
    }

    /// The level as a number, 0 to 4.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// The level's name in the model: None, Minimum, Ad hoc, Consistent, Formalized.
    pub const fn name(self) -> &'static str {
        match self.0 {
            0 => "None",
            1 => "Minimum",
            2 => "Ad hoc",
            3 => "Consistent",
            _ => "Formalized",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LevelVisitor;
        impl Visitor<'_> for LevelVisitor {
            type Value = Level;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a level: a whole number from 0 to 4")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Level, E> {
                u8::try_from(v)
                    .ok()
                    .and_then(Level::new)
                    .ok_or_else(|| E::custom(format!("level {v} is out of range: levels run from 0 to 4")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Level, E> {
                match u64::try_from(v) {
                    Ok(u) => self.visit_u64(u),
                    Err(_) => Err(E::custom(format!("level {v} is out of range: levels run from 0 to 4"))),
                }
            }
        }
        deserializer.deserialize_u64(LevelVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Level {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Level".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A comprehensiveness level: 0 None, 1 Minimum, 2 Ad hoc, 3 Consistent, 4 Formalized.",
            "type": "integer",
            "minimum": 0,
            "maximum": 4
        })
    }
}

/// The scope of a target or a result. Ordered from narrowest to widest:
/// `General < Industry < System`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Good practice common to all industries (the base model).
    #[default]
    General,
    /// Adds the considerations of one industry.
    Industry,
    /// Adds the considerations of one kind of system or device.
    System,
}

impl Scope {
    /// Every scope, narrowest first.
    pub const ALL: [Scope; 3] = [Scope::General, Scope::Industry, Scope::System];

    /// The stable id used in files.
    pub const fn id(self) -> &'static str {
        match self {
            Scope::General => "general",
            Scope::Industry => "industry",
            Scope::System => "system",
        }
    }

    /// The display name.
    pub const fn name(self) -> &'static str {
        match self {
            Scope::General => "General",
            Scope::Industry => "Industry",
            Scope::System => "System",
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_in_range_and_reject_the_rest() {
        assert_eq!(serde_json::from_str::<Level>("3").unwrap(), Level(3));
        for bad in ["5", "-1", "2.5", "\"3\"", "null", "300"] {
            let err = serde_json::from_str::<Level>(bad).unwrap_err().to_string();
            assert!(err.contains("level") || err.contains("0 to 4"), "{bad}: {err}");
        }
        assert!(serde_json::from_str::<Level>("5").unwrap_err().to_string().contains("out of range"));
    }

    #[test]
    fn scopes_are_ordered_narrow_to_wide() {
        assert!(Scope::General < Scope::Industry && Scope::Industry < Scope::System);
        assert_eq!(serde_json::to_string(&Scope::Industry).unwrap(), "\"industry\"");
    }
}
