//! The metric store: every figure of the site as a record of the `metrics.json` contract,
//! queryable by subject, metric, period and page; series across periods; conflicts.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::Arc;

use super::Site;
use crate::content::PageId;
use crate::enrich::metrics::Quantity;
use crate::enrich::{Enriched, Figure};

/// Values further apart than this (relative) disagree.
const CONFLICT_TOLERANCE: f64 = 0.01;

/// One figure, as `metrics.json` writes it (DESIGN.md "Metric record"): the page's
/// [`Figure`] (its fields read through `Deref`), with where it is. Records borrow from
/// the pages, so the store of a large site costs a few bytes a figure, not a copy of
/// every sentence.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    figure: &'a Figure,
    /// Site-relative page URL.
    pub page: &'a str,
    /// Source file relative to the site root.
    pub source: &'a str,
    /// The page it is on (not exported).
    pub owner: PageId,
    /// Its position among the page's figures.
    index: usize,
}

impl std::ops::Deref for Record<'_> {
    type Target = Figure;

    fn deref(&self) -> &Figure {
        self.figure
    }
}

impl<'a> Record<'a> {
    /// The figure, borrowed from its page (as long as the store).
    pub fn figure(&self) -> &'a Figure {
        self.figure
    }

    /// What the record's id (`notes/slug#fig-4`; `#fm-1`, `#fm-2`, … for figures given
    /// in front matter) ends with: the kind of anchor (`fig` or `fm`) and its number. It
    /// starts with [`id_page`] of the record's page. The exports write it; nothing keeps it.
    pub fn id_anchor(&self) -> (&'static str, u64) {
        if self.figure.anchor == 0 {
            ("fm", self.index as u64 + 1)
        } else {
            ("fig", u64::from(self.figure.anchor))
        }
    }
}

/// How a record's id starts, given its page URL (`/notes/slug/`): `notes/slug`. Apart
/// from [`Record::id_anchor`] so that the exports, which hold the last page's text for
/// the records that follow, trim a page's URL once, not once a record.
pub fn id_page(page: &str) -> &str {
    page.trim_matches('/')
}

/// A page as the store keeps it, with its source path as records write it.
#[derive(Debug, Clone)]
struct StorePage {
    page: Arc<Enriched>,
    source: String,
}

/// `content/notes/x.md`, with forward slashes on every platform, as records name it.
pub fn source_of(page: &crate::content::Page) -> String {
    page.source.to_string_lossy().replace('\\', "/")
}

/// Figures with the same subject, metric, period and unit that disagree. Its sources are
/// records of the store (metrics.json writes them out with their amounts and places).
#[derive(Debug, Clone)]
pub struct Conflict {
    /// Who.
    pub subject: String,
    /// What.
    pub metric: String,
    /// When.
    pub period: String,
    /// Unit of the values.
    pub unit: String,
    /// Every source, in record order.
    pub sources: Vec<Source>,
}

/// A source of a conflict: a record, with the amount and line the exports write for it
/// (read with the record when the group was formed, not looked up again).
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// Index of the record in the store.
    pub record: usize,
    /// The amount of its value.
    pub amount: f64,
    /// 1-based line of its figure in the source file.
    pub line: u32,
}

/// One subject+metric across periods of one kind (quarters, halves, years, TTM).
#[derive(Debug, Clone)]
pub struct Series {
    /// Who.
    pub subject: String,
    /// What.
    pub metric: String,
    /// Unit.
    pub unit: String,
    /// Record indices, one a period (its `period` labels the point), in period order.
    pub points: Vec<usize>,
}

/// Every figure of the site.
#[derive(Debug, Default)]
pub struct Store {
    pages: Vec<StorePage>,
    /// (page, figure) of each record, in page order.
    slots: Vec<(u32, u32)>,
    /// Groups that disagree.
    pub conflicts: Vec<Conflict>,
    /// Series of two or more periods.
    pub series: Vec<Series>,
    /// The series of each subject, by the subject in ASCII lower case, in series order.
    series_of_subject: HashMap<String, Vec<usize>>,
    /// The records of each page, by `PageId` (records are stored in page order).
    by_page: Vec<std::ops::Range<usize>>,
    /// The records of each subject (as written), in record order.
    by_subject: HashMap<String, Vec<usize>>,
}

