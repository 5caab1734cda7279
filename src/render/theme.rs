//! Theme lookup: a site's `templates/` overrides its theme file by file; the theme is
//! `themes/<name>/` in the site, and the default theme is also built into the binary so a
//! new site (`folio init`) works without copying it.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diag::Diagnostic;

/// The default theme's templates, embedded.
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../themes/default/templates/base.html")),
    (
        "macros.html",
        include_str!("../../themes/default/templates/macros.html"),
    ),
    ("index.html", include_str!("../../themes/default/templates/index.html")),
    ("page.html", include_str!("../../themes/default/templates/page.html")),
    ("post.html", include_str!("../../themes/default/templates/post.html")),
    ("topic.html", include_str!("../../themes/default/templates/topic.html")),
    (
        "section.html",
        include_str!("../../themes/default/templates/section.html"),
    ),
    (
        "topics.html",
        include_str!("../../themes/default/templates/topics.html"),
    ),
    (
        "taxonomy.html",
        include_str!("../../themes/default/templates/taxonomy.html"),
    ),
    ("term.html", include_str!("../../themes/default/templates/term.html")),
    ("404.html", include_str!("../../themes/default/templates/404.html")),
    (
        "metrics.html",
        include_str!("../../themes/default/templates/metrics.html"),
    ),
    (
        "figures-table.html",
        include_str!("../../themes/default/templates/figures-table.html"),
    ),
];

/// The default theme's static files, embedded.
const DEFAULT_STATIC: &[(&str, &str)] = &[
    ("style.css", include_str!("../../themes/default/static/style.css")),
    ("folio.js", include_str!("../../themes/default/static/folio.js")),
];

/// One template's text and where it came from.
pub struct Source {
    /// Tera name, e.g. `page.html`.
    pub name: String,
    /// Template text.
    pub text: String,
    /// File it was read from (for error messages).
    pub path: PathBuf,
}

/// A static file to copy to the output root.
pub struct StaticFile {
    /// Path relative to the output root.
    pub rel: PathBuf,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

fn theme_dir(config: &Config) -> PathBuf {
    config.root.join("themes").join(&config.theme)
}

/// Every template: embedded default, then the theme folder, then the site's templates/.
pub fn templates(config: &Config) -> Result<Vec<Source>, Diagnostic> {
    let mut out: Vec<Source> = Vec::new();
    let dir = theme_dir(config);
    if config.theme == "default" {
        for (name, text) in DEFAULT_TEMPLATES {
            let path = PathBuf::from("themes/default/templates").join(name);
            out.push(Source {
                name: name.to_string(),
                text: text.to_string(),
                path,
            });
        }
    } else if !dir.is_dir() {
        return Err(Diagnostic::error(
            "site.toml",
            format!("theme `{}` not found: no folder {}", config.theme, dir.display()),
        )
        .help("set theme = \"default\" or add the theme under themes/"));
    }
    for folder in [dir.join("templates"), config.root.join("templates")] {
        for (rel, bytes) in read_tree(&folder).map_err(|e| Diagnostic::error(&folder, e))? {
            let name = rel.to_string_lossy().replace('\\', "/");
            let path = folder.strip_prefix(&config.root).unwrap_or(&folder).join(&rel);
            let text = String::from_utf8(bytes).map_err(|_| Diagnostic::error(&path, "template is not UTF-8"))?;
            out.retain(|s| s.name != name);
            out.push(Source { name, text, path });
        }
    }
    Ok(out)
}

/// Static files: embedded default, then the theme's static/, then the site's static/.
pub fn static_files(config: &Config) -> Result<Vec<StaticFile>, Diagnostic> {
    let mut out: Vec<StaticFile> = Vec::new();
    if config.theme == "default" {
        for (name, text) in DEFAULT_STATIC {
            out.push(StaticFile {
                rel: PathBuf::from(name),
                bytes: text.as_bytes().to_vec(),
            });
        }
    }
    for folder in [theme_dir(config).join("static"), config.root.join("static")] {
        for (rel, bytes) in read_tree(&folder).map_err(|e| Diagnostic::error(&folder, e))? {
            out.retain(|s| s.rel != rel);
            out.push(StaticFile { rel, bytes });
        }
    }
    Ok(out)
}

/// Static files of the site or its theme that are not copied because folio writes a
/// file of that name itself (the figure exports): a warning each, so that the author
/// knows their file is left out instead of finding another in its place.
pub fn shadowed_static_files(config: &Config) -> Vec<Diagnostic> {
    let theme = Path::new("themes").join(&config.theme).join("static");
    let mut out = Vec::new();
    for dir in [theme.as_path(), Path::new("static")] {
        for name in crate::render::exports::FILES {
            let rel = dir.join(name);
            if config.root.join(&rel).is_file() {
                out.push(
                    Diagnostic::warning(
                        &rel,
                        format!("not copied: folio writes /{name}, the figures of the site, there"),
                    )
                    .help("rename the file, or move it into a folder under static/"),
                );
            }
        }
    }
    out
}

/// Every file under `dir` (none if it does not exist), relative to it.
fn read_tree(dir: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("cannot read: {e}"))?;
        if entry.file_type().is_file() && !entry.file_name().to_string_lossy().starts_with('.') {
            let bytes =
                std::fs::read(entry.path()).map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path()).to_path_buf();
            out.push((rel, bytes));
        }
    }
    Ok(out)
}
