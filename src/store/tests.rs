//! Store tests: migrations, one transaction per article, batches, listings and search.

use super::*;
use crate::extract::actors::ActorCode;
use crate::model::{
    Claim, ClaimKind, Contradiction, ContradictionKind, DateValue, Event, Span, Stance, StoredClaim,
};
use rusqlite::params;

/// Issue 15, item 11: only a recovered write-ahead log (an unclean shutdown) counts, not
/// one another open connection is using.
#[test]
fn issue_15_item_11_unclean_shutdown_is_a_wal_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let mut live = Store::open(&db).unwrap();
    assert!(
        RECOVERY_WATCH.load(Ordering::SeqCst),
        "SQLite's log is watched"
    );
    live.create_thread(&Thread {
        slug: "t".into(),
        ..Default::default()
    })
    .unwrap();
    // A second connection while the first is open: the log is live, nothing is recovered.
    let before = recoveries();
    let (_reader, _writer) = (Store::open_read(&db).unwrap(), Store::open(&db).unwrap());
    let wal = dir.path().join("x.db-wal");
    assert!(std::fs::metadata(&wal).unwrap().len() > 0);
    assert_eq!(
        recoveries(),
        before,
        "nothing recovered while the log is live"
    );
    // A copy of the files of a session that never closed: opening it recovers the log.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    std::fs::copy(&wal, dir.path().join("copy.db-wal")).unwrap();
    let before = recoveries();
    let reopened = Store::open_read(&copy).unwrap();
    assert!(recoveries() > before, "a hot log was recovered");
    assert!(reopened.thread_exists("t").unwrap());
}

fn article(body: &str) -> Article {
    Article {
        title: "Talks on Aleppo".into(),
        body: body.into(),
        origin: "test".into(),
        published: DateValue::day(NaiveDate::from_ymd_opt(2016, 8, 29).unwrap()),
        ..Default::default()
    }
}

fn claim(speaker: &str, code: &str, polarity: i8) -> Claim {
    Claim {
        speaker: speaker.into(),
        speaker_span: None,
        actor: Some(speaker.into()),
        actor_code: Some(code.into()),
        country: ActorCode::new(code).prefix().map(str::to_string),
        cue: "said".into(),
        cue_span: None,
        kind: ClaimKind::Direct,
        text: "an agreement is near".into(),
        span: Span::new(0, 20),
        sentence: "an agreement is near, he said.".into(),
        sentence_span: Span::new(0, 30),
        date: DateValue::day(NaiveDate::from_ymd_opt(2016, 8, 29).unwrap()),
        frame: Some("agreement".into()),
        polarity: Stance::from_i8(polarity).expect("polarity 1, -1 or 0"),
        hedge: None,
        target: None,
        figures: vec![],
        denial: false,
        confidence: 0.9,
    }
}

fn thread(slug: &str) -> Thread {
    Thread {
        slug: slug.into(),
        title: slug.into(),
        ..Default::default()
    }
}

/// Pairs every new claim with every candidate of opposite polarity.
fn opposite(thread: &str, new: &[StoredClaim], old: &[StoredClaim]) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for n in new {
        for o in old {
            if n.claim.polarity == -o.claim.polarity {
                out.push(Contradiction {
                    thread: thread.into(),
                    kind: ContradictionKind::Opposing,
                    score: 0.8,
                    explanation: "x".into(),
                    proposition: String::new(),
                    a: n.id,
                    b: o.id,
                });
            }
        }
    }
    out
}

/// Detection as ingest runs it: over the whole thread after the articles are stored, the
/// result synced into the store. Returns the pairs added.
fn detect_thread(store: &mut Store, slug: &str) -> usize {
    let claims = store.thread_claims(slug).unwrap();
    let found = opposite(slug, &claims, &claims);
    let once: Vec<Contradiction> = found.into_iter().filter(|c| c.a < c.b).collect();
    store.sync_contradictions(slug, &once).unwrap()
}