impl Store {
    /// Collects the figures of every page.
    pub fn new(site: &Site) -> Store {
        let pages: Vec<StorePage> = site
            .pages
            .iter()
            .map(|p| StorePage {
                page: Arc::clone(p),
                source: source_of(&p.doc.page),
            })
            .collect();
        let mut slots = Vec::with_capacity(pages.iter().map(|p| p.page.facts.figures.len()).sum());
        let mut by_page = Vec::with_capacity(pages.len());
        for (i, p) in pages.iter().enumerate() {
            let first = slots.len();
            slots.extend((0..p.page.facts.figures.len()).map(|f| (i as u32, f as u32)));
            by_page.push(first..slots.len());
        }
        let mut store = Store {
            pages,
            slots,
            by_page,
            ..Store::default()
        };
        store.index();
        store
    }

    /// Conflicts, series and the subject index, from the records.
    fn index(&mut self) {
        let ((conflicts, series), by_subject) =
            rayon::join(|| rayon::join(|| conflicts(self), || series(self)), || by_subject(self));
        self.conflicts = conflicts;
        self.series_of_subject = series_of_subject(&series);
        self.series = series;
        self.by_subject = by_subject;
    }

    /// How many records there are.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True without records.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Record `i`.
    pub fn record(&self, i: usize) -> Record<'_> {
        let (p, f) = self.slots[i];
        let page = &self.pages[p as usize];
        Record {
            figure: &page.page.facts.figures[f as usize],
            page: &page.page.doc.page.permalink,
            source: &page.source,
            owner: page.page.doc.page.id,
            index: f as usize,
        }
    }

    /// Where record `i` is, without reading its figure: the number of its page among
    /// the store's pages, the page's URL and its source.
    pub fn place(&self, i: usize) -> (usize, &str, &str) {
        let p = self.slots[i].0 as usize;
        let page = &self.pages[p];
        (p, &page.page.doc.page.permalink, &page.source)
    }

    /// Every record, in page order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Record<'_>> + '_ {
        (0..self.len()).map(|i| self.record(i))
    }

    /// A store of the records that `keep` accepts, with the conflicts among them.
    pub fn filtered(&self, keep: impl Fn(&Record) -> bool) -> Store {
        let pages = self.pages.clone();
        let slots = (0..self.len())
            .filter(|&i| keep(&self.record(i)))
            .map(|i| self.slots[i])
            .collect();
        let mut store = Store {
            pages,
            slots,
            ..Store::default()
        };
        store.index();
        store
    }

    /// The records about `subject` (case-insensitive), in record order.
    pub fn of_subject(&self, subject: &str) -> Vec<usize> {
        let mut ids: Vec<usize> = self
            .by_subject
            .iter()
            .filter(|(s, _)| s.eq_ignore_ascii_case(subject))
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        ids.sort_unstable();
        ids
    }

    /// The series about `subject` (case-insensitive, as for ASCII), in series order:
    /// each topic page draws its subject's, and a site has hundreds of topics and
    /// series, too many to compare each with each.
    pub fn series_about(&self, subject: &str) -> impl Iterator<Item = &Series> + '_ {
        let found = self.series_of_subject.get(&subject.to_ascii_lowercase());
        found.into_iter().flatten().map(|&i| &self.series[i])
    }

    /// Record indices matching every given filter (case-insensitive).
    pub fn query(
        &self,
        subject: Option<&str>,
        metric: Option<&str>,
        period: Option<&str>,
        page: Option<PageId>,
    ) -> Vec<usize> {
        let eq = |want: Option<&str>, have: Option<&str>| {
            want.is_none_or(|w| have.is_some_and(|h| h.eq_ignore_ascii_case(w)))
        };
        // A page's records are contiguous, a subject's are indexed: look there instead
        // of scanning the site.
        let candidates: Vec<usize> = match (page, subject) {
            (Some(p), _) if !self.by_page.is_empty() => self.by_page.get(p.0).cloned().unwrap_or(0..0).collect(),
            (None, Some(s)) => self.of_subject(s),
            _ => (0..self.len()).collect(),
        };
        candidates
            .into_iter()
            .filter(|&i| {
                let r = self.record(i);
                eq(subject, r.subject)
                    && eq(metric, r.metric)
                    && eq(period, r.period)
                    && page.is_none_or(|p| r.owner == p)
            })
            .collect()
    }
}

