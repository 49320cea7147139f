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

/// `text` with comments, string literals and char literals blanked out (line breaks kept), so
/// braces inside them do not count.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let rest = &text[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').map_or(b.len(), |n| i + n);
            i = end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(b.len(), |n| i + n + 2);
            out.extend(text[i..end].chars().filter(|&c| c == '\n'));
            i = end;
        } else if let Some(hashes) = raw_string_open(text, i) {
            let open = i + 2 + hashes + usize::from(b[i] == b'b');
            let close = format!("\"{}", "#".repeat(hashes));
            let end = text[open..]
                .find(&close)
                .map_or(b.len(), |n| open + n + close.len());
            out.push('"');
            out.extend(text[i..end].chars().filter(|&c| c == '\n'));
            out.push('"');
            i = end;
        } else if c == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push('"');
            out.extend(text[i..j.min(b.len())].chars().filter(|&c| c == '\n'));
            out.push('"');
            i = (j + 1).min(b.len());
        } else if c == b'\'' {
            // A char literal ('{', '\n', '\u{7b}'); anything else is a lifetime.
            let tail = &text[i + 1..];
            let lit = if let Some(escaped) = tail.strip_prefix('\\') {
                escaped.find('\'').map(|n| n + 3)
            } else {
                let mut cs = tail.char_indices();
                match (cs.next(), cs.next()) {
                    (Some(_), Some((n, '\''))) => Some(n + 2),
                    _ => None,
                }
            };
            match lit {
                Some(len) => {
                    out.push_str("' '");
                    i += len;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let ch = rest.chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The number of `#`s of a raw string (`r"`, `r#"`, `br"`) opening at byte `i`, if one does.
fn raw_string_open(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
        return None;
    }
    let j = i + usize::from(b[i] == b'b');
    if b.get(j) != Some(&b'r') {
        return None;
    }
    let hashes = b[j + 1..].iter().take_while(|&&c| c == b'#').count();
    (b.get(j + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

/// The line after the end of the item starting at line `at`: its matching closing brace, or
/// its `;` when it has no body.
fn item_end(lines: &[&str], at: usize) -> usize {
    let mut depth = 0i32;
    let mut opened = false;
    for (j, line) in lines.iter().enumerate().skip(at) {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        if (opened && depth <= 0) || (!opened && line.trim_end().ends_with(';')) {
            return j + 1;
        }
    }
    lines.len()
}

/// Files of out-of-line modules declared under `#[cfg(test)]` (`#[cfg(test)] mod fixtures;`).
fn test_module_files(all: &[(String, String)]) -> Vec<String> {
    let mut files = Vec::new();
    for (path, text) in all {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let dir = match path.rsplit_once('/') {
            Some((dir, "mod.rs" | "lib.rs" | "main.rs")) => dir.to_string(),
            _ => path.trim_end_matches(".rs").to_string(),
        };
        for pair in lines.windows(2) {
            let decl = pair[1]
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ");
            if pair[0] == "#[cfg(test)]" {
                if let Some(name) = decl.strip_prefix("mod ").and_then(|m| m.strip_suffix(';')) {
                    files.push(format!("{dir}/{name}.rs"));
                    files.push(format!("{dir}/{name}/mod.rs"));
                }
            }
        }
    }
    files
}

/// The non-test code of every source file, comments and literals blanked: files named
/// `tests.rs` and files of `#[cfg(test)]` modules are left out, and so is each item under
/// `#[cfg(test)]`.
fn non_test_code() -> Vec<(String, Vec<String>)> {
    let all = sources();
    let test_files = test_module_files(&all);
    all.into_iter()
        .filter(|(path, _)| !path.ends_with("/tests.rs") && !test_files.contains(path))
        .map(|(path, text)| {
            let code = code_only(&text);
            let lines: Vec<&str> = code.lines().collect();
            let mut kept = Vec::new();
            let mut i = 0;
            while i < lines.len() {
                if lines[i].trim() == "#[cfg(test)]" {
                    i = item_end(&lines, i + 1);
                } else {
                    kept.push(lines[i].to_string());
                    i += 1;
                }
            }
            (path, kept)
        })
        .collect()
}

/// The name of the function a code line starts, if it starts one.
fn fn_name(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace().peekable();
    while let Some(w) = words.next() {
        match w {
            "fn" => {
                return words
                    .next()
                    .map(|n| n.split(['(', '<']).next().unwrap_or(n));
            }
            "const" | "async" | "unsafe" | "extern" | "default" => {}
            w if w.starts_with("pub") => {}
            w if w.starts_with('"') => {} // extern "C"
            _ => return None,
        }
    }
    None
}

const MAX_FN_LINES: usize = 120;
const MAX_FILE_LINES: usize = 1200;

#[test]
fn no_function_is_longer_than_120_lines() {
    let mut long = Vec::new();
    for (path, lines) in non_test_code() {
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        for (i, line) in lines.iter().enumerate() {
            if let Some(name) = fn_name(line) {
                let len = item_end(&lines, i) - i;
                if len > MAX_FN_LINES {
                    long.push(format!("{path}: fn {name} ({len} lines)"));
                }
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines (split them along their phases): {long:#?}"
    );
}

#[test]
fn no_file_has_more_than_1200_lines_of_non_test_code() {
    let big: Vec<String> = non_test_code()
        .into_iter()
        .filter(|(_, lines)| lines.len() > MAX_FILE_LINES)
        .map(|(path, lines)| format!("{path} ({} lines)", lines.len()))
        .collect();
    assert!(
        big.is_empty(),
        "files over {MAX_FILE_LINES} lines of non-test code (move tests to a `tests.rs` beside them, or split): {big:#?}"
    );
}

#[test]
fn no_too_many_arguments_allow() {
    let allowed = users_outside("too_many_arguments", &[]);
    assert!(
        allowed.is_empty(),
        "`too_many_arguments` allowed in: {allowed:?}; pass a small struct of plain fields instead"
    );
}

#[test]
fn the_size_scan_sees_functions_and_skips_literals() {
    let code = code_only(
        "fn a() {\n    let s = \"}}\"; // }\n    let c = '{';\n}\nfn b<'a>(x: &'a str) {}\n",
    );
    let lines: Vec<&str> = code.lines().collect();
    assert_eq!(fn_name(lines[0]), Some("a"));
    assert_eq!(item_end(&lines, 0), 4);
    assert_eq!(fn_name(lines[4]), Some("b"));
    assert_eq!(item_end(&lines, 4), 5);
    assert_eq!(fn_name("    pub(crate) fn c(&self) {"), Some("c"));
    assert_eq!(fn_name("    let f = fn_x();"), None);
    let tree = [(
        "src/render/mod.rs".to_string(),
        "#[cfg(test)]\npub(crate) mod fixtures;\nmod chart;\n".to_string(),
    )];
    assert!(test_module_files(&tree).contains(&"src/render/fixtures.rs".to_string()));
    assert!(!test_module_files(&tree).iter().any(|f| f.contains("chart")));
}
