//! Code actions: apply a fix, fix all of a rule, fix everything safe (`source.fixAll.sunting`),
//! accept a word or name into the project vocabulary, dismiss one finding, disable a rule on
//! one line; and the `.sunting.toml` edits behind the two commands (toml_edit, comments
//! kept, written atomically).

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic as LspDiagnostic,
    Position, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::convert::{self, Encoding};
use super::documents::{Finding, TextDoc};
use crate::document::Format;
use crate::span::Span;

/// `workspace/executeCommand`: add a word or name to `[words] accept` / `[names] accept`.
pub const CMD_ACCEPT: &str = "sunting.accept";
/// `workspace/executeCommand`: append a `[[dismissed]]` entry.
pub const CMD_DISMISS: &str = "sunting.dismiss";
/// The fix-all kind the server offers (and `editor.codeActionsOnSave` can ask for).
pub const FIX_ALL_KIND: &str = "source.fixAll.sunting";

/// Which accepted-vocabulary list a finding's text can go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Vocabulary {
    /// `[words] accept`: the spelling rules accept the word.
    Words,
    /// `[names] accept`: the name rules accept the name.
    Names,
}

impl Vocabulary {
    /// The `.sunting.toml` section.
    pub fn section(self) -> &'static str {
        match self {
            Vocabulary::Words => "words",
            Vocabulary::Names => "names",
        }
    }
}

/// Rule ids (exact, or a family prefix ending in `.`) whose findings can be silenced by
/// accepting the flagged text into a vocabulary list of `.sunting.toml`. Data, not code:
/// the config sections are what the spelling and name rules read.
pub const VOCABULARY_RULES: &[(&str, Vocabulary)] = &[
    ("ejaan", Vocabulary::Words),
    ("ejaan.", Vocabulary::Words),
    ("nama.", Vocabulary::Names),
];

/// The vocabulary list for a rule, if its findings can be accepted.
pub fn vocabulary_for(rule: &str) -> Option<Vocabulary> {
    VOCABULARY_RULES
        .iter()
        .find(|(id, _)| *id == rule || (id.ends_with('.') && rule.starts_with(id)))
        .map(|(_, v)| *v)
}

/// Arguments of [`CMD_ACCEPT`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptArgs {
    /// The document the finding is in (the config above it is edited).
    pub uri: Uri,
    /// Which list.
    pub vocabulary: Vocabulary,
    /// The word or name.
    pub word: String,
}

/// Arguments of [`CMD_DISMISS`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DismissArgs {
    /// The document the finding is in.
    pub uri: Uri,
    /// The rule id.
    pub rule: String,
    /// The flagged text.
    pub text: String,
    /// The sentence, whitespace-normalised.
    pub sentence: String,
}

fn edits_of(doc: &TextDoc, f: &Finding, enc: Encoding) -> Vec<TextEdit> {
    f.diagnostic
        .fixes
        .iter()
        .map(|x| TextEdit {
            range: convert::range(&doc.text, doc.index(), x.span, enc),
            new_text: x.replacement.clone(),
        })
        .collect()
}

/// The fixes of `findings`, in order, skipping any finding whose edits overlap an edit
/// already taken (so the result applies cleanly in one go).
fn non_overlapping<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<&'a Finding> {
    let mut taken: Vec<&Finding> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut sorted: Vec<&Finding> = findings
        .filter(|f| !f.diagnostic.fixes.is_empty())
        .collect();
    sorted.sort_by_key(|f| (f.diagnostic.span.start, f.diagnostic.span.end));
    for f in sorted {
        let mine: Vec<Span> = f.diagnostic.fixes.iter().map(|x| x.span).collect();
        let clash = mine.iter().any(|a| {
            spans
                .iter()
                .any(|b| a.start < b.end && b.start < a.end || (a.is_empty() && *a == *b))
        });
        let self_clash = mine.iter().enumerate().any(|(i, a)| {
            mine[i + 1..]
                .iter()
                .any(|b| a.start < b.end && b.start < a.end)
        });
        if !clash && !self_clash {
            spans.extend(mine);
            taken.push(f);
        }
    }
    taken
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    match only {
        None => true,
        Some(list) => list.iter().any(|k| {
            kind.as_str() == k.as_str() || kind.as_str().starts_with(&format!("{}.", k.as_str()))
        }),
    }
}

/// The edit that fixes every safe finding in the document (`source.fixAll.sunting`).
pub fn fix_all_safe(
    uri: &Uri,
    doc: &TextDoc,
    findings: &[Finding],
    enc: Encoding,
) -> Option<CodeAction> {
    let safe = non_overlapping(findings.iter().filter(|f| f.diagnostic.fix_safe));
    if safe.is_empty() {
        return None;
    }
    let edits = safe.iter().flat_map(|f| edits_of(doc, f, enc)).collect();
    Some(CodeAction {
        title: format!(
            "sunting: perbaiki semua yang aman di berkas ini ({} temuan)",
            safe.len()
        ),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        edit: Some(workspace_edit(uri, edits)),
        ..CodeAction::default()
    })
}

