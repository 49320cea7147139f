//! One function per command, grouped by family; [`run`] hands each subcommand to its function.

mod demo;
mod draw;
mod extract;
mod ingest;
mod listings;
mod tools;

use anyhow::{bail, Result};

use super::args::Command;
use super::{Config, Outcome};
use crate::output::Out;

/// Run one subcommand.
pub fn run(command: Command, cfg: &Config, out: &mut Out) -> Result<Outcome> {
    match command {
        Command::Ingest(a) => ingest::ingest(cfg, a),
        Command::Source(cmd) => ingest::source(cfg, out, cmd),
        Command::Follow(a) => ingest::follow(cfg, out, a),
        Command::Threads(a) => listings::threads(cfg, out, a),
        Command::Thread(cmd) => listings::thread(cfg, out, cmd),
        Command::Articles(a) => listings::articles(cfg, out, a),
        Command::Claims(a) => listings::claims(cfg, out, a),
        Command::Events(a) => listings::events(cfg, out, a),
        Command::Contradictions(a) => listings::contradictions(cfg, out, a),
        Command::Search(a) => listings::search(cfg, out, a),
        Command::Actor(cmd) => listings::actor(cfg, out, cmd),
        Command::Timeline(a) => draw::timeline(cfg, out, a),
        Command::Chart(cmd) => draw::chart(cfg, out, cmd),
        Command::Report(a) => draw::report(cfg, out, a),
        Command::Export(a) => draw::export(cfg, out, a),
        Command::Extract(a) => extract::extract(cfg, out, a),
        Command::Tag(a) => extract::tag(out, a),
        Command::Demo(a) => demo::demo(cfg, out, a),
        Command::Eval(cmd) => demo::eval(cfg, out, cmd),
        Command::Completions(a) => tools::completions(out, a),
        Command::Man => tools::man(out),
        Command::Synth(a) => tools::synth(out, a),
    }
}

/// Refuse a thread slug outside `[a-z0-9-]+` (it becomes a folder name under `--out`).
fn check_slug(slug: &str) -> Result<()> {
    if !crate::thread::valid_slug(slug) {
        bail!(
            "invalid thread name {slug:?}: use lowercase letters, digits and dashes (like aleppo-truce)"
        );
    }
    Ok(())
}
