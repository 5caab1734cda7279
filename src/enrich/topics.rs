//! The topic vocabulary of a site and topic mentions in a page.
//!
//! The vocabulary (titles and aliases of the pages in the topics folder) is known as soon
//! as front matter is loaded; it is built once per build into one multi-pattern matcher
//! and handed to every page's enrichment.

use std::collections::{HashMap, HashSet};

use crate::config::{AutoLink, Config};
use crate::content::{Page, PageId, PageKind};
use crate::enrich::text::{Block, BlockKind, Mark, Wrap};
use crate::enrich::vocab::{Term, Vocabulary};
use crate::enrich::{LinkRef, Target};

/// A topic: a page in the topics folder.
#[derive(Debug, Clone)]
pub struct Topic {
    /// Its page.
    pub page: PageId,
    /// Title (the subject name of its figures).
    pub title: String,
    /// Root-relative URL.
    pub url: String,
    /// Title, aliases, slug and file stem, lower-cased: what explicit links may name.
    pub names: HashSet<String>,
    /// Source path relative to content/.
    pub rel: std::path::PathBuf,
    /// Whether it can be the subject of a figure: false for a topic marked
    /// `figure_subject: false`, a concept or initiative ("Regionalization") that figures
    /// are told around but never about.
    pub figure_subject: bool,
}

/// A key of what the topics are: titles, URLs, names, pages and which can be the subject
/// of a figure. Pages are enriched again, and rendered again, when it changes.
pub fn vocabulary_key(topics: &[Topic]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for t in topics {
        let mut names: Vec<&String> = t.names.iter().collect();
        names.sort();
        (&t.title, &t.url, names, t.page, t.figure_subject).hash(&mut h);
    }
    h.finish()
}

/// Every topic and the matcher for their names.
#[derive(Clone)]
pub struct Topics {
    /// Topics, by index (the matcher's topic number).
    pub list: Vec<Topic>,
    /// One automaton for all titles and aliases.
    pub vocab: Vocabulary,
    /// The first topic of each lower-cased name, and of each source path: what a
    /// wikilink or a Markdown link points at, without a walk over every topic for each
    /// of a site's links.
    by_name: HashMap<String, usize>,
    by_rel: HashMap<std::path::PathBuf, usize>,
}

impl Topics {
    /// Builds the vocabulary from the loaded pages.
    pub fn new(pages: &[Page], config: &Config) -> Topics {
        let mut list = Vec::new();
        let mut terms = Vec::new();
        for page in pages.iter().filter(|p| p.kind == PageKind::Topic) {
            let index = list.len();
            let mut names: HashSet<String> = HashSet::new();
            for phrase in std::iter::once(&page.title).chain(&page.meta.aliases) {
                if !phrase.trim().is_empty() {
                    terms.push(Term {
                        topic: index,
                        phrase: phrase.trim().to_string(),
                    });
                    names.insert(phrase.trim().to_lowercase());
                }
            }
            names.insert(page.slug.clone());
            list.push(Topic {
                page: page.id,
                title: page.title.clone(),
                url: config.url(&page.permalink),
                names,
                rel: page.rel.clone(),
                figure_subject: page.meta.figure_subject != Some(false),
            });
        }
        let mut by_name = HashMap::new();
        let mut by_rel = HashMap::new();
        for (i, t) in list.iter().enumerate() {
            for name in &t.names {
                by_name.entry(name.clone()).or_insert(i);
            }
            by_rel.entry(t.rel.clone()).or_insert(i);
        }
        Topics {
            list,
            vocab: Vocabulary::new(terms),
            by_name,
            by_rel,
        }
    }

    /// The topic a link points at, if any.
    pub fn linked_topic(&self, target: &Target) -> Option<usize> {
        match target {
            Target::Wiki { name, .. } => self.by_name.get(&name.to_lowercase()).copied(),
            Target::Markdown { path, .. } => self.by_rel.get(path).copied(),
            Target::SitePath(p) => self.list.iter().position(|t| t.url.ends_with(p.as_str())),
            _ => None,
        }
    }

