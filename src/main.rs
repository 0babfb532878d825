//! The `newsdex` binary: parses arguments, runs the command, and decides the exit code.
//!
//! Exit codes: 0 success (hits found), 1 no hits, 2 usage, query or input-file errors,
//! 3 other failures (the index could not be written or read).

mod cli;

use std::io;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match cli::run::run(cli::args::Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdex: {err:#}");
            let usage = err
                .downcast_ref::<newsdex::Error>()
                .is_some_and(newsdex::Error::is_usage);
            ExitCode::from(if usage { 2 } else { 3 })
        }
    }
}

/// Whether writing to stdout failed because the reader went away (`newsdex search x | head`).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
