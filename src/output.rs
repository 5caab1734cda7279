//! The write stage: a build writes into a hidden staging folder beside the output folder
//! and swaps it in only when the whole build succeeded, so a failed build leaves the last
//! good site in place and stale files from earlier builds disappear.

use std::io;
use std::path::{Component, Path, PathBuf};

/// The file that marks a folder as folio's output, so a later build may replace it. Any
/// other non-empty folder is refused: a mistyped `--out` must never swap away an author's
/// own files.
pub const MARKER: &str = ".folio-output";

/// Writes the marker into an output folder (creating the folder).
pub fn mark(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join(MARKER),
        "This folder was written by folio, which replaces it on every build.\n",
    )
}

/// A staging folder that becomes the output folder on `commit`.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
}

impl Staging {
    /// Creates an empty staging folder for `target` (removing one left by a killed build).
    pub fn new(target: &Path) -> io::Result<Staging> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = target.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let dir = parent.join(format!(".{name}.folio-staging"));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        mark(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
        })
    }

    /// The staging folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` at `rel` inside the staging folder; refuses paths that leave it.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.inside(rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)
    }

    /// Copies a file to `rel` inside the staging folder.
    pub fn copy(&self, rel: &Path, source: &Path) -> io::Result<()> {
        let path = self.inside(&rel.to_string_lossy())?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(source, path).map(|_| ())
    }

    fn inside(&self, rel: &str) -> io::Result<PathBuf> {
        let rel = Path::new(rel.trim_start_matches('/'));
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("path {} leaves the output folder", rel.display()),
            ));
        }
        Ok(self.dir.join(rel))
    }

    /// Swaps the staging folder in as the output folder.
    pub fn commit(self) -> io::Result<()> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        if self.target.exists() {
            std::fs::rename(&self.target, &old)?;
        }
        std::fs::rename(&self.dir, &self.target)?;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Throws the staged build away.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Refuses output folders that would replace the author's own files.
pub fn check_target(root: &Path, target: &Path) -> Result<(), String> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let target_abs = match target.canonicalize() {
        Ok(t) => t,
        Err(_) => return Ok(()), // does not exist yet: nothing of the author's is there
    };
    let protected = ["content", "templates", "themes", "static"].map(|d| root.join(d));
    if root.starts_with(&target_abs)
        || protected
            .iter()
            .any(|p| target_abs.starts_with(p) || p.starts_with(&target_abs))
    {
        return Err(format!(
            "the output folder {} would replace the site's own files",
            target.display()
        ));
    }
    // A built site from before the marker existed (index.html beside sitemap.xml) is
    // still recognised as output.
    let built_site = target_abs.join("index.html").is_file() && target_abs.join("sitemap.xml").is_file();
    if let Ok(mut entries) = std::fs::read_dir(&target_abs)
        && entries.next().is_some()
        && !target_abs.join(MARKER).exists()
        && !built_site
    {
        return Err(format!(
            "the output folder {} holds files folio did not write, and a build replaces the whole folder; \
             choose an empty or new folder, or move those files out (folio marks its own output with {MARKER})",
            target.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_abandon_keeps() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("stale.html"), "old").unwrap();
        let s = Staging::new(&target).unwrap();
        s.write("a/index.html", b"new").unwrap();
        assert!(s.write("../escape.html", b"x").is_err());
        s.abandon();
        assert!(target.join("stale.html").exists());
        let s = Staging::new(&target).unwrap();
        s.write("a/index.html", b"new").unwrap();
        s.commit().unwrap();
        assert!(!target.join("stale.html").exists());
        assert_eq!(std::fs::read_to_string(target.join("a/index.html")).unwrap(), "new");
    }

    #[test]
    fn refuses_the_site_root() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("content")).unwrap();
        assert!(check_target(tmp.path(), tmp.path()).is_err());
        assert!(check_target(tmp.path(), &tmp.path().join("content")).is_err());
        assert!(check_target(tmp.path(), &tmp.path().join("public")).is_ok());
    }

    #[test]
    fn refuses_a_folder_of_other_files_but_not_its_own_output() {
        let tmp = tempfile::tempdir().unwrap();
        let theirs = tmp.path().join("thesis");
        std::fs::create_dir_all(&theirs).unwrap();
        assert!(check_target(tmp.path(), &theirs).is_ok(), "an empty folder is fine");
        std::fs::write(theirs.join("chapter-1.md"), "work").unwrap();
        assert!(check_target(tmp.path(), &theirs).is_err());
        let ours = tmp.path().join("public");
        let s = Staging::new(&ours).unwrap();
        s.write("index.html", b"home").unwrap();
        s.commit().unwrap();
        assert!(check_target(tmp.path(), &ours).is_ok());
    }
}
