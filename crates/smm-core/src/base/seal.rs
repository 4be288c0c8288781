//! Files encrypted with a passphrase, in the age format
//! (<https://age-encryption.org/v1>, scrypt recipient), so that anyone can open
//! them with the standard `age` or `rage` tools, without SMM Navigator.
//!
//! [`is_age`] and [`inspect`] only look at the header and are always built;
//! [`encrypt`] and [`decrypt`] need the `seal` feature (the `age` crate), which
//! the CLI and the on-demand worker turn on and neither page bundle carries.
//!
//! The scrypt work factor is the base-2 logarithm of its cost: each step up
//! doubles the time and the memory needed. Files are written at
//! [`WORK_FACTOR`]; a file asking for more than [`MAX_WORK_FACTOR`] is refused
//! before any work is done, so that a hostile file cannot hang the page or
//! exhaust its memory.

use std::fmt;

/// The first line of a binary age file.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// The first line of an ASCII-armoured age file.
pub const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
/// The scrypt work factor SMM Navigator encrypts with (2^17: 128 MiB of memory,
/// about a second in a browser).
pub const WORK_FACTOR: u8 = 17;
pub use crate::base::limits::{MAX_PASSPHRASE_HEADER, MAX_SEALED_BYTES, MAX_WORK_FACTOR};

/// Why a file could not be encrypted or decrypted. No variant carries the passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    /// Not an age file at all.
    NotAge,
    /// An age file, but for public-key recipients (X25519, SSH, plugins), not a passphrase.
    NotPassphrase(String),
    /// The header asks for more work than accepted.
    TooMuchWork {
        /// The work factor the file asks for.
        asked: u8,
        /// The highest accepted.
        max: u8,
    },
    /// The passphrase does not open the file.
    WrongPassphrase,
    /// The file is damaged or truncated (header, MAC or payload).
    Damaged(String),
    /// The file or its content is over [`MAX_SEALED_BYTES`].
    TooLarge(usize),
    /// An empty passphrase was given.
    EmptyPassphrase,
}

impl fmt::Display for SealError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SealError::NotAge => f.write_str("this is not an age-encrypted file"),
            SealError::NotPassphrase(kind) => write!(
                f,
                "this age file is encrypted to a key ({kind}), not with a passphrase; \
                 decrypt it with age or rage and the matching key, then import the result"
            ),
            SealError::TooMuchWork { asked, max } => write!(
                f,
                "this age file asks for a scrypt work factor of {asked}; at most {max} is accepted, \
                 so that a file cannot make the computer work for minutes (decrypt it with age or rage instead)"
            ),
            SealError::WrongPassphrase => f.write_str("the passphrase does not open this file; nothing was changed"),
            SealError::Damaged(why) => write!(f, "the encrypted file is damaged or incomplete ({why})"),
            SealError::TooLarge(n) => write!(
                f,
                "the file is {:.1} MiB; encrypted files over {:.0} MiB are refused",
                *n as f64 / 1048576.0,
                MAX_SEALED_BYTES as f64 / 1048576.0
            ),
            SealError::EmptyPassphrase => f.write_str("type a passphrase"),
        }
    }
}

impl std::error::Error for SealError {}

/// True when `bytes` start as an age file (binary or armoured), after optional whitespace.
pub fn is_age(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let b = &bytes[start..];
    b.starts_with(AGE_MAGIC) || b.starts_with(ARMOR_BEGIN)
}

/// What the header of a binary age file says, read without the age crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The recipient types of the stanzas, in order (`scrypt`, `X25519`, ...).
    pub recipients: Vec<String>,
    /// The scrypt work factor, when the file is for a passphrase.
    pub work_factor: Option<u8>,
    /// The header's length in bytes, up to and including its `---` line.
    pub length: usize,
}

