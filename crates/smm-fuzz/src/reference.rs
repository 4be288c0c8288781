//! An independent account of a JSON text's structure, from `serde_json`'s own
//! parser rather than SMM Navigator's scan: the deepest nesting of objects and
//! arrays, and whether any object repeats a key (compared after escapes are
//! resolved, as a parser compares them). The scan target checks the scan
//! against it.

use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// What the reference parser saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Structure {
    /// The deepest nesting of objects and arrays (a lone number is 0, `[]` is 1).
    pub depth: usize,
    /// Some object has the same key twice.
    pub duplicate_key: bool,
}

struct Probe<'a> {
    depth: usize,
    deepest: &'a Cell<usize>,
    duplicate: &'a Cell<bool>,
}

impl<'a> Probe<'a> {
    fn inner(&self) -> Probe<'a> {
        self.deepest.set(self.deepest.get().max(self.depth + 1));
        Probe { depth: self.depth + 1, deepest: self.deepest, duplicate: self.duplicate }
    }
}

impl<'de> DeserializeSeed<'de> for Probe<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Probe<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inner = self.inner();
        while seq.next_element_seed(inner.inner_same())?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inner = self.inner();
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !keys.insert(key) {
                inner.duplicate.set(true);
            }
            map.next_value_seed(inner.inner_same())?;
        }
        Ok(())
    }
}

impl Probe<'_> {
    fn inner_same(&self) -> Probe<'_> {
        Probe { depth: self.depth, deepest: self.deepest, duplicate: self.duplicate }
    }
}

/// The structure of `text`, or `None` when `serde_json` does not read it as
/// JSON (including nesting beyond its own limit of 128).
pub fn structure(text: &str) -> Option<Structure> {
    let (deepest, duplicate) = (Cell::new(0), Cell::new(false));
    let mut de = serde_json::Deserializer::from_str(text);
    Probe { depth: 0, deepest: &deepest, duplicate: &duplicate }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(Structure { depth: deepest.get(), duplicate_key: duplicate.get() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_and_duplicates_as_a_parser_sees_them() {
        assert_eq!(structure("1"), Some(Structure { depth: 0, duplicate_key: false }));
        assert_eq!(structure("[]"), Some(Structure { depth: 1, duplicate_key: false }));
        assert_eq!(structure(r#"{"a":[{"b":[]}]}"#), Some(Structure { depth: 4, duplicate_key: false }));
        assert_eq!(structure(r#"{"a":1,"b":{"c":1,"c":2}}"#).map(|s| s.duplicate_key), Some(true));
        // Escapes are resolved before keys are compared.
        assert_eq!(structure(r#"{"a":1,"\u0061":2}"#).map(|s| s.duplicate_key), Some(true));
        assert_eq!(structure(r#"{"\ud83d\ude00":1,"\ud83d\ude01":2}"#).map(|s| s.duplicate_key), Some(false));
        assert_eq!(structure("[1,"), None);
        assert_eq!(structure("[1] x"), None);
    }
}
