//! Periods: recognises period phrases ("Q4 2023", "the fourth quarter of 2023",
//! "full year 2024", "fiscal 2023", "first half of 2024", "trailing twelve months ended
//! Dec 2023", "2023") and writes them in canonical form (`Q4 2023`, `FY 2023`, `2023`,
//! `H1 2024`, `TTM Q4 2023`). A phrase without a year ("in Q3", "the second half")
//! takes its year from the period of the surrounding heading or note, never from thin air.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pattern! {
    static PERIOD = {
        let months = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
        // The second year of a year split across two ("2024/25", `split_after`).
        let split = r"(?:/(?:19|20)?\d{2})?";
        let pattern = format!(
            r"(?xi)
            (?-u:\b)(?:
              (?P<ttm>(?:trailing|last|the)[\s-]+(?:twelve|12)[\s-]+months?|(?:trailing|last|past)[\s-]+(?:four|4)[\s-]+quarters|ttm|ltm)
                (?:[\s-]+(?:ended|ending|to|through)\s+(?P<ttm_m>{months})[a-z]*\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+(?P<ttm_y>(?:19|20)\d{{2}}))?
                (?:\s+q(?P<ttm_q>[1-4])\s*(?P<ttm_qy>(?:19|20)\d{{2}}))?
            | q(?P<qa>[1-4])(?:\s*(?:of\s+)?(?:fy\s*'?|fiscal\s+(?:year\s+)?|')?(?P<qa_y>(?:19|20)\d{{2}}){split}|\s*(?:fy\s*|')(?P<qa_y2>\d{{2}}))?
            | (?P<qb>[1-4])q\s*'?(?P<qb_y>(?:19|20)\d{{2}}|\d{{2}})
            | (?P<qc>first|second|third|fourth|1st|2nd|3rd|4th|opening|final|closing)[\s-]+(?:fiscal\s+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<qc_y>(?:19|20)\d{{2}}){split}|\s+(?:of\s+)?fy\s*'?(?P<qc_y2>\d{{2}})|\s+of\s+(?:fiscal\s+(?:year\s+)?)?(?P<qc_sy>twenty[\s-]+twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?))?
            | (?P<mr>{months})[a-z]*\.?\s*(?:-|–|through|to)\s*(?P<mr_e>{months})[a-z]*\.?(?:\s+(?P<mr_y>(?:19|20)\d{{2}}))?
            | (?P<mq>january|february|march|april|may|june|july|august|september|october|november|december)\s+quarter(?:\s+(?:of\s+)?(?P<mq_y>(?:19|20)\d{{2}}))?
            | (?P<qd_y>(?:19|20)\d{{2}})\s+(?:(?P<qd>first|second|third|fourth)[\s-]+quarter|q(?P<qd2>[1-4]))
            | h(?P<ha>[12])\s*(?:(?:fy\s*'?|')(?P<ha_y2>\d{{2}})|(?:fy\s*)?(?P<ha_y>(?:19|20)\d{{2}}){split})
            | (?:half[\s-]+year|six\s+months|6\s+months)[\s-]+(?:ended|ending|to)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<hy_m>{months})[a-z]*\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+(?P<hy_y>(?:19|20)\d{{2}})
            | (?P<hb>first|second|1st|2nd|front|back)[\s-]+half(?:\s+of)?(?:\s+(?:the\s+year|(?:fiscal\s+)?(?P<hb_y>(?:19|20)\d{{2}}){split}|fy\s*'?(?P<hb_y2>\d{{2}})))?
            | (?:fy|full[\s-]+(?:fiscal[\s-]+)?year|fiscal(?:[\s-]+year)?)\s*'?(?P<fy_y>(?:19|20)\d{{2}})(?:[/–-](?:19|20)?\d{{2}})?[ea]?
            | (?:full[\s-]+year|fiscal(?:[\s-]+year)?)\s+(?P<fy_sy>twenty[\s-]+(?:twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|two|three|four|five|six|seven|eight|nine)(?-u:\b)))
            | fy\s*(?:'|(?:0?[1-9]|1[0-2])/(?:20)?)?(?P<fy_y2>\d{{2}})[ae]?
            | (?P<fyb_y>(?:19|20)\d{{2}}){split}\s+(?:full[\s-]+year|fiscal[\s-]+year)
            | (?P<dm>{months})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<dm_y>(?:19|20)\d{{2}})
            | \d{{1,2}}(?:st|nd|rd|th)?\s+(?P<dd_m>{months})[a-z]*\.?,?\s+(?P<dd_y>(?:19|20)\d{{2}})
            | (?P<dn>\d{{1,2}})/\d{{1,2}}/(?P<dn_y>(?:19|20)\d{{2}})
            | (?P<my>january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)\s+(?P<my_y>(?:19|20)\d{{2}})
            | (?P<spy>twenty[\s-]+twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)(?:[\s-]+twenty[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?
            | (?:fiscal[\s-]+)?year[\s-]+(?:ended|ending|to)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{months})[a-z]*\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+(?:(?P<fye_y>(?:19|20)\d{{2}})|(?P<fye_sy>twenty[\s-]+twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?))
            | (?P<fyx>full[\s-]+(?:fiscal[\s-]+)?year|fiscal[\s-]+year)
            | (?P<ly>last\s+year)
            | this\s+year
            | (?:this|last)\s+fiscal(?:[\s-]+year)?
            | (?P<tq>(?:in|during)\s+the\s+quarter|this\s+quarter)
            | (?P<td>year[\s-]to[\s-]date|ytd|so\s+far\s+this\s+year|(?:first|past)\s+(?:three|3)\s+quarters|(?:first|past|the)\s+(?:nine|9)[\s-]+months?)
            | (?P<fty>for\s+the\s+(?:fiscal\s+)?year|(?:during|over)\s+the\s+year)(?:\s+(?P<fty_y>(?:19|20)\d{{2}}){split}|\s+(?:ended|ending|to)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{months})[a-z]*\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+(?:(?P<fty_ey>(?:19|20)\d{{2}})|(?P<fty_sy>twenty[\s-]+twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)))?
            | (?P<fm>first|last)\s+(?P<fm_n>three|six|3|6)\s+months\s+of\s+(?:fiscal\s+)?(?P<fm_y>(?:19|20)\d{{2}})
            | (?P<year>(?:19|20)\d{{2}}){split}[ea]?
            | q\s+(?P<qs>one|two|three|four)(?:\s+(?P<qs_sy>twenty[\s-]+twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?))?
            )(?-u:\b)"
        );
        Regex::new(&pattern).expect("period pattern is valid")
    };
}

/// The named groups of `PERIOD`, in the pattern's order, and their indices below:
/// `Captures::name` hashes the name at every call, and a long note has thousands.
const GROUP_NAMES: [&str; 59] = [
    "ttm", "ttm_m", "ttm_y", "ttm_q", "ttm_qy", "qa", "qa_y", "qa_y2", "qb", "qb_y", "qc", "qc_y", "qd_y", "qd", "qd2",
    "ha", "ha_y2", "ha_y", "hb", "hb_y", "fy_y", "fy_y2", "fyb_y", "dm", "dm_y", "dn", "dn_y", "spy", "fyx", "year",
    "my", "my_y", "ly", "qc_sy", "mq", "mq_y", "fy_sy", "fm", "fm_n", "fm_y", "tq", "fty", "fty_y", "fty_ey", "td",
    "qs", "qs_sy", "fye_y", "fye_sy", "fty_sy", "mr", "mr_e", "mr_y", "hb_y2", "hy_m", "hy_y", "qc_y2", "dd_m", "dd_y",
];
const G_TTM: usize = 0;
const G_TTM_M: usize = 1;
const G_TTM_Y: usize = 2;
const G_TTM_Q: usize = 3;
const G_TTM_QY: usize = 4;
const G_QA: usize = 5;
const G_QA_Y: usize = 6;
const G_QA_Y2: usize = 7;
const G_QB: usize = 8;
const G_QB_Y: usize = 9;
const G_QC: usize = 10;
const G_QC_Y: usize = 11;
const G_QD_Y: usize = 12;
const G_QD: usize = 13;
const G_QD2: usize = 14;
const G_HA: usize = 15;
const G_HA_Y2: usize = 16;
const G_HA_Y: usize = 17;
const G_HB: usize = 18;
const G_HB_Y: usize = 19;
const G_FY_Y: usize = 20;
const G_FY_Y2: usize = 21;
const G_FYB_Y: usize = 22;
const G_DM: usize = 23;
const G_DM_Y: usize = 24;
const G_DN: usize = 25;
const G_DN_Y: usize = 26;
const G_SPY: usize = 27;
const G_FYX: usize = 28;
const G_YEAR: usize = 29;
const G_MY: usize = 30;
const G_MY_Y: usize = 31;
const G_LY: usize = 32;
const G_QC_SY: usize = 33;
const G_MQ: usize = 34;
const G_MQ_Y: usize = 35;
const G_FY_SY: usize = 36;
const G_FM: usize = 37;
const G_FM_N: usize = 38;
const G_FM_Y: usize = 39;
const G_TQ: usize = 40;
const G_FTY: usize = 41;
const G_FTY_Y: usize = 42;
const G_FTY_EY: usize = 43;
const G_TD: usize = 44;
const G_QS: usize = 45;
const G_QS_SY: usize = 46;
const G_FYE_Y: usize = 47;
const G_FYE_SY: usize = 48;
const G_FTY_SY: usize = 49;
const G_MR: usize = 50;
const G_MR_E: usize = 51;
const G_MR_Y: usize = 52;
const G_HB_Y2: usize = 53;
const G_HY_M: usize = 54;
const G_HY_Y: usize = 55;
/// "the first quarter of FY25", "first-quarter FY25".
const G_QC_Y2: usize = 56;
/// A day's date written day first, as in Britain and Europe: "20 February 2025".
const G_DD_M: usize = 57;
const G_DD_Y: usize = 58;

/// The capture index of each of `GROUP_NAMES`.
static GROUP_SLOTS: LazyLock<Vec<usize>> = LazyLock::new(|| {
    PERIOD.with(|re| {
        let names: Vec<Option<&str>> = re.capture_names().collect();
        GROUP_NAMES
            .iter()
            .map(|g| {
                names
                    .iter()
                    .position(|n| *n == Some(*g))
                    .expect("the period pattern has the group")
            })
            .collect()
    })
});

/// Group `g` (one of the `G_` constants) of a `PERIOD` match.
fn group<'t>(caps: &regex::Captures<'t>, g: usize) -> Option<regex::Match<'t>> {
    caps.get(GROUP_SLOTS[g])
}

pattern! {
    /// Words before a period that make it a point of comparison, not the figure's period
    /// ("versus Q3", "lower than in the third quarter", "the same pace as in the second
    /// quarter", a rate "on" it: "down 6% on 2024").
    static COMPARISON = {
        Regex::new(
            r"(?i)(?-u:\b)(?:since|than|versus|vs\.?|compared\s+(?:to|with)|from|by|until|till|before|after|against|relative\s+to|period\s+of|over|(?:%|percent|per\s+cent|bps|basis\s+points|points)\s+on|as\s+(?:in|during)|beginning(?:\s+in)?|starting(?:\s+in)?)\s+(?:(?:in|during)\s+)?(?:the\s+)?(?:same\s+(?:period|quarter)\s+(?:of|in)\s+)?$",
        )
        .expect("comparison pattern is valid")
    };
}

