//! The site-wide `/metrics/` page: the figures that disagree and a table of the first
//! figures, written as HTML for `metrics.html` to insert.
//!
//! Written here rather than by the template: through Tera its 2,000 rows and 200 groups
//! of values (39 on average at 1,000 notes), each field serialised, looked up and escaped
//! for one use, were 5% of a 1,000-note build's instructions (4.99 G before, 4.74 G
//! after). A theme that wants other markup loops over `metrics()`. The whitespace is
//! what the template's loops wrote, so the page is byte for byte what it was.

use serde::Serialize;

use super::{Notes, write_change_cell, write_figure_url, write_forecast_tag, write_value, write_value_cell};
use crate::markdown::highlight::escape_into;
use crate::site::Site;
use crate::site::store::{Conflict, Record};

/// Most rows the /metrics/ page shows; the exports always hold every figure.
pub const PAGE_ROWS: usize = 2000;
/// Most conflicts the /metrics/ page shows; metrics.json and `folio check` list them all.
pub const PAGE_CONFLICTS: usize = 200;

/// What `metrics.html` sees as `metrics`.
#[derive(Debug, Serialize)]
pub struct MetricsView<'a> {
    /// The table's rows (HTML): the first `PAGE_ROWS` figures, in note order.
    pub rows_html: String,
    /// How many rows `rows_html` has.
    pub shown: usize,
    /// How many figures the site has.
    pub total: usize,
    /// Figures that disagree (HTML): an `<article class="conflict">` for each of the
    /// first `PAGE_CONFLICTS` groups.
    pub conflicts_html: String,
    /// How many groups `conflicts_html` has.
    pub conflicts_shown: usize,
    /// How many groups disagree.
    pub conflicts_total: usize,
    /// Distinct subjects of the rows, sorted.
    pub subjects: Vec<&'a str>,
    /// Distinct metrics of the rows, sorted.
    pub names: Vec<&'a str>,
}

impl<'a> MetricsView<'a> {
    /// The view of the whole store.
    pub fn new(site: &'a Site) -> Self {
        let total = site.store.len();
        let shown = total.min(PAGE_ROWS);
        let records: Vec<Record<'a>> = (0..shown).map(|i| site.store.record(i)).collect();
        // A row, with its sentence, is at most about 600 bytes; a value of a group, with
        // its note's title and source, 240 on average at 1,000 notes: room for 256, so
        // that the 1.8 MB of the groups are not copied again as they grow.
        let mut rows = Writer::new(site, shown * 600);
        records.iter().for_each(|r| rows.row(r));
        let conflicts = &site.store.conflicts[..site.store.conflicts.len().min(PAGE_CONFLICTS)];
        let values: usize = conflicts.iter().map(|c| c.sources.len()).sum();
        let mut groups = Writer::new(site, values * 256);
        conflicts.iter().for_each(|c| groups.conflict(c));
        MetricsView {
            rows_html: rows.out,
            shown,
            total,
            conflicts_html: groups.out,
            conflicts_shown: conflicts.len(),
            conflicts_total: site.store.conflicts.len(),
            subjects: distinct(records.iter().map(|r| r.figure().subject)),
            names: distinct(records.iter().map(|r| r.figure().metric)),
        }
    }
}

/// The known words of `words` (a subject or metric of each row), sorted without regard
/// to case; equal neighbours once.
fn distinct<'a>(words: impl Iterator<Item = Option<&'a str>>) -> Vec<&'a str> {
    let mut words: Vec<&str> = words.flatten().filter(|w| *w != "—").collect();
    // Stable, as the sort by a key made at each comparison was before it: a word in two
    // cases keeps its order among them.
    words.sort_by_cached_key(|w| w.to_lowercase());
    words.dedup();
    words
}

/// The page's HTML as it is written: the buffer, a scratch buffer for the values that need
/// escaping, and the note of the last record, whose title and URL the next rows likely share.
struct Writer<'a> {
    /// The site the records are in.
    site: &'a Site,
    /// The HTML so far.
    out: String,
    /// For [`write_value`] and [`write_change_cell`].
    scratch: String,
    /// The notes' titles and escaped URLs.
    notes: Notes<'a>,
}

impl<'a> Writer<'a> {
    /// An empty page of about `bytes` bytes.
    fn new(site: &'a Site, bytes: usize) -> Self {
        Writer {
            site,
            out: String::with_capacity(bytes),
            scratch: String::new(),
            notes: Notes::new(site),
        }
    }

    /// A row of the table: subject, metric, period, the value linked to the figure with
    /// its sentence as a tooltip, the change, the note's title and the source.
    fn row(&mut self, r: &Record) {
        let f = r.figure();
        let (title, href) = self.notes.of(r.owner);
        let out = &mut self.out;
        out.push_str("\n  <tr><td>");
        escape_into(out, f.subject.unwrap_or("—"));
        out.push_str("</td><td>");
        escape_into(out, f.metric.unwrap_or("—"));
        out.push_str("</td><td>");
        escape_into(out, f.period.unwrap_or("—"));
        write_forecast_tag(out, f);
        out.push_str("</td>\n    ");
        write_value_cell(out, f, Some(href), &mut self.scratch);
        out.push_str("\n    ");
        write_change_cell(out, f, &mut self.scratch);
        out.push_str("<td>");
        escape_into(out, title);
        out.push_str("</td><td><code>");
        write_source(out, r);
        out.push_str("</code></td></tr>\n  ");
    }

