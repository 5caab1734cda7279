//! Figures in prose: recognises the quantities of a sentence ("grew 13% year-over-year
//! to $24.2 billion") and attributes each claim to a subject, a metric and a period, as
//! the "Metric record" section of DESIGN.md defines. Pure functions over one sentence
//! at a time; no I/O and nothing from the rest of folio.
//!
//! ```text
//! sentence ─tokens─▶ Token* ─quantity (+ modifiers, numbers, counts)─▶ Qty*
//!          ─records─▶ Rec* (level or change; a level and its change joined)
//!          ─attribute (metric, subject), when (period)─▶ Found*
//! ```
//!
//! The phrases around the figures are found once per sentence: metric names
//! (`lexicon`), periods (`period`), and directions, bases, clause breaks and
//! comparisons (`cues`). Sentences with no digit and no number word return at once.

/// Declares a regular expression, compiled once for the process and searched through a
/// copy per thread (`NAME.with(|re| …)`). A `Regex` shared by threads keeps its search
/// caches in a pool whose fast path serves only the thread that searched it first: the
/// other threads of a build took a lock per search, and extraction makes about ten
/// searches per sentence. A copy shares the compiled program and has a pool of its own.
/// With one shared copy, the enrich stage of the 10,000-note benchmark took 1.52 s
/// against 1.43 s (medians of 5 alternated builds, `FOLIO_TIMINGS=1`).
macro_rules! pattern {
    ($(#[$doc:meta])* static $name:ident = $build:expr;) => {
        thread_local! {
            $(#[$doc])*
            static $name: regex::Regex = {
                static COMPILED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| $build);
                COMPILED.clone()
            };
        }
    };
}

mod attribute;
mod counts;
mod cues;
mod lexicon;
mod modifiers;
mod numbers;
mod outlook;
mod period;
mod plain;
mod quantity;
mod records;
mod sentences;
mod tokens;
mod when;

#[cfg(test)]
mod tests;

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub use attribute::{label_words, margin_of, names_all_of_a_business, qualified_sales};
pub use counts::{counted_noun, done_to};
pub use lexicon::{MetricKind, MetricNames};
pub use outlook::heading_looks_ahead;
pub use period::{
    Anchor, Frame, dateline, fiscal_year_of, frame_period, outlook_period, parse_fiscal_period, parse_heading_period,
    parse_period, title_period,
};
pub use plain::PlainText;
pub use records::is_growth_part;
pub use sentences::split_sentences;

use cues::{Basis, Breaks, Cues};
use lexicon::MetricHit;
use period::PeriodHit;
use quantity::{Qty, Unit};
use records::{Rec, Role};
use tokens::Token;

/// A topic mentioned in a sentence: its byte range in the sentence and the topic's title.
#[derive(Debug, Clone)]
pub struct SubjectMention {
    /// Byte range of the mention in the sentence.
    pub range: Range<usize>,
    /// The title of the topic mentioned.
    pub subject: String,
}

/// What surrounds a sentence: the defaults a figure falls back on.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// The subject of figures with no topic mention before them (site or note setting).
    pub default_subject: Option<String>,
    /// The topic named in the run-in heading of the sentence's paragraph ("**North
    /// America.** …"), else in the nearest heading above it, if any: the subject of
    /// figures that name none, before `default_subject`.
    pub heading_subject: Option<String>,
    /// The canonical period of the nearest heading above the sentence.
    pub heading_period: Option<String>,
    /// Whether the nearest heading above the sentence names a guide ("## 2025
    /// guidance"): a line under it that lists a figure ("Revenue: $43.5 billion to $44.5
    /// billion") is one (`outlook::listed`).
    pub heading_forecast: bool,
    /// Whether the nearest heading above the sentence says its rows or items are segments
    /// ("## Adjusted earnings by segment"): a row or item led by a topic named like a
    /// metric ("Marketing | 1,210") is that segment's, not the metric.
    pub heading_segments: bool,
    /// The canonical period of the note (front matter `period`, else its title).
    pub page_period: Option<String>,
    /// On a page about a metric (the "Capital expenditures" topic), its canonical label:
    /// the metric of figures that name none and whose unit fits it.
    pub page_metric: Option<String>,
    /// Metric phrases and their canonical labels.
    pub names: MetricNames,
    /// ISO code of amounts written without a currency ("170 billion in revenue"); USD if None.
    pub currency: Option<&'static str>,
}

/// An amount: in base units (`$24.2 billion` → 24200000000), with its unit
/// (ISO currency code, `%`, `bps`, `count`, `x`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quantity {
    /// The amount, or the lower bound of a range; negative for a loss.
    pub amount: f64,
    /// ISO currency code, `%`, `bps`, `count` or `x`.
    pub unit: &'static str,
    /// Written as an approximation or a bound ("about", "more than", "~").
    pub approx: bool,
    /// The upper bound of a range ("400 to 500 million").
    pub upper: Option<f64>,
}

/// A change of a metric: its size (never negative), unit, direction and basis. A range
/// of changes ("to grow 8% to 11%") keeps its lower bound here; the record's text has both.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    /// Size of the change, in base units of `unit`.
    pub amount: f64,
    /// ISO currency code, `%`, `bps`, `count` or `x`.
    pub unit: &'static str,
    /// "up" or "down".
    pub direction: &'static str,
    /// "YoY", "QoQ", or None when the text does not say.
    pub basis: Option<&'static str>,
}

/// One claim found in a sentence: a level, a change, or both.
#[derive(Debug, Clone)]
pub struct Found {
    /// Byte range in the sentence of the figure's text.
    pub range: Range<usize>,
    /// Topic title or the default subject.
    pub subject: Option<String>,
    /// Canonical lower-case metric label, None when unclear.
    pub metric: Option<String>,
    /// Whether the sentence names the metric; if not, `metric` is what a segment's lone
    /// figure or the page's metric suggests, and a table's column head says better.
    pub metric_named: bool,
    /// Canonical period ("Q4 2023", "FY 2023", "2023", "H1 2024", "TTM Q4 2023").
    pub period: Option<String>,
    /// The level stated.
    pub value: Option<Quantity>,
    /// The change stated.
    pub change: Option<Change>,
    /// Whether it looks ahead: guidance, an estimate, a target (`outlook`).
    pub forecast: bool,
}

pattern! {
    static NUMBER_WORD = {
        // A verb that multiplies is a figure too ("Cloud revenue doubled."): the words of
        // `counts::multiple`.
        let words = numbers::NUMBER_WORDS.join("|");
        let multiplies = "doubl(?:e|ed|ing)|tripl(?:e|ed|ing)|quadrupl(?:e|ed|ing)";
        Regex::new(&format!(r"(?i)(?-u:\b)(?:{words}|{multiplies})(?-u:\b)")).expect("number words pattern is valid")
    };
}

/// Everything found in one sentence, shared by the stages of `extract`.
struct Sentence<'s, 'n, 'm> {
    text: &'s str,
    toks: Vec<Token<'s>>,
    qtys: Vec<Qty>,
    metrics: Vec<MetricHit<'n>>,
    /// For each quantity, the index of the metric phrase it measures.
    metric: Vec<Option<usize>>,
    periods: Vec<PeriodHit>,
    /// Phrases of time that date nothing: a "trailing twelve months" with no quarter.
    undated: Vec<PeriodHit>,
    bases: Vec<Basis>,
    breaks: Breaks,
    /// Byte ranges that speak of earlier values ("compared with …").
    zones: Vec<(usize, usize)>,
    /// Where words say that what follows is the whole company's ("company-wide").
    whole: Vec<usize>,
    mentions: &'m [SubjectMention],
}

