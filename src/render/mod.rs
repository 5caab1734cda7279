//! The render stage: Tera templates from the theme (site `templates/` first), typed views,
//! one job per output page, rendered in parallel; feeds, sitemap and redirects.

pub mod charts;
pub mod connections;
pub mod exports;
pub mod feeds;
pub mod figures;
pub mod format;
pub mod graph;
pub mod html;
pub mod inputs;
pub mod theme;
pub mod views;
pub(crate) mod words;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::content::{PageId, PageKind};
use crate::diag::Diagnostic;
use crate::site::Site;
use views::{PageView, Paginator, SiteView, TaxonomyView};

/// Options of a render that do not come from site.toml.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A script to inject before `</body>` (live reload in serve mode).
    pub inject: Option<String>,
}

/// One output file to produce.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Job {
    /// A note, topic or other page.
    Page(PageId),
    /// The home page.
    Home,
    /// Page `n` (1-based) of a section's list.
    Section(String, usize),
    /// The list of a taxonomy's terms.
    Taxonomy(usize),
    /// Page `n` (1-based) of one term's notes.
    Term(usize, String, usize),
    /// 404.html.
    NotFound,
    /// A redirect page from an old URL.
    Redirect(String, PageId),
    /// The site-wide figures page.
    Metrics,
}

/// The Tera environment and where each template came from.
pub struct Templates {
    tera: Tera,
    paths: HashMap<String, std::path::PathBuf>,
    theme: String,
    /// The largest output of each template so far: the room its next output starts with.
    /// Tera starts from 2,000 bytes and doubles, so a 20 KB note was reallocated and
    /// copied four times as it grew, a 400 KB topic page eight times. The cost is a
    /// buffer as large as the template's largest page for each render under way.
    sizes: HashMap<String, AtomicUsize>,
}

impl Templates {
    /// Loads and parses every template of the site's theme.
    pub fn load(config: &crate::config::Config) -> Result<Templates, Diagnostic> {
        let sources = theme::templates(config)?;
        let paths: HashMap<_, _> = sources.iter().map(|s| (s.name.clone(), s.path.clone())).collect();
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Tera's default also escapes `/`, which makes every URL in an attribute read
        // `&#x2F;notes&#x2F;…`; the five HTML-significant characters are enough.
        tera.set_escape_fn(escape_html);
        tera.register_filter("truncate", truncate);
        let raw: Vec<(String, String)> = sources.into_iter().map(|s| (s.name, s.text)).collect();
        if let Err(e) = tera.add_raw_templates(raw) {
            let path = paths
                .iter()
                .find(|(name, _)| error_text(&e).contains(&format!("'{name}'")))
                .map(|(_, p)| p.clone());
            return Err(
                Diagnostic::error(path.unwrap_or_else(|| "templates".into()), error_text(&e))
                    .help("fix the template syntax at the line shown (Tera / Jinja2 syntax)"),
            );
        }
        let sizes = paths.keys().map(|name| (name.clone(), AtomicUsize::new(0))).collect();
        Ok(Templates {
            tera,
            paths,
            theme: config.theme.clone(),
            sizes,
        })
    }

