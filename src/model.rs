//! Plain data that crosses stage boundaries: articles, spans, time expressions, actors, claims, events, contradictions.
//!
//! Every type here is a pub-field struct or a plain enum with no database, plotting or
//! command-line types inside. Byte offsets always point into `Article::body`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article body (or, for `tag`, the raw input).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers, or "" when it does not fall on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// How precise a date is. "Monday" is a day, "last week" a week, "in August" a month, "in 2011" a year.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
    #[default]
    Unknown,
}

impl Precision {
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Precision {
        match s {
            "day" => Precision::Day,
            "week" => Precision::Week,
            "month" => Precision::Month,
            "year" => Precision::Year,
            _ => Precision::Unknown,
        }
    }
}

/// A date with its precision. For week, month and year precision `date` is the first day of
/// the period; it is `None` exactly when the precision is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct DateValue {
    pub date: Option<NaiveDate>,
    pub precision: Precision,
}

impl DateValue {
    pub fn day(d: NaiveDate) -> DateValue {
        DateValue {
            date: Some(d),
            precision: Precision::Day,
        }
    }
    pub fn unknown() -> DateValue {
        DateValue {
            date: None,
            precision: Precision::Unknown,
        }
    }
    /// The date as precise as it is known, in ISO form: "2016-08-29", "week of 2016-08-29",
    /// "2016-08", "2016", or "undated".
    pub fn iso_text(&self) -> String {
        match (self.date, self.precision) {
            (None, _) | (_, Precision::Unknown) => "undated".into(),
            (Some(d), Precision::Day) => d.format("%Y-%m-%d").to_string(),
            (Some(d), Precision::Week) => format!("week of {}", d.format("%Y-%m-%d")),
            (Some(d), Precision::Month) => d.format("%Y-%m").to_string(),
            (Some(d), Precision::Year) => d.format("%Y").to_string(),
        }
    }
}

/// An article as read and cleaned, before extraction.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    pub url: Option<String>,
    /// Agency or publisher: "AP", "Reuters", "AFP" ...
    pub source: Option<String>,
    pub published: DateValue,
    /// Dateline city: "MOSCOW", "GENEVA".
    pub dateline: Option<String>,
    pub byline: Option<String>,
    /// "Matthew Lee in Washington contributed to this report." -> "Matthew Lee in Washington".
    pub contributors: Vec<String>,
    /// Story paragraphs only, separated by blank lines. All spans point here.
    pub body: String,
    /// Where it came from: a path, "-" for stdin, "file.jsonl:12" for a JSON Lines record.
    pub origin: String,
    /// True when the body is a feed summary rather than the full story.
    pub summary_only: bool,
}

/// TimeML type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression found in text, normalized against a reference date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub text: String,
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: 2016-08-29, 2016-W35, 2016-08, 2016, PAST_REF, P3D, T14:00 ...
    pub value: String,
    /// The calendar date the expression points at (start of the period), if it points at one.
    pub resolved: DateValue,
}

/// What sort of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Country,
    Person,
    Organisation,
    /// "a U.S. official", "diplomatic sources".
    Anonymous,
}

impl ActorKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Anonymous => "anonymous",
        }
    }
    pub fn parse(s: &str) -> Option<ActorKind> {
        match s {
            "country" => Some(ActorKind::Country),
            "person" => Some(ActorKind::Person),
            "organisation" | "organization" | "org" => Some(ActorKind::Organisation),
            "anonymous" => Some(ActorKind::Anonymous),
            _ => None,
        }
    }
}

/// One entry of the actor gazetteer: a canonical name, its CAMEO-style code and aliases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GazetteerEntry {
    pub name: String,
    /// RUSGOV, USAGOV, SYRGOV, SYRREB, IGOUNO ...
    pub code: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    /// First day the code applies (a person's role), or None for always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day the code applies, or None for open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

impl GazetteerEntry {
    /// True when the entry's dates hold on `date` (an unknown date matches every entry).
    pub fn holds_on(&self, date: Option<NaiveDate>) -> bool {
        let Some(d) = date else { return true };
        self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d <= u)
    }
}

/// An actor mentioned in an article, resolved to the gazetteer where possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    pub text: String,
    pub span: Span,
    /// Canonical name: "Sergei Shoigu", "Russia", "a U.S. official".
    pub name: String,
    pub code: String,
    /// ISO 3166 alpha-3 of the side, or None for international bodies.
    pub country: Option<String>,
    pub kind: ActorKind,
}

/// Direct ("..." he said), indirect (he said that ...) or mixed (he said that "...").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Direct,
    Indirect,
    Mixed,
}

impl ClaimKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
        }
    }
    pub fn parse(s: &str) -> Option<ClaimKind> {
        match s {
            "direct" => Some(ClaimKind::Direct),
            "indirect" => Some(ClaimKind::Indirect),
            "mixed" => Some(ClaimKind::Mixed),
            _ => None,
        }
    }
}

