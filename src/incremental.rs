//! Incremental rebuilds for `folio serve` and `folio build --watch`: a `Build` value, owned
//! by the watch loop, keeps what the last build made and redoes only what a change touched.
//!
//! - a page is read, parsed and enriched again only if its file changed (size, mtime or
//!   inode differ), or if the topic vocabulary changed (then every page is re-enriched);
//! - the site index is always rebuilt, since every page can affect it (about 1 s at
//!   10,000 notes: the graph and the metric store are the bulk of it);
//! - each output's render input is hashed and only outputs whose input changed are
//!   rendered and written; outputs that no longer exist are removed;
//! - a change to site.toml starts from scratch; a change to a template or theme file
//!   changes every input hash, so what depends on it is rendered again.
//!
//! For the dev server, a save is answered in steps: [`Build::preview`] writes the edited
//! notes' pages against the last good site (milliseconds), [`Build::run_pages_unless`]
//! builds everything else (given up between stages when a newer save is waiting), and
//! [`Build::finish_in_background`] writes the figure exports while the loop waits for
//! the next save. Every file is written under a temporary name and renamed into place.
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
    /// The last good site, and the vocabulary it was enriched with: what a preview
    /// renders an edited note against.
    last: Option<(Site, Topics)>,
    /// Output files a preview wrote since the last build, with a hash of their bytes.
    previewed: HashMap<String, u64>,
}

/// What [`Build::preview`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// Output files, relative to the output folder.
    pub files: Vec<String>,
    /// Their URL paths, as a browser tab shows them.
    pub urls: Vec<String>,
}

/// An incremental build of one site into one output folder.
pub struct Build {
    root: PathBuf,
    options: BuildOptions,
    cache: Option<Cache>,
    /// The last run failed: no preview until a build succeeds.
    failed: bool,
    /// Exports being written in the background, and their key.
    exporting: Option<(std::thread::JoinHandle<std::io::Result<()>>, u64)>,
}

