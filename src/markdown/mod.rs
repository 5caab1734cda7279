//! The parse stage: the one place parser options are set. `Page` → `Doc`: the page's
//! events (owned, each with its byte range in the body), heading ids and the outline,
//! code highlighted, ```` ```metrics ```` blocks set aside for the render stage.

pub mod highlight;

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

use crate::config::MarkdownConfig;
use crate::content::Page;
use crate::content::slug::slugify;

/// One event with the byte range of the body it came from.
pub type Spanned = (Event<'static>, Range<usize>);

/// A heading of the outline.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The unique id in the page.
    pub id: String,
    /// The heading as plain text.
    pub text: String,
    /// Byte offset in the body.
    #[serde(skip)]
    pub offset: usize,
}

/// A ```` ```metrics ```` block: which figures the author wants tabled there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetricsQuery {
    /// Subject to keep, if any.
    pub subject: Option<String>,
    /// Metric to keep, if any.
    pub metric: Option<String>,
    /// Period to keep, if any.
    pub period: Option<String>,
}

/// The marker left in the event stream where a metrics table goes.
pub fn metrics_marker(index: usize) -> String {
    format!("<!--folio:metrics:{index}-->")
}

/// A parsed page.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The page, handed on.
    pub page: Page,
    /// Events with their body ranges.
    pub events: Vec<Spanned>,
    /// Headings in order.
    pub outline: Vec<Heading>,
    /// Metrics blocks, indexed by their marker.
    pub queries: Vec<MetricsQuery>,
    /// Words of prose (code excluded).
    pub words: usize,
    /// First paragraph as plain text.
    pub summary: String,
    /// Body offsets of every newline, so `line_of` is a binary search, not a scan (a
    /// 50 MB note has hundreds of thousands of figures to locate).
    pub newlines: Vec<usize>,
}

impl Doc {
    /// The 1-based line in the source file of a body byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.page.body_line + self.newlines.partition_point(|&n| n < offset)
    }
}

fn newlines(text: &str) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
        .collect()
}

/// The pulldown-cmark options for `config`.
pub fn options(config: &MarkdownConfig) -> Options {
    let mut o = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_WIKILINKS;
    o.set(Options::ENABLE_TABLES, config.tables);
    o.set(Options::ENABLE_FOOTNOTES, config.footnotes);
    o.set(Options::ENABLE_STRIKETHROUGH, config.strikethrough);
    o.set(Options::ENABLE_TASKLISTS, config.tasklists);
    o.set(Options::ENABLE_SMART_PUNCTUATION, config.smart_punctuation);
    o
}

/// Parses a page.
pub fn parse(page: Page, config: &MarkdownConfig) -> Doc {
    let mut events: Vec<Spanned> = Vec::new();
    let mut outline = Vec::new();
    let mut queries = Vec::new();
    let mut ids = IdSet::default();
    let mut words = 0;
    let mut summary = String::new();
    let mut code: Option<(String, String, usize)> = None;
    let mut heading: Option<(usize, String)> = None;
    let mut in_para = false;
    // Text the parser hands over in pieces comes as one event: smart punctuation and
    // entities split a run of text ("Sam", "’", "s Club"), and a topic named "Sam's Club",
    // a figure or a sentence across the pieces would not be found whole.
    let parser = Parser::new_ext(&page.body, options(config)).into_offset_iter();
    for (event, range) in TextMergeWithOffset::new(parser) {
        if let Some((lang, text, start)) = &mut code {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let html = if lang == "metrics" {
                        queries.push(parse_query(text));
                        metrics_marker(queries.len() - 1)
                    } else {
                        highlight::highlight(text, lang)
                    };
                    events.push((Event::Html(CowStr::from(html)), *start..range.end));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new(), range.start));
                continue;
            }
            Event::Start(Tag::Heading { .. }) => heading = Some((events.len(), String::new())),
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, text)) = heading.take() {
                    let id = set_heading_id(&mut events[start].0, &text, &mut ids);
                    outline.push(Heading {
                        level: *level as u8,
                        id,
                        text,
                        offset: events[start].1.start,
                    });
                }
            }
            Event::Start(Tag::Paragraph) => in_para = summary.is_empty(),
            Event::End(TagEnd::Paragraph) => in_para = false,
            Event::Text(t) | Event::Code(t) => {
                words += t.split_whitespace().count();
                if let Some((_, h)) = &mut heading {
                    h.push_str(t);
                } else if in_para && summary.len() < 400 {
                    summary.push_str(t);
                }
            }
            Event::SoftBreak if in_para => summary.push(' '),
            _ => {}
        }
        events.push((event.into_static(), range));
    }
    // Every page's events live until its page is written: give back what growing the
    // list left over for the next pages to use.
    events.shrink_to_fit();
    Doc {
        newlines: newlines(&page.body),
        page,
        events,
        outline,
        queries,
        words,
        summary: summary.trim().to_string(),
    }
}

