//! Structure-aware mutations, seeded and reproducible. Three layers:
//!
//! - bytes: flip a bit, set an interesting byte, insert a token from the
//!   dictionary, delete, duplicate or truncate a range, splice with another
//!   corpus file, add a byte order mark or invalid UTF-8;
//! - JSON (when the input parses): change a value's type, swap in a string or
//!   key the corpora use, drop or add a member, write a member twice
//!   (duplicate keys), deepen a value by up to 80 levels, repeat a list item
//!   up to 80 times, copy a subtree from another file, set `format` and
//!   `version`, write strings with `\u` escapes (surrogate pairs included);
//! - zip (workbooks): unpack, mutate one part (its cell texts from the
//!   dictionary, or its bytes), drop or duplicate a part, pack it again;
//! - attacks, one time in 32 ([`crate::attack`]): the shapes an attacker
//!   builds on purpose (long chains of parents, long ids, repeated
//!   characters, quoting variants, extreme numbers).

use serde_json::{Map, Value};

use crate::rng::Rng;

pub use crate::kind::{Kind, MAX_INPUT};

/// Strings and keys to swap in: gathered from the corpora, plus edge cases.
#[derive(Clone, Debug, Default)]
pub struct Dict {
    /// Keys of JSON objects.
    pub keys: Vec<String>,
    /// String values.
    pub strings: Vec<String>,
}

const TOKENS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e999",
    "-0",
    "0.5",
    "18446744073709551616",
    "4294967296",
    "256",
    "{}",
    "[]",
    "\"\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\ud83d\\ude00\"",
    ",",
    ":",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\\",
    "\n",
    "\u{feff}",
    "\u{202e}",
    "<script>",
    "-->",
];

const EDGE_STRINGS: &[&str] = &[
    "",
    " ",
    "x",
    "\u{0}",
    "\u{7}",
    "\n",
    "\u{202e}",
    "\u{feff}",
    "😀",
    "a\u{0301}",
    "(redacted)",
    "2026-02-30",
    "2026-12-02",
    "2026-12-02T00:00:00Z",
    "9999-99-99",
    "../../etc/passwd",
    "<img src=x onerror=alert(1)>",
    "=1+1",
    "@SUM(A1)",
    "yes",
    "no",
    "met",
    "0",
    "4",
    "5",
    "-1",
    "general",
    "industry",
    "system",
    "high",
    "medium",
    "low",
    "planned",
    "in-progress",
    "done",
    "scrypt",
    "X25519",
    "ssh-ed25519",
];

impl Dict {
    /// The keys and strings of every JSON seed, with the edge cases.
    pub fn from_seeds(seeds: &[Vec<u8>]) -> Dict {
        let mut keys = std::collections::BTreeSet::new();
        let mut strings: std::collections::BTreeSet<String> = EDGE_STRINGS.iter().map(|s| s.to_string()).collect();
        fn walk(
            v: &Value,
            keys: &mut std::collections::BTreeSet<String>,
            strings: &mut std::collections::BTreeSet<String>,
        ) {
            match v {
                Value::Object(m) => {
                    for (k, x) in m {
                        keys.insert(k.clone());
                        walk(x, keys, strings);
                    }
                }
                Value::Array(a) => a.iter().for_each(|x| walk(x, keys, strings)),
                Value::String(s) if s.chars().count() <= 120 => {
                    strings.insert(s.clone());
                }
                _ => {}
            }
        }
        for seed in seeds {
            if let Ok(v) = serde_json::from_slice::<Value>(seed) {
                walk(&v, &mut keys, &mut strings);
            }
        }
        let cat = smm_core::Catalogue::builtin();
        for p in &cat.practices {
            strings.insert(p.id.clone());
            for (_, i) in p.indicators() {
                strings.insert(i.id.clone());
            }
        }
        Dict { keys: keys.into_iter().collect(), strings: strings.into_iter().collect() }
    }

