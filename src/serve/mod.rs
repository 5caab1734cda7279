//! Live preview: `folio serve` and `folio build --watch`.
//!
//! ```text
//! notify ─debounce─▶ ChangeSet ─▶ Build::preview ─────────────▶ Shared ─▶ WebSocket (the note's tab)
//!  (watch.rs)        (classify.rs)   Build::run_pages_unless ─▶ Outcome ─┬─▶ terminal (callback)
//!                                    (rebuild.rs: the loop)              └─▶ Shared ─▶ WebSocket
//!                                                        (live.rs: swap or reload / css / overlay)
//! axum ─▶ files of the serve folder only (http.rs)
//! ```
//!
//! The serve loop owns one `Arc<Shared>` (the serve folder, the last build error, the
//! notice channel) and hands it to the HTTP server; nothing else is shared. The site is
//! built into a folder of the OS temp dir, never into the site's own output folder, with
//! `base_url` set to the server's address and the live-reload script injected.

pub mod classify;
pub mod http;
pub mod live;
pub mod rebuild;
pub mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::BuildOptions;
use crate::render::RenderOptions;

pub use classify::{ChangeKind, ChangeSet, classify};
pub use live::{Notice, Shared, Status};
pub use rebuild::Outcome;

/// How long the file system must stay quiet before a batch of changes is built: long
/// enough to cover an editor's save (temp file, rename, backup: microseconds apart),
/// short enough not to be felt. A slower sequence (a git checkout) may arrive as several
/// batches: each newer one stops the rebuild of the one before between stages, so the
/// site is rebuilt about once more rather than once per batch (a stage already writing
/// may still publish a half-applied checkout for a moment; the next build corrects it).
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// What the caller hears after each build (the first one included).
pub type OnOutcome = Box<dyn FnMut(&Outcome) + Send>;

/// Options of `folio serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on (loopback by default).
    pub bind: IpAddr,
    /// Port; 0 picks a free one (see [`Server::addr`]).
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// Serve folder; by default a fresh folder in the OS temp dir, removed on shutdown.
    pub out: Option<PathBuf>,
    /// Quiet time before a batch of changes is built.
    pub debounce: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 1111,
            drafts: false,
            out: None,
            debounce: DEBOUNCE,
        }
    }
}

/// Why serving or watching could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The folder has no site.toml.
    #[error("{0} has no site.toml; run folio in a site folder or pass -C DIR")]
    NoSite(PathBuf),
    /// The address is taken or not ours.
    #[error("cannot listen on {addr}: {source}; try another --port or --bind")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why it failed.
        source: std::io::Error,
    },
    /// A folder could not be read or created.
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
    /// The file watcher could not start.
    #[error("cannot watch the site for changes: {0}")]
    Watch(#[from] notify::Error),
}

/// A running dev server. Dropping it (or [`Server::shutdown`]) stops the server and the
/// watcher and removes the serve folder it created.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    runtime: Option<tokio::runtime::Runtime>,
    stop_loop: Sender<watch::Message>,
    loop_thread: Option<JoinHandle<()>>,
    stop_http: Option<tokio::sync::oneshot::Sender<()>>,
    created: Option<PathBuf>,
}

impl Server {
    /// The address the server listens on (with the real port when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The site's address, e.g. `http://127.0.0.1:1111/`.
    pub fn url(&self) -> String {
        base_url(self.addr)
    }

    /// The folder the site is built into and served from.
    pub fn out(&self) -> &Path {
        &self.shared.out
    }

    /// The current build status (version and last error).
    pub fn status(&self) -> Status {
        self.shared.status()
    }

    /// Blocks until Ctrl-C (or, on Unix, SIGTERM), so the caller can shut down cleanly.
    pub fn wait_for_ctrl_c(&self) {
        let Some(rt) = &self.runtime else {
            return;
        };
        rt.block_on(async {
            #[cfg(unix)]
            {
                use tokio::signal::unix::{SignalKind, signal};
                if let Ok(mut term) = signal(SignalKind::terminate()) {
                    tokio::select! {
                        _ = tokio::signal::ctrl_c() => {}
                        _ = term.recv() => {}
                    }
                    return;
                }
            }
            let _ = tokio::signal::ctrl_c().await;
        });
    }

