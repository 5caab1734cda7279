//! Render inputs, hashed: a key per output that changes whenever anything the output
//! shows changes. Incremental builds render only outputs whose key changed.
//!
//! A page's own content is keyed once at enrich time (`Enriched::key`); with the topic
//! vocabulary (which decides its mentions and whose its figures are) that covers all it
//! shows of itself, figures included. What it shows of other pages (resolved links,
//! topic chips, backlinks, related notes) is hashed from the same views the templates
//! get. Lists and topic pages hash what they are drawn from (each listed page's key, the
//! owners of a subject's figures, the graph's nodes and edges) rather than the drawn
//! result, so keying 10,000 pages does not draw 10,000 pages' worth of tables and charts.
//!
//! The incremental tests compare every output with a clean build's after generated
//! sequences of edits: they are what keeps this list of dependencies honest.
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Job, connections, views};
use crate::content::PageId;
use crate::site::Site;

/// Site-wide parts of every key, computed once per build.
pub struct Inputs<'a> {
    site: &'a Site,
    common: u64,
    /// Key of the topic vocabulary: titles, URLs and names of every topic.
    vocabulary: u64,
    /// Key of all figures (metrics page and exports).
    pub records: u64,
    /// Key of what /topics/ draws, made by the first of its pages to ask.
    topics_graph: std::sync::OnceLock<u64>,
}

fn hash_of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl<'a> Inputs<'a> {
    /// Keys for `site` rendered with templates whose files hash to `theme`.
    pub fn new(site: &'a Site, theme: u64, inject: Option<&str>) -> Self {
        let site_view = serde_json::to_string(&views::SiteView::new(site)).unwrap_or_default();
        let common = hash_of((theme, inject, site_view));
        let vocabulary = crate::enrich::topics::vocabulary_key(&site.graph.topics);
        let records = hash_of(
            site.pages
                .iter()
                .filter(|p| !p.facts.figures.is_empty())
                .map(|p| (p.key, &p.doc.page.title, &p.doc.page.permalink))
                .collect::<Vec<_>>(),
        );
        Inputs {
            site,
            common,
            vocabulary,
            records,
            topics_graph: std::sync::OnceLock::new(),
        }
    }

    /// The key of one job's output.
    pub fn job(&self, job: &Job) -> u64 {
        let site = self.site;
        let mut h = DefaultHasher::new();
        self.common.hash(&mut h);
        job.hash(&mut h);
        match job {
            Job::Page(id) => self.page(*id, &mut h),
            Job::Home => {
                for id in site.dated_notes().into_iter().take(10) {
                    self.listed(id, &mut h);
                }
                self.index_page("", &mut h);
            }
            Job::Section(name, n) => {
                let s = &site.sections[name];
                let ids = if *name == site.config.topics_dir {
                    &site.topics
                } else {
                    &s.pages
                };
                // Page n lists its own slice; of the others it shows only how many there are.
                ids.len().hash(&mut h);
                let per_page = site.config.paginate;
                for id in ids.iter().skip((n - 1) * per_page).take(per_page) {
                    self.listed(*id, &mut h);
                }
                self.index_page(name, &mut h);
                if *name == site.config.topics_dir {
                    self.topics_graph
                        .get_or_init(|| hash_of(connections::topics_graph(site)))
                        .hash(&mut h);
                }
            }
            Job::Taxonomy(i) => {
                for t in site.taxonomies[*i].terms.values() {
                    (&t.name, t.pages.len()).hash(&mut h);
                }
            }
            Job::Term(i, slug, n) => {
                let term = &site.taxonomies[*i].terms[slug];
                (&term.name, term.pages.len()).hash(&mut h);
                let per_page = site.config.paginate;
                for id in term.pages.iter().skip((n - 1) * per_page).take(per_page) {
                    self.listed(*id, &mut h);
                }
            }
            Job::Redirect(_, to) => site.page(*to).doc.page.permalink.hash(&mut h),
            Job::Metrics => self.records.hash(&mut h),
            Job::NotFound => {}
        }
        h.finish()
    }

    fn page(&self, id: PageId, h: &mut DefaultHasher) {
        let site = self.site;
        let e = site.page(id);
        self.listed(id, h);
        self.vocabulary.hash(h);
        let mut links: Vec<_> = site.links[id.0].iter().collect();
        links.sort_by_key(|(event, _)| **event);
        links.hash(h);
        connections::links_of(site, id).hash(h);
        if let Some(&t) = site.graph.topic_of_page.get(&id) {
            self.topic(t, h);
        }
        if !e.doc.queries.is_empty() {
            self.records.hash(h);
        }
    }

    /// A page as a list shows it: its own text and front matter, and the number of pages
    /// in each of its terms.
    fn listed(&self, id: PageId, h: &mut DefaultHasher) {
        let site = self.site;
        let page = &site.page(id).doc.page;
        site.page(id).key.hash(h);
        for tax in &site.taxonomies {
            let values = if tax.name == "categories" {
                &page.meta.categories
            } else {
                &page.meta.tags
            };
            for v in values {
                let slug = crate::content::slug::slugify(v);
                tax.terms.get(&slug).map(|t| t.pages.len()).hash(h);
            }
        }
    }

    /// What topic `t`'s page shows beyond its own text: the notes that mention it, their
    /// mentions, related topics, and the figures about it (from the pages that state them).
    fn topic(&self, t: usize, h: &mut DefaultHasher) {
        let site = self.site;
        let g = &site.graph;
        for (id, mentions) in &g.mentioned_in[t] {
            (id, mentions).hash(h);
            site.page(*id).key.hash(h);
        }
        for &r in &g.related_topics[t] {
            (&g.topics[r].title, &g.topics[r].url).hash(h);
        }
        let mut owner = None;
        for i in site.store.of_subject(&g.topics[t].title) {
            let r = site.store.record(i);
            if owner != Some(r.owner) {
                owner = Some(r.owner);
                (r.owner, site.page(r.owner).key).hash(h);
            }
        }
    }

    fn index_page(&self, section: &str, h: &mut DefaultHasher) {
        if let Some(id) = self.site.sections.get(section).and_then(|s| s.index) {
            self.page(id, h);
        }
    }

    /// A key for bytes that are cheap to make (feeds, sitemap, stylesheets).
    pub fn bytes(bytes: &[u8]) -> u64 {
        hash_of(bytes)
    }
}
