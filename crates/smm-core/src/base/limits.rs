//! Every limit of every reader of outside input, in one place: sizes, depth,
//! counts, id and text lengths, and time. The readers (here, in
//! `smm-exchange` and in the app's worker) use these constants and nothing
//! else; [`LIMITS`] lists them for the documentation, whose table
//! (`docs/file-formats.md`, "Limits") a test holds to this list; and each is
//! tested at the limit and one past it (`crates/smm-core/tests/limits.rs`,
//! `crates/smm-exchange/tests/roundtrip.rs`).
//!
//! A limit is far above what a real file needs (each says how far) and low
//! enough that the slowest path of its reader stays well under a second.

/// The largest JSON file accepted (assessment, bundle, profile, framework,
/// mapping, interview, answers), in bytes: 5 MiB. A full assessment with long
/// notes is under 200 KiB; the largest built-in framework is about 60 KiB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The longest text accepted in one field, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// The deepest nesting of JSON objects and arrays accepted. An assessment needs 5.
pub const MAX_DEPTH: usize = 64;
/// At most this many problems are listed for one file.
pub const MAX_PROBLEMS: usize = 50;
/// The longest assessment id, in bytes.
pub const MAX_ASSESSMENT_ID_BYTES: usize = 128;

/// The most requirements a framework file may hold (the largest built-in one has 330).
pub const MAX_REQUIREMENTS: usize = 5000;
/// The most groups a framework file may hold (the largest built-in one has 33).
pub const MAX_GROUPS: usize = 1000;
/// The most tiers of groups in a framework: a top-level group and at most
/// seven below it (the built-in ones have two).
pub const MAX_GROUP_TIERS: usize = 8;
/// The longest id of a framework, a group or a requirement, in bytes (the
/// longest built-in one has 12).
pub const MAX_ID_BYTES: usize = 64;
/// The most rows a mapping file may hold (the largest built-in one has about 600).
pub const MAX_ROWS: usize = 20_000;

/// The most interviews one assessment keeps.
pub const MAX_INTERVIEWS: usize = 50;
/// The most answers kept per interview.
pub const MAX_RESPONSES: usize = 100;
/// The longest interviewee name, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest interview title, in characters.
pub const MAX_TITLE_CHARS: usize = 500;

/// The most sign-offs one assessment keeps (a review a month for eight years).
pub const MAX_SIGNOFFS: usize = 100;
/// The most status changes one roadmap step keeps.
pub const MAX_STEP_HISTORY: usize = 100;
/// The most tags one assessment carries (site, business unit, product line...).
pub const MAX_TAGS: usize = 20;
/// The longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 60;

/// The most cells a benchmark file holds: one per practice and role (18 × 3).
pub const MAX_BENCHMARK_CELLS: usize = 54;

/// The highest scrypt work factor accepted when decrypting (2^20: 1 GiB of
/// memory). The `age` tool picks about one second of work on the machine that
/// encrypts, which is 18 or 19 on a fast computer today.
pub const MAX_WORK_FACTOR: u8 = 20;
/// The largest encrypted file accepted, and the largest plaintext produced, in bytes.
pub const MAX_SEALED_BYTES: usize = MAX_FILE_BYTES + 64 * 1024;
/// The longest header a passphrase file is read with. One scrypt stanza with
/// its MAC is under 200 bytes; a longer header is refused before the age
/// crate parses it, whose parser takes time that grows with the square of the
/// header's length (found by fuzzing: 0.4 s for a 35 KiB header of one stanza).
pub const MAX_PASSPHRASE_HEADER: usize = 1024;

/// The largest workbook accepted, in bytes (10 MiB; an exported one is about 40 KiB).
pub const MAX_WORKBOOK_BYTES: usize = 10 * 1024 * 1024;
/// The most bytes all parts of a workbook may unpack to (64 MiB).
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes the shared-strings part of a workbook may unpack to (16 MiB).
pub const MAX_SHARED_STRINGS_BYTES: u64 = 16 * 1024 * 1024;
/// The most rows read from one worksheet of a workbook.
pub const MAX_WORKBOOK_ROWS: usize = 5_000;
/// The highest date serial a workbook cell is read as a date with (9999-12-31);
/// a number past it stays a number.
pub const MAX_DATE_SERIAL: f64 = 2_958_465.0;

/// The longest one job of the app's on-demand worker may run, in milliseconds
/// (reading or writing a workbook, encrypting, decrypting at the highest work
/// factor the page accepts). A job past it ends the worker; the next job starts
/// a fresh one.
pub const WORKER_JOB_DEADLINE_MS: u32 = 30_000;

