//! Robustness of ingest (issue 7): SIGKILL mid-run, two writers at once, hostile inputs, odd paths.
//!
//! These run the debug binary on small synthetic corpora (`storyline::synth`); they check
//! outcomes (whole articles, nothing lost, clear errors), never wall-clock times.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use storyline::pipeline::{self, IngestConfig, Input, ThreadMode};
use storyline::store::{ClaimFilter, Store};

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("storyline")
}

fn ingest_cmd(db: &Path, paths: &[&Path]) -> Command {
    let mut c = Command::new(bin());
    c.env_remove("STORYLINE_DB")
        .env_remove("NO_COLOR")
        .arg("--db")
        .arg(db)
        .arg("ingest")
        .args(paths)
        .arg("-q");
    c
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// (articles, claims, events, contradictions), read without taking the write lock.
fn counts(db: &Path) -> Option<(i64, i64, i64, i64)> {
    Store::open_reader(db.to_str()?)?.counts().ok()
}

/// Per article title: (claims, events). Synthetic titles are unique ("..., report N").
fn per_article(store: &Store) -> Vec<(String, usize, usize)> {
    let events = store.events(None).unwrap();
    let mut out: Vec<(String, usize, usize)> = store
        .articles(None)
        .unwrap()
        .into_iter()
        .map(|a| {
            let claims = store
                .claims(&ClaimFilter {
                    article: Some(a.id),
                    ..Default::default()
                })
                .unwrap()
                .len();
            let ev = events.iter().filter(|e| e.article_id == a.id).count();
            (a.article.title, claims, ev)
        })
        .collect();
    out.sort();
    out
}

/// The corpus ingested in-process into a fresh database: what a clean run stores.
fn reference(corpus: &Path, db: &Path) -> Store {
    let mut store = Store::open(db).unwrap();
    let cfg = IngestConfig {
        read: Default::default(),
        thread: ThreadMode::Auto,
        window_days: 7,
        quiet: true,
    };
    let summary = pipeline::ingest(&mut store, &[Input::Path(corpus.to_path_buf())], &cfg).unwrap();
    assert_eq!(summary.failed, 0);
    store
}

#[test]
fn issue_7_sigkill_mid_ingest_leaves_whole_articles_and_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    storyline::synth::write_corpus(&corpus, 400, 3).unwrap();
    let db = dir.path().join("crash.db");

    let mut child = ingest_cmd(&db, &[&corpus])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill as soon as a first batch is committed (or let it be if it finishes first).
    loop {
        if let Some(_status) = child.try_wait().unwrap() {
            break;
        }
        if counts(&db).is_some_and(|c| c.0 > 0) {
            child.kill().unwrap(); // SIGKILL on Unix
            child.wait().unwrap();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }

    let stored = Store::open(&db).expect("database opens cleanly after SIGKILL");
    assert_eq!(stored.integrity_check().unwrap(), "ok");
    let (articles_before, ..) = stored.counts().unwrap();
    assert!(articles_before > 0);
    eprintln!("killed with {articles_before} of 400 articles stored");

    // Only whole articles: each stored article has all the claims and events a clean run gives it.
    let reference = reference(&corpus, &dir.path().join("ref.db"));
    let want = per_article(&reference);
    for got in per_article(&stored) {
        assert!(want.contains(&got), "partial or unknown article {got:?}");
    }
    drop(stored);

    // A re-run stores the rest, and nothing twice.
    let out = ingest_cmd(&db, &[&corpus]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let after = Store::open(&db).unwrap();
    assert_eq!(after.integrity_check().unwrap(), "ok");
    assert_eq!(per_article(&after), want);
    let (a, c, e, _) = after.counts().unwrap();
    let (ra, rc, re, _) = reference.counts().unwrap();
    assert_eq!((a, c, e), (ra, rc, re));
    assert_eq!(a, 400);
}

#[test]
fn issue_7_two_ingests_into_one_database_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    storyline::synth::write_corpus(&one, 120, 5).unwrap();
    storyline::synth::write_corpus(&two, 120, 6).unwrap();

    // Different corpora into one fresh database: both succeed, all articles stored.
    let db = dir.path().join("shared.db");
    let a = ingest_cmd(&db, &[&one]).spawn().unwrap();
    let b = ingest_cmd(&db, &[&two]).spawn().unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(code(&b), 0, "{}", stderr(&b));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let want = reference(&one, &dir.path().join("ref1.db"))
        .counts()
        .unwrap()
        .0
        + reference(&two, &dir.path().join("ref2.db"))
            .counts()
            .unwrap()
            .0;
    assert_eq!(store.counts().unwrap().0, want);

    // The same corpus twice at once: every article exactly once.
    let db = dir.path().join("same.db");
    let a = ingest_cmd(&db, &[&one]).spawn().unwrap();
    let b = ingest_cmd(&db, &[&one]).spawn().unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(code(&b), 0, "{}", stderr(&b));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().0, 120);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn issue_7_hostile_inputs_give_a_clear_error_or_a_result() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);

    // A 50 MB single-line file: refused with a clear message, not extracted for minutes.
    let line = "Lavrov said the truce is holding and Kerry said no agreement is close. ";
    std::fs::write(p("big.txt"), line.repeat(50 * 1024 * 1024 / line.len() + 1)).unwrap();
    // Deeply nested HTML.
    let nested = format!(
        "<html><body>{}<p>Lavrov said on Monday that the truce is holding.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(p("nested.html"), nested).unwrap();
    // A feed with a billion-laughs entity.
    let mut lol =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for i in 2..=9 {
        let prev = if i == 2 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        lol += &format!(" <!ENTITY lol{i} \"{}\">\n", format!("&{prev};").repeat(10));
    }
    lol +=
        "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>Talks &lol9;</title>\
            <description>Lavrov said on Monday that the truce is holding. &lol9;</description>\
            <pubDate>Mon, 29 Aug 2016 10:00:00 GMT</pubDate></item></channel></rss>\n";
    std::fs::write(p("lol.rss"), lol).unwrap();

    let db = p("hostile.db");
    let run = |name: &str| {
        let out = ingest_cmd(&db, &[&p(name)]).output().unwrap();
        (code(&out), stderr(&out))
    };

    let (c, err) = run("big.txt");
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("big.txt: article body too large"), "{err}");

    let (c, err) = run("nested.html");
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("nested too deeply"), "{err}");

    // The feed is either refused or stored with its entities left unexpanded.
    let (c, err) = run("lol.rss");
    assert!(c == 0 || c == 2, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let store = Store::open(&db).unwrap();
    for a in store.articles(None).unwrap() {
        assert!(a.article.body.len() < 10_000 && a.article.title.len() < 10_000);
    }
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn issue_7_paths_with_odd_characters_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("odd dir ü");
    std::fs::create_dir_all(&corpus).unwrap();
    let names: Vec<&[u8]> = vec![
        b"with space 2016-08-29.txt",
        "ünïcødé – 2016-08-29.txt".as_bytes(),
        b"-leading-dash.txt",
        b"quote\"and'apostrophe.txt",
        b"new\nline.txt",
        b"not-utf8-\xff\xfe.txt",
        b"semi;colon $HOME `tick`.txt",
    ];
    let date = chrono::NaiveDate::from_ymd_opt(2016, 8, 29).unwrap();
    let mut rng = storyline::synth::Rng::new(9);
    for (i, n) in names.iter().enumerate() {
        let path = corpus.join(std::ffi::OsStr::from_bytes(n));
        std::fs::write(path, storyline::synth::article(i, date, &mut rng)).unwrap();
    }
    let db = dir.path().join("odd.db");
    let out = ingest_cmd(&db, &[&corpus]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().0, names.len() as i64);

    // A single odd path given directly (after `--`, since it starts with a dash).
    let db = dir.path().join("one.db");
    let out = Command::new(bin())
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-q", "--"])
        .arg(corpus.join("-leading-dash.txt"))
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(counts(&db).unwrap().0, 1);
}
