//! Commands about the tool itself: `completions`, `man`, and the hidden `synth` corpus writer.

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::super::args::{Args, CompletionsArgs, SynthArgs};
use super::super::Outcome;
use crate::output::Out;

/// `completions SHELL`.
pub fn completions(out: &mut Out, a: CompletionsArgs) -> Result<Outcome> {
    let mut cmd = Args::command();
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "storyline", &mut buf);
    out.raw(&String::from_utf8_lossy(&buf))?;
    Ok(Outcome::Ok)
}

/// `man`: the man page (roff).
pub fn man(out: &mut Out) -> Result<Outcome> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Args::command()).render(&mut buf)?;
    out.raw(&String::from_utf8_lossy(&buf))?;
    Ok(Outcome::Ok)
}

/// `synth`: a synthetic wire corpus (for benchmarks); prints its folder.
pub fn synth(out: &mut Out, a: SynthArgs) -> Result<Outcome> {
    crate::synth::write_stories(&a.out, a.articles, a.seed, a.threads.max(1))
        .with_context(|| format!("cannot write {}", a.out.display()))?;
    out.line(&a.out.display().to_string())?;
    Ok(Outcome::Ok)
}
