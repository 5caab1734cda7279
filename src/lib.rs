//! folio: a static research-site generator.
//!
//! ```text
//! content/*.md ──load──▶ Page   (front matter + Markdown)            content::load      per file, parallel
//!              ──parse─▶ Doc    (events + outline)                   markdown::parse    per file, parallel
//!              ──enrich▶ Enriched (links, topic mentions, figures,   enrich::enrich     per file, parallel
//!                                  wraps: HTML to put around text)
//!    all pages ─index──▶ Site   (sections, taxonomies, links, …)     site::index        once
//!              ──render▶ HTML, feeds, exports                        render             per page, parallel
//!              ──write─▶ public/ (staged, then swapped in)           output::Staging
//! ```
//!
//! Each stage hands its value to the next by value; pages refer to each other by `PageId`.
//! [`assemble`] runs load → index; [`build`] renders and writes; the CLI and the dev server
//! are thin callers of these.

mod bytes;
pub mod config;
pub mod content;
pub mod currency;
pub mod diag;
pub mod enrich;
pub mod incremental;
pub mod markdown;
pub mod output;
pub mod render;
pub mod serve;
pub mod site;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use config::Config;
use diag::Diagnostic;
use site::Site;

/// Options of a build that do not come from site.toml.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Include drafts and unpublished pages.
    pub drafts: bool,
    /// Output folder instead of site.toml's `output_dir`.
    pub out: Option<PathBuf>,
    /// Base URL instead of site.toml's `base_url`.
    pub base_url: Option<String>,
    /// Render options (live reload script).
    pub render: render::RenderOptions,
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct Report {
    /// Pages of the site.
    pub pages: usize,
    /// Output files this build wrote: every one for a clean build, only those whose
    /// input changed for an incremental one.
    pub written: usize,
    /// URL paths of the pages that changed (written or removed) since a browser last
    /// loaded them, for an incremental build; `None` when any tab may need a reload (a
    /// clean build, or a changed stylesheet, script or image).
    pub changed: Option<Vec<String>>,
    /// Topic pages.
    pub topics: usize,
    /// Figures in the metric store.
    pub figures: usize,
    /// Warnings (none of them stopped the build).
    pub warnings: Vec<Diagnostic>,
    /// Wall time.
    pub elapsed: Duration,
}

impl Report {
    /// The one line a successful build prints: `built 37 pages (16 topics, 298 figures) in 0.19s`.
    pub fn summary(&self) -> String {
        format!(
            "built {} ({}, {}) in {:.2}s",
            counted(self.pages, "page"),
            counted(self.topics, "topic"),
            counted(self.figures, "figure"),
            self.elapsed.as_secs_f64()
        )
    }
}

/// `1 page`, `2 pages`.
pub fn counted(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Reads the configuration with the command-line overrides applied.
pub fn configure(root: &Path, options: &BuildOptions) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (mut config, warnings) = Config::load(root)?;
    if let Some(url) = &options.base_url {
        config.base_url = format!("{}/", url.trim_end_matches('/'));
    }
    if let Some(out) = &options.out {
        config.output_dir = out.clone();
    }
    Ok((config, warnings))
}

/// Runs load → parse → enrich → index. Returns the site and every diagnostic; errors in
/// any page stop before the index, with all of them reported.
pub fn assemble(config: Config, drafts: bool) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let clock = Stopwatch::start();
    let (loaded, mut diags) = content::load(&config, content::LoadOptions { drafts });
    clock.lap("load");
    if diags.iter().any(|d| d.is_error(false)) {
        return Err(diags);
    }
    let topics = enrich::Topics::new(&loaded.pages, &config);
    let ctx = enrich::Context::new(&config, &topics);
    let docs: Vec<markdown::Doc> = loaded
        .pages
        .into_par_iter()
        .map(|page| markdown::parse(page, &config.markdown))
        .collect();
    clock.lap("parse");
    let pages: Vec<std::sync::Arc<enrich::Enriched>> = docs
        .into_par_iter()
        .map(|doc| std::sync::Arc::new(enrich::enrich(doc, &ctx)))
        .collect();
    clock.lap("enrich");
    diags.extend(pages.iter().flat_map(|p| p.facts.diagnostics.iter().cloned()));
    if diags.iter().any(|d| d.is_error(false)) {
        return Err(diags);
    }
    let (site, index_diags) = site::index(config, pages, loaded.assets, topics);
    clock.lap("index");
    diags.extend(index_diags);
    Ok((site, diags))
}

