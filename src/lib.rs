//! storyline: follow a diplomatic news story — who said what, when, and where the parties contradict each other.

pub mod eval;
pub mod extract;
pub mod model;
