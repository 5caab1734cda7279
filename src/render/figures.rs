//! Views of figures for templates: the key-figures tables of a note, a topic's figures
//! and series charts, metrics tables for ```` ```metrics ```` blocks and the `metrics()`
//! Tera function, and the site-wide `/metrics/` page.

use serde::Serialize;

use super::format;
use crate::content::PageId;
use crate::enrich::figures::Figure;
use crate::enrich::metrics::Quantity;
use crate::render::charts;
use crate::render::words::Words;
use crate::site::Site;
use crate::site::store::{Periods, Record, Series};

mod page;

pub use page::MetricsView;

/// One row of a figures table that templates draw (a ```` ```metrics ```` block, the
/// `metrics()` function). Its words are borrowed from the
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
    /// Whether it looks ahead (guidance, an estimate, a target).
    pub forecast: bool,
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
        forecast: f.forecast,
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

/// The title and escaped URL of the note a figure is from, for tables whose rows come a
/// few at a time from one note (in note order, or in metric order on a topic page): the
/// URL is made and escaped when the note changes, not once a row.
struct Notes<'a> {
    /// The site the notes are in.
    site: &'a Site,
    /// The note asked about last, and its title.
    last: Option<(PageId, &'a str)>,
    /// That note's URL, escaped.
    href: String,
}

impl<'a> Notes<'a> {
    /// No note asked about yet.
    fn new(site: &'a Site) -> Self {
        Notes {
            site,
            last: None,
            href: String::new(),
        }
    }

