//! The rebuild loop shared by `folio serve` and `folio build --watch`: wait for a batch
//! of changes, fold in whatever else queued up meanwhile, rebuild once, hand the outcome
//! on. The build is an [`incremental::Build`] that lives as long as the loop: it finds
//! what changed by itself (file stamps), so a change the watcher missed is still picked
//! up, and on error it writes nothing, so the previous output stays.

use std::cell::RefCell;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use crate::Report;
use crate::diag::Diagnostic;
use crate::incremental;

use super::classify::{ChangeKind, ChangeSet};
use super::watch::{Message, Watch};

/// What one rebuild did, for the terminal and the browser.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// What changed (empty for the first build).
    pub changes: ChangeSet,
    /// The build's report, or every diagnostic if it failed.
    pub result: Result<Report, Vec<Diagnostic>>,
    /// When the first change of the batch was received (to measure save-to-served).
    pub received: Instant,
}

impl Outcome {
    /// The error diagnostics of a failed build as `file:line:col: error: message` lines
    /// (each with its `help:`), or `None` after a good build.
    pub fn error_text(&self) -> Option<String> {
        let diags = self.result.as_ref().err()?;
        let errors: Vec<String> = diags
            .iter()
            .filter(|d| d.is_error(false))
            .map(ToString::to_string)
            .collect();
        Some(if errors.is_empty() {
            "the build failed without an error message".to_string()
        } else {
            errors.join("\n")
        })
    }
}

/// Runs builds until [`Message::Stop`] arrives or every sender is gone: one build per
/// batch, batches that queued up during a build folded into the next one.
///
/// With `on_preview` (the dev server), a batch of edited notes is first previewed
/// ([`incremental::Build::preview`]): their pages are written and announced before the
/// rest of the site is rebuilt.
pub fn run_loop(
    rx: &Receiver<Message>,
    watch: &mut Watch,
    build: &mut incremental::Build,
    mut on_preview: Option<&mut dyn FnMut(&incremental::Preview)>,
    mut on_outcome: impl FnMut(Outcome),
    mut on_watch_error: impl FnMut(&str),
) {
    // A rebuild given up for a newer save: its changes and the message that stopped it.
    let mut carried: Option<(ChangeSet, Instant)> = None;
    let mut stashed: Option<Message> = None;
    while let Some(first) = stashed.take().or_else(|| rx.recv().ok()) {
        let (mut changes, received) = carried.take().unwrap_or_else(|| (ChangeSet::default(), Instant::now()));
        let mut pending = Some(first);
        while let Some(message) = pending.take().or_else(|| rx.try_recv().ok()) {
            match message {
                Message::Stop => {
                    // Exports half written in the background would be lost: finish them.
                    if let Err(e) = build.settle() {
                        on_watch_error(&e.to_string());
                    }
                    return;
                }
                Message::Error(e) => on_watch_error(&e),
                Message::Changes(more) => changes.merge(more),
            }
        }
        if changes.is_empty() {
            continue;
        }
        if Watch::touches_source_dirs(&changes) {
            watch.refresh(&changes);
        }
        if let Some(on_preview) = on_preview.as_mut()
            && changes.iter().all(|(_, kind)| kind == ChangeKind::Content)
        {
            let paths: Vec<std::path::PathBuf> = changes.iter().map(|(p, _)| p.to_path_buf()).collect();
            if let Some(preview) = build.preview(&paths) {
                on_preview(&preview);
            }
        }
        // A newer save stops the rebuild between stages: it is previewed at once, and
        // the next rebuild covers both.
        let newer: RefCell<Option<Message>> = RefCell::new(None);
        let stop = || {
            if newer.borrow().is_none()
                && let Ok(message) = rx.try_recv()
            {
                *newer.borrow_mut() = Some(message);
            }
            newer.borrow().is_some()
        };
        // The pages first: the browser reloads while the figure exports are written.
        let Some(result) = build.run_pages_unless(&stop).transpose() else {
            carried = Some((changes, received));
            stashed = newer.into_inner();
            continue;
        };
        on_outcome(Outcome {
            changes,
            result,
            received,
        });
        // The exports are written while the loop waits for the next save (and not at all
        // if one is already queued: the next build writes them).
        if !stop()
            && let Err(e) = build.finish_in_background()
        {
            on_watch_error(&e.to_string());
        }
        stashed = newer.into_inner();
    }
}
