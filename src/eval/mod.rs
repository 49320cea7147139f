//! Scoring harnesses: compare extraction with public gold corpora (TimeML, PolNeAR) and report precision, recall and F1.

pub mod demo;
pub mod gold;
pub mod judged;
pub mod polnear;
pub mod sides;
pub mod timeml;

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Prf {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}