/// Resident memory now (Linux; 0 elsewhere).
fn rss_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    kb.unwrap_or(0) / 1024
}

/// Stage timings on stderr when `FOLIO_TIMINGS` is set: for finding where a slow build
/// spends its time, without a profiler.
pub(crate) struct Stopwatch {
    on: bool,
    last: std::cell::Cell<Instant>,
}

impl Stopwatch {
    pub(crate) fn start() -> Stopwatch {
        Stopwatch {
            on: std::env::var_os("FOLIO_TIMINGS").is_some(),
            last: std::cell::Cell::new(Instant::now()),
        }
    }

    pub(crate) fn lap(&self, stage: &str) {
        if self.on {
            let now = Instant::now();
            timing_line(stage, now - self.last.get());
            self.last.set(now);
        }
    }
}

/// One line of `FOLIO_TIMINGS`.
fn timing_line(stage: &str, took: std::time::Duration) {
    eprintln!(
        "folio: {stage:<8} {:>8.3}s  rss {:>6} MiB",
        took.as_secs_f64(),
        rss_mib()
    );
}

/// A site ready to write: configuration read, every page assembled and indexed,
/// templates loaded; with the warnings found so far.
pub struct Prepared {
    /// The indexed site.
    pub site: Site,
    /// The theme's templates (with the `metrics()` function registered).
    pub templates: render::Templates,
    /// Warnings (and strict warnings) found so far; no errors.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs everything but the write: configuration, templates, load → index.
pub fn prepare(root: &Path, options: &BuildOptions) -> Result<Prepared, Vec<Diagnostic>> {
    let (config, mut diags) = configure(root, options)?;
    let with_earlier = |mut e: Vec<Diagnostic>, earlier: &[Diagnostic]| {
        e.splice(0..0, earlier.iter().cloned());
        e
    };
    let mut templates = render::Templates::load(&config).map_err(|d| with_earlier(vec![d], &diags))?;
    let (site, site_diags) = assemble(config, options.drafts).map_err(|e| with_earlier(e, &diags))?;
    diags.extend(site_diags);
    diags.extend(layout_warnings(&site, &templates));
    diags.extend(render::theme::shadowed_static_files(&site.config));
    templates.register_metrics(&site);
    Ok(Prepared {
        site,
        templates,
        diagnostics: diags,
    })
}

/// Builds the site in `root`: every stage, then the staged output swapped in. On error
/// the previous output folder is left untouched and every problem is returned.
pub fn build(root: &Path, options: &BuildOptions) -> Result<Report, Vec<Diagnostic>> {
    let started = Instant::now();
    let (config, _) = configure(root, options)?;
    let target = config.output_path();
    output::check_target(&config.root, &target).map_err(|e| {
        vec![Diagnostic::error(config::CONFIG_FILE, e).help("choose another output_dir in site.toml or --out")]
    })?;
    let Prepared {
        site,
        templates,
        diagnostics: mut diags,
    } = prepare(root, options)?;
    let staging = output::Staging::new(&target).map_err(|e| {
        vec![Diagnostic::error(
            &target,
            format!("cannot create the staging folder: {e}"),
        )]
    })?;
    match write_site(&site, &templates, &options.render, &staging) {
        Ok(pages) => {
            staging.commit().map_err(|e| {
                vec![Diagnostic::error(
                    &target,
                    format!("cannot swap in the new output: {e}"),
                )]
            })?;
            let report = Report {
                pages,
                written: pages,
                changed: None,
                topics: site.topics.len(),
                figures: site.store.len(),
                warnings: diags,
                elapsed: started.elapsed(),
            };
            drop_in_background((site, templates));
            Ok(report)
        }
        Err(errors) => {
            staging.abandon();
            diags.extend(errors);
            Err(diags)
        }
    }
}

/// Frees `value` on a thread of its own. A built site of 10,000 notes is millions of
/// small allocations (events, text, figures, rows of the store), and freeing them took
/// a few tenths of a second that nothing needs to wait for: `folio build` can print its
/// summary and exit (the system takes the memory back), and `build --watch` can go back
/// to watching.
fn drop_in_background<T: Send + 'static>(value: T) {
    // If no thread can be started, the refused closure is dropped here, and `value` with it.
    let _ = std::thread::Builder::new()
        .name("folio-free".into())
        .spawn(move || drop(value));
}