impl Build {
    /// A build of the site in `root`; nothing happens until `run`.
    pub fn new(root: &Path, options: BuildOptions) -> Build {
        Build {
            root: root.to_path_buf(),
            options,
            cache: None,
            failed: false,
            exporting: None,
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
        self.finish_in_background()?;
        self.settle()
    }

    /// [`Build::finish`] on a thread of its own: the dev server goes back to watching (and
    /// previewing) while the exports are written. The next run, or [`Build::settle`],
    /// waits for them.
    pub fn finish_in_background(&mut self) -> Result<(), Diagnostic> {
        self.settle()?;
        let Some(cache) = self.cache.as_mut() else {
            return Ok(());
        };
        let Some((store, key)) = cache.pending_exports.take() else {
            return Ok(());
        };
        let out = cache.config.output_path();
        let writer = std::thread::spawn(move || {
            let clock = crate::Stopwatch::start();
            let written = crate::render::exports::write_files(&store, &out);
            clock.lap("exports");
            written
        });
        self.exporting = Some((writer, key));
        Ok(())
    }

    /// Waits for exports being written in the background.
    pub fn settle(&mut self) -> Result<(), Diagnostic> {
        let Some((writer, key)) = self.exporting.take() else {
            return Ok(());
        };
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the writer panicked")));
        written.map_err(|e| Diagnostic::error("metrics.json", format!("cannot write the figure exports: {e}")))?;
        if let Some(cache) = self.cache.as_mut() {
            for file in ["metrics.json", "metrics.csv"] {
                cache.outputs.insert(file.to_string(), key);
            }
        }
        Ok(())
    }

    /// The fast first answer to a save: renders the edited notes among `changed` (paths
    /// relative to the site root) against the last good site and writes their pages, in
    /// the time it takes to parse a note. What they show of the rest of the site (topic
    /// chips, backlinks, related notes) is as of the last build until the next
    /// [`Build::run_pages`], which builds everything that changed as usual.
    ///
    /// `None` (nothing written) unless every path is an existing, published note that
    /// reads without error and keeps its URL: new, deleted and topic pages, front matter
    /// errors and everything outside content/ wait for the full build.
    pub fn preview(&mut self, changed: &[PathBuf]) -> Option<Preview> {
        if self.failed {
            return None;
        }
        let cache = self.cache.as_mut()?;
        let (site, topics) = cache.last.as_mut()?;
        let config = &cache.config;
        if stamp(&self.root.join(crate::config::CONFIG_FILE)) != cache.config_stamp {
            return None;
        }
        let mut notes = Vec::new();
        for path in changed {
            let rel = path.strip_prefix(content::CONTENT_DIR).ok()?;
            if rel.extension().is_none_or(|e| e != "md") {
                return None;
            }
            // Rendered even if the entry is current: a rebuild given up for this save may
            // have read it already, but the site the tabs see is the last good one.
            let entry = cache.entries.get(rel)?;
            let (_, old) = entry.enriched.as_ref()?;
            let id = old.doc.page.id;
            if site.pages.get(id.0).is_none_or(|p| p.doc.page.rel != rel) {
                return None;
            }
            let (mut page, _) = content::page::read(config, rel).ok()?;
            let published = self.options.drafts || page.meta.is_published();
            if page.kind != content::PageKind::Note || page.permalink != old.doc.page.permalink || !published {
                return None;
            }
            page.id = id;
            notes.push(page);
        }
        let clock = crate::Stopwatch::start();
        let ctx = enrich::Context::new(config, topics);
        let out = config.output_path();
        let mut preview = Preview::default();
        for page in notes {
            let id = page.id;
            let enriched = enrich::enrich(markdown::parse(page, &config.markdown), &ctx);
            if enriched.facts.diagnostics.iter().any(|d| d.is_error(false)) {
                break;
            }
            site.patch_page(Arc::new(enriched));
            let renderer = Renderer::new(site, &cache.templates, self.options.render.clone());
            let Ok((permalink, html)) = renderer.render(&Job::Page(id)) else {
                break;
            };
            let file = content::slug::output_file(&permalink);
            // A page already on disk byte for byte is not news: one save can reach the
            // watcher as two batches (an editor that truncates, then writes), or be a
            // touch, and a tab reloaded for nothing flickers.
            let hash = render::inputs::Inputs::bytes(&html);
            let path = out.join(&file);
            if std::fs::read(&path).is_ok_and(|old| old == html) {
                cache.previewed.insert(file, hash);
                continue;
            }
            if write_file(&path, &html).is_err() {
                break;
            }
            cache.previewed.insert(file.clone(), hash);
            preview.urls.push(config.url(&permalink));
            preview.files.push(file);
        }
        clock.lap(&format!("preview {}", preview.files.len()));
        (!preview.files.is_empty()).then_some(preview)
    }

    /// Builds everything but the figure exports, reusing what the last run made; a
    /// caller that can show the pages before the exports are written (the dev server)
    /// calls [`Build::finish`] after it. On error nothing is written.
    pub fn run_pages(&mut self) -> Result<Report, Vec<Diagnostic>> {
        self.run_pages_unless(&|| false)
            .and_then(|done| done.ok_or_else(Vec::new))
    }

    /// [`Build::run_pages`], given up between stages as soon as `stop` says so (a newer
    /// save is waiting): `Ok(None)` then, with nothing written, and what was read so far
    /// kept for the next run. A save that lands during a rebuild waits for one stage,
    /// not for the whole build.
    pub fn run_pages_unless(&mut self, stop: &dyn Fn() -> bool) -> Result<Option<Report>, Vec<Diagnostic>> {
        let result = self.build_pages(stop);
        if !matches!(result, Ok(None)) {
            self.failed = result.is_err();
        }
        result
    }

    fn build_pages(&mut self, stop: &dyn Fn() -> bool) -> Result<Option<Report>, Vec<Diagnostic>> {
        let started = Instant::now();
        let clock = crate::Stopwatch::start();
        // Pages are fine without their exports: a failed export is a warning here.
        let exported = self.settle().err().map(|e| Diagnostic::warning(&e.path, e.message));
        let config_stamp = stamp(&self.root.join(crate::config::CONFIG_FILE));
        let stale_config = self.cache.as_ref().is_none_or(|c| c.config_stamp != config_stamp);
        let mut warnings: Vec<Diagnostic> = exported.into_iter().collect();
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
            warnings.extend(w);
            self.cache = Some(Cache {
                config,
                config_stamp,
                theme_key,
                templates,
                entries: HashMap::new(),
                assets: HashMap::new(),
                outputs: HashMap::new(),
                pending_exports: None,
                last: None,
                previewed: HashMap::new(),
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
        let Some((site, topics, mut diags)) = assemble(cache, self.options.drafts, stop)? else {
            return Ok(None);
        };
        clock.lap("assemble");
        warnings.append(&mut diags);
        warnings.extend(crate::layout_warnings(&site, &cache.templates));
        warnings.extend(crate::render::theme::shadowed_static_files(&site.config));
        let Some(files) = write(cache, &site, &self.options, &clock, stop)? else {
            return Ok(None);
        };
        // What changed since the tabs last loaded: a page a preview wrote and this
        // build wrote again byte for byte is not news.
        let previewed = std::mem::take(&mut cache.previewed);
        let news: Vec<&(String, u64)> = files.iter().filter(|(f, h)| previewed.get(f) != Some(h)).collect();
        let changed = news
            .iter()
            .map(|(file, _)| page_url(&cache.config, file))
            .collect::<Option<Vec<String>>>();
        let report = Report {
            written: files.len(),
            changed,
            pages: render::jobs(&site).len(),
            topics: site.topics.len(),
            figures: site.store.len(),
            warnings,
            elapsed: started.elapsed(),
        };
        // The old site is large (at 10,000 notes, freeing it takes 60 ms): let it go on
        // another thread while this one returns to the browser.
        if let Some(old) = cache.last.replace((site, topics)) {
            std::thread::spawn(move || drop(old));
        }
        Ok(Some(report))
    }
}

/// The URL path a tab shows output `file` at; `None` for a file a page may load (a
/// stylesheet, a script, an image), whose change every tab must see.
fn page_url(config: &Config, file: &str) -> Option<String> {
    let root = config.base_path();
    if file == "index.html" {
        return Some(root.to_string());
    }
    if let Some(dir) = file.strip_suffix("/index.html") {
        return Some(format!("{root}{dir}/"));
    }
    let passive = [".html", ".xml", ".json", ".csv", ".txt"];
    passive
        .iter()
        .any(|ext| file.ends_with(ext))
        .then(|| format!("{root}{file}"))
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

/// The site and its vocabulary, with warnings.
type Assembled = (Site, Topics, Vec<Diagnostic>);

/// Load → enrich → index, reusing unchanged pages.
fn assemble(cache: &mut Cache, drafts: bool, stop: &dyn Fn() -> bool) -> Result<Option<Assembled>, Vec<Diagnostic>> {
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
    // Pages in path order, drafts filtered, ids assigned as a clean build would. Pages
    // are borrowed from the cache: only those enriched again (and topic pages, for the
    // vocabulary) are copied, with their new id.
    let mut pages: Vec<(&Page, PageId)> = Vec::new();
    for rel in &scan.markdown {
        let Some(entry) = cache.entries.get(rel) else { continue };
        match &entry.read {
            Ok((page, w)) => {
                diags.extend(w.iter().cloned());
                if drafts || page.meta.is_published() {
                    pages.push((page, PageId(pages.len())));
                }
            }
            Err(errors) => diags.extend(errors.iter().cloned()),
        }
    }
    let with_id = |page: &Page, id: PageId| Page { id, ..page.clone() };
    diags.extend(content::duplicate_permalinks(pages.iter().map(|(p, _)| *p)));
    if diags.iter().any(|d| d.is_error(false)) {
        return Err(diags);
    }
    clock.lap("  read");
    let topic_pages: Vec<Page> = pages
        .iter()
        .filter(|(p, _)| p.kind == content::PageKind::Topic)
        .map(|(p, id)| with_id(p, *id))
        .collect();
    let topics = Topics::new(&topic_pages, config);
    clock.lap("  topics");
    let vocab = enrich::topics::vocabulary_key(&topics.list);
    let ctx = enrich::Context::new(config, &topics);
    let entries = &cache.entries;
    let enriched: Vec<Arc<Enriched>> = pages
        .into_par_iter()
        .map(
            |(page, id)| match entries.get(&page.rel).and_then(|e| e.enriched.as_ref()) {
                Some((key, done)) if *key == vocab => {
                    let mut done = Arc::clone(done);
                    if done.doc.page.id != id {
                        Arc::make_mut(&mut done).doc.page.id = id;
                    }
                    done
                }
                _ => Arc::new(enrich::enrich(
                    markdown::parse(with_id(page, id), &config.markdown),
                    &ctx,
                )),
            },
        )
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
    if stop() {
        return Ok(None);
    }
    let (site, index_diags) = site::index(config.clone(), enriched, scan.assets, topics.clone());
    diags.extend(index_diags);
    Ok(Some((site, topics, diags)))
}

/// Renders the outputs whose input changed, then writes them; removes outputs that are gone.
fn write(
    cache: &mut Cache,
    site: &Site,
    options: &BuildOptions,
    clock: &crate::Stopwatch,
    stop: &dyn Fn() -> bool,
) -> Result<Option<Vec<(String, u64)>>, Vec<Diagnostic>> {
    if stop() {
        return Ok(None);
    }
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
    if stop() {
        return Ok(None);
    }
    let todo: Vec<&(&Job, String, u64)> = keyed
        .iter()
        .filter(|(_, file, key)| cache.outputs.get(file) != Some(key))
        .collect();
    let rendered: Vec<_> = todo
        .par_iter()
        .map(|(job, file, key)| renderer.render(job).map(|(_, html)| (file.clone(), html, *key)))
        .collect();
    clock.lap(&format!("render {}", todo.len()));
    if stop() {
        return Ok(None);
    }
    let mut files: Vec<(String, Vec<u8>, u64)> = Vec::new();
    let mut errors = Vec::new();
    for r in rendered {
        match r {
            Ok(file) => files.push(file),
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
    let mut written: Vec<(String, u64)> = Vec::new();
    for (file, bytes, key) in files {
        live.insert(file.clone());
        if cache.outputs.get(&file) == Some(&key) {
            continue;
        }
        write_file(&out.join(&file), &bytes)
            .map_err(|e| vec![Diagnostic::error(&file, format!("cannot write: {e}"))])?;
        written.push((file.clone(), render::inputs::Inputs::bytes(&bytes)));
        cache.outputs.insert(file, key);
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
            written.push((file.clone(), key));
            cache.outputs.insert(file, key);
        }
    }
    clock.lap(&format!("write {}", written.len()));
    // Exports are written by `finish`; until then the old ones stay (and are not "gone").
    cache.pending_exports =
        (cache.outputs.get("metrics.json") != Some(&inputs.records)).then(|| (Arc::clone(&site.store), inputs.records));
    live.extend(["metrics.json".to_string(), "metrics.csv".to_string()]);
    let gone: Vec<String> = cache.outputs.keys().filter(|f| !live.contains(*f)).cloned().collect();
    for file in gone {
        let _ = std::fs::remove_file(out.join(&file));
        cache.outputs.remove(&file);
        written.push((file, 0));
    }
    Ok(Some(written))
}

/// Writes under a temporary name, then renames into place: the dev server, serving
/// this folder while it is written, never sends half a page.
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.partial"));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
