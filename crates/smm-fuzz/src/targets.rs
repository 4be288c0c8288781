//! The fuzz targets: one per reader of outside input. Each runs the reader as
//! the app and the CLI run it and then asserts what must hold, beyond "no
//! panic":
//!
//! - a file that is accepted, written again, reads back as the same value;
//! - a file that is refused gets at least one and at most
//!   [`MAX_PROBLEMS`] problems, each with words and a place: a JSON path, a
//!   line and column, or a message about the file as a whole;
//! - one input takes at most the target's time and memory bound
//!   ([`Target::time_limit`], [`Target::memory_limit`]), measured by
//!   [`crate::alloc::Counting`].
//!
//! A broken property panics with a message that says which, so that the
//! harness and libFuzzer both record the input as a crash.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use smm_core::bundle::{self, Bundle, Imported, BUNDLE_FORMAT, BUNDLE_VERSION};
use smm_core::document::{self, MAX_PROBLEMS};
use smm_core::framework::{self, Framework};
use smm_core::seal::{self, SealError};
use smm_core::{
    assessment_to_json, history, interview, mapping, profile, read_any, read_assessment, scan, Assessment, Catalogue,
    DocumentError, Incoming, ASSESSMENT_FORMAT, ASSESSMENT_VERSION,
};
use smm_exchange::xlsx;

use crate::alloc;
use crate::mutate::Kind;

/// What one input came to: accepted (with what it was) or refused (with a
/// class of the reason: the path with list indices dropped, and the message
/// with names and numbers dropped). The harness counts distinct outcomes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Read; the text says as what.
    Accepted(String),
    /// Refused; the text is the class of the first problem.
    Refused(String),
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Accepted(s) => write!(f, "accepted: {s}"),
            Outcome::Refused(s) => write!(f, "refused: {s}"),
        }
    }
}

/// One fuzz target.
pub struct Target {
    /// Its name on the command line and in corpus folders.
    pub name: &'static str,
    /// What the reader reads, which picks the mutations.
    pub kind: Kind,
    /// What the reader is, in words.
    pub about: &'static str,
    /// The longest one input may take (in an optimised build).
    pub time_limit: Duration,
    /// The fixed part of the memory bound, in bytes; [`Target::memory_limit`] adds to it per input byte.
    pub memory_base: usize,
    /// The reader with its properties.
    pub run: fn(&[u8]) -> Outcome,
}

impl Target {
    /// The most memory one input of `len` bytes may hold live at once.
    pub fn memory_limit(&self, len: usize) -> usize {
        self.memory_base + 64 * len
    }
}

/// The passphrase the sealed target tries (its seeds are encrypted with it).
pub const PASSPHRASE: &str = "fuzzing passphrase";
/// The highest scrypt work factor the sealed target decrypts, so that one
/// input stays fast; the readers' own limits are checked apart.
pub const FUZZ_WORK_FACTOR: u8 = 4;

/// Every target.
pub const TARGETS: &[Target] = &[
    Target {
        name: "assessment",
        kind: Kind::Json,
        about: "assessment files of every version (document::read_assessment)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: assessment,
    },
    Target {
        name: "migration",
        kind: Kind::Json,
        about: "the migrations from every earlier version (an object made an assessment of the version its first byte picks)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: migration,
    },
    Target {
        name: "import",
        kind: Kind::Json,
        about:
            "an imported file through the one way in (formats::read_any): every kind, each agreeing with its own reader",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: import,
    },
    Target {
        name: "snapshots",
        kind: Kind::Json,
        about: "a snapshots document, as storage holds it (history::parse_snapshots)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: snapshots,
    },
    Target {
        name: "profile",
        kind: Kind::Json,
        about: "a profile file (profile::parse_profile)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: profile_file,
    },
    Target {
        name: "framework",
        kind: Kind::Json,
        about: "a framework catalogue file (framework::parse_framework)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: framework_file,
    },
    Target {
        name: "mapping",
        kind: Kind::Json,
        about: "a mapping file of version 1 or 2, for the framework it names (mapping::parse_mapping)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: mapping_file,
    },
    Target {
        name: "interview",
        kind: Kind::Json,
        about: "an interview file (interview::parse_interview)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: interview_file,
    },
    Target {
        name: "answers",
        kind: Kind::Json,
        about: "an answers file (interview::parse_answers)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: answers_file,
    },
    Target {
        name: "benchmark",
        kind: Kind::Json,
        about: "a benchmark file (portfolio::parse_benchmark), and a member's position against it",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: benchmark_file,
    },
    Target {
        name: "scan",
        kind: Kind::Json,
        about: "the structural scan (scan::check_structure), against serde_json's own reading",
        time_limit: Duration::from_secs(2),
        memory_base: 16 << 20,
        run: scan_text,
    },
    Target {
        name: "sealed",
        kind: Kind::Age,
        about: "age files: the header check (seal::inspect, seal::check_header) and decryption (seal::decrypt)",
        time_limit: Duration::from_secs(2),
        memory_base: 64 << 20,
        run: sealed,
    },
    Target {
        name: "workbook",
        kind: Kind::Zip,
        about: "an XLSX workbook read back into an assessment (xlsx::read_changes)",
        time_limit: Duration::from_secs(5),
        memory_base: 512 << 20,
        run: workbook,
    },
];

