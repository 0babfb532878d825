//! The `index` progress bar: files done / total, MB/s and ETA on stderr, only when stderr is a
//! terminal; problems with files and lines are printed above it.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsdex::index::{Observer, Skipped};
use newsdex::ingest::metadata::BadLine;

/// Reports an indexing run on stderr.
pub struct Progress {
    bar: Option<ProgressBar>,
    bytes: AtomicU64,
    started: Instant,
}

impl Progress {
    /// A reporter; `bar` says whether to draw a progress bar.
    pub fn new(bar: bool) -> Progress {
        let bar = bar.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style =
                ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  ETA {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            bytes: AtomicU64::new(0),
            started: Instant::now(),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn print(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
}

impl Observer for Progress {
    fn skipped(&self, skipped: &Skipped) {
        self.print(format!(
            "newsdex: {}: {}",
            skipped.path.display(),
            skipped.reason
        ));
    }

    fn note(&self, path: &Path, note: &str) {
        self.print(format!("newsdex: {}: {note}", path.display()));
    }

    fn bad_line(&self, bad: &BadLine) {
        self.print(format!(
            "newsdex: {}:{}: {}",
            bad.path.display(),
            bad.line,
            bad.reason
        ));
    }

    fn wants_total(&self) -> bool {
        self.bar.is_some()
    }

    fn started(&self, files: u64, _bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(files);
        }
    }

    fn advanced(&self, files: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
            let secs = self.started.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!("{:.1} MB/s", total as f64 / 1e6 / secs));
            bar.inc(files);
        }
    }
}
