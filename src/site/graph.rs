//! The topic graph: which pages mention which topics, topics that appear together,
//! backlinks and related notes. Computed once per build from the pages' facts.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use super::Site;
use crate::content::{PageId, PageKind};
use crate::diag::Diagnostic;
use crate::enrich::Topics;
use crate::enrich::topics::Topic;

/// Most related notes shown on a note.
const RELATED_NOTES: usize = 5;
/// A topic weight of 1 in the fixed-point scores of related notes, unless a note's topics
/// add up to more than a `u32` holds (then it is halved until they fit).
const WEIGHT_ONE: f64 = (1u64 << 24) as f64;
/// Scores a related-notes walk tests at once.
const SCORE_BLOCK: usize = 32;
/// Most related topics shown on a topic.
const RELATED_TOPICS: usize = 8;

/// What refers to what.
#[derive(Debug, Default)]
pub struct Graph {
    /// Every topic, by index.
    pub topics: Vec<Topic>,
    /// Topic index of a topic page.
    pub topic_of_page: HashMap<PageId, usize>,
    /// For each topic: the pages that mention it, with the indices of those mentions.
    pub mentioned_in: Vec<Vec<(PageId, Vec<usize>)>>,
    /// For each page: the topics it mentions, most mentioned first.
    pub page_topics: Vec<Vec<usize>>,
    /// Times two topics appear in the same paragraph, keyed (low, high).
    pub co_mentions: BTreeMap<(usize, usize), usize>,
    /// For each topic: related topics, the author's first, then by co-mentions.
    pub related_topics: Vec<Vec<usize>>,
    /// For each page: pages that link to it explicitly or mention it (if a topic).
    pub backlinks: Vec<Vec<PageId>>,
    /// For each page: related notes, by shared topics weighted by rarity.
    pub related_notes: Vec<Vec<PageId>>,
}

impl Graph {
    /// Builds the graph; unknown topics in `related:` are reported.
    pub fn new(site: &Site, topics: Topics, diags: &mut Vec<Diagnostic>) -> Graph {
        let n = topics.list.len();
        let mut g = Graph {
            topic_of_page: topics.list.iter().enumerate().map(|(i, t)| (t.page, i)).collect(),
            mentioned_in: vec![Vec::new(); n],
            page_topics: vec![Vec::new(); site.pages.len()],
            related_topics: vec![Vec::new(); n],
            backlinks: vec![Vec::new(); site.pages.len()],
            related_notes: vec![Vec::new(); site.pages.len()],
            ..Graph::default()
        };
        g.topics = topics.list;
        g.index_mentions(site);
        g.index_related_topics(site, diags);
        g.index_backlinks(site);
        g.index_related_notes(site);
        g
    }

    fn index_mentions(&mut self, site: &Site) {
        for p in &site.pages {
            let id = p.doc.page.id;
            let mut by_topic: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            let mut by_block: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
            for (i, m) in p.facts.mentions.iter().enumerate().filter(|(_, m)| !m.own()) {
                by_topic.entry(m.topic).or_default().push(i);
                by_block.entry(m.block).or_default().insert(m.topic);
            }
            let mut ranked: Vec<(usize, usize)> = by_topic.iter().map(|(t, ms)| (*t, ms.len())).collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            self.page_topics[id.0] = ranked.into_iter().map(|(t, _)| t).collect();
            for (topic, ms) in by_topic {
                self.mentioned_in[topic].push((id, ms));
            }
            for set in by_block.values() {
                let v: Vec<usize> = set.iter().copied().collect();
                for (i, a) in v.iter().enumerate() {
                    for b in &v[i + 1..] {
                        *self.co_mentions.entry((*a, *b)).or_default() += 1;
                    }
                }
            }
        }
        for list in &mut self.mentioned_in {
            list.sort_by(|a, b| {
                let (pa, pb) = (&site.page(a.0).doc.page, &site.page(b.0).doc.page);
                pb.date.cmp(&pa.date).then_with(|| pa.title.cmp(&pb.title))
            });
        }
    }