/// Unique ids in one page: `intro`, `intro-1`, `intro-2`. Remembers the next suffix of
/// each base, so a transcript with thousands of identical headings stays linear.
#[derive(Default)]
struct IdSet {
    taken: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

impl IdSet {
    fn claim(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let mut id = base.to_string();
        let n = self.next.entry(base.to_string()).or_insert(1);
        while !self.taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        id
    }
}

fn set_heading_id(event: &mut Event<'static>, text: &str, ids: &mut IdSet) -> String {
    if let Event::Start(Tag::Heading { id, .. }) = event {
        let base = id.as_ref().map(|i| i.to_string()).unwrap_or_else(|| slugify(text));
        let unique = ids.claim(&base);
        *id = Some(CowStr::from(unique.clone()));
        return unique;
    }
    String::new()
}

fn parse_query(text: &str) -> MetricsQuery {
    let mut q = MetricsQuery::default();
    for line in text.lines() {
        if let Some((key, value)) = line.split_once(':') {
            let value = Some(value.trim().trim_matches('"').to_string()).filter(|v| !v.is_empty());
            match key.trim() {
                "subject" => q.subject = value,
                "metric" => q.metric = value,
                "period" => q.period = value,
                _ => {}
            }
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn doc(body: &str) -> Doc {
        let (config, _) = Config::parse(std::path::Path::new("."), "title = \"t\"").unwrap();
        let page = Page {
            id: crate::content::PageId(0),
            source: "content/a.md".into(),
            rel: "a.md".into(),
            section: String::new(),
            kind: crate::content::PageKind::Note,
            meta: Default::default(),
            title: "a".into(),
            slug: "a".into(),
            permalink: "/a/".into(),
            date: None,
            body: body.into(),
            body_line: 5,
        };
        parse(page, &config.markdown)
    }

    #[test]
    fn the_pieces_of_a_run_of_text_are_one_event() {
        let d = doc("Sam's Club &amp; Lowe's grew.\nNext line.\n\n```\ncode\n```\n\nAfter.\n");
        let texts: Vec<&str> = (d.events.iter())
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["Sam’s Club & Lowe’s grew.", "Next line.", "After."]);
        // The joined event spans the source of all its pieces.
        let (_, at) = d.events.iter().find(|(e, _)| matches!(e, Event::Text(_))).unwrap();
        assert_eq!(&d.page.body[at.clone()], "Sam's Club &amp; Lowe's grew.");
    }

    #[test]
    fn heading_ids_are_unique_and_explicit_ids_kept() {
        let d = doc("# Intro\n\n## Intro\n\n## Custom {#mine}\n");
        let ids: Vec<_> = d.outline.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["intro", "intro-1", "mine"]);
    }

    #[test]
    fn metrics_block_becomes_a_marker_and_lines_count_from_the_file() {
        let d = doc("text\n\n```metrics\nsubject: AWS\nmetric: revenue\n```\n");
        assert_eq!(d.queries[0].subject.as_deref(), Some("AWS"));
        assert!(
            d.events
                .iter()
                .any(|(e, _)| matches!(e, Event::Html(h) if h.contains("folio:metrics:0")))
        );
        assert_eq!(d.line_of(6), 7);
    }
}