impl Sentence<'_, '_, '_> {
    fn in_basis(&self, at: usize) -> bool {
        self.bases.iter().any(|b| b.start <= at && at < b.end)
    }

    fn in_zone(&self, at: usize) -> bool {
        self.zones.iter().any(|&(a, b)| a <= at && at < b)
    }

    fn in_period(&self, at: usize) -> bool {
        let within = |p: &PeriodHit| p.start <= at && at < p.end;
        self.periods.iter().any(within) || (!self.undated.is_empty() && self.undated.iter().any(within))
    }

    /// Whether metric phrase `h` says what an amount is counted per ("per share", "a
    /// diluted share"): it belongs to the amount right before it.
    fn per_unit(&self, h: usize) -> bool {
        let phrase = &self.text[self.metrics[h].start..];
        phrase.starts_with("per ") || phrase.starts_with("a ")
    }

    fn in_mention(&self, at: usize) -> bool {
        self.mentions.iter().any(|m| m.range.start <= at && at < m.range.end)
    }

    /// Whether byte `at` is in one of the sentence's quantities.
    fn in_figure(&self, at: usize) -> bool {
        self.qtys.iter().any(|q| q.start <= at && at < q.end)
    }

    /// Whether quantity `q` is a share, a percentage of a whole named after it ("60% of
    /// capex", "20% of the units"): a level, and not the named metric's own.
    fn share(&self, q: &Qty) -> bool {
        q.unit == Unit::Percent && self.toks.get(q.next).is_some_and(|t| t.is("of"))
    }

    /// A basis phrase within a few tokens after quantity `k`, none other between.
    fn basis_after(&self, k: usize) -> Option<&Basis> {
        let q = &self.qtys[k];
        let limit = self.toks.get(q.next + 4).map_or(usize::MAX, |t| t.start);
        let next_qty = self.qtys.get(k + 1).map_or(usize::MAX, |n| n.start);
        self.bases
            .iter()
            .find(|b| b.start >= q.end && b.start <= limit && b.start < next_qty)
    }
}

/// Whether the topic named at `range` of `text` is named only to be left out ("Revenue
/// outside North America", "ex-US"): the rule that keeps it from being a sentence's
/// subject, for a heading's text.
pub fn named_to_exclude(text: &str, range: Range<usize>) -> bool {
    left_out(text)(range)
}

/// `named_to_exclude` for any number of ranges of one `text`, read once.
pub fn left_out(text: &str) -> impl Fn(Range<usize>) -> bool + '_ {
    let toks = tokens::tokenize(text);
    move |range| attribute::excluded_in(&toks, range.start, range.end)
}

/// All figures of one sentence. `mentions` are the topic mentions the caller found in
/// this sentence.
pub fn extract(sentence: &str, mentions: &[SubjectMention], scope: &Scope) -> Vec<Found> {
    // Read as its plain text, if it has typographic variants; its ranges are the
    // sentence's as written.
    let Some(plain) = PlainText::of(sentence) else {
        return extract_plain(sentence, mentions, scope);
    };
    let mentions: Vec<SubjectMention> = mentions
        .iter()
        .map(|m| SubjectMention {
            range: plain.plain(m.range.clone()),
            subject: m.subject.clone(),
        })
        .collect();
    let mut found = extract_plain(plain.text(), &mentions, scope);
    for f in &mut found {
        f.range = plain.written(f.range.clone());
    }
    found
}

/// All figures of one sentence without typographic variants (`PlainText`).
fn extract_plain(sentence: &str, mentions: &[SubjectMention], scope: &Scope) -> Vec<Found> {
    let Some(read) = read(sentence, scope.currency.unwrap_or("USD")) else {
        return Vec::new();
    };
    let around = scope.heading_period.as_deref().or(scope.page_period.as_deref());
    read.read_phrases(&scope.names, Anchor::of(around))
        .figures(mentions, scope)
}

/// A sentence read in the steps of `extract`, for a caller that takes many sentences
/// through each step together: its tokens and quantities (`read`), the phrases around
/// them (`Read::read_phrases`: metric names, periods, cues), the metric phrase each
/// quantity measures (`Phrased::measured`), and its figures (`Measured::figures`). Each
/// step runs a large body of code; a page's sentences taken through one step after
/// another keep that code in the processor's instruction cache, where one sentence at a
/// time through all of them evicted it at every step.
pub struct Read<'s> {
    text: &'s str,
    toks: Vec<Token<'s>>,
    qtys: Vec<Qty>,
}

/// A sentence read with the phrases that say what its figures are.
pub struct Phrased<'s, 'n> {
    read: Read<'s>,
    names: &'n MetricNames,
    metrics: Vec<MetricHit<'n>>,
    periods: Vec<PeriodHit>,
    /// Phrases of time that date nothing (`period::read_periods`).
    undated: Vec<PeriodHit>,
    cues: Cues,
}

/// The tokens and quantities of `sentence`, in a site whose currency is `site` (the one
/// "pounds" or "won" after an amount may name); None for a sentence with no quantity (most
/// without a digit or a number word are refused before they are tokenised).
pub fn read<'s>(sentence: &'s str, site: &str) -> Option<Read<'s>> {
    let has_digit = crate::bytes::find(sentence.as_bytes(), |b| b.is_ascii_digit()).is_some();
    if !has_digit && !NUMBER_WORD.with(|re| re.is_match(sentence)) {
        return None;
    }
    let toks = tokens::tokenize(sentence);
    let mut qtys = quantity::scan(&toks, site);
    drop_tolerances(&toks, &mut qtys);
    drop_units_of_exchange(&toks, &mut qtys);
    drop_whole_shares(&toks, &mut qtys);
    (!qtys.is_empty()).then_some(Read {
        text: sentence,
        toks,
        qtys,
    })
}

/// The one period `periods` state: every phrase of time among them that is no point of
/// comparison, labels no part of the sentence and is no day's date (a story's dateline,
/// "NEW YORK, February 3, 2025") names the same period.
fn own_period_of(periods: &[PeriodHit]) -> Option<&str> {
    let mut own = (periods.iter()).filter(|p| !p.comparison && p.labels.is_none() && !p.date);
    let first = own.next()?;
    own.all(|p| p.canonical == first.canonical)
        .then_some(first.canonical.as_str())
}

/// The one period a sentence without figures states, if it is one a business reports on
/// (a quarter, a half, a fiscal year, twelve months; not a bare year) and has its year:
/// "ASML published its third-quarter 2024 results a day early." Read only in sentences
/// with a digit.
pub fn stated_period(sentence: &str) -> Option<String> {
    if !sentence.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (periods, _) = period::read_periods(sentence, Anchor::default());
    reported_of(&periods).map(str::to_string)
}

/// The one period `periods` state, if a business reports on it: not a bare year, which
/// is more often when something happened ("A work assistant launched at re:Invent 2023.").
fn reported_of(periods: &[PeriodHit]) -> Option<&str> {
    own_period_of(periods).filter(|p| !p.starts_with(|c: char| c.is_ascii_digit()))
}

/// "revenue of $37.5 billion, plus or minus 2%": the margin a guide is given with is no
/// figure of its own; it makes the figure before it approximate. Read from the tokens
/// before each quantity (or its own first, where a sign was taken into it): "plus or
/// minus", "+/-", "±".
fn drop_tolerances(toks: &[Token], qtys: &mut Vec<Qty>) {
    let tolerance = |q: &Qty| {
        // The words before the number, last first, counting its own first token when it
        // is the "minus", "-" or "±" the scanner took as its sign.
        let own = &toks[q.first];
        let signed = own.is("minus") || own.is("-") || own.is("±");
        let end = if signed { q.first + 1 } else { q.first };
        let word = |back: usize| end.checked_sub(back).map(|k| &toks[k]);
        let is = |back: usize, w: &str| word(back).is_some_and(|t| t.is(w));
        is(1, "±") || (is(1, "minus") && is(2, "or") && is(3, "plus")) || (is(1, "-") && is(2, "/") && is(3, "+"))
    };
    if !qtys.iter().any(tolerance) {
        return;
    }
    let mut kept: Vec<Qty> = Vec::with_capacity(qtys.len());
    for q in qtys.drain(..) {
        if tolerance(&q) {
            if let Some(before) = kept.last_mut() {
                before.approx = true;
            }
        } else {
            kept.push(q);
        }
    }
    *qtys = kept;
}

/// The months by name, as a month's revenue or a change's base is said ("October
/// revenue", "from September").
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

/// Whether a month's name, alone, is the word before byte `at` ("October revenue"; not
/// "January-March revenue").
fn month_before(s: &Sentence, at: usize) -> bool {
    let k = s.toks.partition_point(|t| t.start < at);
    let Some(month) = k.checked_sub(1).map(|m| &s.toks[m]) else {
        return false;
    };
    month.is_any(MONTHS)
        && !k
            .checked_sub(2)
            .is_some_and(|m| s.toks[m].is_any(&["-", "–", "through", "to"]))
}

/// "on a 100% basis": the share of an asset its figures are counted at, no figure.
fn drop_whole_shares(toks: &[Token], qtys: &mut Vec<Qty>) {
    qtys.retain(|q| !(q.unit == Unit::Percent && q.amount == 100.0 && toks.get(q.next).is_some_and(|t| t.is("basis"))));
}