    /// Topics the author linked by hand in this page: auto-links leave them alone.
    pub fn linked_by_hand(&self, links: &[LinkRef]) -> HashSet<usize> {
        links.iter().filter_map(|l| self.linked_topic(&l.target)).collect()
    }
}

/// One mention of a topic in a page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Mention {
    /// Topic index in `Topics::list`.
    pub topic: usize,
    /// N of its anchor in the page (`m-N`); 0 for a topic page naming itself (no anchor).
    pub anchor: u32,
    /// The block (paragraph) it is in, for co-mention counts.
    pub block: usize,
    /// Byte range in the block's text.
    #[serde(skip)]
    pub range: std::ops::Range<usize>,
    /// True if it became a link.
    pub linked: bool,
}

impl Mention {
    /// True for a topic page naming itself: a subject for figures, never a link, and no
    /// anchor.
    pub fn own(&self) -> bool {
        self.anchor == 0
    }
}

/// Finds topic mentions in the linkable text of `blocks` and decides which become links.
/// Returns the mentions and the wraps to apply, by event index.
#[allow(clippy::too_many_arguments)]
pub fn mentions(
    blocks: &[Block],
    links: &[LinkRef],
    topics: &Topics,
    page: &Page,
    mode: AutoLink,
    by_hand: &HashSet<usize>,
    wraps: &mut Vec<Wrap>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    if topics.list.is_empty() {
        return out;
    }
    let mut linked: HashSet<usize> = HashSet::new();
    let mut link_at: HashMap<usize, &LinkRef> = HashMap::new();
    for l in links {
        link_at.entry(l.event).or_insert(l);
    }
    // Anchors number the mentions a reader can be sent to (`m-1`, `m-2`, …).
    let mut anchors: u32 = 0;
    for (b, block) in blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            continue;
        }
        for span in &block.links {
            let target = link_at.get(&span.event).and_then(|l| topics.linked_topic(&l.target));
            let Some(topic) = target.filter(|t| topics.list[*t].page != page.id) else {
                continue;
            };
            // The author's own link is a mention too; an anchor inside it marks the place.
            anchors += 1;
            if let Some(event) = span.first_text {
                wraps.push(Wrap {
                    event: event as u32,
                    range: 0..u32::MAX,
                    mark: Mark::Mention(anchors),
                });
            }
            out.push(Mention {
                topic,
                anchor: anchors,
                block: b,
                range: span.text.clone(),
                linked: true,
            });
        }
        for piece in &block.pieces {
            let text = &block.text[piece.text.clone()];
            for m in topics.vocab.find(text) {
                let topic = &topics.list[m.topic];
                let start = piece.text.start + m.range.start;
                let range = start..piece.text.start + m.range.end;
                if topic.page == page.id {
                    // A topic never links to itself, but its name still says whose figures follow.
                    out.push(Mention {
                        topic: m.topic,
                        anchor: 0,
                        block: b,
                        range,
                        linked: false,
                    });
                    continue;
                }
                anchors += 1;
                let link = match mode {
                    AutoLink::None => false,
                    AutoLink::All => !by_hand.contains(&m.topic),
                    AutoLink::First => !by_hand.contains(&m.topic) && linked.insert(m.topic),
                };
                let mark = if link {
                    Mark::TopicLink {
                        anchor: anchors,
                        topic: m.topic as u32,
                    }
                } else {
                    Mark::Mention(anchors)
                };
                wraps.push(Wrap {
                    event: piece.event as u32,
                    range: m.range.start as u32..m.range.end as u32,
                    mark,
                });
                out.push(Mention {
                    topic: m.topic,
                    anchor: anchors,
                    block: b,
                    range,
                    linked: link,
                });
            }
        }
    }
    out
}
