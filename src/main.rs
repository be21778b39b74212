//! The `tillit` command: a thin shell around the library.
//!
//! `main` runs the command, prints an error with its chain of causes, and
//! maps it to an exit code: 0 success, 2 a usage or scenario error, 1 a
//! failure while running. A closed pipe on stdout ends quietly with 0.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::install_panic_hook();
    match cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", cli::safe(&format!("error: {err:#}")));
            ExitCode::from(cli::exit_code(&err))
        }
    }
}