/// Sort key of a period: year, then position within the year; and its kind.
pub fn period_key(period: &str) -> Option<(&'static str, i32, u8)> {
    let (kind, rest) = match period.split_once(' ') {
        Some(("TTM", rest)) => ("TTM", rest),
        _ => ("", period),
    };
    // At most two words, without collecting them: every figure's period is read here
    // several times a build.
    let mut words = rest.split_whitespace();
    let (first, second) = (words.next()?, words.next());
    if words.next().is_some() {
        return None;
    }
    match (first, second) {
        (q, Some(y)) if q.starts_with('Q') => Some((
            if kind.is_empty() { "Q" } else { kind },
            y.parse().ok()?,
            q[1..].parse().ok()?,
        )),
        (h, Some(y)) if h.starts_with('H') => Some(("H", y.parse().ok()?, h[1..].parse().ok()?)),
        ("FY", Some(y)) | (y, None) => Some(("FY", y.parse().ok()?, 0)),
        _ => None,
    }
}

fn by_subject(store: &Store) -> HashMap<String, Vec<usize>> {
    // Each subject's records at its number (`WordIds` numbers them 0, 1, … as met).
    let mut words = WordIds::default();
    let mut subjects: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, r) in store.iter().enumerate() {
        if let Some(s) = r.figure.subject {
            let id = words.of(s) as usize;
            if id == subjects.len() {
                subjects.push((s, Vec::new()));
            }
            subjects[id].1.push(i);
        }
    }
    subjects.into_iter().map(|(s, ids)| (s.to_string(), ids)).collect()
}

/// A text compared and hashed by where it is, not by what it says: for the interned
/// words of figures (`metrics::intern`), where one text is one address. Two copies of
/// one text are two keys, so it serves caches, never groups.
#[derive(Debug, Clone, Copy)]
struct ByAddress<'r>(&'r str);

impl PartialEq for ByAddress<'_> {
    fn eq(&self, other: &Self) -> bool {
        // Address and length.
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for ByAddress<'_> {}

impl std::hash::Hash for ByAddress<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.0.as_ptr().hash(h);
    }
}

/// The last word met in each of a few dozen slots, by address and length, with what the
/// caller keeps for it: a multiply and a compare, inlined, where a hash map costs a call
/// and a probe. For the words of figures (interned: `metrics::intern`), of which a record
/// has a handful and a site a few hundred, mostly the last records' ones.
#[derive(Debug)]
pub(crate) struct Recent<T>(Box<[(usize, usize, T); RECENT]>);

/// Slots of a [`Recent`].
const RECENT: usize = 64;

impl<T: Copy + Default> Default for Recent<T> {
    fn default() -> Self {
        // No word has address 0, so no empty slot matches.
        Recent(Box::new([(0, 0, T::default()); RECENT]))
    }
}

impl<T: Copy> Recent<T> {
    /// What was put for `word` (this text at this address), or the slot to put it in.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Result<T, usize> {
        let key = (word.as_ptr() as usize, word.len());
        // Fibonacci hashing: words next to each other in memory go to distant slots.
        let slot = (((key.0 ^ key.1) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - RECENT.ilog2())) as usize;
        match self.0[slot] {
            (address, len, value) if (address, len) == key => Ok(value),
            _ => Err(slot),
        }
    }

    /// Keeps `value` for `word` in `slot` (from [`Recent::get`]).
    #[inline]
    pub(crate) fn put(&mut self, slot: usize, word: &str, value: T) {
        self.0[slot] = (word.as_ptr() as usize, word.len(), value);
    }
}

/// Small numbers for the words of records, the same for the same text (wherever it is):
/// groups keyed by them hash and compare integers, not texts. A word met lately is found
/// in `recent`, another met before by its address in a map, a new one by its text: at
/// 10,000 notes the words outgrow `recent`, and looked up by text, the misses cost more
/// than the texts hashed into the groups did.
#[derive(Debug, Default)]
struct WordIds<'r> {
    recent: Recent<u32>,
    by_address: FxHashMap<(usize, usize), u32>,
    by_text: FxHashMap<&'r str, u32>,
}

impl<'r> WordIds<'r> {
    /// The number of `word`.
    #[inline]
    fn of(&mut self, word: &'r str) -> u32 {
        match self.recent.get(word) {
            Ok(id) => id,
            Err(slot) => self.look_up(word, slot),
        }
    }