/// "an exchange rate assumption of 1 US dollar to 32.5 NT dollars": the one unit a rate
/// is given for is no figure; the rate after it is (`exchange_rate`).
fn drop_units_of_exchange(toks: &[Token], qtys: &mut Vec<Qty>) {
    let unit_of_exchange = |k: usize| {
        let (q, next) = (&qtys[k], qtys.get(k + 1));
        q.amount == 1.0
            && matches!(q.unit, Unit::Currency(_))
            && toks.get(q.next).is_some_and(|t| t.is_any(&["to", "="]))
            && next.is_some_and(|n| n.first == q.next + 1 && matches!(n.unit, Unit::Currency(_)) && n.unit != q.unit)
    };
    let drop: Vec<usize> = (0..qtys.len()).filter(|&k| unit_of_exchange(k)).collect();
    for k in drop.into_iter().rev() {
        qtys.remove(k);
    }
}

impl<'s> Read<'s> {
    /// The metric names (`names`), the periods (dated by `around`, the year and quarter
    /// of the heading or page the sentence is in: `Anchor::of` that period) and the cues
    /// of the sentence.
    pub fn read_phrases<'n>(self, names: &'n MetricNames, around: Anchor) -> Phrased<'s, 'n> {
        let (periods, undated) = period::read_periods(self.text, around);
        Phrased {
            names,
            metrics: names.find(self.text),
            periods,
            undated,
            cues: Cues::of(self.text),
            read: self,
        }
    }
}

impl<'s, 'n> Phrased<'s, 'n> {
    /// The one period the sentence states, if a business reports on it (`reported_of`).
    pub fn stated_period(&self) -> Option<&str> {
        reported_of(&self.periods)
    }

    /// The first quarter, half or fiscal year the sentence names with its year as one of
    /// its own (no point of comparison, no label, no day's date).
    pub fn reported_period(&self) -> Option<&str> {
        (self.periods.iter())
            .find(|p| !p.comparison && p.labels.is_none() && !p.date && p.canonical.starts_with(['Q', 'H', 'F']))
            .map(|p| p.canonical.as_str())
    }

    /// The figures of the sentence. `mentions` are the topic mentions the caller found in
    /// this sentence.
    pub fn figures(self, mentions: &[SubjectMention], scope: &Scope) -> Vec<Found> {
        (self.measured(mentions, scope)).map_or_else(Vec::new, |m| m.figures(scope))
    }

    /// The sentence's quantities with the metric phrase each measures; None if no
    /// quantity is left outside its period phrases. `default_subject` is the subject of
    /// figures that name none (a company's own name is no line of its business).
    pub fn measured<'m>(self, mentions: &'m [SubjectMention], scope: &Scope) -> Option<Measured<'s, 'n, 'm>> {
        let default_subject = scope.default_subject.as_deref();
        let Phrased {
            read: Read { text, toks, qtys },
            names,
            metrics,
            periods,
            undated,
            cues:
                Cues {
                    bases,
                    breaks,
                    zones,
                    whole,
                },
        } = self;
        let mut s = Sentence {
            text,
            toks,
            qtys,
            metrics: names_outside(metrics, names, text, mentions, scope.heading_segments),
            metric: Vec::new(),
            periods,
            undated,
            bases,
            breaks,
            zones,
            whole,
            mentions,
        };
        attribute::name_lines_of_business(&mut s, default_subject);
        attribute::leave_out_what_is_excluded(&mut s);
        attribute::dividends_per_share(&mut s);
        event_years(&mut s);
        // Digits inside a period phrase ("Q3'25", "3Q24", "June 30, 2025") are part of it.
        let (periods, undated) = (&s.periods, &s.undated);
        let within = |q: &Qty, p: &PeriodHit| p.start <= q.start && q.start < p.end;
        s.qtys
            .retain(|q| !periods.iter().any(|p| within(q, p)) && !undated.iter().any(|p| within(q, p)));
        if s.qtys.is_empty() {
            return None;
        }
        s.metric = attribute::metrics_of(&s);
        // Amounts whose unit the words around them decide ("170 billion in revenue"): once
        // decided, the metrics are read again, as they depend on the units.
        if s.qtys.iter().any(|q| q.unit == Unit::Pending) {
            records::resolve_units(&mut s);
            if s.qtys.is_empty() {
                return None;
            }
            s.metric = attribute::metrics_of(&s);
        }
        Some(Measured(s))
    }
}

/// "after its 2023 shutdown", "the 2019 deal": a bare year between a determiner and the
/// thing it says when of dates that thing, not the sentence's figures. It dates nothing
/// (`undated`), unless the word after it is a metric or names what is reported ("the
/// 2023 revenue", "its 2025 guidance", "the 2024 results").
fn event_years(s: &mut Sentence) {
    const BEFORE: &[&str] = &["its", "their", "our", "his", "her", "the", "a", "an", "whose"];
    const REPORTED: &[&str] = &[
        "results",
        "result",
        "figure",
        "figures",
        "numbers",
        "number",
        "level",
        "levels",
        "total",
        "totals",
        "full",
        "fiscal",
        "financial",
        "first",
        "second",
        "third",
        "fourth",
        "quarter",
        "half",
        "year",
        "annual",
        "guidance",
        "outlook",
        "forecast",
        "forecasts",
        "plan",
        "plans",
        "target",
        "targets",
        "budget",
        "estimate",
        "estimates",
        "consensus",
        "average",
        "peak",
        "high",
        "low",
        "run",
    ];
    let text = s.text;
    let event = |p: &PeriodHit| {
        let said = &text[p.start..p.end];
        if p.comparison || p.labels.is_some() || said.len() != 4 || !said.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let before = text[..p.start].trim_end();
        let word_before = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let after = &text[p.end..];
        let lead = after.len() - after.trim_start().len();
        if lead == 0 {
            return false;
        }
        let word_after = after[lead..]
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let at = p.end + lead;
        BEFORE.iter().any(|w| word_before.eq_ignore_ascii_case(w))
            && !word_after.is_empty()
            && word_after.bytes().all(|b| b.is_ascii_lowercase())
            && !REPORTED.contains(&word_after)
            && !s.metrics.iter().any(|h| h.start == at)
    };
    s.undated.extend(s.periods.extract_if(.., |p| event(p)));
}

/// A sentence whose quantities know the metric phrases they measure: the last step of
/// reading (`Measured::figures`) makes them claims.
pub struct Measured<'s, 'n, 'm>(Sentence<'s, 'n, 'm>);

impl Measured<'_, '_, '_> {
    /// Where the sentence's first quantity starts (its length when it has none).
    pub fn first_quantity(&self) -> usize {
        self.0.qtys.first().map_or(self.0.text.len(), |q| q.start)
    }

    /// The tokens before the sentence's first figure.
    fn before_first_figure(&self) -> &[Token<'_>] {
        let s = &self.0;
        let first = s.qtys.first().map_or(usize::MAX, |q| q.start);
        &s.toks[..s.toks.partition_point(|t| t.start < first)]
    }

    /// True when the sentence, before its first figure, speaks of something named before
    /// it: "it", "its", or "the unit", "the segment", "the business", "the service", "the
    /// division" (and their possessives).
    pub fn refers_back(&self) -> bool {
        const PRONOUNS: [&str; 4] = ["it", "its", "it's", "it’s"];
        let before = self.before_first_figure();
        // "The company kept its 2025 sales forecast": "its" after the company is the
        // company's.
        let company = |w: &[Token]| w[0].is("the") && w[1].is_any(&["company", "group", "firm", "bank", "corporation"]);
        let pronoun = before.iter().position(|t| t.is_word() && t.is_any(&PRONOUNS));
        pronoun.is_some_and(|p| !before[..p].windows(2).any(company))
            || the_noun(before, &["unit", "segment", "business", "service", "division"])
    }

    /// True when the sentence, before its first figure, speaks of a segment named before
    /// it: "the segment", "the unit", "the division" (and their possessives), or
    /// "segment" right before a metric's name ("Segment revenue was $2.15 billion").
    pub fn refers_to_a_segment(&self) -> bool {
        let before = self.before_first_figure();
        let names_metric = |t: &Token| (self.0.metrics.iter()).any(|h| (t.start..=t.end + 1).contains(&h.start));
        the_noun(before, &["segment", "unit", "division"]) || before.iter().any(|t| t.is("segment") && names_metric(t))
    }

    /// The one period the sentence states as its own (`own_period_of`), if any.
    pub fn own_period(&self) -> Option<&str> {
        own_period_of(&self.0.periods)
    }

    /// True when the sentence names any period, its own or a point of comparison.
    pub fn names_a_period(&self) -> bool {
        !self.0.periods.is_empty() || !self.0.undated.is_empty()
    }

    /// True when the figures of the sentence that name no period of their own may take an
    /// earlier sentence's: it has no span that has no period form ("year to date") and
    /// does not speak of the present ("today", "now", "currently").
    pub fn takes_an_earlier_period(&self) -> bool {
        let s = &self.0;
        s.undated.is_empty()
            && !s
                .toks
                .iter()
                .any(|t| t.is_word() && t.is_any(&["today", "now", "currently", "presently"]))
    }

    /// The figures of the sentence: its quantities grouped into claims, each attributed.
    pub fn figures(&self, scope: &Scope) -> Vec<Found> {
        let s = &self.0;
        let roles = records::roles(s);
        let recs = records::group(s, &roles);
        let owners = when::period_owners(s, &roles);
        let cands = attribute::candidates(s, scope.default_subject.as_deref());
        let mut out: Vec<Found> = (recs.iter())
            .map(|rec| found(s, rec, &roles, &owners, &cands, scope))
            .collect();
        second_changes(s, &mut out);
        gaap_then_non_gaap(s, &mut out);
        net_additions_as_levels(s, &recs, &mut out);
        out
    }
}

