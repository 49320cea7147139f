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

/// What the walk needs besides the current directory.
struct Walk<'a> {
    /// Canonical roots: without `follow`, a symlink is read only when it resolves under one.
    roots: &'a [PathBuf],
    follow: bool,
    seen: HashSet<PathBuf>,
    files: Vec<PathBuf>,
    errors: Vec<IngestError>,
}

impl Walk<'_> {
    /// May the walk enter or read `path`? Plain entries, yes; a symlink only when following
    /// links, or when its target stays under a root (`ln -s / dir/root` must not walk `/proc`).
    fn allowed(&mut self, path: &Path) -> bool {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link || self.follow {
            return true;
        }
        let inside = path
            .canonicalize()
            .is_ok_and(|t| self.roots.iter().any(|r| t.starts_with(r)));
        if !inside {
            self.errors.push(IngestError::SymlinkOutside {
                path: path.display().to_string(),
            });
        }
        inside
    }

    fn dir(&mut self, dir: &Path, depth: usize) {
        // A directory reached twice (symlink loop or link to a sibling) is listed once.
        if !self
            .seen
            .insert(dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()))
        {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(source) => {
                self.errors.push(IngestError::Io {
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
                if depth < MAX_DEPTH && self.allowed(&path) {
                    self.dir(&path, depth + 1);
                }
            } else if path.is_file() && is_article_file(&path) && self.allowed(&path) {
                self.files.push(path);
            }
        }
    }
}

/// Files under `paths`, each directory's files sorted; a missing path gives `NotFound` and the
/// rest is still listed. Symlinks inside a directory are read only when they stay under the
/// paths given (see [`walk_with`]).
pub fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    walk_with(paths, false)
}

/// [`walk`], following symlinks anywhere when `follow_symlinks` (`--follow-symlinks`). Paths
/// named on the command line are always read, links or not.
pub fn walk_with(paths: &[PathBuf], follow_symlinks: bool) -> (Vec<PathBuf>, Vec<IngestError>) {
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut w = Walk {
        roots: &roots,
        follow: follow_symlinks,
        seen: HashSet::new(),
        files: Vec::new(),
        errors: Vec::new(),
    };
    for path in paths {
        if path.as_os_str() == "-" {
            w.files.push(path.clone());
        } else if path.is_dir() {
            let start = w.files.len();
            w.dir(path, 0);
            w.files[start..].sort();
        } else if path.exists() {
            w.files.push(path.clone());
        } else {
            w.errors.push(IngestError::NotFound {
                path: path.display().to_string(),
            });
        }
    }
    (w.files, w.errors)
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

    #[cfg(unix)]
    #[test]
    fn issue_15_item_2_walk_stays_under_its_roots_unless_following_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let (root, outside) = (dir.path().join("root"), dir.path().join("outside"));
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(root.join("sub/in.txt"), "x").unwrap();
        fs::write(outside.join("out.txt"), "x").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("away")).unwrap();
        std::os::unix::fs::symlink(outside.join("out.txt"), root.join("away.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("near")).unwrap();
        std::os::unix::fs::symlink(root.join("sub/in.txt"), root.join("near.txt")).unwrap();

        let (files, errors) = walk(std::slice::from_ref(&root));
        let rel: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        // Links that stay inside are read (the linked directory once); links out are not.
        assert_eq!(rel, ["near/in.txt", "near.txt"]);
        let msgs: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 2, "{msgs:?}");
        assert!(errors.iter().all(|e| e.is_warning()));
        assert!(msgs[0].contains("leads outside"), "{msgs:?}");

        let (files, errors) = walk_with(std::slice::from_ref(&root), true);
        assert!(errors.is_empty());
        assert!(files.contains(&root.join("away/out.txt")));
        assert!(files.contains(&root.join("away.txt")));

        // Named on the command line, a link is read.
        let (files, _) = walk(&[root.join("away.txt")]);
        assert_eq!(files, [root.join("away.txt")]);
    }

    #[test]
    fn stdin_passes_through() {
        let (files, errors) = walk(&[PathBuf::from("-")]);
        assert_eq!(files, [PathBuf::from("-")]);
        assert!(errors.is_empty());
    }
}
