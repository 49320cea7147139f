//! Commands that list or edit what is stored: threads, articles, claims, events, contradictions, search, actors.

use anyhow::{bail, Context, Result};

use super::super::args::{
    ActorCmd, ArticlesArgs, ClaimsArgs, ContradictionsArgs, DictFormat, EventsArgs, KindArg,
    SearchArgs, ThreadCmd, ThreadsArgs,
};
use super::super::config::WINDOW_DAYS;
use super::super::{Config, Outcome};
use super::check_slug;
use crate::extract::actors::ActorCode;
use crate::extract::Gazetteer;
use crate::model::{ActorKind, ContradictionKind, GazetteerEntry, Thread};
use crate::output::{self, Out};
use crate::pipeline;
use crate::store::{ClaimFilter, StoreError};

/// `threads`.
pub fn threads(cfg: &Config, out: &mut Out, a: ThreadsArgs) -> Result<Outcome> {
    let store = cfg.open_read()?;
    output::threads(out, &store.threads()?, a.json)?;
    Ok(Outcome::Ok)
}

/// `thread new|merge|rename`.
pub fn thread(cfg: &Config, out: &mut Out, cmd: ThreadCmd) -> Result<Outcome> {
    let mut store = cfg.open()?;
    match cmd {
        ThreadCmd::New {
            slug,
            title,
            keywords,
            actors,
        } => {
            check_slug(&slug)?;
            let t = Thread {
                title: title.unwrap_or_else(|| slug.clone()),
                slug,
                keywords,
                actors,
                manual: true,
            };
            store.create_thread(&t)?;
            out.line(&t.slug)?;
        }
        ThreadCmd::Merge { from, into } => {
            store.merge_threads(&from, &into)?;
            let n = pipeline::recompute_contradictions(&mut store, &into, WINDOW_DAYS)?;
            if !cfg.quiet {
                eprintln!("storyline: merged {from} into {into}; {n} contradictions");
            }
            out.line(&into)?;
        }
        ThreadCmd::Rename { from, to, title } => {
            check_slug(&to)?;
            store.rename_thread(&from, &to, title.as_deref())?;
            out.line(&to)?;
        }
    }
    Ok(Outcome::Ok)
}

/// `articles`.
pub fn articles(cfg: &Config, out: &mut Out, a: ArticlesArgs) -> Result<Outcome> {
    let store = cfg.open_read()?;
    output::articles(out, &store.articles(a.thread.as_deref())?, a.json)?;
    Ok(Outcome::Ok)
}

/// `claims`: filtered by thread, actor, date said and (`--since`) date ingested.
pub fn claims(cfg: &Config, out: &mut Out, a: ClaimsArgs) -> Result<Outcome> {
    let store = cfg.open_read()?;
    let f = ClaimFilter {
        thread: a.thread.clone(),
        actor: a.actor,
        since: a.from,
        until: a.to,
        article: None,
        copies: false,
    };
    let mut claims = store.claims(&f)?;
    if let Some(since) = a.since {
        let new = store.articles_ingested_since(since.at)?;
        claims.retain(|c| new.contains(&c.article_id));
    }
    output::claims(out, &claims, a.thread.as_deref(), a.json)?;
    Ok(Outcome::Ok)
}

/// `events`.
pub fn events(cfg: &Config, out: &mut Out, a: EventsArgs) -> Result<Outcome> {
    let store = cfg.open_read()?;
    output::events(
        out,
        &store.events(a.thread.as_deref())?,
        a.thread.as_deref(),
        a.json,
    )?;
    Ok(Outcome::Ok)
}

/// `contradictions`: strongest first, filtered by thread, kind and (`--since`) date ingested.
pub fn contradictions(cfg: &Config, out: &mut Out, a: ContradictionsArgs) -> Result<Outcome> {
    let store = cfg.open_read()?;
    let kind = a.kind.map(|k| match k {
        KindArg::Opposing => ContradictionKind::Opposing,
        KindArg::Denial => ContradictionKind::Denial,
        KindArg::Numeric => ContradictionKind::Numeric,
        KindArg::Reversal => ContradictionKind::Reversal,
    });
    let mut found = store.contradictions(a.thread.as_deref(), kind)?;
    if let Some(since) = a.since {
        let new = store.articles_ingested_since(since.at)?;
        found.retain(|x| new.contains(&x.a.article_id) || new.contains(&x.b.article_id));
    }
    output::contradictions(out, &found, a.json)?;
    Ok(Outcome::Ok)
}

/// `search`.
pub fn search(cfg: &Config, out: &mut Out, a: SearchArgs) -> Result<Outcome> {
    let store = cfg.open_read()?;
    let hits = store.search(&a.query, a.thread.as_deref(), a.limit)?;
    output::search(out, &hits, a.json)?;
    Ok(Outcome::Ok)
}

/// `actor add|import|list`.
pub fn actor(cfg: &Config, out: &mut Out, cmd: ActorCmd) -> Result<Outcome> {
    match cmd {
        ActorCmd::Add {
            name,
            code,
            kind,
            alias,
        } => {
            let mut store = cfg.open()?;
            let Some(kind) = ActorKind::parse(&kind) else {
                bail!("unknown actor kind {kind:?}: expected country, person, organisation or anonymous");
            };
            let code = code.to_uppercase();
            let country = ActorCode::new(code.as_str())
                .letter_prefix()
                .map(str::to_string);
            let entry = GazetteerEntry {
                name: name.clone(),
                code,
                kind,
                aliases: alias,
                from: None,
                until: None,
            };
            store.add_actor(&entry, country.as_deref())?;
            out.line(&name)?;
        }
        ActorCmd::Import { file, format } => {
            let DictFormat::Cameo = format;
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let text = String::from_utf8_lossy(&bytes);
            let (entries, skipped) = crate::extract::cameo::parse(&text);
            let mut store = cfg.open()?;
            let n = store.import_actors(&entries)?;
            if !cfg.quiet {
                eprintln!(
                    "storyline: imported {n} actor entries from {}{}",
                    file.display(),
                    if skipped > 0 {
                        format!(" ({skipped} lines not understood, skipped)")
                    } else {
                        String::new()
                    }
                );
            }
        }
        ActorCmd::List { json } => {
            // Without a database the list is the built-in gazetteer.
            let extra = match cfg.open_read() {
                Ok(store) => store.user_actors()?,
                Err(e)
                    if e.downcast_ref::<StoreError>()
                        .is_some_and(|s| matches!(s, StoreError::Missing { .. })) =>
                {
                    Vec::new()
                }
                Err(e) => return Err(e),
            };
            let gaz = Gazetteer::with_extra(&extra);
            output::gazetteer(out, &gaz.entries, json)?;
        }
    }
    Ok(Outcome::Ok)
}