fn insert(store: &mut Store, body: &str, claims: Vec<Claim>, new_thread: bool) -> Result<Inserted> {
    let ex = Extraction {
        claims,
        ..Default::default()
    };
    let a = article(body);
    let hash = format!("h-{body}");
    store.put_article(&NewArticle {
        threads: vec![("aleppo".into(), 1.0)],
        new_threads: if new_thread {
            vec![thread("aleppo")]
        } else {
            vec![]
        },
        ..new_article(&a, &hash, &ex)
    })
}

#[test]
fn fresh_database_has_every_migration() {
    let s = Store::open_in_memory().unwrap();
    assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
}

#[test]
fn older_database_upgrades_and_keeps_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut old = Store::open_upto(&path, 1).unwrap();
        assert_eq!(old.schema_version().unwrap(), 1);
        insert(
            &mut old,
            "Body one.",
            vec![claim("Lavrov", "RUSGOV", 1)],
            true,
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
    assert_eq!(s.counts().unwrap().0, 1);
    // The search index was back-filled by the migration.
    let hits = s.search("Lavrov", None, 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
}

#[test]
fn duplicate_by_hash_is_stored_once() {
    let mut s = Store::open_in_memory().unwrap();
    let first = insert(&mut s, "Same body.", vec![], true).unwrap();
    let second = insert(&mut s, "Same body.", vec![], false).unwrap();
    let Inserted::New { id, .. } = first else {
        panic!("first insert was {first:?}")
    };
    assert_eq!(second, Inserted::Duplicate { id });
    assert_eq!(s.counts().unwrap().0, 1);
}

#[test]
fn failed_article_rolls_back_alone() {
    let mut s = Store::open_in_memory().unwrap();
    insert(
        &mut s,
        "Good one.",
        vec![claim("Lavrov", "RUSGOV", 1)],
        true,
    )
    .unwrap();
    // Joining a thread that does not exist fails after the article row was written.
    let ex = Extraction {
        claims: vec![claim("Kerry", "USAGOV", -1)],
        ..Default::default()
    };
    let a = article("Bad one.");
    let err = s
        .put_article(&NewArticle {
            threads: vec![("missing".into(), 1.0)],
            ..new_article(&a, "bad", &ex)
        })
        .unwrap_err();
    assert!(err.to_string().contains("missing"), "{err}");
    assert_eq!(s.counts().unwrap(), (1, 1, 0, 0));
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn issue_7_failed_article_in_a_batch_rolls_back_alone_and_the_rest_commits() {
    let mut s = Store::open_in_memory().unwrap();
    s.begin_batch().unwrap();
    insert(
        &mut s,
        "Russia says near.",
        vec![claim("Shoigu", "RUSGOV", 1)],
        true,
    )
    .unwrap();
    let ex = Extraction {
        claims: vec![claim("Kerry", "USAGOV", -1)],
        ..Default::default()
    };
    let a = article("Bad one.");
    let bad = NewArticle {
        threads: vec![("missing".into(), 1.0)],
        ..new_article(&a, "bad", &ex)
    };
    assert!(s.put_article(&bad).is_err());
    let r = insert(
        &mut s,
        "US says not.",
        vec![claim("a U.S. official", "USAGOV", -1)],
        false,
    )
    .unwrap();
    assert!(matches!(r, Inserted::New { .. }), "{r:?}");
    assert_eq!(s.batch_len(), 2);
    s.commit().unwrap();
    assert_eq!(s.counts().unwrap(), (2, 2, 0, 0));
    assert_eq!(detect_thread(&mut s, "aleppo"), 1);
    assert_eq!(s.counts().unwrap(), (2, 2, 0, 1));
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

/// Issue 14, item 2: since migration 0009 the store fills the full-text indexes when a write
/// transaction commits, not by row triggers. Search finds the same hits as through the
/// triggers (a database left at the schema before 0009), a rolled-back article is not
/// indexed, nothing is indexed twice, and an article stored outside a batch is found at once.
#[test]
fn issue_14_search_index_filled_at_commit_finds_what_the_triggers_found() {
    let dir = tempfile::tempdir().unwrap();
    let at_commit = Store::open(&dir.path().join("new.db")).unwrap();
    let before = MIGRATIONS
        .iter()
        .position(|(name, _)| *name == "0009_search_at_commit")
        .unwrap();
    let triggers = Store::open_upto(&dir.path().join("old.db"), before).unwrap();
    let mut stores = [at_commit, triggers];
    for s in stores.iter_mut() {
        s.begin_batch().unwrap();
        insert(
            s,
            "Russia says a deal is near.",
            vec![claim("Shoigu", "RUSGOV", 1)],
            true,
        )
        .unwrap();
        let (a, ex) = (article("Bad one about Kerry."), Extraction::default());
        let bad = NewArticle {
            threads: vec![("missing".into(), 1.0)],
            ..new_article(&a, "bad", &ex)
        };
        assert!(s.put_article(&bad).is_err());
        insert(
            s,
            "US says no deal.",
            vec![claim("Kerry", "USAGOV", -1)],
            false,
        )
        .unwrap();
        s.commit().unwrap();
        // Outside a batch: one transaction, indexed with its rows.
        insert(
            s,
            "Kerry and Lavrov met.",
            vec![claim("Lavrov", "RUSGOV", 1)],
            false,
        )
        .unwrap();
    }
    let [at_commit, triggers] = &stores;
    assert!(at_commit.search_at_commit && !triggers.search_at_commit);
    for q in ["Kerry", "deal", "agreement near", "Lavrov", "Bad"] {
        let hits = at_commit.search(q, None, 50).unwrap();
        assert_eq!(hits, triggers.search(q, None, 50).unwrap(), "{q}");
        assert!(q == "Bad" || !hits.is_empty(), "{q}");
    }
    // Three claims and three articles indexed, each once ('integrity-check' fails otherwise).
    let hits = at_commit.search("agreement", None, 50).unwrap();
    assert_eq!(hits.iter().filter(|h| h.kind == "claim").count(), 3);
    for table in ["article_fts", "claim_fts"] {
        at_commit
            .conn
            .execute_batch(&format!(
                "INSERT INTO {table}({table}) VALUES ('integrity-check')"
            ))
            .unwrap();
    }
}

#[test]
fn contradictions_are_stored_once_with_both_claims() {
    let mut s = Store::open_in_memory().unwrap();
    insert(
        &mut s,
        "Russia says near.",
        vec![claim("Shoigu", "RUSGOV", 1)],
        true,
    )
    .unwrap();
    insert(
        &mut s,
        "US says not.",
        vec![claim("a U.S. official", "USAGOV", -1)],
        false,
    )
    .unwrap();
    assert_eq!(detect_thread(&mut s, "aleppo"), 1);
    // Found again by the next run: stored once.
    assert_eq!(detect_thread(&mut s, "aleppo"), 0);
    let found = s.contradictions(Some("aleppo"), None).unwrap();
    assert_eq!(found.len(), 1);
    assert!(found[0].contradiction.a < found[0].contradiction.b);
    assert_eq!(found[0].a.claim.speaker, "Shoigu");
    assert_eq!(found[0].b.claim.speaker, "a U.S. official");
    let t = s.threads().unwrap();
    assert_eq!((t[0].articles, t[0].claims, t[0].contradictions), (2, 2, 1));
}

#[test]
fn claim_filters_by_actor_and_date() {
    let mut s = Store::open_in_memory().unwrap();
    insert(
        &mut s,
        "A.",
        vec![claim("Shoigu", "RUSGOV", 1), claim("Kerry", "USAGOV", 1)],
        true,
    )
    .unwrap();
    let f = ClaimFilter {
        actor: Some("USAGOV".into()),
        ..Default::default()
    };
    let got = s.claims(&f).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].claim.speaker, "Kerry");
    assert_eq!(got[0].threads, vec!["aleppo".to_string()]);
    let later = ClaimFilter {
        since: NaiveDate::from_ymd_opt(2016, 9, 1),
        ..Default::default()
    };
    assert!(s.claims(&later).unwrap().is_empty());
    assert!(matches!(
        s.claims(&ClaimFilter {
            thread: Some("nope".into()),
            ..Default::default()
        }),
        Err(StoreError::UnknownThread(_))
    ));
}

#[test]
fn merge_and_rename_threads() {
    let mut s = Store::open_in_memory().unwrap();
    insert(&mut s, "A.", vec![], true).unwrap();
    s.create_thread(&thread("other")).unwrap();
    s.merge_threads("aleppo", "other").unwrap();
    assert!(!s.thread_exists("aleppo").unwrap());
    assert_eq!(s.articles(Some("other")).unwrap().len(), 1);
    s.rename_thread("other", "syria", Some("Syria talks"))
        .unwrap();
    assert_eq!(s.thread("syria").unwrap().title, "Syria talks");
    assert!(matches!(
        s.create_thread(&thread("syria")),
        Err(StoreError::ThreadExists(_))
    ));
}

#[test]
fn listing_queries_use_indexes() {
    let s = Store::open_in_memory().unwrap();
    let plan = s.explain("SELECT id FROM claim WHERE frame = 'agreement' AND date BETWEEN '2016-01-01' AND '2016-12-31'").unwrap();
    assert!(
        plan.iter().any(|p| p.contains("claim_frame_date")),
        "{plan:?}"
    );
    let plan = s
        .explain("SELECT article_id FROM article_thread WHERE thread_id = 1")
        .unwrap();
    assert!(
        plan.iter()
            .any(|p| p.contains("PRIMARY KEY") || p.contains("COVERING INDEX")),
        "{plan:?}"
    );
}

#[test]
fn search_query_with_punctuation_is_safe() {
    let mut s = Store::open_in_memory().unwrap();
    insert(
        &mut s,
        "The U.S. said \"no deal\".",
        vec![claim("Kerry", "USAGOV", -1)],
        true,
    )
    .unwrap();
    assert!(!s.search("U.S. \"no", None, 10).unwrap().is_empty());
}

#[test]
fn imported_actors_keep_their_dated_roles() {
    let mut s = Store::open_in_memory().unwrap();
    let (entries, _) = crate::extract::cameo::parse(
        "RUFUS_T._FIREFLY_\n+FIREFLY\n\t[FRDGOV 330101-451231]\n\t[FRDELI]\nFREEDONIA_ [FRD]\n",
    );
    assert_eq!(s.import_actors(&entries).unwrap(), 3);
    // Importing twice stores nothing new.
    s.import_actors(&entries).unwrap();
    let got: Vec<String> = s
        .user_actors()
        .unwrap()
        .iter()
        .map(|e| {
            let d = |x: Option<chrono::NaiveDate>| x.map(|d| d.to_string()).unwrap_or("-".into());
            format!("{} {} {} {}", e.name, e.code, d(e.from), d(e.until))
        })
        .collect();
    assert_eq!(
        got,
        [
            "Rufus T. Firefly FRDGOV 1933-01-01 1945-12-31",
            "Rufus T. Firefly FRDELI - -",
            "Freedonia FRD - -",
        ]
    );
}

/// An article to store with its text and extraction only: no threads, an original without
/// MinHash bands. Tests set the fields they need over it (`..new_article(..)`).
fn new_article<'a>(
    article: &'a Article,
    hash: &'a str,
    extraction: &'a Extraction,
) -> NewArticle<'a> {
    NewArticle {
        article,
        hash,
        extraction,
        threads: vec![],
        new_threads: vec![],
        profiles: vec![],
        copy_of: None,
        bands: &[],
        profile: &[],
    }
}