/// The target named `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// How many times its time bound an input may take: 1 in the optimised
/// builds of the harness and of libFuzzer, which set it; 20 by default, for
/// the unoptimised test build that replays the corpora.
static TIME_SCALE: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(20);

/// Sets the factor on the time bounds (the factor the time limits of the targets are multiplied by).
pub fn set_time_scale(factor: u32) {
    TIME_SCALE.store(factor.max(1), std::sync::atomic::Ordering::Relaxed);
}

fn time_scale() -> u32 {
    TIME_SCALE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Runs `t` on `data` and asserts its time and memory bounds.
pub fn check(t: &Target, data: &[u8]) -> Outcome {
    let base = alloc::live();
    alloc::reset_peak();
    let start = Instant::now();
    let outcome = (t.run)(data);
    let took = start.elapsed();
    if let Some(peak) = alloc::peak_above(base) {
        let limit = t.memory_limit(data.len());
        assert!(
            peak <= limit,
            "bound broken: {} held {peak} bytes at once for an input of {} bytes (bound {limit})",
            t.name,
            data.len()
        );
    }
    let limit = t.time_limit * time_scale();
    // The clock first, which costs nothing. A busy machine can stall a run: a
    // long run at the lowest priority beside a build saw a 16 ms input take
    // 3.8 s once, and a 20 ms one 2.3 s three times running. So an input over
    // the bound is run twice more, each timed by this thread's processor time
    // where Linux gives it (the work, without the waiting), and the quickest
    // run counts. An input that is slow is slow every time.
    let mut took = took;
    for _ in 0..2 {
        if took <= limit {
            break;
        }
        let (again, cpu) = (Instant::now(), crate::cputime::thread_cpu_time());
        (t.run)(data);
        let wall = again.elapsed();
        let spent = match (cpu, crate::cputime::thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a).min(wall),
            _ => wall,
        };
        took = took.min(spent);
    }
    assert!(
        took <= limit,
        "bound broken: {} took {took:?} for an input of {} bytes (bound {limit:?})",
        t.name,
        data.len()
    );
    outcome
}

fn catalogue() -> &'static Catalogue {
    Catalogue::builtin()
}