    fn index_related_topics(&mut self, site: &Site, diags: &mut Vec<Diagnostic>) {
        for (t, topic) in self.topics.iter().enumerate() {
            let page = &site.page(topic.page).doc.page;
            let mut related: Vec<usize> = Vec::new();
            for name in &page.meta.related {
                match self.topics.iter().position(|o| o.names.contains(&name.to_lowercase())) {
                    Some(o) if o != t && !related.contains(&o) => related.push(o),
                    Some(_) => {}
                    None => diags.push(
                        Diagnostic::strict(&page.source, format!("unknown topic `{name}` in `related:`"))
                            .at_line(page.meta.related_line.unwrap_or(1))
                            .help("use the title or an alias of a page in the topics folder"),
                    ),
                }
            }
            let mut ranked: Vec<(usize, usize)> = self
                .co_mentions
                .iter()
                .filter_map(|(&(a, b), &n)| {
                    if a == t {
                        Some((b, n))
                    } else if b == t {
                        Some((a, n))
                    } else {
                        None
                    }
                })
                .collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (o, _) in ranked {
                if related.len() >= RELATED_TOPICS {
                    break;
                }
                if !related.contains(&o) {
                    related.push(o);
                }
            }
            self.related_topics[t] = related;
        }
    }

    fn index_backlinks(&mut self, site: &Site) {
        for (from, targets) in site.outlinks.iter().enumerate() {
            for to in targets {
                self.backlinks[to.0].push(PageId(from));
            }
        }
        for (t, pages) in self.mentioned_in.iter().enumerate() {
            let topic_page = self.topics[t].page;
            self.backlinks[topic_page.0].extend(pages.iter().map(|(from, _)| *from));
        }
        for list in &mut self.backlinks {
            list.sort();
            list.dedup();
        }
    }

