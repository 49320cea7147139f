//! Synthetic wire corpus for benchmarks: N deterministic page-style articles with realistic length and attribution density.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate};

use crate::extract::timex::calendar::{AP_MONTHS, WEEKDAYS};

/// A small deterministic generator (xorshift64*), so corpora are reproducible without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const SPEAKERS: &[(&str, &str)] = &[
    ("Russian Foreign Minister Sergei Lavrov", "Lavrov"),
    ("Secretary of State John Kerry", "Kerry"),
    ("Defense Minister Sergei Shoigu", "Shoigu"),
    ("State Department spokesman John Kirby", "Kirby"),
    ("Kremlin spokesman Dmitry Peskov", "Peskov"),
    ("U.N. envoy Staffan de Mistura", "de Mistura"),
    ("Syrian Foreign Minister Walid Moallem", "Moallem"),
    ("Foreign Ministry spokeswoman Maria Zakharova", "Zakharova"),
];
const ANON: &[&str] = &[
    "a U.S. official",
    "a senior State Department official",
    "Russian military sources",
    "diplomatic sources",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "said on",
    "warned",
    "insisted",
    "added",
];
const CONTENT: &[&str] = &[
    "step by step, we are nearing an arrangement on {place}",
    "no agreement is close",
    "the truce is largely holding across the country",
    "rebels violated the ceasefire {n} times in the past day",
    "the talks have been suspended",
    "at least {n} people were killed in the strike",
    "Russian jets struck the aid convoy",
    "its aircraft had nothing to do with the attack on the convoy",
    "the deal could collapse if the violence continues",
    "humanitarian access to eastern {place} remains blocked",
    "we have nothing to announce at this time",
    "the United States sabotaged the agreement",
];
const BACKGROUND: &[&str] = &[
    "Syria's conflict, now in its sixth year, began in 2011 with largely peaceful protests.",
    "An estimated 250,000 people are trapped in the rebel-held eastern districts of the city.",
    "Russia has been conducting an air campaign in support of the Syrian government since September 2015.",
    "The plan under discussion would begin with a 48-hour cessation of hostilities that could be extended.",
    "Aid agencies have warned for weeks that food and medicine are running out in the besieged areas.",
    "The two ministers have met five times since July without a final agreement.",
];
const CITIES: &[&str] = &[
    "MOSCOW",
    "GENEVA",
    "WASHINGTON",
    "BEIRUT",
    "DAMASCUS",
    "UNITED NATIONS",
];
/// The story of a one-thread corpus.
const ALEPPO: Story = Story {
    place: "Aleppo",
    subject: "",
};

/// Places and subjects of the stories of a many-thread corpus (`--threads`): story `k` is
/// about `PLACES[k % 24]` and `SUBJECTS[(k / 24 + 5 * k) % 24]`, so stories differ in both.
const PLACES: &[&str] = &[
    "Aleppo",
    "Mosul",
    "Donetsk",
    "Tripoli",
    "Sanaa",
    "Kabul",
    "Juba",
    "Bangui",
    "Goma",
    "Mogadishu",
    "Idlib",
    "Raqqa",
    "Benghazi",
    "Aden",
    "Kandahar",
    "Timbuktu",
    "Maiduguri",
    "Mariupol",
    "Homs",
    "Hodeidah",
    "Sirte",
    "Kirkuk",
    "Daraa",
    "Gao",
];
const SUBJECTS: &[&str] = &[
    "the dam",
    "the port",
    "the pipeline",
    "the airport",
    "the border crossing",
    "the prisoner exchange",
    "the grain corridor",
    "the power plant",
    "the refinery",
    "the evacuation",
    "the election",
    "the bridge",
    "the hospital",
    "the water supply",
    "the mine clearance",
    "the checkpoint",
    "the refugee camp",
    "the railway",
    "the oil field",
    "the ferry",
    "the harbour",
    "the stadium",
    "the customs post",
    "the vaccination drive",
];

/// What one synthetic story is about.
#[derive(Debug, Clone, Copy)]
pub struct Story {
    pub place: &'static str,
    /// Empty for the one-thread corpus (its pages stay as they were).
    pub subject: &'static str,
}

/// Story `k` of a corpus of `n` stories (n = 1: the Aleppo talks).
pub fn story(k: usize, n: usize) -> Story {
    if n <= 1 {
        return ALEPPO;
    }
    Story {
        place: PLACES[k % PLACES.len()],
        subject: SUBJECTS[(k / PLACES.len() + 5 * k) % SUBJECTS.len()],
    }
}

fn fill(template: &str, story: &Story, rng: &mut Rng) -> String {
    template
        .replace("{place}", story.place)
        .replace("{n}", &(5 + rng.below(60)).to_string())
}

/// One synthetic article page (headline, furniture, dateline, paragraphs, byline), dated `date`.
pub fn article(i: usize, date: NaiveDate, rng: &mut Rng) -> String {
    article_on(i, date, &ALEPPO, rng)
}

