//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding,
//! shown as annotations on the pull request.

use std::io::Write;

use super::FileReport;
use crate::diagnostic::Level;
use crate::source::LineIndex;

/// Escape message data (`%`, CR, LF) as the workflow-command format requires.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The annotations of several files, one line each.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    for r in reports {
        // Writing to memory cannot fail.
        let _ = write_file(&mut out, r);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The annotations of one file, one line each.
///
/// # Errors
/// Write errors.
pub fn write_file(w: &mut dyn Write, r: &FileReport) -> std::io::Result<()> {
    let lines = LineIndex::new(&r.text);
    for d in &r.diagnostics {
        let s = lines.line_col(&r.text, d.span.start);
        let e = lines.line_col(&r.text, d.span.end);
        let command = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(f) = d.fixes.first() {
            if d.fixes.len() == 1 && f.span == d.span && !f.replacement.is_empty() {
                message.push_str(&format!(" (saran: {})", f.replacement));
            }
        }
        writeln!(
            w,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&r.path),
            s.line,
            s.column,
            e.line,
            e.column,
            escape_property(&format!("sunting {}", d.rule)),
            escape_data(&message)
        )?;
    }
    Ok(())
}
