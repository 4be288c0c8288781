//! The hostile-input corpus (`tests/fixtures/hostile/`), read through the import
//! entry point: every file is refused with a message that names the problem and
//! its JSON path, or (for the few valid ones) accepted unchanged.

use smm_core::bundle::read_file;
use smm_core::{Catalogue, MAX_FILE_BYTES};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hostile");

#[test]
fn every_hostile_file_gets_its_message_and_path() {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap()).unwrap();
    let cases = expected.as_object().unwrap();
    assert!(cases.len() >= 40, "the corpus has {} files", cases.len());
    for (name, want) in cases {
        let bytes = std::fs::read(format!("{DIR}/{name}")).unwrap();
        let result = read_file(&bytes, Catalogue::builtin());
        match want["message"].as_str() {
            None => assert!(result.is_ok(), "{name} should be accepted: {:?}", result.err()),
            Some(message) => {
                let err = result.expect_err(name);
                let first = &err.problems[0];
                assert!(err.to_string().contains(message), "{name}: expected `{message}` in `{err}`");
                if let Some(path) = want["path"].as_str() {
                    let ok = if let Some(prefix) = path.strip_suffix('[') {
                        first.path.starts_with(&format!("{prefix}["))
                    } else {
                        first.path == path
                    };
                    assert!(ok, "{name}: path `{}` instead of `{path}`", first.path);
                }
            }
        }
    }
}

#[test]
fn a_ten_megabyte_string_and_a_fifty_megabyte_file_are_refused_by_size() {
    let base = std::fs::read_to_string(format!("{DIR}/../assessment-v2.smm.json")).unwrap();
    let ten = base.replacen("\"notes\": \"\"", &format!("\"notes\": \"{}\"", "A".repeat(10 * 1024 * 1024)), 1);
    let err = read_file(ten.as_bytes(), Catalogue::builtin()).unwrap_err().to_string();
    assert!(err.contains("files over 5 MiB are refused"), "{err}");
    let fifty = vec![b' '; 50 * 1024 * 1024];
    let err = read_file(&fifty, Catalogue::builtin()).unwrap_err().to_string();
    assert!(err.contains("the file is 50.0 MiB"), "{err}");
    // Under the file limit, one text field over the text limit is named.
    let two = base.replacen("\"notes\": \"\"", &format!("\"notes\": \"{}\"", "B".repeat(200_000)), 1);
    assert!(two.len() < MAX_FILE_BYTES);
    let err = read_file(two.as_bytes(), Catalogue::builtin()).unwrap_err();
    assert!(err.problems[0].path.ends_with(".notes") && err.problems[0].message.contains("at most 100000"), "{err}");
}

#[test]
fn markup_survives_as_plain_text() {
    let bytes = std::fs::read(format!("{DIR}/markup-in-every-text-field.json")).unwrap();
    let read = read_file(&bytes, Catalogue::builtin()).unwrap();
    let a = &read.assessments()[0].assessment;
    assert!(a.metadata.name.starts_with("<script>window.__pwned=1</script>"));
}