/// The line inserted above a finding to disable `rule` on its line.
fn disable_line_edit(doc: &TextDoc, at: usize, rule: &str, enc: Encoding) -> TextEdit {
    let index = doc.index();
    let line = index.line_of(at);
    let range = index.line_range(&doc.text, line);
    let line_text = &doc.text[range.clone()];
    let indent: String = line_text
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let crlf = doc.text[range.end..].starts_with("\r\n");
    let eol = if crlf { "\r\n" } else { "\n" };
    let directive = match doc.format {
        Format::Markdown => format!("<!-- sunting-disable-next-line {rule} -->"),
        Format::Text => format!("sunting-disable-next-line {rule}"),
    };
    let start = convert::position(&doc.text, index, range.start, enc);
    TextEdit {
        range: Range { start, end: start },
        new_text: format!("{indent}{directive}{eol}"),
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// The published diagnostic of finding `d` (same rule, same range), if it is shown.
pub fn find_published<'a>(
    published: &'a [LspDiagnostic],
    doc: &TextDoc,
    d: &crate::diagnostic::Diagnostic,
    enc: Encoding,
) -> Option<&'a LspDiagnostic> {
    let range = convert::range(&doc.text, doc.index(), d.span, enc);
    published.iter().find(|p| {
        p.range == range
            && matches!(&p.code, Some(tower_lsp_server::ls_types::NumberOrString::String(s)) if *s == d.rule)
    })
}

/// The code actions for `request` (a byte span of the document). `published` are the LSP
/// diagnostics shown for this version of the document (None when not yet published): the
/// quick fixes are attached to them, and findings not shown get none.
pub fn code_actions(
    uri: &Uri,
    doc: &TextDoc,
    findings: &[Finding],
    published: Option<&[LspDiagnostic]>,
    request: Span,
    only: Option<&[CodeActionKind]>,
    enc: Encoding,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let mut fix_all_rules: Vec<&str> = Vec::new();
    for f in findings {
        let d = &f.diagnostic;
        if !(d.span.overlaps(request) || request.is_empty() && d.span.contains(request)) {
            continue;
        }
        // Only what the writer sees: a finding held back while they type has no actions.
        let diags = match published {
            Some(list) => match find_published(list, doc, d, enc) {
                Some(p) => Some(vec![p.clone()]),
                None => continue,
            },
            None => None,
        };
        let flagged = d.span.text(&doc.text);
        if !d.fixes.is_empty() && wanted(only, &CodeActionKind::QUICKFIX) {
            let preview = d.apply_to(&doc.text);
            let lo = d.extent().start;
            let hi_old = d.extent().end;
            let hi_new = (hi_old + preview.len()).saturating_sub(doc.text.len());
            let replacement = preview.get(lo..hi_new).unwrap_or("");
            let title = if replacement.trim().is_empty() && !flagged.trim().is_empty() {
                format!("sunting: hapus “{}”", short(flagged))
            } else {
                format!("sunting: ganti dengan “{}”", short(replacement))
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: diags.clone(),
                edit: Some(workspace_edit(uri, edits_of(doc, f, enc))),
                is_preferred: Some(true),
                ..CodeAction::default()
            }));
        }
        if !fix_all_rules.contains(&d.rule.as_str()) && wanted(only, &CodeActionKind::QUICKFIX) {
            let same = non_overlapping(findings.iter().filter(|x| x.diagnostic.rule == d.rule));
            if same.len() > 1 {
                fix_all_rules.push(&d.rule);
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!(
                        "sunting: perbaiki semua {} di berkas ini ({} temuan)",
                        d.rule,
                        same.len()
                    ),
                    kind: Some(CodeActionKind::QUICKFIX),
                    edit: Some(workspace_edit(
                        uri,
                        same.iter().flat_map(|x| edits_of(doc, x, enc)).collect(),
                    )),
                    ..CodeAction::default()
                }));
            }
        }
        if let Some(vocab) = vocabulary_for(&d.rule) {
            if wanted(only, &CodeActionKind::QUICKFIX) && !flagged.trim().is_empty() {
                let args = AcceptArgs {
                    uri: uri.clone(),
                    vocabulary: vocab,
                    word: flagged.trim().to_owned(),
                };
                let title = format!(
                    "sunting: terima “{}” ([{}] accept di .sunting.toml)",
                    short(flagged.trim()),
                    vocab.section()
                );
                out.push(command_action(title, CMD_ACCEPT, &args, diags.clone()));
            }
        }
        if wanted(only, &CodeActionKind::QUICKFIX) {
            let args = DismissArgs {
                uri: uri.clone(),
                rule: d.rule.clone(),
                text: flagged.to_owned(),
                sentence: f.sentence.clone(),
            };
            let title = format!(
                "sunting: abaikan temuan {} ini (dicatat di .sunting.toml)",
                d.rule
            );
            out.push(command_action(title, CMD_DISMISS, &args, diags.clone()));
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("sunting: nonaktifkan {} untuk baris ini", d.rule),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: diags,
                edit: Some(workspace_edit(
                    uri,
                    vec![disable_line_edit(doc, d.span.start, &d.rule, enc)],
                )),
                ..CodeAction::default()
            }));
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL_KIND);
    if wanted(only, &fix_all) {
        if let Some(a) = fix_all_safe(uri, doc, findings, enc) {
            out.push(CodeActionOrCommand::CodeAction(a));
        }
    }
    out
}

