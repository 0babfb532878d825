//! The `newsdex` binary: parses arguments, runs the command, and decides the exit code.
//!
//! Exit codes: 0 success (hits found), 1 no hits, 2 usage, query or input-file errors,
//! 3 other failures (the index could not be written or read). A panic anywhere in a command is
//! caught here and reported as a damaged index (exit 3), never as a crash.

mod cli;
mod serve;

use std::io;
use std::process::ExitCode;

use clap::Parser;

// mimalloc instead of the system allocator: extraction allocates and frees many small strings
// per article (names, keys, sentences), and glibc's malloc and free took about 12 % of its CPU
// time; with mimalloc `extract` takes about 9 % less CPU (issue 17 notes, measured side by
// side). `no_thp`: mimalloc would otherwise ask for transparent huge pages, and the kernel's
// zeroing of 2 MB pages cost more system time than the allocator saved.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::args::Cli::parse();
    let index = cli.index_path().map(std::path::Path::to_path_buf);
    match guarded(|| cli::run::run(cli)) {
        Ok(Ok(code)) => code,
        Ok(Err(err)) => report_error(&err),
        Err(panic) => {
            // A panic is never the user's doing: tantivy and its column readers `unwrap` on data
            // they expect to be well formed, so with an index involved it is a damaged index.
            match index {
                Some(index) => eprintln!(
                    "newsdex: the index at {} is damaged ({panic}); rebuild it with `newsdex index --rebuild`",
                    index.display()
                ),
                None => eprintln!("newsdex: internal error ({panic}); please report it"),
            }
            ExitCode::from(3)
        }
    }
}

/// Runs the command, turning a panic (in this thread or in a worker thread that hands its panic
/// on, as rayon and scoped threads do) into its message instead of a crash. The panic hook is
/// silenced meanwhile so that the message is printed once, by the caller.
fn guarded<T>(command: impl FnOnce() -> T) -> Result<T, String> {
    let message = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let slot = std::sync::Arc::clone(&message);
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut slot) = slot.lock() {
            // The first panic is the cause; later ones are threads stopping because of it.
            slot.get_or_insert(format!("{text}{at}"));
        }
    }));
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(command)).map_err(|_| {
        message
            .lock()
            .ok()
            .and_then(|m| m.clone())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

/// Prints a command's error once and picks its exit code.
fn report_error(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    // The causes, each once: an error that already names its cause (`PATH: No such file or
    // directory`) does not get it repeated.
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    eprintln!("newsdex: {message}");
    let usage = err
        .downcast_ref::<newsdex::Error>()
        .is_some_and(newsdex::Error::is_usage);
    ExitCode::from(if usage { 2 } else { 3 })
}

/// Whether writing to stdout failed because the reader went away (`newsdex search x | head`).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
