//! CLI tests: the command-line contract of DESIGN.md, run against the built binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A scratch directory with its own database.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("test.db")
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("storyline").unwrap();
        c.env_remove("STORYLINE_DB")
            .env_remove("NO_COLOR")
            .arg("--db")
            .arg(self.db());
        c
    }
    /// Run and return the whole result for a snapshot: exit code, stdout and stderr, with this
    /// environment's temp folder written `[TMP]`.
    fn result(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        let tmp = self.dir.path().display().to_string();
        format!("exit: {code}\n--- stdout\n{out}--- stderr\n{err}").replace(&tmp, "[TMP]")
    }
    /// Run and return (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
    fn json(&self, args: &[&str]) -> Vec<Value> {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?} failed: {err}");
        serde_json::from_str::<Value>(&out)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
            .as_array()
            .unwrap()
            .clone()
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const DESIGN_STORY: &str = "articles/aleppo-deal-2016-08-29.txt";

mod ingest {
    use super::*;

    #[test]
    fn page_article_is_cleaned_and_its_fields_parsed() {
        let env = Env::new();
        let (code, _, err) =
            env.run(&["ingest", s(&fixture(DESIGN_STORY)), "--date", "2016-08-29"]);
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains("1 article: 1 new, 0 duplicate, 0 failed"),
            "{err}"
        );
        let arts = env.json(&["articles", "--json"]);
        assert_eq!(arts.len(), 1);
        let a = &arts[0];
        assert_eq!(
            a["title"],
            "Russia says it is nearing a deal with US on Aleppo fighting"
        );
        assert_eq!(a["published"], "2016-08-29");
        assert_eq!(a["source"], "AP");
        assert_eq!(a["dateline"], "MOSCOW");
        assert!(
            a["byline"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("vladimir isachenkov"),
            "{}",
            a["byline"]
        );
        let body = a["body"].as_str().unwrap();
        assert!(
            body.starts_with("Russia's defense minister said Monday"),
            "{body}"
        );
        assert!(body.contains("Step by step, we are nearing an arrangement."));
        for furniture in [
            "Save Story",
            "Leer en español",
            "Estimated read time",
            "archived news story",
            "Posted Aug. 29",
            "Share this",
            "Advertisement",
            "contributed to this report",
            "Copyright",
            "Related topics",
            "Most recent World stories",
            "Weather:",
            "By VLADIMIR",
        ] {
            assert!(!body.contains(furniture), "body still has {furniture:?}");
        }
        for field in [
            "id",
            "title",
            "published",
            "source",
            "dateline",
            "byline",
            "url",
            "body",
            "threads",
        ] {
            assert!(a.get(field).is_some(), "article JSON lacks {field}");
        }
    }

    #[test]
    fn second_ingest_is_a_duplicate() {
        let env = Env::new();
        let f = fixture(DESIGN_STORY);
        env.run(&["ingest", s(&f), "--date", "2016-08-29"]);
        let (code, _, err) = env.run(&["ingest", s(&f), "--date", "2016-08-29"]);
        assert_eq!(code, 0, "{err}");
        assert!(
            err.contains("1 article: 0 new, 1 duplicate, 0 failed"),
            "{err}"
        );
        assert_eq!(env.json(&["articles", "--json"]).len(), 1);
    }

    #[test]
    fn bad_inputs_fail_alone_and_good_ones_are_stored() {
        let env = Env::new();
        std::fs::write(env.path("empty.txt"), "").unwrap();
        std::fs::write(
            env.path("image.txt"),
            [
                0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0, 1, 2, 3,
            ],
        )
        .unwrap();
        let missing = env.path("missing.txt");
        let (code, _, err) = env.run(&[
            "ingest",
            s(&env.path("empty.txt")),
            s(&env.path("image.txt")),
            s(&missing),
            s(&fixture(DESIGN_STORY)),
        ]);
        assert_eq!(code, 2, "{err}");
        let lines: Vec<&str> = err.lines().filter(|l| !l.contains("warning")).collect();
        assert!(
            lines
                .iter()
                .any(|l| l.contains("empty.txt") && l.contains("empty")),
            "{err}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("image.txt") && l.contains("binary")),
            "{err}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("missing.txt") && l.contains("no such")),
            "{err}"
        );
        assert!(err.contains("1 new, 0 duplicate, 3 failed"), "{err}");
        assert_eq!(env.json(&["articles", "--json"]).len(), 1);
    }

