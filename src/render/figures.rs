//! Views of figures for templates: the key-figures tables of a note, a topic's figures
//! and series charts, metrics tables for ```` ```metrics ```` blocks and the `metrics()`
//! Tera function, and the site-wide `/metrics/` page.

use serde::Serialize;

use super::format;
use crate::content::PageId;
use crate::enrich::figures::Figure;
use crate::render::charts;
use crate::site::Site;
use crate::site::store::{Periods, Record, Series};

/// One row of a figures table that templates draw (the /metrics/ page, a
/// ```` ```metrics ```` block, the `metrics()` function). Its words are borrowed from the
/// page: serialising them for Tera is the only copy.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Row<'a> {
    /// Subject ("—" when unknown).
    pub subject: &'a str,
    /// Metric ("—" when unknown).
    pub metric: &'a str,
    /// Period ("—" when unknown).
    pub period: &'a str,
    /// Formatted value.
    pub value: String,
    /// Formatted change.
    pub change: String,
    /// `up`, `down` or empty.
    pub direction: &'a str,
    /// Link to the figure in its note.
    pub url: String,
    /// Title of the note.
    pub note: &'a str,
    /// `content/notes/x.md:17`.
    pub source: String,
    /// The figure's words.
    pub text: &'a str,
    /// The sentence.
    pub sentence: &'a str,
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
pub fn row(site: &Site, i: usize) -> Row<'_> {
    let r = site.store.record(i);
    let page = &site.page(r.owner).doc.page;
    row_from(&r, &page.title, &site.config.url(&page.permalink))
}

/// A row for a record of the note titled `note` at `note_url`.
pub fn row_from<'a>(r: &Record<'a>, note: &'a str, note_url: &str) -> Row<'a> {
    let f = r.figure();
    Row {
        subject: f.subject.unwrap_or("—"),
        metric: f.metric.unwrap_or("—"),
        period: f.period.unwrap_or("—"),
        value: f.value.as_ref().map(format::value).unwrap_or_default(),
        change: f.change.as_ref().map(format::change).unwrap_or_default(),
        direction: f.change.as_ref().map_or("", |c| c.direction),
        url: figure_url(note_url, f.anchor),
        note,
        source: format!("{}:{}", r.source, f.line),
        text: f.text(),
        sentence: f.sentence(),
    }
}

/// `note_url#fig-4`; the note's URL for a figure given in front matter (no anchor).
fn figure_url(note_url: &str, anchor: u32) -> String {
    let mut url = String::with_capacity(note_url.len() + 16);
    write_figure_url(&mut url, note_url, anchor);
    url
}

/// [`figure_url`], appended to `out`. What it adds to `note_url` needs no escaping, so
/// an escaped `note_url` gives the escaped figure URL.
fn write_figure_url(out: &mut String, note_url: &str, anchor: u32) {
    out.push_str(note_url);
    if anchor > 0 {
        out.push_str("#fig-");
        format::push_padded(out, anchor.into(), 1);
    }
}

/// A note's "Key figures" tables as HTML: for each subject, in first-seen order, a heading
/// and a table of its figures (metric, period, value, change), each value linked to the
/// figure in the text. The figures are the page's own (the same records as the store holds
/// for it, and current even when the store is not yet).
///
/// Written here rather than by a template: the 10,000-note benchmark has 341,443 of these
/// rows, and through Tera, where each field was serialised, looked up and escaped for one
/// use, the loop alone took 0.85 of the build's 12.6 CPU-s. A theme that wants other markup gets the
/// same rows from `metrics(page=page.url)`.
pub fn key_figures_html(site: &Site, id: PageId) -> String {
    use crate::markdown::highlight::escape_into;
    let page = site.page(id);
    let mut href = String::new();
    escape_into(&mut href, &site.config.url(&page.doc.page.permalink));
    let mut subjects: Vec<(&str, Vec<&Figure>)> = Vec::new();
    for f in &page.facts.figures {
        let subject = f.subject.unwrap_or("—");
        match subjects.iter_mut().find(|(s, _)| *s == subject) {
            Some((_, figures)) => figures.push(f),
            None => subjects.push((subject, vec![f])),
        }
    }
    let mut out = String::with_capacity(page.facts.figures.len() * 200);
    let mut scratch = String::new();
    for (subject, figures) in subjects {
        out.push_str("<h3 class=\"figures-subject\">");
        escape_into(&mut out, subject);
        out.push_str("</h3>\n");
        open_table(&mut out, false);
        for f in figures {
            write_row(&mut out, f, &href, None, &mut scratch);
        }
        out.push_str(TABLE_END);
    }
    out
}

