//! Attacks: the shapes an attacker builds on purpose and random mutations
//! almost never reach (an outside review found inputs that hang or crash the
//! readers after 61 million mutated executions without a finding). Two uses:
//!
//! - [`attack`], one of the mutations [`crate::mutate::mutate`] picks now and
//!   then: long chains of parents, long ids, one character repeated, deep
//!   nesting, many copies of one item, extreme numbers; in workbooks, runs of
//!   `<`, attributes quoted every way, reversed ranges, huge cell references,
//!   extreme cell values; in age files, long header lines and many stanzas;
//! - [`SHAPES`] and [`growth`]: each attack as a shape of a chosen size, built
//!   from the target's first seed, timed at size n and 8n. Time that grows with
//!   the square of the input takes 64 times as long for 8 times the input; the
//!   check fails at 16, so a quadratic path fails a test before an attacker
//!   finds it.

use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use crate::kind::Kind;
use crate::rng::Rng;

/// Keys whose values are ids or refer to one.
const ID_KEYS: &[&str] =
    &["id", "parent", "group", "requirement", "practice", "framework", "assessment_id", "interview_id"];
/// Characters an attacker repeats: the ones readers scan for.
const REPEATED: &[char] = &['<', '[', '{', '"', '\\', '&', '\'', '=', ':', '-', '\u{202e}', '\u{0}', 'a'];
/// Numbers at the edges of what a reader converts.
const EXTREME: &[&str] =
    &["1e300", "-1e300", "1e999", "-1e999", "5e-324", "18446744073709551616", "-9223372036854775809", "-0", "1e-400"];

/// One attack on `input`, as a reader of `kind` reads it; `None` when the input
/// has nothing to attack (the caller mutates it another way).
pub fn attack(kind: Kind, input: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let n = [8, 64, 600, 5_000, 40_000][rng.below(5)];
    match kind {
        Kind::Json => json_attack(input, n, rng),
        Kind::Zip => {
            let part = *rng.pick(&["worksheets/sheet", "sharedStrings", "workbook.xml"]);
            let xml = xml_attack(n, rng);
            replace_part(input, part, &xml)
        }
        Kind::Age => Some(age_attack(input, n, rng)),
    }
}

fn json_attack(input: &[u8], n: usize, rng: &mut Rng) -> Option<Vec<u8>> {
    let mut root: Value = serde_json::from_slice(input).ok()?;
    let mut raw: Option<String> = None;
    match rng.below(7) {
        0 => chain(&mut root, n.min(3_000), rng.below(60) + 1)?,
        1 => {
            let key = *rng.pick(ID_KEYS);
            set_first(&mut root, key, Value::String(repeat(*rng.pick(REPEATED), n)))?;
        }
        2 => {
            let s = strings(&root);
            if s.is_empty() {
                return None;
            }
            let at = rng.pick(&s).clone();
            *root.pointer_mut(&at)? = Value::String(repeat(*rng.pick(REPEATED), n));
        }
        3 => {
            let at = largest_array(&root)?;
            let a = root.pointer_mut(&at)?.as_array_mut()?;
            let item = a.first()?.clone();
            let n = fitting(&item, n.min(20_000));
            a.extend(std::iter::repeat_n(item, n));
        }
        4 => raw = Some(format!("{}{}", "[".repeat(n.min(100_000)), "]".repeat(n.min(100_000)))),
        5 => raw = Some(repeat(*rng.pick(&['[', '{', '"', ':', ',']), n)),
        _ => {
            let mut nums = Vec::new();
            pointers_where(&root, String::new(), &mut nums, &|v| v.is_number());
            if nums.is_empty() {
                return None;
            }
            let at = rng.pick(&nums).clone();
            *root.pointer_mut(&at)? = Value::String("\u{0}EXTREME".into());
            let text = serde_json::to_string(&root).ok()?;
            let number = rng.pick(EXTREME).to_string();
            return Some(text.replacen("\"\\u0000EXTREME\"", &number, 1).into_bytes());
        }
    }
    Some(raw.unwrap_or_else(|| root.to_string()).into_bytes())
}

fn repeat(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

fn pointers_where(v: &Value, at: String, out: &mut Vec<String>, keep: &dyn Fn(&Value) -> bool) {
    if keep(v) {
        out.push(at.clone());
    }
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers_where(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out, keep);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers_where(x, format!("{at}/{i}"), out, keep);
            }
        }
        _ => {}
    }
}

fn strings(root: &Value) -> Vec<String> {
    let mut out = Vec::new();
    pointers_where(root, String::new(), &mut out, &Value::is_string);
    out
}

