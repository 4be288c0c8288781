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

/// Runs job `kind` on `input` with `params`; an unknown kind is an error.
pub fn run(kind: &str, input: &[u8], params: &str) -> Result<Vec<u8>, String> {
    match kind {
        SHA256 => Ok(sha256_hex(input).into_bytes()),
        AGE_ENCRYPT => smm_core::seal::encrypt(input, params, smm_core::seal::WORK_FACTOR).map_err(|e| e.to_string()),
        AGE_DECRYPT => smm_core::seal::decrypt(input, params, MAX_WORK_FACTOR_IN_PAGE).map_err(|e| e.to_string()),
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
    fn encryption_jobs_round_trip_and_refuse_a_wrong_passphrase() {
        let sealed = run(AGE_ENCRYPT, b"{\"a\": 1}", "pass phrase").unwrap();
        assert!(sealed.starts_with(smm_core::seal::AGE_MAGIC));
        assert_eq!(run(AGE_DECRYPT, &sealed, "pass phrase").unwrap(), b"{\"a\": 1}");
        let e = run(AGE_DECRYPT, &sealed, "other").unwrap_err();
        assert!(e.contains("passphrase does not open"), "{e}");
    }

    #[test]
    fn an_unknown_job_is_refused_with_its_name() {
        let e = run("teleport", b"", "").unwrap_err();
        assert!(e.contains("teleport"), "{e}");
    }
}
