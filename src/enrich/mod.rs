//! The enrich stage: what a page says, found in its event stream. Links and wikilinks,
//! topic mentions (auto-linked), and figures (anchored in the text). Works on `Text`
//! events only, so nothing inside code, links, headings or raw HTML is touched.

pub mod figures;
pub mod links;
pub mod metrics;
pub mod tables;
pub mod text;
pub mod topics;
pub mod vocab;

use crate::config::{AutoLink, Config};
use crate::diag::Diagnostic;
use crate::markdown::Doc;
pub use figures::Figure;
pub use links::{LinkRef, Target};
pub use topics::{Mention, Topics};

/// What enrichment found in one page.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// Links and images, to resolve.
    pub links: Vec<LinkRef>,
    /// Topic mentions, in order.
    pub mentions: Vec<Mention>,
    /// Figures, in order (hand-given ones last).
    pub figures: Vec<Figure>,
    /// The sentences that mention a topic, in text order, for topic pages.
    pub sentences: Vec<Said>,
    /// Problems found (bad `metrics:` front matter, unknown auto_link).
    pub diagnostics: Vec<Diagnostic>,
}

/// A sentence of a page that mentions a topic. Its figures share the same copy.
#[derive(Debug, Clone)]
pub struct Said {
    /// The block it is in (index in `text::blocks`).
    pub block: u32,
    /// Its bytes in the block's text.
    pub range: std::ops::Range<u32>,
    /// The sentence as split (untrimmed).
    pub text: std::sync::Arc<str>,
}

impl PageFacts {
    /// The sentence of block `block` that holds byte `at` of its text, trimmed, if it
    /// mentions a topic.
    pub fn sentence_at(&self, block: usize, at: usize) -> Option<&str> {
        let (block, at) = (block as u32, at as u32);
        let i = self
            .sentences
            .partition_point(|s| (s.block, s.range.end) <= (block, at));
        self.sentences
            .get(i)
            .filter(|s| s.block == block && s.range.start <= at)
            .map(|s| s.text.trim())
    }
}

/// A page after enrichment: its Doc as parsed, the HTML to put around its text (auto-links,
/// mention and figure anchors) and the facts found.
#[derive(Debug, Clone)]
pub struct Enriched {
    /// The Doc as parsed.
    pub doc: Doc,
    /// Auto-links, mention and figure anchors to put around its text as it is written.
    pub wraps: text::Wraps,
    /// What was found.
    pub facts: PageFacts,
    /// A hash of everything the page itself says (body and front matter): incremental
    /// builds compare it to know whether the page's own output can have changed.
    pub key: u64,
}

/// What enrichment needs from the whole site, built once between load and enrich.
pub struct Context<'a> {
    /// The site configuration.
    pub config: &'a Config,
    /// The topic vocabulary.
    pub topics: &'a Topics,
    /// Metric names: the lexicon plus `[metrics.names]`.
    pub names: metrics::MetricNames,
    /// The currency of amounts written without one (`[metrics] currency`), as figures
    /// share it.
    pub currency: &'static str,
}

impl<'a> Context<'a> {
    /// The context for a build.
    pub fn new(config: &'a Config, topics: &'a Topics) -> Self {
        Context {
            config,
            topics,
            names: metrics::MetricNames::with_extra(&config.metric_names),
            currency: metrics::intern(&config.currency),
        }
    }
}