/// A figure stated in a claim or event: "at least 20 people were killed" -> (killed, 20).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// killed, wounded, violations, aid_trucks ...
    pub quantity: String,
    pub value: f64,
    pub span: Span,
}

/// A claim's stance towards a proposition. JSON and the store write it as the integer
/// 1 (asserts), -1 (denies) or 0 (neutral or unclear).
///
/// The variant order (asserts, denies, neutral) is the order charts group claims in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Stance {
    Asserts,
    Denies,
    #[default]
    Neutral,
}

impl Stance {
    /// 1, -1 or 0.
    pub fn as_i8(self) -> i8 {
        match self {
            Stance::Asserts => 1,
            Stance::Denies => -1,
            Stance::Neutral => 0,
        }
    }
    /// The stance written as 1, -1 or 0; any other integer is not a stance.
    pub fn from_i8(v: i8) -> Option<Stance> {
        match v {
            1 => Some(Stance::Asserts),
            -1 => Some(Stance::Denies),
            0 => Some(Stance::Neutral),
            _ => None,
        }
    }
    /// The stance of a number's sign, for lenient readers that take any integer.
    pub fn of_sign(v: i64) -> Stance {
        match v.signum() {
            1 => Stance::Asserts,
            -1 => Stance::Denies,
            _ => Stance::Neutral,
        }
    }
    pub fn is_neutral(self) -> bool {
        self == Stance::Neutral
    }
    /// True when one asserts what the other denies.
    pub fn opposes(self, other: Stance) -> bool {
        !self.is_neutral() && other == -self
    }
    pub fn label(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Neutral => "neutral",
        }
    }
}

/// The opposite stance: asserting becomes denying and back; neutral stays neutral.
impl std::ops::Neg for Stance {
    type Output = Stance;
    fn neg(self) -> Stance {
        match self {
            Stance::Asserts => Stance::Denies,
            Stance::Denies => Stance::Asserts,
            Stance::Neutral => Stance::Neutral,
        }
    }
}

impl Serialize for Stance {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i8(self.as_i8())
    }
}

impl<'de> Deserialize<'de> for Stance {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Stance, D::Error> {
        let v = i8::deserialize(d)?;
        Stance::from_i8(v).ok_or_else(|| {
            serde::de::Error::custom(format!("polarity must be 1, -1 or 0, not {v}"))
        })
    }
}

/// Who said what, when, and with which stance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The speaker as the text names them, after coreference ("He" becomes "Sergei Shoigu").
    pub speaker: String,
    /// Where the speaker is named in this sentence (the pronoun for "he added").
    pub speaker_span: Option<Span>,
    /// Canonical actor name, when resolved.
    pub actor: Option<String>,
    pub actor_code: Option<String>,
    pub country: Option<String>,
    /// Cue verb or phrase: said, told reporters, according to, denied ...
    pub cue: String,
    pub cue_span: Option<Span>,
    pub kind: ClaimKind,
    /// The content (what was said), without the attribution.
    pub text: String,
    /// Byte span of `text` in the body.
    pub span: Span,
    pub sentence: String,
    pub sentence_span: Span,
    /// When it was said.
    pub date: DateValue,
    /// The proposition it is about: agreement, ceasefire, responsibility, casualties, talks ...
    pub frame: Option<String>,
    /// Whether it asserts the frame's proposition, denies it, or is neutral or unclear
    /// (1, -1 or 0 in JSON and in the store).
    pub polarity: Stance,
    /// Hedge or modality word that weakens the claim: "may", "nothing to announce" ...
    pub hedge: Option<String>,
    /// The actor code a responsibility claim blames, when named.
    pub target: Option<String>,
    pub figures: Vec<Figure>,
    /// True when the cue itself rejects something: denied, dismissed, rejected.
    pub denial: bool,
    pub confidence: f32,
}

/// A dated happening that is not speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub text: String,
    pub span: Span,
    pub sentence: String,
    pub sentence_span: Span,
    pub date: DateValue,
    /// Actor codes involved.
    pub actors: Vec<String>,
    /// CAMEO root code where one fits ("19" fight, "03" express intent to cooperate ...).
    pub event_type: Option<String>,
    /// The trigger word: struck, signed, suspended ...
    pub trigger: String,
    pub figures: Vec<Figure>,
}

/// Something extraction noticed but could not do; never an error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// What kind of note this is, for code that treats some kinds differently. Not in the
    /// JSON output, which has only the message and span.
    #[serde(skip)]
    pub code: DiagCode,
    pub message: String,
    pub span: Option<Span>,
}

/// The kinds of [`Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagCode {
    /// The article has no publication date, so relative dates ("Monday") stay unresolved.
    PublicationDateUnknown,
    /// The text has quotation marks but no claim could be attributed.
    QuotesWithoutClaim,
}

/// Everything extraction finds in one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    pub timexes: Vec<Timex>,
    pub actors: Vec<ActorMention>,
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
}

/// Kind of contradiction between two claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum ContradictionKind {
    Opposing,
    Denial,
    Numeric,
    Reversal,
}

