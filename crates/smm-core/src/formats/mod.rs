//! Layer 5, formats: reading every file kind, and the one way in.
//!
//! [`read_any`] classifies any bytes once (size, the magic bytes of an age
//! file and of a zip or compound-file workbook, UTF-8, the structure scan, the
//! JSON syntax, `format`, version, migration) and returns an [`Incoming`] with
//! the parsed document (a mapping, an interview and an answers file are read
//! up to the point where they need what the reader has: the framework, or the
//! code of the page that answers interviews). The app's import, the exchange page's inbox, the
//! on-demand worker and the CLI each `match` it exhaustively, so that a new
//! kind does not compile until every reader of files handles it.

pub mod assessment;
pub mod benchmark;
pub mod bundle;
pub mod catalogue;
pub mod framework;
pub mod history;
pub mod interview;
pub mod mapping;
pub mod profile;

use serde_json::Value;

use crate::base::error::DocumentError;
use crate::base::json::parse_value;
use crate::base::text::decode_text;
use crate::formats::assessment::ReadAssessment;
use crate::formats::bundle::{read_file_value, Imported};
use crate::formats::interview::{AnswersText, InterviewText};
use crate::formats::mapping::MappingFile;
use crate::model::benchmark::{Benchmark, BENCHMARK_FORMAT};
use crate::model::catalogue::Catalogue;
use crate::model::framework::{Framework, FRAMEWORK_FORMAT};
use crate::model::history::Snapshots;
use crate::model::interview::{ANSWERS_FORMAT, INTERVIEW_FORMAT};
use crate::model::mapping::MAPPING_FORMAT;
use crate::model::profile::{Profile, PROFILE_FORMAT};

/// Every kind of file SMM Navigator reads, each with its parsed document.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// One assessment, brought to the current version.
    Assessment(Box<ReadAssessment>),
    /// A backup: several assessments and their snapshots.
    Bundle {
        /// The assessments, each with its migration log.
        assessments: Vec<ReadAssessment>,
        /// Their snapshots.
        snapshots: Vec<Snapshots>,
    },
    /// A profile, checked against the catalogue.
    Profile(Box<Profile>),
    /// A framework catalogue, checked.
    Framework(Box<Framework>),
    /// A mapping, read up to the point where it needs the framework it names
    /// ([`MappingFile::check`]).
    Mapping(Box<MappingFile>),
    /// An interview file, read up to its header: [`InterviewText::read`]
    /// finishes it (the workbench hands it to the exchange page unread).
    Interview(Box<InterviewText>),
    /// An answers file, read up to its header: [`AnswersText::read`] finishes
    /// it; what it answers is checked against the assessment when it is taken
    /// in ([`crate::edits::interview::take_answers`]).
    Answers(Box<AnswersText>),
    /// A benchmark of a group of assessments, checked
    /// ([`crate::model::benchmark`]).
    Benchmark(Box<Benchmark>),
    /// A file encrypted with a passphrase (age format): decrypt it with
    /// [`crate::base::seal`], then read the result with [`read_any`] again.
    Encrypted,
    /// A spreadsheet package (zip) or an encrypted or old Office file
    /// (compound file): the workbook reader (`smm-exchange`) reads it, with
    /// its own limits.
    Workbook,
}

impl Incoming {
    /// What the file is, in a few words, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Incoming::Assessment(_) => "an assessment",
            Incoming::Bundle { .. } => "a backup of assessments",
            Incoming::Profile(_) => "a profile",
            Incoming::Framework(_) => "a framework catalogue",
            Incoming::Mapping(_) => "a mapping",
            Incoming::Interview(_) => "an interview",
            Incoming::Answers(_) => "an answers file",
            Incoming::Benchmark(_) => "a benchmark",
            Incoming::Encrypted => "an encrypted file",
            Incoming::Workbook => "a workbook",
        }
    }
}

/// True for the first bytes of a zip package (a workbook) or of a compound
/// file (an encrypted or old Office file).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The one way in: classifies `bytes` and reads them once, into the kind they
/// are. A JSON file whose `format` names no kind read here is refused with the
/// reasons the assessment reader gives (no `format`, another format, not an
/// object), as every earlier version did.
pub fn read_any(bytes: &[u8], catalogue: &Catalogue) -> Result<Incoming, DocumentError> {
    if crate::base::seal::is_age(bytes) {
        return Ok(Incoming::Encrypted);
    }
    if is_workbook(bytes) {
        return Ok(Incoming::Workbook);
    }
    let text = decode_text(bytes)?;
    let value = parse_value(text)?;
    let format = value.get("format").and_then(Value::as_str).unwrap_or_default();
    Ok(match format {
        PROFILE_FORMAT => Incoming::Profile(Box::new(profile::profile_from(text, &value, catalogue)?)),
        FRAMEWORK_FORMAT => Incoming::Framework(Box::new(framework::framework_from(text, &value)?)),
        MAPPING_FORMAT => Incoming::Mapping(Box::new(MappingFile::from_value(text, value)?)),
        INTERVIEW_FORMAT => Incoming::Interview(Box::new(InterviewText::new(text, value)?)),
        ANSWERS_FORMAT => Incoming::Answers(Box::new(AnswersText::new(text, value)?)),
        BENCHMARK_FORMAT => Incoming::Benchmark(Box::new(benchmark::benchmark_from(text, &value, catalogue)?)),
        // An assessment, a bundle, or anything else: the assessment and bundle
        // reader gives the reasons a file is neither.
        _ => match read_file_value(text, value, catalogue)? {
            Imported::Assessment(a) => Incoming::Assessment(a),
            Imported::Bundle { assessments, snapshots } => Incoming::Bundle { assessments, snapshots },
        },
    })
}