pattern! {
    /// A "since …" earlier in the clause: the period is where a comparison starts.
    static SINCE = Regex::new(r"(?i)(?-u:\b)since(?-u:\b)[^,;.]*$").expect("since pattern is valid");
}

pattern! {
    /// Words that put a sentence in the future.
    static FUTURE = {
        Regex::new(r"(?i)(?-u:\b)(?:will|expect(?:s|ed)?|anticipate[sd]?|guidance|guided?|guiding|outlook|forecast|plans?|projected|projecting|projections?)(?-u:\b)")
            .expect("future pattern is valid")
    };
}

/// Whether `text` speaks of the future ("expects", "guidance", "projected"): a clause that
/// does is not set in a period said before it.
pub(super) fn looks_ahead(text: &str) -> bool {
    FUTURE.with(|re| re.is_match(text))
}

pattern! {
    /// A day and month before a year make it a date, not a period.
    static DATE_BEFORE = {
        Regex::new(
            r"(?i)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?|\d{1,2}[/.-]\d{1,2}[/.-])\s*$",
        )
        .expect("date pattern is valid")
    };
}

/// A period phrase found in a text.
#[derive(Debug, Clone)]
pub(super) struct PeriodHit {
    pub start: usize,
    pub end: usize,
    pub canonical: String,
    /// Written as a point of comparison ("since 2018", "versus Q3").
    pub comparison: bool,
    /// Where it opens a parenthesis with a colon after it ("Operating margin 42% (2023:
    /// 35%)"), or a clause of its own ("… and twenty twenty six we still see as a growth
    /// year", `opens_a_clause`): the span it labels, the only figures it dates.
    pub labels: Option<Range<usize>>,
    /// Written as a day's date ("February 3, 2025", "2/3/2025"): a point in time, such as
    /// a story's dateline, more than a period something is reported for.
    pub date: bool,
}

/// The year (and quarter) of the period around a sentence, used to date "in Q3".
#[derive(Debug, Clone, Copy, Default)]
pub struct Anchor {
    pub(super) year: Option<u32>,
    pub(super) quarter: Option<u32>,
    /// The year the note was written in (its date's), which dates "this year" and "last
    /// year" when it is after the year the note is about (`written_after`).
    pub(super) written: Option<u32>,
    /// The month the fiscal year ends in, 1 to 12 (0, the default: December): a month
    /// names the quarter of the fiscal year it falls in (`fiscal_quarter`).
    pub(super) fiscal_end: u8,
    /// The month and calendar year of a day's date said earlier in the sentence (a wire's
    /// dateline, "BENGALURU, Oct 17, 2024 —"): the months said after it without a year
    /// are the last ones of those names up to it ("July-September" of 2024).
    pub(super) dated: Option<(u32, u32)>,
}

impl Anchor {
    /// Reads the year and quarter of a canonical period ("Q4 2023", "FY 2023", "TTM Q4 2023").
    pub fn of(period: Option<&str>) -> Anchor {
        // Read a byte at a time: through `str::parse` this was 10 M instructions of a
        // 1,000-note build (it is asked once a sentence).
        fn number(digits: &[u8]) -> Option<u32> {
            let all = !digits.is_empty() && digits.len() <= 9 && digits.iter().all(u8::is_ascii_digit);
            all.then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
        }
        let mut a = Anchor::default();
        for part in period
            .unwrap_or("")
            .as_bytes()
            .split(|b| *b == b' ')
            .filter(|p| !p.is_empty())
        {
            if let Some(q) = part.strip_prefix(b"Q").and_then(number) {
                a.quarter = Some(q);
            } else if let Some(y) = number(part) {
                a.year = Some(y);
            }
        }
        a
    }

    /// The anchor, for a note written in `year`.
    pub fn written_in(self, year: Option<u32>) -> Anchor {
        Anchor { written: year, ..self }
    }

    /// The anchor with the month and year of a dateline said before its sentence (a wire
    /// item's "**Feb 20, 2025 — …**" above it), unless the sentence says its own.
    pub fn dated(self, dated: Option<(u32, u32)>) -> Anchor {
        Anchor { dated, ..self }
    }

    /// The anchor of a frame of a whole year, given the quarter of `under` (the period
    /// of the heading or note the frame is set in) when that quarter is of the same year:
    /// after "For the full year 2023 …", "in the quarter" is still the note's fourth quarter.
    pub fn within(self, under: Anchor) -> Anchor {
        match (self.quarter, under.quarter) {
            (None, Some(q)) if self.year.is_some() && self.year == under.year => Anchor {
                quarter: Some(q),
                ..self
            },
            _ => self,
        }
    }

    /// The anchor, for a subject whose fiscal year ends in month `end` (1 to 12).
    pub fn fiscal(self, end: u8) -> Anchor {
        Anchor {
            fiscal_end: end,
            ..self
        }
    }

    /// The fiscal quarter and fiscal year of a month (1 to 12) of a calendar year: with
    /// a fiscal year that ends in March, September 2024 is in Q2 of fiscal 2025.
    fn fiscal_quarter(self, month: u32, year: u32) -> (u32, u32) {
        let end = fiscal_end_month(self.fiscal_end);
        (
            (month + 11 - end) % 12 / 3 + 1,
            fiscal_year_of(month, year, self.fiscal_end),
        )
    }

    /// The year the note was written in, if it is after the year the note is about: a
    /// call on a fourth quarter is held in the next year, and speaks from it.
    fn written_after(&self) -> Option<u32> {
        self.written.filter(|w| self.year.is_some_and(|y| y < *w))
    }

    /// The year of quarter `q` as said inside this period: a later quarter is last year's,
    /// unless the sentence speaks of the future (`future`: "will", "expect") and it is the
    /// coming quarter. `future` is asked only then: most sentences never need it.
    fn year_of_quarter(self, q: u32, future: impl Fn() -> bool) -> Option<u32> {
        let y = self.year?;
        match self.quarter {
            Some(4) if q == 1 && future() => Some(y + 1),
            Some(now) if q > now && !(q == now + 1 && future()) => Some(y - 1),
            _ => Some(y),
        }
    }
}

/// The month a fiscal year ends in, 1 to 12, from a setting where 0 (the default) and 12
/// both stand for December.
fn fiscal_end_month(end: u8) -> u32 {
    match u32::from(end) {
        0 => 12,
        e => e.min(12),
    }
}

/// The fiscal year a month (1 to 12) of a calendar year falls in, for a fiscal year that
/// ends in month `end`: named for the year it ends in (May 2025 is in fiscal 2026 of a
/// year that ends in March).
pub fn fiscal_year_of(month: u32, year: u32, end: u8) -> u32 {
    if month > fiscal_end_month(end) { year + 1 } else { year }
}

/// Normalises the first period phrase of `text` to canonical form; None if there is none.
pub fn parse_period(text: &str) -> Option<String> {
    parse_fiscal_period(text, 12)
}

/// `parse_period` for a subject whose fiscal year ends in month `fiscal_end` (1 to 12): a
/// month names the quarter of that fiscal year ("November 2024" is Q3 2025 when it ends
/// in March).
pub fn parse_fiscal_period(text: &str, fiscal_end: u8) -> Option<String> {
    let anchor = Anchor::default().fiscal(fiscal_end);
    plain_period(text, anchor).or_else(|| {
        find_periods(text, anchor)
            .into_iter()
            .find(|h| !h.comparison)
            .map(|h| h.canonical)
    })
}

/// A text that is one plain form ("Q4 2023", "FY2024", "2023": a table's head cell), read
/// without the pattern, as a match of it would be (`Plain`); a "trailing twelve months"
/// needs the quarter the pattern's reading gives it.
fn plain_period(text: &str, anchor: Anchor) -> Option<String> {
    let whole = text.trim();
    let plain = Plain::of(whole)?;
    (plain != Plain::TrailingTwelveMonths && (plain != Plain::Year || plain_year(whole, 0, whole.len())))
        .then(|| plain.canonical(whole, anchor))
        .flatten()
}

/// The one period a note's title (or a heading) names, as `parse_fiscal_period` reads
/// it, or `Err` if it names a span of them: "on the wires, April 2024 to July 2025"
/// covers many periods and dates none of the figures under it.
fn named_period(text: &str, anchor: Anchor) -> Result<Option<String>, ()> {
    if let Some(plain) = plain_period(text, anchor) {
        return Ok(Some(plain));
    }
    let hits = find_periods(text, anchor);
    let span = hits.windows(2).any(|pair| {
        let between = text.get(pair[0].end..pair[1].start).unwrap_or_default().trim();
        ["to", "through", "until", "-", "–", "—"].contains(&between)
    });
    if span {
        return Err(());
    }
    Ok(hits.into_iter().find(|h| !h.comparison).map(|h| h.canonical))
}

/// The period a note's title names, none if it names a span (`named_period`).
pub fn title_period(title: &str, fiscal_end: u8) -> Option<String> {
    named_period(title, Anchor::default().fiscal(fiscal_end)).ok().flatten()
}

/// `parse_period` of a heading, whose quarter said without a year ("Fourth-quarter
/// outlook", "Second quarter recap") is dated by `around`, the period of the note or of
/// the heading before it, as a sentence's is.
pub fn parse_heading_period(text: &str, around: Option<&str>, fiscal_end: u8) -> Option<String> {
    // A heading that names a span of periods dates nothing under it, as a title does.
    let named = named_period(text, Anchor::default().fiscal(fiscal_end)).ok()?;
    named.or_else(|| {
        // Read again only where a quarter or a half may be named, the periods an anchor
        // dates: most headings name no period.
        let b = text.as_bytes();
        let part = (b.windows(6)).any(|w| w.eq_ignore_ascii_case(b"uarter"))
            || (b.windows(4)).any(|w| w.eq_ignore_ascii_case(b"half"))
            || (b.windows(2)).any(|w| matches!(w[0], b'Q' | b'q') && matches!(w[1], b'1'..=b'4'));
        if !part {
            return None;
        }
        named_period(text, Anchor::of(Some(around?)).fiscal(fiscal_end)).ok()?
    })
}

