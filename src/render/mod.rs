//! Rendering diagnostics for people (codespan-reporting code frames) and machines (JSON).
//! The one place that turns library data into CLI output.

pub mod checkstyle;
pub mod github;
pub mod sarif;

use std::io::Write;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel, Severity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config as TermConfig};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Level};
use crate::source::LineIndex;

/// One checked text and what was found in it.
#[derive(Debug)]
pub struct FileReport {
    /// The name shown.
    pub path: String,
    /// The text as read.
    pub text: String,
    /// Findings, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

fn severity(level: Level) -> Severity {
    match level {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Info => Severity::Note,
    }
}

/// A finding as a codespan diagnostic over `file_id` `()`.
pub fn to_codespan(d: &Diagnostic, text: &str) -> CsDiagnostic<()> {
    let mut primary = CsLabel::primary((), d.span.start..d.span.end);
    if !d.fixes.is_empty() {
        let extent = d.extent();
        let preview = crate::diagnostic::apply_fixes(&text[..extent.end], d.fixes.iter());
        let start = extent.start;
        let suggestion = &preview[start.min(preview.len())..];
        let suggestion = suggestion.lines().next().unwrap_or("");
        primary = primary.with_message(if suggestion.is_empty() {
            "hapus".to_owned()
        } else {
            format!("saran: `{suggestion}`")
        });
    }
    let mut labels = vec![primary];
    labels.extend(
        d.labels.iter().map(|l| {
            CsLabel::secondary((), l.span.start..l.span.end).with_message(l.message.clone())
        }),
    );
    let mut notes = Vec::new();
    if let Some(h) = &d.help {
        notes.push(h.clone());
    }
    if !d.fixes.is_empty() && !d.fix_safe {
        notes.push("perbaikan ini perlu diperiksa manusia; `--fix` tidak menerapkannya".to_owned());
    }
    CsDiagnostic::new(severity(d.level))
        .with_code(d.rule.clone())
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Human-readable output of one file, without colour.
pub fn human_plain(report: &FileReport) -> String {
    let file = SimpleFile::new(report.path.as_str(), report.text.as_str());
    let config = TermConfig::default();
    let mut out = String::new();
    for d in &report.diagnostics {
        let cs = to_codespan(d, &report.text);
        // Rendering a span inside the text we were given cannot fail.
        let _ = term::emit_to_string(&mut out, &config, &file, &cs);
    }
    out
}

/// Write one file's findings to a colour-capable writer.
///
/// # Errors
/// Write errors (a closed pipe, say).
pub fn human(report: &FileReport, w: &mut dyn term::WriteStyle) -> std::io::Result<()> {
    let file = SimpleFile::new(report.path.as_str(), report.text.as_str());
    let config = TermConfig::default();
    for d in &report.diagnostics {
        let cs = to_codespan(d, &report.text);
        term::emit_to_write_style(w, &config, &file, &cs).map_err(|e| match e {
            codespan_reporting::files::Error::Io(io) => io,
            other => std::io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

/// A finding in the JSON contract (README, "Output contract").
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    /// File name as given.
    pub path: &'a str,
    /// Rule id.
    pub rule: &'a str,
    /// `error`, `warning` or `info`.
    pub level: Level,
    /// Message (Indonesian).
    pub message: &'a str,
    /// 1-based start line.
    pub line: usize,
    /// 1-based start column, in Unicode scalar values.
    pub column: usize,
    /// 1-based end line.
    pub end_line: usize,
    /// 1-based column just past the last character.
    pub end_column: usize,
    /// Start byte offset into the file as read.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The edits of the fix, in byte offsets.
    pub fixes: Vec<JsonFix<'a>>,
}

/// One edit in the JSON contract.
#[derive(Debug, Serialize)]
pub struct JsonFix<'a> {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Replacement text.
    pub replacement: &'a str,
}

/// The JSON findings of several files, in order.
pub fn json_findings(reports: &[FileReport]) -> Vec<JsonFinding<'_>> {
    reports.iter().flat_map(json_file).collect()
}

/// The JSON findings of one file.
fn json_file(r: &FileReport) -> Vec<JsonFinding<'_>> {
    let lines = LineIndex::new(&r.text);
    r.diagnostics
        .iter()
        .map(|d| {
            let s = lines.line_col(&r.text, d.span.start);
            let e = lines.line_col(&r.text, d.span.end);
            JsonFinding {
                path: &r.path,
                rule: &d.rule,
                level: d.level,
                message: &d.message,
                line: s.line,
                column: s.column,
                end_line: e.line,
                end_column: e.column,
                start: d.span.start,
                end: d.span.end,
                fixes: d
                    .fixes
                    .iter()
                    .map(|f| JsonFix {
                        start: f.span.start,
                        end: f.span.end,
                        replacement: &f.replacement,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The JSON output (one array of [`JsonFinding`]s) written file by file: byte for byte
/// what `serde_json::to_writer_pretty` writes for [`json_findings`] of all the files,
/// followed by a newline, without holding them all.
#[derive(Debug)]
pub struct JsonStream {
    array: PrettyArray,
}

impl JsonStream {
    /// Write the opening bracket.
    ///
    /// # Errors
    /// Write errors.
    pub fn begin(w: &mut dyn Write) -> std::io::Result<Self> {
        w.write_all(b"[")?;
        Ok(Self {
            array: PrettyArray::new(0),
        })
    }

    /// Write the findings of one file.
    ///
    /// # Errors
    /// Write errors.
    pub fn file(&mut self, w: &mut dyn Write, report: &FileReport) -> std::io::Result<()> {
        for f in json_file(report) {
            self.array.item(w, &f)?;
        }
        Ok(())
    }

    /// Close the array.
    ///
    /// # Errors
    /// Write errors.
    pub fn end(self, w: &mut dyn Write) -> std::io::Result<()> {
        self.array.close(w)?;
        w.write_all(b"\n")
    }
}

/// The items of a pretty-printed JSON array written one at a time, exactly as
/// `serde_json`'s pretty printer lays out a whole array whose closing bracket is indented
/// by `indent` spaces (the opening bracket is the caller's). Each item is printed on its
/// own and re-indented; JSON strings never hold a raw newline, so every newline of the
/// printed item is layout.
#[derive(Debug)]
pub(crate) struct PrettyArray {
    indent: usize,
    first: bool,
    buf: Vec<u8>,
}

impl PrettyArray {
    pub(crate) fn new(indent: usize) -> Self {
        Self {
            indent,
            first: true,
            buf: Vec::new(),
        }
    }

    pub(crate) fn item<T: Serialize>(&mut self, w: &mut dyn Write, v: &T) -> std::io::Result<()> {
        self.buf.clear();
        serde_json::to_writer_pretty(&mut self.buf, v)?;
        let pad = self.indent + 2;
        w.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        write_spaces(w, pad)?;
        let mut lines = self.buf.split(|&b| b == b'\n');
        if let Some(l) = lines.next() {
            w.write_all(l)?;
        }
        for l in lines {
            w.write_all(b"\n")?;
            write_spaces(w, pad)?;
            w.write_all(l)?;
        }
        Ok(())
    }

    pub(crate) fn close(&self, w: &mut dyn Write) -> std::io::Result<()> {
        if !self.first {
            w.write_all(b"\n")?;
            write_spaces(w, self.indent)?;
        }
        w.write_all(b"]")
    }
}

fn write_spaces(w: &mut dyn Write, n: usize) -> std::io::Result<()> {
    const SPACES: &[u8; 32] = b"                                ";
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        left -= k;
    }
    Ok(())
}

/// A load error (pack or config) as a code frame, or a plain line when there is no text.
pub fn load_error(
    path: &str,
    text: Option<&str>,
    span: Option<std::ops::Range<usize>>,
    message: &str,
    note: Option<&str>,
) -> String {
    match (text, span) {
        (Some(text), Some(span)) => {
            let file = SimpleFile::new(path, text);
            let span = span.start.min(text.len())..span.end.min(text.len());
            let mut d = CsDiagnostic::error()
                .with_message(message)
                .with_labels(vec![CsLabel::primary((), span)]);
            if let Some(n) = note {
                d = d.with_notes(vec![n.to_owned()]);
            }
            let mut out = String::new();
            let _ = term::emit_to_string(&mut out, &TermConfig::default(), &file, &d);
            out
        }
        _ => {
            let mut s = format!("error: {path}: {message}\n");
            if let Some(n) = note {
                s.push_str(&format!("  = {n}\n"));
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;
    use crate::span::Span;

    pub(crate) fn sample_reports() -> Vec<FileReport> {
        let finding = |rule: &str, level, start, end, fix: Option<&str>| Diagnostic {
            rule: rule.to_owned(),
            level,
            span: Span::new(start, end),
            message: format!("Pesan \"{rule}\"\nbaris dua"),
            help: None,
            labels: Vec::new(),
            fixes: fix
                .map(|r| Fix::new(Span::new(start, end), r))
                .into_iter()
                .collect(),
            fix_safe: true,
        };
        vec![
            FileReport {
                path: "a.txt".to_owned(),
                text: "Warga yang yang “pergi” ,\nbaris dua\n".to_owned(),
                diagnostics: vec![
                    finding("pengulangan", Level::Warning, 6, 15, Some("yang")),
                    finding("tanda-baca", Level::Error, 27, 29, Some(",")),
                ],
            },
            FileReport {
                path: "kosong.txt".to_owned(),
                text: String::new(),
                diagnostics: Vec::new(),
            },
            FileReport {
                path: "b c.md".to_owned(),
                text: "Satu.\nDua\n".to_owned(),
                diagnostics: vec![finding("info", Level::Info, 6, 9, None)],
            },
        ]
    }

    fn streamed(reports: &[FileReport]) -> String {
        let mut out = Vec::new();
        let mut s = JsonStream::begin(&mut out).unwrap();
        for r in reports {
            s.file(&mut out, r).unwrap();
        }
        s.end(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn streamed_json_equals_the_whole_array_pretty_printed() {
        let reports = sample_reports();
        for k in 0..=reports.len() {
            let whole = serde_json::to_string_pretty(&json_findings(&reports[..k])).unwrap();
            assert_eq!(streamed(&reports[..k]), format!("{whole}\n"));
        }
        assert_eq!(streamed(&reports[1..2]), "[]\n");
    }
}
