//! Reading benchmark files: header, one typed pass, validation.

use serde_json::Value;

use crate::base::error::DocumentError;
use crate::base::json::{parse_value, typed_from};
use crate::base::text::decode_text;
use crate::model::benchmark::{Benchmark, BENCHMARK_FORMAT, BENCHMARK_VERSION};
use crate::model::catalogue::Catalogue;
use crate::validation::benchmark::validate;

/// Reads and checks a benchmark file.
pub fn parse_benchmark(bytes: &[u8], catalogue: &Catalogue) -> Result<Benchmark, DocumentError> {
    let text = decode_text(bytes)?;
    benchmark_from(text, &parse_value(text)?, catalogue)
}

/// [`parse_benchmark`] of a file already decoded and parsed.
pub(crate) fn benchmark_from(text: &str, value: &Value, catalogue: &Catalogue) -> Result<Benchmark, DocumentError> {
    let (b, _): (Benchmark, u32) =
        typed_from(text, value, BENCHMARK_FORMAT, BENCHMARK_VERSION, "an SMM Navigator benchmark")?;
    let problems = validate(&b, catalogue);
    if problems.is_empty() {
        Ok(b)
    } else {
        Err(DocumentError { problems })
    }
}
