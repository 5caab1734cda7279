//! Incremental rebuilds for `folio serve` and `folio build --watch`: a `Build` value, owned
//! by the watch loop, keeps what the last build made and redoes only what a change touched.
//!
//! - a page is read, parsed and enriched again only if its file changed (size, mtime or
//!   inode differ), or if the topic vocabulary changed (then every page is re-enriched);
//! - the site index is always rebuilt: it is cheap and every page can affect it;
//! - each output's render input is hashed and only outputs whose input changed are
//!   rendered and written; outputs that no longer exist are removed;
//! - a change to site.toml starts from scratch; a change to a template or theme file
//!   changes every input hash, so what depends on it is rendered again.
//!
//! Correctness first: after any sequence of edits the output equals a clean build's (the
//! tests compare output trees). Nothing is written when the build has errors, so the last
//! good site stays in place.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Page, PageId};
use crate::diag::Diagnostic;
use crate::enrich::{self, Enriched, Topics};
use crate::render::{self, Job, Renderer, Templates};
use crate::site::{self, Site};
use crate::{BuildOptions, Report, markdown};

/// What identifies a version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Stamp {
    len: u64,
    modified_ns: i128,
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let modified_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        len: meta.len(),
        modified_ns,
        inode,
    })
}

/// One Markdown file as last read.
struct Entry {
    stamp: Stamp,
    /// Read within a second of its last change: a later edit in the same timestamp tick
    /// would keep the stamp, so it is read again next time (as git treats racy entries).
    racy: bool,
    read: Result<(Page, Vec<Diagnostic>), Vec<Diagnostic>>,
    /// The enriched page and the vocabulary key it was enriched with.
    enriched: Option<(u64, Arc<Enriched>)>,
}

/// What survives between builds of one site.
struct Cache {
    config: Config,
    config_stamp: Option<Stamp>,
    theme_key: u64,
    templates: Templates,
    entries: HashMap<PathBuf, Entry>,
    assets: HashMap<PathBuf, Stamp>,
    /// Output file → hash of what produced it.
    outputs: HashMap<String, u64>,
    /// Figure exports still to write, with their key (see [`Build::finish`]).
    pending_exports: Option<(Arc<crate::site::store::Store>, u64)>,
}

/// An incremental build of one site into one output folder.
pub struct Build {
    root: PathBuf,
    options: BuildOptions,
    cache: Option<Cache>,
}

impl Build {
    /// A build of the site in `root`; nothing happens until `run`.
    pub fn new(root: &Path, options: BuildOptions) -> Build {
        Build {
            root: root.to_path_buf(),
            options,
            cache: None,
        }
    }

    /// The output folder.
    pub fn output(&self) -> Option<PathBuf> {
        self.cache.as_ref().map(|c| c.config.output_path())
    }

    /// Builds, reusing what the last run made: [`Build::run_pages`], then
    /// [`Build::finish`]. On error nothing is written.
    pub fn run(&mut self) -> Result<Report, Vec<Diagnostic>> {
        let report = self.run_pages()?;
        self.finish().map_err(|d| vec![d])?;
        Ok(report)
    }

    /// Writes what [`Build::run_pages`] left for later: the figure exports, which on a
    /// large site take longer to write than the changed pages. Nothing to do when they
    /// did not change.
    pub fn finish(&mut self) -> Result<(), Diagnostic> {
        let Some(cache) = self.cache.as_mut() else {
            return Ok(());
        };
        let Some((store, key)) = cache.pending_exports.take() else {
            return Ok(());
        };
        let clock = crate::Stopwatch::start();
        let out = cache.config.output_path();
        crate::render::exports::write_files(&store, &out)
            .map_err(|e| Diagnostic::error("metrics.json", format!("cannot write the figure exports: {e}")))?;
        for file in ["metrics.json", "metrics.csv"] {
            cache.outputs.insert(file.to_string(), key);
        }
        clock.lap("exports");
        Ok(())
    }

