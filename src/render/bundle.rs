//! The report bundle: timeline.png, contradictions.png, index.html and index.md in one folder.
//!
//! Both pages carry the same content: title and counts, the two images, a table of
//! contradictions quoting both sentences, and a dated list of claims and events. Every row
//! names its source article and byte span so an analyst can check it against the text.
//! The HTML is self-contained (inline CSS, no script) and escapes everything it prints.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use super::chart::{contradiction_chart, ChartLayout};
use super::frame::plural;
use super::markup::{escape_html, escape_md, Cell, Column, Source, Table};
use super::since::NewSince;
use super::timeline::{timeline, Moment, TimelineLayout, Why};
use super::{
    claim_side, event_side, span_text, thread_title, RenderError, RenderOptions, ReportData,
};
use crate::model::{DateValue, Span, StoredArticle, StoredClaim, StoredContradiction};

pub const TIMELINE_PNG: &str = "timeline.png";
pub const CHART_PNG: &str = "contradictions.png";
pub const INDEX_HTML: &str = "index.html";
pub const INDEX_MD: &str = "index.md";

/// Writes `out_dir/{timeline.png, contradictions.png, index.html, index.md}` and returns the
/// four paths. Each file is written beside its target first and renamed over it, so a
/// re-run replaces the old report cleanly and a failed run leaves no half-written file.
pub fn bundle(
    data: &ReportData,
    opts: &RenderOptions,
    out_dir: &Path,
) -> Result<Vec<PathBuf>, RenderError> {
    bundle_since(data, opts, out_dir, None)
}

/// [`bundle`] with a "New since …" section at the top of both pages (see `since.rs`).
pub fn bundle_since(
    data: &ReportData,
    opts: &RenderOptions,
    out_dir: &Path,
    news: Option<&NewSince>,
) -> Result<Vec<PathBuf>, RenderError> {
    super::check_options(opts)?;
    fs::create_dir_all(out_dir).map_err(|e| RenderError::io(out_dir, e))?;
    let timeline_path = out_dir.join(TIMELINE_PNG);
    let chart_path = out_dir.join(CHART_PNG);
    // The bitmap backend picks the format from the extension, so temp names end in .png.
    let tmp_timeline = out_dir.join(".timeline.tmp.png");
    let tmp_chart = out_dir.join(".contradictions.tmp.png");
    let drawn = timeline(data, opts, &tmp_timeline).and_then(|tl| {
        let chart = contradiction_chart(data, opts, &tmp_chart)?;
        replace(&tmp_timeline, &timeline_path)?;
        replace(&tmp_chart, &chart_path)?;
        Ok((tl, chart))
    });
    let (tl, chart) = match drawn {
        Ok(x) => x,
        Err(e) => {
            // A full disk or a vanished folder must not leave temp files behind.
            let _ = fs::remove_file(&tmp_timeline);
            let _ = fs::remove_file(&tmp_chart);
            return Err(e);
        }
    };
    let mut report = Report::new(data, tl.undated, tl.out_of_range).with_charts(&tl, &chart);
    report.news = news;
    let html_path = out_dir.join(INDEX_HTML);
    let md_path = out_dir.join(INDEX_MD);
    write_atomic(&html_path, &report.html(opts))?;
    write_atomic(&md_path, &report.markdown(opts))?;
    Ok(vec![timeline_path, chart_path, html_path, md_path])
}

fn replace(from: &Path, to: &Path) -> Result<(), RenderError> {
    fs::rename(from, to).map_err(|e| RenderError::io(to, e))
}

