//! The report's "New since …" section: what a thread gained since a time (by ingestion time),
//! new contradictions first, then new claims grouped by side. Kept apart from the page layout
//! in `bundle` so the layout can change without touching it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::claim_side;
use super::markup::{escape_html, escape_md};
use crate::model::{StoredClaim, StoredContradiction};

/// What is new in a thread since `label` (e.g. "2016-09-01" or "2024-05-02T08:00:00Z (24h)").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewSince {
    pub label: String,
    /// Contradictions with at least one claim ingested since, strongest first.
    pub contradictions: Vec<StoredContradiction>,
    /// Claims from articles ingested since.
    pub claims: Vec<StoredClaim>,
}

impl NewSince {
    /// Claims by side label (sides in name order, claims in date order within a side).
    fn by_side(&self) -> BTreeMap<String, Vec<&StoredClaim>> {
        let mut sides: BTreeMap<String, Vec<&StoredClaim>> = BTreeMap::new();
        for c in &self.claims {
            sides.entry(claim_side(c).label).or_default().push(c);
        }
        for claims in sides.values_mut() {
            claims.sort_by_key(|c| (c.claim.date.date.is_none(), c.claim.date.date, c.id));
        }
        sides
    }

    fn claim_line(c: &StoredClaim) -> (String, String, String, String) {
        let who = match c.claim.actor_code.as_deref() {
            Some(code) if !code.is_empty() => format!("{} ({code})", c.claim.speaker.trim()),
            _ => c.claim.speaker.trim().to_string(),
        };
        (
            c.claim.date.iso_text(),
            who,
            c.claim.text.clone(),
            format!(
                "article #{}, bytes {}–{}",
                c.article_id, c.claim.span.start, c.claim.span.end
            ),
        )
    }

    pub fn html(&self) -> String {
        let mut h = String::new();
        let _ = writeln!(
            h,
            "<section class=\"new-since\">\n<h2>New since {}</h2>",
            escape_html(&self.label)
        );
        let _ = writeln!(
            h,
            "<h3>New contradictions ({})</h3>",
            self.contradictions.len()
        );
        if self.contradictions.is_empty() {
            h.push_str("<p class=\"none\">No new contradictions.</p>\n");
        } else {
            h.push_str("<ul>\n");
            for x in &self.contradictions {
                let (_, a_who, a_text, _) = Self::claim_line(&x.a);
                let (_, b_who, b_text, _) = Self::claim_line(&x.b);
                let _ = writeln!(
                    h,
                    "<li><strong>{}</strong> ({}): {} — “{}” <em>vs</em> {} — “{}”</li>",
                    escape_html(&x.contradiction.explanation),
                    escape_html(x.contradiction.kind.as_str()),
                    escape_html(&a_who),
                    escape_html(&a_text),
                    escape_html(&b_who),
                    escape_html(&b_text),
                );
            }
            h.push_str("</ul>\n");
        }
        let _ = writeln!(h, "<h3>New claims ({})</h3>", self.claims.len());
        if self.claims.is_empty() {
            h.push_str("<p class=\"none\">No new claims.</p>\n");
        }
        for (side, claims) in self.by_side() {
            let _ = writeln!(h, "<h4>{}</h4>\n<ul>", escape_html(&side));
            for c in claims {
                let (date, who, text, trace) = Self::claim_line(c);
                let _ = writeln!(
                    h,
                    "<li>{} · {}: “{}” <span class=\"trace\">{}</span></li>",
                    escape_html(&date),
                    escape_html(&who),
                    escape_html(&text),
                    escape_html(&trace),
                );
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</section>\n");
        h
    }

    pub fn markdown(&self) -> String {
        let mut m = String::new();
        let _ = writeln!(m, "## New since {}\n", escape_md(&self.label));
        let _ = writeln!(
            m,
            "### New contradictions ({})\n",
            self.contradictions.len()
        );
        if self.contradictions.is_empty() {
            m.push_str("No new contradictions.\n");
        }
        for x in &self.contradictions {
            let (_, a_who, a_text, _) = Self::claim_line(&x.a);
            let (_, b_who, b_text, _) = Self::claim_line(&x.b);
            let _ = writeln!(
                m,
                "- **{}** ({}): {} — “{}” *vs* {} — “{}”",
                escape_md(&x.contradiction.explanation),
                x.contradiction.kind.as_str(),
                escape_md(&a_who),
                escape_md(&a_text),
                escape_md(&b_who),
                escape_md(&b_text),
            );
        }
        let _ = writeln!(m, "\n### New claims ({})\n", self.claims.len());
        if self.claims.is_empty() {
            m.push_str("No new claims.\n");
        }
        for (side, claims) in self.by_side() {
            let _ = writeln!(m, "#### {}\n", escape_md(&side));
            for c in claims {
                let (date, who, text, trace) = Self::claim_line(c);
                let _ = writeln!(
                    m,
                    "- {} · {}: “{}” ({})",
                    escape_md(&date),
                    escape_md(&who),
                    escape_md(&text),
                    escape_md(&trace),
                );
            }
            m.push('\n');
        }
        m.push('\n');
        m
    }
}
