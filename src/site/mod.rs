//! The index stage: every enriched page, indexed by `PageId`. Sections, taxonomies,
//! topics and link resolution are computed here once, from the facts the pages carry;
//! pages refer to each other only by id.

pub mod graph;
mod links;
pub mod store;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::config::Config;
use crate::content::slug::slugify;
use crate::content::{Asset, PageId, PageKind};
use crate::diag::Diagnostic;
use crate::enrich::{Enriched, Topics};

/// A folder of content/.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// Folder name ("" for the root).
    pub name: String,
    /// Its `_index.md`, if any.
    pub index: Option<PageId>,
    /// Its pages, newest first.
    pub pages: Vec<PageId>,
}

/// One term of a taxonomy (`earnings` in categories).
#[derive(Debug, Clone)]
pub struct Term {
    /// As the author wrote it (first spelling seen).
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Pages with this term, newest first.
    pub pages: Vec<PageId>,
}

/// A taxonomy: `categories` or `tags`.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// `categories` or `tags`.
    pub name: &'static str,
    /// Terms by slug.
    pub terms: BTreeMap<String, Term>,
}

/// A link after resolution.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Resolved {
    /// Write this URL.
    Url(String),
    /// Leave the destination as written.
    Keep,
    /// Broken: render visibly as broken.
    Broken(String),
}

/// The whole site, indexed.
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// Every page, by `PageId`.
    pub pages: Vec<Arc<Enriched>>,
    /// Files to copy.
    pub assets: Vec<Asset>,
    /// Sections by folder name.
    pub sections: BTreeMap<String, Section>,
    /// Taxonomies in use.
    pub taxonomies: Vec<Taxonomy>,
    /// Topic pages, by title.
    pub topics: Vec<PageId>,
    /// Resolved destination of each link, by page and event index.
    pub links: Vec<HashMap<usize, Resolved>>,
    /// The pages each page links to explicitly, by page.
    pub outlinks: Vec<Vec<PageId>>,
    /// The topic vocabulary and what refers to what.
    pub graph: graph::Graph,
    /// Every figure of the site.
    pub store: Arc<store::Store>,
    /// What links can point at: pages by path and by name, assets.
    targets: links::Targets,
}

impl Site {
    /// The page with this id.
    pub fn page(&self, id: PageId) -> &Enriched {
        &self.pages[id.0]
    }

    /// Notes that have a date, newest first (feeds, home page).
    pub fn dated_notes(&self) -> Vec<PageId> {
        let mut ids: Vec<PageId> = self
            .pages
            .iter()
            .filter(|p| p.doc.page.kind == PageKind::Note && p.doc.page.date.is_some())
            .map(|p| p.doc.page.id)
            .collect();
        self.sort_newest_first(&mut ids);
        ids
    }

    fn sort_newest_first(&self, ids: &mut [PageId]) {
        ids.sort_by(|a, b| {
            let (a, b) = (&self.page(*a).doc.page, &self.page(*b).doc.page);
            b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
        });
    }
}

/// Builds the site index and reports broken links.
pub fn index(config: Config, pages: Vec<Arc<Enriched>>, assets: Vec<Asset>, topics: Topics) -> (Site, Vec<Diagnostic>) {
    let mut site = Site {
        config,
        pages,
        assets,
        sections: BTreeMap::new(),
        taxonomies: Vec::new(),
        topics: Vec::new(),
        links: Vec::new(),
        outlinks: Vec::new(),
        graph: graph::Graph::default(),
        store: Arc::default(),
        targets: links::Targets::default(),
    };
    let clock = crate::Stopwatch::start();
    index_sections(&mut site);
    index_taxonomies(&mut site);
    clock.lap("  sections");
    let mut diags = Vec::new();
    site.targets = links::Targets::new(&site);
    (site.links, site.outlinks) = links::resolve_links(&site, &site.targets, &mut diags);
    clock.lap("  links");
    // The topic graph and the figure store read the pages, not each other: built side by
    // side, the serial parts of each (counting mentions; grouping figures for conflicts)
    // overlap.
    let (graph, store) = rayon::join(
        || graph::Graph::new(&site, topics, &mut diags),
        || store::Store::new(&site),
    );
    (site.graph, site.store) = (graph, Arc::new(store));
    clock.lap("  graph+store");
    (site, diags)
}

impl Site {
    /// Puts `page` in place of the page with its id, its links resolved against this
    /// site, and leaves the rest as it is: enough to render that page again right away
    /// (what it shows of other pages may be stale until the next full index).
    pub fn patch_page(&mut self, page: Arc<Enriched>) {
        let id = page.doc.page.id;
        self.pages[id.0] = page;
        (self.links[id.0], self.outlinks[id.0]) = links::resolve_one(self, id);
    }
}

fn index_sections(site: &mut Site) {
    let mut sections: BTreeMap<String, Section> = BTreeMap::new();
    let mut topics = Vec::new();
    for p in &site.pages {
        let page = &p.doc.page;
        let section = sections.entry(page.section.clone()).or_insert_with(|| Section {
            name: page.section.clone(),
            ..Section::default()
        });
        match page.kind {
            PageKind::Section if page.rel.parent().is_some_and(|d| d.iter().count() <= 1) => {
                section.index = Some(page.id)
            }
            PageKind::Section => {}
            PageKind::Topic => topics.push(page.id),
            PageKind::Note if !page.section.is_empty() => section.pages.push(page.id),
            PageKind::Note => {}
        }
    }
    for section in sections.values_mut() {
        site.sort_newest_first(&mut section.pages);
    }
    topics.sort_by_key(|id| site.page(*id).doc.page.title.to_lowercase());
    site.sections = sections;
    site.topics = topics;
}

fn index_taxonomies(site: &mut Site) {
    let mut out = Vec::new();
    let kinds: [(&'static str, bool); 2] = [("categories", site.config.categories), ("tags", site.config.tags)];
    for (name, on) in kinds {
        if !on {
            continue;
        }
        let mut terms: BTreeMap<String, Term> = BTreeMap::new();
        for p in &site.pages {
            let page = &p.doc.page;
            let values = if name == "categories" {
                &page.meta.categories
            } else {
                &page.meta.tags
            };
            for value in values {
                let slug = slugify(value);
                if slug.is_empty() {
                    continue;
                }
                let term = terms.entry(slug.clone()).or_insert_with(|| Term {
                    name: value.clone(),
                    slug,
                    pages: vec![],
                });
                if !term.pages.contains(&page.id) {
                    term.pages.push(page.id);
                }
            }
        }
        for term in terms.values_mut() {
            site.sort_newest_first(&mut term.pages);
        }
        out.push(Taxonomy { name, terms });
    }
    site.taxonomies = out;
}