/// [`article`] about one story.
pub fn article_on(i: usize, date: NaiveDate, story: &Story, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(3500);
    if story.subject.is_empty() {
        let _ = writeln!(
            s,
            "Talks on {} continue as sides trade claims, report {i}",
            story.place
        );
    } else {
        let _ = writeln!(
            s,
            "{} talks on {} in {} stall as sides trade claims, report {i}",
            capitalize(story.subject),
            story.subject.trim_start_matches("the "),
            story.place
        );
    }
    s.push_str("Save Story\nEstimated read time: 3 minutes\n");
    let _ = writeln!(
        s,
        "Posted {} {}, {}\n",
        AP_MONTHS[date.month0() as usize],
        date.day(),
        date.year()
    );
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    let _ = write!(s, "{} (AP) — ", rng.pick(CITIES));
    let paragraphs = 7 + rng.below(5);
    for p in 0..paragraphs {
        let (full, short) = SPEAKERS[rng.below(SPEAKERS.len())];
        let content = fill(rng.pick(CONTENT), story, rng);
        let cue = rng.pick(CUES);
        match (p + rng.below(4)) % 5 {
            0 => {
                let _ = write!(s, "{full} {cue} {weekday} that {content}.");
            }
            1 => {
                let _ = write!(
                    s,
                    "\"{},\" {short} said. \"We will see what the coming days bring.\"",
                    capitalize(&content)
                );
            }
            2 => {
                let _ = write!(
                    s,
                    "{}, speaking on condition of anonymity, said, however, that \"{content}.\"",
                    capitalize(rng.pick(ANON))
                );
            }
            3 => {
                let _ = write!(
                    s,
                    "According to {short}, {content}. He added that \"{}\".",
                    fill(rng.pick(CONTENT), story, rng)
                );
            }
            _ if story.subject.is_empty() => {
                let _ = write!(s, "{} {}", rng.pick(BACKGROUND), rng.pick(BACKGROUND));
            }
            _ => {
                let (a, b) = (rng.pick(BACKGROUND), rng.pick(BACKGROUND));
                let _ = write!(
                    s,
                    "The dispute over {} near {} has dragged on for months. {a} {b}",
                    story.subject, story.place
                );
            }
        }
        s.push_str("\n\n");
    }
    s.push_str("Matthew Lee in Washington contributed to this report.\n\nBy VLADIMIR ISACHENKOV, Associated Press\n\n");
    s.push_str("Copyright © The Associated Press. All rights reserved.\n");
    s
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Write `n` articles into `dir` (split into subdirectories of 1,000), dated over a year from Aug 1, 2016.
pub fn write_corpus(dir: &Path, n: usize, seed: u64) -> io::Result<()> {
    write_stories(dir, n, seed, 1)
}

/// [`write_corpus`] with each article about one of `stories` stories (a distinct place and
/// subject each, see [`story`]), drawn from the seed: a realistic mix of threads instead of
/// one 274-a-day thread. With more than one story each story has its own folder
/// (`story-07/000/...`): the pages share their wording, so automatic threading would join
/// them all, and the folders are ingested with `--thread <folder name>`. One story writes
/// exactly what [`write_corpus`] always wrote.
pub fn write_stories(dir: &Path, n: usize, seed: u64, stories: usize) -> io::Result<()> {
    let mut rng = Rng::new(seed);
    // A second generator picks the stories, so the pages' own draws stay as they were.
    let mut pick = Rng::new(seed ^ 0x5EED_5705);
    let start = NaiveDate::from_ymd_opt(2016, 8, 1).unwrap_or_default();
    for i in 0..n {
        let date = start + Duration::days((i * 365 / n.max(1)) as i64);
        let k = pick.below(stories);
        let sub = if stories > 1 {
            dir.join(format!("story-{k:02}"))
                .join(format!("{:03}", i / 1000))
        } else {
            dir.join(format!("{:03}", i / 1000))
        };
        if stories > 1 || i % 1000 == 0 {
            std::fs::create_dir_all(&sub)?;
        }
        std::fs::write(
            sub.join(format!("{date}-synth-{i:06}.txt")),
            article_on(i, date, &story(k, stories), &mut rng),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_get_their_own_folders_and_one_story_is_the_old_corpus() {
        let dir = std::env::temp_dir().join(format!("storyline-synth-{}", std::process::id()));
        let (one, many) = (dir.join("one"), dir.join("many"));
        write_corpus(&one, 30, 3).unwrap();
        write_stories(&many, 30, 3, 4).unwrap();
        let names = |d: &Path| -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        assert_eq!(names(&one), ["000"]);
        let stories = names(&many);
        assert!(stories.len() > 1 && stories.len() <= 4, "{stories:?}");
        assert!(stories.iter().all(|s| s.starts_with("story-0")));
        // One story: the pages of the one-thread corpus, byte for byte.
        let mut rng = Rng::new(3);
        let start = NaiveDate::from_ymd_opt(2016, 8, 1).unwrap();
        let first = std::fs::read_to_string(one.join("000/2016-08-01-synth-000000.txt")).unwrap();
        assert_eq!(first, article(0, start, &mut rng));
        assert!(first.starts_with("Talks on Aleppo continue"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn articles_are_deterministic_and_wire_sized() {
        let d = NaiveDate::from_ymd_opt(2016, 8, 29).unwrap();
        let a = article(1, d, &mut Rng::new(7));
        let b = article(1, d, &mut Rng::new(7));
        assert_eq!(a, b);
        assert!(a.len() > 1200 && a.len() < 6000, "{}", a.len());
        assert!(a.contains("Posted Aug. 29, 2016"));
    }
}
