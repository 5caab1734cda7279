//! The dev server as an author meets it: serve a small site, ask for pages with a plain
//! HTTP/1.1 client (written by hand over `TcpStream`: no client library needed for GETs
//! and one WebSocket frame), edit, break, fix, save atomically and delete notes on disk,
//! and watch the served site follow.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use folio::serve::{self, ServeOptions, Server};

const FIXTURE: &str = "tests/fixtures/serve-site";
const ALPHA: &str = "content/notes/2024-01-10-alpha.md";
const BETA: &str = "content/notes/2024-02-10-beta.md";
const GAMMA: &str = "content/notes/2024-03-10-gamma.md";
/// How long a change may take to show before a test fails.
const PATIENCE: Duration = Duration::from_secs(10);

/// A temp copy of the fixture site, served on a free port.
struct Live {
    server: Server,
    site: tempfile::TempDir,
}

impl Live {
    fn start() -> Live {
        Live::start_with(|_, _| {})
    }

    /// Starts with options adjusted knowing the site's folder.
    fn start_with(adjust: impl FnOnce(&Path, &mut ServeOptions)) -> Live {
        let site = tempfile::tempdir().unwrap();
        common::copy_tree(Path::new(FIXTURE), site.path());
        let mut options = ServeOptions {
            port: 0,
            ..ServeOptions::default()
        };
        adjust(site.path(), &mut options);
        let server = serve::start(site.path(), options, Box::new(|_| {})).unwrap();
        Live { server, site }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.site.path().join(rel)
    }

    fn get(&self, path: &str) -> Response {
        get(self.server.addr(), path)
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.path(rel), text).unwrap();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// `GET path` over HTTP/1.1 with `Connection: close`; `path` is sent exactly as given.
fn get(addr: SocketAddr, path: &str) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

/// Opens the live-reload WebSocket by hand; returns the stream after the handshake.
fn open_events(addr: SocketAddr, origin: Option<&str>) -> (u16, TcpStream) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let origin = origin.map(|o| format!("Origin: {o}\r\n")).unwrap_or_default();
    write!(
        stream,
        "GET /__folio/events HTTP/1.1\r\nHost: {addr}\r\n{origin}Connection: Upgrade\r\nUpgrade: websocket\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
    )
    .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).unwrap();
        head.push(byte[0]);
    }
    let status = String::from_utf8_lossy(&head)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, stream)
}

/// Reads one unmasked text frame (what a server sends) and parses its JSON.
fn next_notice(stream: &mut TcpStream) -> serde_json::Value {
    let mut head = [0u8; 2];
    stream.read_exact(&mut head).unwrap();
    assert_eq!(head[0], 0x81, "a final text frame");
    let len = match head[1] & 0x7f {
        126 => {
            let mut n = [0u8; 2];
            stream.read_exact(&mut n).unwrap();
            u16::from_be_bytes(n) as usize
        }
        127 => {
            let mut n = [0u8; 8];
            stream.read_exact(&mut n).unwrap();
            u64::from_be_bytes(n) as usize
        }
        n => n as usize,
    };
    let mut payload = vec![0u8; len];
    stream.read_exact(&mut payload).unwrap();
    serde_json::from_slice(&payload).unwrap()
}

/// Polls `check` until it gives a value, for at most [`PATIENCE`].
fn eventually<T>(what: &str, check: impl FnMut() -> Option<T>) -> T {
    common::eventually_for(PATIENCE, what, check)
}

fn status(live: &Live) -> serde_json::Value {
    serde_json::from_str(&live.get("/__folio/status").body).unwrap()
}

#[test]
fn serves_pages_folders_types_and_the_sites_404() {
    let live = Live::start();
    let page = live.get("/notes/alpha/");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(page.body.contains("Alpha says the original words"));
    assert!(
        page.body.contains("/__folio/events"),
        "the live-reload script is injected"
    );
    let index = live.get("/notes/alpha/index.html");
    assert_eq!((index.status, index.body), (200, page.body));

    let moved = live.get("/notes/alpha");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("location"), Some("/notes/alpha/"));

    let css = live.get("/style.css");
    assert_eq!(
        (css.status, css.header("content-type")),
        (200, Some("text/css; charset=utf-8"))
    );
    assert_eq!(
        live.get("/metrics.json").header("content-type"),
        Some("application/json")
    );

    let missing = live.get("/notes/no-such-note/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found"), "the site's own 404.html");
    // The base_url's /research/ sub-path is served at /.
    assert!(live.get("/").body.contains("Serve test site"));
}