    /// Registers `metrics(subject=…, metric=…, period=…, page=…)`: the rows of the site's
    /// figures that match, for templates to put in a table (`page` is a page's `url`).
    pub fn register_metrics(&mut self, site: &Site) {
        let store = std::sync::Arc::clone(&site.store);
        let notes: std::sync::Arc<Vec<(String, String)>> = std::sync::Arc::new(
            site.pages
                .iter()
                .map(|p| (p.doc.page.title.clone(), site.config.url(&p.doc.page.permalink)))
                .collect(),
        );
        // `notes` is indexed by page id: the URL of each page, looked up the other way.
        let pages: HashMap<String, PageId> = notes
            .iter()
            .enumerate()
            .map(|(i, (_, url))| (url.clone(), PageId(i)))
            .collect();
        self.tera
            .register_function("metrics", move |args: &HashMap<String, tera::Value>| {
                let want = |key: &str| args.get(key).and_then(|v| v.as_str());
                let page = match want("page") {
                    Some(url) => match pages.get(url) {
                        Some(&id) => Some(id),
                        None => return Err(tera::Error::msg(format!(
                            "metrics(page=\"{url}\"): no page has this URL; pass a page's `url`, as in `metrics(page=page.url)`"
                        ))),
                    },
                    None => None,
                };
                let ids = store.query(want("subject"), want("metric"), want("period"), page);
                let rows: Vec<figures::Row> = ids
                    .into_iter()
                    .map(|i| {
                        let r = store.record(i);
                        let (title, url) = &notes[r.owner.0];
                        figures::row_from(&r, title, url)
                    })
                    .collect();
                tera::to_value(rows).map_err(|e| tera::Error::msg(e.to_string()))
            });
    }

    /// True if a template of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }

    /// A page: the bytes of template `name` rendered with `ctx`. Tera writes only `str`s,
    /// so they are UTF-8; they go to a file as they are, without the pass over every
    /// byte that making a `String` of them takes (24 M instructions at 1,000 notes).
    fn render_page(&self, name: &str, ctx: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        if !self.has(name) {
            return Err(self.missing(name));
        }
        let size = self.sizes.get(name);
        let mut out = Vec::with_capacity(size.map_or(0, |s| s.load(Relaxed)).max(2000));
        self.tera.render_to(name, ctx, &mut out).map_err(|e| {
            let path = self.paths.get(name).cloned().unwrap_or_else(|| name.into());
            Diagnostic::error(path, error_text(&e)).help("fix the template, or the value it uses, named above")
        })?;
        if let Some(size) = size {
            size.fetch_max(out.len(), Relaxed);
        }
        Ok(out)
    }

    /// A part of a page: template `name` rendered with `ctx`, as text.
    fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        String::from_utf8(self.render_page(name, ctx)?)
            .map_err(|e| Diagnostic::error(format!("templates/{name}"), format!("the output is not UTF-8: {e}")))
    }
}

impl Templates {
    /// A template the site needs that neither the site nor its theme has.
    fn missing(&self, name: &str) -> Diagnostic {
        let theme = &self.theme;
        Diagnostic::error(
            format!("templates/{name}"),
            format!("no template `{name}`: neither the site's templates/ nor the theme `{theme}` has one"),
        )
        .help(format!(
            "add templates/{name} to the site, or themes/{theme}/templates/{name} to the theme; \
             `folio init` writes a site whose default theme has every template"
        ))
    }
}

/// Tera's `truncate`, with the same output, without its cost: the built-in splits the
/// whole text into graphemes to count them (a list of 10,000 notes truncates each summary
/// several times); this stops at the `length`-th and skips texts too short to cut.
fn truncate(value: &tera::Value, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let text = value.as_str().ok_or_else(|| {
        tera::Error::msg(format!(
            "Filter `truncate` was used on `{value}`, which is not a string"
        ))
    })?;
    let length = match args.get("length") {
        Some(l) => l.as_u64().and_then(|l| usize::try_from(l).ok()).ok_or_else(|| {
            tera::Error::msg(format!("Filter `truncate`: `length` must be a whole number, not `{l}`"))
        })?,
        None => 255,
    };
    let end = match args.get("end") {
        Some(e) => e
            .as_str()
            .ok_or_else(|| tera::Error::msg(format!("Filter `truncate`: `end` must be a string, not `{e}`")))?,
        None => "…",
    };
    Ok(match truncated(text, length, end) {
        std::borrow::Cow::Owned(cut) => tera::Value::String(cut),
        std::borrow::Cow::Borrowed(_) => value.clone(),
    })
}

