//! The layer rule of smm-core (ARCHITECTURE.md): each layer imports only the
//! layers below it. A file in `src/<layer>/` that names `crate::<higher
//! layer>`, or one of the topic modules that `lib.rs` offers to other crates,
//! fails this test with the file and line.

use std::path::Path;

/// The layers, lowest first.
const LAYERS: [&str; 8] = ["base", "model", "reference", "validation", "formats", "engine", "edits", "exports"];

fn rank(name: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == name)
}

/// The code of a file without comments and without its test module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// Every `crate::<name>` in `code`, with its line number.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            out.push((n + 1, name));
            rest = after;
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The violations in the source tree at `src`: (file, line, message).
fn violations(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut all = Vec::new();
    files(src, &mut all);
    for path in all {
        let rel = path.strip_prefix(src).unwrap();
        let Some(layer) = rel.components().next().and_then(|c| c.as_os_str().to_str()) else { continue };
        let Some(own) = rank(layer) else {
            if rel != Path::new("lib.rs") {
                found.push(format!("{}: a file outside the layers", rel.display()));
            }
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for (line, name) in crate_paths(&code(&text)) {
            match rank(&name) {
                Some(r) if r > own => found.push(format!(
                    "{}:{line}: layer `{layer}` imports `crate::{name}`, a layer above it",
                    rel.display()
                )),
                Some(_) => {}
                None => found.push(format!(
                    "{}:{line}: `crate::{name}` is not a layer: inside the crate, name the layer module",
                    rel.display()
                )),
            }
        }
    }
    found
}

#[test]
fn every_layer_imports_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(found.is_empty(), "imports against the layer rule:\n{}", found.join("\n"));
}

#[test]
fn an_upward_import_and_a_topic_module_are_found() {
    let dir = std::env::temp_dir().join(format!("smm-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("model")).unwrap();
    std::fs::create_dir_all(dir.join("engine")).unwrap();
    std::fs::write(dir.join("lib.rs"), "pub mod model;\n").unwrap();
    std::fs::write(
        dir.join("model/x.rs"),
        "use crate::base::level::Level;\n// crate::exports in a comment is fine\nuse crate::engine::gaps::x;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("engine/y.rs"),
        "fn f() { crate::document::validate(); }\n#[cfg(test)]\nuse crate::exports::z;\n",
    )
    .unwrap();
    let mut found = violations(&dir);
    found.sort();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        found,
        [
            "engine/y.rs:1: `crate::document` is not a layer: inside the crate, name the layer module",
            "model/x.rs:3: layer `model` imports `crate::engine`, a layer above it",
        ]
    );
}
