//! Views of figures for templates: the key-figures table of a note, a topic's figures
//! and series charts, metrics tables for ```` ```metrics ```` blocks and the
//! `metrics_table()` Tera function, and the site-wide `/metrics/` page.

use serde::Serialize;

use super::format;
use crate::content::PageId;
use crate::render::charts;
use crate::site::Site;
use crate::site::store::{Record, Series};

/// One row of a figures table.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Row {
    /// Subject.
    pub subject: String,
    /// Metric ("—" when unknown).
    pub metric: String,
    /// Period ("—" when unknown).
    pub period: String,
    /// Formatted value.
    pub value: String,
    /// Formatted change.
    pub change: String,
    /// `up`, `down` or empty.
    pub direction: String,
    /// Link to the figure in its note.
    pub url: String,
    /// Title of the note.
    pub note: String,
    /// `content/notes/x.md:17`.
    pub source: String,
    /// The figure's words.
    pub text: String,
    /// The sentence.
    pub sentence: String,
}

/// Rows of one subject.
#[derive(Debug, Serialize, Hash)]
pub struct Group {
    /// Subject.
    pub subject: String,
    /// Its rows.
    pub rows: Vec<Row>,
}

/// A chart of a series.
#[derive(Debug, Serialize, Hash)]
pub struct Chart {
    /// `AWS · revenue`.
    pub title: String,
    /// Inline SVG.
    pub svg: String,
}

/// A row for record `i`.
pub fn row(site: &Site, i: usize) -> Row {
    let r = site.store.record(i);
    let page = &site.page(r.owner).doc.page;
    row_from(&r, &page.title, &site.config.url(&page.permalink))
}

/// A row for a record of the note titled `note` at `note_url`.
pub fn row_from(r: &Record, note: &str, note_url: &str) -> Row {
    let anchor = if r.anchor.is_empty() {
        String::new()
    } else {
        format!("#{}", r.anchor)
    };
    Row {
        subject: r.subject.clone().unwrap_or_else(|| "—".into()),
        metric: r.metric.clone().unwrap_or_else(|| "—".into()),
        period: r.period.clone().unwrap_or_else(|| "—".into()),
        value: r.value.as_ref().map(format::value).unwrap_or_default(),
        change: r.change.as_ref().map(format::change).unwrap_or_default(),
        direction: r.change.as_ref().map(|c| c.direction.clone()).unwrap_or_default(),
        url: format!("{note_url}{anchor}"),
        note: note.to_string(),
        source: format!("{}:{}", r.source, r.line),
        text: r.text.clone(),
        sentence: r.sentence.to_string(),
    }
}

/// Rows of records `ids`, grouped by subject, in first-seen order.
pub fn grouped(site: &Site, ids: &[usize]) -> Vec<Group> {
    group(ids.iter().map(|&i| row(site, i)))
}

/// Rows grouped by subject, in first-seen order.
fn group(rows: impl Iterator<Item = Row>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for row in rows {
        match groups.iter_mut().find(|g| g.subject == row.subject) {
            Some(g) => g.rows.push(row),
            None => groups.push(Group {
                subject: row.subject.clone(),
                rows: vec![row],
            }),
        }
    }
    groups
}

/// The key figures of a page: its own figures, read from the page (the same records as
/// the store holds for it, and current even when the store is not yet).
pub fn of_page(site: &Site, id: PageId) -> Vec<Group> {
    let page = &site.page(id).doc.page;
    let url = site.config.url(&page.permalink);
    let source = crate::site::store::source_of(page);
    let figures = site.page(id).facts.figures.iter().enumerate();
    group(figures.map(|(i, f)| row_from(&Record::new(f, &page.permalink, &source, id, i), &page.title, &url)))
}

/// Most figure rows a topic page lists; its charts always draw every series, and the
/// exports hold every figure.
pub const TOPIC_ROWS: usize = 500;

