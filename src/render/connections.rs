//! Views of the topic graph for templates: a note's topic chips, backlinks and related
//! notes; a topic's "Mentioned in", figures, related topics and timeline; the /topics/
//! page with its graph.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Serialize;

use super::figures::{self, Chart};
use super::views::{Link, date_shown, link};
use crate::content::PageId;
use crate::markdown::highlight::escape_into;
use crate::render::format::push_padded;
use crate::render::{charts, graph};
use crate::site::Site;

/// What a note shows about its connections.
#[derive(Debug, Serialize, Hash)]
pub struct NoteConnections {
    /// Topics mentioned, most mentioned first.
    pub topics: Vec<Link>,
    /// Pages that link here or mention this topic.
    pub backlinks: Vec<Link>,
    /// Related notes.
    pub related: Vec<Link>,
    /// `topics` as HTML: an `<a class="chip">` per topic.
    pub topics_html: String,
    /// `backlinks` as HTML: the `<li>` items of a list, each a link.
    pub backlinks_html: String,
    /// `related` as HTML, like `backlinks_html`.
    pub related_html: String,
    /// The "Key figures" tables (HTML), empty without figures.
    pub key_figures: String,
}

/// A note's connections.
pub fn note(site: &Site, id: PageId) -> NoteConnections {
    NoteConnections {
        key_figures: figures::key_figures_html(site, id),
        ..links_of(site, id)
    }
}

/// A note's connections to other pages, without its figures: what its render input
/// takes from the rest of the site (its own figures come from its own text).
pub fn links_of(site: &Site, id: PageId) -> NoteConnections {
    let g = &site.graph;
    let topic_link = |t: usize| {
        let topic = &g.topics[t];
        Link {
            title: topic.title.clone(),
            url: topic.url.clone(),
            count: 0,
        }
    };
    let topics: Vec<Link> = g.page_topics[id.0].iter().map(|&t| topic_link(t)).collect();
    let backlinks: Vec<Link> = g.backlinks[id.0]
        .iter()
        .filter(|&&b| !g.topic_of_page.contains_key(&id) || !is_mention_only(site, b, id))
        .map(|&b| link(site, b))
        .collect();
    let related: Vec<Link> = g.related_notes[id.0].iter().map(|&r| link(site, r)).collect();
    NoteConnections {
        topics_html: links_html(&topics, " class=\"chip\"", "", ""),
        backlinks_html: links_html(&backlinks, "", "<li>", "</li>"),
        related_html: links_html(&related, "", "<li>", "</li>"),
        topics,
        backlinks,
        related,
        key_figures: String::new(),
    }
}

/// The quoted notes as HTML (what the default theme's loop over `mentioned_in` wrote):
/// 200 topic pages quote 100 notes each, a dozen Tera lookups a note.
fn mentions_html(notes: &[MentionedIn]) -> String {
    let mut html = String::with_capacity(notes.len() * 800);
    for n in notes {
        html.push_str("<article class=\"mention\">\n<h3>");
        push_link(&mut html, "", &n.note.url, &n.note.title);
        if let (Some(date), Some(datetime)) = (&n.date, &n.datetime) {
            push_time(&mut html, datetime, date);
        }
        html.push_str("</h3>\n");
        for q in &n.quotes {
            html.push_str("<blockquote>");
            escape_into(&mut html, &q.text);
            html.push_str(" <a href=\"");
            escape_into(&mut html, &q.url);
            html.push_str("\" aria-label=\"Go to this mention\">→</a></blockquote>");
        }
        if n.more > 0 {
            html.push_str("\n<p class=\"more\"><a href=\"");
            escape_into(&mut html, &n.note.url);
            html.push_str("\">");
            push_padded(&mut html, n.more as u64, 1);
            html.push_str(if n.more == 1 { " more mention" } else { " more mentions" });
            html.push_str(" in this note</a></p>");
        }
        html.push_str("\n</article>\n");
    }
    html
}

