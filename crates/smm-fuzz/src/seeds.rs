//! The seed corpus of each target: the real files SMM Navigator reads (the
//! examples, the shipped catalogues, the fixtures of every released version,
//! the hostile corpora), files made from them here (bundles, snapshots,
//! workbooks), the committed seeds under `crates/smm-fuzz/corpus/`, and every
//! saved finding under `crates/smm-fuzz/regressions/`. Read in name order, so
//! that a seeded run is the same on every machine.

use std::path::{Path, PathBuf};

use smm_core::bundle::{Bundle, BUNDLE_FORMAT, BUNDLE_VERSION};
use smm_core::history::Snapshots;
use smm_core::{parse_assessment, Assessment, Catalogue};

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where the findings of `target` are kept (and replayed by the tests).
pub fn regressions_dir(target: &str) -> PathBuf {
    root().join("crates/smm-fuzz/regressions").join(target)
}

/// Where committed seeds of `target` that cannot be made here reproducibly are kept.
pub fn corpus_dir(target: &str) -> PathBuf {
    root().join("crates/smm-fuzz/corpus").join(target)
}

/// The files in `dir` (relative to the root) whose names end with one of `ends`, in name order.
fn files(dir: &str, ends: &[&str]) -> Vec<Vec<u8>> {
    files_in(&root().join(dir), |n| ends.iter().any(|e| n.ends_with(e)) && n != "expected.json")
}

fn files_in(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().and_then(|n| n.to_str()).is_some_and(&keep))
        .collect();
    paths.sort();
    paths.into_iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn examples() -> Vec<Assessment> {
    files("examples", &[".smm.json"]).iter().filter_map(|b| parse_assessment(b, Catalogue::builtin()).ok()).collect()
}

fn assessments() -> Vec<Vec<u8>> {
    let mut out = files("examples", &[".smm.json"]);
    out.extend(files("tests/fixtures", &[".smm.json"]));
    out.extend(files("tests/fixtures/interviews", &[".smm.json"]));
    out
}

fn snapshots_of(a: &Assessment) -> Snapshots {
    let mut s = Snapshots::empty(&a.id);
    s.take(a, "2026-06-01T09:00:00Z", "Before the audit");
    let mut later = a.clone();
    later.metadata.name.push_str(" (later)");
    s.take(&later, "2026-11-01T09:00:00Z", "");
    s
}

fn bundle() -> Vec<u8> {
    let list = examples();
    let snaps: Vec<Snapshots> = list.iter().map(snapshots_of).collect();
    Bundle {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        exported_at: "2026-12-02T00:00:00Z",
        assessments: &list,
        snapshots: &snaps,
    }
    .to_json()
    .into_bytes()
}

fn workbooks() -> Vec<Vec<u8>> {
    let cat = Catalogue::builtin();
    let base = crate::targets::workbook_base();
    let mut changed = base.clone();
    for (i, t) in changed.targets.values_mut().enumerate() {
        t.level = smm_core::Level::new((i % 5) as u8).unwrap_or(t.level);
        t.rationale = format!("Changed in the workbook ({i})");
    }
    changed.results.values_mut().for_each(|r| r.notes.push_str(" More notes."));
    let mapping = smm_core::mapping::Mapping::builtin();
    let framework = smm_core::framework::Framework::builtin(&mapping.framework);
    let coverage: Vec<_> = framework.into_iter().map(|f| (f, mapping)).collect();
    [(base, &coverage[..]), (&changed, &[][..])]
        .into_iter()
        .filter_map(|(a, c)| smm_exchange::xlsx::write_workbook(cat, a, c, "2026-12-02T00:00:00Z").ok())
        .collect()
}

/// Small copies of each file in `dir`: its list `key` cut to a few windows of
/// `keep` items (a file that is not JSON, or has no such list, as it is). The
/// shipped mappings (100 KB), profiles (64 KB) and framework catalogues are
/// slow to read whole; most mutations need only a few rows to reach every
/// path, and `perf` showed the parsing of large seeds taking the run. The
/// shipped files stay among the seeds whole; the hostile copies of them go in
/// small.
fn small(dir: &str, key: &str, keep: usize) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for bytes in files(dir, &[".json"]) {
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
            out.push(bytes);
            continue;
        };
        let Some(len) = value.get(key).and_then(|v| v.as_array()).map(Vec::len) else {
            out.push(bytes);
            continue;
        };
        for start in [0, len / 3, 2 * len / 3] {
            let mut v = value.clone();
            if let Some(list) = v.get_mut(key).and_then(|l| l.as_array_mut()) {
                *list = list.iter().skip(start).take(keep).cloned().collect();
                out.push(serde_json::to_vec_pretty(&v).unwrap_or_default());
            }
        }
    }
    out
}

/// The seeds of `target`, in a fixed order.
pub fn seeds(target: &str) -> Vec<Vec<u8>> {
    let json = [".json"];
    let mut out = match target {
        "assessment" => {
            let mut v = assessments();
            v.extend(files("tests/fixtures/hostile", &json));
            v
        }
        "migration" => assessments()
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let mut v = vec![i as u8];
                v.extend(b);
                v
            })
            .collect(),
        "import" => {
            let mut v = assessments();
            v.push(bundle());
            v.extend(files("tests/fixtures/hostile", &json));
            v
        }
        "snapshots" => {
            examples().iter().map(|a| serde_json::to_vec_pretty(&snapshots_of(a)).unwrap_or_default()).collect()
        }
        "profile" => {
            let mut v = files("crates/smm-core/data/profiles", &json);
            v.extend(small("crates/smm-core/data/profiles", "entries", 3));
            v.extend(small("tests/fixtures/hostile-profiles", "entries", 3));
            v
        }
        "framework" => {
            let mut v = files("crates/smm-core/data/frameworks", &json);
            v.extend(small("crates/smm-core/data/frameworks", "requirements", 12));
            v.extend(small("tests/fixtures/hostile-frameworks", "requirements", 12));
            v
        }
        "mapping" => {
            let mut v = files("crates/smm-core/data/mappings", &json);
            v.extend(small("crates/smm-core/data/mappings", "rows", 6));
            v.extend(files("tests/fixtures", &["mapping-v1.json"]));
            v.extend(small("tests/fixtures/hostile-mappings", "rows", 6));
            v
        }
        "interview" => {
            let mut v = files("tests/fixtures/interviews", &["interview.json"]);
            v.extend(files_in(&root().join("tests/fixtures/hostile-interviews"), |n| n.starts_with("interview-")));
            v
        }
        "answers" => {
            let mut v = files_in(&root().join("tests/fixtures/interviews"), |n| n.starts_with("answers-"));
            v.extend(files_in(&root().join("tests/fixtures/hostile-interviews"), |n| n.starts_with("answers-")));
            v
        }
        "benchmark" => {
            let mut v = files("tests/fixtures", &["benchmark-v1.json"]);
            v.extend(files("tests/fixtures/hostile-benchmarks", &[".json"]));
            v
        }
        "scan" => {
            let mut v = files("tests/fixtures/hostile", &json);
            v.extend(files("examples", &[".smm.json"]));
            v.extend(files("tests/fixtures/hostile-interviews", &json));
            v
        }
        "sealed" => files("tests/fixtures/hostile-sealed", &[".age"]),
        "workbook" => workbooks(),
        _ => Vec::new(),
    };
    out.extend(files_in(&corpus_dir(target), |_| true));
    out.extend(files_in(&regressions_dir(target), |_| true));
    out
}
