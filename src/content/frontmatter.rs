//! Front matter: finding the block (`---` YAML or `+++` TOML), parsing it with its line
//! offset kept, and reading the Jekyll fields out of it with errors that point at the key.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::Value;

use crate::diag::{Diagnostic, key_line};

/// The front matter block of a file, split from its body.
pub struct Split<'a> {
    /// The block's text without its fences (empty when the file has none).
    pub block: &'a str,
    /// True when the block is TOML (`+++`).
    pub toml: bool,
    /// The Markdown after the block.
    pub body: &'a str,
    /// 1-based line of the block's first line in the file.
    pub block_line: usize,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

/// Splits `text` into front matter and body. A block opened but never closed is an error
/// at line 1.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return Ok(Split {
            block: "",
            toml: false,
            body: text,
            block_line: 1,
            body_line: 1,
        });
    };
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_end].trim_end() != fence {
        // "---- a rule" or "--- text": not a front matter fence.
        return Ok(Split {
            block: "",
            toml: false,
            body: text,
            block_line: 1,
            body_line: 1,
        });
    }
    let mut offset = first_end;
    for (line, raw_line) in (2..).zip(text[first_end..].split_inclusive('\n')) {
        let trimmed = raw_line.trim_end();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            let body_start = offset + raw_line.len();
            return Ok(Split {
                block: &text[first_end..offset],
                toml: fence == "+++",
                body: &text[body_start..],
                block_line: 2,
                body_line: line + 1,
            });
        }
        offset += raw_line.len();
    }
    Err(Diagnostic::error(
        path,
        format!("the front matter opened with `{fence}` on line 1 never closes"),
    )
    .at(1, 1)
    .help(format!(
        "add a line with just `{fence}` after the last front matter field"
    )))
}

/// Parses the block into a YAML mapping (TOML is converted), with errors at the right line.
pub fn parse(path: &Path, split: &Split) -> Result<serde_yaml::Mapping, Diagnostic> {
    if split.block.trim().is_empty() {
        return Ok(serde_yaml::Mapping::new());
    }
    let value = if split.toml {
        let table: toml::Table = toml::from_str(split.block).map_err(|e| {
            let line = e.span().map_or(0, |s| split.block[..s.start].matches('\n').count());
            Diagnostic::error(path, format!("invalid TOML front matter: {}", e.message().trim()))
                .at_line(split.block_line + line)
                .help("fix the TOML syntax between the +++ lines")
        })?;
        toml_to_yaml(toml::Value::Table(table))
    } else {
        serde_yaml::from_str::<Value>(split.block).map_err(|e| {
            if let Some(open) = unclosed(&e) {
                // libyaml reports an unclosed quote or list where it gave up (often the end
                // of the block); the author needs the line where it was opened.
                return Diagnostic::error(
                    path,
                    format!("invalid YAML front matter: {} opened here never closes", open.what),
                )
                .at(split.block_line + open.line - 1, open.column)
                .help(open.help);
            }
            // A quoted value may run on over lines in YAML: an unclosed quote is closed by
            // the next quote mark, lines later, where libyaml then stumbles ("did not find
            // expected key" in a `description: "…"` further down).
            if let Some(loc) = e.location()
                && let Some((line, column)) = quote_left_open(split.block, loc.line())
            {
                return Diagnostic::error(
                    path,
                    format!(
                        "invalid YAML front matter: the quoted value opened here does not close on its line, so it runs on to line {}",
                        split.block_line + loc.line() - 1
                    ),
                )
                .at(split.block_line + line - 1, column)
                .help("end it with the quote mark it starts with, on the same line");
            }
            let mut d = Diagnostic::error(path, format!("invalid YAML front matter: {}", yaml_message(&e)));
            if let Some(loc) = e.location() {
                d = d.at(split.block_line + loc.line() - 1, loc.column());
            }
            d.help(
                "fix the YAML between the --- lines; quote values that contain `: ` or start with special characters",
            )
        })?
    };
    match value {
        Value::Mapping(m) => Ok(m),
        Value::Null => Ok(serde_yaml::Mapping::new()),
        _ => Err(
            Diagnostic::error(path, "front matter must be a list of `key: value` lines")
                .at_line(split.block_line)
                .help("write fields such as `title: My note`, one per line"),
        ),
    }
}

/// A quote, list or map that libyaml says was opened and never closed.
struct Unclosed {
    what: &'static str,
    help: &'static str,
    line: usize,
    column: usize,
}

/// Reads libyaml's context ("…, while scanning a quoted scalar at line 1 column 8").
fn unclosed(e: &serde_yaml::Error) -> Option<Unclosed> {
    let text = e.to_string();
    let (_, context) = text.split_once(", while ")?;
    let (what, help) = if context.starts_with("scanning a quoted scalar") {
        (
            "the quoted value",
            "end it with the quote mark it starts with, on the same line",
        )
    } else if context.starts_with("parsing a flow sequence") {
        ("the `[` list", "close it with `]` on the same line")
    } else if context.starts_with("parsing a flow mapping") {
        ("the `{` map", "close it with `}` on the same line")
    } else {
        return None;
    };
    let (_, at) = context.split_once(" at line ")?;
    let (line, column) = at.split_once(" column ")?;
    Some(Unclosed {
        what,
        help,
        line: line.trim().parse().ok()?,
        column: column.trim().parse().ok()?,
    })
}

