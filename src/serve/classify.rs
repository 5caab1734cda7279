//! Sorting file-system events: which source file changed, and what it means for a build.
//!
//! [`classify`] is pure (it looks at the path only, never at the disk), so the rules are
//! a table test; [`ChangeSet`] gathers one debounced batch of classified paths, which is
//! what the rebuild step and the browser notification look at.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// What a changed path means for the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A note, topic, section index or asset in `content/`.
    Content,
    /// A template of the site or of a theme.
    Template,
    /// A file copied as is: `static/` or a theme's `static/`.
    Static,
    /// `site.toml`.
    Config,
    /// Not a source of the site: output folders, editor temp and backup files, the rest.
    Ignore,
}

/// Classifies a path relative to the site root.
///
/// Watched: `content/`, `templates/`, `static/`, `themes/` and `site.toml`. Everything
/// else (the output folder, `.git`, `target/`) and every editor temporary or backup
/// file (`.#x`, `#x#`, `x~`, `.x.swp`, vim's `4913`, JetBrains' `x___jb_tmp___`) is
/// [`ChangeKind::Ignore`]: an editor's atomic save still counts, because the rename
/// that ends it names the real file.
pub fn classify(rel: &Path) -> ChangeKind {
    let parts: Vec<String> = match rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Option<Vec<String>>>()
    {
        Some(parts) if !parts.is_empty() => parts,
        _ => return ChangeKind::Ignore,
    };
    let name = parts[parts.len() - 1].as_str();
    if is_editor_file(name) || parts.iter().any(|p| p == ".git") {
        return ChangeKind::Ignore;
    }
    match (parts[0].as_str(), parts.len()) {
        ("site.toml", 1) => ChangeKind::Config,
        // The loader skips hidden files and folders in content/, so do we.
        ("content", _) if parts[1..].iter().any(|p| p.starts_with('.')) => ChangeKind::Ignore,
        ("content", _) => ChangeKind::Content,
        ("templates", _) => ChangeKind::Template,
        ("static", _) => ChangeKind::Static,
        // themes/<name>/static/… is copied; anything else of a theme may change templates.
        ("themes", n) if n >= 3 && parts[2] == "static" => ChangeKind::Static,
        ("themes", _) => ChangeKind::Template,
        _ => ChangeKind::Ignore,
    }
}

/// Files editors write beside the real one while saving, locking or backing up.
fn is_editor_file(name: &str) -> bool {
    const SUFFIXES: [&str; 9] = [
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".swpx",
        ".kate-swp",
        "___jb_tmp___",
        "___jb_old___",
        ".tmp",
    ];
    name == "4913"
        || name == ".DS_Store"
        || name.starts_with(".#")
        || name.starts_with(".goutputstream-")
        || (name.starts_with('#') && name.ends_with('#'))
        || SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// One debounced batch of changes that matter, by path relative to the site root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    paths: BTreeMap<PathBuf, ChangeKind>,
}