/// True when `toks` have "the" before one of `nouns` or its possessive ("the unit's").
fn the_noun(toks: &[Token], nouns: &[&str]) -> bool {
    let noun = |t: &Token| {
        let text = t.text;
        let word = (text.strip_suffix("'s").or_else(|| text.strip_suffix("’s"))).unwrap_or(text);
        nouns.iter().any(|n| word.eq_ignore_ascii_case(n))
    };
    // "the unit's", and with one word in lower case between: "the cloud unit's".
    let modifier = |t: &Token| t.is_word() && t.text.starts_with(|c: char| c.is_ascii_lowercase());
    toks.iter().enumerate().any(|(k, t)| {
        t.is("the")
            && (toks.get(k + 1).is_some_and(noun)
                || (toks.get(k + 1).is_some_and(modifier) && toks.get(k + 2).is_some_and(noun)))
    })
}

/// "$3.0 billion, down 3% sequentially but up 52% year on year", "$26.3 billion (+16%,
/// +154%)": a change that stands alone right after a level's change, a few words on and
/// with no metric phrase between, is a second change of the same metric.
fn second_changes(s: &Sentence, out: &mut [Found]) {
    for i in 1..out.len() {
        let (before, this) = (&out[i - 1], &out[i]);
        if this.value.is_some() || this.change.is_none() || this.metric.is_some() {
            continue;
        }
        if before.value.is_none()
            || before.change.is_none()
            || before.metric.is_none()
            || before.subject != this.subject
        {
            continue;
        }
        let (from, to) = (before.range.end, this.range.start);
        let words = s.toks.partition_point(|t| t.end <= to) - s.toks.partition_point(|t| t.start < from);
        let near = from <= to
            && words <= 4
            && !s.text[from..to].bytes().any(|b| b.is_ascii_digit())
            && !s.metrics.iter().any(|h| h.start < to && from < h.end);
        if near {
            out[i].metric = out[i - 1].metric.clone();
            out[i].metric_named = out[i - 1].metric_named;
        }
    }
}

/// "GAAP and non-GAAP gross margins are expected to be 70.6% and 71.0%, respectively":
/// of the two figures of one non-GAAP label, the first is the GAAP one.
fn gaap_then_non_gaap(s: &Sentence, out: &mut [Found]) {
    const PREFIX: &str = "non-gaap ";
    let non_gaap = |f: &Found| f.value.is_some() && f.metric.as_deref().is_some_and(|m| m.starts_with(PREFIX));
    if !out.iter().any(non_gaap) {
        return;
    }
    let lower = s.text.to_ascii_lowercase();
    if !lower.contains("respectively") || !lower.contains("gaap and non-gaap") {
        return;
    }
    for i in 0..out.len() {
        if !non_gaap(&out[i]) {
            continue;
        }
        let same: Vec<usize> = (i..out.len())
            .filter(|&j| non_gaap(&out[j]) && out[j].metric == out[i].metric)
            .collect();
        if same.len() == 2 {
            let plain = out[i].metric.as_deref().map(|m| m[PREFIX.len()..].to_string());
            out[i].metric = plain;
        }
    }
}

/// The metric phrases that are not part of a longer topic name: the "market" of "Whole
/// Foods Market" names no market size, and a topic named so is still a subject. (The
/// "ads" of "ads business", an alias of Advertising, stays: its label is the topic's
/// own metric, "advertising revenue".)
/// Under a heading of segments (`segments`), the topic that labels a row or a list item
/// ("Marketing | 1,210", "Marketing: $4.61 billion") is the segment, even named like a
/// metric: its name is no metric phrase there.
fn names_outside<'n>(
    hits: Vec<MetricHit<'n>>,
    names: &'n MetricNames,
    text: &str,
    mentions: &[SubjectMention],
    segments: bool,
) -> Vec<MetricHit<'n>> {
    let labels = |m: &SubjectMention| {
        segments
            && m.range.start <= 2
            && text
                .get(m.range.end..)
                .is_some_and(|rest| rest.trim_start().starts_with(['|', ':']))
    };
    let mut out = Vec::with_capacity(hits.len());
    for h in hits {
        // "Wireless Service revenue", of a topic named "Wireless Service": "service
        // revenue" begins inside the topic's name and runs out of it. The topic's revenue
        // is meant: what is named after the topic's name is the phrase.
        if let Some(m) =
            (mentions.iter()).find(|m| m.range.start < h.start && h.start < m.range.end && m.range.end < h.end)
        {
            let rest = m.range.end..h.end;
            out.extend(names.find(&text[rest.clone()]).into_iter().map(|mut r| {
                r.start += rest.start;
                r.end += rest.start;
                r
            }));
            continue;
        }
        let named = mentions.iter().any(|m| {
            let inside = m.range.start <= h.start && h.end <= m.range.end;
            let leads = h.end - h.start == m.range.len() && labels(m);
            inside && (h.end - h.start < m.range.len() || leads) && !attribute::qualifies(h.label, &m.subject)
        });
        if !named {
            out.push(h);
        }
    }
    out
}