/// Edit a `.sunting.toml` (created when missing), keeping its comments and layout, and
/// write it atomically (temp file in the same folder, then rename). `change` returns false
/// when there is nothing to do (the file is then left alone).
///
/// # Errors
/// The file cannot be read, is not valid TOML (it is never overwritten then), or cannot be
/// written.
pub fn edit_config_file(
    path: &Path,
    change: impl FnOnce(&mut DocumentMut) -> Result<bool, String>,
) -> Result<bool, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e| format!("{} is not valid TOML, not changed: {e}", path.display()))?;
    if !change(&mut doc)? {
        return Ok(false);
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let write = || -> std::io::Result<()> {
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(doc.to_string().as_bytes())?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    };
    write().map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(true)
}

fn table_mut<'a>(doc: &'a mut DocumentMut, name: &str) -> Result<&'a mut Table, String> {
    let item = doc.entry(name).or_insert_with(toml_edit::table);
    if let Some(inline) = item.as_inline_table() {
        *item = Item::Table(inline.clone().into_table());
    }
    item.as_table_mut()
        .ok_or_else(|| format!("`{name}` in .sunting.toml is not a table"))
}

/// Add `word` to `[section] accept` unless it is there already (case-insensitively).
///
/// # Errors
/// The section or key has the wrong type.
pub fn add_accepted(doc: &mut DocumentMut, vocab: Vocabulary, word: &str) -> Result<bool, String> {
    let section = vocab.section();
    let table = table_mut(doc, section)?;
    let list = table
        .entry("accept")
        .or_insert_with(|| Item::Value(Value::Array(Array::new())))
        .as_array_mut()
        .ok_or_else(|| format!("`[{section}] accept` in .sunting.toml is not an array"))?;
    let lower = word.to_lowercase();
    if list
        .iter()
        .any(|v| v.as_str().is_some_and(|s| s.to_lowercase() == lower))
    {
        return Ok(false);
    }
    list.push(word);
    Ok(true)
}

/// Append a `[[dismissed]]` entry unless the same one is there already.
///
/// # Errors
/// `dismissed` has the wrong type.
pub fn add_dismissed(
    doc: &mut DocumentMut,
    rule: &str,
    text: &str,
    sentence: &str,
) -> Result<bool, String> {
    let item = doc
        .entry("dismissed")
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    let same = |t: &dyn toml_edit::TableLike| {
        t.get("rule").and_then(Item::as_str) == Some(rule)
            && t.get("text").and_then(Item::as_str) == Some(text)
            && t.get("sentence").and_then(Item::as_str) == Some(sentence)
    };
    match item {
        Item::ArrayOfTables(list) => {
            if list.iter().any(|t| same(t)) {
                return Ok(false);
            }
            let mut t = Table::new();
            t.insert("rule", toml_edit::value(rule));
            t.insert("text", toml_edit::value(text));
            t.insert("sentence", toml_edit::value(sentence));
            list.push(t);
            Ok(true)
        }
        Item::Value(Value::Array(list)) => {
            if list
                .iter()
                .filter_map(Value::as_inline_table)
                .any(|t| same(t))
            {
                return Ok(false);
            }
            let mut t = toml_edit::InlineTable::new();
            t.insert("rule", rule.into());
            t.insert("text", text.into());
            t.insert("sentence", sentence.into());
            list.push(t);
            Ok(true)
        }
        _ => Err("`dismissed` in .sunting.toml is not a list".to_owned()),
    }
}

/// Position helper for tests and the backend.
pub fn line_start_position(line: u32) -> Position {
    Position { line, character: 0 }
}