/// The counters `threads` reads equal a full recount of the rows.
fn assert_counters_recount(s: &Store) {
    let kept = s.threads().unwrap();
    assert_eq!(kept, s.threads_recounted().unwrap());
}

/// An article with one claim and one event, dated `day` of August 2016, joining `threads`.
fn insert_dated(
    s: &mut Store,
    body: &str,
    day: u32,
    threads: &[&str],
    copy_of: Option<i64>,
    polarity: i8,
) -> Inserted {
    let mut c = claim("Lavrov", "RUSGOV", polarity);
    c.date = DateValue::day(NaiveDate::from_ymd_opt(2016, 8, day).unwrap());
    let ex = Extraction {
        claims: vec![c],
        events: vec![Event {
            date: DateValue::unknown(),
            text: "talks".into(),
            span: Span::new(0, 5),
            sentence: "talks.".into(),
            sentence_span: Span::new(0, 6),
            actors: vec![],
            event_type: None,
            trigger: "talks".into(),
            figures: vec![],
        }],
        ..Default::default()
    };
    let mut a = article(body);
    a.published = DateValue::day(NaiveDate::from_ymd_opt(2016, 8, day).unwrap());
    let new_threads = threads
        .iter()
        .filter(|t| !s.thread_exists(t).unwrap())
        .map(|t| thread(t))
        .collect();
    s.put_article(&NewArticle {
        threads: threads.iter().map(|t| (t.to_string(), 1.0)).collect(),
        new_threads,
        copy_of,
        ..new_article(&a, &format!("h-{body}"), &ex)
    })
    .unwrap()
}

