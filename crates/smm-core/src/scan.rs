//! A single pass over JSON text, before it is parsed, that refuses what a
//! parser would either choke on or silently accept: nesting deeper than
//! [`MAX_DEPTH`] and duplicate keys in an object (which JSON parsers resolve by
//! keeping one of them, so that a file could say two things at once). Problems
//! name the JSON path. Malformed JSON is left to the parser, which reports it.

use std::collections::HashSet;

use crate::document::DocumentError;

/// The deepest nesting of objects and arrays accepted. An assessment needs 5.
pub const MAX_DEPTH: usize = 64;

enum Frame {
    Object { keys: HashSet<String>, key: Option<String>, expect_key: bool },
    Array { index: usize },
}

fn path_of(stack: &[Frame]) -> String {
    let mut p = String::new();
    for f in stack {
        match f {
            Frame::Object { key: Some(k), .. } => {
                if !p.is_empty() {
                    p.push('.');
                }
                p.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => p.push_str(&format!("[{index}]")),
        }
    }
    p
}

/// Reads a JSON string starting after its opening quote; returns its decoded
/// text (escapes resolved where simple) and the index after the closing quote.
fn read_string(b: &[u8], mut i: usize) -> Option<(String, usize)> {
    let mut out = Vec::new();
    while i < b.len() {
        match b[i] {
            b'"' => return Some((String::from_utf8_lossy(&out).into_owned(), i + 1)),
            b'\\' => {
                let e = *b.get(i + 1)?;
                match e {
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'r' => out.push(b'\r'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'u' => {
                        let hex = std::str::from_utf8(b.get(i + 2..i + 6)?).ok()?;
                        let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        i += 4;
                    }
                    other => out.push(other),
                }
                i += 2;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    None
}

/// Checks nesting depth and duplicate keys. Returns `Ok` for malformed JSON too:
/// the parser that runs next reports syntax errors with their position.
pub fn check_structure(text: &str) -> Result<(), DocumentError> {
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' | b'[' => {
                if stack.len() >= MAX_DEPTH {
                    return Err(DocumentError::one(
                        &path_of(&stack),
                        format!("the JSON is nested more than {MAX_DEPTH} levels deep"),
                    ));
                }
                stack.push(if b[i] == b'{' {
                    Frame::Object { keys: HashSet::new(), key: None, expect_key: true }
                } else {
                    Frame::Array { index: 0 }
                });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                    Some(Frame::Array { index }) => *index += 1,
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                let Some((s, next)) = read_string(b, i + 1) else { return Ok(()) };
                let mut duplicate = false;
                if let Some(Frame::Object { keys, key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        duplicate = !keys.insert(s.clone());
                        *key = Some(s.clone());
                        *expect_key = false;
                    }
                }
                if duplicate {
                    return Err(DocumentError::one(
                        &path_of(&stack),
                        format!("the key `{s}` appears twice in the same object"),
                    ));
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        check_structure(text).unwrap_err().to_string()
    }

    #[test]
    fn duplicates_are_found_with_their_path() {
        assert_eq!(err(r#"{"a":{"b":1,"b":2}}"#), "at `a.b`: the key `b` appears twice in the same object");
        assert_eq!(
            err(r#"{"t":[{"x":1},{"x":1,"x":2}]}"#),
            "at `t[1].x`: the key `x` appears twice in the same object"
        );
        assert!(check_structure(r#"{"a":{"b":1},"c":{"b":2},"s":"{\"a\":1,\"a\":2}"}"#).is_ok());
        assert!(err(r#"{"k\u0061":1,"ka":2}"#).contains("`ka` appears twice"));
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(err(&deep).contains("nested more than 64 levels"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(check_structure(&ok).is_ok());
    }

    #[test]
    fn malformed_input_is_left_to_the_parser() {
        for t in ["{\"a", "{\"a\":\"\\", "]]]", "", "{{{"] {
            assert!(check_structure(t).is_ok(), "{t}");
        }
    }
}
