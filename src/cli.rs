//! The subcommands' arguments and what each one does with the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;

use folio::diag::Diagnostic;
use folio::{BuildOptions, content::slug::slugify, serve};

/// Exit code for build errors.
const FAILED: u8 = 1;

/// Prints diagnostics to stderr, errors last so they stay on screen.
pub fn print(diags: &[Diagnostic], strict: bool) {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort_by(|a, b| {
        a.is_error(strict)
            .cmp(&b.is_error(strict))
            .then_with(|| a.path.cmp(&b.path))
            .then_with(|| a.line.cmp(&b.line))
    });
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in sorted {
        let text = d.to_string();
        let text = if strict && d.is_error(true) {
            text.replacen(": warning: ", ": error: ", 1)
        } else {
            text
        };
        if color {
            let code = if d.is_error(strict) { "31" } else { "33" };
            eprintln!("\x1b[{code}m{text}\x1b[0m");
        } else {
            eprintln!("{text}");
        }
    }
}

/// `folio build`.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Include drafts and `published: false` pages.
    #[arg(long)]
    drafts: bool,
    /// Output folder (default: site.toml's output_dir, else public).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Base URL (default: site.toml's base_url).
    #[arg(long)]
    base_url: Option<String>,
    /// Keep running: rebuild on every change to content/, templates, static files or
    /// site.toml.
    #[arg(long)]
    pub watch: bool,
}

impl BuildArgs {
    /// Builds once.
    pub fn run(self, root: &Path) -> Result<(), u8> {
        let options = BuildOptions {
            drafts: self.drafts,
            out: self.out.map(|o| {
                if o.is_absolute() {
                    o
                } else {
                    std::env::current_dir().unwrap_or_default().join(o)
                }
            }),
            base_url: self.base_url,
            ..BuildOptions::default()
        };
        if self.watch {
            return watch(root, options);
        }
        let spinner = Spinner::after_a_second("building");
        let built = folio::build(root, &options);
        spinner.finish();
        match built {
            Ok(report) => {
                print(&report.warnings, false);
                println!("{}", report.summary());
                Ok(())
            }
            Err(diags) => {
                print(&diags, false);
                let errors = diags.iter().filter(|d| d.is_error(false)).count();
                eprintln!("build failed with {errors} error(s); the previous output was left in place");
                Err(FAILED)
            }
        }
    }
}