    #[test]
    fn unknown_date_is_warned_and_stored() {
        let env = Env::new();
        let (code, _, err) =
            env.run(&["ingest", s(&fixture("articles/ministers-meet-no-date.txt"))]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("no publication date found"), "{err}");
        let arts = env.json(&["articles", "--json"]);
        assert_eq!(arts[0]["published"], Value::Null);
    }

    #[test]
    fn date_comes_from_text_then_file_name() {
        let env = Env::new();
        env.run(&[
            "ingest",
            s(&fixture("articles/reuters-geneva-talks.txt")),
            s(&fixture("articles/2016-09-12-afp-truce-begins.txt")),
        ]);
        let arts = env.json(&["articles", "--json"]);
        let dates: Vec<&str> = arts
            .iter()
            .map(|a| a["published"].as_str().unwrap_or(""))
            .collect();
        assert!(dates.contains(&"2016-09-09"), "{dates:?}");
        assert!(dates.contains(&"2016-09-12"), "{dates:?}");
    }

    #[test]
    fn stdin_is_read_with_dash() {
        let env = Env::new();
        let text = std::fs::read_to_string(fixture(DESIGN_STORY)).unwrap();
        let out = env
            .cmd()
            .args(["ingest", "-", "--date", "2016-08-29"])
            .write_stdin(text)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(env.json(&["articles", "--json"]).len(), 1);
    }

    #[test]
    fn directories_are_walked_recursively() {
        let env = Env::new();
        let (code, _, err) = env.run(&["ingest", s(&fixture("articles"))]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(env.json(&["articles", "--json"]).len(), 4);
    }
}

mod extraction {
    use super::*;

    fn design_claims() -> Vec<Value> {
        let env = Env::new();
        let (code, out, err) = env.run(&[
            "extract",
            s(&fixture(DESIGN_STORY)),
            "--date",
            "2016-08-29",
            "--json",
        ]);
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        for key in [
            "article",
            "timexes",
            "actors",
            "claims",
            "events",
            "diagnostics",
        ] {
            assert!(v.get(key).is_some(), "extract output lacks {key}");
        }
        v["claims"].as_array().unwrap().clone()
    }

    // See: issue 3, "Done when".
    #[test]
    fn issue_3_design_story_claims() {
        let claims = design_claims();
        let find = |needle: &str| {
            claims
                .iter()
                .find(|c| c["text"].as_str().unwrap_or("").contains(needle))
                .unwrap_or_else(|| panic!("no claim containing {needle:?} in {claims:#?}"))
        };
        let shoigu = find("nearing an arrangement");
        assert_eq!(shoigu["speaker"], "Sergei Shoigu");
        assert_eq!(shoigu["actor_code"], "RUSGOV");
        assert_eq!(shoigu["date"], "2016-08-29");
        assert_eq!(shoigu["frame"], "agreement");
        assert_eq!(shoigu["polarity"], 1);

        let official = find("no agreement is close");
        assert_eq!(official["actor_code"], "USAGOV");
        assert_eq!(official["date"], "2016-08-29");
        assert_eq!(official["frame"], "agreement");
        assert_eq!(official["polarity"], -1);

        let trudeau = find("nothing to announce");
        assert!(
            trudeau["speaker"].as_str().unwrap().contains("Trudeau"),
            "{trudeau}"
        );
        assert_eq!(trudeau["actor_code"], "USAGOV");

        let added = find("practically every day");
        assert_eq!(
            added["speaker"], "Sergei Shoigu",
            "the He-added quote belongs to Shoigu"
        );
    }

    #[test]
    fn claim_json_has_the_contract_fields_and_true_offsets() {
        let env = Env::new();
        env.run(&["ingest", s(&fixture(DESIGN_STORY)), "--date", "2016-08-29"]);
        let claims = env.json(&["claims", "--json"]);
        assert!(!claims.is_empty());
        let body = env.json(&["articles", "--json"])[0]["body"]
            .as_str()
            .unwrap()
            .to_string();
        for c in &claims {
            for f in [
                "id",
                "article_id",
                "thread",
                "date",
                "date_precision",
                "speaker",
                "actor",
                "actor_code",
                "country",
                "cue",
                "kind",
                "text",
                "frame",
                "polarity",
                "sentence",
                "start",
                "end",
            ] {
                assert!(c.get(f).is_some(), "claim JSON lacks {f}");
            }
            let (a, b) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&body[a..b], c["text"].as_str().unwrap(), "span round trip");
        }
    }

