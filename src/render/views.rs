//! Typed views for templates: borrowed structs that turn `PageId`s into titles and URLs.
//! Templates see `site`, `page`, `paginator`, `section`, `taxonomy` and `term`; never a
//! hand-built map.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset};
use serde::Serialize;

use crate::content::{PageId, PageKind};
use crate::markdown::Heading;
use crate::render::format::push_padded;
use crate::site::{Site, Taxonomy, Term};

/// A titled link.
#[derive(Debug, Serialize, Hash)]
pub struct Link {
    /// Shown text.
    pub title: String,
    /// Root-relative URL (base path included).
    pub url: String,
    /// A count shown beside it (pages in a term or section).
    pub count: usize,
}

/// What every template sees as `site`.
#[derive(Serialize)]
pub struct SiteView<'a> {
    /// Site title.
    pub title: &'a str,
    /// Site description.
    pub description: &'a str,
    /// Author.
    pub author: Option<&'a str>,
    /// Page language.
    pub language: &'a str,
    /// Absolute base URL.
    pub base_url: &'a str,
    /// Base path, e.g. `/research/`: prefix of every URL, and of static files.
    pub root: &'a str,
    /// Sections with notes.
    pub sections: Vec<Link>,
    /// Topics.
    pub topics: Vec<Link>,
    /// Taxonomy index pages.
    pub taxonomies: Vec<Link>,
    /// `[extra]` of site.toml.
    pub extra: &'a toml::Table,
    /// folio's version.
    pub generator: &'static str,
}

