//! Machine-read outputs: the Atom feed, the sitemap, robots.txt and redirect pages.
//! Written in code rather than templates so that they are always valid XML.

use crate::markdown::highlight::escape;
use crate::site::Site;

/// Notes in the feed.
const FEED_SIZE: usize = 20;

/// `atom.xml`: the newest dated notes, with their summaries.
pub fn atom(site: &Site) -> String {
    let c = &site.config;
    let notes = site.dated_notes();
    let updated = notes
        .first()
        .and_then(|id| site.page(*id).doc.page.date)
        .map(|d| d.to_rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".to_string());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n  <link href=\"{}\"/>\n  <id>{}</id>\n  <updated>{updated}</updated>\n  <generator>folio</generator>\n",
        escape(&c.language),
        escape(&c.title),
        escape(&c.absolute_url("/atom.xml")),
        escape(&c.base_url),
        escape(&c.base_url),
    );
    if let Some(author) = &c.author {
        xml.push_str(&format!("  <author><name>{}</name></author>\n", escape(author)));
    }
    for id in notes.into_iter().take(FEED_SIZE) {
        let e = site.page(id);
        let page = &e.doc.page;
        let url = c.absolute_url(&page.permalink);
        let date = page.date.map(|d| d.to_rfc3339()).unwrap_or_default();
        let updated = page
            .meta
            .updated
            .map(|d| d.to_rfc3339())
            .unwrap_or_else(|| date.clone());
        let summary = page
            .meta
            .description
            .clone()
            .or_else(|| page.meta.excerpt.clone())
            .unwrap_or_else(|| e.doc.summary.clone());
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <link href=\"{}\"/>\n    <id>{}</id>\n    <published>{date}</published>\n    <updated>{updated}</updated>\n    <summary>{}</summary>\n",
            escape(&page.title),
            escape(&url),
            escape(&url),
            escape(&summary),
        ));
        for cat in &page.meta.categories {
            xml.push_str(&format!("    <category term=\"{}\"/>\n", escape(cat)));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// `sitemap.xml` over the given site-relative permalinks.
pub fn sitemap(site: &Site, permalinks: &[String]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in permalinks {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&site.config.absolute_url(p))
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`, pointing at the sitemap.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        site.config.absolute_url("/sitemap.xml")
    )
}

/// A page that sends the reader to `url`.
pub fn redirect(url: &str) -> String {
    let url = escape(url);
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Redirecting…</title>\n<link rel=\"canonical\" href=\"{url}\">\n<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n<meta name=\"robots\" content=\"noindex\"></head>\n<body><p>This page has moved to <a href=\"{url}\">{url}</a>.</p></body></html>\n"
    )
}
