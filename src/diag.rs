//! Diagnostics: every problem a build finds, with where it is and what to do.
//!
//! A build never stops at the first bad page. Each stage pushes `Diagnostic`s into
//! the list it returns, and the CLI prints them all as `file:line:col: level: message`
//! followed by a `help:` line, the way compilers do.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; the build goes on.
    Warning,
    /// A warning that `folio check` treats as an error (broken links, unknown layouts).
    Strict,
    /// The build cannot produce a correct site.
    Error,
}

/// One problem, located in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as given to the user (relative to the site root where possible).
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub col: Option<usize>,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error in `path`.
    pub fn error(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(path, Severity::Error, message)
    }

    /// A warning in `path`.
    pub fn warning(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(path, Severity::Warning, message)
    }

    /// A warning that `folio check` turns into an error.
    pub fn strict(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(path, Severity::Strict, message)
    }

    fn new(path: impl AsRef<Path>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.as_ref().to_path_buf(),
            line: None,
            col: None,
            severity,
            message: message.into(),
            help: None,
        }
    }

    /// Sets the line (1-based).
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Sets line and column (1-based).
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
    }

    /// Says what to do.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for errors, and for strict warnings when `strict` is set.
    pub fn is_error(&self, strict: bool) -> bool {
        match self.severity {
            Severity::Error => true,
            Severity::Strict => strict,
            Severity::Warning => false,
        }
    }

    /// `file:line:col` as editors understand it.
    pub fn location(&self) -> String {
        let mut loc = self.path.display().to_string();
        if let Some(line) = self.line {
            loc.push_str(&format!(":{line}"));
            if let Some(col) = self.col {
                loc.push_str(&format!(":{col}"));
            }
        }
        loc
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning | Severity::Strict => "warning",
        };
        write!(f, "{}: {level}: {}", self.location(), self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Finds the 1-based line and column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

/// Finds the 1-based line on which `key:` (YAML) or `key =` (TOML) is written in a
/// front matter or config block, so type errors can point at the key.
pub fn key_line(block: &str, key: &str) -> Option<usize> {
    block
        .lines()
        .position(|line| {
            let trimmed = line.trim_start();
            trimmed
                .strip_prefix(key)
                .map(|rest| {
                    let rest = rest.trim_start();
                    rest.starts_with(':') || rest.starts_with('=')
                })
                .unwrap_or(false)
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }

    #[test]
    fn key_line_finds_yaml_and_toml_keys() {
        assert_eq!(key_line("title: x\ndate: y", "date"), Some(2));
        assert_eq!(key_line("a = 1\n  base_url = 2", "base_url"), Some(2));
        assert_eq!(key_line("dates: y", "date"), None);
    }
}
