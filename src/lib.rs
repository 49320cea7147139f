//! storyline: follow a diplomatic news story — who said what, when, and where the parties contradict each other.

pub mod extract;
pub mod model;
pub mod render;
