//! Watching the site's sources with notify, debounced, as batches of [`ChangeSet`]s.
//!
//! The site root is watched on its own (not recursively: `target/` or `.git` may be huge)
//! to see `site.toml` and the creation of the source folders; `content/`, `templates/`,
//! `static/` and `themes/` are watched recursively, and a source folder created or
//! re-created later is picked up. notify-debouncer-full pairs the two halves of a rename
//! and remembers file ids, so an editor's atomic save (write a temp file, rename it over)
//! arrives as a change of the real file.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::RecursiveMode;
use notify::event::{AccessKind, AccessMode, EventKind};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::classify::ChangeSet;

/// The folders of the site root that are watched recursively.
pub const SOURCE_DIRS: [&str; 4] = ["content", "templates", "static", "themes"];

/// What the watch thread sends to the rebuild loop.
#[derive(Debug)]
pub enum Message {
    /// A debounced batch of changes (possibly empty once classified).
    Changes(ChangeSet),
    /// The watcher failed on some paths; the loop reports it and goes on.
    Error(String),
    /// Stop the loop (sent by whoever owns the loop).
    Stop,
}

/// True for events that may change a file's content, name or existence. Reads are
/// reported too (`Access`), and a build reads every source: counting them would make
/// each build trigger the next.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// A running watcher of one site. Dropping it stops watching.
pub struct Watch {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

impl Watch {
    /// Starts watching `root`; batches are sent to `tx` after `debounce` of quiet.
    /// Paths under `ignored` (output and staging folders) never make a batch.
    pub fn start(root: &Path, ignored: Vec<PathBuf>, debounce: Duration, tx: Sender<Message>) -> notify::Result<Watch> {
        let root_for_events = root.to_path_buf();
        let handler = move |result: DebounceEventResult| {
            let message = match result {
                Ok(events) => Message::Changes(ChangeSet::from_paths(
                    &root_for_events,
                    &ignored,
                    events
                        .iter()
                        .filter(|e| is_change(&e.event.kind))
                        .flat_map(|e| e.event.paths.iter().map(PathBuf::as_path)),
                )),
                Err(errors) => Message::Error(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
            };
            // Events that only touched ignored paths make no batch (they would only wake
            // the loop, and stop a rebuild for nothing).
            if matches!(&message, Message::Changes(set) if set.is_empty()) {
                return;
            }
            // The loop has ended when this fails: nothing left to tell.
            let _ = tx.send(message);
        };
        let debouncer = new_debouncer(debounce, None, handler)?;
        let mut watch = Watch {
            debouncer,
            root: root.to_path_buf(),
            watched: Vec::new(),
        };
        watch.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        watch.refresh(&ChangeSet::default());
        Ok(watch)
    }

    /// Watches the source folders that exist now and were not watched yet, forgets the
    /// ones that went away, and watches again those that `changes` names themselves
    /// (deleted and re-created folders lose their inotify watch).
    pub fn refresh(&mut self, changes: &ChangeSet) {
        for name in SOURCE_DIRS {
            let dir = self.root.join(name);
            let renewed = changes.iter().any(|(p, _)| p == Path::new(name));
            if renewed && self.watched.contains(&dir) {
                let _ = self.debouncer.unwatch(&dir);
                self.watched.retain(|d| d != &dir);
            }
            let known = self.watched.contains(&dir);
            let exists = dir.is_dir();
            if exists && !known && self.debouncer.watch(&dir, RecursiveMode::Recursive).is_ok() {
                self.watched.push(dir);
            } else if !exists && known {
                let _ = self.debouncer.unwatch(&dir);
                self.watched.retain(|d| d != &dir);
            }
        }
    }

    /// True when `changes` names a source folder itself (created, removed, renamed).
    pub fn touches_source_dirs(changes: &ChangeSet) -> bool {
        changes
            .iter()
            .any(|(p, _)| SOURCE_DIRS.iter().any(|d| p == Path::new(d)))
    }
}
