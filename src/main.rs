//! The storyline binary: parse arguments, run, map the result to an exit code.

fn main() {}