/// A quick fix that runs one of our commands (the edit happens in `.sunting.toml`, not in
/// the document).
fn command_action(
    title: String,
    command: &str,
    args: &impl Serialize,
    diagnostics: Option<Vec<tower_lsp_server::ls_types::Diagnostic>>,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title: title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics,
        command: Some(Command {
            title,
            command: command.to_owned(),
            arguments: serde_json::to_value(args).ok().map(|v| vec![v]),
        }),
        ..CodeAction::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::diagnostic::{Diagnostic, Fix, Level, apply_fixes};

    fn finding(rule: &str, span: Span, fix: Option<&str>, safe: bool) -> Finding {
        Finding {
            diagnostic: Diagnostic {
                rule: rule.to_owned(),
                level: Level::Warning,
                span,
                message: "m".to_owned(),
                help: None,
                labels: vec![],
                fixes: fix.map(|r| vec![Fix::new(span, r)]).unwrap_or_default(),
                fix_safe: safe,
            },
            sentence: "s".to_owned(),
        }
    }

    #[test]
    fn config_edits_keep_comments_and_parse_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".sunting.toml");
        std::fs::write(
            &path,
            "# redaksi kami\n[words]\naccept = [\"bansos\"] # istilah\n",
        )
        .unwrap();
        assert!(
            edit_config_file(&path, |d| add_accepted(d, Vocabulary::Words, "pilkades")).unwrap()
        );
        assert!(
            !edit_config_file(&path, |d| add_accepted(d, Vocabulary::Words, "Pilkades")).unwrap()
        );
        assert!(
            edit_config_file(&path, |d| add_accepted(d, Vocabulary::Names, "Prabowo")).unwrap()
        );
        assert!(
            edit_config_file(&path, |d| add_dismissed(
                d,
                "baku",
                "praktek",
                "Itu praktek."
            ))
            .unwrap()
        );
        assert!(
            !edit_config_file(&path, |d| add_dismissed(
                d,
                "baku",
                "praktek",
                "Itu praktek."
            ))
            .unwrap()
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# redaksi kami\n"), "{text}");
        assert!(text.contains("# istilah"), "{text}");
        let cfg = Config::parse(&text, &path).unwrap();
        assert_eq!(cfg.words.accept, vec!["bansos", "pilkades"]);
        assert_eq!(cfg.names.accept, vec!["Prabowo"]);
        assert_eq!(cfg.dismissed.len(), 1);
        assert_eq!(cfg.dismissed[0].sentence, "Itu praktek.");
        // No stray temp files left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn broken_toml_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".sunting.toml");
        std::fs::write(&path, "[words\n").unwrap();
        assert!(edit_config_file(&path, |d| add_accepted(d, Vocabulary::Words, "x")).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[words\n");
    }

    #[test]
    fn fix_all_takes_non_overlapping_safe_fixes() {
        let text = "aa bb cc dd";
        let doc = TextDoc::new(text.to_owned(), 1, Format::Text, None);
        let fs = vec![
            finding("r1", Span::new(0, 2), Some("A"), true),
            finding("r2", Span::new(0, 5), Some("X"), true),
            finding("r1", Span::new(6, 8), Some("C"), true),
            finding("r3", Span::new(9, 11), Some("D"), false),
        ];
        let uri: Uri = "file:///t.txt".parse().unwrap();
        let a = fix_all_safe(&uri, &doc, &fs, Encoding::Utf16).unwrap();
        let edits = &a.edit.unwrap().changes.unwrap()[&uri];
        assert_eq!(edits.len(), 2);
        let fixes: Vec<Fix> = non_overlapping(fs.iter().filter(|f| f.diagnostic.fix_safe))
            .iter()
            .flat_map(|f| f.diagnostic.fixes.clone())
            .collect();
        assert_eq!(apply_fixes(text, fixes.iter()), "A bb C dd");
    }

    #[test]
    fn disable_line_directive_matches_the_format() {
        let md = TextDoc::new(
            "satu\r\n  dua kata\r\n".to_owned(),
            1,
            Format::Markdown,
            None,
        );
        let at = md.text.find("kata").unwrap();
        let e = disable_line_edit(&md, at, "baku", Encoding::Utf16);
        assert_eq!(e.range.start, line_start_position(1));
        assert_eq!(e.new_text, "  <!-- sunting-disable-next-line baku -->\r\n");
        let txt = TextDoc::new("dua kata".to_owned(), 1, Format::Text, None);
        let e = disable_line_edit(&txt, 4, "baku", Encoding::Utf16);
        assert_eq!(e.new_text, "sunting-disable-next-line baku\n");
    }

    #[test]
    fn vocabulary_is_offered_by_rule_family() {
        assert_eq!(vocabulary_for("ejaan"), Some(Vocabulary::Words));
        assert_eq!(vocabulary_for("nama.varian"), Some(Vocabulary::Names));
        assert_eq!(vocabulary_for("baku"), None);
        assert_eq!(vocabulary_for("ejaanx"), None);
    }
}