    fn string(&self, rng: &mut Rng) -> String {
        if self.strings.is_empty() || rng.one_in(8) {
            rng.pick(EDGE_STRINGS).to_string()
        } else {
            rng.pick(&self.strings).clone()
        }
    }

    fn key(&self, rng: &mut Rng) -> String {
        if self.keys.is_empty() || rng.one_in(6) {
            self.string(rng)
        } else {
            rng.pick(&self.keys).clone()
        }
    }
}

/// How rarely an attack is tried instead of a mutation. An attack builds inputs
/// of up to megabytes, so at one in eight it took three quarters of a run's time
/// (measured with `perf`: the import target ran 765 inputs a second); the
/// shapes' growth is checked apart, at every size, by [`crate::attack::growth`].
const ATTACK_ONE_IN: usize = 32;

/// One mutation of `input`, using `corpus` for splices and `dict` for words.
pub fn mutate(kind: Kind, input: &[u8], corpus: &[Vec<u8>], dict: &Dict, rng: &mut Rng) -> Vec<u8> {
    if rng.one_in(ATTACK_ONE_IN) {
        if let Some(mut out) = crate::attack::attack(kind, input, rng) {
            out.truncate(MAX_INPUT);
            return out;
        }
    }
    let mut out = match kind {
        Kind::Json => {
            if rng.below(100) < 55 {
                json_mutation(input, corpus, dict, rng).unwrap_or_else(|| byte_mutation(input, corpus, rng))
            } else {
                byte_mutation(input, corpus, rng)
            }
        }
        Kind::Age => {
            if rng.one_in(2) {
                line_mutation(input, dict, rng)
            } else {
                byte_mutation(input, corpus, rng)
            }
        }
        Kind::Zip => {
            if rng.below(100) < 80 {
                zip_mutation(input, corpus, dict, rng).unwrap_or_else(|| byte_mutation(input, corpus, rng))
            } else {
                byte_mutation(input, corpus, rng)
            }
        }
    };
    // Stack a second mutation now and then.
    if rng.one_in(4) {
        out = byte_mutation(&out, corpus, rng);
    }
    out.truncate(MAX_INPUT);
    out
}

fn range(rng: &mut Rng, len: usize) -> (usize, usize) {
    let a = rng.below(len + 1);
    let cap = if rng.one_in(4) { 4096 } else { 32 };
    let most = (len - a).min(cap);
    (a, a + rng.below(most + 1))
}

/// A mutation of the bytes, whatever they are.
pub fn byte_mutation(input: &[u8], corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut b = input.to_vec();
    match rng.below(11) {
        0 if !b.is_empty() => {
            let i = rng.below(b.len());
            b[i] ^= 1 << rng.below(8);
        }
        1 if !b.is_empty() => {
            let i = rng.below(b.len());
            b[i] = *rng.pick(&[0u8, 0xff, 0x7f, 0x80, b'"', b'{', b'[', b'\\', b',', b':', b'\n', b'0', b'-', 0xc3]);
        }
        2 => {
            let i = rng.below(b.len() + 1);
            let t = rng.pick(TOKENS).as_bytes().to_vec();
            b.splice(i..i, t);
        }
        3 => {
            let (s, e) = range(rng, b.len());
            b.drain(s..e);
        }
        4 => {
            let (s, e) = range(rng, b.len());
            let copy = b[s..e].to_vec();
            let most = if rng.one_in(8) { 200 } else { 3 };
            let reps = 1 + rng.below(most);
            let at = rng.below(b.len() + 1);
            b.splice(at..at, copy.iter().copied().cycle().take(copy.len() * reps));
        }
        5 => {
            b.truncate(rng.below(b.len() + 1));
        }
        6 if !corpus.is_empty() => {
            let other = rng.pick(corpus);
            let cut = rng.below(b.len() + 1);
            let from = rng.below(other.len() + 1);
            b.truncate(cut);
            b.extend_from_slice(&other[from..]);
        }
        7 => {
            let i = rng.below(b.len() + 1);
            const BAD: &[&[u8]] = &[b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00"];
            let bad = *rng.pick::<&[u8]>(BAD);
            b.splice(i..i, bad.iter().copied());
        }
        8 => {
            b.splice(0..0, *b"\xEF\xBB\xBF");
        }
        9 if !b.is_empty() => {
            // Change a run of digits to an edge number.
            let i = rng.below(b.len());
            if let Some(start) = b[i..].iter().position(u8::is_ascii_digit).map(|p| p + i) {
                let end = b[start..].iter().position(|c| !c.is_ascii_digit()).map_or(b.len(), |p| p + start);
                let n = rng.pick(&["0", "1", "2", "4", "5", "6", "9", "63", "64", "65", "255", "99999999999999999999"]);
                b.splice(start..end, n.bytes());
            }
        }
        _ => {
            let i = rng.below(b.len() + 1);
            let n = 1 + rng.below(8);
            let random: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
            b.splice(i..i, random);
        }
    }
    b
}

/// JSON pointers (RFC 6901) of every value in `v`, the root first.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    if out.len() > 20_000 {
        return;
    }
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn random_value(dict: &Dict, rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => Value::Bool(rng.one_in(2)),
        2 => Value::from(*rng.pick(&[0i64, 1, 2, 3, 4, 5, -1, 255, 256, 65_536, i64::MAX, i64::MIN])),
        3 => Value::from(*rng.pick(&[0.5f64, -0.0, 1e300, 3.999_999, 2.0])),
        4 => Value::Array(Vec::new()),
        5 => Value::Object(Map::new()),
        6 => Value::String("x".repeat(*rng.pick(&[1000usize, 100_000, 100_001, 200_000]))),
        _ => Value::String(dict.string(rng)),
    }
}