/// The figures about `subject` (the `TOPIC_ROWS` of the latest periods when there are
/// more), by metric and period; how many there are in all; and its series charts.
pub fn of_subject(site: &Site, subject: &str) -> (Vec<Row>, usize, Vec<Chart>) {
    let mut ids = site.store.of_subject(subject);
    let total = ids.len();
    let period = |i: &usize| {
        site.store
            .record(*i)
            .period
            .as_deref()
            .and_then(crate::site::store::period_key)
    };
    if total > TOPIC_ROWS {
        // Latest first (records without a known period last), stable for equal periods.
        ids.sort_by_cached_key(|i| std::cmp::Reverse(period(i).map(|(_, y, n)| (y, n))));
        ids.truncate(TOPIC_ROWS);
    }
    ids.sort_by_cached_key(|&i| (site.store.record(i).figure().metric.as_deref(), period(&i)));
    let rows = ids.iter().map(|&i| row(site, i)).collect();
    let charts = site
        .store
        .series
        .iter()
        .filter(|s| s.subject.eq_ignore_ascii_case(subject))
        .map(|s| chart(site, s))
        .collect();
    (rows, total, charts)
}

/// The SVG of one series.
pub fn chart(site: &Site, s: &Series) -> Chart {
    let title = format!("{} · {}", s.subject, s.metric);
    let points: Vec<charts::Point> = s
        .points
        .iter()
        .filter_map(|(period, i)| {
            let v = site.store.record(*i).figure().value.as_ref()?;
            Some(charts::Point {
                label: period.clone(),
                value: v.amount,
                display: format::value(v),
            })
        })
        .collect();
    let id = format!(
        "chart-{}",
        crate::content::slug::slugify(&format!("{}-{}-{}", s.subject, s.metric, s.unit))
    );
    let svg = charts::series_svg(&id, &title, &points, &format::tick(&s.unit));
    Chart { title, svg }
}

/// A conflict as the /metrics/ page shows it.
#[derive(Debug, Serialize)]
pub struct ConflictView {
    /// `AWS · revenue · Q4 2023`.
    pub title: String,
    /// Each value with its source.
    pub values: Vec<Row>,
}

/// Most rows the /metrics/ page shows; the exports always hold every figure.
pub const PAGE_ROWS: usize = 2000;
/// Most conflicts the /metrics/ page shows; metrics.json and `folio check` list them all.
pub const PAGE_CONFLICTS: usize = 200;

/// What `metrics.html` sees as `metrics`.
#[derive(Debug, Serialize)]
pub struct MetricsView {
    /// The figures shown (the first `PAGE_ROWS`, in note order).
    pub rows: Vec<Row>,
    /// How many figures the site has.
    pub total: usize,
    /// Figures that disagree (the first `PAGE_CONFLICTS`).
    pub conflicts: Vec<ConflictView>,
    /// How many groups disagree.
    pub conflicts_total: usize,
    /// Distinct subjects, sorted.
    pub subjects: Vec<String>,
    /// Distinct metrics, sorted.
    pub names: Vec<String>,
}

impl MetricsView {
    /// The view of the whole store.
    pub fn new(site: &Site) -> Self {
        let total = site.store.len();
        let rows: Vec<Row> = (0..total.min(PAGE_ROWS)).map(|i| row(site, i)).collect();
        let distinct = |f: fn(&Row) -> &String| {
            let mut v: Vec<String> = rows.iter().map(|r| f(r).clone()).filter(|s| s != "—").collect();
            v.sort_by_key(|s| s.to_lowercase());
            v.dedup();
            v
        };
        let subjects = distinct(|r| &r.subject);
        let names = distinct(|r| &r.metric);
        let conflicts = site
            .store
            .conflicts
            .iter()
            .take(PAGE_CONFLICTS)
            .map(|c| ConflictView {
                title: format!("{} · {} · {}", c.subject, c.metric, c.period),
                values: c.values.iter().map(|v| row(site, v.record)).collect(),
            })
            .collect();
        MetricsView {
            rows,
            total,
            conflicts,
            conflicts_total: site.store.conflicts.len(),
            subjects,
            names,
        }
    }
}
