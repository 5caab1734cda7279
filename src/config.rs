//! `site.toml` → `RawConfig` (what serde reads) → `Config` (checked, defaults applied).
//!
//! Every key is optional except `title`. An unknown key is a warning that names it and
//! its line; a value of the wrong type is an error naming the key and its line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, key_line, line_col};

/// The file name of the site configuration.
pub const CONFIG_FILE: &str = "site.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    author: Option<String>,
    language: Option<String>,
    base_url: Option<String>,
    theme: Option<String>,
    output_dir: Option<String>,
    permalink: Option<String>,
    paginate: Option<usize>,
    markdown: RawMarkdown,
    topics: RawTopics,
    metrics: RawMetrics,
    taxonomies: RawTaxonomies,
    extra: toml::Table,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawMarkdown {
    highlight_theme: Option<String>,
    highlight_theme_dark: Option<String>,
    smart_punctuation: Option<bool>,
    footnotes: Option<bool>,
    tables: Option<bool>,
    tasklists: Option<bool>,
    strikethrough: Option<bool>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawTopics {
    dir: Option<String>,
    auto_link: Option<String>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawMetrics {
    extract: Option<bool>,
    default_subject: Option<String>,
    currency: Option<String>,
    fiscal_year_end: Option<String>,
    names: BTreeMap<String, String>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawTaxonomies {
    categories: Option<bool>,
    tags: Option<bool>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

/// How topic mentions become links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AutoLink {
    /// Link the first mention of each topic in a note.
    First,
    /// Link every mention.
    All,
    /// Link none.
    None,
}

impl AutoLink {
    /// Parses `first | all | none`.
    pub fn parse(value: &str) -> Option<AutoLink> {
        match value {
            "first" => Some(AutoLink::First),
            "all" => Some(AutoLink::All),
            "none" => Some(AutoLink::None),
            _ => None,
        }
    }
}

/// Markdown options; all extensions on by default.
#[derive(Debug, Clone)]
pub struct MarkdownConfig {
    /// syntect theme for light mode.
    pub highlight_theme: String,
    /// syntect theme for dark mode.
    pub highlight_theme_dark: String,
    /// "quotes" → “quotes”, -- → –.
    pub smart_punctuation: bool,
    /// `[^1]` footnotes.
    pub footnotes: bool,
    /// GitHub tables.
    pub tables: bool,
    /// `- [ ]` task lists.
    pub tasklists: bool,
    /// `~~struck~~`.
    pub strikethrough: bool,
}

/// The checked site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site root (the folder holding site.toml).
    pub root: PathBuf,
    /// Site title.
    pub title: String,
    /// Site description, for feeds and the home page.
    pub description: String,
    /// Author, for feeds.
    pub author: Option<String>,
    /// `lang` of the pages.
    pub language: String,
    /// Absolute base URL, always ending in `/`.
    pub base_url: String,
    /// Theme name (a folder in `themes/`).
    pub theme: String,
    /// Output folder, relative to the root unless absolute.
    pub output_dir: PathBuf,
    /// Permalink pattern for pages.
    pub permalink: String,
    /// Notes per section list page.
    pub paginate: usize,
    /// Markdown options.
    pub markdown: MarkdownConfig,
    /// Folder of topic pages inside content/.
    pub topics_dir: String,
    /// Auto-link mode.
    pub auto_link: AutoLink,
    /// Whether figures are extracted from prose.
    pub extract_metrics: bool,
    /// The subject of figures that name none (`[metrics] default_subject`); None when the
    /// site sets none, and such figures then have no subject.
    pub default_subject: Option<String>,
    /// Currency of `$` amounts.
    pub currency: String,
    /// The month (1 to 12) the subject's fiscal year ends in (`[metrics] fiscal_year_end`):
    /// a month names the quarter of that fiscal year it falls in.
    pub fiscal_year_end: u8,
    /// Extra metric names → canonical label.
    pub metric_names: Vec<(String, String)>,
    /// `categories` taxonomy on.
    pub categories: bool,
    /// `tags` taxonomy on.
    pub tags: bool,
    /// `[extra]`, passed to templates.
    pub extra: toml::Table,
}

impl Config {
    /// Reads and checks `site.toml` in `root`. Warnings are returned beside the config;
    /// errors replace it.
    pub fn load(root: &Path) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![
                Diagnostic::error(&path, format!("cannot read the site configuration: {e}"))
                    .help("run folio in a site folder (one with site.toml), or create one with `folio init`"),
            ]
        })?;
        Config::parse(root, &text)
    }

    /// Checks the text of a `site.toml` that lives in `root`.
    pub fn parse(root: &Path, text: &str) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
        let path = PathBuf::from(CONFIG_FILE);
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let mut message = first_line(e.message());
            let mut d = Diagnostic::error(&path, "");
            if let Some(span) = e.span() {
                let (line, col) = line_col(text, span.start);
                d = d.at(line, col);
                let written = text.lines().nth(line - 1).unwrap_or("");
                if let Some((key, _)) = written.split_once('=') {
                    message = format!("`{}`: {message}", key.trim());
                }
            }
            d.message = message;
            vec![d.help("fix the value so it has the type shown in the README's site.toml reference")]
        })?;
        let mut warnings = Vec::new();
        raw.warn_unknown(text, &path, &mut warnings);
        let config = raw.resolve(root, text, &path)?;
        Ok((config, warnings))
    }

    /// The path part of `base_url`, e.g. `/research/`.
    pub fn base_path(&self) -> &str {
        // A byte scan: called for every link of every page, where a substring search and
        // a format string cost more than the URL they build.
        let url = self.base_url.as_bytes();
        let host = url.windows(3).position(|w| w == b"://").map_or(0, |i| i + 3);
        url[host..]
            .iter()
            .position(|&b| b == b'/')
            .map_or("/", |i| &self.base_url[host + i..])
    }

    /// A site-relative permalink (`/notes/x/`) as a root-relative URL honouring the base path.
    pub fn url(&self, permalink: &str) -> String {
        self.url_of(&[permalink])
    }

    /// [`Config::url`] of the permalink that `parts` make end to end (`/`, `tags`, `/`,
    /// `cloud`, `/`), written straight into the URL: a permalink made on the fly for
    /// each use would be a string of its own, through `format!`.
    pub fn url_of(&self, parts: &[&str]) -> String {
        let base = self.base_path().trim_end_matches('/');
        let mut url = String::with_capacity(base.len() + parts.iter().map(|p| p.len()).sum::<usize>());
        url.push_str(base);
        for part in parts {
            url.push_str(part);
        }
        url
    }

    /// A site-relative permalink as an absolute URL (feeds, sitemap, canonical links).
    pub fn absolute_url(&self, permalink: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), permalink)
    }

    /// The output folder as an absolute path.
    pub fn output_path(&self) -> PathBuf {
        self.root.join(&self.output_dir)
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

impl RawConfig {
    fn warn_unknown(&self, text: &str, path: &Path, out: &mut Vec<Diagnostic>) {
        let sections: [(&str, &BTreeMap<String, toml::Value>); 5] = [
            ("", &self.unknown),
            ("markdown.", &self.markdown.unknown),
            ("topics.", &self.topics.unknown),
            ("metrics.", &self.metrics.unknown),
            ("taxonomies.", &self.taxonomies.unknown),
        ];
        for (prefix, keys) in sections {
            for key in keys.keys() {
                let mut d = Diagnostic::warning(path, format!("unknown key `{prefix}{key}` is ignored")).help(
                    "check its spelling against the site.toml reference in the README; custom values go under [extra]",
                );
                if let Some(line) = key_line(text, key) {
                    d = d.at_line(line);
                }
                out.push(d);
            }
        }
    }

    fn resolve(self, root: &Path, text: &str, path: &Path) -> Result<Config, Vec<Diagnostic>> {
        let RawConfig {
            title,
            description,
            author,
            language,
            base_url,
            theme,
            output_dir,
            permalink,
            paginate,
            markdown,
            topics,
            metrics,
            taxonomies,
            extra,
            unknown: _,
        } = self;
        let mut errors = Vec::new();
        let at = |key: &str, d: Diagnostic| match key_line(text, key) {
            Some(line) => d.at_line(line),
            None => d,
        };
        let title = title.unwrap_or_else(|| {
            errors.push(
                Diagnostic::error(path, "`title` is missing").help("add a line such as: title = \"My research notes\""),
            );
            String::new()
        });
        let base_url = base_url.unwrap_or_else(|| "http://127.0.0.1:1111/".to_string());
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            errors.push(at(
                "base_url",
                Diagnostic::error(path, format!("`base_url` must be an absolute URL, got \"{base_url}\""))
                    .help("write it with its scheme, e.g. base_url = \"https://example.org/research/\""),
            ));
        }
        let auto_link = match topics.auto_link.as_deref() {
            None => AutoLink::First,
            Some(v) => AutoLink::parse(v).unwrap_or_else(|| {
                errors.push(at(
                    "auto_link",
                    Diagnostic::error(
                        path,
                        format!("`topics.auto_link` must be first, all or none, got \"{v}\""),
                    ),
                ));
                AutoLink::First
            }),
        };
        let fiscal_year_end = match metrics.fiscal_year_end.as_deref() {
            None => 12,
            Some(v) => month_number(v).unwrap_or_else(|| {
                errors.push(at(
                    "fiscal_year_end",
                    Diagnostic::error(path, format!("`metrics.fiscal_year_end` must be a month, got \"{v}\""))
                        .help("write the month the fiscal year ends in, e.g. fiscal_year_end = \"March\""),
                ));
                12
            }),
        };
        let paginate = paginate.unwrap_or(20);
        if paginate == 0 {
            errors.push(at("paginate", Diagnostic::error(path, "`paginate` must be at least 1")));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            root: root.to_path_buf(),
            title,
            description: description.unwrap_or_default(),
            author,
            language: language.unwrap_or_else(|| "en".to_string()),
            base_url: format!("{}/", base_url.trim_end_matches('/')),
            theme: theme.unwrap_or_else(|| "default".to_string()),
            output_dir: PathBuf::from(output_dir.unwrap_or_else(|| "public".to_string())),
            permalink: permalink.unwrap_or_else(|| "/:section/:slug/".to_string()),
            paginate,
            markdown: MarkdownConfig {
                highlight_theme: markdown.highlight_theme.unwrap_or_else(|| "InspiredGitHub".to_string()),
                highlight_theme_dark: markdown
                    .highlight_theme_dark
                    .unwrap_or_else(|| "base16-ocean.dark".to_string()),
                smart_punctuation: markdown.smart_punctuation.unwrap_or(true),
                footnotes: markdown.footnotes.unwrap_or(true),
                tables: markdown.tables.unwrap_or(true),
                tasklists: markdown.tasklists.unwrap_or(true),
                strikethrough: markdown.strikethrough.unwrap_or(true),
            },
            topics_dir: topics.dir.unwrap_or_else(|| "topics".to_string()),
            auto_link,
            extract_metrics: metrics.extract.unwrap_or(true),
            default_subject: metrics.default_subject.filter(|s| !s.trim().is_empty()),
            currency: metrics.currency.unwrap_or_else(|| "USD".to_string()),
            fiscal_year_end,
            metric_names: metrics.names.into_iter().collect(),
            categories: taxonomies.categories.unwrap_or(true),
            tags: taxonomies.tags.unwrap_or(true),
            extra,
        })
    }
}