/// The period a sentence sets for the ones after it, if it opens with one as a frame: "For
/// the full year 2023", "For Q4", or a speaker's turn to a period ("Turning to the fourth
/// quarter", "Focusing on the fourth quarter", "Looking at", "Shifting to", "Moving to").
/// A sentence that states figures of its own (`read`, its quantities) is framed by "For …"
/// only for itself: "For the full year 2023, free cash flow was $X" is usually an aside
/// with its own period, while "For the full year 2023 we had a meaningful improvement
/// across our financial results" announces what follows; a turn to a period announces it
/// either way ("Focusing on the fourth quarter North America revenue was …"). `around`
/// dates a period said without its year.
pub fn frame_period(sentence: &str, read: Option<&super::Read>, around: Option<&str>) -> Option<Frame> {
    // The first word of a period phrase: a gate before the pattern is searched (most
    // sentences that open with "For" open with no period: "For context, …").
    const OPENERS: [&str; 37] = [
        "full", "fiscal", "fy", "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "q", "h1", "h2",
        "trailing", "last", "twelve", "ttm", "ltm", "opening", "final", "closing", "front", "back", "twenty", "jan",
        "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    // Told apart by their first two letters before any word is compared: most sentences
    // open otherwise ("The …", "Sales …").
    let lead = sentence.bytes().take_while(u8::is_ascii_whitespace).count();
    let text = &sentence[lead..];
    let bytes = text.as_bytes();
    let starts = |at: usize, word: &str| {
        bytes
            .get(at..at + word.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
    };
    let two = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
    let turn = match (two(0), two(1)) {
        (b'f', b'o') if starts(0, "for ") => None,
        (b'f', b'o') => Some("focusing on "),
        (b't', b'u') => Some("turning to "),
        (b'l', b'o') => Some("looking at "),
        (b's', b'h') => Some("shifting to "),
        (b'm', b'o') => Some("moving to "),
        _ => return None,
    };
    let mut at = match turn {
        Some(w) if starts(0, w) => w.len(),
        Some(_) => return None,
        None => 4,
    };
    // "For …" with an amount, a rate or a scaled count of its own (one that no period
    // phrase holds, as it may a year) is an aside, whatever follows "For".
    let figure = |q: &super::quantity::Qty| {
        use super::quantity::Unit;
        q.scaled || !matches!(q.unit, Unit::Count | Unit::Pending)
    };
    let aside = turn.is_none() && read.is_some_and(|r| r.qtys.iter().any(figure));
    if starts(at, "the ") {
        at += 4;
    }
    // A turn to what is expected of a period: "Turning to guidance for 2024", "turning to
    // our outlook for the full year".
    if turn.is_some() {
        if starts(at, "our ") {
            at += 4;
        }
        if let Some(w) = ["guidance for ", "outlook for ", "forecast for "]
            .iter()
            .find(|w| starts(at, w))
        {
            at += w.len();
            if starts(at, "the ") {
                at += 4;
            }
        }
    }
    let opens = bytes.get(at).is_some_and(u8::is_ascii_digit) || OPENERS.iter().any(|w| starts(at, w));
    if !opens {
        return None;
    }
    // The period has to open right there, so only the first words are searched.
    let head = &text[..floor_char(text, (at + 64).min(text.len()))];
    let first = find_periods(head, Anchor::of(around)).into_iter().next()?;
    if first.start != at || first.comparison {
        return None;
    }
    // Unless a speaker goes straight on to what "we" did in it, without a comma: "For the
    // full year 2024 we delivered adjusted pre-tax income of $5.9 billion" opens a
    // paragraph about that year.
    let we_after = text
        .get(first.end..first.end + 4)
        .is_some_and(|w| w.eq_ignore_ascii_case(" we "));
    if aside && !we_after {
        // An earlier year said in passing ("For the full year 2017, free cash flow was
        // $110.9 billion." in a note on Q4 2018) dates no sentence after it.
        let (said, around) = (Anchor::of(Some(&first.canonical)).year, Anchor::of(around).year);
        let earlier = said.zip(around).is_some_and(|(said, around)| said < around);
        return (!earlier).then_some(Frame {
            period: first.canonical,
            paragraph: true,
        });
    }
    // A count after the period is a figure of the sentence's own.
    let counted = read.is_some_and(|r| r.qtys.iter().any(|q| q.start >= first.end + lead));
    (turn.is_some() || we_after || !counted).then_some(Frame {
        period: first.canonical,
        paragraph: false,
    })
}

/// The period a sentence opens with as a frame (`frame_period`), and how far it holds.
pub struct Frame {
    pub period: String,
    /// Only to the end of the sentence's paragraph: "For the full year 2024, revenue
    /// rose 33.9% …" states figures of its own, and the sentences after it in the
    /// paragraph ("Gross margin was 56.1%") are of that year too, as they are of the
    /// quarter after "For Q1 2025, we guide revenue of …"; the next paragraph returns
    /// to the heading's period.
    pub paragraph: bool,
}

/// The period an outlook sets for the rest of its paragraph: a sentence with no figure
/// of its own that names one period and looks ahead ("Management raised the fiscal 2025
/// outlook for the third time." before "Net sales are now expected to grow 4.8% to
/// 5.1%"). Only sentences whose quantities all look like years are searched.
pub fn outlook_period(sentence: &str, read: Option<&super::Read>, around: Option<&str>) -> Option<String> {
    const WORDS: [&str; 4] = ["outlook", "guidance", "forecast", "guided"];
    // Most sentences with a digit have a figure that is no year: ruled out before any
    // search (asked of every sentence, the search was 6% of the extractor).
    let year_like = |q: &super::quantity::Qty| {
        use super::quantity::Unit;
        !q.scaled && matches!(q.unit, Unit::Count | Unit::Pending) && (1900.0..2100.0).contains(&q.amount)
    };
    // A year said is read as a quantity before it is known to be a period: a sentence
    // with no quantity names no year either.
    if !read.is_some_and(|r| r.qtys.iter().all(year_like)) {
        return None;
    }
    let lower = sentence.to_ascii_lowercase();
    if !WORDS.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let hits = find_periods(sentence, Anchor::of(around));
    // The digits read as quantities are the periods' own ("fiscal 2025").
    let within = |at: usize| hits.iter().any(|h| h.start <= at && at < h.end);
    if read.is_some_and(|r| r.qtys.iter().any(|q| !within(q.start))) {
        return None;
    }
    let mut own = hits.into_iter().filter(|h| !h.comparison);
    let only = own.next()?;
    own.next().is_none().then_some(only.canonical)
}

/// Plain forms of a period, read from a match of `PERIOD` without asking it for its
/// groups: a bare year ("2023", whose group is `year`), a quarter with its year ("Q4 2023",
/// groups `qa` and `qa_y`), a fiscal year ("full year 2023", "FY2023", "fiscal 2023",
/// group `fy_y`) and trailing twelve months with no end ("trailing twelve months", "TTM",
/// group `ttm` alone). The groups of any other match cost a second search. A capturing
/// search of every sentence was 0.73 G instructions at 10,000 notes (finding the matches
/// included); reading the first two forms from the match took the 1,000-note build from
/// 4.993 to 4.949 G. The groups of a match cost about 10,000 instructions (a bounded
/// backtracker over the match, after the lazy DFA has found it again): reading the last
/// two forms too took `find_periods` from 100.3 to 87.0 M instructions at 1,000 notes.
///
/// Phrases dated by the heading or note alone ("in the quarter", "last year") are plain
/// too: they have no groups to read.
#[derive(Debug, PartialEq)]
enum Plain {
    Year,
    Quarter,
    FiscalYear,
    TrailingTwelveMonths,
    ThisQuarter,
    LastYear,
    ThisYear,
    LastFiscalYear,
    ThisFiscalYear,
}

impl Plain {
    fn of(phrase: &str) -> Option<Plain> {
        let digits = |b: &[u8]| b.iter().all(u8::is_ascii_digit);
        let year =
            |b: &[u8]| (b.len() == 4 && digits(b)).then(|| b.iter().fold(0u16, |y, d| y * 10 + u16::from(d - b'0')));
        // `strip_prefix` without case, on ASCII words only: with case ignored, an "s" of the
        // pattern also matches "ſ", which these leave to the groups.
        let strip = |b: &'_ [u8], word: &str| -> Option<usize> {
            let head = b.get(..word.len())?;
            head.eq_ignore_ascii_case(word.as_bytes()).then_some(word.len())
        };
        let b = phrase.as_bytes();
        match b {
            [_, _, _, _] if digits(b) => Some(Plain::Year),
            // An analyst's estimate for a year ("2025E"), or the actual ("2024A") beside
            // it, is a figure for that year.
            [year @ .., b'e' | b'E' | b'a' | b'A'] if year.len() == 4 && digits(year) => Some(Plain::Year),
            [b'q' | b'Q', b'1'..=b'4', b' ', rest @ ..] => year(rest).map(|_| Plain::Quarter),
            [b'f' | b'F', ..] => {
                let head = [
                    "full fiscal year ",
                    "full year ",
                    "full-year ",
                    "fiscal year ",
                    "fiscal-year ",
                    "fiscal ",
                    "fy ",
                    "fy",
                ]
                .iter()
                .find_map(|w| strip(b, w))?;
                year(&b[head..]).map(|_| Plain::FiscalYear)
            }
            _ if words_are(phrase, &["in", "the", "quarter"])
                || words_are(phrase, &["during", "the", "quarter"])
                || words_are(phrase, &["this", "quarter"]) =>
            {
                Some(Plain::ThisQuarter)
            }
            _ if words_are(phrase, &["last", "year"]) => Some(Plain::LastYear),
            _ if words_are(phrase, &["this", "year"]) => Some(Plain::ThisYear),
            _ if words_are(phrase, &["this", "fiscal", "year"]) || words_are(phrase, &["this", "fiscal"]) => {
                Some(Plain::ThisFiscalYear)
            }
            _ if words_are(phrase, &["last", "fiscal", "year"]) || words_are(phrase, &["last", "fiscal"]) => {
                Some(Plain::LastFiscalYear)
            }
            _ => {
                let whole = |w: &str| b.eq_ignore_ascii_case(w.as_bytes());
                let trailing = ["ttm", "ltm"].iter().any(|w| whole(w))
                    || ["trailing ", "last "].iter().any(|first| {
                        let Some(at) = strip(b, first) else { return false };
                        ["twelve months", "twelve month", "12 months", "12 month"]
                            .iter()
                            .any(|rest| b[at..].eq_ignore_ascii_case(rest.as_bytes()))
                    });
                trailing.then_some(Plain::TrailingTwelveMonths)
            }
        }
    }

    /// The canonical form of `phrase`, a match of this form, copied from its bytes:
    /// `format!` cost about 800 instructions a string, for 5,833 of them at 1,000 notes.
    /// None for a phrase that `anchor` cannot date.
    fn canonical(&self, phrase: &str, anchor: Anchor) -> Option<String> {
        Some(match self {
            Plain::Year => phrase[..4].to_string(),
            Plain::Quarter => {
                let mut quarter = phrase.to_string();
                quarter[..1].make_ascii_uppercase();
                quarter
            }
            Plain::FiscalYear => ["FY ", &phrase[phrase.len() - 4..]].concat(),
            Plain::TrailingTwelveMonths => "TTM".to_string(),
            // "in the quarter", "this quarter": the quarter the heading or note is about.
            Plain::ThisQuarter => format!("Q{} {}", anchor.quarter?, anchor.year?),
            // "last year", said in the first three quarters of a year, is the year before.
            // Said of a fourth quarter or a whole year it may mean the year just ended or
            // the one before, unless the note was written after that year (a call in
            // February): then it is the year before the one it is said in.
            Plain::LastYear => match anchor.quarter {
                Some(1..=3) => (anchor.year? - 1).to_string(),
                _ => (anchor.written_after()? - 1).to_string(),
            },
            // "this year", in a note written after the year it is about, is the year it is
            // said in; else it names no more than the note's period does.
            Plain::ThisYear => anchor.written_after()?.to_string(),
            // "this fiscal year" is the one the note was written in ("for this fiscal year
            // we plan …" in May 2025, of a company whose year ends in March: FY 2026),
            // else the one it is about; "last fiscal year" the one before.
            Plain::ThisFiscalYear => format!("FY {}", anchor.written_after().or(anchor.year)?),
            Plain::LastFiscalYear => format!("FY {}", anchor.written_after().or(anchor.year)? - 1),
        })
    }
}

/// All period phrases of `text`, dated with `anchor` where they carry no year.
pub(super) fn find_periods(text: &str, anchor: Anchor) -> Vec<PeriodHit> {
    read_periods(text, anchor).0
}

/// The period phrases of `text` (as `find_periods`), and apart from them the phrases of
/// time that date nothing: a "trailing twelve months" with no quarter to end it, whose
/// words still are not a metric's ("$35.5 billion in trailing twelve-month free cash
/// flow" names its metric past them).
pub(super) fn read_periods(text: &str, mut anchor: Anchor) -> (Vec<PeriodHit>, Vec<PeriodHit>) {
    let mut out = Vec::new();
    // Whether the sentence speaks of the future: read only if a quarter without a year
    // asks, and then once. Searched for in every sentence, it was 43 of the 1,054 perf
    // samples of figure extraction on the 1,000-note benchmark.
    let future = std::cell::OnceCell::new();
    let future = || *future.get_or_init(|| FUTURE.with(|re| re.is_match(text)));
    // One pass of the pattern: the phrases also tell whether the text names one year.
    let found: Vec<regex::Match> = PERIOD.with(|re| re.find_iter(text).collect());
    if anchor.year.is_none() {
        anchor.year = only_year(found.iter().map(|m| m.as_str()));
    }
    // Bare "full year" phrases: a year said after one, or the sentence's own period,
    // gives its year (`full_years`).
    let mut bare_full_years = Vec::new();
    for m in &found {
        let mut date = false;
        let canonical = match Plain::of(m.as_str()) {
            Some(Plain::Year) if !plain_year(text, m.start(), m.end()) => continue,
            Some(plain) => match plain.canonical(m.as_str(), anchor) {
                Some(canonical) => canonical,
                None => continue,
            },
            None => {
                let Some(caps) = PERIOD.with(|re| re.captures_at(text, m.start())) else {
                    continue;
                };
                if group(&caps, G_YEAR).is_some() && !plain_year(text, m.start(), m.end()) {
                    continue;
                }
                if group(&caps, G_FYX).is_some() {
                    bare_full_years.push(m.range());
                }
                date = is_day_date(&caps);
                let Some(canonical) = canonical(&caps, anchor, &future) else {
                    continue;
                };
                if date {
                    anchor.dated = day_date(&caps);
                }
                canonical
            }
        };
        let before = &text[floor_char(text, m.start().saturating_sub(96))..m.start()];
        // "for the fourth quarter running", "the third quarter in a row": a count of
        // quarters that a streak has lasted, no quarter of a year.
        let after = text[m.end()..].trim_start();
        let streak = |w: &str| after.len() >= w.len() && after.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes());
        if canonical.starts_with(['Q', 'H']) && (streak("running") || streak("in a row")) {
            continue;
        }
        // "over the last year" is a span of time, and "the same quarter last year" a
        // quarter a year back: neither is the year before. Nor is "the first quarter of
        // last year", which is a quarter of it.
        let of_a_part =
            || before_word(before, "of").is_some_and(|b| ["quarter", "half"].iter().any(|w| ends_with_word(b, w)));
        let last_year = words_are(m.as_str(), &["last", "year"]);
        // "in the same quarter last year", said alone: the anchor's quarter, a year back.
        let quarter_back = last_year
            && before_word(before, "same quarter")
                .is_some_and(|b| ["in the", "during the", "for the"].iter().any(|w| ends_with_word(b, w)));
        let canonical = match (quarter_back, anchor.quarter) {
            (true, Some(q)) => match Plain::LastYear.canonical(m.as_str(), anchor) {
                Some(year) => format!("Q{q} {year}"),
                None => continue,
            },
            _ => canonical,
        };
        if last_year
            && !quarter_back
            && (["the", "quarter", "period", "month", "time"]
                .iter()
                .any(|w| ends_with_word(before, w))
                || of_a_part())
        {
            continue;
        }
        // "in the first quarter last year", "the second half of last year": a quarter or a
        // half said without its year, then "last year", is of the year before.
        let canonical = match last_year_after(m.as_str(), &canonical, &text[m.end()..], anchor) {
            Some(shifted) => shifted,
            None => canonical,
        };
        // "the December 2022 half" (the pattern reads "the half year ended …" whole).
        let canonical = half_after(&text[m.end()..], &canonical).unwrap_or(canonical);
        // "over the twelve months to December 31" spans the period; "over the prior
        // year" compares with it.
        let spanned = canonical.starts_with("TTM") && {
            let b = before.trim_end();
            let b = b.strip_suffix("the").unwrap_or(b).trim_end();
            b.len() >= 4 && b[b.len() - 4..].eq_ignore_ascii_case("over")
        };
        out.push(PeriodHit {
            start: m.start(),
            end: m.end(),
            canonical,
            comparison: !spanned && (COMPARISON.with(|re| re.is_match(before)) || SINCE.with(|re| re.is_match(before))),
            labels: None,
            date,
        });
    }
    if !bare_full_years.is_empty() {
        full_years(&mut out, &bare_full_years, text);
    }
    let mut undated = trailing_twelve_months(&mut out, text, anchor);
    undated.extend(out.extract_if(.., |h| {
        h.canonical == TO_DATE || said_when(text, h) || began_when(text, h)
    }));
    same_quarter(&mut out, text, anchor);
    for hit in &mut out {
        hit.labels = labelled_span(text, hit)
            .or_else(|| opens_a_clause(text, hit))
            .or_else(|| in_a_clause_of_its_own(text, hit))
            .or_else(|| estimate_of(text, hit));
    }
    (out, undated)
}

