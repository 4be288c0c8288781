//! Tidy checks of the web app's source (in the manner of rust-analyzer's): the
//! rules ARCHITECTURE.md states about where code may go, each a search of
//! `src/` that names the file and line of a breach.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every line of `src/` (comments left out) with its file relative to `src/`.
fn lines() -> Vec<(String, usize, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let mut out = Vec::new();
    for path in all {
        let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if !code.trim().is_empty() {
                out.push((rel.clone(), n + 1, code.to_string()));
            }
        }
    }
    out
}

/// The places where one of `needles` appears outside the files `allowed`.
fn breaches(needles: &[&str], allowed: &[&str]) -> Vec<String> {
    lines()
        .into_iter()
        .filter(|(file, _, code)| !allowed.contains(&file.as_str()) && needles.iter().any(|n| code.contains(n)))
        .map(|(file, n, code)| format!("src/{file}:{n}: {}", code.trim()))
        .collect()
}

fn assert_none(rule: &str, found: Vec<String>) {
    assert!(found.is_empty(), "{rule}:\n{}", found.join("\n"));
}

#[test]
fn files_leave_the_page_only_through_the_outbox() {
    // The Blob and link that make a download exist in one file.
    assert_none(
        "a download made outside src/shared/download.rs",
        breaches(&["create_object_url", "set_download(", "Blob::new"], &["shared/download.rs"]),
    );
    // Its one function is called by the workbench's and exchange page's outbox
    // (which encrypts when asked), and by the reader's quick check (a page that
    // offers no encryption; the file holds indicator ids only).
    assert_none(
        "the download primitive called outside the outbox",
        breaches(
            &["download::offer", "offer(&", "offer(\""],
            &["shared/download.rs", "workbench/outbox.rs", "reader/mini_assessment.rs"],
        ),
    );
}

#[test]
fn one_module_touches_local_storage_and_one_draws_charts() {
    assert_none(
        "localStorage touched outside src/shared/storage.rs",
        breaches(&["gloo_storage", "local_storage()", "LocalStorage"], &["shared/storage.rs"]),
    );
    // Charts are drawn by the smm-charts crate alone: the app re-exports it
    // (src/workbench/charts.rs) and no other manifest names plotters.
    assert_none(
        "plotters used in src/ (charts are drawn by crates/smm-charts)",
        breaches(&["plotters::", "plotters_backend::"], &[]),
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut manifests = vec![root.join("Cargo.toml")];
    for entry in std::fs::read_dir(root.join("crates")).unwrap() {
        let m = entry.unwrap().path().join("Cargo.toml");
        if m.exists() {
            manifests.push(m);
        }
    }
    let drawing: Vec<String> = manifests
        .iter()
        .filter(|m| std::fs::read_to_string(m).unwrap().lines().any(|l| l.trim_start().starts_with("plotters")))
        .map(|m| m.strip_prefix(root).unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(drawing, ["crates/smm-charts/Cargo.toml"], "plotters is a dependency of the charts crate only");
}

#[test]
fn the_rules_of_the_core_are_not_written_again_in_the_app() {
    // The order of met indicators: smm_core::edits::results::set_met.
    assert_none(
        "the list of met indicators edited outside the core",
        breaches(&["indicators_met.push", "indicators_met.sort", "indicators_met.retain"], &[]),
    );
    // Which role a framework is read for, and its coverage: smm_core::engine::coverage::coverage.
    assert_none(
        "framework coverage computed outside the core",
        breaches(&["has_roles().then", "implied_requirements(", "group_coverage("], &[]),
    );
    // The heatmap's majority: PracticeConsensus::standing.
    assert_none("a majority rule outside the core", breaches(&["* 2 >"], &[]));
    // The achieved level: smm_core::engine::achieved_level.
    assert_none("the achieved level derived outside the core", breaches(&["level_override.as_ref().map_or"], &[]));
    // Which kind a file is: smm_core::read_any.
    assert_none("a file kind decided outside the core", breaches(&["detect_format", "starts_with(b\"PK"], &[]));
}