#[test]
fn no_request_reaches_a_file_outside_the_output_folder() {
    // A serve folder inside the site, so that site.toml is one `..` away.
    let live = Live::start_with(|site, o| o.out = Some(site.join(".folio-serve")));
    assert!(live.get("/index.html").status == 200);
    for attempt in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E/site.toml",
        "/..%2fsite.toml",
        "/notes/..%2f..%2fsite.toml",
        "/notes/%2e%2e/%2e%2e/site.toml",
        "/..\\site.toml",
        "/%5c..%5csite.toml",
        "//etc/passwd",
        "/etc/passwd",
        "/./../site.toml",
    ] {
        let r = live.get(attempt);
        assert!(matches!(r.status, 400 | 404), "{attempt}: {}", r.status);
        assert!(!r.body.contains("base_url"), "{attempt} leaked a file");
        assert!(!r.body.contains("root:"), "{attempt} leaked a file");
    }
}

#[test]
fn an_edit_shows_up_and_an_atomic_save_too() {
    let live = Live::start();
    let original = std::fs::read_to_string(live.path(ALPHA)).unwrap();
    live.write(ALPHA, &original.replace("the original words", "freshly edited words"));
    eventually("the edit to be served", || {
        live.get("/notes/alpha/")
            .body
            .contains("freshly edited words")
            .then_some(())
    });

    // An editor's atomic save: a temp file in the same folder, renamed over the note.
    let temp = live.path("content/notes/.2024-01-10-alpha.md.swp");
    std::fs::write(&temp, original.replace("the original words", "atomically saved words")).unwrap();
    std::fs::rename(&temp, live.path(ALPHA)).unwrap();
    eventually("the atomic save to be served", || {
        live.get("/notes/alpha/")
            .body
            .contains("atomically saved words")
            .then_some(())
    });
}

#[test]
fn a_broken_note_keeps_the_last_good_site_and_reports_where() {
    let live = Live::start();
    let good = std::fs::read_to_string(live.path(BETA)).unwrap();
    let before = status(&live);
    assert!(before["error"].is_null());

    live.write(BETA, "---\ntitle: Beta note\n\nThe front matter never closes.\n");
    let error = eventually("the error to be reported", || {
        status(&live)["error"].as_str().map(String::from)
    });
    assert!(error.contains("content/notes/2024-02-10-beta.md:1"), "{error}");
    assert!(error.contains("never closes"), "{error}");
    let page = live.get("/notes/beta/");
    assert_eq!(page.status, 200, "the last good site is still served");
    assert!(page.body.contains("Beta keeps its first version"));

    // A page opened now learns of the error as soon as it connects.
    let (code, mut events) = open_events(live.server.addr(), Some(&format!("http://{}", live.server.addr())));
    assert_eq!(code, 101);
    let hello = next_notice(&mut events);
    assert_eq!(hello["type"], "hello");
    assert!(hello["error"].as_str().unwrap_or_default().contains("never closes"));

    live.write(BETA, &good.replace("first version", "fixed version"));
    let notice = next_notice(&mut events);
    assert_eq!(notice["type"], "reload", "the fix reloads the page: {notice}");
    let after = status(&live);
    assert!(after["error"].is_null());
    assert_ne!(after["version"], before["version"]);
    // A save read between its truncation and its write is built twice: wait for the text.
    eventually("the fixed page", || {
        live.get("/notes/beta/").body.contains("fixed version").then_some(())
    });
}

#[test]
fn stylesheet_changes_swap_styles_and_other_origins_are_refused() {
    let live = Live::start();
    let (code, _) = open_events(live.server.addr(), Some("http://evil.example"));
    assert_eq!(code, 403);
    let (code, mut events) = open_events(live.server.addr(), None);
    assert_eq!(code, 101);
    assert_eq!(next_notice(&mut events)["type"], "hello");
    live.write("static/extra.css", "body { outline: 1px solid red; }\n");
    assert_eq!(next_notice(&mut events)["type"], "css");
    assert!(live.get("/extra.css").body.contains("solid red"));
    live.write(ALPHA, "---\ntitle: Alpha note\n---\n\nRewritten.\n");
    assert_eq!(next_notice(&mut events)["type"], "reload");
}

