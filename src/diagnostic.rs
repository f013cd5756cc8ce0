//! Diagnostics: what a check found, as plain data. Rendering lives in the front ends.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A house-style hint; never fails a build unless `--fail-on info`.
    Info,
    /// Very likely a slip.
    Warning,
    /// Certainly wrong (an impossible date, a misspelt word with one clear fix).
    Error,
}

impl Level {
    /// The lower-case name used in packs, config and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "info" => Ok(Level::Info),
            "warning" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            other => Err(format!(
                "unknown level `{other}`, expected one of `error`, `warning`, `info`"
            )),
        }
    }
}

/// One edit: replace the bytes of `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    /// The bytes to replace (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

impl Fix {
    /// Replace `span` with `replacement`.
    pub fn new(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            span,
            replacement: replacement.into(),
        }
    }
}

/// A secondary place that explains the finding ("the article writes `Putin` here").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What about it (Indonesian).
    pub message: String,
}

/// One finding of one rule at one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule id, e.g. `baku` or `nama.varian`.
    pub rule: String,
    /// Severity after config overrides.
    pub level: Level,
    /// The offending text, as bytes of the original.
    pub span: Span,
    /// What is wrong, in Indonesian.
    pub message: String,
    /// What to do, when there is more to say than the fix (candidate list, reasoning).
    pub help: Option<String>,
    /// Secondary places.
    pub labels: Vec<Label>,
    /// The edits of the one correction, applied together. Empty when there is no single
    /// clear correction.
    pub fixes: Vec<Fix>,
    /// False when the rule's pack marks its fixes unsafe: shown and offered in the editor,
    /// never applied by `--fix`.
    pub fix_safe: bool,
}

impl Diagnostic {
    /// The span covering the finding and all its fix edits.
    pub fn extent(&self) -> Span {
        let start = self
            .fixes
            .iter()
            .map(|f| f.span.start)
            .fold(self.span.start, usize::min);
        let end = self
            .fixes
            .iter()
            .map(|f| f.span.end)
            .fold(self.span.end, usize::max);
        Span::new(start, end)
    }

    /// The text after applying this diagnostic's fixes to `text` (for tests and previews).
    pub fn apply_to(&self, text: &str) -> String {
        apply_fixes(text, self.fixes.iter())
    }
}

/// Apply non-overlapping fixes to `text`. Fixes that overlap an earlier one are skipped.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> String {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for fix in fixes {
        if fix.span.start < pos || fix.span.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..fix.span.start]);
        out.push_str(&fix.replacement);
        pos = fix.span.end;
    }
    out.push_str(&text[pos..]);
    out
}