/// One limit, for the documentation's table.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// The constant's name.
    pub name: &'static str,
    /// Its value, as the documentation writes it.
    pub value: u64,
    /// What it limits and for which reader.
    pub what: &'static str,
}

/// Every limit above, for the documentation table and its test.
pub const LIMITS: &[Limit] = &[
    Limit { name: "MAX_FILE_BYTES", value: MAX_FILE_BYTES as u64, what: "bytes of a JSON file" },
    Limit { name: "MAX_TEXT_CHARS", value: MAX_TEXT_CHARS as u64, what: "characters of one text field" },
    Limit { name: "MAX_DEPTH", value: MAX_DEPTH as u64, what: "nesting of JSON objects and arrays" },
    Limit { name: "MAX_PROBLEMS", value: MAX_PROBLEMS as u64, what: "problems listed for one file" },
    Limit { name: "MAX_ASSESSMENT_ID_BYTES", value: MAX_ASSESSMENT_ID_BYTES as u64, what: "bytes of an assessment id" },
    Limit { name: "MAX_REQUIREMENTS", value: MAX_REQUIREMENTS as u64, what: "requirements in a framework" },
    Limit { name: "MAX_GROUPS", value: MAX_GROUPS as u64, what: "groups in a framework" },
    Limit { name: "MAX_GROUP_TIERS", value: MAX_GROUP_TIERS as u64, what: "tiers of groups in a framework" },
    Limit { name: "MAX_ID_BYTES", value: MAX_ID_BYTES as u64, what: "bytes of a framework, group or requirement id" },
    Limit { name: "MAX_ROWS", value: MAX_ROWS as u64, what: "rows of a mapping" },
    Limit { name: "MAX_INTERVIEWS", value: MAX_INTERVIEWS as u64, what: "interviews in an assessment" },
    Limit { name: "MAX_RESPONSES", value: MAX_RESPONSES as u64, what: "answers per interview" },
    Limit { name: "MAX_NAME_CHARS", value: MAX_NAME_CHARS as u64, what: "characters of an interviewee name" },
    Limit { name: "MAX_TITLE_CHARS", value: MAX_TITLE_CHARS as u64, what: "characters of an interview title" },
    Limit { name: "MAX_SIGNOFFS", value: MAX_SIGNOFFS as u64, what: "sign-offs in an assessment" },
    Limit { name: "MAX_STEP_HISTORY", value: MAX_STEP_HISTORY as u64, what: "status changes of one roadmap step" },
    Limit { name: "MAX_TAGS", value: MAX_TAGS as u64, what: "tags of an assessment" },
    Limit { name: "MAX_TAG_CHARS", value: MAX_TAG_CHARS as u64, what: "characters of a tag" },
    Limit { name: "MAX_BENCHMARK_CELLS", value: MAX_BENCHMARK_CELLS as u64, what: "cells of a benchmark" },
    Limit { name: "MAX_WORK_FACTOR", value: MAX_WORK_FACTOR as u64, what: "scrypt work factor of an encrypted file" },
    Limit { name: "MAX_SEALED_BYTES", value: MAX_SEALED_BYTES as u64, what: "bytes of an encrypted file" },
    Limit {
        name: "MAX_PASSPHRASE_HEADER",
        value: MAX_PASSPHRASE_HEADER as u64,
        what: "bytes of an encrypted file's header",
    },
    Limit { name: "MAX_WORKBOOK_BYTES", value: MAX_WORKBOOK_BYTES as u64, what: "bytes of a workbook" },
    Limit { name: "MAX_UNPACKED_BYTES", value: MAX_UNPACKED_BYTES, what: "bytes a workbook unpacks to" },
    Limit {
        name: "MAX_SHARED_STRINGS_BYTES",
        value: MAX_SHARED_STRINGS_BYTES,
        what: "bytes of a workbook's shared strings",
    },
    Limit { name: "MAX_WORKBOOK_ROWS", value: MAX_WORKBOOK_ROWS as u64, what: "rows read from a worksheet" },
    Limit { name: "MAX_DATE_SERIAL", value: MAX_DATE_SERIAL as u64, what: "a workbook date serial read as a date" },
    Limit {
        name: "WORKER_JOB_DEADLINE_MS",
        value: WORKER_JOB_DEADLINE_MS as u64,
        what: "milliseconds one worker job may run",
    },
];