fn write_atomic(path: &Path, text: &str) -> Result<(), RenderError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let written = fs::write(&tmp, text)
        .map_err(|e| RenderError::io(path, e))
        .and_then(|()| replace(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// One row of the dated list, format-neutral.
struct Row {
    date: DateValue,
    kind: String,
    who: String,
    text: String,
    source: Source,
}

/// The page content, computed once and printed as HTML or Markdown.
struct Report<'a> {
    data: &'a ReportData,
    articles: HashMap<i64, &'a StoredArticle>,
    title: String,
    span: Option<String>,
    rows: Vec<Row>,
    undated: usize,
    out_of_range: usize,
    news: Option<&'a NewSince>,
    /// The timeline's labelled moments, in salience order.
    moments: Vec<Moment>,
    /// Contradiction id -> its number ([n] on the timeline; the rest follow by strength).
    numbers: HashMap<i64, usize>,
    timeline_alt: String,
    chart_alt: String,
}

impl<'a> Report<'a> {
    fn new(data: &'a ReportData, undated: usize, out_of_range: usize) -> Report<'a> {
        let articles: HashMap<i64, &StoredArticle> =
            data.articles.iter().map(|a| (a.id, a)).collect();
        let mut rows = Vec::new();
        for c in &data.claims {
            rows.push(Row {
                date: c.claim.date,
                kind: format!("claim · {}", c.claim.polarity.label()),
                who: speaker_text(c),
                text: c.claim.text.clone(),
                source: source_of(&articles, c.article_id, &c.article_title, c.claim.span),
            });
        }
        for e in &data.events {
            let actors = if e.event.actors.is_empty() {
                event_side(e).label
            } else {
                e.event.actors.join(", ")
            };
            rows.push(Row {
                date: e.event.date,
                kind: "event".into(),
                who: actors,
                text: e.event.text.clone(),
                source: source_of(&articles, e.article_id, "", e.event.span),
            });
        }
        // Dated first, in date order; undated last.
        rows.sort_by(|a, b| {
            (
                a.date.date.is_none(),
                a.date.date,
                a.source.article_id,
                a.source.span,
            )
                .cmp(&(
                    b.date.date.is_none(),
                    b.date.date,
                    b.source.article_id,
                    b.source.span,
                ))
        });
        let dates: Vec<_> = rows.iter().filter_map(|r| r.date.date).collect();
        let span = dates
            .iter()
            .min()
            .zip(dates.iter().max())
            .map(|(a, b)| span_text(*a, *b));
        Report {
            data,
            articles,
            title: thread_title(&data.thread),
            span,
            rows,
            undated,
            out_of_range,
            news: None,
            moments: Vec::new(),
            numbers: HashMap::new(),
            timeline_alt: "Timeline of claims and events by side".into(),
            chart_alt: "Contradictions by proposition, side and figure".into(),
        }
    }

    /// Takes what the two pictures show: the labelled moments and contradiction numbers,
    /// the story's own span, and alt texts naming what each image shows.
    fn with_charts(mut self, tl: &TimelineLayout, chart: &ChartLayout) -> Report<'a> {
        self.moments = tl.moments.clone();
        let mut numbers: HashMap<i64, usize> = HashMap::new();
        for m in &tl.moments {
            if let (Some(id), Some(n)) = (m.contradiction_id, m.number) {
                numbers.insert(id, n);
            }
        }
        let mut rest: Vec<_> = self
            .data
            .contradictions
            .iter()
            .filter(|c| !numbers.contains_key(&c.id))
            .collect();
        rest.sort_by(|a, b| {
            b.contradiction
                .score
                .total_cmp(&a.contradiction.score)
                .then(a.id.cmp(&b.id))
        });
        let mut next = numbers.values().copied().max().unwrap_or(0);
        for c in rest {
            next += 1;
            numbers.insert(c.id, next);
        }
        self.numbers = numbers;
        // The story's own span, as the timeline's title gives it (not background dates).
        if let Some(t) = tl.title.split(" — ").nth(1) {
            self.span = Some(t.to_string());
        }
        let firsts: Vec<&str> = tl
            .moments
            .iter()
            .take(3)
            .map(|m| m.label.as_str())
            .collect();
        self.timeline_alt = format!(
            "Timeline of {}, {}: {} labelled key moments in {} lanes by side, {} joined; first: {}",
            self.title,
            self.span.clone().unwrap_or_default(),
            tl.moments.len(),
            tl.lanes.len(),
            plural(tl.connectors.len(), "contradiction"),
            firsts.join("; ")
        );
        let props: Vec<&str> = chart.rows.iter().map(|r| r.frame.as_str()).collect();
        self.chart_alt = if props.is_empty() {
            format!("Contradiction chart of {}: no contradictions", self.title)
        } else {
            format!(
                "Contradiction chart of {}: who asserts and who denies, over time, on {}; a side-by-side matrix of who contradicts whom; figures given in numeric disputes",
                self.title,
                props.join("; ")
            )
        };
        self
    }

    /// Contradictions in number order.
    fn numbered(&self) -> Vec<(usize, &'a StoredContradiction)> {
        let mut v: Vec<(usize, &StoredContradiction)> = self
            .data
            .contradictions
            .iter()
            .enumerate()
            .map(|(i, c)| (self.numbers.get(&c.id).copied().unwrap_or(1000 + i), c))
            .collect();
        v.sort_by_key(|(n, c)| (*n, c.id));
        let mut last = 0;
        for (n, _) in &mut v {
            if *n >= 1000 {
                last += 1;
                *n = last;
            } else {
                last = *n;
            }
        }
        v
    }

    fn why(m: &Moment) -> String {
        match m.why {
            Why::Contradiction => "one end of a contradiction".into(),
            Why::Reported(n) => format!("event reported by {}", plural(n, "article")),
            Why::FirstStatement => "first statement of a principal speaker".into(),
        }
    }

    fn moment_source(&self, m: &Moment) -> Source {
        let title = self
            .articles
            .get(&m.article_id)
            .map(|a| a.article.title.clone())
            .unwrap_or_default();
        source_of(&self.articles, m.article_id, &title, m.span)
    }

    fn counts(&self) -> String {
        let d = self.data;
        let mut parts = vec![
            plural(d.articles.len(), "article"),
            plural(d.claims.len(), "claim"),
            plural(d.events.len(), "event"),
            plural(d.contradictions.len(), "contradiction"),
        ];
        if self.undated > 0 {
            parts.push(format!("{} undated", self.undated));
        }
        if self.out_of_range > 0 {
            parts.push(format!("{} outside the charted range", self.out_of_range));
        }
        parts.join(" · ")
    }

    /// The source of a quoted claim sentence: the span is the sentence's, matching the quote.
    fn sentence_source(&self, c: &StoredClaim) -> Source {
        source_of(
            &self.articles,
            c.article_id,
            &c.article_title,
            c.claim.sentence_span,
        )
    }

    /// The timeline's labelled moments, one row each (the full text on the HTML page only).
    fn moments_table(&self) -> Table {
        let rows = self
            .moments
            .iter()
            .map(|m| {
                vec![
                    Cell::Contradiction(m.number),
                    Cell::Text(m.date.format("%Y-%m-%d").to_string()),
                    Cell::Text(m.label.clone()),
                    Cell::Text(Self::why(m)),
                    Cell::Text(m.text.clone()),
                    Cell::Source(self.moment_source(m)),
                ]
            })
            .collect();
        Table {
            class: "moments",
            columns: vec![
                Column::text("#"),
                Column::date("Date"),
                Column::text("Label"),
                Column::text("Why it is shown"),
                Column::html_only("Full text"),
                Column::text("Source"),
            ],
            rows,
        }
    }

    /// The dated list of claims and events, undated last.
    fn items_table(&self) -> Table {
        let rows = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(r.date.iso_text()),
                    Cell::Text(r.kind.clone()),
                    Cell::Text(r.who.clone()),
                    Cell::Text(r.text.clone()),
                    Cell::Source(r.source.clone()),
                ]
            })
            .collect();
        Table {
            class: "items",
            columns: vec![
                Column::date("Date"),
                Column::text("Kind"),
                Column::text("Speaker / actor"),
                Column::text("Text"),
                Column::text("Source"),
            ],
            rows,
        }
    }

    fn html(&self, opts: &RenderOptions) -> String {
        let mut h = String::new();
        let title = escape_html(&self.title);
        let _ = write!(
            h,
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title} — storyline report</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        );
        let _ = writeln!(h, "<h1>{title}</h1>");
        let mut meta = format!(
            "Thread <code>{}</code>",
            escape_html(&self.data.thread.slug)
        );
        if let Some(span) = &self.span {
            let _ = write!(meta, " · {}", escape_html(span));
        }
        let _ = writeln!(
            h,
            "<p class=\"meta\">{meta}</p>\n<p class=\"counts\">{}</p>",
            escape_html(&self.counts())
        );
        if let Some(news) = self.news {
            h.push_str(&news.html());
        }
        let _ = writeln!(
            h,
            "<figure><img src=\"{TIMELINE_PNG}\" width=\"{w}\" height=\"{hh}\" alt=\"{alt}\">\
             <figcaption>Timeline: the story's key moments by side; circles are claims (blue asserts, vermillion denies, grey neutral), diamonds are events; [n] and arcs mark contradiction n below; the strip under the axis counts claims and events per day.</figcaption></figure>",
            w = opts.width,
            hh = opts.height,
            alt = escape_html(&self.timeline_alt),
        );
        let _ = writeln!(
            h,
            "<figure><img src=\"{CHART_PNG}\" width=\"{w}\" height=\"{hh}\" alt=\"{alt}\">\
             <figcaption>Contradictions: one row per disputed proposition with each side's positions over time, who contradicts whom across sides, and the figures given in numeric disputes.</figcaption></figure>",
            w = opts.width,
            hh = opts.height,
            alt = escape_html(&self.chart_alt),
        );
        if !self.moments.is_empty() {
            let _ = writeln!(
                h,
                "<h2>Key moments on the timeline ({})</h2>",
                self.moments.len()
            );
            h.push_str(&self.moments_table().html());
        }

        let _ = writeln!(
            h,
            "<h2>Contradictions ({})</h2>",
            self.data.contradictions.len()
        );
        if self.data.contradictions.is_empty() {
            h.push_str("<p class=\"none\">No contradictions in this thread.</p>\n");
        } else {
            for (n, c) in self.numbered() {
                let prop = c.contradiction.proposition.trim();
                let head = if prop.is_empty() {
                    c.contradiction.explanation.clone()
                } else {
                    prop.to_string()
                };
                let _ = writeln!(
                    h,
                    "<section class=\"contradiction\" id=\"c{n}\"><h3>[{n}] {}</h3>\
                     <p class=\"meta\">{} · score {:.2} · {}</p>\
                     <div class=\"pair\"><div>{}</div><div>{}</div></div></section>",
                    escape_html(&head),
                    escape_html(c.contradiction.kind.as_str()),
                    c.contradiction.score,
                    escape_html(&c.contradiction.explanation),
                    self.claim_cell_html(&c.a),
                    self.claim_cell_html(&c.b),
                );
            }
        }

        let _ = writeln!(h, "<h2>Claims and events ({})</h2>", self.rows.len());
        if self.rows.is_empty() {
            h.push_str("<p class=\"none\">Nothing extracted for this thread yet.</p>\n");
        } else {
            h.push_str(&self.items_table().html());
        }
        h.push_str(
            "<p class=\"foot\">Generated by storyline. Byte spans point into each article's cleaned body.</p>\n\
             </main>\n</body>\n</html>\n",
        );
        h
    }

    fn claim_cell_html(&self, c: &StoredClaim) -> String {
        format!(
            "<strong>{}</strong> <span class=\"code\">{}</span> · {}<blockquote>{}</blockquote>{}",
            escape_html(c.claim.speaker.trim()),
            escape_html(&code_and_side(c)),
            escape_html(&c.claim.date.iso_text()),
            escape_html(c.claim.sentence.trim()),
            self.sentence_source(c).html(),
        )
    }

    fn markdown(&self, _opts: &RenderOptions) -> String {
        let mut m = String::new();
        let _ = writeln!(m, "# {}\n", escape_md(&self.title));
        let mut meta = format!("Thread `{}`", self.data.thread.slug.replace('`', "'"));
        if let Some(span) = &self.span {
            let _ = write!(meta, " · {}", escape_md(span));
        }
        let _ = writeln!(m, "{meta}\n\n{}\n", escape_md(&self.counts()));
        if let Some(news) = self.news {
            m.push_str(&news.markdown());
        }
        let _ = writeln!(
            m,
            "![{}]({TIMELINE_PNG})\n\n![{}]({CHART_PNG})\n",
            escape_md(&self.timeline_alt),
            escape_md(&self.chart_alt)
        );
        if !self.moments.is_empty() {
            let _ = writeln!(
                m,
                "## Key moments on the timeline ({})\n",
                self.moments.len()
            );
            m.push_str(&self.moments_table().markdown());
            m.push('\n');
        }
        let _ = writeln!(
            m,
            "## Contradictions ({})\n",
            self.data.contradictions.len()
        );
        if self.data.contradictions.is_empty() {
            m.push_str("No contradictions in this thread.\n\n");
        } else {
            for (n, c) in self.numbered() {
                let prop = c.contradiction.proposition.trim();
                let head = if prop.is_empty() {
                    c.contradiction.explanation.clone()
                } else {
                    prop.to_string()
                };
                let _ = writeln!(
                    m,
                    "### \\[{n}\\] {}\n\n{} · score {:.2} · {}\n\n- {}\n- {}\n",
                    escape_md(&head),
                    c.contradiction.kind.as_str(),
                    c.contradiction.score,
                    escape_md(&c.contradiction.explanation),
                    self.claim_cell_md(&c.a),
                    self.claim_cell_md(&c.b),
                );
            }
        }
        let _ = writeln!(m, "## Claims and events ({})\n", self.rows.len());
        if self.rows.is_empty() {
            m.push_str("Nothing extracted for this thread yet.\n");
        } else {
            m.push_str(&self.items_table().markdown());
        }
        m
    }

    fn claim_cell_md(&self, c: &StoredClaim) -> String {
        format!(
            "**{}** ({}) · {}: “{}” — {}",
            escape_md(c.claim.speaker.trim()),
            escape_md(&code_and_side(c)),
            escape_md(&c.claim.date.iso_text()),
            escape_md(c.claim.sentence.trim()),
            self.sentence_source(c).md(),
        )
    }
}

