//! One page: its front matter read into typed fields, and where it goes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{CONTENT_DIR, date, frontmatter, slug};
use crate::config::Config;
use crate::diag::{Diagnostic, line_col};

/// Index of a page in `Loaded::pages` and in the `Site`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct PageId(pub usize);

/// What a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// A note or any other page.
    Note,
    /// The `_index.md` of a section.
    Section,
    /// A page in the topics folder.
    Topic,
}

/// The front matter, with every field DESIGN.md lists.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Template name.
    pub layout: Option<String>,
    /// Line of `layout:`, for the unknown-layout warning.
    pub layout_line: Option<usize>,
    /// Title as written.
    pub title: Option<String>,
    /// Categories.
    pub categories: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Explicit permalink.
    pub permalink: Option<String>,
    /// Line of `permalink:` or of the first line, for duplicate reports.
    pub line_of_permalink: Option<usize>,
    /// `published: false` hides the page.
    pub published: Option<bool>,
    /// `draft: true` hides the page.
    pub draft: bool,
    /// Excerpt for lists and feeds.
    pub excerpt: Option<String>,
    /// Description for meta tags and lists.
    pub description: Option<String>,
    /// Explicit slug.
    pub slug: Option<String>,
    /// Last update.
    pub updated: Option<DateTime<FixedOffset>>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Old URLs that redirect here.
    pub redirect_from: Vec<String>,
    /// Default period of the figures.
    pub period: Option<String>,
    /// Default subject of the figures.
    pub subject: Option<String>,
    /// Figures given by hand (raw; read by the metrics stage).
    pub metrics: Option<serde_yaml::Value>,
    /// Line of `metrics:`.
    pub metrics_line: Option<usize>,
    /// Figures to leave out: any figure whose text or sentence contains one of these.
    pub ignore_figures: Vec<String>,
    /// `extract_metrics: false` turns extraction off for this page.
    pub extract_metrics: Option<bool>,
    /// `figure_subject: false` (topics): the topic is never the subject of a figure.
    pub figure_subject: Option<bool>,
    /// Per-page auto-link mode.
    pub auto_link: Option<String>,
    /// Related topics named by the author.
    pub related: Vec<String>,
    /// Line of `related:`, for unknown-topic reports.
    pub related_line: Option<usize>,
    /// Everything else, for `page.extra`.
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl FrontMatter {
    /// False for drafts and `published: false`.
    pub fn is_published(&self) -> bool {
        !self.draft && self.published != Some(false)
    }
}

/// A loaded page: file, front matter and where it goes.
#[derive(Debug, Clone)]
pub struct Page {
    /// Index in the site.
    pub id: PageId,
    /// Path relative to the site root, e.g. `content/notes/x.md`.
    pub source: PathBuf,
    /// Path relative to content/.
    pub rel: PathBuf,
    /// Top folder in content/ ("" at the root).
    pub section: String,
    /// Note, section index or topic.
    pub kind: PageKind,
    /// Front matter fields.
    pub meta: FrontMatter,
    /// Title (front matter, else first heading, else file name).
    pub title: String,
    /// Slug.
    pub slug: String,
    /// Site-relative URL, e.g. `/notes/x/`.
    pub permalink: String,
    /// Date (front matter, else file name prefix).
    pub date: Option<DateTime<FixedOffset>>,
    /// The Markdown body.
    pub body: String,
    /// 1-based line in the file where the body starts.
    pub body_line: usize,
}

