//! The HTTP side of the dev server: files of the output folder and nothing else.
//!
//! A request path is percent-decoded once and split into segments; any `.` or `..`
//! segment, backslash, NUL or invalid escape is a 400, so no URL can name a file outside
//! the output folder, and the file found is canonicalized and must still lie inside it
//! (a symlink pointing out is a 404). Folders serve their `index.html` (a folder URL
//! without its trailing slash is redirected to it) and are never listed; a missing file
//! gets the site's `404.html` with status 404.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::live::{self, EVENTS_PATH, STATUS_PATH, Shared};

/// The dev server's routes: live reload, status, then the site's files.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(live::events))
        .route(STATUS_PATH, get(live::status))
        .fallback(get(file))
        .with_state(shared)
}

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file inside the output folder.
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect here.
    Redirect(String),
    /// Nothing (or nothing we may serve) is there.
    NotFound,
    /// The path is malformed or tries to leave the output folder.
    BadRequest,
}

async fn file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let out = shared.out.clone();
    let raw = uri.path().to_string();
    let query = uri.query().map(str::to_string);
    let found = tokio::task::spawn_blocking(move || {
        let resolved = resolve_settled(&out, &raw);
        let bytes = match &resolved {
            Resolved::File(path) => std::fs::read(path).ok(),
            _ => None,
        };
        (resolved, bytes, out)
    })
    .await;
    let Ok((resolved, bytes, out)) = found else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    match (resolved, bytes) {
        (Resolved::File(path), Some(bytes)) => respond(StatusCode::OK, mime(&path), bytes),
        (Resolved::Redirect(mut to), _) => {
            if let Some(q) = query {
                to = format!("{to}?{q}");
            }
            let location = HeaderValue::from_str(&to).unwrap_or(HeaderValue::from_static("/"));
            (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, location)]).into_response()
        }
        (Resolved::BadRequest, _) => respond(
            StatusCode::BAD_REQUEST,
            "text/plain; charset=utf-8",
            b"bad request\n".to_vec(),
        ),
        _ => not_found(&out).await,
    }
}

/// The site's 404.html, or a bare page carrying the live-reload script when the site has
/// none yet (say, the first build failed), so the error overlay still shows.
async fn not_found(out: &Path) -> Response {
    let body = match tokio::fs::read(out.join("404.html")).await {
        Ok(bytes) => bytes,
        Err(_) => format!(
            "<!doctype html><meta charset=utf-8><title>Not found</title><body><h1>Not found</h1>\n{}</body>",
            live::script()
        )
        .into_bytes(),
    };
    respond(StatusCode::NOT_FOUND, "text/html; charset=utf-8", body)
}

fn respond(status: StatusCode, mime: &'static str, body: Vec<u8>) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, mime),
            // A preview must never show a stale file.
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        Body::from(body),
    )
        .into_response()
}

/// [`resolve`], but waits out the instant in which a build swaps the output folder (the
/// old one renamed away, the new one not yet in place).
fn resolve_settled(out: &Path, raw: &str) -> Resolved {
    let mut resolved = resolve(out, raw);
    for _ in 0..20 {
        if resolved != Resolved::NotFound || out.is_dir() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
        resolved = resolve(out, raw);
    }
    resolved
}

/// Maps a raw (still percent-encoded) request path to what lies in the folder `out`.
pub fn resolve(out: &Path, raw: &str) -> Resolved {
    let Some(segments) = segments(raw) else {
        return Resolved::BadRequest;
    };
    let Ok(root) = out.canonicalize() else {
        return Resolved::NotFound;
    };
    let mut path = root.clone();
    path.extend(&segments);
    let Ok(path) = path.canonicalize() else {
        return Resolved::NotFound;
    };
    if !path.starts_with(&root) {
        return Resolved::NotFound;
    }
    if path.is_file() {
        return Resolved::File(path);
    }
    if !path.is_dir() {
        return Resolved::NotFound;
    }
    if !raw.ends_with('/') {
        // Collapse leading slashes: `//host` would be an absolute URL.
        return Resolved::Redirect(format!("/{}/", raw.trim_start_matches('/')));
    }
    match path.join("index.html").canonicalize() {
        Ok(index) if index.starts_with(&root) && index.is_file() => Resolved::File(index),
        _ => Resolved::NotFound,
    }
}

/// The decoded segments of a request path; `None` if it is malformed or could leave
/// the folder it is resolved in (`.`/`..` segments, even encoded; backslashes; NUL;
/// a Windows drive or root).
fn segments(raw: &str) -> Option<Vec<String>> {
    if !raw.starts_with('/') {
        return None;
    }
    let decoded = String::from_utf8(percent_decode(raw)?).ok()?;
    let mut out = Vec::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        let safe = !segment.contains(['\\', '\0'])
            && Path::new(segment)
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
            && segment != "."
            && segment != "..";
        if !safe {
            return None;
        }
        out.push(segment.to_string());
    }
    Some(out)
}

fn percent_decode(raw: &str) -> Option<Vec<u8>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The `Content-Type` of a file, by extension.
pub fn mime(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "atom" => "application/atom+xml",
        "rss" => "application/rss+xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_are_bad_requests() {
        for raw in [
            "/../site.toml",
            "/%2e%2e/site.toml",
            "/%2E%2E/site.toml",
            "/..%2fsite.toml",
            "/notes/..%5c..%5csite.toml",
            "/notes\\..\\site.toml",
            "/./index.html",
            "/a%00b",
            "/%zz",
            "/%ff%fe",
            "relative",
        ] {
            assert_eq!(segments(raw), None, "{raw}");
        }
        assert_eq!(
            segments("/notes//q4%20call/"),
            Some(vec!["notes".into(), "q4 call".into()])
        );
        assert_eq!(segments("/"), Some(vec![]));
    }

    #[test]
    fn resolves_files_folders_and_refuses_symlinks_out() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        std::fs::create_dir_all(out.join("notes/x")).unwrap();
        std::fs::write(out.join("notes/x/index.html"), "x").unwrap();
        std::fs::create_dir_all(out.join("empty")).unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "s").unwrap();
        let index = out.join("notes/x/index.html").canonicalize().unwrap();
        assert_eq!(resolve(&out, "/notes/x/"), Resolved::File(index.clone()));
        assert_eq!(resolve(&out, "/notes/x/index.html"), Resolved::File(index));
        assert_eq!(resolve(&out, "//notes/x"), Resolved::Redirect("/notes/x/".into()));
        assert_eq!(resolve(&out, "/empty/"), Resolved::NotFound);
        assert_eq!(resolve(&out, "/missing"), Resolved::NotFound);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), out.join("leak.txt")).unwrap();
            std::os::unix::fs::symlink(tmp.path(), out.join("up")).unwrap();
            assert_eq!(resolve(&out, "/leak.txt"), Resolved::NotFound);
            assert_eq!(resolve(&out, "/up/secret.txt"), Resolved::NotFound);
        }
    }

    #[test]
    fn mime_types_by_extension() {
        assert_eq!(mime(Path::new("a/index.html")), "text/html; charset=utf-8");
        assert_eq!(mime(Path::new("style.CSS")), "text/css; charset=utf-8");
        assert_eq!(mime(Path::new("metrics.json")), "application/json");
        assert_eq!(mime(Path::new("chart.svg")), "image/svg+xml");
        assert_eq!(mime(Path::new("blob")), "application/octet-stream");
    }
}
