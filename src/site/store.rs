//! The metric store: every figure of the site as a record of the `metrics.json` contract,
//! queryable by subject, metric, period and page; series across periods; conflicts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Site;
use crate::content::PageId;
use crate::enrich::metrics::{Change, Quantity};

/// Values further apart than this (relative) disagree.
const CONFLICT_TOLERANCE: f64 = 0.01;

/// One figure, as `metrics.json` writes it (DESIGN.md "Metric record").
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// `notes/slug#fig-4`.
    pub id: String,
    /// Site-relative page URL.
    pub page: String,
    /// Source file relative to the site root.
    pub source: String,
    /// 1-based line in the source.
    pub line: usize,
    /// Who.
    pub subject: Option<String>,
    /// What.
    pub metric: Option<String>,
    /// When.
    pub period: Option<String>,
    /// The level stated.
    #[serde(serialize_with = "json::quantity")]
    pub value: Option<Quantity>,
    /// The change stated.
    #[serde(serialize_with = "json::change")]
    pub change: Option<Change>,
    /// The figure's words.
    pub text: String,
    /// Its sentence.
    pub sentence: String,
    /// `extracted` or `front matter`.
    pub origin: &'static str,
    /// The page it is on (not exported).
    #[serde(skip)]
    pub owner: PageId,
    /// Anchor in the page (not exported).
    #[serde(skip)]
    pub anchor: String,
}

/// One source of a conflicting value.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictValue {
    /// The value.
    #[serde(serialize_with = "json::amount")]
    pub amount: f64,
    /// Page URL.
    pub page: String,
    /// Source file.
    pub source: String,
    /// Line.
    pub line: usize,
    /// Record index (not exported).
    #[serde(skip)]
    pub record: usize,
}

/// Figures with the same subject, metric, period and unit that disagree.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    /// Who.
    pub subject: String,
    /// What.
    pub metric: String,
    /// When.
    pub period: String,
    /// Unit of the values.
    pub unit: String,
    /// Every source.
    pub values: Vec<ConflictValue>,
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
    /// (period, record index), in period order.
    pub points: Vec<(String, usize)>,
}

/// Every figure of the site.
#[derive(Debug, Default)]
pub struct Store {
    /// Records in page order.
    pub records: Vec<Record>,
    /// Groups that disagree.
    pub conflicts: Vec<Conflict>,
    /// Series of two or more periods.
    pub series: Vec<Series>,
    /// The records of each page, by `PageId` (records are stored in page order).
    by_page: Vec<std::ops::Range<usize>>,
}

impl Store {
    /// Collects the figures of every page.
    pub fn new(site: &Site) -> Store {
        let mut records = Vec::new();
        let mut by_page = Vec::with_capacity(site.pages.len());
        for p in &site.pages {
            let first = records.len();
            records.extend(p.facts.figures.iter().enumerate().map(|(i, f)| record(p, i, f)));
            by_page.push(first..records.len());
        }
        let conflicts = conflicts(&records);
        let series = series(&records);
        Store {
            records,
            conflicts,
            series,
            by_page,
        }
    }

    /// A store of the records that `keep` accepts, with the conflicts among them.
    pub fn filtered(&self, keep: impl Fn(&Record) -> bool) -> Store {
        let records: Vec<Record> = self.records.iter().filter(|r| keep(r)).cloned().collect();
        let conflicts = conflicts(&records);
        let series = series(&records);
        Store {
            records,
            conflicts,
            series,
            by_page: Vec::new(),
        }
    }

    /// Record indices matching every given filter (case-insensitive).
    pub fn query(
        &self,
        subject: Option<&str>,
        metric: Option<&str>,
        period: Option<&str>,
        page: Option<PageId>,
    ) -> Vec<usize> {
        let eq = |want: Option<&str>, have: &Option<String>| {
            want.is_none_or(|w| have.as_deref().is_some_and(|h| h.eq_ignore_ascii_case(w)))
        };
        // A page's records are contiguous: look there instead of scanning the site.
        let range = match page {
            Some(p) if !self.by_page.is_empty() => self.by_page.get(p.0).cloned().unwrap_or(0..0),
            _ => 0..self.records.len(),
        };
        range
            .filter(|&i| {
                let r = &self.records[i];
                eq(subject, &r.subject)
                    && eq(metric, &r.metric)
                    && eq(period, &r.period)
                    && page.is_none_or(|p| r.owner == p)
            })
            .collect()
    }
}

fn record(p: &crate::enrich::Enriched, i: usize, f: &crate::enrich::Figure) -> Record {
    let page = &p.doc.page;
    let anchor = if f.anchor.is_empty() {
        format!("fm-{}", i + 1)
    } else {
        f.anchor.clone()
    };
    Record {
        id: format!("{}#{anchor}", page.permalink.trim_matches('/')),
        page: page.permalink.clone(),
        source: page.source.to_string_lossy().replace('\\', "/"),
        line: f.line,
        subject: f.subject.clone(),
        metric: f.metric.clone(),
        period: f.period.clone(),
        value: f.value.clone(),
        change: f.change.clone(),
        text: f.text.clone(),
        sentence: f.sentence.clone(),
        origin: f.origin,
        owner: page.id,
        anchor: f.anchor.clone(),
    }
}

