//! Talk: the progress, warnings and notes library code hands up; the command layer prints them.
//!
//! The library never prints. Code that has something to say while it works (a skipped file,
//! a lock it waits for, a retry) calls [`Talk::say`] with one line; the command layer gives it
//! a `Talk` that writes `storyline: <line>` on stderr (stderr is talk, stdout is data). The
//! default `Talk` drops every line, as tests and benches want.

use std::fmt;
use std::sync::Arc;

/// A callback that takes one line of talk.
type Say = dyn Fn(&str) + Send + Sync;

/// Where a line of talk goes: a callback, or nowhere.
#[derive(Clone, Default)]
pub struct Talk(Option<Arc<Say>>);

impl Talk {
    /// Talk that hands every line to `f`.
    pub fn new(f: impl Fn(&str) + Send + Sync + 'static) -> Talk {
        Talk(Some(Arc::new(f)))
    }
    /// Talk that drops every line.
    pub fn silent() -> Talk {
        Talk(None)
    }
    /// Say one line (without the `storyline: ` prefix and without a newline).
    pub fn say(&self, line: &str) {
        if let Some(f) = &self.0 {
            f(line);
        }
    }
}

impl fmt::Debug for Talk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Talk(..)"
        } else {
            "Talk(silent)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn lines_reach_the_callback_and_silent_drops_them() {
        let heard = Arc::new(Mutex::new(Vec::new()));
        let h = heard.clone();
        let talk = Talk::new(move |l| h.lock().unwrap().push(l.to_string()));
        talk.clone().say("one");
        Talk::silent().say("two");
        assert_eq!(*heard.lock().unwrap(), vec!["one".to_string()]);
    }
}
