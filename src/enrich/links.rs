//! Links found in a `Doc`: Markdown links to other `.md` files, `[[wikilinks]]`, anchors
//! and relative asset paths. They are recorded here and resolved by the site index, which
//! knows every page; the render stage writes the resolved URLs.

use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, LinkType, Tag};

use crate::markdown::Doc;

/// Where a link points, as the author wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `[[Name#heading|label]]`: a title, slug or alias.
    Wiki { name: String, anchor: Option<String> },
    /// A relative `.md` path, resolved against the page's folder (content-relative).
    Markdown { path: PathBuf, anchor: Option<String> },
    /// A relative path to something else (an image, a PDF), content-relative.
    Asset { path: PathBuf },
    /// `#anchor` in the same page.
    Anchor(String),
    /// An absolute site path such as `/about/`.
    SitePath(String),
    /// Anything with a scheme; never touched.
    External,
}

/// One link or image in a page.
#[derive(Debug, Clone)]
pub struct LinkRef {
    /// Index of its `Start` event in the Doc.
    pub event: usize,
    /// What it points at.
    pub target: Target,
    /// 1-based source line.
    pub line: usize,
    /// True for images.
    pub image: bool,
    /// The destination as written, for messages.
    pub written: String,
}

/// Finds every link and image in `doc`.
pub fn find(doc: &Doc) -> Vec<LinkRef> {
    let dir = doc.page.rel.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for (i, (event, range)) in doc.events.iter().enumerate() {
        let (dest, wiki, image) = match event {
            Event::Start(Tag::Link {
                link_type, dest_url, ..
            }) => (dest_url, matches!(link_type, LinkType::WikiLink { .. }), false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, false, true),
            _ => continue,
        };
        let target = if wiki { wiki_target(dest) } else { classify(dest, dir) };
        out.push(LinkRef {
            event: i,
            target,
            line: doc.line_of(range.start),
            image,
            written: dest.to_string(),
        });
    }
    out
}

fn wiki_target(dest: &str) -> Target {
    let (name, anchor) = split_anchor(dest);
    if name.is_empty() {
        return Target::Anchor(anchor.unwrap_or_default());
    }
    Target::Wiki {
        name: name.trim().to_string(),
        anchor,
    }
}

fn split_anchor(dest: &str) -> (&str, Option<String>) {
    match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor.to_string()).filter(|a| !a.is_empty())),
        None => (dest, None),
    }
}

/// Classifies a Markdown destination written in a page that lives in `dir`.
pub fn classify(dest: &str, dir: &Path) -> Target {
    if dest.contains("://") || dest.starts_with("mailto:") || dest.starts_with("tel:") || dest.starts_with("//") {
        return Target::External;
    }
    if let Some(anchor) = dest.strip_prefix('#') {
        return Target::Anchor(anchor.to_string());
    }
    if dest.starts_with('/') {
        return Target::SitePath(dest.to_string());
    }
    let (path, anchor) = split_anchor(dest);
    if path.is_empty() {
        return Target::External;
    }
    let decoded = path.replace("%20", " ");
    let resolved = normalise(&dir.join(decoded));
    if path.ends_with(".md") || path.ends_with(".markdown") {
        Target::Markdown { path: resolved, anchor }
    } else {
        Target::Asset { path: resolved }
    }
}

/// `a/./b/../c` → `a/c`, without touching the file system.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_destinations() {
        let dir = Path::new("notes");
        assert_eq!(
            classify("other.md#intro", dir),
            Target::Markdown {
                path: "notes/other.md".into(),
                anchor: Some("intro".into())
            }
        );
        assert_eq!(
            classify("../topics/aws.md", dir),
            Target::Markdown {
                path: "topics/aws.md".into(),
                anchor: None
            }
        );
        assert_eq!(
            classify("chart.png", dir),
            Target::Asset {
                path: "notes/chart.png".into()
            }
        );
        assert_eq!(classify("https://x.org/a.md", dir), Target::External);
        assert_eq!(classify("#top", dir), Target::Anchor("top".into()));
        assert_eq!(
            wiki_target("Project Kuiper#Launch"),
            Target::Wiki {
                name: "Project Kuiper".into(),
                anchor: Some("Launch".into())
            }
        );
    }
}
