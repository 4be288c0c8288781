//! The jobs the on-demand worker does: plain functions from bytes to bytes,
//! tested natively.

use sha2::{Digest, Sha256};

/// The kind of the SHA-256 fingerprint job: input any bytes, output the digest
/// as 64 lowercase hexadecimal digits (UTF-8).
pub const SHA256: &str = "sha256";

/// The kind of the encryption job: input the plaintext, params the
/// passphrase; output an age file (scrypt recipient, [`smm_core::seal::WORK_FACTOR`]).
pub const AGE_ENCRYPT: &str = "age-encrypt";
/// The kind of the decryption job: input an age file, params the passphrase;
/// output the plaintext. Work factors over [`MAX_WORK_FACTOR_IN_PAGE`] are refused.
pub const AGE_DECRYPT: &str = "age-decrypt";
/// The highest scrypt work factor the page accepts (2^19: 512 MiB of memory in
/// the worker; the `age` tool writes 18 or 19 on a fast computer). The CLI
/// accepts up to [`smm_core::seal::MAX_WORK_FACTOR`].
pub const MAX_WORK_FACTOR_IN_PAGE: u8 = 19;

/// The kind of the workbook export: input `{"assessment": <file>, "coverage":
/// [{"framework": <file>, "mapping": <file>}]}` (JSON), params the time of the
/// export; output the XLSX workbook.
pub const XLSX_EXPORT: &str = "xlsx-export";
/// The kind of the workbook import: input the workbook, params `{"today":
/// "YYYY-MM-DD", "assessments": [...]}` with the stored assessments (today
/// dates the status changes the workbook brings); output `{"assessment_id", "changes": [...],
/// "left_out": [...], "updated": <assessment>}` (JSON) for the one the workbook
/// names.
pub const XLSX_READ: &str = "xlsx-read";
/// The kind of the OSCAL export: input an assessment file, params the time;
/// output the assessment-results document (JSON).
pub const OSCAL_EXPORT: &str = "oscal-export";

/// The kind of the Word report: input `{"assessment": <file>, "coverage":
/// [{"framework": <file>, "mapping": <file>}]}` (JSON, the frameworks the
/// report page includes), params today's date; output the DOCX document.
pub const DOCX_REPORT: &str = "docx-report";
/// The kind of the board page as a Word document: input an assessment file,
/// params today's date; output the DOCX document.
pub const DOCX_BOARD: &str = "docx-board";

/// The kind of the portfolio workbook: input a JSON list of assessment files,
/// params the filter `{"role": id or null, "profile": id or null, "tag": text
/// or null}`; output the XLSX workbook of the portfolio.
pub const PORTFOLIO_XLSX: &str = "portfolio-xlsx";

/// The kind of the redaction job: input an assessment file, params the fresh
/// id of the copy; output the copy for sharing (the core's allow-list,
/// [`smm_core::bundle::redact`]) as an assessment file. In the worker because
/// few visits make one, so the workbench bundle does not carry it.
pub const REDACT: &str = "redact";

fn assessment(bytes: &[u8]) -> Result<smm_core::Assessment, String> {
    smm_core::parse_assessment(bytes, smm_core::Catalogue::builtin()).map_err(|e| e.to_string())
}

/// The assessment and the (framework, mapping) pairs of an export's input.
type WithCoverage = (smm_core::Assessment, Vec<(smm_core::framework::Framework, smm_core::mapping::Mapping)>);

fn with_coverage(input: &[u8]) -> Result<WithCoverage, String> {
    let v: serde_json::Value = serde_json::from_slice(input).map_err(|e| e.to_string())?;
    let a = assessment(v["assessment"].to_string().as_bytes())?;
    let cat = smm_core::Catalogue::builtin();
    let mut pairs = Vec::new();
    for c in v["coverage"].as_array().cloned().unwrap_or_default() {
        let f =
            smm_core::framework::parse_framework(c["framework"].to_string().as_bytes()).map_err(|e| e.to_string())?;
        let m = smm_core::mapping::parse_mapping(c["mapping"].to_string().as_bytes(), cat, &f)
            .map_err(|e| e.to_string())?;
        pairs.push((f, m));
    }
    Ok((a, pairs))
}

fn xlsx_export(input: &[u8], now: &str) -> Result<Vec<u8>, String> {
    let (a, pairs) = with_coverage(input)?;
    let refs: Vec<_> = pairs.iter().map(|(f, m)| (f, m)).collect();
    smm_exchange::xlsx::write_workbook(smm_core::Catalogue::builtin(), &a, &refs, now)
}

