//! Live reload: the state the server shares with the rebuild loop, the notices sent to
//! open tabs over a WebSocket at `/__folio/events`, and the script that receives them.
//!
//! The protocol is one JSON object per message, server to browser only:
//! `{"type":"hello","version":…,"error":…}` on connect (the last build error, if the site
//! is broken, so a page opened meanwhile shows the overlay at once),
//! `{"type":"reload","paths":[…]}` (a tab showing one of these URL paths fetches its page
//! again and swaps the new body in, keeping its scroll position; without `paths`, every
//! tab reloads), `{"type":"css"}` (swap stylesheets only) and
//! `{"type":"error","error":"file:line:col: error: …"}`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tokio::sync::broadcast;

use super::rebuild::Outcome;

/// The path of the live-reload endpoint (origin-relative).
pub const EVENTS_PATH: &str = "/__folio/events";
/// The path of the status report (JSON: version and last error).
pub const STATUS_PATH: &str = "/__folio/status";

/// The live-reload script, injected before `</body>` of every page in serve mode.
pub fn script() -> String {
    format!("<script>{}</script>\n", include_str!("live.js"))
}

/// A message to every open tab.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Notice {
    /// Sent on connect: the current version, and the build error if the site is broken.
    Hello {
        /// Changes on every good build and on every server start.
        version: String,
        /// The last build's errors, if it failed.
        error: Option<String>,
    },
    /// Reload the page, if it is one of `paths` (URL paths), or whatever it is when
    /// there are no paths.
    Reload {
        /// The pages that changed.
        #[serde(skip_serializing_if = "Option::is_none")]
        paths: Option<Vec<String>>,
    },
    /// Only stylesheets changed: re-fetch them, keep the page.
    Css,
    /// The build failed: show these errors over the page.
    Error {
        /// `file:line:col: error: message` lines.
        error: String,
    },
}

/// Where the served site stands.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// Changes on every good build and on every server start.
    pub version: String,
    /// The last build's errors, if it failed (the previous good site is still served).
    pub error: Option<String>,
}

/// What the HTTP server and the rebuild loop share; one `Arc` of it is created by
/// [`super::start`] and handed to both.
pub struct Shared {
    /// The folder the site is built into and served from.
    pub out: PathBuf,
    instance: String,
    generation: Mutex<(u64, Option<String>)>,
    notices: broadcast::Sender<Notice>,
}

impl Shared {
    /// State for a server serving `out`.
    pub fn new(out: PathBuf) -> Arc<Shared> {
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let (notices, _) = broadcast::channel(64);
        Arc::new(Shared {
            out,
            instance: format!("{:x}{:x}", started, std::process::id()),
            generation: Mutex::new((0, None)),
            notices,
        })
    }

    /// The current status.
    pub fn status(&self) -> Status {
        let state = self.generation.lock().unwrap_or_else(PoisonError::into_inner);
        Status {
            version: format!("{}.{}", self.instance, state.0),
            error: state.1.clone(),
        }
    }

    /// Records a build's outcome and tells the open tabs.
    pub fn publish(&self, outcome: &Outcome) {
        let notice = {
            let mut state = self.generation.lock().unwrap_or_else(PoisonError::into_inner);
            match outcome.error_text() {
                Some(error) => {
                    state.1 = Some(error.clone());
                    Notice::Error { error }
                }
                None => {
                    let was_broken = state.1.take().is_some();
                    state.0 += 1;
                    if outcome.changes.styles_only() && !was_broken {
                        Notice::Css
                    } else {
                        let paths = outcome.result.as_ref().ok().and_then(|r| r.changed.clone());
                        Notice::Reload { paths }
                    }
                }
            }
        };
        // No receiver means no tab is open: nothing to tell.
        let _ = self.notices.send(notice);
    }

    /// Tells the tabs showing the notes a preview wrote to reload (nothing while the
    /// site is broken: the overlay stays until a build succeeds).
    pub fn publish_preview(&self, preview: &crate::incremental::Preview) {
        let notice = {
            let mut state = self.generation.lock().unwrap_or_else(PoisonError::into_inner);
            if state.1.is_some() {
                return;
            }
            state.0 += 1;
            Notice::Reload {
                paths: Some(preview.urls.clone()),
            }
        };
        let _ = self.notices.send(notice);
    }

    fn hello(&self) -> Notice {
        let Status { version, error } = self.status();
        Notice::Hello { version, error }
    }
}

/// `GET /__folio/status`: the status as JSON.
pub async fn status(State(shared): State<Arc<Shared>>) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], axum::Json(shared.status())).into_response()
}

/// `GET /__folio/events`: upgrades to a WebSocket that carries [`Notice`]s. Refuses
/// pages of other origins (a WebSocket is not bound by the same-origin policy).
pub async fn events(State(shared): State<Arc<Shared>>, headers: HeaderMap, upgrade: WebSocketUpgrade) -> Response {
    if !same_origin(&headers) {
        return (StatusCode::FORBIDDEN, "cross-origin live reload refused\n").into_response();
    }
    upgrade.on_upgrade(move |socket| talk(socket, shared))
}

/// True when the request has no `Origin` (not a browser page) or the page's origin is
/// this server as the browser addressed it.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin = origin.to_str().ok().and_then(|o| o.strip_prefix("http://"));
    matches!((origin, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

async fn talk(mut socket: WebSocket, shared: Arc<Shared>) {
    // Subscribe before reading the status, so no notice falls between the two.
    let mut notices = shared.notices.subscribe();
    if send(&mut socket, &shared.hello()).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            notice = notices.recv() => match notice {
                Ok(n) => if send(&mut socket, &n).await.is_err() { return },
                // Missed some notices: whatever they were, a reload catches up.
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    if send(&mut socket, &Notice::Reload { paths: None }).await.is_err() { return }
                }
                Err(broadcast::error::RecvError::Closed) => return,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => return,
                Some(Ok(_)) => {}
            },
        }
    }
}

async fn send(socket: &mut WebSocket, notice: &Notice) -> Result<(), axum::Error> {
    let text = serde_json::to_string(notice).unwrap_or_default();
    socket.send(Message::Text(text.into())).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn notices_are_tagged_json() {
        let n = Notice::Error {
            error: "content/a.md:2: error: x".into(),
        };
        assert_eq!(
            serde_json::to_string(&n).unwrap(),
            r#"{"type":"error","error":"content/a.md:2: error: x"}"#
        );
        assert_eq!(serde_json::to_string(&Notice::Css).unwrap(), r#"{"type":"css"}"#);
    }

    #[test]
    fn other_origins_are_refused() {
        let mut h = HeaderMap::new();
        assert!(same_origin(&h));
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:1111"));
        h.insert(header::ORIGIN, HeaderValue::from_static("http://127.0.0.1:1111"));
        assert!(same_origin(&h));
        h.insert(header::ORIGIN, HeaderValue::from_static("http://evil.example"));
        assert!(!same_origin(&h));
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(!same_origin(&h));
    }
}
