//! Tidy checks over the source tree: every file documents itself, and each outside crate stays in its one layer.
//!
//! A module of the `cli` test target (see `tests/cli.rs`). The checks read `src/**/*.rs` as
//! text; comment lines are skipped, so the crate doc may name the rules it states.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, as (path relative to the crate, text).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    walk(&root.join("src"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Files that use `krate` in code (comment lines do not count) but are outside `allowed`.
fn users_outside(krate: &str, allowed: &[&str]) -> Vec<String> {
    let word = |line: &str| {
        line.match_indices(krate).any(|(i, _)| {
            let before = line[..i].chars().next_back();
            let after = line[i + krate.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    };
    sources()
        .into_iter()
        .filter(|(path, _)| !allowed.iter().any(|a| path.starts_with(a)))
        .filter(|(_, text)| {
            text.lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .any(word)
        })
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "these files do not start with a `//!` line saying what they are for: {missing:?}"
    );
}

#[test]
fn only_store_touches_sqlite() {
    let outside = users_outside("rusqlite", &["src/store"]);
    assert!(
        outside.is_empty(),
        "rusqlite used outside src/store: {outside:?}"
    );
}

#[test]
fn only_render_touches_plotters() {
    let outside = users_outside("plotters", &["src/render"]);
    assert!(
        outside.is_empty(),
        "plotters used outside src/render: {outside:?}"
    );
}

#[test]
fn only_the_command_layer_touches_clap() {
    let outside = users_outside("clap", &["src/app", "src/main.rs"]);
    assert!(outside.is_empty(), "clap used outside src/app: {outside:?}");
}

#[test]
fn the_library_does_not_import_the_command_layer() {
    let outside = users_outside("crate::app", &["src/app"]);
    assert!(
        outside.is_empty(),
        "modules below src/app import it: {outside:?}"
    );
}

#[test]
fn the_checks_see_the_tree() {
    let all = sources();
    assert!(all.iter().any(|(p, _)| p == "src/lib.rs"), "{all:?}");
    assert!(
        !users_outside("rusqlite", &[]).is_empty(),
        "store uses rusqlite"
    );
}