/// Reads the header of a binary age file far enough to tell whether it is for
/// a passphrase and what work it asks for. Armoured files are reported as such
/// by [`decrypt`], which removes the armour first.
pub fn inspect(bytes: &[u8]) -> Result<Header, SealError> {
    let body = bytes.strip_prefix(AGE_MAGIC).ok_or(SealError::NotAge)?;
    let mut recipients = Vec::new();
    let mut work_factor = None;
    // The header ends at the line starting with `---`; look at most 64 KiB in.
    let window = &body[..body.len().min(64 * 1024)];
    let mut ended = false;
    let mut length = AGE_MAGIC.len();
    for line in window.split(|&b| b == b'\n') {
        length += line.len() + 1;
        if line.starts_with(b"---") {
            ended = true;
            break;
        }
        if let Some(stanza) = line.strip_prefix(b"-> ") {
            let text = std::str::from_utf8(stanza).map_err(|_| SealError::Damaged("the header is not text".into()))?;
            let mut args = text.split(' ');
            let kind = args.next().unwrap_or_default().to_string();
            if kind == "scrypt" {
                let _salt = args.next();
                let wf = args.next().and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=63).contains(n));
                work_factor =
                    Some(wf.ok_or_else(|| SealError::Damaged("the scrypt work factor is unreadable".into()))?);
            }
            recipients.push(kind);
        }
    }
    if !ended {
        return Err(SealError::Damaged("the header has no end".into()));
    }
    if recipients.is_empty() {
        return Err(SealError::Damaged("the header names no recipient".into()));
    }
    Ok(Header { recipients, work_factor, length: length.min(bytes.len()) })
}

/// Checks a header before decrypting: passphrase recipient only, work factor
/// within `max`.
pub fn check_header(h: &Header, max: u8) -> Result<(), SealError> {
    if h.recipients.iter().any(|r| r != "scrypt") || h.recipients.len() != 1 {
        let others: Vec<&str> = h.recipients.iter().map(String::as_str).filter(|r| *r != "scrypt").collect();
        let kind = if others.is_empty() { "several passphrases".to_string() } else { others.join(", ") };
        return Err(SealError::NotPassphrase(kind));
    }
    match h.work_factor {
        Some(wf) if wf > max => Err(SealError::TooMuchWork { asked: wf, max }),
        _ if h.length > MAX_PASSPHRASE_HEADER => Err(SealError::Damaged(format!(
            "the header is {} bytes; a passphrase file's header is under {MAX_PASSPHRASE_HEADER}",
            h.length
        ))),
        _ => Ok(()),
    }
}

/// Encrypts `plaintext` with `passphrase` at `work_factor` (binary age format).
#[cfg(feature = "seal")]
pub fn encrypt(plaintext: &[u8], passphrase: &str, work_factor: u8) -> Result<Vec<u8>, SealError> {
    use std::io::Write;
    if passphrase.is_empty() {
        return Err(SealError::EmptyPassphrase);
    }
    if plaintext.len() > MAX_SEALED_BYTES {
        return Err(SealError::TooLarge(plaintext.len()));
    }
    let mut recipient = age::scrypt::Recipient::new(age::secrecy::SecretString::from(passphrase.to_string()));
    recipient.set_work_factor(work_factor);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| SealError::Damaged(e.to_string()))?;
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| SealError::Damaged(e.to_string()))?;
    writer.write_all(plaintext).map_err(|e| SealError::Damaged(e.to_string()))?;
    writer.finish().map_err(|e| SealError::Damaged(e.to_string()))?;
    Ok(out)
}