/// The pointer of the longest array of objects (groups, requirements, rows, entries).
fn largest_array(root: &Value) -> Option<String> {
    let mut all = Vec::new();
    pointers_where(root, String::new(), &mut all, &|v| {
        v.as_array().is_some_and(|a| a.first().is_some_and(Value::is_object))
    });
    all.into_iter().max_by_key(|p| root.pointer(p).and_then(Value::as_array).map_or(0, Vec::len))
}

/// Sets the first member named `key` anywhere in the document.
fn set_first(v: &mut Value, key: &str, to: Value) -> Option<()> {
    match v {
        Value::Object(m) => {
            if let Some(x) = m.get_mut(key) {
                *x = to;
                return Some(());
            }
            m.values_mut().find_map(|x| set_first(x, key, to.clone()))
        }
        Value::Array(a) => a.iter_mut().find_map(|x| set_first(x, key, to.clone())),
        _ => None,
    }
}

/// Makes the longest array of objects `n` copies of its first item, each
/// pointing at the one before through every id key it has (`parent`, `group`,
/// `requirement`...), with ids padded to `pad` characters: one long chain.
/// At most `n`, and no more copies of `item` than fit in the longest input
/// ([`crate::kind::MAX_INPUT`]); the rest would be cut off unread. Building
/// and writing thousands of copies of a whole practice or snapshot took most
/// of a run's time (measured with `perf`).
fn fitting(item: &Value, n: usize) -> usize {
    let size = serde_json::to_vec(item).map_or(1, |v| v.len() + 1);
    n.min(crate::kind::MAX_INPUT / size).max(1)
}

fn chain(root: &mut Value, n: usize, pad: usize) -> Option<()> {
    let at = largest_array(root)?;
    let a = root.pointer_mut(&at)?.as_array_mut()?;
    let first = a.first()?.as_object()?.clone();
    let n = fitting(&Value::Object(first.clone()), n);
    let id = |i: usize| format!("c{i:05}{}", "x".repeat(pad));
    *a = (0..n)
        .map(|i| {
            let mut o: Map<String, Value> = first.clone();
            o.insert("id".into(), Value::String(id(i)));
            for k in ID_KEYS.iter().skip(1) {
                if o.contains_key(*k) && i > 0 {
                    o.insert((*k).into(), Value::String(id(i - 1)));
                }
            }
            if i > 0 && !o.contains_key("parent") {
                o.insert("parent".into(), Value::String(id(i - 1)));
            }
            Value::Object(o)
        })
        .collect();
    Some(())
}

/// An XML part as an attacker writes it, of about `n` units.
fn xml_attack(n: usize, rng: &mut Rng) -> Vec<u8> {
    let q = *rng.pick(&["\"", "'"]);
    let eq = *rng.pick(&["=", " = ", "=\n"]);
    let body = match rng.below(7) {
        0 => repeat('<', n),
        1 => repeat(*rng.pick(&['>', '&', '"', '\'']), n),
        2 => format!("<row r{eq}{q}1{q}><c r{eq}{q}B2:A1{q}/></row><mergeCell ref{eq}{q}XFD1048576:A1{q}/>"),
        3 => format!(
            "<dimension ref{eq}{q}A1:{}{q}/><row r{eq}{q}{}{q}><c r{eq}{q}A{}{q}><v>1</v></c></row>",
            *rng.pick(&["XFD1048577", "ZZZZZZZZ99999999999", "A0", "A-1"]),
            *rng.pick(&["0", "4294967296", "-1", "99999999999999999999"]),
            *rng.pick(&["0", "4294967297", "1048577"])
        ),
        4 => (0..n.min(20_000))
            .map(|i| {
                format!(
                    "<row r{eq}{q}{}{q}><c r{eq}{q}A{}{q} t{eq}{q}n{q}><v>{}</v></c></row>",
                    i + 1,
                    i + 1,
                    rng.pick(EXTREME)
                )
            })
            .collect(),
        5 => format!("{}{}", "<a>".repeat(n.min(100_000)), "</a>".repeat(n.min(100_000))),
        _ => (0..n.min(20_000)).map(|i| format!("<si><t>{}</t></si>", "x".repeat(i % 97))).collect(),
    };
    format!("<?xml version=\"1.0\"?><worksheet><sheetData>{body}</sheetData></worksheet>").into_bytes()
}