    #[test]
    fn tag_gives_offsets_into_raw_input() {
        let env = Env::new();
        let text = "Talks ended Friday. On Sept. 9, the ministers met again.";
        std::fs::write(env.path("t.txt"), text).unwrap();
        let tags = env.json(&[
            "tag",
            s(&env.path("t.txt")),
            "--date",
            "2016-09-12",
            "--json",
        ]);
        let friday = tags
            .iter()
            .find(|t| t["text"] == "Friday")
            .expect("Friday tagged");
        assert_eq!(friday["value"], "2016-09-09");
        assert_eq!(friday["type"], "DATE");
        let (a, b) = (
            friday["start"].as_u64().unwrap() as usize,
            friday["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], "Friday");
        assert!(
            tags.iter()
                .any(|t| t["value"] == "2016-09-09"
                    && t["text"].as_str().unwrap().contains("Sept. 9"))
        );
    }

    #[test]
    fn stream_mode_gives_one_line_per_input_line() {
        let env = Env::new();
        let input = [
            r#"{"title": "Talks", "text": "GENEVA (AP) — \"We are close,\" Lavrov said Monday.", "published": "2016-08-29"}"#,
            r#"{"title": "broken"#,
            r#"{"title": "More", "body": "A U.S. official said no agreement is close.", "published": "2016-08-30"}"#,
        ]
        .join("\n");
        let out = env
            .cmd()
            .args(["extract", "--jsonl"])
            .write_stdin(input)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 3, "{stdout}");
        let first: Value = serde_json::from_str(lines[0]).unwrap();
        assert!(!first["claims"].as_array().unwrap().is_empty(), "{first}");
        let second: Value = serde_json::from_str(lines[1]).unwrap();
        assert!(second.get("error").is_some());
        assert_eq!(out.status.code(), Some(2));
    }
}

mod contradictions {
    use super::*;

    // See: issue 4, "Done when". Since issue 12 every pair the reporter set side by side in
    // one article is reported: Shoigu's statements on the deal each meet the U.S. denial, and
    // nothing else is opposed. The strongest is his own quote against "no agreement is close".
    #[test]
    fn issue_4_design_story_gives_the_opposing_contradiction() {
        let env = Env::new();
        env.run(&["ingest", s(&fixture(DESIGN_STORY)), "--date", "2016-08-29"]);
        let found = env.json(&["contradictions", "--json"]);
        let opposing: Vec<&Value> = found.iter().filter(|c| c["kind"] == "opposing").collect();
        assert!(!opposing.is_empty(), "{found:#?}");
        for c in &opposing {
            let mut codes = [
                c["a"]["actor_code"].as_str().unwrap(),
                c["b"]["actor_code"].as_str().unwrap(),
            ];
            codes.sort();
            assert_eq!(codes, ["RUSGOV", "USAGOV"], "{c:#}");
            let us = if c["a"]["actor_code"] == "USAGOV" {
                &c["a"]
            } else {
                &c["b"]
            };
            assert!(
                us["text"]
                    .as_str()
                    .unwrap()
                    .contains("no agreement is close"),
                "{c:#}"
            );
        }
        let c = opposing[0];
        assert!(
            c["proposition"].as_str().unwrap().contains("agreement"),
            "{c:#}"
        );
        let codes = [
            c["a"]["actor_code"].as_str().unwrap(),
            c["b"]["actor_code"].as_str().unwrap(),
        ];
        assert!(
            codes.contains(&"RUSGOV") && codes.contains(&"USAGOV"),
            "{codes:?}"
        );
        assert_eq!(c["a"]["date"], "2016-08-29");
        assert_eq!(c["b"]["date"], "2016-08-29");
        for f in [
            "id",
            "thread",
            "kind",
            "score",
            "explanation",
            "proposition",
            "a",
            "b",
        ] {
            assert!(c.get(f).is_some(), "contradiction JSON lacks {f}");
        }
        assert!(c["a"]["sentence"].as_str().unwrap().len() > 10);
    }

