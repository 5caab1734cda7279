//! The metric store: every figure of the site as a record of the `metrics.json` contract,
//! queryable by subject, metric, period and page; series across periods; conflicts.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::Arc;

use super::Site;

mod groups;
use crate::content::PageId;
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

    /// The amount of its value (0 for a change without one).
    pub fn amount(&self) -> f64 {
        self.figure.value.as_ref().map_or(0.0, |v| v.amount)
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
    /// Every source: record indices, in record order.
    pub records: Vec<usize>,
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
        let (by_subject, conflicts, series) = groups::index(self);
        self.conflicts = conflicts;
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