/// Links as HTML, each `<a{attrs} href="…">title</a>` between `before` and `after`.
/// Written here, not by a template loop, for the reason of `figures_table`: every note
/// has a dozen of them, and a Tera loop spends thousands of instructions on each.
fn links_html(links: &[Link], attrs: &str, before: &str, after: &str) -> String {
    let mut html = String::with_capacity(links.len() * 120);
    for l in links {
        html.push_str(before);
        push_link(&mut html, attrs, &l.url, &l.title);
        html.push_str(after);
    }
    html
}

/// `<a{attrs} href="url">title</a>`, URL and title escaped.
fn push_link(html: &mut String, attrs: &str, url: &str, title: &str) {
    html.push_str("<a");
    html.push_str(attrs);
    html.push_str(" href=\"");
    escape_into(html, url);
    html.push_str("\">");
    escape_into(html, title);
    html.push_str("</a>");
}

/// ` <time datetime="…">shown</time>`.
fn push_time(html: &mut String, datetime: &str, shown: &str) {
    html.push_str(" <time datetime=\"");
    escape_into(html, datetime);
    html.push_str("\">");
    escape_into(html, shown);
    html.push_str("</time>");
}

/// True when `from` only mentions topic page `to` (listed under "Mentioned in" instead).
fn is_mention_only(site: &Site, from: PageId, to: PageId) -> bool {
    !site.outlinks[from.0].contains(&to)
}

/// A sentence that mentions a topic, linked to its place.
#[derive(Debug, Serialize, Hash)]
pub struct Quote {
    /// The sentence.
    pub text: String,
    /// URL of the mention in its note.
    pub url: String,
}

/// A note that mentions a topic, quoted.
#[derive(Debug, Serialize, Hash)]
pub struct MentionedIn {
    /// The note.
    pub note: Link,
    /// Its date, as shown.
    pub date: Option<String>,
    /// Its date, RFC 3339.
    pub datetime: Option<String>,
    /// The sentences (each once; at most `QUOTES_PER_NOTE`).
    pub quotes: Vec<Quote>,
    /// Sentences of this note that mention the topic but are not quoted.
    pub more: usize,
    /// Always true: kept for themes written when this list also held the older notes
    /// (they skipped those with `{% if not n.quoted %}`); those are now `older_list`.
    pub quoted: bool,
}

/// Notes whose sentences a topic page quotes (newest first); older ones are listed by
/// title. Sites of a few hundred notes never reach it; at 10,000 notes a topic page
/// quoting every mention runs to megabytes.
pub const QUOTED_NOTES: usize = 100;
/// Sentences quoted from one note.
pub const QUOTES_PER_NOTE: usize = 3;

/// What a topic page shows beyond the author's text.
#[derive(Debug, Serialize, Hash)]
pub struct TopicView {
    /// The newest `QUOTED_NOTES` notes that mention it, newest first, quoted.
    pub mentioned_in: Vec<MentionedIn>,
    /// `mentioned_in` as HTML: an `<article class="mention">` per note, with its title
    /// linked, its date, its quotes each linked to its place, and the count of the rest.
    pub mentioned_html: String,
    /// How many older notes mention it.
    pub older: usize,
    /// Those older notes as the `<li>` items of a list (HTML): the title linked, and the
    /// date. Written here, not by a template, for the reason of `figures_table`: 200
    /// topics of a 10,000-note site list 67,000 of them.
    pub older_list: String,
    /// Related topics.
    pub related: Vec<Link>,
    /// The table of the figures about it (HTML; the latest `figures::TOPIC_ROWS` when
    /// there are more), empty without figures.
    pub figures_table: String,
    /// How many rows that table has.
    pub figures_shown: usize,
    /// How many figures are about it.
    pub figures_total: usize,
    /// Series charts.
    pub charts: Vec<Chart>,
    /// Mentions over time (SVG), empty without dated notes.
    pub timeline: String,
}