    #[test]
    fn eval_gold_scores_a_folder_and_keeps_its_database_for_browsing() {
        let env = Env::new();
        let kept = env.path("scored.db");
        let dir = fixture("gold");
        let (code, out, err) = env.run(&["eval", "gold", s(&dir), "--json", "--keep", s(&kept)]);
        assert_eq!(code, 0, "{err}");
        let scores: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(scores["gold_claims"], 2, "{scores:#}");
        assert_eq!(scores["found"], 2, "{scores:#}");
        assert_eq!(scores["right_side"], 2, "{scores:#}");
        assert_eq!(scores["gold_contradictions"], 1, "{scores:#}");
        assert_eq!(scores["contradictions"]["tp"], 1.0, "{scores:#}");
        // The kept database answers the other commands: the scored pair is there to read.
        let mut browse = Command::cargo_bin("storyline").unwrap();
        let listed = browse
            .env_remove("STORYLINE_DB")
            .args(["--db", s(&kept), "contradictions", "--json"])
            .output()
            .unwrap();
        let pairs: Value = serde_json::from_slice(&listed.stdout).unwrap();
        let texts: Vec<String> = pairs
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| [c["a"]["text"].to_string(), c["b"]["text"].to_string()])
            .collect();
        assert!(
            texts.iter().any(|t| t.contains("no agreement is close")),
            "{pairs:#}"
        );
        // An existing file is never overwritten: one line naming it, before any work is done.
        let (code, _, err) = env.run(&["eval", "gold", s(&dir), "--keep", s(&kept)]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("scored.db: already exists"), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }

    // A denial of one word ("denied it", "denied involvement") or a relative clause of
    // denial ("…, which Quito denies") answers the charge the article reports before it.
    #[test]
    fn a_one_word_denial_answers_the_charge_before_it() {
        for denial in [
            "Quito denied it.",
            "Quito has denied involvement.",
            "Quito denies this.",
        ] {
            let env = Env::new();
            let page = env.path("a.txt");
            std::fs::write(
                &page,
                format!("Title: Port blast\n\nLIMA - Lima blames Quito for the blast at the port. {denial}\n"),
            )
            .unwrap();
            env.run(&["ingest", s(&page), "--date", "2016-08-29"]);
            let found = env.json(&["contradictions", "--json"]);
            assert_eq!(found.len(), 1, "{denial}: {found:#?}");
            assert_eq!(found[0]["kind"], "denial", "{denial}");
            assert_eq!(
                found[0]["proposition"], "Ecuador is responsible",
                "{denial}"
            );
        }
        let env = Env::new();
        let page = env.path("a.txt");
        std::fs::write(
            &page,
            "Title: Port blast\n\nLIMA - Lima blames Quito for the blast at the port, which Quito denies.\n",
        )
        .unwrap();
        env.run(&["ingest", s(&page), "--date", "2016-08-29"]);
        let found = env.json(&["contradictions", "--json"]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0]["proposition"], "Ecuador is responsible");
    }

    #[test]
    fn reingest_never_duplicates_contradictions() {
        let env = Env::new();
        env.run(&["ingest", s(&fixture(DESIGN_STORY)), "--date", "2016-08-29"]);
        let before = env.json(&["contradictions", "--json"]).len();
        env.run(&["ingest", s(&fixture(DESIGN_STORY)), "--date", "2016-08-29"]);
        assert_eq!(env.json(&["contradictions", "--json"]).len(), before);
    }
}

mod threads {
    use super::*;

    #[test]
    fn explicit_thread_and_rule_threads() {
        let env = Env::new();
        let (code, _, err) = env.run(&[
            "thread",
            "new",
            "colombia",
            "--title",
            "Colombia peace",
            "--keywords",
            "FARC,Colombia",
        ]);
        assert_eq!(code, 0, "{err}");
        env.run(&[
            "ingest",
            s(&fixture(DESIGN_STORY)),
            "--thread",
            "aleppo-deal",
        ]);
        let threads = env.json(&["threads", "--json"]);
        let slugs: Vec<&str> = threads
            .iter()
            .map(|t| t["slug"].as_str().unwrap())
            .collect();
        assert!(
            slugs.contains(&"aleppo-deal") && slugs.contains(&"colombia"),
            "{slugs:?}"
        );
        let arts = env.json(&["articles", "--thread", "aleppo-deal", "--json"]);
        assert_eq!(arts.len(), 1);
        assert!(env
            .json(&["articles", "--thread", "colombia", "--json"])
            .is_empty());
        let (code, _, err) = env.run(&["claims", "--thread", "nope"]);
        assert_eq!(code, 2);
        assert!(err.contains("no thread named nope"), "{err}");
    }

    #[test]
    fn merge_and_rename() {
        let env = Env::new();
        env.run(&["ingest", s(&fixture(DESIGN_STORY)), "--thread", "a"]);
        env.run(&[
            "ingest",
            s(&fixture("articles/reuters-geneva-talks.txt")),
            "--thread",
            "b",
        ]);
        let (code, _, err) = env.run(&["thread", "merge", "a", "b"]);
        assert_eq!(code, 0, "{err}");
        env.run(&[
            "thread",
            "rename",
            "b",
            "syria-talks",
            "--title",
            "Syria talks",
        ]);
        let threads = env.json(&["threads", "--json"]);
        assert_eq!(threads.len(), 1);
        assert_eq!(threads[0]["slug"], "syria-talks");
        assert_eq!(threads[0]["articles"], 2);
    }
}