    /// Builds everything but the figure exports, reusing what the last run made; a
    /// caller that can show the pages before the exports are written (the dev server)
    /// calls [`Build::finish`] after it. On error nothing is written.
    pub fn run_pages(&mut self) -> Result<Report, Vec<Diagnostic>> {
        let started = Instant::now();
        let clock = crate::Stopwatch::start();
        let config_stamp = stamp(&self.root.join(crate::config::CONFIG_FILE));
        let stale_config = self.cache.as_ref().is_none_or(|c| c.config_stamp != config_stamp);
        let mut warnings = Vec::new();
        if stale_config {
            let (config, w) = crate::configure(&self.root, &self.options)?;
            let target = config.output_path();
            crate::output::check_target(&config.root, &target)
                .map_err(|e| vec![Diagnostic::error(crate::config::CONFIG_FILE, e)])?;
            let templates = Templates::load(&config).map_err(|d| vec![d])?;
            // A fresh start writes everything, so clear what an earlier run left.
            let _ = std::fs::remove_dir_all(&target);
            crate::output::mark(&target).map_err(|e| {
                vec![Diagnostic::error(
                    target.display().to_string(),
                    format!("cannot write the output folder: {e}"),
                )]
            })?;
            let theme_key = theme_key(&config);
            warnings = w;
            self.cache = Some(Cache {
                config,
                config_stamp,
                theme_key,
                templates,
                entries: HashMap::new(),
                assets: HashMap::new(),
                outputs: HashMap::new(),
                pending_exports: None,
            });
        }
        let Some(cache) = self.cache.as_mut() else {
            return Err(Vec::new());
        };
        let key = theme_key(&cache.config);
        if key != cache.theme_key {
            cache.templates = Templates::load(&cache.config).map_err(|d| vec![d])?;
            cache.theme_key = key;
        }
        clock.lap("config");
        let (site, mut diags) = assemble(cache, self.options.drafts)?;
        clock.lap("assemble");
        warnings.append(&mut diags);
        warnings.extend(crate::layout_warnings(&site, &cache.templates));
        let written = write(cache, &site, &self.options, &clock)?;
        Ok(Report {
            written,
            pages: render::jobs(&site).len(),
            topics: site.topics.len(),
            figures: site.store.len(),
            warnings,
            elapsed: started.elapsed(),
        })
    }
}

/// A key that changes whenever any template or static file of the theme or site changes.
fn theme_key(config: &Config) -> u64 {
    let mut h = DefaultHasher::new();
    let theme = config.root.join("themes").join(&config.theme);
    for dir in [
        theme.join("templates"),
        theme.join("static"),
        config.root.join("templates"),
        config.root.join("static"),
    ] {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name().into_iter().flatten() {
            if entry.file_type().is_file() {
                entry.path().hash(&mut h);
                stamp(entry.path()).hash(&mut h);
            }
        }
    }
    h.finish()
}

/// Load → enrich → index, reusing unchanged pages.
fn assemble(cache: &mut Cache, drafts: bool) -> Result<(Site, Vec<Diagnostic>), Vec<Diagnostic>> {
    let clock = crate::Stopwatch::start();
    let config = &cache.config;
    let (scan, mut diags) = content::scan(config);
    let wanted: HashSet<&PathBuf> = scan.markdown.iter().collect();
    cache.entries.retain(|rel, _| wanted.contains(rel));
    let changed: Vec<(PathBuf, Stamp)> = scan
        .markdown
        .iter()
        .filter_map(|rel| {
            let now = stamp(&config.root.join(content::CONTENT_DIR).join(rel))?;
            let same = cache.entries.get(rel).is_some_and(|e| e.stamp == now && !e.racy);
            (!same).then(|| (rel.clone(), now))
        })
        .collect();
    clock.lap("  scan");
    let read: Vec<_> = changed
        .par_iter()
        .map(|(rel, _)| content::page::read(config, rel))
        .collect();
    let now_ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    for ((rel, stamp), read) in changed.into_iter().zip(read) {
        let racy = now_ns - stamp.modified_ns < 1_000_000_000;
        cache.entries.insert(
            rel,
            Entry {
                stamp,
                racy,
                read,
                enriched: None,
            },
        );
    }
    // Pages in path order, drafts filtered, ids assigned as a clean build would.
    let mut pages: Vec<(&PathBuf, Page)> = Vec::new();
    for rel in &scan.markdown {
        let Some(entry) = cache.entries.get(rel) else { continue };
        match &entry.read {
            Ok((page, w)) => {
                diags.extend(w.iter().cloned());
                if drafts || page.meta.is_published() {
                    pages.push((rel, page.clone()));
                }
            }
            Err(errors) => diags.extend(errors.iter().cloned()),
        }
    }
    for (i, (_, page)) in pages.iter_mut().enumerate() {
        page.id = PageId(i);
    }
    diags.extend(content::duplicate_permalinks(pages.iter().map(|(_, p)| p)));
    if diags.iter().any(|d| d.is_error(false)) {
        return Err(diags);
    }
    clock.lap("  read");
    let topics = Topics::new(&pages.iter().map(|(_, p)| p.clone()).collect::<Vec<_>>(), config);
    clock.lap("  topics");
    let vocab = vocabulary_key(&topics);
    let ctx = enrich::Context::new(config, &topics);
    let entries = &cache.entries;
    let enriched: Vec<Arc<Enriched>> = pages
        .into_par_iter()
        .map(|(rel, page)| match entries.get(rel).and_then(|e| e.enriched.as_ref()) {
            Some((key, done)) if *key == vocab => {
                let mut done = Arc::clone(done);
                if done.doc.page.id != page.id {
                    Arc::make_mut(&mut done).doc.page.id = page.id;
                }
                done
            }
            _ => Arc::new(enrich::enrich(markdown::parse(page, &config.markdown), &ctx)),
        })
        .collect();
    clock.lap("  enrich");
    for e in &enriched {
        if let Some(entry) = cache.entries.get_mut(&e.doc.page.rel) {
            entry.enriched = Some((vocab, Arc::clone(e)));
        }
    }
    diags.extend(enriched.iter().flat_map(|p| p.facts.diagnostics.iter().cloned()));
    if diags.iter().any(|d| d.is_error(false)) {
        return Err(diags);
    }
    cache.assets = scan
        .assets
        .iter()
        .filter_map(|a| Some((a.rel.clone(), stamp(&a.source)?)))
        .collect();
    let (site, index_diags) = site::index(config.clone(), enriched, scan.assets, topics);
    diags.extend(index_diags);
    Ok((site, diags))
}