/// The half of the fiscal year that ends in `month` of `year`, if one does.
fn half_ending(month: u32, year: u32, anchor: Anchor) -> Option<String> {
    match anchor.fiscal_quarter(month, year) {
        (2, fiscal) => Some(format!("H1 {fiscal}")),
        (4, fiscal) => Some(format!("H2 {fiscal}")),
        _ => None,
    }
}

/// "the December 2022 half": a month and its year said before "half" name the half that
/// ends then (`canonical`, the quarter the month falls in: Q2 or Q4 of the fiscal year).
fn half_after(after: &str, canonical: &str) -> Option<String> {
    let (q, year) = canonical.strip_prefix('Q')?.split_once(' ')?;
    let half = match q {
        "2" => 1,
        "4" => 2,
        _ => return None,
    };
    (after.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next() == Some("half"))
        .then(|| format!("H{half} {year}"))
}

/// The words that join a clause of its own to the one before, and the subjects that open
/// it (`opens_a_clause`, `in_a_clause_of_its_own`).
const CLAUSE_JOINS: [&str; 3] = ["and", "but", "so"];
const CLAUSE_SUBJECTS: [&str; 5] = ["we", "they", "it", "i", "you"];

fn one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The rest of the text, when the period opens a clause of its own after "and", "but"
/// or "so", with its subject right after it: "… our backlog ended the year at around
/// thirty six billion euros and twenty twenty six we still see as a growth year". It
/// dates what that clause says, not the figures before it.
fn opens_a_clause(text: &str, hit: &PeriodHit) -> Option<Range<usize>> {
    let after = text[hit.end..].trim_start();
    let subject = after
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    if !one_of(subject, &CLAUSE_SUBJECTS) {
        return None;
    }
    let mut before = text[..hit.start].trim_end();
    for lead in ["in", "for", "during"] {
        if ends_with_word(before, lead) {
            before = before[..before.len() - lead.len()].trim_end();
        }
    }
    (CLAUSE_JOINS.iter())
        .any(|w| ends_with_word(before, w))
        .then_some(hit.end..text.len())
}

/// The rest of the text from where the period's clause begins, when that clause is one
/// of its own, joined by "and", "but" or "so" with its subject right after ("… travel
/// about fourteen percent and remember we lap some tough comparisons in the back half",
/// "… personnel about twelve percent and we expect that gap to close in the back half of
/// the year"): it dates what that clause says, not the figures before it.
fn in_a_clause_of_its_own(text: &str, hit: &PeriodHit) -> Option<Range<usize>> {
    let before = &text[floor_char(text, hit.start.saturating_sub(120))..hit.start];
    // Word by word back from the period, split on spaces and line ends with no list built
    // (this is asked of every period of every sentence), keeping the two words after each.
    let (mut next, mut after_next) = ("", "");
    for word in before.rsplit([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
        let subject = if one_of(next, &["remember", "then"]) {
            after_next
        } else {
            next
        };
        let at = word.as_ptr() as usize - text.as_ptr() as usize;
        if one_of(word, &CLAUSE_JOINS) && one_of(subject, &CLAUSE_SUBJECTS) {
            return Some(at..text.len());
        }
        // "… free cash flow $1.36 billion, which lifted free cash flow over the trailing
        // twelve months to $4.2 billion": a clause of "which" after a comma is one of its own.
        if word.eq_ignore_ascii_case("which") && text[..at].trim_end().ends_with(',') {
            return Some(at..text.len());
        }
        (next, after_next) = (word, next);
    }
    None
}

/// The estimate a period names, up to the end of its clause: "24 times our 2025 EPS
/// estimate of $2.97 and 22 times our 2026 estimate of $3.20": each year dates its
/// estimate, not the sentence (nor, through it, the sentences after it).
fn estimate_of(text: &str, hit: &PeriodHit) -> Option<Range<usize>> {
    const NOUNS: [&str; 7] = [
        "estimate",
        "estimates",
        "forecast",
        "forecasts",
        "consensus",
        "projection",
        "projections",
    ];
    let after = &text[hit.end..];
    let mut at = 0;
    let mut noun_end = None;
    for _ in 0..4 {
        let rest = &after[at..];
        let lead = rest.len() - rest.trim_start().len();
        let word_len = rest[lead..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '/'))
            .unwrap_or(rest.len() - lead);
        if word_len == 0 {
            break;
        }
        let word = &rest[lead..lead + word_len];
        at += lead + word_len;
        if NOUNS.iter().any(|n| word.eq_ignore_ascii_case(n)) {
            noun_end = Some(hit.end + at);
            break;
        }
    }
    let from = noun_end?;
    let rest = &text[from..];
    let end = [",", ";", " and ", " but "]
        .iter()
        .filter_map(|d| rest.find(d))
        .min()
        .map_or(text.len(), |at| from + at);
    // The multiple said of the estimate right before it ("about 40 times our 2025
    // estimate", "29x the 2025 consensus") is of that year too.
    let last_word = |t: &str| t.rfind(|c: char| c.is_whitespace()).map_or(0, |at| at + 1);
    let mut before = text[..hit.start].trim_end();
    let determiner = &before[last_word(before)..];
    if ["our", "the", "its", "their", "consensus"]
        .iter()
        .any(|w| determiner.eq_ignore_ascii_case(w))
    {
        before = before[..last_word(before)].trim_end();
    }
    let word = &before[last_word(before)..];
    let number = if word.eq_ignore_ascii_case("times") {
        Some(before[..last_word(before)].trim_end())
    } else if word.len() > 1 && word.ends_with(['x', 'X']) && word.as_bytes()[0].is_ascii_digit() {
        Some(before)
    } else {
        None
    };
    // With the word that makes it approximate ("about 40 times"), where a record starts.
    let start = number.map_or(hit.end, |number| {
        let at = last_word(number);
        let lead = number[..at].trim_end();
        let approx = &lead[last_word(lead)..];
        let approx = [
            "about",
            "roughly",
            "around",
            "nearly",
            "approximately",
            "some",
            "almost",
        ]
        .iter()
        .any(|w| approx.eq_ignore_ascii_case(w));
        if approx { last_word(lead) } else { at }
    });
    Some(start..end)
}