fn found(
    s: &Sentence,
    rec: &Rec,
    roles: &[Role],
    owners: &[Option<usize>],
    cands: &[attribute::Candidate],
    scope: &Scope,
) -> Found {
    let currency = scope.currency.unwrap_or("USD");
    let unit = |q: &Qty| match q.unit {
        Unit::Currency("") => currency,
        u => u.label(),
    };
    // How a growth rate moved names no metric, by itself or through the segment or page.
    let rate = attribute::rate_moved(s, rec, roles);
    let (mut label, negates) = if rate {
        (None, false)
    } else {
        attribute::record_metric(s, rec, scope.default_subject.as_deref())
    };
    // An earlier value said before any metric is the earlier value of the level after it:
    // that level's metric and subject.
    let compared = if label.is_none() && !rate {
        compared_level(s, rec, roles)
    } else {
        None
    };
    if let Some((_, metric)) = &compared {
        label = Some(metric.clone());
    }
    let (mut subject, by) = match compared {
        Some((level, _)) => attribute::subject_of(s, cands, &Rec::level(s, level), label.as_deref(), scope),
        None => attribute::subject_of(s, cands, rec, label.as_deref(), scope),
    };
    let mut metric = label.map(|l| match &subject {
        Some(subj) if attribute::qualifies(&l, subj) => l[subj.len() + 1..].to_string(),
        // A product line's system sales ("EUV system sales of €8.3 billion") are its
        // revenue; only the company's are a part of its revenue.
        Some(subj) if l == "system sales" && scope.default_subject.as_deref() != Some(subj.as_str()) => {
            "revenue".to_string()
        }
        _ => l,
    });
    if metric.is_none() && !rate {
        metric = named_by_the_words(s, rec, roles).map(str::to_string);
    }
    // "Consumer postpaid phone net additions": the line named after the segment is a part
    // of what the segment's figure measures, unless the metric's own name says it.
    if let Some(m) = &metric
        && let Some((from, to)) = by.and_then(|c| c.part)
        && !s.metrics.iter().any(|h| h.start < to && from < h.end)
    {
        let part = attribute::label_words(&s.text[from..to]);
        if !m.starts_with(&part) {
            metric = Some(format!("{part} {m}"));
        }
    }
    // "an EBIT loss of $5.1 billion on revenue of $3.9 billion (2023: a loss of $4.7
    // billion)": an amount written as a loss is no revenue; it is the loss of the measure
    // of profit named before it.
    if metric
        .as_deref()
        .is_some_and(|m| m == "revenue" || m.ends_with(" revenue"))
        && let Some(v) = rec.value
        && attribute::written_as_loss(s, &s.qtys[v])
        && let Some(profit) = attribute::profit_named_before(s, s.qtys[v].start)
    {
        metric = Some(profit.to_string());
    }
    // "beating the 47 cents analysts had expected" after "adjusted earnings of 49 cents a
    // share": earnings of a few dollars or cents, not in millions or billions, are per
    // share.
    if let Some(m) = (metric.as_deref()).and_then(|m| m.strip_suffix("net income").or(m.strip_suffix("earnings")))
        && let Some(v) = rec.value
        && matches!(s.qtys[v].unit, Unit::Currency(_))
        && !s.qtys[v].scaled
        && s.qtys[v].amount.abs() < 100.0
    {
        metric = Some(format!("{m}eps"));
    }
    let metric_named = metric.is_some();
    if metric.is_none()
        && !rate
        && by.is_some_and(|c| c.subject.is_some() && attribute::segment_figure(s, rec, roles, c))
    {
        // A segment's loss or profit is its operating income.
        let result = rec.value.is_some_and(|v| {
            let q = &s.qtys[v];
            attribute::written_as_loss(s, q) || attribute::written_as_profit(s, q)
        });
        // So is it where the sentence names another measure of profit before it ("Ford
        // Pro earned EBIT of $1.6 billion, Ford Blue earned $1.7 billion").
        let profit = || {
            let at = s.qtys[rec.primary()].start;
            attribute::profit_named_before(s, at).unwrap_or("operating income")
        };
        metric = Some(if result { profit() } else { "revenue" }.to_string());
    }
    // The company's own profit, said in words ("profit at the bank rose 6% to $13.4
    // billion", "the company earned $14.0 billion"), is its net income: a segment's is
    // its operating income (above).
    let profit_in_clause = || {
        let before = &s.toks[..s.toks.partition_point(|t| t.end <= rec.start)];
        (before.iter().rev())
            .take_while(|t| !s.breaks.any_between(t.end, rec.start))
            .any(|t| t.is_any(&["profit", "profits"]))
    };
    if metric.is_none()
        && !rate
        && by.is_none_or(|c| c.subject.is_none())
        && rec.value.is_some_and(|v| {
            matches!(s.qtys[v].unit, Unit::Currency(_))
                && !records::is_booked_gain(s, &s.qtys[v])
                && (attribute::written_as_profit(s, &s.qtys[v]) || profit_in_clause())
        })
    {
        metric = Some("net income".to_string());
    }
    if metric.is_none() && !rate {
        metric = attribute::page_metric(s, rec, roles, scope);
    }
    // "October revenue rose 29.2% from September": a month's revenue, which no quarter's
    // series or conflict is to take for its own ("January-March revenue" is a quarter's).
    if metric.as_deref() == Some("revenue")
        && let Some(h) = s.metric.get(rec.primary()).copied().flatten()
        && month_before(s, s.metrics[h].start)
    {
        metric = Some("monthly revenue".to_string());
    }
    // "The stock … yields 0.5%": a share price is money; a percentage is how it moved
    // (a change), never its level.
    if metric.as_deref() == Some("share price")
        && rec
            .value
            .is_some_and(|v| matches!(s.qtys[v].unit, Unit::Percent | Unit::Bps))
    {
        metric = None;
    }
    // "revenue outside the U.S. rose 13% to $3.62 billion" is not all of the company's
    // revenue, nor is "NII ex. Markets": a false conflict with it, and a wrong point in
    // its series, if it were.
    // A count says what it counts ("more than 20 countries" outside North America).
    if let Some(m) = &metric
        && s.qtys[rec.primary()].unit != Unit::Count
        && let Some(left_out) = attribute::outside_of(s, cands, rec)
    {
        metric = Some(left_out.label(m));
    }
    // Whose figure the words say it is, whatever the sentence is about: the business a
    // price was paid for ("Zoox, which Amazon bought for $1.2 billion"), the product a
    // count counts ("500 million Alexa devices").
    if let Some(named) = named_in_figure(s, rec, metric.as_deref()) {
        subject = Some(named);
    }
    // "25 times earnings" is a price-to-earnings multiple, whatever "earnings" names.
    if let Some(label) = rec.value.and_then(|v| s.qtys[v].valuation) {
        metric = Some(label.to_string());
    }
    // A dividend of a few dollars, with no scale word ("the dividend, which is now a dollar
    // twenty five", "raised the annual dividend by 13% to 94 cents"), is paid per share.
    if metric.as_deref() == Some("dividends")
        && rec.value.is_some_and(|v| {
            let q = &s.qtys[v];
            matches!(q.unit, Unit::Currency(_)) && !q.scaled && q.amount < 1000.0
        })
    {
        metric = Some("dividend per share".to_string());
    }
    if rec.value.is_some_and(|v| quoted_price(s, &s.qtys[v])) {
        metric = Some("share price".to_string());
    }
    // "an interim dividend of ¥40 per share and a year-end dividend of ¥50": each kind of
    // dividend is a measure of its own, not set against the other or the year's total.
    if let Some(m) = metric
        .as_deref()
        .filter(|m| matches!(*m, "dividend per share" | "dividends"))
        && let first = rec.change.into_iter().chain(rec.value).min().unwrap_or_default()
        && let Some(kind) = dividend_kind(s, &s.qtys[first])
    {
        metric = Some(format!("{kind} {m}"));
    }
    if let Some(label) = rec.value.and_then(|v| exchange_rate(s, &s.qtys[v])) {
        metric = Some(label);
    }
    if let Some(m) = &metric
        && in_the_us(s, rec)
    {
        metric = Some(format!("us {m}"));
    }
    if let Some(m) = metric.as_deref()
        && rec.value.is_some_and(|v| as_if_without(s, &s.qtys[v]))
        && !["adjusted", "non-gaap", "core"].iter().any(|q| m.starts_with(q))
    {
        metric = Some(format!("adjusted {m}"));
    }
    if let Some(label) = rec.value.and_then(|v| repurchase_authorization(s, &s.qtys[v])) {
        metric = Some(label.to_string());
    }
    if metric.as_deref() == Some("market size") {
        subject = None; // the size of a market is nobody's figure
    }
    let value = rec.value.map(|v| quantity(s, &s.qtys[v], negates, &unit));
    let earlier_rate = when::earlier_rate(s, rec, roles);
    let period = when::period_of(s, owners, rec, roles, scope, earlier_rate);
    let change = rec.change.map(|c| {
        let mut change = change(s, roles, c, &unit, period.as_deref());
        // Last year's rate is not measured against a year earlier: it is of then.
        if earlier_rate && change.basis == Some("YoY") {
            change.basis = None;
        }
        // Points move a ratio (a margin, a share) in basis points; points of another
        // measure's growth are percent of it ("an 8-point currency headwind" to EPS).
        let kind = |m: &str| (scope.names.whole(m).map(|e| e.kind)).or_else(|| scope.names.first_kind(m));
        if let Some(m) = metric.as_deref()
            && quantity::in_bare_points(&s.toks, &s.qtys[c])
            && kind(m).is_some_and(|k| k != lexicon::MetricKind::Ratio)
        {
            change.amount = decimal(change.amount / 100.0);
            change.unit = "%";
        }
        change
    });
    Found {
        range: rec.start..rec.end,
        subject,
        metric,
        metric_named,
        period,
        value,
        change,
        forecast: outlook::forecast(s, rec, roles) || (scope.heading_forecast && outlook::listed(s, rec)),
    }
}

/// "Compared with the $7.2 billion it earned a year before, AWS's operating income of
/// $10.6 billion …": an earlier value said before any metric is the earlier value of the
/// first current level after it in its unit, whose metric is named before it. Returns
/// that level (a quantity) and its metric.
fn compared_level(s: &Sentence, rec: &Rec, roles: &[Role]) -> Option<(usize, String)> {
    let v = rec.value.filter(|&v| roles[v] == Role::From)?;
    let q = &s.qtys[v];
    if s.metrics.iter().any(|h| h.end <= q.start) {
        return None;
    }
    let level = (v + 1..s.qtys.len()).find(|&k| roles[k] != Role::From && s.qtys[k].unit == q.unit)?;
    let h = &s.metrics[s.metric[level]?];
    (h.start < s.qtys[level].start).then(|| (level, h.label.to_string()))
}