impl ContradictionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ContradictionKind::Opposing => "opposing",
            ContradictionKind::Denial => "denial",
            ContradictionKind::Numeric => "numeric",
            ContradictionKind::Reversal => "reversal",
        }
    }
    pub fn parse(s: &str) -> Option<ContradictionKind> {
        match s {
            "opposing" => Some(ContradictionKind::Opposing),
            "denial" => Some(ContradictionKind::Denial),
            "numeric" => Some(ContradictionKind::Numeric),
            "reversal" => Some(ContradictionKind::Reversal),
            _ => None,
        }
    }
}

/// A stored claim as listings show it: the claim plus where it lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredClaim {
    pub id: i64,
    pub article_id: i64,
    /// Thread slugs of the article.
    pub threads: Vec<String>,
    pub article_title: String,
    pub article_source: Option<String>,
    /// The article's publication day, when known to the day: the day an undated claim (a
    /// background position, "Russia has denied any role") is compared on, as the position
    /// stands on the day it is reported. Not part of listings.
    #[serde(skip)]
    pub article_published: Option<chrono::NaiveDate>,
    pub claim: Claim,
}

impl StoredClaim {
    /// The day detection places the claim on: its own date, or for an undated claim (a
    /// background position) its article's publication day.
    pub fn detection_day(&self) -> Option<NaiveDate> {
        self.claim.date.date.or(self.article_published)
    }
}

/// A stored event as listings show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    pub id: i64,
    pub article_id: i64,
    pub threads: Vec<String>,
    pub event: Event,
}

/// A stored article as listings show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub id: i64,
    pub threads: Vec<String>,
    pub article: Article,
    /// The original this article is a syndicated copy of (see `copies`), or None.
    #[serde(default)]
    pub copy_of: Option<i64>,
}

/// A contradiction found between two stored claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    pub thread: String,
    pub kind: ContradictionKind,
    /// 0..1, higher is stronger.
    pub score: f32,
    /// One line naming both speakers, their dates and the proposition.
    pub explanation: String,
    /// What the two claims disagree on, in plain words: "Russia is responsible".
    #[serde(default)]
    pub proposition: String,
    pub a: i64,
    pub b: i64,
}

/// A stored contradiction with both claims filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredContradiction {
    pub id: i64,
    pub contradiction: Contradiction,
    pub a: StoredClaim,
    pub b: StoredClaim,
}

/// A story thread: a slug, a title and the rules that pull articles into it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Thread {
    pub slug: String,
    pub title: String,
    pub keywords: Vec<String>,
    pub actors: Vec<String>,
    /// True when the thread was made by an analyst (rules), false when made by automatic assignment.
    pub manual: bool,
}

/// A thread with counts, for `storyline threads`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadSummary {
    pub id: i64,
    pub thread: Thread,
    pub articles: i64,
    pub claims: i64,
    pub events: i64,
    pub contradictions: i64,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// A followed URL (feed or page) whose new entries go into `thread`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: i64,
    pub url: String,
    pub thread: String,
    /// Fetch each new feed entry's own page instead of storing the feed's summary.
    pub follow_links: bool,
    pub added_at: DateTime<Utc>,
    /// Validators of the last full response, sent back on the next poll.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Consecutive failed polls.
    pub failures: i64,
    /// Not polled before this time (back-off after errors, `Retry-After`).
    pub next_fetch_at: Option<DateTime<Utc>>,
    /// The latest fetch, if any, and how many fetches were made in all.
    pub last_fetch: Option<FetchRecord>,
    pub fetches: i64,
}

/// One HTTP fetch of a source, as logged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FetchRecord {
    pub fetched_at: DateTime<Utc>,
    /// HTTP status; `None` when no response came (timeout, refused connection, ...).
    pub status: Option<u16>,
    pub error: Option<String>,
    pub new_items: usize,
}

/// Everything the report shows for one thread, as read from the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportData {
    pub thread: Thread,
    pub articles: Vec<StoredArticle>,
    pub claims: Vec<StoredClaim>,
    pub events: Vec<StoredEvent>,
    pub contradictions: Vec<StoredContradiction>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON contract and the store keep polarity as the integers 1, -1 and 0.
    #[test]
    fn stance_is_written_as_an_integer() {
        for (s, n) in [
            (Stance::Asserts, "1"),
            (Stance::Denies, "-1"),
            (Stance::Neutral, "0"),
        ] {
            assert_eq!(serde_json::to_string(&s).unwrap(), n);
            assert_eq!(serde_json::from_str::<Stance>(n).unwrap(), s);
            assert_eq!(Stance::from_i8(s.as_i8()), Some(s));
            assert_eq!(-(-s), s);
        }
        assert!(serde_json::from_str::<Stance>("2").is_err());
        assert_eq!(Stance::from_i8(2), None);
        assert_eq!(Stance::of_sign(5), Stance::Asserts);
        assert!(Stance::Asserts.opposes(Stance::Denies));
        assert!(!Stance::Neutral.opposes(Stance::Neutral));
        assert_eq!(ClaimKind::parse("quoted"), None);
    }
}
