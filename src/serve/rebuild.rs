//! The rebuild loop shared by `folio serve` and `folio build --watch`: wait for a batch
//! of changes, fold in whatever else queued up meanwhile, rebuild once, hand the outcome
//! on. The build is an [`incremental::Build`] that lives as long as the loop: it finds
//! what changed by itself (file stamps), so a change the watcher missed is still picked
//! up, and on error it writes nothing, so the previous output stays.

use std::sync::mpsc::Receiver;
use std::time::Instant;

use crate::Report;
use crate::diag::Diagnostic;
use crate::incremental;

use super::classify::ChangeSet;
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
pub fn run_loop(
    rx: &Receiver<Message>,
    watch: &mut Watch,
    build: &mut incremental::Build,
    mut on_outcome: impl FnMut(Outcome),
    mut on_watch_error: impl FnMut(&str),
) {
    while let Ok(first) = rx.recv() {
        let received = Instant::now();
        let mut changes = ChangeSet::default();
        let mut pending = Some(first);
        while let Some(message) = pending.take().or_else(|| rx.try_recv().ok()) {
            match message {
                Message::Stop => return,
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
        // The pages first: the browser reloads while the figure exports are written.
        let result = build.run_pages();
        on_outcome(Outcome {
            changes,
            result,
            received,
        });
        if let Err(e) = build.finish() {
            on_watch_error(&e.to_string());
        }
    }
}