/// The metric the words around a figure name where no metric phrase does: a price a
/// month ("$14.99 a month"), the price of a business ("bought in 2020 for $1.2
/// billion"), money put into something ("put $8 billion into Anthropic"), money spent on
/// its own shares ("repurchased $6.3 billion of stock"), how the shares moved ("Amazon
/// shares dropped 9%", "its shares rose 3.5% to $135.58").
fn named_by_the_words(s: &Sentence, rec: &Rec, roles: &[Role]) -> Option<&'static str> {
    let moved = |c: usize| s.qtys[c].unit == Unit::Percent && shares_moved(s, roles[c]);
    if let Some(v) = rec.value {
        let q = &s.qtys[v];
        // The price a move of the shares took them to: a currency amount with no scale word.
        let price = matches!(q.unit, Unit::Currency(_)) && !q.scaled && rec.change.is_some_and(moved);
        return if price {
            Some("share price")
        } else if price_per_period(s, q) {
            Some("subscription price")
        } else if price_per_unit(s, q) {
            Some("price")
        } else if paid_for_a_business(s, q) {
            Some("acquisition price")
        } else if put_into(s, q) {
            Some("investment")
        } else if bought_back(s, q) {
            Some("share repurchases")
        } else {
            None
        };
    }
    rec.change.filter(|&c| moved(c)).map(|_| "share price")
}

/// "$78.71 a barrel", "$150/t", "$1,950 per ounce": the price of one of a commodity's
/// units, never a segment's revenue. (A share's price and a subscription's have rules of
/// their own.)
fn price_per_unit(s: &Sentence, q: &Qty) -> bool {
    const UNITS: &[&str] = &[
        "barrel", "bbl", "boe", "tonne", "ton", "t", "gallon", "ounce", "oz", "pound", "lb", "mwh", "kwh", "mmbtu",
        "mcf", "therm", "bushel", "kilogram", "kg", "litre", "liter",
    ];
    priced_per(s, q, UNITS)
}

/// An amount of money with no scale word said "a", "per" or "/" one of `units` right
/// after it ("$14.99 a month", "$78.71 a barrel", "$146/t").
fn priced_per(s: &Sentence, q: &Qty, units: &[&str]) -> bool {
    let at = |k: usize, words: &[&str]| s.toks.get(q.next + k).is_some_and(|t| t.is_any(words));
    matches!(q.unit, Unit::Currency(_)) && !q.scaled && at(0, &["a", "per", "/"]) && at(1, units)
}

/// The topic a figure's own words name as its owner: for an acquisition price, the
/// topic named last before the amount; for a count, a topic named between the number and
/// the noun it counts.
fn named_in_figure(s: &Sentence, rec: &Rec, metric: Option<&str>) -> Option<String> {
    let q = &s.qtys[rec.value?];
    let mention = if metric == Some("acquisition price") {
        s.mentions.iter().rev().find(|m| m.range.end <= q.start)
    } else {
        let noun = &s.toks[q.noun?];
        s.mentions
            .iter()
            .find(|m| m.range.start >= q.end && m.range.end <= noun.start)
    };
    mention.map(|m| m.subject.clone())
}

/// "Zoox, which Amazon bought in 2020 for $1.2 billion": an amount of money after "for",
/// a few words after a verb of buying a business (the phrases "acquired for" and "bought
/// for" are the lexicon's).
fn paid_for_a_business(s: &Sentence, q: &Qty) -> bool {
    let Some(at) = q.first.checked_sub(1).filter(|&k| s.toks[k].is("for")) else {
        return false;
    };
    let bought = |t: &Token| {
        ["acquir", "bought", "purchas", "buy"].iter().any(|stem| {
            t.text
                .get(..stem.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(stem))
        })
    };
    matches!(q.unit, Unit::Currency(_)) && s.toks[at.saturating_sub(5)..at].iter().any(bought)
}

/// "repurchased $6.3 billion of stock", "bought back $8.9 billion of shares": money a
/// company spent on its own shares.
fn bought_back(s: &Sentence, q: &Qty) -> bool {
    let Some(verb) = q.first.checked_sub(1) else {
        return false;
    };
    let toks = &s.toks;
    let repurchased = toks[verb].is_any(&["repurchased", "repurchases", "repurchase", "repurchasing"]);
    let back = toks[verb].is("back") && verb >= 1 && toks[verb - 1].is_any(&["bought", "buy", "buys", "buying"]);
    matches!(q.unit, Unit::Currency(_)) && (repurchased || back)
}

/// "We added 568,000 postpaid phones", "Verizon lost 68,000 postpaid phones", "Netflix
/// added 18.9 million paid memberships": what a business adds to or loses from its base
/// of subscribers is its net additions, a line it reports as a level (−68,000 for a
/// loss). Once a sentence says so, the counts of that base it sets against them ("up from
/// 13.1 million in Q4 2023", "the roughly 9 million analysts had expected") are net
/// additions too, each of its own period.
fn net_additions_as_levels(s: &Sentence, recs: &[Rec], out: &mut [Found]) {
    let sign = |negative: bool| if negative { -1.0 } else { 1.0 };
    let level = |q: &Qty, negative: bool| Quantity {
        amount: sign(negative) * q.amount.abs(),
        unit: "count",
        approx: q.approx,
        upper: q.upper.map(|u| sign(negative) * u.abs()),
    };
    let mut any = false;
    for (rec, found) in recs.iter().zip(out.iter_mut()) {
        let Some((c, lost)) = added_or_lost(s, rec) else {
            continue;
        };
        let q = &s.qtys[c];
        // "added about 3.1 gigawatts to its backlog": capacity signed is the backlog's
        // additions, a measure of its own (the backlog also loses what enters service);
        // capacity added to no backlog is no base of subscribers.
        if q.noun.is_some_and(|k| counts::megawatts_in(&s.toks[k]).is_some()) {
            if !lost && added_to_the_backlog(s, q) {
                found.value = Some(level(q, false));
                found.change = None;
                found.metric = Some("backlog additions".to_string());
            }
            continue;
        }
        if found.metric.as_deref().is_some_and(|m| !names_a_base(m)) {
            continue;
        }
        found.value = Some(level(q, lost));
        found.change = None;
        found.metric = Some("net additions".to_string());
        any = true;
    }
    if !any {
        return;
    }
    for (rec, found) in recs.iter().zip(out.iter_mut()) {
        let Some(c) = rec.change.filter(|_| rec.value.is_none() && found.value.is_none()) else {
            continue;
        };
        let q = &s.qtys[c];
        if q.unit == Unit::Count && found.metric.as_deref().is_some_and(names_a_base) {
            let down = found.change.as_ref().is_some_and(|ch| ch.direction == "down");
            found.value = Some(level(q, down));
            found.change = None;
            found.metric = Some("net additions".to_string());
        }
    }
}

/// "… gigawatts to our renewables and storage backlog": the words after the amount, before
/// the clause ends, take it to a backlog.
fn added_to_the_backlog(s: &Sentence, q: &Qty) -> bool {
    let after = &s.toks[q.next.min(s.toks.len())..];
    let clause = after.iter().take(8).take_while(|t| !t.is_any(&[",", ";", "."]));
    let mut words = clause.skip_while(|t| !t.is("to"));
    words.next().is_some() && words.any(|t| t.is("backlog"))
}

/// The count a record's change is, and whether it was lost, when the change is only what
/// a verb of adding or losing says of a count ("added 568,000", "adding roughly 1.4
/// million", "lost 68,000").
fn added_or_lost(s: &Sentence, rec: &Rec) -> Option<(usize, bool)> {
    let c = rec.change.filter(|_| rec.value.is_none())?;
    let q = &s.qtys[c];
    if q.unit != Unit::Count || q.multiplier {
        return None;
    }
    let verb = &s.toks[q.first.checked_sub(1)?];
    let lost = verb.is_any(&["lost", "loses", "lose", "losing"]);
    (lost || verb.is_any(&["added", "adds", "add", "adding"])).then_some((c, lost))
}

/// Whether `metric` names a base of subscribers ("phones", "paid memberships" read as
/// subscribers), or the one net additions add to.
fn names_a_base(metric: &str) -> bool {
    const BASES: [&str; 12] = [
        "subscribers",
        "customers",
        "members",
        "memberships",
        "connections",
        "accounts",
        "lines",
        "users",
        "phones",
        "subscriptions",
        "net additions",
        "paid net adds",
    ];
    BASES.contains(&metric)
}