/// `text` cut after `length` graphemes, with `end` appended; whole when it is no longer.
pub(crate) fn truncated<'t>(text: &'t str, length: usize, end: &str) -> std::borrow::Cow<'t, str> {
    use unicode_segmentation::UnicodeSegmentation;
    // A grapheme is at least one byte: a text of no more bytes than `length` is kept whole.
    if text.len() <= length {
        return text.into();
    }
    // Plain ASCII without CR: every byte is a grapheme (only CR LF pairs, and marks, which
    // are not ASCII, join chars), so the cut is at byte `length`. Tested a word at a time
    // and with `memchr`, the text and `end` joined without `format!`: byte by byte and
    // through `format!`, the 11,000 texts a 1,000-note build cuts (summaries in lists,
    // figures' words in tables) took 15.9 M instructions; this way, 4.9 M.
    let head = &text.as_bytes()[..=length];
    if head.is_ascii() && !head.contains(&b'\r') {
        return [&text[..length], end].concat().into();
    }
    match text.grapheme_indices(true).nth(length) {
        Some((at, _)) => [&text[..at], end].concat().into(),
        None => text.into(),
    }
}

fn escape_html(text: &str) -> String {
    crate::markdown::highlight::escape(text)
}

/// The whole error chain on one line: Tera puts the useful part in the sources.
fn error_text(e: &tera::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ").replace('\n', " ")
}

/// Every output page of the site.
pub fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::NotFound, Job::Metrics];
    for p in &site.pages {
        let page = &p.doc.page;
        if page.kind != PageKind::Section {
            jobs.push(Job::Page(page.id));
        }
        for from in &page.meta.redirect_from {
            jobs.push(Job::Redirect(from.clone(), page.id));
        }
    }
    for s in site.sections.values() {
        if s.name.is_empty() {
            continue;
        }
        let items = if s.name == site.config.topics_dir {
            site.topics.len()
        } else {
            s.pages.len()
        };
        let pages = items.div_ceil(site.config.paginate).max(1);
        jobs.extend((1..=pages).map(|n| Job::Section(s.name.clone(), n)));
    }
    for (i, tax) in site.taxonomies.iter().enumerate() {
        if !tax.terms.is_empty() {
            jobs.push(Job::Taxonomy(i));
        }
        for (slug, term) in &tax.terms {
            let pages = term.pages.len().div_ceil(site.config.paginate).max(1);
            jobs.extend((1..=pages).map(|n| Job::Term(i, slug.clone(), n)));
        }
    }
    jobs
}

/// Renders one job into `(site-relative permalink, bytes)`.
pub struct Renderer<'a> {
    site: &'a Site,
    templates: &'a Templates,
    /// The context every page starts from (`site`), serialised once.
    base: tera::Context,
    /// Copies of `base` that finished renders gave back: a render takes one, inserts its
    /// own keys and removes them when done. Copying the site view (200 topic links) for
    /// each of 10,000 pages cost more than a page's own keys.
    spare: std::sync::Mutex<Vec<tera::Context>>,
    options: RenderOptions,
    /// /topics/ and its graph, laid out once for all its pages.
    topics_index: std::sync::OnceLock<connections::TopicsIndex>,
}

impl<'a> Renderer<'a> {
    /// Prepares rendering of `site`.
    pub fn new(site: &'a Site, templates: &'a Templates, options: RenderOptions) -> Self {
        Renderer {
            site,
            templates,
            base: {
                let mut ctx = tera::Context::new();
                ctx.insert("site", &SiteView::new(site));
                ctx
            },
            spare: std::sync::Mutex::default(),
            options,
            topics_index: std::sync::OnceLock::new(),
        }
    }