    /// [`WordIds::of`] a word not met lately.
    #[inline(never)]
    fn look_up(&mut self, word: &'r str, slot: usize) -> u32 {
        let by_text = &mut self.by_text;
        let id = *self
            .by_address
            .entry((word.as_ptr() as usize, word.len()))
            .or_insert_with(|| {
                let next = by_text.len() as u32;
                *by_text.entry(word).or_insert(next)
            });
        self.recent.put(slot, word, id);
        id
    }
}

/// `period_key` of the periods of records, each parsed once: a site's hundreds of
/// thousands of figures name a few dozen periods, and parsing one costs more than
/// looking it up by address.
#[derive(Debug, Default)]
pub(crate) struct Periods<'r>(FxHashMap<ByAddress<'r>, Option<(&'static str, i32, u8)>>);

impl<'r> Periods<'r> {
    /// `period_key(period)`.
    pub(crate) fn key(&mut self, period: &'r str) -> Option<(&'static str, i32, u8)> {
        *self.0.entry(ByAddress(period)).or_insert_with(|| period_key(period))
    }
}

/// How disagreeing groups are ordered: subject, metric, period text, unit.
type ConflictKey<'r> = (&'r str, &'r str, String, &'r str);

/// A period as figures are grouped by it: "FY 2023" and "2023" are one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum PeriodId<'r> {
    Known(&'static str, i32, u8),
    Other(&'r str),
}

impl<'r> PeriodId<'r> {
    fn of(period: &'r str, periods: &mut Periods<'r>) -> Self {
        periods
            .key(period)
            .map_or(PeriodId::Other(period), |(k, y, n)| PeriodId::Known(k, y, n))
    }

    /// The text conflicts are ordered by (as they always were).
    fn sort_text(self) -> String {
        match self {
            PeriodId::Known(k, y, n) => format!("{k}{n} {y}"),
            PeriodId::Other(p) => p.to_string(),
        }
    }
}

/// Subject, metric, period, unit and amount of a record that has all of them and was
/// reported: a forecast (a guide, an estimate) and the figure later reported for its
/// period differ by nature, so it is in no conflict and no series.
fn stated<'a>(r: &Record<'a>) -> Option<(&'a str, &'a str, &'a str, &'a Quantity)> {
    let f = r.figure;
    if f.forecast {
        return None;
    }
    match (f.subject, f.metric, f.period, &f.value) {
        (Some(s), Some(m), Some(p), Some(v)) => Some((s, m, p, v)),
        _ => None,
    }
}

/// A period as records are grouped by it, its words by number ([`WordIds`]): a known
/// period by its kind, year and position (so "FY 2023" and "2023" are one), another by
/// its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum PeriodNumber {
    Known(u32, i32, u8),
    Other(u32),
}

/// A record of a group, with what deciding on the group reads of it: the [`Source`] a
/// conflict keeps, and its sentence. A group's records come from all over the site, each
/// a few dependent loads away (slot, page, figures, figure): read once in record order and
/// kept side by side, the 270,000 records in conflicts on the 10,000-note benchmark are
/// not looked up again.
#[derive(Debug, Clone, Copy)]
struct Member {
    /// The record, its amount and its line.
    source: Source,
    /// The values the figure stands for, from its amount: a range's bounds, or an
    /// approximation's reach ([`reach`]); both the amount for an exact figure.
    low: f64,
    high: f64,
    /// Its sentence by address ([`Figure::sentence_id`]); 0 for none.
    sentence: usize,
}

/// Records of one subject, metric, period and unit, by the numbers of their words.
type Groups = FxHashMap<(u32, u32, PeriodNumber, u32), Vec<Member>>;