impl ChangeSet {
    /// Classifies `paths` (absolute, as notify reports them) against the site `root`;
    /// paths outside the root or under an `ignored` folder (output folders) are dropped.
    pub fn from_paths<'a>(root: &Path, ignored: &[PathBuf], paths: impl IntoIterator<Item = &'a Path>) -> ChangeSet {
        let mut set = ChangeSet::default();
        for path in paths {
            if ignored.iter().any(|i| path.starts_with(i)) {
                continue;
            }
            if let Ok(rel) = path.strip_prefix(root) {
                set.insert(rel.to_path_buf());
            }
        }
        set
    }

    /// Adds one path relative to the root, unless it is ignored.
    pub fn insert(&mut self, rel: PathBuf) {
        let kind = classify(&rel);
        if kind != ChangeKind::Ignore {
            self.paths.insert(rel, kind);
        }
    }

    /// Adds every change of `other`.
    pub fn merge(&mut self, other: ChangeSet) {
        self.paths.extend(other.paths);
    }

    /// True when nothing that matters changed.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The changed paths, relative to the root, with their kinds.
    pub fn iter(&self) -> impl Iterator<Item = (&Path, ChangeKind)> {
        self.paths.iter().map(|(p, k)| (p.as_path(), *k))
    }

    /// True when only stylesheets that are copied as is changed, so an open page can
    /// swap its `<link rel=stylesheet>`s instead of reloading.
    pub fn styles_only(&self) -> bool {
        !self.is_empty()
            && self
                .paths
                .iter()
                .all(|(p, k)| *k == ChangeKind::Static && p.extension().is_some_and(|e| e == "css"))
    }

    /// A short description for the terminal: the first path and how many more.
    pub fn summary(&self) -> String {
        let mut paths = self.paths.keys();
        match (paths.next(), self.paths.len()) {
            (None, _) => "nothing".into(),
            (Some(p), 1) => p.display().to_string(),
            (Some(p), n) => format!("{} and {} more", p.display(), n - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChangeKind::*;

    #[test]
    fn classify_table() {
        let table: &[(&str, ChangeKind)] = &[
            ("site.toml", Config),
            ("content/notes/2024-01-01-q4.md", Content),
            ("content/notes/_index.md", Content),
            ("content/notes/chart.png", Content),
            ("content/notes", Content),
            ("content/new-section/deeper", Content),
            ("templates/page.html", Template),
            ("templates/partials/nav.html", Template),
            ("themes/default/templates/base.html", Template),
            ("themes/default/theme.toml", Template),
            ("themes/default/static/style.css", Static),
            ("themes/default/static", Static),
            ("static/style.css", Static),
            ("static/img/logo.svg", Static),
            ("static/.well-known/security.txt", Static),
            // editors' temporary, lock and backup files
            ("content/notes/.#q4.md", Ignore),
            ("content/notes/#q4.md#", Ignore),
            ("content/notes/q4.md~", Ignore),
            ("content/notes/.q4.md.swp", Ignore),
            ("content/notes/.q4.md.swx", Ignore),
            ("content/notes/4913", Ignore),
            ("content/notes/q4.md___jb_tmp___", Ignore),
            ("content/notes/.goutputstream-ABC123", Ignore),
            ("content/notes/q4.md.tmp", Ignore),
            ("site.toml~", Ignore),
            ("static/.DS_Store", Ignore),
            ("themes/default/.git/HEAD", Ignore),
            // hidden in content/: the loader skips it
            ("content/.drafts/idea.md", Ignore),
            ("content/notes/.hidden.md", Ignore),
            // not a source of the site
            ("public/index.html", Ignore),
            (".folio-serve/index.html", Ignore),
            ("target/debug/folio", Ignore),
            ("README.md", Ignore),
            ("notes/site.toml", Ignore),
            ("", Ignore),
            ("../content/x.md", Ignore),
        ];
        for (path, expected) in table {
            assert_eq!(classify(Path::new(path)), *expected, "{path}");
        }
    }

    #[test]
    fn change_sets_drop_ignored_and_outside_paths() {
        let root = Path::new("/site");
        let ignored = [PathBuf::from("/site/content/out")];
        let paths = [
            "/site/content/a.md",
            "/site/content/.#a.md",
            "/site/content/out/index.html",
            "/elsewhere/content/b.md",
        ];
        let set = ChangeSet::from_paths(root, &ignored, paths.iter().map(Path::new));
        let got: Vec<_> = set.iter().collect();
        assert_eq!(got, vec![(Path::new("content/a.md"), Content)]);
        assert_eq!(set.summary(), "content/a.md");
    }

    #[test]
    fn styles_only_means_static_css_only() {
        let mut set = ChangeSet::default();
        set.insert("static/style.css".into());
        set.insert("themes/default/static/extra.css".into());
        assert!(set.styles_only());
        set.insert("static/app.js".into());
        assert!(!set.styles_only());
        let mut set = ChangeSet::default();
        set.insert("templates/style.css".into());
        assert!(!set.styles_only());
        assert!(!ChangeSet::default().styles_only());
    }
}