/// The zip `input` with the first part whose name contains `name` replaced by `data`.
fn replace_part(input: &[u8], name: &str, data: &[u8]) -> Option<Vec<u8>> {
    let mut parts = crate::pack::unzip(input)?;
    let slot = parts.iter_mut().find(|(n, _)| n.contains(name))?;
    slot.1 = data.to_vec();
    crate::pack::zip(&parts, zip::CompressionMethod::Deflated)
}

fn age_attack(input: &[u8], n: usize, rng: &mut Rng) -> Vec<u8> {
    const HEAD: &str = "age-encryption.org/v1\n";
    match rng.below(4) {
        0 => format!("{HEAD}-> scrypt {} 10\n{}\n--- AAAA\n", repeat('A', n), repeat('B', 43)).into_bytes(),
        1 => format!("{HEAD}{}--- AAAA\n", "-> X25519 AAAA\nAAAA\n".repeat(n.min(50_000))).into_bytes(),
        2 => format!(
            "{HEAD}-> scrypt AAAAAAAAAAAAAAAAAAAAAA {}\n{}\n--- AAAA\n",
            rng.pick(&["255", "64", "99999999999", "-1"]),
            repeat('B', 43)
        )
        .into_bytes(),
        _ => {
            let mut out = b"-----BEGIN AGE ENCRYPTED FILE-----\n".to_vec();
            out.extend(repeat('A', n).into_bytes());
            out.extend_from_slice(b"\n-----END AGE ENCRYPTED FILE-----\n");
            if rng.one_in(2) {
                out.extend_from_slice(input);
            }
            out
        }
    }
}

/// An attack shape of a chosen size, for the growth check.
pub struct Shape {
    /// Its name in the growth table.
    pub name: &'static str,
    /// What it reads.
    pub kind: Kind,
    /// The size n the check times (and 8n).
    pub n: usize,
    /// Builds the input of size `n` from the target's first seed.
    pub build: fn(seed: &[u8], n: usize) -> Option<Vec<u8>>,
}

fn json_with(seed: &[u8], f: impl FnOnce(&mut Value) -> Option<()>) -> Option<Vec<u8>> {
    let mut root: Value = serde_json::from_slice(seed).ok()?;
    f(&mut root)?;
    Some(root.to_string().into_bytes())
}

/// The attack shapes per kind of input.
pub const SHAPES: &[Shape] = &[
    Shape { name: "chain of long ids", kind: Kind::Json, n: 120, build: |s, n| json_with(s, |v| chain(v, n, 200)) },
    Shape {
        name: "long id",
        kind: Kind::Json,
        n: 60_000,
        build: |s, n| json_with(s, |v| set_first(v, "id", Value::String(repeat('a', n)))),
    },
    Shape {
        name: "one string of <",
        kind: Kind::Json,
        n: 60_000,
        build: |s, n| {
            json_with(s, |v| {
                let at = strings(v).into_iter().last()?;
                *v.pointer_mut(&at)? = Value::String(repeat('<', n));
                Some(())
            })
        },
    },
    Shape {
        name: "many copies of an item",
        kind: Kind::Json,
        n: 400,
        build: |s, n| {
            json_with(s, |v| {
                let at = largest_array(v)?;
                let a = v.pointer_mut(&at)?.as_array_mut()?;
                let item = a.first()?.clone();
                a.extend(std::iter::repeat_n(item, n));
                Some(())
            })
        },
    },
    Shape { name: "run of [", kind: Kind::Json, n: 60_000, build: |_, n| Some(repeat('[', n).into_bytes()) },
    Shape { name: "run of {\"a\":", kind: Kind::Json, n: 10_000, build: |_, n| Some("{\"a\":".repeat(n).into_bytes()) },
    Shape {
        name: "run of <",
        kind: Kind::Zip,
        n: 60_000,
        build: |s, n| replace_part(s, "worksheets/sheet", &repeat('<', n).into_bytes()),
    },
    Shape {
        name: "single-quoted cells",
        kind: Kind::Zip,
        n: 500,
        build: |s, n| {
            let rows: String =
                (1..=n).map(|i| format!("<row r='{i}'><c r = 'B{i}' t='n'><v>1e300</v></c></row>")).collect();
            replace_part(
                s,
                "worksheets/sheet",
                format!("<worksheet><sheetData>{rows}</sheetData></worksheet>").as_bytes(),
            )
        },
    },
    Shape {
        name: "many shared strings",
        kind: Kind::Zip,
        n: 4_000,
        build: |s, n| {
            let si: String = (0..n).map(|i| format!("<si><t>s{i}</t></si>")).collect();
            replace_part(s, "sharedStrings", format!("<sst count=\"{n}\">{si}</sst>").as_bytes())
        },
    },
    Shape {
        name: "long header line",
        kind: Kind::Age,
        n: 60_000,
        build: |_, n| {
            Some(
                format!("age-encryption.org/v1\n-> scrypt {} 10\n{}\n--- AAAA\n", repeat('A', n), repeat('B', 43))
                    .into_bytes(),
            )
        },
    },
    Shape {
        name: "many stanzas",
        kind: Kind::Age,
        n: 4_000,
        build: |_, n| {
            Some(format!("age-encryption.org/v1\n{}--- AAAA\n", "-> X25519 AAAA\nAAAA\n".repeat(n)).into_bytes())
        },
    },
    Shape {
        name: "long armour",
        kind: Kind::Age,
        n: 60_000,
        build: |_, n| {
            Some(
                format!("-----BEGIN AGE ENCRYPTED FILE-----\n{}\n-----END AGE ENCRYPTED FILE-----\n", repeat('A', n))
                    .into_bytes(),
            )
        },
    },
];

