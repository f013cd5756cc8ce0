//! Checkstyle XML, read by GitLab, Jenkins (Warnings NG) and many CI dashboards.

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
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for r in reports {
        out.push_str(&format!("  <file name=\"{}\">\n", xml_escape(&r.path)));
        let lines = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            let s = lines.line_col(&r.text, d.span.start);
            let severity = match d.level {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Info => "info",
            };
            out.push_str(&format!(
                "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"sunting.{}\"/>\n",
                s.line,
                s.column,
                xml_escape(&d.message),
                xml_escape(&d.rule)
            ));
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}
