//! Render inputs, hashed: a key per output that changes whenever anything the output
//! shows changes. Incremental builds render only outputs whose key changed.
//!
//! A page's own content is keyed once at enrich time (`Enriched::key`); what it shows of
//! the rest of the site (resolved links, topics, backlinks, figures) is hashed from the
//! same views the templates get, so nothing a template can see is left out.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Job, connections, views};
use crate::content::PageId;
use crate::site::Site;

/// Site-wide parts of every key, computed once per build.
pub struct Inputs<'a> {
    site: &'a Site,
    common: u64,
    /// Key of all figures (metrics page and exports).
    pub records: u64,
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
        let records = hash_of(
            site.pages
                .iter()
                .filter(|p| !p.facts.figures.is_empty())
                .map(|p| (p.key, &p.doc.page.title, &p.doc.page.permalink))
                .collect::<Vec<_>>(),
        );
        Inputs { site, common, records }
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
                self.keys(&site.dated_notes().into_iter().take(10).collect::<Vec<_>>(), &mut h);
                self.index_page("", &mut h);
            }
            Job::Section(name, _) => {
                let s = &site.sections[name];
                let ids = if *name == site.config.topics_dir {
                    &site.topics
                } else {
                    &s.pages
                };
                self.keys(ids, &mut h);
                self.index_page(name, &mut h);
                if *name == site.config.topics_dir {
                    connections::topics_index(site).hash(&mut h);
                }
            }
            Job::Taxonomy(i) => {
                for t in site.taxonomies[*i].terms.values() {
                    (&t.name, t.pages.len()).hash(&mut h);
                }
            }
            Job::Term(i, slug) => {
                let term = &site.taxonomies[*i].terms[slug];
                term.name.hash(&mut h);
                self.keys(&term.pages, &mut h);
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
        e.key.hash(h);
        let mut links: Vec<_> = site.links[id.0].iter().collect();
        links.sort_by_key(|(event, _)| **event);
        links.hash(h);
        connections::note(site, id).hash(h);
        connections::topic(site, id).hash(h);
        if !e.doc.queries.is_empty() {
            self.records.hash(h);
        }
    }

    fn keys(&self, ids: &[PageId], h: &mut DefaultHasher) {
        for id in ids {
            self.site.page(*id).key.hash(h);
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