impl<'a> SiteView<'a> {
    /// Builds the site view once per build.
    pub fn new(site: &'a Site) -> Self {
        let c = &site.config;
        let sections = site
            .sections
            .values()
            .filter(|s| !s.name.is_empty() && s.name != c.topics_dir && !s.pages.is_empty())
            .map(|s| Link {
                title: section_title(site, &s.name),
                url: c.url(&format!("/{}/", s.name)),
                count: s.pages.len(),
            })
            .collect();
        let topics = site.topics.iter().map(|id| link(site, *id)).collect();
        let taxonomies = site
            .taxonomies
            .iter()
            .filter(|t| !t.terms.is_empty())
            .map(|t| Link {
                title: capitalise(t.name),
                url: c.url(&format!("/{}/", t.name)),
                count: t.terms.len(),
            })
            .collect();
        SiteView {
            title: &c.title,
            description: &c.description,
            author: c.author.as_deref(),
            language: &c.language,
            base_url: &c.base_url,
            root: c.base_path(),
            sections,
            topics,
            taxonomies,
            extra: &c.extra,
            generator: concat!("folio ", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// A section's title: its `_index.md` title, else its folder name capitalised.
pub fn section_title(site: &Site, name: &str) -> String {
    site.sections
        .get(name)
        .and_then(|s| s.index)
        .map(|id| site.page(id).doc.page.title.clone())
        .unwrap_or_else(|| capitalise(name))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A page as a link.
pub fn link(site: &Site, id: PageId) -> Link {
    let page = &site.page(id).doc.page;
    Link {
        title: page.title.clone(),
        url: site.config.url(&page.permalink),
        count: 0,
    }
}

/// A term as a link. Every tag and category of every page listed is one (38,000 at
/// 1,000 notes): its URL is written in one piece, not `format!`ted and then copied.
pub fn term_link(site: &Site, taxonomy: &str, term: &Term) -> Link {
    Link {
        title: term.name.clone(),
        url: site.config.url_of(&["/", taxonomy, "/", &term.slug, "/"]),
        count: term.pages.len(),
    }
}

/// What templates see as `page` (and as items of lists, without `content`).
#[derive(Serialize)]
pub struct PageView<'a> {
    /// Title.
    pub title: &'a str,
    /// Root-relative URL.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// note | section | topic.
    pub kind: PageKind,
    /// Section folder.
    pub section: &'a str,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// RFC 3339, for `<time datetime>`.
    pub datetime: Option<String>,
    /// `1 February 2024`.
    pub date_display: Option<String>,
    /// Last update, `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// Description (front matter).
    pub description: Option<&'a str>,
    /// Excerpt: front matter `excerpt`, else the first paragraph.
    pub summary: String,
    /// Categories as links.
    pub categories: Vec<Link>,
    /// Tags as links.
    pub tags: Vec<Link>,
    /// Words of prose.
    pub words: usize,
    /// Minutes to read (220 words a minute, at least 1).
    pub reading_time: usize,
    /// Headings for the table of contents.
    pub toc: &'a [Heading],
    /// Other names.
    pub aliases: &'a [String],
    /// Unknown front matter keys.
    pub extra: &'a BTreeMap<String, serde_json::Value>,
    /// Source file, relative to the site.
    pub source: String,
    /// Rendered HTML (only for the page being rendered).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

impl<'a> PageView<'a> {
    /// The view of page `id`, with or without its content.
    pub fn new(site: &'a Site, id: PageId, content: Option<String>) -> Self {
        let e = site.page(id);
        let page = &e.doc.page;
        let c = &site.config;
        let terms = |name: &str, values: &[String]| -> Vec<Link> {
            let Some(tax) = site.taxonomies.iter().find(|t| t.name == name) else {
                return Vec::new();
            };
            values
                .iter()
                .filter_map(|v| tax.terms.get(&crate::content::slug::slugify(v)))
                .map(|t| term_link(site, tax.name, t))
                .collect()
        };
        PageView {
            title: &page.title,
            url: c.url(&page.permalink),
            permalink: c.absolute_url(&page.permalink),
            kind: page.kind,
            section: &page.section,
            date: page.date.as_ref().map(date_iso),
            datetime: page.date.map(|d| d.to_rfc3339()),
            date_display: page.date.as_ref().map(date_shown),
            updated: page.meta.updated.as_ref().map(date_iso),
            description: page.meta.description.as_deref(),
            summary: page.meta.excerpt.clone().unwrap_or_else(|| e.doc.summary.clone()),
            categories: terms("categories", &page.meta.categories),
            tags: terms("tags", &page.meta.tags),
            words: e.doc.words,
            reading_time: e.doc.words.div_ceil(220).max(1),
            toc: &e.doc.outline,
            aliases: &page.meta.aliases,
            extra: &page.meta.extra,
            source: page.source.display().to_string(),
            content,
        }
    }
}

/// A page of a paginated list.
#[derive(Serialize)]
pub struct Paginator<'a> {
    /// The items on this page.
    pub pages: Vec<PageView<'a>>,
    /// 1-based page number.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page URL.
    pub prev_url: Option<String>,
    /// Next page URL.
    pub next_url: Option<String>,
}

/// What `taxonomy.html` sees.
#[derive(Serialize)]
pub struct TaxonomyView {
    /// `categories` or `tags`.
    pub name: &'static str,
    /// Capitalised name.
    pub title: String,
    /// Its terms, by name.
    pub terms: Vec<Link>,
}

impl TaxonomyView {
    /// The view of a taxonomy.
    pub fn new(site: &Site, tax: &Taxonomy) -> Self {
        let mut terms: Vec<Link> = tax.terms.values().map(|t| term_link(site, tax.name, t)).collect();
        terms.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
        });
        TaxonomyView {
            name: tax.name,
            title: capitalise(tax.name),
            terms,
        }
    }
}

/// A date as pages show it, "1 February 2024" (chrono's `%-d %B %Y`), written without
/// parsing a format string: every page and every list of pages shows dates.
pub fn date_shown(d: &DateTime<FixedOffset>) -> String {
    if !(0..=9999).contains(&d.year()) {
        return d.format("%-d %B %Y").to_string();
    }
    let mut out = String::with_capacity(18);
    push_padded(&mut out, d.day().into(), 1);
    out.push(' ');
    out.push_str(chrono::Month::try_from(d.month() as u8).map_or("", |m| m.name()));
    out.push(' ');
    push_padded(&mut out, d.year() as u64, 4);
    out
}

/// A date as "2024-02-01" (chrono's `%Y-%m-%d`).
pub fn date_iso(d: &DateTime<FixedOffset>) -> String {
    if !(0..=9999).contains(&d.year()) {
        return d.format("%Y-%m-%d").to_string();
    }
    let mut out = String::with_capacity(10);
    push_padded(&mut out, d.year() as u64, 4);
    out.push('-');
    push_padded(&mut out, d.month().into(), 2);
    out.push('-');
    push_padded(&mut out, d.day().into(), 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written dates read as chrono's formats do, on every day of a span of
    /// years and at the edges of the four-digit years.
    #[test]
    fn dates_read_as_chrono_writes_them() {
        use chrono::{NaiveDate, TimeZone};
        let zone = FixedOffset::east_opt(5 * 3600).unwrap();
        let mut days: Vec<NaiveDate> = (0..800)
            .map(|n| NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(n))
            .collect();
        for y in [-1, 0, 7, 999, 1000, 9999, 10000] {
            days.push(NaiveDate::from_ymd_opt(y, 12, 31).unwrap());
        }
        for day in days {
            let d = zone.from_local_datetime(&day.and_hms_opt(23, 30, 0).unwrap()).unwrap();
            assert_eq!(date_shown(&d), d.format("%-d %B %Y").to_string());
            assert_eq!(date_iso(&d), d.format("%Y-%m-%d").to_string());
        }
    }
}
