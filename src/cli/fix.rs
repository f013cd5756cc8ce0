//! `--fix` and `--diff`: apply every safe fix without overlapping edits, repeat until nothing
//! more applies, and write atomically (temp file in the same folder, fsync, rename, permissions
//! kept). A file that changed on disk meanwhile, or a read-only one, is not overwritten.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Fix, apply_fixes};
use crate::document::{Document, Format};
use crate::engine::Linter;

/// How many rounds of fixes at most: a fix may uncover another (or give way to one it
/// overlapped); the loop ends as soon as a round changes nothing.
const MAX_ROUNDS: usize = 8;

/// The text after applying safe fixes repeatedly, and how many findings were fixed.
pub fn fix_text(linter: &Linter, text: &str, format: Format) -> (String, usize) {
    let mut current = text.to_owned();
    let mut fixed = 0;
    for _ in 0..MAX_ROUNDS {
        let doc = Document::new(&current, format);
        let diags = linter.check(&doc);
        let edits = non_overlapping_safe(&diags);
        if edits.is_empty() {
            break;
        }
        fixed += edits.len();
        let next = apply_fixes(&current, edits.iter().flat_map(|d| d.fixes.iter()));
        if next == current {
            break;
        }
        current = next;
    }
    (current, fixed)
}

/// Safe findings whose edits overlap no earlier accepted finding's edits.
fn non_overlapping_safe(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut taken: Vec<&Fix> = Vec::new();
    let mut out = Vec::new();
    for d in diags.iter().filter(|d| d.fix_safe && !d.fixes.is_empty()) {
        let clash = d.fixes.iter().any(|f| {
            taken.iter().any(|t| {
                f.span.start < t.span.end && t.span.start < f.span.end
                    || (f.span.is_empty() || t.span.is_empty()) && f.span.start == t.span.start
            })
        });
        if !clash {
            taken.extend(d.fixes.iter());
            out.push(d);
        }
    }
    out
}

/// A unified diff of `old` to `new` for `path`; empty when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{}", path.trim_start_matches('/')),
            &format!("b/{}", path.trim_start_matches('/')),
        )
        .to_string()
}

/// Why a fixed file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Read-only: left alone.
    #[error("{0}: read-only file, not fixed")]
    ReadOnly(String),
    /// Changed on disk since it was read.
    #[error("{0}: changed on disk while being checked, not overwritten")]
    Changed(String),
    /// I/O.
    #[error("{path}: cannot write fixes: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
}

/// Replace `path` (whose content was `original` when read) with `new`, atomically.
///
/// # Errors
/// A read-only file, a file changed on disk since it was read, or an I/O failure; in every
/// case the original file is left as it was.
pub fn write_atomic(path: &Path, original: &str, new: &str) -> Result<(), WriteError> {
    let name = path.display().to_string();
    let io = |source| WriteError::Io {
        path: name.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly(name));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".sunting-fix-")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(new.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(io)?;
    // Last check before the rename: the file must still hold what we read.
    let now = std::fs::read(path).map_err(io)?;
    if now != original.as_bytes() {
        return Err(WriteError::Changed(name));
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
