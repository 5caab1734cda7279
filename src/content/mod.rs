//! The load stage: walking content/ into `Page`s (front matter read, dates, slugs and
//! permalinks settled) and the list of other files to copy beside them.
//!
//! A folder is a section (its `_index.md` gives it a title); pages in the topics folder are
//! topics. Drafts and `published: false` are left out unless asked for.

pub mod date;
pub mod frontmatter;
pub mod page;
pub mod slug;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::Diagnostic;
pub use page::{FrontMatter, Page, PageId, PageKind};

/// The folder of content inside a site.
pub const CONTENT_DIR: &str = "content";

/// A file in content/ that is not Markdown, copied to the same relative place.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Absolute source path.
    pub source: PathBuf,
    /// Path relative to content/ (and so to the output folder).
    pub rel: PathBuf,
}

/// What the load stage hands on.
pub struct Loaded {
    /// Every page that will be built, ordered by source path; `PageId` is the index.
    pub pages: Vec<Page>,
    /// Other files to copy.
    pub assets: Vec<Asset>,
}

/// Options of a load that do not come from site.toml.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Build drafts and unpublished pages too.
    pub drafts: bool,
}

/// The files of content/: Markdown pages to read and other files to copy.
pub struct Scan {
    /// Markdown files, relative to content/, sorted.
    pub markdown: Vec<PathBuf>,
    /// Other files.
    pub assets: Vec<Asset>,
}

/// Walks `content/` (hidden files and editor backups skipped).
pub fn scan(config: &Config) -> (Scan, Vec<Diagnostic>) {
    let content = config.root.join(CONTENT_DIR);
    let mut diags = Vec::new();
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name().follow_links(true) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| content.clone());
                diags.push(Diagnostic::error(
                    display_path(config, &path),
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || is_hidden(path, &content) {
            continue;
        }
        let rel = path.strip_prefix(&content).unwrap_or(path).to_path_buf();
        if path.extension().is_some_and(|e| e == "md" || e == "markdown") {
            markdown.push(rel);
        } else {
            assets.push(Asset {
                source: path.to_path_buf(),
                rel,
            });
        }
    }
    (Scan { markdown, assets }, diags)
}

/// Walks `content/` and loads every page in parallel. Returns what loaded and every
/// problem found; the caller decides whether errors stop the build.
pub fn load(config: &Config, options: LoadOptions) -> (Loaded, Vec<Diagnostic>) {
    let (scan, mut diags) = scan(config);
    let results: Vec<_> = scan.markdown.par_iter().map(|rel| page::read(config, rel)).collect();
    let mut pages = Vec::new();
    for result in results {
        match result {
            Ok((page, warnings)) => {
                diags.extend(warnings);
                if options.drafts || page.meta.is_published() {
                    pages.push(page);
                }
            }
            Err(errors) => diags.extend(errors),
        }
    }
    for (i, page) in pages.iter_mut().enumerate() {
        page.id = PageId(i);
    }
    diags.extend(duplicate_permalinks(&pages));
    (
        Loaded {
            pages,
            assets: scan.assets,
        },
        diags,
    )
}

fn is_hidden(path: &Path, root: &Path) -> bool {
    path.strip_prefix(root)
        .map(|rel| {
            rel.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })
        .unwrap_or(false)
        || path.file_name().is_some_and(|n| n.to_string_lossy().ends_with('~'))
}

/// A path as the user should see it: relative to the site root.
pub fn display_path(config: &Config, path: &Path) -> PathBuf {
    path.strip_prefix(&config.root).unwrap_or(path).to_path_buf()
}

/// Two pages at one URL: an error at the second, naming both.
pub fn duplicate_permalinks<'a>(pages: impl IntoIterator<Item = &'a Page>) -> Vec<Diagnostic> {
    let mut seen: HashMap<&str, &Page> = HashMap::new();
    let mut diags = Vec::new();
    for page in pages {
        if let Some(first) = seen.insert(page.permalink.as_str(), page) {
            diags.push(
                Diagnostic::error(
                    &page.source,
                    format!(
                        "{} has the same URL {} as {}",
                        page.source.display(),
                        page.permalink,
                        first.source.display()
                    ),
                )
                .at_line(page.meta.line_of_permalink.unwrap_or(1))
                .help("give one of them a different `slug:` or `permalink:` in its front matter"),
            );
        }
    }
    diags
}
