//! The storyline binary: parse arguments, run, map the result to an exit code.

use std::process::ExitCode;

use storyline::app::{parse, run, Outcome};

fn main() -> ExitCode {
    match run(parse()) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(2),
        Err(e) => {
            // A closed pipe (`storyline claims | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            // One line, and nothing a stored text or a file name could smuggle to the terminal.
            let line = dedup_chain(&chain).replace('\n', " ");
            eprintln!("storyline: {}", storyline::output::escape_controls(&line));
            ExitCode::from(2)
        }
    }
}

/// Join an error chain on one line, dropping causes already quoted by their parent.
fn dedup_chain(chain: &[String]) -> String {
    let mut line = String::new();
    for c in chain {
        if !line.contains(c.as_str()) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(c);
        }
    }
    line
}