fn id_of(i: Inserted) -> i64 {
    match i {
        Inserted::New { id, .. } | Inserted::Duplicate { id } => id,
    }
}

/// Issue 14: `threads` reads per-thread counters; they must equal a full recount after an
/// ingest, a re-ingest of the same article, a copy, a batch, a contradiction sync, a merge and
/// an article deleted and stored again.
#[test]
fn issue_14_thread_counters_equal_a_full_recount() {
    let mut s = Store::open_in_memory().unwrap();
    s.create_thread(&thread("empty")).unwrap();
    assert_counters_recount(&s);

    // Ingest.
    let first = id_of(insert_dated(&mut s, "One.", 20, &["aleppo"], None, 1));
    insert_dated(&mut s, "Two.", 25, &["aleppo", "truce"], None, -1);
    assert_counters_recount(&s);
    let t = &s.threads().unwrap()[1];
    assert_eq!((t.articles, t.claims, t.events), (2, 2, 2));
    assert_eq!(t.first, NaiveDate::from_ymd_opt(2016, 8, 20));
    assert_eq!(t.last, NaiveDate::from_ymd_opt(2016, 8, 25));

    // Re-ingest of the same article: a duplicate, nothing counted twice.
    let again = insert_dated(&mut s, "One.", 20, &["aleppo"], None, 1);
    assert_eq!(again, Inserted::Duplicate { id: first });
    assert_counters_recount(&s);

    // A syndicated copy: an article more, its claims and events not counted.
    let copy = id_of(insert_dated(
        &mut s,
        "One, copied.",
        2,
        &["aleppo"],
        Some(first),
        1,
    ));
    assert_counters_recount(&s);
    assert_eq!(s.threads().unwrap()[1].claims, 2);

    // A batch.
    s.begin_batch().unwrap();
    insert_dated(&mut s, "Three.", 28, &["truce"], None, 1);
    s.commit().unwrap();
    assert_counters_recount(&s);

    // Contradiction sync: new pairs, then fewer pairs.
    let claims = s.thread_claims("aleppo").unwrap();
    let pair = |a: &StoredClaim, b: &StoredClaim, kind| Contradiction {
        thread: "aleppo".into(),
        kind,
        score: 0.5,
        explanation: "x".into(),
        proposition: String::new(),
        a: a.id,
        b: b.id,
    };
    let both = [
        pair(&claims[0], &claims[1], ContradictionKind::Opposing),
        pair(&claims[1], &claims[0], ContradictionKind::Denial),
    ];
    assert_eq!(s.sync_contradictions("aleppo", &both).unwrap(), 2);
    assert_counters_recount(&s);
    assert_eq!(s.sync_contradictions("aleppo", &both[..1]).unwrap(), 0);
    assert_counters_recount(&s);
    assert_eq!(s.threads().unwrap()[1].contradictions, 1);
    // A pair found again with a new score and wording is updated in place, not added.
    let rescored = Contradiction {
        score: 0.9,
        explanation: "y".into(),
        proposition: "p".into(),
        ..both[0].clone()
    };
    assert_eq!(s.sync_contradictions("aleppo", &[rescored]).unwrap(), 0);
    let stored = s.contradictions(Some("aleppo"), None).unwrap();
    assert_eq!(stored.len(), 1);
    let c = &stored[0].contradiction;
    assert_eq!(
        (c.score, c.explanation.as_str(), c.proposition.as_str()),
        (0.9, "y", "p")
    );

    // Articles deleted (their claims, events, memberships and contradictions go with them),
    // then one stored again: a replacement. The copy goes first (it refers to its original).
    for id in [copy, first] {
        s.conn
            .execute("DELETE FROM article WHERE id = ?1", params![id])
            .unwrap();
        assert_counters_recount(&s);
    }
    insert_dated(&mut s, "One.", 20, &["aleppo"], None, 1);
    assert_counters_recount(&s);

    // A merge moves memberships and contradictions; the merged-away thread's counters go.
    s.merge_threads("truce", "aleppo").unwrap();
    assert_counters_recount(&s);
    assert_eq!(s.threads().unwrap().len(), 2);
}