/// A month by its name ("March", "mar", "Sept") or number ("3"), 1 to 12.
fn month_number(text: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let text = text.trim();
    if let Ok(n) = text.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let lower = text.to_ascii_lowercase();
    let at = MONTHS.iter().position(|m| lower.len() >= 3 && m.starts_with(&lower))?;
    Some(at as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fiscal_year_end_is_a_month_by_name_or_number() {
        let cases = [
            ("March", Some(3)),
            ("mar", Some(3)),
            ("Sept", Some(9)),
            ("12", Some(12)),
            ("Marsh", None),
            ("ma", None),
            ("13", None),
        ];
        for (text, want) in cases {
            assert_eq!(month_number(text), want, "{text}");
        }
    }

    #[test]
    fn defaults_apply_and_base_path_is_found() {
        let (c, w) = Config::parse(Path::new("."), "title = \"T\"\nbase_url = \"https://x.org/research\"").unwrap();
        assert!(w.is_empty());
        assert_eq!(c.base_url, "https://x.org/research/");
        assert_eq!(c.base_path(), "/research/");
        assert_eq!(c.url("/notes/a/"), "/research/notes/a/");
        assert_eq!(c.permalink, "/:section/:slug/");
    }

    #[test]
    fn unknown_key_warns_with_its_line() {
        let (_, w) = Config::parse(Path::new("."), "title = \"T\"\n\ncolour = 3\n").unwrap();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, Some(3));
        assert!(w[0].message.contains("colour"));
    }

    #[test]
    fn wrong_type_names_key_and_line() {
        let e = Config::parse(Path::new("."), "title = \"T\"\npaginate = \"ten\"\n").unwrap_err();
        assert_eq!(e[0].line, Some(2));
        assert!(
            e[0].message.contains("paginate") || e[0].message.contains("integer"),
            "{}",
            e[0]
        );
    }
}
