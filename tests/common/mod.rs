//! What the integration tests share: a site copied into a fresh temporary folder, the
//! `folio` binary run on it, and ways to look at what it wrote (pages by permalink, a link
//! crawler, a small XML well-formedness check).
//!
//! Every `build` and `check` run through [`Site`] also checks that folio left the author's
//! files alone (DESIGN.md: "Nothing the author wrote is ever modified or deleted").

#![allow(dead_code)] // each test binary uses its own subset

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::LazyLock;

use regex::Regex;

/// The repository root (where the example site's site.toml and content/ live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A site in its own temporary folder.
pub struct Site {
    dir: tempfile::TempDir,
    /// The output folder, relative to the root (site.toml's `output_dir`).
    pub output_dir: String,
}

impl Site {
    /// An empty folder to put a site in (for `folio init`).
    pub fn empty() -> Site {
        Site {
            dir: tempfile::tempdir().expect("temp dir"),
            output_dir: "public".into(),
        }
    }

    /// A copy of `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> Site {
        let site = Site::empty();
        let from = repo().join("tests/fixtures").join(name);
        assert!(from.is_dir(), "no fixture {}", from.display());
        copy_tree(&from, site.root());
        site
    }

    /// A copy of the example site: the repository's site.toml and content/.
    pub fn example() -> Site {
        let site = Site::empty();
        std::fs::copy(repo().join("site.toml"), site.root().join("site.toml")).unwrap();
        copy_tree(&repo().join("content"), &site.root().join("content"));
        site
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The output folder.
    pub fn output(&self) -> PathBuf {
        self.root().join(&self.output_dir)
    }

    /// Writes a file of the site (creating folders).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    /// Reads a file of the site.
    pub fn read(&self, rel: &str) -> String {
        let path = self.root().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// Deletes a file of the site.
    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root().join(rel)).unwrap();
    }

    /// Adds lines at the end of site.toml (before any table, so keep them top-level keys
    /// only when site.toml has no tables).
    pub fn append_config(&self, lines: &str) {
        let mut text = self.read("site.toml");
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(lines);
        self.write("site.toml", text);
    }

    /// Replaces the line of site.toml that sets `key` with `key = value`.
    pub fn set_config(&self, key: &str, value: &str) {
        let text = self.read("site.toml");
        let mut found = false;
        let lines: Vec<String> = text
            .lines()
            .map(|l| {
                if l.split('=').next().is_some_and(|k| k.trim() == key) {
                    found = true;
                    format!("{key} = {value}")
                } else {
                    l.to_string()
                }
            })
            .collect();
        assert!(found, "site.toml has no `{key}` line");
        self.write("site.toml", lines.join("\n") + "\n");
    }

    /// Runs `folio -C <root> <args>` from the site root.
    pub fn folio(&self, args: &[&str]) -> Run {
        folio_in(self.root(), &[&["-C", self.root().to_str().unwrap()], args].concat())
    }

    /// `folio build <args>`; also checks the sources were not touched.
    pub fn build_with(&self, args: &[&str]) -> Run {
        let before = self.sources();
        let run = self.folio(&[&["build"], args].concat());
        assert!(
            self.sources() == before,
            "folio build changed the site's own files\n{run}"
        );
        run
    }

    /// `folio build`; also checks the sources were not touched.
    pub fn build(&self) -> Run {
        self.build_with(&[])
    }

    /// `folio check`; also checks the sources were not touched.
    pub fn check(&self) -> Run {
        let before = self.sources();
        let run = self.folio(&["check"]);
        assert!(
            self.sources() == before,
            "folio check changed the site's own files\n{run}"
        );
        run
    }

    /// True if a page was written at this site-relative permalink.
    pub fn has_page(&self, permalink: &str) -> bool {
        self.output().join(output_file(permalink)).is_file()
    }

    /// The HTML written at a site-relative permalink such as `/notes/x/`.
    pub fn page(&self, permalink: &str) -> String {
        let path = self.output().join(output_file(permalink));
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "no page at {permalink} ({}: {e}); the output has:\n{}",
                path.display(),
                self.output_files().join("\n")
            )
        })
    }

    /// A file of the output, e.g. `atom.xml`.
    pub fn output_file(&self, rel: &str) -> String {
        let path = self.output().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// Every file of the output, relative to it, sorted.
    pub fn output_files(&self) -> Vec<String> {
        files_under(&self.output())
            .into_iter()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect()
    }

    /// A fingerprint of everything in the output folder, to compare after a failed build.
    pub fn output_state(&self) -> BTreeMap<PathBuf, u64> {
        fingerprint(&self.output(), |_| true)
    }

    /// A fingerprint of every file of the site outside its output folder and any staging
    /// folder: what the author wrote.
    pub fn sources(&self) -> BTreeMap<PathBuf, u64> {
        let out = self.output_dir.clone();
        fingerprint(self.root(), move |rel| {
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default();
            first != out && !first.contains(".folio-staging")
        })
    }

    /// Hidden staging folders left beside the output folder.
    pub fn staging_folders(&self) -> Vec<String> {
        std::fs::read_dir(self.root())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("folio-staging"))
            .collect()
    }

    /// Asserts the output is exactly as `before` and no staging folder was left behind.
    pub fn assert_output_untouched(&self, before: &BTreeMap<PathBuf, u64>) {
        let now = self.output_state();
        assert!(!before.is_empty(), "take the fingerprint after a good build");
        assert!(
            &now == before,
            "the failed build changed the previous output: {} files before, {} after",
            before.len(),
            now.len()
        );
        assert_eq!(
            self.staging_folders(),
            Vec::<String>::new(),
            "staging folder left behind"
        );
    }

    /// Every internal link of every HTML page of the output that does not resolve to a
    /// file of the output, as `page -> link`. `base_path` is the path part of base_url.
    pub fn broken_links(&self, base_path: &str) -> Vec<String> {
        broken_links(&self.output(), base_path)
    }
}

