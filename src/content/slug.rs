//! Slugs and permalinks: Jekyll's placeholders (`:categories :year :month :day :title :slug
//! :section`) expanded into a site-relative URL such as `/notes/amzn-q4-2023/`.

use chrono::{DateTime, Datelike, FixedOffset};

/// Lower-case ASCII words joined by `-`; accents folded, other characters dropped.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        // Most text is ASCII, which has nothing to fold: not matched against the ranges
        // of accented letters (slugs are made for every tag of every page listed).
        let c = if c.is_ascii() { c } else { fold(c) };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    out
}

fn fold(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other,
    }
}

/// What a permalink pattern may use.
pub struct Parts<'a> {
    /// Top folder in content/ ("" at the root).
    pub section: &'a str,
    /// The page's slug.
    pub slug: &'a str,
    /// Categories, in order.
    pub categories: &'a [String],
    /// The page's date.
    pub date: Option<DateTime<FixedOffset>>,
}

/// Expands `pattern` and normalises it to `/a/b/` (or `/a/b.html` for file permalinks).
pub fn expand(pattern: &str, parts: &Parts) -> String {
    let cats: Vec<String> = parts.categories.iter().map(|c| slugify(c)).collect();
    let (y, m, d) = parts
        .date
        .map(|d| {
            (
                format!("{:04}", d.year()),
                format!("{:02}", d.month()),
                format!("{:02}", d.day()),
            )
        })
        .unwrap_or_default();
    let mut out = pattern.to_string();
    for (key, value) in [
        (":categories", cats.join("/")),
        (":section", parts.section.to_string()),
        (":title", parts.slug.to_string()),
        (":slug", parts.slug.to_string()),
        (":year", y),
        (":month", m),
        (":day", d),
    ] {
        out = out.replace(key, &value);
    }
    normalise(&out)
}

/// `a//b` → `/a/b/`; keeps a trailing file name such as `feed.xml`.
pub fn normalise(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty() && *s != ".").collect();
    let mut out = String::from("/");
    out.push_str(&segments.join("/"));
    let is_file = segments
        .last()
        .is_some_and(|s| s.ends_with(".html") || s.ends_with(".xml"));
    if !segments.is_empty() && !is_file {
        out.push('/');
    }
    out
}

/// The output file, relative to the output folder, for a permalink.
pub fn output_file(permalink: &str) -> String {
    let trimmed = permalink.trim_start_matches('/');
    if trimmed.ends_with(".html") || trimmed.ends_with(".xml") {
        trimmed.to_string()
    } else {
        format!("{trimmed}index.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("AMZN Q4 2023 Earnings Call"), "amzn-q4-2023-earnings-call");
        assert_eq!(slugify("Amazon’s $200B AI spend!"), "amazons-200b-ai-spend");
        assert_eq!(slugify("Café déjà vu"), "cafe-deja-vu");
    }

    #[test]
    fn expands_jekyll_placeholders() {
        let date = crate::content::date::parse("2024-02-01");
        let cats = vec!["Earnings".to_string()];
        let parts = Parts {
            section: "notes",
            slug: "q4",
            categories: &cats,
            date,
        };
        assert_eq!(expand("/:section/:slug/", &parts), "/notes/q4/");
        assert_eq!(
            expand("/:categories/:year/:month/:day/:title.html", &parts),
            "/earnings/2024/02/01/q4.html"
        );
        let root = Parts {
            section: "",
            slug: "about",
            categories: &[],
            date: None,
        };
        assert_eq!(expand("/:section/:slug/", &root), "/about/");
        assert_eq!(output_file("/about/"), "about/index.html");
        assert_eq!(output_file("/"), "index.html");
    }
}
