//! The jobs the on-demand worker does: plain functions from bytes to bytes,
//! tested natively.

use sha2::{Digest, Sha256};

/// The kind of the SHA-256 fingerprint job: input any bytes, output the digest
/// as 64 lowercase hexadecimal digits (UTF-8).
pub const SHA256: &str = "sha256";

/// Runs job `kind` on `input` with `params`; an unknown kind is an error.
pub fn run(kind: &str, input: &[u8], _params: &str) -> Result<Vec<u8>, String> {
    match kind {
        SHA256 => Ok(sha256_hex(input).into_bytes()),
        other => Err(format!("this version of SMM Navigator does not know the job “{other}”")),
    }
}

/// The SHA-256 digest of `bytes` in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
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
    fn an_unknown_job_is_refused_with_its_name() {
        let e = run("teleport", b"", "").unwrap_err();
        assert!(e.contains("teleport"), "{e}");
    }
}