    /// Renders every job in parallel, calling `write` for each output.
    pub fn render_all<W>(&self, jobs: &[Job], write: W) -> Vec<Diagnostic>
    where
        W: Fn(&str, &[u8]) -> std::io::Result<()> + Sync,
    {
        let errors: Vec<Diagnostic> = jobs
            .par_iter()
            .filter_map(|job| {
                let (permalink, html) = match self.render(job) {
                    Ok(out) => out,
                    Err(d) => return Some(d),
                };
                let file = crate::content::slug::output_file(&permalink);
                write(&file, &html)
                    .err()
                    .map(|e| Diagnostic::error(&file, format!("cannot write: {e}")))
            })
            .collect();
        // A broken template fails every page that uses it the same way: say it once.
        let mut seen = std::collections::HashSet::new();
        errors.into_iter().filter(|d| seen.insert(d.to_string())).collect()
    }

    /// The permalink a job writes, without rendering it.
    pub fn render_permalink(&self, job: &Job) -> Option<String> {
        let site = self.site;
        Some(match job {
            Job::Page(id) => site.page(*id).doc.page.permalink.clone(),
            Job::Home => "/".into(),
            Job::Section(name, n) => list_url(&format!("/{name}/"), *n),
            Job::Taxonomy(i) => format!("/{}/", site.taxonomies[*i].name),
            Job::Term(i, slug, n) => list_url(&format!("/{}/{slug}/", site.taxonomies[*i].name), *n),
            Job::Metrics => "/metrics/".into(),
            Job::NotFound | Job::Redirect(..) => return None,
        })
    }

    /// Renders one job into its permalink and its HTML (UTF-8, as Tera wrote it).
    pub fn render(&self, job: &Job) -> Result<(String, Vec<u8>), Diagnostic> {
        let (permalink, html) = match job {
            Job::Page(id) => self.page(*id)?,
            Job::Home => ("/".to_string(), self.home()?),
            Job::Section(name, n) => self.section(name, *n)?,
            Job::Taxonomy(i) => self.taxonomy(*i)?,
            Job::Term(i, slug, n) => self.term(*i, slug, *n)?,
            Job::NotFound => (
                "/404.html".to_string(),
                self.templates.render_page("404.html", &self.context())?,
            ),
            Job::Metrics => ("/metrics/".to_string(), self.metrics()?),
            Job::Redirect(from, to) => {
                let url = self.site.config.url(&self.site.page(*to).doc.page.permalink);
                (
                    crate::content::slug::normalise(from),
                    feeds::redirect(&url).into_bytes(),
                )
            }
        };
        Ok((permalink, self.inject(html)))
    }

    /// `html` with the script to inject (if any) before its last `</body>`.
    fn inject(&self, mut html: Vec<u8>) -> Vec<u8> {
        const BODY_END: &[u8] = b"</body>";
        if let Some(script) = &self.options.inject
            && let Some(at) = html.windows(BODY_END.len()).rposition(|w| w == BODY_END)
        {
            html.splice(at..at, script.bytes());
        }
        html
    }