/// Sort key of a period: year, then position within the year; and its kind.
pub fn period_key(period: &str) -> Option<(&'static str, i32, u8)> {
    let (kind, rest) = match period.split_once(' ') {
        Some(("TTM", rest)) => ("TTM", rest),
        _ => ("", period),
    };
    let parts: Vec<&str> = rest.split_whitespace().collect();
    match parts.as_slice() {
        [q, y] if q.starts_with('Q') => Some((
            if kind.is_empty() { "Q" } else { kind },
            y.parse().ok()?,
            q[1..].parse().ok()?,
        )),
        [h, y] if h.starts_with('H') => Some(("H", y.parse().ok()?, h[1..].parse().ok()?)),
        ["FY", y] => Some(("FY", y.parse().ok()?, 0)),
        [y] => Some(("FY", y.parse().ok()?, 0)),
        _ => None,
    }
}

fn conflicts(records: &[Record]) -> Vec<Conflict> {
    let mut groups: BTreeMap<(String, String, String, String), Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        if let (Some(s), Some(m), Some(p), Some(v)) = (&r.subject, &r.metric, &r.period, &r.value) {
            let period = period_key(p).map_or(p.clone(), |(k, y, n)| format!("{k}{n} {y}"));
            groups
                .entry((s.clone(), m.clone(), period, v.unit.clone()))
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for ((subject, metric, _, unit), ids) in groups {
        let amounts: Vec<f64> = ids
            .iter()
            .filter_map(|&i| records[i].value.as_ref().map(|v| v.amount))
            .collect();
        let (min, max) = amounts
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &a| (lo.min(a), hi.max(a)));
        let spread = if min.abs() > 0.0 {
            (max - min).abs() / min.abs()
        } else {
            (max - min).abs()
        };
        if ids.len() < 2 || spread <= CONFLICT_TOLERANCE {
            continue;
        }
        let period = records[ids[0]].period.clone().unwrap_or_default();
        let values = ids
            .iter()
            .map(|&i| {
                let r = &records[i];
                ConflictValue {
                    amount: r.value.as_ref().map_or(0.0, |v| v.amount),
                    page: r.page.clone(),
                    source: r.source.clone(),
                    line: r.line,
                    record: i,
                }
            })
            .collect();
        out.push(Conflict {
            subject,
            metric,
            period,
            unit,
            values,
        });
    }
    out
}

fn series(records: &[Record]) -> Vec<Series> {
    // (subject, metric, unit, kind) → period key → record indices
    type Key = (String, String, String, &'static str);
    let mut groups: BTreeMap<Key, BTreeMap<(i32, u8), Vec<usize>>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let (Some(s), Some(m), Some(p), Some(v)) = (&r.subject, &r.metric, &r.period, &r.value) else {
            continue;
        };
        let Some((kind, year, n)) = period_key(p) else { continue };
        groups
            .entry((s.clone(), m.clone(), v.unit.clone(), kind))
            .or_default()
            .entry((year, n))
            .or_default()
            .push(i);
    }
    groups
        .into_iter()
        .filter(|(_, periods)| periods.len() >= 2)
        .map(|((subject, metric, unit, _), periods)| Series {
            subject,
            metric,
            unit,
            points: periods
                .into_values()
                .map(|ids| {
                    let chosen = most_stated(records, &ids);
                    (records[chosen].period.clone().unwrap_or_default(), chosen)
                })
                .collect(),
        })
        .collect()
}

/// Of several records for one period, the value stated most often (first on a tie).
fn most_stated(records: &[Record], ids: &[usize]) -> usize {
    let amount = |i: usize| records[i].value.as_ref().map_or(0.0, |v| v.amount);
    let count = |i: usize| {
        ids.iter()
            .filter(|&&j| (amount(j) - amount(i)).abs() <= amount(i).abs() * CONFLICT_TOLERANCE)
            .count()
    };
    let mut best = ids[0];
    for &i in ids {
        if count(i) > count(best) {
            best = i;
        }
    }
    best
}

/// How amounts read in metrics.json: whole numbers as integers (`24200000000`, as the
/// contract shows them), others as decimals.
mod json {
    use serde::Serializer;
    use serde::ser::SerializeStruct;

    use crate::enrich::metrics::{Change, Quantity};

    pub fn amount<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            s.serialize_i64(*x as i64)
        } else {
            s.serialize_f64(*x)
        }
    }

    struct Amount(f64);

    impl serde::Serialize for Amount {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            amount(&self.0, s)
        }
    }

    pub fn quantity<S: Serializer>(q: &Option<Quantity>, s: S) -> Result<S::Ok, S::Error> {
        let Some(q) = q else { return s.serialize_none() };
        let mut st = s.serialize_struct("Quantity", 4)?;
        st.serialize_field("amount", &Amount(q.amount))?;
        st.serialize_field("unit", &q.unit)?;
        st.serialize_field("approx", &q.approx)?;
        st.serialize_field("upper", &q.upper.map(Amount))?;
        st.end()
    }

    pub fn change<S: Serializer>(c: &Option<Change>, s: S) -> Result<S::Ok, S::Error> {
        let Some(c) = c else { return s.serialize_none() };
        let mut st = s.serialize_struct("Change", 4)?;
        st.serialize_field("amount", &Amount(c.amount))?;
        st.serialize_field("unit", &c.unit)?;
        st.serialize_field("direction", &c.direction)?;
        st.serialize_field("basis", &c.basis)?;
        st.end()
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
