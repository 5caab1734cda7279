//! The index stage: every enriched page, indexed by `PageId`. Sections, taxonomies,
//! topics and link resolution are computed here once, from the facts the pages carry;
//! pages refer to each other only by id.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use crate::config::Config;
use crate::content::slug::slugify;
use crate::content::{Asset, PageId, PageKind};
use crate::diag::Diagnostic;
use crate::enrich::{Enriched, Target};

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub pages: Vec<Enriched>,
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
pub fn index(config: Config, pages: Vec<Enriched>, assets: Vec<Asset>) -> (Site, Vec<Diagnostic>) {
    let mut site = Site {
        config,
        pages,
        assets,
        sections: BTreeMap::new(),
        taxonomies: Vec::new(),
        topics: Vec::new(),
        links: Vec::new(),
    };
    index_sections(&mut site);
    index_taxonomies(&mut site);
    let mut diags = Vec::new();
    site.links = resolve_links(&site, &mut diags);
    (site, diags)
}

fn index_sections(site: &mut Site) {
    let mut sections: BTreeMap<String, Section> = BTreeMap::new();
    let mut topics = Vec::new();
    for p in &site.pages {
        let page = &p.doc.page;
        let section = sections
            .entry(page.section.clone())
            .or_insert_with(|| Section {
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
    let kinds: [(&'static str, bool); 2] = [
        ("categories", site.config.categories),
        ("tags", site.config.tags),
    ];
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

/// Lookup tables for link targets.
struct Targets<'a> {
    by_rel: HashMap<PathBuf, PageId>,
    by_name: HashMap<String, Vec<PageId>>,
    assets: HashSet<&'a PathBuf>,
}

impl<'a> Targets<'a> {
    fn new(site: &'a Site) -> Self {
        let mut by_name: HashMap<String, Vec<PageId>> = HashMap::new();
        let mut by_rel = HashMap::new();
        for p in &site.pages {
            let page = &p.doc.page;
            by_rel.insert(page.rel.clone(), page.id);
            let stem = page
                .rel
                .file_stem()
                .map(|s| s.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let mut names: Vec<String> = vec![page.title.to_lowercase(), page.slug.clone(), stem];
            names.extend(page.meta.aliases.iter().map(|a| a.to_lowercase()));
            names.sort();
            names.dedup();
            for name in names {
                by_name.entry(name).or_default().push(page.id);
            }
        }
        Targets {
            by_rel,
            by_name,
            assets: site.assets.iter().map(|a| &a.rel).collect(),
        }
    }
}

fn resolve_links(site: &Site, diags: &mut Vec<Diagnostic>) -> Vec<HashMap<usize, Resolved>> {
    let targets = Targets::new(site);
    site.pages
        .iter()
        .map(|p| {
            let mut out = HashMap::new();
            for link in &p.facts.links {
                let resolved = resolve(site, &targets, p, &link.target);
                if let Resolved::Broken(why) = &resolved {
                    diags.push(
                        Diagnostic::strict(&p.doc.page.source, format!("broken link `{}`: {why}", link.written))
                            .at_line(link.line)
                            .help("fix the target: a file path relative to this note, or [[a title, slug or alias]]"),
                    );
                }
                out.insert(link.event, resolved);
            }
            out
        })
        .collect()
}

fn resolve(site: &Site, t: &Targets, from: &Enriched, target: &Target) -> Resolved {
    let config = &site.config;
    let with_anchor = |id: PageId, anchor: &Option<String>| -> Resolved {
        let page = site.page(id);
        let url = config.url(&page.doc.page.permalink);
        match anchor {
            None => Resolved::Url(url),
            Some(a) => match find_anchor(page, a) {
                Some(id) => Resolved::Url(format!("{url}#{id}")),
                None => Resolved::Broken(format!(
                    "{} has no heading `{a}`",
                    page.doc.page.source.display()
                )),
            },
        }
    };
    match target {
        Target::Markdown { path, anchor } => match t.by_rel.get(path) {
            Some(id) => with_anchor(*id, anchor),
            None => Resolved::Broken(format!("no page content/{}", path.display())),
        },
        Target::Wiki { name, anchor } => {
            match t.by_name.get(&name.to_lowercase()).map(Vec::as_slice) {
                Some([id]) => with_anchor(*id, anchor),
                Some(ids) if ids.len() > 1 => {
                    let names: Vec<String> = ids
                        .iter()
                        .map(|i| site.page(*i).doc.page.source.display().to_string())
                        .collect();
                    Resolved::Broken(format!("`{name}` is ambiguous: {}", names.join(", ")))
                }
                _ => Resolved::Broken(format!("no page titled, named or aliased `{name}`")),
            }
        }
        Target::Anchor(a) => match find_anchor(from, a) {
            Some(_) => Resolved::Keep,
            None => Resolved::Broken(format!("this page has no heading `{a}`")),
        },
        Target::Asset { path } if t.assets.contains(path) => {
            Resolved::Url(config.url(&format!("/{}", path.to_string_lossy())))
        }
        Target::Asset { .. } | Target::SitePath(_) | Target::External => Resolved::Keep,
    }
}

fn find_anchor(page: &Enriched, anchor: &str) -> Option<String> {
    let wanted = slugify(anchor);
    page.doc
        .outline
        .iter()
        .find(|h| h.id == anchor || h.id == wanted)
        .map(|h| h.id.clone())
        .or_else(|| anchor.starts_with("fig-").then(|| anchor.to_string()))
}
