//! storyline: follow a diplomatic news story — who said what, when, and where the parties contradict each other.

pub mod clean;
pub mod extract;
pub mod ingest;
pub mod meta;
pub mod model;