fn docx_report(input: &[u8], today: &str) -> Result<Vec<u8>, String> {
    let (a, pairs) = with_coverage(input)?;
    let refs: Vec<_> = pairs.iter().map(|(f, m)| (f, m)).collect();
    smm_exchange::docx::report_docx(smm_core::Catalogue::builtin(), &a, &refs, today)
}

fn portfolio_xlsx(input: &[u8], filter: &str) -> Result<Vec<u8>, String> {
    let list: Vec<serde_json::Value> = serde_json::from_slice(input).map_err(|e| e.to_string())?;
    let all = list.iter().map(|v| assessment(v.to_string().as_bytes())).collect::<Result<Vec<_>, _>>()?;
    let f: serde_json::Value = serde_json::from_str(filter).map_err(|e| e.to_string())?;
    let text = |k: &str| f[k].as_str().map(str::to_string);
    let filter = smm_core::portfolio::PortfolioFilter {
        role: text("role").and_then(|r| smm_core::Role::from_id(&r)),
        profile: text("profile"),
        tag: text("tag"),
    };
    let cat = smm_core::Catalogue::builtin();
    smm_exchange::xlsx::write_portfolio(cat, &smm_core::portfolio::Portfolio::new(cat, &all, &filter))
}

fn xlsx_read(input: &[u8], stored: &str) -> Result<Vec<u8>, String> {
    // What the file is, by the core's one way in. Bytes that are no kind at all
    // go to the workbook reader, which says why they are not a workbook.
    match smm_core::read_any(input, smm_core::Catalogue::builtin()) {
        Ok(smm_core::Incoming::Workbook) | Err(_) => {}
        Ok(smm_core::Incoming::Encrypted) => {
            return Err("the workbook is still encrypted: open it with its passphrase first".into())
        }
        Ok(
            other @ (smm_core::Incoming::Assessment(_)
            | smm_core::Incoming::Bundle { .. }
            | smm_core::Incoming::Profile(_)
            | smm_core::Incoming::Framework(_)
            | smm_core::Incoming::Mapping(_)
            | smm_core::Incoming::Interview(_)
            | smm_core::Incoming::Answers(_)
            | smm_core::Incoming::Benchmark(_)),
        ) => return Err(format!("this is {}, not a workbook", other.kind_name())),
    }
    let params: serde_json::Value = serde_json::from_str(stored).map_err(|e| e.to_string())?;
    let today = params["today"].as_str().unwrap_or_default().to_string();
    let list: Vec<serde_json::Value> = params["assessments"].as_array().cloned().unwrap_or_default();
    let cat = smm_core::Catalogue::builtin();
    let mut last = "no assessment is stored in this browser".to_string();
    for v in list {
        let a = assessment(v.to_string().as_bytes())?;
        match smm_exchange::xlsx::read_changes(input, cat, &a, &today) {
            Ok(p) => {
                let changes: Vec<serde_json::Value> = p
                    .changes
                    .iter()
                    .map(|c| serde_json::json!({"sheet": c.sheet, "row": c.row, "id": c.id, "field": c.field, "old": c.old, "new": c.new}))
                    .collect();
                let out = serde_json::json!({"assessment_id": a.id, "changes": changes, "left_out": p.left_out, "updated": p.updated});
                return Ok(out.to_string().into_bytes());
            }
            // Another assessment's workbook: try the next stored one.
            Err(e @ smm_exchange::xlsx::ReadError::OtherAssessment { .. }) => last = e.to_string(),
            Err(e) => return Err(e.to_string()),
        }
    }
    Err(last.replace(", not", "; it is not stored here, and it is not"))
}

/// Runs job `kind` on `input` with `params`; an unknown kind is an error.
pub fn run(kind: &str, input: &[u8], params: &str) -> Result<Vec<u8>, String> {
    match kind {
        SHA256 => Ok(sha256_hex(input).into_bytes()),
        AGE_ENCRYPT => smm_core::seal::encrypt(input, params, smm_core::seal::WORK_FACTOR).map_err(|e| e.to_string()),
        AGE_DECRYPT => smm_core::seal::decrypt(input, params, MAX_WORK_FACTOR_IN_PAGE).map_err(|e| e.to_string()),
        XLSX_EXPORT => xlsx_export(input, params),
        XLSX_READ => xlsx_read(input, params),
        DOCX_REPORT => docx_report(input, params),
        PORTFOLIO_XLSX => portfolio_xlsx(input, params),
        DOCX_BOARD => {
            assessment(input).and_then(|a| smm_exchange::docx::board_docx(smm_core::Catalogue::builtin(), &a, params))
        }
        REDACT => assessment(input).map(|a| {
            let cat = smm_core::Catalogue::builtin();
            let copy = smm_core::bundle::redact(&a, cat, smm_core::trust::TrustCatalogue::builtin(), params);
            smm_core::assessment_to_json(&copy).into_bytes()
        }),
        OSCAL_EXPORT => assessment(input).map(|a| {
            smm_exchange::oscal::assessment_results_json(smm_core::Catalogue::builtin(), &a, params).into_bytes()
        }),
        other => Err(format!("this version of SMM Navigator does not know the job “{other}”")),
    }
}