/// Everything `folio check` reports: a full build rendered into a scratch folder and
/// thrown away, plus conflicting figures and topics that nothing mentions.
pub fn check(root: &Path, options: &BuildOptions) -> Vec<Diagnostic> {
    let mut prepared = match prepare(root, options) {
        Ok(p) => p,
        Err(diags) => return diags,
    };
    let scratch = std::env::temp_dir().join(format!("folio-check-{}", std::process::id()));
    match output::Staging::new(&scratch.join("out")) {
        Ok(staging) => {
            if let Err(errors) = write_site(&prepared.site, &prepared.templates, &options.render, &staging) {
                prepared.diagnostics.extend(errors);
            }
            staging.abandon();
        }
        Err(e) => prepared.diagnostics.push(Diagnostic::error(
            &scratch,
            format!("cannot create a scratch folder: {e}"),
        )),
    }
    let _ = std::fs::remove_dir_all(&scratch);
    prepared.diagnostics.extend(conflict_warnings(&prepared.site));
    prepared.diagnostics.extend(site::graph::lint(&prepared.site));
    prepared.diagnostics
}

/// One warning per conflict, at its first source, naming every source.
fn conflict_warnings(site: &Site) -> Vec<Diagnostic> {
    site.store
        .conflicts
        .iter()
        .filter_map(|c| {
            let first = site.store.record(c.sources.first()?.record);
            let sources: Vec<String> = c
                .sources
                .iter()
                .map(|v| {
                    let r = site.store.record(v.record);
                    format!(
                        "{} at {}:{}",
                        r.value.as_ref().map(render::format::value).unwrap_or_default(),
                        r.source,
                        r.line
                    )
                })
                .collect();
            Some(
                Diagnostic::warning(
                    first.source,
                    format!(
                        "figures disagree on {} {} for {}: {}",
                        c.subject,
                        c.metric,
                        c.period,
                        sources.join("; ")
                    ),
                )
                .at_line(first.line as usize)
                .help("correct the wrong figure, or keep both if the sources really differ (see /metrics/)"),
            )
        })
        .collect()
}