fn json_mutation(input: &[u8], corpus: &[Vec<u8>], dict: &Dict, rng: &mut Rng) -> Option<Vec<u8>> {
    let mut root: Value = serde_json::from_slice(input).ok()?;
    let mut all = Vec::new();
    pointers(&root, String::new(), &mut all);
    let at = rng.pick(&all).clone();
    let mut duplicate_at: Option<String> = None;
    let mut escape = false;
    {
        let node = root.pointer_mut(&at)?;
        match rng.below(13) {
            0 => *node = random_value(dict, rng),
            1 => *node = Value::String(dict.string(rng)),
            2 => {
                if let Value::Object(m) = node {
                    if !m.is_empty() {
                        let k = m.keys().nth(rng.below(m.len()))?.clone();
                        m.remove(&k);
                    }
                } else if let Value::Array(a) = node {
                    if !a.is_empty() {
                        a.remove(rng.below(a.len()));
                    }
                }
            }
            3 => match node {
                Value::Object(m) => {
                    m.insert(dict.key(rng), random_value(dict, rng));
                }
                Value::Array(a) => {
                    let v = a.first().cloned().unwrap_or_else(|| random_value(dict, rng));
                    a.push(v);
                }
                _ => *node = random_value(dict, rng),
            },
            4 => duplicate_at = Some(at.clone()),
            5 => {
                let depth = 1 + rng.below(80);
                let mut v = node.take();
                for _ in 0..depth {
                    v = if rng.one_in(2) {
                        Value::Array(vec![v])
                    } else {
                        Value::Object(Map::from_iter([(dict.key(rng), v)]))
                    };
                }
                *node = v;
            }
            6 => {
                if let Value::Array(a) = node {
                    if let Some(item) = a.get(rng.below(a.len().max(1))).cloned() {
                        let n = 1 + rng.below(80);
                        a.extend(std::iter::repeat_n(item, n));
                    }
                }
            }
            7 if !corpus.is_empty() => {
                let bytes: &Vec<u8> = rng.pick(corpus);
                let other: Value = serde_json::from_slice(bytes).ok()?;
                let mut theirs = Vec::new();
                pointers(&other, String::new(), &mut theirs);
                let p: &String = rng.pick(&theirs);
                *node = other.pointer(p)?.clone();
            }
            8 => {
                if let Value::Object(m) = node {
                    if !m.is_empty() {
                        let k = m.keys().nth(rng.below(m.len()))?.clone();
                        let v = m.remove(&k)?;
                        m.insert(dict.key(rng), v);
                    }
                } else {
                    *node = Value::String(dict.key(rng));
                }
            }
            9 => {
                if let Value::Object(m) = &mut root {
                    if rng.one_in(2) {
                        m.insert("version".into(), Value::from(rng.below(7) as u64));
                    } else {
                        let f = rng.pick(&[
                            "smm-navigator/assessment",
                            "smm-navigator/bundle",
                            "smm-navigator/snapshots",
                            "smm-navigator/profile",
                            "smm-navigator/framework",
                            "smm-navigator/mapping",
                            "smm-navigator/interview",
                            "smm-navigator/answers",
                        ]);
                        m.insert("format".into(), Value::from(*f));
                    }
                }
            }
            10 => escape = true,
            11 => {
                if let Value::String(s) = node {
                    let i = rng.below(s.chars().count() + 1);
                    let c =
                        *rng.pick(&['\u{0}', '\u{1f}', '\u{7f}', '\u{85}', '\u{2028}', '\u{202e}', '😀', '\u{fffd}']);
                    let mut chars: Vec<char> = s.chars().collect();
                    chars.insert(i, c);
                    *s = chars.into_iter().collect();
                } else {
                    *node = Value::String(dict.string(rng));
                }
            }
            _ => {
                // Type change, keeping the content where one can.
                *node = match node.take() {
                    Value::String(s) => {
                        s.parse::<f64>().map(Value::from).unwrap_or(Value::Array(vec![Value::String(s)]))
                    }
                    Value::Number(n) => Value::String(n.to_string()),
                    Value::Array(a) => {
                        Value::Object(a.into_iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect())
                    }
                    Value::Object(m) => Value::Array(m.into_iter().map(|(_, v)| v).collect()),
                    Value::Bool(b) => Value::from(u8::from(b)),
                    Value::Null => Value::String(String::new()),
                };
            }
        }
    }
    let mut out = String::new();
    write_json(&root, "", duplicate_at.as_deref(), escape, rng.one_in(3), &mut out);
    Some(out.into_bytes())
}

