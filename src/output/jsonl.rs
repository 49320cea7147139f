//! `extract --jsonl` records written by hand: the bytes `serde_json` writes for
//! `extraction_view` (keys in sorted order), with keys as literals and strings escaped eight
//! bytes at a time. JSON output was ~10% of the instructions an article costs, half of it
//! serde_json's byte-by-byte escaping.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::model::{
    ActorMention, Article, Claim, DateValue, Diagnostic, Event, Extraction, Figure, Span, Timex,
    TimexType,
};

/// One compact JSON object for the extraction of `a` (no newline): byte for byte what
/// `serde_json::to_writer(w, &extraction_view(a, ex, diags))` writes.
pub fn write_extraction<W: Write>(
    w: &mut W,
    a: &Article,
    ex: &Extraction,
    diags: &[Diagnostic],
) -> io::Result<()> {
    let mut j = J { w };
    j.raw(b"{\"actors\":")?;
    j.seq(&ex.actors, |j, _, m| j.actor(m))?;
    j.raw(b",\"article\":")?;
    j.article(a)?;
    j.raw(b",\"claims\":")?;
    j.seq(&ex.claims, |j, i, c| j.claim(i, c, a))?;
    j.raw(b",\"diagnostics\":")?;
    j.seq(diags, |j, _, d| {
        j.raw(b"{\"message\":")?;
        j.str(&d.message)?;
        j.raw(b",\"span\":")?;
        match d.span {
            Some(s) => j.span(s)?,
            None => j.raw(b"null")?,
        }
        j.raw(b"}")
    })?;
    j.raw(b",\"events\":")?;
    j.seq(&ex.events, |j, i, e| j.event(i, e))?;
    j.raw(b",\"timexes\":")?;
    j.seq(&ex.timexes, |j, _, t| j.timex(t))?;
    j.raw(b"}")
}

/// The writer and the JSON pieces the records are made of.
struct J<'w, W: Write> {
    w: &'w mut W,
}

