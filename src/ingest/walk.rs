//! Expand the paths given on the command line into a sorted list of files, without reading them.
//!
//! Directories are walked recursively; hidden entries (".git", ".DS_Store") are skipped, and so
//! are files whose extension is not an article format (images, PDFs ...). A file named
//! explicitly is always listed. "-" (stdin) is passed through.

use super::IngestError;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Extensions read inside directories; files without an extension are read too.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "html", "htm", "xhtml", "shtml", "xml", "rss", "atom", "json", "jsonl",
    "ndjson",
];
/// Deep enough for any corpus, and stops symlink loops.
const MAX_DEPTH: usize = 32;

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn is_article_file(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(e) => ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()),
    }
}

fn walk_dir(
    dir: &Path,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<IngestError>,
) {
    // A directory reached twice (symlink loop or link to a sibling) is listed once.
    if !seen.insert(dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(IngestError::Io {
                path: dir.display().to_string(),
                source,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if is_hidden(&path) {
            continue;
        }
        if path.is_dir() {
            if depth < MAX_DEPTH {
                walk_dir(&path, depth + 1, seen, files, errors);
            }
        } else if path.is_file() && is_article_file(&path) {
            files.push(path);
        }
    }
}

/// Files under `paths`, each directory's files sorted; a missing path gives `NotFound` and the rest is still listed.
pub fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
        } else if path.is_dir() {
            let mut found = Vec::new();
            walk_dir(path, 0, &mut seen, &mut found, &mut errors);
            found.sort();
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            errors.push(IngestError::NotFound {
                path: path.display().to_string(),
            });
        }
    }
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn recursion_hidden_missing_and_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "b.txt",
            "a.html",
            "sub/deep/c.jsonl",
            "sub/d",
            ".hidden.txt",
            ".git/config",
            "img.png",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "x").unwrap();
        }
        let missing = root.join("nope.txt");
        let (files, errors) = walk(&[missing.clone(), root.to_path_buf(), root.join("img.png")]);
        let rel: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            rel,
            ["a.html", "b.txt", "sub/d", "sub/deep/c.jsonl", "img.png"]
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            format!("{}: no such file or directory", missing.display())
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("a/loop")).unwrap();
        let (files, errors) = walk(&[root.to_path_buf()]);
        assert_eq!(files, [root.join("a/x.txt")]);
        assert!(errors.is_empty());
    }

    #[test]
    fn stdin_passes_through() {
        let (files, errors) = walk(&[PathBuf::from("-")]);
        assert_eq!(files, [PathBuf::from("-")]);
        assert!(errors.is_empty());
    }
}