    /// The title and escaped URL of the note `owner`.
    fn of(&mut self, owner: PageId) -> (&'a str, &str) {
        let title = match self.last {
            Some((last, title)) if last == owner => title,
            _ => {
                let page = &self.site.page(owner).doc.page;
                self.href.clear();
                crate::markdown::highlight::escape_into(&mut self.href, &self.site.config.url(&page.permalink));
                self.last = Some((owner, &page.title));
                &page.title
            }
        };
        (title, &self.href)
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
    let page = site.page(id);
    // Figures without a subject (a site that sets no default subject) come last, under
    // "Other figures", or with no heading when they are all there is.
    let mut subjects: Vec<(Option<&'static str>, Vec<&Figure>)> = Vec::new();
    for f in &page.facts.figures {
        match subjects.iter_mut().find(|(s, _)| *s == f.subject) {
            Some((_, figures)) => figures.push(f),
            None => subjects.push((f.subject, vec![f])),
        }
    }
    subjects.sort_by_key(|(s, _)| s.is_none());
    let headed = subjects.iter().any(|(s, _)| s.is_some());
    let mut out = String::with_capacity(page.facts.figures.len() * 200);
    let mut scratch = String::new();
    HTML_WORDS.with_borrow_mut(|words| {
        for (subject, figures) in subjects {
            if headed {
                out.push_str("<h3 class=\"figures-subject\">");
                out.push_str(subject.map_or("Other figures", |s| words.get(s)));
                out.push_str("</h3>\n");
            }
            open_table(&mut out, false);
            for f in figures {
                // The figures are on this page: `#fig-4` reaches them, and a note of 30
                // figures is a kilobyte lighter than with the note's URL before each.
                write_row(&mut out, f, None, &mut scratch, words);
            }
            out.push_str(TABLE_END);
        }
    });
    out
}

thread_local! {
    /// The subjects, metrics and periods of figures as HTML, each escaped once a thread
    /// (escaped a row at a time, the two words of a row cost 150 instructions each, a
    /// tenth of a row). The words are `'static`, never freed: an address is never
    /// another word's, so the table serves every build of the process.
    static HTML_WORDS: std::cell::RefCell<Words> =
        std::cell::RefCell::new(Words::new(crate::markdown::highlight::escape_into));
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

/// One row of a figures table: metric, period, the value linked to the figure, the
/// change, and, when the table is not on the figure's own page, the title of the note
/// `elsewhere` gives as (escaped URL, title). The rows of a table share a few notes, so
/// a note's URL is escaped once a note, not once a row.
fn write_row(out: &mut String, f: &Figure, elsewhere: Option<(&str, &str)>, scratch: &mut String, words: &mut Words) {
    use crate::markdown::highlight::escape_into;
    out.push_str("<tr><td>");
    out.push_str(words.get(f.metric.unwrap_or("—")));
    out.push_str("</td><td>");
    out.push_str(words.get(f.period.unwrap_or("—")));
    write_forecast_tag(out, f);
    out.push_str("</td>");
    write_value_cell(out, f, elsewhere.map(|(href, _)| href), scratch);
    write_change_cell(out, f, scratch);
    if let Some((_, note)) = elsewhere {
        out.push_str("<td>");
        escape_into(out, note);
        out.push_str("</td>");
    }
    out.push_str("</tr>\n");
}

/// After a forecast's period, a tag that says it is one (a guide, an estimate, a
/// target): it is in no series and no conflict, and a reader should not take it for
/// what was reported.
fn write_forecast_tag(out: &mut String, f: &Figure) {
    if f.forecast {
        out.push_str(
            " <span class=\"forecast\" title=\"A forecast: guidance, an estimate or a target\">forecast</span>",
        );
    }
}

/// The value cell of a figures row: the value (or, without one, the figure's words cut
/// to 32 graphemes) linked to the figure. On another page than the figure's, `note_href`
/// is its note's URL, escaped, and the link's title is the sentence; on its own page
/// (None) the anchor alone links it (`#fig-4`), and a figure given in front matter, which
/// has no place in the text, is not linked.
fn write_value_cell(out: &mut String, f: &Figure, note_href: Option<&str>, scratch: &mut String) {
    use crate::markdown::highlight::escape_into;
    let linked = f.anchor > 0 || note_href.is_some();
    out.push_str("<td class=\"num\">");
    if linked {
        out.push_str("<a href=\"");
        write_figure_url(out, note_href.unwrap_or_default(), f.anchor);
        if note_href.is_some() {
            out.push_str("\" title=\"");
            escape_into(out, f.sentence());
        }
        out.push_str("\">");
    }
    match &f.value {
        Some(v) => write_value(out, v, scratch),
        None => escape_into(out, &super::truncated(f.text(), 32, "…")),
    }
    out.push_str(if linked { "</a></td>" } else { "</td>" });
}

/// The change cell of a figures row, classed by its direction (`up`, `down`).
fn write_change_cell(out: &mut String, f: &Figure, scratch: &mut String) {
    out.push_str("<td class=\"num change ");
    out.push_str(f.change.as_ref().map_or("", |c| c.direction));
    out.push_str("\">");
    if let Some(c) = &f.change {
        write_escaped(out, scratch, format::change_is_plain(c), |o| format::write_change(o, c));
    }
    out.push_str("</td>");
}

/// A figure's value, formatted and escaped.
fn write_value(out: &mut String, v: &Quantity, scratch: &mut String) {
    write_escaped(out, scratch, format::value_is_plain(v), |o| format::write_value(o, v));
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
        // Latest first (records without a known period last), the first record first for
        // equal periods (`ids` is in record order): the `TOPIC_ROWS` least of these keys,
        // which are distinct. Picked, not sorted: a subject of a large site has thousands
        // of figures, and only the rows kept are put in order (below).
        let mut latest: Vec<_> = ids
            .iter()
            .map(|&i| (std::cmp::Reverse(period(i).map(|(_, y, n)| (y, n))), i))
            .collect();
        latest.select_nth_unstable(TOPIC_ROWS - 1);
        ids = latest[..TOPIC_ROWS].iter().map(|&(_, i)| i).collect();
    }
    // By metric and period, in record order for equal ones: the order the latest rows
    // were picked in, by period then record, is the same for records of one period.
    ids.sort_by_cached_key(|&i| (site.store.record(i).figure().metric, period(i), i));
    let mut table = String::new();
    if !ids.is_empty() {
        table.reserve(ids.len() * 400);
        open_table(&mut table, true);
        let mut scratch = String::new();
        let mut notes = Notes::new(site);
        HTML_WORDS.with_borrow_mut(|words| {
            for &i in &ids {
                let r = site.store.record(i);
                let (title, href) = notes.of(r.owner);
                write_row(&mut table, r.figure(), Some((href, title)), &mut scratch, words);
            }
        });
        table.push_str(TABLE_END);
    }
    let charts = site.store.series_about(subject).map(|s| chart(site, s)).collect();
    SubjectFigures {
        table,
        shown: ids.len(),
        total,
        charts,
    }
}

/// The SVG of one series.
pub fn chart(site: &Site, s: &Series) -> Chart {
    let title = [s.subject.as_str(), " · ", &s.metric].concat();
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
    let slug = crate::content::slug::slugify(&[s.subject.as_str(), "-", &s.metric, "-", &s.unit].concat());
    let id = ["chart-", &slug].concat();
    let svg = charts::series_svg(&id, &title, &points, &format::tick(&s.unit));
    Chart { title, svg }
}