/// Enriches one page.
pub fn enrich(doc: Doc, ctx: &Context) -> Enriched {
    let mut facts = PageFacts {
        links: links::find(&doc),
        ..PageFacts::default()
    };
    let page = &doc.page;
    let mode = match page.meta.auto_link.as_deref() {
        None => ctx.config.auto_link,
        Some(v) => AutoLink::parse(v).unwrap_or_else(|| {
            facts.diagnostics.push(
                Diagnostic::warning(
                    &page.source,
                    format!("`auto_link: {v}` is not first, all or none; using the site's setting"),
                )
                .help("write auto_link: first, all or none"),
            );
            ctx.config.auto_link
        }),
    };
    let blocks = text::blocks(&doc.events);
    let mut wraps = Vec::new();
    let by_hand = ctx.topics.linked_by_hand(&facts.links);
    facts.mentions = topics::mentions(&blocks, &facts.links, ctx.topics, page, mode, &by_hand, &mut wraps);
    // Mentions come in block order: split each block that has some once, and keep only
    // the sentences that mention a topic (a topic page quotes them). The split is kept
    // for the figures, which read the same blocks sentence by sentence.
    let mut split: Vec<Option<Vec<std::ops::Range<usize>>>> = vec![None; blocks.len()];
    let quoted = facts.mentions.iter().filter(|m| !m.own()).collect::<Vec<_>>();
    for same_block in quoted.chunk_by(|a, b| a.block == b.block) {
        let block = same_block[0].block;
        let text = &blocks[block].text;
        let sentences = split[block]
            .get_or_insert_with(|| metrics::split_sentences(text))
            .iter()
            .filter(|r| {
                same_block
                    .iter()
                    .any(|m| r.start <= m.range.start && m.range.start < r.end)
            })
            .map(|r| Said {
                block: block as u32,
                range: r.start as u32..r.end as u32,
                text: std::sync::Arc::from(&text[r.clone()]),
            });
        facts.sentences.extend(sentences);
    }
    // A topic page named after a metric ("Capital expenditures"): its figures are of
    // that metric, and the topic is nobody's subject.
    let page_metric = (page.kind == crate::content::PageKind::Topic)
        .then(|| ctx.names.label_of(&page.title).map(str::to_string))
        .flatten();
    let settings = figures::Settings {
        default_subject: default_subject(&doc, ctx, page_metric.is_some()),
        page_period: (page.meta.period.clone())
            .or_else(|| metrics::title_period(&page.title, ctx.config.fiscal_year_end)),
        page_metric,
        names: &ctx.names,
        currency: ctx.currency,
        fiscal_year_end: ctx.config.fiscal_year_end,
        ignore: &page.meta.ignore_figures,
    };
    let extracting = ctx.config.extract_metrics && page.meta.extract_metrics != Some(false);
    let extracted = if extracting {
        figures::extract(&doc, &blocks, &split, &facts, ctx.topics, &settings, &mut wraps)
    } else {
        Vec::new()
    };
    let by_hand = figures::from_front_matter(&doc, &settings).unwrap_or_else(|e| {
        let line = page.meta.metrics_line.unwrap_or(1);
        facts.diagnostics.push(
            Diagnostic::error(&page.source, e)
                .at_line(line)
                .help("each item needs subject, metric, period and value: { amount: 24200000000, unit: USD }"),
        );
        Vec::new()
    });
    facts.figures = figures::merge(extracted, by_hand);
    let key = page_key(&doc);
    let wraps = text::settle(&doc.events, wraps);
    Enriched { doc, wraps, facts, key }
}

/// Whose figures a page's prose states when it names nobody: front matter `subject`; on a
/// topic page the topic itself (unless the topic is a metric, like "Capital expenditures",
/// or marked `figure_subject: false`); else the site's default subject, if it sets one.
fn default_subject(doc: &Doc, ctx: &Context, names_a_metric: bool) -> Option<String> {
    let page = &doc.page;
    if let Some(subject) = &page.meta.subject {
        return Some(subject.clone());
    }
    if page.kind == crate::content::PageKind::Topic && page.meta.figure_subject != Some(false) && !names_a_metric {
        return Some(page.title.clone());
    }
    ctx.config.default_subject.clone()
}

fn page_key(doc: &Doc) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    let p = &doc.page;
    (
        &p.body,
        format!("{:?}", p.meta),
        &p.title,
        &p.slug,
        &p.permalink,
        &p.section,
        &p.source,
    )
        .hash(&mut h);
    (p.date.map(|d| d.to_rfc3339()), format!("{:?}", p.kind)).hash(&mut h);
    h.finish()
}