/// The path with list indices dropped (`results.x.evidence[3]` -> `results.x.evidence[]`).
fn path_class(path: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    // At most 120 characters: a hostile key can be megabytes, and every
    // distinct outcome is kept for the run.
    for c in path.chars().take(120) {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// The message with quoted names and numbers dropped, at most 90 characters.
pub fn message_class(message: &str) -> String {
    let mut out = String::new();
    // Counted as it grows: counting `out` again for each character of a
    // message that quotes a key of megabytes took a third of the migration
    // target's time.
    let mut kept = 0;
    let mut quote: Option<char> = None;
    for c in message.chars() {
        let push = match quote {
            Some(q) if c == q || (q == '“' && c == '”') => {
                quote = None;
                None
            }
            Some(_) => None,
            None if matches!(c, '`' | '"' | '“') => {
                quote = Some(c);
                Some('…')
            }
            None if c.is_ascii_digit() => (!out.ends_with('#')).then_some('#'),
            None => Some(c),
        };
        if let Some(p) = push {
            out.push(p);
            kept += 1;
            if kept >= 90 {
                break;
            }
        }
    }
    out
}

/// Messages about a file as a whole, which need no path.
const WHOLE_FILE: &[&str] =
    &["the file is ", "the file holds ", "this is not an SMM Navigator file", "not a JSON object"];

fn located(p: &smm_core::Problem) -> bool {
    !p.path.is_empty()
        || (p.message.contains(" line ") && p.message.contains(" column "))
        || WHOLE_FILE.iter().any(|w| p.message.starts_with(w))
}

/// Asserts what a refusal must carry, and classes it.
fn refused(what: &str, e: &DocumentError) -> Outcome {
    assert!(!e.problems.is_empty(), "{what}: a refusal without a problem");
    assert!(
        e.problems.len() <= MAX_PROBLEMS,
        "{what}: {} problems listed, over the cap of {MAX_PROBLEMS}",
        e.problems.len()
    );
    for p in &e.problems {
        assert!(!p.message.trim().is_empty(), "{what}: a problem without words at `{}`", p.path);
        assert!(located(p), "{what}: a problem with neither a path nor a position: {}", p.message);
    }
    let first = &e.problems[0];
    Outcome::Refused(format!("{}: {}", path_class(&first.path), message_class(&first.message)))
}

/// Asserts that an accepted assessment, written as a file again, reads back the same.
fn reads_back(a: &Assessment) {
    let json = assessment_to_json(a);
    let back = read_assessment(json.as_bytes(), catalogue())
        .unwrap_or_else(|e| panic!("an accepted assessment, written again, is refused: {e}"));
    assert_eq!(back.file_version, ASSESSMENT_VERSION, "an assessment written again is not at the current version");
    assert!(back.migration_log.is_empty(), "an assessment written again needs migrating");
    assert_eq!(&back.assessment, a, "an accepted assessment, written again, reads back differently");
}

/// Asserts that `value`, written as JSON, reads back equal through `parse`.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    what: &str,
    value: &T,
    parse: impl Fn(&[u8]) -> Result<T, DocumentError>,
) {
    let json = serde_json::to_string_pretty(value).unwrap_or_else(|e| panic!("{what}: cannot be written: {e}"));
    let back = parse(json.as_bytes()).unwrap_or_else(|e| panic!("an accepted {what}, written again, is refused: {e}"));
    assert_eq!(&back, value, "an accepted {what}, written again, reads back differently");
}

fn assessment(data: &[u8]) -> Outcome {
    match read_assessment(data, catalogue()) {
        Ok(read) => {
            assert!((1..=ASSESSMENT_VERSION).contains(&read.file_version));
            assert_eq!(
                read.migration_log.len(),
                (ASSESSMENT_VERSION - read.file_version) as usize,
                "one migration log line per version step"
            );
            reads_back(&read.assessment);
            version6_views(&read.assessment);
            Outcome::Accepted(format!("version {}", read.file_version))
        }
        Err(e) => refused("assessment", &e),
    }
}

/// What version 6 added, on any accepted assessment: the sign-off state (and,
/// when the newest sign-off keeps its content, a hash check that agrees with
/// it), evidence past its date and progress in the report, and a redacted copy
/// that reads back and keeps no signer's name.
fn version6_views(a: &Assessment) {
    let cat = catalogue();
    let state = smm_core::signoff::signoff_state(cat, a);
    let _ = state.sentence();
    if let Some((Some(true), current)) = smm_core::signoff::verify_newest(a) {
        // Same content, same hash: unchanged exactly when the hash matches.
        assert_eq!(current, state.status == smm_core::signoff::SignOffStatus::Unchanged, "hash and comparison agree");
    }
    let report = smm_core::Report::new(cat, a, "2026-12-06");
    assert_eq!(report.progress.steps, report.progress.open + report.progress.reached);
    let r = bundle::redact(a, cat, smm_core::trust::TrustCatalogue::builtin(), "fuzz-redacted");
    assert!(r.signoffs.iter().all(|s| s.name.is_empty() && s.content.is_none()));
    let json = smm_core::assessment_to_json(&r);
    if let Err(e) = smm_core::parse_assessment(json.as_bytes(), cat) {
        panic!("the redacted copy of an accepted assessment is refused: {e}");
    }
}

fn migration(data: &[u8]) -> Outcome {
    let Some((&first, rest)) = data.split_first() else { return Outcome::Refused("no bytes".into()) };
    let from = 1 + u32::from(first % (ASSESSMENT_VERSION as u8 - 1));
    let Ok(mut value) = serde_json::from_slice::<Value>(rest) else {
        return Outcome::Refused("not JSON".into());
    };
    let Some(obj) = value.as_object_mut() else { return Outcome::Refused("not an object".into()) };
    obj.insert("format".into(), ASSESSMENT_FORMAT.into());
    obj.insert("version".into(), from.into());
    let text = value.to_string();
    match read_assessment(text.as_bytes(), catalogue()) {
        Ok(read) => {
            assert_eq!(read.file_version, from);
            assert_eq!(read.migration_log.len(), (ASSESSMENT_VERSION - from) as usize);
            reads_back(&read.assessment);
            Outcome::Accepted(format!("migrated from version {from}"))
        }
        Err(e) => refused("migration", &e),
    }
}

fn import(data: &[u8]) -> Outcome {
    let cat = catalogue();
    let incoming = match read_any(data, cat) {
        Ok(i) => i,
        Err(e) => return refused("import", &e),
    };
    // Each kind is what its own reader makes of the same bytes.
    match incoming {
        Incoming::Assessment(read) => {
            assert_eq!(bundle::read_file(data, cat).ok(), Some(Imported::Assessment(read.clone())));
            reads_back(&read.assessment);
            Outcome::Accepted(format!("assessment, version {}", read.file_version))
        }
        Incoming::Bundle { assessments, snapshots } => {
            let list: Vec<Assessment> = assessments.iter().map(|r| r.assessment.clone()).collect();
            let json = Bundle {
                format: BUNDLE_FORMAT,
                version: BUNDLE_VERSION,
                exported_at: "2026-12-02T00:00:00Z",
                assessments: &list,
                snapshots: &snapshots,
            }
            .to_json();
            bundle::verify_export(&json, &list, &snapshots, cat)
                .unwrap_or_else(|e| panic!("an accepted bundle, written again: {e}"));
            Outcome::Accepted(format!(
                "bundle of {} assessment(s), {} snapshot list(s)",
                list.len().min(3),
                snapshots.len().min(3)
            ))
        }
        Incoming::Profile(p) => {
            assert_eq!(profile::parse_profile(data, cat).as_ref(), Ok(&*p));
            Outcome::Accepted("profile".into())
        }
        Incoming::Framework(f) => {
            assert_eq!(framework::parse_framework(data).as_ref(), Ok(&*f));
            Outcome::Accepted("framework".into())
        }
        Incoming::Mapping(m) => {
            assert_eq!(mapping::MappingFile::read(data).as_ref(), Ok(&*m));
            match Framework::builtin(&m.framework) {
                Some(f) => match m.check(cat, f) {
                    Ok(_) => Outcome::Accepted("mapping".into()),
                    Err(e) => refused("import", &e),
                },
                None => Outcome::Refused("a mapping for no built-in framework".into()),
            }
        }
        Incoming::Interview(i) => {
            let i = match i.read(cat) {
                Ok(i) => i,
                Err(e) => return refused("import", &e),
            };
            assert_eq!(interview::parse_interview(data, cat).as_ref(), Ok(&i));
            Outcome::Accepted("interview".into())
        }
        Incoming::Answers(a) => {
            let a = match a.read() {
                Ok(a) => a,
                Err(e) => return refused("import", &e),
            };
            assert_eq!(interview::parse_answers(data).as_ref(), Ok(&a));
            Outcome::Accepted("answers".into())
        }
        Incoming::Benchmark(b) => {
            assert_eq!(smm_core::portfolio::parse_benchmark(data, cat).as_ref(), Ok(b.as_ref()));
            Outcome::Accepted("benchmark".into())
        }
        Incoming::Encrypted => {
            assert!(seal::is_age(data));
            Outcome::Accepted("encrypted".into())
        }
        Incoming::Workbook => {
            assert!(data.starts_with(b"PK") || data.starts_with(&[0xD0, 0xCF]));
            Outcome::Accepted("workbook".into())
        }
    }
}

fn snapshots(data: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(data) else { return Outcome::Refused("not UTF-8 (storage holds text)".into()) };
    let parse = |b: &[u8]| history::parse_snapshots(std::str::from_utf8(b).unwrap_or_default(), catalogue());
    match parse(text.as_bytes()) {
        Ok(s) => {
            round_trip("snapshots document", &s, parse);
            Outcome::Accepted(format!("{} snapshot(s)", s.snapshots.len().min(3)))
        }
        Err(e) => refused("snapshots", &e),
    }
}

/// Reads `data` with `parse`; an accepted value must round-trip, a refusal carry its places.
fn typed<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    what: &'static str,
    data: &[u8],
    parse: impl Fn(&[u8]) -> Result<T, DocumentError>,
) -> Outcome {
    match parse(data) {
        Ok(value) => {
            round_trip(what, &value, parse);
            Outcome::Accepted(what.into())
        }
        Err(e) => refused(what, &e),
    }
}

