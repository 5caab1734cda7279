//! Live reload in a real browser: headless Chromium, driven over the Chrome DevTools
//! Protocol, opens a served note; the test edits the note on disk and sees the new text
//! in the same tab without navigating, breaks the note and sees the error overlay, fixes
//! it and sees the overlay go.
//!
//! Where Chromium is missing the test says so and passes, except under `CI=true`, where
//! a missing browser is a failure (.ci/run installs Debian's `chromium`).

mod common;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use folio::serve::{self, ServeOptions};
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const FIXTURE: &str = "tests/fixtures/serve-site";
const NOTE: &str = "content/notes/2024-01-10-alpha.md";
const PATIENCE: Duration = Duration::from_secs(15);

/// The Chromium binary, if installed.
fn chromium() -> Option<PathBuf> {
    let candidates = [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ];
    std::env::var_os("FOLIO_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(candidates.iter().map(PathBuf::from))
        .find(|p| p.is_file())
}

/// A headless Chromium, killed when dropped.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    devtools: u16,
}

impl Browser {
    fn launch(binary: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Chromium writes the port it picked into the profile.
        let port_file = profile.path().join("DevToolsActivePort");
        let devtools = eventually("Chromium's DevTools port", || {
            let text = std::fs::read_to_string(&port_file).ok()?;
            text.lines().next()?.trim().parse().ok()
        });
        Browser {
            child,
            _profile: profile,
            devtools,
        }
    }

    /// Connects to the tab Chromium opened.
    fn tab(&self) -> Tab {
        let list = eventually("a page target", || {
            let body = http_get(self.devtools, "/json/list")?;
            let targets: Vec<Value> = serde_json::from_str(&body).ok()?;
            targets
                .into_iter()
                .find(|t| t["type"] == "page")
                .and_then(|t| t["webSocketDebuggerUrl"].as_str().map(String::from))
        });
        let (socket, _) = tungstenite::connect(list.as_str()).unwrap();
        if let MaybeTlsStream::Plain(s) = socket.get_ref() {
            s.set_read_timeout(Some(PATIENCE)).unwrap();
        }
        Tab { socket, next_id: 0 }
    }
}

impl Drop for Browser {
    /// Asks Chromium to quit (SIGTERM: it then ends its helper processes itself), and
    /// kills it if it has not within a few seconds.
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A bare `GET` to Chromium's DevTools HTTP endpoint, which keeps the connection open
/// whatever the request says: read exactly `Content-Length` bytes.
fn http_get(port: u16, path: &str) -> Option<String> {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(PATIENCE)).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").ok()?;
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    String::from_utf8(body).ok()
}

/// One page, spoken to over CDP.
struct Tab {
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

impl Tab {
    /// Sends a command and waits for its answer (events in between are skipped); the
    /// answer's `result`, or its `error` while a page is (re)loading.
    fn call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let text = json!({ "id": id, "method": method, "params": params }).to_string();
        self.socket.send(Message::text(text)).unwrap();
        loop {
            let Message::Text(text) = self.socket.read().unwrap() else {
                continue;
            };
            let reply: Value = serde_json::from_str(text.as_str()).unwrap();
            if reply["id"] == id {
                return match reply.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(reply["result"].clone()),
                };
            }
        }
    }

    /// Evaluates `expression` in the page; a JSON value, or null if it threw.
    fn eval(&mut self, expression: &str) -> Value {
        let params = json!({ "expression": expression, "returnByValue": true });
        match self.call("Runtime.evaluate", params) {
            Ok(result) => result["result"]["value"].clone(),
            Err(_) => Value::Null,
        }
    }

    fn text(&mut self) -> String {
        self.eval("document.body ? document.body.innerText : ''")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn overlay(&mut self) -> Option<String> {
        self.eval("(document.getElementById('folio-overlay') || {}).innerText || null")
            .as_str()
            .map(String::from)
    }

    /// True once the live-reload script has heard from the server.
    fn live(&mut self) -> bool {
        self.eval("!!(window.__folio && window.__folio.connected && window.__folio.version)") == json!(true)
    }
}

fn eventually<T>(what: &str, check: impl FnMut() -> Option<T>) -> T {
    common::eventually_for(PATIENCE, what, check)
}

#[test]
fn an_open_page_follows_edits_errors_and_fixes() {
    let Some(binary) = chromium() else {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "Chromium is missing and CI=true: install it (apt-get install -y chromium)"
        );
        eprintln!("skipping the browser test: Chromium is not installed (apt-get install -y chromium)");
        return;
    };
    let site = tempfile::tempdir().unwrap();
    common::copy_tree(Path::new(FIXTURE), site.path());
    let options = ServeOptions {
        port: 0,
        ..ServeOptions::default()
    };
    let server = serve::start(site.path(), options, Box::new(|_| {})).unwrap();
    let browser = Browser::launch(&binary);
    let mut tab = browser.tab();
    let note = site.path().join(NOTE);
    let original = std::fs::read_to_string(&note).unwrap();

    let url = format!("{}notes/alpha/", server.url());
    tab.call("Page.navigate", json!({ "url": url })).unwrap();
    eventually("the note to load", || {
        tab.text().contains("original words").then_some(())
    });
    eventually("the live-reload connection", || tab.live().then_some(()));

    // A mark in the page's JavaScript state: a navigation would clear it, an in-place
    // swap of the new version keeps it (and the scroll position with it).
    tab.eval("window.__mark = 'kept'; window.scrollTo(0, 40); 0");
    let saved = Instant::now();
    std::fs::write(&note, original.replace("original words", "words edited on disk")).unwrap();
    eventually("the edit in the open page", || {
        tab.text().contains("words edited on disk").then_some(())
    });
    eprintln!("save to updated page: {} ms", saved.elapsed().as_millis());
    assert_eq!(
        tab.eval("window.__mark"),
        json!("kept"),
        "the page was swapped in place, not navigated"
    );
    assert!(tab.eval("window.__folio.swaps").as_u64().unwrap_or(0) >= 1);
    eventually("the live-reload connection", || tab.live().then_some(()));

    std::fs::write(&note, "---\ntitle: Alpha note\n\nThe front matter never closes.\n").unwrap();
    let overlay = eventually("the error overlay", || tab.overlay());
    assert!(overlay.contains("Build failed"), "{overlay}");
    assert!(overlay.contains("content/notes/2024-01-10-alpha.md:1"), "{overlay}");
    assert!(tab.text().contains("words edited on disk"), "the last good page stays");

    std::fs::write(&note, original.replace("original words", "words after the fix")).unwrap();
    eventually("the fixed page without overlay", || {
        (tab.overlay().is_none() && tab.text().contains("words after the fix")).then_some(())
    });
    drop(browser);
    server.shutdown();
}
