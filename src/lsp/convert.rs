//! Conversions between the library's byte spans and LSP positions, and from library
//! diagnostics to LSP diagnostics.
//!
//! LSP columns count UTF-16 code units unless the client and server agree on UTF-8
//! (`positionEncoding`). Spans in the library are byte offsets into the text as the editor
//! holds it, so curly quotes, dashes and accented letters never shift a range as long as
//! every conversion goes through [`LineIndex`].

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic as LspDiagnostic, DiagnosticSeverity, NumberOrString, Position,
    PositionEncodingKind, Range, TextEdit, Uri,
};

use crate::diagnostic::{Diagnostic, Level};
use crate::source::LineIndex;
use crate::span::Span;

/// How LSP positions count columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units: the LSP default, always supported.
    #[default]
    Utf16,
    /// UTF-8 bytes, when the client offers `utf-8` in `general.positionEncodings`.
    Utf8,
}

impl Encoding {
    /// Pick the encoding from what the client offers: UTF-8 when offered, else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The LSP name.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf8 => PositionEncodingKind::UTF8,
        }
    }
}

/// The LSP position of byte `offset` (clamped to the text and to a char boundary).
pub fn position(text: &str, index: &LineIndex, offset: usize, enc: Encoding) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    match enc {
        Encoding::Utf16 => {
            let (line, character) = index.utf16_position(text, offset);
            Position { line, character }
        }
        Encoding::Utf8 => {
            let line = index.line_of(offset);
            let start = index.line_start(line).min(offset);
            Position {
                line: line as u32,
                character: (offset - start) as u32,
            }
        }
    }
}

/// The byte offset of an LSP position; positions past a line's end clamp to its end,
/// lines past the text's end clamp to the end of the text.
pub fn offset(text: &str, index: &LineIndex, pos: Position, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf16 => index.offset_of_utf16(text, pos.line, pos.character),
        Encoding::Utf8 => index.offset_of_utf8(text, pos.line, pos.character),
    }
}

/// The LSP range of a span.
pub fn range(text: &str, index: &LineIndex, span: Span, enc: Encoding) -> Range {
    Range {
        start: position(text, index, span.start, enc),
        end: position(text, index, span.end, enc),
    }
}

/// The byte span of an LSP range (start and end ordered).
pub fn span(text: &str, index: &LineIndex, range: Range, enc: Encoding) -> Span {
    let a = offset(text, index, range.start, enc);
    let b = offset(text, index, range.end, enc);
    Span::new(a.min(b), a.max(b))
}

/// LSP severity of a level.
pub fn severity(level: Level) -> DiagnosticSeverity {
    match level {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// What a published diagnostic carries in `data`, read back by code actions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingData {
    /// The rule id (also in `code`).
    pub rule: String,
    /// The edits of the one correction, already in LSP coordinates.
    pub fixes: Vec<TextEdit>,
    /// Whether the correction may be applied unattended (`source.fixAll`).
    pub safe: bool,
    /// The flagged text (for the vocabulary and dismiss actions).
    pub text: String,
    /// The sentence it sits in, whitespace-normalised (the key of a dismissal).
    pub sentence: String,
}

/// Convert one finding. `url` is the rule's documentation link, if any; `sentence` is the
/// whitespace-normalised sentence around the finding.
pub fn diagnostic(
    d: &Diagnostic,
    text: &str,
    index: &LineIndex,
    enc: Encoding,
    url: Option<&str>,
    sentence: &str,
) -> LspDiagnostic {
    let fixes: Vec<TextEdit> = d
        .fixes
        .iter()
        .map(|f| TextEdit {
            range: range(text, index, f.span, enc),
            new_text: f.replacement.clone(),
        })
        .collect();
    let data = FindingData {
        rule: d.rule.clone(),
        fixes,
        safe: d.fix_safe,
        text: d.span.text(text).to_owned(),
        sentence: sentence.to_owned(),
    };
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push('\n');
        message.push_str(h);
    }
    LspDiagnostic {
        range: range(text, index, d.span, enc),
        severity: Some(severity(d.level)),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description: url
            .and_then(|u| u.parse::<Uri>().ok())
            .map(|href| CodeDescription { href }),
        source: Some("sunting".to_owned()),
        message,
        related_information: None,
        tags: None,
        data: serde_json::to_value(data).ok(),
    }
}