fn conflicts(store: &Store) -> Vec<Conflict> {
    let mut groups: Groups = FxHashMap::default();
    let mut periods = Periods::default();
    let mut words = WordIds::default();
    for (i, r) in store.iter().enumerate() {
        if let Some((s, m, p, v)) = stated(&r) {
            let period = match periods.key(p) {
                Some((kind, year, n)) => PeriodNumber::Known(words.of(kind), year, n),
                None => PeriodNumber::Other(words.of(p)),
            };
            groups
                .entry((words.of(s), words.of(m), period, words.of(v.unit)))
                .or_default()
                .push(Member {
                    source: Source {
                        record: i,
                        amount: v.amount,
                        line: r.line,
                    },
                    low: v.upper.map_or(v.amount - reach(v), |u| v.amount.min(u)),
                    high: v.upper.map_or(v.amount + reach(v), |u| v.amount.max(u)),
                    sentence: r.figure.sentence_id(),
                });
        }
    }
    let mut disagree: Vec<(ConflictKey, Vec<Member>)> = groups
        .into_values()
        .filter(|members| {
            // One record disagrees with none (and most groups are one).
            if members.len() < 2 {
                return false;
            }
            // The values they stand for meet, or the nearest two are this far apart: for
            // exact figures, the largest and the smallest amount.
            let (min, max) = members
                .iter()
                .fold((f64::MAX, f64::MIN), |(lo, hi), m| (lo.min(m.high), hi.max(m.low)));
            let spread = if min.abs() > 0.0 {
                (max - min) / min.abs()
            } else {
                max - min
            };
            spread > CONFLICT_TOLERANCE && sentences_disagree(members)
        })
        .filter_map(|members| {
            // The words of any record of the group are the group's.
            let (s, m, p, v) = stated(&store.record(members[0].source.record))?;
            Some(((s, m, PeriodId::of(p, &mut periods).sort_text(), v.unit), members))
        })
        .collect();
    disagree.sort_by(|a, b| a.0.cmp(&b.0));
    disagree
        .into_iter()
        .map(|((subject, metric, _, unit), members)| Conflict {
            subject: subject.to_string(),
            metric: metric.to_string(),
            period: store
                .record(members[0].source.record)
                .period
                .unwrap_or_default()
                .to_string(),
            unit: unit.to_string(),
            sources: members.iter().map(|m| m.source).collect(),
        })
        .collect()
}

/// How far an approximate amount reaches either way: half the place of its last
/// significant digit ("about €9 billion" is €8.5 to €9.5 billion, "about €28.3 billion"
/// €28.25 to €28.35 billion), and never more than 5% of it. An exact one reaches nowhere.
fn reach(v: &Quantity) -> f64 {
    let a = v.amount.abs();
    if !v.approx || a == 0.0 || !a.is_finite() {
        return 0.0;
    }
    let mut place = 10f64.powi(a.log10().floor() as i32);
    while ((a / place).round() * place - a).abs() > a * 1e-9 && place > a * 1e-6 {
        place /= 10.0;
    }
    (place / 2.0).min(a * 0.05)
}

/// True when two of the sentences stating these records share no value: one sentence
/// that gives a whole and its parts ("7 billion items, of which 4 billion in the US")
/// does not disagree with itself, nor with a sentence that repeats one of its values.
fn sentences_disagree(members: &[Member]) -> bool {
    // The amounts of the records in order, and where each sentence's start: one vector
    // each, not one a sentence (a group of a large site has dozens of sentences).
    let mut amounts: Vec<f64> = Vec::with_capacity(members.len());
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    for m in members {
        // Figures given in front matter have no sentence: each stands alone.
        // A sentence's records are next to each other (record order is page order, then
        // text order), and its figures share one copy of it.
        let same = sentences.last().is_some_and(|(s, _)| *s == m.sentence && *s != 0);
        if !same {
            sentences.push((m.sentence, amounts.len()));
        }
        amounts.push(m.source.amount);
    }
    let values = |k: usize| {
        let end = sentences.get(k + 1).map_or(amounts.len(), |(_, start)| *start);
        &amounts[sentences[k].1..end]
    };
    let close = |a: f64, b: f64| (a - b).abs() <= a.abs().min(b.abs()) * CONFLICT_TOLERANCE;
    (0..sentences.len()).any(|k| {
        let a = values(k);
        (k + 1..sentences.len()).any(|l| !a.iter().any(|x| values(l).iter().any(|y| close(*x, *y))))
    })
}

/// [`Store::series_about`]'s index: the positions of `series` by their subject in ASCII
/// lower case (two subjects are the same case-insensitively when these are equal).
fn series_of_subject(series: &[Series]) -> HashMap<String, Vec<usize>> {
    let mut of_subject: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in series.iter().enumerate() {
        of_subject.entry(s.subject.to_ascii_lowercase()).or_default().push(i);
    }
    of_subject
}