/// Renders and writes everything into `staging`; returns the number of HTML pages.
pub fn write_site(
    site: &Site,
    templates: &render::Templates,
    options: &render::RenderOptions,
    staging: &output::Staging,
) -> Result<usize, Vec<Diagnostic>> {
    let clock = Stopwatch::start();
    let jobs = render::jobs(site);
    let renderer = render::Renderer::new(site, templates, options.clone());
    // The exports (hundreds of megabytes on a large site) are written while the pages
    // render: their disk time overlaps the rendering instead of following it.
    let (mut errors, exported) = std::thread::scope(|scope| {
        let timed = clock.on;
        let exports = scope.spawn(move || {
            let started = Instant::now();
            let written = render::exports::write_files(&site.store, staging.dir());
            if timed {
                timing_line("  exports (beside the pages)", started.elapsed());
            }
            written
        });
        let errors = renderer.render_all(&jobs, |file, bytes| staging.write(file, bytes));
        (errors, exports.join())
    });
    match exported {
        Ok(Ok(())) => {}
        Ok(Err(e)) => errors.push(Diagnostic::error(
            "metrics.json",
            format!("cannot write the figure exports: {e}"),
        )),
        Err(panic) => std::panic::resume_unwind(panic),
    }
    clock.lap("render");
    let permalinks: Vec<String> = jobs.iter().filter_map(|j| renderer.render_permalink(j)).collect();
    match extra_files(site, &permalinks) {
        Ok(files) => {
            for (file, bytes, _) in files {
                let written = staging.write(&file, &bytes);
                if let Err(e) = written {
                    errors.push(Diagnostic::error(&file, format!("cannot write: {e}")));
                }
            }
        }
        Err(e) => errors.extend(e),
    }
    clock.lap("extras");
    for asset in &site.assets {
        if let Err(e) = staging.copy(&asset.rel, &asset.source) {
            errors.push(Diagnostic::error(
                content::display_path(&site.config, &asset.source),
                format!("cannot copy: {e}"),
            ));
        }
    }
    if errors.is_empty() { Ok(jobs.len()) } else { Err(errors) }
}

/// An output that is not a page: its file, its bytes and a key of them.
type ExtraFile = (String, Vec<u8>, u64);

/// The small outputs that are not pages: feeds, sitemap, robots.txt, the highlighting
/// stylesheet and static files. (The figure exports are streamed by `exports::write_files`.)
pub(crate) fn extra_files(site: &Site, permalinks: &[String]) -> Result<Vec<ExtraFile>, Vec<Diagnostic>> {
    let mut sorted = permalinks.to_vec();
    sorted.sort();
    let md = &site.config.markdown;
    let css = markdown::highlight::stylesheet(&md.highlight_theme, &md.highlight_theme_dark)
        .map_err(|e| vec![Diagnostic::error(config::CONFIG_FILE, e)])?;
    let mut cheap: Vec<(String, Vec<u8>)> = vec![
        ("atom.xml".into(), render::feeds::atom(site).into_bytes()),
        ("sitemap.xml".into(), render::feeds::sitemap(site, &sorted).into_bytes()),
        ("robots.txt".into(), render::feeds::robots(site).into_bytes()),
        ("highlight.css".into(), css.into_bytes()),
    ];
    let statics = render::theme::static_files(&site.config).map_err(|d| vec![d])?;
    // The figure exports own their names: a static file called metrics.json or
    // metrics.csv never replaces them, whichever is written first.
    cheap.extend(
        statics
            .into_iter()
            .map(|f| (f.rel.to_string_lossy().replace('\\', "/"), f.bytes))
            .filter(|(file, _)| !render::exports::FILES.contains(&file.as_str())),
    );
    Ok(cheap
        .into_iter()
        .map(|(file, bytes)| {
            let key = render::inputs::Inputs::bytes(&bytes);
            (file, bytes, key)
        })
        .collect())
}

/// Pages whose `layout:` names no template: they fall back to the default one.
pub(crate) fn layout_warnings(site: &Site, templates: &render::Templates) -> Vec<Diagnostic> {
    site.pages
        .iter()
        .filter_map(|p| {
            let page = &p.doc.page;
            let layout = page.meta.layout.as_ref()?;
            if templates.has(&format!("{layout}.html")) {
                return None;
            }
            let fallback = if page.kind == content::PageKind::Topic {
                "topic.html"
            } else {
                "page.html"
            };
            let line = page.meta.layout_line.unwrap_or(1);
            Some(
                Diagnostic::strict(
                    &page.source,
                    format!("layout `{layout}` has no template {layout}.html; using {fallback}"),
                )
                .at_line(line)
                .help(format!(
                    "add templates/{layout}.html, or use a layout the theme has (page, post, topic)"
                )),
            )
        })
        .collect()
}
