//! The hostile age corpus (tests/fixtures/hostile-sealed/, written by
//! tests/fixtures/hostile/generate_sealed.py): every file is refused with its
//! message, hostile work factors before any scrypt work.

use std::time::{Duration, Instant};

use smm_core::seal::{decrypt, encrypt, MAX_WORK_FACTOR};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hostile-sealed");

#[test]
fn every_hostile_age_file_is_refused_with_its_message() {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap()).unwrap();
    let cases = expected.as_object().unwrap();
    assert!(cases.len() >= 12);
    for (name, case) in cases {
        let bytes = std::fs::read(format!("{DIR}/{name}")).unwrap();
        let started = Instant::now();
        let err = decrypt(&bytes, case["passphrase"].as_str().unwrap(), MAX_WORK_FACTOR).expect_err(name).to_string();
        let message = case["message"].as_str().unwrap();
        assert!(err.contains(message), "{name}: expected `{message}` in `{err}`");
        assert!(started.elapsed() < Duration::from_secs(10), "{name} took {:?}", started.elapsed());
    }
}

#[test]
fn a_huge_work_factor_is_refused_at_once() {
    let bytes = std::fs::read(format!("{DIR}/huge-work-factor.age")).unwrap();
    let started = Instant::now();
    assert!(decrypt(&bytes, "x", MAX_WORK_FACTOR).is_err());
    assert!(started.elapsed() < Duration::from_millis(500), "refused before any scrypt work");
}

#[test]
fn the_file_the_damaged_cases_start_from_opens() {
    let bytes = std::fs::read(format!("{DIR}/wrong-passphrase.age")).unwrap();
    let plain = decrypt(&bytes, "corpus passphrase", MAX_WORK_FACTOR).unwrap();
    assert!(String::from_utf8(plain).unwrap().contains("\"format\": \"smm-navigator/assessment\""));
    // And a megabyte round-trips.
    let big: Vec<u8> = (0..1_048_576u32).map(|i| (i % 253) as u8).collect();
    assert_eq!(decrypt(&encrypt(&big, "p", 10).unwrap(), "p", 10).unwrap(), big);
}

#[test]
fn a_long_header_is_refused_before_the_age_parser_reads_it() {
    // Found by fuzzing: one scrypt stanza followed by 540 lines took the age
    // crate's header parser 0.4 s (its time grows with the square of the length).
    let mut file = b"age-encryption.org/v1\n-> scrypt g62UYDGWEXHyvVdK8Pwdvw 3\n".to_vec();
    for _ in 0..540 {
        file.extend_from_slice(b"nDmN1WIuVh6QH90eQMaR1cZ4Qrc50dV0VEaw1P80YEJjromcyYFgdxQfFgnuVHbS\n");
    }
    file.extend_from_slice(b"--- uZWaWhlcDNQaXB1WThJUlp1c0RTRnFJV1l5L3cwR1J2Q1BvbVlH\npayload");
    let started = Instant::now();
    let err = decrypt(&file, "x", MAX_WORK_FACTOR).unwrap_err().to_string();
    assert!(err.contains("a passphrase file's header is under 1024"), "{err}");
    assert!(started.elapsed() < Duration::from_millis(50), "took {:?}", started.elapsed());
}