/// The migration backfills the counters of a database stored before it.
#[test]
fn issue_14_thread_counters_are_backfilled_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let before_counters = MIGRATIONS
            .iter()
            .position(|(name, _)| *name == "0008_thread_counters")
            .unwrap();
        let mut old = Store::open_upto(&path, before_counters).unwrap();
        let first = id_of(insert_dated(&mut old, "One.", 20, &["aleppo"], None, 1));
        insert_dated(&mut old, "Two.", 25, &["aleppo", "truce"], None, -1);
        insert_dated(&mut old, "One, copied.", 2, &["aleppo"], Some(first), 1);
        let claims = old.thread_claims("aleppo").unwrap();
        let found = opposite("aleppo", &claims[..1], &claims[1..]);
        assert_eq!(old.sync_contradictions("aleppo", &found).unwrap(), 1);
    }
    let s = Store::open(&path).unwrap();
    assert_counters_recount(&s);
    let t = &s.threads().unwrap()[0];
    assert_eq!((t.articles, t.claims, t.contradictions), (3, 2, 1));
}

/// Stores "original {i}" with band keys `bands` and checks the copy check's candidates for
/// band 1: every original so far, until the band turns hot and finds none.
fn put_original(s: &mut Store, ex: &Extraction, i: i64, bands: &[i64]) {
    let body = format!("original {i}");
    let a = article(&body);
    s.put_article(&NewArticle {
        bands,
        ..new_article(&a, &format!("h-{body}"), ex)
    })
    .unwrap();
    let shared = s.copy_candidates(&[1]).unwrap().len();
    let expected = if i < super::read::HOT_BAND as i64 {
        i as usize + 1
    } else {
        0
    };
    assert_eq!(shared, expected, "after {} originals", i + 1);
}

