//! Table tests of the temporal tagger: input, reference date and expected TIMEX3 values.

use super::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn kind_name(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Tag `input` against `dct` ("" for none) and compare "text|TYPE|value" lines; also
/// check that every span indexes the input exactly and spans are sorted and disjoint.
fn check(input: &str, dct: &str, expected: &[&str]) {
    let dct = (!dct.is_empty()).then(|| date(dct));
    let got = tag(input, dct);
    let mut last_end = 0;
    for t in &got {
        assert_eq!(
            &input[t.span.start..t.span.end],
            t.text,
            "offsets in {input:?}"
        );
        assert!(t.span.start >= last_end, "overlap in {input:?}");
        last_end = t.span.end;
    }
    let got: Vec<String> = got
        .iter()
        .map(|t| format!("{}|{}|{}", t.text, kind_name(t.kind), t.value))
        .collect();
    assert_eq!(got, expected, "input: {input:?}");
}

/// Wednesday 31 August 2016: the reference date of most cases below.
const WED: &str = "2016-08-31";

#[test]
fn table() {
    let cases: &[(&str, &str, &[&str])] = &[
        // Weekdays: past by default, the DCT itself on the same weekday, future by tense.
        (
            "The talks resumed Monday.",
            WED,
            &["Monday|DATE|2016-08-29"],
        ),
        (
            "The ministers met on Wednesday in Geneva.",
            WED,
            &["Wednesday|DATE|2016-08-31"],
        ),
        (
            "Kerry will meet Lavrov on Friday.",
            WED,
            &["Friday|DATE|2016-09-02"],
        ),
        (
            "Talks are scheduled to resume Friday.",
            WED,
            &["Friday|DATE|2016-09-02"],
        ),
        (
            "Friday's talks are scheduled in Geneva.",
            WED,
            &["Friday|DATE|2016-09-02"],
        ),
        (
            "Officials said Friday that no deal was close.",
            WED,
            &["Friday|DATE|2016-08-26"],
        ),
        (
            "The convoy left Thursday.",
            WED,
            &["Thursday|DATE|2016-08-25"],
        ),
        (
            "Shelling resumed last Friday.",
            WED,
            &["last Friday|DATE|2016-08-26"],
        ),
        (
            "They meet again next Tuesday.",
            WED,
            &["next Tuesday|DATE|2016-09-06"],
        ),
        (
            "Strikes hit Aleppo Monday night.",
            WED,
            &["Monday night|DATE|2016-08-29TNI"],
        ),
        (
            "Rebels shelled the city on Sunday, Aug. 28.",
            WED,
            &["Sunday, Aug. 28|DATE|2016-08-28"],
        ),
        // Calendar dates.
        (
            "The truce began Aug. 29.",
            WED,
            &["Aug. 29|DATE|2016-08-29"],
        ),
        (
            "The truce began August 29.",
            WED,
            &["August 29|DATE|2016-08-29"],
        ),
        (
            "Talks resume Sept. 9 in Geneva.",
            WED,
            &["Sept. 9|DATE|2016-09-09"],
        ),
        (
            "Signed Sep 9, 2016, in Geneva.",
            WED,
            &["Sep 9, 2016|DATE|2016-09-09"],
        ),
        (
            "It was signed on 29 August 2016.",
            WED,
            &["29 August 2016|DATE|2016-08-29"],
        ),
        (
            "Filed 2016-08-29 by the agency.",
            WED,
            &["2016-08-29|DATE|2016-08-29"],
        ),
        ("Dated 8/29/2016.", WED, &["8/29/2016|DATE|2016-08-29"]),
        (
            "The siege began Dec. 20.",
            "2017-01-10",
            &["Dec. 20|DATE|2016-12-20"],
        ),
        (
            "The deal was struck in August.",
            WED,
            &["August|DATE|2016-08"],
        ),
        ("Fighting flared in March.", WED, &["March|DATE|2016-03"]),
        ("Elections are due in May.", WED, &["May|DATE|2016-05"]),
        ("Officials may meet again.", WED, &[]),
        (
            "The talks collapsed in August 2015.",
            WED,
            &["August 2015|DATE|2015-08"],
        ),
        ("The war began in 2011.", WED, &["2011|DATE|2011"]),
        (
            "Russia joined the war in the 1990s era.",
            WED,
            &["1990s|DATE|199X"],
        ),
        (
            "Prices soared in the late 1970s.",
            WED,
            &["the late 1970s|DATE|197"],
        ),
        ("Output peaked in mid-2015.", WED, &["mid-2015|DATE|2015"]),
        (
            "The wall fell in nineteen eighty-nine.",
            WED,
            &["nineteen eighty-nine|DATE|1989"],
        ),
        (
            "Borders drawn in the 20th century.",
            WED,
            &["the 20th century|DATE|19"],
        ),
        // Relative dates.
        ("Shoigu spoke last week.", WED, &["last week|DATE|2016-W34"]),
        (
            "The envoy arrives this week.",
            WED,
            &["this week|DATE|2016-W35"],
        ),
        (
            "A meeting is planned next week.",
            WED,
            &["next week|DATE|2016-W36"],
        ),
        (
            "The offer was made last month.",
            WED,
            &["last month|DATE|2016-07"],
        ),
        ("Talks failed last year.", WED, &["last year|DATE|2015"]),
        (
            "Aid arrived earlier this month.",
            WED,
            &["earlier this month|DATE|2016-08"],
        ),
        (
            "A deal is possible early next year.",
            WED,
            &["early next year|DATE|2017"],
        ),
        (
            "Lavrov spoke yesterday.",
            WED,
            &["yesterday|DATE|2016-08-30"],
        ),
        ("Kerry speaks today.", WED, &["today|DATE|2016-08-31"]),
        ("The vote is tomorrow.", WED, &["tomorrow|DATE|2016-09-01"]),
        ("He will speak tonight.", WED, &["tonight|DATE|2016-08-31"]),
        (
            "He met rebels three weeks ago.",
            WED,
            &["three weeks ago|DATE|2016-W32"],
        ),
        (
            "A similar truce failed a year ago.",
            WED,
            &["a year ago|DATE|2015"],
        ),
        (
            "The ceasefire had begun two days earlier.",
            WED,
            &["two days earlier|DATE|2016-08-29"],
        ),
        (
            "Both sides rested over the weekend.",
            WED,
            &["the weekend|DATE|2016-W34-WE"],
        ),
        (
            "Fighting eased this summer.",
            WED,
            &["this summer|DATE|2016-SU"],
        ),
        (
            "The offensive began last fall.",
            WED,
            &["last fall|DATE|2015-FA"],
        ),
        (
            "Troops are now in the city.",
            WED,
            &["now|DATE|PRESENT_REF"],
        ),
        (
            "Aid is currently blocked.",
            WED,
            &["currently|DATE|PRESENT_REF"],
        ),
        (
            "The group recently withdrew.",
            WED,
            &["recently|DATE|PAST_REF"],
        ),
        (
            "Peace may come in the future.",
            WED,
            &["the future|DATE|FUTURE_REF"],
        ),
        (
            "It is the sixth year of the war.",
            WED,
            &["the sixth year|DATE|XXXX"],
        ),
        // Quarters and fiscal years.
        (
            "Profit rose in the third quarter.",
            WED,
            &["the third quarter|DATE|2016-Q3"],
        ),
        (
            "Third-quarter profit rose.",
            WED,
            &["Third-quarter|DATE|2016-Q3"],
        ),
        (
            "Sales fell in the first half.",
            WED,
            &["the first half|DATE|2016-H1"],
        ),
        (
            "Revenue grew in fiscal 2015.",
            WED,
            &["fiscal 2015|DATE|2015"],
        ),
        (
            "Profit rose in the quarter, up from the year-ago quarter.",
            WED,
            &[
                "the quarter|DATE|2016-Q2",
                "the year-ago quarter|DATE|2015-Q2",
            ],
        ),
        // Times of day.
        (
            "The truce starts at 7 p.m. local time.",
            WED,
            &["7 p.m. local time|TIME|2016-08-31T19:00"],
        ),
        (
            "Shelling stopped at 7 p.m. in the east.",
            WED,
            &["7 p.m.|TIME|2016-08-31T19:00"],
        ),
        (
            "The blast came at 10:35 a.m. Friday.",
            WED,
            &["10:35 a.m. Friday|TIME|2016-08-26T10:35"],
        ),
        (
            "The council will vote at 9 a.m. Tuesday.",
            WED,
            &["9 a.m. Tuesday|TIME|2016-09-06T09:00"],
        ),
        (
            "The deadline passed at noon.",
            WED,
            &["noon|TIME|2016-08-31T12:00"],
        ),
        (
            "The curfew begins at midnight.",
            WED,
            &["midnight|TIME|2016-08-31T00:00"],
        ),
        // Durations.
        (
            "A seven-day truce was agreed.",
            WED,
            &["seven-day|DURATION|P7D"],
        ),
        (
            "The lull lasted 48 hours.",
            WED,
            &["48 hours|DURATION|PT48H"],
        ),
        (
            "The siege lasted three years.",
            WED,
            &["three years|DURATION|P3Y"],
        ),
        (
            "Talks dragged on for several days.",
            WED,
            &["several days|DURATION|PXD"],
        ),
        (
            "Fighting raged for the past two weeks.",
            WED,
            &["the past two weeks|DURATION|P2W"],
        ),
        (
            "The truce may last up to 180 days.",
            WED,
            &["up to 180 days|DURATION|P180D"],
        ),
        (
            "The flight took 5 1/2 hours.",
            WED,
            &["5 1/2 hours|DURATION|PT5H30M"],
        ),
        (
            "Growth slowed in the first nine months.",
            WED,
            &["the first nine months|DURATION|P9M"],
        ),
        (
            "A twenty-four hour pause.",
            WED,
            &["twenty-four hour|DURATION|PT24H"],
        ),
        // Sets.
        ("Convoys will run every week.", WED, &["every week|SET|P1W"]),
        ("Observers report daily.", WED, &["daily|SET|P1D"]),
        // Not time expressions.
        ("A 44-year-old man was hurt.", WED, &[]),
        ("He is 52 years old.", WED, &[]),
        ("The deal saves $500 million a year.", WED, &[]),
        ("They bought 1,990 shares for $2016.", WED, &[]),
        ("They march on.", WED, &[]),
        // Offsets around multibyte characters.
        (
            "Geneva — Monday, the talks resumed.",
            WED,
            &["Monday|DATE|2016-08-29"],
        ),
        (
            "Zürich, 29 août — Aug. 29 « Friday »",
            WED,
            &["Aug. 29|DATE|2016-08-29", "Friday|DATE|2016-08-26"],
        ),
        (
            "日本 talks on Monday 日本",
            WED,
            &["Monday|DATE|2016-08-29"],
        ),
        // Without a reference date only absolute dates resolve.
        ("The talks resumed Monday.", "", &["Monday|DATE|XXXX-XX-XX"]),
        (
            "Signed August 29, 2016.",
            "",
            &["August 29, 2016|DATE|2016-08-29"],
        ),
        ("Shoigu spoke last week.", "", &["last week|DATE|XXXX-WXX"]),
    ];
    assert!(cases.len() >= 60);
    let failed: Vec<String> = cases
        .iter()
        .filter_map(|(input, dct, expected)| {
            std::panic::catch_unwind(|| check(input, dct, expected))
                .err()
                .map(|_| input.to_string())
        })
        .collect();
    assert!(failed.is_empty(), "failed cases: {failed:#?}");
}

#[test]
fn resolved_dates_carry_precision() {
    let d = Some(date(WED));
    let one = |s: &str| tag(s, d).into_iter().next().expect("one timex").resolved;
    assert_eq!(one("It began Monday."), DateValue::day(date("2016-08-29")));
    let week = one("It began last week.");
    assert_eq!(
        (week.date, week.precision),
        (Some(date("2016-08-22")), Precision::Week)
    );
    let month = one("It began in August.");
    assert_eq!(
        (month.date, month.precision),
        (Some(date("2016-08-01")), Precision::Month)
    );
    let year = one("It began in 2011.");
    assert_eq!(
        (year.date, year.precision),
        (Some(date("2011-01-01")), Precision::Year)
    );
    assert_eq!(one("It lasted three years.").precision, Precision::Unknown);
    assert_eq!(one("It is now over.").date, None);
}

#[test]
fn odd_input_never_panics() {
    let fixed = [
        "",
        "....!!!???",
        "11111111111111111111111111111111111111111111",
        "9999-99-99 0000-00-00 2016-02-30",
        "Aug. 99, 31 February 2016, Monday, Feb. 30, 2016",
        "日本語 Montag — Üß 2016年 \u{200B} ",
        "a.m. p.m. 12:99 p.m. 25 a.m. 0:00",
        "- ' '80 '8 the the the",
        "999999 years ago 999999 days later 999999 decades ago",
        "4294967296 years, 18446744073709551616 days",
        "every every each per the last the past the next",
        "mid- early late end of the beginning of",
        "\u{feff}Monday\u{a0}night",
    ];
    let dcts = [
        None,
        Some(date(WED)),
        Some(NaiveDate::MIN),
        Some(NaiveDate::MAX),
    ];
    // A small deterministic generator mixing trigger words, digits, punctuation and
    // multibyte characters.
    let pieces = [
        "Monday", "Aug", ".", "29", ",", "2016", "last", "week", "the", "-", "year", "ago", "a",
        "p", "m", ":", "é", "—", "日", " ", "  ", "\n", "'", "s", "quarter", "third", "1990",
        "fiscal", "noon", "every", "5", "1/2", "hours", "May", "in",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut random = Vec::new();
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..(seed % 23) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            if seed & 1 == 0 {
                s.push(' ');
            }
        }
        random.push(s);
    }
    for text in fixed.iter().map(|s| s.to_string()).chain(random) {
        for dct in dcts {
            let out = tag(&text, dct);
            let mut last_end = 0;
            for t in out {
                assert_eq!(text.get(t.span.start..t.span.end), Some(t.text.as_str()));
                assert!(t.span.start >= last_end && t.span.start < t.span.end);
                last_end = t.span.end;
            }
        }
    }
}