#[test]
fn deleted_renamed_and_new_notes_follow() {
    let live = Live::start();
    assert_eq!(live.get("/notes/gamma/").status, 200);
    std::fs::remove_file(live.path(GAMMA)).unwrap();
    eventually("the deleted note to 404", || {
        (live.get("/notes/gamma/").status == 404).then_some(())
    });

    std::fs::rename(live.path(BETA), live.path("content/notes/2024-02-10-delta.md")).unwrap();
    eventually("the renamed note to move", || {
        (live.get("/notes/delta/").status == 200 && live.get("/notes/beta/").status == 404).then_some(())
    });

    std::fs::create_dir_all(live.path("content/essays/deep")).unwrap();
    live.write(
        "content/essays/deep/new.md",
        "---\ntitle: New essay\n---\n\nA brand new essay.\n",
    );
    let url = eventually("the note in a new folder to be served", || {
        let sitemap = live.get("/sitemap.xml").body;
        sitemap
            .split("<loc>")
            .filter_map(|s| s.split_once("</loc>").map(|(u, _)| u.to_string()))
            .find(|u| u.contains("new-essay") || u.contains("/new/"))
    });
    let path = url
        .split_once("//")
        .and_then(|(_, r)| r.split_once('/'))
        .map(|(_, p)| format!("/{p}"));
    assert!(live.get(&path.unwrap()).body.contains("A brand new essay"));
}

#[test]
fn shutting_down_removes_the_serve_folder() {
    let live = Live::start();
    let out = live.server.out().to_path_buf();
    assert!(out.join("index.html").is_file());
    assert!(!out.starts_with(live.site.path()), "never inside the site");
    live.server.shutdown();
    assert!(!out.exists());
}

#[test]
fn build_watch_rebuilds_the_output_folder() {
    let site = tempfile::tempdir().unwrap();
    common::copy_tree(Path::new(FIXTURE), site.path());
    let out = site.path().join("public");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("-C")
        .arg(site.path())
        .args(["build", "--watch"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let page = out.join("notes/alpha/index.html");
    let read = || std::fs::read_to_string(&page).unwrap_or_default();
    eventually("the first build", || read().contains("original words").then_some(()));
    let text = std::fs::read_to_string(site.path().join(ALPHA)).unwrap();
    std::fs::write(site.path().join(ALPHA), text.replace("original words", "watched words")).unwrap();
    let result = std::panic::catch_unwind(|| {
        eventually("the rebuild", || read().contains("watched words").then_some(()));
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(!read().contains("__folio"), "no live-reload script outside serve mode");
    result.unwrap();
}

/// A save reaches the tab showing the note first (a preview that names just that page),
/// then the rest of the site; tabs on pages that did not change are left alone.
#[test]
fn an_edit_reloads_only_the_tabs_whose_page_changed() {
    let live = Live::start();
    let (code, mut events) = open_events(live.server.addr(), None);
    assert_eq!(code, 101);
    assert_eq!(next_notice(&mut events)["type"], "hello");
    // Appended in one write: a truncating save read between its two halves is two saves
    // (an empty page, then the full one), and each is rightly a reload.
    let mut file = std::fs::OpenOptions::new().append(true).open(live.path(ALPHA)).unwrap();
    file.write_all(b"\nOne more sentence.\n").unwrap();
    drop(file);

    let preview = next_notice(&mut events);
    assert_eq!(preview["type"], "reload", "{preview}");
    assert_eq!(preview["paths"], serde_json::json!(["/notes/alpha/"]), "{preview}");
    assert!(live.get("/notes/alpha/").body.contains("One more sentence."));

    let build = next_notice(&mut events);
    assert_eq!(build["type"], "reload", "{build}");
    let paths: Vec<&str> = build["paths"]
        .as_array()
        .unwrap_or_else(|| panic!("the build names what changed: {build}"))
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        !paths.contains(&"/notes/alpha/"),
        "the note is not reloaded twice: {paths:?}"
    );
    assert!(
        !paths.contains(&"/notes/beta/"),
        "an unrelated note is not reloaded: {paths:?}"
    );
}