/// A MinHash band shared by more than `HOT_BAND` originals (stock wording) finds no copy
/// candidates; a band held by fewer still does, and so does an article's rarer band.
#[test]
fn hot_bands_find_no_copy_candidates() {
    let mut s = Store::open_in_memory().unwrap();
    let ex = Extraction::default();
    for i in 0..=super::read::HOT_BAND as i64 {
        put_original(&mut s, &ex, i, &[1, 100 + i]);
    }
    let rare = s.copy_candidates(&[1, 105]).unwrap();
    assert_eq!(rare.len(), 1);
    assert_eq!(rare[0].2, "original 5");
}

/// Inside a batch an original's band keys wait for the commit ([`super::bands`]): the copy
/// check finds the same candidates (hot bands counted over stored and waiting keys alike),
/// the keys are in `article_band` once the batch commits, and a rolled-back batch leaves none.
#[test]
fn band_keys_of_a_batch_are_candidates_before_its_commit() {
    let mut s = Store::open_in_memory().unwrap();
    let ex = Extraction::default();
    let band_rows = |s: &Store| -> i64 {
        s.conn
            .query_row("SELECT count(*) FROM article_band", [], |r| r.get(0))
            .unwrap()
    };
    s.begin_batch().unwrap();
    for i in 0..=super::read::HOT_BAND as i64 {
        if i == 8 {
            // Half the keys stored, half waiting.
            s.commit().unwrap();
            assert_eq!(band_rows(&s), 16);
            s.begin_batch().unwrap();
        }
        put_original(&mut s, &ex, i, &[1, 100 + i, 1]);
    }
    let rare = s.copy_candidates(&[1, 105, 112]).unwrap();
    let bodies: Vec<_> = rare.iter().map(|(_, _, b)| b.as_str()).collect();
    assert_eq!(bodies, ["original 5", "original 12"]);
    s.commit().unwrap();
    // A key repeated within an article is stored once, as before.
    assert_eq!(band_rows(&s), 2 * (super::read::HOT_BAND as i64 + 1));

    s.begin_batch().unwrap();
    let a = article("rolled back");
    s.put_article(&NewArticle {
        bands: &[999],
        ..new_article(&a, "h-rolled", &ex)
    })
    .unwrap();
    assert_eq!(s.copy_candidates(&[999]).unwrap().len(), 1);
    s.rollback_batch().unwrap();
    assert!(s.copy_candidates(&[999]).unwrap().is_empty());
    assert_eq!(band_rows(&s), 2 * (super::read::HOT_BAND as i64 + 1));
}