/// The span a period labels when it opens a parenthesis and a colon follows it ("(2023:
/// loss of $4.1 billion)"): up to the parenthesis' end.
fn labelled_span(text: &str, hit: &PeriodHit) -> Option<Range<usize>> {
    let opens = text[..hit.start].trim_end().ends_with('(');
    let labels = text[hit.end..].trim_start().starts_with(':');
    (opens && labels).then(|| hit.end..text[hit.end..].find(')').map_or(text.len(), |at| hit.end + at))
}

/// A bare "full year" (at `bare`): with a year said right after it ("for the full year
/// twenty twenty four", whose spoken year the pattern reads apart) the two are one fiscal
/// year; with no year of its own, from the sentence or its anchor, it takes the year of
/// the sentence's own period, its first that is not a comparison ("$17.3 billion in the
/// fourth quarter of 2024, … and $56.2 billion for the full year").
fn full_years(hits: &mut Vec<PeriodHit>, bare: &[Range<usize>], text: &str) {
    // The year a canonical period ends with ("Q4 2024", "2024").
    let year_of = |h: &PeriodHit| {
        let c = &h.canonical;
        let year = c.get(c.len().saturating_sub(4)..)?;
        year.bytes().all(|b| b.is_ascii_digit()).then(|| year.to_string())
    };
    for at in bare {
        let own = hits.iter().position(|h| h.start == at.start);
        let said_after = hits.iter().position(|h| {
            h.start >= at.end
                && text[at.end..h.start].trim().is_empty()
                && h.canonical.len() == 4
                && h.canonical.bytes().all(|b| b.is_ascii_digit())
        });
        if let Some(n) = said_after {
            hits[n].canonical = format!("FY {}", hits[n].canonical);
            hits[n].start = at.start;
            if let Some(own) = own {
                hits.remove(own);
            }
        } else if own.is_none()
            && let Some(year) = hits.iter().filter(|h| !h.comparison).find_map(year_of)
        {
            hits.push(PeriodHit {
                start: at.start,
                end: at.end,
                canonical: format!("FY {year}"),
                comparison: false,
                labels: None,
                date: false,
            });
        }
    }
    hits.sort_by_key(|h| h.start);
}

/// "versus $20.4 billion in the same quarter of 2017": the year of the quarter named
/// elsewhere in the sentence ("in Q4 2018"), else the anchor's, not the whole year. "the
/// same period of 2024" is the sentence's own period (a quarter, a half, twelve months
/// to a quarter's end) in that year.
fn same_quarter(hits: &mut [PeriodHit], text: &str, anchor: Anchor) {
    let quarter = hits
        .iter()
        .find_map(|h| h.canonical.strip_prefix('Q')?.split(' ').next()?.parse::<u32>().ok())
        .or(anchor.quarter);
    // The sentence's own period, without its year: "Q2 ", "H1 ", "TTM Q4 ".
    let own = hits
        .iter()
        .filter(|h| !h.comparison)
        .find_map(|h| h.canonical.rsplit_once(' ').map(|(head, _)| format!("{head} ")));
    for h in hits.iter_mut() {
        if h.canonical.len() != 4 || !h.canonical.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let before = text[floor_char(text, h.start.saturating_sub(32))..h.start].trim_end();
        let Some(rest) = before.strip_suffix("of").or_else(|| before.strip_suffix("in")) else {
            continue;
        };
        let rest = rest.trim_end();
        let head = if ends_with_word(rest, "same quarter") {
            quarter.map(|q| format!("Q{q} "))
        } else if ends_with_word(rest, "same period") {
            own.clone()
        } else {
            None
        };
        if let Some(head) = head {
            h.canonical = format!("{head}{}", h.canonical);
        }
    }
}

/// The one year that period phrases name, if they name exactly one.
fn only_year<'t>(phrases: impl Iterator<Item = &'t str>) -> Option<u32> {
    let mut found = None;
    for phrase in phrases {
        let b = phrase.as_bytes();
        let Some(at) = (0..b.len().saturating_sub(3))
            .rev()
            .find(|&i| b[i..i + 4].iter().all(u8::is_ascii_digit))
        else {
            continue;
        };
        let mut year = b[at..at + 4].iter().fold(0u32, |y, d| y * 10 + u32::from(d - b'0'));
        // A split year ("2024/25", "FY 2024-25") is the second.
        year += u32::from(next_year_follows(&phrase[at + 4..], year));
        if !(1900..2100).contains(&year) || found.is_some_and(|f| f != year) {
            return None;
        }
        found = Some(year);
    }
    found
}

/// Whether a match of the pattern is a day's date ("Oct 17, 2024", "17 October 2024",
/// "10/17/2024").
fn is_day_date(caps: &regex::Captures) -> bool {
    [G_DM, G_DD_M, G_DN].iter().any(|&g| group(caps, g).is_some())
}

/// The month and year of a day's date the pattern read ("Oct 17, 2024", "17 October
/// 2024", "10/17/2024").
fn day_date(caps: &regex::Captures) -> Option<(u32, u32)> {
    let text = |g: usize| group(caps, g).map(|m| m.as_str());
    let num = |g: usize| text(g).and_then(|t| t.parse::<u32>().ok());
    match ((text(G_DM), num(G_DM_Y)), (text(G_DD_M), num(G_DD_Y))) {
        ((Some(m), Some(y)), _) | (_, (Some(m), Some(y))) => Some((month_of(m)?, y)),
        _ => num(G_DN).filter(|m| (1..=12).contains(m)).zip(num(G_DN_Y)),
    }
}

/// The month and year of the day's date a heading or a paragraph opens with, as a wire
/// item's title does ("**4. Feb 20, 2025 — Alibaba beats …**", "### 20 February 2025"):
/// the months its sentences name without a year are the last ones up to it.
pub fn dateline(text: &str) -> Option<(u32, u32)> {
    // Past emphasis, a number of a list and spaces, a date starts with a month's name or
    // a day's digits; most blocks are let go at their first letter.
    let start = text.find(|c: char| c.is_alphabetic() || (c.is_ascii_digit()))?;
    let rest = &text[start..];
    let numbered = rest
        .find(|c: char| !c.is_ascii_digit())
        .is_some_and(|n| rest[n..].starts_with(". "));
    let rest = if numbered {
        rest[rest.find(". ")? + 2..].trim_start()
    } else {
        rest
    };
    // A month's name ("Feb 20, 2025", "February 20"), or a day's digits before a slash
    // ("2/20/2025") or a month's name ("20 February 2025"): most blocks open with none,
    // and are let go before the pattern.
    let b = rest.as_bytes();
    let month = b.first().is_some_and(u8::is_ascii_uppercase) && month_of(rest).is_some();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let day_first = || {
        let after = rest[digits..].trim_start_matches(|c: char| c.is_ascii_lowercase());
        after.starts_with(' ') && month_of(&after[1..]).is_some()
    };
    let numeric = (1..=2).contains(&digits) && (b.get(digits) == Some(&b'/') || day_first());
    if !month && !numeric {
        return None;
    }
    let head = &rest[..floor_char(rest, rest.len().min(40))];
    let caps = PERIOD.with(|re| re.captures(head))?;
    let at_start = caps.get(0).is_some_and(|m| m.start() == 0);
    (at_start && is_day_date(&caps)).then(|| day_date(&caps)).flatten()
}

/// How the pattern's reading writes a "trailing twelve months" with no end of its own.
const BARE_TTM: &str = "TTM";

/// How the pattern's reading writes a span up to now that no period form names ("year to
/// date", "the first three quarters"): it dates nothing, and the figures said in its
/// clause take no period (`when::period_of`).
pub(super) const TO_DATE: &str = "to date";

/// "trailing twelve months" said without its own end date takes the quarter named
/// elsewhere in the sentence ("…through Q1 2024"), else the anchor's; every such phrase
/// of the sentence does ("the trailing-twelve-month figure slid to $25.9 billion at the
/// end of March 2025 …, even as trailing-twelve-month operating cash flow climbed"). Those
/// left without a quarter, and a bare one beside the quarter it takes, are taken out of
/// `hits` and returned: they date nothing.
fn trailing_twelve_months(hits: &mut Vec<PeriodHit>, text: &str, anchor: Anchor) -> Vec<PeriodHit> {
    if !hits.iter().any(|h| h.canonical == BARE_TTM) {
        return Vec::new();
    }
    // "… on a trailing twelve month basis was $84.9 billion, subscription revenue was $10.5
    // billion in the quarter": "the quarter" is the anchor's, said of another figure; it
    // ends no trailing span (which takes the anchor's quarter anyway).
    let quarters: Vec<usize> = (0..hits.len())
        .filter(|&i| {
            hits[i].canonical.starts_with('Q')
                && Plain::of(&text[hits[i].start..hits[i].end]) != Some(Plain::ThisQuarter)
        })
        .collect();
    if quarters.is_empty() {
        if let (Some(q), Some(y)) = (anchor.quarter, anchor.year) {
            for h in hits.iter_mut().filter(|h| h.canonical == BARE_TTM) {
                h.canonical = format!("TTM Q{q} {y}");
            }
        }
    } else {
        for i in quarters {
            // "free cash flow was $17.6 billion in the third quarter and $55.8 billion for
            // the trailing twelve months": a quarter said before the trailing span (and
            // after none), in a clause of its own, dates its own figure, and the span ends
            // with it.
            let after_one = (hits.iter()).any(|h| h.canonical == BARE_TTM && h.end <= hits[i].start);
            let apart = (hits.iter()).position(|h| {
                !after_one && h.canonical == BARE_TTM && h.start >= hits[i].end && {
                    let between = &text[hits[i].end..h.start];
                    between.contains(|c: char| c.is_ascii_digit() || c == ',') || between.contains(" and ")
                }
            });
            match apart {
                Some(j) => hits[j].canonical = ["TTM ", &hits[i].canonical].concat(),
                None => hits[i].canonical = ["TTM ", &hits[i].canonical].concat(),
            }
        }
    }
    hits.extract_if(.., |h| h.canonical == BARE_TTM).collect()
}

pattern! {
    /// Words after an earlier figure that date it a year before the sentence's period
    /// ("$149.2 billion a year earlier", "in the prior-year quarter", "of the prior
    /// twelve months").
    static YEAR_EARLIER = {
        Regex::new(
            r"(?i)^\W*(?:\w+\W+){0,3}?(?:a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|(?:the\s+)?same\s+(?:quarter|period)\s+(?:last\s+year|a\s+year\s+(?:earlier|ago|before))|(?:the\s+)?(?:prior|previous|last)[\s-]+year(?:[\s-]+(?:quarter|period))?|(?:the\s+)?year[\s-]+ago(?:\s+(?:quarter|period))?|(?:the\s+)?year[\s-]+earlier\s+(?:quarter|period)|(?:the\s+)?(?:prior|previous|preceding)\s+(?:twelve|12)\s+months)(?-u:\b)",
        )
        .expect("year-earlier pattern is valid")
    };
}

/// Whether `after` (the text right after a figure) dates the figure a year earlier.
pub(super) fn year_earlier(after: &str) -> bool {
    YEAR_EARLIER.with(|re| re.is_match(after))
}

pattern! {
    /// Words of an earlier period and a colon, at the end of the words before a figure:
    /// they label it ("Adjusted EPS: $1.10 (a year earlier: $1.08)", "prior-year quarter:
    /// $4.3 billion", "(previous quarter: 12%)"). "last year:" is a period of its own.
    static EARLIER_LABEL = Regex::new(
        r"(?i)(?-u:\b)(?:(?:a\s+)?year[\s-]+(?:earlier|ago|before)(?:\s+(?:quarter|period))?|the\s+year\s+before|(?:the\s+)?(?:prior|previous)[\s-]+year(?:[\s-]+(?:quarter|period))?|(?:a\s+)?quarter\s+(?:earlier|ago|before)|(?:the\s+)?(?:prior|previous|preceding|last)\s+quarter)\s*:\s*$",
    )
    .expect("earlier-label pattern is valid");
}