impl<W: Write> J<'_, W> {
    fn raw(&mut self, b: &[u8]) -> io::Result<()> {
        self.w.write_all(b)
    }

    fn str(&mut self, s: &str) -> io::Result<()> {
        write_str(self.w, s)
    }

    fn opt_str(&mut self, s: Option<&str>) -> io::Result<()> {
        match s {
            Some(s) => self.str(s),
            None => self.raw(b"null"),
        }
    }

    fn uint(&mut self, mut n: u64) -> io::Result<()> {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.raw(&buf[i..])
    }

    fn usize(&mut self, n: usize) -> io::Result<()> {
        self.uint(n as u64)
    }

    fn int(&mut self, n: i64) -> io::Result<()> {
        if n < 0 {
            self.raw(b"-")?;
        }
        self.uint(n.unsigned_abs())
    }

    fn opt_usize(&mut self, n: Option<usize>) -> io::Result<()> {
        match n {
            Some(n) => self.usize(n),
            None => self.raw(b"null"),
        }
    }

    fn bool(&mut self, b: bool) -> io::Result<()> {
        self.raw(if b { b"true" } else { b"false" })
    }

    /// As serde_json writes an `f64` (shortest round-trip digits; `null` when not finite).
    fn f64(&mut self, x: f64) -> io::Result<()> {
        serde_json::to_writer(&mut *self.w, &x).map_err(io::Error::from)
    }

    /// `"YYYY-MM-DD"` (`NaiveDate`'s display) or `null`.
    fn date(&mut self, d: Option<NaiveDate>) -> io::Result<()> {
        match d {
            Some(d) => write!(self.w, "\"{d}\""),
            None => self.raw(b"null"),
        }
    }

    fn span(&mut self, s: Span) -> io::Result<()> {
        self.raw(b"{\"end\":")?;
        self.usize(s.end)?;
        self.raw(b",\"start\":")?;
        self.usize(s.start)?;
        self.raw(b"}")
    }

    fn seq<T>(
        &mut self,
        items: &[T],
        mut each: impl FnMut(&mut Self, usize, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.raw(b"[")?;
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.raw(b",")?;
            }
            each(self, i, x)?;
        }
        self.raw(b"]")
    }

    fn strings(&mut self, items: &[String]) -> io::Result<()> {
        self.seq(items, |j, _, s| j.str(s))
    }

    fn actor(&mut self, m: &ActorMention) -> io::Result<()> {
        self.raw(b"{\"code\":")?;
        self.str(&m.code)?;
        self.raw(b",\"country\":")?;
        self.opt_str(m.country.as_deref())?;
        self.raw(b",\"kind\":")?;
        self.str(m.kind.as_str())?;
        self.raw(b",\"name\":")?;
        self.str(&m.name)?;
        self.raw(b",\"span\":")?;
        self.span(m.span)?;
        self.raw(b",\"text\":")?;
        self.str(&m.text)?;
        self.raw(b"}")
    }

    fn article(&mut self, a: &Article) -> io::Result<()> {
        self.raw(b"{\"body\":")?;
        self.str(&a.body)?;
        self.raw(b",\"byline\":")?;
        self.opt_str(a.byline.as_deref())?;
        self.raw(b",\"contributors\":")?;
        self.strings(&a.contributors)?;
        self.raw(b",\"dateline\":")?;
        self.opt_str(a.dateline.as_deref())?;
        self.raw(b",\"id\":null,\"origin\":")?;
        self.str(&a.origin)?;
        self.raw(b",\"published\":")?;
        self.date(a.published.date)?;
        self.raw(b",\"published_precision\":")?;
        self.str(a.published.precision.as_str())?;
        self.raw(b",\"source\":")?;
        self.opt_str(a.source.as_deref())?;
        self.raw(b",\"summary_only\":")?;
        self.bool(a.summary_only)?;
        self.raw(b",\"threads\":[],\"title\":")?;
        self.str(&a.title)?;
        self.raw(b",\"url\":")?;
        self.opt_str(a.url.as_deref())?;
        self.raw(b"}")
    }

    fn figures(&mut self, figures: &[Figure]) -> io::Result<()> {
        self.seq(figures, |j, _, f| {
            j.raw(b"{\"quantity\":")?;
            j.str(&f.quantity)?;
            j.raw(b",\"span\":")?;
            j.span(f.span)?;
            j.raw(b",\"value\":")?;
            j.f64(f.value)?;
            j.raw(b"}")
        })
    }

    fn dated(&mut self, d: DateValue) -> io::Result<()> {
        self.raw(b",\"date\":")?;
        self.date(d.date)?;
        self.raw(b",\"date_precision\":")?;
        self.str(d.precision.as_str())
    }

    fn claim(&mut self, i: usize, k: &Claim, a: &Article) -> io::Result<()> {
        self.raw(b"{\"actor\":")?;
        self.opt_str(k.actor.as_deref())?;
        self.raw(b",\"actor_code\":")?;
        self.opt_str(k.actor_code.as_deref())?;
        self.raw(b",\"article_id\":0,\"article_title\":")?;
        self.str(&a.title)?;
        self.raw(b",\"confidence\":")?;
        self.f64(k.confidence as f64)?;
        self.raw(b",\"country\":")?;
        self.opt_str(k.country.as_deref())?;
        self.raw(b",\"cue\":")?;
        self.str(&k.cue)?;
        self.raw(b",\"cue_end\":")?;
        self.opt_usize(k.cue_span.map(|s| s.end))?;
        self.raw(b",\"cue_start\":")?;
        self.opt_usize(k.cue_span.map(|s| s.start))?;
        self.dated(k.date)?;
        self.raw(b",\"denial\":")?;
        self.bool(k.denial)?;
        self.raw(b",\"end\":")?;
        self.usize(k.span.end)?;
        self.raw(b",\"figures\":")?;
        self.figures(&k.figures)?;
        self.raw(b",\"frame\":")?;
        self.opt_str(k.frame.as_deref())?;
        self.raw(b",\"hedge\":")?;
        self.opt_str(k.hedge.as_deref())?;
        self.raw(b",\"id\":")?;
        self.int(i as i64 + 1)?;
        self.raw(b",\"kind\":")?;
        self.str(k.kind.as_str())?;
        self.raw(b",\"polarity\":")?;
        self.int(k.polarity.as_i8().into())?;
        self.raw(b",\"sentence\":")?;
        self.str(&k.sentence)?;
        self.raw(b",\"sentence_end\":")?;
        self.usize(k.sentence_span.end)?;
        self.raw(b",\"sentence_start\":")?;
        self.usize(k.sentence_span.start)?;
        self.raw(b",\"source\":")?;
        self.opt_str(a.source.as_deref())?;
        self.raw(b",\"speaker\":")?;
        self.str(&k.speaker)?;
        self.raw(b",\"speaker_end\":")?;
        self.opt_usize(k.speaker_span.map(|s| s.end))?;
        self.raw(b",\"speaker_start\":")?;
        self.opt_usize(k.speaker_span.map(|s| s.start))?;
        self.raw(b",\"start\":")?;
        self.usize(k.span.start)?;
        self.raw(b",\"target\":")?;
        self.opt_str(k.target.as_deref())?;
        self.raw(b",\"text\":")?;
        self.str(&k.text)?;
        self.raw(b",\"thread\":null,\"threads\":[]}")
    }

    fn event(&mut self, i: usize, v: &Event) -> io::Result<()> {
        self.raw(b"{\"actors\":")?;
        self.strings(&v.actors)?;
        self.raw(b",\"article_id\":0")?;
        self.dated(v.date)?;
        self.raw(b",\"end\":")?;
        self.usize(v.span.end)?;
        self.raw(b",\"figures\":")?;
        self.figures(&v.figures)?;
        self.raw(b",\"id\":")?;
        self.int(i as i64 + 1)?;
        self.raw(b",\"sentence\":")?;
        self.str(&v.sentence)?;
        self.raw(b",\"sentence_end\":")?;
        self.usize(v.sentence_span.end)?;
        self.raw(b",\"sentence_start\":")?;
        self.usize(v.sentence_span.start)?;
        self.raw(b",\"start\":")?;
        self.usize(v.span.start)?;
        self.raw(b",\"text\":")?;
        self.str(&v.text)?;
        self.raw(b",\"thread\":null,\"threads\":[],\"trigger\":")?;
        self.str(&v.trigger)?;
        self.raw(b",\"type\":")?;
        self.opt_str(v.event_type.as_deref())?;
        self.raw(b"}")
    }

    fn timex(&mut self, t: &Timex) -> io::Result<()> {
        self.raw(b"{\"date\":")?;
        self.date(t.resolved.date)?;
        self.raw(b",\"end\":")?;
        self.usize(t.span.end)?;
        self.raw(b",\"precision\":")?;
        self.str(t.resolved.precision.as_str())?;
        self.raw(b",\"start\":")?;
        self.usize(t.span.start)?;
        self.raw(b",\"text\":")?;
        self.str(&t.text)?;
        self.raw(b",\"type\":")?;
        self.raw(match t.kind {
            TimexType::Date => b"\"DATE\"",
            TimexType::Time => b"\"TIME\"",
            TimexType::Duration => b"\"DURATION\"",
            TimexType::Set => b"\"SET\"",
        })?;
        self.raw(b",\"value\":")?;
        self.str(&t.value)?;
        self.raw(b"}")
    }
}