/// The first line of `block` before line `until` (both 1-based) whose value opens a quote
/// that the line does not close, and the column of that quote.
fn quote_left_open(block: &str, until: usize) -> Option<(usize, usize)> {
    for (n, line) in block.lines().enumerate().take(until.saturating_sub(1)) {
        // A key at the start of the line ("title: "), not a list item or a continuation.
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        if key.is_empty() || key.starts_with([' ', '-', '#']) {
            continue;
        }
        let value = value.trim_start();
        let Some(quote) = value.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        let rest = &value[1..];
        let closed = if quote == '"' {
            let mut escaped = false;
            rest.chars().any(|c| {
                let end = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                end
            })
        } else {
            rest.contains('\'')
        };
        if !closed {
            return Some((n + 1, line.len() - value.len() + 1));
        }
    }
    None
}

fn yaml_message(e: &serde_yaml::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn toml_to_yaml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::Number(i.into()),
        toml::Value::Float(f) => Value::Number(f.into()),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Sequence(a.into_iter().map(toml_to_yaml).collect()),
        toml::Value::Table(t) => Value::Mapping(
            t.into_iter()
                .map(|(k, v)| (Value::String(k), toml_to_yaml(v)))
                .collect(),
        ),
    }
}

/// Reads typed fields out of a front matter mapping, reporting wrong types at their key.
pub struct Fields<'a> {
    map: serde_yaml::Mapping,
    path: &'a Path,
    block: &'a str,
    block_line: usize,
    /// Type errors found so far.
    pub errors: Vec<Diagnostic>,
}

impl<'a> Fields<'a> {
    /// Wraps a parsed mapping.
    pub fn new(map: serde_yaml::Mapping, path: &'a Path, split: &Split<'a>) -> Self {
        Fields {
            map,
            path,
            block: split.block,
            block_line: split.block_line,
            errors: Vec::new(),
        }
    }

    /// The 1-based file line of `key`, if written.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        key_line(self.block, key).map(|l| l + self.block_line - 1)
    }

    /// An error at `key`'s line.
    pub fn error_at(&self, key: &str, message: String, help: &str) -> Diagnostic {
        let d = Diagnostic::error(self.path, message).help(help);
        match self.line_of(key) {
            Some(line) => d.at_line(line),
            None => d,
        }
    }

    /// Removes and returns a raw value.
    pub fn take(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|v| !v.is_null())
    }

    /// A string field; numbers and booleans are accepted as their text.
    pub fn string(&mut self, key: &str) -> Option<String> {
        match self.take(key)? {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => {
                let d = self.error_at(key, format!("`{key}` must be text"), "write it as `key: some text`");
                self.errors.push(d);
                None
            }
        }
    }

    /// A boolean field.
    pub fn boolean(&mut self, key: &str) -> Option<bool> {
        match self.take(key)? {
            Value::Bool(b) => Some(b),
            Value::String(s) if s == "true" || s == "false" => Some(s == "true"),
            other => {
                let d = self.error_at(
                    key,
                    format!("`{key}` must be true or false, got {}", short(&other)),
                    "write `true` or `false`",
                );
                self.errors.push(d);
                None
            }
        }
    }

    /// A list of strings, written as a YAML list or as a space-separated string (Jekyll).
    pub fn list(&mut self, key: &str, split_spaces: bool) -> Vec<String> {
        match self.take(key) {
            None => Vec::new(),
            Some(Value::String(s)) if split_spaces => s.split_whitespace().map(str::to_string).collect(),
            Some(Value::String(s)) => vec![s],
            Some(Value::Sequence(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => out.push(s),
                        Value::Number(n) => out.push(n.to_string()),
                        other => {
                            let d = self.error_at(
                                key,
                                format!("`{key}` must be a list of words, found {}", short(&other)),
                                "write `key: [a, b]` or `key: a b`",
                            );
                            self.errors.push(d);
                        }
                    }
                }
                out
            }
            Some(other) => {
                let d = self.error_at(
                    key,
                    format!("`{key}` must be a list, got {}", short(&other)),
                    "write `key: [a, b]` or `key: a b`",
                );
                self.errors.push(d);
                Vec::new()
            }
        }
    }

    /// What is left: the author's own keys, for `page.extra`.
    pub fn rest(self) -> (BTreeMap<String, serde_json::Value>, Vec<Diagnostic>) {
        let mut extra = BTreeMap::new();
        for (k, v) in self.map {
            if let (Value::String(k), Ok(v)) = (k, serde_json::to_value(&v)) {
                extra.insert(k, v);
            }
        }
        (extra, self.errors)
    }
}

fn short(v: &Value) -> String {
    match v {
        Value::Mapping(_) => "a mapping".into(),
        Value::Sequence(_) => "a list".into(),
        other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_counts_body_line() {
        let s = split(Path::new("a.md"), "---\ntitle: x\n---\nbody\n").unwrap();
        assert_eq!(s.block, "title: x\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn unclosed_block_is_an_error_at_line_one() {
        let e = split(Path::new("a.md"), "---\ntitle: x\nbody\n").err().unwrap();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("never closes"));
    }

    #[test]
    fn yaml_error_points_at_file_line() {
        let text = "---\ntitle: ok\ndate: [2024\n---\n";
        let s = split(Path::new("a.md"), text).unwrap();
        let e = parse(Path::new("a.md"), &s).unwrap_err();
        assert!(e.line.unwrap() >= 3, "{e}");
    }

    #[test]
    fn toml_front_matter_is_read() {
        let s = split(Path::new("a.md"), "+++\ntitle = \"x\"\n+++\nbody").unwrap();
        let m = parse(Path::new("a.md"), &s).unwrap();
        assert_eq!(m.get("title").and_then(Value::as_str), Some("x"));
    }
}