mod output {
    use super::*;

    #[test]
    fn listings_print_one_json_array_and_nothing_else() {
        let env = Env::new();
        env.run(&["ingest", s(&fixture(DESIGN_STORY)), "--date", "2016-08-29"]);
        for cmd in ["threads", "articles", "claims", "events", "contradictions"] {
            let (code, out, _) = env.run(&[cmd, "--json"]);
            assert_eq!(code, 0);
            let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{cmd}: {e}"));
            assert!(v.is_array(), "{cmd}");
        }
    }

    #[test]
    fn broken_pipe_exits_quietly() {
        let env = Env::new();
        env.run(&["ingest", s(&fixture("articles"))]);
        // Closing stdout early must not print an error or fail.
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("storyline"))
            .args(["--db", s(&env.db()), "man"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A full disk is not a closed pipe: the final flush of stdout fails the command.
    #[test]
    #[cfg(target_os = "linux")]
    fn a_failed_write_to_stdout_is_an_error() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("storyline"))
            .args(["tag", s(&fixture(DESIGN_STORY)), "--date", "2016-08-29"])
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.starts_with("storyline: cannot write to stdout"),
            "{err}"
        );
    }

    #[test]
    fn search_finds_a_claim_by_a_word_in_it() {
        let env = Env::new();
        env.run(&["ingest", s(&fixture(DESIGN_STORY)), "--date", "2016-08-29"]);
        let hits = env.json(&["search", "arrangement", "--json"]);
        assert!(hits.iter().any(|h| h["kind"] == "claim"), "{hits:#?}");
    }

    #[test]
    fn completions_and_man_page() {
        let env = Env::new();
        let (code, out, _) = env.run(&["completions", "bash"]);
        assert_eq!(code, 0);
        assert!(out.contains("storyline"));
        let (code, out, _) = env.run(&["man"]);
        assert_eq!(code, 0);
        assert!(out.contains(".TH"));
    }
}

mod reports {
    use super::*;

