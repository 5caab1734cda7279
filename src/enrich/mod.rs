//! The enrich stage: what a page says, found in its event stream. Links and wikilinks,
//! topic mentions (auto-linked), and figures (anchored in the text). Works on `Text`
//! events only, so nothing inside code, links, headings or raw HTML is touched.

pub mod links;

use crate::config::Config;
use crate::markdown::Doc;
pub use links::{LinkRef, Target};

/// What enrichment found in one page.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// Links and images, to resolve.
    pub links: Vec<LinkRef>,
}

/// A page after enrichment: its (possibly rewritten) Doc and the facts found.
#[derive(Debug, Clone)]
pub struct Enriched {
    /// The Doc, with auto-links and figure anchors inserted.
    pub doc: Doc,
    /// What was found.
    pub facts: PageFacts,
}

/// What enrichment needs from the whole site, built once between load and enrich.
pub struct Context<'a> {
    /// The site configuration.
    pub config: &'a Config,
}

/// Enriches one page.
pub fn enrich(doc: Doc, _ctx: &Context) -> Enriched {
    let links = links::find(&doc);
    Enriched {
        doc,
        facts: PageFacts { links },
    }
}
