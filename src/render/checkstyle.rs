//! Checkstyle XML, read by GitLab, Jenkins (Warnings NG) and many CI dashboards.

use std::io::Write;

use super::FileReport;
use crate::diagnostic::Level;
use crate::source::LineIndex;

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even when escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The findings of several files as one checkstyle document. Every checked file is listed,
/// with or without findings, as checkstyle consumers expect.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_document(&mut out, reports);
    String::from_utf8(out).unwrap_or_default()
}

fn write_document(w: &mut dyn Write, reports: &[FileReport]) -> std::io::Result<()> {
    w.write_all(HEADER.as_bytes())?;
    for r in reports {
        write_file(w, r)?;
    }
    w.write_all(FOOTER.as_bytes())
}

/// What comes before the first file.
pub const HEADER: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";

/// What comes after the last file.
pub const FOOTER: &str = "</checkstyle>\n";

/// One `<file>` element with its findings.
///
/// # Errors
/// Write errors.
pub fn write_file(w: &mut dyn Write, r: &FileReport) -> std::io::Result<()> {
    writeln!(w, "  <file name=\"{}\">", xml_escape(&r.path))?;
    let lines = LineIndex::new(&r.text);
    for d in &r.diagnostics {
        let s = lines.line_col(&r.text, d.span.start);
        let severity = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        };
        writeln!(
            w,
            "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"sunting.{}\"/>",
            s.line,
            s.column,
            xml_escape(&d.message),
            xml_escape(&d.rule)
        )?;
    }
    writeln!(w, "  </file>")
}
