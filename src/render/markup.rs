//! HTML and Markdown output: the crate's one HTML escaper, the Markdown cell escaper, safe
//! links to sources, and one table model printed as either an HTML or a Markdown table.
//!
//! The report pages (`bundle`) and the TimelineJS export (`export`) both escape with
//! [`escape_html`], so a stored text prints the same way everywhere.

use std::fmt::Write as _;

use crate::model::Span;

/// Escapes text for HTML element content and attribute values: `& < > " '`. The crate's
/// HTML escaper: use it unless a test pins [`escape_html_text`].
pub fn escape_html(s: &str) -> String {
    escape(s, true)
}

/// Escapes `& < >` only, leaving quotes as typed: for element content that is read back as
/// text, such as TimelineJS headlines (whose test pins "rebels' weapons"). Never for
/// attribute values.
pub fn escape_html_text(s: &str) -> String {
    escape(s, false)
}

/// The one HTML escaping loop; `quotes` also escapes `"` and `'`.
fn escape(s: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for a Markdown table cell: no raw HTML, no emphasis or link syntax, no
/// line breaks or pipes that would split the row.
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' => out.push_str("\\|"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Only plain web links become hyperlinks; anything else (javascript:, data:) stays text.
fn safe_url(url: Option<&str>) -> Option<&str> {
    let u = url?.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(u)
}

/// A URL made safe to sit inside Markdown's `(...)`.
pub(crate) fn md_url(u: &str) -> String {
    u.chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '(' => "%28".to_string(),
            ')' => "%29".to_string(),
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            _ => c.to_string(),
        })
        .collect()
}

/// Where a row comes from: the article and the byte span of the text in its body.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub article_id: i64,
    pub title: String,
    pub url: Option<String>,
    pub span: Span,
}

impl Source {
    pub fn trace(&self) -> String {
        format!(
            "article #{}, bytes {}–{}",
            self.article_id, self.span.start, self.span.end
        )
    }

    pub fn html(&self) -> String {
        let name = escape_html(&self.title);
        let link = match safe_url(self.url.as_deref()) {
            Some(u) => format!("<a href=\"{}\">{name}</a>", escape_html(u)),
            None => name,
        };
        format!(
            "{link}<br><span class=\"trace\">{}</span>",
            escape_html(&self.trace())
        )
    }

    pub fn md(&self) -> String {
        let name = escape_md(&self.title);
        let link = match safe_url(self.url.as_deref()) {
            Some(u) => format!("[{name}]({})", md_url(u)),
            None => name,
        };
        format!("{link} ({})", escape_md(&self.trace()))
    }
}

/// One table cell, format-neutral; each format escapes and links it its own way.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    /// Plain text, escaped for the format.
    Text(String),
    /// The number of a contradiction on the page ("[n]", a link in HTML), or nothing.
    Contradiction(Option<usize>),
    /// The source article, linked, with its byte span.
    Source(Source),
}

impl Cell {
    fn html(&self) -> String {
        match self {
            Cell::Text(t) => escape_html(t),
            Cell::Contradiction(n) => n
                .map(|n| format!("<a href=\"#c{n}\">[{n}]</a>"))
                .unwrap_or_default(),
            Cell::Source(s) => s.html(),
        }
    }

    fn md(&self) -> String {
        match self {
            Cell::Text(t) => escape_md(t),
            Cell::Contradiction(n) => n.map(|n| format!("\\[{n}\\]")).unwrap_or_default(),
            Cell::Source(s) => s.md(),
        }
    }
}

/// One column: its heading, and whether it is a date (kept on one line in HTML) or shown
/// in HTML only (long texts the Markdown page leaves out).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub head: &'static str,
    pub date: bool,
    pub html_only: bool,
}

impl Column {
    pub const fn text(head: &'static str) -> Column {
        Column {
            head,
            date: false,
            html_only: false,
        }
    }
    pub const fn date(head: &'static str) -> Column {
        Column {
            head,
            date: true,
            html_only: false,
        }
    }
    pub const fn html_only(head: &'static str) -> Column {
        Column {
            head,
            date: false,
            html_only: true,
        }
    }
}

/// A table printed to both pages: `rows[i][j]` is the cell of column `j`.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The HTML `class` of the table.
    pub class: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table as an HTML `<table>` (one line per row, a newline after `</table>`).
    pub fn html(&self) -> String {
        let mut h = format!("<table class=\"{}\">\n<thead><tr>", self.class);
        for c in &self.columns {
            let _ = write!(h, "<th>{}</th>", escape_html(c.head));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            h.push_str("<tr>");
            for (c, cell) in self.columns.iter().zip(row) {
                let open = if c.date {
                    "<td class=\"date\">"
                } else {
                    "<td>"
                };
                let _ = write!(h, "{open}{}</td>", cell.html());
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n");
        h
    }

    /// The table in Markdown (pipe table, one line per row), without HTML-only columns.
    pub fn markdown(&self) -> String {
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|&i| !self.columns[i].html_only)
            .collect();
        let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
        let mut m = line(shown.iter().map(|&i| self.columns[i].head.into()).collect());
        m.push_str(&format!("|{}|\n", vec!["---"; shown.len()].join("|")));
        for row in &self.rows {
            m.push_str(&line(shown.iter().map(|&i| row[i].md()).collect()));
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(escape_md("a|b\nc *d* [e](f)"), "a\\|b c \\*d\\* \\[e\\](f)");
        assert_eq!(md_url("https://x.org/a (b)"), "https://x.org/a%20%28b%29");
    }

    #[test]
    fn html_escapes_all_five() {
        assert_eq!(
            escape_html("<a href=\"x\">Tom's & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;"
        );
        assert_eq!(escape_html_text("Tom's \"<b>\""), "Tom's \"&lt;b&gt;\"");
    }

    #[test]
    fn one_table_prints_as_html_and_markdown() {
        let t = Table {
            class: "items",
            columns: vec![
                Column::text("#"),
                Column::date("Date"),
                Column::html_only("Full"),
                Column::text("Text"),
            ],
            rows: vec![vec![
                Cell::Contradiction(Some(2)),
                Cell::Text("2016-08-29".into()),
                Cell::Text("long".into()),
                Cell::Text("a|<b>".into()),
            ]],
        };
        assert_eq!(
            t.html(),
            "<table class=\"items\">\n<thead><tr><th>#</th><th>Date</th><th>Full</th><th>Text</th></tr></thead>\n<tbody>\n\
             <tr><td><a href=\"#c2\">[2]</a></td><td class=\"date\">2016-08-29</td><td>long</td><td>a|&lt;b&gt;</td></tr>\n</tbody>\n</table>\n"
        );
        assert_eq!(
            t.markdown(),
            "| # | Date | Text |\n|---|---|---|\n| \\[2\\] | 2016-08-29 | a\\|&lt;b&gt; |\n"
        );
    }
}