/// The view of topic page `id`, if it is one.
pub fn topic(site: &Site, id: PageId) -> Option<TopicView> {
    let g = &site.graph;
    let t = *g.topic_of_page.get(&id)?;
    let topic = &g.topics[t];
    let mut timeline: BTreeMap<(i32, u32), f64> = BTreeMap::new();
    let mentions = &g.mentioned_in[t];
    for (page_id, _) in mentions {
        if let Some(d) = site.page(*page_id).doc.page.date {
            *timeline.entry((d.year(), d.month())).or_default() += 1.0;
        }
    }
    let (quoted, older) = mentions.split_at(mentions.len().min(QUOTED_NOTES));
    let mentioned_in: Vec<MentionedIn> = quoted
        .iter()
        .map(|(page_id, mentions)| {
            let e = site.page(*page_id);
            // The distinct sentences (by text), borrowed: only the quoted few are copied out.
            let mut distinct: Vec<(&str, u32)> = Vec::new();
            for &m in mentions {
                let mention = &e.facts.mentions[m];
                let sentence = e.facts.sentence_at(mention.block, mention.range.start);
                if let Some(text) = sentence.filter(|s| !distinct.iter().any(|(t, _)| t == s)) {
                    distinct.push((text, mention.anchor));
                }
            }
            let more = distinct.len().saturating_sub(QUOTES_PER_NOTE);
            distinct.truncate(QUOTES_PER_NOTE);
            let url = site.config.url(&e.doc.page.permalink);
            let quotes = distinct
                .iter()
                .map(|(text, anchor)| Quote {
                    text: text.to_string(),
                    // In one piece, not `format!`ted: 14,000 quotes at 1,000 notes.
                    url: site
                        .config
                        .url_of(&[&e.doc.page.permalink, "#m-", itoa::Buffer::new().format(*anchor)]),
                })
                .collect();
            MentionedIn {
                note: Link {
                    title: e.doc.page.title.clone(),
                    url,
                    count: 0,
                },
                date: e.doc.page.date.as_ref().map(date_shown),
                datetime: e.doc.page.date.map(|d| d.to_rfc3339()),
                quotes,
                more,
                quoted: true,
            }
        })
        .collect();
    // Older notes by title alone: their sentences are not looked up (a popular topic
    // is mentioned in thousands of notes).
    let mut older_list = String::with_capacity(older.len() * 160);
    for (page_id, _) in older {
        let page = &site.page(*page_id).doc.page;
        older_list.push_str("<li>");
        push_link(&mut older_list, "", &site.config.url(&page.permalink), &page.title);
        if let Some(d) = page.date {
            push_time(&mut older_list, &d.to_rfc3339(), &date_shown(&d));
        }
        older_list.push_str("</li>");
    }
    let figures = figures::of_subject(site, &topic.title);
    let bars: Vec<(String, f64)> = timeline
        .into_iter()
        .map(|((year, month), n)| (month_label(year, month), n))
        .collect();
    let timeline = if bars.is_empty() {
        String::new()
    } else {
        charts::bars_svg(
            &format!("timeline-{}", topic.page.0),
            &format!("Notes mentioning {} by month", topic.title),
            &bars,
        )
    };
    Some(TopicView {
        mentioned_html: mentions_html(&mentioned_in),
        mentioned_in,
        older: older.len(),
        older_list,
        related: g.related_topics[t]
            .iter()
            .map(|&r| Link {
                title: g.topics[r].title.clone(),
                url: g.topics[r].url.clone(),
                count: 0,
            })
            .collect(),
        figures_table: figures.table,
        figures_shown: figures.shown,
        figures_total: figures.total,
        charts: figures.charts,
        timeline,
    })
}