/// Decrypts an age file (binary or armoured) made with a passphrase. The
/// header is checked first ([`inspect`]): other recipient types and work
/// factors over `max_work_factor` are refused before any scrypt work.
#[cfg(feature = "seal")]
pub fn decrypt(sealed: &[u8], passphrase: &str, max_work_factor: u8) -> Result<Vec<u8>, SealError> {
    use std::io::Read;
    if sealed.len() > MAX_SEALED_BYTES {
        return Err(SealError::TooLarge(sealed.len()));
    }
    if !is_age(sealed) {
        return Err(SealError::NotAge);
    }
    if passphrase.is_empty() {
        return Err(SealError::EmptyPassphrase);
    }
    let start = sealed.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let sealed = &sealed[start..];
    let binary: Vec<u8> = if sealed.starts_with(ARMOR_BEGIN) {
        let mut r = age::armor::ArmoredReader::new(sealed);
        let mut v = Vec::new();
        r.by_ref()
            .take(MAX_SEALED_BYTES as u64 + 1)
            .read_to_end(&mut v)
            .map_err(|e| SealError::Damaged(format!("the armour is broken: {e}")))?;
        v
    } else {
        sealed.to_vec()
    };
    check_header(&inspect(&binary)?, max_work_factor)?;
    let decryptor = age::Decryptor::new(&binary[..]).map_err(map_decrypt_error)?;
    if !decryptor.is_scrypt() {
        return Err(SealError::NotPassphrase("a key".into()));
    }
    let mut identity = age::scrypt::Identity::new(age::secrecy::SecretString::from(passphrase.to_string()));
    identity.set_max_work_factor(max_work_factor);
    let mut reader = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(map_decrypt_error)?;
    let mut out = Vec::new();
    reader
        .by_ref()
        .take(MAX_SEALED_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| SealError::Damaged(format!("the content does not decrypt: {e}")))?;
    if out.len() > MAX_SEALED_BYTES {
        return Err(SealError::TooLarge(out.len()));
    }
    Ok(out)
}

#[cfg(feature = "seal")]
fn map_decrypt_error(e: age::DecryptError) -> SealError {
    use age::DecryptError as E;
    match e {
        E::DecryptionFailed | E::NoMatchingKeys | E::KeyDecryptionFailed => SealError::WrongPassphrase,
        E::ExcessiveWork { required, target } => SealError::TooMuchWork { asked: required, max: target },
        E::InvalidMac => SealError::Damaged("the header's checksum does not match".into()),
        E::InvalidHeader => SealError::Damaged("the header is not valid".into()),
        E::UnknownFormat => SealError::Damaged("an age format this version does not know".into()),
        E::Io(e) => SealError::Damaged(e.to_string()),
        #[allow(unreachable_patterns)]
        other => SealError::Damaged(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_without_decrypting() {
        let h = inspect(b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nAAAA\n--- mac\nxx").unwrap();
        assert_eq!((&h.recipients[..], h.work_factor), (&["scrypt".to_string()][..], Some(18)));
        assert!(h.length < 200, "{}", h.length);
        assert_eq!(check_header(&h, 17), Err(SealError::TooMuchWork { asked: 18, max: 17 }));
        let x = inspect(b"age-encryption.org/v1\n-> X25519 abc\nAAAA\n--- mac\n").unwrap();
        assert!(matches!(check_header(&x, 20), Err(SealError::NotPassphrase(k)) if k == "X25519"));
        assert_eq!(inspect(b"{\"format\": 1}"), Err(SealError::NotAge));
        assert!(matches!(inspect(b"age-encryption.org/v1\n-> scrypt abc"), Err(SealError::Damaged(_))));
        assert!(matches!(inspect(b"age-encryption.org/v1\n-> scrypt abc 99\n--- m\n"), Err(SealError::Damaged(_))));
        assert!(is_age(b"\n  -----BEGIN AGE ENCRYPTED FILE-----\n"));
    }

    #[cfg(feature = "seal")]
    #[test]
    fn a_file_round_trips_and_a_wrong_passphrase_or_damage_is_told_apart() {
        let plain = br#"{"format": "smm-navigator/assessment"}"#;
        let sealed = encrypt(plain, "correct horse", 10).unwrap();
        assert!(is_age(&sealed));
        assert_eq!(inspect(&sealed).unwrap().work_factor, Some(10));
        assert_eq!(decrypt(&sealed, "correct horse", 20).unwrap(), plain);
        assert_eq!(decrypt(&sealed, "wrong", 20), Err(SealError::WrongPassphrase));
        assert_eq!(decrypt(&sealed, "correct horse", 9), Err(SealError::TooMuchWork { asked: 10, max: 9 }));
        let mut cut = sealed.clone();
        cut.truncate(sealed.len() - 5);
        assert!(matches!(decrypt(&cut, "correct horse", 20), Err(SealError::Damaged(_))));
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(matches!(decrypt(&flipped, "correct horse", 20), Err(SealError::Damaged(_))));
        assert_eq!(encrypt(plain, "", 10), Err(SealError::EmptyPassphrase));
    }
}