/// What one run of folio did.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts exit 0 and returns self.
    pub fn success(self) -> Run {
        assert_eq!(self.code, 0, "expected success\n{self}");
        self
    }

    /// Asserts the exit code and returns self.
    pub fn exit(self, code: i32) -> Run {
        assert_eq!(self.code, code, "expected exit {code}\n{self}");
        self
    }

    /// Asserts stderr contains `text`.
    pub fn stderr_has(&self, text: &str) -> &Run {
        assert!(self.stderr.contains(text), "stderr lacks {text:?}\n{self}");
        self
    }

    /// The stderr line (diagnostic header) that contains all of `parts`.
    pub fn diagnostic(&self, parts: &[&str]) -> &str {
        self.stderr
            .lines()
            .find(|l| parts.iter().all(|p| l.contains(p)))
            .unwrap_or_else(|| panic!("no stderr line with all of {parts:?}\n{self}"))
    }

    /// The `help:` line that follows the diagnostic with all of `parts`.
    pub fn help_for(&self, parts: &[&str]) -> &str {
        let mut lines = self.stderr.lines();
        lines
            .by_ref()
            .find(|l| parts.iter().all(|p| l.contains(p)))
            .unwrap_or_else(|| panic!("no stderr line with all of {parts:?}\n{self}"));
        lines
            .next()
            .filter(|l| l.trim_start().starts_with("help:"))
            .unwrap_or_else(|| panic!("the diagnostic with {parts:?} has no help line\n{self}"))
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "--- exit {}\n--- stdout\n{}--- stderr\n{}---",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs folio with `args` in `dir`, without colours.
pub fn folio_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run folio");
    Run::from(output)
}

