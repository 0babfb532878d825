/*!
What every request shares: the opened archive, kept up to date with the index ([`Live`]), and
the gate that runs searches off the async threads within a time limit ([`AppState::run`]).

# The live archive

`newsdex index` commits new articles to the index while the server runs. Once a second the server
looks at the index's `meta.json` (tantivy rewrites it atomically at every commit) and at the
aliases file; when either changed, it opens the archive again and swaps it in. Requests already
running finish on the archive they started with (it is shared by `Arc`), and a failed reopen (an
index being rebuilt from scratch) keeps the old one and says so on stderr. Reopening rather than
reloading the reader alone also picks up a changed aliases file and the name list resolved from it.

# Bounded work

Searches run on tokio's blocking threads, at most [`AppState::searches`] at once; a request waits
for a slot and for its search within the time limit, and gets 503 past it. tantivy cannot stop a
search half-way: a search that outlives its request keeps its slot until it ends, so slow
searches cannot pile up beyond the slots however many requests ask for them.
*/

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use newsdex::query::archive::Archive;
use tokio::sync::Semaphore;

use crate::serve::error::ServeError;

/// How often the index is checked for new commits.
pub const WATCH_EVERY: Duration = Duration::from_secs(1);

/// What identifies a version of the index and of the aliases: modification times and sizes.
type Stamp = Vec<Option<(SystemTime, u64)>>;

/// The archive being served, reopened when the index changes.
pub struct Live {
    index: PathBuf,
    aliases: Option<PathBuf>,
    current: RwLock<Arc<Archive>>,
    stamp: Mutex<Stamp>,
}

impl Live {
    /// Opens the archive at `index` (with the aliases of `aliases`, or of the index's own
    /// `aliases.toml`).
    ///
    /// # Errors
    ///
    /// As [`Archive::open_with_aliases`].
    pub fn open(index: &Path, aliases: Option<&Path>) -> newsdex::Result<Live> {
        let stamp = stamp(index, aliases);
        let archive = Archive::open_with_aliases(index, aliases)?;
        Ok(Live {
            index: index.to_path_buf(),
            aliases: aliases.map(Path::to_path_buf),
            current: RwLock::new(Arc::new(archive)),
            stamp: Mutex::new(stamp),
        })
    }

    /// The archive as of the last commit seen.
    pub fn archive(&self) -> Arc<Archive> {
        self.current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Reopens the archive if the index or the aliases changed since the last look; says
    /// whether it did. A reopen that fails keeps the archive being served.
    ///
    /// # Errors
    ///
    /// The reopen's error (the old archive is still served, and the next look tries again).
    pub fn refresh(&self) -> newsdex::Result<bool> {
        let now = stamp(&self.index, self.aliases.as_deref());
        let mut seen = self
            .stamp
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if *seen == now {
            return Ok(false);
        }
        let archive = Archive::open_with_aliases(&self.index, self.aliases.as_deref())?;
        *self
            .current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(archive);
        *seen = now;
        Ok(true)
    }
}

/// The modification times and sizes of the files whose change means a new archive.
fn stamp(index: &Path, aliases: Option<&Path>) -> Stamp {
    let own_aliases = index.join("aliases.toml");
    [
        index.join("meta.json").as_path(),
        aliases.unwrap_or(&own_aliases),
    ]
    .iter()
    .map(|path| {
        let meta = std::fs::metadata(path).ok()?;
        Some((meta.modified().ok()?, meta.len()))
    })
    .collect()
}

/// Looks for new commits every [`WATCH_EVERY`] until the server stops.
pub async fn watch(live: Arc<Live>) {
    let mut failing = false;
    loop {
        tokio::time::sleep(WATCH_EVERY).await;
        let live = live.clone();
        match tokio::task::spawn_blocking(move || live.refresh()).await {
            Ok(Ok(_)) => failing = false,
            Ok(Err(err)) => {
                // Once per failure, not every second.
                if !failing {
                    eprintln!("newsdex serve: the index changed but could not be reopened ({err}); still serving the previous version");
                }
                failing = true;
            }
            Err(err) => eprintln!("newsdex serve: reloading the index failed: {err}"),
        }
    }
}

/// What the handlers share.
pub struct AppState {
    pub live: Arc<Live>,
    /// Slots for searches running at once.
    gate: Arc<Semaphore>,
    /// How long a request may take.
    pub time_limit: Duration,
}

impl AppState {
    pub fn new(live: Arc<Live>, time_limit: Duration) -> AppState {
        AppState {
            live,
            gate: Arc::new(Semaphore::new(AppState::searches())),
            time_limit,
        }
    }