/// The start of a figures table, to its body: metric, period, value and change, and the
/// note each figure is from when `note_column`.
fn open_table(out: &mut String, note_column: bool) {
    out.push_str(
        "<div class=\"table-wrap\">\n<table class=\"figures-table\">\n<thead><tr><th>Metric</th><th>Period</th>\
         <th class=\"num\">Value</th><th class=\"num\">Change</th>",
    );
    if note_column {
        out.push_str("<th>Note</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

/// The end of a figures table.
const TABLE_END: &str = "</tbody>\n</table>\n</div>\n";

/// One row of a figures table: metric, period, the value linked to the figure (with its
/// sentence as a tooltip when the table is not on the figure's own page), the change, and
/// the note's title when `elsewhere` gives it. `note_href` is the note's URL escaped: the
/// rows of a table share a few notes, so it is escaped once a note, not once a row.
fn write_row(out: &mut String, f: &Figure, note_href: &str, elsewhere: Option<&str>, scratch: &mut String) {
    use crate::markdown::highlight::escape_into;
    out.push_str("<tr><td>");
    escape_into(out, f.metric.unwrap_or("—"));
    out.push_str("</td><td>");
    escape_into(out, f.period.unwrap_or("—"));
    out.push_str("</td><td class=\"num\"><a href=\"");
    write_figure_url(out, note_href, f.anchor);
    if elsewhere.is_some() {
        out.push_str("\" title=\"");
        escape_into(out, f.sentence());
    }
    out.push_str("\">");
    match &f.value {
        Some(v) => write_escaped(out, scratch, format::value_is_plain(v), |o| format::write_value(o, v)),
        None => escape_into(out, &super::truncated(f.text(), 32, "…")),
    }
    out.push_str("</a></td><td class=\"num change ");
    out.push_str(f.change.as_ref().map_or("", |c| c.direction));
    out.push_str("\">");
    if let Some(c) = &f.change {
        write_escaped(out, scratch, format::change_is_plain(c), |o| format::write_change(o, c));
    }
    if let Some(note) = elsewhere {
        out.push_str("</td><td>");
        escape_into(out, note);
    }
    out.push_str("</td></tr>\n");
}

/// What `write` writes (a value or a change), appended to `out`: as it is when `plain`
/// (nothing in it to escape, as for most), else formatted into `scratch` and escaped (a
/// unit or basis given by hand in front matter is the author's text).
fn write_escaped(out: &mut String, scratch: &mut String, plain: bool, write: impl FnOnce(&mut String)) {
    if plain {
        write(out);
    } else {
        scratch.clear();
        write(scratch);
        crate::markdown::highlight::escape_into(out, scratch);
    }
}

/// Most figure rows a topic page lists; its charts always draw every series, and the
/// exports hold every figure.
pub const TOPIC_ROWS: usize = 500;

/// The figures about a subject, as its topic page shows them.
#[derive(Debug, Default)]
pub struct SubjectFigures {
    /// The table (HTML): the `TOPIC_ROWS` figures of the latest periods when there are
    /// more, by metric and period; empty without figures.
    pub table: String,
    /// How many rows the table has.
    pub shown: usize,
    /// How many figures are about the subject.
    pub total: usize,
    /// Its series charts.
    pub charts: Vec<Chart>,
}

/// The figures about `subject`. The table is written here, not by a template, for the
/// reason `key_figures_html` gives: 200 topic pages of 500 rows are 100,000 rows.
pub fn of_subject(site: &Site, subject: &str) -> SubjectFigures {
    let mut ids = site.store.of_subject(subject);
    let total = ids.len();
    // Each distinct period parsed once: a subject of a large site has thousands of
    // figures and a few dozen periods.
    let mut periods = Periods::default();
    let mut period = |i: usize| site.store.record(i).period.and_then(|p| periods.key(p));
    if total > TOPIC_ROWS {
        // Latest first (records without a known period last), stable for equal periods.
        ids.sort_by_cached_key(|&i| std::cmp::Reverse(period(i).map(|(_, y, n)| (y, n))));
        ids.truncate(TOPIC_ROWS);
    }
    ids.sort_by_cached_key(|&i| (site.store.record(i).figure().metric, period(i)));
    let mut table = String::new();
    if !ids.is_empty() {
        table.reserve(ids.len() * 400);
        open_table(&mut table, true);
        let mut scratch = String::new();
        // Rows in metric order still come a few at a time from one note: its URL is made
        // and escaped when the note changes.
        let mut note: Option<(PageId, &str)> = None;
        let mut href = String::new();
        for &i in &ids {
            let r = site.store.record(i);
            let title = match note {
                Some((owner, title)) if owner == r.owner => title,
                _ => {
                    let page = &site.page(r.owner).doc.page;
                    href.clear();
                    crate::markdown::highlight::escape_into(&mut href, &site.config.url(&page.permalink));
                    note = Some((r.owner, &page.title));
                    &page.title
                }
            };
            write_row(&mut table, r.figure(), &href, Some(title), &mut scratch);
        }
        table.push_str(TABLE_END);
    }
    let charts = site
        .store
        .series
        .iter()
        .filter(|s| s.subject.eq_ignore_ascii_case(subject))
        .map(|s| chart(site, s))
        .collect();
    SubjectFigures {
        table,
        shown: ids.len(),
        total,
        charts,
    }
}

/// The SVG of one series.
pub fn chart(site: &Site, s: &Series) -> Chart {
    let title = format!("{} · {}", s.subject, s.metric);
    let points: Vec<charts::Point> = s
        .points
        .iter()
        .filter_map(|&i| {
            let f = site.store.record(i).figure();
            let v = f.value.as_ref()?;
            Some(charts::Point {
                label: f.period.unwrap_or_default().to_string(),
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
pub struct ConflictView<'a> {
    /// `AWS · revenue · Q4 2023`.
    pub title: String,
    /// Each value with its source.
    pub values: Vec<Row<'a>>,
}

/// Most rows the /metrics/ page shows; the exports always hold every figure.
pub const PAGE_ROWS: usize = 2000;
/// Most conflicts the /metrics/ page shows; metrics.json and `folio check` list them all.
pub const PAGE_CONFLICTS: usize = 200;

/// What `metrics.html` sees as `metrics`.
#[derive(Debug, Serialize)]
pub struct MetricsView<'a> {
    /// The figures shown (the first `PAGE_ROWS`, in note order).
    pub rows: Vec<Row<'a>>,
    /// How many figures the site has.
    pub total: usize,
    /// Figures that disagree (the first `PAGE_CONFLICTS`).
    pub conflicts: Vec<ConflictView<'a>>,
    /// How many groups disagree.
    pub conflicts_total: usize,
    /// Distinct subjects, sorted.
    pub subjects: Vec<String>,
    /// Distinct metrics, sorted.
    pub names: Vec<String>,
}

impl<'a> MetricsView<'a> {
    /// The view of the whole store.
    pub fn new(site: &'a Site) -> Self {
        let total = site.store.len();
        let rows: Vec<Row> = (0..total.min(PAGE_ROWS)).map(|i| row(site, i)).collect();
        let distinct = |f: fn(&Row<'a>) -> &'a str| {
            let mut v: Vec<String> = rows.iter().map(f).filter(|s| *s != "—").map(str::to_string).collect();
            v.sort_by_key(|s| s.to_lowercase());
            v.dedup();
            v
        };
        let subjects = distinct(|r| r.subject);
        let names = distinct(|r| r.metric);
        let conflicts = site
            .store
            .conflicts
            .iter()
            .take(PAGE_CONFLICTS)
            .map(|c| ConflictView {
                title: format!("{} · {} · {}", c.subject, c.metric, c.period),
                values: c.records.iter().map(|&i| row(site, i)).collect(),
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