/// An original's shingle profile is stored with its bands; a candidate whose profile the
/// caller's bound rejects is left out without reading its row, one without a profile is read.
#[test]
fn copy_candidates_skip_originals_the_profile_rules_out() {
    let mut s = Store::open_in_memory().unwrap();
    let ex = Extraction::default();
    for (i, profile) in [vec![1u8, 2, 3], vec![9u8], vec![]].iter().enumerate() {
        let body = format!("original {i}");
        let a = article(&body);
        s.put_article(&NewArticle {
            bands: &[7],
            profile,
            ..new_article(&a, &format!("h-{body}"), &ex)
        })
        .unwrap();
    }
    let all = s.copy_candidates_with(&[7], |_| None, None).unwrap();
    assert_eq!(all.len(), 3);
    let may = |p: &[u8]| p != [9u8];
    let kept = s.copy_candidates_with(&[7], |_| None, Some(&may)).unwrap();
    let bodies: Vec<_> = kept.iter().map(|(_, _, b)| b.clone().unwrap()).collect();
    assert_eq!(bodies, ["original 0", "original 2"]);
}

/// Issue 14: the streamed sync stores what `sync_contradictions` stores with the same list
/// (sorted as detection sorts it), with the same row ids (new rows in (a, b, kind) order whatever the staging order), keeps
/// the ids of rows found again, deletes rows no longer found, and changes nothing when the
/// caller fails. Its chunks hand over the detection claims in `detection_claims` order.
#[test]
fn issue_14_streamed_sync_stores_what_a_list_sync_stores() {
    let fill = || {
        let mut s = Store::open_in_memory().unwrap();
        for (i, day) in [25, 20, 28, 20, 22].into_iter().enumerate() {
            let polarity = if i % 2 == 0 { 1 } else { -1 };
            insert_dated(
                &mut s,
                &format!("Article {i}."),
                day,
                &["aleppo"],
                None,
                polarity,
            );
        }
        s
    };
    let rows = |s: &Store| -> Vec<(i64, String, i64, i64, String)> {
        let mut stmt = s
            .conn
            .prepare("SELECT id, kind, a, b, explanation FROM contradiction ORDER BY id")
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap();
        rows.collect::<std::result::Result<_, _>>().unwrap()
    };
    let mut list = fill();
    let mut streamed = fill();
    let claims = list.detection_claims("aleppo").unwrap();
    assert_eq!(claims.len(), 5);
    // Claims come in detection order, whatever the chunk size.
    let mut seen = Vec::new();
    streamed
        .sync_contradictions_with("aleppo", |sync| {
            sync.for_each_chunk(2, |chunk| {
                seen.extend(chunk.into_iter().map(|c| c.id));
                Vec::new()
            })
        })
        .unwrap();
    assert_eq!(seen, claims.iter().map(|c| c.id).collect::<Vec<_>>());
    let pair = |a: usize, b: usize, kind, text: &str| Contradiction {
        thread: "aleppo".into(),
        kind,
        score: 0.5,
        explanation: text.into(),
        proposition: "p".into(),
        a: claims[a].id,
        b: claims[b].id,
    };
    let first = [
        pair(3, 4, ContradictionKind::Opposing, "x"),
        pair(0, 1, ContradictionKind::Numeric, "x"),
        pair(0, 1, ContradictionKind::Opposing, "x"),
        pair(2, 0, ContradictionKind::Denial, "x"),
    ];
    let second = [
        pair(1, 2, ContradictionKind::Opposing, "y"),
        pair(3, 4, ContradictionKind::Opposing, "y"),
        pair(0, 1, ContradictionKind::Reversal, "y"),
    ];
    for found in [&first[..], &second[..]] {
        // The list as detection gives it: by (a, b, kind).
        let mut sorted = found.to_vec();
        sorted.sort_by_key(|c| (c.a, c.b, c.kind));
        let n = list.sync_contradictions("aleppo", &sorted).unwrap();
        // Staged in reverse, a few at a time.
        let m = streamed
            .sync_contradictions_with("aleppo", |sync| {
                for c in found.iter().rev() {
                    sync.stage(std::slice::from_ref(c))?;
                }
                Ok(())
            })
            .unwrap();
        assert_eq!(n, m);
        assert_eq!(rows(&list), rows(&streamed));
        assert_counters_recount(&streamed);
    }
    assert_eq!(rows(&streamed).len(), 3);
    // A failing caller changes nothing, and the next sync works.
    let before = rows(&streamed);
    let failed = streamed.sync_contradictions_with("aleppo", |sync| {
        sync.stage(&first)?;
        Err(StoreError::UnknownThread("x".into()))
    });
    assert!(failed.is_err());
    assert_eq!(rows(&streamed), before);
    let temp: i64 = streamed
        .conn
        .query_row("PRAGMA temp_store", [], |r| r.get(0))
        .unwrap();
    assert_eq!(temp, 2, "temp_store is back to memory");
    assert!(streamed
        .sync_contradictions_with("nowhere", |_| Ok(()))
        .is_err());
    assert_eq!(
        streamed
            .sync_contradictions_with("aleppo", |sync| sync.stage(&second))
            .unwrap(),
        0
    );
    assert_eq!(rows(&streamed), before);
}

