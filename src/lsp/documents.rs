//! Open documents: the text as the editor holds it, kept in sync with `didChange`, and the
//! pipeline from text to LSP diagnostics (lint, hold back half-typed words, convert).

use std::path::PathBuf;

use tower_lsp_server::ls_types::{Diagnostic as LspDiagnostic, TextDocumentContentChangeEvent};

use super::convert::{self, Encoding};
use crate::diagnostic::{Diagnostic, Level};
use crate::document::{Document, Format};
use crate::engine::{Linter, normalize_space};
use crate::source::LineIndex;
use crate::span::Span;

/// Rules whose NEW findings are held back on the word under the cursor while the writer
/// is still typing it (a half-typed word is always "misspelt"). The one rule-specific
/// policy of the language server.
pub const HOLD_BACK_WHILE_TYPING: &[&str] = &["ejaan", "ejaan.rapat"];

/// One open text document.
#[derive(Clone, Debug)]
pub struct TextDoc {
    /// The text as the editor holds it.
    pub text: String,
    /// The editor's version of it.
    pub version: i32,
    /// Plain text or Markdown.
    pub format: Format,
    /// The file on disk, for config discovery (None for unsaved buffers).
    pub path: Option<PathBuf>,
    /// The byte offset of the cursor after the last edit, while the writer may still be
    /// typing there; None once they moved on (saved, edited elsewhere, asked elsewhere).
    pub cursor: Option<usize>,
    index: LineIndex,
}

impl TextDoc {
    /// A freshly opened document.
    pub fn new(text: String, version: i32, format: Format, path: Option<PathBuf>) -> Self {
        let index = LineIndex::new(&text);
        Self {
            text,
            version,
            format,
            path,
            cursor: None,
            index,
        }
    }

    /// The line index of the current text.
    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// Apply the content changes of one `didChange`, in order (each change's positions
    /// refer to the text after the previous change).
    ///
    /// Returns the edits as (replaced byte span of the text before that change, length of
    /// the inserted text); None for a full replacement.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        enc: Encoding,
    ) -> Vec<Option<(Span, usize)>> {
        let mut edits = Vec::with_capacity(changes.len());
        for c in changes {
            let replaced = c
                .range
                .map(|r| convert::span(&self.text, &self.index, r, enc));
            let (text, cursor) =
                convert::apply_change(&self.text, &self.index, c.range, &c.text, enc);
            edits.push(replaced.map(|s| (s, c.text.len())));
            self.text = text;
            self.index = LineIndex::new(&self.text);
            self.cursor = cursor;
        }
        self.version = version;
        edits
    }

    /// Replace the whole text (used by tests and benchmarks).
    pub fn set_text(&mut self, text: String) {
        self.index = LineIndex::new(&text);
        self.text = text;
        self.cursor = None;
    }
}

/// One finding of the last check, with what code actions need that the document alone
/// no longer knows once it changes.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The finding.
    pub diagnostic: Diagnostic,
    /// The sentence it sits in, whitespace-normalised.
    pub sentence: String,
}

/// Lint a text: the same call the CLI makes (`Document::new` + `Linter::check`), then the
/// client's minimum level.
pub fn analyze(
    linter: &Linter,
    text: &str,
    format: Format,
    min_level: Option<Level>,
) -> Vec<Finding> {
    let doc = Document::new(text, format);
    let mut found = linter.check(&doc);
    if let Some(min) = min_level {
        found.retain(|d| d.level >= min);
    }
    found
        .into_iter()
        .map(|d| {
            // Sentences are in text order: the first one ending after the finding starts.
            let k = doc
                .sentences
                .partition_point(|s| s.span.end <= d.span.start);
            let sentence = doc
                .sentences
                .get(k)
                .filter(|s| s.span.contains(d.span))
                .map(|s| normalize_space(s.span.text(text)))
                .unwrap_or_default();
            Finding {
                diagnostic: d,
                sentence,
            }
        })
        .collect()
}

/// A finding as it was last shown to the writer: rule, where it started, what it flagged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// Rule id.
    pub rule: String,
    /// Start byte.
    pub start: usize,
    /// Flagged text.
    pub text: String,
}

/// Move what was shown along with an edit: findings after it shift, findings it touches
/// are forgotten (their text changed), a full replacement forgets everything.
pub fn shift_shown(shown: &mut Vec<Shown>, edit: Option<(Span, usize)>) {
    let Some((replaced, inserted)) = edit else {
        shown.clear();
        return;
    };
    shown.retain_mut(|s| {
        let end = s.start + s.text.len();
        if end <= replaced.start {
            true
        } else if s.start >= replaced.end {
            s.start = s.start - replaced.len() + inserted;
            true
        } else {
            false
        }
    });
}