    fn context(&self) -> Scratch<'_> {
        let spare = self.spare.lock().map(|mut v| v.pop()).unwrap_or_default();
        Scratch {
            ctx: spare.unwrap_or_else(|| self.base.clone()),
            keys: Vec::new(),
            spare: &self.spare,
        }
    }

    /// The template for a page: its `layout`, else by kind; an unknown layout falls back.
    pub fn template_for(&self, id: PageId) -> String {
        let page = &self.site.page(id).doc.page;
        let by_kind = if page.kind == PageKind::Topic {
            "topic.html"
        } else {
            "page.html"
        };
        match &page.meta.layout {
            Some(layout) if self.templates.has(&format!("{layout}.html")) => {
                format!("{layout}.html")
            }
            _ => by_kind.to_string(),
        }
    }

    /// The HTML of a page's Markdown, with its ```` ```metrics ```` blocks filled in.
    fn content(&self, id: PageId) -> Result<String, Diagnostic> {
        let e = self.site.page(id);
        let mut html = html::to_html(&e.doc.events, &e.wraps, &self.site.graph.topics, &self.site.links[id.0]);
        for (i, q) in e.doc.queries.iter().enumerate() {
            let ids = self
                .site
                .store
                .query(q.subject.as_deref(), q.metric.as_deref(), q.period.as_deref(), None);
            let rows: Vec<figures::Row> = ids.iter().map(|&r| figures::row(self.site, r)).collect();
            let mut ctx = self.context();
            ctx.insert("rows", &rows);
            let table = self.templates.render("figures-table.html", &ctx)?;
            html = html.replacen(&crate::markdown::metrics_marker(i), &table, 1);
        }
        Ok(html)
    }

    fn page(&self, id: PageId) -> Result<(String, Vec<u8>), Diagnostic> {
        let e = self.site.page(id);
        let content = self.content(id)?;
        let mut ctx = self.context();
        ctx.insert("page", &PageView::new(self.site, id, Some(content)));
        ctx.insert("connections", &connections::note(self.site, id));
        if let Some(topic) = connections::topic(self.site, id) {
            ctx.insert("topic", &topic);
        }
        let html = self.templates.render_page(&self.template_for(id), &ctx)?;
        Ok((e.doc.page.permalink.clone(), html))
    }

    fn home(&self) -> Result<Vec<u8>, Diagnostic> {
        let mut ctx = self.context();
        let recent: Vec<PageView> = self
            .site
            .dated_notes()
            .into_iter()
            .take(10)
            .map(|id| PageView::new(self.site, id, None))
            .collect();
        ctx.insert("recent", &recent);
        let index = self.site.sections.get("").and_then(|s| s.index);
        if let Some(id) = index {
            ctx.insert("page", &PageView::new(self.site, id, Some(self.content(id)?)));
        }
        self.templates.render_page("index.html", &ctx)
    }

    fn section(&self, name: &str, n: usize) -> Result<(String, Vec<u8>), Diagnostic> {
        let s = &self.site.sections[name];
        let c = &self.site.config;
        let ids = if name == c.topics_dir {
            &self.site.topics
        } else {
            &s.pages
        };
        let base = format!("/{name}/");
        let mut ctx = self.context();
        ctx.insert("paginator", &self.paginator(ids, &base, n));
        ctx.insert(
            "section",
            &SectionView {
                name,
                title: views::section_title(self.site, name),
                url: c.url(&base),
            },
        );
        if let Some(id) = s.index {
            ctx.insert("page", &PageView::new(self.site, id, Some(self.content(id)?)));
        }
        if name == c.topics_dir {
            let index = self.topics_index.get_or_init(|| connections::topics_index(self.site));
            ctx.insert("topics_index", index);
        }
        let layout = s
            .index
            .and_then(|id| self.site.page(id).doc.page.meta.layout.clone())
            .map(|l| format!("{l}.html"));
        let template = match layout {
            Some(l) if self.templates.has(&l) => l,
            _ if name == c.topics_dir => "topics.html".to_string(),
            _ => "section.html".to_string(),
        };
        Ok((list_url(&base, n), self.templates.render_page(&template, &ctx)?))
    }

    /// Page `n` of the list of `ids` at `base` (`/notes/`, `/categories/retail/`).
    fn paginator(&self, ids: &[PageId], base: &str, n: usize) -> Paginator<'a> {
        let c = &self.site.config;
        let total = ids.len().div_ceil(c.paginate).max(1);
        Paginator {
            pages: ids
                .iter()
                .skip((n - 1) * c.paginate)
                .take(c.paginate)
                .map(|id| PageView::new(self.site, *id, None))
                .collect(),
            current: n,
            total,
            prev_url: (n > 1).then(|| c.url(&list_url(base, n - 1))),
            next_url: (n < total).then(|| c.url(&list_url(base, n + 1))),
        }
    }

    fn metrics(&self) -> Result<Vec<u8>, Diagnostic> {
        let mut ctx = self.context();
        ctx.insert("metrics", &figures::MetricsView::new(self.site));
        self.templates.render_page("metrics.html", &ctx)
    }

    fn taxonomy(&self, i: usize) -> Result<(String, Vec<u8>), Diagnostic> {
        let tax = &self.site.taxonomies[i];
        let mut ctx = self.context();
        ctx.insert("taxonomy", &TaxonomyView::new(self.site, tax));
        Ok((
            format!("/{}/", tax.name),
            self.templates.render_page("taxonomy.html", &ctx)?,
        ))
    }

    fn term(&self, i: usize, slug: &str, n: usize) -> Result<(String, Vec<u8>), Diagnostic> {
        let tax = &self.site.taxonomies[i];
        let term = &tax.terms[slug];
        let base = format!("/{}/{slug}/", tax.name);
        let paginator = self.paginator(&term.pages, &base, n);
        let mut ctx = self.context();
        ctx.insert("taxonomy", &TaxonomyView::new(self.site, tax));
        ctx.insert("term", &views::term_link(self.site, tax.name, term));
        ctx.insert("paginator", &paginator);
        Ok((list_url(&base, n), self.templates.render_page("term.html", &ctx)?))
    }
}