/// Reads one page; `rel` is relative to content/.
pub fn read(config: &Config, rel: &Path) -> Result<(Page, Vec<Diagnostic>), Vec<Diagnostic>> {
    let source = Path::new(CONTENT_DIR).join(rel);
    let bytes = std::fs::read(config.root.join(&source))
        .map_err(|e| vec![Diagnostic::error(&source, format!("cannot read: {e}"))])?;
    let text = decode(&source, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut warnings = Vec::new();
    if text.trim().is_empty() {
        warnings.push(
            Diagnostic::warning(
                &source,
                "the file is empty; it is built as an empty page titled after its file name",
            )
            .help("add a front matter block with a title, or delete the file"),
        );
    }
    let split = frontmatter::split(&source, text).map_err(|d| vec![d])?;
    let map = frontmatter::parse(&source, &split).map_err(|d| vec![d])?;
    let mut fields = frontmatter::Fields::new(map, &source, &split);
    let (meta, date_field) = read_fields(&mut fields);
    let date_line = fields.line_of("date");
    let (extra, mut errors) = fields.rest();
    let meta = FrontMatter { extra, ..meta };
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (file_date, file_slug) = date::from_file_stem(&stem);
    let date = match date_field {
        Some(text) => date::parse(&text).or_else(|| {
            let d = match date::no_such_day(&text) {
                Some(why) => Diagnostic::error(&source, format!("`date: {text}` is no day of the calendar: {why}"))
                    .help("correct the day or the month"),
                None => Diagnostic::error(&source, format!("`date: {text}` is not a date folio understands"))
                    .help("write it as 2024-02-01, 2024-02-01 10:00, or 2024-02-01 10:00:00 -0500"),
            };
            errors.push(match date_line {
                Some(l) => d.at_line(l),
                None => d,
            });
            None
        }),
        None => file_date,
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    warnings.extend(mis_decoded(&source, text));
    let page = place(config, rel, source, meta, date, file_slug, split.body, split.body_line);
    Ok((page, warnings))
}

fn read_fields(f: &mut frontmatter::Fields) -> (FrontMatter, Option<String>) {
    let line_of_permalink = f.line_of("permalink").or(Some(1));
    let related_line = f.line_of("related");
    let metrics_line = f.line_of("metrics");
    let updated = f.string("updated").and_then(|s| date::parse(&s));
    let meta = FrontMatter {
        layout_line: f.line_of("layout"),
        layout: f.string("layout"),
        title: f.string("title"),
        categories: {
            let mut c = f.list("categories", true);
            c.extend(f.list("category", true));
            c
        },
        tags: {
            let mut t = f.list("tags", true);
            t.extend(f.list("tag", true));
            t
        },
        permalink: f.string("permalink"),
        line_of_permalink,
        published: f.boolean("published"),
        draft: f.boolean("draft").unwrap_or(false),
        excerpt: f.string("excerpt"),
        description: f.string("description"),
        slug: f.string("slug"),
        updated,
        aliases: f.list("aliases", false),
        redirect_from: f.list("redirect_from", false),
        period: f.string("period"),
        subject: f.string("subject"),
        metrics: f.take("metrics"),
        metrics_line,
        ignore_figures: f.list("ignore_figures", false),
        extract_metrics: f.boolean("extract_metrics"),
        figure_subject: f.boolean("figure_subject"),
        auto_link: f.string("auto_link"),
        related: f.list("related", false),
        related_line,
        extra: BTreeMap::new(),
    };
    (meta, f.string("date"))
}

#[allow(clippy::too_many_arguments)]
fn place(
    config: &Config,
    rel: &Path,
    source: PathBuf,
    meta: FrontMatter,
    date: Option<DateTime<FixedOffset>>,
    file_slug: &str,
    body: &str,
    body_line: usize,
) -> Page {
    let mut components: Vec<String> = rel
        .parent()
        .map(|p| p.iter().map(|c| c.to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    let section = components.first().cloned().unwrap_or_default();
    let file_name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_index = file_name.starts_with("_index.") || file_name.starts_with("index.");
    let kind = if file_name.starts_with("_index.") {
        PageKind::Section
    } else if section == config.topics_dir && components.len() == 1 {
        PageKind::Topic
    } else {
        PageKind::Note
    };
    let title = meta
        .title
        .clone()
        .or_else(|| first_heading(body))
        .unwrap_or_else(|| file_slug.replace(['-', '_'], " "));
    let slug = meta.slug.clone().map(|s| slug::slugify(&s)).unwrap_or_else(|| {
        if is_index {
            components.last().cloned().unwrap_or_default()
        } else {
            slug::slugify(file_slug)
        }
    });
    let permalink = if let Some(p) = &meta.permalink {
        slug::normalise(p)
    } else if is_index {
        // A section index or a page bundle (`notes/x/index.md`) lives at its folder.
        if kind == PageKind::Note && !components.is_empty() {
            components.pop();
            let parent = components.join("/");
            slug::normalise(&format!("{parent}/{slug}"))
        } else {
            slug::normalise(&components.join("/"))
        }
    } else {
        let pattern = if components.len() > 1 {
            format!("/{}/:slug/", components.join("/"))
        } else {
            config.permalink.clone()
        };
        let parts = slug::Parts {
            section: &section,
            slug: &slug,
            categories: &meta.categories,
            date,
        };
        slug::expand(&pattern, &parts)
    };
    Page {
        id: PageId(0),
        source,
        rel: rel.to_path_buf(),
        section,
        kind,
        meta,
        title,
        slug,
        permalink,
        date,
        body: body.to_string(),
        body_line,
    }
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .find_map(|l| {
            l.strip_prefix("# ")
                .map(|t| t.trim().trim_end_matches('#').trim().to_string())
        })
        .filter(|t| !t.is_empty())
}

fn decode(source: &Path, bytes: Vec<u8>) -> Result<String, Vec<Diagnostic>> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let (line, col) = line_col(&prefix, prefix.len());
        vec![
            Diagnostic::error(
                source,
                format!("the file is not UTF-8 (byte 0x{:02x} at offset {valid})", bytes[valid]),
            )
            .at(line, col)
            .help("save the file as UTF-8 in your editor (e.g. convert from Latin-1/Windows-1252)"),
        ]
    })
}

/// Text that was UTF-8 decoded as Windows-1252 and encoded again ("companyâ€™s").
fn mis_decoded(source: &Path, text: &str) -> Vec<Diagnostic> {
    const MARKERS: [&str; 6] = ["â€™", "â€œ", "â€\u{9d}", "â€“", "â€”", "Ã©"];
    // Every marker starts with "â" or "Ã", both encoded 0xC3 0x..: lines without that byte
    // (nearly all) are passed over without six substring searches each.
    const LEAD: u8 = 0xC3;
    let mut out = Vec::new();
    if !text.as_bytes().contains(&LEAD) {
        return out;
    }
    for (n, line) in text.lines().enumerate() {
        if !line.as_bytes().contains(&LEAD) {
            continue;
        }
        if let Some(m) = MARKERS.iter().find(|m| line.contains(**m)) {
            let col = line[..line.find(m).unwrap_or(0)].chars().count() + 1;
            out.push(
                Diagnostic::warning(
                    source,
                    format!("text looks mis-decoded (`{m}`): it was probably UTF-8 read as Windows-1252"),
                )
                .at(n + 1, col)
                .help("replace it with the intended character (’ “ ” – —) or re-save the source as UTF-8"),
            );
        }
    }
    out
}
