//! A single pass over JSON text, before it is parsed, that refuses what a
//! parser would either choke on or silently accept: nesting deeper than
//! [`MAX_DEPTH`] and duplicate keys in an object (which JSON parsers resolve by
//! keeping one of them, so that a file could say two things at once). Problems
//! name the JSON path. Malformed JSON is left to the parser, which reports it.

use std::collections::HashSet;

use crate::base::error::DocumentError;

pub use crate::base::limits::MAX_DEPTH;

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
                // An empty key is written `""`, so that its path is not empty.
                p.push_str(if k.is_empty() { "\"\"" } else { k });
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
                        let unit = |at: usize| -> Option<u32> {
                            u32::from_str_radix(std::str::from_utf8(b.get(at..at + 4)?).ok()?, 16).ok()
                        };
                        let high = unit(i + 2)?;
                        // A surrogate pair (`\ud83d\ude00`) is one character, as a parser reads it.
                        let low = (0xD800..0xDC00)
                            .contains(&high)
                            .then(|| (b.get(i + 6..i + 8) == Some(b"\\u")).then(|| unit(i + 8)).flatten())
                            .flatten()
                            .filter(|l| (0xDC00..0xE000).contains(l));
                        let c = match low {
                            Some(low) => {
                                i += 6;
                                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                            }
                            None => char::from_u32(high),
                        }
                        .unwrap_or('\u{FFFD}');
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

/// "at line L, column C" of byte `at` (lines from 1, columns in characters from 1),
/// so that a problem at the top of a file, which has no path, still has a place.
fn position(text: &str, at: usize) -> String {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
    let start = before.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    format!("at line {line}, column {column}")
}

/// Checks nesting depth and duplicate keys. Returns `Ok` for malformed JSON too:
/// the parser that runs next reports syntax errors with their position.
pub fn check_structure(text: &str) -> Result<(), DocumentError> {
    walk(text, text.len()).map(|_| ())
}

/// The JSON path of the value that the parser was reading when it stopped at
/// `line` and `column` (as `serde_json` reports them: line from 1, column in
/// bytes from the start of the line). Used to name the place of a typed error
/// without wrapping the deserialiser, which would double the code of every
/// `Deserialize` implementation in the app.
pub(crate) fn path_at(text: &str, line: usize, column: usize) -> String {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes().enumerate().filter(|&(_, c)| c == b'\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
    };
    let offset = (line_start + column).min(text.len());
    walk(text, offset).map(|stack| path_of(&stack)).unwrap_or_default()
}

/// Reads `text` up to byte `stop`, checking depth and duplicate keys on the
/// way; returns the stack of open objects and arrays at `stop`.
fn walk(text: &str, stop: usize) -> Result<Vec<Frame>, DocumentError> {
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < stop {
        match b[i] {
            b'{' | b'[' => {
                if stack.len() >= MAX_DEPTH {
                    return Err(DocumentError::one(
                        &path_of(&stack),
                        format!("the JSON is nested more than {MAX_DEPTH} levels deep ({})", position(text, i)),
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
                let Some((s, next)) = read_string(b, i + 1) else { return Ok(stack) };
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
                        format!("the key `{s}` appears twice in the same object ({})", position(text, i)),
                    ));
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    Ok(stack)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        check_structure(text).unwrap_err().to_string()
    }

    #[test]
    fn duplicates_are_found_with_their_path() {
        assert_eq!(
            err(r#"{"a":{"b":1,"b":2}}"#),
            "at `a.b`: the key `b` appears twice in the same object (at line 1, column 13)"
        );
        assert_eq!(
            err("{\"t\":[{\"x\":1},\n {\"x\":1,\"x\":2}]}"),
            "at `t[1].x`: the key `x` appears twice in the same object (at line 2, column 9)"
        );
        // Found by fuzzing: at the top of a file a problem had no place at all.
        assert_eq!(
            err(r#"{"":1,"":2}"#),
            "at `\"\"`: the key `` appears twice in the same object (at line 1, column 7)"
        );
        assert!(err(&"[".repeat(65)).ends_with("(at line 1, column 65)"));
        // Two different characters outside the Basic Multilingual Plane are two keys.
        assert!(check_structure(r#"{"\ud83d\ude00":1,"\ud83d\ude01":2}"#).is_ok());
        assert!(err(r#"{"\ud83d\ude00":1,"😀":2}"#).contains("appears twice"));
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

    /// The path comes from the real parser's error position, on one line or many.
    #[test]
    fn typed_errors_get_the_path_of_their_value() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Row {
            level: u8,
            tags: Vec<String>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Doc {
            name: String,
            rows: Vec<Row>,
        }
        let path = |text: &str| {
            let e = serde_json::from_str::<Doc>(text).unwrap_err();
            (path_at(text, e.line(), e.column()), e.to_string())
        };
        let ok_row = r#"{"level":1,"tags":[]}"#;
        let cases = [
            (format!(r#"{{"name":"n","rows":[{ok_row},{{"level":"x","tags":[]}}]}}"#), "rows[1].level", "invalid type: string"),
            (format!(r#"{{"name":"n","rows":[{ok_row},{{"level":1,"tags":[1]}}]}}"#), "rows[1].tags[0]", "invalid type: integer"),
            (r#"{"name":"n","rows":{"level":1}}"#.to_string(), "rows", "invalid type: map"),
            (r#"{"name":[1],"rows":[]}"#.to_string(), "name", "invalid type: sequence"),
            (r#"{"name":"n","rows":[{"level":1}]}"#.to_string(), "rows[0]", "missing field `tags`"),
            (r#"{"name":"n"}"#.to_string(), "", "missing field `rows`"),
            (r#"{"name":"n","rows":[],"colour":1}"#.to_string(), "colour", "unknown field `colour`"),
            ("{\n  \"name\": \"n\",\n  \"rows\": [\n    {\"level\": 1, \"tags\": []},\n    {\"level\": 300, \"tags\": []}\n  ]\n}".to_string(), "rows[1].level", "invalid value"),
        ];
        for (text, want_path, want_message) in cases {
            let (got, message) = path(&text);
            assert_eq!(got, want_path, "{text}");
            assert!(message.contains(want_message), "{message}");
        }
    }
}