    /// An `<article class="conflict">`: the group's subject, metric and period as a
    /// heading, and a list of its values, each with the note it is in and where.
    fn conflict(&mut self, c: &Conflict) {
        self.out.push_str("\n  <article class=\"conflict\">\n    <h3>");
        escape_into(&mut self.out, &c.subject);
        self.out.push_str(" · ");
        escape_into(&mut self.out, &c.metric);
        self.out.push_str(" · ");
        escape_into(&mut self.out, &c.period);
        self.out.push_str("</h3>\n    <ul>");
        let site = self.site;
        for source in &c.sources {
            self.conflicting(&site.store.record(source.record));
        }
        self.out.push_str("</ul>\n  </article>\n  ");
    }

    /// One value of a conflict: `<li>`, the value, the note linked to the figure, the source.
    fn conflicting(&mut self, r: &Record) {
        let f = r.figure();
        let (title, href) = self.notes.of(r.owner);
        let out = &mut self.out;
        out.push_str("<li><strong>");
        if let Some(v) = &f.value {
            write_value(out, v, &mut self.scratch);
        }
        out.push_str("</strong> in <a href=\"");
        write_figure_url(out, href, f.anchor);
        out.push_str("\">");
        escape_into(out, title);
        out.push_str("</a> <code>");
        write_source(out, r);
        out.push_str("</code></li>");
    }
}

/// Where a figure is written: `content/notes/x.md:17`.
fn write_source(out: &mut String, r: &Record) {
    escape_into(out, r.source);
    out.push(':');
    super::format::push_padded(out, r.figure().line.into(), 1);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::figures::{Row, row};

    /// The rows as `metrics.html` drew them from `metrics.rows` before folio wrote them
    /// (with the tag of a forecast, as the theme's `figures_table` macro writes it).
    const TERA_ROWS: &str = r#"{% for r in rows %}
  <tr><td>{{ r.subject }}</td><td>{{ r.metric }}</td><td>{{ r.period }}{% if r.forecast %} <span class="forecast" title="A forecast: guidance, an estimate or a target">forecast</span>{% endif %}</td>
    <td class="num"><a href="{{ r.url }}" title="{{ r.sentence }}">{% if r.value %}{{ r.value }}{% else %}{{ r.text | truncate(length=32) }}{% endif %}</a></td>
    <td class="num change {{ r.direction }}">{{ r.change }}</td><td>{{ r.note }}</td><td><code>{{ r.source }}</code></td></tr>
  {% endfor %}"#;

    /// The groups as `metrics.html` drew them from `metrics.conflicts`.
    const TERA_CONFLICTS: &str = r#"{% for c in conflicts %}
  <article class="conflict">
    <h3>{{ c.title }}</h3>
    <ul>{% for v in c.values %}<li><strong>{{ v.value }}</strong> in <a href="{{ v.url }}">{{ v.note }}</a> <code>{{ v.source }}</code></li>{% endfor %}</ul>
  </article>
  {% endfor %}"#;

    /// A group as `metrics.conflicts` held it.
    #[derive(Serialize)]
    struct TeraConflict<'a> {
        title: String,
        values: Vec<Row<'a>>,
    }

    /// The /metrics/ page's rows and groups of the example site and of the figures
    /// fixture (values cut to their words, an `&` in a tooltip, a figure by hand without
    /// an anchor, conflicts) are what the theme's Tera loops wrote, byte for byte.
    #[test]
    fn the_page_is_what_the_templates_loops_wrote() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in [root.to_path_buf(), root.join("tests/fixtures/figures")] {
            let (config, _) = crate::configure(&dir, &crate::BuildOptions::default()).expect("site.toml");
            let (site, _) = crate::assemble(config, false).expect("the site assembles");
            let view = MetricsView::new(&site);
            assert!(
                view.shown > 0 && view.conflicts_shown > 0,
                "{dir:?} has rows and conflicts"
            );
            let mut templates = crate::render::Templates::load(&site.config).expect("the theme loads");
            let tera = &mut templates.tera;
            tera.add_raw_templates([("rows.html", TERA_ROWS), ("conflicts.html", TERA_CONFLICTS)])
                .expect("the loops parse");
            let mut ctx = tera::Context::new();
            let rows: Vec<Row> = (0..view.shown).map(|i| row(&site, i)).collect();
            ctx.insert("rows", &rows);
            let conflicts: Vec<TeraConflict> = site.store.conflicts[..view.conflicts_shown]
                .iter()
                .map(|c| TeraConflict {
                    title: format!("{} · {} · {}", c.subject, c.metric, c.period),
                    values: c.sources.iter().map(|v| row(&site, v.record)).collect(),
                })
                .collect();
            ctx.insert("conflicts", &conflicts);
            assert_eq!(view.rows_html, tera.render("rows.html", &ctx).expect("rows render"));
            assert_eq!(
                view.conflicts_html,
                tera.render("conflicts.html", &ctx).expect("groups render")
            );
        }
    }
}