    fn png_size(p: &Path) -> (u32, u32) {
        let img = image::open(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        (img.width(), img.height())
    }

    #[test]
    fn demo_writes_reports_for_each_story() {
        let env = Env::new();
        let out_dir = env.path("demo");
        let (code, out, err) = env.run(&["demo", "--out", s(&out_dir)]);
        assert_eq!(code, 0, "{err}");
        let pngs: Vec<&str> = out.lines().filter(|l| l.ends_with(".png")).collect();
        assert!(pngs.len() >= 4, "two stories, two charts each: {out}");
        for p in pngs {
            assert_eq!(png_size(Path::new(p)), (1600, 900));
        }
        assert!(out.lines().any(|l| l.ends_with("index.html")));
    }

    #[test]
    fn demo_honours_db() {
        // See: issue 13 (`--db X demo` wrote DIR/storyline-demo.db instead of X).
        let env = Env::new();
        let out_dir = env.path("demo");
        let (code, out, err) = env.run(&["demo", "--out", s(&out_dir)]);
        assert_eq!(code, 0, "{err}");
        assert!(env.db().exists(), "the demo database is the one --db names");
        assert!(!out_dir.join("storyline-demo.db").exists());
        assert_eq!(out.lines().last(), Some(s(&env.db())));
        let threads = env.json(&["threads", "--json"]);
        assert!(threads.len() >= 2, "{threads:?}");
    }

    #[test]
    fn timeline_and_chart_commands_write_pngs_of_the_asked_size() {
        let env = Env::new();
        env.run(&["ingest", s(&fixture("articles")), "--thread", "syria"]);
        let t = env.path("t.png");
        let (code, _, err) = env.run(&[
            "timeline",
            "--thread",
            "syria",
            "-o",
            s(&t),
            "--width",
            "1200",
            "--height",
            "700",
        ]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(png_size(&t), (1200, 700));
        let c = env.path("c.png");
        let (code, _, err) =
            env.run(&["chart", "contradictions", "--thread", "syria", "-o", s(&c)]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(png_size(&c), (1600, 900));
    }
}

mod snapshots {
    use super::*;

    /// The worked example's claims as an analyst sees them: a change here is a change in
    /// what storyline extracts from the reference story, to be reviewed, not waved through.
    #[test]
    fn design_story_claims_table() {
        let env = Env::new();
        env.run(&[
            "ingest",
            s(&fixture(DESIGN_STORY)),
            "--date",
            "2016-08-29",
            "--thread",
            "aleppo",
        ]);
        let (code, out, err) = env.run(&["--color", "never", "claims", "--thread", "aleppo"]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!(out);
        let (code, out, err) =
            env.run(&["--color", "never", "contradictions", "--thread", "aleppo"]);
        assert_eq!(code, 0, "{err}");
        insta::assert_snapshot!("design_story_contradictions", out);
    }

    /// Whole results (exit code, stdout, stderr) of the ingest summary and of the usual errors.
    #[test]
    fn ingest_and_error_results() {
        let env = Env::new();
        insta::assert_snapshot!(
            "read_command_on_a_missing_database",
            env.result(&["threads"])
        );
        insta::assert_snapshot!(
            "ingest_one_article",
            env.result(&[
                "ingest",
                s(&fixture(DESIGN_STORY)),
                "--date",
                "2016-08-29",
                "--thread",
                "aleppo",
            ])
        );
        let missing = env.path("missing.txt");
        insta::assert_snapshot!(
            "ingest_a_missing_file",
            env.result(&["ingest", s(&missing)])
        );
        insta::assert_snapshot!(
            "thread_merge",
            env.result(&["thread", "new", "other"])
                + &env.result(&["thread", "merge", "other", "aleppo"])
        );
    }
}

mod formats {
    use super::*;

    fn claim_texts(env: &Env) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = env
            .json(&["claims", "--json"])
            .iter()
            .map(|c| {
                (
                    c["speaker"].as_str().unwrap().to_string(),
                    c["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    }

    // See: issue 6, "Done when": each format gives the same claims as the plain-text article.
    #[test]
    fn issue_6_same_story_in_three_formats_gives_the_same_claims() {
        let mut all = Vec::new();
        for (file, format) in [
            ("2016-08-29-ap-aleppo-talks.txt", "text"),
            ("aleppo-talks.html", "auto"),
            ("aleppo-talks.rss", "auto"),
        ] {
            let env = Env::new();
            let (code, _, err) = env.run(&[
                "ingest",
                s(&fixture(&format!("ingest/{file}"))),
                "--format",
                format,
                "--date",
                "2016-08-29",
            ]);
            assert_eq!(code, 0, "{file}: {err}");
            let claims = claim_texts(&env);
            assert!(!claims.is_empty(), "{file}: no claims");
            all.push((file, claims));
        }
        for (file, claims) in &all[1..] {
            assert_eq!(claims, &all[0].1, "{file} differs from the text page");
        }
    }

    #[test]
    fn jsonl_bad_line_is_reported_with_its_number_and_the_rest_ingested() {
        let env = Env::new();
        let lines = [
            r#"{"title": "Talks resume", "text": "GENEVA (AP) — \"We are close,\" Lavrov said Monday.", "published": "2016-08-29", "url": "https://example.org/1"}"#,
            r#"{"title": "broken", "text": "#,
            r#"{"title": "Truce", "body": "A U.S. official said the truce was largely holding.", "published": "2016-09-13", "source": "AP"}"#,
        ];
        std::fs::write(env.path("wire.jsonl"), lines.join("\n")).unwrap();
        let (code, _, err) = env.run(&["ingest", s(&env.path("wire.jsonl"))]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("wire.jsonl:2"), "{err}");
        let arts = env.json(&["articles", "--json"]);
        assert_eq!(arts.len(), 2);
        assert!(arts.iter().any(|a| a["url"] == "https://example.org/1"));
    }

    #[test]
    fn malformed_html_and_broken_feed_fail_alone() {
        let env = Env::new();
        std::fs::write(
            env.path("bad.xml"),
            "<?xml version=\"1.0\"?><rss><channel><item><title>x</ti",
        )
        .unwrap();
        std::fs::write(
            env.path("page.html"),
            "<html><head><title>Talks - Wire</title></head><body><div><article><p>MOSCOW (AP) — Russia said a deal on Aleppo was near, officials said on Monday after talks.<p>\"We are close,\" Lavrov said.<div><p>A U.S. official said no agreement was close, speaking on condition of anonymity.",
        )
        .unwrap();
        let (code, _, err) = env.run(&[
            "ingest",
            s(&env.path("bad.xml")),
            s(&env.path("page.html")),
            "--date",
            "2016-08-29",
        ]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.lines()
                .any(|l| l.contains("bad.xml") && l.contains("feed")),
            "{err}"
        );
        assert_eq!(env.json(&["articles", "--json"]).len(), 1, "{err}");
    }

    // See: issue 6: the TimelineJS export carries what TimelineJS3 requires.
    #[test]
    fn issue_6_timelinejs_export_has_the_required_fields() {
        let env = Env::new();
        env.run(&[
            "ingest",
            s(&fixture(DESIGN_STORY)),
            "--thread",
            "aleppo",
            "--date",
            "2016-08-29",
        ]);
        let (code, out, err) = env.run(&["export", "--thread", "aleppo", "--format", "timelinejs"]);
        assert_eq!(code, 0, "{err}");
        let doc: Value = serde_json::from_str(&out).unwrap();
        let events = doc["events"].as_array().expect("events array");
        assert!(!events.is_empty());
        for e in events {
            assert!(e["start_date"]["year"].is_i64(), "{e}");
            assert!(
                e["text"]["headline"].is_string() && e["text"]["text"].is_string(),
                "{e}"
            );
            assert!(e["group"].is_string(), "{e}");
        }
        assert!(doc["title"]["text"]["headline"].is_string());
        for (format, check) in [
            ("csv", "record,id,article_id"),
            ("jsonl", "\"record\":\"claim\""),
        ] {
            let (code, out, _) = env.run(&["export", "--thread", "aleppo", "--format", format]);
            assert_eq!(code, 0);
            assert!(out.contains(check), "{format}: {out}");
        }
    }
}

mod gazetteer {
    use super::*;

    #[test]
    fn analyst_added_actor_resolves_speakers() {
        let env = Env::new();
        let text = "Talks in Idlib\n\nIDLIB, Syria (AP) — Abu Khalil Zamel said Tuesday that the truce was collapsing.\n";
        std::fs::write(env.path("idlib.txt"), text).unwrap();
        let (code, _, err) = env.run(&[
            "actor",
            "add",
            "Abu Khalil Zamel",
            "--code",
            "SYRREB",
            "--alias",
            "Zamel,Abu Khalil Zamel",
        ]);
        assert_eq!(code, 0, "{err}");
        let listed = env.json(&["actor", "list", "--json"]);
        assert!(listed.iter().any(|a| a["name"] == "Abu Khalil Zamel"));
        env.run(&["ingest", s(&env.path("idlib.txt")), "--date", "2016-09-20"]);
        let claims = env.json(&["claims", "--json"]);
        let c = claims
            .iter()
            .find(|c| c["text"].as_str().unwrap_or("").contains("truce"))
            .expect("claim found");
        assert_eq!(c["actor_code"], "SYRREB", "{c}");
    }

    /// `actor import --format cameo` stores a CAMEO dictionary (written for this test) with its
    /// dated codes; the role that holds on the article's date codes the claim.
    #[test]
    fn cameo_dictionary_import_codes_claims_by_date() {
        let env = Env::new();
        let dict = "# made-up dictionary\nOSKAR_BELLWEATHER_\n+BELLWEATHER\n\t[FRDGOV 20150101-20171231]\n\t[FRDELI]\n";
        std::fs::write(env.path("freedonia.actors.txt"), dict).unwrap();
        let (code, out, err) = env.run(&[
            "actor",
            "import",
            s(&env.path("freedonia.actors.txt")),
            "--format",
            "cameo",
        ]);
        assert_eq!((code, out.as_str()), (0, ""), "{err}");
        assert!(err.contains("imported 2 actor entries"), "{err}");
        let listed = env.json(&["actor", "list", "--json"]);
        let mine: Vec<&Value> = listed
            .iter()
            .filter(|a| a["name"] == "Oskar Bellweather")
            .collect();
        assert_eq!(mine.len(), 2, "{mine:?}");
        assert_eq!(mine[0]["from"], "2015-01-01");
        let text =
            "Border talks\n\nOskar Bellweather said on Tuesday that the border would stay open.\n";
        std::fs::write(env.path("border.txt"), text).unwrap();
        env.run(&["ingest", s(&env.path("border.txt")), "--date", "2016-09-20"]);
        let claims = env.json(&["claims", "--json"]);
        assert_eq!(claims[0]["actor_code"], "FRDGOV", "{claims:?}");
    }
}
#[path = "robustness.rs"]
mod robustness;

#[path = "follow.rs"]
mod follow;

#[path = "tidy.rs"]
mod tidy;

/// Issue 14, item 4: a cluster extracts (`extract --jsonl`), one machine stores what it wrote.
mod extractions_format {
    use super::*;

    /// The demo's Aleppo pages as JSON Lines articles (title, date from the file name, text).
    fn articles_jsonl(env: &Env) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data/demo/aleppo");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let mut out = String::new();
        for p in names {
            let text = std::fs::read_to_string(&p).unwrap();
            let (title, body) = text.split_once('\n').unwrap();
            let name = p.file_name().unwrap().to_str().unwrap();
            let record = serde_json::json!({
                "title": title, "published": &name[..10], "text": body, "url": format!("https://example.com/{name}"),
            });
            out.push_str(&record.to_string());
            out.push('\n');
        }
        let path = env.path("articles.jsonl");
        std::fs::write(&path, out).unwrap();
        path
    }

    #[test]
    fn issue_14_extract_then_ingest_extractions_gives_the_same_claims_as_a_direct_ingest() {
        let direct = Env::new();
        let input = articles_jsonl(&direct);
        let (code, _, err) = direct.run(&["ingest", s(&input), "--thread", "aleppo"]);
        assert_eq!(code, 0, "{err}");

        // The map step: no database involved.
        let out = Command::cargo_bin("storyline")
            .unwrap()
            .args(["extract", "--jsonl"])
            .pipe_stdin(&input)
            .unwrap()
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let two = Env::new();
        std::fs::write(two.path("part-00000"), &out.stdout).unwrap();
        let (code, _, err) = two.run(&[
            "ingest",
            "--format",
            "extractions",
            s(&two.path("part-00000")),
            "--thread",
            "aleppo",
        ]);
        assert_eq!(code, 0, "{err}");

        let claims = direct.json(&["claims", "--json"]);
        assert!(
            claims.len() > 20,
            "the demo pages have claims: {}",
            claims.len()
        );
        assert_eq!(two.json(&["claims", "--json"]), claims);
        assert_eq!(
            two.json(&["events", "--json"]),
            direct.json(&["events", "--json"])
        );
        let found = direct.json(&["contradictions", "--json"]);
        assert!(!found.is_empty());
        assert_eq!(two.json(&["contradictions", "--json"]), found);
        // Articles are the same but for where they were read from.
        let strip = |v: Vec<Value>| -> Vec<Value> {
            v.into_iter()
                .map(|mut a| {
                    a.as_object_mut().unwrap().remove("origin");
                    a
                })
                .collect()
        };
        assert_eq!(
            strip(two.json(&["articles", "--json"])),
            strip(direct.json(&["articles", "--json"]))
        );
    }

    #[test]
    fn a_line_that_is_not_an_extraction_is_reported_and_the_rest_stored() {
        let env = Env::new();
        std::fs::write(
            env.path("x.jsonl"),
            "{\"title\": \"an article, not an extraction\", \"text\": \"Russia said a deal is near.\"}\n\
             {\"article\": {\"body\": \"Russia said on Monday a deal is near.\", \"published\": \"2016-08-29\", \"published_precision\": \"day\"}, \"claims\": []}\n",
        )
        .unwrap();
        let (code, _, err) =
            env.run(&["ingest", "--format", "extractions", s(&env.path("x.jsonl"))]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("x.jsonl:1: bad JSON line: no \"article\" object"),
            "{err}"
        );
        assert!(err.contains("1 new"), "{err}");
    }
}

/// Issue 14, item 3: a syndicated copy is stored, linked to its original, and not counted.
mod copies {
    use super::*;

    #[test]
    fn issue_14_a_copy_on_another_site_is_linked_to_its_original() {
        let env = Env::new();
        let page = std::fs::read_to_string(fixture(DESIGN_STORY)).unwrap();
        std::fs::write(env.path("ap.txt"), &page).unwrap();
        // Another site runs the story: its own furniture and one line of its own.
        let other = page.replacen("Save Story", "Tweet", 1).replacen(
            "\nAdvertisement\n",
            "\nResidents said the shelling went on through the night in several districts.\n",
            1,
        );
        std::fs::write(env.path("member.txt"), other).unwrap();
        for f in ["ap.txt", "member.txt"] {
            let (code, _, err) = env.run(&["ingest", s(&env.path(f)), "--date", "2016-08-29"]);
            assert_eq!(code, 0, "{err}");
        }
        let arts = env.json(&["articles", "--json"]);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0]["copy_of"], Value::Null);
        assert_eq!(arts[1]["copy_of"], arts[0]["id"]);
        let claims = env.json(&["claims", "--json"]);
        assert!(!claims.is_empty());
        assert!(
            claims.iter().all(|c| c["article_id"] == arts[0]["id"]),
            "{claims:?}"
        );
        let threads = env.json(&["threads", "--json"]);
        assert_eq!(
            threads[0]["claims"].as_u64().unwrap() as usize,
            claims.len()
        );
    }
}