/// One row of the growth table.
pub struct Growth {
    /// The shape.
    pub shape: &'static str,
    /// Its size n.
    pub n: usize,
    /// The input's length at n and at 8n, in bytes.
    pub bytes: (usize, usize),
    /// The time of one run at n and at 8n (the least of three measurements).
    pub times: (Duration, Duration),
}

impl Growth {
    /// The time at 8n over the time at n.
    pub fn ratio(&self) -> f64 {
        self.times.1.as_secs_f64() / self.times.0.as_secs_f64().max(1e-9)
    }
}

/// The growth check's bound on [`Growth::ratio`]: under 16 for 8 times the
/// input (linear gives 8, n log n a little more, quadratic 64).
pub const GROWTH_BOUND: f64 = 16.0;

/// The time of one run of `f`: repeated until 30 ms have passed (so that a
/// fast input is measured above the clock's noise), the least of three.
fn time(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let mut runs = 0u32;
            while runs == 0 || (start.elapsed() < Duration::from_millis(30) && runs < 10_000) {
                f();
                runs += 1;
            }
            start.elapsed() / runs
        })
        .min()
        .unwrap_or_default()
}

/// Times `run` (a target's reader with its checks) on each shape of `kind`
/// at n and 8n, built from `seed`.
pub fn growth(kind: Kind, seed: &[u8], run: impl Fn(&[u8])) -> Vec<Growth> {
    SHAPES
        .iter()
        .filter(|s| s.kind == kind)
        .filter_map(|s| {
            let small = (s.build)(seed, s.n)?;
            let large = (s.build)(seed, 8 * s.n)?;
            let t1 = time(|| run(&small));
            let t8 = time(|| run(&large));
            Some(Growth { shape: s.name, n: s.n, bytes: (small.len(), large.len()), times: (t1, t8) })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_shape_builds_a_chain_of_long_ids_that_the_reader_refuses() {
        let seed = crate::seeds::seeds("framework").into_iter().find(|s| s.starts_with(b"{")).unwrap();
        let chained = (SHAPES[0].build)(&seed, 50).unwrap();
        let v: Value = serde_json::from_slice(&chained).unwrap();
        let list = v.pointer(&largest_array(&v).unwrap()).and_then(Value::as_array).unwrap();
        assert_eq!(list.len(), 50);
        assert_eq!(list[49]["parent"], list[48]["id"], "each item points at the one before");
        let e = smm_core::framework::parse_framework(&chained).unwrap_err().to_string();
        assert!(e.contains("at most 64 are accepted"), "{e}");
    }

    #[test]
    fn attacks_are_reproducible_and_of_every_sort() {
        let seed = crate::seeds::seeds("framework").into_iter().find(|s| s.starts_with(b"{")).unwrap();
        let run = |s: u64| {
            let mut rng = Rng::new(s);
            (0..40).filter_map(|_| attack(Kind::Json, &seed, &mut rng)).collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        let out = run(7);
        assert!(out.iter().any(|o| o.len() > seed.len() * 2), "some attack grows the input");
        assert!(out.iter().any(|o| serde_json::from_slice::<Value>(o).is_err()), "some attack is not JSON at all");
        let mut rng = Rng::new(3);
        let xml: Vec<Vec<u8>> = (0..60).map(|_| xml_attack(100, &mut rng)).collect();
        assert!(xml.iter().any(|x| x.windows(4).any(|w| w == b"r='1" || w == b"r = ")), "single quotes or spaced =");
        assert!(xml.iter().any(|x| x.windows(5).any(|w| w == b"B2:A1")), "a reversed range");
    }
}