/// Where a record sits in a series: (year, position within the year).
type At = (i32, u8);

fn series(store: &Store) -> Vec<Series> {
    // (subject, metric, unit, kind) → (period position, record index) in record order
    type Key<'r> = (&'r str, &'r str, &'r str, &'static str);
    // Keyed by the numbers of the words (`WordIds`).
    type Numbers = (u32, u32, u32, u32);
    // Each point with its amount, read in record order (see `Member`).
    let mut groups: FxHashMap<Numbers, Vec<(At, usize, f64)>> = FxHashMap::default();
    let mut periods = Periods::default();
    let mut words = WordIds::default();
    for (i, r) in store.iter().enumerate() {
        let Some((s, m, p, v)) = stated(&r) else { continue };
        let Some((kind, year, n)) = periods.key(p) else {
            continue;
        };
        groups
            .entry((words.of(s), words.of(m), words.of(v.unit), words.of(kind)))
            .or_default()
            .push(((year, n), i, v.amount));
    }
    let mut amounts = Amounts::default();
    let mut series: Vec<(Key, Series)> = groups
        .into_values()
        .filter_map(|mut points| {
            // One record is no series (and most groups are one).
            if points.len() < 2 {
                return None;
            }
            // The words of any record of the group are the group's.
            let (s, m, p, v) = stated(&store.record(points[0].1))?;
            let key: Key = (s, m, v.unit, periods.key(p)?.0);
            // Within a period, records keep their order (ties go to the first): the
            // record indices are distinct, so sorting by (period, index) is that order.
            points.sort_unstable_by_key(|&(at, i, _)| (at, i));
            let chosen: Vec<usize> = points
                .chunk_by(|a, b| a.0 == b.0)
                .map(|same| match same {
                    [(_, only, _)] => *only,
                    _ => amounts.most_stated(same.iter().map(|&(_, i, amount)| (amount, i))),
                })
                .collect();
            (chosen.len() >= 2).then(|| {
                let (subject, metric, unit, _) = key;
                let series = Series {
                    subject: subject.to_string(),
                    metric: metric.to_string(),
                    unit: unit.to_string(),
                    points: chosen,
                };
                (key, series)
            })
        })
        .collect();
    series.sort_by(|a, b| a.0.cmp(&b.0));
    series.into_iter().map(|(_, s)| s).collect()
}

/// The amounts of the records of one period, kept for the next period's (a site has
/// tens of thousands of periods stated more than once, each of a few records).
#[derive(Default)]
struct Amounts {
    /// (amount, record index), in record order.
    of: Vec<(f64, usize)>,
    /// The amounts, sorted.
    sorted: Vec<f64>,
}

impl Amounts {
    /// Of several records for one period, the value stated most often (first on a tie):
    /// the one with the most values within the tolerance of it, counted on the sorted
    /// amounts.
    fn most_stated(&mut self, records: impl Iterator<Item = (f64, usize)>) -> usize {
        self.of.clear();
        self.of.extend(records);
        let first = self.of[0];
        self.sorted.clear();
        self.sorted.extend(self.of.iter().map(|(a, _)| *a));
        // Equal under `total_cmp` is the same bits: an unstable sort orders them as a
        // stable one does.
        self.sorted.sort_unstable_by(f64::total_cmp);
        let sorted = &self.sorted;
        // All the same (as most are): each is within the tolerance of all, the first wins.
        if sorted[0] == sorted[sorted.len() - 1] {
            return first.1;
        }
        let count = |a: f64| {
            let t = a.abs() * CONFLICT_TOLERANCE;
            let below = sorted.partition_point(|&x| x < a && a - x > t);
            let within = sorted.partition_point(|&x| x <= a || x - a <= t);
            within - below
        };
        let mut best = (first.1, count(first.0));
        for &(a, i) in &self.of[1..] {
            let n = count(a);
            if n > best.1 {
                best = (i, n);
            }
        }
        best.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_sort_within_their_kind() {
        assert_eq!(period_key("Q4 2023"), Some(("Q", 2023, 4)));
        assert_eq!(period_key("FY 2023"), period_key("2023"));
        assert_eq!(period_key("TTM Q4 2023"), Some(("TTM", 2023, 4)));
        assert!(period_key("Q1 2024") > period_key("Q4 2023"));
        assert_eq!(period_key("soon"), None);
    }
}
