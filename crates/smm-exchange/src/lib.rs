//! # smm-exchange
//!
//! SMM Navigator's exchange formats over `smm-core`, in a crate of their own so
//! that the core stays small and fast to test:
//!
//! - [`xlsx`]: the workbook of an assessment (written with `rust_xlsxwriter`) and
//!   the changes a spreadsheet user made to it (read back with `calamine`).
//! - [`oscal`]: an OSCAL `assessment-results` document of an assessment.
//! - [`docx`]: the Word report of an assessment and its board page, with the
//!   charts as PNG images drawn by `smm-charts`.
//!
//! The `smm` command and the web app's on-demand worker use it; neither page
//! bundle does.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod docx;
pub mod oscal;
pub mod xlsx;

/// A UUID (version 4 layout) derived from `parts`, so that the same assessment
/// always gives the same identifiers (no randomness needed, none leaked).
pub(crate) fn stable_uuid(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_uuids_are_version_4_and_stable() {
        let a = super::stable_uuid(&["a", "b"]);
        assert_eq!(a, super::stable_uuid(&["a", "b"]));
        assert_ne!(a, super::stable_uuid(&["ab"]));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