/// Polls `check` every 20 ms until it gives a value; fails the test after `limit`. (A
/// guard against hanging, not a speed assertion: limits are many times the usual wait.)
pub fn eventually_for<T>(limit: std::time::Duration, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let started = std::time::Instant::now();
    loop {
        if let Some(v) = check() {
            return v;
        }
        assert!(started.elapsed() < limit, "gave up waiting: {what}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// `/notes/x/` → `notes/x/index.html`; `/404.html` → `404.html`.
pub fn output_file(permalink: &str) -> String {
    let rel = permalink.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir`, relative to it, sorted (none if it does not exist).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                walk(&path, base, out);
            } else {
                out.push(path.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn fingerprint(dir: &Path, keep: impl Fn(&Path) -> bool) -> BTreeMap<PathBuf, u64> {
    files_under(dir)
        .into_iter()
        .filter(|rel| keep(rel))
        .map(|rel| {
            let bytes = std::fs::read(dir.join(&rel)).unwrap_or_default();
            let mut h = DefaultHasher::new();
            bytes.hash(&mut h);
            (rel, h.finish())
        })
        .collect()
}

// ---- links ------------------------------------------------------------------------------

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')|http-equiv="refresh"\s+content="\d+;\s*url=([^"]*)""#,
    )
    .unwrap()
});

/// The `href`, `src` and refresh-redirect targets of an HTML page, entities decoded.
pub fn links_in(html: &str) -> Vec<String> {
    LINK.captures_iter(html)
        .filter_map(|c| c.get(1).or(c.get(2)).or(c.get(3)))
        .map(|m| decode_entities(m.as_str()))
        .collect()
}

/// Decodes the character references templates produce in attributes.
pub fn decode_entities(text: &str) -> String {
    static REF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").unwrap());
    REF.replace_all(text, |c: &regex::Captures| {
        let r = &c[1];
        let ch = if let Some(hex) = r.strip_prefix("#x") {
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        } else if let Some(dec) = r.strip_prefix('#') {
            dec.parse().ok().and_then(char::from_u32)
        } else {
            Some(match r {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                _ => '\'',
            })
        };
        ch.map(String::from).unwrap_or_else(|| c[0].to_string())
    })
    .into_owned()
}

/// True for links that leave the site (a scheme, `//host`) or stay on the page (`#x`).
pub fn is_external(link: &str) -> bool {
    link.contains("://")
        || link.starts_with("//")
        || ["mailto:", "tel:", "data:", "javascript:"]
            .iter()
            .any(|s| link.starts_with(s))
}

/// Resolves an internal link found in the page at output path `page` (e.g.
/// `notes/x/index.html`) to an output-relative file path, or says why it cannot.
pub fn resolve(output: &Path, page: &str, link: &str, base_path: &str) -> Result<String, String> {
    let path = link.split(['#', '?']).next().unwrap_or("");
    let path = path.replace("%20", " ");
    let site_path = if let Some(abs) = path.strip_prefix('/') {
        let base = base_path.trim_matches('/');
        if base.is_empty() {
            abs.to_string()
        } else {
            abs.strip_prefix(base)
                .filter(|rest| rest.is_empty() || rest.starts_with('/'))
                .map(|rest| rest.trim_start_matches('/').to_string())
                .ok_or_else(|| format!("does not start with the base path {base_path}"))?
        }
    } else {
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        format!("{dir}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in site_path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or("climbs above the site root")?;
            }
            s => parts.push(s),
        }
    }
    let mut rel = parts.join("/");
    if site_path.ends_with('/') || rel.is_empty() || output.join(&rel).is_dir() {
        rel = if rel.is_empty() {
            "index.html".into()
        } else {
            format!("{rel}/index.html")
        };
    }
    if output.join(&rel).is_file() {
        Ok(rel)
    } else {
        Err(format!("no file {rel}"))
    }
}

/// Every unresolvable internal link of every HTML file under `output`.
pub fn broken_links(output: &Path, base_path: &str) -> Vec<String> {
    let mut broken = Vec::new();
    for rel in files_under(output) {
        let rel = rel.to_string_lossy().replace('\\', "/");
        if !rel.ends_with(".html") {
            continue;
        }
        let html = std::fs::read_to_string(output.join(&rel)).unwrap();
        for link in links_in(&html) {
            if is_external(&link) || link.starts_with('#') || link.is_empty() {
                continue;
            }
            if let Err(why) = resolve(output, &rel, &link, base_path) {
                broken.push(format!("{rel} -> {link}: {why}"));
            }
        }
    }
    broken
}

/// The `id="…"` attributes of a page.
pub fn ids_in(html: &str) -> Vec<String> {
    static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\sid\s*=\s*"([^"]*)""#).unwrap());
    ID.captures_iter(html).map(|c| decode_entities(&c[1])).collect()
}

/// The `<article …>…</article>` of a page with blank lines dropped and lines trimmed at
/// the end, for snapshots that do not churn on template whitespace.
pub fn article(html: &str) -> String {
    let start = html.find("<article").expect("no <article>");
    let end = html[start..].find("</article>").expect("no </article>") + start + "</article>".len();
    tidy(&html[start..end])
}

/// Drops blank lines and trailing spaces.
pub fn tidy(html: &str) -> String {
    html.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The hrefs of the note cards of a list page (section, term), in order.
pub fn card_links(html: &str) -> Vec<String> {
    static CARD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"class="card-title"\s+href="([^"]*)""#).unwrap());
    CARD.captures_iter(html).map(|c| decode_entities(&c[1])).collect()
}

// ---- XML ------------------------------------------------------------------------------

/// Checks that `text` is well-formed XML: one root element, every tag closed in order,
/// attributes quoted, `&` only in character references, no stray `<`. Enough for the
/// feed and the sitemap, which folio writes in code; not a validating parser.
pub fn check_xml(text: &str) -> Result<(), String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Za-z_][\w.:-]*").unwrap());
    static ATTRS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*/?$"#).unwrap());
    static AMP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);").unwrap());
    let check_text = |t: &str, at: usize| -> Result<(), String> {
        for (i, _) in t.match_indices('&') {
            if !AMP.is_match(&t[i..]) {
                return Err(format!("bare `&` at byte {}", at + i));
            }
        }
        Ok(())
    };
    let mut rest = text.trim_start_matches('\u{feff}');
    let mut offset = 0;
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    if rest.starts_with("<?xml") {
        let end = rest.find("?>").ok_or("unclosed XML declaration")? + 2;
        rest = &rest[end..];
        offset += end;
    }
    while let Some(lt) = rest.find('<') {
        let text_part = &rest[..lt];
        if stack.is_empty() && !text_part.trim().is_empty() {
            return Err(format!("text outside the root element at byte {offset}"));
        }
        check_text(text_part, offset)?;
        let tag = &rest[lt..];
        let consumed;
        if tag.starts_with("<!--") {
            consumed = tag.find("-->").ok_or("unclosed comment")? + 3;
        } else if tag.starts_with("<![CDATA[") {
            consumed = tag.find("]]>").ok_or("unclosed CDATA")? + 3;
        } else if tag.starts_with("<?") {
            consumed = tag.find("?>").ok_or("unclosed processing instruction")? + 2;
        } else {
            let gt = tag.find('>').ok_or(format!("unclosed tag at byte {}", offset + lt))?;
            let inner = &tag[1..gt];
            consumed = gt + 1;
            if let Some(name) = inner.strip_prefix('/') {
                let name = name.trim_end();
                match stack.pop() {
                    Some(open) if open == name => {}
                    other => return Err(format!("</{name}> closes {other:?} at byte {}", offset + lt)),
                }
            } else {
                let name = NAME
                    .find(inner)
                    .ok_or(format!("bad tag name at byte {}", offset + lt))?
                    .as_str();
                let attrs = &inner[name.len()..];
                if !ATTRS.is_match(attrs) {
                    return Err(format!("bad attributes in <{inner}>"));
                }
                for value in attrs.split(['"', '\'']).skip(1).step_by(2) {
                    check_text(value, offset + lt)?;
                }
                if stack.is_empty() {
                    roots += 1;
                }
                if !inner.ends_with('/') {
                    stack.push(name.to_string());
                }
            }
        }
        rest = &rest[lt + consumed..];
        offset += lt + consumed;
    }
    if !rest.trim().is_empty() {
        return Err("text after the root element".into());
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> never closed"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

/// The text of every `<tag>…</tag>` in an XML document, entities decoded.
pub fn xml_texts(xml: &str, tag: &str) -> Vec<String> {
    let re = Regex::new(&format!(r"<{tag}(?:\s[^>]*)?>([^<]*)</{tag}>")).unwrap();
    re.captures_iter(xml).map(|c| decode_entities(&c[1])).collect()
}

/// The `href` of every `<link>` in an XML document.
pub fn xml_link_hrefs(xml: &str) -> Vec<String> {
    static HREF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"<link\s[^>]*href="([^"]*)""#).unwrap());
    HREF.captures_iter(xml).map(|c| decode_entities(&c[1])).collect()
}