/// The URL of page `n` of a list at `base`: `base` itself, then `base/page/n/`.
fn list_url(base: &str, n: usize) -> String {
    if n == 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// The context of one render: the site's base context plus the keys this render inserted,
/// which are removed again when it is dropped, so the next render starts from the base.
struct Scratch<'r> {
    ctx: tera::Context,
    keys: Vec<&'static str>,
    spare: &'r std::sync::Mutex<Vec<tera::Context>>,
}

impl Scratch<'_> {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.ctx.insert(key, value);
        self.keys.push(key);
    }
}

impl std::ops::Deref for Scratch<'_> {
    type Target = tera::Context;
    fn deref(&self) -> &tera::Context {
        &self.ctx
    }
}

impl Drop for Scratch<'_> {
    fn drop(&mut self) {
        for key in self.keys.drain(..) {
            self.ctx.remove(key);
        }
        if let Ok(mut spare) = self.spare.lock() {
            spare.push(std::mem::take(&mut self.ctx));
        }
    }
}

/// What `section.html` sees as `section`.
#[derive(Serialize)]
struct SectionView<'a> {
    name: &'a str,
    title: String,
    url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `truncate` folio registers writes what Tera's own does, for every length
    /// around the text's, in ASCII, accents written as combining marks, emoji and CJK.
    #[test]
    fn truncate_writes_what_teras_builtin_writes() {
        let texts = [
            "",
            "AWS revenue grew 13% year-over-year to $24.2 billion.",
            "Cafe\u{301} au lait, nai\u{308}ve re\u{301}sume\u{301}",
            "👩‍👩‍👧 family 🇯🇵 flag ✈️ plane",
            "亚马逊云科技收入增长百分之十三",
            // ASCII with a CR LF pair (one grapheme) and a mark after an ASCII letter.
            "line one\r\nline two\r\nline three",
            "plain ascii, then e\u{301} and more",
        ];
        let mut ours = Tera::default();
        ours.register_filter("truncate", truncate);
        for text in texts {
            for length in 0..=text.chars().count() + 2 {
                for end in [None, Some("..."), Some("")] {
                    let args = match end {
                        Some(e) => format!("length={length}, end=\"{e}\""),
                        None => format!("length={length}"),
                    };
                    let template = format!("{{{{ s | truncate({args}) }}}}");
                    let mut ctx = tera::Context::new();
                    ctx.insert("s", text);
                    let builtin = Tera::one_off(&template, &ctx, false).expect("builtin renders");
                    ours.add_raw_template("t", &template).expect("template parses");
                    let mine = ours.render("t", &ctx).expect("ours renders");
                    assert_eq!(mine, builtin, "{text:?} with {args}");
                }
            }
        }
    }
}
