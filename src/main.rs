//! The `papermeta` binary: a thin shell over the library.

mod cli;

use std::io::Write;
use std::process::ExitCode;

/// On SIGINT, SIGTERM or SIGHUP, the temporaries of outputs being written are removed before
/// the process ends (with the shell's `128 + signal` status).
fn remove_temporaries_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            papermeta::output::remove_pending_temporaries();
            std::process::exit(128 + signal);
        }
    });
}

fn main() -> ExitCode {
    remove_temporaries_on_signals();
    match cli::run() {
        Ok(status) => ExitCode::from(status),
        Err(err) => {
            let status = err
                .downcast_ref::<cli::Failure>()
                .map_or(cli::EXIT_USAGE, |f| f.status);
            // A closed stderr is no reason to panic.
            let _ = writeln!(std::io::stderr(), "papermeta: {err:#}");
            ExitCode::from(status)
        }
    }
}