    fn index_related_notes(&mut self, site: &Site) {
        // Scores are kept per note, notes numbered densely in page order.
        let pages_of_notes: Vec<usize> = (0..site.pages.len())
            .filter(|&p| site.pages[p].doc.page.kind == PageKind::Note)
            .collect();
        let mut dense = vec![u32::MAX; site.pages.len()];
        for (n, &p) in pages_of_notes.iter().enumerate() {
            dense[p] = n as u32;
        }
        let notes = pages_of_notes.len();
        let total = notes.max(1) as f64;
        // The notes that mention each topic, and how much sharing it says: rarer topics say
        // more about what two notes have in common (inverse document frequency). A weight
        // is a fixed-point integer, so that sums are exact in any order.
        let notes_of: Vec<Vec<u32>> = self
            .mentioned_in
            .iter()
            .map(|pages| {
                pages
                    .iter()
                    .map(|(p, _)| dense[p.0])
                    .filter(|&n| n != u32::MAX)
                    .collect()
            })
            .collect();
        let rarity: Vec<f64> = notes_of
            .iter()
            .map(|n| (total / n.len().max(1) as f64).ln() + 1.0)
            .collect();
        // 32-bit scores: the walk below tests four times as many at once as with 64 bits.
        // No score can exceed the sum of its note's own weights, so while that fits, every
        // sum is exact.
        let mut one = WEIGHT_ONE;
        let weight: Vec<u32> = loop {
            let weight: Vec<u64> = rarity.iter().map(|r| (r * one).round() as u64).collect();
            let most = pages_of_notes
                .iter()
                .map(|&p| self.page_topics[p].iter().map(|&t| weight[t]).sum::<u64>())
                .max()
                .unwrap_or(0);
            if most <= u64::from(u32::MAX) || one < 1.0 {
                break weight.into_iter().map(|w| w.min(u64::from(u32::MAX)) as u32).collect();
            }
            one /= 2.0;
        };
        // A topic most notes mention is given to every note, then taken back from the few
        // that do not mention it: fewer scores to touch (wrapping arithmetic is exact).
        let others_of: Vec<Option<Vec<u32>>> = notes_of
            .iter()
            .map(|members| {
                (members.len() * 2 > notes).then(|| {
                    let mut is_member = vec![false; notes];
                    for &m in members {
                        is_member[m as usize] = true;
                    }
                    (0..notes as u32).filter(|&n| !is_member[n as usize]).collect()
                })
            })
            .collect();
        let page_topics = &self.page_topics;
        let related: Vec<Vec<PageId>> = pages_of_notes
            .par_iter()
            .enumerate()
            .map_init(
                || vec![0u32; notes],
                |scores, (me, &page)| {
                    if page_topics[page].is_empty() {
                        return Vec::new();
                    }
                    // Every note that shares a topic gets the topic's weight, then one walk
                    // over the scores in note order.
                    let mut everyone = 0u32;
                    for &t in &page_topics[page] {
                        let w = weight[t];
                        match &others_of[t] {
                            Some(others) => {
                                everyone = everyone.wrapping_add(w);
                                for &other in others {
                                    let s = &mut scores[other as usize];
                                    *s = s.wrapping_sub(w);
                                }
                            }
                            None => {
                                for &other in &notes_of[t] {
                                    let s = &mut scores[other as usize];
                                    *s = s.wrapping_add(w);
                                }
                            }
                        }
                    }
                    scores[me] = everyone.wrapping_neg();
                    // The best few, kept while walking: no list of every note that shares a
                    // topic (nearly all of them on a large site). Walking in note order, a
                    // score equal to the fifth's loses (the earlier note wins ties), so a
                    // block of scores none above the fifth's is passed over in one test
                    // (which the compiler vectorises), then zeroed for the next note (a
                    // fixed-size block is cleared by a few vector stores, not a call).
                    let mut ranked: Vec<(usize, u32)> = Vec::with_capacity(RELATED_NOTES + 1);
                    let mut bar = 0u32;
                    let mut visit = |offset: usize, block: &[u32]| {
                        if !block
                            .iter()
                            .fold(false, |any, &s| any | (s.wrapping_add(everyone) > bar))
                        {
                            return;
                        }
                        for (k, &s) in block.iter().enumerate() {
                            let s = s.wrapping_add(everyone);
                            if s <= bar {
                                continue;
                            }
                            let at = ranked.partition_point(|r| r.1 >= s);
                            ranked.insert(at, (offset + k, s));
                            ranked.truncate(RELATED_NOTES);
                            if ranked.len() == RELATED_NOTES {
                                bar = ranked[RELATED_NOTES - 1].1;
                            }
                        }
                    };
                    let (blocks, tail) = scores.as_chunks_mut::<SCORE_BLOCK>();
                    for (b, block) in blocks.iter_mut().enumerate() {
                        visit(b * SCORE_BLOCK, block);
                        *block = [0; SCORE_BLOCK];
                    }
                    visit(blocks.len() * SCORE_BLOCK, tail);
                    tail.fill(0);
                    ranked.into_iter().map(|(n, _)| PageId(pages_of_notes[n])).collect()
                },
            )
            .collect();
        for (&page, list) in pages_of_notes.iter().zip(related) {
            self.related_notes[page] = list;
        }
    }

    /// The topic whose title or alias is `name` (case-insensitive).
    pub fn topic_named(&self, name: &str) -> Option<usize> {
        let lower = name.to_lowercase();
        self.topics
            .iter()
            .position(|t| t.title.to_lowercase() == lower || t.names.contains(&lower))
    }
}

/// What `folio check` says about topics beyond errors: topics no note mentions and
/// notes that mention no topic.
pub fn lint(site: &Site) -> Vec<Diagnostic> {
    let g = &site.graph;
    let mut out = Vec::new();
    for (t, topic) in g.topics.iter().enumerate() {
        if g.mentioned_in[t].is_empty() {
            let page = &site.page(topic.page).doc.page;
            out.push(
                Diagnostic::warning(&page.source, format!("no note mentions the topic `{}`", topic.title))
                    .help("add an alias that the notes use, or mention the topic in a note"),
            );
        }
    }
    if g.topics.is_empty() {
        return out;
    }
    for p in &site.pages {
        let page = &p.doc.page;
        if page.kind == PageKind::Note && g.page_topics[page.id.0].is_empty() {
            out.push(
                Diagnostic::warning(&page.source, "this note mentions no topic")
                    .help("mention a topic by its title or alias, or add an alias to a topic page"),
            );
        }
    }
    out
}
