//! The subcommands' arguments and what each one does with the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;

use folio::diag::Diagnostic;
use folio::{BuildOptions, content::slug::slugify};

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
        match folio::build(root, &options) {
            Ok(report) => {
                print(&report.warnings, false);
                println!(
                    "built {} pages ({} topics) in {:.2}s",
                    report.pages,
                    report.topics,
                    report.elapsed.as_secs_f64()
                );
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
        let scratch = tempfile_dir().map_err(|e| {
            eprintln!("error: cannot create a scratch folder: {e}");
            FAILED
        })?;
        let options = BuildOptions {
            drafts: self.drafts,
            out: Some(scratch.join("out")),
            ..BuildOptions::default()
        };
        let result = folio::build(root, &options);
        let _ = std::fs::remove_dir_all(&scratch);
        let diags = match result {
            Ok(report) => report.warnings,
            Err(diags) => diags,
        };
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

fn tempfile_dir() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("folio-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
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
            ("site.toml", "title = \"My research notes\"\nbase_url = \"http://127.0.0.1:1111/\"\ndescription = \"Notes, figures and topics.\"\n\n[metrics]\ndefault_subject = \"Amazon\"\n".to_string()),
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