/// Writes JSON like `serde_json` does, except that the object at pointer
/// `duplicate` gets its first member twice, and with `escape` every non-ASCII
/// character is written as `\u` escapes (UTF-16, so surrogate pairs).
fn write_json(v: &Value, at: &str, duplicate: Option<&str>, escape: bool, pretty: bool, out: &mut String) {
    match v {
        Value::Object(m) => {
            out.push('{');
            let mut first = true;
            let mut member = |k: &str, x: &Value, out: &mut String| {
                if !first {
                    out.push(',');
                }
                first = false;
                if pretty {
                    out.push_str("\n ");
                }
                write_string(k, escape, out);
                out.push(':');
                write_json(
                    x,
                    &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    duplicate,
                    escape,
                    pretty,
                    out,
                );
            };
            for (k, x) in m {
                member(k, x, out);
            }
            if duplicate == Some(at) {
                if let Some((k, x)) = m.iter().next() {
                    member(k, x, out);
                }
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(x, &format!("{at}/{i}"), duplicate, escape, pretty, out);
            }
            out.push(']');
        }
        Value::String(s) => write_string(s, escape, out),
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(s: &str, escape: bool, out: &mut String) {
    if !escape {
        out.push_str(&Value::String(s.to_string()).to_string());
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out.push('"');
}

/// Age headers are lines: drop, repeat or swap one, or change one of its words.
fn line_mutation(input: &[u8], dict: &Dict, rng: &mut Rng) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = input.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    // Only the header lines (before `---`, and that line) are structured.
    let header = lines.iter().position(|l| l.starts_with(b"---")).map_or(lines.len(), |p| p + 1).max(1);
    let i = rng.below(header);
    match rng.below(5) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        2 => {
            let j = rng.below(header);
            lines.swap(i, j);
        }
        3 => {
            let mut words: Vec<String> = String::from_utf8_lossy(&lines[i]).split(' ').map(str::to_string).collect();
            let w = rng.below(words.len());
            words[w] = if rng.one_in(2) {
                rng.pick(&[
                    "0", "1", "4", "5", "20", "21", "63", "64", "255", "256", "-1", "", "scrypt", "X25519", "->", "---",
                ])
                .to_string()
            } else {
                dict.string(rng)
            };
            lines[i] = words.join(" ").into_bytes();
        }
        _ => {
            const STANZAS: &[&[u8]] =
                &[b"-> scrypt AAAAAAAAAAAAAAAAAAAAAA 4", b"-> X25519 abc", b"-> scrypt", b"->", b"---", b""];
            let stanza = *rng.pick::<&[u8]>(STANZAS);
            lines.insert(i, stanza.to_vec());
        }
    }
    lines.join(&b'\n')
}

/// Unpacks a zip, mutates one part, packs it again (parts stored, not compressed).
fn zip_mutation(input: &[u8], corpus: &[Vec<u8>], dict: &Dict, rng: &mut Rng) -> Option<Vec<u8>> {
    let mut parts = crate::pack::unzip(input)?;
    // Sheets and shared strings carry what is read; pick them most often.
    let interesting: Vec<usize> = (0..parts.len())
        .filter(|&i| {
            parts[i].0.contains("worksheets/sheet")
                || parts[i].0.contains("sharedStrings")
                || parts[i].0.ends_with("workbook.xml")
        })
        .collect();
    let i = if !interesting.is_empty() && rng.below(10) < 8 { *rng.pick(&interesting) } else { rng.below(parts.len()) };
    match rng.below(10) {
        0 => {
            parts.remove(i);
        }
        1 => {
            let copy = parts[i].clone();
            parts.push((format!("{}x", copy.0), copy.1));
        }
        2..=6 => parts[i].1 = xml_text_mutation(&parts[i].1, dict, rng),
        _ => parts[i].1 = byte_mutation(&parts[i].1, corpus, rng),
    }
    crate::pack::zip(&parts, zip::CompressionMethod::Stored)
}

/// Replaces the text of one XML element (a cell's value or a shared string)
/// with a word from the dictionary, or an attribute value with a number.
fn xml_text_mutation(xml: &[u8], dict: &Dict, rng: &mut Rng) -> Vec<u8> {
    // Positions right after a `>` that starts element text.
    let starts: Vec<usize> = xml
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'>' && xml.get(i + 1).is_some_and(|&n| n != b'<'))
        .map(|(i, _)| i + 1)
        .collect();
    if starts.is_empty() {
        return xml.to_vec();
    }
    let s = *rng.pick(&starts);
    let e = xml[s..].iter().position(|&b| b == b'<').map_or(xml.len(), |p| p + s);
    let word = dict.string(rng);
    let escaped = word.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut out = xml[..s].to_vec();
    out.extend_from_slice(escaped.as_bytes());
    out.extend_from_slice(&xml[e..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_mutates_the_same_way() {
        let seed = br#"{"format":"smm-navigator/assessment","version":5,"targets":{"a":{"level":2}}}"#.to_vec();
        let corpus = vec![seed.clone()];
        let dict = Dict::from_seeds(&corpus);
        let run = |s| {
            let mut rng = Rng::new(s);
            (0..200).map(|_| mutate(Kind::Json, &seed, &corpus, &dict, &mut rng)).collect::<Vec<_>>()
        };
        assert_eq!(run(1), run(1));
        assert_ne!(run(1), run(2));
    }

    #[test]
    fn duplicate_keys_and_escapes_are_written() {
        let v: Value = serde_json::from_str(r#"{"a":{"b":1},"c":"é😀"}"#).unwrap();
        let mut out = String::new();
        write_json(&v, "", Some("/a"), true, false, &mut out);
        assert_eq!(out, r#"{"a":{"b":1,"b":1},"c":"\u00e9\ud83d\ude00"}"#);
    }
}