/// "over 100 million monthly users in the US": a figure said of the U.S. right after the
/// metric that follows it is the U.S. part of that metric, as a table's "U.S." row is,
/// where no topic names the country.
fn in_the_us(s: &Sentence, rec: &Rec) -> bool {
    // Past the metric's name that follows the figure: a counted noun alone ("130 million
    // people in the US") names no metric to take a part of.
    let Some(end) = (s.metrics.iter())
        .find(|h| (rec.end..=rec.end + 1).contains(&h.start))
        .map(|h| h.end)
    else {
        return false;
    };
    let rest = s.text[end..].trim_start();
    let Some(place) = (rest.get(..3).filter(|w| w.eq_ignore_ascii_case("in ")))
        .map(|_| rest[3..].trim_start())
        .map(|r| {
            r.get(..4)
                .filter(|w| w.eq_ignore_ascii_case("the "))
                .map_or(r, |_| r[4..].trim_start())
        })
    else {
        return false;
    };
    let at = s.text.len() - place.len();
    ["US", "U.S.", "USA", "United States"]
        .iter()
        .any(|us| place.starts_with(us) && !place[us.len()..].starts_with(|c: char| c.is_alphanumeric()))
        && !s.in_mention(at)
}

/// "excluding it, EPS would have been about $4.40": what a figure would have been
/// without an item its clause leaves out is its adjusted figure.
fn as_if_without(s: &Sentence, q: &Qty) -> bool {
    let toks = &s.toks[..q.first];
    let would = toks.len() >= 3
        && (toks[toks.len() - 3..].iter().map(|t| t.text))
            .zip(["would", "have", "been"])
            .all(|(t, w)| t.eq_ignore_ascii_case(w));
    let mut clause = toks.iter().rev().take_while(|t| !s.breaks.hard_between(t.end, q.start));
    would && clause.any(|t| t.is_any(&["excluding", "without", "absent", "ex"]))
}

/// What a board allows to be spent on buybacks, not what was spent, in a sentence that
/// speaks of them: "a new $15 billion share repurchase program", "its programme of up to
/// €12 billion", "seventy billion authorized in April" are the share repurchase
/// authorization; "about six billion euros left on the twelve billion euro program",
/// "forty billion dollars remaining under the authorization" what remains of it.
fn repurchase_authorization(s: &Sentence, q: &Qty) -> Option<&'static str> {
    const ALLOWED: [&str; 4] = ["authorization", "authorisation", "program", "programme"];
    if !matches!(q.unit, Unit::Currency(_)) {
        return None;
    }
    let toks = &s.toks;
    // The words right around the amount first: the whole sentence is searched for
    // buybacks only where they speak of a program (a sentence scan for every amount
    // of the 10,000-note benchmark cost 0.3 G instructions). The words after the amount
    // are read past what the program buys ("share repurchase").
    let after = (toks[q.next.min(toks.len())..].iter())
        .skip_while(|t| t.is_any(&["share", "stock", "repurchase", "buyback", "of"]))
        .take_while(|t| !s.breaks.any_between(q.end, t.start));
    let mut after = after.take(8).peekable();
    let label = if after.peek().is_some_and(|t| t.is_any(&ALLOWED) || t.is("authorized")) {
        "share repurchase authorization"
    } else if after.next_if(|t| t.is_any(&["left", "remaining"])).is_some() {
        if !after.any(|t| t.is_any(&ALLOWED)) {
            return None;
        }
        "remaining share repurchase authorization"
    } else {
        // "its programme of up to €12 billion", "an authorization of $50 billion".
        let before = &toks[..q.first];
        let said_of = before.last().is_some_and(|t| t.is_any(&["of", "to", "about"]));
        let mut lead = (before.iter().rev()).skip_while(|t| t.is_any(&["up", "to", "about", "of"]));
        if !(said_of && lead.next().is_some_and(|t| t.is_any(&ALLOWED))) {
            return None;
        }
        "share repurchase authorization"
    };
    const BUYBACKS: [&str; 7] = [
        "buyback",
        "buybacks",
        "repurchase",
        "repurchases",
        "repurchased",
        "repurchasing",
        "back",
    ];
    let buybacks =
        toks.iter().any(|t| t.is_any(&BUYBACKS)) || (s.metrics.iter()).any(|h| h.label.starts_with("share repurchase"));
    buybacks.then_some(label)
}

/// "put $8 billion into Anthropic", "will pour £8 billion into UK data centres": money
/// put into something is an investment.
fn put_into(s: &Sentence, q: &Qty) -> bool {
    let into = s.toks.get(q.next).is_some_and(|t| t.is("into"));
    let put = s.toks[q.first.saturating_sub(3)..q.first].iter().any(|t| {
        t.is_any(&[
            "put", "puts", "putting", "pour", "poured", "pours", "plowed", "injected", "sunk", "sank",
        ])
    });
    matches!(q.unit, Unit::Currency(_)) && into && put
}

/// Whether the verb of change `role` has "shares" or "stock" for its subject, right
/// before it or before "which had": "Amazon shares dropped 9%", "the stock, which had
/// slid 9%".
fn shares_moved(s: &Sentence, role: Role) -> bool {
    let Role::Change(_, Some(verb)) = role else {
        return false;
    };
    s.toks[verb.saturating_sub(4)..verb]
        .iter()
        .rev()
        .find(|t| !t.is_any(&["which", "had", "have", "has", ","]))
        .is_some_and(|t| t.is_any(&["shares", "stock"]))
}

/// The kind of dividend named right before amount `q` ("an interim dividend of ¥40",
/// "a year-end dividend of ¥50", "the final dividend is 45p", "the interim dividend goes
/// up 10.4% to 4.25p", `q` then the change): "interim", "year-end", "final", "special",
/// "supplemental" or "extra".
fn dividend_kind(s: &Sentence, q: &Qty) -> Option<&'static str> {
    const KINDS: [&str; 5] = ["interim", "final", "special", "supplemental", "extra"];
    const LINKS: [&str; 14] = [
        "of", "is", "was", "at", ":", "per", "share", "goes", "went", "up", "rises", "rose", "grew", "by",
    ];
    let before = &s.toks[..q.first];
    let (k, links) = tokens::word_before_links(&s.toks, q.first, &LINKS)?;
    if links > 3 || !before[k].is_any(&["dividend", "dividends"]) {
        return None;
    }
    let word = |back: usize| k.checked_sub(back).map(|i| &before[i]);
    if let Some(kind) = word(1).and_then(|t| KINDS.iter().find(|w| t.is(w))) {
        return Some(kind);
    }
    // "year-end dividend", "year end dividend".
    let end = word(1).is_some_and(|t| t.is("end"));
    let hyphen = word(2).is_some_and(|t| t.is("-"));
    let year = word(if hyphen { 3 } else { 2 }).is_some_and(|t| t.is("year"));
    (end && year).then_some("year-end")
}

/// What one of another currency costs, said right after the amount ("¥152 to the dollar",
/// "145 yen per dollar", "163 yen against the euro"): that currency's exchange rate,
/// labelled by its code ("usd exchange rate").
fn exchange_rate(s: &Sentence, q: &Qty) -> Option<String> {
    let Unit::Currency(own) = q.unit else {
        return None;
    };
    // "1 US dollar to 32.5 NT dollars": the currency of the one unit said before.
    let before = |back: usize| q.first.checked_sub(back).map(|k| &s.toks[k]);
    if before(1).is_some_and(|t| t.is_any(&["to", "="]))
        && before(3).is_some_and(|t| {
            t.is_any(&["1", "one"]) || t.is("us") && before(4).is_some_and(|t| t.is_any(&["1", "one"]))
        })
        && let Some(word) = before(2)
    {
        return rate_of(word, own);
    }
    let mut after = s.toks.get(q.next..)?.iter();
    if !after.next()?.is_any(&["to", "per", "against", "a"]) {
        return None;
    }
    let mut word = after.next()?;
    if word.is_any(&["the", "one", "each"]) {
        word = after.next()?;
    }
    // "per US$", "per $", "to the €"; not "per pound", a weight.
    let word = if word.is("us") { after.next()? } else { word };
    rate_of(word, own)
}

/// The exchange rate of the currency `word` names ("$", "dollar"), in an amount of
/// currency `own`: none when it names no currency, or the amount's own.
fn rate_of(word: &Token, own: &str) -> Option<String> {
    let mut lower = [0u8; 10];
    let code = crate::currency::of_sign(word.text)
        .or_else(|| crate::currency::of_name(tokens::lower_ascii(word.text, &mut lower)?))?;
    (code != own).then(|| format!("{} exchange rate", code.to_ascii_lowercase()))
}