/// What serde_json writes after a backslash for each byte (0: the byte as it is; `u`: a
/// `\u00XX` escape with lowercase hex).
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes may need an escape (a control byte, `"` or `\`). Never
/// false when one does; may be true when none does (a borrow across bytes), which only
/// costs a look at the bytes one by one.
fn may_escape(x: u64) -> bool {
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let control = x.wrapping_sub(LO * 0x20) & !x & HI;
    (control | zero(x ^ (LO * b'"' as u64)) | zero(x ^ (LO * b'\\' as u64))) != 0
}

/// A JSON string as serde_json escapes it: `"`, `\` and control bytes (DEL and non-ASCII
/// are written as they are).
fn write_str<W: Write>(w: &mut W, s: &str) -> io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    w.write_all(b"\"")?;
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if let Some(word) = b.get(i..i + 8) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            if !may_escape(u64::from_le_bytes(eight)) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        let esc = ESCAPE[c as usize];
        i += 1;
        if esc == 0 {
            continue;
        }
        w.write_all(&b[start..i - 1])?;
        start = i;
        if esc == b'u' {
            let hex = [
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(c >> 4) as usize],
                HEX[(c & 0xf) as usize],
            ];
            w.write_all(&hex)?;
        } else {
            w.write_all(&[b'\\', esc])?;
        }
    }
    w.write_all(&b[start..])?;
    w.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut cases: Vec<String> = vec![
            String::new(),
            "plain ascii text longer than eight bytes".into(),
            "quote \" and backslash \\ and slash /".into(),
            "\"\"\"\"\"\"\"\"\\\\\\\\\\\\\\\\".into(),
            "tab\tnewline\nreturn\rformfeed\u{c}backspace\u{8}bell\u{7}nul\0".into(),
            "DEL \u{7f} stays, so do é, — and \u{2028} and 😀".into(),
            "\u{1f}\u{1}x\u{10}".into(),
        ];
        // Every byte value below 0x80 at every place of an eight-byte word.
        for c in 0u8..0x80 {
            for at in 0..10 {
                let mut s = "abcdefghij".to_string().into_bytes();
                s[at] = c;
                cases.push(String::from_utf8(s).unwrap());
            }
        }
        for s in &cases {
            let mut got = Vec::new();
            write_str(&mut got, s).unwrap();
            let want = serde_json::to_string(s).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), want, "{s:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for n in [0i64, 1, 9, 10, 99, 100, 12345, -1, -10, i64::MAX, i64::MIN] {
            let mut got = Vec::new();
            J { w: &mut got }.int(n).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), n.to_string());
        }
        let mut got = Vec::new();
        J { w: &mut got }.usize(usize::MAX).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), usize::MAX.to_string());
    }
}