/// The span of the word touching `cursor` (letters, digits, hyphen and apostrophe), if any.
pub fn word_at(text: &str, cursor: usize) -> Option<Span> {
    let cursor = cursor.min(text.len());
    if !text.is_char_boundary(cursor) {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    let start = text[..cursor]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(cursor, |(i, _)| i);
    let end = cursor
        + text[cursor..]
            .char_indices()
            .find(|&(_, c)| !is_word(c))
            .map_or(text.len() - cursor, |(i, _)| i);
    (start < end).then(|| Span::new(start, end))
}

/// True when `d` is a NEW finding of a hold-back rule on the word the writer is typing.
pub fn held_back(d: &Diagnostic, text: &str, cursor: Option<usize>, shown: &[Shown]) -> bool {
    if !HOLD_BACK_WHILE_TYPING.contains(&d.rule.as_str()) {
        return false;
    }
    let Some(word) = cursor.and_then(|c| word_at(text, c)) else {
        return false;
    };
    if !word.overlaps(d.span) {
        return false;
    }
    let flagged = d.span.text(text);
    !shown
        .iter()
        .any(|s| s.rule == d.rule && s.start == d.span.start && s.text == flagged)
}

/// The diagnostics to publish for `findings` on `doc`, and what they show (for the next
/// hold-back decision). `url_of` gives a rule's documentation link.
pub fn to_publish<'a>(
    doc: &TextDoc,
    findings: &[Finding],
    shown_before: &[Shown],
    enc: Encoding,
    url_of: impl Fn(&str) -> Option<&'a str>,
) -> (Vec<LspDiagnostic>, Vec<Shown>) {
    let mut out = Vec::with_capacity(findings.len());
    let mut shown = Vec::with_capacity(findings.len());
    for f in findings {
        let d = &f.diagnostic;
        if d.span.end > doc.text.len() || held_back(d, &doc.text, doc.cursor, shown_before) {
            continue;
        }
        out.push(convert::diagnostic(
            d,
            &doc.text,
            doc.index(),
            enc,
            url_of(&d.rule),
            &f.sentence,
        ));
        shown.push(Shown {
            rule: d.rule.clone(),
            start: d.span.start,
            text: d.span.text(&doc.text).to_owned(),
        });
    }
    (out, shown)
}

/// What the server does between a `didChange` and a `publishDiagnostics` (minus the
/// debounce and the transport): apply the edit, lint, hold back, convert. Used by the
/// benchmark; the server runs the same three steps, the lint on a blocking thread.
pub fn change_and_check(
    doc: &mut TextDoc,
    version: i32,
    changes: Vec<TextDocumentContentChangeEvent>,
    linter: &Linter,
    enc: Encoding,
) -> Vec<LspDiagnostic> {
    doc.apply_changes(version, changes, enc);
    let findings = analyze(linter, &doc.text, doc.format, None);
    to_publish(doc, &findings, &[], enc, |id| {
        linter.rule(id).and_then(|r| r.meta.url.as_deref())
    })
    .0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &str, span: Span) -> Diagnostic {
        Diagnostic {
            rule: rule.to_owned(),
            level: Level::Warning,
            span,
            message: String::new(),
            help: None,
            labels: vec![],
            fixes: vec![],
            fix_safe: true,
        }
    }

    #[test]
    fn word_at_finds_the_word_touching_the_cursor() {
        let t = "kata “sedang” diketi";
        assert_eq!(word_at(t, t.len()).map(|s| s.text(t)), Some("diketi"));
        let sed = t.find("sedang").unwrap();
        assert_eq!(word_at(t, sed + 2).map(|s| s.text(t)), Some("sedang"));
        assert_eq!(word_at(t, 4).map(|s| s.text(t)), Some("kata"));
        assert_eq!(word_at("a  b", 2), None);
    }

    #[test]
    fn holds_back_only_new_spelling_findings_under_the_cursor() {
        let t = "Ia menulis beritaa";
        let w = Span::new(t.find("beritaa").unwrap(), t.len());
        let d = diag(HOLD_BACK_WHILE_TYPING[0], w);
        assert!(held_back(&d, t, Some(t.len()), &[]));
        // The writer moved on.
        assert!(!held_back(&d, t, None, &[]));
        assert!(!held_back(&d, t, Some(3), &[]));
        // Already shown before this edit: keep showing it.
        let shown = [Shown {
            rule: d.rule.clone(),
            start: w.start,
            text: "beritaa".to_owned(),
        }];
        assert!(!held_back(&d, t, Some(t.len()), &shown));
        // Moved along by an edit before it, it is still the same finding.
        let mut moved = shown.to_vec();
        shift_shown(&mut moved, Some((Span::new(3, 3), 5)));
        assert_eq!(moved[0].start, w.start + 5);
        shift_shown(&mut moved, Some((Span::new(w.start + 6, w.start + 6), 1)));
        assert!(moved.is_empty(), "an edit inside the word forgets it");
        // Other rules are never held back.
        assert!(!held_back(
            &diag("tanda-baca.spasi-ganda", w),
            t,
            Some(t.len()),
            &[]
        ));
    }
}