/// The price the market puts on a share, said of the trading ("shares closed at
/// $135.58", "the stock trades at $150"), or said a share before it ("At $262 a share
/// JPMorgan trades at 14 times earnings"): not what the company earned a share.
fn quoted_price(s: &Sentence, q: &Qty) -> bool {
    const TRADES: [&str; 4] = ["trades", "trade", "traded", "trading"];
    const QUOTED: [&str; 4] = ["closed", "closes", "close", "opened"];
    if !matches!(q.unit, Unit::Currency(_)) || q.scaled {
        return false;
    }
    let tok = |k: Option<usize>| k.and_then(|k| s.toks.get(k));
    let back = |n: usize| tok(q.first.checked_sub(n));
    // "shares closed at $135.58": what trades, the verb, "at", the price.
    let stock = |t: Option<&Token>| t.is_some_and(|t| t.is_any(&["shares", "stock", "share", "adrs", "ads"]));
    let traded_at = back(1).is_some_and(|t| t.is("at"))
        && back(2).is_some_and(|t| t.is_any(&TRADES) || t.is_any(&QUOTED))
        && (stock(back(3)) || (back(3).is_some_and(|t| t.is_any(&["are", "were", "is", "was"])) && stock(back(4))));
    // "shares touched a record $276.50", "the ADRs ended at $175.20": what trades, a verb
    // of where its price got to, and only words of that place between.
    const GOT_TO: [&str; 6] = ["touched", "hit", "reached", "ended", "finished", "settled"];
    const PLACE: [&str; 8] = ["at", "to", "a", "an", "record", "new", "high", "intraday"];
    // Not "share": "earnings per share reached $1.95" is no price.
    let traded = |t: Option<&Token>| stock(t) && !t.is_some_and(|t| t.is("share"));
    let got_to = (1..=4).any(|n| {
        back(n).is_some_and(|t| t.is_any(&GOT_TO) || t.is_any(&QUOTED))
            && traded(back(n + 1))
            && (1..n).all(|k| back(k).is_some_and(|t| t.is_any(&PLACE)))
    });
    // "At $112.69 the shares trade roughly 26% below …": a price opens the clause, and
    // what trades follows it.
    let shares_after = back(1).is_some_and(|t| t.is("at"))
        && q.first.checked_sub(2).is_none_or(|k| s.toks[k].is(","))
        && (tok(Some(q.next)).is_some_and(|t| t.is("the")) && stock(tok(Some(q.next + 1))) || stock(tok(Some(q.next))));
    // "At $262 a share JPMorgan trades at …": a price a share opens the clause, and the
    // clause says it trades.
    let a_share = tok(Some(q.next)).is_some_and(|t| t.is_any(&["a", "per"]))
        && tok(Some(q.next + 1)).is_some_and(|t| t.is("share"));
    let opens = back(1).is_some_and(|t| t.is("at")) && q.first.checked_sub(2).is_none_or(|k| s.toks[k].is(","));
    let trades_after = || {
        (s.toks[q.next..].iter())
            .take_while(|t| !s.breaks.any_between(q.end, t.start))
            .any(|t| t.is_any(&TRADES))
    };
    traded_at || got_to || (a_share && opens && trades_after()) || (shares_after && trades_after())
}

/// A price paid a month or a year ("$14.99 a month", "$5/month", "$139 per year"):
/// an amount of money without a scale word, then the time it buys.
fn price_per_period(s: &Sentence, q: &Qty) -> bool {
    let per_period = |q: &Qty| {
        let at = |k: usize, words: &[&str]| s.toks.get(q.next + k).is_some_and(|t| t.is_any(words));
        priced_per(s, q, &["month", "year", "mo", "yr"])
            // "against $50,000 a year ago": when it was said, not what it buys.
            && !(at(0, &["a"]) && at(2, &["ago", "earlier", "before", "prior", "back", "later"]))
    };
    // "sell for $349 and $499 a month": the first of two prices joined by "and", "or" or
    // "to" is a price a month as the second is.
    let paired = || {
        let next = s.qtys.iter().find(|n| n.first > q.first)?;
        let joined = next.first == q.next + 1 && s.toks[q.next].is_any(&["and", "or", "to"]);
        Some(joined && q.unit == next.unit && per_period(next))
    };
    per_period(q) || paired().unwrap_or(false)
}

/// "grew 4% from Q3" in Q4: the period a change is measured from, right after it, says
/// its basis when it is the quarter before (QoQ) or the same period a year before (YoY).
fn basis_from(s: &Sentence, c: usize, period: &str) -> Option<&'static str> {
    let q = &s.qtys[c];
    let from = s.periods.iter().find(|h| h.comparison && h.start >= q.end)?;
    let between = &s.text[q.end..from.start];
    if between.len() > 24 || between.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if period::year_before(period).as_deref() == Some(from.canonical.as_str()) {
        return Some("YoY");
    }
    (period::quarter_before(period).as_deref() == Some(from.canonical.as_str())).then_some("QoQ")
}

/// The one `'static` copy of a word figures share: a unit, direction or basis, a subject,
/// metric or period. A large site has hundreds of thousands of figures and a few hundred
/// distinct words among them, so a figure does not carry its own copies. Each distinct
/// word is kept once per process, however many builds use it (a server that runs for a
/// day keeps the few words its author typed in that day). Each thread looks in its own
/// table first, so the threads of a build take the shared lock once per word.
pub fn intern(word: &str) -> &'static str {
    use rustc_hash::FxHashSet;
    use std::cell::RefCell;
    use std::sync::Mutex;
    // Words, not untrusted keys: the fast hash, not the DoS-resistant default.
    thread_local! {
        static SEEN: RefCell<FxHashSet<&'static str>> = RefCell::new(FxHashSet::default());
    }
    static ALL: LazyLock<Mutex<FxHashSet<&'static str>>> = LazyLock::new(Mutex::default);
    SEEN.with_borrow_mut(|seen| {
        if let Some(&kept) = seen.get(word) {
            return kept;
        }
        let mut all = ALL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let kept = match all.get(word) {
            Some(&kept) => kept,
            None => {
                let kept: &'static str = Box::leak(word.into());
                all.insert(kept);
                kept
            }
        };
        seen.insert(kept);
        kept
    })
}

/// The value of a record: signed when written as a loss.
fn quantity(s: &Sentence, q: &Qty, negates: bool, unit: &dyn Fn(&Qty) -> &'static str) -> Quantity {
    let sign = if q.negative || negates || attribute::written_as_loss(s, q) {
        -1.0
    } else {
        1.0
    };
    Quantity {
        amount: sign * decimal(q.amount.abs()),
        unit: unit(q),
        approx: q.approx,
        upper: q.upper.map(|u| sign * decimal(u.abs())),
    }
}

/// An amount as it was written: `67.1 × 1e9` is 67099999999.99999 in binary, and the
/// exports would say so. Rounded to 15 significant digits (more than any figure is
/// written with), the quotient of an integer by a power of ten is the double nearest
/// the decimal the author wrote.
pub(super) fn decimal(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let places = 15 - x.abs().log10().ceil() as i32;
    if !(1..=22).contains(&places) {
        return x; // already a whole number of 15 digits or more, or beyond exact powers
    }
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

/// The change of a record: its size, direction and basis (said in words, else by the
/// period it is measured from, given the record's `period`).
fn change(s: &Sentence, roles: &[Role], c: usize, unit: &dyn Fn(&Qty) -> &'static str, period: Option<&str>) -> Change {
    let q = &s.qtys[c];
    let direction = match roles[c] {
        Role::Change(d, _) => d.label(),
        _ => "up",
    };
    let basis = s
        .basis_after(c)
        .or_else(|| basis_before(s, roles, c))
        .map(|b| b.label)
        .or_else(|| basis_from(s, c, period?));
    Change {
        amount: decimal(q.amount.abs()),
        unit: unit(q),
        direction,
        basis,
    }
}

/// "a year-over-year increase of 13%": a basis between the direction word and the amount.
fn basis_before<'a>(s: &'a Sentence, roles: &[Role], c: usize) -> Option<&'a Basis> {
    let Role::Change(_, Some(at)) = roles[c] else {
        return None;
    };
    let from = s.toks[at.saturating_sub(3)].start;
    s.bases.iter().find(|b| b.start >= from && b.end <= s.qtys[c].start)
}