/// How far back the label that ends `before` (the words before a figure, "(a year
/// earlier: ") places the figure after it, if they end in one.
pub(super) fn earlier_label(before: &str) -> Option<Back> {
    if !before.trim_end().ends_with(':') {
        return None;
    }
    let m = EARLIER_LABEL.with(|re| re.find(before))?;
    let year = m
        .as_str()
        .as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"year"));
    Some(if year { Back::Year } else { Back::Quarter })
}

/// Where in `after` the words end that date a figure a year or a quarter earlier, and
/// how far back they place it.
pub(super) fn earlier_words(after: &str) -> Option<(usize, Back)> {
    (YEAR_EARLIER.with(|re| re.find(after)).map(|m| (m.end(), Back::Year))).or_else(|| {
        QUARTER_EARLIER
            .with(|re| re.find(after))
            .map(|m| (m.end(), Back::Quarter))
    })
}

pattern! {
    /// Words after a figure that place it in a period before the sentence's: a year back
    /// ("20% growth in the year-ago quarter", "during the prior-year period") or a quarter
    /// back ("versus 17.5% growth in the previous quarter").
    static IN_AN_EARLIER_PERIOD = Regex::new(
        r"(?i)^\W*(?:\w+\W+){0,2}?(?:in|during)\s+the\s+(?:(?:year[\s-]+(?:ago|earlier)|(?:prior|previous)[\s-]+year)[\s-]+(?:quarter|period)|(?:prior|previous|preceding|last)\s+quarter)(?-u:\b)",
    )
    .expect("earlier-period pattern is valid");
}

/// How far back the words after a figure place it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Back {
    Year,
    Quarter,
}

/// How far back `after` (the text right after a figure) places it: in the quarter or
/// period a year before the sentence's, in the quarter before it, or neither.
pub(super) fn placed_back(after: &str) -> Option<Back> {
    let m = IN_AN_EARLIER_PERIOD.with(|re| re.find(after))?;
    // The year forms name the year among their last three words ("the year-ago quarter",
    // "prior year period"); the quarter form does not ("the previous quarter").
    let names_year = |w: &str| w.as_bytes().windows(4).any(|x| x.eq_ignore_ascii_case(b"year"));
    let year = m.as_str().split_whitespace().rev().take(3).any(names_year);
    Some(if year { Back::Year } else { Back::Quarter })
}

pattern! {
    /// "a year earlier" right after a figure, or after one word ("a $0.6 billion loss a
    /// year earlier").
    static A_YEAR_EARLIER = Regex::new(r"(?i)^\W*(?:\w+\W+)?(?:a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before)(?-u:\b)")
        .expect("a-year-earlier pattern is valid");
}

/// Whether a level followed by `after` (the text right after it) is dated a year back:
/// "a year earlier" or "a year ago" right after it or after its noun ("an operating loss
/// of one point two billion a year ago", "a $0.6 billion loss a year earlier"), not after
/// a word that makes it what something is compared with ("from a year ago", "than a year
/// earlier"), which other rules read.
pub(super) fn level_a_year_earlier(after: &str) -> bool {
    const COMPARING: [&str; 11] = [
        "from", "since", "over", "than", "versus", "vs", "against", "compared", "with", "on", "to",
    ];
    // The word before "a year", read from the match: asking the pattern for a group
    // costs a second, slower search.
    A_YEAR_EARLIER.with(|re| re.find(after)).is_some_and(|m| {
        let first = m.as_str().trim_start_matches(|c: char| !c.is_alphanumeric());
        let word = first.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        !COMPARING.iter().any(|x| word.eq_ignore_ascii_case(x))
    })
}

pattern! {
    /// Words after an earlier figure that date it a quarter before the sentence's period
    /// ("from $11.5 billion in the prior quarter", "versus 17.5% last quarter").
    static QUARTER_EARLIER = Regex::new(
        r"(?i)^\W*(?:\w+\W+){0,3}?(?:the\s+)?(?:prior|previous|preceding|last)\s+quarter(?-u:\b)",
    )
    .expect("quarter-earlier pattern is valid");
}

/// The same period one year earlier: "Q4 2023" → "Q4 2022".
pub(super) fn year_before(canonical: &str) -> Option<String> {
    let year: u32 = canonical.rsplit(' ').next()?.parse().ok()?;
    let head = canonical.strip_suffix(&year.to_string())?;
    Some(format!("{head}{}", year - 1))
}

/// The quarter before a quarter: "Q1 2024" → "Q4 2023"; None for other periods.
pub(super) fn quarter_before(canonical: &str) -> Option<String> {
    let (q, year) = canonical.strip_prefix('Q')?.split_once(' ')?;
    let (q, year): (u32, u32) = (q.parse().ok()?, year.parse().ok()?);
    Some(match q {
        1 => format!("Q4 {}", year - 1),
        2..=4 => format!("Q{} {year}", q - 1),
        _ => return None,
    })
}

/// Whether `phrase` is `words`, in any case and with any spaces between them.
fn words_are(phrase: &str, words: &[&str]) -> bool {
    let mut said = phrase.split_ascii_whitespace();
    words
        .iter()
        .all(|w| said.next().is_some_and(|s| s.eq_ignore_ascii_case(w)))
        && said.next().is_none()
}

/// "the 32.5% guided in February 2024", "the target announced on March 3, 2025": a month
/// or a day said after a verb of saying dates the saying, not the figure.
fn said_when(text: &str, hit: &PeriodHit) -> bool {
    #[rustfmt::skip]
    const SAID: [&str; 8] = ["guided", "announced", "said", "given", "issued", "promised", "published", "set"];
    let starts_with_a_month = (text[hit.start..].split(|c: char| !c.is_ascii_alphabetic()))
        .next()
        .is_some_and(|w| w.len() >= 3 && month_of(w).is_some());
    let before = &text[..hit.start];
    let Some(before) = ["in", "on"].iter().find_map(|w| before_word(before, w)) else {
        return false;
    };
    starts_with_a_month && SAID.iter().any(|w| ends_with_word(before, w))
}

/// The period of a quarter or a half said without its year and followed by "last year"
/// or "of last year": its head with the year before the anchor's ("Q1 2023" for "the
/// first quarter last year" in a note on Q1 2024).
fn last_year_after(phrase: &str, canonical: &str, after: &str, anchor: Anchor) -> Option<String> {
    // Asked of every period phrase: the words after it first, then the phrase, with
    // nothing allocated until both say so.
    let rest = after.trim_start();
    let rest = rest.strip_prefix("of ").map_or(rest, str::trim_start);
    let said = rest.get(..9).is_some_and(|w| w.eq_ignore_ascii_case("last year"))
        && !rest[9..].starts_with(|c: char| c.is_ascii_alphanumeric());
    if !said {
        return None;
    }
    let (head, _) = canonical.split_once(' ')?;
    let part = head.len() == 2 && matches!(head.as_bytes()[0], b'Q' | b'H');
    let b = phrase.as_bytes();
    let year_said = b.iter().any(u8::is_ascii_digit) || b.windows(6).any(|w| w.eq_ignore_ascii_case(b"twenty"));
    if !part || year_said {
        return None;
    }
    let year = Plain::LastYear.canonical("last year", anchor)?;
    Some(format!("{head} {year}"))
}

/// "higher activity among seniors that began last year", "a trend which started in
/// 2023": a period after a verb of beginning, in a clause of its own, dates what began,
/// not the figures.
fn began_when(text: &str, hit: &PeriodHit) -> bool {
    const BEGAN: [&str; 4] = ["began", "begun", "started", "emerged"];
    let before = &text[..hit.start];
    let before = before_word(before, "in").unwrap_or(before);
    let Some(clause) = BEGAN.iter().find_map(|w| before_word(before, w)) else {
        return false;
    };
    ["that", "which"].iter().any(|w| ends_with_word(clause, w))
}

/// The text before the word `word` that `text` ends with (spaces after it allowed), if
/// it ends with it: "guided in" less "in" is "guided".
fn before_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let text = text.trim_end();
    ends_with_word(text, word).then(|| text[..text.len() - word.len()].trim_end())
}