/// Apply one `didChange` content change to `text`. A change without a range replaces the
/// whole text (full sync). Returns the byte offset just after the inserted text (where the
/// cursor is after typing), and the new text.
pub fn apply_change(
    text: &str,
    index: &LineIndex,
    change_range: Option<Range>,
    new_text: &str,
    enc: Encoding,
) -> (String, Option<usize>) {
    match change_range {
        None => (new_text.to_owned(), None),
        Some(r) => {
            let s = span(text, index, r, enc);
            let mut out = String::with_capacity(text.len() + new_text.len());
            out.push_str(&text[..s.start]);
            out.push_str(new_text);
            out.push_str(&text[s.end..]);
            (out, Some(s.start + new_text.len()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn utf16_columns_on_multibyte_text() {
        // é is 2 bytes / 1 unit, “ ” are 3 bytes / 1 unit each, 😀 is 4 bytes / 2 units.
        let text = "Kafé “😀” ok";
        let idx = LineIndex::new(text);
        let ok = text.find("ok").unwrap();
        assert_eq!(ok, 17);
        assert_eq!(position(text, &idx, ok, Encoding::Utf16), pos(0, 10));
        assert_eq!(position(text, &idx, ok, Encoding::Utf8), pos(0, 17));
        assert_eq!(offset(text, &idx, pos(0, 10), Encoding::Utf16), ok);
        assert_eq!(offset(text, &idx, pos(0, 17), Encoding::Utf8), ok);
        let smile = text.find('😀').unwrap();
        assert_eq!(position(text, &idx, smile, Encoding::Utf16), pos(0, 6));
        assert_eq!(
            position(text, &idx, smile + 4, Encoding::Utf16),
            pos(0, 8),
            "the emoji is two UTF-16 units"
        );
    }

    #[test]
    fn offsets_inside_a_character_clamp_back() {
        let text = "é";
        let idx = LineIndex::new(text);
        assert_eq!(position(text, &idx, 1, Encoding::Utf8), pos(0, 0));
        assert_eq!(offset(text, &idx, pos(0, 1), Encoding::Utf8), 0);
        assert_eq!(offset(text, &idx, pos(0, 9), Encoding::Utf16), 2);
        assert_eq!(offset(text, &idx, pos(5, 0), Encoding::Utf16), 2);
    }

    #[test]
    fn crlf_lines_keep_columns() {
        let text = "Satu “dua”\r\ntiga – empat\r\n";
        let idx = LineIndex::new(text);
        let empat = text.find("empat").unwrap();
        assert_eq!(position(text, &idx, empat, Encoding::Utf16), pos(1, 7));
        assert_eq!(offset(text, &idx, pos(1, 7), Encoding::Utf16), empat);
        // Past the end of line 0 clamps before the \r, not onto it.
        let eol = text.find('\r').unwrap();
        assert_eq!(offset(text, &idx, pos(0, 99), Encoding::Utf16), eol);
        assert_eq!(position(text, &idx, text.len(), Encoding::Utf16), pos(2, 0));
    }

    #[test]
    fn incremental_change_in_multibyte_line() {
        let text = "“Kami” – siap\r\nbaris dua";
        let idx = LineIndex::new(text);
        // Replace "siap" (UTF-16 columns 9..13) with "siaga".
        let r = Range {
            start: pos(0, 9),
            end: pos(0, 13),
        };
        let (out, cursor) = apply_change(text, &idx, Some(r), "siaga", Encoding::Utf16);
        assert_eq!(out, "“Kami” – siaga\r\nbaris dua");
        assert_eq!(cursor, Some(out.find('\r').unwrap()));
        let (full, cursor) = apply_change(text, &idx, None, "baru", Encoding::Utf16);
        assert_eq!((full.as_str(), cursor), ("baru", None));
    }

    #[test]
    fn diagnostic_fields_and_fix_ranges() {
        let text = "“Ya” – Baca Juga : x";
        let idx = LineIndex::new(text);
        let at = text.find(" :").unwrap();
        let d = Diagnostic {
            rule: "tanda-baca.spasi-sebelum".to_owned(),
            level: Level::Info,
            span: Span::new(at, at + 2),
            message: "Hapus spasi.".to_owned(),
            help: None,
            labels: vec![],
            fixes: vec![Fix::new(Span::new(at, at + 2), ":")],
            fix_safe: true,
        };
        let l = diagnostic(
            &d,
            text,
            &idx,
            Encoding::Utf16,
            Some("https://example.org/r"),
            "s",
        );
        assert_eq!(l.range.start, pos(0, 16));
        assert_eq!(l.range.end, pos(0, 18));
        assert_eq!(l.severity, Some(DiagnosticSeverity::INFORMATION));
        assert_eq!(
            l.code,
            Some(NumberOrString::String(
                "tanda-baca.spasi-sebelum".to_owned()
            ))
        );
        assert_eq!(l.source.as_deref(), Some("sunting"));
        assert!(l.code_description.is_some());
        let data: FindingData = serde_json::from_value(l.data.unwrap()).unwrap();
        assert_eq!(data.fixes[0].range, l.range);
        assert_eq!(data.text, " :");
    }

    #[test]
    fn negotiates_utf8_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF16])),
            Encoding::Utf16
        );
        assert_eq!(
            Encoding::negotiate(Some(&[
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
    }
}