/// A spinner on stderr for builds that take over a second, and only on a terminal (DESIGN:
/// output stays quiet otherwise). The build reports no progress steps, so it spins with
/// the elapsed time rather than pretending to a percentage.
struct Spinner {
    done: std::sync::mpsc::Sender<()>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Spinner {
    fn after_a_second(what: &'static str) -> Spinner {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let on_terminal = std::io::stderr().is_terminal();
        let thread = on_terminal.then(|| {
            std::thread::spawn(move || {
                if wait.recv_timeout(std::time::Duration::from_secs(1)).is_ok() {
                    return;
                }
                let bar = indicatif::ProgressBar::new_spinner();
                bar.set_style(
                    indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
                );
                bar.set_message(what);
                bar.enable_steady_tick(std::time::Duration::from_millis(100));
                let _ = wait.recv();
                bar.finish_and_clear();
            })
        });
        Spinner { done, thread }
    }

    fn finish(mut self) {
        let _ = self.done.send(());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

// ---- live preview: `folio serve` and `folio build --watch` (library: src/serve) -------

/// `folio serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Address to listen on; anything but loopback shows the preview to the network.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the site in the browser once it is served.
    #[arg(long)]
    open: bool,
    /// Include drafts and `published: false` pages.
    #[arg(long)]
    drafts: bool,
}

impl ServeArgs {
    /// Builds, serves with live reload, rebuilds on every change until Ctrl-C.
    pub fn run(self, root: &Path) -> Result<(), u8> {
        if !self.bind.is_loopback() {
            eprintln!(
                "warning: listening on {} makes the preview reachable from other machines; \
                 use --bind 127.0.0.1 to keep it on this one",
                self.bind
            );
        }
        let options = serve::ServeOptions {
            bind: self.bind,
            port: self.port,
            drafts: self.drafts,
            ..serve::ServeOptions::default()
        };
        let reporter = rebuild_reporter("still serving the last good site");
        let server = serve::start(root, options, reporter).map_err(|e| {
            eprintln!("error: {e}");
            FAILED
        })?;
        println!("serving at {} (Ctrl-C to stop)", server.url());
        if self.open {
            serve::open_in_browser(&server.url());
        }
        server.wait_for_ctrl_c();
        server.shutdown();
        Ok(())
    }
}

/// `folio build --watch`: runs until the process is stopped.
fn watch(root: &Path, options: BuildOptions) -> Result<(), u8> {
    println!("watching for changes (Ctrl-C to stop)");
    let reporter = rebuild_reporter("the previous output was left in place");
    serve::watch(root, options, serve::DEBOUNCE, reporter).map_err(|e| {
        eprintln!("error: {e}");
        FAILED
    })
}

/// Prints the first build like `folio build` does, then one line per rebuild (or its
/// errors).
fn rebuild_reporter(on_failure: &'static str) -> serve::OnOutcome {
    Box::new(move |outcome: &serve::Outcome| {
        let first = outcome.changes.is_empty();
        let when = chrono::Local::now().format("%H:%M:%S");
        match &outcome.result {
            Ok(report) if first => {
                print(&report.warnings, false);
                println!("{}", report.summary());
            }
            Ok(report) => println!(
                "[{when}] rebuilt in {} ms, {} written, after a change to {}",
                report.elapsed.as_millis(),
                folio::counted(report.written, "file"),
                outcome.changes.summary()
            ),
            Err(diags) => {
                print(diags, false);
                let errors = diags.iter().filter(|d| d.is_error(false)).count();
                eprintln!("[{when}] build failed with {errors} error(s); {on_failure}");
            }
        }
    })
}

// ---- end of live preview --------------------------------------------------------------

/// `folio check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Check drafts too.
    #[arg(long)]
    drafts: bool,
}

impl CheckArgs {
    /// Runs every stage, renders into a scratch folder, reports, keeps nothing.
    pub fn run(self, root: &Path) -> Result<(), u8> {
        let options = BuildOptions {
            drafts: self.drafts,
            ..BuildOptions::default()
        };
        let diags = folio::check(root, &options);
        print(&diags, true);
        let errors = diags.iter().filter(|d| d.is_error(true)).count();
        let warnings = diags.len() - errors;
        if errors > 0 {
            eprintln!("check found {errors} error(s) and {warnings} warning(s)");
            Err(FAILED)
        } else {
            println!("check passed ({warnings} warning(s))");
            Ok(())
        }
    }
}

/// `folio init`.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// Folder for the new site (created if missing).
    dir: Option<PathBuf>,
}

impl InitArgs {
    /// Writes a small working site; refuses to touch an existing one.
    pub fn run(self, root: &Path) -> Result<(), u8> {
        let dir = root.join(self.dir.unwrap_or_else(|| PathBuf::from(".")));
        if dir.join("site.toml").exists() {
            eprintln!("error: {} already has a site.toml; nothing was changed", dir.display());
            return Err(FAILED);
        }
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        let files = [
            ("site.toml", "title = \"My research notes\"\nbase_url = \"http://127.0.0.1:1111/\"\ndescription = \"Notes, figures and topics.\"\n\n[metrics]\n# Whose figures the notes give where they name no topic (the company they follow);\n# without it, such figures have no subject.\n# default_subject = \"Example Corp\"\n".to_string()),
            ("content/notes/_index.md", "---\ntitle: Notes\n---\n".to_string()),
            ("content/topics/_index.md", "---\ntitle: Topics\n---\n".to_string()),
            ("content/topics/example-topic.md", "---\ntitle: Example topic\naliases: [\"the example\"]\n---\n\nA topic page: every note that mentions *example topic* links here.\n".to_string()),
            (
                "content/notes/first-note.md",
                format!("---\nlayout: post\ntitle: First note\ndate: {today}\ncategories: notes\n---\n\nThis is your first note about the example topic. Revenue grew 12% year-over-year to $1.2 billion.\n"),
            ),
        ];
        for (rel, text) in files {
            let path = dir.join(rel);
            if path.exists() {
                continue;
            }
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|_| std::fs::write(&path, text));
            if let Err(e) = written {
                eprintln!("error: cannot write {}: {e}", path.display());
                return Err(FAILED);
            }
        }
        println!(
            "created a new site in {}; next: cd {} && folio build",
            dir.display(),
            dir.display()
        );
        Ok(())
    }
}

/// `folio new`.
#[derive(Args, Debug)]
pub struct NewArgs {
    /// The note's title.
    title: String,
    /// Section (folder in content/) for the note.
    #[arg(long, default_value = "notes")]
    section: String,
    /// Create a topic page in content/topics/ instead.
    #[arg(long)]
    topic: bool,
}

