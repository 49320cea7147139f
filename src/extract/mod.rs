//! Extraction: a pure function from (article body, publication date) to actors, time expressions, claims and events.
//!
//! Nothing here does I/O and nothing here fails: problems come back as diagnostics.
//! Stages, in order: `sentences` -> `timex` -> `actors` -> `claims` (uses `frames`) -> `context`
//! (speakers without a side take one from the article) -> `events`.

pub mod actors;
pub mod agencies;
pub mod cameo;
pub mod claims;
pub mod context;
pub mod events;
mod frame_flags;
pub mod frames;
mod fxhash;
pub mod sentences;
pub mod timex;
pub mod words;

use crate::model::{Article, DateValue, DiagCode, Diagnostic, Extraction};

pub use actors::Gazetteer;

/// Extract everything from one article body, resolving dates against `published`.
pub fn extract(
    body: &str,
    published: DateValue,
    gazetteer: &Gazetteer,
) -> (Extraction, Vec<Diagnostic>) {
    extract_with(body, published, Home::default(), gazetteer)
}

/// [`extract`] for an article read by the pipeline: its dateline city ("WASHINGTON") is where
/// unnamed officials with no country of their own speak from.
pub fn extract_article(article: &Article, gazetteer: &Gazetteer) -> (Extraction, Vec<Diagnostic>) {
    let home = Home {
        dateline: article.dateline.as_deref(),
        publisher: article.url.as_deref().and_then(publisher_country),
    };
    extract_with(&article.body, article.published, home, gazetteer)
}

/// Where an article's unnamed officials may speak from: its dateline city, and the country of
/// the press that published it.
#[derive(Default)]
struct Home<'a> {
    dateline: Option<&'a str>,
    publisher: Option<&'static str>,
}

/// The country whose press published the page at `url`, by a national outlet's own domain
/// or else its country-code domain (`web_domains.tsv`): "https://www.koreatimes.co.kr/…" →
/// KOR, "https://indianexpress.com/…" → IND. Other generic and unknown domains name none.
pub fn publisher_country(url: &str) -> Option<&'static str> {
    static DOMAINS: once_cell::sync::Lazy<Vec<(&'static str, &'static str)>> =
        once_cell::sync::Lazy::new(|| crate::data::WEB_DOMAINS.pairs());
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    let host = host.to_ascii_lowercase();
    let last = host.rsplit('.').next()?;
    // An outlet's own domain ("www.indianexpress.com", "epaper.dawn.com"), else the country code.
    let outlet = |d: &str| {
        d.contains('.')
            && host
                .strip_suffix(d)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
    };
    DOMAINS
        .iter()
        .find(|(domain, _)| outlet(domain))
        .or_else(|| DOMAINS.iter().find(|(domain, _)| *domain == last))
        .map(|(_, country)| *country)
}

fn extract_with(
    body: &str,
    published: DateValue,
    home: Home,
    gazetteer: &Gazetteer,
) -> (Extraction, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let sentences = sentences::split(body);
    let timexes = timex::tag(body, published.date);
    let (mut actors, places) = actors::find_with_places(body, gazetteer, published.date);
    let redefined = actors::drop_redefined_acronyms(body, &mut actors);
    let mut claims = claims::find(
        body,
        &sentences,
        &actors,
        &timexes,
        published,
        gazetteer,
        &mut diagnostics,
    );
    // "The FSA said", "an FSA spokesman": a speaker written with the article's own acronym
    // is not the gazetteer's party of it.
    for c in claims.iter_mut() {
        let holds = |a: &String| {
            c.speaker
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| w == a)
        };
        if redefined.iter().any(holds) {
            c.actor = None;
            c.actor_code = None;
            c.country = None;
        }
    }
    context::gate_generic(body, &places, &mut actors, &mut claims);
    let article = context::Article {
        body,
        actors: &actors,
        places: &places,
        gazetteer,
        date: published.date,
        dateline: home.dateline,
        publisher: home.publisher,
    };
    context::linked_parties(&article, &mut claims);
    context::resolve(&article, &mut claims);
    context::transcript_turns(&article, &mut claims);
    context::joint_speakers(&article, &mut claims);
    let events = events::find(body, &sentences, &actors, &timexes, &claims, published);
    if published.date.is_none() {
        diagnostics.push(Diagnostic {
            code: DiagCode::PublicationDateUnknown,
            message: "publication date unknown: relative dates were not resolved".into(),
            span: None,
        });
    }
    (
        Extraction {
            timexes,
            actors,
            claims,
            events,
        },
        diagnostics,
    )
}

#[cfg(test)]
mod tests {
    /// A national outlet's domain or the country-code domain of a page's host names its press's
    /// country; other generic and unknown domains, and addresses with no host, name none.
    #[test]
    fn publisher_country_reads_the_outlet_or_country_code_domain() {
        let cases = [
            (
                "https://www.koreatimes.co.kr/www/news/nation/2010/04/1.html",
                Some("KOR"),
            ),
            ("http://news.example.co.uk:8080/a?b=c", Some("GBR")),
            ("https://tass.ru/politika/1", Some("RUS")),
            ("HTTPS://WWW.EXAMPLE.JP./", Some("JPN")),
            ("https://www.example.com/uk/story", None),
            // a national outlet on a generic domain, with or without a subdomain
            ("https://indianexpress.com/article/india/x/", Some("IND")),
            ("https://epaper.hindustantimes.com/news/1.html", Some("IND")),
            ("https://www.dawn.com/news/1", Some("PAK")),
            // a host that only ends in an outlet's letters is not that outlet
            ("https://notdawn.com/news/1", None),
            ("https://channel.tv/story", None),
            ("not a url", None),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(super::publisher_country(url), want, "{url}");
        }
    }
}