/// An undated claim (a background position) is read for detection on its article's
/// publication day, in date order, by the list and the streamed sync alike; an undated claim
/// in an article without a day is not read.
#[test]
fn undated_claims_are_detected_on_their_article_day() {
    let mut s = Store::open_in_memory().unwrap();
    let dated = id_of(insert_dated(&mut s, "Dated.", 25, &["aleppo"], None, 1));
    let background = id_of(insert_dated(
        &mut s,
        "Background.",
        22,
        &["aleppo"],
        None,
        -1,
    ));
    let nowhere = id_of(insert_dated(&mut s, "Nowhere.", 20, &["aleppo"], None, -1));
    for article in [background, nowhere] {
        s.conn
            .execute(
                "UPDATE claim SET date = NULL, date_precision = 'unknown' WHERE article_id = ?1",
                [article],
            )
            .unwrap();
    }
    s.conn
        .execute(
            "UPDATE article SET published = NULL, published_precision = 'unknown' WHERE id = ?1",
            [nowhere],
        )
        .unwrap();
    let claims = s.detection_claims("aleppo").unwrap();
    let got: Vec<(i64, Option<NaiveDate>)> = claims
        .iter()
        .map(|c| (c.article_id, c.detection_day()))
        .collect();
    let day = |d| NaiveDate::from_ymd_opt(2016, 8, d);
    assert_eq!(got, vec![(background, day(22)), (dated, day(25))]);
    assert!(claims[0].claim.date.date.is_none());
    let mut seen = Vec::new();
    s.sync_contradictions_with("aleppo", |sync| {
        sync.for_each_chunk(1, |chunk| {
            seen.extend(chunk.into_iter().map(|c| c.id));
            Vec::new()
        })
    })
    .unwrap();
    assert_eq!(seen, claims.iter().map(|c| c.id).collect::<Vec<_>>());
}