fn profile_file(data: &[u8]) -> Outcome {
    typed("profile", data, |b| profile::parse_profile(b, catalogue()))
}

fn framework_file(data: &[u8]) -> Outcome {
    typed("framework", data, framework::parse_framework)
}

fn mapping_file(data: &[u8]) -> Outcome {
    // As the app routes a mapping: to the framework its header names.
    let Some(f) = mapping::MappingFile::read(data).ok().and_then(|m| Framework::builtin(&m.framework)) else {
        return Outcome::Refused("no built-in framework named".into());
    };
    typed("mapping", data, |b| mapping::parse_mapping(b, catalogue(), f))
}

fn interview_file(data: &[u8]) -> Outcome {
    typed("interview", data, |b| interview::parse_interview(b, catalogue()))
}

fn answers_file(data: &[u8]) -> Outcome {
    typed("answers", data, interview::parse_answers)
}

fn benchmark_file(data: &[u8]) -> Outcome {
    let outcome = typed("benchmark", data, |b| smm_core::portfolio::parse_benchmark(b, catalogue()));
    if let Ok(b) = smm_core::portfolio::parse_benchmark(data, catalogue()) {
        // An accepted benchmark: each member's position adds up to the cell's size.
        for a in members() {
            for p in smm_core::portfolio::position(catalogue(), &b, a) {
                if p.mine.is_some() {
                    assert_eq!(p.below + p.same + p.above, p.n, "{}: the peers add up to the group", p.practice);
                }
            }
        }
    }
    outcome
}