fn vocabulary_key(topics: &Topics) -> u64 {
    let mut h = DefaultHasher::new();
    for t in &topics.list {
        t.title.hash(&mut h);
        t.url.hash(&mut h);
        let mut names: Vec<&String> = t.names.iter().collect();
        names.sort();
        names.hash(&mut h);
        t.page.hash(&mut h);
    }
    h.finish()
}

/// Renders the outputs whose input changed, then writes them; removes outputs that are gone.
fn write(
    cache: &mut Cache,
    site: &Site,
    options: &BuildOptions,
    clock: &crate::Stopwatch,
) -> Result<usize, Vec<Diagnostic>> {
    let templates = &mut cache.templates;
    templates.register_metrics(site);
    let renderer = Renderer::new(site, templates, options.render.clone());
    let inputs = crate::render::inputs::Inputs::new(site, cache.theme_key, options.render.inject.as_deref());
    let jobs = render::jobs(site);
    let keyed: Vec<(&Job, String, u64)> = jobs
        .par_iter()
        .filter_map(|job| {
            let permalink = renderer.render_permalink(job).or_else(|| match job {
                Job::NotFound => Some("/404.html".into()),
                Job::Redirect(from, _) => Some(content::slug::normalise(from)),
                _ => None,
            })?;
            Some((job, content::slug::output_file(&permalink), inputs.job(job)))
        })
        .collect();
    clock.lap("keys");
    let todo: Vec<&(&Job, String, u64)> = keyed
        .iter()
        .filter(|(_, file, key)| cache.outputs.get(file) != Some(key))
        .collect();
    let rendered: Vec<Result<(String, String, u64), Diagnostic>> = todo
        .par_iter()
        .map(|(job, file, key)| renderer.render(job).map(|(_, html)| (file.clone(), html, *key)))
        .collect();
    clock.lap(&format!("render {}", todo.len()));
    let mut files: Vec<(String, Vec<u8>, u64)> = Vec::new();
    let mut errors = Vec::new();
    for r in rendered {
        match r {
            Ok((file, html, key)) => files.push((file, html.into_bytes(), key)),
            Err(d) => errors.push(d),
        }
    }
    let permalinks: Vec<String> = keyed
        .iter()
        .filter_map(|(j, _, _)| renderer.render_permalink(j))
        .collect();
    let extra = crate::extra_files(site, &permalinks)?;
    if !errors.is_empty() {
        return Err(errors);
    }
    files.extend(extra);
    let out = cache.config.output_path();
    let mut live: HashSet<String> = keyed.iter().map(|(_, f, _)| f.clone()).collect();
    live.extend(files.iter().map(|(f, _, _)| f.clone()));
    let mut written = 0;
    for (file, bytes, key) in files {
        live.insert(file.clone());
        if cache.outputs.get(&file) == Some(&key) {
            continue;
        }
        write_file(&out.join(&file), &bytes)
            .map_err(|e| vec![Diagnostic::error(&file, format!("cannot write: {e}"))])?;
        cache.outputs.insert(file, key);
        written += 1;
    }
    for asset in &site.assets {
        let file = asset.rel.to_string_lossy().replace('\\', "/");
        let key = cache.assets.get(&asset.rel).map_or(0, |s| {
            let mut h = DefaultHasher::new();
            s.hash(&mut h);
            h.finish()
        });
        live.insert(file.clone());
        if cache.outputs.get(&file) != Some(&key) {
            let dest = out.join(&file);
            if let Some(parent) = dest.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            std::fs::copy(&asset.source, &dest)
                .map_err(|e| vec![Diagnostic::error(&file, format!("cannot copy: {e}"))])?;
            cache.outputs.insert(file, key);
        }
    }
    clock.lap(&format!("write {written}"));
    // Exports are written by `finish`; until then the old ones stay (and are not "gone").
    cache.pending_exports =
        (cache.outputs.get("metrics.json") != Some(&inputs.records)).then(|| (Arc::clone(&site.store), inputs.records));
    live.extend(["metrics.json".to_string(), "metrics.csv".to_string()]);
    let gone: Vec<String> = cache.outputs.keys().filter(|f| !live.contains(*f)).cloned().collect();
    for file in gone {
        let _ = std::fs::remove_file(out.join(&file));
        cache.outputs.remove(&file);
    }
    Ok(written)
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}