/// Whether `text` ends with the word `word` (spaces after it allowed).
fn ends_with_word(text: &str, word: &str) -> bool {
    let t = text.trim_end().as_bytes();
    t.len() >= word.len()
        && t[t.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
        && !t[..t.len() - word.len()].last().is_some_and(u8::is_ascii_alphanumeric)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A bare four-digit year that is a period: not an amount ("$2023"), not part of a
/// date ("December 31, 2023"), not an end of a year range ("2023-2024").
fn plain_year(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let prev = start.checked_sub(1).map(|i| b[i]);
    let next = b.get(end).copied();
    if matches!(prev, Some(b'$' | b'.' | b',' | b'-' | b'/'))
        || matches!(next, Some(b'%' | b'/'))
        || (next == Some(b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
    {
        return false;
    }
    let before = &text[floor_char(text, start.saturating_sub(24))..start];
    if DATE_BEFORE.with(|re| re.is_match(before)) {
        return false;
    }
    let after = text[end..].trim_start();
    let ranged = ["-", "–", "—", "to ", "and ", "through "].iter().any(|link| {
        let Some(rest) = after.strip_prefix(link) else {
            return false;
        };
        let digits: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")))
            || (digits.len() == 2 && link.chars().count() == 1)
    });
    let trimmed = before.trim_end();
    let range_end = ["-", "–", "—", " to", " and", " through"].iter().any(|link| {
        let Some(rest) = trimmed.strip_suffix(link) else {
            return false;
        };
        let rest = rest.trim_end();
        let tail = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        tail == 4
    });
    !ranged && !range_end
}

fn year_from(caps: &regex::Captures, four: usize, two: usize) -> Option<u32> {
    match group(caps, four) {
        Some(y) if y.len() == 4 => split_year(caps, y),
        y => Some(2000 + y.or_else(|| group(caps, two))?.as_str().parse::<u32>().ok()?),
    }
}

/// The year of group `y` of a match: the second of a split year ("2024/25", "FY
/// 2024-25", a fiscal year across two calendar years, named for the one it ends in) where
/// the match goes on with one.
fn split_year(caps: &regex::Captures, y: regex::Match) -> Option<u32> {
    let year: u32 = y.as_str().parse().ok()?;
    Some(if split_after(caps, y, year) { year + 1 } else { year })
}

/// Whether the match of `caps` goes on after its year `y` (of value `year`) with the next
/// year (`next_year_follows`).
fn split_after(caps: &regex::Captures, y: regex::Match, year: u32) -> bool {
    caps.get(0)
        .is_some_and(|whole| next_year_follows(&whole.as_str()[y.end() - whole.start()..], year))
}

/// Whether `after`, the text right after a year of value `year`, is the year after it,
/// which makes the two a split year: "/25", "-2025", "–25".
fn next_year_follows(after: &str, year: u32) -> bool {
    let Some(next) = ["/", "-", "–"].iter().find_map(|link| after.strip_prefix(link)) else {
        return false;
    };
    match next.parse::<u32>() {
        Ok(n) if next.len() == 2 => n == (year + 1) % 100,
        Ok(n) if next.len() == 4 => n == year + 1,
        _ => false,
    }
}

fn ordinal(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    match w.as_str() {
        "first" | "1st" | "front" | "opening" => Some(1),
        "second" | "2nd" | "back" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" | "final" | "closing" => Some(4),
        _ => None,
    }
}

/// A year as a call says it: "twenty twenty four" → 2024, "twenty twenty" → 2020.
fn spoken_year(spoken: &str) -> Option<u32> {
    let last = spoken.rsplit([' ', '-', '\t', '\n']).next()?;
    if last.eq_ignore_ascii_case("twenty") {
        return Some(2020);
    }
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        .iter()
        .position(|w| last.eq_ignore_ascii_case(w))
        .map(|i| 2021 + i as u32)
}

/// A month's number, 1 to 12, from its name.
fn month_of(month: &str) -> Option<u32> {
    const MONTHS: [&[u8]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
    ];
    let m = month.as_bytes().get(..3)?;
    MONTHS
        .iter()
        .position(|x| x.eq_ignore_ascii_case(m))
        .map(|i| i as u32 + 1)
}

/// The canonical form of one match of `PERIOD`.
fn canonical(caps: &regex::Captures, anchor: Anchor, future: &dyn Fn() -> bool) -> Option<String> {
    let num = |g: usize| group(caps, g).and_then(|m| m.as_str().parse::<u32>().ok());
    let text = |g: usize| group(caps, g).map(|m| m.as_str());
    if group(caps, G_TTM).is_some() {
        let (q, y) = if let (Some(m), Some(y)) = (text(G_TTM_M), num(G_TTM_Y)) {
            anchor.fiscal_quarter(month_of(m)?, y)
        } else if let (Some(q), Some(y)) = (num(G_TTM_Q), num(G_TTM_QY)) {
            (q, y)
        } else if text(G_TTM).is_some_and(|t| t.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("the"))) {
            // "the twelve months" is trailing only when it says where it ends.
            return None;
        } else {
            return Some("TTM".to_string());
        };
        return Some(format!("TTM Q{q} {y}"));
    }
    // A month names its quarter, of the fiscal year it falls in, as a full date does
    // ("in September 2024", "September 30, 2024").
    let quarter_of = |m: u32, y: u32| {
        let (q, y) = anchor.fiscal_quarter(m, y);
        format!("Q{q} {y}")
    };
    for (month, year) in [(G_DM, G_DM_Y), (G_DD_M, G_DD_Y)] {
        if let (Some(m), Some(y)) = (text(month), num(year)) {
            return Some(quarter_of(month_of(m)?, y));
        }
    }
    if let (Some(m), Some(y)) = (text(G_MY), num(G_MY_Y)) {
        return Some(quarter_of(month_of(m)?, y));
    }
    if let (Some(m), Some(y)) = (num(G_DN), num(G_DN_Y)) {
        return (1..=12).contains(&m).then(|| quarter_of(m, y));
    }
    if let Some(spoken) = group(caps, G_SPY) {
        let y = spoken_year(spoken.as_str())?;
        // "twenty twenty five twenty six", a split year said aloud: the fiscal year it ends in.
        let whole = caps.get(0)?;
        let then = whole.as_str()[spoken.end() - whole.start()..].trim_start_matches([' ', '-']);
        return Some(match spoken_year(then) {
            Some(next) if !then.is_empty() && next == y + 1 => format!("FY {next}"),
            _ => y.to_string(),
        });
    }
    // Read from the match alone in `find_periods` (`Plain`), unless a space in it is not
    // ASCII ("in the\u{a0}quarter"); the test that the two readings agree covers both.
    if group(caps, G_TQ).is_some() {
        return Plain::ThisQuarter.canonical("", anchor);
    }
    if group(caps, G_LY).is_some() {
        return Plain::LastYear.canonical("", anchor);
    }
    // "fiscal twenty twenty three", as a call says it, or "fiscal twenty five".
    if let Some(spoken) = text(G_FY_SY) {
        return spoken_year(spoken).map(|y| format!("FY {y}"));
    }
    // "the first three months of 2025" is Q1 2025, "the last six months of 2024" H2 2024.
    if let (Some(which), Some(n), Some(y)) = (text(G_FM), text(G_FM_N), num(G_FM_Y)) {
        let first = which.eq_ignore_ascii_case("first");
        let half = n == "6" || n.eq_ignore_ascii_case("six");
        return Some(match (half, first) {
            (false, true) => format!("Q1 {y}"),
            (false, false) => format!("Q4 {y}"),
            (true, true) => format!("H1 {y}"),
            (true, false) => format!("H2 {y}"),
        });
    }
    // "January-March", "the July-September quarter", "April through September 2024": a
    // span of three months is the quarter it ends, of six the half, of nine the year to
    // date; the months of a fiscal year's quarter.
    if let (Some(from), Some(to)) = (text(G_MR), text(G_MR_E)) {
        let (from, to) = (month_of(from)?, month_of(to)?);
        // The calendar year of the last month: written, else the one of a day's date
        // before the span (the span ends at or before it).
        let calendar = num(G_MR_Y).or_else(|| anchor.dated.map(|(m, y)| if to <= m { y } else { y - 1 }));
        let (q, fiscal_year) = anchor.fiscal_quarter(to, calendar.unwrap_or(0));
        let year = || calendar.map(|_| fiscal_year);
        return match (to + 12 - from) % 12 + 1 {
            3 => {
                let y = year().or_else(|| anchor.year_of_quarter(q, future))?;
                Some(format!("Q{q} {y}"))
            }
            6 if q % 2 == 0 => Some(format!("H{} {}", q / 2, year().or(anchor.year)?)),
            9 => Some(TO_DATE.to_string()),
            _ => None,
        };
    }
    // "the September quarter": the quarter the month ends.
    if let Some(month) = text(G_MQ) {
        let m = month_of(month)?;
        if let Some(y) = num(G_MQ_Y) {
            return Some(quarter_of(m, y));
        }
        let (q, _) = anchor.fiscal_quarter(m, 0);
        let y = anchor.year_of_quarter(q, future)?;
        return Some(format!("Q{q} {y}"));
    }
    if group(caps, G_TD).is_some() {
        return Some(TO_DATE.to_string());
    }
    // "for the year" (and "during" or "over the year", spans of it; a balance "at year
    // end" is of the last quarter, as its series is): the fiscal year said after it ("for
    // the year 2023", "for the year ended January 31, 2025": a fiscal year is named for
    // the year it ends in), else the year of the text around it.
    if group(caps, G_FTY).is_some() {
        return group(caps, G_FTY_Y)
            .and_then(|y| split_year(caps, y))
            .or(num(G_FTY_EY))
            .or_else(|| text(G_FTY_SY).and_then(spoken_year))
            .or(anchor.year)
            .map(|y| format!("FY {y}"));
    }
    // "the fiscal year ending March 2026", "the year ended March thirty first twenty
    // twenty five": a fiscal year is named for the year it ends in.
    if let Some(y) = num(G_FYE_Y).or_else(|| text(G_FYE_SY).and_then(spoken_year)) {
        return Some(format!("FY {y}"));
    }
    if group(caps, G_FYX).is_some() {
        return anchor.year.map(|y| format!("FY {y}"));
    }
    // "q four", as a transcript writes Q4 said aloud.
    let spoken_quarter = |word: &str| {
        ["one", "two", "three", "four"]
            .iter()
            .position(|w| word.eq_ignore_ascii_case(w))
            .map(|i| i as u32 + 1)
    };
    let quarter = num(G_QA)
        .or(num(G_QB))
        .or(num(G_QD2))
        .or_else(|| text(G_QC).or(text(G_QD)).and_then(ordinal))
        .or_else(|| text(G_QS).and_then(spoken_quarter));
    if let Some(q) = quarter {
        let y = year_from(caps, G_QA_Y, G_QA_Y2)
            .or_else(|| year_from(caps, G_QB_Y, G_QB_Y))
            .or_else(|| year_from(caps, G_QC_Y, G_QC_Y2))
            .or_else(|| text(G_QC_SY).or(text(G_QS_SY)).and_then(spoken_year))
            .or(num(G_QD_Y))
            .or_else(|| anchor.year_of_quarter(q, future))?;
        return Some(format!("Q{q} {y}"));
    }
    // "the half year ended 31 December 2023", "six months ended June 30, 2024": the half
    // of the fiscal year that ends in that month.
    if let (Some(m), Some(y)) = (text(G_HY_M), num(G_HY_Y)) {
        return half_ending(month_of(m)?, y, anchor);
    }
    let half = num(G_HA).or_else(|| text(G_HB).and_then(ordinal));
    if let Some(h) = half {
        let y = year_from(caps, G_HA_Y, G_HA_Y2)
            .or_else(|| year_from(caps, G_HB_Y, G_HB_Y2))
            .or(anchor.year)?;
        return Some(format!("H{h} {y}"));
    }
    if let Some(y) = year_from(caps, G_FY_Y, G_FY_Y2).or_else(|| split_year(caps, group(caps, G_FYB_Y)?)) {
        return Some(format!("FY {y}"));
    }
    // A year said alone is a calendar year, as written; one split across two ("2024/25")
    // is a fiscal year.
    let y = group(caps, G_YEAR)?;
    let year: u32 = y.as_str().parse().ok()?;
    if split_after(caps, y, year) {
        Some(format!("FY {}", year + 1))
    } else {
        // "2019/23" is no year.
        let whole = caps.get(0)?;
        (!whole.as_str()[y.end() - whole.start()..].starts_with('/')).then(|| year.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        let cases = [
            ("Q4 2023", Some("Q4 2023")),
            ("fourth quarter of 2023", Some("Q4 2023")),
            ("FY2023", Some("FY 2023")),
            ("full year 2024", Some("FY 2024")),
            ("full fiscal year 2023", Some("FY 2023")),
            ("fiscal 2023", Some("FY 2023")),
            // A Japanese company's fiscal year, named by the month and year it ends in.
            ("FY3/26", Some("FY 2026")),
            ("January-March 2025", Some("Q1 2025")),
            ("July through December 2024", Some("H2 2024")),
            // A half of a fiscal year said with it ("H1 FY24", "H2 FY2025").
            ("H1 FY24", Some("H1 2024")),
            ("first-quarter FY25", Some("Q1 2025")),
            ("the third quarter of FY24", Some("Q3 2024")),
            ("H2 FY2025", Some("H2 2025")),
            ("second half of FY25", Some("H2 2025")),
            ("the year to June 2025", Some("FY 2025")),
            ("for the year to June 2025", Some("FY 2025")),
            ("the half year ended 31 December 2023", Some("H2 2023")),
            ("six months ended June 30, 2024", Some("H1 2024")),
            ("the half year to December 2024", Some("H2 2024")),
            ("FY3/25A", Some("FY 2025")),
            ("the fiscal year ending March 2026", Some("FY 2026")),
            ("year ended March 31, 2025", Some("FY 2025")),
            ("for the year ending march twenty twenty six", Some("FY 2026")),
            ("2023", Some("2023")),
            ("H1 2024", Some("H1 2024")),
            ("first half of 2024", Some("H1 2024")),
            ("trailing twelve months ended Dec 2023", Some("TTM Q4 2023")),
            ("AMZN Q4 2023 Earnings Call", Some("Q4 2023")),
            ("Q4'23 results", Some("Q4 2023")),
            ("4Q23", Some("Q4 2023")),
            ("Strategy (2023-2024)", None),
            ("As of December 31, 2024", Some("Q4 2024")),
            ("the 11/24/2023 game", Some("Q4 2023")),
            ("in September 2024", Some("Q3 2024")),
            ("by the end of Oct. 2025", Some("Q4 2025")),
            ("the twelve months through June 30, 2024", Some("TTM Q2 2024")),
            ("operating margin 2024", Some("2024")),
            ("capex 2025E", Some("2025")),
            ("2024A", Some("2024")),
            ("the 2026e consensus", Some("2026")),
            ("model 2025ex", None),
            ("over the twelve months", None),
            ("in twenty twenty five", Some("2025")),
            ("in fiscal twenty five", Some("FY 2025")),
            ("the first quarter of fiscal twenty twenty four", Some("Q1 2024")),
            ("for fiscal twenty six", Some("FY 2026")),
            ("fiscal twenty twenty six", Some("FY 2026")),
            ("fiscal twenty fifth", None),
            ("across 2022 and 2023", None),
            ("Q4 results", None),
            ("Trainium 2 and Windows 11", None),
            ("for the year 2023", Some("FY 2023")),
            ("for the year ended January 31, 2025", Some("FY 2025")),
            ("for the fiscal year ended June 30, 2024", Some("FY 2024")),
            ("for the year", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_period(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn the_year_and_the_last_four_quarters_take_the_period_around_them() {
        let hits = find_periods("capex of about $23 billion for the year", Anchor::of(Some("Q3 2025")));
        let got: Vec<_> = hits.iter().map(|h| h.canonical.as_str()).collect();
        assert_eq!(got, ["FY 2025"]);
        // "the last four quarters" are twelve months to the quarter around them.
        let hits = find_periods("cash flow over the past four quarters", Anchor::of(Some("Q3 2024")));
        let got: Vec<_> = hits.iter().map(|h| h.canonical.as_str()).collect();
        assert_eq!(got, ["TTM Q3 2024"]);
    }

    #[test]
    fn a_title_that_opens_with_a_date_is_a_dateline() {
        assert_eq!(
            dateline("**4. Feb 20, 2025 — Alibaba beats as cloud growth speeds up**"),
            Some((2, 2025))
        );
        assert_eq!(dateline("### 2/20/2025: results"), Some((2, 2025)));
        // Day first, as British and European wires write it.
        assert_eq!(dateline("**10 April 2025 — Tesco holds its guide**"), Some((4, 2025)));
        assert_eq!(dateline("22nd Feb. 2025: full-year results"), Some((2, 2025)));
        assert_eq!(dateline("10 stores opened in 2025"), None);
        assert_eq!(dateline("Cloud revenue rose 6% on Feb 20, 2025."), None);
        assert_eq!(dateline("2025 was a year of records"), None);
    }

    /// The canonical forms of the periods of `text`, in order.
    fn canonicals(text: &str, anchor: Anchor) -> Vec<String> {
        find_periods(text, anchor).into_iter().map(|h| h.canonical).collect()
    }

    #[test]
    fn a_year_split_across_two_is_the_fiscal_year_it_ends_in() {
        let canonical = |text: &str| canonicals(text, Anchor::default().fiscal(2));
        assert_eq!(canonical("group sales for 2024/25 rose"), ["FY 2025"]);
        assert_eq!(canonical("in the first half of 2024/25"), ["H1 2025"]);
        assert_eq!(canonical("in the third quarter of 2024/25"), ["Q3 2025"]);
        assert_eq!(canonical("Q1 2025/26 sales"), ["Q1 2026"]);
        assert_eq!(canonical("FY 2024-25 and fiscal 2023/2024"), ["FY 2025", "FY 2024"]);
        assert_eq!(
            canonical("turning to twenty twenty five twenty six we expect"),
            ["FY 2026"]
        );
        assert_eq!(canonical("in twenty twenty five sales rose"), ["2025"]);
        // A year's quarter without one takes the split year's second.
        assert_eq!(
            canonical("in 2024/25, the second quarter was the strongest"),
            ["FY 2025", "Q2 2025"]
        );
        assert_eq!(
            canonical("in FY 2024-25, the second quarter was the strongest"),
            ["FY 2025", "Q2 2025"]
        );
        // Two years that do not follow each other are no split year.
        assert_eq!(canonical("between 2019/23"), Vec::<String>::new());
    }

    #[test]
    fn a_title_that_names_a_span_dates_nothing() {
        assert_eq!(title_period("Samsung on the wires, April 2024 to July 2025", 12), None);
        assert_eq!(title_period("Tesco: trading from Q1–Q3 2024/25", 2), None);
        assert_eq!(
            title_period("Tesco's first half of 2024/25", 2).as_deref(),
            Some("H1 2025")
        );
        assert_eq!(
            title_period("Amazon Q4 2023 and full-year results", 12).as_deref(),
            Some("Q4 2023")
        );
        // A heading, too, even one whose quarters take their year from around it.
        assert_eq!(
            parse_heading_period("On the wires, April 2024 to July 2025", None, 12),
            None
        );
        assert_eq!(parse_heading_period("Q1 to Q3", Some("FY 2024"), 12), None);
        assert_eq!(
            parse_heading_period("Q3 results", Some("FY 2024"), 12).as_deref(),
            Some("Q3 2024")
        );
    }

    #[test]
    fn a_year_ended_on_a_day_written_first_is_a_full_year() {
        let canonical = |text: &str| canonicals(text, Anchor::default());
        assert_eq!(canonical("for the year ended 31 December 2024"), ["FY 2024"]);
        assert_eq!(canonical("in the financial year ended 22nd February 2025"), ["FY 2025"]);
        // A day's date alone names its quarter, whichever comes first.
        assert_eq!(canonical("net debt at 31 December 2024"), ["Q4 2024"]);
        assert_eq!(canonical("net debt at December 31, 2024"), ["Q4 2024"]);
    }

    #[test]
    fn a_streak_of_quarters_is_no_quarter() {
        let a = Anchor::of(Some("Q1 2025"));
        assert!(find_periods("growth by triple digits for the fourth quarter running", a).is_empty());
        assert!(find_periods("up for the third quarter in a row", a).is_empty());
        let hits = find_periods("in the fourth quarter, running costs fell", a);
        assert_eq!(hits.len(), 1, "a comma ends the quarter");
    }

    #[test]
    fn an_outlook_frames_its_paragraph() {
        let text = "Management raised the fiscal 2025 outlook for the third time.";
        let read = super::super::read(text, "USD");
        assert_eq!(
            outlook_period(text, read.as_ref(), Some("Q3 2025")).as_deref(),
            Some("FY 2025")
        );
        let with_figure = "The outlook for fiscal 2025 calls for growth of 4%.";
        let read = super::super::read(with_figure, "USD");
        assert_eq!(outlook_period(with_figure, read.as_ref(), Some("Q3 2025")), None);
    }

    #[test]
    fn quarters_without_a_year_take_the_anchor() {
        let a = Anchor::of(Some("Q1 2024"));
        let hits = find_periods("grew 13% in Q1 versus 12% in Q4", a);
        let got: Vec<_> = hits.iter().map(|h| (h.canonical.as_str(), h.comparison)).collect();
        assert_eq!(got, [("Q1 2024", false), ("Q4 2023", false)]);
        let hits = find_periods("accelerating from Q3 and since 2018", Anchor::of(Some("Q4 2023")));
        assert!(hits.iter().all(|h| h.comparison));
        assert_eq!(hits[0].canonical, "Q3 2023");
        let hits = find_periods("we will have a benefit in Q1", Anchor::of(Some("Q4 2023")));
        assert_eq!(hits[0].canonical, "Q1 2024");
        let hits = find_periods("since margins were low in Q1 of 2022 we improved", Anchor::default());
        assert!(hits[0].comparison);
    }

    #[test]
    fn months_after_a_dateline_are_the_last_of_their_names() {
        // A fiscal year that ends in March: July to September 2024 is the second quarter
        // of fiscal 2025, April to June 2025 the first of fiscal 2026.
        let march = Anchor::default().fiscal(3);
        let canonical = |text: &str| canonicals(text, march);
        assert_eq!(
            canonical("BENGALURU, Oct 17, 2024 — July-September profit"),
            ["Q3 2025", "Q2 2025"]
        );
        assert_eq!(
            canonical("BENGALURU, Jul 23, 2025 — profit for April-June"),
            ["Q2 2026", "Q1 2026"]
        );
        // A span after the date's month is last year's.
        let calendar = Anchor::default();
        let hits = find_periods("NEW YORK, Feb 3, 2025 — October-December sales", calendar);
        assert_eq!(hits[1].canonical, "Q4 2024");
    }

    #[test]
    fn a_whole_plain_form_parses_as_the_pattern_reads_it() {
        // `parse_period` reads a text that is one plain form without the pattern; what it
        // gives must be what the pattern's reading gives.
        let by_pattern = |t: &str| {
            find_periods(t, Anchor::default())
                .into_iter()
                .find(|h| !h.comparison)
                .map(|h| h.canonical)
        };
        for text in [
            "Q4 2023",
            "q1 2024",
            " Q3 2021 ",
            "FY2023",
            "FY 2021",
            "fiscal 2023",
            "Full-year 2018",
            "2023",
            "1999",
            "TTM",
            "trailing twelve months",
            "last year",
            "in the quarter",
            "Change",
            "Q4 2023 results",
        ] {
            assert_eq!(parse_period(text), by_pattern(text), "{text:?}");
        }
        assert_eq!(parse_period("Q4 2023").as_deref(), Some("Q4 2023"));
    }

    #[test]
    fn plain_forms_read_as_their_groups_do() {
        // Every match the shortcut reads must get the canonical form its groups give.
        let text = "Q4 2023, q1 2024 and 2022; Q3  2021, Q2 1850, Q4 2023 results, 1999, 2023-2024, \
                    FY2023, 4Q23, Q4'23, H1 2024, the fourth quarter of 2023 and 2021 Q3; full year 2019, \
                    Full-year 2018, fiscal 2023, Fiscal Year 2022, FY 2021, fy2020, FY'19, fiscal  2017; \
                    trailing twelve months, TTM, ltm, last 12 months, Trailing Twelve Month, the twelve months, \
                    trailing 12 months ended June 30, 2024, in the quarter, this  Quarter, during the quarter, \
                    last year, Last  Year";
        let mut read = 0;
        for m in PERIOD.with(|re| re.find_iter(text).collect::<Vec<_>>()) {
            let Some(plain) = Plain::of(m.as_str()) else { continue };
            read += 1;
            let caps = PERIOD.with(|re| re.captures_at(text, m.start())).expect("a match");
            let anchor = Anchor::of(Some("Q2 2024"));
            let grouped = canonical(&caps, anchor, &|| false);
            if plain == Plain::Year {
                assert!(group(&caps, G_YEAR).is_some(), "{}", m.as_str());
            }
            let shortcut = plain.canonical(m.as_str(), anchor);
            assert!(shortcut.is_some(), "{}", m.as_str());
            assert_eq!(grouped, shortcut, "{}", m.as_str());
        }
        assert!(read >= 21, "the text has plain forms to read ({read})");
        // A space that is not ASCII leaves the phrase to the groups, which read it alike.
        let hits = find_periods("sales in the\u{a0}quarter", Anchor::of(Some("Q2 2024")));
        assert_eq!(hits.first().map(|h| h.canonical.as_str()), Some("Q2 2024"));
    }
}
