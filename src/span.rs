//! Byte spans into the original text.

use serde::Serialize;

/// A half-open byte range `start..end` into the text as it was read.
///
/// Spans always sit on UTF-8 character boundaries of the original text; they are never
/// shifted by normalisation (NFC, quote folding), which is for matching only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte (end-exclusive).
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    /// When `end < start`: that is a bug in the caller.
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "span end {end} before start {start}");
        Self { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True for an empty span (an insertion point).
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte, or when an empty span sits inside the other.
    pub fn overlaps(self, other: Span) -> bool {
        if self.is_empty() || other.is_empty() {
            return self.start >= other.start && self.start <= other.end
                || other.start >= self.start && other.start <= self.end;
        }
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers.
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}