impl NewArgs {
    /// Writes the note; never overwrites.
    pub fn run(self, root: &Path) -> Result<(), u8> {
        let slug = slugify(&self.title);
        if slug.is_empty() {
            eprintln!(
                "error: the title {:?} has no letters or digits to make a file name from",
                self.title
            );
            return Err(2);
        }
        let now = chrono::Local::now();
        let title = self.title.replace('"', "\\\"");
        let (rel, text) = if self.topic {
            (
                format!("content/topics/{slug}.md"),
                format!("---\ntitle: \"{title}\"\naliases: []\nrelated: []\n---\n\n"),
            )
        } else {
            (
                format!("content/{}/{}-{slug}.md", self.section, now.format("%Y-%m-%d")),
                format!(
                    "---\nlayout: post\ntitle: \"{title}\"\ndate: {}\ncategories: []\ntags: []\ndescription: \"\"\n---\n\n",
                    now.format("%Y-%m-%d %H:%M:%S %z")
                ),
            )
        };
        let path = root.join(&rel);
        if path.exists() {
            eprintln!("error: {rel} already exists; nothing was changed (choose another title)");
            return Err(FAILED);
        }
        let created = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|_| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .and_then(|mut f| {
                    use std::io::Write;
                    f.write_all(text.as_bytes())
                })
        });
        match created {
            Ok(()) => {
                println!("created {rel}");
                Ok(())
            }
            Err(e) => {
                eprintln!("error: cannot create {rel}: {e}");
                Err(FAILED)
            }
        }
    }
}

/// `folio metrics`.
#[derive(Args, Debug)]
pub struct MetricsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: MetricsFormat,
    /// Only figures about this subject (case-insensitive).
    #[arg(long)]
    subject: Option<String>,
    /// Only this metric (case-insensitive).
    #[arg(long)]
    metric: Option<String>,
    /// Only figures of pages whose URL or source path contains this.
    #[arg(long)]
    page: Option<String>,
    /// Include drafts.
    #[arg(long)]
    drafts: bool,
}

/// How `folio metrics` prints.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum MetricsFormat {
    /// Aligned columns for reading.
    Table,
    /// The metrics.json schema.
    Json,
    /// The metrics.csv columns.
    Csv,
}

impl MetricsArgs {
    /// Prints what was extracted, filtered.
    pub fn run(self, root: &Path) -> Result<(), u8> {
        let options = BuildOptions {
            drafts: self.drafts,
            ..BuildOptions::default()
        };
        let prepared = match folio::prepare(root, &options) {
            Ok(p) => p,
            Err(diags) => {
                print(&diags, false);
                return Err(FAILED);
            }
        };
        let site = &prepared.site;
        let store = folio::site::store::Store::filtered(&site.store, |r| {
            let eq = |want: &Option<String>, have: Option<&str>| {
                want.as_ref()
                    .is_none_or(|w| have.is_some_and(|h| h.eq_ignore_ascii_case(w)))
            };
            eq(&self.subject, r.subject)
                && eq(&self.metric, r.metric)
                && self
                    .page
                    .as_ref()
                    .is_none_or(|p| r.page.contains(p.as_str()) || r.source.contains(p.as_str()))
        });
        use folio::render::exports;
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = match self.format {
            MetricsFormat::Table => print_table(&store, &mut out),
            MetricsFormat::Json => exports::write_json(&store, &mut out).and_then(|()| writeln!(out)),
            MetricsFormat::Csv => exports::write_csv(&store, &mut out),
        };
        // A closed pipe (`folio metrics | head`) is not an error worth a message.
        let _ = written.and_then(|()| out.flush());
        Ok(())
    }
}

fn print_table(store: &folio::site::store::Store, out: &mut impl std::io::Write) -> std::io::Result<()> {
    use folio::render::format;
    let mut rows = vec![["subject", "metric", "period", "value", "change", "source"].map(String::from)];
    for r in store.iter() {
        rows.push([
            r.subject.unwrap_or("—").to_string(),
            r.metric.unwrap_or("—").to_string(),
            match (r.period, r.forecast) {
                (Some(p), true) => format!("{p} (forecast)"),
                (None, true) => "(forecast)".to_string(),
                (p, false) => p.unwrap_or("—").to_string(),
            },
            r.value.as_ref().map(format::value).unwrap_or_default(),
            r.change.as_ref().map(format::change).unwrap_or_default(),
            format!("{}:{}", r.source, r.line),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let cells: Vec<String> = row.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    writeln!(out, "{} figure(s), {} conflict(s)", store.len(), store.conflicts.len())
}
