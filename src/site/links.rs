//! Link resolution: every link a page holds, turned into a URL or reported as broken.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::{Resolved, Site};
use crate::content::PageId;
use crate::content::slug::slugify;
use crate::diag::Diagnostic;
use crate::enrich::{Enriched, Target};

/// Lookup tables for link targets.
#[derive(Debug, Default)]
pub struct Targets {
    by_rel: HashMap<PathBuf, PageId>,
    by_name: HashMap<String, Vec<PageId>>,
    assets: HashSet<PathBuf>,
}

impl Targets {
    pub(super) fn new(site: &Site) -> Self {
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
            assets: site.assets.iter().map(|a| a.rel.clone()).collect(),
        }
    }
}

/// Resolves every link; returns the resolutions by page and event, and the pages each
/// page links to.
pub(super) fn resolve_links(
    site: &Site,
    targets: &Targets,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<HashMap<usize, Resolved>>, Vec<Vec<PageId>>) {
    site.pages.iter().map(|p| resolve_page(site, targets, p, diags)).unzip()
}

/// Resolves the links of page `id` alone (a preview of one edited note), against the
/// targets of the last index.
pub(super) fn resolve_one(site: &Site, id: PageId) -> (HashMap<usize, Resolved>, Vec<PageId>) {
    resolve_page(site, &site.targets, site.page(id), &mut Vec::new())
}

fn resolve_page(
    site: &Site,
    targets: &Targets,
    p: &Enriched,
    diags: &mut Vec<Diagnostic>,
) -> (HashMap<usize, Resolved>, Vec<PageId>) {
    let mut out = HashMap::new();
    let mut to = Vec::new();
    for link in &p.facts.links {
        let (resolved, page) = resolve(site, targets, p, &link.target);
        to.extend(page.filter(|id| *id != p.doc.page.id && !to.contains(id)));
        if let Resolved::Broken(why) = &resolved {
            diags.push(
                Diagnostic::strict(&p.doc.page.source, format!("broken link `{}`: {why}", link.written))
                    .at_line(link.line)
                    .help("fix the target: a file path relative to this note, or [[a title, slug or alias]]"),
            );
        }
        out.insert(link.event, resolved);
    }
    (out, to)
}

fn resolve(site: &Site, t: &Targets, from: &Enriched, target: &Target) -> (Resolved, Option<PageId>) {
    let with_anchor = |id: PageId, anchor: &Option<String>| (resolve_anchor(site, id, anchor), Some(id));
    let resolved = match target {
        Target::Markdown { path, anchor } => match t.by_rel.get(path) {
            Some(id) => return with_anchor(*id, anchor),
            None => Resolved::Broken(format!("no page content/{}", path.display())),
        },
        Target::Wiki { name, anchor } => match t.by_name.get(&name.to_lowercase()).map(Vec::as_slice) {
            Some([id]) => return with_anchor(*id, anchor),
            Some(ids) if ids.len() > 1 => {
                let names: Vec<String> = ids
                    .iter()
                    .map(|i| site.page(*i).doc.page.source.display().to_string())
                    .collect();
                Resolved::Broken(format!("`{name}` is ambiguous: {}", names.join(", ")))
            }
            _ => Resolved::Broken(format!("no page titled, named or aliased `{name}`")),
        },
        Target::Anchor(a) => match find_anchor(from, a) {
            Some(_) => Resolved::Keep,
            None => Resolved::Broken(format!("this page has no heading `{a}`")),
        },
        Target::Asset { path } if t.assets.contains(path) => {
            Resolved::Url(site.config.url(&format!("/{}", path.to_string_lossy())))
        }
        Target::Asset { .. } | Target::SitePath(_) | Target::External => Resolved::Keep,
    };
    (resolved, None)
}

fn resolve_anchor(site: &Site, id: PageId, anchor: &Option<String>) -> Resolved {
    let page = site.page(id);
    let url = site.config.url(&page.doc.page.permalink);
    match anchor {
        None => Resolved::Url(url),
        Some(a) => match find_anchor(page, a) {
            Some(id) => Resolved::Url(format!("{url}#{id}")),
            None => Resolved::Broken(format!("{} has no heading `{a}`", page.doc.page.source.display())),
        },
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