/// "RUSGOV, Russia", or just the side when the speaker has no actor code.
fn code_and_side(c: &StoredClaim) -> String {
    let side = claim_side(c).label;
    match c.claim.actor_code.as_deref() {
        Some(code) if !code.is_empty() => format!("{code}, {side}"),
        _ => side,
    }
}

fn speaker_text(c: &StoredClaim) -> String {
    let speaker = c.claim.speaker.trim();
    match c.claim.actor_code.as_deref() {
        Some(code) if !code.is_empty() => format!("{speaker} ({code})"),
        _ => speaker.to_string(),
    }
}

fn source_of(
    articles: &HashMap<i64, &StoredArticle>,
    article_id: i64,
    fallback_title: &str,
    span: Span,
) -> Source {
    let article = articles.get(&article_id);
    let title = article
        .map(|a| a.article.title.trim().to_string())
        .filter(|t| !t.is_empty())
        .or_else(|| (!fallback_title.trim().is_empty()).then(|| fallback_title.trim().to_string()))
        .unwrap_or_else(|| format!("article #{article_id}"));
    Source {
        article_id,
        title,
        url: article.and_then(|a| a.article.url.clone()),
        span,
    }
}

const CSS: &str = "\
body{margin:0;background:#fafafa;color:#222;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}\
main{max-width:1240px;margin:0 auto;padding:24px 28px 48px;background:#fff}\
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}\
.meta,.counts,.foot,.trace,figcaption{color:#666}.counts{font-weight:600}\
figure{margin:20px 0}img{max-width:100%;height:auto;border:1px solid #e4e4e4}\
figcaption{font-size:13px;margin-top:4px}\
table{border-collapse:collapse;width:100%;font-size:14px}\
th,td{border-bottom:1px solid #e6e6e6;padding:6px 8px;text-align:left;vertical-align:top}\
th{background:#f3f3f3;position:sticky;top:0}tbody tr:nth-child(even){background:#fbfbfb}\
td.date{white-space:nowrap}.trace{font-size:12px}.code{color:#666;font-size:12px}\
blockquote{margin:4px 0;padding-left:8px;border-left:3px solid #cc79a7;color:#333}\
a{color:#0072b2}.none{color:#666;font-style:italic}\
section.contradiction{border-top:1px solid #ddd;margin-top:12px}\
.pair{display:grid;grid-template-columns:1fr 1fr;gap:16px}";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;
    use crate::render::fixtures;

    #[test]
    fn bundle_writes_four_files_and_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("reports").join("aleppo");
        let opts = RenderOptions::default();
        let files = bundle(&fixtures::small(), &opts, &out).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, [TIMELINE_PNG, CHART_PNG, INDEX_HTML, INDEX_MD]);
        for f in &files {
            assert!(fs::metadata(f).unwrap().len() > 100, "{f:?} is empty");
        }
        for png in &files[..2] {
            assert_eq!(image::open(png).unwrap().width(), 1600);
        }
        // Re-run with different data: files are replaced, nothing else is left behind.
        let mut data = fixtures::small();
        data.thread.title = "Second run".into();
        bundle(&data, &opts, &out).unwrap();
        let html = fs::read_to_string(out.join(INDEX_HTML)).unwrap();
        assert!(html.contains("<h1>Second run</h1>"));
        assert!(!html.contains("US-Russia talks"));
        let mut left: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [CHART_PNG, INDEX_HTML, INDEX_MD, TIMELINE_PNG]);
    }

    #[test]
    fn html_escapes_everything() {
        let mut data = fixtures::small();
        data.thread.title = "Talks <script>alert('x')</script>".into();
        data.articles[0].article.url = Some("javascript:alert(1)".into());
        let report = Report::new(&data, 1, 0);
        let html = report.html(&RenderOptions::default());
        assert!(!html.contains("<script>"), "raw script tag in html");
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(
            html.contains("&lt;districts&gt;"),
            "article titles are escaped"
        );
        assert!(!html.contains("href=\"javascript:"), "only http(s) links");
        assert!(html.contains("href=\"https://example.org/wire/aleppo-3\""));
        let md = report.markdown(&RenderOptions::default());
        assert!(!md.contains("<script>"));
    }

    #[test]
    fn pages_trace_every_item_to_article_and_span() {
        let data = fixtures::small();
        let report = Report::new(&data, 1, 0);
        let html = report.html(&RenderOptions::default());
        let md = report.markdown(&RenderOptions::default());
        for c in &data.claims {
            let trace = format!(
                "article #{}, bytes {}–{}",
                c.article_id, c.claim.span.start, c.claim.span.end
            );
            assert!(html.contains(&trace), "html lacks {trace}");
            assert!(md.contains(&trace), "md lacks {trace}");
        }
        for e in &data.events {
            let trace = format!("bytes {}–{}", e.event.span.start, e.event.span.end);
            assert!(html.contains(&trace));
        }
        // Contradictions quote both sentences.
        assert!(html.contains(
            "Sergei Shoigu said &quot;step by step, we are nearing an arrangement.&quot;"
        ));
        assert!(html.contains("a U.S. official said &quot;no agreement is close.&quot;"));
        assert!(md.contains("opposing · score 0.85"), "{md}");
        // Quotes carry the sentence's own span.
        let s = data.contradictions[0].a.claim.sentence_span;
        assert!(html.contains(&format!("bytes {}–{}", s.start, s.end)));
        // Article 2 has no URL: its title is shown instead of a link.
        assert!(html.contains("Talks on Syria truce resume in Geneva<br>"));
        // Dated list runs in date order with the undated claim last.
        let first = html.find("2016-08-29").unwrap();
        let later = html.find("2016-09-06").unwrap();
        let undated = html.rfind("<td class=\"date\">undated</td>").unwrap();
        assert!(first < later && later < undated);
        assert!(report
            .counts()
            .contains("3 articles · 10 claims · 3 events · 2 contradictions · 1 undated"));
    }

    #[test]
    fn html_has_a_section_per_contradiction_a_moments_table_and_alt_texts() {
        let dir = tempfile::tempdir().unwrap();
        bundle(&fixtures::small(), &RenderOptions::default(), dir.path()).unwrap();
        let html = fs::read_to_string(dir.path().join(INDEX_HTML)).unwrap();
        assert_eq!(html.matches("<section class=\"contradiction\"").count(), 2);
        assert!(html.contains("id=\"c1\"><h3>[1] a US-Russia agreement on Aleppo</h3>"));
        assert!(html.contains("<h2>Key moments on the timeline"));
        assert!(html.contains("<a href=\"#c1\">[1]</a>"));
        assert!(html.contains("alt=\"Timeline of US-Russia talks on Aleppo, 29 Aug – 6 Sep 2016:"));
        assert!(
            html.contains("alt=\"Contradiction chart of US-Russia talks on Aleppo: who asserts")
        );
        assert!(html.contains("href=\"https://example.org/wire/aleppo-3\""));
    }

    #[test]
    fn dates_show_their_precision() {
        let d = fixtures::d("2016-08-01");
        assert_eq!(DateValue::day(d).iso_text(), "2016-08-01");
        let month = DateValue {
            date: Some(d),
            precision: Precision::Month,
        };
        assert_eq!(month.iso_text(), "2016-08");
        assert_eq!(DateValue::unknown().iso_text(), "undated");
    }

    #[test]
    #[ignore]
    fn render_check_bundle() {
        let dir = std::path::Path::new("/tmp/render-check/bundle");
        bundle(&fixtures::small(), &RenderOptions::default(), dir).unwrap();
    }
}