/// The SHA-256 digest of `bytes` in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A SHA-256 computed piece by piece (a large file is hashed from the browser's
/// copy a chunk at a time, never copied whole into the worker's memory).
#[derive(Default)]
pub struct Sha256Stream(Sha256);

impl Sha256Stream {
    /// Adds the next piece.
    pub fn update(&mut self, piece: &[u8]) {
        self.0.update(piece);
    }
    /// The digest in lowercase hexadecimal.
    pub fn finish(self) -> String {
        hex(&self.0.finalize())
    }
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_published_test_vectors() {
        // FIPS 180-2 examples.
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(run(SHA256, b"abc", "").unwrap(), sha256_hex(b"abc").into_bytes());
    }

    #[test]
    fn hashing_in_pieces_gives_the_same_digest() {
        let data: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let mut s = Sha256Stream::default();
        for piece in data.chunks(997) {
            s.update(piece);
        }
        assert_eq!(s.finish(), sha256_hex(&data));
    }

    #[test]
    fn the_redaction_job_makes_the_copy_for_sharing() {
        let a = include_str!("../../examples/bottling-line-asset-owner.smm.json");
        let out = String::from_utf8(run(REDACT, a.as_bytes(), "shared-x1").unwrap()).unwrap();
        let copy = smm_core::parse_assessment(out.as_bytes(), smm_core::Catalogue::builtin()).unwrap();
        assert_eq!(copy.id, "shared-x1");
        for secret in ["Brightwater", "brightwater-line3-2026", "Okafor"] {
            assert!(!out.contains(secret), "{secret}");
        }
    }

    #[test]
    fn encryption_jobs_round_trip_and_refuse_a_wrong_passphrase() {
        let sealed = run(AGE_ENCRYPT, b"{\"a\": 1}", "pass phrase").unwrap();
        assert!(sealed.starts_with(smm_core::seal::AGE_MAGIC));
        assert_eq!(run(AGE_DECRYPT, &sealed, "pass phrase").unwrap(), b"{\"a\": 1}");
        let e = run(AGE_DECRYPT, &sealed, "other").unwrap_err();
        assert!(e.contains("passphrase does not open"), "{e}");
    }

    #[test]
    fn a_workbook_made_by_the_worker_reads_back_without_changes() {
        let a = include_str!("../../examples/bottling-line-asset-owner.smm.json");
        let input = format!(r#"{{"assessment": {a}, "coverage": []}}"#);
        let book = run(XLSX_EXPORT, input.as_bytes(), "2026-12-02T00:00:00Z").unwrap();
        let out = run(XLSX_READ, &book, &format!(r#"{{"today": "2026-12-06", "assessments": [{a}]}}"#)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["assessment_id"], "brightwater-line3-2026");
        assert_eq!(v["changes"], serde_json::json!([]));
        let camera = include_str!("../../examples/home-camera-product-supplier.smm.json");
        let e = run(XLSX_READ, &book, &format!(r#"{{"today": "2026-12-06", "assessments": [{camera}]}}"#)).unwrap_err();
        assert!(e.contains("it is not stored here"), "{e}");
        let oscal = run(OSCAL_EXPORT, a.as_bytes(), "2026-12-02T00:00:00Z").unwrap();
        assert!(String::from_utf8(oscal).unwrap().contains("\"assessment-results\""));
    }

    #[test]
    fn the_word_report_and_board_page_are_word_documents() {
        let a = include_str!("../../examples/bottling-line-asset-owner.smm.json");
        let input = format!(r#"{{"assessment": {a}, "coverage": []}}"#);
        for doc in [
            run(DOCX_REPORT, input.as_bytes(), "2026-12-06").unwrap(),
            run(DOCX_BOARD, a.as_bytes(), "2026-12-06").unwrap(),
        ] {
            assert_eq!(&doc[..2], b"PK", "a zip package");
            let text = String::from_utf8_lossy(&doc);
            assert!(text.contains("word/document.xml") && text.contains("word/media/chart1.png"));
        }
        assert!(run(DOCX_BOARD, b"{}", "2026-12-06").is_err(), "not an assessment");
    }

    #[test]
    fn an_unknown_job_is_refused_with_its_name() {
        let e = run("teleport", b"", "").unwrap_err();
        assert!(e.contains("teleport"), "{e}");
    }
}
