//! The `papermeta` binary: a thin shell over the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(status) => ExitCode::from(status),
        Err(err) => {
            let status = err
                .downcast_ref::<cli::Failure>()
                .map_or(cli::EXIT_USAGE, |f| f.status);
            eprintln!("papermeta: {err:#}");
            ExitCode::from(status)
        }
    }
}