    /// How many searches run at once: twice the cores (a search is CPU and page-cache work;
    /// more at once would only queue in the kernel), at least 2.
    pub fn searches() -> usize {
        std::thread::available_parallelism().map_or(2, |n| n.get() * 2)
    }

    /// Runs `work` over the current archive on a blocking thread, within the time limit.
    ///
    /// # Errors
    ///
    /// `work`'s error; [`ServeError::Unavailable`] past the time limit; [`ServeError::Internal`]
    /// if the work panicked.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ServeError>
    where
        T: Send + 'static,
        F: FnOnce(&Archive) -> Result<T, ServeError> + Send + 'static,
    {
        let archive = self.live.archive();
        run_gated(&self.gate, self.time_limit, move || work(&archive)).await
    }
}

/// Runs `work` on a blocking thread once a slot of `gate` is free, answering within `limit`.
/// The slot is held until the work ends, even past the limit.
async fn run_gated<T, F>(gate: &Arc<Semaphore>, limit: Duration, work: F) -> Result<T, ServeError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ServeError> + Send + 'static,
{
    let deadline = tokio::time::Instant::now() + limit;
    let late = || {
        ServeError::Unavailable(format!(
            "the request took longer than the limit of {} s; narrow the query (fewer prefixes or OR terms) or add filters",
            limit.as_secs_f32()
        ))
    };
    let permit = match tokio::time::timeout_at(deadline, gate.clone().acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        Ok(Err(_)) => return Err(ServeError::Internal("the server is stopping".to_string())),
        Err(_) => return Err(late()),
    };
    let task = tokio::task::spawn_blocking(move || {
        let result = work();
        drop(permit);
        result
    });
    match tokio::time::timeout_at(deadline, task).await {
        Ok(Ok(result)) => result,
        Ok(Err(err)) => {
            eprintln!("newsdex serve: a request failed: {err}");
            Err(ServeError::Internal(
                "the request failed inside the server; it keeps serving others".to_string(),
            ))
        }
        Err(_) => Err(late()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_slow_search_gets_503_and_keeps_its_slot_until_it_ends() {
        let gate = Arc::new(Semaphore::new(1));
        let slow = run_gated(&gate, Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_millis(400));
            Ok(1)
        })
        .await;
        assert!(matches!(slow, Err(ServeError::Unavailable(_))), "{slow:?}");
        // The slow one still runs: the next request waits for its slot, past its own limit.
        let next = run_gated(&gate, Duration::from_millis(50), || Ok(2)).await;
        assert!(matches!(next, Err(ServeError::Unavailable(_))), "{next:?}");
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(
            run_gated(&gate, Duration::from_secs(5), || Ok(3)).await,
            Ok(3)
        );
    }

    #[tokio::test]
    async fn a_panic_is_a_500_and_the_gate_stays_open() {
        let gate = Arc::new(Semaphore::new(1));
        let failed: Result<(), ServeError> =
            run_gated(&gate, Duration::from_secs(5), || panic!("a bug")).await;
        assert!(matches!(failed, Err(ServeError::Internal(_))));
        assert_eq!(
            run_gated(&gate, Duration::from_secs(5), || Ok(4)).await,
            Ok(4)
        );
    }
}
