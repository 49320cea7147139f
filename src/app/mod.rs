//! The command layer: clap arguments, the one `Config` built from them, and one function per command.
//!
//! `main` calls [`parse`] and [`run`]. `run` builds the [`Config`] once, hands the subcommand to
//! its function in `commands`, and flushes stdout with [`Out::finish`]. Only this layer prints:
//! results go to stdout through [`Out`], and the library's talk (progress, warnings) reaches
//! stderr through the config's [`crate::talk::Talk`]. No module below this one imports it.

pub mod args;
mod commands;
pub mod config;
pub mod defaults;

use anyhow::{Context, Result};
use clap::Parser;

use crate::output::Out;
use crate::store::StoreError;

pub use args::Args;
pub use config::{Config, DEFAULT_DB};

/// What went wrong, as the exit code sees it.
pub enum Outcome {
    Ok,
    /// Some inputs failed (already reported); the rest was done.
    Partial,
}

impl Outcome {
    /// `Partial` when any input failed.
    pub fn partial_if(failed: bool) -> Outcome {
        if failed {
            Outcome::Partial
        } else {
            Outcome::Ok
        }
    }
}

/// Parse the process arguments (clap prints help, version and usage errors itself).
pub fn parse() -> Args {
    Args::parse()
}

/// Run one parsed command.
pub fn run(args: Args) -> Result<Outcome> {
    let cfg = Config::new(&args);
    let mut out = Out::new(cfg.color);
    let result = match commands::run(args.command, &cfg, &mut out) {
        // Every command ends here: a failed flush is an error (a closed pipe is not, see main).
        Ok(outcome) => out
            .finish()
            .map(|()| outcome)
            .context("cannot write to stdout"),
        // What was printed before the error is flushed when `out` drops.
        Err(e) => Err(e),
    };
    // A damaged page found by a later query: say which file.
    result.map_err(|e| {
        let corrupt = e
            .chain()
            .filter_map(|c| c.downcast_ref::<StoreError>())
            .any(|s| s.is_corrupt() && !matches!(s, StoreError::Corrupt { .. }));
        if corrupt {
            e.context(format!(
                "database {} is damaged; restore it from a backup",
                cfg.db.display()
            ))
        } else {
            e
        }
    })
}