/// The example assessments, read once, for the positions.
fn members() -> &'static [Assessment] {
    static M: OnceLock<Vec<Assessment>> = OnceLock::new();
    M.get_or_init(|| {
        [
            include_str!("../../../examples/bottling-line-asset-owner.smm.json"),
            include_str!("../../../examples/home-camera-product-supplier.smm.json"),
        ]
        .iter()
        .filter_map(|t| smm_core::parse_assessment(t.as_bytes(), catalogue()).ok())
        .collect()
    })
}

fn scan_text(data: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(data) else { return Outcome::Refused("not UTF-8".into()) };
    let verdict = scan::check_structure(text);
    if let Err(e) = &verdict {
        assert_eq!(e.problems.len(), 1, "the scan stops at its first problem");
    }
    match crate::reference::structure(text) {
        Some(s) => {
            let should_pass = s.depth <= scan::MAX_DEPTH && !s.duplicate_key;
            match (&verdict, should_pass) {
                (Ok(()), true) => Outcome::Accepted("well-formed".into()),
                (Err(e), false) => refused("scan", e),
                (Ok(()), false) => panic!(
                    "the scan passes JSON that serde_json reads with depth {} and duplicate keys {}",
                    s.depth, s.duplicate_key
                ),
                (Err(e), true) => panic!(
                    "the scan refuses JSON of depth {} without duplicate keys, as serde_json reads it: {e}",
                    s.depth
                ),
            }
        }
        // Not JSON to serde_json: the scan's verdict stands, and a JSON
        // parser reports the syntax. Deeper than serde_json's own limit must
        // have been refused by the scan.
        None => match verdict {
            Ok(()) => Outcome::Accepted("left to the parser".into()),
            Err(e) => refused("scan", &e),
        },
    }
}