    /// Stops serving and watching and removes the serve folder it created.
    pub fn shutdown(self) {
        drop(self);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.stop_loop.send(watch::Message::Stop);
        if let Some(t) = self.loop_thread.take() {
            let _ = t.join();
        }
        if let Some(stop) = self.stop_http.take() {
            let _ = stop.send(());
        }
        // Open WebSockets never finish on their own; give requests a moment, then drop.
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_timeout(Duration::from_millis(500));
        }
        if let Some(dir) = &self.created {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The base URL pages get when served at `addr` (an unspecified address is reached
/// through loopback).
fn base_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

/// Builds the site in `root`, serves it and rebuilds on every change until the returned
/// [`Server`] is dropped. The first build has finished (or failed: the error is then
/// served as an overlay) when this returns; `on_outcome` hears about it and every later
/// build.
pub fn start(root: &Path, options: ServeOptions, mut on_outcome: OnOutcome) -> Result<Server, ServeError> {
    let root = site_root(root)?;
    let wanted = SocketAddr::new(options.bind, options.port);
    let listener = TcpListener::bind(wanted)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|source| ServeError::Bind { addr: wanted, source })?;
    let addr = listener.local_addr().map_err(|e| ServeError::Io(root.clone(), e))?;
    let (out, created) = serve_folder(&options, addr)?;
    let shared = Shared::new(out.clone());
    let build = BuildOptions {
        drafts: options.drafts,
        out: Some(out.clone()),
        base_url: Some(base_url(addr)),
        render: RenderOptions {
            inject: Some(live::script()),
        },
    };
    let (tx, rx) = mpsc::channel();
    let mut watch = watch::Watch::start(&root, vec![out.clone()], options.debounce, tx.clone()).inspect_err(|_| {
        if let Some(dir) = &created {
            let _ = std::fs::remove_dir_all(dir);
        }
    })?;
    let mut build = crate::incremental::Build::new(&root, build);
    let first = first_build(&mut build);
    shared.publish(&first);
    on_outcome(&first);
    // Requests wait in the listener's queue until the first build is complete: nobody
    // sees a half-written site (the address is bound first, since base_url names it).
    let (runtime, stop_http) = serve_http(listener, Arc::clone(&shared)).map_err(|e| ServeError::Io(out.clone(), e))?;
    let loop_shared = Arc::clone(&shared);
    let loop_thread = std::thread::spawn(move || {
        let publish = |o: rebuild::Outcome| {
            loop_shared.publish(&o);
            on_outcome(&o);
        };
        let mut preview = |p: &crate::incremental::Preview| loop_shared.publish_preview(p);
        rebuild::run_loop(&rx, &mut watch, &mut build, Some(&mut preview), publish, watch_error);
    });
    Ok(Server {
        addr,
        shared,
        runtime: Some(runtime),
        stop_loop: tx,
        loop_thread: Some(loop_thread),
        stop_http: Some(stop_http),
        created,
    })
}

/// Starts answering requests on `listener` on a runtime of its own; the sender stops it.
fn serve_http(
    listener: TcpListener,
    shared: Arc<Shared>,
) -> std::io::Result<(tokio::runtime::Runtime, tokio::sync::oneshot::Sender<()>)> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let app = http::router(shared);
    let listener = {
        let _entered = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    runtime.spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await;
    });
    Ok((runtime, stop))
}

/// `folio build --watch`: builds the site with `options`, then rebuilds on every change,
/// forever (until the process is stopped). `on_outcome` hears about every build.
pub fn watch(
    root: &Path,
    options: BuildOptions,
    debounce: Duration,
    mut on_outcome: OnOutcome,
) -> Result<(), ServeError> {
    let root = site_root(root)?;
    // With a broken site.toml the output folder is unknown; classify ignores it anyway
    // unless it lies inside a source folder, which the build refuses.
    let ignored = crate::configure(&root, &options)
        .map(|(config, _)| vec![config.output_path()])
        .unwrap_or_default();
    let (tx, rx) = mpsc::channel();
    let mut watch = watch::Watch::start(&root, ignored, debounce, tx)?;
    let mut build = crate::incremental::Build::new(&root, options);
    on_outcome(&first_build(&mut build));
    rebuild::run_loop(&rx, &mut watch, &mut build, None, |o| on_outcome(&o), watch_error);
    Ok(())
}

/// Opens `url` in the desktop's browser if an opener is installed; failure is ignored
/// (the address is printed anyway).
pub fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

fn site_root(root: &Path) -> Result<PathBuf, ServeError> {
    let root = root.canonicalize().map_err(|e| ServeError::Io(root.to_path_buf(), e))?;
    if !root.join(crate::config::CONFIG_FILE).is_file() {
        return Err(ServeError::NoSite(root));
    }
    Ok(root)
}

/// The serve folder, and the folder to remove on shutdown if we created one.
fn serve_folder(options: &ServeOptions, addr: SocketAddr) -> Result<(PathBuf, Option<PathBuf>), ServeError> {
    if let Some(out) = &options.out {
        return Ok((out.clone(), None));
    }
    let dir = std::env::temp_dir().join(format!("folio-serve-{}-{}", std::process::id(), addr.port()));
    std::fs::create_dir_all(&dir).map_err(|e| ServeError::Io(dir.clone(), e))?;
    let dir = dir.canonicalize().map_err(|e| ServeError::Io(dir.clone(), e))?;
    Ok((dir.join("site"), Some(dir)))
}

fn first_build(build: &mut crate::incremental::Build) -> Outcome {
    let received = Instant::now();
    Outcome {
        changes: ChangeSet::default(),
        result: build.run(),
        received,
    }
}

fn watch_error(error: &str) {
    eprintln!("warning: watching for changes: {error}");
}