/// A month of a timeline, "2024-02" (`{year:04}-{month:02}`), written without `format!`:
/// each topic's timeline has a bar a month.
fn month_label(year: i32, month: u32) -> String {
    let Ok(year) = u64::try_from(year) else {
        return format!("{year:04}-{month:02}");
    };
    let mut label = String::with_capacity(7);
    push_padded(&mut label, year, 4);
    label.push('-');
    push_padded(&mut label, month.into(), 2);
    label
}

/// The /topics/ page: every topic with its count of notes, and the graph.
#[derive(Debug, Serialize, Hash)]
pub struct TopicsIndex {
    /// Topics with the number of notes that mention them.
    pub topics: Vec<Link>,
    /// The topic graph (SVG).
    pub graph: String,
}

/// The view of /topics/.
pub fn topics_index(site: &Site) -> TopicsIndex {
    let TopicsGraph { topics, nodes, edges } = topics_graph(site);
    let graph = if nodes.is_empty() {
        String::new()
    } else {
        graph::graph_svg(
            "topic-graph",
            "Topics and how often they appear together",
            &nodes,
            &edges,
        )
    };
    TopicsIndex { topics, graph }
}

/// What /topics/ is drawn from: its render input, without the (costly) layout.
#[derive(Debug)]
pub struct TopicsGraph {
    /// Topics with the number of notes that mention them, most mentioned first.
    pub topics: Vec<Link>,
    /// Graph nodes.
    pub nodes: Vec<graph::Node>,
    /// Graph edges.
    pub edges: Vec<graph::Edge>,
}

impl std::hash::Hash for TopicsGraph {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.topics.hash(h);
        for n in &self.nodes {
            (&n.label, &n.href, n.weight.to_bits()).hash(h);
        }
        for e in &self.edges {
            (e.a, e.b, e.weight.to_bits()).hash(h);
        }
    }
}

/// The topics, nodes and edges of /topics/.
pub fn topics_graph(site: &Site) -> TopicsGraph {
    let g = &site.graph;
    let mut topics: Vec<Link> = g
        .topics
        .iter()
        .enumerate()
        .map(|(t, topic)| Link {
            title: topic.title.clone(),
            url: topic.url.clone(),
            count: g.mentioned_in[t].len(),
        })
        .collect();
    topics.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
    });
    let nodes: Vec<graph::Node> = g
        .topics
        .iter()
        .enumerate()
        .map(|(t, topic)| graph::Node {
            label: topic.title.clone(),
            href: topic.url.clone(),
            weight: g.mentioned_in[t].iter().map(|(_, ms)| ms.len() as f64).sum(),
        })
        .collect();
    let edges = strongest_edges(g);
    TopicsGraph { topics, nodes, edges }
}

/// Edges a reader can follow: each topic's few strongest co-mentions (a site with 200
/// topics has thousands of weak ones, which only draw a grey smudge).
fn strongest_edges(g: &crate::site::graph::Graph) -> Vec<graph::Edge> {
    const PER_TOPIC: usize = 4;
    // Each topic's co-mentions, gathered in one pass (in key order, as the map holds them).
    let mut of_topic: Vec<Vec<(&(usize, usize), &usize)>> = vec![Vec::new(); g.topics.len()];
    for pair @ ((a, b), _) in &g.co_mentions {
        for t in [*a, *b] {
            if let Some(mine) = of_topic.get_mut(t) {
                mine.push(pair);
            }
        }
    }
    let mut keep: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    for mut mine in of_topic {
        mine.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
        keep.extend(mine.into_iter().take(PER_TOPIC).map(|(k, _)| *k));
    }
    keep.into_iter()
        .map(|(a, b)| graph::Edge {
            a,
            b,
            weight: g.co_mentions[&(a, b)] as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// Month labels read as `format!("{year:04}-{month:02}")` writes them.
    #[test]
    fn month_labels_read_as_format_writes_them() {
        for year in [-12, -1, 0, 7, 999, 2024, 9999, 10_000, 123_456] {
            for month in 1..=12 {
                assert_eq!(super::month_label(year, month), format!("{year:04}-{month:02}"));
            }
        }
    }
}