fn seal_class(e: &SealError) -> &'static str {
    match e {
        SealError::NotAge => "not age",
        SealError::NotPassphrase(_) => "not for a passphrase",
        SealError::TooMuchWork { .. } => "too much work",
        SealError::WrongPassphrase => "wrong passphrase",
        SealError::Damaged(_) => "damaged",
        SealError::TooLarge(_) => "too large",
        SealError::EmptyPassphrase => "empty passphrase",
    }
}

fn sealed(data: &[u8]) -> Outcome {
    let header = seal::inspect(data);
    if let Ok(h) = &header {
        assert!(!h.recipients.is_empty(), "a header accepted with no recipient");
        if let Some(wf) = h.work_factor {
            assert!((1..=63).contains(&wf), "a work factor of {wf} accepted");
        }
        if let Err(SealError::TooMuchWork { asked, max }) = seal::check_header(h, seal::MAX_WORK_FACTOR) {
            assert!(asked > max);
        }
    }
    match seal::decrypt(data, PASSPHRASE, FUZZ_WORK_FACTOR) {
        Ok(plain) => {
            assert!(plain.len() <= seal::MAX_SEALED_BYTES, "{} bytes decrypted, over the cap", plain.len());
            if data.starts_with(seal::AGE_MAGIC) {
                let h = header.unwrap_or_else(|e| panic!("decrypted a file whose header the check refuses: {e}"));
                assert!(
                    seal::check_header(&h, FUZZ_WORK_FACTOR).is_ok(),
                    "decrypted a file whose header asks for more work than allowed: {h:?}"
                );
            }
            // What the app does next with the plaintext.
            let inner = match read_any(&plain, catalogue()) {
                Ok(i) => i.kind_name(),
                Err(_) => "something else",
            };
            Outcome::Accepted(format!("opened: {inner}"))
        }
        Err(e) => {
            assert!(!e.to_string().trim().is_empty());
            if let SealError::TooMuchWork { asked, max } = e {
                assert!(asked > max && max == FUZZ_WORK_FACTOR);
            }
            Outcome::Refused(seal_class(&e).into())
        }
    }
}

/// The assessment the workbook seeds were written from (and read against).
pub fn workbook_base() -> &'static Assessment {
    static BASE: OnceLock<Assessment> = OnceLock::new();
    BASE.get_or_init(|| {
        let text = include_bytes!("../../../examples/bottling-line-asset-owner.smm.json");
        smm_core::parse_assessment(text, catalogue()).expect("the example assessment reads")
    })
}

fn workbook(data: &[u8]) -> Outcome {
    let base = workbook_base();
    match xlsx::read_changes(data, catalogue(), base, "2026-12-06") {
        Ok(preview) => {
            assert!(preview.left_out.len() <= xlsx::MAX_LISTED + 1, "{} lines left out listed", preview.left_out.len());
            for c in &preview.changes {
                assert!(xlsx::SHEETS.contains(&c.sheet) && c.row >= 2, "a change at {}!{}", c.sheet, c.row);
                assert_ne!(c.old, c.new, "a change that changes nothing");
            }
            assert_eq!(preview.updated.id, base.id, "a workbook changed the assessment's id");
            let problems = document::validate(&preview.updated, catalogue());
            assert!(problems.is_empty(), "a workbook made an invalid assessment: {}", problems[0]);
            reads_back(&preview.updated);
            let applied = xlsx::apply(preview.clone());
            assert_eq!(applied, preview.updated);
            Outcome::Accepted(if preview.changes.is_empty() { "no change".into() } else { "changes".into() })
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.trim().is_empty(), "a workbook refused without words");
            Outcome::Refused(message_class(&message))
        }
    }
}
